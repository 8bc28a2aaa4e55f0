//! Throttled attempts (failed sign-ins, reset requests, bad links), counted per subject and per
//! client address over a sliding window.

use chrono::{DateTime, Duration, Utc};

use crate::store::Db;

pub struct Counts {
    pub for_subject: i64,
    pub for_ip: i64,
}

pub async fn recent(
    db: &Db,
    kind: &str,
    subject: &str,
    ip: &str,
    since: DateTime<Utc>,
) -> Result<Counts, sqlx::Error> {
    let since = since.to_rfc3339();
    let (for_subject,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM rate_events WHERE kind = $1 AND subject = $2 AND at >= $3",
    )
    .bind(kind)
    .bind(subject)
    .bind(&since)
    .fetch_one(db)
    .await?;
    let (for_ip,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM rate_events WHERE kind = $1 AND ip = $2 AND at >= $3")
            .bind(kind)
            .bind(ip)
            .bind(&since)
            .fetch_one(db)
            .await?;
    Ok(Counts {
        for_subject,
        for_ip,
    })
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

pub async fn clear(db: &Db, kind: &str, subject: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM rate_events WHERE kind = $1 AND subject = $2")
        .bind(kind)
        .bind(subject)
        .execute(db)
        .await?;
    Ok(())
}
