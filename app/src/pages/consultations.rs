//! Consultation requests (R5): the list with a form to file one, and one request's thread.
//! The thread view is shared with the admin page.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::consult::{
    consultation, consultation_areas, consultations, FileConsultation, ReplyConsultation,
};
use crate::components::{error_view, ErrorNotice};
use crate::model::consult::{RequestDetail, RequestSummary};
use crate::text;

#[component]
pub fn ConsultationsPage() -> impl IntoView {
    let file = ServerAction::<FileConsultation>::new();
    let list = Resource::new(move || file.version().get(), |_| consultations());
    let areas = Resource::new(|| (), |_| consultation_areas());
    view! {
        <Title text=text::REQUESTS_TITLE />
        <h1>{text::REQUESTS_TITLE}</h1>
        <p>{text::REQUESTS_INTRO}</p>
        <section class="card">
            <h2>{text::NEW_REQUEST}</h2>
            <ActionForm action=file attr:class="stack">
                <label for="area">{text::FIELD_AREA}</label>
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
                <label for="subject">{text::FIELD_SUBJECT}</label>
                <input id="subject" name="subject" required maxlength="200" />
                <label for="description">{text::FIELD_DESCRIPTION}</label>
                <textarea id="description" name="description" required rows="5"></textarea>
                <button type="submit">{text::FILE_REQUEST}</button>
            </ActionForm>
            {move || match file.value().get() {
                Some(Err(error)) => Some(error_view(error)),
                _ => None,
            }}
        </section>
        <Transition fallback=|| view! { <p>{text::LOADING}</p> }>
            {move || Suspend::new(async move {
                match list.await {
                    Ok(rows) if rows.is_empty() => view! { <p>{text::NO_REQUESTS}</p> }.into_any(),
                    Ok(rows) => view! { <RequestTable rows base="/consultations" /> }.into_any(),
                    Err(error) => error_view(error),
                }
            })}
        </Transition>
    }
}

pub fn target_label(met: Option<bool>) -> &'static str {
    match met {
        Some(true) => text::TARGET_MET,
        Some(false) => text::TARGET_MISSED,
        None => text::TARGET_PENDING,
    }
}

/// Requests as a table; `base` is the URL prefix of a request's page.
#[component]
pub fn RequestTable(rows: Vec<RequestSummary>, base: &'static str) -> impl IntoView {
    view! {
        <table class="responsive">
            <thead>
                <tr>
                    <th scope="col">{text::FIELD_SUBJECT}</th>
                    <th scope="col">{text::COL_COMPANY}</th>
                    <th scope="col">{text::FIELD_AREA}</th>
                    <th scope="col">{text::REQUEST_STATUS}</th>
                    <th scope="col">{text::REQUEST_DUE}</th>
                    <th scope="col">{text::REQUEST_TARGET}</th>
                </tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|r| {
                        view! {
                            <tr data-testid="request-row">
                                <td data-label=text::FIELD_SUBJECT>
                                    <a href=format!("{base}/{}", r.id)>{r.subject}</a>
                                </td>
                                <td data-label=text::COL_COMPANY>{r.company}</td>
                                <td data-label=text::FIELD_AREA>{r.area}</td>
                                <td data-label=text::REQUEST_STATUS>{r.status}</td>
                                <td data-label=text::REQUEST_DUE>{r.due}</td>
                                <td data-label=text::REQUEST_TARGET>
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
        <Title text=text::REQUEST_TITLE />
        <Transition fallback=|| view! { <p>{text::LOADING}</p> }>
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
            <dt>{text::COL_COMPANY}</dt>
            <dd>{s.company}</dd>
            <dt>{text::FIELD_AREA}</dt>
            <dd>{s.area}</dd>
            <dt>{text::REQUEST_STATUS}</dt>
            <dd data-testid="request-status">{s.status}</dd>
            <dt>{text::REQUEST_FILED}</dt>
            <dd>{s.filed_at}</dd>
            <dt>{text::REQUEST_TARGET}</dt>
            <dd>{format!("{} · {} {} ({})", s.target, text::REQUEST_DUE, s.due, target_label(s.target_met))}</dd>
        </dl>
        <section class="card">
            <p class="pre">{detail.description}</p>
        </section>
        <ol class="thread">
            {detail
                .messages
                .into_iter()
                .map(|m| {
                    let who = if m.from_vendor { format!("{} ({})", m.author, text::VENDOR) } else { m.author };
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
                        <label for="reply">{text::REPLY}</label>
                        <textarea id="reply" name="body" required rows="4"></textarea>
                        <button type="submit">{text::SEND}</button>
                    </ActionForm>
                }
            })}
        {(open && admin)
            .then(|| {
                view! {
                    <ActionForm action=close>
                        <input type="hidden" name="id" value=id.to_string() />
                        <button type="submit" class="secondary">{text::CLOSE_REQUEST}</button>
                    </ActionForm>
                }
            })}
        {move || match reply.value().get() {
            Some(Err(error)) => Some(error_view(error)),
            _ => None,
        }}
    }
}
