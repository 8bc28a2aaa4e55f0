//! SQL, one module per aggregate. Server-only.
//!
//! Queries go through sqlx's `Any` driver so that one implementation serves SQLite and
//! PostgreSQL; that is why money is stored as integer minor units and dates as ISO text
//! (see migrations/sqlite/0001_schema.sql). Functions that run several statements take a
//! connection, so that callers can run them inside one transaction.

pub mod admins;
pub mod api_tokens;
pub mod audit;
pub mod billing;
pub mod catalog;
pub mod companies;
pub mod constraint;
pub mod consultations;
pub mod contacts;
pub mod contracts;
pub mod holdings;
pub mod idempotency;
pub mod imports;
pub mod invoices;
pub mod jobs;
pub mod orders;
pub mod preferences;
pub mod records;
pub mod second_factors;
pub mod throttle;
pub mod tokens;
pub mod vendor;
pub mod version_updates;
pub mod webhooks;
pub mod work_queue;

use sqlx::{Any, Transaction};

pub type Db = sqlx::AnyPool;
pub type Conn = sqlx::AnyConnection;

/// Starts a transaction that writes.
///
/// On SQLite it takes the write lock up front (`BEGIN IMMEDIATE`), so that two readers never
/// both try to upgrade to writers, and it runs on this process's one writer connection
/// ([`sqlite_writer`]). PostgreSQL writes on the pool: row locks order its writers.
pub async fn begin_write(db: &Db) -> Result<Transaction<'static, Any>, sqlx::Error> {
    if is_sqlite(db) {
        writer(db).begin_with("BEGIN IMMEDIATE").await
    } else {
        db.begin().await
    }
}

/// Where a single statement that writes, outside a transaction, runs: on SQLite the one writer
/// connection, so that it queues in the process behind write transactions instead of sleeping
/// in SQLite's busy handler on a reading connection (a job marked done during a purchase storm
/// waited up to 100 ms per sleep); the pool itself on PostgreSQL.
pub fn writer(db: &Db) -> Db {
    if is_sqlite(db) {
        sqlite_writer(db).unwrap_or_else(|| db.clone())
    } else {
        db.clone()
    }
}

fn is_sqlite(db: &Db) -> bool {
    db.connect_options()
        .database_url
        .scheme()
        .starts_with("sqlite")
}

/// The one connection of `db`'s file that write transactions use (issue 18). SQLite admits one
/// writer at a time; with every writer on its own pooled connection, the waiting ones sleep in
/// SQLite's busy handler, in steps that grow to 100 ms, and wake late: purchase confirms had a
/// p99 of 279 ms for a median of 61 ms (docs/performance.md). On one connection they queue in
/// the process instead, first come first served, and each starts the moment the previous one
/// commits. Reads keep the pool. Made on first use, with the pool's own settings (the
/// connection's PRAGMAs, the acquire timeout that answers 503 under overload).
///
/// `PORTAL_SQLITE_WRITER=pool` writes on the pool instead, as before: `scripts/bench.sh`
/// measures both ways in one run.
fn sqlite_writer(db: &Db) -> Option<Db> {
    use std::collections::HashMap;
    use std::sync::{LazyLock, Mutex};
    static ONE_WRITER: LazyLock<bool> =
        LazyLock::new(|| std::env::var("PORTAL_SQLITE_WRITER").as_deref() != Ok("pool"));
    static WRITERS: LazyLock<Mutex<HashMap<String, Db>>> = LazyLock::new(Default::default);
    if !*ONE_WRITER {
        return None;
    }
    let url = db.connect_options().database_url.to_string();
    let mut writers = WRITERS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let writer = writers.entry(url).or_insert_with(|| {
        db.options()
            .clone()
            .max_connections(1)
            .min_connections(0)
            .connect_lazy_with((*db.connect_options()).clone())
    });
    Some(writer.clone())
}

/// Serializes writers of one company's state until the transaction ends. SQLite's
/// `BEGIN IMMEDIATE` already serializes all writers; PostgreSQL (READ COMMITTED) needs the row
/// lock, so that two purchases, on any instances, never both read the same contract end and
/// extend it twice, and a repeated order key is seen by the second request.
pub async fn lock_company(conn: &mut Conn, company_id: i64) -> Result<(), sqlx::Error> {
    if conn.backend_name() == "PostgreSQL" {
        sqlx::query("SELECT id FROM companies WHERE id = $1 FOR UPDATE")
            .bind(company_id)
            .fetch_optional(conn)
            .await?;
    }
    Ok(())
}

/// What an insert of a named record (a product, a company) did. Names are unique by
/// [`domain::name_key`]: the same up to case and spacing counts as taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Insert {
    /// The new record's id.
    Created(i64),
    /// A record with the same name key exists; its name as stored, for the refusal.
    NameTaken { existing: String },
}

/// The engine-specific tail of a `SELECT` that locks the rows it reads until the transaction
/// ends: PostgreSQL (READ COMMITTED) needs `FOR UPDATE`; SQLite's `BEGIN IMMEDIATE` already
/// serializes every writer.
pub(crate) fn for_update(conn: &Conn) -> &'static str {
    if conn.backend_name() == "PostgreSQL" {
        " FOR UPDATE"
    } else {
        ""
    }
}

/// Dates are stored as ISO text; a malformed one is a corrupt row, reported as an internal error.
pub(crate) fn parse_date(text: &str) -> Result<chrono::NaiveDate, sqlx::Error> {
    text.parse()
        .map_err(|e: chrono::ParseError| sqlx::Error::Decode(Box::new(e)))
}

/// A stored value the domain refuses (negative money, bad version…) is a corrupt row.
pub(crate) fn corrupt(error: impl std::error::Error + Send + Sync + 'static) -> sqlx::Error {
    sqlx::Error::Decode(Box::new(error))
}

pub(crate) fn money(minor: i64) -> Result<domain::Money, sqlx::Error> {
    domain::Money::from_minor(minor).map_err(corrupt)
}

pub(crate) fn now_rfc3339() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}
