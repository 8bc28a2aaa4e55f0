//! Throttled attempts (sign-ins, reset requests, single-use links), counted per subject and per
//! client address over a sliding window, and the lockouts they led to.

use chrono::{DateTime, Duration, Utc};

use crate::store::Db;

/// What attempts are counted by: the subject (an email) or the client address.
#[derive(Debug, Clone, Copy)]
pub enum Key<'a> {
    Subject(&'a str),
    Address(&'a str),
}

impl Key<'_> {
    /// The key as lockouts name it: a subject and an address never share a name.
    pub fn name(self) -> String {
        match self {
            Key::Subject(subject) => format!("subject:{subject}"),
            Key::Address(ip) => format!("ip:{ip}"),
        }
    }
}

/// Records an attempt and returns its id. Also forgets what is older than any window.
pub async fn record(
    db: &Db,
    kind: &str,
    subject: &str,
    ip: &str,
    now: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    let day_ago = (now - Duration::days(1)).to_rfc3339();
    let writer = crate::store::writer(db);
    sqlx::query("DELETE FROM rate_events WHERE at < $1")
        .bind(&day_ago)
        .execute(&writer)
        .await?;
    sqlx::query("DELETE FROM lockouts WHERE at < $1")
        .bind(&day_ago)
        .execute(&writer)
        .await?;
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO rate_events (kind, subject, ip, at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(kind)
    .bind(subject)
    .bind(ip)
    .bind(now.to_rfc3339())
    .fetch_one(&writer)
    .await?;
    Ok(id)
}

/// Attempts of `kind` by `key` since `since`, up to and including attempt `up_to`: an
/// attempt's rank among its key's attempts (times are RFC 3339 text in UTC, which sorts like
/// time). Counting only earlier ids means a burst of attempts recorded at once lets the first
/// ones through instead of refusing them all.
pub async fn attempts(
    db: &Db,
    kind: &str,
    key: Key<'_>,
    since: DateTime<Utc>,
    up_to: i64,
) -> Result<i64, sqlx::Error> {
    let (sql, value) = match key {
        Key::Subject(subject) => (
            "SELECT COUNT(*) FROM rate_events
             WHERE kind = $1 AND subject = $2 AND at >= $3 AND id <= $4",
            subject,
        ),
        Key::Address(ip) => (
            "SELECT COUNT(*) FROM rate_events
             WHERE kind = $1 AND ip = $2 AND at >= $3 AND id <= $4",
            ip,
        ),
    };
    let (count,): (i64,) = sqlx::query_as(sql)
        .bind(kind)
        .bind(value)
        .bind(since.to_rfc3339())
        .bind(up_to)
        .fetch_one(db)
        .await?;
    Ok(count)
}

/// Forgets one attempt (it succeeded, or it was refused and must not count).
pub async fn forget(db: &Db, id: i64) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM rate_events WHERE id = $1")
        .bind(id)
        .execute(&crate::store::writer(db))
        .await?;
    Ok(())
}

/// Forgets `subject`'s attempts of `kind` and its lockouts under `lockout_kind`.
pub async fn clear(
    db: &Db,
    kind: &str,
    lockout_kind: &str,
    subject: &str,
) -> Result<(), sqlx::Error> {
    let writer = crate::store::writer(db);
    sqlx::query("DELETE FROM rate_events WHERE kind = $1 AND subject = $2")
        .bind(kind)
        .bind(subject)
        .execute(&writer)
        .await?;
    sqlx::query("DELETE FROM lockouts WHERE kind = $1 AND locked = $2")
        .bind(lockout_kind)
        .bind(Key::Subject(subject).name())
        .execute(&writer)
        .await?;
    Ok(())
}

/// A key's lockouts: when the running one ends, how many began since a given time, the
/// highest number given so far, and when the latest began.
pub struct Lockouts {
    pub ends_at: Option<DateTime<Utc>>,
    pub recent: i64,
    pub max_nth: i64,
    pub latest: Option<DateTime<Utc>>,
}

pub async fn lockouts(
    db: &Db,
    kind: &str,
    key: Key<'_>,
    since: DateTime<Utc>,
) -> Result<Lockouts, sqlx::Error> {
    let (ends_at, recent, max_nth, latest): (Option<String>, i64, i64, Option<String>) =
        sqlx::query_as(
            "SELECT MAX(ends_at), COALESCE(SUM(CASE WHEN at >= $3 THEN 1 ELSE 0 END), 0),
                    COALESCE(MAX(nth), 0), MAX(at)
             FROM lockouts WHERE kind = $1 AND locked = $2",
        )
        .bind(kind)
        .bind(key.name())
        .bind(since.to_rfc3339())
        .fetch_one(db)
        .await?;
    let time = |text: Option<String>| {
        text.and_then(|t| DateTime::parse_from_rfc3339(&t).ok())
            .map(|t| t.with_timezone(&Utc))
    };
    Ok(Lockouts {
        ends_at: time(ends_at),
        recent,
        max_nth,
        latest: time(latest),
    })
}

/// Locks `key` out until `ends_at` as its `nth` lockout. False when a concurrent request
/// already did (the same `nth`): only one of them audits it.
pub async fn lock(
    db: &Db,
    kind: &str,
    key: Key<'_>,
    nth: i64,
    now: DateTime<Utc>,
    ends_at: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO lockouts (kind, locked, nth, at, ends_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (kind, locked, nth) DO NOTHING",
    )
    .bind(kind)
    .bind(key.name())
    .bind(nth)
    .bind(now.to_rfc3339())
    .bind(ends_at.to_rfc3339())
    .execute(&crate::store::writer(db))
    .await?;
    Ok(done.rows_affected() == 1)
}
