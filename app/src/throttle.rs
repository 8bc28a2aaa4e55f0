//! Brute-force and flood protection for the endpoints anyone can call: sign-in, password-reset
//! requests and single-use links. Each limit counts events per subject (an email) and per
//! client address over a sliding window; once either count reaches its limit, the endpoint
//! answers 429, even to a correct password, until enough events have aged out of the window.
//! Reaching a limit is audited once, not on every refused try.

use chrono::Duration;

use crate::error::AppError;
use crate::state::AppState;
use crate::store::{self, audit};

pub struct Limit {
    /// Names the events in the store and the lockout in the audit log.
    kind: &'static str,
    window_minutes: i64,
    per_subject: i64,
    /// Higher than `per_subject`: several people may share an office's address.
    per_address: i64,
}

/// Failed sign-ins (a success clears the account's count).
pub const SIGN_IN: Limit = Limit {
    kind: "sign_in_failure",
    window_minutes: 15,
    per_subject: 5,
    per_address: 30,
};

/// Every reset request counts, known email or not (the answer must not differ): a script
/// cannot use the portal to flood someone's mailbox.
pub const RESET_REQUEST: Limit = Limit {
    kind: "reset_request",
    window_minutes: 60,
    per_subject: 3,
    per_address: 10,
};

/// Unknown, used or expired invitation and reset links. Tokens have 256 bits, so this is
/// about load and noise, not guessing.
pub const BAD_LINK: Limit = Limit {
    kind: "bad_link",
    window_minutes: 15,
    per_subject: i64::MAX,
    per_address: 10,
};

impl Limit {
    /// Refuses with 429 when `subject` or `ip` has reached the limit within the window.
    pub async fn check(&self, app: &AppState, subject: &str, ip: &str) -> Result<(), AppError> {
        let now = app.clock.now();
        let since = now - Duration::minutes(self.window_minutes);
        let counts = store::throttle::recent(&app.db, self.kind, subject, ip, since).await?;
        if counts.for_subject < self.per_subject && counts.for_ip < self.per_address {
            return Ok(());
        }
        if counts.for_subject == self.per_subject || counts.for_ip == self.per_address {
            let mut conn = app.db.acquire().await?;
            audit::record(
                &mut conn,
                audit::Entry {
                    actor: audit::Actor::System,
                    company_id: None,
                    kind: "throttled",
                    summary: format!(
                        "{} refused for {} minutes: {subject} from {ip}",
                        self.kind, self.window_minutes
                    ),
                    before: None,
                    after: None,
                },
            )
            .await?;
            // Pushes the count past the limit, so the lockout is audited only once.
            self.record(app, subject, ip).await?;
        }
        Err(AppError::TooManyAttempts {
            wait_minutes: self.window_minutes,
        })
    }

    pub async fn record(&self, app: &AppState, subject: &str, ip: &str) -> Result<(), AppError> {
        store::throttle::record(&app.db, self.kind, subject, ip, app.clock.now()).await?;
        Ok(())
    }

    pub async fn clear(&self, app: &AppState, subject: &str) -> Result<(), AppError> {
        store::throttle::clear(&app.db, self.kind, subject).await?;
        Ok(())
    }
}
