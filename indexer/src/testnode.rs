//! A local HTTP server speaking the fullnode's read shapes (`GET /v1`,
//! `GET /v1/transactions`) over a list of REST-JSON transactions, with
//! failure injection. Test-only.

use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde::Deserialize;
use serde_json::{json, Value};

/// A failure to answer the next `/v1/transactions` request with.
#[derive(Debug, Clone, Copy)]
pub enum Fault {
    /// HTTP 429.
    TooMany,
    /// HTTP 500.
    Internal,
    /// A 200 whose body stops half-way.
    Truncated,
    /// HTTP 404 `version_not_found`, as from a node lagging behind the head.
    NotFound,
    /// An answer that comes only after this long (to trip client timeouts).
    Delay(Duration),
}

#[derive(Default)]
struct Inner {
    txns: Vec<Value>,
    chain_id: u8,
    header_chain_id: Option<u8>,
    faults: VecDeque<Fault>,
    pruned_below: u64,
    max_page: usize,
    requests: Vec<(u64, u64)>,
    /// Per-start delays so pages finish out of order.
    slow_starts: Vec<(u64, Duration)>,
}

/// Handle to a running test node.
#[derive(Clone)]
pub struct TestNode {
    inner: Arc<Mutex<Inner>>,
    /// Where it listens.
    pub addr: SocketAddr,
}

#[derive(Deserialize)]
struct TxQuery {
    start: Option<String>,
    limit: Option<String>,
}

impl TestNode {
    /// Starts a node serving `txns` on a free port of 127.0.0.1.
    pub async fn start(txns: Vec<Value>, chain_id: u8) -> Self {
        let inner = Arc::new(Mutex::new(Inner {
            txns,
            chain_id,
            max_page: 100,
            ..Default::default()
        }));
        let app = Router::new()
            .route("/v1", get(ledger))
            .route("/v1/transactions", get(transactions))
            .with_state(inner.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Self { inner, addr }
    }

    /// The base URL.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Queues failures for the next transaction requests.
    pub fn push_faults(&self, faults: &[Fault]) {
        self.inner
            .lock()
            .unwrap()
            .faults
            .extend(faults.iter().copied());
    }

    /// Versions below `v` answer 410.
    pub fn prune_below(&self, v: u64) {
        self.inner.lock().unwrap().pruned_below = v;
    }

    /// The most transactions one request returns.
    pub fn set_max_page(&self, n: usize) {
        self.inner.lock().unwrap().max_page = n;
    }

    /// Sends another chain id in the response header than in `GET /v1`.
    pub fn set_header_chain_id(&self, id: u8) {
        self.inner.lock().unwrap().header_chain_id = Some(id);
    }

    /// Delays the answer to the page starting at `start`.
    pub fn slow_start(&self, start: u64, d: Duration) {
        self.inner.lock().unwrap().slow_starts.push((start, d));
    }

    /// Appends transactions (the chain grows).
    pub fn append(&self, txns: Vec<Value>) {
        self.inner.lock().unwrap().txns.extend(txns);
    }

    /// `(start, limit)` of every transactions request so far.
    pub fn requests(&self) -> Vec<(u64, u64)> {
        self.inner.lock().unwrap().requests.clone()
    }
}

fn headers(inner: &Inner) -> HeaderMap {
    let mut h = HeaderMap::new();
    let head = inner.txns.len().saturating_sub(1);
    let chain = inner.header_chain_id.unwrap_or(inner.chain_id);
    h.insert("x-aptos-chain-id", HeaderValue::from(chain as u64));
    h.insert("x-aptos-ledger-version", HeaderValue::from(head as u64));
    h.insert(
        "x-aptos-ledger-oldest-version",
        HeaderValue::from(inner.pruned_below),
    );
    h
}

async fn ledger(State(inner): State<Arc<Mutex<Inner>>>) -> Response {
    let inner = inner.lock().unwrap();
    let head = inner.txns.len().saturating_sub(1);
    (
        headers(&inner),
        axum::Json(json!({
            "chain_id": inner.chain_id,
            "epoch": "1",
            "ledger_version": head.to_string(),
            "oldest_ledger_version": inner.pruned_below.to_string(),
            "ledger_timestamp": "0",
            "node_role": "full_node",
            "oldest_block_height": "0",
            "block_height": "0",
        })),
    )
        .into_response()
}

async fn transactions(
    State(inner): State<Arc<Mutex<Inner>>>,
    Query(q): Query<TxQuery>,
) -> Response {
    let start: u64 = q.start.and_then(|s| s.parse().ok()).unwrap_or(0);
    let limit: u64 = q.limit.and_then(|s| s.parse().ok()).unwrap_or(25);
    let (fault, delay) = {
        let mut g = inner.lock().unwrap();
        g.requests.push((start, limit));
        let delay = g
            .slow_starts
            .iter()
            .find(|(s, _)| *s == start)
            .map(|(_, d)| *d);
        (g.faults.pop_front(), delay)
    };
    if let Some(d) = delay {
        tokio::time::sleep(d).await;
    }
    let g = inner.lock().unwrap().headers_and_page(start, limit);
    let (h, status, body) = g;
    match fault {
        Some(Fault::TooMany) => {
            return (StatusCode::TOO_MANY_REQUESTS, "slow down").into_response()
        }
        Some(Fault::Internal) => {
            return (StatusCode::INTERNAL_SERVER_ERROR, "oops").into_response()
        }
        Some(Fault::Truncated) => {
            let cut = body.len() / 2;
            return (status, h, body[..cut].to_string()).into_response();
        }
        Some(Fault::Delay(d)) => tokio::time::sleep(d).await,
        Some(Fault::NotFound) => {
            let body =
                json!({"message": "Ledger version not found", "error_code": "version_not_found"});
            return (StatusCode::NOT_FOUND, body.to_string()).into_response();
        }
        None => {}
    }
    (status, h, body).into_response()
}

impl Inner {
    fn headers_and_page(&self, start: u64, limit: u64) -> (HeaderMap, StatusCode, String) {
        let h = headers(self);
        if start < self.pruned_below {
            let body = json!({
                "message": format!("Version({start}) has been pruned, oldest ledger version is {}", self.pruned_below),
                "error_code": "version_pruned",
                "vm_error_code": null
            });
            return (h, StatusCode::GONE, body.to_string());
        }
        if start as usize >= self.txns.len() {
            let body = json!({
                "message": format!("Ledger version({start}) not found"),
                "error_code": "version_not_found",
                "vm_error_code": null
            });
            return (h, StatusCode::NOT_FOUND, body.to_string());
        }
        let n = (limit as usize).min(self.max_page);
        let end = (start as usize + n).min(self.txns.len());
        let page = &self.txns[start as usize..end];
        (h, StatusCode::OK, serde_json::to_string(page).unwrap())
    }
}

/// A non-Lumen transaction at `version` (block metadata, no events).
pub fn filler_txn(version: u64) -> Value {
    json!({
        "version": version.to_string(),
        "hash": format!("0x{version:064x}"),
        "type": "block_metadata_transaction",
        "timestamp": (1_700_000_000_000_000u64 + version * 1000).to_string(),
        "success": true,
        "events": [],
    })
}

/// A user transaction at `version` carrying `events` as `(type, data)`.
pub fn user_txn(
    version: u64,
    timestamp_us: u64,
    success: bool,
    events: Vec<(String, Value)>,
) -> Value {
    let events: Vec<Value> = events
        .into_iter()
        .enumerate()
        .map(|(i, (ty, data))| {
            json!({
                "guid": {"creation_number": "0", "account_address": "0x0"},
                "sequence_number": i.to_string(),
                "type": ty,
                "data": data,
            })
        })
        .collect();
    json!({
        "version": version.to_string(),
        "hash": format!("0x{version:064x}"),
        "type": "user_transaction",
        "timestamp": timestamp_us.to_string(),
        "success": success,
        "sender": "0x1",
        "sequence_number": "0",
        "payload": {"type": "entry_function_payload", "function": "0x1::m::f", "type_arguments": [], "arguments": []},
        "events": events,
    })
}
