//! The audit log: who changed what, when, with the state before and after.

use crate::store::{now_rfc3339, Conn, Db};

#[derive(Debug, Clone, Copy)]
pub enum Actor {
    Contact(i64),
    Admin(i64),
    System,
}

pub struct Entry<'a> {
    pub actor: Actor,
    pub company_id: Option<i64>,
    pub kind: &'a str,
    pub summary: String,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
}

pub async fn record(conn: &mut Conn, entry: Entry<'_>) -> Result<(), sqlx::Error> {
    let (actor_kind, actor_id) = match entry.actor {
        Actor::Contact(id) => ("contact", Some(id)),
        Actor::Admin(id) => ("admin", Some(id)),
        Actor::System => ("system", None),
    };
    sqlx::query(
        "INSERT INTO audit_log (at, actor_kind, actor_id, company_id, kind, summary, before_json,
                                after_json)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(now_rfc3339())
    .bind(actor_kind)
    .bind(actor_id)
    .bind(entry.company_id)
    .bind(entry.kind)
    .bind(entry.summary)
    .bind(entry.before.map(|v| v.to_string()))
    .bind(entry.after.map(|v| v.to_string()))
    .execute(conn)
    .await?;
    Ok(())
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AuditRecord {
    pub at: String,
    pub actor_kind: String,
    pub actor_name: Option<String>,
    pub kind: String,
    pub summary: String,
}

/// The company's history, newest first.
pub async fn for_company(db: &Db, company_id: i64) -> Result<Vec<AuditRecord>, sqlx::Error> {
    sqlx::query_as(
        "SELECT a.at, a.actor_kind,
                CASE a.actor_kind
                    WHEN 'contact' THEN (SELECT name FROM contacts WHERE id = a.actor_id)
                    WHEN 'admin' THEN (SELECT name FROM admins WHERE id = a.actor_id)
                END AS actor_name,
                a.kind, a.summary
           FROM audit_log a WHERE a.company_id = $1 ORDER BY a.id DESC",
    )
    .bind(company_id)
    .fetch_all(db)
    .await
}
