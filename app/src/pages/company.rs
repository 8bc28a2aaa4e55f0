//! `/company`: the contact's billing details, which invoices are made out to (issue 12).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::{company_billing, SaveBillingDetails};
use crate::components::{action_outcome, error_view};
use crate::i18n::t;
use crate::model::invoice::BillingDetails;

/// The billing details form, filled with the details in force.
#[component]
pub fn CompanyPage() -> impl IntoView {
    let details = Resource::new(|| (), |_| company_billing());
    view! {
        <Title text=t("company-title") />
        <h1>{t("company-title")}</h1>
        <p>{t("company-intro")}</p>
        <Suspense fallback=|| view! { <p>{t("loading")}</p> }>
            {move || Suspend::new(async move {
                match details.await {
                    Ok(details) => view! { <BillingForm details /> }.into_any(),
                    Err(error) => error_view(error),
                }
            })}
        </Suspense>
    }
}

#[component]
fn BillingForm(details: BillingDetails) -> impl IntoView {
    let save = ServerAction::<SaveBillingDetails>::new();
    let empty = details.legal_name.is_empty();
    view! {
        <section class="card">
            {empty.then(|| view! { <p class="hint" data-testid="no-billing">{t("no-billing-details")}</p> })}
            <ActionForm action=save>
                <label>
                    {t("field-legal-name")}
                    <input name="legal_name" required maxlength="200" autocomplete="organization" value=details.legal_name />
                </label>
                <label>
                    {t("field-address")}
                    <textarea name="address" required rows="4" maxlength="500" autocomplete="street-address">
                        {details.address}
                    </textarea>
                </label>
                <label>
                    {t("invoice-country")}
                    <input name="country" required minlength="2" maxlength="2" pattern="[A-Za-z]{2}" autocomplete="country" value=details.country />
                </label>
                <label>
                    {t("invoice-vat-number")}
                    <input name="vat_number" maxlength="30" value=details.vat_number />
                </label>
                <label>
                    {t("field-billing-emails")}
                    <input name="billing_emails" required maxlength="1300" inputmode="email" value=details.billing_emails />
                </label>
                <button type="submit">{t("save-billing")}</button>
            </ActionForm>
            {action_outcome(save)}
        </section>
    }
}
