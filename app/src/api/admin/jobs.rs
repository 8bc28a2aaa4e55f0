//! The job queue as admins see it (issue 13): queued, running, done and failed jobs with their
//! last error, and a retry for a failed one.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::admin::JobView;

#[cfg(feature = "ssr")]
use super::helpers::*;

/// Jobs listed per page load.
pub const JOBS_SHOWN: i64 = 200;

/// The newest jobs with `status` (`queued`, `running`, `done`, `failed`; empty: any).
#[server(endpoint = "admin_jobs")]
pub async fn admin_jobs(status: String) -> Result<Vec<JobView>, AppError> {
    use crate::{api, store};
    api::with_status(
        async {
            let (app, _) = api::admin_caller().await?;
            if !matches!(
                status.as_str(),
                "" | "queued" | "running" | "done" | "failed"
            ) {
                return Err(AppError::BadRequest);
            }
            let rows = store::jobs::list(&app.db, &status, JOBS_SHOWN).await?;
            Ok(rows
                .into_iter()
                .map(|r| JobView {
                    id: r.id,
                    kind: r.kind,
                    payload: r.payload,
                    status: r.status,
                    run_at: crate::api::orders::views::placed_minute(&r.run_at),
                    attempts: format!("{} / {}", r.attempts, r.max_attempts),
                    last_error: r.last_error,
                })
                .collect())
        }
        .await,
    )
}

/// Gives failed job `id` one more try, now; audited. A job that has not failed is 409, an
/// unknown one 404.
#[server(endpoint = "admin_retry_job")]
pub async fn admin_retry_job(id: i64) -> Result<(), AppError> {
    use crate::{api, store};
    api::saved::<AdminRetryJob>(
        async {
            let (app, admin) = api::admin_caller().await?;
            let mut tx = store::begin_write(&app.db).await?;
            match store::jobs::retry(&mut tx, id, app.clock.now()).await? {
                store::jobs::Retry::Queued => {}
                store::jobs::Retry::NotFailed => {
                    return Err(AppError::Conflict(crate::i18n::t("err-job-not-failed")))
                }
                store::jobs::Retry::Unknown => return Err(AppError::NotFound),
            }
            audit(
                &mut tx,
                &admin,
                None,
                "job_retried",
                format!("Job {id} retried"),
            )
            .await?;
            tx.commit().await?;
            Ok(())
        }
        .await,
    )
}
