//! A local stand-in for an Aptos fullnode's REST API, for tests (cargo
//! feature `standin`).
//!
//! No Aptos node or Move VM installs here, so the write path is checked at
//! the wire: [`Standin`] binds `127.0.0.1:0` and speaks the fullnode's REST
//! shapes, decodes every submitted `SignedTransaction` with aptos-sdk's own
//! types, verifies its signatures against the accounts' authentication keys,
//! enforces sequence numbers and the chain id, and records what it accepted
//! ([`SubmittedTxn`]) so a test can assert on sender, fee payer, function id
//! and BCS arguments. Reads serve what the test installs: view answers from a
//! closure, and a ledger of REST JSON transactions for `GET /v1/transactions`.
//!
//! Routes: `GET /v1` (ledger info), `GET /v1/accounts/{addr}`,
//! `POST /v1/transactions` (BCS, `application/x.aptos.signed_transaction+bcs`),
//! `POST /v1/transactions/simulate`, `GET /v1/transactions/by_hash/{hash}`,
//! `GET /v1/transactions?start=&limit=`, `POST /v1/view`,
//! `GET /v1/estimate_gas_price`. Every response carries the
//! `X-Aptos-Chain-Id`, `X-Aptos-Ledger-Version`, `X-Aptos-Ledger-Oldest-Version`,
//! `X-Aptos-Ledger-TimestampUsec`, `X-Aptos-Epoch` and `X-Aptos-Block-Height`
//! headers, like a real node.
//!
//! Choices where a real node has more behaviour: an unknown account reads as
//! sequence number 0 with its address as authentication key; a submission
//! must carry exactly the next sequence number (committed + pending); a
//! resubmission of a known hash is answered 202 again; `start` past the head
//! is a 400 (`invalid_input`, as a real node) and `start` below
//! [`Standin::prune_before`] a 410 (`version_pruned`). Transactions are
//! written by [`crate::rest`]: committed user transactions show a Lumen entry
//! function's arguments as the REST API renders them, other functions'
//! arguments as the hex of their BCS bytes.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{SystemTime, UNIX_EPOCH};

use aptos_sdk::crypto::derive_authentication_key;
use aptos_sdk::transaction::authenticator::{AccountAuthenticator, TransactionAuthenticator};
use aptos_sdk::transaction::types::{FeePayerRawTransaction, MultiAgentRawTransaction};
use aptos_sdk::transaction::{EntryFunction, SignedTransaction, TransactionPayload};
use aptos_sdk::types::AccountAddress;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};

/// The content type of a BCS-encoded signed transaction.
pub const BCS_SIGNED_TXN: &str = "application/x.aptos.signed_transaction+bcs";

/// A transaction the stand-in accepted, decoded.
#[derive(Clone, Debug)]
pub struct SubmittedTxn {
    /// `0x`-prefixed transaction hash, as the node reports it.
    pub hash: String,
    /// The sender.
    pub sender: AccountAddress,
    /// The sender's sequence number.
    pub sequence_number: u64,
    /// The fee payer of a sponsored transaction.
    pub fee_payer: Option<AccountAddress>,
    /// The entry function called, when the payload is one.
    pub entry_function: Option<EntryFunction>,
    /// The whole decoded transaction.
    pub signed: SignedTransaction,
    /// The BCS body as received.
    pub bcs: Vec<u8>,
    /// Ledger version once committed.
    pub version: Option<u64>,
    /// `None` while pending; `Some(Ok(()))` executed, `Some(Err(vm_status))` aborted.
    pub outcome: Option<Result<(), String>>,
}

impl SubmittedTxn {
    /// `0x<long address>::<module>::<function>`, when an entry function.
    pub fn function_id(&self) -> Option<String> {
        self.entry_function.as_ref().map(|f| {
            format!(
                "{}::{}::{}",
                f.module.address.to_hex(),
                f.module.name.as_str(),
                f.function
            )
        })
    }

    /// The BCS arguments of the entry function (empty otherwise).
    pub fn args(&self) -> &[Vec<u8>] {
        self.entry_function
            .as_ref()
            .map(|f| f.args.as_slice())
            .unwrap_or(&[])
    }
}

/// What the test's executor decides for a submitted transaction: `Ok(events)`
/// (REST JSON events to attach) or `Err(vm_status)` (an abort; the sequence
/// number is still used, as on chain).
pub type Execution = Result<Vec<Value>, String>;

/// When and why the executor runs a transaction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Run {
    /// The ledger clock (seconds).
    pub now: u64,
    /// A simulation (`POST /v1/transactions/simulate`): it must leave no trace.
    pub simulate: bool,
}

type Executor = Arc<dyn Fn(&SubmittedTxn, Run) -> Execution + Send + Sync>;
type ViewHandler = Arc<dyn Fn(&Value, u64) -> Result<Vec<Value>, String> + Send + Sync>;

struct AccountState {
    sequence_number: u64,
    auth_key: [u8; 32],
}

struct Inner {
    chain_id: u8,
    accounts: HashMap<AccountAddress, AccountState>,
    submitted: Vec<SubmittedTxn>,
    by_hash: HashMap<String, usize>,
    ledger: BTreeMap<u64, Value>,
    prune_before: u64,
    failures: VecDeque<u16>,
    views: Option<ViewHandler>,
    view_requests: Vec<Value>,
    executor: Option<Executor>,
    auto_commit: bool,
    now_usecs: Option<u64>,
    requests: u64,
}

impl Inner {
    fn account(&mut self, a: AccountAddress) -> &mut AccountState {
        self.accounts.entry(a).or_insert_with(|| AccountState {
            sequence_number: 0,
            auth_key: a.to_bytes(),
        })
    }

    fn head(&self) -> u64 {
        self.ledger.keys().next_back().copied().unwrap_or(0)
    }

    fn now_usecs(&self) -> u64 {
        self.now_usecs.unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_micros() as u64)
                .unwrap_or(0)
        })
    }

    fn pending_of(&self, a: AccountAddress) -> u64 {
        self.submitted
            .iter()
            .filter(|t| t.sender == a && t.outcome.is_none())
            .count() as u64
    }

    fn commit(&mut self, idx: usize) {
        let txn = self.submitted[idx].clone();
        let ts = self.now_usecs();
        let execution = match &self.executor {
            Some(f) => f(
                &txn,
                Run {
                    now: ts / 1_000_000,
                    simulate: false,
                },
            ),
            None => Ok(vec![]),
        };
        let version = self.head() + 1;
        let (success, vm_status, events) = match &execution {
            Ok(events) => (true, "Executed successfully".to_string(), events.clone()),
            Err(status) => (false, status.clone(), vec![]),
        };
        let rest = crate::rest::user_transaction(
            user_txn_json(&txn),
            crate::rest::Committed {
                version,
                timestamp_us: ts,
                success,
                vm_status,
                events,
                gas_used: 10,
            },
        );
        self.ledger.insert(version, rest);
        let t = &mut self.submitted[idx];
        t.version = Some(version);
        t.outcome = Some(execution.map(|_| ()));
        let sender = t.sender;
        self.account(sender).sequence_number += 1;
    }
}

/// A submission as the node shows it while pending (`fee_payer` for a
/// sponsored one).
fn user_txn_json(t: &SubmittedTxn) -> Value {
    let mut v = crate::rest::pending_transaction(&t.signed, &t.hash, None);
    if let Some(fp) = t.fee_payer {
        v["fee_payer"] = json!(fp.to_hex());
    }
    v
}

/// The local fullnode stand-in. Dropping it stops the server.
pub struct Standin {
    addr: SocketAddr,
    inner: Arc<Mutex<Inner>>,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
}

impl Standin {
    /// Starts a stand-in for chain `chain_id` on `127.0.0.1:0` (a free port).
    pub async fn start(chain_id: u8) -> std::io::Result<Standin> {
        let inner = Arc::new(Mutex::new(Inner {
            chain_id,
            accounts: HashMap::new(),
            submitted: vec![],
            by_hash: HashMap::new(),
            ledger: BTreeMap::new(),
            prune_before: 0,
            failures: VecDeque::new(),
            views: None,
            view_requests: vec![],
            executor: None,
            auto_commit: true,
            now_usecs: None,
            requests: 0,
        }));
        let app = Router::new()
            .route("/v1", get(ledger_info))
            .route("/v1/", get(ledger_info))
            .route("/v1/accounts/{addr}", get(account))
            .route("/v1/transactions", post(submit).get(list_transactions))
            .route("/v1/transactions/simulate", post(simulate))
            .route("/v1/transactions/by_hash/{hash}", get(by_hash))
            .route("/v1/view", post(view))
            .route("/v1/estimate_gas_price", get(gas_price))
            .layer(axum::middleware::from_fn_with_state(inner.clone(), guard))
            .with_state(inner.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(async move {
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = rx.await;
                })
                .await;
        });
        Ok(Standin {
            addr,
            inner,
            shutdown: Some(tx),
        })
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The fullnode URL to configure clients with (`http://127.0.0.1:PORT/v1`).
    pub fn url(&self) -> String {
        format!("http://{}/v1", self.addr)
    }

    /// The socket address served.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The chain id the stand-in reports and requires.
    pub fn chain_id(&self) -> u8 {
        self.lock().chain_id
    }

    /// Sets an account's sequence number and authentication key (for an
    /// account whose key was rotated, or the package account `0xcafe`).
    pub fn set_account(&self, address: AccountAddress, sequence_number: u64, auth_key: [u8; 32]) {
        let mut g = self.lock();
        let a = g.account(address);
        a.sequence_number = sequence_number;
        a.auth_key = auth_key;
    }

    /// An account's committed sequence number.
    pub fn sequence_number(&self, address: AccountAddress) -> u64 {
        self.lock().account(address).sequence_number
    }

    /// Everything accepted so far, in order of submission.
    pub fn submitted(&self) -> Vec<SubmittedTxn> {
        self.lock().submitted.clone()
    }

    /// Commits submissions immediately (the default) or keeps them pending
    /// until [`Standin::commit_pending`].
    pub fn set_auto_commit(&self, on: bool) {
        self.lock().auto_commit = on;
    }

    /// Commits every pending submission, in order.
    pub fn commit_pending(&self) {
        let mut g = self.lock();
        let pending: Vec<usize> = (0..g.submitted.len())
            .filter(|&i| g.submitted[i].outcome.is_none())
            .collect();
        for i in pending {
            g.commit(i);
        }
    }

    /// Decides each submission's outcome and events (default: success, no
    /// events); the closure gets the transaction and the [`Run`] (clock,
    /// simulation). It runs while the stand-in is locked, so it must not
    /// call the [`Standin`] itself.
    pub fn set_executor(
        &self,
        f: impl Fn(&SubmittedTxn, Run) -> Execution + Send + Sync + 'static,
    ) {
        self.lock().executor = Some(Arc::new(f));
    }

    /// Answers `POST /v1/view`: the closure gets the JSON body and the
    /// ledger clock (seconds) and returns the result array, or an error
    /// message (served as a 400 like a Move abort in a view).
    pub fn set_view_handler(
        &self,
        f: impl Fn(&Value, u64) -> Result<Vec<Value>, String> + Send + Sync + 'static,
    ) {
        self.lock().views = Some(Arc::new(f));
    }

    /// The bodies of every `POST /v1/view` received.
    pub fn view_requests(&self) -> Vec<Value> {
        self.lock().view_requests.clone()
    }

    /// Appends REST JSON transactions to the ledger. Each must carry a
    /// `"version"` (decimal string) or gets the next one; returns the
    /// versions.
    pub fn push_transactions(&self, txns: impl IntoIterator<Item = Value>) -> Vec<u64> {
        let mut g = self.lock();
        let mut out = vec![];
        for mut t in txns {
            let version = match t
                .get("version")
                .and_then(Value::as_str)
                .and_then(|s| s.parse().ok())
            {
                Some(v) => v,
                None => {
                    let v = if g.ledger.is_empty() { 0 } else { g.head() + 1 };
                    t["version"] = json!(v.to_string());
                    v
                }
            };
            g.ledger.insert(version, t);
            out.push(version);
        }
        out
    }

    /// Versions below this answer 410 `version_pruned`, like a pruned node.
    pub fn prune_before(&self, version: u64) {
        self.lock().prune_before = version;
    }

    /// The next `n` requests (any route) fail with `status` (429, 500, 503…).
    pub fn fail_next(&self, n: usize, status: u16) {
        let mut g = self.lock();
        g.failures.extend(std::iter::repeat_n(status, n));
    }

    /// Fixes the ledger clock (seconds); otherwise it is the wall clock.
    pub fn set_now_secs(&self, secs: u64) {
        self.lock().now_usecs = Some(secs * 1_000_000);
    }

    /// How many requests were served (failed ones included).
    pub fn request_count(&self) -> u64 {
        self.lock().requests
    }
}

impl Drop for Standin {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

type Shared = Arc<Mutex<Inner>>;

fn lock(s: &Shared) -> MutexGuard<'_, Inner> {
    s.lock().unwrap_or_else(|e| e.into_inner())
}

fn headers(g: &Inner) -> HeaderMap {
    let mut h = HeaderMap::new();
    let mut put = |k: &'static str, v: String| {
        h.insert(k, HeaderValue::from_str(&v).expect("ascii header"));
    };
    put("x-aptos-chain-id", g.chain_id.to_string());
    put("x-aptos-ledger-version", g.head().to_string());
    put("x-aptos-ledger-oldest-version", g.prune_before.to_string());
    put("x-aptos-oldest-ledger-version", g.prune_before.to_string());
    put("x-aptos-ledger-timestampusec", g.now_usecs().to_string());
    put("x-aptos-ledger-timestamp", g.now_usecs().to_string());
    put("x-aptos-epoch", "1".into());
    put("x-aptos-block-height", g.head().to_string());
    put("x-aptos-oldest-block-height", "0".into());
    h
}

fn error(status: StatusCode, code: &str, message: impl Into<String>) -> Response {
    (
        status,
        Json(json!({"message": message.into(), "error_code": code, "vm_error_code": null})),
    )
        .into_response()
}

fn vm_error(message: &str, vm_code: u64) -> Response {
    (
        StatusCode::BAD_REQUEST,
        Json(json!({
            "message": format!("Invalid transaction: Type: Validation Code: {message}"),
            "error_code": "vm_error",
            "vm_error_code": vm_code,
        })),
    )
        .into_response()
}

async fn guard(
    State(s): State<Shared>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let (fail, hdrs) = {
        let mut g = lock(&s);
        g.requests += 1;
        (g.failures.pop_front(), headers(&g))
    };
    let mut resp = match fail {
        Some(code) => {
            let status = StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let mut r = error(
                status,
                "injected_failure",
                format!("injected failure {code}"),
            );
            if code == 429 {
                r.headers_mut()
                    .insert("retry-after", HeaderValue::from_static("0"));
            }
            r
        }
        None => next.run(req).await,
    };
    for (k, v) in hdrs.iter() {
        resp.headers_mut().entry(k).or_insert(v.clone());
    }
    resp
}

async fn ledger_info(State(s): State<Shared>) -> Response {
    let g = lock(&s);
    Json(json!({
        "chain_id": g.chain_id,
        "epoch": "1",
        "ledger_version": g.head().to_string(),
        "oldest_ledger_version": g.prune_before.to_string(),
        "ledger_timestamp": g.now_usecs().to_string(),
        "node_role": "full_node",
        "oldest_block_height": "0",
        "block_height": g.head().to_string(),
        "git_hash": "standin",
    }))
    .into_response()
}

async fn account(State(s): State<Shared>, Path(addr): Path<String>) -> Response {
    let Ok(a) = crate::movejson::parse_address(&addr) else {
        return error(
            StatusCode::BAD_REQUEST,
            "invalid_input",
            format!("invalid address {addr}"),
        );
    };
    let mut g = lock(&s);
    let acc = g.account(a);
    Json(json!({
        "sequence_number": acc.sequence_number.to_string(),
        "authentication_key": format!("0x{}", hex::encode(acc.auth_key)),
    }))
    .into_response()
}

fn decode_txn(headers: &HeaderMap, body: &[u8]) -> Result<SignedTransaction, Box<Response>> {
    let ct = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if ct != BCS_SIGNED_TXN {
        return Err(Box::new(error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            format!("expected content-type {BCS_SIGNED_TXN}, got {ct:?}"),
        )));
    }
    aptos_bcs::from_bytes::<SignedTransaction>(body).map_err(|e| {
        Box::new(error(
            StatusCode::BAD_REQUEST,
            "invalid_input",
            format!("Failed to deserialize input into SignedTransaction: {e}"),
        ))
    })
}

/// The signing message, every (address, authenticator) that must verify,
/// and the fee payer.
type Signers = (
    Vec<u8>,
    Vec<(AccountAddress, AccountAuthenticator)>,
    Option<AccountAddress>,
);

fn signers(t: &SignedTransaction) -> Result<Signers, String> {
    let raw = &t.raw_txn;
    let e = |e: aptos_sdk::AptosError| e.to_string();
    Ok(match &t.authenticator {
        TransactionAuthenticator::Ed25519 {
            public_key,
            signature,
        } => (
            raw.signing_message().map_err(e)?,
            vec![(
                raw.sender,
                AccountAuthenticator::Ed25519 {
                    public_key: public_key.clone(),
                    signature: signature.clone(),
                },
            )],
            None,
        ),
        TransactionAuthenticator::SingleSender { sender } => (
            raw.signing_message().map_err(e)?,
            vec![(raw.sender, sender.clone())],
            None,
        ),
        TransactionAuthenticator::MultiAgent {
            sender,
            secondary_signer_addresses,
            secondary_signers,
        } => {
            if secondary_signer_addresses.len() != secondary_signers.len() {
                return Err("secondary signer count mismatch".into());
            }
            let msg =
                MultiAgentRawTransaction::new(raw.clone(), secondary_signer_addresses.clone())
                    .signing_message()
                    .map_err(e)?;
            let mut all = vec![(raw.sender, sender.clone())];
            all.extend(
                secondary_signer_addresses
                    .iter()
                    .copied()
                    .zip(secondary_signers.iter().cloned()),
            );
            (msg, all, None)
        }
        TransactionAuthenticator::FeePayer {
            sender,
            secondary_signer_addresses,
            secondary_signers,
            fee_payer_address,
            fee_payer_signer,
        } => {
            if secondary_signer_addresses.len() != secondary_signers.len() {
                return Err("secondary signer count mismatch".into());
            }
            let msg = FeePayerRawTransaction::new(
                raw.clone(),
                secondary_signer_addresses.clone(),
                *fee_payer_address,
            )
            .signing_message()
            .map_err(e)?;
            let mut all = vec![(raw.sender, sender.clone())];
            all.extend(
                secondary_signer_addresses
                    .iter()
                    .copied()
                    .zip(secondary_signers.iter().cloned()),
            );
            all.push((*fee_payer_address, fee_payer_signer.clone()));
            (msg, all, Some(*fee_payer_address))
        }
        TransactionAuthenticator::MultiEd25519 { .. } => {
            return Err("multi-ed25519 senders are not supported by the stand-in".into())
        }
    })
}

fn auth_key_of(a: &AccountAuthenticator) -> Result<[u8; 32], String> {
    match a {
        AccountAuthenticator::Ed25519 { public_key, .. } => {
            Ok(derive_authentication_key(&public_key.0, 0))
        }
        other => other
            .derived_address()
            .map(|a| a.to_bytes())
            .map_err(|e| e.to_string()),
    }
}

fn decoded(
    signed: SignedTransaction,
    bcs: Vec<u8>,
    fee_payer: Option<AccountAddress>,
) -> SubmittedTxn {
    let hash = signed.hash().map(|h| h.to_hex()).unwrap_or_default();
    let entry_function = match &signed.raw_txn.payload {
        TransactionPayload::EntryFunction(f) => Some(f.clone()),
        _ => None,
    };
    SubmittedTxn {
        hash,
        sender: signed.raw_txn.sender,
        sequence_number: signed.raw_txn.sequence_number,
        fee_payer,
        entry_function,
        signed,
        bcs,
        version: None,
        outcome: None,
    }
}

async fn submit(State(s): State<Shared>, headers: HeaderMap, body: Bytes) -> Response {
    let signed = match decode_txn(&headers, &body) {
        Ok(t) => t,
        Err(r) => return *r,
    };
    let (msg, sigs, fee_payer) = match signers(&signed) {
        Ok(x) => x,
        Err(m) => return error(StatusCode::BAD_REQUEST, "invalid_input", m),
    };
    let mut g = lock(&s);
    for (addr, auth) in &sigs {
        if let Err(err) = auth.verify(&msg) {
            return vm_error(&format!("INVALID_SIGNATURE ({addr}: {err})"), 1);
        }
        let key = match auth_key_of(auth) {
            Ok(k) => k,
            Err(m) => return vm_error(&format!("INVALID_AUTH_KEY ({m})"), 2),
        };
        if g.account(*addr).auth_key != key {
            return vm_error(&format!("INVALID_AUTH_KEY (signer of {addr})"), 2);
        }
    }
    let raw = &signed.raw_txn;
    if raw.chain_id.id() != g.chain_id {
        return vm_error("BAD_CHAIN_ID", 6);
    }
    if raw.expiration_timestamp_secs * 1_000_000 <= g.now_usecs() {
        return vm_error("TRANSACTION_EXPIRED", 5);
    }
    let txn = decoded(signed, body.to_vec(), fee_payer);
    if let Some(&i) = g.by_hash.get(&txn.hash) {
        let t = g.submitted[i].clone();
        return (StatusCode::ACCEPTED, Json(user_txn_json(&t))).into_response();
    }
    let committed = g.account(txn.sender).sequence_number;
    let expected = committed + g.pending_of(txn.sender);
    if txn.sequence_number < committed {
        return vm_error("SEQUENCE_NUMBER_TOO_OLD", 3);
    }
    if txn.sequence_number != expected {
        return vm_error(&format!("SEQUENCE_NUMBER_TOO_NEW (expected {expected})"), 4);
    }
    tracing::debug!(hash = %txn.hash, sender = %txn.sender, "stand-in accepted a transaction");
    let body = user_txn_json(&txn);
    g.submitted.push(txn);
    let idx = g.submitted.len() - 1;
    let hash = g.submitted[idx].hash.clone();
    g.by_hash.insert(hash, idx);
    if g.auto_commit {
        g.commit(idx);
    }
    (StatusCode::ACCEPTED, Json(body)).into_response()
}

async fn simulate(State(s): State<Shared>, headers: HeaderMap, body: Bytes) -> Response {
    let signed = match decode_txn(&headers, &body) {
        Ok(t) => t,
        Err(r) => return *r,
    };
    let fee_payer = match &signed.authenticator {
        TransactionAuthenticator::FeePayer {
            fee_payer_address, ..
        } => Some(*fee_payer_address),
        _ => None,
    };
    let g = lock(&s);
    let txn = decoded(signed, body.to_vec(), fee_payer);
    let run = Run {
        now: g.now_usecs() / 1_000_000,
        simulate: true,
    };
    let (success, vm_status, events) = match g.executor.as_ref().map(|f| f(&txn, run)) {
        Some(Err(st)) => (false, st, vec![]),
        Some(Ok(ev)) => (true, "Executed successfully".to_string(), ev),
        None => (true, "Executed successfully".to_string(), vec![]),
    };
    let mut v = user_txn_json(&txn);
    v["type"] = json!("user_transaction");
    v["success"] = json!(success);
    v["vm_status"] = json!(vm_status);
    v["gas_used"] = json!("10");
    v["events"] = Value::Array(events);
    v["version"] = json!((g.head() + 1).to_string());
    Json(json!([v])).into_response()
}

async fn by_hash(State(s): State<Shared>, Path(hash): Path<String>) -> Response {
    let g = lock(&s);
    let Some(&i) = g.by_hash.get(&hash.to_lowercase()) else {
        return error(
            StatusCode::NOT_FOUND,
            "transaction_not_found",
            format!("Transaction not found by Transaction hash({hash})"),
        );
    };
    let t = &g.submitted[i];
    match t.version {
        Some(v) => Json(g.ledger[&v].clone()).into_response(),
        None => Json(user_txn_json(t)).into_response(),
    }
}

#[derive(serde::Deserialize)]
struct Page {
    start: Option<u64>,
    limit: Option<u64>,
}

async fn list_transactions(State(s): State<Shared>, Query(p): Query<Page>) -> Response {
    let g = lock(&s);
    let limit = p.limit.unwrap_or(25).clamp(1, 100);
    let head = g.head();
    let start = p.start.unwrap_or_else(|| head.saturating_sub(limit - 1));
    if start < g.prune_before {
        return error(
            StatusCode::GONE,
            "version_pruned",
            format!("Ledger version({start}) has been pruned"),
        );
    }
    if start > head {
        // What a real node answers (api/src/page.rs).
        return error(
            StatusCode::BAD_REQUEST,
            "invalid_input",
            format!(
                "Given start value ({start}) is higher than the current ledger version, it must be < {}",
                head + 1
            ),
        );
    }
    let out: Vec<Value> = g
        .ledger
        .range(start..start.saturating_add(limit))
        .map(|(_, v)| v.clone())
        .collect();
    Json(out).into_response()
}

async fn view(State(s): State<Shared>, Json(body): Json<Value>) -> Response {
    let (handler, now) = {
        let mut g = lock(&s);
        g.view_requests.push(body.clone());
        (g.views.clone(), g.now_usecs() / 1_000_000)
    };
    match handler {
        Some(f) => match f(&body, now) {
            Ok(v) => Json(Value::Array(v)).into_response(),
            Err(m) => error(StatusCode::BAD_REQUEST, "invalid_input", m),
        },
        None => error(
            StatusCode::BAD_REQUEST,
            "invalid_input",
            "no view handler installed",
        ),
    }
}

async fn gas_price() -> Response {
    Json(json!({"gas_estimate": 100, "deprioritized_gas_estimate": 100, "prioritized_gas_estimate": 150}))
        .into_response()
}
