//! Rule refusals: one variant per way a rule of SPEC.md can refuse a request.
//!
//! Variant names start with the rule id and `Display` is the message shown to the customer,
//! starting with the rule id and, where there is one, saying what to do next. The checks
//! shared by several operations (R2, R6, R7) live here too.

use core::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::catalog::{total_licenses, Catalog, Holding, Version};
use crate::ids::ProductId;
use crate::plan::{ConsultationArea, Plan};

/// A license that is not on its product's latest declared version (R7).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutdatedLicense {
    /// The product.
    pub product_id: ProductId,
    /// Its display name.
    pub product_name: String,
    /// The version the company's licenses are on.
    pub current: Version,
    /// The product's latest declared version.
    pub latest: Version,
}

/// A request refused by a rule of the specification. `Display` is the user-facing message.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
pub enum RuleViolation {
    /// R1: a license purchase without any support plan.
    #[error("R1: Licenses can only be bought together with support: use your active contract or add a new support plan to this order.")]
    R1SupportRequired,

    /// R1: the contract offered to cover new licenses is not active on the order date.
    #[error("R1: Your support contract ({start} to {end}) is not active today, so it cannot cover new licenses; add a new support plan to this order.")]
    R1ContractNotActive {
        /// First day of that contract.
        start: NaiveDate,
        /// Last day of that contract.
        end: NaiveDate,
    },

    /// R1: licenses to add under a contract signed for later (none is in force yet).
    #[error("R1: Your support contract starts on {start}; licenses can be added under it from that day.")]
    R1ContractNotStarted {
        /// First day of the contract signed for later.
        start: NaiveDate,
    },

    /// R1: a new contract asked for while one is in force or signed for later. A company
    /// never holds two contracts covering the same day.
    #[error("{}", r1_coverage_message(plan_name, *in_force, *coverage_end))]
    R1CoverageExists {
        /// Plan of the contract in force (or of the next one signed).
        plan_name: String,
        /// Whether that contract is in force today (else it is signed for later).
        in_force: bool,
        /// Last covered day of the company's timeline.
        coverage_end: NaiveDate,
    },

    /// R2: the plan needs more licenses than the company owns (after the order).
    #[error("{}", r2_message(plan_name, *required, *owned, *after_order))]
    R2TooFewLicenses {
        /// Name of the plan refused (e.g. "Premium").
        plan_name: String,
        /// The plan's `min_licenses`.
        required: u32,
        /// Licenses counted over all products, after the order when `after_order`.
        owned: u64,
        /// Whether `owned` includes licenses bought in this order.
        after_order: bool,
    },

    /// R3: someone other than the company's designated contact.
    #[error("R3: Only your company's designated contact can use the customer portal; ask your vendor to reassign the contact role.")]
    R3NotCompanyContact,

    /// R4: a version update needs an active contract.
    #[error("R4: {product_name} can only be updated to a new version while a support contract is active; buy or renew support first.")]
    R4NoActiveContract {
        /// The product to update.
        product_name: String,
    },

    /// R4: the active plan does not include new versions.
    #[error("R4: Your {plan_name} plan does not include new product versions, so {product_name} cannot be updated for free; a plan that includes new versions can be chosen at renewal.")]
    R4PlanExcludesNewVersions {
        /// The active plan.
        plan_name: String,
        /// The product to update.
        product_name: String,
    },

    /// R4: nothing to update.
    #[error("R4: {product_name} is already on the latest version, {version}.")]
    R4AlreadyOnLatest {
        /// The product.
        product_name: String,
        /// Its current (and latest) version.
        version: Version,
    },

    /// R5: consultations need an active contract.
    #[error(
        "R5: Consultation requests need an active support contract; buy or renew support first."
    )]
    R5NoActiveContract,

    /// R5: the plan does not cover this consultation area.
    #[error("R5: Your {plan_name} plan does not cover consultations on {area}; a plan that covers it can be chosen at renewal.")]
    R5AreaNotCovered {
        /// The active plan.
        plan_name: String,
        /// The area asked about.
        area: ConsultationArea,
    },

    /// R5: advice outside support, and no contractual exception recorded.
    #[error("R5: Advice outside the support areas (e.g. LAN or operating-system setup) is not part of support; it needs a contractual exception, which your vendor can arrange.")]
    R5OutOfScope,

    /// R6: a term under one year.
    #[error("R6: Support is bought for whole years, 1 or more; you asked for {requested}.")]
    R6TermUnderOneYear {
        /// Years asked for.
        requested: u32,
    },

    /// R6: a term beyond what the portal sells (see [`crate::Years::MAX`]).
    #[error(
        "R6: Support is sold for 1 to {max} whole years at a time; you asked for {requested}."
    )]
    R6TermTooLong {
        /// Years asked for.
        requested: u32,
        /// The longest term sold.
        max: u32,
    },

    /// R6: the request names only some of the company's products.
    #[error(
        "R6: Support always covers all of your company's products; this request leaves out {}.",
        join_and(missing)
    )]
    R6SubsetOfProducts {
        /// Names of the owned products left out.
        missing: Vec<String>,
    },

    /// R6: there is nothing to support.
    #[error("R6: Support covers all of your company's licenses, and your company owns none yet; buy licenses together with a support plan.")]
    R6NoLicenses,

    /// R7: some licenses are not on the latest version.
    #[error("{}", r7_message(.0))]
    R7OutdatedVersions(Vec<OutdatedLicense>),

    /// R11: the same order key was submitted again with different contents.
    #[error("R11: This order was already submitted with different details; reload the page to see its outcome.")]
    R11ConflictingResubmission,
}

impl RuleViolation {
    /// The rule id, `"R1"` … `"R11"`, for badges and logs.
    pub fn rule_id(&self) -> &'static str {
        match self {
            RuleViolation::R1SupportRequired
            | RuleViolation::R1ContractNotActive { .. }
            | RuleViolation::R1ContractNotStarted { .. }
            | RuleViolation::R1CoverageExists { .. } => "R1",
            RuleViolation::R2TooFewLicenses { .. } => "R2",
            RuleViolation::R3NotCompanyContact => "R3",
            RuleViolation::R4NoActiveContract { .. }
            | RuleViolation::R4PlanExcludesNewVersions { .. }
            | RuleViolation::R4AlreadyOnLatest { .. } => "R4",
            RuleViolation::R5NoActiveContract
            | RuleViolation::R5AreaNotCovered { .. }
            | RuleViolation::R5OutOfScope => "R5",
            RuleViolation::R6TermUnderOneYear { .. }
            | RuleViolation::R6TermTooLong { .. }
            | RuleViolation::R6SubsetOfProducts { .. }
            | RuleViolation::R6NoLicenses => "R6",
            RuleViolation::R7OutdatedVersions(_) => "R7",
            RuleViolation::R11ConflictingResubmission => "R11",
        }
    }
}

fn r1_coverage_message(plan_name: &str, in_force: bool, coverage_end: NaiveDate) -> String {
    if in_force {
        format!(
            "R1: Your {plan_name} contract is in force and your support runs until {coverage_end}, so a second contract cannot be bought beside it. \
             Add these licenses under your current contract instead, or change plan with a renewal."
        )
    } else {
        format!(
            "R1: Your {plan_name} contract is signed to start later and your support runs until {coverage_end}, so a second contract cannot be bought beside it. \
             Licenses can be added under it once it starts; plan changes come with a renewal."
        )
    }
}

fn r2_message(plan_name: &str, required: u32, owned: u64, after_order: bool) -> String {
    let missing = u64::from(required).saturating_sub(owned);
    let licenses = if missing == 1 { "license" } else { "licenses" };
    if after_order {
        format!(
            "R2: {plan_name} requires {required} or more licenses; your company would own {owned} after this order. \
             Add at least {missing} more {licenses} to the order, or choose another plan."
        )
    } else {
        format!(
            "R2: {plan_name} requires {required} or more licenses; your company owns {owned}. \
             Buy at least {missing} more {licenses} together with {plan_name} support, or choose another plan."
        )
    }
}

fn r7_message(outdated: &[OutdatedLicense]) -> String {
    let steps: Vec<String> = outdated
        .iter()
        .map(|o| format!("{} from {} to {}", o.product_name, o.current, o.latest))
        .collect();
    format!(
        "R7: Support can be bought only while every license is on the product's latest version; update {} first.",
        join_and(&steps)
    )
}

/// "a", "a and b", "a, b and c".
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

impl fmt::Display for OutdatedLicense {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} (latest {})",
            self.product_name, self.current, self.latest
        )
    }
}

/// R2: refuses `plan` when the company would own fewer than its `min_licenses`.
///
/// `owned` is the sum of quantities over all products after the order completes;
/// `after_order` only changes the wording of the message.
pub fn check_min_licenses(plan: &Plan, owned: u64, after_order: bool) -> Result<(), RuleViolation> {
    if owned < u64::from(plan.min_licenses) {
        return Err(RuleViolation::R2TooFewLicenses {
            plan_name: plan.name.clone(),
            required: plan.min_licenses,
            owned,
            after_order,
        });
    }
    Ok(())
}

/// R7: the holdings that are behind their product's latest declared version, in holding order.
///
/// Products missing from the catalogue are skipped here; pricing reports them.
pub fn outdated_licenses(holdings: &[Holding], catalog: &Catalog) -> Vec<OutdatedLicense> {
    holdings
        .iter()
        .filter_map(|holding| {
            let product = catalog.product(holding.product_id)?;
            (holding.version < product.latest_version).then(|| OutdatedLicense {
                product_id: holding.product_id,
                product_name: product.name.clone(),
                current: holding.version.clone(),
                latest: product.latest_version.clone(),
            })
        })
        .collect()
}

/// R7: refuses support (new or renewal) while any license is behind the latest version,
/// listing every outdated product and its update.
pub fn check_latest_versions(holdings: &[Holding], catalog: &Catalog) -> Result<(), RuleViolation> {
    let outdated = outdated_licenses(holdings, catalog);
    if outdated.is_empty() {
        Ok(())
    } else {
        Err(RuleViolation::R7OutdatedVersions(outdated))
    }
}

/// R6: refuses a support request that names only some of the company's products.
///
/// The quote functions always price every holding, so this is for requests that carry an
/// explicit product selection (e.g. a form with product checkboxes).
pub fn check_all_products(
    holdings: &[Holding],
    requested: &[ProductId],
) -> Result<(), RuleViolation> {
    let mut missing: Vec<String> = Vec::new();
    for holding in holdings {
        if !requested.contains(&holding.product_id) && !missing.contains(&holding.product_name) {
            missing.push(holding.product_name.clone());
        }
    }
    if missing.is_empty() {
        Ok(())
    } else {
        Err(RuleViolation::R6SubsetOfProducts { missing })
    }
}

/// R6: refuses support for a company that owns no licenses.
pub fn check_has_licenses(holdings: &[Holding]) -> Result<(), RuleViolation> {
    if total_licenses(holdings) == 0 {
        Err(RuleViolation::R6NoLicenses)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_start_with_the_rule_id() {
        let r2 = RuleViolation::R2TooFewLicenses {
            plan_name: "Premium".into(),
            required: 5,
            owned: 4,
            after_order: false,
        };
        assert!(r2
            .to_string()
            .starts_with("R2: Premium requires 5 or more licenses; your company owns 4."));
        assert_eq!(r2.rule_id(), "R2");
        let r7 = RuleViolation::R7OutdatedVersions(vec![
            OutdatedLicense {
                product_id: ProductId(1),
                product_name: "Terrasoft CRM".into(),
                current: Version::parse("7.12").unwrap(),
                latest: Version::parse("7.13").unwrap(),
            },
            OutdatedLicense {
                product_id: ProductId(2),
                product_name: "Backup Utility".into(),
                current: Version::parse("1.0").unwrap(),
                latest: Version::parse("1.1").unwrap(),
            },
        ]);
        assert_eq!(
            r7.to_string(),
            "R7: Support can be bought only while every license is on the product's latest version; \
             update Terrasoft CRM from 7.12 to 7.13 and Backup Utility from 1.0 to 1.1 first."
        );
        let r6 = RuleViolation::R6SubsetOfProducts {
            missing: vec!["A".into(), "B".into(), "C".into()],
        };
        assert!(r6.to_string().ends_with("leaves out A, B and C."));
        assert_eq!(RuleViolation::R11ConflictingResubmission.rule_id(), "R11");
    }

    #[test]
    fn r6_refuses_a_subset_of_products() {
        let holding = |id: i64, name: &str| Holding {
            product_id: ProductId(id),
            product_name: name.into(),
            quantity: crate::Quantity::new(1).unwrap(),
            version: Version::parse("1").unwrap(),
        };
        let holdings = [holding(1, "CRM"), holding(2, "Backup Utility")];
        assert_eq!(
            check_all_products(&holdings, &[ProductId(1), ProductId(2)]),
            Ok(())
        );
        assert_eq!(
            check_all_products(&holdings, &[ProductId(1)]),
            Err(RuleViolation::R6SubsetOfProducts {
                missing: vec!["Backup Utility".into()]
            })
        );
        assert_eq!(check_has_licenses(&[]), Err(RuleViolation::R6NoLicenses));
    }
}
