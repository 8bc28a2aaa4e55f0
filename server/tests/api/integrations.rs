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

/// The import's CSV: `n` new companies, each with 3 CRM licenses, every other one with a
/// Standard contract for 2026.
fn companies_csv(n: usize) -> String {
    let mut csv = String::from(
        "company,contact_name,contact_email,product,quantity,version,plan,start,end\n",
    );
    for i in 0..n {
        let contract = if i % 2 == 0 {
            "standard,2026-01-01,2026-12-31"
        } else {
            ",,"
        };
        csv += &format!(
            "Imported Company {i},Contact {i},contact{i}@imported.example,Terrasoft CRM,3,3.4.1,{contract}\n"
        );
    }
    csv
}

#[tokio::test]
async fn a_thousand_companies_import_in_one_go_and_again_change_nothing() {
    let app = spawn_app().await;
    let admin = app.login_admin().await;
    let csv = companies_csv(1000);
    let companies = || app.count("SELECT COUNT(*) FROM companies");
    let before = companies().await;

    let dry = app
        .answer("admin_import_preview", &[("csv", &csv)], &admin)
        .await;
    assert_eq!(dry.status, StatusCode::OK, "{}", dry.body);
    assert_eq!(dry.body["applied"], false);
    assert_eq!(dry.body["rows"], 1000);
    assert_eq!(dry.body["companies_created"], 1000);
    assert_eq!(dry.body["contracts_created"], 500);
    assert_eq!(companies().await, before, "a dry run writes nothing");

    let started = std::time::Instant::now();
    let applied = app
        .answer("admin_import_apply", &[("csv", &csv)], &admin)
        .await;
    let took = started.elapsed();
    assert_eq!(applied.status, StatusCode::OK, "{}", applied.body);
    assert_eq!(applied.body["applied"], true);
    assert_eq!(companies().await, before + 1000);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM contacts WHERE email LIKE '%@imported.example'")
            .await,
        1000
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM holdings h JOIN companies c ON c.id = h.company_id WHERE c.name LIKE 'Imported Company %'").await, 1000);
    assert_eq!(app.count("SELECT COUNT(*) FROM contracts k JOIN companies c ON c.id = k.company_id WHERE c.name LIKE 'Imported Company %'").await, 500);
    println!("1000 companies imported in {} ms", took.as_millis());

    // The same file again: nothing to do, nothing written (not even the audit log).
    let snapshot = app.snapshot().await;
    let again = app
        .answer("admin_import_apply", &[("csv", &csv)], &admin)
        .await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.body);
    for counter in [
        "companies_created",
        "contacts_created",
        "holdings_created",
        "holdings_changed",
        "contracts_created",
    ] {
        assert_eq!(again.body[counter], 0, "{counter}");
    }
    assert_eq!(again.body["unchanged"], 1000);
    assert_same_database(&snapshot, &app.snapshot().await, "a second import");
}

#[tokio::test]
async fn one_bad_row_writes_nothing_and_every_refusal_names_its_line_and_field() {
    let app = spawn_app().await;
    let admin = app.login_admin().await;
    let mut csv = companies_csv(3);
    csv += "Imported Company 9,Contact 9,contact9@imported.example,Terrasoft Nothing,1,1.0,,,\n";
    csv += "Contoso Logistics,Someone Else,someone@contoso.example,Terrasoft CRM,4,3.4.1,,,\n";
    csv += "Tailspin Tours,Dana Kovalenko,dana@tailspin.example,Terrasoft Tourism,2,3.0.7,basic,2025-12-01,2026-02-01\n";
    csv += "Imported Company 10,Contact 10,not-an-email,Terrasoft CRM,0,3.4.1,gold,2026-01-01,2026-12-31\n";
    let snapshot = app.snapshot().await;
    for endpoint in ["admin_import_preview", "admin_import_apply"] {
        let report = app.answer(endpoint, &[("csv", &csv)], &admin).await;
        assert_eq!(report.status, StatusCode::OK, "{}", report.body);
        assert_eq!(report.body["applied"], false, "{endpoint}");
        let errors: Vec<(i64, String)> = report.body["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["line"].as_i64().unwrap(),
                    e["field"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        assert_eq!(
            errors,
            vec![
                (5, "product".into()),
                (6, "contact_email".into()),
                (7, "start".into()),
                (8, "contact_email".into()),
                (8, "quantity".into()),
                (8, "plan".into()),
            ],
            "{}",
            report.body
        );
        let reasons = report.body["errors"].to_string();
        assert!(reasons.contains("Terrasoft Nothing"), "{reasons}");
        assert!(reasons.contains("R3"), "{reasons}");
        assert!(reasons.contains("R1"), "{reasons}");
    }
    assert_same_database(&snapshot, &app.snapshot().await, "a refused import");

    // A file without our header is not an import at all: 422, naming the columns.
    let headless = app
        .answer("admin_import_preview", &[("csv", "a,b\n1,2\n")], &admin)
        .await;
    assert_eq!(headless.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        headless.body.to_string().contains("company,contact_name"),
        "{}",
        headless.body
    );
}

#[tokio::test]
async fn exports_hold_every_record_and_are_for_admins_only() {
    let app = spawn_app().await;
    let admin = app.login_admin().await;
    let boris = app.login_as("Contoso Logistics").await;
    let order = app.buy_support(&boris, "standard", "1").await;
    assert_eq!(order.status, StatusCode::OK);
    for (kind, header, rows) in [
        ("companies", "id,name,contact_name,contact_email,updated_at", 6),
        ("holdings", "company_id,company,product_id,product,quantity,version,updated_at", 12),
        ("contracts", "id,company_id,company,plan,start,end,years,signed_at,updated_at", 4),
        ("orders", "id,company_id,company,kind,placed_at,signing_date,total,invoice_number", 1),
        ("invoices", "number,order_id,company_id,company,issue_date,due_date,currency,total,status,paid_on,updated_at", 1),
    ] {
        let response = app.get(&format!("/admin/export/{kind}.csv"), Some(&admin)).await;
        assert_eq!(response.status(), StatusCode::OK, "{kind}");
        assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
        let text = response.text().await.unwrap();
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some(header), "{kind}");
        assert_eq!(lines.count(), rows, "{kind}:\n{text}");
        let as_contact = app.get(&format!("/admin/export/{kind}.csv"), Some(&boris)).await;
        assert_eq!(as_contact.status(), StatusCode::FORBIDDEN, "{kind}");
        let anonymous = app.get(&format!("/admin/export/{kind}.csv"), None).await;
        assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED, "{kind}");
    }
    let unknown = app.get("/admin/export/passwords.csv", Some(&admin)).await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
}

/// A local webhook receiver: answers 500 to the first `fail_first` posts, 200 after; keeps
/// every post's headers and body.
struct Receiver {
    url: String,
    posts: std::sync::Arc<std::sync::Mutex<Vec<(reqwest::header::HeaderMap, String)>>>,
}

async fn receiver(fail_first: usize) -> Receiver {
    use axum::http::{HeaderMap, StatusCode as Status};
    let posts: std::sync::Arc<std::sync::Mutex<Vec<(HeaderMap, String)>>> = Default::default();
    let seen = posts.clone();
    let router = axum::Router::new().route(
        "/hook",
        axum::routing::post(move |headers: HeaderMap, body: String| {
            let seen = seen.clone();
            async move {
                let mut posts = seen.lock().unwrap();
                posts.push((headers, body));
                if posts.len() <= fail_first {
                    Status::INTERNAL_SERVER_ERROR
                } else {
                    Status::OK
                }
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    // reqwest's and axum's HeaderMap are the same type (http 1).
    Receiver {
        url: format!("http://{addr}/hook"),
        posts,
    }
}

/// Checks `Portal-Signature` as a receiver would: HMAC-SHA256 of "<t>.<body>" under `secret`.
fn signed_by(secret: &str, headers: &reqwest::header::HeaderMap, body: &str) -> bool {
    use hmac::{Hmac, Mac};
    let Some(signature) = headers
        .get("portal-signature")
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let Some((t, v1)) = signature
        .strip_prefix("t=")
        .and_then(|rest| rest.split_once(",v1="))
    else {
        return false;
    };
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(format!("{t}.{body}").as_bytes());
    let expected: Vec<u8> = (0..v1.len() / 2)
        .filter_map(|i| u8::from_str_radix(&v1[2 * i..2 * i + 2], 16).ok())
        .collect();
    mac.verify_slice(&expected).is_ok()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn webhooks_are_signed_retried_after_a_500_and_each_event_seen_once() {
    let hook = receiver(1).await;
    let app = spawn_app_with(|config| {
        config.worker = true;
        config.worker_poll = std::time::Duration::from_millis(100);
    })
    .await;
    let admin = app.login_admin().await;
    let added = app
        .answer(
            "admin_add_webhook",
            &[
                ("url", &hook.url),
                ("events", "order.placed, contract.renewed, invoice.paid"),
            ],
            &admin,
        )
        .await;
    assert_eq!(added.status, StatusCode::OK, "{}", added.body);
    let secret = added.body.as_str().unwrap().to_string();
    assert!(secret.starts_with("whsec_"));

    // A renewal: order.placed and contract.renewed. The first post is answered 500.
    let boris = app.login_as("Contoso Logistics").await;
    let order = app.buy_support(&boris, "standard", "1").await;
    assert_eq!(order.status, StatusCode::OK);
    let order_id = order.body.as_i64().unwrap();
    let number = app
        .count(&format!(
            "SELECT id FROM invoices WHERE order_id = {order_id}"
        ))
        .await;
    let number: String = sqlx::query_scalar("SELECT number FROM invoices WHERE id = $1")
        .bind(number)
        .fetch_one(&app.db().await)
        .await
        .unwrap();
    let paid = app
        .answer(
            "admin_mark_paid",
            &[
                ("invoice_number", &number),
                ("paid_on", "2026-11-25"),
                ("bank_reference", "BANK-1"),
            ],
            &admin,
        )
        .await;
    assert_eq!(paid.status, StatusCode::OK, "{}", paid.body);
    let posts = || hook.posts.lock().unwrap().len();
    let waited = std::time::Instant::now();
    while posts() < 3 && waited.elapsed() < std::time::Duration::from_secs(20) {
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(posts(), 3, "three events posted, the first refused");
    let failed = app
        .count("SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'pending' AND attempts = 1 AND last_status = 500")
        .await;
    assert_eq!(
        failed, 1,
        "the refused delivery is logged and waits for its retry"
    );

    // The retry is due a minute after the failure.
    app.clock
        .as_ref()
        .unwrap()
        .advance(chrono::Duration::minutes(2));
    while posts() < 4 && waited.elapsed() < std::time::Duration::from_secs(30) {
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let received = hook.posts.lock().unwrap().clone();
    assert_eq!(received.len(), 4, "three events, one retried: {received:?}");
    let mut delivered_ids = std::collections::BTreeMap::new();
    for (headers, body) in &received {
        assert!(signed_by(&secret, headers, body), "signed: {headers:?}");
        assert!(!signed_by("whsec_other", headers, body));
        let event: serde_json::Value = serde_json::from_str(body).unwrap();
        let id = headers["portal-delivery"].to_str().unwrap().to_string();
        assert_eq!(event["id"], id.as_str());
        assert_eq!(
            headers["portal-event"].to_str().unwrap(),
            event["type"].as_str().unwrap()
        );
        *delivered_ids.entry(id).or_insert(0) += 1;
    }
    let ids: Vec<_> = delivered_ids.keys().cloned().collect();
    assert_eq!(
        ids,
        vec![
            format!("contract.renewed:{order_id}"),
            format!("invoice.paid:{number}"),
            format!("order.placed:{order_id}"),
        ]
    );
    // Each event once, bar the one retry of the refused post.
    assert_eq!(delivered_ids.values().sum::<i32>(), 4);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'delivered'")
            .await,
        3
    );
    // The log on the admin's page.
    let log = app.answer("admin_webhooks", &[], &admin).await;
    let deliveries = log.body["deliveries"].as_array().unwrap();
    assert_eq!(deliveries.len(), 3);
    assert!(deliveries
        .iter()
        .any(|d| d["attempts"] == 2 && d["status"] == "delivered"));
}

#[tokio::test]
async fn an_import_only_adds_and_checks_r2_and_shared_emails() {
    let app = spawn_app().await;
    let admin = app.login_admin().await;
    // Contoso owns 4 CRM licenses on 3.4.1; the ERP's older export says 2 on 3.4.0, and its
    // Standard contract (2026-07-28, moved since) again: nothing changes.
    let stale = "company,contact_name,contact_email,product,quantity,version,plan,start,end\n\
        Contoso Logistics,Boris Petrenko,boris@contoso.example,Terrasoft CRM,2,3.4.0,standard,2026-07-28,2027-07-27\n";
    let snapshot = app.snapshot().await;
    let again = app
        .answer("admin_import_apply", &[("csv", stale)], &admin)
        .await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.body);
    assert_eq!(again.body["unchanged"], 1, "{}", again.body);
    assert_eq!(again.body["contracts_created"], 0, "{}", again.body);
    assert!(
        again.body["errors"].as_array().unwrap().is_empty(),
        "{}",
        again.body
    );
    assert_same_database(&snapshot, &app.snapshot().await, "a stale export");

    // More licenses than the portal knows: raised. R2: Premium needs 5 licenses.
    let mixed = "company,contact_name,contact_email,product,quantity,version,plan,start,end\n\
        Contoso Logistics,Boris Petrenko,boris@contoso.example,Terrasoft CRM,6,3.4.1,,,\n\
        Small Co,Sam Small,sam@small.example,Terrasoft CRM,1,3.4.1,premium,2026-01-01,2026-12-31\n\
        Other Co,Sam Small,sam@small.example,Terrasoft CRM,1,3.4.1,,,\n";
    let report = app
        .answer("admin_import_preview", &[("csv", mixed)], &admin)
        .await;
    let errors = report.body["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 2, "{}", report.body);
    assert_eq!(
        (errors[0]["line"].as_i64(), errors[0]["field"].as_str()),
        (Some(3), Some("plan"))
    );
    assert!(
        errors[0]["reason"].as_str().unwrap().starts_with("R2"),
        "{}",
        report.body
    );
    assert_eq!(
        (errors[1]["line"].as_i64(), errors[1]["field"].as_str()),
        (Some(4), Some("contact_email"))
    );
    assert_eq!(report.body["holdings_changed"], 1);
}
