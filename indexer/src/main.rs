//! The `lumen-indexer` binary: flags (see `lumen_indexer::config`), migrations,
//! then ingestion and/or the explorer API.

use anyhow::{Context, Result};
use clap::Parser;
use lumen_indexer::config::Cli;
use lumen_indexer::{api, pipeline, store};

/// Turns off glibc malloc's fast bins. Ingestion allocates and frees
/// millions of small JSON nodes; with fast bins glibc spent a third of the
/// process's CPU consolidating and unlinking them (`malloc_consolidate`,
/// `unlink_chunk`), and ingest ran ≈ 25 % slower (bench/PROFILES.md).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn tune_allocator() {
    /// glibc's `M_MXFAST`: the largest request served from fast bins.
    const M_MXFAST: std::ffi::c_int = 1;
    extern "C" {
        fn mallopt(param: std::ffi::c_int, value: std::ffi::c_int) -> std::ffi::c_int;
    }
    // SAFETY: mallopt only changes the allocator's tuning; it is called
    // before any thread is started.
    unsafe {
        mallopt(M_MXFAST, 0);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn tune_allocator() {}

fn main() -> Result<()> {
    tune_allocator();
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?
        .block_on(run())
}

async fn run() -> Result<()> {
    lumen_sdk::logging::init(lumen_sdk::logging::Output::Stdout);
    let cli = Cli::parse();
    let ingest = cli.pipeline()?;
    let open = |url: &str, o: &store::PoolOptions| {
        let (url, o) = (url.to_string(), o.clone());
        tokio::task::spawn_blocking(move || store::pool_with(&url, &o))
    };
    // The writer's pool on the primary; the API's on the replica, if any.
    let write_pool = match &ingest {
        Some(_) => Some(
            open(cli.write_url()?, &cli.write_pool())
                .await?
                .context("opening the database")?,
        ),
        None => None,
    };
    let read_pool = if !cli.ingest_only || cli.metrics_listen.is_some() {
        Some(
            open(cli.read_url()?, &cli.api_pool())
                .await?
                .context("opening the database the API reads")?,
        )
    } else {
        None
    };
    // Migrations first, one process at a time (a replica gets them from its
    // primary).
    if let Some(pool) = write_pool.clone().or_else(|| {
        read_pool
            .clone()
            .filter(|_| cli.read_database_url.is_none())
    }) {
        tokio::task::spawn_blocking(move || -> Result<()> {
            let mut conn = pool.get().context("connecting to the database")?;
            store::migrate(&mut conn)?;
            Ok(())
        })
        .await??;
    }

    let server = match (&read_pool, cli.ingest_only) {
        (Some(pool), true) => {
            if let Some(addr) = cli.metrics_listen {
                let state = api::AppState::new(pool.clone(), None);
                let listener = tokio::net::TcpListener::bind(addr)
                    .await
                    .with_context(|| format!("binding {addr}"))?;
                tracing::info!(listen = %addr, "metrics listening");
                // Serves while ingesting; the process ends with ingestion.
                tokio::spawn(
                    async move { axum::serve(listener, api::metrics_router(state)).await },
                );
            }
            None
        }
        (Some(pool), false) => {
            let state = api::AppState::new(pool.clone(), cli.node_url.clone())
                .with_db_concurrency(cli.api_db_concurrency)
                .with_asset_symbol(cli.asset_symbol.clone())
                .with_cors(cli.cors_origins.clone());
            let listener = tokio::net::TcpListener::bind(cli.listen)
                .await
                .with_context(|| format!("binding {}", cli.listen))?;
            tracing::info!(
                listen = %cli.listen,
                explorer = lumen_indexer::explorer::Explorer::default().is_built(),
                "explorer API listening"
            );
            Some(tokio::spawn(async move {
                axum::serve(listener, api::router(state)).await
            }))
        }
        (None, _) => None,
    };

    if let (Some(cfg), Some(pool)) = (ingest, write_pool) {
        match pipeline::run(pool, cfg).await {
            Ok(summary) => tracing::info!(
                transactions = summary.transactions,
                events = summary.events,
                next_version = summary.next_version,
                "ingestion finished"
            ),
            // The API goes on serving what is indexed; /v1/status says why
            // ingestion stopped.
            Err(e) if server.is_some() => {
                let reason = lumen_indexer::source::with_causes(&e);
                tracing::error!(error = %reason, "ingestion stopped; the API keeps serving");
                lumen_indexer::metrics::METRICS.set_ingest_error(reason);
            }
            Err(e) => return Err(e).context("ingestion stopped"),
        }
    }
    if let Some(server) = server {
        server.await?.context("API server failed")?;
    }
    Ok(())
}
