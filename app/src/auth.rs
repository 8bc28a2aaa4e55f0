//! Who is calling: password checks and the signed-in principal kept in the session.
//!
//! The session stores only the account id and its `auth_epoch`, plus when it signed in and was
//! last used. Every request re-reads the account, so disabling a contact or bumping its epoch
//! (reassignment, password change) ends all of its sessions at once (R3) without having to find
//! them in the session store; and every request checks both time limits against the app's clock
//! (which tests can move), not only the store's expiry.

use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use crate::error::AppError;
pub use crate::model::security::SignInMethod;
pub use crate::principal::{AdminPrincipal, ContactPrincipal, Role};
use crate::state::{AppState, Clock};
use crate::store;

const SESSION_USER_KEY: &str = "user";
/// A password was right and the account's second factor is awaited (issue 20).
const PENDING_KEY: &str = "pending_second_factor";

/// The second step must follow the password this soon, or the password is asked again.
pub const PENDING_LIFETIME: chrono::Duration = chrono::Duration::minutes(5);
/// Second factors may change this long after the session last proved one (sign-in, or a code
/// typed to confirm); later, the current factor is asked again.
pub const RECENT_PROOF: chrono::Duration = chrono::Duration::minutes(10);
/// A session unused this long is over (OWASP ASVS 5.0 level 2: at most 30 minutes).
pub const SESSION_IDLE_TIMEOUT: chrono::Duration = chrono::Duration::minutes(30);
/// A session is over this long after sign-in, however busy (ASVS level 2: at most 12 hours).
pub const SESSION_LIFETIME: chrono::Duration = chrono::Duration::hours(12);
/// "Last used" is rewritten at most this often, to spare a session write per request.
const LAST_SEEN_GRANULARITY: chrono::Duration = chrono::Duration::minutes(1);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct SessionUser {
    role: Role,
    id: i64,
    epoch: i64,
    /// Unix seconds. Sessions from before these fields existed read as 0: long expired.
    #[serde(default)]
    signed_in_at: i64,
    #[serde(default)]
    last_seen_at: i64,
    #[serde(default)]
    method: SignInMethod,
    /// Unix seconds of the last second factor proved: at sign-in, or typed to confirm.
    #[serde(default)]
    proved_at: i64,
}

impl SessionUser {
    fn expired(&self, now: i64) -> bool {
        now - self.signed_in_at >= SESSION_LIFETIME.num_seconds()
            || now - self.last_seen_at >= SESSION_IDLE_TIMEOUT.num_seconds()
    }
}

/// The client's address, for throttling: the TCP peer, or behind a trusted reverse proxy the
/// address the proxy appended last to `X-Forwarded-For` (earlier entries are the client's own
/// claims). IPv6 addresses are grouped by /64, the block one subscriber usually holds.
pub async fn client_address(state: &AppState) -> String {
    use axum::extract::ConnectInfo;
    use std::net::SocketAddr;
    let parts = leptos::prelude::use_context::<axum::http::request::Parts>();
    let peer = leptos_axum::extract::<ConnectInfo<SocketAddr>>()
        .await
        .ok()
        .map(|ConnectInfo(peer)| peer.ip());
    match parts {
        Some(parts) => address_of(state.trust_proxy, &parts.headers, peer),
        None => address_of(false, &axum::http::HeaderMap::new(), peer),
    }
}

/// [`client_address`] from a request's headers and TCP peer (for plain axum handlers).
pub fn address_of(
    trust_proxy: bool,
    headers: &axum::http::HeaderMap,
    peer: Option<std::net::IpAddr>,
) -> String {
    use std::net::IpAddr;
    let forwarded = || -> Option<IpAddr> {
        let last_line = headers.get_all("x-forwarded-for").iter().next_back()?;
        last_line
            .to_str()
            .ok()?
            .rsplit(',')
            .next()?
            .trim()
            .parse()
            .ok()
    };
    let address = match trust_proxy.then(forwarded).flatten() {
        Some(address) => Some(address),
        None => peer,
    };
    match address.map(|a| a.to_canonical()) {
        Some(IpAddr::V6(v6)) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
        Some(v4) => v4.to_string(),
        None => "unknown".into(),
    }
}

pub async fn session() -> Result<Session, AppError> {
    leptos_axum::extract::<Session>()
        .await
        .map_err(|error| AppError::internal(format_args!("session layer missing: {error}")))
}

/// Starts an authenticated session, recording how it signed in. The id is cycled so that an
/// id planted before login (session fixation) is worthless afterwards.
pub async fn sign_in(
    session: &Session,
    clock: &Clock,
    account: Account,
    method: SignInMethod,
) -> Result<(), AppError> {
    session.cycle_id().await.map_err(session_error)?;
    let _: Option<Account> = session.remove(PENDING_KEY).await.map_err(session_error)?;
    forget_account_state(session).await?;
    let now = clock.now().timestamp();
    let user = SessionUser {
        role: account.role,
        id: account.id,
        epoch: account.epoch,
        signed_in_at: now,
        last_seen_at: now,
        method,
        proved_at: if method.two_factors() { now } else { 0 },
    };
    session
        .insert(SESSION_USER_KEY, user)
        .await
        .map_err(session_error)
}

/// Drops what the session kept for the account it had (an app being set up, recovery codes
/// not shown yet, passkey ceremonies), so that none of it carries over to the next one.
async fn forget_account_state(session: &Session) -> Result<(), AppError> {
    use crate::second_factor::{passkeys, setup};
    for key in setup::SESSION_KEYS
        .into_iter()
        .chain(passkeys::SESSION_KEYS)
    {
        let _: Option<serde_json::Value> = session.remove(key).await.map_err(session_error)?;
    }
    Ok(())
}

/// An account as a session names it: its role, id and the `auth_epoch` it signed in under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub role: Role,
    pub id: i64,
    pub epoch: i64,
    /// Unix seconds; for a pending sign-in, when the password was right.
    #[serde(default)]
    pub at: i64,
}

/// The password was right; the session now waits for the second factor and is not signed in.
pub async fn await_second_factor(
    session: &Session,
    clock: &Clock,
    mut account: Account,
) -> Result<(), AppError> {
    session.cycle_id().await.map_err(session_error)?;
    let _: Option<SessionUser> = session
        .remove(SESSION_USER_KEY)
        .await
        .map_err(session_error)?;
    forget_account_state(session).await?;
    account.at = clock.now().timestamp();
    session
        .insert(PENDING_KEY, account)
        .await
        .map_err(session_error)
}

/// The account whose second factor this session awaits, if its password was right recently.
pub async fn pending_sign_in(
    session: &Session,
    clock: &Clock,
) -> Result<Option<Account>, AppError> {
    let pending: Option<Account> = match session.get(PENDING_KEY).await {
        Err(tower_sessions::session::Error::SerdeJson(_)) => None,
        other => other.map_err(session_error)?,
    };
    let now = clock.now().timestamp();
    Ok(pending.filter(|p| now - p.at < PENDING_LIFETIME.num_seconds()))
}

/// The signed-in account of this session, in either role, with how it signed in; what the
/// security page works on. Unlike [`current_admin`], an admin without a second factor passes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedIn {
    pub account: Account,
    pub name: String,
    pub method: SignInMethod,
    /// The session proved a second factor within [`RECENT_PROOF`].
    pub recently_proved: bool,
}

pub async fn signed_in(state: &AppState) -> Result<SignedIn, AppError> {
    let session = session().await?;
    let user = match session_user(session.clone(), Role::Contact, &state.clock).await {
        Ok((_, user)) => user,
        Err(AppError::Forbidden) => {
            session_user(session.clone(), Role::Admin, &state.clock)
                .await?
                .1
        }
        Err(other) => return Err(other),
    };
    let name = match user.role {
        Role::Contact => store::contacts::active_principal(&state.db, user.id, user.epoch)
            .await?
            .map(|p| p.name),
        Role::Admin => store::admins::active_principal(&state.db, user.id, user.epoch)
            .await?
            .map(|p| p.name),
    };
    let Some(name) = name else {
        sign_out(&session).await?;
        return Err(AppError::NotSignedIn);
    };
    let now = state.clock.now().timestamp();
    Ok(SignedIn {
        account: Account {
            role: user.role,
            id: user.id,
            epoch: user.epoch,
            at: user.signed_in_at,
        },
        name,
        method: user.method,
        recently_proved: now - user.proved_at < RECENT_PROOF.num_seconds(),
    })
}

/// The session just proved a second factor (a code typed to confirm, or a new factor's first
/// code): changes may follow for [`RECENT_PROOF`]. A session that signed in with a password
/// alone now has two factors.
pub async fn proved_second_factor(state: &AppState, method: SignInMethod) -> Result<(), AppError> {
    let session = session().await?;
    let mut user: SessionUser = session
        .get(SESSION_USER_KEY)
        .await
        .map_err(session_error)?
        .ok_or(AppError::NotSignedIn)?;
    user.proved_at = state.clock.now().timestamp();
    if !user.method.two_factors() {
        user.method = method;
    }
    session
        .insert(SESSION_USER_KEY, user)
        .await
        .map_err(session_error)
}

/// The signed-in user of this session in `role`. An idle or too old session is ended here.
async fn session_user(
    session: Session,
    role: Role,
    clock: &Clock,
) -> Result<(Session, SessionUser), AppError> {
    // A session that does not decode (written by an older release) is simply not signed in.
    let mut user: Option<SessionUser> = match session.get(SESSION_USER_KEY).await {
        Err(tower_sessions::session::Error::SerdeJson(_)) => None,
        other => other.map_err(session_error)?,
    };
    let now = clock.now().timestamp();
    if let Some(current) = user.as_mut() {
        if current.expired(now) {
            sign_out(&session).await?;
            return Err(AppError::NotSignedIn);
        }
        if now - current.last_seen_at >= LAST_SEEN_GRANULARITY.num_seconds() {
            current.last_seen_at = now;
            session
                .insert(SESSION_USER_KEY, *current)
                .await
                .map_err(session_error)?;
        }
    }
    match user {
        Some(user) if user.role == role => Ok((session, user)),
        // Signed in, but in the other role: refused, without ending that session.
        Some(_) => Err(AppError::Forbidden),
        None => Err(AppError::NotSignedIn),
    }
}

/// The calling admin, or `NotSignedIn` / `Forbidden` (a contact). Admin accounts are checked
/// like contacts: disabled or epoch moved on ends the session.
pub async fn current_admin(state: &AppState) -> Result<AdminPrincipal, AppError> {
    admin_of(session().await?, state).await
}

/// Like [`current_admin`], for a handler outside Leptos that extracted the session itself.
/// An admin session that signed in with a password alone is refused with
/// `SecondFactorRequired` (issue 20): admin pages send it to set one up.
pub async fn admin_of(session: Session, state: &AppState) -> Result<AdminPrincipal, AppError> {
    let (session, user) = session_user(session, Role::Admin, &state.clock).await?;
    let lookup = || store::admins::active_principal(&state.db, user.id, user.epoch);
    let principal = match RequestPrincipals::current() {
        Some(memo) => remembered(&memo.admin, user.id, user.epoch, lookup).await?,
        None => lookup().await?,
    };
    match principal {
        Some(_) if !user.method.two_factors() => Err(AppError::SecondFactorRequired),
        Some(principal) => Ok(principal),
        None => {
            sign_out(&session).await?;
            Err(AppError::NotSignedIn)
        }
    }
}

/// Ends the session server-side: the row is deleted, so the old cookie is worthless.
pub async fn sign_out(session: &Session) -> Result<(), AppError> {
    session.flush().await.map_err(session_error)
}

/// The calling contact, or `NotSignedIn`. A session whose account was disabled or whose epoch
/// moved on is ended here.
pub async fn current_contact(state: &AppState) -> Result<ContactPrincipal, AppError> {
    contact_of(session().await?, state).await
}

/// Like [`current_contact`], for a handler outside Leptos that extracted the session itself.
pub async fn contact_of(session: Session, state: &AppState) -> Result<ContactPrincipal, AppError> {
    let (session, user) = session_user(session, Role::Contact, &state.clock).await?;
    let lookup = || store::contacts::active_principal(&state.db, user.id, user.epoch);
    let principal = match RequestPrincipals::current() {
        Some(memo) => remembered(&memo.contact, user.id, user.epoch, lookup).await?,
        None => lookup().await?,
    };
    match principal {
        Some(principal) => Ok(principal),
        None => {
            sign_out(&session).await?;
            Err(AppError::NotSignedIn)
        }
    }
}

/// The signed-in account, read once per request (issue 18): the page header and the page's own
/// data both ask who is calling, and the second gets the first one's answer instead of asking
/// the database again. Added to every request's extensions by [`RequestPrincipals::attach`];
/// each answer is kept under the account id and epoch it was read for, and a request that asks
/// for another (it signed in or out meanwhile) reads the database.
#[derive(Clone, Default)]
pub struct RequestPrincipals {
    contact: std::sync::Arc<tokio::sync::OnceCell<Memo<ContactPrincipal>>>,
    admin: std::sync::Arc<tokio::sync::OnceCell<Memo<AdminPrincipal>>>,
}

/// `(account id, epoch, the active principal if any)`.
type Memo<P> = (i64, i64, Option<P>);

impl RequestPrincipals {
    /// Middleware: gives the request its (empty) memo.
    pub async fn attach(
        mut request: axum::extract::Request,
        next: axum::middleware::Next,
    ) -> axum::response::Response {
        request.extensions_mut().insert(Self::default());
        next.run(request).await
    }

    /// The memo of the request being rendered or served, if it has one.
    fn current() -> Option<Self> {
        leptos::prelude::use_context::<axum::http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<Self>().cloned())
    }
}

/// The memo's answer for `(id, epoch)`, looked up on first use; another key looks up afresh.
async fn remembered<P: Clone, F, Fut>(
    cell: &tokio::sync::OnceCell<Memo<P>>,
    id: i64,
    epoch: i64,
    lookup: F,
) -> Result<Option<P>, sqlx::Error>
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = Result<Option<P>, sqlx::Error>>,
{
    let (for_id, for_epoch, principal) = cell
        .get_or_try_init(|| async { Ok::<_, sqlx::Error>((id, epoch, lookup().await?)) })
        .await?;
    if (*for_id, *for_epoch) == (id, epoch) {
        return Ok(principal.clone());
    }
    lookup().await
}

/// A session store failure: an exhausted session pool, or a database that is away (restarting,
/// unreachable), is worth a retry (503); anything else is an internal error. The store's errors
/// reach us as text, so the causes are recognised by sqlx's wording.
pub(crate) fn session_error(error: tower_sessions::session::Error) -> AppError {
    const AWAY: [&str; 7] = [
        "pool timed out",
        "PoolTimedOut",
        "error communicating with database",
        "terminating connection",
        "the database system is shutting down",
        "the database system is starting up",
        "connection closed",
    ];
    let text = error.to_string();
    if AWAY.iter().any(|cause| text.contains(cause)) {
        tracing::warn!(%text, "session store overloaded");
        return AppError::Unavailable {
            retry_after_seconds: crate::error::RETRY_AFTER_SECONDS,
        };
    }
    AppError::internal(format_args!("session store: {error}"))
}

pub mod password {
    //! argon2id hashing, on a blocking thread: a hash takes tens of milliseconds of CPU and
    //! must not stall the async workers.

    use argon2::password_hash::rand_core::OsRng;
    use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
    use argon2::{Algorithm, Argon2, Params, Version};
    use std::sync::LazyLock;
    use tokio::sync::Semaphore;

    use crate::error::AppError;

    /// At most this many hashes run at once: a flood of sign-ins queues here instead of
    /// taking every blocking thread and all memory (each hash uses 19 MiB).
    static HASHING: Semaphore = Semaphore::const_new(4);

    /// Passwords people pick first; refused as new passwords (ASVS 5.0: block common ones).
    static COMMON: LazyLock<std::collections::HashSet<&'static str>> = LazyLock::new(|| {
        include_str!("common_passwords.txt")
            .lines()
            .map(str::trim)
            .collect()
    });

    pub fn is_common(password: &str) -> bool {
        COMMON.contains(password.to_lowercase().as_str())
    }

    /// Verified when the email is unknown, so that a wrong email costs as much time as a wrong
    /// password and response timing does not reveal which accounts exist.
    static DUMMY_HASH: LazyLock<String> =
        LazyLock::new(|| hash_blocking("dummy password that never matches"));

    /// argon2id, m=19456 KiB, t=2, p=1: OWASP ASVS 5.0's minimum, spelled out rather than
    /// left to the crate's defaults.
    fn hasher() -> Argon2<'static> {
        let params = Params::new(19 * 1024, 2, 1, None).expect("valid argon2 parameters");
        Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
    }

    pub fn hash_blocking(password: &str) -> String {
        let salt = SaltString::generate(&mut OsRng);
        hasher()
            .hash_password(password.as_bytes(), &salt)
            .expect("argon2 with fixed parameters cannot fail")
            .to_string()
    }

    pub async fn hash(password: String) -> Result<String, AppError> {
        let _permit = HASHING.acquire().await.map_err(AppError::internal)?;
        tokio::task::spawn_blocking(move || hash_blocking(&password))
            .await
            .map_err(AppError::internal)
    }

    /// True when `password` matches `stored`; with no stored hash, burns the same time and fails.
    pub async fn verify(stored: Option<String>, password: String) -> Result<bool, AppError> {
        let _permit = HASHING.acquire().await.map_err(AppError::internal)?;
        tokio::task::spawn_blocking(move || {
            let known = stored.is_some();
            let hash = stored.unwrap_or_else(|| DUMMY_HASH.clone());
            let Ok(parsed) = PasswordHash::new(&hash) else {
                return false;
            };
            let matches = hasher()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok();
            known && matches
        })
        .await
        .map_err(AppError::internal)
    }
}
