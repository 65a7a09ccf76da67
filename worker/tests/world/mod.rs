//! A whole render network on this machine for the end-to-end tests: the
//! fullnode stand-in executing every transaction with the contract's model
//! (`lumen_model::node::Node`), the indexer following it into a real
//! PostgreSQL and serving its API, the board (same database, schema `board`)
//! with a local blob directory, attested and staked workers, a funded
//! creator, and `lumen-worker` agents as real processes with real Blender.
#![allow(dead_code)]

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use lumen_board::api::{AppState, Limits};
use lumen_board::blobs::BlobStore;
use lumen_board::client::{BoardClient, Identity};
use lumen_cli::creator::{Creator, JobRequest, OfferPlan};
use lumen_indexer::pg_cluster::TestDb;
use lumen_indexer::pipeline::{self, Input, PipelineConfig};
use lumen_indexer::source::RestConfig;
use lumen_model::node::Node;
use lumen_model::Chain;
use lumen_sdk::aptos_sdk::account::Ed25519Account;
use lumen_sdk::aptos_sdk::crypto::Ed25519PrivateKey;
use lumen_sdk::aptos_sdk::transaction::EntryFunction;
use lumen_sdk::messages::BenchmarkReport;
use lumen_sdk::standin::Standin;
use lumen_sdk::tx::{LumenClient, TxnOptions};
use lumen_sdk::views::{self, JobInfo};
use lumen_sdk::{formulas, params, payloads, AccountAddress, JobStatus, Package};
use serde_json::Value;

pub use crate::scenes::*;

pub const CHAIN: u8 = 4;
/// Score of every test worker: an RTX 3070 (2.43 in micro-units).
pub const SCORE: u64 = 2_430_000;
/// Workers' price per IB-hour.
pub const PRICE: u64 = 400_000;
/// Stake above `S(n)` for collateral: the jobs of a test at their largest price.
pub const COLLATERAL_ROOM: u64 = 100 * 1_000_000;

/// Only one world at a time: each renders with Blender on the same two cores.
pub static SERIAL: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

pub fn key(n: u8) -> Ed25519PrivateKey {
    Ed25519PrivateKey::from_bytes(&[n; 32]).unwrap()
}

pub struct World {
    pub dir: tempfile::TempDir,
    pub standin: Standin,
    pub node: Node,
    pub board_url: String,
    pub board: BoardClient,
    pub blob_dir: PathBuf,
    pub db: TestDb,
    pub board_pool: lumen_board::store::PgPool,
    pub indexer_url: String,
    pub creator: Identity,
    pub workers: Vec<Identity>,
    tasks: Vec<tokio::task::JoinHandle<()>>,
}

fn account(id: &Identity) -> Ed25519Account {
    Ed25519Account::from_private_key(id.key.clone()).with_address(id.account)
}

impl World {
    /// A chain with `workers` attested and staked workers and a funded creator.
    pub async fn start(workers: usize) -> World {
        let dir = open_dir();
        let p = Package::DEV;
        let standin = Standin::start(CHAIN).await.unwrap();
        // Version 0, as on every chain; committed calls follow from 1.
        standin.push_transactions([serde_json::json!({
            "version": "0",
            "type": "genesis_transaction",
            "hash": format!("0x{}", "0".repeat(64)),
            "state_change_hash": format!("0x{}", "0".repeat(64)),
            "event_root_hash": format!("0x{}", "0".repeat(64)),
            "accumulator_root_hash": format!("0x{}", "0".repeat(64)),
            "state_checkpoint_hash": null,
            "gas_used": "0",
            "success": true,
            "vm_status": "Executed successfully",
            "changes": [],
            "payload": {"type": "write_set_payload", "write_set": {"type": "direct_write_set", "changes": [], "events": []}},
            "events": [],
        })]);
        let node = Node::new(Chain::new(p, CHAIN));
        node.install(&standin);
        let client = LumenClient::new(&standin.url(), p).unwrap();
        // The package account signs its own set-up, through the stand-in
        // like every other call (so the indexer sees it too).
        let admin = Identity {
            key: key(0xad),
            account: p.address,
        };
        standin.set_account(
            p.address,
            0,
            lumen_sdk::messages::authentication_key(&admin.key.public_key()),
        );
        let asset = Package::object_address(p.address, b"payment-asset");
        node.chain()
            .create_asset(asset, lumen_model::node::PAYMENT_ASSET_DECIMALS);
        let attester = Identity::new(key(0xa7));
        send(
            &client,
            &admin,
            payloads::config::initialize(&p, asset, p.address, p.address),
        )
        .await;
        send(
            &client,
            &admin,
            payloads::config::add_attester(&p, attester.account),
        )
        .await;
        let creator = Identity::new(key(0xc1));
        let workers: Vec<Identity> = (0..workers)
            .map(|i| Identity::new(key(0x51 + i as u8)))
            .collect();
        {
            let mut chain = node.chain();
            for id in workers.iter().chain([&creator, &attester]) {
                chain.create_account(id.account);
                chain.mint(id.account, 1_000_000_000_000);
            }
        }
        // Attest and stake every worker with real signed transactions.
        let now = unix_now();
        for (i, w) in workers.iter().enumerate() {
            // The render node's own key signs its benchmark reports.
            let device = key(0xd1 + i as u8);
            send(
                &client,
                w,
                payloads::attestation::register_device_key(&p, &device.public_key().to_bytes()),
            )
            .await;
            let report = BenchmarkReport {
                worker: w.account,
                device_id: format!("gpu-{i}").into_bytes(),
                gpu_model: "NVIDIA GeForce RTX 3070".into(),
                vram_mb: 8192,
                bench_version: 1,
                nonce: 1,
                measured_at: now,
                chain_id: CHAIN,
            };
            let sig = report.sign(&p, &device);
            send(
                &client,
                &attester,
                payloads::attest_report(&p, &report, SCORE, &device.public_key(), &sig),
            )
            .await;
            send(&client, w, payloads::staking::set_price(&p, PRICE)).await;
            // S(n) at the floored price, and room for the collateral each
            // accepted job locks (at most its value).
            let stake = formulas::min_stake_floored(
                params::STAKE_FACTOR.default,
                SCORE,
                PRICE,
                params::MIN_PRICE_PER_IB_HOUR.default,
            ) + COLLATERAL_ROOM;
            send(&client, w, payloads::staking::stake(&p, stake)).await;
        }

        let db = TestDb::new().unwrap();
        // The indexer follows the stand-in.
        lumen_indexer::source::install_crypto_provider();
        let ipool = lumen_indexer::store::pool(db.url(), 4).unwrap();
        let mut rest = RestConfig::new(standin.url());
        rest.poll_interval = Duration::from_millis(100);
        let follow = {
            let pool = ipool.clone();
            tokio::spawn(async move {
                let r = pipeline::run(
                    pool,
                    PipelineConfig {
                        package: p,
                        input: Input::Node(rest),
                        start_version: Some(0),
                        batch_events: 2_000,
                        file_page_size: 100,
                        progress_every: Duration::from_secs(600),
                    },
                )
                .await;
                if let Err(e) = r {
                    eprintln!("the indexer stopped: {e}");
                }
            })
        };
        let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let indexer_url = format!("http://{}", l.local_addr().unwrap());
        let router = lumen_indexer::api::router(lumen_indexer::api::AppState::new(
            ipool,
            Some(standin.url()),
        ));
        let api = tokio::spawn(async move { axum::serve(l, router).await.unwrap() });

        // The board, on the same database.
        let board_pool = lumen_board::store::pool(db.url(), 4).unwrap();
        lumen_board::store::migrate(&mut board_pool.get().unwrap()).unwrap();
        let blob_dir = dir.path().join("blobs");
        let state = AppState::new(
            board_pool.clone(),
            BlobStore::local(&blob_dir).unwrap(),
            lumen_board::chain::Chain::new(client, Some(indexer_url.clone())),
            Limits {
                ladder_tick: Duration::from_millis(200),
                ..Limits::default()
            },
        );
        let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let board_url = format!("http://{}", l.local_addr().unwrap());
        let board = tokio::spawn(async move { lumen_board::api::serve(l, state).await.unwrap() });

        let w = World {
            dir,
            standin,
            node,
            board: BoardClient::new(&board_url),
            board_url,
            blob_dir,
            db,
            board_pool,
            indexer_url,
            creator,
            workers,
            tasks: vec![follow, api, board],
        };
        w.wait_indexed().await;
        w
    }

    /// Waits until the indexer has caught up with the stand-in's head.
    pub async fn wait_indexed(&self) {
        let head = self.standin_head().await;
        wait_for(
            "the indexer to catch up",
            Duration::from_secs(30),
            || async {
                let v: Value = reqwest::get(format!("{}/v1/status", self.indexer_url))
                    .await
                    .ok()?
                    .json()
                    .await
                    .ok()?;
                (num(&v["indexed_version"])? >= head).then_some(())
            },
        )
        .await;
    }

    async fn standin_head(&self) -> u64 {
        let v: Value = reqwest::get(self.standin.url())
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        num(&v["ledger_version"]).unwrap()
    }

    pub fn client(&self) -> LumenClient {
        LumenClient::new(&self.standin.url(), Package::DEV).unwrap()
    }

    pub fn creator(&self) -> Creator {
        Creator {
            chain: self.client(),
            board: BoardClient::new(&self.board_url),
            id: Identity {
                key: self.creator.key.clone(),
                account: self.creator.account,
            },
        }
    }

    pub async fn info(&self, job: AccountAddress) -> JobInfo {
        let c = self.client();
        c.view(&views::escrow::job_info(&c.package, job))
            .await
            .unwrap()
    }

    /// Submits `scene` as a job of `frames` frames at 32×32, 2 samples.
    pub async fn submit(
        &self,
        scene: &Path,
        frames: u64,
        plan: OfferPlan,
    ) -> (AccountAddress, u64) {
        self.submit_sized(scene, frames, (32, 32), 2, plan).await
    }

    /// Submits `scene` as a job of `frames` frames at `resolution` and `samples`.
    pub async fn submit_sized(
        &self,
        scene: &Path,
        frames: u64,
        resolution: (u32, u32),
        samples: u32,
        plan: OfferPlan,
    ) -> (AccountAddress, u64) {
        let v = self
            .creator()
            .submit(
                scene,
                &JobRequest {
                    frames: (1, frames),
                    resolution,
                    samples,
                    max_price_per_frame: 1_000_000,
                    min_score: 0,
                    min_vram_mb: 0,
                },
                &plan,
            )
            .await
            .unwrap();
        let job = AccountAddress::from_hex(v["job"].as_str().unwrap()).unwrap();
        (job, v["job_id"].as_u64().unwrap())
    }

    /// Waits for the job to reach `status`.
    pub async fn wait_status(
        &self,
        job: AccountAddress,
        status: JobStatus,
        within: Duration,
    ) -> JobInfo {
        wait_for(
            &format!("job {job} to be {}", status.as_str()),
            within,
            || async {
                let i = self.info(job).await;
                (i.status == status as u8).then_some(i)
            },
        )
        .await
    }

    /// Waits (two minutes at most) for the worker's submission of `job`.
    pub async fn submitted(&self, job: AccountAddress) -> JobInfo {
        self.wait_status(job, JobStatus::Submitted, Duration::from_secs(120))
            .await
    }

    /// The creator fetches `job`'s frames into the world's `out`, proving
    /// each against the job's output root.
    pub async fn fetch(&self, job: AccountAddress) {
        self.creator()
            .fetch(job, &self.dir.path().join("out"))
            .await
            .unwrap();
    }

    pub fn payment_balance(&self, a: AccountAddress) -> u64 {
        self.node.chain().ledger.balance(a)
    }

    pub async fn stop(self) {
        for t in &self.tasks {
            t.abort();
        }
        for t in self.tasks {
            let _ = t.await;
        }
    }
}

/// A JSON number or decimal string.
pub fn num(v: &Value) -> Option<u64> {
    v.as_u64().or_else(|| v.as_str()?.parse().ok())
}

pub fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

pub async fn send(client: &LumenClient, id: &Identity, f: EntryFunction) -> Value {
    let signed = client
        .build_and_sign(&account(id), f, &TxnOptions::default())
        .await
        .unwrap();
    client
        .submit_and_wait(&signed, Duration::from_secs(30))
        .await
        .unwrap()
}

/// Polls `check` every 200 ms until it gives `Some`, or panics after `within`.
pub async fn wait_for<T, F, Fut>(what: &str, within: Duration, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let t = Instant::now();
    loop {
        if let Some(v) = check().await {
            return v;
        }
        assert!(
            t.elapsed() < within,
            "timed out after {within:?} waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// A `lumen-worker run` process.
pub struct Agent {
    pub child: Child,
    pub log: PathBuf,
    pub state_dir: PathBuf,
}

impl Agent {
    /// Starts the agent of `worker` with its state in `state_dir`, logging to `log`.
    pub fn start(
        world: &World,
        worker: &Identity,
        state_dir: &Path,
        log: &Path,
        extra: &[&str],
    ) -> Agent {
        let key_file = state_dir.with_extension("key");
        std::fs::write(&key_file, worker.key.to_hex()).unwrap();
        std::fs::create_dir_all(state_dir).unwrap();
        std::fs::set_permissions(state_dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        let logf = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .unwrap();
        let child = Command::new(env!("CARGO_BIN_EXE_lumen-worker"))
            .arg("run")
            .args(["--board", &world.board_url])
            .args(["--node-url", &world.standin.url()])
            .args(["--package", "0xcafe"])
            .arg("--key-file")
            .arg(&key_file)
            .arg("--state-dir")
            .arg(state_dir)
            .args([
                "--device",
                "cpu",
                "--poll-wait-secs",
                "2",
                "--submit-margin-secs",
                "5",
            ])
            .args(extra)
            .env("RUST_LOG", "info")
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(logf)
            .spawn()
            .unwrap();
        Agent {
            child,
            log: log.to_path_buf(),
            state_dir: state_dir.to_path_buf(),
        }
    }

    /// Starts the agent of `worker` with its state in the world's directory
    /// `name`, logging to `name.log` there.
    pub fn named(world: &World, worker: &Identity, name: &str, extra: &[&str]) -> Agent {
        let dir = world.dir.path();
        let log = dir.join(format!("{name}.log"));
        Agent::start(world, worker, &dir.join(name), &log, extra)
    }

    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Waits until the log holds `needle`. The agent logs a transaction's
    /// outcome after the chain has committed it, so a test that has just seen
    /// the new state on chain may read the log a moment too early.
    pub async fn wait_log(&self, needle: &str, within: Duration) {
        wait_for(
            &format!("{needle:?} in the agent's log"),
            within,
            || async { self.log_text().contains(needle).then_some(()) },
        )
        .await
    }

    /// SIGKILL, as a crash or power cut would.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Agent {
    fn drop(&mut self) {
        self.kill();
    }
}

/// The frame numbers the log says were rendered, in order.
pub fn rendered_frames(log: &str) -> Vec<u64> {
    log.lines()
        .filter(|l| l.contains("frame rendered"))
        .filter_map(|l| {
            let at = l.find(" frame=")? + " frame=".len();
            l[at..].split_whitespace().next()?.parse().ok()
        })
        .collect()
}
