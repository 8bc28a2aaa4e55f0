//! Structured logs to stdout; `RUST_LOG` overrides the default filter.

use tracing_subscriber::EnvFilter;

pub fn init() {
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_sessions=warn"));
    // A second init (tests spawn many apps in one process) is harmless: keep the first.
    let _ = tracing_subscriber::fmt().with_env_filter(filter).try_init();
}
