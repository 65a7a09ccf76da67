//! Attacks on the attester service, over real HTTP with answers computed on
//! this machine's Vulkan device (lavapipe without a GPU): the worker's own
//! figures, a relabelled CPU device, oversized work, replays and late
//! answers earn nothing beyond what the device's measured speed gives.

mod common;

use std::time::Duration;

use common::*;
use lumen_relayer::attest;
use lumen_relayer::attest::SignedAnswer;
use lumen_relayer::bench::fingerprint::Fingerprint;
use lumen_relayer::protocol::{Challenge, Opening, Picked};
use lumen_relayer::work::{Worked, MAX_CLAIM_MICRO, MAX_PROVEN_MB};
use lumen_sdk::Package;

/// RTX 5090's score in micro-units.
const RTX_5090: u64 = 10_690_000;

/// An answer to `c` made without doing the work: commitments over made-up
/// outputs, opened honestly, on a fingerprint relabelled as an RTX 5090.
fn fabricated(c: &Challenge, n: u8, mut fingerprint: Fingerprint) -> SignedAnswer {
    let seed: [u8; 32] = hex::decode(&c.seed).unwrap().try_into().unwrap();
    let junk = |n: u32| {
        (0..n)
            .map(|i| i.wrapping_mul(0x9E37_79B9))
            .collect::<Vec<_>>()
    };
    fingerprint.name = "NVIDIA GeForce RTX 5090".into();
    fingerprint.device_type = "discrete_gpu".into();
    let worked = Worked::new(
        fingerprint,
        &c.work,
        &seed,
        junk(c.work.hash_items),
        junk(c.work.walkers),
    )
    .unwrap();
    attest::signed_submission(c, worked, &Package::DEV, &key(n), now())
}

#[tokio::test]
async fn figures_the_worker_adds_are_ignored_and_the_score_is_measured() {
    let dir = tempfile::tempdir().unwrap();
    let (url, svc) = start(dir.path(), config(600)).await;
    let c = challenge(&url, addr(1)).await;
    let sub = answer(&c, &key(1)).await;
    // The old report's figures and score, made up and sent along.
    let mut body = serde_json::to_value(&sub.submission).unwrap();
    body["score"] = serde_json::json!(87_000_000u64);
    body["result"] = serde_json::json!({ "figures": { "int32_tops": 400.0 }, "score": 87.0 });
    let _ = rustls::crypto::ring::default_provider().install_default();
    let resp = reqwest::Client::new()
        .post(format!("{url}/v1/reports"))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 200);
    let picked: Picked = resp.json().await.unwrap();
    let opening = Opening {
        challenge_id: picked.challenge_id,
        worker: addr(1),
        openings: sub.worked.open(&picked.picks).unwrap(),
        earlier: Vec::new(),
    };
    let accepted = attest::send_opening(&url, &opening).await.unwrap();
    // The score is the work over the time the service measured itself.
    let jobs = svc.queue().all().unwrap();
    let queued = match &jobs[0].kind {
        lumen_relayer::queue::JobKind::Attest { score, .. } => *score,
        other => panic!("{other:?}"),
    };
    assert_eq!(queued, accepted.score);
    assert_eq!(
        accepted.score,
        c.work.score_micro(accepted.elapsed_ms as f64 / 1e3)
    );
    assert!(
        accepted.score < 1_000_000,
        "{} for a CPU device",
        accepted.score
    );
}

#[tokio::test]
async fn a_relabelled_cpu_device_claiming_a_big_gpu_earns_nothing() {
    let dir = tempfile::tempdir().unwrap();
    // Time enough to hash made-up outputs in a debug build, nowhere near
    // enough for this device to do the work.
    let (url, _svc) = start(dir.path(), config(10)).await;
    let device = lumen_relayer::bench::pick_device(None).unwrap();
    let fingerprint = Fingerprint::of(&device);
    // Claiming an RTX 5090 with 32 GiB: the work is sized for that card
    // (and the memory proven is capped), far beyond this device.
    let c = attest::request_challenge(&url, addr(2), RTX_5090, 32_768)
        .await
        .unwrap();
    assert_eq!(c.work.vram_mb, MAX_PROVEN_MB);
    assert!(c.work.expected_secs() < 1.0 && c.deadline_ms < 20_000);
    // Without doing the work, the sampled items give it away.
    assert_eq!(
        rejection(&url, &fabricated(&c, 2, fingerprint)).await,
        "wrong_checksum"
    );

    // Relabelled but claiming what the device does: accepted at the
    // device's own measured score, nowhere near the card it names.
    let c = challenge(&url, addr(2)).await;
    let mut a = work(&c).await;
    a.answer.fingerprint.name = "NVIDIA GeForce RTX 5090".into();
    a.answer.fingerprint.device_type = "discrete_gpu".into();
    let sub = attest::signed_submission(&c, a, &Package::DEV, &key(2), now());
    let accepted = attest::send_submission(&url, &sub).await.unwrap();
    assert!(accepted.score < RTX_5090 / 100, "{}", accepted.score);
}

#[tokio::test]
async fn a_device_slower_than_its_claim_cannot_answer_in_time() {
    let dir = tempfile::tempdir().unwrap();
    let (url, _svc) = start(dir.path(), config(1)).await;
    // The device's speed: the best of three timed runs of the tests' work.
    let mut best = 0;
    for _ in 0..3 {
        let c = challenge(&url, addr(3)).await;
        let started = std::time::Instant::now();
        work(&c).await;
        best = best.max(c.work.score_micro(started.elapsed().as_secs_f64()));
    }
    // Fifteen times that: the honest work takes about 4.5 s, the deadline
    // allows 1.5 s and 1 s of latency.
    let claim = (best * 15).min(MAX_CLAIM_MICRO);
    let c = attest::request_challenge(&url, addr(3), claim, VRAM_MB)
        .await
        .unwrap();
    let sub = answer(&c, &key(3)).await;
    assert_eq!(rejection(&url, &sub).await, "challenge_expired");
}

#[tokio::test]
async fn oversized_work_claims_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (url, _svc) = start(dir.path(), config(600)).await;
    // A claim beyond any device would size work (and verification) past
    // the bounds: refused when asked.
    for (claim, vram) in [(MAX_CLAIM_MICRO + 1, 1), (CLAIM, 0), (0, 1)] {
        match attest::request_challenge(&url, addr(4), claim, vram).await {
            Err(attest::AttestError::Rejected { reason, .. }) => assert_eq!(reason, "bad_request"),
            other => panic!("claim {claim} {vram} MiB: {other:?}"),
        }
    }
    // An answer that says it did more work than asked (more rounds, more
    // items, more steps) is not the challenge's.
    let c = challenge(&url, addr(4)).await;
    let honest = answer(&c, &key(4)).await;
    let mut more = again(&url, &honest, &key(4)).await;
    more.answer.hash.items *= 2;
    more.answer.hash.rounds *= 2;
    assert_eq!(rejection(&url, &more).await, "challenge_mismatch");
    let mut steps = again(&url, &honest, &key(4)).await;
    steps.answer.walk.rounds *= 2;
    assert_eq!(rejection(&url, &steps).await, "challenge_mismatch");
    attest::send_submission(&url, &honest).await.unwrap();
}

#[tokio::test]
async fn replays_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (url, _svc) = start(dir.path(), config(600)).await;
    let c = challenge(&url, addr(5)).await;
    let sub = answer(&c, &key(5)).await;
    attest::send_submission(&url, &sub).await.unwrap();
    assert_eq!(rejection(&url, &sub).await, "challenge_used");
    // The same work answering a fresh challenge: other seeds, other sizes.
    let c2 = challenge(&url, addr(5)).await;
    let mut replayed = sub.clone();
    replayed.challenge_id = c2.id.clone();
    replayed.report.nonce = c2.nonce;
    let replayed = resigned(replayed, &key(5));
    assert_eq!(rejection(&url, &replayed).await, "challenge_mismatch");
}

#[tokio::test]
async fn a_late_answer_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (url, _svc) = start(dir.path(), config(1)).await;
    let c = challenge(&url, addr(6)).await;
    let sub = answer(&c, &key(6)).await;
    tokio::time::sleep(Duration::from_millis(c.deadline_ms + 100)).await;
    assert_eq!(rejection(&url, &sub).await, "challenge_expired");
    // It used the challenge up: no second try on the same seed.
    assert_eq!(rejection(&url, &sub).await, "challenge_used");
}

#[tokio::test]
async fn late_openings_are_refused_and_use_the_challenge_up() {
    let dir = tempfile::tempdir().unwrap();
    let mut cfg = config(600);
    cfg.timing.open_within = Duration::from_millis(300);
    let (url, _svc) = start(dir.path(), cfg).await;
    let c = challenge(&url, addr(7)).await;
    let sub = answer(&c, &key(7)).await;
    // The commitment in time; the openings long after the picks: time
    // enough to compute whatever was picked, too late to count.
    let picked = attest::commit(&url, &sub.submission).await.unwrap();
    tokio::time::sleep(Duration::from_millis(600)).await;
    let opening = Opening {
        challenge_id: picked.challenge_id,
        worker: addr(7),
        openings: sub.worked.open(&picked.picks).unwrap(),
        earlier: Vec::new(),
    };
    match attest::send_opening(&url, &opening).await {
        Err(attest::AttestError::Rejected { reason, .. }) => assert_eq!(reason, "opening_late"),
        other => panic!("{other:?}"),
    }
    // No second commitment, so no second draw of picks.
    assert_eq!(rejection(&url, &sub).await, "challenge_used");
    match attest::send_opening(&url, &opening).await {
        Err(attest::AttestError::Rejected { reason, .. }) => assert_eq!(reason, "challenge_used"),
        other => panic!("{other:?}"),
    }
}
