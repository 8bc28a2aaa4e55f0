//! Signed support terms.

use chrono::NaiveDate;

use crate::store::{parse_date, Db};

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
    start_date: String,
    end_date: String,
}

/// All of a company's terms, latest end first.
pub async fn for_company(db: &Db, company_id: i64) -> Result<Vec<ContractRecord>, sqlx::Error> {
    let rows: Vec<ContractRow> = sqlx::query_as(
        "SELECT c.id, p.name AS plan_name, c.start_date, c.end_date
           FROM contracts c JOIN plans p ON p.id = c.plan_id
          WHERE c.company_id = $1
          ORDER BY c.end_date DESC",
    )
    .bind(company_id)
    .fetch_all(db)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(ContractRecord {
                id: r.id,
                plan_name: r.plan_name,
                start: parse_date(&r.start_date)?,
                end: parse_date(&r.end_date)?,
            })
        })
        .collect()
}
