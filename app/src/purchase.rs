//! Quoting and placing orders (R1, R2, R6–R11). Server-only.
//!
//! `price` turns what the contact asks for into a domain quote on the company's current state;
//! `place` re-runs it inside one write transaction and writes the order, its invoice, the
//! holdings and the contract change together, exactly once per idempotency key.

use blake2::{Blake2s256, Digest};
use chrono::NaiveDate;
use domain::{
    quote_license_purchase, quote_support, Coverage, CoverageChange, LicenseOrderLine, Percent,
    PlanTier, ProductId, Quantity, Quote, QuoteError, RuleViolation, SupportChoice, Taxed, Years,
};
use serde::{Deserialize, Serialize};

use crate::auth::ContactPrincipal;
use crate::error::AppError;
use crate::state::AppState;
use crate::store::audit::{self, Actor};
use crate::store::catalog::StoredPlan;
use crate::store::orders::{LineKind, NewOrder, NewOrderLine, OrderKind};
use crate::store::{self, Conn};

/// Everything the rules need to know about one company, read in one go.
pub struct CompanyState {
    pub holdings: Vec<domain::Holding>,
    /// Its contracts, never overlapping (R1).
    pub coverage: Coverage,
    pub catalog: domain::Catalog,
    pub plans: Vec<StoredPlan>,
}

impl CompanyState {
    pub async fn load(conn: &mut Conn, company_id: i64) -> Result<Self, sqlx::Error> {
        Ok(Self {
            holdings: store::holdings::domain_holdings(conn, company_id).await?,
            coverage: store::contracts::coverage(conn, company_id).await?,
            catalog: store::catalog::load_catalog(conn).await?,
            plans: store::catalog::domain_plans(conn).await?,
        })
    }

    /// The company's holding of `product` and the product's latest declared version (R4's
    /// inputs); `NotFound` when the company does not own it or it does not exist, alike.
    pub fn holding_and_latest(
        &self,
        product: ProductId,
    ) -> Result<(&domain::Holding, &domain::Version), AppError> {
        let holding = self
            .holdings
            .iter()
            .find(|h| h.product_id == product)
            .ok_or(AppError::NotFound)?;
        let latest = &self
            .catalog
            .product(product)
            .ok_or(AppError::NotFound)?
            .latest_version;
        Ok((holding, latest))
    }

    pub fn plan(&self, tier: PlanTier) -> Result<&StoredPlan, AppError> {
        self.plans
            .iter()
            .find(|p| p.plan.tier == tier)
            .ok_or(AppError::BadRequest)
    }
}

/// What the contact asks to buy, as parsed from the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum PurchaseRequest {
    /// New support, or a renewal when the company has had a contract (R6: always all products).
    Support { plan: PlanTier, years: u32 },
    /// Additional licenses with support (R1).
    Licenses {
        lines: Vec<(ProductId, u32)>,
        support: LicenseSupport,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum LicenseSupport {
    /// Covered by the running contract, extended under R8.
    ActiveContract { years: u32 },
    /// A new contract bought in the same order.
    NewContract { plan: PlanTier, years: u32 },
    /// Nothing chosen: refused by R1.
    None,
}

impl PurchaseRequest {
    /// Parses the form fields of the support flow.
    pub fn support(plan: &str, years: u32) -> Result<Self, AppError> {
        Ok(Self::Support {
            plan: parse_tier(plan)?,
            years,
        })
    }

    /// Parses the form fields of the license flow: `lines` is `product_id:quantity,…`;
    /// `support` is `active`, `new` (with `plan`) or empty.
    pub fn licenses(lines: &str, support: &str, plan: &str, years: u32) -> Result<Self, AppError> {
        let lines = lines
            .split(',')
            .filter(|item| !item.trim().is_empty())
            .map(|item| {
                let (id, qty) = item.split_once(':').ok_or(AppError::BadRequest)?;
                let id: i64 = id.trim().parse().map_err(|_| AppError::BadRequest)?;
                let qty: u32 = qty.trim().parse().map_err(|_| AppError::BadRequest)?;
                Ok((ProductId(id), qty))
            })
            .filter(|line| !matches!(line, Ok((_, 0))))
            .collect::<Result<Vec<_>, AppError>>()?;
        let support = match support {
            "active" => LicenseSupport::ActiveContract { years },
            "new" => LicenseSupport::NewContract {
                plan: parse_tier(plan)?,
                years,
            },
            _ => LicenseSupport::None,
        };
        Ok(Self::Licenses { lines, support })
    }

    /// Identifies the request for R11: the same key must come with the same request.
    pub fn fingerprint(&self) -> String {
        digest_of(self)
    }
}

/// Exactly as the forms send it (`premium`, not `PREMIUM `).
fn parse_tier(plan: &str) -> Result<PlanTier, AppError> {
    crate::input::code(plan)?
        .parse()
        .map_err(|_| AppError::BadRequest)
}

/// A quote, what it is, the plan row a new contract is signed on, and what the invoice will
/// charge (the quote's total taxed at the vendor's VAT rate).
pub struct PricedOrder {
    pub kind: OrderKind,
    pub quote: Quote,
    pub plan: Option<StoredPlan>,
    pub taxed: Taxed,
}

impl PricedOrder {
    /// Changes whenever anything the price depends on changes (price list, holdings, contract,
    /// plan terms, date, VAT rate): a confirm carrying an older digest is refused as stale.
    pub fn digest(&self) -> String {
        digest_of(&(&self.quote, &self.taxed))
    }
}

/// Prices the request on the company's state as of `today`, taxed at `vat_rate`. Pure: reads
/// nothing, writes nothing. The domain decides what the order does to the contract timeline.
pub fn price(
    state: &CompanyState,
    request: &PurchaseRequest,
    today: NaiveDate,
    vat_rate: Percent,
) -> Result<PricedOrder, AppError> {
    let (kind, quote, plan) = match request {
        PurchaseRequest::Support { plan, years } => {
            let plan = state.plan(*plan)?;
            let years = Years::new(*years)?;
            let quote = quote_support(
                &state.coverage,
                &state.holdings,
                &plan.plan,
                years,
                today,
                &state.catalog,
            )
            .map_err(quote_error)?;
            let kind = match quote.contract {
                CoverageChange::Renewal { .. } => OrderKind::Renewal,
                _ => OrderKind::NewSupport,
            };
            (kind, quote, Some(plan.clone()))
        }
        PurchaseRequest::Licenses { lines, support } => {
            let added = lines
                .iter()
                .map(|(product_id, qty)| {
                    state
                        .catalog
                        .product(*product_id)
                        .ok_or(AppError::BadRequest)?;
                    let quantity = Quantity::new(*qty).map_err(|_| AppError::BadRequest)?;
                    Ok(LicenseOrderLine {
                        product_id: *product_id,
                        quantity,
                    })
                })
                .collect::<Result<Vec<_>, AppError>>()?;
            let (choice, plan) = match support {
                LicenseSupport::ActiveContract { years } => {
                    let years = Years::new(*years)?;
                    (Some(SupportChoice::ActiveContract { years }), None)
                }
                LicenseSupport::NewContract { plan, years } => {
                    let plan = state.plan(*plan)?;
                    let years = Years::new(*years)?;
                    let choice = SupportChoice::NewContract {
                        plan: plan.plan.clone(),
                        years,
                    };
                    (Some(choice), Some(plan.clone()))
                }
                LicenseSupport::None => (None, None),
            };
            let quote = quote_license_purchase(
                &state.coverage,
                &state.holdings,
                &added,
                choice.as_ref(),
                today,
                &state.catalog,
            )
            .map_err(quote_error)?;
            (OrderKind::AddLicenses, quote, plan)
        }
    };
    let taxed = Taxed::new(quote.total, vat_rate)
        .map_err(|e| AppError::internal(format_args!("tax on {}: {e}", quote.total)))?;
    Ok(PricedOrder {
        kind,
        quote,
        plan,
        taxed,
    })
}

fn quote_error(error: QuoteError) -> AppError {
    match error {
        QuoteError::Rule(violation) => AppError::Rule(violation),
        QuoteError::EmptyOrder => AppError::EmptyOrder,
        other => AppError::internal(format_args!(
            "catalogue inconsistent with holdings: {other}"
        )),
    }
}

fn digest_of(value: &impl Serialize) -> String {
    let json = serde_json::to_vec(value).unwrap_or_default();
    let hash = Blake2s256::digest(json);
    hash.iter().take(16).map(|b| format!("{b:02x}")).collect()
}

/// A fresh random key for a quote form (R11), 128 bits as hex.
pub fn new_idempotency_key() -> String {
    use argon2::password_hash::rand_core::{OsRng, RngCore};
    let mut bytes = [0u8; 16];
    OsRng.fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Places the order exactly once (R11) and returns its id.
///
/// Inside one write transaction: a key seen before returns its order (or R11 if the request
/// differs); otherwise the quote is recomputed from the stored state (never from the browser),
/// compared with the one shown, and order, lines, invoice, holdings, contract and audit entry
/// are written together, or nothing is.
pub async fn place(
    app: &AppState,
    who: &ContactPrincipal,
    request: &PurchaseRequest,
    shown_digest: &str,
    key: &str,
) -> Result<i64, AppError> {
    if !(8..=100).contains(&key.len()) {
        return Err(AppError::BadRequest);
    }
    let fingerprint = request.fingerprint();
    let mut tx = store::begin_write(&app.db).await?;
    store::lock_company(&mut tx, who.company_id).await?;
    if let Some(seen) = store::idempotency::find(&mut tx, who.company_id, key).await? {
        return match seen.order_id {
            Some(order_id) if seen.fingerprint == fingerprint => Ok(order_id),
            _ => Err(RuleViolation::R11ConflictingResubmission.into()),
        };
    }
    let today = app.clock.today();
    let state = CompanyState::load(&mut tx, who.company_id).await?;
    let vendor = store::vendor::current(&mut tx).await?;
    let priced = price(&state, request, today, vendor.vat_rate()?)?;
    if priced.digest() != shown_digest {
        return Err(AppError::StaleQuote);
    }
    let now = store::now_rfc3339();
    let quote = &priced.quote;

    let before_end = state.coverage.end();
    // The change must fit the timeline it was made from: a domain bug is a 500, never a write.
    state
        .coverage
        .apply(&quote.contract, domain::ContractId(0))
        .map_err(|e| AppError::internal(format_args!("coverage change does not fit: {e}")))?;
    let contract_id = store::contracts::apply(
        &mut tx,
        who.company_id,
        &quote.contract,
        priced.plan.as_ref(),
        quote.support.years.get(),
        &now,
    )
    .await?;
    for line in &quote.licenses {
        store::holdings::add_licenses(
            &mut tx,
            who.company_id,
            line.product_id,
            line.quantity,
            &line.version,
        )
        .await?;
    }
    let order = NewOrder {
        company_id: who.company_id,
        contact_id: who.contact_id,
        kind: priced.kind,
        placed_at: now.clone(),
        signing_date: quote.signing_date,
        total: quote.total,
        contract_id: contract_id.get(),
        contract_end_before: match &quote.contract {
            CoverageChange::Extended { extension, .. } => Some(extension.old_end),
            _ => before_end,
        },
        contract_end_after: quote.contract.contract().end(),
        lines: order_lines(quote)?,
    };
    let order_id = store::orders::insert(&mut tx, &order).await?;
    let invoice_number = crate::invoice::issue(
        &mut tx,
        crate::invoice::Issue {
            order_id,
            company_id: who.company_id,
            company_name: &who.company_name,
            issue_date: quote.signing_date,
            taxed: priced.taxed,
            vendor: &vendor,
            currency: &app.currency,
        },
    )
    .await?;
    store::idempotency::insert(&mut tx, who.company_id, key, &fingerprint, order_id, &now).await?;
    let invoice_mail = crate::jobs::enqueue_claimed(
        &mut tx,
        &crate::jobs::Job::InvoiceMail {
            order_id,
            company_id: who.company_id,
        },
        app.clock.now(),
    )
    .await?;
    let webhooks = order_events(&mut tx, &order, order_id, &invoice_number, quote, app).await?;
    audit::record(
        &mut tx,
        audit::Entry {
            actor: Actor::Contact(who.contact_id),
            company_id: Some(who.company_id),
            kind: order.kind.as_str(),
            summary: format!(
                "Order {order_id}: {} {}, contract now ends {}",
                quote.total,
                app.currency,
                quote.contract.contract().end()
            ),
            before: Some(serde_json::json!({
                "holdings": state.holdings,
                "contract_end": before_end,
            })),
            after: Some(serde_json::json!({
                "order_id": order_id,
                "total": quote.total,
                "contract": quote.contract,
            })),
        },
    )
    .await?;
    tx.commit().await?;
    tracing::info!(order_id, company_id = who.company_id, %invoice_number, "order placed");
    crate::jobs::run_claimed(app, invoice_mail).await;
    for job in webhooks {
        crate::jobs::kick_in_background(app, job).await;
    }
    Ok(order_id)
}

/// The webhook events of a placed order (issue 17): `order.placed`, and `contract.renewed`
/// for a renewal. Returns their delivery jobs.
async fn order_events(
    conn: &mut crate::store::Conn,
    order: &store::orders::NewOrder,
    order_id: i64,
    invoice_number: &domain::InvoiceNumber,
    quote: &Quote,
    app: &AppState,
) -> Result<Vec<i64>, AppError> {
    use crate::integrations::webhooks::emit;
    let now = app.clock.now();
    let contract = quote.contract.contract();
    let data = serde_json::json!({
        "order_id": order_id,
        "company_id": order.company_id,
        "kind": order.kind.as_str(),
        "total": quote.total.to_string(),
        "currency": app.currency,
        "invoice_number": invoice_number.to_string(),
        "contract": { "start": contract.start(), "end": contract.end() },
    });
    let mut jobs = emit(
        conn,
        "order.placed",
        &format!("order.placed:{order_id}"),
        data.clone(),
        now,
    )
    .await?;
    if order.kind == OrderKind::Renewal {
        let id = format!("contract.renewed:{order_id}");
        jobs.extend(emit(conn, "contract.renewed", &id, data, now).await?);
    }
    Ok(jobs)
}

/// One line per license product and one for support, which states its service period. The
/// descriptions are the record, in English; `text::line_description` re-words exactly these
/// two wordings for readers of other languages.
fn order_lines(quote: &Quote) -> Result<Vec<NewOrderLine>, AppError> {
    let licenses = quote.licenses.iter().map(|line| NewOrderLine {
        kind: LineKind::License,
        product_id: Some(line.product_id.get()),
        description: format!("{} licenses, version {}", line.product_name, line.version),
        quantity: line.quantity.get(),
        unit_price: line.unit_price,
        price_valid_from: Some(line.price_valid_from),
        percent_bp: None,
        years: None,
        amount: line.amount,
        service: None,
    });
    let support = &quote.support;
    let support_line = NewOrderLine {
        kind: LineKind::Support,
        product_id: None,
        description: format!(
            "{} support, {}: {} × {} × {}",
            support.plan_name,
            support.years,
            support.percent,
            support.license_total,
            support.years.get()
        ),
        quantity: 1,
        unit_price: support.amount,
        price_valid_from: None,
        percent_bp: Some(support.percent.basis_points()),
        years: Some(support.years.get()),
        amount: support.amount,
        service: Some(
            domain::ServicePeriod::of(&quote.contract)
                .map_err(|e| AppError::internal(format_args!("service period: {e}")))?,
        ),
    };
    Ok(licenses.chain(std::iter::once(support_line)).collect())
}
