//! The vendor's admin pages, one module per page (the file map follows `routes.rs`). Every
//! page's data comes from an admin server function, so a non-admin sees only the refusal.

mod audit;
mod catalog;
mod company;
mod consultations;
mod home;
mod plans;

use leptos::prelude::*;

use crate::text;

pub use audit::AdminAuditPage;
pub use catalog::AdminCatalogPage;
pub use company::AdminCompanyPage;
pub use consultations::{AdminQueuePage, AdminRequestPage};
pub use home::AdminHomePage;
pub use plans::AdminPlansPage;

#[component]
pub(super) fn AdminNav() -> impl IntoView {
    view! {
        <nav class="card actions" aria-label=text::ADMIN_TITLE>
            <a href="/admin">{text::ADMIN_COMPANIES}</a>
            <a href="/admin/consultations">{text::ADMIN_QUEUE}</a>
            <a href="/admin/catalog">{text::ADMIN_CATALOG}</a>
            <a href="/admin/plans">{text::ADMIN_PLANS}</a>
            <a href="/admin/audit">{text::ADMIN_AUDIT}</a>
        </nav>
    }
}
