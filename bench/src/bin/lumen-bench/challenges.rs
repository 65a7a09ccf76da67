//! Timed attestation challenges on this machine's Vulkan device: what
//! checking an answer costs the attester next to what answering costs the
//! device, and how steady an honest device's measured score is.

#[allow(unused_imports)]
use super::*;

use lumen_relayer::attest;
use lumen_relayer::bench::answer::WorkDevice;
use lumen_relayer::service::{self, Limits, Liveness, Service, ServiceConfig, Timing};
use lumen_relayer::verify::Policy;
use lumen_relayer::work::{self, Openings, SamplePicks, WorkAnswer, Workload};

/// This process's CPU time (user + system), seconds: lavapipe's threads
/// run in the process, so an answer's CPU cost on a CPU device is the
/// difference around it.
fn process_cpu_secs() -> Result<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat")?;
    // Fields after the command name (which ends with ')'): utime is the
    // 12th, stime the 13th; clock ticks of 1/100 s on Linux.
    let rest = stat
        .rsplit_once(')')
        .map(|(_, r)| r)
        .ok_or_else(|| anyhow::anyhow!("/proc/self/stat: {stat}"))?;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = fields[11].parse::<f64>()? + fields[12].parse::<f64>()?;
    Ok(ticks / 100.0)
}

/// One round of an answer as the verifier checks it: the round's work and
/// seed, its commitment, picks and their openings.
type CheckedRound = (Workload, [u8; 32], WorkAnswer, SamplePicks, Openings);

pub(super) async fn challenges(c: &Common, a: &ChallengesArgs) -> Result<()> {
    let (target_secs, vram_mb) = if c.smoke { (0.5, 8) } else { (3.0, 64) };
    let state = c.work_dir.join("challenges-state");
    let _ = std::fs::remove_dir_all(&state);
    let config = ServiceConfig {
        policy: Policy::new(lumen_sdk::Package::DEV, 4, true, false),
        timing: Timing {
            target_secs,
            // The smoke run checks the path: three rounds are enough.
            rounds: a
                .rounds
                .unwrap_or(if c.smoke { 3 } else { Timing::default().rounds }),
            ..Timing::default()
        },
        epoch_secs: 86_400,
        uptime_report_delay_secs: 600,
        heartbeat_max_gap_secs: 180,
        liveness: Liveness::default(),
        uptime_batch: 100,
        tick: Duration::from_secs(1),
        // Many requests from one address in quick succession: no rate limits
        // (tests/limits.rs checks them).
        limits: Limits {
            rate: None,
            ..Limits::default()
        },
    };
    let config_rounds = config.timing.rounds;
    let svc = Service::open(&state, config, None)?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let url = format!("http://{}", listener.local_addr()?);
    tokio::spawn(service::serve(listener, svc));

    // The device prepared once, as `lumen-relayer attest` does before it
    // asks; the claim is 80 % of its own estimate, the same every run.
    let device = tokio::task::spawn_blocking(move || WorkDevice::prepare(None, vram_mb)).await??;
    let name = format!(
        "{} ({})",
        device.fingerprint().name,
        device.fingerprint().device_type
    );
    let (device, estimate) = tokio::task::spawn_blocking(move || {
        let e = device.estimate();
        (device, e)
    })
    .await?;
    let claim = (estimate? * 4 / 5).max(work::MIN_CLAIM_MICRO);
    let device_key = Ed25519PrivateKey::from_bytes(&[0x5c; 32])?;
    let worker = attest::address_of(&device_key);

    // The smoke run checks the path, not the spread: two challenges.
    let runs = if c.smoke { 2 } else { a.runs.max(2) };
    let rounds = config_rounds;
    let mut device = Some(device);
    let mut scores = Vec::new();
    let mut answer_cpu = Vec::new();
    // Every round of every answer, with picks of its own for the verifier's
    // timing below (an answer's check opens every round).
    let mut answered: Vec<Vec<CheckedRound>> = Vec::new();
    // The device's own time for each round of each challenge (the worker's
    // clock): the work is the same in every round, so their spread is the
    // device's speed moving, which no choice of round can remove.
    let mut device_secs: Vec<Vec<f64>> = Vec::new();
    for i in 0..runs {
        tracing::info!(run = i + 1, runs, rounds, "timed challenge");
        let ch = attest::request_challenge(&url, worker, claim, vram_mb).await?;
        let d = device.take().expect("the device is back");
        let cpu0 = process_cpu_secs()?;
        let (d, done) =
            attest::answer_rounds(&url, d, &ch, &lumen_sdk::Package::DEV, &device_key).await?;
        answer_cpu.push(process_cpu_secs()? - cpu0);
        device = Some(d);
        scores.push(done.accepted.score as f64 / 1e6);
        device_secs.push(done.rounds.iter().map(|r| r.device_secs).collect());
        let mut checked = Vec::new();
        for r in done.rounds {
            let picks = SamplePicks::draw(&r.work);
            let openings = r.worked.open(&picks)?;
            checked.push((r.work, r.seed, r.worked.answer, picks, openings));
        }
        answered.push(checked);
    }
    let device = DeviceRounds::of(&device_secs);

    // The verifier: every answer checked again and again on one thread
    // until a second has passed.
    let (verified, verify_secs) = tokio::task::spawn_blocking(move || -> Result<(u64, f64)> {
        let t0 = Instant::now();
        let mut n = 0u64;
        while n == 0 || t0.elapsed() < Duration::from_secs(1) {
            for rounds in &answered {
                for (work, seed, answer, picks, openings) in rounds {
                    work::verify(work, seed, answer, picks, openings)?;
                }
                n += 1;
            }
        }
        Ok((n, t0.elapsed().as_secs_f64()))
    })
    .await??;
    let per_answer = verify_secs / verified as f64;
    let rate = 1.0 / per_answer;
    let mut cpu = answer_cpu.clone();
    let answer_median = lumen_bench::quantile(&mut cpu, 0.5).unwrap_or(f64::NAN);
    let ratio = per_answer / answer_median * 100.0;
    let cv = lumen_bench::coefficient_of_variation(&scores).unwrap_or(f64::NAN) * 100.0;

    let workload = format!(
        "{runs} timed challenges of {rounds} rounds on {name}: claim {} for {target_secs} s a round, {vram_mb} MiB proven",
        fmt_num(claim as f64 / 1e6)
    );
    report::append(
        &c.results,
        &Row::new(
            "Timed challenges: answers verified per second per core",
            &workload,
            rate,
            "answers/s/core",
        )
        .note(format!(
            "{}One thread re-verifying the runs' answers for a second ({verified} verifications): per round 16 hash-chain items and 16 memory walks recomputed, every word a walk reads recomputed, 32 Merkle paths; every round of an answer checked.",
            smoke_note(c)
        )),
    )?;
    report::append(
        &c.results,
        &Row::new(
            "Timed challenges: verifier CPU per answer vs answering CPU",
            &workload,
            ratio,
            "%",
        )
        .reference(1.0, "target")
        .target("< 1 %", ratio < 1.0)
        .note(format!(
            "{}Verifying: {} ms of one core per answer (all its rounds). Answering (every round's work and Merkle commitments; on a CPU device its CPU time): {} s median of {}.",
            smoke_note(c),
            fmt_num(per_answer * 1e3),
            fmt_num(answer_median),
            answer_cpu
                .iter()
                .map(|s| fmt_num(*s))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    )?;
    report::append(
        &c.results,
        &Row::new(
            "Timed challenges: honest score, run-to-run coefficient of variation",
            &workload,
            cv,
            "%",
        )
        .reference(3.0, "target")
        .target("≤ 3 %", cv <= 3.0)
        .note(format!(
            "{}Scores the attester measured (work over the median round's time from the round's start to its commitment, HTTP included): {}. {} (information: the target is on the scores as measured; bench/PROFILES.md).",
            smoke_note(c),
            scores
                .iter()
                .map(|s| format!("{s:.6}"))
                .collect::<Vec<_>>()
                .join(", "),
            device.describe()
        )),
    )?;
    Ok(())
}

/// The device's own round times across a row's challenges: how much its
/// speed moved while the attester measured it.
struct DeviceRounds {
    rounds: usize,
    fastest: f64,
    slowest: f64,
    /// Round to round, over every round of every challenge, %.
    cv: f64,
    /// Of the speeds of each challenge's median round, %.
    medians_cv: f64,
    /// Of the speeds of each challenge's fastest round, %.
    fastest_cv: f64,
}

impl DeviceRounds {
    fn of(per_challenge: &[Vec<f64>]) -> Self {
        let all: Vec<f64> = per_challenge.iter().flatten().copied().collect();
        let speeds = |q: f64| -> Vec<f64> {
            per_challenge
                .iter()
                .map(|times| {
                    let mut t = times.clone();
                    1.0 / lumen_bench::quantile(&mut t, q).unwrap_or(f64::NAN)
                })
                .collect()
        };
        let cv = |v: &[f64]| lumen_bench::coefficient_of_variation(v).unwrap_or(f64::NAN) * 100.0;
        DeviceRounds {
            rounds: all.len(),
            fastest: all.iter().copied().fold(f64::INFINITY, f64::min),
            slowest: all.iter().copied().fold(0.0, f64::max),
            cv: cv(&all),
            medians_cv: cv(&speeds(0.5)),
            fastest_cv: cv(&speeds(0.0)),
        }
    }

    fn describe(&self) -> String {
        format!(
            "The same work took the device {}–{} s a round on its own clock ({} rounds; a CV of {} % round to round): the speeds of the challenges' median rounds spread by {} %, of their fastest rounds by {} %",
            fmt_num(self.fastest),
            fmt_num(self.slowest),
            self.rounds,
            fmt_num(self.cv),
            fmt_num(self.medians_cv),
            fmt_num(self.fastest_cv)
        )
    }
}
