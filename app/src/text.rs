//! Every user-visible string in one place, ready for translation.

pub const APP_NAME: &str = "Support Portal";
pub const NAV_PLANS: &str = "Support plans";
pub const NAV_DASHBOARD: &str = "My company";
pub const NAV_SIGN_IN: &str = "Sign in";
pub const SIGN_OUT: &str = "Sign out";

pub const LOGIN_TITLE: &str = "Sign in";
pub const LOGIN_INTRO: &str = "Sign in as your company's designated support contact.";
pub const LOGIN_EMAIL: &str = "Email";
pub const LOGIN_PASSWORD: &str = "Password";
pub const LOGIN_SUBMIT: &str = "Sign in";
pub const LOGIN_SIGNED_OUT: &str = "You have been signed out.";

pub const ERR_NOT_SIGNED_IN: &str = "Please sign in to continue.";
pub const ERR_INVALID_CREDENTIALS: &str = "The email or password is incorrect.";
pub const ERR_NOT_FOUND: &str = "Not found.";
pub const ERR_INTERNAL: &str = "Something went wrong on our side. Please try again.";
pub const ERR_BAD_REQUEST: &str = "The request could not be understood.";

pub const DASHBOARD_HOLDINGS: &str = "Products and licenses";
pub const DASHBOARD_FILTER: &str = "Filter products";
pub const DASHBOARD_FILTER_PLACEHOLDER: &str = "Type a product name";
pub const DASHBOARD_NO_MATCH: &str = "No product matches the filter.";
pub const DASHBOARD_NO_HOLDINGS: &str = "Your company owns no licenses yet.";
pub const COL_PRODUCT: &str = "Product";
pub const COL_QUANTITY: &str = "Licenses";
pub const COL_INSTALLED: &str = "Installed version";
pub const COL_LATEST: &str = "Latest version";
pub const UPDATE_AVAILABLE: &str = "Update available";
pub const UP_TO_DATE: &str = "Up to date";
pub const SORT_BY: &str = "Sort by";
pub const TOTAL_LICENSES: &str = "Total licenses";

pub const CONTRACT_TITLE: &str = "Support contract";
pub const CONTRACT_PLAN: &str = "Plan";
pub const CONTRACT_PERIOD: &str = "Period";
pub const CONTRACT_DAYS_LEFT: &str = "Days left";
pub const NO_ACTIVE_SUPPORT: &str = "No active support.";
pub const CONTRACT_LAPSED_ON: &str = "Your last contract ended on";
pub const CONTRACT_STARTS_ON: &str = "Starts on";

pub const PLANS_TITLE: &str = "Support plans";
pub const PLANS_INTRO: &str =
    "Support is priced as a percentage of your total license price, per year, for all your products.";
pub const PLANS_PRICE: &str = "Price (of total license price, per year)";
pub const PLANS_PATCHES: &str = "Crucial updates and patches for the current version";
pub const PLANS_NEW_VERSIONS: &str = "New product versions (free version-update licenses)";
pub const PLANS_RESPONSE: &str = "Target first response";
pub const PLANS_ELIGIBILITY: &str = "Eligibility";
pub const PLANS_ANY_CUSTOMER: &str = "Any customer";
pub const PLANS_CONSULTATION: &str = "Consultation";
pub const YES: &str = "Yes";
pub const NO: &str = "No";
pub const LOADING: &str = "Loading…";
pub const PAGE_NOT_FOUND: &str = "Page not found.";

/// "companies owning 5+ licenses"
pub fn min_licenses(n: u32) -> String {
    format!("Companies owning {n}+ licenses")
}

/// "3 business days", "1 business day", "4 business hours"
pub fn response_target(amount: u32, unit_is_days: bool) -> String {
    let unit = match (unit_is_days, amount == 1) {
        (true, true) => "business day",
        (true, false) => "business days",
        (false, true) => "business hour",
        (false, false) => "business hours",
    };
    format!("{amount} {unit}")
}
