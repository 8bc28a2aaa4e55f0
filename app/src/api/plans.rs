//! The public plan comparison (no sign-in needed).

use leptos::prelude::*;

use crate::error::AppError;
use crate::model;

#[server(endpoint = "plan_matrix")]
pub async fn plan_matrix() -> Result<model::PlanMatrix, AppError> {
    use crate::{api, state::app_state, store};

    let result = async {
        let state = app_state()?;
        let mut conn = state.db.acquire().await?;
        let plans = store::catalog::domain_plans(&mut conn).await?;
        let areas = store::catalog::consultation_areas(&mut *conn).await?;
        Ok(model::PlanMatrix {
            areas: areas
                .iter()
                .map(|area| model::AreaRow {
                    name: area.display_name(),
                    covered: plans
                        .iter()
                        .map(|p| {
                            p.plan
                                .consultation_areas
                                .iter()
                                .any(|covered| covered.as_str() == area.code)
                        })
                        .collect(),
                })
                .collect(),
            plans: plans.into_iter().map(|p| plan_column(p.plan)).collect(),
        })
    }
    .await;
    api::with_status(result)
}

#[cfg(feature = "ssr")]
fn plan_column(plan: domain::Plan) -> model::PlanColumn {
    let (response_target_amount, response_target_in_days) = match plan.response_target {
        domain::ResponseTarget::BusinessDays(n) => (n, true),
        domain::ResponseTarget::BusinessHours(n) => (n, false),
    };
    model::PlanColumn {
        percent: plan.percent.to_string(),
        tier: plan.tier.as_str().to_string(),
        name: plan.name,
        includes_patches: plan.crucial_updates,
        includes_new_versions: plan.includes_new_versions,
        min_licenses: plan.min_licenses,
        response_target_amount,
        response_target_in_days,
    }
}
