//! One client flooding the attester service, over real HTTP from its own
//! loopback address (127.0.0.2), while another client (127.0.0.1) asks for
//! its own challenge and answers it. Without per-client rates the flood
//! fills the service's open challenges and starves the other client; with
//! them the flood is refused (429, `Retry-After`, the one error shape) and
//! the other client is served.

mod common;

use std::net::IpAddr;

use common::*;
use lumen_relayer::attest;
use lumen_relayer::service::{Rate, RateLimits};

/// A client whose connections come from `ip` (any 127.0.0.0/8 address is
/// this host's loopback).
fn client_from(ip: &str) -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .local_address(ip.parse::<IpAddr>().unwrap())
        .build()
        .unwrap()
}

/// Posts JSON: the status, the `Retry-After` header and the body.
async fn post(
    client: &reqwest::Client,
    url: &str,
    body: serde_json::Value,
) -> (u16, Option<u64>, serde_json::Value) {
    let resp = client.post(url).json(&body).send().await.unwrap();
    let status = resp.status().as_u16();
    let retry_after = resp
        .headers()
        .get("retry-after")
        .map(|v| v.to_str().unwrap().parse().unwrap());
    (status, retry_after, resp.json().await.unwrap())
}

fn limits() -> RateLimits {
    RateLimits {
        challenges: Rate {
            per_sec: 0.5,
            burst: 5.0,
        },
        answers: Rate {
            per_sec: 1.0,
            burst: 10.0,
        },
    }
}

#[tokio::test]
async fn a_flooding_client_is_limited_while_another_is_served() {
    for limited in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let mut cfg = config(600);
        cfg.limits.open_challenges = 40;
        cfg.limits.rate = limited.then(limits);
        let (url, _svc) = start(dir.path(), cfg).await;
        let flood = client_from("127.0.0.2");

        // Challenges for 60 made-up workers, as fast as the service answers.
        let mut statuses = Vec::new();
        for n in 0..60u8 {
            let body = serde_json::json!({
                "worker": addr(100 + n), "claimed_score": CLAIM, "vram_mb": VRAM_MB
            });
            let (status, retry_after, v) =
                post(&flood, &format!("{url}/v1/challenges"), body).await;
            if status == 429 && limited {
                assert_eq!(v["reason"], "rate_limited", "{v}");
                assert!(v["message"].as_str().is_some_and(|m| !m.is_empty()));
                assert!(retry_after.is_some_and(|s| s >= 1), "{retry_after:?}");
            }
            statuses.push(status);
        }
        let served = statuses.iter().filter(|s| **s == 200).count();
        let other = attest::request_challenge(&url, addr(99), CLAIM, VRAM_MB).await;
        if !limited {
            // The attack: the flood holds every open challenge the service
            // keeps, and the honest worker gets none.
            assert_eq!(served, 40);
            match other {
                Err(attest::AttestError::Rejected { reason, .. }) => {
                    assert_eq!(reason, "too_many_challenges")
                }
                other => panic!("expected the honest worker starved, got {other:?}"),
            }
            continue;
        }
        // The flood gets its burst (and what refilled meanwhile), no more.
        assert!((5..=7).contains(&served), "{statuses:?}");
        let c = other.expect("the other client is served");

        // Answers to verify, flooded: unknown challenge ids, refused by the
        // rate once the burst is spent, never reaching the verifier.
        let mut limited_answers = 0;
        for _ in 0..30 {
            let body = serde_json::json!({
                "challenge_id": "00".repeat(16), "worker": addr(100), "openings": {"hash": [], "walk": []}
            });
            let (status, _, v) = post(&flood, &format!("{url}/v1/reports/openings"), body).await;
            match status {
                429 => {
                    assert_eq!(v["reason"], "rate_limited");
                    limited_answers += 1
                }
                _ => assert_eq!(v["reason"], "unknown_challenge", "{v}"),
            }
        }
        assert!(limited_answers >= 18, "{limited_answers} of 30 limited");
        // The other client's answer is verified and queued.
        let sub = reanswer(&c, &key(99), None).await;
        attest::send_submission(&url, &sub).await.unwrap();

        let text = metrics_text(&url).await;
        let count = |prefix: &str| -> u64 {
            text.lines()
                .find_map(|l| l.strip_prefix(prefix))
                .unwrap_or_else(|| panic!("{prefix} in\n{text}"))
                .trim()
                .parse()
                .unwrap()
        };
        let refused = statuses.iter().filter(|s| **s == 429).count() as u64;
        assert_eq!(
            count("lumen_attester_rate_limited_total{class=\"challenges\"}"),
            refused
        );
        assert_eq!(
            count("lumen_attester_rate_limited_total{class=\"answers\"}"),
            limited_answers
        );
        assert_eq!(count("lumen_attester_challenges_answered_total"), 1);
    }
}
