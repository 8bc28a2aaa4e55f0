//! Database connection and migrations.

use std::str::FromStr;

use sqlx::any::AnyPoolOptions;
use sqlx::migrate::Migrator;
use sqlx::sqlite::{SqliteConnectOptions, SqlitePool, SqlitePoolOptions};
use sqlx::AnyPool;

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("../migrations/sqlite");

/// The pools the server needs: `app` is what server functions query (sqlx `Any`, one code path
/// for every backend); `sessions` is the typed pool tower-sessions' store requires.
#[derive(Clone)]
pub struct Pools {
    pub app: AnyPool,
    pub sessions: SqlitePool,
}

/// Connects, creating the SQLite file if missing, and applies pending migrations (idempotent).
pub async fn connect_and_migrate(database_url: &str) -> Result<Pools, sqlx::Error> {
    sqlx::any::install_default_drivers();
    let options = SqliteConnectOptions::from_str(database_url)?
        .create_if_missing(true)
        // WAL lets readers proceed while one writer commits; persistent in the file.
        .journal_mode(sqlx::sqlite::SqliteJournalMode::Wal)
        .foreign_keys(true);
    // Open once through the typed driver so the file exists with WAL set before `Any` opens it.
    let sessions = SqlitePoolOptions::new()
        .max_connections(4)
        .connect_with(options)
        .await?;
    let app = AnyPoolOptions::new()
        .max_connections(8)
        .connect(database_url)
        .await?;
    SQLITE_MIGRATIONS.run(&app).await?;
    Ok(Pools { app, sessions })
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
    let pools = connect_and_migrate(database_url).await?;
    let hash = app::auth::password::hash_blocking(password);
    app::store::admins::upsert(&pools.app, name, email, &hash).await?;
    Ok(())
}
