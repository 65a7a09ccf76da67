//! The attester service over real HTTP with real benchmark results from the
//! machine's Vulkan device: each kind of bad report is rejected with its reason.

mod common;

use common::*;
use lumen_relayer::attest;
use lumen_relayer::protocol::{LivenessAnswer, LivenessTask};
use lumen_relayer::work::Worked;

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
    let jobs = svc.queue().all().unwrap();
    assert_eq!(jobs.len(), 1);
    assert_eq!(jobs[0].key, format!("attest:{}", c.id));

    // The same challenge again: refused, nothing new queued.
    assert_eq!(rejection(&url, &sub).await, "challenge_used");
    assert_eq!(svc.queue().all().unwrap().len(), 1);

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

    // A picked item's value changed (each try on a challenge of its own:
    // a refused signed answer uses its challenge up).
    let wrong = again(&url, &sub, &key(4)).await;
    let reason = tampered(&url, &wrong, |o| {
        let s = &mut o.hash[0];
        let i = s.index as usize % s.chunk.len();
        s.chunk[i] ^= 0x8000_0000;
    })
    .await;
    assert_eq!(reason, "wrong_checksum");

    // A made-up root: the openings do not lead to it.
    let mut wrong_root = again(&url, &sub, &key(4)).await;
    wrong_root.answer.hash.root = hex::encode([7u8; 32]);
    let wrong_root = resigned(wrong_root, &key(4));
    assert_eq!(tampered(&url, &wrong_root, |_| {}).await, "wrong_checksum");

    // An opening of another item than the picked one.
    let moved = again(&url, &sub, &key(4)).await;
    let reason = tampered(&url, &moved, |o| o.walk[0].index ^= 1).await;
    assert_eq!(reason, "wrong_checksum");

    // Benchmark run with another seed than the challenge's.
    let mut other = challenge(&url, addr(4)).await;
    let id = other.id.clone();
    other.seed = hex::encode([1u8; 32]);
    let mut other_seed = reanswer(&other, &key(4), None).await;
    other_seed.challenge_id = id;
    let other_seed = resigned(other_seed, &key(4));
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
async fn uptime_is_credited_only_for_liveness_challenges_the_device_answered_in_time() {
    let dir = tempfile::tempdir().unwrap();
    let (url, _svc) = start(dir.path(), config(1)).await;
    // Liveness work is sized from this service's attestation: none yet.
    assert_eq!(
        refused(attest::liveness_poll(&url, addr(10)).await),
        "not_attested"
    );
    let c = challenge(&url, addr(10)).await;
    attest::send_submission(&url, &answer(&c, &key(10)).await)
        .await
        .unwrap();
    let due = || async {
        loop {
            match attest::liveness_poll(&url, addr(10)).await.unwrap() {
                LivenessTask::Challenge(c) => return c,
                LivenessTask::Wait { wait_ms } => {
                    tokio::time::sleep(std::time::Duration::from_millis(wait_ms)).await
                }
            }
        }
    };

    // A script with the worker's device key but no device: made-up outputs.
    let l = due().await;
    let seed: [u8; 32] = hex::decode(&l.seed).unwrap().try_into().unwrap();
    let junk = |n: u32| (0..n).collect::<Vec<u32>>();
    let fingerprint = work(&c).await.answer.fingerprint;
    let fake = Worked::new(
        fingerprint,
        &l.work,
        &seed,
        junk(l.work.hash_items),
        junk(l.work.walkers),
    )
    .unwrap();
    let signed = LivenessAnswer::sign(&l, fake.answer.clone(), &key(10));
    assert_eq!(
        refused(attest::send_liveness(&url, &signed, &fake).await),
        "wrong_checksum"
    );
    // Signed by another key: refused, and the challenge stays open.
    let l = due().await;
    let worked = work_for(&l).await;
    let a = LivenessAnswer::sign(&l, worked.answer.clone(), &key(11));
    let mut forged = a.clone();
    forged.public_key = hex::encode(key(10).public_key().to_bytes());
    assert_eq!(
        refused(attest::send_liveness(&url, &forged, &worked).await),
        "bad_signature"
    );
    // Answered late: no credit, and the online stretch starts over.
    tokio::time::sleep(std::time::Duration::from_millis(l.deadline_ms + 100)).await;
    let late = LivenessAnswer::sign(&l, a.answer, &key(10));
    assert_eq!(
        refused(attest::send_liveness(&url, &late, &worked).await),
        "challenge_expired"
    );

    // The device answering: the first answer opens a stretch, each later
    // one is credited the time since the previous (1 to 3 s apart).
    let mut acks = Vec::new();
    attest::stay_live(&url, addr(10), &key(10), None, Some(3), |ack| {
        acks.push(ack.unwrap())
    })
    .await
    .unwrap();
    assert_eq!(acks[0].credited_secs, 0, "{acks:?}");
    for ack in &acks[1..] {
        assert!((1..=4).contains(&ack.credited_secs), "{acks:?}");
    }
    assert!(acks[2].online_secs >= 2 || acks[2].epoch != acks[1].epoch);
}

/// The reason of a refusal.
fn refused<T: std::fmt::Debug>(r: Result<T, attest::AttestError>) -> String {
    match r {
        Err(attest::AttestError::Rejected { reason, .. }) => reason,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[tokio::test]
async fn a_report_that_does_not_match_its_challenge_is_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let (url, _svc) = start(dir.path(), config(600)).await;
    let c = challenge(&url, addr(12)).await;
    let sub = answer(&c, &key(12)).await;
    let resign = |s| resigned(s, &key(12));
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
    assert_eq!(rejection(&url, &resign(theirs)).await, "challenge_mismatch");
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
    let jobs = svc.queue().all().unwrap();
    assert_eq!(jobs.len(), 13);

    // A replay of an accepted report is "used".
    assert_eq!(rejection(&url, &real).await, "challenge_used");
    // The queue reads back the same from the database (group commits included).
    let reopened = lumen_relayer::queue::Queue::open(dir.path().join("attester.db")).unwrap();
    assert_eq!(reopened.all().unwrap(), jobs);

    // A restarted service knows the bindings and the used challenges from
    // the rows its group commits wrote.
    let (url2, _svc2) = start(dir.path(), config(600)).await;
    let c = challenge(&url2, addr(81)).await;
    let other_on_62 = reanswer(&c, &key(81), Some(62)).await;
    assert_eq!(rejection(&url2, &other_on_62).await, "device_bound");
    assert_eq!(rejection(&url2, &real).await, "challenge_used");
}
