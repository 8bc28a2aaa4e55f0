//! R4: every version update is recorded.

use crate::store::{now_rfc3339, Conn};

pub async fn record(
    conn: &mut Conn,
    company_id: i64,
    update: &domain::VersionUpdate,
    contract_id: Option<i64>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO version_updates (company_id, product_id, from_version, to_version,
                                      contract_id, performed_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(company_id)
    .bind(update.product_id.get())
    .bind(update.from.to_string())
    .bind(update.to.to_string())
    .bind(contract_id)
    .bind(now_rfc3339())
    .execute(conn)
    .await?;
    Ok(())
}
