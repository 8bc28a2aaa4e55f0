//! Issue 18 (first part): SQLite's settings, a clean shutdown that leaves no WAL behind, and
//! online backups that hold only whole orders.

use reqwest::StatusCode;
use sqlx::Row;

use crate::common::*;

#[tokio::test]
async fn sqlite_connections_run_with_the_documented_settings() {
    if is_postgres() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/settings.db", dir.path().display());
    let pools = server::db::connect_and_migrate(&url, &server::db::DbSettings::default())
        .await
        .unwrap();
    // One connection of the app's pool, read back setting by setting.
    let mut conn = pools.app.acquire().await.unwrap();
    let mut settings = Vec::new();
    for name in [
        "journal_mode",
        "synchronous",
        "foreign_keys",
        "busy_timeout",
    ] {
        let row = sqlx::query(&format!("PRAGMA {name}"))
            .fetch_one(&mut *conn)
            .await
            .unwrap();
        let value = row
            .try_get::<String, _>(0)
            .or_else(|_| row.try_get::<i64, _>(0).map(|n| n.to_string()))
            .unwrap();
        settings.push(value);
    }
    // synchronous 2 is FULL.
    assert_eq!(settings, ["wal", "2", "1", "5000"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_clean_shutdown_folds_the_wal_into_the_database_file() {
    if is_postgres() {
        return;
    }
    let app = spawn_app().await;
    let mut process = spawn_process(&app).await;
    let boris = process.login_as("Contoso Logistics").await;
    let order = process.buy_support(&boris, "standard", "1").await;
    assert_eq!(order.status, StatusCode::OK, "{}", order.body);
    let file = app
        .database_url
        .trim_start_matches("sqlite://")
        .split('?')
        .next()
        .unwrap()
        .to_string();
    let wal = format!("{file}-wal");
    let before = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
    assert!(before > 0, "the order is in the WAL while the server runs");
    let status = process.terminate();
    assert!(status.success(), "a clean exit: {status}");
    let after = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
    println!("WAL: {before} bytes while serving, {after} after a clean stop");
    assert_eq!(after, 0, "the WAL is folded into {file}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_taken_during_a_purchase_storm_opens_and_holds_only_whole_orders() {
    if is_postgres() {
        return;
    }
    let app = spawn_app().await;
    let companies = [
        "Contoso Logistics",
        "Northwind Trading",
        "Litware Studios",
        "Adventure Works",
    ];
    let mut cookies = Vec::new();
    for company in companies {
        cookies.push(app.login_as(company).await);
    }
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("backup.db").display().to_string();
    // Each company renews (or buys) support again and again while the backup runs.
    let app = &app;
    let storm = async {
        let rounds = cookies.iter().map(|cookie| async move {
            let mut placed = 0;
            for _ in 0..6 {
                if app.buy_support(cookie, "basic", "1").await.status == StatusCode::OK {
                    placed += 1;
                }
            }
            placed
        });
        join_all(rounds).await.into_iter().sum::<i32>()
    };
    let backup = async {
        tokio::time::sleep(std::time::Duration::from_millis(150)).await;
        server::db::backup(&app.database_url, &copy)
            .await
            .map_err(|e| e.to_string())
    };
    let (placed, backed_up) = tokio::join!(storm, backup);
    backed_up.expect("the backup runs beside the purchases");
    assert!(placed > 0);

    sqlx::any::install_default_drivers();
    let copy_db = sqlx::AnyPool::connect(&format!("sqlite://{copy}"))
        .await
        .unwrap();
    let check: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&copy_db)
        .await
        .unwrap();
    assert_eq!(check, "ok");
    // Whole orders only, with gapless invoice numbers, as after a kill -9.
    let orders = assert_orders_whole(&copy_db).await;
    println!("backup during {placed} purchases holds {orders} whole orders");

    // A backup never overwrites: the same path again is refused, saying why.
    let again = server::db::backup(&app.database_url, &copy).await;
    let refusal = again
        .expect_err("a second backup to the same path")
        .to_string();
    assert_eq!(refusal, format!("{copy} exists; choose a new file"));
}

/// Every order is whole: lines, invoice, contract and audit entry, and invoice numbers run
/// 1..=orders without a gap or a repeat. Returns the number of orders.
async fn assert_orders_whole(db: &sqlx::AnyPool) -> i64 {
    let count = |sql: &'static str| async move {
        sqlx::query_scalar::<_, i64>(sql)
            .fetch_one(db)
            .await
            .unwrap()
    };
    let orders = count("SELECT COUNT(*) FROM orders").await;
    assert_eq!(
        count("SELECT COUNT(*) FROM invoices").await,
        orders,
        "every order has its invoice"
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = o.id)").await,
        0,
        "every order has its lines"
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM orders o WHERE o.contract_id IS NULL OR NOT EXISTS (SELECT 1 FROM contracts k WHERE k.id = o.contract_id)").await,
        0,
        "every order has its contract"
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM audit_log WHERE kind IN ('new_support', 'renewal', 'add_licenses')").await,
        orders,
        "every order has its audit entry"
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM idempotency_keys WHERE order_id IS NOT NULL").await,
        orders,
        "every order has its key"
    );
    let numbers: Vec<String> = sqlx::query_scalar("SELECT number FROM invoices ORDER BY number")
        .fetch_all(db)
        .await
        .unwrap();
    let expected: Vec<String> = (1..=orders).map(|n| format!("INV-2026-{n:06}")).collect();
    assert_eq!(numbers, expected, "invoice numbers without gaps or repeats");
    orders
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_in_a_storm_of_confirms_leaves_whole_orders_and_replays_cleanly() {
    let app = spawn_app().await;
    let mut process = spawn_process(&app).await;
    let companies = [
        "Contoso Logistics",
        "Northwind Trading",
        "Litware Studios",
        "Adventure Works",
    ];
    // Per company: a quote, then 25 keys each confirmed twice at once (200 confirms).
    let mut confirms: Vec<(String, Vec<(&'static str, String)>)> = Vec::new();
    for (c, company) in companies.iter().enumerate() {
        let cookie = process.login_as(company).await;
        let quote = process.support_quote(&cookie, "basic", "1").await;
        assert_eq!(quote.status, StatusCode::OK, "{}", quote.body);
        let digest = quote.body["digest"].as_str().unwrap().to_string();
        for k in 0..25 {
            let form = vec![
                ("plan", "basic".to_string()),
                ("years", "1".to_string()),
                ("digest", digest.clone()),
                ("key", format!("{:016x}", c * 1000 + k + 1)),
            ];
            confirms.push((cookie.clone(), form.clone()));
            confirms.push((cookie.clone(), form));
        }
    }
    let send = |base: String, cookie: String, form: Vec<(&'static str, String)>| {
        let client = reqwest::Client::new();
        async move {
            let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
            client
                .post(format!("{base}/api/buy_support"))
                .header(reqwest::header::COOKIE, cookie)
                .header(reqwest::header::ACCEPT, "application/json")
                .form(&form)
                .send()
                .await
                .map(|r| r.status())
        }
    };
    let base = process.base.clone();
    let storm = join_all(
        confirms
            .iter()
            .map(|(cookie, form)| send(base.clone(), cookie.clone(), form.clone())),
    );
    // Killed as soon as the first orders are committed, with the rest still in flight.
    let watcher = app.db().await;
    let killer = async {
        for _ in 0..400 {
            let placed: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM orders")
                .fetch_one(&watcher)
                .await
                .unwrap();
            if placed >= 2 {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
        process.kill_9();
    };
    let (answers, ()) = tokio::join!(storm, killer);
    let cut = answers.iter().filter(|a| a.is_err()).count();
    let server_errors = answers
        .iter()
        .filter(|a| a.as_ref().is_ok_and(|s| s.is_server_error()))
        .count();
    assert_eq!(server_errors, 0, "no 5xx before the kill");

    // Restarted on the same database: whole orders only.
    let restarted = spawn_process(&app).await;
    let db = app.db().await;
    let orders = assert_orders_whole(&db).await;

    // Every confirm again, same key, same form: the order it made, or a clean refusal.
    let placed: std::collections::BTreeMap<String, i64> = sqlx::query_as::<_, (String, i64)>(
        "SELECT key, order_id FROM idempotency_keys WHERE order_id IS NOT NULL",
    )
    .fetch_all(&db)
    .await
    .unwrap()
    .into_iter()
    .collect();
    let mut replayed_orders = std::collections::BTreeSet::new();
    for (cookie, form) in &confirms {
        let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let answer = restarted.answer("buy_support", &fields, cookie).await;
        assert!(
            answer.status == StatusCode::OK || answer.status.is_client_error(),
            "{}: {}",
            answer.status,
            answer.body
        );
        let key = &form[3].1;
        if let Some(order) = placed.get(key) {
            assert_eq!(
                answer.status,
                StatusCode::OK,
                "key {key} placed order {order}"
            );
            assert_eq!(
                answer.body.as_i64(),
                Some(*order),
                "key {key} answers its own order"
            );
        }
        if answer.status == StatusCode::OK {
            replayed_orders.insert(answer.body.as_i64().expect("an order id"));
        }
    }
    let after = assert_orders_whole(&db).await;
    println!(
        "kill -9 during 200 confirms: {cut} cut off, {orders} orders whole after restart, {after} after replaying every key ({} distinct orders answered)",
        replayed_orders.len()
    );
    // A replay of a key that placed an order answers that order, never a second one.
    assert_eq!(after as usize, replayed_orders.len().max(orders as usize));
}

/// A PostgreSQL cluster of this test's own (the suite's shared one must not go down under the
/// other tests), started and stopped with Debian's `pg_ctl`.
struct OwnPostgres {
    dir: tempfile::TempDir,
    bin: String,
    port: u16,
}

impl OwnPostgres {
    fn ctl(&self, args: &[&str]) -> bool {
        let pg_ctl = format!("{}/pg_ctl", self.bin);
        let mut command = if is_root() {
            let mut c = std::process::Command::new("runuser");
            c.args(["-u", "postgres", "--", &pg_ctl]);
            c
        } else {
            std::process::Command::new(&pg_ctl)
        };
        command
            .args(["-D", &format!("{}/data", self.dir.path().display())])
            .args(args)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    }

    fn start(&self) {
        let log = format!("{}/server.log", self.dir.path().display());
        let options = format!(
            "-c listen_addresses=127.0.0.1 -p {} -k {} -c fsync=off",
            self.port,
            self.dir.path().display()
        );
        assert!(
            self.ctl(&["-l", &log, "-w", "-o", &options, "start"]),
            "PostgreSQL starts"
        );
    }

    fn stop(&self) {
        assert!(self.ctl(&["-m", "fast", "-w", "stop"]), "PostgreSQL stops");
    }

    fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }
}

impl Drop for OwnPostgres {
    fn drop(&mut self) {
        let _ = self.ctl(&["-m", "immediate", "stop"]);
    }
}

fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0"))
}

fn own_postgres() -> Option<OwnPostgres> {
    let bin = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| format!("{}/bin", e.path().display()))
        .filter(|bin| std::path::Path::new(&format!("{bin}/initdb")).exists())
        .max()?;
    let dir = tempfile::tempdir().ok()?;
    if is_root() {
        let _ = std::process::Command::new("chown")
            .args(["postgres", &dir.path().display().to_string()])
            .status();
    }
    let initdb = format!("{bin}/initdb");
    let data = format!("{}/data", dir.path().display());
    let mut command = if is_root() {
        let mut c = std::process::Command::new("runuser");
        c.args(["-u", "postgres", "--", &initdb]);
        c
    } else {
        std::process::Command::new(&initdb)
    };
    let made = command
        .args(["-D", &data, "-A", "trust", "-U", "postgres"])
        .stdout(std::process::Stdio::null())
        .status()
        .ok()?;
    if !made.success() {
        return None;
    }
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .ok()?
        .local_addr()
        .ok()?
        .port();
    let pg = OwnPostgres { dir, bin, port };
    pg.start();
    Some(pg)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_restarting_under_load_gets_quick_503s_and_the_same_process_recovers() {
    // Runs in the PostgreSQL pass of the suite, on a cluster of its own.
    if !is_postgres() {
        return;
    }
    let pg = own_postgres().expect("Debian's PostgreSQL binaries (scripts/lib.sh installs them)");
    let app = spawn_app_with_database(&pg.url()).await;
    let boris = app.login_as("Contoso Logistics").await;
    let (status, _) = app.dashboard(Some(&boris)).await;
    assert_eq!(status, StatusCode::OK);

    // Load: a stream of dashboard and plan-page requests, all through the outage.
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let statuses = std::sync::Arc::new(std::sync::Mutex::new(Vec::<(u16, u128)>::new()));
    let mut load = Vec::new();
    for _ in 0..4 {
        let (client, base, cookie) = (app.client.clone(), app.base.clone(), boris.clone());
        let (stop, statuses) = (stop.clone(), statuses.clone());
        load.push(tokio::spawn(async move {
            while !stop.load(std::sync::atomic::Ordering::SeqCst) {
                let started = std::time::Instant::now();
                let answer = client
                    .post(format!("{base}/api/dashboard"))
                    .header(reqwest::header::COOKIE, &cookie)
                    .header(reqwest::header::ACCEPT, "application/json")
                    .send()
                    .await;
                let status = answer.map(|a| a.status().as_u16()).unwrap_or(0);
                statuses
                    .lock()
                    .unwrap()
                    .push((status, started.elapsed().as_millis()));
                tokio::time::sleep(std::time::Duration::from_millis(20)).await;
            }
        }));
    }
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    pg.stop();
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    let health = app.get("/healthz", None).await;
    assert_eq!(health.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(health.text().await.unwrap(), "database unavailable");
    let during = statuses.lock().unwrap().len();
    pg.start();
    // The same process recovers: healthz, then the dashboard, without a restart.
    let back = std::time::Instant::now();
    let mut recovered = false;
    while back.elapsed() < std::time::Duration::from_secs(30) {
        if app.get("/healthz", None).await.status() == StatusCode::OK
            && app.dashboard(Some(&boris)).await.0 == StatusCode::OK
        {
            recovered = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(
        recovered,
        "the server answers again once PostgreSQL is back"
    );
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    for task in load {
        task.await.unwrap();
    }
    let statuses = statuses.lock().unwrap().clone();
    let unavailable = statuses.iter().filter(|(s, _)| *s == 503).count();
    let others: Vec<_> = statuses
        .iter()
        .filter(|(s, _)| ![200, 503].contains(s))
        .collect();
    assert!(others.is_empty(), "only 200 and 503: {others:?}");
    assert!(unavailable > 0, "the outage was seen");
    // No request hangs past the statement timeout (10 s): a request waits at most the pool's
    // acquire timeout (5 s) for a connection that cannot be made, then gets its 503.
    let slowest = statuses.iter().map(|(_, ms)| *ms).max().unwrap_or(0);
    assert!(slowest < 7_000, "slowest answer {slowest} ms");
    println!(
        "PostgreSQL restart: {} answers ({during} before the restart began), {unavailable} were 503, slowest {slowest} ms, back {} ms after the start",
        statuses.len(),
        back.elapsed().as_millis()
    );
}
