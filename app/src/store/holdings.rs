//! Licenses a company owns.

use domain::{Holding, ProductId, Quantity, Version};

use crate::store::{corrupt, Conn, Db};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct HoldingRecord {
    pub product_id: i64,
    pub product_name: String,
    pub quantity: i64,
    pub version: String,
    pub latest_version: String,
}

pub async fn for_company(db: &Db, company_id: i64) -> Result<Vec<HoldingRecord>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    records(&mut conn, company_id).await
}

async fn records(conn: &mut Conn, company_id: i64) -> Result<Vec<HoldingRecord>, sqlx::Error> {
    sqlx::query_as(
        "SELECT h.product_id, p.name AS product_name, h.quantity, h.version, p.latest_version
           FROM holdings h JOIN products p ON p.id = h.product_id
          WHERE h.company_id = $1
          ORDER BY p.name",
    )
    .bind(company_id)
    .fetch_all(conn)
    .await
}

/// The company's holdings as the rules see them.
pub async fn domain_holdings(
    conn: &mut Conn,
    company_id: i64,
) -> Result<Vec<Holding>, sqlx::Error> {
    records(conn, company_id)
        .await?
        .into_iter()
        .map(|r| {
            Ok(Holding {
                product_id: ProductId(r.product_id),
                product_name: r.product_name,
                quantity: u32::try_from(r.quantity)
                    .ok()
                    .and_then(|q| Quantity::new(q).ok())
                    .ok_or_else(|| corrupt(domain::InvalidInput::ZeroQuantity))?,
                version: Version::parse(&r.version).map_err(corrupt)?,
            })
        })
        .collect()
}

/// Adds bought licenses: a new holding on `version`, or more licenses on an existing one.
pub async fn add_licenses(
    conn: &mut Conn,
    company_id: i64,
    product_id: ProductId,
    quantity: Quantity,
    version: &Version,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO holdings (company_id, product_id, quantity, version) VALUES ($1, $2, $3, $4)
         ON CONFLICT (company_id, product_id) DO UPDATE SET quantity = holdings.quantity + $3",
    )
    .bind(company_id)
    .bind(product_id.get())
    .bind(i64::from(quantity.get()))
    .bind(version.to_string())
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn set_version(
    conn: &mut Conn,
    company_id: i64,
    product_id: ProductId,
    version: &Version,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE holdings SET version = $3 WHERE company_id = $1 AND product_id = $2")
        .bind(company_id)
        .bind(product_id.get())
        .bind(version.to_string())
        .execute(conn)
        .await?;
    Ok(())
}

/// Sets a company's holding of a product to `quantity` on `version` (a CSV import: the file
/// states the holding as the ERP knows it).
pub async fn set(
    conn: &mut Conn,
    company_id: i64,
    product_id: i64,
    quantity: i64,
    version: &Version,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO holdings (company_id, product_id, quantity, version) VALUES ($1, $2, $3, $4)
         ON CONFLICT (company_id, product_id) DO UPDATE SET quantity = $3, version = $4",
    )
    .bind(company_id)
    .bind(product_id)
    .bind(quantity)
    .bind(version.to_string())
    .execute(conn)
    .await?;
    Ok(())
}
