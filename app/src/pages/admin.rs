//! The vendor's admin pages. Every page's data comes from an admin server function, so a
//! non-admin sees only the refusal.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::admin::*;
use crate::api::consult::admin_consultations;
use crate::components::{action_outcome, error_view};
use crate::model::admin::{CatalogView, CompanyDetail, CompanyPage, InvitationSent, PlanAdminRow};
use crate::pages::consultations::{RequestTable, RequestThreadPage};
use crate::pages::ContractCard;
use crate::{input, text};

#[component]
fn AdminNav() -> impl IntoView {
    view! {
        <nav class="card actions" aria-label=text::ADMIN_TITLE>
            <a href="/admin">{text::ADMIN_COMPANIES}</a>
            <a href="/admin/consultations">{text::ADMIN_QUEUE}</a>
            <a href="/admin/catalog">{text::ADMIN_CATALOG}</a>
            <a href="/admin/plans">{text::ADMIN_PLANS}</a>
            <a href="/admin/audit">{text::ADMIN_AUDIT}</a>
        </nav>
    }
}

/// Companies: search, pages, and creating one with its invited contact.
#[component]
pub fn AdminHomePage() -> impl IntoView {
    let query = use_query_map();
    let search = move || query.read().get("q").unwrap_or_default();
    let page = move || {
        query
            .read()
            .get("page")
            .and_then(|p| p.parse::<u32>().ok())
            .unwrap_or(0)
    };
    let create = ServerAction::<AdminCreateCompany>::new();
    let companies = Resource::new(
        move || (search(), page(), create.version().get()),
        |(q, p, _)| admin_companies(q, p),
    );
    view! {
        <Title text=text::ADMIN_TITLE />
        <h1>{text::ADMIN_TITLE}</h1>
        <AdminNav />
        <form method="get" action="/admin" class="card choice" role="search">
            <label>
                {text::SEARCH} <input type="search" name="q" value=search />
            </label>
            <button type="submit" class="secondary">{text::SEARCH}</button>
        </form>
        <Transition fallback=|| view! { <p>{text::LOADING}</p> }>
            {move || Suspend::new(async move {
                match companies.await {
                    Ok(page) => view! { <CompanyList page search=search() /> }.into_any(),
                    Err(error) => error_view(error),
                }
            })}
        </Transition>
        <section class="card">
            <h2>{text::CREATE_COMPANY}</h2>
            <ActionForm action=create attr:class="stack">
                <label for="company-name">{text::FIELD_COMPANY_NAME}</label>
                <input id="company-name" name="name" required />
                <label for="contact-name">{text::FIELD_CONTACT_NAME}</label>
                <input id="contact-name" name="contact_name" required />
                <label for="contact-email">{text::FIELD_CONTACT_EMAIL}</label>
                <input id="contact-email" type="email" name="contact_email" required />
                <button type="submit">{text::CREATE_COMPANY}</button>
            </ActionForm>
            {invitation_outcome(create)}
        </section>
    }
}

/// After an invitation: the link (to pass on if mail fails), or the refusal.
fn invitation_outcome<S>(action: ServerAction<S>) -> impl IntoView
where
    S: leptos::server_fn::ServerFn<Output = InvitationSent, Error = crate::error::AppError>
        + Clone
        + Send
        + Sync
        + 'static,
{
    move || {
        match action.value().get() {
        Some(Ok(sent)) => Some(
            view! {
                <p class="notice" role="status">
                    {text::INVITATION_LINK} " " <code data-testid="invitation-link">{sent.link}</code>
                </p>
            }
            .into_any(),
        ),
        Some(Err(error)) => Some(error_view(error)),
        None => None,
    }
    }
}

#[component]
fn CompanyList(page: CompanyPage, search: String) -> impl IntoView {
    let link = move |p: u32| format!("/admin?q={search}&page={p}");
    view! {
        <table class="responsive">
            <thead>
                <tr>
                    <th scope="col">{text::COL_COMPANY}</th>
                    <th scope="col">{text::COL_CONTACT}</th>
                    <th scope="col">{text::COL_QUANTITY}</th>
                    <th scope="col">{text::COL_SUPPORT_END}</th>
                </tr>
            </thead>
            <tbody>
                {page
                    .rows
                    .into_iter()
                    .map(|c| {
                        view! {
                            <tr data-testid="company-row">
                                <td data-label=text::COL_COMPANY>
                                    <a href=format!("/admin/companies/{}", c.id)>{c.name}</a>
                                </td>
                                <td data-label=text::COL_CONTACT>{c.contact}</td>
                                <td data-label=text::COL_QUANTITY>{c.licenses}</td>
                                <td data-label=text::COL_SUPPORT_END>{c.support_end}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
        <p class="pager">
            {(page.page > 0).then(|| view! { <a href=link(page.page - 1)>{text::PREVIOUS}</a> " " })}
            {page.has_next.then(|| view! { <a href=link(page.page + 1)>{text::NEXT}</a> })}
        </p>
    }
}

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
            {invitation_outcome(actions.assign)}
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
        <Title text=text::ADMIN_CATALOG />
        <h1>{text::ADMIN_CATALOG}</h1>
        <AdminNav />
        {action_outcome(declare)}
        {action_outcome(add_price)}
        {action_outcome(withdraw)}
        <Transition fallback=|| view! { <p>{text::LOADING}</p> }>
            {move || Suspend::new(async move {
                match catalog.await {
                    Ok(catalog) => view! { <CatalogTable catalog declare add_price withdraw /> }.into_any(),
                    Err(error) => error_view(error),
                }
            })}
        </Transition>
        <section class="card">
            <h2>{text::ADD_PRODUCT}</h2>
            <ActionForm action=add_product attr:class="choice">
                <label>{text::FIELD_PRODUCT} <input name="name" required /></label>
                <label>{text::FIELD_VERSION} <input name="version" required placeholder="1.0" pattern=input::VERSION_PATTERN title=text::ERR_VERSION /></label>
                <label>{text::FIELD_PRICE} <input name="price" required inputmode="decimal" pattern=input::AMOUNT_PATTERN title=text::ERR_PRICE /></label>
                <label>{text::FIELD_VALID_FROM} <input type="date" name="valid_from" required /></label>
                <button type="submit">{text::ADD_PRODUCT}</button>
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
                                <button type="submit" class="secondary">{text::WITHDRAW}</button>
                            </ActionForm>
                        }
                        .into_any()
                    } else {
                        view! { <span class="muted">{text::IN_FORCE}</span> }.into_any()
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
                        <label>{text::FIELD_PRICE} <input name="price" required inputmode="decimal" pattern=input::AMOUNT_PATTERN title=text::ERR_PRICE /></label>
                        <label>{text::FIELD_VALID_FROM} <input type="date" name="valid_from" min=today.to_string() required /></label>
                        <button type="submit" class="secondary">{text::ADD_PRICE}</button>
                    </ActionForm>
                    <ActionForm action=declare attr:class="choice">
                        <input type="hidden" name="product_id" value=id.to_string() />
                        <label>{text::FIELD_VERSION} <input name="version" required pattern=input::VERSION_PATTERN title=text::ERR_VERSION /></label>
                        <button type="submit" class="secondary">{text::DECLARE_VERSION}</button>
                    </ActionForm>
                </section>
            }
        })
        .collect_view()
}

#[component]
pub fn AdminPlansPage() -> impl IntoView {
    let save = ServerAction::<AdminUpdatePlan>::new();
    let plans = Resource::new(move || save.version().get(), |_| admin_plans());
    view! {
        <Title text=text::ADMIN_PLANS />
        <h1>{text::ADMIN_PLANS}</h1>
        <AdminNav />
        <p>{text::PLAN_NOTE}</p>
        {action_outcome(save)}
        <Transition fallback=|| view! { <p>{text::LOADING}</p> }>
            {move || Suspend::new(async move {
                match plans.await {
                    Ok(plans) => plans.into_iter().map(|plan| view! { <PlanForm plan save /> }).collect_view().into_any(),
                    Err(error) => error_view(error),
                }
            })}
        </Transition>
    }
}

#[component]
fn PlanForm(plan: PlanAdminRow, save: ServerAction<AdminUpdatePlan>) -> impl IntoView {
    let areas = plan
        .areas
        .into_iter()
        .map(|(code, name, covered)| {
            view! {
                <label class="radio">
                    <input type="checkbox" name=code checked=covered />
                    {name}
                </label>
            }
        })
        .collect_view();
    view! {
        <section class="card">
            <h2>{plan.name}</h2>
            <ActionForm action=save attr:class="choice">
                <input type="hidden" name="tier" value=plan.tier />
                <label>{text::FIELD_PERCENT} <input name="percent" value=plan.percent inputmode="decimal" pattern=input::AMOUNT_PATTERN title=text::ERR_PERCENT /></label>
                <label>{text::FIELD_MIN_LICENSES} <input type="number" name="min_licenses" min="0" value=plan.min_licenses.to_string() /></label>
                <label>
                    {text::FIELD_RESPONSE}
                    <input type="number" name="response_amount" min="1" value=plan.response_amount.to_string() />
                </label>
                <label>
                    <span class="visually-hidden">{text::FIELD_RESPONSE_UNIT}</span>
                    <select name="response_unit">
                        <option value="business_days" selected=plan.response_in_days>{text::BUSINESS_DAYS}</option>
                        <option value="business_hours" selected=!plan.response_in_days>{text::BUSINESS_HOURS}</option>
                    </select>
                </label>
                <label class="radio">
                    <input type="checkbox" name="includes_new_versions" checked=plan.includes_new_versions />
                    {text::PLANS_NEW_VERSIONS}
                </label>
                <fieldset>
                    <legend>{text::PLANS_CONSULTATION}</legend>
                    {areas}
                </fieldset>
                <button type="submit">{text::SAVE_PLAN}</button>
            </ActionForm>
        </section>
    }
}

#[component]
pub fn AdminQueuePage() -> impl IntoView {
    let queue = Resource::new(|| (), |_| admin_consultations());
    view! {
        <Title text=text::ADMIN_QUEUE />
        <h1>{text::ADMIN_QUEUE}</h1>
        <AdminNav />
        <Suspense fallback=|| view! { <p>{text::LOADING}</p> }>
            {move || Suspend::new(async move {
                match queue.await {
                    Ok(rows) if rows.is_empty() => view! { <p>{text::NO_REQUESTS}</p> }.into_any(),
                    Ok(rows) => view! { <RequestTable rows base="/admin/consultations" /> }.into_any(),
                    Err(error) => error_view(error),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn AdminRequestPage() -> impl IntoView {
    view! {
        <AdminNav />
        <RequestThreadPage admin=true />
    }
}

#[component]
pub fn AdminAuditPage() -> impl IntoView {
    let query = use_query_map();
    let field = move |name: &'static str| move || query.read().get(name).unwrap_or_default();
    let entries = Resource::new(
        move || {
            (
                field("company")(),
                field("actor")(),
                field("kind")(),
                field("from")(),
                field("to")(),
            )
        },
        |(company, actor, kind, from, to)| admin_audit(company, actor, kind, from, to),
    );
    view! {
        <Title text=text::ADMIN_AUDIT />
        <h1>{text::ADMIN_AUDIT}</h1>
        <AdminNav />
        <form method="get" action="/admin/audit" class="card choice">
            <label>{text::COL_COMPANY} <input name="company" value=field("company") /></label>
            <label>
                {text::FIELD_ACTOR}
                <select name="actor">
                    <option value="">{text::ANY}</option>
                    <option value="contact" selected=move || field("actor")() == "contact">"contact"</option>
                    <option value="admin" selected=move || field("actor")() == "admin">"admin"</option>
                    <option value="system" selected=move || field("actor")() == "system">"system"</option>
                </select>
            </label>
            <label>{text::FIELD_KIND} <input name="kind" value=field("kind") /></label>
            <label>{text::FIELD_FROM} <input type="date" name="from" value=field("from") /></label>
            <label>{text::FIELD_TO} <input type="date" name="to" value=field("to") /></label>
            <button type="submit" class="secondary">{text::FILTER}</button>
        </form>
        <Suspense fallback=|| view! { <p>{text::LOADING}</p> }>
            {move || Suspend::new(async move {
                match entries.await {
                    Ok(rows) => view! {
                        <table class="responsive">
                            <thead>
                                <tr>
                                    <th scope="col">{text::COL_DATE}</th>
                                    <th scope="col">{text::FIELD_ACTOR}</th>
                                    <th scope="col">{text::COL_COMPANY}</th>
                                    <th scope="col">{text::FIELD_KIND}</th>
                                    <th scope="col">{text::COL_WHAT}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {rows
                                    .into_iter()
                                    .map(|r| view! {
                                        <tr data-testid="audit-row">
                                            <td data-label=text::COL_DATE>{r.at}</td>
                                            <td data-label=text::FIELD_ACTOR>{r.actor}</td>
                                            <td data-label=text::COL_COMPANY>{r.company}</td>
                                            <td data-label=text::FIELD_KIND>{r.kind}</td>
                                            <td data-label=text::COL_WHAT>{r.summary}</td>
                                        </tr>
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    }
                    .into_any(),
                    Err(error) => error_view(error),
                }
            })}
        </Suspense>
    }
}
