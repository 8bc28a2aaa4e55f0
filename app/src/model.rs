//! Data the server sends to the pages. Plain serializable views: the rules that produced them
//! ran on the server, in `domain`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Who is signed in, as far as the UI needs to know.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    pub name: String,
    pub company_name: String,
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
