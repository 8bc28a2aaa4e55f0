//! Throttled attempts (failed sign-ins, reset requests, bad links), counted per subject and per
//! client address over a sliding window.

use chrono::{DateTime, Duration, Utc};

use crate::store::Db;

/// What attempts are counted by: the subject (an email) or the client address.
#[derive(Debug, Clone, Copy)]
pub enum Key<'a> {
    Subject(&'a str),
    Address(&'a str),
}

impl<'a> Key<'a> {
    pub fn value(self) -> &'a str {
        match self {
            Key::Subject(value) | Key::Address(value) => value,
        }
    }
}

/// Attempts of `kind` by `key` since `since`.
pub async fn attempts(
    db: &Db,
    kind: &str,
    key: Key<'_>,
    since: DateTime<Utc>,
) -> Result<i64, sqlx::Error> {
    let sql = match key {
        Key::Subject(_) => {
            "SELECT COUNT(*) FROM rate_events WHERE kind = $1 AND subject = $2 AND at >= $3"
        }
        Key::Address(_) => {
            "SELECT COUNT(*) FROM rate_events WHERE kind = $1 AND ip = $2 AND at >= $3"
        }
    };
    let (count,): (i64,) = sqlx::query_as(sql)
        .bind(kind)
        .bind(key.value())
        .bind(since.to_rfc3339())
        .fetch_one(db)
        .await?;
    Ok(count)
}

pub async fn record(
    db: &Db,
    kind: &str,
    subject: &str,
    ip: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO rate_events (kind, subject, ip, at) VALUES ($1, $2, $3, $4)")
        .bind(kind)
        .bind(subject)
        .bind(ip)
        .bind(now.to_rfc3339())
        .execute(db)
        .await?;
    // Keep the table small: no window is longer than a day.
    sqlx::query("DELETE FROM rate_events WHERE at < $1")
        .bind((now - Duration::days(1)).to_rfc3339())
        .execute(db)
        .await?;
    Ok(())
}

/// Forgets `subject`'s events of the given kinds.
pub async fn clear(db: &Db, kinds: [&str; 2], subject: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM rate_events WHERE kind IN ($1, $2) AND subject = $3")
        .bind(kinds[0])
        .bind(kinds[1])
        .bind(subject)
        .execute(db)
        .await?;
    Ok(())
}

pub struct Lockouts {
    pub count: i64,
    pub latest: Option<DateTime<Utc>>,
}

/// Lockouts of `locked` (an email or an address; recorded as the subject) since `since`: how
/// many, and the latest.
pub async fn lockouts(
    db: &Db,
    kind: &str,
    locked: &str,
    since: DateTime<Utc>,
) -> Result<Lockouts, sqlx::Error> {
    // Times are RFC 3339 text in UTC, which sorts like time.
    let (count, latest): (i64, Option<String>) = sqlx::query_as(
        "SELECT COUNT(*), MAX(at) FROM rate_events WHERE kind = $1 AND subject = $2 AND at >= $3",
    )
    .bind(kind)
    .bind(locked)
    .bind(since.to_rfc3339())
    .fetch_one(db)
    .await?;
    let latest = latest
        .and_then(|at| DateTime::parse_from_rfc3339(&at).ok())
        .map(|at| at.with_timezone(&Utc));
    Ok(Lockouts { count, latest })
}
