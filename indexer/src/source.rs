//! Where transactions come from: a fullnode's REST API ([`RestSource`]),
//! Aptos' Transaction Stream over gRPC ([`GrpcSource`]), or a JSON-lines file
//! in the REST shape ([`FileSource`]).
//!
//! Every source hands out pages strictly in version order, so the pipeline
//! never sees a gap or a reordering. Transient trouble (429, 5xx, timeouts,
//! bodies cut short, a dropped stream) is retried with exponential backoff
//! and jitter, honouring `Retry-After`: a following source never gives up
//! (the node's state is reported while it is away), a backfill
//! (`--exit-at-head`) gives up after its attempts. Permanent trouble (a
//! pruned start version, another chain, another ledger) is a typed error
//! that keeps its cause.

use std::path::PathBuf;
use std::time::Duration;

use rand::Rng;
use serde::Deserialize;

mod file;
pub mod grpc;
mod rest;

pub use file::FileSource;
pub use grpc::{GrpcConfig, GrpcSource};
pub use rest::{ledger_info, LedgerInfo, RestConfig, RestSource};

/// One event as the node serves it inside a transaction.
#[derive(Debug, Clone, Deserialize)]
pub struct RawEvent {
    /// Full Move type, e.g. `0xcafe::escrow::JobCreated`.
    #[serde(rename = "type")]
    pub type_str: String,
    /// The event's fields in REST JSON (u64 as strings, addresses as hex),
    /// as the node's text: only the package's events are ever parsed.
    #[serde(default = "null_json")]
    pub data: Box<serde_json::value::RawValue>,
}

fn null_json() -> Box<serde_json::value::RawValue> {
    serde_json::value::RawValue::from_string("null".into()).expect("null is JSON")
}

/// The parts of a committed transaction the indexer needs; every other field
/// of the REST shape (payload, signature, changes …) is ignored when parsed.
#[derive(Debug, Clone, Deserialize)]
pub struct Transaction {
    /// Ledger version.
    #[serde(deserialize_with = "de_u64_str")]
    pub version: u64,
    /// Transaction kind (`user_transaction`, `block_metadata_transaction` …).
    #[serde(rename = "type", default)]
    pub kind: String,
    /// Commit time in microseconds; genesis has 0.
    #[serde(default, deserialize_with = "de_opt_u64_str")]
    pub timestamp: Option<u64>,
    /// Whether the transaction executed; failed ones emit no package events.
    #[serde(default = "yes")]
    pub success: bool,
    /// Emitted events in emission order.
    #[serde(default)]
    pub events: Vec<RawEvent>,
    /// The transaction's hash (`0x` hex), which identifies the ledger.
    #[serde(default)]
    pub hash: Option<String>,
    /// The epoch, which the REST API gives on block metadata transactions.
    #[serde(default, deserialize_with = "de_opt_u64_str")]
    pub epoch: Option<u64>,
}

/// The REST API's kind of a block's first transaction.
pub const BLOCK_METADATA: &str = "block_metadata_transaction";

fn yes() -> bool {
    true
}

/// A u64 as a decimal string (the REST API's form) or a number, read in
/// place (an untagged enum would buffer every value first).
fn de_u64_str<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    struct U64;
    impl serde::de::Visitor<'_> for U64 {
        type Value = u64;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a u64 as a decimal string or a number")
        }
        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<u64, E> {
            Ok(v)
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<u64, E> {
            v.parse()
                .map_err(|e| E::custom(format!("not a u64 ({e}): {v:?}")))
        }
    }
    d.deserialize_any(U64)
}

fn de_opt_u64_str<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    de_u64_str(d).map(Some)
}

/// A run of consecutive transactions, in version order.
#[derive(Debug, Clone, Default)]
pub struct Page {
    /// The transactions, versions strictly consecutive.
    pub transactions: Vec<Transaction>,
    /// The chain head the node reported with this page, if any.
    pub ledger_version: Option<u64>,
}

/// Why the source could not deliver.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    /// The node no longer holds the requested versions.
    #[error(
        "start version {start} is pruned on this node (oldest available: {}); \
         use a node with full history or start from a newer database",
        oldest.map(|v| v.to_string()).unwrap_or_else(|| "unknown".into())
    )]
    Pruned {
        /// The version that was asked for.
        start: u64,
        /// The oldest version the node still has, when it said.
        oldest: Option<u64>,
    },
    /// The node serves another chain than the one expected.
    #[error("chain id mismatch: the database was built from chain {expected}, the node serves chain {actual}")]
    ChainIdMismatch {
        /// Chain id recorded in the database.
        expected: u8,
        /// Chain id the node reports.
        actual: u8,
    },
    /// The node serves another ledger than the database mirrors (a reset
    /// network keeps its chain id).
    #[error(
        "the node serves another ledger than the database was built from: {detail}; \
         was the network reset? Index it into a new database"
    )]
    LedgerReset {
        /// What differs.
        detail: String,
    },
    /// Retries ran out on transient errors.
    #[error("{url}: giving up after {attempts} attempts: {last}")]
    RetriesExhausted {
        /// The request.
        url: String,
        /// How many attempts were made.
        attempts: u32,
        /// The last error seen.
        last: String,
    },
    /// A non-retryable HTTP status or malformed answer.
    #[error("{url}: {detail}")]
    Http {
        /// The request.
        url: String,
        /// What was wrong.
        detail: String,
    },
    /// A line of the transactions file is not a transaction.
    #[error("{path}:{line}: {detail}")]
    File {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What was wrong.
        detail: String,
    },
    /// A background fetch task died.
    #[error("fetch task failed: {0}")]
    Task(String),
}

/// Retry policy for transient errors.
#[derive(Debug, Clone)]
pub struct RetryPolicy {
    /// Attempts in total before giving up.
    pub max_attempts: u32,
    /// Delay before the first retry; doubled each time.
    pub base_delay: Duration,
    /// Upper bound of one delay.
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 10,
            base_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(30),
        }
    }
}

impl RetryPolicy {
    /// Delay before retry number `attempt` (1-based): exponential with
    /// "full jitter" in its upper half, so that many indexers hitting one
    /// node do not retry in lockstep.
    pub fn delay(&self, attempt: u32) -> Duration {
        let exp = self
            .base_delay
            .saturating_mul(1u32 << attempt.saturating_sub(1).min(16));
        let cap = exp.min(self.max_delay);
        let half = cap / 2;
        let jitter = rand::thread_rng().gen_range(0..=half.as_millis() as u64);
        half + Duration::from_millis(jitter)
    }
}

/// Installs the ring crypto provider for rustls once per process; reqwest is
/// built without a provider of its own.
pub fn install_crypto_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// An error with its causes, outermost first (`request failed: error
/// sending request: connection refused`), each once.
pub fn with_causes(e: &(dyn std::error::Error + 'static)) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        let text = s.to_string();
        if !out.contains(&text) {
            out.push_str(": ");
            out.push_str(&text);
        }
        source = s.source();
    }
    out
}

/// Either source behind one interface.
pub enum Source {
    /// A fullnode.
    Rest(Box<RestSource>),
    /// A Transaction Stream service.
    Grpc(Box<GrpcSource>),
    /// A JSON-lines file.
    File(FileSource),
}

impl Source {
    /// The next page in version order, `None` when the source is done.
    pub async fn next_page(&mut self) -> Result<Option<Page>, SourceError> {
        match self {
            Source::Rest(r) => r.next_page().await,
            Source::Grpc(g) => g.next_page().await,
            Source::File(f) => f.next_page(),
        }
    }

    /// The chain head when known (a file has none: it is read to its end).
    pub fn head(&self) -> Option<u64> {
        match self {
            Source::Rest(r) => Some(r.head()),
            Source::Grpc(g) => g.head(),
            Source::File(_) => None,
        }
    }
}

#[cfg(test)]
mod tests;
