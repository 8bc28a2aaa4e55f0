//! Renewal and overdue-invoice reminders (issue 13): which are due today (`schedule`, run by
//! every worker), and the mail each sends. `domain::reminder` decides the days; the queue's
//! dedupe keys make each reminder a single job, whichever instance finds it first.

use chrono::NaiveDate;

use super::Job;
use crate::error::AppError;
use crate::purchase::{self, CompanyState, PurchaseRequest};
use crate::state::AppState;
use crate::store::{self, parse_date};
use crate::text;

/// Reminders are looked for in this many companies and invoices per scan at most; a scan
/// runs again when the day changes, and every ten minutes.
const SCAN_LIMIT: i64 = 100_000;

/// Enqueues every reminder due today that has no job yet. Returns how many it added.
pub async fn schedule(app: &AppState) -> Result<usize, AppError> {
    let today = app.clock.today();
    let now = app.clock.now();
    let mut added = 0;
    // Coverage ending within 60 days, or lapsed within the last week.
    let from = today - chrono::Duration::days(8);
    let to = today + chrono::Duration::days(60);
    let endings =
        store::work_queue::coverage_ending(&app.db, &from.to_string(), &to.to_string(), SCAN_LIMIT)
            .await?;
    for ending in endings {
        let end = parse_date(&ending.coverage_end)?;
        if let Some(milestone) = domain::renewal_reminder_due(end, today) {
            let job = Job::RenewalReminder {
                company_id: ending.company_id,
                coverage_end: end,
                milestone,
            };
            let key = format!("renewal:{}:{end}:{}", ending.company_id, milestone.code());
            // The lapse is also an event for integrations (issue 17), once per coverage end:
            // the reminder and the event are recorded together or not at all.
            let mut tx = crate::store::begin_write(&app.db).await?;
            let new = super::enqueue_once(&mut tx, &job, key, now).await?;
            if new && milestone == domain::RenewalMilestone::Lapsed {
                let data = serde_json::json!({ "company_id": ending.company_id, "ended": end });
                let id = format!("contract.lapsed:{}:{end}", ending.company_id);
                crate::integrations::webhooks::emit(&mut tx, "contract.lapsed", &id, data, now)
                    .await?;
            }
            tx.commit().await?;
            added += usize::from(new);
        }
    }
    let mut conn = app.db.acquire().await?;
    // Unpaid and due within the reminders' windows (the second ends 21 days after the due date).
    let overdue = store::invoices::unpaid_due_between(
        &app.db,
        &(today - chrono::Duration::days(21)).to_string(),
        &(today - chrono::Duration::days(1)).to_string(),
    )
    .await?;
    for (number, due_date) in overdue {
        let due = parse_date(&due_date)?;
        if let Some(milestone) = domain::overdue_reminder_due(due, today) {
            let job = Job::OverdueReminder {
                number: number.clone(),
                milestone,
            };
            let key = format!("overdue:{number}:{}", milestone.code());
            added += usize::from(super::enqueue_once(&mut conn, &job, key, now).await?);
        }
    }
    Ok(added)
}

/// Mails a company's contact that its support ends (or ended) on `coverage_end`, with the
/// plan, a year's renewal price and a link to the renewal quote. Nothing when the coverage
/// end has moved since (renewed or extended): that reminder no longer applies.
pub async fn renewal(
    app: &AppState,
    company_id: i64,
    coverage_end: NaiveDate,
    milestone: domain::RenewalMilestone,
    message_id: &str,
) -> Result<(), AppError> {
    let mut conn = app.db.acquire().await?;
    let state = CompanyState::load(&mut conn, company_id).await?;
    let Some(last) = state.coverage.last() else {
        return Ok(());
    };
    if state.coverage.end() != Some(coverage_end) {
        return Ok(());
    }
    let plan = last.contract.plan();
    let tier = plan.tier;
    let rate = store::vendor::current(&mut conn).await?.vat_rate()?;
    drop(conn);
    // The price of renewing the same plan for a year, as the quote would show it (none when a
    // rule now refuses that plan, e.g. R2 after licenses were removed).
    let request = PurchaseRequest::Support {
        plan: tier,
        years: 1,
    };
    let price = purchase::price(&state, &request, app.clock.today(), rate)
        .ok()
        .map(|priced| priced.taxed.total.to_string());
    let Some((name, email)) = contact(app, company_id).await? else {
        return Ok(());
    };
    let link = format!("{}/support?plan={}&years=1", app.public_url, tier.as_str());
    let lapsed = milestone == domain::RenewalMilestone::Lapsed;
    let locale = store::preferences::company_locale(&app.db, company_id).await?;
    let (subject, body) = crate::i18n::in_locale(locale, || {
        (
            text::renewal_reminder_subject(coverage_end, lapsed),
            text::renewal_reminder_mail(
                &name,
                &plan.name,
                coverage_end,
                price.as_deref().map(|total| (total, app.currency.as_str())),
                &link,
                lapsed,
            ),
        )
    });
    app.mailer
        .send_as(&name, &email, &subject, body, Some(message_id))
        .await
}

/// Reminds the billing addresses of an invoice still unpaid; nothing once it is paid.
pub async fn overdue(app: &AppState, number: &str, message_id: &str) -> Result<(), AppError> {
    let Some(invoice) = store::invoices::by_number(&app.db, number).await? else {
        return Ok(());
    };
    if invoice.status != "unpaid" {
        return Ok(());
    }
    let document = crate::invoice::document(app, invoice.order_id, Some(invoice.company_id))
        .await?
        .ok_or(AppError::NotFound)?;
    let recipients = crate::invoice::recipients(app, &invoice).await?;
    let link = format!("{}/orders/{}", app.public_url, invoice.order_id);
    let locale = store::preferences::company_locale(&app.db, invoice.company_id).await?;
    let (subject, body) = crate::i18n::in_locale(locale, || {
        (
            text::overdue_reminder_subject(number),
            text::overdue_reminder_mail(
                number,
                &document.total,
                &document.currency,
                document.due_date,
                &link,
            ),
        )
    });
    app.mailer
        .send_to_all(&recipients, &subject, body, Some(message_id))
        .await
}

/// The company's one active contact (R3): name and email.
async fn contact(app: &AppState, company_id: i64) -> Result<Option<(String, String)>, AppError> {
    Ok(store::contacts::for_company(&app.db, company_id)
        .await?
        .into_iter()
        .find(|c| c.active == 1)
        .map(|c| (c.name, c.email)))
}
