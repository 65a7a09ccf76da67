//! A deterministic model of a Lumen network: the contract's state machine
//! (`move/README.md`) driven by a seeded population of creators, workers,
//! attesters, the arbiter and keepers, written out as the transactions a
//! fullnode would serve.
//!
//! The model keeps the contract's books (job balances, stakes, scores, epoch
//! pools, reward records, VIP passes) and checks every rule the contract
//! checks before it emits a call, so each transaction it writes is one the
//! contract would have executed with exactly the events it carries. Money and
//! rewards are computed with [`lumen_sdk::formulas`]; entry-function ids and
//! BCS arguments come from [`lumen_sdk::payloads`]; events are
//! [`lumen_sdk::events`] types; offers and benchmark reports are really
//! signed with [`lumen_sdk::messages`]. Between the package's transactions
//! sit block metadata transactions, transfers of other packages and a few
//! aborted calls, as on a real chain.
//!
//! What happens, over `epochs` days starting at an epoch boundary:
//! - the package is published and initialised, two attesters added, and the
//!   campaign's VIP thresholds set with `set_param`;
//! - workers join (most at launch, some later): benchmark report signed by
//!   the worker, attested, price set, stake above the minimum `S(n)`; some
//!   re-benchmark, one has its score revoked and re-attests, a few leave
//!   (unstake, withdraw after unbonding);
//! - creators post jobs that take every path of the job state machine:
//!   confirmed (sometimes partly), rerendered once or twice, finalized after
//!   the review window, reclaimed after a missed deadline (with a slash and a
//!   stake top-up), cancelled, disputed then resolved (sometimes paying 0),
//!   disputed then finalized after the dispute timeout, or left open; jobs
//!   still running at the end hold their balance;
//! - every epoch is funded, uptime is reported after it ends, it is closed
//!   after the grace period (a pre-launch epoch with no weight rolls its pool
//!   over), and most workers claim;
//! - creators past the spend threshold and workers with the uptime record
//!   claim their VIP pass; the admin revokes the pass of a worker who left;
//! - the testnet campaign runs over the same days: the operator and period
//!   are set, the pool funded, creators and workers check in by habit (the
//!   streak table of `lumen_sdk::formulas::campaign`), register referrals
//!   (a few of them refused by the contract), get social tasks granted and
//!   claim their credits; after the period the operator pays the leaderboard,
//!   ranked by points from every source (check-ins, social tasks, referral
//!   shares, and the protocol points an indexer derives for renders and idle
//!   online time), as `lumen_sdk::formulas::campaign` computes them.
//!
//! [`Summary`] is the model's own ledger of all of it, for comparison with
//! what an indexer makes of the transactions.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap};

use lumen_sdk::aptos_sdk::account::Ed25519Account;
use lumen_sdk::aptos_sdk::crypto::Ed25519PrivateKey;
use lumen_sdk::events::*;
use lumen_sdk::formulas::campaign;
use lumen_sdk::messages::{AssignmentOffer, BenchmarkReport};
use lumen_sdk::movejson::MoveJson;
use lumen_sdk::{formulas, payloads, AccountAddress, JobStatus, Package};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde::Serialize;
use serde_json::{json, Value};
use sha3::{Digest, Sha3_256};

use crate::rest::{framework_event, Ledger, LedgerError, Outcome};

/// 2026-01-01T00:00:00Z, an epoch boundary for the default `epoch_secs`.
pub const DEFAULT_START: u64 = 1_767_225_600;
/// One USDT in base units (6 decimals).
pub const USDT: u64 = 1_000_000;

/// What to simulate.
#[derive(Clone, Debug)]
pub struct ScenarioConfig {
    /// Seed of every random choice: the same seed gives the same chain.
    pub seed: u64,
    /// Workers (GPU operators).
    pub workers: usize,
    /// Creators (people paying for renders).
    pub creators: usize,
    /// Jobs created.
    pub jobs: usize,
    /// Days (epochs) of activity after launch.
    pub epochs: u64,
    /// The package address.
    pub package: Package,
    /// Chain id the transactions and signed messages are for.
    pub chain_id: u8,
    /// Launch time (seconds); must be a multiple of `epoch_secs` (86 400).
    pub start: u64,
    /// `vip_worker_days` set at launch.
    pub vip_worker_days: u64,
    /// `vip_creator_spend` set at launch (base units).
    pub vip_creator_spend: u64,
}

impl ScenarioConfig {
    /// A scenario of `workers`, `jobs` and `epochs` with the other settings
    /// derived: a creator per 2.5 workers, VIP worker window of up to 7 days
    /// (shorter for short scenarios), creator VIP threshold 1 000 USDT.
    pub fn new(seed: u64, workers: usize, jobs: usize, epochs: u64) -> Self {
        Self {
            seed,
            workers,
            creators: (workers * 2 / 5).max(2),
            jobs,
            epochs,
            package: Package::DEV,
            chain_id: 4,
            start: DEFAULT_START,
            vip_worker_days: epochs.saturating_sub(2).clamp(1, 7),
            vip_creator_spend: 1_000 * USDT,
        }
    }
}

impl Default for ScenarioConfig {
    fn default() -> Self {
        Self::new(7, 40, 400, 20)
    }
}

/// A scenario that cannot be built.
#[derive(Debug, thiserror::Error)]
pub enum ScenarioError {
    /// The configuration is unusable.
    #[error("invalid scenario configuration: {0}")]
    Config(String),
    /// The model was about to emit a call the contract would reject.
    #[error("model error at t={at}: {what}")]
    Rule {
        /// Chain time (seconds).
        at: u64,
        /// The rule.
        what: String,
    },
    /// A transaction could not be built or signed.
    #[error(transparent)]
    Ledger(#[from] LedgerError),
}

type Result<T> = std::result::Result<T, ScenarioError>;

/// One job in the model's books.
#[derive(Clone, Debug, Serialize)]
pub struct JobSummary {
    /// Job number.
    pub job_id: u64,
    /// Object address.
    pub address: String,
    /// Creator.
    pub creator: String,
    /// Worker, once assigned.
    pub worker: Option<String>,
    /// Status name (`open`, `completed` …).
    pub status: String,
    /// Frames ordered.
    pub frames: u64,
    /// Deposit at creation.
    pub deposit: u64,
    /// Paid to the worker.
    pub paid_to_worker: u64,
    /// Paid to the treasury.
    pub fee_paid: u64,
    /// Refunded to the creator.
    pub refunded: u64,
    /// Still held by the job object.
    pub balance: u64,
    /// Frames paid.
    pub frames_paid: u64,
    /// Rerender requests.
    pub rerenders: u64,
    /// Lease seconds.
    pub lease_secs: u64,
}

/// Totals over all jobs.
#[derive(Clone, Debug, Default, Serialize)]
pub struct JobTotals {
    /// Jobs created.
    pub total: u64,
    /// Jobs per status name.
    pub by_status: BTreeMap<String, u64>,
    /// Sum of deposits.
    pub deposits: u64,
    /// Sum paid to workers.
    pub paid_to_workers: u64,
    /// Sum of protocol fees.
    pub fees: u64,
    /// Sum refunded to creators.
    pub refunds: u64,
    /// Sum still held by unfinished jobs.
    pub held: u64,
    /// Frames paid.
    pub frames_paid: u64,
}

/// One worker in the model's books.
#[derive(Clone, Debug, Serialize)]
pub struct WorkerSummary {
    /// Account.
    pub address: String,
    /// GPU model of its current report.
    pub gpu_model: String,
    /// Current score (0 when revoked).
    pub score: u64,
    /// Bonded stake.
    pub stake: u64,
    /// Unbonding stake.
    pub unbonding: u64,
    /// Price per IB-hour.
    pub price_per_ib_hour: u64,
    /// Whether `staking::is_eligible` holds at the end.
    pub eligible: bool,
    /// Frames paid to it.
    pub frames_completed: u64,
    /// Jobs paid (≥ 1 frame).
    pub jobs_completed: u64,
    /// Jobs reclaimed or resolved with 0 frames.
    pub jobs_failed: u64,
    /// Lease seconds of its paid jobs.
    pub lease_secs: u64,
    /// Earned from jobs (worker share).
    pub earned: u64,
    /// Slashed in total.
    pub slashed: u64,
    /// Rewards claimed.
    pub rewards_claimed: u64,
    /// Holds a worker VIP pass at the end.
    pub vip: bool,
}

/// One creator in the model's books.
#[derive(Clone, Debug, Serialize)]
pub struct CreatorSummary {
    /// Account.
    pub address: String,
    /// Jobs created.
    pub jobs_created: u64,
    /// Sum deposited.
    pub deposited: u64,
    /// Sum spent (gross of paid frames).
    pub spent_total: u64,
    /// Frames paid for.
    pub frames_succeeded: u64,
    /// Holds a creator VIP pass at the end.
    pub vip: bool,
}

/// One epoch's pool in the model's books (the `EpochInfo` view).
#[derive(Clone, Debug, Default, Serialize)]
pub struct EpochSummary {
    /// Epoch number.
    pub epoch: u64,
    /// Funded during the epoch's life.
    pub funded: u64,
    /// Carried in at close.
    pub carried_in: u64,
    /// Pool (funding so far; at close funded + carried in).
    pub pool: u64,
    /// Whether closed.
    pub closed: bool,
    /// PoC side at close.
    pub poc_pool: u64,
    /// PoD side at close.
    pub pod_pool: u64,
    /// Rolled over at close.
    pub rolled_over: u64,
    /// Total PoC weight (decimal string: u128).
    pub total_poc_weight: String,
    /// Total PoD weight (decimal string: u128).
    pub total_pod_weight: String,
    /// Claimed so far.
    pub claimed: u64,
    /// Claims made.
    pub claims: u64,
    /// Still claimable (rewards of workers that did not claim).
    pub unclaimed: u64,
    /// Workers with reported uptime.
    pub workers_reported: u64,
    /// Sum of reported (capped) online seconds.
    pub reported_online_secs: u64,
}

/// A VIP pass in the model's books.
#[derive(Clone, Debug, Serialize)]
pub struct VipSummary {
    /// Holder.
    pub holder: String,
    /// 0 creator, 1 worker.
    pub role: u8,
    /// Token object.
    pub token: String,
    /// Mint time.
    pub minted_at: u64,
    /// Burned by the admin.
    pub revoked: bool,
}

/// Stake totals.
#[derive(Clone, Debug, Default, Serialize)]
pub struct StakeTotals {
    /// Sum of bonded stake.
    pub staked: u64,
    /// Sum unbonding.
    pub unbonding: u64,
    /// Sum withdrawn.
    pub withdrawn: u64,
    /// Sum slashed into the penalty pool.
    pub slashed: u64,
}

/// Reward totals.
#[derive(Clone, Debug, Default, Serialize)]
pub struct RewardTotals {
    /// Sum funded into all epochs.
    pub funded: u64,
    /// Sum claimed.
    pub claimed: u64,
    /// Claims made.
    pub claims: u64,
    /// Carry waiting for the next epoch to close.
    pub carry: u64,
}

/// Transaction counts.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ChainTotals {
    /// All transactions (versions 0 ..= head).
    pub transactions: u64,
    /// Highest version.
    pub head_version: u64,
    /// Successful calls into the package.
    pub lumen_transactions: u64,
    /// Aborted calls into the package.
    pub failed_transactions: u64,
    /// Package events.
    pub lumen_events: u64,
    /// Package events per type name (`JobCreated` …).
    pub events_by_type: BTreeMap<String, u64>,
    /// Timestamp of the last transaction (seconds).
    pub last_timestamp: u64,
}

/// The model's ledger: every number an explorer shows, computed by the model.
#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    /// Seed.
    pub seed: u64,
    /// Package address.
    pub package: String,
    /// Chain id.
    pub chain_id: u8,
    /// Launch time.
    pub start: u64,
    /// First epoch of activity.
    pub first_epoch: u64,
    /// Chain counts.
    pub chain: ChainTotals,
    /// Job totals.
    pub jobs: JobTotals,
    /// Stake totals.
    pub stake: StakeTotals,
    /// Reward totals.
    pub rewards: RewardTotals,
    /// Epochs funded, reported or closed, ascending.
    pub epochs: Vec<EpochSummary>,
    /// The five workers with the most paid frames (then address).
    pub top_workers: Vec<WorkerSummary>,
    /// Every worker, by address.
    pub workers: Vec<WorkerSummary>,
    /// Every creator, by address.
    pub creators: Vec<CreatorSummary>,
    /// VIP passes ever minted, by holder then role.
    pub vip: Vec<VipSummary>,
    /// Every job, by id.
    pub job_list: Vec<JobSummary>,
    /// The testnet campaign.
    pub campaign: CampaignSummary,
}

/// A campaign participant in the model's books (`campaign::UserInfo`).
#[derive(Clone, Debug, Serialize)]
pub struct CampaignUserSummary {
    /// Account.
    pub address: String,
    /// All on-chain points (micro-points).
    pub total_points: u64,
    /// From check-ins.
    pub checkin_points: u64,
    /// From social tasks.
    pub social_points: u64,
    /// Referral shares earned.
    pub referral_points: u64,
    /// Check-ins made.
    pub checkins: u64,
    /// Current streak.
    pub streak: u64,
    /// Credits accrued (base units).
    pub credits_earned: u64,
    /// Credits paid out.
    pub credits_claimed: u64,
    /// Its referrer.
    pub referrer: Option<String>,
    /// Accounts it referred.
    pub referees: u64,
    /// Points from every source, protocol points (render, idle) included.
    pub points_all_sources: u64,
    /// Rank in the paid leaderboard.
    pub rank: Option<u64>,
    /// Paid for that rank.
    pub prize: u64,
}

/// The testnet campaign in the model's books.
#[derive(Clone, Debug, Default, Serialize)]
pub struct CampaignSummary {
    /// Period start.
    pub start: u64,
    /// Period end (exclusive).
    pub end: u64,
    /// Pool left.
    pub pool: u64,
    /// Funded in total.
    pub funded: u64,
    /// Check-ins.
    pub checkins: u64,
    /// Credits accrued by everyone (base units).
    pub credits_earned: u64,
    /// Credits paid out.
    pub credits_claimed: u64,
    /// Referral registrations.
    pub referrals: u64,
    /// Paid to the leaderboard.
    pub leaderboard_paid: u64,
    /// Ranks paid.
    pub winners: u64,
    /// Every participant, by address.
    pub users: Vec<CampaignUserSummary>,
}

/// Keys the demo needs to act on the simulated chain: the first attester
/// (authorised by the scenario's `add_attester`) and a fresh worker that
/// has not joined yet. Private keys are hex; they only sign for a local
/// stand-in.
#[derive(Clone, Debug, Serialize)]
pub struct ScenarioKeys {
    /// The first attester's private key.
    pub attester_key: String,
    /// Its account.
    pub attester: String,
    /// Every attester the scenario authorised.
    pub attesters: Vec<String>,
    /// A worker key the scenario never used.
    pub new_worker_key: String,
    /// Its account.
    pub new_worker: String,
}

/// A built scenario: the transactions and the model's ledger.
pub struct Scenario {
    /// REST transactions, versions 0 ..= head without gaps.
    pub transactions: Vec<Value>,
    /// The expected numbers.
    pub summary: Summary,
    /// Keys for acting on the simulated chain.
    pub keys: ScenarioKeys,
}

impl Scenario {
    /// Runs the model.
    pub fn build(config: &ScenarioConfig) -> Result<Self> {
        Model::new(config)?.run()
    }

    /// The transactions as JSON lines.
    pub fn to_json_lines(&self) -> String {
        let mut s = String::new();
        for t in &self.transactions {
            s.push_str(&t.to_string());
            s.push('\n');
        }
        s
    }
}

// ---------------------------------------------------------------------------

const ADMIN: usize = 0;
const TREASURY: usize = 1;
const ARBITER: usize = 2;
const ATTESTERS: [usize; 2] = [3, 4];
const KEEPER: usize = 5;
const OPERATOR: usize = 6;
const PAYMENT_ASSET: &str = "usdt-metadata";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Path {
    Confirm,
    Rerender(u64),
    Finalize,
    Reclaim,
    Cancel,
    Resolve,
    DisputeTimeout,
    Idle,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Action {
    Join(usize),
    Reattest(usize),
    TopUp(usize),
    Unstake(usize),
    Withdraw(usize),
    RevokeScore(usize),
    Create(usize),
    Accept(usize),
    Submit(usize),
    Review(usize),
    Reclaim(usize),
    Cancel(usize),
    Finalize(usize),
    Resolve(usize),
    Fund(u64, u64),
    Report(u64),
    EarlyClose(u64),
    Close(u64),
    Claim(usize, u64),
    DoubleClaim(usize, u64),
    VipWorkers,
    VipCreator(usize),
    CheckIn(usize),
    ClaimCredits(usize),
    Refer(usize, usize),
    SocialTask(usize, u64),
    CampaignFund(u64),
    PayLeaderboard,
}

struct Gpu {
    model: &'static str,
    score: u64,
    vram_mb: u64,
}

/// Scores in micro-IB, calibrated like the relayer (RTX 3070 ≈ 2.43,
/// RTX 5090 ≈ 10.69).
const GPUS: &[Gpu] = &[
    Gpu {
        model: "NVIDIA GeForce RTX 3070",
        score: 2_429_400,
        vram_mb: 8_192,
    },
    Gpu {
        model: "NVIDIA GeForce RTX 3080",
        score: 3_310_000,
        vram_mb: 10_240,
    },
    Gpu {
        model: "NVIDIA GeForce RTX 3090",
        score: 4_050_000,
        vram_mb: 24_576,
    },
    Gpu {
        model: "NVIDIA GeForce RTX 4070",
        score: 3_620_000,
        vram_mb: 12_288,
    },
    Gpu {
        model: "NVIDIA GeForce RTX 4080",
        score: 5_870_000,
        vram_mb: 16_384,
    },
    Gpu {
        model: "NVIDIA GeForce RTX 4090",
        score: 8_160_000,
        vram_mb: 24_576,
    },
    Gpu {
        model: "NVIDIA GeForce RTX 5090",
        score: 10_687_800,
        vram_mb: 32_768,
    },
    Gpu {
        model: "AMD Radeon RX 7900 XTX",
        score: 4_900_000,
        vram_mb: 24_576,
    },
];

struct Worker {
    account: Ed25519Account,
    gpu: usize,
    device_id: Vec<u8>,
    reliable: bool,
    joined: bool,
    join_at: u64,
    score: u64,
    vram_mb: u64,
    expires_at: u64,
    revoked: bool,
    nonce: u64,
    price: u64,
    stake: u64,
    unbonding: u64,
    available_at: u64,
    leaving: bool,
    withdrawn: u64,
    slashed: u64,
    frames_completed: u64,
    jobs_completed: u64,
    jobs_failed: u64,
    lease_secs: u64,
    earned: u64,
    rewards_claimed: u64,
    active_jobs: u64,
}

struct Creator {
    account: Ed25519Account,
    weight: f64,
    next_nonce: u64,
    jobs_created: u64,
    deposited: u64,
    spent_total: u64,
    frames_succeeded: u64,
    vip_pending: bool,
}

struct Plan {
    creator: usize,
    path: Path,
    frames: u64,
    max_price: u64,
    min_score: u64,
    min_vram: u64,
}

struct Job {
    id: u64,
    address: AccountAddress,
    plan: usize,
    creator: usize,
    worker: Option<usize>,
    status: JobStatus,
    frames: u64,
    max_price: u64,
    min_score: u64,
    min_vram: u64,
    deposit: u64,
    price: u64,
    render_deadline: u64,
    frames_done: u64,
    review_deadline: u64,
    rerenders: u64,
    rerenders_left: u64,
    lease_secs: u64,
    lease_started_at: u64,
    disputed_at: u64,
    paid_to_worker: u64,
    fee_paid: u64,
    refunded: u64,
    frames_paid: u64,
}

impl Job {
    fn balance(&self) -> u64 {
        self.deposit - self.paid_to_worker - self.fee_paid - self.refunded
    }
}

#[derive(Default, Clone)]
struct Record {
    reported: bool,
    lease_secs: u64,
    online_secs: u64,
    poc_weight: u128,
    pod_weight: u128,
    claimed: bool,
}

#[derive(Default)]
struct Epoch {
    funded: u64,
    pool: u64,
    closed: bool,
    poc_pool: u64,
    pod_pool: u64,
    total_poc: u128,
    total_pod: u128,
    claimed: u64,
    claims: u64,
    carried_in: u64,
    rolled_over: u64,
    records: BTreeMap<usize, Record>,
}

#[derive(Default, Clone)]
struct CampaignUser {
    checkins: u64,
    streak: u64,
    last_day: u64,
    checkin_points: u64,
    social_points: u64,
    referral_points: u64,
    total_points: u64,
    credits_earned: u64,
    credits_claimed: u64,
    referrer: Option<AccountAddress>,
    referees: u64,
}

struct Campaign {
    operator: AccountAddress,
    start: u64,
    end: u64,
    credit_value: u64,
    tier_amounts: Vec<u64>,
    pool: u64,
    funded: u64,
    users: BTreeMap<AccountAddress, CampaignUser>,
    tasks: std::collections::BTreeSet<(AccountAddress, u64)>,
    /// Points by source, protocol points included (what the indexer ranks by).
    points: BTreeMap<AccountAddress, campaign::PointsBySource>,
    /// The final ranking paid: (rank, user, points, tier, amount).
    paid: Vec<(u64, AccountAddress, u64, u64, u64)>,
}

impl Default for Campaign {
    fn default() -> Self {
        Self {
            operator: AccountAddress::ZERO,
            start: 0,
            end: 0,
            credit_value: campaign::DEFAULT_CREDIT_VALUE,
            tier_amounts: campaign::DEFAULT_TIER_AMOUNTS.to_vec(),
            pool: 0,
            funded: 0,
            users: BTreeMap::new(),
            tasks: Default::default(),
            points: BTreeMap::new(),
            paid: vec![],
        }
    }
}

struct Pass {
    holder: AccountAddress,
    role: u8,
    token: AccountAddress,
    minted_at: u64,
    revoked: bool,
}

struct Model {
    cfg: ScenarioConfig,
    pkg: Package,
    rng: StdRng,
    ledger: Ledger,
    params: BTreeMap<&'static str, u64>,
    staff: Vec<Ed25519Account>,
    others: Vec<Ed25519Account>,
    workers: Vec<Worker>,
    creators: Vec<Creator>,
    plans: Vec<Plan>,
    jobs: Vec<Job>,
    epochs: BTreeMap<u64, Epoch>,
    carry: u64,
    penalty_pool: u64,
    passes: Vec<Pass>,
    token_counter: u64,
    queue: BinaryHeap<Reverse<(u64, u64, Action)>>,
    queued: u64,
    now: u64,
    end: u64,
    failed: u64,
    lumen_txns: u64,
    events_by_type: BTreeMap<String, u64>,
    /// Campaign participants (creators, then workers).
    participants: Vec<Ed25519Account>,
    campaign: Campaign,
}

fn key(seed: u64, label: &str, i: u64) -> Ed25519Account {
    let mut h = Sha3_256::new();
    h.update(b"lumen-scenario");
    h.update(seed.to_le_bytes());
    h.update(label.as_bytes());
    h.update(i.to_le_bytes());
    let bytes: [u8; 32] = h.finalize().into();
    Ed25519Account::from_private_key(
        Ed25519PrivateKey::from_bytes(&bytes).expect("32 bytes are an ed25519 seed"),
    )
}

fn j<T: MoveJson>(v: T) -> Value {
    v.to_move_json()
}

/// An `Object<T>` argument as the REST API prints it.
fn obj(a: AccountAddress) -> Value {
    json!({ "inner": a.to_hex() })
}

fn abort_status(pkg: &Package, module: &str, name: &str, code: u64) -> String {
    format!(
        "Move abort in {}::{module}: {name}(0x{code:x})",
        pkg.address.to_hex()
    )
}

impl Model {
    fn new(cfg: &ScenarioConfig) -> Result<Self> {
        let epoch_secs = 86_400;
        if cfg.workers < 2 || cfg.creators < 1 || cfg.jobs < 1 || cfg.epochs < 2 {
            return Err(ScenarioError::Config(format!(
                "need at least 2 workers, 1 creator, 1 job and 2 epochs (got {} workers, {} creators, {} jobs, {} epochs)",
                cfg.workers, cfg.creators, cfg.jobs, cfg.epochs
            )));
        }
        if cfg.epochs > 60 || cfg.workers > 2_000 || cfg.jobs > 100_000 {
            return Err(ScenarioError::Config(
                "at most 60 epochs, 2 000 workers and 100 000 jobs".into(),
            ));
        }
        if !cfg.start.is_multiple_of(epoch_secs) {
            return Err(ScenarioError::Config(format!(
                "start {} is not a multiple of epoch_secs {epoch_secs}",
                cfg.start
            )));
        }
        if !(1..=90).contains(&cfg.vip_worker_days) {
            return Err(ScenarioError::Config(format!(
                "vip_worker_days {} is outside 1..=90",
                cfg.vip_worker_days
            )));
        }
        let seed = cfg.seed;
        let staff: Vec<Ed25519Account> = (0..7)
            .map(|i| {
                let a = key(seed, "staff", i);
                if i as usize == ADMIN {
                    // The package account publishes and administers.
                    a.with_address(cfg.package.address)
                } else {
                    a
                }
            })
            .collect();
        let others = (0..8).map(|i| key(seed, "other", i)).collect();
        let mut rng = StdRng::seed_from_u64(seed);
        let creators = (0..cfg.creators)
            .map(|i| Creator {
                account: key(seed, "creator", i as u64),
                // A few studios order most of the work.
                weight: 1.0 / (1.0 + i as f64).powf(0.9),
                next_nonce: 1,
                jobs_created: 0,
                deposited: 0,
                spent_total: 0,
                frames_succeeded: 0,
                vip_pending: false,
            })
            .collect();
        let workers = (0..cfg.workers)
            .map(|i| {
                let gpu = rng.gen_range(0..GPUS.len());
                let account = key(seed, "worker", i as u64);
                let mut h = Sha3_256::new();
                h.update(b"device");
                h.update(account.address().to_bytes());
                Worker {
                    account,
                    gpu,
                    device_id: h.finalize()[..16].to_vec(),
                    reliable: rng.gen_bool(0.45),
                    joined: false,
                    join_at: 0,
                    score: 0,
                    vram_mb: 0,
                    expires_at: 0,
                    revoked: false,
                    nonce: 0,
                    price: 0,
                    stake: 0,
                    unbonding: 0,
                    available_at: 0,
                    leaving: false,
                    withdrawn: 0,
                    slashed: 0,
                    frames_completed: 0,
                    jobs_completed: 0,
                    jobs_failed: 0,
                    lease_secs: 0,
                    earned: 0,
                    rewards_claimed: 0,
                    active_jobs: 0,
                }
            })
            .collect();
        let params = lumen_sdk::params::PARAMS
            .iter()
            .map(|p| (p.name, p.default))
            .collect();
        let end = cfg.start + cfg.epochs * epoch_secs + 3_600 + 6 * 3_600;
        Ok(Self {
            pkg: cfg.package,
            ledger: Ledger::new(cfg.package, cfg.chain_id),
            cfg: cfg.clone(),
            rng,
            params,
            staff,
            others,
            workers,
            creators,
            plans: vec![],
            jobs: vec![],
            epochs: BTreeMap::new(),
            carry: 0,
            penalty_pool: 0,
            passes: vec![],
            token_counter: 0x4_0000,
            queue: BinaryHeap::new(),
            queued: 0,
            now: cfg.start - 3 * 3_600,
            end,
            failed: 0,
            lumen_txns: 0,
            events_by_type: BTreeMap::new(),
            participants: vec![],
            campaign: Campaign::default(),
        })
    }

    fn p(&self, name: &str) -> u64 {
        self.params[name]
    }

    fn epoch_of(&self, t: u64) -> u64 {
        formulas::epoch_of(t, self.p("epoch_secs"))
    }

    fn at(&mut self, t: u64, a: Action) {
        self.queued += 1;
        self.queue.push(Reverse((t, self.queued, a)));
    }

    fn rule(&self, ok: bool, what: impl FnOnce() -> String) -> Result<()> {
        if ok {
            Ok(())
        } else {
            Err(ScenarioError::Rule {
                at: self.now,
                what: what(),
            })
        }
    }

    fn ts_us(&mut self) -> u64 {
        self.now * 1_000_000 + self.rng.gen_range(0..1_000_000)
    }

    /// A block, sometimes with an unrelated transfer, then the call.
    fn call(
        &mut self,
        sender: Ed25519Account,
        f: lumen_sdk::aptos_sdk::transaction::EntryFunction,
        args: Vec<Value>,
        outcome: Outcome,
    ) -> Result<u64> {
        let ts = self.ts_us();
        let proposer = self.staff[self.rng.gen_range(0..self.staff.len())].address();
        self.ledger.block(ts, proposer);
        if self.rng.gen_bool(0.3) {
            self.transfer(ts)?;
        }
        match &outcome {
            Outcome::Success(evs) => {
                self.lumen_txns += 1;
                for e in evs {
                    *self.events_by_type.entry(e.name().to_string()).or_default() += 1;
                }
            }
            Outcome::Abort(_) => self.failed += 1,
        }
        let mut extra = vec![];
        if let Outcome::Success(evs) = &outcome {
            // Money movements show as the framework's fungible-asset events:
            // into the protocol's objects, or out of the rewards object.
            let escrow = Package::object_address(self.pkg.address, b"escrow");
            let staking = Package::object_address(self.pkg.address, b"staking");
            let rewards = Package::object_address(self.pkg.address, b"rewards");
            let me = sender.address();
            for e in evs {
                let (from, to, amount) = match e {
                    LumenEvent::JobCreated(x) => (me, x.job, x.deposit),
                    LumenEvent::Staked(x) => (me, staking, x.amount),
                    LumenEvent::EpochFunded(x) => (me, rewards, x.amount),
                    LumenEvent::RewardClaimed(x) => (rewards, me, x.amount),
                    LumenEvent::JobCancelled(x) => (x.job, me, x.refund),
                    _ => (escrow, escrow, 0),
                };
                if amount > 0 {
                    extra.push(framework_event(
                        "0x1::fungible_asset::Withdraw",
                        json!({"store": self.store_of(&from), "amount": amount.to_string()}),
                    ));
                    extra.push(framework_event(
                        "0x1::fungible_asset::Deposit",
                        json!({"store": self.store_of(&to), "amount": amount.to_string()}),
                    ));
                }
            }
        }
        let gas = self.rng.gen_range(6..900);
        Ok(self
            .ledger
            .user(ts, &sender, f, args, extra, outcome, gas)?)
    }

    fn store_of(&self, owner: &AccountAddress) -> String {
        let meta = Package::object_address(self.pkg.address, PAYMENT_ASSET.as_bytes());
        let mut seed = owner.to_bytes().to_vec();
        seed.extend_from_slice(&meta.to_bytes());
        Package::object_address(*owner, &seed).to_hex()
    }

    fn transfer(&mut self, ts: u64) -> Result<()> {
        let from = self.others[self.rng.gen_range(0..self.others.len())].clone();
        let to = self.others[self.rng.gen_range(0..self.others.len())].address();
        let amount: u64 = self.rng.gen_range(1_000..50_000_000);
        let f = lumen_sdk::aptos_sdk::transaction::EntryFunction::new(
            Package::new(AccountAddress::ONE).module_id("aptos_account"),
            "transfer",
            vec![],
            vec![to.to_bytes().to_vec(), amount.to_le_bytes().to_vec()],
        );
        let events = vec![
            framework_event(
                "0x1::fungible_asset::Withdraw",
                json!({"store": self.store_of(&from.address()), "amount": amount.to_string()}),
            ),
            framework_event(
                "0x1::fungible_asset::Deposit",
                json!({"store": self.store_of(&to), "amount": amount.to_string()}),
            ),
        ];
        let gas = self.rng.gen_range(5..20);
        self.ledger.user(
            ts,
            &from,
            f,
            vec![j(to), j(amount)],
            events,
            Outcome::Success(vec![]),
            gas,
        )?;
        Ok(())
    }

    // -- schedule ------------------------------------------------------------

    fn plan(&mut self) {
        let day = self.p("epoch_secs");
        let start = self.cfg.start;
        let n = self.cfg.workers;
        for w in 0..n {
            // Most workers are there at launch, the rest join in the first half.
            let t = if w < n * 4 / 5 {
                start - 2 * 3_600 + self.rng.gen_range(0..3_600)
            } else {
                start + self.rng.gen_range(0..(self.cfg.epochs * day / 2).max(1))
            };
            self.workers[w].join_at = t;
            self.at(t, Action::Join(w));
            if self.rng.gen_bool(0.15) {
                let later = t + self
                    .rng
                    .gen_range(day..(self.cfg.epochs * day).max(day + 1));
                self.at(later, Action::Reattest(w));
            }
            // Scores last score_validity_secs: re-benchmark before they expire.
            let mut renew = t + 20 * day;
            while renew < self.end {
                self.at(renew, Action::Reattest(w));
                renew += 20 * day;
            }
        }
        if n >= 6 {
            // One revoked score, re-attested two days later; two workers leave.
            let cheater = n / 3;
            let t = start + self.cfg.epochs * day / 3;
            self.at(t, Action::RevokeScore(cheater));
            self.at(t + 2 * day, Action::Reattest(cheater));
            for w in [n / 2, n / 2 + 1] {
                let t = start + self.cfg.epochs * day / 2 + self.rng.gen_range(0..day);
                self.at(t, Action::Unstake(w));
            }
        }
        // The pre-launch epoch is funded and closed with no weight: it rolls over.
        let e0 = self.epoch_of(start);
        self.at(start - 3_000, Action::Fund(e0 - 1, 1_000 * USDT));
        self.at(
            start + self.p("epoch_grace_secs") + 300,
            Action::Close(e0 - 1),
        );
        for e in e0..e0 + self.cfg.epochs {
            let begin = e * day;
            let amount = self.rng.gen_range(200..800) * USDT;
            self.at(begin + 300, Action::Fund(e, amount));
            let end = begin + day;
            self.at(end + 600, Action::Report(e));
            self.at(
                end + self.p("epoch_grace_secs") - 900,
                Action::EarlyClose(e),
            );
            self.at(end + self.p("epoch_grace_secs") + 300, Action::Close(e));
            self.at(
                end + self.p("epoch_grace_secs") + 2 * 3_600,
                Action::VipWorkers,
            );
        }
        self.plan_campaign();
        let total_weight: f64 = self.creators.iter().map(|c| c.weight).sum();
        for _ in 0..self.cfg.jobs {
            let mut pick = self.rng.gen_range(0.0..total_weight);
            let mut creator = 0;
            for (i, c) in self.creators.iter().enumerate() {
                if pick < c.weight {
                    creator = i;
                    break;
                }
                pick -= c.weight;
            }
            let roll = self.rng.gen_range(0..100);
            let path = match roll {
                0..=37 => Path::Confirm,
                38..=49 => Path::Rerender(if self.rng.gen_bool(0.3) { 2 } else { 1 }),
                50..=61 => Path::Finalize,
                62..=69 => Path::Reclaim,
                70..=77 => Path::Cancel,
                78..=86 => Path::Resolve,
                87..=94 => Path::DisputeTimeout,
                _ => Path::Idle,
            };
            let frames = self.rng.gen_range(24..=480);
            let max_price = self.rng.gen_range(20..=300) * 1_000;
            let min_score = [0, 0, 2_000_000, 3_000_000, 5_000_000][self.rng.gen_range(0..5)];
            let min_vram = [0, 0, 8_192, 12_288, 16_384][self.rng.gen_range(0..5)];
            let plan = self.plans.len();
            self.plans.push(Plan {
                creator,
                path,
                frames,
                max_price,
                min_score,
                min_vram,
            });
            // Disputes that wait for the timeout start early enough to end in time.
            let latest = match path {
                Path::DisputeTimeout => {
                    let span = self.cfg.epochs * day;
                    span.saturating_sub(self.p("dispute_timeout_secs") + 4 * day)
                        .max(day)
                }
                _ => self.cfg.epochs * day - 6 * 3_600,
            };
            let t = start + 3_600 + self.rng.gen_range(0..latest.max(3_601) - 3_600);
            self.at(t, Action::Create(plan));
        }
    }

    fn run(mut self) -> Result<Scenario> {
        self.setup()?;
        self.plan();
        while let Some(Reverse((t, _, action))) = self.queue.pop() {
            if t > self.end {
                break;
            }
            self.now = self.now.max(t);
            self.step(action)?;
        }
        self.admin_revoke_leavers()?;
        Ok(self.finish())
    }

    fn setup(&mut self) -> Result<()> {
        let admin = self.staff[ADMIN].clone();
        let pkg = self.pkg;
        // Publishing the package is a framework call without package events.
        let publish = lumen_sdk::aptos_sdk::transaction::EntryFunction::new(
            Package::new(AccountAddress::ONE).module_id("code"),
            "publish_package_txn",
            vec![],
            vec![vec![2, 0xca, 0xfe], vec![0]],
        );
        self.call(
            admin.clone(),
            publish,
            vec![json!("0xcafe"), json!([])],
            Outcome::Success(vec![]),
        )?;
        self.now += 60;
        let asset = Package::object_address(self.pkg.address, PAYMENT_ASSET.as_bytes());
        let treasury = self.staff[TREASURY].address();
        let arbiter = self.staff[ARBITER].address();
        let mut evs = vec![LumenEvent::ConfigInitialized(ConfigInitialized {
            admin: admin.address(),
            payment_asset: asset,
            treasury,
            arbiter,
        })];
        for p in lumen_sdk::params::PARAMS {
            evs.push(LumenEvent::ParamsUpdated(ParamsUpdated {
                name: p.name.to_string(),
                old_value: 0,
                new_value: p.default,
            }));
        }
        self.call(
            admin.clone(),
            payloads::config::initialize(&pkg, asset, treasury, arbiter),
            vec![j(asset), j(treasury), j(arbiter)],
            Outcome::Success(evs),
        )?;
        for a in ATTESTERS {
            self.now += 30;
            let attester = self.staff[a].address();
            self.call(
                admin.clone(),
                payloads::config::add_attester(&pkg, attester),
                vec![j(attester)],
                Outcome::Success(vec![LumenEvent::AttesterAdded(AttesterAdded { attester })]),
            )?;
        }
        for (name, value) in [
            ("vip_worker_days", self.cfg.vip_worker_days),
            ("vip_creator_spend", self.cfg.vip_creator_spend),
        ] {
            self.now += 30;
            lumen_sdk::params::check(name, value)
                .map_err(|e| ScenarioError::Config(e.to_string()))?;
            let name = lumen_sdk::params::param(name).expect("checked").name;
            let old = self.params.insert(name, value).expect("known param");
            self.call(
                admin.clone(),
                payloads::config::set_param(&pkg, name, value),
                vec![j(name.to_string()), j(value)],
                Outcome::Success(vec![LumenEvent::ParamsUpdated(ParamsUpdated {
                    name: name.to_string(),
                    old_value: old,
                    new_value: value,
                })]),
            )?;
        }
        // The testnet campaign runs over the scenario's days.
        self.now += 30;
        let operator = self.staff[OPERATOR].address();
        self.campaign.operator = operator;
        let configured = self.campaign_configured();
        self.call(
            admin.clone(),
            payloads::campaign::set_operator(&pkg, operator),
            vec![j(operator)],
            Outcome::Success(vec![configured]),
        )?;
        self.now += 30;
        let (start, end) = (self.cfg.start, self.cfg.start + self.cfg.epochs * 86_400);
        self.campaign.start = start;
        self.campaign.end = end;
        let configured = self.campaign_configured();
        self.call(
            admin,
            payloads::campaign::set_period(&pkg, start, end),
            vec![j(start), j(end)],
            Outcome::Success(vec![configured]),
        )?;
        Ok(())
    }

    fn step(&mut self, a: Action) -> Result<()> {
        match a {
            Action::Join(w) => self.join(w),
            Action::Reattest(w) => self.attest(w),
            Action::TopUp(w) => self.top_up(w),
            Action::Unstake(w) => self.unstake(w),
            Action::Withdraw(w) => self.withdraw(w),
            Action::RevokeScore(w) => self.revoke_score(w),
            Action::Create(p) => self.create(p),
            Action::Accept(j) => self.accept(j),
            Action::Submit(j) => self.submit(j),
            Action::Review(j) => self.review(j),
            Action::Reclaim(j) => self.reclaim(j),
            Action::Cancel(j) => self.cancel(j),
            Action::Finalize(j) => self.finalize(j),
            Action::Resolve(j) => self.resolve(j),
            Action::Fund(e, amount) => self.fund(e, amount),
            Action::Report(e) => self.report(e),
            Action::EarlyClose(e) => self.early_close(e),
            Action::Close(e) => self.close(e),
            Action::Claim(w, e) => self.claim(w, e),
            Action::DoubleClaim(w, e) => self.double_claim(w, e),
            Action::VipWorkers => self.vip_workers(),
            Action::VipCreator(c) => self.vip_creator(c),
            Action::CheckIn(u) => self.check_in(u),
            Action::ClaimCredits(u) => self.claim_credits(u),
            Action::Refer(u, r) => self.refer(u, r),
            Action::SocialTask(u, t) => self.social_task(u, t),
            Action::CampaignFund(amount) => self.campaign_fund(amount),
            Action::PayLeaderboard => self.pay_leaderboard(),
        }
    }

    // -- attestation and staking ---------------------------------------------

    fn score_of(&self, w: usize) -> u64 {
        let x = &self.workers[w];
        if x.joined && !x.revoked && self.now < x.expires_at {
            x.score
        } else {
            0
        }
    }

    fn min_stake(&self, w: usize) -> u64 {
        formulas::min_stake(
            self.p("stake_factor"),
            self.score_of(w),
            self.workers[w].price,
        )
    }

    fn eligible(&self, w: usize) -> bool {
        let x = &self.workers[w];
        self.score_of(w) > 0 && x.price > 0 && x.stake >= self.min_stake(w)
    }

    fn join(&mut self, w: usize) -> Result<()> {
        self.attest(w)?;
        self.now += 45;
        let price = self.rng.gen_range(150..600) * 1_000;
        self.workers[w].price = price;
        let worker = self.workers[w].account.clone();
        self.call(
            worker.clone(),
            payloads::staking::set_price(&self.pkg, price),
            vec![j(price)],
            Outcome::Success(vec![LumenEvent::PriceSet(PriceSet {
                worker: worker.address(),
                price_per_ib_hour: price,
            })]),
        )?;
        self.now += 45;
        // Stake a margin above the minimum so a slash does not always bite.
        let min = self.min_stake(w);
        let amount = min + min * self.rng.gen_range(5..60) / 100 + USDT;
        self.stake(w, amount)
    }

    fn stake(&mut self, w: usize, amount: u64) -> Result<()> {
        let worker = self.workers[w].account.clone();
        self.workers[w].stake += amount;
        let total_stake = self.workers[w].stake;
        self.call(
            worker.clone(),
            payloads::staking::stake(&self.pkg, amount),
            vec![j(amount)],
            Outcome::Success(vec![LumenEvent::Staked(Staked {
                worker: worker.address(),
                amount,
                total_stake,
            })]),
        )?;
        Ok(())
    }

    fn attest(&mut self, w: usize) -> Result<()> {
        if self.workers[w].leaving {
            return Ok(());
        }
        let gpu = &GPUS[self.workers[w].gpu];
        // Benchmarks vary a little from run to run.
        let score = gpu.score * self.rng.gen_range(970..1_030) / 1_000;
        let measured_at = self.now - self.rng.gen_range(60..1_200);
        let nonce = self.workers[w].nonce + 1;
        let worker = self.workers[w].account.clone();
        let report = BenchmarkReport {
            worker: worker.address(),
            device_id: self.workers[w].device_id.clone(),
            gpu_model: gpu.model.to_string(),
            vram_mb: gpu.vram_mb,
            score,
            bench_version: 1,
            nonce,
            measured_at,
            chain_id: self.cfg.chain_id,
        };
        self.rule(
            self.now - measured_at <= self.p("report_max_age_secs"),
            || "stale report".into(),
        )?;
        let sig = report.sign(&self.pkg, worker.private_key());
        let attester = self.staff[ATTESTERS[w % 2]].clone();
        let effective_at = self.now;
        let expires_at = self.now + self.p("score_validity_secs");
        let report_hash = Sha3_256::digest(report.bcs()).to_vec();
        let evs = vec![
            LumenEvent::AttestationSubmitted(AttestationSubmitted {
                attester: attester.address(),
                worker: worker.address(),
                nonce,
                report_hash,
                approvals: 1,
                threshold: self.p("attester_threshold"),
            }),
            LumenEvent::ScoreAttested(ScoreAttested {
                worker: worker.address(),
                device_id: report.device_id.clone(),
                gpu_model: report.gpu_model.clone(),
                vram_mb: report.vram_mb,
                score,
                bench_version: 1,
                nonce,
                measured_at,
                effective_at,
                expires_at,
                attesters: vec![attester.address()],
            }),
        ];
        let pk = *worker.public_key();
        let f = payloads::attest_report(&self.pkg, &report, &pk, &sig);
        let args = vec![
            j(report.worker),
            j(report.device_id.clone()),
            j(report.gpu_model.clone()),
            j(report.vram_mb),
            j(score),
            j(1u64),
            j(nonce),
            j(measured_at),
            j(pk.to_bytes().to_vec()),
            j(sig.to_bytes().to_vec()),
        ];
        self.call(attester, f, args, Outcome::Success(evs))?;
        let x = &mut self.workers[w];
        x.joined = true;
        x.nonce = nonce;
        x.score = score;
        x.vram_mb = gpu.vram_mb;
        x.expires_at = expires_at;
        x.revoked = false;
        if self.workers[w].price > 0 && self.workers[w].stake < self.min_stake(w) {
            let t = self.now + 1_800;
            self.at(t, Action::TopUp(w));
        }
        Ok(())
    }

    fn top_up(&mut self, w: usize) -> Result<()> {
        if self.workers[w].leaving {
            return Ok(());
        }
        let min = self.min_stake(w);
        let stake = self.workers[w].stake;
        if stake >= min {
            return Ok(());
        }
        let amount = min - stake + min / 10 + USDT;
        self.stake(w, amount)
    }

    fn revoke_score(&mut self, w: usize) -> Result<()> {
        if !self.workers[w].joined {
            return Ok(());
        }
        let by = self.staff[ATTESTERS[0]].clone();
        let reason = "benchmark checksum mismatch on re-check".to_string();
        let worker = self.workers[w].account.address();
        self.call(
            by.clone(),
            payloads::attestation::revoke(&self.pkg, worker, &reason),
            vec![j(worker), j(reason.clone())],
            Outcome::Success(vec![LumenEvent::ScoreRevoked(ScoreRevoked {
                worker,
                by: by.address(),
                reason,
            })]),
        )?;
        self.workers[w].revoked = true;
        Ok(())
    }

    fn unstake(&mut self, w: usize) -> Result<()> {
        let amount = self.workers[w].stake;
        if amount == 0 {
            return Ok(());
        }
        let x = &mut self.workers[w];
        x.leaving = true;
        x.stake = 0;
        x.unbonding += amount;
        x.available_at = self.now + self.params["unbonding_secs"];
        let ev = UnstakeRequested {
            worker: x.account.address(),
            amount,
            total_stake: 0,
            unbonding: x.unbonding,
            available_at: x.available_at,
        };
        let (account, at) = (x.account.clone(), x.available_at);
        self.call(
            account,
            payloads::staking::request_unstake(&self.pkg, amount),
            vec![j(amount)],
            Outcome::Success(vec![LumenEvent::UnstakeRequested(ev)]),
        )?;
        let later = at + 3_600;
        self.at(later, Action::Withdraw(w));
        Ok(())
    }

    fn withdraw(&mut self, w: usize) -> Result<()> {
        let x = &self.workers[w];
        self.rule(self.now >= x.available_at, || {
            "withdraw before unbonding ended".into()
        })?;
        let amount = x.unbonding;
        if amount == 0 {
            return Ok(());
        }
        let account = x.account.clone();
        self.call(
            account.clone(),
            payloads::staking::withdraw(&self.pkg),
            vec![],
            Outcome::Success(vec![LumenEvent::Withdrawn(Withdrawn {
                worker: account.address(),
                amount,
            })]),
        )?;
        let x = &mut self.workers[w];
        x.unbonding = 0;
        x.available_at = 0;
        x.withdrawn += amount;
        Ok(())
    }

    // -- jobs ----------------------------------------------------------------

    fn create(&mut self, plan: usize) -> Result<()> {
        let p = &self.plans[plan];
        let c = p.creator;
        let id = self.jobs.len() as u64;
        let address = self.pkg.job_address(id);
        let deposit = formulas::deposit(p.frames, p.max_price)
            .ok_or_else(|| ScenarioError::Config("deposit overflows".into()))?;
        let spec_hash = Sha3_256::digest(format!("scene-{}-{plan}", self.cfg.seed)).to_vec();
        let creator = self.creators[c].account.clone();
        let ev = JobCreated {
            job: address,
            job_id: id,
            creator: creator.address(),
            spec_hash: spec_hash.clone(),
            frames: p.frames,
            max_price_per_frame: p.max_price,
            min_score: p.min_score,
            min_vram_mb: p.min_vram,
            deposit,
            created_at: self.now,
        };
        let f = payloads::escrow::create_job(
            &self.pkg,
            &spec_hash,
            p.frames,
            p.max_price,
            p.min_score,
            p.min_vram,
        );
        let args = vec![
            j(spec_hash),
            j(p.frames),
            j(p.max_price),
            j(p.min_score),
            j(p.min_vram),
        ];
        let path = p.path;
        self.jobs.push(Job {
            id,
            address,
            plan,
            creator: c,
            worker: None,
            status: JobStatus::Open,
            frames: p.frames,
            max_price: p.max_price,
            min_score: p.min_score,
            min_vram: p.min_vram,
            deposit,
            price: 0,
            render_deadline: 0,
            frames_done: 0,
            review_deadline: 0,
            rerenders: 0,
            rerenders_left: match path {
                Path::Rerender(n) => n,
                _ => 0,
            },
            lease_secs: 0,
            lease_started_at: 0,
            disputed_at: 0,
            paid_to_worker: 0,
            fee_paid: 0,
            refunded: 0,
            frames_paid: 0,
        });
        self.call(
            creator,
            f,
            args,
            Outcome::Success(vec![LumenEvent::JobCreated(ev)]),
        )?;
        let cr = &mut self.creators[c];
        cr.jobs_created += 1;
        cr.deposited += deposit;
        let job = id as usize;
        match path {
            Path::Cancel => {
                let t = self.now + self.rng.gen_range(2 * 3_600..30 * 3_600);
                self.at(t, Action::Cancel(job));
            }
            Path::Idle => {}
            _ => {
                let t = self.now + self.rng.gen_range(600..3 * 3_600);
                self.at(t, Action::Accept(job));
            }
        }
        Ok(())
    }

    fn accept(&mut self, job: usize) -> Result<()> {
        let (creator_idx, min_score, min_vram, max_price, frames, address) = {
            let jb = &self.jobs[job];
            (
                jb.creator,
                jb.min_score,
                jb.min_vram,
                jb.max_price,
                jb.frames,
                jb.address,
            )
        };
        let creator = self.creators[creator_idx].account.clone();
        let candidates: Vec<usize> = (0..self.workers.len())
            .filter(|&w| {
                let x = &self.workers[w];
                self.eligible(w)
                    && !x.leaving
                    && self.score_of(w) >= min_score
                    && x.vram_mb >= min_vram
                    && x.account.address() != creator.address()
                    && x.active_jobs < 2
            })
            .collect();
        if candidates.is_empty() {
            // Nobody can take it now: the creator gives up later.
            let t = self.now + self.rng.gen_range(3_600..12 * 3_600);
            self.at(t, Action::Cancel(job));
            return Ok(());
        }
        let w = candidates[self.rng.gen_range(0..candidates.len())];
        let worker = self.workers[w].account.clone();
        let price = max_price * self.rng.gen_range(70..=100) / 100;
        let nonce = self.creators[creator_idx].next_nonce;
        self.creators[creator_idx].next_nonce += self.rng.gen_range(1..3);
        let render_deadline = self.now + self.rng.gen_range(6 * 3_600..48 * 3_600);
        let offer_expires_at = self.now + self.rng.gen_range(3_600..6 * 3_600);
        let offer = AssignmentOffer {
            job: address,
            worker: worker.address(),
            price_per_frame: price,
            render_deadline,
            offer_expires_at,
            nonce,
            chain_id: self.cfg.chain_id,
        };
        let sig = offer.sign(&self.pkg, creator.private_key());
        let pk = *creator.public_key();
        let f = payloads::accept_signed_offer(&self.pkg, &offer, &pk, &sig);
        let args = vec![
            obj(address),
            j(price),
            j(render_deadline),
            j(offer_expires_at),
            j(nonce),
            j(pk.to_bytes().to_vec()),
            j(sig.to_bytes().to_vec()),
        ];
        self.rule(
            self.now < offer_expires_at && render_deadline > self.now && price <= max_price,
            || format!("offer rules for job {job}"),
        )?;
        let refund = frames * (max_price - price);
        let worker_score = self.score_of(w);
        let ev = JobAssigned {
            job: address,
            job_id: job as u64,
            creator: creator.address(),
            worker: worker.address(),
            price_per_frame: price,
            render_deadline,
            nonce,
            worker_score,
            refund,
            assigned_at: self.now,
        };
        self.call(
            worker,
            f,
            args,
            Outcome::Success(vec![LumenEvent::JobAssigned(ev)]),
        )?;
        let now = self.now;
        let jb = &mut self.jobs[job];
        jb.status = JobStatus::Assigned;
        jb.worker = Some(w);
        jb.price = price;
        jb.render_deadline = render_deadline;
        jb.lease_started_at = now;
        jb.refunded += refund;
        self.workers[w].active_jobs += 1;
        self.schedule_round(job);
        Ok(())
    }

    /// After an assignment or a rerender request: the worker delivers, or
    /// (on the reclaim path) misses the deadline.
    fn schedule_round(&mut self, job: usize) {
        let jb = &self.jobs[job];
        let path = self.plans[jb.plan].path;
        let span = jb.render_deadline - self.now;
        if path == Path::Reclaim {
            let t = jb.render_deadline + self.rng.gen_range(600..12 * 3_600);
            self.at(t, Action::Reclaim(job));
        } else {
            let t = self.now + span * self.rng.gen_range(30..95) / 100;
            self.at(t, Action::Submit(job));
        }
    }

    fn submit(&mut self, job: usize) -> Result<()> {
        let jb = &self.jobs[job];
        let w = jb.worker.expect("assigned");
        self.rule(
            jb.status == JobStatus::Assigned && self.now <= jb.render_deadline,
            || format!("submit_result on job {job}"),
        )?;
        let frames_done = if self.rng.gen_bool(0.85) {
            jb.frames
        } else {
            (jb.frames * self.rng.gen_range(60..100) / 100).max(1)
        };
        let output_root = Sha3_256::digest(format!("frames-{job}-{}", jb.rerenders)).to_vec();
        let lease_secs = jb.lease_secs + (self.now - jb.lease_started_at);
        let review_deadline = self.now + self.p("review_window_secs");
        let worker = self.workers[w].account.clone();
        let ev = ResultSubmitted {
            job: jb.address,
            job_id: jb.id,
            worker: worker.address(),
            frames_done,
            output_root: output_root.clone(),
            review_deadline,
            lease_secs,
            submitted_at: self.now,
        };
        let f = payloads::escrow::submit_result(&self.pkg, jb.address, frames_done, &output_root);
        let args = vec![obj(jb.address), j(frames_done), j(output_root)];
        self.call(
            worker,
            f,
            args,
            Outcome::Success(vec![LumenEvent::ResultSubmitted(ev)]),
        )?;
        self.workers[w].active_jobs -= 1;
        let jb = &mut self.jobs[job];
        jb.status = JobStatus::Submitted;
        jb.frames_done = frames_done;
        jb.lease_secs = lease_secs;
        jb.review_deadline = review_deadline;
        let path = self.plans[jb.plan].path;
        let now = self.now;
        match path {
            Path::Finalize => {
                let t = review_deadline + self.rng.gen_range(60..24 * 3_600);
                self.at(t, Action::Finalize(job));
            }
            _ => {
                let t = now + self.rng.gen_range(3_600..48 * 3_600);
                self.at(t, Action::Review(job));
            }
        }
        Ok(())
    }

    /// The creator's answer within the review window: rerender, dispute or confirm.
    fn review(&mut self, job: usize) -> Result<()> {
        let (path, addr, id, creator_idx, frames, rerenders) = {
            let jb = &self.jobs[job];
            self.rule(
                jb.status == JobStatus::Submitted && self.now <= jb.review_deadline,
                || format!("review of job {job}"),
            )?;
            (
                self.plans[jb.plan].path,
                jb.address,
                jb.id,
                jb.creator,
                jb.frames,
                jb.rerenders,
            )
        };
        let creator = self.creators[creator_idx].account.clone();
        if self.jobs[job].rerenders_left > 0 && rerenders < self.p("max_rerenders") {
            let n = (frames * self.rng.gen_range(10..50) / 100).max(1);
            let render_deadline = self.now + self.rng.gen_range(6 * 3_600..24 * 3_600);
            let ev = RerenderRequested {
                job: addr,
                job_id: id,
                frames: n,
                render_deadline,
                rerenders: rerenders + 1,
            };
            self.call(
                creator,
                payloads::escrow::request_rerender(&self.pkg, addr, n, render_deadline),
                vec![obj(addr), j(n), j(render_deadline)],
                Outcome::Success(vec![LumenEvent::RerenderRequested(ev)]),
            )?;
            let now = self.now;
            let jb = &mut self.jobs[job];
            jb.rerenders += 1;
            jb.rerenders_left -= 1;
            jb.render_deadline = render_deadline;
            jb.lease_started_at = now;
            jb.review_deadline = 0;
            jb.status = JobStatus::Assigned;
            let w = jb.worker.expect("assigned");
            self.workers[w].active_jobs += 1;
            self.schedule_round(job);
            return Ok(());
        }
        match path {
            Path::Resolve | Path::DisputeTimeout => {
                let by = if self.rng.gen_bool(0.8) {
                    creator
                } else {
                    self.workers[self.jobs[job].worker.expect("assigned")]
                        .account
                        .clone()
                };
                let reason_hash = Sha3_256::digest(format!("dispute-{job}")).to_vec();
                self.call(
                    by.clone(),
                    payloads::escrow::dispute(&self.pkg, addr, &reason_hash),
                    vec![obj(addr), j(reason_hash.clone())],
                    Outcome::Success(vec![LumenEvent::JobDisputed(JobDisputed {
                        job: addr,
                        job_id: id,
                        by: by.address(),
                        reason_hash,
                    })]),
                )?;
                let now = self.now;
                self.jobs[job].status = JobStatus::Disputed;
                self.jobs[job].disputed_at = now;
                if path == Path::Resolve {
                    let t = now + self.rng.gen_range(3_600..5 * 86_400);
                    self.at(t, Action::Resolve(job));
                } else {
                    let t =
                        now + self.p("dispute_timeout_secs") + self.rng.gen_range(60..6 * 3_600);
                    self.at(t, Action::Finalize(job));
                }
                Ok(())
            }
            _ => {
                let done = self.jobs[job].frames_done;
                let accepted = if self.rng.gen_bool(0.85) {
                    done
                } else {
                    (done * self.rng.gen_range(50..100) / 100).max(1)
                };
                self.rule(accepted <= done, || "confirm above frames_done".into())?;
                let f = payloads::escrow::confirm(&self.pkg, addr, accepted);
                self.pay(
                    job,
                    accepted,
                    creator,
                    f,
                    vec![obj(addr), j(accepted)],
                    PayKind::Confirm,
                )
            }
        }
    }

    fn finalize(&mut self, job: usize) -> Result<()> {
        let jb = &self.jobs[job];
        let ok = match jb.status {
            JobStatus::Submitted => self.now > jb.review_deadline,
            JobStatus::Disputed => self.now >= jb.disputed_at + self.p("dispute_timeout_secs"),
            _ => false,
        };
        self.rule(ok, || format!("finalize of job {job} in {:?}", jb.status))?;
        let (addr, done) = (jb.address, jb.frames_done);
        let keeper = self.staff[KEEPER].clone();
        let f = payloads::escrow::finalize(&self.pkg, addr);
        self.pay(job, done, keeper, f, vec![obj(addr)], PayKind::Finalize)
    }

    fn resolve(&mut self, job: usize) -> Result<()> {
        let jb = &self.jobs[job];
        self.rule(jb.status == JobStatus::Disputed, || {
            format!("resolve of job {job}")
        })?;
        let done = jb.frames_done;
        let frames = if self.rng.gen_bool(0.2) {
            0
        } else {
            self.rng.gen_range(1..=done)
        };
        let addr = jb.address;
        let arbiter = self.staff[ARBITER].clone();
        let f = payloads::escrow::resolve(&self.pkg, addr, frames);
        self.pay(
            job,
            frames,
            arbiter,
            f,
            vec![obj(addr), j(frames)],
            PayKind::Resolve,
        )
    }

    /// Settles a job paying `frames` (confirm, finalize or resolve).
    fn pay(
        &mut self,
        job: usize,
        frames: u64,
        sender: Ed25519Account,
        f: lumen_sdk::aptos_sdk::transaction::EntryFunction,
        args: Vec<Value>,
        kind: PayKind,
    ) -> Result<()> {
        let (addr, id, c, w, price, balance, lease_secs) = {
            let jb = &self.jobs[job];
            (
                jb.address,
                jb.id,
                jb.creator,
                jb.worker.expect("assigned"),
                jb.price,
                jb.balance(),
                jb.lease_secs,
            )
        };
        let payout = formulas::payout(frames, price, self.p("worker_commission_bps"), balance)
            .ok_or_else(|| ScenarioError::Rule {
                at: self.now,
                what: format!("payout of job {job} exceeds its balance"),
            })?;
        let creator = self.creators[c].account.address();
        let worker = self.workers[w].account.address();
        let mut evs = vec![];
        if frames > 0 {
            let score = self.score_of(w);
            let epoch = self.epoch_of(self.now);
            let e = self.epochs.entry(epoch).or_default();
            let weight = if e.closed {
                0
            } else {
                formulas::pod_weight(score, lease_secs)
            };
            e.total_pod += weight;
            let r = e.records.entry(w).or_default();
            r.pod_weight += weight;
            r.lease_secs += lease_secs;
            evs.push(LumenEvent::LeaseRecorded(LeaseRecorded {
                epoch,
                worker,
                lease_secs,
                score,
                weight,
            }));
        }
        let status = match kind {
            PayKind::Confirm | PayKind::Finalize => {
                evs.push(LumenEvent::JobCompleted(JobCompleted {
                    job: addr,
                    job_id: id,
                    creator,
                    worker,
                    frames_paid: frames,
                    gross: payout.gross,
                    worker_amount: payout.worker_amount,
                    fee: payout.fee,
                    refund: payout.refund,
                    lease_secs,
                    finalized: kind == PayKind::Finalize,
                }));
                JobStatus::Completed
            }
            PayKind::Resolve => {
                evs.push(LumenEvent::DisputeResolved(DisputeResolved {
                    job: addr,
                    job_id: id,
                    arbiter: self.staff[ARBITER].address(),
                    creator,
                    worker,
                    frames_paid: frames,
                    gross: payout.gross,
                    worker_amount: payout.worker_amount,
                    fee: payout.fee,
                    refund: payout.refund,
                    lease_secs,
                }));
                JobStatus::Resolved
            }
        };
        self.call(sender, f, args, Outcome::Success(evs))?;
        let jb = &mut self.jobs[job];
        jb.status = status;
        jb.frames_paid = frames;
        jb.paid_to_worker += payout.worker_amount;
        jb.fee_paid += payout.fee;
        jb.refunded += payout.refund;
        let vip_spend = self.p("vip_creator_spend");
        let cr = &mut self.creators[c];
        cr.spent_total += payout.gross;
        cr.frames_succeeded += frames;
        let x = &mut self.workers[w];
        x.earned += payout.worker_amount;
        if frames > 0 {
            x.frames_completed += frames;
            x.jobs_completed += 1;
            x.lease_secs += lease_secs;
        } else {
            x.jobs_failed += 1;
        }
        let cr = &mut self.creators[c];
        let vip_due = !cr.vip_pending && cr.spent_total >= vip_spend;
        if frames > 0 {
            let pts = campaign::render_points(payout.gross, self.campaign.credit_value);
            let active = self.campaign_active();
            self.award(creator, campaign::PointSource::Creator, pts, active);
            self.award(worker, campaign::PointSource::WorkerRender, pts, active);
        }
        let cr = &mut self.creators[c];
        if vip_due {
            cr.vip_pending = true;
            let t = self.now + self.rng.gen_range(3_600..12 * 3_600);
            self.at(t, Action::VipCreator(c));
        }
        Ok(())
    }

    fn reclaim(&mut self, job: usize) -> Result<()> {
        let jb = &self.jobs[job];
        self.rule(
            jb.status == JobStatus::Assigned && self.now > jb.render_deadline,
            || format!("reclaim of job {job}"),
        )?;
        let (addr, id, c, w, refund) = (
            jb.address,
            jb.id,
            jb.creator,
            jb.worker.expect("assigned"),
            jb.balance(),
        );
        let creator = self.creators[c].account.clone();
        let x = &self.workers[w];
        let base = x.stake as u128 + x.unbonding as u128;
        let slashed = (base * self.p("slash_bps") as u128 / 10_000) as u64;
        let from_stake = slashed.min(x.stake);
        let from_unbonding = slashed - from_stake;
        let worker = x.account.address();
        let mut evs = vec![];
        if slashed > 0 {
            evs.push(LumenEvent::Slashed(Slashed {
                worker,
                amount: slashed,
                from_stake,
                from_unbonding,
                job: addr,
            }));
        }
        evs.push(LumenEvent::JobReclaimed(JobReclaimed {
            job: addr,
            job_id: id,
            creator: creator.address(),
            worker,
            refund,
            slashed,
        }));
        self.call(
            creator,
            payloads::escrow::reclaim(&self.pkg, addr),
            vec![obj(addr)],
            Outcome::Success(evs),
        )?;
        let jb = &mut self.jobs[job];
        jb.status = JobStatus::Reclaimed;
        jb.refunded += refund;
        let x = &mut self.workers[w];
        x.stake -= from_stake;
        x.unbonding -= from_unbonding;
        if x.unbonding == 0 {
            x.available_at = 0;
        }
        x.slashed += slashed;
        x.jobs_failed += 1;
        x.active_jobs -= 1;
        self.penalty_pool += slashed;
        let t = self.now + self.rng.gen_range(1_800..6 * 3_600);
        self.at(t, Action::TopUp(w));
        Ok(())
    }

    fn cancel(&mut self, job: usize) -> Result<()> {
        let jb = &self.jobs[job];
        if jb.status != JobStatus::Open {
            return Ok(());
        }
        let (addr, id, c, refund) = (jb.address, jb.id, jb.creator, jb.balance());
        let creator = self.creators[c].account.clone();
        self.call(
            creator.clone(),
            payloads::escrow::cancel(&self.pkg, addr),
            vec![obj(addr)],
            Outcome::Success(vec![LumenEvent::JobCancelled(JobCancelled {
                job: addr,
                job_id: id,
                creator: creator.address(),
                refund,
            })]),
        )?;
        let jb = &mut self.jobs[job];
        jb.status = JobStatus::Cancelled;
        jb.refunded += refund;
        Ok(())
    }

    // -- rewards -------------------------------------------------------------

    fn fund(&mut self, epoch: u64, amount: u64) -> Result<()> {
        let treasury = self.staff[TREASURY].clone();
        let e = self.epochs.entry(epoch).or_default();
        if e.closed {
            return Err(ScenarioError::Rule {
                at: self.now,
                what: format!("fund_epoch on closed epoch {epoch}"),
            });
        }
        e.funded += amount;
        e.pool += amount;
        let total = e.funded;
        self.call(
            treasury.clone(),
            payloads::rewards::fund_epoch(&self.pkg, epoch, amount),
            vec![j(epoch), j(amount)],
            Outcome::Success(vec![LumenEvent::EpochFunded(EpochFunded {
                epoch,
                funder: treasury.address(),
                amount,
                total,
            })]),
        )?;
        Ok(())
    }

    fn report(&mut self, epoch: u64) -> Result<()> {
        let day = self.p("epoch_secs");
        let (begin, end) = (epoch * day, (epoch + 1) * day);
        self.rule(self.now >= end, || {
            "report_uptime before the epoch ended".into()
        })?;
        let mut rows = vec![];
        for w in 0..self.workers.len() {
            let x = &self.workers[w];
            if !x.joined || x.join_at >= end || x.leaving || self.score_of(w) == 0 {
                continue;
            }
            let mut secs = if x.reliable {
                match self.rng.gen_range(0..100) {
                    0..=2 => 0,
                    3..=6 => self.rng.gen_range(30_000..57_600),
                    // Heartbeats around midnight can add up past the epoch: the contract caps.
                    7..=8 => day + self.rng.gen_range(1..300),
                    _ => self.rng.gen_range(58_000..=day),
                }
            } else if self.rng.gen_bool(0.2) {
                0
            } else {
                self.rng.gen_range(3_600..72_000)
            };
            if x.join_at > begin {
                secs = secs.min(end - x.join_at);
            }
            rows.push((w, secs));
        }
        for (i, chunk) in rows.chunks(25).enumerate() {
            let attester = self.staff[ATTESTERS[i % 2]].clone();
            let addrs: Vec<AccountAddress> = chunk
                .iter()
                .map(|&(w, _)| self.workers[w].account.address())
                .collect();
            let secs: Vec<u64> = chunk.iter().map(|&(_, s)| s).collect();
            let mut evs = vec![];
            let mut records = vec![];
            for &(w, s) in chunk {
                let capped = s.min(day);
                let score = self.score_of(w);
                let weight = formulas::poc_weight(score, capped);
                records.push((w, capped, weight));
                evs.push(LumenEvent::UptimeReported(UptimeReported {
                    epoch,
                    worker: self.workers[w].account.address(),
                    attester: attester.address(),
                    online_secs: capped,
                    score,
                    weight,
                }));
            }
            self.call(
                attester,
                payloads::rewards::report_uptime(&self.pkg, epoch, &addrs, &secs),
                vec![j(epoch), j(addrs.clone()), j(secs.clone())],
                Outcome::Success(evs),
            )?;
            let closed = self.epochs.get(&epoch).is_some_and(|e| e.closed);
            self.rule(!closed, || "report on a closed epoch".into())?;
            let e = self.epochs.entry(epoch).or_default();
            let idle = records.clone();
            for (w, capped, weight) in records {
                let r = e.records.entry(w).or_default();
                if r.reported {
                    return Err(ScenarioError::Rule {
                        at: self.now,
                        what: format!("worker {w} reported twice for epoch {epoch}"),
                    });
                }
                r.reported = true;
                r.online_secs = capped;
                r.poc_weight = weight;
                e.total_poc += weight;
            }
            // Campaign points for online-but-idle time of an epoch inside the period.
            let in_period = begin >= self.campaign.start && end <= self.campaign.end;
            for &(w, capped, _) in &idle {
                let lease = self.epochs[&epoch]
                    .records
                    .get(&w)
                    .map_or(0, |r| r.lease_secs);
                let score = self.score_of(w);
                let pts = campaign::idle_points(capped, lease, score);
                let worker = self.workers[w].account.address();
                self.award(worker, campaign::PointSource::WorkerOnline, pts, in_period);
            }
        }
        Ok(())
    }

    fn early_close(&mut self, epoch: u64) -> Result<()> {
        // A keeper's bot tries before the grace period is over and aborts.
        if self.rng.gen_bool(0.5) {
            let keeper = self.staff[KEEPER].clone();
            let status = abort_status(&self.pkg, "rewards", "ETooEarlyToClose", 0x30007);
            self.call(
                keeper,
                payloads::rewards::close_epoch(&self.pkg, epoch),
                vec![j(epoch)],
                Outcome::Abort(status),
            )?;
        }
        Ok(())
    }

    fn close(&mut self, epoch: u64) -> Result<()> {
        let close_at = (epoch + 1) * self.p("epoch_secs") + self.p("epoch_grace_secs");
        self.rule(self.now >= close_at, || {
            format!("close of epoch {epoch} too early")
        })?;
        let pod_share = self.p("pod_share_bps");
        let carried_in = self.carry;
        let closed = self.epochs.get(&epoch).is_some_and(|e| e.closed);
        self.rule(!closed, || format!("epoch {epoch} closed twice"))?;
        let e = self.epochs.entry(epoch).or_default();
        let pool = e.funded + carried_in;
        let (mut poc_pool, mut pod_pool) = formulas::split_pool(pool, pod_share);
        let mut rolled_over = 0;
        if e.total_poc == 0 {
            rolled_over += poc_pool;
            poc_pool = 0;
        }
        if e.total_pod == 0 {
            rolled_over += pod_pool;
            pod_pool = 0;
        }
        e.carried_in = carried_in;
        e.pool = pool;
        e.poc_pool = poc_pool;
        e.pod_pool = pod_pool;
        e.rolled_over = rolled_over;
        e.closed = true;
        let ev = EpochClosed {
            epoch,
            pool,
            poc_pool,
            pod_pool,
            total_poc_weight: e.total_poc,
            total_pod_weight: e.total_pod,
            rolled_over,
        };
        let workers: Vec<usize> = e.records.keys().copied().collect();
        self.carry = rolled_over;
        let keeper = self.staff[KEEPER].clone();
        self.call(
            keeper,
            payloads::rewards::close_epoch(&self.pkg, epoch),
            vec![j(epoch)],
            Outcome::Success(vec![LumenEvent::EpochClosed(ev)]),
        )?;
        for w in workers {
            if self.rng.gen_bool(0.85) {
                let t = self.now + self.rng.gen_range(600..20 * 3_600);
                self.at(t, Action::Claim(w, epoch));
                if self.rng.gen_bool(0.04) {
                    self.at(t + 120, Action::DoubleClaim(w, epoch));
                }
            }
        }
        Ok(())
    }

    fn reward_of(&self, w: usize, epoch: u64) -> formulas::Reward {
        let e = &self.epochs[&epoch];
        let r = e.records.get(&w).cloned().unwrap_or_default();
        formulas::reward(
            e.poc_pool,
            r.poc_weight,
            e.total_poc,
            e.pod_pool,
            r.pod_weight,
            e.total_pod,
        )
    }

    fn claim(&mut self, w: usize, epoch: u64) -> Result<()> {
        let reward = self.reward_of(w, epoch);
        let e = &self.epochs[&epoch];
        let already = e.records.get(&w).is_some_and(|r| r.claimed);
        // The contract aborts on a zero reward; a worker's wallet does not send it.
        if reward.amount == 0 || already || !e.closed {
            return Ok(());
        }
        let worker = self.workers[w].account.clone();
        self.call(
            worker.clone(),
            payloads::rewards::claim(&self.pkg, epoch),
            vec![j(epoch)],
            Outcome::Success(vec![LumenEvent::RewardClaimed(RewardClaimed {
                epoch,
                worker: worker.address(),
                poc_amount: reward.poc_amount,
                pod_amount: reward.pod_amount,
                amount: reward.amount,
            })]),
        )?;
        let e = self.epochs.get_mut(&epoch).expect("exists");
        e.records.entry(w).or_default().claimed = true;
        e.claimed += reward.amount;
        e.claims += 1;
        self.workers[w].rewards_claimed += reward.amount;
        Ok(())
    }

    fn double_claim(&mut self, w: usize, epoch: u64) -> Result<()> {
        let claimed = self.epochs[&epoch]
            .records
            .get(&w)
            .is_some_and(|r| r.claimed);
        if !claimed {
            return Ok(());
        }
        let worker = self.workers[w].account.clone();
        let status = abort_status(&self.pkg, "rewards", "EAlreadyClaimed", 0x80009);
        self.call(
            worker,
            payloads::rewards::claim(&self.pkg, epoch),
            vec![j(epoch)],
            Outcome::Abort(status),
        )?;
        Ok(())
    }

    // -- testnet campaign ----------------------------------------------------

    fn campaign_configured(&self) -> LumenEvent {
        let c = &self.campaign;
        LumenEvent::CampaignConfigured(CampaignConfigured {
            operator: c.operator,
            start: c.start,
            end: c.end,
            credit_value: c.credit_value,
            tier_amounts: c.tier_amounts.clone(),
        })
    }

    fn plan_campaign(&mut self) {
        let day = 86_400;
        let start = self.cfg.start;
        self.participants = self
            .creators
            .iter()
            .map(|c| c.account.clone())
            .chain(self.workers.iter().map(|w| w.account.clone()))
            .collect();
        let n = self.participants.len();
        // Enough for the leaderboard payout plus the credits people claim.
        let tiers: [u64; 5] = campaign::DEFAULT_TIER_AMOUNTS;
        let fund = campaign::payout_total(&tiers, n as u64)
            + n as u64 * (self.cfg.epochs / 4 + 1) * campaign::DEFAULT_CREDIT_VALUE
            + self.rng.gen_range(100..500) * USDT;
        self.at(start + 600, Action::CampaignFund(fund));
        let end = start + self.cfg.epochs * day;
        self.at(end + 3_000, Action::PayLeaderboard);
        for u in 0..n {
            let habit = self.rng.gen_range(0.35..0.97);
            for d in 0..self.cfg.epochs {
                if self.rng.gen_bool(habit) {
                    let t = start + d * day + self.rng.gen_range(0..day);
                    self.at(t, Action::CheckIn(u));
                }
            }
            if self.rng.gen_bool(0.35) {
                let r = self.rng.gen_range(0..n);
                let t = start + self.rng.gen_range(0..2 * day);
                self.at(t, Action::Refer(u, r));
            }
            for task in 1..=3u64 {
                if self.rng.gen_bool(0.4) {
                    let t = start + self.rng.gen_range(0..self.cfg.epochs * day);
                    self.at(t, Action::SocialTask(u, task));
                }
            }
            let mut t = start + 7 * day;
            while t < self.end {
                if self.rng.gen_bool(0.6) {
                    let at = t + self.rng.gen_range(0..day);
                    self.at(at, Action::ClaimCredits(u));
                }
                t += 7 * day;
            }
        }
    }

    fn campaign_active(&self) -> bool {
        self.now >= self.campaign.start && self.now < self.campaign.end
    }

    fn campaign_abort(
        &mut self,
        sender: Ed25519Account,
        f: lumen_sdk::aptos_sdk::transaction::EntryFunction,
        args: Vec<Value>,
        name: &str,
        code: u64,
    ) -> Result<()> {
        let status = abort_status(&self.pkg, "campaign", name, code);
        self.call(sender, f, args, Outcome::Abort(status))?;
        Ok(())
    }

    /// The referrer's share of `points` the user at `user` just earned.
    fn credit_referrer(
        &mut self,
        user: AccountAddress,
        source: u8,
        points: u64,
    ) -> Option<LumenEvent> {
        let referrer = self.campaign.users.get(&user)?.referrer?;
        let share = campaign::referral_share(points);
        if share == 0 {
            return None;
        }
        self.campaign
            .points
            .entry(referrer)
            .or_default()
            .add(campaign::PointSource::Referral, share);
        let r = self.campaign.users.entry(referrer).or_default();
        r.referral_points += share;
        r.total_points += share;
        Some(LumenEvent::ReferralPointsEarned(ReferralPointsEarned {
            referrer,
            referee: user,
            source,
            base_points: points,
            points: share,
            total_points: r.total_points,
        }))
    }

    /// Points the indexer awards from protocol events (never recorded on
    /// chain), and the referrer's share when the referral came first.
    fn award(
        &mut self,
        user: AccountAddress,
        source: campaign::PointSource,
        points: u64,
        in_period: bool,
    ) {
        if points == 0 || !in_period {
            return;
        }
        self.campaign
            .points
            .entry(user)
            .or_default()
            .add(source, points);
        let referrer = self.campaign.users.get(&user).and_then(|u| u.referrer);
        let share = campaign::referral_share(points);
        if let (Some(r), true) = (referrer, share > 0) {
            self.campaign
                .points
                .entry(r)
                .or_default()
                .add(campaign::PointSource::Referral, share);
        }
    }

    fn pay_leaderboard(&mut self) -> Result<()> {
        let c = &self.campaign;
        let tiers: [u64; 5] = c.tier_amounts.clone().try_into().expect("five tiers");
        let rows = campaign::leaderboard(&c.points, &tiers);
        let (winners, points) = campaign::ranking_args(&rows);
        if winners.is_empty() {
            return Ok(());
        }
        let recorded = |a: &AccountAddress| c.users.get(a).map_or(0, |u| u.total_points);
        campaign::check_ranking(&winners, &points, recorded, &tiers, c.pool).map_err(|e| {
            ScenarioError::Rule {
                at: self.now,
                what: format!("pay_leaderboard: {e}"),
            }
        })?;
        self.rule(self.now >= c.end, || {
            "pay_leaderboard before the end".into()
        })?;
        let mut evs = vec![];
        let mut total_paid = 0;
        let mut pool = c.pool;
        let mut paid = vec![];
        for (i, (&user, &p)) in winners.iter().zip(&points).enumerate() {
            let rank = i as u64 + 1;
            let tier = campaign::tier_of_rank(rank).expect("at most 100 ranks") as u64;
            let amount = tiers[tier as usize];
            total_paid += amount;
            pool -= amount;
            paid.push((rank, user, p, tier, amount));
            evs.push(LumenEvent::LeaderboardPaid(LeaderboardPaid {
                rank,
                user,
                points: p,
                tier,
                amount,
                total_paid,
                pool,
            }));
        }
        let operator = self.staff[OPERATOR].clone();
        self.call(
            operator,
            payloads::campaign::pay_leaderboard(&self.pkg, &winners, &points),
            vec![j(winners.clone()), j(points.clone())],
            Outcome::Success(evs),
        )?;
        self.campaign.pool = pool;
        self.campaign.paid = paid;
        Ok(())
    }

    fn campaign_fund(&mut self, amount: u64) -> Result<()> {
        let funder = self.staff[TREASURY].clone();
        self.campaign.pool += amount;
        self.campaign.funded += amount;
        let pool = self.campaign.pool;
        self.call(
            funder.clone(),
            payloads::campaign::fund(&self.pkg, amount),
            vec![j(amount)],
            Outcome::Success(vec![LumenEvent::CampaignFunded(CampaignFunded {
                funder: funder.address(),
                amount,
                pool,
            })]),
        )?;
        Ok(())
    }

    fn check_in(&mut self, u: usize) -> Result<()> {
        if !self.campaign_active() {
            return Ok(());
        }
        let account = self.participants[u].clone();
        let user = account.address();
        let today = campaign::utc_day(self.now);
        let credit_value = self.campaign.credit_value;
        let info = self.campaign.users.entry(user).or_default();
        if info.checkins > 0 && info.last_day == today {
            return self.campaign_abort(
                account,
                payloads::campaign::check_in(&self.pkg),
                vec![],
                "EAlreadyCheckedIn",
                0x80003,
            );
        }
        let streak = campaign::next_streak(info.checkins > 0, info.last_day, info.streak, today);
        let cycle_day = campaign::cycle_day_of(streak);
        let (points, credits) = campaign::day_reward(cycle_day);
        let credit_amount = credits * credit_value;
        info.checkins += 1;
        info.streak = streak;
        info.last_day = today;
        info.checkin_points += points;
        self.campaign
            .points
            .entry(user)
            .or_default()
            .add(campaign::PointSource::CheckIn, points);
        let info = self.campaign.users.get_mut(&user).expect("just added");
        info.total_points += points;
        info.credits_earned += credit_amount;
        let mut evs = vec![LumenEvent::CheckedIn(CheckedIn {
            user,
            day: today,
            cycle_day,
            streak,
            points,
            credits,
            credit_amount,
            total_points: info.total_points,
            claimable: info.credits_earned - info.credits_claimed,
        })];
        evs.extend(self.credit_referrer(user, 0, points));
        self.call(
            account,
            payloads::campaign::check_in(&self.pkg),
            vec![],
            Outcome::Success(evs),
        )?;
        Ok(())
    }

    fn claim_credits(&mut self, u: usize) -> Result<()> {
        let account = self.participants[u].clone();
        let Some(info) = self.campaign.users.get_mut(&account.address()) else {
            return Ok(());
        };
        let amount = info.credits_earned - info.credits_claimed;
        if amount == 0 || self.campaign.pool < amount {
            return Ok(());
        }
        info.credits_claimed += amount;
        let total_claimed = info.credits_claimed;
        self.campaign.pool -= amount;
        let pool = self.campaign.pool;
        self.call(
            account.clone(),
            payloads::campaign::claim_credits(&self.pkg),
            vec![],
            Outcome::Success(vec![LumenEvent::CreditsClaimed(CreditsClaimed {
                user: account.address(),
                amount,
                total_claimed,
                pool,
            })]),
        )?;
        Ok(())
    }

    fn refer(&mut self, u: usize, r: usize) -> Result<()> {
        if !self.campaign_active() {
            return Ok(());
        }
        let account = self.participants[u].clone();
        let (referee, referrer) = (account.address(), self.participants[r].address());
        let f = payloads::campaign::register_referral(&self.pkg, referrer);
        let args = vec![j(referrer)];
        let info = self
            .campaign
            .users
            .get(&referee)
            .cloned()
            .unwrap_or_default();
        // Wallets do not stop these; the contract does.
        if referrer == referee {
            return self.campaign_abort(account, f, args, "ESelfReferral", 0x1000a);
        }
        if info.referrer.is_some() {
            return self.campaign_abort(account, f, args, "EAlreadyReferred", 0x80009);
        }
        if info.referees > 0 {
            return self.campaign_abort(account, f, args, "ECircularReferral", 0x1000b);
        }
        self.campaign.users.entry(referee).or_default().referrer = Some(referrer);
        self.campaign.users.entry(referrer).or_default().referees += 1;
        self.call(
            account,
            f,
            args,
            Outcome::Success(vec![LumenEvent::ReferralRegistered(ReferralRegistered {
                referee,
                referrer,
                registered_at: self.now,
            })]),
        )?;
        Ok(())
    }

    fn social_task(&mut self, u: usize, task_id: u64) -> Result<()> {
        if !self.campaign_active() {
            return Ok(());
        }
        let user = self.participants[u].address();
        let operator = self.staff[OPERATOR].clone();
        if !self.campaign.tasks.insert((user, task_id)) {
            return Ok(());
        }
        // The seed's social tasks are worth 5 points.
        let points = 5 * campaign::POINT;
        self.campaign
            .points
            .entry(user)
            .or_default()
            .add(campaign::PointSource::Social, points);
        let info = self.campaign.users.entry(user).or_default();
        info.social_points += points;
        info.total_points += points;
        let mut evs = vec![LumenEvent::SocialTaskGranted(SocialTaskGranted {
            user,
            task_id,
            points,
            total_points: info.total_points,
            operator: operator.address(),
        })];
        evs.extend(self.credit_referrer(user, 1, points));
        self.call(
            operator,
            payloads::campaign::grant_social_task(&self.pkg, user, task_id, points),
            vec![j(user), j(task_id), j(points)],
            Outcome::Success(evs),
        )?;
        Ok(())
    }

    // -- VIP -----------------------------------------------------------------

    fn has_pass(&self, holder: AccountAddress, role: u8) -> bool {
        self.passes
            .iter()
            .any(|p| p.holder == holder && p.role == role && !p.revoked)
    }

    fn mint(&mut self, holder: Ed25519Account, role: u8) -> Result<()> {
        // Token objects get GUID-derived addresses: sha3(creation_num ‖ creator ‖ 0xFD).
        self.token_counter += 1;
        let vip_object = Package::object_address(self.pkg.address, b"vip");
        let mut h = Sha3_256::new();
        h.update(self.token_counter.to_le_bytes());
        h.update(vip_object.to_bytes());
        h.update([0xFD]);
        let token = AccountAddress::new(h.finalize().into());
        let ev = VipMinted {
            holder: holder.address(),
            role,
            token,
            minted_at: self.now,
        };
        self.call(
            holder.clone(),
            payloads::vip::claim(&self.pkg, role),
            vec![j(role)],
            Outcome::Success(vec![LumenEvent::VipMinted(ev)]),
        )?;
        self.passes.push(Pass {
            holder: holder.address(),
            role,
            token,
            minted_at: self.now,
            revoked: false,
        });
        Ok(())
    }

    fn vip_creator(&mut self, c: usize) -> Result<()> {
        let holder = self.creators[c].account.clone();
        if self.has_pass(holder.address(), 0)
            || !formulas::creator_vip_eligible(
                self.creators[c].spent_total,
                self.p("vip_creator_spend"),
            )
        {
            return Ok(());
        }
        self.mint(holder, 0)
    }

    fn vip_workers(&mut self) -> Result<()> {
        let days = self.p("vip_worker_days");
        let current = self.epoch_of(self.now);
        if current < days {
            return Ok(());
        }
        for w in 0..self.workers.len() {
            let holder = self.workers[w].account.clone();
            if self.has_pass(holder.address(), 1) {
                continue;
            }
            let window: Vec<u64> = (current - days..current)
                .rev()
                .map(|e| {
                    self.epochs
                        .get(&e)
                        .and_then(|x| x.records.get(&w))
                        .map_or(0, |r| r.online_secs)
                })
                .collect();
            if formulas::worker_vip_eligible(
                &window,
                self.p("vip_worker_min_avg_secs"),
                self.p("vip_worker_max_down_days"),
            ) {
                self.now += self.rng.gen_range(1..120);
                self.mint(holder, 1)?;
            }
        }
        Ok(())
    }

    fn admin_revoke_leavers(&mut self) -> Result<()> {
        let leavers: Vec<usize> = (0..self.workers.len())
            .filter(|&w| {
                self.workers[w].leaving && self.has_pass(self.workers[w].account.address(), 1)
            })
            .collect();
        for w in leavers {
            self.now += 60;
            self.vip_revoke(w)?;
        }
        Ok(())
    }

    fn vip_revoke(&mut self, w: usize) -> Result<()> {
        let holder = self.workers[w].account.address();
        let admin = self.staff[ADMIN].clone();
        let Some(pass) = self
            .passes
            .iter_mut()
            .find(|p| p.holder == holder && p.role == 1 && !p.revoked)
        else {
            return Ok(());
        };
        pass.revoked = true;
        let token = pass.token;
        self.call(
            admin.clone(),
            payloads::vip::revoke(&self.pkg, holder, 1),
            vec![j(holder), j(1u8)],
            Outcome::Success(vec![LumenEvent::VipRevoked(VipRevoked {
                holder,
                role: 1,
                token,
                by: admin.address(),
            })]),
        )?;
        Ok(())
    }

    // -- the ledger ----------------------------------------------------------

    fn finish(self) -> Scenario {
        let mut jobs = JobTotals::default();
        let mut job_list = vec![];
        for jb in &self.jobs {
            jobs.total += 1;
            *jobs
                .by_status
                .entry(jb.status.as_str().to_string())
                .or_default() += 1;
            jobs.deposits += jb.deposit;
            jobs.paid_to_workers += jb.paid_to_worker;
            jobs.fees += jb.fee_paid;
            jobs.refunds += jb.refunded;
            jobs.held += jb.balance();
            jobs.frames_paid += jb.frames_paid;
            job_list.push(JobSummary {
                job_id: jb.id,
                address: jb.address.to_hex(),
                creator: self.creators[jb.creator].account.address().to_hex(),
                worker: jb
                    .worker
                    .map(|w| self.workers[w].account.address().to_hex()),
                status: jb.status.as_str().to_string(),
                frames: jb.frames,
                deposit: jb.deposit,
                paid_to_worker: jb.paid_to_worker,
                fee_paid: jb.fee_paid,
                refunded: jb.refunded,
                balance: jb.balance(),
                frames_paid: jb.frames_paid,
                rerenders: jb.rerenders,
                lease_secs: jb.lease_secs,
            });
        }
        let mut workers: Vec<WorkerSummary> = (0..self.workers.len())
            .filter(|&w| self.workers[w].joined)
            .map(|w| {
                let x = &self.workers[w];
                WorkerSummary {
                    address: x.account.address().to_hex(),
                    gpu_model: GPUS[x.gpu].model.to_string(),
                    score: self.score_of(w),
                    stake: x.stake,
                    unbonding: x.unbonding,
                    price_per_ib_hour: x.price,
                    eligible: self.eligible(w),
                    frames_completed: x.frames_completed,
                    jobs_completed: x.jobs_completed,
                    jobs_failed: x.jobs_failed,
                    lease_secs: x.lease_secs,
                    earned: x.earned,
                    slashed: x.slashed,
                    rewards_claimed: x.rewards_claimed,
                    vip: self.has_pass(x.account.address(), 1),
                }
            })
            .collect();
        workers.sort_by(|a, b| a.address.cmp(&b.address));
        let mut top_workers = workers.clone();
        top_workers.sort_by(|a, b| {
            b.frames_completed
                .cmp(&a.frames_completed)
                .then(a.address.cmp(&b.address))
        });
        top_workers.truncate(5);
        let mut creators: Vec<CreatorSummary> = self
            .creators
            .iter()
            .filter(|c| c.jobs_created > 0)
            .map(|c| CreatorSummary {
                address: c.account.address().to_hex(),
                jobs_created: c.jobs_created,
                deposited: c.deposited,
                spent_total: c.spent_total,
                frames_succeeded: c.frames_succeeded,
                vip: self.has_pass(c.account.address(), 0),
            })
            .collect();
        creators.sort_by(|a, b| a.address.cmp(&b.address));
        let stake = StakeTotals {
            staked: self.workers.iter().map(|x| x.stake).sum(),
            unbonding: self.workers.iter().map(|x| x.unbonding).sum(),
            withdrawn: self.workers.iter().map(|x| x.withdrawn).sum(),
            slashed: self.penalty_pool,
        };
        let mut rewards = RewardTotals {
            carry: self.carry,
            ..Default::default()
        };
        let mut epochs = vec![];
        for (&n, e) in &self.epochs {
            rewards.funded += e.funded;
            rewards.claimed += e.claimed;
            rewards.claims += e.claims;
            let unclaimed = if e.closed {
                e.records
                    .iter()
                    .filter(|(_, r)| !r.claimed)
                    .map(|(&w, _)| self.reward_of(w, n).amount)
                    .sum()
            } else {
                0
            };
            epochs.push(EpochSummary {
                epoch: n,
                funded: e.funded,
                carried_in: e.carried_in,
                pool: e.pool,
                closed: e.closed,
                poc_pool: e.poc_pool,
                pod_pool: e.pod_pool,
                rolled_over: e.rolled_over,
                total_poc_weight: e.total_poc.to_string(),
                total_pod_weight: e.total_pod.to_string(),
                claimed: e.claimed,
                claims: e.claims,
                unclaimed,
                workers_reported: e.records.values().filter(|r| r.reported).count() as u64,
                reported_online_secs: e.records.values().map(|r| r.online_secs).sum(),
            });
        }
        let mut vip: Vec<VipSummary> = self
            .passes
            .iter()
            .map(|p| VipSummary {
                holder: p.holder.to_hex(),
                role: p.role,
                token: p.token.to_hex(),
                minted_at: p.minted_at,
                revoked: p.revoked,
            })
            .collect();
        vip.sort_by(|a, b| (&a.holder, a.role).cmp(&(&b.holder, b.role)));
        let mut users: Vec<CampaignUserSummary> = self
            .campaign
            .users
            .iter()
            .map(|(a, u)| CampaignUserSummary {
                address: a.to_hex(),
                total_points: u.total_points,
                checkin_points: u.checkin_points,
                social_points: u.social_points,
                referral_points: u.referral_points,
                checkins: u.checkins,
                streak: u.streak,
                credits_earned: u.credits_earned,
                credits_claimed: u.credits_claimed,
                referrer: u.referrer.map(|r| r.to_hex()),
                referees: u.referees,
                points_all_sources: self.campaign.points.get(a).map_or(0, |p| p.total()),
                rank: self.campaign.paid.iter().find(|x| x.1 == *a).map(|x| x.0),
                prize: self
                    .campaign
                    .paid
                    .iter()
                    .find(|x| x.1 == *a)
                    .map_or(0, |x| x.4),
            })
            .collect();
        users.sort_by(|a, b| a.address.cmp(&b.address));
        let campaign = CampaignSummary {
            start: self.campaign.start,
            end: self.campaign.end,
            pool: self.campaign.pool,
            funded: self.campaign.funded,
            checkins: users.iter().map(|u| u.checkins).sum(),
            credits_earned: users.iter().map(|u| u.credits_earned).sum(),
            credits_claimed: users.iter().map(|u| u.credits_claimed).sum(),
            referrals: users.iter().filter(|u| u.referrer.is_some()).count() as u64,
            leaderboard_paid: self.campaign.paid.iter().map(|x| x.4).sum(),
            winners: self.campaign.paid.len() as u64,
            users,
        };
        let txns = self.ledger.transactions();
        let last_timestamp = txns
            .last()
            .and_then(|t| t["timestamp"].as_str())
            .and_then(|s| s.parse::<u64>().ok())
            .unwrap_or(0)
            / 1_000_000;
        let chain = ChainTotals {
            transactions: txns.len() as u64,
            head_version: txns.len() as u64 - 1,
            lumen_transactions: self.lumen_txns,
            failed_transactions: self.failed,
            lumen_events: self.ledger.lumen_events(),
            events_by_type: self.events_by_type.clone(),
            last_timestamp,
        };
        let summary = Summary {
            seed: self.cfg.seed,
            package: self.pkg.address.to_hex(),
            chain_id: self.cfg.chain_id,
            start: self.cfg.start,
            first_epoch: self.cfg.start / 86_400,
            chain,
            jobs,
            stake,
            rewards,
            epochs,
            top_workers,
            workers,
            creators,
            vip,
            job_list,
            campaign,
        };
        let attester = &self.staff[ATTESTERS[0]];
        let new_worker = key(self.cfg.seed, "new-worker", 0);
        let keys = ScenarioKeys {
            attester_key: hex::encode(attester.private_key().to_bytes()),
            attester: attester.address().to_hex(),
            attesters: ATTESTERS
                .iter()
                .map(|&a| self.staff[a].address().to_hex())
                .collect(),
            new_worker_key: hex::encode(new_worker.private_key().to_bytes()),
            new_worker: new_worker.address().to_hex(),
        };
        Scenario {
            transactions: self.ledger.into_transactions(),
            summary,
            keys,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PayKind {
    Confirm,
    Finalize,
    Resolve,
}
