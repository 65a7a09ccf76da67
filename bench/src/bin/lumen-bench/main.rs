//! `lumen-bench`: measures each performance claim next to its limit or peer,
//! in one run on one machine, and writes one JSON row per figure; `render`
//! turns the rows into `bench/RESULTS.md`.

use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use aptos_sdk::crypto::Ed25519PrivateKey;
use clap::{Args, Parser, Subcommand};
use diesel::{Connection, PgConnection, QueryableByName, RunQueryDsl};
use lumen_bench::chain::{self, Rendered, Workload};
use lumen_bench::load::{self, UrlFn};
use lumen_bench::procs::{sibling_binary, wait_watching, KillOnDrop};
use lumen_bench::report::{self, fmt_int, fmt_num, Row};
use lumen_indexer::pg_cluster::PgCluster;
use lumen_relayer::attest::SignedAnswer;
use lumen_relayer::bench::fingerprint::Fingerprint;
use lumen_relayer::bench::BenchResult;
use lumen_relayer::protocol::{Challenge, Opening, Picked};
use lumen_sdk::standin::Standin;

mod api;
mod attester;
mod board;
mod challenges;
mod gpu;
mod grpc;
mod indexer;
mod worker;

use api::api;
use attester::attester;
use board::board;
use challenges::challenges;
use gpu::gpu;
use indexer::{catchup, indexer};
use worker::worker;

/// Lumen's benchmarks.
#[derive(Parser, Debug)]
#[command(name = "lumen-bench", version)]
struct Cli {
    #[command(flatten)]
    common: Common,
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Args, Debug, Clone)]
struct Common {
    /// JSON-lines file the result rows are appended to.
    #[arg(long, global = true, default_value = "bench/results.jsonl")]
    results: PathBuf,
    /// Scratch directory (logs, COPY input, service state).
    #[arg(
        long,
        global = true,
        env = "LUMEN_BENCH_DIR",
        default_value = "/var/tmp/lumen-bench"
    )]
    work_dir: PathBuf,
    /// Tiny sizes: every row runs in seconds (a smoke test, figures meaningless).
    #[arg(long, global = true)]
    smoke: bool,
}

#[derive(Subcommand, Debug)]
enum Cmd {
    /// Indexer ingest (vs PostgreSQL COPY), its peak RSS, then the explorer API.
    Indexer(IndexerArgs),
    /// Indexer catch-up over a chain where 90 % of transactions are unrelated.
    Catchup(CatchupArgs),
    /// The attester service: signed reports verified and queued per second.
    Attester(AttesterArgs),
    /// Timed attestation challenges: verifier cost vs answering cost, score steadiness.
    Challenges(ChallengesArgs),
    /// The GPU benchmark on the local Vulkan device vs clpeak through OpenCL.
    Gpu(GpuArgs),
    /// The worker agent's time over bare `blender -b` on the same frames.
    Worker(WorkerArgs),
    /// The job board: signed offers delivered to long-polling workers per second.
    Board(BoardArgs),
    /// Every row, in one run.
    All,
    /// Renders the result rows into Markdown.
    Render(RenderArgs),
}

#[derive(Args, Debug, Clone)]
struct IndexerArgs {
    /// Package events ingested in the measured run.
    #[arg(long, default_value_t = 1_000_000)]
    events: u64,
    /// Workers onboarded (the API's worker count).
    #[arg(long, default_value_t = 10_000)]
    workers: u64,
    /// Jobs in the API's data set (the chain continues after the measured ingest).
    #[arg(long, default_value_t = 1_000_000)]
    jobs: u64,
    /// Skip the explorer API part.
    #[arg(long)]
    no_api: bool,
    /// Load-generator connections.
    #[arg(long, default_value_t = 16)]
    connections: usize,
    /// Measured seconds per API endpoint.
    #[arg(long, default_value_t = 10)]
    api_secs: u64,
    /// Keep the database in `<work-dir>/pg` and, when it already holds the
    /// full data set, measure only the API (for iterating on the API).
    #[arg(long)]
    keep_db: bool,
}

#[derive(Args, Debug, Clone)]
struct CatchupArgs {
    /// Transactions in the chain.
    #[arg(long, default_value_t = 1_000_000)]
    txns: u64,
}

#[derive(Args, Debug, Clone)]
struct AttesterArgs {
    /// Reports sent.
    #[arg(long, default_value_t = 3_000)]
    reports: u64,
    /// Concurrent connections (workers reporting at the same time).
    #[arg(long, default_value_t = 64)]
    connections: usize,
}

#[derive(Args, Debug, Clone)]
struct ChallengesArgs {
    /// Honest runs (the coefficient of variation is over these).
    #[arg(long, default_value_t = 5)]
    runs: u32,
    /// Timed rounds per challenge (the service's default unless given).
    #[arg(long)]
    rounds: Option<u32>,
}

#[derive(Args, Debug, Clone)]
struct GpuArgs {
    /// Benchmark runs (the coefficient of variation is over these).
    #[arg(long, default_value_t = 5)]
    runs: u32,
}

#[derive(Args, Debug, Clone)]
struct WorkerArgs {
    /// Frames rendered per run.
    #[arg(long, default_value_t = 8)]
    frames: u64,
    /// Frame width in pixels.
    #[arg(long, default_value_t = 160)]
    width: u32,
    /// Frame height in pixels.
    #[arg(long, default_value_t = 90)]
    height: u32,
    /// Cycles samples per pixel.
    #[arg(long, default_value_t = 16)]
    samples: u32,
    /// Rounds of one run per side (bare Blender, the agent), back to back in
    /// alternating order. A run takes about 3 s; with three rounds two full
    /// runs gave 13.3 % and -0.9 % (bench/PROFILES.md).
    #[arg(long, default_value_t = 9)]
    rounds: u32,
}

#[derive(Args, Debug, Clone)]
struct BoardArgs {
    /// Jobs, each with one signed offer.
    #[arg(long, default_value_t = 2_000)]
    jobs: u64,
    /// Workers long-polling.
    #[arg(long, default_value_t = 100)]
    workers: u64,
    /// Creators posting at the same time.
    #[arg(long, default_value_t = 8)]
    creators: u64,
}

#[derive(Args, Debug, Clone)]
struct RenderArgs {
    /// Output file.
    #[arg(long, default_value = "bench/RESULTS.md")]
    out: PathBuf,
    /// Text placed above the table (conditions of the run).
    #[arg(long, default_value = "")]
    preamble: String,
}

fn main() -> Result<()> {
    lumen_sdk::logging::init(lumen_sdk::logging::Output::Stderr);
    let _ = rustls::crypto::ring::default_provider().install_default();
    let cli = Cli::parse();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let c = cli.common.clone();
    std::fs::create_dir_all(&c.work_dir)
        .with_context(|| format!("creating {}", c.work_dir.display()))?;
    match cli.command {
        Cmd::Indexer(a) => rt.block_on(indexer(&c, &a)),
        Cmd::Catchup(a) => rt.block_on(catchup(&c, &a)),
        Cmd::Attester(a) => rt.block_on(attester(&c, &a)),
        Cmd::Challenges(a) => rt.block_on(challenges(&c, &a)),
        Cmd::Gpu(a) => gpu(&c, &a).map(|_| ()),
        Cmd::Worker(a) => worker(&c, &a),
        Cmd::Board(a) => rt.block_on(board(&c, &a)),
        Cmd::All => rt.block_on(all(&c)),
        Cmd::Render(a) => {
            let rows = report::read(&c.results)?;
            std::fs::write(&a.out, report::render(&rows, &a.preamble))
                .with_context(|| format!("writing {}", a.out.display()))?;
            eprintln!("wrote {} ({} rows)", a.out.display(), rows.len());
            Ok(())
        }
    }
}

async fn all(c: &Common) -> Result<()> {
    let parse = |args: &[&str]| -> Result<Cli> {
        let mut v = vec!["lumen-bench"];
        v.extend_from_slice(args);
        Ok(Cli::try_parse_from(v)?)
    };
    let (
        Cmd::Gpu(g),
        Cmd::Indexer(i),
        Cmd::Catchup(k),
        Cmd::Attester(a),
        Cmd::Challenges(t),
        Cmd::Worker(w),
        Cmd::Board(b),
    ) = (
        parse(&["gpu"])?.command,
        parse(&["indexer"])?.command,
        parse(&["catchup"])?.command,
        parse(&["attester"])?.command,
        parse(&["challenges"])?.command,
        parse(&["worker"])?.command,
        parse(&["board"])?.command,
    )
    else {
        unreachable!("the subcommands parse as themselves")
    };
    // The device rows first, on a machine that has not yet run the database
    // rows (whose server shutdown, file deletion and writeback outlast them).
    let c2 = c.clone();
    tokio::task::spawn_blocking(move || gpu(&c2, &g)).await??;
    challenges(c, &t).await?;
    indexer(c, &i).await?;
    catchup(c, &k).await?;
    attester(c, &a).await?;
    board(c, &b).await?;
    let c2 = c.clone();
    tokio::task::spawn_blocking(move || worker(&c2, &w)).await??;
    Ok(())
}

fn smoke_note(c: &Common) -> &'static str {
    if c.smoke {
        "SMOKE RUN: tiny sizes, figures meaningless. "
    } else {
        ""
    }
}

fn log_file(c: &Common, name: &str) -> Result<std::fs::File> {
    let p = c.work_dir.join("logs").join(name);
    std::fs::create_dir_all(p.parent().unwrap())?;
    std::fs::File::create(&p).with_context(|| format!("creating {}", p.display()))
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    n: i64,
}

fn count(url: &str, sql: &str) -> Result<i64> {
    let mut conn = PgConnection::establish(url).with_context(|| format!("connecting {url}"))?;
    let rows: Vec<Count> = diesel::sql_query(sql).load(&mut conn)?;
    Ok(rows.first().map_or(0, |r| r.n))
}

/// Server settings of the benchmark clusters, beyond the test clusters'
/// defaults: memory sized for a database server rather than PostgreSQL's
/// minimal 128 MB default (the 1M-job data set is a few GB; this machine has
/// 24 GB), and checkpoints spaced for a bulk load. The COPY reference runs
/// on the same server with the same settings.
const PG_SETTINGS: &[&str] = &["shared_buffers=4GB", "max_wal_size=8GB"];

/// Ingest measurements per side (indexer, COPY), alternating.
const INGEST_ROUNDS: usize = 2;

/// Runs `lumen-indexer` until it has ingested up to the node's head.
fn run_indexer(
    c: &Common,
    db_url: &str,
    node_url: &str,
    log: &str,
) -> Result<lumen_bench::procs::Watched> {
    run_indexer_from(c, db_url, &["--node-url".into(), node_url.into()], log)
}

/// Runs `lumen-indexer` with the `source` arguments until it has ingested
/// up to the head.
fn run_indexer_from(
    c: &Common,
    db_url: &str,
    source: &[String],
    log: &str,
) -> Result<lumen_bench::procs::Watched> {
    let bin = sibling_binary("lumen-indexer")?;
    let mut child = Command::new(bin)
        .args(source)
        .args(["--database-url", db_url])
        .args(["--package", "0xcafe", "--ingest-only", "--exit-at-head"])
        .args(["--progress-secs", "5"])
        .env("RUST_LOG", "info")
        .stdin(Stdio::null())
        .stdout(log_file(c, log)?)
        .stderr(log_file(c, &format!("{log}.err"))?)
        .spawn()
        .context("starting lumen-indexer")?;
    let w = wait_watching(&mut child, Duration::from_millis(50))?;
    if !w.status.success() {
        bail!(
            "lumen-indexer failed ({}); see {}",
            w.status,
            c.work_dir.join("logs").join(log).display()
        );
    }
    Ok(w)
}
