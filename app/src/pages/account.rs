//! `/account`: who is signed in; for contacts also how to change the password and ending every
//! session.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::admin::{admin_api_tokens, AdminCreateApiToken, AdminRevokeApiToken};
use crate::api::{viewer, LogoutEverywhere};
use crate::components::ErrorNotice;
use crate::i18n::t;
use crate::model::Viewer;

#[component]
pub fn AccountPage() -> impl IntoView {
    let viewer = Resource::new_blocking(|| (), |_| viewer());
    view! {
        <Title text=t("account-title") />
        <h1>{t("account-title")}</h1>
        <Suspense fallback=|| view! { <p>{t("loading")}</p> }>
            {move || Suspend::new(async move {
                match viewer.await {
                    Ok(Viewer::Anonymous) => {
                        view! { <ErrorNotice error=crate::error::AppError::NotSignedIn /> }
                            .into_any()
                    }
                    Ok(viewer) => view! { <AccountView viewer /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn AccountView(viewer: Viewer) -> impl IntoView {
    let everywhere = ServerAction::<LogoutEverywhere>::new();
    let (name, company, contact) = match viewer {
        Viewer::Contact { name, company_name } => (name, Some(company_name), true),
        Viewer::Admin { name } => (name, None, false),
        Viewer::Anonymous => (String::new(), None, false),
    };
    view! {
        <section class="card">
            <dl class="facts">
                <dt>{t("account-name")}</dt>
                <dd>{name}</dd>
                {company
                    .map(|company| {
                        view! {
                            <dt>{t("account-company")}</dt>
                            <dd>{company}</dd>
                        }
                    })}
                {(!contact)
                    .then(|| {
                        view! {
                            <dt>{t("account-role")}</dt>
                            <dd>{t("role-admin")}</dd>
                        }
                    })}
            </dl>
        </section>
        <section class="card">
            <h2>{t("security-title")}</h2>
            <p>{t("account-security-how")}</p>
            <a href="/account/security">{t("account-security-link")}</a>
        </section>
        {(!contact).then(|| view! { <ApiTokens /> })}
        {contact
            .then(|| {
                // Password resets are mailed to contacts; admins' passwords are set on the
                // server (`server create-admin`).
                view! {
                    <section class="card">
                        <h2>{t("account-password-title")}</h2>
                        <p>{t("account-password-how")}</p>
                        <a href="/reset">{t("account-password-link")}</a>
                    </section>
                    <section class="card">
                        <h2>{t("account-sessions-title")}</h2>
                        <p>{t("account-sessions-how")}</p>
                        <ActionForm action=everywhere>
                            <button type="submit" class="secondary">
                                {t("sign-out-everywhere")}
                            </button>
                        </ActionForm>
                        {crate::components::action_outcome(everywhere)}
                    </section>
                }
            })}
    }
}

/// An admin's personal access tokens for `/api/v1` (issue 17): create one (shown once), see
/// each one's last use, revoke.
#[component]
fn ApiTokens() -> impl IntoView {
    let create = ServerAction::<AdminCreateApiToken>::new();
    let revoke = ServerAction::<AdminRevokeApiToken>::new();
    let tokens = Resource::new_blocking(|| (), |_| admin_api_tokens());
    view! {
        <section class="card" data-testid="api-tokens">
            <h2>{t("tokens-title")}</h2>
            <p>{t("tokens-intro")}</p>
            {crate::components::action_outcome(create)}
            {crate::components::action_outcome(revoke)}
            <ActionForm action=create attr:class="stack">
                <label for="token-name">{t("field-token-name")}</label>
                <input id="token-name" name="name" required maxlength="200" />
                <label for="token-scope">{t("field-token-scope")}</label>
                <select id="token-scope" name="scope">
                    <option value="read">{t("token-scope-read")}</option>
                    <option value="write">{t("token-scope-write")}</option>
                </select>
                <label for="token-days">{t("field-token-days")}</label>
                <input id="token-days" name="days" type="number" min="1" max="365" value="90" required />
                <button type="submit">{t("create-token")}</button>
            </ActionForm>
            <Suspense>
                {move || Suspend::new(async move {
                    let rows = tokens.await.unwrap_or_default();
                    view! {
                        <table class="responsive">
                            <thead>
                                <tr>
                                    <th scope="col">{t("field-token-name")}</th>
                                    <th scope="col">{t("field-token-scope")}</th>
                                    <th scope="col">{t("col-status")}</th>
                                    <th scope="col">{t("token-expires")}</th>
                                    <th scope="col">{t("token-last-used")}</th>
                                    <th scope="col">{t("col-actions")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {rows
                                    .into_iter()
                                    .map(|row| {
                                        let active = row.state == "active";
                                        view! {
                                            <tr data-testid="api-token">
                                                <td data-label=t("field-token-name")>{row.name}</td>
                                                <td data-label=t("field-token-scope")>{row.scope}</td>
                                                <td data-label=t("col-status")>{row.state}</td>
                                                <td data-label=t("token-expires")>{row.expires_at}</td>
                                                <td data-label=t("token-last-used")>
                                                    {row.last_used_at.unwrap_or_else(|| t("token-never-used"))}
                                                </td>
                                                <td data-label=t("col-actions")>
                                                    {active
                                                        .then(|| {
                                                            view! {
                                                                <ActionForm action=revoke>
                                                                    <input type="hidden" name="id" value=row.id.to_string() />
                                                                    <button type="submit" class="secondary">{t("revoke")}</button>
                                                                </ActionForm>
                                                            }
                                                        })}
                                                </td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    }
                })}
            </Suspense>
        </section>
    }
}
