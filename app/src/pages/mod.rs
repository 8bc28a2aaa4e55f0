//! One module per page.

mod dashboard;
mod history;
mod licenses;
mod login;
mod orders;
mod plans;
mod support;
mod updates;

pub use dashboard::DashboardPage;
pub use history::HistoryPage;
pub use licenses::LicensesPage;
pub use login::LoginPage;
pub use orders::{InvoicePage, OrderPage, OrdersPage};
pub use plans::PlansPage;
pub use support::SupportPage;
pub use updates::UpdatesPage;
