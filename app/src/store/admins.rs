//! Vendor staff accounts.

use crate::principal::AdminPrincipal;
use crate::store::{now_rfc3339, Db};

pub async fn active_principal(
    db: &Db,
    admin_id: i64,
    epoch: i64,
) -> Result<Option<AdminPrincipal>, sqlx::Error> {
    let row: Option<(i64, String)> = sqlx::query_as(
        "SELECT id, name FROM admins WHERE id = $1 AND auth_epoch = $2 AND active = 1",
    )
    .bind(admin_id)
    .bind(epoch)
    .fetch_optional(db)
    .await?;
    Ok(row.map(|(admin_id, name)| AdminPrincipal { admin_id, name }))
}

/// Creates an admin, or resets the password and name of an existing one with this email;
/// returns its id.
pub async fn upsert(
    conn: &mut crate::store::Conn,
    name: &str,
    email: &str,
    password_hash: &str,
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO admins (name, email, password_hash, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (email) DO UPDATE
            SET name = $1, password_hash = $3, active = 1, auth_epoch = admins.auth_epoch + 1
         RETURNING id",
    )
    .bind(name)
    .bind(email.trim().to_lowercase())
    .bind(password_hash)
    .bind(now_rfc3339())
    .fetch_one(conn)
    .await
}
