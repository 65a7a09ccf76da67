//! Command-line flags (each also readable from the environment).

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::Parser;
use lumen_sdk::Package;

use crate::pipeline::{Input, PipelineConfig};
use crate::source::{GrpcConfig, RestConfig, RetryPolicy};
use crate::store::PoolOptions;

/// Mirrors Lumen's on-chain events into PostgreSQL and serves the explorer API.
#[derive(Parser, Debug, Clone)]
#[command(name = "lumen-indexer", version)]
pub struct Cli {
    /// Aptos fullnode REST URL (e.g. https://fullnode.testnet.aptoslabs.com):
    /// ingests from it, or, with --grpc-url, tells the chain head.
    #[arg(long, env = "LUMEN_NODE_URL")]
    pub node_url: Option<String>,
    /// Aptos Transaction Stream (gRPC) URL to ingest from (e.g.
    /// https://grpc.mainnet.aptoslabs.com:443).
    #[arg(long, env = "LUMEN_GRPC_URL", conflicts_with = "from_file")]
    pub grpc_url: Option<String>,
    /// API key of the Transaction Stream (sent as a bearer token).
    #[arg(long, env = "LUMEN_GRPC_AUTH_TOKEN", hide_env_values = true)]
    pub grpc_auth_token: Option<String>,
    /// PostgreSQL URL (the primary, which the writer writes).
    #[arg(long, env = "DATABASE_URL")]
    pub database_url: Option<String>,
    /// PostgreSQL URL the API reads (a streaming replica); default: --database-url.
    #[arg(long, env = "LUMEN_READ_DATABASE_URL")]
    pub read_database_url: Option<String>,
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
    /// First version to read when the database is empty (also after a
    /// first run that applied nothing, e.g. on a pruned node).
    #[arg(long)]
    pub start_version: Option<u64>,
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
    /// Database connections of the API (ingestion has its own two).
    #[arg(long, env = "LUMEN_INDEXER_POOL", default_value_t = 16)]
    pub pool_size: u32,
    /// Explorer API requests running queries at once; the others queue in
    /// arrival order (0: twice the number of CPUs).
    #[arg(long, env = "LUMEN_INDEXER_API_DB_CONCURRENCY", default_value_t = 0)]
    pub api_db_concurrency: usize,
    /// Symbol of the payment asset, shown by the explorer.
    #[arg(long, env = "LUMEN_ASSET_SYMBOL", default_value = "USDT")]
    pub asset_symbol: String,
    /// Origins whose web pages may read the API (CORS): `*` for any, or a
    /// comma-separated list such as `https://explorer.example`.
    #[arg(long, env = "LUMEN_INDEXER_CORS_ORIGINS", default_value = "*")]
    pub cors_origins: crate::api::CorsOrigins,
    /// Per-request timeout towards the node, in seconds.
    #[arg(long, default_value_t = 30)]
    pub request_timeout_secs: u64,
    /// Attempts per request before giving up on transient errors.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..))]
    pub max_attempts: u32,
    /// Seconds between progress log lines.
    #[arg(long, default_value_t = 10)]
    pub progress_secs: u64,
    /// Seconds to wait for a database connection (connecting included)
    /// before the database counts as unreachable (API answers 503).
    #[arg(long, env = "LUMEN_INDEXER_DB_TIMEOUT_SECS", default_value_t = 2, value_parser = clap::value_parser!(u64).range(1..))]
    pub db_timeout_secs: u64,
    /// Longest API query in seconds (PostgreSQL `statement_timeout`).
    #[arg(long, env = "LUMEN_INDEXER_STATEMENT_TIMEOUT_SECS", default_value_t = 15, value_parser = clap::value_parser!(u64).range(1..))]
    pub statement_timeout_secs: u64,
}

/// A flag combination that cannot work.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ConfigError(pub String);

/// A URL of `http` or `https`, checked before anything is asked of it.
fn http_url(flag: &str, url: &str) -> Result<String, ConfigError> {
    if url.starts_with("http://") || url.starts_with("https://") {
        Ok(url.to_string())
    } else {
        Err(ConfigError(format!(
            "{flag} must start with http:// or https://, got {url:?}"
        )))
    }
}

impl Cli {
    /// The URL ingestion writes to.
    pub fn write_url(&self) -> Result<&str, ConfigError> {
        self.database_url
            .as_deref()
            .ok_or_else(|| ConfigError("--database-url (or DATABASE_URL) is required".into()))
    }

    /// The URL the API reads: the replica, or the primary.
    pub fn read_url(&self) -> Result<&str, ConfigError> {
        match &self.read_database_url {
            Some(u) => Ok(u),
            None => self.write_url(),
        }
    }

    /// The API's pool settings.
    pub fn api_pool(&self) -> PoolOptions {
        PoolOptions {
            size: self.pool_size,
            timeout: Duration::from_secs(self.db_timeout_secs),
            statement_timeout: Some(Duration::from_secs(self.statement_timeout_secs)),
            ping_on_lend: false,
        }
    }

    /// Ingestion's pool settings: the writer's session, the raw log's.
    pub fn write_pool(&self) -> PoolOptions {
        PoolOptions {
            size: 2,
            timeout: Duration::from_secs(self.db_timeout_secs),
            statement_timeout: None,
            ping_on_lend: true,
        }
    }

    /// The ingest settings, unless serving only.
    pub fn pipeline(&self) -> Result<Option<PipelineConfig>, ConfigError> {
        if self.serve_only {
            self.read_url()?;
            if let Some(url) = &self.node_url {
                http_url("--node-url", url)?;
            }
            return Ok(None);
        }
        self.write_url()?;
        let package = self.package.ok_or_else(|| {
            ConfigError("--package (or LUMEN_PACKAGE) is required to ingest".into())
        })?;
        let retry = RetryPolicy {
            max_attempts: self.max_attempts,
            ..RetryPolicy::default()
        };
        let node = self
            .node_url
            .as_deref()
            .map(|u| http_url("--node-url", u))
            .transpose()?;
        let input = match (&self.from_file, &self.grpc_url, node) {
            (Some(path), _, _) => Input::File(path.clone()),
            (None, Some(url), node) => {
                if self.exit_at_head && node.is_none() {
                    return Err(ConfigError(
                        "--exit-at-head with --grpc-url needs --node-url, which tells where the head is".into(),
                    ));
                }
                Input::Grpc {
                    stream: GrpcConfig {
                        url: http_url("--grpc-url", url)?,
                        auth_token: self.grpc_auth_token.clone(),
                        connect_timeout: Duration::from_secs(self.request_timeout_secs.max(1)),
                        retry,
                        ..GrpcConfig::new(url)
                    },
                    head_of: node.filter(|_| self.exit_at_head),
                }
            }
            (None, None, Some(url)) => Input::Node(RestConfig {
                node_url: url,
                page_size: self.page_size,
                pages_in_flight: self.pages_in_flight as usize,
                request_timeout: Duration::from_secs(self.request_timeout_secs.max(1)),
                retry,
                poll_interval: Duration::from_secs(1),
                stop_at_head: self.exit_at_head,
                ..RestConfig::new("")
            }),
            (None, None, None) => {
                return Err(ConfigError(
                    "nothing to ingest: give --node-url (or LUMEN_NODE_URL), --grpc-url or --from-file, or use --serve-only".into(),
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
            other => panic!("node expected, got {other:?}"),
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
            other => panic!("node expected, got {other:?}"),
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

    #[test]
    fn the_stream_replicas_and_urls() {
        let cli = parse(&[
            "--grpc-url",
            "https://grpc.example:443",
            "--package",
            "0xcafe",
        ])
        .unwrap();
        match cli.pipeline().unwrap().unwrap().input {
            Input::Grpc { stream, head_of } => {
                assert_eq!(stream.url, "https://grpc.example:443");
                assert!(head_of.is_none(), "following");
            }
            other => panic!("stream expected, got {other:?}"),
        }
        // A backfill over the stream needs the node that tells the head.
        let e = parse(&[
            "--grpc-url",
            "http://g",
            "--package",
            "0xcafe",
            "--exit-at-head",
        ])
        .unwrap()
        .pipeline()
        .unwrap_err();
        assert!(e.to_string().contains("--node-url"), "{e}");
        // A URL without a scheme is refused before anything is asked of it.
        let e = parse(&["--node-url", "localhost:8080", "--package", "0xcafe"])
            .unwrap()
            .pipeline()
            .unwrap_err();
        assert!(e.to_string().contains("http://"), "{e}");
        // An API on a replica needs no primary.
        let api = Cli::try_parse_from([
            "lumen-indexer",
            "--serve-only",
            "--read-database-url",
            "postgres://replica/db",
        ])
        .unwrap();
        assert!(api.pipeline().unwrap().is_none());
        assert_eq!(api.read_url().unwrap(), "postgres://replica/db");
        let writer = parse(&["--node-url", "http://n", "--package", "0xcafe"]).unwrap();
        assert_eq!(writer.read_url().unwrap(), "postgres://x/y");
        assert_eq!(
            writer.pipeline().unwrap().unwrap().start_version,
            None,
            "no --start-version: resume wherever the database is"
        );
    }
}
