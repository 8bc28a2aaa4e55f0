//! Orders, their lines and invoices. Written once, inside the purchase transaction; read back
//! for the order history, always scoped to the caller's company.

use chrono::NaiveDate;
use domain::Money;

use crate::store::{money, parse_date, Conn, Db};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderKind {
    NewSupport,
    Renewal,
    AddLicenses,
}

impl OrderKind {
    pub fn as_str(self) -> &'static str {
        match self {
            OrderKind::NewSupport => "new_support",
            OrderKind::Renewal => "renewal",
            OrderKind::AddLicenses => "add_licenses",
        }
    }
}

pub struct NewOrder {
    pub company_id: i64,
    pub contact_id: i64,
    pub kind: OrderKind,
    pub placed_at: String,
    pub signing_date: NaiveDate,
    pub total: Money,
    pub contract_id: i64,
    pub contract_end_before: Option<NaiveDate>,
    pub contract_end_after: NaiveDate,
    pub lines: Vec<NewOrderLine>,
}

pub struct NewOrderLine {
    pub kind: LineKind,
    pub product_id: Option<i64>,
    pub description: String,
    pub quantity: u32,
    pub unit_price: Money,
    pub price_valid_from: Option<NaiveDate>,
    pub percent_bp: Option<u32>,
    pub years: Option<u32>,
    pub amount: Money,
    /// What a support line bills for (none on license lines).
    pub service: Option<domain::ServicePeriod>,
}

#[derive(Debug, Clone, Copy)]
pub enum LineKind {
    License,
    Support,
}

/// Writes the order with its lines; returns the order id. Its invoice is written next, in the
/// same transaction (`store::invoices::insert`).
pub async fn insert(conn: &mut Conn, order: &NewOrder) -> Result<i64, sqlx::Error> {
    let (order_id,): (i64,) = sqlx::query_as(
        "INSERT INTO orders (company_id, placed_by_contact_id, kind, placed_at, signing_date,
                             total_minor, contract_id, contract_end_before, contract_end_after)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(order.company_id)
    .bind(order.contact_id)
    .bind(order.kind.as_str())
    .bind(&order.placed_at)
    .bind(order.signing_date.to_string())
    .bind(order.total.to_minor())
    .bind(order.contract_id)
    .bind(order.contract_end_before.map(|d| d.to_string()))
    .bind(order.contract_end_after.to_string())
    .fetch_one(&mut *conn)
    .await?;

    for (index, line) in order.lines.iter().enumerate() {
        sqlx::query(
            "INSERT INTO order_lines (order_id, line_no, kind, product_id, description, quantity,
                                      unit_price_minor, price_valid_from, percent_bp, years,
                                      amount_minor, service_start, service_end, added_days)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
        )
        .bind(order_id)
        .bind(index as i64 + 1)
        .bind(match line.kind {
            LineKind::License => "license",
            LineKind::Support => "support",
        })
        .bind(line.product_id)
        .bind(&line.description)
        .bind(i64::from(line.quantity))
        .bind(line.unit_price.to_minor())
        .bind(line.price_valid_from.map(|d| d.to_string()))
        .bind(line.percent_bp.map(i64::from))
        .bind(line.years.map(i64::from))
        .bind(line.amount.to_minor())
        .bind(line.service.map(|s| s.days().0.to_string()))
        .bind(line.service.map(|s| s.days().1.to_string()))
        .bind(match line.service {
            Some(domain::ServicePeriod::Extension { days, .. }) => Some(i64::from(days)),
            _ => None,
        })
        .execute(&mut *conn)
        .await?;
    }

    Ok(order_id)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OrderSummary {
    pub id: i64,
    pub kind: String,
    pub placed_at: String,
    pub total_minor: i64,
    pub contact_name: Option<String>,
    pub invoice_number: String,
    pub invoice_status: String,
}

const SELECT_ORDER: &str = "
    SELECT o.id, o.kind, o.placed_at, i.total_minor, c.name AS contact_name,
           i.number AS invoice_number, i.status AS invoice_status
      FROM orders o
      JOIN invoices i ON i.order_id = o.id
      LEFT JOIN contacts c ON c.id = o.placed_by_contact_id";

pub async fn for_company(db: &Db, company_id: i64) -> Result<Vec<OrderSummary>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{SELECT_ORDER} WHERE o.company_id = $1 ORDER BY o.id DESC"
    ))
    .bind(company_id)
    .fetch_all(db)
    .await
}

#[derive(Debug, Clone, sqlx::FromRow)]
struct DetailRow {
    signing_date: String,
    contract_end_before: Option<String>,
    contract_end_after: Option<String>,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LineRecord {
    pub kind: String,
    pub description: String,
    pub quantity: i64,
    pub unit_price_minor: i64,
    pub price_valid_from: Option<String>,
    pub percent_bp: Option<i64>,
    pub years: Option<i64>,
    pub amount_minor: i64,
    /// ISO dates of the billed service, on support lines.
    pub service_start: Option<String>,
    pub service_end: Option<String>,
    /// Days an R8 extension added, on its support line.
    pub added_days: Option<i64>,
}

pub struct OrderDetail {
    pub summary: OrderSummary,
    pub signing_date: NaiveDate,
    pub contract_end_before: Option<NaiveDate>,
    pub contract_end_after: Option<NaiveDate>,
    pub lines: Vec<LineRecord>,
    pub total: Money,
}

/// One order of this company; `None` both when it does not exist and when it belongs to
/// another company, so the answer reveals nothing.
pub async fn detail(
    db: &Db,
    company_id: i64,
    order_id: i64,
) -> Result<Option<OrderDetail>, sqlx::Error> {
    let summary: Option<OrderSummary> = sqlx::query_as(&format!(
        "{SELECT_ORDER} WHERE o.company_id = $1 AND o.id = $2"
    ))
    .bind(company_id)
    .bind(order_id)
    .fetch_optional(db)
    .await?;
    let Some(summary) = summary else {
        return Ok(None);
    };
    let row: DetailRow = sqlx::query_as(
        "SELECT signing_date, contract_end_before, contract_end_after FROM orders WHERE id = $1",
    )
    .bind(order_id)
    .fetch_one(db)
    .await?;
    let lines: Vec<LineRecord> = sqlx::query_as(
        "SELECT kind, description, quantity, unit_price_minor, price_valid_from, percent_bp,
                years, amount_minor, service_start, service_end, added_days
           FROM order_lines WHERE order_id = $1 ORDER BY line_no",
    )
    .bind(order_id)
    .fetch_all(db)
    .await?;
    let optional_date = |d: Option<String>| d.as_deref().map(parse_date).transpose();
    Ok(Some(OrderDetail {
        total: money(summary.total_minor)?,
        summary,
        signing_date: parse_date(&row.signing_date)?,
        contract_end_before: optional_date(row.contract_end_before)?,
        contract_end_after: optional_date(row.contract_end_after)?,
        lines,
    }))
}
