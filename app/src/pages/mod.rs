//! One module per page.

mod account;
mod admin;
mod company;
mod consultations;
mod dashboard;
mod history;
mod licenses;
mod login;
mod orders;
mod plans;
mod recovery;
mod second_factor;
mod security;
mod support;
mod updates;

pub use account::AccountPage;
pub use admin::{
    AdminAuditPage, AdminCatalogPage, AdminCompanyPage, AdminHomePage, AdminIntegrationsPage,
    AdminInvoicesPage, AdminJobsPage, AdminPlansPage, AdminQueuePage, AdminRequestPage,
    AdminVendorPage,
};
pub use company::CompanyPage;
pub use consultations::{ConsultationPage, ConsultationsPage};
pub(crate) use dashboard::ContractCard;
pub use dashboard::DashboardPage;
pub use history::HistoryPage;
pub use licenses::LicensesPage;
pub use login::LoginPage;
pub use orders::{InvoicePage, OrderPage, OrdersPage};
pub use plans::PlansPage;
pub use recovery::{InvitePage, ResetPage};
pub use second_factor::{PasskeySignIn, SecondFactorPage};
pub use security::SecurityPage;
pub use support::SupportPage;
pub use updates::UpdatesPage;
