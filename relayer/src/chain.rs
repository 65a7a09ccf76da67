//! Talking to an Aptos fullnode: reading sequence numbers, submitting BCS
//! signed transactions, and the submitter that drains the durable queue.

use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use aptos_sdk::account::Ed25519Account;
use aptos_sdk::transaction::{EntryFunction, SignedTransaction};
use aptos_sdk::ChainId;
use lumen_sdk::tx::{self, TxnOptions};
use lumen_sdk::{payloads, AccountAddress, Package};
use serde_json::Value;

use crate::protocol::{parse_public_key, parse_signature};
use crate::queue::{Job, JobKind, JobState, Queue, QueueError};

/// The content type of a BCS signed transaction.
const BCS_SIGNED_TXN: &str = "application/x.aptos.signed_transaction+bcs";

/// A node request failed.
#[derive(Debug, thiserror::Error)]
pub enum NodeError {
    /// Worth retrying: connection errors, timeouts, 429 and 5xx.
    #[error("node unavailable: {0}")]
    Transient(String),
    /// The node refused the request (4xx other than 429).
    #[error("node refused: {0}")]
    Refused(String),
}

/// What the node knows about a transaction hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TxnStatus {
    /// In the mempool.
    Pending,
    /// Executed (successfully or not).
    Committed {
        /// Ledger version.
        version: Option<u64>,
        /// Whether it succeeded.
        success: bool,
        /// VM status.
        vm_status: String,
    },
}

/// A minimal fullnode REST client.
#[derive(Clone)]
pub struct Node {
    base: String,
    http: reqwest::Client,
}

fn transient(e: reqwest::Error) -> NodeError {
    NodeError::Transient(e.to_string())
}

impl Node {
    /// A client for the node at `base` (e.g. `http://127.0.0.1:8080`, with or without `/v1`).
    pub fn new(base: &str) -> Node {
        let base = base
            .trim_end_matches('/')
            .trim_end_matches("/v1")
            .to_string();
        Node {
            base,
            http: crate::http_client(Duration::from_secs(20)),
        }
    }

    async fn get_json(&self, path: &str) -> Result<Option<Value>, NodeError> {
        let resp = self
            .http
            .get(format!("{}/v1{path}", self.base))
            .send()
            .await
            .map_err(transient)?;
        let status = resp.status();
        if status.as_u16() == 404 {
            return Ok(None);
        }
        let body = resp.text().await.map_err(transient)?;
        if status.as_u16() == 429 || status.is_server_error() {
            return Err(NodeError::Transient(format!("GET {path}: {status} {body}")));
        }
        if !status.is_success() {
            return Err(NodeError::Refused(format!("GET {path}: {status} {body}")));
        }
        serde_json::from_str(&body)
            .map(Some)
            .map_err(|e| NodeError::Refused(format!("GET {path}: bad JSON: {e}")))
    }

    /// The node's chain id.
    pub async fn chain_id(&self) -> Result<u8, NodeError> {
        let index = self
            .get_json("")
            .await?
            .ok_or_else(|| NodeError::Refused("GET /v1: not found".into()))?;
        index["chain_id"]
            .as_u64()
            .map(|c| c as u8)
            .ok_or_else(|| NodeError::Refused("GET /v1: no chain_id".into()))
    }

    /// The account's next sequence number (0 for an account not on chain yet).
    pub async fn sequence_number(&self, a: AccountAddress) -> Result<u64, NodeError> {
        match self.get_json(&format!("/accounts/{}", a.to_hex())).await? {
            None => Ok(0),
            Some(account) => account["sequence_number"]
                .as_str()
                .and_then(|s| s.parse().ok())
                .ok_or_else(|| NodeError::Refused("account has no sequence_number".into())),
        }
    }

    /// Calls a view function with a `POST /v1/view` body; returns the values.
    pub async fn view(&self, body: &Value) -> Result<Vec<Value>, NodeError> {
        let resp = self
            .http
            .post(format!("{}/v1/view", self.base))
            .json(body)
            .send()
            .await
            .map_err(transient)?;
        let status = resp.status();
        let text = resp.text().await.map_err(transient)?;
        if status.as_u16() == 429 || status.is_server_error() {
            return Err(NodeError::Transient(format!("view: {status} {text}")));
        }
        if !status.is_success() {
            return Err(NodeError::Refused(format!("view: {status} {text}")));
        }
        serde_json::from_str(&text).map_err(|e| NodeError::Refused(format!("view: bad JSON: {e}")))
    }

    /// Submits BCS bytes of a signed transaction.
    pub async fn submit(&self, bcs: &[u8]) -> Result<(), NodeError> {
        let resp = self
            .http
            .post(format!("{}/v1/transactions", self.base))
            .header("content-type", BCS_SIGNED_TXN)
            .body(bcs.to_vec())
            .send()
            .await
            .map_err(transient)?;
        let status = resp.status();
        let body = resp.text().await.unwrap_or_default();
        if status.is_success() {
            Ok(())
        } else if status.as_u16() == 429 || status.is_server_error() {
            Err(NodeError::Transient(format!("{status} {body}")))
        } else {
            Err(NodeError::Refused(format!("{status} {body}")))
        }
    }

    /// What the node knows about a transaction hash (`None`: not known).
    pub async fn transaction(&self, hash: &str) -> Result<Option<TxnStatus>, NodeError> {
        let Some(transaction) = self
            .get_json(&format!("/transactions/by_hash/{hash}"))
            .await?
        else {
            return Ok(None);
        };
        if transaction["type"] == "pending_transaction" {
            return Ok(Some(TxnStatus::Pending));
        }
        Ok(Some(TxnStatus::Committed {
            version: transaction["version"].as_str().and_then(|s| s.parse().ok()),
            success: transaction["success"].as_bool().unwrap_or(false),
            vm_status: transaction["vm_status"].as_str().unwrap_or("").to_string(),
        }))
    }
}

/// The attester's signing setup.
pub struct Signer {
    /// The attester account (the transactions' sender).
    pub attester: Ed25519Account,
    /// Pays the gas when set (a sponsored, fee-payer transaction).
    pub fee_payer: Option<Ed25519Account>,
    /// Chain id.
    pub chain_id: u8,
    /// The package.
    pub package: Package,
    /// Gas and expiry.
    pub options: TxnOptions,
}

impl Signer {
    /// The entry function a job calls.
    pub fn payload(&self, kind: &JobKind) -> Result<EntryFunction, String> {
        Ok(match kind {
            JobKind::Attest {
                report,
                score,
                public_key,
                signature,
                ..
            } => {
                let key = parse_public_key(public_key).ok_or("stored public key is malformed")?;
                let signature =
                    parse_signature(signature).ok_or("stored signature is malformed")?;
                payloads::attest_report(&self.package, report, *score, &key, &signature)
            }
            JobKind::Uptime {
                epoch,
                workers,
                online_secs,
            } => payloads::rewards::report_uptime(&self.package, *epoch, workers, online_secs),
        })
    }

    /// Signs `payload` with sequence number `seq` (the sdk's builders; the
    /// fee payer's form when one is configured).
    pub fn sign(&self, payload: EntryFunction, seq: u64) -> Result<SignedTransaction, String> {
        let sender = self.attester.address();
        let chain = ChainId::new(self.chain_id);
        let text = |e: tx::TxError| e.to_string();
        match &self.fee_payer {
            None => {
                let raw =
                    tx::build_raw(sender, seq, chain, payload, &self.options).map_err(text)?;
                tx::sign(&raw, &self.attester).map_err(text)
            }
            Some(fee_payer) => {
                let sponsored = tx::build_sponsored(
                    sender,
                    seq,
                    fee_payer.address(),
                    chain,
                    payload,
                    &self.options,
                )
                .map_err(text)?;
                tx::sign_sponsored(&sponsored, &self.attester, fee_payer).map_err(text)
            }
        }
    }
}

fn now_secs() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Drains the queue in order, one transaction in flight at a time, which
/// keeps the sequence numbers gap-free.
pub struct Submitter {
    /// The queue.
    pub queue: Arc<Queue>,
    /// The node.
    pub node: Node,
    /// Signing setup.
    pub signer: Signer,
    /// Pause between polls and after transient errors (doubles up to 32×).
    pub poll: Duration,
}

/// One step's outcome.
enum Step {
    /// Progress was made; go on at once.
    Progress,
    /// Nothing to do or waiting for the node.
    Wait,
}

impl Submitter {
    /// Runs forever.
    pub async fn run(self) {
        let mut backoff = self.poll;
        loop {
            match self.step().await {
                Ok(Step::Progress) => backoff = self.poll,
                Ok(Step::Wait) => {
                    backoff = self.poll;
                    tokio::time::sleep(backoff).await;
                }
                Err(e) => {
                    tracing::warn!(error = %e, "submitter: will retry");
                    if let Err(e) = self.queue.note_error(&e.to_string()) {
                        tracing::error!(error = %e, "recording the submitter's error");
                    }
                    tokio::time::sleep(backoff).await;
                    backoff = (backoff * 2).min(self.poll * 32);
                }
            }
        }
    }

    async fn step(&self) -> Result<Step, SubmitError> {
        let Some(mut job) = self.queue.next_open()? else {
            return Ok(Step::Wait);
        };
        // Any change recorded below is progress past the last error.
        job.last_error = None;
        let metrics = self.queue.metrics();
        match job.state.clone() {
            JobState::Queued => {
                let payload = match self.signer.payload(&job.kind) {
                    Ok(p) => p,
                    Err(error) => {
                        job.state = JobState::Failed { error };
                        self.queue.update(&job)?;
                        return Ok(Step::Progress);
                    }
                };
                let seq = self
                    .node
                    .sequence_number(self.signer.attester.address())
                    .await?;
                let signed = self.signer.sign(payload, seq).map_err(SubmitError::Sign)?;
                let expires_at = signed.raw_txn.expiration_timestamp_secs;
                let hash = signed
                    .hash()
                    .map_err(|e| SubmitError::Sign(e.to_string()))?;
                let bcs = signed
                    .to_bcs()
                    .map_err(|e| SubmitError::Sign(e.to_string()))?;
                // Recorded before it is sent: after a crash the hash is asked
                // for before anything is sent again.
                job.state = JobState::Signed {
                    hash: hash.to_hex(),
                    sequence_number: seq,
                    expires_at,
                    bcs: hex::encode(bcs),
                };
                self.queue.update(&job)?;
                tracing::info!(job = job.seq, key = %job.key, seq, hash = %hash, "signed");
                Ok(Step::Progress)
            }
            JobState::Signed {
                hash,
                sequence_number,
                expires_at,
                bcs,
            } => match self.node.transaction(&hash).await? {
                Some(TxnStatus::Committed {
                    version,
                    success,
                    vm_status,
                }) => {
                    tracing::info!(job = job.seq, %hash, success, %vm_status, "committed");
                    job.state = JobState::Done {
                        hash,
                        version,
                        success,
                        vm_status,
                    };
                    self.queue.update(&job)?;
                    Ok(Step::Progress)
                }
                Some(TxnStatus::Pending) => Ok(Step::Wait),
                None if now_secs() >= expires_at => {
                    // It never reached the chain and can no longer: sign anew.
                    tracing::warn!(job = job.seq, %hash, "expired unsubmitted; re-signing");
                    metrics.resigned.fetch_add(1, Ordering::Relaxed);
                    job.state = JobState::Queued;
                    self.queue.update(&job)?;
                    Ok(Step::Progress)
                }
                None => {
                    let bytes = hex::decode(&bcs).map_err(|e| SubmitError::Sign(e.to_string()))?;
                    job.attempts += 1;
                    self.queue.record_attempt(&job)?;
                    metrics.sent.fetch_add(1, Ordering::Relaxed);
                    match self.node.submit(&bytes).await {
                        Ok(()) => {
                            tracing::info!(job = job.seq, %hash, sequence_number, "submitted");
                            Ok(Step::Progress)
                        }
                        Err(NodeError::Refused(m)) => match refusal(&m) {
                            Refusal::Stale => {
                                // The account's sequence number moved on
                                // without this transaction, or it expired on
                                // the way: the job is still owed, so it is
                                // signed anew.
                                tracing::warn!(job = job.seq, %m, "refused as stale; re-signing");
                                metrics.resigned.fetch_add(1, Ordering::Relaxed);
                                job.state = JobState::Queued;
                                self.queue.update(&job)?;
                                Ok(Step::Progress)
                            }
                            // Kept as signed: the same bytes go again after
                            // the backoff, or are signed anew once expired.
                            Refusal::Passing => Err(SubmitError::Passing(m)),
                            Refusal::Permanent => {
                                tracing::error!(job = job.seq, %m, "refused for good");
                                job.state = JobState::Failed { error: m };
                                self.queue.update(&job)?;
                                Ok(Step::Progress)
                            }
                        },
                        Err(e) => Err(e.into()),
                    }
                }
            },
            JobState::Done { .. } | JobState::Failed { .. } => Ok(Step::Progress),
        }
    }
}

/// How the submitter treats a node's refusal of a transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The transaction can no longer be taken (its sequence number is
    /// stale or it expired): the job is signed anew.
    Stale,
    /// The node may take the same transaction later (the account cannot
    /// pay the gas yet, the mempool is full): sent again after a backoff.
    Passing,
    /// No retry can help (a malformed or wrongly signed transaction, a
    /// wrong chain, a gas setting the node never takes): the job fails and
    /// the refusal is reported.
    Permanent,
}

/// Node VM statuses that pass with time (the account is topped up, the
/// mempool drains, the account is created).
const PASSING: [&str; 4] = [
    "INSUFFICIENT_BALANCE_FOR_TRANSACTION_FEE",
    "MEMPOOL_IS_FULL",
    "SENDING_ACCOUNT_DOES_NOT_EXIST",
    "ACCOUNT_DOES_NOT_EXIST",
];

/// Classifies a node's refusal message (its VM status).
pub fn refusal(message: &str) -> Refusal {
    if message.contains("SEQUENCE_NUMBER") || message.contains("TRANSACTION_EXPIRED") {
        Refusal::Stale
    } else if PASSING.iter().any(|p| message.contains(p)) {
        Refusal::Passing
    } else {
        Refusal::Permanent
    }
}

/// A submitter step failed.
#[derive(Debug, thiserror::Error)]
enum SubmitError {
    #[error(transparent)]
    Node(#[from] NodeError),
    #[error("node refused for now (tried again): {0}")]
    Passing(String),
    #[error(transparent)]
    Queue(#[from] QueueError),
    #[error("signing failed: {0}")]
    Sign(String),
}

/// Checks that `job` is what the node should see: used by tests and the
/// `jobs` endpoint to show the decoded transaction.
pub fn describe(job: &Job) -> String {
    match &job.kind {
        JobKind::Attest { report, .. } => {
            format!("attest worker {} nonce {}", report.worker, report.nonce)
        }
        JobKind::Uptime { epoch, workers, .. } => {
            format!("report_uptime epoch {epoch}, {} workers", workers.len())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_are_stale_passing_or_permanent() {
        let v = |s: &str| {
            format!("400 Bad Request {{\"message\":\"Invalid transaction: Type: Validation Code: {s}\"}}")
        };
        assert_eq!(refusal(&v("SEQUENCE_NUMBER_TOO_OLD")), Refusal::Stale);
        assert_eq!(refusal(&v("TRANSACTION_EXPIRED")), Refusal::Stale);
        for passing in PASSING {
            assert_eq!(refusal(&v(passing)), Refusal::Passing, "{passing}");
        }
        assert_eq!(refusal(&v("INVALID_SIGNATURE")), Refusal::Permanent);
        assert_eq!(
            refusal(&v("MAX_GAS_UNITS_BELOW_MIN_TRANSACTION_GAS_UNITS")),
            Refusal::Permanent
        );
    }
}
