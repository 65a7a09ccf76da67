//! A local Transaction Stream service for tests and benchmarks: it streams
//! the REST-shaped transactions the fullnode stand-in serves, as the hosted
//! service would (version order, batches, the chain id, an endless stream
//! that waits for new transactions), over real HTTP/2 gRPC on 127.0.0.1.
//! Faults: the token it requires, and streams cut after some responses.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use serde_json::Value;
use tonic::codegen::tokio_stream::wrappers::ReceiverStream;
use tonic::codegen::{BoxStream, Service};
use tonic::{Request, Response, Status};

use super::proto;

#[derive(Default)]
struct Shared {
    txns: RwLock<Vec<proto::Transaction>>,
    token: RwLock<Option<String>>,
    /// Streams cut after this many responses each (0: none).
    cut_after: AtomicUsize,
    requests: AtomicUsize,
}

/// A running service.
pub struct GrpcStandin {
    addr: SocketAddr,
    chain_id: u8,
    shared: Arc<Shared>,
    server: tokio::task::JoinHandle<()>,
}

impl GrpcStandin {
    /// Serves `txns` (REST JSON, versions from 0 without gaps) of chain
    /// `chain_id` on a free port.
    pub async fn start(
        chain_id: u8,
        txns: impl IntoIterator<Item = Value>,
    ) -> std::io::Result<Self> {
        let shared = Arc::new(Shared::default());
        shared
            .txns
            .write()
            .expect("not poisoned")
            .extend(txns.into_iter().map(|t| from_rest(&t)));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let svc = Streamer {
            shared: shared.clone(),
            chain_id,
        };
        let app = axum::Router::new().route(
            proto::GET_TRANSACTIONS,
            axum::routing::post(move |req: axum::extract::Request| {
                let svc = svc.clone();
                async move {
                    let codec = tonic_prost::ProstCodec::<
                        proto::TransactionsResponse,
                        proto::GetTransactionsRequest,
                    >::default();
                    tonic::server::Grpc::new(codec)
                        .server_streaming(svc, req)
                        .await
                        .map(axum::body::Body::new)
                }
            }),
        );
        let server = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Ok(Self {
            addr,
            chain_id,
            shared,
            server,
        })
    }

    /// `http://127.0.0.1:<port>`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The chain id sent with every response.
    pub fn chain_id(&self) -> u8 {
        self.chain_id
    }

    /// Appends transactions (REST JSON) to the ledger; open streams send
    /// them.
    pub fn push(&self, txns: impl IntoIterator<Item = Value>) {
        let mut all = self.shared.txns.write().expect("not poisoned");
        all.extend(txns.into_iter().map(|t| from_rest(&t)));
    }

    /// Replaces the ledger (a network reset keeps its chain id).
    pub fn reset(&self, txns: impl IntoIterator<Item = Value>) {
        self.shared.txns.write().expect("not poisoned").clear();
        self.push(txns);
    }

    /// Requires `authorization: Bearer <token>` from now on.
    pub fn require_token(&self, token: &str) {
        *self.shared.token.write().expect("not poisoned") = Some(token.to_string());
    }

    /// Cuts every stream after `n` responses (0: never).
    pub fn cut_streams_after(&self, n: usize) {
        self.shared.cut_after.store(n, Relaxed);
    }

    /// Streams opened so far.
    pub fn requests(&self) -> usize {
        self.shared.requests.load(Relaxed)
    }
}

impl Drop for GrpcStandin {
    fn drop(&mut self) {
        self.server.abort();
    }
}

/// A REST-shaped transaction as the service sends it.
pub fn from_rest(t: &Value) -> proto::Transaction {
    let u64_of = |v: &Value| match v {
        Value::String(s) => s.parse().unwrap_or(0),
        v => v.as_u64().unwrap_or(0),
    };
    let kind = proto::TransactionType::from_rest_name(t["type"].as_str().unwrap_or(""));
    let events: Vec<proto::Event> = t["events"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| proto::Event {
            type_str: e["type"].as_str().unwrap_or_default().to_string(),
            data: e["data"].to_string(),
        })
        .collect();
    let txn_data = match kind {
        proto::TransactionType::BlockMetadata => Some(proto::TxnData::BlockMetadata(
            proto::BlockMetadataTransaction { events },
        )),
        proto::TransactionType::Genesis => {
            Some(proto::TxnData::Genesis(proto::GenesisTransaction {
                events,
            }))
        }
        _ => Some(proto::TxnData::User(proto::UserTransaction { events })),
    };
    let micros = t.get("timestamp").map_or(0, u64_of);
    let hash = t["hash"]
        .as_str()
        .and_then(|h| hex::decode(h.trim_start_matches("0x")).ok())
        .unwrap_or_default();
    proto::Transaction {
        timestamp: t.get("timestamp").map(|_| proto::Timestamp {
            seconds: (micros / 1_000_000) as i64,
            nanos: ((micros % 1_000_000) * 1_000) as i32,
        }),
        version: u64_of(&t["version"]),
        info: Some(proto::TransactionInfo {
            hash,
            success: t["success"].as_bool().unwrap_or(true),
            vm_status: t["vm_status"].as_str().unwrap_or_default().to_string(),
        }),
        epoch: t.get("epoch").map_or(0, u64_of),
        block_height: 0,
        r#type: kind as i32,
        txn_data,
    }
}

#[derive(Clone)]
struct Streamer {
    shared: Arc<Shared>,
    chain_id: u8,
}

type Stream = BoxStream<proto::TransactionsResponse>;

impl Service<Request<proto::GetTransactionsRequest>> for Streamer {
    type Response = Response<Stream>;
    type Error = Status;
    type Future = std::future::Ready<Result<Self::Response, Status>>;

    fn poll_ready(
        &mut self,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Result<(), Status>> {
        std::task::Poll::Ready(Ok(()))
    }

    fn call(&mut self, req: Request<proto::GetTransactionsRequest>) -> Self::Future {
        self.shared.requests.fetch_add(1, Relaxed);
        let token = self.shared.token.read().expect("not poisoned").clone();
        if let Some(token) = token {
            let sent = req
                .metadata()
                .get("authorization")
                .and_then(|v| v.to_str().ok());
            if sent != Some(&format!("Bearer {token}")) {
                return std::future::ready(Err(Status::unauthenticated(
                    "a valid API key is required",
                )));
            }
        }
        let r = req.into_inner();
        let (shared, chain_id) = (self.shared.clone(), self.chain_id);
        let batch = r.batch_size.unwrap_or(1000).clamp(1, 1000) as usize;
        let end = r
            .transactions_count
            .map(|n| r.starting_version.unwrap_or(0).saturating_add(n));
        let cut_after = shared.cut_after.load(Relaxed);
        let (tx, rx) = tokio::sync::mpsc::channel(4);
        tokio::spawn(async move {
            let mut next = r.starting_version.unwrap_or(0);
            let mut sent = 0usize;
            loop {
                if end.is_some_and(|e| next >= e) {
                    return;
                }
                let chunk: Vec<proto::Transaction> = {
                    let all = shared.txns.read().expect("not poisoned");
                    let stop = end.unwrap_or(u64::MAX).min(all.len() as u64);
                    let from = (next as usize).min(all.len());
                    all[from..(stop as usize).min(from + batch).max(from)].to_vec()
                };
                if chunk.is_empty() {
                    // At the head: wait for new transactions, as the
                    // service does.
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    if tx.is_closed() {
                        return;
                    }
                    continue;
                }
                if cut_after > 0 && sent == cut_after {
                    let _ = tx
                        .send(Err(Status::unavailable("stream cut by the stand-in")))
                        .await;
                    return;
                }
                next += chunk.len() as u64;
                let response = proto::TransactionsResponse {
                    transactions: chunk,
                    chain_id: Some(chain_id as u64),
                };
                if tx.send(Ok(response)).await.is_err() {
                    return;
                }
                sent += 1;
            }
        });
        let stream: Stream = Box::pin(ReceiverStream::new(rx));
        std::future::ready(Ok(Response::new(stream)))
    }
}
