//! Deterministic chains of fullnode REST transactions carrying Lumen events.
//!
//! Every transaction is a pure function of its version, so a chain of
//! millions of transactions is served page by page without being held in
//! memory, and the raw event rows of the COPY reference are exactly the rows
//! the indexer derives from the same bytes.
//!
//! Two shapes:
//! - [`Workload::ingest`]: genesis, then one onboarding transaction per
//!   worker (attested score, price, stake), then blocks of 29 transactions
//!   for 10 jobs each (10 created, 7 assigned, 6 submitted, 6 completed:
//!   six jobs paid, one in progress, three open), then plain job creations
//!   up to the requested number of jobs (the explorer API's data set);
//! - [`Workload::catchup`]: one Lumen transaction in ten, the others coin
//!   transfers and block metadata of other users and the framework.

use std::fmt::Write;

use lumen_sdk::events::*;
use lumen_sdk::{AccountAddress, Package};

/// Commit time of version 0, microseconds.
pub const T0_US: u64 = 1_700_000_000_000_000;
/// Chain time between two versions, microseconds.
pub const STEP_US: u64 = 250_000;
/// Transactions per job block (10 jobs).
pub const BLOCK_TXNS: u64 = 29;
/// Jobs per block.
pub const BLOCK_JOBS: u64 = 10;
/// Distinct creators.
pub const CREATORS: u64 = 50_000;
/// Largest price a job accepts per frame (base units).
pub const MAX_PRICE: u64 = 100_000;
/// Price of every assignment per frame.
pub const PRICE: u64 = 80_000;

/// An address from a tag (high bits) and a number.
pub fn addr(tag: u64, n: u64) -> AccountAddress {
    let mut b = [0u8; 32];
    b[16..24].copy_from_slice(&tag.to_be_bytes());
    b[24..].copy_from_slice(&n.to_be_bytes());
    AccountAddress::new(b)
}

/// The tag in the high half of workers' addresses.
pub const WORKER_TAG: u64 = 0x5752;

/// Worker `w`'s account.
pub fn worker(w: u64) -> AccountAddress {
    addr(WORKER_TAG, w)
}

/// Creator `c`'s account.
pub fn creator(c: u64) -> AccountAddress {
    addr(0x4352, c)
}

/// Job `j`'s escrow object.
pub fn job_object(j: u64) -> AccountAddress {
    addr(0x4a42, j)
}

/// Worker `w`'s attested score (micro units, 1.0 ..= 4.0).
pub fn score_of(w: u64) -> u64 {
    1_000_000 + (w.wrapping_mul(7919) % 3_000_000)
}

/// Worker `w`'s VRAM in MiB.
pub fn vram_of(w: u64) -> u64 {
    [8_192, 12_288, 16_384, 24_576][(w % 4) as usize]
}

/// A transaction's content.
#[derive(Debug, Clone)]
pub enum Txn {
    /// Version 0.
    Genesis,
    /// A user transaction of the Lumen package; the `bool` says whether a
    /// fungible-asset withdrawal precedes its events (deposits, stakes).
    Lumen(Vec<LumenEvent>, bool),
    /// Another user's coin transfer.
    Transfer,
    /// Block metadata.
    BlockMetadata,
}

/// Which chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Ingest,
    Catchup,
}

/// A deterministic chain.
#[derive(Debug, Clone)]
pub struct Workload {
    shape: Shape,
    /// The package the events belong to.
    pub package: Package,
    /// Workers onboarded.
    pub workers: u64,
    /// Ingest: job blocks; catch-up: unused.
    blocks: u64,
    /// Jobs in total (blocks and plain creations); catch-up: unused.
    pub jobs: u64,
    /// Catch-up: transactions in total.
    catchup_txns: u64,
}

impl Workload {
    /// The ingest chain: `workers` onboarded, then job blocks until
    /// `events` package events (the ingest measurement's head), then plain
    /// job creations until `jobs` jobs exist (when `jobs` is larger).
    pub fn ingest(workers: u64, events: u64, jobs: u64) -> Self {
        let job_events = events.saturating_sub(3 * workers);
        let blocks = job_events.div_ceil(BLOCK_TXNS);
        Self {
            shape: Shape::Ingest,
            package: Package::DEV,
            workers,
            blocks,
            jobs: jobs.max(blocks * BLOCK_JOBS),
            catchup_txns: 0,
        }
    }

    /// The catch-up chain: `txns` transactions, one in ten of the package
    /// (the first `workers` of those onboard workers, the rest walk jobs
    /// through created, assigned, submitted, completed).
    pub fn catchup(txns: u64, workers: u64) -> Self {
        Self {
            shape: Shape::Catchup,
            package: Package::DEV,
            workers,
            blocks: 0,
            jobs: 0,
            catchup_txns: txns,
        }
    }

    /// Jobs created inside the blocks (the rest are plain, open creations).
    pub fn block_jobs(&self) -> u64 {
        self.blocks * BLOCK_JOBS
    }

    /// The last version of the whole chain.
    pub fn head(&self) -> u64 {
        match self.shape {
            Shape::Ingest => {
                self.workers + self.blocks * BLOCK_TXNS + (self.jobs - self.blocks * BLOCK_JOBS)
            }
            Shape::Catchup => self.catchup_txns.saturating_sub(1),
        }
    }

    /// The version at which exactly `events` package events exist (ingest
    /// chain; every transaction after the onboarding carries one).
    pub fn version_of_event_count(&self, events: u64) -> u64 {
        let onboarding = 3 * self.workers;
        if events <= onboarding {
            events.div_ceil(3)
        } else {
            self.workers + (events - onboarding)
        }
        .min(self.head())
    }

    /// Package events in versions `0..=v`.
    pub fn events_through(&self, v: u64) -> u64 {
        match self.shape {
            Shape::Ingest => {
                let v = v.min(self.head());
                let on = v.min(self.workers);
                3 * on + (v - on)
            }
            Shape::Catchup => (0..=v.min(self.head()))
                .map(|x| match self.txn(x) {
                    Txn::Lumen(e, _) => e.len() as u64,
                    _ => 0,
                })
                .sum(),
        }
    }

    /// Commit time of `v`, microseconds.
    pub fn timestamp_us(v: u64) -> u64 {
        T0_US + v * STEP_US
    }

    fn secs(v: u64) -> u64 {
        Self::timestamp_us(v) / 1_000_000
    }

    /// The content of version `v`.
    pub fn txn(&self, v: u64) -> Txn {
        if v == 0 {
            return Txn::Genesis;
        }
        match self.shape {
            Shape::Ingest => self.ingest_txn(v),
            Shape::Catchup => self.catchup_txn(v),
        }
    }

    fn ingest_txn(&self, v: u64) -> Txn {
        if v <= self.workers {
            return Txn::Lumen(onboard(v - 1, Self::secs(v)), true);
        }
        let k = v - self.workers - 1;
        let now = Self::secs(v);
        if k < self.blocks * BLOCK_TXNS {
            let (b, o) = (k / BLOCK_TXNS, k % BLOCK_TXNS);
            let j0 = b * BLOCK_JOBS;
            let (ev, pays) = match o {
                0..=9 => (self.created(j0 + o, now), true),
                10..=16 => (self.assigned(j0 + o - 10, now), false),
                17..=22 => (self.submitted(j0 + o - 17, now), false),
                _ => (self.completed(j0 + o - 23), false),
            };
            return Txn::Lumen(vec![ev], pays);
        }
        let j = self.blocks * BLOCK_JOBS + (k - self.blocks * BLOCK_TXNS);
        Txn::Lumen(vec![self.created(j, now)], true)
    }

    fn catchup_txn(&self, v: u64) -> Txn {
        if !v.is_multiple_of(10) {
            return if v % 50 == 1 {
                Txn::BlockMetadata
            } else {
                Txn::Transfer
            };
        }
        let r = v / 10 - 1;
        let now = Self::secs(v);
        if r < self.workers {
            return Txn::Lumen(onboard(r, now), true);
        }
        let k = r - self.workers;
        let j = k / 4;
        let ev = match k % 4 {
            0 => self.created(j, now),
            1 => self.assigned(j, now),
            2 => self.submitted(j, now),
            _ => self.completed(j),
        };
        Txn::Lumen(vec![ev], k.is_multiple_of(4))
    }

    fn worker_of_job(&self, j: u64) -> u64 {
        j % self.workers.max(1)
    }

    fn frames(j: u64) -> u64 {
        60 + j % 240
    }

    fn lease(j: u64) -> u64 {
        600 + j % 600
    }

    fn created(&self, j: u64, now: u64) -> LumenEvent {
        let frames = Self::frames(j);
        LumenEvent::JobCreated(JobCreated {
            job: job_object(j),
            job_id: j,
            creator: creator(j % CREATORS),
            spec_hash: hash32(j, 0x5bec),
            frames,
            max_price_per_frame: MAX_PRICE,
            min_score: (j % 3) * 500_000,
            min_vram_mb: [0, 8_192, 12_288][(j % 3) as usize],
            deposit: frames * MAX_PRICE,
            created_at: now,
        })
    }

    fn assigned(&self, j: u64, now: u64) -> LumenEvent {
        let w = self.worker_of_job(j);
        LumenEvent::JobAssigned(JobAssigned {
            job: job_object(j),
            job_id: j,
            creator: creator(j % CREATORS),
            worker: worker(w),
            price_per_frame: PRICE,
            render_deadline: now + 3_600,
            nonce: j,
            worker_score: score_of(w),
            refund: Self::frames(j) * (MAX_PRICE - PRICE),
            assigned_at: now,
        })
    }

    fn submitted(&self, j: u64, now: u64) -> LumenEvent {
        LumenEvent::ResultSubmitted(ResultSubmitted {
            job: job_object(j),
            job_id: j,
            worker: worker(self.worker_of_job(j)),
            frames_done: Self::frames(j),
            output_root: hash32(j, 0x0a7),
            review_deadline: now + 259_200,
            lease_secs: Self::lease(j),
            submitted_at: now,
        })
    }

    fn completed(&self, j: u64) -> LumenEvent {
        let gross = Self::frames(j) * PRICE;
        let worker_amount = gross / 10 * 8;
        LumenEvent::JobCompleted(JobCompleted {
            job: job_object(j),
            job_id: j,
            creator: creator(j % CREATORS),
            worker: worker(self.worker_of_job(j)),
            frames_paid: Self::frames(j),
            gross,
            worker_amount,
            fee: gross - worker_amount,
            refund: 0,
            lease_secs: Self::lease(j),
            finalized: false,
        })
    }

    /// Appends version `v` as REST JSON to `out`.
    pub fn render(&self, v: u64, out: &mut String) {
        let ts = Self::timestamp_us(v);
        let h = |salt: u64| {
            format!(
                "0x{:032x}{:032x}",
                mix(v ^ salt),
                mix(v.rotate_left(17) ^ salt)
            )
        };
        match self.txn(v) {
            Txn::Genesis => {
                let _ = write!(
                    out,
                    r#"{{"version":"0","hash":"{}","state_change_hash":"{}","event_root_hash":"{}","state_checkpoint_hash":null,"gas_used":"0","success":true,"vm_status":"Executed successfully","accumulator_root_hash":"{}","changes":[],"events":[],"timestamp":"0","type":"genesis_transaction"}}"#,
                    h(1),
                    h(2),
                    h(3),
                    h(4)
                );
            }
            Txn::BlockMetadata => {
                let _ = write!(
                    out,
                    r#"{{"version":"{v}","hash":"{}","state_change_hash":"{}","event_root_hash":"{}","state_checkpoint_hash":null,"gas_used":"0","success":true,"vm_status":"Executed successfully","accumulator_root_hash":"{}","changes":[],"id":"{}","epoch":"1","round":"{}","events":[{{"guid":{{"creation_number":"3","account_address":"0x1"}},"sequence_number":"{}","type":"0x1::block::NewBlockEvent","data":{{"epoch":"1","failed_proposer_indices":[],"hash":"{}","height":"{}","previous_block_votes_bitvec":"0xffff","proposer":"{}","round":"{}","time_microseconds":"{ts}"}}}}],"previous_block_votes_bitvec":[255,255],"proposer":"{}","failed_proposer_indices":[],"timestamp":"{ts}","type":"block_metadata_transaction"}}"#,
                    h(1),
                    h(2),
                    h(3),
                    h(4),
                    h(5),
                    v / 50,
                    v / 50,
                    h(6),
                    v / 50,
                    h(7),
                    v / 50,
                    h(7)
                );
            }
            Txn::Transfer => {
                let sender = format!("0x{:064x}", mix(v % 20_000) >> 1);
                let to = format!("0x{:064x}", mix(v % 7_919 + 3) >> 1);
                let amount = 1_000 + mix(v) % 100_000_000;
                let _ = write!(
                    out,
                    r#"{{"version":"{v}","hash":"{}","state_change_hash":"{}","event_root_hash":"{}","state_checkpoint_hash":null,"gas_used":"11","success":true,"vm_status":"Executed successfully","accumulator_root_hash":"{}","changes":[{{"address":"{sender}","state_key_hash":"{}","data":{{"type":"0x1::fungible_asset::FungibleStore","data":{{"balance":"{}","frozen":false,"metadata":{{"inner":"0xa"}}}}}},"type":"write_resource"}},{{"address":"{to}","state_key_hash":"{}","data":{{"type":"0x1::fungible_asset::FungibleStore","data":{{"balance":"{}","frozen":false,"metadata":{{"inner":"0xa"}}}}}},"type":"write_resource"}}],"sender":"{sender}","sequence_number":"{}","max_gas_amount":"200000","gas_unit_price":"100","expiration_timestamp_secs":"{}","payload":{{"function":"0x1::aptos_account::transfer","type_arguments":[],"arguments":["{to}","{amount}"],"type":"entry_function_payload"}},"signature":{{"public_key":"{}","signature":"{}{}","type":"ed25519_signature"}},"events":[{{"guid":{{"creation_number":"0","account_address":"0x0"}},"sequence_number":"0","type":"0x1::fungible_asset::Withdraw","data":{{"amount":"{amount}","store":"{}"}}}},{{"guid":{{"creation_number":"0","account_address":"0x0"}},"sequence_number":"0","type":"0x1::fungible_asset::Deposit","data":{{"amount":"{amount}","store":"{}"}}}},{{"guid":{{"creation_number":"0","account_address":"0x0"}},"sequence_number":"0","type":"0x1::transaction_fee::FeeStatement","data":{{"execution_gas_units":"4","io_gas_units":"7","storage_fee_octas":"0","storage_fee_refund_octas":"0","total_charge_gas_units":"11"}}}}],"timestamp":"{ts}","type":"user_transaction"}}"#,
                    h(1),
                    h(2),
                    h(3),
                    h(4),
                    h(5),
                    mix(v) % 1_000_000_000,
                    h(6),
                    mix(v + 1) % 1_000_000_000,
                    v / 10,
                    ts / 1_000_000 + 60,
                    h(7),
                    h(8),
                    &h(9)[2..],
                    h(10),
                    h(11)
                );
            }
            Txn::Lumen(events, pays) => {
                let module = events.first().map(|e| e.module()).unwrap_or("config");
                let sender = format!("0x{:064x}", mix(v % 997) >> 1);
                let _ = write!(
                    out,
                    r#"{{"version":"{v}","hash":"{}","state_change_hash":"{}","event_root_hash":"{}","state_checkpoint_hash":null,"gas_used":"42","success":true,"vm_status":"Executed successfully","accumulator_root_hash":"{}","changes":[],"sender":"{sender}","sequence_number":"{}","max_gas_amount":"200000","gas_unit_price":"100","expiration_timestamp_secs":"{}","payload":{{"function":"{}","type_arguments":[],"arguments":[],"type":"entry_function_payload"}},"signature":{{"public_key":"{}","signature":"{}{}","type":"ed25519_signature"}},"events":["#,
                    h(1),
                    h(2),
                    h(3),
                    h(4),
                    v / 10,
                    ts / 1_000_000 + 60,
                    self.package.member(module, "run"),
                    h(7),
                    h(8),
                    &h(9)[2..],
                );
                let mut seq = 0;
                if pays {
                    let _ = write!(
                        out,
                        r#"{{"guid":{{"creation_number":"0","account_address":"0x0"}},"sequence_number":"0","type":"0x1::fungible_asset::Withdraw","data":{{"amount":"{}","store":"{}"}}}},"#,
                        mix(v) % 1_000_000_000,
                        h(10)
                    );
                    seq += 1;
                }
                for e in &events {
                    out.push_str(&e.to_rest(&self.package, seq).to_string());
                    out.push(',');
                    seq += 1;
                }
                let _ = write!(
                    out,
                    r#"{{"guid":{{"creation_number":"0","account_address":"0x0"}},"sequence_number":"0","type":"0x1::transaction_fee::FeeStatement","data":{{"execution_gas_units":"30","io_gas_units":"12","storage_fee_octas":"0","storage_fee_refund_octas":"0","total_charge_gas_units":"42"}}}}],"timestamp":"{ts}","type":"user_transaction"}}"#
                );
            }
        }
    }

    /// Versions `[start, end)` as a REST JSON array.
    pub fn render_page(&self, start: u64, end: u64) -> String {
        let mut out = String::with_capacity(((end - start) as usize) * 1_600 + 2);
        out.push('[');
        for v in start..end {
            if v > start {
                out.push(',');
            }
            self.render(v, &mut out);
        }
        out.push(']');
        out
    }
}

fn onboard(w: u64, now: u64) -> Vec<LumenEvent> {
    let wa = worker(w);
    vec![
        LumenEvent::ScoreAttested(ScoreAttested {
            worker: wa,
            device_id: hash32(w, 0xde71ce),
            gpu_model: format!("GPU model {}", w % 37),
            vram_mb: vram_of(w),
            score: score_of(w),
            bench_version: 1,
            nonce: w + 1,
            measured_at: now.saturating_sub(30),
            effective_at: now,
            expires_at: now + 2_592_000,
            attesters: vec![addr(0xa77e, 1)],
        }),
        LumenEvent::PriceSet(PriceSet {
            worker: wa,
            price_per_ib_hour: 200_000 + (w % 100) * 1_000,
        }),
        LumenEvent::Staked(Staked {
            worker: wa,
            amount: 150_000_000,
            total_stake: 150_000_000,
        }),
    ]
}

/// splitmix64: a cheap, well-spread function of the version for hashes.
pub fn mix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

fn hash32(n: u64, salt: u64) -> Vec<u8> {
    (0..4u64)
        .flat_map(|i| mix(n ^ salt.rotate_left(i as u32 * 16) ^ i).to_be_bytes())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use lumen_indexer::decode::decode_page;
    use lumen_indexer::source::{Page, Transaction};

    fn decoded(w: &Workload, start: u64, end: u64) -> lumen_indexer::decode::Batch {
        let txns: Vec<Transaction> = serde_json::from_str(&w.render_page(start, end)).unwrap();
        decode_page(
            &w.package,
            Page {
                transactions: txns,
                ledger_version: None,
            },
        )
        .unwrap()
    }

    #[test]
    fn ingest_chain_decodes_with_the_counted_events() {
        let w = Workload::ingest(20, 200, 300);
        let head = w.head();
        assert_eq!(
            head,
            20 + (300 - w.blocks * BLOCK_JOBS) + w.blocks * BLOCK_TXNS
        );
        let b = decoded(&w, 0, head + 1);
        assert_eq!(b.events.len() as u64, w.events_through(head));
        let v = w.version_of_event_count(200);
        assert_eq!(w.events_through(v), 200);
        let created = b
            .events
            .iter()
            .filter(|d| matches!(d.event, LumenEvent::JobCreated(_)))
            .count();
        assert_eq!(created, 300, "every job is created once");
        // Same bytes, same answer: the chain is a function of the version.
        assert_eq!(w.render_page(5, 9), w.render_page(5, 9));
    }

    #[test]
    fn catchup_chain_has_one_package_transaction_in_ten() {
        let w = Workload::catchup(1_000, 5);
        let b = decoded(&w, 0, 1_000);
        let with_events: std::collections::BTreeSet<u64> =
            b.events.iter().map(|d| d.version).collect();
        assert_eq!(with_events.len(), 99);
        assert!(with_events.iter().all(|v| v % 10 == 0));
        assert_eq!(b.events.len() as u64, w.events_through(999));
    }
}
