//! Products, the dated price list and the plans with their feature matrix.

use domain::{Catalog, ConsultationArea, Percent, Plan, PlanTier, PriceEntry, PriceList, Product};
use domain::{ProductId, ResponseTarget, Version};

use crate::store::{corrupt, for_update, money, parse_date, Conn, Db, Insert};

/// A `plans` row (or a contract's copy of its terms) before it becomes a [`Plan`].
#[derive(Debug, Clone, sqlx::FromRow)]
pub(crate) struct PlanRecord {
    pub id: i64,
    pub tier: String,
    pub name: String,
    pub percent_bp: i64,
    pub includes_patches: i64,
    pub includes_new_versions: i64,
    pub min_licenses: i64,
    pub response_target_amount: i64,
    pub response_target_unit: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AreaRecord {
    pub code: String,
    pub name: String,
}

impl AreaRecord {
    /// The area's name in the reader's language (the stored name is the English one, kept
    /// for an area code this release does not know).
    pub fn display_name(&self) -> String {
        self.code
            .parse::<domain::ConsultationArea>()
            .map(crate::text::consultation_area)
            .unwrap_or_else(|_| self.name.clone())
    }
}

async fn plan_records(conn: &mut Conn) -> Result<Vec<PlanRecord>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, tier, name, percent_bp, includes_patches, includes_new_versions, min_licenses,
                response_target_amount, response_target_unit
           FROM plans ORDER BY sort_order",
    )
    .fetch_all(conn)
    .await
}

/// The consultation areas in display order. Takes the pool or a connection.
pub async fn consultation_areas<'e>(
    db: impl sqlx::Executor<'e, Database = sqlx::Any>,
) -> Result<Vec<AreaRecord>, sqlx::Error> {
    sqlx::query_as("SELECT code, name FROM consultation_areas ORDER BY sort_order")
        .fetch_all(db)
        .await
}

async fn coverage_pairs(conn: &mut Conn) -> Result<Vec<(i64, String)>, sqlx::Error> {
    sqlx::query_as("SELECT plan_id, area_code FROM plan_consultation_areas")
        .fetch_all(conn)
        .await
}

/// A plan as the rules see it, with its database id.
#[derive(Debug, Clone)]
pub struct StoredPlan {
    pub id: i64,
    pub plan: Plan,
}

/// The plans on offer today, as domain values.
pub async fn domain_plans(conn: &mut Conn) -> Result<Vec<StoredPlan>, sqlx::Error> {
    let records = plan_records(conn).await?;
    let coverage = coverage_pairs(conn).await?;
    records
        .into_iter()
        .map(|record| {
            let areas = coverage
                .iter()
                .filter(|(plan_id, _)| *plan_id == record.id)
                .map(|(_, code)| parse_area(code))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(StoredPlan {
                id: record.id,
                plan: to_plan(&record, areas)?,
            })
        })
        .collect()
}

pub(crate) fn parse_area(code: &str) -> Result<ConsultationArea, sqlx::Error> {
    code.parse::<ConsultationArea>().map_err(corrupt)
}

pub(crate) fn parse_tier(tier: &str) -> Result<PlanTier, sqlx::Error> {
    tier.parse::<PlanTier>().map_err(corrupt)
}

pub(crate) fn to_plan(
    record: &PlanRecord,
    areas: Vec<ConsultationArea>,
) -> Result<Plan, sqlx::Error> {
    let amount = u32::try_from(record.response_target_amount).map_err(corrupt)?;
    Ok(Plan {
        tier: parse_tier(&record.tier)?,
        name: record.name.clone(),
        percent: percent(record.percent_bp)?,
        consultation_areas: areas,
        crucial_updates: record.includes_patches != 0,
        includes_new_versions: record.includes_new_versions != 0,
        response_target: if record.response_target_unit == "business_hours" {
            ResponseTarget::BusinessHours(amount)
        } else {
            ResponseTarget::BusinessDays(amount)
        },
        min_licenses: u32::try_from(record.min_licenses).map_err(corrupt)?,
    })
}

pub(crate) fn percent(basis_points: i64) -> Result<Percent, sqlx::Error> {
    let bp = u32::try_from(basis_points).map_err(corrupt)?;
    Percent::from_basis_points(bp).map_err(corrupt)
}

#[derive(sqlx::FromRow)]
struct ProductRow {
    id: i64,
    name: String,
    latest_version: String,
}

#[derive(sqlx::FromRow)]
struct PriceRow {
    product_id: i64,
    valid_from: String,
    unit_price_minor: i64,
}

/// Every product with its whole price history: what a quote looks prices up in.
pub async fn load_catalog(conn: &mut Conn) -> Result<Catalog, sqlx::Error> {
    let products: Vec<ProductRow> =
        sqlx::query_as("SELECT id, name, latest_version FROM products ORDER BY name")
            .fetch_all(&mut *conn)
            .await?;
    let prices: Vec<PriceRow> =
        sqlx::query_as("SELECT product_id, valid_from, unit_price_minor FROM price_list_entries")
            .fetch_all(&mut *conn)
            .await?;
    let products = products
        .into_iter()
        .map(|p| {
            Ok(Product {
                id: ProductId(p.id),
                name: p.name,
                latest_version: Version::parse(&p.latest_version).map_err(corrupt)?,
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    let entries = prices
        .into_iter()
        .map(|p| {
            Ok(PriceEntry {
                product_id: ProductId(p.product_id),
                valid_from: parse_date(&p.valid_from)?,
                price: money(p.unit_price_minor)?,
            })
        })
        .collect::<Result<Vec<_>, sqlx::Error>>()?;
    Catalog::new(products, PriceList::new(entries).map_err(corrupt)?).map_err(corrupt)
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PriceEntryRow {
    pub id: i64,
    pub product_id: i64,
    pub valid_from: String,
    pub unit_price_minor: i64,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ProductRecord {
    pub id: i64,
    pub name: String,
    pub latest_version: String,
}

/// Every product, by name. Takes the pool or, inside a transaction, its connection.
pub async fn products<'e>(
    db: impl sqlx::Executor<'e, Database = sqlx::Any>,
) -> Result<Vec<ProductRecord>, sqlx::Error> {
    sqlx::query_as("SELECT id, name, latest_version FROM products ORDER BY name")
        .fetch_all(db)
        .await
}

pub async fn price_entries(db: &Db) -> Result<Vec<PriceEntryRow>, sqlx::Error> {
    sqlx::query_as(
        "SELECT id, product_id, valid_from, unit_price_minor FROM price_list_entries
          ORDER BY product_id, valid_from",
    )
    .fetch_all(db)
    .await
}

/// A new product with its first price, unless a product of the same name key (the same name
/// up to case and spacing) exists.
pub async fn add_product(
    conn: &mut Conn,
    name: &str,
    version: &Version,
    price: domain::Money,
    valid_from: chrono::NaiveDate,
) -> Result<Insert, sqlx::Error> {
    let name = name.trim();
    let key = domain::name_key(name);
    // No conflict target: either unique key (name, name_key) means the name is taken. A
    // concurrent insert of the same key makes this one wait, then do nothing.
    let row: Option<(i64,)> = sqlx::query_as(
        "INSERT INTO products (name, name_key, latest_version) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING id",
    )
    .bind(name)
    .bind(&key)
    .bind(version.to_string())
    .fetch_optional(&mut *conn)
    .await?;
    let Some((id,)) = row else {
        let existing: Option<(String,)> =
            sqlx::query_as("SELECT name FROM products WHERE name_key = $1")
                .bind(&key)
                .fetch_optional(&mut *conn)
                .await?;
        return Ok(Insert::NameTaken {
            existing: existing.map_or_else(|| name.to_string(), |(name,)| name),
        });
    };
    add_price(conn, ProductId(id), valid_from, price).await?;
    Ok(Insert::Created(id))
}

/// The product, locked until the transaction ends so that two declarations of a new version
/// cannot both compare against the same latest one.
pub async fn product_for_update(
    conn: &mut Conn,
    product_id: ProductId,
) -> Result<Option<Product>, sqlx::Error> {
    let query = format!(
        "SELECT id, name, latest_version FROM products WHERE id = $1{}",
        for_update(conn)
    );
    let row: Option<ProductRow> = sqlx::query_as(&query)
        .bind(product_id.get())
        .fetch_optional(&mut *conn)
        .await?;
    row.map(|p| {
        Ok(Product {
            id: ProductId(p.id),
            name: p.name,
            latest_version: Version::parse(&p.latest_version).map_err(corrupt)?,
        })
    })
    .transpose()
}

/// Stores a new latest version, which `Product::declare_version` has accepted (R7 then asks
/// holdings to catch up).
pub async fn declare_version(conn: &mut Conn, product: &Product) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("UPDATE products SET latest_version = $2 WHERE id = $1")
        .bind(product.id.get())
        .bind(product.latest_version.to_string())
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Appends a dated price. The (product, valid_from) key is unique: an existing entry is never
/// overwritten; returns false when one exists.
pub async fn add_price(
    conn: &mut Conn,
    product_id: ProductId,
    valid_from: chrono::NaiveDate,
    price: domain::Money,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "INSERT INTO price_list_entries (product_id, valid_from, unit_price_minor, created_at)
         VALUES ($1, $2, $3, $4) ON CONFLICT (product_id, valid_from) DO NOTHING",
    )
    .bind(product_id.get())
    .bind(valid_from.to_string())
    .bind(price.to_minor())
    .bind(crate::store::now_rfc3339())
    .execute(conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Withdraws an entry that has not taken effect yet (valid_from after `today`); entries in
/// force are never deleted because contracts cite them. Returns false when refused.
pub async fn withdraw_future_price(
    conn: &mut Conn,
    entry_id: i64,
    today: chrono::NaiveDate,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("DELETE FROM price_list_entries WHERE id = $1 AND valid_from > $2")
        .bind(entry_id)
        .bind(today.to_string())
        .execute(conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// New terms for a plan, for quotes from now on (signed contracts keep their copy).
pub async fn update_plan(conn: &mut Conn, plan: &Plan) -> Result<bool, sqlx::Error> {
    let (amount, unit) = match plan.response_target {
        ResponseTarget::BusinessDays(n) => (n, "business_days"),
        ResponseTarget::BusinessHours(n) => (n, "business_hours"),
    };
    let row: Option<(i64,)> = sqlx::query_as(
        "UPDATE plans SET percent_bp = $2, includes_new_versions = $3, min_licenses = $4,
                          response_target_amount = $5, response_target_unit = $6
          WHERE tier = $1 RETURNING id",
    )
    .bind(plan.tier.as_str())
    .bind(i64::from(plan.percent.basis_points()))
    .bind(i64::from(plan.includes_new_versions))
    .bind(i64::from(plan.min_licenses))
    .bind(i64::from(amount))
    .bind(unit)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((plan_id,)) = row else {
        return Ok(false);
    };
    sqlx::query("DELETE FROM plan_consultation_areas WHERE plan_id = $1")
        .bind(plan_id)
        .execute(&mut *conn)
        .await?;
    for area in &plan.consultation_areas {
        sqlx::query("INSERT INTO plan_consultation_areas (plan_id, area_code) VALUES ($1, $2)")
            .bind(plan_id)
            .bind(area.as_str())
            .execute(&mut *conn)
            .await?;
    }
    Ok(true)
}
