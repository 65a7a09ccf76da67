//! Helpers shared by the relayer's integration tests.
#![allow(dead_code)]

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use aptos_sdk::crypto::Ed25519PrivateKey;
use lumen_relayer::attest;
use lumen_relayer::bench::BenchResult;
use lumen_relayer::bench::{self, BenchOptions, Profile};
use lumen_relayer::chain::Node;
use lumen_relayer::protocol::{Challenge, Submission};
use lumen_relayer::service::{self, Limits, Service, ServiceConfig};
use lumen_relayer::verify::Policy;
use lumen_sdk::{AccountAddress, Package};

/// The chain id the tests attest for.
pub const CHAIN: u8 = 4;

/// A deterministic key.
pub fn key(n: u8) -> Ed25519PrivateKey {
    Ed25519PrivateKey::from_bytes(&[n; 32]).unwrap()
}

/// The account of a deterministic key.
pub fn addr(n: u8) -> AccountAddress {
    attest::address_of(&key(n))
}

/// Test settings: CPU devices and the quick profile are accepted.
pub fn config(ttl: u64) -> ServiceConfig {
    ServiceConfig {
        policy: Policy {
            package: Package::DEV,
            chain_id: CHAIN,
            allow_cpu: true,
            allow_quick: true,
            max_clock_skew_secs: 300,
        },
        challenge_ttl_secs: ttl,
        epoch_secs: 86_400,
        uptime_report_delay_secs: 0,
        heartbeat_max_gap_secs: 60,
        uptime_batch: 100,
        tick: Duration::from_millis(50),
        limits: Limits::default(),
    }
}

/// Starts the service in this process on a free port; returns its URL.
pub async fn start(dir: &Path, config: ServiceConfig) -> (String, Arc<Service>) {
    start_with(dir, config, None).await
}

/// Starts the service with a node for on-chain binding checks.
pub async fn start_with(
    dir: &Path,
    config: ServiceConfig,
    node: Option<Node>,
) -> (String, Arc<Service>) {
    let svc = Service::open(dir, config, node).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let router = service::router(svc.clone());
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    (url, svc)
}

/// Runs the quick benchmark for a challenge and signs the report with `signer`.
pub async fn answer(challenge: &Challenge, signer: &Ed25519PrivateKey) -> Submission {
    let seed: [u8; 32] = hex::decode(&challenge.seed).unwrap().try_into().unwrap();
    let result = tokio::task::spawn_blocking(move || {
        bench::run(&BenchOptions {
            profile: Profile::Quick,
            runs: 1,
            device_index: None,
            seed,
            progress: false,
        })
    })
    .await
    .unwrap()
    .expect("the quick benchmark runs");
    attest::signed_submission(challenge, result, &Package::DEV, signer, now())
}

/// Seconds since the Unix epoch.
pub fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// The reason code of a rejected submission.
pub async fn rejection(url: &str, sub: &Submission) -> String {
    match attest::send_submission(url, sub).await {
        Err(attest::AttestError::Rejected { reason, message }) => {
            assert!(!message.is_empty());
            reason
        }
        other => panic!("expected a rejection, got {other:?}"),
    }
}

/// `result` answering `c` for the worker key `k`, on the device of the
/// result or, with `device`, on a device of its own: the hash chain
/// recomputed on the CPU for the challenge's seed over the smallest item
/// count, its time scaled so the figures (and the score) stay the same.
pub fn reanswer(
    c: &Challenge,
    result: &BenchResult,
    k: &Ed25519PrivateKey,
    device: Option<u8>,
) -> Submission {
    use lumen_relayer::bench::hashchain::{all_items, HashChainProof, CHUNK, OPS_PER_ROUND};
    let mut r = result.clone();
    if let Some(device) = device {
        r.fingerprint.device_uuid = Some(format!("{device:032x}"));
        r.device_id = hex::encode(r.fingerprint.device_id());
    }
    let seed: [u8; 32] = hex::decode(&c.seed).unwrap().try_into().unwrap();
    let rounds = r.hash.size as u32;
    r.hash_proof =
        HashChainProof::commit(&seed, rounds, &all_items(&seed, rounds, CHUNK as u32)).unwrap();
    r.hash.best_secs =
        CHUNK as f64 * rounds as f64 * OPS_PER_ROUND as f64 / (r.figures.int32_tops * 1e12);
    attest::signed_submission(c, r, &Package::DEV, k, now())
}

/// A fresh challenge for the worker of `sub` (key `k`) answered with the
/// same benchmark result: one more try costs no benchmark run.
pub async fn again(url: &str, sub: &Submission, k: &Ed25519PrivateKey) -> Submission {
    let c = attest::request_challenge(url, sub.report.worker)
        .await
        .unwrap();
    reanswer(&c, &sub.result, k, None)
}
