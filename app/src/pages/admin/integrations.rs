//! `/admin/integrations` (issue 17): the CSV import (dry run, then apply) and exports, webhook
//! endpoints with their delivery log, and where the API is described.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::admin::{
    admin_import_report, admin_webhooks, AdminAddWebhook, AdminImportApply, AdminImportPreview,
    AdminRemoveWebhook,
};
use crate::components::action_outcome;
use crate::i18n::t;
use crate::model::admin::ImportReport;
use crate::outcome::{achieved, Outcome};

#[component]
pub fn AdminIntegrationsPage() -> impl IntoView {
    view! {
        <Title text=t("integrations-title") />
        <h1>{t("integrations-title")}</h1>
        <p>
            {t("integrations-api")} " " <a href="/api/v1/docs">"/api/v1/docs"</a> " · "
            <a href="/account">{t("tokens-title")}</a>
        </p>
        <Import />
        <Exports />
        <Webhooks />
    }
}

#[component]
fn Import() -> impl IntoView {
    let preview = ServerAction::<AdminImportPreview>::new();
    let apply = ServerAction::<AdminImportApply>::new();
    let ran = [
        achieved::<AdminImportPreview>(),
        achieved::<AdminImportApply>(),
    ]
    .into_iter()
    .flatten()
    .find_map(|outcome| match outcome {
        Outcome::Imported(id) => Some(id),
        _ => None,
    });
    let report = Resource::new_blocking(
        move || ran,
        |ran| async move {
            match ran {
                Some(id) => admin_import_report(id).await.ok(),
                None => None,
            }
        },
    );
    view! {
        <section class="card" data-testid="import">
            <h2>{t("import-title")}</h2>
            <p>{t("import-intro")}</p>
            <pre class="hint">{crate::model::admin::IMPORT_COLUMNS.join(",")}</pre>
            {crate::components::action_outcome(preview)}
            {crate::components::action_outcome(apply)}
            <ActionForm action=preview attr:class="stack">
                <label for="import-csv">{t("import-file")}</label>
                <textarea id="import-csv" name="csv" rows="8" required></textarea>
                <div class="actions">
                    <button type="submit">{t("import-dry-run")}</button>
                    <button type="submit" class="secondary" formaction="/api/admin_import_apply">
                        {t("import-apply")}
                    </button>
                </div>
            </ActionForm>
            <Suspense>
                {move || Suspend::new(async move {
                    report.await.map(|report| view! { <ReportView report /> })
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn ReportView(report: ImportReport) -> impl IntoView {
    let heading = if report.applied {
        t("import-applied")
    } else if report.errors.is_empty() {
        t("import-would")
    } else {
        t("import-refused")
    };
    view! {
        <div data-testid="import-report">
            <h3>{heading}</h3>
            <p>
                {crate::tr!(
                    "import-counts",
                    rows = report.rows,
                    companies = report.companies_created,
                    contacts = report.contacts_created,
                    holdings_created = report.holdings_created,
                    holdings_changed = report.holdings_changed,
                    contracts = report.contracts_created,
                    unchanged = report.unchanged
                )}
            </p>
            {(!report.errors.is_empty())
                .then(|| {
                    view! {
                        <table class="responsive">
                            <thead>
                                <tr>
                                    <th scope="col">{t("import-line")}</th>
                                    <th scope="col">{t("import-field")}</th>
                                    <th scope="col">{t("import-reason")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {report
                                    .errors
                                    .into_iter()
                                    .map(|e| {
                                        view! {
                                            <tr data-testid="import-error">
                                                <td data-label=t("import-line")>{e.line}</td>
                                                <td data-label=t("import-field")>{e.field}</td>
                                                <td data-label=t("import-reason")>{e.reason}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    }
                })}
        </div>
    }
}

#[component]
fn Exports() -> impl IntoView {
    view! {
        <section class="card">
            <h2>{t("export-title")}</h2>
            <ul class="inline">
                {crate::model::admin::EXPORTS
                    .into_iter()
                    .map(|kind| {
                        view! {
                            <li>
                                <a href=format!("/admin/export/{kind}.csv") download>
                                    {format!("{kind}.csv")}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn Webhooks() -> impl IntoView {
    let add = ServerAction::<AdminAddWebhook>::new();
    let remove = ServerAction::<AdminRemoveWebhook>::new();
    let hooks = Resource::new_blocking(|| (), |_| admin_webhooks());
    view! {
        <section class="card" data-testid="webhooks">
            <h2>{t("webhooks-title")}</h2>
            <p>{t("webhooks-intro")}</p>
            {action_outcome(add)}
            {action_outcome(remove)}
            <ActionForm action=add attr:class="stack">
                <label for="webhook-url">{t("field-webhook-url")}</label>
                <input id="webhook-url" name="url" type="url" required maxlength="2000" />
                <label for="webhook-events">{t("field-webhook-events")}</label>
                <input
                    id="webhook-events"
                    name="events"
                    required
                    value="order.placed,invoice.paid,contract.renewed,contract.lapsed"
                />
                <button type="submit">{t("add-webhook")}</button>
            </ActionForm>
            <Suspense>
                {move || Suspend::new(async move {
                    let view = hooks.await.unwrap_or_default();
                    let deliveries = view.deliveries;
                    view
                        .endpoints
                        .into_iter()
                        .map(|e| {
                            let log: Vec<_> = deliveries
                                .iter()
                                .filter(|d| d.endpoint_id == e.id)
                                .cloned()
                                .collect();
                            view! {
                                <article class="webhook" data-testid="webhook">
                                    <h3>
                                        <code>{e.url}</code>
                                        {(!e.active).then(|| view! { " " <span class="badge">{t("webhook-removed")}</span> })}
                                    </h3>
                                    <p class="muted">{e.events}</p>
                                    {e
                                        .active
                                        .then(|| {
                                            view! {
                                                <ActionForm action=remove>
                                                    <input type="hidden" name="id" value=e.id.to_string() />
                                                    <button type="submit" class="secondary">{t("remove-webhook")}</button>
                                                </ActionForm>
                                            }
                                        })}
                                    <table class="responsive">
                                        <thead>
                                            <tr>
                                                <th scope="col">{t("col-date")}</th>
                                                <th scope="col">{t("webhook-event")}</th>
                                                <th scope="col">{t("col-status")}</th>
                                                <th scope="col">{t("col-attempts")}</th>
                                                <th scope="col">{t("col-last-error")}</th>
                                            </tr>
                                        </thead>
                                        <tbody>
                                            {log
                                                .into_iter()
                                                .map(|d| {
                                                    view! {
                                                        <tr data-testid="delivery">
                                                            <td data-label=t("col-date")>{d.created_at}</td>
                                                            <td data-label=t("webhook-event")>{d.event_id}</td>
                                                            <td data-label=t("col-status")>
                                                                {format!("{}{}", d.status, d.last_status.map(|s| format!(" ({s})")).unwrap_or_default())}
                                                            </td>
                                                            <td data-label=t("col-attempts")>{d.attempts}</td>
                                                            <td data-label=t("col-last-error")>{d.last_error.unwrap_or_default()}</td>
                                                        </tr>
                                                    }
                                                })
                                                .collect_view()}
                                        </tbody>
                                    </table>
                                </article>
                            }
                        })
                        .collect_view()
                })}
            </Suspense>
        </section>
    }
}
