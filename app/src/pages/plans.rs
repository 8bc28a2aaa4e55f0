//! The public plan comparison: the feature matrix, read from the database.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::plan_matrix;
use crate::components::ErrorNotice;
use crate::model::PlanMatrix;
use crate::text;

#[component]
pub fn PlansPage() -> impl IntoView {
    let matrix = Resource::new(|| (), |_| plan_matrix());
    view! {
        <Title text=text::PLANS_TITLE />
        <h1>{text::PLANS_TITLE}</h1>
        <p>{text::PLANS_INTRO}</p>
        <Suspense fallback=|| view! { <p>{text::LOADING}</p> }>
            {move || Suspend::new(async move {
                match matrix.await {
                    Ok(matrix) => view! { <PlanTable matrix /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn yes_no(flag: bool) -> impl IntoView {
    let (class, label) = if flag {
        ("yes", text::YES)
    } else {
        ("no", text::NO)
    };
    view! { <td class=class>{label}</td> }
}

#[component]
fn PlanTable(matrix: PlanMatrix) -> impl IntoView {
    let plans = matrix.plans;
    let header = plans
        .iter()
        .map(|p| view! { <th scope="col" class=format!("plan-{}", p.tier)>{p.name.clone()}</th> })
        .collect_view();
    let price = plans
        .iter()
        .map(|p| view! { <td>{p.percent.clone()}</td> })
        .collect_view();
    let areas = matrix
        .areas
        .into_iter()
        .map(|area| {
            view! {
                <tr>
                    <th scope="row">{format!("{}: {}", text::PLANS_CONSULTATION, area.name)}</th>
                    {area.covered.into_iter().map(yes_no).collect_view()}
                </tr>
            }
        })
        .collect_view();
    let patches = plans
        .iter()
        .map(|p| yes_no(p.includes_patches))
        .collect_view();
    let versions = plans
        .iter()
        .map(|p| yes_no(p.includes_new_versions))
        .collect_view();
    let response = plans
        .iter()
        .map(|p| {
            view! {
                <td>{text::response_target(p.response_target_amount, p.response_target_in_days)}</td>
            }
        })
        .collect_view();
    let eligibility = plans
        .iter()
        .map(|p| {
            let who = if p.min_licenses > 1 {
                text::min_licenses(p.min_licenses)
            } else {
                text::PLANS_ANY_CUSTOMER.to_string()
            };
            view! { <td>{who}</td> }
        })
        .collect_view();

    view! {
        <div class="table-scroll">
            <table class="plan-matrix">
                <thead>
                    <tr>
                        <td></td>
                        {header}
                    </tr>
                </thead>
                <tbody>
                    <tr>
                        <th scope="row">{text::PLANS_PRICE}</th>
                        {price}
                    </tr>
                    {areas}
                    <tr>
                        <th scope="row">{text::PLANS_PATCHES}</th>
                        {patches}
                    </tr>
                    <tr>
                        <th scope="row">{text::PLANS_NEW_VERSIONS}</th>
                        {versions}
                    </tr>
                    <tr>
                        <th scope="row">{text::PLANS_RESPONSE}</th>
                        {response}
                    </tr>
                    <tr>
                        <th scope="row">{text::PLANS_ELIGIBILITY}</th>
                        {eligibility}
                    </tr>
                </tbody>
            </table>
        </div>
    }
}
