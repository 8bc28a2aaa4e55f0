//! The catalogue: products, their versions (only forward) and the dated price list.

use leptos::prelude::*;

use crate::error::AppError;
use crate::model::admin::*;

#[cfg(feature = "ssr")]
use super::helpers::*;

#[server(endpoint = "admin_catalog")]
pub async fn admin_catalog() -> Result<CatalogView, AppError> {
    use crate::{api, store};
    api::with_status(
        async {
            let (app, _) = api::admin_caller().await?;
            let today = app.clock.today();
            let entries = store::catalog::price_entries(&app.db).await?;
            let products = store::catalog::products(&app.db).await?;
            let products = products
                .into_iter()
                .map(|p| {
                    let prices = entries
                        .iter()
                        .filter(|e| e.product_id == p.id)
                        .map(|e| {
                            let valid_from = store::parse_date(&e.valid_from)?;
                            Ok(PriceEntryView {
                                id: e.id,
                                valid_from,
                                price: store::money(e.unit_price_minor)?.to_string(),
                                future: valid_from > today,
                            })
                        })
                        .collect::<Result<Vec<_>, sqlx::Error>>()?;
                    Ok(ProductAdminRow {
                        id: p.id,
                        name: p.name,
                        latest_version: p.latest_version,
                        prices,
                    })
                })
                .collect::<Result<Vec<_>, sqlx::Error>>()?;
            Ok(CatalogView { today, products })
        }
        .await,
    )
}

#[server(endpoint = "admin_add_product")]
pub async fn admin_add_product(
    name: String,
    version: String,
    price: String,
    valid_from: String,
) -> Result<(), AppError> {
    use crate::{api, input, store};
    api::saved::<AdminAddProduct>(
        async {
            let (app, admin) = api::admin_caller().await?;
            let name = input::PRODUCT_NAME.required(&name)?;
            let version = input::version(&version)?;
            let (price, valid_from) = parse_price(&price, &valid_from, app.clock.today())?;
            let mut tx = store::begin_write(&app.db).await?;
            let added =
                store::catalog::add_product(&mut tx, name, &version, price, valid_from).await?;
            if let store::Insert::NameTaken { existing } = added {
                return Err(AppError::Invalid(crate::text::product_name_taken(
                    &existing,
                )));
            }
            let summary =
                format!("Product {name} added: version {version}, {price} from {valid_from}");
            audit(&mut tx, &admin, None, "product_added", summary).await?;
            tx.commit().await?;
            Ok(())
        }
        .await,
    )
}

/// Declares a new latest version of a product (holdings behind it now need an update, R7).
/// Versions only move forward: one that is not newer than the latest is refused.
#[server(endpoint = "admin_declare_version")]
pub async fn admin_declare_version(product_id: i64, version: String) -> Result<(), AppError> {
    use crate::{api, input};
    api::saved::<AdminDeclareVersion>(
        async {
            let (app, admin) = api::admin_caller().await?;
            declare_version(&app, &admin, product_id, input::version(&version)?).await
        }
        .await,
    )
}

/// Makes `version` product `product_id`'s latest, audited as `admin`'s. Shared by the admin
/// page and `/api/v1`. Errors: 404 for an unknown product, 422 for a version that is not newer.
#[cfg(feature = "ssr")]
pub async fn declare_version(
    app: &crate::state::AppState,
    admin: &crate::principal::AdminPrincipal,
    product_id: i64,
    version: domain::Version,
) -> Result<(), AppError> {
    use crate::store;
    let mut tx = store::begin_write(&app.db).await?;
    let mut product = store::catalog::product_for_update(&mut tx, domain::ProductId(product_id))
        .await?
        .ok_or(AppError::NotFound)?;
    product
        .declare_version(version)
        .map_err(|refused| AppError::Invalid(refused.to_string()))?;
    if !store::catalog::declare_version(&mut tx, &product).await? {
        return Err(AppError::NotFound);
    }
    let summary = format!(
        "Product {product_id} ({}): latest version is now {}",
        product.name, product.latest_version
    );
    audit(&mut tx, admin, None, "version_declared", summary).await?;
    tx.commit().await?;
    Ok(())
}

/// Appends a dated price. Entries are never edited: a new price is a new entry.
#[server(endpoint = "admin_add_price")]
pub async fn admin_add_price(
    product_id: i64,
    price: String,
    valid_from: String,
) -> Result<(), AppError> {
    use crate::{api, store};
    api::saved::<AdminAddPrice>(
        async {
            let (app, admin) = api::admin_caller().await?;
            let (price, valid_from) = parse_price(&price, &valid_from, app.clock.today())?;
            let mut tx = store::begin_write(&app.db).await?;
            store::catalog::products(&mut *tx)
                .await?
                .iter()
                .find(|p| p.id == product_id)
                .ok_or(AppError::NotFound)?;
            if !store::catalog::add_price(&mut tx, domain::ProductId(product_id), valid_from, price)
                .await?
            {
                return Err(AppError::Invalid(crate::i18n::t("err-price-exists")));
            }
            let summary = format!("Product {product_id}: {price} from {valid_from}");
            audit(&mut tx, &admin, None, "price_added", summary).await?;
            tx.commit().await?;
            Ok(())
        }
        .await,
    )
}

/// Withdraws a price that has not taken effect; one in force is refused (contracts cite it).
#[server(endpoint = "admin_withdraw_price")]
pub async fn admin_withdraw_price(entry_id: i64) -> Result<(), AppError> {
    use crate::{api, store};
    api::saved::<AdminWithdrawPrice>(
        async {
            let (app, admin) = api::admin_caller().await?;
            let mut tx = store::begin_write(&app.db).await?;
            if !store::catalog::withdraw_future_price(&mut tx, entry_id, app.clock.today()).await? {
                return Err(AppError::Invalid(crate::i18n::t("err-price-in-force")));
            }
            audit(
                &mut tx,
                &admin,
                None,
                "price_withdrawn",
                format!("Price entry {entry_id} withdrawn"),
            )
            .await?;
            tx.commit().await?;
            Ok(())
        }
        .await,
    )
}
