//! Brute-force and flood protection for the endpoints anyone can call: sign-in, password-reset
//! requests and single-use links. Each limit counts events per subject (an email) and per
//! client address over a sliding window. When either count reaches its limit, that email or
//! address is locked out: the endpoint answers 429, even to a correct password, for one window;
//! each further lockout within a day doubles the wait (15, 30, 60… minutes, at most a day).
//! Each lockout is audited once, not every refused try.

use chrono::{DateTime, Duration, Utc};

use crate::error::AppError;
use crate::state::AppState;
use crate::store::throttle::Key;
use crate::store::{self, audit};

pub struct Limit {
    /// Names the events in the store and the lockout in the audit log.
    kind: &'static str,
    /// Names this limit's lockouts in the store.
    lockout_kind: &'static str,
    window_minutes: i64,
    per_subject: i64,
    /// Higher than `per_subject`: several people may share an office's address.
    per_address: i64,
}

/// Failed sign-ins (a success clears the account's count).
pub const SIGN_IN: Limit = Limit {
    kind: "sign_in_failure",
    lockout_kind: "sign_in_failure/lockout",
    window_minutes: 15,
    per_subject: 5,
    per_address: 30,
};

/// Wrong second-factor codes (authenticator app or recovery code), per account: like
/// passwords, five tries in the window, then a lockout (a right code clears the count).
pub const SECOND_FACTOR: Limit = Limit {
    kind: "second_factor_failure",
    lockout_kind: "second_factor_failure/lockout",
    window_minutes: 15,
    per_subject: 5,
    per_address: 30,
};

/// Every reset request counts, known email or not (the answer must not differ): a script
/// cannot use the portal to flood someone's mailbox.
pub const RESET_REQUEST: Limit = Limit {
    kind: "reset_request",
    lockout_kind: "reset_request/lockout",
    window_minutes: 60,
    per_subject: 3,
    per_address: 10,
};

/// Unknown, used or expired invitation and reset links. Tokens have 256 bits, so this is
/// about load and noise, not guessing.
pub const BAD_LINK: Limit = Limit {
    kind: "bad_link",
    lockout_kind: "bad_link/lockout",
    window_minutes: 15,
    per_subject: i64::MAX,
    per_address: 10,
};

/// Requests to `/api/v1` with a token that is unknown, revoked or expired (issue 17). Tokens
/// have 256 bits: as for links, this is about load and noise.
pub const BAD_TOKEN: Limit = Limit {
    kind: "bad_token",
    lockout_kind: "bad_token/lockout",
    window_minutes: 15,
    per_subject: i64::MAX,
    per_address: 10,
};

/// An attempt let through; the caller reports how it went.
#[must_use]
pub struct Attempt {
    id: i64,
}

impl Limit {
    /// Counts an attempt by `subject` from `ip`, or refuses it (429) while either is locked
    /// out or once this attempt takes either past its limit, locking it out. The attempt is
    /// recorded before it is counted, and counted by its rank (the attempts recorded before it),
    /// so of concurrent attempts exactly the first `limit` go through. On PostgreSQL an id
    /// drawn just before ours may commit just after our count; at worst one more try slips
    /// through in such a race, never a burst.
    pub async fn attempt(
        &self,
        app: &AppState,
        subject: &str,
        ip: &str,
    ) -> Result<Attempt, AppError> {
        let now = app.clock.now();
        let keys = [
            (Key::Subject(subject), self.per_subject),
            (Key::Address(ip), self.per_address),
        ];
        let day_ago = now - Duration::days(1);
        let mut history = Vec::with_capacity(keys.len());
        for (key, _) in keys {
            let past = store::throttle::lockouts(&app.db, self.lockout_kind, key, day_ago).await?;
            if let Some(ends_at) = past.ends_at.filter(|end| now < *end) {
                return Err(too_many(now, ends_at));
            }
            history.push(past);
        }
        let id = store::throttle::record(&app.db, self.kind, subject, ip, now).await?;
        let window_start = now - Duration::minutes(self.window_minutes);
        for ((key, limit), past) in keys.into_iter().zip(history) {
            // A lockout starts a fresh count: its wait was the penalty for the attempts before.
            let since = past.latest.map_or(window_start, |at| at.max(window_start));
            if store::throttle::attempts(&app.db, self.kind, key, since, id).await? <= limit {
                continue;
            }
            // Refused attempts do not count towards the next limit.
            store::throttle::forget(&app.db, id).await?;
            let ends_at = now + self.lockout_length(past.recent + 1);
            let nth = past.max_nth + 1;
            if store::throttle::lock(&app.db, self.lockout_kind, key, nth, now, ends_at).await? {
                self.audit_lockout(app, key, ip, ends_at - now).await?;
            }
            return Err(too_many(now, ends_at));
        }
        Ok(Attempt { id })
    }

    /// The attempt proved itself (a good link): it does not count against anyone.
    pub async fn succeeded(&self, app: &AppState, attempt: Attempt) -> Result<(), AppError> {
        store::throttle::forget(&app.db, attempt.id).await?;
        Ok(())
    }

    /// Forgets `subject`'s attempts and lockouts (it signed in: whoever tried before was it).
    pub async fn clear(&self, app: &AppState, subject: &str) -> Result<(), AppError> {
        store::throttle::clear(&app.db, self.kind, self.lockout_kind, subject).await?;
        Ok(())
    }

    /// The n-th lockout within a day lasts 2^(n-1) windows, at most a day.
    fn lockout_length(&self, nth: i64) -> Duration {
        let doublings = u32::try_from(nth.clamp(1, 8) - 1).unwrap_or(0);
        let minutes = self.window_minutes.saturating_mul(1 << doublings);
        Duration::minutes(minutes.min(24 * 60))
    }

    async fn audit_lockout(
        &self,
        app: &AppState,
        key: Key<'_>,
        ip: &str,
        length: Duration,
    ) -> Result<(), AppError> {
        let mut conn = app.db.acquire().await?;
        audit::record(
            &mut conn,
            audit::Entry {
                actor: audit::Actor::System,
                company_id: None,
                kind: "throttled",
                summary: format!(
                    "{} locked out for {} minutes: {} (from {ip})",
                    self.kind,
                    length.num_minutes(),
                    key.name()
                ),
                before: None,
                after: None,
            },
        )
        .await?;
        Ok(())
    }
}

fn too_many(now: DateTime<Utc>, until: DateTime<Utc>) -> AppError {
    // Whole minutes, rounded up: "wait 0 minutes" would invite an immediate retry.
    let seconds = (until - now).num_seconds().max(1);
    AppError::TooManyAttempts {
        wait_minutes: (seconds + 59) / 60,
    }
}
