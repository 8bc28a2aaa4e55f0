//! Add licenses, with support from the running contract (R8 extension) or a new contract
//! bought in the same order (R1, R2 counted after the order).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::{license_options, license_quote, BuyLicenses};
use crate::components::{error_view, QuoteBreakdown, YearsField};
use crate::i18n::t;
use crate::model::{LicenseOptions, QuoteView};
use crate::text;

/// The order as the GET form put it in the URL.
#[derive(Clone, PartialEq)]
struct LicenseChoice {
    /// `product_id:quantity,…`, the server function's format.
    lines: String,
    support: String,
    plan: String,
    years: u32,
}

#[component]
pub fn LicensesPage() -> impl IntoView {
    let query = use_query_map();
    let choice = Memo::new(move |_| {
        let q = query.read();
        let products = q.get_all("product").unwrap_or_default();
        let quantities = q.get_all("qty").unwrap_or_default();
        let lines = products
            .iter()
            .zip(quantities.iter())
            .filter(|(_, qty)| !qty.trim().is_empty() && qty.trim() != "0")
            .map(|(id, qty)| format!("{}:{}", id.trim(), qty.trim()))
            .collect::<Vec<_>>()
            .join(",");
        LicenseChoice {
            lines,
            support: q.get("support").unwrap_or_default(),
            plan: q.get("plan").unwrap_or_else(|| "standard".into()),
            years: q
                .get("years")
                .and_then(|y| y.trim().parse().ok())
                .unwrap_or(1),
        }
    });
    let options = Resource::new(|| (), |_| license_options());
    let quote = Resource::new(
        move || choice.get(),
        |c| async move {
            if c.lines.is_empty() {
                return None;
            }
            Some(license_quote(c.lines, c.support, c.plan, c.years).await)
        },
    );

    view! {
        <Title text=t("add-licenses-title") />
        <h1>{t("add-licenses-title")}</h1>
        <p>{t("add-licenses-intro")}</p>
        <Suspense fallback=|| view! { <p>{t("loading")}</p> }>
            {move || Suspend::new(async move {
                match options.await {
                    Ok(options) => {
                        view! { <LicenseForm options choice=choice.get_untracked() /> }.into_any()
                    }
                    Err(error) => error_view(error),
                }
            })}
        </Suspense>
        <Suspense>
            {move || Suspend::new(async move {
                match quote.await {
                    Some(Ok(quote)) => {
                        view! { <LicenseQuote quote choice=choice.get_untracked() /> }.into_any()
                    }
                    Some(Err(error)) => error_view(error),
                    None => ().into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn LicenseForm(options: LicenseOptions, choice: LicenseChoice) -> impl IntoView {
    let quantity_of = |id: i64| {
        choice
            .lines
            .split(',')
            .filter_map(|l| l.split_once(':'))
            .find(|(pid, _)| pid.parse::<i64>().ok() == Some(id))
            .map(|(_, q)| q.to_string())
            .unwrap_or_default()
    };
    let currency = options.currency.clone();
    let rows = options
        .products
        .iter()
        .map(|p| {
            let label = format!(
                "{} ({}, v{})",
                p.name,
                crate::i18n::locale().money(&p.unit_price, &currency),
                p.latest_version
            );
            let owned = (p.owned > 0).then(|| format!(" · {} {}", p.owned, t("owned")));
            let id = format!("qty-{}", p.id);
            view! {
                <div class="qty-row">
                    <input type="hidden" name="product" value=p.id.to_string() />
                    <label for=id.clone()>{label} <span class="muted">{owned}</span></label>
                    <input
                        id=id
                        type="number"
                        name="qty"
                        min="0"
                        max="10000"
                        step="1"
                        inputmode="numeric"
                        value=quantity_of(p.id)
                        data-testid=format!("qty-{}", p.name)
                    />
                </div>
            }
        })
        .collect_view();
    let has_active = options.active_contract.is_some();
    let new_allowed = options.new_contract_allowed;
    // R1: a new contract only when none is in force or signed for later.
    let use_active = has_active && (choice.support != "new" || !new_allowed);
    let join_note = match (options.support_starts, options.covered_until) {
        (Some(start), _) => Some(text::licenses_from_start(start)),
        (None, Some(until)) if !new_allowed => Some(text::licenses_join_current(until)),
        _ => None,
    }
    .map(|note| view! { <p class="muted">{note}</p> });
    let active_label = options.active_contract.as_ref().map(|c| {
        format!(
            "{} ({}, {})",
            t("support-with-active"),
            c.plan_name,
            text::end_date_change(None, c.end)
        )
    });
    let plan_options = options
        .plans
        .iter()
        .map(|(tier, name)| {
            let selected = *tier == choice.plan;
            view! { <option value=tier.clone() selected=selected>{name.clone()}</option> }
        })
        .collect_view();
    view! {
        <form method="get" action="/licenses" class="card choice">
            <fieldset class="products">
                <legend>{t("quote-licenses")}</legend>
                {rows}
            </fieldset>
            <fieldset>
                <legend>{t("field-support")}</legend>
                {active_label
                    .map(|label| {
                        view! {
                            <label class="radio">
                                <input type="radio" name="support" value="active" checked=use_active />
                                {label}
                            </label>
                        }
                    })}
                {new_allowed
                    .then(|| {
                        view! {
                            <label class="radio">
                                <input type="radio" name="support" value="new" checked=!use_active />
                                {t("support-with-new")}
                            </label>
                            <label>
                                {t("field-plan")} <select name="plan">{plan_options}</select>
                            </label>
                        }
                    })}
                {join_note}
                <YearsField value=choice.years.to_string() />
            </fieldset>
            <button type="submit" class="secondary">
                {t("show-quote")}
            </button>
        </form>
    }
}

#[component]
fn LicenseQuote(quote: QuoteView, choice: LicenseChoice) -> impl IntoView {
    let buy = ServerAction::<BuyLicenses>::new();
    let (digest, key) = (quote.digest.clone(), quote.idempotency_key.clone());
    view! {
        <QuoteBreakdown quote />
        <ActionForm action=buy>
            <input type="hidden" name="lines" value=choice.lines />
            <input type="hidden" name="support" value=choice.support />
            <input type="hidden" name="plan" value=choice.plan />
            <input type="hidden" name="years" value=choice.years.to_string() />
            <input type="hidden" name="digest" value=digest />
            <input type="hidden" name="key" value=key />
            <button type="submit" disabled=move || buy.pending().get()>
                {t("confirm-order")}
            </button>
        </ActionForm>
        {move || match buy.value().get() {
            Some(Err(error)) => Some(error_view(error)),
            _ => None,
        }}
    }
}
