//! A fullnode REST stand-in for benchmarks: `GET /v1` and
//! `GET /v1/transactions` over a [`Workload`], rendered on demand.
//!
//! The general stand-in (`lumen_sdk::standin`) keeps every transaction as a
//! JSON value in memory, which for a chain of a million transactions costs
//! gigabytes; this one renders each page from the versions, so the node's
//! memory stays flat and its CPU cost is a few microseconds per transaction.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde::Deserialize;

use crate::chain::Workload;

/// The chain id the bench node reports.
pub const CHAIN_ID: u8 = 77;
/// The most transactions one request returns, like a real fullnode.
pub const MAX_PAGE: u64 = 100;

struct Inner {
    workload: Workload,
    head: AtomicU64,
    served: AtomicU64,
}

/// A running bench node.
#[derive(Clone)]
pub struct BenchNode {
    inner: Arc<Inner>,
    /// Where it listens.
    pub addr: SocketAddr,
}

#[derive(Deserialize)]
struct TxQuery {
    start: Option<u64>,
    limit: Option<u64>,
}

impl BenchNode {
    /// Serves `workload` up to version `head` on a free port of 127.0.0.1.
    pub async fn start(workload: Workload, head: u64) -> std::io::Result<Self> {
        let inner = Arc::new(Inner {
            head: AtomicU64::new(head.min(workload.head())),
            workload,
            served: AtomicU64::new(0),
        });
        let app = Router::new()
            .route("/v1", get(ledger))
            .route("/v1/transactions", get(transactions))
            .with_state(inner.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        tokio::spawn(async move {
            if let Err(e) = axum::serve(listener, app).await {
                tracing::error!(error = %e, "bench node stopped");
            }
        });
        Ok(Self { inner, addr })
    }

    /// The base URL.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Moves the chain head (the chain grows).
    pub fn set_head(&self, head: u64) {
        self.inner
            .head
            .store(head.min(self.inner.workload.head()), Ordering::SeqCst);
    }

    /// Transactions served so far.
    pub fn served(&self) -> u64 {
        self.inner.served.load(Ordering::Relaxed)
    }
}

fn headers(head: u64) -> HeaderMap {
    let mut h = HeaderMap::new();
    h.insert("x-aptos-chain-id", HeaderValue::from(CHAIN_ID as u64));
    h.insert("x-aptos-ledger-version", HeaderValue::from(head));
    h.insert("x-aptos-ledger-oldest-version", HeaderValue::from(0u64));
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    h
}

async fn ledger(State(inner): State<Arc<Inner>>) -> Response {
    let head = inner.head.load(Ordering::SeqCst);
    let ts = Workload::timestamp_us(head);
    let body = format!(
        r#"{{"chain_id":{CHAIN_ID},"epoch":"1","ledger_version":"{head}","oldest_ledger_version":"0","ledger_timestamp":"{ts}","node_role":"full_node","oldest_block_height":"0","block_height":"{}","git_hash":"bench"}}"#,
        head / 50
    );
    (headers(head), body).into_response()
}

async fn transactions(State(inner): State<Arc<Inner>>, Query(q): Query<TxQuery>) -> Response {
    let head = inner.head.load(Ordering::SeqCst);
    let start = q.start.unwrap_or(0);
    let limit = q.limit.unwrap_or(25).clamp(1, MAX_PAGE);
    if start > head {
        let body = format!(
            r#"{{"message":"Ledger version({start}) not found","error_code":"version_not_found","vm_error_code":null}}"#
        );
        return (StatusCode::NOT_FOUND, headers(head), body).into_response();
    }
    let end = (start + limit).min(head + 1);
    let workload = inner.inner_workload();
    // Rendering is CPU work; keep it off the accept loop's worker.
    let body = tokio::task::spawn_blocking(move || workload.render_page(start, end))
        .await
        .unwrap_or_default();
    inner.served.fetch_add(end - start, Ordering::Relaxed);
    (headers(head), body).into_response()
}

impl Inner {
    fn inner_workload(&self) -> Workload {
        self.workload.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lumen_indexer::source::{RestConfig, RestSource};

    #[tokio::test]
    async fn the_indexer_source_reads_the_whole_chain_in_order() {
        let w = Workload::ingest(10, 100, 60);
        let node = BenchNode::start(w.clone(), w.head()).await.unwrap();
        let mut cfg = RestConfig::new(node.url());
        cfg.stop_at_head = true;
        cfg.pages_in_flight = 3;
        let (mut src, info) = RestSource::connect(cfg, 0, None).await.unwrap();
        assert_eq!((info.chain_id, info.ledger_version), (CHAIN_ID, w.head()));
        let mut next = 0;
        while let Some(page) = src.next_page().await.unwrap() {
            for t in &page.transactions {
                assert_eq!(t.version, next);
                next += 1;
            }
        }
        assert_eq!(next, w.head() + 1);
        assert_eq!(node.served(), w.head() + 1);
        // A version past the head is "not found", like a fullnode.
        let r = reqwest::get(format!(
            "{}/v1/transactions?start={}",
            node.url(),
            w.head() + 1
        ))
        .await
        .unwrap();
        assert_eq!(r.status(), reqwest::StatusCode::NOT_FOUND);
    }
}
