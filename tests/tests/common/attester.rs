//! Attester services for the cross-crate tests: `lumen-relayer serve`'s
//! service over a fullnode stand-in, on 127.0.0.1, with settings sized for
//! tests (CPU devices accepted, work sized for 0.3 s), and its submitter.

use std::sync::Arc;
use std::time::Duration;

use lumen_relayer::chain::{Node, Signer, Submitter};
use lumen_relayer::service::{self, Limits, Liveness, Service, ServiceConfig, Timing};
use lumen_relayer::verify::Policy;
use lumen_sdk::aptos_sdk::account::Ed25519Account;
use lumen_sdk::aptos_sdk::crypto::Ed25519PrivateKey;
use lumen_sdk::tx::TxnOptions;
use lumen_sdk::Package;

use super::CHAIN;

/// An Ed25519 key from the scenario's hex form.
pub fn key_of(hex_key: &str) -> Ed25519PrivateKey {
    Ed25519PrivateKey::from_bytes(&hex::decode(hex_key).unwrap()).unwrap()
}

/// Wall-clock seconds, the clock the services and the stand-in share.
pub fn now_secs() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// An attester service over the stand-in (its submitter not started yet):
/// its URL, the service and its state directory.
pub async fn attester_service(standin_url: &str) -> (String, Arc<Service>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let config = ServiceConfig {
        policy: Policy::new(Package::DEV, CHAIN, true, false),
        timing: Timing {
            target_secs: 0.3,
            min_speed: 0.2,
            latency_allowance: Duration::from_secs(60),
            open_within: Duration::from_secs(60),
            rounds: 1,
        },
        epoch_secs: 86_400,
        uptime_report_delay_secs: 600,
        heartbeat_max_gap_secs: 180,
        liveness: Liveness::default(),
        uptime_batch: 100,
        tick: Duration::from_millis(50),
        // Many requests from one address in quick succession: no rate limits
        // (tests/limits.rs checks them).
        limits: Limits {
            rate: None,
            ..Limits::default()
        },
    };
    let svc = Service::open(dir.path(), config, Some(Node::new(standin_url))).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(service::serve(listener, svc.clone()));
    (url, svc, dir)
}

/// Starts the submitter of `svc`, signing as `attester`.
pub fn submitter(standin_url: &str, svc: &Arc<Service>, attester: &Ed25519PrivateKey) {
    tokio::spawn(
        Submitter {
            queue: svc.queue(),
            node: Node::new(standin_url),
            signer: Signer {
                attester: Ed25519Account::from_private_key(
                    Ed25519PrivateKey::from_bytes(&attester.to_bytes()).unwrap(),
                ),
                fee_payer: None,
                chain_id: CHAIN,
                package: Package::DEV,
                options: TxnOptions::default(),
            },
            poll: Duration::from_millis(50),
        }
        .run(),
    );
}

/// The worker of `worker_key` (hex) registers the device key made from
/// `device_seed` on chain, as a render node's operator does before its first
/// report: the worker's account and the device key.
pub async fn register_device(
    standin_url: &str,
    worker_key: &str,
    device_seed: u8,
) -> (Ed25519Account, Ed25519PrivateKey) {
    let account = Ed25519Account::from_private_key(key_of(worker_key));
    let device_key = Ed25519PrivateKey::from_bytes(&[device_seed; 32]).unwrap();
    let client = lumen_sdk::tx::LumenClient::new(standin_url, Package::DEV).unwrap();
    let register = lumen_sdk::payloads::attestation::register_device_key(
        &Package::DEV,
        &device_key.public_key().to_bytes(),
    );
    let signed = client
        .build_and_sign(&account, register, &TxnOptions::default())
        .await
        .unwrap();
    client
        .submit_and_wait(&signed, Duration::from_secs(10))
        .await
        .unwrap();
    (account, device_key)
}
