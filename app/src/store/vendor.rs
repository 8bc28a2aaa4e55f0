//! The vendor's details as they appear on invoices (issue 12). Versioned: an edit adds a row,
//! and an invoice cites the row in force when it was issued, so issued invoices never change.

use crate::store::{Conn, Db};

/// One version of the vendor's details, as the admin saved it. Text columns are empty when not
/// set; `payment_terms_days` is 0–365 and `vat_rate_bp` basis points (checked when saved).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct VendorRecord {
    pub id: i64,
    pub legal_name: String,
    /// Postal address, one line per line.
    pub address: String,
    pub registration_number: String,
    pub vat_number: String,
    /// Compact IBAN (checked when saved) or empty.
    pub iban: String,
    pub bic: String,
    pub bank_name: String,
    pub payment_terms_days: i64,
    /// The one VAT rate, in basis points.
    pub vat_rate_bp: i64,
    /// Printed with the tax, e.g. a reverse-charge or exemption note.
    pub vat_note: String,
    pub footer: String,
    /// RFC 3339 instant of the edit.
    pub created_at: String,
}

impl VendorRecord {
    /// The VAT rate of this version.
    pub fn vat_rate(&self) -> Result<domain::Percent, sqlx::Error> {
        crate::store::catalog::percent(self.vat_rate_bp)
    }

    /// The payment terms of this version.
    pub fn payment_terms(&self) -> Result<domain::PaymentTerms, sqlx::Error> {
        u32::try_from(self.payment_terms_days)
            .map_err(crate::store::corrupt)
            .and_then(|days| domain::PaymentTerms::new(days).map_err(crate::store::corrupt))
    }
}

const COLUMNS: &str = "id, legal_name, address, registration_number, vat_number, iban, bic,
    bank_name, payment_terms_days, vat_rate_bp, vat_note, footer, created_at";

/// The details in force now: the newest version (the migration creates the first).
pub async fn current(conn: &mut Conn) -> Result<VendorRecord, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM vendor_details ORDER BY id DESC LIMIT 1"
    ))
    .fetch_one(conn)
    .await
}

/// One version, by id (the one an invoice cites).
pub async fn version(db: &Db, id: i64) -> Result<VendorRecord, sqlx::Error> {
    sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM vendor_details WHERE id = $1"
    ))
    .bind(id)
    .fetch_one(db)
    .await
}

/// Adds a version made by admin `admin_id`; it is in force from now on. Returns its id.
pub async fn insert(
    conn: &mut Conn,
    details: &VendorRecord,
    admin_id: i64,
    now: &str,
) -> Result<i64, sqlx::Error> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO vendor_details (legal_name, address, registration_number, vat_number, iban,
                                     bic, bank_name, payment_terms_days, vat_rate_bp, vat_note,
                                     footer, created_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
    )
    .bind(&details.legal_name)
    .bind(&details.address)
    .bind(&details.registration_number)
    .bind(&details.vat_number)
    .bind(&details.iban)
    .bind(&details.bic)
    .bind(&details.bank_name)
    .bind(details.payment_terms_days)
    .bind(details.vat_rate_bp)
    .bind(&details.vat_note)
    .bind(&details.footer)
    .bind(now)
    .bind(admin_id)
    .fetch_one(conn)
    .await?;
    Ok(id)
}
