//! A fullnode REST stand-in for benchmarks: `GET /v1` and
//! `GET /v1/transactions` over a [`Workload`].
//!
//! The general stand-in (`lumen_sdk::standin`) keeps every transaction as a
//! JSON value in memory, which for a chain of a million transactions costs
//! gigabytes. This one either renders each page from the versions on demand
//! ([`BenchNode::start`]: flat memory, a few microseconds of CPU per
//! transaction) or serves the chain from a file rendered before the clock
//! starts ([`BenchNode::prerendered`]): a real fullnode runs on another
//! machine, so the measured indexer should not share its cores with the
//! node's JSON rendering.

use std::io::Write;
use std::net::SocketAddr;
use std::os::unix::fs::FileExt;
use std::path::Path;
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
    rendered: Option<Rendered>,
    head: AtomicU64,
    served: AtomicU64,
}

/// The chain's transactions rendered once into a file, comma-separated, so
/// versions `[s, e)` are the bytes `offsets[s] .. offsets[e] - 1`.
struct Rendered {
    file: std::fs::File,
    offsets: Vec<u64>,
}

impl Rendered {
    /// Renders versions `0..=head` of `workload` into `path`.
    fn write(workload: &Workload, head: u64, path: &Path) -> std::io::Result<Self> {
        let mut out = std::io::BufWriter::with_capacity(1 << 22, std::fs::File::create(path)?);
        let mut offsets = Vec::with_capacity(head as usize + 2);
        let mut at = 0u64;
        let mut txn = String::with_capacity(4_096);
        for v in 0..=head {
            offsets.push(at);
            txn.clear();
            workload.render(v, &mut txn);
            txn.push(',');
            out.write_all(txn.as_bytes())?;
            at += txn.len() as u64;
        }
        offsets.push(at);
        out.flush()?;
        let file = out.into_inner().map_err(|e| e.into_error())?;
        // Written back now, not while the measured process runs.
        file.sync_data()?;
        drop(file);
        let file = std::fs::File::open(path)?;
        // The open handle keeps the data; nothing is left behind on exit.
        std::fs::remove_file(path)?;
        Ok(Self { file, offsets })
    }

    /// The JSON array of versions `[start, end)`.
    fn page(&self, start: u64, end: u64) -> std::io::Result<Vec<u8>> {
        let (from, to) = (self.offsets[start as usize], self.offsets[end as usize] - 1);
        let mut body = vec![0u8; (to - from) as usize + 2];
        let last = body.len() - 1;
        self.file.read_exact_at(&mut body[1..last], from)?;
        body[0] = b'[';
        body[last] = b']';
        Ok(body)
    }
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
    /// Serves `workload` up to version `head` on a free port of 127.0.0.1,
    /// rendering each page when asked.
    pub async fn start(workload: Workload, head: u64) -> std::io::Result<Self> {
        Self::serve(workload, None, head).await
    }

    /// Renders the whole chain of `workload` into `file` first (not on the
    /// clock of what is measured afterwards), then serves it up to `head`
    /// by reading the file.
    pub async fn prerendered(workload: Workload, head: u64, file: &Path) -> std::io::Result<Self> {
        let (w, f) = (workload.clone(), file.to_path_buf());
        let rendered = tokio::task::spawn_blocking(move || Rendered::write(&w, w.head(), &f))
            .await
            .map_err(std::io::Error::other)??;
        Self::serve(workload, Some(rendered), head).await
    }

    async fn serve(
        workload: Workload,
        rendered: Option<Rendered>,
        head: u64,
    ) -> std::io::Result<Self> {
        let inner = Arc::new(Inner {
            head: AtomicU64::new(head.min(workload.head())),
            workload,
            rendered,
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
    // Rendering and file reads are blocking work; keep them off the accept
    // loop's worker.
    let node = inner.clone();
    let body = tokio::task::spawn_blocking(move || match &node.rendered {
        Some(r) => r.page(start, end),
        None => Ok(node.workload.render_page(start, end).into_bytes()),
    })
    .await
    .map_err(std::io::Error::other)
    .and_then(|r| r);
    match body {
        Ok(body) => {
            inner.served.fetch_add(end - start, Ordering::Relaxed);
            (headers(head), body).into_response()
        }
        Err(e) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("bench node: reading the rendered chain: {e}"),
        )
            .into_response(),
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

    #[tokio::test]
    async fn a_prerendered_chain_serves_the_same_pages() {
        let w = Workload::ingest(10, 100, 60);
        let dir = tempfile::tempdir().unwrap();
        let node = BenchNode::prerendered(w.clone(), w.head(), &dir.path().join("chain"))
            .await
            .unwrap();
        for (start, limit) in [(0, 1), (0, 100), (7, 13), (w.head() - 2, 100)] {
            let body = reqwest::get(format!(
                "{}/v1/transactions?start={start}&limit={limit}",
                node.url()
            ))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
            let end = (start + limit).min(w.head() + 1);
            assert_eq!(
                body,
                w.render_page(start, end),
                "start {start} limit {limit}"
            );
        }
    }
}
