//! The records integrators read (`/api/v1`) and admins export (CSV): companies, holdings,
//! contracts, orders and invoices, a page at a time, in id order.
//!
//! `updated_at` of a company is its last recorded change: every change to a company's records
//! is audited with the company (purchases, grants, version updates, contact and billing
//! changes, payments), so the audit log is the change feed, and `updated_since` returns the
//! records of the companies changed since (orders: those placed since). Times are RFC 3339 UTC.

use super::Db;

/// Which page: `limit` rows after skipping `offset`; `since` keeps companies changed at or
/// after it (RFC 3339 with milliseconds, as the log writes them).
#[derive(Debug, Clone, Default)]
pub struct Window {
    pub since: Option<String>,
    pub limit: i64,
    pub offset: i64,
}

/// An instant as the API writes it: RFC 3339 UTC with milliseconds (`…T09:00:00.000Z`);
/// stored instants come with more or fewer digits.
pub fn instant(stored: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(stored)
        .map(|at| {
            at.with_timezone(&chrono::Utc)
                .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
        })
        .unwrap_or_else(|_| stored.to_string())
}

/// Each company's last change (the newest audit entry, else its creation).
const CHANGED: &str = "WITH changed AS (
    SELECT co.id AS company_id, COALESCE(MAX(a.at), co.created_at) AS updated_at
      FROM companies co LEFT JOIN audit_log a ON a.company_id = co.id
     GROUP BY co.id, co.created_at)";

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct CompanyRecord {
    pub id: i64,
    pub name: String,
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    pub updated_at: String,
}

pub async fn companies(db: &Db, w: &Window) -> Result<Vec<CompanyRecord>, sqlx::Error> {
    let rows: Vec<CompanyRecord> = sqlx::query_as(&format!(
        "{CHANGED}
         SELECT co.id, co.name, c.name AS contact_name, c.email AS contact_email, ch.updated_at
           FROM companies co JOIN changed ch ON ch.company_id = co.id
           LEFT JOIN contacts c ON c.company_id = co.id AND c.active = 1
          WHERE $1 = '' OR ch.updated_at >= $1
          ORDER BY co.id LIMIT $2 OFFSET $3"
    ))
    .bind(w.since.clone().unwrap_or_default())
    .bind(w.limit)
    .bind(w.offset)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|mut r| {
            r.updated_at = instant(&r.updated_at);
            r
        })
        .collect())
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct HoldingExport {
    pub company_id: i64,
    pub company: String,
    pub product_id: i64,
    pub product: String,
    pub quantity: i64,
    pub version: String,
    pub updated_at: String,
}

pub async fn holdings(db: &Db, w: &Window) -> Result<Vec<HoldingExport>, sqlx::Error> {
    let rows: Vec<HoldingExport> = sqlx::query_as(&format!(
        "{CHANGED}
         SELECT h.company_id, co.name AS company, h.product_id, p.name AS product, h.quantity,
                h.version, ch.updated_at
           FROM holdings h JOIN companies co ON co.id = h.company_id
           JOIN products p ON p.id = h.product_id
           JOIN changed ch ON ch.company_id = h.company_id
          WHERE $1 = '' OR ch.updated_at >= $1
          ORDER BY h.company_id, h.product_id LIMIT $2 OFFSET $3"
    ))
    .bind(w.since.clone().unwrap_or_default())
    .bind(w.limit)
    .bind(w.offset)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|mut r| {
            r.updated_at = instant(&r.updated_at);
            r
        })
        .collect())
}

#[derive(Debug, Clone, sqlx::FromRow, serde::Serialize)]
pub struct ContractExport {
    pub id: i64,
    pub company_id: i64,
    pub company: String,
    pub plan: String,
    pub start: String,
    pub end: String,
    pub years: i64,
    pub signed_at: String,
    pub updated_at: String,
}

pub async fn contracts(db: &Db, w: &Window) -> Result<Vec<ContractExport>, sqlx::Error> {
    let rows: Vec<ContractExport> = sqlx::query_as(&format!(
        "{CHANGED}
         SELECT k.id, k.company_id, co.name AS company, k.plan_tier AS plan,
                k.start_date AS start, k.end_date AS \"end\", k.years, k.signed_at, ch.updated_at
           FROM contracts k JOIN companies co ON co.id = k.company_id
           JOIN changed ch ON ch.company_id = k.company_id
          WHERE $1 = '' OR ch.updated_at >= $1
          ORDER BY k.id LIMIT $2 OFFSET $3"
    ))
    .bind(w.since.clone().unwrap_or_default())
    .bind(w.limit)
    .bind(w.offset)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|mut r| {
            r.updated_at = instant(&r.updated_at);
            r
        })
        .collect())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OrderExport {
    pub id: i64,
    pub company_id: i64,
    pub company: String,
    pub kind: String,
    pub placed_at: String,
    pub signing_date: String,
    pub total_minor: i64,
    pub invoice_number: Option<String>,
}

pub async fn orders(db: &Db, w: &Window) -> Result<Vec<OrderExport>, sqlx::Error> {
    sqlx::query_as(
        "SELECT o.id, o.company_id, co.name AS company, o.kind, o.placed_at, o.signing_date,
                o.total_minor, i.number AS invoice_number
           FROM orders o JOIN companies co ON co.id = o.company_id
           LEFT JOIN invoices i ON i.order_id = o.id
          WHERE $1 = '' OR o.placed_at >= $1
          ORDER BY o.id LIMIT $2 OFFSET $3",
    )
    .bind(w.since.clone().unwrap_or_default())
    .bind(w.limit)
    .bind(w.offset)
    .fetch_all(db)
    .await
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct InvoiceExport {
    pub number: String,
    pub order_id: i64,
    pub company_id: i64,
    pub company: String,
    pub issue_date: String,
    pub due_date: String,
    pub currency: String,
    pub total_minor: i64,
    pub status: String,
    pub paid_on: Option<String>,
    pub updated_at: String,
}

pub async fn invoices(db: &Db, w: &Window) -> Result<Vec<InvoiceExport>, sqlx::Error> {
    let rows: Vec<InvoiceExport> = sqlx::query_as(&format!(
        "{CHANGED}
         SELECT i.number, i.order_id, i.company_id, co.name AS company, i.issue_date, i.due_date,
                i.currency, i.total_minor, i.status, i.paid_on, ch.updated_at
           FROM invoices i JOIN companies co ON co.id = i.company_id
           JOIN changed ch ON ch.company_id = i.company_id
          WHERE $1 = '' OR ch.updated_at >= $1
          ORDER BY i.id LIMIT $2 OFFSET $3"
    ))
    .bind(w.since.clone().unwrap_or_default())
    .bind(w.limit)
    .bind(w.offset)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|mut r| {
            r.updated_at = instant(&r.updated_at);
            r
        })
        .collect())
}
