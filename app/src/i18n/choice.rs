//! How a request's language is chosen and changed (server only).
//!
//! [`negotiate`] runs before every page and server function: the `lang` cookie, else the
//! browser's `Accept-Language`, else English. The cookie is what the switcher ([`switch`])
//! sets; at sign-in it is set to the account's saved choice, so a signed-in account's choice
//! wins over the browser's without a database read per request.

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Form;
use serde::Deserialize;
use tower_sessions::Session;

use super::negotiation::from_accept_language;
use super::Locale;
use crate::principal::Role;
use crate::state::AppState;

/// The cookie that carries the chosen language.
pub const COOKIE: &str = "lang";

/// The language the request's cookie names, if any (an unknown value is ignored).
pub fn from_cookie(headers: &HeaderMap) -> Option<Locale> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|line| line.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .and_then(|(_, value)| Locale::parse(value))
}

/// The request's language: the cookie, else `Accept-Language`, else English.
pub fn of_request(headers: &HeaderMap) -> Locale {
    from_cookie(headers).unwrap_or_else(|| {
        from_accept_language(
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok()),
        )
    })
}

/// Middleware: puts the request's [`Locale`] into its extensions, where the leptos context
/// picks it up for pages and server functions.
pub async fn negotiate(mut request: Request, next: Next) -> Response {
    let locale = of_request(request.headers());
    request.extensions_mut().insert(locale);
    next.run(request).await
}

/// `Set-Cookie` for a chosen language: a year, the whole site, not readable by scripts.
pub fn cookie(locale: Locale, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly{secure}",
        locale.code()
    ))
    .expect("a cookie of ASCII letters")
}

/// The switcher's form.
#[derive(Debug, Deserialize)]
pub struct Choice {
    locale: String,
    #[serde(default)]
    return_to: String,
}

/// `POST /language`: sets the cookie, saves the choice of a signed-in account (its mail is
/// then written in it too), and sends the browser back to the page it came from. An unknown
/// language is a 400; a `return_to` that is not a path of this site goes to the home page.
pub async fn switch(
    State(app): State<AppState>,
    session: Session,
    Form(choice): Form<Choice>,
) -> Response {
    let Some(locale) = Locale::parse(&choice.locale) else {
        return (StatusCode::BAD_REQUEST, "Unknown language.").into_response();
    };
    let account = match crate::auth::contact_of(session.clone(), &app).await {
        Ok(contact) => Some((Role::Contact, contact.contact_id)),
        Err(_) => crate::auth::admin_of(session, &app)
            .await
            .ok()
            .map(|admin| (Role::Admin, admin.admin_id)),
    };
    if let Some((role, id)) = account {
        if let Err(error) = crate::store::preferences::set_locale(&app.db, role, id, locale).await {
            let error = crate::error::AppError::from(error);
            let status = StatusCode::from_u16(error.status_code())
                .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            return (status, error.to_string()).into_response();
        }
    }
    let back = local_path(&choice.return_to);
    (
        StatusCode::SEE_OTHER,
        [
            (
                header::LOCATION,
                HeaderValue::from_str(back).unwrap_or(HeaderValue::from_static("/")),
            ),
            (
                header::SET_COOKIE,
                cookie(locale, app.public_url.starts_with("https://")),
            ),
        ],
    )
        .into_response()
}

/// `path` when it is a path of this site (`/…`, not `//host` or `/\host`), else `/`.
fn local_path(path: &str) -> &str {
    let local = path.starts_with('/')
        && !path.starts_with("//")
        && !path.starts_with("/\\")
        && !path.chars().any(char::is_control);
    if local {
        path
    } else {
        "/"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_returned_to() {
        assert_eq!(local_path("/plans?x=1"), "/plans?x=1");
        assert_eq!(local_path("//evil.example/"), "/");
        assert_eq!(local_path("/\\evil.example"), "/");
        assert_eq!(local_path("https://evil.example/"), "/");
        assert_eq!(local_path(""), "/");
    }

    #[test]
    fn the_cookie_wins_over_the_browser_and_english_is_the_last_resort() {
        let mut headers = HeaderMap::new();
        assert_eq!(of_request(&headers), Locale::En);
        headers.insert(
            header::ACCEPT_LANGUAGE,
            "uk-UA,uk;q=0.9,en;q=0.8".parse().unwrap(),
        );
        assert_eq!(of_request(&headers), Locale::Uk);
        headers.insert(header::COOKIE, "sid=1; lang=ru".parse().unwrap());
        assert_eq!(of_request(&headers), Locale::Ru);
        headers.insert(header::COOKIE, "lang=fr".parse().unwrap());
        assert_eq!(of_request(&headers), Locale::Uk);
        headers.insert(header::ACCEPT_LANGUAGE, "de-DE,fr".parse().unwrap());
        assert_eq!(of_request(&headers), Locale::En);
    }
}
