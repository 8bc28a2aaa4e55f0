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

/// The outcome waiting in the session, taken from it at most once per request: the views that
/// show outcomes may render several times while a page's data arrives.
#[cfg(feature = "ssr")]
#[derive(Clone, Default)]
pub struct Waiting(std::sync::Arc<tokio::sync::OnceCell<Option<(String, Outcome)>>>);

/// Makes the request's waiting outcome available to the page (called once, by `App`).
#[cfg(feature = "ssr")]
pub fn provide_waiting() {
    leptos::prelude::provide_context(Waiting::default());
}

/// What the action `S` achieved, if it is the outcome waiting for this request: shown once,
/// then gone from the session. In the browser (islands never show outcomes) it is `None`.
// Not an `async fn`: on the server the context must be read now, while rendering, not later
// when the future is polled.
#[cfg_attr(not(feature = "ssr"), allow(clippy::manual_async_fn))]
pub fn achieved<S: ServerFn>() -> impl std::future::Future<Output = Option<Outcome>> + Send {
    #[cfg(feature = "ssr")]
    let waiting = leptos::prelude::use_context::<Waiting>();
    async move {
        #[cfg(feature = "ssr")]
        {
            let waiting = waiting?;
            let taken = waiting
                .0
                .get_or_init(|| async {
                    let session = crate::auth::session().await.ok()?;
                    session.remove(SESSION_KEY).await.ok()?
                })
                .await;
            match taken {
                Some((path, outcome)) if path == S::PATH => Some(outcome.clone()),
                _ => None,
            }
        }
        #[cfg(not(feature = "ssr"))]
        {
            None
        }
    }
}
