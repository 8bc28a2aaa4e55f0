//! R4: move a holding to the latest version, free while the plan includes new versions.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::{version_updates, UpdateVersion};
use crate::components::error_view;
use crate::i18n::t;
use crate::model::VersionUpdateOption;

#[component]
pub fn UpdatesPage() -> impl IntoView {
    let update = ServerAction::<UpdateVersion>::new();
    let rows = Resource::new(move || update.version().get(), |_| version_updates());
    view! {
        <Title text=t("updates-title") />
        <h1>{t("updates-title")}</h1>
        <p>{t("updates-intro")}</p>
        {move || match update.value().get() {
            Some(Err(error)) => Some(error_view(error)),
            _ => None,
        }}
        <Transition fallback=|| view! { <p>{t("loading")}</p> }>
            {move || Suspend::new(async move {
                match rows.await {
                    Ok(rows) => {
                        rows.into_iter()
                            .map(|row| view! { <UpdateRow row update /> })
                            .collect_view()
                            .into_any()
                    }
                    Err(error) => error_view(error),
                }
            })}
        </Transition>
    }
}

#[component]
fn UpdateRow(row: VersionUpdateOption, update: ServerAction<UpdateVersion>) -> impl IntoView {
    let current = row.installed == row.latest;
    let update_label = format!("{} {}", t("update-to"), row.latest);
    let action = match row.allowed {
        Ok(()) => view! {
            <ActionForm action=update>
                <input type="hidden" name="product_id" value=row.product_id.to_string() />
                <button type="submit">{update_label}</button>
            </ActionForm>
        }
        .into_any(),
        Err(_) if current => view! { <span class="badge ok">{t("up-to-date")}</span> }.into_any(),
        Err(reason) => {
            view! { <p class="notice">{crate::text::rule_violation(&reason)}</p> }.into_any()
        }
    };
    view! {
        <section class="card update-row" data-testid="update-row">
            <h2>{row.product}</h2>
            <p>
                {format!(
                    "{} × {} {} · {} {}",
                    row.quantity,
                    t("col-installed"),
                    row.installed,
                    t("col-latest"),
                    row.latest,
                )}
            </p>
            {action}
        </section>
    }
}
