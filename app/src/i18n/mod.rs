//! Languages: which one a request speaks, its messages and its number, money and date formats.
//!
//! Messages are [Fluent](https://projectfluent.org) files, `app/locales/{en,uk,ru}.ftl`, read by
//! `fluent-templates` at compile time into the server binary. Fluent gives each language its own
//! plural forms ("1 рік / 2 роки / 5 років") and lets a translator reorder a sentence around
//! its values. Pages are rendered on the server (islands), so the messages never ship in the
//! wasm: in the browser [`t`] returns an empty string, and an island hydrating over the
//! server's HTML keeps the server's text.
//!
//! The language of a request ([`locale`]) is decided once, by a middleware of the server: the
//! signed-in account's saved choice, else the `lang` cookie the switcher sets, else the
//! browser's `Accept-Language`, else English. Mail and invoices name their language explicitly
//! (the recipient's, not the request's).

#[cfg(feature = "ssr")]
pub mod choice;
mod format;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A language the portal speaks. English is the default and the fallback.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    En,
    Uk,
    Ru,
}

impl Locale {
    /// Every language, in the switcher's order.
    pub const ALL: [Locale; 3] = [Locale::En, Locale::Uk, Locale::Ru];

    /// The BCP 47 code: `<html lang>`, the cookie, the database column.
    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Uk => "uk",
            Locale::Ru => "ru",
        }
    }

    /// The language from its code (`en`, `uk`, `ru`, any case); `None` for anything else.
    pub fn parse(code: &str) -> Option<Locale> {
        Locale::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(code.trim()))
    }

    /// The language's name in itself, as the switcher shows it (never translated).
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Uk => "Українська",
            Locale::Ru => "Русский",
        }
    }

    /// The message `key` in this language.
    pub fn t(self, key: &str) -> String {
        self.t_with(key, &[])
    }

    /// The message `key` in this language, with its named values (`$name` in the Fluent file).
    pub fn t_with(self, key: &str, args: &[(&str, Arg)]) -> String {
        #[cfg(feature = "ssr")]
        {
            messages::lookup(self, key, args)
        }
        #[cfg(not(feature = "ssr"))]
        {
            let _ = (key, args);
            String::new()
        }
    }

    /// A calendar day: `2026-11-30` in English (ISO 8601, unambiguous for an international
    /// readership), `30.11.2026` in Ukrainian and Russian (their standard numeric form).
    pub fn date(self, day: NaiveDate) -> String {
        format::date(self, day)
    }

    /// A decimal amount as the server formats it (`1180.00`, `-3.5`) written the language's
    /// way: `1,180.00` in English, `1 180,00` in Ukrainian and Russian (a no-break space
    /// groups thousands). Text that is not a plain decimal is returned unchanged.
    pub fn amount(self, decimal: &str) -> String {
        format::amount(self, decimal)
    }

    /// An amount with its currency code: `1,180.00 EUR`, `1 180,00 EUR`.
    pub fn money(self, decimal: &str, currency: &str) -> String {
        format!("{} {currency}", self.amount(decimal))
    }

    /// A percentage as the server formats it (`12.5%`): `12.5%` in English, `12,5 %` in
    /// Ukrainian and Russian.
    pub fn percent(self, formatted: &str) -> String {
        format::percent(self, formatted)
    }
}

impl std::fmt::Display for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// A value placed into a message. Numbers choose plural forms; days are written in the
/// message's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Number(i64),
    Day(NaiveDate),
}

impl From<&str> for Arg {
    fn from(value: &str) -> Self {
        Arg::Text(value.to_string())
    }
}
impl From<String> for Arg {
    fn from(value: String) -> Self {
        Arg::Text(value)
    }
}
impl From<&String> for Arg {
    fn from(value: &String) -> Self {
        Arg::Text(value.clone())
    }
}
impl From<NaiveDate> for Arg {
    fn from(value: NaiveDate) -> Self {
        Arg::Day(value)
    }
}
impl From<&NaiveDate> for Arg {
    fn from(value: &NaiveDate) -> Self {
        Arg::Day(*value)
    }
}
macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(value: $t) -> Self {
                Arg::Number(i64::try_from(value).unwrap_or(i64::MAX))
            }
        }
        impl From<&$t> for Arg {
            fn from(value: &$t) -> Self {
                Arg::from(*value)
            }
        }
    )*};
}
number_args!(u32, i64, u64, usize, i32);

/// The language of the request being served; English outside one (start-up, the worker).
pub fn locale() -> Locale {
    leptos::prelude::use_context::<Locale>().unwrap_or_default()
}

/// Runs `f` speaking `locale`, whatever the request speaks: mail and invoices are written in
/// the recipient's language, and the worker sends mail outside any request.
pub fn in_locale<T>(locale: Locale, f: impl FnOnce() -> T) -> T {
    let owner = leptos::prelude::Owner::new();
    owner.with(|| {
        leptos::prelude::provide_context(locale);
        f()
    })
}

/// The message `key` in the request's language. See [`tr!`](crate::tr) for messages with values.
pub fn t(key: &str) -> String {
    locale().t(key)
}

/// A message with named values, in the request's language or, after `@locale,`, in the one
/// given: `tr!("too-long", field = label, max = 200)`, `tr!(@locale, "invoice-mail-subject",
/// number = n)`.
#[macro_export]
macro_rules! tr {
    (@$locale:expr, $key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $locale.t_with($key, &[$((stringify!($name), $crate::i18n::Arg::from($value))),*])
    };
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::locale().t_with($key, &[$((stringify!($name), $crate::i18n::Arg::from($value))),*])
    };
}

#[cfg(feature = "ssr")]
mod messages {
    use std::borrow::Cow;
    use std::collections::HashMap;

    use fluent_templates::fluent_bundle::FluentValue;
    use fluent_templates::{LanguageIdentifier, Loader};

    use super::{Arg, Locale};

    fluent_templates::static_loader! {
        static MESSAGES = {
            locales: "./locales",
            fallback_language: "en",
            // Fluent wraps values in Unicode isolation marks for right-to-left scripts; the
            // portal's three languages run left to right, and the marks would end up in
            // HTML attributes, mail subjects and the PDF.
            customise: |bundle| bundle.set_use_isolating(false),
        };
    }

    fn language(locale: Locale) -> LanguageIdentifier {
        locale
            .code()
            .parse()
            .expect("the three language codes are valid identifiers")
    }

    pub(super) fn lookup(locale: Locale, key: &str, args: &[(&str, Arg)]) -> String {
        let values: HashMap<Cow<'static, str>, FluentValue<'static>> = args
            .iter()
            .map(|(name, arg)| {
                let value = match arg {
                    Arg::Text(text) => FluentValue::from(text.clone()),
                    Arg::Number(n) => FluentValue::from(*n),
                    Arg::Day(day) => FluentValue::from(locale.date(*day)),
                };
                (Cow::Owned(name.to_string()), value)
            })
            .collect();
        let language = language(locale);
        let found = if values.is_empty() {
            MESSAGES.try_lookup(&language, key)
        } else {
            MESSAGES.try_lookup_with_args(&language, key, &values)
        };
        found.unwrap_or_else(|| {
            tracing::error!(key, %locale, "message missing");
            key.to_string()
        })
    }

    fn resource(locale: Locale) -> fluent_templates::fluent_bundle::FluentResource {
        let source = match locale {
            Locale::En => include_str!("../../locales/en.ftl"),
            Locale::Uk => include_str!("../../locales/uk.ftl"),
            Locale::Ru => include_str!("../../locales/ru.ftl"),
        };
        fluent_templates::fluent_bundle::FluentResource::try_new(source.to_string())
            .unwrap_or_else(|(_, errors)| panic!("{locale}.ftl does not parse: {errors:?}"))
    }

    /// The message keys of one language's file, for the completeness test.
    pub fn keys(locale: Locale) -> Vec<String> {
        resource(locale)
            .entries()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(message) => Some(message.id.name.to_string()),
                _ => None,
            })
            .collect()
    }

    /// The fixed wording of message `key`: its text between the values, in every plural
    /// variant. Tests look for it in pages that should be in another language.
    pub fn wording(locale: Locale, key: &str) -> Vec<String> {
        use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
        fn collect(pattern: &Pattern<&str>, out: &mut Vec<String>) {
            for element in &pattern.elements {
                match element {
                    PatternElement::TextElement { value } => out.push(value.to_string()),
                    PatternElement::Placeable { expression } => match expression {
                        Expression::Select { variants, .. } => {
                            for variant in variants {
                                collect(&variant.value, out);
                            }
                        }
                        Expression::Inline(InlineExpression::Placeable { .. })
                        | Expression::Inline(_) => {}
                    },
                }
            }
        }
        let resource = resource(locale);
        let mut out = Vec::new();
        for entry in resource.entries() {
            if let Entry::Message(message) = entry {
                if message.id.name == key {
                    if let Some(pattern) = &message.value {
                        collect(pattern, &mut out);
                    }
                }
            }
        }
        out
    }
}

#[cfg(feature = "ssr")]
pub use messages::{keys, wording};

#[cfg(feature = "ssr")]
pub mod negotiation {
    //! Which language a request asked for.
    use super::Locale;

    /// The best of our languages for an `Accept-Language` header, by the browser's order of
    /// preference (`uk-UA` matches `uk`); English when none matches or the header is absent.
    pub fn from_accept_language(header: Option<&str>) -> Locale {
        let Some(header) = header else {
            return Locale::En;
        };
        let requested = fluent_langneg::accepted_languages::parse(header);
        let available: Vec<fluent_templates::LanguageIdentifier> = Locale::ALL
            .iter()
            .filter_map(|l| l.code().parse().ok())
            .collect();
        let default: fluent_templates::LanguageIdentifier =
            "en".parse().expect("a valid identifier");
        let chosen = fluent_langneg::negotiate_languages(
            &requested,
            &available,
            Some(&default),
            fluent_langneg::NegotiationStrategy::Lookup,
        );
        chosen
            .first()
            .and_then(|id| Locale::parse(id.language.as_str()))
            .unwrap_or_default()
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    use super::*;

    /// Every `.rs` file under `dir`, read.
    fn sources(dir: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(std::fs::read_to_string(&path).unwrap());
            }
        }
    }

    /// The message keys the code asks for: the literal first argument of `t`, `tr!` and `t_with`.
    fn keys_asked_for(code: &str) -> BTreeSet<String> {
        let mut asked = BTreeSet::new();
        for opener in ["t(\"", "tr!(\"", "t_with(\""] {
            for (at, _) in code.match_indices(opener) {
                // `t(` itself, not the end of `get(` or `print(`.
                let before = code[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let rest = &code[at + opener.len()..];
                if let Some(end) = rest.find('"') {
                    asked.insert(rest[..end].to_string());
                }
            }
        }
        for (at, _) in code.match_indices("tr!(@") {
            let rest = &code[at..];
            if let Some(start) = rest.find('"') {
                let rest = &rest[start + 1..];
                if let Some(end) = rest.find('"') {
                    asked.insert(rest[..end].to_string());
                }
            }
        }
        asked
    }

    #[test]
    fn every_language_has_every_key_and_every_key_is_used() {
        let english: BTreeSet<String> = keys(Locale::En).into_iter().collect();
        for locale in [Locale::Uk, Locale::Ru] {
            let theirs: BTreeSet<String> = keys(locale).into_iter().collect();
            let missing: Vec<_> = english.difference(&theirs).collect();
            let extra: Vec<_> = theirs.difference(&english).collect();
            assert!(missing.is_empty(), "{locale}.ftl lacks {missing:?}");
            assert!(
                extra.is_empty(),
                "{locale}.ftl has keys English lacks: {extra:?}"
            );
        }
        let mut code = Vec::new();
        sources(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut code,
        );
        let code = code.join("\n");
        let unused: Vec<_> = english
            .iter()
            .filter(|key| !code.contains(&format!("\"{key}\"")))
            .collect();
        assert!(unused.is_empty(), "keys no code uses: {unused:?}");
        let undefined: Vec<_> = keys_asked_for(&code)
            .into_iter()
            .filter(|key| {
                key.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            })
            .filter(|key| !english.contains(key))
            .collect();
        assert!(
            undefined.is_empty(),
            "keys asked for but not defined: {undefined:?}"
        );
    }

    #[test]
    fn every_message_formats_in_every_language() {
        for key in keys(Locale::En) {
            for locale in Locale::ALL {
                let text = locale.t(&key);
                assert!(!text.trim().is_empty(), "{locale} {key}");
                assert!(
                    !text.contains('\u{2068}'),
                    "isolation marks in {locale} {key}"
                );
            }
        }
    }

    #[test]
    fn plural_forms_follow_each_language() {
        let years = |locale, n| in_locale(locale, || crate::text::years(n));
        assert_eq!(
            [1, 2, 5, 21].map(|n| years(Locale::Uk, n)),
            ["1 рік", "2 роки", "5 років", "21 рік"]
        );
        assert_eq!(
            [1, 2, 5, 22].map(|n| years(Locale::Ru, n)),
            ["1 год", "2 года", "5 лет", "22 года"]
        );
        assert_eq!([1, 2].map(|n| years(Locale::En, n)), ["1 year", "2 years"]);
    }

    #[test]
    fn money_and_days_are_written_the_languages_way() {
        let tax = |locale| {
            in_locale(locale, || {
                crate::text::invoice_pay_by(
                    "1180.00",
                    "EUR",
                    NaiveDate::from_ymd_opt(2026, 12, 30).unwrap(),
                    "INV-2026-000001",
                )
            })
        };
        assert!(
            tax(Locale::En).contains("1,180.00 EUR by 2026-12-30"),
            "{}",
            tax(Locale::En)
        );
        assert!(
            tax(Locale::Uk).contains("1\u{a0}180,00 EUR"),
            "{}",
            tax(Locale::Uk)
        );
        assert!(
            tax(Locale::Ru).contains("30.12.2026"),
            "{}",
            tax(Locale::Ru)
        );
    }

    #[test]
    fn a_request_outside_any_context_speaks_english() {
        assert_eq!(locale(), Locale::En);
        assert_eq!(in_locale(Locale::Ru, locale), Locale::Ru);
        assert_eq!(Locale::parse(" UK "), Some(Locale::Uk));
        assert_eq!(Locale::parse("de"), None);
    }
}

#[cfg(all(test, feature = "ssr"))]
mod line_tests {
    use super::*;

    #[test]
    fn recorded_order_lines_are_reworded_and_unknown_ones_kept() {
        let ru = |recorded: &str| in_locale(Locale::Ru, || crate::text::line_description(recorded));
        assert_eq!(
            ru("Terrasoft CRM licenses, version 7.13"),
            "Terrasoft CRM: лицензии, версия 7.13"
        );
        assert_eq!(
            ru("Standard support, 2 years: 20% × 2950.00 × 2"),
            "Поддержка Standard, 2 года: 20\u{a0}% × 2\u{a0}950,00 × 2"
        );
        assert_eq!(ru("Something else"), "Something else");
        let en = |recorded: &str| in_locale(Locale::En, || crate::text::line_description(recorded));
        assert_eq!(
            en("Standard support, 1 year: 20% × 2950.00 × 1"),
            "Standard support, 1 year: 20% × 2,950.00 × 1"
        );
    }
}
