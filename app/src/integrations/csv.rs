//! CSV import and export (issue 17).
//!
//! **Import** takes one row per holding, with its company and contact, and optionally a
//! contract of the company (header and order of columns fixed, see [`HEADER`]):
//!
//! ```text
//! company,contact_name,contact_email,product,quantity,version,plan,start,end
//! Acme Corp,Jane Roe,jane@acme.example,Terrasoft CRM,5,3.4.1,standard,2026-01-01,2026-12-31
//! ```
//!
//! A company is matched by its name key (case and spacing ignored) and created when new, with
//! its contact (who gets no mail: invite from the company page). A holding is set to the row's
//! quantity and version. A contract (plan, start, end: all three or none) is signed on the plan's
//! terms of today, unless the same one exists. The rules are the UI's: names and emails as the
//! forms take them, known products, versions declared and never moving back, one active contact
//! per company (R3), no overlapping contracts (R1). Every row is checked before anything is
//! written; one refused row writes nothing. Running a file again changes nothing.
//!
//! **Export** writes companies, holdings, contracts, orders or invoices as CSV.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use domain::{name_key, ContractId, Coverage, SignedContract, Version};

use crate::error::AppError;
use crate::model::admin::{ImportReport, RowError};
use crate::state::AppState;
use crate::store::{self, audit, Conn};

/// The import's columns, in order.
pub use crate::model::admin::IMPORT_COLUMNS as HEADER;

/// The largest file imported from the admin page, in bytes (`server import` reads any size).
pub const MAX_IMPORT_BYTES: usize = 1024 * 1024;

/// One valid row.
struct Row {
    line: usize,
    company: String,
    contact_name: String,
    contact_email: String,
    product_id: i64,
    quantity: i64,
    version: Version,
    contract: Option<(domain::PlanTier, NaiveDate, NaiveDate)>,
}

/// What the database holds that the rows are checked against.
struct Existing {
    /// Company name key → (id, active contact's email).
    companies: HashMap<String, (i64, Option<String>)>,
    /// Contact email → company id.
    emails: HashMap<String, i64>,
    /// (company, product) → (quantity, version).
    holdings: HashMap<(i64, i64), (i64, Version)>,
    /// Company → its contracts (id, tier, start, end).
    contracts: HashMap<i64, Vec<(i64, String, NaiveDate, NaiveDate)>>,
}

/// Imports `text` (dry run unless `apply`), audited as `actor` (the admin, or the system for
/// `server import`); the report lists what was (or would be) created and changed, and every
/// refused row.
pub async fn import(
    app: &AppState,
    actor: audit::Actor,
    text: &str,
    apply: bool,
) -> Result<ImportReport, AppError> {
    if text.len() > MAX_IMPORT_BYTES && matches!(actor, audit::Actor::Admin(_)) {
        return Err(AppError::Invalid(crate::tr!(
            "import-too-large",
            max = MAX_IMPORT_BYTES / 1024 / 1024
        )));
    }
    // A file that is not a CSV of our columns at all (no header, control characters) is
    // refused outright; a CSV of our columns gets a report, row by row.
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(AppError::Invalid(crate::text::unreadable_characters(
            &crate::i18n::t("import-file"),
        )));
    }
    let first_line = text
        .lines()
        .next()
        .unwrap_or_default()
        .trim()
        .to_lowercase();
    let columns: Vec<&str> = first_line.split(',').map(str::trim).collect();
    if columns != HEADER {
        return Err(AppError::Invalid(crate::tr!(
            "import-header",
            header = HEADER.join(",")
        )));
    }
    let mut tx = store::begin_write(&app.db).await?;
    if tx.backend_name() == "PostgreSQL" {
        // SQLite's BEGIN IMMEDIATE already excludes every other writer. On PostgreSQL, purchases
        // and admin changes lock only their company's row: the import, which checks many
        // companies against what it read, keeps them out until it commits (R1's overlap check
        // needs it, as the overlap trigger sees committed rows only).
        sqlx::query(
            "LOCK TABLE companies, contacts, holdings, contracts IN SHARE ROW EXCLUSIVE MODE",
        )
        .execute(&mut *tx)
        .await?;
    }
    let catalog = store::catalog::load_catalog(&mut tx).await?;
    let plans = store::catalog::domain_plans(&mut tx).await?;
    let existing = load(&mut tx).await?;
    let mut report = ImportReport::default();
    let rows = parse(text, &catalog, &mut report);
    let plan_of = |tier: domain::PlanTier| plans.iter().find(|p| p.plan.tier == tier);

    // Group by company (file order), checking each company's rows agree with each other and
    // with the database.
    let mut order: Vec<String> = Vec::new();
    let mut by_company: BTreeMap<String, Vec<&Row>> = BTreeMap::new();
    for row in &rows {
        let key = name_key(&row.company);
        if !by_company.contains_key(&key) {
            order.push(key.clone());
        }
        by_company.entry(key).or_default().push(row);
    }
    let mut error = |line: usize, field: &str, reason: String| {
        report.errors.push(RowError {
            line,
            field: field.into(),
            reason,
        })
    };
    let mut licenses_of: HashMap<i64, HashMap<i64, i64>> = HashMap::new();
    for ((company, product), (quantity, _)) in &existing.holdings {
        licenses_of
            .entry(*company)
            .or_default()
            .insert(*product, *quantity);
    }
    let mut plan_changes: Vec<CompanyChange> = Vec::new();
    // Emails the file gives to its companies' contacts: one person cannot be two companies'.
    let mut claimed: HashMap<String, (String, usize)> = HashMap::new();
    for key in &order {
        let rows = &by_company[key];
        let first = rows[0];
        let known = existing.companies.get(key);
        let company_id = known.map(|(id, _)| *id);
        for row in rows.iter().skip(1) {
            if row.contact_email != first.contact_email {
                error(
                    row.line,
                    "contact_email",
                    crate::tr!("import-contact-differs", line = first.line),
                );
            }
        }
        match claimed.get(&first.contact_email) {
            Some((other, line)) if other != key => error(
                first.line,
                "contact_email",
                crate::tr!("import-contact-differs", line = *line),
            ),
            _ => {
                claimed.insert(first.contact_email.clone(), (key.clone(), first.line));
            }
        }
        // R3: one active contact; an import never replaces one.
        match (known, existing.emails.get(&first.contact_email)) {
            (Some((_, Some(active))), _) if *active != first.contact_email => error(
                first.line,
                "contact_email",
                crate::tr!("import-contact-exists", email = active.as_str()),
            ),
            (_, Some(owner)) if Some(*owner) != company_id => error(
                first.line,
                "contact_email",
                crate::i18n::t("err-email-taken"),
            ),
            _ => {}
        }
        let mut change = CompanyChange {
            key: key.clone(),
            id: company_id,
            name: first.company.clone(),
            contact: (known.is_none_or(|(_, c)| c.is_none()))
                .then(|| (first.contact_name.clone(), first.contact_email.clone())),
            holdings: Vec::new(),
            contracts: Vec::new(),
        };
        let mut seen_products: HashMap<i64, usize> = HashMap::new();
        for row in rows {
            if let Some(line) = seen_products.insert(row.product_id, row.line) {
                error(
                    row.line,
                    "product",
                    crate::tr!("import-product-twice", line = line),
                );
                continue;
            }
            let current = company_id.and_then(|id| existing.holdings.get(&(id, row.product_id)));
            match current {
                // An import only ever adds: licenses bought in the portal since the ERP's
                // export are not taken away, and versions never move back (R4). A file that
                // says less than the portal knows changes nothing, so it can run again.
                Some((quantity, version)) => {
                    let raised = (*quantity).max(row.quantity);
                    let newer = version.clone().max(row.version.clone());
                    if raised == *quantity && newer == *version {
                        report.unchanged += 1;
                    } else {
                        report.holdings_changed += 1;
                        change.holdings.push((row.product_id, raised, newer));
                    }
                }
                None => {
                    report.holdings_created += 1;
                    change
                        .holdings
                        .push((row.product_id, row.quantity, row.version.clone()));
                }
            }
        }
        // Contracts: the company's existing ones and the file's new ones must form one
        // timeline without overlaps (R1), as `domain::Coverage` requires.
        let stored = company_id
            .and_then(|id| existing.contracts.get(&id))
            .cloned()
            .unwrap_or_default();
        let mut timeline: Vec<SignedContract> = Vec::new();
        for (id, tier, start, end) in &stored {
            let plan = tier
                .parse::<domain::PlanTier>()
                .ok()
                .and_then(plan_of)
                .ok_or_else(|| AppError::internal(format_args!("contract {id}: unknown plan")))?;
            let contract = domain::Contract::new(plan.plan.clone(), *start, *end)
                .map_err(AppError::internal)?;
            timeline.push(SignedContract {
                id: ContractId(*id),
                contract,
            });
        }
        let mut next_id = -1;
        for row in rows {
            let Some((tier, start, end)) = row.contract else {
                continue;
            };
            // The same contract: same plan and first day (its end may have moved since, R8).
            let same = |(_, t, s, _): &(i64, String, NaiveDate, NaiveDate)| {
                *t == tier.as_str() && *s == start
            };
            if stored.iter().any(same)
                || change
                    .contracts
                    .iter()
                    .any(|c: &NewContract| c.tier == tier && c.start == start)
            {
                continue;
            }
            let Some(plan) = plan_of(tier) else {
                error(row.line, "plan", crate::i18n::t("import-plan"));
                continue;
            };
            // R2: the plan's minimum, counted on the licenses the company owns after the file.
            let mut licenses = company_id
                .and_then(|id| licenses_of.get(&id))
                .cloned()
                .unwrap_or_default();
            for (product, quantity, _) in &change.holdings {
                licenses.insert(*product, *quantity);
            }
            let owned = licenses.values().sum::<i64>().max(0) as u64;
            if let Err(refused) = domain::rules::check_min_licenses(&plan.plan, owned, false) {
                error(row.line, "plan", crate::text::rule_violation(&refused));
                continue;
            }
            let Ok(contract) = domain::Contract::new(plan.plan.clone(), start, end) else {
                error(row.line, "end", crate::i18n::t("import-end-before-start"));
                continue;
            };
            let mut candidate = timeline.clone();
            candidate.push(SignedContract {
                id: ContractId(next_id),
                contract: contract.clone(),
            });
            next_id -= 1;
            if Coverage::new(candidate.clone()).is_err() {
                error(row.line, "start", crate::i18n::t("import-overlap"));
                continue;
            }
            timeline = candidate;
            report.contracts_created += 1;
            change.contracts.push(NewContract {
                tier,
                start,
                end,
                plan_id: plan.id,
                contract,
            });
        }
        if change.id.is_none() {
            report.companies_created += 1;
        }
        if change.contact.is_some() {
            report.contacts_created += 1;
        }
        plan_changes.push(change);
    }
    report.errors.sort_by_key(|e| e.line);
    if !report.errors.is_empty() || !apply {
        return Ok(report);
    }
    let today = app.clock.today();
    let signed_at = app.clock.now().to_rfc3339();
    let mut changed_companies = 0;
    for change in plan_changes {
        if change.is_empty() {
            continue;
        }
        changed_companies += 1;
        write(&mut tx, actor, &change, today, &signed_at).await?;
    }
    if changed_companies > 0 {
        let summary = format!(
            "CSV import: {} rows, {} companies and {} contacts created, {} holdings created and {} changed, {} contracts",
            report.rows, report.companies_created, report.contacts_created,
            report.holdings_created, report.holdings_changed, report.contracts_created
        );
        audit::record(
            &mut tx,
            audit::Entry {
                actor,
                company_id: None,
                kind: "csv_import",
                summary,
                before: None,
                after: None,
            },
        )
        .await?;
    }
    tx.commit().await?;
    report.applied = true;
    Ok(report)
}

/// A contract the file adds.
struct NewContract {
    tier: domain::PlanTier,
    start: NaiveDate,
    end: NaiveDate,
    plan_id: i64,
    contract: domain::Contract,
}

/// What the file does to one company.
struct CompanyChange {
    key: String,
    id: Option<i64>,
    name: String,
    contact: Option<(String, String)>,
    holdings: Vec<(i64, i64, Version)>,
    contracts: Vec<NewContract>,
}

impl CompanyChange {
    fn is_empty(&self) -> bool {
        self.id.is_some()
            && self.contact.is_none()
            && self.holdings.is_empty()
            && self.contracts.is_empty()
    }
}

async fn write(
    tx: &mut Conn,
    actor: audit::Actor,
    change: &CompanyChange,
    today: NaiveDate,
    signed_at: &str,
) -> Result<(), AppError> {
    let company_id = match change.id {
        Some(id) => id,
        None => match store::companies::create(tx, &change.name).await? {
            store::Insert::Created(id) => id,
            store::Insert::NameTaken { existing } => {
                return Err(AppError::Conflict(crate::text::company_name_taken(
                    &existing,
                )))
            }
        },
    };
    if let Some((name, email)) = &change.contact {
        store::contacts::assign(tx, company_id, name, email).await?;
    }
    for (product_id, quantity, version) in &change.holdings {
        store::holdings::set(tx, company_id, *product_id, *quantity, version).await?;
    }
    for c in &change.contracts {
        let years = years_of(c.start, c.end);
        store::contracts::insert(tx, company_id, c.plan_id, &c.contract, years, signed_at).await?;
    }
    let summary = format!(
        "Imported from CSV ({}): {} holdings, {} contracts{}",
        change.key,
        change.holdings.len(),
        change.contracts.len(),
        if change.contact.is_some() {
            ", contact created"
        } else {
            ""
        }
    );
    let _ = today;
    audit::record(
        tx,
        audit::Entry {
            actor,
            company_id: Some(company_id),
            kind: "csv_import",
            summary,
            before: None,
            after: None,
        },
    )
    .await?;
    Ok(())
}

/// Whole years a period spans, at least one (an imported contract need not be whole years).
fn years_of(start: NaiveDate, end: NaiveDate) -> u32 {
    let days = (end - start).num_days() + 1;
    u32::try_from(((days + 364) / 365).max(1)).unwrap_or(1)
}

/// The rows that parse, each checked on its own; the others are reported.
fn parse(text: &str, catalog: &domain::Catalog, report: &mut ImportReport) -> Vec<Row> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .trim(csv::Trim::All)
        .flexible(false)
        .from_reader(text.as_bytes());
    let header_ok = reader
        .headers()
        .map(|h| {
            h.iter()
                .map(str::to_lowercase)
                .eq(HEADER.iter().map(|s| s.to_string()))
        })
        .unwrap_or(false);
    if !header_ok {
        report.errors.push(RowError {
            line: 1,
            field: "header".into(),
            reason: crate::tr!("import-header", header = HEADER.join(",")),
        });
        return Vec::new();
    }
    let products: HashMap<String, (i64, Version)> = catalog
        .products()
        .map(|p| (name_key(&p.name), (p.id.get(), p.latest_version.clone())))
        .collect();
    let mut rows = Vec::new();
    for (index, record) in reader.records().enumerate() {
        // The line the record starts on (a quoted field may span lines).
        let line = record
            .as_ref()
            .ok()
            .and_then(|r| r.position())
            .map_or(index + 2, |p| {
                usize::try_from(p.line()).unwrap_or(index + 2)
            });
        report.rows += 1;
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                report.errors.push(RowError {
                    line,
                    field: "row".into(),
                    reason: crate::tr!("import-unreadable", reason = error.to_string()),
                });
                continue;
            }
        };
        let field = |i: usize| record.get(i).unwrap_or_default();
        let mut errors: Vec<(&str, String)> = Vec::new();
        let company = crate::input::COMPANY_NAME
            .required(field(0))
            .map(str::to_string);
        let contact_name = crate::input::CONTACT_NAME
            .required(field(1))
            .map(str::to_string);
        let email = crate::input::email(field(2));
        let product = products.get(&name_key(field(3))).cloned().ok_or_else(|| {
            AppError::Invalid(crate::tr!("import-unknown-product", product = field(3)))
        });
        let quantity = field(4)
            .parse::<u32>()
            .map_err(|_| AppError::Invalid(crate::text::quantity_range(crate::input::MAX_QUANTITY)))
            .and_then(crate::input::quantity);
        let version = crate::input::version(field(5));
        let contract = match (field(6), field(7), field(8)) {
            ("", "", "") => Ok(None),
            (plan, start, end) => (|| {
                let tier = plan
                    .parse::<domain::PlanTier>()
                    .map_err(|_| AppError::Invalid(crate::i18n::t("import-plan")))?;
                Ok(Some((
                    tier,
                    crate::input::date(start)?,
                    crate::input::date(end)?,
                )))
            })(),
        };
        if let (Ok((_, latest)), Ok(version)) = (&product, &version) {
            if version > latest {
                errors.push((
                    "version",
                    crate::tr!("import-version-undeclared", latest = latest.to_string()),
                ));
            }
        }
        let refused = [
            ("company", company.as_ref().err()),
            ("contact_name", contact_name.as_ref().err()),
            ("contact_email", email.as_ref().err()),
            ("product", product.as_ref().err()),
            ("quantity", quantity.as_ref().err()),
            ("version", version.as_ref().err()),
            ("plan", contract.as_ref().err()),
        ];
        for (name, refusal) in refused {
            if let Some(refusal) = refusal {
                errors.push((name, refusal.to_string()));
            }
        }
        if !errors.is_empty() {
            for (field, reason) in errors {
                report.errors.push(RowError {
                    line,
                    field: field.into(),
                    reason,
                });
            }
            continue;
        }
        let (
            Ok(company),
            Ok(contact_name),
            Ok(contact_email),
            Ok((product_id, _)),
            Ok(quantity),
            Ok(version),
            Ok(contract),
        ) = (
            company,
            contact_name,
            email,
            product,
            quantity,
            version,
            contract,
        )
        else {
            continue;
        };
        rows.push(Row {
            line,
            company,
            contact_name,
            contact_email,
            product_id,
            quantity: i64::from(quantity),
            version,
            contract,
        });
    }
    rows
}

async fn load(conn: &mut Conn) -> Result<Existing, sqlx::Error> {
    let companies: Vec<(i64, String, Option<String>)> = sqlx::query_as(
        "SELECT co.id, co.name_key, c.email FROM companies co
           LEFT JOIN contacts c ON c.company_id = co.id AND c.active = 1",
    )
    .fetch_all(&mut *conn)
    .await?;
    let emails: Vec<(String, i64)> = sqlx::query_as("SELECT email, company_id FROM contacts")
        .fetch_all(&mut *conn)
        .await?;
    let holdings: Vec<(i64, i64, i64, String)> =
        sqlx::query_as("SELECT company_id, product_id, quantity, version FROM holdings")
            .fetch_all(&mut *conn)
            .await?;
    let contracts: Vec<(i64, i64, String, String, String)> =
        sqlx::query_as("SELECT company_id, id, plan_tier, start_date, end_date FROM contracts")
            .fetch_all(&mut *conn)
            .await?;
    let mut existing = Existing {
        companies: companies
            .into_iter()
            .map(|(id, key, email)| (key, (id, email)))
            .collect(),
        emails: emails.into_iter().collect(),
        holdings: HashMap::new(),
        contracts: HashMap::new(),
    };
    for (company, product, quantity, version) in holdings {
        let version = Version::parse(&version).map_err(store::corrupt)?;
        existing
            .holdings
            .insert((company, product), (quantity, version));
    }
    for (company, id, tier, start, end) in contracts {
        existing.contracts.entry(company).or_default().push((
            id,
            tier,
            store::parse_date(&start)?,
            store::parse_date(&end)?,
        ));
    }
    Ok(existing)
}

pub use crate::model::admin::EXPORTS;

/// `GET /admin/export/{kind}.csv` for admins: every record of `kind` as CSV, with a header.
pub async fn export(
    axum::extract::State(app): axum::extract::State<AppState>,
    session: tower_sessions::Session,
    axum::extract::Path(file): axum::extract::Path<String>,
) -> axum::response::Response {
    use axum::http::{header, StatusCode};
    use axum::response::IntoResponse;
    let result = async {
        crate::auth::admin_of(session, &app).await?;
        let kind = file
            .strip_suffix(".csv")
            .filter(|k| EXPORTS.contains(k))
            .ok_or(AppError::NotFound)?;
        Ok::<_, AppError>((kind.to_string(), export_csv(&app, kind).await?))
    }
    .await;
    match result {
        Ok((kind, body)) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{kind}.csv\""),
                ),
                (header::CACHE_CONTROL, "private, no-store".to_string()),
            ],
            body,
        )
            .into_response(),
        Err(error) => {
            let status = StatusCode::from_u16(error.status_code())
                .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            (status, error.to_string()).into_response()
        }
    }
}

/// Every record of `kind` (one of [`EXPORTS`]) as CSV text.
pub async fn export_csv(app: &AppState, kind: &str) -> Result<String, AppError> {
    use store::records;
    let all = records::Window {
        since: None,
        limit: i64::MAX,
        offset: 0,
    };
    let money = |minor: i64| store::money(minor).map(|m| m.to_string());
    let mut out = csv::Writer::from_writer(Vec::new());
    let failed = |e: csv::Error| AppError::internal(format_args!("csv: {e}"));
    match kind {
        "companies" => {
            for row in records::companies(&app.db, &all).await? {
                out.serialize(row).map_err(failed)?;
            }
        }
        "holdings" => {
            for row in records::holdings(&app.db, &all).await? {
                out.serialize(row).map_err(failed)?;
            }
        }
        "contracts" => {
            for row in records::contracts(&app.db, &all).await? {
                out.serialize(row).map_err(failed)?;
            }
        }
        "orders" => {
            out.write_record([
                "id",
                "company_id",
                "company",
                "kind",
                "placed_at",
                "signing_date",
                "total",
                "invoice_number",
            ])
            .map_err(failed)?;
            for r in records::orders(&app.db, &all).await? {
                out.write_record([
                    r.id.to_string(),
                    r.company_id.to_string(),
                    r.company,
                    r.kind,
                    r.placed_at,
                    r.signing_date,
                    money(r.total_minor)?.to_string(),
                    r.invoice_number.unwrap_or_default(),
                ])
                .map_err(failed)?;
            }
        }
        _ => {
            out.write_record([
                "number",
                "order_id",
                "company_id",
                "company",
                "issue_date",
                "due_date",
                "currency",
                "total",
                "status",
                "paid_on",
                "updated_at",
            ])
            .map_err(failed)?;
            for r in records::invoices(&app.db, &all).await? {
                out.write_record([
                    r.number,
                    r.order_id.to_string(),
                    r.company_id.to_string(),
                    r.company,
                    r.issue_date,
                    r.due_date,
                    r.currency,
                    money(r.total_minor)?.to_string(),
                    r.status,
                    r.paid_on.unwrap_or_default(),
                    r.updated_at,
                ])
                .map_err(failed)?;
            }
        }
    }
    let bytes = out
        .into_inner()
        .map_err(|e| AppError::internal(format_args!("csv: {e}")))?;
    String::from_utf8(bytes).map_err(AppError::internal)
}
