//! The contact's company at a glance: holdings, contract, total licenses.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::dashboard;
use crate::components::ErrorNotice;
use crate::i18n::t;
use crate::model::{ContractStatus, Dashboard, HoldingRow};
use crate::text;

#[component]
pub fn DashboardPage() -> impl IntoView {
    // Blocking, so that an anonymous visitor gets a real 302 to the login page before any HTML.
    let data = Resource::new_blocking(|| (), |_| dashboard());
    view! {
        <Title text=t("nav-dashboard") />
        <Suspense fallback=|| view! { <p>{t("loading")}</p> }>
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
    view! {
        <h1>{dashboard.company_name}</h1>
        <ContractCard status=dashboard.contract.clone() />
        <Actions status=dashboard.contract />
        <section class="card">
            <h2>{t("dashboard-holdings")}</h2>
            <p>
                {t("total-licenses")} ": " <strong data-testid="total-licenses">
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
        t("go-support-new")
    } else {
        t("go-support-renew")
    };
    view! {
        {renew_soon
            .map(|days| {
                view! {
                    <p class="notice cta" data-testid="renewal-cta">
                        {text::renewal_due(days)} " " <a href="/support">{t("renew-now")}</a>
                    </p>
                }
            })}
        <nav class="card actions" aria-label=t("actions-title")>
            <a href="/plans">{t("go-plans")}</a>
            <a href="/support">{support_label}</a>
            <a href="/licenses">{t("go-licenses")}</a>
            <a href="/updates">{t("go-updates")}</a>
            <a href="/orders">{t("go-orders")}</a>
            <a href="/consultations">{t("go-requests")}</a>
            <a href="/history">{t("go-history")}</a>
        </nav>
    }
}

#[component]
pub(crate) fn ContractCard(status: ContractStatus) -> impl IntoView {
    let l = crate::i18n::locale();
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
                <dt>{t("contract-plan")}</dt>
                <dd data-testid="contract-plan">{plan_name}</dd>
                <dt>{t("contract-period")}</dt>
                <dd>{format!("{} – {}", l.date(start), l.date(end))}</dd>
                <dt>{t("contract-days-left")}</dt>
                <dd data-testid="days-left">{days_left}</dd>
                {(covered_until > end)
                    .then(|| {
                        view! {
                            <dt>{t("contract-renewed-until")}</dt>
                            <dd data-testid="covered-until">{l.date(covered_until)}</dd>
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
            <p class="notice">{t("no-active-support")}</p>
            <p>{format!("{plan_name}: {} {} ({} – {})", t("contract-starts-on"), l.date(start), l.date(start), l.date(end))}</p>
        }
        .into_any(),
        ContractStatus::Lapsed { plan_name, ended } => view! {
            <p class="notice" data-testid="no-support">{t("no-active-support")}</p>
            <p>{format!("{} {} ({plan_name}).", t("contract-lapsed-on"), l.date(ended))}</p>
        }
        .into_any(),
        ContractStatus::None => view! {
            <p class="notice" data-testid="no-support">{t("no-active-support")}</p>
        }
        .into_any(),
    };
    view! {
        <section class="card">
            <h2>{t("contract-title")}</h2>
            {body}
        </section>
    }
}

/// The holdings table, complete and in product order, as plain server HTML. The
/// `HoldingsTools` island filters and sorts its rows in the browser.
#[component]
fn HoldingsTable(mut rows: Vec<HoldingRow>) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p>{t("dashboard-no-holdings")}</p> }.into_any();
    }
    rows.sort_by(|a, b| a.product.cmp(&b.product));
    view! {
        <HoldingsTools />
        <table class="holdings responsive">
            <thead>
                <tr>
                    <th scope="col">{t("col-product")}</th>
                    <th scope="col">{t("col-quantity")}</th>
                    <th scope="col">{t("col-installed")}</th>
                    <th scope="col">{t("col-latest")}</th>
                    <th scope="col"></th>
                </tr>
            </thead>
            <tbody data-testid="holdings">
                {rows
                    .into_iter()
                    .map(|row| {
                        let product = row.product.clone();
                        view! {
                            <tr
                                data-testid="holding-row"
                                data-product=product
                                data-quantity=row.quantity
                            >
                                <td data-label=t("col-product")>{row.product}</td>
                                <td data-label=t("col-quantity")>{row.quantity}</td>
                                <td data-label=t("col-installed")>{row.installed_version}</td>
                                <td data-label=t("col-latest")>{row.latest_version}</td>
                                <td>
                                    {if row.update_available {
                                        view! {
                                            <span class="badge warn">{t("update-available")}</span>
                                        }
                                    } else {
                                        view! { <span class="badge ok">{t("up-to-date")}</span> }
                                    }}
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
        <p data-testid="holdings-no-match" hidden>
            {t("dashboard-no-match")}
        </p>
    }
    .into_any()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum SortKey {
    Product,
    Quantity,
}

/// Filter and sort controls for the holdings table: an island, the dashboard's only code that
/// runs in the browser. It takes no props (so the bundle needs no deserializer) and rearranges
/// the server-rendered rows. Without the wasm the controls stay hidden and the table complete,
/// in product order.
#[island]
fn HoldingsTools() -> impl IntoView {
    let (filter, set_filter) = signal(String::new());
    let (sort, set_sort) = signal(SortKey::Product);
    // Hidden in the server's HTML: without the wasm the controls would do nothing.
    let (ready, set_ready) = signal(false);
    Effect::new(move |_| set_ready.set(true));
    #[cfg(feature = "hydrate")]
    Effect::new(move |rows: Option<holdings_rows::Rows>| {
        let rows = rows.unwrap_or_else(holdings_rows::Rows::from_page);
        rows.arrange(&filter.get(), sort.get());
        rows
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = sort;
    view! {
        <div class="table-tools" hidden=move || !ready.get()>
            <label>
                {t("dashboard-filter")} " "
                <input
                    type="search"
                    data-testid="holdings-filter"
                    placeholder=t("dashboard-filter-placeholder")
                    prop:value=filter
                    on:input=move |ev| set_filter.set(event_target_value(&ev))
                />
            </label>
            <label>
                {t("sort-by")} " "
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
                    <option value="product">{t("col-product")}</option>
                    <option value="quantity">{t("col-quantity")}</option>
                </select>
            </label>
        </div>
    }
}

/// The holdings rows as the server rendered them, rearranged in place by `HoldingsTools`.
#[cfg(feature = "hydrate")]
mod holdings_rows {
    use leptos::prelude::document;
    use leptos::wasm_bindgen::JsCast;
    use leptos::web_sys::{Element, HtmlElement};

    use super::SortKey;

    /// Each row with its product name and quantity (from its `data-` attributes).
    pub struct Rows {
        body: Option<Element>,
        rows: Vec<(String, u32, Element)>,
    }

    impl Rows {
        /// Reads the rows of the page's holdings table, once, before anything is moved.
        pub fn from_page() -> Self {
            let body = document()
                .query_selector("[data-testid=holdings]")
                .ok()
                .flatten();
            let children = body.as_ref().map(Element::children);
            let rows = children
                .map(|list| {
                    (0..list.length())
                        .filter_map(|i| list.item(i))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
                .into_iter()
                .map(|row: Element| {
                    let product = row.get_attribute("data-product").unwrap_or_default();
                    let quantity = row
                        .get_attribute("data-quantity")
                        .and_then(|q| q.parse().ok())
                        .unwrap_or(0);
                    (product, quantity, row)
                })
                .collect();
            Rows { body, rows }
        }

        /// Shows the rows whose product contains `filter` (any case), in `sort` order (quantity:
        /// largest first), and says so when none does.
        pub fn arrange(&self, filter: &str, sort: SortKey) {
            let Some(body) = &self.body else { return };
            let needle = filter.trim().to_lowercase();
            let mut shown: Vec<&(String, u32, Element)> = self
                .rows
                .iter()
                .filter(|(product, _, _)| product.to_lowercase().contains(&needle))
                .collect();
            match sort {
                SortKey::Product => shown.sort_by(|a, b| a.0.cmp(&b.0)),
                SortKey::Quantity => shown.sort_by_key(|r| std::cmp::Reverse(r.1)),
            }
            body.set_inner_html("");
            for (_, _, row) in &shown {
                let _ = body.append_child(row);
            }
            let note = document()
                .query_selector("[data-testid=holdings-no-match]")
                .ok()
                .flatten()
                .and_then(|n| n.dyn_into::<HtmlElement>().ok());
            if let Some(note) = note {
                note.set_hidden(!shown.is_empty());
            }
        }
    }
}
