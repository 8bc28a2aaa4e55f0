use server::{telemetry, Application, Config};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    telemetry::init();
    let mut config = Config::from_env()?;
    if std::env::args().skip(1).any(|arg| arg == "--demo") {
        config.demo = true;
    }
    let app = Application::build(config).await?;
    tracing::info!("listening on http://{}", app.addr());
    app.run_until_stopped().await?;
    Ok(())
}
