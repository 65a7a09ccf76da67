//! Chains of REST transactions for the indexer's tests, all written by the
//! one REST writer (`lumen_sdk::rest`). Calls of the package execute on the
//! model of the contract (`lumen-model`): [`Chain::call`] and the actors'
//! moves built on it ([`Chain::onboard_worker`], [`Chain::create_job`] …)
//! give exactly the events the contract emits. A few tests need event
//! streams the contract would never write (a malformed or conflicting event,
//! a hand-shaped API fixture): [`Chain::push`] carries given events, and
//! [`raw_txn`] builds a transaction at any version. Test-only.

use std::collections::BTreeMap;

use lumen_model::Abort;
use lumen_sdk::aptos_sdk::account::Ed25519Account;
use lumen_sdk::aptos_sdk::crypto::Ed25519PrivateKey;
use lumen_sdk::aptos_sdk::transaction::EntryFunction;
use lumen_sdk::events::*;
use lumen_sdk::messages::{AssignmentOffer, BenchmarkReport};
use lumen_sdk::rest::{fee_statement, framework_event, Outcome, Writer};
use lumen_sdk::views::JobTerms;
use lumen_sdk::{formulas, params, payloads, AccountAddress, Package};
use serde_json::Value;

use crate::decode::{decode_page, Batch};
use crate::source::{Page, Transaction};

/// Start of the generated chain's clock (seconds).
pub const T0: u64 = 1_700_000_000;
/// The chain id of the generated chains.
pub const CHAIN_ID: u8 = 4;
/// The attester the model's package authorises.
pub const ATTESTER: u64 = 0xa77;

/// An address from a small number.
pub fn addr(n: u64) -> AccountAddress {
    let mut b = [0u8; 32];
    b[24..].copy_from_slice(&n.to_be_bytes());
    AccountAddress::new(b)
}

/// The key of account `a` (deterministic; the model's chain rotates the
/// account's authentication key to it, so short addresses keep their shape).
fn key_of(a: AccountAddress) -> Ed25519Account {
    let key = Ed25519PrivateKey::from_bytes(&a.to_bytes()).expect("32 bytes are an ed25519 seed");
    Ed25519Account::from_private_key(key).with_address(a)
}

/// Worker `w`'s device key: a key only, never an account's.
pub fn device_key_of(w: u64) -> Ed25519Account {
    let mut seed = addr(w).to_bytes();
    seed[0] = 0xde;
    key_of(AccountAddress::new(seed))
}

/// A user transaction at `version` and `timestamp_us` carrying exactly
/// `events` (`(type, data)`, any shape), written by the REST writer: for
/// decoder tests that need any version, outcome or event.
pub fn raw_txn(
    version: u64,
    timestamp_us: u64,
    success: bool,
    events: Vec<(String, Value)>,
) -> Value {
    let mut w = Writer::new(Package::DEV, CHAIN_ID);
    w.set_next_version(version);
    let f = EntryFunction::new(
        Package::new(AccountAddress::ONE).module_id("m"),
        "f",
        vec![],
        vec![],
    );
    let signed = w
        .sign(timestamp_us, &key_of(addr(1)), f)
        .expect("a test transaction signs");
    let outcome = if success {
        Outcome::Success(vec![])
    } else {
        Outcome::Abort("Move abort in 0x1::m: E(0x1)".into())
    };
    let mut t = w
        .user(&signed, Some(vec![]), vec![], &outcome, 7)
        .expect("a test transaction is written");
    // Exactly the given events, in place of the writer's fee statement alone.
    t["events"] = rest_events(events);
    t
}

fn rest_events(events: Vec<(String, Value)>) -> Value {
    Value::Array(
        events
            .into_iter()
            .map(|(ty, data)| framework_event(&ty, data))
            .collect(),
    )
}

/// A growing chain of REST transactions.
pub struct Chain {
    /// The package the events belong to.
    pub pkg: Package,
    /// Transactions in version order.
    pub txns: Vec<Value>,
    /// Chain clock (seconds).
    pub now: u64,
    /// The model's state after the calls so far.
    pub model: lumen_model::Chain,
    writer: Writer,
    keys: BTreeMap<AccountAddress, Ed25519Account>,
    initialised: bool,
}

impl Default for Chain {
    fn default() -> Self {
        Self::new()
    }
}

impl Chain {
    /// A chain holding its genesis (version 0) only.
    pub fn new() -> Self {
        let pkg = Package::DEV;
        let mut writer = Writer::new(pkg, CHAIN_ID);
        let txns = vec![writer.genesis()];
        Self {
            pkg,
            txns,
            now: T0,
            model: lumen_model::Chain::open(pkg, CHAIN_ID),
            writer,
            keys: BTreeMap::new(),
            initialised: false,
        }
    }

    /// Next version.
    pub fn next_version(&self) -> u64 {
        self.writer.next_version()
    }

    fn key(&mut self, a: AccountAddress) -> Ed25519Account {
        if let Some(k) = self.keys.get(&a) {
            return k.clone();
        }
        let k = key_of(a);
        self.model
            .set_auth_key(a, k.public_key().to_authentication_key());
        self.keys.insert(a, k.clone());
        k
    }

    /// A user transaction of `sender` calling `f` with the given outcome.
    fn write(
        &mut self,
        sender: AccountAddress,
        f: EntryFunction,
        outcome: &Outcome,
        args: Option<Vec<Value>>,
    ) -> Value {
        let key = self.key(sender);
        let signed = self
            .writer
            .sign(self.now * 1_000_000, &key, f)
            .expect("a test transaction signs");
        self.writer
            .user(&signed, args, vec![], outcome, 7)
            .expect("a test transaction is written")
    }

    /// Adds a transaction carrying exactly `events` (a stream the contract
    /// would not necessarily write), after a framework event so that event
    /// indexes are not all 0; returns its version.
    pub fn push(&mut self, events: Vec<LumenEvent>) -> u64 {
        let fee = fee_statement(7);
        let mut evs = vec![(
            fee["type"].as_str().unwrap().to_string(),
            fee["data"].clone(),
        )];
        evs.extend(
            events
                .iter()
                .map(|e| (e.type_string(&self.pkg), e.to_json())),
        );
        self.push_raw(evs)
    }

    /// Adds a transaction carrying exactly `events` (`(type, data)`,
    /// malformed ones included); returns its version.
    pub fn push_raw(&mut self, events: Vec<(String, Value)>) -> u64 {
        let v = self.next_version();
        let f = EntryFunction::new(
            Package::new(AccountAddress::ONE).module_id("m"),
            "f",
            vec![],
            vec![],
        );
        let mut t = self.write(addr(1), f, &Outcome::Success(vec![]), Some(vec![]));
        t["events"] = rest_events(events);
        self.txns.push(t);
        v
    }

    /// Adds `n` block metadata transactions (no package events).
    pub fn filler(&mut self, n: u64) {
        for _ in 0..n {
            let t = self.writer.block(self.now * 1_000_000, addr(0xb10c));
            self.txns.push(t);
        }
    }

    /// Advances the clock.
    pub fn advance(&mut self, secs: u64) {
        self.now += secs;
    }

    /// Initialises the package on the model (admin: the package account;
    /// attester [`ATTESTER`]), once, before the first call.
    fn initialise(&mut self) {
        if self.initialised {
            return;
        }
        self.initialised = true;
        let p = self.pkg;
        let asset = Package::object_address(p.address, b"test-usd");
        self.model
            .create_asset(asset, lumen_model::node::PAYMENT_ASSET_DECIMALS);
        self.call(
            p.address,
            payloads::config::initialize(&p, asset, addr(0x7e), addr(0xa4b)),
        );
        self.call(
            p.address,
            payloads::config::add_attester(&p, addr(ATTESTER)),
        );
    }

    /// `sender`'s call of `f` executed on the model now and written with its
    /// outcome: its events, or why it aborted.
    pub fn try_call(
        &mut self,
        sender: AccountAddress,
        f: EntryFunction,
    ) -> Result<Vec<LumenEvent>, Abort> {
        self.initialise();
        let key = self.key(sender);
        let signed = self
            .writer
            .sign(self.now * 1_000_000, &key, f.clone())
            .expect("a test transaction signs");
        let outcome = self
            .model
            .execute_txn(&signed.hash_bytes(), self.now, sender, &f);
        let written = match &outcome {
            Ok(events) => Outcome::Success(events.clone()),
            Err(abort) => Outcome::Abort(abort.vm_status(&self.pkg)),
        };
        let t = self
            .writer
            .user(&signed, None, vec![], &written, 7)
            .expect("a test transaction is written");
        self.txns.push(t);
        outcome
    }

    /// A call the contract must execute: its events.
    pub fn call(&mut self, sender: AccountAddress, f: EntryFunction) -> Vec<LumenEvent> {
        let what = format!("{}::{}", f.module.name.as_str(), f.function);
        self.try_call(sender, f)
            .unwrap_or_else(|e| panic!("{what} aborted: {e}"))
    }

    /// Worker `w` with its device key registered, attested (`score`,
    /// `vram_mb`, device `bcs(w)`), priced and staked at its minimum `S(n)` (at
    /// the protocol's floor price when `price` is below it; at least one unit).
    pub fn onboard_worker(&mut self, w: u64, score: u64, vram_mb: u64, price: u64) {
        let device = device_key_of(w);
        let f =
            payloads::attestation::register_device_key(&self.pkg, &device.public_key().to_bytes());
        self.call(addr(w), f);
        let report = BenchmarkReport {
            worker: addr(w),
            device_id: w.to_be_bytes().to_vec(),
            gpu_model: format!("GPU-{w}"),
            vram_mb,
            bench_version: 1,
            nonce: lumen_model::attestation::last_nonce(&self.model, addr(w)) + 1,
            measured_at: self.now - 10,
            chain_id: CHAIN_ID,
        };
        let sig = report.sign(&self.pkg, device.private_key());
        let f = payloads::attest_report(&self.pkg, &report, score, device.public_key(), &sig);
        self.call(addr(ATTESTER), f);
        self.call(addr(w), payloads::staking::set_price(&self.pkg, price));
        let (factor, floor) = (
            params::STAKE_FACTOR.default,
            params::MIN_PRICE_PER_IB_HOUR.default,
        );
        let stake = formulas::min_stake_floored(factor, score, price, floor).max(1);
        self.call(addr(w), payloads::staking::stake(&self.pkg, stake));
    }

    /// Creator `c` posts a job; its id.
    pub fn create_job(
        &mut self,
        c: u64,
        frames: u64,
        max_price: u64,
        min_score: u64,
        min_vram: u64,
    ) -> u64 {
        let id = self.model.escrow.next_job_id;
        let f = payloads::escrow::create_job(
            &self.pkg, &[0xab; 4], frames, max_price, min_score, min_vram,
        );
        self.call(addr(c), f);
        id
    }

    /// Job `id` as the model holds it.
    fn job(&self, id: u64) -> lumen_model::escrow::Job {
        let j = self.model.escrow.job_by_id(&self.pkg, id);
        j.expect("the job exists").clone()
    }

    /// Job `job` taken by worker `w` at `price` per frame with the creator's
    /// signed offer (deadline in an hour).
    pub fn assign(&mut self, job: u64, w: u64, price: u64) {
        self.assign_by(lumen_sdk::OfferKind::Signed, job, w, price);
    }

    /// [`Chain::assign`] through an offer of `kind`: signed as BCS, signed
    /// by the creator's wallet as its `signMessage` envelope, or published by
    /// the creator on chain.
    pub fn assign_by(&mut self, kind: lumen_sdk::OfferKind, job: u64, w: u64, price: u64) {
        use lumen_sdk::envelope::{OfferEnvelope, WalletHeader};
        let j = self.job(job);
        let creator = self.key(j.creator);
        let offer = AssignmentOffer {
            job: j.address,
            worker: addr(w),
            price_per_frame: price,
            render_deadline: self.now + 3_600,
            offer_expires_at: self.now + 600,
            nonce: job,
            chain_id: CHAIN_ID,
        };
        let p = self.pkg;
        match kind {
            lumen_sdk::OfferKind::Signed => {
                let sig = offer.sign(&p, creator.private_key());
                let f = payloads::accept_signed_offer(&p, &offer, creator.public_key(), &sig);
                self.call(addr(w), f);
            }
            lumen_sdk::OfferKind::WalletEnvelope => {
                let asset = lumen_model::config::get(&self.model)
                    .expect("the package is initialised")
                    .payment_asset;
                let units = self.model.asset_units(asset);
                let header = WalletHeader::full(j.creator, "https://lumen.example");
                let env = OfferEnvelope::new(&p, j.creator, offer, job, units, header)
                    .expect("a well-formed envelope");
                let sig = env.sign(&p, creator.private_key()).to_bytes();
                let key = lumen_sdk::keys::AccountKey::Ed25519(creator.public_key().to_bytes());
                self.call(
                    addr(w),
                    payloads::accept_envelope_offer(&p, &env, &key, &sig),
                );
            }
            lumen_sdk::OfferKind::OnChain => {
                self.call(j.creator, payloads::publish_offer(&p, &offer));
                self.call(addr(w), payloads::accept_published_offer(&p, &offer));
            }
        }
    }

    /// Job `job`'s worker submits `frames` and its creator confirms them.
    pub fn deliver(&mut self, job: u64, frames: u64) {
        let j = self.job(job);
        self.call(
            j.worker,
            payloads::escrow::submit_result(&self.pkg, j.address, frames, &[7; 32]),
        );
        self.call(
            j.creator,
            payloads::escrow::confirm(&self.pkg, j.address, frames),
        );
    }

    /// The attester reports `(worker, online_secs)` of an ended `epoch`.
    pub fn report_uptime(&mut self, epoch: u64, rows: &[(u64, u64)]) {
        let workers: Vec<AccountAddress> = rows.iter().map(|(w, _)| addr(*w)).collect();
        let secs: Vec<u64> = rows.iter().map(|(_, s)| *s).collect();
        let f = payloads::rewards::report_uptime(&self.pkg, epoch, &workers, &secs);
        self.call(addr(ATTESTER), f);
    }

    /// Transactions `[from, to)` decoded into a batch.
    pub fn batch(&self, from: u64, to: u64) -> Batch {
        let txns: Vec<Transaction> = self.txns[from as usize..to as usize]
            .iter()
            .map(|t| serde_json::from_str(&t.to_string()).unwrap())
            .collect();
        decode_page(
            &self.pkg,
            Page {
                transactions: txns,
                ledger_version: None,
            },
        )
        .unwrap()
    }

    /// The whole chain as JSON lines.
    pub fn jsonl(&self) -> String {
        let mut s = String::new();
        for t in &self.txns {
            s.push_str(&t.to_string());
            s.push('\n');
        }
        s
    }
}

// -- hand-shaped events, for fixtures the contract's calls do not shape ----

/// Parameter update event.
pub fn param(p: params::Param, value: u64) -> LumenEvent {
    LumenEvent::ParamsUpdated(ParamsUpdated {
        name: p.name.into(),
        old_value: p.default,
        new_value: value,
    })
}

/// `config::initialize` with a 6-decimal payment asset.
pub fn config_initialized() -> LumenEvent {
    LumenEvent::ConfigInitialized(ConfigInitialized {
        admin: addr(0xad),
        payment_asset: addr(0xa5),
        treasury: addr(0x7e),
        arbiter: addr(0xab),
        decimals: 6,
    })
}

/// A worker's onboarding as events: attested score, price, stake.
pub fn onboard(
    chain: &Chain,
    worker: u64,
    score: u64,
    vram_mb: u64,
    price: u64,
    stake: u64,
) -> Vec<LumenEvent> {
    let w = addr(worker);
    vec![
        LumenEvent::ScoreAttested(ScoreAttested {
            worker: w,
            device_id: worker.to_be_bytes().to_vec(),
            gpu_model: format!("GPU-{worker}"),
            vram_mb,
            score,
            bench_version: 1,
            nonce: 1,
            measured_at: chain.now - 10,
            effective_at: chain.now,
            expires_at: chain.now + params::SCORE_VALIDITY_SECS.default,
            attesters: vec![addr(ATTESTER)],
        }),
        LumenEvent::PriceSet(PriceSet {
            worker: w,
            price_per_ib_hour: price,
        }),
        LumenEvent::Staked(Staked {
            worker: w,
            amount: stake,
            total_stake: stake,
        }),
    ]
}

/// A job creation.
pub fn job_created(
    chain: &Chain,
    id: u64,
    creator: u64,
    frames: u64,
    min_score: u64,
    min_vram: u64,
) -> LumenEvent {
    LumenEvent::JobCreated(JobCreated {
        job: addr(0x10_000 + id),
        job_id: id,
        creator: addr(creator),
        spec_hash: vec![0xab; 4],
        frames,
        max_price_per_frame: 100,
        min_score,
        min_vram_mb: min_vram,
        deposit: frames * 100,
        created_at: chain.now,
    })
}

/// Assignment of job `id` to `worker`.
pub fn job_assigned(
    chain: &Chain,
    id: u64,
    creator: u64,
    worker: u64,
    price: u64,
    frames: u64,
) -> LumenEvent {
    LumenEvent::JobAssigned(JobAssigned {
        job: addr(0x10_000 + id),
        job_id: id,
        creator: addr(creator),
        worker: addr(worker),
        price_per_frame: price,
        render_deadline: chain.now + 3600,
        nonce: id,
        worker_score: 2_000_000,
        refund: frames * (100 - price),
        assigned_at: chain.now,
        ..JobTerms::defaults(3600, frames * price).assigned_event()
    })
}

/// Confirmation of job `id`, split like the contract's default commission.
pub fn job_completed(id: u64, creator: u64, worker: u64, frames: u64, price: u64) -> LumenEvent {
    let gross = frames * price;
    let (worker_amount, fee) = formulas::split_payout(gross, params::WORKER_COMMISSION_BPS.default);
    LumenEvent::JobCompleted(JobCompleted {
        job: addr(0x10_000 + id),
        job_id: id,
        creator: addr(creator),
        worker: addr(worker),
        frames_paid: frames,
        gross,
        worker_amount,
        fee,
        refund: 0,
        lease_secs: 600,
        finalized: false,
    })
}

/// Uptime that took effect (one attester, threshold 1, an eligible worker).
pub fn uptime(epoch: u64, worker: u64, online_secs: u64, score: u64) -> LumenEvent {
    LumenEvent::UptimeReported(UptimeReported {
        epoch,
        worker: addr(worker),
        attester: addr(ATTESTER),
        online_secs,
        score,
        weight: formulas::poc_weight(score, online_secs),
    })
}

/// VIP pass minted.
pub fn vip(holder: u64, role: u8, at: u64) -> LumenEvent {
    LumenEvent::VipMinted(VipMinted {
        holder: addr(holder),
        role,
        token: addr(0x7000 + holder * 2 + role as u64),
        minted_at: at,
    })
}

/// Three participants of a campaign run on the model: 0xd3 (5 social
/// points, 6 check-in points and one credit, earned on its fourth check-in),
/// 0xd1 (1 point + 10 % of its
/// referee's), 0xd2 (1 point, referred by 0xd1). Returns the events the calls
/// emitted.
pub fn run_campaign(c: &mut Chain) -> Vec<LumenEvent> {
    let p = c.pkg;
    let admin = p.address;
    let op = addr(0x0e);
    let mut out = vec![];
    out.extend(c.call(admin, payloads::campaign::set_operator(&p, op)));
    // The terms are set before the period starts.
    out.extend(c.call(
        admin,
        payloads::campaign::set_tier_amounts(&p, &[500, 300, 100, 50, 10]),
    ));
    out.extend(c.call(
        admin,
        payloads::campaign::set_period(&p, c.now - 1_000, c.now + 5 * 86_400),
    ));
    out.extend(c.call(addr(0xf), payloads::campaign::fund(&p, 10_000_000)));
    out.extend(c.call(addr(0xd1), payloads::campaign::check_in(&p)));
    out.extend(c.call(
        addr(0xd2),
        payloads::campaign::register_referral(&p, addr(0xd1)),
    ));
    out.extend(c.call(addr(0xd2), payloads::campaign::check_in(&p)));
    out.extend(c.call(
        op,
        payloads::campaign::grant_social_task(&p, addr(0xd3), 1, 5_000_000),
    ));
    // 0xd3 checks in four days running: the fourth is a credit day.
    for _ in 0..4 {
        out.extend(c.call(addr(0xd3), payloads::campaign::check_in(&p)));
        c.advance(86_400);
    }
    out
}
