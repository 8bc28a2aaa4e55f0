//! Admins' personal access tokens for `/api/v1` (issue 17). The token is 32 random bytes,
//! shown once; only its BLAKE2 hash is stored, which is enough for a secret of that entropy
//! (no password-style slow hash needed) and lets a request be checked in one indexed read.

use blake2::{Blake2s256, Digest};
use chrono::{DateTime, Utc};

use super::{Conn, Db};

/// What a token may do: `Read` lists records; `Write` also grants licenses and declares
/// versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    Read,
    Write,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Read => "read",
            Scope::Write => "write",
        }
    }

    pub fn parse(s: &str) -> Option<Scope> {
        match s.trim() {
            "read" => Some(Scope::Read),
            "write" => Some(Scope::Write),
            _ => None,
        }
    }
}

/// The prefix every token starts with, so a leaked one is recognisable (secret scanners).
pub const PREFIX: &str = "spt_";

fn hash(token: &str) -> String {
    Blake2s256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A token as its owner's account page lists it (never the secret).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TokenRow {
    pub id: i64,
    pub name: String,
    pub scope: String,
    pub created_at: String,
    pub expires_at: String,
    pub revoked_at: Option<String>,
    pub last_used_at: Option<String>,
}

/// Creates a token for admin `admin_id` and returns it in clear (the only time it exists so).
pub async fn create(
    conn: &mut Conn,
    admin_id: i64,
    name: &str,
    scope: Scope,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> Result<String, sqlx::Error> {
    use argon2::password_hash::rand_core::{OsRng, RngCore};
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    let token = format!(
        "{PREFIX}{}",
        bytes.iter().map(|b| format!("{b:02x}")).collect::<String>()
    );
    sqlx::query(
        "INSERT INTO api_tokens (admin_id, name, token_hash, scope, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(admin_id)
    .bind(name)
    .bind(hash(&token))
    .bind(scope.as_str())
    .bind(now.to_rfc3339())
    .bind(expires_at.to_rfc3339())
    .execute(conn)
    .await?;
    Ok(token)
}

/// The tokens of admin `admin_id`, newest first.
pub async fn for_admin(db: &Db, admin_id: i64) -> Result<Vec<TokenRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, name, scope, created_at, expires_at, revoked_at, last_used_at
           FROM api_tokens WHERE admin_id = $1 ORDER BY id DESC",
    )
    .bind(admin_id)
    .fetch_all(db)
    .await
}

/// Revokes token `id` of admin `admin_id`; false when there is no such unrevoked token.
pub async fn revoke(
    conn: &mut Conn,
    admin_id: i64,
    id: i64,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE api_tokens SET revoked_at = $1
          WHERE id = $2 AND admin_id = $3 AND revoked_at IS NULL",
    )
    .bind(now.to_rfc3339())
    .bind(id)
    .bind(admin_id)
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Why a presented token does not work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    Unknown,
    Revoked,
    Expired,
}

/// A token's row as a request checks it: id, admin, scope, expiry, revocation, last use and
/// the admin's name.
type TokenCheck = (
    i64,
    i64,
    String,
    String,
    Option<String>,
    Option<String>,
    String,
);

/// The valid token `token`: its id, its admin (who must still be active) and its scope. Its
/// last use is recorded at most once a minute.
pub async fn authenticate(
    db: &Db,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Result<(i64, crate::principal::AdminPrincipal, Scope), Refused>, sqlx::Error> {
    let row: Option<TokenCheck> = sqlx::query_as(
        "SELECT t.id, t.admin_id, t.scope, t.expires_at, t.revoked_at, t.last_used_at, a.name
               FROM api_tokens t JOIN admins a ON a.id = t.admin_id AND a.active = 1
              WHERE t.token_hash = $1",
    )
    .bind(hash(token))
    .fetch_optional(db)
    .await?;
    let Some((id, admin_id, scope, expires_at, revoked_at, last_used_at, name)) = row else {
        return Ok(Err(Refused::Unknown));
    };
    if revoked_at.is_some() {
        return Ok(Err(Refused::Revoked));
    }
    let expired = DateTime::parse_from_rfc3339(&expires_at)
        .map(|at| at.with_timezone(&Utc) <= now)
        .unwrap_or(true);
    if expired {
        return Ok(Err(Refused::Expired));
    }
    let stale = last_used_at
        .and_then(|at| DateTime::parse_from_rfc3339(&at).ok())
        .is_none_or(|at| now - at.with_timezone(&Utc) >= chrono::Duration::minutes(1));
    if stale {
        sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2")
            .bind(now.to_rfc3339())
            .bind(id)
            .execute(&crate::store::writer(db))
            .await?;
    }
    let scope = Scope::parse(&scope).ok_or(sqlx::Error::Decode("token scope".into()))?;
    Ok(Ok((
        id,
        crate::principal::AdminPrincipal { admin_id, name },
        scope,
    )))
}
