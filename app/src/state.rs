//! What every server function can reach: the database and the clock.

use axum::extract::FromRef;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use leptos::config::LeptosOptions;
use leptos::prelude::use_context;

use crate::error::AppError;
use crate::store::Db;

/// What every request shares, behind one `Arc`: axum clones a route's handler, and with it
/// this state, for every request it answers, so a clone must cost one reference count, not a
/// copy of each field (issue 18: the copies were a tenth of a cached page's CPU).
#[derive(Clone)]
pub struct AppState(Arc<Services>);

impl AppState {
    pub fn new(services: Services) -> Self {
        Self(Arc::new(services))
    }
}

impl std::ops::Deref for AppState {
    type Target = Services;

    fn deref(&self) -> &Services {
        &self.0
    }
}

/// The parts of [`AppState`].
pub struct Services {
    pub db: Db,
    pub clock: Clock,
    /// The one currency of every price and invoice (ISO 4217 code).
    pub currency: String,
    pub mailer: crate::mail::Mailer,
    /// Where the portal is reached from outside, for links in mail (no trailing slash).
    pub public_url: String,
    /// Behind a reverse proxy: read the client address from `X-Forwarded-For`.
    pub trust_proxy: bool,
    /// The WebAuthn relying party for passkeys; `None` when the portal's address is an IP
    /// address (see `second_factor::passkeys::relying_party`).
    pub passkeys: Option<Arc<webauthn_rs::Webauthn>>,
    pub leptos_options: LeptosOptions,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// Today's date for contract arithmetic, and the time for sessions, tokens and throttling.
/// "Today" and business hours are those of the vendor's time zone (`PORTAL_TIMEZONE`, SPEC
/// "Time"); instants stay UTC. Tests and demos may pin the date (`PORTAL_TODAY`), so that
/// "days left" and renewal windows are reproducible; tests may also move the time forward
/// ([`Clock::advance`]) to expire sessions without waiting.
#[derive(Clone, Debug, Default)]
pub struct Clock {
    fixed_today: Option<NaiveDate>,
    zone: chrono_tz::Tz,
    /// Seconds added to the system time; shared by every clone, so one `advance` moves the
    /// whole server. Zero outside tests.
    skew_seconds: Arc<AtomicI64>,
    /// Days added to a pinned "today" (`advance_days`), shared like `skew_seconds`.
    skew_days: Arc<AtomicI64>,
}

impl Clock {
    /// The real time, with days and business hours in `zone`.
    pub fn system(zone: chrono_tz::Tz) -> Self {
        Self {
            zone,
            ..Self::default()
        }
    }

    /// "Today" pinned to `today` (the time of day still runs), in `zone`.
    pub fn fixed(today: NaiveDate, zone: chrono_tz::Tz) -> Self {
        Self {
            fixed_today: Some(today),
            zone,
            ..Self::default()
        }
    }

    /// The vendor's current calendar day.
    pub fn today(&self) -> NaiveDate {
        match self.fixed_today {
            Some(day) => day + Duration::days(self.skew_days.load(Ordering::Relaxed)),
            None => self.local(self.now()).date_naive(),
        }
    }

    /// The vendor's time zone.
    pub fn zone(&self) -> chrono_tz::Tz {
        self.zone
    }

    /// `at` on the vendor's wall clock (for deadlines and what pages show).
    pub fn local(&self, at: DateTime<Utc>) -> DateTime<chrono_tz::Tz> {
        at.with_timezone(&self.zone)
    }

    pub fn now(&self) -> DateTime<Utc> {
        Utc::now() + Duration::seconds(self.skew_seconds.load(Ordering::Relaxed))
    }

    /// Moves a pinned "today" forward by `days` (and the time with it), for tests of
    /// reminders.
    pub fn advance_days(&self, days: i64) {
        self.skew_days.fetch_add(days, Ordering::Relaxed);
        self.advance(Duration::days(days));
    }

    /// Moves the time (not a pinned date) forward, for tests of timeouts.
    pub fn advance(&self, by: Duration) {
        self.skew_seconds
            .fetch_add(by.num_seconds(), Ordering::Relaxed);
    }
}

/// The state the server put into the reactive context of this request.
pub fn app_state() -> Result<AppState, AppError> {
    use_context::<AppState>()
        .ok_or_else(|| AppError::internal("AppState missing from the request context"))
}
