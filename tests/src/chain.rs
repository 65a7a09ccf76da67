//! What the contract does with an `attestation::attest` call, for a fullnode
//! stand-in: decode the entry function's BCS arguments, verify the report the
//! way `attestation::attest` does (single-key ed25519 auth key of the worker,
//! `signature_verify_strict_t` over the BCS `SignedMessage`, rising nonce,
//! fresh `measured_at`, one device per worker), and emit the events the
//! contract emits (threshold 1).
//!
//! The demo's stand-in (`lumen-standin`) and the cross-crate tests use it, so
//! the relayer's real submissions land on the stand-in's ledger as the events
//! an indexer then reads.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use lumen_sdk::aptos_sdk::crypto::{Ed25519PublicKey, Ed25519Signature};
use lumen_sdk::aptos_sdk::transaction::EntryFunction;
use lumen_sdk::events::{AttestationSubmitted, LumenEvent, ScoreAttested};
use lumen_sdk::messages::{authentication_key, BenchmarkReport};
use lumen_sdk::standin::{Execution, SubmittedTxn};
use lumen_sdk::{AccountAddress, Package};
use sha3::{Digest, Sha3_256};

/// A decoded `attestation::attest` call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttestCall {
    /// The report, with the chain id the contract fills in.
    pub report: BenchmarkReport,
    /// `worker_public_key` (32 bytes).
    pub public_key: Vec<u8>,
    /// `worker_signature` (64 bytes).
    pub signature: Vec<u8>,
}

fn arg<T: serde::de::DeserializeOwned>(
    f: &EntryFunction,
    i: usize,
    name: &str,
) -> Result<T, String> {
    let bytes = f
        .args
        .get(i)
        .ok_or_else(|| format!("attest: argument {i} (`{name}`) is missing"))?;
    aptos_bcs::from_bytes(bytes)
        .map_err(|e| format!("attest: argument `{name}` is not valid BCS: {e}"))
}

/// Decodes `f` when it is `<package>::attestation::attest`; `Ok(None)` for
/// any other function.
pub fn decode_attest(
    package: &Package,
    chain_id: u8,
    f: &EntryFunction,
) -> Result<Option<AttestCall>, String> {
    if f.module.address != package.address
        || f.module.name.as_str() != "attestation"
        || f.function != "attest"
    {
        return Ok(None);
    }
    if f.args.len() != 10 {
        return Err(format!(
            "attest: expected 10 arguments, got {}",
            f.args.len()
        ));
    }
    let report = BenchmarkReport {
        worker: arg(f, 0, "worker")?,
        device_id: arg(f, 1, "device_id")?,
        gpu_model: arg(f, 2, "gpu_model")?,
        vram_mb: arg(f, 3, "vram_mb")?,
        score: arg(f, 4, "score")?,
        bench_version: arg(f, 5, "bench_version")?,
        nonce: arg(f, 6, "nonce")?,
        measured_at: arg(f, 7, "measured_at")?,
        chain_id,
    };
    Ok(Some(AttestCall {
        report,
        public_key: arg(f, 8, "worker_public_key")?,
        signature: arg(f, 9, "worker_signature")?,
    }))
}

/// The contract's signature checks: the key is the worker's single-key
/// authentication key (an account that never rotated: its address) and the
/// signature verifies strictly over the report's `SignedMessage` bytes.
pub fn verify_attest(package: &Package, call: &AttestCall) -> Result<(), String> {
    let pk_bytes: [u8; 32] = call.public_key.as_slice().try_into().map_err(|_| {
        format!(
            "EWrongPublicKey: public key has {} bytes",
            call.public_key.len()
        )
    })?;
    let sig_bytes: [u8; 64] = call.signature.as_slice().try_into().map_err(|_| {
        format!(
            "EBadSignature: signature has {} bytes",
            call.signature.len()
        )
    })?;
    let pk =
        Ed25519PublicKey::from_bytes(&pk_bytes).map_err(|e| format!("EWrongPublicKey: {e}"))?;
    if authentication_key(&pk) != call.report.worker.to_bytes() {
        return Err("EWrongPublicKey: the key is not the worker's authentication key".into());
    }
    let sig =
        Ed25519Signature::from_bytes(&sig_bytes).map_err(|e| format!("EBadSignature: {e}"))?;
    call.report
        .verify(package, &pk, &sig)
        .map_err(|e| format!("EBadSignature: {e}"))
}

/// The events `attest` emits with threshold 1 and the default score validity.
pub fn attest_events(
    call: &AttestCall,
    attester: AccountAddress,
    now: u64,
    score_validity_secs: u64,
) -> Vec<LumenEvent> {
    let r = &call.report;
    vec![
        LumenEvent::AttestationSubmitted(AttestationSubmitted {
            attester,
            worker: r.worker,
            nonce: r.nonce,
            report_hash: Sha3_256::digest(r.bcs()).to_vec(),
            approvals: 1,
            threshold: 1,
        }),
        LumenEvent::ScoreAttested(ScoreAttested {
            worker: r.worker,
            device_id: r.device_id.clone(),
            gpu_model: r.gpu_model.clone(),
            vram_mb: r.vram_mb,
            score: r.score,
            bench_version: r.bench_version,
            nonce: r.nonce,
            measured_at: r.measured_at,
            effective_at: now,
            expires_at: now + score_validity_secs,
            attesters: vec![attester],
        }),
    ]
}

#[derive(Default)]
struct Registry {
    last_nonce: HashMap<AccountAddress, u64>,
    devices: HashMap<Vec<u8>, AccountAddress>,
}

/// The attestation state of a stand-in chain: nonces and device bindings,
/// learnt from the ledger it serves ([`AttestChain::observe`]) and from the
/// `attest` calls it executes. Clones share the state.
#[derive(Clone)]
pub struct AttestChain {
    package: Package,
    chain_id: u8,
    attesters: Vec<AccountAddress>,
    registry: Arc<Mutex<Registry>>,
}

impl AttestChain {
    /// A chain of `package` on `chain_id`; with a non-empty `attesters`
    /// only those accounts may attest.
    pub fn new(package: Package, chain_id: u8, attesters: Vec<AccountAddress>) -> Self {
        Self {
            package,
            chain_id,
            attesters,
            registry: Arc::default(),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Registry> {
        self.registry.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Learns nonces and device bindings from the `ScoreAttested` events of
    /// a REST transaction (one the stand-in serves without executing it).
    pub fn observe(&self, txn: &serde_json::Value) {
        let Some(events) = txn["events"].as_array() else {
            return;
        };
        let mut reg = self.lock();
        for e in events {
            if let Ok(Some(LumenEvent::ScoreAttested(s))) =
                LumenEvent::decode_rest(&self.package, e)
            {
                reg.last_nonce.insert(s.worker, s.nonce);
                reg.devices.insert(s.device_id, s.worker);
            }
        }
    }

    /// Runs `attestation::attest` like the contract (other calls execute
    /// with no package events). Aborts carry the contract's error names.
    pub fn execute(&self, txn: &SubmittedTxn) -> Execution {
        let Some(f) = &txn.entry_function else {
            return Ok(vec![]);
        };
        let Some(call) = decode_attest(&self.package, self.chain_id, f)? else {
            return Ok(vec![]);
        };
        if !self.attesters.is_empty() && !self.attesters.contains(&txn.sender) {
            return Err(format!("ENotAttester: {} is not an attester", txn.sender));
        }
        verify_attest(&self.package, &call)?;
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        let r = &call.report;
        if r.measured_at > now + 300 || now.saturating_sub(r.measured_at) > 3_600 {
            return Err(format!(
                "EStaleReport: measured_at {} is not within an hour of {now}",
                r.measured_at
            ));
        }
        let mut reg = self.lock();
        if reg.last_nonce.get(&r.worker).is_some_and(|&n| r.nonce <= n) {
            return Err(format!(
                "ENonceTooLow: nonce {} is not above the last one",
                r.nonce
            ));
        }
        if reg
            .devices
            .get(&r.device_id)
            .is_some_and(|&w| w != r.worker)
        {
            return Err("EDeviceBound: the device is bound to another worker".into());
        }
        reg.last_nonce.insert(r.worker, r.nonce);
        reg.devices.insert(r.device_id.clone(), r.worker);
        let validity =
            lumen_sdk::params::param("score_validity_secs").map_or(2_592_000, |p| p.default);
        Ok(attest_events(&call, txn.sender, now, validity)
            .iter()
            .map(|e| e.to_rest(&self.package, 0))
            .collect())
    }

    /// Answers the views `attestation::worker_of_device` and
    /// `attestation::last_nonce` from this state (`POST /v1/view` bodies).
    pub fn view(&self, body: &serde_json::Value) -> Result<Vec<serde_json::Value>, String> {
        use lumen_sdk::movejson::MoveJson;
        let function = body["function"].as_str().unwrap_or_default();
        let args = body["arguments"].as_array().cloned().unwrap_or_default();
        let reg = self.lock();
        if function == self.package.member("attestation", "worker_of_device") {
            let device = args.first().ok_or("worker_of_device: missing device_id")?;
            let device = Vec::<u8>::from_move_json(device)?;
            let vec: Vec<serde_json::Value> = reg
                .devices
                .get(&device)
                .map(|w| w.to_move_json())
                .into_iter()
                .collect();
            Ok(vec![serde_json::json!({ "vec": vec })])
        } else if function == self.package.member("attestation", "last_nonce") {
            let worker = args.first().ok_or("last_nonce: missing worker")?;
            let worker = AccountAddress::from_move_json(worker)?;
            Ok(vec![reg
                .last_nonce
                .get(&worker)
                .copied()
                .unwrap_or(0)
                .to_move_json()])
        } else {
            Err(format!(
                "the stand-in does not answer the view {function:?}"
            ))
        }
    }

    /// Installs [`AttestChain::execute`] and [`AttestChain::view`] on a stand-in.
    pub fn install(&self, standin: &lumen_sdk::standin::Standin) {
        let exec = self.clone();
        standin.set_executor(move |t, _| exec.execute(t));
        let views = self.clone();
        standin.set_view_handler(move |b, _| views.view(b));
    }
}

/// A stand-in executor running `attestation::attest` like the contract, on
/// a fresh [`AttestChain`].
pub fn attest_executor(
    package: Package,
    chain_id: u8,
    attesters: Vec<AccountAddress>,
) -> impl Fn(&SubmittedTxn) -> Execution + Send + Sync + 'static {
    let chain = AttestChain::new(package, chain_id, attesters);
    move |txn: &SubmittedTxn| chain.execute(txn)
}
