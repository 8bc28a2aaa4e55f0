//! `/admin/plans`: the plans' terms and the areas they cover.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::admin::*;
use crate::components::{action_outcome, error_view};
use crate::i18n::t;
use crate::input;
use crate::model::admin::PlanAdminRow;

#[component]
pub fn AdminPlansPage() -> impl IntoView {
    let save = ServerAction::<AdminUpdatePlan>::new();
    let plans = Resource::new(move || save.version().get(), |_| admin_plans());
    view! {
        <Title text=t("admin-plans") />
        <h1>{t("admin-plans")}</h1>
        <p>{t("plan-note")}</p>
        {action_outcome(save)}
        <Transition fallback=|| view! { <p>{t("loading")}</p> }>
            {move || Suspend::new(async move {
                match plans.await {
                    Ok(plans) => plans.into_iter().map(|plan| view! { <PlanForm plan save /> }).collect_view().into_any(),
                    Err(error) => error_view(error),
                }
            })}
        </Transition>
    }
}

#[component]
fn PlanForm(plan: PlanAdminRow, save: ServerAction<AdminUpdatePlan>) -> impl IntoView {
    let areas = plan
        .areas
        .into_iter()
        .map(|(code, name, covered)| {
            view! {
                <label class="radio">
                    <input type="checkbox" name=code checked=covered />
                    {name}
                </label>
            }
        })
        .collect_view();
    view! {
        <section class="card">
            <h2>{plan.name}</h2>
            <ActionForm action=save attr:class="choice">
                <input type="hidden" name="tier" value=plan.tier />
                <label>{t("field-percent")} <input name="percent" value=plan.percent inputmode="decimal" pattern=input::AMOUNT_PATTERN title=t("err-percent") /></label>
                <label>{t("field-min-licenses")} <input type="number" name="min_licenses" min="0" value=plan.min_licenses.to_string() /></label>
                <label>
                    {t("field-response")}
                    <input type="number" name="response_amount" min="1" value=plan.response_amount.to_string() />
                </label>
                <label>
                    <span class="visually-hidden">{t("field-response-unit")}</span>
                    <select name="response_unit">
                        <option value="business_days" selected=plan.response_in_days>{t("business-days")}</option>
                        <option value="business_hours" selected=!plan.response_in_days>{t("business-hours")}</option>
                    </select>
                </label>
                <label class="radio">
                    <input type="checkbox" name="includes_new_versions" checked=plan.includes_new_versions />
                    {t("plans-new-versions")}
                </label>
                <fieldset>
                    <legend>{t("plans-consultation")}</legend>
                    {areas}
                </fieldset>
                <button type="submit">{t("save-plan")}</button>
            </ActionForm>
        </section>
    }
}
