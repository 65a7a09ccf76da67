//! The fullnode stand-in, driven through aptos-sdk's REST client and the
//! crate's transaction helpers: real HTTP on 127.0.0.1, real BCS, real
//! ed25519 signatures.

use std::time::Duration;

use aptos_sdk::account::Ed25519Account;
use aptos_sdk::api::FullnodeClient;
use aptos_sdk::transaction::TransactionPayload;
use aptos_sdk::types::{AccountAddress, ChainId};
use aptos_sdk::AptosConfig;
use lumen_sdk::events::{JobCreated, LumenEvent};
use lumen_sdk::standin::{Standin, BCS_SIGNED_TXN};
use lumen_sdk::tx::{self, LumenClient, TxError, TxnOptions};
use lumen_sdk::{payloads, views, Package};
use serde_json::{json, Value};

const CHAIN: u8 = 4;

fn account(seed: u8) -> Ed25519Account {
    Ed25519Account::from_private_key_bytes(&[seed; 32]).unwrap()
}

/// `payload` from `sender` at `seq` on chain `chain`, signed by `key`.
fn sign_as(
    sender: AccountAddress,
    seq: u64,
    chain: u8,
    payload: impl Into<TransactionPayload>,
    key: &Ed25519Account,
) -> aptos_sdk::transaction::SignedTransaction {
    let raw = tx::build_raw(
        sender,
        seq,
        ChainId::new(chain),
        payload,
        &TxnOptions::default(),
    );
    tx::sign(&raw.unwrap(), key).unwrap()
}

async fn setup() -> (Standin, LumenClient) {
    let s = Standin::start(CHAIN).await.unwrap();
    let c = LumenClient::new(&s.url(), Package::DEV).unwrap();
    (s, c)
}

#[tokio::test]
async fn submit_records_decoded_transaction() {
    let (s, c) = setup().await;
    let creator = account(7);
    let payload =
        payloads::escrow::create_job(&Package::DEV, &[9; 32], 240, 1_000, 2_000_000, 8192);
    let signed = c
        .build_and_sign(&creator, payload.clone(), &TxnOptions::default())
        .await
        .unwrap();
    let committed = c
        .submit_and_wait(&signed, Duration::from_secs(5))
        .await
        .unwrap();
    assert_eq!(committed["success"], json!(true));
    assert_eq!(committed["version"], json!("1"));

    let sub = s.submitted();
    assert_eq!(sub.len(), 1);
    let t = &sub[0];
    assert_eq!(t.sender, creator.address());
    assert_eq!(t.sequence_number, 0);
    assert_eq!(t.fee_payer, None);
    assert_eq!(
        t.function_id().unwrap(),
        Package::DEV.member("escrow", "create_job")
    );
    assert_eq!(t.args(), payload.args.as_slice());
    assert_eq!(t.bcs, signed.to_bcs().unwrap());
    assert_eq!(s.sequence_number(creator.address()), 1);

    // The next one must use sequence number 1.
    let again = c
        .build_and_sign(
            &creator,
            payloads::escrow::cancel(&Package::DEV, AccountAddress::ONE),
            &TxnOptions::default(),
        )
        .await
        .unwrap();
    assert_eq!(again.raw_txn.sequence_number, 1);
    c.submit(&again).await.unwrap();
    // A stale sequence number is refused.
    let stale = sign_as(
        creator.address(),
        0,
        CHAIN,
        payloads::staking::withdraw(&Package::DEV),
        &creator,
    );
    let err = c.submit(&stale).await.unwrap_err();
    assert!(err.to_string().contains("SEQUENCE_NUMBER_TOO_OLD"), "{err}");
}

#[tokio::test]
async fn resubmission_is_idempotent_and_gaps_are_refused() {
    let (s, c) = setup().await;
    let w = account(3);
    s.set_auto_commit(false);
    let p = payloads::staking::stake(&Package::DEV, 100);
    let t0 = sign_as(w.address(), 0, CHAIN, p.clone(), &w);
    let h1 = c.submit(&t0).await.unwrap();
    let h2 = c.submit(&t0).await.unwrap();
    assert_eq!(h1, h2);
    assert_eq!(s.submitted().len(), 1);
    // Pending: by_hash shows a pending transaction.
    let pending = c.node.get_transaction_by_hash(&h1).await.unwrap().data;
    assert_eq!(pending["type"], json!("pending_transaction"));
    // Sequence number 2 skips 1.
    let t2 = sign_as(w.address(), 2, CHAIN, p.clone(), &w);
    assert!(c
        .submit(&t2)
        .await
        .unwrap_err()
        .to_string()
        .contains("SEQUENCE_NUMBER_TOO_NEW"));
    let t1 = sign_as(w.address(), 1, CHAIN, p, &w);
    c.submit(&t1).await.unwrap();
    s.commit_pending();
    assert_eq!(s.sequence_number(w.address()), 2);
    let done = c.wait(&h1, Duration::from_secs(5)).await.unwrap();
    assert_eq!(done["type"], json!("user_transaction"));
}

#[tokio::test]
async fn bad_signature_chain_and_auth_key_are_refused() {
    let (s, c) = setup().await;
    let w = account(5);
    let p = payloads::staking::stake(&Package::DEV, 1);
    // Wrong chain id.
    let t = sign_as(w.address(), 0, CHAIN + 1, p.clone(), &w);
    assert!(c
        .submit(&t)
        .await
        .unwrap_err()
        .to_string()
        .contains("BAD_CHAIN_ID"));
    // Tampered payload after signing.
    let mut t = sign_as(w.address(), 0, CHAIN, p.clone(), &w);
    t.raw_txn.max_gas_amount += 1;
    assert!(c
        .submit(&t)
        .await
        .unwrap_err()
        .to_string()
        .contains("INVALID_SIGNATURE"));
    // Signed by a key that is not the sender's.
    let other = account(6);
    let t = sign_as(w.address(), 0, CHAIN, p.clone(), &other);
    assert!(c
        .submit(&t)
        .await
        .unwrap_err()
        .to_string()
        .contains("INVALID_AUTH_KEY"));
    // The package account 0xcafe signs with a key registered as its auth key.
    s.set_account(
        Package::DEV.address,
        0,
        other.public_key().to_authentication_key(),
    );
    let t = sign_as(Package::DEV.address, 0, CHAIN, p, &other);
    c.submit(&t).await.unwrap();
    // Wrong content type.
    let r = reqwest::Client::new()
        .post(format!("{}/transactions", s.url()))
        .header("content-type", "application/json")
        .body(t.to_bcs().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 415);
    // Garbage BCS.
    let r = reqwest::Client::new()
        .post(format!("{}/transactions", s.url()))
        .header("content-type", BCS_SIGNED_TXN)
        .body(vec![1, 2, 3])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status().as_u16(), 400);
}

#[tokio::test]
async fn sponsored_transaction_records_fee_payer() {
    let (s, c) = setup().await;
    let attester = account(1);
    let worker = account(2);
    let p = payloads::rewards::report_uptime(&Package::DEV, 3, &[worker.address()], &[3600]);
    let signed = c
        .build_and_sign_sponsored(&worker, &attester, p, &TxnOptions::default())
        .await
        .unwrap();
    c.submit_and_wait(&signed, Duration::from_secs(5))
        .await
        .unwrap();
    let t = &s.submitted()[0];
    assert_eq!(t.sender, worker.address());
    assert_eq!(t.fee_payer, Some(attester.address()));
    assert_eq!(s.sequence_number(worker.address()), 1);
    assert_eq!(s.sequence_number(attester.address()), 0);
}

#[tokio::test]
async fn executor_aborts_and_simulation() {
    let (s, c) = setup().await;
    s.set_executor(|t, _| {
        if t.function_id().unwrap().ends_with("::escrow::cancel") {
            Err("Move abort in 0xcafe::escrow: E_NOT_OPEN(0x30002)".into())
        } else {
            Ok(vec![])
        }
    });
    let w = account(9);
    let signed = c
        .build_and_sign(
            &w,
            payloads::escrow::cancel(&Package::DEV, AccountAddress::ONE),
            &TxnOptions::default(),
        )
        .await
        .unwrap();
    let sim = c.simulate(&signed).await.unwrap();
    assert_eq!(sim[0]["success"], json!(false));
    match c.submit_and_wait(&signed, Duration::from_secs(5)).await {
        Err(TxError::Failed { vm_status, .. }) => assert!(vm_status.contains("E_NOT_OPEN")),
        other => panic!("expected an abort, got {other:?}"),
    }
    // The aborted transaction still used its sequence number.
    assert_eq!(s.sequence_number(w.address()), 1);
}

#[tokio::test]
async fn events_of_committed_transactions_are_listed() {
    let (s, _c) = setup().await;
    let client = LumenClient::new(&s.url(), Package::DEV).unwrap();
    let creator = account(4);
    let ev = LumenEvent::JobCreated(JobCreated {
        job: AccountAddress::from_hex("0x1a").unwrap(),
        job_id: 0,
        creator: creator.address(),
        spec_hash: vec![1],
        frames: 1,
        max_price_per_frame: 1,
        min_score: 0,
        min_vram_mb: 0,
        deposit: 1,
        created_at: 0,
    });
    let rest = ev.to_rest(&Package::DEV, 0);
    s.set_executor(move |_, _| Ok(vec![rest.clone()]));
    let signed = client
        .build_and_sign(
            &creator,
            payloads::escrow::create_job(&Package::DEV, &[1], 1, 1, 0, 0),
            &TxnOptions::default(),
        )
        .await
        .unwrap();
    client.submit(&signed).await.unwrap();
    let page: Vec<Value> = reqwest::get(format!("{}/transactions?start=1&limit=10", s.url()))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(page.len(), 1);
    let decoded = LumenEvent::decode_rest(&Package::DEV, &page[0]["events"][0]).unwrap();
    assert_eq!(decoded, Some(ev));
}

#[tokio::test]
async fn ledger_pages_pruning_and_injected_failures() {
    let s = Standin::start(CHAIN).await.unwrap();
    let versions = s
        .push_transactions((0..30).map(|i| json!({"type": "block_metadata_transaction", "id": i})));
    assert_eq!(versions.first(), Some(&0));
    assert_eq!(versions.last(), Some(&29));
    let http = reqwest::Client::new();
    let get = |q: &str| http.get(format!("{}/transactions{q}", s.url())).send();
    let r = get("?start=10&limit=5").await.unwrap();
    assert_eq!(r.headers()["x-aptos-ledger-version"], "29");
    assert_eq!(r.headers()["x-aptos-chain-id"], "4");
    let page: Vec<Value> = r.json().await.unwrap();
    assert_eq!(
        page.iter()
            .map(|t| t["version"].as_str().unwrap().parse::<u64>().unwrap())
            .collect::<Vec<_>>(),
        vec![10, 11, 12, 13, 14]
    );
    assert_eq!(get("?start=30").await.unwrap().status().as_u16(), 400);
    s.prune_before(5);
    let r = get("?start=2&limit=5").await.unwrap();
    assert_eq!(r.status().as_u16(), 410);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["error_code"], json!("version_pruned"));
    s.fail_next(2, 429);
    assert_eq!(get("?start=5").await.unwrap().status().as_u16(), 429);
    assert_eq!(get("?start=5").await.unwrap().status().as_u16(), 429);
    assert_eq!(get("?start=5").await.unwrap().status().as_u16(), 200);

    // Ledger info and accounts through aptos-sdk's client.
    let node = FullnodeClient::new(AptosConfig::custom(&s.url()).unwrap()).unwrap();
    let info = node.get_ledger_info().await.unwrap();
    assert_eq!(info.data.chain_id, CHAIN);
    assert_eq!(info.data.ledger_version, "29");
    assert_eq!(info.data.oldest_ledger_version, "5");
    let acc = node.get_account(AccountAddress::ONE).await.unwrap();
    assert_eq!(acc.data.sequence_number, "0");
    // The client's retries ride over a 500.
    s.fail_next(1, 500);
    assert_eq!(node.get_ledger_info().await.unwrap().data.chain_id, CHAIN);
}

#[tokio::test]
async fn view_wrappers_round_trip_through_the_standin() {
    let (s, c) = setup().await;
    let worker = account(8).address();
    s.set_view_handler(move |body, _| {
        let f = body["function"].as_str().unwrap();
        let args = body["arguments"].as_array().unwrap();
        if f.ends_with("::staking::min_stake") {
            let score: u64 = args[0].as_str().unwrap().parse().unwrap();
            let price: u64 = args[1].as_str().unwrap().parse().unwrap();
            Ok(vec![json!(
                lumen_sdk::formulas::min_stake(2, score, price).to_string()
            )])
        } else if f.ends_with("::escrow::worker_stats") {
            Ok(vec![json!("10"), json!("2"), json!("1"), json!("7200")])
        } else if f.ends_with("::vip::pass_of") {
            Ok(vec![json!({"vec": ["0xabc"]})])
        } else if f.ends_with("::attestation::report_of") {
            Err("Move abort: E_NO_REPORT".into())
        } else {
            Ok(vec![json!("not what was declared"), json!(1)])
        }
    });
    let p = Package::DEV;
    assert_eq!(
        c.view(&views::staking::min_stake(&p, 500_000, 2))
            .await
            .unwrap(),
        144
    );
    assert_eq!(
        c.view(&views::escrow::worker_stats(&p, worker))
            .await
            .unwrap(),
        (10, 2, 1, 7200)
    );
    assert_eq!(
        c.view(&views::vip::pass_of(&p, worker, 1)).await.unwrap(),
        Some(AccountAddress::from_hex("0xabc").unwrap())
    );
    assert!(matches!(
        c.view(&views::attestation::report_of(&p, worker)).await,
        Err(TxError::View(_))
    ));
    assert!(matches!(
        c.view(&views::config::admin(&p)).await,
        Err(TxError::View(lumen_sdk::views::ViewError::Result { .. }))
    ));
    let reqs = s.view_requests();
    assert_eq!(
        reqs[0],
        json!({"function": p.member("staking", "min_stake"), "type_arguments": [], "arguments": ["500000", "2"]})
    );
    assert_eq!(reqs[2]["arguments"], json!([worker.to_hex(), 1]));
}

#[tokio::test]
async fn payload_conversion_is_entry_function() {
    let p: TransactionPayload = payloads::vip::claim(&Package::DEV, 0).into();
    assert!(matches!(p, TransactionPayload::EntryFunction(_)));
}
