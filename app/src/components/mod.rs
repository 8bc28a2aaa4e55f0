//! Widgets shared by several pages.

mod forms;
mod header;
mod quote;

pub use forms::action_outcome;
pub use header::SiteHeader;

/// Marks the body `data-hydrated="true"` once the browser has hydrated the page's islands.
/// An island: the server renders it (empty), and its effect runs only in the browser, once the
/// wasm has loaded. End-to-end tests wait for the mark before using an island, so they never
/// race the wasm.
#[island]
pub fn HydrationMarker() -> impl IntoView {
    Effect::new(move |_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });
}
pub use quote::QuoteBreakdown;

/// The whole-years field of the support forms (R6: 1 or more).
#[component]
pub fn YearsField(#[prop(into)] value: Signal<String>) -> impl IntoView {
    view! {
        <label>
            {t("field-years")}
            <input
                type="number"
                name="years"
                min="1"
                max="10"
                step="1"
                value=value
                data-testid="years-input"
            />
        </label>
    }
}

use leptos::prelude::*;

use crate::error::AppError;
use crate::i18n::t;

/// A refusal or failure, said plainly; "not signed in" offers the way in. An admin without a
/// second factor is sent to set one up (issue 20).
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    if matches!(error, AppError::SecondFactorRequired) {
        return view! { <leptos_router::components::Redirect path="/account/security?required=1" /> }
            .into_any();
    }
    let sign_in = matches!(error, AppError::NotSignedIn);
    view! {
        <p class="error" role="alert">
            {error.to_string()}
        </p>
        {sign_in.then(|| view! { <a href="/login">{t("nav-sign-in")}</a> })}
    }
    .into_any()
}

/// A rule refusal with its message; some point to the page of their way forward (R7: the
/// version updates; R1 with a contract running: the renewal on the plans page).
#[component]
pub fn RuleNotice(violation: domain::RuleViolation) -> impl IntoView {
    use domain::RuleViolation as V;
    let way_forward = match &violation {
        V::R7OutdatedVersions(_) => Some(("/updates", t("go-updates-fix"))),
        V::R1CoverageExists { .. } => Some(("/plans", t("go-renewal"))),
        _ => None,
    };
    view! {
        <p class="error" role="alert">
            {crate::text::rule_violation(&violation)}
        </p>
        {way_forward.map(|(href, label)| view! { <a href=href>{label}</a> })}
    }
}

/// Shows an error from any server function: rule refusals with their way forward.
pub fn error_view(error: AppError) -> AnyView {
    match error {
        AppError::Rule(violation) => view! { <RuleNotice violation /> }.into_any(),
        other => view! { <ErrorNotice error=other /> }.into_any(),
    }
}

/// A refusal that a plain form post carried back in the URL (`?error=…`, see
/// `api::redirect_plain_form`): throttling with its wait, an expired second step, or else the
/// page's own message `other`.
pub fn refusal_in_query(query: &leptos_router::params::ParamsMap, other: &str) -> Option<String> {
    query.get("error").map(|kind| match kind.as_str() {
        "throttled" => crate::text::too_many_attempts(
            query.get("wait").and_then(|w| w.parse().ok()).unwrap_or(15),
        ),
        "expired" => t("code-expired"),
        _ => t(other),
    })
}

/// Percent-encodes a query value: everything but unreserved characters (RFC 3986), so a
/// search holding `&`, `#` or `+` survives in the pager's links.
pub fn query_value(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}
