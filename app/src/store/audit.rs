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

/// Filters of the admin's audit view; an empty field matches everything.
pub struct Filter {
    /// Part of the company name.
    pub company: String,
    /// `contact`, `admin` or `system`.
    pub actor_kind: String,
    pub kind: String,
    /// Inclusive ISO dates.
    pub from: String,
    pub to: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AuditSearchRow {
    pub at: String,
    pub actor_kind: String,
    pub actor_name: Option<String>,
    pub company_name: Option<String>,
    pub kind: String,
    pub summary: String,
}

/// The newest 200 entries matching the filter.
pub async fn search(db: &Db, filter: &Filter) -> Result<Vec<AuditSearchRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT a.at, a.actor_kind,
                CASE a.actor_kind
                    WHEN 'contact' THEN (SELECT name FROM contacts WHERE id = a.actor_id)
                    WHEN 'admin' THEN (SELECT name FROM admins WHERE id = a.actor_id)
                END AS actor_name,
                co.name AS company_name, a.kind, a.summary
           FROM audit_log a LEFT JOIN companies co ON co.id = a.company_id
          WHERE ($1 = '' OR lower(COALESCE(co.name, '')) LIKE '%' || lower($1) || '%')
            AND ($2 = '' OR a.actor_kind = $2)
            AND ($3 = '' OR a.kind = $3)
            AND ($4 = '' OR a.at >= $4)
            AND ($5 = '' OR a.at < $5 || 'T99')
          ORDER BY a.id DESC LIMIT 200",
    )
    .bind(&filter.company)
    .bind(&filter.actor_kind)
    .bind(&filter.kind)
    .bind(&filter.from)
    .bind(&filter.to)
    .fetch_all(db)
    .await
}
