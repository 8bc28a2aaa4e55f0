//! Configuration from the environment, with defaults that run a demo on one machine.

use std::net::SocketAddr;

use chrono::NaiveDate;

use crate::db::DbSettings;

#[derive(Debug, Clone)]
pub struct Config {
    /// `LEPTOS_SITE_ADDR` (the name cargo-leptos uses), default 127.0.0.1:3000.
    pub addr: SocketAddr,
    /// `DATABASE_URL`, default `sqlite://portal.db` (the file is created on first run).
    pub database_url: String,
    /// `LEPTOS_SITE_ROOT`: where cargo-leptos put the wasm, JS and CSS; default `target/site`.
    pub site_root: String,
    /// `PORTAL_SECURE_COOKIES=1` when served over https (behind a TLS proxy).
    pub secure_cookies: bool,
    /// `PORTAL_TRUST_PROXY=1` behind a reverse proxy: the client address (for throttling) is
    /// the last one the proxy appended to `X-Forwarded-For`, not the proxy's own.
    pub trust_proxy: bool,
    /// `PORTAL_DEMO=1` or the `--demo` flag: seed the demo catalogue, companies and logins.
    pub demo: bool,
    /// `PORTAL_TODAY=YYYY-MM-DD` pins "today" for contract arithmetic (tests, demos).
    pub today: Option<NaiveDate>,
    /// `PORTAL_TIMEZONE`, an IANA name such as `Europe/Kyiv` (default `UTC`): the vendor's
    /// time zone, which decides "today", contract days and business hours (SPEC "Time").
    pub time_zone: chrono_tz::Tz,
    /// `PORTAL_CURRENCY`, default `EUR`: the one currency of prices and invoices (ISO 4217).
    pub currency: String,
    /// `PORTAL_PUBLIC_URL`: how users reach the portal, for links in mail; default
    /// `http://<LEPTOS_SITE_ADDR>`.
    pub public_url: String,
    /// `PORTAL_PASSKEY_ORIGIN`, default the public URL: the origin passkeys are bound to (its
    /// host is the WebAuthn relying party id). Passkeys are off when that host is an IP
    /// address: browsers bind them to domain names only.
    pub passkey_origin: String,
    /// `PORTAL_SMTP_URL`, e.g. `smtps://user:password@mail.example.com`: send mail by SMTP.
    /// Unset: mail is written to the outbox directory instead.
    pub smtp_url: Option<String>,
    /// `PORTAL_OUTBOX_DIR`, default `outbox`: where mail goes without SMTP (one `.eml` each).
    pub outbox_dir: String,
    /// `PORTAL_OUTBOX_WAIT`, on unless `0`: a request that queues a mail (an order's invoice)
    /// answers once the outbox file is written, so tests and demos find it at once. `0` sends
    /// it after the answer, as SMTP mail always is (`scripts/bench.sh` measures that way).
    pub outbox_wait: bool,
    /// `PORTAL_MAIL_FROM`, default `Support Portal <support@portal.example>`.
    pub mail_from: String,
    /// `PORTAL_WORKER`, on unless `0`: this instance runs the job queue's worker (mail that
    /// failed, retries). Every instance may run one; claims keep them from sharing a job.
    pub worker: bool,
    /// `PORTAL_WORKER_POLL_MS`, default 5000: how often the worker looks for due jobs.
    pub worker_poll: std::time::Duration,
    /// `PORTAL_DB_MAX_CONNECTIONS` (default 8), `PORTAL_DB_STATEMENT_TIMEOUT_MS` (10000,
    /// PostgreSQL only), `PORTAL_DB_CONNECT_ATTEMPTS` (30, a second apart),
    /// `PORTAL_DB_ACQUIRE_TIMEOUT_MS` (5000: longer waits for a connection answer 503).
    pub db: DbSettings,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{name} is invalid: {value:?} ({reason})")]
    Invalid {
        name: &'static str,
        value: String,
        reason: String,
    },
}

impl Config {
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Reads from any key-value source, so tests need not touch the process environment.
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let addr: SocketAddr = parse(&get, "LEPTOS_SITE_ADDR", "127.0.0.1:3000")?;
        let flag = |name: &str| matches!(get(name).as_deref(), Some("1" | "true" | "yes"));
        let today = match get("PORTAL_TODAY") {
            Some(value) => Some(parse_value("PORTAL_TODAY", value)?),
            None => None,
        };
        let public_url = get("PORTAL_PUBLIC_URL")
            .unwrap_or_else(|| format!("http://{addr}"))
            .trim_end_matches('/')
            .to_string();
        Ok(Self {
            addr,
            database_url: get("DATABASE_URL").unwrap_or_else(|| "sqlite://portal.db".into()),
            site_root: get("LEPTOS_SITE_ROOT").unwrap_or_else(|| "target/site".into()),
            secure_cookies: flag("PORTAL_SECURE_COOKIES"),
            trust_proxy: flag("PORTAL_TRUST_PROXY"),
            demo: flag("PORTAL_DEMO"),
            today,
            time_zone: parse(&get, "PORTAL_TIMEZONE", "UTC")?,
            currency: get("PORTAL_CURRENCY").unwrap_or_else(|| "EUR".into()),
            passkey_origin: get("PORTAL_PASSKEY_ORIGIN")
                .map(|origin| origin.trim_end_matches('/').to_string())
                .unwrap_or_else(|| public_url.clone()),
            public_url,
            smtp_url: get("PORTAL_SMTP_URL"),
            outbox_dir: get("PORTAL_OUTBOX_DIR").unwrap_or_else(|| "outbox".into()),
            outbox_wait: !matches!(
                get("PORTAL_OUTBOX_WAIT").as_deref(),
                Some("0" | "false" | "no")
            ),
            mail_from: get("PORTAL_MAIL_FROM")
                .unwrap_or_else(|| "Support Portal <support@portal.example>".into()),
            worker: !matches!(get("PORTAL_WORKER").as_deref(), Some("0" | "false" | "no")),
            worker_poll: std::time::Duration::from_millis(
                match parse(&get, "PORTAL_WORKER_POLL_MS", "5000")? {
                    // Zero would poll the database in a tight loop.
                    0..10 => {
                        return Err(ConfigError::Invalid {
                            name: "PORTAL_WORKER_POLL_MS",
                            value: get("PORTAL_WORKER_POLL_MS").unwrap_or_default(),
                            reason: "at least 10 milliseconds".into(),
                        })
                    }
                    ms => ms,
                },
            ),
            db: DbSettings {
                max_connections: parse(&get, "PORTAL_DB_MAX_CONNECTIONS", "8")?,
                statement_timeout: std::time::Duration::from_millis(parse(
                    &get,
                    "PORTAL_DB_STATEMENT_TIMEOUT_MS",
                    "10000",
                )?),
                connect_attempts: parse(&get, "PORTAL_DB_CONNECT_ATTEMPTS", "30")?,
                acquire_timeout: std::time::Duration::from_millis(parse(
                    &get,
                    "PORTAL_DB_ACQUIRE_TIMEOUT_MS",
                    "5000",
                )?),
            },
        })
    }
}

fn parse<T: std::str::FromStr>(
    get: &impl Fn(&str) -> Option<String>,
    name: &'static str,
    default: &str,
) -> Result<T, ConfigError>
where
    T::Err: std::fmt::Display,
{
    parse_value(name, get(name).unwrap_or_else(|| default.to_string()))
}

fn parse_value<T: std::str::FromStr>(name: &'static str, value: String) -> Result<T, ConfigError>
where
    T::Err: std::fmt::Display,
{
    value.parse().map_err(|e: T::Err| ConfigError::Invalid {
        name,
        reason: e.to_string(),
        value,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_serve_a_local_sqlite_demo() {
        let config = Config::from_lookup(|_| None).unwrap();
        assert_eq!(config.addr.to_string(), "127.0.0.1:3000");
        assert_eq!(config.database_url, "sqlite://portal.db");
        assert!(!config.demo && !config.secure_cookies && config.today.is_none());
    }

    #[test]
    fn a_bad_value_names_the_variable() {
        let error =
            Config::from_lookup(|n| (n == "PORTAL_TODAY").then(|| "tomorrow".into())).unwrap_err();
        assert!(error.to_string().contains("PORTAL_TODAY"));
        let kyiv = Config::from_lookup(|n| (n == "PORTAL_TIMEZONE").then(|| "Europe/Kyiv".into()));
        assert_eq!(kyiv.unwrap().time_zone, chrono_tz::Europe::Kyiv);
        let error = Config::from_lookup(|n| (n == "PORTAL_TIMEZONE").then(|| "Mars/Base".into()))
            .unwrap_err();
        assert!(error.to_string().contains("PORTAL_TIMEZONE"));
    }
}
