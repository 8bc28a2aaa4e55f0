//! Licenses a company owns.

use crate::store::Db;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct HoldingRecord {
    pub product_id: i64,
    pub product_name: String,
    pub quantity: i64,
    pub version: String,
    pub latest_version: String,
}

pub async fn for_company(db: &Db, company_id: i64) -> Result<Vec<HoldingRecord>, sqlx::Error> {
    sqlx::query_as(
        "SELECT h.product_id, p.name AS product_name, h.quantity, h.version, p.latest_version
           FROM holdings h JOIN products p ON p.id = h.product_id
          WHERE h.company_id = $1
          ORDER BY p.name",
    )
    .bind(company_id)
    .fetch_all(db)
    .await
}
