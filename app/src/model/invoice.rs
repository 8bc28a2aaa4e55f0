//! An issued invoice as its page and its PDF show it (issue 12), and the billing details
//! forms. Everything on an invoice is as of its issue date: the seller's and the buyer's
//! details are the versions that were in force then.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One issued invoice, ready to lay out: amounts are formatted (`1180.00`), dates are days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvoiceDocument {
    /// `INV-2026-000042`.
    pub number: String,
    pub order_id: i64,
    pub issue_date: NaiveDate,
    pub due_date: NaiveDate,
    /// What the customer quotes with the transfer: the invoice number.
    pub payment_reference: String,
    pub seller: Party,
    pub buyer: Party,
    pub bank: BankAccount,
    pub payment_terms_days: u32,
    pub lines: Vec<InvoiceLine>,
    /// ISO 4217 code, e.g. `EUR`.
    pub currency: String,
    pub subtotal: String,
    /// `20%`.
    pub tax_rate: String,
    pub tax: String,
    /// Printed with the tax (e.g. an exemption); may be empty.
    pub tax_note: String,
    pub total: String,
    pub status: InvoiceStatus,
    /// The vendor's footer text; may be empty.
    pub footer: String,
}

/// A seller or a buyer. Empty fields are not printed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Party {
    pub legal_name: String,
    pub address_lines: Vec<String>,
    /// ISO 3166-1 alpha-2, e.g. `DE`.
    pub country: String,
    pub registration_number: String,
    pub vat_number: String,
}

impl Party {
    /// What is printed under the name, one line each: the address, then the country and the
    /// numbers that are set (`Country: UA`, `VAT no. UA123…`). The page and the PDF share it.
    pub fn detail_lines(&self) -> Vec<String> {
        let labelled = [
            (crate::i18n::t("invoice-country"), &self.country, ": "),
            (
                crate::i18n::t("invoice-registration"),
                &self.registration_number,
                " ",
            ),
            (crate::i18n::t("invoice-vat-number"), &self.vat_number, " "),
        ];
        self.address_lines
            .iter()
            .cloned()
            .chain(
                labelled
                    .into_iter()
                    .filter(|(_, value, _)| !value.is_empty())
                    .map(|(label, value, separator)| format!("{label}{separator}{value}")),
            )
            .collect()
    }
}

/// Where to pay. Empty fields are not printed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankAccount {
    /// In groups of four, `DE89 3704 0044 0532 0130 00`.
    pub iban: String,
    pub bic: String,
    pub bank_name: String,
}

/// One line of an invoice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvoiceLine {
    pub description: String,
    pub quantity: u32,
    pub unit_price: String,
    /// The day of the price list a license line's unit price comes from; none on the support
    /// line, whose description states its computation.
    pub price_from: Option<NaiveDate>,
    /// What a support line pays for.
    pub service: Option<ServiceText>,
    pub amount: String,
}

/// A support line's service period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ServiceText {
    /// A contract's term, first and last day.
    Term { start: NaiveDate, end: NaiveDate },
    /// An R8 extension: `days` days added, from `from` to the new end.
    Extension {
        from: NaiveDate,
        new_end: NaiveDate,
        days: u32,
    },
}

/// Paid or not, as of today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum InvoiceStatus {
    /// Not paid; `overdue` once the due date has passed.
    Unpaid { overdue: bool },
    /// Paid; `on` is the day the money arrived (unknown for payments recorded before issue 12).
    Paid { on: Option<NaiveDate> },
}

/// A company's billing details as its contact edits them; empty until first saved.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BillingDetails {
    pub legal_name: String,
    /// One line per line.
    pub address: String,
    pub country: String,
    pub vat_number: String,
    /// Comma-separated.
    pub billing_emails: String,
}

/// The vendor's details as the admin edits them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VendorDetails {
    pub legal_name: String,
    pub address: String,
    pub registration_number: String,
    pub vat_number: String,
    pub iban: String,
    pub bic: String,
    pub bank_name: String,
    pub payment_terms_days: u32,
    /// `20%`, `0%`.
    pub vat_rate: String,
    pub vat_note: String,
    pub footer: String,
    /// When this version was saved (RFC 3339), for "in force since".
    pub since: String,
}

/// A row of the admin's invoice list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvoiceListRow {
    pub order_id: i64,
    pub company_id: i64,
    pub company_name: String,
    pub number: String,
    pub issue_date: String,
    pub due_date: String,
    pub total: String,
    pub status: InvoiceStatus,
    pub bank_reference: Option<String>,
}

/// Which invoices the admin's list shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum InvoiceFilter {
    /// Not paid yet (the default: the list is a to-do list).
    #[default]
    Unpaid,
    /// Not paid and past the due date.
    Overdue,
    Paid,
    All,
}

impl InvoiceFilter {
    /// Every filter, in the order the page offers them.
    pub const ALL: [InvoiceFilter; 4] = [
        InvoiceFilter::Unpaid,
        InvoiceFilter::Overdue,
        InvoiceFilter::Paid,
        InvoiceFilter::All,
    ];

    /// The URL value: `unpaid`, `overdue`, `paid`, `all`.
    pub fn as_str(self) -> &'static str {
        match self {
            InvoiceFilter::Unpaid => "unpaid",
            InvoiceFilter::Overdue => "overdue",
            InvoiceFilter::Paid => "paid",
            InvoiceFilter::All => "all",
        }
    }

    /// Parses the URL value; empty is the default, anything unknown `None`.
    pub fn parse(value: &str) -> Option<InvoiceFilter> {
        if value.is_empty() {
            return Some(InvoiceFilter::default());
        }
        InvoiceFilter::ALL.into_iter().find(|f| f.as_str() == value)
    }
}

/// One page of the admin's invoice list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvoiceListPage {
    pub filter: InvoiceFilter,
    pub page: u32,
    pub has_next: bool,
    pub rows: Vec<InvoiceListRow>,
    /// Today in the vendor's time zone, the default payment date.
    pub today: NaiveDate,
}
