//! Attacks with more than one machine or more than one device on a machine,
//! over real HTTP with answers computed on this machine's Vulkan device
//! (lavapipe without a GPU): made-up device ids for several workers on one
//! machine, and one device key answering from a second machine. A second
//! machine is a client bound to another loopback address (127.0.0.2), which
//! the service sees as another network address.

mod common;

use std::net::{IpAddr, Ipv4Addr};
use std::time::Duration;

use common::*;
use lumen_relayer::attest;
use lumen_relayer::protocol::{
    Challenge, ChallengeRequest, LivenessAnswer, LivenessPoll, LivenessTask, Opening, Rejected,
};
use lumen_relayer::service::Timing;
use lumen_sdk::AccountAddress;

/// An HTTP client on "another machine": its connections come from 127.0.0.2.
fn other_machine() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .local_address(IpAddr::V4(Ipv4Addr::new(127, 0, 0, 2)))
        .build()
        .unwrap()
}

/// POSTs `body` to `url` + `path` with `client`: the answer's JSON, or the
/// refusal's reason code.
async fn post<B: serde::Serialize, T: serde::de::DeserializeOwned>(
    client: &reqwest::Client,
    url: &str,
    path: &str,
    body: &B,
) -> Result<T, String> {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let resp = client
        .post(format!("{url}{path}"))
        .json(body)
        .send()
        .await
        .unwrap();
    if resp.status().is_success() {
        Ok(resp.json().await.unwrap())
    } else {
        Err(resp.json::<Rejected>().await.unwrap().reason)
    }
}

fn request(worker: AccountAddress, claimed_score: u64) -> ChallengeRequest {
    ChallengeRequest {
        worker,
        claimed_score,
        vram_mb: VRAM_MB,
        nonce: None,
    }
}

/// This device's speed, micro-units: the best of three timed answers.
async fn device_speed(url: &str, worker: AccountAddress) -> u64 {
    let mut best = 0;
    for _ in 0..3 {
        let c = challenge(url, worker).await;
        let started = std::time::Instant::now();
        work(&c).await;
        best = best.max(c.work.score_micro(started.elapsed().as_secs_f64()));
    }
    best
}

#[tokio::test]
async fn invented_device_ids_on_one_machine_are_not_all_attested() {
    let dir = tempfile::tempdir().unwrap();
    let mut cfg = config(0);
    // Work for 1 s at the claim; an answer may take twice that, no more.
    cfg.timing = Timing {
        target_secs: 1.0,
        min_speed: 0.5,
        latency_allowance: Duration::ZERO,
        open_within: Duration::from_secs(5),
        rounds: 1,
    };
    cfg.policy.one_machine_per_address = true;
    let (url, _svc) = start(dir.path(), cfg).await;
    // The speed measured by a worker that is never attested (its
    // challenges go unanswered).
    let claim = device_speed(&url, addr(40)).await;

    // Five workers, each naming a device of its own (a made-up UUID), all
    // answering with this one device, one after another, each claiming a
    // quarter of its speed (time to spare).
    let workers: Vec<u8> = (41..46).collect();
    let mut attested = Vec::new();
    for &n in &workers {
        let c: Challenge = match post(
            &reqwest::Client::new(),
            &url,
            "/v1/challenges",
            &request(addr(n), claim / 4),
        )
        .await
        {
            Ok(c) => c,
            Err(reason) => {
                assert_eq!(reason, "machine_round", "worker {n}");
                continue;
            }
        };
        let sub = reanswer(&c, &key(n), Some(n)).await;
        if attest::send_submission(&url, &sub).await.is_ok() {
            attested.push(n);
        }
    }
    assert!(
        attested.len() < workers.len(),
        "every invented device was attested: {attested:?}"
    );
    // The first was attested; the others were sent to a round with it.
    assert_eq!(attested, [workers[0]]);
    let requests = |ns: &[u8]| ns.iter().map(|&n| request(addr(n), claim)).collect();
    match attest::request_round(&url, requests(&workers[1..])).await {
        Err(attest::AttestError::Rejected { reason, .. }) => assert_eq!(reason, "machine_round"),
        other => panic!("a round without the attested worker: {other:?}"),
    }
    // The round of all five at the device's speed, issued at one instant:
    // the one device answers in turn as fast as it can, and the answers
    // after the second miss the deadline (twice what the claim needs).
    let round = attest::request_round(&url, requests(&workers))
        .await
        .unwrap();
    let mut in_time = Vec::new();
    for (c, &n) in round.iter().zip(&workers) {
        let sub = reanswer(c, &key(n), Some(n)).await;
        match attest::send_submission(&url, &sub).await {
            Ok(a) => in_time.push((n, a.score)),
            Err(attest::AttestError::Rejected { reason, .. }) => {
                assert_eq!(reason, "challenge_expired", "worker {n}")
            }
            Err(e) => panic!("worker {n}: {e}"),
        }
    }
    assert!(
        in_time.len() < workers.len(),
        "one device answered for five in time: {in_time:?} at {claim}"
    );
}

#[tokio::test]
async fn a_second_machine_with_the_same_key_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (url, _svc) = start(dir.path(), config(600)).await;
    let b = other_machine();
    let (worker, k) = (addr(50), key(50));

    // Machine A holds a challenge for the worker; machine B, with a copy of
    // the device key, asks for one too.
    let c = challenge(&url, worker).await;
    let from_b = post::<_, Challenge>(&b, &url, "/v1/challenges", &request(worker, CLAIM)).await;
    match from_b {
        Err(reason) => assert_eq!(reason, "other_machine"),
        Ok(cb) => {
            // Answered from machine B on a device of its own.
            let sub = reanswer(&cb, &k, Some(2)).await;
            let accepted =
                post::<_, serde_json::Value>(&b, &url, "/v1/reports", &sub.submission).await;
            panic!("machine B got a challenge for the same key and its answer: {accepted:?}");
        }
    }
    // Machine A's challenge answered by machine B: refused, and used up.
    let sub = reanswer(&c, &k, Some(2)).await;
    assert_eq!(
        post::<_, serde_json::Value>(&b, &url, "/v1/reports", &sub.submission)
            .await
            .unwrap_err(),
        "other_machine"
    );
    assert_eq!(rejection(&url, &sub).await, "challenge_used");
    // Machine A attests; its openings sent from machine B are refused and
    // spoil nothing.
    let c = challenge(&url, worker).await;
    let sub = answer(&c, &k).await;
    let picked = attest::commit(&url, &sub.submission).await.unwrap();
    let opening = Opening {
        challenge_id: picked.challenge_id,
        worker,
        openings: sub.worked.open(&picked.picks).unwrap(),
        earlier: Vec::new(),
    };
    assert_eq!(
        post::<_, serde_json::Value>(&b, &url, "/v1/reports/openings", &opening)
            .await
            .unwrap_err(),
        "other_machine"
    );
    attest::send_opening(&url, &opening).await.unwrap();

    // Liveness: machine B's polls and answers are refused; machine A's count.
    let poll = LivenessPoll { worker };
    assert_eq!(
        post::<_, LivenessTask>(&b, &url, "/v1/liveness", &poll)
            .await
            .unwrap_err(),
        "other_machine"
    );
    let live = match attest::liveness_poll(&url, worker).await.unwrap() {
        LivenessTask::Challenge(l) => l,
        other => panic!("the first poll after attesting is challenged: {other:?}"),
    };
    let worked = work_for(&live).await;
    let signed = LivenessAnswer::sign(&live, worked.answer.clone(), &k);
    assert_eq!(
        post::<_, serde_json::Value>(&b, &url, "/v1/liveness/answers", &signed)
            .await
            .unwrap_err(),
        "other_machine"
    );
    attest::send_liveness(&url, &signed, &worked).await.unwrap();
}
