//! Malformed server-function calls are the caller's fault, never a 500: leptos answers some of
//! them with 500 on its own, so requests are checked on the way in and answers corrected on the
//! way out.

use app::error::AppError;
use axum::body::{to_bytes, Body, Bytes, HttpBody};
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Server functions reject undecodable arguments before our code runs, and leptos answers
/// those with 500. They are the caller's fault: answer 400, as for any other bad request.
pub async fn malformed_arguments_are_client_errors(response: Response) -> Response {
    // Only a body known to be tiny is read (the answer sought is 12 bytes); any other 500
    // passes untouched, streamed or not.
    let small = response
        .body()
        .size_hint()
        .upper()
        .is_some_and(|upper| upper <= SMALL_BODY_BYTES);
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR || !small {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = match to_bytes(body, SMALL_BODY_BYTES as usize).await {
        Ok(bytes) => bytes,
        Err(error) => {
            // The body broke off: nothing left to pass on but the status.
            tracing::error!(%error, "reading a failed answer's body");
            Bytes::new()
        }
    };
    if bytes.as_ref() == br#""BadRequest""# {
        parts.status = StatusCode::BAD_REQUEST;
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// The largest answer body [`malformed_arguments_are_client_errors`] reads.
const SMALL_BODY_BYTES: u64 = 1024;

/// Server functions read their url-encoded body whole, as UTF-8 text, and leptos answers a body
/// that is not UTF-8, or one cut off by the size limit (sent without a length, so refused only
/// once read), with a 500. Read it here first: too large is 413, and not UTF-8 is 400 like any
/// other malformed argument.
pub async fn readable_form_bodies(request: Request, next: Next) -> Response {
    if !request.uri().path().starts_with("/api/") {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    // The extractor tells a body over the limit (413) from one that broke off (400).
    let bytes = match Bytes::from_request(Request::new(body), &()).await {
        Ok(bytes) => bytes,
        Err(rejection) => return rejection.into_response(),
    };
    if std::str::from_utf8(&bytes).is_err() {
        return (StatusCode::BAD_REQUEST, axum::Json(AppError::BadRequest)).into_response();
    }
    let request = Request::from_parts(parts, Body::from(bytes));
    next.run(request).await
}

/// The largest request body: 64 KiB, except a CSV import (issue 17): 2 MiB, the most axum's
/// body extractors read, room for the form encoding of a 1 MiB file (about 9,000 rows; larger
/// files go through `server import`).
pub fn body_limit(path: &str) -> usize {
    if IMPORTS.contains(&path) {
        2 * 1024 * 1024
    } else {
        64 * 1024
    }
}

const IMPORTS: [&str; 2] = ["/api/admin_import_preview", "/api/admin_import_apply"];

/// Refuses a body over its path's [`body_limit`] with 413: at once when its length is declared,
/// else once the stream passes the limit.
pub async fn limited_bodies(request: Request, next: Next) -> Response {
    let limit = body_limit(request.uri().path());
    let declared = request
        .headers()
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|length| length > limit) {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    }
    let (parts, body) = request.into_parts();
    let body = Body::new(http_body_util::Limited::new(body, limit));
    next.run(Request::from_parts(parts, body)).await
}
