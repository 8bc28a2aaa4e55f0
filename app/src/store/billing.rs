//! A company's billing details, edited by its contact (issue 12). Versioned like the vendor's:
//! an edit adds a row, and an invoice cites the row in force when it was issued.

use crate::store::{Conn, Db};

/// One version of a company's billing details.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct BillingRecord {
    pub id: i64,
    pub legal_name: String,
    /// Postal address, one line per line.
    pub address: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// Empty when the company has none.
    pub vat_number: String,
    /// Where invoices are mailed: one or more addresses, comma-separated.
    pub billing_emails: String,
}

const COLUMNS: &str = "id, legal_name, address, country, vat_number, billing_emails";

/// The company's details in force now, if it has given any.
pub async fn current(
    conn: &mut Conn,
    company_id: i64,
) -> Result<Option<BillingRecord>, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM billing_details WHERE company_id = $1 ORDER BY id DESC LIMIT 1"
    ))
    .bind(company_id)
    .fetch_optional(conn)
    .await
}

/// The company's details in force now, read from the pool.
pub async fn current_in(db: &Db, company_id: i64) -> Result<Option<BillingRecord>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    current(&mut conn, company_id).await
}

/// One version, by id (the one an invoice cites).
pub async fn version(db: &Db, id: i64) -> Result<BillingRecord, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM billing_details WHERE id = $1"
    ))
    .bind(id)
    .fetch_one(db)
    .await
}

/// Adds a version for `company_id`, made by contact `contact_id`. Returns its id.
pub async fn insert(
    conn: &mut Conn,
    company_id: i64,
    details: &BillingRecord,
    contact_id: i64,
    now: &str,
) -> Result<i64, sqlx::Error> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO billing_details (company_id, legal_name, address, country, vat_number,
                                      billing_emails, created_at, created_by_contact_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
    )
    .bind(company_id)
    .bind(&details.legal_name)
    .bind(&details.address)
    .bind(&details.country)
    .bind(&details.vat_number)
    .bind(&details.billing_emails)
    .bind(now)
    .bind(contact_id)
    .fetch_one(conn)
    .await?;
    Ok(id)
}
