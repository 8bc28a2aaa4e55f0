//! Properties of invoice arithmetic and identifiers (issue 12).

use domain::{Iban, InvoiceNumber, Money, Percent, Taxed};
use proptest::prelude::*;

proptest! {
    /// Tax is the rate's share of the subtotal, off by at most half a cent, and the total is
    /// exactly subtotal plus tax: the invoice adds up on paper.
    #[test]
    fn an_invoice_adds_up(cents in 0i64..10_000_000_000, basis_points in 0u32..=10_000) {
        let subtotal = Money::from_minor(cents).unwrap();
        let rate = Percent::from_basis_points(basis_points).unwrap();
        let taxed = Taxed::new(subtotal, rate).unwrap();
        prop_assert_eq!(taxed.total.to_minor(), taxed.subtotal.to_minor() + taxed.tax.to_minor());
        let exact = subtotal.as_decimal() * rate.as_fraction();
        let error = (taxed.tax.as_decimal() - exact).abs();
        prop_assert!(error <= "0.005".parse().unwrap());
        prop_assert!(taxed.tax <= subtotal);
    }

    /// Every number prints as something that parses back to it.
    #[test]
    fn invoice_numbers_round_trip(year in 1000i32..=9999, sequence in 1u32..=u32::MAX) {
        let number = InvoiceNumber::new(year, sequence).unwrap();
        prop_assert_eq!(number.to_string().parse::<InvoiceNumber>().unwrap(), number);
    }

    /// Changing any one digit of a valid IBAN is caught by its check digits.
    #[test]
    fn one_wrong_digit_fails_the_iban_check(position in 4usize..22, delta in 1u8..10) {
        let valid = "DE89370400440532013000";
        let mut bytes = valid.as_bytes().to_vec();
        bytes[position] = b'0' + (bytes[position] - b'0' + delta) % 10;
        let typo = String::from_utf8(bytes).unwrap();
        prop_assert!(Iban::parse(&typo).is_err(), "{}", typo);
    }
}
