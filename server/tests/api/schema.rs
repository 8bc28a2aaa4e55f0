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
