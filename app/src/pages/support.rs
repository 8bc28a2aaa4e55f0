//! Buy or renew support: choose plan and whole years, see the quote, confirm (R6, R9, R10).
//! The choice is a GET form and the confirm a POST form, so the flow works without JS.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::{plan_matrix, support_quote, BuySupport};
use crate::components::{error_view, QuoteBreakdown, YearsField};
use crate::i18n::t;
use crate::model::{OrderKind, QuoteView};

#[component]
pub fn SupportPage() -> impl IntoView {
    let query = use_query_map();
    let plan = move || {
        query
            .read()
            .get("plan")
            .unwrap_or_else(|| "standard".into())
    };
    let years = move || {
        query
            .read()
            .get("years")
            .and_then(|y| y.trim().parse::<u32>().ok())
            .unwrap_or(1)
    };
    let quote = Resource::new(move || (plan(), years()), |(p, y)| support_quote(p, y));
    let plans = Resource::new(|| (), |_| plan_matrix());

    view! {
        <Title text=t("buy-support-title") />
        <h1>{t("buy-support-title")}</h1>
        <p>{t("support-intro")}</p>
        <form method="get" action="/support" class="card choice">
            <label>
                {t("field-plan")}
                <select name="plan" data-testid="plan-select">
                    <Suspense>
                        {move || Suspend::new(async move {
                            let chosen = plan();
                            plans
                                .await
                                .map(|m| {
                                    m.plans
                                        .into_iter()
                                        .map(|p| {
                                            let selected = p.tier == chosen;
                                            view! {
                                                <option value=p.tier selected=selected>
                                                    {p.name}
                                                </option>
                                            }
                                        })
                                        .collect_view()
                                })
                                .ok()
                        })}
                    </Suspense>
                </select>
            </label>
            <YearsField value=Signal::derive(move || years().to_string()) />
            <button type="submit" class="secondary">
                {t("show-quote")}
            </button>
        </form>
        <Suspense fallback=|| view! { <p>{t("loading")}</p> }>
            {move || Suspend::new(async move {
                match quote.await {
                    Ok(quote) => {
                        view! { <SupportQuote quote plan=plan() years=years() /> }.into_any()
                    }
                    Err(error) => error_view(error),
                }
            })}
        </Suspense>
    }
}

#[component]
fn SupportQuote(quote: QuoteView, plan: String, years: u32) -> impl IntoView {
    let buy = ServerAction::<BuySupport>::new();
    let heading = if quote.kind == OrderKind::Renewal {
        t("renew-title")
    } else {
        t("buy-support-title")
    };
    let (digest, key) = (quote.digest.clone(), quote.idempotency_key.clone());
    view! {
        <p class="muted" data-testid="flow-kind">{heading}</p>
        <QuoteBreakdown quote />
        <ActionForm action=buy>
            <input type="hidden" name="plan" value=plan />
            <input type="hidden" name="years" value=years.to_string() />
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
