//! The company's one contact (R3): reassigning it and ending its sessions.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::admin::*;

#[cfg(feature = "ssr")]
use super::helpers::*;

/// R3: makes another person the company's one contact. The previous contact is disabled and
/// signed out everywhere at once.
#[server(endpoint = "admin_assign_contact")]
pub async fn admin_assign_contact(
    company_id: i64,
    contact_name: String,
    contact_email: String,
) -> Result<InvitationSent, AppError> {
    use crate::{api, input, store};
    api::with_outcome::<AdminAssignContact>(
        async {
            let (app, admin) = api::admin_caller().await?;
            let contact_name = input::CONTACT_NAME.required(&contact_name)?;
            let contact_email = input::email(&contact_email)?;
            let mut tx = store::begin_write(&app.db).await?;
            // R3: two admins reassigning at once queue here instead of racing to the index.
            store::lock_company(&mut tx, company_id).await?;
            store::companies::name(&mut *tx, company_id)
                .await?
                .ok_or(AppError::NotFound)?;
            contact::invite_and_mail(&app, tx, &admin, company_id, contact_name, &contact_email)
                .await
        }
        .await,
        |sent| crate::outcome::Outcome::Invited(sent.clone()),
    )
}

/// Ends every session of the company's contact at once.
#[server(endpoint = "admin_end_sessions")]
pub async fn admin_end_sessions(company_id: i64) -> Result<(), AppError> {
    use crate::{api, store};
    api::saved::<AdminEndSessions>(
        async {
            let (app, admin) = api::admin_caller().await?;
            let mut tx = store::begin_write(&app.db).await?;
            if store::contacts::end_sessions(&mut tx, company_id).await? == 0 {
                return Err(AppError::NotFound);
            }
            audit(
                &mut tx,
                &admin,
                company_id,
                "sessions_ended",
                "All contact sessions ended".into(),
            )
            .await?;
            tx.commit().await?;
            Ok(())
        }
        .await,
    )
}

/// Removes every second factor of the company's contact (a lost phone): the authenticator app,
/// recovery codes and passkeys. The contact's sessions end; it signs in with its password and
/// may set factors up again. Audited.
#[server(endpoint = "admin_reset_second_factor")]
pub async fn admin_reset_second_factor(company_id: i64) -> Result<(), AppError> {
    use crate::{api, principal::Role, store};
    api::saved::<AdminResetSecondFactor>(
        async {
            let (app, admin) = api::admin_caller().await?;
            let mut tx = store::begin_write(&app.db).await?;
            let contact_id = store::contacts::active_of_company(&mut tx, company_id)
                .await?
                .ok_or(AppError::NotFound)?;
            store::second_factors::remove_all(&mut tx, Role::Contact, contact_id).await?;
            store::contacts::end_sessions(&mut tx, company_id).await?;
            let summary = "Second factors of the contact removed; its sessions ended".into();
            audit(&mut tx, &admin, company_id, "second_factor_reset", summary).await?;
            tx.commit().await?;
            Ok(())
        }
        .await,
    )
}
