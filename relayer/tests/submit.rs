//! Signed transactions posted by the submitter to the local fullnode
//! stand-in are decoded and checked: payload, arguments, signatures,
//! sequence numbers, the fee payer, retries over node errors, and what the
//! status endpoint and the metrics tell of each transaction.

mod common;

use std::sync::Arc;
use std::time::Duration;

use aptos_sdk::account::Ed25519Account;
use aptos_sdk::transaction::authenticator::TransactionAuthenticator;
use common::*;
use lumen_relayer::attest;
use lumen_relayer::chain::{Node, Signer, Submitter};
use lumen_relayer::protocol::{parse_public_key, parse_signature};
use lumen_relayer::queue::JobState;
use lumen_relayer::service::status::{Landing, WorkerStatus};
use lumen_sdk::standin::{Standin, SubmittedTxn};
use lumen_sdk::tx::TxnOptions;
use lumen_sdk::{payloads, Package};

fn signer(fee_payer: Option<u8>) -> Signer {
    Signer {
        attester: Ed25519Account::from_private_key(key(50)),
        fee_payer: fee_payer.map(|n| Ed25519Account::from_private_key(key(n))),
        chain_id: CHAIN,
        package: Package::DEV,
        options: TxnOptions::default(),
    }
}

async fn wait_for(standin: &Standin, n: usize) -> Vec<SubmittedTxn> {
    for _ in 0..400 {
        let s = standin.submitted();
        if s.len() >= n && s.iter().all(|t| t.outcome.is_some()) {
            return s;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the stand-in did not receive {n} transactions");
}

#[tokio::test]
async fn attest_transactions_are_signed_sponsored_and_decoded() {
    let standin = Standin::start(CHAIN).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (url, svc) = start(dir.path(), config(600)).await;
    // Two node failures first: the submitter retries through them.
    standin.fail_next(2, 503);
    tokio::spawn(
        Submitter {
            queue: svc.queue(),
            node: Node::new(&standin.url()),
            signer: signer(Some(60)),
            poll: Duration::from_millis(20),
        }
        .run(),
    );

    let mut subs = Vec::new();
    for _ in 0..2 {
        let c = challenge(&url, addr(20)).await;
        let sub = answer(&c, &key(20)).await;
        let accepted = attest::send_submission(&url, &sub).await.unwrap();
        subs.push((sub, accepted.score));
    }
    let txns = wait_for(&standin, 2).await;
    assert_eq!(txns.len(), 2, "each report is submitted exactly once");
    let attester = addr(50);
    for (i, (t, (sub, score))) in txns.iter().zip(&subs).enumerate() {
        assert_eq!(t.sender, attester);
        assert_eq!(t.sequence_number, i as u64);
        assert_eq!(t.fee_payer, Some(addr(60)));
        assert_eq!(t.outcome, Some(Ok(())));
        assert_eq!(
            t.function_id().unwrap(),
            Package::DEV.member("attestation", "attest")
        );
        let pk = parse_public_key(&sub.public_key).unwrap();
        let sig = parse_signature(&sub.signature).unwrap();
        let want = payloads::attest_report(&Package::DEV, &sub.report, *score, &pk, &sig);
        assert_eq!(t.args(), want.args.as_slice());
        // The arguments by hand: worker address, then the device id as a
        // BCS vector<u8>, and the worker's signature last.
        assert_eq!(t.args()[0], sub.report.worker.to_bytes().to_vec());
        assert_eq!(t.args()[1][0] as usize, sub.report.device_id.len());
        assert_eq!(&t.args()[1][1..], sub.report.device_id.as_slice());
        assert_eq!(t.args()[6], sub.report.nonce.to_le_bytes().to_vec());
        assert_eq!(&t.args()[9][1..], sig.to_bytes().as_slice());
        // The worker's report signature verifies as the contract checks it.
        sub.report.verify(&Package::DEV, &pk, &sig).unwrap();
        // The transaction is a fee-payer transaction signed by both parties.
        match &t.signed.authenticator {
            TransactionAuthenticator::FeePayer {
                fee_payer_address,
                sender,
                fee_payer_signer,
                ..
            } => {
                assert_eq!(*fee_payer_address, addr(60));
                let msg = aptos_sdk::transaction::FeePayerRawTransaction::new_simple(
                    t.signed.raw_txn.clone(),
                    addr(60),
                )
                .signing_message()
                .unwrap();
                sender.verify(&msg).unwrap();
                fee_payer_signer.verify(&msg).unwrap();
            }
            other => panic!("expected a fee-payer authenticator, got {other:?}"),
        }
    }
    // The queue records both as done with their hashes.
    for _ in 0..200 {
        if svc.queue().all().unwrap().iter().all(|j| !j.is_open()) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let jobs = svc.queue().all().unwrap();
    for (j, t) in jobs.iter().zip(&txns) {
        match &j.state {
            JobState::Done { hash, success, .. } => {
                assert_eq!(hash, &t.hash);
                assert!(success);
            }
            other => panic!("job not done: {other:?}"),
        }
    }
}

#[tokio::test]
async fn uptime_from_liveness_answers_is_reported_per_epoch_without_a_fee_payer() {
    let standin = Standin::start(CHAIN).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut cfg = config(600);
    cfg.epoch_secs = 3;
    cfg.uptime_report_delay_secs = 2;
    let (url, svc) = start(dir.path(), cfg).await;
    tokio::spawn(Arc::clone(&svc).run_epoch_reporter());
    tokio::spawn(
        Submitter {
            queue: svc.queue(),
            node: Node::new(&standin.url()),
            signer: signer(None),
            poll: Duration::from_millis(20),
        }
        .run(),
    );
    let c = challenge(&url, addr(30)).await;
    attest::send_submission(&url, &answer(&c, &key(30)).await)
        .await
        .unwrap();
    // Three answered liveness challenges, 1 to 3 s apart: the gaps after
    // the first are credited (to the epoch of the answer, or split with the
    // one before when it straddles a boundary, so the running epoch's total
    // alone may still read 0 with 3-second epochs).
    let mut credited = 0;
    attest::stay_live(&url, addr(30), &key(30), None, Some(3), |ack| {
        credited += ack.unwrap().credited_secs
    })
    .await
    .unwrap();
    assert!(
        credited >= 1,
        "answers seconds apart are credited, got {credited} s"
    );
    // Wait for the epochs to end and their reports to be committed: the last
    // answer's epoch ends within 3 s, and is reported 2 s later.
    tokio::time::sleep(Duration::from_secs(6)).await;
    let open = || svc.queue().all().unwrap().iter().any(|j| j.is_open());
    for _ in 0..100 {
        if !open() && !svc.queue().all().unwrap().is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let txns = wait_for(&standin, svc.queue().all().unwrap().len()).await;
    let mut total = 0u64;
    let mut epochs = Vec::new();
    let uptime = Package::DEV.member("rewards", "report_uptime");
    // The worker's attestation went first.
    assert_eq!(
        txns[0].function_id().unwrap(),
        Package::DEV.member("attestation", "attest")
    );
    let txns = &txns[1..];
    for t in txns {
        assert_eq!(t.function_id().unwrap(), uptime);
        assert_eq!(t.sender, addr(50));
        assert_eq!(t.fee_payer, None);
        assert!(matches!(
            t.signed.authenticator,
            TransactionAuthenticator::Ed25519 { .. }
        ));
        assert_eq!(
            t.function_id().unwrap(),
            Package::DEV.member("rewards", "report_uptime")
        );
        let a = t.args();
        let epoch = u64::from_le_bytes(a[0].clone().try_into().unwrap());
        epochs.push(epoch);
        // One worker: a 1-element vector<address> and vector<u64>.
        assert_eq!(a[1][0], 1);
        assert_eq!(&a[1][1..], addr(30).to_bytes().as_slice());
        assert_eq!(a[2][0], 1);
        let secs = u64::from_le_bytes(a[2][1..9].try_into().unwrap());
        assert!(secs <= 3, "capped at the epoch length");
        total += secs;
    }
    epochs.dedup();
    assert_eq!(epochs.len(), txns.len(), "one report per epoch");
    // Two gaps of 1 to 3 s between three answers.
    assert!((2..=6).contains(&total), "online seconds {total}");
}

#[tokio::test]
async fn a_device_bound_on_chain_to_another_worker_is_rejected() {
    let standin = Standin::start(CHAIN).await.unwrap();
    let other = addr(33);
    let binding = Package::DEV.member("attestation", "worker_of_device");
    let device_key = Package::DEV.member("attestation", "device_key_of");
    let registered = format!("0x{}", hex::encode(key(32).public_key().to_bytes()));
    standin.set_view_handler(move |body, _| {
        if body["function"] == device_key.as_str() {
            return Ok(vec![serde_json::json!(registered)]);
        }
        assert_eq!(body["function"], binding.as_str());
        Ok(vec![serde_json::json!({ "vec": [other.to_hex()] })])
    });
    let dir = tempfile::tempdir().unwrap();
    let (url, _svc) = start_with(dir.path(), config(600), Some(Node::new(&standin.url()))).await;
    let c = challenge(&url, addr(32)).await;
    let sub = answer(&c, &key(32)).await;
    match attest::send_submission(&url, &sub).await {
        Err(attest::AttestError::Rejected { reason, message }) => {
            assert_eq!(reason, "device_bound");
            assert!(message.contains(&other.to_string()), "{message}");
        }
        other => panic!("{other:?}"),
    }
    let views = standin.view_requests();
    assert_eq!(views.len(), 2, "the device key, then the binding");
    // The device id argument, as the REST API wants a vector<u8>: 0x-hex.
    assert_eq!(
        views[1]["arguments"][0],
        format!("0x{}", hex::encode(&sub.report.device_id))
    );
}

fn uptime_job(epoch: u64) -> lumen_relayer::queue::JobKind {
    lumen_relayer::queue::JobKind::Uptime {
        epoch,
        workers: vec![addr(34)],
        online_secs: vec![100 + epoch],
    }
}

/// A transaction signed and recorded, then the process died before sending
/// it: on restart the same bytes are sent (same hash), once. One recorded
/// with an expiry in the past is signed anew. One signed for a sequence
/// number the node does not expect is signed anew with the right one.
#[tokio::test]
async fn recorded_but_unsent_transactions_are_recovered() {
    use lumen_relayer::queue::Queue;
    let standin = Standin::start(CHAIN).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let queue = Arc::new(Queue::open(dir.path().join("queue.db")).unwrap());
    let s = signer(None);

    // Job 1: signed for sequence number 0 and recorded, never sent.
    let mut j1 = queue.push("uptime:1:0".into(), uptime_job(1)).unwrap();
    let t1 = s.sign(s.payload(&j1.kind).unwrap(), 0).unwrap();
    let h1 = t1.hash().unwrap().to_hex();
    j1.state = JobState::Signed {
        hash: h1.clone(),
        sequence_number: 0,
        expires_at: t1.raw_txn.expiration_timestamp_secs,
        bcs: hex::encode(t1.to_bcs().unwrap()),
    };
    queue.update(&j1).unwrap();
    // Job 2: signed for sequence number 1 but already expired.
    let mut j2 = queue.push("uptime:2:0".into(), uptime_job(2)).unwrap();
    let mut short = signer(None);
    short.options.expires_in_secs = 0;
    let t2 = short.sign(s.payload(&j2.kind).unwrap(), 1).unwrap();
    j2.state = JobState::Signed {
        hash: t2.hash().unwrap().to_hex(),
        sequence_number: 1,
        expires_at: t2.raw_txn.expiration_timestamp_secs,
        bcs: hex::encode(t2.to_bcs().unwrap()),
    };
    queue.update(&j2).unwrap();
    // Job 3: signed for sequence number 5 where the node expects 2.
    let mut j3 = queue.push("uptime:3:0".into(), uptime_job(3)).unwrap();
    let t3 = s.sign(s.payload(&j3.kind).unwrap(), 5).unwrap();
    j3.state = JobState::Signed {
        hash: t3.hash().unwrap().to_hex(),
        sequence_number: 5,
        expires_at: t3.raw_txn.expiration_timestamp_secs,
        bcs: hex::encode(t3.to_bcs().unwrap()),
    };
    queue.update(&j3).unwrap();
    // Let job 2's transaction expire.
    tokio::time::sleep(Duration::from_millis(1100)).await;

    tokio::spawn(
        Submitter {
            queue: queue.clone(),
            node: Node::new(&standin.url()),
            signer: signer(None),
            poll: Duration::from_millis(20),
        }
        .run(),
    );
    for _ in 0..200 {
        if queue.all().unwrap().iter().all(|j| !j.is_open()) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let txns = standin.submitted();
    assert_eq!(txns.len(), 3, "{:?}", queue.all().unwrap());
    // Job 1 went out as recorded.
    assert_eq!(txns[0].hash, h1);
    assert_eq!(txns[0].sequence_number, 0);
    // Jobs 2 and 3 were signed anew, with the next sequence numbers.
    assert_ne!(txns[1].hash, t2.hash().unwrap().to_hex());
    assert_ne!(txns[2].hash, t3.hash().unwrap().to_hex());
    assert_eq!(txns[1].sequence_number, 1);
    assert_eq!(txns[2].sequence_number, 2);
    for (t, epoch) in txns.iter().zip(1u64..) {
        assert_eq!(t.args()[0], epoch.to_le_bytes().to_vec());
    }
    for j in queue.all().unwrap() {
        assert!(
            matches!(j.state, JobState::Done { success: true, .. }),
            "{j:?}"
        );
    }
}

/// The status a worker reads (`GET /v1/status/{worker}`).
async fn status(url: &str, worker: lumen_sdk::AccountAddress) -> WorkerStatus {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::get(format!("{url}/v1/status/{worker}"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

/// The landing of `worker`'s newest attestation once `done` holds for it.
async fn landing_when(
    url: &str,
    worker: lumen_sdk::AccountAddress,
    done: impl Fn(&Landing) -> bool,
) -> Landing {
    for _ in 0..400 {
        let s = status(url, worker).await;
        if let Some(a) = s.attestations.first() {
            if done(&a.landing) {
                return a.landing.clone();
            }
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("{:?}", status(url, worker).await);
}

/// What the status endpoint tells a worker: landed (version and hash),
/// aborted (the abort decoded), retrying while the node refuses for a
/// reason that passes (the attester cannot pay the gas yet: the same
/// transaction goes again and lands), failed for good on a permanent
/// refusal; the metrics count each.
#[tokio::test]
async fn the_status_tells_landed_aborted_retrying_and_failed() {
    let standin = Standin::start(CHAIN).await.unwrap();
    let aborting = addr(22).to_bytes().to_vec();
    let abort = lumen_sdk::errors::attestation::ENonceTooLow;
    standin.set_executor(move |t, _| match t.args().first() {
        Some(worker) if *worker == aborting => Err(abort.vm_status(&Package::DEV)),
        _ => Ok(vec![]),
    });
    let dir = tempfile::tempdir().unwrap();
    let (url, svc) = start(dir.path(), config(600)).await;
    tokio::spawn(
        Submitter {
            queue: svc.queue(),
            node: Node::new(&standin.url()),
            signer: signer(None),
            poll: Duration::from_millis(50),
        }
        .run(),
    );
    let attest = async |n: u8| {
        let c = challenge(&url, addr(n)).await;
        let sub = reanswer(&c, &key(n), Some(n)).await;
        attest::send_submission(&url, &sub).await.unwrap()
    };
    let is_final = |l: &Landing| {
        matches!(
            l,
            Landing::Landed { .. } | Landing::Aborted { .. } | Landing::Failed { .. }
        )
    };

    let accepted = attest(21).await;
    let landed = landing_when(&url, addr(21), is_final).await;
    let txns = standin.submitted();
    match &landed {
        Landing::Landed { hash, version } => {
            assert_eq!(hash, &txns[0].hash);
            assert!(version.is_some());
        }
        other => panic!("{other:?}"),
    }
    let s = status(&url, addr(21)).await;
    assert_eq!(s.score, Some(accepted.score));
    assert_eq!(s.attestations[0].job_id.to_string(), accepted.job_id);

    attest(22).await;
    match landing_when(&url, addr(22), is_final).await {
        Landing::Aborted { abort: Some(a), .. } => {
            assert_eq!(
                (a.module.as_str(), a.name.as_str()),
                ("attestation", "ENonceTooLow")
            );
            assert_eq!(a.code, abort.code());
        }
        other => panic!("{other:?}"),
    }

    // Too little balance for the gas: refused four times, then taken.
    standin.refuse_next(4, "INSUFFICIENT_BALANCE_FOR_TRANSACTION_FEE");
    attest(23).await;
    match landing_when(&url, addr(23), |l| matches!(l, Landing::Retrying { .. })).await {
        Landing::Retrying { last_error, .. } => {
            assert!(
                last_error.contains("INSUFFICIENT_BALANCE_FOR_TRANSACTION_FEE"),
                "{last_error}"
            )
        }
        other => panic!("{other:?}"),
    }
    let l = landing_when(&url, addr(23), is_final).await;
    assert!(matches!(l, Landing::Landed { .. }), "{l:?}");

    // A gas setting the node never takes: failed, the refusal reported.
    standin.refuse_next(1, "MAX_GAS_UNITS_BELOW_MIN_TRANSACTION_GAS_UNITS");
    attest(24).await;
    match landing_when(&url, addr(24), is_final).await {
        Landing::Failed { error } => assert!(error.contains("MAX_GAS_UNITS"), "{error}"),
        other => panic!("{other:?}"),
    }
    // Nothing attested: an empty status.
    let none = status(&url, addr(25)).await;
    assert!(none.attestations.is_empty() && none.score.is_none());

    let text = metrics_text(&url).await;
    for line in [
        "lumen_attester_challenges_answered_total 4",
        "lumen_attester_transactions_total{outcome=\"committed\"} 2",
        "lumen_attester_transactions_total{outcome=\"aborted\"} 1",
        "lumen_attester_transactions_total{outcome=\"failed\"} 1",
        "lumen_attester_open_jobs 0",
    ] {
        assert!(text.lines().any(|l| l == line), "{line} not in\n{text}");
    }
    let retries: u64 = text
        .lines()
        .find_map(|l| l.strip_prefix("lumen_attester_transaction_retries_total "))
        .unwrap()
        .parse()
        .unwrap();
    assert!(retries >= 4, "{text}");
}
