//! What server functions accept from forms and scripts, checked before anything is stored or
//! searched. Pure, and compiled for the browser too, so forms can show the same limits (e.g. as
//! `maxlength`).
//!
//! Free text (names, subjects, messages, searches) is trimmed, and then must:
//! - fit its field's limit, counted in characters ([`Field`]);
//! - hold no control characters (NUL, escape, …; PostgreSQL refuses NUL in text outright),
//!   except line breaks and tabs in multi-line fields;
//! - hold no U+FFFD, which is what bytes that were not UTF-8 decode to;
//! - not be empty, where the field is required.
//!
//! Every refusal is `AppError::Invalid` with a message from `text` naming the field, except
//! for values no form lets a person type (codes from a `<select>`, digests and keys the server
//! issued), which are refused as `AppError::BadRequest`.

use chrono::NaiveDate;

use crate::error::AppError;
use crate::i18n::t;
use crate::text;

/// Names of companies, contacts and products.
pub const MAX_NAME_CHARS: usize = 200;
/// RFC 5321's limit on a mailbox.
pub const MAX_EMAIL_CHARS: usize = 254;
pub const MAX_SUBJECT_CHARS: usize = 200;
/// Message bodies and descriptions.
pub const MAX_BODY_CHARS: usize = 10_000;
/// Searches and free-text filters.
pub const MAX_SEARCH_CHARS: usize = 200;
/// Invoice numbers, as the admin may type or paste one.
pub const MAX_INVOICE_NUMBER_CHARS: usize = 50;
/// Version numbers, e.g. `7.12.1`.
pub const MAX_VERSION_CHARS: usize = 50;
/// Licenses added by one order line or one grant.
pub const MAX_QUANTITY: u32 = 10_000;
/// Order lines (`product_id:quantity,…`), about a hundred products' worth.
pub const MAX_ORDER_LINES_CHARS: usize = 2_000;
/// Response targets of plans: the deadline of every request is computed from them.
pub const MAX_RESPONSE_DAYS: u32 = 30;
pub const MAX_RESPONSE_HOURS: u32 = 240;
/// Plan tiers, consultation areas, units and the like.
const MAX_CODE_CHARS: usize = 40;
/// Digests and idempotency keys the server issued (and scripts may choose).
const MAX_OPAQUE_CHARS: usize = 128;

/// The browser's mirror (an `<input pattern>`) of `domain::Money::parse_amount`, also used for
/// percentages: digits without leading zeros, then at most two decimals after a point or comma.
pub const AMOUNT_PATTERN: &str = "(0|[1-9][0-9]*)([.,][0-9]{1,2})?";
/// The browser's mirror of `domain::Version::parse`.
pub const VERSION_PATTERN: &str = "[0-9]+([.][0-9]+)*";

/// A kind of free-text field: the message key of its label (named in refusals), its limit, and whether it spans lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    pub label: &'static str,
    pub max_chars: usize,
    pub multiline: bool,
}

pub const COMPANY_NAME: Field = Field::line("field-company-name", MAX_NAME_CHARS);
pub const CONTACT_NAME: Field = Field::line("field-contact-name", MAX_NAME_CHARS);
pub const PRODUCT_NAME: Field = Field::line("field-product", MAX_NAME_CHARS);
pub const SUBJECT: Field = Field::line("field-subject", MAX_SUBJECT_CHARS);
/// The description of a consultation request or of a contractual exception (R5).
pub const DESCRIPTION: Field = Field::lines("field-description", MAX_BODY_CHARS);
/// A reply in a consultation thread.
pub const MESSAGE: Field = Field::lines("reply", MAX_BODY_CHARS);
pub const SEARCH: Field = Field::line("search", MAX_SEARCH_CHARS);
/// What an API token is for ("ERP sync").
pub const TOKEN_NAME: Field = Field::line("field-token-name", MAX_NAME_CHARS);
/// Where a webhook posts its events.
pub const WEBHOOK_URL: Field = Field::line("field-webhook-url", 2000);
/// The audit log's company filter.
pub const COMPANY_FILTER: Field = Field::line("col-company", MAX_SEARCH_CHARS);
/// The audit log's kind filter.
pub const KIND_FILTER: Field = Field::line("field-kind", MAX_SEARCH_CHARS);
pub const INVOICE_NUMBER: Field = Field::line("col-invoice", MAX_INVOICE_NUMBER_CHARS);
/// A legal name on an invoice (seller or buyer).
pub const LEGAL_NAME: Field = Field::line("field-legal-name", MAX_NAME_CHARS);
/// A postal address, one line per line.
pub const ADDRESS: Field = Field::lines("field-address", 500);
/// A VAT identification number (e.g. `DE123456789`), optional on both parties.
pub const VAT_NUMBER: Field = Field::line("invoice-vat-number", 30);
/// The vendor's company registration (register and number), optional.
pub const REGISTRATION_NUMBER: Field = Field::line("invoice-registration", 100);
/// The name of the vendor's bank.
pub const BANK_NAME: Field = Field::line("invoice-bank", MAX_NAME_CHARS);
/// The note printed with the tax, e.g. a reverse-charge or exemption statement.
pub const VAT_NOTE: Field = Field::lines("field-vat-note", 500);
/// The vendor's footer on every invoice page (managing directors, contact, …).
pub const FOOTER: Field = Field::lines("field-footer", 1_000);
/// The bank's reference of a payment, as on the statement.
pub const BANK_REFERENCE: Field = Field::line("field-bank-reference", 100);
/// At most this many addresses receive a company's invoices.
pub const MAX_BILLING_EMAILS: usize = 5;

impl Field {
    const fn line(label: &'static str, max_chars: usize) -> Field {
        Field {
            label,
            max_chars,
            multiline: false,
        }
    }

    const fn lines(label: &'static str, max_chars: usize) -> Field {
        Field {
            label,
            max_chars,
            multiline: true,
        }
    }

    /// The trimmed text, which must not be empty.
    pub fn required(self, value: &str) -> Result<&str, AppError> {
        let value = self.optional(value)?;
        if value.is_empty() {
            return Err(AppError::Invalid(t("err-required")));
        }
        Ok(value)
    }

    /// The trimmed text, possibly empty (a filter that is not set).
    pub fn optional(self, value: &str) -> Result<&str, AppError> {
        let value = value.trim();
        if value.chars().count() > self.max_chars {
            return Err(AppError::Invalid(text::too_long(
                &t(self.label),
                self.max_chars,
            )));
        }
        let allowed = |c: char| self.multiline && matches!(c, '\n' | '\r' | '\t');
        if value
            .chars()
            .any(|c| (c.is_control() && !allowed(c)) || c == char::REPLACEMENT_CHARACTER)
        {
            return Err(AppError::Invalid(text::unreadable_characters(&t(
                self.label
            ))));
        }
        Ok(value)
    }
}

/// An email address, trimmed and in lower case (as stored), in the plain `local@domain` form
/// mail servers and the mailer accept: at most [`MAX_EMAIL_CHARS`], a local part of at most
/// 64 letters, digits and `!#$%&'*+/=?^_`{|}~-` in dot-separated runs, and a domain of two or
/// more dot-separated labels of letters, digits and inner hyphens. Letters may be non-ASCII
/// (internationalised addresses). Quotes, brackets, commas, spaces and empty runs (`a..b`,
/// `.a`, `a.`) are refused: they either name no mailbox or change what a mail header says.
pub fn email(value: &str) -> Result<String, AppError> {
    let email = value.trim().to_lowercase();
    let refused = || AppError::Invalid(t("err-email"));
    if email.chars().count() > MAX_EMAIL_CHARS {
        return Err(refused());
    }
    let (local, domain) = email.split_once('@').ok_or_else(refused)?;
    let local_char = |c: char| c.is_alphanumeric() || "!#$%&'*+/=?^_`{|}~-".contains(c);
    let local_ok = local.chars().count() <= 64
        && local
            .split('.')
            .all(|run| !run.is_empty() && run.chars().all(local_char));
    let label_ok = |label: &str| {
        !label.is_empty()
            && label.chars().count() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    let domain_ok = domain.contains('.') && domain.split('.').all(label_ok);
    if local_ok && domain_ok {
        Ok(email)
    } else {
        Err(refused())
    }
}

/// An invoice number as an admin types or pastes it (`INV-2026-000042`): trimmed and in upper
/// case as issued (`inv-2026-000042` finds it), then parsed by `domain::InvoiceNumber`.
pub fn invoice_number(value: &str) -> Result<domain::InvoiceNumber, AppError> {
    INVOICE_NUMBER
        .required(value)?
        .to_ascii_uppercase()
        .parse()
        .map_err(|_| AppError::Invalid(t("err-invoice-number")))
}

/// A code chosen from a fixed list (`basic`, `version_update`, `business_days`…), exactly as
/// the forms send it: lower-case letters, digits and underscores.
pub fn code(value: &str) -> Result<&str, AppError> {
    let valid = !value.is_empty()
        && value.len() <= MAX_CODE_CHARS
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if valid {
        Ok(value)
    } else {
        Err(AppError::BadRequest)
    }
}

/// A value the server issued and the browser sends back unchanged (a quote's digest, an
/// idempotency key): printable ASCII without spaces, at most 128 characters.
pub fn opaque(value: &str) -> Result<&str, AppError> {
    let valid = !value.is_empty()
        && value.len() <= MAX_OPAQUE_CHARS
        && value.bytes().all(|b| b.is_ascii_graphic());
    if valid {
        Ok(value)
    } else {
        Err(AppError::BadRequest)
    }
}

/// A day as `YYYY-MM-DD`, with a four-digit year: dates are stored as ISO text, whose order
/// is the dates' order only for such years.
pub fn date(value: &str) -> Result<NaiveDate, AppError> {
    let value = value.trim();
    let shape = value.len() == 10
        && value.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    shape
        .then(|| NaiveDate::parse_from_str(value, "%Y-%m-%d").ok())
        .flatten()
        .ok_or_else(|| AppError::Invalid(t("err-date")))
}

/// An optional day filter: empty is `None`.
pub fn optional_date(value: &str) -> Result<Option<NaiveDate>, AppError> {
    if value.trim().is_empty() {
        Ok(None)
    } else {
        date(value).map(Some)
    }
}

/// A number of licenses to add, from 1 to [`MAX_QUANTITY`].
pub fn quantity(quantity: u32) -> Result<u32, AppError> {
    if (1..=MAX_QUANTITY).contains(&quantity) {
        Ok(quantity)
    } else {
        Err(AppError::Invalid(text::quantity_range(MAX_QUANTITY)))
    }
}

/// Order lines (`product_id:quantity,…`) within bounds: at most [`MAX_ORDER_LINES_CHARS`]
/// and [`MAX_QUANTITY`] licenses a line. Their syntax is checked where they are parsed.
pub fn order_lines(lines: &str) -> Result<&str, AppError> {
    if lines.len() > MAX_ORDER_LINES_CHARS {
        return Err(AppError::BadRequest);
    }
    let too_many = lines
        .split(',')
        .filter_map(|item| item.split_once(':'))
        .filter_map(|(_, quantity)| quantity.trim().parse::<u64>().ok())
        .any(|quantity| quantity > u64::from(MAX_QUANTITY));
    if too_many {
        return Err(AppError::Invalid(text::quantity_range(MAX_QUANTITY)));
    }
    Ok(lines)
}

/// A plan's response target: 1 to [`MAX_RESPONSE_DAYS`] business days or 1 to
/// [`MAX_RESPONSE_HOURS`] business hours.
pub fn response_target(amount: u32, in_days: bool) -> Result<u32, AppError> {
    let max = if in_days {
        MAX_RESPONSE_DAYS
    } else {
        MAX_RESPONSE_HOURS
    };
    if (1..=max).contains(&amount) {
        Ok(amount)
    } else {
        Err(AppError::Invalid(text::response_target_range(
            MAX_RESPONSE_DAYS,
            MAX_RESPONSE_HOURS,
        )))
    }
}

/// A version number: digits separated by dots, e.g. `7.12.1`.
pub fn version(value: &str) -> Result<domain::Version, AppError> {
    let value = value.trim();
    if value.len() > MAX_VERSION_CHARS {
        return Err(AppError::Invalid(t("err-version")));
    }
    domain::Version::parse(value).map_err(|_| AppError::Invalid(t("err-version")))
}

/// Far above any real passphrase; bounds the hashing work a caller can ask for.
pub const MAX_PASSWORD_BYTES: usize = 1024;

/// Sign-in checks are looser than [`email`] (an admin account made on the command line may
/// have any address), but a value no account can have is refused before it reaches the
/// database (PostgreSQL rejects NUL in text) or the hasher.
pub fn could_be_account_email(value: &str) -> bool {
    value.chars().count() <= MAX_EMAIL_CHARS
        && value.contains('@')
        && !value.contains(char::is_control)
}

pub fn could_be_password(value: &str) -> bool {
    value.len() <= MAX_PASSWORD_BYTES && !value.contains('\0')
}

/// A passkey's name as the user typed it, trimmed: 1 to 60 characters without control
/// characters; `None` when empty or unusable (the caller names it then).
pub fn passkey_name(value: &str) -> Option<String> {
    let name = value.trim();
    let usable = !name.is_empty() && name.chars().count() <= 60 && !name.contains(char::is_control);
    usable.then(|| name.to_string())
}

/// Invitation and reset tokens are 32 random bytes in hex.
pub fn could_be_link_token(value: &str) -> bool {
    value.len() == 64 && value.bytes().all(|b| b.is_ascii_hexdigit())
}

/// One to [`MAX_BILLING_EMAILS`] addresses separated by commas, semicolons or line breaks,
/// each checked by [`email`]; returned joined by `", "` without duplicates.
pub fn billing_emails(value: &str) -> Result<String, AppError> {
    let mut emails: Vec<String> = Vec::new();
    for part in value.split([',', ';', '\n']) {
        if part.trim().is_empty() {
            continue;
        }
        let email = email(part)?;
        if !emails.contains(&email) {
            emails.push(email);
        }
    }
    if emails.is_empty() || emails.len() > MAX_BILLING_EMAILS {
        return Err(AppError::Invalid(t("err-billing-emails")));
    }
    Ok(emails.join(", "))
}

/// An IBAN with valid check digits (see `domain::Iban`).
pub fn iban(value: &str) -> Result<domain::Iban, AppError> {
    domain::Iban::parse(value).map_err(|_| AppError::Invalid(t("err-iban")))
}

/// A BIC (SWIFT code): 8 or 11 letters and digits, stored in upper case.
pub fn bic(value: &str) -> Result<String, AppError> {
    let bic = value.trim().to_ascii_uppercase();
    if !matches!(bic.len(), 8 | 11) || !bic.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(AppError::Invalid(t("err-bic")));
    }
    Ok(bic)
}

/// A two-letter country code (see `domain::CountryCode`).
pub fn country(value: &str) -> Result<domain::CountryCode, AppError> {
    domain::CountryCode::parse(value).map_err(|_| AppError::Invalid(t("err-country")))
}

/// Payment terms in days, 0 to 365 (see `domain::PaymentTerms`).
pub fn payment_terms(value: &str) -> Result<domain::PaymentTerms, AppError> {
    value
        .trim()
        .parse::<u32>()
        .ok()
        .and_then(|days| domain::PaymentTerms::new(days).ok())
        .ok_or_else(|| AppError::Invalid(t("err-payment-terms")))
}

/// A VAT rate as people type it, `20` or `7,5` (see `domain::Percent::parse`).
pub fn vat_rate(value: &str) -> Result<domain::Percent, AppError> {
    domain::Percent::parse(value).map_err(|_| AppError::Invalid(t("err-vat-rate")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_text_is_trimmed_bounded_and_printable() {
        assert_eq!(SUBJECT.required("  Upgrade  "), Ok("Upgrade"));
        assert_eq!(
            SUBJECT.required(" \t "),
            Err(AppError::Invalid(t("err-required")))
        );
        assert_eq!(SEARCH.optional(""), Ok(""));
        assert!(SUBJECT.required(&"x".repeat(MAX_SUBJECT_CHARS)).is_ok());
        assert!(SUBJECT.required(&"é".repeat(MAX_SUBJECT_CHARS)).is_ok());
        assert!(SUBJECT
            .required(&"x".repeat(MAX_SUBJECT_CHARS + 1))
            .is_err());
        for hostile in [
            "a\0b",
            "a\u{1b}[2Jb",
            "a\u{7f}",
            "a\u{85}b",
            "a\u{fffd}b",
            "a\nb",
        ] {
            assert!(SUBJECT.required(hostile).is_err(), "{hostile:?}");
        }
        assert_eq!(
            MESSAGE.required("line 1\r\n\tline 2"),
            Ok("line 1\r\n\tline 2")
        );
        assert!(MESSAGE.required("a\0b").is_err());
    }

    #[test]
    fn emails_are_plausible_and_normalised() {
        assert_eq!(
            email(" Ann@Example.COM "),
            Ok("ann@example.com".to_string())
        );
        for good in [
            "anna.novak+support@north-wind.example",
            "o'brien@mail.contoso.example",
            "ірина@приклад.укр",
            "a@b.co",
        ] {
            assert_eq!(email(good), Ok(good.to_string()), "{good:?}");
        }
        for bad in [
            "",
            "ann",
            "ann@example",
            "@example.com",
            "a@b@example.com",
            "an n@example.com",
            "ann@example.com\0",
            "ann@.com",
            "ann@example.com.",
            "a..b@example.com",
            ".ann@example.com",
            "ann.@example.com",
            "ann@example..com",
            "ann@-example.com",
            "ann@example-.com",
            "ann@exam_ple.com",
            "\"ann\"@example.com",
            "ann,bob@example.com",
            "ann;bob@example.com",
            "<ann>@example.com",
            "ann@example.com>",
            "ann(x)@example.com",
            "ann\\@example.com",
            "ann@[192.0.2.1]",
            "ann@example.com, bob@example.com",
        ] {
            assert!(email(bad).is_err(), "{bad:?}");
        }
        assert!(email(&format!("{}@example.com", "a".repeat(65))).is_err());
        let long = format!("{}@example.com", "a".repeat(MAX_EMAIL_CHARS));
        assert!(email(&long).is_err());
    }

    #[test]
    fn codes_opaque_values_and_dates_are_exact() {
        assert_eq!(code("business_days"), Ok("business_days"));
        for bad in ["", "PREMIUM", "premium ", "pre mium", "ünknown"] {
            assert_eq!(code(bad), Err(AppError::BadRequest), "{bad:?}");
        }
        assert!(opaque("0123456789abcdef").is_ok());
        assert!(opaque("a b").is_err() && opaque("").is_err() && opaque(&"x".repeat(129)).is_err());
        assert_eq!(
            date("2030-01-31"),
            Ok(NaiveDate::from_ymd_opt(2030, 1, 31).unwrap())
        );
        for bad in [
            "2026-02-30",
            "99999-01-01",
            "+2030-01-01",
            "2030-1-1",
            "",
            "soon",
        ] {
            assert!(date(bad).is_err(), "{bad:?}");
        }
        assert_eq!(optional_date(" "), Ok(None));
        assert_eq!(
            invoice_number(" inv-2026-000042 ").map(|n| n.to_string()),
            Ok("INV-2026-000042".to_string())
        );
        for bad in [
            "",
            "INV 2026",
            "INV-2026-000042;",
            "INV–2026",
            "INV/2026",
            "INV-2026-42",
        ] {
            assert!(invoice_number(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn numbers_are_bounded() {
        assert!(quantity(0).is_err() && quantity(MAX_QUANTITY + 1).is_err());
        assert_eq!(quantity(MAX_QUANTITY), Ok(MAX_QUANTITY));
        assert!(order_lines("1:3, 2:10000").is_ok());
        assert!(order_lines("1:10001").is_err());
        assert!(order_lines(&"1:1,".repeat(1_000)).is_err());
        assert!(response_target(0, true).is_err());
        assert!(response_target(MAX_RESPONSE_DAYS + 1, true).is_err());
        assert!(response_target(MAX_RESPONSE_HOURS, false).is_ok());
        assert!(version("7.12.1").is_ok());
        assert!(version(&"1.".repeat(40)).is_err());
    }
}
