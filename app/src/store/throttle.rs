//! Failed sign-ins, counted per account and per client address over a sliding window.

use chrono::{DateTime, Duration, Utc};

use crate::store::Db;

pub struct Failures {
    pub for_email: i64,
    pub for_ip: i64,
}

pub async fn recent(
    db: &Db,
    email: &str,
    ip: &str,
    since: DateTime<Utc>,
) -> Result<Failures, sqlx::Error> {
    let since = since.to_rfc3339();
    let (for_email,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM login_failures WHERE email = $1 AND at >= $2")
            .bind(email)
            .bind(&since)
            .fetch_one(db)
            .await?;
    let (for_ip,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM login_failures WHERE ip = $1 AND at >= $2")
            .bind(ip)
            .bind(&since)
            .fetch_one(db)
            .await?;
    Ok(Failures { for_email, for_ip })
}

pub async fn record(db: &Db, email: &str, ip: &str, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
    sqlx::query("INSERT INTO login_failures (email, ip, at) VALUES ($1, $2, $3)")
        .bind(email)
        .bind(ip)
        .bind(now.to_rfc3339())
        .execute(db)
        .await?;
    // Keep the table small: nothing older than a day matters.
    sqlx::query("DELETE FROM login_failures WHERE at < $1")
        .bind((now - Duration::days(1)).to_rfc3339())
        .execute(db)
        .await?;
    Ok(())
}

pub async fn clear(db: &Db, email: &str) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM login_failures WHERE email = $1")
        .bind(email)
        .execute(db)
        .await?;
    Ok(())
}
