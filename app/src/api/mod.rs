//! Server functions, grouped by area. Each one: who is calling → load via `store` → ask
//! `domain` → map the outcome. Endpoints are stable (`/api/<name>`) so tests and proxies can
//! name them.

pub mod account;
pub mod admin;
pub mod auth;
pub mod billing;
pub mod consult;
pub mod orders;
pub mod plans;
pub mod purchase;
pub mod security;
pub mod updates;

pub use account::{dashboard, viewer};
pub use auth::{
    accept_invitation, login, logout, logout_everywhere, request_password_reset, reset_password,
    AcceptInvitation, Login, Logout, LogoutEverywhere, RequestPasswordReset, ResetPassword,
};
pub use billing::{company_billing, save_billing_details, SaveBillingDetails};
pub use orders::{history, order, orders};
pub use plans::plan_matrix;
pub use purchase::{
    buy_licenses, buy_support, license_options, license_quote, plan_offers, support_quote,
    BuyLicenses, BuySupport,
};
pub use updates::{update_version, version_updates, UpdateVersion};

#[cfg(feature = "ssr")]
mod respond {
    use axum::http::request::Parts;
    use axum::http::StatusCode;
    use leptos::prelude::use_context;

    use leptos::server_fn::ServerFn;

    use crate::error::AppError;
    use crate::outcome::Outcome;

    /// True for a plain HTML form post (no JS): the browser expects a redirect, not a status.
    pub fn is_plain_form_post() -> bool {
        use_context::<Parts>()
            .and_then(|parts| {
                parts
                    .headers
                    .get(axum::http::header::ACCEPT)
                    .and_then(|v| v.to_str().ok())
                    .map(|v| v.contains("text/html"))
            })
            .unwrap_or(false)
    }

    /// Gives a refused call its HTTP status (401, 404, 422…), so scripts and logs see what
    /// happened. Plain form posts keep the redirect leptos_axum gives them instead. Either
    /// way the answer is marked `Cache-Control: no-store`: a page that shows a refusal or a
    /// failure is never kept by a cache (`server/src/page_cache.rs` among them).
    pub fn with_status<T>(result: Result<T, AppError>) -> Result<T, AppError> {
        if let Err(error) = &result {
            if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
                response.insert_header(
                    axum::http::header::CACHE_CONTROL,
                    axum::http::HeaderValue::from_static("no-store"),
                );
            }
            if !is_plain_form_post() {
                if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
                    let status = StatusCode::from_u16(error.status_code())
                        .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
                    response.set_status(status);
                    if let AppError::Unavailable {
                        retry_after_seconds,
                    } = error
                    {
                        response.insert_header(
                            axum::http::header::RETRY_AFTER,
                            axum::http::HeaderValue::from(*retry_after_seconds),
                        );
                    }
                }
            }
        }
        result
    }

    /// Like `with_status`; a plain form post that succeeded also leaves what it achieved for
    /// the page the browser returns to (see `crate::outcome`). Calls from scripts get the value
    /// itself and leave nothing behind.
    pub fn with_outcome<S: ServerFn<Error = AppError>>(
        result: Result<S::Output, AppError>,
        outcome: impl FnOnce(&S::Output) -> Outcome,
    ) -> Result<S::Output, AppError> {
        let result = with_status(result);
        if let Ok(value) = &result {
            if is_plain_form_post() {
                crate::outcome::leave::<S>(outcome(value));
            }
        }
        result
    }

    /// `with_outcome` for an action whose success is simply "Saved.".
    pub fn saved<S: ServerFn<Error = AppError>>(
        result: Result<S::Output, AppError>,
    ) -> Result<S::Output, AppError> {
        with_outcome::<S>(result, |_| Outcome::Saved)
    }

    /// Sends a browser without JS to `path` (e.g. the login page with an error flag); with JS the
    /// page shows the returned error itself.
    pub fn redirect_plain_form(path: &str) {
        if is_plain_form_post() {
            leptos_axum::redirect(path);
        }
    }
}
#[cfg(feature = "ssr")]
pub(crate) use respond::{redirect_plain_form, saved, with_outcome, with_status};

/// The calling admin, or the refusal (anonymous: 401, contact: 403).
#[cfg(feature = "ssr")]
pub(crate) async fn admin_caller(
) -> Result<(crate::state::AppState, crate::auth::AdminPrincipal), crate::error::AppError> {
    let app = crate::state::app_state()?;
    let admin = crate::auth::current_admin(&app).await?;
    Ok((app, admin))
}
