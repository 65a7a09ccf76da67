//! Prometheus metrics in the text exposition format, kept in process-wide
//! atomics (a handful of counters and gauges does not need a crate).

use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::sync::Mutex;

/// The indexer's counters and gauges.
#[derive(Debug, Default)]
pub struct Metrics {
    fetched_bytes: AtomicU64,
    fetch_retries: AtomicU64,
    transactions: AtomicU64,
    events: AtomicU64,
    batches: AtomicU64,
    indexed_version: AtomicU64,
    chain_head: AtomicU64,
    batch_write_micros: AtomicU64,
    http_requests: AtomicU64,
    http_client_errors: AtomicU64,
    http_server_errors: AtomicU64,
    foreign_events: AtomicU64,
    /// Unix seconds since the node stopped answering (0: it answers).
    node_unreachable_since: AtomicU64,
    node_error: Mutex<Option<String>>,
    /// Why ingestion stopped, when it did.
    ingest_error: Mutex<Option<String>>,
}

/// The process's metrics.
pub static METRICS: Metrics = Metrics {
    fetched_bytes: AtomicU64::new(0),
    fetch_retries: AtomicU64::new(0),
    transactions: AtomicU64::new(0),
    events: AtomicU64::new(0),
    batches: AtomicU64::new(0),
    indexed_version: AtomicU64::new(0),
    chain_head: AtomicU64::new(0),
    batch_write_micros: AtomicU64::new(0),
    http_requests: AtomicU64::new(0),
    http_client_errors: AtomicU64::new(0),
    http_server_errors: AtomicU64::new(0),
    foreign_events: AtomicU64::new(0),
    node_unreachable_since: AtomicU64::new(0),
    node_error: Mutex::new(None),
    ingest_error: Mutex::new(None),
};

fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

impl Metrics {
    /// Bytes of transaction JSON received from the node.
    pub fn add_fetched_bytes(&self, n: u64) {
        self.fetched_bytes.fetch_add(n, Relaxed);
    }
    /// One retried request.
    pub fn inc_fetch_retries(&self) {
        self.fetch_retries.fetch_add(1, Relaxed);
    }
    /// A committed batch of `txns` transactions and `events` package events
    /// that took `micros` to write.
    pub fn record_batch(&self, txns: u64, events: u64, micros: u64) {
        self.transactions.fetch_add(txns, Relaxed);
        self.events.fetch_add(events, Relaxed);
        self.batches.fetch_add(1, Relaxed);
        self.batch_write_micros.fetch_add(micros, Relaxed);
    }
    /// The node failed to answer (`reason`); it counts as unreachable from
    /// the first failure on until it answers again.
    pub fn node_unreachable(&self, reason: &str) {
        let _ = self
            .node_unreachable_since
            .compare_exchange(0, unix_now(), Relaxed, Relaxed);
        *self.node_error.lock().unwrap_or_else(|p| p.into_inner()) = Some(reason.to_string());
    }
    /// The node answered.
    pub fn node_reachable(&self) {
        if self.node_unreachable_since.swap(0, Relaxed) != 0 {
            tracing::info!("the node answers again");
        }
    }
    /// Since when (Unix seconds) the node does not answer, and the last
    /// failure; `None` while it answers.
    pub fn node_unreachable_since(&self) -> Option<(u64, String)> {
        match self.node_unreachable_since.load(Relaxed) {
            0 => None,
            since => Some((
                since,
                self.node_error
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .clone()
                    .unwrap_or_default(),
            )),
        }
    }
    /// Ingestion stopped for `reason` (the API goes on serving).
    pub fn set_ingest_error(&self, reason: String) {
        *self.ingest_error.lock().unwrap_or_else(|p| p.into_inner()) = Some(reason);
    }
    /// Why ingestion stopped, if it did.
    pub fn ingest_error(&self) -> Option<String> {
        self.ingest_error
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }
    /// An event of a module at the package address that is not Lumen's.
    pub fn inc_foreign_events(&self) {
        self.foreign_events.fetch_add(1, Relaxed);
    }
    /// Events of other modules at the package address skipped so far.
    pub fn foreign_events(&self) -> u64 {
        self.foreign_events.load(Relaxed)
    }
    /// The last version committed to the database.
    pub fn set_indexed_version(&self, v: u64) {
        self.indexed_version.store(v, Relaxed);
    }
    /// The newest chain head seen.
    pub fn set_chain_head(&self, v: u64) {
        self.chain_head.fetch_max(v, Relaxed);
    }
    /// The newest chain head seen.
    pub fn chain_head(&self) -> u64 {
        self.chain_head.load(Relaxed)
    }
    /// One API request answered with `status`.
    pub fn record_http(&self, status: u16) {
        self.http_requests.fetch_add(1, Relaxed);
        if (400..500).contains(&status) {
            self.http_client_errors.fetch_add(1, Relaxed);
        } else if status >= 500 {
            self.http_server_errors.fetch_add(1, Relaxed);
        }
    }

    /// Renders every metric in the Prometheus text format.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let mut put = |name: &str, kind: &str, help: &str, v: u64| {
            let _ = writeln!(out, "# HELP {name} {help}");
            let _ = writeln!(out, "# TYPE {name} {kind}");
            let _ = writeln!(out, "{name} {v}");
        };
        let indexed = self.indexed_version.load(Relaxed);
        let head = self.chain_head.load(Relaxed);
        put(
            "lumen_indexer_fetched_bytes_total",
            "counter",
            "Bytes of transaction JSON fetched.",
            self.fetched_bytes.load(Relaxed),
        );
        put(
            "lumen_indexer_fetch_retries_total",
            "counter",
            "Fetch attempts retried after a transient error.",
            self.fetch_retries.load(Relaxed),
        );
        put(
            "lumen_indexer_transactions_total",
            "counter",
            "Transactions applied.",
            self.transactions.load(Relaxed),
        );
        put(
            "lumen_indexer_events_total",
            "counter",
            "Package events written.",
            self.events.load(Relaxed),
        );
        put(
            "lumen_indexer_foreign_events_skipped_total",
            "counter",
            "Events of modules at the package address that are not Lumen's, skipped.",
            self.foreign_events(),
        );
        put(
            "lumen_indexer_batches_total",
            "counter",
            "Batches committed.",
            self.batches.load(Relaxed),
        );
        put(
            "lumen_indexer_batch_write_microseconds_total",
            "counter",
            "Time spent writing batches.",
            self.batch_write_micros.load(Relaxed),
        );
        put(
            "lumen_indexer_indexed_version",
            "gauge",
            "Last version committed to the database.",
            indexed,
        );
        put(
            "lumen_indexer_chain_head_version",
            "gauge",
            "Newest ledger version seen on the node.",
            head,
        );
        put(
            "lumen_indexer_lag_versions",
            "gauge",
            "Chain head minus indexed version.",
            head.saturating_sub(indexed),
        );
        let since = self.node_unreachable_since.load(Relaxed);
        put(
            "lumen_indexer_node_unreachable_seconds",
            "gauge",
            "Seconds since the node stopped answering (0 while it answers).",
            if since == 0 {
                0
            } else {
                unix_now().saturating_sub(since)
            },
        );
        put(
            "lumen_indexer_ingest_stopped",
            "gauge",
            "1 once ingestion stopped on an error (see /v1/status), else 0.",
            u64::from(self.ingest_error().is_some()),
        );
        put(
            "lumen_indexer_http_requests_total",
            "counter",
            "API requests answered.",
            self.http_requests.load(Relaxed),
        );
        put(
            "lumen_indexer_http_client_errors_total",
            "counter",
            "API requests answered with 4xx.",
            self.http_client_errors.load(Relaxed),
        );
        put(
            "lumen_indexer_http_server_errors_total",
            "counter",
            "API requests answered with 5xx.",
            self.http_server_errors.load(Relaxed),
        );
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_prometheus_text() {
        let m = Metrics::default();
        m.record_batch(10, 4, 1500);
        m.set_indexed_version(90);
        m.set_chain_head(100);
        m.set_chain_head(95);
        m.record_http(404);
        let text = m.render();
        assert!(text
            .contains("# TYPE lumen_indexer_events_total counter\nlumen_indexer_events_total 4\n"));
        assert!(text.contains("lumen_indexer_lag_versions 10\n"));
        assert!(text.contains("lumen_indexer_http_client_errors_total 1\n"));
        // Every sample line is `name value` with a preceding TYPE line.
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            let (name, v) = line.split_once(' ').unwrap();
            assert!(v.parse::<u64>().is_ok(), "{line}");
            assert!(text.contains(&format!("# TYPE {name} ")), "{name}");
        }
    }
}
