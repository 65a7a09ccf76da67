//! A party on the worker's path (a proxy, a load balancer, a shared
//! gateway) that sees the worker's device-signed report in flight answers
//! the challenge with a commitment of its own: outputs it computed on a
//! device of its own, under the worker's name. Over real HTTP, with the
//! work run on this machine's Vulkan device (lavapipe without a GPU).

mod common;

use common::*;
use lumen_relayer::attest;
use lumen_relayer::bench::BENCH_VERSION;
use lumen_relayer::protocol::{Challenge, Opening, Submission};
use lumen_relayer::work::Worked;
use lumen_sdk::messages::BenchmarkReport;
use lumen_sdk::Package;

/// The report the worker's device key signs for challenge `c`.
fn signed_report(c: &Challenge, worked: &Worked, n: u8) -> (BenchmarkReport, String) {
    let report = BenchmarkReport {
        worker: c.worker,
        device_id: worked.answer.fingerprint.device_id().to_vec(),
        gpu_model: worked.answer.fingerprint.name.clone(),
        vram_mb: c.work.vram_mb,
        bench_version: BENCH_VERSION,
        nonce: c.nonce,
        measured_at: now(),
        chain_id: c.chain_id,
    };
    let signature = hex::encode(report.sign(&Package::DEV, &key(n)).to_bytes());
    (report, signature)
}

#[tokio::test]
async fn a_gateway_answers_with_its_own_commitment_under_the_workers_report() {
    let dir = tempfile::tempdir().unwrap();
    let (url, svc) = start(dir.path(), config(600)).await;
    let (worker, n) = (addr(60), 60);
    let c = challenge(&url, worker).await;
    // The gateway's own device runs the challenge's work...
    let theirs = work(&c).await;
    // ...and it holds the report the worker's device key signed.
    let (report, signature) = signed_report(&c, &theirs, n);
    let sub = Submission {
        challenge_id: c.id.clone(),
        report,
        public_key: hex::encode(key(n).public_key().to_bytes()),
        signature,
        answer: theirs.answer.clone(),
    };
    let picked = attest::commit(&url, &sub).await.expect("the commitment");
    let opening = Opening {
        challenge_id: picked.challenge_id,
        worker,
        openings: theirs.open(&picked.picks).unwrap(),
    };
    let accepted = attest::send_opening(&url, &opening).await;
    // Today: the gateway's work is attested as the worker's device's.
    assert!(accepted.is_ok(), "{accepted:?}");
    assert_eq!(svc.queue().all().len(), 1);
}
