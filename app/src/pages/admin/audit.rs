//! `/admin/audit`: the audit log, filtered.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::admin::*;
use crate::components::error_view;
use crate::text;

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
