//! Passkeys (WebAuthn), checked by `webauthn-rs`. A passkey is registered from the security
//! page and signs in on its own, without the email: the authenticator offers the site's
//! passkeys (a discoverable credential) and hands back the account's user handle. The state of
//! each ceremony (its challenge) is kept in the server-side session between its two requests.

use std::sync::Arc;

use webauthn_rs::prelude::{
    DiscoverableAuthentication, Passkey, PasskeyRegistration, PublicKeyCredential,
    RegisterPublicKeyCredential, Url, Uuid, Webauthn, WebauthnBuilder,
};

use crate::auth::{self, Account};
use crate::error::AppError;
use crate::i18n::t;
use crate::state::AppState;
use crate::store::{self, second_factors};

const REGISTRATION_KEY: &str = "passkey_registration";
const AUTHENTICATION_KEY: &str = "passkey_authentication";

/// The session keys this module keeps; `auth` clears them whenever the session's account
/// changes, so a ceremony started for one account cannot finish for another.
pub const SESSION_KEYS: [&str; 2] = [REGISTRATION_KEY, AUTHENTICATION_KEY];

/// The relying party for `origin` (the portal's public URL, or `PORTAL_PASSKEY_ORIGIN`): its
/// host is the RP id. `None` when the host is an IP address, which passkeys cannot be bound to.
pub fn relying_party(origin: &str) -> Option<Arc<Webauthn>> {
    let url = Url::parse(origin).ok()?;
    let host = url.host_str()?.trim_matches(['[', ']']);
    if host.parse::<std::net::IpAddr>().is_ok() {
        return None;
    }
    let builder = WebauthnBuilder::new(host, &url)
        .ok()?
        .rp_name(super::totp::ISSUER);
    builder.build().ok().map(Arc::new)
}

fn webauthn(app: &AppState) -> Result<&Webauthn, AppError> {
    app.passkeys
        .as_deref()
        .ok_or_else(|| AppError::Invalid(t("err-passkeys-unavailable")))
}

/// How a credential id is stored: lowercase hex.
fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

fn json<T: serde::Serialize>(value: &T) -> Result<String, AppError> {
    serde_json::to_string(value).map_err(AppError::internal)
}

/// Starts adding a passkey to `account`: the options for `navigator.credentials.create`, as
/// JSON. The passkey is made discoverable, so that it can later sign in without the email.
pub async fn start_registration(
    app: &AppState,
    account: &Account,
    user_name: &str,
) -> Result<String, AppError> {
    let webauthn = webauthn(app)?;
    let handle = match second_factors::user_handle(&app.db, account.role, account.id).await? {
        Some(handle) => Uuid::parse_str(&handle).map_err(AppError::internal)?,
        None => {
            use argon2::password_hash::rand_core::{OsRng, RngCore};
            let mut bytes = [0u8; 16];
            OsRng.fill_bytes(&mut bytes);
            Uuid::from_bytes(bytes)
        }
    };
    let existing = second_factors::credential_ids(&app.db, account.role, account.id).await?;
    let exclude = existing.iter().filter_map(|id| unhex(id)).collect();
    let (options, state) = webauthn
        .start_passkey_registration(handle, user_name, user_name, Some(exclude))
        .map_err(AppError::internal)?;
    let mut options = serde_json::to_value(&options).map_err(AppError::internal)?;
    if let Some(selection) = options.pointer_mut("/publicKey/authenticatorSelection") {
        selection["residentKey"] = "required".into();
        selection["requireResidentKey"] = true.into();
    }
    let session = auth::session().await?;
    session
        .insert(REGISTRATION_KEY, (account.role, account.id, handle, state))
        .await
        .map_err(auth::session_error)?;
    json(&options)
}

/// Finishes adding a passkey: checks the authenticator's answer (`credential`, the JSON of
/// `PublicKeyCredential.toJSON()`) against the started ceremony and saves it as `name`.
pub async fn finish_registration(
    app: &AppState,
    account: &Account,
    credential: &str,
    name: &str,
) -> Result<(), AppError> {
    let webauthn = webauthn(app)?;
    let session = auth::session().await?;
    let started: Option<(crate::principal::Role, i64, Uuid, PasskeyRegistration)> = session
        .remove(REGISTRATION_KEY)
        .await
        .map_err(auth::session_error)?;
    // Started by this account, in this session.
    let (_, _, handle, state) = started
        .filter(|(role, id, _, _)| (*role, *id) == (account.role, account.id))
        .ok_or_else(|| AppError::Invalid(t("err-passkey-start-again")))?;
    let credential: RegisterPublicKeyCredential =
        serde_json::from_str(credential).map_err(|_| AppError::BadRequest)?;
    let passkey = webauthn
        .finish_passkey_registration(&credential, &state)
        .map_err(|error| {
            tracing::info!(%error, "passkey registration refused");
            AppError::Invalid(t("err-passkey-refused"))
        })?;
    let credential_id = hex(passkey.cred_id());
    let stored = json(&passkey)?;
    let mut tx = store::begin_write(&app.db).await?;
    let new = second_factors::NewPasskey {
        role: account.role,
        account_id: account.id,
        user_handle: &handle.to_string(),
        credential_id: &credential_id,
        name,
        passkey: &stored,
    };
    second_factors::add_passkey(&mut tx, new, app.clock.now()).await?;
    super::audit_change(
        &mut tx,
        account,
        "passkey_added",
        format!("Passkey \"{name}\" added"),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Starts a sign-in with a passkey: the options for `navigator.credentials.get`, as JSON, with
/// no credentials listed (the authenticator offers the site's passkeys itself).
pub async fn start_sign_in(app: &AppState) -> Result<String, AppError> {
    let webauthn = webauthn(app)?;
    let (mut options, state) = webauthn
        .start_discoverable_authentication()
        .map_err(AppError::internal)?;
    // webauthn-rs asks for the browser's autofill ("conditional") prompt; the portal asks when
    // the button is pressed instead.
    options.mediation = None;
    let session = auth::session().await?;
    session
        .insert(AUTHENTICATION_KEY, state)
        .await
        .map_err(auth::session_error)?;
    json(&options)
}

/// Finishes a sign-in with a passkey: the account it belongs to, if the assertion is good, the
/// passkey is registered and its account active. Any failure is `InvalidCredentials`.
pub async fn finish_sign_in(app: &AppState, credential: &str) -> Result<Account, AppError> {
    let webauthn = webauthn(app)?;
    let session = auth::session().await?;
    let state: Option<DiscoverableAuthentication> = session
        .remove(AUTHENTICATION_KEY)
        .await
        .map_err(auth::session_error)?;
    let state = state.ok_or(AppError::InvalidCredentials)?;
    let credential: PublicKeyCredential =
        serde_json::from_str(credential).map_err(|_| AppError::BadRequest)?;
    let (handle, credential_id) = webauthn
        .identify_discoverable_authentication(&credential)
        .map_err(|_| AppError::InvalidCredentials)?;
    let stored = second_factors::passkey_by_credential(&app.db, &hex(credential_id))
        .await?
        .filter(|stored| stored.user_handle == handle.to_string())
        .ok_or(AppError::InvalidCredentials)?;
    let mut passkey: Passkey = serde_json::from_str(&stored.passkey).map_err(AppError::internal)?;
    let result = webauthn
        .finish_discoverable_authentication_v2(&credential, state, &passkey)
        .map_err(|error| {
            tracing::info!(%error, "passkey sign-in refused");
            AppError::InvalidCredentials
        })?;
    passkey.update_credential(&result);
    let epoch = second_factors::active_epoch(&app.db, stored.role, stored.account_id)
        .await?
        .ok_or(AppError::InvalidCredentials)?;
    let mut conn = app.db.acquire().await?;
    second_factors::passkey_used(&mut conn, stored.id, &json(&passkey)?, app.clock.now()).await?;
    Ok(Account {
        role: stored.role,
        id: stored.account_id,
        epoch,
        at: 0,
    })
}
