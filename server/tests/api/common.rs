//! Spawns the real server (random port, fresh SQLite file) for black-box tests over HTTP.

use chrono::NaiveDate;
use reqwest::header::{HeaderMap, ACCEPT, COOKIE, SET_COOKIE};
use reqwest::{redirect, Client, Response, StatusCode};
use server::seed::{DEMO_ADMIN_EMAIL, DEMO_ADMIN_TOTP_SECRET, DEMO_COMPANIES, DEMO_PASSWORD};
use server::{Application, Config};
use tempfile::TempDir;

/// No request in the suite takes more than a few seconds; one that hangs fails its test with
/// the request's name instead of stalling the whole run until CI's limit.
const REQUEST_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(120);

/// The date the tests pretend it is, so that demo contracts have known days left.
pub const TODAY: &str = "2026-11-25";

pub struct TestApp {
    pub base: String,
    pub database_url: String,
    pub client: Client,
    /// The server's clock, when the server runs in this process.
    pub clock: Option<app::state::Clock>,
    // Deleted (with the database) when the test ends.
    _dir: std::sync::Arc<TempDir>,
}

pub fn config_for(database_url: &str, dir: &std::path::Path) -> Config {
    let mut config = Config::from_lookup(|_| None).expect("default config is valid");
    config.outbox_dir = dir.join("outbox").display().to_string();
    config.addr = "127.0.0.1:0".parse().unwrap();
    config.database_url = database_url.to_string();
    config.demo = true;
    config.today = Some(TODAY.parse::<NaiveDate>().unwrap());
    // Requests run their own jobs right after committing; the worker (retries) only where a
    // test turns it on, so that a hundred test servers do not poll their databases.
    config.worker = false;
    config
}

/// A fresh, empty database for one test: a SQLite file in `dir`, or, when
/// `PORTAL_TEST_POSTGRES` names a PostgreSQL server (as `scripts/test.sh` does for the second
/// run), a new database on it.
pub async fn fresh_database(dir: &std::path::Path) -> String {
    let Ok(server) = std::env::var("PORTAL_TEST_POSTGRES") else {
        return format!("sqlite://{}/portal.db", dir.display());
    };
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let name = format!("portal_test_{}_{n}", std::process::id());
    let admin = sqlx::PgPool::connect(&format!("{server}/postgres"))
        .await
        .expect("PostgreSQL reachable");
    sqlx::query(&format!("CREATE DATABASE {name}"))
        .execute(&admin)
        .await
        .unwrap();
    admin.close().await;
    format!("{server}/{name}")
}

pub fn is_postgres() -> bool {
    std::env::var("PORTAL_TEST_POSTGRES").is_ok()
}

pub async fn spawn_app() -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let database_url = fresh_database(dir.path()).await;
    spawn_on(&database_url, std::sync::Arc::new(dir)).await
}

/// Another server instance on the same database (a restart, or a second instance).
pub async fn spawn_sibling(app: &TestApp) -> TestApp {
    spawn_on(&app.database_url, app._dir.clone()).await
}

/// Another instance on the same database, with its configuration adjusted (a worker on).
pub async fn spawn_sibling_with(app: &TestApp, adjust: impl FnOnce(&mut Config)) -> TestApp {
    let mut config = config_for(&app.database_url, app._dir.path());
    adjust(&mut config);
    let server = Application::build(config).await.expect("server starts");
    let mut sibling = TestApp::attach(&app.database_url, server.addr(), app._dir.clone());
    sibling.clock = Some(server.clock());
    tokio::spawn(server.run_until_stopped());
    sibling
}

async fn spawn_on(database_url: &str, dir: std::sync::Arc<TempDir>) -> TestApp {
    server::telemetry::init();
    let app = Application::build(config_for(database_url, dir.path()))
        .await
        .expect("server starts");
    let base = format!("http://{}", app.addr());
    let clock = Some(app.clock());
    tokio::spawn(app.run_until_stopped());
    TestApp {
        base,
        clock,
        database_url: database_url.to_string(),
        client: Client::builder()
            .redirect(redirect::Policy::none())
            .timeout(REQUEST_TIMEOUT)
            .build()
            .unwrap(),
        _dir: dir,
    }
}

/// The `portal_session=…` pair from a response, if it set one.
pub fn session_cookie(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("portal_session="))
        .map(|v| v.split(';').next().unwrap().to_string())
}

pub fn contact_email(company_name: &str) -> &'static str {
    DEMO_COMPANIES
        .iter()
        .find(|c| c.name == company_name)
        .expect("a demo company")
        .contact_email
}

impl TestApp {
    /// A client for an instance started by the test itself.
    pub fn attach(
        database_url: &str,
        addr: std::net::SocketAddr,
        dir: std::sync::Arc<TempDir>,
    ) -> TestApp {
        TestApp {
            base: format!("http://{addr}"),
            clock: None,
            database_url: database_url.to_string(),
            client: Client::builder()
                .redirect(redirect::Policy::none())
                .build()
                .unwrap(),
            _dir: dir,
        }
    }

    /// Every mail in the outbox, as text.
    pub fn mails(&self) -> Vec<String> {
        std::fs::read_dir(self._dir.path().join("outbox"))
            .map(|dir| {
                dir.filter_map(|e| e.ok())
                    .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                    .map(|raw| raw.replace("=\r\n", "").replace("=3D", "="))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Every mail in the outbox as written, newest last (for decoding bodies that are not
    /// quoted-printable).
    pub fn raw_mails(&self) -> Vec<String> {
        let mut files: Vec<_> = std::fs::read_dir(self._dir.path().join("outbox"))
            .map(|dir| dir.filter_map(|e| e.ok()).collect())
            .unwrap_or_default();
        files.sort_by_key(|e| e.metadata().and_then(|m| m.modified()).ok());
        files
            .iter()
            .filter_map(|e| std::fs::read_to_string(e.path()).ok())
            .collect()
    }

    /// The newest mail in the outbox, as text.
    pub fn last_mail(&self) -> String {
        let outbox = self._dir.path().join("outbox");
        let newest = std::fs::read_dir(&outbox)
            .expect("outbox exists")
            .filter_map(|e| e.ok())
            .max_by_key(|e| e.metadata().and_then(|m| m.modified()).ok())
            .expect("a mail was sent");
        let raw = std::fs::read_to_string(newest.path()).unwrap();
        // Undo quoted-printable: soft line breaks and the escaped '='.
        raw.replace("=\r\n", "").replace("=3D", "=")
    }

    /// The single-use link (`/invite?token=…` or `/reset?token=…`) in the newest mail.
    pub fn last_mail_token(&self) -> String {
        let mail = self.last_mail();
        let start = mail.find("token=").expect("a link with a token") + "token=".len();
        mail[start..]
            .chars()
            .take_while(|c| c.is_ascii_hexdigit())
            .collect()
    }

    /// Calls a server function as the JS client does (form body, JSON answer).
    pub async fn call(
        &self,
        endpoint: &str,
        form: &[(&str, &str)],
        cookie: Option<&str>,
    ) -> Response {
        let mut request = self
            .client
            .post(format!("{}/api/{endpoint}", self.base))
            .header(ACCEPT, "application/json")
            .form(form);
        if let Some(cookie) = cookie {
            request = request.header(COOKIE, cookie);
        }
        request.send().await.expect("request sent")
    }

    /// A page visit, as a browser makes it.
    pub async fn get(&self, path: &str, cookie: Option<&str>) -> Response {
        let mut request = self
            .client
            .get(format!("{}{path}", self.base))
            .header(ACCEPT, "text/html,application/xhtml+xml,*/*;q=0.8");
        if let Some(cookie) = cookie {
            request = request.header(COOKIE, cookie);
        }
        request.send().await.expect("request sent")
    }

    /// A page's HTML as an anonymous browser that prefers `languages` (`Accept-Language`).
    pub async fn page_in(&self, path: &str, languages: &str) -> String {
        self.client
            .get(format!("{}{path}", self.base))
            .header(reqwest::header::ACCEPT_LANGUAGE, languages)
            .send()
            .await
            .expect("request sent")
            .text()
            .await
            .expect("a page")
    }

    pub async fn login_raw(&self, email: &str, password: &str) -> Response {
        self.call("login", &[("email", email), ("password", password)], None)
            .await
    }

    /// Signs in a demo company's contact and returns the session cookie.
    pub async fn login_as(&self, company_name: &str) -> String {
        let response = self
            .login_raw(contact_email(company_name), DEMO_PASSWORD)
            .await;
        assert_eq!(response.status(), StatusCode::OK, "demo login works");
        session_cookie(response.headers()).expect("login sets a session cookie")
    }

    /// Signs the demo admin in (password, then a code of its authenticator app: admin pages
    /// need a second factor) and returns the session cookie.
    pub async fn login_admin(&self) -> String {
        let response = self.login_raw(DEMO_ADMIN_EMAIL, DEMO_PASSWORD).await;
        assert_eq!(
            response.status(),
            StatusCode::OK,
            "demo admin password works"
        );
        let pending = session_cookie(response.headers()).expect("login sets a session cookie");
        let code = self.next_admin_code();
        let response = self
            .call("verify_second_factor", &[("code", &code)], Some(&pending))
            .await;
        assert_eq!(response.status(), StatusCode::OK, "demo admin code works");
        session_cookie(response.headers()).expect("the second step sets a new session cookie")
    }

    /// The server's time now (its clock, when it runs in this process).
    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock
            .as_ref()
            .map_or_else(chrono::Utc::now, |clock| clock.now())
    }

    /// A code of the demo admin's app that the server has not accepted yet. A code works once
    /// (its 30-second step is spent); the server accepts the steps around now, and this takes
    /// the current one or the next (never the one before: a step boundary passing on the way
    /// would push it out of the window). When those are used up the server's clock moves on
    /// (or, out of process, the test waits).
    pub fn next_admin_code(&self) -> String {
        static SPENT: std::sync::Mutex<Vec<(String, i64)>> = std::sync::Mutex::new(Vec::new());
        let mut spent = SPENT.lock().unwrap();
        let last = spent
            .iter()
            .find(|(db, _)| *db == self.database_url)
            .map(|(_, step)| *step);
        let mut now_step = self.now().timestamp() / 30;
        let step = last.map_or(now_step, |last| (last + 1).max(now_step));
        if step > now_step + 1 {
            let wait =
                std::time::Duration::from_secs(30 * u64::try_from(step - now_step - 1).unwrap());
            match &self.clock {
                Some(clock) => clock.advance(chrono::Duration::from_std(wait).unwrap()),
                None => std::thread::sleep(wait),
            }
            now_step = self.now().timestamp() / 30;
            assert!(step <= now_step + 1);
        }
        spent.retain(|(db, _)| *db != self.database_url);
        spent.push((self.database_url.clone(), step));
        app::second_factor::totp::code_at(DEMO_ADMIN_TOTP_SECRET, step * 30).unwrap()
    }

    pub async fn company_id(&self, name: &str) -> i64 {
        self.count(&format!("SELECT id FROM companies WHERE name = '{name}'"))
            .await
    }

    pub async fn dashboard(&self, cookie: Option<&str>) -> (StatusCode, serde_json::Value) {
        let response = self.call("dashboard", &[], cookie).await;
        let status = response.status();
        (
            status,
            response.json().await.unwrap_or(serde_json::Value::Null),
        )
    }

    pub async fn db(&self) -> sqlx::AnyPool {
        sqlx::any::install_default_drivers();
        sqlx::AnyPool::connect(&self.database_url).await.unwrap()
    }
}

/// The admin form for the Standard plan as the demo has it (all areas but database and
/// integration, new versions included), with `percent` and a response target of
/// `response_days` business days.
pub fn standard_plan_form<'a>(
    percent: &'a str,
    response_days: &'a str,
) -> [(&'static str, &'a str); 10] {
    [
        ("tier", "standard"),
        ("percent", percent),
        ("min_licenses", "0"),
        ("response_amount", response_days),
        ("response_unit", "business_days"),
        ("includes_new_versions", "on"),
        ("deployment_and_adjusting", "on"),
        ("version_update", "on"),
        ("functional_features", "on"),
        ("reports_plugins_scripts", "on"),
    ]
}

/// SQL that stores a contract on today's terms of plan `tier`, bypassing the purchase flow
/// (for tests of what the schema itself allows or of data the old code wrote).
pub fn insert_contract_sql(company_id: i64, tier: &str, start: &str, end: &str) -> String {
    format!(
        "INSERT INTO contracts (company_id, plan_id, plan_tier, plan_name, percent_bp,
            includes_new_versions, includes_patches, min_licenses, response_target_amount,
            response_target_unit, covered_areas, start_date, end_date, years, signed_at)
         SELECT {company_id}, id, tier, name, percent_bp, includes_new_versions,
            includes_patches, min_licenses, response_target_amount, response_target_unit,
            '', '{start}', '{end}', 1, '2026-11-25T10:00:00Z' FROM plans WHERE tier = '{tier}'"
    )
}

/// A server function's answer: status and JSON body.
pub struct Answer {
    pub status: StatusCode,
    pub body: serde_json::Value,
}

impl Answer {
    /// The rule refusal this answer carries (`{"Rule": {"R2TooFewLicenses": …}}`); panics,
    /// showing the answer, when it is anything else.
    pub fn violation(&self) -> domain::RuleViolation {
        serde_json::from_value(self.body["Rule"].clone())
            .unwrap_or_else(|_| panic!("a rule refusal, got {} {}", self.status, self.body))
    }
}

impl TestApp {
    pub async fn answer(&self, endpoint: &str, form: &[(&str, &str)], cookie: &str) -> Answer {
        let response = self.call(endpoint, form, Some(cookie)).await;
        let status = response.status();
        let body = response.json().await.unwrap_or(serde_json::Value::Null);
        Answer { status, body }
    }

    pub async fn support_quote(&self, cookie: &str, plan: &str, years: &str) -> Answer {
        self.answer("support_quote", &[("plan", plan), ("years", years)], cookie)
            .await
    }

    /// Quotes and confirms support in one go; returns the confirm's answer.
    pub async fn buy_support(&self, cookie: &str, plan: &str, years: &str) -> Answer {
        let quote = self.support_quote(cookie, plan, years).await;
        assert_eq!(quote.status, StatusCode::OK, "quote: {}", quote.body);
        self.confirm_support(cookie, plan, years, &quote.body).await
    }

    pub async fn confirm_support(
        &self,
        cookie: &str,
        plan: &str,
        years: &str,
        quote: &serde_json::Value,
    ) -> Answer {
        let digest = quote["digest"].as_str().unwrap();
        let key = quote["idempotency_key"].as_str().unwrap();
        self.answer(
            "buy_support",
            &[
                ("plan", plan),
                ("years", years),
                ("digest", digest),
                ("key", key),
            ],
            cookie,
        )
        .await
    }

    pub async fn license_quote(
        &self,
        cookie: &str,
        lines: &str,
        support: &str,
        plan: &str,
        years: &str,
    ) -> Answer {
        self.answer(
            "license_quote",
            &[
                ("lines", lines),
                ("support", support),
                ("plan", plan),
                ("years", years),
            ],
            cookie,
        )
        .await
    }

    pub async fn buy_licenses(
        &self,
        cookie: &str,
        lines: &str,
        support: &str,
        plan: &str,
        years: &str,
    ) -> Answer {
        let quote = self
            .license_quote(cookie, lines, support, plan, years)
            .await;
        assert_eq!(quote.status, StatusCode::OK, "quote: {}", quote.body);
        let digest = quote.body["digest"].as_str().unwrap();
        let key = quote.body["idempotency_key"].as_str().unwrap();
        self.answer(
            "buy_licenses",
            &[
                ("lines", lines),
                ("support", support),
                ("plan", plan),
                ("years", years),
                ("digest", digest),
                ("key", key),
            ],
            cookie,
        )
        .await
    }

    pub async fn count(&self, sql: &str) -> i64 {
        use sqlx::Row;
        sqlx::query(sql)
            .fetch_one(&self.db().await)
            .await
            .unwrap()
            .get::<i64, _>(0)
    }

    pub async fn product_id(&self, name: &str) -> i64 {
        self.count(&format!("SELECT id FROM products WHERE name = '{name}'"))
            .await
    }
}

/// A server running as its own OS process (the real binary), killed when dropped.
pub struct ServerProcess {
    pub app: TestApp,
    child: std::process::Child,
}

impl ServerProcess {
    /// Kills the server outright (SIGKILL: no shutdown, requests cut mid-flight).
    pub fn kill_9(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Stops the server as an operator does (SIGTERM) and waits for it to exit.
    pub fn terminate(&mut self) -> std::process::ExitStatus {
        let _ = std::process::Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        self.child.wait().expect("the server exits")
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl std::ops::Deref for ServerProcess {
    type Target = TestApp;
    fn deref(&self) -> &TestApp {
        &self.app
    }
}

/// Starts the `server` binary on the database of `app`, as a second machine would.
pub async fn spawn_process(app: &TestApp) -> ServerProcess {
    spawn_process_with(app, &[]).await
}

/// Like [`spawn_process`], with more environment variables (they win over the defaults).
pub async fn spawn_process_with(app: &TestApp, env: &[(&str, &str)]) -> ServerProcess {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_server"))
        .env("DATABASE_URL", &app.database_url)
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .env("PORTAL_TODAY", TODAY)
        .env("PORTAL_OUTBOX_DIR", app._dir.path().join("outbox"))
        .env("RUST_LOG", "warn")
        .env("PORTAL_WORKER", "0")
        .envs(env.iter().copied())
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("server binary starts");
    let process = ServerProcess {
        app: TestApp::attach(
            &app.database_url,
            ([127, 0, 0, 1], port).into(),
            app._dir.clone(),
        ),
        child,
    };
    for _ in 0..100 {
        if let Ok(response) = process
            .client
            .get(format!("{}/healthz", process.base))
            .send()
            .await
        {
            if response.status() == StatusCode::OK {
                return process;
            }
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("server process did not come up");
}

/// Polls every future at once on this task: enough concurrency to hit the server's pool.
pub async fn join_all<F: std::future::Future>(
    futures: impl IntoIterator<Item = F>,
) -> Vec<F::Output> {
    let handles: Vec<_> = futures.into_iter().map(Box::pin).collect();
    let mut outputs: Vec<Option<F::Output>> = handles.iter().map(|_| None).collect();
    let mut handles: Vec<_> = handles.into_iter().map(Some).collect();
    std::future::poll_fn(|cx| {
        let mut pending = false;
        for (slot, output) in handles.iter_mut().zip(outputs.iter_mut()) {
            if let Some(future) = slot {
                match future.as_mut().poll(cx) {
                    std::task::Poll::Ready(value) => {
                        *output = Some(value);
                        *slot = None;
                    }
                    std::task::Poll::Pending => pending = true,
                }
            }
        }
        if pending {
            std::task::Poll::Pending
        } else {
            std::task::Poll::Ready(())
        }
    })
    .await;
    outputs.into_iter().map(|o| o.unwrap()).collect()
}

impl TestApp {
    /// Asks for a password reset of `email` and returns the token of the mailed link.
    pub async fn reset_token(&self, email: &str) -> String {
        let requested = self
            .call("request_password_reset", &[("email", email)], None)
            .await;
        assert!(requested.status().is_success(), "{}", requested.status());
        self.last_mail_token()
    }

    /// `n` sign-ins of `email` with a wrong password, each refused as bad credentials.
    pub async fn fail_sign_ins(&self, email: &str, n: usize) {
        for _ in 0..n {
            let wrong = self.login_raw(email, "wrong-password").await;
            assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
        }
    }

    /// How many mails the server has written to the outbox.
    pub fn mail_count(&self) -> usize {
        std::fs::read_dir(self._dir.path().join("outbox"))
            .map(|dir| dir.count())
            .unwrap_or(0)
    }
}

/// Arguments that parse for every server function (one valid value per argument name), so
/// that a refusal comes from authorization or from the one argument a test changes.
pub const ANY_ARGS: &[(&str, &str)] = &[
    ("plan", "basic"),
    ("years", "1"),
    ("lines", "1:1"),
    ("support", "new"),
    ("digest", "x"),
    ("key", "0123456789abcdef"),
    ("product_id", "1"),
    ("id", "1"),
    ("company_id", "1"),
    ("search", ""),
    ("page", "0"),
    ("name", "X"),
    ("contact_name", "X"),
    ("contact_email", "x@x.example"),
    ("quantity", "1"),
    ("description", "x"),
    ("exception_id", "1"),
    ("invoice_number", "INV"),
    ("version", "1.0"),
    ("price", "1.00"),
    ("valid_from", "2030-01-01"),
    ("entry_id", "1"),
    ("tier", "basic"),
    ("percent", "10"),
    ("min_licenses", "0"),
    ("response_amount", "1"),
    ("response_unit", "business_days"),
    ("company", ""),
    ("actor", ""),
    ("kind", ""),
    ("from", ""),
    ("to", ""),
    ("area", "version_update"),
    ("subject", "x"),
    ("body", "x"),
    // The public sign-in and recovery functions; no account has this email.
    ("email", "x@x.example"),
    ("password", "x"),
    ("token", "x"),
    // Second factors (issue 20): a code no account's app shows, a credential no authenticator made.
    ("code", "x"),
    ("credential", "{}"),
    ("passkey_id", "1"),
    // Invoices (issue 12): billing and vendor details, payments, the invoice list.
    ("legal_name", "X"),
    ("address", "X"),
    ("country", "DE"),
    ("vat_number", ""),
    ("billing_emails", "x@x.example"),
    ("paid_on", "2026-01-01"),
    ("bank_reference", "x"),
    ("filter", ""),
    ("registration_number", ""),
    ("iban", "DE89370400440532013000"),
    ("bic", "COBADEFFXXX"),
    ("bank_name", "X"),
    ("payment_terms_days", "30"),
    ("vat_rate", "0"),
    ("vat_note", ""),
    ("footer", ""),
    ("status", ""),
    // Integrations (issue 17): API tokens, webhooks, CSV import.
    ("scope", "read"),
    ("days", "30"),
    ("url", "https://hooks.example/portal"),
    ("events", "order.placed"),
    (
        "csv",
        "company,contact_name,contact_email,product,quantity,version,plan,start,end\n",
    ),
];

/// Tables whose rows change on any request, hostile or not; a snapshot leaves them out.
const VOLATILE_TABLES: &[&str] = &[
    // CSV import reports (issue 17): every run, a dry run too, keeps its report for the page.
    "import_runs",
    // Sessions (tower-sessions): every request may refresh its session's expiry. On
    // PostgreSQL they live in their own schema, outside `public`, anyway.
    "tower_sessions",
    // Sign-in throttling: every failed sign-in is recorded, whatever was sent. The table is
    // being generalised; both the old and the possible new names are listed.
    "login_failures",
    "rate_events",
    "throttle_events",
    // Lockouts (throttling): hostile sign-ins may rightly lock an email or address out.
    "lockouts",
];

/// Audit entries that throttling writes (a lockout), which hostile sign-ins rightly cause:
/// exactly the one kind `throttle::Limit` records, so no other entry can slip through.
fn is_lockout_audit_kind(kind: &str) -> bool {
    kind == "throttled"
}

/// Every row of every table (as text, sorted), but for [`VOLATILE_TABLES`] and lockout
/// audit entries: compare two to prove that requests changed nothing.
pub type Snapshot = std::collections::BTreeMap<String, Vec<Vec<Option<String>>>>;

impl TestApp {
    pub async fn snapshot(&self) -> Snapshot {
        let db = self.db().await;
        let postgres = self.database_url.starts_with("postgres");
        let tables: Vec<(String,)> = sqlx::query_as(if postgres {
            "SELECT CAST(table_name AS TEXT) FROM information_schema.tables
              WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
        } else {
            "SELECT name FROM sqlite_master WHERE type = 'table'"
        })
        .fetch_all(&db)
        .await
        .unwrap();
        let mut snapshot = Snapshot::new();
        for (table,) in tables {
            if VOLATILE_TABLES.contains(&table.as_str()) {
                continue;
            }
            let columns: Vec<(String,)> = sqlx::query_as(if postgres {
                "SELECT CAST(column_name AS TEXT) FROM information_schema.columns
                  WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position"
            } else {
                "SELECT name FROM pragma_table_info($1) ORDER BY cid"
            })
            .bind(&table)
            .fetch_all(&db)
            .await
            .unwrap();
            // Every value as text (SQLite blobs as hex): the same code then reads every
            // column type of both engines.
            let select = columns
                .iter()
                .map(|(c,)| {
                    if postgres {
                        format!("CAST(\"{c}\" AS TEXT)")
                    } else {
                        format!(
                            "CASE WHEN typeof(\"{c}\") = 'blob' THEN hex(\"{c}\") \
                             ELSE CAST(\"{c}\" AS TEXT) END"
                        )
                    }
                })
                .collect::<Vec<_>>()
                .join(", ");
            let kind_column = columns.iter().position(|(c,)| c == "kind");
            let mut rows: Vec<Vec<Option<String>>> =
                sqlx::query(&format!("SELECT {select} FROM \"{table}\""))
                    .fetch_all(&db)
                    .await
                    .unwrap()
                    .iter()
                    .map(|row| {
                        use sqlx::Row;
                        (0..columns.len())
                            .map(|i| row.get::<Option<String>, _>(i))
                            .collect()
                    })
                    .filter(|row: &Vec<Option<String>>| {
                        let lockout = table == "audit_log"
                            && kind_column
                                .and_then(|k| row[k].as_deref())
                                .is_some_and(is_lockout_audit_kind);
                        !lockout
                    })
                    .collect();
            rows.sort();
            snapshot.insert(table, rows);
        }
        db.close().await;
        for table in ["companies", "contacts", "audit_log"] {
            assert!(
                snapshot.contains_key(table),
                "the snapshot reads the portal's tables, {table} too: {:?}",
                snapshot.keys()
            );
        }
        snapshot
    }
}

/// Fails with the rows that differ, table by table.
pub fn assert_same_database(before: &Snapshot, after: &Snapshot, context: &str) {
    if before == after {
        return;
    }
    let show = |row: &Vec<Option<String>>| {
        let text = format!("{row:?}");
        text.chars().take(300).collect::<String>()
    };
    let tables: std::collections::BTreeSet<&String> = before.keys().chain(after.keys()).collect();
    let mut report = String::new();
    for table in tables {
        let (old, new) = (before.get(table), after.get(table));
        if old == new {
            continue;
        }
        let (old, new) = (
            old.cloned().unwrap_or_default(),
            new.cloned().unwrap_or_default(),
        );
        for row in old.iter().filter(|r| !new.contains(r)).take(5) {
            report += &format!("\n  {table} lost     {}", show(row));
        }
        for row in new.iter().filter(|r| !old.contains(r)).take(5) {
            report += &format!("\n  {table} gained   {}", show(row));
        }
    }
    panic!("{context}: the database changed:{report}");
}

/// A fresh server whose configuration `adjust` changes first (e.g. `trust_proxy`).
pub async fn spawn_app_with(adjust: impl FnOnce(&mut Config)) -> TestApp {
    server::telemetry::init();
    let dir = std::sync::Arc::new(tempfile::tempdir().expect("temp dir"));
    let database_url = fresh_database(dir.path()).await;
    let mut config = config_for(&database_url, dir.path());
    adjust(&mut config);
    let app = Application::build(config).await.expect("server starts");
    let clock = app.clock();
    let mut test_app = TestApp::attach(&database_url, app.addr(), dir);
    test_app.clock = Some(clock);
    tokio::spawn(app.run_until_stopped());
    test_app
}

/// A server on the database at `database_url` (a test's own cluster), with the demo data.
pub async fn spawn_app_with_database(database_url: &str) -> TestApp {
    server::telemetry::init();
    let dir = std::sync::Arc::new(tempfile::tempdir().expect("temp dir"));
    let config = config_for(database_url, dir.path());
    let app = Application::build(config).await.expect("server starts");
    let clock = app.clock();
    let mut test_app = TestApp::attach(database_url, app.addr(), dir);
    test_app.clock = Some(clock);
    tokio::spawn(app.run_until_stopped());
    test_app
}
