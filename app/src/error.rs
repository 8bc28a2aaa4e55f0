//! The one error type every server function returns.
//!
//! Internal causes are logged on the server and never sent to the browser; users see a clean
//! message, and for rule refusals the rule's own message (which starts with its id, e.g. "R2: …").
//! An internal failure carries the request id, which is also on every log line of that
//! request, so a user quoting it leads support to the cause.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

use crate::text;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("{}", text::ERR_NOT_SIGNED_IN)]
    NotSignedIn,
    #[error("{}", text::ERR_INVALID_CREDENTIALS)]
    InvalidCredentials,
    /// Signed in, but this is not for this role (a contact calling an admin function).
    #[error("{}", text::ERR_FORBIDDEN)]
    Forbidden,
    /// A form value the user can fix (e.g. a password too short); the message says how.
    #[error("{0}")]
    Invalid(String),
    /// Throttled: too many failed sign-ins, reset requests or bad links (see `throttle`).
    #[error("{}", text::too_many_attempts(*wait_minutes))]
    TooManyAttempts { wait_minutes: i64 },
    /// An invitation or reset link that is unknown, used or expired.
    #[error("{}", text::ERR_LINK_INVALID)]
    LinkInvalid,
    /// Also used when the caller may not see the target: refusing must not reveal existence.
    #[error("{}", text::ERR_NOT_FOUND)]
    NotFound,
    /// A business rule refused the request; the message cites the rule id.
    #[error("{0}")]
    Rule(String),
    #[error("{}", text::ERR_BAD_REQUEST)]
    BadRequest,
    /// R11: the state a quote was computed on changed before it was confirmed.
    #[error("{}", text::ERR_STALE_QUOTE)]
    StaleQuote,
    #[error("{}", text::ERR_EMPTY_ORDER)]
    EmptyOrder,
    /// Something failed on our side; `reference` is the request id the cause was logged under.
    #[error("{}", text::internal_error(reference))]
    Internal { reference: String },
}

impl AppError {
    pub fn status_code(&self) -> u16 {
        match self {
            AppError::NotSignedIn | AppError::InvalidCredentials => 401,
            AppError::NotFound => 404,
            AppError::Forbidden => 403,
            AppError::TooManyAttempts { .. } => 429,
            AppError::Invalid(_) | AppError::LinkInvalid => 422,
            AppError::Rule(_) | AppError::EmptyOrder => 422,
            AppError::StaleQuote => 409,
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

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        AppError::internal(format_args!("database: {error}"))
    }
}
