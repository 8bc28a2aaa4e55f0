//! `/admin/jobs`: the job queue (issue 13): mail and reminders queued, sent or failed, with the
//! last error, and a retry for failed ones.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::admin::{admin_jobs, AdminRetryJob};
use crate::components::{action_outcome, error_view};
use crate::model::admin::JobView;
use crate::text;

/// The status filter (`?status=…`), then the newest jobs.
#[component]
pub fn AdminJobsPage() -> impl IntoView {
    let query = use_query_map();
    let status = move || query.read().get("status").unwrap_or_default();
    let retry = ServerAction::<AdminRetryJob>::new();
    let jobs = Resource::new(status, admin_jobs);
    let option = move |value: &'static str, label: &'static str| {
        view! {
            <option value=value selected=move || status() == value>
                {label}
            </option>
        }
    };
    view! {
        <Title text=text::JOBS_TITLE />
        <h1>{text::JOBS_TITLE}</h1>
        <p>{text::JOBS_INTRO}</p>
        <section class="card">
            <form method="get" action="/admin/jobs" class="choice">
                <label for="job-status">{text::INVOICE_STATUS}</label>
                <select id="job-status" name="status">
                    {option("", text::FILTER_ALL)}
                    {option("queued", text::JOB_QUEUED)}
                    {option("running", text::JOB_RUNNING)}
                    {option("done", text::JOB_DONE)}
                    {option("failed", text::JOB_FAILED)}
                </select>
                <button type="submit" class="secondary">{text::SEARCH}</button>
            </form>
            {action_outcome(retry)}
            <Suspense fallback=|| view! { <p>{text::LOADING}</p> }>
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
        return view! { <p class="muted">{text::NO_JOBS}</p> }.into_any();
    }
    view! {
        <table class="responsive" data-testid="job-list">
            <thead>
                <tr>
                    <th scope="col">{text::COL_JOB}</th>
                    <th scope="col">{text::COL_STATUS}</th>
                    <th scope="col">{text::COL_RUN_AT}</th>
                    <th scope="col">{text::COL_ATTEMPTS}</th>
                    <th scope="col">{text::COL_LAST_ERROR}</th>
                </tr>
            </thead>
            <tbody>
                {jobs
                    .into_iter()
                    .map(|job| {
                        let failed = job.status == "failed";
                        view! {
                            <tr data-testid="job-row">
                                <td data-label=text::COL_JOB>
                                    {format!("#{} {}", job.id, job.kind)}
                                    <br />
                                    <small>{job.payload}</small>
                                </td>
                                <td data-label=text::COL_STATUS>
                                    {job.status}
                                    {failed
                                        .then(|| {
                                            view! {
                                                <ActionForm action=retry>
                                                    <input type="hidden" name="id" value=job.id.to_string() />
                                                    <button type="submit" class="secondary">{text::RETRY_JOB}</button>
                                                </ActionForm>
                                            }
                                        })}
                                </td>
                                <td data-label=text::COL_RUN_AT>{job.run_at}</td>
                                <td data-label=text::COL_ATTEMPTS>{job.attempts}</td>
                                <td data-label=text::COL_LAST_ERROR>{job.last_error}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
