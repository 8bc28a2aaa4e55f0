//! The site header on every page: the brand, the navigation for who is looking (anonymous,
//! contact, admin) with the current page marked, and who is signed in with a way out.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::{viewer, Logout};
use crate::i18n::t;
use crate::model::Viewer;

/// The links each kind of visitor gets: (path, message key of the label).
fn links(viewer: &Viewer) -> &'static [(&'static str, &'static str)] {
    match viewer {
        Viewer::Anonymous => &[("/plans", "nav-plans"), ("/login", "nav-sign-in")],
        Viewer::Contact { .. } => &[
            ("/dashboard", "nav-dashboard"),
            ("/plans", "nav-plans"),
            ("/orders", "nav-orders"),
            ("/consultations", "nav-requests"),
            ("/company", "nav-company"),
        ],
        Viewer::Admin { .. } => &[
            ("/admin", "admin-home"),
            ("/admin/consultations", "admin-queue"),
            ("/admin/invoices", "invoices-title"),
            ("/admin/catalog", "admin-catalog"),
            ("/admin/plans", "admin-plans"),
            ("/admin/audit", "admin-audit"),
            ("/admin/vendor", "vendor-title"),
            ("/admin/jobs", "jobs-title"),
            ("/admin/integrations", "integrations-title"),
        ],
    }
}

#[component]
pub fn SiteHeader() -> impl IntoView {
    let viewer = Resource::new_blocking(|| (), |_| viewer());
    view! {
        <header class="site-header">
            <a href="/" class="brand">
                {t("app-name")}
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
        Viewer::Admin { name } => Some(format!("{name} ({})", t("role-admin"))),
    };
    view! {
        <nav aria-label=t("nav-main")>
            {links(&viewer)
                .iter()
                .map(|(href, label)| {
                    // "/admin" (the work queue and companies) is not every admin page.
                    view! {
                        <A href=*href exact=*href == "/admin">
                            {t(label)}
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
                        <span class="muted">{t("signed-in-as")} " "</span>
                        <A href="/account" attr:data-testid="signed-in-as">
                            {who}
                        </A>
                        <ActionForm action=logout>
                            <button type="submit" class="secondary">
                                {t("sign-out")}
                            </button>
                        </ActionForm>
                    </div>
                }
            })}
        <LanguageSwitcher />
    }
}

/// One button per language, in a plain form: it works without JavaScript. The server saves
/// the choice (a cookie, and the account's preference when signed in) and sends the browser
/// back to this page.
#[component]
fn LanguageSwitcher() -> impl IntoView {
    let location = leptos_router::hooks::use_location();
    let here = format!(
        "{}{}",
        location.pathname.get_untracked(),
        location.search.get_untracked()
    );
    let current = crate::i18n::locale();
    view! {
        <form method="post" action="/language" class="language-switcher">
            <input type="hidden" name="return_to" value=here />
            <span class="visually-hidden">{t("language-switcher")}</span>
            {crate::i18n::Locale::ALL
                .into_iter()
                .map(|l| {
                    view! {
                        <button
                            type="submit"
                            name="locale"
                            value=l.code()
                            lang=l.code()
                            class="link"
                            aria-pressed=if l == current { "true" } else { "false" }
                        >
                            {l.native_name()}
                        </button>
                    }
                })
                .collect_view()}
        </form>
    }
}
