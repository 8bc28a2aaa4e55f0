//! `/admin/consultations` and `/admin/consultations/:id`: the request queue and one request.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::consult::admin_consultations;
use crate::components::error_view;
use crate::i18n::t;
use crate::pages::consultations::{RequestTable, RequestThreadPage};

#[component]
pub fn AdminQueuePage() -> impl IntoView {
    let queue = Resource::new(|| (), |_| admin_consultations());
    view! {
        <Title text=t("admin-queue") />
        <h1>{t("admin-queue")}</h1>
        <Suspense fallback=|| view! { <p>{t("loading")}</p> }>
            {move || Suspend::new(async move {
                match queue.await {
                    Ok(rows) if rows.is_empty() => view! { <p>{t("no-requests")}</p> }.into_any(),
                    Ok(rows) => view! { <RequestTable rows base="/admin/consultations" /> }.into_any(),
                    Err(error) => error_view(error),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn AdminRequestPage() -> impl IntoView {
    view! {
        <RequestThreadPage admin=true />
    }
}
