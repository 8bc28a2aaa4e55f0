//! The HTML shell and the router: every URL of the portal on one screen.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Stylesheet, Title};
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::{path, SsrMode};

use crate::components::{HydrationMarker, SiteHeader};
use crate::i18n::t;
use crate::pages::*;

/// The document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    set_content_security_policy();
    view! {
        <!DOCTYPE html>
        <html lang=crate::i18n::locale().code()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <HydrationScripts options islands=true />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// Scripts run only from this site or with this response's nonce (the inline hydration
/// bootstrap), wasm may be compiled, and nothing is loaded from elsewhere or framed.
#[cfg(feature = "ssr")]
fn set_content_security_policy() {
    use axum::http::{header, HeaderValue};
    let (Some(nonce), Some(response)) = (
        leptos::nonce::use_nonce(),
        use_context::<leptos_axum::ResponseOptions>(),
    ) else {
        return;
    };
    let policy = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; \
         base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    );
    if let Ok(value) = HeaderValue::from_str(&policy) {
        response.insert_header(header::CONTENT_SECURITY_POLICY, value);
    }
}

/// Every page renders with `SsrMode::Async`: the server waits for its data (and the header's
/// "who is signed in") and sends complete HTML, so it works without JavaScript (out-of-order
/// streaming needs a script to swap the `Suspense` fallback out) and a redirect can still set
/// the status.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    crate::outcome::provide_waiting();
    view! {
        <Stylesheet id="leptos" href="/pkg/portal.css" />
        <HydrationMarker />
        <Title text=t("app-name") />
        <Router>
            <SiteHeader />
            <main id="main">
                <Routes fallback=|| view! { <p class="notice">{t("page-not-found")}</p> }>
                    <Route path=path!("/") view=|| view! { <Redirect path="/dashboard" /> } />
                    <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async />
                    <Route path=path!("/login/code") view=SecondFactorPage ssr=SsrMode::Async />
                    <Route path=path!("/dashboard") view=DashboardPage ssr=SsrMode::Async />
                    <Route path=path!("/plans") view=PlansPage ssr=SsrMode::Async />
                    <Route path=path!("/support") view=SupportPage ssr=SsrMode::Async />
                    <Route path=path!("/licenses") view=LicensesPage ssr=SsrMode::Async />
                    <Route path=path!("/updates") view=UpdatesPage ssr=SsrMode::Async />
                    <Route path=path!("/orders") view=OrdersPage ssr=SsrMode::Async />
                    <Route path=path!("/orders/:id") view=OrderPage ssr=SsrMode::Async />
                    <Route path=path!("/orders/:id/invoice") view=InvoicePage ssr=SsrMode::Async />
                    <Route path=path!("/history") view=HistoryPage ssr=SsrMode::Async />
                    <Route path=path!("/consultations") view=ConsultationsPage ssr=SsrMode::Async />
                    <Route path=path!("/consultations/:id") view=ConsultationPage ssr=SsrMode::Async />
                    <Route path=path!("/invite") view=InvitePage ssr=SsrMode::Async />
                    <Route path=path!("/reset") view=ResetPage ssr=SsrMode::Async />
                    <Route path=path!("/account") view=AccountPage ssr=SsrMode::Async />
                    <Route path=path!("/account/security") view=SecurityPage ssr=SsrMode::Async />
                    <Route path=path!("/company") view=CompanyPage ssr=SsrMode::Async />
                    <Route path=path!("/admin") view=AdminHomePage ssr=SsrMode::Async />
                    <Route path=path!("/admin/companies/:id") view=AdminCompanyPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/catalog") view=AdminCatalogPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/plans") view=AdminPlansPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/invoices") view=AdminInvoicesPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/vendor") view=AdminVendorPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/jobs") view=AdminJobsPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/admin/integrations")
                        view=AdminIntegrationsPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/admin/consultations") view=AdminQueuePage ssr=SsrMode::Async />
                    <Route path=path!("/admin/consultations/:id") view=AdminRequestPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/audit") view=AdminAuditPage ssr=SsrMode::Async />
                </Routes>
            </main>
        </Router>
    }
}
