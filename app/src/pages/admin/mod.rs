//! The vendor's admin pages, one module per page (the file map follows `routes.rs`). Every
//! page's data comes from an admin server function, so a non-admin sees only the refusal.

mod audit;
mod catalog;
mod company;
mod consultations;
mod home;
mod integrations;
mod invoices;
mod jobs;
mod plans;
mod vendor;

pub use audit::AdminAuditPage;
pub use catalog::AdminCatalogPage;
pub use company::AdminCompanyPage;
pub use consultations::{AdminQueuePage, AdminRequestPage};
pub use home::AdminHomePage;
pub use integrations::AdminIntegrationsPage;
pub use invoices::AdminInvoicesPage;
pub use jobs::AdminJobsPage;
pub use plans::AdminPlansPage;
pub use vendor::AdminVendorPage;
