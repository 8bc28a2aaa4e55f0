//! Signed support terms. Each row keeps a copy of its plan's terms as signed.

use chrono::NaiveDate;
use domain::{Contract, Plan};

use crate::store::catalog::{parse_area, StoredPlan};
use crate::store::{corrupt, parse_date, Conn, Db};

#[derive(Debug, Clone)]
pub struct ContractRecord {
    pub id: i64,
    pub plan_name: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl ContractRecord {
    pub fn period(&self) -> domain::ContractPeriod {
        domain::ContractPeriod {
            start: self.start,
            end: self.end,
        }
    }
}

#[derive(sqlx::FromRow)]
struct ContractRow {
    id: i64,
    plan_name: String,
    plan_tier: String,
    percent_bp: i64,
    includes_new_versions: i64,
    covered_areas: String,
    start_date: String,
    end_date: String,
    includes_patches: i64,
    min_licenses: i64,
    response_target_amount: i64,
    response_target_unit: String,
}

const SELECT_CONTRACTS: &str = "
    SELECT c.id, p.name AS plan_name, c.plan_tier, c.percent_bp, c.includes_new_versions,
           c.covered_areas, c.start_date, c.end_date, p.includes_patches, p.min_licenses,
           p.response_target_amount, p.response_target_unit
      FROM contracts c JOIN plans p ON p.id = c.plan_id
     WHERE c.company_id = $1
     ORDER BY c.end_date DESC";

/// All of a company's terms, latest end first.
pub async fn for_company(db: &Db, company_id: i64) -> Result<Vec<ContractRecord>, sqlx::Error> {
    let mut conn = db.acquire().await?;
    Ok(domain_contracts(&mut conn, company_id)
        .await?
        .into_iter()
        .map(|c| ContractRecord {
            id: c.id,
            plan_name: c.contract.plan().name.clone(),
            start: c.contract.start(),
            end: c.contract.end(),
        })
        .collect())
}

/// A signed contract as the rules see it, with its database id.
#[derive(Debug, Clone)]
pub struct StoredContract {
    pub id: i64,
    pub contract: Contract,
}

/// The company's contracts, latest end first, each with the plan terms it was signed on.
pub async fn domain_contracts(
    conn: &mut Conn,
    company_id: i64,
) -> Result<Vec<StoredContract>, sqlx::Error> {
    let rows: Vec<ContractRow> = sqlx::query_as(SELECT_CONTRACTS)
        .bind(company_id)
        .fetch_all(conn)
        .await?;
    rows.into_iter()
        .map(|row| {
            let areas = row
                .covered_areas
                .split(',')
                .filter(|code| !code.is_empty())
                .map(parse_area)
                .collect::<Result<Vec<_>, _>>()?;
            let record = crate::store::catalog::PlanRecord {
                id: 0,
                tier: row.plan_tier,
                name: row.plan_name,
                percent_bp: row.percent_bp,
                includes_patches: row.includes_patches,
                includes_new_versions: row.includes_new_versions,
                min_licenses: row.min_licenses,
                response_target_amount: row.response_target_amount,
                response_target_unit: row.response_target_unit,
            };
            let plan = crate::store::catalog::to_plan(&record, areas)?;
            let contract = Contract::new(
                plan,
                parse_date(&row.start_date)?,
                parse_date(&row.end_date)?,
            )
            .map_err(corrupt)?;
            Ok(StoredContract {
                id: row.id,
                contract,
            })
        })
        .collect()
}

/// Signs a new term, copying the plan's terms as they are today.
pub async fn insert(
    conn: &mut Conn,
    company_id: i64,
    plan: &StoredPlan,
    contract: &Contract,
    years: u32,
    signed_at: &str,
) -> Result<i64, sqlx::Error> {
    let terms: &Plan = &plan.plan;
    let areas = terms
        .consultation_areas
        .iter()
        .map(|a| a.as_str())
        .collect::<Vec<_>>()
        .join(",");
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO contracts (company_id, plan_id, plan_tier, percent_bp, includes_new_versions,
                                covered_areas, start_date, end_date, years, signed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(company_id)
    .bind(plan.id)
    .bind(terms.tier.as_str())
    .bind(i64::from(terms.percent.basis_points()))
    .bind(i64::from(terms.includes_new_versions))
    .bind(areas)
    .bind(contract.start().to_string())
    .bind(contract.end().to_string())
    .bind(i64::from(years))
    .bind(signed_at)
    .fetch_one(conn)
    .await?;
    Ok(id)
}

/// R8: moves the end of a running contract.
pub async fn extend(
    conn: &mut Conn,
    contract_id: i64,
    new_end: NaiveDate,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE contracts SET end_date = $2 WHERE id = $1")
        .bind(contract_id)
        .bind(new_end.to_string())
        .execute(conn)
        .await?;
    Ok(())
}
