//! The site header on every page: the brand, the navigation for who is looking (anonymous,
//! contact, admin) with the current page marked, and who is signed in with a way out.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::{viewer, Logout};
use crate::model::Viewer;
use crate::text;

/// The links each kind of visitor gets: (path, label).
fn links(viewer: &Viewer) -> &'static [(&'static str, &'static str)] {
    match viewer {
        Viewer::Anonymous => &[("/plans", text::NAV_PLANS), ("/login", text::NAV_SIGN_IN)],
        Viewer::Contact { .. } => &[
            ("/dashboard", text::NAV_DASHBOARD),
            ("/plans", text::NAV_PLANS),
            ("/orders", text::NAV_ORDERS),
            ("/consultations", text::NAV_REQUESTS),
            ("/company", text::NAV_COMPANY),
        ],
        Viewer::Admin { .. } => &[
            ("/admin", text::ADMIN_HOME),
            ("/admin/consultations", text::ADMIN_QUEUE),
            ("/admin/invoices", text::INVOICES_TITLE),
            ("/admin/catalog", text::ADMIN_CATALOG),
            ("/admin/plans", text::ADMIN_PLANS),
            ("/admin/audit", text::ADMIN_AUDIT),
            ("/admin/vendor", text::VENDOR_TITLE),
            ("/admin/jobs", text::JOBS_TITLE),
        ],
    }
}

#[component]
pub fn SiteHeader() -> impl IntoView {
    let viewer = Resource::new_blocking(|| (), |_| viewer());
    view! {
        <header class="site-header">
            <a href="/" class="brand">
                {text::APP_NAME}
            </a>
            <Suspense>
                {move || Suspend::new(async move {
                    let viewer = viewer.await.unwrap_or(Viewer::Anonymous);
                    view! { <Navigation viewer /> }
                })}
            </Suspense>
        </header>
    }
}

#[component]
fn Navigation(viewer: Viewer) -> impl IntoView {
    let who = match &viewer {
        Viewer::Anonymous => None,
        Viewer::Contact { name, company_name } => Some(format!("{name}, {company_name}")),
        Viewer::Admin { name } => Some(format!("{name} ({})", text::ROLE_ADMIN)),
    };
    view! {
        <nav aria-label=text::NAV_MAIN>
            {links(&viewer)
                .iter()
                .map(|(href, label)| {
                    // "/admin" (the work queue and companies) is not every admin page.
                    view! {
                        <A href=*href exact=*href == "/admin">
                            {*label}
                        </A>
                    }
                })
                .collect_view()}
        </nav>
        {who
            .map(|who| {
                let logout = ServerAction::<Logout>::new();
                view! {
                    <div class="account-menu">
                        <span class="muted">{text::SIGNED_IN_AS} " "</span>
                        <A href="/account" attr:data-testid="signed-in-as">
                            {who}
                        </A>
                        <ActionForm action=logout>
                            <button type="submit" class="secondary">
                                {text::SIGN_OUT}
                            </button>
                        </ActionForm>
                    </div>
                }
            })}
    }
}
