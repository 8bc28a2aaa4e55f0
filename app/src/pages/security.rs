//! `/account/security`: the signed-in account's second factors (issue 20): an authenticator
//! app with recovery codes, and passkeys. Required for admins (admin pages send them here),
//! optional for contacts. Everything but passkeys works without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::security::{
    account_security, ConfirmAuthenticator, ConfirmSecondFactor, NewRecoveryCodes,
    RemoveAuthenticator, RemovePasskey, StartAuthenticatorSetup,
};
use crate::components::{action_outcome, ErrorNotice};
use crate::i18n::t;
use crate::model::security::{SecurityOverview, SignInMethod};

#[component]
pub fn SecurityPage() -> impl IntoView {
    let overview = Resource::new_blocking(|| (), |_| account_security());
    let required = move || use_query_map().read().get("required").is_some();
    view! {
        <Title text=t("security-title") />
        <h1>{t("security-title")}</h1>
        <Suspense fallback=|| view! { <p>{t("loading")}</p> }>
            {move || Suspend::new(async move {
                match overview.await {
                    Ok(overview) => view! { <Security overview required=required() /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn method_text(method: SignInMethod) -> String {
    t(match method {
        SignInMethod::Password => "method-password",
        SignInMethod::PasswordAndCode => "method-password-code",
        SignInMethod::PasswordAndRecoveryCode => "method-password-recovery",
        SignInMethod::Passkey => "method-passkey",
    })
}

#[component]
fn Security(overview: SecurityOverview, required: bool) -> impl IntoView {
    let has_factor = overview.authenticator_app || !overview.passkeys.is_empty();
    let must_enrol = overview.required && (!has_factor || !overview.signed_in_with.two_factors());
    view! {
        <p>{t("security-intro")}</p>
        {(must_enrol || required)
            .then(|| {
                view! {
                    <p class="notice" role="status" data-testid="second-factor-required">
                        {t("security-required")}
                    </p>
                }
            })}
        <p data-testid="signed-in-with">
            {t("security-signed-in-with")} " " <strong>{method_text(overview.signed_in_with)}</strong>
        </p>
        {(!overview.recently_confirmed).then(|| view! { <ConfirmIdentity app=overview.authenticator_app /> })}
        {(!overview.fresh_recovery_codes.is_empty())
            .then(|| view! { <FreshCodes codes=overview.fresh_recovery_codes.clone() /> })}
        <AuthenticatorApp overview=overview.clone() />
        <Passkeys overview />
        <p>
            <a href="/account">{t("security-back")}</a>
        </p>
    }
}

/// Factors change only shortly after one was proved: this form proves one again.
#[component]
fn ConfirmIdentity(app: bool) -> impl IntoView {
    let confirm = ServerAction::<ConfirmSecondFactor>::new();
    view! {
        <section class="card" data-testid="confirm-identity">
            <h2>{t("confirm-title")}</h2>
            {action_outcome(confirm)}
            {if app {
                view! {
                    <p>{t("confirm-intro")}</p>
                    <ActionForm action=confirm attr:class="stack">
                        <label for="confirm-code">{t("field-code")}</label>
                        <input id="confirm-code" name="code" autocomplete="one-time-code" maxlength="40" required />
                        <button type="submit">{t("confirm-submit")}</button>
                    </ActionForm>
                }
                    .into_any()
            } else {
                view! { <p>{t("confirm-passkey")}</p> }.into_any()
            }}
        </section>
    }
}

#[component]
fn FreshCodes(codes: Vec<String>) -> impl IntoView {
    view! {
        <section class="card" data-testid="recovery-codes">
            <h2>{t("recovery-title")}</h2>
            <p class="notice" role="status">{t("recovery-shown-once")}</p>
            <ol class="codes">
                {codes.into_iter().map(|code| view! { <li><code>{code}</code></li> }).collect_view()}
            </ol>
        </section>
    }
}

#[component]
fn AuthenticatorApp(overview: SecurityOverview) -> impl IntoView {
    let start = ServerAction::<StartAuthenticatorSetup>::new();
    let confirm = ServerAction::<ConfirmAuthenticator>::new();
    let remove = ServerAction::<RemoveAuthenticator>::new();
    let renew = ServerAction::<NewRecoveryCodes>::new();
    let body = if overview.authenticator_app {
        let left = crate::tr!("recovery-left", count = overview.recovery_codes_left);
        view! {
            <p data-testid="authenticator-on">{t("authenticator-on")}</p>
            <p>{left}</p>
            <div class="actions">
                <ActionForm action=renew>
                    <button type="submit" class="secondary">{t("recovery-renew")}</button>
                </ActionForm>
                <ActionForm action=remove>
                    <button type="submit" class="secondary">{t("authenticator-remove")}</button>
                </ActionForm>
            </div>
        }
        .into_any()
    } else if let Some(enrolment) = overview.enrolment {
        view! {
            <ol class="steps">
                <li>{t("authenticator-scan")}</li>
                <li>{t("authenticator-type")}</li>
            </ol>
            <div class="qr" inner_html=enrolment.qr_svg></div>
            <p>
                {t("authenticator-secret")} " " <code data-testid="totp-secret">{enrolment.secret}</code>
            </p>
            <ActionForm action=confirm attr:class="stack">
                <label for="setup-code">{t("field-app-code")}</label>
                <input
                    id="setup-code"
                    name="code"
                    inputmode="numeric"
                    autocomplete="one-time-code"
                    maxlength="10"
                    required
                />
                <button type="submit">{t("authenticator-confirm")}</button>
            </ActionForm>
        }
        .into_any()
    } else {
        view! {
            <p>{t("authenticator-off")}</p>
            <ActionForm action=start>
                <button type="submit">{t("authenticator-start")}</button>
            </ActionForm>
        }
        .into_any()
    };
    view! {
        <section class="card" data-testid="authenticator">
            <h2>{t("authenticator-title")}</h2>
            {action_outcome(start)}
            {action_outcome(confirm)}
            {action_outcome(remove)}
            {action_outcome(renew)}
            {body}
        </section>
    }
}

#[component]
fn Passkeys(overview: SecurityOverview) -> impl IntoView {
    let remove = ServerAction::<RemovePasskey>::new();
    let rows = overview
        .passkeys
        .into_iter()
        .map(|passkey| {
            let last_used = passkey
                .last_used_on
                .unwrap_or_else(|| t("token-never-used"));
            view! {
                <tr data-testid="passkey">
                    <td data-label=t("field-passkey-name")>{passkey.name}</td>
                    <td data-label=t("passkey-added")>{passkey.added_on}</td>
                    <td data-label=t("token-last-used")>{last_used}</td>
                    <td data-label=t("col-actions")>
                        <ActionForm action=remove>
                            <input type="hidden" name="passkey_id" value=passkey.id.to_string() />
                            <button type="submit" class="secondary">{t("passkey-remove")}</button>
                        </ActionForm>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="card" data-testid="passkeys">
            <h2>{t("passkeys-title")}</h2>
            <p>{t("passkeys-intro")}</p>
            {action_outcome(remove)}
            <table class="responsive">
                <thead>
                    <tr>
                        <th scope="col">{t("field-passkey-name")}</th>
                        <th scope="col">{t("passkey-added")}</th>
                        <th scope="col">{t("token-last-used")}</th>
                        <th scope="col">{t("col-actions")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            {if overview.passkeys_available {
                view! {
                    <div class="stack" data-passkey-register hidden data-failed=t("passkey-add-failed")>
                        <label for="passkey-name">{t("field-passkey-name")}</label>
                        <input id="passkey-name" name="name" maxlength="60" placeholder=t("passkey-default-name") />
                        <button type="button">{t("passkey-add")}</button>
                        <p class="error" role="alert" hidden></p>
                    </div>
                    <p class="hint" data-passkey-unsupported hidden>{t("passkey-unsupported")}</p>
                    <noscript>
                        <p class="hint">{t("passkey-needs-js")}</p>
                    </noscript>
                    <script type="module" src="/passkeys.js"></script>
                }
                    .into_any()
            } else {
                view! { <p class="hint">{t("passkeys-unavailable")}</p> }.into_any()
            }}
        </section>
    }
}
