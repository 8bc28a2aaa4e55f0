//! What an invoice adds to a quote: its number, its tax, its service period, when it is due,
//! and the bank and party details a bookkeeper checks (issue 12).
//!
//! Amounts follow R9: the quote's lines are already rounded; the tax is computed once on the
//! subtotal and rounded half-up to the cent.

use core::fmt;
use core::str::FromStr;

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::coverage::CoverageChange;
use crate::error::InvalidInput;
use crate::money::{Money, Percent};

/// An invoice number, `INV-2026-000042`: the 42nd invoice issued in 2026.
///
/// Numbers are gapless per calendar year of the issue date: the store assigns the next
/// sequence inside the order's transaction, so an order that fails takes no number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct InvoiceNumber {
    year: i32,
    sequence: u32,
}

impl InvoiceNumber {
    /// The `sequence`th invoice of `year`; sequences start at 1 and years have four digits.
    pub fn new(year: i32, sequence: u32) -> Result<InvoiceNumber, InvalidInput> {
        if sequence == 0 || !(1000..=9999).contains(&year) {
            return Err(InvalidInput::NotAnInvoiceNumber(format!(
                "INV-{year}-{sequence:06}"
            )));
        }
        Ok(InvoiceNumber { year, sequence })
    }

    /// The calendar year of the issue date.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The position in the year, from 1.
    pub fn sequence(self) -> u32 {
        self.sequence
    }
}

impl fmt::Display for InvoiceNumber {
    /// `INV-2026-000042` (at least six digits, more after the millionth invoice of a year).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "INV-{}-{:06}", self.year, self.sequence)
    }
}

impl FromStr for InvoiceNumber {
    type Err = InvalidInput;
    /// Parses exactly what `Display` prints.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let invalid = || InvalidInput::NotAnInvoiceNumber(text.to_string());
        let rest = text.strip_prefix("INV-").ok_or_else(invalid)?;
        let (year, sequence) = rest.split_once('-').ok_or_else(invalid)?;
        let digits = |s: &str, min: usize| s.len() >= min && s.bytes().all(|b| b.is_ascii_digit());
        if year.len() != 4 || !digits(year, 4) || !digits(sequence, 6) || sequence.len() > 10 {
            return Err(invalid());
        }
        let year = year.parse().map_err(|_| invalid())?;
        let sequence = sequence.parse().map_err(|_| invalid())?;
        InvoiceNumber::new(year, sequence).map_err(|_| invalid())
    }
}

/// An invoice's subtotal, value-added tax and total.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Taxed {
    /// The sum of the lines: what the quote showed.
    pub subtotal: Money,
    /// The one VAT rate the vendor configured (0 % by default).
    pub rate: Percent,
    /// `subtotal × rate`, rounded half-up to the cent once.
    pub tax: Money,
    /// `subtotal + tax`: what the customer pays.
    pub total: Money,
}

impl Taxed {
    /// Taxes `subtotal` at `rate`. Fails only when the total would not fit in the database's
    /// integer cents.
    pub fn new(subtotal: Money, rate: Percent) -> Result<Taxed, InvalidInput> {
        let tax = Money::round_half_up(subtotal.as_decimal() * rate.as_fraction())?;
        let total = subtotal
            .checked_add(tax)
            .ok_or_else(|| InvalidInput::MoneyTooLarge(subtotal.to_string()))?;
        Ok(Taxed {
            subtotal,
            rate,
            tax,
            total,
        })
    }
}

/// The days a support line pays for, as the invoice states them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ServicePeriod {
    /// A new contract or a renewal: its whole term, first and last day included (R10).
    Term {
        /// First covered day.
        start: NaiveDate,
        /// Last covered day.
        end: NaiveDate,
    },
    /// An R8 extension: `days` more days, from the day after the old end to the new end.
    Extension {
        /// The first added day.
        from: NaiveDate,
        /// The contract's new end, the last added day.
        new_end: NaiveDate,
        /// How many days were added.
        days: u32,
    },
}

impl ServicePeriod {
    /// What an order's change to the contract timeline bills for.
    pub fn of(change: &CoverageChange) -> Result<ServicePeriod, InvalidInput> {
        Ok(match change {
            CoverageChange::New(contract) | CoverageChange::Renewal { contract, .. } => {
                ServicePeriod::Term {
                    start: contract.start(),
                    end: contract.end(),
                }
            }
            CoverageChange::Extended { extension, .. } => ServicePeriod::Extension {
                from: extension
                    .old_end
                    .checked_add_days(Days::new(1))
                    .ok_or(InvalidInput::DateOutOfRange)?,
                new_end: extension.new_end,
                days: extension.days,
            },
        })
    }

    /// First and last day billed.
    pub fn days(self) -> (NaiveDate, NaiveDate) {
        match self {
            ServicePeriod::Term { start, end } => (start, end),
            ServicePeriod::Extension { from, new_end, .. } => (from, new_end),
        }
    }
}

/// Days from an invoice's issue to its due date, 0 (due on receipt) to 365.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub struct PaymentTerms(u32);

impl PaymentTerms {
    /// The longest term accepted, in days.
    pub const MAX_DAYS: u32 = 365;

    /// `days` days; more than a year is refused as a typing mistake.
    pub fn new(days: u32) -> Result<PaymentTerms, InvalidInput> {
        if days > Self::MAX_DAYS {
            return Err(InvalidInput::PaymentTermsTooLong(days));
        }
        Ok(PaymentTerms(days))
    }

    /// The number of days.
    pub fn days(self) -> u32 {
        self.0
    }

    /// The due date of an invoice issued on `issue_date`.
    pub fn due_date(self, issue_date: NaiveDate) -> Result<NaiveDate, InvalidInput> {
        issue_date
            .checked_add_days(Days::new(u64::from(self.0)))
            .ok_or(InvalidInput::DateOutOfRange)
    }
}

impl TryFrom<u32> for PaymentTerms {
    type Error = InvalidInput;
    fn try_from(days: u32) -> Result<Self, Self::Error> {
        PaymentTerms::new(days)
    }
}

impl From<PaymentTerms> for u32 {
    fn from(terms: PaymentTerms) -> u32 {
        terms.0
    }
}

/// Whether an unpaid invoice due on `due_date` is overdue on `today` (the day after it was due).
pub fn overdue(due_date: NaiveDate, today: NaiveDate) -> bool {
    today > due_date
}

/// An International Bank Account Number (ISO 13616), stored without spaces in upper case.
///
/// Checked as banks check it: two letters, two check digits, up to 30 letters or digits, and
/// the whole number mod 97 equal to 1. The national length of each country is not checked.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Iban(String);

impl Iban {
    /// Parses an IBAN as people type it: spaces anywhere, any letter case.
    pub fn parse(text: &str) -> Result<Iban, InvalidInput> {
        let compact: String = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let invalid = || InvalidInput::NotAnIban(text.trim().to_string());
        let bytes = compact.as_bytes();
        if !(15..=34).contains(&bytes.len())
            || !bytes[..2].iter().all(u8::is_ascii_uppercase)
            || !bytes[2..4].iter().all(u8::is_ascii_digit)
            || !bytes.iter().all(u8::is_ascii_alphanumeric)
        {
            return Err(invalid());
        }
        // Move the first four characters to the end, letters become 10..35, then mod 97.
        let remainder = bytes[4..].iter().chain(&bytes[..4]).fold(0u32, |acc, &b| {
            if b.is_ascii_digit() {
                (acc * 10 + u32::from(b - b'0')) % 97
            } else {
                (acc * 100 + u32::from(b - b'A' + 10)) % 97
            }
        });
        if remainder != 1 {
            return Err(invalid());
        }
        Ok(Iban(compact))
    }

    /// The compact form, `DE89370400440532013000`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Iban {
    /// The paper form, in groups of four: `DE89 3704 0044 0532 0130 00`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, chunk) in self.0.as_bytes().chunks(4).enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            f.write_str(core::str::from_utf8(chunk).map_err(|_| fmt::Error)?)?;
        }
        Ok(())
    }
}

impl TryFrom<String> for Iban {
    type Error = InvalidInput;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        Iban::parse(&text)
    }
}

impl From<Iban> for String {
    fn from(iban: Iban) -> String {
        iban.0
    }
}

/// A country as ISO 3166-1 alpha-2, two upper-case letters (`DE`, `UA`). The shape is checked,
/// not membership in the list.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CountryCode(String);

impl CountryCode {
    /// Parses `de`, ` DE ` or `De` as `DE`.
    pub fn parse(text: &str) -> Result<CountryCode, InvalidInput> {
        let code = text.trim().to_ascii_uppercase();
        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(InvalidInput::NotACountry(text.trim().to_string()));
        }
        Ok(CountryCode(code))
    }

    /// `DE`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for CountryCode {
    type Error = InvalidInput;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        CountryCode::parse(&text)
    }
}

impl From<CountryCode> for String {
    fn from(code: CountryCode) -> String {
        code.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::{extension, Contract, Years};
    use crate::ids::ContractId;
    use crate::plan::Plan;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn invoice_numbers_print_and_parse_alike() {
        let number = InvoiceNumber::new(2026, 42).unwrap();
        assert_eq!(number.to_string(), "INV-2026-000042");
        assert_eq!("INV-2026-000042".parse::<InvoiceNumber>().unwrap(), number);
        assert_eq!(
            "INV-2026-1234567"
                .parse::<InvoiceNumber>()
                .unwrap()
                .sequence(),
            1_234_567
        );
        for bad in [
            "",
            "INV-2026-42",
            "INV-26-000042",
            "inv-2026-000042",
            "INV-2026-000000",
            "INV-2026-00004x",
            "INV-2026-+00042",
            " INV-2026-000042",
        ] {
            assert!(bad.parse::<InvoiceNumber>().is_err(), "{bad}");
        }
    }

    #[test]
    fn tax_is_rounded_half_up_once_on_the_subtotal() {
        let money = |s: &str| s.parse::<Money>().unwrap();
        let taxed = Taxed::new(money("1180.00"), Percent::from_whole(20).unwrap()).unwrap();
        assert_eq!(
            (taxed.tax, taxed.total),
            (money("236.00"), money("1416.00"))
        );
        // 0.125 of tax rounds up to 0.13.
        let taxed = Taxed::new(money("0.50"), Percent::parse("25").unwrap()).unwrap();
        assert_eq!(taxed.tax, money("0.13"));
        let untaxed = Taxed::new(money("590.00"), Percent::from_whole(0).unwrap()).unwrap();
        assert_eq!((untaxed.tax, untaxed.total), (Money::ZERO, money("590.00")));
    }

    #[test]
    fn a_term_bills_the_contract_and_an_extension_its_added_days() {
        let contract = Contract::starting(
            Plan::default_standard(),
            day(2026, 11, 25),
            Years::new(1).unwrap(),
        )
        .unwrap();
        assert_eq!(
            ServicePeriod::of(&CoverageChange::New(contract.clone())).unwrap(),
            ServicePeriod::Term {
                start: day(2026, 11, 25),
                end: day(2027, 11, 24)
            }
        );
        let ext = extension(day(2027, 7, 27), 5, 3, Years::new(1).unwrap()).unwrap();
        let change = CoverageChange::Extended {
            id: ContractId(1),
            extension: ext,
            contract,
            moves: vec![],
        };
        let period = ServicePeriod::of(&change).unwrap();
        assert_eq!(
            period,
            ServicePeriod::Extension {
                from: day(2027, 7, 28),
                new_end: ext.new_end,
                days: ext.days
            }
        );
        assert_eq!(period.days(), (day(2027, 7, 28), ext.new_end));
    }

    #[test]
    fn payment_terms_give_the_due_date() {
        let terms = PaymentTerms::new(30).unwrap();
        assert_eq!(
            terms.due_date(day(2026, 11, 25)).unwrap(),
            day(2026, 12, 25)
        );
        assert!(PaymentTerms::new(366).is_err());
        assert!(overdue(day(2026, 12, 25), day(2026, 12, 26)));
        assert!(!overdue(day(2026, 12, 25), day(2026, 12, 25)));
    }

    #[test]
    fn ibans_are_checked_by_their_check_digits() {
        let iban = Iban::parse("de89 3704 0044 0532 0130 00").unwrap();
        assert_eq!(iban.as_str(), "DE89370400440532013000");
        assert_eq!(iban.to_string(), "DE89 3704 0044 0532 0130 00");
        assert!(Iban::parse("UA21 3223 1300 0002 6007 2335 6600 1").is_ok());
        for bad in [
            "DE88370400440532013000",
            "DE89",
            "DE89-3704-0044-0532-0130-00",
            "89DE370400440532013000",
        ] {
            assert!(Iban::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn countries_are_two_letters() {
        assert_eq!(CountryCode::parse(" de ").unwrap().as_str(), "DE");
        for bad in ["", "D", "DEU", "D1", "Ü"] {
            assert!(CountryCode::parse(bad).is_err(), "{bad}");
        }
    }
}
