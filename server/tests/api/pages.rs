//! Server-rendered pages and operational endpoints.

use crate::common::{spawn_app, spawn_app_with};
use reqwest::header::{CACHE_CONTROL, LOCATION};
use reqwest::StatusCode;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_check_answers_when_the_database_does() {
    let app = spawn_app().await;
    let response = app.get("/healthz", None).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.text().await.unwrap(), "ok");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn anonymous_dashboard_visit_redirects_to_login() {
    let app = spawn_app().await;
    let response = app.get("/dashboard", None).await;
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(response.headers()[LOCATION], "/login");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dashboard_is_rendered_on_the_server() {
    let app = spawn_app().await;
    let cookie = app.login_as("Contoso Logistics").await;
    let response = app.get("/dashboard", Some(&cookie)).await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.unwrap();
    for expected in [
        "Contoso Logistics",
        "Terrasoft CRM Mobile",
        "Standard",
        "Total licenses",
    ] {
        assert!(html.contains(expected), "dashboard HTML lacks {expected:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_login_page_works_without_javascript() {
    let app = spawn_app().await;
    let html = app.get("/login", None).await.text().await.unwrap();
    assert!(html.contains(r#"action="/api/login""#), "{html}");
    assert!(html.contains(r#"method="post""#));
    let html = app
        .get("/login?error=credentials", None)
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("The email or password is incorrect."));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_plan_comparison_is_public_and_read_from_the_database() {
    let app = spawn_app().await;
    let response = app.get("/plans", None).await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.unwrap();
    for expected in [
        "Basic",
        "Standard",
        "Premium",
        "10%",
        "20%",
        "50%",
        "4 business hours",
        "Companies owning 5+ licenses",
        "Database structure and integration with third-party applications",
    ] {
        assert!(html.contains(expected), "plans page lacks {expected:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_plans_page_shows_what_the_database_holds_now() {
    let app = spawn_app().await;
    sqlx::query("UPDATE plans SET name = 'Basic Plus', percent_bp = 1234 WHERE tier = 'basic'")
        .execute(&app.db().await)
        .await
        .unwrap();
    let html = app.get("/plans", None).await.text().await.unwrap();
    assert!(
        html.contains("Basic Plus") && html.contains("12.34%"),
        "{html}"
    );
    assert!(!html.contains(">10%<"), "the old percentage is gone");
}

/// The nonce of a page's policy, and how many times the page's HTML names it.
async fn nonce_and_uses(response: reqwest::Response) -> (String, usize, String) {
    let policy = response.headers()[reqwest::header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .to_owned();
    let nonce = policy
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .expect("a page's policy names a nonce")
        .to_owned();
    let html = response.text().await.unwrap();
    let uses = html.matches(&format!("nonce=\"{nonce}\"")).count();
    let page = html.replace(&nonce, "NONCE");
    (nonce, uses, page)
}

/// Issue 18: anonymous visitors share one rendering of /login and /plans for a second, and
/// every answer still carries a nonce of its own, in its policy and in its scripts alike.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shared_pages_give_every_answer_its_own_nonce() {
    let app = spawn_app().await;
    for path in ["/plans", "/login"] {
        let mut nonces = std::collections::HashSet::new();
        let mut pages = std::collections::HashSet::new();
        for _ in 0..4 {
            let (nonce, uses, page) = nonce_and_uses(app.get(path, None).await).await;
            assert_eq!(nonce.len(), 22, "{path}: a 128-bit nonce, base64url");
            assert!(
                uses >= 2,
                "{path}: the scripts carry the policy's nonce ({uses} uses)"
            );
            assert!(nonces.insert(nonce), "{path}: a nonce was served twice");
            pages.insert(page);
        }
        assert_eq!(pages.len(), 1, "{path}: apart from the nonce, one page");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shared_pages_follow_edits_at_once_and_other_writers_within_a_second() {
    let app = spawn_app().await;
    assert!(app
        .get("/plans", None)
        .await
        .text()
        .await
        .unwrap()
        .contains(">10%<"));

    // An admin's edit through this instance shows on the next visit.
    let admin = app.login_admin().await;
    let form = [
        ("tier", "basic"),
        ("percent", "11"),
        ("min_licenses", "0"),
        ("response_amount", "3"),
        ("response_unit", "business_days"),
        ("deployment_and_adjusting", "on"),
        ("version_update", "on"),
        ("functional_features", "on"),
    ];
    let edit = app.call("admin_update_plan", &form, Some(&admin)).await;
    assert_eq!(
        edit.status(),
        StatusCode::OK,
        "{}",
        edit.text().await.unwrap()
    );
    let rendered = std::time::Instant::now();
    let html = app.get("/plans", None).await.text().await.unwrap();
    assert!(html.contains(">11%<"), "the edit shows at once");

    // A change this process did not make (another instance's, here a direct write) shows
    // once the shared copy is a second old, and not before.
    sqlx::query("UPDATE plans SET percent_bp = 1200 WHERE tier = 'basic'")
        .execute(&app.db().await)
        .await
        .unwrap();
    let html = app.get("/plans", None).await.text().await.unwrap();
    // (Unless this machine took most of that second to get here.)
    if rendered.elapsed() < std::time::Duration::from_millis(800) {
        assert!(html.contains(">11%<"), "answered from the shared copy");
    }
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let html = app.get("/plans", None).await.text().await.unwrap();
    assert!(html.contains(">12%<"), "a second later, rendered again");
}

/// A page that shows a failure is marked `no-store` and never becomes the shared copy.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_render_is_not_shared() {
    let app = spawn_app().await;
    let db = app.db().await;
    sqlx::query("ALTER TABLE plan_consultation_areas RENAME TO areas_away")
        .execute(&db)
        .await
        .unwrap();
    let failed = app.get("/plans", None).await;
    assert_eq!(failed.headers()[CACHE_CONTROL], "no-store");
    assert!(!failed.text().await.unwrap().contains(">10%<"));
    sqlx::query("ALTER TABLE areas_away RENAME TO plan_consultation_areas")
        .execute(&db)
        .await
        .unwrap();
    let html = app.get("/plans", None).await.text().await.unwrap();
    assert!(html.contains(">10%<"), "rendered afresh: {html}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shared_pages_are_per_language_and_never_for_a_session() {
    let app = spawn_app().await;
    let english = app.get("/plans", None).await.text().await.unwrap();
    let ukrainian = app.page_in("/plans", "uk").await;
    assert!(english.contains(r#"<html lang="en""#));
    assert!(ukrainian.contains(r#"<html lang="uk""#), "{ukrainian}");
    // The switcher's cookie, the one cookie a shared page may be answered to, keys it too.
    let chosen = app
        .get("/plans", Some("lang=ru"))
        .await
        .text()
        .await
        .unwrap();
    assert!(chosen.contains(r#"<html lang="ru""#), "{chosen}");

    // A signed-in contact's plans page is rendered for them (their header, not "Sign in").
    let cookie = app.login_as("Contoso Logistics").await;
    let signed_in = app.get("/plans", Some(&cookie)).await.text().await.unwrap();
    assert!(english.contains(r#"href="/login""#));
    assert!(!signed_in.contains(r#"<a href="/login">"#), "{signed_in}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_pages_are_404() {
    let app = spawn_app().await;
    assert_eq!(
        app.get("/no-such-page", None).await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn static_bundle_is_served_with_revalidation_headers() {
    // Tests run without a built site: serve a real file from a site root of our own.
    let site = tempfile::tempdir().unwrap();
    std::fs::create_dir(site.path().join("pkg")).unwrap();
    std::fs::write(
        site.path().join("pkg/portal.css"),
        "body { color: #123456 }",
    )
    .unwrap();
    let root = site.path().display().to_string();
    let app = spawn_app_with(|config| config.site_root = root).await;
    let response = app.get("/pkg/portal.css", None).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[CACHE_CONTROL], "no-cache");
    assert_eq!(response.text().await.unwrap(), "body { color: #123456 }");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dashboard_calls_for_renewal_from_sixty_days_before_the_end() {
    let app = spawn_app().await;
    let cookie = app.login_as("Contoso Logistics").await;
    let html = app
        .get("/dashboard", Some(&cookie))
        .await
        .text()
        .await
        .unwrap();
    assert!(!html.contains("renewal-cta"), "245 days left: no call yet");

    // Today is 2026-11-25: an end on 2027-01-23 leaves 60 days, counting today.
    sqlx::query("UPDATE contracts SET end_date = '2027-01-23' WHERE end_date = '2027-07-27'")
        .execute(&app.db().await)
        .await
        .unwrap();
    let html = app
        .get("/dashboard", Some(&cookie))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("renewal-cta"));
    assert!(html.contains("Your support ends in 60 days."));

    // Renewed ahead: support runs on through the signed renewal, so no call any more, and the
    // card says until when.
    let renewed = app.buy_support(&cookie, "standard", "1").await;
    assert_eq!(renewed.status, StatusCode::OK, "{}", renewed.body);
    let html = app
        .get("/dashboard", Some(&cookie))
        .await
        .text()
        .await
        .unwrap();
    assert!(!html.contains("renewal-cta"), "renewed until 2028-01-23");
    assert!(html.contains("2028-01-23"), "{html}");
    let (_, dashboard) = app.dashboard(Some(&cookie)).await;
    assert_eq!(
        dashboard["contract"]["Active"]["covered_until"],
        "2028-01-23"
    );
    assert_eq!(dashboard["contract"]["Active"]["coverage_days_left"], 425);
}
