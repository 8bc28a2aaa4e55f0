//! Licenses granted by hand and version updates recorded by hand (R4).

use leptos::prelude::*;

use crate::error::AppError;

#[cfg(feature = "ssr")]
use super::helpers::*;

/// Adds licenses by hand (e.g. an offline deal), on the product's latest version.
#[server(endpoint = "admin_grant_licenses")]
pub async fn admin_grant_licenses(
    company_id: i64,
    product_id: i64,
    quantity: u32,
) -> Result<(), AppError> {
    use crate::api;
    api::saved::<AdminGrantLicenses>(
        async {
            let (app, admin) = api::admin_caller().await?;
            grant_licenses(&app, &admin, company_id, product_id, quantity).await
        }
        .await,
    )
}

/// Grants `quantity` licenses of product `product_id` to company `company_id` on the
/// product's latest version, audited as `admin`'s. Shared by the admin page and `/api/v1`.
/// Errors: 404 for an unknown company or product, 422 for a quantity outside 1..=10,000.
#[cfg(feature = "ssr")]
pub async fn grant_licenses(
    app: &crate::state::AppState,
    admin: &crate::principal::AdminPrincipal,
    company_id: i64,
    product_id: i64,
    quantity: u32,
) -> Result<(), AppError> {
    use crate::{input, store, text};
    let quantity = domain::Quantity::new(input::quantity(quantity)?)
        .map_err(|_| AppError::Invalid(text::quantity_range(input::MAX_QUANTITY)))?;
    let mut tx = store::begin_write(&app.db).await?;
    store::companies::name(&mut *tx, company_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let catalog = store::catalog::load_catalog(&mut tx).await?;
    let product = catalog
        .product(domain::ProductId(product_id))
        .ok_or(AppError::NotFound)?;
    store::holdings::add_licenses(
        &mut tx,
        company_id,
        product.id,
        quantity,
        &product.latest_version,
    )
    .await?;
    let summary = format!(
        "Granted {} × {} {}",
        quantity, product.name, product.latest_version
    );
    audit(&mut tx, admin, company_id, "licenses_granted", summary).await?;
    tx.commit().await?;
    Ok(())
}

/// Records that a company's holding was updated to the latest version (e.g. done offline).
#[server(endpoint = "admin_record_version_update")]
pub async fn admin_record_version_update(company_id: i64, product_id: i64) -> Result<(), AppError> {
    use crate::purchase::CompanyState;
    use crate::{api, store};
    api::saved::<AdminRecordVersionUpdate>(
        async {
            let (app, admin) = api::admin_caller().await?;
            let mut tx = store::begin_write(&app.db).await?;
            store::lock_company(&mut tx, company_id).await?;
            let company = CompanyState::load(&mut tx, company_id).await?;
            let id = domain::ProductId(product_id);
            let (holding, latest) = company.holding_and_latest(id)?;
            let update = domain::VersionUpdate {
                product_id: id,
                product_name: holding.product_name.clone(),
                quantity: holding.quantity,
                from: holding.version.clone(),
                to: latest.clone(),
            };
            store::holdings::set_version(&mut tx, company_id, id, latest).await?;
            let active = company
                .coverage
                .in_force(app.clock.today())
                .map(|c| c.id.get());
            store::version_updates::record(&mut tx, company_id, &update, active).await?;
            let summary = format!(
                "Recorded update of {} from {} to {}",
                update.product_name, update.from, update.to
            );
            audit(&mut tx, &admin, company_id, "version_update", summary).await?;
            tx.commit().await?;
            Ok(())
        }
        .await,
    )
}
