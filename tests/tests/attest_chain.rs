//! A stand-in executing on the model runs the relayer's `attestation::attest`
//! submissions like the contract, over HTTP with real signed transactions:
//! device keys registered by the workers' accounts, authorised attester, the
//! worker's registered device key, a strict signature over the report,
//! rising nonces, fresh reports (`report_max_age_secs` as
//! set on chain, reports from the future refused), one device per worker;
//! every abort is reported with the contract's own identity (module, name,
//! code); its views answer from the resulting state.

use std::time::{SystemTime, UNIX_EPOCH};

use lumen_model::node::Node;
use lumen_model::Chain;
use lumen_sdk::aptos_sdk::account::Ed25519Account;
use lumen_sdk::aptos_sdk::crypto::Ed25519PrivateKey;
use lumen_sdk::errors::{self, attestation as e, AbortCode};
use lumen_sdk::events::LumenEvent;
use lumen_sdk::messages::BenchmarkReport;
use lumen_sdk::standin::Standin;
use lumen_sdk::tx::{LumenClient, TxnOptions};
use lumen_sdk::{params, payloads, views, Package};

const CHAIN: u8 = 4;
const SCORE: u64 = 8_160_000;

fn account(n: u8) -> Ed25519Account {
    Ed25519Account::from_private_key(Ed25519PrivateKey::from_bytes(&[n; 32]).unwrap())
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

fn report(worker: &Ed25519Account, device: u8, nonce: u64, measured_at: u64) -> BenchmarkReport {
    BenchmarkReport {
        worker: worker.address(),
        device_id: vec![device; 16],
        gpu_model: "NVIDIA GeForce RTX 4090".into(),
        vram_mb: 24_576,
        bench_version: 1,
        nonce,
        measured_at,
        chain_id: CHAIN,
    }
}

/// One `attest` call: who sends it (the attester unless said), the report,
/// the device key that signs it and whose public half is sent, whether the
/// report is changed after signing, and the abort expected.
struct Case<'a> {
    sender: Option<&'a Ed25519Account>,
    report: BenchmarkReport,
    key: &'a Ed25519Account,
    tamper: bool,
    abort: Option<AbortCode>,
}

impl<'a> Case<'a> {
    fn new(report: BenchmarkReport, key: &'a Ed25519Account, abort: Option<AbortCode>) -> Self {
        Self {
            sender: None,
            report,
            key,
            tamper: false,
            abort,
        }
    }

    /// Sent by `sender` instead of the attester.
    fn sent_by(self, sender: &'a Ed25519Account) -> Self {
        Self {
            sender: Some(sender),
            ..self
        }
    }

    /// The report changed after it was signed.
    fn tampered(self) -> Self {
        Self {
            tamper: true,
            ..self
        }
    }
}

/// The package initialised on an open chain, `attester` authorised.
fn chain_with(attester: &Ed25519Account) -> Node {
    let p = Package::DEV;
    let mut chain = Chain::open(p, CHAIN);
    let asset = Package::object_address(p.address, b"asset");
    chain.create_asset(asset, lumen_model::node::PAYMENT_ASSET_DECIMALS);
    for f in [
        payloads::config::initialize(&p, asset, account(90).address(), account(91).address()),
        payloads::config::add_attester(&p, attester.address()),
    ] {
        chain.execute(now(), p.address, &f).unwrap();
    }
    Node::new(chain)
}

async fn submit(node: &LumenClient, attester: &Ed25519Account, c: &Case<'_>) {
    let mut r = c.report.clone();
    let sig = r.sign(&Package::DEV, c.key.private_key());
    if c.tamper {
        r.vram_mb *= 2;
    }
    let f = payloads::attest_report(&Package::DEV, &r, SCORE, c.key.public_key(), &sig);
    let signed = node
        .build_and_sign(c.sender.unwrap_or(attester), f, &TxnOptions::default())
        .await
        .unwrap();
    node.submit(&signed).await.unwrap();
}

#[tokio::test]
async fn attest_on_the_stand_in_follows_the_contracts_rules() {
    let standin = Standin::start(CHAIN).await.unwrap();
    let (attester, outsider) = (account(1), account(2));
    let (w1, w2) = (account(11), account(12));
    let (d1, d2) = (account(21), account(22));
    let chain = chain_with(&attester);
    chain.install(&standin);
    let node = LumenClient::new(&standin.url(), Package::DEV).unwrap();
    let t = now();
    // Each worker's account registers the device key of its render node.
    for (w, d) in [(&w1, &d1), (&w2, &d2)] {
        let key = d.public_key().to_bytes();
        let f = payloads::attestation::register_device_key(&Package::DEV, &key);
        let signed = node
            .build_and_sign(w, f, &TxnOptions::default())
            .await
            .unwrap();
        node.submit(&signed).await.unwrap();
    }

    let mut cases = vec![
        Case::new(report(&w1, 7, 1, t - 60), &d1, None),
        Case::new(report(&w1, 7, 1, t - 30), &d1, Some(e::EReportMismatch)),
        Case::new(report(&w2, 7, 1, t - 30), &d2, Some(e::EDeviceBound)),
        Case::new(report(&w1, 7, 2, t - 30), &d2, Some(e::EPublicKeyMismatch)),
        // The worker's account key is not its device key.
        Case::new(report(&w1, 7, 2, t - 30), &w1, Some(e::EPublicKeyMismatch)),
        Case::new(report(&w1, 7, 3, t - 30), &d1, Some(e::EInvalidSignature)).tampered(),
        Case::new(report(&w1, 7, 4, t - 30), &d1, Some(e::ENotAttester)).sent_by(&outsider),
        Case::new(report(&w1, 7, 5, t - 7_200), &d1, Some(e::EStaleReport)),
        Case::new(report(&w1, 7, 5, t + 600), &d1, Some(e::EFutureReport)),
        Case::new(report(&w2, 8, 1, t), &d2, None),
    ];
    for c in &cases {
        submit(&node, &attester, c).await;
    }
    // The age limit is the chain's parameter: raised by the admin (queued a
    // delay ago, applied now), a report of two hours ago is fresh enough.
    let name = params::REPORT_MAX_AGE_SECS.name;
    let raise = payloads::config::set_param(&Package::DEV, name, 10_800);
    let apply = payloads::config::apply_param(&Package::DEV, name);
    let delay = params::PARAM_DELAY_SECS.default;
    {
        let mut c = chain.chain();
        c.execute(now() - delay, Package::DEV.address, &raise)
            .unwrap();
        c.execute(now(), Package::DEV.address, &apply).unwrap();
    }
    let fresh = Case::new(report(&w1, 7, 6, t - 7_200), &d1, None);
    submit(&node, &attester, &fresh).await;
    cases.push(fresh);

    let got = standin.submitted();
    assert_eq!(got.len(), 2 + cases.len());
    assert!(got[..2].iter().all(|t| t.outcome == Some(Ok(()))));
    for (i, (txn, case)) in got[2..].iter().zip(&cases).enumerate() {
        match (&txn.outcome, case.abort) {
            (Some(Ok(())), None) => {}
            (Some(Err(status)), Some(want)) => {
                let abort = errors::from_vm_status(&Package::DEV, status);
                assert_eq!(abort, Some(&want), "case {i}: {status}");
                assert_eq!(status, &want.vm_status(&Package::DEV), "case {i}");
            }
            (other, want) => panic!("case {i}: outcome {other:?}, wanted {want:?}"),
        }
    }
    // Only the accepted reports left events on the ledger.
    let ledger: serde_json::Value =
        reqwest::get(format!("{}/transactions?start=0&limit=100", standin.url()))
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
    let attested: Vec<_> = ledger
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|t| t["events"].as_array().cloned().unwrap_or_default())
        .filter_map(|e| match LumenEvent::decode_rest(&Package::DEV, &e) {
            Ok(Some(LumenEvent::ScoreAttested(s))) => Some((s.worker, s.nonce, s.attesters)),
            _ => None,
        })
        .collect();
    assert_eq!(
        attested,
        vec![
            (w1.address(), 1, vec![attester.address()]),
            (w2.address(), 1, vec![attester.address()]),
            (w1.address(), 6, vec![attester.address()]),
        ]
    );
    let bound = node
        .view(&views::attestation::worker_of_device(
            &Package::DEV,
            vec![7; 16],
        ))
        .await
        .unwrap();
    assert_eq!(bound, Some(w1.address()));
    let free = node
        .view(&views::attestation::worker_of_device(
            &Package::DEV,
            vec![9; 16],
        ))
        .await
        .unwrap();
    assert_eq!(free, None);
    let nonce = node
        .view(&views::attestation::last_nonce(&Package::DEV, w1.address()))
        .await
        .unwrap();
    assert_eq!(nonce, 6);
    let score = node
        .view(&views::attestation::score_of(&Package::DEV, w2.address()))
        .await
        .unwrap();
    assert_eq!(score, SCORE);
    let key = node
        .view(&views::attestation::device_key_of(
            &Package::DEV,
            w1.address(),
        ))
        .await
        .unwrap();
    assert_eq!(key, d1.public_key().to_bytes().to_vec());
}
