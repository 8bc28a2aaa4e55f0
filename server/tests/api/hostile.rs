//! Hostile input (issue 7): every registered server function is sent wrong types, huge and
//! negative numbers, impossible dates, unknown codes, 20,000-character strings, control
//! characters, invalid UTF-8, unknown and nested fields, random bytes and oversized bodies, by
//! an anonymous caller, a contact and an admin. Each answer must be a 4xx carrying an
//! `AppError` with a clear message (never a 5xx, a panic or a dropped connection), and the
//! database must be the same afterwards.
//!
//! Nothing here lists server functions: they come from the registry, and their required
//! arguments are found by leaving each one out (see [`discover`]). Argument *names* are
//! classified in [`KINDS`]; a new name fails the test until it is given a kind.
//!
//! Every request comes from its own client address (the server trusts `X-Forwarded-For`
//! here), and every sign-in from its own email, so that no throttle trips: a 429 would mean
//! the hostile value was never checked, and fails the test. The single-use-link functions get
//! a valid link and a valid new password as the values not under attack, so that each hostile
//! value meets the check meant for it, not an earlier refusal of its neighbour.

use std::io::{Read, Write};
use std::sync::atomic::{AtomicU32, Ordering::Relaxed};

use app::error::AppError;
use futures::stream::{self, StreamExt};
use leptos::server_fn::axum::server_fn_paths;
use proptest::collection::vec;
use proptest::prelude::{any, Strategy};
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config as ProptestConfig, TestRunner};
use reqwest::header::{ACCEPT, CONTENT_TYPE, COOKIE};
use reqwest::StatusCode;

use crate::common::{
    assert_same_database, contact_email, spawn_app, spawn_app_with, TestApp, ANY_ARGS,
};

/// Requests in flight at once: enough to keep two cores busy, few enough for SQLite's writer.
const CONCURRENCY: usize = 6;

/// What an argument means, which decides the hostile values it is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A row id (`i64`): negative, zero and absent ids are simply not found.
    Id,
    /// A count where zero is meaningless (`u32`): licenses, years, a response target.
    Count,
    /// A count where zero is meaningful (`u32`): a page, a minimum number of licenses.
    Floor,
    Money,
    Percent,
    /// A required day, `YYYY-MM-DD`.
    Date,
    /// An optional day filter (empty = any).
    DateFilter,
    /// One of a fixed set of codes (plan tier, area, unit, support choice).
    Code,
    /// An optional code filter (empty = any).
    CodeFilter,
    /// Required free text: names, subjects, message bodies.
    Text,
    /// Optional free text: searches and filters (empty = any).
    TextFilter,
    Email,
    /// One or more email addresses separated by commas (invoice recipients).
    EmailList,
    Version,
    /// Order lines, `product_id:quantity,…`.
    Lines,
    /// An opaque value the server issued: a digest, an idempotency key, a token, an invoice
    /// number.
    Opaque,
    Password,
}

/// Every argument name of every server function, with its kind.
const KINDS: &[(&str, Kind)] = &[
    ("id", Kind::Id),
    ("company_id", Kind::Id),
    ("product_id", Kind::Id),
    ("entry_id", Kind::Id),
    ("exception_id", Kind::Id),
    ("quantity", Kind::Count),
    ("years", Kind::Count),
    ("response_amount", Kind::Count),
    ("page", Kind::Floor),
    ("min_licenses", Kind::Floor),
    ("price", Kind::Money),
    ("percent", Kind::Percent),
    ("valid_from", Kind::Date),
    ("from", Kind::DateFilter),
    ("to", Kind::DateFilter),
    ("plan", Kind::Code),
    ("tier", Kind::Code),
    ("area", Kind::Code),
    ("response_unit", Kind::Code),
    ("support", Kind::Code),
    ("actor", Kind::CodeFilter),
    ("name", Kind::Text),
    ("contact_name", Kind::Text),
    ("subject", Kind::Text),
    ("description", Kind::Text),
    ("body", Kind::Text),
    ("search", Kind::TextFilter),
    ("company", Kind::TextFilter),
    ("kind", Kind::TextFilter),
    ("contact_email", Kind::Email),
    ("email", Kind::Email),
    ("version", Kind::Version),
    ("lines", Kind::Lines),
    ("digest", Kind::Opaque),
    ("key", Kind::Opaque),
    ("token", Kind::Opaque),
    ("invoice_number", Kind::Opaque),
    ("password", Kind::Password),
    ("legal_name", Kind::Text),
    ("address", Kind::Text),
    ("country", Kind::Code),
    ("vat_number", Kind::TextFilter),
    ("billing_emails", Kind::EmailList),
    ("paid_on", Kind::Date),
    ("bank_reference", Kind::Text),
    ("filter", Kind::CodeFilter),
    ("registration_number", Kind::TextFilter),
    ("iban", Kind::Code),
    ("bic", Kind::Code),
    ("bank_name", Kind::Text),
    ("payment_terms_days", Kind::Floor),
    ("vat_rate", Kind::Percent),
    ("vat_note", Kind::TextFilter),
    ("footer", Kind::TextFilter),
    ("status", Kind::CodeFilter),
    ("scope", Kind::Code),
    ("days", Kind::Count),
    ("url", Kind::Text),
    ("events", Kind::Code),
    ("csv", Kind::Text),
    ("code", Kind::Opaque),
    ("credential", Kind::Opaque),
    ("passkey_id", Kind::Id),
];

fn kind_of(function: &str, key: &str) -> Kind {
    KINDS
        .iter()
        .find(|(name, _)| *name == key)
        .map(|(_, kind)| *kind)
        .unwrap_or_else(|| {
            panic!("argument `{key}` of {function} has no kind in KINDS (tests/api/hostile.rs)")
        })
}

/// One hostile value: what it is, and how it goes in the form body (already url-encoded, so
/// that bytes which are not UTF-8 can be sent).
struct Hostile {
    label: &'static str,
    encoded: String,
    /// The value as text, when it is text: the answer must not quote it.
    plain: Option<String>,
}

fn text(label: &'static str, value: &str) -> Hostile {
    Hostile {
        label,
        encoded: encode(value.as_bytes()),
        plain: Some(value.to_string()),
    }
}

fn raw(label: &'static str, encoded: &str) -> Hostile {
    Hostile {
        label,
        encoded: encoded.to_string(),
        plain: None,
    }
}

/// What any text argument is sent, whatever it means.
fn text_attacks() -> Vec<Hostile> {
    vec![
        text("20,000 characters", &incompressible(20_000)),
        text("control characters", "a\0b\u{1}c\u{1b}[2J\u{7f}d\u{85}e"),
        raw("invalid UTF-8", "%FF%FE"),
        raw("an overlong NUL", "x%C0%80y"),
    ]
}

/// Letters and digits that do not repeat, so that PostgreSQL cannot compress them to fit an
/// index entry (a repeated letter would).
fn incompressible(chars: usize) -> String {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    (0..chars)
        .map(|_| {
            // xorshift64
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            ALPHABET[(state % ALPHABET.len() as u64) as usize] as char
        })
        .collect()
}

fn not_numbers() -> Vec<Hostile> {
    vec![
        text("a 23-digit number", "99999999999999999999999"),
        text("1e308", "1e308"),
        text("NaN", "NaN"),
        text("letters", "abc"),
        text("empty", ""),
        text("a fraction", "1.5"),
        text("hexadecimal", "0x10"),
    ]
}

/// Values a 96-bit decimal parses (up to its largest, 2^96 - 1) that overflow once scaled:
/// a percent times 100, an amount in cents.
fn decimal_overflows() -> Vec<Hostile> {
    vec![
        text("1e28", "1e28"),
        text("the largest decimal", "79228162514264337593543950335"),
        text(
            "the most negative decimal",
            "-79228162514264337593543950335",
        ),
        text("a 28-digit number", "9999999999999999999999999999"),
        text("28 decimal places", "0.0000000000000000000000000001"),
    ]
}

fn hostile_values(kind: Kind) -> Vec<Hostile> {
    let mut values = match kind {
        Kind::Id => vec![
            text("negative", "-1"),
            text("zero", "0"),
            text("the largest id", "9223372036854775807"),
        ],
        Kind::Count => vec![
            text("negative", "-1"),
            text("zero", "0"),
            text("the largest u32", "4294967295"),
        ],
        Kind::Floor => vec![text("negative", "-1")],
        Kind::Money => vec![
            text("negative", "-1.00"),
            text("1e30", "1e30"),
            text("a tenth of a cent", "0.001"),
            text("NaN", "NaN"),
            text("empty", ""),
            text("letters", "abc"),
            text("a 23-digit amount", "99999999999999999999999"),
            text("a hexadecimal amount", "0x10"),
            // Issue 19: looser than "at most two decimals, e.g. 900.00".
            text("an exponent", "1e3"),
            text("a plus sign", "+5.00"),
            text("an empty fraction", "5."),
            text("leading zeros", "007.00"),
        ],
        Kind::Percent => vec![
            text("negative", "-1.00"),
            text("1e30", "1e30"),
            text("a thousandth", "0.001"),
            text("NaN", "NaN"),
            text("empty", ""),
            text("over 100", "100.01"),
            text("letters", "abc"),
            text("an exponent", "1e1"),
            text("a plus sign", "+10"),
            text("an empty fraction", "10."),
            text("leading zeros", "010"),
        ],
        Kind::Date => vec![
            text("February 30", "2026-02-30"),
            text("year 99999", "99999-01-01"),
            text("year 10000", "10000-01-01"),
            text("a signed year", "+2030-01-01"),
            text("empty", ""),
            text("not a date", "soon"),
        ],
        Kind::DateFilter => vec![
            text("February 30", "2026-02-30"),
            text("year 99999", "99999-01-01"),
            text("not a date", "yesterday"),
        ],
        Kind::Code => vec![
            text("upper case with a space", "PREMIUM "),
            text("unknown", "unknown"),
            text("empty", ""),
        ],
        Kind::CodeFilter => vec![
            text("upper case with a space", "ADMIN "),
            text("unknown", "unknown"),
        ],
        Kind::Text | Kind::Password => vec![text("empty", ""), text("whitespace only", " \t\r\n ")],
        Kind::TextFilter => vec![],
        Kind::Email => vec![
            text("empty", ""),
            text("whitespace only", "   "),
            text("no @", "someone.example"),
            text("no domain dot", "someone@example"),
            text("a space", "some one@x.example"),
            text("300 characters", &format!("{}@x.example", "a".repeat(290))),
            text("an empty run", "some..one@x.example"),
            text("angle brackets", "<some@x.example>"),
            text("two addresses", "a@x.example,b@x.example"),
        ],
        Kind::EmailList => vec![
            text("empty", ""),
            text("only commas", " , ,"),
            text("one bad of two", "a@x.example, someone@example"),
            text(
                "six addresses",
                "a@x.example,b@x.example,c@x.example,d@x.example,e@x.example,f@x.example",
            ),
            text("angle brackets", "<some@x.example>"),
        ],
        Kind::Version => vec![
            text("empty", ""),
            text("letters", "v1"),
            text("an empty segment", "1..2"),
            text("negative", "-1"),
            text("a segment over u32", "99999999999"),
        ],
        Kind::Lines => vec![
            text("a negative quantity", "1:-1"),
            text("a negative product", "-1:1"),
            text("a 23-digit quantity", "1:99999999999999999999999"),
            text("the largest u32 quantity", "1:4294967295"),
            text("a fractional quantity", "1:1.5"),
            text("no quantity", "1"),
            text("letters", "abc"),
            text("an unknown product", "999999:1"),
            text("5,000 lines", &"1:1,".repeat(5_000)),
        ],
        Kind::Opaque => vec![text("empty", "")],
    };
    if matches!(kind, Kind::Money | Kind::Percent) {
        // Not `not_numbers`: a fraction is a fine amount. Decimals that parse but overflow
        // any arithmetic on them (28 and 29 digits, the largest decimal), and free text.
        values.extend(decimal_overflows());
        values.extend(text_attacks());
    } else if matches!(
        kind,
        Kind::Code
            | Kind::CodeFilter
            | Kind::Text
            | Kind::TextFilter
            | Kind::Email
            | Kind::EmailList
            | Kind::Version
            | Kind::Lines
            | Kind::Opaque
            | Kind::Password
            | Kind::Date
            | Kind::DateFilter
    ) {
        values.extend(text_attacks());
    } else {
        values.extend(not_numbers());
    }
    values
}

/// Url-encodes every byte but the unreserved ones.
fn encode(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// A new password every check accepts: at least 12 characters, not a common one.
const NEW_PASSWORD: &str = "quiet-heron-7Fq2-sings";

/// The values an argument gets while another one is hostile: those of [`ANY_ARGS`], but for
/// the single-use-link functions, which check their token and their new password one after
/// the other (in either order), and so get a valid link and a valid password; and for the
/// email, which is new on every call (see [`Baselines::value`]).
#[derive(Default)]
struct Baselines {
    /// `(function, argument, value)`.
    overrides: Vec<(&'static str, &'static str, String)>,
}

impl Baselines {
    /// A valid invitation and a valid reset link, made while nothing is compared yet. Both
    /// stay valid unless a hostile request is accepted, which would use one up and change
    /// the database.
    async fn with_valid_links(app: &TestApp, admin: &str) -> Self {
        let invited = app
            .answer(
                "admin_create_company",
                &[
                    ("name", "Baseline Ltd"),
                    ("contact_name", "Ida Baseline"),
                    ("contact_email", "ida@baseline.example"),
                ],
                admin,
            )
            .await;
        assert_eq!(invited.status, StatusCode::OK, "{}", invited.body);
        let link = invited.body["link"].as_str().expect("an invitation link");
        let invitation = link.split("token=").nth(1).expect("a token").to_string();
        let reset = app.reset_token(contact_email("Contoso Logistics")).await;
        assert_ne!(invitation, reset);
        Baselines {
            overrides: vec![
                ("accept_invitation", "token", invitation),
                ("accept_invitation", "password", NEW_PASSWORD.into()),
                ("reset_password", "token", reset),
                ("reset_password", "password", NEW_PASSWORD.into()),
            ],
        }
    }

    /// The value of `key` for `function`, already url-encoded. An email is new on every
    /// call: no account has it, and the limit of failed sign-ins per account never trips.
    fn value(&self, function: &str, key: &str) -> String {
        if let Some((_, _, value)) = self
            .overrides
            .iter()
            .find(|(f, k, _)| *f == function && *k == key)
        {
            return encode(value.as_bytes());
        }
        if key == "email" {
            static NEXT: AtomicU32 = AtomicU32::new(0);
            return encode(format!("x{}@x.example", NEXT.fetch_add(1, Relaxed)).as_bytes());
        }
        let any = ANY_ARGS.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
        encode(
            any.unwrap_or_else(|| panic!("ANY_ARGS (tests/api/common.rs) lacks `{key}`"))
                .as_bytes(),
        )
    }

    /// A form body: the baseline for every key, but `replaced` (already encoded).
    fn body(
        &self,
        function: &str,
        keys: &[&'static str],
        replaced: Option<(&str, &str)>,
    ) -> String {
        keys.iter()
            .map(|key| match replaced {
                Some((k, value)) if k == *key => format!("{key}={value}"),
                _ => format!("{key}={}", self.value(function, key)),
            })
            .collect::<Vec<_>>()
            .join("&")
    }
}

/// A server function and the arguments it requires.
struct Function {
    name: String,
    required: Vec<&'static str>,
}

/// Every registered server function that takes arguments, with its required ones: a call
/// without one of them is refused as malformed (400) before the function runs. Anonymous
/// calls can change nothing (authorization is checked once the arguments parse).
///
/// Functions that take no argument ignore the body, so no body can be hostile to them; they
/// are left out (calling them as the contact would sign it out: `logout`,
/// `logout_everywhere`).
async fn discover(app: &TestApp) -> Vec<Function> {
    let any = Baselines::default();
    let mut names: Vec<String> = server_fn_paths()
        .map(|(path, _)| path.trim_start_matches("/api/").to_string())
        .collect();
    names.sort();
    assert!(names.len() >= 40, "the registry lists the server functions");
    let every_key: Vec<&'static str> = ANY_ARGS.iter().map(|(k, _)| *k).collect();
    let probes = names.iter().flat_map(|name| {
        let full = (name.clone(), None);
        std::iter::once(full).chain(every_key.iter().map(move |key| (name.clone(), Some(*key))))
    });
    let answers: Vec<(String, Option<&'static str>, StatusCode)> = stream::iter(probes)
        .map(|(name, without)| {
            let keys: Vec<&'static str> = every_key
                .iter()
                .copied()
                .filter(|k| Some(*k) != without)
                .collect();
            let body = any.body(&name, &keys, None);
            async move {
                let (status, _) = post(app, &name, body.into_bytes(), None)
                    .await
                    .unwrap_or_else(|e| panic!("{name}: no answer: {e}"));
                (name, without, status)
            }
        })
        .buffer_unordered(CONCURRENCY)
        .collect()
        .await;
    names
        .into_iter()
        .filter_map(|name| {
            let mine = || answers.iter().filter(|(n, _, _)| *n == name);
            let full = mine().find(|(_, w, _)| w.is_none()).unwrap().2;
            assert_ne!(
                full,
                StatusCode::BAD_REQUEST,
                "{name}: ANY_ARGS (tests/api/common.rs) lacks a valid value for one of its arguments"
            );
            let mut required: Vec<&'static str> = mine()
                .filter(|(_, _, status)| *status == StatusCode::BAD_REQUEST)
                .filter_map(|(_, without, _)| *without)
                .collect();
            required.sort();
            for key in &required {
                kind_of(&name, key);
            }
            (!required.is_empty()).then_some(Function { name, required })
        })
        .collect()
}

/// A client address of its own for every request (10.0.0.1, 10.0.0.2, …): no per-address
/// limit ever trips.
fn next_address() -> String {
    static NEXT: AtomicU32 = AtomicU32::new(1);
    let n = NEXT.fetch_add(1, Relaxed);
    assert!(n < 1 << 24, "client addresses run out");
    format!("10.{}.{}.{}", (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff)
}

/// A server whose client addresses are read from `X-Forwarded-For`, as behind a proxy.
async fn spawn_behind_proxy() -> TestApp {
    spawn_app_with(|config| config.trust_proxy = true).await
}

/// Posts a raw form body as the browser's JS does, from an address of its own (see
/// [`next_address`]); `Err` when no answer came back.
async fn post(
    app: &TestApp,
    function: &str,
    body: Vec<u8>,
    cookie: Option<&str>,
) -> Result<(StatusCode, Vec<u8>), reqwest::Error> {
    let mut request = app
        .client
        .post(format!("{}/api/{function}", app.base))
        .header(ACCEPT, "application/json")
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("x-forwarded-for", next_address())
        .body(body);
    if let Some(cookie) = cookie {
        request = request.header(COOKIE, cookie);
    }
    let response = request.send().await?;
    let status = response.status();
    Ok((status, response.bytes().await?.to_vec()))
}

/// How strictly an answer is judged.
#[derive(Clone, Copy)]
enum Expect {
    /// A 4xx with an `AppError` body whose message is short and printable.
    Refusal,
    /// Anything but a 5xx.
    NoServerError,
}

/// Judges an answer; `sent` is the hostile value as text, if any, which it must not quote.
fn judge(
    expect: Expect,
    status: StatusCode,
    body: &[u8],
    sent: Option<&str>,
) -> Result<(), String> {
    let shown = || {
        String::from_utf8_lossy(body)
            .chars()
            .take(200)
            .collect::<String>()
    };
    if status.is_server_error() {
        return Err(format!("{status} {}", shown()));
    }
    if let Expect::NoServerError = expect {
        return Ok(());
    }
    if !status.is_client_error() {
        return Err(format!("accepted: {status} {}", shown()));
    }
    // Every request has its own address and email, so no throttle may trip: a 429 means the
    // value was refused before anything checked it.
    if status == StatusCode::TOO_MANY_REQUESTS {
        return Err(format!(
            "throttled, the input was never checked: {}",
            shown()
        ));
    }
    let error: AppError = serde_json::from_slice(body)
        .map_err(|_| format!("{status}, not an AppError: {}", shown()))?;
    let message = error.to_string();
    // A clear message: something to read, short, and not an echo of the hostile input.
    if message.trim().is_empty()
        || message.chars().count() > 300
        || message.contains(char::is_control)
    {
        return Err(format!("{status}, unclear message: {}", shown()));
    }
    // Long enough not to occur in a fixed message by chance; the first 16 characters, as a
    // quote may be cut short. A rule's refusal may quote the number that broke it, parsed and
    // bounded by then.
    let worth_checking =
        |sent: &&str| sent.chars().count() >= 8 && !matches!(error, AppError::Rule(_));
    if let Some(sent) = sent.map(str::trim).filter(worth_checking) {
        let start: String = sent.chars().take(16).collect();
        if message.contains(&start) {
            return Err(format!(
                "{status}, the message quotes the input: {}",
                shown()
            ));
        }
    }
    Ok(())
}

fn shorten(text: &str) -> String {
    if text.len() <= 120 {
        return text.to_string();
    }
    format!("{}… ({} bytes)", &text[..120], text.len())
}

/// One hostile request and how its answer is judged.
struct Case {
    what: String,
    function: String,
    body: Vec<u8>,
    cookie: Option<String>,
    expect: Expect,
    /// The hostile value as text, if any.
    sent: Option<String>,
}

/// Sends every case, several at a time; returns the failures, described.
async fn run(app: &TestApp, cases: Vec<Case>) -> Vec<String> {
    stream::iter(cases)
        .map(|case| async move {
            let answer = post(app, &case.function, case.body, case.cookie.as_deref()).await;
            let verdict = match answer {
                Ok((status, body)) => judge(case.expect, status, &body, case.sent.as_deref()),
                Err(error) => Err(format!("no answer: {error}")),
            };
            verdict
                .err()
                .map(|why| format!("{}: {}: {why}", case.function, case.what))
        })
        .buffer_unordered(CONCURRENCY)
        .filter_map(|failure| async move { failure })
        .collect()
        .await
}

fn assert_no_failures(failures: &[String], total: usize) {
    if failures.is_empty() {
        return;
    }
    let mut shown = failures.to_vec();
    shown.sort();
    shown.truncate(400);
    panic!(
        "{} of {total} hostile requests were not refused cleanly:\n{}",
        failures.len(),
        shown.join("\n")
    );
}

/// The three kinds of caller, signed in before anything hostile is sent.
struct Callers {
    contact: String,
    admin: String,
}

impl Callers {
    async fn sign_in(app: &TestApp) -> Self {
        Callers {
            contact: app.login_as("Contoso Logistics").await,
            admin: app.login_admin().await,
        }
    }

    fn all(&self) -> [(&'static str, Option<String>); 3] {
        [
            ("anonymous", None),
            ("contact", Some(self.contact.clone())),
            ("admin", Some(self.admin.clone())),
        ]
    }
}

/// The hostile bodies for one function: what each is, the body, and the hostile value as
/// text (if any).
fn hostile_bodies(
    baselines: &Baselines,
    function: &Function,
) -> Vec<(String, String, Option<String>)> {
    let (name, required) = (function.name.as_str(), &function.required);
    let mut bodies = Vec::new();
    for &key in required {
        for value in hostile_values(kind_of(name, key)) {
            bodies.push((
                format!("{key} = {}", value.label),
                baselines.body(name, required, Some((key, &value.encoded))),
                value.plain,
            ));
        }
        // Wrong shapes: a list or a nested map where a plain value belongs.
        let rest: Vec<&'static str> = required.iter().filter(|k| **k != key).copied().collect();
        for shape in ["[0]", "[a][b]"] {
            let plain = baselines.value(name, key);
            bodies.push((
                format!("{key} as {key}{shape}=…"),
                format!("{}&{key}{shape}={plain}", baselines.body(name, &rest, None)),
                None,
            ));
        }
    }
    // Unknown fields only: every argument renamed.
    let renamed = required
        .iter()
        .map(|key| format!("{key}_x={}", baselines.value(name, key)))
        .collect::<Vec<_>>()
        .join("&");
    bodies.push(("every field unknown".into(), renamed, None));
    bodies
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_arguments_are_refused_by_every_server_function_and_change_nothing() {
    let app = spawn_behind_proxy().await;
    let callers = Callers::sign_in(&app).await;
    let functions = discover(&app).await;
    let baselines = Baselines::with_valid_links(&app, &callers.admin).await;
    let before = app.snapshot().await;

    let mut cases = Vec::new();
    for function in &functions {
        for (caller, cookie) in callers.all() {
            // Made again for each caller: every sign-in then has an email of its own.
            for (what, body, sent) in hostile_bodies(&baselines, function) {
                cases.push(Case {
                    what: format!("{what}, as {caller}"),
                    function: function.name.clone(),
                    body: body.into_bytes(),
                    cookie: cookie.clone(),
                    expect: Expect::Refusal,
                    sent,
                });
            }
        }
    }
    let total = cases.len();
    assert!(total > 1000, "{total} hostile requests");
    let failures = run(&app, cases).await;
    assert_no_failures(&failures, total);
    assert_same_database(&before, &app.snapshot().await, "after hostile arguments");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn random_bodies_never_cause_a_server_error_nor_a_change() {
    let app = spawn_behind_proxy().await;
    let callers = Callers::sign_in(&app).await;
    let functions = discover(&app).await;
    let before = app.snapshot().await;

    // Deterministic, so a failure reproduces; PROPTEST_CASES=… runs more.
    let mut runner = TestRunner::deterministic();
    let config = ProptestConfig::default();
    let n = functions.len();
    // Random bytes as the whole body, and random bytes (encoded, at least two, so never a
    // plausible id by chance) as the value of every required argument.
    let raw_bodies = (0..n, 0..3usize, vec(any::<u8>(), 0..600));
    let random_values = (0..n, 0..3usize, vec(vec(any::<u8>(), 2..48), 8));
    let mut cases = Vec::new();
    for _ in 0..config.cases {
        let (f, caller, bytes) = raw_bodies.new_tree(&mut runner).unwrap().current();
        let (name, cookie) = callers.all()[caller].clone();
        cases.push(Case {
            what: format!("random body {}, as {name}", shorten(&encode(&bytes))),
            function: functions[f].name.clone(),
            body: bytes,
            cookie,
            expect: Expect::NoServerError,
            sent: None,
        });
        let (f, caller, values) = random_values.new_tree(&mut runner).unwrap().current();
        let (name, cookie) = callers.all()[caller].clone();
        let body = functions[f]
            .required
            .iter()
            .zip(&values)
            .map(|(key, value)| format!("{key}={}", encode(value)))
            .collect::<Vec<_>>()
            .join("&");
        cases.push(Case {
            what: format!("random values {}, as {name}", shorten(&body)),
            function: functions[f].name.clone(),
            body: body.into_bytes(),
            cookie,
            expect: Expect::NoServerError,
            sent: None,
        });
    }
    // Raw bytes that are not UTF-8 (not url-encoded), to every function.
    let any = Baselines::default();
    for function in &functions {
        for (name, cookie) in callers.all() {
            let mut body = any
                .body(&function.name, &function.required, None)
                .into_bytes();
            body.extend_from_slice(b"&x=\xFF\xFE\xC0\x80");
            cases.push(Case {
                what: format!("a body that is not UTF-8, as {name}"),
                function: function.name.clone(),
                body,
                cookie,
                expect: Expect::Refusal,
                sent: None,
            });
        }
    }
    let total = cases.len();
    let failures = run(&app, cases).await;
    assert_no_failures(&failures, total);
    assert_same_database(&before, &app.snapshot().await, "after random bodies");
}

/// Sends a request head, then `body_bytes` bytes of body (as chunks when `chunked`) while
/// reading the answer, over a plain socket: the server may answer before reading it all, and
/// an HTTP client library may report that as an error instead of the answer.
fn status_of_big_post(
    addr: &str,
    path: &str,
    cookie: &str,
    body_bytes: usize,
    chunked: bool,
) -> u16 {
    let mut stream = std::net::TcpStream::connect(addr).expect("server reachable");
    let length = if chunked {
        "Transfer-Encoding: chunked".to_string()
    } else {
        format!("Content-Length: {body_bytes}")
    };
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nAccept: application/json\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nCookie: {cookie}\r\n{length}\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).unwrap();
    let mut writer = stream.try_clone().unwrap();
    let sender = std::thread::spawn(move || {
        let chunk = vec![b'x'; 64 * 1024];
        let mut sent = 0;
        while sent < body_bytes {
            let result = if chunked {
                writer
                    .write_all(format!("{:x}\r\n", chunk.len()).as_bytes())
                    .and_then(|_| writer.write_all(&chunk))
                    .and_then(|_| writer.write_all(b"\r\n"))
            } else {
                writer.write_all(&chunk)
            };
            // The server may stop reading and close: that is its right.
            if result.is_err() {
                return;
            }
            sent += chunk.len();
        }
        if chunked {
            let _ = writer.write_all(b"0\r\n\r\n");
        }
    });
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(20)))
        .unwrap();
    let mut answer = Vec::new();
    let mut buffer = [0u8; 4096];
    while !answer.windows(2).any(|w| w == b"\r\n") {
        match stream.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => answer.extend_from_slice(&buffer[..n]),
            Err(error) => panic!("{path}: no answer to a big body: {error}"),
        }
    }
    let _ = stream.shutdown(std::net::Shutdown::Both);
    let _ = sender.join();
    let line = String::from_utf8_lossy(&answer).to_string();
    line.split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or_else(|| panic!("{path}: not an HTTP answer: {line:?}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_megabyte_bodies_are_refused_as_too_large() {
    let app = spawn_app().await;
    let admin = app.login_admin().await;
    let before = app.snapshot().await;
    let addr = app.base.trim_start_matches("http://").to_string();
    for chunked in [false, true] {
        let (addr, admin) = (addr.clone(), admin.clone());
        let status = tokio::task::spawn_blocking(move || {
            status_of_big_post(
                &addr,
                "/api/admin_create_company",
                &admin,
                10 << 20,
                chunked,
            )
        })
        .await
        .unwrap();
        assert_eq!(status, 413, "a 10 MB body (chunked: {chunked})");
    }
    assert_same_database(&before, &app.snapshot().await, "after 10 MB bodies");
}

/// The snapshot the tests above compare sees a real change, and ignores failed sign-ins.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_database_snapshot_sees_changes_but_not_throttling() {
    let app = spawn_app().await;
    let admin = app.login_admin().await;
    let before = app.snapshot().await;
    let failed = app
        .login_raw("boris@contoso.example", "wrong-password")
        .await;
    assert_eq!(failed.status(), StatusCode::UNAUTHORIZED);
    assert_same_database(&before, &app.snapshot().await, "after a failed sign-in");
    let recorded = app
        .call(
            "admin_record_exception",
            &[("company_id", "1"), ("description", "On-site LAN setup")],
            Some(&admin),
        )
        .await;
    assert_eq!(recorded.status(), StatusCode::OK);
    assert_ne!(before, app.snapshot().await, "a recorded exception is seen");
}
