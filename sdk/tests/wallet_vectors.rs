//! The cross-language vectors the TypeScript client (`ts/`) and the Move
//! tests check against lumen-sdk:
//!
//! - `tests/vectors/entry_functions.json`: for every entry function, wallet
//!   JSON arguments and the BCS payload and signed transaction lumen-sdk
//!   builds from them (plus one sponsored transaction);
//! - `tests/vectors/wallet_envelope.json`: offers as a wallet's
//!   `signMessage` signs them (offer text, full envelope, signature), and the
//!   amount and date renderings the text uses;
//! - `tests/vectors/key_schemes.json`: a SingleKey and a MultiKey creator
//!   (public key bytes, authentication key) signing a wallet envelope.
//!
//! Each file is rebuilt here from its inputs and must equal the checked-in
//! one. After a deliberate change of the interface or the format, rewrite
//! them with `LUMEN_UPDATE_VECTORS=1 cargo test -p lumen-sdk --test wallet_vectors`
//! (then `python3 scripts/gen_move_vectors.py` for the Move side).

use std::path::PathBuf;

use aptos_sdk::account::Ed25519Account;
use aptos_sdk::crypto::{Ed25519PrivateKey, Ed25519Signature};
use aptos_sdk::transaction::{RawTransaction, TransactionPayload};
use aptos_sdk::types::{AccountAddress, ChainId};
use lumen_sdk::envelope::{format_amount, format_utc, AssetUnits, OfferEnvelope, WalletHeader};
use lumen_sdk::interface::abi_type;
use lumen_sdk::keys::{AccountKey, AnyPublicKey};
use lumen_sdk::messages::AssignmentOffer;
use lumen_sdk::payloads::ENTRY_FUNCTIONS;
use lumen_sdk::tx::{self, TxnOptions};
use lumen_sdk::wallet::{from_wallet_json, to_wallet_json};
use lumen_sdk::Package;
use serde_json::{json, Value};

const SENDER_KEY: [u8; 32] = [3; 32];
const FEE_PAYER_KEY: [u8; 32] = [4; 32];
const CREATOR_KEY: [u8; 32] = [1; 32];
const CHAIN: u8 = 4;
const EXPIRATION: u64 = 1_728_003_600;

fn manifest_dir() -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")))
}

fn hex0x(b: &[u8]) -> String {
    format!("0x{}", hex::encode(b))
}

/// Compares with the checked-in file, or rewrites it when asked.
fn check_file(name: &str, want: &Value) {
    let path = manifest_dir().join("../tests/vectors").join(name);
    if std::env::var_os("LUMEN_UPDATE_VECTORS").is_some() {
        std::fs::write(&path, serde_json::to_string_pretty(want).unwrap() + "\n").unwrap();
        return;
    }
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let have: Value = serde_json::from_str(&text).unwrap();
    assert!(
        &have == want,
        "tests/vectors/{name} differs from what lumen-sdk builds; if the change is deliberate, \
         rewrite it with LUMEN_UPDATE_VECTORS=1 cargo test -p lumen-sdk --test wallet_vectors"
    );
}

/// A wallet JSON value of Move type `ty` for parameter `k` (varied so that
/// every encoding edge shows up somewhere: u64::MAX, multi-byte ULEB128
/// lengths, empty vectors, non-ASCII strings, special addresses).
fn sample(ty: &str, k: usize) -> Value {
    let addr = |k: usize| {
        if k.is_multiple_of(4) {
            AccountAddress::ONE
        } else {
            AccountAddress::new([(k * 37 % 251) as u8 + 1; 32])
        }
    };
    let num = |k: usize| [0, 1, 255, 256, 1 << 32, (1 << 53) + 1, u64::MAX, EXPIRATION][k % 8];
    match ty {
        "address" => json!(addr(k).to_hex()),
        "u64" => json!(num(k).to_string()),
        "u8" => json!([0, 1, 2, 255][k % 4]),
        "bool" => json!(k.is_multiple_of(2)),
        "vector<u8>" => {
            let len = [0, 1, 32, 200][k % 4];
            json!((0..len).map(|m| (m * 31 + k) % 256).collect::<Vec<_>>())
        }
        "0x1::string::String" => {
            json!(["", "epoch_secs", "NVIDIA GeForce RTX 3070", "GPU ✓ — 8 GiB"][k % 4])
        }
        "vector<address>" => json!((0..k % 3 + 1)
            .map(|m| addr(k + m).to_hex())
            .collect::<Vec<_>>()),
        "vector<u64>" => json!((0..k % 4)
            .map(|m| num(k + m).to_string())
            .collect::<Vec<_>>()),
        other => panic!("no sample for Move type {other}"),
    }
}

fn opts() -> TxnOptions {
    TxnOptions {
        max_gas_amount: 200_000,
        gas_unit_price: 100,
        expires_in_secs: 0,
    }
}

fn entry_function_vectors() -> Value {
    let p = Package::DEV;
    let sender =
        Ed25519Account::from_private_key(Ed25519PrivateKey::from_bytes(&SENDER_KEY).unwrap());
    let mut cases = vec![];
    for (i, f) in ENTRY_FUNCTIONS.iter().enumerate() {
        let args: Vec<Value> = f
            .move_types
            .iter()
            .enumerate()
            .map(|(j, t)| sample(&abi_type(t), i * 5 + j))
            .collect();
        let wallet = json!({
            "function": p.member(f.module, f.name),
            "typeArguments": [],
            "functionArguments": args,
        });
        let built = from_wallet_json(&p, &wallet).unwrap();
        assert_eq!(
            to_wallet_json(&built).unwrap(),
            wallet,
            "round trip of {}::{}",
            f.module,
            f.name
        );
        let payload = TransactionPayload::EntryFunction(built.clone());
        let seq = 1_000 + i as u64;
        let raw = RawTransaction {
            expiration_timestamp_secs: EXPIRATION + i as u64,
            ..tx::build_raw(sender.address(), seq, ChainId::new(CHAIN), built, &opts()).unwrap()
        };
        let signed = tx::sign(&raw, &sender).unwrap();
        signed.verify_signature().unwrap();
        cases.push(json!({
            "function": format!("{}::{}", f.module, f.name),
            "functionArguments": args,
            "sequence_number": seq,
            "expiration_timestamp_secs": EXPIRATION + i as u64,
            "payload_bcs": hex0x(&aptos_bcs::to_bytes(&payload).unwrap()),
            "signed_transaction_bcs": hex0x(&signed.to_bcs().unwrap()),
        }));
    }
    // One sponsored transaction: the fee payer signs the same raw transaction.
    let fee_payer =
        Ed25519Account::from_private_key(Ed25519PrivateKey::from_bytes(&FEE_PAYER_KEY).unwrap());
    let cancel = lumen_sdk::payloads::escrow::cancel(&p, p.job_address(3));
    let raw = RawTransaction {
        expiration_timestamp_secs: EXPIRATION,
        ..tx::build_raw(
            sender.address(),
            7,
            ChainId::new(CHAIN),
            cancel.clone(),
            &opts(),
        )
        .unwrap()
    };
    let sponsored =
        aptos_sdk::transaction::FeePayerRawTransaction::new_simple(raw, fee_payer.address());
    let signed = tx::sign_sponsored(&sponsored, &sender, &fee_payer).unwrap();
    json!({
        "description": "Every entry function of lumen-sdk's table: wallet JSON arguments ({function, typeArguments, functionArguments} as @aptos-labs/ts-sdk takes them), the BCS TransactionPayload and the signed transaction lumen-sdk builds from them. Written by sdk/tests/wallet_vectors.rs; checked by it and by ts/test.",
        "package": "0xcafe",
        "sender_secret_key": hex0x(&SENDER_KEY),
        "sender": sender.address().to_hex(),
        "max_gas_amount": 200_000,
        "gas_unit_price": 100,
        "chain_id": CHAIN,
        "cases": cases,
        "sponsored": {
            "function": "escrow::cancel",
            "functionArguments": to_wallet_json(&cancel).unwrap()["functionArguments"],
            "fee_payer_secret_key": hex0x(&FEE_PAYER_KEY),
            "fee_payer": fee_payer.address().to_hex(),
            "sequence_number": 7,
            "expiration_timestamp_secs": EXPIRATION,
            "signed_transaction_bcs": hex0x(&signed.to_bcs().unwrap()),
        },
    })
}

struct EnvelopeCase {
    name: &'static str,
    job_id: u64,
    worker: AccountAddress,
    price_per_frame: u64,
    render_deadline: u64,
    offer_expires_at: u64,
    nonce: u64,
    chain_id: u8,
    decimals: u8,
    symbol: &'static str,
    address: Option<String>,
    application: Option<&'static str>,
    chain_line: bool,
}

fn envelope_vectors() -> Value {
    let p = Package::DEV;
    let key = Ed25519PrivateKey::from_bytes(&CREATOR_KEY).unwrap();
    let pk = key.public_key();
    let creator = AccountAddress::new(lumen_sdk::messages::authentication_key(&pk));
    let worker = AccountAddress::new([0xb0; 32]);
    let cases = [
        EnvelopeCase {
            name: "every optional line, as a dapp asks for them",
            job_id: 3,
            worker,
            price_per_frame: 800,
            render_deadline: 1_728_086_400,
            offer_expires_at: 1_728_003_600,
            nonce: 1,
            chain_id: CHAIN,
            decimals: 6,
            symbol: "TUSD",
            address: Some(creator.to_hex()),
            application: Some("https://lumen.example"),
            chain_line: true,
        },
        EnvelopeCase {
            name: "no optional line",
            job_id: 0,
            worker: AccountAddress::new([0x2b; 32]),
            price_per_frame: 2_500_000,
            render_deadline: 1_767_225_599,
            offer_expires_at: 1_767_139_200,
            nonce: u64::MAX,
            chain_id: CHAIN,
            decimals: 6,
            symbol: "TUSD",
            address: None,
            application: None,
            chain_line: false,
        },
        EnvelopeCase {
            name: "address and the dapp's host, no chain id line",
            job_id: 1_234_567,
            worker,
            price_per_frame: 123_456_789,
            render_deadline: 253_402_300_800,
            offer_expires_at: 951_782_400,
            nonce: 42,
            chain_id: CHAIN,
            decimals: 8,
            symbol: "APT",
            address: Some(creator.to_hex()),
            application: Some("lumen.example"),
            chain_line: false,
        },
        EnvelopeCase {
            name: "zero decimals, no symbol, the largest times",
            job_id: u64::MAX,
            worker: AccountAddress::ONE,
            price_per_frame: u64::MAX,
            render_deadline: u64::MAX,
            offer_expires_at: u64::MAX,
            nonce: 0,
            chain_id: CHAIN,
            decimals: 0,
            symbol: "",
            address: None,
            application: Some("https://app.lumen.example:8443"),
            chain_line: true,
        },
    ];
    let cases: Vec<Value> = cases
        .iter()
        .map(|c| {
            let offer = AssignmentOffer {
                job: p.job_address(c.job_id),
                worker: c.worker,
                price_per_frame: c.price_per_frame,
                render_deadline: c.render_deadline,
                offer_expires_at: c.offer_expires_at,
                nonce: c.nonce,
                chain_id: c.chain_id,
            };
            let asset = AssetUnits {
                decimals: c.decimals,
                symbol: c.symbol.into(),
            };
            let header = WalletHeader {
                address: c.address.clone(),
                application: c.application.map(str::to_string),
                chain_id: c.chain_line,
            };
            let env = OfferEnvelope::new(&p, creator, offer.clone(), c.job_id, asset, header).unwrap();
            let full = env.full_message(&p);
            let sig = env.sign(&p, &key);
            env.verify(&p, &pk, &sig).unwrap();
            // The raw-BCS signature of the same offer is another message.
            assert!(offer.verify(&p, &pk, &sig).is_err());
            json!({
                "name": c.name,
                "job_id": c.job_id.to_string(),
                "offer": {
                    "job": offer.job.to_hex(),
                    "worker": offer.worker.to_hex(),
                    "price_per_frame": offer.price_per_frame.to_string(),
                    "render_deadline": offer.render_deadline.to_string(),
                    "offer_expires_at": offer.offer_expires_at.to_string(),
                    "nonce": offer.nonce.to_string(),
                    "chain_id": offer.chain_id,
                },
                "asset": { "decimals": c.decimals, "symbol": c.symbol },
                "header": { "address": c.address, "application": c.application, "chain_id": c.chain_line },
                "sign_message_input": env.sign_message_input(&p),
                "message": env.message(&p),
                "full_message": full,
                "full_message_hex": hex0x(full.as_bytes()),
                "signature": hex0x(&sig.to_bytes()),
            })
        })
        .collect();
    let amounts: Vec<Value> = [
        (800, 6),
        (2_500_000, 6),
        (1_000_000, 6),
        (0, 6),
        (7, 0),
        (u64::MAX, 0),
        (u64::MAX, 8),
        (1, 32),
        (120, 2),
        (100_000_000, 8),
    ]
    .iter()
    .map(|&(a, d)| json!({ "amount": a.to_string(), "decimals": d, "expected": format_amount(a, d) }))
    .collect();
    let dates: Vec<Value> = [
        0,
        951_782_400,
        1_728_086_400,
        1_767_225_599,
        4_107_542_400,
        253_402_300_799,
        253_402_300_800,
        u64::MAX,
    ]
    .iter()
    .map(|&s| json!({ "secs": s.to_string(), "expected": format_utc(s) }))
    .collect();
    json!({
        "description": "Assignment offers signed through a wallet's signMessage (AIP-62): the offer text (message), the full envelope the wallet signs (UTF-8) and the ed25519 signature of the creator key over it, for package 0xcafe; the format is defined in move/README.md (Wallet-signed offers). Written by sdk/tests/wallet_vectors.rs; checked by it, by ts/test (signature by @aptos-labs/ts-sdk's Ed25519PrivateKey) and by move/tests/vectors_tests.move.",
        "package": "0xcafe",
        "secret_key": hex0x(&CREATOR_KEY),
        "public_key": hex0x(&pk.to_bytes()),
        "creator": creator.to_hex(),
        "format_amount": amounts,
        "format_utc": dates,
        "cases": cases,
    })
}

/// `AnyPublicKey::Secp256k1Ecdsa` of the secp256k1 secret key 0x07…07 (as
/// @aptos-labs/ts-sdk computes it; ts/test checks it): a MultiKey member
/// that cannot sign here.
const SECP256K1_ANY_PUBLIC_KEY: &str = "014104989c0b76cb563971fdc9bef31ec06c3560f3249d6ee9e5d83c57625596e05f6f631f4d05b3ae518776ee08755a7703e64b2ebc32547504de0b55a142d4ecdf80";

/// Case 0's offer as a wallet of `key`'s account signs it.
fn scheme_envelope(key: &AccountKey) -> OfferEnvelope {
    let p = Package::DEV;
    let creator = key.address();
    OfferEnvelope::new(
        &p,
        creator,
        AssignmentOffer {
            job: p.job_address(3),
            worker: AccountAddress::new([0xb0; 32]),
            price_per_frame: 800,
            render_deadline: 1_728_086_400,
            offer_expires_at: 1_728_003_600,
            nonce: 1,
            chain_id: CHAIN,
        },
        3,
        AssetUnits {
            decimals: 6,
            symbol: "TUSD".into(),
        },
        WalletHeader::full(creator, "https://lumen.example"),
    )
    .unwrap()
}

fn key_scheme_vectors() -> Value {
    let p = Package::DEV;
    let secret = |b: u8| Ed25519PrivateKey::from_bytes(&[b; 32]).unwrap();
    let single = AccountKey::SingleKey(secret(1).public_key().to_bytes());
    let env = scheme_envelope(&single);
    let single_sig = env.sign(&p, &secret(1));
    let single_json = json!({
        "secret_key": hex0x(&[1; 32]),
        "public_key_bytes": hex0x(&single.public_key_bytes()),
        "authentication_key": hex0x(&single.authentication_key()),
        "full_message": env.full_message(&p),
        "signature": hex0x(&single.signature_bytes(&[(0, single_sig)]).unwrap()),
    });
    let multi = AccountKey::MultiKey {
        keys: vec![
            AnyPublicKey::Ed25519(secret(5).public_key().to_bytes()),
            AnyPublicKey::Other(hex::decode(SECP256K1_ANY_PUBLIC_KEY).unwrap()),
            AnyPublicKey::Ed25519(secret(6).public_key().to_bytes()),
        ],
        signatures_required: 2,
    };
    let env = scheme_envelope(&multi);
    let signed = [(2, env.sign(&p, &secret(6))), (0, env.sign(&p, &secret(5)))];
    let multi_json = json!({
        "secret_keys": [hex0x(&[5; 32]), Value::Null, hex0x(&[6; 32])],
        "secp256k1_secret_key": hex0x(&[7; 32]),
        "signatures_required": 2,
        "signers": [0, 2],
        "public_key_bytes": hex0x(&multi.public_key_bytes()),
        "authentication_key": hex0x(&multi.authentication_key()),
        "full_message": env.full_message(&p),
        "signature": hex0x(&multi.signature_bytes(&signed).unwrap()),
    });
    json!({
        "description": "Creators with SingleKey (scheme 2) and MultiKey (scheme 3) accounts signing case 0 of wallet_envelope.json (the address line names their account): public key bytes and signature as lumen::offer_auth takes them, authentication key = sha3_256(public key bytes ++ scheme). The MultiKey is [Ed25519 0x05.., Secp256k1 0x07.., Ed25519 0x06..], 2 required, signed by keys 0 and 2. Written by sdk/tests/wallet_vectors.rs; checked by it, by ts/test (@aptos-labs/ts-sdk's AnyPublicKey, MultiKey, MultiKeySignature) and by move/tests/vectors_tests.move.",
        "package": "0xcafe",
        "single_key": single_json,
        "multi_key": multi_json,
    })
}

#[test]
fn key_schemes_json_is_what_lumen_sdk_builds() {
    check_file("key_schemes.json", &key_scheme_vectors());
}

#[test]
fn entry_functions_json_is_what_lumen_sdk_builds() {
    let v = entry_function_vectors();
    assert_eq!(v["cases"].as_array().unwrap().len(), ENTRY_FUNCTIONS.len());
    check_file("entry_functions.json", &v);
}

#[test]
fn wallet_envelope_json_is_what_lumen_sdk_builds() {
    check_file("wallet_envelope.json", &envelope_vectors());
}

#[test]
fn envelope_tampering_breaks_the_signature() {
    let v = envelope_vectors();
    let c = &v["cases"][0];
    let p = Package::DEV;
    let key = Ed25519PrivateKey::from_bytes(&CREATOR_KEY).unwrap();
    let creator = AccountAddress::new(lumen_sdk::messages::authentication_key(&key.public_key()));
    let sig =
        Ed25519Signature::from_bytes(&hex::decode(&c["signature"].as_str().unwrap()[2..]).unwrap())
            .unwrap();
    let base = || scheme_envelope(&AccountKey::Ed25519(key.public_key().to_bytes()));
    base().verify(&p, &key.public_key(), &sig).unwrap();
    type Change = fn(&mut OfferEnvelope);
    let tampered: [(&str, Change); 6] = [
        ("price", |e| e.offer.price_per_frame += 1),
        ("worker", |e| {
            e.offer.worker = AccountAddress::new([0xb1; 32])
        }),
        ("chain id", |e| e.offer.chain_id = 2),
        ("application", |e| {
            e.header.application = Some("https://evil.example".into())
        }),
        ("asset decimals", |e| e.asset.decimals = 8),
        ("chain id line dropped", |e| e.header.chain_id = false),
    ];
    for (what, change) in tampered {
        let mut e = base();
        change(&mut e);
        assert!(e.verify(&p, &key.public_key(), &sig).is_err(), "{what}");
    }
    // Malformed headers are refused before anything is signed.
    let offer = base().offer;
    let asset = base().asset;
    let bad = |h: WalletHeader| {
        OfferEnvelope::new(&p, creator, offer.clone(), 3, asset.clone(), h)
            .unwrap_err()
            .to_string()
    };
    assert!(bad(WalletHeader {
        application: Some("x\nchainId: 1".into()),
        ..Default::default()
    })
    .contains("line break"));
    assert!(bad(WalletHeader {
        address: Some("0xb0b".into()),
        ..Default::default()
    })
    .contains("not the creator"));
    assert!(bad(WalletHeader {
        application: Some(String::new()),
        ..Default::default()
    })
    .contains("empty"));
    let wrong_job =
        OfferEnvelope::new(&p, creator, offer, 4, asset, WalletHeader::default()).unwrap_err();
    assert!(wrong_job.to_string().contains("not job #4"), "{wrong_job}");
}

#[test]
fn key_scheme_vectors_parse_and_verify_like_the_contract() {
    let v = key_scheme_vectors();
    for (name, scheme) in [("single_key", 2), ("multi_key", 3)] {
        let c = &v[name];
        let bytes = |k: &str| hex::decode(&c[k].as_str().unwrap()[2..]).unwrap();
        let key = AccountKey::from_bytes(scheme, &bytes("public_key_bytes")).unwrap();
        assert_eq!(
            key.authentication_key().to_vec(),
            bytes("authentication_key")
        );
        let message = c["full_message"].as_str().unwrap().as_bytes();
        assert_eq!(key.verify(message, &bytes("signature")), Ok(true), "{name}");
        assert_eq!(
            key.verify(&message[1..], &bytes("signature")),
            Ok(false),
            "{name}"
        );
    }
}
