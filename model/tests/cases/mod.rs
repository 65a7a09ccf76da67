//! The transition vectors, written as calls: each case builds a [`Vector`]
//! by executing its calls on the model, which records what each gives; the
//! builder asserts what each call is meant to do (execute, or end in a given
//! abort), so a vector never records an accident. The Move tests generated
//! from the files check the same expectations against the real modules.

use lumen_model::vectors::{fixture, Account, Fixture, Freeze, Step, Vector, ATTESTER, START_TIME};
use lumen_model::Chain;
use lumen_sdk::aptos_sdk::crypto::{Ed25519PrivateKey, Ed25519PublicKey};
use lumen_sdk::aptos_sdk::transaction::EntryFunction;
use lumen_sdk::errors::AbortCode;
use lumen_sdk::events::LumenEvent;
use lumen_sdk::messages::{AssignmentOffer, BenchmarkReport};
use lumen_sdk::payloads::{self, Call};
use lumen_sdk::{formulas, AccountAddress, Package};

pub mod attestation;
pub mod campaign;
pub mod config;
pub mod escrow;
pub mod offers;
pub mod rewards;
pub mod staking;
pub mod vip;

/// The package of the Move tests.
pub const P: Package = Package::DEV;
/// One unit of the test asset (6 decimals).
pub const UNIT: u64 = 1_000_000;
/// One day.
pub const DAY: u64 = 86_400;

/// An account with an ed25519 key whose address is its authentication key.
#[derive(Clone)]
pub struct Keyed {
    pub address: AccountAddress,
    pub key: Ed25519PrivateKey,
    pub public: Ed25519PublicKey,
}

/// The account of the deterministic key `[seed; 32]`.
pub fn keyed(seed: u8) -> Keyed {
    let key = Ed25519PrivateKey::from_bytes(&[seed; 32]).expect("32 bytes");
    let public = key.public_key();
    let address = AccountAddress::new(lumen_sdk::messages::authentication_key(&public));
    Keyed {
        address,
        key,
        public,
    }
}

/// A short address (`@0x…` in Move).
pub fn at(n: u64) -> AccountAddress {
    let mut b = [0u8; 32];
    b[24..].copy_from_slice(&n.to_be_bytes());
    AccountAddress::new(b)
}

/// A vector under construction, with the model's chain it runs on.
pub struct B {
    v: Vector,
    chain: Chain,
    pub now: u64,
    /// Stores to freeze or thaw before the next call.
    freeze: Vec<Freeze>,
}

impl B {
    pub fn new(name: &str, about: &str, f: Fixture) -> Self {
        Self {
            v: Vector {
                name: name.into(),
                about: about.into(),
                fixture: f,
                accounts: vec![],
                steps: vec![],
            },
            chain: fixture(f, &[]),
            now: START_TIME,
            freeze: vec![],
        }
    }

    /// A world with config initialised and the attester added.
    pub fn world(name: &str, about: &str) -> Self {
        Self::new(name, about, Fixture::World)
    }

    /// The chain as it is now.
    pub fn chain(&self) -> &Chain {
        &self.chain
    }

    /// Creates `a` before the first call, with `mint` base units.
    pub fn account(&mut self, a: AccountAddress, mint: u64) -> &mut Self {
        assert!(self.v.steps.is_empty(), "accounts come before the calls");
        self.v.accounts.push(Account { address: a, mint });
        self.chain.create_account(a);
        self.chain.mint(a, mint);
        self
    }

    /// The issuer freezes (or thaws) `owner`'s store before the next call.
    pub fn set_frozen(&mut self, owner: AccountAddress, frozen: bool) -> &mut Self {
        self.chain.set_frozen(owner, frozen);
        self.freeze.push(Freeze { owner, frozen });
        self
    }

    /// Moves the clock forward by `secs`.
    pub fn wait(&mut self, secs: u64) -> &mut Self {
        self.now += secs;
        self
    }

    /// The admin queues `changes`, the delay passes and anyone applies them.
    pub fn set_params(&mut self, changes: &[(&str, u64)]) {
        for (name, value) in changes {
            self.ok(P.address, payloads::config::set_param(&P, name, *value));
        }
        self.wait(lumen_sdk::params::PARAM_DELAY_SECS.default);
        for (name, _) in changes {
            self.ok(at(0xa99), payloads::config::apply_param(&P, name));
        }
    }

    fn step(&mut self, sender: AccountAddress, f: &EntryFunction) -> lumen_model::Outcome {
        let call = Call::decode(&P, f).expect("a call of the package");
        let mut step = Step {
            freeze: std::mem::take(&mut self.freeze),
            time: self.now,
            sender,
            function: format!("{}::{}", call.module(), call.name()),
            args: call.rest_arguments(),
            events: None,
            abort: None,
        };
        let outcome = self.chain.call(self.now, sender, &call);
        step.expect(&outcome);
        self.v.steps.push(step);
        outcome
    }

    /// A call that must execute; its events.
    pub fn ok(&mut self, sender: AccountAddress, f: EntryFunction) -> Vec<LumenEvent> {
        let name = format!("{}::{}", f.module.name.as_str(), f.function);
        match self.step(sender, &f) {
            Ok(events) => events,
            Err(e) => panic!("{}: {name} aborted with {e}", self.v.name),
        }
    }

    /// The last call, which must abort with `code`.
    pub fn fails(mut self, sender: AccountAddress, f: EntryFunction, code: AbortCode) -> Vector {
        match self.step(sender, &f) {
            Err(lumen_model::Abort::Code(c)) if c == code => self.v,
            other => panic!("{}: expected {code}, got {other:?}", self.v.name),
        }
    }

    /// The vector, ending in an executed call.
    pub fn done(self) -> Vector {
        self.v
    }

    // -- common moves -------------------------------------------------------

    /// `attestation::attest` of report `r` signed by `signer`'s key, with the
    /// attester's measured `score`.
    pub fn attest_call(&self, signer: &Keyed, r: &BenchmarkReport, score: u64) -> EntryFunction {
        let sig = r.sign(&P, &signer.key);
        payloads::attest_report(&P, r, score, &signer.public, &sig)
    }

    /// A report of `worker` measured now (device `[tag; 8]`, RTX 3070, the next nonce).
    pub fn report(&self, worker: &Keyed, vram_mb: u64, tag: u8) -> BenchmarkReport {
        BenchmarkReport {
            worker: worker.address,
            device_id: vec![tag; 8],
            gpu_model: "RTX 3070".into(),
            vram_mb,
            bench_version: 1,
            nonce: lumen_model::attestation::last_nonce(&self.chain, worker.address) + 1,
            measured_at: self.now,
            chain_id: lumen_model::vectors::CHAIN_ID,
        }
    }

    /// Registers `worker`'s own key as its device key (once).
    pub fn device_key(&mut self, worker: &Keyed) {
        if lumen_model::attestation::device_key_of(&self.chain, worker.address).is_empty() {
            let f = payloads::attestation::register_device_key(&P, &worker.public.to_bytes());
            self.ok(worker.address, f);
        }
    }

    /// Attests `worker` with `score` and `vram_mb` through the fixture's
    /// attester (registering its device key first).
    pub fn give_score(&mut self, worker: &Keyed, score: u64, vram_mb: u64, tag: u8) {
        self.device_key(worker);
        let r = self.report(worker, vram_mb, tag);
        let f = self.attest_call(worker, &r, score);
        self.ok(ATTESTER, f);
    }

    /// A worker with a valid score, a price and exactly its minimum stake
    /// (the account must hold it).
    pub fn eligible(
        &mut self,
        worker: &Keyed,
        score: u64,
        vram_mb: u64,
        price: u64,
        tag: u8,
    ) -> u64 {
        self.give_score(worker, score, vram_mb, tag);
        self.ok(worker.address, payloads::staking::set_price(&P, price));
        let floor = lumen_sdk::params::MIN_PRICE_PER_IB_HOUR.default;
        let min = formulas::min_stake_floored(2, score, price, floor).max(1);
        self.ok(worker.address, payloads::staking::stake(&P, min));
        min
    }

    /// Creates a job of `creator`; its address.
    pub fn job(
        &mut self,
        creator: &Keyed,
        frames: u64,
        max_price: u64,
        min_score: u64,
        min_vram: u64,
    ) -> AccountAddress {
        let id = self.chain.escrow.next_job_id;
        let f = payloads::escrow::create_job(
            &P,
            &[0xab, id as u8],
            frames,
            max_price,
            min_score,
            min_vram,
        );
        self.ok(creator.address, f);
        P.job_address(id)
    }

    /// `worker`'s `accept_offer` of `creator`'s offer signed by `signer`.
    #[allow(clippy::too_many_arguments)]
    pub fn offer(
        &self,
        signer: &Keyed,
        job: AccountAddress,
        worker: AccountAddress,
        price: u64,
        render_deadline: u64,
        expires_at: u64,
        nonce: u64,
    ) -> EntryFunction {
        let offer = AssignmentOffer {
            job,
            worker,
            price_per_frame: price,
            render_deadline,
            offer_expires_at: expires_at,
            nonce,
            chain_id: lumen_model::vectors::CHAIN_ID,
        };
        let sig = offer.sign(&P, &signer.key);
        payloads::accept_signed_offer(&P, &offer, &signer.public, &sig)
    }

    /// `worker` takes `job` at `price` with a 2-hour deadline (offer valid 1 h).
    pub fn assign(
        &mut self,
        creator: &Keyed,
        worker: &Keyed,
        job: AccountAddress,
        price: u64,
        nonce: u64,
    ) {
        self.assign_within(creator, worker, job, price, (7_200, 3_600), nonce);
    }

    /// `worker` takes `job` at `price` on an offer due `render_secs` from now
    /// and valid `valid_secs`.
    pub fn assign_within(
        &mut self,
        creator: &Keyed,
        worker: &Keyed,
        job: AccountAddress,
        price: u64,
        (render_secs, valid_secs): (u64, u64),
        nonce: u64,
    ) {
        let f = self.offer(
            creator,
            job,
            worker.address,
            price,
            self.now + render_secs,
            self.now + valid_secs,
            nonce,
        );
        self.ok(worker.address, f);
    }

    /// A world with a creator funded with `creator_mint` and a worker with
    /// 1 000 units.
    pub fn funded(name: &str, about: &str, creator_mint: u64) -> (Self, Keyed, Keyed) {
        let (creator, worker) = (keyed(1), keyed(2));
        let mut b = Self::world(name, about);
        b.account(creator.address, creator_mint);
        b.account(worker.address, 1_000 * UNIT);
        (b, creator, worker)
    }

    /// A creator and an eligible worker (score 2.43, 8 GiB, price 2 units),
    /// 1 000 units each.
    pub fn staffed(name: &str, about: &str) -> (Self, Keyed, Keyed) {
        let (mut b, creator, worker) = Self::funded(name, about, 1_000 * UNIT);
        b.eligible(&worker, 2_430_000, 8_192, 2 * UNIT, 1);
        (b, creator, worker)
    }

    /// [`B::staffed`], with one job of `frames` at `max_price` assigned at
    /// `price`.
    pub fn assigned(
        name: &str,
        about: &str,
        frames: u64,
        max_price: u64,
        price: u64,
    ) -> (Self, Keyed, Keyed, AccountAddress) {
        let (mut b, creator, worker) = Self::staffed(name, about);
        let job = b.job(&creator, frames, max_price, 0, 0);
        b.assign(&creator, &worker, job, price, 1);
        (b, creator, worker, job)
    }

    /// [`B::assigned`] (10 frames at most 0.01 unit, at 0.008), then the
    /// worker submits every frame.
    pub fn submitted(name: &str, about: &str) -> (Self, Keyed, Keyed, AccountAddress) {
        let (mut b, creator, worker, job) = Self::assigned(name, about, 10, 10_000, 8_000);
        b.wait(600);
        b.ok(
            worker.address,
            payloads::escrow::submit_result(&P, job, 10, &[7; 32]),
        );
        (b, creator, worker, job)
    }
}

/// Every vector, by file.
pub fn all() -> Vec<(&'static str, Vec<Vector>)> {
    vec![
        ("config", config::cases()),
        ("attestation", attestation::cases()),
        ("staking", staking::cases()),
        ("escrow", escrow::cases()),
        ("offers", offers::cases()),
        ("rewards", rewards::cases()),
        ("vip", vip::cases()),
        ("campaign", campaign::cases()),
    ]
}
