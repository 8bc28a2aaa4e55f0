//! The vendor's details on every invoice: seller, bank account, payment terms, VAT rate and
//! footer. Saving adds a version; issued invoices keep the version they cite.

// The save function takes the form's eleven fields as plain arguments, as every form post does.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::invoice::VendorDetails;

#[cfg(feature = "ssr")]
use super::helpers::*;

/// The details in force now.
#[server(endpoint = "admin_vendor_details")]
pub async fn admin_vendor_details() -> Result<VendorDetails, AppError> {
    use crate::{api, store};
    api::with_status(
        async {
            let (app, _) = api::admin_caller().await?;
            let record = store::vendor::current(&mut *app.db.acquire().await?).await?;
            Ok(VendorDetails {
                vat_rate: store::catalog::percent(record.vat_rate_bp)?.to_string(),
                payment_terms_days: u32::try_from(record.payment_terms_days).unwrap_or_default(),
                iban: domain::Iban::parse(&record.iban)
                    .map(|iban| iban.to_string())
                    .unwrap_or_default(),
                legal_name: record.legal_name,
                address: record.address,
                registration_number: record.registration_number,
                vat_number: record.vat_number,
                bic: record.bic,
                bank_name: record.bank_name,
                vat_note: record.vat_note,
                footer: record.footer,
                since: record.created_at,
            })
        }
        .await,
    )
}

/// Saves a new version of the vendor's details, in force for invoices issued from now on.
#[server(endpoint = "admin_save_vendor_details")]
pub async fn admin_save_vendor_details(
    legal_name: String,
    address: String,
    registration_number: String,
    vat_number: String,
    iban: String,
    bic: String,
    bank_name: String,
    payment_terms_days: String,
    vat_rate: String,
    vat_note: String,
    footer: String,
) -> Result<(), AppError> {
    use crate::store::vendor::VendorRecord;
    use crate::{api, input, store};
    api::saved::<AdminSaveVendorDetails>(
        async {
            let (app, admin) = api::admin_caller().await?;
            let vat_rate = input::vat_rate(&vat_rate)?;
            let details = VendorRecord {
                id: 0,
                legal_name: input::LEGAL_NAME.required(&legal_name)?.to_string(),
                address: input::ADDRESS.required(&address)?.to_string(),
                registration_number: input::REGISTRATION_NUMBER
                    .optional(&registration_number)?
                    .to_string(),
                vat_number: input::VAT_NUMBER.optional(&vat_number)?.to_uppercase(),
                iban: input::iban(&iban)?.as_str().to_string(),
                bic: input::bic(&bic)?,
                bank_name: input::BANK_NAME.required(&bank_name)?.to_string(),
                payment_terms_days: i64::from(input::payment_terms(&payment_terms_days)?.days()),
                vat_rate_bp: i64::from(vat_rate.basis_points()),
                vat_note: input::VAT_NOTE.optional(&vat_note)?.to_string(),
                footer: input::FOOTER.optional(&footer)?.to_string(),
                created_at: String::new(),
            };
            let mut tx = store::begin_write(&app.db).await?;
            let now = store::now_rfc3339();
            store::vendor::insert(&mut tx, &details, admin.admin_id, &now).await?;
            audit(
                &mut tx,
                &admin,
                None,
                "vendor_details_changed",
                format!(
                    "Vendor details: {}, VAT {vat_rate}, payment terms {} days",
                    details.legal_name, details.payment_terms_days
                ),
            )
            .await?;
            tx.commit().await?;
            Ok(())
        }
        .await,
    )
}
