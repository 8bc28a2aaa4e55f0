//! `/admin`: the admin's work queue (renewals, overdue invoices, requests by deadline, recent
//! orders), then the companies (search, sort, pages) and creating one with its invited contact.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::admin::*;
use crate::components::{action_outcome, error_view, query_value};
use crate::i18n::t;
use crate::model::admin::{CompanyPage, CompanySort, WorkQueue};
use crate::text;

/// The work queue, the company list and the new-company form.
#[component]
pub fn AdminHomePage() -> impl IntoView {
    let query = use_query_map();
    let search = move || query.read().get("q").unwrap_or_default();
    let sort = move || CompanySort::parse(&query.read().get("sort").unwrap_or_default());
    let page = move || {
        query
            .read()
            .get("page")
            .and_then(|p| p.parse::<u32>().ok())
            .unwrap_or(0)
    };
    let create = ServerAction::<AdminCreateCompany>::new();
    let work = Resource::new(|| (), |_| admin_work_queue());
    let companies = Resource::new(
        move || (search(), sort(), page()),
        |(q, s, p)| admin_companies(q, p, Some(s.as_query().to_string())),
    );
    let sort_option = move |value: CompanySort, label: String| {
        view! {
            <option value=value.as_query() selected=move || sort() == value>
                {label}
            </option>
        }
    };
    view! {
        <Title text=t("admin-title") />
        <h1>{t("admin-title")}</h1>
        <Suspense fallback=|| view! { <p>{t("loading")}</p> }>
            {move || Suspend::new(async move {
                match work.await {
                    Ok(work) => view! { <WorkQueueView work /> }.into_any(),
                    Err(error) => error_view(error),
                }
            })}
        </Suspense>
        <section class="card" aria-labelledby="companies">
            <h2 id="companies">{t("admin-companies")}</h2>
            <form method="get" action="/admin" class="choice" role="search">
                <label for="company-search">{t("search")}</label>
                <input id="company-search" type="search" name="q" value=search />
                <label for="company-sort">{t("sort-by")}</label>
                <select id="company-sort" name="sort">
                    {sort_option(CompanySort::Name, t("sort-name"))}
                    {sort_option(CompanySort::Licenses, t("sort-licenses"))}
                    {sort_option(CompanySort::SupportEnd, t("sort-support-end"))}
                </select>
                <button type="submit" class="secondary">{t("search")}</button>
            </form>
            <Suspense fallback=|| view! { <p>{t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match companies.await {
                        Ok(page) => view! { <CompanyList page search=search() /> }.into_any(),
                        Err(error) => error_view(error),
                    }
                })}
            </Suspense>
        </section>
        <section class="card" aria-labelledby="create-company">
            <h2 id="create-company">{t("create-company")}</h2>
            <ActionForm action=create attr:class="choice">
                <label for="company-name">{t("field-company-name")}</label>
                <input id="company-name" name="name" required />
                <label for="contact-name">{t("field-contact-name")}</label>
                <input id="contact-name" name="contact_name" required />
                <label for="contact-email">{t("field-contact-email")}</label>
                <input id="contact-email" type="email" name="contact_email" required />
                <button type="submit">{t("create-company")}</button>
            </ActionForm>
            {action_outcome(create)}
        </section>
    }
}

fn company_link(id: i64, name: String) -> impl IntoView {
    view! { <a href=format!("/admin/companies/{id}")>{name}</a> }
}

/// What needs attention, each section linking to the company.
#[component]
fn WorkQueueView(work: WorkQueue) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="work">
            <h2 id="work">{t("work-title")}</h2>
            <h3>{t("work-renewals")}</h3>
            {if work.renewals_due.is_empty() {
                view! { <p class="muted">{t("work-no-renewals")}</p> }.into_any()
            } else {
                view! {
                    <table class="responsive" data-testid="work-renewals">
                        <thead>
                            <tr>
                                <th scope="col">{t("col-company")}</th>
                                <th scope="col">{t("col-support-end")}</th>
                                <th scope="col">{t("col-days-left")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {work
                                .renewals_due
                                .into_iter()
                                .map(|r| {
                                    view! {
                                        <tr>
                                            <td data-label=t("col-company")>{company_link(r.company_id, r.company)}</td>
                                            <td data-label=t("col-support-end")>{r.coverage_end}</td>
                                            <td data-label=t("col-days-left")>{r.days_left}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                }
                .into_any()
            }}
            <h3>{t("work-overdue")}</h3>
            {if work.overdue_invoices.is_empty() {
                view! { <p class="muted">{t("work-no-overdue")}</p> }.into_any()
            } else {
                view! {
                    <table class="responsive" data-testid="work-overdue">
                        <thead>
                            <tr>
                                <th scope="col">{t("col-company")}</th>
                                <th scope="col">{t("col-invoice")}</th>
                                <th scope="col">{t("col-total")}</th>
                                <th scope="col">{t("col-due")}</th>
                                <th scope="col">{t("col-days-overdue")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {work
                                .overdue_invoices
                                .into_iter()
                                .map(|i| {
                                    view! {
                                        <tr>
                                            <td data-label=t("col-company")>{company_link(i.company_id, i.company)}</td>
                                            <td data-label=t("col-invoice")>{i.number}</td>
                                            <td data-label=t("col-total")>{i.total}</td>
                                            <td data-label=t("col-due")>{i.due_date}</td>
                                            <td data-label=t("col-days-overdue")>{i.days_overdue}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                }
                .into_any()
            }}
            <h3>{t("work-requests")}</h3>
            {if work.requests.is_empty() {
                view! { <p class="muted">{t("work-no-requests")}</p> }.into_any()
            } else {
                view! {
                    <table class="responsive" data-testid="work-requests">
                        <thead>
                            <tr>
                                <th scope="col">{t("col-subject")}</th>
                                <th scope="col">{t("col-company")}</th>
                                <th scope="col">{t("col-due")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {work
                                .requests
                                .into_iter()
                                .map(|r| {
                                    let late = (r.target_met == Some(false))
                                        .then(|| view! { " " <span class="badge warn">{t("overdue")}</span> });
                                    view! {
                                        <tr>
                                            <td data-label=t("col-subject")>
                                                <a href=format!("/admin/consultations/{}", r.id)>{r.subject}</a>
                                            </td>
                                            <td data-label=t("col-company")>{r.company}</td>
                                            <td data-label=t("col-due")>{r.due} {late}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                }
                .into_any()
            }}
            <h3>{t("work-recent-orders")}</h3>
            {if work.recent_orders.is_empty() {
                view! { <p class="muted">{t("work-no-orders")}</p> }.into_any()
            } else {
                view! {
                    <table class="responsive" data-testid="work-orders">
                        <thead>
                            <tr>
                                <th scope="col">{t("col-date")}</th>
                                <th scope="col">{t("col-company")}</th>
                                <th scope="col">{t("col-kind")}</th>
                                <th scope="col">{t("col-total")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {work
                                .recent_orders
                                .into_iter()
                                .map(|o| {
                                    view! {
                                        <tr>
                                            <td data-label=t("col-date")>{o.placed_at}</td>
                                            <td data-label=t("col-company")>{company_link(o.company_id, o.company)}</td>
                                            <td data-label=t("col-kind")>{text::order_kind(o.kind)}</td>
                                            <td data-label=t("col-total")>{o.total}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                }
                .into_any()
            }}
        </section>
    }
}

#[component]
fn CompanyList(page: CompanyPage, search: String) -> impl IntoView {
    let sort = page.sort.as_query();
    let search = query_value(&search);
    let link = move |p: u32| format!("/admin?q={search}&sort={sort}&page={p}");
    view! {
        <table class="responsive">
            <thead>
                <tr>
                    <th scope="col">{t("col-company")}</th>
                    <th scope="col">{t("col-contact")}</th>
                    <th scope="col">{t("col-quantity")}</th>
                    <th scope="col">{t("col-support-end")}</th>
                </tr>
            </thead>
            <tbody>
                {page
                    .rows
                    .into_iter()
                    .map(|c| {
                        view! {
                            <tr data-testid="company-row">
                                <td data-label=t("col-company")>
                                    <a href=format!("/admin/companies/{}", c.id)>{c.name}</a>
                                </td>
                                <td data-label=t("col-contact")>{c.contact}</td>
                                <td data-label=t("col-quantity")>{c.licenses}</td>
                                <td data-label=t("col-support-end")>{c.support_end}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
        <p class="pager">
            {(page.page > 0).then(|| view! { <a href=link(page.page - 1)>{t("previous")}</a> " " })}
            {page.has_next.then(|| view! { <a href=link(page.page + 1)>{t("next")}</a> })}
        </p>
    }
}
