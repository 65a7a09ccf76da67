//! The attester service over real HTTP with real benchmark results from the
//! machine's Vulkan device: each kind of bad report is rejected with its reason.

mod common;

use common::*;
use lumen_relayer::attest;
use lumen_relayer::protocol::Heartbeat;

#[tokio::test]
async fn a_valid_report_is_queued_once_and_a_replay_is_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let (url, svc) = start(dir.path(), config(600)).await;
    let c = challenge(&url, addr(1)).await;
    assert_eq!(c.worker, addr(1));
    assert_eq!(c.chain_id, CHAIN);
    let sub = answer(&c, &key(1)).await;
    let accepted = attest::send_submission(&url, &sub).await.unwrap();
    assert!(accepted.score > 0);
    assert!(accepted.elapsed_ms > 0);
    assert_eq!(sub.report.vram_mb, VRAM_MB);
    assert_eq!(sub.report.nonce, c.nonce);
    let jobs = svc.queue().all();
    assert_eq!(jobs.len(), 1);
    assert_eq!(jobs[0].key, format!("attest:{}", c.id));

    // The same challenge again: refused, nothing new queued.
    assert_eq!(rejection(&url, &sub).await, "challenge_used");
    assert_eq!(svc.queue().all().len(), 1);

    // A second challenge for the same worker has a higher nonce.
    let c2 = challenge(&url, addr(1)).await;
    assert!(c2.nonce > c.nonce);
    // An unknown challenge id.
    let mut unknown = sub.clone();
    unknown.challenge_id = "00".repeat(16);
    assert_eq!(rejection(&url, &unknown).await, "unknown_challenge");
}

#[tokio::test]
async fn a_forged_signature_is_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let (url, _svc) = start(dir.path(), config(600)).await;
    let c = challenge(&url, addr(2)).await;
    // Signed by another key but claiming the worker's public key.
    let mut forged = answer(&c, &key(9)).await;
    forged.public_key = hex::encode(key(2).public_key().to_bytes());
    assert_eq!(rejection(&url, &forged).await, "bad_signature");
    // A valid signature over different numbers than the ones sent.
    let mut tampered = answer(&c, &key(2)).await;
    tampered.report.vram_mb += 1;
    assert_eq!(rejection(&url, &tampered).await, "bad_signature");
    // The challenge was not consumed by the failures.
    let good = answer(&c, &key(2)).await;
    attest::send_submission(&url, &good).await.unwrap();
}

#[tokio::test]
async fn an_expired_challenge_is_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let (url, _svc) = start(dir.path(), config(1)).await;
    let c = challenge(&url, addr(3)).await;
    let sub = answer(&c, &key(3)).await;
    tokio::time::sleep(std::time::Duration::from_millis(c.deadline_ms + 200)).await;
    assert_eq!(rejection(&url, &sub).await, "challenge_expired");
}

#[tokio::test]
async fn a_wrong_checksum_is_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let (url, _svc) = start(dir.path(), config(600)).await;
    let c = challenge(&url, addr(4)).await;
    let sub = answer(&c, &key(4)).await;

    // A sampled item's value changed (each try on a challenge of its own:
    // a refused signed answer uses its challenge up).
    let mut wrong = again(&url, &sub, &key(4)).await;
    let s = &mut wrong.answer.hash.samples[0];
    let i = s.index as usize % s.chunk.len();
    s.chunk[i] ^= 0x8000_0000;
    assert_eq!(rejection(&url, &wrong).await, "wrong_checksum");

    // A made-up root: the sample indices no longer match it.
    let mut wrong_root = again(&url, &sub, &key(4)).await;
    wrong_root.answer.hash.root = hex::encode([7u8; 32]);
    assert_eq!(rejection(&url, &wrong_root).await, "wrong_checksum");

    // Benchmark run with another seed than the challenge's.
    let mut other = challenge(&url, addr(4)).await;
    let id = other.id.clone();
    other.seed = hex::encode([1u8; 32]);
    let mut other_seed = reanswer(&other, &key(4), None).await;
    other_seed.challenge_id = id;
    assert_eq!(rejection(&url, &other_seed).await, "challenge_mismatch");

    attest::send_submission(&url, &sub).await.unwrap();
}

#[tokio::test]
async fn a_device_bound_to_another_worker_is_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let (url, _svc) = start(dir.path(), config(600)).await;
    let c = challenge(&url, addr(6)).await;
    attest::send_submission(&url, &answer(&c, &key(6)).await)
        .await
        .unwrap();
    // The same device again for the same worker is fine.
    let c = challenge(&url, addr(6)).await;
    attest::send_submission(&url, &answer(&c, &key(6)).await)
        .await
        .unwrap();
    // Another worker with the same device is not.
    let c = challenge(&url, addr(7)).await;
    let sub = answer(&c, &key(7)).await;
    assert_eq!(rejection(&url, &sub).await, "device_bound");
}

#[tokio::test]
async fn a_cpu_device_is_not_attested_as_a_gpu() {
    let dir = tempfile::tempdir().unwrap();
    let mut cfg = config(600);
    cfg.policy.allow_cpu = false;
    let (url, _svc) = start(dir.path(), cfg).await;
    let c = challenge(&url, addr(8)).await;
    let sub = answer(&c, &key(8)).await;
    if sub.answer.fingerprint.is_gpu() {
        // A real GPU on this machine: it is attested.
        attest::send_submission(&url, &sub).await.unwrap();
    } else {
        assert_eq!(rejection(&url, &sub).await, "not_a_gpu");
    }
}

#[tokio::test]
async fn heartbeats_are_verified_and_credited() {
    let dir = tempfile::tempdir().unwrap();
    let (url, _svc) = start(dir.path(), config(600)).await;
    let t = now();
    let started = std::time::Instant::now();
    let ack = attest::heartbeat(&url, addr(10), &key(10), t)
        .await
        .unwrap();
    assert_eq!(ack.online_secs, 0);
    // Forged: signed by another key.
    let mut forged = Heartbeat::sign(addr(10), t + 1, &key(11));
    forged.public_key = hex::encode(key(10).public_key().to_bytes());
    let _ = rustls::crypto::ring::default_provider().install_default();
    let resp = reqwest::Client::new()
        .post(format!("{url}/v1/heartbeats"))
        .json(&forged)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 401);
    let body: serde_json::Value = resp.json().await.unwrap();
    assert_eq!(body["reason"], "bad_signature");
    // Not newer than the last one.
    match attest::heartbeat(&url, addr(10), &key(10), t).await {
        Err(attest::AttestError::Rejected { reason, .. }) => assert_eq!(reason, "stale_heartbeat"),
        other => panic!("{other:?}"),
    }
    // Far from the service's clock.
    match attest::heartbeat(&url, addr(10), &key(10), t + 10_000).await {
        Err(attest::AttestError::Rejected { reason, .. }) => assert_eq!(reason, "stale_heartbeat"),
        other => panic!("{other:?}"),
    }
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let ack2 = attest::heartbeat(&url, addr(10), &key(10), t + 1)
        .await
        .unwrap();
    // The service credits the gap it saw between the two, in whole seconds:
    // at least the sleep, at most the time this test took (a loaded
    // machine stretches it).
    let most = started.elapsed().as_secs() + 1;
    assert!(
        (1..=most).contains(&ack2.online_secs) || ack2.epoch != ack.epoch,
        "{ack2:?}, at most {most} s"
    );
}

#[tokio::test]
async fn a_report_that_does_not_match_its_challenge_is_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let (url, _svc) = start(dir.path(), config(600)).await;
    let c = challenge(&url, addr(12)).await;
    let sub = answer(&c, &key(12)).await;
    let resign = |mut s: lumen_relayer::protocol::Submission| {
        let sig = s.report.sign(&lumen_sdk::Package::DEV, &key(12));
        s.signature = hex::encode(sig.to_bytes());
        s
    };
    // Each try on a challenge of its own: a refused signed answer uses its
    // challenge up.
    let mut nonce = again(&url, &sub, &key(12)).await;
    nonce.report.nonce -= 1;
    assert_eq!(rejection(&url, &resign(nonce)).await, "challenge_mismatch");
    let mut chain = again(&url, &sub, &key(12)).await;
    chain.report.chain_id = 1;
    assert_eq!(rejection(&url, &resign(chain)).await, "challenge_mismatch");
    let mut old = again(&url, &sub, &key(12)).await;
    old.report.measured_at = c.issued_at - 3600;
    assert_eq!(rejection(&url, &resign(old)).await, "challenge_mismatch");
    let mut model = again(&url, &sub, &key(12)).await;
    model.report.gpu_model = "NVIDIA GeForce RTX 5090".into();
    assert_eq!(rejection(&url, &resign(model)).await, "implausible");
    // A challenge issued to another worker.
    let c2 = challenge(&url, addr(13)).await;
    let mut theirs = sub.clone();
    theirs.challenge_id = c2.id.clone();
    assert_eq!(rejection(&url, &theirs).await, "challenge_mismatch");
    attest::send_submission(&url, &sub).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_reports_are_all_committed_and_each_challenge_counts_once() {
    let dir = tempfile::tempdir().unwrap();
    let (url, svc) = start(dir.path(), config(600)).await;
    let first = challenge(&url, addr(60)).await;
    let real = answer(&first, &key(60)).await;
    let mut subs = vec![real.clone(), real.clone()];
    for n in 61..73u8 {
        let c = challenge(&url, addr(n)).await;
        subs.push(reanswer(&c, &key(n), Some(n)).await);
    }
    // A second worker on the device of worker 61, with its own challenge.
    let c = challenge(&url, addr(80)).await;
    subs.push(reanswer(&c, &key(80), Some(61)).await);

    let tasks: Vec<_> = subs
        .into_iter()
        .map(|s| {
            let url = url.clone();
            tokio::spawn(async move { attest::send_submission(&url, &s).await })
        })
        .collect();
    let mut accepted = Vec::new();
    let mut rejected = Vec::new();
    for t in tasks {
        match t.await.unwrap() {
            Ok(a) => accepted.push(a.job_id),
            Err(attest::AttestError::Rejected { reason, .. }) => rejected.push(reason),
            Err(e) => panic!("unexpected failure: {e}"),
        }
    }
    rejected.sort();
    // The duplicate of the first report is refused whichever group it lands
    // in; of the two workers on one device, whichever comes second is.
    assert_eq!(rejected, vec!["challenge_used", "device_bound"]);
    assert_eq!(accepted.len(), 13);
    let mut ids = accepted.clone();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 13, "every accepted report has its own job");
    let jobs = svc.queue().all();
    assert_eq!(jobs.len(), 13);

    // Used challenges left the state, yet a replay is still "used".
    assert_eq!(rejection(&url, &real).await, "challenge_used");
    // The queue reads back the same from disk (group files included).
    let reopened = lumen_relayer::queue::Queue::open(dir.path().join("queue")).unwrap();
    assert_eq!(reopened.all(), jobs);

    // A restarted service knows the bindings from the queued reports (no
    // state file was written for them) and the used challenges from the keys.
    let (url2, _svc2) = start(dir.path(), config(600)).await;
    let c = challenge(&url2, addr(81)).await;
    let other_on_62 = reanswer(&c, &key(81), Some(62)).await;
    assert_eq!(rejection(&url2, &other_on_62).await, "device_bound");
    assert_eq!(rejection(&url2, &real).await, "challenge_used");
}
