//! The admin's integrations page (issue 17): webhook endpoints with their delivery log, and the
//! CSV import (dry run, then apply).

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::admin::{ImportReport, WebhooksView};

/// Deliveries shown in the log.
pub const DELIVERIES_SHOWN: i64 = 100;

/// Every endpoint, and the newest deliveries.
#[server(endpoint = "admin_webhooks")]
pub async fn admin_webhooks() -> Result<WebhooksView, AppError> {
    use crate::model::admin::{DeliveryView, WebhookView};
    use crate::{api, store};
    api::with_status(
        async {
            let (app, _) = api::admin_caller().await?;
            let endpoints = store::webhooks::endpoints(&app.db).await?;
            let log = store::webhooks::log(&app.db, DELIVERIES_SHOWN).await?;
            Ok(WebhooksView {
                endpoints: endpoints
                    .into_iter()
                    .map(|e| WebhookView {
                        id: e.id,
                        url: e.url,
                        events: e.events,
                        active: e.active == 1,
                    })
                    .collect(),
                deliveries: log
                    .into_iter()
                    .map(|d| DeliveryView {
                        id: d.id,
                        endpoint_id: d.endpoint_id,
                        event: d.event,
                        event_id: d.event_id,
                        status: d.status,
                        attempts: d.attempts,
                        last_status: d.last_status,
                        last_error: d.last_error,
                        created_at: crate::api::orders::views::placed_minute(&d.created_at),
                    })
                    .collect(),
            })
        }
        .await,
    )
}

/// Registers endpoint `url` for `events` (comma-separated); returns its signing secret, shown
/// once.
#[server(endpoint = "admin_add_webhook")]
pub async fn admin_add_webhook(url: String, events: String) -> Result<String, AppError> {
    use crate::integrations::webhooks;
    use crate::outcome::{self, Outcome};
    use crate::{api, input, store};
    let result = async {
        let (app, admin) = api::admin_caller().await?;
        let url = input::WEBHOOK_URL.required(&url)?;
        let parsed = url
            .parse::<axum::http::Uri>()
            .ok()
            .filter(|u| matches!(u.scheme_str(), Some("http" | "https")) && u.host().is_some());
        let Some(parsed) = parsed else {
            return Err(AppError::Invalid(crate::i18n::t("err-webhook-url")));
        };
        // The scheme and host lower-cased, as the schema's check expects.
        let normalized = parsed.to_string();
        let url = normalized.as_str();
        let events = webhooks::parse_events(&events)?.join(",");
        let secret = webhooks::new_secret();
        let now = crate::store::now_rfc3339();
        let mut tx = store::begin_write(&app.db).await?;
        let id = store::webhooks::add(&mut tx, url, &events, &secret, &now, admin.admin_id).await?;
        let summary = format!("Webhook {id} to {url} for {events}");
        super::helpers::audit(&mut tx, &admin, None, "webhook_added", summary).await?;
        tx.commit().await?;
        outcome::leave::<AdminAddWebhook>(Outcome::Secret(secret.clone()));
        Ok(secret)
    }
    .await;
    api::with_status(result)
}

/// Stops posting to endpoint `id` (its log stays).
#[server(endpoint = "admin_remove_webhook")]
pub async fn admin_remove_webhook(id: i64) -> Result<(), AppError> {
    use crate::{api, store};
    api::saved::<AdminRemoveWebhook>(
        async {
            let (app, admin) = api::admin_caller().await?;
            let mut tx = store::begin_write(&app.db).await?;
            if !store::webhooks::deactivate(&mut tx, id).await? {
                return Err(AppError::NotFound);
            }
            let summary = format!("Webhook {id} removed");
            super::helpers::audit(&mut tx, &admin, None, "webhook_removed", summary).await?;
            tx.commit().await?;
            Ok(())
        }
        .await,
    )
}

/// A dry run of importing `csv`: what would be created or changed, and every row's error.
/// Nothing is written.
#[server(endpoint = "admin_import_preview")]
pub async fn admin_import_preview(csv: String) -> Result<ImportReport, AppError> {
    crate::api::with_status(import::<AdminImportPreview>(&csv, false).await)
}

/// Imports `csv`: all of it, or nothing when any row is refused (the report says which).
#[server(endpoint = "admin_import_apply")]
pub async fn admin_import_apply(csv: String) -> Result<ImportReport, AppError> {
    crate::api::with_status(import::<AdminImportApply>(&csv, true).await)
}

/// Runs an import as the calling admin and keeps its report for the page (action `S`).
#[cfg(feature = "ssr")]
async fn import<S: leptos::server_fn::ServerFn>(
    csv: &str,
    apply: bool,
) -> Result<ImportReport, AppError> {
    use crate::outcome::{self, Outcome};
    use crate::store::{self, audit::Actor};
    let (app, admin) = crate::api::admin_caller().await?;
    let report =
        crate::integrations::csv::import(&app, Actor::Admin(admin.admin_id), csv, apply).await?;
    let json = serde_json::to_string(&report).map_err(AppError::internal)?;
    let id = store::imports::save(&app.db, admin.admin_id, report.applied, &json).await?;
    outcome::leave::<S>(Outcome::Imported(id));
    Ok(report)
}

/// The kept report `id` of one of the caller's imports.
#[server(endpoint = "admin_import_report")]
pub async fn admin_import_report(id: i64) -> Result<ImportReport, AppError> {
    use crate::{api, store};
    api::with_status(
        async {
            let (app, admin) = api::admin_caller().await?;
            let json = store::imports::find(&app.db, admin.admin_id, id)
                .await?
                .ok_or(AppError::NotFound)?;
            serde_json::from_str(&json).map_err(AppError::internal)
        }
        .await,
    )
}
