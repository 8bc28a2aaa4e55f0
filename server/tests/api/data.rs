//! Database life cycle: migrations and demo seeding.

use crate::common::{spawn_app, spawn_sibling};
use reqwest::StatusCode;
use sqlx::Row;

const TABLES: [&str; 10] = [
    "companies",
    "contacts",
    "admins",
    "products",
    "price_list_entries",
    "plans",
    "plan_consultation_areas",
    "consultation_areas",
    "holdings",
    "contracts",
];

async fn row_counts(db: &sqlx::AnyPool) -> Vec<i64> {
    let mut counts = Vec::new();
    for table in TABLES {
        let row = sqlx::query(&format!("SELECT COUNT(*) AS n FROM {table}"))
            .fetch_one(db)
            .await
            .unwrap();
        counts.push(row.get::<i64, _>("n"));
    }
    counts
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn migrations_build_an_empty_database_and_restart_is_idempotent() {
    let app = spawn_app().await;
    let db = app.db().await;
    let applied: i64 = sqlx::query("SELECT COUNT(*) AS n FROM _sqlx_migrations")
        .fetch_one(&db)
        .await
        .unwrap()
        .get("n");
    assert!(applied >= 1);
    // A second start on the same file migrates nothing and comes up healthy.
    let again = spawn_sibling(&app).await;
    assert_eq!(again.get("/healthz", None).await.status(), StatusCode::OK);
    let applied_again: i64 = sqlx::query("SELECT COUNT(*) AS n FROM _sqlx_migrations")
        .fetch_one(&db)
        .await
        .unwrap()
        .get("n");
    assert_eq!(applied, applied_again);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_seeding_twice_changes_nothing() {
    let app = spawn_app().await;
    let db = app.db().await;
    let before = row_counts(&db).await;
    assert_eq!(before[0], 6, "four demo situations and two spare companies");
    assert_eq!(before[3], 18, "the 18 products of SPEC.md");
    assert_eq!(before[5], 3, "three plans");
    let _again = spawn_sibling(&app).await; // seeds again on start-up
    assert_eq!(row_counts(&db).await, before);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_companies_cover_each_situation() {
    let app = spawn_app().await;
    let (_, contoso) = app
        .dashboard(Some(&app.login_as("Contoso Logistics").await))
        .await;
    assert_eq!(contoso["total_licenses"], 7);
    assert_eq!(contoso["contract"]["Active"]["plan_name"], "Standard");
    assert_eq!(contoso["contract"]["Active"]["days_left"], 245);

    let (_, northwind) = app
        .dashboard(Some(&app.login_as("Northwind Trading").await))
        .await;
    assert_eq!(northwind["contract"], "None");

    let (_, fabrikam) = app
        .dashboard(Some(&app.login_as("Fabrikam Clinics").await))
        .await;
    let outdated: Vec<_> = fabrikam["holdings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h["update_available"] == true)
        .map(|h| h["product"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(outdated, ["HIS Medicine"]);

    let (_, tailspin) = app
        .dashboard(Some(&app.login_as("Tailspin Tours").await))
        .await;
    assert_eq!(tailspin["contract"]["Lapsed"]["ended"], "2026-10-15");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn money_is_stored_exactly_as_integer_minor_units() {
    let app = spawn_app().await;
    let price: i64 = sqlx::query(
        "SELECT e.unit_price_minor AS p FROM price_list_entries e
           JOIN products p ON p.id = e.product_id WHERE p.name = 'Terrasoft Loyalty'",
    )
    .fetch_one(&app.db().await)
    .await
    .unwrap()
    .get("p");
    assert_eq!(price, 33_333);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_database_refuses_a_second_active_contact() {
    let app = spawn_app().await;
    let result = sqlx::query(
        "INSERT INTO contacts (company_id, name, email, created_at)
         SELECT company_id, 'Second', 'second@contoso.example', '2026-11-25T00:00:00Z'
           FROM contacts WHERE email = 'boris@contoso.example'",
    )
    .execute(&app.db().await)
    .await;
    assert!(
        result.is_err(),
        "R3: one active contact per company is a constraint"
    );
}
