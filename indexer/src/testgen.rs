//! Generated chains of REST transactions carrying typed Lumen events, for
//! tests. Test-only.

use lumen_sdk::events::*;
use lumen_sdk::{AccountAddress, Package};
use serde_json::Value;

use crate::decode::{decode_page, Batch};
use crate::source::{Page, Transaction};
use crate::testnode::{filler_txn, user_txn};

/// Start of the generated chain's clock (seconds).
pub const T0: u64 = 1_700_000_000;

/// An address from a small number.
pub fn addr(n: u64) -> AccountAddress {
    let mut b = [0u8; 32];
    b[24..].copy_from_slice(&n.to_be_bytes());
    AccountAddress::new(b)
}

/// A growing list of REST transactions.
pub struct Chain {
    /// The package the events belong to.
    pub pkg: Package,
    /// Transactions in version order.
    pub txns: Vec<Value>,
    /// Chain clock (seconds).
    pub now: u64,
}

impl Chain {
    /// An empty chain (version 0 is a filler like genesis).
    pub fn new() -> Self {
        Self {
            pkg: Package::DEV,
            txns: vec![filler_txn(0)],
            now: T0,
        }
    }

    /// Next version.
    pub fn next_version(&self) -> u64 {
        self.txns.len() as u64
    }

    /// Adds a transaction emitting `events` at the current time, preceded by
    /// a framework event (so event indexes are not all 0).
    pub fn push(&mut self, events: Vec<LumenEvent>) -> u64 {
        let v = self.next_version();
        let mut evs = vec![(
            "0x1::transaction_fee::FeeStatement".to_string(),
            serde_json::json!({"total_charge_gas_units": "7"}),
        )];
        evs.extend(
            events
                .iter()
                .map(|e| (e.type_string(&self.pkg), e.to_json())),
        );
        self.txns.push(user_txn(v, self.now * 1_000_000, true, evs));
        v
    }

    /// Adds `n` transactions without package events.
    pub fn filler(&mut self, n: u64) {
        for _ in 0..n {
            let v = self.next_version();
            let mut t = filler_txn(v);
            t["timestamp"] = Value::String((self.now * 1_000_000).to_string());
            self.txns.push(t);
        }
    }

    /// Advances the clock.
    pub fn advance(&mut self, secs: u64) {
        self.now += secs;
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

/// Parameter update event.
pub fn param(name: &str, value: u64) -> LumenEvent {
    LumenEvent::ParamsUpdated(ParamsUpdated {
        name: name.into(),
        old_value: 0,
        new_value: value,
    })
}

/// A worker's full onboarding: attested score, price, stake.
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
            expires_at: chain.now + 2_592_000,
            attesters: vec![addr(0xa77)],
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
    })
}

/// Confirmation of job `id`.
pub fn job_completed(id: u64, creator: u64, worker: u64, frames: u64, price: u64) -> LumenEvent {
    let gross = frames * price;
    let worker_amount = gross * 8 / 10;
    LumenEvent::JobCompleted(JobCompleted {
        job: addr(0x10_000 + id),
        job_id: id,
        creator: addr(creator),
        worker: addr(worker),
        frames_paid: frames,
        gross,
        worker_amount,
        fee: gross - worker_amount,
        refund: 0,
        lease_secs: 600,
        finalized: false,
    })
}

/// Uptime report.
pub fn uptime(epoch: u64, worker: u64, online_secs: u64, score: u64) -> LumenEvent {
    LumenEvent::UptimeReported(UptimeReported {
        epoch,
        worker: addr(worker),
        attester: addr(0xa77),
        online_secs,
        score,
        weight: score as u128 * online_secs as u128,
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

/// Three participants: 0xd3 (5 points, one credit claimed), 0xd1 (1 point +
/// 10 % of its referee's), 0xd2 (1 point, referred by 0xd1).
pub fn campaign_events(c: &Chain) -> Vec<LumenEvent> {
    let day = c.now / 86_400;
    let check_in = |user: u64, points: u64, credits: u64, total: u64, claimable: u64| {
        LumenEvent::CheckedIn(CheckedIn {
            user: addr(user),
            day,
            cycle_day: 1,
            streak: 1,
            points,
            credits,
            credit_amount: credits * 1_000_000,
            total_points: total,
            claimable,
        })
    };
    vec![
        LumenEvent::CampaignConfigured(CampaignConfigured {
            operator: addr(0x0e),
            start: c.now - 1000,
            end: c.now + 1000,
            credit_value: 1_000_000,
            tier_amounts: vec![500, 300, 100, 50, 10],
        }),
        LumenEvent::CampaignFunded(CampaignFunded {
            funder: addr(0xf),
            amount: 10_000_000,
            pool: 10_000_000,
        }),
        check_in(0xd1, 1_000_000, 0, 1_000_000, 0),
        LumenEvent::ReferralRegistered(ReferralRegistered {
            referee: addr(0xd2),
            referrer: addr(0xd1),
            registered_at: c.now,
        }),
        check_in(0xd2, 1_000_000, 0, 1_000_000, 0),
        LumenEvent::ReferralPointsEarned(ReferralPointsEarned {
            referrer: addr(0xd1),
            referee: addr(0xd2),
            source: 0,
            base_points: 1_000_000,
            points: 100_000,
            total_points: 1_100_000,
        }),
        LumenEvent::SocialTaskGranted(SocialTaskGranted {
            user: addr(0xd3),
            task_id: 1,
            points: 5_000_000,
            total_points: 5_000_000,
            operator: addr(0x0e),
        }),
        check_in(0xd3, 0, 1, 5_000_000, 1_000_000),
        LumenEvent::CreditsClaimed(CreditsClaimed {
            user: addr(0xd3),
            amount: 1_000_000,
            total_claimed: 1_000_000,
            pool: 9_000_000,
        }),
    ]
}
