//! `lumen-relayer serve`: the attester service. It hands out challenges,
//! verifies signed reports ([`crate::verify`]) and liveness answers
//! ([`liveness`]), and queues
//! `attestation::attest` and per-epoch `rewards::report_uptime`
//! transactions in the durable queue ([`crate::queue`]) that the submitter
//! ([`crate::chain::Submitter`]) drains.
//!
//! Its own state (issued challenges, device bindings, liveness uptime) and
//! the queue live in one SQLite database in WAL mode (`STATE_DIR/attester.db`,
//! [`crate::db`], the service's rows in [`store`]): one row per challenge,
//! binding or worker, written in place, so a request costs the rows it
//! touches. An answer is two requests per timed round ([`reports`]): the
//! signed report with the commitment to the round's work, whose arrival
//! ends the round's measured time (before the last round the service
//! answers with the next round's seeds at its scheduled start), which the
//! challenge's row records, after the last round with the outputs the
//! service then picks to check in every round; and the openings of those
//! outputs. The score is the median round's. Commitments and verified
//! reports go to one commit thread, which writes everything that arrived
//! together in one transaction (one fsync): an accepted report's queued
//! job, its challenge marked used and its device binding commit together,
//! so a crash at any point can neither lose a report nor let a challenge be
//! used twice, a round's seeds or its picks be drawn twice.
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
//! Each network address has its own token buckets for challenges and for
//! answers ([`RateLimits`]), so a client that floods is refused (429) while
//! the others are served. `GET /v1/status/{worker}` tells a worker where
//! its attestations stand on chain and `GET /metrics` counts what the
//! service did ([`status`]).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use lumen_sdk::{views, AccountAddress};
use serde::{Deserialize, Serialize};
use tokio::sync::Mutex;

mod challenges;
mod commit;
mod http;
mod liveness;
mod rate;
mod reports;
pub mod status;
mod store;

pub use challenges::MAX_ROUND;
pub use liveness::Liveness;
pub use rate::{Rate, RateLimits};

pub use http::{router, serve};

use crate::chain::Node;
use crate::db::{Db, DbError};
use crate::protocol::{Challenge, Submission};
use crate::queue::{JobKind, Queue, QueueError};
use crate::verify::{DeviceKey, Policy, Rejection};
use crate::work::{SamplePicks, WorkAnswer, Workload};
use commit::{commit_loop, Pending};
use store::Durability;

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
pub const MAX_ROUNDS: u32 = 15;

impl Default for Timing {
    fn default() -> Self {
        Timing {
            target_secs: 3.0,
            min_speed: 0.5,
            latency_allowance: Duration::from_secs(2),
            open_within: Duration::from_secs(2),
            // The median of fifteen rounds spans two minutes: a CPU
            // device's speed drifts over minutes on a shared host, and a
            // shorter span let one slow stretch move the score (see
            // bench/PROFILES.md).
            rounds: MAX_ROUNDS,
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
    /// The largest request body (a real submission is a few tens of KiB;
    /// the openings routes take at least the largest honest opening, see
    /// [`router`]).
    pub max_body_bytes: usize,
    /// Per-address request rates; `None` turns them off (benchmarks that
    /// stand many machines on one address).
    pub rate: Option<RateLimits>,
    /// How long a finished (done or failed) job is kept before it is deleted.
    pub job_retention: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            open_challenges_per_worker: 4,
            open_challenges: 100_000,
            request_timeout: Duration::from_secs(30),
            max_body_bytes: 256 * 1024,
            rate: Some(RateLimits::default()),
            job_retention: Duration::from_secs(7 * 86_400),
        }
    }
}

/// A service failure (not a rejected request).
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    /// The queue failed.
    #[error(transparent)]
    Queue(#[from] QueueError),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
    /// A group commit failed.
    #[error("committing answers: {0}")]
    Commit(String),
    /// The state directory holds an older version's state.
    #[error(
        "{path} holds the state of an older lumen-relayer (a JSON state file and a queue \
         directory, which this version does not read): let that version finish its queued \
         jobs (GET /v1/jobs shows none queued or signed), then move {path} away and start \
         again; the service keeps its state in {db} now"
    )]
    OldState {
        /// The old file or directory.
        path: PathBuf,
        /// The database that replaces it.
        db: PathBuf,
    },
    /// The state directory could not be created, or the commit thread started.
    #[error("state directory {path}: {detail}")]
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

/// The service's records, in memory; every change is written through to
/// its rows ([`store`]).
#[derive(Debug, Clone, Default)]
struct Persisted {
    last_nonce: u64,
    challenges: BTreeMap<String, ChallengeEntry>,
    devices: BTreeMap<String, AccountAddress>,
    /// The last nonce issued per worker.
    worker_nonces: BTreeMap<AccountAddress, u64>,
    /// Each worker's liveness: its open challenge and schedule.
    live: BTreeMap<AccountAddress, liveness::Live>,
    /// The last score this service attested per worker (liveness work is
    /// sized from it).
    scores: BTreeMap<AccountAddress, u64>,
    /// The network address each worker's device was last attested from.
    machines: BTreeMap<AccountAddress, String>,
    /// The same by address: the workers attested from each (the machine
    /// rules ask for them on every challenge and report).
    at_machine: BTreeMap<String, BTreeSet<AccountAddress>>,
    uptime: BTreeMap<u64, BTreeMap<AccountAddress, u64>>,
    /// Epochs up to this one were reported; late credit for them is dropped
    /// (the contract takes one report per worker and epoch).
    reported_through: Option<u64>,
}

impl Persisted {
    /// Records the address `worker`'s device was attested from (none: unknown).
    fn set_machine(&mut self, worker: AccountAddress, machine: Option<String>) {
        let old = match machine {
            Some(m) => {
                self.at_machine.entry(m.clone()).or_default().insert(worker);
                self.machines.insert(worker, m.clone()).filter(|o| *o != m)
            }
            None => self.machines.remove(&worker),
        };
        if let Some(old) = old {
            if let Some(set) = self.at_machine.get_mut(&old) {
                set.remove(&worker);
                if set.is_empty() {
                    self.at_machine.remove(&old);
                }
            }
        }
    }

    /// The workers whose devices were attested from `machine`.
    fn workers_at(&self, machine: &str) -> impl Iterator<Item = &AccountAddress> {
        self.at_machine.get(machine).into_iter().flatten()
    }
}

/// How often expired challenges and old jobs are deleted, seconds.
const PRUNE_EVERY_SECS: u64 = 10;

/// The running service's shared state.
pub struct Service {
    config: ServiceConfig,
    node: Option<Node>,
    db: Arc<Db>,
    queue: Arc<Queue>,
    state: Mutex<Persisted>,
    /// Commitments and verified reports, to the commit thread.
    commits: std::sync::mpsc::Sender<Pending>,
    metrics: status::Metrics,
    rate: Option<rate::Limiter>,
    /// When expired challenges and old jobs were last deleted, seconds.
    pruned_at: AtomicU64,
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
    /// Opens the service's database `state_dir/attester.db` (creating the
    /// directory and the database), which holds the queue too. With a
    /// `node`, device bindings are also checked on chain
    /// (`attestation::worker_of_device`). A directory holding an older
    /// version's state file is refused ([`ServiceError::OldState`]).
    pub fn open(
        state_dir: &Path,
        config: ServiceConfig,
        node: Option<Node>,
    ) -> Result<Arc<Service>, ServiceError> {
        std::fs::create_dir_all(state_dir).map_err(|e| state_err(state_dir, e))?;
        let db_path = state_dir.join(store::DB_FILE);
        if let Err(path) = store::refuse_old_state(state_dir) {
            return Err(ServiceError::OldState { path, db: db_path });
        }
        let db = Db::open(&db_path)?;
        let queue = Arc::new(Queue::in_db(db.clone())?);
        let state = store::load(&db)?;
        let (commits, rx) = std::sync::mpsc::channel();
        let rate = config.limits.rate.clone().map(rate::Limiter::new);
        let svc = Arc::new(Service {
            config,
            node,
            db,
            queue,
            state: Mutex::new(state),
            commits,
            metrics: status::Metrics::default(),
            rate,
            pruned_at: AtomicU64::new(0),
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

    /// Writes `entry`'s row with `durability` (one transaction).
    fn save_challenge(
        &self,
        id: &str,
        entry: &ChallengeEntry,
        durability: Durability,
    ) -> Result<(), ServiceError> {
        Ok(self.db.rows(durability, |w| w.challenge(id, entry))?)
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
    /// exists, was not used and holds no commitment
    /// yet: one commitment per challenge, so its picks are drawn once.
    fn open_challenge(&self, state: &Persisted, id: &str) -> Result<ChallengeEntry, Rejection> {
        let entry = self.live_challenge(state, id)?;
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
    ) -> Result<ChallengeEntry, Rejection> {
        let entry = self.live_challenge(state, id)?;
        if entry.committed.is_none() {
            return Err(Rejection::UnknownChallenge(format!(
                "{id}: no commitment to open (send the report first)"
            )));
        }
        Ok(entry)
    }

    /// The challenge `id` if it exists and was not used.
    fn live_challenge(&self, state: &Persisted, id: &str) -> Result<ChallengeEntry, Rejection> {
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
    /// report delay ago (the jobs and the epoch's end in one transaction).
    /// Returns the number of jobs queued.
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
        if due.is_empty() {
            return Ok(0);
        }
        let mut through = state.reported_through;
        let batch = self.config.uptime_batch.max(1);
        let queued = self.db.rows(Durability::Full, |w| {
            let mut queued = 0;
            for &epoch in &due {
                through = Some(through.map_or(epoch, |t| t.max(epoch)));
                let all: Vec<(AccountAddress, u64)> = state.uptime[&epoch]
                    .iter()
                    .filter(|(_, secs)| **secs > 0)
                    .map(|(w, s)| (*w, *s))
                    .collect();
                for (i, part) in all.chunks(batch).enumerate() {
                    let kind = JobKind::Uptime {
                        epoch,
                        workers: part.iter().map(|(worker, _)| *worker).collect(),
                        online_secs: part.iter().map(|(_, secs)| *secs).collect(),
                    };
                    self.queue
                        .push_in(w.tx, format!("uptime:{epoch}:{i}"), kind)?;
                    queued += 1;
                }
                w.reported(epoch, through.expect("set above"))?;
                tracing::info!(epoch, workers = all.len(), "uptime queued");
            }
            Ok(queued)
        })?;
        for epoch in due {
            state.uptime.remove(&epoch);
        }
        state.reported_through = through;
        Ok(queued)
    }

    /// Deletes expired challenges (from memory and the database) and jobs
    /// finished longer than the retention period ago, at most every
    /// `PRUNE_EVERY_SECS`. Returns the challenges and jobs deleted.
    pub async fn prune(&self) -> Result<(usize, usize), ServiceError> {
        let now = now_secs();
        let last = self.pruned_at.load(Ordering::Relaxed);
        if now < last + PRUNE_EVERY_SECS {
            return Ok((0, 0));
        }
        self.pruned_at.store(now, Ordering::Relaxed);
        let challenges = {
            let mut state = self.state.lock().await;
            // Answering an expired challenge fails anyway; a deleted one is
            // unknown, which refuses it as well.
            state
                .challenges
                .retain(|_, entry| entry.challenge.as_ref().is_some_and(|c| c.expires_at > now));
            self.db
                .rows(Durability::Normal, |w| w.delete_expired(now))?
        };
        let jobs = self
            .queue
            .prune(self.config.limits.job_retention.as_secs())?;
        Ok((challenges, jobs))
    }

    /// Runs the epoch reporter forever.
    pub async fn run_epoch_reporter(self: Arc<Self>) {
        loop {
            if let Err(e) = self.report_finished_epochs().await {
                tracing::error!(error = %e, "epoch reporter");
            }
            if let Err(e) = self.prune().await {
                tracing::error!(error = %e, "deleting expired challenges and old jobs");
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
