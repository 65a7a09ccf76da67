//! A deterministic simulation of a Lumen network: a seeded population of
//! creators, workers, attesters, the arbiter and keepers acting on the
//! contract, written out as the transactions a fullnode would serve.
//!
//! The scenario is only the actors' policy — who does what, when — and its
//! books. Every call executes on the one model of the contract
//! ([`lumen_model::Chain`]): the model decides each call's events or abort,
//! and the scenario reads the model's state to choose its next moves. Entry
//! functions come from [`lumen_sdk::payloads`], offers and benchmark reports
//! are really signed with [`lumen_sdk::messages`], transactions are written
//! by [`lumen_sdk::rest::Writer`] (really signed, so their hashes are what a
//! node would show). Between the package's transactions sit block metadata
//! transactions, transfers of other packages and a few aborted calls, as on
//! a real chain.
//!
//! What happens, over `epochs` days starting at an epoch boundary:
//! - the package is published and initialised, two attesters added, and the
//!   campaign's VIP thresholds queued with `set_param`, applied a day later;
//! - workers join (most at launch, some later): benchmark report signed by
//!   the worker, attested, price set, stake above the minimum `S(n)`; some
//!   re-benchmark, one has its score revoked and re-attests, a few leave
//!   (unstake, withdraw after unbonding);
//! - creators post jobs that take every path of the job state machine:
//!   confirmed, partly accepted (the worker takes it, disputes it or lets
//!   the response window pass), rerendered once or twice, a rerender's
//!   deadline missed (the creator's reclaim refused, the delivered frames
//!   disputed by either side), finalized after the review window, reclaimed
//!   after a missed deadline (the collateral slashed, a stake top-up),
//!   cancelled, disputed then resolved (sometimes paying 0), disputed then
//!   finalized after the dispute timeout, or left open; a worker's attempt to
//!   dispute its own submission is refused; creators now and then withdraw a
//!   signed offer by burning its nonce; once, the payment asset's issuer
//!   freezes a worker's store over a payout, and the worker withdraws the
//!   claimable balance after the thaw; jobs still running at the end hold
//!   their balance and their collateral;
//! - every epoch is funded, uptime is reported after it ends (an attester
//!   sometimes sends a batch twice: the repeat aborts), it is closed in order
//!   after the grace period (a pre-launch epoch with no weight rolls its pool
//!   over; a keeper's bot sometimes tries too early), and most workers claim
//!   (a few twice);
//! - creators past the spend threshold and workers with the uptime record
//!   claim their VIP pass; a keeper expires the passes of workers who lost
//!   their record; the admin revokes the pass of a worker who left;
//! - the testnet campaign runs over the same days: the operator and period
//!   are set, the pool funded, creators and workers check in by habit,
//!   register referrals (a few of them refused by the contract) and get
//!   social tasks granted; workers earn online points as their uptime takes
//!   effect; after the period a keeper pays the leaderboard the contract kept.
//!
//! [`Summary`] is the scenario's ledger of all of it (read from the model's
//! state and tallied from the events), for comparison with what an indexer
//! makes of the transactions.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use lumen_model::{Abort, Chain};
use lumen_sdk::aptos_sdk::account::Ed25519Account;
use lumen_sdk::aptos_sdk::crypto::Ed25519PrivateKey;
use lumen_sdk::aptos_sdk::transaction::EntryFunction;
use lumen_sdk::events::LumenEvent;
use lumen_sdk::movejson::MoveJson;
use lumen_sdk::params::{self, Param};
use lumen_sdk::rest::{framework_event, Outcome, WriteError, Writer};
use lumen_sdk::{payloads, AccountAddress, Package};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::{json, Value};
use sha3::{Digest, Sha3_256};

mod books;
mod campaign;
mod jobs;
mod plan;
mod rewards;
mod summary;
mod workers;

pub use summary::*;

use books::Books;
use plan::{Action, Creator, JobPlan, Worker};

/// 2026-01-01T00:00:00Z, an epoch boundary for the default `epoch_secs`.
pub const DEFAULT_START: u64 = 1_767_225_600;
/// One USDT in base units (6 decimals).
pub const USDT: u64 = 1_000_000;
/// Decimals of the scenario's payment asset.
pub const USDT_DECIMALS: u8 = 6;

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
    /// An actor made a call the contract refused (a bug in the policy).
    #[error("model error at t={at}: {what}")]
    Rule {
        /// Chain time (seconds).
        at: u64,
        /// The call and the abort.
        what: String,
    },
    /// A transaction could not be built or signed.
    #[error(transparent)]
    Write(#[from] WriteError),
}

type Result<T> = std::result::Result<T, ScenarioError>;

/// Keys the demo needs to act on the simulated chain: the first attester
/// (authorised by the scenario's `add_attester`) and a fresh worker that
/// has not joined yet. Private keys are hex; they only sign for a local
/// stand-in.
#[derive(Clone, Debug, serde::Serialize)]
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
    /// The scenario's creators, in order (the browser tests act as them).
    pub creators: Vec<AccountKey>,
    /// The scenario's workers, in order.
    pub workers: Vec<AccountKey>,
}

/// An account and its private key (hex).
#[derive(Clone, Debug, serde::Serialize)]
pub struct AccountKey {
    /// The account.
    pub address: String,
    /// Its private key.
    pub key: String,
}

impl AccountKey {
    fn of(a: &Ed25519Account) -> Self {
        Self {
            address: a.address().to_hex(),
            key: hex::encode(a.private_key().to_bytes()),
        }
    }
}

/// A built scenario: the transactions, the books, and the model's chain
/// after them.
pub struct Scenario {
    /// REST transactions, versions 0 ..= head without gaps.
    pub transactions: Vec<Value>,
    /// The expected numbers.
    pub summary: Summary,
    /// Keys for acting on the simulated chain.
    pub keys: ScenarioKeys,
    /// The model's state after the last transaction.
    pub chain: Chain,
}

impl Scenario {
    /// Runs the scenario.
    pub fn build(config: &ScenarioConfig) -> Result<Self> {
        Sim::new(config)?.run()
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

    /// The model's chain before any transaction of this scenario: the one a
    /// node serving it replays into (`lumen_model::node::Node::replay`).
    pub fn genesis(config: &ScenarioConfig) -> Chain {
        Chain::open(config.package, config.chain_id)
    }
}

// ---------------------------------------------------------------------------

const ADMIN: usize = 0;
const TREASURY: usize = 1;
const ARBITER: usize = 2;
const ATTESTERS: [usize; 2] = [3, 4];
const KEEPER: usize = 5;
const OPERATOR: usize = 6;
/// The payment asset's issuer (it can freeze a store, as regulated
/// stablecoins can).
const ISSUER: usize = 7;
const PAYMENT_ASSET: &str = "usdt-metadata";

/// The simulation: the model's chain, the actors and their plans.
struct Sim {
    cfg: ScenarioConfig,
    pkg: Package,
    rng: StdRng,
    chain: Chain,
    writer: Writer,
    txns: Vec<Value>,
    staff: Vec<Ed25519Account>,
    others: Vec<Ed25519Account>,
    workers: Vec<Worker>,
    creators: Vec<Creator>,
    plans: Vec<JobPlan>,
    /// Per job id: its plan and the rerender rounds it still asks for.
    jobs: Vec<plan::JobState>,
    queue: BinaryHeap<Reverse<(u64, u64, Action)>>,
    queued: u64,
    now: u64,
    end: u64,
    /// Campaign participants (creators, then workers).
    participants: Vec<Ed25519Account>,
    books: Books,
    /// The issuer froze a worker's store over a payout (once).
    froze: bool,
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

impl Sim {
    fn new(cfg: &ScenarioConfig) -> Result<Self> {
        let epoch_secs = params::EPOCH_SECS.default;
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
        params::check(params::VIP_WORKER_DAYS.name, cfg.vip_worker_days)
            .map_err(|e| ScenarioError::Config(e.to_string()))?;
        let seed = cfg.seed;
        let staff: Vec<Ed25519Account> = (0..8)
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
            .map(|i| Creator::new(key(seed, "creator", i as u64), i))
            .collect();
        let workers = (0..cfg.workers)
            .map(|i| {
                let (account, device) =
                    (key(seed, "worker", i as u64), key(seed, "device", i as u64));
                Worker::new(account, device, &mut rng)
            })
            .collect();
        let end = cfg.start + cfg.epochs * epoch_secs + 3_600 + 6 * 3_600;
        let mut writer = Writer::new(cfg.package, cfg.chain_id);
        let txns = vec![writer.genesis()];
        Ok(Self {
            pkg: cfg.package,
            chain: Scenario::genesis(cfg),
            writer,
            txns,
            cfg: cfg.clone(),
            rng,
            staff,
            others,
            workers,
            creators,
            plans: vec![],
            jobs: vec![],
            queue: BinaryHeap::new(),
            queued: 0,
            now: cfg.start - 3 * 3_600,
            end,
            participants: vec![],
            books: Books::default(),
            froze: false,
        })
    }

    /// The parameters the scenario changes at launch.
    fn vip_params(&self) -> [(Param, u64); 2] {
        [
            (params::VIP_WORKER_DAYS, self.cfg.vip_worker_days),
            (params::VIP_CREATOR_SPEND, self.cfg.vip_creator_spend),
        ]
    }

    /// A keeper applies the queued parameter changes once they are due.
    fn apply_params(&mut self) -> Result<()> {
        let keeper = self.staff[KEEPER].clone();
        for (p, _) in self.vip_params() {
            self.now += 20;
            let f = payloads::config::apply_param(&self.pkg, p.name);
            self.call(&keeper, f)?;
        }
        Ok(())
    }

    /// A parameter's current value on chain.
    fn param(&self, p: Param) -> u64 {
        lumen_model::config::param(&self.chain, p).expect("config is initialised first")
    }

    fn epoch_of(&self, t: u64) -> u64 {
        lumen_sdk::formulas::epoch_of(t, self.param(params::EPOCH_SECS))
    }

    fn at(&mut self, t: u64, a: Action) {
        self.queued += 1;
        self.queue.push(Reverse((t, self.queued, a)));
    }

    fn ts_us(&mut self) -> u64 {
        self.now * 1_000_000 + self.rng.gen_range(0..1_000_000)
    }

    /// A block, sometimes with an unrelated transfer, then `sender`'s call,
    /// executed on the model: its events, or its abort. `args` are the REST
    /// arguments of another package's call.
    fn attempt_with(
        &mut self,
        sender: &Ed25519Account,
        f: EntryFunction,
        args: Option<Vec<Value>>,
    ) -> Result<std::result::Result<Vec<LumenEvent>, Abort>> {
        let ts = self.ts_us();
        let proposer = self.staff[self.rng.gen_range(0..self.staff.len())].address();
        let block = self.writer.block(ts, proposer);
        self.txns.push(block);
        if self.rng.gen_bool(0.3) {
            self.transfer(ts)?;
        }
        let signed = self.writer.sign(ts, sender, f.clone())?;
        let outcome = self
            .chain
            .execute_txn(&signed.hash_bytes(), self.now, sender.address(), &f);
        let (extra, written) = match &outcome {
            Ok(events) => (
                self.money_events(sender.address(), events),
                Outcome::Success(events.clone()),
            ),
            Err(abort) => (vec![], Outcome::Abort(abort.vm_status(&self.pkg))),
        };
        self.books.record(&outcome);
        let gas = self.rng.gen_range(6..900);
        let t = self.writer.user(&signed, args, extra, &written, gas)?;
        self.txns.push(t);
        Ok(outcome)
    }

    /// [`Sim::attempt_with`] for a call of the package.
    fn attempt(
        &mut self,
        sender: &Ed25519Account,
        f: EntryFunction,
    ) -> Result<std::result::Result<Vec<LumenEvent>, Abort>> {
        self.attempt_with(sender, f, None)
    }

    /// A call the actor makes knowing the contract may refuse it (a second
    /// check-in the same day, a wallet's retry, a keeper's early try).
    fn try_call(&mut self, sender: &Ed25519Account, f: EntryFunction) -> Result<()> {
        let _ = self.attempt(sender, f)?;
        Ok(())
    }

    /// A call the contract must execute: its events.
    fn call(&mut self, sender: &Ed25519Account, f: EntryFunction) -> Result<Vec<LumenEvent>> {
        let what = format!("{}::{}", f.module.name.as_str(), f.function);
        self.attempt(sender, f)?
            .map_err(|abort| ScenarioError::Rule {
                at: self.now,
                what: format!("{what}: {abort}"),
            })
    }

    /// Money movements show as the framework's fungible-asset events: into
    /// the protocol's objects, or out of the rewards object.
    fn money_events(&self, me: AccountAddress, events: &[LumenEvent]) -> Vec<Value> {
        let escrow = Package::object_address(self.pkg.address, b"escrow");
        let staking = Package::object_address(self.pkg.address, b"staking");
        let rewards = Package::object_address(self.pkg.address, b"rewards");
        let mut extra = vec![];
        for e in events {
            let (from, to, amount) = match e {
                LumenEvent::JobCreated(x) => (me, x.job, x.deposit),
                LumenEvent::Staked(x) => (me, staking, x.amount),
                LumenEvent::EpochFunded(x) => (me, rewards, x.amount),
                LumenEvent::RewardClaimed(x) => (rewards, me, x.amount),
                LumenEvent::JobCancelled(x) => (x.job, me, x.refund),
                LumenEvent::ClaimableWithdrawn(x) => (escrow, me, x.amount),
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
        extra
    }

    fn store_of(&self, owner: &AccountAddress) -> String {
        let meta = Package::object_address(self.pkg.address, PAYMENT_ASSET.as_bytes());
        let mut seed = owner.to_bytes().to_vec();
        seed.extend_from_slice(&meta.to_bytes());
        Package::object_address(*owner, &seed).to_hex()
    }

    /// A transfer between two accounts of other users (another package's call).
    fn transfer(&mut self, ts: u64) -> Result<()> {
        let from = self.others[self.rng.gen_range(0..self.others.len())].clone();
        let to = self.others[self.rng.gen_range(0..self.others.len())].address();
        let amount: u64 = self.rng.gen_range(1_000..50_000_000);
        let f = EntryFunction::new(
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
        let signed = self.writer.sign(ts, &from, f)?;
        let t = self.writer.user(
            &signed,
            Some(vec![j(to), j(amount)]),
            events,
            &Outcome::Success(vec![]),
            gas,
        )?;
        self.txns.push(t);
        Ok(())
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
        let publish = EntryFunction::new(
            Package::new(AccountAddress::ONE).module_id("code"),
            "publish_package_txn",
            vec![],
            vec![vec![2, 0xca, 0xfe], vec![0]],
        );
        let args = vec![json!("0xcafe"), json!([])];
        self.attempt_with(&admin, publish, Some(args))?
            .map_err(|abort| ScenarioError::Config(abort.to_string()))?;
        self.now += 60;
        // The payment asset exists before the package (USDT on a real chain).
        let asset = Package::object_address(self.pkg.address, PAYMENT_ASSET.as_bytes());
        self.chain.create_asset(asset, USDT_DECIMALS);
        let treasury = self.staff[TREASURY].address();
        let arbiter = self.staff[ARBITER].address();
        self.call(
            &admin,
            payloads::config::initialize(&pkg, asset, treasury, arbiter),
        )?;
        for a in ATTESTERS {
            self.now += 30;
            let attester = self.staff[a].address();
            self.call(&admin, payloads::config::add_attester(&pkg, attester))?;
        }
        // Parameter changes wait for the delay; anyone applies them then.
        for (p, value) in self.vip_params() {
            self.now += 30;
            self.call(&admin, payloads::config::set_param(&pkg, p.name, value))?;
        }
        let due = self.now + self.param(params::PARAM_DELAY_SECS) + 60;
        self.at(due, plan::Action::ApplyParams);
        // The testnet campaign runs over the scenario's days.
        self.now += 30;
        let operator = self.staff[OPERATOR].address();
        self.call(&admin, payloads::campaign::set_operator(&pkg, operator))?;
        self.now += 30;
        let start = self.cfg.start;
        let end = start + self.cfg.epochs * self.param(params::EPOCH_SECS);
        self.call(&admin, payloads::campaign::set_period(&pkg, start, end))?;
        Ok(())
    }
}
