//! Cross-site request forgery guard. Leptos server functions are plain HTTP endpoints, and a
//! SameSite=Lax cookie still rides along on some cross-site requests, so every state-changing
//! request (anything but GET/HEAD/OPTIONS) must come from a page of this site: its `Origin`
//! (or, when a browser sends none, its `Referer`) must name the configured public origin
//! (`PORTAL_PUBLIC_URL`) or the host the request was sent to (so a proxy that rewrites `Host`
//! still works, and so does a direct connection).
//! Hosts compare ASCII-case-insensitively. Requests with neither header come from non-browser
//! clients, which carry no ambient cookies to abuse, and pass; a header that is present but not
//! UTF-8 is refused.

use std::str::Utf8Error;

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderName, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The host (with port) of `PORTAL_PUBLIC_URL`.
#[derive(Clone, Debug)]
pub struct PublicHost(pub Option<String>);

impl PublicHost {
    pub fn of(public_url: &str) -> Self {
        Self(origin_host(public_url).map(str::to_string))
    }
}

pub async fn same_origin_writes(
    State(public): State<PublicHost>,
    request: Request,
    next: Next,
) -> Response {
    if matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    ) {
        return next.run(request).await;
    }
    let headers = request.headers();
    let host = text(headers, header::HOST).and_then(Result::ok);
    // Origin, or when a browser sends none, Referer. One that is there but unreadable is
    // refused, never taken for an absent one.
    let Some(source) = text(headers, header::ORIGIN).or_else(|| text(headers, header::REFERER))
    else {
        return next.run(request).await;
    };
    let allowed = source
        .ok()
        .and_then(origin_host)
        .filter(|source| !source.is_empty())
        .is_some_and(|source| {
            [host, public.0.as_deref()]
                .into_iter()
                .flatten()
                .any(|ours| source.eq_ignore_ascii_case(ours))
        });
    if allowed {
        return next.run(request).await;
    }
    tracing::warn!(?host, ?source, "cross-origin write refused");
    (StatusCode::FORBIDDEN, "cross-origin request refused").into_response()
}

/// A header as text: `None` when absent, an error when present but not UTF-8.
fn text(headers: &HeaderMap, name: HeaderName) -> Option<Result<&str, Utf8Error>> {
    headers
        .get(name)
        .map(|value| std::str::from_utf8(value.as_bytes()))
}

/// `https://portal.example:8443/path` → `portal.example:8443`; `null` → `None`.
fn origin_host(origin: &str) -> Option<&str> {
    let rest = origin.split_once("://")?.1;
    Some(rest.split(['/', '?', '#']).next().unwrap_or(rest))
}

#[cfg(test)]
mod tests {
    use super::origin_host;

    #[test]
    fn origin_hosts() {
        assert_eq!(origin_host("http://127.0.0.1:3000"), Some("127.0.0.1:3000"));
        assert_eq!(
            origin_host("https://portal.example/login?x=1"),
            Some("portal.example")
        );
        assert_eq!(origin_host("null"), None);
    }
}
