//! Setting a password from a single-use link: invitation (R3) and password reset.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::{AcceptInvitation, RequestPasswordReset, ResetPassword};
use crate::components::error_view;
use crate::text;

#[component]
pub fn InvitePage() -> impl IntoView {
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let accept = ServerAction::<AcceptInvitation>::new();
    view! {
        <Title text=text::INVITE_TITLE />
        <section class="card narrow">
            <h1>{text::INVITE_TITLE}</h1>
            <p>{text::INVITE_INTRO}</p>
            <ActionForm action=accept attr:class="stack">
                <input type="hidden" name="token" value=token />
                <label for="password">{text::NEW_PASSWORD}</label>
                <input id="password" type="password" name="password" autocomplete="new-password" minlength="12" required />
                <button type="submit">{text::SAVE_PASSWORD}</button>
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
        <Title text=text::RESET_TITLE />
        <section class="card narrow">
            <h1>{text::RESET_TITLE}</h1>
            {move || match (token(), sent()) {
                (Some(token), _) => view! {
                    <ActionForm action=reset attr:class="stack">
                        <input type="hidden" name="token" value=token />
                        <label for="password">{text::NEW_PASSWORD}</label>
                        <input id="password" type="password" name="password" autocomplete="new-password" minlength="12" required />
                        <button type="submit">{text::SAVE_PASSWORD}</button>
                    </ActionForm>
                }
                .into_any(),
                (None, true) => view! { <p class="notice" role="status">{text::RESET_SENT}</p> }.into_any(),
                (None, false) => view! {
                    <p>{text::RESET_INTRO}</p>
                    <ActionForm action=request attr:class="stack">
                        <label for="email">{text::LOGIN_EMAIL}</label>
                        <input id="email" type="email" name="email" autocomplete="username" required />
                        <button type="submit">{text::RESET_SEND}</button>
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
