//! A local stand-in for an Aptos fullnode's REST API, for tests, the
//! benchmarks and the demo (cargo feature `standin`): the one fullnode
//! double of the project.
//!
//! No Aptos node or Move VM installs here, so the write path is checked at
//! the wire: [`Standin`] binds `127.0.0.1:0` and speaks the fullnode's REST
//! shapes, decodes every submitted `SignedTransaction` with aptos-sdk's own
//! types, verifies its signatures against the accounts' authentication keys,
//! enforces sequence numbers and the chain id, and records what it accepted
//! ([`SubmittedTxn`]) so a test can assert on sender, fee payer, function id
//! and BCS arguments. What a transaction does is decided by a pluggable
//! executor ([`Standin::set_executor`]; `lumen_model::node::Node` runs the
//! package's entry functions like the contract); views are answered by a
//! pluggable handler. The ledger it serves lives in a pluggable
//! [`LedgerStore`] ([`MemoryLedger`] by default; the benchmarks serve a file
//! rendered before their clock starts), and faults can be injected: any
//! request failing with a status ([`Standin::fail_next`]), submissions
//! refused with a VM status ([`Standin::refuse_next`]), transaction pages
//! failing, cut short or delayed ([`Standin::push_faults`],
//! [`Standin::slow_start`]), a pruned node ([`Standin::prune_before`]), a
//! node lying about its chain ([`Standin::set_header_chain_id`]), short
//! pages ([`Standin::set_max_page`]), a head that grows
//! ([`Standin::set_head_limit`]).
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

use std::collections::{HashMap, VecDeque};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard, RwLock};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use aptos_sdk::transaction::{EntryFunction, SignedTransaction};
use aptos_sdk::types::AccountAddress;
use serde_json::{json, Value};

mod ledger;
mod routes;
mod submit;

pub use ledger::{LedgerStore, MemoryLedger};

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
        self.entry_function.as_ref().map(crate::rest::function_id)
    }

    /// The BCS arguments of the entry function (empty otherwise).
    pub fn args(&self) -> &[Vec<u8>] {
        self.entry_function
            .as_ref()
            .map(|f| f.args.as_slice())
            .unwrap_or(&[])
    }
}

/// What the executor decides for a submitted transaction: `Ok(events)`
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

/// A fault for the next `GET /v1/transactions` request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// HTTP 429 (`retry-after: 0`).
    TooMany,
    /// HTTP 500.
    Internal,
    /// A 200 whose body stops half-way.
    Truncated,
    /// HTTP 404 `version_not_found`, as from a node behind the head.
    NotFound,
    /// The answer comes only after this long (to trip client timeouts).
    Delay(Duration),
}

type Executor = Arc<dyn Fn(&SubmittedTxn, Run) -> Execution + Send + Sync>;
type ViewHandler = Arc<dyn Fn(&Value, u64) -> Result<Vec<Value>, String> + Send + Sync>;
pub(crate) type Ledger = Arc<RwLock<Box<dyn LedgerStore>>>;

struct AccountState {
    sequence_number: u64,
    auth_key: [u8; 32],
}

struct Inner {
    chain_id: u8,
    header_chain_id: Option<u8>,
    accounts: HashMap<AccountAddress, AccountState>,
    submitted: Vec<SubmittedTxn>,
    by_hash: HashMap<String, usize>,
    ledger: Ledger,
    head_limit: Option<u64>,
    prune_before: u64,
    failures: VecDeque<u16>,
    refusals: VecDeque<String>,
    faults: VecDeque<Fault>,
    slow_starts: Vec<(u64, Duration)>,
    max_page: u64,
    views: Option<ViewHandler>,
    view_requests: Vec<Value>,
    executor: Option<Executor>,
    auto_commit: bool,
    now_usecs: Option<u64>,
    requests: u64,
    page_requests: Vec<(u64, u64)>,
    served: u64,
}

fn read(l: &Ledger) -> std::sync::RwLockReadGuard<'_, Box<dyn LedgerStore>> {
    l.read().unwrap_or_else(|e| e.into_inner())
}

fn write(l: &Ledger) -> std::sync::RwLockWriteGuard<'_, Box<dyn LedgerStore>> {
    l.write().unwrap_or_else(|e| e.into_inner())
}

impl Inner {
    fn account(&mut self, a: AccountAddress) -> &mut AccountState {
        self.accounts.entry(a).or_insert_with(|| AccountState {
            sequence_number: 0,
            auth_key: a.to_bytes(),
        })
    }

    /// The highest version served (0 while the ledger is empty).
    fn head(&self) -> u64 {
        let stored = read(&self.ledger).head().unwrap_or(0);
        self.head_limit.map_or(stored, |h| h.min(stored))
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

    /// The version a commit gets: after the head (1 on an empty ledger,
    /// whose version 0 a real chain's genesis would be).
    fn next_version(&self) -> u64 {
        read(&self.ledger).head().unwrap_or(0) + 1
    }

    fn commit(&mut self, idx: usize) {
        let txn = self.submitted[idx].clone();
        let ts = self.now_usecs();
        let run = Run {
            now: ts / 1_000_000,
            simulate: false,
        };
        let execution = match &self.executor {
            Some(f) => f(&txn, run),
            None => Ok(vec![]),
        };
        let version = self.next_version();
        let (success, vm_status, events) = match &execution {
            Ok(events) => (true, "Executed successfully".to_string(), events.clone()),
            Err(status) => (false, status.clone(), vec![]),
        };
        let rest = crate::rest::user_transaction(
            submit::pending_json(&txn),
            crate::rest::Committed {
                version,
                timestamp_us: ts,
                success,
                vm_status,
                events,
                gas_used: 10,
            },
        );
        write(&self.ledger)
            .insert(version, rest)
            .expect("a stand-in that takes submissions has a writable ledger");
        let t = &mut self.submitted[idx];
        t.version = Some(version);
        t.outcome = Some(execution.map(|_| ()));
        let sender = t.sender;
        self.account(sender).sequence_number += 1;
    }
}

/// The local fullnode stand-in. Dropping it stops the server.
pub struct Standin {
    addr: SocketAddr,
    inner: Arc<Mutex<Inner>>,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
}

impl Standin {
    /// Starts a stand-in for chain `chain_id` on `127.0.0.1:0` (a free port),
    /// its ledger in memory.
    pub async fn start(chain_id: u8) -> std::io::Result<Standin> {
        Self::with_ledger(chain_id, MemoryLedger::default()).await
    }

    /// Starts a stand-in serving `ledger`.
    pub async fn with_ledger(chain_id: u8, ledger: impl LedgerStore) -> std::io::Result<Standin> {
        let inner = Arc::new(Mutex::new(Inner {
            chain_id,
            header_chain_id: None,
            accounts: HashMap::new(),
            submitted: vec![],
            by_hash: HashMap::new(),
            ledger: Arc::new(RwLock::new(Box::new(ledger))),
            head_limit: None,
            prune_before: 0,
            failures: VecDeque::new(),
            refusals: VecDeque::new(),
            faults: VecDeque::new(),
            slow_starts: vec![],
            max_page: 100,
            views: None,
            view_requests: vec![],
            executor: None,
            auto_commit: true,
            now_usecs: None,
            requests: 0,
            page_requests: vec![],
            served: 0,
        }));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let addr = listener.local_addr()?;
        let app = routes::router(inner.clone());
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
        let g = self.lock();
        let mut ledger = write(&g.ledger);
        let mut out = vec![];
        for mut t in txns {
            let version = match t
                .get("version")
                .and_then(Value::as_str)
                .and_then(|s| s.parse().ok())
            {
                Some(v) => v,
                None => {
                    let v = ledger.head().map_or(0, |h| h + 1);
                    t["version"] = json!(v.to_string());
                    v
                }
            };
            ledger
                .insert(version, t)
                .expect("pushing to a read-only ledger");
            out.push(version);
        }
        out
    }

    /// Serves versions up to `head` only (`None`: everything stored), as a
    /// node the chain has not reached yet.
    pub fn set_head_limit(&self, head: Option<u64>) {
        self.lock().head_limit = head;
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

    /// The next `n` transaction submissions that pass the signature and
    /// chain checks are refused at validation with this VM status (a 400
    /// `vm_error`), as a node refuses e.g. a sender that cannot pay the gas
    /// (`INSUFFICIENT_BALANCE_FOR_TRANSACTION_FEE`).
    pub fn refuse_next(&self, n: usize, vm_status: &str) {
        let mut g = self.lock();
        g.refusals
            .extend(std::iter::repeat_n(vm_status.to_string(), n));
    }

    /// Faults for the next `GET /v1/transactions` requests, in order.
    pub fn push_faults(&self, faults: &[Fault]) {
        self.lock().faults.extend(faults.iter().copied());
    }

    /// The page starting at `start` is answered only after `delay` (pages
    /// finish out of order).
    pub fn slow_start(&self, start: u64, delay: Duration) {
        self.lock().slow_starts.push((start, delay));
    }

    /// The most transactions one page returns (100, like a fullnode, by default).
    pub fn set_max_page(&self, n: u64) {
        self.lock().max_page = n.max(1);
    }

    /// Reports `chain_id` in the response headers (the ledger info keeps the
    /// real one): a node whose answers switch chains.
    pub fn set_header_chain_id(&self, chain_id: u8) {
        self.lock().header_chain_id = Some(chain_id);
    }

    /// Fixes the ledger clock (seconds); otherwise it is the wall clock.
    pub fn set_now_secs(&self, secs: u64) {
        self.lock().now_usecs = Some(secs * 1_000_000);
    }

    /// How many requests were served (failed ones included).
    pub fn request_count(&self) -> u64 {
        self.lock().requests
    }

    /// `(start, limit)` of every `GET /v1/transactions` request so far.
    pub fn page_requests(&self) -> Vec<(u64, u64)> {
        self.lock().page_requests.clone()
    }

    /// Transactions served by `GET /v1/transactions` so far.
    pub fn served(&self) -> u64 {
        self.lock().served
    }
}

impl Drop for Standin {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}
