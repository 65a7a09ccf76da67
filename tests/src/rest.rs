//! Transactions in the fullnode's REST JSON shape (`GET /v1/transactions`).
//!
//! [`Ledger`] numbers transactions from version 0 without gaps, stamps them
//! with the chain clock, and builds the three kinds a Lumen indexer meets on
//! a real chain: block metadata, user transactions of other packages, and
//! user transactions calling the Lumen package. User transactions are really
//! signed (aptos-sdk's raw transaction, signed by the sender's ed25519 key),
//! so their `hash` and `signature` are what a node would show for them.

use std::collections::HashMap;

use lumen_sdk::aptos_sdk::account::Ed25519Account;
use lumen_sdk::aptos_sdk::transaction::authenticator::TransactionAuthenticator;
use lumen_sdk::aptos_sdk::transaction::{EntryFunction, TransactionBuilder};
use lumen_sdk::aptos_sdk::types::ChainId;
use lumen_sdk::events::LumenEvent;
use lumen_sdk::{AccountAddress, Package};
use serde_json::{json, Value};
use sha3::{Digest, Sha3_256};

/// A transaction that could not be built or signed.
#[derive(Debug, thiserror::Error)]
#[error("cannot build transaction {version}: {reason}")]
pub struct LedgerError {
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

fn hash_hex(parts: &[&[u8]]) -> String {
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

/// A chain of REST transactions under construction.
pub struct Ledger {
    package: Package,
    chain_id: u8,
    txns: Vec<Value>,
    sequence_numbers: HashMap<AccountAddress, u64>,
    round: u64,
    last_timestamp_us: u64,
    lumen_events: u64,
}

impl Ledger {
    /// A ledger holding only the genesis transaction (version 0).
    pub fn new(package: Package, chain_id: u8) -> Self {
        let genesis = json!({
            "version": "0",
            "hash": hash_hex(&[b"genesis", &[chain_id]]),
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
        });
        Self {
            package,
            chain_id,
            txns: vec![genesis],
            sequence_numbers: HashMap::new(),
            round: 0,
            last_timestamp_us: 0,
            lumen_events: 0,
        }
    }

    /// The next version.
    pub fn next_version(&self) -> u64 {
        self.txns.len() as u64
    }

    /// Package events written so far.
    pub fn lumen_events(&self) -> u64 {
        self.lumen_events
    }

    /// The transactions, version order.
    pub fn transactions(&self) -> &[Value] {
        &self.txns
    }

    /// Consumes the ledger.
    pub fn into_transactions(self) -> Vec<Value> {
        self.txns
    }

    fn stamp(&mut self, timestamp_us: u64) -> u64 {
        // The chain clock never goes back.
        self.last_timestamp_us = self.last_timestamp_us.max(timestamp_us);
        self.last_timestamp_us
    }

    fn common(
        &self,
        version: u64,
        hash: String,
        gas_used: u64,
        success: bool,
        vm_status: &str,
    ) -> Value {
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

    /// A block metadata transaction opening a block at `timestamp_us`.
    pub fn block(&mut self, timestamp_us: u64, proposer: AccountAddress) -> u64 {
        let version = self.next_version();
        let ts = self.stamp(timestamp_us);
        self.round += 1;
        let id = hash_hex(&[b"block", &self.round.to_be_bytes()]);
        let mut t = self.common(
            version,
            hash_hex(&[b"block-txn", &version.to_be_bytes()]),
            0,
            true,
            "Executed successfully",
        );
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
        self.txns.push(t);
        version
    }

    /// A signed user transaction calling `function` with `arguments` (the
    /// REST JSON of the BCS arguments, one per argument) and carrying
    /// `extra_events` (framework events, before the package's) and the
    /// package events of `outcome`.
    #[allow(clippy::too_many_arguments)]
    pub fn user(
        &mut self,
        timestamp_us: u64,
        sender: &Ed25519Account,
        function: EntryFunction,
        arguments: Vec<Value>,
        extra_events: Vec<Value>,
        outcome: Outcome,
        gas_used: u64,
    ) -> Result<u64, LedgerError> {
        let version = self.next_version();
        let err = |reason: String| LedgerError { version, reason };
        if arguments.len() != function.args.len() {
            return Err(err(format!(
                "{}::{}: {} JSON arguments for {} BCS arguments",
                function.module.name.as_str(),
                function.function,
                arguments.len(),
                function.args.len()
            )));
        }
        let ts = self.stamp(timestamp_us);
        let address = sender.address();
        let seq = self.sequence_numbers.entry(address).or_insert(0);
        let sequence_number = *seq;
        *seq += 1;
        let function_id = format!(
            "{}::{}::{}",
            function.module.address.to_hex(),
            function.module.name.as_str(),
            function.function
        );
        let expiration = ts / 1_000_000 + 600;
        let raw = TransactionBuilder::new()
            .sender(address)
            .sequence_number(sequence_number)
            .chain_id(ChainId::new(self.chain_id))
            .payload(function.into())
            .max_gas_amount(200_000)
            .gas_unit_price(100)
            .expiration_timestamp_secs(expiration)
            .build()
            .map_err(|e| err(e.to_string()))?;
        let signed = lumen_sdk::tx::sign(&raw, sender).map_err(|e| err(e.to_string()))?;
        let hash = signed.hash().map_err(|e| err(e.to_string()))?.to_hex();
        let signature = match &signed.authenticator {
            TransactionAuthenticator::Ed25519 {
                public_key,
                signature,
            } => json!({
                "public_key": format!("0x{}", hex::encode(public_key.0)),
                "signature": format!("0x{}", hex::encode(signature.0)),
                "type": "ed25519_signature",
            }),
            _ => json!({"type": "single_sender"}),
        };
        let (success, vm_status, package_events) = match outcome {
            Outcome::Success(evs) => (true, "Executed successfully".to_string(), evs),
            Outcome::Abort(status) => (false, status, vec![]),
        };
        let mut events = if success { extra_events } else { vec![] };
        self.lumen_events += package_events.len() as u64;
        events.extend(package_events.iter().map(|e| e.to_rest(&self.package, 0)));
        events.push(fee_statement(gas_used));
        let mut t = self.common(version, hash, gas_used, success, &vm_status);
        let o = t.as_object_mut().expect("object");
        o.insert("sender".into(), json!(address.to_hex()));
        o.insert("sequence_number".into(), json!(sequence_number.to_string()));
        o.insert("max_gas_amount".into(), json!("200000"));
        o.insert("gas_unit_price".into(), json!("100"));
        o.insert(
            "expiration_timestamp_secs".into(),
            json!(expiration.to_string()),
        );
        o.insert(
            "payload".into(),
            json!({
                "function": function_id,
                "type_arguments": [],
                "arguments": arguments,
                "type": "entry_function_payload",
            }),
        );
        o.insert("signature".into(), signature);
        o.insert("events".into(), Value::Array(events));
        o.insert("timestamp".into(), json!(ts.to_string()));
        o.insert("type".into(), json!("user_transaction"));
        self.txns.push(t);
        Ok(version)
    }
}
