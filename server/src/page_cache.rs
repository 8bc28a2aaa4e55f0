//! A one-second cache of the pages that every anonymous visitor gets alike (issue 18).
//!
//! `/login` and `/plans` render the same bytes for every visitor without a session, apart from
//! the language and the response's CSP nonce. Rendering them costs a leptos render and, for
//! the plans, three statements. This layer keeps each rendered page for [`FRESH_FOR`] per
//! (path, language) and answers from it with a **fresh nonce** in both the body and the
//! `Content-Security-Policy` header, so no two responses share a nonce.
//!
//! What is cached, and when it is forgotten:
//! - only `GET` without a query string, whose only cookie (if any) is the language cookie:
//!   a session, a sign-in outcome or a refusal in the URL is never answered from here;
//! - only a `200` that sets no cookie and is not marked `no-store` (a page that shows a
//!   failure is: `app::api::with_status`);
//! - a request this process answers that may write (any method but `GET`/`HEAD`, from a
//!   session or with an API token: anonymous ones cannot change these pages, and must not be
//!   able to keep the cache cold) empties the cache once answered, so an admin's plan edit
//!   shows at once on the instance that made it. Other instances show it within
//!   [`FRESH_FOR`], as they do the turn of the day.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use app::i18n::Locale;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http_body_util::BodyExt;
use leptos::nonce::Nonce;

/// How long a rendered page is served before it is rendered again.
pub const FRESH_FOR: Duration = Duration::from_secs(1);

/// The pages anonymous visitors share.
const SHARED_PAGES: [&str; 2] = ["/login", "/plans"];

/// A rendered page's largest size kept (the plans page is about 5 KB); a larger one is
/// answered, not kept.
const MAX_BYTES: usize = 256 * 1024;

/// The cache, shared by every request of one process.
#[derive(Clone, Default)]
pub struct PageCache(Arc<Inner>);

#[derive(Default)]
struct Inner {
    pages: RwLock<HashMap<(&'static str, Locale), Arc<Page>>>,
    /// Bumped by every possible write, so a render that began before it is not kept.
    generation: AtomicU64,
}

/// A rendered page, its nonce cut out.
struct Page {
    rendered_at: Instant,
    headers: HeaderMap,
    policy: Template,
    body: Template,
}

/// Text with a nonce cut out of it: the pieces between its occurrences.
struct Template(Vec<Bytes>);

impl Template {
    fn cut(text: Bytes, nonce: &str) -> Self {
        let mut pieces = Vec::new();
        let mut rest = text;
        while let Some(at) = find(&rest, nonce.as_bytes()) {
            pieces.push(rest.slice(..at));
            rest = rest.slice(at + nonce.len()..);
        }
        pieces.push(rest);
        Self(pieces)
    }

    fn fill(&self, nonce: &str) -> Bytes {
        let length =
            self.0.iter().map(Bytes::len).sum::<usize>() + nonce.len() * (self.0.len() - 1);
        let mut out = Vec::with_capacity(length);
        for (i, piece) in self.0.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(nonce.as_bytes());
            }
            out.extend_from_slice(piece);
        }
        out.into()
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// The nonce a page's policy names (`'nonce-…'`).
fn nonce_of(policy: &str) -> Option<&str> {
    let start = policy.find("'nonce-")? + "'nonce-".len();
    let length = policy[start..].find('\'')?;
    Some(&policy[start..start + length])
}

/// Middleware: answers shared pages from the cache, and forgets them after a write from a
/// session or an API token.
pub async fn serve(State(cache): State<PageCache>, request: Request, next: Next) -> Response {
    let Some(key) = shared_page(&request) else {
        let may_write = request.method() != Method::GET
            && request.method() != Method::HEAD
            && (request.headers().contains_key(header::COOKIE)
                || request.headers().contains_key(header::AUTHORIZATION));
        let response = next.run(request).await;
        if may_write {
            cache.forget_all();
        }
        return response;
    };
    if let Some(page) = cache.fresh(key) {
        return page.answer();
    }
    let generation = cache.0.generation.load(Ordering::Acquire);
    let response = next.run(request).await;
    cache.keep(key, generation, response).await
}

/// The cache key of a request that may be answered from the cache.
fn shared_page(request: &Request) -> Option<(&'static str, Locale)> {
    if request.method() != Method::GET || request.uri().query().is_some() {
        return None;
    }
    let path = SHARED_PAGES
        .into_iter()
        .find(|page| *page == request.uri().path())?;
    let headers = request.headers();
    let only_language = headers.get_all(header::COOKIE).iter().all(|line| {
        line.to_str().is_ok_and(|line| {
            line.split(';')
                .filter(|pair| !pair.trim().is_empty())
                .all(|pair| {
                    pair.trim()
                        .split_once('=')
                        .is_some_and(|(name, _)| name == app::i18n::choice::COOKIE)
                })
        })
    });
    only_language.then(|| (path, app::i18n::choice::of_request(headers)))
}

impl PageCache {
    fn fresh(&self, key: (&'static str, Locale)) -> Option<Arc<Page>> {
        let pages = self.0.pages.read().unwrap_or_else(|e| e.into_inner());
        pages
            .get(&key)
            .filter(|page| page.rendered_at.elapsed() < FRESH_FOR)
            .cloned()
    }

    /// Empties the cache. The generation moves under the same lock that [`Self::keep`] checks
    /// it under, so a render that began before this cannot be kept after it.
    fn forget_all(&self) {
        let mut pages = self.0.pages.write().unwrap_or_else(|e| e.into_inner());
        self.0.generation.fetch_add(1, Ordering::AcqRel);
        pages.clear();
    }

    /// Keeps a freshly rendered page if it may be shared, and answers with it.
    async fn keep(
        &self,
        key: (&'static str, Locale),
        generation: u64,
        response: Response,
    ) -> Response {
        let headers = response.headers();
        let shareable = response.status() == StatusCode::OK
            && !headers.contains_key(header::SET_COOKIE)
            && !headers
                .get(header::CACHE_CONTROL)
                .and_then(|value| value.to_str().ok())
                .is_some_and(|value| value.contains("no-store") || value.contains("private"));
        let nonce = response
            .headers()
            .get(header::CONTENT_SECURITY_POLICY)
            .and_then(|policy| policy.to_str().ok())
            .and_then(nonce_of)
            .map(str::to_owned);
        let (Some(nonce), true) = (nonce, shareable) else {
            return response;
        };
        let (mut parts, body) = response.into_parts();
        // Whole: these pages are the app's own, bounded renders, not a visitor's upload.
        let body = match body.collect().await {
            Ok(collected) => collected.to_bytes(),
            Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
        };
        if body.len() > MAX_BYTES {
            return Response::from_parts(parts, Body::from(body));
        }
        let policy = parts
            .headers
            .remove(header::CONTENT_SECURITY_POLICY)
            .map(|value| Bytes::copy_from_slice(value.as_bytes()))
            .unwrap_or_default();
        parts.headers.remove(header::CONTENT_LENGTH);
        parts.headers.remove(header::TRANSFER_ENCODING);
        let page = Arc::new(Page {
            rendered_at: Instant::now(),
            headers: parts.headers,
            policy: Template::cut(policy, &nonce),
            body: Template::cut(body, &nonce),
        });
        let mut pages = self.0.pages.write().unwrap_or_else(|e| e.into_inner());
        if self.0.generation.load(Ordering::Acquire) == generation {
            pages.insert(key, page.clone());
        }
        drop(pages);
        page.answer()
    }
}

impl Page {
    /// The page with a nonce of its own.
    fn answer(&self) -> Response {
        let nonce = Nonce::new();
        let mut response = Response::new(Body::from(self.body.fill(&nonce)));
        *response.headers_mut() = self.headers.clone();
        if let Ok(policy) = HeaderValue::from_maybe_shared(self.policy.fill(&nonce)) {
            response
                .headers_mut()
                .insert(header::CONTENT_SECURITY_POLICY, policy);
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_puts_the_new_nonce_wherever_the_old_one_was() {
        let page = Template::cut(
            Bytes::from_static(b"<a n=\"OLD\">x</a><b n=\"OLD\">"),
            "OLD",
        );
        assert_eq!(
            page.fill("new1"),
            Bytes::from_static(b"<a n=\"new1\">x</a><b n=\"new1\">")
        );
        let none = Template::cut(Bytes::from_static(b"plain"), "OLD");
        assert_eq!(none.fill("new1"), Bytes::from_static(b"plain"));
    }

    #[test]
    fn the_nonce_is_read_from_the_policy() {
        let policy = "default-src 'self'; script-src 'self' 'nonce-abc_D-1' 'wasm-unsafe-eval'";
        assert_eq!(nonce_of(policy), Some("abc_D-1"));
        assert_eq!(nonce_of("default-src 'none'"), None);
    }
}
