//! Issue 17: `/api/v1` with personal access tokens, its OpenAPI document, webhooks, CSV.

use app::integrations::api::ROUTES;
use reqwest::header::{AUTHORIZATION, COOKIE, WWW_AUTHENTICATE};
use reqwest::StatusCode;
use serde_json::Value;

use crate::common::*;

/// A token created on the admin's account page, as the page's action returns it.
pub async fn create_token(app: &TestApp, admin: &str, name: &str, scope: &str) -> String {
    let created = app
        .answer(
            "admin_create_api_token",
            &[("name", name), ("scope", scope), ("days", "30")],
            admin,
        )
        .await;
    assert_eq!(created.status, StatusCode::OK, "{}", created.body);
    created.body.as_str().expect("the token").to_string()
}

/// Who calls: no credentials, a token (`Bearer …`), or the admin's session cookie alone.
enum Caller<'a> {
    Nobody,
    Token(&'a str),
    Cookie(&'a str),
}

impl TestApp {
    async fn api(
        &self,
        method: &str,
        path: &str,
        body: Option<Value>,
        caller: &Caller<'_>,
    ) -> (StatusCode, Value, reqwest::header::HeaderMap) {
        let url = format!("{}{path}", self.base);
        let mut request = match method {
            "post" => self.client.post(url).json(&body.unwrap_or(Value::Null)),
            _ => self.client.get(url),
        };
        request = match caller {
            Caller::Nobody => request,
            Caller::Token(token) => request.header(AUTHORIZATION, format!("Bearer {token}")),
            Caller::Cookie(cookie) => request.header(COOKIE, *cookie),
        };
        let response = request.send().await.expect("request sent");
        let status = response.status();
        let headers = response.headers().clone();
        let body = response.json().await.unwrap_or(Value::Null);
        (status, body, headers)
    }
}

#[tokio::test]
async fn every_endpoint_answers_each_kind_of_caller_as_its_scope_allows() {
    let app = spawn_app().await;
    let admin = app.login_admin().await;
    let read = create_token(&app, &admin, "ERP read", "read").await;
    let write = create_token(&app, &admin, "ERP write", "write").await;
    let revoked = create_token(&app, &admin, "old", "write").await;
    let expired = create_token(&app, &admin, "stale", "write").await;
    let revoked_id = app
        .count("SELECT id FROM api_tokens WHERE name = 'old'")
        .await;
    let answer = app
        .answer(
            "admin_revoke_api_token",
            &[("id", &revoked_id.to_string())],
            &admin,
        )
        .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    sqlx::query(
        "UPDATE api_tokens SET expires_at = '2000-01-01T00:00:00+00:00' WHERE name = 'stale'",
    )
    .execute(&app.db().await)
    .await
    .unwrap();
    let contoso = app.company_id("Contoso Logistics").await;
    let crm = app.product_id("Terrasoft CRM").await;
    let mut version = 13;
    // An order and its invoice, so that every list has a record.
    let boris = app.login_as("Contoso Logistics").await;
    let order = app.buy_support(&boris, "standard", "1").await;
    assert_eq!(order.status, StatusCode::OK, "{}", order.body);

    let mut checked = 0;
    for (method, route) in ROUTES {
        let path = route
            .replace("/companies/{id}", &format!("/companies/{contoso}"))
            .replace("/products/{id}", &format!("/products/{crm}"));
        for (name, caller, expected) in [
            ("nobody", Caller::Nobody, StatusCode::UNAUTHORIZED),
            ("cookie", Caller::Cookie(&admin), StatusCode::UNAUTHORIZED),
            ("revoked", Caller::Token(&revoked), StatusCode::UNAUTHORIZED),
            ("expired", Caller::Token(&expired), StatusCode::UNAUTHORIZED),
            (
                "read",
                Caller::Token(&read),
                if *method == "get" {
                    StatusCode::OK
                } else {
                    StatusCode::FORBIDDEN
                },
            ),
            (
                "write",
                Caller::Token(&write),
                if *method == "get" {
                    StatusCode::OK
                } else {
                    StatusCode::CREATED
                },
            ),
        ] {
            // Each accepted version declaration must be newer than the last.
            let body = if path.ends_with("/versions") {
                version += 1;
                Some(serde_json::json!({ "version": format!("3.{version}") }))
            } else {
                Some(serde_json::json!({ "product_id": crm, "quantity": 2 }))
            };
            let (status, body, headers) = app.api(method, &path, body, &caller).await;
            assert_eq!(status, expected, "{method} {path} as {name}: {body}");
            if status == StatusCode::UNAUTHORIZED {
                assert!(headers.contains_key(WWW_AUTHENTICATE), "{path} {name}");
                assert!(body["error"].as_str().is_some(), "{body}");
            }
            if status == StatusCode::OK {
                assert!(
                    body["data"].as_array().is_some_and(|d| !d.is_empty()),
                    "{path}: {body}"
                );
            }
            checked += 1;
        }
    }
    assert_eq!(checked, ROUTES.len() * 6);
    println!("{checked} endpoint × caller answers checked");

    // The writes went through the admin's own functions: audited as the token's admin.
    let grants = app
        .count("SELECT COUNT(*) FROM audit_log WHERE kind = 'licenses_granted' AND actor_kind = 'admin'")
        .await;
    assert_eq!(grants, 1);
    let (_, body, _) = app
        .api(
            "get",
            "/api/v1/holdings?per_page=500",
            None,
            &Caller::Token(&read),
        )
        .await;
    let crm_at_contoso = body["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["company_id"] == contoso && h["product_id"] == crm)
        .expect("Contoso's CRM licenses")
        .clone();
    assert_eq!(crm_at_contoso["quantity"], 6, "4 + 2 granted");
    let declared = app
        .count("SELECT COUNT(*) FROM audit_log WHERE kind = 'version_declared' AND actor_kind = 'admin'")
        .await;
    assert_eq!(declared, 1);

    // The account page lists the tokens with their last use.
    let listed = app.answer("admin_api_tokens", &[], &admin).await;
    let read_row = listed
        .body
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "ERP read")
        .unwrap()
        .clone();
    assert_eq!(read_row["state"], "active");
    assert!(read_row["last_used_at"].is_string(), "{read_row}");
    let old = listed
        .body
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "old")
        .unwrap()
        .clone();
    assert_eq!(old["state"], "revoked");
    // Only a hash is stored.
    let stored = app
        .count(&format!(
            "SELECT COUNT(*) FROM api_tokens WHERE token_hash = '{read}'"
        ))
        .await;
    assert_eq!(stored, 0);
}

#[tokio::test]
async fn lists_are_paged_and_filtered_by_change_and_bad_input_is_a_400() {
    let app = spawn_app().await;
    let admin = app.login_admin().await;
    let read = create_token(&app, &admin, "reader", "read").await;
    let write = create_token(&app, &admin, "writer", "write").await;
    let reader = Caller::Token(&read);

    let (status, first, _) = app
        .api("get", "/api/v1/companies?per_page=4", None, &reader)
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(first["data"].as_array().unwrap().len(), 4);
    assert_eq!(first["next_page"], 2);
    let (_, second, _) = app
        .api("get", "/api/v1/companies?per_page=4&page=2", None, &reader)
        .await;
    assert_eq!(
        second["data"].as_array().unwrap().len(),
        2,
        "6 demo companies"
    );
    assert!(second["next_page"].is_null());

    // A change to one company: only it is returned since just before.
    let since = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    let tailspin = app.company_id("Tailspin Tours").await;
    let crm = app.product_id("Terrasoft CRM").await;
    let (status, _, _) = app
        .api(
            "post",
            &format!("/api/v1/companies/{tailspin}/license-grants"),
            Some(serde_json::json!({ "product_id": crm, "quantity": 1 })),
            &Caller::Token(&write),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED);
    let (_, changed, _) = app
        .api(
            "get",
            &format!("/api/v1/companies?updated_since={since}"),
            None,
            &reader,
        )
        .await;
    let ids: Vec<i64> = changed["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, vec![tailspin]);

    for bad in [
        "/api/v1/companies?page=0",
        "/api/v1/companies?per_page=501",
        "/api/v1/companies?updated_since=yesterday",
        "/api/v1/orders?page=x",
    ] {
        let (status, body, _) = app.api("get", bad, None, &reader).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}: {body}");
    }
    // Rules and validation are the UI's: a quantity out of range, an older version, unknown ids.
    let writer = Caller::Token(&write);
    for (path, body, expected) in [
        (
            format!("/api/v1/companies/{tailspin}/license-grants"),
            serde_json::json!({ "product_id": crm, "quantity": 0 }),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            "/api/v1/companies/999999/license-grants".to_string(),
            serde_json::json!({ "product_id": crm, "quantity": 1 }),
            StatusCode::NOT_FOUND,
        ),
        (
            format!("/api/v1/products/{crm}/versions"),
            serde_json::json!({ "version": "1.0" }),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            format!("/api/v1/products/{crm}/versions"),
            serde_json::json!({ "version": "seven" }),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            format!("/api/v1/products/{crm}/versions"),
            serde_json::json!({ "nothing": 1 }),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
    ] {
        let (status, answer, _) = app.api("post", &path, Some(body.clone()), &writer).await;
        assert_eq!(status, expected, "{path} {body}: {answer}");
    }
}

#[tokio::test]
async fn unknown_tokens_are_throttled_by_address() {
    let app = spawn_app().await;
    let mut statuses = Vec::new();
    for i in 0..12 {
        let guess = format!("spt_{i:064x}");
        let (status, _, _) = app
            .api("get", "/api/v1/companies", None, &Caller::Token(&guess))
            .await;
        statuses.push(status.as_u16());
    }
    assert_eq!(&statuses[..10], &[401; 10]);
    assert_eq!(&statuses[10..], &[429, 429], "{statuses:?}");
}

#[tokio::test]
async fn the_openapi_document_is_3_1_and_lists_exactly_the_routes_that_exist() {
    let app = spawn_app().await;
    let response = app.get("/api/v1/openapi.json", None).await;
    assert_eq!(response.status(), StatusCode::OK);
    let doc: Value = response.json().await.unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    assert!(doc["info"]["title"].is_string() && doc["info"]["version"].is_string());
    let mut documented: Vec<(String, String)> = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            assert!(
                operation["responses"]
                    .as_object()
                    .is_some_and(|r| !r.is_empty()),
                "{method} {path}"
            );
            assert!(
                operation["security"].is_array(),
                "{method} {path} names its security"
            );
            documented.push((method.clone(), path.clone()));
        }
    }
    documented.sort();
    let mut routes: Vec<(String, String)> = ROUTES
        .iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    routes.sort();
    assert_eq!(documented, routes);
    // Every reference resolves to a schema or scheme the document defines.
    let text = doc.to_string();
    let marker = "\"$ref\":\"#/components/schemas/";
    for (at, _) in text.match_indices(marker) {
        let name: String = text[at + marker.len()..]
            .chars()
            .take_while(|c| *c != '"')
            .collect();
        assert!(
            doc["components"]["schemas"][&name].is_object(),
            "{name} is defined"
        );
    }
    assert_eq!(
        doc["components"]["securitySchemes"]["token"]["scheme"],
        "bearer"
    );
    // Every documented route answers (401 without a token), none is a 404.
    for (method, path) in &routes {
        let path = path.replace("{id}", "1");
        let (status, _, _) = app
            .api(method, &path, Some(Value::Null), &Caller::Nobody)
            .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{method} {path}");
    }
    let docs = app.get("/api/v1/docs", None).await.text().await.unwrap();
    for (_, path) in &routes {
        assert!(docs.contains(path.as_str()), "{path} on the docs page");
    }
}
