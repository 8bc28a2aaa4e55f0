//! `/admin`: companies: search, pages, and creating one with its invited contact.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use super::AdminNav;
use crate::api::admin::*;
use crate::components::{action_outcome, error_view};
use crate::model::admin::CompanyPage;
use crate::text;

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
            {action_outcome(create)}
        </section>
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
