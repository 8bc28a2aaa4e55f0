//! The Support Portal's business rules (SPEC.md R1–R11) as plain functions over domain types.
//!
//! No I/O, no database, no web framework: the same code runs on the server, which enforces
//! every rule, and in the browser (wasm32), which previews prices and explains refusals.
//! Rule ids are the shared vocabulary: refusals are [`RuleViolation`]s whose variant names
//! and messages start with the rule id.
//!
//! | module | holds |
//! |---|---|
//! | [`money`] | [`Money`], [`Percent`], half-up rounding (R9) |
//! | [`catalog`] | [`Version`] (only moves forward), [`Quantity`], [`Holding`], [`PriceList`], [`Catalog`], [`name_key`] |
//! | [`plan`] | [`Plan`], [`PlanTier`], [`ConsultationArea`], default plans |
//! | [`contract`] | [`Years`] (R6), [`Contract`], [`contract_period`] (R10), [`extension`] (R8), [`version_update`] (R4) |
//! | [`consultation`] | [`consultation_allowed`] (R5) |
//! | [`coverage`] | [`Coverage`]: a company's contracts, never overlapping (R1); [`CoverageChange`]: what a purchase does to them (R8, R10) |
//! | [`quote`] | [`quote_support`], [`quote_license_purchase`], [`plan_comparison`] |
//! | [`invoice`] | [`InvoiceNumber`] (gapless per year), [`Taxed`] (one VAT rate), [`ServicePeriod`], [`PaymentTerms`], [`Iban`], [`CountryCode`] |
//! | [`reminder`] | [`renewal_reminder_due`] (60/30/7 days before the coverage end, and the lapse), [`overdue_reminder_due`] (the day after the due date, 14 days later) |
//! | [`ids`] | [`ProductId`], [`ContractId`]: a leaf module, imported by the others |
//! | [`rules`] | [`RuleViolation`] and the shared R2/R6/R7 checks |
//! | [`error`] | [`InvalidInput`]: values that cannot be constructed |
//!
//! # A quote and its breakdown
//!
//! A company owning 3 × Terrasoft CRM (900.00) and 1 × Backup Utility (250.00) asks for one
//! year of Standard support:
//!
//! ```
//! use chrono::NaiveDate;
//! use domain::*;
//!
//! let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
//! let (crm, backup) = (ProductId(1), ProductId(2));
//! let v7_13 = Version::parse("7.13")?;
//! let catalog = Catalog::new(
//!     [
//!         Product { id: crm, name: "Terrasoft CRM".into(), latest_version: v7_13.clone() },
//!         Product { id: backup, name: "Backup Utility".into(), latest_version: Version::parse("2.0")? },
//!     ],
//!     PriceList::new([
//!         PriceEntry { product_id: crm, valid_from: day(2026, 1, 1), price: "900.00".parse()? },
//!         PriceEntry { product_id: backup, valid_from: day(2026, 1, 1), price: "250.00".parse()? },
//!     ])?,
//! )?;
//! let holdings = [
//!     Holding { product_id: crm, product_name: "Terrasoft CRM".into(), quantity: Quantity::new(3)?, version: v7_13 },
//!     Holding { product_id: backup, product_name: "Backup Utility".into(), quantity: Quantity::new(1)?, version: Version::parse("2.0")? },
//! ];
//!
//! let no_contracts = Coverage::default();
//! let quote = quote_support(&no_contracts, &holdings, &Plan::default_standard(), Years::new(1)?, day(2026, 3, 2), &catalog)?;
//!
//! let mut breakdown = String::new();
//! for line in &quote.support.basis {
//!     breakdown += &format!(
//!         "{} × {} at {} (price list of {}) = {}\n",
//!         line.quantity, line.product_name, line.unit_price, line.price_valid_from, line.amount
//!     );
//! }
//! let s = &quote.support;
//! breakdown += &format!(
//!     "{} support: {} × {} × {} = {} → {}\n",
//!     s.plan_name, s.percent, s.license_total, s.years, s.exact_amount, s.amount
//! );
//! let period = quote.contract.contract().period();
//! breakdown += &format!("Total {}, contract {} to {}", quote.total, period.start, period.end);
//!
//! assert_eq!(
//!     breakdown,
//!     "3 × Terrasoft CRM at 900.00 (price list of 2026-01-01) = 2700.00\n\
//!      1 × Backup Utility at 250.00 (price list of 2026-01-01) = 250.00\n\
//!      Standard support: 20% × 2950.00 × 1 year = 590 → 590.00\n\
//!      Total 590.00, contract 2026-03-02 to 2027-03-01"
//! );
//!
//! // The same company cannot take Premium: R2 counts 4 licenses.
//! let refused = quote_support(&no_contracts, &holdings, &Plan::default_premium(), Years::new(1)?, day(2026, 3, 2), &catalog)
//!     .unwrap_err();
//! assert!(matches!(
//!     refused.violation(),
//!     Some(RuleViolation::R2TooFewLicenses { required: 5, owned: 4, .. })
//! ));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod catalog;
pub mod consultation;
pub mod contract;
pub mod coverage;
pub mod error;
pub mod ids;
pub mod invoice;
pub mod money;
pub mod plan;
pub mod quote;
pub mod reminder;
pub mod rules;

#[cfg(test)]
mod worked_examples;

pub use catalog::{
    name_key, total_licenses, Catalog, DatedPrice, Holding, PriceEntry, PriceList, Product,
    Quantity, Version, VersionNotNewer,
};
pub use consultation::{consultation_allowed, ConsultationBasis};
pub use contract::{
    contract_period, extension, extension_days, version_update, Contract, ContractPeriod,
    ContractStatus, Extension, VersionUpdate, Years,
};
pub use coverage::{ContractMove, Coverage, CoverageChange, CoverageRefusal, SignedContract};
pub use error::InvalidInput;
pub use ids::{ContractId, ProductId};
pub use invoice::{overdue, CountryCode, Iban, InvoiceNumber, PaymentTerms, ServicePeriod, Taxed};
pub use money::{Money, Percent};
pub use plan::{default_plans, ConsultationArea, Plan, PlanTier, ResponseTarget};
pub use quote::{
    plan_comparison, quote_license_purchase, quote_support, LicenseLine, LicenseOrderLine,
    PlanComparison, PlanOption, Quote, QuoteError, SupportChoice, SupportLine, TermPrice,
    COMPARISON_TERMS,
};
pub use reminder::{
    overdue_reminder_due, renewal_reminder_due, OverdueMilestone, RenewalMilestone,
};
pub use rules::{OutdatedLicense, RuleViolation};
