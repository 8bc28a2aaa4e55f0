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
async fn money_and_dates_round_trip_exactly() {
    let app = spawn_app().await;
    let admin = app.login_admin().await;
    let added = app
        .answer(
            "admin_add_product",
            &[
                ("name", "Round Trip"),
                ("version", "10.0.1"),
                ("price", "999999999.99"),
                ("valid_from", "2028-02-29"),
            ],
            &admin,
        )
        .await;
    assert_eq!(added.status, StatusCode::OK, "{}", added.body);
    let cheap = app.product_id("Round Trip").await.to_string();
    let second = app
        .answer(
            "admin_add_price",
            &[
                ("product_id", &cheap),
                ("price", "0.01"),
                ("valid_from", "2028-03-01"),
            ],
            &admin,
        )
        .await;
    assert_eq!(second.status, StatusCode::OK);
    let catalog = app.answer("admin_catalog", &[], &admin).await.body;
    let product = catalog["products"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Round Trip")
        .unwrap()
        .clone();
    assert_eq!(product["latest_version"], "10.0.1");
    assert_eq!(product["prices"][0]["valid_from"], "2028-02-29");
    assert_eq!(product["prices"][0]["price"], "999999999.99");
    assert_eq!(product["prices"][1]["price"], "0.01");
    let minor = app
        .count("SELECT unit_price_minor FROM price_list_entries WHERE valid_from = '2028-02-29'")
        .await;
    assert_eq!(minor, 99_999_999_999);
}
