//! The one error type every server function returns.
//!
//! Internal causes are logged on the server and never sent to the browser; users see a clean
//! message, and for rule refusals the rule's own message (which starts with its id, e.g. "R2: …").

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
    /// Sign-in throttled after repeated failures.
    #[error("{}", text::ERR_TOO_MANY_ATTEMPTS)]
    TooManyAttempts,
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
    #[error("{}", text::ERR_INTERNAL)]
    Internal,
}

impl AppError {
    pub fn status_code(&self) -> u16 {
        match self {
            AppError::NotSignedIn | AppError::InvalidCredentials => 401,
            AppError::NotFound => 404,
            AppError::Forbidden => 403,
            AppError::TooManyAttempts => 429,
            AppError::Invalid(_) | AppError::LinkInvalid => 422,
            AppError::Rule(_) | AppError::EmptyOrder => 422,
            AppError::StaleQuote => 409,
            AppError::BadRequest => 400,
            AppError::Internal => 500,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // Malformed or missing arguments are the caller's fault, not ours.
            ServerFnErrorErr::Args(_) | ServerFnErrorErr::MissingArg(_) => AppError::BadRequest,
            _ => AppError::Internal,
        }
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        tracing::error!(%error, "database error");
        AppError::Internal
    }
}
