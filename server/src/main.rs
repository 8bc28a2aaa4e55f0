use server::{db, telemetry, Application, Config};

/// mimalloc instead of glibc's malloc: rendering a page allocates and frees many small objects,
/// and glibc's allocator took about a fifth of the server's CPU time under load (issue 18,
/// docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "usage:
  server [--demo]                                   serve the portal
  server create-admin <email> <name>                create or reset an admin account
                                                    (password from PORTAL_ADMIN_PASSWORD; a reset
                                                    also removes its second factors)
  server import <file.csv> [--apply]                check a CSV import (a dry run), or apply it
  server backup <path>                              copy the running SQLite database to a new file";

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    telemetry::init();
    let mut config = Config::from_env()?;
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["create-admin", email, name] => {
            let password = std::env::var("PORTAL_ADMIN_PASSWORD")
                .map_err(|_| "set PORTAL_ADMIN_PASSWORD to the new admin's password")?;
            db::create_admin(&config.database_url, email, name, &password).await?;
            // Admin pages need a second factor (issue 20): the admin sets one up first.
            let public_url = &config.public_url;
            println!("admin {email} ready: sign in at {public_url}/login, then set up a second factor at {public_url}/account/security");
            Ok(())
        }
        ["import", path, rest @ ..] if rest.is_empty() || rest == ["--apply"] => {
            let apply = !rest.is_empty();
            let report = server::startup::import_file(&config, path, apply).await?;
            println!(
                "{} rows: {} companies and {} contacts to create, {} holdings to create and {} to change, {} contracts to sign, {} rows unchanged",
                report.rows,
                report.companies_created,
                report.contacts_created,
                report.holdings_created,
                report.holdings_changed,
                report.contracts_created,
                report.unchanged
            );
            for error in &report.errors {
                println!("line {}, {}: {}", error.line, error.field, error.reason);
            }
            if !report.errors.is_empty() {
                return Err(
                    format!("{} rows refused; nothing was written", report.errors.len()).into(),
                );
            }
            if !apply {
                println!("dry run: nothing was written; add --apply to import");
            }
            Ok(())
        }
        ["backup", path] => {
            db::backup(&config.database_url, path).await?;
            println!("backed up to {path}");
            Ok(())
        }
        [] | ["--demo"] => {
            config.demo |= !args.is_empty();
            let app = Application::build(config).await?;
            tracing::info!("listening on http://{}", app.addr());
            app.run_until_stopped().await?;
            Ok(())
        }
        _ => Err(USAGE.into()),
    }
}
