//! The contact's company at a glance: holdings, contract, total licenses.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::{dashboard, Logout, LogoutEverywhere};
use crate::components::ErrorNotice;
use crate::model::{ContractStatus, Dashboard, HoldingRow};
use crate::text;

#[component]
pub fn DashboardPage() -> impl IntoView {
    // Blocking, so that an anonymous visitor gets a real 302 to the login page before any HTML.
    let data = Resource::new_blocking(|| (), |_| dashboard());
    view! {
        <Title text=text::NAV_DASHBOARD />
        <Suspense fallback=|| view! { <p>{text::LOADING}</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(dashboard) => view! { <DashboardView dashboard /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn DashboardView(dashboard: Dashboard) -> impl IntoView {
    let logout = ServerAction::<Logout>::new();
    let everywhere = ServerAction::<LogoutEverywhere>::new();
    view! {
        <div class="page-title">
            <h1>{dashboard.company_name}</h1>
            <ActionForm action=logout>
                <span class="muted">{dashboard.contact_name}</span>
                " "
                <button type="submit" class="secondary">
                    {text::SIGN_OUT}
                </button>
            </ActionForm>
        </div>
        <ContractCard status=dashboard.contract.clone() />
        <ActionForm action=everywhere attr:class="no-print">
            <button type="submit" class="secondary">{text::SIGN_OUT_EVERYWHERE}</button>
        </ActionForm>
        <Actions status=dashboard.contract />
        <section class="card">
            <h2>{text::DASHBOARD_HOLDINGS}</h2>
            <p>
                {text::TOTAL_LICENSES} ": " <strong data-testid="total-licenses">
                    {dashboard.total_licenses}
                </strong>
            </p>
            <HoldingsTable rows=dashboard.holdings />
        </section>
    }
}

/// Days before the end from which the dashboard asks for a renewal.
const RENEWAL_WINDOW_DAYS: u32 = 60;

#[component]
fn Actions(status: ContractStatus) -> impl IntoView {
    let renew_soon = match &status {
        ContractStatus::Active {
            coverage_days_left, ..
        } if *coverage_days_left <= RENEWAL_WINDOW_DAYS => Some(*coverage_days_left),
        _ => None,
    };
    let support_label = if matches!(status, ContractStatus::None) {
        text::GO_SUPPORT_NEW
    } else {
        text::GO_SUPPORT_RENEW
    };
    view! {
        {renew_soon
            .map(|days| {
                view! {
                    <p class="notice cta" data-testid="renewal-cta">
                        {text::renewal_due(days)} " " <a href="/support">{text::RENEW_NOW}</a>
                    </p>
                }
            })}
        <nav class="card actions" aria-label=text::ACTIONS_TITLE>
            <a href="/plans">{text::GO_PLANS}</a>
            <a href="/support">{support_label}</a>
            <a href="/licenses">{text::GO_LICENSES}</a>
            <a href="/updates">{text::GO_UPDATES}</a>
            <a href="/orders">{text::GO_ORDERS}</a>
            <a href="/consultations">{text::GO_REQUESTS}</a>
            <a href="/history">{text::GO_HISTORY}</a>
        </nav>
    }
}

#[component]
pub(crate) fn ContractCard(status: ContractStatus) -> impl IntoView {
    let body = match status {
        ContractStatus::Active {
            plan_name,
            start,
            end,
            days_left,
            covered_until,
            ..
        } => view! {
            <dl class="facts">
                <dt>{text::CONTRACT_PLAN}</dt>
                <dd data-testid="contract-plan">{plan_name}</dd>
                <dt>{text::CONTRACT_PERIOD}</dt>
                <dd>{format!("{start} – {end}")}</dd>
                <dt>{text::CONTRACT_DAYS_LEFT}</dt>
                <dd data-testid="days-left">{days_left}</dd>
                {(covered_until > end)
                    .then(|| {
                        view! {
                            <dt>{text::CONTRACT_RENEWED_UNTIL}</dt>
                            <dd data-testid="covered-until">{covered_until.to_string()}</dd>
                        }
                    })}
            </dl>
        }
        .into_any(),
        ContractStatus::Upcoming {
            plan_name,
            start,
            end,
        } => view! {
            <p class="notice">{text::NO_ACTIVE_SUPPORT}</p>
            <p>{format!("{plan_name}: {} {start} ({start} – {end})", text::CONTRACT_STARTS_ON)}</p>
        }
        .into_any(),
        ContractStatus::Lapsed { plan_name, ended } => view! {
            <p class="notice" data-testid="no-support">{text::NO_ACTIVE_SUPPORT}</p>
            <p>{format!("{} {ended} ({plan_name}).", text::CONTRACT_LAPSED_ON)}</p>
        }
        .into_any(),
        ContractStatus::None => view! {
            <p class="notice" data-testid="no-support">{text::NO_ACTIVE_SUPPORT}</p>
        }
        .into_any(),
    };
    view! {
        <section class="card">
            <h2>{text::CONTRACT_TITLE}</h2>
            {body}
        </section>
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum SortKey {
    Product,
    Quantity,
}

/// The holdings table, filtered and sorted in the browser once hydrated.
#[component]
fn HoldingsTable(rows: Vec<HoldingRow>) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p>{text::DASHBOARD_NO_HOLDINGS}</p> }.into_any();
    }
    let rows = StoredValue::new(rows);
    let (filter, set_filter) = signal(String::new());
    let (sort, set_sort) = signal(SortKey::Product);
    let visible = move || {
        let needle = filter.get().trim().to_lowercase();
        let mut shown: Vec<HoldingRow> = rows
            .get_value()
            .into_iter()
            .filter(|r| r.product.to_lowercase().contains(&needle))
            .collect();
        match sort.get() {
            SortKey::Product => shown.sort_by(|a, b| a.product.cmp(&b.product)),
            SortKey::Quantity => shown.sort_by_key(|r| std::cmp::Reverse(r.quantity)),
        }
        shown
    };

    view! {
        <div class="table-tools">
            <label>
                {text::DASHBOARD_FILTER} " "
                <input
                    type="search"
                    data-testid="holdings-filter"
                    placeholder=text::DASHBOARD_FILTER_PLACEHOLDER
                    prop:value=filter
                    on:input=move |ev| set_filter.set(event_target_value(&ev))
                />
            </label>
            <label>
                {text::SORT_BY} " "
                <select
                    data-testid="holdings-sort"
                    on:change=move |ev| {
                        set_sort
                            .set(
                                if event_target_value(&ev) == "quantity" {
                                    SortKey::Quantity
                                } else {
                                    SortKey::Product
                                },
                            )
                    }
                >
                    <option value="product">{text::COL_PRODUCT}</option>
                    <option value="quantity">{text::COL_QUANTITY}</option>
                </select>
            </label>
        </div>
        <table class="holdings responsive">
            <thead>
                <tr>
                    <th scope="col">{text::COL_PRODUCT}</th>
                    <th scope="col">{text::COL_QUANTITY}</th>
                    <th scope="col">{text::COL_INSTALLED}</th>
                    <th scope="col">{text::COL_LATEST}</th>
                    <th scope="col"></th>
                </tr>
            </thead>
            <tbody>
                <For each=visible key=|r| r.product.clone() let:row>
                    <tr data-testid="holding-row">
                        <td data-label=text::COL_PRODUCT>{row.product}</td>
                        <td data-label=text::COL_QUANTITY>{row.quantity}</td>
                        <td data-label=text::COL_INSTALLED>{row.installed_version}</td>
                        <td data-label=text::COL_LATEST>{row.latest_version}</td>
                        <td>
                            {if row.update_available {
                                view! { <span class="badge warn">{text::UPDATE_AVAILABLE}</span> }
                            } else {
                                view! { <span class="badge ok">{text::UP_TO_DATE}</span> }
                            }}
                        </td>
                    </tr>
                </For>
            </tbody>
        </table>
        <Show when=move || visible().is_empty()>
            <p>{text::DASHBOARD_NO_MATCH}</p>
        </Show>
    }
    .into_any()
}
