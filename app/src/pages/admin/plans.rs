//! `/admin/plans`: the plans' terms and the areas they cover.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::admin::*;
use crate::components::{action_outcome, error_view};
use crate::model::admin::PlanAdminRow;
use crate::{input, text};

#[component]
pub fn AdminPlansPage() -> impl IntoView {
    let save = ServerAction::<AdminUpdatePlan>::new();
    let plans = Resource::new(move || save.version().get(), |_| admin_plans());
    view! {
        <Title text=text::ADMIN_PLANS />
        <h1>{text::ADMIN_PLANS}</h1>
        <p>{text::PLAN_NOTE}</p>
        {action_outcome(save)}
        <Transition fallback=|| view! { <p>{text::LOADING}</p> }>
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
                <label>{text::FIELD_PERCENT} <input name="percent" value=plan.percent inputmode="decimal" pattern=input::AMOUNT_PATTERN title=text::ERR_PERCENT /></label>
                <label>{text::FIELD_MIN_LICENSES} <input type="number" name="min_licenses" min="0" value=plan.min_licenses.to_string() /></label>
                <label>
                    {text::FIELD_RESPONSE}
                    <input type="number" name="response_amount" min="1" value=plan.response_amount.to_string() />
                </label>
                <label>
                    <span class="visually-hidden">{text::FIELD_RESPONSE_UNIT}</span>
                    <select name="response_unit">
                        <option value="business_days" selected=plan.response_in_days>{text::BUSINESS_DAYS}</option>
                        <option value="business_hours" selected=!plan.response_in_days>{text::BUSINESS_HOURS}</option>
                    </select>
                </label>
                <label class="radio">
                    <input type="checkbox" name="includes_new_versions" checked=plan.includes_new_versions />
                    {text::PLANS_NEW_VERSIONS}
                </label>
                <fieldset>
                    <legend>{text::PLANS_CONSULTATION}</legend>
                    {areas}
                </fieldset>
                <button type="submit">{text::SAVE_PLAN}</button>
            </ActionForm>
        </section>
    }
}
