//! Money and percentages (R9): exact decimals, never floating point, rounded half-up to cents.

use core::fmt;
use core::iter::Sum;
use core::ops::Add;
use core::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

use crate::error::InvalidInput;

/// A non-negative amount in the portal's single configured currency, in whole cents.
///
/// The value always has exactly two decimal places, so `Display` prints `590.00` and serde
/// writes the string `"590.00"` (no float ever touches a price). The upper bound is what fits
/// in an `i64` of cents, the column type the database uses, so [`Money::to_minor`] cannot fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "Decimal", into = "Decimal")]
pub struct Money(Decimal);

impl Money {
    /// Zero, in the configured currency.
    pub const ZERO: Money = Money(Decimal::from_parts(0, 0, 0, false, 2));

    /// Builds an amount that is already in whole cents (a price typed by an admin, a stored
    /// invoice amount). Negative amounts and sub-cent digits are refused rather than silently
    /// rounded, because a rounding here would hide a data-entry mistake.
    pub fn new(amount: Decimal) -> Result<Money, InvalidInput> {
        if amount < Decimal::ZERO {
            return Err(InvalidInput::NegativeMoney(amount.to_string()));
        }
        if amount.normalize().scale() > 2 {
            return Err(InvalidInput::SubCentMoney(amount.to_string()));
        }
        Self::from_cents_decimal(amount)
    }

    /// Rounds an exact intermediate result half-up to cents (R9: once per invoice line).
    ///
    /// `0.125` becomes `0.13` and `199.998` becomes `200.00`. Negative input is refused.
    pub fn round_half_up(exact: Decimal) -> Result<Money, InvalidInput> {
        if exact < Decimal::ZERO {
            return Err(InvalidInput::NegativeMoney(exact.to_string()));
        }
        // For non-negative numbers "away from zero" is exactly the commercial half-up rule.
        Self::from_cents_decimal(
            exact.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero),
        )
    }

    /// Builds an amount from integer minor units (cents), the database representation.
    pub fn from_minor(cents: i64) -> Result<Money, InvalidInput> {
        if cents < 0 {
            return Err(InvalidInput::NegativeMoney(
                Decimal::new(cents, 2).to_string(),
            ));
        }
        Ok(Money(Decimal::new(cents, 2)))
    }

    /// The amount in integer minor units (cents), for the database.
    pub fn to_minor(self) -> i64 {
        // The constructors guarantee scale 2 and a mantissa within i64.
        i64::try_from(self.0.mantissa()).expect("Money invariant: fits in i64 cents")
    }

    /// The exact decimal value (always two decimal places).
    pub fn as_decimal(self) -> Decimal {
        self.0
    }

    /// `true` for 0.00.
    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    /// Sum of two amounts, or `None` when the result would not fit in i64 cents.
    pub fn checked_add(self, other: Money) -> Option<Money> {
        self.0
            .checked_add(other.0)
            .and_then(|sum| Self::from_cents_decimal(sum).ok())
    }

    fn from_cents_decimal(amount: Decimal) -> Result<Money, InvalidInput> {
        // `abs` turns a negative zero into a plain zero so it never prints as "-0.00".
        let mut cents = amount.abs();
        cents.rescale(2);
        if i64::try_from(cents.mantissa()).is_err() || cents.scale() != 2 {
            return Err(InvalidInput::MoneyTooLarge(amount.to_string()));
        }
        Ok(Money(cents))
    }
}

impl TryFrom<Decimal> for Money {
    type Error = InvalidInput;
    fn try_from(amount: Decimal) -> Result<Self, Self::Error> {
        Money::new(amount)
    }
}

impl From<Money> for Decimal {
    fn from(money: Money) -> Decimal {
        money.0
    }
}

impl Money {
    /// The one parser of amounts typed by a person (admin forms, imports): digits, then
    /// optionally a decimal point or comma and one or two digits: `900`, `900.00`, `900,5`,
    /// `0.50`. Surrounding whitespace is ignored.
    ///
    /// Everything looser is refused rather than guessed at: a sign (`+5.00`, `-1`), an
    /// exponent (`1e3`), an empty fraction (`5.`), leading zeros (`007.00`), a third decimal,
    /// thousands separators and amounts beyond what the database holds. The comma is accepted
    /// because Ukrainian and Russian users type `900,00`.
    pub fn parse_amount(text: &str) -> Result<Money, InvalidInput> {
        match hundredths(text.trim()) {
            Ok(cents) => i64::try_from(cents)
                .map_err(|_| InvalidInput::MoneyTooLarge(text.trim().to_string()))
                .and_then(Money::from_minor),
            Err(DecimalText::TooLarge) => Err(InvalidInput::MoneyTooLarge(text.trim().to_string())),
            Err(DecimalText::Malformed) => Err(InvalidInput::NotAnAmount(text.to_string())),
        }
    }
}

impl FromStr for Money {
    type Err = InvalidInput;
    /// Same as [`Money::parse_amount`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Money::parse_amount(s)
    }
}

/// Why a typed decimal was refused by [`hundredths`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DecimalText {
    /// Not the shape `digits[(.|,)d[d]]`.
    Malformed,
    /// Well formed, but with more whole digits than any amount the portal stores.
    TooLarge,
}

/// Whole digits of the largest amount that fits in i64 cents (92,233,720,368,547,758.07);
/// more are refused before any arithmetic, so that the value times 100 fits in a `u64`.
const MAX_WHOLE_DIGITS: usize = 17;

/// Reads the strict decimal shape shared by money and percentages, in hundredths:
/// `"12.5"` and `"12,50"` give 1250. See [`Money::parse_amount`] for what is refused.
fn hundredths(text: &str) -> Result<u64, DecimalText> {
    let (whole, fraction) = match text.find(['.', ',']) {
        Some(at) => (&text[..at], Some(&text[at + 1..])),
        None => (text, None),
    };
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    // A single `0` before the separator is how `0.50` is written; `007` is a typing mistake.
    if !digits(whole) || (whole.len() > 1 && whole.starts_with('0')) {
        return Err(DecimalText::Malformed);
    }
    let fraction = match fraction {
        None => 0,
        Some(f) if digits(f) && f.len() <= 2 => {
            let value: u64 = f.parse().map_err(|_| DecimalText::Malformed)?;
            if f.len() == 1 {
                value * 10
            } else {
                value
            }
        }
        Some(_) => return Err(DecimalText::Malformed),
    };
    if whole.len() > MAX_WHOLE_DIGITS {
        return Err(DecimalText::TooLarge);
    }
    let whole: u64 = whole.parse().map_err(|_| DecimalText::TooLarge)?;
    Ok(whole * 100 + fraction)
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.2}", self.0)
    }
}

/// Adding two amounts panics on overflow beyond i64 cents, like integer arithmetic does;
/// use [`Money::checked_add`] where the operands come from untrusted input.
impl Add for Money {
    type Output = Money;
    fn add(self, other: Money) -> Money {
        self.checked_add(other).expect("Money overflow")
    }
}

impl Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

/// A percentage between 0% and 100%, held in basis points (1000 = 10%) like the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub struct Percent(u32);

impl Percent {
    /// 100% in basis points.
    pub const MAX_BASIS_POINTS: u32 = 10_000;

    /// From basis points: `from_basis_points(2000)` is 20%.
    pub fn from_basis_points(basis_points: u32) -> Result<Percent, InvalidInput> {
        if basis_points > Self::MAX_BASIS_POINTS {
            return Err(InvalidInput::PercentOutOfRange(basis_points));
        }
        Ok(Percent(basis_points))
    }

    /// From whole percent: `from_whole(20)` is 20%.
    pub fn from_whole(percent: u32) -> Result<Percent, InvalidInput> {
        Self::from_basis_points(percent.saturating_mul(100))
    }

    /// The stored representation: 2000 for 20%.
    pub fn basis_points(self) -> u32 {
        self.0
    }

    /// The multiplier: 0.2 for 20%.
    pub fn as_fraction(self) -> Decimal {
        Decimal::new(i64::from(self.0), 4)
    }
}

impl Percent {
    /// Parses a percentage typed by a person, with the same strict shape as
    /// [`Money::parse_amount`]: `20`, `12.5`, `12,50`, `0.25`, up to `100`. A sign, an
    /// exponent (`1e1`), an empty fraction, leading zeros or a third decimal are refused.
    pub fn parse(text: &str) -> Result<Percent, InvalidInput> {
        let basis_points =
            hundredths(text.trim()).map_err(|_| InvalidInput::NotAPercent(text.to_string()))?;
        // Hundredths of a percent are basis points.
        Percent::from_basis_points(u32::try_from(basis_points).unwrap_or(u32::MAX))
    }
}

impl FromStr for Percent {
    type Err = InvalidInput;
    /// Same as [`Percent::parse`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Percent::parse(s)
    }
}

impl TryFrom<u32> for Percent {
    type Error = InvalidInput;
    fn try_from(basis_points: u32) -> Result<Self, Self::Error> {
        Percent::from_basis_points(basis_points)
    }
}

impl From<Percent> for u32 {
    fn from(percent: Percent) -> u32 {
        percent.0
    }
}

impl fmt::Display for Percent {
    /// `20%`, `12.5%`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}%", Decimal::new(i64::from(self.0), 2).normalize())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn money_rejects_negative_and_sub_cent_amounts() {
        assert!(matches!(
            Money::new(dec("-0.01")),
            Err(InvalidInput::NegativeMoney(_))
        ));
        assert!(matches!(
            Money::new(dec("1.005")),
            Err(InvalidInput::SubCentMoney(_))
        ));
        assert!(matches!(
            Money::from_minor(-1),
            Err(InvalidInput::NegativeMoney(_))
        ));
        assert_eq!(Money::new(dec("1.500")).unwrap().to_string(), "1.50");
    }

    #[test]
    fn money_displays_two_decimals_and_round_trips_minor_units() {
        let m = Money::new(dec("900")).unwrap();
        assert_eq!(m.to_string(), "900.00");
        assert_eq!(m.to_minor(), 90_000);
        assert_eq!(Money::from_minor(12_345).unwrap().to_string(), "123.45");
        assert_eq!(Money::from_minor(i64::MAX).unwrap().to_minor(), i64::MAX);
        assert_eq!(Money::new(dec("-0")).unwrap().to_string(), "0.00");
        assert_eq!(Money::ZERO.to_string(), "0.00");
    }

    #[test]
    fn money_refuses_amounts_beyond_i64_cents() {
        let too_big = Decimal::from(i64::MAX);
        assert!(matches!(
            Money::new(too_big),
            Err(InvalidInput::MoneyTooLarge(_))
        ));
        let max = Money::from_minor(i64::MAX).unwrap();
        assert_eq!(max.checked_add(Money::from_minor(1).unwrap()), None);
    }

    #[test]
    fn rounding_is_half_up_to_cents() {
        assert_eq!(
            Money::round_half_up(dec("0.125")).unwrap().to_string(),
            "0.13"
        );
        assert_eq!(
            Money::round_half_up(dec("0.124999")).unwrap().to_string(),
            "0.12"
        );
        assert_eq!(
            Money::round_half_up(dec("199.998")).unwrap().to_string(),
            "200.00"
        );
        assert_eq!(
            Money::round_half_up(dec("0.005")).unwrap().to_string(),
            "0.01"
        );
    }

    #[test]
    fn money_parses_and_sums() {
        let a: Money = "0.10".parse().unwrap();
        let b: Money = "0.20".parse().unwrap();
        assert_eq!([a, b].into_iter().sum::<Money>().to_string(), "0.30");
        assert!("abc".parse::<Money>().is_err());
    }

    #[test]
    fn typed_amounts_are_digits_with_at_most_two_decimals() {
        for (typed, cents) in [
            ("900", 90_000),
            ("900.00", 90_000),
            ("900,00", 90_000),
            ("900.5", 90_050),
            ("900,5", 90_050),
            ("0", 0),
            ("0.50", 50),
            ("0,07", 7),
            (" 12.34 ", 1_234),
            ("92233720368547758.07", i64::MAX),
        ] {
            let parsed = Money::parse_amount(typed);
            assert_eq!(parsed.map(Money::to_minor), Ok(cents), "{typed:?}");
        }
    }

    #[test]
    fn loose_amounts_are_refused() {
        for typed in [
            "1e3", "1E3", "+5.00", "-5.00", "5.", "5,", ".5", ",5", "007.00", "007", "00", "00.50",
            "1.005", "1.000", "1,000.00", "1 000", "1_000", "5.0.0", "5.,0", "", " ", "abc", "NaN",
            "inf", "0x10", "１２", "5.00\0", "½",
        ] {
            assert!(
                matches!(
                    Money::parse_amount(typed),
                    Err(InvalidInput::NotAnAmount(_))
                ),
                "{typed:?} should be refused as not an amount"
            );
            assert!(typed.parse::<Money>().is_err(), "{typed:?}");
        }
        for too_large in [
            "92233720368547758.08",
            "99999999999999999",
            "999999999999999999",
            "79228162514264337593543950335",
        ] {
            assert!(
                matches!(
                    Money::parse_amount(too_large),
                    Err(InvalidInput::MoneyTooLarge(_))
                ),
                "{too_large:?}"
            );
        }
        assert!(Money::parse_amount(&"9".repeat(20_000)).is_err());
    }

    #[test]
    fn typed_percentages_have_the_same_strict_shape() {
        for (typed, basis_points) in [
            ("20", 2_000),
            ("12.5", 1_250),
            ("12,50", 1_250),
            ("0", 0),
            ("0.01", 1),
            ("100", 10_000),
            ("100.00", 10_000),
        ] {
            assert_eq!(
                Percent::parse(typed).map(Percent::basis_points),
                Ok(basis_points),
                "{typed:?}"
            );
        }
        for typed in ["1e1", "+10", "-1", "10.", "010", "0.001", "", "ten", "10%"] {
            assert!(
                matches!(Percent::parse(typed), Err(InvalidInput::NotAPercent(_))),
                "{typed:?}"
            );
        }
        for over in [
            "100.01",
            "101",
            "99999999999999999",
            "9".repeat(40).as_str(),
        ] {
            assert!(Percent::parse(over).is_err(), "{over:?}");
        }
    }

    #[test]
    fn invalid_values_cannot_be_deserialized_either() {
        use serde::de::value::Error;
        use serde::de::IntoDeserializer;
        let ok: Result<Money, Error> = Money::deserialize("590.00".into_deserializer());
        assert_eq!(ok.unwrap().to_minor(), 59_000);
        let sub_cent: Result<Money, Error> = Money::deserialize("1.005".into_deserializer());
        assert!(sub_cent.is_err());
        let negative: Result<Money, Error> = Money::deserialize("-1".into_deserializer());
        assert!(negative.is_err());
        let percent: Result<Percent, Error> = Percent::deserialize(10_001u32.into_deserializer());
        assert!(percent.is_err());
        let years: Result<crate::Years, Error> =
            crate::Years::deserialize(0u32.into_deserializer());
        assert!(years.unwrap_err().to_string().starts_with("R6: "));
    }

    #[test]
    fn percent_is_basis_points_up_to_100() {
        let p = Percent::from_basis_points(1250).unwrap();
        assert_eq!(p.to_string(), "12.5%");
        assert_eq!(p.as_fraction(), dec("0.125"));
        assert_eq!(Percent::from_whole(20).unwrap().to_string(), "20%");
        assert_eq!(Percent::from_whole(20).unwrap().basis_points(), 2000);
        assert_eq!(
            Percent::from_basis_points(10_001),
            Err(InvalidInput::PercentOutOfRange(10_001))
        );
    }
}
