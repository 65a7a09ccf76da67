//! `lumen-relayer`: the node operator's tool and the attester service of
//! Lumen (devices, GPU benchmark, attestation, attester service, liveness).

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};
use aptos_sdk::account::Ed25519Account;
use clap::{Parser, Subcommand};
use lumen_relayer::attest::{self, load_key, round, AttestOptions};
use lumen_relayer::bench::{self, BenchOptions, Profile};
use lumen_relayer::chain::{Node, Signer, Submitter};
use lumen_relayer::protocol::{Accepted, Submission};
use lumen_relayer::service::{
    self, Limits, Liveness, Rate, RateLimits, Service, ServiceConfig, Timing,
};
use lumen_relayer::verify::Policy;
use lumen_sdk::tx::TxnOptions;
use lumen_sdk::{AccountAddress, Package};

/// Lumen relayer: GPU benchmark, attestation and the attester service.
#[derive(Parser, Debug)]
#[command(name = "lumen-relayer", version)]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand, Debug)]
enum Cmd {
    /// List the Vulkan devices the benchmark can run on.
    Devices,
    /// Run the GPU benchmark and print its score.
    Bench(BenchArgs),
    /// Create the device key of this render node (or show the one in the file);
    /// its public key is what the worker's account registers on chain.
    DeviceKey(DeviceKeyArgs),
    /// Answer an attester service's timed challenge with the device (or a
    /// machine's devices, in one round), sign the report and the commitment,
    /// send them.
    Attest(AttestArgs),
    /// Answer an attester service's liveness challenges with the device (uptime).
    Liveness(LivenessArgs),
    /// Run the attester service.
    Serve(ServeArgs),
}

#[derive(clap::Args, Debug)]
struct DeviceKeyArgs {
    /// Where the device key is kept (created with mode 0600 when missing).
    #[arg(long, env = "LUMEN_DEVICE_KEY_FILE")]
    out: PathBuf,
}

/// The render node's identity: its device key and the worker account that
/// registered it. The account key itself is never needed here.
#[derive(clap::Args, Debug)]
struct WorkerDeviceArgs {
    /// File with the device's ed25519 private key (`lumen-relayer device-key`).
    #[arg(long, env = "LUMEN_DEVICE_KEY_FILE")]
    device_key_file: Option<PathBuf>,
    /// The device's private key, when no file is given.
    #[arg(long = "device-key", env = "LUMEN_DEVICE_KEY", hide_env_values = true)]
    device_key: Option<String>,
    /// The worker's account, which registered the device key on chain.
    #[arg(long, env = "LUMEN_WORKER_ADDRESS")]
    worker: String,
}

impl WorkerDeviceArgs {
    fn load(&self) -> Result<(aptos_sdk::crypto::Ed25519PrivateKey, AccountAddress)> {
        let key = load_key(
            self.device_key_file.as_deref(),
            self.device_key.as_deref(),
            "LUMEN_DEVICE_KEY",
        )?;
        let worker = AccountAddress::from_hex(&self.worker)
            .map_err(|e| anyhow::anyhow!("--worker {:?} is not an address: {e}", self.worker))?;
        Ok((key, worker))
    }
}

/// One device, or a machine's devices attested together in one round: the
/// i-th `--device` with the i-th `--worker` and `--device-key-file`.
#[derive(clap::Args, Debug)]
struct AttestArgs {
    /// The attester service's URL.
    #[arg(long, env = "LUMEN_ATTESTER_URL")]
    service: String,
    /// The Lumen package address the report is signed for; default: the
    /// package the attester service attests for (refused when they differ).
    #[arg(long, env = "LUMEN_PACKAGE")]
    package: Option<Package>,
    /// Vulkan device index (see `devices`); default: the best GPU, else a
    /// CPU device. Repeat it for each device of a machine with several:
    /// they are attested together, in one round.
    #[arg(long = "device", env = "LUMEN_BENCH_DEVICE")]
    devices: Vec<usize>,
    /// The worker's account, which registered the device key on chain; one
    /// per `--device`, in the same order.
    #[arg(long = "worker", env = "LUMEN_WORKER_ADDRESS", required = true)]
    workers: Vec<String>,
    /// File with the device's ed25519 private key (`lumen-relayer
    /// device-key`); one per `--device`, in the same order.
    #[arg(long = "device-key-file", env = "LUMEN_DEVICE_KEY_FILE")]
    device_key_files: Vec<PathBuf>,
    /// The device's private key, when no file is given (one device only).
    #[arg(long = "device-key", env = "LUMEN_DEVICE_KEY", hide_env_values = true)]
    device_key: Option<String>,
    /// Memory to prove, MiB; default: the GPU's memory (up to 4095), 64 for
    /// a CPU device. Once for every device, or once per `--device`.
    #[arg(long = "vram-mb")]
    vram_mb: Vec<u64>,
    /// Score to claim, micro-units; default: 80 % of the device's own
    /// estimate. Once for every device, or once per `--device`.
    #[arg(long)]
    claim: Vec<u64>,
    /// Print the accepted answer and the submission as JSON on stdout (with
    /// several devices: `{"devices": [...]}`, one entry per device).
    #[arg(long)]
    json: bool,
    /// Send a CPU device's score (accepted only by services started with --allow-cpu).
    #[arg(long)]
    allow_cpu: bool,
}

#[derive(clap::Args, Debug)]
struct LivenessArgs {
    /// The attester service's URL.
    #[arg(long, env = "LUMEN_ATTESTER_URL")]
    service: String,
    #[command(flatten)]
    key: WorkerDeviceArgs,
    /// Vulkan device index (see `devices`); default: the best GPU, else a CPU device.
    #[arg(long, env = "LUMEN_BENCH_DEVICE")]
    device: Option<usize>,
    /// Stop after this many answers; default: run until stopped.
    #[arg(long)]
    answers: Option<u64>,
}

#[derive(clap::Args, Debug)]
struct ServeArgs {
    /// Address to listen on (port 0 picks a free one; the chosen address is printed).
    #[arg(long, env = "LUMEN_ATTESTER_LISTEN", default_value = "127.0.0.1:8090")]
    listen: String,
    /// Directory of the service's database (`attester.db`: its state and
    /// the durable queue).
    #[arg(long, env = "LUMEN_ATTESTER_STATE", default_value = "lumen-attester")]
    state_dir: PathBuf,
    /// Fullnode REST URL.
    #[arg(long, env = "LUMEN_NODE_URL")]
    node: String,
    /// The Lumen package address (required: there is no default network).
    #[arg(long, env = "LUMEN_PACKAGE")]
    package: Package,
    /// File with the attester's ed25519 private key.
    #[arg(long)]
    attester_key_file: Option<PathBuf>,
    /// The attester's private key, when no file is given.
    #[arg(
        long = "attester-key",
        env = "LUMEN_ATTESTER_KEY",
        hide_env_values = true
    )]
    attester_key: Option<String>,
    /// File with a fee payer's private key: it pays the gas of every transaction.
    #[arg(long)]
    fee_payer_key_file: Option<PathBuf>,
    /// The fee payer's private key, when no file is given.
    #[arg(
        long = "fee-payer-key",
        env = "LUMEN_FEE_PAYER_KEY",
        hide_env_values = true
    )]
    fee_payer_key: Option<String>,
    /// Chain id; default: asked from the node.
    #[arg(long, env = "LUMEN_CHAIN_ID")]
    chain_id: Option<u8>,
    /// Seconds a device of the claimed score needs for a challenge's work.
    #[arg(long, default_value_t = Timing::default().target_secs)]
    target_secs: f64,
    /// The slowest device that can answer in time, as a fraction of its claimed score.
    #[arg(long, default_value_t = Timing::default().min_speed)]
    min_speed: f64,
    /// Milliseconds added to every deadline for the network and the upload.
    #[arg(long, default_value_t = Timing::default().latency_allowance.as_millis() as u64)]
    latency_allowance_ms: u64,
    /// Milliseconds after an answer's commitment by which the openings of
    /// the outputs the service picked must arrive.
    #[arg(long, default_value_t = Timing::default().open_within.as_millis() as u64)]
    open_within_ms: u64,
    /// Timed rounds per challenge (1 to 15), one deadline apart; the score
    /// is the median round's, so rounds slowed by other work on the
    /// machine do not move it (more rounds: a steadier score, a longer
    /// attestation).
    #[arg(
        long,
        default_value_t = Timing::default().rounds,
        value_parser = clap::value_parser!(u32).range(1..=lumen_relayer::service::MAX_ROUNDS as i64),
    )]
    rounds: u32,
    /// Open (unanswered, unexpired) challenges one worker may hold.
    #[arg(long, default_value_t = Limits::default().open_challenges_per_worker)]
    max_open_challenges_per_worker: usize,
    /// Open challenges the service holds in all.
    #[arg(long, default_value_t = Limits::default().open_challenges)]
    max_open_challenges: usize,
    /// Seconds a request may take, reading its body included.
    #[arg(long, default_value_t = Limits::default().request_timeout.as_secs())]
    request_timeout_secs: u64,
    /// Challenge requests per second one network address may send, sustained.
    #[arg(long, default_value_t = RateLimits::default().challenges.per_sec)]
    challenge_rate: f64,
    /// Challenge requests one network address may send at once.
    #[arg(long, default_value_t = RateLimits::default().challenges.burst)]
    challenge_burst: f64,
    /// Answers, openings and liveness polls per second one network address
    /// may send, sustained.
    #[arg(long, default_value_t = RateLimits::default().answers.per_sec)]
    answer_rate: f64,
    /// Answers, openings and liveness polls one network address may send at once.
    #[arg(long, default_value_t = RateLimits::default().answers.burst)]
    answer_burst: f64,
    /// No per-address rate limits (benchmarks that stand many clients on one address).
    #[arg(long)]
    no_rate_limits: bool,
    /// Seconds a finished (done or failed) transaction job is kept.
    #[arg(long, default_value_t = Limits::default().job_retention.as_secs())]
    job_retention_secs: u64,
    /// Epoch length; must equal the chain's `epoch_secs`.
    #[arg(long, default_value_t = 86_400)]
    epoch_secs: u64,
    /// Report an epoch's uptime this long after it ends (below the chain's `epoch_grace_secs`).
    #[arg(long, default_value_t = 600)]
    uptime_report_delay_secs: u64,
    /// Longest gap between two answered liveness challenges that still counts as online.
    #[arg(long, default_value_t = 180)]
    heartbeat_max_gap_secs: u64,
    /// Mean seconds between two liveness challenges of a worker (each gap
    /// drawn from half to one and a half times this).
    #[arg(long, default_value_t = 60)]
    liveness_interval_secs: u64,
    /// Workers per report_uptime transaction.
    #[arg(long, default_value_t = 100)]
    uptime_batch: usize,
    /// Attest CPU devices (lavapipe) with their CPU score: tests and demos only.
    #[arg(long)]
    allow_cpu: bool,
    /// Many machines share one network address (stand-ins on one host, a
    /// NAT): devices attested from one address need not answer together.
    /// By default an address is one machine, whose devices are attested in
    /// one round once one of them was.
    #[arg(long)]
    shared_addresses: bool,
    /// Milliseconds between queue polls (and the base of the retry backoff).
    #[arg(long, default_value_t = 500)]
    poll_ms: u64,
    /// Gas limit per transaction.
    #[arg(long, default_value_t = 200_000)]
    max_gas: u64,
    /// Gas unit price, octas.
    #[arg(long, default_value_t = 100)]
    gas_unit_price: u64,
    /// Seconds until a signed transaction expires.
    #[arg(long, default_value_t = 60)]
    expires_in_secs: u64,
}

#[derive(clap::Args, Debug)]
struct BenchArgs {
    /// Timed runs per kernel; the best one counts. Nine keep the memory
    /// bandwidth figure (70 % of the score's weight, and the noisiest on a
    /// shared host) within a fraction of a percent from run to run; five let
    /// the score move by up to 3 %.
    #[arg(long, default_value_t = 9, env = "LUMEN_BENCH_RUNS")]
    runs: u32,
    /// Work sizes: `full` for scoring, `quick` for smoke tests.
    #[arg(long, value_enum, default_value_t = Profile::Full)]
    profile: Profile,
    /// Shorthand for `--profile quick`.
    #[arg(long)]
    quick: bool,
    /// Vulkan device index (see `devices`); default: the best GPU, else a CPU device.
    #[arg(long, env = "LUMEN_BENCH_DEVICE")]
    device: Option<usize>,
    /// Hash-chain seed, 32 bytes hex; default: random.
    #[arg(long)]
    seed: Option<String>,
    /// Print the full result as JSON on stdout.
    #[arg(long)]
    json: bool,
    /// No progress on stderr.
    #[arg(long)]
    no_progress: bool,
}

fn parse_seed(seed: Option<&str>) -> Result<[u8; 32]> {
    match seed {
        None => Ok(rand::random()),
        Some(seed) => hex::decode(seed.trim_start_matches("0x"))
            .ok()
            .and_then(|b| b.try_into().ok())
            .context("--seed must be 32 bytes of hex (64 hex digits)"),
    }
}

fn bench_options(args: &BenchArgs) -> Result<BenchOptions> {
    Ok(BenchOptions {
        profile: if args.quick {
            Profile::Quick
        } else {
            args.profile
        },
        runs: args.runs,
        device_index: args.device,
        seed: parse_seed(args.seed.as_deref())?,
        progress: !args.no_progress,
    })
}

fn bench_cmd(args: BenchArgs) -> Result<()> {
    let result = bench::run(&bench_options(&args)?)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&result)?);
        return Ok(());
    }
    let figures = &result.figures;
    println!(
        "device      {} ({}), device_id {}",
        result.fingerprint.name, result.fingerprint.device_type, result.device_id
    );
    println!("fp32        {:.4} TFLOPS", figures.fp32_tflops);
    println!("bandwidth   {:.2} GB/s", figures.bandwidth_gbs);
    println!(
        "hash chain  {:.4} TOPS (checksum {})",
        figures.int32_tops, result.hash_proof.root
    );
    println!(
        "path tracer {:.0} samples/min",
        figures.pathtrace_samples_per_min
    );
    match (result.score, result.cpu_score) {
        (Some(s), _) => println!("score       {s:.2}"),
        (None, Some(c)) => println!(
            "score       none: {} is a CPU device, not a GPU (cpu_score {c:.6})",
            result.fingerprint.name
        ),
        (None, None) => println!("score       none"),
    }
    Ok(())
}

fn device_key_cmd(args: &DeviceKeyArgs) -> Result<()> {
    let key = attest::device_key(&args.out)?;
    println!("{}", hex::encode(key.public_key().to_bytes()));
    Ok(())
}

/// Where a device key is read from (no `Debug`: it may hold the key).
#[derive(Clone)]
enum KeySource {
    File(PathBuf),
    Inline(String),
}

async fn attest_cmd(args: AttestArgs) -> Result<()> {
    let keys: Vec<KeySource> = if args.device_key_files.is_empty() {
        args.device_key
            .iter()
            .cloned()
            .map(KeySource::Inline)
            .collect()
    } else {
        args.device_key_files
            .iter()
            .cloned()
            .map(KeySource::File)
            .collect()
    };
    let paired = round::pair(
        &args.devices,
        &args.workers,
        &keys,
        &args.vram_mb,
        &args.claim,
    )?;
    let mut devices = Vec::with_capacity(paired.len());
    for p in paired {
        let key = match &p.key {
            KeySource::File(f) => load_key(Some(f), None, "LUMEN_DEVICE_KEY"),
            KeySource::Inline(k) => load_key(None, Some(k), "LUMEN_DEVICE_KEY"),
        }?;
        let worker = AccountAddress::from_hex(&p.worker)
            .map_err(|e| anyhow::anyhow!("--worker {:?} is not an address: {e}", p.worker))?;
        devices.push(round::Paired {
            device_index: p.device_index,
            worker,
            key,
            vram_mb: p.vram_mb,
            claim: p.claim,
        });
    }
    if let [device] = devices.as_slice() {
        return attest_one(&args, device).await;
    }
    let opts = round::RoundOptions {
        service_url: args.service.clone(),
        package: args.package,
        devices,
        allow_cpu: args.allow_cpu,
    };
    let outcomes = round::attest_round(&opts).await?;
    let refused = outcomes.iter().filter(|o| o.result.is_err()).count();
    if args.json {
        let entries: Vec<_> = outcomes.iter().map(outcome_json).collect();
        println!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({ "devices": entries }))?
        );
    } else {
        for o in &outcomes {
            let device = o.device_index.map_or("default".into(), |i| i.to_string());
            match &o.result {
                Ok((sub, accepted)) => {
                    println!("device {device}: {}", attested_line(sub, accepted))
                }
                Err(attest::AttestError::Rejected { reason, message }) => println!(
                    "device {device}: worker {}: refused ({reason}): {message}",
                    o.worker
                ),
                Err(e) => println!("device {device}: worker {}: failed: {e}", o.worker),
            }
        }
    }
    if refused > 0 {
        anyhow::bail!("{refused} of {} devices were not attested", outcomes.len());
    }
    Ok(())
}

/// One device, as a single challenge.
async fn attest_one(
    args: &AttestArgs,
    device: &round::Paired<AccountAddress, aptos_sdk::crypto::Ed25519PrivateKey>,
) -> Result<()> {
    let opts = AttestOptions {
        service_url: args.service.clone(),
        package: args.package,
        worker: device.worker,
        device_index: device.device_index,
        vram_mb: device.vram_mb,
        claim: device.claim,
        allow_cpu: args.allow_cpu,
    };
    let (sub, accepted) = attest::attest(&opts, &device.key).await?;
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({
                "accepted": accepted,
                "submission": sub,
            }))?
        );
    } else {
        println!("{}", attested_line(&sub, &accepted));
    }
    Ok(())
}

fn attested_line(sub: &Submission, accepted: &Accepted) -> String {
    format!(
        "attested: worker {}, device {} ({}), {} MiB proven, score {:.6} \
         (answered in {} ms as the attester measured), queued as job {}",
        sub.report.worker,
        sub.report.gpu_model,
        hex::encode(&sub.report.device_id),
        sub.report.vram_mb,
        accepted.score as f64 / 1e6,
        accepted.elapsed_ms,
        accepted.job_id
    )
}

/// A round device's outcome as JSON: `accepted` and `submission`, or
/// `rejected` (`{reason, message}`), or `error`.
fn outcome_json(o: &round::DeviceOutcome) -> serde_json::Value {
    let mut entry = serde_json::json!({ "device": o.device_index, "worker": o.worker });
    let fields = match &o.result {
        Ok((sub, accepted)) => serde_json::json!({ "accepted": accepted, "submission": sub }),
        Err(attest::AttestError::Rejected { reason, message }) => {
            serde_json::json!({ "rejected": { "reason": reason, "message": message } })
        }
        Err(e) => serde_json::json!({ "error": e.to_string() }),
    };
    if let (Some(entry), serde_json::Value::Object(fields)) = (entry.as_object_mut(), fields) {
        entry.extend(fields);
    }
    entry
}

async fn liveness_cmd(args: LivenessArgs) -> Result<()> {
    let (key, worker) = args.key.load()?;
    attest::stay_live(
        &args.service,
        worker,
        &key,
        args.device,
        args.answers,
        |ack| match ack {
            Ok(ack) => println!(
                "liveness: answered in time, {} s credited, epoch {}: {} s online so far",
                ack.credited_secs, ack.epoch, ack.online_secs
            ),
            Err(e) => tracing::warn!(error = %e, "liveness answer refused"),
        },
    )
    .await?;
    Ok(())
}

async fn serve_cmd(args: ServeArgs) -> Result<()> {
    let attester_key = load_key(
        args.attester_key_file.as_deref(),
        args.attester_key.as_deref(),
        "LUMEN_ATTESTER_KEY",
    )
    .context("the attester's key")?;
    let fee_payer = match (&args.fee_payer_key_file, &args.fee_payer_key) {
        (None, None) => None,
        (f, v) => Some(Ed25519Account::from_private_key(
            load_key(f.as_deref(), v.as_deref(), "LUMEN_FEE_PAYER_KEY")
                .context("the fee payer's key")?,
        )),
    };
    let node = Node::new(&args.node);
    let chain_id = match args.chain_id {
        Some(c) => c,
        None => loop {
            match node.chain_id().await {
                Ok(c) => break c,
                Err(e) => {
                    tracing::warn!(error = %e, node = %args.node, "waiting for the node's chain id");
                    tokio::time::sleep(Duration::from_secs(2)).await;
                }
            }
        },
    };
    let config = ServiceConfig {
        policy: Policy::new(
            args.package,
            chain_id,
            args.allow_cpu,
            !args.shared_addresses,
        ),
        timing: Timing {
            target_secs: args.target_secs.clamp(0.01, 60.0),
            min_speed: args.min_speed,
            latency_allowance: Duration::from_millis(args.latency_allowance_ms),
            open_within: Duration::from_millis(args.open_within_ms),
            rounds: args.rounds,
        },
        epoch_secs: args.epoch_secs.max(1),
        uptime_report_delay_secs: args.uptime_report_delay_secs,
        heartbeat_max_gap_secs: args.heartbeat_max_gap_secs,
        liveness: Liveness {
            interval: Duration::from_secs(args.liveness_interval_secs.max(1)),
            ..Liveness::default()
        },
        uptime_batch: args.uptime_batch,
        tick: Duration::from_millis(args.poll_ms.max(10)),
        limits: Limits {
            open_challenges_per_worker: args.max_open_challenges_per_worker,
            open_challenges: args.max_open_challenges,
            request_timeout: Duration::from_secs(args.request_timeout_secs.max(1)),
            rate: (!args.no_rate_limits).then_some(RateLimits {
                challenges: Rate {
                    per_sec: args.challenge_rate.max(1e-3),
                    burst: args.challenge_burst.max(1.0),
                },
                answers: Rate {
                    per_sec: args.answer_rate.max(1e-3),
                    burst: args.answer_burst.max(1.0),
                },
            }),
            job_retention: Duration::from_secs(args.job_retention_secs),
            ..Limits::default()
        },
    };
    let svc = Service::open(&args.state_dir, config, Some(node.clone()))?;
    let attester = Ed25519Account::from_private_key(attester_key);
    let submitter = Submitter {
        queue: svc.queue(),
        node,
        signer: Signer {
            attester,
            fee_payer,
            chain_id,
            package: args.package,
            options: TxnOptions {
                max_gas_amount: args.max_gas,
                gas_unit_price: args.gas_unit_price,
                expires_in_secs: args.expires_in_secs,
            },
        },
        poll: Duration::from_millis(args.poll_ms.max(10)),
    };
    let listener = tokio::net::TcpListener::bind(&args.listen)
        .await
        .with_context(|| format!("cannot listen on {}", args.listen))?;
    let addr = listener.local_addr()?;
    tracing::info!(%addr, chain_id, state = %args.state_dir.display(), "attester service up");
    // The tests and scripts read the address from this line.
    println!("listening on http://{addr}");
    tokio::spawn(submitter.run());
    tokio::spawn(Arc::clone(&svc).run_epoch_reporter());
    service::serve(listener, svc).await?;
    Ok(())
}

#[tokio::main]
async fn main() -> Result<()> {
    lumen_sdk::logging::init(lumen_sdk::logging::Output::Stderr);
    match Cli::parse().command {
        Cmd::Devices => {
            for (i, d) in lumen_relayer::vulkan::devices()?.into_iter().enumerate() {
                println!("{i}\t{}\t{}", d.device_type, d.name);
            }
        }
        Cmd::Bench(args) => tokio::task::spawn_blocking(move || bench_cmd(args)).await??,
        Cmd::DeviceKey(args) => device_key_cmd(&args)?,
        Cmd::Attest(args) => attest_cmd(args).await?,
        Cmd::Liveness(args) => liveness_cmd(args).await?,
        Cmd::Serve(args) => serve_cmd(args).await?,
    }
    Ok(())
}
