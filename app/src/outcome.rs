//! What a form's action achieved, shown once on the page the browser comes back to.
//!
//! Pages are server-rendered and their forms are plain `<form>` posts (only islands run in the
//! browser), so a server function's `Ok` value never reaches the page: the browser follows a
//! redirect back to it. A refusal travels in that redirect's URL (`__err`, read by
//! `ServerAction::new`); an achievement is left in the session instead, because it may carry a
//! secret (an invitation link) that must not land in the address bar, history or logs.

use leptos::server_fn::ServerFn;
use serde::{Deserialize, Serialize};

use crate::model::admin::InvitationSent;

/// An achievement worth telling the user, keyed by the server function that achieved it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    /// "Saved."
    Saved,
    /// A contact was invited: the link, to pass on if the mail does not arrive.
    Invited(InvitationSent),
}

/// The session key of the one outcome waiting to be shown.
#[cfg(feature = "ssr")]
const SESSION_KEY: &str = "outcome";

/// Leaves `outcome` of the action `S` for the next page that shows `S`'s outcome.
///
/// # Errors
/// `AppError::Internal` when the session store fails.
#[cfg(feature = "ssr")]
pub async fn leave<S: ServerFn>(outcome: Outcome) -> Result<(), crate::error::AppError> {
    let session = crate::auth::session().await?;
    session
        .insert(SESSION_KEY, (S::PATH, outcome))
        .await
        .map_err(|error| crate::error::AppError::internal(format_args!("outcome: {error}")))
}

/// The outcome waiting in the session for this request, taken from it once. A resource, so
/// the take runs in its own task to the end: a view that awaited the session itself could be
/// re-rendered mid-way and leave the session locked for the rest of the request.
#[derive(Clone, Copy)]
pub struct Waiting(leptos::prelude::Resource<Option<(String, Outcome)>>);

/// Starts taking the request's waiting outcome and makes it available to the page (called
/// once, by `App`).
pub fn provide_waiting() {
    use leptos::prelude::{provide_context, Resource};
    provide_context(Waiting(Resource::new_blocking(|| (), |_| take_waiting())));
}

async fn take_waiting() -> Option<(String, Outcome)> {
    #[cfg(feature = "ssr")]
    {
        let session = crate::auth::session().await.ok()?;
        session.remove(SESSION_KEY).await.ok()?
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}

/// What the action `S` achieved, if it is the outcome waiting for this request (shown once:
/// it is gone from the session). `None` in the browser, where islands never show outcomes.
// Not an `async fn`: the context must be read now, while rendering, not when polled.
#[allow(clippy::manual_async_fn)]
pub fn achieved<S: ServerFn>() -> impl std::future::Future<Output = Option<Outcome>> + Send {
    let waiting = leptos::prelude::use_context::<Waiting>();
    async move {
        match waiting?.0.await {
            Some((path, outcome)) if path == S::PATH => Some(outcome),
            _ => None,
        }
    }
}
