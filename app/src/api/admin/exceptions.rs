//! Contractual exceptions (R5): recording and revoking them.

use leptos::prelude::*;

use crate::error::AppError;

#[cfg(feature = "ssr")]
use super::helpers::*;

/// R5: records a contractual exception: the company may ask about topics outside support.
#[server(endpoint = "admin_record_exception")]
pub async fn admin_record_exception(company_id: i64, description: String) -> Result<(), AppError> {
    use crate::{api, input, store};
    api::saved::<AdminRecordException>(
        async {
            let (app, admin) = api::admin_caller().await?;
            let description = input::DESCRIPTION.required(&description)?;
            store::companies::name(&app.db, company_id)
                .await?
                .ok_or(AppError::NotFound)?;
            let mut tx = store::begin_write(&app.db).await?;
            store::companies::record_exception(&mut tx, company_id, description, admin.admin_id)
                .await?;
            let summary = format!("R5 exception recorded: {description}");
            audit(&mut tx, &admin, company_id, "exception_recorded", summary).await?;
            tx.commit().await?;
            Ok(())
        }
        .await,
    )
}

#[server(endpoint = "admin_revoke_exception")]
pub async fn admin_revoke_exception(exception_id: i64) -> Result<(), AppError> {
    use crate::{api, store};
    api::saved::<AdminRevokeException>(
        async {
            let (app, admin) = api::admin_caller().await?;
            let mut tx = store::begin_write(&app.db).await?;
            let company_id = store::companies::revoke_exception(&mut tx, exception_id)
                .await?
                .ok_or(AppError::NotFound)?;
            audit(
                &mut tx,
                &admin,
                company_id,
                "exception_revoked",
                format!("R5 exception {exception_id} revoked"),
            )
            .await?;
            tx.commit().await?;
            Ok(())
        }
        .await,
    )
}
