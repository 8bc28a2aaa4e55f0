//! `/admin/vendor`: the seller's details on every invoice, versioned (issue 12).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::admin::{admin_vendor_details, AdminSaveVendorDetails};
use crate::components::{action_outcome, error_view};
use crate::i18n::t;
use crate::model::invoice::VendorDetails;

/// The vendor details form, filled with the version in force.
#[component]
pub fn AdminVendorPage() -> impl IntoView {
    let details = Resource::new(|| (), |_| admin_vendor_details());
    view! {
        <Title text=t("vendor-title") />
        <h1>{t("vendor-title")}</h1>
        <p>{t("vendor-intro")}</p>
        <Suspense fallback=|| view! { <p>{t("loading")}</p> }>
            {move || Suspend::new(async move {
                match details.await {
                    Ok(details) => view! { <VendorForm details /> }.into_any(),
                    Err(error) => error_view(error),
                }
            })}
        </Suspense>
    }
}

#[component]
fn VendorForm(details: VendorDetails) -> impl IntoView {
    let save = ServerAction::<AdminSaveVendorDetails>::new();
    let rate = details.vat_rate.trim_end_matches('%').to_string();
    view! {
        <section class="card">
            <p class="hint">{t("in-force-since")} " " {details.since}</p>
            <ActionForm action=save>
                <label>
                    {t("field-legal-name")}
                    <input name="legal_name" required maxlength="200" value=details.legal_name />
                </label>
                <label>
                    {t("field-address")}
                    <textarea name="address" required rows="4" maxlength="500">{details.address}</textarea>
                </label>
                <label>
                    {t("invoice-registration")}
                    <input name="registration_number" maxlength="100" value=details.registration_number />
                </label>
                <label>
                    {t("invoice-vat-number")}
                    <input name="vat_number" maxlength="30" value=details.vat_number />
                </label>
                <label>
                    {t("invoice-iban")}
                    <input name="iban" required maxlength="42" value=details.iban />
                </label>
                <label>
                    {t("invoice-bic")}
                    <input name="bic" required minlength="8" maxlength="11" value=details.bic />
                </label>
                <label>
                    {t("invoice-bank")}
                    <input name="bank_name" required maxlength="200" value=details.bank_name />
                </label>
                <label>
                    {t("field-payment-terms")}
                    <input name="payment_terms_days" type="number" required min="0" max="365" value=details.payment_terms_days.to_string() />
                </label>
                <label>
                    {t("field-vat-rate")}
                    <input name="vat_rate" required inputmode="decimal" pattern=crate::input::AMOUNT_PATTERN value=rate />
                </label>
                <label>
                    {t("field-vat-note")}
                    <textarea name="vat_note" rows="2" maxlength="500">{details.vat_note}</textarea>
                </label>
                <label>
                    {t("field-footer")}
                    <textarea name="footer" rows="3" maxlength="1000">{details.footer}</textarea>
                </label>
                <button type="submit">{t("save-vendor")}</button>
            </ActionForm>
            {action_outcome(save)}
        </section>
    }
}
