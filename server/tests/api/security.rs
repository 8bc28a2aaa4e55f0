//! Authorization over every registered server function (a matrix of function class × caller),
//! and cross-site request refusal.

use leptos::server_fn::axum::server_fn_paths;
use reqwest::StatusCode;
use serde_json::{json, Value};
use server::seed::DEMO_COMPANIES;

use crate::common::{spawn_app, TestApp, ANY_ARGS};

/// Who may call a server function. A new function fails the tests until it is listed here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    /// Anyone; at most the caller's own company's data (`plan_offers`).
    Public,
    /// Signing in and out, and password links: anyone. Their answers per caller are tested in
    /// `auth.rs`; here they are only classified.
    SignIn,
    /// The signed-in contact, scoped to its own company.
    Contact,
    /// Contacts (own company only) and admins.
    ContactOrAdmin,
    /// Vendor admins (the `admin_` prefix).
    Admin,
}

/// The argument through which a function names something a company owns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum OwnedId {
    /// None: the session alone scopes the function to the caller's company.
    NoId,
    /// `id`: an order.
    Order,
    /// `id`: a consultation request.
    Request,
    /// `product_id`: a product the company holds licenses of.
    HeldProduct,
}
use OwnedId::{HeldProduct, NoId, Order, Request};

/// `viewer` says who is signed in (anyone, themselves only).
const PUBLIC: &[&str] = &["plan_matrix", "plan_offers", "consultation_areas", "viewer"];
const SIGN_IN: &[&str] = &[
    "login",
    "logout",
    "accept_invitation",
    "request_password_reset",
    "reset_password",
    "sign_in_state",
    "verify_second_factor",
    "start_passkey_sign_in",
    "finish_passkey_sign_in",
];
const CONTACT: &[(&str, OwnedId)] = &[
    ("dashboard", NoId),
    ("support_quote", NoId),
    ("buy_support", NoId),
    ("license_quote", NoId),
    ("buy_licenses", NoId),
    ("license_options", NoId),
    ("version_updates", NoId),
    ("update_version", HeldProduct),
    ("orders", NoId),
    ("order", Order),
    ("history", NoId),
    ("consultations", NoId),
    ("file_consultation", NoId),
    ("logout_everywhere", NoId),
    ("company_billing", NoId),
    ("save_billing_details", NoId),
];
/// Besides consultations: each account's own second factors (issue 20), found by the session.
const CONTACT_OR_ADMIN: &[(&str, OwnedId)] = &[
    ("consultation", Request),
    ("reply_consultation", Request),
    ("account_security", NoId),
    ("start_authenticator_setup", NoId),
    ("confirm_authenticator", NoId),
    ("remove_authenticator", NoId),
    ("new_recovery_codes", NoId),
    ("confirm_second_factor", NoId),
    ("start_passkey_registration", NoId),
    ("finish_passkey_registration", NoId),
    ("remove_passkey", NoId),
];
const ADMIN_PREFIX: &str = "admin_";

/// Ends the caller's session when it succeeds: the contact signs in again after it.
const ENDS_THE_SESSION: &str = "logout_everywhere";

/// The callers, in the order the matrix runs them. The admin comes last: its calls with the
/// generic arguments change data (end company 1's sessions, reassign its contact, …).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Caller {
    Anonymous,
    /// The contact of company A, passing A's ids.
    ContactOwnIds,
    /// The contact of company A, passing company B's ids (and replaying B's order key).
    ContactOtherIds,
    Admin,
}
const CALLERS: [Caller; 4] = [
    Caller::Anonymous,
    Caller::ContactOwnIds,
    Caller::ContactOtherIds,
    Caller::Admin,
];

/// The answer one caller must get from one function.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Expect {
    /// 401: not signed in.
    Unauthorized,
    /// 403: signed in, but in the other role.
    Forbidden,
    /// The function ran: not 400, 401 or 403. A business refusal of the generic arguments
    /// (404, 409, 422) is fine.
    Served,
    /// The caller's own id is found (200); functions that take no such id are served.
    Found,
    /// Another company's id is not found: 404 "NotFound", exactly the answer for a missing id.
    /// Functions that take no such id are served.
    Hidden,
    /// Not called here (see `Class::SignIn`).
    Unchecked,
}
use Expect::{Forbidden, Found, Hidden, Served, Unauthorized, Unchecked};

/// The authorization matrix. Besides each cell: no answer is a 5xx, no answer to anyone but the
/// admin carries company B's data, and company B's data is unchanged by A's calls.
#[rustfmt::skip]
const MATRIX: [(Class, [Expect; 4]); 5] = [
    //                       anonymous     A, own ids  A, B's ids  admin
    (Class::Public,         [Served,       Served,     Served,     Served]),
    (Class::SignIn,         [Unchecked,    Unchecked,  Unchecked,  Unchecked]),
    (Class::Contact,        [Unauthorized, Found,      Hidden,     Forbidden]),
    (Class::ContactOrAdmin, [Unauthorized, Found,      Hidden,     Served]),
    (Class::Admin,          [Unauthorized, Forbidden,  Forbidden,  Served]),
];

fn expected(class: Class, caller: Caller) -> Expect {
    let (_, row) = MATRIX.iter().find(|(c, _)| *c == class).unwrap();
    row[CALLERS.iter().position(|c| *c == caller).unwrap()]
}

/// The class of a registered function and the owned id it takes; `None` when unclassified.
fn classify(name: &str) -> Option<(Class, OwnedId)> {
    let listed = |list: &[(&str, OwnedId)]| list.iter().find(|(n, _)| *n == name).map(|e| e.1);
    if PUBLIC.contains(&name) {
        Some((Class::Public, NoId))
    } else if SIGN_IN.contains(&name) {
        Some((Class::SignIn, NoId))
    } else if let Some(owned) = listed(CONTACT) {
        Some((Class::Contact, owned))
    } else if let Some(owned) = listed(CONTACT_OR_ADMIN) {
        Some((Class::ContactOrAdmin, owned))
    } else if name.starts_with(ADMIN_PREFIX) {
        Some((Class::Admin, NoId))
    } else {
        None
    }
}

/// Every registered server function with its class, sorted by name (a stable call order).
fn registered_functions() -> Vec<(String, Class, OwnedId)> {
    let mut functions: Vec<_> = server_fn_paths()
        .map(|(path, method)| {
            let name = path.trim_start_matches("/api/").to_string();
            assert_eq!(method, axum::http::Method::POST, "{name} must be POST-only");
            let (class, owned) = classify(&name).unwrap_or_else(|| {
                panic!("server function {name} is not classified in tests/api/security.rs")
            });
            (name, class, owned)
        })
        .collect();
    functions.sort_by(|a, b| a.0.cmp(&b.0));
    functions
}

/// An id no company owns.
const MISSING_ID: &str = "999999999";

/// A demo company with things of its own, made through the API: an order (with its
/// idempotency key) and a consultation request.
struct Company {
    name: &'static str,
    order_id: i64,
    order_key: String,
    order_lines: String,
    invoice_number: String,
    request_id: i64,
    subject: &'static str,
    description: String,
    /// A product only this company (of the two) holds.
    held_product_id: i64,
}

impl Company {
    /// Signs in `name`'s contact, buys one license of `bought` on the running contract and files
    /// a request about `subject`.
    async fn with_an_order_and_a_request(
        app: &TestApp,
        name: &'static str,
        bought: &str,
        held_only_here: &str,
        subject: &'static str,
    ) -> Company {
        let cookie = app.login_as(name).await;
        let order_lines = format!("{}:1", app.product_id(bought).await);
        let quote = app
            .license_quote(&cookie, &order_lines, "active", "basic", "1")
            .await;
        assert_eq!(quote.status, StatusCode::OK, "{name} quote: {}", quote.body);
        let order_key = quote.body["idempotency_key"].as_str().unwrap().to_string();
        let placed = app
            .answer(
                "buy_licenses",
                &[
                    ("lines", &order_lines),
                    ("support", "active"),
                    ("plan", "basic"),
                    ("years", "1"),
                    ("digest", quote.body["digest"].as_str().unwrap()),
                    ("key", &order_key),
                ],
                &cookie,
            )
            .await;
        assert_eq!(
            placed.status,
            StatusCode::OK,
            "{name} order: {}",
            placed.body
        );
        let order_id = placed.body.as_i64().unwrap();
        let order = app
            .answer("order", &[("id", &order_id.to_string())], &cookie)
            .await;
        let invoice_number = order.body["order"]["invoice_number"]
            .as_str()
            .unwrap()
            .to_string();
        let description = format!("Only {name} may read this.");
        let filed = app
            .answer(
                "file_consultation",
                &[
                    ("area", "version_update"),
                    ("subject", subject),
                    ("description", &description),
                ],
                &cookie,
            )
            .await;
        assert_eq!(
            filed.status,
            StatusCode::OK,
            "{name} request: {}",
            filed.body
        );
        Company {
            name,
            order_id,
            order_key,
            order_lines,
            invoice_number,
            request_id: filed.body.as_i64().unwrap(),
            subject,
            description,
            held_product_id: app.product_id(held_only_here).await,
        }
    }

    fn id(&self, owned: OwnedId) -> Option<(&'static str, String)> {
        match owned {
            NoId => None,
            Order => Some(("id", self.order_id.to_string())),
            Request => Some(("id", self.request_id.to_string())),
            HeldProduct => Some(("product_id", self.held_product_id.to_string())),
        }
    }

    /// The generic arguments with this company's ids, and its order's lines and key (so that a
    /// purchase call replays this company's order).
    fn args(&self, owned: OwnedId) -> Vec<(&'static str, String)> {
        let mut args: Vec<(&'static str, String)> =
            ANY_ARGS.iter().map(|(k, v)| (*k, v.to_string())).collect();
        let own = [
            Some(("key", self.order_key.clone())),
            Some(("lines", self.order_lines.clone())),
            Some(("support", "active".to_string())),
            self.id(owned),
        ];
        for (key, value) in own.into_iter().flatten() {
            args.iter_mut().find(|(k, _)| *k == key).unwrap().1 = value;
        }
        args
    }

    /// What no other company's contact may ever see.
    fn secrets(&self) -> Vec<String> {
        let seed = DEMO_COMPANIES.iter().find(|c| c.name == self.name).unwrap();
        vec![
            self.name.to_string(),
            seed.contact_name.to_string(),
            seed.contact_email.to_string(),
            self.invoice_number.clone(),
            self.subject.to_string(),
            self.description.clone(),
        ]
    }

    /// Everything the company's own contact sees, to show that others changed nothing.
    async fn own_view(&self, app: &TestApp, cookie: &str) -> Vec<(StatusCode, Value)> {
        let (order, request) = (self.order_id.to_string(), self.request_id.to_string());
        let mut view = Vec::new();
        for (function, args) in [
            ("dashboard", vec![]),
            ("orders", vec![]),
            ("order", vec![("id", order.as_str())]),
            ("history", vec![]),
            ("consultations", vec![]),
            ("consultation", vec![("id", request.as_str())]),
            ("version_updates", vec![]),
        ] {
            let answer = app.answer(function, &args, cookie).await;
            view.push((answer.status, answer.body));
        }
        view
    }
}

async fn call(
    app: &TestApp,
    name: &str,
    args: &[(&'static str, String)],
    cookie: Option<&str>,
) -> (StatusCode, String) {
    let form: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let response = app.call(name, &form, cookie).await;
    (response.status(), response.text().await.unwrap())
}

/// Whether one answer meets its cell; `Err` says how it does not.
fn judge(expect: Expect, owned: OwnedId, status: StatusCode, body: &str) -> Result<(), String> {
    let ran = !matches!(status.as_u16(), 400 | 401 | 403);
    let ok = match (expect, owned) {
        (Unauthorized, _) => status == StatusCode::UNAUTHORIZED,
        (Forbidden, _) => status == StatusCode::FORBIDDEN,
        (Served, _) | (Found | Hidden, NoId) => ran,
        (Found, _) => status == StatusCode::OK,
        (Hidden, _) => status == StatusCode::NOT_FOUND && body == r#""NotFound""#,
        (Unchecked, _) => true,
    };
    if ok && !status.is_server_error() {
        Ok(())
    } else {
        Err(format!("expected {expect:?}, got {status} {body}"))
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_registered_server_function_is_classified_and_post_only() {
    let functions = registered_functions();
    assert!(
        functions.len() >= 40,
        "the registry lists the server functions ({} found)",
        functions.len()
    );
    // And nothing is classified that is not registered (a renamed function).
    let listed = PUBLIC
        .iter()
        .chain(SIGN_IN)
        .chain(CONTACT.iter().map(|(n, _)| n))
        .chain(CONTACT_OR_ADMIN.iter().map(|(n, _)| n));
    for name in listed {
        assert!(
            functions.iter().any(|(f, _, _)| f == name),
            "{name} is classified but not registered"
        );
    }
}

/// Calls every registered function as each caller of `CALLERS` and checks each answer against
/// `MATRIX`. Company A is Fabrikam Clinics, company B Contoso Logistics (both on an active
/// Standard contract, with no product in common).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_authorization_matrix_holds_for_every_server_function_and_caller() {
    let app = spawn_app().await;
    let b = Company::with_an_order_and_a_request(
        &app,
        "Contoso Logistics",
        "Terrasoft CRM",
        "Terrasoft Sales",
        "Depot scanners lose their sync",
    )
    .await;
    let a = Company::with_an_order_and_a_request(
        &app,
        "Fabrikam Clinics",
        "Backup Utility",
        // Installed 2.4.0, latest 2.5.0: A's own update goes through.
        "HIS Medicine",
        "Ward rota export to payroll",
    )
    .await;
    let b_contact = app.login_as(b.name).await;
    let b_before = b.own_view(&app, &b_contact).await;
    assert!(b_before.iter().all(|(status, _)| *status == StatusCode::OK));
    let mut a_contact = app.login_as(a.name).await;
    let admin = app.login_admin().await;
    let b_secrets = b.secrets();
    let b_ids = [json!(b.order_id), json!(b.request_id)];

    let mut failures = Vec::new();
    for caller in CALLERS {
        for (name, class, owned) in registered_functions() {
            let expect = expected(class, caller);
            if expect == Unchecked {
                continue;
            }
            let (cookie, ids) = match caller {
                Caller::Anonymous => (None, &a),
                Caller::ContactOwnIds => (Some(a_contact.as_str()), &a),
                Caller::ContactOtherIds => (Some(a_contact.as_str()), &b),
                Caller::Admin => (Some(admin.as_str()), &a),
            };
            let args = ids.args(owned);
            let (status, body) = call(&app, &name, &args, cookie).await;
            let mut verdict = judge(expect, owned, status, &body);
            if verdict.is_ok() && expect == Hidden && owned != NoId {
                // Indistinguishable from an id nobody has.
                let (key, _) = ids.id(owned).unwrap();
                let mut missing = args.clone();
                missing.iter_mut().find(|(k, _)| *k == key).unwrap().1 = MISSING_ID.into();
                let answer = call(&app, &name, &missing, cookie).await;
                if answer != (status, body.clone()) {
                    verdict = Err(format!("{status} {body}, but a missing id gets {answer:?}"));
                }
            }
            if caller != Caller::Admin {
                let mut leaked: Vec<_> = b_secrets.iter().filter(|s| body.contains(*s)).collect();
                if serde_json::from_str::<Value>(&body).is_ok_and(|value| b_ids.contains(&value)) {
                    leaked.push(&body);
                }
                if !leaked.is_empty() {
                    verdict = Err(format!("leaks company B's {leaked:?}: {body}"));
                }
            }
            if let Err(why) = verdict {
                failures.push(format!("{name} ({class:?}) as {caller:?}: {why}"));
            }
            if name == ENDS_THE_SESSION && status == StatusCode::OK {
                a_contact = app.login_as(a.name).await;
            }
        }
        if caller == Caller::ContactOtherIds && b.own_view(&app, &b_contact).await != b_before {
            failures.push("company A's calls changed company B's data".into());
        }
    }
    assert!(
        failures.is_empty(),
        "{} cells failed:\n{}",
        failures.len(),
        failures.join("\n")
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
    app.fail_sign_ins("boris@contoso.example", 5).await;
    let right = app
        .login_raw("boris@contoso.example", server::seed::DEMO_PASSWORD)
        .await;
    assert_eq!(right.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        right.json::<serde_json::Value>().await.unwrap(),
        serde_json::json!({ "TooManyAttempts": { "wait_minutes": 15 } })
    );
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE kind = 'throttled'")
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
    let token = app.reset_token("anna@northwind.example").await;
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn writes_from_the_configured_public_origin_pass_a_proxy_that_rewrites_the_host() {
    let dir = std::sync::Arc::new(tempfile::tempdir().unwrap());
    let database_url = crate::common::fresh_database(dir.path()).await;
    let mut config = crate::common::config_for(&database_url, dir.path());
    config.public_url = "https://portal.example".into();
    let server = server::Application::build(config).await.unwrap();
    let app = TestApp::attach(&database_url, server.addr(), dir);
    tokio::spawn(server.run_until_stopped());

    let login = |origin: &'static str| {
        let app = &app;
        async move {
            app.client
                .post(format!("{}/api/login", app.base))
                .header("origin", origin)
                .form(&[
                    ("email", "boris@contoso.example"),
                    ("password", server::seed::DEMO_PASSWORD),
                ])
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    // The browser's origin is the public one; the Host the server sees is its own address.
    assert_eq!(login("https://portal.example").await, StatusCode::OK);
    assert_eq!(login("https://evil.example").await, StatusCode::FORBIDDEN);
    assert_eq!(login("null").await, StatusCode::FORBIDDEN);
}

/// The headers every response must carry, whoever answered it.
fn assert_request_id_and_security_headers(what: &str, headers: &reqwest::header::HeaderMap) {
    let id = headers
        .get("x-request-id")
        .unwrap_or_else(|| panic!("{what}: no x-request-id"))
        .to_str()
        .unwrap();
    assert!(
        id.len() == 16 && id.chars().all(|c| c.is_ascii_hexdigit()),
        "{what}: request id {id}"
    );
    for (name, value) in [
        ("x-content-type-options", Some("nosniff")),
        ("referrer-policy", Some("same-origin")),
        ("x-frame-options", Some("DENY")),
        // Pages carry their own (nonce) policy, everything else the fixed one.
        ("content-security-policy", None),
    ] {
        let got = headers
            .get(name)
            .unwrap_or_else(|| panic!("{what}: no {name}"))
            .to_str()
            .unwrap();
        if let Some(value) = value {
            assert_eq!(got, value, "{what}: {name}");
        } else {
            assert!(
                got.contains("frame-ancestors 'none'"),
                "{what}: {name} {got}"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_answer_carries_a_request_id_and_the_security_headers() {
    let app = spawn_app().await;
    let cookie = app.login_as("Contoso Logistics").await;
    let mut ids = std::collections::HashSet::new();
    let mut check = |what: &str, response: &reqwest::Response, status: StatusCode| {
        assert_eq!(response.status(), status, "{what}");
        assert_request_id_and_security_headers(what, response.headers());
        assert!(
            ids.insert(response.headers()["x-request-id"].clone()),
            "{what}: ids differ per request"
        );
    };

    let page = app.get("/login", None).await;
    check("a page", &page, StatusCode::OK);
    let missing_page = app.get("/no/such/page", None).await;
    check("a missing page", &missing_page, StatusCode::NOT_FOUND);
    let missing_file = app.get("/pkg/no-such-file.js", None).await;
    check("a missing file", &missing_file, StatusCode::NOT_FOUND);
    let health = app.get("/healthz", None).await;
    check("the health check", &health, StatusCode::OK);
    let served = app.call("dashboard", &[], Some(&cookie)).await;
    check("a server function", &served, StatusCode::OK);
    let anonymous = app.call("dashboard", &[], None).await;
    check("an anonymous call", &anonymous, StatusCode::UNAUTHORIZED);
    let malformed = app
        .call("order", &[("id", "not a number")], Some(&cookie))
        .await;
    check("malformed arguments", &malformed, StatusCode::BAD_REQUEST);
    let forged = app
        .client
        .post(format!("{}/api/dashboard", app.base))
        .header("cookie", &cookie)
        .header("origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    check("a cross-origin write", &forged, StatusCode::FORBIDDEN);
    let huge = "x".repeat(100 * 1024);
    let oversized = app
        .call(
            "login",
            &[("email", huge.as_str()), ("password", "x")],
            None,
        )
        .await;
    check(
        "an oversized body",
        &oversized,
        StatusCode::PAYLOAD_TOO_LARGE,
    );
}

/// Makes the session store fail to save (loading and deleting still work): the session layer
/// itself then answers 500, after the app has answered.
async fn refuse_session_writes(app: &TestApp) {
    let statements: &[&str] = if crate::common::is_postgres() {
        // tower-sessions' PostgreSQL store keeps its table in a schema of its own.
        &["ALTER TABLE tower_sessions.session ADD CONSTRAINT refuse_writes CHECK (false) NOT VALID"]
    } else {
        &[
            "CREATE TRIGGER refuse_session_inserts BEFORE INSERT ON tower_sessions
             BEGIN SELECT RAISE(ABORT, 'session writes refused'); END",
            "CREATE TRIGGER refuse_session_updates BEFORE UPDATE ON tower_sessions
             BEGIN SELECT RAISE(ABORT, 'session writes refused'); END",
        ]
    };
    let db = app.db().await;
    for statement in statements {
        sqlx::query(statement).execute(&db).await.unwrap();
    }
    db.close().await;
}

/// A 500 with the generic message quoting the request id, and the security headers.
async fn assert_generic_internal_error(what: &str, response: reqwest::Response) {
    assert_eq!(
        response.status(),
        StatusCode::INTERNAL_SERVER_ERROR,
        "{what}"
    );
    assert_request_id_and_security_headers(what, response.headers());
    let id = response.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_string();
    assert_eq!(
        response.text().await.unwrap(),
        json!({ "Internal": { "reference": id } }).to_string(),
        "{what}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failing_session_store_answers_a_500_with_the_request_id_and_the_headers() {
    let app = spawn_app().await;
    let cookie = app.login_as("Contoso Logistics").await;
    refuse_session_writes(&app).await;

    // Signing in succeeds in the app; storing the new session fails in the session layer.
    let sign_in = app
        .login_raw(
            crate::common::contact_email("Northwind Trading"),
            server::seed::DEMO_PASSWORD,
        )
        .await;
    assert!(
        crate::common::session_cookie(sign_in.headers()).is_none(),
        "no cookie for a session that was not stored"
    );
    assert_generic_internal_error("signing in", sign_in).await;

    // A signed-in call a few minutes on records the session's use, which cannot be saved.
    let clock = app.clock.clone().expect("in-process server");
    clock.advance(chrono::Duration::minutes(5));
    let signed_in = app.call("dashboard", &[], Some(&cookie)).await;
    assert_generic_internal_error("a signed-in call", signed_in).await;

    // With the session table gone, loading the session fails too.
    let rename = if crate::common::is_postgres() {
        "ALTER TABLE tower_sessions.session RENAME TO gone"
    } else {
        "ALTER TABLE tower_sessions RENAME TO gone"
    };
    sqlx::query(rename).execute(&app.db().await).await.unwrap();
    let gone = app.call("dashboard", &[], Some(&cookie)).await;
    assert_generic_internal_error("a signed-in call without sessions", gone).await;
    let page = app.get("/dashboard", Some(&cookie)).await;
    assert_request_id_and_security_headers("a page without sessions", page.headers());
}

async fn panics() -> &'static str {
    panic!("a handler bug")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_panic_or_a_bare_500_becomes_the_generic_answer_with_the_headers() {
    use axum::routing::get;
    use tower::ServiceExt;

    let app = server::startup::with_outer_layers(
        axum::Router::new().route("/panics", get(panics)).route(
            "/bare",
            get(|| async { axum::http::StatusCode::INTERNAL_SERVER_ERROR }),
        ),
    );
    for path in ["/panics", "/bare"] {
        let request = axum::http::Request::get(path)
            .body(axum::body::Body::empty())
            .unwrap();
        let response = app.clone().oneshot(request).await.unwrap();
        assert_eq!(response.status(), 500, "{path}");
        let headers: reqwest::header::HeaderMap = response
            .headers()
            .iter()
            .map(|(name, value)| {
                (
                    reqwest::header::HeaderName::from_bytes(name.as_ref()).unwrap(),
                    reqwest::header::HeaderValue::from_bytes(value.as_bytes()).unwrap(),
                )
            })
            .collect();
        assert_request_id_and_security_headers(path, &headers);
        let id = headers["x-request-id"].to_str().unwrap().to_string();
        let body = axum::body::to_bytes(response.into_body(), 1 << 20)
            .await
            .unwrap();
        assert_eq!(
            body,
            json!({ "Internal": { "reference": id } }).to_string(),
            "{path}"
        );
    }
}

/// Request headers as names and raw bytes (not necessarily UTF-8).
type RawHeaders<'a> = &'a [(&'a str, &'a [u8])];

/// A server-function call (POST) with `headers`, as the contact of `cookie`.
async fn write_with(app: &TestApp, cookie: &str, headers: RawHeaders<'_>) -> StatusCode {
    let mut request = app
        .client
        .post(format!("{}/api/dashboard", app.base))
        .header("cookie", cookie)
        .header("accept", "application/json");
    for (name, value) in headers {
        request = request.header(
            *name,
            reqwest::header::HeaderValue::from_bytes(value).unwrap(),
        );
    }
    request.send().await.unwrap().status()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_referer_decides_without_an_origin_and_unreadable_sources_are_refused() {
    let app = spawn_app().await;
    let cookie = app.login_as("Contoso Logistics").await;
    let ours = format!("{}/dashboard?tab=1", app.base);
    let in_path_only = format!("https://evil.example/{}", app.base);
    let cases: &[(&str, RawHeaders, StatusCode)] = &[
        ("no source", &[], StatusCode::OK),
        (
            "a referer of this host",
            &[("referer", ours.as_bytes())],
            StatusCode::OK,
        ),
        (
            "a referer of another host",
            &[("referer", b"https://evil.example/dashboard")],
            StatusCode::FORBIDDEN,
        ),
        (
            "a referer naming this host in its path only",
            &[("referer", in_path_only.as_bytes())],
            StatusCode::FORBIDDEN,
        ),
        (
            "an origin that is not UTF-8",
            &[("origin", b"https://\xff\xfe.example")],
            StatusCode::FORBIDDEN,
        ),
        (
            "a referer that is not UTF-8",
            &[("referer", b"https://evil.example/\xff")],
            StatusCode::FORBIDDEN,
        ),
        (
            "an unreadable origin with a good referer",
            &[("origin", b"http://\xc0"), ("referer", ours.as_bytes())],
            StatusCode::FORBIDDEN,
        ),
        (
            "an empty origin",
            &[("origin", b"http://")],
            StatusCode::FORBIDDEN,
        ),
        (
            "this host in other letter case",
            &[("host", b"portal.test"), ("origin", b"https://PORTAL.Test")],
            StatusCode::OK,
        ),
    ];
    for (what, headers, expected) in cases {
        assert_eq!(
            write_with(&app, &cookie, headers).await,
            *expected,
            "{what}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_tiny_failed_answers_are_read_to_correct_their_status() {
    use axum::http::StatusCode as Status;
    use axum::routing::get;
    use tower::ServiceExt;

    let big = "x".repeat(100 * 1024);
    let app = axum::Router::new()
        .route(
            "/bad-request",
            get(|| async { (Status::INTERNAL_SERVER_ERROR, r#""BadRequest""#) }),
        )
        .route("/big", {
            let big = big.clone();
            get(|| async move { (Status::INTERNAL_SERVER_ERROR, big) })
        })
        .route(
            "/streamed",
            get(|| async {
                let chunks = ["\"Bad", "Request\""]
                    .map(|chunk| Ok::<_, std::io::Error>(axum::body::Bytes::from(chunk)));
                (
                    Status::INTERNAL_SERVER_ERROR,
                    axum::body::Body::from_stream(futures::stream::iter(chunks)),
                )
            }),
        )
        .layer(axum::middleware::map_response(
            server::bad_requests::malformed_arguments_are_client_errors,
        ));
    for (path, status, body) in [
        ("/bad-request", Status::BAD_REQUEST, r#""BadRequest""#),
        ("/big", Status::INTERNAL_SERVER_ERROR, big.as_str()),
        // Of unknown length: passed on untouched, unread.
        (
            "/streamed",
            Status::INTERNAL_SERVER_ERROR,
            r#""BadRequest""#,
        ),
    ] {
        let request = axum::http::Request::get(path)
            .body(axum::body::Body::empty())
            .unwrap();
        let response = app.clone().oneshot(request).await.unwrap();
        assert_eq!(response.status(), status, "{path}");
        let got = axum::body::to_bytes(response.into_body(), 1 << 20)
            .await
            .unwrap();
        assert_eq!(got, body.as_bytes(), "{path}");
    }
}
