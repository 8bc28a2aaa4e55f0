//! Dates, amounts and percentages written each language's way (CLDR conventions).

use chrono::{Datelike, NaiveDate};

use super::Locale;

/// Thousands separator and decimal mark. Ukrainian and Russian group with a no-break space
/// (U+00A0), so an amount never wraps across lines.
fn marks(locale: Locale) -> (char, char) {
    match locale {
        Locale::En => (',', '.'),
        Locale::Uk | Locale::Ru => ('\u{a0}', ','),
    }
}

pub(super) fn date(locale: Locale, day: NaiveDate) -> String {
    match locale {
        Locale::En => format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day()),
        Locale::Uk | Locale::Ru => format!("{:02}.{:02}.{:04}", day.day(), day.month(), day.year()),
    }
}

pub(super) fn amount(locale: Locale, decimal: &str) -> String {
    // "1180.00 EUR": the amount, then its currency as it is.
    if let Some((number, currency)) = decimal.split_once(' ') {
        return format!("{} {currency}", amount(locale, number));
    }
    let (sign, digits) = match decimal.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", decimal),
    };
    let (whole, fraction) = match digits.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (digits, None),
    };
    let plain = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !plain(whole) || !fraction.is_none_or(plain) {
        return decimal.to_string();
    }
    let (group, point) = marks(locale);
    let mut out = String::from(sign);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(digit);
    }
    if let Some(fraction) = fraction {
        out.push(point);
        out.push_str(fraction);
    }
    out
}

pub(super) fn percent(locale: Locale, formatted: &str) -> String {
    let number = formatted.trim().trim_end_matches('%').trim_end();
    match locale {
        Locale::En => format!("{}%", amount(locale, number)),
        Locale::Uk | Locale::Ru => format!("{}\u{a0}%", amount(locale, number)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_grouped_and_marked_per_language() {
        assert_eq!(amount(Locale::En, "1180.00"), "1,180.00");
        assert_eq!(amount(Locale::Uk, "1180.00"), "1\u{a0}180,00");
        assert_eq!(amount(Locale::Ru, "1234567.5"), "1\u{a0}234\u{a0}567,5");
        assert_eq!(amount(Locale::En, "999.99"), "999.99");
        assert_eq!(amount(Locale::En, "-1000"), "-1,000");
        assert_eq!(amount(Locale::Uk, "0.00"), "0,00");
        assert_eq!(amount(Locale::Uk, "n/a"), "n/a");
        assert_eq!(amount(Locale::Uk, "1.2.3"), "1.2.3");
        assert_eq!(amount(Locale::Ru, "2950.00 EUR"), "2\u{a0}950,00 EUR");
    }

    #[test]
    fn percentages_and_dates_follow_the_language() {
        assert_eq!(percent(Locale::En, "12.5%"), "12.5%");
        assert_eq!(percent(Locale::Ru, "12.5%"), "12,5\u{a0}%");
        let day = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        assert_eq!(date(Locale::En, day), "2026-11-30");
        assert_eq!(date(Locale::Uk, day), "30.11.2026");
    }
}
