//! `/admin/audit`: the audit log, filtered.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::admin::*;
use crate::components::error_view;
use crate::i18n::t;

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
        <Title text=t("admin-audit") />
        <h1>{t("admin-audit")}</h1>
        <form method="get" action="/admin/audit" class="card choice">
            <label>{t("col-company")} <input name="company" value=field("company") /></label>
            <label>
                {t("field-actor")}
                <select name="actor">
                    <option value="">{t("any")}</option>
                    <option value="contact" selected=move || field("actor")() == "contact">"contact"</option>
                    <option value="admin" selected=move || field("actor")() == "admin">"admin"</option>
                    <option value="system" selected=move || field("actor")() == "system">"system"</option>
                </select>
            </label>
            <label>{t("field-kind")} <input name="kind" value=field("kind") /></label>
            <label>{t("field-from")} <input type="date" name="from" value=field("from") /></label>
            <label>{t("field-to")} <input type="date" name="to" value=field("to") /></label>
            <button type="submit" class="secondary">{t("filter")}</button>
        </form>
        <Suspense fallback=|| view! { <p>{t("loading")}</p> }>
            {move || Suspend::new(async move {
                match entries.await {
                    Ok(rows) => view! {
                        <table class="responsive">
                            <thead>
                                <tr>
                                    <th scope="col">{t("col-date")}</th>
                                    <th scope="col">{t("field-actor")}</th>
                                    <th scope="col">{t("col-company")}</th>
                                    <th scope="col">{t("field-kind")}</th>
                                    <th scope="col">{t("col-what")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {rows
                                    .into_iter()
                                    .map(|r| view! {
                                        <tr data-testid="audit-row">
                                            <td data-label=t("col-date")>{r.at}</td>
                                            <td data-label=t("field-actor")>{r.actor}</td>
                                            <td data-label=t("col-company")>{r.company}</td>
                                            <td data-label=t("field-kind")>{r.kind}</td>
                                            <td data-label=t("col-what")>{r.summary}</td>
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
