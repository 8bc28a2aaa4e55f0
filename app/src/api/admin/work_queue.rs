//! The admin home's work queue: renewals coming up, invoices past due, requests by deadline,
//! and the newest orders, across all companies.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::admin::*;

/// How far ahead the work queue looks for coverage that ends (days).
pub const RENEWAL_HORIZON_DAYS: i64 = 90;

/// Rows per section: the queue shows what to do first, not everything.
pub const WORK_QUEUE_ROWS: i64 = 10;

#[server(endpoint = "admin_work_queue")]
pub async fn admin_work_queue() -> Result<WorkQueue, AppError> {
    use crate::api;
    use crate::api::consult::views;
    use crate::api::orders::views::{amount, order_kind, placed_minute};
    use crate::store::{self, work_queue};
    api::with_status(
        async {
            let (app, _) = api::admin_caller().await?;
            let today = app.clock.today();
            let horizon = today + chrono::Duration::days(RENEWAL_HORIZON_DAYS);
            let day = |iso: &str| iso.parse::<chrono::NaiveDate>().unwrap_or(today);
            let renewals_due = work_queue::coverage_ending(
                &app.db,
                &today.to_string(),
                &horizon.to_string(),
                WORK_QUEUE_ROWS,
            )
            .await?
            .into_iter()
            .map(|r| RenewalDue {
                company_id: r.company_id,
                company: r.company_name,
                days_left: (day(&r.coverage_end) - today).num_days(),
                coverage_end: r.coverage_end,
            })
            .collect();
            let overdue_invoices =
                work_queue::overdue_invoices(&app.db, &today.to_string(), WORK_QUEUE_ROWS)
                    .await?
                    .into_iter()
                    .map(|i| {
                        Ok(OverdueInvoiceRow {
                            company_id: i.company_id,
                            company: i.company_name,
                            days_overdue: (today - day(&i.due_date)).num_days(),
                            number: i.number,
                            due_date: i.due_date,
                            total: amount(i.total_minor, &app.currency)?,
                        })
                    })
                    .collect::<Result<_, AppError>>()?;
            let open = store::consultations::open_queue(&app.db).await?;
            // Waiting for a first answer: answered ones need no action from the queue.
            let open = open.into_iter().filter(|r| r.status == "open").collect();
            let mut requests = views::summaries(&app, open).await?;
            requests.sort_by(|a, b| a.due.cmp(&b.due));
            requests.truncate(WORK_QUEUE_ROWS as usize);
            let recent_orders = work_queue::recent_orders(&app.db, WORK_QUEUE_ROWS)
                .await?
                .into_iter()
                .map(|o| {
                    Ok(RecentOrderRow {
                        company_id: o.company_id,
                        company: o.company_name,
                        kind: order_kind(&o.kind),
                        placed_at: placed_minute(&o.placed_at),
                        total: amount(o.total_minor, &app.currency)?,
                        invoice_number: o.invoice_number,
                    })
                })
                .collect::<Result<_, AppError>>()?;
            Ok(WorkQueue {
                renewals_due,
                overdue_invoices,
                requests,
                recent_orders,
            })
        }
        .await,
    )
}
