//! The relayer's attestation end to end: `lumen_relayer::attest` benchmarks
//! this machine's Vulkan device (lavapipe without a GPU) against a challenge
//! of the attester service, the service's submitter sends the signed
//! `attestation::attest` transaction to a fullnode stand-in over HTTP, the
//! stand-in runs it like the contract, and the indexer stores the resulting
//! events. The submitted transaction decodes to exactly the entry-function
//! call the sdk builds for the signed report, and the events the indexer
//! stores are the ones the contract emits, for the relayer's report and for
//! the scenario's own attestations.

mod common;

use std::time::Duration;

use common::attester::*;
use common::*;
use diesel::{Connection, PgConnection, QueryableByName, RunQueryDsl};
use lumen_model::Abort;
use lumen_relayer::attest::{self, AttestOptions};
use lumen_relayer::protocol::{parse_public_key, parse_signature};
use lumen_sdk::errors;
use lumen_sdk::events::ScoreAttested;
use lumen_sdk::movejson::MoveJson;
use lumen_sdk::payloads::{self, attestation, Call};
use lumen_sdk::{params, AccountAddress, Package};
use serde_json::Value;

#[derive(QueryableByName)]
struct StoredEvent {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    version: i64,
    #[diesel(sql_type = diesel::sql_types::Integer)]
    event_index: i32,
    #[diesel(sql_type = diesel::sql_types::Text)]
    data: String,
}

fn stored_score_events(url: &str) -> Vec<StoredEvent> {
    let mut c = PgConnection::establish(url).unwrap();
    diesel::sql_query(
        "SELECT version, event_index, data::text AS data FROM events \
         WHERE event_type LIKE '%ScoreAttested' ORDER BY version, event_index",
    )
    .load(&mut c)
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_relayers_attest_transaction_is_the_call_the_indexer_sees() {
    let scenario = small();
    let keys = &scenario.keys;
    let (standin, chain) = serve_scenario(scenario).await;

    // The attester service with the scenario's authorised attester.
    let (service_url, svc, _dir) = attester_service(&standin.url()).await;
    let attester_key = key_of(&keys.attester_key);
    assert_eq!(attest::address_of(&attester_key).to_hex(), keys.attester);
    submitter(&standin.url(), &svc, &attester_key);

    // A new worker's account registers the device key of its render node,
    // which benchmarks the device and sends the report the device key signed.
    let (account, device_key) = register_device(&standin.url(), &keys.new_worker_key, 0x5d).await;
    let worker = account.address();
    let opts = AttestOptions {
        service_url: service_url.clone(),
        // The package the service attests for.
        package: None,
        worker,
        device_index: None,
        vram_mb: Some(1),
        claim: None,
        allow_cpu: true,
    };
    let (sub, accepted) = attest::attest(&opts, &device_key).await.expect("attest");

    let mut txns = vec![];
    for _ in 0..400 {
        txns = standin.submitted();
        if txns.len() > 1 && txns.iter().all(|t| t.outcome.is_some()) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(
        txns.len(),
        2,
        "the key's registration, then one report, one transaction"
    );
    let t = &txns[1];
    assert_eq!(t.outcome, Some(Ok(())), "the contract's checks pass");
    assert_eq!(t.sender.to_hex(), keys.attester);

    // The exact call the sdk builds for the signed report.
    let pk = parse_public_key(&sub.public_key).unwrap();
    let sig = parse_signature(&sub.signature).unwrap();
    let want = payloads::attest_report(&Package::DEV, &sub.report, accepted.score, &pk, &sig);
    assert_eq!(t.entry_function.as_ref(), Some(&want));
    let f = t.entry_function.clone().unwrap();
    let Ok(Call::Attestation(attestation::Call::Attest {
        worker: w,
        score,
        nonce,
        ..
    })) = Call::decode(&Package::DEV, &f)
    else {
        panic!("an attest call: {f:?}")
    };
    assert_eq!(
        (w, score, nonce),
        (worker, accepted.score, sub.report.nonce)
    );
    // The contract's checks ran: sent again by the same attester the report
    // is refused, and with another claimed VRAM for its signature.
    let mut again = chain.chain().clone();
    let reject = |r: lumen_model::Outcome| match r {
        Err(Abort::Code(code)) => code,
        other => panic!("expected an abort, got {other:?}"),
    };
    let replay = again.execute(sub.report.measured_at + 5, t.sender, &f);
    assert_eq!(reject(replay), errors::attestation::EAlreadyApproved);
    let mut tampered = f.clone();
    tampered.args[3] = (sub.report.vram_mb + 1).to_le_bytes().to_vec();
    let tampered = again.execute(sub.report.measured_at + 5, t.sender, &tampered);
    assert_eq!(reject(tampered), errors::attestation::EInvalidSignature);

    // The indexer reads the stand-in's ledger: the scenario, then the relayer's transaction.
    let ix = index(&standin.url()).await;
    let version = t.version.expect("committed");
    // After the scenario: the device key's registration, then the report.
    assert_eq!(version, scenario.summary.chain.head_version + 2);
    assert_eq!(ix.summary.next_version, version + 1);
    let stored = stored_score_events(ix.db.url());
    let last = stored.last().expect("score events stored");
    assert_eq!(last.version as u64, version);
    let data: Value = serde_json::from_str(&last.data).unwrap();
    let got = ScoreAttested::from_json("ScoreAttested", &data).unwrap();
    let r = &sub.report;
    let expected = ScoreAttested {
        worker: r.worker,
        device_id: r.device_id.clone(),
        gpu_model: r.gpu_model.clone(),
        vram_mb: r.vram_mb,
        score: accepted.score,
        bench_version: r.bench_version,
        nonce: r.nonce,
        measured_at: r.measured_at,
        effective_at: got.effective_at,
        expires_at: got.effective_at + params::SCORE_VALIDITY_SECS.default,
        attesters: vec![t.sender],
    };
    assert_eq!(got, expected);
    assert_eq!(got.worker, worker);
    assert_eq!(got.attesters, vec![t.sender]);

    // The stand-in's chain state answers the views the attester service asks.
    let views = standin.view_requests();
    assert!(
        views.iter().any(|b| b["function"].as_str()
            == Some(
                Package::DEV
                    .member("attestation", "worker_of_device")
                    .as_str()
            )),
        "the service checked the device binding on chain: {views:?}"
    );
    let node = lumen_sdk::tx::LumenClient::new(&standin.url(), Package::DEV).unwrap();
    let bound = node
        .view(&lumen_sdk::views::attestation::worker_of_device(
            &Package::DEV,
            sub.report.device_id.clone(),
        ))
        .await
        .unwrap();
    assert_eq!(bound, Some(worker));
    let nonce = node
        .view(&lumen_sdk::views::attestation::last_nonce(
            &Package::DEV,
            worker,
        ))
        .await
        .unwrap();
    assert_eq!(nonce, sub.report.nonce);

    // The explorer shows the worker with the relayer's score.
    let w = get(&format!("{}/v1/workers/{}", ix.api, worker.to_hex())).await;
    assert_eq!(n(&w["worker"]["score"]), accepted.score);
    assert_eq!(
        w["worker"]["gpu_model"].as_str(),
        Some(sub.report.gpu_model.as_str())
    );

    // The scenario's attestations: each stored event equals the one in its transaction.
    let attest_fn = Package::DEV.member("attestation", "attest");
    let mut from_chain = vec![];
    for tx in &scenario.transactions {
        if tx["payload"]["function"].as_str() != Some(attest_fn.as_str()) {
            continue;
        }
        let args = tx["payload"]["arguments"].as_array().unwrap();
        let (idx, ev) = tx["events"]
            .as_array()
            .unwrap()
            .iter()
            .enumerate()
            .find(|(_, e)| {
                e["type"]
                    .as_str()
                    .is_some_and(|s| s.ends_with("::attestation::ScoreAttested"))
            })
            .expect("attest emits ScoreAttested");
        let e = ScoreAttested::from_json("ScoreAttested", &ev["data"]).unwrap();
        // The event carries the arguments of the call.
        assert_eq!(e.worker, AccountAddress::from_move_json(&args[0]).unwrap());
        assert_eq!(e.device_id, Vec::<u8>::from_move_json(&args[1]).unwrap());
        assert_eq!(e.score, u64::from_move_json(&args[4]).unwrap());
        assert_eq!(e.nonce, u64::from_move_json(&args[6]).unwrap());
        from_chain.push((n(&tx["version"]), idx as u64, e));
    }
    let stored: Vec<(u64, u64, ScoreAttested)> = stored
        .iter()
        .filter(|s| (s.version as u64) != version)
        .map(|s| {
            let d: Value = serde_json::from_str(&s.data).unwrap();
            (
                s.version as u64,
                s.event_index as u64,
                ScoreAttested::from_json("ScoreAttested", &d).unwrap(),
            )
        })
        .collect();
    assert!(from_chain.len() >= 12);
    assert_eq!(stored, from_chain);
}
