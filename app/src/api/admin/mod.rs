//! Vendor staff: companies and their contacts (R3), licenses, exceptions (R5), invoices, the
//! catalogue and price list, plans, and the audit log. Every function checks the admin role
//! first; anonymous callers get 401, contacts 403.
//!
//! One module per area, as the admin pages are one per route.

mod audit_log;
mod catalog;
mod companies;
mod contacts;
mod exceptions;
mod holdings;
mod integrations;
mod invoices;
mod jobs;
mod plans;
mod tokens;
mod vendor;
mod work_queue;

pub use audit_log::*;
pub use catalog::*;
pub use companies::*;
pub use contacts::*;
pub use exceptions::*;
pub use holdings::*;
pub use integrations::*;
pub use invoices::*;
pub use jobs::*;
pub use plans::*;
pub use tokens::*;
pub use vendor::*;
pub use work_queue::*;

#[cfg(feature = "ssr")]
mod helpers {
    use chrono::NaiveDate;

    use crate::auth::AdminPrincipal;
    use crate::error::AppError;
    use crate::i18n::t;
    use crate::store::{audit, Conn};

    /// Records an admin's change; `company_id` is `None` for catalogue-wide changes.
    pub async fn audit(
        conn: &mut Conn,
        admin: &AdminPrincipal,
        company_id: impl Into<Option<i64>>,
        kind: &str,
        summary: String,
    ) -> Result<(), sqlx::Error> {
        audit::record(
            conn,
            audit::Entry {
                actor: audit::Actor::Admin(admin.admin_id),
                company_id: company_id.into(),
                kind,
                summary,
                before: None,
                after: None,
            },
        )
        .await
    }

    /// A list price and its first day; prices never take effect in the past (R9 cites them).
    pub fn parse_price(
        price: &str,
        valid_from: &str,
        today: NaiveDate,
    ) -> Result<(domain::Money, NaiveDate), AppError> {
        // The domain's errors quote the input; the answer must not (it may be 64 KiB).
        let price =
            domain::Money::parse_amount(price).map_err(|_| AppError::Invalid(t("err-price")))?;
        let valid_from = crate::input::date(valid_from)?;
        if valid_from < today {
            return Err(AppError::Invalid(t("err-price-in-past")));
        }
        Ok((price, valid_from))
    }

    pub mod contact {
        //! Invitations (R3): the new contact sets a password from a single-use link.

        use crate::auth::AdminPrincipal;
        use crate::error::AppError;
        use crate::model::admin::InvitationSent;
        use crate::state::AppState;
        use crate::store::{self, tokens, Conn};

        /// Invites `name` <`email`> as the company's contact inside `tx`, with the invitation
        /// mail enqueued in the same transaction; commits, then sends it (a mail failure is
        /// retried by the queue, and the admin sees a link to pass on meanwhile).
        pub async fn invite_and_mail(
            app: &AppState,
            mut tx: sqlx::Transaction<'static, sqlx::Any>,
            admin: &AdminPrincipal,
            company_id: i64,
            name: &str,
            email: &str,
        ) -> Result<InvitationSent, AppError> {
            let (invitation, contact_id) =
                invite(app, &mut tx, admin, company_id, name, email).await?;
            let epoch = store::contacts::epoch_of(&mut tx, contact_id).await?;
            let job = crate::jobs::enqueue(
                &mut tx,
                &crate::jobs::Job::InvitationMail { contact_id, epoch },
                app.clock.now(),
            )
            .await?;
            tx.commit().await?;
            crate::jobs::kick(app, job).await;
            Ok(invitation)
        }

        /// `name` and `email` have passed `input`'s checks.
        pub async fn invite(
            app: &AppState,
            conn: &mut Conn,
            admin: &AdminPrincipal,
            company_id: i64,
            name: &str,
            email: &str,
        ) -> Result<(InvitationSent, i64), AppError> {
            let contact_id = match store::contacts::assign(conn, company_id, name, email).await {
                Ok(id) => id,
                // The email is taken, or (a lost race) the company's contact changed meanwhile:
                // `store::constraint` tells which.
                Err(e) => return Err(e.into()),
            };
            let token = tokens::issue(
                conn,
                contact_id,
                tokens::Purpose::Invitation,
                app.clock.now(),
            )
            .await?;
            super::audit(
                conn,
                admin,
                company_id,
                "contact_assigned",
                format!("Contact is now {name} <{email}>; invitation sent"),
            )
            .await?;
            Ok((
                InvitationSent {
                    company_id,
                    link: format!("{}/invite?token={token}", app.public_url),
                },
                contact_id,
            ))
        }
    }
}
