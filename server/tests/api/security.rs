//! Authorization over every registered server function, and cross-site request refusal.

use leptos::server_fn::axum::server_fn_paths;
use reqwest::StatusCode;

use crate::common::spawn_app;

/// Who may call each server function. A new function fails the test until it is listed here.
const PUBLIC: &[&str] = &[
    "login",
    "logout",
    "plan_matrix",
    "plan_offers",
    "consultation_areas",
    "accept_invitation",
    "request_password_reset",
    "reset_password",
];
const CONTACT: &[&str] = &[
    "dashboard",
    "support_quote",
    "buy_support",
    "license_quote",
    "buy_licenses",
    "license_options",
    "version_updates",
    "update_version",
    "orders",
    "order",
    "history",
    "consultations",
    "file_consultation",
    "logout_everywhere",
];
/// Contacts (own company only) and admins.
const CONTACT_OR_ADMIN: &[&str] = &["consultation", "reply_consultation"];
const ADMIN_PREFIX: &str = "admin_";

/// Arguments that parse for every function, so that the refusal comes from authorization.
const ANY_ARGS: &[(&str, &str)] = &[
    ("plan", "basic"),
    ("years", "1"),
    ("lines", "1:1"),
    ("support", "new"),
    ("digest", "x"),
    ("key", "0123456789abcdef"),
    ("product_id", "1"),
    ("id", "1"),
    ("company_id", "1"),
    ("search", ""),
    ("page", "0"),
    ("name", "X"),
    ("contact_name", "X"),
    ("contact_email", "x@x.example"),
    ("quantity", "1"),
    ("description", "x"),
    ("exception_id", "1"),
    ("invoice_number", "INV"),
    ("version", "1.0"),
    ("price", "1.00"),
    ("valid_from", "2030-01-01"),
    ("entry_id", "1"),
    ("tier", "basic"),
    ("percent", "10"),
    ("min_licenses", "0"),
    ("response_amount", "1"),
    ("response_unit", "business_days"),
    ("company", ""),
    ("actor", ""),
    ("kind", ""),
    ("from", ""),
    ("to", ""),
    ("area", "version_update"),
    ("subject", "x"),
    ("body", "x"),
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_registered_server_function_is_classified_and_refuses_anonymous_callers() {
    let app = spawn_app().await;
    let contact = app.login_as("Northwind Trading").await;
    let mut seen = 0;
    for (path, method) in server_fn_paths() {
        let name = path.trim_start_matches("/api/");
        assert_eq!(method, axum::http::Method::POST, "{name} must be POST-only");
        seen += 1;
        if PUBLIC.contains(&name) {
            continue;
        }
        let known = CONTACT.contains(&name)
            || CONTACT_OR_ADMIN.contains(&name)
            || name.starts_with(ADMIN_PREFIX);
        assert!(
            known,
            "server function {name} is not classified in tests/api/security.rs"
        );
        let anonymous = app.call(name, ANY_ARGS, None).await;
        assert_eq!(
            anonymous.status(),
            StatusCode::UNAUTHORIZED,
            "{name} anonymous"
        );
        if name.starts_with(ADMIN_PREFIX) {
            let as_contact = app.call(name, ANY_ARGS, Some(&contact)).await;
            assert_eq!(
                as_contact.status(),
                StatusCode::FORBIDDEN,
                "{name} as a contact"
            );
        }
    }
    assert!(
        seen >= 40,
        "the registry lists the server functions ({seen} found)"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cross_origin_post_is_refused_and_get_changes_nothing() {
    let app = spawn_app().await;
    let cookie = app.login_as("Contoso Logistics").await;
    let forged = app
        .client
        .post(format!("{}/api/logout", app.base))
        .header("cookie", &cookie)
        .header("origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        app.dashboard(Some(&cookie)).await.0,
        StatusCode::OK,
        "still signed in"
    );

    let same_site = app
        .client
        .post(format!("{}/api/dashboard", app.base))
        .header("cookie", &cookie)
        .header("origin", &app.base)
        .header("accept", "application/json")
        .send()
        .await
        .unwrap();
    assert_eq!(same_site.status(), StatusCode::OK);

    let by_get = app
        .client
        .get(format!("{}/api/logout", app.base))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_ne!(by_get.status(), StatusCode::OK);
    assert_eq!(
        app.dashboard(Some(&cookie)).await.0,
        StatusCode::OK,
        "GET did not sign out"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_carry_a_nonce_based_content_security_policy_and_safe_headers() {
    let app = spawn_app().await;
    let page = app.get("/login", None).await;
    let headers = page.headers().clone();
    let csp = headers["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        csp.contains("'wasm-unsafe-eval'") && csp.contains("frame-ancestors 'none'"),
        "{csp}"
    );
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .unwrap()
        .split('\'')
        .next()
        .unwrap()
        .to_string();
    let html = page.text().await.unwrap();
    assert!(
        html.contains(&format!("nonce=\"{nonce}\"")),
        "the hydration script carries the nonce"
    );
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["referrer-policy"], "same-origin");
    assert_eq!(headers["x-frame-options"], "DENY");

    let api = app.call("plan_matrix", &[], None).await;
    assert_eq!(
        api.headers()["content-security-policy"],
        "default-src 'none'; frame-ancestors 'none'"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oversized_requests_are_refused_unread() {
    let app = spawn_app().await;
    // Over the 64 KiB limit, small enough for the socket to take it all before the answer.
    let huge = "x".repeat(100 * 1024);
    let response = app
        .call(
            "login",
            &[("email", huge.as_str()), ("password", "x")],
            None,
        )
        .await;
    assert_eq!(response.status(), reqwest::StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn repeated_failed_sign_ins_lock_the_account_even_for_the_right_password() {
    let app = spawn_app().await;
    for _ in 0..5 {
        let wrong = app
            .login_raw("boris@contoso.example", "wrong-password")
            .await;
        assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    }
    let right = app
        .login_raw("boris@contoso.example", server::seed::DEMO_PASSWORD)
        .await;
    assert_eq!(right.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        right.json::<serde_json::Value>().await.unwrap(),
        serde_json::json!("TooManyAttempts")
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE kind = 'login_locked'")
            .await,
        1
    );
    // Other accounts are unaffected.
    app.login_as("Northwind Trading").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signing_out_everywhere_ends_every_session_of_the_contact() {
    let app = spawn_app().await;
    let phone = app.login_as("Contoso Logistics").await;
    let laptop = app.login_as("Contoso Logistics").await;
    let done = app.call("logout_everywhere", &[], Some(&laptop)).await;
    assert_eq!(done.status(), StatusCode::OK);
    assert_eq!(
        app.dashboard(Some(&phone)).await.0,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        app.dashboard(Some(&laptop)).await.0,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn common_passwords_are_refused_as_new_passwords() {
    let app = spawn_app().await;
    app.call(
        "request_password_reset",
        &[("email", "anna@northwind.example")],
        None,
    )
    .await;
    let token = app.last_mail_token();
    let common = app
        .call(
            "reset_password",
            &[("token", &token), ("password", "Password1234")],
            None,
        )
        .await;
    assert_eq!(common.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let fine = app
        .call(
            "reset_password",
            &[("token", &token), ("password", "a-quiet-heron-sings")],
            None,
        )
        .await;
    assert_eq!(fine.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_internal_error_shows_only_a_reference_that_matches_the_request_id() {
    let app = spawn_app().await;
    let boris = app.login_as("Contoso Logistics").await;
    // Break the database under the running server.
    sqlx::query("ALTER TABLE consultation_requests RENAME TO gone")
        .execute(&app.db().await)
        .await
        .unwrap();

    let failed = app.call("consultations", &[], Some(&boris)).await;
    assert_eq!(failed.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let id = failed.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_string();
    let body = failed.text().await.unwrap();
    assert_eq!(
        body,
        serde_json::json!({ "Internal": { "reference": id } }).to_string()
    );

    let page = app.get("/consultations", Some(&boris)).await;
    let id = page.headers()["x-request-id"].to_str().unwrap().to_string();
    let html = page.text().await.unwrap().to_lowercase();
    assert!(html.contains(&format!("reference {id}")), "{html}");
    for detail in [
        "consultation_requests",
        "sql",
        "no such table",
        "does not exist",
        ".rs",
    ] {
        assert!(!html.contains(detail), "{detail} leaked");
    }
}
