//! Small form pieces shared by pages.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::components::error_view;
use crate::error::AppError;
use crate::i18n::t;
use crate::outcome::{self, Outcome};

/// Shows what the action `S` led to on the request that came back here: its refusal (carried
/// in the URL) or what it achieved (carried in a cookie, shown once).
pub fn action_outcome<S, T>(action: ServerAction<S>) -> impl IntoView
where
    S: ServerFn<Output = T, Error = AppError> + Clone + Send + Sync + 'static,
    T: Clone + Send + Sync + 'static,
{
    let achieved = outcome::achieved::<S>();
    move || match action.value().get() {
        Some(Err(error)) => Some(error_view(error)),
        _ => achieved.clone().map(outcome_view),
    }
}

fn outcome_view(outcome: Outcome) -> AnyView {
    match outcome {
        Outcome::Saved => view! { <p class="ok" role="status">{t("saved")}</p> }.into_any(),
        // The integrations page shows the report itself.
        Outcome::Imported(_) => ().into_any(),
        Outcome::Secret(secret) => view! {
            <p class="notice" role="status">
                {t("secret-shown-once")} " " <code data-testid="secret">{secret}</code>
            </p>
        }
        .into_any(),
        Outcome::Invited(sent) => view! {
            <p class="notice" role="status">
                {t("invitation-link")} " " <code data-testid="invitation-link">{sent.link}</code>
            </p>
        }
        .into_any(),
    }
}
