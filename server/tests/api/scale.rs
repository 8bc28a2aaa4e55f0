//! Several stateless instances on one database (issue 6): shared sessions, one order per key
//! and one contract per company whichever instance takes the request, and migrations that
//! run once when instances start together. The second instance is a separate OS process
//! (the real binary). Runs on both engines.

use reqwest::StatusCode;

use crate::common::{fresh_database, join_all, spawn_app, spawn_process, TestApp};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_session_made_on_one_instance_works_on_the_other_until_logout_anywhere() {
    let a = spawn_app().await;
    let b = spawn_process(&a).await;
    let cookie = a.login_as("Contoso Logistics").await;
    assert_eq!(b.dashboard(Some(&cookie)).await.0, StatusCode::OK);
    let logout = b.call("logout", &[], Some(&cookie)).await;
    assert_eq!(logout.status(), StatusCode::OK);
    assert_eq!(a.dashboard(Some(&cookie)).await.0, StatusCode::UNAUTHORIZED);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hundred_confirms_of_one_order_across_two_instances_place_one_order() {
    let a = spawn_app().await;
    let b = spawn_process(&a).await;
    let anna = a.login_as("Northwind Trading").await;
    let quote = a.support_quote(&anna, "standard", "1").await.body;
    let instances: [&TestApp; 2] = [&a, &b];
    let answers = join_all(
        (0..100).map(|i| instances[i % 2].confirm_support(&anna, "standard", "1", &quote)),
    )
    .await;
    let ids: std::collections::BTreeSet<_> = answers
        .iter()
        .map(|x| {
            assert_eq!(x.status, StatusCode::OK, "{}", x.body);
            x.body.as_i64().unwrap()
        })
        .collect();
    assert_eq!(ids.len(), 1);
    assert_eq!(a.count("SELECT COUNT(*) FROM orders").await, 1);
    assert_eq!(a.count("SELECT COUNT(*) FROM invoices").await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_purchases_with_different_keys_across_instances_make_one_contract() {
    let a = spawn_app().await;
    let b = spawn_process(&a).await;
    let anna = a.login_as("Northwind Trading").await;
    let mut quotes = Vec::new();
    for _ in 0..20 {
        quotes.push(a.support_quote(&anna, "basic", "1").await.body);
    }
    let instances: [&TestApp; 2] = [&a, &b];
    let answers = join_all(
        quotes
            .iter()
            .enumerate()
            .map(|(i, q)| instances[i % 2].confirm_support(&anna, "basic", "1", q)),
    )
    .await;
    assert_eq!(
        answers
            .iter()
            .filter(|x| x.status == StatusCode::OK)
            .count(),
        1
    );
    let northwind = a.company_id("Northwind Trading").await;
    assert_eq!(
        a.count(&format!(
            "SELECT COUNT(*) FROM contracts WHERE company_id = {northwind}"
        ))
        .await,
        1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_starting_together_on_an_empty_database_migrate_once() {
    let dir = tempfile::tempdir().unwrap();
    let url = fresh_database(dir.path()).await;
    let (first, second) = tokio::join!(
        server::Application::build(crate::common::config_for(&url, dir.path())),
        server::Application::build(crate::common::config_for(&url, dir.path())),
    );
    let (first, second) = (
        first.expect("first instance up"),
        second.expect("second instance up"),
    );
    let probe = TestApp::attach(&url, first.addr(), std::sync::Arc::new(dir));
    tokio::spawn(first.run_until_stopped());
    tokio::spawn(second.run_until_stopped());
    assert_eq!(probe.get("/healthz", None).await.status(), StatusCode::OK);
    let duplicates = probe
        .count("SELECT COUNT(*) - COUNT(DISTINCT version) FROM _sqlx_migrations")
        .await;
    assert_eq!(duplicates, 0, "each migration is recorded once");
    assert!(probe.count("SELECT COUNT(*) FROM _sqlx_migrations").await >= 2);
    assert_eq!(
        probe.count("SELECT COUNT(*) FROM companies").await,
        6,
        "seeded once"
    );
}

/// Starting a server generates the app's route list, which suppresses resource loads process
/// wide while it runs (leptos-rs/leptos#4773): a page rendered meanwhile by another server in
/// the same process used to wait forever. Servers now share one route list, generated once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_render_while_another_server_in_the_process_starts() {
    let a = spawn_app().await;
    let cookie = a.login_as("Contoso Logistics").await;
    let starting = async {
        for _ in 0..20 {
            drop(crate::common::spawn_sibling(&a).await);
        }
    };
    let rendering = async {
        for _ in 0..100 {
            let page = tokio::time::timeout(
                std::time::Duration::from_secs(20),
                a.get("/dashboard", Some(&cookie)),
            )
            .await
            .expect("the page renders while servers start");
            assert_eq!(page.status(), StatusCode::OK);
        }
    };
    tokio::join!(starting, rendering);
}
