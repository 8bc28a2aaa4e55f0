//! Orders and invoices: the list, one order with its invoice, and a print-friendly invoice.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::{order, orders};
use crate::components::error_view;
use crate::i18n::t;
use crate::model::invoice::{InvoiceDocument, Party};
use crate::model::OrderRow;
use crate::text;

#[component]
pub fn OrdersPage() -> impl IntoView {
    let list = Resource::new(|| (), |_| orders());
    view! {
        <Title text=t("orders-title") />
        <h1>{t("orders-title")}</h1>
        <Suspense fallback=|| view! { <p>{t("loading")}</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(rows) if rows.is_empty() => view! { <p>{t("no-orders")}</p> }.into_any(),
                    Ok(rows) => view! { <OrderTable rows /> }.into_any(),
                    Err(error) => error_view(error),
                }
            })}
        </Suspense>
    }
}

fn status(paid: bool) -> String {
    if paid {
        t("paid")
    } else {
        t("unpaid")
    }
}

#[component]
fn OrderTable(rows: Vec<OrderRow>) -> impl IntoView {
    view! {
        <table class="responsive">
            <thead>
                <tr>
                    <th scope="col">{t("col-date")}</th>
                    <th scope="col">{t("col-what")}</th>
                    <th scope="col">{t("col-by")}</th>
                    <th scope="col">{t("quote-total")}</th>
                    <th scope="col">{t("col-invoice")}</th>
                </tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|o| {
                        view! {
                            <tr data-testid="order-row">
                                <td data-label=t("col-date")>{o.placed_at}</td>
                                <td data-label=t("col-what")>
                                    <a href=format!("/orders/{}", o.id)>{text::order_kind(o.kind)}</a>
                                </td>
                                <td data-label=t("col-by")>{o.placed_by}</td>
                                <td data-label=t("quote-total")>{crate::i18n::locale().amount(&o.total)}</td>
                                <td data-label=t("col-invoice")>
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
        <Title text=t("order-title") />
        <Suspense fallback=|| view! { <p>{t("loading")}</p> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(detail) => {
                        let print = format!("/orders/{}/invoice", detail.order.id);
                        let pdf = format!("/orders/{}/invoice.pdf", detail.order.id);
                        view! {
                            <h1>{format!("{} {}", t("order-title"), detail.order.id)}</h1>
                            <p data-testid="order-contract-change">
                                {t("contract-change")} ": "
                                {detail
                                    .contract_end_after
                                    .map(|after| text::end_date_change(detail.contract_end_before, after))}
                            </p>
                            <Invoice invoice=detail.invoice />
                            <p class="no-print actions">
                                <a href=pdf download data-testid="invoice-pdf">{t("download-pdf")}</a>
                                " · "
                                <a href=print>{t("print-invoice")}</a>
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
        <Title text=t("invoice-title") />
        <Suspense fallback=|| view! { <p>{t("loading")}</p> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(detail) => {
                        let pdf = format!("/orders/{}/invoice.pdf", detail.order.id);
                        view! {
                            <Invoice invoice=detail.invoice />
                            <p class="no-print">
                                <a href=pdf download>{t("download-pdf")}</a>
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
fn PartyBlock(heading: String, party: Party) -> impl IntoView {
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
            t("invoice-payment-reference"),
            invoice.payment_reference.clone(),
        ),
        (t("invoice-iban"), invoice.bank.iban.clone()),
        (t("invoice-bic"), invoice.bank.bic.clone()),
        (t("invoice-bank"), invoice.bank.bank_name.clone()),
    ];
    view! {
        <section class="card invoice" data-testid="invoice">
            <h2>{format!("{} {}", t("invoice-title"), invoice.number)}</h2>
            <div class="parties">
                <PartyBlock heading=t("invoice-seller") party=invoice.seller />
                <PartyBlock heading=t("invoice-buyer") party=invoice.buyer />
            </div>
            <dl class="facts">
                <dt>{t("invoice-issued")}</dt>
                <dd>{crate::i18n::locale().date(invoice.issue_date)}</dd>
                <dt>{t("invoice-due")}</dt>
                <dd data-testid="invoice-due">{crate::i18n::locale().date(invoice.due_date)}</dd>
                <dt>{t("invoice-status")}</dt>
                <dd data-testid="invoice-status">{text::invoice_status(&invoice.status)}</dd>
            </dl>
            <table class="responsive">
                <thead>
                    <tr>
                        <th scope="col">{t("col-description")}</th>
                        <th scope="col">{t("col-qty")}</th>
                        <th scope="col">{t("col-unit-price")}</th>
                        <th scope="col">{t("col-detail")}</th>
                        <th scope="col">{t("col-amount")}</th>
                    </tr>
                </thead>
                <tbody>
                    {invoice
                        .lines
                        .into_iter()
                        .map(|l| {
                            view! {
                                <tr>
                                    <td data-label=t("col-description")>
                                        {text::line_description(&l.description)}
                                        {l
                                            .service
                                            .map(|s| {
                                                view! {
                                                    <br />
                                                    <small data-testid="service-period">{text::service_period(&s)}</small>
                                                }
                                            })}
                                    </td>
                                    <td data-label=t("col-qty")>{l.quantity}</td>
                                    <td data-label=t("col-unit-price")>{crate::i18n::locale().amount(&l.unit_price)}</td>
                                    <td data-label=t("col-detail")>{text::price_from(l.price_from)}</td>
                                    <td data-label=t("col-amount")>{crate::i18n::locale().amount(&l.amount)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
            <dl class="totals">
                <dt>{t("invoice-subtotal")}</dt>
                <dd data-testid="invoice-subtotal">{crate::i18n::locale().amount(&invoice.subtotal)}</dd>
                <dt>{text::invoice_tax(&invoice.tax_rate)}</dt>
                <dd data-testid="invoice-tax">{crate::i18n::locale().amount(&invoice.tax)}</dd>
                <dt>{format!("{} ({})", t("invoice-total"), invoice.currency)}</dt>
                <dd>
                    <strong data-testid="invoice-total">{crate::i18n::locale().amount(&invoice.total)}</strong>
                </dd>
            </dl>
            {(!invoice.tax_note.is_empty()).then(|| view! { <p class="hint">{invoice.tax_note}</p> })}
            <h3>{t("invoice-payment")}</h3>
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
