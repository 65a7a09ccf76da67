//! Runs the demo's private PostgreSQL server: a cluster whose data lives in a
//! project-local directory (no system service involved), with a `lumen`
//! database. Prints the connection URL on stdout and stays up until it gets
//! SIGINT or SIGTERM, then stops the server.

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Parser;
use lumen_indexer::pg_cluster::PgCluster;

/// A private PostgreSQL server under a project-local directory.
#[derive(Parser, Debug)]
#[command(name = "lumen-pg", version)]
struct Cli {
    /// Directory of the cluster (created on first use, kept afterwards).
    #[arg(long, env = "LUMEN_PG_DIR", default_value = ".lumen/pg")]
    dir: PathBuf,
    /// Database to create if missing.
    #[arg(long, default_value = "lumen")]
    database: String,
    /// Drop the database first, so it starts empty.
    #[arg(long)]
    fresh: bool,
}

#[tokio::main]
async fn main() -> Result<()> {
    lumen_e2e::init_logging();
    let cli = Cli::parse();
    let dir = cli.dir.clone();
    let (cluster, url) = tokio::task::spawn_blocking(move || -> Result<_> {
        let cluster = PgCluster::persistent(&dir)
            .with_context(|| format!("cannot start PostgreSQL in {}", dir.display()))?;
        if cli.fresh {
            use diesel::{Connection, RunQueryDsl};
            if !cli
                .database
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_')
            {
                anyhow::bail!(
                    "--database {:?}: use letters, digits and _ only",
                    cli.database
                );
            }
            let mut admin = diesel::PgConnection::establish(&cluster.url("postgres"))
                .context("connecting to the server's postgres database")?;
            diesel::sql_query(format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                cli.database
            ))
            .execute(&mut admin)
            .with_context(|| format!("dropping database {}", cli.database))?;
        }
        let url = cluster.ensure_database(&cli.database)?;
        Ok((cluster, url))
    })
    .await??;
    tracing::info!(port = cluster.port(), dir = %cli.dir.display(), "PostgreSQL up");
    // Scripts read the URL from this line.
    println!("{url}");
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = term.recv() => {}
    }
    tracing::info!("stopping PostgreSQL");
    tokio::task::spawn_blocking(move || drop(cluster)).await?;
    Ok(())
}
