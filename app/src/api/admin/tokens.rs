//! An admin's personal access tokens for `/api/v1` (issue 17): created on the account page,
//! shown once, listed with their last use, revoked.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::admin::ApiTokenView;

/// The longest a token may live, in days.
pub const MAX_TOKEN_DAYS: u32 = 365;

/// The caller's own tokens, newest first.
#[server(endpoint = "admin_api_tokens")]
pub async fn admin_api_tokens() -> Result<Vec<ApiTokenView>, AppError> {
    use crate::{api, store};
    api::with_status(
        async {
            let (app, admin) = api::admin_caller().await?;
            let now = app.clock.now().to_rfc3339();
            let minute = crate::api::orders::views::placed_minute;
            let rows = store::api_tokens::for_admin(&app.db, admin.admin_id).await?;
            Ok(rows
                .into_iter()
                .map(|r| ApiTokenView {
                    id: r.id,
                    state: if r.revoked_at.is_some() {
                        "revoked"
                    } else if r.expires_at <= now {
                        "expired"
                    } else {
                        "active"
                    }
                    .into(),
                    name: r.name,
                    scope: r.scope,
                    created_at: minute(&r.created_at),
                    expires_at: minute(&r.expires_at),
                    last_used_at: r.last_used_at.as_deref().map(minute),
                })
                .collect())
        }
        .await,
    )
}

/// Creates a token named `name` with `scope` (`read` or `write`) for `days` (1 to 365) and
/// returns it: the only time it is shown.
#[server(endpoint = "admin_create_api_token")]
pub async fn admin_create_api_token(
    name: String,
    scope: String,
    days: u32,
) -> Result<String, AppError> {
    use crate::outcome::{self, Outcome};
    use crate::store::{self, api_tokens::Scope};
    use crate::{api, input};
    let result = async {
        let (app, admin) = api::admin_caller().await?;
        let name = input::TOKEN_NAME.required(&name)?;
        let scope = Scope::parse(&scope).ok_or(AppError::BadRequest)?;
        if !(1..=MAX_TOKEN_DAYS).contains(&days) {
            return Err(AppError::Invalid(crate::tr!(
                "token-days-range",
                max = MAX_TOKEN_DAYS
            )));
        }
        let now = app.clock.now();
        let expires = now + chrono::Duration::days(i64::from(days));
        let mut tx = store::begin_write(&app.db).await?;
        let token =
            store::api_tokens::create(&mut tx, admin.admin_id, name, scope, now, expires).await?;
        let summary = format!(
            "API token \"{name}\" created ({}, {days} days)",
            scope.as_str()
        );
        super::helpers::audit(&mut tx, &admin, None, "api_token_created", summary).await?;
        tx.commit().await?;
        outcome::leave::<AdminCreateApiToken>(Outcome::Secret(token.clone()));
        Ok(token)
    }
    .await;
    api::with_status(result)
}

/// Revokes the caller's token `id`: it stops working at once.
#[server(endpoint = "admin_revoke_api_token")]
pub async fn admin_revoke_api_token(id: i64) -> Result<(), AppError> {
    use crate::{api, store};
    api::saved::<AdminRevokeApiToken>(
        async {
            let (app, admin) = api::admin_caller().await?;
            let mut tx = store::begin_write(&app.db).await?;
            if !store::api_tokens::revoke(&mut tx, admin.admin_id, id, app.clock.now()).await? {
                return Err(AppError::NotFound);
            }
            let summary = format!("API token {id} revoked");
            super::helpers::audit(&mut tx, &admin, None, "api_token_revoked", summary).await?;
            tx.commit().await?;
            Ok(())
        }
        .await,
    )
}
