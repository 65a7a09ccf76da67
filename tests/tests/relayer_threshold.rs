//! Several attesters with `attester_threshold = 2`: three attester services
//! each time their own challenge for one device-signed report and submit
//! the score they measured; the chain takes the second largest. A
//! dishonest attester alone, inflating the score or a worker's uptime, moves
//! neither.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::attester::*;
use common::*;
use lumen_model::node::Node as ModelNode;
use lumen_relayer::attest;
use lumen_relayer::bench::answer::WorkDevice;
use lumen_sdk::aptos_sdk::crypto::Ed25519PrivateKey;
use lumen_sdk::payloads;
use lumen_sdk::{params, Package};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_attesters_with_threshold_two_attest_a_worker_and_one_dishonest_moves_nothing() {
    let scenario = small();
    let keys = &scenario.keys;
    // Two more attesters and a threshold of 2, set by the admin.
    let a = key_of(&keys.attester_key);
    let b = Ed25519PrivateKey::from_bytes(&[0xb2; 32]).unwrap();
    let c = Ed25519PrivateKey::from_bytes(&[0xc3; 32]).unwrap();
    let addr = attest::address_of;
    let mut chain = scenario.chain.clone();
    let admin = lumen_model::config::get(&chain).unwrap().admin;
    let t = now_secs();
    for attester in [addr(&b), addr(&c)] {
        chain
            .execute(
                t,
                admin,
                &payloads::config::add_attester(&Package::DEV, attester),
            )
            .unwrap();
    }
    // Parameter changes wait out the chain's delay: queued a delay ago,
    // applied now.
    let name = params::ATTESTER_THRESHOLD.name;
    let delay = lumen_model::config::param(&chain, params::PARAM_DELAY_SECS).unwrap();
    chain
        .execute(
            t - delay,
            admin,
            &payloads::config::set_param(&Package::DEV, name, 2),
        )
        .unwrap();
    chain
        .execute(
            t,
            admin,
            &payloads::config::apply_param(&Package::DEV, name),
        )
        .unwrap();
    let standin = lumen_sdk::standin::Standin::start(CHAIN).await.unwrap();
    let model = ModelNode::new(chain);
    model.install(&standin);
    standin.push_transactions(scenario.transactions.iter().cloned());

    // The worker registers its render node's device key.
    let (account, device_key) = register_device(&standin.url(), &keys.new_worker_key, 0x5e).await;
    let worker = account.address();

    // Three services; C's operator will not let its service submit.
    let (url_a, svc_a, _da) = attester_service(&standin.url()).await;
    let (url_b, svc_b, _db) = attester_service(&standin.url()).await;
    let (url_c, _svc_c, _dc) = attester_service(&standin.url()).await;

    // One report, one nonce: each service times its own challenge for it.
    let device = tokio::task::spawn_blocking(|| WorkDevice::prepare(None, 1).unwrap())
        .await
        .unwrap();
    let device = Arc::new(std::sync::Mutex::new(device));
    let nonce = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_micros() as u64;
    let measured_at = now_secs();
    let mut subs = Vec::new();
    let mut scores = Vec::new();
    for url in [&url_a, &url_b, &url_c] {
        let ch = attest::request_challenge_with_nonce(url, worker, 2_000, 1, Some(nonce))
            .await
            .unwrap();
        assert_eq!(ch.nonce, nonce);
        let seed: [u8; 32] = hex::decode(&ch.seed).unwrap().try_into().unwrap();
        let (d, w) = (device.clone(), ch.work.clone());
        let answer =
            tokio::task::spawn_blocking(move || d.lock().unwrap().answer(&w, &seed).unwrap())
                .await
                .unwrap();
        let sub = attest::signed_submission(&ch, answer, &Package::DEV, &device_key, measured_at);
        scores.push(attest::send_submission(url, &sub).await.unwrap().score);
        subs.push(sub);
    }
    // The same report for all three.
    assert!(subs
        .iter()
        .all(|s| s.report == subs[0].report && s.signature == subs[0].signature));
    let report = subs[0].report.clone();
    let pk = lumen_relayer::protocol::parse_public_key(&subs[0].public_key).unwrap();
    let sig = lumen_relayer::protocol::parse_signature(&subs[0].signature).unwrap();

    // C, dishonest, approves first with an invented score: alone it is not
    // the threshold, so nothing takes effect.
    let inflated = 87_000_000;
    let score_now =
        |m: &ModelNode| lumen_model::attestation::score_of(&m.chain(), worker, now_secs());
    model
        .chain()
        .execute(
            now_secs(),
            addr(&c),
            &payloads::attest_report(&Package::DEV, &report, inflated, &pk, &sig),
        )
        .unwrap();
    assert_eq!(score_now(&model), 0, "one attester is not the threshold");

    // A and B submit what they measured, through their services' queues.
    submitter(&standin.url(), &svc_a, &a);
    submitter(&standin.url(), &svc_b, &b);
    for _ in 0..400 {
        let txns = standin.submitted();
        if txns.len() == 3 && txns.iter().all(|t| t.outcome.is_some()) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let txns = standin.submitted();
    assert_eq!(
        txns.len(),
        3,
        "the key's registration, then A's and B's reports"
    );
    assert!(txns.iter().all(|t| t.outcome == Some(Ok(()))), "{txns:?}");
    // The second largest of {invented, A's, B's}: an honest measurement.
    let honest = scores[0].max(scores[1]);
    assert_eq!(score_now(&model), honest);
    assert!(honest < 1_000_000, "a CPU device's score, {honest}");

    // Uptime: C alone votes a full epoch; nothing counts until a second
    // attester votes, and then the second largest vote does.
    let epoch_secs = params::EPOCH_SECS.default;
    let epoch = now_secs() / epoch_secs - 1;
    let vote = |who: &Ed25519PrivateKey, secs: u64| {
        model.chain().execute(
            now_secs(),
            addr(who),
            &payloads::rewards::report_uptime(&Package::DEV, epoch, &[worker], &[secs]),
        )
    };
    vote(&c, epoch_secs).unwrap();
    let online = |m: &ModelNode| m.chain().rewards.online_secs_of(worker, epoch);
    assert_eq!(
        online(&model),
        0,
        "one attester's vote is not the threshold"
    );
    vote(&a, 120).unwrap();
    assert_eq!(online(&model), 120);
}
