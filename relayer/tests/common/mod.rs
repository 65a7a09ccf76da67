//! Helpers shared by the relayer's integration tests.
#![allow(dead_code)]

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use aptos_sdk::crypto::Ed25519PrivateKey;
use lumen_relayer::attest;
use lumen_relayer::bench::{self, BenchOptions, Profile};
use lumen_relayer::chain::Node;
use lumen_relayer::protocol::{Challenge, Submission};
use lumen_relayer::service::{self, Service, ServiceConfig};
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
