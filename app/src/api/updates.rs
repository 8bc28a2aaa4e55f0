//! R4: free version updates while the active plan includes new versions.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model;

/// Every holding with whether it can be updated now, and if not, the rule that says why.
#[server(endpoint = "version_updates")]
pub async fn version_updates() -> Result<Vec<model::VersionUpdateOption>, AppError> {
    use crate::purchase::CompanyState;
    use crate::{api, auth, state::app_state};
    api::with_status(
        async {
            let app = app_state()?;
            let who = auth::current_contact(&app).await?;
            let mut conn = app.db.acquire().await?;
            let company = CompanyState::load(&mut conn, who.company_id).await?;
            let today = app.clock.today();
            let active = company.coverage.in_force(today).map(|c| &c.contract);
            Ok(company
                .holdings
                .iter()
                .filter_map(|holding| {
                    let latest = &company.catalog.product(holding.product_id)?.latest_version;
                    Some(model::VersionUpdateOption {
                        product_id: holding.product_id.get(),
                        product: holding.product_name.clone(),
                        quantity: holding.quantity.get(),
                        installed: holding.version.to_string(),
                        latest: latest.to_string(),
                        allowed: domain::version_update(active, holding, latest, today).map(|_| ()),
                    })
                })
                .collect())
        }
        .await,
    )
}

/// Moves one holding to the product's latest version at no charge, and records it.
#[server(endpoint = "update_version")]
pub async fn update_version(product_id: i64) -> Result<(), AppError> {
    use crate::purchase::CompanyState;
    use crate::store::{self, audit};
    use crate::{api, auth, state::app_state};
    api::with_status(
        async {
            let app = app_state()?;
            let who = auth::current_contact(&app).await?;
            let today = app.clock.today();
            let mut tx = store::begin_write(&app.db).await?;
            store::lock_company(&mut tx, who.company_id).await?;
            let company = CompanyState::load(&mut tx, who.company_id).await?;
            let id = domain::ProductId(product_id);
            // Not owned and not existing look the same: nothing to update.
            let (holding, latest) = company.holding_and_latest(id)?;
            let active = company.coverage.in_force(today);
            let update =
                domain::version_update(active.map(|c| &c.contract), holding, latest, today)
                    .map_err(AppError::Rule)?;
            store::holdings::set_version(&mut tx, who.company_id, id, &update.to).await?;
            store::version_updates::record(
                &mut tx,
                who.company_id,
                &update,
                active.map(|c| c.id.get()),
            )
            .await?;
            audit::record(
                &mut tx,
                audit::Entry {
                    actor: audit::Actor::Contact(who.contact_id),
                    company_id: Some(who.company_id),
                    kind: "version_update",
                    summary: format!(
                        "{} updated from {} to {}",
                        update.product_name, update.from, update.to
                    ),
                    before: Some(serde_json::json!({ "version": update.from })),
                    after: Some(serde_json::json!({ "version": update.to })),
                },
            )
            .await?;
            tx.commit().await?;
            leptos_axum::redirect("/updates");
            Ok(())
        }
        .await,
    )
}
