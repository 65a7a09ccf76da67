//! Aptos' Transaction Stream (gRPC `aptos.indexer.v1.RawData/GetTransactions`),
//! as served by the hosted Transaction Stream Service and by self-hosted
//! data services: the production transport.
//!
//! A task reads the stream ahead into a small queue; the pipeline takes its
//! pages in order. A dropped stream is reopened from the last version
//! received; every (re)opening asks for the version before it first and
//! checks that transaction's hash, so a service that serves another ledger
//! is caught at once. A following source retries for as long as it takes,
//! a backfill gives up after its attempts.

use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::mpsc;
use tokio::task::JoinHandle;
use tonic::transport::{Channel, ClientTlsConfig, Endpoint};

use super::{
    install_crypto_provider, with_causes, Page, RawEvent, RetryPolicy, SourceError, Transaction,
};
use crate::metrics::METRICS;

pub mod proto;
#[cfg(any(test, feature = "grpc-standin"))]
pub mod standin;

/// Settings of a [`GrpcSource`].
#[derive(Debug, Clone)]
pub struct GrpcConfig {
    /// The service, e.g. `https://grpc.mainnet.aptoslabs.com:443`.
    pub url: String,
    /// Sent as `authorization: Bearer <token>` (the hosted service's API key).
    pub auth_token: Option<String>,
    /// Transactions per response (`None`: the service's default).
    pub batch_size: Option<u64>,
    /// Connect timeout.
    pub connect_timeout: Duration,
    /// Retry policy for a dropped or refused stream.
    pub retry: RetryPolicy,
    /// The last version to read (a backfill, which gives up after its
    /// attempts); `None`: follow the chain for ever.
    pub stop_at: Option<u64>,
}

impl GrpcConfig {
    /// Defaults for `url`.
    pub fn new(url: impl Into<String>) -> Self {
        Self {
            url: url.into(),
            auth_token: None,
            batch_size: None,
            connect_timeout: Duration::from_secs(10),
            retry: RetryPolicy::default(),
            stop_at: None,
        }
    }
}

/// Largest response accepted (a batch of big transactions).
const MAX_MESSAGE_BYTES: usize = 256 << 20;
/// Pages read ahead of the pipeline.
const READ_AHEAD: usize = 4;

/// The Transaction Stream source.
pub struct GrpcSource {
    pages: mpsc::Receiver<Result<Page, SourceError>>,
    /// The newest version the task received (read ahead or handed out).
    received: Arc<AtomicU64>,
    task: JoinHandle<()>,
}

/// What the reading task knows of the stream.
struct Reader {
    cfg: GrpcConfig,
    channel: Channel,
    /// Next version to hand out.
    position: u64,
    /// The version before `position` and its hash, checked on reopening.
    anchor: Option<(u64, String)>,
    chain_id: Option<u8>,
    received: Arc<AtomicU64>,
}

/// Why a stream stopped.
enum Stop {
    /// Worth reopening.
    Transient(String),
    Fatal(SourceError),
    /// Everything up to `stop_at` was handed out, or nobody reads any more.
    Done,
}

impl GrpcSource {
    /// Opens the stream at `start`; `expected_chain` (from the database) must
    /// match the service's, and `anchor` (the database's last version and
    /// its hash) must be on its ledger. Returns the source and the service's
    /// chain id, once its first response came.
    pub async fn connect(
        cfg: GrpcConfig,
        start: u64,
        expected_chain: Option<u8>,
        anchor: Option<(u64, String)>,
    ) -> Result<(Self, u8), SourceError> {
        install_crypto_provider();
        let bad_url = |detail: String| SourceError::Http {
            url: cfg.url.clone(),
            detail,
        };
        let mut endpoint = Endpoint::from_shared(cfg.url.clone())
            .map_err(|e| bad_url(format!("not a usable gRPC URL: {}", with_causes(&e))))?
            .connect_timeout(cfg.connect_timeout)
            .tcp_nodelay(true)
            .http2_keep_alive_interval(Duration::from_secs(30))
            .keep_alive_while_idle(true);
        if cfg.url.starts_with("https://") {
            endpoint = endpoint
                .tls_config(ClientTlsConfig::new().with_native_roots())
                .map_err(|e| bad_url(format!("TLS set-up failed: {}", with_causes(&e))))?;
        }
        let received = Arc::new(AtomicU64::new(start.saturating_sub(1)));
        let (tx, mut pages) = mpsc::channel(READ_AHEAD);
        let reader = Reader {
            cfg,
            channel: endpoint.connect_lazy(),
            position: start,
            anchor,
            chain_id: expected_chain,
            received: received.clone(),
        };
        let (chain_tx, chain_rx) = tokio::sync::oneshot::channel();
        let task = tokio::spawn(reader.run(tx, chain_tx));
        let chain_id = match chain_rx.await {
            Ok(id) => id,
            // The task ended before the first response: its error says why.
            Err(_) => match pages.recv().await {
                Some(Err(e)) => return Err(e),
                _ => return Err(SourceError::Task("the stream ended at once".into())),
            },
        };
        Ok((
            Self {
                pages,
                received,
                task,
            },
            chain_id,
        ))
    }

    /// The next page in version order; `None` once `stop_at` was reached.
    pub async fn next_page(&mut self) -> Result<Option<Page>, SourceError> {
        self.pages.recv().await.transpose()
    }

    /// The newest version received so far: the pipeline has caught up with
    /// the stream once it handed out this one.
    pub fn head(&self) -> Option<u64> {
        Some(self.received.load(Relaxed))
    }
}

impl Drop for GrpcSource {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// A service answer that no retry will change.
fn fatal_status(s: &tonic::Status) -> bool {
    use tonic::Code::*;
    matches!(
        s.code(),
        InvalidArgument
            | NotFound
            | PermissionDenied
            | Unauthenticated
            | Unimplemented
            | OutOfRange
            | FailedPrecondition
    )
}

impl Reader {
    async fn run(
        mut self,
        pages: mpsc::Sender<Result<Page, SourceError>>,
        chain: tokio::sync::oneshot::Sender<u8>,
    ) {
        let mut chain = Some(chain);
        let mut attempt = 0u32;
        let forever = self.cfg.stop_at.is_none();
        loop {
            let before = self.position;
            let stop = self.stream(&pages, &mut chain).await;
            if self.position > before {
                attempt = 0;
            }
            let reason = match stop {
                Stop::Done => return,
                Stop::Fatal(e) => {
                    let _ = pages.send(Err(e)).await;
                    return;
                }
                Stop::Transient(r) => r,
            };
            attempt += 1;
            METRICS.node_unreachable(&reason);
            if !forever && attempt >= self.cfg.retry.max_attempts {
                let _ = pages
                    .send(Err(SourceError::RetriesExhausted {
                        url: self.cfg.url.clone(),
                        attempts: attempt,
                        last: reason,
                    }))
                    .await;
                return;
            }
            let delay = self.cfg.retry.delay(attempt.min(16));
            tracing::warn!(url = %self.cfg.url, attempt, ?delay, %reason, "transaction stream interrupted, reopening");
            METRICS.inc_fetch_retries();
            tokio::time::sleep(delay).await;
        }
    }

    /// Opens the stream at the position and hands its pages out until it
    /// stops.
    async fn stream(
        &mut self,
        pages: &mpsc::Sender<Result<Page, SourceError>>,
        chain: &mut Option<tokio::sync::oneshot::Sender<u8>>,
    ) -> Stop {
        if self.cfg.stop_at.is_some_and(|last| self.position > last) {
            return Stop::Done;
        }
        // Ask for the anchor too, to check it is on this ledger.
        let check = self.anchor.clone().filter(|(v, _)| v + 1 == self.position);
        let from = check.as_ref().map_or(self.position, |(v, _)| *v);
        let request = proto::GetTransactionsRequest {
            starting_version: Some(from),
            transactions_count: self.cfg.stop_at.map(|last| last + 1 - from),
            batch_size: self.cfg.batch_size,
        };
        let mut req = tonic::Request::new(request);
        if let Some(token) = &self.cfg.auth_token {
            match format!("Bearer {token}").parse() {
                Ok(v) => {
                    req.metadata_mut().insert("authorization", v);
                }
                Err(_) => {
                    return Stop::Fatal(SourceError::Http {
                        url: self.cfg.url.clone(),
                        detail: "the auth token is not a valid header value".into(),
                    })
                }
            }
        }
        let mut grpc = tonic::client::Grpc::new(self.channel.clone())
            .max_decoding_message_size(MAX_MESSAGE_BYTES);
        if let Err(e) = grpc.ready().await {
            return Stop::Transient(format!("connect: {}", with_causes(&e)));
        }
        let codec = tonic_prost::ProstCodec::<
            proto::GetTransactionsRequest,
            proto::TransactionsResponse,
        >::default();
        let path = tonic::codegen::http::uri::PathAndQuery::from_static(proto::GET_TRANSACTIONS);
        let mut stream = match grpc.server_streaming(req, path, codec).await {
            Ok(r) => r.into_inner(),
            Err(s) if fatal_status(&s) => return Stop::Fatal(self.status_error(&s)),
            Err(s) => return Stop::Transient(self.status_text(&s)),
        };
        let mut check = check;
        loop {
            let msg = match stream.message().await {
                Ok(Some(m)) => m,
                Ok(None) if self.cfg.stop_at.is_some_and(|last| self.position > last) => {
                    return Stop::Done
                }
                Ok(None) => return Stop::Transient("the service ended the stream".into()),
                Err(s) if fatal_status(&s) => return Stop::Fatal(self.status_error(&s)),
                Err(s) => return Stop::Transient(self.status_text(&s)),
            };
            METRICS.node_reachable();
            if let Some(id) = msg.chain_id {
                let id = id as u8;
                match self.chain_id {
                    Some(expected) if expected != id => {
                        return Stop::Fatal(SourceError::ChainIdMismatch {
                            expected,
                            actual: id,
                        })
                    }
                    _ => self.chain_id = Some(id),
                }
                if let Some(tx) = chain.take() {
                    let _ = tx.send(id);
                }
            }
            let mut txns = Vec::with_capacity(msg.transactions.len());
            for t in msg.transactions {
                let t = match transaction(t) {
                    Ok(t) => t,
                    Err(detail) => {
                        return Stop::Fatal(SourceError::Http {
                            url: self.cfg.url.clone(),
                            detail,
                        })
                    }
                };
                if let Some((version, hash)) = check.take() {
                    if t.version == version {
                        if t.hash
                            .as_deref()
                            .is_some_and(|h| h.eq_ignore_ascii_case(&hash))
                        {
                            continue;
                        }
                        return Stop::Fatal(SourceError::LedgerReset {
                            detail: format!(
                                "its transaction {version} has hash {}, the database's has {hash}",
                                t.hash.as_deref().unwrap_or("(none)")
                            ),
                        });
                    }
                }
                if t.version != self.position + txns.len() as u64 {
                    return Stop::Transient(format!(
                        "expected version {}, the stream sent {}",
                        self.position + txns.len() as u64,
                        t.version
                    ));
                }
                txns.push(t);
            }
            let Some(last) = txns.last() else { continue };
            let (last_version, last_hash) = (last.version, last.hash.clone());
            self.received.store(last_version, Relaxed);
            METRICS.set_chain_head(last_version);
            let page = Page {
                transactions: txns,
                ledger_version: None,
            };
            if pages.send(Ok(page)).await.is_err() {
                return Stop::Done;
            }
            self.position = last_version + 1;
            self.anchor = last_hash.map(|h| (last_version, h));
        }
    }

    fn status_text(&self, s: &tonic::Status) -> String {
        let mut text = format!("{:?}: {}", s.code(), s.message());
        if let Some(cause) = std::error::Error::source(s) {
            text.push_str(": ");
            text.push_str(&with_causes(cause));
        }
        text
    }

    fn status_error(&self, s: &tonic::Status) -> SourceError {
        SourceError::Http {
            url: self.cfg.url.clone(),
            detail: self.status_text(s),
        }
    }
}

/// A streamed transaction in the shape the REST source reads.
fn transaction(t: proto::Transaction) -> Result<Transaction, String> {
    use proto::TxnData;
    let kind =
        proto::TransactionType::try_from(t.r#type).unwrap_or(proto::TransactionType::Unspecified);
    let events = match t.txn_data {
        Some(TxnData::User(u)) => u.events,
        Some(TxnData::BlockMetadata(b)) => b.events,
        Some(TxnData::Genesis(g)) => g.events,
        None => Vec::new(),
    };
    let events = events
        .into_iter()
        .map(|e| {
            Ok(RawEvent {
                type_str: e.type_str,
                data: serde_json::value::RawValue::from_string(e.data).map_err(|err| {
                    format!("version {}: event data is not JSON: {err}", t.version)
                })?,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    let info = t.info.unwrap_or_default();
    Ok(Transaction {
        version: t.version,
        kind: kind.rest_name().to_string(),
        timestamp: t
            .timestamp
            .map(|ts| (ts.seconds.max(0) as u64) * 1_000_000 + (ts.nanos.max(0) as u64) / 1_000),
        success: info.success,
        events,
        hash: Some(format!("0x{}", hex::encode(&info.hash))),
        // Every block is in epoch 1 or later (genesis alone is in 0, and has
        // no block metadata); the REST API gives the epoch of blocks only.
        epoch: (t.epoch > 0).then_some(t.epoch),
    })
}
