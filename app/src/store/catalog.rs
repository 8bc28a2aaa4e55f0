//! Plans and their feature matrix.

use crate::store::Db;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PlanRecord {
    pub id: i64,
    pub tier: String,
    pub name: String,
    pub percent_bp: i64,
    pub includes_patches: i64,
    pub includes_new_versions: i64,
    pub min_licenses: i64,
    pub response_target_amount: i64,
    pub response_target_unit: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AreaRecord {
    pub code: String,
    pub name: String,
}

pub async fn plans(db: &Db) -> Result<Vec<PlanRecord>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, tier, name, percent_bp, includes_patches, includes_new_versions, min_licenses,
                response_target_amount, response_target_unit
           FROM plans ORDER BY sort_order",
    )
    .fetch_all(db)
    .await
}

pub async fn consultation_areas(db: &Db) -> Result<Vec<AreaRecord>, sqlx::Error> {
    sqlx::query_as("SELECT code, name FROM consultation_areas ORDER BY sort_order")
        .fetch_all(db)
        .await
}

/// (plan id, area code) pairs: which plan covers which consultation area.
pub async fn coverage(db: &Db) -> Result<Vec<(i64, String)>, sqlx::Error> {
    sqlx::query_as("SELECT plan_id, area_code FROM plan_consultation_areas")
        .fetch_all(db)
        .await
}
