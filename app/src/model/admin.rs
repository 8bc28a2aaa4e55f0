//! What the admin pages show.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{ContractStatus, HistoryEntry, HoldingRow, OrderRow};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyPage {
    pub rows: Vec<CompanyListRow>,
    pub sort: CompanySort,
    pub page: u32,
    pub has_next: bool,
}

/// How the admin company list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum CompanySort {
    #[default]
    Name,
    /// Most licenses first.
    Licenses,
    /// Coverage ending soonest first; companies that never had support last.
    SupportEnd,
}

impl CompanySort {
    /// Reads the `sort` query value (`name`, `licenses`, `support_end`); anything else is the
    /// default order, by name.
    pub fn parse(value: &str) -> Self {
        match value {
            "licenses" => Self::Licenses,
            "support_end" => Self::SupportEnd,
            _ => Self::Name,
        }
    }

    /// The query value that `parse` reads back.
    pub fn as_query(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Licenses => "licenses",
            Self::SupportEnd => "support_end",
        }
    }
}

/// The admin home's work: what needs attention today, across all companies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkQueue {
    /// Coverage ending within `RENEWAL_HORIZON_DAYS`, soonest first.
    pub renewals_due: Vec<RenewalDue>,
    pub overdue_invoices: Vec<OverdueInvoiceRow>,
    /// Requests waiting for a first answer, earliest deadline first (overdue ones marked).
    pub requests: Vec<crate::model::consult::RequestSummary>,
    pub recent_orders: Vec<RecentOrderRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RenewalDue {
    pub company_id: i64,
    pub company: String,
    pub coverage_end: String,
    pub days_left: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OverdueInvoiceRow {
    pub company_id: i64,
    pub company: String,
    pub number: String,
    pub due_date: String,
    pub days_overdue: i64,
    /// With the currency, e.g. "1180.00 EUR".
    pub total: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentOrderRow {
    pub company_id: i64,
    pub company: String,
    pub kind: crate::model::OrderKind,
    pub placed_at: String,
    pub total: String,
    pub invoice_number: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyListRow {
    pub id: i64,
    pub name: String,
    pub contact: Option<String>,
    pub licenses: i64,
    pub support_end: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyDetail {
    pub id: i64,
    pub name: String,
    pub holdings: Vec<HoldingRow>,
    pub contract: ContractStatus,
    pub contacts: Vec<ContactRow>,
    pub orders: Vec<OrderRow>,
    pub exceptions: Vec<ExceptionView>,
    pub history: Vec<HistoryEntry>,
    /// (id, name) of every product, for the grant form.
    pub products: Vec<(i64, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactRow {
    pub name: String,
    pub email: String,
    pub active: bool,
    pub has_password: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExceptionView {
    pub id: i64,
    pub description: String,
    pub recorded_at: String,
    pub revoked_at: Option<String>,
}

/// An invitation was mailed; the admin also sees the link, to pass on by other means.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationSent {
    pub company_id: i64,
    pub link: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogView {
    pub today: NaiveDate,
    pub products: Vec<ProductAdminRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductAdminRow {
    pub id: i64,
    pub name: String,
    pub latest_version: String,
    pub prices: Vec<PriceEntryView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceEntryView {
    pub id: i64,
    pub valid_from: NaiveDate,
    pub price: String,
    /// Not yet in force: may still be withdrawn.
    pub future: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanAdminRow {
    pub tier: String,
    pub name: String,
    /// Whole or decimal percent, e.g. "20".
    pub percent: String,
    pub min_licenses: u32,
    pub includes_new_versions: bool,
    pub response_amount: u32,
    pub response_in_days: bool,
    /// (code, name, covered)
    pub areas: Vec<(String, String, bool)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRow {
    pub at: String,
    pub actor: String,
    pub company: Option<String>,
    pub kind: String,
    pub summary: String,
}

/// The webhooks page: endpoints and the newest deliveries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct WebhooksView {
    pub endpoints: Vec<WebhookView>,
    pub deliveries: Vec<DeliveryView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebhookView {
    pub id: i64,
    pub url: String,
    /// Comma-separated event names.
    pub events: String,
    pub active: bool,
}

/// One event for one endpoint, as the delivery log shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeliveryView {
    pub id: i64,
    pub endpoint_id: i64,
    pub event: String,
    pub event_id: String,
    /// `pending`, `delivered` or `failed`.
    pub status: String,
    pub attempts: i64,
    /// The receiver's last HTTP status, if it answered.
    pub last_status: Option<i64>,
    pub last_error: Option<String>,
    pub created_at: String,
}

/// The CSV import's columns, in order (issue 17; see `integrations::csv`).
pub const IMPORT_COLUMNS: [&str; 9] = [
    "company",
    "contact_name",
    "contact_email",
    "product",
    "quantity",
    "version",
    "plan",
    "start",
    "end",
];

/// The records an admin can export as CSV.
pub const EXPORTS: [&str; 5] = ["companies", "holdings", "contracts", "orders", "invoices"];

/// What a CSV import did, or would do on a dry run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ImportReport {
    /// Whether it was written (false for a dry run, and when any row was refused).
    pub applied: bool,
    /// Rows read, the header not counted.
    pub rows: usize,
    pub companies_created: usize,
    pub contacts_created: usize,
    pub holdings_created: usize,
    pub holdings_changed: usize,
    pub contracts_created: usize,
    /// Rows that change nothing (already imported).
    pub unchanged: usize,
    /// Every refused row: its line in the file (the header is line 1), the field, the reason.
    pub errors: Vec<RowError>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowError {
    pub line: usize,
    pub field: String,
    pub reason: String,
}

/// A personal access token as its owner's account page lists it (never the secret).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiTokenView {
    pub id: i64,
    pub name: String,
    /// `read` or `write`.
    pub scope: String,
    /// `active`, `revoked` or `expired`.
    pub state: String,
    pub created_at: String,
    pub expires_at: String,
    pub last_used_at: Option<String>,
}

/// A job of the queue, for the admin's jobs page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JobView {
    pub id: i64,
    /// `invoice_mail`, `renewal_reminder`, …
    pub kind: String,
    /// Its arguments (ids), as stored.
    pub payload: String,
    /// `queued`, `running`, `done` or `failed`.
    pub status: String,
    /// When it runs (next), to the minute.
    pub run_at: String,
    /// `2 / 10`.
    pub attempts: String,
    pub last_error: Option<String>,
}
