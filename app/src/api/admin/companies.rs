//! Companies: the paged list, one company's record, and creating one with its contact (R3).

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::admin::*;

#[cfg(feature = "ssr")]
use super::helpers::*;

/// Companies per page of the admin list.
pub const COMPANIES_PER_PAGE: u32 = 20;

/// One page of the company list: `search` in the name or contact email, `page` from 0, `sort`
/// `name` (the default), `licenses` or `support_end` (see `CompanySort::parse`).
#[server(endpoint = "admin_companies")]
pub async fn admin_companies(
    search: String,
    page: u32,
    sort: Option<String>,
) -> Result<CompanyPage, AppError> {
    use crate::{api, input, store};
    api::with_status(
        async {
            let (app, _) = api::admin_caller().await?;
            let search = input::SEARCH.optional(&search)?;
            let limit = i64::from(COMPANIES_PER_PAGE);
            let offset = i64::from(page) * limit;
            // One extra row tells whether a next page exists.
            let sort = CompanySort::parse(sort.as_deref().unwrap_or_default());
            let mut rows =
                store::companies::search(&app.db, search, sort, limit + 1, offset).await?;
            let has_next = rows.len() as i64 > limit;
            rows.truncate(COMPANIES_PER_PAGE as usize);
            Ok(CompanyPage {
                sort,
                page,
                has_next,
                rows: rows
                    .into_iter()
                    .map(|r| CompanyListRow {
                        id: r.id,
                        name: r.name,
                        contact: r
                            .contact_name
                            .zip(r.contact_email)
                            .map(|(n, e)| format!("{n} <{e}>")),
                        licenses: r.licenses,
                        support_end: r.support_end,
                    })
                    .collect(),
            })
        }
        .await,
    )
}

#[server(endpoint = "admin_company")]
pub async fn admin_company(id: i64) -> Result<CompanyDetail, AppError> {
    use crate::api::{account, orders};
    use crate::{api, store};
    api::with_status(
        async {
            let (app, _) = api::admin_caller().await?;
            let name = store::companies::name(&app.db, id)
                .await?
                .ok_or(AppError::NotFound)?;
            let holdings = store::holdings::for_company(&app.db, id).await?;
            let contracts = store::contracts::for_company(&app.db, id).await?;
            let orders = store::orders::for_company(&app.db, id).await?;
            let audit = store::audit::for_company(&app.db, id).await?;
            Ok(CompanyDetail {
                id,
                name,
                holdings: holdings.into_iter().map(account::holding_row).collect(),
                contract: account::contract_status(&contracts, app.clock.today()),
                contacts: store::contacts::for_company(&app.db, id)
                    .await?
                    .into_iter()
                    .map(|c| ContactRow {
                        name: c.name,
                        email: c.email,
                        active: c.active != 0,
                        has_password: c.has_password != 0,
                    })
                    .collect(),
                orders: orders
                    .into_iter()
                    .map(|o| orders::views::order_row(o, &app.currency))
                    .collect::<Result<_, _>>()?,
                exceptions: store::companies::exceptions(&app.db, id)
                    .await?
                    .into_iter()
                    .map(|e| ExceptionView {
                        id: e.id,
                        description: e.description,
                        recorded_at: e.recorded_at,
                        revoked_at: e.revoked_at,
                    })
                    .collect(),
                history: audit
                    .into_iter()
                    .map(|e| crate::model::HistoryEntry {
                        at: e.at,
                        actor: e.actor_name.unwrap_or(e.actor_kind),
                        kind: e.kind,
                        summary: e.summary,
                    })
                    .collect(),
                products: store::catalog::products(&app.db)
                    .await?
                    .into_iter()
                    .map(|p| (p.id, p.name))
                    .collect(),
            })
        }
        .await,
    )
}

/// Creates a company and invites its contact (R3).
#[server(endpoint = "admin_create_company")]
pub async fn admin_create_company(
    name: String,
    contact_name: String,
    contact_email: String,
) -> Result<InvitationSent, AppError> {
    use crate::{api, input, store, text};
    api::with_outcome::<AdminCreateCompany>(
        async {
            let (app, admin) = api::admin_caller().await?;
            let name = input::COMPANY_NAME.required(&name)?;
            let contact_name = input::CONTACT_NAME.required(&contact_name)?;
            let contact_email = input::email(&contact_email)?;
            let mut tx = store::begin_write(&app.db).await?;
            let company_id = match store::companies::create(&mut tx, name).await? {
                store::Insert::Created(id) => id,
                store::Insert::NameTaken { existing } => {
                    return Err(AppError::Invalid(text::company_name_taken(&existing)))
                }
            };
            contact::invite_and_mail(&app, tx, &admin, company_id, contact_name, &contact_email)
                .await
        }
        .await,
        |sent| crate::outcome::Outcome::Invited(sent.clone()),
    )
}
