//! Widgets shared by several pages.

use leptos::prelude::*;

use crate::error::AppError;
use crate::text;

/// A refusal or failure, said plainly; "not signed in" offers the way in.
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    let sign_in = matches!(error, AppError::NotSignedIn);
    view! {
        <p class="error" role="alert">
            {error.to_string()}
        </p>
        {sign_in.then(|| view! { <a href="/login">{text::NAV_SIGN_IN}</a> })}
    }
}
