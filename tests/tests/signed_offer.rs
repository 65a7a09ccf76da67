//! A signed offer built by the sdk is accepted by the same verification the
//! contract uses (`ed25519::signature_verify_strict_t` over the BCS
//! `SignedMessage`, and the creator's single-key authentication key), for
//! the golden vector the Move tests share, for every offer of the scenario
//! (taken from the REST transactions as a node shows them), and for an
//! `accept_offer` transaction sent over HTTP to a fullnode stand-in.

mod common;

use common::*;
use lumen_sdk::aptos_sdk::account::Ed25519Account;
use lumen_sdk::aptos_sdk::crypto::{Ed25519PrivateKey, Ed25519PublicKey, Ed25519Signature};
use lumen_sdk::events::LumenEvent;
use lumen_sdk::messages::{authentication_key, AssignmentOffer, SignatureError};
use lumen_sdk::movejson::MoveJson;
use lumen_sdk::standin::Standin;
use lumen_sdk::tx::{LumenClient, TxnOptions};
use lumen_sdk::{payloads, AccountAddress, Package};
use serde_json::Value;

fn hex_bytes(v: &Value) -> Vec<u8> {
    hex::decode(v.as_str().unwrap().trim_start_matches("0x")).unwrap()
}

/// The contract's check in `accept_offer`: the key is the creator's
/// authentication key and the signature verifies strictly over the offer.
fn contract_accepts(
    offer: &AssignmentOffer,
    creator: AccountAddress,
    pk: &[u8],
    sig: &[u8],
) -> Result<(), String> {
    let pk = Ed25519PublicKey::from_bytes(pk).map_err(|e| format!("EWrongPublicKey: {e}"))?;
    if authentication_key(&pk) != creator.to_bytes() {
        return Err("EWrongPublicKey".into());
    }
    let sig = Ed25519Signature::from_bytes(sig).map_err(|e| format!("EBadSignature: {e}"))?;
    offer
        .verify(&Package::DEV, &pk, &sig)
        .map_err(|e| format!("EBadSignature: {e}"))
}

#[test]
fn the_golden_offer_vector_signs_and_verifies() {
    let v: Value = serde_json::from_str(
        &std::fs::read_to_string(lumen_e2e::vector_path("signing.json")).unwrap(),
    )
    .unwrap();
    let m = &v["assignment_offer"]["message"];
    let offer = AssignmentOffer {
        job: AccountAddress::from_move_json(&m["job"]).unwrap(),
        worker: AccountAddress::from_move_json(&m["worker"]).unwrap(),
        price_per_frame: m["price_per_frame"].as_u64().unwrap(),
        render_deadline: m["render_deadline"].as_u64().unwrap(),
        offer_expires_at: m["offer_expires_at"].as_u64().unwrap(),
        nonce: m["nonce"].as_u64().unwrap(),
        chain_id: m["chain_id"].as_u64().unwrap() as u8,
    };
    let package: Package = v["package"].as_str().unwrap().parse().unwrap();
    assert_eq!(package, Package::DEV);
    let bytes = offer.signing_bytes(&package);
    assert_eq!(bytes.len(), 152);
    assert_eq!(bytes, hex_bytes(&v["assignment_offer"]["signing_bytes"]));
    let key = Ed25519PrivateKey::from_bytes(&hex_bytes(&v["secret_key"])).unwrap();
    let pk = key.public_key();
    assert_eq!(pk.to_bytes().to_vec(), hex_bytes(&v["public_key"]));
    assert_eq!(
        authentication_key(&pk).to_vec(),
        hex_bytes(&v["authentication_key"])
    );
    let sig = offer.sign(&package, &key);
    assert_eq!(
        sig.to_bytes().to_vec(),
        hex_bytes(&v["assignment_offer"]["signature"])
    );
    let creator = AccountAddress::new(authentication_key(&pk));
    contract_accepts(&offer, creator, &pk.to_bytes(), &sig.to_bytes()).unwrap();
    let mut cheaper = offer.clone();
    cheaper.price_per_frame -= 1;
    assert!(
        contract_accepts(&cheaper, creator, &pk.to_bytes(), &sig.to_bytes())
            .unwrap_err()
            .starts_with("EBadSignature")
    );
    let other = AccountAddress::from_hex("0xb0b").unwrap();
    assert_eq!(
        contract_accepts(&offer, other, &pk.to_bytes(), &sig.to_bytes()),
        Err("EWrongPublicKey".into())
    );
}

#[test]
fn every_offer_of_the_scenario_verifies_like_the_contract() {
    let scenario = small();
    let accept = Package::DEV.member("escrow", "accept_offer");
    let mut checked = 0;
    for t in &scenario.transactions {
        if t["payload"]["function"].as_str() != Some(accept.as_str()) || t["success"] != true {
            continue;
        }
        let args = t["payload"]["arguments"].as_array().unwrap();
        let assigned = t["events"]
            .as_array()
            .unwrap()
            .iter()
            .find_map(|e| match LumenEvent::decode_rest(&Package::DEV, e) {
                Ok(Some(LumenEvent::JobAssigned(a))) => Some(a),
                _ => None,
            })
            .expect("accept_offer emits JobAssigned");
        let offer = AssignmentOffer {
            job: AccountAddress::from_move_json(&args[0]).unwrap(),
            worker: AccountAddress::from_move_json(&t["sender"]).unwrap(),
            price_per_frame: u64::from_move_json(&args[1]).unwrap(),
            render_deadline: u64::from_move_json(&args[2]).unwrap(),
            offer_expires_at: u64::from_move_json(&args[3]).unwrap(),
            nonce: u64::from_move_json(&args[4]).unwrap(),
            chain_id: CHAIN,
        };
        let pk = Vec::<u8>::from_move_json(&args[5]).unwrap();
        let sig = Vec::<u8>::from_move_json(&args[6]).unwrap();
        contract_accepts(&offer, assigned.creator, &pk, &sig)
            .unwrap_or_else(|e| panic!("offer of job {} rejected: {e}", assigned.job_id));
        // The offer's terms are the ones the event reports.
        assert_eq!(offer.job, assigned.job);
        assert_eq!(offer.worker, assigned.worker);
        assert_eq!(offer.price_per_frame, assigned.price_per_frame);
        assert_eq!(offer.render_deadline, assigned.render_deadline);
        assert_eq!(offer.nonce, assigned.nonce);
        // Signed for one chain only.
        let mut elsewhere = offer.clone();
        elsewhere.chain_id = 1;
        assert!(contract_accepts(&elsewhere, assigned.creator, &pk, &sig).is_err());
        checked += 1;
    }
    assert!(checked >= 20, "only {checked} offers in the scenario");
}

#[tokio::test]
async fn an_accept_offer_sent_over_http_carries_a_verifiable_offer() {
    let standin = Standin::start(CHAIN).await.unwrap();
    let creator =
        Ed25519Account::from_private_key(Ed25519PrivateKey::from_bytes(&[21; 32]).unwrap());
    let worker =
        Ed25519Account::from_private_key(Ed25519PrivateKey::from_bytes(&[22; 32]).unwrap());
    let offer = AssignmentOffer {
        job: Package::DEV.job_address(3),
        worker: worker.address(),
        price_per_frame: 12_500,
        render_deadline: 1_800_000_000,
        offer_expires_at: 1_790_000_000,
        nonce: 9,
        chain_id: CHAIN,
    };
    let sig = offer.sign(&Package::DEV, creator.private_key());
    let f = payloads::accept_signed_offer(&Package::DEV, &offer, creator.public_key(), &sig);
    let client = LumenClient::new(&standin.url(), Package::DEV).unwrap();
    let signed = client
        .build_and_sign(&worker, f.clone(), &TxnOptions::default())
        .await
        .unwrap();
    client.submit(&signed).await.unwrap();

    let got = standin.submitted();
    assert_eq!(got.len(), 1);
    let t = &got[0];
    assert_eq!(t.sender, worker.address());
    assert_eq!(
        t.function_id().unwrap(),
        Package::DEV.member("escrow", "accept_offer")
    );
    assert_eq!(
        t.entry_function.as_ref().unwrap(),
        &f,
        "the node decodes the exact call"
    );
    let a = t.args();
    let decoded = AssignmentOffer {
        job: lumen_sdk::aptos_sdk::types::AccountAddress::new(a[0].clone().try_into().unwrap()),
        worker: t.sender,
        price_per_frame: u64::from_le_bytes(a[1].clone().try_into().unwrap()),
        render_deadline: u64::from_le_bytes(a[2].clone().try_into().unwrap()),
        offer_expires_at: u64::from_le_bytes(a[3].clone().try_into().unwrap()),
        nonce: u64::from_le_bytes(a[4].clone().try_into().unwrap()),
        chain_id: standin.chain_id(),
    };
    assert_eq!(decoded, offer);
    // vector<u8> arguments: ULEB128 length then the bytes.
    assert_eq!(a[5][0], 32);
    assert_eq!(a[6][0], 64);
    contract_accepts(&decoded, creator.address(), &a[5][1..], &a[6][1..]).unwrap();
    // The worker cannot pass its own key off as the creator's.
    let forged = offer.sign(&Package::DEV, worker.private_key());
    assert_eq!(
        contract_accepts(
            &decoded,
            creator.address(),
            &worker.public_key().to_bytes(),
            &forged.to_bytes()
        ),
        Err("EWrongPublicKey".into())
    );
    assert!(matches!(
        decoded.verify(&Package::DEV, creator.public_key(), &forged),
        Err(SignatureError::Mismatch { .. })
    ));
}
