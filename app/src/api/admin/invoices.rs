//! Invoices: the list of unpaid, overdue and paid ones, and recording a payment.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::invoice::InvoiceListPage;

#[cfg(feature = "ssr")]
use super::helpers::*;

/// Invoices shown per page of the admin's list.
pub const INVOICES_PER_PAGE: u32 = 50;

/// One page of invoices matching `filter` (`unpaid`, `overdue`, `paid`, `all`) whose company
/// name or number contains `search`, oldest due first.
#[server(endpoint = "admin_invoices")]
pub async fn admin_invoices(
    filter: String,
    search: String,
    page: u32,
) -> Result<InvoiceListPage, AppError> {
    use crate::api::orders::views;
    use crate::model::invoice::{InvoiceFilter, InvoiceListRow};
    use crate::store::invoices::StatusFilter;
    use crate::store::parse_date;
    use crate::{api, input, store};
    api::with_status(
        async {
            let (app, _) = api::admin_caller().await?;
            let filter = InvoiceFilter::parse(&filter).ok_or(AppError::BadRequest)?;
            let search = input::SEARCH.optional(&search)?;
            let today = app.clock.today();
            let status = match filter {
                InvoiceFilter::Unpaid => StatusFilter::Unpaid,
                InvoiceFilter::Overdue => StatusFilter::Overdue,
                InvoiceFilter::Paid => StatusFilter::Paid,
                InvoiceFilter::All => StatusFilter::All,
            };
            let limit = i64::from(INVOICES_PER_PAGE);
            let mut rows = store::invoices::list(
                &app.db,
                status,
                search,
                &today.to_string(),
                limit + 1,
                i64::from(page) * limit,
            )
            .await?;
            let has_next = rows.len() as i64 > limit;
            rows.truncate(INVOICES_PER_PAGE as usize);
            let rows = rows
                .into_iter()
                .map(|r| {
                    let due = parse_date(&r.due_date)?;
                    Ok(InvoiceListRow {
                        status: crate::invoice::status(
                            &r.status,
                            r.paid_on.as_deref(),
                            due,
                            today,
                        )?,
                        total: views::amount(r.total_minor, &app.currency)?,
                        order_id: r.order_id,
                        company_id: r.company_id,
                        company_name: r.company_name,
                        number: r.number,
                        issue_date: r.issue_date,
                        due_date: r.due_date,
                        bank_reference: r.bank_reference,
                    })
                })
                .collect::<Result<Vec<_>, AppError>>()?;
            Ok(InvoiceListPage {
                filter,
                page,
                has_next,
                rows,
                today,
            })
        }
        .await,
    )
}

/// Records that invoice `invoice_number` was paid on `paid_on` (an ISO date between its issue
/// date and today) with the bank's reference `bank_reference`, audited. An unknown number is
/// 404, an invoice already paid 409.
#[server(endpoint = "admin_mark_paid")]
pub async fn admin_mark_paid(
    invoice_number: String,
    paid_on: String,
    bank_reference: String,
) -> Result<(), AppError> {
    use crate::{api, input, store};
    api::saved::<AdminMarkPaid>(
        async {
            let (app, admin) = api::admin_caller().await?;
            let invoice_number = input::invoice_number(&invoice_number)?;
            let paid_on = input::date(&paid_on)?;
            if paid_on > app.clock.today() {
                return Err(AppError::Invalid(crate::i18n::t("err-paid-in-future")));
            }
            let bank_reference = input::BANK_REFERENCE.required(&bank_reference)?;
            let number = invoice_number.to_string();
            let mut tx = store::begin_write(&app.db).await?;
            let invoice = store::invoices::payable(&mut tx, &number)
                .await?
                .ok_or(AppError::NotFound)?;
            if invoice.status == "paid" {
                return Err(AppError::Conflict(crate::i18n::t("err-already-paid")));
            }
            if paid_on < store::parse_date(&invoice.issue_date)? {
                return Err(AppError::Invalid(crate::i18n::t("err-paid-before-issue")));
            }
            let company_id = store::invoices::mark_paid(&mut tx, &number, paid_on, bank_reference)
                .await?
                .ok_or(AppError::NotFound)?;
            audit(
                &mut tx,
                &admin,
                company_id,
                "invoice_paid",
                format!(
                    "Invoice {invoice_number} paid on {paid_on}, bank reference {bank_reference}"
                ),
            )
            .await?;
            let data = serde_json::json!({
                "invoice_number": number,
                "company_id": company_id,
                "paid_on": paid_on,
            });
            let event_id = format!("invoice.paid:{number}");
            let now = app.clock.now();
            let webhooks =
                crate::integrations::webhooks::emit(&mut tx, "invoice.paid", &event_id, data, now)
                    .await?;
            tx.commit().await?;
            for job in webhooks {
                crate::jobs::kick_in_background(&app, job).await;
            }
            Ok(())
        }
        .await,
    )
}
