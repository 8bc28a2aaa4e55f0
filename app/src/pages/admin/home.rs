//! `/admin`: the admin's work queue (renewals, overdue invoices, requests by deadline, recent
//! orders), then the companies (search, sort, pages) and creating one with its invited contact.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::admin::*;
use crate::components::{action_outcome, error_view, query_value};
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
    let sort_option = move |value: CompanySort, label: &'static str| {
        view! {
            <option value=value.as_query() selected=move || sort() == value>
                {label}
            </option>
        }
    };
    view! {
        <Title text=text::ADMIN_TITLE />
        <h1>{text::ADMIN_TITLE}</h1>
        <Suspense fallback=|| view! { <p>{text::LOADING}</p> }>
            {move || Suspend::new(async move {
                match work.await {
                    Ok(work) => view! { <WorkQueueView work /> }.into_any(),
                    Err(error) => error_view(error),
                }
            })}
        </Suspense>
        <section class="card" aria-labelledby="companies">
            <h2 id="companies">{text::ADMIN_COMPANIES}</h2>
            <form method="get" action="/admin" class="choice" role="search">
                <label for="company-search">{text::SEARCH}</label>
                <input id="company-search" type="search" name="q" value=search />
                <label for="company-sort">{text::SORT_BY}</label>
                <select id="company-sort" name="sort">
                    {sort_option(CompanySort::Name, text::SORT_NAME)}
                    {sort_option(CompanySort::Licenses, text::SORT_LICENSES)}
                    {sort_option(CompanySort::SupportEnd, text::SORT_SUPPORT_END)}
                </select>
                <button type="submit" class="secondary">{text::SEARCH}</button>
            </form>
            <Suspense fallback=|| view! { <p>{text::LOADING}</p> }>
                {move || Suspend::new(async move {
                    match companies.await {
                        Ok(page) => view! { <CompanyList page search=search() /> }.into_any(),
                        Err(error) => error_view(error),
                    }
                })}
            </Suspense>
        </section>
        <section class="card" aria-labelledby="create-company">
            <h2 id="create-company">{text::CREATE_COMPANY}</h2>
            <ActionForm action=create attr:class="choice">
                <label for="company-name">{text::FIELD_COMPANY_NAME}</label>
                <input id="company-name" name="name" required />
                <label for="contact-name">{text::FIELD_CONTACT_NAME}</label>
                <input id="contact-name" name="contact_name" required />
                <label for="contact-email">{text::FIELD_CONTACT_EMAIL}</label>
                <input id="contact-email" type="email" name="contact_email" required />
                <button type="submit">{text::CREATE_COMPANY}</button>
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
            <h2 id="work">{text::WORK_TITLE}</h2>
            <h3>{text::WORK_RENEWALS}</h3>
            {if work.renewals_due.is_empty() {
                view! { <p class="muted">{text::WORK_NO_RENEWALS}</p> }.into_any()
            } else {
                view! {
                    <table class="responsive" data-testid="work-renewals">
                        <thead>
                            <tr>
                                <th scope="col">{text::COL_COMPANY}</th>
                                <th scope="col">{text::COL_SUPPORT_END}</th>
                                <th scope="col">{text::COL_DAYS_LEFT}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {work
                                .renewals_due
                                .into_iter()
                                .map(|r| {
                                    view! {
                                        <tr>
                                            <td data-label=text::COL_COMPANY>{company_link(r.company_id, r.company)}</td>
                                            <td data-label=text::COL_SUPPORT_END>{r.coverage_end}</td>
                                            <td data-label=text::COL_DAYS_LEFT>{r.days_left}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                }
                .into_any()
            }}
            <h3>{text::WORK_OVERDUE}</h3>
            {if work.overdue_invoices.is_empty() {
                view! { <p class="muted">{text::WORK_NO_OVERDUE}</p> }.into_any()
            } else {
                view! {
                    <table class="responsive" data-testid="work-overdue">
                        <thead>
                            <tr>
                                <th scope="col">{text::COL_COMPANY}</th>
                                <th scope="col">{text::COL_INVOICE}</th>
                                <th scope="col">{text::COL_TOTAL}</th>
                                <th scope="col">{text::COL_DUE}</th>
                                <th scope="col">{text::COL_DAYS_OVERDUE}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {work
                                .overdue_invoices
                                .into_iter()
                                .map(|i| {
                                    view! {
                                        <tr>
                                            <td data-label=text::COL_COMPANY>{company_link(i.company_id, i.company)}</td>
                                            <td data-label=text::COL_INVOICE>{i.number}</td>
                                            <td data-label=text::COL_TOTAL>{i.total}</td>
                                            <td data-label=text::COL_DUE>{i.due_date}</td>
                                            <td data-label=text::COL_DAYS_OVERDUE>{i.days_overdue}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                }
                .into_any()
            }}
            <h3>{text::WORK_REQUESTS}</h3>
            {if work.requests.is_empty() {
                view! { <p class="muted">{text::WORK_NO_REQUESTS}</p> }.into_any()
            } else {
                view! {
                    <table class="responsive" data-testid="work-requests">
                        <thead>
                            <tr>
                                <th scope="col">{text::COL_SUBJECT}</th>
                                <th scope="col">{text::COL_COMPANY}</th>
                                <th scope="col">{text::COL_DUE}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {work
                                .requests
                                .into_iter()
                                .map(|r| {
                                    let late = (r.target_met == Some(false))
                                        .then(|| view! { " " <span class="badge warn">{text::OVERDUE}</span> });
                                    view! {
                                        <tr>
                                            <td data-label=text::COL_SUBJECT>
                                                <a href=format!("/admin/consultations/{}", r.id)>{r.subject}</a>
                                            </td>
                                            <td data-label=text::COL_COMPANY>{r.company}</td>
                                            <td data-label=text::COL_DUE>{r.due} {late}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                }
                .into_any()
            }}
            <h3>{text::WORK_RECENT_ORDERS}</h3>
            {if work.recent_orders.is_empty() {
                view! { <p class="muted">{text::WORK_NO_ORDERS}</p> }.into_any()
            } else {
                view! {
                    <table class="responsive" data-testid="work-orders">
                        <thead>
                            <tr>
                                <th scope="col">{text::COL_DATE}</th>
                                <th scope="col">{text::COL_COMPANY}</th>
                                <th scope="col">{text::COL_KIND}</th>
                                <th scope="col">{text::COL_TOTAL}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {work
                                .recent_orders
                                .into_iter()
                                .map(|o| {
                                    view! {
                                        <tr>
                                            <td data-label=text::COL_DATE>{o.placed_at}</td>
                                            <td data-label=text::COL_COMPANY>{company_link(o.company_id, o.company)}</td>
                                            <td data-label=text::COL_KIND>{text::order_kind(o.kind)}</td>
                                            <td data-label=text::COL_TOTAL>{o.total}</td>
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
                    <th scope="col">{text::COL_COMPANY}</th>
                    <th scope="col">{text::COL_CONTACT}</th>
                    <th scope="col">{text::COL_QUANTITY}</th>
                    <th scope="col">{text::COL_SUPPORT_END}</th>
                </tr>
            </thead>
            <tbody>
                {page
                    .rows
                    .into_iter()
                    .map(|c| {
                        view! {
                            <tr data-testid="company-row">
                                <td data-label=text::COL_COMPANY>
                                    <a href=format!("/admin/companies/{}", c.id)>{c.name}</a>
                                </td>
                                <td data-label=text::COL_CONTACT>{c.contact}</td>
                                <td data-label=text::COL_QUANTITY>{c.licenses}</td>
                                <td data-label=text::COL_SUPPORT_END>{c.support_end}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
        <p class="pager">
            {(page.page > 0).then(|| view! { <a href=link(page.page - 1)>{text::PREVIOUS}</a> " " })}
            {page.has_next.then(|| view! { <a href=link(page.page + 1)>{text::NEXT}</a> })}
        </p>
    }
}
