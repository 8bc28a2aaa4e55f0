//! Issue 11: the contract timeline. One regression test per observation, with the exact
//! dates and amounts seen on the demo data (`PORTAL_TODAY=2026-11-25`).

use std::time::{Duration, Instant};

use domain::RuleViolation;
use reqwest::StatusCode;
use serde_json::json;

use crate::common::{assert_same_database, join_all, spawn_app, spawn_app_with};

/// (start, end) of every contract of the company, earliest first.
async fn contracts(app: &crate::common::TestApp, company: &str) -> Vec<(String, String)> {
    let id = app.company_id(company).await;
    sqlx::query_as(
        "SELECT start_date, end_date FROM contracts WHERE company_id = $1 ORDER BY start_date",
    )
    .bind(id)
    .fetch_all(&app.db().await)
    .await
    .unwrap()
}

fn pairs(dates: &[(&str, &str)]) -> Vec<(String, String)> {
    dates
        .iter()
        .map(|(s, e)| (s.to_string(), e.to_string()))
        .collect()
}

/// Observation 1: Contoso (Standard 2026-07-28 – 2027-07-27, 7 licenses) renews Standard for a
/// year, then adds 3 Terrasoft CRM for a year under the running contract. R8 gives the running
/// contract ceil(365 × 1 × 3 / 10) = 110 days and moves the signed renewal 110 days later:
/// no overlap, coverage to 2028-11-14, and the quote lists both moves.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn r8_after_a_signed_renewal_moves_the_renewal_instead_of_overlapping_it() {
    let app = spawn_app().await;
    let boris = app.login_as("Contoso Logistics").await;
    let renewed = app.buy_support(&boris, "standard", "1").await;
    assert_eq!(renewed.status, StatusCode::OK, "{}", renewed.body);
    assert_eq!(
        contracts(&app, "Contoso Logistics").await,
        pairs(&[("2026-07-28", "2027-07-27"), ("2027-07-28", "2028-07-27")])
    );

    let crm = app.product_id("Terrasoft CRM").await;
    let lines = format!("{crm}:3");
    let quote = app.license_quote(&boris, &lines, "active", "", "1").await;
    assert_eq!(quote.status, StatusCode::OK, "{}", quote.body);
    assert_eq!(
        quote.body["change"],
        json!({"Extended": {
            "owned": 7, "added": 3, "years": 1, "days": 110,
            "old_end": "2027-07-27", "new_end": "2027-11-14",
            "moves": [{"plan_name": "Standard",
                       "from_start": "2027-07-28", "from_end": "2028-07-27",
                       "to_start": "2027-11-15", "to_end": "2028-11-14"}]
        }})
    );
    // Licenses 3 × 900.00 = 2700.00; support 20% (the contract in force) × 2700.00 × 1.
    assert_eq!(quote.body["support"]["amount"], "540.00");
    assert_eq!(quote.body["total"], "3240.00");

    let placed = app.buy_licenses(&boris, &lines, "active", "", "1").await;
    assert_eq!(placed.status, StatusCode::OK, "{}", placed.body);
    assert_eq!(
        contracts(&app, "Contoso Logistics").await,
        pairs(&[("2026-07-28", "2027-11-14"), ("2027-11-15", "2028-11-14")])
    );
    let (_, dashboard) = app.dashboard(Some(&boris)).await;
    assert_eq!(dashboard["contract"]["Active"]["end"], "2027-11-14");
}

/// Observation 2: a new Premium contract beside Contoso's running Standard one is refused
/// (R1) with the way forward, and nothing is written.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn r1_no_second_contract_beside_a_running_one() {
    let app = spawn_app().await;
    let boris = app.login_as("Contoso Logistics").await;
    let crm = app.product_id("Terrasoft CRM").await;
    let lines = format!("{crm}:1");
    let before = app.snapshot().await;
    let refused = app
        .license_quote(&boris, &lines, "new", "premium", "1")
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    let expected = RuleViolation::R1CoverageExists {
        plan_name: "Standard".into(),
        in_force: true,
        coverage_end: "2027-07-27".parse().unwrap(),
    };
    assert_eq!(refused.violation(), expected);
    let message = expected.to_string();
    assert!(message.contains("under your current contract") && message.contains("renewal"));
    // A confirm forged without a quote is refused the same way.
    let forged = app
        .answer(
            "buy_licenses",
            &[
                ("lines", &lines),
                ("support", "new"),
                ("plan", "premium"),
                ("years", "1"),
                ("digest", "0123456789abcdef"),
                ("key", "forged-key-0001"),
            ],
            &boris,
        )
        .await;
    assert_eq!(forged.violation(), expected);
    assert_same_database(&before, &app.snapshot().await, "refused second contract");

    // The licenses page offers only what is allowed: no "new contract" choice.
    let options = app.answer("license_options", &[], &boris).await;
    assert_eq!(options.body["new_contract_allowed"], false);
    assert_eq!(options.body["covered_until"], "2027-07-27");
}

/// Observation 3: Northwind buys Standard today, then licenses "with a new contract" the same
/// day: a refusal (R1), not the 500 the `UNIQUE (company_id, start_date)` constraint gave.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn r1_a_new_contract_on_the_day_one_was_signed_is_refused_not_a_500() {
    let app = spawn_app().await;
    let anna = app.login_as("Northwind Trading").await;
    let bought = app.buy_support(&anna, "standard", "1").await;
    assert_eq!(bought.status, StatusCode::OK, "{}", bought.body);
    let crm = app.product_id("Terrasoft CRM").await;
    let before = app.snapshot().await;
    let refused = app
        .license_quote(&anna, &format!("{crm}:1"), "new", "basic", "1")
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        refused.violation(),
        RuleViolation::R1CoverageExists {
            plan_name: "Standard".into(),
            in_force: true,
            coverage_end: "2027-11-24".parse().unwrap(),
        }
    );
    assert_same_database(&before, &app.snapshot().await, "refused same-day contract");
}

/// Observation 4: a consultation request keeps the response target of the contract in force
/// when it was filed; a plan edit reaches only contracts signed afterwards.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plan_edits_do_not_reach_signed_contracts_or_filed_requests() {
    let app = spawn_app().await;
    let boris = app.login_as("Contoso Logistics").await;
    let admin = app.login_admin().await;
    let filed = app
        .answer(
            "file_consultation",
            &[
                ("area", "functional_features"),
                ("subject", "Pipeline report"),
                ("description", "How do stages work?"),
            ],
            &boris,
        )
        .await;
    assert_eq!(filed.status, StatusCode::OK, "{}", filed.body);
    let listed = app.answer("consultations", &[], &boris).await;
    let (target, due) = (
        listed.body[0]["target"].clone(),
        listed.body[0]["due"].clone(),
    );
    assert!(target.as_str().unwrap().starts_with("1 business day"));

    let edited = app
        .answer(
            "admin_update_plan",
            &crate::common::standard_plan_form("25", "5"),
            &admin,
        )
        .await;
    assert_eq!(edited.status, StatusCode::OK, "{}", edited.body);

    let after = app.answer("consultations", &[], &boris).await;
    assert_eq!(after.body[0]["target"], target, "the target as filed");
    assert_eq!(after.body[0]["due"], due, "the deadline as filed");
    // Licenses added under the contract in force pay its signed 20%; a renewal is a new
    // contract, signed on today's terms (25%).
    let crm = app.product_id("Terrasoft CRM").await;
    let added = app
        .license_quote(&boris, &format!("{crm}:1"), "active", "", "1")
        .await;
    assert_eq!(added.body["support"]["percent"], "20%");
    let renewal = app.support_quote(&boris, "standard", "1").await;
    assert_eq!(renewal.body["support"]["percent"], "25%");

    // A contract signed after the edit carries the new terms.
    let anna = app.login_as("Northwind Trading").await;
    assert_eq!(
        app.buy_support(&anna, "standard", "1").await.status,
        StatusCode::OK
    );
    let northwind = app.company_id("Northwind Trading").await;
    let terms: (String, i64, String, i64) = sqlx::query_as(
        "SELECT plan_name, response_target_amount, response_target_unit, percent_bp
           FROM contracts WHERE company_id = $1",
    )
    .bind(northwind)
    .fetch_one(&app.db().await)
    .await
    .unwrap();
    assert_eq!(terms, ("Standard".into(), 5, "business_days".into(), 2500));
}

/// Observation 5: 12 concurrent admin writes of each kind with a pool of 2 connections: every
/// answer is 2xx or 4xx (never a 500 from a transaction waiting for a second connection),
/// and all arrive within seconds.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_admin_writes_on_a_pool_of_two_never_fail() {
    let app = spawn_app_with(|config| config.db.max_connections = 2).await;
    let admin = app.login_admin().await;
    let crm = app.product_id("Terrasoft CRM").await.to_string();
    let contoso = app.company_id("Contoso Logistics").await.to_string();
    type Args = fn(usize, &str, &str) -> Vec<(String, String)>;
    let kinds: &[(&str, Args)] = &[
        ("admin_add_price", |i, crm, _| {
            vec![
                ("product_id".into(), crm.into()),
                ("price".into(), format!("{}.00", 900 + i)),
                // Half of them collide on a date: those must be refused, not crash.
                ("valid_from".into(), format!("2027-01-{:02}", 1 + i % 6)),
            ]
        }),
        ("admin_grant_licenses", |_, crm, company| {
            vec![
                ("company_id".into(), company.into()),
                ("product_id".into(), crm.into()),
                ("quantity".into(), "1".into()),
            ]
        }),
        ("admin_record_exception", |i, _, company| {
            vec![
                ("company_id".into(), company.into()),
                ("description".into(), format!("Network setup visit {i}")),
            ]
        }),
        ("admin_create_company", |i, _, _| {
            vec![
                ("name".into(), format!("Parallel Company {}", i % 6)),
                ("contact_name".into(), format!("Person {i}")),
                (
                    "contact_email".into(),
                    format!("person{i}@parallel.example"),
                ),
            ]
        }),
        ("admin_add_product", |i, _, _| {
            vec![
                ("name".into(), format!("Parallel Product {}", i % 6)),
                ("version".into(), "1.0".into()),
                ("price".into(), "10.00".into()),
                ("valid_from".into(), "2026-12-01".into()),
            ]
        }),
        ("admin_declare_version", |i, crm, _| {
            vec![
                ("product_id".into(), crm.into()),
                ("version".into(), format!("9.{i}")),
            ]
        }),
        ("admin_revoke_exception", |i, _, _| {
            vec![("exception_id".into(), (1 + i % 6).to_string())]
        }),
        ("admin_update_plan", |i, _, _| {
            vec![
                ("tier".into(), "basic".into()),
                ("percent".into(), format!("{}", 10 + i)),
                ("min_licenses".into(), "0".into()),
                ("response_amount".into(), "3".into()),
                ("response_unit".into(), "business_days".into()),
                ("deployment_and_adjusting".into(), "on".into()),
            ]
        }),
        ("admin_assign_contact", |i, _, company| {
            vec![
                ("company_id".into(), company.into()),
                ("contact_name".into(), format!("Contact {i}")),
                (
                    "contact_email".into(),
                    format!("contact{i}@contoso.example"),
                ),
            ]
        }),
        ("admin_record_version_update", |_, crm, company| {
            vec![
                ("company_id".into(), company.into()),
                ("product_id".into(), crm.into()),
            ]
        }),
        ("admin_end_sessions", |_, _, company| {
            vec![("company_id".into(), company.into())]
        }),
    ];
    for (endpoint, args) in kinds {
        let started = Instant::now();
        let answers = join_all((0..12).map(|i| {
            let form = args(i, &crm, &contoso);
            let (app, admin) = (&app, &admin);
            async move {
                let form: Vec<(&str, &str)> =
                    form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
                app.answer(endpoint, &form, admin).await
            }
        }))
        .await;
        let elapsed = started.elapsed();
        let statuses: Vec<u16> = answers.iter().map(|a| a.status.as_u16()).collect();
        println!("{endpoint}: {statuses:?} in {elapsed:?}");
        assert!(
            answers.iter().all(|a| a.status.as_u16() < 500),
            "{endpoint}: {statuses:?} {:?}",
            answers.iter().map(|a| &a.body).collect::<Vec<_>>()
        );
        assert!(answers.iter().any(|a| a.status == StatusCode::OK));
        assert!(elapsed < Duration::from_secs(20), "{endpoint}: {elapsed:?}");
    }
}

/// Contracts stored overlapping before issue 11 (its observations 1 and 2) are repaired at
/// start-up: each moves after the one before it, keeping its length, and the move is audited.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn overlaps_stored_before_the_fix_are_repaired_at_start_up() {
    let app = spawn_app().await;
    let db = app.db().await;
    let contoso = app.company_id("Contoso Logistics").await;
    // What the old code could write: the overlap triggers did not exist yet.
    let disable = if crate::common::is_postgres() {
        "ALTER TABLE contracts DISABLE TRIGGER contracts_no_overlap"
    } else {
        "DROP TRIGGER contracts_no_overlap_insert"
    };
    sqlx::query(disable).execute(&db).await.unwrap();
    let premium_beside =
        crate::common::insert_contract_sql(contoso, "premium", "2026-11-25", "2027-11-24");
    sqlx::query(&premium_beside).execute(&db).await.unwrap();

    let restarted = crate::common::spawn_sibling(&app).await;
    assert_eq!(
        contracts(&restarted, "Contoso Logistics").await,
        pairs(&[
            ("2026-07-28", "2027-07-27"),
            // 364 days, as bought, from the day after the running contract ends.
            ("2027-07-28", "2028-07-26")
        ])
    );
    assert_eq!(
        restarted
            .count("SELECT COUNT(*) FROM audit_log WHERE kind = 'contracts_repaired'")
            .await,
        1
    );
    // A second start finds nothing to repair.
    let again = crate::common::spawn_sibling(&restarted).await;
    assert_eq!(
        again
            .count("SELECT COUNT(*) FROM audit_log WHERE kind = 'contracts_repaired'")
            .await,
        1
    );
    let boris = again.login_as("Contoso Logistics").await;
    let (status, _) = again.dashboard(Some(&boris)).await;
    assert_eq!(status, StatusCode::OK);
}

/// R8 with two renewals signed ahead: both move by the same days, latest first in the
/// database, so no intermediate write overlaps (the schema would refuse it).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn r8_moves_every_signed_renewal() {
    let app = spawn_app().await;
    let boris = app.login_as("Contoso Logistics").await;
    for years in ["1", "2"] {
        let renewed = app.buy_support(&boris, "standard", years).await;
        assert_eq!(renewed.status, StatusCode::OK, "{}", renewed.body);
    }
    let crm = app.product_id("Terrasoft CRM").await;
    let placed = app
        .buy_licenses(&boris, &format!("{crm}:3"), "active", "", "1")
        .await;
    assert_eq!(placed.status, StatusCode::OK, "{}", placed.body);
    // 110 days for each: 2027-07-27 → 2027-11-14, and both renewals keep their lengths.
    assert_eq!(
        contracts(&app, "Contoso Logistics").await,
        pairs(&[
            ("2026-07-28", "2027-11-14"),
            ("2027-11-15", "2028-11-14"),
            ("2028-11-15", "2030-11-14")
        ])
    );
}

/// SPEC "Time": deadlines are computed and shown in the vendor's time zone, named on the page.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deadlines_follow_and_name_the_vendors_time_zone() {
    let app = spawn_app_with(|config| config.time_zone = chrono_tz::Europe::Kyiv).await;
    let boris = app.login_as("Contoso Logistics").await;
    let filed = app
        .answer(
            "file_consultation",
            &[
                ("area", "functional_features"),
                ("subject", "Time zones"),
                ("description", "When is this due?"),
            ],
            &boris,
        )
        .await;
    assert_eq!(filed.status, StatusCode::OK, "{}", filed.body);
    let listed = app.answer("consultations", &[], &boris).await;
    let due = listed.body[0]["due"].as_str().unwrap().to_string();
    assert!(due.ends_with("(Europe/Kyiv)"), "{due}");
    // Filed now, due one business day later at the same Kyiv wall-clock time.
    let now = chrono::Utc::now().with_timezone(&chrono_tz::Europe::Kyiv);
    let expected = domain::ResponseTarget::BusinessDays(1).deadline(now);
    let shown = chrono::NaiveDateTime::parse_from_str(&due[..16], "%Y-%m-%d %H:%M").unwrap();
    let gap = (expected.naive_local() - shown).num_minutes().abs();
    assert!(gap <= 2, "due {due}, expected about {expected}");
}

/// With "today" not pinned, it is the vendor's calendar day. The clock is moved to 23:30 UTC,
/// when Pacific/Kiritimati (UTC+14) is already on the next day, so a server that took the UTC
/// day would fail.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn today_is_the_vendors_calendar_day() {
    let zone = chrono_tz::Pacific::Kiritimati;
    let app = spawn_app_with(|config| {
        config.time_zone = zone;
        config.today = None;
    })
    .await;
    let now = chrono::Utc::now();
    let mut late = now.date_naive().and_hms_opt(23, 30, 0).unwrap().and_utc();
    if late <= now {
        late += chrono::Duration::days(1);
    }
    app.clock.as_ref().unwrap().advance(late - now);
    let anna = app.login_as("Northwind Trading").await;
    let quote = app.support_quote(&anna, "basic", "1").await;
    let vendors_day = late.date_naive().succ_opt().unwrap();
    assert_eq!(quote.body["signing_date"], vendors_day.to_string());
}

/// A database that cannot serve in time answers 503 with `Retry-After`, quickly, not a hang
/// or a 500: the first purchase's connection waits on a lock held elsewhere, and the second
/// purchase times out acquiring one (on PostgreSQL the pool's only connection, on SQLite the
/// one writer connection).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_exhausted_pool_answers_503_with_retry_after() {
    let app = spawn_app_with(|config| {
        config.db.max_connections = 1;
        config.db.acquire_timeout = Duration::from_millis(300);
        config.db.statement_timeout = Duration::from_secs(2);
    })
    .await;
    let anna = app.login_as("Northwind Trading").await;
    let boris = app.login_as("Contoso Logistics").await;
    let quote = app.support_quote(&anna, "basic", "1").await;
    assert_eq!(quote.status, StatusCode::OK);
    let second = app.support_quote(&boris, "standard", "1").await;
    assert_eq!(second.status, StatusCode::OK);
    // Another process holds the write lock (SQLite) or Northwind's row lock (PostgreSQL).
    let holder = app.db().await;
    let mut lock = holder.begin().await.unwrap();
    let hold = if crate::common::is_postgres() {
        "SELECT id FROM companies FOR UPDATE"
    } else {
        "UPDATE companies SET created_at = created_at"
    };
    sqlx::query(hold).execute(&mut *lock).await.unwrap();
    let confirm = app.confirm_support(&anna, "basic", "1", &quote.body);
    let blocked = async {
        tokio::time::sleep(Duration::from_millis(300)).await;
        let started = Instant::now();
        let form = [
            ("plan", "standard"),
            ("years", "1"),
            ("digest", second.body["digest"].as_str().unwrap()),
            ("key", second.body["idempotency_key"].as_str().unwrap()),
        ];
        let response = app.call("buy_support", &form, Some(&boris)).await;
        (
            response.status(),
            response.headers().clone(),
            started.elapsed(),
        )
    };
    let (confirmed, (status, headers, waited)) = tokio::join!(confirm, blocked);
    lock.rollback().await.unwrap();
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(headers["retry-after"], "5");
    assert!(waited < Duration::from_secs(2), "answered in {waited:?}");
    // The request that held the connection is answered too: placed, or 503 if the lock
    // outlived its wait; never a 500.
    assert!(
        [StatusCode::OK, StatusCode::SERVICE_UNAVAILABLE].contains(&confirmed.status),
        "{} {}",
        confirmed.status,
        confirmed.body
    );
}
