//! `/admin/vendor`: the seller's details on every invoice, versioned (issue 12).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::admin::{admin_vendor_details, AdminSaveVendorDetails};
use crate::components::{action_outcome, error_view};
use crate::model::invoice::VendorDetails;
use crate::text;

/// The vendor details form, filled with the version in force.
#[component]
pub fn AdminVendorPage() -> impl IntoView {
    let details = Resource::new(|| (), |_| admin_vendor_details());
    view! {
        <Title text=text::VENDOR_TITLE />
        <h1>{text::VENDOR_TITLE}</h1>
        <p>{text::VENDOR_INTRO}</p>
        <Suspense fallback=|| view! { <p>{text::LOADING}</p> }>
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
            <p class="hint">{text::IN_FORCE_SINCE} " " {details.since}</p>
            <ActionForm action=save>
                <label>
                    {text::FIELD_LEGAL_NAME}
                    <input name="legal_name" required maxlength="200" value=details.legal_name />
                </label>
                <label>
                    {text::FIELD_ADDRESS}
                    <textarea name="address" required rows="4" maxlength="500">{details.address}</textarea>
                </label>
                <label>
                    {text::INVOICE_REGISTRATION}
                    <input name="registration_number" maxlength="100" value=details.registration_number />
                </label>
                <label>
                    {text::INVOICE_VAT_NUMBER}
                    <input name="vat_number" maxlength="30" value=details.vat_number />
                </label>
                <label>
                    {text::INVOICE_IBAN}
                    <input name="iban" required maxlength="42" value=details.iban />
                </label>
                <label>
                    {text::INVOICE_BIC}
                    <input name="bic" required minlength="8" maxlength="11" value=details.bic />
                </label>
                <label>
                    {text::INVOICE_BANK}
                    <input name="bank_name" required maxlength="200" value=details.bank_name />
                </label>
                <label>
                    {text::FIELD_PAYMENT_TERMS}
                    <input name="payment_terms_days" type="number" required min="0" max="365" value=details.payment_terms_days.to_string() />
                </label>
                <label>
                    {text::FIELD_VAT_RATE}
                    <input name="vat_rate" required inputmode="decimal" pattern=crate::input::AMOUNT_PATTERN value=rate />
                </label>
                <label>
                    {text::FIELD_VAT_NOTE}
                    <textarea name="vat_note" rows="2" maxlength="500">{details.vat_note}</textarea>
                </label>
                <label>
                    {text::FIELD_FOOTER}
                    <textarea name="footer" rows="3" maxlength="1000">{details.footer}</textarea>
                </label>
                <button type="submit">{text::SAVE_VENDOR}</button>
            </ActionForm>
            {action_outcome(save)}
        </section>
    }
}
