//! The SQLite and PostgreSQL migrations define the same schema: tables, columns, unique keys,
//! foreign keys and the number of CHECK constraints per table. Runs where both engines are at
//! hand (the PostgreSQL pass of `scripts/test.sh`).

use std::collections::BTreeSet;

use sqlx::Row;

use crate::common::{fresh_database, is_postgres};

/// Every fact compared, as sortable text: `table`, `table.column`, `table unique(a,b)`,
/// `table.column -> other`, `table checks N`.
async fn schema(url: &str) -> BTreeSet<String> {
    let pools = server::db::connect_and_migrate(url, &Default::default())
        .await
        .expect("migrates");
    let db = pools.app;
    let mut facts = BTreeSet::new();
    if server::db::is_postgres(url) {
        let rows = sqlx::query(
            "SELECT table_name::text, column_name::text FROM information_schema.columns
              WHERE table_schema = 'public' AND table_name NOT LIKE '\\_sqlx%'",
        )
        .fetch_all(&db)
        .await
        .unwrap();
        for row in rows {
            let (table, column): (String, String) = (row.get(0), row.get(1));
            facts.insert(table.clone());
            facts.insert(format!("{table}.{column}"));
        }
        let rows = sqlx::query(
            "SELECT t.relname::text, pg_get_indexdef(i.indexrelid)
               FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
               JOIN pg_namespace n ON n.oid = t.relnamespace
              WHERE n.nspname = 'public' AND i.indisunique AND t.relname NOT LIKE '\\_sqlx%'",
        )
        .fetch_all(&db)
        .await
        .unwrap();
        for row in rows {
            let (table, def): (String, String) = (row.get(0), row.get(1));
            // "CREATE UNIQUE INDEX x ON public.t USING btree (a, b) WHERE (active = 1)"
            let columns = def
                .split_once(" (")
                .map(|(_, rest)| rest.split(')').next().unwrap_or_default())
                .unwrap_or_default()
                .replace(' ', "");
            let partial = if def.contains(" WHERE ") {
                " partial"
            } else {
                ""
            };
            facts.insert(format!("{table} unique({columns}){partial}"));
        }
        let rows = sqlx::query(
            "SELECT c.conrelid::regclass::text, a.attname::text, c.confrelid::regclass::text
               FROM pg_constraint c
               JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey)
              WHERE c.contype = 'f'",
        )
        .fetch_all(&db)
        .await
        .unwrap();
        for row in rows {
            let (table, column, other): (String, String, String) =
                (row.get(0), row.get(1), row.get(2));
            facts.insert(format!("{table}.{column} -> {other}"));
        }
        let rows = sqlx::query(
            "SELECT c.conrelid::regclass::text, COUNT(*) FROM pg_constraint c
              JOIN pg_namespace n ON n.oid = c.connamespace
             WHERE c.contype = 'c' AND n.nspname = 'public'
               -- SQLite's name_key triggers stand for these (skipped there too).
               AND pg_get_constraintdef(c.oid) NOT LIKE '%name_key%'
             GROUP BY 1",
        )
        .fetch_all(&db)
        .await
        .unwrap();
        for row in rows {
            let (table, n): (String, i64) = (row.get(0), row.get(1));
            facts.insert(format!("{table} checks {n}"));
        }
        let rows = sqlx::query(
            "SELECT DISTINCT event_object_table::text, trigger_name::text FROM information_schema.triggers",
        )
        .fetch_all(&db)
        .await
        .unwrap();
        for row in rows {
            let (table, trigger): (String, String) = (row.get(0), row.get(1));
            facts.insert(format!("{table} trigger {}", trigger_kind(&trigger)));
        }
    } else {
        let tables: Vec<(String, String)> = sqlx::query_as(
            "SELECT name, sql FROM sqlite_master
              WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_sqlx%' ESCAPE '\\'",
        )
        .fetch_all(&db)
        .await
        .unwrap();
        for (table, sql) in tables {
            facts.insert(table.clone());
            let columns: Vec<(String,)> =
                sqlx::query_as(&format!("SELECT name FROM pragma_table_info('{table}')"))
                    .fetch_all(&db)
                    .await
                    .unwrap();
            for (column,) in columns {
                facts.insert(format!("{table}.{column}"));
            }
            let indexes: Vec<(String, i64, String, i64)> = sqlx::query_as(&format!(
                "SELECT name, \"unique\", origin, partial FROM pragma_index_list('{table}')"
            ))
            .fetch_all(&db)
            .await
            .unwrap();
            for (index, unique, _, partial) in indexes {
                if unique == 0 {
                    continue;
                }
                let columns: Vec<(String,)> = sqlx::query_as(&format!(
                    "SELECT name FROM pragma_index_info('{index}') ORDER BY seqno"
                ))
                .fetch_all(&db)
                .await
                .unwrap();
                let columns: Vec<_> = columns.into_iter().map(|(c,)| c).collect();
                let partial = if partial == 1 { " partial" } else { "" };
                facts.insert(format!("{table} unique({}){partial}", columns.join(",")));
            }
            // The primary key is an index in PostgreSQL; SQLite's INTEGER PRIMARY KEY is not.
            let pk: Vec<(String,)> = sqlx::query_as(&format!(
                "SELECT name FROM pragma_table_info('{table}') WHERE pk > 0 ORDER BY pk"
            ))
            .fetch_all(&db)
            .await
            .unwrap();
            if !pk.is_empty() {
                let pk: Vec<_> = pk.into_iter().map(|(c,)| c).collect();
                facts.insert(format!("{table} unique({})", pk.join(",")));
            }
            let keys: Vec<(String, String)> = sqlx::query_as(&format!(
                "SELECT \"from\", \"table\" FROM pragma_foreign_key_list('{table}')"
            ))
            .fetch_all(&db)
            .await
            .unwrap();
            for (column, other) in keys {
                facts.insert(format!("{table}.{column} -> {other}"));
            }
            let checks = sql.matches("CHECK (").count();
            if checks > 0 {
                facts.insert(format!("{table} checks {checks}"));
            }
        }
        let triggers: Vec<(String, String)> =
            sqlx::query_as("SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'")
                .fetch_all(&db)
                .await
                .unwrap();
        for (table, trigger) in triggers {
            // SQLite cannot add a NOT NULL column without rebuilding the table: these triggers
            // stand in for PostgreSQL's NOT NULL on `name_key` (migration 0005).
            if trigger.contains("name_key") {
                continue;
            }
            facts.insert(format!("{table} trigger {}", trigger_kind(&trigger)));
        }
    }
    facts
}

/// SQLite needs one trigger per event where PostgreSQL has one for both: compare what they
/// guard, `contracts_no_overlap_insert` and `contracts_no_overlap` alike.
fn trigger_kind(name: &str) -> &str {
    name.trim_end_matches("_insert").trim_end_matches("_update")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_and_postgresql_migrations_define_the_same_schema() {
    if !is_postgres() {
        eprintln!("skipped: runs in the PostgreSQL pass (PORTAL_TEST_POSTGRES)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let sqlite = schema(&format!("sqlite://{}/schema.db", dir.path().display())).await;
    let postgres = schema(&fresh_database(dir.path()).await).await;
    let only_sqlite: Vec<_> = sqlite.difference(&postgres).collect();
    let only_postgres: Vec<_> = postgres.difference(&sqlite).collect();
    assert!(
        only_sqlite.is_empty() && only_postgres.is_empty(),
        "only in SQLite: {only_sqlite:#?}\nonly in PostgreSQL: {only_postgres:#?}"
    );
    println!("{} schema facts agree on both engines", sqlite.len());
    assert!(sqlite.len() > 150, "{sqlite:#?}");
    assert!(sqlite.contains("contracts checks 9"), "{sqlite:#?}");
    assert!(sqlite.contains("contacts unique(company_id) partial"));
    assert!(sqlite.contains("contracts.response_target_unit"));
    assert!(sqlite.contains("contracts trigger contracts_no_overlap"));
}

/// Issue 12's migration on a database that already has orders: earlier support lines get their
/// service period from what each order recorded, earlier invoices cite the first vendor
/// version, and each year's numbering continues after its highest number.
#[tokio::test]
async fn the_invoice_migration_backfills_earlier_orders() {
    let dir = tempfile::tempdir().unwrap();
    let url = fresh_database(dir.path()).await;
    sqlx::any::install_default_drivers();
    let engine = if is_postgres() { "postgres" } else { "sqlite" };
    let pool = sqlx::any::AnyPoolOptions::new()
        .max_connections(1)
        .connect(&if is_postgres() {
            url.clone()
        } else {
            format!("{url}?mode=rwc")
        })
        .await
        .unwrap();
    // Everything before 0006, as a database of the previous release has it.
    let all = sqlx::migrate::Migrator::new(std::path::Path::new(&format!(
        "{}/../migrations/{engine}",
        env!("CARGO_MANIFEST_DIR")
    )))
    .await
    .unwrap();
    let mut before = sqlx::migrate::Migrator::new(std::path::Path::new(&format!(
        "{}/../migrations/{engine}",
        env!("CARGO_MANIFEST_DIR")
    )))
    .await
    .unwrap();
    before.migrations = all
        .migrations
        .iter()
        .filter(|m| m.version < 6)
        .cloned()
        .collect::<Vec<_>>()
        .into();
    before.run(&pool).await.unwrap();
    for statement in [
        "INSERT INTO companies (id, name, name_key, created_at) VALUES (1, 'A', 'a', 'x')",
        "INSERT INTO plans (id, tier, name, percent_bp, includes_patches, includes_new_versions,
                            response_target_amount, response_target_unit, sort_order)
         VALUES (1, 'standard', 'Standard', 2000, 1, 1, 1, 'business_days', 1)",
        "INSERT INTO contracts (id, company_id, plan_id, plan_tier, percent_bp,
                                includes_new_versions, covered_areas, start_date, end_date, years,
                                signed_at, plan_name, includes_patches, min_licenses,
                                response_target_amount, response_target_unit)
         VALUES (1, 1, 1, 'standard', 2000, 1, '', '2026-01-10', '2027-01-09', 1, 'x',
                 'Standard', 1, 0, 1, 'business_days'),
                (2, 1, 1, 'standard', 2000, 1, '', '2027-03-01', '2028-02-29', 1, 'x',
                 'Standard', 1, 0, 1, 'business_days')",
        // A new contract, its renewal (since moved later by an R8 extension), the extension.
        "INSERT INTO orders (id, company_id, kind, placed_at, signing_date, total_minor,
                             contract_id, contract_end_before, contract_end_after)
         VALUES (1, 1, 'new_support', 'x', '2026-01-10', 100, 1, NULL, '2027-01-09'),
                (2, 1, 'renewal', 'x', '2026-06-01', 100, 2, '2027-01-09', '2028-01-09'),
                (3, 1, 'add_licenses', 'x', '2026-07-01', 100, 1, '2027-01-09', '2027-03-01')",
        "INSERT INTO order_lines (order_id, line_no, kind, description, quantity,
                                  unit_price_minor, amount_minor)
         VALUES (1, 1, 'support', 's', 1, 100, 100), (2, 1, 'support', 's', 1, 100, 100),
                (3, 1, 'license', 'l', 1, 50, 50), (3, 2, 'support', 's', 1, 50, 50)",
        "INSERT INTO invoices (order_id, company_id, number, issue_date, due_date, currency,
                               total_minor, status, paid_at)
         VALUES (1, 1, 'INV-2026-000001', '2026-01-10', '2026-02-09', 'EUR', 100, 'paid',
                 '2026-01-20T10:00:00Z'),
                (2, 1, 'INV-2026-000002', '2026-06-01', '2026-07-01', 'EUR', 100, 'unpaid', NULL),
                (3, 1, 'INV-2026-000003', '2026-07-01', '2026-07-31', 'EUR', 100, 'unpaid', NULL)",
    ] {
        sqlx::query(statement).execute(&pool).await.unwrap();
    }
    pool.close().await;

    let db = server::db::connect_and_migrate(&url, &Default::default())
        .await
        .expect("migrates")
        .app;
    /// Order, service start and end, days added.
    type LineRow = (i64, Option<String>, Option<String>, Option<i64>);
    let lines: Vec<LineRow> = sqlx::query_as(
        "SELECT order_id, service_start, service_end, added_days FROM order_lines
          WHERE kind = 'support' ORDER BY order_id",
    )
    .fetch_all(&db)
    .await
    .unwrap();
    let period = |start: &str, end: &str, days: Option<i64>| {
        (Some(start.to_string()), Some(end.to_string()), days)
    };
    assert_eq!(
        lines
            .into_iter()
            .map(|(_, s, e, d)| (s, e, d))
            .collect::<Vec<_>>(),
        vec![
            period("2026-01-10", "2027-01-09", None),
            period("2027-01-10", "2028-01-09", None),
            period("2027-01-10", "2027-03-01", Some(51)),
        ]
    );
    /// Number, vendor version, buyer, subtotal, payment day.
    type InvoiceRow = (String, Option<i64>, String, i64, Option<String>);
    let invoices: Vec<InvoiceRow> = sqlx::query_as(
        "SELECT number, vendor_details_id, buyer_name, subtotal_minor, paid_on FROM invoices
          ORDER BY number",
    )
    .fetch_all(&db)
    .await
    .unwrap();
    assert!(invoices
        .iter()
        .all(|i| i.1.is_some() && i.2 == "A" && i.3 == 100));
    assert_eq!(invoices[0].4.as_deref(), Some("2026-01-20"));
    let (last,): (i64,) =
        sqlx::query_as("SELECT last_number FROM invoice_sequences WHERE year = 2026")
            .fetch_one(&db)
            .await
            .unwrap();
    assert_eq!(last, 3, "the next invoice of 2026 is INV-2026-000004");
}
