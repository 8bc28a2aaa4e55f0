//! `/admin/invoices`: unpaid, overdue and paid invoices with a search, and recording a
//! payment (date and bank reference) on each unpaid one (issue 12).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::admin::{admin_invoices, AdminMarkPaid};
use crate::components::{action_outcome, error_view, query_value};
use crate::i18n::t;
use crate::model::invoice::{InvoiceFilter, InvoiceListPage, InvoiceStatus};
use crate::text;

fn filter_label(filter: InvoiceFilter) -> String {
    match filter {
        InvoiceFilter::Unpaid => t("filter-unpaid"),
        InvoiceFilter::Overdue => t("filter-overdue"),
        InvoiceFilter::Paid => t("filter-paid"),
        InvoiceFilter::All => t("filter-all"),
    }
}

/// The status filter and search (`?status=…&q=…&page=…`), then one page of invoices.
#[component]
pub fn AdminInvoicesPage() -> impl IntoView {
    let query = use_query_map();
    let filter = move || {
        InvoiceFilter::parse(&query.read().get("status").unwrap_or_default()).unwrap_or_default()
    };
    let search = move || query.read().get("q").unwrap_or_default();
    let page = move || {
        query
            .read()
            .get("page")
            .and_then(|p| p.parse::<u32>().ok())
            .unwrap_or(0)
    };
    let paid = ServerAction::<AdminMarkPaid>::new();
    let invoices = Resource::new(
        move || (filter(), search(), page()),
        |(f, q, p)| admin_invoices(f.as_str().to_string(), q, p),
    );
    view! {
        <Title text=t("invoices-title") />
        <h1>{t("invoices-title")}</h1>
        <section class="card">
            <form method="get" action="/admin/invoices" class="choice" role="search">
                <label for="invoice-status">{t("invoice-status")}</label>
                <select id="invoice-status" name="status">
                    {InvoiceFilter::ALL
                        .into_iter()
                        .map(|f| {
                            view! {
                                <option value=f.as_str() selected=move || filter() == f>
                                    {filter_label(f)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
                <label for="invoice-search">{t("search")}</label>
                <input id="invoice-search" type="search" name="q" value=search />
                <button type="submit" class="secondary">{t("search")}</button>
            </form>
            {action_outcome(paid)}
            <Suspense fallback=|| view! { <p>{t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match invoices.await {
                        Ok(list) => view! { <InvoiceTable list paid search=search() /> }.into_any(),
                        Err(error) => error_view(error),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn InvoiceTable(
    list: InvoiceListPage,
    paid: ServerAction<AdminMarkPaid>,
    search: String,
) -> impl IntoView {
    if list.rows.is_empty() {
        return view! { <p class="muted">{t("no-invoices")}</p> }.into_any();
    }
    let today = list.today.to_string();
    let pager = |page: u32| {
        format!(
            "/admin/invoices?status={}&q={}&page={page}",
            list.filter.as_str(),
            query_value(&search)
        )
    };
    let previous = (list.page > 0).then(|| pager(list.page - 1));
    let next = list.has_next.then(|| pager(list.page + 1));
    view! {
        <table class="responsive" data-testid="invoice-list">
            <thead>
                <tr>
                    <th scope="col">{t("col-invoice")}</th>
                    <th scope="col">{t("col-company")}</th>
                    <th scope="col">{t("invoice-issued")}</th>
                    <th scope="col">{t("invoice-due")}</th>
                    <th scope="col">{t("col-total")}</th>
                    <th scope="col">{t("col-status")}</th>
                </tr>
            </thead>
            <tbody>
                {list
                    .rows
                    .into_iter()
                    .map(|row| {
                        let status = text::invoice_status(&row.status);
                        let today = today.clone();
                        let payment = match row.status {
                            InvoiceStatus::Unpaid { overdue } => {
                                let badge = if overdue { "badge warn" } else { "badge" };
                                let number = row.number.clone();
                                view! {
                                    <span class=badge>{status}</span>
                                    <ActionForm action=paid attr:class="inline-form">
                                        <input type="hidden" name="invoice_number" value=number />
                                        <label>
                                            {t("field-paid-on")}
                                            <input type="date" name="paid_on" required value=today.clone() max=today.clone() />
                                        </label>
                                        <label>
                                            {t("field-bank-reference")}
                                            <input name="bank_reference" required maxlength="100" />
                                        </label>
                                        <button type="submit" class="secondary">{t("mark-paid")}</button>
                                    </ActionForm>
                                }
                                    .into_any()
                            }
                            InvoiceStatus::Paid { .. } => {
                                view! {
                                    <span class="badge ok">{status}</span>
                                    {row.bank_reference.map(|r| view! { <br /><small>{r}</small> })}
                                }
                                    .into_any()
                            }
                        };
                        view! {
                            <tr data-testid="invoice-row">
                                <td data-label=t("col-invoice")>
                                    <a href=format!("/admin/orders/{}/invoice.pdf", row.order_id) download>
                                        {row.number}
                                    </a>
                                </td>
                                <td data-label=t("col-company")>
                                    <a href=format!("/admin/companies/{}", row.company_id)>{row.company_name}</a>
                                </td>
                                <td data-label=t("invoice-issued")>{row.issue_date}</td>
                                <td data-label=t("invoice-due")>{row.due_date}</td>
                                <td data-label=t("col-total")>{row.total}</td>
                                <td data-label=t("col-status")>{payment}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
        <p class="pager">
            {previous.map(|href| view! { <a href=href>{t("previous")}</a> " " })}
            {next.map(|href| view! { <a href=href>{t("next")}</a> })}
        </p>
    }
    .into_any()
}
