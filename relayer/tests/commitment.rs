//! A party on the worker's path (a proxy, a load balancer, a shared
//! gateway) that sees the worker's device-signed report in flight answers
//! the challenge with a commitment of its own: outputs it computed on a
//! device of its own, under the worker's name. The device key signs the
//! commitment too (challenge, report, roots), so without the worker's
//! device the gateway's commitment is refused before any outputs are picked.
//! Over real HTTP, with the work run on this machine's Vulkan device
//! (lavapipe without a GPU).

mod common;

use common::*;
use lumen_relayer::attest;
use lumen_relayer::bench::BENCH_VERSION;
use lumen_relayer::protocol::{Challenge, Submission};
use lumen_relayer::work::Worked;
use lumen_sdk::messages::BenchmarkReport;
use lumen_sdk::Package;

/// What the gateway sends for challenge `c`: the report the worker's
/// device key `n` signed, the commitment to the gateway's own outputs
/// `theirs`, and `commitment_signature`.
fn gateway(c: &Challenge, theirs: &Worked, n: u8, commitment_signature: String) -> Submission {
    let report = BenchmarkReport {
        worker: c.worker,
        device_id: theirs.answer.fingerprint.device_id().to_vec(),
        gpu_model: theirs.answer.fingerprint.name.clone(),
        vram_mb: c.work.vram_mb,
        bench_version: BENCH_VERSION,
        nonce: c.nonce,
        measured_at: now(),
        chain_id: c.chain_id,
    };
    Submission {
        challenge_id: c.id.clone(),
        signature: hex::encode(report.sign(&Package::DEV, &key(n)).to_bytes()),
        report,
        public_key: hex::encode(key(n).public_key().to_bytes()),
        commitment_signature,
        answer: theirs.answer.clone(),
        round: 0,
    }
}

/// The reason the commitment of `sub` is refused.
async fn refused(url: &str, sub: &Submission) -> String {
    match attest::commit(url, sub).await {
        Err(attest::AttestError::Rejected { reason, message }) => {
            assert!(!message.is_empty());
            reason
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[tokio::test]
async fn a_gateway_cannot_answer_with_its_own_commitment_under_the_workers_report() {
    let dir = tempfile::tempdir().unwrap();
    let (url, svc) = start(dir.path(), config(600)).await;
    let (worker, n) = (addr(60), 60);

    // The gateway's own device runs the challenge's work, and it holds the
    // report the worker's device key signed, but no signature of that key
    // over its roots.
    let c = challenge(&url, worker).await;
    let theirs = work(&c).await;
    let sub = gateway(&c, &theirs, n, String::new());
    assert_eq!(refused(&url, &sub).await, "bad_commitment_signature");
    // The refusal used the challenge up, as any refused signed answer does.
    assert_eq!(refused(&url, &sub).await, "challenge_used");

    // Its roots signed with a key of its own.
    let c = challenge(&url, worker).await;
    let theirs = work(&c).await;
    let unsigned = gateway(&c, &theirs, n, String::new());
    let own = Submission::sign(
        c.id.clone(),
        unsigned.report.clone(),
        unsigned.answer.clone(),
        &Package::DEV,
        &key(61),
    );
    let sub = gateway(&c, &theirs, n, own.commitment_signature);
    assert_eq!(refused(&url, &sub).await, "bad_commitment_signature");

    // The worker's device key's commitment signature from its previous
    // challenge: it does not carry over to this one.
    let earlier = challenge(&url, worker).await;
    let signed_earlier = answer(&earlier, &key(n)).await;
    let c = challenge(&url, worker).await;
    let theirs = work(&c).await;
    let sub = gateway(&c, &theirs, n, signed_earlier.commitment_signature.clone());
    assert_eq!(refused(&url, &sub).await, "bad_commitment_signature");

    // The worker's whole signed answer with its roots swapped in flight:
    // refused at once, before any outputs are picked.
    let c = challenge(&url, worker).await;
    let mut swapped = answer(&c, &key(n)).await;
    swapped.answer.walk.root = hex::encode([7u8; 32]);
    assert_eq!(refused(&url, &swapped).await, "bad_commitment_signature");
    assert!(svc.queue().all().unwrap().is_empty());

    // The worker's own answer, both signatures its device's, is attested.
    let c = challenge(&url, worker).await;
    let honest = answer(&c, &key(n)).await;
    attest::send_submission(&url, &honest).await.unwrap();
    assert_eq!(svc.queue().all().unwrap().len(), 1);
}
