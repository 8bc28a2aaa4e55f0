//! R11: an order key, stored with the company and the fingerprint of what was asked, so a
//! repeat returns the first order and a different request under the same key is refused.

use crate::store::Conn;

pub struct StoredKey {
    pub fingerprint: String,
    pub order_id: Option<i64>,
}

pub async fn find(
    conn: &mut Conn,
    company_id: i64,
    key: &str,
) -> Result<Option<StoredKey>, sqlx::Error> {
    let row: Option<(String, Option<i64>)> = sqlx::query_as(
        "SELECT fingerprint, order_id FROM idempotency_keys WHERE company_id = $1 AND key = $2",
    )
    .bind(company_id)
    .bind(key)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(|(fingerprint, order_id)| StoredKey {
        fingerprint,
        order_id,
    }))
}

/// Fails on a duplicate (company, key): the primary key is what makes concurrent repeats
/// collapse into one order on engines without a global write lock.
pub async fn insert(
    conn: &mut Conn,
    company_id: i64,
    key: &str,
    fingerprint: &str,
    order_id: i64,
    created_at: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO idempotency_keys (company_id, key, fingerprint, order_id, created_at)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(company_id)
    .bind(key)
    .bind(fingerprint)
    .bind(order_id)
    .bind(created_at)
    .execute(conn)
    .await?;
    Ok(())
}
