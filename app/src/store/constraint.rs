//! Database constraints as answers, not crashes (launchbadge/realworld-axum-sqlx's
//! `on_constraint`). The schema guards invariants the code also checks; when a request still
//! reaches one (two admins at once, a race the code's check lost), the user gets a 4xx that
//! says what happened, never a 500.
//!
//! PostgreSQL names the constraint; SQLite names the columns (or the trigger's message), so
//! each known constraint carries both. Constraints a request cannot reach (CHECKs on values
//! the code computes, foreign keys to rows never deleted) fall back to a generic 409.

use crate::error::AppError;
use crate::text;

/// One constraint of the schema that a request can reach.
pub struct KnownConstraint {
    /// PostgreSQL's name for it (`\d table`).
    pub postgres: &'static str,
    /// What SQLite's message names: `table.column[, table.column]` or the trigger's text.
    pub sqlite: &'static str,
    /// What the user is told.
    pub refusal: fn() -> AppError,
}

/// Every UNIQUE index and trigger a request can reach, with its answer.
pub const KNOWN: &[KnownConstraint] = &[
    KnownConstraint {
        postgres: "contracts_no_overlap",
        sqlite: "contracts_no_overlap",
        refusal: || AppError::Conflict(text::ERR_CONTRACTS_CHANGED.into()),
    },
    KnownConstraint {
        postgres: "contracts_company_id_start_date_key",
        sqlite: "contracts.company_id, contracts.start_date",
        refusal: || AppError::Conflict(text::ERR_CONTRACTS_CHANGED.into()),
    },
    KnownConstraint {
        postgres: "idempotency_keys_pkey",
        sqlite: "idempotency_keys.company_id, idempotency_keys.key",
        refusal: || AppError::Conflict(text::ERR_ORDER_IN_FLIGHT.into()),
    },
    KnownConstraint {
        postgres: "invoices_number_key",
        sqlite: "invoices.number",
        refusal: || AppError::Conflict(text::ERR_TRY_AGAIN.into()),
    },
    KnownConstraint {
        postgres: "invoices_order_id_key",
        sqlite: "invoices.order_id",
        refusal: || AppError::Conflict(text::ERR_TRY_AGAIN.into()),
    },
    KnownConstraint {
        postgres: "companies_name_key",
        sqlite: "companies.name",
        refusal: || AppError::Invalid(text::ERR_NAME_TAKEN.into()),
    },
    KnownConstraint {
        postgres: "companies_unique_name_key",
        sqlite: "companies.name_key",
        refusal: || AppError::Invalid(text::ERR_NAME_TAKEN.into()),
    },
    KnownConstraint {
        postgres: "products_unique_name_key",
        sqlite: "products.name_key",
        refusal: || AppError::Invalid(text::ERR_NAME_TAKEN.into()),
    },
    KnownConstraint {
        postgres: "products_name_key",
        sqlite: "products.name",
        refusal: || AppError::Invalid(text::ERR_NAME_TAKEN.into()),
    },
    KnownConstraint {
        postgres: "contacts_email_key",
        sqlite: "contacts.email",
        refusal: || AppError::Invalid(text::ERR_EMAIL_TAKEN.into()),
    },
    KnownConstraint {
        postgres: "contacts_one_active_per_company",
        sqlite: "contacts.company_id",
        refusal: || AppError::Conflict(text::ERR_CONTACT_CHANGED.into()),
    },
    KnownConstraint {
        postgres: "price_list_entries_product_id_valid_from_key",
        sqlite: "price_list_entries.product_id, price_list_entries.valid_from",
        refusal: || AppError::Invalid(text::ERR_PRICE_EXISTS.into()),
    },
];

/// The answer for a constraint violation, `None` for any other error. Unknown constraints get
/// a generic 409 (and a warning in the log, since the code should have checked first).
pub fn refusal(error: &sqlx::Error) -> Option<AppError> {
    let sqlx::Error::Database(db) = error else {
        return None;
    };
    let violation = db.is_unique_violation()
        || db.is_foreign_key_violation()
        || db.is_check_violation()
        || db.message().contains("contracts_no_overlap");
    if !violation {
        return None;
    }
    let name = db.constraint().unwrap_or_default();
    let message = db.message();
    let known = KNOWN.iter().find(|k| {
        (!name.is_empty() && name == k.postgres)
            || message.contains(k.postgres)
            || message.ends_with(k.sqlite)
    });
    Some(match known {
        Some(k) => (k.refusal)(),
        None => {
            tracing::warn!(constraint = name, %message, "unexpected constraint violation");
            AppError::Conflict(text::ERR_TRY_AGAIN.into())
        }
    })
}

/// A busy database or an exhausted pool: worth retrying shortly, not a failure of ours.
pub fn is_overloaded(error: &sqlx::Error) -> bool {
    match error {
        sqlx::Error::PoolTimedOut => true,
        // SQLite: SQLITE_BUSY (5) / SQLITE_LOCKED (6) past the busy timeout. PostgreSQL:
        // serialization failure, deadlock, lock or statement timeout, too many connections.
        sqlx::Error::Database(db) => matches!(
            db.code().as_deref(),
            Some("5" | "6" | "40001" | "40P01" | "55P03" | "57014" | "53300")
        ),
        _ => false,
    }
}
