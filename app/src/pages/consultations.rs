//! Consultation requests (R5): the list with a form to file one, and one request's thread.
//! The thread view is shared with the admin page.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::consult::{
    consultation, consultation_areas, consultations, FileConsultation, ReplyConsultation,
};
use crate::components::{error_view, ErrorNotice};
use crate::i18n::t;
use crate::model::consult::{RequestDetail, RequestSummary};

#[component]
pub fn ConsultationsPage() -> impl IntoView {
    let file = ServerAction::<FileConsultation>::new();
    let list = Resource::new(move || file.version().get(), |_| consultations());
    let areas = Resource::new(|| (), |_| consultation_areas());
    view! {
        <Title text=t("requests-title") />
        <h1>{t("requests-title")}</h1>
        <p>{t("requests-intro")}</p>
        <section class="card">
            <h2>{t("new-request")}</h2>
            <ActionForm action=file attr:class="stack">
                <label for="area">{t("field-area")}</label>
                <select id="area" name="area">
                    <Suspense>
                        {move || Suspend::new(async move {
                            areas
                                .await
                                .map(|areas| {
                                    areas
                                        .into_iter()
                                        .map(|a| view! { <option value=a.code>{a.name}</option> })
                                        .collect_view()
                                })
                                .ok()
                        })}
                    </Suspense>
                </select>
                <label for="subject">{t("field-subject")}</label>
                <input id="subject" name="subject" required maxlength="200" />
                <label for="description">{t("field-description")}</label>
                <textarea id="description" name="description" required rows="5"></textarea>
                <button type="submit">{t("file-request")}</button>
            </ActionForm>
            {move || match file.value().get() {
                Some(Err(error)) => Some(error_view(error)),
                _ => None,
            }}
        </section>
        <Transition fallback=|| view! { <p>{t("loading")}</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(rows) if rows.is_empty() => view! { <p>{t("no-requests")}</p> }.into_any(),
                    Ok(rows) => view! { <RequestTable rows base="/consultations" /> }.into_any(),
                    Err(error) => error_view(error),
                }
            })}
        </Transition>
    }
}

pub fn target_label(met: Option<bool>) -> String {
    match met {
        Some(true) => t("target-met"),
        Some(false) => t("target-missed"),
        None => t("target-pending"),
    }
}

/// Requests as a table; `base` is the URL prefix of a request's page.
#[component]
pub fn RequestTable(rows: Vec<RequestSummary>, base: &'static str) -> impl IntoView {
    view! {
        <table class="responsive">
            <thead>
                <tr>
                    <th scope="col">{t("field-subject")}</th>
                    <th scope="col">{t("col-company")}</th>
                    <th scope="col">{t("field-area")}</th>
                    <th scope="col">{t("request-status")}</th>
                    <th scope="col">{t("request-due")}</th>
                    <th scope="col">{t("request-target")}</th>
                </tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|r| {
                        view! {
                            <tr data-testid="request-row">
                                <td data-label=t("field-subject")>
                                    <a href=format!("{base}/{}", r.id)>{r.subject}</a>
                                </td>
                                <td data-label=t("col-company")>{r.company}</td>
                                <td data-label=t("field-area")>{r.area}</td>
                                <td data-label=t("request-status")>{r.status}</td>
                                <td data-label=t("request-due")>{r.due}</td>
                                <td data-label=t("request-target")>
                                    {format!("{} ({})", r.target, target_label(r.target_met))}
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

#[component]
pub fn ConsultationPage() -> impl IntoView {
    view! { <RequestThreadPage /> }
}

/// One request and its thread, with a reply form (and, for admins, `extra` actions).
#[component]
pub fn RequestThreadPage(#[prop(optional)] admin: bool) -> impl IntoView {
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|id| id.parse::<i64>().ok())
            .unwrap_or(0)
    };
    let reply = ServerAction::<ReplyConsultation>::new();
    let close = ServerAction::<crate::api::consult::AdminCloseConsultation>::new();
    let detail = Resource::new(
        move || (id(), reply.version().get(), close.version().get()),
        |(id, _, _)| consultation(id),
    );
    view! {
        <Title text=t("request-title") />
        <Transition fallback=|| view! { <p>{t("loading")}</p> }>
            {move || Suspend::new(async move {
                match detail.await {
                    Ok(detail) => view! { <Thread detail reply close admin /> }.into_any(),
                    Err(error) => view! { <ErrorNotice error /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn Thread(
    detail: RequestDetail,
    reply: ServerAction<ReplyConsultation>,
    close: ServerAction<crate::api::consult::AdminCloseConsultation>,
    admin: bool,
) -> impl IntoView {
    let s = detail.summary;
    let open = s.status != "closed";
    let id = s.id;
    view! {
        <h1>{s.subject}</h1>
        <dl class="facts">
            <dt>{t("col-company")}</dt>
            <dd>{s.company}</dd>
            <dt>{t("field-area")}</dt>
            <dd>{s.area}</dd>
            <dt>{t("request-status")}</dt>
            <dd data-testid="request-status">{s.status}</dd>
            <dt>{t("request-filed")}</dt>
            <dd>{s.filed_at}</dd>
            <dt>{t("request-target")}</dt>
            <dd>{format!("{} · {} {} ({})", s.target, t("request-due"), s.due, target_label(s.target_met))}</dd>
        </dl>
        <section class="card">
            <p class="pre">{detail.description}</p>
        </section>
        <ol class="thread">
            {detail
                .messages
                .into_iter()
                .map(|m| {
                    let who = if m.from_vendor { format!("{} ({})", m.author, t("vendor")) } else { m.author };
                    view! {
                        <li class=if m.from_vendor { "card vendor" } else { "card" } data-testid="message">
                            <p class="muted">{format!("{who} · {}", m.at)}</p>
                            <p class="pre">{m.body}</p>
                        </li>
                    }
                })
                .collect_view()}
        </ol>
        {open
            .then(|| {
                view! {
                    <ActionForm action=reply attr:class="stack card">
                        <input type="hidden" name="id" value=id.to_string() />
                        <label for="reply">{t("reply")}</label>
                        <textarea id="reply" name="body" required rows="4"></textarea>
                        <button type="submit">{t("send")}</button>
                    </ActionForm>
                }
            })}
        {(open && admin)
            .then(|| {
                view! {
                    <ActionForm action=close>
                        <input type="hidden" name="id" value=id.to_string() />
                        <button type="submit" class="secondary">{t("close-request")}</button>
                    </ActionForm>
                }
            })}
        {move || match reply.value().get() {
            Some(Err(error)) => Some(error_view(error)),
            _ => None,
        }}
    }
}
