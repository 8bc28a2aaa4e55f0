//! The one error type every server function returns.
//!
//! Internal causes are logged on the server and never sent to the browser; users see a clean
//! message, and for rule refusals the typed [`domain::RuleViolation`] (its message starts with
//! its id, e.g. "R2: …").
//! An internal failure carries the request id, which is also on every log line of that
//! request, so a user quoting it leads support to the cause.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

use crate::i18n::t;
use crate::text;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("{}", t("err-not-signed-in"))]
    NotSignedIn,
    #[error("{}", t("err-invalid-credentials"))]
    InvalidCredentials,
    /// Signed in, but this is not for this role (a contact calling an admin function).
    #[error("{}", t("err-forbidden"))]
    Forbidden,
    /// A form value the user can fix (e.g. a password too short); the message says how.
    #[error("{0}")]
    Invalid(String),
    /// Throttled: too many failed sign-ins, reset requests or bad links (see `throttle`).
    #[error("{}", text::too_many_attempts(*wait_minutes))]
    TooManyAttempts { wait_minutes: i64 },
    /// An admin session signed in with a password alone: admin pages need a second factor
    /// (issue 20); the page sends the admin to set one up.
    #[error("{}", t("err-second-factor-required"))]
    SecondFactorRequired,
    /// A second-factor code that is wrong, expired or already used.
    #[error("{}", t("err-wrong-code"))]
    WrongCode,
    /// Changing a second factor needs the current one proved again (see `auth::RECENT_PROOF`).
    #[error("{}", t("err-confirm-first"))]
    ConfirmFirst,
    /// An invitation or reset link that is unknown, used or expired.
    #[error("{}", t("err-link-invalid"))]
    LinkInvalid,
    /// Also used when the caller may not see the target: refusing must not reveal existence.
    #[error("{}", t("err-not-found"))]
    NotFound,
    /// A business rule refused the request; its `Display` is the message, citing the rule id
    /// and the way forward. Sent as the variant itself, so the UI and tests match on it.
    #[error("{}", text::rule_violation(.0))]
    Rule(domain::RuleViolation),
    #[error("{}", t("err-bad-request"))]
    BadRequest,
    /// R11: the state a quote was computed on changed before it was confirmed.
    #[error("{}", t("err-stale-quote"))]
    StaleQuote,
    #[error("{}", t("err-empty-order"))]
    EmptyOrder,
    /// The request lost a race with another change (a database constraint said no); the
    /// message says what to do (usually: reload).
    #[error("{0}")]
    Conflict(String),
    /// The database is overloaded (no connection free in time, busy, a lock or statement
    /// timeout): answered with 503 and a retry hint rather than left hanging.
    #[error("{}", text::unavailable(*retry_after_seconds))]
    Unavailable { retry_after_seconds: u32 },
    /// Something failed on our side; `reference` is the request id the cause was logged under.
    #[error("{}", text::internal_error(reference))]
    Internal { reference: String },
}

impl AppError {
    pub fn status_code(&self) -> u16 {
        match self {
            AppError::NotSignedIn | AppError::InvalidCredentials => 401,
            AppError::SecondFactorRequired | AppError::ConfirmFirst => 403,
            AppError::NotFound => 404,
            AppError::Forbidden => 403,
            AppError::TooManyAttempts { .. } => 429,
            AppError::Invalid(_) | AppError::LinkInvalid | AppError::WrongCode => 422,
            AppError::Rule(_) | AppError::EmptyOrder => 422,
            AppError::StaleQuote | AppError::Conflict(_) => 409,
            AppError::Unavailable { .. } => 503,
            AppError::BadRequest => 400,
            AppError::Internal { .. } => 500,
        }
    }

    /// An internal failure of the current request. The cause is logged here, with the
    /// request id: server-rendered pages run their data loads outside the request's tracing
    /// span, so the id must be on the log line itself.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        let reference = current_request_id().unwrap_or_default();
        #[cfg(feature = "ssr")]
        tracing::error!(request = %reference, %cause, "internal error");
        #[cfg(not(feature = "ssr"))]
        let _ = cause;
        AppError::Internal { reference }
    }
}

/// The id the server gives each request: logged on every line of it and sent back in the
/// `x-request-id` header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestId(pub String);

#[cfg(feature = "ssr")]
fn current_request_id() -> Option<String> {
    let parts = leptos::prelude::use_context::<axum::http::request::Parts>()?;
    parts.extensions.get::<RequestId>().map(|id| id.0.clone())
}

#[cfg(not(feature = "ssr"))]
fn current_request_id() -> Option<String> {
    None
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // Malformed or missing arguments are the caller's fault, not ours.
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => AppError::BadRequest,
            other => AppError::internal(other),
        }
    }
}

impl From<domain::RuleViolation> for AppError {
    fn from(violation: domain::RuleViolation) -> Self {
        AppError::Rule(violation)
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    /// Constraint violations a request can reach become 4xx answers
    /// ([`crate::store::constraint`]); an exhausted pool or a busy database becomes 503;
    /// anything else is an internal error, logged.
    fn from(error: sqlx::Error) -> Self {
        if let Some(refusal) = crate::store::constraint::refusal(&error) {
            return refusal;
        }
        if crate::store::constraint::is_overloaded(&error) {
            tracing::warn!(%error, "database overloaded");
            return AppError::Unavailable {
                retry_after_seconds: RETRY_AFTER_SECONDS,
            };
        }
        AppError::internal(format_args!("database: {error}"))
    }
}

/// What a 503 asks clients to wait before retrying (also sent as `Retry-After`).
pub const RETRY_AFTER_SECONDS: u32 = 5;
