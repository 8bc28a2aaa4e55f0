//! An account's second factors (issue 20): its authenticator app (TOTP), recovery codes and
//! passkeys. Rows name the account by role and id (see migrations 0010).

use chrono::{DateTime, Utc};

use crate::principal::Role;
use crate::store::{Conn, Db};

/// Which factors an account has, for the policy and the security page.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub authenticator_app: bool,
    /// Unused recovery codes.
    pub recovery_codes_left: i64,
    pub passkeys: i64,
}

impl Summary {
    /// True when the account can prove a second factor (recovery codes alone do not count: they
    /// come with the app).
    pub fn any(&self) -> bool {
        self.authenticator_app || self.passkeys > 0
    }
}

/// Counts the account's factors, on the pool or inside a transaction (`&mut *tx`), where a
/// change re-counts what it may remove.
pub async fn summary<'c, E>(
    executor: E,
    role: Role,
    account_id: i64,
) -> Result<Summary, sqlx::Error>
where
    E: sqlx::Executor<'c, Database = sqlx::Any>,
{
    let (app, codes, passkeys): (i64, i64, i64) = sqlx::query_as(
        "SELECT
            (SELECT COUNT(*) FROM totp_factors WHERE account_role = $1 AND account_id = $2),
            (SELECT COUNT(*) FROM recovery_codes
              WHERE account_role = $1 AND account_id = $2 AND used_at IS NULL),
            (SELECT COUNT(*) FROM passkeys WHERE account_role = $1 AND account_id = $2)",
    )
    .bind(role.as_str())
    .bind(account_id)
    .fetch_one(executor)
    .await?;
    Ok(Summary {
        authenticator_app: app > 0,
        recovery_codes_left: codes,
        passkeys,
    })
}

/// The authenticator app's secret (base32) and the step of the last code it accepted.
pub async fn totp(
    conn: &mut Conn,
    role: Role,
    account_id: i64,
) -> Result<Option<(String, i64)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT secret, last_step FROM totp_factors WHERE account_role = $1 AND account_id = $2",
    )
    .bind(role.as_str())
    .bind(account_id)
    .fetch_optional(conn)
    .await
}

/// Saves a confirmed authenticator app; `step` is that of the code that confirmed it.
/// Fails on the primary key if the account already has one.
pub async fn add_totp(
    conn: &mut Conn,
    role: Role,
    account_id: i64,
    secret: &str,
    step: i64,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO totp_factors (account_role, account_id, secret, last_step, created_at)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(role.as_str())
    .bind(account_id)
    .bind(secret)
    .bind(step)
    .bind(now.to_rfc3339())
    .execute(conn)
    .await?;
    Ok(())
}

/// Spends the code of `step`: true if no code of this or a later step was accepted before. One
/// conditional update, so of two requests racing with the same code exactly one wins.
pub async fn spend_step(
    conn: &mut Conn,
    role: Role,
    account_id: i64,
    step: i64,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE totp_factors SET last_step = $3
          WHERE account_role = $1 AND account_id = $2 AND last_step < $3",
    )
    .bind(role.as_str())
    .bind(account_id)
    .bind(step)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Removes the authenticator app and the recovery codes that came with it.
pub async fn remove_totp(conn: &mut Conn, role: Role, account_id: i64) -> Result<(), sqlx::Error> {
    for sql in [
        "DELETE FROM totp_factors WHERE account_role = $1 AND account_id = $2",
        "DELETE FROM recovery_codes WHERE account_role = $1 AND account_id = $2",
    ] {
        sqlx::query(sql)
            .bind(role.as_str())
            .bind(account_id)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Replaces every recovery code of the account by these (hashed) ones.
pub async fn replace_recovery_codes(
    conn: &mut Conn,
    role: Role,
    account_id: i64,
    hashes: &[String],
) -> Result<(), sqlx::Error> {
    sqlx::query("DELETE FROM recovery_codes WHERE account_role = $1 AND account_id = $2")
        .bind(role.as_str())
        .bind(account_id)
        .execute(&mut *conn)
        .await?;
    for hash in hashes {
        sqlx::query(
            "INSERT INTO recovery_codes (account_role, account_id, code_hash) VALUES ($1, $2, $3)",
        )
        .bind(role.as_str())
        .bind(account_id)
        .bind(hash)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Spends an unused recovery code of the account: true once, false ever after.
pub async fn spend_recovery_code(
    conn: &mut Conn,
    role: Role,
    account_id: i64,
    hash: &str,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE recovery_codes SET used_at = $4
          WHERE account_role = $1 AND account_id = $2 AND code_hash = $3 AND used_at IS NULL",
    )
    .bind(role.as_str())
    .bind(account_id)
    .bind(hash)
    .bind(now.to_rfc3339())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A registered passkey, as the security page lists it.
#[derive(Debug, Clone)]
pub struct PasskeyRow {
    pub id: i64,
    pub name: String,
    pub created_at: String,
    pub last_used_at: Option<String>,
}

pub async fn passkeys(
    db: &Db,
    role: Role,
    account_id: i64,
) -> Result<Vec<PasskeyRow>, sqlx::Error> {
    let rows: Vec<(i64, String, String, Option<String>)> = sqlx::query_as(
        "SELECT id, name, created_at, last_used_at FROM passkeys
          WHERE account_role = $1 AND account_id = $2 ORDER BY id",
    )
    .bind(role.as_str())
    .bind(account_id)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, created_at, last_used_at)| PasskeyRow {
            id,
            name,
            created_at,
            last_used_at,
        })
        .collect())
}

/// The account's passkey credential ids (hex), which a new registration must not repeat.
pub async fn credential_ids(
    db: &Db,
    role: Role,
    account_id: i64,
) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT credential_id FROM passkeys WHERE account_role = $1 AND account_id = $2",
    )
    .bind(role.as_str())
    .bind(account_id)
    .fetch_all(db)
    .await
}

/// The user handle the account's passkeys carry, if it has any.
pub async fn user_handle(
    db: &Db,
    role: Role,
    account_id: i64,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT user_handle FROM passkeys WHERE account_role = $1 AND account_id = $2 LIMIT 1",
    )
    .bind(role.as_str())
    .bind(account_id)
    .fetch_optional(db)
    .await
}

/// A passkey found by its credential id, for sign-in.
#[derive(Debug, Clone)]
pub struct StoredPasskey {
    pub id: i64,
    pub role: Role,
    pub account_id: i64,
    pub user_handle: String,
    /// webauthn-rs's `Passkey` as JSON.
    pub passkey: String,
}

pub async fn passkey_by_credential(
    db: &Db,
    credential_id: &str,
) -> Result<Option<StoredPasskey>, sqlx::Error> {
    let row: Option<(i64, String, i64, String, String)> = sqlx::query_as(
        "SELECT id, account_role, account_id, user_handle, passkey FROM passkeys
          WHERE credential_id = $1",
    )
    .bind(credential_id)
    .fetch_optional(db)
    .await?;
    Ok(
        row.and_then(|(id, role, account_id, user_handle, passkey)| {
            Some(StoredPasskey {
                id,
                role: Role::parse(&role)?,
                account_id,
                user_handle,
                passkey,
            })
        }),
    )
}

/// A passkey to save, just registered.
pub struct NewPasskey<'a> {
    pub role: Role,
    pub account_id: i64,
    pub user_handle: &'a str,
    pub credential_id: &'a str,
    pub name: &'a str,
    pub passkey: &'a str,
}

pub async fn add_passkey(
    conn: &mut Conn,
    new: NewPasskey<'_>,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO passkeys
            (account_role, account_id, user_handle, credential_id, name, passkey, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(new.role.as_str())
    .bind(new.account_id)
    .bind(new.user_handle)
    .bind(new.credential_id)
    .bind(new.name)
    .bind(new.passkey)
    .bind(now.to_rfc3339())
    .execute(conn)
    .await?;
    Ok(())
}

/// Records a sign-in with the passkey and its updated state (signature counter).
pub async fn passkey_used(
    conn: &mut Conn,
    id: i64,
    passkey: &str,
    now: DateTime<Utc>,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE passkeys SET passkey = $2, last_used_at = $3 WHERE id = $1")
        .bind(id)
        .bind(passkey)
        .bind(now.to_rfc3339())
        .execute(conn)
        .await?;
    Ok(())
}

/// Removes one of the account's passkeys; false when it has no such passkey.
pub async fn remove_passkey(
    conn: &mut Conn,
    role: Role,
    account_id: i64,
    passkey_id: i64,
) -> Result<bool, sqlx::Error> {
    let done =
        sqlx::query("DELETE FROM passkeys WHERE id = $3 AND account_role = $1 AND account_id = $2")
            .bind(role.as_str())
            .bind(account_id)
            .bind(passkey_id)
            .execute(conn)
            .await?;
    Ok(done.rows_affected() == 1)
}

/// Locks the account's row until the transaction ends (PostgreSQL; SQLite's `BEGIN IMMEDIATE`
/// already serializes writers), so that two removals cannot both see the other's factor.
pub async fn lock_account(conn: &mut Conn, role: Role, account_id: i64) -> Result<(), sqlx::Error> {
    if conn.backend_name() == "PostgreSQL" {
        let sql = match role {
            Role::Contact => "SELECT id FROM contacts WHERE id = $1 FOR UPDATE",
            Role::Admin => "SELECT id FROM admins WHERE id = $1 FOR UPDATE",
        };
        sqlx::query(sql).bind(account_id).execute(conn).await?;
    }
    Ok(())
}

/// Removes every second factor of the account (an admin's reset of a contact's).
pub async fn remove_all(conn: &mut Conn, role: Role, account_id: i64) -> Result<(), sqlx::Error> {
    remove_totp(&mut *conn, role, account_id).await?;
    sqlx::query("DELETE FROM passkeys WHERE account_role = $1 AND account_id = $2")
        .bind(role.as_str())
        .bind(account_id)
        .execute(conn)
        .await?;
    Ok(())
}

/// The `auth_epoch` of the account if it is active (a passkey of a disabled contact signs
/// nobody in).
pub async fn active_epoch(
    db: &Db,
    role: Role,
    account_id: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let sql = match role {
        Role::Contact => "SELECT auth_epoch FROM contacts WHERE id = $1 AND active = 1",
        Role::Admin => "SELECT auth_epoch FROM admins WHERE id = $1 AND active = 1",
    };
    sqlx::query_scalar(sql)
        .bind(account_id)
        .fetch_optional(db)
        .await
}

/// The email of the account (what authenticator apps and passkey pickers show).
pub async fn email(db: &Db, role: Role, account_id: i64) -> Result<String, sqlx::Error> {
    let sql = match role {
        Role::Contact => "SELECT email FROM contacts WHERE id = $1",
        Role::Admin => "SELECT email FROM admins WHERE id = $1",
    };
    sqlx::query_scalar(sql).bind(account_id).fetch_one(db).await
}
