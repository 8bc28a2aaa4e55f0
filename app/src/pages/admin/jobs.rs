//! `/admin/jobs`: the job queue (issue 13): mail and reminders queued, sent or failed, with the
//! last error, and a retry for failed ones.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::admin::{admin_jobs, AdminRetryJob};
use crate::components::{action_outcome, error_view};
use crate::i18n::t;
use crate::model::admin::JobView;

/// The status filter (`?status=…`), then the newest jobs.
#[component]
pub fn AdminJobsPage() -> impl IntoView {
    let query = use_query_map();
    let status = move || query.read().get("status").unwrap_or_default();
    let retry = ServerAction::<AdminRetryJob>::new();
    let jobs = Resource::new(status, admin_jobs);
    let option = move |value: &'static str, label: String| {
        view! {
            <option value=value selected=move || status() == value>
                {label}
            </option>
        }
    };
    view! {
        <Title text=t("jobs-title") />
        <h1>{t("jobs-title")}</h1>
        <p>{t("jobs-intro")}</p>
        <section class="card">
            <form method="get" action="/admin/jobs" class="choice">
                <label for="job-status">{t("invoice-status")}</label>
                <select id="job-status" name="status">
                    {option("", t("filter-all"))}
                    {option("queued", t("job-queued"))}
                    {option("running", t("job-running"))}
                    {option("done", t("job-done"))}
                    {option("failed", t("job-failed"))}
                </select>
                <button type="submit" class="secondary">{t("search")}</button>
            </form>
            {action_outcome(retry)}
            <Suspense fallback=|| view! { <p>{t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match jobs.await {
                        Ok(jobs) => view! { <JobTable jobs retry /> }.into_any(),
                        Err(error) => error_view(error),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn JobTable(jobs: Vec<JobView>, retry: ServerAction<AdminRetryJob>) -> impl IntoView {
    if jobs.is_empty() {
        return view! { <p class="muted">{t("no-jobs")}</p> }.into_any();
    }
    view! {
        <table class="responsive" data-testid="job-list">
            <thead>
                <tr>
                    <th scope="col">{t("col-job")}</th>
                    <th scope="col">{t("col-status")}</th>
                    <th scope="col">{t("col-run-at")}</th>
                    <th scope="col">{t("col-attempts")}</th>
                    <th scope="col">{t("col-last-error")}</th>
                </tr>
            </thead>
            <tbody>
                {jobs
                    .into_iter()
                    .map(|job| {
                        let failed = job.status == "failed";
                        view! {
                            <tr data-testid="job-row">
                                <td data-label=t("col-job")>
                                    {format!("#{} {}", job.id, job.kind)}
                                    <br />
                                    <small>{job.payload}</small>
                                </td>
                                <td data-label=t("col-status")>
                                    {job.status}
                                    {failed
                                        .then(|| {
                                            view! {
                                                <ActionForm action=retry>
                                                    <input type="hidden" name="id" value=job.id.to_string() />
                                                    <button type="submit" class="secondary">{t("retry-job")}</button>
                                                </ActionForm>
                                            }
                                        })}
                                </td>
                                <td data-label=t("col-run-at")>{job.run_at}</td>
                                <td data-label=t("col-attempts")>{job.attempts}</td>
                                <td data-label=t("col-last-error")>{job.last_error}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
