//! The stand-in's write routes: submissions (decoded, signatures and
//! authentication keys checked, sequence numbers enforced) and simulations.

use aptos_sdk::crypto::derive_authentication_key;
use aptos_sdk::transaction::authenticator::{AccountAuthenticator, TransactionAuthenticator};
use aptos_sdk::transaction::types::{FeePayerRawTransaction, MultiAgentRawTransaction};
use aptos_sdk::transaction::{SignedTransaction, TransactionPayload};
use aptos_sdk::types::AccountAddress;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};

use super::routes::{error, lock, Shared};
use super::{Run, SubmittedTxn, BCS_SIGNED_TXN};

/// A submission as the node shows it while pending (`fee_payer` for a
/// sponsored one).
pub(super) fn pending_json(t: &SubmittedTxn) -> Value {
    let mut v = crate::rest::pending_transaction(&t.signed, &t.hash, None);
    if let Some(fp) = t.fee_payer {
        v["fee_payer"] = json!(fp.to_hex());
    }
    v
}

fn vm_error(message: &str, vm_code: u64) -> Response {
    (
        StatusCode::BAD_REQUEST,
        Json(json!({
            "message": format!("Invalid transaction: Type: Validation Code: {message}"),
            "error_code": "vm_error",
            "vm_error_code": vm_code,
        })),
    )
        .into_response()
}

fn decode_txn(headers: &HeaderMap, body: &[u8]) -> Result<SignedTransaction, Box<Response>> {
    let ct = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if ct != BCS_SIGNED_TXN {
        return Err(Box::new(error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            format!("expected content-type {BCS_SIGNED_TXN}, got {ct:?}"),
        )));
    }
    aptos_bcs::from_bytes::<SignedTransaction>(body).map_err(|e| {
        Box::new(error(
            StatusCode::BAD_REQUEST,
            "invalid_input",
            format!("Failed to deserialize input into SignedTransaction: {e}"),
        ))
    })
}

/// The signing message, every (address, authenticator) that must verify,
/// and the fee payer.
type Signers = (
    Vec<u8>,
    Vec<(AccountAddress, AccountAuthenticator)>,
    Option<AccountAddress>,
);

fn signers(t: &SignedTransaction) -> Result<Signers, String> {
    let raw = &t.raw_txn;
    let e = |e: aptos_sdk::AptosError| e.to_string();
    Ok(match &t.authenticator {
        TransactionAuthenticator::Ed25519 {
            public_key,
            signature,
        } => (
            raw.signing_message().map_err(e)?,
            vec![(
                raw.sender,
                AccountAuthenticator::Ed25519 {
                    public_key: public_key.clone(),
                    signature: signature.clone(),
                },
            )],
            None,
        ),
        TransactionAuthenticator::SingleSender { sender } => (
            raw.signing_message().map_err(e)?,
            vec![(raw.sender, sender.clone())],
            None,
        ),
        TransactionAuthenticator::MultiAgent {
            sender,
            secondary_signer_addresses,
            secondary_signers,
        } => {
            let all = with_secondaries(
                raw.sender,
                sender,
                secondary_signer_addresses,
                secondary_signers,
            )?;
            let msg =
                MultiAgentRawTransaction::new(raw.clone(), secondary_signer_addresses.clone())
                    .signing_message()
                    .map_err(e)?;
            (msg, all, None)
        }
        TransactionAuthenticator::FeePayer {
            sender,
            secondary_signer_addresses,
            secondary_signers,
            fee_payer_address,
            fee_payer_signer,
        } => {
            let mut all = with_secondaries(
                raw.sender,
                sender,
                secondary_signer_addresses,
                secondary_signers,
            )?;
            let msg = FeePayerRawTransaction::new(
                raw.clone(),
                secondary_signer_addresses.clone(),
                *fee_payer_address,
            )
            .signing_message()
            .map_err(e)?;
            all.push((*fee_payer_address, fee_payer_signer.clone()));
            (msg, all, Some(*fee_payer_address))
        }
        TransactionAuthenticator::MultiEd25519 { .. } => {
            return Err("multi-ed25519 senders are not supported by the stand-in".into())
        }
    })
}

/// The sender's and the secondary signers' (address, authenticator) pairs.
fn with_secondaries(
    sender: AccountAddress,
    auth: &AccountAuthenticator,
    addresses: &[AccountAddress],
    signers: &[AccountAuthenticator],
) -> Result<Vec<(AccountAddress, AccountAuthenticator)>, String> {
    if addresses.len() != signers.len() {
        return Err("secondary signer count mismatch".into());
    }
    let mut all = vec![(sender, auth.clone())];
    all.extend(addresses.iter().copied().zip(signers.iter().cloned()));
    Ok(all)
}

fn auth_key_of(a: &AccountAuthenticator) -> Result<[u8; 32], String> {
    match a {
        AccountAuthenticator::Ed25519 { public_key, .. } => {
            Ok(derive_authentication_key(&public_key.0, 0))
        }
        other => other
            .derived_address()
            .map(|a| a.to_bytes())
            .map_err(|e| e.to_string()),
    }
}

fn decoded(
    signed: SignedTransaction,
    bcs: Vec<u8>,
    fee_payer: Option<AccountAddress>,
) -> SubmittedTxn {
    let hash = signed.hash().map(|h| h.to_hex()).unwrap_or_default();
    let entry_function = match &signed.raw_txn.payload {
        TransactionPayload::EntryFunction(f) => Some(f.clone()),
        _ => None,
    };
    SubmittedTxn {
        hash,
        sender: signed.raw_txn.sender,
        sequence_number: signed.raw_txn.sequence_number,
        fee_payer,
        entry_function,
        signed,
        bcs,
        version: None,
        outcome: None,
    }
}

pub(super) async fn submit(State(s): State<Shared>, headers: HeaderMap, body: Bytes) -> Response {
    let signed = match decode_txn(&headers, &body) {
        Ok(t) => t,
        Err(r) => return *r,
    };
    let (msg, sigs, fee_payer) = match signers(&signed) {
        Ok(x) => x,
        Err(m) => return error(StatusCode::BAD_REQUEST, "invalid_input", m),
    };
    let mut g = lock(&s);
    for (addr, auth) in &sigs {
        if let Err(err) = auth.verify(&msg) {
            return vm_error(&format!("INVALID_SIGNATURE ({addr}: {err})"), 1);
        }
        let key = match auth_key_of(auth) {
            Ok(k) => k,
            Err(m) => return vm_error(&format!("INVALID_AUTH_KEY ({m})"), 2),
        };
        if g.account(*addr).auth_key != key {
            return vm_error(&format!("INVALID_AUTH_KEY (signer of {addr})"), 2);
        }
    }
    let raw = &signed.raw_txn;
    if raw.chain_id.id() != g.chain_id {
        return vm_error("BAD_CHAIN_ID", 6);
    }
    if raw.expiration_timestamp_secs * 1_000_000 <= g.now_usecs() {
        return vm_error("TRANSACTION_EXPIRED", 5);
    }
    if let Some(status) = g.refusals.pop_front() {
        return vm_error(&status, 0);
    }
    let txn = decoded(signed, body.to_vec(), fee_payer);
    if let Some(&i) = g.by_hash.get(&txn.hash) {
        let t = g.submitted[i].clone();
        return (StatusCode::ACCEPTED, Json(pending_json(&t))).into_response();
    }
    let committed = g.account(txn.sender).sequence_number;
    let expected = committed + g.pending_of(txn.sender);
    if txn.sequence_number < committed {
        return vm_error("SEQUENCE_NUMBER_TOO_OLD", 3);
    }
    if txn.sequence_number != expected {
        return vm_error(&format!("SEQUENCE_NUMBER_TOO_NEW (expected {expected})"), 4);
    }
    tracing::debug!(hash = %txn.hash, sender = %txn.sender, "stand-in accepted a transaction");
    let body = pending_json(&txn);
    g.submitted.push(txn);
    let idx = g.submitted.len() - 1;
    let hash = g.submitted[idx].hash.clone();
    g.by_hash.insert(hash, idx);
    if g.auto_commit {
        g.commit(idx);
    }
    (StatusCode::ACCEPTED, Json(body)).into_response()
}

pub(super) async fn simulate(State(s): State<Shared>, headers: HeaderMap, body: Bytes) -> Response {
    let signed = match decode_txn(&headers, &body) {
        Ok(t) => t,
        Err(r) => return *r,
    };
    let fee_payer = match &signed.authenticator {
        TransactionAuthenticator::FeePayer {
            fee_payer_address, ..
        } => Some(*fee_payer_address),
        _ => None,
    };
    let g = lock(&s);
    let txn = decoded(signed, body.to_vec(), fee_payer);
    let run = Run {
        now: g.now_usecs() / 1_000_000,
        simulate: true,
    };
    let (success, vm_status, events) = match g.executor.as_ref().map(|f| f(&txn, run)) {
        Some(Err(st)) => (false, st, vec![]),
        Some(Ok(ev)) => (true, "Executed successfully".to_string(), ev),
        None => (true, "Executed successfully".to_string(), vec![]),
    };
    let mut v = pending_json(&txn);
    v["type"] = json!("user_transaction");
    v["success"] = json!(success);
    v["vm_status"] = json!(vm_status);
    v["gas_used"] = json!("10");
    v["events"] = Value::Array(events);
    v["version"] = json!((g.head() + 1).to_string());
    Json(json!([v])).into_response()
}
