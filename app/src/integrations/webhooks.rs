//! Webhooks (issue 17): events posted to the endpoints admins register, through the durable
//! job queue (a delivery is a job: sent after the commit that caused it, retried with the
//! queue's backoff when the receiver fails, never lost by a crash).
//!
//! Each POST carries the event as JSON and three headers:
//! - `Portal-Event`: the event name, e.g. `order.placed`;
//! - `Portal-Delivery`: the event's id, the same on every retry, for the receiver to dedupe;
//! - `Portal-Signature`: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" under the
//!   endpoint's secret>`. A receiver recomputes it, compares in constant time, and refuses old
//!   timestamps (replays).

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::error::AppError;
use crate::jobs::Job;
use crate::state::AppState;
use crate::store::{webhooks, Conn};

/// The events an endpoint can subscribe to.
pub const EVENTS: [&str; 4] = [
    "order.placed",
    "invoice.paid",
    "contract.renewed",
    "contract.lapsed",
];

/// The subscribed events in `text` (names separated by commas or spaces), or a refusal naming
/// the known ones.
pub fn parse_events(text: &str) -> Result<Vec<&'static str>, AppError> {
    let mut events = Vec::new();
    for name in text
        .split([',', ' '])
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        let known = EVENTS.iter().find(|e| **e == name).ok_or_else(|| {
            AppError::Invalid(crate::tr!("webhook-events", events = EVENTS.join(", ")))
        })?;
        if !events.contains(known) {
            events.push(*known);
        }
    }
    if events.is_empty() {
        return Err(AppError::Invalid(crate::tr!(
            "webhook-events",
            events = EVENTS.join(", ")
        )));
    }
    Ok(events)
}

/// `Portal-Signature` for `body` sent at unix time `timestamp` under `secret`.
pub fn signature(secret: &str, timestamp: i64, body: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes any key");
    mac.update(format!("{timestamp}.{body}").as_bytes());
    let digest: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("t={timestamp},v1={digest}")
}

/// Records `event` (`event_id` unique per event) for every endpoint subscribed to it, in the
/// caller's transaction, and enqueues its deliveries; returns the jobs to kick after commit.
pub async fn emit(
    conn: &mut Conn,
    event: &'static str,
    event_id: &str,
    data: serde_json::Value,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<i64>, AppError> {
    let endpoints = webhooks::subscribed(conn, event).await?;
    if endpoints.is_empty() {
        return Ok(Vec::new());
    }
    let at = now.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let payload = serde_json::json!({
        "id": event_id,
        "type": event,
        "created_at": at,
        "data": data,
    })
    .to_string();
    let mut jobs = Vec::new();
    for endpoint in endpoints {
        let added =
            webhooks::add_delivery(conn, endpoint.id, event, event_id, &payload, &at).await?;
        if let Some(delivery_id) = added {
            jobs.push(crate::jobs::enqueue(conn, &Job::Webhook { delivery_id }, now).await?);
        }
    }
    Ok(jobs)
}

/// Sends delivery `delivery_id` (run by the queue). A 2xx answer delivers it; anything else
/// is recorded and returned as an error, so the queue retries it later. A delivery to an
/// endpoint removed since is dropped.
pub async fn deliver(app: &AppState, delivery_id: i64) -> Result<(), AppError> {
    let Some(delivery) = webhooks::to_send(&app.db, delivery_id).await? else {
        return Ok(());
    };
    if delivery.status == "delivered" || delivery.active == 0 {
        return Ok(());
    }
    let timestamp = app.clock.now().timestamp();
    let sent = client()
        .post(&delivery.url)
        .header("content-type", "application/json")
        .header("portal-event", &delivery.event)
        .header("portal-delivery", &delivery.event_id)
        .header(
            "portal-signature",
            signature(&delivery.secret, timestamp, &delivery.payload),
        )
        .body(delivery.payload.clone())
        .send()
        .await;
    let now = crate::store::now_rfc3339();
    let (status, error) = match sent {
        Ok(answer) if answer.status().is_success() => (Some(answer.status().as_u16()), None),
        Ok(answer) => (
            Some(answer.status().as_u16()),
            Some(format!("answered {}", answer.status())),
        ),
        Err(error) => (None, Some(format!("not delivered: {error}"))),
    };
    webhooks::record_try(
        &app.db,
        delivery_id,
        status.map(i64::from),
        error.as_deref(),
        &now,
    )
    .await?;
    match error {
        None => Ok(()),
        Some(error) => Err(AppError::internal(format_args!(
            "webhook {} to {}: {error}",
            delivery.event_id, delivery.url
        ))),
    }
}

/// One HTTP client for every delivery: 10 seconds at most per try, no redirects followed
/// (a receiver that moved must be registered again).
fn client() -> &'static reqwest::Client {
    static CLIENT: std::sync::OnceLock<reqwest::Client> = std::sync::OnceLock::new();
    CLIENT.get_or_init(|| {
        reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(10))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("an HTTP client")
    })
}

/// A new endpoint secret: 32 random bytes, hex.
pub fn new_secret() -> String {
    use argon2::password_hash::rand_core::{OsRng, RngCore};
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    format!(
        "whsec_{}",
        bytes.iter().map(|b| format!("{b:02x}")).collect::<String>()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_cover_time_and_body() {
        let a = signature("secret", 1_700_000_000, "{}");
        assert!(a.starts_with("t=1700000000,v1="));
        assert_eq!(a.len(), "t=1700000000,v1=".len() + 64);
        assert_ne!(a, signature("secret", 1_700_000_001, "{}"));
        assert_ne!(a, signature("secret", 1_700_000_000, "{ }"));
        assert_ne!(a, signature("other", 1_700_000_000, "{}"));
    }

    #[test]
    fn events_are_the_known_four() {
        assert_eq!(
            parse_events("order.placed, invoice.paid order.placed").unwrap(),
            vec!["order.placed", "invoice.paid"]
        );
        assert!(parse_events("order.deleted").is_err());
        assert!(parse_events(" , ").is_err());
    }
}
