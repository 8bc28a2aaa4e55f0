//! Renewal and overdue-invoice reminders (issue 13): each sent once, at its milestone, by
//! whichever instance's worker finds it first; a renewal stops the later ones, a payment the
//! overdue ones. Runs on both engines.

use chrono::NaiveDate;

use crate::common::{spawn_app_with, spawn_sibling_with, TestApp, TODAY};

fn with_worker(config: &mut server::Config) {
    config.worker = true;
    config.worker_poll = std::time::Duration::from_millis(50);
}

/// Moves every given instance's "today" to `day`.
fn move_to(day: &str, instances: &[&TestApp]) {
    let today: NaiveDate = instances[0].clock.as_ref().unwrap().today();
    let days = (day.parse::<NaiveDate>().unwrap() - today).num_days();
    for app in instances {
        app.clock.as_ref().unwrap().advance_days(days);
    }
}

fn count(app: &TestApp, subject: &str) -> usize {
    app.mails()
        .iter()
        .filter(|m| m.contains(&format!("Subject: {subject}")))
        .count()
}

/// Waits until `subject` was mailed `n` times, then a little longer to see that it stays `n`.
async fn expect_mails(app: &TestApp, subject: &str, n: usize) {
    for _ in 0..200 {
        if count(app, subject) >= n {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    assert_eq!(count(app, subject), n, "{subject}");
}

const ENDS: &str = "Your support ends on 2027-07-27: renew in time";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn renewal_reminders_come_once_per_milestone_and_a_renewal_stops_the_rest() {
    assert_eq!(TODAY, "2026-11-25");
    let app = spawn_app_with(with_worker).await;
    expect_mails(&app, ENDS, 0).await;
    // Contoso's Standard contract ends 2027-07-27.
    move_to("2027-05-28", &[&app]);
    expect_mails(&app, ENDS, 1).await;
    let mail = app.mails().into_iter().find(|m| m.contains(ENDS)).unwrap();
    assert!(mail.contains("<boris@contoso.example>"), "{mail}");
    assert!(
        mail.contains("Standard support ends on 2027-07-27"),
        "{mail}"
    );
    assert!(
        mail.contains("Renewing Standard for one year costs"),
        "{mail}"
    );
    assert!(mail.contains("/support?plan=standard&years=1"), "{mail}");
    move_to("2027-06-10", &[&app]);
    expect_mails(&app, ENDS, 1).await;
    move_to("2027-06-27", &[&app]);
    expect_mails(&app, ENDS, 2).await;

    // Renewed now: coverage ends 2028-07-27, so the 7-day and lapse reminders of 2027-07-27
    // never come.
    let boris = app.login_as("Contoso Logistics").await;
    let renewed = app.buy_support(&boris, "standard", "1").await;
    assert_eq!(renewed.status, reqwest::StatusCode::OK, "{}", renewed.body);
    move_to("2027-07-21", &[&app]);
    expect_mails(&app, ENDS, 2).await;
    move_to("2027-07-28", &[&app]);
    expect_mails(&app, ENDS, 2).await;
    assert_eq!(
        count(
            &app,
            "Your support ended on 2027-07-27: renew to be covered again"
        ),
        0
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_with_workers_send_each_reminder_once() {
    let a = spawn_app_with(with_worker).await;
    let b = spawn_sibling_with(&a, with_worker).await;
    move_to("2027-05-28", &[&a, &b]);
    expect_mails(&a, ENDS, 1).await;
    move_to("2027-06-27", &[&a, &b]);
    expect_mails(&a, ENDS, 2).await;
    assert_eq!(
        a.count("SELECT COUNT(*) FROM jobs WHERE kind = 'renewal_reminder' AND status = 'done'")
            .await,
        // Contoso's two, and Fabrikam's (ends 2027-10-25) none yet.
        2
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unpaid_invoice_is_reminded_the_day_after_its_due_date_and_not_once_paid() {
    let app = spawn_app_with(with_worker).await;
    let anna = app.login_as("Northwind Trading").await;
    let order = app.buy_support(&anna, "basic", "1").await;
    assert_eq!(order.status, reqwest::StatusCode::OK);
    let subject = "Reminder: invoice INV-2026-000001 is overdue";
    // Due 2026-12-25.
    move_to("2026-12-25", &[&app]);
    expect_mails(&app, subject, 0).await;
    move_to("2026-12-26", &[&app]);
    expect_mails(&app, subject, 1).await;
    let mail = app
        .mails()
        .into_iter()
        .find(|m| m.contains(subject))
        .unwrap();
    assert!(mail.contains("To: anna@northwind.example"), "{mail}");
    assert!(mail.contains("was due on 2026-12-25"), "{mail}");

    let admin = app.login_admin().await;
    let paid = app
        .answer(
            "admin_mark_paid",
            &[
                ("invoice_number", "INV-2026-000001"),
                ("paid_on", "2026-12-26"),
                ("bank_reference", "BANK-9"),
            ],
            &admin,
        )
        .await;
    assert_eq!(paid.status, reqwest::StatusCode::OK, "{}", paid.body);
    move_to("2027-01-09", &[&app]);
    expect_mails(&app, subject, 1).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_renewal_all_four_renewal_reminders_come_once_each() {
    let app = spawn_app_with(with_worker).await;
    let fabrikam = app.company_id("Fabrikam Clinics").await;
    let (end,): (String,) =
        sqlx::query_as("SELECT MAX(end_date) FROM contracts WHERE company_id = $1")
            .bind(fabrikam)
            .fetch_one(&app.db().await)
            .await
            .unwrap();
    let end: NaiveDate = end.parse().unwrap();
    let ends = format!("Your support ends on {end}: renew in time");
    let ended = format!("Your support ended on {end}: renew to be covered again");
    for (days, ending, lapsed) in [(-60, 1, 0), (-30, 2, 0), (-7, 3, 0), (1, 3, 1), (5, 3, 1)] {
        let day = end + chrono::Duration::days(days);
        move_to(&day.to_string(), &[&app]);
        expect_mails(&app, &ends, ending).await;
        expect_mails(&app, &ended, lapsed).await;
    }
    let lapse = app
        .mails()
        .into_iter()
        .find(|m| m.contains(&ended))
        .unwrap();
    assert!(
        lapse.contains("until you renew, you have no support"),
        "{lapse}"
    );
}
