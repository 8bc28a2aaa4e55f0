//! SQL, one module per aggregate. Server-only.
//!
//! Queries go through sqlx's `Any` driver so that one implementation serves SQLite and
//! PostgreSQL; that is why money is stored as integer minor units and dates as ISO text
//! (see migrations/sqlite/0001_schema.sql).

pub mod catalog;
pub mod contacts;
pub mod contracts;
pub mod holdings;

pub type Db = sqlx::AnyPool;

/// Dates are stored as ISO text; a malformed one is a corrupt row, reported as an internal error.
pub(crate) fn parse_date(text: &str) -> Result<chrono::NaiveDate, sqlx::Error> {
    text.parse()
        .map_err(|e: chrono::ParseError| sqlx::Error::Decode(Box::new(e)))
}
