//! What every server function can reach: the database and the clock.

use axum::extract::FromRef;
use chrono::{DateTime, NaiveDate, Utc};
use leptos::config::LeptosOptions;
use leptos::prelude::use_context;

use crate::error::AppError;
use crate::store::Db;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub clock: Clock,
    /// The one currency of every price and invoice (ISO 4217 code).
    pub currency: String,
    pub mailer: crate::mail::Mailer,
    /// Where the portal is reached from outside, for links in mail (no trailing slash).
    pub public_url: String,
    pub leptos_options: LeptosOptions,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// Today's date for contract arithmetic. Tests and demos may pin it (`PORTAL_TODAY`), so that
/// "days left" and renewal windows are reproducible.
#[derive(Clone, Copy, Debug, Default)]
pub struct Clock {
    fixed_today: Option<NaiveDate>,
}

impl Clock {
    pub fn system() -> Self {
        Self { fixed_today: None }
    }

    pub fn fixed(today: NaiveDate) -> Self {
        Self {
            fixed_today: Some(today),
        }
    }

    pub fn today(&self) -> NaiveDate {
        self.fixed_today.unwrap_or_else(|| Utc::now().date_naive())
    }

    pub fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// The state the server put into the reactive context of this request.
pub fn app_state() -> Result<AppState, AppError> {
    use_context::<AppState>()
        .ok_or_else(|| AppError::internal("AppState missing from the request context"))
}
