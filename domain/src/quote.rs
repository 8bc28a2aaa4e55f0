//! Quotes: what the company would pay and what would happen to its contract, with every
//! number of the formula kept so the UI can show how the total was reached (R1, R2, R6–R10).
//!
//! The browser may call these to preview a price; the server calls them again on submit and
//! never trusts a `Quote` sent back by the browser.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::catalog::{total_licenses, Catalog, Holding, Quantity, Version};
use crate::contract::Years;
use crate::coverage::{Coverage, CoverageChange, CoverageRefusal};
use crate::error::InvalidInput;
use crate::ids::ProductId;
use crate::money::{Money, Percent};
use crate::plan::{Plan, PlanTier};
use crate::rules::{
    check_has_licenses, check_latest_versions, check_min_licenses, outdated_licenses, RuleViolation,
};

/// Why a quote could not be produced.
///
/// Only [`QuoteError::Rule`] is meant for the customer (its `Display` is the rule message);
/// the other variants mean the catalogue or the stored data is inconsistent, which the app
/// should log and report as an internal error.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum QuoteError {
    /// A rule of the specification refuses the request.
    #[error(transparent)]
    Rule(#[from] RuleViolation),
    /// A holding or order line names a product the catalogue does not have.
    #[error("product {0} is not in the catalogue")]
    UnknownProduct(ProductId),
    /// The price list has no entry for the product on or before the signing date.
    #[error("no list price for {product_name} ({product_id}) on {date}")]
    NoListPrice {
        /// The product.
        product_id: ProductId,
        /// Its name.
        product_name: String,
        /// The signing date priced.
        date: NaiveDate,
    },
    /// A license purchase with no licenses in it.
    #[error("the order contains no licenses")]
    EmptyOrder,
    /// An amount or date left its representable range.
    #[error(transparent)]
    Invalid(#[from] InvalidInput),
}

impl From<CoverageRefusal> for QuoteError {
    fn from(refusal: CoverageRefusal) -> Self {
        match refusal {
            CoverageRefusal::Rule(violation) => QuoteError::Rule(violation),
            CoverageRefusal::Invalid(invalid) => QuoteError::Invalid(invalid),
        }
    }
}

impl QuoteError {
    /// The rule refusal, if that is what this is.
    pub fn violation(&self) -> Option<&RuleViolation> {
        match self {
            QuoteError::Rule(violation) => Some(violation),
            _ => None,
        }
    }
}

/// Licenses of one product priced at list price: `quantity × unit_price = amount`.
///
/// Used both for the license lines of an order and for the rows a support price is based on.
/// The amount is exact (cents × a whole number), so no rounding happens here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LicenseLine {
    /// The product.
    pub product_id: ProductId,
    /// Its display name.
    pub product_name: String,
    /// The version licensed (the latest declared one for licenses being bought).
    pub version: Version,
    /// Number of licenses.
    pub quantity: Quantity,
    /// List price of one license on the signing date (R9).
    pub unit_price: Money,
    /// `valid_from` of the price-list entry used, so the invoice can cite it.
    pub price_valid_from: NaiveDate,
    /// `quantity × unit_price`.
    pub amount: Money,
}

/// The support line of an invoice (R9): `percent × license_total × years`, rounded half-up
/// to cents once, on the whole total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SupportLine {
    /// The plan's tier.
    pub plan_tier: PlanTier,
    /// The plan's display name.
    pub plan_name: String,
    /// The plan's percentage.
    pub percent: Percent,
    /// The term paid for.
    pub years: Years,
    /// The licenses the price is based on: all licenses after the order for a new contract or
    /// renewal (R9), only the added ones for an extension (R8).
    pub basis: Vec<LicenseLine>,
    /// Sum of the basis amounts.
    pub license_total: Money,
    /// `percent × license_total × years` before rounding, for showing the formula.
    pub exact_amount: Decimal,
    /// `exact_amount` rounded half-up to cents: what is charged.
    pub amount: Money,
}

/// A priced order: invoice lines, total and contract effect.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The date prices are taken on (R9, R10).
    pub signing_date: NaiveDate,
    /// License invoice lines (empty when only support is bought).
    pub licenses: Vec<LicenseLine>,
    /// The support invoice line.
    pub support: SupportLine,
    /// Sum of the (already rounded) invoice lines.
    pub total: Money,
    /// What the order does to the company's contract timeline.
    pub contract: CoverageChange,
}

impl Quote {
    /// The amounts of the invoice lines in order: licenses, then support. They add up to
    /// [`Quote::total`].
    pub fn line_amounts(&self) -> Vec<Money> {
        self.licenses
            .iter()
            .map(|line| line.amount)
            .chain(core::iter::once(self.support.amount))
            .collect()
    }
}

/// Licenses to buy: a product and how many.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LicenseOrderLine {
    /// The product.
    pub product_id: ProductId,
    /// How many licenses.
    pub quantity: Quantity,
}

/// The support that accompanies a license purchase (R1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SupportChoice {
    /// Cover the new licenses under the contract in force, paying `years` of support for them
    /// and extending the contract (R8).
    ActiveContract {
        /// Support term paid for the added licenses.
        years: Years,
    },
    /// Buy a new contract in the same order, priced on all licenses after the order (R9);
    /// only when no contract is in force or signed for later (R1).
    NewContract {
        /// The plan chosen.
        plan: Plan,
        /// Its term.
        years: Years,
    },
}

/// R1, R6, R2, R7, R9, R10: support on all of the company's licenses on `plan` for `years`,
/// signed and priced on `today`: a new contract from `today` for a company that never had one,
/// otherwise a renewal from the day after the coverage end (or from `today` once lapsed).
/// A plan change takes effect this way, never beside a running contract.
///
/// Refusals: R6 (no licenses), R2 (too few licenses for the plan), R7 (licenses behind the
/// latest version).
pub fn quote_support(
    coverage: &Coverage,
    holdings: &[Holding],
    plan: &Plan,
    years: Years,
    today: NaiveDate,
    catalog: &Catalog,
) -> Result<Quote, QuoteError> {
    let basis = support_basis(holdings, plan, today, catalog)?;
    let support = support_line(plan, years, basis)?;
    let change = coverage.support(plan, years, today)?;
    finish(today, Vec::new(), support, change)
}

/// R1, R2, R7, R8, R9: licenses bought on `today`, at list price, together with their support.
///
/// - `support` is `None`: refused, R1.
/// - [`SupportChoice::ActiveContract`]: a contract must be in force on `today` (else R1) and
///   the products bought must not be behind their latest version (R7: a holding has one
///   version, and new licenses are for the latest). The support line is
///   `percent (of the contract in force) × (added licenses' list-price total) × years`; the
///   contract end moves by `ceil(365 × years × added / (owned + added))` days and every
///   renewal signed for later moves as many days (R8).
/// - [`SupportChoice::NewContract`]: refused while a contract is in force or signed for later
///   (R1); otherwise a new contract from `today`, priced on all licenses after the order (R9),
///   with R7 applied to the licenses already owned.
///
/// R2 counts licenses after the order, so 3 owned + 2 bought may take Premium.
pub fn quote_license_purchase(
    coverage: &Coverage,
    holdings: &[Holding],
    added: &[LicenseOrderLine],
    support: Option<&SupportChoice>,
    today: NaiveDate,
    catalog: &Catalog,
) -> Result<Quote, QuoteError> {
    if added.is_empty() {
        return Err(QuoteError::EmptyOrder);
    }
    let support = support.ok_or(RuleViolation::R1SupportRequired)?;
    let licenses = added
        .iter()
        .map(|line| {
            let product = catalog
                .product(line.product_id)
                .ok_or(QuoteError::UnknownProduct(line.product_id))?;
            license_line(
                line.product_id,
                &product.latest_version,
                line.quantity,
                today,
                catalog,
            )
        })
        .collect::<Result<Vec<_>, _>>()?;
    let owned = total_licenses(holdings);
    let added_qty: u64 = added.iter().map(|l| u64::from(l.quantity.get())).sum();

    match support {
        SupportChoice::ActiveContract { years } => {
            let change = coverage.extend(owned, added_qty, *years, today)?;
            let plan = change.contract().plan();
            check_min_licenses(plan, owned + added_qty, true)?;
            check_added_on_latest(holdings, added, catalog)?;
            let support = support_line(plan, *years, licenses.clone())?;
            finish(today, licenses, support, change)
        }
        SupportChoice::NewContract { plan, years } => {
            let change = coverage.new_contract(plan, *years, today)?;
            let mut basis = price_holdings(holdings, today, catalog)?;
            check_min_licenses(plan, owned + added_qty, true)?;
            check_latest_versions(holdings, catalog)?;
            basis.extend(licenses.iter().cloned());
            let support = support_line(plan, *years, basis)?;
            finish(today, licenses, support, change)
        }
    }
}

/// R7 for licenses added under a running contract: a holding row has one version, and
/// bought licenses are for the latest one, so a product still on an older version must be
/// updated before more of it is bought.
fn check_added_on_latest(
    holdings: &[Holding],
    added: &[LicenseOrderLine],
    catalog: &Catalog,
) -> Result<(), RuleViolation> {
    let outdated: Vec<_> = outdated_licenses(holdings, catalog)
        .into_iter()
        .filter(|o| added.iter().any(|a| a.product_id == o.product_id))
        .collect();
    if outdated.is_empty() {
        Ok(())
    } else {
        Err(RuleViolation::R7OutdatedVersions(outdated))
    }
}

/// Terms the comparison prices every plan for.
pub const COMPARISON_TERMS: [u32; 3] = [1, 2, 3];

/// One plan's price for one term.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermPrice {
    /// The term.
    pub years: Years,
    /// `percent × license_total × years` before rounding.
    pub exact_amount: Decimal,
    /// What the support line would charge.
    pub amount: Money,
}

/// One plan in the comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanOption {
    /// The plan and its features.
    pub plan: Plan,
    /// Whether it is the plan of the contract active today.
    pub current: bool,
    /// Whether the company could buy it now (no refusals).
    pub eligible: bool,
    /// Why not (R6, R2, R7), in rule order; empty when eligible.
    pub refusals: Vec<RuleViolation>,
    /// Prices for each of [`COMPARISON_TERMS`].
    pub prices: Vec<TermPrice>,
}

/// All plans priced on the company's own licenses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanComparison {
    /// The date prices are taken on.
    pub date: NaiveDate,
    /// The company's licenses at list price on `date`.
    pub basis: Vec<LicenseLine>,
    /// Sum of the basis amounts.
    pub license_total: Money,
    /// One entry per plan, in the order given.
    pub options: Vec<PlanOption>,
}

/// R2, R7 (and R6, R9): every plan priced on the company's licenses at today's list prices
/// for 1, 2 and 3 years, with whether it can be bought now and, if not, why. The plan of the
/// contract in force today is marked `current`.
///
/// A plan is eligible exactly when [`quote_support`] would accept it today.
pub fn plan_comparison(
    holdings: &[Holding],
    coverage: &Coverage,
    today: NaiveDate,
    catalog: &Catalog,
    plans: &[Plan],
) -> Result<PlanComparison, QuoteError> {
    let basis = price_holdings(holdings, today, catalog)?;
    let license_total = sum(basis.iter().map(|line| line.amount))?;
    let owned = total_licenses(holdings);
    let outdated = outdated_licenses(holdings, catalog);
    let current_tier = coverage.in_force(today).map(|c| c.contract.plan().tier);

    let options = plans
        .iter()
        .map(|plan| {
            let mut refusals = Vec::new();
            refusals.extend(check_has_licenses(holdings).err());
            refusals.extend(check_min_licenses(plan, owned, false).err());
            if !outdated.is_empty() {
                refusals.push(RuleViolation::R7OutdatedVersions(outdated.clone()));
            }
            let prices = COMPARISON_TERMS
                .iter()
                .map(|&n| {
                    let years = Years::new(n)?;
                    let (exact_amount, amount) =
                        support_amount(plan.percent, license_total, years)?;
                    Ok(TermPrice {
                        years,
                        exact_amount,
                        amount,
                    })
                })
                .collect::<Result<Vec<_>, QuoteError>>()?;
            Ok(PlanOption {
                plan: plan.clone(),
                current: current_tier == Some(plan.tier),
                eligible: refusals.is_empty(),
                refusals,
                prices,
            })
        })
        .collect::<Result<Vec<_>, QuoteError>>()?;

    Ok(PlanComparison {
        date: today,
        basis,
        license_total,
        options,
    })
}

/// The checks and pricing shared by new support and renewal: R6, R2, R7, then every holding
/// at list price on `date`.
fn support_basis(
    holdings: &[Holding],
    plan: &Plan,
    date: NaiveDate,
    catalog: &Catalog,
) -> Result<Vec<LicenseLine>, QuoteError> {
    // Pricing first: a catalogue gap is a data error worth surfacing even if a rule refuses.
    let basis = price_holdings(holdings, date, catalog)?;
    check_has_licenses(holdings)?;
    check_min_licenses(plan, total_licenses(holdings), false)?;
    check_latest_versions(holdings, catalog)?;
    Ok(basis)
}

fn price_holdings(
    holdings: &[Holding],
    date: NaiveDate,
    catalog: &Catalog,
) -> Result<Vec<LicenseLine>, QuoteError> {
    holdings
        .iter()
        .map(|h| license_line(h.product_id, &h.version, h.quantity, date, catalog))
        .collect()
}

fn license_line(
    product_id: ProductId,
    version: &Version,
    quantity: Quantity,
    date: NaiveDate,
    catalog: &Catalog,
) -> Result<LicenseLine, QuoteError> {
    let product = catalog
        .product(product_id)
        .ok_or(QuoteError::UnknownProduct(product_id))?;
    let price = catalog
        .price_on(product_id, date)
        .ok_or_else(|| QuoteError::NoListPrice {
            product_id,
            product_name: product.name.clone(),
            date,
        })?;
    let exact = price
        .price
        .as_decimal()
        .checked_mul(Decimal::from(quantity.get()))
        .ok_or_else(|| too_large(price.price.as_decimal()))?;
    Ok(LicenseLine {
        product_id,
        product_name: product.name.clone(),
        version: version.clone(),
        quantity,
        unit_price: price.price,
        price_valid_from: price.valid_from,
        amount: Money::new(exact)?,
    })
}

fn support_line(
    plan: &Plan,
    years: Years,
    basis: Vec<LicenseLine>,
) -> Result<SupportLine, QuoteError> {
    let license_total = sum(basis.iter().map(|line| line.amount))?;
    let (exact_amount, amount) = support_amount(plan.percent, license_total, years)?;
    Ok(SupportLine {
        plan_tier: plan.tier,
        plan_name: plan.name.clone(),
        percent: plan.percent,
        years,
        basis,
        license_total,
        exact_amount,
        amount,
    })
}

/// R9: `percent × license_total × years`, exact and rounded half-up to cents.
fn support_amount(
    percent: Percent,
    license_total: Money,
    years: Years,
) -> Result<(Decimal, Money), QuoteError> {
    let exact = license_total
        .as_decimal()
        .checked_mul(percent.as_fraction())
        .and_then(|d| d.checked_mul(Decimal::from(years.get())))
        .ok_or_else(|| too_large(license_total.as_decimal()))?
        .normalize();
    Ok((exact, Money::round_half_up(exact)?))
}

fn finish(
    signing_date: NaiveDate,
    licenses: Vec<LicenseLine>,
    support: SupportLine,
    contract: CoverageChange,
) -> Result<Quote, QuoteError> {
    // The total adds lines already rounded, so the invoice lines always add up to it.
    let total = sum(licenses
        .iter()
        .map(|line| line.amount)
        .chain(core::iter::once(support.amount)))?;
    Ok(Quote {
        signing_date,
        licenses,
        support,
        total,
        contract,
    })
}

fn sum(amounts: impl Iterator<Item = Money>) -> Result<Money, QuoteError> {
    let mut total = Money::ZERO;
    for amount in amounts {
        total = total
            .checked_add(amount)
            .ok_or_else(|| too_large(total.as_decimal()))?;
    }
    Ok(total)
}

fn too_large(amount: Decimal) -> QuoteError {
    QuoteError::Invalid(InvalidInput::MoneyTooLarge(amount.to_string()))
}
