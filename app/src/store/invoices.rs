//! Invoices (issue 12): gapless numbering, the invoice written with its order, the record an
//! invoice document is rendered from, the admin's list, and payments.

use chrono::NaiveDate;
use domain::{InvoiceNumber, Taxed};

use crate::store::{corrupt, Conn, Db};

/// Takes the next number of `year` inside the caller's (the order's) transaction.
///
/// The upsert holds the year's row until commit: concurrent orders, on any instance, queue
/// there, and a rolled-back order gives its number back, so numbers are gapless.
pub async fn next_number(conn: &mut Conn, year: i32) -> Result<InvoiceNumber, sqlx::Error> {
    let (last,): (i64,) = sqlx::query_as(
        "INSERT INTO invoice_sequences (year, last_number) VALUES ($1, 1)
         ON CONFLICT (year) DO UPDATE SET last_number = invoice_sequences.last_number + 1
         RETURNING last_number",
    )
    .bind(i64::from(year))
    .fetch_one(conn)
    .await?;
    let sequence = u32::try_from(last).map_err(corrupt)?;
    InvoiceNumber::new(year, sequence).map_err(corrupt)
}

/// An invoice as issued with its order.
pub struct NewInvoice<'a> {
    /// The order it bills (one invoice per order).
    pub order_id: i64,
    pub company_id: i64,
    /// Taken by [`next_number`] in the same transaction.
    pub number: InvoiceNumber,
    /// The order's signing date.
    pub issue_date: NaiveDate,
    /// The issue date plus the vendor's payment terms.
    pub due_date: NaiveDate,
    /// ISO 4217.
    pub currency: &'a str,
    /// Subtotal (the quote's total), rate, tax and total, in the currency.
    pub taxed: Taxed,
    /// The vendor's details in force at issue.
    pub vendor_details_id: i64,
    /// The company's billing details in force at issue, if it had given any.
    pub billing_details_id: Option<i64>,
    /// The company's name at issue, printed when it had no billing details.
    pub buyer_name: &'a str,
}

/// Writes the order's one invoice (R11: the `order_id` is unique).
pub async fn insert(conn: &mut Conn, invoice: &NewInvoice<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO invoices (order_id, company_id, number, issue_date, due_date, currency,
                               subtotal_minor, tax_rate_bp, tax_minor, total_minor,
                               vendor_details_id, billing_details_id, buyer_name)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
    )
    .bind(invoice.order_id)
    .bind(invoice.company_id)
    .bind(invoice.number.to_string())
    .bind(invoice.issue_date.to_string())
    .bind(invoice.due_date.to_string())
    .bind(invoice.currency)
    .bind(invoice.taxed.subtotal.to_minor())
    .bind(i64::from(invoice.taxed.rate.basis_points()))
    .bind(invoice.taxed.tax.to_minor())
    .bind(invoice.taxed.total.to_minor())
    .bind(invoice.vendor_details_id)
    .bind(invoice.billing_details_id)
    .bind(invoice.buyer_name)
    .execute(conn)
    .await?;
    Ok(())
}

/// Everything an invoice document shows that the invoice row holds: amounts in minor units
/// (cents), rates in basis points, dates as ISO text, and the ids of the detail versions cited.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct InvoiceRecord {
    pub order_id: i64,
    pub company_id: i64,
    pub number: String,
    pub issue_date: String,
    pub due_date: String,
    pub currency: String,
    pub subtotal_minor: i64,
    pub tax_rate_bp: i64,
    pub tax_minor: i64,
    pub total_minor: i64,
    /// `unpaid` or `paid`.
    pub status: String,
    /// ISO date the payment arrived, when paid.
    pub paid_on: Option<String>,
    pub bank_reference: Option<String>,
    pub vendor_details_id: Option<i64>,
    pub billing_details_id: Option<i64>,
    pub buyer_name: String,
}

/// The invoice of order `order_id`; with `company_id`, only if the order is that company's,
/// so another company's invoice is indistinguishable from a missing one.
pub async fn of_order(
    db: &Db,
    order_id: i64,
    company_id: Option<i64>,
) -> Result<Option<InvoiceRecord>, sqlx::Error> {
    sqlx::query_as(
        "SELECT order_id, company_id, number, issue_date, due_date, currency, subtotal_minor,
                tax_rate_bp, tax_minor, total_minor, status, paid_on, bank_reference,
                vendor_details_id, billing_details_id, buyer_name
           FROM invoices
          WHERE order_id = $1 AND ($2 IS NULL OR company_id = $2)",
    )
    .bind(order_id)
    .bind(company_id)
    .fetch_optional(db)
    .await
}

/// The invoice numbered `number`, whatever its company.
pub async fn by_number(db: &Db, number: &str) -> Result<Option<InvoiceRecord>, sqlx::Error> {
    sqlx::query_as(
        "SELECT order_id, company_id, number, issue_date, due_date, currency, subtotal_minor,
                tax_rate_bp, tax_minor, total_minor, status, paid_on, bank_reference,
                vendor_details_id, billing_details_id, buyer_name
           FROM invoices WHERE number = $1",
    )
    .bind(number)
    .fetch_optional(db)
    .await
}

/// Unpaid invoices due between `from` and `to` (ISO dates, inclusive): number and due date.
pub async fn unpaid_due_between(
    db: &Db,
    from: &str,
    to: &str,
) -> Result<Vec<(String, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT number, due_date FROM invoices
          WHERE status = 'unpaid' AND due_date >= $1 AND due_date <= $2 ORDER BY due_date",
    )
    .bind(from)
    .bind(to)
    .fetch_all(db)
    .await
}

/// Which invoices the admin's list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusFilter {
    /// Not paid yet, due or not.
    Unpaid,
    /// Not paid and past the due date.
    Overdue,
    /// Paid, whenever.
    Paid,
    /// Every invoice.
    All,
}

/// A row of the admin's invoice list: dates as ISO text, the total in minor units.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct InvoiceListRow {
    pub order_id: i64,
    pub company_id: i64,
    pub company_name: String,
    pub number: String,
    pub issue_date: String,
    pub due_date: String,
    pub total_minor: i64,
    pub status: String,
    pub paid_on: Option<String>,
    pub bank_reference: Option<String>,
}

/// Invoices matching `status` (judged on `today`, an ISO date) whose company name or number
/// contains `search` (case-insensitive; empty matches all), oldest due first, one page.
pub async fn list(
    db: &Db,
    status: StatusFilter,
    search: &str,
    today: &str,
    limit: i64,
    offset: i64,
) -> Result<Vec<InvoiceListRow>, sqlx::Error> {
    let (status, due_before) = match status {
        StatusFilter::Unpaid => ("unpaid", ""),
        StatusFilter::Overdue => ("unpaid", today),
        StatusFilter::Paid => ("paid", ""),
        StatusFilter::All => ("all", ""),
    };
    let pattern = format!("%{}%", search.trim().to_lowercase());
    sqlx::query_as(
        "SELECT i.order_id, i.company_id, co.name AS company_name, i.number, i.issue_date,
                i.due_date, i.total_minor, i.status, i.paid_on, i.bank_reference
           FROM invoices i JOIN companies co ON co.id = i.company_id
          WHERE ($1 = 'all' OR i.status = $1)
            AND ($2 = '' OR i.due_date < $2)
            AND (lower(co.name) LIKE $3 OR lower(i.number) LIKE $3)
          ORDER BY i.due_date, i.number LIMIT $4 OFFSET $5",
    )
    .bind(status)
    .bind(due_before)
    .bind(pattern)
    .bind(limit)
    .bind(offset)
    .fetch_all(db)
    .await
}

/// An invoice as a payment sees it: its company, whether it is paid, and its issue date.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Payable {
    pub company_id: i64,
    /// `unpaid` or `paid`.
    pub status: String,
    /// ISO date.
    pub issue_date: String,
}

/// The invoice numbered `number`, locked for the payment about to be recorded (PostgreSQL; a
/// SQLite write transaction holds the whole database already).
pub async fn payable(conn: &mut Conn, number: &str) -> Result<Option<Payable>, sqlx::Error> {
    let lock = crate::store::for_update(conn);
    sqlx::query_as(&format!(
        "SELECT company_id, status, issue_date FROM invoices WHERE number = $1{lock}"
    ))
    .bind(number)
    .fetch_optional(conn)
    .await
}

/// Records the payment of an unpaid invoice: the day the money arrived and the bank's
/// reference. Returns the invoice's company, or `None` if the number is unknown or already
/// paid.
pub async fn mark_paid(
    conn: &mut Conn,
    number: &str,
    paid_on: NaiveDate,
    bank_reference: &str,
) -> Result<Option<i64>, sqlx::Error> {
    let row: Option<(i64,)> = sqlx::query_as(
        "UPDATE invoices SET status = 'paid', paid_at = $2, paid_on = $3, bank_reference = $4
          WHERE number = $1 AND status = 'unpaid' RETURNING company_id",
    )
    .bind(number)
    .bind(crate::store::now_rfc3339())
    .bind(paid_on.to_string())
    .bind(bank_reference)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(id,)| id))
}
