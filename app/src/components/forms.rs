//! Small form pieces shared by pages.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

use crate::components::error_view;
use crate::error::AppError;
use crate::text;

/// Shows an action's refusal, or "Saved." after it succeeded.
pub fn action_outcome<S, T>(action: ServerAction<S>) -> impl IntoView
where
    S: ServerFn<Output = T, Error = AppError> + Clone + Send + Sync + 'static,
    T: Clone + Send + Sync + 'static,
{
    move || match action.value().get() {
        Some(Err(error)) => Some(error_view(error)),
        Some(Ok(_)) => Some(view! { <p class="ok" role="status">{text::SAVED}</p> }.into_any()),
        None => None,
    }
}
