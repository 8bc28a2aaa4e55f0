//! The quote with its whole formula: license lines, support computation, contract change.

use leptos::prelude::*;

use crate::i18n::t;
use crate::model::{LineView, QuoteView};
use crate::text;

#[component]
pub fn QuoteBreakdown(quote: QuoteView) -> impl IntoView {
    let currency = quote.currency.clone();
    let support = quote.support;
    let licenses = (!quote.licenses.is_empty()).then(|| {
        view! {
            <h3>{t("quote-licenses")}</h3>
            <LineTable lines=quote.licenses.clone() />
        }
    });
    view! {
        <section class="card quote" data-testid="quote">
            <h2>{t("quote-title")}</h2>
            <p class="muted">{t("quote-signing-date")} " " {crate::i18n::locale().date(quote.signing_date)}</p>
            {licenses}
            <h3>{format!("{}: {}, {}", t("quote-support"), support.plan_name, text::years(support.years))}</h3>
            <p data-testid="support-formula">
                {text::support_formula(
                    &support.percent,
                    &support.license_total,
                    support.years,
                    &support.exact_amount,
                    &support.amount,
                )}
            </p>
            <details>
                <summary>{t("quote-basis")}</summary>
                <LineTable lines=support.basis />
            </details>
            <p data-testid="contract-change">{text::contract_change(&quote.change)}</p>
            <p class="total">
                {t("quote-total")} ": " <strong data-testid="quote-total">
                    {crate::i18n::locale().money(&quote.total, &currency)}
                </strong>
            </p>
            {quote
                .tax
                .map(|tax| {
                    view! {
                        <p class="total" data-testid="quote-tax">
                            {text::quote_tax(&tax.rate, &tax.amount, &tax.total, &currency)}
                        </p>
                    }
                })}
        </section>
    }
}

#[component]
fn LineTable(lines: Vec<LineView>) -> impl IntoView {
    view! {
        <table class="lines responsive">
            <thead>
                <tr>
                    <th scope="col">{t("col-product")}</th>
                    <th scope="col">{t("col-version")}</th>
                    <th scope="col">{t("col-quantity")}</th>
                    <th scope="col">{t("col-unit-price")}</th>
                    <th scope="col">{t("col-price-from")}</th>
                    <th scope="col">{t("col-amount")}</th>
                </tr>
            </thead>
            <tbody>
                {lines
                    .into_iter()
                    .map(|l| {
                        view! {
                            <tr>
                                <td data-label=t("col-product")>{l.product}</td>
                                <td data-label=t("col-version")>{l.version}</td>
                                <td data-label=t("col-quantity")>{l.quantity}</td>
                                <td data-label=t("col-unit-price")>{crate::i18n::locale().amount(&l.unit_price)}</td>
                                <td data-label=t("col-price-from")>{crate::i18n::locale().date(l.price_valid_from)}</td>
                                <td data-label=t("col-amount")>{crate::i18n::locale().amount(&l.amount)}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
