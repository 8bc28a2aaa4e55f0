//! Invoices: marking one paid.

use leptos::prelude::*;

use crate::error::AppError;

#[cfg(feature = "ssr")]
use super::helpers::*;

#[server(endpoint = "admin_mark_paid")]
pub async fn admin_mark_paid(invoice_number: String) -> Result<(), AppError> {
    use crate::{api, input, store};
    api::saved::<AdminMarkPaid>(
        async {
            let (app, admin) = api::admin_caller().await?;
            let invoice_number = input::invoice_number(&invoice_number)?;
            let mut tx = store::begin_write(&app.db).await?;
            let company_id = store::orders::mark_paid(&mut tx, &invoice_number)
                .await?
                .ok_or(AppError::NotFound)?;
            audit(
                &mut tx,
                &admin,
                company_id,
                "invoice_paid",
                format!("Invoice {invoice_number} marked paid"),
            )
            .await?;
            tx.commit().await?;
            Ok(())
        }
        .await,
    )
}
