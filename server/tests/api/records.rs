//! Issue 19: catalogue and company records stay consistent. Each observation of the issue,
//! with its exact input, is refused with a clear message and changes nothing: declared
//! versions only move forward, names are unique up to case and spacing, and typed money and
//! percentages have one strict shape.

use std::path::Path;

use reqwest::StatusCode;
use sqlx::migrate::Migrator;
use sqlx::Row;

use crate::common::{assert_same_database, fresh_database, is_postgres, spawn_app, TestApp};

/// The user-facing message of an `AppError::Invalid` answer.
fn invalid(answer: &crate::common::Answer) -> String {
    answer.body["Invalid"]
        .as_str()
        .unwrap_or_else(|| panic!("an Invalid refusal: {} {}", answer.status, answer.body))
        .to_string()
}

impl TestApp {
    /// Sends `form` to `endpoint` as the admin, expects a 422 refusal whose message `check`
    /// accepts, and proves the database is exactly as before.
    async fn refused_without_change(
        &self,
        admin: &str,
        endpoint: &str,
        form: &[(&str, &str)],
        check: impl FnOnce(&str),
    ) {
        let before = self.snapshot().await;
        let answer = self.answer(endpoint, form, admin).await;
        assert_eq!(
            answer.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{endpoint} {form:?}: {}",
            answer.body
        );
        check(&invalid(&answer));
        assert_same_database(
            &before,
            &self.snapshot().await,
            &format!("{endpoint} {form:?}"),
        );
    }

    async fn latest_version(&self, product: &str) -> String {
        let row = sqlx::query("SELECT latest_version FROM products WHERE name = $1")
            .bind(product)
            .fetch_one(&self.db().await)
            .await
            .unwrap();
        row.get(0)
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_latest_declared_version_only_moves_forward() {
    let app = spawn_app().await;
    let admin = app.login_admin().await;
    let crm = app.product_id("Terrasoft CRM").await.to_string();
    assert_eq!(app.latest_version("Terrasoft CRM").await, "3.4.1", "seed");
    let declare = |version| [("product_id", crm.as_str()), ("version", version)];

    let newer = app
        .answer("admin_declare_version", &declare("3.4.2"), &admin)
        .await;
    assert_eq!(newer.status, StatusCode::OK, "{}", newer.body);
    assert_eq!(app.latest_version("Terrasoft CRM").await, "3.4.2");

    // 3.4.1.0 is 3.4.1 (trailing zeros), 3.4 is older still, and 3.4.2 is the latest itself.
    let refusals = [
        (
            "3.4.1.0",
            "Version 3.4.1.0 is older than Terrasoft CRM's latest version 3.4.2; \
             declare a newer version than 3.4.2.",
        ),
        (
            "3.4",
            "Version 3.4 is older than Terrasoft CRM's latest version 3.4.2; \
             declare a newer version than 3.4.2.",
        ),
        (
            "3.4.2",
            "Terrasoft CRM is already at version 3.4.2 (3.4.2 is the same version); \
             declare a newer version than 3.4.2.",
        ),
    ];
    for (version, message) in refusals {
        app.refused_without_change(&admin, "admin_declare_version", &declare(version), |got| {
            assert_eq!(got, message, "{version}")
        })
        .await;
    }
    assert_eq!(app.latest_version("Terrasoft CRM").await, "3.4.2");

    // Numeric order: 3.10.0 is after 3.9, so 3.9.0 cannot follow it.
    let ten = app
        .answer("admin_declare_version", &declare("3.10.0"), &admin)
        .await;
    assert_eq!(ten.status, StatusCode::OK, "{}", ten.body);
    app.refused_without_change(&admin, "admin_declare_version", &declare("3.9.0"), |got| {
        assert_eq!(
            got,
            "Version 3.9.0 is older than Terrasoft CRM's latest version 3.10.0; \
             declare a newer version than 3.10.0."
        )
    })
    .await;
    assert_eq!(app.latest_version("Terrasoft CRM").await, "3.10.0");
    assert_eq!(
        app.count("SELECT COUNT(*) FROM audit_log WHERE kind = 'version_declared'")
            .await,
        2,
        "only the two accepted declarations are audited"
    );

    // A contact updated to 3.10.0 sees 3.10.0 as the latest, not an older one.
    let northwind = app.company_id("Northwind Trading").await.to_string();
    let updated = app
        .answer(
            "admin_record_version_update",
            &[("company_id", &northwind), ("product_id", &crm)],
            &admin,
        )
        .await;
    assert_eq!(updated.status, StatusCode::OK, "{}", updated.body);
    let anna = app.login_as("Northwind Trading").await;
    let (_, dashboard) = app.dashboard(Some(&anna)).await;
    let holding = dashboard["holdings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["product"] == "Terrasoft CRM")
        .unwrap_or_else(|| panic!("a CRM holding: {dashboard}"));
    assert_eq!(
        (&holding["installed_version"], &holding["latest_version"]),
        (&"3.10.0".into(), &"3.10.0".into())
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn product_and_company_names_are_unique_whatever_their_case_and_spacing() {
    let app = spawn_app().await;
    let admin = app.login_admin().await;
    for name in ["terrasoft crm", "Terrasoft  CRM", " TERRASOFT\u{a0}crm "] {
        app.refused_without_change(
            &admin,
            "admin_add_product",
            &[
                ("name", name),
                ("version", "1.0"),
                ("price", "10.00"),
                ("valid_from", "2026-12-01"),
            ],
            |got| {
                assert_eq!(
                    got,
                    "A product named \"Terrasoft CRM\" already exists; names that differ \
                     only in capitals or spaces count as the same.",
                    "{name:?}"
                )
            },
        )
        .await;
    }
    let mails = app.mail_count();
    app.refused_without_change(
        &admin,
        "admin_create_company",
        &[
            ("name", "northwind trading"),
            ("contact_name", "Nina"),
            ("contact_email", "nina@northwind-two.example"),
        ],
        |got| {
            assert_eq!(
                got,
                "A company named \"Northwind Trading\" already exists; names that differ \
                 only in capitals or spaces count as the same."
            )
        },
    )
    .await;
    assert_eq!(app.mail_count(), mails, "no invitation sent");

    // A name that only contains an existing one is a different name.
    let distinct = app
        .answer(
            "admin_add_product",
            &[
                ("name", "Terrasoft CRM Cloud"),
                ("version", "1.0"),
                ("price", "10.00"),
                ("valid_from", "2026-12-01"),
            ],
            &admin,
        )
        .await;
    assert_eq!(distinct.status, StatusCode::OK, "{}", distinct.body);
    let company = app
        .answer(
            "admin_create_company",
            &[
                ("name", "Northwind  Trading East"),
                ("contact_name", "Nina"),
                ("contact_email", "nina@northwind-east.example"),
            ],
            &admin,
        )
        .await;
    assert_eq!(company.status, StatusCode::OK, "{}", company.body);
    // Stored with the key the domain computes.
    let key: String = sqlx::query("SELECT name_key FROM companies WHERE name = $1")
        .bind("Northwind  Trading East")
        .fetch_one(&app.db().await)
        .await
        .unwrap()
        .get(0);
    assert_eq!(key, "northwind trading east");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_prices_are_digits_with_at_most_two_decimals() {
    let app = spawn_app().await;
    let admin = app.login_admin().await;
    let crm = app.product_id("Terrasoft CRM").await.to_string();
    for price in ["1e3", "+5.00", "5.", "007.00"] {
        app.refused_without_change(
            &admin,
            "admin_add_price",
            &[
                ("product_id", &crm),
                ("price", price),
                ("valid_from", "2026-12-01"),
            ],
            |got| assert_eq!(got, app::i18n::t("err-price"), "{price}"),
        )
        .await;
        // The new-product form uses the same parser.
        app.refused_without_change(
            &admin,
            "admin_add_product",
            &[
                ("name", "Terrasoft Strict"),
                ("version", "1.0"),
                ("price", price),
                ("valid_from", "2026-12-01"),
            ],
            |got| assert_eq!(got, app::i18n::t("err-price"), "{price}"),
        )
        .await;
    }

    // The decimal comma, as Ukrainian and Russian users type it.
    let comma = app
        .answer(
            "admin_add_price",
            &[
                ("product_id", &crm),
                ("price", "900,00"),
                ("valid_from", "2026-12-01"),
            ],
            &admin,
        )
        .await;
    assert_eq!(comma.status, StatusCode::OK, "{}", comma.body);
    assert_eq!(
        app.count(&format!(
            "SELECT unit_price_minor FROM price_list_entries
              WHERE product_id = {crm} AND valid_from = '2026-12-01'"
        ))
        .await,
        90_000
    );
    let catalog = app.answer("admin_catalog", &[], &admin).await;
    let crm_row = catalog.body["products"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Terrasoft CRM")
        .unwrap();
    assert!(
        crm_row["prices"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["valid_from"] == "2026-12-01" && e["price"] == "900.00"),
        "{crm_row}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plan_percentages_and_contact_emails_have_the_same_strict_shape() {
    let app = spawn_app().await;
    let admin = app.login_admin().await;
    let plan = |percent: &'static str| crate::common::standard_plan_form(percent, "1");
    for percent in ["1e1", "+10", "10.", "020", "12.345"] {
        app.refused_without_change(&admin, "admin_update_plan", &plan(percent), |got| {
            assert_eq!(got, app::i18n::t("err-percent"), "{percent}")
        })
        .await;
    }
    let comma = app.answer("admin_update_plan", &plan("12,5"), &admin).await;
    assert_eq!(comma.status, StatusCode::OK, "{}", comma.body);
    assert_eq!(
        app.count("SELECT percent_bp FROM plans WHERE tier = 'standard'")
            .await,
        1_250
    );

    for email in [
        "nina..k@example.com",
        "<nina>@example.com",
        "nina,ops@example.com",
        "nina@example..com",
        "\"nina\"@example.com",
    ] {
        app.refused_without_change(
            &admin,
            "admin_create_company",
            &[
                ("name", "Strict Mail Ltd"),
                ("contact_name", "Nina"),
                ("contact_email", email),
            ],
            |got| assert_eq!(got, app::i18n::t("err-email"), "{email}"),
        )
        .await;
    }
}

/// The migration keys the rows that exist before it exactly as `domain::name_key` would (for
/// the seed's names), and keeps rows whose names already clash, with distinct keys.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_name_key_migration_keys_existing_rows_and_keeps_clashing_ones() {
    let dir = tempfile::tempdir().unwrap();
    let mut url = fresh_database(dir.path()).await;
    let engine = if is_postgres() {
        "postgres"
    } else {
        url.push_str("?mode=rwc");
        "sqlite"
    };
    let migrations = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../migrations")
        .join(engine);
    let all = Migrator::new(migrations.as_path()).await.unwrap();
    let mut before = Migrator::new(migrations.as_path()).await.unwrap();
    before.migrations = all
        .migrations
        .iter()
        .filter(|m| m.version < 5)
        .cloned()
        .collect::<Vec<_>>()
        .into();
    sqlx::any::install_default_drivers();
    let db = sqlx::AnyPool::connect(&url).await.unwrap();
    before.run(&db).await.unwrap();

    let mut companies: Vec<&str> = server::seed::DEMO_COMPANIES
        .iter()
        .map(|c| c.name)
        .collect();
    companies.extend(["northwind  trading", " Contoso   LOGISTICS"]);
    for name in &companies {
        sqlx::query("INSERT INTO companies (name, created_at) VALUES ($1, '2026-01-01')")
            .bind(*name)
            .execute(&db)
            .await
            .unwrap();
    }
    let products: Vec<&str> = server::seed::PRODUCTS
        .iter()
        .map(|(name, _, _)| *name)
        .collect();
    for name in &products {
        sqlx::query("INSERT INTO products (name, latest_version) VALUES ($1, '1.0')")
            .bind(*name)
            .execute(&db)
            .await
            .unwrap();
    }

    all.run(&db).await.unwrap();

    for table in ["companies", "products"] {
        let rows = sqlx::query(&format!(
            "SELECT id, name, name_key FROM {table} ORDER BY id"
        ))
        .fetch_all(&db)
        .await
        .unwrap();
        for row in rows {
            let (id, name, key): (i64, String, String) = (row.get(0), row.get(1), row.get(2));
            let expected = match name.as_str() {
                // Clashing with an older row: kept, with a key of its own.
                "northwind  trading" | " Contoso   LOGISTICS" => {
                    format!("{} #{id}", domain::name_key(&name))
                }
                _ => domain::name_key(&name),
            };
            assert_eq!(key, expected, "{table} {name:?}");
        }
    }

    // From now on a row needs its key, and keys are unique.
    let keyless = sqlx::query("INSERT INTO products (name, latest_version) VALUES ('New', '1.0')")
        .execute(&db)
        .await;
    assert!(keyless.is_err(), "a product without a name key");
    let keyless = sqlx::query("INSERT INTO companies (name, created_at) VALUES ('New', 'x')")
        .execute(&db)
        .await;
    assert!(keyless.is_err(), "a company without a name key");
    let clash = sqlx::query(
        "INSERT INTO products (name, name_key, latest_version)
         VALUES ('terrasoft crm', 'terrasoft crm', '1.0')",
    )
    .execute(&db)
    .await;
    assert!(clash.is_err(), "a second product keyed 'terrasoft crm'");
    db.close().await;
}
