//! Consultation requests (R5): the contact files and follows up; admins answer and close.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::consult::{AreaOption, RequestDetail, RequestSummary};

/// The areas a request can name: the five of the feature matrix plus "other".
#[server(endpoint = "consultation_areas")]
pub async fn consultation_areas() -> Result<Vec<AreaOption>, AppError> {
    use crate::{api, state::app_state, store};
    api::with_status(
        async {
            let app = app_state()?;
            let mut areas: Vec<AreaOption> = store::catalog::consultation_areas(&app.db)
                .await?
                .into_iter()
                .map(|a| AreaOption {
                    name: a.display_name(),
                    code: a.code,
                })
                .collect();
            areas.push(AreaOption {
                code: domain::ConsultationArea::OutOfScope.as_str().to_string(),
                name: crate::i18n::t("area-other"),
            });
            Ok(areas)
        }
        .await,
    )
}

#[server(endpoint = "consultations")]
pub async fn consultations() -> Result<Vec<RequestSummary>, AppError> {
    use crate::{api, auth, state::app_state, store};
    api::with_status(
        async {
            let app = app_state()?;
            let who = auth::current_contact(&app).await?;
            let rows = store::consultations::for_company(&app.db, who.company_id).await?;
            views::summaries(&app, rows).await
        }
        .await,
    )
}

/// Files a request, refused under R5 when there is no active contract, the plan does not
/// cover the area, or the area is "other" without a contractual exception.
#[server(endpoint = "file_consultation")]
pub async fn file_consultation(
    area: String,
    subject: String,
    description: String,
) -> Result<i64, AppError> {
    use crate::purchase::CompanyState;
    use crate::store::consultations::NewRequest;
    use crate::{api, auth, input, state::app_state, store};
    api::with_status(
        async {
            let app = app_state()?;
            let who = auth::current_contact(&app).await?;
            let area: domain::ConsultationArea = input::code(&area)?
                .parse()
                .map_err(|_| AppError::BadRequest)?;
            let subject = input::SUBJECT.required(&subject)?;
            let description = input::DESCRIPTION.required(&description)?;
            let today = app.clock.today();
            let mut tx = store::begin_write(&app.db).await?;
            let company = CompanyState::load(&mut tx, who.company_id).await?;
            let active = company.coverage.in_force(today);
            let has_exception = store::companies::has_exception(&mut tx, who.company_id).await?;
            domain::consultation_allowed(active.map(|c| &c.contract), area, has_exception, today)
                .map_err(AppError::Rule)?;
            let contract_id = active.map(|c| c.id.get()).ok_or_else(|| {
                AppError::internal("R5 allowed a request without an active contract")
            })?;
            let request = NewRequest {
                company_id: who.company_id,
                contact_id: who.contact_id,
                contract_id,
                area_code: area.as_str(),
                subject,
                description,
            };
            let id = store::consultations::create(&mut tx, &request).await?;
            store::audit::record(
                &mut tx,
                store::audit::Entry {
                    actor: store::audit::Actor::Contact(who.contact_id),
                    company_id: Some(who.company_id),
                    kind: "consultation_filed",
                    summary: format!("Request {id} filed: {subject}"),
                    before: None,
                    after: None,
                },
            )
            .await?;
            tx.commit().await?;
            leptos_axum::redirect(&format!("/consultations/{id}"));
            Ok(id)
        }
        .await,
    )
}

/// One request with its thread: the contact sees only their company's, admins see all.
#[server(endpoint = "consultation")]
pub async fn consultation(id: i64) -> Result<RequestDetail, AppError> {
    use crate::{api, store};
    api::with_status(
        async {
            let (app, scope) = views::caller_scope().await?;
            let row = store::consultations::find(&app.db, id, scope)
                .await?
                .ok_or(AppError::NotFound)?;
            views::detail(&app, row).await
        }
        .await,
    )
}

/// Adds a message to a request: from the contact (reopens it) or an admin (answers it, and
/// mails the contact).
#[server(endpoint = "reply_consultation")]
pub async fn reply_consultation(id: i64, body: String) -> Result<(), AppError> {
    use crate::store::consultations::Author;
    use crate::{api, auth, input, state::app_state, store};
    api::with_status(
        async {
            let body = input::MESSAGE.required(&body)?;
            let app = app_state()?;
            let (author, scope) = match auth::current_admin(&app).await {
                Ok(admin) => (Author::Admin(admin.admin_id), None),
                Err(_) => {
                    let who = auth::current_contact(&app).await?;
                    (Author::Contact(who.contact_id), Some(who.company_id))
                }
            };
            let row = store::consultations::find(&app.db, id, scope)
                .await?
                .ok_or(AppError::NotFound)?;
            if row.status == "closed" {
                return Err(AppError::Invalid(crate::i18n::t("err-request-closed")));
            }
            let mut tx = store::begin_write(&app.db).await?;
            store::consultations::add_message(&mut tx, id, author, body).await?;
            // An answer is mailed to the contact, by the job queue (retried if mail fails).
            let notify = match author {
                Author::Admin(_) => Some(
                    crate::jobs::enqueue(
                        &mut tx,
                        &crate::jobs::Job::AnsweredMail { request_id: id },
                        app.clock.now(),
                    )
                    .await?,
                ),
                Author::Contact(_) => None,
            };
            tx.commit().await?;
            if let Some(job) = notify {
                crate::jobs::kick(&app, job).await;
            }
            leptos_axum::redirect(&views::page_of(id, scope));
            Ok(())
        }
        .await,
    )
}

#[server(endpoint = "admin_consultations")]
pub async fn admin_consultations() -> Result<Vec<RequestSummary>, AppError> {
    use crate::{api, store};
    api::with_status(
        async {
            let (app, _) = api::admin_caller().await?;
            let rows = store::consultations::open_queue(&app.db).await?;
            let mut queue = views::summaries(&app, rows).await?;
            // Earliest deadline first: shorter response targets and older requests come first.
            queue.sort_by(|a, b| a.due.cmp(&b.due));
            Ok(queue)
        }
        .await,
    )
}

#[server(endpoint = "admin_close_consultation")]
pub async fn admin_close_consultation(id: i64) -> Result<(), AppError> {
    use crate::{api, store};
    api::with_status(
        async {
            let (app, admin) = api::admin_caller().await?;
            let mut tx = store::begin_write(&app.db).await?;
            if !store::consultations::close(&mut tx, id).await? {
                return Err(AppError::NotFound);
            }
            let row = store::consultations::find(&mut *tx, id, None).await?;
            store::audit::record(
                &mut tx,
                store::audit::Entry {
                    actor: store::audit::Actor::Admin(admin.admin_id),
                    company_id: row.map(|r| r.company_id),
                    kind: "consultation_closed",
                    summary: format!("Request {id} closed"),
                    before: None,
                    after: None,
                },
            )
            .await?;
            tx.commit().await?;
            Ok(())
        }
        .await,
    )
}

#[cfg(feature = "ssr")]
pub(crate) mod views {
    use chrono::{DateTime, Utc};

    use crate::auth;
    use crate::error::AppError;
    use crate::model::consult::{MessageView, RequestDetail, RequestSummary};
    use crate::state::{app_state, AppState};
    use crate::store::{self, consultations::RequestRow};

    /// Admins see every request (`None`); a contact only their company's.
    pub async fn caller_scope() -> Result<(AppState, Option<i64>), AppError> {
        let app = app_state()?;
        if let Ok(_admin) = auth::current_admin(&app).await {
            return Ok((app, None));
        }
        let who = auth::current_contact(&app).await?;
        Ok((app, Some(who.company_id)))
    }

    pub fn page_of(id: i64, scope: Option<i64>) -> String {
        match scope {
            None => format!("/admin/consultations/{id}"),
            Some(_) => format!("/consultations/{id}"),
        }
    }

    /// A stored instant on the vendor's wall clock, as the page shows it (the zone is named
    /// next to the deadline).
    fn local_time(app: &AppState, at: &str) -> String {
        match at.parse::<DateTime<Utc>>() {
            Ok(at) => wall_clock(app, at),
            Err(_) => at.chars().take(16).collect::<String>().replace('T', " "),
        }
    }

    /// An instant on the vendor's wall clock, its day written the reader's way.
    fn wall_clock(app: &AppState, at: DateTime<Utc>) -> String {
        let local = app.clock.local(at);
        format!(
            "{} {}",
            crate::i18n::locale().date(local.date_naive()),
            local.format("%H:%M")
        )
    }

    pub async fn summaries(
        app: &AppState,
        rows: Vec<RequestRow>,
    ) -> Result<Vec<RequestSummary>, AppError> {
        let areas = store::catalog::consultation_areas(&app.db).await?;
        let now = app.clock.now();
        rows.into_iter()
            .map(|row| {
                let target = row.response_target()?;
                let filed: DateTime<Utc> = row.created_at.parse().unwrap_or(now);
                // R10 and SPEC "Time": the contract's own target, in the vendor's time zone.
                let due = target.deadline(app.clock.local(filed)).with_timezone(&Utc);
                let answered: Option<DateTime<Utc>> =
                    row.first_answer_at.as_deref().and_then(|a| a.parse().ok());
                let target_met = match answered {
                    Some(at) => Some(at <= due),
                    None if now > due => Some(false),
                    None => None,
                };
                Ok(RequestSummary {
                    id: row.id,
                    company: row.company_name,
                    subject: row.subject,
                    area: areas
                        .iter()
                        .find(|a| a.code == row.area_code)
                        .map_or(crate::i18n::t("area-other"), |a| a.display_name()),
                    status: row.status,
                    filed_at: wall_clock(app, filed),
                    target: crate::text::response_target_of(target),
                    due: format!("{} ({})", wall_clock(app, due), app.clock.zone().name()),
                    target_met,
                })
            })
            .collect()
    }

    pub async fn detail(app: &AppState, row: RequestRow) -> Result<RequestDetail, AppError> {
        let messages = store::consultations::messages(&app.db, row.id).await?;
        let description = row.description.clone();
        let summary = summaries(app, vec![row]).await?.remove(0);
        Ok(RequestDetail {
            summary,
            description,
            messages: messages
                .into_iter()
                .map(|m| MessageView {
                    from_vendor: m.author_kind == "admin",
                    author: m.author_name.unwrap_or_default(),
                    at: local_time(app, &m.created_at),
                    body: m.body,
                })
                .collect(),
        })
    }
}
