//! The `lumen` binary end to end against the fullnode stand-in: real
//! processes, real HTTP, real signatures.

use aptos_sdk::account::Ed25519Account;
use aptos_sdk::crypto::{Ed25519PublicKey, Ed25519Signature};
use aptos_sdk::transaction::SignedTransaction;
use aptos_sdk::types::AccountAddress;
use lumen_sdk::envelope::{AssetUnits, OfferEnvelope, WalletHeader};
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

/// A job of 240 frames at most 1000 a frame, its spec hashing to 0xabcd.
const CREATE_JOB: [&str; 7] = [
    "create-job",
    "--spec-hash",
    "0xabcd",
    "--frames",
    "240",
    "--max-price-per-frame",
    "1000",
];

/// What a transaction is built with when no node is asked: the chain id
/// and the sequence number `seq`.
fn offline(seq: &str) -> [&str; 4] {
    ["--chain-id", "4", "--sequence-number", seq]
}

/// An offer's terms as options: the job id, the worker, the price per frame,
/// the render deadline 1 900 000 000, the expiry when given, the nonce.
fn terms<'a>(
    job: &'a str,
    worker: &'a str,
    price: &'a str,
    expires: Option<&'a str>,
    nonce: &'a str,
) -> Vec<&'a str> {
    let mut v = vec!["--job", job, "--worker", worker, "--price-per-frame", price];
    v.extend(["--render-deadline", "1900000000"]);
    if let Some(e) = expires {
        v.extend(["--offer-expires-at", e]);
    }
    v.extend(["--nonce", nonce]);
    v
}

/// The output of `cmd`, a run of `lumen` that must succeed (else its
/// standard error is shown).
async fn succeeds(cmd: &mut tokio::process::Command) -> std::process::Output {
    let out = cmd.output().await.unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

async fn lumen(url: Option<&str>, key: &str, args: &[&str]) -> (bool, Value, String) {
    let mut cmd = tokio::process::Command::new(env!("CARGO_BIN_EXE_lumen"));
    cmd.env_remove("LUMEN_NODE_URL")
        .env_remove("LUMEN_FEE_PAYER_KEY")
        .env_remove("LUMEN_KEY")
        .env("LUMEN_PACKAGE", "0xcafe")
        .args(args);
    if !key.is_empty() {
        cmd.env("LUMEN_KEY", key);
    }
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

    let needs = ["--min-score", "2000000", "--min-vram-mb", "8192"];
    let args = [&CREATE_JOB[..], &needs[..]].concat();
    let (ok, v, err) = lumen(Some(&url), CREATOR_KEY, &args).await;
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
    let worker_hex = worker.to_hex();
    let offer = terms("0", &worker_hex, "800", Some("1800000000"), "5");
    let out = ["--out", offer_path.to_str().unwrap()];
    let args = [&["sign-offer"][..], &offer[..], &out[..]].concat();
    let (ok, v, err) = lumen(Some(&url), CREATOR_KEY, &args).await;
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
        (WORKER_KEY, vec!["accept-partial", "--job", "0"]),
        (
            WORKER_KEY,
            vec!["dispute", "--job", "0", "--reason-hash", "0xbeef"],
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
                &match args[0] {
                    "submit" => "submit_result".to_string(),
                    other => other.replace('-', "_"),
                }
            )
        );
        assert_eq!(last.args()[0], p.job_address(0).to_bytes().to_vec());
    }
    for (args, function, arg) in [
        (vec!["burn-nonce", "--nonce", "6"], "burn_nonce", Some(6u64)),
        (vec!["withdraw-claimable"], "withdraw", None),
    ] {
        let (ok, _, err) = lumen(Some(&url), CREATOR_KEY, &args).await;
        assert!(ok, "{args:?}: {err}");
        let last = s.submitted().pop().unwrap();
        assert_eq!(last.function_id().unwrap(), p.member("escrow", function));
        let want: Vec<Vec<u8>> = arg.map(|n| n.to_le_bytes().to_vec()).into_iter().collect();
        assert_eq!(last.args(), want);
    }
    assert_eq!(s.sequence_number(address_of(CREATOR_KEY)), 6);
    assert_eq!(s.sequence_number(worker), 5);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dry_run_prints_a_verifiable_transaction_and_sends_nothing() {
    // Without a node: chain id and sequence number given.
    let cancel = ["cancel", "--job", "3"];
    let args = [&["--dry-run"][..], &offline("9")[..], &cancel[..]].concat();
    let (ok, v, err) = lumen(None, CREATOR_KEY, &args).await;
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
    cmd.env("LUMEN_PACKAGE", "0xcafe")
        .env("LUMEN_NODE_URL", s.url())
        .env("LUMEN_KEY", CREATOR_KEY)
        .env("LUMEN_FEE_PAYER_KEY", WORKER_KEY)
        .args(["cancel", "--job", "2"]);
    succeeds(&mut cmd).await;
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
        (vec!["pay-leaderboard"], "pay_leaderboard", vec![]),
        (
            vec!["referral", "--referrer", referrer_hex.as_str()],
            "register_referral",
            vec![referrer.as_bytes().to_vec()],
        ),
    ] {
        let mut all = [&["--dry-run"][..], &offline("2")[..]].concat();
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
    let referral = ["referral", "--referrer", "bob"];
    let args = [&["--dry-run"][..], &offline("2")[..], &referral[..]].concat();
    let (ok, _, err) = lumen(None, CREATOR_KEY, &args).await;
    assert!(!ok && err.contains("referrer"), "{err}");
}

/// No key: what a wallet is asked to sign or send, never a signature.
const NO_KEY: &str = "";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dry_run_without_a_key_prints_the_wallet_payload() {
    let p = Package::DEV;
    let args = [&["--dry-run"][..], &CREATE_JOB[..]].concat();
    let (ok, v, err) = lumen(None, NO_KEY, &args).await;
    assert!(ok, "{err}");
    let want = payloads::escrow::create_job(&p, &[0xab, 0xcd], 240, 1000, 0, 0);
    assert_eq!(v, lumen_sdk::wallet::to_wallet_json(&want).unwrap());
    assert_eq!(v["functionArguments"][0], serde_json::json!([0xab, 0xcd]));
    assert_eq!(lumen_sdk::wallet::from_wallet_json(&p, &v).unwrap(), want);

    // A signed offer file accepted by a wallet: the payload carries the creator's signature.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("offer.json");
    let worker = address_of(WORKER_KEY).to_hex();
    let offer = terms("2", &worker, "800", None, "5");
    let out = ["--out", file.to_str().unwrap()];
    let args = [&["--chain-id", "4", "sign-offer"][..], &offer[..], &out[..]].concat();
    let (ok, _, err) = lumen(None, CREATOR_KEY, &args).await;
    assert!(ok, "{err}");
    let (ok, v, err) = lumen(
        None,
        NO_KEY,
        &["--dry-run", "accept", "--offer", file.to_str().unwrap()],
    )
    .await;
    assert!(ok, "{err}");
    assert_eq!(v["function"], p.member("escrow", "accept_offer"));
    assert_eq!(v["functionArguments"].as_array().unwrap().len(), 7);
    assert_eq!(v["functionArguments"][4], "5");

    // Without --dry-run a key is still needed.
    let args = [&offline("1")[..], &["cancel", "--job", "2"][..]].concat();
    let (ok, _, err) = lumen(None, NO_KEY, &args).await;
    assert!(!ok && err.contains("signing key is required"), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_offer_wallet_envelope_prints_what_the_wallet_signs() {
    let p = Package::DEV;
    let creator = address_of(CREATOR_KEY);
    let worker = address_of(WORKER_KEY);
    let base = [
        "--chain-id",
        "4",
        "sign-offer",
        "--wallet-envelope",
        "--job",
        "7",
        "--worker",
    ];
    let rest = [
        "--price-per-frame",
        "2500000",
        "--render-deadline",
        "1900000000",
        "--offer-expires-at",
        "1899990000",
        "--nonce",
        "11",
        "--application",
        "https://lumen.example",
    ];
    let worker_hex = worker.to_hex();
    let creator_hex = creator.to_hex();
    let args = |extra: &[&'static str]| -> Vec<String> {
        base.iter()
            .copied()
            .chain([worker_hex.as_str()])
            .chain(rest)
            .chain(extra.iter().copied())
            .map(str::to_string)
            .collect()
    };
    let env = OfferEnvelope::new(
        &p,
        creator,
        AssignmentOffer {
            job: p.job_address(7),
            worker,
            price_per_frame: 2_500_000,
            render_deadline: 1_900_000_000,
            offer_expires_at: 1_899_990_000,
            nonce: 11,
            chain_id: CHAIN,
        },
        7,
        AssetUnits {
            decimals: 6,
            symbol: "USDT".into(),
        },
        WalletHeader::full(creator, "https://lumen.example"),
    )
    .unwrap();

    // No key: the creator and the asset are given; nothing is signed.
    let mut no_key = args(&[
        "--asset-decimals",
        "6",
        "--asset-symbol",
        "USDT",
        "--creator",
    ]);
    no_key.push(creator_hex.clone());
    let no_key: Vec<&str> = no_key.iter().map(String::as_str).collect();
    let (ok, v, err) = lumen(None, NO_KEY, &no_key).await;
    assert!(ok, "{err}");
    assert_eq!(v["fullMessage"], env.full_message(&p));
    assert_eq!(v["signMessage"], env.sign_message_input(&p));
    assert!(v["fullMessage"]
        .as_str()
        .unwrap()
        .contains("Price per frame: 2.5 USDT\n"));
    assert!(v.get("creator_signature").is_none());

    // With the key, and the asset read from the node: signed over the text.
    let s = Standin::start(CHAIN).await.unwrap();
    let asset = AccountAddress::from_hex("0xa55e7").unwrap();
    s.set_view_handler(move |body, _| {
        let f = body["function"].as_str().unwrap_or_default();
        Ok(match f.rsplit("::").next() {
            Some("payment_asset") => vec![Value::from(asset.to_hex())],
            Some("decimals") if body["arguments"][0] == asset.to_hex() => vec![Value::from(6)],
            Some("symbol") => vec![Value::from("USDT")],
            _ => return Err(format!("unexpected view {body}")),
        })
    });
    let signed = args(&[]);
    let signed: Vec<&str> = signed.iter().map(String::as_str).collect();
    let (ok, v, err) = lumen(Some(&s.url()), CREATOR_KEY, &signed).await;
    assert!(ok, "{err}");
    assert_eq!(v["fullMessage"], env.full_message(&p));
    let pk = Ed25519PublicKey::from_hex(v["creator_public_key"].as_str().unwrap()).unwrap();
    let sig = Ed25519Signature::from_hex(v["creator_signature"].as_str().unwrap()).unwrap();
    env.verify(&p, &pk, &sig).unwrap();
    assert_eq!(s.view_requests().len(), 3);

    // The job id is part of the text: an object address is refused.
    let job = p.job_address(7).to_hex();
    let mut by_address = no_key.clone();
    by_address[5] = &job;
    let (ok, _, err) = lumen(None, NO_KEY, &by_address).await;
    assert!(!ok && err.contains("needs --job as the job id"), "{err}");
    // Neither a key nor --creator.
    let (ok, _, err) = lumen(None, NO_KEY, &no_key[..no_key.len() - 2]).await;
    assert!(!ok && err.contains("needs the creator"), "{err}");
    // No asset flags and no node.
    let (ok, _, err) = lumen(None, CREATOR_KEY, &signed).await;
    assert!(!ok && err.contains("--asset-decimals"), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn interface_needs_no_package() {
    let mut cmd = tokio::process::Command::new(env!("CARGO_BIN_EXE_lumen"));
    let out = succeeds(cmd.env_remove("LUMEN_PACKAGE").arg("interface")).await;
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v, lumen_sdk::interface::describe().unwrap());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wallet_and_on_chain_offers_through_the_cli() {
    let p = Package::DEV;
    let s = Standin::start(CHAIN).await.unwrap();
    let url = s.url();
    let worker = address_of(WORKER_KEY);
    let worker_hex = worker.to_hex();
    let job = p.job_address(3);

    // A wallet-signed offer: sign-offer --wallet-envelope writes it, accept sends it.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("envelope.json");
    let offer = terms("3", &worker_hex, "800", Some("1899990000"), "12");
    let head = ["--chain-id", "4", "sign-offer", "--wallet-envelope"];
    let wallet = ["--application", "https://lumen.example"];
    let asset = ["--asset-decimals", "6", "--asset-symbol", "TUSD"];
    let out = ["--out", path.to_str().unwrap()];
    let args = [&head[..], &offer[..], &wallet[..], &asset[..], &out[..]].concat();
    let (ok, v, err) = lumen(None, CREATOR_KEY, &args).await;
    assert!(ok, "{err}");
    assert_eq!(v["key_scheme"], Value::from(0));
    let env: OfferEnvelope = serde_json::from_value(v["envelope"].clone()).unwrap();
    let pk = Ed25519PublicKey::from_hex(v["creator_public_key"].as_str().unwrap()).unwrap();
    let sig = Ed25519Signature::from_hex(v["creator_signature"].as_str().unwrap()).unwrap();
    let key = lumen_sdk::keys::AccountKey::Ed25519(pk.to_bytes());
    let accept = ["accept", "--offer", path.to_str().unwrap()];
    let (ok, _, err) = lumen(Some(&url), WORKER_KEY, &accept).await;
    assert!(ok, "{err}");
    let t = s.submitted().pop().unwrap();
    assert_eq!(t.sender, worker);
    assert_eq!(
        t.entry_function.unwrap(),
        payloads::accept_envelope_offer(&p, &env, &key, &sig.to_bytes())
    );
    // A restated price is refused before anything is sent.
    let mut tampered = v.clone();
    tampered["envelope"]["offer"]["price_per_frame"] = Value::from(900);
    std::fs::write(&path, tampered.to_string()).unwrap();
    let (ok, _, err) = lumen(Some(&url), WORKER_KEY, &accept).await;
    assert!(!ok && err.contains("does not verify"), "{err}");
    tampered["key_scheme"] = Value::from(1);
    std::fs::write(&path, tampered.to_string()).unwrap();
    let (ok, _, err) = lumen(Some(&url), WORKER_KEY, &accept).await;
    assert!(!ok && err.contains("scheme 1"), "{err}");
    assert_eq!(s.submitted().len(), 1);

    // On chain: a keyless creator's wallet gets the call as JSON; a keyed one sends it.
    let offer = terms("3", &worker_hex, "800", Some("1899990000"), "13");
    let offer_args = [&["offer-onchain"][..], &offer[..]].concat();
    let publish =
        payloads::offers::publish_offer(&p, job, worker, 800, 1_900_000_000, 1_899_990_000, 13);
    let dry: Vec<&str> = ["--dry-run"]
        .iter()
        .chain(offer_args.iter())
        .copied()
        .collect();
    let (ok, v, err) = lumen(None, NO_KEY, &dry).await;
    assert!(ok, "{err}");
    assert_eq!(v, lumen_sdk::wallet::to_wallet_json(&publish).unwrap());
    let (ok, _, err) = lumen(Some(&url), CREATOR_KEY, &offer_args).await;
    assert!(ok, "{err}");
    assert_eq!(
        s.submitted().pop().unwrap().entry_function.unwrap(),
        publish
    );

    // The worker reads the published offer and restates its terms.
    let (ok, _, _) = lumen(Some(&url), WORKER_KEY, &["accept-published", "--job", "3"]).await;
    assert!(!ok, "no view answers yet");
    let published = serde_json::json!({"vec": [{
        "worker": worker_hex,
        "price_per_frame": "800",
        "render_deadline": "1900000000",
        "offer_expires_at": "1899990000",
        "nonce": "13",
        "published_at": "1800000000",
    }]});
    let answer = std::sync::Arc::new(std::sync::Mutex::new(serde_json::json!({"vec": []})));
    let view = answer.clone();
    s.set_view_handler(move |body, _| {
        assert!(body["function"]
            .as_str()
            .unwrap()
            .ends_with("::offers::published_offer"));
        Ok(vec![view.lock().unwrap().clone()])
    });
    let (ok, _, err) = lumen(Some(&url), WORKER_KEY, &["accept-published", "--job", "3"]).await;
    assert!(!ok && err.contains("has published no offer"), "{err}");
    *answer.lock().unwrap() = published;
    let (ok, v, err) = lumen(Some(&url), WORKER_KEY, &["accept-published", "--job", "3"]).await;
    assert!(ok, "{err}");
    assert_eq!(v["offer"]["nonce"], Value::from("13"));
    let t = s.submitted().pop().unwrap();
    assert_eq!(t.sender, worker);
    assert_eq!(
        t.entry_function.unwrap(),
        payloads::offers::accept_published_offer(&p, job, 800, 1_900_000_000, 1_899_990_000, 13)
    );
}
