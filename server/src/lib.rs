//! Support Portal server: wiring only. Configuration, database, sessions, static files and
//! graceful shutdown; every page and rule lives in `app` and `domain`.

pub mod bad_requests;
pub mod config;
pub mod csrf;
pub mod db;
pub mod page_cache;
pub mod request_id;
pub mod seed;
pub mod startup;
pub mod telemetry;

pub use config::Config;
pub use startup::Application;
