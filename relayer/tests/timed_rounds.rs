//! Challenges of several timed rounds over real HTTP on the machine's
//! Vulkan device: the rounds start on the attester's schedule, every round
//! is checked, the median round is scored, and a worker that makes up a
//! round, computes ahead, replays a round or answers one late is refused.

mod common;

use std::time::{Duration, Instant};

use common::*;
use lumen_relayer::attest::{self, SignedAnswer};
use lumen_relayer::protocol::{Challenge, Committed, NextRound, Opening, Picked};
use lumen_relayer::service::ServiceConfig;
use lumen_relayer::work::Worked;
use lumen_sdk::Package;

/// Test settings with three rounds; an answer may take five times the
/// work's expected time plus `allowance_secs`.
fn three_rounds(allowance_secs: u64) -> ServiceConfig {
    let mut cfg = config(allowance_secs);
    cfg.timing.rounds = 3;
    cfg
}

/// `c` with the seeds of a later round.
fn round_of(c: &Challenge, next: &NextRound) -> Challenge {
    let mut r = c.clone();
    r.seed = next.seed.clone();
    r.work.mem_seed = next.mem_seed.clone();
    r
}

/// The signed submission of `worked` for round `round` of `c`.
fn submission(c: &Challenge, worked: Worked, round: u32) -> SignedAnswer {
    let mut sub = attest::signed_submission(c, worked, &Package::DEV, &key(c.worker_n()), now());
    sub.submission.round = round;
    sub
}

trait WorkerKey {
    fn worker_n(&self) -> u8;
}

impl WorkerKey for Challenge {
    /// The test key of the challenge's worker (workers 20 to 29 here).
    fn worker_n(&self) -> u8 {
        (20..30)
            .find(|&n| addr(n) == self.worker)
            .expect("a test worker")
    }
}

async fn next(url: &str, sub: &SignedAnswer) -> NextRound {
    match attest::commit_round(url, &sub.submission).await.unwrap() {
        Committed::Next(n) => n,
        Committed::Picked(p) => panic!("expected the next round, got picks {p:?}"),
    }
}

async fn picked(url: &str, sub: &SignedAnswer) -> Picked {
    match attest::commit_round(url, &sub.submission).await.unwrap() {
        Committed::Picked(p) => p,
        Committed::Next(n) => panic!("expected picks, got round {}", n.round),
    }
}

async fn refused(url: &str, sub: &SignedAnswer) -> String {
    match attest::commit_round(url, &sub.submission).await {
        Err(attest::AttestError::Rejected { reason, .. }) => reason,
        other => panic!("expected a rejection, got {other:?}"),
    }
}

/// Opens every round's picked outputs.
fn opening(c: &Challenge, p: &Picked, rounds: &[Worked]) -> Opening {
    let (last, earlier) = rounds.split_last().unwrap();
    Opening {
        challenge_id: c.id.clone(),
        worker: c.worker,
        openings: last.open(&p.picks).unwrap(),
        earlier: earlier
            .iter()
            .zip(&p.earlier)
            .map(|(w, p)| w.open(p).unwrap())
            .collect(),
    }
}

/// Commits round 0's work (the first of `rounds`), then answers rounds 1
/// and 2 of a three-round challenge honestly, each on the seeds its round
/// released; returns the picks drawn for the last commitment.
async fn answer_rounds(url: &str, c: &Challenge, rounds: &mut Vec<Worked>) -> Picked {
    let mut round = c.clone();
    for r in 1..3u32 {
        let n = next(
            url,
            &submission(&round, rounds.last().unwrap().clone(), r - 1),
        )
        .await;
        round = round_of(c, &n);
        rounds.push(work(&round).await);
    }
    picked(url, &submission(&round, rounds.last().unwrap().clone(), 2)).await
}

#[tokio::test]
async fn rounds_start_on_the_schedule_and_the_median_round_is_scored() {
    let dir = tempfile::tempdir().unwrap();
    let (url, svc) = start(dir.path(), three_rounds(1)).await;
    let c = challenge(&url, addr(20)).await;
    let issued = Instant::now();
    assert_eq!(c.rounds, 3);
    let mut rounds = vec![work(&c).await];
    let mut round = c.clone();
    for r in 1..3u32 {
        let sub = submission(&round, rounds.last().unwrap().clone(), r - 1);
        let n = next(&url, &sub).await;
        assert_eq!(n.round, r);
        // The seeds leave at the round's start: one deadline apart.
        let due = Duration::from_millis(r as u64 * c.deadline_ms);
        assert!(issued.elapsed() + Duration::from_millis(50) >= due);
        assert_ne!(n.seed, round.seed);
        round = round_of(&c, &n);
        rounds.push(work(&round).await);
    }
    let sub = submission(&round, rounds.last().unwrap().clone(), 2);
    let p = picked(&url, &sub).await;
    assert_eq!(p.earlier.len(), 2);
    let accepted = attest::send_opening(&url, &opening(&c, &p, &rounds))
        .await
        .unwrap();
    assert!(accepted.score > 0);
    assert!(accepted.elapsed_ms <= c.deadline_ms);
    assert_eq!(svc.queue().all().unwrap().len(), 1);
    // The challenge is used: its first round again is refused.
    let again = submission(&c, rounds[0].clone(), 0);
    assert_eq!(refused(&url, &again).await, "challenge_used");
}

#[tokio::test]
async fn a_made_up_fast_round_fails_its_openings() {
    let dir = tempfile::tempdir().unwrap();
    let (url, svc) = start(dir.path(), three_rounds(1)).await;
    let c = challenge(&url, addr(21)).await;
    // Round 0 committed at once with made-up outputs: the fastest round.
    let honest = work(&c).await;
    let seed: [u8; 32] = hex::decode(&c.seed).unwrap().try_into().unwrap();
    let fake = Worked::new(
        honest.answer.fingerprint.clone(),
        &c.work,
        &seed,
        vec![7; c.work.hash_items as usize],
        vec![7; c.work.walkers as usize],
    )
    .unwrap();
    let mut rounds = vec![fake];
    let p = answer_rounds(&url, &c, &mut rounds).await;
    match attest::send_opening(&url, &opening(&c, &p, &rounds)).await {
        Err(attest::AttestError::Rejected { reason, .. }) => assert_eq!(reason, "wrong_checksum"),
        other => panic!("expected a rejection, got {other:?}"),
    }
    assert!(svc.queue().all().unwrap().is_empty());
}

#[tokio::test]
async fn computing_ahead_replaying_or_skipping_a_round_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (url, _svc) = start(dir.path(), three_rounds(1)).await;

    // Round 1 answered with round 0's work (computed before its seeds
    // were out): the seeds do not match, and the challenge is used up.
    let c = challenge(&url, addr(22)).await;
    let first = work(&c).await;
    next(&url, &submission(&c, first.clone(), 0)).await;
    let ahead = submission(&c, first.clone(), 1);
    assert_eq!(refused(&url, &ahead).await, "challenge_mismatch");
    assert_eq!(refused(&url, &ahead).await, "challenge_used");

    // Round 0's commitment sent again after round 0: a replay.
    let c = challenge(&url, addr(23)).await;
    let first = work(&c).await;
    let sub = submission(&c, first, 0);
    next(&url, &sub).await;
    assert_eq!(refused(&url, &sub).await, "challenge_mismatch");

    // A round number that skips ahead.
    let c = challenge(&url, addr(24)).await;
    let skip = submission(&c, work(&c).await, 2);
    assert_eq!(refused(&url, &skip).await, "challenge_mismatch");

    // Openings that leave an earlier round out.
    let c = challenge(&url, addr(25)).await;
    let mut rounds = vec![work(&c).await];
    let p = answer_rounds(&url, &c, &mut rounds).await;
    let mut o = opening(&c, &p, &rounds);
    o.earlier.pop();
    match attest::send_opening(&url, &o).await {
        Err(attest::AttestError::Rejected { reason, .. }) => assert_eq!(reason, "wrong_checksum"),
        other => panic!("expected a rejection, got {other:?}"),
    }
}

#[tokio::test]
async fn a_late_round_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (url, _svc) = start(dir.path(), three_rounds(1)).await;
    let c = challenge(&url, addr(26)).await;
    let first = work(&c).await;
    let n = next(&url, &submission(&c, first, 0)).await;
    let round = round_of(&c, &n);
    let second = work(&round).await;
    // Past round 1's deadline, counted from its start.
    tokio::time::sleep(Duration::from_millis(n.deadline_ms + 200)).await;
    let late = submission(&round, second, 1);
    assert_eq!(refused(&url, &late).await, "challenge_expired");
}

#[tokio::test]
async fn the_attest_client_answers_every_round() {
    let dir = tempfile::tempdir().unwrap();
    let (url, svc) = start(dir.path(), three_rounds(1)).await;
    ready().await;
    let c = attest::request_challenge(&url, addr(27), CLAIM, VRAM_MB)
        .await
        .unwrap();
    let device = lumen_relayer::bench::answer::WorkDevice::prepare(None, VRAM_MB).unwrap();
    let (_device, answered) = attest::answer_rounds(&url, device, &c, &Package::DEV, &key(27))
        .await
        .unwrap();
    assert_eq!(answered.rounds.len(), 3);
    assert!(answered.accepted.score > 0);
    assert_eq!(svc.queue().all().unwrap().len(), 1);
}
