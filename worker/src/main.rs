//! The `lumen-worker` binary: `run` (the agent), `render` (the same sandboxed
//! Blender run on a local scene, no chain) and `status` (the jobs in a state
//! directory).

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use clap::{Args, Parser, Subcommand};
use lumen_board::client::{BoardClient, Identity};
use lumen_sdk::render::{content_hash, Engine, JobSpec, OutputFormat};
use lumen_sdk::tx::LumenClient;
use lumen_sdk::{AccountAddress, Package};
use lumen_worker::agent::Agent;
use lumen_worker::blender::{Blender, Control, Device, Progress, Sandbox};
use lumen_worker::fit::Capacity;
use lumen_worker::state::{Phase, StateDir};

/// The Lumen worker agent.
#[derive(Parser, Debug)]
#[command(name = "lumen-worker", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Args, Debug)]
struct BlenderArgs {
    /// The Blender binary.
    #[arg(long, env = "LUMEN_BLENDER", default_value = "blender")]
    blender: PathBuf,
    /// Isolation of Blender: bubblewrap, or none (only where bubblewrap cannot run).
    #[arg(long, value_enum, default_value_t = SandboxKind::Bwrap)]
    sandbox: SandboxKind,
    /// The unprivileged user Blender runs as when the agent is root.
    #[arg(long, default_value = "nobody")]
    sandbox_user: String,
    /// Render device: the GPU when present, else the CPU (auto), or always the CPU.
    #[arg(long, value_enum, default_value_t = Device::Auto)]
    device: Device,
    /// Seconds without output after which a frame counts as crashed.
    #[arg(long, default_value_t = 3600)]
    frame_timeout_secs: u64,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum SandboxKind {
    Bwrap,
    None,
}

impl BlenderArgs {
    fn blender(&self) -> Result<Blender> {
        let sandbox = match self.sandbox {
            SandboxKind::Bwrap => Sandbox::bubblewrap(&self.sandbox_user)?,
            SandboxKind::None => {
                tracing::warn!("Blender runs WITHOUT a sandbox (--sandbox none): a hostile scene could reach this machine");
                Sandbox::None
            }
        };
        let mut b = Blender::new(&self.blender, sandbox, self.device)?;
        b.frame_timeout = std::time::Duration::from_secs(self.frame_timeout_secs);
        Ok(b)
    }
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Run the agent: take offers from the board, render, submit.
    Run {
        /// The job board.
        #[arg(long, env = "LUMEN_BOARD_URL")]
        board: String,
        /// Fullnode REST URL, ending in /v1.
        #[arg(long, env = "LUMEN_NODE_URL")]
        node_url: String,
        /// Address the Lumen package is published at.
        #[arg(long, env = "LUMEN_PACKAGE")]
        package: Package,
        /// File holding the worker's ed25519 private key (hex or AIP-80).
        #[arg(long, env = "LUMEN_WORKER_KEY_FILE")]
        key_file: PathBuf,
        /// The worker's address, when its key was rotated (default: derived from the key).
        #[arg(long)]
        account: Option<AccountAddress>,
        /// Where jobs, frames and the scene cache are kept.
        #[arg(long, env = "LUMEN_WORKER_STATE", default_value = "./worker-state")]
        state_dir: PathBuf,
        /// The lowest price per frame taken (base units; offers below the
        /// protocol's min_price_per_frame are declined whatever this says).
        #[arg(long, default_value_t = 1)]
        min_price_per_frame: u64,
        /// The most stake one job may lock as collateral (default: no limit
        /// beyond the free stake).
        #[arg(long, default_value_t = u64::MAX)]
        max_collateral: u64,
        /// Dispute a partial acceptance paying fewer than this share of the
        /// submitted frames, in basis points (0: accept every one).
        #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u64).range(0..=10_000))]
        dispute_partial_below_bps: u64,
        /// The most frames in one job.
        #[arg(long, default_value_t = 10_000)]
        max_frames: u64,
        /// The most samples per pixel.
        #[arg(long, default_value_t = 16_384)]
        max_samples: u32,
        /// Seconds kept before the render deadline for uploading and submitting.
        #[arg(long, default_value_t = 60)]
        submit_margin_secs: u64,
        /// Crashes of one frame retried before giving up on the job.
        #[arg(long, default_value_t = 2)]
        max_retries: u32,
        /// Seconds a long poll of the board waits.
        #[arg(long, default_value_t = 25)]
        poll_wait_secs: u64,
        #[command(flatten)]
        blender: BlenderArgs,
    },
    /// Render frames of a local scene the way the agent does (sandboxed), without a job.
    Render {
        /// The .blend file.
        scene: PathBuf,
        /// Frames, e.g. 1-24.
        #[arg(long)]
        frames: String,
        /// Width×height, e.g. 64x64.
        #[arg(long, default_value = "64x64")]
        resolution: String,
        /// Samples per pixel.
        #[arg(long, default_value_t = 8)]
        samples: u32,
        /// Where the frames go (created).
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        blender: BlenderArgs,
    },
    /// Show the jobs in a state directory and their progress.
    Status {
        /// The agent's state directory.
        #[arg(long, env = "LUMEN_WORKER_STATE", default_value = "./worker-state")]
        state_dir: PathBuf,
    },
}

/// `a-b` or `a` into (a, b).
fn parse_frames(s: &str) -> Result<(u64, u64)> {
    let (a, b) = s.split_once('-').unwrap_or((s, s));
    let (a, b): (u64, u64) = (
        a.trim()
            .parse()
            .with_context(|| format!("frames {s:?}: expected N or A-B"))?,
        b.trim()
            .parse()
            .with_context(|| format!("frames {s:?}: expected N or A-B"))?,
    );
    if b < a {
        bail!("frames {s:?}: the last frame is before the first");
    }
    Ok((a, b))
}

fn parse_resolution(s: &str) -> Result<(u32, u32)> {
    let (x, y) = s
        .split_once(['x', 'X'])
        .with_context(|| format!("resolution {s:?}: expected WIDTHxHEIGHT"))?;
    Ok((x.trim().parse()?, y.trim().parse()?))
}

async fn render(
    scene: PathBuf,
    frames: String,
    resolution: String,
    samples: u32,
    out: PathBuf,
    b: BlenderArgs,
) -> Result<()> {
    let bytes = std::fs::read(&scene).with_context(|| format!("reading {}", scene.display()))?;
    let (start, end) = parse_frames(&frames)?;
    let (rx, ry) = parse_resolution(&resolution)?;
    let spec = JobSpec {
        version: JobSpec::VERSION,
        scene_hash: content_hash(&bytes),
        scene_size: bytes.len() as u64,
        frame_start: start,
        frame_end: end,
        engine: Engine::Cycles,
        resolution_x: rx,
        resolution_y: ry,
        samples,
        output_format: OutputFormat::Png,
    };
    spec.validate()?;
    let blender = b.blender()?;
    std::fs::create_dir_all(&out)?;
    let out = std::fs::canonicalize(&out)?;
    let work = tempfile::Builder::new()
        .prefix("lumen-render-")
        .tempdir_in(&out)?;
    let driver = work.path().join("driver.py");
    std::fs::write(&driver, lumen_worker::blender::DRIVER)?;
    let scene = std::fs::canonicalize(&scene)?;
    if let Some((uid, gid)) = blender.sandbox.run_as() {
        for p in [&scene, &driver] {
            lumen_worker::blender::check_reachable(p, uid, gid)?;
        }
        std::os::unix::fs::chown(&out, Some(uid), Some(gid))?;
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(work.path(), std::fs::Permissions::from_mode(0o755))?;
    }
    let list: Vec<u64> = spec.frame_numbers().collect();
    let t = Instant::now();
    let outcome = blender
        .run(&spec, &scene, &driver, &out, &list, |p| {
            match p {
                Progress::Device(d) => eprintln!("device: {d}"),
                Progress::Done { frame, path, secs } => {
                    let hash = std::fs::read(&path)
                        .map(|b| content_hash(&b).to_string())
                        .unwrap_or_default();
                    eprintln!("frame {frame} in {secs:.2} s: {} {hash}", path.display());
                }
                Progress::Started(_) => {}
            }
            Control::Continue
        })
        .await?;
    if !outcome.completed {
        bail!(
            "Blender {} after {} of {} frames:\n{}",
            outcome.exit,
            outcome.done.len(),
            list.len(),
            outcome.tail
        );
    }
    println!(
        "{}",
        serde_json::json!({"frames": outcome.done.len(), "seconds": t.elapsed().as_secs_f64(), "out": out})
    );
    Ok(())
}

fn status(state_dir: PathBuf) -> Result<()> {
    let dir = StateDir::open(&state_dir)?;
    for s in dir.load_all()? {
        let done = s.wanted.len() - s.missing().len();
        let phase = match &s.phase {
            Phase::Done { outcome } => format!("done: {outcome}"),
            p => serde_json::to_value(p)?["phase"]
                .as_str()
                .unwrap_or("")
                .to_string(),
        };
        let uploaded = s.frames.values().filter(|f| f.uploaded).count();
        println!(
            "{}  {}/{} frames rendered, {} uploaded, round {}  {}{}",
            s.job,
            done,
            s.wanted.len(),
            uploaded,
            s.round,
            phase,
            s.gave_up
                .as_ref()
                .map(|g| format!(" (gave up: {g})"))
                .unwrap_or_default()
        );
    }
    Ok(())
}

#[tokio::main]
async fn main() -> Result<()> {
    lumen_sdk::logging::init(lumen_sdk::logging::Output::Stderr);
    match Cli::parse().command {
        Command::Run {
            board,
            node_url,
            package,
            key_file,
            account,
            state_dir,
            min_price_per_frame,
            max_collateral,
            dispute_partial_below_bps,
            max_frames,
            max_samples,
            submit_margin_secs,
            max_retries,
            poll_wait_secs,
            blender,
        } => {
            let key_text = std::fs::read_to_string(&key_file)
                .with_context(|| format!("reading key file {}", key_file.display()))?;
            let mut identity = Identity::new(lumen_sdk::messages::parse_private_key(&key_text)?);
            if let Some(a) = account {
                identity.account = a;
            }
            let agent = Agent {
                board: BoardClient::new(&board),
                chain: LumenClient::new(&node_url, package)?,
                identity: Arc::new(identity),
                state: StateDir::open(&state_dir)?,
                blender: blender.blender()?,
                capacity: Capacity {
                    min_price_per_frame,
                    max_frames,
                    max_samples,
                    submit_margin_secs,
                    max_collateral,
                    dispute_partial_below_bps,
                    ..Capacity::default()
                },
                max_retries,
                poll_wait_secs,
            };
            agent.prepare()?;
            tracing::info!(worker = %agent.identity.account, board = %board, state = %state_dir.display(), "worker agent started");
            agent
                .run(async {
                    let _ = tokio::signal::ctrl_c().await;
                })
                .await
        }
        Command::Render {
            scene,
            frames,
            resolution,
            samples,
            out,
            blender,
        } => render(scene, frames, resolution, samples, out, blender).await,
        Command::Status { state_dir } => status(state_dir),
    }
}
