//! Errors raised when a value cannot be built from raw input (a form field, a database column).
//!
//! These are not rule refusals: rule refusals are [`crate::RuleViolation`]s and carry a rule id.
//! An `InvalidInput` usually means a bug or corrupt data, so the app should log it and show a
//! generic message (or a 422 for a malformed form field).

use chrono::NaiveDate;
use thiserror::Error;

use crate::ids::ProductId;

/// Why a domain value could not be constructed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum InvalidInput {
    /// Money is never negative: refunds and credits are separate documents, not negative prices.
    #[error("an amount of money cannot be negative (got {0})")]
    NegativeMoney(String),
    /// The text is not an amount as people type one (see `Money::parse_amount`).
    #[error("`{0}` is not an amount of money: use digits with at most two decimals after a point or comma, e.g. 900.00 or 900,00")]
    NotAnAmount(String),
    /// Prices and invoice amounts are whole cents; sub-cent values only exist mid-calculation.
    #[error("an amount of money has at most 2 decimal places (got {0})")]
    SubCentMoney(String),
    /// The amount does not fit in the database's integer minor units.
    #[error("the amount {0} is too large")]
    MoneyTooLarge(String),
    /// The text is not a percentage as people type one (see `Percent::parse`).
    #[error("`{0}` is not a percentage: use digits with at most two decimals, e.g. 20 or 12.5")]
    NotAPercent(String),
    /// Percentages are stored as basis points, 0..=10000 (0% to 100%).
    #[error("a percentage must be between 0 and 100% (got {0} basis points)")]
    PercentOutOfRange(u32),
    /// A holding or order line of zero licenses is meaningless.
    #[error("a quantity must be at least 1")]
    ZeroQuantity,
    /// Versions are dot-separated unsigned numbers, e.g. `7.12.1`.
    #[error("`{0}` is not a version number (expected e.g. 7.12.1)")]
    InvalidVersion(String),
    /// A contract's last day cannot precede its first.
    #[error("a contract cannot end ({end}) before it starts ({start})")]
    ContractEndsBeforeStart {
        /// First day of the contract.
        start: NaiveDate,
        /// Last day of the contract (inclusive).
        end: NaiveDate,
    },
    /// Two stored contracts of one company cover the same day (R1 forbids it).
    #[error("contracts {first} and {second} overlap")]
    OverlappingContracts {
        /// The one that starts first.
        first: crate::contract::ContractPeriod,
        /// The one that starts later, on or before `first` ends.
        second: crate::contract::ContractPeriod,
    },
    /// Date arithmetic left the calendar range supported by `chrono`.
    #[error("date out of range")]
    DateOutOfRange,
    /// Price-list entries are never rewritten, because contracts cite them.
    #[error("product {product_id} already has a price valid from {valid_from}; price entries are never rewritten")]
    DuplicatePrice {
        /// Product of the clashing entry.
        product_id: ProductId,
        /// `valid_from` of the clashing entry.
        valid_from: NaiveDate,
    },
    /// A key such as a plan tier or consultation area that the domain does not know.
    #[error("unknown name `{0}`")]
    UnknownName(String),
    /// Invoice numbers read `INV-2026-000042` (see `InvoiceNumber`).
    #[error("`{0}` is not an invoice number (expected e.g. INV-2026-000042)")]
    NotAnInvoiceNumber(String),
    /// Payment terms are at most a year (see `PaymentTerms`).
    #[error("payment terms of {0} days are longer than a year")]
    PaymentTermsTooLong(u32),
    /// Not an IBAN, or its check digits do not match (see `Iban`).
    #[error("`{0}` is not a valid IBAN: check the letters and digits")]
    NotAnIban(String),
    /// Countries are ISO 3166-1 two-letter codes (see `CountryCode`).
    #[error("`{0}` is not a two-letter country code (e.g. DE, UA)")]
    NotACountry(String),
    /// Each product appears once in the catalogue.
    #[error("product {0} appears twice in the catalogue")]
    DuplicateProduct(ProductId),
}
