//! `/admin/catalog`: products, their versions and the dated price list.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::admin::*;
use crate::components::{action_outcome, error_view};
use crate::i18n::t;
use crate::input;
use crate::model::admin::CatalogView;

#[component]
pub fn AdminCatalogPage() -> impl IntoView {
    let add_product = ServerAction::<AdminAddProduct>::new();
    let declare = ServerAction::<AdminDeclareVersion>::new();
    let add_price = ServerAction::<AdminAddPrice>::new();
    let withdraw = ServerAction::<AdminWithdrawPrice>::new();
    let catalog = Resource::new(
        move || {
            add_product.version().get()
                + declare.version().get()
                + add_price.version().get()
                + withdraw.version().get()
        },
        |_| admin_catalog(),
    );
    view! {
        <Title text=t("admin-catalog") />
        <h1>{t("admin-catalog")}</h1>
        {action_outcome(declare)}
        {action_outcome(add_price)}
        {action_outcome(withdraw)}
        <Transition fallback=|| view! { <p>{t("loading")}</p> }>
            {move || Suspend::new(async move {
                match catalog.await {
                    Ok(catalog) => view! { <CatalogTable catalog declare add_price withdraw /> }.into_any(),
                    Err(error) => error_view(error),
                }
            })}
        </Transition>
        <section class="card">
            <h2>{t("add-product")}</h2>
            <ActionForm action=add_product attr:class="choice">
                <label>{t("field-product")} <input name="name" required /></label>
                <label>{t("field-version")} <input name="version" required placeholder="1.0" pattern=input::VERSION_PATTERN title=t("err-version") /></label>
                <label>{t("field-price")} <input name="price" required inputmode="decimal" pattern=input::AMOUNT_PATTERN title=t("err-price") /></label>
                <label>{t("field-valid-from")} <input type="date" name="valid_from" required /></label>
                <button type="submit">{t("add-product")}</button>
            </ActionForm>
            {action_outcome(add_product)}
        </section>
    }
}

#[component]
fn CatalogTable(
    catalog: CatalogView,
    declare: ServerAction<AdminDeclareVersion>,
    add_price: ServerAction<AdminAddPrice>,
    withdraw: ServerAction<AdminWithdrawPrice>,
) -> impl IntoView {
    let today = catalog.today;
    catalog
        .products
        .into_iter()
        .map(|p| {
            let id = p.id;
            let prices = p
                .prices
                .into_iter()
                .map(|e| {
                    let action = if e.future {
                        view! {
                            <ActionForm action=withdraw>
                                <input type="hidden" name="entry_id" value=e.id.to_string() />
                                <button type="submit" class="secondary">{t("withdraw")}</button>
                            </ActionForm>
                        }
                        .into_any()
                    } else {
                        view! { <span class="muted">{t("in-force")}</span> }.into_any()
                    };
                    view! { <li>{format!("{} {} ", e.valid_from, e.price)} {action}</li> }
                })
                .collect_view();
            view! {
                <section class="card" data-testid="catalog-product">
                    <h2>{format!("{} · {}", p.name, p.latest_version)}</h2>
                    <ul>{prices}</ul>
                    <ActionForm action=add_price attr:class="choice">
                        <input type="hidden" name="product_id" value=id.to_string() />
                        <label>{t("field-price")} <input name="price" required inputmode="decimal" pattern=input::AMOUNT_PATTERN title=t("err-price") /></label>
                        <label>{t("field-valid-from")} <input type="date" name="valid_from" min=today.to_string() required /></label>
                        <button type="submit" class="secondary">{t("add-price")}</button>
                    </ActionForm>
                    <ActionForm action=declare attr:class="choice">
                        <input type="hidden" name="product_id" value=id.to_string() />
                        <label>{t("field-version")} <input name="version" required pattern=input::VERSION_PATTERN title=t("err-version") /></label>
                        <button type="submit" class="secondary">{t("declare-version")}</button>
                    </ActionForm>
                </section>
            }
        })
        .collect_view()
}
