//! Setting a password from a single-use link: invitation (R3) and password reset.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::{AcceptInvitation, RequestPasswordReset, ResetPassword};
use crate::components::error_view;
use crate::i18n::t;

#[component]
pub fn InvitePage() -> impl IntoView {
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let accept = ServerAction::<AcceptInvitation>::new();
    view! {
        <Title text=t("invite-title") />
        <section class="card narrow">
            <h1>{t("invite-title")}</h1>
            <p>{t("invite-intro")}</p>
            <ActionForm action=accept attr:class="stack">
                <input type="hidden" name="token" value=token />
                <label for="password">{t("new-password")}</label>
                <input id="password" type="password" name="password" autocomplete="new-password" minlength="12" required />
                <button type="submit">{t("save-password")}</button>
            </ActionForm>
            {move || match accept.value().get() {
                Some(Err(error)) => Some(error_view(error)),
                _ => None,
            }}
        </section>
    }
}

#[component]
pub fn ResetPage() -> impl IntoView {
    let query = use_query_map();
    let token = move || query.read().get("token");
    let sent = move || query.read().get("sent").is_some();
    let request = ServerAction::<RequestPasswordReset>::new();
    let reset = ServerAction::<ResetPassword>::new();
    view! {
        <Title text=t("reset-title") />
        <section class="card narrow">
            <h1>{t("reset-title")}</h1>
            {move || match (token(), sent()) {
                (Some(token), _) => view! {
                    <ActionForm action=reset attr:class="stack">
                        <input type="hidden" name="token" value=token />
                        <label for="password">{t("new-password")}</label>
                        <input id="password" type="password" name="password" autocomplete="new-password" minlength="12" required />
                        <button type="submit">{t("save-password")}</button>
                    </ActionForm>
                }
                .into_any(),
                (None, true) => view! { <p class="notice" role="status">{t("reset-sent")}</p> }.into_any(),
                (None, false) => view! {
                    <p>{t("reset-intro")}</p>
                    <ActionForm action=request attr:class="stack">
                        <label for="email">{t("login-email")}</label>
                        <input id="email" type="email" name="email" autocomplete="username" required />
                        <button type="submit">{t("reset-send")}</button>
                    </ActionForm>
                }
                .into_any(),
            }}
            {move || match reset.value().get() {
                Some(Err(error)) => Some(error_view(error)),
                _ => None,
            }}
        </section>
    }
}
