//! The company's orders, invoices and history (own company only).

use leptos::prelude::*;

use crate::error::AppError;
use crate::model;

#[server(endpoint = "orders")]
pub async fn orders() -> Result<Vec<model::OrderRow>, AppError> {
    use crate::{api, auth, state::app_state, store};
    api::with_status(
        async {
            let app = app_state()?;
            let who = auth::current_contact(&app).await?;
            let orders = store::orders::for_company(&app.db, who.company_id).await?;
            orders
                .into_iter()
                .map(|o| views::order_row(o, &app.currency))
                .collect()
        }
        .await,
    )
}

/// One order with its invoice. Another company's order is "not found", exactly like a missing one.
#[server(endpoint = "order")]
pub async fn order(id: i64) -> Result<model::OrderDetailView, AppError> {
    use crate::{api, auth, state::app_state, store};
    api::with_status(
        async {
            let app = app_state()?;
            let who = auth::current_contact(&app).await?;
            let detail = store::orders::detail(&app.db, who.company_id, id)
                .await?
                .ok_or(AppError::NotFound)?;
            let invoice = crate::invoice::document(&app, id, Some(who.company_id))
                .await?
                .ok_or(AppError::NotFound)?;
            views::order_detail(detail, invoice, &app.currency)
        }
        .await,
    )
}

/// The company's audit trail, newest first.
#[server(endpoint = "history")]
pub async fn history() -> Result<Vec<model::HistoryEntry>, AppError> {
    use crate::{api, auth, state::app_state, store};
    api::with_status(
        async {
            let app = app_state()?;
            let who = auth::current_contact(&app).await?;
            let entries = store::audit::for_company(&app.db, who.company_id).await?;
            Ok(entries
                .into_iter()
                .map(|e| model::HistoryEntry {
                    at: e.at,
                    actor: e.actor_name.unwrap_or(e.actor_kind),
                    kind: e.kind,
                    summary: e.summary,
                })
                .collect())
        }
        .await,
    )
}

#[cfg(feature = "ssr")]
pub(crate) mod views {
    use crate::error::AppError;
    use crate::model;
    use crate::store::money;
    use crate::store::orders::{OrderDetail, OrderSummary};

    /// The stored order kind (`new_support`, `renewal`, `add_licenses`) as the model's.
    pub fn order_kind(kind: &str) -> model::OrderKind {
        match kind {
            "new_support" => model::OrderKind::NewSupport,
            "renewal" => model::OrderKind::Renewal,
            _ => model::OrderKind::AddLicenses,
        }
    }

    /// A stored RFC 3339 instant as order lists show it, to the minute ("2026-11-25 10:00").
    pub fn placed_minute(placed_at: &str) -> String {
        placed_at
            .chars()
            .take(16)
            .collect::<String>()
            .replace('T', " ")
    }

    /// A stored amount in minor units with the currency, e.g. "1180.00 EUR".
    pub fn amount(minor: i64, currency: &str) -> Result<String, AppError> {
        Ok(format!("{} {currency}", money(minor)?))
    }

    pub fn order_row(o: OrderSummary, currency: &str) -> Result<model::OrderRow, AppError> {
        Ok(model::OrderRow {
            id: o.id,
            kind: order_kind(&o.kind),
            placed_at: placed_minute(&o.placed_at),
            placed_by: o.contact_name.unwrap_or_default(),
            total: amount(o.total_minor, currency)?,
            invoice_number: o.invoice_number,
            paid: o.invoice_status == "paid",
        })
    }

    pub fn order_detail(
        d: OrderDetail,
        invoice: model::invoice::InvoiceDocument,
        currency: &str,
    ) -> Result<model::OrderDetailView, AppError> {
        Ok(model::OrderDetailView {
            order: order_row(d.summary, currency)?,
            signing_date: d.signing_date,
            contract_end_before: d.contract_end_before,
            contract_end_after: d.contract_end_after,
            invoice,
        })
    }
}
