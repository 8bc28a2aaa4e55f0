//! `/account`: who is signed in; for contacts also how to change the password and ending every
//! session.

use leptos::prelude::*;
use leptos_meta::Title;

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
