//! The OpenAPI 3.1 document of `/api/v1`, generated from the handlers' annotations by
//! `utoipa`, served as JSON and rendered as a page (on the server: no external script).

use axum::http::header;
use axum::response::{Html, IntoResponse};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use super::api;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Support Portal API",
        version = "1",
        description = "Read the portal's records and grant licenses or declare versions. \
            Authenticate with an admin's personal access token: `Authorization: Bearer spt_…`. \
            Read tokens list records; write tokens also change them. Lists are paged \
            (`page`, `per_page` up to 500) and take `updated_since` (RFC 3339)."
    ),
    paths(
        api::companies,
        api::holdings,
        api::contracts,
        api::orders,
        api::invoices,
        api::grant_licenses,
        api::declare_version
    ),
    modifiers(&TokenScheme),
    tags((name = "read", description = "Any token"), (name = "write", description = "Write tokens"))
)]
pub struct ApiDoc;

/// Declares the bearer-token scheme the paths name.
struct TokenScheme;

impl Modify for TokenScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "token",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "A personal access token, created on an admin's account page.",
                    ))
                    .build(),
            ),
        );
    }
}

/// `GET /api/v1/openapi.json`.
pub async fn document() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "application/json")],
        ApiDoc::openapi()
            .to_pretty_json()
            .unwrap_or_else(|_| "{}".into()),
    )
}

/// `GET /api/v1/docs`: every operation with its parameters and answers, from the same document.
pub async fn docs() -> Html<String> {
    let doc = ApiDoc::openapi();
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let mut body = String::new();
    for (path, item) in &doc.paths.paths {
        for (method, operation) in [
            ("GET", &item.get),
            ("POST", &item.post),
            ("PUT", &item.put),
            ("DELETE", &item.delete),
        ] {
            let Some(operation) = operation else { continue };
            body += &format!("<section><h2><code>{method} {}</code></h2>", escape(path));
            if let Some(description) = &operation.description {
                body += &format!("<p>{}</p>", escape(description));
            }
            if let Some(parameters) = &operation.parameters {
                body += "<h3>Parameters</h3><ul>";
                for p in parameters {
                    body += &format!(
                        "<li><code>{}</code> {}</li>",
                        escape(&p.name),
                        escape(p.description.as_deref().unwrap_or(""))
                    );
                }
                body += "</ul>";
            }
            body += "<h3>Answers</h3><ul>";
            for status in operation.responses.responses.keys() {
                body += &format!("<li>{}</li>", escape(status));
            }
            body += "</ul></section>";
        }
    }
    Html(format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title></head><body><main><h1>{title}</h1><p>{about}</p>\
         <p>The machine-readable document: <a href=\"/api/v1/openapi.json\">openapi.json</a>.</p>\
         {body}</main></body></html>",
        title = escape(&doc.info.title),
        about = escape(doc.info.description.as_deref().unwrap_or("")),
    ))
}
