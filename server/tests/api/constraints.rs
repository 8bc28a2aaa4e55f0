//! Every database constraint a request can reach answers with its own 4xx, never a 500
//! (`app::store::constraint`). Each case runs a control statement that succeeds first, so the
//! refusal is the constraint's and not any error, then checks which answer it maps to.

use app::error::AppError;
use app::store::constraint;

use crate::common::{insert_contract_sql, spawn_app, TestApp};

const NOW: &str = "2026-11-25T00:00:00Z";

async fn run(app: &TestApp, sql: &str) -> Result<(), sqlx::Error> {
    sqlx::query(sql).execute(&app.db().await).await.map(|_| ())
}

/// `control` succeeds; `violation` is refused by the constraint mapped to `expected`.
async fn check(app: &TestApp, what: &str, control: &str, violation: &str, expected: AppError) {
    run(app, control)
        .await
        .unwrap_or_else(|e| panic!("{what}: control statement failed: {e}"));
    let error = run(app, violation)
        .await
        .expect_err(&format!("{what}: the database accepted the violation"));
    let answer = constraint::refusal(&error)
        .unwrap_or_else(|| panic!("{what}: not seen as a constraint violation: {error}"));
    assert_eq!(answer, expected, "{what}: {error}");
    assert!((400..500).contains(&answer.status_code()), "{what}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_reachable_constraint_has_its_own_answer() {
    let app = spawn_app().await;
    let contoso = app.company_id("Contoso Logistics").await;
    let crm = app.product_id("Terrasoft CRM").await;
    let changed = || AppError::Conflict(app::i18n::t("err-contracts-changed"));
    let contract = |start: &str, end: &str| insert_contract_sql(contoso, "basic", start, end);
    // R1: contracts never overlap (the trigger answers before the (company, start) key can).
    check(
        &app,
        "contracts_no_overlap",
        &contract("2027-07-28", "2028-07-27"),
        &contract("2028-07-27", "2029-07-26"),
        changed(),
    )
    .await;
    check(
        &app,
        "contracts_no_overlap on update",
        &format!("UPDATE contracts SET end_date = '2027-07-27' WHERE company_id = {contoso} AND start_date = '2026-07-28'"),
        &format!("UPDATE contracts SET end_date = '2027-07-28' WHERE company_id = {contoso} AND start_date = '2026-07-28'"),
        changed(),
    )
    .await;
    // R3: one active contact per company; an inactive second contact is fine.
    check(
        &app,
        "contacts_one_active_per_company",
        &format!("INSERT INTO contacts (company_id, name, email, active, created_at) VALUES ({contoso}, 'Former', 'former@contoso.example', 0, '{NOW}')"),
        &format!("INSERT INTO contacts (company_id, name, email, active, created_at) VALUES ({contoso}, 'Second', 'second@contoso.example', 1, '{NOW}')"),
        AppError::Conflict(app::i18n::t("err-contact-changed")),
    )
    .await;
    check(
        &app,
        "contacts.email",
        "UPDATE contacts SET name = 'Boris' WHERE email = 'boris@contoso.example'",
        &format!("INSERT INTO contacts (company_id, name, email, active, created_at) VALUES ({contoso}, 'Twin', 'boris@contoso.example', 0, '{NOW}')"),
        AppError::Invalid(app::i18n::t("err-email-taken")),
    )
    .await;
    check(
        &app,
        "price_list_entries (product, valid_from)",
        &format!("INSERT INTO price_list_entries (product_id, valid_from, unit_price_minor, created_at) VALUES ({crm}, '2030-01-01', 100, '{NOW}')"),
        &format!("INSERT INTO price_list_entries (product_id, valid_from, unit_price_minor, created_at) VALUES ({crm}, '2030-01-01', 200, '{NOW}')"),
        AppError::Invalid(app::i18n::t("err-price-exists")),
    )
    .await;
    check(
        &app,
        "idempotency_keys (company, key)",
        &format!("INSERT INTO idempotency_keys (company_id, key, fingerprint, created_at) VALUES ({contoso}, 'key-0000001', 'f', '{NOW}')"),
        &format!("INSERT INTO idempotency_keys (company_id, key, fingerprint, created_at) VALUES ({contoso}, 'key-0000001', 'g', '{NOW}')"),
        AppError::Conflict(app::i18n::t("err-order-in-flight")),
    )
    .await;
    check(
        &app,
        "companies.name",
        &format!("INSERT INTO companies (name, name_key, created_at) VALUES ('Litware Inc', 'litware inc', '{NOW}')"),
        &format!("INSERT INTO companies (name, name_key, created_at) VALUES ('LITWARE  Inc', 'litware inc', '{NOW}')"),
        AppError::Invalid(app::i18n::t("err-name-taken")),
    )
    .await;
    check(
        &app,
        "products.name",
        "INSERT INTO products (name, name_key, latest_version) VALUES ('Litware Suite', 'litware suite', '1.0')",
        "INSERT INTO products (name, name_key, latest_version) VALUES ('Litware Suite', 'litware suite', '2.0')",
        AppError::Invalid(app::i18n::t("err-name-taken")),
    )
    .await;
    let order = |id: i64| {
        format!(
            "INSERT INTO orders (id, company_id, kind, placed_at, signing_date, total_minor)
             VALUES ({id}, {contoso}, 'renewal', '{NOW}', '2026-11-25', 0)"
        )
    };
    run(&app, &order(9001)).await.unwrap();
    run(&app, &order(9002)).await.unwrap();
    let invoice = |order: i64| {
        format!(
            "INSERT INTO invoices (order_id, company_id, number, issue_date, due_date, currency, total_minor)
             VALUES ({order}, {contoso}, 'INV-2026-9999', '2026-11-25', '2026-12-25', 'EUR', 0)"
        )
    };
    check(
        &app,
        "invoices.number",
        &invoice(9001),
        &invoice(9002),
        AppError::Conflict(app::i18n::t("err-try-again")),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_exhausted_pool_answers_503_with_a_retry_hint() {
    let error = AppError::from(sqlx::Error::PoolTimedOut);
    assert_eq!(
        error,
        AppError::Unavailable {
            retry_after_seconds: app::error::RETRY_AFTER_SECONDS
        }
    );
    assert_eq!(error.status_code(), 503);
    assert!(error.to_string().contains("try again in 5 seconds"));
}
