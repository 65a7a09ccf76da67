//! The `lumen` binary end to end against the fullnode stand-in: real
//! processes, real HTTP, real signatures.

use aptos_sdk::account::Ed25519Account;
use aptos_sdk::crypto::{Ed25519PublicKey, Ed25519Signature};
use aptos_sdk::transaction::SignedTransaction;
use aptos_sdk::types::AccountAddress;
use lumen_sdk::messages::AssignmentOffer;
use lumen_sdk::standin::Standin;
use lumen_sdk::{payloads, Package};
use serde_json::Value;

const CHAIN: u8 = 4;
const CREATOR_KEY: &str = "0x0707070707070707070707070707070707070707070707070707070707070707";
const WORKER_KEY: &str = "0x0808080808080808080808080808080808080808080808080808080808080808";

fn address_of(key: &str) -> AccountAddress {
    Ed25519Account::from_private_key_hex(key).unwrap().address()
}

async fn lumen(url: Option<&str>, key: &str, args: &[&str]) -> (bool, Value, String) {
    let mut cmd = tokio::process::Command::new(env!("CARGO_BIN_EXE_lumen"));
    cmd.env_remove("LUMEN_NODE_URL")
        .env_remove("LUMEN_FEE_PAYER_KEY")
        .env("LUMEN_PACKAGE", "0xcafe")
        .env("LUMEN_KEY", key)
        .args(args);
    if let Some(u) = url {
        cmd.env("LUMEN_NODE_URL", u);
    }
    let out = cmd.output().await.unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    let v = serde_json::from_str(&stdout).unwrap_or(Value::Null);
    (out.status.success(), v, stderr)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn job_lifecycle_through_the_cli() {
    let s = Standin::start(CHAIN).await.unwrap();
    let url = s.url();
    let p = Package::DEV;

    let (ok, v, err) = lumen(
        Some(&url),
        CREATOR_KEY,
        &[
            "create-job",
            "--spec-hash",
            "0xabcd",
            "--frames",
            "240",
            "--max-price-per-frame",
            "1000",
            "--min-score",
            "2000000",
            "--min-vram-mb",
            "8192",
        ],
    )
    .await;
    assert!(ok, "{err}");
    assert_eq!(v["success"], Value::Bool(true));
    let t = &s.submitted()[0];
    assert_eq!(t.sender, address_of(CREATOR_KEY));
    assert_eq!(
        t.entry_function.as_ref().unwrap(),
        &payloads::escrow::create_job(&p, &[0xab, 0xcd], 240, 1000, 2_000_000, 8192)
    );

    // The creator signs an offer for job 0 (by id), the worker accepts it.
    let dir = tempfile::tempdir().unwrap();
    let offer_path = dir.path().join("offer.json");
    let worker = address_of(WORKER_KEY);
    let (ok, v, err) = lumen(
        Some(&url),
        CREATOR_KEY,
        &[
            "sign-offer",
            "--job",
            "0",
            "--worker",
            &worker.to_hex(),
            "--price-per-frame",
            "800",
            "--render-deadline",
            "1900000000",
            "--offer-expires-at",
            "1800000000",
            "--nonce",
            "5",
            "--out",
            offer_path.to_str().unwrap(),
        ],
    )
    .await;
    assert!(ok, "{err}");
    let offer: AssignmentOffer = serde_json::from_value(v["offer"].clone()).unwrap();
    assert_eq!(offer.job, p.job_address(0));
    assert_eq!(offer.chain_id, CHAIN);
    let pk = Ed25519PublicKey::from_hex(v["creator_public_key"].as_str().unwrap()).unwrap();
    let sig = Ed25519Signature::from_hex(v["creator_signature"].as_str().unwrap()).unwrap();
    offer.verify(&p, &pk, &sig).unwrap();

    let (ok, _, err) = lumen(
        Some(&url),
        WORKER_KEY,
        &["accept", "--offer", offer_path.to_str().unwrap()],
    )
    .await;
    assert!(ok, "{err}");
    let t = &s.submitted()[1];
    assert_eq!(t.sender, worker);
    assert_eq!(
        t.entry_function.as_ref().unwrap(),
        &payloads::accept_signed_offer(&p, &offer, &pk, &sig)
    );

    // A tampered offer is refused before anything is sent.
    let mut tampered: Value =
        serde_json::from_str(&std::fs::read_to_string(&offer_path).unwrap()).unwrap();
    tampered["offer"]["price_per_frame"] = Value::from(900);
    std::fs::write(&offer_path, tampered.to_string()).unwrap();
    let (ok, _, err) = lumen(
        Some(&url),
        WORKER_KEY,
        &["accept", "--offer", offer_path.to_str().unwrap()],
    )
    .await;
    assert!(!ok);
    assert!(err.contains("does not verify"), "{err}");
    assert_eq!(s.submitted().len(), 2);

    let job = p.job_address(0).to_hex();
    for (key, args) in [
        (
            WORKER_KEY,
            vec![
                "submit",
                "--job",
                job.as_str(),
                "--frames-done",
                "240",
                "--output-root",
                "0x01",
            ],
        ),
        (
            CREATOR_KEY,
            vec!["confirm", "--job", job.as_str(), "--frames-accepted", "240"],
        ),
        (CREATOR_KEY, vec!["reclaim", "--job", "0"]),
        (CREATOR_KEY, vec!["cancel", "--job", "0"]),
        (WORKER_KEY, vec!["finalize", "--job", "0"]),
    ] {
        let (ok, _, err) = lumen(Some(&url), key, &args).await;
        assert!(ok, "{args:?}: {err}");
        let last = s.submitted().pop().unwrap();
        assert_eq!(
            last.function_id().unwrap(),
            p.member(
                "escrow",
                if args[0] == "submit" {
                    "submit_result"
                } else {
                    args[0]
                }
            )
        );
        assert_eq!(last.args()[0], p.job_address(0).to_bytes().to_vec());
    }
    assert_eq!(s.sequence_number(address_of(CREATOR_KEY)), 4);
    assert_eq!(s.sequence_number(worker), 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dry_run_prints_a_verifiable_transaction_and_sends_nothing() {
    // Without a node: chain id and sequence number given.
    let (ok, v, err) = lumen(
        None,
        CREATOR_KEY,
        &[
            "--dry-run",
            "--chain-id",
            "4",
            "--sequence-number",
            "9",
            "cancel",
            "--job",
            "3",
        ],
    )
    .await;
    assert!(ok, "{err}");
    let bcs = hex::decode(v["bcs"].as_str().unwrap().trim_start_matches("0x")).unwrap();
    let signed: SignedTransaction = aptos_bcs::from_bytes(&bcs).unwrap();
    signed.verify_signature().unwrap();
    assert_eq!(signed.raw_txn.sequence_number, 9);
    assert_eq!(signed.raw_txn.chain_id.id(), 4);
    assert_eq!(v["hash"].as_str().unwrap(), signed.hash().unwrap().to_hex());
    assert_eq!(
        v["payload"]["function"].as_str().unwrap(),
        Package::DEV.member("escrow", "cancel")
    );

    // With a node: nothing reaches it.
    let s = Standin::start(CHAIN).await.unwrap();
    let (ok, v, err) = lumen(
        Some(&s.url()),
        CREATOR_KEY,
        &["--dry-run", "reclaim", "--job", "1"],
    )
    .await;
    assert!(ok, "{err}");
    assert_eq!(v["chain_id"], Value::from(CHAIN));
    assert!(s.submitted().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sponsored_and_errors() {
    let s = Standin::start(CHAIN).await.unwrap();
    let mut cmd = tokio::process::Command::new(env!("CARGO_BIN_EXE_lumen"));
    let out = cmd
        .env("LUMEN_PACKAGE", "0xcafe")
        .env("LUMEN_NODE_URL", s.url())
        .env("LUMEN_KEY", CREATOR_KEY)
        .env("LUMEN_FEE_PAYER_KEY", WORKER_KEY)
        .args(["cancel", "--job", "2"])
        .output()
        .await
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let t = &s.submitted()[0];
    assert_eq!(t.fee_payer, Some(address_of(WORKER_KEY)));

    let (ok, _, err) = lumen(Some(&s.url()), "0xnothex", &["cancel", "--job", "2"]).await;
    assert!(!ok && err.contains("invalid ed25519 private key"), "{err}");
    let (ok, _, err) = lumen(Some(&s.url()), CREATOR_KEY, &["cancel", "--job", "two"]).await;
    assert!(!ok && err.contains("--job must be"), "{err}");
    let (ok, _, err) = lumen(None, CREATOR_KEY, &["cancel", "--job", "2"]).await;
    assert!(!ok && err.contains("LUMEN_NODE_URL"), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn campaign_commands_sign_their_payloads() {
    let referrer = address_of(WORKER_KEY);
    let referrer_hex = referrer.to_long_string();
    for (args, function, arg_bytes) in [
        (vec!["check-in"], "check_in", vec![]),
        (vec!["claim-credits"], "claim_credits", vec![]),
        (
            vec!["referral", "--referrer", referrer_hex.as_str()],
            "register_referral",
            vec![referrer.as_bytes().to_vec()],
        ),
    ] {
        let mut all = vec!["--dry-run", "--chain-id", "4", "--sequence-number", "2"];
        all.extend(args);
        let (ok, v, err) = lumen(None, CREATOR_KEY, &all).await;
        assert!(ok, "{err}");
        let bcs = hex::decode(v["bcs"].as_str().unwrap().trim_start_matches("0x")).unwrap();
        let signed: SignedTransaction = aptos_bcs::from_bytes(&bcs).unwrap();
        signed.verify_signature().unwrap();
        let aptos_sdk::transaction::TransactionPayload::EntryFunction(f) = &signed.raw_txn.payload
        else {
            panic!("not an entry function: {:?}", signed.raw_txn.payload)
        };
        assert_eq!(f.module.name.as_str(), "campaign");
        assert_eq!(f.function.as_str(), function);
        assert_eq!(f.args, arg_bytes);
        assert_eq!(signed.raw_txn.sender, address_of(CREATOR_KEY));
    }
    let (ok, _, err) = lumen(
        None,
        CREATOR_KEY,
        &[
            "--dry-run",
            "--chain-id",
            "4",
            "--sequence-number",
            "2",
            "referral",
            "--referrer",
            "bob",
        ],
    )
    .await;
    assert!(!ok && err.contains("referrer"), "{err}");
}
