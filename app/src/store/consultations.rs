//! Consultation requests and their message threads (R5).

use crate::store::{now_rfc3339, Conn, Db};

pub struct NewRequest<'a> {
    pub company_id: i64,
    pub contact_id: i64,
    pub contract_id: i64,
    pub area_code: &'a str,
    pub subject: &'a str,
    pub description: &'a str,
}

pub async fn create(conn: &mut Conn, request: &NewRequest<'_>) -> Result<i64, sqlx::Error> {
    let now = now_rfc3339();
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO consultation_requests (company_id, contact_id, contract_id, area_code,
                                            subject, description, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
    )
    .bind(request.company_id)
    .bind(request.contact_id)
    .bind(request.contract_id)
    .bind(request.area_code)
    .bind(request.subject.trim())
    .bind(request.description.trim())
    .bind(now)
    .fetch_one(conn)
    .await?;
    Ok(id)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct RequestRow {
    pub id: i64,
    pub company_id: i64,
    pub company_name: String,
    pub contact_name: String,
    pub contact_email: String,
    pub area_code: String,
    pub subject: String,
    pub description: String,
    pub status: String,
    pub created_at: String,
    /// Time of the first admin message, if any.
    pub first_answer_at: Option<String>,
    pub plan_tier: String,
    /// The response target of the contract in force when the request was filed (R10), as
    /// signed: `business_hours` or `business_days` × amount.
    pub response_target_amount: i64,
    pub response_target_unit: String,
}

impl RequestRow {
    /// R10: the response target this request is held to, from its contract's signed terms.
    pub fn response_target(&self) -> Result<domain::ResponseTarget, sqlx::Error> {
        let amount = u32::try_from(self.response_target_amount).map_err(super::corrupt)?;
        Ok(match self.response_target_unit.as_str() {
            "business_hours" => domain::ResponseTarget::BusinessHours(amount),
            _ => domain::ResponseTarget::BusinessDays(amount),
        })
    }
}

const SELECT_REQUESTS: &str = "
    SELECT r.id, r.company_id, co.name AS company_name, c.name AS contact_name,
           c.email AS contact_email, r.area_code, r.subject, r.description, r.status, r.created_at,
           (SELECT MIN(m.created_at) FROM consultation_messages m
             WHERE m.request_id = r.id AND m.author_kind = 'admin') AS first_answer_at,
           k.plan_tier, k.response_target_amount, k.response_target_unit
      FROM consultation_requests r
      JOIN companies co ON co.id = r.company_id
      JOIN contacts c ON c.id = r.contact_id
      JOIN contracts k ON k.id = r.contract_id";

/// A company's requests, newest first.
pub async fn for_company(db: &Db, company_id: i64) -> Result<Vec<RequestRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{SELECT_REQUESTS} WHERE r.company_id = $1 ORDER BY r.id DESC"
    ))
    .bind(company_id)
    .fetch_all(db)
    .await
}

/// Every request not closed, for the admin queue (sorted by the caller, on deadlines).
pub async fn open_queue(db: &Db) -> Result<Vec<RequestRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{SELECT_REQUESTS} WHERE r.status <> 'closed' ORDER BY r.id"
    ))
    .fetch_all(db)
    .await
}

/// One request; with `company_id` only if it belongs to that company (contacts' view).
pub async fn find<'e>(
    db: impl sqlx::Executor<'e, Database = sqlx::Any>,
    request_id: i64,
    company_id: Option<i64>,
) -> Result<Option<RequestRow>, sqlx::Error> {
    let request: Option<RequestRow> = sqlx::query_as(&format!("{SELECT_REQUESTS} WHERE r.id = $1"))
        .bind(request_id)
        .fetch_optional(db)
        .await?;
    Ok(request.filter(|r| company_id.is_none_or(|id| id == r.company_id)))
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MessageRow {
    pub author_kind: String,
    pub author_name: Option<String>,
    pub body: String,
    pub created_at: String,
}

pub async fn messages(db: &Db, request_id: i64) -> Result<Vec<MessageRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT m.author_kind,
                CASE m.author_kind
                    WHEN 'contact' THEN (SELECT name FROM contacts WHERE id = m.author_id)
                    ELSE (SELECT name FROM admins WHERE id = m.author_id)
                END AS author_name,
                m.body, m.created_at
           FROM consultation_messages m WHERE m.request_id = $1 ORDER BY m.id",
    )
    .bind(request_id)
    .fetch_all(db)
    .await
}

#[derive(Debug, Clone, Copy)]
pub enum Author {
    Contact(i64),
    Admin(i64),
}

/// Adds a message; an admin message marks the request answered, a contact message reopens it.
pub async fn add_message(
    conn: &mut Conn,
    request_id: i64,
    author: Author,
    body: &str,
) -> Result<(), sqlx::Error> {
    let now = now_rfc3339();
    let (kind, id, status) = match author {
        Author::Contact(id) => ("contact", id, "open"),
        Author::Admin(id) => ("admin", id, "answered"),
    };
    sqlx::query(
        "INSERT INTO consultation_messages (request_id, author_kind, author_id, body, created_at)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(request_id)
    .bind(kind)
    .bind(id)
    .bind(body.trim())
    .bind(&now)
    .execute(&mut *conn)
    .await?;
    sqlx::query("UPDATE consultation_requests SET status = $2, updated_at = $3 WHERE id = $1")
        .bind(request_id)
        .bind(status)
        .bind(&now)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn close(conn: &mut Conn, request_id: i64) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "UPDATE consultation_requests SET status = 'closed', updated_at = $2
          WHERE id = $1 AND status <> 'closed'",
    )
    .bind(request_id)
    .bind(now_rfc3339())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
