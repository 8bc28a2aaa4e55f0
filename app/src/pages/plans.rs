//! The public plan comparison: the feature matrix, read from the database.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::{plan_matrix, plan_offers};
use crate::components::ErrorNotice;
use crate::i18n::t;
use crate::model::{PlanMatrix, PlanOffers};
use crate::text;

#[component]
pub fn PlansPage() -> impl IntoView {
    let matrix = Resource::new(|| (), |_| plan_matrix());
    let offers = Resource::new(|| (), |_| plan_offers());
    view! {
        <Title text=t("plans-title") />
        <h1>{t("plans-title")}</h1>
        <p>{t("plans-intro")}</p>
        <Suspense>
            {move || Suspend::new(async move {
                match offers.await {
                    Ok(Some(offers)) => Some(view! { <Offers offers /> }.into_any()),
                    Ok(None) => None,
                    Err(error) => Some(view! { <ErrorNotice error /> }.into_any()),
                }
            })}
        </Suspense>
        <Suspense fallback=|| view! { <p>{t("loading")}</p> }>
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
        ("yes", t("yes"))
    } else {
        ("no", t("no"))
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
        .map(|p| view! { <td>{crate::i18n::locale().percent(&p.percent)}</td> })
        .collect_view();
    let areas = matrix
        .areas
        .into_iter()
        .map(|area| {
            view! {
                <tr>
                    <th scope="row">{format!("{}: {}", t("plans-consultation"), area.name)}</th>
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
                t("plans-any-customer")
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
                        <th scope="row">{t("plans-price")}</th>
                        {price}
                    </tr>
                    {areas}
                    <tr>
                        <th scope="row">{t("plans-patches")}</th>
                        {patches}
                    </tr>
                    <tr>
                        <th scope="row">{t("plans-new-versions")}</th>
                        {versions}
                    </tr>
                    <tr>
                        <th scope="row">{t("plans-response")}</th>
                        {response}
                    </tr>
                    <tr>
                        <th scope="row">{t("plans-eligibility")}</th>
                        {eligibility}
                    </tr>
                </tbody>
            </table>
        </div>
    }
}

/// Each plan priced on the signed-in company's own licenses, with why a plan is not available.
#[component]
fn Offers(offers: PlanOffers) -> impl IntoView {
    let currency = offers.currency.clone();
    let cards = offers
        .offers
        .into_iter()
        .map(|offer| {
            let currency = currency.clone();
            let class = if offer.eligible { "card offer" } else { "card offer ineligible" };
            let tier = offer.tier.clone();
            let prices = offer
                .prices
                .into_iter()
                .map(|(years, price)| {
                    let link = offer
                        .eligible
                        .then(|| format!("/support?plan={tier}&years={years}"));
                    view! {
                        <li>
                            {format!("{}: {}", text::years(years), crate::i18n::locale().money(&price, &currency))}
                            {link.map(|href| view! { " " <a href=href>{t("choose-plan")}</a> })}
                        </li>
                    }
                })
                .collect_view();
            let refusals = offer
                .refusals
                .into_iter()
                .map(|violation| {
                    let fix = matches!(violation, domain::RuleViolation::R7OutdatedVersions(_))
                        .then(|| view! { " " <a href="/updates">{t("go-updates-fix")}</a> });
                    view! { <p class="notice">{text::rule_violation(&violation)} {fix}</p> }
                })
                .collect_view();
            view! {
                <section class=class data-testid=format!("offer-{}", offer.tier)>
                    <h3>
                        {offer.name}
                        {offer.current.then(|| view! { " " <span class="badge ok">{t("current-plan")}</span> })}
                        {(!offer.eligible).then(|| view! { " " <span class="badge warn">{t("not-available")}</span> })}
                    </h3>
                    <ul class="prices">{prices}</ul>
                    {refusals}
                </section>
            }
        })
        .collect_view();
    view! {
        <section class="offers">
            <h2>{t("your-prices")}</h2>
            <p>
                {format!(
                    "{}: {} ({} {})",
                    t("your-license-total"),
                    crate::i18n::locale().money(&offers.license_total, &offers.currency),
                    offers.total_licenses,
                    t("col-quantity").to_lowercase(),
                )}
            </p>
            <div class="offer-grid">{cards}</div>
        </section>
    }
}
