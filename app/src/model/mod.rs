//! Data the server sends to the pages. Plain serializable views: the rules that produced them
//! ran on the server, in `domain`.

pub mod admin;
pub mod consult;
pub mod invoice;
pub mod security;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Who is looking at the page: decides the navigation and the account menu.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Viewer {
    Anonymous,
    Contact { name: String, company_name: String },
    Admin { name: String },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dashboard {
    pub company_name: String,
    pub contact_name: String,
    pub holdings: Vec<HoldingRow>,
    pub total_licenses: u32,
    pub contract: ContractStatus,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HoldingRow {
    pub product: String,
    pub quantity: u32,
    pub installed_version: String,
    pub latest_version: String,
    pub update_available: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ContractStatus {
    Active {
        plan_name: String,
        start: NaiveDate,
        end: NaiveDate,
        days_left: u32,
        /// The last covered day over the renewals already signed (`end` without them).
        covered_until: NaiveDate,
        /// Covered days left until `covered_until`, counting today: what a renewal call
        /// counts down, so a company that renewed ahead is not asked again.
        coverage_days_left: u32,
    },
    /// Signed, starting later (e.g. a renewal paid in advance with no term running today).
    Upcoming {
        plan_name: String,
        start: NaiveDate,
        end: NaiveDate,
    },
    Lapsed {
        plan_name: String,
        ended: NaiveDate,
    },
    None,
}

/// The public feature matrix of the support plans (SPEC "Support plans").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanMatrix {
    pub plans: Vec<PlanColumn>,
    pub areas: Vec<AreaRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanColumn {
    pub tier: String,
    pub name: String,
    /// Already formatted, e.g. "10%".
    pub percent: String,
    pub includes_patches: bool,
    pub includes_new_versions: bool,
    pub min_licenses: u32,
    pub response_target_amount: u32,
    pub response_target_in_days: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaRow {
    pub name: String,
    /// One entry per plan, in the order of `PlanMatrix::plans`.
    pub covered: Vec<bool>,
}

/// A quote as the pages show it: every number of the formula, already formatted, so the
/// browser needs no decimal arithmetic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteView {
    pub kind: OrderKind,
    pub signing_date: NaiveDate,
    pub currency: String,
    pub licenses: Vec<LineView>,
    pub support: SupportView,
    /// The quote's total, before VAT.
    pub total: String,
    /// The VAT the invoice adds, when the vendor charges any.
    pub tax: Option<QuoteTax>,
    pub change: ContractChange,
    /// Identifies the state the quote was computed on; the confirm must carry it back.
    pub digest: String,
    /// Fresh per quote shown: a repeated confirm with it places no second order (R11).
    pub idempotency_key: String,
}

/// The VAT on a quote: rate (`20%`), amount and the total the invoice will charge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteTax {
    pub rate: String,
    pub amount: String,
    pub total: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum OrderKind {
    NewSupport,
    Renewal,
    AddLicenses,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineView {
    pub product: String,
    pub version: String,
    pub quantity: u32,
    pub unit_price: String,
    pub price_valid_from: NaiveDate,
    pub amount: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportView {
    pub plan_name: String,
    pub percent: String,
    pub years: u32,
    pub basis: Vec<LineView>,
    pub license_total: String,
    /// Before rounding, e.g. "199.998".
    pub exact_amount: String,
    pub amount: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ContractChange {
    New {
        start: NaiveDate,
        end: NaiveDate,
    },
    Renewal {
        previous_end: NaiveDate,
        lapsed: bool,
        start: NaiveDate,
        end: NaiveDate,
    },
    /// R8: `days = ceil(365 × years × added / (owned + added))`.
    Extended {
        owned: u64,
        added: u64,
        years: u32,
        days: u32,
        old_end: NaiveDate,
        new_end: NaiveDate,
        /// Renewals already signed, each moved `days` later (R8): every date that moves.
        moves: Vec<ContractMoveView>,
    },
}

/// A signed contract an R8 extension moves: its plan and its period before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContractMoveView {
    pub plan_name: String,
    pub from_start: NaiveDate,
    pub from_end: NaiveDate,
    pub to_start: NaiveDate,
    pub to_end: NaiveDate,
}

/// The plan comparison priced on the signed-in company's own licenses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanOffers {
    pub currency: String,
    pub license_total: String,
    pub total_licenses: u64,
    pub offers: Vec<PlanOffer>,
    /// Whether buying support now renews an existing contract.
    pub renews: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanOffer {
    pub tier: String,
    pub name: String,
    pub current: bool,
    pub eligible: bool,
    /// Rule refusals (R2, R7…) saying why not; their messages give the way forward.
    pub refusals: Vec<domain::RuleViolation>,
    /// (years, price)
    pub prices: Vec<(u32, String)>,
}

/// What the add-licenses page offers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LicenseOptions {
    pub currency: String,
    pub products: Vec<ProductOption>,
    /// The running contract the licenses can join (R8), if any.
    pub active_contract: Option<ActiveContractView>,
    /// R1: whether the licenses may come with a new contract (no contract in force or signed
    /// for later).
    pub new_contract_allowed: bool,
    /// The last covered day when a contract is in force or signed for later.
    pub covered_until: Option<NaiveDate>,
    /// The first day of the contract signed for later, when none is in force yet.
    pub support_starts: Option<NaiveDate>,
    pub plans: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductOption {
    pub id: i64,
    pub name: String,
    pub latest_version: String,
    pub unit_price: String,
    pub owned: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActiveContractView {
    pub plan_name: String,
    pub end: NaiveDate,
}

/// A holding and whether it can be moved to the latest version now (R4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionUpdateOption {
    pub product_id: i64,
    pub product: String,
    pub quantity: u32,
    pub installed: String,
    pub latest: String,
    /// `Err` holds the rule refusal saying why not (R4).
    pub allowed: Result<(), domain::RuleViolation>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderRow {
    pub id: i64,
    pub kind: OrderKind,
    pub placed_at: String,
    pub placed_by: String,
    pub total: String,
    pub invoice_number: String,
    pub paid: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderDetailView {
    pub order: OrderRow,
    pub signing_date: NaiveDate,
    pub contract_end_before: Option<NaiveDate>,
    pub contract_end_after: Option<NaiveDate>,
    /// Its invoice, as issued.
    pub invoice: invoice::InvoiceDocument,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub at: String,
    pub actor: String,
    pub kind: String,
    pub summary: String,
}
