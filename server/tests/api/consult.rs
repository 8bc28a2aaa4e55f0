//! Consultation requests (R5) end to end.

use crate::common::spawn_app;
use domain::{ConsultationArea, RuleViolation};
use reqwest::StatusCode;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn r5_requests_need_an_active_contract_and_a_covered_area_or_an_exception() {
    let app = spawn_app().await;
    let anna = app.login_as("Northwind Trading").await; // no contract
    let boris = app.login_as("Contoso Logistics").await; // Standard
    let admin = app.login_admin().await;
    let file = |cookie: String, area: &'static str| {
        let app = &app;
        async move {
            app.answer(
                "file_consultation",
                &[
                    ("area", area),
                    ("subject", "Help"),
                    ("description", "Please"),
                ],
                &cookie,
            )
            .await
        }
    };

    let none = file(anna.clone(), "deployment_and_adjusting").await;
    assert_eq!(none.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(none.violation(), RuleViolation::R5NoActiveContract);

    assert_eq!(
        file(boris.clone(), "reports_plugins_scripts").await.status,
        StatusCode::OK
    );
    let not_covered = file(boris.clone(), "database_and_integration").await;
    assert_eq!(
        not_covered.violation(),
        RuleViolation::R5AreaNotCovered {
            plan_name: "Standard".into(),
            area: ConsultationArea::DatabaseAndIntegration,
        }
    );
    let other = file(boris.clone(), "out_of_scope").await;
    assert_eq!(other.violation(), RuleViolation::R5OutOfScope);

    // With a contractual exception recorded, "other" is accepted; revoked, refused again.
    let contoso = app.company_id("Contoso Logistics").await.to_string();
    app.answer(
        "admin_record_exception",
        &[
            ("company_id", &contoso),
            ("description", "LAN setup agreed"),
        ],
        &admin,
    )
    .await;
    assert_eq!(
        file(boris.clone(), "out_of_scope").await.status,
        StatusCode::OK
    );
    let exception = app
        .count("SELECT id FROM consultation_exceptions")
        .await
        .to_string();
    app.answer(
        "admin_revoke_exception",
        &[("exception_id", &exception)],
        &admin,
    )
    .await;
    assert_eq!(
        file(boris.clone(), "out_of_scope").await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_admin_answers_from_the_queue_and_the_contact_sees_the_answer() {
    let app = spawn_app().await;
    let boris = app.login_as("Contoso Logistics").await;
    let chen = app.login_as("Fabrikam Clinics").await;
    let admin = app.login_admin().await;
    let filed = app
        .answer(
            "file_consultation",
            &[
                ("area", "version_update"),
                ("subject", "Upgrade path"),
                ("description", "3.4.0 to 3.4.1?"),
            ],
            &boris,
        )
        .await;
    let id = filed.body.as_i64().unwrap().to_string();

    let queue = app.answer("admin_consultations", &[], &admin).await;
    assert_eq!(queue.body[0]["subject"], "Upgrade path");
    assert_eq!(queue.body[0]["target"], "1 business day");
    assert_eq!(queue.body[0]["target_met"], serde_json::Value::Null);

    let answered = app
        .answer(
            "reply_consultation",
            &[("id", &id), ("body", "Run the installer.")],
            &admin,
        )
        .await;
    assert_eq!(answered.status, StatusCode::OK, "{}", answered.body);
    assert!(
        app.last_mail().contains("Upgrade path"),
        "the contact is told by mail"
    );

    let seen = app.answer("consultation", &[("id", &id)], &boris).await;
    assert_eq!(seen.body["summary"]["status"], "answered");
    assert_eq!(seen.body["summary"]["target_met"], true);
    assert_eq!(seen.body["messages"][0]["body"], "Run the installer.");
    assert_eq!(seen.body["messages"][0]["from_vendor"], true);

    // Another company's contact cannot see it, nor reply to it.
    assert_eq!(
        app.answer("consultation", &[("id", &id)], &chen)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.answer("reply_consultation", &[("id", &id), ("body", "x")], &chen)
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    let closed = app
        .answer("admin_close_consultation", &[("id", &id)], &admin)
        .await;
    assert_eq!(closed.status, StatusCode::OK);
    let list = app.answer("consultations", &[], &boris).await;
    assert_eq!(list.body[0]["status"], "closed");
}
