//! Every user-visible string in one place, ready for translation.

pub const APP_NAME: &str = "Support Portal";
pub const NAV_PLANS: &str = "Support plans";
pub const NAV_DASHBOARD: &str = "My company";
pub const NAV_SIGN_IN: &str = "Sign in";
pub const SIGN_OUT: &str = "Sign out";
pub const SIGN_OUT_EVERYWHERE: &str = "End my sessions on all devices";
pub const NAV_MAIN: &str = "Main";
pub const NAV_ACCOUNT: &str = "Account";
pub const SIGNED_IN_AS: &str = "Signed in as";
pub const ROLE_ADMIN: &str = "vendor admin";
pub const ACCOUNT_TITLE: &str = "Your account";
pub const ACCOUNT_NAME: &str = "Name";
pub const ACCOUNT_COMPANY: &str = "Company";
pub const ACCOUNT_ROLE: &str = "Role";
pub const ACCOUNT_PASSWORD_TITLE: &str = "Password";
pub const ACCOUNT_PASSWORD_HOW: &str =
    "To change your password, ask for a reset link: it is mailed to your address and works once.";
pub const ACCOUNT_PASSWORD_LINK: &str = "Send me a password reset link";
pub const ACCOUNT_SESSIONS_TITLE: &str = "Sessions";
pub const ACCOUNT_SESSIONS_HOW: &str =
    "Signed in on a device you no longer use? End every session, this one included.";

pub const LOGIN_TITLE: &str = "Sign in";
pub const LOGIN_INTRO: &str = "Sign in as your company's designated support contact.";
pub const LOGIN_EMAIL: &str = "Email";
pub const LOGIN_PASSWORD: &str = "Password";
pub const LOGIN_SUBMIT: &str = "Sign in";
pub const LOGIN_SIGNED_OUT: &str = "You have been signed out.";

pub const ERR_NOT_SIGNED_IN: &str = "Please sign in to continue.";
pub const ERR_INVALID_CREDENTIALS: &str = "The email or password is incorrect.";
pub const ERR_NOT_FOUND: &str = "Not found.";
pub const ERR_EMAIL: &str = "Enter a valid email address.";
pub const ERR_PASSWORD_SHORT: &str = "Choose a password of at least 12 characters.";
pub const ERR_PASSWORD_LONG: &str = "Choose a shorter password (at most 1,024 bytes).";
pub const ERR_PASSWORD_COMMON: &str = "That password is too common; choose another.";
pub const ERR_REQUIRED: &str = "Fill in every field.";
/// Names are unique up to case and spacing (`domain::name_key`); the refusal names the record
/// that holds the name.
pub fn product_name_taken(existing: &str) -> String {
    format!(
        "A product named \"{existing}\" already exists; names that differ only in capitals or spaces count as the same."
    )
}
pub fn company_name_taken(existing: &str) -> String {
    format!(
        "A company named \"{existing}\" already exists; names that differ only in capitals or spaces count as the same."
    )
}
/// A name clash caught by the database (two admins at once): the record is not at hand.
pub const ERR_NAME_TAKEN: &str =
    "That name was just taken; names that differ only in capitals or spaces count as the same. Reload the page to see it.";
pub const ERR_EMAIL_TAKEN: &str = "That email belongs to another account.";
pub const ERR_DATE: &str = "Enter a date as YYYY-MM-DD.";
pub const ERR_INVOICE_NUMBER: &str =
    "Enter the invoice number as printed on the invoice, e.g. INV-2026-000042.";
pub const ERR_BILLING_EMAILS: &str =
    "Give one to five billing email addresses, separated by commas.";
pub const ERR_IBAN: &str =
    "This IBAN is not valid: check the letters and digits (e.g. DE89 3704 0044 0532 0130 00).";
pub const ERR_BIC: &str = "A BIC has 8 or 11 letters and digits, e.g. COBADEFFXXX.";
pub const ERR_COUNTRY: &str = "Enter the country as its two-letter code, e.g. DE or UA.";
pub const ERR_PAYMENT_TERMS: &str = "Payment terms are a number of days from 0 to 365.";
pub const ERR_VAT_RATE: &str = "Enter the VAT rate as a percentage from 0 to 100, e.g. 20 or 7.5.";
pub const ERR_PAID_IN_FUTURE: &str = "The payment date cannot be in the future.";
pub const ERR_ALREADY_PAID: &str = "This invoice is already marked paid; reload the list.";
pub const ERR_PAID_BEFORE_ISSUE: &str =
    "The payment date cannot be before the invoice's issue date.";
pub const ERR_PRICE_IN_PAST: &str =
    "A new price cannot take effect in the past: prices in force are cited by contracts.";
pub const ERR_PRICE_EXISTS: &str =
    "That product already has a price from that day; price entries are never overwritten.";
pub const ERR_PRICE_IN_FORCE: &str =
    "Only a price that has not taken effect yet can be withdrawn; prices in force are cited by contracts.";
pub const ERR_PERCENT: &str =
    "Enter a percentage from 0 to 100 in digits, with at most two decimals after a point or comma, e.g. 20 or 12.5.";
pub const ERR_PRICE: &str =
    "Enter a price in digits, with at most two decimals after a point or comma, e.g. 900.00 or 900,00 (no sign, exponent or leading zeros).";
pub fn response_target_range(max_days: u32, max_hours: u32) -> String {
    format!(
        "The response target must be 1 to {max_days} business days, or 1 to {max_hours} business hours."
    )
}
pub const ERR_VERSION: &str = "Enter a version as numbers separated by dots, e.g. 7.12.1.";
/// "Subject: use at most 200 characters."
pub fn too_long(field: &str, max_chars: usize) -> String {
    format!("{field}: use at most {max_chars} characters.")
}
pub fn unreadable_characters(field: &str) -> String {
    format!("{field} contains invisible or unreadable characters; please retype it.")
}
pub fn quantity_range(max: u32) -> String {
    format!("Enter a number of licenses from 1 to {max}.")
}
pub const INVITATION_SUBJECT: &str = "Your Support Portal account";
pub const RESET_SUBJECT: &str = "Reset your Support Portal password";
pub const ANSWERED_SUBJECT: &str = "Your consultation request was answered";
pub const AREA_OTHER: &str = "Other (outside the support areas, e.g. LAN or OS setup)";
pub const ERR_REQUEST_CLOSED: &str = "This request is closed; file a new one.";
pub fn too_many_attempts(wait_minutes: i64) -> String {
    format!("Too many attempts. Wait {wait_minutes} minutes and try again.")
}
pub const ERR_FORBIDDEN: &str = "This page is for vendor staff only.";
pub const ERR_LINK_INVALID: &str =
    "This link is not valid any more (links work once and expire). Ask for a new one.";
pub fn internal_error(reference: &str) -> String {
    if reference.is_empty() {
        "Something went wrong on our side. Please try again.".into()
    } else {
        format!(
            "Something went wrong on our side. Please try again; if it keeps happening, \
             tell us reference {reference}."
        )
    }
}
pub const ERR_BAD_REQUEST: &str = "The request could not be understood.";
pub const ERR_STALE_QUOTE: &str =
    "Prices changed since this quote was shown: review the new quote.";
pub const ERR_EMPTY_ORDER: &str = "Choose at least one license to add.";
pub const ERR_CONTRACTS_CHANGED: &str =
    "Your contracts changed while this order was being placed; reload the page to see them and get a new quote.";
pub const ERR_ORDER_IN_FLIGHT: &str =
    "This order is being placed right now; reload the page in a moment to see it.";
pub const ERR_TRY_AGAIN: &str =
    "This change clashed with another one made at the same moment; reload the page and try again.";
pub const ERR_CONTACT_CHANGED: &str =
    "The company's contact was changed at the same moment; reload the page to see who it is now.";
pub fn unavailable(retry_after_seconds: u32) -> String {
    format!("The portal is very busy right now; please try again in {retry_after_seconds} seconds.")
}

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
/// Shown when renewals are already signed: support runs on to this day.
pub const CONTRACT_RENEWED_UNTIL: &str = "Renewed: support until";
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

// Purchase flows
pub const NAV_ORDERS: &str = "Orders";
pub const YOUR_PRICES: &str = "Priced on your licenses";
pub const YOUR_LICENSE_TOTAL: &str = "Total list price of your licenses";
pub const CURRENT_PLAN: &str = "Your current plan";
pub const NOT_AVAILABLE: &str = "Not available";
pub const CHOOSE_PLAN: &str = "Choose";
pub const PER_TERM: &str = "Support price";
pub const BUY_SUPPORT_TITLE: &str = "Buy support";
pub const RENEW_TITLE: &str = "Renew support";
pub const SUPPORT_INTRO: &str =
    "Support covers all your products, for whole years. Choose a plan and a term to see the quote.";
pub const FIELD_PLAN: &str = "Plan";
pub const FIELD_YEARS: &str = "Years";
pub const SHOW_QUOTE: &str = "Show quote";
pub const CONFIRM_ORDER: &str = "Confirm order";
pub const QUOTE_TITLE: &str = "Quote";
pub const QUOTE_SIGNING_DATE: &str = "Priced on";
pub const QUOTE_LICENSES: &str = "Licenses";
pub const QUOTE_SUPPORT: &str = "Support";
pub const QUOTE_BASIS: &str = "Licenses the support price is based on";
pub const QUOTE_TOTAL: &str = "Total";
pub const COL_VERSION: &str = "Version";
pub const COL_QTY: &str = "Quantity";
pub const COL_UNIT_PRICE: &str = "Unit price";
pub const COL_PRICE_FROM: &str = "List price from";
pub const COL_AMOUNT: &str = "Amount";
pub const ROUNDING_NOTE: &str = "rounded half-up to cents";
pub const ADD_LICENSES_TITLE: &str = "Add licenses";
pub const ADD_LICENSES_INTRO: &str =
    "Licenses are sold together with support (R1): with your running contract, or a new one.";
pub const SUPPORT_WITH_ACTIVE: &str = "Extend my running contract";
pub const SUPPORT_WITH_NEW: &str = "Buy a new support contract";
pub const FIELD_SUPPORT: &str = "Support for the added licenses";
pub const OWNED: &str = "owned";
pub const UPDATES_TITLE: &str = "Version updates";
pub const UPDATES_INTRO: &str =
    "While your plan includes new versions, moving to the latest version is free (R4).";
pub const UPDATE_TO: &str = "Update to";
pub const ORDERS_TITLE: &str = "Orders and invoices";
pub const NO_ORDERS: &str = "No orders yet.";
pub const ORDER_TITLE: &str = "Order";
pub const INVOICE_TITLE: &str = "Invoice";
pub const INVOICE_ISSUED: &str = "Issue date";
pub const INVOICE_DUE: &str = "Due date";
pub const INVOICE_STATUS: &str = "Status";
pub const PAID: &str = "Paid";
pub const UNPAID: &str = "Unpaid";
pub const PRINT_INVOICE: &str = "Print-friendly invoice";
pub const DOWNLOAD_PDF: &str = "Download the invoice (PDF)";
pub const INVOICE_NUMBER_LABEL: &str = "Invoice number";
pub const INVOICE_ORDER: &str = "Order";
pub const INVOICE_PAYMENT_REFERENCE: &str = "Payment reference";
pub const INVOICE_SELLER: &str = "From";
pub const INVOICE_BUYER: &str = "Bill to";
pub const INVOICE_REGISTRATION: &str = "Registration no.";
pub const INVOICE_VAT_NUMBER: &str = "VAT no.";
pub const INVOICE_COUNTRY: &str = "Country";
pub const INVOICE_SUBTOTAL: &str = "Subtotal";
pub const INVOICE_TOTAL: &str = "Total";
pub const INVOICE_PAYMENT: &str = "Payment";
pub const INVOICE_IBAN: &str = "IBAN";
pub const INVOICE_BIC: &str = "BIC";
pub const INVOICE_BANK: &str = "Bank";
pub const INVOICE_OVERDUE: &str = "Overdue";
pub const FIELD_LEGAL_NAME: &str = "Legal name";
pub const FIELD_ADDRESS: &str = "Address";
pub const FIELD_BILLING_EMAILS: &str = "Billing email addresses";
pub const FIELD_VAT_NOTE: &str = "Note printed with the VAT";
pub const FIELD_FOOTER: &str = "Invoice footer";
pub const FIELD_BANK_REFERENCE: &str = "Bank reference";
pub const FIELD_PAID_ON: &str = "Paid on";
pub const FIELD_PAYMENT_TERMS: &str = "Payment terms (days)";
pub const FIELD_VAT_RATE: &str = "VAT rate (%)";
pub const COMPANY_TITLE: &str = "Company and billing details";
pub const NAV_COMPANY: &str = "Billing details";
pub const COMPANY_INTRO: &str = "Invoices are made out to these details and mailed to the billing addresses. \
    Changes apply to invoices issued from now on; issued invoices keep the details they were issued with.";
pub const NO_BILLING_DETAILS: &str =
    "No billing details yet: invoices name your company only and go to your own address.";
pub const SAVE_BILLING: &str = "Save billing details";
pub const VENDOR_TITLE: &str = "Vendor details";
pub const VENDOR_INTRO: &str =
    "The seller on every invoice. Saving makes a new version, in force for invoices \
    issued from now on; issued invoices keep the version they were issued with.";
pub const SAVE_VENDOR: &str = "Save vendor details";
pub const INVOICES_TITLE: &str = "Invoices";
pub const FILTER_UNPAID: &str = "Unpaid";
pub const FILTER_OVERDUE: &str = "Overdue";
pub const FILTER_PAID: &str = "Paid";
pub const FILTER_ALL: &str = "All";
pub const NO_INVOICES: &str = "No invoices match.";
pub const IN_FORCE_SINCE: &str = "In force since";
pub const JOBS_TITLE: &str = "Mail and reminders";
pub const JOBS_INTRO: &str =
    "Every mail the portal sends is a job: sent right away when possible, \
    retried with growing pauses when the mail server refuses, and marked failed after ten tries.";
pub const JOB_QUEUED: &str = "Queued";
pub const JOB_RUNNING: &str = "Running";
pub const JOB_DONE: &str = "Sent";
pub const JOB_FAILED: &str = "Failed";
pub const NO_JOBS: &str = "No jobs match.";
pub const COL_JOB: &str = "Job";
pub const COL_RUN_AT: &str = "Runs at";
pub const COL_ATTEMPTS: &str = "Tries";
pub const COL_LAST_ERROR: &str = "Last error";
pub const RETRY_JOB: &str = "Try again";
pub const ERR_JOB_NOT_FAILED: &str = "Only a failed job can be tried again; reload the list.";

/// Under a quote's total when the vendor charges VAT.
pub fn quote_tax(rate: &str, tax: &str, total: &str, currency: &str) -> String {
    format!("Plus VAT {rate}: {tax} {currency}. The invoice total is {total} {currency}.")
}

/// "VAT 20%".
pub fn invoice_tax(rate: &str) -> String {
    format!("VAT {rate}")
}

/// The payment instruction under the totals.
pub fn invoice_pay_by(
    total: &str,
    currency: &str,
    due: chrono::NaiveDate,
    reference: &str,
) -> String {
    format!("Please transfer {total} {currency} by {due}, quoting {reference}.")
}

/// What a support line pays for.
pub fn service_period(service: &crate::model::invoice::ServiceText) -> String {
    use crate::model::invoice::ServiceText;
    match service {
        ServiceText::Term { start, end } => format!("Service period {start} – {end}"),
        ServiceText::Extension {
            from,
            new_end,
            days,
        } => {
            format!("Service period {from} – {new_end}: {days} days added (R8), support now ends {new_end}")
        }
    }
}

/// "Unpaid", "Overdue", "Paid on 2026-12-01".
pub fn invoice_status(status: &crate::model::invoice::InvoiceStatus) -> String {
    use crate::model::invoice::InvoiceStatus;
    match status {
        InvoiceStatus::Unpaid { overdue: false } => UNPAID.into(),
        InvoiceStatus::Unpaid { overdue: true } => INVOICE_OVERDUE.into(),
        InvoiceStatus::Paid { on: Some(day) } => format!("Paid on {day}"),
        InvoiceStatus::Paid { on: None } => PAID.into(),
    }
}

/// "Page 1 of 2".
pub fn page_of(page: usize, pages: usize) -> String {
    format!("Page {page} of {pages}")
}

/// The mail that carries a new invoice.
pub fn invoice_mail_subject(number: &str) -> String {
    format!("Invoice {number}")
}

/// The subject of a renewal reminder.
pub fn renewal_reminder_subject(end: chrono::NaiveDate, lapsed: bool) -> String {
    if lapsed {
        format!("Your support ended on {end}: renew to be covered again")
    } else {
        format!("Your support ends on {end}: renew in time")
    }
}

/// A renewal reminder: the plan, the end, a year's renewal price when known, and the quote.
pub fn renewal_reminder_mail(
    name: &str,
    plan: &str,
    end: chrono::NaiveDate,
    price: Option<&str>,
    link: &str,
    lapsed: bool,
) -> String {
    let when = if lapsed {
        format!("ended on {end}; until you renew, you have no support")
    } else {
        format!("ends on {end}")
    };
    let price = price
        .map(|p| format!("Renewing {plan} for one year costs {p}.\n"))
        .unwrap_or_default();
    format!(
        "Hello {name},\n\nYour company's {plan} support {when}.\n{price}\
         See the quote and renew here:\n\n{link}\n"
    )
}

/// The subject of an overdue-invoice reminder.
pub fn overdue_reminder_subject(number: &str) -> String {
    format!("Reminder: invoice {number} is overdue")
}

/// An overdue-invoice reminder.
pub fn overdue_reminder_mail(
    number: &str,
    total: &str,
    currency: &str,
    due: chrono::NaiveDate,
    link: &str,
) -> String {
    format!(
        "Hello,\n\nInvoice {number} over {total} {currency} was due on {due} and is not paid \
         yet. Please transfer the amount quoting {number}, or ignore this mail if you have \
         just paid. The invoice:\n\n{link}\n"
    )
}

/// The body of the mail that carries a new invoice's PDF.
pub fn invoice_mail(number: &str, total: &str, currency: &str, due: chrono::NaiveDate) -> String {
    format!(
        "Hello,\n\nThank you for your order. Invoice {number} over {total} {currency}, due {due}, \
         is attached as a PDF. You can also download it from the portal under Orders.\n"
    )
}
pub const COL_DATE: &str = "Date";
pub const COL_WHAT: &str = "What";
pub const COL_BY: &str = "By";
pub const COL_INVOICE: &str = "Invoice";
pub const COL_DESCRIPTION: &str = "Description";
pub const COL_DETAIL: &str = "Computation";
pub const CONTRACT_CHANGE: &str = "Contract";
pub const HISTORY_TITLE: &str = "History";
pub const NO_HISTORY: &str = "Nothing has happened yet.";
pub const RENEW_NOW: &str = "Renew now";
pub const ACTIONS_TITLE: &str = "What you can do";
pub const GO_PLANS: &str = "Compare plans and prices";
pub const GO_SUPPORT_NEW: &str = "Buy support";
pub const GO_SUPPORT_RENEW: &str = "Renew support";
pub const GO_LICENSES: &str = "Add licenses";
pub const GO_UPDATES: &str = "Version updates";
pub const GO_ORDERS: &str = "Orders and invoices";
pub const GO_HISTORY: &str = "History";
pub const GO_UPDATES_FIX: &str = "Go to version updates";
pub const GO_RENEWAL: &str = "Renew or change plan";

pub fn order_kind(kind: crate::model::OrderKind) -> &'static str {
    use crate::model::OrderKind::*;
    match kind {
        NewSupport => "New support contract",
        Renewal => "Support renewal",
        AddLicenses => "Additional licenses",
    }
}

pub fn years(n: u32) -> String {
    if n == 1 {
        "1 year".into()
    } else {
        format!("{n} years")
    }
}

pub fn renewal_due(days_left: u32) -> String {
    format!("Your support ends in {days_left} days.")
}

/// The contract change an order makes, in words (R8, R10).
pub fn contract_change(change: &crate::model::ContractChange) -> String {
    use crate::model::ContractChange::*;
    match change {
        New { start, end } => format!("New contract: {start} – {end} (R10)."),
        Renewal {
            previous_end,
            lapsed: false,
            start,
            end,
        } => format!("Renewal after the current end {previous_end}: {start} – {end} (R10)."),
        Renewal {
            previous_end,
            lapsed: true,
            start,
            end,
        } => format!(
            "Your contract lapsed on {previous_end}; the renewal runs {start} – {end} (R10)."
        ),
        Extended {
            owned,
            added,
            years,
            days,
            old_end,
            new_end,
            moves,
        } => {
            let mut text = format!(
                "R8: the contract end moves by ceil(365 × {years} × {added} / ({owned} + {added})) = {days} days: {old_end} → {new_end}."
            );
            for m in moves {
                text += &format!(
                    " Your signed {} renewal moves {days} days later: {} – {} → {} – {}.",
                    m.plan_name, m.from_start, m.from_end, m.to_start, m.to_end
                );
            }
            text
        }
    }
}

/// Why the add-licenses page offers nothing yet: the only contract starts later (R1).
pub fn licenses_from_start(start: chrono::NaiveDate) -> String {
    format!("Your support starts on {start}; licenses can be added under it from that day (R1).")
}

/// Why the add-licenses page offers no new contract (R1).
pub fn licenses_join_current(covered_until: chrono::NaiveDate) -> String {
    format!(
        "Your support runs until {covered_until}, so new licenses join your current contract (R1). \
         To change plan, renew from the plans page."
    )
}

pub fn support_formula(
    percent: &str,
    license_total: &str,
    years: u32,
    exact: &str,
    amount: &str,
) -> String {
    format!("{percent} × {license_total} × {years} = {exact} → {amount} ({ROUNDING_NOTE})")
}

pub fn end_date_change(before: Option<chrono::NaiveDate>, after: chrono::NaiveDate) -> String {
    match before {
        Some(before) if before != after => format!("End date {before} → {after}"),
        _ => format!("Ends {after}"),
    }
}

pub fn invitation_mail(name: &str, link: &str) -> String {
    format!(
        "Hello {name},\n\nYou are now your company's support contact on the Support Portal.\n\
         Set your password with this link (it works once, for 72 hours):\n\n{link}\n"
    )
}

pub fn reset_mail(name: &str, link: &str) -> String {
    format!(
        "Hello {name},\n\nSomeone asked to reset your Support Portal password. If it was you,\n\
         choose a new one with this link (it works once, for 2 hours):\n\n{link}\n\n\
         If it was not you, ignore this message.\n"
    )
}

pub fn answered_mail(name: &str, subject: &str, link: &str) -> String {
    format!("Hello {name},\n\nYour request \"{subject}\" has an answer:\n\n{link}\n")
}

// Consultations and account recovery
pub const NAV_REQUESTS: &str = "Requests";
pub const REQUESTS_TITLE: &str = "Consultation requests";
pub const REQUESTS_INTRO: &str =
    "Ask the vendor's support team about the areas your plan covers (R5).";
pub const NEW_REQUEST: &str = "New request";
pub const FIELD_AREA: &str = "Area";
pub const FIELD_SUBJECT: &str = "Subject";
pub const FIELD_DESCRIPTION: &str = "Description";
pub const FILE_REQUEST: &str = "Send request";
pub const NO_REQUESTS: &str = "No requests yet.";
pub const REQUEST_TITLE: &str = "Request";
pub const REQUEST_STATUS: &str = "Status";
pub const REQUEST_FILED: &str = "Filed";
pub const REQUEST_TARGET: &str = "Response target";
pub const REQUEST_DUE: &str = "First answer due";
pub const TARGET_MET: &str = "Met";
pub const TARGET_MISSED: &str = "Missed";
pub const TARGET_PENDING: &str = "Pending";
pub const REPLY: &str = "Reply";
pub const SEND: &str = "Send";
pub const CLOSE_REQUEST: &str = "Close request";
pub const VENDOR: &str = "Support team";
pub const INVITE_TITLE: &str = "Set your password";
pub const INVITE_INTRO: &str =
    "Choose a password of at least 12 characters to finish your account.";
pub const NEW_PASSWORD: &str = "New password";
pub const SAVE_PASSWORD: &str = "Save password";
pub const RESET_TITLE: &str = "Reset your password";
pub const RESET_INTRO: &str = "Enter your email; we send a link to choose a new password.";
pub const RESET_SEND: &str = "Send link";
pub const RESET_SENT: &str =
    "If that email belongs to an account, a link is on its way. It works once, for 2 hours.";
pub const FORGOT_PASSWORD: &str = "Forgot your password?";
pub const GO_REQUESTS: &str = "Consultation requests";

// Admin
pub const ADMIN_TITLE: &str = "Administration";
pub const ADMIN_HOME: &str = "Overview";
pub const WORK_TITLE: &str = "Today's work";
pub const WORK_RENEWALS: &str = "Renewals due in the next 90 days";
pub const WORK_NO_RENEWALS: &str = "No coverage ends in the next 90 days.";
pub const WORK_OVERDUE: &str = "Overdue invoices";
pub const WORK_NO_OVERDUE: &str = "No invoice is overdue.";
pub const WORK_REQUESTS: &str = "Requests waiting for an answer, by deadline";
pub const WORK_NO_REQUESTS: &str = "No request is waiting for an answer.";
pub const WORK_RECENT_ORDERS: &str = "Recent orders";
pub const WORK_NO_ORDERS: &str = "No orders yet.";
pub const OVERDUE: &str = "overdue";
pub const COL_DAYS_LEFT: &str = "Days left";
pub const COL_DAYS_OVERDUE: &str = "Days overdue";
pub const COL_DUE: &str = "Due";
pub const COL_SUBJECT: &str = "Subject";
pub const SORT_NAME: &str = "Name";
pub const SORT_LICENSES: &str = "Licenses (most first)";
pub const SORT_SUPPORT_END: &str = "Support until (soonest first)";
pub const ADMIN_COMPANIES: &str = "Companies";
pub const ADMIN_CATALOG: &str = "Catalogue and prices";
pub const ADMIN_PLANS: &str = "Plans";
pub const ADMIN_QUEUE: &str = "Request queue";
pub const ADMIN_AUDIT: &str = "Audit log";
pub const SEARCH: &str = "Search";
pub const PREVIOUS: &str = "Previous";
pub const NEXT: &str = "Next";
pub const CREATE_COMPANY: &str = "Create company";
pub const FIELD_COMPANY_NAME: &str = "Company name";
pub const FIELD_CONTACT_NAME: &str = "Contact name";
pub const FIELD_CONTACT_EMAIL: &str = "Contact email";
pub const INVITATION_LINK: &str = "Invitation sent. Link (works once, 72 hours):";
pub const COL_CONTACT: &str = "Contact";
pub const COL_SUPPORT_END: &str = "Support until";
pub const CONTACTS_TITLE: &str = "Contact (R3)";
pub const ASSIGN_CONTACT: &str = "Make this person the contact";
pub const ASSIGN_CONTACT_TITLE: &str = "Replace the contact";
pub const ASSIGN_CONTACT_CONFIRM: &str =
    "I understand: the current contact loses access at once, and the new one is mailed an invitation.";
pub const END_SESSIONS: &str = "End all contact sessions";
pub const END_SESSIONS_TITLE: &str = "Sign the contact out";
pub const END_SESSIONS_CONFIRM: &str =
    "I understand: the contact is signed out on every device and must sign in again.";
pub const LICENSES_TITLE: &str = "Licenses";
pub const GRANT_LICENSES_TITLE: &str = "Grant licenses (no charge)";
pub const RECORD_UPDATE_TITLE: &str = "Record a version update";
pub const NOTHING_TO_UPDATE: &str = "Every holding is on the latest version.";
pub const COL_KIND: &str = "Kind";
pub const COL_TOTAL: &str = "Total";
pub const COL_STATUS: &str = "Status";
pub const NO_ORDERS_YET: &str = "No orders yet.";
pub const NO_EXCEPTIONS: &str = "No exceptions recorded.";
pub const ACTIVE: &str = "active";
pub const DISABLED: &str = "disabled";
pub const INVITED: &str = "invited, no password yet";
pub const GRANT_LICENSES: &str = "Grant licenses";
pub const RECORD_UPDATE: &str = "Record update to latest version";
pub const EXCEPTIONS_TITLE: &str = "Contractual exceptions (R5)";
pub const RECORD_EXCEPTION: &str = "Record exception";
pub const REVOKE: &str = "Revoke";
pub const REVOKED: &str = "revoked";
pub const MARK_PAID: &str = "Mark paid";
pub const RECORD_PAYMENT: &str = "Record the payment";
pub const FIELD_PRODUCT: &str = "Product";
pub const FIELD_PRICE: &str = "Price";
pub const FIELD_VALID_FROM: &str = "Valid from";
pub const FIELD_VERSION: &str = "Version";
pub const ADD_PRODUCT: &str = "Add product";
pub const DECLARE_VERSION: &str = "Declare version";
pub const ADD_PRICE: &str = "Add price";
pub const WITHDRAW: &str = "Withdraw";
pub const IN_FORCE: &str = "in force or past";
pub const SAVE_PLAN: &str = "Save plan";
pub const FIELD_PERCENT: &str = "Percent of license total per year";
pub const FIELD_MIN_LICENSES: &str = "Minimum licenses (R2)";
pub const FIELD_RESPONSE: &str = "Response target";
/// The accessible name of the unit next to the response target (days or hours).
pub const FIELD_RESPONSE_UNIT: &str = "Response target unit";
pub const BUSINESS_DAYS: &str = "business days";
pub const BUSINESS_HOURS: &str = "business hours";
pub const PLAN_NOTE: &str =
    "Changes apply to quotes from now on; signed contracts keep their terms.";
pub const FILTER: &str = "Filter";
pub const FIELD_ACTOR: &str = "Actor";
pub const FIELD_KIND: &str = "Kind";
pub const FIELD_FROM: &str = "From";
pub const FIELD_TO: &str = "To";
pub const ANY: &str = "any";
pub const COL_COMPANY: &str = "Company";
pub const SAVED: &str = "Saved.";
