//! The plans' terms (R10: they apply to contracts signed from now on).

// A server function's arguments are its form's fields; the plan form simply has many.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::admin::*;

#[server(endpoint = "admin_plans")]
pub async fn admin_plans() -> Result<Vec<PlanAdminRow>, AppError> {
    use crate::{api, store};
    api::with_status(
        async {
            let (app, _) = api::admin_caller().await?;
            let mut conn = app.db.acquire().await?;
            let plans = store::catalog::domain_plans(&mut conn).await?;
            let areas = store::catalog::consultation_areas(&mut *conn).await?;
            Ok(plans
                .into_iter()
                .map(|p| {
                    let plan = p.plan;
                    let (response_amount, response_in_days) = match plan.response_target {
                        domain::ResponseTarget::BusinessDays(n) => (n, true),
                        domain::ResponseTarget::BusinessHours(n) => (n, false),
                    };
                    let percent =
                        rust_decimal::Decimal::new(i64::from(plan.percent.basis_points()), 2)
                            .normalize();
                    PlanAdminRow {
                        tier: plan.tier.as_str().to_string(),
                        name: plan.name.clone(),
                        percent: percent.to_string(),
                        min_licenses: plan.min_licenses,
                        includes_new_versions: plan.includes_new_versions,
                        response_amount,
                        response_in_days,
                        areas: areas
                            .iter()
                            .map(|a| {
                                let covered =
                                    plan.consultation_areas.iter().any(|c| c.as_str() == a.code);
                                (a.code.clone(), a.name.clone(), covered)
                            })
                            .collect(),
                    }
                })
                .collect())
        }
        .await,
    )
}

/// New terms for a plan. They apply to quotes from now on; signed contracts keep theirs.
#[server(endpoint = "admin_update_plan")]
pub async fn admin_update_plan(
    tier: String,
    percent: String,
    min_licenses: u32,
    response_amount: u32,
    response_unit: String,
    includes_new_versions: Option<String>,
    deployment_and_adjusting: Option<String>,
    version_update: Option<String>,
    functional_features: Option<String>,
    reports_plugins_scripts: Option<String>,
    database_and_integration: Option<String>,
) -> Result<(), AppError> {
    use crate::{api, input, store};
    use domain::ConsultationArea as A;
    api::saved::<AdminUpdatePlan>(
        async {
            let (app, admin) = api::admin_caller().await?;
            let tier: domain::PlanTier = input::code(&tier)
                .ok()
                .and_then(|tier| tier.parse().ok())
                .ok_or(AppError::NotFound)?;
            // One fixed message for every bad percentage: the input is never echoed back.
            let percent = domain::Percent::parse(&percent)
                .map_err(|_| AppError::Invalid(crate::i18n::t("err-percent")))?;
            let in_days = match response_unit.as_str() {
                "business_days" => true,
                "business_hours" => false,
                _ => return Err(AppError::BadRequest),
            };
            let response_amount = input::response_target(response_amount, in_days)?;
            let mut tx = store::begin_write(&app.db).await?;
            let current = store::catalog::domain_plans(&mut tx)
                .await?
                .into_iter()
                .find(|p| p.plan.tier == tier)
                .ok_or(AppError::NotFound)?;
            let checked = [
                (A::DeploymentAndAdjusting, deployment_and_adjusting),
                (A::VersionUpdate, version_update),
                (A::FunctionalFeatures, functional_features),
                (A::ReportsPluginsScripts, reports_plugins_scripts),
                (A::DatabaseAndIntegration, database_and_integration),
            ];
            let plan = domain::Plan {
                percent,
                min_licenses,
                includes_new_versions: includes_new_versions.is_some(),
                response_target: if in_days {
                    domain::ResponseTarget::BusinessDays(response_amount)
                } else {
                    domain::ResponseTarget::BusinessHours(response_amount)
                },
                consultation_areas: checked
                    .into_iter()
                    .filter(|(_, on)| on.is_some())
                    .map(|(a, _)| a)
                    .collect(),
                ..current.plan.clone()
            };
            store::catalog::update_plan(&mut tx, &plan).await?;
            store::audit::record(
                &mut tx,
                store::audit::Entry {
                    actor: store::audit::Actor::Admin(admin.admin_id),
                    company_id: None,
                    kind: "plan_updated",
                    summary: format!("{} plan terms changed", plan.name),
                    before: serde_json::to_value(&current.plan).ok(),
                    after: serde_json::to_value(&plan).ok(),
                },
            )
            .await?;
            tx.commit().await?;
            Ok(())
        }
        .await,
    )
}
