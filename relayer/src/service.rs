//! `lumen-relayer serve`: the attester service. It hands out challenges,
//! verifies signed reports ([`crate::verify`]) and liveness answers
//! ([`liveness`]), and queues
//! `attestation::attest` and per-epoch `rewards::report_uptime`
//! transactions in the durable queue ([`crate::queue`]) that the submitter
//! ([`crate::chain::Submitter`]) drains.
//!
//! Its own state (issued challenges, device bindings, liveness uptime) is
//! one JSON file in the state directory, replaced atomically on every change.
//! An answer is two requests per timed round ([`reports`]): the signed
//! report with the commitment to the round's work, whose arrival ends the
//! round's measured time (before the last round the service answers with
//! the next round's seeds at its scheduled start), which the state records,
//! after the last round with the outputs the service then picks to check in
//! every round; and the openings of those outputs. The score is the median
//! round's. An accepted report is recorded by its
//! queued job alone, under the key `attest:<challenge id>`: the queue is
//! consulted first on every report (a queued key means the challenge is
//! used), and the device bindings are rebuilt from the queued reports when
//! the service starts, so a crash at any point can neither lose a report
//! nor let a challenge be used twice or draw its picks twice. Reports verified at the same
//! time are committed together (one queue file for the whole group), so
//! concurrent workers share the fsyncs instead of waiting for one each.
//!
//! A network address is a machine. A worker's open challenge and its
//! liveness belong to the address its device was challenged from and
//! attested from: a copy of the device key on a second machine can neither
//! hold a challenge beside the first one's nor answer for it
//! ([`Rejection::OtherMachine`]). With [`Policy::one_machine_per_address`],
//! once a device was attested from an address, the devices there are
//! challenged together in one round issued at one instant
//! ([`Service::challenge_round`]): one device answering in turn for several
//! made-up device ids misses the later deadlines.
//!
//! What a client can make it hold is bounded ([`Limits`]): open challenges
//! per worker and in all (a commitment waiting for its openings is held by
//! its open challenge, its fingerprint capped in size), the request time
//! (body included) and the body size. An answer the worker's device signed uses its challenge up even
//! when it is refused, so figures cannot be retried on one seed. Every
//! refusal has the one [`Rejected`] shape, sized fields are refused by their
//! length before anything else, and internal failures stay in the log.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Weak};
use std::time::Duration;

use lumen_sdk::{views, AccountAddress};
use serde::{Deserialize, Serialize};
use tokio::sync::{oneshot, Mutex};

mod challenges;
mod http;
mod liveness;
mod reports;

pub use challenges::MAX_ROUND;
pub use liveness::Liveness;

pub use http::{router, serve};

use crate::atomic_file;
use crate::chain::Node;
use crate::protocol::{Accepted, Challenge, Submission};
use crate::queue::{JobKind, Queue, QueueError};
use crate::verify::{DeviceKey, Policy, Rejection};
use crate::work::{SamplePicks, WorkAnswer, Workload};

/// The service's settings.
#[derive(Debug, Clone)]
pub struct ServiceConfig {
    /// What reports must satisfy.
    pub policy: Policy,
    /// How challenges are sized and timed.
    pub timing: Timing,
    /// Epoch length; must equal the chain's `epoch_secs` parameter.
    pub epoch_secs: u64,
    /// Uptime of an epoch is reported this long after it ends (liveness
    /// answers arriving late still count); must be below the chain's `epoch_grace_secs`.
    pub uptime_report_delay_secs: u64,
    /// The longest gap between two answered liveness challenges that still
    /// counts as online.
    pub heartbeat_max_gap_secs: u64,
    /// When and how liveness is challenged.
    pub liveness: Liveness,
    /// Workers per `report_uptime` transaction.
    pub uptime_batch: usize,
    /// How often the epoch reporter looks for finished epochs.
    pub tick: Duration,
    /// What one client can make the service hold or wait for.
    pub limits: Limits,
}

/// How the service sizes and times the work of a challenge.
#[derive(Debug, Clone)]
pub struct Timing {
    /// Seconds a device of the claimed score needs for the work.
    pub target_secs: f64,
    /// The slowest device that can still answer, as a fraction of the
    /// claimed score: the deadline is the expected time over this.
    pub min_speed: f64,
    /// Added to the deadline for the network and the answer's upload.
    pub latency_allowance: Duration,
    /// How long after a commitment's arrival its openings may arrive: a
    /// round trip and a few Merkle paths (the worker holds its outputs).
    pub open_within: Duration,
    /// Timed rounds per challenge (at most [`MAX_ROUNDS`]); the score is
    /// the median round's.
    pub rounds: u32,
}

/// The most timed rounds one challenge has.
pub const MAX_ROUNDS: u32 = 9;

impl Default for Timing {
    fn default() -> Self {
        Timing {
            target_secs: 3.0,
            min_speed: 0.5,
            latency_allowance: Duration::from_secs(2),
            open_within: Duration::from_secs(2),
            rounds: 5,
        }
    }
}

impl Timing {
    /// The deadline of `work`, milliseconds after issue.
    pub fn deadline_ms(&self, work: &Workload) -> u64 {
        let secs = work.expected_secs() / self.min_speed.clamp(0.01, 1.0);
        (secs * 1e3).ceil() as u64 + self.latency_allowance.as_millis() as u64
    }

    /// Milliseconds after a commitment's arrival by which its openings must
    /// arrive.
    pub fn open_within_ms(&self) -> u64 {
        self.open_within.as_millis() as u64
    }
}

/// Bounds on what requests can make the service hold or wait for.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Open (unanswered, unexpired) challenges one worker may hold.
    pub open_challenges_per_worker: usize,
    /// Open challenges the service holds in all.
    pub open_challenges: usize,
    /// The longest a request may take, reading its body included.
    pub request_timeout: Duration,
    /// The largest request body (a real submission is a few tens of KiB).
    pub max_body_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            open_challenges_per_worker: 4,
            open_challenges: 100_000,
            request_timeout: Duration::from_secs(30),
            max_body_bytes: 256 * 1024,
        }
    }
}

/// A service failure (not a rejected request).
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// The queue failed.
    #[error(transparent)]
    Queue(#[from] QueueError),
    /// A group commit of reports failed (the queue or the state file).
    #[error("committing reports: {0}")]
    Commit(String),
    /// The state file could not be read or written.
    #[error("state file {path}: {detail}")]
    State {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        detail: String,
    },
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct ChallengeEntry {
    challenge: Option<Challenge>,
    used: bool,
    /// When the service issued it, microseconds of its own clock: the
    /// answer's time is measured from here.
    #[serde(default)]
    issued_micros: u64,
    /// The network address it was issued to.
    #[serde(default)]
    machine: Option<String>,
    /// The workers challenged in the same round (itself included).
    #[serde(default)]
    round: Vec<AccountAddress>,
    /// The answer's commitment, once it arrived and checked out: the
    /// service waits for its openings.
    #[serde(default)]
    committed: Option<CommittedAnswer>,
    /// The rounds committed before the current one.
    #[serde(default)]
    rounds_done: Vec<RoundRecord>,
    /// The current round's seeds (hash chain, memory) once it is not the
    /// first (whose seeds are the challenge's).
    #[serde(default)]
    round_seeds: Option<(String, String)>,
    /// When the current round starts, microseconds of the service's clock:
    /// round `r` at `issued_micros + r × deadline`.
    #[serde(default)]
    round_started_micros: u64,
}

/// A timed round whose commitment checked out.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct RoundRecord {
    /// Its hash-chain seed, hex.
    seed: String,
    /// Its memory seed, hex.
    mem_seed: String,
    /// The time from its start to its commitment, milliseconds.
    elapsed_ms: u64,
    /// Its commitment.
    answer: WorkAnswer,
}

/// A report whose commitment checked out, waiting for the openings of the
/// outputs the service picked when it arrived.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct CommittedAnswer {
    submission: Submission,
    /// The score it earns once the openings verify.
    score: u64,
    /// The scored round's time, from its start to its commitment,
    /// milliseconds.
    elapsed_ms: u64,
    picks: SamplePicks,
    /// The outputs to open in each round before the last (the picks above
    /// are the last round's).
    #[serde(default)]
    earlier_picks: Vec<SamplePicks>,
    /// When the commitment arrived, microseconds of the service's clock.
    at_micros: u64,
    /// The address it came from.
    machine: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Persisted {
    last_nonce: u64,
    challenges: BTreeMap<String, ChallengeEntry>,
    devices: BTreeMap<String, AccountAddress>,
    /// The last nonce issued per worker.
    #[serde(default)]
    worker_nonces: BTreeMap<AccountAddress, u64>,
    /// Each worker's liveness: its open challenge and schedule.
    #[serde(default)]
    live: BTreeMap<AccountAddress, liveness::Live>,
    /// The last score this service attested per worker (liveness work is
    /// sized from it); rebuilt from the queued reports at start.
    #[serde(default)]
    scores: BTreeMap<AccountAddress, u64>,
    /// The network address each worker's device was last attested from;
    /// rebuilt from the queued reports at start.
    #[serde(default)]
    machines: BTreeMap<AccountAddress, String>,
    uptime: BTreeMap<u64, BTreeMap<AccountAddress, u64>>,
    /// Epochs up to this one were reported; late credit for them is dropped
    /// (the contract takes one report per worker and epoch).
    reported_through: Option<u64>,
}

/// What a waiting submitter learns from the group commit.
type Verdict = Result<Result<Accepted, Rejection>, String>;

/// A verified report waiting for the next group commit.
struct PendingReport {
    key: String,
    challenge_id: String,
    device: String,
    worker: AccountAddress,
    score: u64,
    elapsed_ms: u64,
    /// The address the answer came from.
    machine: Option<String>,
    /// The workers challenged in the answered challenge's round.
    round: Vec<AccountAddress>,
    kind: JobKind,
    done: oneshot::Sender<Verdict>,
}

/// The running service's shared state.
pub struct Service {
    config: ServiceConfig,
    node: Option<Node>,
    queue: Arc<Queue>,
    state_path: PathBuf,
    state: Mutex<Persisted>,
    /// Verified reports, to the commit thread.
    commits: std::sync::mpsc::Sender<PendingReport>,
}

/// The commit thread: takes every report waiting and commits them as one
/// group, so while one group's fsyncs run the next group gathers. It holds
/// the service weakly and ends with it (its channel closes).
fn commit_loop(svc: Weak<Service>, rx: std::sync::mpsc::Receiver<PendingReport>) {
    while let Ok(first) = rx.recv() {
        let mut batch = vec![first];
        batch.extend(rx.try_iter());
        let Some(svc) = svc.upgrade() else { break };
        let mut state = svc.state.blocking_lock();
        svc.commit_reports(&mut state, batch);
    }
}

fn now_secs() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

fn now_micros() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_micros() as u64)
        .unwrap_or(0)
}

fn state_err(path: &Path, e: impl std::fmt::Display) -> ServiceError {
    ServiceError::State {
        path: path.to_path_buf(),
        detail: e.to_string(),
    }
}

impl Service {
    /// Opens the service's state in `state_dir` (creating it), with the queue
    /// in `state_dir/queue`. With a `node`, device bindings are also checked
    /// on chain (`attestation::worker_of_device`).
    pub fn open(
        state_dir: &Path,
        config: ServiceConfig,
        node: Option<Node>,
    ) -> Result<Arc<Service>, ServiceError> {
        std::fs::create_dir_all(state_dir).map_err(|e| state_err(state_dir, e))?;
        let queue = Arc::new(Queue::open(state_dir.join("queue"))?);
        let state_path = state_dir.join("state.json");
        let state = match std::fs::read(&state_path) {
            Ok(b) => serde_json::from_slice(&b).map_err(|e| state_err(&state_path, e))?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Persisted::default(),
            Err(e) => return Err(state_err(&state_path, e)),
        };
        let mut state: Persisted = state;
        // Bindings made by accepted reports live in their queued jobs; the
        // first report of a device bound it.
        for job in queue.all() {
            if let JobKind::Attest {
                report,
                score,
                machine,
                ..
            } = &job.kind
            {
                state
                    .devices
                    .entry(hex::encode(&report.device_id))
                    .or_insert(report.worker);
                // Jobs come in queue order: the last report's score and
                // machine stay.
                state.scores.insert(report.worker, *score);
                match machine {
                    Some(m) => state.machines.insert(report.worker, m.clone()),
                    None => state.machines.remove(&report.worker),
                };
            }
        }
        let (commits, rx) = std::sync::mpsc::channel();
        let svc = Arc::new(Service {
            config,
            node,
            queue,
            state_path,
            state: Mutex::new(state),
            commits,
        });
        let weak = Arc::downgrade(&svc);
        std::thread::Builder::new()
            .name("attester-commit".into())
            .spawn(move || commit_loop(weak, rx))
            .map_err(|e| state_err(state_dir, format!("starting the commit thread: {e}")))?;
        Ok(svc)
    }

    /// The durable queue.
    pub fn queue(&self) -> Arc<Queue> {
        self.queue.clone()
    }

    fn save(&self, state: &Persisted) -> Result<(), ServiceError> {
        let bytes = serde_json::to_vec(state).expect("state serialises");
        atomic_file::write(&self.state_path, &bytes).map_err(|(path, e)| state_err(&path, e))
    }

    /// Writes a batch of verified reports: each is checked again against
    /// the state (another request may have used its challenge or bound its
    /// device meanwhile, also within the batch), and the accepted ones are
    /// queued with one durable write, which is their whole record.
    fn commit_reports(&self, state: &mut Persisted, batch: Vec<PendingReport>) {
        let mut used: HashSet<String> = HashSet::new();
        let mut bound: HashMap<String, AccountAddress> = HashMap::new();
        let mut machines = state.machines.clone();
        let one_machine = self.config.policy.one_machine_per_address;
        let mut accepted = Vec::with_capacity(batch.len());
        let mut consumed = false;
        for report in batch {
            let verdict = if used.contains(&report.challenge_id) {
                Err(Rejection::ChallengeUsed(report.challenge_id.clone()))
            } else {
                self.committed_challenge(state, &report.challenge_id, &report.key)
                    .map(|_| ())
            }
            .and_then(|()| {
                match bound
                    .get(&report.device)
                    .or(state.devices.get(&report.device))
                {
                    Some(other) if *other != report.worker => Err(Rejection::DeviceBound {
                        device_id: report.device.clone(),
                        worker: *other,
                    }),
                    _ => Ok(()),
                }
            })
            .and_then(|()| match &report.machine {
                // Another worker attested from this address since the
                // challenge's round was issued: not challenged with it.
                Some(m) if one_machine => {
                    let outside = machines
                        .iter()
                        .find(|(w, at)| *at == m && !report.round.contains(*w));
                    match outside {
                        Some((w, _)) => Err(Rejection::MachineRound(format!(
                            "worker {w}'s device was attested from this address outside \
                             this challenge's round"
                        ))),
                        None => Ok(()),
                    }
                }
                _ => Ok(()),
            });
            match verdict {
                Err(r) => {
                    if r.consumes_challenge() {
                        if let Some(entry) = state.challenges.get_mut(&report.challenge_id) {
                            entry.used = true;
                            consumed = true;
                        }
                    }
                    let _ = report.done.send(Ok(Err(r)));
                }
                Ok(()) => {
                    used.insert(report.challenge_id.clone());
                    bound.insert(report.device.clone(), report.worker);
                    match &report.machine {
                        Some(m) => machines.insert(report.worker, m.clone()),
                        None => machines.remove(&report.worker),
                    };
                    accepted.push(report);
                }
            }
        }
        if consumed {
            if let Err(e) = self.save(state) {
                tracing::error!(error = %e, "recording refused answers' challenges as used");
            }
        }
        if accepted.is_empty() {
            return;
        }
        let items = accepted
            .iter()
            .map(|report| (report.key.clone(), report.kind.clone()))
            .collect();
        let jobs = match self.queue.push_many(items) {
            Ok(jobs) => jobs,
            Err(e) => {
                let msg = e.to_string();
                for report in accepted {
                    let _ = report.done.send(Err(msg.clone()));
                }
                return;
            }
        };
        for (report, job) in accepted.into_iter().zip(jobs) {
            // The queued job records the use and the binding; dropping the
            // challenge keeps the state file (rewritten on other changes) small.
            state.challenges.remove(&report.challenge_id);
            state.devices.insert(report.device.clone(), report.worker);
            state.scores.insert(report.worker, report.score);
            match &report.machine {
                Some(m) => state.machines.insert(report.worker, m.clone()),
                None => state.machines.remove(&report.worker),
            };
            tracing::info!(worker = %report.worker, score = report.score, job = job.seq, "report accepted");
            let _ = report.done.send(Ok(Ok(Accepted {
                job_id: job.seq.to_string(),
                score: report.score,
                elapsed_ms: report.elapsed_ms,
            })));
        }
    }

    /// The worker the chain binds `device_id` to. A node that cannot answer
    /// is no reason to refuse: the contract checks the binding again.
    async fn chain_binding(&self, device_id: &[u8]) -> Option<AccountAddress> {
        let call =
            views::attestation::worker_of_device(&self.config.policy.package, device_id.to_vec());
        self.chain_view(call).await.flatten()
    }

    /// The device key `worker` registered on chain ([`DeviceKey::Unknown`]
    /// when no node answers: the contract checks the key again).
    async fn chain_device_key(&self, worker: AccountAddress) -> DeviceKey {
        let call = views::attestation::device_key_of(&self.config.policy.package, worker);
        match self.chain_view(call).await {
            Some(key) => DeviceKey::Registered(key),
            None => DeviceKey::Unknown,
        }
    }

    /// A view's answer; `None` without a node or when it cannot answer.
    async fn chain_view<T: views::ViewResult>(&self, call: views::ViewCall<T>) -> Option<T> {
        let node = self.node.as_ref()?;
        match node.view(&call.body()).await.map(|v| call.parse(&v)) {
            Ok(Ok(value)) => Some(value),
            Ok(Err(e)) => {
                tracing::warn!(error = %e, view = %call.function, "unexpected view answer");
                None
            }
            Err(e) => {
                tracing::warn!(error = %e, view = %call.function, "node unavailable");
                None
            }
        }
    }

    /// The challenge `id` (with its issue time, machine and round) if it
    /// exists, was not used (its job key is `key`) and holds no commitment
    /// yet: one commitment per challenge, so its picks are drawn once.
    fn open_challenge(
        &self,
        state: &Persisted,
        id: &str,
        key: &str,
    ) -> Result<ChallengeEntry, Rejection> {
        let entry = self.live_challenge(state, id, key)?;
        if entry.committed.is_some() {
            return Err(Rejection::ChallengeUsed(id.to_string()));
        }
        Ok(entry)
    }

    /// The challenge `id` if it was not used and holds a commitment waiting
    /// for its openings.
    fn committed_challenge(
        &self,
        state: &Persisted,
        id: &str,
        key: &str,
    ) -> Result<ChallengeEntry, Rejection> {
        let entry = self.live_challenge(state, id, key)?;
        if entry.committed.is_none() {
            return Err(Rejection::UnknownChallenge(format!(
                "{id}: no commitment to open (send the report first)"
            )));
        }
        Ok(entry)
    }

    /// The challenge `id` if it exists and was not used.
    fn live_challenge(
        &self,
        state: &Persisted,
        id: &str,
        key: &str,
    ) -> Result<ChallengeEntry, Rejection> {
        // A used challenge leaves the state (its queued job is the record),
        // so the queue is asked first.
        if self.queue.contains_key(key) {
            return Err(Rejection::ChallengeUsed(id.to_string()));
        }
        let entry = state
            .challenges
            .get(id)
            .ok_or_else(|| Rejection::UnknownChallenge(id.to_string()))?;
        if entry.challenge.is_none() {
            return Err(Rejection::UnknownChallenge(id.to_string()));
        }
        if entry.used {
            return Err(Rejection::ChallengeUsed(id.to_string()));
        }
        Ok(entry.clone())
    }

    /// Queues `report_uptime` for every epoch that ended more than the
    /// report delay ago. Returns the number of jobs queued.
    pub async fn report_finished_epochs(&self) -> Result<usize, ServiceError> {
        let mut state = self.state.lock().await;
        let now = now_secs();
        let epoch_secs = self.config.epoch_secs;
        let due: Vec<u64> = state
            .uptime
            .keys()
            .copied()
            .filter(|epoch| now >= (epoch + 1) * epoch_secs + self.config.uptime_report_delay_secs)
            .collect();
        let before = state.reported_through;
        let mut queued = 0;
        for epoch in due {
            state.reported_through = Some(
                state
                    .reported_through
                    .map_or(epoch, |through| through.max(epoch)),
            );
            let workers = state.uptime.remove(&epoch).unwrap_or_default();
            let all: Vec<(AccountAddress, u64)> =
                workers.into_iter().filter(|(_, secs)| *secs > 0).collect();
            for (i, batch) in all.chunks(self.config.uptime_batch.max(1)).enumerate() {
                self.queue.push(
                    format!("uptime:{epoch}:{i}"),
                    JobKind::Uptime {
                        epoch,
                        workers: batch.iter().map(|(worker, _)| *worker).collect(),
                        online_secs: batch.iter().map(|(_, secs)| *secs).collect(),
                    },
                )?;
                queued += 1;
            }
            tracing::info!(epoch, workers = all.len(), "uptime queued");
        }
        if queued > 0 || state.reported_through != before {
            self.save(&state)?;
        }
        Ok(queued)
    }

    /// Runs the epoch reporter forever.
    pub async fn run_epoch_reporter(self: Arc<Self>) {
        loop {
            if let Err(e) = self.report_finished_epochs().await {
                tracing::error!(error = %e, "epoch reporter");
            }
            tokio::time::sleep(self.config.tick).await;
        }
    }
}

/// Whether an address a challenge or an attestation belongs to is not the
/// address a request came from (unknown addresses never differ).
fn other_machine(owner: &Option<String>, from: &Option<String>) -> bool {
    matches!((owner, from), (Some(a), Some(b)) if a != b)
}

fn credit(
    uptime: &mut BTreeMap<u64, BTreeMap<AccountAddress, u64>>,
    reported_through: Option<u64>,
    epoch: u64,
    worker: AccountAddress,
    secs: u64,
    cap: u64,
) {
    if secs == 0 || reported_through.is_some_and(|r| epoch <= r) {
        return;
    }
    let v = uptime.entry(epoch).or_default().entry(worker).or_insert(0);
    *v = (*v + secs).min(cap);
}
