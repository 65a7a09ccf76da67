//! The `lumen-indexer` binary: flags (see `lumen_indexer::config`), migrations,
//! then ingestion and/or the explorer API.

use anyhow::{Context, Result};
use clap::Parser;
use lumen_indexer::config::Cli;
use lumen_indexer::{api, pipeline, store};

#[tokio::main]
async fn main() -> Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();
    let cli = Cli::parse();
    let ingest = cli.pipeline()?;
    let pool =
        store::pool(&cli.database_url, cli.pool_size).context("opening the database pool")?;
    {
        // Migrations run before anything else touches the schema.
        let pool = pool.clone();
        tokio::task::spawn_blocking(move || -> Result<()> {
            let mut conn = pool.get().context("connecting to the database")?;
            store::migrate(&mut conn)?;
            Ok(())
        })
        .await??;
    }

    let server = if cli.ingest_only {
        if let Some(addr) = cli.metrics_listen {
            let state = api::AppState::new(pool.clone(), None, cli.asset_decimals);
            let listener = tokio::net::TcpListener::bind(addr)
                .await
                .with_context(|| format!("binding {addr}"))?;
            tracing::info!(listen = %addr, "metrics listening");
            // Serves while ingesting; the process ends with ingestion.
            tokio::spawn(async move { axum::serve(listener, api::metrics_router(state)).await });
        }
        None
    } else {
        let state = api::AppState::new(pool.clone(), cli.node_url.clone(), cli.asset_decimals);
        let listener = tokio::net::TcpListener::bind(cli.listen)
            .await
            .with_context(|| format!("binding {}", cli.listen))?;
        tracing::info!(listen = %cli.listen, "explorer API listening");
        Some(tokio::spawn(async move {
            axum::serve(listener, api::router(state)).await
        }))
    };

    if let Some(cfg) = ingest {
        let summary = pipeline::run(pool.clone(), cfg)
            .await
            .context("ingestion stopped")?;
        tracing::info!(
            transactions = summary.transactions,
            events = summary.events,
            next_version = summary.next_version,
            "ingestion finished"
        );
    }
    if let Some(server) = server {
        server.await?.context("API server failed")?;
    }
    Ok(())
}
