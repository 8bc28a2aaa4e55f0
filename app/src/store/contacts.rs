//! Contacts: the one designated person per company (R3).

use crate::auth::ContactPrincipal;
use crate::store::Db;

#[derive(Debug, sqlx::FromRow)]
pub struct ContactCredentials {
    pub id: i64,
    pub password_hash: Option<String>,
    pub auth_epoch: i64,
}

/// Credentials of the *active* contact with this email, if any. Emails are stored lowercased.
pub async fn credentials_by_email(
    db: &Db,
    email: &str,
) -> Result<Option<ContactCredentials>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, password_hash, auth_epoch FROM contacts WHERE email = $1 AND active = 1",
    )
    .bind(email.trim().to_lowercase())
    .fetch_optional(db)
    .await
}

#[derive(sqlx::FromRow)]
struct PrincipalRow {
    id: i64,
    company_id: i64,
    name: String,
    company_name: String,
}

/// The contact behind a session, if it is still active and its epoch still matches.
pub async fn active_principal(
    db: &Db,
    contact_id: i64,
    epoch: i64,
) -> Result<Option<ContactPrincipal>, sqlx::Error> {
    let row: Option<PrincipalRow> = sqlx::query_as(
        "SELECT c.id, c.company_id, c.name, co.name AS company_name
           FROM contacts c JOIN companies co ON co.id = c.company_id
          WHERE c.id = $1 AND c.auth_epoch = $2 AND c.active = 1",
    )
    .bind(contact_id)
    .bind(epoch)
    .fetch_optional(db)
    .await?;
    Ok(row.map(|r| ContactPrincipal {
        contact_id: r.id,
        company_id: r.company_id,
        name: r.name,
        company_name: r.company_name,
    }))
}
