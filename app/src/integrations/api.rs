//! `/api/v1`: read companies, holdings, contracts, orders and invoices (paged, `updated_since`);
//! grant licenses and declare versions. Every request names an admin's personal access token in
//! `Authorization: Bearer …`; cookies are ignored here, as tokens are everywhere else, so a
//! page's CSRF rules and a token's scope never meet. Writes go through the same functions as
//! the admin pages: the same validation, transactions and audit entries.

use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::error::AppError;
use crate::principal::AdminPrincipal;
use crate::state::AppState;
use crate::store::api_tokens::{self, Refused, Scope};
use crate::store::records::{self, Window};

/// The longest page a list returns.
pub const MAX_PER_PAGE: i64 = 500;

/// The routes of `/api/v1`, as (method, path): the router and the OpenAPI document are checked
/// against each other with it.
pub const ROUTES: &[(&str, &str)] = &[
    ("get", "/api/v1/companies"),
    ("get", "/api/v1/holdings"),
    ("get", "/api/v1/contracts"),
    ("get", "/api/v1/orders"),
    ("get", "/api/v1/invoices"),
    ("post", "/api/v1/companies/{id}/license-grants"),
    ("post", "/api/v1/products/{id}/versions"),
];

/// The API's router (state: the app).
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/companies", get(companies))
        .route("/api/v1/holdings", get(holdings))
        .route("/api/v1/contracts", get(contracts))
        .route("/api/v1/orders", get(orders))
        .route("/api/v1/invoices", get(invoices))
        .route(
            "/api/v1/companies/{id}/license-grants",
            post(grant_licenses),
        )
        .route("/api/v1/products/{id}/versions", post(declare_version))
        .route("/api/v1/openapi.json", get(super::openapi::document))
        .route("/api/v1/docs", get(super::openapi::docs))
}

/// An error as the API answers it: the status, and `{"error": message, "rule": id}` (the rule
/// id only for a rule's refusal).
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiError {
    /// What went wrong and what to do, in English.
    pub error: String,
    /// The SPEC rule that refused the request (`R1` … `R11`), if one did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
}

/// A refusal of the API.
pub struct Failure(StatusCode, ApiError, Option<&'static str>);

impl Failure {
    fn new(status: StatusCode, error: impl Into<String>) -> Self {
        Failure(
            status,
            ApiError {
                error: error.into(),
                rule: None,
            },
            None,
        )
    }

    fn token(error: &str) -> Self {
        let mut failure = Failure::new(StatusCode::UNAUTHORIZED, error);
        failure.2 = Some("Bearer error=\"invalid_token\"");
        failure
    }
}

impl From<AppError> for Failure {
    fn from(error: AppError) -> Self {
        let status =
            StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let rule = match &error {
            AppError::Rule(violation) => Some(violation.rule_id().to_string()),
            _ => None,
        };
        Failure(
            status,
            ApiError {
                error: error.to_string(),
                rule,
            },
            None,
        )
    }
}

impl From<sqlx::Error> for Failure {
    fn from(error: sqlx::Error) -> Self {
        AppError::from(error).into()
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        let mut response = (self.0, Json(self.1)).into_response();
        if let Some(challenge) = self.2 {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static(challenge),
            );
        }
        if self.0 == StatusCode::TOO_MANY_REQUESTS || self.0 == StatusCode::SERVICE_UNAVAILABLE {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("60"));
        }
        response
    }
}

/// The admin whose token the request carries, if the token may do `needed`. No token (a
/// cookie does not count) is 401; an unknown, revoked or expired one is 401, and an unknown one
/// counts against the client's address (`throttle::BAD_TOKEN`); a read token on a write is 403.
async fn caller(
    app: &AppState,
    headers: &HeaderMap,
    peer: std::net::SocketAddr,
    needed: Scope,
) -> Result<AdminPrincipal, Failure> {
    let Some(token) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
    else {
        return Err(Failure::token(
            "This API takes a personal access token (Authorization: Bearer …), not a session cookie; create one on your account page.",
        ));
    };
    let found = api_tokens::authenticate(&app.db, token, app.clock.now()).await?;
    let (admin, scope) = match found {
        Ok((_, admin, scope)) => (admin, scope),
        // Only unknown tokens count as guesses, from the client's address (behind a trusted
        // proxy, the one it forwards): a valid token is never slowed down by them, and a
        // revoked or expired one is a known integration that needs a new token.
        Err(Refused::Unknown) => {
            let ip = crate::auth::address_of(app.trust_proxy, headers, Some(peer.ip()));
            let _counted = crate::throttle::BAD_TOKEN
                .attempt(app, "token", &ip)
                .await?;
            return Err(Failure::token("This token is not known."));
        }
        Err(Refused::Revoked) => return Err(Failure::token("This token was revoked.")),
        Err(Refused::Expired) => return Err(Failure::token("This token has expired.")),
    };
    if needed == Scope::Write && scope == Scope::Read {
        return Err(Failure::new(
            StatusCode::FORBIDDEN,
            "This token may only read; create a write token to change records.",
        ));
    }
    Ok(admin)
}

/// Paging and the change filter of every list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// Page number, from 1.
    pub page: Option<i64>,
    /// Records per page, 1 to 500 (100 by default).
    pub per_page: Option<i64>,
    /// Only records of companies changed at or after this instant (RFC 3339); orders placed at
    /// or after it.
    pub updated_since: Option<String>,
}

impl ListQuery {
    fn window(&self) -> Result<(Window, i64, i64), Failure> {
        let page = self.page.unwrap_or(1);
        let per_page = self.per_page.unwrap_or(100);
        if page < 1 || !(1..=MAX_PER_PAGE).contains(&per_page) {
            return Err(Failure::new(
                StatusCode::BAD_REQUEST,
                format!("page starts at 1; per_page is 1 to {MAX_PER_PAGE}."),
            ));
        }
        let since = match self.updated_since.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(text) => Some(
                chrono::DateTime::parse_from_rfc3339(text)
                    .map_err(|_| {
                        Failure::new(
                            StatusCode::BAD_REQUEST,
                            "updated_since is an RFC 3339 instant, e.g. 2026-11-30T09:00:00Z.",
                        )
                    })?
                    .with_timezone(&chrono::Utc)
                    .to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            ),
        };
        // One more row than asked tells whether a next page exists.
        let window = Window {
            since,
            limit: per_page + 1,
            offset: (page - 1).saturating_mul(per_page),
        };
        Ok((window, page, per_page))
    }
}

/// One page of records.
#[derive(Debug, Serialize, ToSchema)]
pub struct Page<T: ToSchema> {
    pub data: Vec<T>,
    pub page: i64,
    pub per_page: i64,
    /// The next page's number, or none on the last page.
    pub next_page: Option<i64>,
}

fn page<T: ToSchema>(mut rows: Vec<T>, page: i64, per_page: i64) -> Json<Page<T>> {
    let more = rows.len() as i64 > per_page;
    rows.truncate(usize::try_from(per_page).unwrap_or(0));
    Json(Page {
        data: rows,
        page,
        per_page,
        next_page: more.then_some(page + 1),
    })
}

/// A customer company and its designated contact (R3).
#[derive(Debug, Serialize, ToSchema)]
pub struct Company {
    pub id: i64,
    pub name: String,
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    /// The company's last recorded change (RFC 3339).
    pub updated_at: String,
}

/// Licenses of one product a company owns, and the version they are on.
#[derive(Debug, Serialize, ToSchema)]
pub struct Holding {
    pub company_id: i64,
    pub product_id: i64,
    pub product: String,
    pub quantity: i64,
    pub version: String,
    pub updated_at: String,
}

/// A signed support contract: plan tier and period (first and last day, inclusive).
#[derive(Debug, Serialize, ToSchema)]
pub struct Contract {
    pub id: i64,
    pub company_id: i64,
    /// `basic`, `standard` or `premium`.
    pub plan: String,
    pub start: String,
    pub end: String,
    pub years: i64,
    pub signed_at: String,
    pub updated_at: String,
}

/// An order: new support, a renewal or added licenses.
#[derive(Debug, Serialize, ToSchema)]
pub struct Order {
    pub id: i64,
    pub company_id: i64,
    /// `new_support`, `renewal` or `add_licenses`.
    pub kind: String,
    pub placed_at: String,
    pub signing_date: String,
    /// Total before VAT, a decimal in the vendor's currency (e.g. `1180.00`).
    pub total: String,
    pub invoice_number: Option<String>,
}

/// An issued invoice.
#[derive(Debug, Serialize, ToSchema)]
pub struct Invoice {
    pub number: String,
    pub order_id: i64,
    pub company_id: i64,
    pub issue_date: String,
    pub due_date: String,
    pub currency: String,
    /// Total including VAT, a decimal (e.g. `1416.00`).
    pub total: String,
    /// `unpaid` or `paid`.
    pub status: String,
    pub paid_on: Option<String>,
    pub updated_at: String,
}

fn decimal(minor: i64) -> String {
    crate::store::money(minor)
        .map(|m| m.to_string())
        .unwrap_or_default()
}

type Peer = ConnectInfo<std::net::SocketAddr>;

/// A request body, read once the caller is known (a stranger learns nothing from a 422).
fn json_body<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, Failure> {
    serde_json::from_slice(body).map_err(|error| {
        Failure::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            format!("The body is not the JSON this operation takes: {error}."),
        )
    })
}

#[utoipa::path(get, path = "/api/v1/companies", params(ListQuery), tag = "read",
    security(("token" = [])),
    responses((status = 200, body = Page<Company>), (status = 401, body = ApiError), (status = 400, body = ApiError)))]
pub async fn companies(
    State(app): State<AppState>,
    ConnectInfo(peer): Peer,
    headers: HeaderMap,
    Query(q): Query<ListQuery>,
) -> Result<Json<Page<Company>>, Failure> {
    caller(&app, &headers, peer, Scope::Read).await?;
    let (w, n, per) = q.window()?;
    let rows = records::companies(&app.db, &w).await?;
    Ok(page(
        rows.into_iter()
            .map(|r| Company {
                id: r.id,
                name: r.name,
                contact_name: r.contact_name,
                contact_email: r.contact_email,
                updated_at: r.updated_at,
            })
            .collect(),
        n,
        per,
    ))
}

#[utoipa::path(get, path = "/api/v1/holdings", params(ListQuery), tag = "read",
    security(("token" = [])),
    responses((status = 200, body = Page<Holding>), (status = 401, body = ApiError), (status = 400, body = ApiError)))]
pub async fn holdings(
    State(app): State<AppState>,
    ConnectInfo(peer): Peer,
    headers: HeaderMap,
    Query(q): Query<ListQuery>,
) -> Result<Json<Page<Holding>>, Failure> {
    caller(&app, &headers, peer, Scope::Read).await?;
    let (w, n, per) = q.window()?;
    let rows = records::holdings(&app.db, &w).await?;
    Ok(page(
        rows.into_iter()
            .map(|r| Holding {
                company_id: r.company_id,
                product_id: r.product_id,
                product: r.product,
                quantity: r.quantity,
                version: r.version,
                updated_at: r.updated_at,
            })
            .collect(),
        n,
        per,
    ))
}

#[utoipa::path(get, path = "/api/v1/contracts", params(ListQuery), tag = "read",
    security(("token" = [])),
    responses((status = 200, body = Page<Contract>), (status = 401, body = ApiError), (status = 400, body = ApiError)))]
pub async fn contracts(
    State(app): State<AppState>,
    ConnectInfo(peer): Peer,
    headers: HeaderMap,
    Query(q): Query<ListQuery>,
) -> Result<Json<Page<Contract>>, Failure> {
    caller(&app, &headers, peer, Scope::Read).await?;
    let (w, n, per) = q.window()?;
    let rows = records::contracts(&app.db, &w).await?;
    Ok(page(
        rows.into_iter()
            .map(|r| Contract {
                id: r.id,
                company_id: r.company_id,
                plan: r.plan,
                start: r.start,
                end: r.end,
                years: r.years,
                signed_at: r.signed_at,
                updated_at: r.updated_at,
            })
            .collect(),
        n,
        per,
    ))
}

#[utoipa::path(get, path = "/api/v1/orders", params(ListQuery), tag = "read",
    security(("token" = [])),
    responses((status = 200, body = Page<Order>), (status = 401, body = ApiError), (status = 400, body = ApiError)))]
pub async fn orders(
    State(app): State<AppState>,
    ConnectInfo(peer): Peer,
    headers: HeaderMap,
    Query(q): Query<ListQuery>,
) -> Result<Json<Page<Order>>, Failure> {
    caller(&app, &headers, peer, Scope::Read).await?;
    let (w, n, per) = q.window()?;
    let rows = records::orders(&app.db, &w).await?;
    Ok(page(
        rows.into_iter()
            .map(|r| Order {
                id: r.id,
                company_id: r.company_id,
                kind: r.kind,
                placed_at: r.placed_at,
                signing_date: r.signing_date,
                total: decimal(r.total_minor),
                invoice_number: r.invoice_number,
            })
            .collect(),
        n,
        per,
    ))
}

#[utoipa::path(get, path = "/api/v1/invoices", params(ListQuery), tag = "read",
    security(("token" = [])),
    responses((status = 200, body = Page<Invoice>), (status = 401, body = ApiError), (status = 400, body = ApiError)))]
pub async fn invoices(
    State(app): State<AppState>,
    ConnectInfo(peer): Peer,
    headers: HeaderMap,
    Query(q): Query<ListQuery>,
) -> Result<Json<Page<Invoice>>, Failure> {
    caller(&app, &headers, peer, Scope::Read).await?;
    let (w, n, per) = q.window()?;
    let rows = records::invoices(&app.db, &w).await?;
    Ok(page(
        rows.into_iter()
            .map(|r| Invoice {
                number: r.number,
                order_id: r.order_id,
                company_id: r.company_id,
                issue_date: r.issue_date,
                due_date: r.due_date,
                currency: r.currency,
                total: decimal(r.total_minor),
                status: r.status,
                paid_on: r.paid_on,
                updated_at: r.updated_at,
            })
            .collect(),
        n,
        per,
    ))
}

/// Licenses granted at no charge (e.g. sold in the ERP), on the product's latest version.
#[derive(Debug, Deserialize, ToSchema)]
pub struct LicenseGrant {
    pub product_id: i64,
    /// 1 to 10,000.
    pub quantity: u32,
}

#[utoipa::path(post, path = "/api/v1/companies/{id}/license-grants", tag = "write",
    params(("id" = i64, Path, description = "The company")), request_body = LicenseGrant,
    security(("token" = [])),
    responses((status = 201, description = "Granted"), (status = 401, body = ApiError),
        (status = 403, body = ApiError), (status = 404, body = ApiError), (status = 422, body = ApiError)))]
pub async fn grant_licenses(
    State(app): State<AppState>,
    ConnectInfo(peer): Peer,
    headers: HeaderMap,
    Path(id): Path<i64>,
    body: axum::body::Bytes,
) -> Result<StatusCode, Failure> {
    let admin = caller(&app, &headers, peer, Scope::Write).await?;
    let grant: LicenseGrant = json_body(&body)?;
    crate::api::admin::grant_licenses(&app, &admin, id, grant.product_id, grant.quantity).await?;
    Ok(StatusCode::CREATED)
}

/// A product's new latest version (versions only move forward).
#[derive(Debug, Deserialize, ToSchema)]
pub struct VersionDeclaration {
    /// Numbers separated by dots, e.g. `7.13`.
    pub version: String,
}

#[utoipa::path(post, path = "/api/v1/products/{id}/versions", tag = "write",
    params(("id" = i64, Path, description = "The product")), request_body = VersionDeclaration,
    security(("token" = [])),
    responses((status = 201, description = "Declared"), (status = 401, body = ApiError),
        (status = 403, body = ApiError), (status = 404, body = ApiError), (status = 422, body = ApiError)))]
pub async fn declare_version(
    State(app): State<AppState>,
    ConnectInfo(peer): Peer,
    headers: HeaderMap,
    Path(id): Path<i64>,
    body: axum::body::Bytes,
) -> Result<StatusCode, Failure> {
    let admin = caller(&app, &headers, peer, Scope::Write).await?;
    let declaration: VersionDeclaration = json_body(&body)?;
    let version = crate::input::version(&declaration.version)?;
    crate::api::admin::declare_version(&app, &admin, id, version).await?;
    Ok(StatusCode::CREATED)
}
