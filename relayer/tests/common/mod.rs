//! Helpers shared by the relayer's integration tests.
#![allow(dead_code)]

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use aptos_sdk::crypto::Ed25519PrivateKey;
use std::sync::{Mutex, OnceLock};

use lumen_relayer::attest;
use lumen_relayer::attest::SignedAnswer;
use lumen_relayer::bench::answer::WorkDevice;
use lumen_relayer::chain::Node;
use lumen_relayer::protocol::{Challenge, Opening};
use lumen_relayer::service::{self, Limits, Liveness, Service, ServiceConfig, Timing};
use lumen_relayer::verify::Policy;
use lumen_relayer::work::{Openings, Worked};
use lumen_sdk::{AccountAddress, Package};

/// The JSON a run of the binary printed, once it succeeded (else its
/// standard error is shown).
pub fn printed_json(out: &std::process::Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

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

/// The score the tests' devices claim, micro-units, and the memory they
/// prove, MiB: small work, answered in a fraction of a second on lavapipe.
pub const CLAIM: u64 = 2_000;
/// See [`CLAIM`].
pub const VRAM_MB: u64 = 1;

/// Test settings: CPU devices are accepted; work sized for 0.3 s at the
/// claim, and an answer may take five times that plus `allowance_secs`.
pub fn config(allowance_secs: u64) -> ServiceConfig {
    ServiceConfig {
        policy: Policy::new(Package::DEV, CHAIN, true, false),
        timing: Timing {
            target_secs: 0.3,
            min_speed: 0.2,
            latency_allowance: Duration::from_secs(allowance_secs),
            open_within: Duration::from_secs(5),
            rounds: 1,
        },
        epoch_secs: 86_400,
        uptime_report_delay_secs: 0,
        heartbeat_max_gap_secs: 60,
        liveness: Liveness {
            interval: Duration::from_secs(2),
            work_secs: 0.05,
            poll: Duration::from_millis(50),
        },
        uptime_batch: 100,
        tick: Duration::from_millis(50),
        // Many requests from one address in quick succession: no rate limits
        // (tests/limits.rs checks them).
        limits: Limits {
            rate: None,
            ..Limits::default()
        },
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
    tokio::spawn(service::serve(listener, svc.clone()));
    (url, svc)
}

/// This machine's Vulkan device, prepared once per test process with the
/// tests' memory size.
fn device() -> &'static Mutex<WorkDevice> {
    static DEVICE: OnceLock<Mutex<WorkDevice>> = OnceLock::new();
    DEVICE.get_or_init(|| {
        Mutex::new(WorkDevice::prepare(None, VRAM_MB).expect("a Vulkan device (lavapipe)"))
    })
}

/// The work of `c` run on this machine's Vulkan device.
pub async fn work(c: &Challenge) -> Worked {
    let c = c.clone();
    tokio::task::spawn_blocking(move || {
        let seed: [u8; 32] = hex::decode(&c.seed).unwrap().try_into().unwrap();
        let device = device().lock().unwrap();
        device.answer(&c.work, &seed).expect("the device answers")
    })
    .await
    .unwrap()
}

/// Prepares this machine's device (before a challenge: the clock runs from
/// its issue).
pub async fn ready() {
    tokio::task::spawn_blocking(|| drop(device().lock().unwrap()))
        .await
        .unwrap();
}

/// A challenge for `worker` at the tests' claim, the device prepared first.
pub async fn challenge(url: &str, worker: AccountAddress) -> Challenge {
    ready().await;
    attest::request_challenge(url, worker, CLAIM, VRAM_MB)
        .await
        .expect("a challenge")
}

/// Answers a challenge on this machine's device and signs the report with `signer`.
pub async fn answer(challenge: &Challenge, signer: &Ed25519PrivateKey) -> SignedAnswer {
    let answer = work(challenge).await;
    attest::signed_submission(challenge, answer, &Package::DEV, signer, now())
}

/// Seconds since the Unix epoch.
pub fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// The reason code of a rejected submission.
pub async fn rejection(url: &str, sub: &SignedAnswer) -> String {
    match attest::send_submission(url, sub).await {
        Err(attest::AttestError::Rejected { reason, message }) => {
            assert!(!message.is_empty());
            reason
        }
        other => panic!("expected a rejection, got {other:?}"),
    }
}

/// The answer to `c` for the worker key `k` on this machine's device or,
/// with `device`, on a device of its own (the fingerprint's UUID changed).
pub async fn reanswer(c: &Challenge, k: &Ed25519PrivateKey, device: Option<u8>) -> SignedAnswer {
    let mut a = work(c).await;
    if let Some(device) = device {
        a.answer.fingerprint.device_uuid = Some(format!("{device:032x}"));
    }
    attest::signed_submission(c, a, &Package::DEV, k, now())
}

/// `s` as it now reads, signed again by `k` (the report and the commitment).
pub fn resigned(mut s: SignedAnswer, k: &Ed25519PrivateKey) -> SignedAnswer {
    s.submission = s.submission.resigned(&Package::DEV, k);
    s
}

/// A fresh challenge for the worker of `sub` (key `k`), answered.
pub async fn again(url: &str, sub: &SignedAnswer, k: &Ed25519PrivateKey) -> SignedAnswer {
    let c = challenge(url, sub.report.worker).await;
    reanswer(&c, k, None).await
}

/// Sends the commitment of `sub`, then its openings changed by `tamper`:
/// the reason the openings are refused.
pub async fn tampered(url: &str, sub: &SignedAnswer, tamper: impl FnOnce(&mut Openings)) -> String {
    let picked = attest::commit(url, &sub.submission)
        .await
        .expect("the commitment checks out");
    let mut openings = sub.worked.open(&picked.picks).unwrap();
    tamper(&mut openings);
    let opening = Opening {
        challenge_id: picked.challenge_id,
        worker: sub.report.worker,
        openings,
        earlier: Vec::new(),
    };
    match attest::send_opening(url, &opening).await {
        Err(attest::AttestError::Rejected { reason, message }) => {
            assert!(!message.is_empty());
            reason
        }
        other => panic!("expected a rejection, got {other:?}"),
    }
}

/// The work of a liveness challenge run on this machine's device.
pub async fn work_for(l: &lumen_relayer::protocol::LivenessChallenge) -> Worked {
    let c = Challenge {
        id: String::new(),
        worker: addr(0),
        nonce: 0,
        seed: l.seed.clone(),
        issued_at: 0,
        expires_at: 0,
        chain_id: CHAIN,
        package: Package::DEV.address,
        work: l.work.clone(),
        deadline_ms: 0,
        rounds: 1,
    };
    work(&c).await
}

/// The service's Prometheus text at `GET /metrics`.
pub async fn metrics_text(url: &str) -> String {
    reqwest::get(format!("{url}/metrics"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}
