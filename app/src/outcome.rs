//! What a form's action achieved, shown once on the page the browser comes back to.
//!
//! Pages are server-rendered and their forms are plain `<form>` posts (only islands run in the
//! browser), so a server function's `Ok` value never reaches the page: the browser follows a
//! redirect back to it. A refusal travels in that redirect's URL (`__err`, read by
//! `ServerAction::new`). An achievement travels in a short-lived cookie instead (`leave`), which
//! the next page reads and clears (`provide_waiting`):
//! - not in the URL, because it may carry a secret (an invitation link) that must not land in
//!   the address bar, history or logs;
//! - not in the session, because sessions are stored in the database, where tokens are only
//!   ever kept hashed, and because writing the session on every page view would undo the
//!   session's write-sparing design.
//!
//! The cookie is `HttpOnly`, `SameSite=Strict`, lives two minutes at most and is `Secure`
//! when `PORTAL_PUBLIC_URL` is an https address. A user who forges it only changes what their own
//! page says.

use leptos::server_fn::ServerFn;
use serde::{Deserialize, Serialize};

use crate::model::admin::InvitationSent;

/// An achievement worth telling the user, keyed by the server function that achieved it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    /// "Saved."
    Saved,
    /// A contact was invited: the link, to pass on if the mail does not arrive.
    Invited(InvitationSent),
    /// A secret shown once (an API token, a webhook's signing secret).
    Secret(String),
    /// A CSV import ran (a dry run or for real): the id of its kept report.
    Imported(i64),
}

/// The cookie that carries the outcome from the action to the next page.
#[cfg(feature = "ssr")]
const COOKIE: &str = "portal_outcome";

/// Leaves `outcome` of the action `S` for the next page that shows `S`'s outcome (a cookie on
/// this response).
#[cfg(feature = "ssr")]
pub fn leave<S: ServerFn>(outcome: Outcome) {
    let Ok(json) = serde_json::to_vec(&(S::PATH, outcome)) else {
        return;
    };
    set_cookie(&hex_encode(&json), 120);
}

/// The outcome waiting for this request, read from its cookie once by `App`.
#[derive(Clone, Debug, Default)]
pub struct Waiting(Option<(String, Outcome)>);

/// Reads the request's waiting outcome, clears its cookie, and makes it available to the page
/// (called once, by `App`).
pub fn provide_waiting() {
    #[cfg(feature = "ssr")]
    let waiting = {
        use leptos::prelude::use_context;
        let cookies = use_context::<axum::http::request::Parts>()
            .and_then(|parts| parts.headers.get(axum::http::header::COOKIE).cloned());
        let value = cookies
            .as_ref()
            .and_then(|c| c.to_str().ok())
            .and_then(|c| {
                c.split(';')
                    .filter_map(|pair| pair.trim().split_once('='))
                    .find(|(name, _)| *name == COOKIE)
                    .map(|(_, value)| value.to_string())
            });
        if value.is_some() {
            set_cookie("", 0);
        }
        Waiting(
            value
                .and_then(|v| hex_decode(&v))
                .and_then(|json| serde_json::from_slice(&json).ok()),
        )
    };
    #[cfg(not(feature = "ssr"))]
    let waiting = Waiting::default();
    leptos::prelude::provide_context(waiting);
}

/// What the action `S` achieved, if it is the outcome waiting for this request. `None` in the
/// browser, where islands never show outcomes.
pub fn achieved<S: ServerFn>() -> Option<Outcome> {
    match leptos::prelude::use_context::<Waiting>()?.0 {
        Some((path, outcome)) if path == S::PATH => Some(outcome),
        _ => None,
    }
}

#[cfg(feature = "ssr")]
fn set_cookie(value: &str, max_age_seconds: u32) {
    use axum::http::{header, HeaderValue};
    let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() else {
        return;
    };
    let secure = crate::state::app_state()
        .map(|app| app.public_url.starts_with("https://"))
        .unwrap_or(true);
    let cookie = format!(
        "{COOKIE}={value}; Path=/; Max-Age={max_age_seconds}; HttpOnly; SameSite=Strict{}",
        if secure { "; Secure" } else { "" }
    );
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.append_header(header::SET_COOKIE, value);
    }
}

/// Lower-case hex: a cookie value needs no quoting then.
#[cfg(feature = "ssr")]
fn hex_encode(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(feature = "ssr")]
fn hex_decode(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) || text.len() > 8192 {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}
