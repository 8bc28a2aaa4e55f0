//! Builds the axum application and serves it until SIGTERM or Ctrl-C.

use std::net::SocketAddr;
use std::time::Duration;

use app::mail::Mailer;
use app::state::{AppState, Clock};
use app::{shell, App};
use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::routing::{get, post};
use axum::serve::ListenerExt;
use axum::Router;
use leptos::config::LeptosOptions;
use leptos::prelude::{provide_context, use_context};
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;
use tower_sessions::cookie::{time, SameSite};
use tower_sessions::{ExpiredDeletion, Expiry, SessionManagerLayer};
use tower_sessions_sqlx_store::{PostgresStore, SqliteStore};

use crate::config::Config;
use crate::db::SessionPool;
use crate::{db, seed};

/// Name of the wasm/JS/CSS bundle cargo-leptos builds (`name` in the workspace metadata).
const BUNDLE_NAME: &str = "portal";
const SESSION_COOKIE: &str = "portal_session";

pub struct Application {
    listener: tokio::net::TcpListener,
    router: Router,
    addr: SocketAddr,
    clock: Clock,
    /// The app's pool, checkpointed and closed after a graceful shutdown.
    db: sqlx::AnyPool,
    sqlite: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("database migration: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("cannot listen: {0}")]
    Listen(#[from] std::io::Error),
    #[error("mail: {0}")]
    Mail(#[from] app::mail::MailConfigError),
}

/// Connects and migrates the database, repairs stored overlaps, seeds demo data if asked, and
/// builds the app's state: what serving and the command-line tasks (`server import`) share.
/// Also returns the session store's pool.
async fn prepare(config: &Config) -> Result<(AppState, SessionPool), StartupError> {
    let pools = db::connect_and_migrate(&config.database_url, &config.db).await?;
    app::store::contracts::repair_overlaps(&pools.app).await?;
    if config.demo {
        seed::demo(
            &pools.app,
            config
                .today
                .unwrap_or_else(|| Clock::system(config.time_zone).today()),
        )
        .await?;
    }
    let leptos_options = LeptosOptions::builder()
        .output_name(BUNDLE_NAME)
        .site_root(config.site_root.as_str())
        .site_addr(config.addr)
        .build();
    let mailer = match &config.smtp_url {
        Some(url) => Mailer::smtp(url, &config.mail_from)?,
        None => Mailer::outbox(
            config.outbox_dir.clone().into(),
            &config.mail_from,
            config.outbox_wait,
        )?,
    };
    let clock = match config.today {
        Some(today) => Clock::fixed(today, config.time_zone),
        None => Clock::system(config.time_zone),
    };
    let state = AppState::new(app::state::Services {
        db: pools.app,
        clock,
        currency: config.currency.clone(),
        mailer,
        public_url: config.public_url.clone(),
        trust_proxy: config.trust_proxy,
        passkeys: app::second_factor::passkeys::relying_party(&config.passkey_origin),
        leptos_options,
    });
    Ok((state, pools.sessions))
}

/// `server import FILE [--apply]`: a dry run of a CSV import (or, with `--apply`, the import),
/// printed as the admin page shows it. The audit log names the system as the actor.
pub async fn import_file(
    config: &Config,
    path: &str,
    apply: bool,
) -> Result<app::model::admin::ImportReport, Box<dyn std::error::Error>> {
    let text = std::fs::read_to_string(path)?;
    let (state, _) = prepare(config).await?;
    let report =
        app::integrations::csv::import(&state, app::store::audit::Actor::System, &text, apply)
            .await
            .map_err(|e| e.to_string())?;
    Ok(report)
}

impl Application {
    /// Connects and migrates the database, seeds demo data if asked, and binds the port
    /// (port 0 picks a free one: tests read it back with [`Application::addr`]).
    pub async fn build(config: Config) -> Result<Self, StartupError> {
        let (state, sessions) = prepare(&config).await?;
        let clock = state.clock.clone();
        let db = state.db.clone();
        if config.worker {
            app::jobs::spawn_worker(state.clone(), config.worker_poll);
        }
        let app = router(state);
        let app = match &sessions {
            SessionPool::Sqlite(pool) => {
                with_sessions(app, SqliteStore::new(pool.clone()), &config).await?
            }
            SessionPool::Postgres(pool) => {
                with_sessions(app, PostgresStore::new(pool.clone()), &config).await?
            }
        };
        // Outside the sessions: a page answered from the cache costs no session read.
        let app = app.layer(axum::middleware::from_fn_with_state(
            crate::page_cache::PageCache::default(),
            crate::page_cache::serve,
        ));
        let router = with_outer_layers(app);
        let listener = tokio::net::TcpListener::bind(config.addr).await?;
        let addr = listener.local_addr()?;
        Ok(Self {
            listener,
            router,
            addr,
            clock,
            db,
            sqlite: !db::is_postgres(&config.database_url),
        })
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The server's clock: tests move it forward to expire sessions.
    pub fn clock(&self) -> Clock {
        self.clock.clone()
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        // Without TCP_NODELAY, streamed SSR chunks wait on delayed ACKs (tens of ms per page).
        let listener = self.listener.tap_io(|tcp| {
            let _ = tcp.set_nodelay(true);
        });
        axum::serve(
            listener,
            self.router
                .into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown_signal())
        .await?;
        // Every request is answered: fold the WAL into the database file (issue 18).
        if self.sqlite {
            match db::checkpoint(&self.db).await {
                Ok(true) => {}
                Ok(false) => tracing::warn!("WAL not emptied at shutdown: a connection was busy"),
                Err(error) => tracing::warn!(%error, "WAL not checkpointed at shutdown"),
            }
        }
        self.db.close().await;
        tracing::info!("stopped");
        Ok(())
    }
}

/// Sessions live in the database (so they survive restarts and are shared by every instance);
/// expired ones are swept every ten minutes. The session layer wraps the app of [`router`] and
/// sits inside [`with_outer_layers`], so its own failures get a request id and the headers.
async fn with_sessions<S>(router: Router, store: S, config: &Config) -> Result<Router, StartupError>
where
    S: SessionStoreWithMigration + ExpiredDeletion + Clone + 'static,
{
    store.migrate_store().await?;
    tokio::spawn(
        store
            .clone()
            .continuously_delete_expired(Duration::from_secs(600)),
    );
    let layer = SessionManagerLayer::new(store)
        .with_name(SESSION_COOKIE)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(config.secure_cookies)
        // The store forgets idle sessions; `app::auth` enforces both limits on every request
        // against the app's clock.
        .with_expiry(Expiry::OnInactivity(time::Duration::seconds(
            app::auth::SESSION_IDLE_TIMEOUT.num_seconds(),
        )));
    // `Router::layer` wraps every route on its own, and axum clones a route's whole stack for
    // each request it answers. Around the app as one service, the session layer (and the page
    // cache outside it) is cloned once per request, whichever route answers.
    Ok(Router::new().fallback_service(router).layer(layer))
}

/// tower-sessions' stores each have an inherent `migrate`; this makes it callable generically.
trait SessionStoreWithMigration {
    async fn migrate_store(&self) -> Result<(), sqlx::Error>;
}

impl SessionStoreWithMigration for SqliteStore {
    async fn migrate_store(&self) -> Result<(), sqlx::Error> {
        self.migrate().await
    }
}

impl SessionStoreWithMigration for PostgresStore {
    async fn migrate_store(&self) -> Result<(), sqlx::Error> {
        self.migrate().await
    }
}

/// The app's routes, generated once per process and shared by every server it starts.
///
/// Generating runs the app with resource loads suppressed by a process-global flag
/// (`leptos_server`'s `SuppressResourceLoad`). A page render elsewhere in the process whose
/// resource is first polled inside that window waits forever (leptos-rs/leptos#4773): the
/// integration suite, which starts many servers in one process, hung on it twice. Generating
/// once, before the first server serves, closes the window.
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<AxumRouteListing>> = std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// The app inside the session layer: routes, static files and the checks every request passes
/// before them.
fn router(state: AppState) -> Router {
    let routes = route_list();
    let context = {
        let state = state.clone();
        move || {
            provide_context(state.clone());
            // The language the `negotiate` middleware chose for this request.
            let locale = use_context::<axum::http::request::Parts>()
                .and_then(|parts| parts.extensions.get::<app::i18n::Locale>().copied())
                .unwrap_or_default();
            provide_context(locale);
        }
    };
    let app_shell = {
        let state = state.clone();
        move || shell(state.leptos_options.clone())
    };
    let pkg_dir = format!("{}/pkg", state.leptos_options.site_root);
    let public_host = crate::csrf::PublicHost::of(&state.public_url);
    // Bundle names are not content-hashed, so browsers must revalidate (cheap 304s) rather than
    // keep a stale wasm that no longer matches the server's HTML.
    let static_files = Router::new()
        .nest_service(
            "/pkg",
            ServeDir::new(pkg_dir)
                .precompressed_br()
                .precompressed_gzip(),
        )
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-cache"),
        ));

    // Innermost first: these run after the session layer (see `with_outer_layers` for the
    // order of everything), and before any server function.
    Router::new()
        .route("/healthz", get(healthz))
        .route(
            "/orders/{id}/invoice.pdf",
            get(app::invoice::download::contact_pdf),
        )
        .route(
            "/admin/orders/{id}/invoice.pdf",
            get(app::invoice::download::admin_pdf),
        )
        .route("/language", post(app::i18n::choice::switch))
        .merge(app::integrations::api::router())
        .route("/admin/export/{file}", get(app::integrations::csv::export))
        .leptos_routes_with_context(&state, routes, context.clone(), app_shell)
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(context, shell))
        .with_state(state)
        .merge(static_files)
        .layer(axum::middleware::from_fn(app::i18n::choice::negotiate))
        .layer(axum::middleware::from_fn(
            app::auth::RequestPrincipals::attach,
        ))
        .layer(axum::middleware::map_response(
            crate::bad_requests::malformed_arguments_are_client_errors,
        ))
        .layer(axum::middleware::from_fn_with_state(
            public_host,
            crate::csrf::same_origin_writes,
        ))
        .layer(axum::middleware::from_fn(
            crate::bad_requests::readable_form_bodies,
        ))
        .layer(axum::middleware::from_fn(
            crate::bad_requests::limited_bodies,
        ))
}

/// The layers every response passes through, whatever answered it: the app, the session layer
/// (a session store that fails to save answers a bare 500 of its own) or a panic. From the
/// outside in:
///
/// 1. the request id (header, and a tracing span around everything below);
/// 2. the access log ([`TraceLayer`]);
/// 3. compression;
/// 4. the security headers;
/// 5. [`crate::request_id::answer_failures`]: a panic, or a 500 without a body, becomes the
///    generic internal-error answer quoting the request id;
///
/// and inside them the `app`: the shared-page cache ([`crate::page_cache`]) and sessions (both
/// added by [`Application::build`]), then the checks of
/// [`router`] (body size, readable bodies, CSRF), then the routes.
pub fn with_outer_layers(app: Router) -> Router {
    app.layer(axum::middleware::from_fn(
        crate::request_id::answer_failures,
    ))
    .layer(security_header(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
    .layer(security_header(header::REFERRER_POLICY, "same-origin"))
    .layer(security_header(header::X_FRAME_OPTIONS, "DENY"))
    // Pages set their own policy with a nonce; everything else (JSON, files) gets none.
    .layer(security_header(
        header::CONTENT_SECURITY_POLICY,
        "default-src 'none'; frame-ancestors 'none'",
    ))
    .layer(CompressionLayer::new())
    .layer(TraceLayer::new_for_http())
    .layer(axum::middleware::from_fn(crate::request_id::assign))
}

fn security_header(
    name: header::HeaderName,
    value: &'static str,
) -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
}

/// Liveness and readiness: answers 200 only when the database answers.
async fn healthz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    match sqlx::query("SELECT 1").execute(&state.db).await {
        Ok(_) => (StatusCode::OK, "ok"),
        Err(error) => {
            tracing::error!(%error, "health check: database unavailable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down gracefully");
}
