//! Webhook endpoints and their deliveries (issue 17).

use super::{Conn, Db};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EndpointRow {
    pub id: i64,
    pub url: String,
    pub events: String,
    pub secret: String,
    pub active: i64,
}

/// Registers an endpoint; returns its id.
pub async fn add(
    conn: &mut Conn,
    url: &str,
    events: &str,
    secret: &str,
    now: &str,
    admin_id: i64,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO webhook_endpoints (url, events, secret, created_at, created_by)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(url)
    .bind(events)
    .bind(secret)
    .bind(now)
    .bind(admin_id)
    .fetch_one(conn)
    .await
}

/// Stops posting to endpoint `id`; its log stays. False when there is no such active one.
pub async fn deactivate(conn: &mut Conn, id: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE webhook_endpoints SET active = 0 WHERE id = $1 AND active = 1")
        .bind(id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Every endpoint, active first, newest first.
pub async fn endpoints(db: &Db) -> Result<Vec<EndpointRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, url, events, secret, active FROM webhook_endpoints ORDER BY active DESC, id DESC",
    )
    .fetch_all(db)
    .await
}

/// The active endpoints subscribed to `event`.
pub async fn subscribed(conn: &mut Conn, event: &str) -> Result<Vec<EndpointRow>, sqlx::Error> {
    let all: Vec<EndpointRow> = sqlx::query_as(
        "SELECT id, url, events, secret, active FROM webhook_endpoints WHERE active = 1",
    )
    .fetch_all(conn)
    .await?;
    Ok(all
        .into_iter()
        .filter(|e| e.events.split(',').any(|name| name.trim() == event))
        .collect())
}

/// Records event `event_id` for endpoint `endpoint_id`; `None` when it was recorded already.
pub async fn add_delivery(
    conn: &mut Conn,
    endpoint_id: i64,
    event: &str,
    event_id: &str,
    payload: &str,
    now: &str,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO webhook_deliveries (endpoint_id, event, event_id, payload, created_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (endpoint_id, event_id) DO NOTHING RETURNING id",
    )
    .bind(endpoint_id)
    .bind(event)
    .bind(event_id)
    .bind(payload)
    .bind(now)
    .fetch_optional(conn)
    .await
}

/// A delivery with what sending it needs.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DeliveryToSend {
    pub id: i64,
    pub event: String,
    pub event_id: String,
    pub payload: String,
    pub status: String,
    pub url: String,
    pub secret: String,
    pub active: i64,
}

pub async fn to_send(db: &Db, id: i64) -> Result<Option<DeliveryToSend>, sqlx::Error> {
    sqlx::query_as(
        "SELECT d.id, d.event, d.event_id, d.payload, d.status, e.url, e.secret, e.active
           FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
          WHERE d.id = $1",
    )
    .bind(id)
    .fetch_optional(db)
    .await
}

/// Records one try: the answer's status (none when there was no answer) and, unless it was a
/// success, the error.
pub async fn record_try(
    db: &Db,
    id: i64,
    status: Option<i64>,
    error: Option<&str>,
    now: &str,
) -> Result<(), sqlx::Error> {
    let delivered = error.is_none();
    sqlx::query(
        "UPDATE webhook_deliveries
            SET attempts = attempts + 1, last_status = $2, last_error = $3,
                status = CASE WHEN $4 = 1 THEN 'delivered' ELSE status END,
                delivered_at = CASE WHEN $4 = 1 THEN $5 ELSE delivered_at END
          WHERE id = $1",
    )
    .bind(id)
    .bind(status)
    .bind(error)
    .bind(i64::from(delivered))
    .bind(now)
    .execute(&crate::store::writer(db))
    .await?;
    Ok(())
}

/// A line of an endpoint's delivery log.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DeliveryRow {
    pub id: i64,
    pub endpoint_id: i64,
    pub event: String,
    pub event_id: String,
    pub status: String,
    pub attempts: i64,
    pub last_status: Option<i64>,
    pub last_error: Option<String>,
    pub created_at: String,
}

/// The newest `limit` deliveries of every endpoint.
pub async fn log(db: &Db, limit: i64) -> Result<Vec<DeliveryRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, endpoint_id, event, event_id, status, attempts, last_status, last_error,
                created_at
           FROM webhook_deliveries ORDER BY id DESC LIMIT $1",
    )
    .bind(limit)
    .fetch_all(db)
    .await
}
