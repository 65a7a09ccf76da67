//! `attestation`: device keys registered by workers; device-signed benchmark
//! reports each attester submits with the score it measured, effective once
//! `attester_threshold` distinct attesters approved the same report, scored
//! at the threshold-th largest measurement; revocation by the admin or the
//! threshold of attesters; one device, one worker, with release by the
//! worker, after a long expiry, or by the admin.

use std::collections::BTreeMap;

use lumen_sdk::aptos_sdk::crypto::{Ed25519PublicKey, Ed25519Signature};
use lumen_sdk::errors::attestation as e;
use lumen_sdk::events::*;
use lumen_sdk::formulas;
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
const RELEASED_BY_WORKER: u8 = 1;
const RELEASED_EXPIRED: u8 = 2;
const UNBOUND_BY_ADMIN: u8 = 3;

/// An effective report (`attestation::ReportInfo`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportInfo {
    /// The signed report.
    pub report: BenchmarkReport,
    /// The threshold-th largest measured score of its approvals.
    pub score: u64,
    /// When it took effect.
    pub effective_at: u64,
    /// When the score expires (or was released).
    pub expires_at: u64,
    /// Revoked by the admin or the threshold of attesters.
    pub revoked: bool,
}

/// Approvals of the report of the highest nonce (`attestation::Round`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Round {
    /// Its nonce.
    pub nonce: u64,
    /// `sha3_256(bcs(report))`.
    pub report_hash: Vec<u8>,
    /// Attesters that submitted it, each with the score it measured.
    pub approvals: Vec<(AccountAddress, u64)>,
    /// Whether it took effect.
    pub effective: bool,
}

/// Attesters asking to revoke the current report of `nonce`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Revocation {
    /// The current report's nonce.
    pub nonce: u64,
    /// Attesters that asked.
    pub attesters: Vec<AccountAddress>,
}

/// Per-worker state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WorkerState {
    /// Highest nonce accepted.
    pub last_nonce: u64,
    /// The effective report.
    pub current: Option<ReportInfo>,
    /// The round of the highest nonce.
    pub round: Option<Round>,
    /// Revocation requests of attesters.
    pub revocation: Option<Revocation>,
}

/// The module's registry.
#[derive(Clone, Debug, Default)]
pub struct State {
    /// Workers that were ever attested.
    pub workers: BTreeMap<AccountAddress, WorkerState>,
    /// Device id → the worker it is bound to.
    pub devices: BTreeMap<Vec<u8>, AccountAddress>,
    /// Worker → its device public key.
    pub device_keys: BTreeMap<AccountAddress, Vec<u8>>,
    /// Device public key → the worker that registered it.
    pub key_owners: BTreeMap<Vec<u8>, AccountAddress>,
}

/// The worker's current report when it is valid at `now`.
pub fn valid_report(c: &Chain, worker: AccountAddress, now: u64) -> Option<&ReportInfo> {
    let current = c.attestation.workers.get(&worker)?.current.as_ref()?;
    (!current.revoked && now < current.expires_at).then_some(current)
}

/// `attestation::score_of`: 0 without a valid score.
pub fn score_of(c: &Chain, worker: AccountAddress, now: u64) -> u64 {
    valid_report(c, worker, now).map_or(0, |r| r.score)
}

/// `attestation::score_at`: the current report's score when it took effect at
/// or before `t`, expires after `t` and is not revoked; 0 otherwise.
pub fn score_at(c: &Chain, worker: AccountAddress, t: u64) -> u64 {
    let current = c
        .attestation
        .workers
        .get(&worker)
        .and_then(|w| w.current.as_ref());
    match current {
        Some(r) if !r.revoked && r.effective_at <= t && t < r.expires_at => r.score,
        _ => 0,
    }
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

/// `attestation::device_key_of`: empty when none.
pub fn device_key_of(c: &Chain, worker: AccountAddress) -> Vec<u8> {
    c.attestation
        .device_keys
        .get(&worker)
        .cloned()
        .unwrap_or_default()
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

/// `ed25519::new_validated_public_key_from_bytes(..).is_some()`: 32 bytes of
/// a point that decompresses and is not of small order.
fn is_valid_point(public_key: &[u8]) -> bool {
    let Ok(bytes) = <[u8; 32]>::try_from(public_key) else {
        return false;
    };
    ed25519_dalek::VerifyingKey::from_bytes(&bytes).is_ok_and(|k| !k.is_weak())
}

/// The contract's `verify_signature`: key and signature lengths, the
/// worker's registered device key, strict ed25519 over the report.
fn verify_signature(
    c: &Chain,
    report: &BenchmarkReport,
    public_key: &[u8],
    signature: &[u8],
) -> Result<(), Abort> {
    ensure(public_key.len() == 32, e::EInvalidPublicKey)?;
    ensure(signature.len() == 64, e::EInvalidSignature)?;
    let registered = c.attestation.device_keys.get(&report.worker);
    let registered = registered.ok_or(Abort::Code(e::ENoDeviceKey))?;
    ensure(registered == public_key, e::EPublicKeyMismatch)?;
    ensure(
        verifies(public_key, signature, |pk, sig| {
            report.verify(&c.package, pk, sig).is_ok()
        }),
        e::EInvalidSignature,
    )
}

/// Executes an `attestation` entry function.
pub fn execute(c: &mut Chain, tx: &Tx, call: &Call) -> Outcome {
    match call {
        Call::RegisterDeviceKey { device_public_key } => {
            register_device_key(c, tx, device_public_key)
        }
        Call::Attest {
            worker,
            device_id,
            gpu_model,
            vram_mb,
            score,
            bench_version,
            nonce,
            measured_at,
            device_public_key,
            device_signature,
        } => {
            let report = BenchmarkReport {
                worker: *worker,
                device_id: device_id.clone(),
                gpu_model: gpu_model.clone(),
                vram_mb: *vram_mb,
                bench_version: *bench_version,
                nonce: *nonce,
                measured_at: *measured_at,
                chain_id: c.chain_id,
            };
            attest(c, tx, report, *score, device_public_key, device_signature)
        }
        Call::Revoke { worker, reason } => revoke(c, tx, *worker, reason),
        Call::ReleaseDevice {} => release_device(c, tx),
        Call::ReleaseExpiredDevice { device_id } => release_expired_device(c, tx, device_id),
        Call::UnbindDevice { device_id } => unbind_device(c, tx, device_id),
    }
}

fn register_device_key(c: &mut Chain, tx: &Tx, key: &[u8]) -> Outcome {
    config::assert_not_paused(c)?;
    let worker = tx.sender;
    ensure(is_valid_point(key), e::EInvalidPublicKey)?;
    if let Some(owner) = c.attestation.key_owners.get(key) {
        ensure(*owner == worker, e::EDeviceKeyTaken)?;
    }
    let registry = &mut c.attestation;
    let previous_key = registry.device_keys.remove(&worker).unwrap_or_default();
    if !previous_key.is_empty() && previous_key != key {
        registry.key_owners.remove(&previous_key);
    }
    registry.device_keys.insert(worker, key.to_vec());
    registry.key_owners.insert(key.to_vec(), worker);
    Ok(vec![LumenEvent::DeviceKeyRegistered(DeviceKeyRegistered {
        worker,
        device_public_key: key.to_vec(),
        previous_key,
    })])
}

fn attest(
    c: &mut Chain,
    tx: &Tx,
    report: BenchmarkReport,
    score: u64,
    public_key: &[u8],
    signature: &[u8],
) -> Outcome {
    config::assert_not_paused(c)?;
    let attester = tx.sender;
    ensure(config::is_attester(c, attester), e::ENotAttester)?;
    ensure(
        score > 0
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
    let mut round = match &state.round {
        Some(r) if r.nonce == nonce => {
            ensure(r.report_hash == report_hash, e::EReportMismatch)?;
            ensure(
                !r.approvals.iter().any(|(a, _)| *a == attester),
                e::EAlreadyApproved,
            )?;
            let mut r = r.clone();
            r.approvals.push((attester, score));
            r
        }
        _ => {
            ensure(nonce > state.last_nonce, e::ENonceTooLow)?;
            Round {
                nonce,
                report_hash: report_hash.clone(),
                approvals: vec![(attester, score)],
                effective: false,
            }
        }
    };
    // Approvals of attesters removed since they approved no longer count.
    round.approvals.retain(|(a, _)| config::is_attester(c, *a));
    let approvals = round.approvals.len() as u64;
    let threshold = config::param(c, params::ATTESTER_THRESHOLD)?;
    let expires_at = if approvals >= threshold && !round.effective {
        add(
            now,
            config::param(c, params::SCORE_VALIDITY_SECS)?,
            "attestation",
        )?
    } else {
        0
    };
    let mut events = vec![LumenEvent::AttestationSubmitted(AttestationSubmitted {
        attester,
        worker,
        nonce,
        report_hash,
        score,
        approvals,
        threshold,
    })];
    let attesters: Vec<AccountAddress> = round.approvals.iter().map(|(a, _)| *a).collect();
    let scores: Vec<u64> = round.approvals.iter().map(|(_, s)| *s).collect();
    let state = c.attestation.workers.entry(worker).or_default();
    state.last_nonce = state.last_nonce.max(nonce);
    if approvals < threshold {
        state.round = Some(round);
        return Ok(events);
    }
    let measured = formulas::kth_largest(&scores, threshold);
    if round.effective {
        // A later approval of the current report refines its score.
        state.round = Some(round);
        let current = state
            .current
            .as_mut()
            .expect("an effective round is current");
        current.score = measured;
        events.push(score_attested(current, attesters));
        return Ok(events);
    }
    round.effective = true;
    state.round = Some(round);
    // A revoked report's device stays bound, so it cannot move to another account.
    let previous_device = state
        .current
        .as_ref()
        .filter(|r| !r.revoked)
        .map(|r| r.report.device_id.clone());
    let info = ReportInfo {
        report: report.clone(),
        score: measured,
        effective_at: now,
        expires_at,
        revoked: false,
    };
    state.current = Some(info.clone());
    state.revocation = None;
    if let Some(old) = previous_device {
        if old != report.device_id {
            c.attestation.devices.remove(&old);
        }
    }
    c.attestation
        .devices
        .insert(report.device_id.clone(), worker);
    events.push(score_attested(&info, attesters));
    Ok(events)
}

fn score_attested(info: &ReportInfo, attesters: Vec<AccountAddress>) -> LumenEvent {
    let r = &info.report;
    LumenEvent::ScoreAttested(ScoreAttested {
        worker: r.worker,
        device_id: r.device_id.clone(),
        gpu_model: r.gpu_model.clone(),
        vram_mb: r.vram_mb,
        score: info.score,
        bench_version: r.bench_version,
        nonce: r.nonce,
        measured_at: r.measured_at,
        effective_at: info.effective_at,
        expires_at: info.expires_at,
        attesters,
    })
}

fn revoke(c: &mut Chain, tx: &Tx, worker: AccountAddress, reason: &str) -> Outcome {
    let by = tx.sender;
    let is_admin = config::is_admin(c, by);
    ensure(is_admin || config::is_attester(c, by), e::ENotAuthorized)?;
    let state = c.attestation.workers.get(&worker);
    let current = state.and_then(|s| s.current.as_ref());
    let current = current.ok_or(Abort::Code(e::ENoScore))?;
    ensure(!current.revoked, e::EAlreadyRevoked)?;
    let nonce = current.report.nonce;
    let mut events = vec![];
    if !is_admin {
        let mut requests = state
            .and_then(|s| s.revocation.as_ref())
            .filter(|r| r.nonce == nonce)
            .map_or_else(Vec::new, |r| r.attesters.clone());
        ensure(!requests.contains(&by), e::EAlreadyApproved)?;
        requests.push(by);
        requests.retain(|a| config::is_attester(c, *a));
        let approvals = requests.len() as u64;
        let threshold = config::param(c, params::ATTESTER_THRESHOLD)?;
        events.push(LumenEvent::RevocationSubmitted(RevocationSubmitted {
            attester: by,
            worker,
            nonce,
            approvals,
            threshold,
        }));
        if approvals < threshold {
            let state = c.attestation.workers.get_mut(&worker).expect("found");
            state.revocation = Some(Revocation {
                nonce,
                attesters: requests,
            });
            return Ok(events);
        }
    }
    let state = c.attestation.workers.get_mut(&worker).expect("found");
    state.current.as_mut().expect("found").revoked = true;
    state.round = None;
    state.revocation = None;
    events.push(LumenEvent::ScoreRevoked(ScoreRevoked {
        worker,
        by,
        reason: reason.to_string(),
    }));
    Ok(events)
}

/// Ends the current score now and drops the round and revocation requests.
fn end_score(state: &mut WorkerState, now: u64) {
    let current = state.current.as_mut().expect("a current report");
    current.expires_at = current.expires_at.min(now);
    state.round = None;
    state.revocation = None;
}

fn release_device(c: &mut Chain, tx: &Tx) -> Outcome {
    let worker = tx.sender;
    let state = c.attestation.workers.get(&worker);
    let current = state.and_then(|s| s.current.as_ref());
    let current = current.ok_or(Abort::Code(e::ENoScore))?;
    ensure(!current.revoked, e::EAlreadyRevoked)?;
    let device_id = current.report.device_id.clone();
    ensure(
        c.attestation.devices.get(&device_id) == Some(&worker),
        e::EDeviceNotBound,
    )?;
    end_score(
        c.attestation.workers.get_mut(&worker).expect("found"),
        tx.now,
    );
    c.attestation.devices.remove(&device_id);
    Ok(vec![LumenEvent::DeviceReleased(DeviceReleased {
        device_id,
        worker,
        by: worker,
        kind: RELEASED_BY_WORKER,
    })])
}

fn release_expired_device(c: &mut Chain, tx: &Tx, device_id: &[u8]) -> Outcome {
    let worker = *c
        .attestation
        .devices
        .get(device_id)
        .ok_or(Abort::Code(e::EDeviceNotBound))?;
    let current = c
        .attestation
        .workers
        .get(&worker)
        .and_then(|s| s.current.as_ref());
    let current = current.ok_or(Abort::Code(e::ENotReleasable))?;
    // Move's `&&` stops at the first false operand, before the sum can overflow.
    let releasable = current.report.device_id == device_id
        && !current.revoked
        && tx.now
            >= add(
                current.expires_at,
                config::param(c, params::DEVICE_RELEASE_GRACE_SECS)?,
                "attestation",
            )?;
    ensure(releasable, e::ENotReleasable)?;
    c.attestation.devices.remove(device_id);
    Ok(vec![LumenEvent::DeviceReleased(DeviceReleased {
        device_id: device_id.to_vec(),
        worker,
        by: tx.sender,
        kind: RELEASED_EXPIRED,
    })])
}

fn unbind_device(c: &mut Chain, tx: &Tx, device_id: &[u8]) -> Outcome {
    config::assert_admin(c, tx.sender)?;
    let worker = *c
        .attestation
        .devices
        .get(device_id)
        .ok_or(Abort::Code(e::EDeviceNotBound))?;
    c.attestation.devices.remove(device_id);
    let state = c.attestation.workers.entry(worker).or_default();
    let ends = state
        .current
        .as_ref()
        .is_some_and(|r| r.report.device_id == device_id && !r.revoked);
    if ends {
        end_score(state, tx.now);
    }
    Ok(vec![LumenEvent::DeviceReleased(DeviceReleased {
        device_id: device_id.to_vec(),
        worker,
        by: tx.sender,
        kind: UNBOUND_BY_ADMIN,
    })])
}
