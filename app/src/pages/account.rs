//! `/account`: who is signed in; for contacts also how to change the password and ending every
//! session.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::{viewer, LogoutEverywhere};
use crate::components::ErrorNotice;
use crate::model::Viewer;
use crate::text;

#[component]
pub fn AccountPage() -> impl IntoView {
    let viewer = Resource::new_blocking(|| (), |_| viewer());
    view! {
        <Title text=text::ACCOUNT_TITLE />
        <h1>{text::ACCOUNT_TITLE}</h1>
        <Suspense fallback=|| view! { <p>{text::LOADING}</p> }>
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
                <dt>{text::ACCOUNT_NAME}</dt>
                <dd>{name}</dd>
                {company
                    .map(|company| {
                        view! {
                            <dt>{text::ACCOUNT_COMPANY}</dt>
                            <dd>{company}</dd>
                        }
                    })}
                {(!contact)
                    .then(|| {
                        view! {
                            <dt>{text::ACCOUNT_ROLE}</dt>
                            <dd>{text::ROLE_ADMIN}</dd>
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
                        <h2>{text::ACCOUNT_PASSWORD_TITLE}</h2>
                        <p>{text::ACCOUNT_PASSWORD_HOW}</p>
                        <a href="/reset">{text::ACCOUNT_PASSWORD_LINK}</a>
                    </section>
                    <section class="card">
                        <h2>{text::ACCOUNT_SESSIONS_TITLE}</h2>
                        <p>{text::ACCOUNT_SESSIONS_HOW}</p>
                        <ActionForm action=everywhere>
                            <button type="submit" class="secondary">
                                {text::SIGN_OUT_EVERYWHERE}
                            </button>
                        </ActionForm>
                        {crate::components::action_outcome(everywhere)}
                    </section>
                }
            })}
    }
}
