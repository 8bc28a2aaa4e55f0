//! Sign in and out.

use leptos::prelude::*;

use crate::error::AppError;

/// Signs the designated contact in. Wrong email and wrong password give the same answer, in the
/// same time.
#[server(endpoint = "login")]
pub async fn login(email: String, password: String) -> Result<(), AppError> {
    use crate::throttle::SIGN_IN;
    use crate::{api, auth, input, state::app_state, store};

    let result = async {
        let state = app_state()?;
        let email = email.trim().to_lowercase();
        if !input::could_be_account_email(&email) || !input::could_be_password(&password) {
            // No account has such an email or password: refused before any lookup or hash.
            api::redirect_plain_form("/login?error=credentials");
            return Err(AppError::InvalidCredentials);
        }
        let ip = auth::client_address(&state).await;
        // A failed attempt stays counted; a successful one clears the account's record.
        let _counted = SIGN_IN.attempt(&state, &email, &ip).await?;
        let account = store::contacts::credentials_by_email(&state.db, &email).await?;
        let stored_hash = account.as_ref().and_then(|a| a.password_hash.clone());
        let verified = auth::password::verify(stored_hash, password).await?;
        let Some(account) = account.filter(|_| verified) else {
            api::redirect_plain_form("/login?error=credentials");
            return Err(AppError::InvalidCredentials);
        };
        SIGN_IN.clear(&state, &email).await?;
        let signed_in = auth::Account {
            role: account.role,
            id: account.id,
            epoch: account.auth_epoch,
            at: 0,
        };
        let next = crate::second_factor::after_password(&state, signed_in).await?;
        remember_language(&state, &account).await?;
        tracing::info!(account = account.id, role = ?account.role, next, "password accepted");
        leptos_axum::redirect(next);
        Ok(())
    }
    .await;
    if let Err(AppError::TooManyAttempts { wait_minutes }) = &result {
        api::redirect_plain_form(&format!("/login?error=throttled&wait={wait_minutes}"));
    }
    api::with_status(result)
}

/// At sign-in the account's saved language becomes the request's cookie; an account that
/// never chose keeps the language it signed in with (from the switcher), saved for its mail.
#[cfg(feature = "ssr")]
async fn remember_language(
    state: &crate::state::AppState,
    account: &crate::store::contacts::Credentials,
) -> Result<(), AppError> {
    use crate::i18n::{choice, Locale};
    let saved = account.locale.as_deref().and_then(Locale::parse);
    let parts = use_context::<axum::http::request::Parts>();
    let chosen = parts.as_ref().and_then(|p| choice::from_cookie(&p.headers));
    match (saved, chosen) {
        (Some(saved), chosen) if chosen != Some(saved) => {
            if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
                response.append_header(
                    axum::http::header::SET_COOKIE,
                    choice::cookie(saved, state.public_url.starts_with("https://")),
                );
            }
        }
        (None, Some(chosen)) => {
            crate::store::preferences::set_locale(&state.db, account.role, account.id, chosen)
                .await?;
        }
        _ => {}
    }
    Ok(())
}

/// Ends the session on the server (the cookie is worthless afterwards).
#[server(endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    use crate::{api, auth};

    let result = async {
        auth::sign_out(&auth::session().await?).await?;
        leptos_axum::redirect("/login?signed_out=1");
        Ok(())
    }
    .await;
    api::with_status(result)
}

/// Ends every session of the calling contact, on every device and instance.
#[server(endpoint = "logout_everywhere")]
pub async fn logout_everywhere() -> Result<(), AppError> {
    use crate::{api, auth, state::app_state, store};
    let result = async {
        let app = app_state()?;
        let who = auth::current_contact(&app).await?;
        let mut conn = app.db.acquire().await?;
        sqlx::query("UPDATE contacts SET auth_epoch = auth_epoch + 1 WHERE id = $1")
            .bind(who.contact_id)
            .execute(&mut *conn)
            .await?;
        store::audit::record(
            &mut conn,
            store::audit::Entry {
                actor: store::audit::Actor::Contact(who.contact_id),
                company_id: Some(who.company_id),
                kind: "signed_out_everywhere",
                summary: format!("{} signed out on every device", who.name),
                before: None,
                after: None,
            },
        )
        .await?;
        auth::sign_out(&auth::session().await?).await?;
        leptos_axum::redirect("/login?signed_out=1");
        Ok(())
    }
    .await;
    api::with_status(result)
}

/// Sets the password from an invitation link (R3) and signs the new contact in.
#[server(endpoint = "accept_invitation")]
pub async fn accept_invitation(token: String, password: String) -> Result<(), AppError> {
    use crate::store::tokens::Purpose;
    crate::api::with_status(
        recovery::set_password_from_link(&token, password, Purpose::Invitation).await,
    )
}

/// Mails a single-use reset link if the email belongs to an active contact. The answer is
/// the same either way, so it does not reveal which accounts exist.
#[server(endpoint = "request_password_reset")]
pub async fn request_password_reset(email: String) -> Result<(), AppError> {
    crate::api::with_status(recovery::request_reset(&email).await)
}

#[server(endpoint = "reset_password")]
pub async fn reset_password(token: String, password: String) -> Result<(), AppError> {
    use crate::store::tokens::Purpose;
    crate::api::with_status(
        recovery::set_password_from_link(&token, password, Purpose::PasswordReset).await,
    )
}

#[cfg(feature = "ssr")]
mod recovery {
    use crate::auth::{self, password, Role};
    use crate::error::AppError;
    use crate::input;
    use crate::state::app_state;
    use crate::store::{self, audit, tokens};
    use crate::throttle::{BAD_LINK, RESET_REQUEST};

    /// The minimum length of a new password (OWASP ASVS 5.0: at least 12).
    const MIN_PASSWORD_CHARS: usize = 12;

    pub async fn set_password_from_link(
        token: &str,
        new_password: String,
        purpose: tokens::Purpose,
    ) -> Result<(), AppError> {
        let app = app_state()?;
        if !input::could_be_password(&new_password) {
            return Err(AppError::Invalid(crate::i18n::t("err-password-long")));
        }
        if new_password.chars().count() < MIN_PASSWORD_CHARS {
            return Err(AppError::Invalid(crate::i18n::t("err-password-short")));
        }
        if password::is_common(&new_password) {
            return Err(AppError::Invalid(crate::i18n::t("err-password-common")));
        }
        // Counted as a bad link unless it turns out good.
        let ip = auth::client_address(&app).await;
        let attempt = BAD_LINK.attempt(&app, "", &ip).await?;
        if !input::could_be_link_token(token) {
            return Err(AppError::LinkInvalid);
        }
        let hash = password::hash(new_password).await?;
        let now = app.clock.now();
        let mut tx = store::begin_write(&app.db).await?;
        let valid = match tokens::peek(&mut tx, token, purpose, now).await? {
            Some((token_id, contact_id)) if tokens::consume(&mut tx, token_id, now).await? => {
                Some(contact_id)
            }
            _ => None,
        };
        let Some(contact_id) = valid else {
            return Err(AppError::LinkInvalid);
        };
        store::contacts::set_password(&mut tx, contact_id, &hash).await?;
        tokens::void_open(&mut tx, contact_id, now).await?;
        let (company_id, epoch): (i64, i64) =
            sqlx::query_as("SELECT company_id, auth_epoch FROM contacts WHERE id = $1")
                .bind(contact_id)
                .fetch_one(&mut *tx)
                .await?;
        audit::record(
            &mut tx,
            audit::Entry {
                actor: audit::Actor::Contact(contact_id),
                company_id: Some(company_id),
                kind: match purpose {
                    tokens::Purpose::Invitation => "invitation_accepted",
                    tokens::Purpose::PasswordReset => "password_reset",
                },
                summary: "Password set from a single-use link".into(),
                before: None,
                after: None,
            },
        )
        .await?;
        tx.commit().await?;
        BAD_LINK.succeeded(&app, attempt).await?;
        // A contact with a second factor still proves it: the link replaces the password only.
        let account = auth::Account {
            role: Role::Contact,
            id: contact_id,
            epoch,
            at: 0,
        };
        let next = crate::second_factor::after_password(&app, account).await?;
        leptos_axum::redirect(next);
        Ok(())
    }

    pub async fn request_reset(email: &str) -> Result<(), AppError> {
        let app = app_state()?;
        let email = input::email(email)?;
        let ip = auth::client_address(&app).await;
        // Every request counts, answered or not.
        let _counted = RESET_REQUEST.attempt(&app, &email, &ip).await?;
        if let Some((contact_id, _)) = store::contacts::active_by_email(&app.db, &email).await? {
            // The job issues the link when it runs, so the queue never holds it. Over SMTP the
            // kick runs in the background: the answer's timing tells nothing either way.
            let mut conn = app.db.acquire().await?;
            let epoch = store::contacts::epoch_of(&mut conn, contact_id).await?;
            let job = crate::jobs::enqueue(
                &mut conn,
                &crate::jobs::Job::ResetMail { contact_id, epoch },
                app.clock.now(),
            )
            .await?;
            drop(conn);
            crate::jobs::kick(&app, job).await;
        }
        leptos_axum::redirect("/reset?sent=1");
        Ok(())
    }
}
