//! The sign-in page. A plain `<form>` post: it works before (and without) the wasm.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::Login;
use crate::i18n::t;

#[component]
pub fn LoginPage() -> impl IntoView {
    let login = ServerAction::<Login>::new();
    let query = use_query_map();
    // With JS the action's value carries the refusal; without JS the server redirects back here
    // with `?error=…`.
    let error = move || match login.value().get() {
        Some(Err(error)) => Some(error.to_string()),
        _ => crate::components::refusal_in_query(&query.read(), "err-invalid-credentials"),
    };
    let signed_out = move || query.read().get("signed_out").is_some();
    let options = Resource::new_blocking(|| (), |_| crate::api::security::sign_in_state());

    view! {
        <Title text=t("login-title") />
        <section class="card narrow">
            <h1>{t("login-title")}</h1>
            <p>{t("login-intro")}</p>
            <Show when=signed_out>
                <p class="notice" role="status">
                    {t("login-signed-out")}
                </p>
            </Show>
            {move || error().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <ActionForm action=login attr:class="stack">
                <label for="email">{t("login-email")}</label>
                <input id="email" type="email" name="email" autocomplete="username" required />
                <label for="password">{t("login-password")}</label>
                <input
                    id="password"
                    type="password"
                    name="password"
                    autocomplete="current-password"
                    required
                />
                <button type="submit">{t("login-submit")}</button>
            </ActionForm>
            <p>
                <a href="/reset">{t("forgot-password")}</a>
            </p>
            <Suspense>
                {move || Suspend::new(async move {
                    let available = options.await.is_ok_and(|o| o.passkeys_available);
                    available.then(|| view! { <crate::pages::PasskeySignIn /> })
                })}
            </Suspense>
        </section>
    }
}
