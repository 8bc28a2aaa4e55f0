//! Setting up the authenticator app and its recovery codes, and what the security page shows.
//! A secret being set up and a set of codes just made live in the server-side session: the
//! secret until its first code confirms it, the codes until the page has shown them once.

use crate::auth::{self, SignInMethod, SignedIn};
use crate::error::AppError;
use crate::i18n::t;
use crate::model::security::{PasskeyView, SecurityOverview};
use crate::principal::Role;
use crate::state::AppState;
use crate::store::{self, second_factors};
use crate::throttle::SECOND_FACTOR;

use super::{audit_change, recovery, totp};

const SETUP_KEY: &str = "authenticator_setup";

/// An app being set up: for which account, since when (unix seconds), and its secret.
#[derive(serde::Serialize, serde::Deserialize)]
struct Setup {
    role: Role,
    id: i64,
    started_at: i64,
    secret: String,
}

/// The secret being set up for `who`, if it was started within `auth::RECENT_PROOF` (a set-up
/// left unfinished cannot be picked up later, nor by another account in the same browser).
async fn pending_setup(app: &AppState, who: &SignedIn) -> Result<Option<String>, AppError> {
    let session = auth::session().await?;
    let setup: Option<Setup> = match session.get(SETUP_KEY).await {
        Err(tower_sessions::session::Error::SerdeJson(_)) => None,
        other => other.map_err(auth::session_error)?,
    };
    let now = app.clock.now().timestamp();
    Ok(setup
        .filter(|s| (s.role, s.id) == (who.account.role, who.account.id))
        .filter(|s| now - s.started_at < auth::RECENT_PROOF.num_seconds())
        .map(|s| s.secret))
}
const FRESH_CODES_KEY: &str = "fresh_recovery_codes";

/// Starts setting up the authenticator app: a new secret, kept in the session.
pub async fn start(app: &AppState, who: &SignedIn) -> Result<(), AppError> {
    let factors = second_factors::summary(&app.db, who.account.role, who.account.id).await?;
    if factors.authenticator_app {
        return Err(AppError::Invalid(t("err-authenticator-exists")));
    }
    super::require_recent_proof(app, who).await?;
    let setup = Setup {
        role: who.account.role,
        id: who.account.id,
        started_at: app.clock.now().timestamp(),
        secret: totp::new_secret(),
    };
    let session = auth::session().await?;
    session
        .insert(SETUP_KEY, setup)
        .await
        .map_err(auth::session_error)
}

/// Confirms the app being set up with its first code: saves it with a new set of recovery
/// codes (shown once), and counts as proving a second factor for this session.
pub async fn confirm(app: &AppState, who: &SignedIn, code: &str) -> Result<(), AppError> {
    super::require_recent_proof(app, who).await?;
    let session = auth::session().await?;
    let secret = pending_setup(app, who)
        .await?
        .ok_or_else(|| AppError::Invalid(t("err-authenticator-start-again")))?;
    let subject = super::subject(&who.account);
    let ip = auth::client_address(app).await;
    let _counted = SECOND_FACTOR.attempt(app, &subject, &ip).await?;
    let step = totp::check(&secret, code, app.clock.now()).ok_or(AppError::WrongCode)?;
    let (role, id) = (who.account.role, who.account.id);
    let codes = recovery::generate();
    let mut tx = store::begin_write(&app.db).await?;
    if second_factors::totp(&mut tx, role, id).await?.is_some() {
        return Err(AppError::Invalid(t("err-authenticator-exists")));
    }
    second_factors::add_totp(&mut tx, role, id, &secret, step, app.clock.now()).await?;
    let hashes: Vec<String> = codes.iter().map(|c| recovery::hash(c)).collect();
    second_factors::replace_recovery_codes(&mut tx, role, id, &hashes).await?;
    let summary = "Authenticator app set up, with new recovery codes".to_string();
    audit_change(&mut tx, &who.account, "authenticator_added", summary).await?;
    tx.commit().await?;
    SECOND_FACTOR.clear(app, &subject).await?;
    forget(&session).await?;
    session
        .insert(FRESH_CODES_KEY, codes)
        .await
        .map_err(auth::session_error)?;
    auth::proved_second_factor(app, SignInMethod::PasswordAndCode).await
}

/// Forgets an app being set up, once its set-up is confirmed.
async fn forget(session: &tower_sessions::Session) -> Result<(), AppError> {
    let _: Option<serde_json::Value> = session
        .remove(SETUP_KEY)
        .await
        .map_err(auth::session_error)?;
    Ok(())
}

/// The session keys this module keeps; `auth` clears them whenever the session's account
/// changes (sign-in, second step), so nothing of one account reaches another.
pub const SESSION_KEYS: [&str; 2] = [SETUP_KEY, FRESH_CODES_KEY];

/// Removes the authenticator app and its recovery codes. An admin keeps at least one factor.
pub async fn remove(app: &AppState, who: &SignedIn) -> Result<(), AppError> {
    super::require_recent_proof(app, who).await?;
    let (role, id) = (who.account.role, who.account.id);
    let mut tx = store::begin_write(&app.db).await?;
    second_factors::lock_account(&mut tx, role, id).await?;
    let factors = second_factors::summary(&mut *tx, role, id).await?;
    if !factors.authenticator_app {
        return Err(AppError::NotFound);
    }
    if role == Role::Admin && factors.passkeys == 0 {
        return Err(AppError::Invalid(t("err-admin-keeps-a-factor")));
    }
    second_factors::remove_totp(&mut tx, role, id).await?;
    let summary = "Authenticator app and recovery codes removed".to_string();
    audit_change(&mut tx, &who.account, "authenticator_removed", summary).await?;
    tx.commit().await?;
    Ok(())
}

/// Replaces the recovery codes by a new set (shown once); the old ones stop working.
pub async fn new_recovery_codes(app: &AppState, who: &SignedIn) -> Result<(), AppError> {
    super::require_recent_proof(app, who).await?;
    let (role, id) = (who.account.role, who.account.id);
    if !second_factors::summary(&app.db, role, id)
        .await?
        .authenticator_app
    {
        return Err(AppError::Invalid(t("err-recovery-needs-app")));
    }
    let codes = recovery::generate();
    let hashes: Vec<String> = codes.iter().map(|c| recovery::hash(c)).collect();
    let mut tx = store::begin_write(&app.db).await?;
    second_factors::replace_recovery_codes(&mut tx, role, id, &hashes).await?;
    let summary = "New recovery codes made; the old ones stopped working".to_string();
    audit_change(&mut tx, &who.account, "recovery_codes_replaced", summary).await?;
    tx.commit().await?;
    auth::session()
        .await?
        .insert(FRESH_CODES_KEY, codes)
        .await
        .map_err(auth::session_error)
}

/// The security page's view of the account. Recovery codes just made are taken out of the
/// session: they are shown this once.
pub async fn overview(app: &AppState, who: &SignedIn) -> Result<SecurityOverview, AppError> {
    let (role, id) = (who.account.role, who.account.id);
    let factors = second_factors::summary(&app.db, role, id).await?;
    let session = auth::session().await?;
    let setup = pending_setup(app, who).await?;
    let email = second_factors::email(&app.db, role, id).await?;
    let enrolment = setup.and_then(|secret| totp::enrolment(&secret, &email));
    let fresh: Option<Vec<String>> = session
        .remove(FRESH_CODES_KEY)
        .await
        .map_err(auth::session_error)?;
    let day = |at: &str| {
        chrono::DateTime::parse_from_rfc3339(at)
            .map(|at| app.clock.local(at.to_utc()).date_naive().to_string())
            .unwrap_or_default()
    };
    let passkeys = second_factors::passkeys(&app.db, role, id)
        .await?
        .into_iter()
        .map(|row| PasskeyView {
            id: row.id,
            added_on: day(&row.created_at),
            last_used_on: row.last_used_at.as_deref().map(day),
            name: row.name,
        })
        .collect();
    Ok(SecurityOverview {
        authenticator_app: factors.authenticator_app,
        recovery_codes_left: u32::try_from(factors.recovery_codes_left).unwrap_or(0),
        passkeys,
        passkeys_available: app.passkeys.is_some(),
        required: role == Role::Admin,
        signed_in_with: who.method,
        recently_confirmed: who.recently_proved || !factors.any(),
        enrolment,
        fresh_recovery_codes: fresh.unwrap_or_default(),
    })
}
