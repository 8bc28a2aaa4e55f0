//! Small form pieces shared by pages.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::components::error_view;
use crate::error::AppError;
use crate::outcome::{self, Outcome};
use crate::text;

/// Shows what the action `S` led to on the request that came back here: its refusal (carried
/// in the URL) or what it achieved (left in the session, shown once).
pub fn action_outcome<S, T>(action: ServerAction<S>) -> impl IntoView
where
    S: ServerFn<Output = T, Error = AppError> + Clone + Send + Sync + 'static,
    T: Clone + Send + Sync + 'static,
{
    view! {
        <Suspense>
            {move || {
                let achieved = outcome::achieved::<S>();
                Suspend::new(async move {
                    if let Some(Err(error)) = action.value().get_untracked() {
                        return Some(error_view(error));
                    }
                    achieved.await.map(outcome_view)
                })
            }}
        </Suspense>
    }
}

fn outcome_view(outcome: Outcome) -> AnyView {
    match outcome {
        Outcome::Saved => view! { <p class="ok" role="status">{text::SAVED}</p> }.into_any(),
        Outcome::Invited(sent) => view! {
            <p class="notice" role="status">
                {text::INVITATION_LINK} " " <code data-testid="invitation-link">{sent.link}</code>
            </p>
        }
        .into_any(),
    }
}
