//! One module per page.

mod dashboard;
mod login;
mod plans;

pub use dashboard::DashboardPage;
pub use login::LoginPage;
pub use plans::PlansPage;
