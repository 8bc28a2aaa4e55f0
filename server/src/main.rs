use server::{db, telemetry, Application, Config};

const USAGE: &str = "usage:
  server [--demo]                                   serve the portal
  server create-admin <email> <name>                create or reset an admin account
                                                    (password from PORTAL_ADMIN_PASSWORD)";

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
            println!("admin {email} ready");
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
