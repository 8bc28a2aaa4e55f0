//! `/admin/invoices`: unpaid, overdue and paid invoices with a search, and recording a
//! payment (date and bank reference) on each unpaid one (issue 12).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::admin::{admin_invoices, AdminMarkPaid};
use crate::components::{action_outcome, error_view, query_value};
use crate::model::invoice::{InvoiceFilter, InvoiceListPage, InvoiceStatus};
use crate::text;

fn filter_label(filter: InvoiceFilter) -> &'static str {
    match filter {
        InvoiceFilter::Unpaid => text::FILTER_UNPAID,
        InvoiceFilter::Overdue => text::FILTER_OVERDUE,
        InvoiceFilter::Paid => text::FILTER_PAID,
        InvoiceFilter::All => text::FILTER_ALL,
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
        <Title text=text::INVOICES_TITLE />
        <h1>{text::INVOICES_TITLE}</h1>
        <section class="card">
            <form method="get" action="/admin/invoices" class="choice" role="search">
                <label for="invoice-status">{text::INVOICE_STATUS}</label>
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
                <label for="invoice-search">{text::SEARCH}</label>
                <input id="invoice-search" type="search" name="q" value=search />
                <button type="submit" class="secondary">{text::SEARCH}</button>
            </form>
            {action_outcome(paid)}
            <Suspense fallback=|| view! { <p>{text::LOADING}</p> }>
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
        return view! { <p class="muted">{text::NO_INVOICES}</p> }.into_any();
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
                    <th scope="col">{text::COL_INVOICE}</th>
                    <th scope="col">{text::COL_COMPANY}</th>
                    <th scope="col">{text::INVOICE_ISSUED}</th>
                    <th scope="col">{text::INVOICE_DUE}</th>
                    <th scope="col">{text::COL_TOTAL}</th>
                    <th scope="col">{text::COL_STATUS}</th>
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
                                            {text::FIELD_PAID_ON}
                                            <input type="date" name="paid_on" required value=today.clone() max=today.clone() />
                                        </label>
                                        <label>
                                            {text::FIELD_BANK_REFERENCE}
                                            <input name="bank_reference" required maxlength="100" />
                                        </label>
                                        <button type="submit" class="secondary">{text::MARK_PAID}</button>
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
                                <td data-label=text::COL_INVOICE>
                                    <a href=format!("/admin/orders/{}/invoice.pdf", row.order_id) download>
                                        {row.number}
                                    </a>
                                </td>
                                <td data-label=text::COL_COMPANY>
                                    <a href=format!("/admin/companies/{}", row.company_id)>{row.company_name}</a>
                                </td>
                                <td data-label=text::INVOICE_ISSUED>{row.issue_date}</td>
                                <td data-label=text::INVOICE_DUE>{row.due_date}</td>
                                <td data-label=text::COL_TOTAL>{row.total}</td>
                                <td data-label=text::COL_STATUS>{payment}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
        <p class="pager">
            {previous.map(|href| view! { <a href=href>{text::PREVIOUS}</a> " " })}
            {next.map(|href| view! { <a href=href>{text::NEXT}</a> })}
        </p>
    }
    .into_any()
}
