//! The purchase flows end to end over HTTP: each rule honoured or refused with its id, and
//! every order placed exactly once (R11).

use crate::common::spawn_app;
use domain::RuleViolation;
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn r9_r10_a_company_without_support_buys_standard_for_two_years() {
    let app = spawn_app().await;
    let anna = app.login_as("Northwind Trading").await;
    // 3 × CRM 900.00 + 1 × Backup 250.00 = 2950.00; 20% × 2950.00 × 2 = 1180.00
    let quote = app.support_quote(&anna, "standard", "2").await;
    assert_eq!(quote.status, StatusCode::OK, "{}", quote.body);
    assert_eq!(quote.body["kind"], "NewSupport");
    assert_eq!(quote.body["support"]["license_total"], "2950.00");
    assert_eq!(quote.body["total"], "1180.00");
    assert_eq!(
        quote.body["change"],
        json!({"New": {"start": "2026-11-25", "end": "2028-11-24"}})
    );

    let placed = app
        .confirm_support(&anna, "standard", "2", &quote.body)
        .await;
    assert_eq!(placed.status, StatusCode::OK, "{}", placed.body);
    let order_id = placed.body.as_i64().unwrap();

    let (_, dashboard) = app.dashboard(Some(&anna)).await;
    assert_eq!(dashboard["contract"]["Active"]["plan_name"], "Standard");
    assert_eq!(dashboard["contract"]["Active"]["end"], "2028-11-24");

    let order = app
        .answer("order", &[("id", &order_id.to_string())], &anna)
        .await;
    assert_eq!(order.status, StatusCode::OK);
    assert_eq!(order.body["order"]["total"], "1180.00 EUR");
    assert_eq!(order.body["invoice"]["issue_date"], "2026-11-25");
    assert_eq!(order.body["invoice"]["due_date"], "2026-12-25");
    assert_eq!(order.body["order"]["paid"], false);
    assert!(order.body["order"]["invoice_number"]
        .as_str()
        .unwrap()
        .starts_with("INV-2026-"));

    let history = app.answer("history", &[], &anna).await;
    assert_eq!(history.body[0]["kind"], "new_support");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn r2_premium_needs_five_licenses() {
    let app = spawn_app().await;
    let anna = app.login_as("Northwind Trading").await;
    let refused = app.support_quote(&anna, "premium", "1").await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        matches!(
            refused.violation(),
            RuleViolation::R2TooFewLicenses {
                required: 5,
                owned: 4,
                ..
            }
        ),
        "{}",
        refused.body
    );

    // Counted after the order: 4 owned + 1 bought with a new Premium contract = 5.
    let crm = app.product_id("Terrasoft CRM").await;
    let placed = app
        .buy_licenses(&anna, &format!("{crm}:1"), "new", "premium", "1")
        .await;
    assert_eq!(placed.status, StatusCode::OK, "{}", placed.body);
    let (_, dashboard) = app.dashboard(Some(&anna)).await;
    assert_eq!(dashboard["total_licenses"], 5);
    assert_eq!(dashboard["contract"]["Active"]["plan_name"], "Premium");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn r6_support_is_for_whole_years_only() {
    let app = spawn_app().await;
    let anna = app.login_as("Northwind Trading").await;
    let refused = app.support_quote(&anna, "basic", "0").await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        refused.violation(),
        RuleViolation::R6TermUnderOneYear { requested: 0 }
    );
    // Fractions are not even a number of years.
    let malformed = app.support_quote(&anna, "basic", "0.5").await;
    assert_eq!(malformed.status, StatusCode::BAD_REQUEST);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn r7_outdated_versions_block_support_and_r4_updates_them_for_free() {
    let app = spawn_app().await;
    let chen = app.login_as("Fabrikam Clinics").await;
    let refused = app.support_quote(&chen, "standard", "1").await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let RuleViolation::R7OutdatedVersions(outdated) = refused.violation() else {
        panic!("R7 expected: {}", refused.body)
    };
    let outdated: Vec<_> = outdated
        .iter()
        .map(|o| {
            (
                o.product_name.as_str(),
                o.current.to_string(),
                o.latest.to_string(),
            )
        })
        .collect();
    assert_eq!(outdated, [("HIS Medicine", "2.4.0".into(), "2.5.0".into())]);

    let his = app.product_id("HIS Medicine").await.to_string();
    let updated = app
        .answer("update_version", &[("product_id", &his)], &chen)
        .await;
    assert_eq!(updated.status, StatusCode::OK, "{}", updated.body);
    assert_eq!(app.count("SELECT COUNT(*) FROM version_updates").await, 1);
    let again = app
        .answer("update_version", &[("product_id", &his)], &chen)
        .await;
    assert!(
        matches!(again.violation(), RuleViolation::R4AlreadyOnLatest { .. }),
        "{}",
        again.body
    );

    let renewal = app.support_quote(&chen, "standard", "1").await;
    assert_eq!(renewal.status, StatusCode::OK, "{}", renewal.body);
    assert_eq!(renewal.body["kind"], "Renewal");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn r4_no_free_update_without_an_active_plan_that_includes_new_versions() {
    let app = spawn_app().await;
    let dana = app.login_as("Tailspin Tours").await; // contract lapsed
    sqlx::query("UPDATE products SET latest_version = '3.1.0' WHERE name = 'Terrasoft Tourism'")
        .execute(&app.db().await)
        .await
        .unwrap();
    let tourism = app.product_id("Terrasoft Tourism").await.to_string();
    let refused = app
        .answer("update_version", &[("product_id", &tourism)], &dana)
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        matches!(
            refused.violation(),
            RuleViolation::R4NoActiveContract { .. }
        ),
        "{}",
        refused.body
    );
    let options = app.answer("version_updates", &[], &dana).await;
    let allowed: Result<(), RuleViolation> =
        serde_json::from_value(options.body[0]["allowed"].clone()).unwrap();
    assert!(matches!(
        allowed,
        Err(RuleViolation::R4NoActiveContract { .. })
    ));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn r10_a_renewal_starts_the_day_after_the_current_end() {
    let app = spawn_app().await;
    let boris = app.login_as("Contoso Logistics").await;
    let quote = app.support_quote(&boris, "standard", "1").await;
    assert_eq!(
        quote.body["change"],
        json!({"Renewal": {"previous_end": "2027-07-27", "lapsed": false,
                           "start": "2027-07-28", "end": "2028-07-27"}})
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn r10_a_lapsed_contract_renews_from_today() {
    let app = spawn_app().await;
    let dana = app.login_as("Tailspin Tours").await;
    let quote = app.support_quote(&dana, "basic", "1").await;
    assert_eq!(
        quote.body["change"],
        json!({"Renewal": {"previous_end": "2026-10-15", "lapsed": true,
                           "start": "2026-11-25", "end": "2027-11-24"}})
    );
    // 10% × (2 × 750.00) × 1
    assert_eq!(quote.body["total"], "150.00");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn r8_added_licenses_extend_the_running_contract() {
    let app = spawn_app().await;
    let boris = app.login_as("Contoso Logistics").await; // 7 licenses, Standard to 2027-07-27
    let sales = app.product_id("Terrasoft Sales").await;
    let lines = format!("{sales}:3");
    let quote = app.license_quote(&boris, &lines, "active", "", "1").await;
    assert_eq!(quote.status, StatusCode::OK, "{}", quote.body);
    // ceil(365 × 1 × 3 / (7 + 3)) = 110 days
    assert_eq!(
        quote.body["change"],
        json!({"Extended": {"owned": 7, "added": 3, "years": 1, "days": 110,
                            "old_end": "2027-07-27", "new_end": "2027-11-14", "moves": []}})
    );
    // Licenses 3 × 800.00 = 2400.00; support 20% × 2400.00 × 1 = 480.00
    assert_eq!(quote.body["support"]["amount"], "480.00");
    assert_eq!(quote.body["total"], "2880.00");

    let placed = app.buy_licenses(&boris, &lines, "active", "", "1").await;
    assert_eq!(placed.status, StatusCode::OK, "{}", placed.body);
    let (_, dashboard) = app.dashboard(Some(&boris)).await;
    assert_eq!(dashboard["total_licenses"], 10);
    assert_eq!(dashboard["contract"]["Active"]["end"], "2027-11-14");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn r1_licenses_are_sold_only_with_support() {
    let app = spawn_app().await;
    let anna = app.login_as("Northwind Trading").await; // no contract
    let crm = app.product_id("Terrasoft CRM").await;
    for support in ["", "active"] {
        let refused = app
            .license_quote(&anna, &format!("{crm}:2"), support, "", "1")
            .await;
        assert_eq!(
            refused.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{support:?}"
        );
        assert_eq!(refused.violation(), RuleViolation::R1SupportRequired);
    }
    let (_, dashboard) = app.dashboard(Some(&anna)).await;
    assert_eq!(dashboard["total_licenses"], 4);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn r11_a_repeated_confirm_returns_the_first_order() {
    let app = spawn_app().await;
    let anna = app.login_as("Northwind Trading").await;
    let quote = app.support_quote(&anna, "basic", "1").await;
    let first = app.confirm_support(&anna, "basic", "1", &quote.body).await;
    let second = app.confirm_support(&anna, "basic", "1", &quote.body).await;
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(first.body, second.body, "the same order comes back");
    assert_eq!(app.count("SELECT COUNT(*) FROM orders").await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM invoices").await, 1);

    // The same key with other parameters is refused.
    let mut other = quote.body.clone();
    other["digest"] = json!("0000");
    let conflicting = app.confirm_support(&anna, "standard", "1", &other).await;
    assert_eq!(conflicting.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        conflicting.violation(),
        RuleViolation::R11ConflictingResubmission
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn r11_a_stale_quote_is_refused() {
    let app = spawn_app().await;
    let anna = app.login_as("Northwind Trading").await;
    let quote = app.support_quote(&anna, "standard", "1").await;
    // The vendor publishes a new CRM price effective today.
    sqlx::query(
        "INSERT INTO price_list_entries (product_id, valid_from, unit_price_minor, created_at)
         SELECT id, '2026-11-25', 95000, '2026-11-25T08:00:00Z' FROM products WHERE name = 'Terrasoft CRM'",
    )
    .execute(&app.db().await)
    .await
    .unwrap();
    let refused = app
        .confirm_support(&anna, "standard", "1", &quote.body)
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert_eq!(refused.body, json!("StaleQuote"));
    assert_eq!(app.count("SELECT COUNT(*) FROM orders").await, 0);
    let fresh = app.support_quote(&anna, "standard", "1").await;
    assert_eq!(fresh.body["total"], "620.00", "20% × (3 × 950.00 + 250.00)");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn r11_fifty_concurrent_confirms_with_one_key_place_one_order() {
    let app = spawn_app().await;
    let anna = app.login_as("Northwind Trading").await;
    let quote = app.support_quote(&anna, "standard", "1").await;
    let attempts = (0..50).map(|_| app.confirm_support(&anna, "standard", "1", &quote.body));
    let answers = crate::common::join_all(attempts).await;
    let ids: std::collections::BTreeSet<_> = answers
        .iter()
        .map(|a| {
            assert_eq!(a.status, StatusCode::OK, "{}", a.body);
            a.body.as_i64().unwrap()
        })
        .collect();
    assert_eq!(ids.len(), 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM orders").await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM invoices").await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM contracts c JOIN companies co ON co.id = c.company_id WHERE co.name = 'Northwind Trading'").await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn r11_fifty_concurrent_purchases_with_different_keys_make_one_contract() {
    let app = spawn_app().await;
    let anna = app.login_as("Northwind Trading").await;
    // Fifty browser tabs, each with its own quote and key.
    let mut quotes = Vec::new();
    for _ in 0..50 {
        quotes.push(app.support_quote(&anna, "standard", "1").await.body);
    }
    let answers = crate::common::join_all(
        quotes
            .iter()
            .map(|q| app.confirm_support(&anna, "standard", "1", q)),
    )
    .await;
    let succeeded = answers
        .iter()
        .filter(|a| a.status == StatusCode::OK)
        .count();
    assert_eq!(succeeded, 1);
    assert!(answers
        .iter()
        .filter(|a| a.status != StatusCode::OK)
        .all(|a| a.status == StatusCode::CONFLICT || a.status == StatusCode::UNPROCESSABLE_ENTITY));
    assert_eq!(app.count("SELECT COUNT(*) FROM orders").await, 1);
    assert_eq!(app.count("SELECT COUNT(*) FROM contracts c JOIN companies co ON co.id = c.company_id WHERE co.name = 'Northwind Trading'").await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_purchase_that_fails_midway_changes_nothing() {
    let app = spawn_app().await;
    let boris = app.login_as("Contoso Logistics").await;
    let db = app.db().await;
    // Fail after the order row is written: the invoice insert aborts.
    let triggers: &[&str] = if crate::common::is_postgres() {
        &[
            "CREATE FUNCTION fail_invoice() RETURNS trigger LANGUAGE plpgsql
             AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$",
            "CREATE TRIGGER fail_invoice BEFORE INSERT ON invoices
             FOR EACH ROW EXECUTE FUNCTION fail_invoice()",
        ]
    } else {
        &["CREATE TRIGGER fail_invoice BEFORE INSERT ON invoices
           BEGIN SELECT RAISE(ABORT, 'injected failure'); END"]
    };
    for trigger in triggers {
        sqlx::query(trigger).execute(&db).await.unwrap();
    }
    let before_end = app
        .count("SELECT COUNT(*) FROM contracts WHERE end_date = '2027-07-27'")
        .await;
    let sales = app.product_id("Terrasoft Sales").await;
    let failed = app
        .buy_licenses(&boris, &format!("{sales}:3"), "active", "", "1")
        .await;
    assert_eq!(failed.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(
        failed
            .body
            .as_object()
            .map(|o| o.keys().map(String::as_str).collect::<Vec<_>>()),
        Some(vec!["Internal"]),
        "no internal detail leaks: {}",
        failed.body
    );
    assert_eq!(app.count("SELECT COUNT(*) FROM orders").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM order_lines").await, 0);
    assert_eq!(app.count("SELECT COUNT(*) FROM idempotency_keys").await, 0);
    assert_eq!(
        app.count("SELECT COUNT(*) FROM contracts WHERE end_date = '2027-07-27'")
            .await,
        before_end
    );
    let (_, dashboard) = app.dashboard(Some(&boris)).await;
    assert_eq!(dashboard["total_licenses"], 7);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_contact_cannot_see_another_companys_order() {
    let app = spawn_app().await;
    let anna = app.login_as("Northwind Trading").await;
    let boris = app.login_as("Contoso Logistics").await;
    let order_id = app
        .buy_support(&anna, "basic", "1")
        .await
        .body
        .as_i64()
        .unwrap();
    let theirs = app
        .answer("order", &[("id", &order_id.to_string())], &boris)
        .await;
    let missing = app.answer("order", &[("id", "999999")], &boris).await;
    assert_eq!(theirs.status, StatusCode::NOT_FOUND);
    assert_eq!(theirs.body, missing.body, "refusal reveals nothing");
    let list = app.answer("orders", &[], &boris).await;
    assert_eq!(list.body, json!([]));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_company_function_refuses_anonymous_callers() {
    let app = spawn_app().await;
    for endpoint in [
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
        "dashboard",
    ] {
        let response = app.call(endpoint, crate::common::ANY_ARGS, None).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{endpoint}");
    }
    // The plan offers are public: anonymous callers just get none.
    let offers = app.call("plan_offers", &[], None).await;
    assert_eq!(offers.status(), StatusCode::OK);
    assert_eq!(
        offers.json::<serde_json::Value>().await.unwrap(),
        json!(null)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plan_offers_are_priced_on_the_companys_own_licenses() {
    let app = spawn_app().await;
    let anna = app.login_as("Northwind Trading").await;
    let offers = app.answer("plan_offers", &[], &anna).await.body;
    assert_eq!(offers["license_total"], "2950.00");
    let standard = &offers["offers"][1];
    assert_eq!(
        standard["prices"],
        json!([[1, "590.00"], [2, "1180.00"], [3, "1770.00"]])
    );
    let premium = &offers["offers"][2];
    assert_eq!(premium["eligible"], false);
    let refusal: RuleViolation = serde_json::from_value(premium["refusals"][0].clone()).unwrap();
    assert!(matches!(
        refusal,
        RuleViolation::R2TooFewLicenses { required: 5, .. }
    ));

    let boris = app.login_as("Contoso Logistics").await;
    let offers = app.answer("plan_offers", &[], &boris).await.body;
    assert_eq!(offers["offers"][1]["current"], true);
}
