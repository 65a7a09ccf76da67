//! `attestation`: worker-signed benchmark reports submitted by attesters,
//! effective once `attester_threshold` distinct attesters approved the same
//! report; one device, one worker; expiry and revocation.

use std::collections::BTreeMap;

use lumen_sdk::aptos_sdk::crypto::{Ed25519PublicKey, Ed25519Signature};
use lumen_sdk::errors::attestation as e;
use lumen_sdk::events::*;
use lumen_sdk::messages::BenchmarkReport;
use lumen_sdk::params;
use lumen_sdk::payloads::attestation::Call;
use lumen_sdk::AccountAddress;
use sha3::{Digest, Sha3_256};

use crate::{add, config, ensure, Abort, Chain, Outcome, Tx};

/// Seed of the module's object.
pub const SEED: &[u8] = b"attestation";
const MAX_CLOCK_SKEW_SECS: u64 = 300;
const MAX_DEVICE_ID_BYTES: usize = 128;
const MAX_GPU_MODEL_BYTES: usize = 128;

/// An effective report (`attestation::ReportInfo`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportInfo {
    /// The signed report.
    pub report: BenchmarkReport,
    /// When it took effect.
    pub effective_at: u64,
    /// When the score expires.
    pub expires_at: u64,
    /// Revoked by the admin or an attester.
    pub revoked: bool,
}

/// Approvals collected for a report not effective yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pending {
    /// Its nonce.
    pub nonce: u64,
    /// `sha3_256(bcs(report))`.
    pub report_hash: Vec<u8>,
    /// Attesters that submitted it.
    pub attesters: Vec<AccountAddress>,
}

/// Per-worker state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WorkerState {
    /// Highest nonce accepted.
    pub last_nonce: u64,
    /// The effective report.
    pub current: Option<ReportInfo>,
    /// The pending report of the highest nonce.
    pub pending: Option<Pending>,
}

/// The module's registry.
#[derive(Clone, Debug, Default)]
pub struct State {
    /// Workers that were ever attested.
    pub workers: BTreeMap<AccountAddress, WorkerState>,
    /// Device id → the worker it is bound to.
    pub devices: BTreeMap<Vec<u8>, AccountAddress>,
}

/// The worker's current report when it is valid at `now`.
pub fn valid_report(c: &Chain, worker: AccountAddress, now: u64) -> Option<&ReportInfo> {
    let current = c.attestation.workers.get(&worker)?.current.as_ref()?;
    (!current.revoked && now < current.expires_at).then_some(current)
}

/// `attestation::score_of`: 0 without a valid score.
pub fn score_of(c: &Chain, worker: AccountAddress, now: u64) -> u64 {
    valid_report(c, worker, now).map_or(0, |r| r.report.score)
}

/// `attestation::has_valid_score`.
pub fn has_valid_score(c: &Chain, worker: AccountAddress, now: u64) -> bool {
    valid_report(c, worker, now).is_some()
}

/// `attestation::vram_of`: 0 without a valid score.
pub fn vram_of(c: &Chain, worker: AccountAddress, now: u64) -> u64 {
    valid_report(c, worker, now).map_or(0, |r| r.report.vram_mb)
}

/// `attestation::last_nonce`.
pub fn last_nonce(c: &Chain, worker: AccountAddress) -> u64 {
    c.attestation
        .workers
        .get(&worker)
        .map_or(0, |w| w.last_nonce)
}

/// `attestation::worker_of_device`.
pub fn worker_of_device(c: &Chain, device_id: &[u8]) -> Option<AccountAddress> {
    c.attestation.devices.get(device_id).copied()
}

/// The contract's `verify_signature`: key and signature lengths, the
/// worker's account and authentication key, strict ed25519 over the report.
fn verify_signature(
    c: &Chain,
    report: &BenchmarkReport,
    public_key: &[u8],
    signature: &[u8],
) -> Result<(), Abort> {
    ensure(public_key.len() == 32, e::EInvalidPublicKey)?;
    ensure(signature.len() == 64, e::EInvalidSignature)?;
    ensure(c.ledger.exists(report.worker), e::ENoWorkerAccount)?;
    ensure(
        c.ledger.auth_key(report.worker) == Some(auth_key(public_key)),
        e::EPublicKeyMismatch,
    )?;
    ensure(
        verifies(public_key, signature, |pk, sig| {
            report.verify(&c.package, pk, sig).is_ok()
        }),
        e::EInvalidSignature,
    )
}

/// `ed25519::unvalidated_public_key_to_authentication_key`: `sha3_256(pk ‖ 0x00)`.
pub(crate) fn auth_key(public_key: &[u8]) -> [u8; 32] {
    let mut h = Sha3_256::new();
    h.update(public_key);
    h.update([0u8]);
    h.finalize().into()
}

/// `signature_verify_strict_t`: false for bytes that are no key or signature.
pub(crate) fn verifies(
    public_key: &[u8],
    signature: &[u8],
    check: impl FnOnce(&Ed25519PublicKey, &Ed25519Signature) -> bool,
) -> bool {
    let (Ok(pk), Ok(sig)) = (
        Ed25519PublicKey::from_bytes(public_key),
        Ed25519Signature::from_bytes(signature),
    ) else {
        return false;
    };
    check(&pk, &sig)
}

/// Executes an `attestation` entry function.
pub fn execute(c: &mut Chain, tx: &Tx, call: &Call) -> Outcome {
    match call {
        Call::Attest {
            worker,
            device_id,
            gpu_model,
            vram_mb,
            score,
            bench_version,
            nonce,
            measured_at,
            worker_public_key,
            worker_signature,
        } => {
            let report = BenchmarkReport {
                worker: *worker,
                device_id: device_id.clone(),
                gpu_model: gpu_model.clone(),
                vram_mb: *vram_mb,
                score: *score,
                bench_version: *bench_version,
                nonce: *nonce,
                measured_at: *measured_at,
                chain_id: c.chain_id,
            };
            attest(c, tx, report, worker_public_key, worker_signature)
        }
        Call::Revoke { worker, reason } => {
            let by = tx.sender;
            ensure(
                config::is_admin(c, by) || config::is_attester(c, by),
                e::ENotAuthorized,
            )?;
            let state = c.attestation.workers.get_mut(worker);
            let current = state.and_then(|s| s.current.as_mut());
            let current = current.ok_or(Abort::Code(e::ENoScore))?;
            ensure(!current.revoked, e::EAlreadyRevoked)?;
            current.revoked = true;
            c.attestation
                .workers
                .get_mut(worker)
                .expect("found")
                .pending = None;
            Ok(vec![LumenEvent::ScoreRevoked(ScoreRevoked {
                worker: *worker,
                by,
                reason: reason.clone(),
            })])
        }
    }
}

fn attest(
    c: &mut Chain,
    tx: &Tx,
    report: BenchmarkReport,
    public_key: &[u8],
    signature: &[u8],
) -> Outcome {
    config::assert_not_paused(c)?;
    let attester = tx.sender;
    ensure(config::is_attester(c, attester), e::ENotAttester)?;
    ensure(
        report.score > 0
            && !report.device_id.is_empty()
            && report.device_id.len() <= MAX_DEVICE_ID_BYTES
            && report.gpu_model.len() <= MAX_GPU_MODEL_BYTES,
        e::EInvalidReport,
    )?;
    verify_signature(c, &report, public_key, signature)?;
    let now = tx.now;
    let measured_at = report.measured_at;
    ensure(
        measured_at <= add(now, MAX_CLOCK_SKEW_SECS, "attestation")?,
        e::EFutureReport,
    )?;
    let max_age = config::param(c, params::REPORT_MAX_AGE_SECS)?;
    ensure(
        measured_at >= now || now - measured_at <= max_age,
        e::EStaleReport,
    )?;
    let (worker, nonce) = (report.worker, report.nonce);
    if let Some(bound) = c.attestation.devices.get(&report.device_id) {
        ensure(*bound == worker, e::EDeviceBound)?;
    }
    let report_hash = Sha3_256::digest(report.bcs()).to_vec();
    let state = c
        .attestation
        .workers
        .get(&worker)
        .cloned()
        .unwrap_or_default();
    let mut pending = match &state.pending {
        Some(p) if p.nonce == nonce => {
            ensure(p.report_hash == report_hash, e::EReportMismatch)?;
            ensure(!p.attesters.contains(&attester), e::EAlreadyApproved)?;
            let mut p = p.clone();
            p.attesters.push(attester);
            p
        }
        _ => {
            ensure(nonce > state.last_nonce, e::ENonceTooLow)?;
            Pending {
                nonce,
                report_hash: report_hash.clone(),
                attesters: vec![attester],
            }
        }
    };
    // Approvals of attesters removed since they approved no longer count.
    pending.attesters.retain(|a| config::is_attester(c, *a));
    let approvals = pending.attesters.len() as u64;
    let threshold = config::param(c, params::ATTESTER_THRESHOLD)?;
    let submitted = LumenEvent::AttestationSubmitted(AttestationSubmitted {
        attester,
        worker,
        nonce,
        report_hash,
        approvals,
        threshold,
    });
    let effective = approvals >= threshold;
    let expires_at = if effective {
        add(
            now,
            config::param(c, params::SCORE_VALIDITY_SECS)?,
            "attestation",
        )?
    } else {
        0
    };
    let state = c.attestation.workers.entry(worker).or_default();
    state.last_nonce = state.last_nonce.max(nonce);
    if !effective {
        state.pending = Some(pending);
        return Ok(vec![submitted]);
    }
    // A revoked report's device stays bound, so it cannot move to another account.
    let previous_device = state
        .current
        .as_ref()
        .filter(|r| !r.revoked)
        .map(|r| r.report.device_id.clone());
    state.pending = None;
    state.current = Some(ReportInfo {
        report: report.clone(),
        effective_at: now,
        expires_at,
        revoked: false,
    });
    if let Some(old) = previous_device {
        if old != report.device_id {
            c.attestation.devices.remove(&old);
        }
    }
    c.attestation
        .devices
        .insert(report.device_id.clone(), worker);
    Ok(vec![
        submitted,
        LumenEvent::ScoreAttested(ScoreAttested {
            worker,
            device_id: report.device_id,
            gpu_model: report.gpu_model,
            vram_mb: report.vram_mb,
            score: report.score,
            bench_version: report.bench_version,
            nonce,
            measured_at,
            effective_at: now,
            expires_at,
            attesters: pending.attesters,
        }),
    ])
}
