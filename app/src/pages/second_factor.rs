//! `/login/code`: the second step of signing in (issue 20), after a right password. A code from
//! the authenticator app or a recovery code, in a plain form (no JavaScript needed), or the
//! account's passkey.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::security::{sign_in_state, VerifySecondFactor};
use crate::i18n::t;

#[component]
pub fn SecondFactorPage() -> impl IntoView {
    let verify = ServerAction::<VerifySecondFactor>::new();
    let options = Resource::new_blocking(|| (), |_| sign_in_state());
    let query = use_query_map();
    let error = move || match verify.value().get() {
        Some(Err(error)) => Some(error.to_string()),
        _ => crate::components::refusal_in_query(&query.read(), "err-wrong-code"),
    };
    view! {
        <Title text=t("code-title") />
        <section class="card narrow">
            <h1>{t("code-title")}</h1>
            {move || error().map(|e| view! { <p class="error" role="alert">{e}</p> })}
            <Suspense fallback=|| view! { <p>{t("loading")}</p> }>
                {move || Suspend::new(async move {
                    let options = options.await.unwrap_or_default();
                    if !options.awaiting_second_factor {
                        return view! {
                            <p class="notice">{t("code-expired")}</p>
                            <a href="/login">{t("nav-sign-in")}</a>
                        }
                            .into_any();
                    }
                    view! {
                        {options
                            .authenticator_app
                            .then(|| {
                                view! {
                                    <p>{t("code-intro")}</p>
                                    <ActionForm action=verify attr:class="stack">
                                        <label for="code">{t("field-code")}</label>
                                        <input
                                            id="code"
                                            name="code"
                                            autocomplete="one-time-code"
                                            autocapitalize="off"
                                            spellcheck="false"
                                            maxlength="40"
                                            required
                                            autofocus
                                        />
                                        <button type="submit">{t("code-submit")}</button>
                                    </ActionForm>
                                    <p class="hint">{t("code-recovery-hint")}</p>
                                }
                            })}
                        {(options.passkeys && options.passkeys_available)
                            .then(|| view! { <PasskeySignIn /> })}
                    }
                        .into_any()
                })}
            </Suspense>
            <p>
                <a href="/login">{t("code-start-over")}</a>
            </p>
        </section>
    }
}

/// The "sign in with a passkey" button; hidden until `/passkeys.js` finds that this browser can
/// use passkeys. Shared with the sign-in page.
#[component]
pub fn PasskeySignIn() -> impl IntoView {
    view! {
        <div class="passkey" data-passkey-sign-in hidden data-failed=t("passkey-sign-in-failed")>
            <button type="button" class="secondary">{t("passkey-sign-in")}</button>
            <p class="error" role="alert" hidden></p>
        </div>
        <noscript>
            <p class="hint">{t("passkey-needs-js")}</p>
        </noscript>
        <script type="module" src="/passkeys.js"></script>
    }
}
