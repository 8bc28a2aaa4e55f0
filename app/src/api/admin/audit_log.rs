//! The audit log, filtered.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::admin::*;

/// The audit log, filtered; every filter is optional (empty = any).
#[server(endpoint = "admin_audit")]
pub async fn admin_audit(
    company: String,
    actor: String,
    kind: String,
    from: String,
    to: String,
) -> Result<Vec<AuditRow>, AppError> {
    use crate::{api, input, store};
    api::with_status(
        async {
            let (app, _) = api::admin_caller().await?;
            let day = |value: &str| -> Result<String, AppError> {
                Ok(input::optional_date(value)?.map_or(String::new(), |d| d.to_string()))
            };
            let actor = actor.trim();
            if !matches!(actor, "" | "contact" | "admin" | "system") {
                return Err(AppError::BadRequest);
            }
            let filter = store::audit::Filter {
                company: input::COMPANY_FILTER.optional(&company)?.to_string(),
                actor_kind: actor.to_string(),
                kind: input::KIND_FILTER.optional(&kind)?.to_string(),
                from: day(&from)?,
                to: day(&to)?,
            };
            Ok(store::audit::search(&app.db, &filter)
                .await?
                .into_iter()
                .map(|r| AuditRow {
                    at: r.at,
                    actor: r
                        .actor_name
                        .map_or(r.actor_kind.clone(), |n| format!("{n} ({})", r.actor_kind)),
                    company: r.company_name,
                    kind: r.kind,
                    summary: r.summary,
                })
                .collect())
        }
        .await,
    )
}
