//! Database constraints as answers, not crashes (launchbadge/realworld-axum-sqlx's
//! `on_constraint`). The schema guards invariants the code also checks; when a request still
//! reaches one (two admins at once, a race the code's check lost), the user gets a 4xx that
//! says what happened, never a 500.
//!
//! PostgreSQL names the constraint; SQLite names the columns (or the trigger's message), so
//! each known constraint carries both. Constraints a request cannot reach (CHECKs on values
//! the code computes, foreign keys to rows never deleted) mean a bug of ours: they stay
//! internal errors (500, logged with the request id), never a misleading 4xx.

use crate::error::AppError;
use crate::i18n::t;

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
    // Issue 20: two set-ups of one account's app at once, or a passkey registered twice.
    KnownConstraint {
        postgres: "totp_factors_pkey",
        sqlite: "totp_factors.account_role, totp_factors.account_id",
        refusal: || AppError::Invalid(t("err-authenticator-exists")),
    },
    KnownConstraint {
        postgres: "passkeys_credential_id_key",
        sqlite: "passkeys.credential_id",
        refusal: || AppError::Invalid(t("err-passkey-refused")),
    },
    KnownConstraint {
        postgres: "contracts_no_overlap",
        sqlite: "contracts_no_overlap",
        refusal: || AppError::Conflict(t("err-contracts-changed")),
    },
    KnownConstraint {
        postgres: "contracts_company_id_start_date_key",
        sqlite: "contracts.company_id, contracts.start_date",
        refusal: || AppError::Conflict(t("err-contracts-changed")),
    },
    KnownConstraint {
        postgres: "idempotency_keys_pkey",
        sqlite: "idempotency_keys.company_id, idempotency_keys.key",
        refusal: || AppError::Conflict(t("err-order-in-flight")),
    },
    KnownConstraint {
        postgres: "invoices_number_key",
        sqlite: "invoices.number",
        refusal: || AppError::Conflict(t("err-try-again")),
    },
    KnownConstraint {
        postgres: "invoices_order_id_key",
        sqlite: "invoices.order_id",
        refusal: || AppError::Conflict(t("err-try-again")),
    },
    KnownConstraint {
        postgres: "companies_name_key",
        sqlite: "companies.name",
        refusal: || AppError::Invalid(t("err-name-taken")),
    },
    KnownConstraint {
        postgres: "companies_unique_name_key",
        sqlite: "companies.name_key",
        refusal: || AppError::Invalid(t("err-name-taken")),
    },
    KnownConstraint {
        postgres: "products_unique_name_key",
        sqlite: "products.name_key",
        refusal: || AppError::Invalid(t("err-name-taken")),
    },
    KnownConstraint {
        postgres: "products_name_key",
        sqlite: "products.name",
        refusal: || AppError::Invalid(t("err-name-taken")),
    },
    KnownConstraint {
        postgres: "contacts_email_key",
        sqlite: "contacts.email",
        refusal: || AppError::Invalid(t("err-email-taken")),
    },
    KnownConstraint {
        postgres: "contacts_one_active_per_company",
        sqlite: "contacts.company_id",
        refusal: || AppError::Conflict(t("err-contact-changed")),
    },
    KnownConstraint {
        postgres: "price_list_entries_product_id_valid_from_key",
        sqlite: "price_list_entries.product_id, price_list_entries.valid_from",
        refusal: || AppError::Invalid(t("err-price-exists")),
    },
];

/// The answer for a violation of a [`KNOWN`] constraint; `None` for any other error, which
/// the caller reports as internal. Each refusal is logged: the code checks before it writes,
/// so the database saying no means a race was lost (or, for the overlap trigger, which
/// `store::lock_company` makes unreachable, a bug to look into).
pub fn refusal(error: &sqlx::Error) -> Option<AppError> {
    let sqlx::Error::Database(db) = error else {
        return None;
    };
    let name = db.constraint().unwrap_or_default();
    let message = db.message();
    let known = KNOWN.iter().find(|k| {
        (!name.is_empty() && name == k.postgres)
            || message == k.postgres
            || message.contains(&format!("\"{}\"", k.postgres))
            || (db.is_unique_violation() && message.ends_with(k.sqlite))
            || message == k.sqlite
    })?;
    tracing::warn!(constraint = known.postgres, %message, "refused by a database constraint");
    Some((known.refusal)())
}

/// A busy database, an exhausted pool or a database that is away (restarting): worth retrying
/// shortly, not a failure of ours.
pub fn is_overloaded(error: &sqlx::Error) -> bool {
    match error {
        sqlx::Error::PoolTimedOut => true,
        // The database is away (PostgreSQL restarting, the network cut): the pool reconnects
        // by itself once it is back, so the request is told to retry (issue 18).
        sqlx::Error::Io(_) | sqlx::Error::Tls(_) | sqlx::Error::WorkerCrashed => true,
        sqlx::Error::Protocol(message) if message.contains("closed") => true,
        // SQLite: SQLITE_BUSY (5) / SQLITE_LOCKED (6) past the busy timeout. PostgreSQL:
        // serialization failure, deadlock, lock or statement timeout, too many connections.
        sqlx::Error::Database(db) => {
            let code = db.code().unwrap_or_default();
            // SQLite reports extended codes (517 = BUSY_SNAPSHOT, 262 = LOCKED_SHAREDCACHE…):
            // the primary code is the low byte.
            let sqlite_primary = code.parse::<i32>().ok().map(|c| c & 0xff);
            matches!(sqlite_primary, Some(5 | 6))
                || matches!(&*code, "40001" | "40P01" | "55P03" | "57014" | "53300")
                // Shutting down, crashed, starting up; connection failures.
                || matches!(&*code, "57P01" | "57P02" | "57P03" | "08000" | "08003" | "08006")
        }
        _ => false,
    }
}
