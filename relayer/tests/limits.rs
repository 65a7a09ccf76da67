//! The attester service under abuse, over real HTTP: a refused answer
//! cannot be retried on its seed, oversized input is refused by its length
//! and never echoed, open challenges and request time are bounded, every
//! refusal has the one error shape, and nothing defaults to a network.

mod common;

use std::time::Duration;

use common::*;
use lumen_relayer::attest::{self, AttestError, AttestOptions};
use lumen_relayer::protocol::{Opening, Submission};
use lumen_relayer::service::{Limits, MAX_ROUNDS};
use lumen_relayer::work::Openings;
use lumen_sdk::{AccountAddress, Package};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// Posts `body` (raw bytes) to `path`: the status and the body as text.
async fn post_raw(url: &str, path: &str, body: Vec<u8>) -> (u16, String) {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let resp = reqwest::Client::new()
        .post(format!("{url}{path}"))
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    (resp.status().as_u16(), resp.text().await.unwrap())
}

/// The reason of a refusal in the one error shape (`{reason, message}`).
fn reason(body: &str) -> String {
    let v: serde_json::Value = serde_json::from_str(body).expect("the error shape is JSON");
    assert!(v["message"].as_str().is_some_and(|m| !m.is_empty()), "{v}");
    v["reason"].as_str().expect("a reason").to_string()
}

fn resign(s: Submission, n: u8) -> Submission {
    s.resigned(&Package::DEV, &key(n))
}

#[tokio::test]
async fn a_refused_signed_answer_uses_its_challenge_up() {
    let dir = tempfile::tempdir().unwrap();
    let (url, svc) = start(dir.path(), config(600)).await;
    let c = challenge(&url, addr(20)).await;
    let honest = answer(&c, &key(20)).await;
    // First try: a made-up value opened for the commitment the worker's
    // device signed.
    let reason = tampered(&url, &honest, |o| {
        let s = &mut o.hash[0];
        let i = s.index as usize % s.chunk.len();
        s.chunk[i] ^= 1;
    })
    .await;
    assert_eq!(reason, "wrong_checksum");
    // Second try on the same seed, now with the honest answer: too late.
    assert_eq!(rejection(&url, &honest).await, "challenge_used");
    assert!(svc.queue().all().unwrap().is_empty());

    // An answer the worker's device did not sign spoils nothing: anyone
    // holding the id could send one.
    let good = again(&url, &honest, &key(20)).await;
    let mut forged = good.clone();
    forged.signature = hex::encode(good.report.sign(&Package::DEV, &key(21)).to_bytes());
    assert_eq!(rejection(&url, &forged).await, "bad_signature");
    attest::send_submission(&url, &good).await.unwrap();
    assert_eq!(svc.queue().all().unwrap().len(), 1);
}

#[tokio::test]
async fn oversized_fields_are_refused_by_their_length_and_never_echoed() {
    let dir = tempfile::tempdir().unwrap();
    let (url, svc) = start(dir.path(), config(600)).await;
    let c = challenge(&url, addr(22)).await;
    let sub = answer(&c, &key(22)).await;
    let huge = "A".repeat(20_000);
    let no_echo = |body: &str| {
        assert!(body.len() < 600, "{} bytes answered", body.len());
        assert!(!body.contains("AAAAAAAAAA"), "{body}");
    };

    // A device name past the contract's 128 bytes, properly signed.
    let mut model = again(&url, &sub, &key(22)).await;
    model.report.gpu_model = huge.clone();
    model.answer.fingerprint.name = huge.clone();
    let (status, body) = post_raw(
        &url,
        "/v1/reports",
        serde_json::to_vec(&resign(model.submission, 22)).unwrap(),
    )
    .await;
    assert_eq!((status, reason(&body).as_str()), (400, "bad_request"));
    assert!(body.contains("128"), "{body}");
    no_echo(&body);

    // A device id past 128 bytes.
    let mut device = again(&url, &sub, &key(22)).await;
    device.report.device_id = vec![0xaa; 129];
    let (status, body) = post_raw(
        &url,
        "/v1/reports",
        serde_json::to_vec(&resign(device.submission, 22)).unwrap(),
    )
    .await;
    assert_eq!((status, reason(&body).as_str()), (400, "bad_request"));

    // A challenge id that is no challenge id.
    let mut id = sub.clone();
    id.challenge_id = huge.clone();
    let (status, body) = post_raw(
        &url,
        "/v1/reports",
        serde_json::to_vec(&id.submission).unwrap(),
    )
    .await;
    assert_eq!((status, reason(&body).as_str()), (400, "bad_request"));
    no_echo(&body);

    // A fingerprint past what the service holds with a commitment.
    let mut fat = sub.clone();
    fat.answer.fingerprint.driver_info = Some("A".repeat(8_000));
    let fat = serde_json::to_vec(&fat.submission).unwrap();
    let (status, body) = post_raw(&url, "/v1/reports", fat).await;
    assert_eq!((status, reason(&body).as_str()), (400, "bad_request"));
    no_echo(&body);

    // A body past the limit.
    let mut big = sub.clone();
    big.answer.fingerprint.driver_info = Some("A".repeat(Limits::default().max_body_bytes));
    let (status, body) = post_raw(
        &url,
        "/v1/reports",
        serde_json::to_vec(&big.submission).unwrap(),
    )
    .await;
    assert_eq!((status, reason(&body).as_str()), (413, "body_too_large"));
    no_echo(&body);

    // None of it used the honest answer's challenge.
    assert!(svc.queue().all().unwrap().is_empty());
    attest::send_submission(&url, &sub).await.unwrap();
}

#[tokio::test]
async fn the_largest_honest_openings_are_read_whatever_their_size() {
    // The most rounds of the largest work, every value at its widest: far past
    // the general body limit, and an honest answer's shape. Read (then
    // refused for the unknown challenge), not refused for its size.
    let dir = tempfile::tempdir().unwrap();
    let (url, _svc) = start(dir.path(), config(600)).await;
    let largest = Opening {
        challenge_id: "ab".repeat(16),
        worker: addr(30),
        openings: Openings::largest(),
        earlier: vec![Openings::largest(); MAX_ROUNDS as usize - 1],
    };
    let body = serde_json::to_vec(&largest).unwrap();
    assert!(
        body.len() > Limits::default().max_body_bytes,
        "{}",
        body.len()
    );
    assert!(body.len() <= Opening::largest_body_bytes(MAX_ROUNDS));
    for path in ["/v1/reports/openings", "/v1/liveness/openings"] {
        let (status, text) = post_raw(&url, path, body.clone()).await;
        assert_eq!(
            (status, reason(&text).as_str()),
            (404, "unknown_challenge"),
            "{path}"
        );
    }
    // Past the openings limit it is refused by its length.
    let mut padded = body.clone();
    padded.resize(Opening::body_limit(MAX_ROUNDS) + 1, b' ');
    let (status, text) = post_raw(&url, "/v1/reports/openings", padded).await;
    assert_eq!((status, reason(&text).as_str()), (413, "body_too_large"));
    // Every other route keeps the general limit.
    let (status, text) = post_raw(&url, "/v1/reports", body).await;
    assert_eq!((status, reason(&text).as_str()), (413, "body_too_large"));
}

#[tokio::test]
async fn malformed_bodies_unknown_paths_and_methods_answer_in_the_one_shape() {
    let dir = tempfile::tempdir().unwrap();
    let (url, _svc) = start(dir.path(), config(600)).await;
    let (status, body) = post_raw(&url, "/v1/reports", b"{".to_vec()).await;
    assert_eq!((status, reason(&body).as_str()), (400, "bad_request"));
    let (status, body) = post_raw(&url, "/v1/challenges", br#"{"worker": 5}"#.to_vec()).await;
    assert_eq!((status, reason(&body).as_str()), (422, "bad_request"));
    assert!(body.contains("worker"), "names the field: {body}");
    let (status, body) = post_raw(&url, "/v1/nothing", b"{}".to_vec()).await;
    assert_eq!((status, reason(&body).as_str()), (404, "not_found"));
    let resp = reqwest::get(format!("{url}/v1/reports")).await.unwrap();
    assert_eq!(resp.status().as_u16(), 405);
    assert_eq!(reason(&resp.text().await.unwrap()), "method_not_allowed");
}

#[tokio::test]
async fn open_challenges_are_bounded_per_worker_and_in_all() {
    let dir = tempfile::tempdir().unwrap();
    let mut cfg = config(600);
    cfg.limits.open_challenges_per_worker = 2;
    cfg.limits.open_challenges = 3;
    let (url, _svc) = start(dir.path(), cfg).await;
    let too_many = |r: Result<_, AttestError>| match r {
        Err(AttestError::Rejected { reason, .. }) => assert_eq!(reason, "too_many_challenges"),
        other => panic!("expected too_many_challenges, got {other:?}"),
    };
    for _ in 0..2 {
        challenge(&url, addr(40)).await;
    }
    too_many(attest::request_challenge(&url, addr(40), CLAIM, VRAM_MB).await);
    challenge(&url, addr(41)).await;
    // The service holds three: nobody gets a fourth.
    too_many(attest::request_challenge(&url, addr(42), CLAIM, VRAM_MB).await);
    let (status, body) = post_raw(
        &url,
        "/v1/challenges",
        serde_json::to_vec(&serde_json::json!({
            "worker": addr(43), "claimed_score": CLAIM, "vram_mb": VRAM_MB
        }))
        .unwrap(),
    )
    .await;
    assert_eq!(
        (status, reason(&body).as_str()),
        (429, "too_many_challenges")
    );
}

#[tokio::test]
async fn expired_challenges_stop_counting() {
    let dir = tempfile::tempdir().unwrap();
    let mut cfg = config(1);
    cfg.limits.open_challenges_per_worker = 1;
    let (url, _svc) = start(dir.path(), cfg).await;
    let c = challenge(&url, addr(44)).await;
    assert!(attest::request_challenge(&url, addr(44), CLAIM, VRAM_MB)
        .await
        .is_err());
    let wait = c.expires_at.saturating_sub(now()) + 1;
    tokio::time::sleep(Duration::from_secs(wait)).await;
    challenge(&url, addr(44)).await;
}

#[tokio::test]
async fn a_body_that_never_finishes_times_out() {
    let dir = tempfile::tempdir().unwrap();
    let mut cfg = config(600);
    cfg.limits.request_timeout = Duration::from_secs(1);
    let (url, _svc) = start(dir.path(), cfg).await;
    let mut conn = tokio::net::TcpStream::connect(url.trim_start_matches("http://"))
        .await
        .unwrap();
    conn.write_all(
        b"POST /v1/reports HTTP/1.1\r\nhost: attester\r\ncontent-type: application/json\r\n\
          content-length: 1000\r\n\r\n{\"challenge_id\":",
    )
    .await
    .unwrap();
    let mut answer = vec![0u8; 4096];
    let n = tokio::time::timeout(Duration::from_secs(10), conn.read(&mut answer))
        .await
        .expect("the service answers a stalled body within its timeout")
        .unwrap();
    let text = String::from_utf8_lossy(&answer[..n]);
    assert!(text.starts_with("HTTP/1.1 408"), "{text}");
    assert!(text.contains("\"reason\":\"timeout\""), "{text}");
}

#[tokio::test]
async fn attest_takes_the_package_from_the_service_and_refuses_another() {
    let dir = tempfile::tempdir().unwrap();
    let (url, _svc) = start(dir.path(), config(600)).await;
    let c = challenge(&url, addr(45)).await;
    assert_eq!(c.package, Package::DEV.address);
    let mut opts = AttestOptions {
        service_url: url.clone(),
        package: Some(Package::new(AccountAddress::from_hex("0xbeef").unwrap())),
        worker: addr(45),
        device_index: None,
        vram_mb: Some(VRAM_MB),
        claim: None,
        allow_cpu: true,
    };
    match attest::attest(&opts, &key(45)).await {
        Err(e @ AttestError::OtherPackage { .. }) => {
            let text = e.to_string();
            assert!(
                text.contains("cafe, not for --package 0x") && text.contains("beef;"),
                "{text}"
            );
        }
        other => panic!("expected OtherPackage, got {other:?}"),
    }
    opts.package = None;
    let (sub, _) = attest::attest(&opts, &key(45)).await.unwrap();
    let sig = lumen_relayer::protocol::parse_signature(&sub.signature).unwrap();
    sub.report
        .verify(&Package::DEV, &key(45).public_key(), &sig)
        .expect("signed for the service's package");
}

#[test]
fn serve_without_a_package_refuses_to_start() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_lumen-relayer"))
        .args(["serve", "--node", "http://127.0.0.1:9", "--chain-id", "4"])
        .env_remove("LUMEN_PACKAGE")
        .env("LUMEN_ATTESTER_KEY", hex::encode([7u8; 32]))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--package"), "{stderr}");
}

#[test]
fn serve_refuses_a_round_count_it_cannot_take() {
    for rounds in ["0", "16"] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_lumen-relayer"))
            .args(["serve", "--package", "0xcafe", "--rounds", rounds])
            .args(["--node", "http://127.0.0.1:9", "--chain-id", "4"])
            .env("LUMEN_ATTESTER_KEY", hex::encode([7u8; 32]))
            .output()
            .unwrap();
        assert!(!out.status.success());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("--rounds") && stderr.contains("1..=15"),
            "{stderr}"
        );
    }
}
