//! `/admin/companies/:id`: everything about one company, with the admin's actions on it.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::admin::*;
use crate::components::{action_outcome, error_view};
use crate::i18n::t;
use crate::model::admin::CompanyDetail;
use crate::pages::ContractCard;
use crate::text;

/// Everything about one company, with the admin's actions on it.
#[component]
pub fn AdminCompanyPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i64>().ok())
            .unwrap_or(0)
    };
    let actions = CompanyActions::new();
    let detail = Resource::new(
        move || (id(), actions.version()),
        |(id, _)| admin_company(id),
    );
    view! {
        <Transition fallback=|| view! { <p>{t("loading")}</p> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(detail) => view! { <CompanyView detail actions /> }.into_any(),
                    Err(error) => error_view(error),
                }
            })}
        </Transition>
    }
}

#[derive(Clone, Copy)]
struct CompanyActions {
    assign: ServerAction<AdminAssignContact>,
    end_sessions: ServerAction<AdminEndSessions>,
    reset_factor: ServerAction<AdminResetSecondFactor>,
    grant: ServerAction<AdminGrantLicenses>,
    update: ServerAction<AdminRecordVersionUpdate>,
    exception: ServerAction<AdminRecordException>,
    revoke: ServerAction<AdminRevokeException>,
}

impl CompanyActions {
    fn new() -> Self {
        Self {
            assign: ServerAction::new(),
            end_sessions: ServerAction::new(),
            reset_factor: ServerAction::new(),
            grant: ServerAction::new(),
            update: ServerAction::new(),
            exception: ServerAction::new(),
            revoke: ServerAction::new(),
        }
    }

    /// Changes whenever any action completes, so the page reloads its data.
    fn version(&self) -> usize {
        self.assign.version().get()
            + self.end_sessions.version().get()
            + self.reset_factor.version().get()
            + self.grant.version().get()
            + self.update.version().get()
            + self.exception.version().get()
            + self.revoke.version().get()
    }
}

/// One company, one section per purpose: contract, licenses, contact, exceptions, orders and
/// invoices, history. The contact actions that lock someone out ask for a confirmation (a
/// required checkbox: it works without JavaScript).
#[component]
fn CompanyView(detail: CompanyDetail, actions: CompanyActions) -> impl IntoView {
    // Copy, so every form's children can capture it.
    let company_id = detail.id;
    let option = |(id, name): &(i64, String)| {
        view! { <option value=id.to_string()>{name.clone()}</option> }
    };
    let grant_products = detail.products.iter().map(option).collect_view();
    let updatable: Vec<(i64, String)> = detail
        .holdings
        .iter()
        .filter(|h| h.update_available)
        .filter_map(|h| {
            detail
                .products
                .iter()
                .find(|(_, n)| *n == h.product)
                .cloned()
        })
        .collect();
    let title = detail.name.clone();
    view! {
        <Title text=title />
        <h1>{detail.name}</h1>
        <ContractCard status=detail.contract />
        <section class="card" aria-labelledby="licenses">
            <h2 id="licenses">{t("licenses-title")}</h2>
            <table class="responsive">
                <thead>
                    <tr>
                        <th scope="col">{t("col-product")}</th>
                        <th scope="col">{t("col-quantity")}</th>
                        <th scope="col">{t("col-installed")}</th>
                        <th scope="col">{t("col-latest")}</th>
                    </tr>
                </thead>
                <tbody>
                    {detail
                        .holdings
                        .iter()
                        .map(|h| {
                            view! {
                                <tr>
                                    <td data-label=t("col-product")>{h.product.clone()}</td>
                                    <td data-label=t("col-quantity")>{h.quantity}</td>
                                    <td data-label=t("col-installed")>{h.installed_version.clone()}</td>
                                    <td data-label=t("col-latest")>{h.latest_version.clone()}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
            <h3>{t("grant-licenses-title")}</h3>
            <ActionForm action=actions.grant attr:class="choice">
                <input type="hidden" name="company_id" value=company_id.to_string() />
                <label for="grant-product">{t("field-product")}</label>
                <select id="grant-product" name="product_id">{grant_products}</select>
                <label for="grant-quantity">{t("col-quantity")}</label>
                <input id="grant-quantity" type="number" name="quantity" min="1" value="1" />
                <button type="submit">{t("grant-licenses")}</button>
            </ActionForm>
            {action_outcome(actions.grant)}
            <h3>{t("record-update-title")}</h3>
            {if updatable.is_empty() {
                view! { <p class="muted">{t("nothing-to-update")}</p> }.into_any()
            } else {
                view! {
                    <ActionForm action=actions.update attr:class="choice">
                        <input type="hidden" name="company_id" value=company_id.to_string() />
                        <label for="update-product">{t("field-product")}</label>
                        <select id="update-product" name="product_id">
                            {updatable.iter().map(option).collect_view()}
                        </select>
                        <button type="submit">{t("record-update")}</button>
                    </ActionForm>
                }
                .into_any()
            }}
            {action_outcome(actions.update)}
        </section>
        <section class="card" aria-labelledby="contact">
            <h2 id="contact">{t("contacts-title")}</h2>
            <ul>
                {detail
                    .contacts
                    .iter()
                    .map(|c| {
                        let state = match (c.active, c.has_password) {
                            (false, _) => t("disabled"),
                            (true, false) => t("invited"),
                            (true, true) => t("active"),
                        };
                        view! { <li>{format!("{} <{}> — {state}", c.name, c.email)}</li> }
                    })
                    .collect_view()}
            </ul>
            <h3>{t("assign-contact-title")}</h3>
            <ActionForm action=actions.assign attr:class="choice">
                <input type="hidden" name="company_id" value=company_id.to_string() />
                <label for="assign-name">{t("field-contact-name")}</label>
                <input id="assign-name" name="contact_name" required />
                <label for="assign-email">{t("field-contact-email")}</label>
                <input id="assign-email" type="email" name="contact_email" required />
                <label class="radio">
                    <input type="checkbox" name="confirm" required />
                    {t("assign-contact-confirm")}
                </label>
                <button type="submit">{t("assign-contact")}</button>
            </ActionForm>
            {action_outcome(actions.assign)}
            <h3>{t("end-sessions-title")}</h3>
            <ActionForm action=actions.end_sessions attr:class="choice">
                <input type="hidden" name="company_id" value=company_id.to_string() />
                <label class="radio">
                    <input type="checkbox" name="confirm" required />
                    {t("end-sessions-confirm")}
                </label>
                <button type="submit">{t("end-sessions")}</button>
            </ActionForm>
            {action_outcome(actions.end_sessions)}
            <h3>{t("reset-factor-title")}</h3>
            <p>{t("reset-factor-how")}</p>
            <ActionForm action=actions.reset_factor attr:class="choice">
                <input type="hidden" name="company_id" value=company_id.to_string() />
                <label class="radio">
                    <input type="checkbox" name="confirm" required />
                    {t("reset-factor-confirm")}
                </label>
                <button type="submit">{t("reset-factor")}</button>
            </ActionForm>
            {action_outcome(actions.reset_factor)}
        </section>
        <section class="card" aria-labelledby="exceptions">
            <h2 id="exceptions">{t("exceptions-title")}</h2>
            {detail.exceptions.is_empty().then(|| view! { <p class="muted">{t("no-exceptions")}</p> })}
            <ul>
                {detail
                    .exceptions
                    .into_iter()
                    .map(|e| {
                        let revoke = e.revoked_at.is_none().then(|| {
                            view! {
                                <ActionForm action=actions.revoke>
                                    <input type="hidden" name="exception_id" value=e.id.to_string() />
                                    <button type="submit" class="secondary">{t("revoke")}</button>
                                </ActionForm>
                            }
                        });
                        let state = e.revoked_at.map(|at| format!(" ({} {at})", t("revoked")));
                        view! { <li>{e.description} {state} {revoke}</li> }
                    })
                    .collect_view()}
            </ul>
            {action_outcome(actions.revoke)}
            <ActionForm action=actions.exception attr:class="choice">
                <input type="hidden" name="company_id" value=company_id.to_string() />
                <label for="exception">{t("field-description")}</label>
                <input id="exception" name="description" required />
                <button type="submit">{t("record-exception")}</button>
            </ActionForm>
            {action_outcome(actions.exception)}
        </section>
        <section class="card" aria-labelledby="orders">
            <h2 id="orders">{t("orders-title")}</h2>
            {if detail.orders.is_empty() {
                view! { <p class="muted">{t("no-orders-yet")}</p> }.into_any()
            } else {
                view! {
                    <table class="responsive">
                        <thead>
                            <tr>
                                <th scope="col">{t("col-date")}</th>
                                <th scope="col">{t("col-kind")}</th>
                                <th scope="col">{t("col-total")}</th>
                                <th scope="col">{t("col-invoice")}</th>
                                <th scope="col">{t("col-status")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {detail
                                .orders
                                .into_iter()
                                .map(|o| {
                                    let number = o.invoice_number.clone();
                                    let status = if o.paid {
                                        view! { <span class="badge ok">{t("paid")}</span> }.into_any()
                                    } else {
                                        // Payments are recorded on the invoice list, with their date and
                                        // bank reference.
                                        view! {
                                            <span class="badge warn">{t("unpaid")}</span>
                                            " "
                                            <a href=format!("/admin/invoices?status=unpaid&q={}", crate::components::query_value(&number))>
                                                {t("record-payment")}
                                            </a>
                                        }
                                        .into_any()
                                    };
                                    view! {
                                        <tr>
                                            <td data-label=t("col-date")>{o.placed_at}</td>
                                            <td data-label=t("col-kind")>{text::order_kind(o.kind)}</td>
                                            <td data-label=t("col-total")>{o.total}</td>
                                            <td data-label=t("col-invoice")>{o.invoice_number}</td>
                                            <td data-label=t("col-status")>{status}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                }
                .into_any()
            }}
        </section>
        <section class="card" aria-labelledby="history">
            <h2 id="history">{t("history-title")}</h2>
            <ol class="history">
                {detail
                    .history
                    .into_iter()
                    .map(|e| view! { <li><span class="muted">{format!("{} · {}", e.at, e.actor)}</span><br />{e.summary}</li> })
                    .collect_view()}
            </ol>
        </section>
    }
}
