//! Buying support and licenses: quote, then confirm exactly once (R1, R2, R6–R11).

use leptos::prelude::*;

use crate::error::AppError;
use crate::model;

/// Prices new support or a renewal (the server decides which from the company's contracts)
/// for `plan` over `years` whole years.
#[server(endpoint = "support_quote")]
pub async fn support_quote(plan: String, years: u32) -> Result<model::QuoteView, AppError> {
    use crate::purchase::PurchaseRequest;
    api::with_status(
        async {
            let request = PurchaseRequest::support(&plan, years)?;
            views::quote_for(&request).await
        }
        .await,
    )
}

/// Confirms a support quote; on success goes to the new order.
#[server(endpoint = "buy_support")]
pub async fn buy_support(
    plan: String,
    years: u32,
    digest: String,
    key: String,
) -> Result<i64, AppError> {
    use crate::purchase::PurchaseRequest;
    api::with_status(
        async {
            let request = PurchaseRequest::support(&plan, years)?;
            views::confirm(&request, input::opaque(&digest)?, input::opaque(&key)?).await
        }
        .await,
    )
}

/// Prices additional licenses (`lines` = `product_id:quantity,…`) with their support:
/// `support` = `active` (extend the running contract, R8) or `new` (with `plan`).
#[server(endpoint = "license_quote")]
pub async fn license_quote(
    lines: String,
    support: String,
    plan: String,
    years: u32,
) -> Result<model::QuoteView, AppError> {
    use crate::purchase::PurchaseRequest;
    api::with_status(
        async {
            let lines = input::order_lines(&lines)?;
            let request = PurchaseRequest::licenses(lines, &support, &plan, years)?;
            views::quote_for(&request).await
        }
        .await,
    )
}

#[server(endpoint = "buy_licenses")]
pub async fn buy_licenses(
    lines: String,
    support: String,
    plan: String,
    years: u32,
    digest: String,
    key: String,
) -> Result<i64, AppError> {
    use crate::purchase::PurchaseRequest;
    api::with_status(
        async {
            let lines = input::order_lines(&lines)?;
            let request = PurchaseRequest::licenses(lines, &support, &plan, years)?;
            views::confirm(&request, input::opaque(&digest)?, input::opaque(&key)?).await
        }
        .await,
    )
}

/// The plans priced on the caller's own licenses; `None` for anonymous visitors and admins,
/// who see the public matrix only.
#[server(endpoint = "plan_offers")]
pub async fn plan_offers() -> Result<Option<model::PlanOffers>, AppError> {
    api::with_status(views::plan_offers().await)
}

/// Products that can be added, with today's prices, and the support options.
#[server(endpoint = "license_options")]
pub async fn license_options() -> Result<model::LicenseOptions, AppError> {
    api::with_status(views::license_options().await)
}

#[cfg(feature = "ssr")]
use crate::{api, input};

#[cfg(feature = "ssr")]
mod views {
    //! From domain values to what the pages show.

    use domain::{CoverageChange, LicenseLine, COMPARISON_TERMS};

    use crate::auth::{self, ContactPrincipal};
    use crate::error::AppError;
    use crate::model;
    use crate::purchase::{self, CompanyState, PurchaseRequest};
    use crate::state::{app_state, AppState};

    async fn caller() -> Result<(AppState, ContactPrincipal), AppError> {
        let state = app_state()?;
        let who = auth::current_contact(&state).await?;
        Ok((state, who))
    }

    async fn company_state(
        app: &AppState,
        who: &ContactPrincipal,
    ) -> Result<CompanyState, AppError> {
        let mut conn = app.db.acquire().await?;
        Ok(CompanyState::load(&mut conn, who.company_id).await?)
    }

    pub async fn quote_for(request: &PurchaseRequest) -> Result<model::QuoteView, AppError> {
        let (app, who) = caller().await?;
        let mut conn = app.db.acquire().await?;
        let company = CompanyState::load(&mut conn, who.company_id).await?;
        let vat_rate = crate::store::vendor::current(&mut conn).await?.vat_rate()?;
        let priced = purchase::price(&company, request, app.clock.today(), vat_rate)?;
        Ok(quote_view(&priced, &app.currency))
    }

    pub async fn confirm(
        request: &PurchaseRequest,
        digest: &str,
        key: &str,
    ) -> Result<i64, AppError> {
        let (app, who) = caller().await?;
        let order_id = purchase::place(&app, &who, request, digest, key).await?;
        leptos_axum::redirect(&format!("/orders/{order_id}"));
        Ok(order_id)
    }

    pub async fn plan_offers() -> Result<Option<model::PlanOffers>, AppError> {
        let app = app_state()?;
        let who = match auth::current_contact(&app).await {
            Ok(who) => who,
            // An admin has no licenses of its own: the public page, not a 403.
            Err(AppError::NotSignedIn | AppError::Forbidden) => return Ok(None),
            Err(other) => return Err(other),
        };
        let company = company_state(&app, &who).await?;
        let today = app.clock.today();
        let plans: Vec<_> = company.plans.iter().map(|p| p.plan.clone()).collect();
        let comparison = domain::plan_comparison(
            &company.holdings,
            &company.coverage,
            today,
            &company.catalog,
            &plans,
        )
        .map_err(|error| AppError::internal(format_args!("plan comparison failed: {error}")))?;
        debug_assert_eq!(COMPARISON_TERMS.len(), 3);
        Ok(Some(model::PlanOffers {
            currency: app.currency.clone(),
            license_total: comparison.license_total.to_string(),
            total_licenses: domain::total_licenses(&company.holdings),
            renews: company.coverage.last().is_some(),
            offers: comparison
                .options
                .into_iter()
                .map(|option| model::PlanOffer {
                    tier: option.plan.tier.as_str().to_string(),
                    name: option.plan.name,
                    current: option.current,
                    eligible: option.eligible,
                    refusals: option.refusals,
                    prices: option
                        .prices
                        .iter()
                        .map(|p| (p.years.get(), p.amount.to_string()))
                        .collect(),
                })
                .collect(),
        }))
    }

    pub async fn license_options() -> Result<model::LicenseOptions, AppError> {
        let (app, who) = caller().await?;
        let company = company_state(&app, &who).await?;
        let today = app.clock.today();
        let products = company
            .catalog
            .products()
            .filter_map(|product| {
                let price = company.catalog.price_on(product.id, today)?;
                let owned = company
                    .holdings
                    .iter()
                    .find(|h| h.product_id == product.id)
                    .map_or(0, |h| h.quantity.get());
                Some(model::ProductOption {
                    id: product.id.get(),
                    name: product.name.clone(),
                    latest_version: product.latest_version.to_string(),
                    unit_price: price.price.to_string(),
                    owned,
                })
            })
            .collect();
        Ok(model::LicenseOptions {
            currency: app.currency.clone(),
            products,
            new_contract_allowed: company.coverage.allows_new_contract(today),
            support_starts: company.coverage.starts_later(today),
            covered_until: company.coverage.covered_until(today),
            active_contract: company
                .coverage
                .in_force(today)
                .map(|c| model::ActiveContractView {
                    plan_name: c.contract.plan().name.clone(),
                    end: c.contract.end(),
                }),
            plans: company
                .plans
                .iter()
                .map(|p| (p.plan.tier.as_str().to_string(), p.plan.name.clone()))
                .collect(),
        })
    }

    /// The unrounded amount with every significant digit, but never fewer than cents:
    /// "480.00", "199.998".
    fn exact(amount: rust_decimal::Decimal) -> String {
        let mut amount = amount.normalize();
        if amount.scale() < 2 {
            amount.rescale(2);
        }
        amount.to_string()
    }

    fn line_view(line: &LicenseLine) -> model::LineView {
        model::LineView {
            product: line.product_name.clone(),
            version: line.version.to_string(),
            quantity: line.quantity.get(),
            unit_price: line.unit_price.to_string(),
            price_valid_from: line.price_valid_from,
            amount: line.amount.to_string(),
        }
    }

    pub fn quote_view(priced: &purchase::PricedOrder, currency: &str) -> model::QuoteView {
        use crate::store::orders::OrderKind as K;
        let (quote, kind) = (&priced.quote, priced.kind);
        let support = &quote.support;
        let taxed = &priced.taxed;
        model::QuoteView {
            // Shown only when the vendor charges VAT: at 0% the total is what is paid.
            tax: (!taxed.tax.is_zero()).then(|| model::QuoteTax {
                rate: taxed.rate.to_string(),
                amount: taxed.tax.to_string(),
                total: taxed.total.to_string(),
            }),
            kind: match kind {
                K::NewSupport => model::OrderKind::NewSupport,
                K::Renewal => model::OrderKind::Renewal,
                K::AddLicenses => model::OrderKind::AddLicenses,
            },
            signing_date: quote.signing_date,
            currency: currency.to_string(),
            licenses: quote.licenses.iter().map(line_view).collect(),
            support: model::SupportView {
                plan_name: support.plan_name.clone(),
                percent: support.percent.to_string(),
                years: support.years.get(),
                basis: support.basis.iter().map(line_view).collect(),
                license_total: support.license_total.to_string(),
                exact_amount: exact(support.exact_amount),
                amount: support.amount.to_string(),
            },
            total: quote.total.to_string(),
            change: match &quote.contract {
                CoverageChange::New(contract) => model::ContractChange::New {
                    start: contract.start(),
                    end: contract.end(),
                },
                CoverageChange::Renewal {
                    previous_end,
                    lapsed,
                    contract,
                } => model::ContractChange::Renewal {
                    previous_end: *previous_end,
                    lapsed: *lapsed,
                    start: contract.start(),
                    end: contract.end(),
                },
                CoverageChange::Extended {
                    extension, moves, ..
                } => model::ContractChange::Extended {
                    owned: extension.owned,
                    added: extension.added,
                    years: extension.years.get(),
                    days: extension.days,
                    old_end: extension.old_end,
                    new_end: extension.new_end,
                    moves: moves
                        .iter()
                        .map(|m| model::ContractMoveView {
                            plan_name: m.plan_name.clone(),
                            from_start: m.from.start,
                            from_end: m.from.end,
                            to_start: m.to.start,
                            to_end: m.to.end,
                        })
                        .collect(),
                },
            },
            digest: priced.digest(),
            idempotency_key: purchase::new_idempotency_key(),
        }
    }
}
