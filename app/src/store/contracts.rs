//! Signed support contracts: a company's [`Coverage`]. Each row keeps every term of its plan
//! as signed (R10), so later plan edits never reach it.

use domain::{
    Contract, ContractId, Coverage, CoverageChange, Plan, ResponseTarget, SignedContract,
};

use crate::store::catalog::{parse_area, StoredPlan};
use crate::store::{corrupt, parse_date, Conn, Db};

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
    SELECT id, plan_name, plan_tier, percent_bp, includes_new_versions, covered_areas,
           start_date, end_date, includes_patches, min_licenses, response_target_amount,
           response_target_unit
      FROM contracts
     WHERE company_id = $1";

/// The company's contract timeline, read from the pool (pages that only show it).
pub async fn for_company(db: &Db, company_id: i64) -> Result<Coverage, sqlx::Error> {
    let mut conn = db.acquire().await?;
    coverage(&mut conn, company_id).await
}

/// The company's contract timeline, each contract with the plan terms it was signed on.
/// Stored contracts that overlap are corrupt data (the schema refuses them).
pub async fn coverage(conn: &mut Conn, company_id: i64) -> Result<Coverage, sqlx::Error> {
    let rows: Vec<ContractRow> = sqlx::query_as(SELECT_CONTRACTS)
        .bind(company_id)
        .fetch_all(conn)
        .await?;
    let contracts = rows
        .into_iter()
        .map(signed_contract)
        .collect::<Result<Vec<_>, _>>()?;
    Coverage::new(contracts).map_err(corrupt)
}

fn signed_contract(row: ContractRow) -> Result<SignedContract, sqlx::Error> {
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
    Ok(SignedContract {
        id: ContractId(row.id),
        contract,
    })
}

/// Writes what one purchase does to the timeline and returns the contract it created or
/// extended. `plan` is the plan row a new contract is signed on (its terms are copied).
///
/// An R8 extension moves the later contracts first, latest first, and extends the one in
/// force last, so no intermediate state overlaps (the schema would refuse it).
pub async fn apply(
    conn: &mut Conn,
    company_id: i64,
    change: &CoverageChange,
    plan: Option<&StoredPlan>,
    years: u32,
    signed_at: &str,
) -> Result<ContractId, sqlx::Error> {
    match change {
        CoverageChange::New(contract) | CoverageChange::Renewal { contract, .. } => {
            let plan_id = plan
                .map(|p| p.id)
                .ok_or_else(|| corrupt(domain::InvalidInput::UnknownName("plan".into())))?;
            insert(conn, company_id, plan_id, contract, years, signed_at).await
        }
        CoverageChange::Extended {
            id,
            contract,
            moves,
            ..
        } => {
            for moved in moves.iter().rev() {
                set_period(conn, moved.id, moved.to.start, moved.to.end).await?;
            }
            set_period(conn, *id, contract.start(), contract.end()).await?;
            Ok(*id)
        }
    }
}

/// Signs a new contract, copying every term of its plan as it is today (R10).
pub async fn insert(
    conn: &mut Conn,
    company_id: i64,
    plan_id: i64,
    contract: &Contract,
    years: u32,
    signed_at: &str,
) -> Result<ContractId, sqlx::Error> {
    let terms: &Plan = contract.plan();
    let areas = terms
        .consultation_areas
        .iter()
        .map(|a| a.as_str())
        .collect::<Vec<_>>()
        .join(",");
    let (amount, unit) = match terms.response_target {
        ResponseTarget::BusinessHours(n) => (n, "business_hours"),
        ResponseTarget::BusinessDays(n) => (n, "business_days"),
    };
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO contracts (company_id, plan_id, plan_tier, plan_name, percent_bp,
                                includes_new_versions, includes_patches, min_licenses,
                                response_target_amount, response_target_unit, covered_areas,
                                start_date, end_date, years, signed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
         RETURNING id",
    )
    .bind(company_id)
    .bind(plan_id)
    .bind(terms.tier.as_str())
    .bind(terms.name.as_str())
    .bind(i64::from(terms.percent.basis_points()))
    .bind(i64::from(terms.includes_new_versions))
    .bind(i64::from(terms.crucial_updates))
    .bind(i64::from(terms.min_licenses))
    .bind(i64::from(amount))
    .bind(unit)
    .bind(areas)
    .bind(contract.start().to_string())
    .bind(contract.end().to_string())
    .bind(i64::from(years))
    .bind(signed_at)
    .fetch_one(conn)
    .await?;
    Ok(ContractId(id))
}

/// R8: moves a contract's days (the one in force gets a later end, later ones shift whole).
async fn set_period(
    conn: &mut Conn,
    id: ContractId,
    start: chrono::NaiveDate,
    end: chrono::NaiveDate,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE contracts SET start_date = $2, end_date = $3 WHERE id = $1")
        .bind(id.get())
        .bind(start.to_string())
        .bind(end.to_string())
        .execute(conn)
        .await?;
    Ok(())
}

/// Repairs the timelines stored before overlapping contracts were refused (issue 11): each
/// overlapping contract moves after the one before it, keeping its length
/// ([`Coverage::repaired`]). One transaction per company, each repair audited; a no-op once
/// done, so start-up runs it every time. Returns how many contracts moved.
pub async fn repair_overlaps(db: &Db) -> Result<usize, sqlx::Error> {
    let companies: Vec<(i64,)> = sqlx::query_as(
        "SELECT DISTINCT a.company_id FROM contracts a JOIN contracts b
             ON b.company_id = a.company_id AND b.id <> a.id
            AND a.start_date <= b.end_date AND b.start_date <= a.end_date",
    )
    .fetch_all(db)
    .await?;
    let mut moved = 0;
    for (company_id,) in companies {
        let mut tx = super::begin_write(db).await?;
        super::lock_company(&mut tx, company_id).await?;
        let rows: Vec<ContractRow> = sqlx::query_as(SELECT_CONTRACTS)
            .bind(company_id)
            .fetch_all(&mut *tx)
            .await?;
        let contracts = rows
            .into_iter()
            .map(signed_contract)
            .collect::<Result<Vec<_>, _>>()?;
        let (_, moves) = Coverage::repaired(contracts).map_err(corrupt)?;
        if moves.is_empty() {
            // Another instance starting at the same time repaired it first.
            continue;
        }
        // Latest first: each row lands after every row still to move, so no step overlaps.
        for m in moves.iter().rev() {
            set_period(&mut tx, m.id, m.to.start, m.to.end).await?;
        }
        let summary = moves
            .iter()
            .map(|m| format!("{} contract {} → {}", m.plan_name, m.from, m.to))
            .collect::<Vec<_>>()
            .join("; ");
        super::audit::record(
            &mut tx,
            super::audit::Entry {
                actor: super::audit::Actor::System,
                company_id: Some(company_id),
                kind: "contracts_repaired",
                summary: format!("Overlapping contracts moved one after another: {summary}"),
                before: None,
                after: Some(serde_json::json!(moves)),
            },
        )
        .await?;
        tx.commit().await?;
        tracing::warn!(
            company_id,
            moves = moves.len(),
            "overlapping contracts repaired"
        );
        moved += moves.len();
    }
    Ok(moved)
}
