//! `GET /orders/{id}/invoice.pdf` (the contact's own company only) and
//! `GET /admin/orders/{id}/invoice.pdf` (any company, admins only): plain axum handlers,
//! because a server function answers JSON, not a file. Authorization is the invoice page's:
//! another company's order, a missing one and a malformed id are all 404.

use axum::extract::{Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use tower_sessions::Session;

use crate::error::AppError;
use crate::i18n::{in_locale, Locale};
use crate::state::AppState;

/// The contact's invoice of order `id`.
pub async fn contact_pdf(
    State(app): State<AppState>,
    session: Session,
    Extension(locale): Extension<Locale>,
    Path(id): Path<String>,
) -> Response {
    answer(
        async {
            let who = crate::auth::contact_of(session, &app).await?;
            pdf_of(&app, &id, Some(who.company_id), locale).await
        }
        .await,
        locale,
    )
}

/// Any company's invoice of order `id`, for an admin.
pub async fn admin_pdf(
    State(app): State<AppState>,
    session: Session,
    Extension(locale): Extension<Locale>,
    Path(id): Path<String>,
) -> Response {
    answer(
        async {
            crate::auth::admin_of(session, &app).await?;
            pdf_of(&app, &id, None, locale).await
        }
        .await,
        locale,
    )
}

async fn pdf_of(
    app: &AppState,
    id: &str,
    company_id: Option<i64>,
    locale: Locale,
) -> Result<(String, Vec<u8>), AppError> {
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    let document = super::document(app, id, company_id)
        .await?
        .ok_or(AppError::NotFound)?;
    // In the reader's language: the request's, like the invoice page.
    let (document, pdf) = super::pdf::render_in(locale, document).await?;
    Ok((document.number, pdf))
}

/// The PDF as an attachment named after the invoice, never cached by shared caches; an error
/// as its status with the message as text.
fn answer(result: Result<(String, Vec<u8>), AppError>, locale: Locale) -> Response {
    match result {
        Ok((number, bytes)) => {
            let disposition =
                HeaderValue::from_str(&format!("attachment; filename=\"{number}.pdf\""))
                    .unwrap_or(HeaderValue::from_static("attachment"));
            (
                [
                    (
                        header::CONTENT_TYPE,
                        HeaderValue::from_static("application/pdf"),
                    ),
                    (header::CONTENT_DISPOSITION, disposition),
                    (
                        header::CACHE_CONTROL,
                        HeaderValue::from_static("private, no-store"),
                    ),
                ],
                bytes,
            )
                .into_response()
        }
        Err(error) => {
            let status = StatusCode::from_u16(error.status_code())
                .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            (status, in_locale(locale, || error.to_string())).into_response()
        }
    }
}
