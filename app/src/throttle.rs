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

impl Limit {
    /// Refuses with 429 while `subject` or `ip` is locked out, and locks out whichever has
    /// reached its limit since the window opened (or since its own last lockout). Emails and
    /// addresses cannot be mistaken for each other: only emails contain '@'.
    pub async fn check(&self, app: &AppState, subject: &str, ip: &str) -> Result<(), AppError> {
        let now = app.clock.now();
        let keys = [
            (Key::Subject(subject), self.per_subject),
            (Key::Address(ip), self.per_address),
        ];
        let mut history = Vec::with_capacity(keys.len());
        for (key, _) in keys {
            let since = now - Duration::days(1);
            let past =
                store::throttle::lockouts(&app.db, self.lockout_kind, key.value(), since).await?;
            if let Some(latest) = past.latest {
                let until = latest + self.lockout_length(past.count);
                if now < until {
                    return Err(too_many(now, until));
                }
            }
            history.push(past);
        }
        let window_start = now - Duration::minutes(self.window_minutes);
        for ((key, limit), past) in keys.into_iter().zip(history) {
            let since = past.latest.map_or(window_start, |at| at.max(window_start));
            if store::throttle::attempts(&app.db, self.kind, key, since).await? < limit {
                continue;
            }
            let locked = key.value();
            store::throttle::record(&app.db, self.lockout_kind, locked, ip, now).await?;
            let length = self.lockout_length(past.count + 1);
            let mut conn = app.db.acquire().await?;
            audit::record(
                &mut conn,
                audit::Entry {
                    actor: audit::Actor::System,
                    company_id: None,
                    kind: "throttled",
                    summary: format!(
                        "{} locked out for {} minutes: {locked} (from {ip})",
                        self.kind,
                        length.num_minutes()
                    ),
                    before: None,
                    after: None,
                },
            )
            .await?;
            return Err(too_many(now, now + length));
        }
        Ok(())
    }

    /// The n-th lockout within a day lasts 2^(n-1) windows, at most a day.
    fn lockout_length(&self, nth: i64) -> Duration {
        let doublings = u32::try_from(nth.clamp(1, 8) - 1).unwrap_or(0);
        let minutes = self.window_minutes.saturating_mul(1 << doublings);
        Duration::minutes(minutes.min(24 * 60))
    }

    pub async fn record(&self, app: &AppState, subject: &str, ip: &str) -> Result<(), AppError> {
        store::throttle::record(&app.db, self.kind, subject, ip, app.clock.now()).await?;
        Ok(())
    }

    /// Forgets `subject`'s attempts and lockouts (after it proved itself, e.g. signed in).
    pub async fn clear(&self, app: &AppState, subject: &str) -> Result<(), AppError> {
        store::throttle::clear(&app.db, [self.kind, self.lockout_kind], subject).await?;
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
