//! The company's billing details (issue 12): its contact reads and edits them; invoices issued
//! afterwards are made out to them and mailed to the billing addresses.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::invoice::BillingDetails;

/// The billing details in force, empty until the contact first saves them.
#[server(endpoint = "company_billing")]
pub async fn company_billing() -> Result<BillingDetails, AppError> {
    use crate::{api, auth, state::app_state, store};
    api::with_status(
        async {
            let app = app_state()?;
            let who = auth::current_contact(&app).await?;
            let record = store::billing::current_in(&app.db, who.company_id).await?;
            Ok(record
                .map(|r| BillingDetails {
                    legal_name: r.legal_name,
                    address: r.address,
                    country: r.country,
                    vat_number: r.vat_number,
                    billing_emails: r.billing_emails,
                })
                .unwrap_or_default())
        }
        .await,
    )
}

/// Saves new billing details as a new version (issued invoices keep theirs), audited.
#[server(endpoint = "save_billing_details")]
pub async fn save_billing_details(
    legal_name: String,
    address: String,
    country: String,
    vat_number: String,
    billing_emails: String,
) -> Result<(), AppError> {
    use crate::store::audit::{self, Actor};
    use crate::store::billing::BillingRecord;
    use crate::{api, auth, input, state::app_state, store};
    api::saved::<SaveBillingDetails>(
        async {
            let app = app_state()?;
            let who = auth::current_contact(&app).await?;
            let details = BillingRecord {
                id: 0,
                legal_name: input::LEGAL_NAME.required(&legal_name)?.to_string(),
                address: input::ADDRESS.required(&address)?.to_string(),
                country: input::country(&country)?.to_string(),
                vat_number: input::VAT_NUMBER.optional(&vat_number)?.to_uppercase(),
                billing_emails: input::billing_emails(&billing_emails)?,
            };
            let mut tx = store::begin_write(&app.db).await?;
            let before = store::billing::current(&mut tx, who.company_id).await?;
            let now = store::now_rfc3339();
            store::billing::insert(&mut tx, who.company_id, &details, who.contact_id, &now).await?;
            audit::record(
                &mut tx,
                audit::Entry {
                    actor: Actor::Contact(who.contact_id),
                    company_id: Some(who.company_id),
                    kind: "billing_details_changed",
                    summary: format!(
                        "Billing details: {}, {}; invoices to {}",
                        details.legal_name, details.country, details.billing_emails
                    ),
                    before: before.map(|b| billing_json(&b)),
                    after: Some(billing_json(&details)),
                },
            )
            .await?;
            tx.commit().await?;
            Ok(())
        }
        .await,
    )
}

#[cfg(feature = "ssr")]
fn billing_json(details: &crate::store::billing::BillingRecord) -> serde_json::Value {
    serde_json::json!({
        "legal_name": details.legal_name,
        "address": details.address,
        "country": details.country,
        "vat_number": details.vat_number,
        "billing_emails": details.billing_emails,
    })
}
