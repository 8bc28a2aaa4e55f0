//! Second factors at sign-in (issue 20): an authenticator app (with recovery codes) or passkeys.
//!
//! - After a right password, an account with a factor is not signed in yet: the session waits
//!   for a code (or a passkey) on `/login/code` ([`after_password`]).
//! - A passkey signs in on its own and counts as two factors.
//! - Admins must have a second factor: an admin session with a password alone reaches only the
//!   security page (`auth::admin_of`). Contacts choose.
//! - Changing or removing a factor needs one proved within `auth::RECENT_PROOF` ([`require_recent_proof`]).
//! - Wrong codes are throttled like passwords (`throttle::SECOND_FACTOR`).

pub mod passkeys;
pub mod recovery;
pub mod setup;
pub mod totp;

use crate::auth::{self, Account, SignInMethod, SignedIn};
use crate::error::AppError;
use crate::principal::Role;
use crate::state::AppState;
use crate::store::{self, audit, second_factors, Conn};
use crate::throttle::SECOND_FACTOR;

/// Where the browser goes once signed in with `method`: an admin without a second factor goes
/// to set one up.
pub fn landing(role: Role, method: SignInMethod) -> &'static str {
    match role {
        Role::Contact => "/dashboard",
        Role::Admin if method.two_factors() => "/admin",
        Role::Admin => "/account/security?required=1",
    }
}

/// The password of `account` was right. Without a second factor the session signs in; with one
/// it waits for it. Returns where the browser goes next.
pub async fn after_password(app: &AppState, account: Account) -> Result<&'static str, AppError> {
    let session = auth::session().await?;
    let factors = second_factors::summary(&app.db, account.role, account.id).await?;
    if factors.any() {
        auth::await_second_factor(&session, &app.clock, account).await?;
        return Ok("/login/code");
    }
    auth::sign_in(&session, &app.clock, account, SignInMethod::Password).await?;
    Ok(landing(account.role, SignInMethod::Password))
}

/// The second factor of a pending sign-in was right: the session signs in, if the account is
/// still active under the same epoch (not disabled or reassigned meanwhile). Redirects the
/// browser to where it goes next.
pub async fn sign_in_pending(
    app: &AppState,
    session: &tower_sessions::Session,
    pending: Account,
    method: SignInMethod,
) -> Result<(), AppError> {
    let epoch = second_factors::active_epoch(&app.db, pending.role, pending.id).await?;
    if epoch != Some(pending.epoch) {
        return Err(AppError::NotSignedIn);
    }
    auth::sign_in(session, &app.clock, pending, method).await?;
    tracing::info!(account = pending.id, role = ?pending.role, ?method, "signed in");
    leptos_axum::redirect(landing(pending.role, method));
    Ok(())
}

/// Removes one of the account's passkeys (needs a factor proved recently). An admin keeps at
/// least one factor.
pub async fn remove_passkey(
    app: &AppState,
    who: &SignedIn,
    passkey_id: i64,
) -> Result<(), AppError> {
    require_recent_proof(app, who).await?;
    let (role, id) = (who.account.role, who.account.id);
    let mut tx = store::begin_write(&app.db).await?;
    second_factors::lock_account(&mut tx, role, id).await?;
    let factors = second_factors::summary(&mut *tx, role, id).await?;
    if role == Role::Admin && !factors.authenticator_app && factors.passkeys <= 1 {
        return Err(AppError::Invalid(crate::i18n::t(
            "err-admin-keeps-a-factor",
        )));
    }
    if !second_factors::remove_passkey(&mut tx, role, id, passkey_id).await? {
        return Err(AppError::NotFound);
    }
    let summary = "A passkey was removed".to_string();
    audit_change(&mut tx, &who.account, "passkey_removed", summary).await?;
    tx.commit().await?;
    Ok(())
}

/// The throttle's subject for an account's codes.
pub(crate) fn subject(account: &Account) -> String {
    format!("{}:{}", account.role.as_str(), account.id)
}

/// Checks a code typed for `account`: a code of its authenticator app, or one of its unused
/// recovery codes. A right code is spent (never accepted again) and says how it proved the
/// factor; a wrong one is `WrongCode`, and the sixth wrong one in 15 minutes `TooManyAttempts`.
pub async fn prove_code(
    app: &AppState,
    account: &Account,
    code: &str,
) -> Result<SignInMethod, AppError> {
    let ip = auth::client_address(app).await;
    let _counted = SECOND_FACTOR.attempt(app, &subject(account), &ip).await?;
    let mut tx = store::begin_write(&app.db).await?;
    let Some(method) = spend_code(&mut tx, app, account, code).await? else {
        return Err(AppError::WrongCode);
    };
    if method == SignInMethod::PasswordAndRecoveryCode {
        let summary = "A recovery code was used".to_string();
        audit_change(&mut tx, account, "recovery_code_used", summary).await?;
    }
    tx.commit().await?;
    SECOND_FACTOR.clear(app, &subject(account)).await?;
    Ok(method)
}

async fn spend_code(
    conn: &mut Conn,
    app: &AppState,
    account: &Account,
    code: &str,
) -> Result<Option<SignInMethod>, AppError> {
    let now = app.clock.now();
    if let Some(code) = recovery::normalize(code) {
        let hash = recovery::hash(&code);
        let spent =
            second_factors::spend_recovery_code(conn, account.role, account.id, &hash, now).await?;
        return Ok(spent.then_some(SignInMethod::PasswordAndRecoveryCode));
    }
    let Some((secret, _)) = second_factors::totp(conn, account.role, account.id).await? else {
        return Ok(None);
    };
    let Some(step) = totp::check(&secret, code, now) else {
        return Ok(None);
    };
    let spent = second_factors::spend_step(conn, account.role, account.id, step).await?;
    Ok(spent.then_some(SignInMethod::PasswordAndCode))
}

/// Changes to the factors of an account that has one need a factor proved recently (the
/// session's sign-in, or a code typed to confirm): a stolen session alone cannot swap them.
pub async fn require_recent_proof(app: &AppState, who: &SignedIn) -> Result<(), AppError> {
    let factors = second_factors::summary(&app.db, who.account.role, who.account.id).await?;
    if factors.any() && !who.recently_proved {
        return Err(AppError::ConfirmFirst);
    }
    Ok(())
}

/// Records a change to an account's factors in the audit log (a contact's under its company).
pub async fn audit_change(
    conn: &mut Conn,
    account: &Account,
    kind: &str,
    summary: String,
) -> Result<(), AppError> {
    let (actor, company_id) = match account.role {
        Role::Contact => {
            let company_id: i64 =
                sqlx::query_scalar("SELECT company_id FROM contacts WHERE id = $1")
                    .bind(account.id)
                    .fetch_one(&mut *conn)
                    .await?;
            (audit::Actor::Contact(account.id), Some(company_id))
        }
        Role::Admin => (audit::Actor::Admin(account.id), None),
    };
    let entry = audit::Entry {
        actor,
        company_id,
        kind,
        summary,
        before: None,
        after: None,
    };
    audit::record(conn, entry).await?;
    Ok(())
}
