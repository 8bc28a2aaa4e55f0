//! The public plan comparison (no sign-in needed).

use leptos::prelude::*;

use crate::error::AppError;
use crate::model;

#[server(endpoint = "plan_matrix")]
pub async fn plan_matrix() -> Result<model::PlanMatrix, AppError> {
    use crate::{api, state::app_state, store};

    let result = async {
        let state = app_state()?;
        let plans = store::catalog::plans(&state.db).await?;
        let areas = store::catalog::consultation_areas(&state.db).await?;
        let coverage = store::catalog::coverage(&state.db).await?;
        Ok(model::PlanMatrix {
            areas: areas
                .iter()
                .map(|area| model::AreaRow {
                    name: area.name.clone(),
                    covered: plans
                        .iter()
                        .map(|p| {
                            coverage
                                .iter()
                                .any(|(id, code)| *id == p.id && *code == area.code)
                        })
                        .collect(),
                })
                .collect(),
            plans: plans.into_iter().map(plan_column).collect(),
        })
    }
    .await;
    api::with_status(result)
}

#[cfg(feature = "ssr")]
fn plan_column(plan: crate::store::catalog::PlanRecord) -> model::PlanColumn {
    model::PlanColumn {
        percent: u32::try_from(plan.percent_bp)
            .ok()
            .and_then(|bp| domain::Percent::from_basis_points(bp).ok())
            .map(|p| p.to_string())
            .unwrap_or_default(),
        tier: plan.tier,
        name: plan.name,
        includes_patches: plan.includes_patches != 0,
        includes_new_versions: plan.includes_new_versions != 0,
        min_licenses: plan.min_licenses.max(0) as u32,
        response_target_amount: plan.response_target_amount.max(0) as u32,
        response_target_in_days: plan.response_target_unit == "business_days",
    }
}
