//! Sign in and out.

use leptos::prelude::*;

use crate::error::AppError;

/// Signs the designated contact in. Wrong email and wrong password give the same answer, in the
/// same time.
#[server(endpoint = "login")]
pub async fn login(email: String, password: String) -> Result<(), AppError> {
    use crate::{api, auth, state::app_state, store};

    let result = async {
        let state = app_state()?;
        let account = store::contacts::credentials_by_email(&state.db, &email).await?;
        let stored_hash = account.as_ref().and_then(|a| a.password_hash.clone());
        let verified = auth::password::verify(stored_hash, password).await?;
        let Some(account) = account.filter(|_| verified) else {
            api::redirect_plain_form("/login?error=credentials");
            return Err(AppError::InvalidCredentials);
        };
        auth::sign_in_contact(&auth::session().await?, account.id, account.auth_epoch).await?;
        tracing::info!(contact_id = account.id, "contact signed in");
        leptos_axum::redirect("/dashboard");
        Ok(())
    }
    .await;
    api::with_status(result)
}

/// Ends the session on the server (the cookie is worthless afterwards).
#[server(endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    use crate::{api, auth};

    let result = async {
        auth::sign_out(&auth::session().await?).await?;
        leptos_axum::redirect("/login?signed_out=1");
        Ok(())
    }
    .await;
    api::with_status(result)
}
