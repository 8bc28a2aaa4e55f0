//! What needs an admin's attention across all companies: coverage ending soon, invoices past
//! due, and the newest orders. Each query returns at most `limit` rows; with 10,000 companies
//! the whole queue takes tens of milliseconds (the `company_list_at_10000` test prints it).

use crate::store::Db;

/// A company whose coverage (the end of its last contract) falls in a window.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CoverageEnding {
    pub company_id: i64,
    pub company_name: String,
    /// ISO date.
    pub coverage_end: String,
}

/// Companies whose coverage ends between `from` and `to` (ISO dates, inclusive), soonest
/// first. A company that has renewed ends later, so it drops out by itself.
pub async fn coverage_ending(
    db: &Db,
    from: &str,
    to: &str,
    limit: i64,
) -> Result<Vec<CoverageEnding>, sqlx::Error> {
    sqlx::query_as(
        "SELECT co.id AS company_id, co.name AS company_name, MAX(k.end_date) AS coverage_end
           FROM companies co JOIN contracts k ON k.company_id = co.id
          GROUP BY co.id, co.name
         HAVING MAX(k.end_date) >= $1 AND MAX(k.end_date) <= $2
          ORDER BY coverage_end, co.name LIMIT $3",
    )
    .bind(from)
    .bind(to)
    .bind(limit)
    .fetch_all(db)
    .await
}

/// An unpaid invoice past its due date.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OverdueInvoice {
    pub company_id: i64,
    pub company_name: String,
    pub number: String,
    /// ISO date.
    pub due_date: String,
    pub total_minor: i64,
}

/// Unpaid invoices due before `today` (ISO date), longest overdue first.
pub async fn overdue_invoices(
    db: &Db,
    today: &str,
    limit: i64,
) -> Result<Vec<OverdueInvoice>, sqlx::Error> {
    sqlx::query_as(
        "SELECT co.id AS company_id, co.name AS company_name, i.number, i.due_date, i.total_minor
           FROM invoices i JOIN companies co ON co.id = i.company_id
          WHERE i.status = 'unpaid' AND i.due_date < $1
          ORDER BY i.due_date, i.number LIMIT $2",
    )
    .bind(today)
    .bind(limit)
    .fetch_all(db)
    .await
}

/// An order, with its company.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RecentOrder {
    pub company_id: i64,
    pub company_name: String,
    pub kind: String,
    /// RFC 3339.
    pub placed_at: String,
    pub total_minor: i64,
    pub invoice_number: String,
}

/// The newest orders of all companies, newest first.
pub async fn recent_orders(db: &Db, limit: i64) -> Result<Vec<RecentOrder>, sqlx::Error> {
    sqlx::query_as(
        "SELECT co.id AS company_id, co.name AS company_name, o.kind, o.placed_at,
                i.total_minor, i.number AS invoice_number
           FROM orders o
           JOIN companies co ON co.id = o.company_id
           JOIN invoices i ON i.order_id = o.id
          ORDER BY o.id DESC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(db)
    .await
}
