//! Gives every request an id: it is on every log line of the request (a tracing span field),
//! in the `x-request-id` response header, and in the message users see when something fails
//! on our side, so a user quoting it leads straight to the logged cause.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::panic::AssertUnwindSafe;

use app::error::{AppError, RequestId};
use axum::body::HttpBody;
use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use futures::FutureExt;
use tracing::Instrument;

pub const HEADER: HeaderName = HeaderName::from_static("x-request-id");

/// The outermost layer: gives the request its id, runs everything else inside a tracing span
/// carrying it, and puts it in the `x-request-id` header of whatever answered.
pub async fn assign(mut request: Request, next: Next) -> Response {
    let id = new_id();
    request.extensions_mut().insert(RequestId(id.clone()));
    let span = tracing::info_span!(
        "request",
        id = %id,
        method = %request.method(),
        path = %request.uri().path(),
    );
    let mut response = next.run(request).instrument(span).await;
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert(HEADER, value);
    }
    response
}

/// Just inside the security headers (so its answers get them too), around the session layer
/// and the app: a panic becomes a 500 instead of a dropped connection, and a 500 that carries
/// no body (the session layer's, when its store fails) gets the generic message quoting the
/// request id, like every other internal failure.
pub async fn answer_failures(request: Request, next: Next) -> Response {
    let id = request
        .extensions()
        .get::<RequestId>()
        .map(|id| id.0.clone())
        .unwrap_or_default();
    match AssertUnwindSafe(next.run(request)).catch_unwind().await {
        Ok(response) if is_bare_failure(&response) => {
            // The layer that failed logged its cause above, under this request's span.
            tracing::error!("internal error answered without a body");
            internal_error(&id)
        }
        Ok(response) => response,
        Err(panic) => panicked(&id, panic),
    }
}

fn is_bare_failure(response: &Response) -> bool {
    response.status() == StatusCode::INTERNAL_SERVER_ERROR
        && response.body().size_hint().exact() == Some(0)
}

/// 64 random bits as hex: enough to tell requests apart across instances and days. The std
/// hasher's keys are seeded from the OS per `RandomState`, which spares a dependency.
fn new_id() -> String {
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u8(0);
    format!("{:016x}", hasher.finish())
}

/// Logs the panic under the request's id; nothing of it reaches the browser.
fn panicked(id: &str, panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let message = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    tracing::error!(panic = %message, "handler panicked");
    internal_error(id)
}

/// What users see of any internal failure: a generic message quoting the request id.
fn internal_error(id: &str) -> Response {
    let error = AppError::Internal {
        reference: id.to_string(),
    };
    (StatusCode::INTERNAL_SERVER_ERROR, axum::Json(error)).into_response()
}

#[cfg(test)]
mod tests {
    #[test]
    fn ids_differ() {
        let a = super::new_id();
        assert_eq!(a.len(), 16);
        assert_ne!(a, super::new_id());
    }
}
