//! Database connection and migrations, for either engine: `DATABASE_URL` starting with
//! `postgres` selects PostgreSQL, anything else (a `sqlite:` URL) the embedded SQLite file.

use std::str::FromStr;
use std::time::Duration;

use sqlx::any::AnyPoolOptions;
use sqlx::migrate::{MigrateError, Migrator};
use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqlitePool, SqlitePoolOptions};
use sqlx::{AnyPool, Executor};

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("../migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("../migrations/postgres");

/// Pool and timeout settings (`PORTAL_DB_*` variables, see `Config`).
#[derive(Debug, Clone)]
pub struct DbSettings {
    pub max_connections: u32,
    /// PostgreSQL cancels any statement running longer (a stuck query must not hold locks).
    pub statement_timeout: Duration,
    /// Connection attempts at start-up, a second apart: the database may start after us.
    pub connect_attempts: u32,
    /// How long a request waits for a pooled connection before it is answered 503 with a
    /// retry hint (no transaction ever waits for a second connection, so waiting is only
    /// ever for other requests to finish).
    pub acquire_timeout: Duration,
}

impl Default for DbSettings {
    fn default() -> Self {
        Self {
            max_connections: 8,
            statement_timeout: Duration::from_secs(10),
            connect_attempts: 30,
            acquire_timeout: Duration::from_secs(5),
        }
    }
}

/// How long a SQLite statement waits for another connection's write lock before it fails
/// (then answered 503 with a retry hint).
pub const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The settings of every SQLite connection of the app's pool (issue 18):
/// - `journal_mode = WAL`: readers never wait for the writer; set in the file itself.
/// - `synchronous = FULL`: every commit is on disk before it is answered. NORMAL would be
///   faster and is safe against a crashed process, but a power cut could lose the last
///   commits: an order whose invoice number was already shown (or mailed) to the customer.
///   Money and invoice numbers are worth one fsync per commit.
/// - `foreign_keys = ON`: the schema's references are enforced (SQLite's default is off).
/// - `busy_timeout = 5000` ms: a writer waits for another's lock instead of failing at once.
pub const SQLITE_SETTINGS: &str = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; \
     PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;";

/// Copies the whole SQLite database to `path` while it is in use (`VACUUM INTO`: one read
/// transaction, so the copy is consistent: it holds every commit before it began and none
/// after). `path` must not exist. PostgreSQL is backed up with `pg_dump` (README).
pub async fn backup(database_url: &str, path: &str) -> Result<(), Box<dyn std::error::Error>> {
    if is_postgres(database_url) {
        return Err("PostgreSQL: use pg_dump --format=custom (see the README)".into());
    }
    if std::path::Path::new(path).exists() {
        return Err(format!("{path} exists; choose a new file").into());
    }
    let options = SqliteConnectOptions::from_str(database_url)?.busy_timeout(SQLITE_BUSY_TIMEOUT);
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await?;
    sqlx::query("VACUUM INTO $1")
        .bind(path)
        .execute(&pool)
        .await?;
    pool.close().await;
    Ok(())
}

/// Writes the WAL back into the database file and empties it: called on a clean shutdown, so
/// a stopped server leaves one self-contained file (a copy of `portal.db` alone is whole).
/// Returns false when a connection was still busy, so the WAL could not be emptied (SQLite
/// says so in the result row, not as an error).
pub async fn checkpoint(pool: &AnyPool) -> Result<bool, sqlx::Error> {
    let (busy, _, _): (i64, i64, i64) = sqlx::query_as("PRAGMA wal_checkpoint(TRUNCATE)")
        .fetch_one(pool)
        .await?;
    Ok(busy == 0)
}

/// The session store's pool: tower-sessions' stores are typed per engine.
#[derive(Clone)]
pub enum SessionPool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// The pools the server needs: `app` is what server functions query (sqlx `Any`, one code path
/// for both engines); `sessions` is the typed pool the session store requires.
#[derive(Clone)]
pub struct Pools {
    pub app: AnyPool,
    pub sessions: SessionPool,
}

pub fn is_postgres(database_url: &str) -> bool {
    database_url.starts_with("postgres:") || database_url.starts_with("postgresql:")
}

/// Connects (retrying while the database comes up), creating the SQLite file if missing, and
/// applies pending migrations. On PostgreSQL, sqlx holds an advisory lock while migrating, so
/// instances starting together migrate once.
pub async fn connect_and_migrate(
    database_url: &str,
    settings: &DbSettings,
) -> Result<Pools, sqlx::Error> {
    sqlx::any::install_default_drivers();
    let mut attempt = 1;
    loop {
        match connect(database_url, settings).await {
            Ok(pools) => return Ok(pools),
            Err(error) if attempt < settings.connect_attempts && is_unreachable(&error) => {
                tracing::warn!(%error, attempt, "database not reachable yet; retrying");
                tokio::time::sleep(Duration::from_secs(1)).await;
                attempt += 1;
            }
            Err(error) => return Err(error),
        }
    }
}

/// Worth waiting for: the server is not up yet, or (SQLite, which has no migration lock)
/// another instance holds the file or is migrating it right now; a retry then finds the
/// migration applied.
fn is_unreachable(error: &sqlx::Error) -> bool {
    match error {
        sqlx::Error::Io(_) | sqlx::Error::PoolTimedOut => true,
        sqlx::Error::Database(e) => is_busy(e.as_ref()),
        sqlx::Error::Migrate(e) => match &**e {
            MigrateError::Execute(sqlx::Error::Database(d))
            | MigrateError::ExecuteMigration(sqlx::Error::Database(d), _) => {
                // The other instance got there first: it created the table, or recorded the
                // migration a moment before us. Our transaction rolled back; a retry finds the
                // migration applied.
                is_busy(d.as_ref())
                    || d.message().contains("already exists")
                    || d.message().contains("_sqlx_migrations.version")
            }
            _ => false,
        },
        _ => false,
    }
}

fn is_busy(error: &dyn sqlx::error::DatabaseError) -> bool {
    error.code().as_deref() == Some("5")
}

async fn connect(database_url: &str, settings: &DbSettings) -> Result<Pools, sqlx::Error> {
    if is_postgres(database_url) {
        let timeout_ms = settings.statement_timeout.as_millis();
        let app = AnyPoolOptions::new()
            .max_connections(settings.max_connections)
            .acquire_timeout(settings.acquire_timeout)
            .after_connect(move |conn, _| {
                Box::pin(async move {
                    conn.execute(format!("SET statement_timeout = {timeout_ms}").as_str())
                        .await?;
                    Ok(())
                })
            })
            .connect(database_url)
            .await?;
        POSTGRES_MIGRATIONS.run(&app).await?;
        let sessions = PgPoolOptions::new()
            .max_connections(settings.max_connections.div_ceil(2))
            .acquire_timeout(settings.acquire_timeout)
            .connect(database_url)
            .await?;
        return Ok(Pools {
            app,
            sessions: SessionPool::Postgres(sessions),
        });
    }
    let options = SqliteConnectOptions::from_str(database_url)?
        .create_if_missing(true)
        // WAL lets readers proceed while one writer commits; persistent in the file.
        .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal)
        .synchronous(sqlx::sqlite::SqliteSynchronous::Full)
        .busy_timeout(SQLITE_BUSY_TIMEOUT)
        .foreign_keys(true);
    // Open once through the typed driver so the file exists with WAL set before `Any` opens it.
    // No ping before each use (sqlx's default): an in-process SQLite connection cannot have
    // gone away, and the ping is a round trip to the connection's thread (issue 18).
    let sessions = SqlitePoolOptions::new()
        .max_connections(4)
        .acquire_timeout(settings.acquire_timeout)
        .test_before_acquire(false)
        .connect_with(options)
        .await?;
    let app = AnyPoolOptions::new()
        .max_connections(settings.max_connections)
        .acquire_timeout(settings.acquire_timeout)
        .test_before_acquire(false)
        .after_connect(|conn, _| {
            Box::pin(async move {
                conn.execute(SQLITE_SETTINGS).await?;
                Ok(())
            })
        })
        .connect(database_url)
        .await?;
    SQLITE_MIGRATIONS.run(&app).await?;
    Ok(Pools {
        app,
        sessions: SessionPool::Sqlite(sessions),
    })
}

/// The documented way to make an admin account: `server create-admin <email> <name>`.
pub async fn create_admin(
    database_url: &str,
    email: &str,
    name: &str,
    password: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    if password.chars().count() < 12 {
        return Err("the password must have at least 12 characters".into());
    }
    let pools = connect_and_migrate(database_url, &DbSettings::default()).await?;
    let hash = app::auth::password::hash_blocking(password);
    // A reset is also the way back in for an admin who lost its second factor (issue 20): it
    // sets one up again after signing in. Password and factors change together or not at all.
    let mut tx = app::store::begin_write(&pools.app).await?;
    let id = app::store::admins::upsert(&mut tx, name, email, &hash).await?;
    app::store::second_factors::remove_all(&mut tx, app::principal::Role::Admin, id).await?;
    tx.commit().await?;
    Ok(())
}
