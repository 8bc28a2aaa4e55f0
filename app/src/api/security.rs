//! Second factors (issue 20): the security page's functions, for contacts and admins alike
//! (each on its own account only), and the second step of signing in.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::security::{SecurityOverview, SignInOptions};

/// The caller's factors, how this session signed in, and an app being set up.
#[server(endpoint = "account_security")]
pub async fn account_security() -> Result<SecurityOverview, AppError> {
    use crate::{api, auth, second_factor::setup, state::app_state};
    let result = async {
        let app = app_state()?;
        setup::overview(&app, &auth::signed_in(&app).await?).await
    };
    api::with_status(result.await)
}

/// Starts setting up an authenticator app: the page then shows its QR code and secret.
#[server(endpoint = "start_authenticator_setup")]
pub async fn start_authenticator_setup() -> Result<(), AppError> {
    use crate::{api, auth, second_factor::setup, state::app_state};
    let result = async {
        let app = app_state()?;
        setup::start(&app, &auth::signed_in(&app).await?).await
    };
    api::with_status(result.await)
}

/// Confirms the app being set up with its first code; ten recovery codes are shown once.
#[server(endpoint = "confirm_authenticator")]
pub async fn confirm_authenticator(code: String) -> Result<(), AppError> {
    use crate::{api, auth, second_factor::setup, state::app_state};
    let result = async {
        let app = app_state()?;
        setup::confirm(&app, &auth::signed_in(&app).await?, &code).await
    };
    api::with_status(result.await)
}

/// Removes the authenticator app and its recovery codes (needs a factor proved recently).
#[server(endpoint = "remove_authenticator")]
pub async fn remove_authenticator() -> Result<(), AppError> {
    use crate::{api, auth, second_factor::setup, state::app_state};
    let result = async {
        let app = app_state()?;
        setup::remove(&app, &auth::signed_in(&app).await?).await
    };
    api::saved::<RemoveAuthenticator>(result.await)
}

/// Replaces the recovery codes by ten new ones, shown once.
#[server(endpoint = "new_recovery_codes")]
pub async fn new_recovery_codes() -> Result<(), AppError> {
    use crate::{api, auth, second_factor::setup, state::app_state};
    let result = async {
        let app = app_state()?;
        setup::new_recovery_codes(&app, &auth::signed_in(&app).await?).await
    };
    api::with_status(result.await)
}

/// Proves the current factor again with a code (app or recovery code), so that factors may
/// change for the next minutes (`auth::RECENT_PROOF`).
#[server(endpoint = "confirm_second_factor")]
pub async fn confirm_second_factor(code: String) -> Result<(), AppError> {
    use crate::{api, auth, second_factor, state::app_state};
    let result = async {
        let app = app_state()?;
        let who = auth::signed_in(&app).await?;
        let method = second_factor::prove_code(&app, &who.account, &code).await?;
        auth::proved_second_factor(&app, method).await
    };
    api::with_status(result.await)
}

/// Starts adding a passkey: the options for `navigator.credentials.create`, as JSON.
#[server(endpoint = "start_passkey_registration")]
pub async fn start_passkey_registration() -> Result<String, AppError> {
    use crate::second_factor::{self, passkeys};
    use crate::{api, auth, state::app_state, store::second_factors};
    let result = async {
        let app = app_state()?;
        let who = auth::signed_in(&app).await?;
        second_factor::require_recent_proof(&app, &who).await?;
        let email = second_factors::email(&app.db, who.account.role, who.account.id).await?;
        passkeys::start_registration(&app, &who.account, &email).await
    };
    api::with_status(result.await)
}

/// Saves the passkey the browser made (`credential`: `PublicKeyCredential.toJSON()` as JSON)
/// under `name`. Making it needed the device's PIN or biometrics: the session now has two
/// factors.
#[server(endpoint = "finish_passkey_registration")]
pub async fn finish_passkey_registration(credential: String, name: String) -> Result<(), AppError> {
    use crate::second_factor::{self, passkeys};
    use crate::{api, auth, i18n::t, state::app_state};
    let result = async {
        let app = app_state()?;
        let who = auth::signed_in(&app).await?;
        second_factor::require_recent_proof(&app, &who).await?;
        let name = crate::input::passkey_name(&name).unwrap_or_else(|| t("passkey-default-name"));
        passkeys::finish_registration(&app, &who.account, &credential, &name).await?;
        auth::proved_second_factor(&app, auth::SignInMethod::Passkey).await
    };
    api::with_status(result.await)
}

/// Removes one of the caller's passkeys (needs a factor proved recently). An admin keeps at
/// least one factor.
#[server(endpoint = "remove_passkey")]
pub async fn remove_passkey(passkey_id: i64) -> Result<(), AppError> {
    use crate::{api, auth, second_factor, state::app_state};
    let result = async {
        let app = app_state()?;
        let who = auth::signed_in(&app).await?;
        second_factor::remove_passkey(&app, &who, passkey_id).await
    };
    api::saved::<RemovePasskey>(result.await)
}

/// What the sign-in pages may offer: passkeys at all, and whether this session awaits a second
/// factor after a right password (and which ones its account has).
#[server(endpoint = "sign_in_state")]
pub async fn sign_in_state() -> Result<SignInOptions, AppError> {
    use crate::{api, auth, state::app_state, store::second_factors};
    let result = async {
        let app = app_state()?;
        let mut options = SignInOptions {
            passkeys_available: app.passkeys.is_some(),
            ..SignInOptions::default()
        };
        if let Some(pending) = auth::pending_sign_in(&auth::session().await?, &app.clock).await? {
            let factors = second_factors::summary(&app.db, pending.role, pending.id).await?;
            options.awaiting_second_factor = true;
            options.authenticator_app = factors.authenticator_app;
            options.passkeys = factors.passkeys > 0;
        }
        Ok(options)
    };
    api::with_status(result.await)
}

/// The second step of signing in: a code from the authenticator app, or a recovery code.
/// Throttled like passwords; a code is never accepted twice.
#[server(endpoint = "verify_second_factor")]
pub async fn verify_second_factor(code: String) -> Result<(), AppError> {
    use crate::{api, auth, second_factor, state::app_state};
    let result = async {
        let app = app_state()?;
        let session = auth::session().await?;
        let Some(pending) = auth::pending_sign_in(&session, &app.clock).await? else {
            api::redirect_plain_form("/login?error=expired");
            return Err(AppError::NotSignedIn);
        };
        let method = second_factor::prove_code(&app, &pending, &code).await?;
        second_factor::sign_in_pending(&app, &session, pending, method).await
    };
    let result = result.await;
    match &result {
        Err(AppError::WrongCode) => api::redirect_plain_form("/login/code?error=code"),
        Err(AppError::TooManyAttempts { wait_minutes }) => {
            api::redirect_plain_form(&format!("/login/code?error=throttled&wait={wait_minutes}"));
        }
        _ => {}
    }
    api::with_status(result)
}

/// Starts signing in with a passkey: the options for `navigator.credentials.get`, as JSON.
#[server(endpoint = "start_passkey_sign_in")]
pub async fn start_passkey_sign_in() -> Result<String, AppError> {
    use crate::{api, second_factor::passkeys, state::app_state};
    let result = async { passkeys::start_sign_in(&app_state()?).await };
    api::with_status(result.await)
}

/// Signs in with the passkey the browser used (`credential`: `PublicKeyCredential.toJSON()`
/// as JSON); returns where to go. A passkey counts as two factors.
#[server(endpoint = "finish_passkey_sign_in")]
pub async fn finish_passkey_sign_in(credential: String) -> Result<String, AppError> {
    use crate::second_factor::{self, passkeys};
    use crate::{api, auth, state::app_state};
    let result = async {
        let app = app_state()?;
        let account = passkeys::finish_sign_in(&app, &credential).await?;
        let method = auth::SignInMethod::Passkey;
        auth::sign_in(&auth::session().await?, &app.clock, account, method).await?;
        tracing::info!(account = account.id, role = ?account.role, "signed in with a passkey");
        Ok(second_factor::landing(account.role, method).to_string())
    };
    api::with_status(result.await)
}
