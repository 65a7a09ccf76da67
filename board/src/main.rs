//! The `lumen-board` binary: flags, migrations, then the board's HTTP API
//! and its ladder clock.

use std::net::SocketAddr;
use std::time::Duration;

use anyhow::{Context, Result};
use clap::Parser;
use lumen_board::api::{self, AppState, Limits};
use lumen_board::blobs::BlobStore;
use lumen_board::chain::Chain;
use lumen_board::store;
use lumen_sdk::tx::LumenClient;
use lumen_sdk::Package;

/// The Lumen job board.
#[derive(Parser, Debug)]
#[command(name = "lumen-board", version, about)]
struct Cli {
    /// PostgreSQL URL (the board keeps its tables in schema `board`).
    #[arg(long, env = "DATABASE_URL", hide_env_values = true)]
    database_url: String,
    /// Fullnode REST URL, ending in /v1.
    #[arg(long, env = "LUMEN_NODE_URL")]
    node_url: String,
    /// Address the Lumen package is published at.
    #[arg(long, env = "LUMEN_PACKAGE")]
    package: Package,
    /// The indexer's explorer API (for the candidates ranking).
    #[arg(long, env = "LUMEN_INDEXER_URL")]
    indexer_url: Option<String>,
    /// Where blobs live: a directory, file:///dir, or s3://bucket/prefix
    /// (S3-compatible settings from AWS_ENDPOINT, AWS_REGION, AWS_ACCESS_KEY_ID, …).
    #[arg(long, env = "LUMEN_BLOB_STORE", default_value = "./board-blobs")]
    blob_store: String,
    /// Address to listen on.
    #[arg(long, env = "LUMEN_BOARD_LISTEN", default_value = "127.0.0.1:8070")]
    listen: SocketAddr,
    /// Database connections.
    #[arg(long, default_value_t = 8)]
    pool_size: u32,
    /// Largest scene upload in MiB.
    #[arg(long, default_value_t = 512)]
    max_scene_mib: usize,
    /// Largest frame upload in MiB.
    #[arg(long, default_value_t = 64)]
    max_frame_mib: usize,
    /// Requests per second per client IP (0: unlimited).
    #[arg(long, default_value_t = 50.0)]
    ip_rate: f64,
    /// Burst per client IP.
    #[arg(long, default_value_t = 200)]
    ip_burst: u32,
    /// Signed writes per second per account (0: unlimited).
    #[arg(long, default_value_t = 10.0)]
    account_rate: f64,
    /// Burst per account.
    #[arg(long, default_value_t = 100)]
    account_burst: u32,
    /// Milliseconds between checks for expired offers.
    #[arg(long, default_value_t = 1000)]
    ladder_tick_ms: u64,
}

#[tokio::main]
async fn main() -> Result<()> {
    lumen_sdk::logging::init(lumen_sdk::logging::Output::Stdout);
    let cli = Cli::parse();
    let pool =
        store::pool(&cli.database_url, cli.pool_size).context("opening the database pool")?;
    {
        let pool = pool.clone();
        tokio::task::spawn_blocking(move || -> Result<()> {
            let mut conn = pool.get().context("connecting to the database")?;
            store::migrate(&mut conn)?;
            Ok(())
        })
        .await??;
    }
    let blobs = BlobStore::open(&cli.blob_store)?;
    let _ = rustls::crypto::ring::default_provider().install_default();
    let client = LumenClient::new(&cli.node_url, cli.package)
        .with_context(|| format!("fullnode URL {:?}", cli.node_url))?;
    let limits = Limits {
        max_scene_bytes: cli.max_scene_mib << 20,
        max_frame_bytes: cli.max_frame_mib << 20,
        ip_rate: (cli.ip_rate, cli.ip_burst),
        account_rate: (cli.account_rate, cli.account_burst),
        ladder_tick: Duration::from_millis(cli.ladder_tick_ms.max(10)),
        ..Limits::default()
    };
    let state = AppState::new(
        pool,
        blobs.clone(),
        Chain::new(client, cli.indexer_url.clone()),
        limits,
    );
    let listener = tokio::net::TcpListener::bind(cli.listen)
        .await
        .with_context(|| format!("binding {}", cli.listen))?;
    tracing::info!(listen = %listener.local_addr()?, blobs = blobs.location(), indexer = ?cli.indexer_url, "board listening");
    api::serve(listener, state).await.context("serving")?;
    Ok(())
}
