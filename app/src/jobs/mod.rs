//! Running the queue's jobs (issue 13). Server-only.
//!
//! A change enqueues its follow-up work in its own transaction (`enqueue`), so the work exists
//! exactly when the change does. Right after the commit the request runs it (`kick`), so mail
//! leaves at once when it can; a worker in every instance (`spawn_worker`) picks up whatever
//! failed or was left behind by a crash, retrying with backoff. The store's claims
//! (`store::jobs`) keep two instances from running one job at once.

pub mod reminders;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::i18n::t;
use crate::state::AppState;
use crate::store::jobs::{self as queue, ClaimedJob, NewJob};
use crate::store::Conn;
use crate::text;

/// How long a claim lasts: longer than any job takes (an SMTP send with its timeouts).
const LEASE_SECONDS: i64 = 300;
/// Tries before a job is marked failed: with the backoff below, about two days (a mail server
/// down over a weekend night loses nothing).
const MAX_ATTEMPTS: u32 = 16;

/// The work the queue knows. Payloads hold ids, never secrets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "payload", rename_all = "snake_case")]
pub enum Job {
    /// Mail an order's invoice PDF to the billing addresses it was issued with.
    InvoiceMail { order_id: i64, company_id: i64 },
    /// Tell a request's contact that an admin answered it.
    AnsweredMail { request_id: i64 },
    /// Mail a contact a password-reset link. The link is issued when the job runs, so the
    /// queue never holds a secret; a retry issues a fresh one. `epoch` is the account's
    /// `auth_epoch` when asked: once the password has been set since, nothing is sent.
    ResetMail { contact_id: i64, epoch: i64 },
    /// Mail a newly assigned contact an invitation link, issued when the job runs (the admin
    /// was shown another; whichever is used first voids the other). `epoch` as for resets.
    InvitationMail { contact_id: i64, epoch: i64 },
    /// Remind a company that its coverage ends (or ended) on `coverage_end`.
    RenewalReminder {
        company_id: i64,
        coverage_end: NaiveDate,
        milestone: domain::RenewalMilestone,
    },
    /// Remind the billing addresses of an unpaid invoice.
    OverdueReminder {
        number: String,
        milestone: domain::OverdueMilestone,
    },
    /// Post a webhook delivery (issue 17) to its endpoint.
    Webhook { delivery_id: i64 },
}

impl Job {
    fn kind(&self) -> &'static str {
        match self {
            Job::InvoiceMail { .. } => "invoice_mail",
            Job::AnsweredMail { .. } => "answered_mail",
            Job::ResetMail { .. } => "reset_mail",
            Job::InvitationMail { .. } => "invitation_mail",
            Job::RenewalReminder { .. } => "renewal_reminder",
            Job::OverdueReminder { .. } => "overdue_reminder",
            Job::Webhook { .. } => "webhook",
        }
    }

    /// Reads a stored job back; `None` for a kind this release does not know.
    fn parse(job: &ClaimedJob) -> Option<Job> {
        let payload: serde_json::Value = serde_json::from_str(&job.payload).ok()?;
        serde_json::from_value(serde_json::json!({ "kind": job.kind, "payload": payload })).ok()
    }
}

/// Enqueues `job` in the caller's transaction, due now; returns its id for [`kick`].
pub async fn enqueue(conn: &mut Conn, job: &Job, now: DateTime<Utc>) -> Result<i64, AppError> {
    queue::enqueue(conn, &new_job(job, None, now)?, now)
        .await?
        .ok_or_else(|| AppError::internal("a job without a dedupe key was not enqueued"))
}

/// Enqueues `job` in the caller's transaction, claimed by this process: run it with
/// [`run_claimed`] right after the commit. Saves the claim's own write transaction that
/// [`enqueue`] and [`kick`] take (issue 18); after a crash the claim expires in
/// `LEASE_SECONDS` and a worker runs the job.
pub async fn enqueue_claimed(
    conn: &mut Conn,
    job: &Job,
    now: DateTime<Utc>,
) -> Result<ClaimedJob, AppError> {
    Ok(queue::enqueue_claimed(conn, &new_job(job, None, now)?, now, LEASE_SECONDS).await?)
}

/// Enqueues `job` unless a job with `key` exists (ever enqueued, whatever its state); returns
/// whether it was added.
pub async fn enqueue_once(
    conn: &mut Conn,
    job: &Job,
    key: String,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    Ok(queue::enqueue(conn, &new_job(job, Some(key), now)?, now)
        .await?
        .is_some())
}

fn new_job(job: &Job, key: Option<String>, now: DateTime<Utc>) -> Result<NewJob, AppError> {
    let value = serde_json::to_value(job)
        .map_err(|e| AppError::internal(format_args!("job not serializable: {e}")))?;
    Ok(NewJob {
        kind: job.kind(),
        payload: value["payload"].clone(),
        dedupe_key: key,
        run_at: now,
        max_attempts: MAX_ATTEMPTS,
    })
}

/// Runs job `id` right after the change that enqueued it committed. With the outbox (local
/// and fast) the caller waits for it; over SMTP it runs in the background, so nobody waits
/// for a mail server. A failure stays in the queue for the worker.
pub async fn kick(app: &AppState, id: i64) {
    kick_as(app, id, app.mailer.delivered_before_answer()).await;
}

/// Runs job `id` in the background, whatever the mailer: a webhook receiver may take seconds,
/// and no purchase waits for it.
pub async fn kick_in_background(app: &AppState, id: i64) {
    kick_as(app, id, false).await;
}

async fn kick_as(app: &AppState, id: i64, wait: bool) {
    let app_for_task = app.clone();
    let running = async move {
        let app = &app_for_task;
        match queue::claim_one(&app.db, id, app.clock.now(), LEASE_SECONDS).await {
            Ok(Some(job)) => run(app, job).await,
            Ok(None) => {}
            Err(error) => tracing::warn!(job = id, %error, "job not claimed; the worker will"),
        }
    };
    wait_or_spawn(running, wait).await;
}

/// Runs a job of [`enqueue_claimed`] once its transaction committed, waiting for it as
/// [`kick`] does.
pub async fn run_claimed(app: &AppState, job: ClaimedJob) {
    let app = app.clone();
    let wait = app.mailer.delivered_before_answer();
    wait_or_spawn(async move { run(&app, job).await }, wait).await;
}

/// Awaits `running` here, or lets it run on its own after the answer.
async fn wait_or_spawn(
    running: impl std::future::Future<Output = ()> + Send + 'static,
    wait: bool,
) {
    if wait {
        running.await;
    } else {
        tokio::spawn(running);
    }
}

/// Runs every job due now, one at a time; returns how many ran.
pub async fn run_due(app: &AppState) -> Result<usize, sqlx::Error> {
    let mut ran = 0;
    while let Some(job) = queue::claim_next(&app.db, app.clock.now(), LEASE_SECONDS).await? {
        run(app, job).await;
        ran += 1;
    }
    Ok(ran)
}

/// Starts the worker: every `poll`, runs the jobs that are due; when the day changes, and
/// every ten minutes, first enqueues the reminders due today. One per instance.
pub fn spawn_worker(app: AppState, poll: std::time::Duration) -> tokio::task::JoinHandle<()> {
    const RESCAN: std::time::Duration = std::time::Duration::from_secs(600);
    tokio::spawn(async move {
        let mut scanned: Option<(NaiveDate, std::time::Instant)> = None;
        loop {
            let today = app.clock.today();
            let stale = scanned.is_none_or(|(day, at)| day != today || at.elapsed() >= RESCAN);
            if stale {
                match reminders::schedule(&app).await {
                    Ok(added) => {
                        scanned = Some((today, std::time::Instant::now()));
                        if added > 0 {
                            tracing::info!(added, "reminders enqueued");
                        }
                    }
                    Err(error) => tracing::warn!(%error, "reminders not scheduled; trying again"),
                }
            }
            if let Err(error) = run_due(&app).await {
                tracing::warn!(%error, "job queue unavailable; trying again");
            }
            tokio::time::sleep(poll).await;
        }
    })
}

/// Waits before the next try after `attempts` failed ones: 1, 2, 4 … minutes, at most 6 hours.
pub fn backoff(attempts: i64) -> Duration {
    let minutes = 1_i64 << attempts.clamp(1, 10).saturating_sub(1);
    Duration::minutes(minutes.min(360))
}

async fn run(app: &AppState, job: ClaimedJob) {
    let result = match Job::parse(&job) {
        // In a task of its own, so that a panic fails this job, not the worker.
        Some(known) => {
            let (task_app, id) = (app.clone(), job.id);
            tokio::spawn(async move { execute(&task_app, &known, id).await })
                .await
                .unwrap_or_else(|panic| {
                    Err(AppError::internal(format_args!("job panicked: {panic}")))
                })
        }
        None => Err(AppError::internal(format_args!(
            "unknown job kind {}",
            job.kind
        ))),
    };
    let now = app.clock.now();
    let recorded = match &result {
        Ok(()) => queue::complete(&app.db, &job, now).await,
        Err(error) => {
            tracing::warn!(job = job.id, kind = %job.kind, attempt = job.attempts, %error, "job failed");
            let retry_at = now + backoff(job.attempts);
            queue::failed(&app.db, &job, &error.to_string(), now, retry_at).await
        }
    };
    match recorded {
        Ok(true) => {}
        // This claim's lease ran out and another worker holds the job now: it decides.
        Ok(false) => tracing::warn!(job = job.id, "claim lost before the outcome was recorded"),
        // The claim expires and the job runs again: at worst a repeat, never a loss.
        Err(error) => tracing::warn!(job = job.id, %error, "job outcome not recorded"),
    }
}

async fn execute(app: &AppState, job: &Job, id: i64) -> Result<(), AppError> {
    match job {
        Job::InvoiceMail {
            order_id,
            company_id,
        } => crate::invoice::send_mail(app, *order_id, *company_id, &message_id(app, id)).await,
        Job::AnsweredMail { request_id } => answered_mail(app, *request_id, id).await,
        Job::ResetMail { contact_id, epoch } => {
            let purpose = crate::store::tokens::Purpose::PasswordReset;
            link_mail(app, *contact_id, *epoch, purpose, id).await
        }
        Job::InvitationMail { contact_id, epoch } => {
            let purpose = crate::store::tokens::Purpose::Invitation;
            link_mail(app, *contact_id, *epoch, purpose, id).await
        }
        Job::RenewalReminder {
            company_id,
            coverage_end,
            milestone,
        } => {
            reminders::renewal(
                app,
                *company_id,
                *coverage_end,
                *milestone,
                &message_id(app, id),
            )
            .await
        }
        Job::OverdueReminder { number, .. } => {
            reminders::overdue(app, number, &message_id(app, id)).await
        }
        Job::Webhook { delivery_id } => {
            crate::integrations::webhooks::deliver(app, *delivery_id).await
        }
    }
}

async fn answered_mail(app: &AppState, request_id: i64, job_id: i64) -> Result<(), AppError> {
    use crate::{store, text};
    let Some(row) = store::consultations::find(&app.db, request_id, None).await? else {
        // Gone (never, today): nothing to tell.
        return Ok(());
    };
    let link = format!("{}/consultations/{request_id}", app.public_url);
    let locale = store::preferences::company_locale(&app.db, row.company_id).await?;
    let (subject, mail) = crate::i18n::in_locale(locale, || {
        (
            t("answered-subject"),
            text::answered_mail(&row.contact_name, &row.subject, &link),
        )
    });
    app.mailer
        .send_as(
            &row.contact_name,
            &row.contact_email,
            &subject,
            mail,
            Some(&message_id(app, job_id)),
        )
        .await
}

/// Mails contact `contact_id` a single-use link for `purpose`, issued now: the queue never
/// holds the secret, and a retry issues a fresh link.
async fn link_mail(
    app: &AppState,
    contact_id: i64,
    epoch: i64,
    purpose: crate::store::tokens::Purpose,
    job_id: i64,
) -> Result<(), AppError> {
    use crate::store::{self, tokens};
    let Some((name, email, now_epoch)) = store::contacts::active_by_id(&app.db, contact_id).await?
    else {
        // No longer the company's contact: no link for them.
        return Ok(());
    };
    if now_epoch != epoch {
        // The password was set (or every session ended) since the link was asked for: a link
        // mailed now would reopen a way in that was closed.
        return Ok(());
    }
    let mut conn = app.db.acquire().await?;
    let token = tokens::issue(&mut conn, contact_id, purpose, app.clock.now()).await?;
    drop(conn);
    let locale = store::preferences::contact_locale(&app.db, contact_id).await?;
    let (subject, body) = crate::i18n::in_locale(locale, || match purpose {
        tokens::Purpose::PasswordReset => (
            t("reset-subject"),
            text::reset_mail(&name, &format!("{}/reset?token={token}", app.public_url)),
        ),
        tokens::Purpose::Invitation => (
            t("invitation-subject"),
            text::invitation_mail(&name, &format!("{}/invite?token={token}", app.public_url)),
        ),
    });
    app.mailer
        .send_as(
            &name,
            &email,
            &subject,
            body,
            Some(&message_id(app, job_id)),
        )
        .await
}

/// The same `Message-ID` on every try of a job, so that a crash between sending and recording
/// can at worst deliver the same message twice, which mail clients show once.
fn message_id(app: &AppState, job_id: i64) -> String {
    let host = app
        .public_url
        .split("://")
        .nth(1)
        .unwrap_or("portal.invalid")
        .split(['/', ':'])
        .next()
        .unwrap_or("portal.invalid");
    format!("<job-{job_id}@{host}>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_from_a_minute_up_to_six_hours() {
        let minutes: Vec<i64> = (1..=11).map(|a| backoff(a).num_minutes()).collect();
        assert_eq!(minutes, [1, 2, 4, 8, 16, 32, 64, 128, 256, 360, 360]);
        let budget: i64 = (1..i64::from(MAX_ATTEMPTS))
            .map(|a| backoff(a).num_minutes())
            .sum();
        assert_eq!(
            budget, 2671,
            "about 44 hours from the first try to the last"
        );
    }

    #[test]
    fn jobs_are_stored_as_a_kind_and_a_payload_of_ids() {
        let job = Job::InvoiceMail {
            order_id: 7,
            company_id: 2,
        };
        let claimed = ClaimedJob {
            id: 1,
            kind: "invoice_mail".into(),
            payload: r#"{"order_id":7,"company_id":2}"#.into(),
            attempts: 1,
            max_attempts: 10,
        };
        assert_eq!(Job::parse(&claimed), Some(job));
        let unknown = ClaimedJob {
            kind: "fax".into(),
            ..claimed
        };
        assert_eq!(Job::parse(&unknown), None);
    }
}
