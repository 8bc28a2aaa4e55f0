//! The durable job queue (issue 13): work that must happen after a change is written in the
//! change's transaction, then claimed and run by a worker in any instance, retried with backoff
//! until it succeeds or runs out of attempts.
//!
//! A claim is a lease (`locked_until`): a worker that dies mid-job leaves the job to be claimed
//! again once the lease runs out, so a job may run twice after a crash but is never lost, and
//! two live workers never hold the same job. PostgreSQL claimers skip rows another claimer has
//! locked (`FOR UPDATE SKIP LOCKED`); SQLite serializes writers (`BEGIN IMMEDIATE`).

use chrono::{DateTime, SecondsFormat, Utc};

use crate::store::{begin_write, Conn, Db};

/// An instant as the queue stores it: UTC, microseconds, `Z`, so that text order is time order.
pub fn instant(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// A job to enqueue.
#[derive(Debug, Clone)]
pub struct NewJob {
    /// What to do, e.g. `invoice_mail`.
    pub kind: &'static str,
    /// Its arguments as JSON: ids, never secrets.
    pub payload: serde_json::Value,
    /// At most one job per key; `None` for one-off work.
    pub dedupe_key: Option<String>,
    /// Not run before.
    pub run_at: DateTime<Utc>,
    /// Tries before the job is marked failed (at least 1).
    pub max_attempts: u32,
}

/// Enqueues `job` in the caller's transaction. Returns its id, or `None` when a job with the
/// same dedupe key exists already (then nothing is written).
pub async fn enqueue(
    conn: &mut Conn,
    job: &NewJob,
    now: DateTime<Utc>,
) -> Result<Option<i64>, sqlx::Error> {
    let row: Option<(i64,)> = sqlx::query_as(
        "INSERT INTO jobs (kind, payload, dedupe_key, run_at, max_attempts, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (dedupe_key) DO NOTHING RETURNING id",
    )
    .bind(job.kind)
    .bind(job.payload.to_string())
    .bind(job.dedupe_key.as_deref())
    .bind(instant(job.run_at))
    .bind(i64::from(job.max_attempts.max(1)))
    .bind(instant(now))
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(id,)| id))
}

/// Enqueues `job` in the caller's transaction already claimed, until `lease_seconds` after
/// `now`, for the caller to run right after its commit: the claim is written with the change
/// instead of in a transaction of its own (issue 18: one write fewer per purchase). If the
/// caller dies before running it, the claim expires and a worker runs the job, as for any
/// claim. Jobs enqueued this way have no dedupe key.
pub async fn enqueue_claimed(
    conn: &mut Conn,
    job: &NewJob,
    now: DateTime<Utc>,
    lease_seconds: i64,
) -> Result<ClaimedJob, sqlx::Error> {
    sqlx::query_as(
        "INSERT INTO jobs (kind, payload, run_at, max_attempts, created_at, status, attempts,
                           locked_until)
         VALUES ($1, $2, $3, $4, $5, 'running', 1, $6)
         RETURNING id, kind, payload, attempts, max_attempts",
    )
    .bind(job.kind)
    .bind(job.payload.to_string())
    .bind(instant(job.run_at))
    .bind(i64::from(job.max_attempts.max(1)))
    .bind(instant(now))
    .bind(instant(now + chrono::Duration::seconds(lease_seconds)))
    .fetch_one(conn)
    .await
}

/// A job claimed by this worker until its lease ends.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ClaimedJob {
    /// The job's row.
    pub id: i64,
    /// What to do (`invoice_mail`, …).
    pub kind: String,
    /// Its arguments, JSON.
    pub payload: String,
    /// Tries so far, this one included. Every claim raises it, so it also tells this claim
    /// from a later one (a fencing token: see [`complete`]).
    pub attempts: i64,
    /// Tries allowed.
    pub max_attempts: i64,
}

/// Claims the next job due at `now`, for `lease_seconds`: a queued job whose time has come, or
/// a running one whose claim has expired (its worker died). Oldest due first. `None` when
/// nothing is due.
pub async fn claim_next(
    db: &Db,
    now: DateTime<Utc>,
    lease_seconds: i64,
) -> Result<Option<ClaimedJob>, sqlx::Error> {
    claim(db, None, now, lease_seconds).await
}

/// Claims job `id` if it is due at `now` (to run it right after the change that enqueued it
/// committed); `None` when another worker has it or it is done.
pub async fn claim_one(
    db: &Db,
    id: i64,
    now: DateTime<Utc>,
    lease_seconds: i64,
) -> Result<Option<ClaimedJob>, sqlx::Error> {
    claim(db, Some(id), now, lease_seconds).await
}

async fn claim(
    db: &Db,
    id: Option<i64>,
    now: DateTime<Utc>,
    lease_seconds: i64,
) -> Result<Option<ClaimedJob>, sqlx::Error> {
    let mut tx = begin_write(db).await?;
    let now_text = instant(now);
    // A claim that expired on its last try (its worker died or hung): failed, not run again.
    sqlx::query(
        "UPDATE jobs SET status = 'failed', locked_until = NULL, finished_at = $1,
                         last_error = COALESCE(last_error, 'no answer from its last try')
          WHERE status = 'running' AND locked_until <= $1 AND attempts >= max_attempts",
    )
    .bind(&now_text)
    .execute(&mut *tx)
    .await?;
    let skip_locked = if tx.backend_name() == "PostgreSQL" {
        " FOR UPDATE SKIP LOCKED"
    } else {
        ""
    };
    let due: Option<(i64,)> = sqlx::query_as(&format!(
        "SELECT id FROM jobs
          WHERE ((status = 'queued' AND run_at <= $1)
                 OR (status = 'running' AND locked_until <= $1))
            AND ($2 = 0 OR id = $2)
          ORDER BY run_at, id LIMIT 1{skip_locked}"
    ))
    .bind(&now_text)
    .bind(id.unwrap_or(0))
    .fetch_optional(&mut *tx)
    .await?;
    let Some((id,)) = due else {
        tx.commit().await?;
        return Ok(None);
    };
    let until = instant(now + chrono::Duration::seconds(lease_seconds));
    let job: ClaimedJob = sqlx::query_as(
        "UPDATE jobs SET status = 'running', locked_until = $2, attempts = attempts + 1
          WHERE id = $1
         RETURNING id, kind, payload, attempts, max_attempts",
    )
    .bind(id)
    .bind(until)
    .fetch_one(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Some(job))
}

/// Marks a claimed job done. `false` when the claim was lost meanwhile (its lease ran out and
/// another worker claimed the job): the other claim then decides.
pub async fn complete(db: &Db, job: &ClaimedJob, now: DateTime<Utc>) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE jobs SET status = 'done', locked_until = NULL, finished_at = $3, last_error = NULL
          WHERE id = $1 AND status = 'running' AND attempts = $2",
    )
    .bind(job.id)
    .bind(job.attempts)
    .bind(instant(now))
    .execute(&crate::store::writer(db))
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Records a failed run of a claimed job: queued again at `retry_at`, or failed for good when
/// `job` has used its attempts. `error` is kept for the admin (the last one only). `false`
/// when the claim was lost meanwhile, as for [`complete`].
pub async fn failed(
    db: &Db,
    job: &ClaimedJob,
    error: &str,
    now: DateTime<Utc>,
    retry_at: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let error: String = error.chars().take(2000).collect();
    let last_try = job.attempts >= job.max_attempts;
    let done = sqlx::query(
        "UPDATE jobs SET status = $3, locked_until = NULL, last_error = $4,
                         finished_at = CASE WHEN $3 = 'failed' THEN $5 ELSE NULL END,
                         run_at = CASE WHEN $3 = 'failed' THEN run_at ELSE $5 END
          WHERE id = $1 AND status = 'running' AND attempts = $2",
    )
    .bind(job.id)
    .bind(job.attempts)
    .bind(if last_try { "failed" } else { "queued" })
    .bind(error)
    .bind(if last_try {
        instant(now)
    } else {
        instant(retry_at)
    })
    .execute(&crate::store::writer(db))
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A job as the admin's list shows it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct JobRow {
    /// The job's row.
    pub id: i64,
    /// What it does (`invoice_mail`, …).
    pub kind: String,
    /// JSON.
    pub payload: String,
    /// `queued`, `running`, `done` or `failed`.
    pub status: String,
    /// RFC 3339.
    pub run_at: String,
    /// Tries so far, and allowed.
    pub attempts: i64,
    pub max_attempts: i64,
    /// The last try's error, if it failed.
    pub last_error: Option<String>,
    /// RFC 3339, when done or failed.
    pub finished_at: Option<String>,
}

/// The newest `limit` jobs with `status` (empty: any), newest first.
pub async fn list(db: &Db, status: &str, limit: i64) -> Result<Vec<JobRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, kind, payload, status, run_at, attempts, max_attempts, last_error,
                finished_at
           FROM jobs WHERE ($1 = '' OR status = $1) ORDER BY id DESC LIMIT $2",
    )
    .bind(status)
    .bind(limit)
    .fetch_all(db)
    .await
}

/// What a retry found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Retry {
    /// The failed job is queued again.
    Queued,
    /// The job is not failed (queued, running or done): nothing to retry.
    NotFailed,
    /// No such job.
    Unknown,
}

/// Gives a failed job one more try, due at `now`.
pub async fn retry(conn: &mut Conn, id: i64, now: DateTime<Utc>) -> Result<Retry, sqlx::Error> {
    let exists: Option<(i64,)> = sqlx::query_as("SELECT id FROM jobs WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    if exists.is_none() {
        return Ok(Retry::Unknown);
    }
    let done = sqlx::query(
        "UPDATE jobs SET status = 'queued', run_at = $2, max_attempts = attempts + 1,
                         finished_at = NULL
          WHERE id = $1 AND status = 'failed'",
    )
    .bind(id)
    .bind(instant(now))
    .execute(conn)
    .await?;
    Ok(if done.rows_affected() == 1 {
        Retry::Queued
    } else {
        Retry::NotFailed
    })
}
