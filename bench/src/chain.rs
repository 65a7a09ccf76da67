//! Deterministic chains of fullnode REST transactions for the benchmarks:
//! every call of the package executes on the model of the contract
//! (`lumen-model`), every transaction is written by the REST writer
//! (`lumen_sdk::rest::Writer`, really signed), and the chain is rendered into
//! a file before any clock starts — a real fullnode runs on another machine,
//! so the measured indexer should not share its cores with the node's JSON
//! work. [`Rendered`] serves the file as a stand-in's ledger.
//!
//! Two shapes:
//! - [`Workload::ingest`]: genesis, then the onboarding of every worker
//!   (attested score, price, stake: three transactions), then blocks of 29
//!   transactions for 10 jobs each (10 created, 7 assigned, 6 submitted,
//!   6 confirmed: six jobs paid, one in progress, three open), then plain job
//!   creations up to the requested number of jobs (the explorer API's data
//!   set);
//! - [`Workload::catchup`]: one Lumen transaction in ten (onboardings, then
//!   job lifecycles), the others coin transfers and block metadata of other
//!   users and the framework.

use std::io::Write;
use std::os::unix::fs::FileExt;
use std::path::Path;

use lumen_model::Chain;
use lumen_sdk::aptos_sdk::account::Ed25519Account;
use lumen_sdk::aptos_sdk::crypto::Ed25519PrivateKey;
use lumen_sdk::aptos_sdk::transaction::EntryFunction;
use lumen_sdk::events::LumenEvent;
use lumen_sdk::messages::{AssignmentOffer, BenchmarkReport};
use lumen_sdk::rest::{framework_event, Outcome, Writer};
use lumen_sdk::standin::LedgerStore;
use lumen_sdk::{formulas, params, payloads, AccountAddress, Package};
use serde_json::{json, Value};

/// Commit time of version 0, microseconds.
pub const T0_US: u64 = 1_700_000_000_000_000;
/// Chain time between two versions, microseconds.
pub const STEP_US: u64 = 250_000;
/// Transactions per job block (10 jobs).
pub const BLOCK_TXNS: u64 = 29;
/// Jobs per block.
pub const BLOCK_JOBS: u64 = 10;
/// Package events per job block (7 assignments lock collateral, 6
/// confirmations record a lease and release the collateral).
pub const BLOCK_EVENTS: u64 = 48;
/// Transactions onboarding one worker (register_device_key, attest,
/// set_price, stake).
pub const ONBOARD_TXNS: u64 = 4;
/// Package events of one onboarding (attest emits two).
pub const ONBOARD_EVENTS: u64 = 5;
/// Distinct creators.
pub const CREATORS: u64 = 50_000;
/// Largest price a job accepts per frame (base units).
pub const MAX_PRICE: u64 = 100_000;
/// Price of every assignment per frame.
pub const PRICE: u64 = 80_000;
/// Stake above `S(n)` for the collateral of the jobs a worker holds at
/// once: each block leaves one job in progress, so a worker collects a few
/// dozen at full sizes, each locking at most its value.
const COLLATERAL_ROOM: u64 = 64 * 300 * PRICE;
/// The chain id of the bench chains.
pub const CHAIN_ID: u8 = 77;

/// An address from a tag (high bits) and a number.
pub fn addr(tag: u64, n: u64) -> AccountAddress {
    let mut b = [0u8; 32];
    b[16..24].copy_from_slice(&tag.to_be_bytes());
    b[24..].copy_from_slice(&n.to_be_bytes());
    AccountAddress::new(b)
}

/// The tag in the high half of workers' addresses.
pub const WORKER_TAG: u64 = 0x5752;
const CREATOR_TAG: u64 = 0x4352;
const OTHER_TAG: u64 = 0x4f54;
/// The tag of workers' device keys (keys only, never accounts).
const DEVICE_TAG: u64 = 0x4456;

/// Worker `w`'s account.
pub fn worker(w: u64) -> AccountAddress {
    addr(WORKER_TAG, w)
}

/// Creator `c`'s account.
pub fn creator(c: u64) -> AccountAddress {
    addr(CREATOR_TAG, c)
}

/// Worker `w`'s attested score (micro units, 1.0 ..= 4.0).
pub fn score_of(w: u64) -> u64 {
    1_000_000 + (w.wrapping_mul(7919) % 3_000_000)
}

/// Worker `w`'s VRAM in MiB.
pub fn vram_of(w: u64) -> u64 {
    [8_192, 12_288, 16_384, 24_576][(w % 4) as usize]
}

fn price_of(w: u64) -> u64 {
    200_000 + (w % 100) * 1_000
}

fn frames(j: u64) -> u64 {
    60 + j % 240
}

fn min_score(j: u64) -> u64 {
    (j % 3) * 500_000
}

fn min_vram(j: u64) -> u64 {
    [0, 8_192, 12_288][(j % 3) as usize]
}

/// splitmix64: a cheap, well-spread function of a number.
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

/// The deterministic key of account `address` (`tag`, `n`): the account's
/// authentication key is rotated to it, so its address keeps its pattern.
fn keyed(tag: u64, n: u64) -> Ed25519Account {
    let mut seed = [0u8; 32];
    seed[..8].copy_from_slice(&mix(tag).to_le_bytes());
    seed[8..16].copy_from_slice(&mix(n ^ tag).to_le_bytes());
    seed[16..24].copy_from_slice(&mix(n.rotate_left(7)).to_le_bytes());
    let key = Ed25519PrivateKey::from_bytes(&seed).expect("32 bytes are an ed25519 seed");
    Ed25519Account::from_private_key(key).with_address(addr(tag, n))
}

/// Which chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Ingest,
    Catchup,
}

/// A deterministic chain's parameters.
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

/// One step of a chain.
enum Step {
    Genesis,
    Block,
    Transfer,
    /// Worker `w`'s onboarding step (0 device key, 1 attest, 2 price, 3 stake).
    Onboard(u64, u64),
    CreateJob(u64),
    Accept(u64),
    Submit(u64),
    Confirm(u64),
}

impl Workload {
    /// The ingest chain: `workers` onboarded, then job blocks until at least
    /// `events` package events (the ingest measurement's head), then plain
    /// job creations until `jobs` jobs exist (when `jobs` is larger).
    pub fn ingest(workers: u64, events: u64, jobs: u64) -> Self {
        let job_events = events.saturating_sub(ONBOARD_EVENTS * workers);
        let blocks = job_events.div_ceil(BLOCK_EVENTS);
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
    /// (the first of those onboard `workers` workers, the rest walk jobs
    /// through created, assigned, submitted, confirmed).
    pub fn catchup(txns: u64, workers: u64) -> Self {
        Self {
            shape: Shape::Catchup,
            package: Package::DEV,
            workers: workers.max(1),
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
                ONBOARD_TXNS * self.workers
                    + self.blocks * BLOCK_TXNS
                    + (self.jobs - self.blocks * BLOCK_JOBS)
            }
            Shape::Catchup => self.catchup_txns.saturating_sub(1),
        }
    }

    /// Commit time of `v`, microseconds.
    pub fn timestamp_us(v: u64) -> u64 {
        T0_US + v * STEP_US
    }

    fn step(&self, v: u64) -> Step {
        if v == 0 {
            return Step::Genesis;
        }
        match self.shape {
            Shape::Ingest => {
                let onboarding = ONBOARD_TXNS * self.workers;
                if v <= onboarding {
                    let i = v - 1;
                    return Step::Onboard(i / ONBOARD_TXNS, i % ONBOARD_TXNS);
                }
                let k = v - onboarding - 1;
                if k < self.blocks * BLOCK_TXNS {
                    let (b, o) = (k / BLOCK_TXNS, k % BLOCK_TXNS);
                    let j0 = b * BLOCK_JOBS;
                    return match o {
                        0..=9 => Step::CreateJob(j0 + o),
                        10..=16 => Step::Accept(j0 + o - 10),
                        17..=22 => Step::Submit(j0 + o - 17),
                        _ => Step::Confirm(j0 + o - 23),
                    };
                }
                Step::CreateJob(self.blocks * BLOCK_JOBS + (k - self.blocks * BLOCK_TXNS))
            }
            Shape::Catchup => {
                if !v.is_multiple_of(10) {
                    return if v % 50 == 1 {
                        Step::Block
                    } else {
                        Step::Transfer
                    };
                }
                let r = v / 10 - 1;
                if r < ONBOARD_TXNS * self.workers {
                    return Step::Onboard(r / ONBOARD_TXNS, r % ONBOARD_TXNS);
                }
                let k = r - ONBOARD_TXNS * self.workers;
                let j = k / 4;
                match k % 4 {
                    0 => Step::CreateJob(j),
                    1 => Step::Accept(j),
                    2 => Step::Submit(j),
                    _ => Step::Confirm(j),
                }
            }
        }
    }

    /// Generates the chain into `path`: every version executed on the model
    /// and written by the REST writer, comma-separated as the node serves them.
    pub fn render(&self, path: &Path) -> std::io::Result<Rendered> {
        let mut g = Generator::new(self);
        let mut out = std::io::BufWriter::with_capacity(1 << 22, std::fs::File::create(path)?);
        let head = self.head();
        let mut offsets = Vec::with_capacity(head as usize + 2);
        let mut events = Vec::with_capacity(head as usize + 1);
        let (mut at, mut total) = (0u64, 0u64);
        for v in 0..=head {
            let (txn, n) = g.version(v).map_err(std::io::Error::other)?;
            offsets.push(at);
            total += n;
            events.push(total);
            let mut text = txn.to_string();
            text.push(',');
            out.write_all(text.as_bytes())?;
            at += text.len() as u64;
        }
        offsets.push(at);
        out.flush()?;
        let file = out.into_inner().map_err(|e| e.into_error())?;
        // Written back now, not while the measured process runs.
        file.sync_data()?;
        drop(file);
        let file = std::fs::File::open(path)?;
        // The open handle keeps the data; nothing is left behind on exit.
        std::fs::remove_file(path)?;
        Ok(Rendered {
            package: self.package,
            file,
            offsets,
            events,
        })
    }
}

/// The state of a chain being generated: the model, the writer, the keys.
struct Generator<'a> {
    w: &'a Workload,
    chain: Chain,
    writer: Writer,
    attester: Ed25519Account,
    pay: Ed25519Account,
    keys: std::collections::HashMap<(u64, u64), Ed25519Account>,
}

impl<'a> Generator<'a> {
    fn new(w: &'a Workload) -> Self {
        let p = w.package;
        let mut chain = Chain::open(p, CHAIN_ID);
        let asset = Package::object_address(p.address, b"bench-usd");
        chain.create_asset(asset, lumen_model::node::PAYMENT_ASSET_DECIMALS);
        let attester = keyed(0xa77e, 1);
        let pay = keyed(OTHER_TAG, 0);
        for f in [
            payloads::config::initialize(&p, asset, addr(0x7e, 1), addr(0x7e, 2)),
            payloads::config::add_attester(&p, attester.address()),
        ] {
            chain
                .execute(T0_US / 1_000_000, p.address, &f)
                .expect("the package initialises");
        }
        chain.set_auth_key(
            attester.address(),
            attester.public_key().to_authentication_key(),
        );
        Self {
            w,
            chain,
            writer: Writer::new(p, CHAIN_ID),
            attester,
            pay,
            keys: Default::default(),
        }
    }

    /// Account (`tag`, `n`) with its key, its authentication key rotated to it
    /// on the model's chain at first use.
    fn key(&mut self, tag: u64, n: u64) -> Ed25519Account {
        if let Some(k) = self.keys.get(&(tag, n)) {
            return k.clone();
        }
        let k = keyed(tag, n);
        self.chain
            .set_auth_key(k.address(), k.public_key().to_authentication_key());
        self.keys.insert((tag, n), k.clone());
        k
    }

    /// Version `v` and the package events it carries.
    fn version(&mut self, v: u64) -> Result<(Value, u64), String> {
        let ts = Workload::timestamp_us(v);
        let p = self.w.package;
        let (sender, f): (Ed25519Account, EntryFunction) = match self.w.step(v) {
            Step::Genesis => return Ok((self.writer.genesis(), 0)),
            Step::Block => return Ok((self.writer.block(ts, addr(0x70, v % 7)), 0)),
            Step::Transfer => return self.transfer(v, ts).map(|t| (t, 0)),
            Step::Onboard(w, 0) => {
                let device = keyed(DEVICE_TAG, w).public_key().to_bytes();
                let f = payloads::attestation::register_device_key(&p, &device);
                (self.key(WORKER_TAG, w), f)
            }
            Step::Onboard(w, 1) => {
                let report = BenchmarkReport {
                    worker: worker(w),
                    device_id: hash32(w, 0xde71ce),
                    gpu_model: format!("GPU model {}", w % 37),
                    vram_mb: vram_of(w),
                    bench_version: 1,
                    nonce: 1,
                    measured_at: ts / 1_000_000 - 30,
                    chain_id: CHAIN_ID,
                };
                let device = keyed(DEVICE_TAG, w);
                let sig = report.sign(&p, device.private_key());
                let f =
                    payloads::attest_report(&p, &report, score_of(w), device.public_key(), &sig);
                (self.attester.clone(), f)
            }
            Step::Onboard(w, 2) => (
                self.key(WORKER_TAG, w),
                payloads::staking::set_price(&p, price_of(w)),
            ),
            Step::Onboard(w, _) => {
                let min =
                    formulas::min_stake(params::STAKE_FACTOR.default, score_of(w), price_of(w));
                (
                    self.key(WORKER_TAG, w),
                    payloads::staking::stake(&p, min + COLLATERAL_ROOM),
                )
            }
            Step::CreateJob(j) => {
                let f = payloads::escrow::create_job(
                    &p,
                    &hash32(j, 0x5bec),
                    frames(j),
                    MAX_PRICE,
                    min_score(j),
                    min_vram(j),
                );
                (self.key(CREATOR_TAG, j % CREATORS), f)
            }
            Step::Accept(j) => {
                let creator = self.key(CREATOR_TAG, j % CREATORS);
                let w = self.worker_of_job(j);
                let now = ts / 1_000_000;
                let offer = AssignmentOffer {
                    job: p.job_address(j),
                    worker: worker(w),
                    price_per_frame: PRICE,
                    render_deadline: now + 3_600,
                    offer_expires_at: now + 600,
                    nonce: j,
                    chain_id: CHAIN_ID,
                };
                let sig = offer.sign(&p, creator.private_key());
                let f = payloads::accept_signed_offer(&p, &offer, creator.public_key(), &sig);
                (self.key(WORKER_TAG, w), f)
            }
            Step::Submit(j) => (
                self.key(WORKER_TAG, self.worker_of_job(j)),
                payloads::escrow::submit_result(&p, p.job_address(j), frames(j), &hash32(j, 0x0a7)),
            ),
            Step::Confirm(j) => (
                self.key(CREATOR_TAG, j % CREATORS),
                payloads::escrow::confirm(&p, p.job_address(j), frames(j)),
            ),
        };
        let signed = self
            .writer
            .sign(ts, &sender, f.clone())
            .map_err(|e| e.to_string())?;
        let events = self
            .chain
            .execute_txn(&signed.hash_bytes(), ts / 1_000_000, sender.address(), &f)
            .map_err(|e| format!("version {v}: {e}"))?;
        // Deposits and stakes show the framework's withdrawal first.
        let extra = events
            .iter()
            .filter_map(|e| match e {
                LumenEvent::JobCreated(x) => Some(x.deposit),
                LumenEvent::Staked(x) => Some(x.amount),
                _ => None,
            })
            .map(|amount| {
                framework_event(
                    "0x1::fungible_asset::Withdraw",
                    json!({"amount": amount.to_string(), "store": format!("0x{:064x}", mix(v))}),
                )
            })
            .collect();
        let n = events.len() as u64;
        let t = self
            .writer
            .user(&signed, None, extra, &Outcome::Success(events), 42)
            .map_err(|e| e.to_string())?;
        Ok((t, n))
    }

    /// The worker that takes job `j`: the first from `j % workers` on whose
    /// VRAM meets the job's minimum.
    fn worker_of_job(&self, j: u64) -> u64 {
        let n = self.w.workers.max(1);
        (0..n)
            .map(|i| (j + i) % n)
            .find(|&w| vram_of(w) >= min_vram(j))
            .expect("some worker has the VRAM")
    }

    /// Another user's coin transfer.
    fn transfer(&mut self, v: u64, ts: u64) -> Result<Value, String> {
        let to = addr(OTHER_TAG, mix(v % 7_919 + 3) % 20_000);
        let amount = 1_000 + mix(v) % 100_000_000;
        let f = EntryFunction::new(
            Package::new(AccountAddress::ONE).module_id("aptos_account"),
            "transfer",
            vec![],
            vec![to.to_bytes().to_vec(), amount.to_le_bytes().to_vec()],
        );
        let store = |n: u64| format!("0x{:064x}", mix(n));
        let events = vec![
            framework_event(
                "0x1::fungible_asset::Withdraw",
                json!({"amount": amount.to_string(), "store": store(v)}),
            ),
            framework_event(
                "0x1::fungible_asset::Deposit",
                json!({"amount": amount.to_string(), "store": store(v + 1)}),
            ),
        ];
        let signed = self
            .writer
            .sign(ts, &self.pay, f)
            .map_err(|e| e.to_string())?;
        let args = vec![json!(to.to_hex()), json!(amount.to_string())];
        self.writer
            .user(&signed, Some(args), events, &Outcome::Success(vec![]), 11)
            .map_err(|e| e.to_string())
    }
}

/// A chain rendered into a file: versions `[s, e)` are the bytes
/// `offsets[s] .. offsets[e] - 1`; `events[v]` counts the package events of
/// versions `0..=v`.
pub struct Rendered {
    /// The package the events belong to.
    pub package: Package,
    file: std::fs::File,
    offsets: Vec<u64>,
    events: Vec<u64>,
}

impl Rendered {
    /// The last version.
    pub fn head(&self) -> u64 {
        self.events.len() as u64 - 1
    }

    /// Package events in versions `0..=v`.
    pub fn events_through(&self, v: u64) -> u64 {
        self.events[v.min(self.head()) as usize]
    }

    /// The first version through which at least `events` package events exist.
    pub fn version_of_event_count(&self, events: u64) -> u64 {
        (self.events.partition_point(|&n| n < events) as u64).min(self.head())
    }

    /// The JSON array of versions `[start, end)`.
    pub fn page_bytes(&self, start: u64, end: u64) -> std::io::Result<Vec<u8>> {
        let (from, to) = (self.offsets[start as usize], self.offsets[end as usize] - 1);
        let mut body = vec![0u8; (to - from) as usize + 2];
        let last = body.len() - 1;
        self.file.read_exact_at(&mut body[1..last], from)?;
        body[0] = b'[';
        body[last] = b']';
        Ok(body)
    }
}

impl LedgerStore for Rendered {
    fn head(&self) -> Option<u64> {
        Some(Rendered::head(self))
    }

    fn page(&self, start: u64, end: u64) -> std::io::Result<Vec<u8>> {
        if start >= end {
            return Ok(b"[]".to_vec());
        }
        self.page_bytes(start, end)
    }

    fn get(&self, v: u64) -> Option<Value> {
        let page = self.page_bytes(v, v + 1).ok()?;
        let mut txns: Vec<Value> = serde_json::from_slice(&page).ok()?;
        txns.pop()
    }

    fn insert(&mut self, _v: u64, _txn: Value) -> Result<(), String> {
        Err("a rendered bench chain is read-only".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lumen_indexer::decode::{decode_page, Batch};
    use lumen_indexer::source::{Page, Transaction};

    fn decoded(r: &Rendered, start: u64, end: u64) -> Batch {
        let txns: Vec<Transaction> =
            serde_json::from_slice(&r.page_bytes(start, end).unwrap()).unwrap();
        decode_page(
            &r.package,
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
        let dir = tempfile::tempdir().unwrap();
        let r = w.render(&dir.path().join("chain")).unwrap();
        let head = r.head();
        assert_eq!(head, w.head());
        let b = decoded(&r, 0, head + 1);
        assert_eq!(b.events.len() as u64, r.events_through(head));
        let v = r.version_of_event_count(200);
        assert!(r.events_through(v) >= 200 && r.events_through(v - 1) < 200);
        let count = |f: fn(&LumenEvent) -> bool| b.events.iter().filter(|d| f(&d.event)).count();
        assert_eq!(
            count(|e| matches!(e, LumenEvent::JobCreated(_))),
            300,
            "every job is created once"
        );
        let blocks = w.block_jobs() as usize / 10;
        assert_eq!(
            count(|e| matches!(e, LumenEvent::JobCompleted(_))),
            6 * blocks
        );
        assert_eq!(count(|e| matches!(e, LumenEvent::ScoreAttested(_))), 20);
        // Same parameters, same bytes.
        let again = w.render(&dir.path().join("again")).unwrap();
        assert_eq!(again.page_bytes(5, 9).unwrap(), r.page_bytes(5, 9).unwrap());
    }

    #[test]
    fn catchup_chain_has_one_package_transaction_in_ten() {
        let w = Workload::catchup(1_000, 5);
        let dir = tempfile::tempdir().unwrap();
        let r = w.render(&dir.path().join("chain")).unwrap();
        let b = decoded(&r, 0, 1_000);
        let with_events: std::collections::BTreeSet<u64> =
            b.events.iter().map(|d| d.version).collect();
        assert_eq!(with_events.len(), 99);
        assert!(with_events.iter().all(|v| v % 10 == 0));
        assert_eq!(b.events.len() as u64, r.events_through(999));
    }

    #[tokio::test]
    async fn the_stand_in_serves_a_rendered_chain_up_to_its_head() {
        use lumen_indexer::source::{RestConfig, RestSource};
        use lumen_sdk::standin::Standin;

        let w = Workload::ingest(10, 100, 60);
        let dir = tempfile::tempdir().unwrap();
        let r = w.render(&dir.path().join("chain")).unwrap();
        let head = r.head();
        let shown = r.version_of_event_count(50);
        let node = Standin::with_ledger(CHAIN_ID, r).await.unwrap();
        node.set_head_limit(Some(shown));
        let read_all = |url: String| async move {
            let mut cfg = RestConfig::new(url);
            cfg.stop_at_head = true;
            cfg.pages_in_flight = 3;
            let (mut src, info) = RestSource::connect(cfg, 0, None).await.unwrap();
            assert_eq!(info.chain_id, CHAIN_ID);
            let mut next = 0;
            while let Some(page) = src.next_page().await.unwrap() {
                for t in &page.transactions {
                    assert_eq!(t.version, next);
                    next += 1;
                }
            }
            next
        };
        assert_eq!(read_all(node.url()).await, shown + 1);
        // The chain grows to its end.
        node.set_head_limit(None);
        assert_eq!(read_all(node.url()).await, head + 1);
        assert_eq!(node.served(), shown + 1 + head + 1);
    }
}
