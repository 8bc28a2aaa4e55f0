//! The quote with its whole formula: license lines, support computation, contract change.

use leptos::prelude::*;

use crate::model::{LineView, QuoteView};
use crate::text;

#[component]
pub fn QuoteBreakdown(quote: QuoteView) -> impl IntoView {
    let currency = quote.currency.clone();
    let support = quote.support;
    let licenses = (!quote.licenses.is_empty()).then(|| {
        view! {
            <h3>{text::QUOTE_LICENSES}</h3>
            <LineTable lines=quote.licenses.clone() />
        }
    });
    view! {
        <section class="card quote" data-testid="quote">
            <h2>{text::QUOTE_TITLE}</h2>
            <p class="muted">{text::QUOTE_SIGNING_DATE} " " {quote.signing_date.to_string()}</p>
            {licenses}
            <h3>{format!("{}: {}, {}", text::QUOTE_SUPPORT, support.plan_name, text::years(support.years))}</h3>
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
                <summary>{text::QUOTE_BASIS}</summary>
                <LineTable lines=support.basis />
            </details>
            <p data-testid="contract-change">{text::contract_change(&quote.change)}</p>
            <p class="total">
                {text::QUOTE_TOTAL} ": " <strong data-testid="quote-total">
                    {format!("{} {currency}", quote.total)}
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
                    <th scope="col">{text::COL_PRODUCT}</th>
                    <th scope="col">{text::COL_VERSION}</th>
                    <th scope="col">{text::COL_QUANTITY}</th>
                    <th scope="col">{text::COL_UNIT_PRICE}</th>
                    <th scope="col">{text::COL_PRICE_FROM}</th>
                    <th scope="col">{text::COL_AMOUNT}</th>
                </tr>
            </thead>
            <tbody>
                {lines
                    .into_iter()
                    .map(|l| {
                        view! {
                            <tr>
                                <td data-label=text::COL_PRODUCT>{l.product}</td>
                                <td data-label=text::COL_VERSION>{l.version}</td>
                                <td data-label=text::COL_QUANTITY>{l.quantity}</td>
                                <td data-label=text::COL_UNIT_PRICE>{l.unit_price}</td>
                                <td data-label=text::COL_PRICE_FROM>{l.price_valid_from.to_string()}</td>
                                <td data-label=text::COL_AMOUNT>{l.amount}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
