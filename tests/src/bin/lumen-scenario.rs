//! Writes a simulated Lumen network as JSON lines of fullnode REST
//! transactions and prints the model's summary (the expected numbers) as JSON.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Parser;
use lumen_e2e::scenario::{Scenario, ScenarioConfig};
use lumen_sdk::Package;

/// Simulates a Lumen network (workers, jobs through every path, epochs,
/// rewards, VIP passes) and writes its transactions in the fullnode REST shape.
#[derive(Parser, Debug)]
#[command(name = "lumen-scenario", version)]
struct Cli {
    /// Seed of every random choice.
    #[arg(long, env = "LUMEN_SCENARIO_SEED", default_value_t = 7)]
    seed: u64,
    /// Workers.
    #[arg(long, default_value_t = 40)]
    workers: usize,
    /// Creators; default: two per five workers.
    #[arg(long)]
    creators: Option<usize>,
    /// Jobs.
    #[arg(long, default_value_t = 400)]
    jobs: usize,
    /// Days (epochs) of activity.
    #[arg(long, default_value_t = 20)]
    epochs: u64,
    /// Chain time of the first epoch (Unix seconds, a multiple of a day);
    /// default 2026-01-01. The browser tests end the network just before now,
    /// so scores are still valid when they act on it.
    #[arg(long)]
    start: Option<u64>,
    /// The package address.
    #[arg(long, env = "LUMEN_PACKAGE", default_value = "0xcafe")]
    package: Package,
    /// Chain id.
    #[arg(long, default_value_t = 4)]
    chain_id: u8,
    /// Output file: one REST transaction per line.
    #[arg(long)]
    out: PathBuf,
    /// Also write the summary to this file.
    #[arg(long)]
    summary_out: Option<PathBuf>,
    /// Write the attester's and a new worker's keys (JSON) to this file.
    #[arg(long)]
    keys_out: Option<PathBuf>,
}

fn main() -> Result<()> {
    lumen_e2e::init_logging();
    let cli = Cli::parse();
    let mut cfg = ScenarioConfig::new(cli.seed, cli.workers, cli.jobs, cli.epochs);
    if let Some(c) = cli.creators {
        cfg.creators = c;
    }
    cfg.package = cli.package;
    if let Some(start) = cli.start {
        cfg.start = start;
    }
    cfg.chain_id = cli.chain_id;
    let started = std::time::Instant::now();
    let scenario = Scenario::build(&cfg)?;
    if let Some(dir) = cli.out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let file = std::fs::File::create(&cli.out)
        .with_context(|| format!("cannot write {}", cli.out.display()))?;
    let mut w = std::io::BufWriter::new(file);
    for t in &scenario.transactions {
        serde_json::to_writer(&mut w, t)?;
        w.write_all(b"\n")?;
    }
    w.flush()?;
    let s = &scenario.summary;
    tracing::info!(
        transactions = s.chain.transactions,
        lumen_events = s.chain.lumen_events,
        jobs = s.jobs.total,
        workers = s.workers.len(),
        elapsed_ms = started.elapsed().as_millis() as u64,
        out = %cli.out.display(),
        "scenario written"
    );
    let json = serde_json::to_string_pretty(s)?;
    if let Some(p) = &cli.summary_out {
        std::fs::write(p, &json).with_context(|| format!("cannot write {}", p.display()))?;
    }
    if let Some(p) = &cli.keys_out {
        std::fs::write(p, serde_json::to_string_pretty(&scenario.keys)?)
            .with_context(|| format!("cannot write {}", p.display()))?;
    }
    println!("{json}");
    Ok(())
}
