//! Vendor staff: companies and their contacts (R3), licenses, exceptions (R5), invoices, the
//! catalogue and price list, plans, and the audit log. Every function checks the admin role
//! first; anonymous callers get 401, contacts 403.

// A server function's arguments are its form's fields; the plan form simply has many.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::admin::*;

/// Companies per page of the admin list.
pub const COMPANIES_PER_PAGE: u32 = 20;

#[server(endpoint = "admin_companies")]
pub async fn admin_companies(search: String, page: u32) -> Result<CompanyPage, AppError> {
    use crate::{api, input, store};
    api::with_status(
        async {
            let (app, _) = api::admin_caller().await?;
            let search = input::SEARCH.optional(&search)?;
            let limit = i64::from(COMPANIES_PER_PAGE);
            let offset = i64::from(page) * limit;
            // One extra row tells whether a next page exists.
            let mut rows = store::companies::search(&app.db, search, limit + 1, offset).await?;
            let has_next = rows.len() as i64 > limit;
            rows.truncate(COMPANIES_PER_PAGE as usize);
            Ok(CompanyPage {
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
    api::with_status(
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
            let invitation = contact::invite(
                &app,
                &mut tx,
                &admin,
                company_id,
                contact_name,
                &contact_email,
            )
            .await?;
            tx.commit().await?;
            contact::mail_invitation(&app, &invitation, contact_name, &contact_email).await;
            Ok(invitation)
        }
        .await,
    )
}

/// R3: makes another person the company's one contact. The previous contact is disabled and
/// signed out everywhere at once.
#[server(endpoint = "admin_assign_contact")]
pub async fn admin_assign_contact(
    company_id: i64,
    contact_name: String,
    contact_email: String,
) -> Result<InvitationSent, AppError> {
    use crate::{api, input, store};
    api::with_status(
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
            let invitation = contact::invite(
                &app,
                &mut tx,
                &admin,
                company_id,
                contact_name,
                &contact_email,
            )
            .await?;
            tx.commit().await?;
            contact::mail_invitation(&app, &invitation, contact_name, &contact_email).await;
            Ok(invitation)
        }
        .await,
    )
}

/// Ends every session of the company's contact at once.
#[server(endpoint = "admin_end_sessions")]
pub async fn admin_end_sessions(company_id: i64) -> Result<(), AppError> {
    use crate::{api, store};
    api::with_status(
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

/// Adds licenses by hand (e.g. an offline deal), on the product's latest version.
#[server(endpoint = "admin_grant_licenses")]
pub async fn admin_grant_licenses(
    company_id: i64,
    product_id: i64,
    quantity: u32,
) -> Result<(), AppError> {
    use crate::{api, input, store, text};
    api::with_status(
        async {
            let (app, admin) = api::admin_caller().await?;
            let quantity = domain::Quantity::new(input::quantity(quantity)?)
                .map_err(|_| AppError::Invalid(text::quantity_range(input::MAX_QUANTITY)))?;
            let mut tx = store::begin_write(&app.db).await?;
            store::companies::name(&mut *tx, company_id)
                .await?
                .ok_or(AppError::NotFound)?;
            let catalog = store::catalog::load_catalog(&mut tx).await?;
            let product = catalog
                .product(domain::ProductId(product_id))
                .ok_or(AppError::NotFound)?;
            store::holdings::add_licenses(
                &mut tx,
                company_id,
                product.id,
                quantity,
                &product.latest_version,
            )
            .await?;
            let summary = format!(
                "Granted {} × {} {}",
                quantity, product.name, product.latest_version
            );
            audit(&mut tx, &admin, company_id, "licenses_granted", summary).await?;
            tx.commit().await?;
            Ok(())
        }
        .await,
    )
}

/// Records that a company's holding was updated to the latest version (e.g. done offline).
#[server(endpoint = "admin_record_version_update")]
pub async fn admin_record_version_update(company_id: i64, product_id: i64) -> Result<(), AppError> {
    use crate::purchase::CompanyState;
    use crate::{api, store};
    api::with_status(
        async {
            let (app, admin) = api::admin_caller().await?;
            let mut tx = store::begin_write(&app.db).await?;
            let company = CompanyState::load(&mut tx, company_id).await?;
            let id = domain::ProductId(product_id);
            let holding = company
                .holdings
                .iter()
                .find(|h| h.product_id == id)
                .ok_or(AppError::NotFound)?;
            let latest = &company
                .catalog
                .product(id)
                .ok_or(AppError::NotFound)?
                .latest_version;
            let update = domain::VersionUpdate {
                product_id: id,
                product_name: holding.product_name.clone(),
                quantity: holding.quantity,
                from: holding.version.clone(),
                to: latest.clone(),
            };
            store::holdings::set_version(&mut tx, company_id, id, latest).await?;
            let active = company
                .coverage
                .in_force(app.clock.today())
                .map(|c| c.id.get());
            store::version_updates::record(&mut tx, company_id, &update, active).await?;
            let summary = format!(
                "Recorded update of {} from {} to {}",
                update.product_name, update.from, update.to
            );
            audit(&mut tx, &admin, company_id, "version_update", summary).await?;
            tx.commit().await?;
            Ok(())
        }
        .await,
    )
}

/// R5: records a contractual exception: the company may ask about topics outside support.
#[server(endpoint = "admin_record_exception")]
pub async fn admin_record_exception(company_id: i64, description: String) -> Result<(), AppError> {
    use crate::{api, input, store};
    api::with_status(
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
    api::with_status(
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

#[server(endpoint = "admin_mark_paid")]
pub async fn admin_mark_paid(invoice_number: String) -> Result<(), AppError> {
    use crate::{api, input, store};
    api::with_status(
        async {
            let (app, admin) = api::admin_caller().await?;
            let invoice_number = input::invoice_number(&invoice_number)?;
            let mut tx = store::begin_write(&app.db).await?;
            let company_id = store::orders::mark_paid(&mut tx, &invoice_number)
                .await?
                .ok_or(AppError::NotFound)?;
            audit(
                &mut tx,
                &admin,
                company_id,
                "invoice_paid",
                format!("Invoice {invoice_number} marked paid"),
            )
            .await?;
            tx.commit().await?;
            Ok(())
        }
        .await,
    )
}

#[server(endpoint = "admin_catalog")]
pub async fn admin_catalog() -> Result<CatalogView, AppError> {
    use crate::{api, store};
    api::with_status(
        async {
            let (app, _) = api::admin_caller().await?;
            let today = app.clock.today();
            let entries = store::catalog::price_entries(&app.db).await?;
            let products = store::catalog::products(&app.db).await?;
            let products = products
                .into_iter()
                .map(|p| {
                    let prices = entries
                        .iter()
                        .filter(|e| e.product_id == p.id)
                        .map(|e| {
                            let valid_from = store::parse_date(&e.valid_from)?;
                            Ok(PriceEntryView {
                                id: e.id,
                                valid_from,
                                price: store::money(e.unit_price_minor)?.to_string(),
                                future: valid_from > today,
                            })
                        })
                        .collect::<Result<Vec<_>, sqlx::Error>>()?;
                    Ok(ProductAdminRow {
                        id: p.id,
                        name: p.name,
                        latest_version: p.latest_version,
                        prices,
                    })
                })
                .collect::<Result<Vec<_>, sqlx::Error>>()?;
            Ok(CatalogView { today, products })
        }
        .await,
    )
}

#[server(endpoint = "admin_add_product")]
pub async fn admin_add_product(
    name: String,
    version: String,
    price: String,
    valid_from: String,
) -> Result<(), AppError> {
    use crate::{api, input, store, text};
    api::with_status(
        async {
            let (app, admin) = api::admin_caller().await?;
            let name = input::PRODUCT_NAME.required(&name)?;
            let version = input::version(&version)?;
            let (price, valid_from) = parse_price(&price, &valid_from, app.clock.today())?;
            let mut tx = store::begin_write(&app.db).await?;
            let added =
                store::catalog::add_product(&mut tx, name, &version, price, valid_from).await?;
            if let store::Insert::NameTaken { existing } = added {
                return Err(AppError::Invalid(text::product_name_taken(&existing)));
            }
            let summary =
                format!("Product {name} added: version {version}, {price} from {valid_from}");
            audit(&mut tx, &admin, None, "product_added", summary).await?;
            tx.commit().await?;
            Ok(())
        }
        .await,
    )
}

/// Declares a new latest version of a product (holdings behind it now need an update, R7).
/// Versions only move forward: one that is not newer than the latest is refused.
#[server(endpoint = "admin_declare_version")]
pub async fn admin_declare_version(product_id: i64, version: String) -> Result<(), AppError> {
    use crate::{api, input, store};
    api::with_status(
        async {
            let (app, admin) = api::admin_caller().await?;
            let version = input::version(&version)?;
            let mut tx = store::begin_write(&app.db).await?;
            let mut product =
                store::catalog::product_for_update(&mut tx, domain::ProductId(product_id))
                    .await?
                    .ok_or(AppError::NotFound)?;
            product
                .declare_version(version)
                .map_err(|refused| AppError::Invalid(refused.to_string()))?;
            if !store::catalog::declare_version(&mut tx, &product).await? {
                return Err(AppError::NotFound);
            }
            let summary = format!(
                "Product {product_id} ({}): latest version is now {}",
                product.name, product.latest_version
            );
            audit(&mut tx, &admin, None, "version_declared", summary).await?;
            tx.commit().await?;
            Ok(())
        }
        .await,
    )
}

/// Appends a dated price. Entries are never edited: a new price is a new entry.
#[server(endpoint = "admin_add_price")]
pub async fn admin_add_price(
    product_id: i64,
    price: String,
    valid_from: String,
) -> Result<(), AppError> {
    use crate::{api, store, text};
    api::with_status(
        async {
            let (app, admin) = api::admin_caller().await?;
            let (price, valid_from) = parse_price(&price, &valid_from, app.clock.today())?;
            let mut tx = store::begin_write(&app.db).await?;
            store::catalog::products(&mut *tx)
                .await?
                .iter()
                .find(|p| p.id == product_id)
                .ok_or(AppError::NotFound)?;
            if !store::catalog::add_price(&mut tx, domain::ProductId(product_id), valid_from, price)
                .await?
            {
                return Err(AppError::Invalid(text::ERR_PRICE_EXISTS.into()));
            }
            let summary = format!("Product {product_id}: {price} from {valid_from}");
            audit(&mut tx, &admin, None, "price_added", summary).await?;
            tx.commit().await?;
            Ok(())
        }
        .await,
    )
}

/// Withdraws a price that has not taken effect; one in force is refused (contracts cite it).
#[server(endpoint = "admin_withdraw_price")]
pub async fn admin_withdraw_price(entry_id: i64) -> Result<(), AppError> {
    use crate::{api, store, text};
    api::with_status(
        async {
            let (app, admin) = api::admin_caller().await?;
            let mut tx = store::begin_write(&app.db).await?;
            if !store::catalog::withdraw_future_price(&mut tx, entry_id, app.clock.today()).await? {
                return Err(AppError::Invalid(text::ERR_PRICE_IN_FORCE.into()));
            }
            audit(
                &mut tx,
                &admin,
                None,
                "price_withdrawn",
                format!("Price entry {entry_id} withdrawn"),
            )
            .await?;
            tx.commit().await?;
            Ok(())
        }
        .await,
    )
}

#[server(endpoint = "admin_plans")]
pub async fn admin_plans() -> Result<Vec<PlanAdminRow>, AppError> {
    use crate::{api, store};
    api::with_status(
        async {
            let (app, _) = api::admin_caller().await?;
            let mut conn = app.db.acquire().await?;
            let plans = store::catalog::domain_plans(&mut conn).await?;
            let areas = store::catalog::consultation_areas(&mut *conn).await?;
            Ok(plans
                .into_iter()
                .map(|p| {
                    let plan = p.plan;
                    let (response_amount, response_in_days) = match plan.response_target {
                        domain::ResponseTarget::BusinessDays(n) => (n, true),
                        domain::ResponseTarget::BusinessHours(n) => (n, false),
                    };
                    let percent =
                        rust_decimal::Decimal::new(i64::from(plan.percent.basis_points()), 2)
                            .normalize();
                    PlanAdminRow {
                        tier: plan.tier.as_str().to_string(),
                        name: plan.name.clone(),
                        percent: percent.to_string(),
                        min_licenses: plan.min_licenses,
                        includes_new_versions: plan.includes_new_versions,
                        response_amount,
                        response_in_days,
                        areas: areas
                            .iter()
                            .map(|a| {
                                let covered =
                                    plan.consultation_areas.iter().any(|c| c.as_str() == a.code);
                                (a.code.clone(), a.name.clone(), covered)
                            })
                            .collect(),
                    }
                })
                .collect())
        }
        .await,
    )
}

/// New terms for a plan. They apply to quotes from now on; signed contracts keep theirs.
#[server(endpoint = "admin_update_plan")]
pub async fn admin_update_plan(
    tier: String,
    percent: String,
    min_licenses: u32,
    response_amount: u32,
    response_unit: String,
    includes_new_versions: Option<String>,
    deployment_and_adjusting: Option<String>,
    version_update: Option<String>,
    functional_features: Option<String>,
    reports_plugins_scripts: Option<String>,
    database_and_integration: Option<String>,
) -> Result<(), AppError> {
    use crate::{api, input, store, text};
    use domain::ConsultationArea as A;
    api::with_status(
        async {
            let (app, admin) = api::admin_caller().await?;
            let tier: domain::PlanTier = input::code(&tier)
                .ok()
                .and_then(|tier| tier.parse().ok())
                .ok_or(AppError::NotFound)?;
            // One fixed message for every bad percentage: the input is never echoed back.
            let percent = domain::Percent::parse(&percent)
                .map_err(|_| AppError::Invalid(text::ERR_PERCENT.into()))?;
            let in_days = match response_unit.as_str() {
                "business_days" => true,
                "business_hours" => false,
                _ => return Err(AppError::BadRequest),
            };
            let response_amount = input::response_target(response_amount, in_days)?;
            let mut tx = store::begin_write(&app.db).await?;
            let current = store::catalog::domain_plans(&mut tx)
                .await?
                .into_iter()
                .find(|p| p.plan.tier == tier)
                .ok_or(AppError::NotFound)?;
            let checked = [
                (A::DeploymentAndAdjusting, deployment_and_adjusting),
                (A::VersionUpdate, version_update),
                (A::FunctionalFeatures, functional_features),
                (A::ReportsPluginsScripts, reports_plugins_scripts),
                (A::DatabaseAndIntegration, database_and_integration),
            ];
            let plan = domain::Plan {
                percent,
                min_licenses,
                includes_new_versions: includes_new_versions.is_some(),
                response_target: if in_days {
                    domain::ResponseTarget::BusinessDays(response_amount)
                } else {
                    domain::ResponseTarget::BusinessHours(response_amount)
                },
                consultation_areas: checked
                    .into_iter()
                    .filter(|(_, on)| on.is_some())
                    .map(|(a, _)| a)
                    .collect(),
                ..current.plan.clone()
            };
            store::catalog::update_plan(&mut tx, &plan).await?;
            store::audit::record(
                &mut tx,
                store::audit::Entry {
                    actor: store::audit::Actor::Admin(admin.admin_id),
                    company_id: None,
                    kind: "plan_updated",
                    summary: format!("{} plan terms changed", plan.name),
                    before: serde_json::to_value(&current.plan).ok(),
                    after: serde_json::to_value(&plan).ok(),
                },
            )
            .await?;
            tx.commit().await?;
            Ok(())
        }
        .await,
    )
}

/// The audit log, filtered; every filter is optional (empty = any).
#[server(endpoint = "admin_audit")]
pub async fn admin_audit(
    company: String,
    actor: String,
    kind: String,
    from: String,
    to: String,
) -> Result<Vec<AuditRow>, AppError> {
    use crate::{api, input, store};
    api::with_status(
        async {
            let (app, _) = api::admin_caller().await?;
            let day = |value: &str| -> Result<String, AppError> {
                Ok(input::optional_date(value)?.map_or(String::new(), |d| d.to_string()))
            };
            let actor = actor.trim();
            if !matches!(actor, "" | "contact" | "admin" | "system") {
                return Err(AppError::BadRequest);
            }
            let filter = store::audit::Filter {
                company: input::COMPANY_FILTER.optional(&company)?.to_string(),
                actor_kind: actor.to_string(),
                kind: input::KIND_FILTER.optional(&kind)?.to_string(),
                from: day(&from)?,
                to: day(&to)?,
            };
            Ok(store::audit::search(&app.db, &filter)
                .await?
                .into_iter()
                .map(|r| AuditRow {
                    at: r.at,
                    actor: r
                        .actor_name
                        .map_or(r.actor_kind.clone(), |n| format!("{n} ({})", r.actor_kind)),
                    company: r.company_name,
                    kind: r.kind,
                    summary: r.summary,
                })
                .collect())
        }
        .await,
    )
}

#[cfg(feature = "ssr")]
use helpers::*;

#[cfg(feature = "ssr")]
mod helpers {
    use chrono::NaiveDate;

    use crate::auth::AdminPrincipal;
    use crate::error::AppError;
    use crate::store::{audit, Conn};
    use crate::text;

    /// Records an admin's change; `company_id` is `None` for catalogue-wide changes.
    pub async fn audit(
        conn: &mut Conn,
        admin: &AdminPrincipal,
        company_id: impl Into<Option<i64>>,
        kind: &str,
        summary: String,
    ) -> Result<(), sqlx::Error> {
        audit::record(
            conn,
            audit::Entry {
                actor: audit::Actor::Admin(admin.admin_id),
                company_id: company_id.into(),
                kind,
                summary,
                before: None,
                after: None,
            },
        )
        .await
    }

    /// A list price and its first day; prices never take effect in the past (R9 cites them).
    pub fn parse_price(
        price: &str,
        valid_from: &str,
        today: NaiveDate,
    ) -> Result<(domain::Money, NaiveDate), AppError> {
        // The domain's errors quote the input; the answer must not (it may be 64 KiB).
        let price = domain::Money::parse_amount(price)
            .map_err(|_| AppError::Invalid(text::ERR_PRICE.into()))?;
        let valid_from = crate::input::date(valid_from)?;
        if valid_from < today {
            return Err(AppError::Invalid(text::ERR_PRICE_IN_PAST.into()));
        }
        Ok((price, valid_from))
    }

    pub mod contact {
        //! Invitations (R3): the new contact sets a password from a single-use link.

        use crate::auth::AdminPrincipal;
        use crate::error::AppError;
        use crate::model::admin::InvitationSent;
        use crate::state::AppState;
        use crate::store::{self, tokens, Conn};
        use crate::text;

        /// `name` and `email` have passed `input`'s checks.
        pub async fn invite(
            app: &AppState,
            conn: &mut Conn,
            admin: &AdminPrincipal,
            company_id: i64,
            name: &str,
            email: &str,
        ) -> Result<InvitationSent, AppError> {
            let contact_id = match store::contacts::assign(conn, company_id, name, email).await {
                Ok(id) => id,
                // The email is taken, or (a lost race) the company's contact changed meanwhile:
                // `store::constraint` tells which.
                Err(e) => return Err(e.into()),
            };
            let token = tokens::issue(
                conn,
                contact_id,
                tokens::Purpose::Invitation,
                app.clock.now(),
            )
            .await?;
            super::audit(
                conn,
                admin,
                company_id,
                "contact_assigned",
                format!("Contact is now {name} <{email}>; invitation sent"),
            )
            .await?;
            Ok(InvitationSent {
                company_id,
                link: format!("{}/invite?token={token}", app.public_url),
            })
        }

        /// Mail after commit: a mail failure must not undo the assignment; the admin has the link.
        pub async fn mail_invitation(
            app: &AppState,
            invitation: &InvitationSent,
            name: &str,
            email: &str,
        ) {
            let body = text::invitation_mail(name.trim(), &invitation.link);
            if let Err(error) = app
                .mailer
                .send(name.trim(), email.trim(), text::INVITATION_SUBJECT, body)
                .await
            {
                tracing::warn!(
                    ?error,
                    "invitation mail not sent; the admin can pass the link on"
                );
            }
        }
    }
}
