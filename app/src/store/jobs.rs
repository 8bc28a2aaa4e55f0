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

/// A job claimed by this worker until its lease ends.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ClaimedJob {
    pub id: i64,
    pub kind: String,
    /// JSON.
    pub payload: String,
    /// Including this run.
    pub attempts: i64,
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
    let skip_locked = if tx.backend_name() == "PostgreSQL" {
        " FOR UPDATE SKIP LOCKED"
    } else {
        ""
    };
    let now_text = instant(now);
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

/// Marks a claimed job done.
pub async fn complete(db: &Db, id: i64, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE jobs SET status = 'done', locked_until = NULL, finished_at = $2, last_error = NULL
          WHERE id = $1",
    )
    .bind(id)
    .bind(instant(now))
    .execute(db)
    .await?;
    Ok(())
}

/// Records a failed run of a claimed job: queued again at `retry_at`, or failed for good when
/// `job` has used its attempts. `error` is kept for the admin (the last one only).
pub async fn failed(
    db: &Db,
    job: &ClaimedJob,
    error: &str,
    now: DateTime<Utc>,
    retry_at: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    let error: String = error.chars().take(2000).collect();
    if job.attempts >= job.max_attempts {
        sqlx::query(
            "UPDATE jobs SET status = 'failed', locked_until = NULL, finished_at = $2,
                             last_error = $3
              WHERE id = $1",
        )
        .bind(job.id)
        .bind(instant(now))
        .bind(error)
        .execute(db)
        .await?;
    } else {
        sqlx::query(
            "UPDATE jobs SET status = 'queued', locked_until = NULL, run_at = $2, last_error = $3
              WHERE id = $1",
        )
        .bind(job.id)
        .bind(instant(retry_at))
        .bind(error)
        .execute(db)
        .await?;
    }
    Ok(())
}

/// A job as the admin's list shows it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct JobRow {
    pub id: i64,
    pub kind: String,
    /// JSON.
    pub payload: String,
    /// `queued`, `running`, `done` or `failed`.
    pub status: String,
    /// RFC 3339.
    pub run_at: String,
    pub attempts: i64,
    pub max_attempts: i64,
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

/// Gives a failed job one more try, due at `now`. Returns whether the job was failed.
pub async fn retry(conn: &mut Conn, id: i64, now: DateTime<Utc>) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE jobs SET status = 'queued', run_at = $2, max_attempts = attempts + 1,
                         finished_at = NULL
          WHERE id = $1 AND status = 'failed'",
    )
    .bind(id)
    .bind(instant(now))
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
