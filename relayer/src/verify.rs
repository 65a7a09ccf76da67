//! What the attester service checks before it vouches for a report or
//! credits a liveness answer. Every refusal is a [`Rejection`] with a stable code
//! and a specific message. The checks are pure: the service
//! ([`crate::service`]) looks up the challenge and records what passed.

use lumen_sdk::messages::BenchmarkReport;
use lumen_sdk::{AccountAddress, Package};

use crate::bench::BENCH_VERSION;
use crate::work::{self, AnswerError, Openings, SamplePicks, WorkAnswer, Workload};
use aptos_sdk::crypto::{Ed25519PublicKey, Ed25519Signature};
use lumen_sdk::messages::verify_strict;

use crate::protocol::{
    parse_public_key, parse_signature, Challenge, LivenessAnswer, LivenessChallenge, Submission,
};

/// Why a report or a liveness answer is refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Rejection {
    /// The signature does not verify, or the key is not the worker's.
    #[error("bad signature: {0}")]
    BadSignature(String),
    /// The device key's signature over the commitment (challenge, report
    /// and roots) is missing or does not verify: the outputs committed to
    /// are not the ones the device that signed the report vouched for.
    #[error("bad commitment signature: {0}")]
    BadCommitmentSignature(String),
    /// No such challenge was issued.
    #[error("unknown challenge {0}")]
    UnknownChallenge(String),
    /// The challenge was already answered.
    #[error("challenge {0} was already used")]
    ChallengeUsed(String),
    /// The answer arrived after the challenge's deadline, as the attester's
    /// own clock measured from the challenge's issue.
    #[error("challenge {id} was answered {elapsed_ms} ms after its round started; the deadline was {deadline_ms} ms")]
    ChallengeExpired {
        /// Challenge id.
        id: String,
        /// The deadline, milliseconds after issue.
        deadline_ms: u64,
        /// When the answer arrived, milliseconds after issue.
        elapsed_ms: u64,
    },
    /// The openings of a commitment arrived later than the service allows
    /// after the commitment (its own clock).
    #[error("challenge {id}: the openings arrived {elapsed_ms} ms after the commitment; the bound is {bound_ms} ms")]
    OpeningLate {
        /// Challenge id.
        id: String,
        /// The bound, milliseconds after the commitment.
        bound_ms: u64,
        /// When the openings arrived, milliseconds after the commitment.
        elapsed_ms: u64,
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
    /// The worker has no score attested by this service, which liveness
    /// work is sized from.
    #[error("worker {0} has no score attested by this service; attest first")]
    NotAttested(AccountAddress),
    /// The service holds as many open challenges as it keeps (for the
    /// worker, or in all).
    #[error("too many open challenges: {0}")]
    TooManyChallenges(String),
    /// The worker's device key is in use on another machine: a challenge
    /// asked for or answered from another network address than the one
    /// that holds the worker's open challenge, or liveness from another
    /// address than the one its device was attested from.
    #[error("another machine: {0}")]
    OtherMachine(String),
    /// Other workers' devices were attested from this network address: the
    /// devices of one machine are challenged together, in one round.
    #[error("devices of one machine are attested together: {0}")]
    MachineRound(String),
}

impl Rejection {
    /// A stable machine-readable code.
    pub fn code(&self) -> &'static str {
        match self {
            Rejection::BadSignature(_) => "bad_signature",
            Rejection::BadCommitmentSignature(_) => "bad_commitment_signature",
            Rejection::UnknownChallenge(_) => "unknown_challenge",
            Rejection::ChallengeUsed(_) => "challenge_used",
            Rejection::ChallengeExpired { .. } => "challenge_expired",
            Rejection::OpeningLate { .. } => "opening_late",
            Rejection::ChallengeMismatch(_) => "challenge_mismatch",
            Rejection::WrongChecksum(_) => "wrong_checksum",
            Rejection::Implausible(_) => "implausible",
            Rejection::NotAGpu(_) => "not_a_gpu",
            Rejection::DeviceBound { .. } => "device_bound",
            Rejection::BadRequest(_) => "bad_request",
            Rejection::NotAttested(_) => "not_attested",
            Rejection::TooManyChallenges(_) => "too_many_challenges",
            Rejection::OtherMachine(_) => "other_machine",
            Rejection::MachineRound(_) => "machine_round",
        }
    }

    /// Whether this refusal of an answer uses up its challenge. It does once
    /// the worker's device key signed the answer: a worker that guessed wrong
    /// cannot try again with other figures on the same seed. An unsigned or
    /// malformed answer does not, or anyone holding a challenge id could
    /// spoil it.
    pub fn consumes_challenge(&self) -> bool {
        !matches!(
            self,
            Rejection::BadSignature(_)
                | Rejection::UnknownChallenge(_)
                | Rejection::ChallengeUsed(_)
                | Rejection::BadRequest(_)
                | Rejection::TooManyChallenges(_)
                | Rejection::NotAttested(_)
        )
    }
}

/// The most bytes `attestation::attest` takes in a report's `device_id`.
pub const MAX_DEVICE_ID_BYTES: usize = 128;
/// The most bytes `attestation::attest` takes in a report's `gpu_model`.
pub const MAX_GPU_MODEL_BYTES: usize = 128;

/// The most bytes of a report's device fingerprint (JSON): the service
/// holds it with the commitment until the openings arrive.
pub const MAX_FINGERPRINT_BYTES: usize = 4096;

/// Hex characters of a challenge id (16 random bytes).
pub const CHALLENGE_ID_HEX_CHARS: usize = 32;

/// The sizes the contract accepts, checked before anything else so that an
/// oversized field is refused by its length and never repeated back.
pub fn check_input_limits(submission: &Submission) -> Result<(), Rejection> {
    let id = &submission.challenge_id;
    if id.len() != CHALLENGE_ID_HEX_CHARS || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(Rejection::BadRequest(format!(
            "challenge_id is not {CHALLENGE_ID_HEX_CHARS} hex characters ({} bytes given)",
            id.len()
        )));
    }
    let report = &submission.report;
    let fields = [
        (
            "report.device_id",
            report.device_id.len(),
            MAX_DEVICE_ID_BYTES,
        ),
        (
            "report.gpu_model",
            report.gpu_model.len(),
            MAX_GPU_MODEL_BYTES,
        ),
        (
            "answer.fingerprint.name",
            submission.answer.fingerprint.name.len(),
            MAX_GPU_MODEL_BYTES,
        ),
    ];
    for (name, len, max) in fields {
        if len > max {
            return Err(Rejection::BadRequest(format!(
                "{name} is {len} bytes, the contract takes at most {max}"
            )));
        }
    }
    if report.device_id.is_empty() {
        return Err(Rejection::BadRequest("report.device_id is empty".into()));
    }
    let fingerprint = serde_json::to_vec(&submission.answer.fingerprint)
        .map(|b| b.len())
        .unwrap_or(usize::MAX);
    if fingerprint > MAX_FINGERPRINT_BYTES {
        return Err(Rejection::BadRequest(format!(
            "answer.fingerprint is {fingerprint} bytes, at most {MAX_FINGERPRINT_BYTES} are taken"
        )));
    }
    Ok(())
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
    /// A report's `measured_at` may be this far ahead of the service's clock.
    pub max_clock_skew_secs: u64,
    /// One network address is one machine: once a worker's device was
    /// attested from an address, another worker's device from there is
    /// attested only in a round with all of them, issued at one instant, so
    /// that one device cannot pose as several by answering for each in turn.
    /// Off where many machines share an address (stand-ins on one host).
    pub one_machine_per_address: bool,
}

impl Policy {
    /// Reports for `package` on chain `chain_id`, CPU devices only when
    /// `allow_cpu`, one machine per network address when
    /// `one_machine_per_address`; `measured_at` up to five minutes ahead.
    pub fn new(
        package: Package,
        chain_id: u8,
        allow_cpu: bool,
        one_machine_per_address: bool,
    ) -> Self {
        Policy {
            package,
            chain_id,
            allow_cpu,
            max_clock_skew_secs: 300,
            one_machine_per_address,
        }
    }
}

/// What the chain says about a worker's device key: `Registered(key)`
/// (empty when it registered none), or `Unknown` when no node could answer
/// (the contract checks the key again when the report is submitted).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeviceKey {
    /// `attestation::device_key_of(worker)`.
    Registered(Vec<u8>),
    /// No node answered.
    Unknown,
}

/// Parses the hex key and signature a worker's device sent and checks the
/// key is the device key the worker registered on chain.
fn device_key(
    worker: &AccountAddress,
    public_key: &str,
    signature: &str,
    registered: &DeviceKey,
) -> Result<(Ed25519PublicKey, Ed25519Signature), Rejection> {
    let key = parse_public_key(public_key)
        .ok_or_else(|| Rejection::BadSignature("public key is not 32 bytes of hex".into()))?;
    let signature = parse_signature(signature)
        .ok_or_else(|| Rejection::BadSignature("signature is not 64 bytes of hex".into()))?;
    match registered {
        DeviceKey::Registered(k) if k.is_empty() => Err(Rejection::BadSignature(format!(
            "worker {worker} registered no device key"
        ))),
        DeviceKey::Registered(k) if *k != key.to_bytes() => Err(Rejection::BadSignature(format!(
            "public key {public_key} is not the device key worker {worker} registered"
        ))),
        _ => Ok((key, signature)),
    }
}

/// Verifies a liveness answer's commitment: the worker's device key signed
/// it (strict ed25519 over [`LivenessAnswer::signing_bytes`]), it arrived
/// within the deadline (`elapsed_ms`, the service's own measure from
/// issue), and it commits to the challenge's work ([`verify_openings`]
/// checks the work itself). No clock of the worker's is involved.
pub fn verify_liveness(
    answer: &LivenessAnswer,
    challenge: &LivenessChallenge,
    elapsed_ms: u64,
    registered: &DeviceKey,
) -> Result<(), Rejection> {
    let (key, signature) = device_key(
        &answer.worker,
        &answer.public_key,
        &answer.signature,
        registered,
    )?;
    let bytes = LivenessAnswer::signing_bytes(&answer.worker, &answer.challenge_id, &answer.answer);
    verify_strict("liveness answer", &bytes, &key, &signature)
        .map_err(|_| Rejection::BadSignature("liveness signature does not verify".into()))?;
    if answer.worker != challenge.worker {
        return Err(Rejection::ChallengeMismatch(format!(
            "challenge was issued to {}, the answer is for {}",
            challenge.worker, answer.worker
        )));
    }
    if elapsed_ms > challenge.deadline_ms {
        return Err(Rejection::ChallengeExpired {
            id: challenge.id.clone(),
            deadline_ms: challenge.deadline_ms,
            elapsed_ms,
        });
    }
    let seed: [u8; 32] = hex::decode(&challenge.seed)
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| Rejection::BadRequest("challenge seed is malformed".into()))?;
    work::check_commitment(&challenge.work, &seed, &answer.answer).map_err(answer_rejection)
}

/// Verifies the openings of a commitment to challenge `id`'s `work` (with
/// hash-chain seed `seed`, hex) at the outputs the service picked once it
/// held the commitment: they arrived within `bound_ms` of the commitment
/// (`elapsed_ms`, the service's own measure), and each picked output
/// recomputes on the CPU and hashes up to its committed root.
#[allow(clippy::too_many_arguments)]
pub fn verify_openings(
    id: &str,
    work: &Workload,
    seed: &str,
    answer: &WorkAnswer,
    picks: &SamplePicks,
    openings: &Openings,
    elapsed_ms: u64,
    bound_ms: u64,
) -> Result<(), Rejection> {
    if elapsed_ms > bound_ms {
        return Err(Rejection::OpeningLate {
            id: id.to_string(),
            bound_ms,
            elapsed_ms,
        });
    }
    let seed: [u8; 32] = hex::decode(seed)
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| Rejection::BadRequest("challenge seed is malformed".into()))?;
    work::verify(work, &seed, answer, picks, openings).map_err(answer_rejection)
}

fn answer_rejection(e: AnswerError) -> Rejection {
    match e {
        AnswerError::Mismatch(_) => Rejection::ChallengeMismatch(e.to_string()),
        AnswerError::Proof { .. } => Rejection::WrongChecksum(e.to_string()),
    }
}

/// Verifies a submission (the signed report and the commitment to the
/// work, both signed by the worker's device key: the report as the
/// contract checks it, the commitment over [`Submission::commitment_bytes`])
/// against the challenge it answers (which the caller looked up and
/// checked for single use) and returns the score it earns once its openings
/// verify, micro-units. `elapsed_ms` is the time the service measured from
/// the challenge's issue to the submission's arrival, `now` its clock in
/// seconds.
pub fn verify_submission(
    submission: &Submission,
    challenge: &Challenge,
    elapsed_ms: u64,
    now: u64,
    policy: &Policy,
    registered: &DeviceKey,
) -> Result<u64, Rejection> {
    let report: &BenchmarkReport = &submission.report;
    let answer = &submission.answer;

    // Signature first: nothing else matters if the worker did not sign it.
    let (key, signature) = device_key(
        &report.worker,
        &submission.public_key,
        &submission.signature,
        registered,
    )?;
    report
        .verify(&policy.package, &key, &signature)
        .map_err(|e| Rejection::BadSignature(e.to_string()))?;
    // The same key must vouch for the roots: a signed report alone, seen
    // in flight, must not carry outputs computed elsewhere.
    let commitment_signature =
        parse_signature(&submission.commitment_signature).ok_or_else(|| {
            Rejection::BadCommitmentSignature(
                "commitment_signature is not 64 bytes of hex (a client that signs only the \
             report: update lumen-relayer)"
                    .into(),
            )
        })?;
    let bytes =
        Submission::commitment_bytes(&submission.challenge_id, report, &policy.package, answer);
    verify_strict(
        "attestation commitment",
        &bytes,
        &key,
        &commitment_signature,
    )
    .map_err(|_| {
        Rejection::BadCommitmentSignature(
            "the device key did not sign this challenge, report and roots".into(),
        )
    })?;

    if elapsed_ms > challenge.deadline_ms {
        return Err(Rejection::ChallengeExpired {
            id: challenge.id.clone(),
            deadline_ms: challenge.deadline_ms,
            elapsed_ms,
        });
    }
    check_challenge(report, challenge, now, policy)?;
    check_answer(answer, challenge)?;
    check_answer_matches_report(report, answer, challenge, policy)?;
    Ok(challenge.work.score_micro(elapsed_ms as f64 / 1e3))
}

/// Binding to the challenge: worker, nonce, chain, and a `measured_at`
/// within the allowed clock skew of the challenge's lifetime.
fn check_challenge(
    report: &BenchmarkReport,
    challenge: &Challenge,
    now: u64,
    policy: &Policy,
) -> Result<(), Rejection> {
    let mismatch = |m: String| Err(Rejection::ChallengeMismatch(m));
    if report.worker != challenge.worker {
        return mismatch(format!(
            "challenge was issued to {}, report is for {}",
            challenge.worker, report.worker
        ));
    }
    if report.nonce != challenge.nonce {
        return mismatch(format!(
            "report nonce {} is not the challenge nonce {}",
            report.nonce, challenge.nonce
        ));
    }
    if report.chain_id != policy.chain_id {
        return mismatch(format!(
            "report is for chain {}, this service attests on chain {}",
            report.chain_id, policy.chain_id
        ));
    }
    // The worker's clock may differ from the service's by the allowed skew.
    let earliest = challenge
        .issued_at
        .saturating_sub(policy.max_clock_skew_secs);
    let latest = now + policy.max_clock_skew_secs;
    if report.measured_at < earliest || report.measured_at > latest {
        return mismatch(format!(
            "measured_at {} is outside [{earliest}, {latest}] (challenge issued at {})",
            report.measured_at, challenge.issued_at
        ));
    }
    Ok(())
}

/// The commitment: the challenge's sizes and seeds (the picked outputs are
/// checked once opened, [`verify_openings`]).
fn check_answer(answer: &WorkAnswer, challenge: &Challenge) -> Result<(), Rejection> {
    let seed: [u8; 32] = hex::decode(&challenge.seed)
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| Rejection::BadRequest("challenge seed is malformed".into()))?;
    work::check_commitment(&challenge.work, &seed, answer).map_err(answer_rejection)
}

/// The report says what the answer proved (memory) and names the device it
/// ran on (version, device id, model); CPU devices only where the policy
/// attests them.
fn check_answer_matches_report(
    report: &BenchmarkReport,
    answer: &WorkAnswer,
    challenge: &Challenge,
    policy: &Policy,
) -> Result<(), Rejection> {
    if report.bench_version != BENCH_VERSION {
        return Err(Rejection::Implausible(format!(
            "benchmark version {}, this service verifies version {BENCH_VERSION}",
            report.bench_version
        )));
    }
    let fingerprint = &answer.fingerprint;
    if report.device_id != fingerprint.device_id() {
        return Err(Rejection::Implausible(
            "device_id is not the hash of the reported fingerprint".into(),
        ));
    }
    if report.gpu_model != fingerprint.name {
        return Err(Rejection::Implausible(format!(
            "report names {}, the fingerprint {}",
            report.gpu_model, fingerprint.name
        )));
    }
    if report.vram_mb != challenge.work.vram_mb {
        return Err(Rejection::Implausible(format!(
            "report claims {} MiB, the work proved {} MiB",
            report.vram_mb, challenge.work.vram_mb
        )));
    }
    if !fingerprint.is_gpu() && !policy.allow_cpu {
        return Err(Rejection::NotAGpu(fingerprint.name.clone()));
    }
    Ok(())
}
