//! Reports of CSV imports (issue 17), kept so that the page can show every row's error after
//! the form's redirect.

use super::Db;

/// Keeps `report` (JSON) of an import by `admin_id`; returns its id.
pub async fn save(db: &Db, admin_id: i64, applied: bool, report: &str) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO import_runs (admin_id, applied, report, created_at) VALUES ($1, $2, $3, $4)
         RETURNING id",
    )
    .bind(admin_id)
    .bind(i64::from(applied))
    .bind(report)
    .bind(super::now_rfc3339())
    .fetch_one(&crate::store::writer(db))
    .await
}

/// Report `id` of admin `admin_id` (another admin's is not found).
pub async fn find(db: &Db, admin_id: i64, id: i64) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("SELECT report FROM import_runs WHERE id = $1 AND admin_id = $2")
        .bind(id)
        .bind(admin_id)
        .fetch_optional(db)
        .await
}
