//! Single-use links (invitation, password reset). Only a hash of the token is stored, so a
//! database leak does not hand out working links.

use blake2::{Blake2s256, Digest};
use chrono::{DateTime, Duration, Utc};

use crate::store::Conn;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Invitation,
    PasswordReset,
}

impl Purpose {
    fn as_str(self) -> &'static str {
        match self {
            Purpose::Invitation => "invitation",
            Purpose::PasswordReset => "password_reset",
        }
    }

    /// How long a link works.
    pub fn lifetime(self) -> Duration {
        match self {
            Purpose::Invitation => Duration::hours(72),
            Purpose::PasswordReset => Duration::hours(2),
        }
    }
}

fn hash(token: &str) -> String {
    Blake2s256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Issues a new token for the contact and returns it (the only time it exists in clear).
pub async fn issue(
    conn: &mut Conn,
    contact_id: i64,
    purpose: Purpose,
    now: DateTime<Utc>,
) -> Result<String, sqlx::Error> {
    use argon2::password_hash::rand_core::{OsRng, RngCore};
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    let token: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    sqlx::query(
        "INSERT INTO auth_tokens (token_hash, purpose, contact_id, expires_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(hash(&token))
    .bind(purpose.as_str())
    .bind(contact_id)
    .bind((now + purpose.lifetime()).to_rfc3339())
    .execute(conn)
    .await?;
    Ok(token)
}

/// Voids every unused link of a contact (after one was used to set the password): an
/// invitation mailed by the queue and the one shown to the admin, or several reset requests,
/// must not leave a second way in open.
pub async fn void_open(
    conn: &mut Conn,
    contact_id: i64,
    now: DateTime<Utc>,
) -> Result<u64, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE auth_tokens SET used_at = $2 WHERE contact_id = $1 AND used_at IS NULL",
    )
    .bind(contact_id)
    .bind(now.to_rfc3339())
    .execute(conn)
    .await?;
    Ok(done.rows_affected())
}

/// The contact a still-valid token belongs to (unused, unexpired, contact active).
pub async fn peek(
    conn: &mut Conn,
    token: &str,
    purpose: Purpose,
    now: DateTime<Utc>,
) -> Result<Option<(i64, i64)>, sqlx::Error> {
    let row: Option<(i64, i64, String)> = sqlx::query_as(
        "SELECT t.id, t.contact_id, t.expires_at FROM auth_tokens t
           JOIN contacts c ON c.id = t.contact_id
          WHERE t.token_hash = $1 AND t.purpose = $2 AND t.used_at IS NULL AND c.active = 1",
    )
    .bind(hash(token))
    .bind(purpose.as_str())
    .fetch_optional(conn)
    .await?;
    Ok(row.and_then(|(id, contact_id, expires_at)| {
        let expires: DateTime<Utc> = expires_at.parse().ok()?;
        (now < expires).then_some((id, contact_id))
    }))
}

/// Marks the token used; false if it was used meanwhile (a concurrent second use).
pub async fn consume(
    conn: &mut Conn,
    token_id: i64,
    now: DateTime<Utc>,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE auth_tokens SET used_at = $2 WHERE id = $1 AND used_at IS NULL")
        .bind(token_id)
        .bind(now.to_rfc3339())
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}
