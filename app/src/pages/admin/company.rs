//! `/admin/companies/:id`: everything about one company, with the admin's actions on it.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::AdminNav;
use crate::api::admin::*;
use crate::components::{action_outcome, error_view};
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
        <Title text=text::ADMIN_COMPANIES />
        <AdminNav />
        <Transition fallback=|| view! { <p>{text::LOADING}</p> }>
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
    grant: ServerAction<AdminGrantLicenses>,
    update: ServerAction<AdminRecordVersionUpdate>,
    exception: ServerAction<AdminRecordException>,
    revoke: ServerAction<AdminRevokeException>,
    paid: ServerAction<AdminMarkPaid>,
}

impl CompanyActions {
    fn new() -> Self {
        Self {
            assign: ServerAction::new(),
            end_sessions: ServerAction::new(),
            grant: ServerAction::new(),
            update: ServerAction::new(),
            exception: ServerAction::new(),
            revoke: ServerAction::new(),
            paid: ServerAction::new(),
        }
    }

    /// Changes whenever any action completes, so the page reloads its data.
    fn version(&self) -> usize {
        self.assign.version().get()
            + self.end_sessions.version().get()
            + self.grant.version().get()
            + self.update.version().get()
            + self.exception.version().get()
            + self.revoke.version().get()
            + self.paid.version().get()
    }
}

#[component]
fn CompanyView(detail: CompanyDetail, actions: CompanyActions) -> impl IntoView {
    // Copy, so every form's children can capture it.
    let company_id = detail.id;
    let product_options = move |products: &[(i64, String)]| {
        products
            .iter()
            .map(|(id, name)| view! { <option value=id.to_string()>{name.clone()}</option> })
            .collect_view()
    };
    let grant_products = product_options(&detail.products);
    let update_products = detail
        .holdings
        .iter()
        .filter(|h| h.update_available)
        .filter_map(|h| detail.products.iter().find(|(_, n)| *n == h.product))
        .map(|(id, name)| view! { <option value=id.to_string()>{name.clone()}</option> })
        .collect_view();
    view! {
        <h1>{detail.name}</h1>
        <ContractCard status=detail.contract />
        <section class="card">
            <h2>{text::DASHBOARD_HOLDINGS}</h2>
            <ul>
                {detail
                    .holdings
                    .iter()
                    .map(|h| {
                        view! {
                            <li>
                                {format!("{} × {} ({} / {})", h.quantity, h.product, h.installed_version, h.latest_version)}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <ActionForm action=actions.grant attr:class="choice">
                <input type="hidden" name="company_id" value=company_id.to_string() />
                <label>{text::FIELD_PRODUCT} <select name="product_id">{grant_products}</select></label>
                <label>{text::COL_QUANTITY} <input type="number" name="quantity" min="1" value="1" /></label>
                <button type="submit" class="secondary">{text::GRANT_LICENSES}</button>
            </ActionForm>
            {action_outcome(actions.grant)}
            <ActionForm action=actions.update attr:class="choice">
                <input type="hidden" name="company_id" value=company_id.to_string() />
                <label>{text::FIELD_PRODUCT} <select name="product_id">{update_products}</select></label>
                <button type="submit" class="secondary">{text::RECORD_UPDATE}</button>
            </ActionForm>
            {action_outcome(actions.update)}
        </section>
        <section class="card">
            <h2>{text::CONTACTS_TITLE}</h2>
            <ul>
                {detail
                    .contacts
                    .iter()
                    .map(|c| {
                        let state = match (c.active, c.has_password) {
                            (false, _) => text::DISABLED,
                            (true, false) => text::INVITED,
                            (true, true) => text::ACTIVE,
                        };
                        view! { <li>{format!("{} <{}> — {state}", c.name, c.email)}</li> }
                    })
                    .collect_view()}
            </ul>
            <ActionForm action=actions.assign attr:class="stack">
                <input type="hidden" name="company_id" value=company_id.to_string() />
                <label for="assign-name">{text::FIELD_CONTACT_NAME}</label>
                <input id="assign-name" name="contact_name" required />
                <label for="assign-email">{text::FIELD_CONTACT_EMAIL}</label>
                <input id="assign-email" type="email" name="contact_email" required />
                <button type="submit">{text::ASSIGN_CONTACT}</button>
            </ActionForm>
            {action_outcome(actions.assign)}
            <ActionForm action=actions.end_sessions>
                <input type="hidden" name="company_id" value=company_id.to_string() />
                <button type="submit" class="secondary">{text::END_SESSIONS}</button>
            </ActionForm>
            {action_outcome(actions.end_sessions)}
        </section>
        <section class="card">
            <h2>{text::EXCEPTIONS_TITLE}</h2>
            <ul>
                {detail
                    .exceptions
                    .into_iter()
                    .map(|e| {
                        let revoke = e.revoked_at.is_none().then(|| {
                            view! {
                                <ActionForm action=actions.revoke>
                                    <input type="hidden" name="exception_id" value=e.id.to_string() />
                                    <button type="submit" class="secondary">{text::REVOKE}</button>
                                </ActionForm>
                            }
                        });
                        let state = e.revoked_at.map(|at| format!(" ({} {at})", text::REVOKED));
                        view! { <li>{e.description} {state} {revoke}</li> }
                    })
                    .collect_view()}
            </ul>
            <ActionForm action=actions.exception attr:class="stack">
                <input type="hidden" name="company_id" value=company_id.to_string() />
                <label for="exception">{text::FIELD_DESCRIPTION}</label>
                <input id="exception" name="description" required />
                <button type="submit" class="secondary">{text::RECORD_EXCEPTION}</button>
            </ActionForm>
            {action_outcome(actions.exception)}
        </section>
        <section class="card">
            <h2>{text::ORDERS_TITLE}</h2>
            <ul>
                {detail
                    .orders
                    .into_iter()
                    .map(|o| {
                        let number = o.invoice_number.clone();
                        let pay = (!o.paid).then(|| {
                            view! {
                                <ActionForm action=actions.paid>
                                    <input type="hidden" name="invoice_number" value=number.clone() />
                                    <button type="submit" class="secondary">{text::MARK_PAID}</button>
                                </ActionForm>
                            }
                        });
                        let state = if o.paid { text::PAID } else { text::UNPAID };
                        view! {
                            <li>
                                {format!("{} · {} · {} · {} ({state})", o.placed_at, text::order_kind(o.kind), o.total, o.invoice_number)}
                                {pay}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {action_outcome(actions.paid)}
        </section>
        <section class="card">
            <h2>{text::HISTORY_TITLE}</h2>
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
