//! What the attester service checks before it vouches for a report. Every
//! refusal is a [`Rejection`] with a stable code and a specific message.

use lumen_sdk::messages::BenchmarkReport;
use lumen_sdk::{AccountAddress, Package};

use crate::bench::hashchain::{self, ProofError};
use crate::bench::score::{self, KernelFigures, REFERENCES};
use crate::bench::{Profile, BENCH_VERSION, MAX_HASH_ITEMS, MAX_HASH_ROUNDS};
use crate::protocol::{parse_public_key, parse_signature, Challenge, Submission};

/// Why a report or heartbeat is refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Rejection {
    /// The signature does not verify, or the key is not the worker's.
    #[error("bad signature: {0}")]
    BadSignature(String),
    /// No such challenge was issued.
    #[error("unknown challenge {0}")]
    UnknownChallenge(String),
    /// The challenge was already answered.
    #[error("challenge {0} was already used")]
    ChallengeUsed(String),
    /// The challenge expired.
    #[error("challenge {id} expired at {expires_at} (now {now})")]
    ChallengeExpired {
        /// Challenge id.
        id: String,
        /// Its expiry.
        expires_at: u64,
        /// The service's clock.
        now: u64,
    },
    /// The report does not match the challenge (worker, nonce, seed, chain).
    #[error("report does not match its challenge: {0}")]
    ChallengeMismatch(String),
    /// The hash-chain checksum or a sampled item is wrong.
    #[error("wrong checksum: {0}")]
    WrongChecksum(String),
    /// The numbers are not plausible for the claimed device.
    #[error("implausible result: {0}")]
    Implausible(String),
    /// A CPU device cannot be attested as a GPU.
    #[error("not a GPU: {0} is a CPU device")]
    NotAGpu(String),
    /// The device is already bound to another worker.
    #[error("device {device_id} is already bound to worker {worker}")]
    DeviceBound {
        /// The device.
        device_id: String,
        /// Its worker.
        worker: AccountAddress,
    },
    /// The request is malformed.
    #[error("bad request: {0}")]
    BadRequest(String),
    /// A heartbeat is stale, from the future, or not newer than the last one.
    #[error("stale heartbeat: {0}")]
    StaleHeartbeat(String),
}

impl Rejection {
    /// A stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Rejection::BadSignature(_) => "bad_signature",
            Rejection::UnknownChallenge(_) => "unknown_challenge",
            Rejection::ChallengeUsed(_) => "challenge_used",
            Rejection::ChallengeExpired { .. } => "challenge_expired",
            Rejection::ChallengeMismatch(_) => "challenge_mismatch",
            Rejection::WrongChecksum(_) => "wrong_checksum",
            Rejection::Implausible(_) => "implausible",
            Rejection::NotAGpu(_) => "not_a_gpu",
            Rejection::DeviceBound { .. } => "device_bound",
            Rejection::BadRequest(_) => "bad_request",
            Rejection::StaleHeartbeat(_) => "stale_heartbeat",
        }
    }
}

/// What the service accepts.
#[derive(Debug, Clone)]
pub struct Policy {
    /// The package the reports are signed for.
    pub package: Package,
    /// The chain id reports must carry.
    pub chain_id: u8,
    /// Attest CPU devices (lavapipe) with their CPU score: for tests and demos only.
    pub allow_cpu: bool,
    /// Accept the quick profile: for tests and demos only.
    pub allow_quick: bool,
    /// A report's `measured_at` may be this far ahead of the service's clock.
    pub max_clock_skew_secs: u64,
}

/// Upper bounds of each kernel figure for a device class: beyond the
/// fastest hardware of the class with a wide margin.
fn class_bounds(is_gpu: bool) -> KernelFigures {
    if is_gpu {
        KernelFigures {
            fp32_tflops: 400.0,
            bandwidth_gbs: 20_000.0,
            int32_tops: 200.0,
            pathtrace_samples_per_min: 400e12 / score::PATHTRACE_FLOP_PER_SAMPLE * 60.0,
        }
    } else {
        // A 192-core CPU with AVX-512 peaks near 20 TFLOPS and ~1 TB/s.
        KernelFigures {
            fp32_tflops: 25.0,
            bandwidth_gbs: 1_500.0,
            int32_tops: 25.0,
            pathtrace_samples_per_min: 25e12 / score::PATHTRACE_FLOP_PER_SAMPLE * 60.0,
        }
    }
}

fn check_bounds(k: &KernelFigures, max: &KernelFigures, what: &str) -> Result<(), Rejection> {
    let pairs = [
        ("fp32 TFLOPS", k.fp32_tflops, max.fp32_tflops),
        ("bandwidth GB/s", k.bandwidth_gbs, max.bandwidth_gbs),
        ("int32 TOPS", k.int32_tops, max.int32_tops),
        (
            "path tracer samples/min",
            k.pathtrace_samples_per_min,
            max.pathtrace_samples_per_min,
        ),
    ];
    for (name, v, m) in pairs {
        if !(v.is_finite() && v > 0.0) {
            return Err(Rejection::Implausible(format!("{name} is {v}")));
        }
        if v > m {
            return Err(Rejection::Implausible(format!(
                "{name} {v:.4} exceeds {m:.4}, the most a {what} can reach"
            )));
        }
    }
    Ok(())
}

/// Verifies a submission against the challenge it answers (which the caller
/// looked up and checked for single use). `now` is the service's clock.
pub fn verify_submission(
    s: &Submission,
    challenge: &Challenge,
    now: u64,
    policy: &Policy,
) -> Result<(), Rejection> {
    let r: &BenchmarkReport = &s.report;
    let res = &s.result;

    // Signature first: nothing else matters if the worker did not sign it.
    let pk = parse_public_key(&s.public_key)
        .ok_or_else(|| Rejection::BadSignature("public key is not 32 bytes of hex".into()))?;
    let sig = parse_signature(&s.signature)
        .ok_or_else(|| Rejection::BadSignature("signature is not 64 bytes of hex".into()))?;
    if pk.to_authentication_key() != r.worker.to_bytes() {
        return Err(Rejection::BadSignature(format!(
            "public key {} is not the key of worker {}",
            s.public_key, r.worker
        )));
    }
    r.verify(&policy.package, &pk, &sig)
        .map_err(|e| Rejection::BadSignature(e.to_string()))?;

    // Freshness and binding to the challenge.
    if now >= challenge.expires_at {
        return Err(Rejection::ChallengeExpired {
            id: challenge.id.clone(),
            expires_at: challenge.expires_at,
            now,
        });
    }
    let mismatch = |m: String| Err(Rejection::ChallengeMismatch(m));
    if r.worker != challenge.worker {
        return mismatch(format!(
            "challenge was issued to {}, report is for {}",
            challenge.worker, r.worker
        ));
    }
    if r.nonce != challenge.nonce {
        return mismatch(format!(
            "report nonce {} is not the challenge nonce {}",
            r.nonce, challenge.nonce
        ));
    }
    if r.chain_id != policy.chain_id {
        return mismatch(format!(
            "report is for chain {}, this service attests on chain {}",
            r.chain_id, policy.chain_id
        ));
    }
    if res.hash_proof.seed != challenge.seed {
        return mismatch("the hash chain ran with another seed".into());
    }
    // The worker's clock may differ from the service's by the allowed skew.
    let earliest = challenge
        .issued_at
        .saturating_sub(policy.max_clock_skew_secs);
    let latest = now + policy.max_clock_skew_secs;
    if r.measured_at < earliest || r.measured_at > latest {
        return mismatch(format!(
            "measured_at {} is outside [{earliest}, {latest}] (challenge issued at {})",
            r.measured_at, challenge.issued_at
        ));
    }

    // The hash chain: sampled items recomputed on the CPU, within the sizes
    // the benchmark can produce (which also bounds the verifier's work).
    let p = &res.hash_proof;
    if p.rounds as u64 > MAX_HASH_ROUNDS || p.items > MAX_HASH_ITEMS {
        return Err(Rejection::Implausible(format!(
            "hash chain of {} items x {} rounds is beyond the benchmark's sizes",
            p.items, p.rounds
        )));
    }
    let seed: [u8; 32] = hex::decode(&challenge.seed)
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| Rejection::BadRequest("challenge seed is malformed".into()))?;
    res.hash_proof
        .verify(&seed)
        .map_err(|e: ProofError| Rejection::WrongChecksum(e.to_string()))?;

    // The report says what the result says.
    if r.bench_version != BENCH_VERSION || res.bench_version != BENCH_VERSION {
        return Err(Rejection::Implausible(format!(
            "benchmark version {} (result {}), this service verifies version {BENCH_VERSION}",
            r.bench_version, res.bench_version
        )));
    }
    let device_id = res.fingerprint.device_id();
    if r.device_id != device_id || res.device_id != hex::encode(device_id) {
        return Err(Rejection::Implausible(
            "device_id is not the hash of the reported fingerprint".into(),
        ));
    }
    if r.gpu_model != res.fingerprint.name || r.vram_mb != res.fingerprint.vram_mb() {
        return Err(Rejection::Implausible(format!(
            "report claims {} with {} MiB, the fingerprint says {} with {} MiB",
            r.gpu_model,
            r.vram_mb,
            res.fingerprint.name,
            res.fingerprint.vram_mb()
        )));
    }
    let is_gpu = res.fingerprint.is_gpu();
    if res.is_gpu != is_gpu {
        return Err(Rejection::Implausible(
            "is_gpu contradicts the device type".into(),
        ));
    }
    if !is_gpu && !policy.allow_cpu {
        return Err(Rejection::NotAGpu(res.fingerprint.name.clone()));
    }
    if res.profile != Profile::Full && !policy.allow_quick {
        return Err(Rejection::Implausible(
            "the quick profile is not a scoring run".into(),
        ));
    }

    // The hash-chain throughput must follow from its own work and time.
    if p.rounds as u64 != res.hash.size {
        return Err(Rejection::Implausible(
            "hash rounds differ from the timed run".into(),
        ));
    }
    if !(res.hash.best_secs.is_finite() && res.hash.best_secs > 0.0) {
        return Err(Rejection::Implausible(format!(
            "hash chain time {} s",
            res.hash.best_secs
        )));
    }
    let implied = p.items as f64 * p.rounds as f64 * hashchain::OPS_PER_ROUND as f64
        / res.hash.best_secs
        / 1e12;
    let k = &res.figures;
    if (implied - k.int32_tops).abs() > 1e-6 * implied.max(1e-12) + 1e-12 {
        return Err(Rejection::Implausible(format!(
            "int32 TOPS {} does not follow from {} items x {} rounds in {} s",
            k.int32_tops, p.items, p.rounds, res.hash.best_secs
        )));
    }

    // The numbers fit the device class, and the named card when it is a reference.
    let class = if is_gpu { "GPU" } else { "CPU device" };
    check_bounds(k, &class_bounds(is_gpu), class)?;
    if let Some(reference) = REFERENCES.iter().find(|x| x.name == res.fingerprint.name) {
        let f = reference.figures;
        let margin = |x: f64| x * 1.15;
        let max = KernelFigures {
            fp32_tflops: margin(f.fp32_tflops),
            bandwidth_gbs: margin(f.bandwidth_gbs),
            int32_tops: margin(f.int32_tops),
            pathtrace_samples_per_min: margin(f.pathtrace_samples_per_min),
        };
        check_bounds(k, &max, reference.name)?;
    }

    // The score is the formula's value of the figures.
    let expected = score::to_micro(score::score(k));
    if r.score.abs_diff(expected) > 1 {
        return Err(Rejection::Implausible(format!(
            "claimed score {} but the kernel figures give {expected}",
            r.score
        )));
    }
    let stated = if is_gpu { res.score } else { res.cpu_score };
    if stated
        .map(score::to_micro)
        .map(|x| x.abs_diff(expected) > 1)
        != Some(false)
    {
        return Err(Rejection::Implausible(
            "the result's score field contradicts its kernel figures".into(),
        ));
    }
    Ok(())
}
