//! Companies as the vendor's staff see them: search, create, contractual exceptions (R5).

use crate::model::admin::CompanySort;
use crate::store::{now_rfc3339, Conn, Db, Insert};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CompanyRow {
    pub id: i64,
    pub name: String,
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    pub licenses: i64,
    pub support_end: Option<String>,
}

/// One page of companies whose name or contact email contains `search`, in `sort` order (the
/// name breaks ties, so pages never overlap).
pub async fn search(
    db: &Db,
    search: &str,
    sort: CompanySort,
    limit: i64,
    offset: i64,
) -> Result<Vec<CompanyRow>, sqlx::Error> {
    let pattern = format!("%{}%", search.trim().to_lowercase());
    // Chosen from a fixed list, never from the request's text. NULLs (never had support) last
    // on both engines: `support_end IS NULL` is false (0) before true (1). The totals come
    // from grouped joins, not per-row subqueries, so a deep page does not recompute them for
    // every row it skips (10,000 companies: see the `company_list_at_10000` test).
    let order = match sort {
        CompanySort::Name => "co.name, co.id",
        CompanySort::Licenses => "licenses DESC, co.name, co.id",
        CompanySort::SupportEnd => "k.support_end IS NULL, k.support_end, co.name, co.id",
    };
    sqlx::query_as(&format!(
        "SELECT co.id, co.name, c.name AS contact_name, c.email AS contact_email,
                CAST(COALESCE(h.licenses, 0) AS BIGINT) AS licenses, k.support_end
           FROM companies co
           LEFT JOIN contacts c ON c.company_id = co.id AND c.active = 1
           LEFT JOIN (SELECT company_id, SUM(quantity) AS licenses
                        FROM holdings GROUP BY company_id) h ON h.company_id = co.id
           LEFT JOIN (SELECT company_id, MAX(end_date) AS support_end
                        FROM contracts GROUP BY company_id) k ON k.company_id = co.id
          WHERE lower(co.name) LIKE $1 OR lower(COALESCE(c.email, '')) LIKE $1
         ORDER BY {order} LIMIT $2 OFFSET $3"
    ))
    .bind(pattern)
    .bind(limit)
    .bind(offset)
    .fetch_all(db)
    .await
}

/// The company's name, `None` if there is no such company. Takes the pool or, inside a
/// transaction, its connection (a transaction never waits for a second pooled connection).
pub async fn name<'e>(
    db: impl sqlx::Executor<'e, Database = sqlx::Any>,
    company_id: i64,
) -> Result<Option<String>, sqlx::Error> {
    let row: Option<(String,)> = sqlx::query_as("SELECT name FROM companies WHERE id = $1")
        .bind(company_id)
        .fetch_optional(db)
        .await?;
    Ok(row.map(|(name,)| name))
}

/// Creates the company, unless one of the same name key (the same name up to case and
/// spacing) exists.
pub async fn create(conn: &mut Conn, name: &str) -> Result<Insert, sqlx::Error> {
    let name = name.trim();
    let key = domain::name_key(name);
    // No conflict target: either unique key (name, name_key) means the name is taken.
    let row: Option<(i64,)> = sqlx::query_as(
        "INSERT INTO companies (name, name_key, created_at) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING id",
    )
    .bind(name)
    .bind(&key)
    .bind(now_rfc3339())
    .fetch_optional(&mut *conn)
    .await?;
    if let Some((id,)) = row {
        return Ok(Insert::Created(id));
    }
    let existing: Option<(String,)> =
        sqlx::query_as("SELECT name FROM companies WHERE name_key = $1")
            .bind(&key)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(Insert::NameTaken {
        existing: existing.map_or_else(|| name.to_string(), |(name,)| name),
    })
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ExceptionRow {
    pub id: i64,
    pub description: String,
    pub recorded_at: String,
    pub revoked_at: Option<String>,
}

pub async fn exceptions(db: &Db, company_id: i64) -> Result<Vec<ExceptionRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, description, recorded_at, revoked_at FROM consultation_exceptions
          WHERE company_id = $1 ORDER BY id DESC",
    )
    .bind(company_id)
    .fetch_all(db)
    .await
}

/// R5: whether the company has a contractual exception in force.
pub async fn has_exception(conn: &mut Conn, company_id: i64) -> Result<bool, sqlx::Error> {
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT id FROM consultation_exceptions WHERE company_id = $1 AND revoked_at IS NULL LIMIT 1",
    )
    .bind(company_id)
    .fetch_optional(conn)
    .await?;
    Ok(row.is_some())
}

pub async fn record_exception(
    conn: &mut Conn,
    company_id: i64,
    description: &str,
    admin_id: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO consultation_exceptions (company_id, description, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4)",
    )
    .bind(company_id)
    .bind(description.trim())
    .bind(admin_id)
    .bind(now_rfc3339())
    .execute(conn)
    .await?;
    Ok(())
}

/// Revokes one exception; returns its company, or `None` if there was nothing to revoke.
pub async fn revoke_exception(
    conn: &mut Conn,
    exception_id: i64,
) -> Result<Option<i64>, sqlx::Error> {
    let row: Option<(i64,)> = sqlx::query_as(
        "UPDATE consultation_exceptions SET revoked_at = $2
          WHERE id = $1 AND revoked_at IS NULL RETURNING company_id",
    )
    .bind(exception_id)
    .bind(now_rfc3339())
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(id,)| id))
}
