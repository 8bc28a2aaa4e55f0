//! What an account chose for itself: its language (issue 15).

use super::Db;
use crate::i18n::Locale;
use crate::principal::Role;

/// Saves the language account `id` of `role` chose with the switcher.
pub async fn set_locale(db: &Db, role: Role, id: i64, locale: Locale) -> Result<(), sqlx::Error> {
    let sql = match role {
        Role::Contact => "UPDATE contacts SET locale = $1 WHERE id = $2",
        Role::Admin => "UPDATE admins SET locale = $1 WHERE id = $2",
    };
    sqlx::query(sql)
        .bind(locale.code())
        .bind(id)
        .execute(&crate::store::writer(db))
        .await?;
    Ok(())
}

/// The language contact `id` reads mail in: its saved choice, else English.
pub async fn contact_locale(db: &Db, id: i64) -> Result<Locale, sqlx::Error> {
    let saved: Option<Option<String>> =
        sqlx::query_scalar("SELECT locale FROM contacts WHERE id = $1")
            .bind(id)
            .fetch_optional(db)
            .await?;
    Ok(parse(saved.flatten()))
}

/// The language of company `company_id`'s mail (invoices, reminders): its active contact's
/// choice, else English.
pub async fn company_locale(db: &Db, company_id: i64) -> Result<Locale, sqlx::Error> {
    let saved: Option<Option<String>> =
        sqlx::query_scalar("SELECT locale FROM contacts WHERE company_id = $1 AND active = 1")
            .bind(company_id)
            .fetch_optional(db)
            .await?;
    Ok(parse(saved.flatten()))
}

fn parse(saved: Option<String>) -> Locale {
    saved.as_deref().and_then(Locale::parse).unwrap_or_default()
}
