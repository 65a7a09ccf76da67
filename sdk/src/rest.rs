//! Transactions in the fullnode's REST JSON shape (`GET /v1/transactions`):
//! the one writer behind every ledger the project serves or replays (the
//! scenario's chain, the stand-in's committed transactions, the bench's
//! workloads, the indexer's test chains).
//!
//! [`Writer`] numbers transactions from version 0 without gaps, stamps them
//! with a clock that never goes back, and builds the three kinds a Lumen
//! indexer meets on a real chain: block metadata, user transactions of other
//! packages, and user transactions calling the Lumen package. User
//! transactions are really signed (aptos-sdk's raw transaction, signed by the
//! sender's ed25519 key), so their `hash` and `signature` are what a node
//! would show; [`Writer::sign`] gives the hash before the transaction is
//! executed (a model of the contract derives unique addresses from it), and
//! [`Writer::user`] writes it with the outcome. Arguments of the package's
//! entry functions are rendered from their BCS bytes
//! ([`crate::payloads::rest_arguments`]), so no caller spells one twice.
//! [`user_transaction`] is the user-transaction body alone, for a node that
//! numbers versions itself (the stand-in).

use std::collections::HashMap;

use aptos_sdk::account::Ed25519Account;
use aptos_sdk::transaction::authenticator::TransactionAuthenticator;
use aptos_sdk::transaction::{
    EntryFunction, SignedTransaction, TransactionBuilder, TransactionPayload,
};
use aptos_sdk::types::{AccountAddress, ChainId};
use serde_json::{json, Value};
use sha3::{Digest, Sha3_256};

use crate::events::LumenEvent;
use crate::package::Package;

/// A transaction that could not be built or signed.
#[derive(Debug, thiserror::Error)]
#[error("cannot build transaction {version}: {reason}")]
pub struct WriteError {
    /// The version it would have had.
    pub version: u64,
    /// What went wrong.
    pub reason: String,
}

/// An event of another module (`0x1::…`), as a REST event object.
pub fn framework_event(type_str: &str, data: Value) -> Value {
    json!({
        "guid": {"creation_number": "0", "account_address": "0x0"},
        "sequence_number": "0",
        "type": type_str,
        "data": data,
    })
}

/// The gas statement every user transaction ends with.
pub fn fee_statement(gas_used: u64) -> Value {
    framework_event(
        "0x1::transaction_fee::FeeStatement",
        json!({
            "execution_gas_units": (gas_used / 2).to_string(),
            "io_gas_units": (gas_used - gas_used / 2).to_string(),
            "storage_fee_octas": "0",
            "storage_fee_refund_octas": "0",
            "total_charge_gas_units": gas_used.to_string(),
        }),
    )
}

/// `0x` + hex of `sha3_256` of the parts: deterministic stand-ins for the
/// hashes a node reports (state, events, accumulator).
pub fn hash_hex(parts: &[&[u8]]) -> String {
    let mut h = Sha3_256::new();
    for p in parts {
        h.update(p);
    }
    format!("0x{}", hex::encode(h.finalize()))
}

/// The outcome of a user transaction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Executed: the package events it emitted, in order.
    Success(Vec<LumenEvent>),
    /// Aborted with this VM status; nothing but the gas statement is emitted.
    Abort(String),
}

/// A signed user transaction, not written yet.
#[derive(Clone, Debug)]
pub struct Signed {
    /// The transaction.
    pub txn: SignedTransaction,
    /// Its hash (`0x…`), as the node reports it.
    pub hash: String,
    /// Its commit time (microseconds).
    pub timestamp_us: u64,
}

impl Signed {
    /// The hash's 32 bytes.
    pub fn hash_bytes(&self) -> Vec<u8> {
        hex::decode(self.hash.trim_start_matches("0x")).expect("hashes are hex")
    }

    /// The entry function it calls.
    pub fn entry_function(&self) -> Option<&EntryFunction> {
        match &self.txn.raw_txn.payload {
            TransactionPayload::EntryFunction(f) => Some(f),
            _ => None,
        }
    }
}

/// The REST `signature` object of a transaction's authenticator.
pub fn signature_json(a: &TransactionAuthenticator) -> Value {
    match a {
        TransactionAuthenticator::Ed25519 {
            public_key,
            signature,
        } => json!({
            "public_key": format!("0x{}", hex::encode(public_key.0)),
            "signature": format!("0x{}", hex::encode(signature.0)),
            "type": "ed25519_signature",
        }),
        TransactionAuthenticator::MultiEd25519 { .. } => json!({"type": "multi_ed25519_signature"}),
        TransactionAuthenticator::MultiAgent { .. } => json!({"type": "multi_agent_signature"}),
        TransactionAuthenticator::FeePayer { .. } => json!({"type": "fee_payer_signature"}),
        TransactionAuthenticator::SingleSender { .. } => json!({"type": "single_sender"}),
    }
}

/// `0x<long address>::<module>::<function>` of an entry function.
pub fn function_id(f: &EntryFunction) -> String {
    format!(
        "{}::{}::{}",
        f.module.address.to_hex(),
        f.module.name.as_str(),
        f.function
    )
}

/// The REST `payload` of a user transaction: the entry function with its
/// `arguments` (a Lumen entry function's rendered from the BCS, at whatever
/// address the package is published; others' as hex of their bytes unless
/// given).
pub fn payload_json(payload: &TransactionPayload, arguments: Option<Vec<Value>>) -> Value {
    match payload {
        TransactionPayload::EntryFunction(f) => {
            let package = Package::new(f.module.address);
            let arguments = arguments
                .or_else(|| crate::payloads::rest_arguments(&package, f).ok())
                .unwrap_or_else(|| {
                    f.args
                        .iter()
                        .map(|a| json!(format!("0x{}", hex::encode(a))))
                        .collect()
                });
            json!({
                "function": function_id(f),
                "type_arguments": f.type_args.iter().map(|a| format!("{a:?}")).collect::<Vec<_>>(),
                "arguments": arguments,
                "type": "entry_function_payload",
            })
        }
        _ => json!({"type": "unsupported_payload"}),
    }
}

/// A user transaction's REST fields that do not depend on its execution
/// (sender, sequence number, gas terms, payload, signature, hash), as a
/// node shows a pending one.
pub fn pending_transaction(
    txn: &SignedTransaction,
    hash: &str,
    arguments: Option<Vec<Value>>,
) -> Value {
    let raw = &txn.raw_txn;
    json!({
        "hash": hash,
        "sender": raw.sender.to_hex(),
        "sequence_number": raw.sequence_number.to_string(),
        "max_gas_amount": raw.max_gas_amount.to_string(),
        "gas_unit_price": raw.gas_unit_price.to_string(),
        "expiration_timestamp_secs": raw.expiration_timestamp_secs.to_string(),
        "payload": payload_json(&raw.payload, arguments),
        "signature": signature_json(&txn.authenticator),
        "type": "pending_transaction",
    })
}

/// The execution of a committed user transaction.
#[derive(Clone, Debug)]
pub struct Committed {
    /// Its version.
    pub version: u64,
    /// Commit time (microseconds).
    pub timestamp_us: u64,
    /// Whether it executed.
    pub success: bool,
    /// `Executed successfully` or the abort's status.
    pub vm_status: String,
    /// Every event (REST JSON), the fee statement included.
    pub events: Vec<Value>,
    /// Gas units used.
    pub gas_used: u64,
}

/// A committed user transaction as `GET /v1/transactions` lists it.
pub fn user_transaction(pending: Value, c: Committed) -> Value {
    let mut t = common(
        c.version,
        pending["hash"].clone(),
        c.gas_used,
        c.success,
        &c.vm_status,
    );
    let o = t.as_object_mut().expect("object");
    for (k, v) in pending.as_object().expect("object") {
        if k != "hash" && k != "type" {
            o.insert(k.clone(), v.clone());
        }
    }
    o.insert("events".into(), Value::Array(c.events));
    o.insert("timestamp".into(), json!(c.timestamp_us.to_string()));
    o.insert("type".into(), json!("user_transaction"));
    t
}

fn common(version: u64, hash: Value, gas_used: u64, success: bool, vm_status: &str) -> Value {
    let v = version.to_be_bytes();
    json!({
        "version": version.to_string(),
        "hash": hash,
        "state_change_hash": hash_hex(&[b"state", &v]),
        "event_root_hash": hash_hex(&[b"events", &v]),
        "state_checkpoint_hash": null,
        "gas_used": gas_used.to_string(),
        "success": success,
        "vm_status": vm_status,
        "accumulator_root_hash": hash_hex(&[b"accumulator", &v]),
        "changes": [],
    })
}

/// Writes a chain of REST transactions, version after version.
pub struct Writer {
    package: Package,
    chain_id: u8,
    next_version: u64,
    sequence_numbers: HashMap<AccountAddress, u64>,
    round: u64,
    last_timestamp_us: u64,
    lumen_events: u64,
}

impl Writer {
    /// A writer whose first transaction is version 0.
    pub fn new(package: Package, chain_id: u8) -> Self {
        Self {
            package,
            chain_id,
            next_version: 0,
            sequence_numbers: HashMap::new(),
            round: 0,
            last_timestamp_us: 0,
            lumen_events: 0,
        }
    }

    /// The package whose events are counted.
    pub fn package(&self) -> &Package {
        &self.package
    }

    /// The next version.
    pub fn next_version(&self) -> u64 {
        self.next_version
    }

    /// Continues the chain at `version` (a ledger whose earlier versions
    /// are written elsewhere).
    pub fn set_next_version(&mut self, version: u64) {
        self.next_version = version;
    }

    /// Package events written so far.
    pub fn lumen_events(&self) -> u64 {
        self.lumen_events
    }

    fn stamp(&mut self, timestamp_us: u64) -> u64 {
        // The chain clock never goes back.
        self.last_timestamp_us = self.last_timestamp_us.max(timestamp_us);
        self.last_timestamp_us
    }

    fn take_version(&mut self) -> u64 {
        self.next_version += 1;
        self.next_version - 1
    }

    /// The genesis transaction (the next version, normally 0).
    pub fn genesis(&mut self) -> Value {
        let version = self.take_version();
        json!({
            "version": version.to_string(),
            "hash": hash_hex(&[b"genesis", &[self.chain_id]]),
            "state_change_hash": hash_hex(&[b"genesis-state"]),
            "event_root_hash": hash_hex(&[b"genesis-events"]),
            "state_checkpoint_hash": null,
            "gas_used": "0",
            "success": true,
            "vm_status": "Executed successfully",
            "accumulator_root_hash": hash_hex(&[b"genesis-accumulator"]),
            "changes": [],
            "payload": {"type": "write_set_payload", "write_set": {"type": "direct_write_set", "changes": [], "events": []}},
            "events": [],
            "type": "genesis_transaction",
        })
    }

    /// A block metadata transaction opening a block at `timestamp_us`.
    pub fn block(&mut self, timestamp_us: u64, proposer: AccountAddress) -> Value {
        let version = self.take_version();
        let ts = self.stamp(timestamp_us);
        self.round += 1;
        let id = hash_hex(&[b"block", &self.round.to_be_bytes()]);
        let hash = json!(hash_hex(&[b"block-txn", &version.to_be_bytes()]));
        let mut t = common(version, hash, 0, true, "Executed successfully");
        let o = t.as_object_mut().expect("object");
        o.insert("id".into(), json!(id));
        o.insert("epoch".into(), json!("1"));
        o.insert("round".into(), json!(self.round.to_string()));
        o.insert(
            "events".into(),
            json!([framework_event(
                "0x1::block::NewBlockEvent",
                json!({
                    "hash": id,
                    "epoch": "1",
                    "round": self.round.to_string(),
                    "height": self.round.to_string(),
                    "previous_block_votes_bitvec": "0x",
                    "proposer": proposer.to_hex(),
                    "failed_proposer_indices": [],
                    "time_microseconds": ts.to_string(),
                }),
            )]),
        );
        o.insert("previous_block_votes_bitvec".into(), json!([]));
        o.insert("proposer".into(), json!(proposer.to_hex()));
        o.insert("failed_proposer_indices".into(), json!([]));
        o.insert("timestamp".into(), json!(ts.to_string()));
        o.insert("type".into(), json!("block_metadata_transaction"));
        t
    }

    /// Signs `sender`'s call of `function` at `timestamp_us` with its next
    /// sequence number (expiring 600 s later).
    pub fn sign(
        &mut self,
        timestamp_us: u64,
        sender: &Ed25519Account,
        function: EntryFunction,
    ) -> Result<Signed, WriteError> {
        let version = self.next_version;
        let err = |reason: String| WriteError { version, reason };
        let ts = self.stamp(timestamp_us);
        let address = sender.address();
        let seq = self.sequence_numbers.entry(address).or_insert(0);
        let sequence_number = *seq;
        *seq += 1;
        let raw = TransactionBuilder::new()
            .sender(address)
            .sequence_number(sequence_number)
            .chain_id(ChainId::new(self.chain_id))
            .payload(function.into())
            .max_gas_amount(200_000)
            .gas_unit_price(100)
            .expiration_timestamp_secs(ts / 1_000_000 + 600)
            .build()
            .map_err(|e| err(e.to_string()))?;
        let txn = crate::tx::sign(&raw, sender).map_err(|e| err(e.to_string()))?;
        let hash = txn.hash().map_err(|e| err(e.to_string()))?.to_hex();
        Ok(Signed {
            txn,
            hash,
            timestamp_us: ts,
        })
    }

    /// Writes a signed transaction with its outcome: `extra_events`
    /// (framework events, before the package's, only when it executed),
    /// the package events of `outcome`, the fee statement. `arguments` are
    /// the REST JSON of another package's arguments (the package's own are
    /// rendered from the BCS).
    pub fn user(
        &mut self,
        signed: &Signed,
        arguments: Option<Vec<Value>>,
        extra_events: Vec<Value>,
        outcome: &Outcome,
        gas_used: u64,
    ) -> Result<Value, WriteError> {
        let version = self.take_version();
        if let (Some(args), Some(f)) = (&arguments, signed.entry_function()) {
            if args.len() != f.args.len() {
                return Err(WriteError {
                    version,
                    reason: format!(
                        "{}: {} JSON arguments for {} BCS arguments",
                        function_id(f),
                        args.len(),
                        f.args.len()
                    ),
                });
            }
        }
        let (success, vm_status, package_events) = match outcome {
            Outcome::Success(evs) => (true, "Executed successfully".to_string(), evs.as_slice()),
            Outcome::Abort(status) => (false, status.clone(), &[][..]),
        };
        let mut events = if success { extra_events } else { vec![] };
        self.lumen_events += package_events.len() as u64;
        events.extend(package_events.iter().map(|e| e.to_rest(&self.package, 0)));
        events.push(fee_statement(gas_used));
        let pending = pending_transaction(&signed.txn, &signed.hash, arguments);
        Ok(user_transaction(
            pending,
            Committed {
                version,
                timestamp_us: signed.timestamp_us,
                success,
                vm_status,
                events,
                gas_used,
            },
        ))
    }
}
