//! Orders and invoices: the list, one order with its invoice, and a print-friendly invoice.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::{order, orders};
use crate::components::error_view;
use crate::model::invoice::{InvoiceDocument, Party};
use crate::model::OrderRow;
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
                        let pdf = format!("/orders/{}/invoice.pdf", detail.order.id);
                        view! {
                            <h1>{format!("{} {}", text::ORDER_TITLE, detail.order.id)}</h1>
                            <p data-testid="order-contract-change">
                                {text::CONTRACT_CHANGE} ": "
                                {detail
                                    .contract_end_after
                                    .map(|after| text::end_date_change(detail.contract_end_before, after))}
                            </p>
                            <Invoice invoice=detail.invoice />
                            <p class="no-print actions">
                                <a href=pdf download data-testid="invoice-pdf">{text::DOWNLOAD_PDF}</a>
                                " · "
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
                    Ok(detail) => {
                        let pdf = format!("/orders/{}/invoice.pdf", detail.order.id);
                        view! {
                            <Invoice invoice=detail.invoice />
                            <p class="no-print">
                                <a href=pdf download>{text::DOWNLOAD_PDF}</a>
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

/// A seller's or buyer's block.
#[component]
fn PartyBlock(heading: &'static str, party: Party) -> impl IntoView {
    view! {
        <div class="party">
            <h3>{heading}</h3>
            <address>
                <strong>{party.legal_name.clone()}</strong>
                {party.detail_lines().into_iter().map(|line| view! { <br />{line} }).collect_view()}
            </address>
        </div>
    }
}

/// The invoice as issued: the same content as its PDF.
#[component]
fn Invoice(invoice: InvoiceDocument) -> impl IntoView {
    let pay_by = text::invoice_pay_by(
        &invoice.total,
        &invoice.currency,
        invoice.due_date,
        &invoice.payment_reference,
    );
    let bank = [
        (
            text::INVOICE_PAYMENT_REFERENCE,
            invoice.payment_reference.clone(),
        ),
        (text::INVOICE_IBAN, invoice.bank.iban.clone()),
        (text::INVOICE_BIC, invoice.bank.bic.clone()),
        (text::INVOICE_BANK, invoice.bank.bank_name.clone()),
    ];
    view! {
        <section class="card invoice" data-testid="invoice">
            <h2>{format!("{} {}", text::INVOICE_TITLE, invoice.number)}</h2>
            <div class="parties">
                <PartyBlock heading=text::INVOICE_SELLER party=invoice.seller />
                <PartyBlock heading=text::INVOICE_BUYER party=invoice.buyer />
            </div>
            <dl class="facts">
                <dt>{text::INVOICE_ISSUED}</dt>
                <dd>{invoice.issue_date.to_string()}</dd>
                <dt>{text::INVOICE_DUE}</dt>
                <dd data-testid="invoice-due">{invoice.due_date.to_string()}</dd>
                <dt>{text::INVOICE_STATUS}</dt>
                <dd data-testid="invoice-status">{text::invoice_status(&invoice.status)}</dd>
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
                    {invoice
                        .lines
                        .into_iter()
                        .map(|l| {
                            view! {
                                <tr>
                                    <td data-label=text::COL_DESCRIPTION>
                                        {l.description}
                                        {l
                                            .service
                                            .map(|s| {
                                                view! {
                                                    <br />
                                                    <small data-testid="service-period">{text::service_period(&s)}</small>
                                                }
                                            })}
                                    </td>
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
            <dl class="totals">
                <dt>{text::INVOICE_SUBTOTAL}</dt>
                <dd data-testid="invoice-subtotal">{invoice.subtotal}</dd>
                <dt>{text::invoice_tax(&invoice.tax_rate)}</dt>
                <dd data-testid="invoice-tax">{invoice.tax}</dd>
                <dt>{format!("{} ({})", text::INVOICE_TOTAL, invoice.currency)}</dt>
                <dd>
                    <strong data-testid="invoice-total">{invoice.total}</strong>
                </dd>
            </dl>
            {(!invoice.tax_note.is_empty()).then(|| view! { <p class="hint">{invoice.tax_note}</p> })}
            <h3>{text::INVOICE_PAYMENT}</h3>
            <p>{pay_by}</p>
            <dl class="facts">
                {bank
                    .into_iter()
                    .filter(|(_, value)| !value.is_empty())
                    .map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> })
                    .collect_view()}
            </dl>
            {(!invoice.footer.is_empty()).then(|| view! { <p class="hint">{invoice.footer}</p> })}
        </section>
    }
}
