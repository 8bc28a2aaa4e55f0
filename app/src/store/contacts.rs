//! Contacts: the one designated person per company (R3).

use crate::principal::ContactPrincipal;
use crate::store::Db;

use crate::principal::Role;
use crate::store::{now_rfc3339, Conn};

#[derive(Debug)]
pub struct Credentials {
    pub role: Role,
    pub id: i64,
    pub password_hash: Option<String>,
    pub auth_epoch: i64,
    /// The language the account chose (`en`, `uk`, `ru`), if it ever did.
    pub locale: Option<String>,
}

/// Credentials of the *active* account (contact, else admin) with this email, if any.
/// Emails are stored lowercased.
pub async fn credentials_by_email(
    db: &Db,
    email: &str,
) -> Result<Option<Credentials>, sqlx::Error> {
    let email = email.trim().to_lowercase();
    let contact: Option<(i64, Option<String>, i64, Option<String>)> = sqlx::query_as(
        "SELECT id, password_hash, auth_epoch, locale FROM contacts WHERE email = $1 AND active = 1",
    )
    .bind(&email)
    .fetch_optional(db)
    .await?;
    if let Some((id, password_hash, auth_epoch, locale)) = contact {
        return Ok(Some(Credentials {
            role: Role::Contact,
            id,
            password_hash,
            auth_epoch,
            locale,
        }));
    }
    let admin: Option<(i64, String, i64, Option<String>)> = sqlx::query_as(
        "SELECT id, password_hash, auth_epoch, locale FROM admins WHERE email = $1 AND active = 1",
    )
    .bind(&email)
    .fetch_optional(db)
    .await?;
    Ok(admin.map(|(id, hash, auth_epoch, locale)| Credentials {
        role: Role::Admin,
        id,
        password_hash: Some(hash),
        auth_epoch,
        locale,
    }))
}

/// R3: makes a new person the company's one active contact. The previous contact is disabled
/// and its epoch bumped in the same transaction, so its sessions stop working at once; the
/// partial unique index guarantees there is never a second active contact. Returns the new
/// contact's id. The new contact has no password until the invitation is accepted.
pub async fn assign(
    conn: &mut Conn,
    company_id: i64,
    name: &str,
    email: &str,
) -> Result<i64, sqlx::Error> {
    let email = email.trim().to_lowercase();
    sqlx::query(
        "UPDATE contacts SET active = 0, auth_epoch = auth_epoch + 1
          WHERE company_id = $1 AND active = 1",
    )
    .bind(company_id)
    .execute(&mut *conn)
    .await?;
    // Reassigning back to a former contact reactivates that account (emails are unique).
    let existing: Option<(i64,)> =
        sqlx::query_as("SELECT id FROM contacts WHERE email = $1 AND company_id = $2")
            .bind(&email)
            .bind(company_id)
            .fetch_optional(&mut *conn)
            .await?;
    if let Some((id,)) = existing {
        sqlx::query(
            "UPDATE contacts SET active = 1, name = $2, password_hash = NULL,
                                 auth_epoch = auth_epoch + 1 WHERE id = $1",
        )
        .bind(id)
        .bind(name.trim())
        .execute(&mut *conn)
        .await?;
        return Ok(id);
    }
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO contacts (company_id, name, email, created_at) VALUES ($1, $2, $3, $4)
         RETURNING id",
    )
    .bind(company_id)
    .bind(name.trim())
    .bind(&email)
    .bind(now_rfc3339())
    .fetch_one(&mut *conn)
    .await?;
    Ok(id)
}

/// Sets a new password and ends every existing session of the account.
pub async fn set_password(
    conn: &mut Conn,
    contact_id: i64,
    password_hash: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE contacts SET password_hash = $2, auth_epoch = auth_epoch + 1 WHERE id = $1",
    )
    .bind(contact_id)
    .bind(password_hash)
    .execute(conn)
    .await?;
    Ok(())
}

/// Ends all sessions of the company's contacts (the epoch in their sessions no longer matches).
pub async fn end_sessions(conn: &mut Conn, company_id: i64) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("UPDATE contacts SET auth_epoch = auth_epoch + 1 WHERE company_id = $1")
        .bind(company_id)
        .execute(conn)
        .await?;
    Ok(done.rows_affected())
}

/// The id of the company's active contact, if it has one (R3: at most one).
pub async fn active_of_company(
    conn: &mut Conn,
    company_id: i64,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar("SELECT id FROM contacts WHERE company_id = $1 AND active = 1")
        .bind(company_id)
        .fetch_optional(conn)
        .await
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ContactRecord {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub active: i64,
    pub has_password: i64,
}

pub async fn for_company(db: &Db, company_id: i64) -> Result<Vec<ContactRecord>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, name, email, active,
                CASE WHEN password_hash IS NULL THEN 0 ELSE 1 END AS has_password
           FROM contacts WHERE company_id = $1 ORDER BY active DESC, id DESC",
    )
    .bind(company_id)
    .fetch_all(db)
    .await
}

/// The active contact with this email (for password resets), with its name.
pub async fn active_by_email(db: &Db, email: &str) -> Result<Option<(i64, String)>, sqlx::Error> {
    sqlx::query_as("SELECT id, name FROM contacts WHERE email = $1 AND active = 1")
        .bind(email.trim().to_lowercase())
        .fetch_optional(db)
        .await
}

/// The name, email and `auth_epoch` of contact `id`, if still active (for mail sent later by
/// the job queue).
pub async fn active_by_id(db: &Db, id: i64) -> Result<Option<(String, String, i64)>, sqlx::Error> {
    sqlx::query_as("SELECT name, email, auth_epoch FROM contacts WHERE id = $1 AND active = 1")
        .bind(id)
        .fetch_optional(db)
        .await
}

/// The `auth_epoch` of contact `id` (it moves when the password is set or sessions end).
pub async fn epoch_of(conn: &mut Conn, id: i64) -> Result<i64, sqlx::Error> {
    let (epoch,): (i64,) = sqlx::query_as("SELECT auth_epoch FROM contacts WHERE id = $1")
        .bind(id)
        .fetch_one(conn)
        .await?;
    Ok(epoch)
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
