//! Command-line flags (each also readable from the environment).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;
use lumen_sdk::Package;

use crate::pipeline::{Input, PipelineConfig};
use crate::source::{RestConfig, RetryPolicy};

/// Mirrors Lumen's on-chain events into PostgreSQL and serves the explorer API.
#[derive(Parser, Debug, Clone)]
#[command(name = "lumen-indexer", version)]
pub struct Cli {
    /// Aptos fullnode REST URL (e.g. https://fullnode.testnet.aptoslabs.com).
    #[arg(long, env = "LUMEN_NODE_URL")]
    pub node_url: Option<String>,
    /// PostgreSQL URL.
    #[arg(long, env = "DATABASE_URL")]
    pub database_url: String,
    /// Ingest a JSON-lines file of REST transactions instead of a node.
    #[arg(long, conflicts_with = "node_url")]
    pub from_file: Option<PathBuf>,
    /// Address the API listens on.
    #[arg(long, env = "LUMEN_INDEXER_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// Address of the Lumen package (0x…).
    #[arg(long, env = "LUMEN_PACKAGE")]
    pub package: Option<Package>,
    /// Transactions per page: per request to the node (nodes cap it,
    /// usually at 100) and per page read from a file.
    #[arg(long, alias = "batch-size", default_value_t = 100, value_parser = clap::value_parser!(u16).range(1..))]
    pub page_size: u16,
    /// Requests to the node in flight at once.
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u64).range(1..=256))]
    pub pages_in_flight: u64,
    /// Package events per database transaction (whole pages are kept together).
    #[arg(long, env = "LUMEN_INDEXER_BATCH_EVENTS", default_value_t = 5_000, value_parser = clap::value_parser!(u64).range(1..))]
    pub batch_events: u64,
    /// First version to read when the database is empty.
    #[arg(long, default_value_t = 0)]
    pub start_version: u64,
    /// Stop ingesting once caught up with the chain head (for backfills).
    #[arg(long)]
    pub exit_at_head: bool,
    /// Only serve the API (no ingestion).
    #[arg(long, conflicts_with = "ingest_only")]
    pub serve_only: bool,
    /// Only ingest (no API); exits when the source ends.
    #[arg(long)]
    pub ingest_only: bool,
    /// With --ingest-only: serve /metrics and /health on this address.
    #[arg(long, env = "LUMEN_INDEXER_METRICS_LISTEN", requires = "ingest_only")]
    pub metrics_listen: Option<SocketAddr>,
    /// Database connections in the pool (at least 2: ingest writes a
    /// batch's raw events and its projections on two at once).
    #[arg(long, env = "LUMEN_INDEXER_POOL", default_value_t = 16)]
    pub pool_size: u32,
    /// Explorer API requests running queries at once; the others queue in
    /// arrival order (0: twice the number of CPUs).
    #[arg(long, env = "LUMEN_INDEXER_API_DB_CONCURRENCY", default_value_t = 0)]
    pub api_db_concurrency: usize,
    /// Decimals of the payment asset (creator priority counts whole units).
    #[arg(long, default_value_t = 6)]
    pub asset_decimals: u8,
    /// Per-request timeout towards the node, in seconds.
    #[arg(long, default_value_t = 30)]
    pub request_timeout_secs: u64,
    /// Attempts per request before giving up on transient errors.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..))]
    pub max_attempts: u32,
    /// Seconds between progress log lines.
    #[arg(long, default_value_t = 10)]
    pub progress_secs: u64,
}

/// A flag combination that cannot work.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ConfigError(pub String);

impl Cli {
    /// The ingest settings, unless serving only.
    pub fn pipeline(&self) -> Result<Option<PipelineConfig>, ConfigError> {
        if self.serve_only {
            return Ok(None);
        }
        let package = self.package.ok_or_else(|| {
            ConfigError("--package (or LUMEN_PACKAGE) is required to ingest".into())
        })?;
        let input = match (&self.from_file, &self.node_url) {
            (Some(path), _) => Input::File(path.clone()),
            (None, Some(url)) => Input::Node(RestConfig {
                node_url: url.clone(),
                page_size: self.page_size,
                pages_in_flight: self.pages_in_flight as usize,
                request_timeout: Duration::from_secs(self.request_timeout_secs.max(1)),
                retry: RetryPolicy {
                    max_attempts: self.max_attempts,
                    ..RetryPolicy::default()
                },
                poll_interval: Duration::from_secs(1),
                stop_at_head: self.exit_at_head,
            }),
            (None, None) => {
                return Err(ConfigError(
                    "nothing to ingest: give --node-url (or LUMEN_NODE_URL) or --from-file, or use --serve-only".into(),
                ))
            }
        };
        Ok(Some(PipelineConfig {
            package,
            input,
            start_version: self.start_version,
            batch_events: self.batch_events as usize,
            file_page_size: self.page_size as usize,
            progress_every: Duration::from_secs(self.progress_secs.max(1)),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        let mut v = vec!["lumen-indexer", "--database-url", "postgres://x/y"];
        v.extend_from_slice(args);
        Cli::try_parse_from(v)
    }

    #[test]
    fn flags_build_the_pipeline() {
        let cli = parse(&[
            "--node-url",
            "http://n",
            "--package",
            "0xcafe",
            "--pages-in-flight",
            "3",
            "--page-size",
            "50",
            "--exit-at-head",
        ])
        .unwrap();
        let p = cli.pipeline().unwrap().unwrap();
        assert_eq!(p.package, Package::DEV);
        match p.input {
            Input::Node(r) => {
                assert_eq!(
                    (r.pages_in_flight, r.page_size, r.stop_at_head),
                    (3, 50, true)
                );
            }
            Input::File(_) => panic!("node expected"),
        }
        // The flag's older name still works.
        let old = parse(&[
            "--node-url",
            "http://n",
            "--package",
            "0xcafe",
            "--batch-size",
            "7",
        ]);
        match old.unwrap().pipeline().unwrap().unwrap().input {
            Input::Node(r) => assert_eq!(r.page_size, 7),
            Input::File(_) => panic!("node expected"),
        }
        let serve = parse(&["--serve-only"]).unwrap();
        assert!(serve.pipeline().unwrap().is_none());
    }

    #[test]
    fn bad_combinations_are_refused() {
        assert!(parse(&["--package", "cafe"]).is_err(), "address without 0x");
        assert!(parse(&["--pages-in-flight", "0"]).is_err());
        assert!(parse(&["--serve-only", "--ingest-only"]).is_err());
        assert!(
            parse(&["--metrics-listen", "127.0.0.1:9100"]).is_err(),
            "needs --ingest-only"
        );
        assert!(parse(&["--ingest-only", "--metrics-listen", "127.0.0.1:9100"]).is_ok());
        assert!(parse(&["--node-url", "http://n", "--from-file", "x"]).is_err());
        let e = parse(&["--node-url", "http://n"])
            .unwrap()
            .pipeline()
            .unwrap_err();
        assert!(e.to_string().contains("--package"), "{e}");
        if std::env::var_os("LUMEN_NODE_URL").is_none() {
            let e = parse(&["--package", "0xcafe"])
                .unwrap()
                .pipeline()
                .unwrap_err();
            assert!(e.to_string().contains("--node-url"), "{e}");
        }
    }
}
