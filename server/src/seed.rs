//! Demo data: the SPEC catalogue, the default plans and demo companies, one per situation
//! (no contract; active Standard with 7 licenses; an outdated version; a lapsed contract), plus
//! two spare companies without support for trying a first purchase.
//!
//! Idempotent: every insert is keyed on a natural unique key and skipped when present, so
//! seeding twice changes nothing. Runs in one transaction: a failed seed leaves no half-company.

use chrono::{Duration, NaiveDate, Utc};
use sqlx::{Any, AnyPool, Transaction};

use app::auth::password;
use domain::ConsultationArea;

/// The password of every demo login (listed in the README).
pub const DEMO_PASSWORD: &str = "demo-password-2026";
pub const DEMO_ADMIN_EMAIL: &str = "admin@portal.example";
/// The demo admin's authenticator app secret (base32): admin pages need a second factor
/// (issue 20), so the demo admin has one, published here and in the README for trying the
/// portal out. Never use demo data in production.
pub const DEMO_ADMIN_TOTP_SECRET: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
/// The date the demo price list takes effect.
const PRICE_LIST_START: &str = "2026-01-01";

/// (name, latest version, list price in cents)
pub const PRODUCTS: [(&str, &str, i64); 18] = [
    ("Terrasoft XRM", "3.4.1", 120_000),
    ("Terrasoft CRM", "3.4.1", 90_000),
    ("Terrasoft Sales", "3.4.1", 80_000),
    ("Terrasoft Call Centre", "3.4.0", 65_000),
    ("Terrasoft Service Desk", "3.4.0", 70_000),
    ("Terrasoft Loyalty", "2.1.3", 33_333),
    ("Terrasoft CRM Mobile", "2.0.5", 15_000),
    ("Replication Utility", "1.6.2", 20_000),
    ("Backup Utility", "1.8.0", 25_000),
    ("Data Import Utility", "1.3.4", 12_000),
    ("Terrasoft CRM Bank", "3.2.0", 150_000),
    ("Terrasoft Debt Collection", "3.2.0", 110_000),
    ("Terrasoft Motors", "3.1.2", 100_000),
    ("Terrasoft Training", "3.0.7", 60_000),
    ("Terrasoft Tourism", "3.0.7", 75_000),
    ("Terrasoft Real Estate", "3.1.0", 85_000),
    ("Terrasoft Press", "3.0.2", 70_000),
    ("HIS Medicine", "2.5.0", 130_000),
];

/// The covered consultation areas with their display names, in the feature matrix's order.
const AREAS: [(ConsultationArea, &str); 5] = [
    (
        ConsultationArea::DeploymentAndAdjusting,
        "System deployment and adjusting",
    ),
    (ConsultationArea::VersionUpdate, "Version update"),
    (
        ConsultationArea::FunctionalFeatures,
        "Product functional features",
    ),
    (
        ConsultationArea::ReportsPluginsScripts,
        "Building reports, plug-ins, scripts",
    ),
    (
        ConsultationArea::DatabaseAndIntegration,
        "Database structure and integration with third-party applications",
    ),
];

struct PlanSeed {
    tier: &'static str,
    name: &'static str,
    percent_bp: i64,
    includes_new_versions: bool,
    min_licenses: i64,
    response: (i64, &'static str),
    /// How many of `AREAS`, in order, the plan covers.
    areas_covered: usize,
}

const PLANS: [PlanSeed; 3] = [
    PlanSeed {
        tier: "basic",
        name: "Basic",
        percent_bp: 1_000,
        includes_new_versions: false,
        min_licenses: 0,
        response: (3, "business_days"),
        areas_covered: 3,
    },
    PlanSeed {
        tier: "standard",
        name: "Standard",
        percent_bp: 2_000,
        includes_new_versions: true,
        min_licenses: 0,
        response: (1, "business_days"),
        areas_covered: 4,
    },
    PlanSeed {
        tier: "premium",
        name: "Premium",
        percent_bp: 5_000,
        includes_new_versions: true,
        min_licenses: 5,
        response: (4, "business_hours"),
        areas_covered: 5,
    },
];

/// A demo company's contract: (plan tier, start relative to today in days, years).
pub type DemoContract = (&'static str, i64, u32);

pub struct CompanySeed {
    pub name: &'static str,
    pub contact_name: &'static str,
    pub contact_email: &'static str,
    /// (product, quantity, installed version)
    pub holdings: &'static [(&'static str, i64, &'static str)],
    pub contract: Option<DemoContract>,
    /// (legal name, address, country, VAT number, billing emails), when the demo gives some.
    pub billing: Option<(
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
    )>,
}

/// 3 × CRM + 1 × Backup Utility: 4 licenses (one short of Premium), all up to date.
const STARTER_HOLDINGS: &[(&str, i64, &str)] = &[
    ("Terrasoft CRM", 3, "3.4.1"),
    ("Backup Utility", 1, "1.8.0"),
];

pub const DEMO_COMPANIES: [CompanySeed; 6] = [
    CompanySeed {
        name: "Northwind Trading",
        contact_name: "Anna Novak",
        contact_email: "anna@northwind.example",
        holdings: STARTER_HOLDINGS,
        contract: None,
        billing: None,
    },
    CompanySeed {
        name: "Contoso Logistics",
        contact_name: "Boris Petrenko",
        contact_email: "boris@contoso.example",
        holdings: &[
            ("Terrasoft CRM", 4, "3.4.1"),
            ("Terrasoft Sales", 2, "3.4.1"),
            ("Terrasoft CRM Mobile", 1, "2.0.5"),
        ],
        contract: Some(("standard", -120, 1)),
        billing: Some((
            "Contoso Logistics LLC",
            "22 Khreshchatyk St.\nKyiv 01001",
            "UA",
            "UA123456789012",
            "accounts@contoso.example, boris@contoso.example",
        )),
    },
    CompanySeed {
        name: "Fabrikam Clinics",
        contact_name: "Chen Li",
        contact_email: "chen@fabrikam.example",
        holdings: &[("HIS Medicine", 3, "2.4.0"), ("Backup Utility", 1, "1.8.0")],
        contract: Some(("standard", -30, 1)),
        billing: None,
    },
    CompanySeed {
        name: "Tailspin Tours",
        contact_name: "Dana Kovalenko",
        contact_email: "dana@tailspin.example",
        holdings: &[("Terrasoft Tourism", 2, "3.0.7")],
        // Ended 41 days ago.
        contract: Some(("basic", -405, 1)),
        billing: None,
    },
    // Two more companies without support, so that a first purchase can be tried (and is
    // tested end to end on desktop and phone) without touching the four above.
    CompanySeed {
        name: "Litware Studios",
        contact_name: "Edith Moroz",
        contact_email: "edith@litware.example",
        holdings: STARTER_HOLDINGS,
        contract: None,
        billing: None,
    },
    CompanySeed {
        name: "Adventure Works",
        contact_name: "Femi Adeyemi",
        contact_email: "femi@adventure.example",
        holdings: STARTER_HOLDINGS,
        contract: None,
        billing: None,
    },
];

/// Seeds everything missing; `today` anchors the demo contracts.
pub async fn demo(db: &AnyPool, today: NaiveDate) -> Result<(), sqlx::Error> {
    // Hash before the transaction: argon2 is slow and the write lock should be short.
    let demo_hash = password::hash_blocking(DEMO_PASSWORD);
    let now = Utc::now().to_rfc3339();
    // A write transaction from the start: instances seeding together queue instead of
    // failing on SQLite's lock upgrade.
    let mut tx = app::store::begin_write(db).await?;
    seed_catalogue(&mut tx).await?;
    sqlx::query(
        "INSERT INTO admins (name, email, password_hash, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (email) DO NOTHING",
    )
    .bind("Portal Admin")
    .bind(DEMO_ADMIN_EMAIL)
    .bind(&demo_hash)
    .bind(&now)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO totp_factors (account_role, account_id, secret, last_step, created_at)
         SELECT 'admin', id, $2, 0, $3 FROM admins WHERE email = $1
         ON CONFLICT (account_role, account_id) DO NOTHING",
    )
    .bind(DEMO_ADMIN_EMAIL)
    .bind(DEMO_ADMIN_TOTP_SECRET)
    .bind(&now)
    .execute(&mut *tx)
    .await?;
    for company in &DEMO_COMPANIES {
        seed_company(&mut tx, company, &demo_hash, today, &now).await?;
    }
    seed_vendor(&mut tx, &now).await?;
    tx.commit().await?;
    tracing::info!("demo data present");
    Ok(())
}

async fn seed_catalogue(tx: &mut Transaction<'_, Any>) -> Result<(), sqlx::Error> {
    let now = Utc::now().to_rfc3339();
    for (name, version, price) in PRODUCTS {
        // Keyed like the admin form (issue 19): a product an admin added as "terrasoft crm"
        // is the seed's "Terrasoft CRM", left as it is.
        let key = domain::name_key(name);
        sqlx::query(
            "INSERT INTO products (name, name_key, latest_version) VALUES ($1, $2, $3)
             ON CONFLICT DO NOTHING",
        )
        .bind(name)
        .bind(&key)
        .bind(version)
        .execute(&mut **tx)
        .await?;
        sqlx::query(
            "INSERT INTO price_list_entries (product_id, valid_from, unit_price_minor, created_at)
             SELECT id, $2, $3, $4 FROM products WHERE name_key = $1
             ON CONFLICT (product_id, valid_from) DO NOTHING",
        )
        .bind(&key)
        .bind(PRICE_LIST_START)
        .bind(price)
        .bind(&now)
        .execute(&mut **tx)
        .await?;
    }
    for (order, (area, name)) in AREAS.iter().enumerate() {
        sqlx::query(
            "INSERT INTO consultation_areas (code, name, sort_order) VALUES ($1, $2, $3)
             ON CONFLICT (code) DO NOTHING",
        )
        .bind(area.as_str())
        .bind(*name)
        .bind(order as i64)
        .execute(&mut **tx)
        .await?;
    }
    for (order, plan) in PLANS.iter().enumerate() {
        sqlx::query(
            "INSERT INTO plans (tier, name, percent_bp, includes_patches, includes_new_versions,
                                min_licenses, response_target_amount, response_target_unit,
                                sort_order)
             VALUES ($1, $2, $3, 1, $4, $5, $6, $7, $8)
             ON CONFLICT (tier) DO NOTHING",
        )
        .bind(plan.tier)
        .bind(plan.name)
        .bind(plan.percent_bp)
        .bind(i64::from(plan.includes_new_versions))
        .bind(plan.min_licenses)
        .bind(plan.response.0)
        .bind(plan.response.1)
        .bind(order as i64)
        .execute(&mut **tx)
        .await?;
        for (area, _) in &AREAS[..plan.areas_covered] {
            sqlx::query(
                "INSERT INTO plan_consultation_areas (plan_id, area_code)
                 SELECT id, $2 FROM plans WHERE tier = $1
                 ON CONFLICT (plan_id, area_code) DO NOTHING",
            )
            .bind(plan.tier)
            .bind(area.as_str())
            .execute(&mut **tx)
            .await?;
        }
    }
    Ok(())
}

/// The demo vendor's details, unless an admin has saved some (the migration's placeholder is
/// the only version until then).
async fn seed_vendor(tx: &mut Transaction<'_, Any>, now: &str) -> Result<(), sqlx::Error> {
    let (versions,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM vendor_details")
        .fetch_one(&mut **tx)
        .await?;
    if versions > 1 {
        return Ok(());
    }
    sqlx::query(
        "INSERT INTO vendor_details (legal_name, address, registration_number, vat_number, iban,
                                     bic, bank_name, payment_terms_days, vat_rate_bp, vat_note,
                                     footer, created_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, NULL)",
    )
    .bind(DEMO_VENDOR.0)
    .bind(DEMO_VENDOR.1)
    .bind("HRB 123456 B, Amtsgericht Charlottenburg")
    .bind("DE123456789")
    .bind("DE89370400440532013000")
    .bind("COBADEFFXXX")
    .bind("Commerzbank Berlin")
    .bind(30_i64)
    .bind(0_i64)
    .bind(
        "Reverse charge: VAT is due from the recipient (Art. 196, Council Directive 2006/112/EC).",
    )
    .bind("Portal Software GmbH · Managing director: Jana Weber · billing@portal-software.example")
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// The demo vendor's legal name and address, as the invoices print them.
pub const DEMO_VENDOR: (&str, &str) = (
    "Portal Software GmbH",
    "Friedrichstraße 68\n10117 Berlin\nGermany",
);

async fn seed_company(
    tx: &mut Transaction<'_, Any>,
    company: &CompanySeed,
    password_hash: &str,
    today: NaiveDate,
    now: &str,
) -> Result<(), sqlx::Error> {
    let inserted: Option<(i64,)> = sqlx::query_as(
        "INSERT INTO companies (name, name_key, created_at) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING RETURNING id",
    )
    .bind(company.name)
    .bind(domain::name_key(company.name))
    .bind(now)
    .fetch_optional(&mut **tx)
    .await?;
    // Present already: leave it exactly as it is (an admin may have changed it since).
    let Some((company_id,)) = inserted else {
        return Ok(());
    };
    sqlx::query(
        "INSERT INTO contacts (company_id, name, email, password_hash, created_at)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(company_id)
    .bind(company.contact_name)
    .bind(company.contact_email)
    .bind(password_hash)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    for (product, quantity, version) in company.holdings {
        sqlx::query(
            "INSERT INTO holdings (company_id, product_id, quantity, version)
             SELECT $1, id, $3, $4 FROM products WHERE name = $2",
        )
        .bind(company_id)
        .bind(*product)
        .bind(*quantity)
        .bind(*version)
        .execute(&mut **tx)
        .await?;
    }
    if let Some((legal_name, address, country, vat_number, emails)) = company.billing {
        sqlx::query(
            "INSERT INTO billing_details (company_id, legal_name, address, country, vat_number,
                                          billing_emails, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(company_id)
        .bind(legal_name)
        .bind(address)
        .bind(country)
        .bind(vat_number)
        .bind(emails)
        .bind(now)
        .execute(&mut **tx)
        .await?;
    }
    if let Some((tier, start_offset, years)) = company.contract {
        let start = today + Duration::days(start_offset);
        let years = domain::Years::new(years).expect("demo terms are whole years");
        let period = domain::contract_period(start, years).expect("demo dates are near today");
        sqlx::query(
            "INSERT INTO contracts (company_id, plan_id, plan_tier, plan_name, percent_bp,
                                    includes_new_versions, includes_patches, min_licenses,
                                    response_target_amount, response_target_unit,
                                    covered_areas, start_date, end_date, years, signed_at)
             SELECT $1, p.id, p.tier, p.name, p.percent_bp, p.includes_new_versions,
                    p.includes_patches, p.min_licenses, p.response_target_amount,
                    p.response_target_unit,
                    (SELECT COALESCE(string_agg(area_code, ','), '')
                       FROM plan_consultation_areas WHERE plan_id = p.id),
                    $3, $4, $5, $6
               FROM plans p WHERE p.tier = $2",
        )
        .bind(company_id)
        .bind(tier)
        .bind(period.start.to_string())
        .bind(period.end.to_string())
        .bind(i64::from(years.get()))
        .bind(now)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}
