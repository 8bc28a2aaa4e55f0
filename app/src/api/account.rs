//! The signed-in contact's own company.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model;

/// Who is signed in on this session, for the shell (navigation, account menu). Never an error
/// for an anonymous or expired session: that is `Viewer::Anonymous`.
#[server(endpoint = "viewer")]
pub async fn viewer() -> Result<model::Viewer, AppError> {
    use crate::{api, auth, state::app_state};

    let result = async {
        let state = app_state()?;
        match auth::current_contact(&state).await {
            Ok(contact) => {
                return Ok(model::Viewer::Contact {
                    name: contact.name,
                    company_name: contact.company_name,
                })
            }
            Err(AppError::Forbidden) => {}
            Err(AppError::NotSignedIn) => return Ok(model::Viewer::Anonymous),
            Err(other) => return Err(other),
        }
        match auth::current_admin(&state).await {
            Ok(admin) => Ok(model::Viewer::Admin { name: admin.name }),
            // Signed in, on the way to setting up a second factor.
            Err(AppError::SecondFactorRequired) => Ok(model::Viewer::Admin {
                name: auth::signed_in(&state).await?.name,
            }),
            Err(AppError::NotSignedIn | AppError::Forbidden) => Ok(model::Viewer::Anonymous),
            Err(other) => Err(other),
        }
    }
    .await;
    api::with_status(result)
}

/// Everything the dashboard shows, scoped to the caller's company (never to an id the browser
/// sends).
#[server(endpoint = "dashboard")]
pub async fn dashboard() -> Result<model::Dashboard, AppError> {
    use crate::{api, auth, state::app_state, store};

    let result = async {
        let state = app_state()?;
        let principal = match auth::current_contact(&state).await {
            Ok(principal) => principal,
            Err(error) => {
                leptos_axum::redirect("/login");
                return Err(error);
            }
        };
        let holdings = store::holdings::for_company(&state.db, principal.company_id).await?;
        let contracts = store::contracts::for_company(&state.db, principal.company_id).await?;
        let today = state.clock.today();
        Ok(model::Dashboard {
            company_name: principal.company_name,
            contact_name: principal.name,
            total_licenses: holdings.iter().map(|h| h.quantity.max(0) as u32).sum(),
            holdings: holdings.into_iter().map(holding_row).collect(),
            contract: contract_status(&contracts, today),
        })
    }
    .await;
    api::with_status(result)
}

#[cfg(feature = "ssr")]
pub(crate) fn holding_row(h: crate::store::holdings::HoldingRecord) -> model::HoldingRow {
    model::HoldingRow {
        update_available: update_available(&h.version, &h.latest_version),
        product: h.product_name,
        quantity: h.quantity.max(0) as u32,
        installed_version: h.version,
        latest_version: h.latest_version,
    }
}

/// Versions compare numerically ("3.10" is newer than "3.9"); an unparsable version is
/// flagged whenever it differs from the latest, so nothing outdated goes unnoticed.
#[cfg(feature = "ssr")]
fn update_available(installed: &str, latest: &str) -> bool {
    match (
        domain::Version::parse(installed),
        domain::Version::parse(latest),
    ) {
        (Ok(installed), Ok(latest)) => installed < latest,
        _ => installed != latest,
    }
}

/// The contract in force today, else the next one signed, else the last one that ended.
#[cfg(feature = "ssr")]
pub(crate) fn contract_status(
    coverage: &domain::Coverage,
    today: chrono::NaiveDate,
) -> model::ContractStatus {
    if let Some(c) = coverage.in_force(today) {
        return model::ContractStatus::Active {
            plan_name: c.contract.plan().name.clone(),
            start: c.contract.start(),
            end: c.contract.end(),
            days_left: c.contract.days_left(today),
            covered_until: coverage.covered_until(today).unwrap_or(c.contract.end()),
            coverage_days_left: coverage.days_left(today),
        };
    }
    if let Some(c) = coverage.current_or_next(today) {
        return model::ContractStatus::Upcoming {
            plan_name: c.contract.plan().name.clone(),
            start: c.contract.start(),
            end: c.contract.end(),
        };
    }
    match coverage.last() {
        Some(c) => model::ContractStatus::Lapsed {
            plan_name: c.contract.plan().name.clone(),
            ended: c.contract.end(),
        },
        None => model::ContractStatus::None,
    }
}
