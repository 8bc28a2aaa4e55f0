//! Orders and invoices: the list, one order with its invoice, and a print-friendly invoice.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::{order, orders};
use crate::components::error_view;
use crate::model::{OrderDetailView, OrderRow};
use crate::text;

#[component]
pub fn OrdersPage() -> impl IntoView {
    let list = Resource::new(|| (), |_| orders());
    view! {
        <Title text=text::ORDERS_TITLE />
        <h1>{text::ORDERS_TITLE}</h1>
        <Suspense fallback=|| view! { <p>{text::LOADING}</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(rows) if rows.is_empty() => view! { <p>{text::NO_ORDERS}</p> }.into_any(),
                    Ok(rows) => view! { <OrderTable rows /> }.into_any(),
                    Err(error) => error_view(error),
                }
            })}
        </Suspense>
    }
}

fn status(paid: bool) -> &'static str {
    if paid {
        text::PAID
    } else {
        text::UNPAID
    }
}

#[component]
fn OrderTable(rows: Vec<OrderRow>) -> impl IntoView {
    view! {
        <table class="responsive">
            <thead>
                <tr>
                    <th scope="col">{text::COL_DATE}</th>
                    <th scope="col">{text::COL_WHAT}</th>
                    <th scope="col">{text::COL_BY}</th>
                    <th scope="col">{text::QUOTE_TOTAL}</th>
                    <th scope="col">{text::COL_INVOICE}</th>
                </tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|o| {
                        view! {
                            <tr data-testid="order-row">
                                <td data-label=text::COL_DATE>{o.placed_at}</td>
                                <td data-label=text::COL_WHAT>
                                    <a href=format!("/orders/{}", o.id)>{text::order_kind(o.kind)}</a>
                                </td>
                                <td data-label=text::COL_BY>{o.placed_by}</td>
                                <td data-label=text::QUOTE_TOTAL>{o.total}</td>
                                <td data-label=text::COL_INVOICE>
                                    {format!("{} ({})", o.invoice_number, status(o.paid))}
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

fn order_id() -> impl Fn() -> i64 + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse().ok())
            .unwrap_or(0)
    }
}

#[component]
pub fn OrderPage() -> impl IntoView {
    let id = order_id();
    let detail = Resource::new(id, order);
    view! {
        <Title text=text::ORDER_TITLE />
        <Suspense fallback=|| view! { <p>{text::LOADING}</p> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(detail) => {
                        let print = format!("/orders/{}/invoice", detail.order.id);
                        view! {
                            <h1>{format!("{} {}", text::ORDER_TITLE, detail.order.id)}</h1>
                            <p data-testid="order-contract-change">
                                {text::CONTRACT_CHANGE} ": "
                                {detail
                                    .contract_end_after
                                    .map(|after| text::end_date_change(detail.contract_end_before, after))}
                            </p>
                            <Invoice detail />
                            <p class="no-print">
                                <a href=print>{text::PRINT_INVOICE}</a>
                            </p>
                        }
                            .into_any()
                    }
                    Err(error) => error_view(error),
                }
            })}
        </Suspense>
    }
}

/// The invoice alone, laid out for paper (the site chrome is hidden when printing).
#[component]
pub fn InvoicePage() -> impl IntoView {
    let id = order_id();
    let detail = Resource::new(id, order);
    view! {
        <Title text=text::INVOICE_TITLE />
        <Suspense fallback=|| view! { <p>{text::LOADING}</p> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(detail) => view! { <Invoice detail /> }.into_any(),
                    Err(error) => error_view(error),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Invoice(detail: OrderDetailView) -> impl IntoView {
    view! {
        <section class="card invoice" data-testid="invoice">
            <h2>{format!("{} {}", text::INVOICE_TITLE, detail.order.invoice_number)}</h2>
            <p>{detail.company_name}</p>
            <dl class="facts">
                <dt>{text::INVOICE_ISSUED}</dt>
                <dd>{detail.issue_date.to_string()}</dd>
                <dt>{text::INVOICE_DUE}</dt>
                <dd data-testid="invoice-due">{detail.due_date.to_string()}</dd>
                <dt>{text::INVOICE_STATUS}</dt>
                <dd>{status(detail.order.paid)}</dd>
            </dl>
            <table class="responsive">
                <thead>
                    <tr>
                        <th scope="col">{text::COL_DESCRIPTION}</th>
                        <th scope="col">{text::COL_QTY}</th>
                        <th scope="col">{text::COL_UNIT_PRICE}</th>
                        <th scope="col">{text::COL_DETAIL}</th>
                        <th scope="col">{text::COL_AMOUNT}</th>
                    </tr>
                </thead>
                <tbody>
                    {detail
                        .lines
                        .into_iter()
                        .map(|l| {
                            view! {
                                <tr>
                                    <td data-label=text::COL_DESCRIPTION>{l.description}</td>
                                    <td data-label=text::COL_QTY>{l.quantity}</td>
                                    <td data-label=text::COL_UNIT_PRICE>{l.unit_price}</td>
                                    <td data-label=text::COL_DETAIL>{l.detail}</td>
                                    <td data-label=text::COL_AMOUNT>{l.amount}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
            <p class="total">
                {text::QUOTE_TOTAL} ": " <strong data-testid="invoice-total">{detail.order.total}</strong>
            </p>
        </section>
    }
}
