//! The company's history: every change, who made it and when.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::history;
use crate::components::error_view;
use crate::i18n::t;
use crate::text;

#[component]
pub fn HistoryPage() -> impl IntoView {
    let entries = Resource::new(|| (), |_| history());
    view! {
        <Title text=t("history-title") />
        <h1>{t("history-title")}</h1>
        <Suspense fallback=|| view! { <p>{t("loading")}</p> }>
            {move || Suspend::new(async move {
                match entries.await {
                    Ok(entries) if entries.is_empty() => {
                        view! { <p>{t("no-history")}</p> }.into_any()
                    }
                    Ok(entries) => {
                        view! {
                            <ol class="history">
                                {entries
                                    .into_iter()
                                    .map(|e| {
                                        view! {
                                            <li>
                                                <span class="muted">
                                                    {moment(&e.at)}
                                                    " · " {e.actor}
                                                </span>
                                                <br />
                                                {history_text(e.kind, e.summary)}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ol>
                        }
                            .into_any()
                    }
                    Err(error) => error_view(error),
                }
            })}
        </Suspense>
    }
}

/// What an entry says. The recorded summary (with its numbers and names) is the audit record,
/// written once in English: English readers see it; other languages see the headline of its
/// kind, or the summary for a kind without one.
fn history_text(kind: String, summary: String) -> String {
    match (text::history_headline(&kind), crate::i18n::locale()) {
        (Some(_), crate::i18n::Locale::En) => summary,
        (Some(headline), _) => headline,
        (None, _) => summary,
    }
}

/// A stored instant (`2026-11-25T10:00:00Z`) as day and time, the day written the reader's way.
fn moment(at: &str) -> String {
    let day = at
        .get(..10)
        .and_then(|d| d.parse::<chrono::NaiveDate>().ok());
    match (day, at.get(11..16)) {
        (Some(day), Some(time)) => format!("{} {time}", crate::i18n::locale().date(day)),
        _ => at.to_string(),
    }
}
