use anyhow::Result;
use clap::Parser;

/// Mirrors Lumen's on-chain events into PostgreSQL and serves the explorer API.
#[derive(Parser, Debug)]
#[command(name = "lumen-indexer", version)]
struct Cli {}

fn main() -> Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .init();
    let _cli = Cli::parse();
    Ok(())
}
