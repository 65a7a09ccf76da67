//! Building, simulating, signing and submitting the package's transactions
//! with aptos-sdk, including the sponsored (fee-payer) form.
//!
//! The pure parts ([`build_raw`], [`build_sponsored`], [`sign`],
//! [`sign_sponsored`], [`signed_txn_json`]) need no network, which is what
//! `lumen --dry-run` uses; [`LumenClient`] adds the fullnode round trips
//! (sequence number, chain id, submit, simulate, wait, views).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use aptos_sdk::account::Account;
use aptos_sdk::api::FullnodeClient;
use aptos_sdk::transaction::{
    sign_transaction, sponsored::sign_sponsored_transaction, AccountAuthenticator,
    FeePayerRawTransaction, RawTransaction, SignedTransaction, TransactionAuthenticator,
    TransactionBuilder, TransactionPayload,
};
use aptos_sdk::types::{AccountAddress, ChainId, HashValue};
use aptos_sdk::{AptosConfig, AptosError};
use serde_json::{json, Value};

use crate::envelope::AssetUnits;
use crate::package::Package;
use crate::views::{ViewCall, ViewError, ViewResult};

/// A failed build, signature or node round trip.
#[derive(Debug, thiserror::Error)]
pub enum TxError {
    /// From aptos-sdk (HTTP, API error, BCS, signing).
    #[error(transparent)]
    Aptos(#[from] AptosError),
    /// The node executed the transaction and it aborted.
    #[error("transaction {hash} failed on chain: {vm_status}")]
    Failed {
        /// The transaction hash.
        hash: String,
        /// The VM status (abort code and location).
        vm_status: String,
    },
    /// A view failed.
    #[error(transparent)]
    View(#[from] ViewError),
}

/// Gas and expiry of a transaction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TxnOptions {
    /// Maximum gas units.
    pub max_gas_amount: u64,
    /// Octas per gas unit.
    pub gas_unit_price: u64,
    /// Seconds from now until the transaction expires.
    pub expires_in_secs: u64,
}

impl Default for TxnOptions {
    fn default() -> Self {
        Self {
            max_gas_amount: 200_000,
            gas_unit_price: 100,
            expires_in_secs: 60,
        }
    }
}

fn expiry(opts: &TxnOptions) -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
        .saturating_add(opts.expires_in_secs)
}

/// A raw transaction from `sender` at `sequence_number`, expiring
/// `opts.expires_in_secs` from now (its fields are public: set
/// `expiration_timestamp_secs` for a fixed expiry).
pub fn build_raw(
    sender: AccountAddress,
    sequence_number: u64,
    chain_id: ChainId,
    payload: impl Into<TransactionPayload>,
    opts: &TxnOptions,
) -> Result<RawTransaction, TxError> {
    Ok(TransactionBuilder::new()
        .sender(sender)
        .sequence_number(sequence_number)
        .chain_id(chain_id)
        .payload(payload.into())
        .max_gas_amount(opts.max_gas_amount)
        .gas_unit_price(opts.gas_unit_price)
        .expiration_timestamp_secs(expiry(opts))
        .build()?)
}

/// A sponsored transaction: `fee_payer` pays the gas of `sender`'s call.
pub fn build_sponsored(
    sender: AccountAddress,
    sequence_number: u64,
    fee_payer: AccountAddress,
    chain_id: ChainId,
    payload: impl Into<TransactionPayload>,
    opts: &TxnOptions,
) -> Result<FeePayerRawTransaction, TxError> {
    // The fee payer signs the same raw transaction; only the envelope differs.
    let raw = build_raw(sender, sequence_number, chain_id, payload, opts)?;
    Ok(FeePayerRawTransaction::new_simple(raw, fee_payer))
}

/// Signs a raw transaction.
pub fn sign<A: Account>(raw: &RawTransaction, account: &A) -> Result<SignedTransaction, TxError> {
    Ok(sign_transaction(raw, account)?)
}

/// Signs a sponsored transaction as sender and fee payer.
pub fn sign_sponsored<S: Account, F: Account>(
    txn: &FeePayerRawTransaction,
    sender: &S,
    fee_payer: &F,
) -> Result<SignedTransaction, TxError> {
    Ok(sign_sponsored_transaction(txn, sender, &[], fee_payer)?)
}

/// A signed transaction as hex BCS and readable JSON (`lumen --dry-run`).
pub fn signed_txn_json(signed: &SignedTransaction) -> Result<Value, TxError> {
    let bcs = signed.to_bcs()?;
    let raw = &signed.raw_txn;
    let payload = match &raw.payload {
        TransactionPayload::EntryFunction(f) => json!({
            "function": format!("{}::{}::{}", f.module.address.to_hex(), f.module.name.as_str(), f.function),
            "type_arguments": f.type_args.iter().map(|t| format!("{t:?}")).collect::<Vec<_>>(),
            "arguments_bcs": f.args.iter().map(|a| format!("0x{}", hex::encode(a))).collect::<Vec<_>>(),
        }),
        other => serde_json::to_value(other).map_err(|e| AptosError::Internal(e.to_string()))?,
    };
    Ok(json!({
        "hash": signed.hash()?.to_hex(),
        "bcs": format!("0x{}", hex::encode(&bcs)),
        "sender": raw.sender.to_hex(),
        "sequence_number": raw.sequence_number.to_string(),
        "max_gas_amount": raw.max_gas_amount.to_string(),
        "gas_unit_price": raw.gas_unit_price.to_string(),
        "expiration_timestamp_secs": raw.expiration_timestamp_secs.to_string(),
        "chain_id": raw.chain_id.id(),
        "payload": payload,
        "authenticator": authenticator_json(&signed.authenticator)?,
    }))
}

fn hex0x(b: &[u8]) -> String {
    format!("0x{}", hex::encode(b))
}

fn account_auth_json(a: &AccountAuthenticator) -> Result<Value, TxError> {
    Ok(match a {
        AccountAuthenticator::Ed25519 {
            public_key,
            signature,
        } => json!({
            "type": "ed25519_signature",
            "public_key": hex0x(&public_key.0),
            "signature": hex0x(&signature.0),
        }),
        other => {
            json!({"type": "other", "bcs": hex0x(&aptos_bcs::to_bytes(other).map_err(AptosError::bcs)?)})
        }
    })
}

/// The authenticator in the REST API's style (hex keys and signatures).
fn authenticator_json(a: &TransactionAuthenticator) -> Result<Value, TxError> {
    Ok(match a {
        TransactionAuthenticator::Ed25519 {
            public_key,
            signature,
        } => json!({
            "type": "ed25519_signature",
            "public_key": hex0x(&public_key.0),
            "signature": hex0x(&signature.0),
        }),
        TransactionAuthenticator::FeePayer {
            sender,
            secondary_signer_addresses,
            secondary_signers,
            fee_payer_address,
            fee_payer_signer,
        } => json!({
            "type": "fee_payer_signature",
            "sender": account_auth_json(sender)?,
            "secondary_signer_addresses": secondary_signer_addresses.iter().map(|a| a.to_hex()).collect::<Vec<_>>(),
            "secondary_signers": secondary_signers.iter().map(account_auth_json).collect::<Result<Vec<_>, _>>()?,
            "fee_payer_address": fee_payer_address.to_hex(),
            "fee_payer_signer": account_auth_json(fee_payer_signer)?,
        }),
        TransactionAuthenticator::SingleSender { sender } => json!({
            "type": "single_sender",
            "sender": account_auth_json(sender)?,
        }),
        other => {
            json!({"type": "other", "bcs": hex0x(&aptos_bcs::to_bytes(other).map_err(AptosError::bcs)?)})
        }
    })
}

/// A fullnode client bound to the package.
#[derive(Clone, Debug)]
pub struct LumenClient {
    /// aptos-sdk's REST client.
    pub node: FullnodeClient,
    /// The package.
    pub package: Package,
}

impl LumenClient {
    /// A client for the fullnode at `node_url` (`…/v1`).
    pub fn new(node_url: &str, package: Package) -> Result<Self, TxError> {
        let config = AptosConfig::custom(node_url)?;
        Ok(Self {
            node: FullnodeClient::new(config)?,
            package,
        })
    }

    /// The chain id the node reports.
    pub async fn chain_id(&self) -> Result<ChainId, TxError> {
        Ok(ChainId::new(
            self.node.get_ledger_info().await?.data.chain_id,
        ))
    }

    /// The account's next sequence number.
    pub async fn sequence_number(&self, address: AccountAddress) -> Result<u64, TxError> {
        Ok(self.node.get_sequence_number(address).await?)
    }

    /// What a new transaction of `sender` is built with: its next sequence
    /// number and the chain id.
    async fn next_txn(&self, sender: AccountAddress) -> Result<(u64, ChainId), TxError> {
        let seq = self.sequence_number(sender).await?;
        Ok((seq, self.chain_id().await?))
    }

    /// Builds (sequence number and chain id from the node) and signs.
    pub async fn build_and_sign<A: Account>(
        &self,
        account: &A,
        payload: impl Into<TransactionPayload>,
        opts: &TxnOptions,
    ) -> Result<SignedTransaction, TxError> {
        let (seq, chain_id) = self.next_txn(account.address()).await?;
        let raw = build_raw(account.address(), seq, chain_id, payload, opts)?;
        sign(&raw, account)
    }

    /// Builds and signs a sponsored transaction (`fee_payer` pays gas).
    pub async fn build_and_sign_sponsored<S: Account, F: Account>(
        &self,
        sender: &S,
        fee_payer: &F,
        payload: impl Into<TransactionPayload>,
        opts: &TxnOptions,
    ) -> Result<SignedTransaction, TxError> {
        let (seq, chain_id) = self.next_txn(sender.address()).await?;
        let payer = fee_payer.address();
        let txn = build_sponsored(sender.address(), seq, payer, chain_id, payload, opts)?;
        sign_sponsored(&txn, sender, fee_payer)
    }

    /// Submits a signed transaction; returns its hash.
    pub async fn submit(&self, signed: &SignedTransaction) -> Result<HashValue, TxError> {
        let pending = self.node.submit_transaction(signed).await?;
        tracing::info!(hash = %pending.data.hash, sender = %signed.sender(), "submitted");
        Ok(pending.data.hash)
    }

    /// Simulates a signed transaction (the node rewrites nothing: the
    /// signature is stripped client-side) and returns the node's answer.
    pub async fn simulate(&self, signed: &SignedTransaction) -> Result<Vec<Value>, TxError> {
        Ok(self.node.simulate_transaction(signed).await?.data)
    }

    /// Waits for a transaction to commit; an abort is [`TxError::Failed`].
    pub async fn wait(&self, hash: &HashValue, timeout: Duration) -> Result<Value, TxError> {
        match self.node.wait_for_transaction(hash, Some(timeout)).await {
            Ok(r) => Ok(r.data),
            Err(AptosError::ExecutionFailed { vm_status }) => Err(TxError::Failed {
                hash: hash.to_hex(),
                vm_status,
            }),
            Err(e) => Err(e.into()),
        }
    }

    /// Submits and waits.
    pub async fn submit_and_wait(
        &self,
        signed: &SignedTransaction,
        timeout: Duration,
    ) -> Result<Value, TxError> {
        let hash = self.submit(signed).await?;
        self.wait(&hash, timeout).await
    }

    /// Calls a view.
    pub async fn view<T: ViewResult>(&self, call: &ViewCall<T>) -> Result<T, TxError> {
        Ok(call.call(&self.node).await?)
    }

    /// Decimals and symbol of the configured payment asset (what a wallet
    /// envelope shows prices in).
    pub async fn asset_units(&self) -> Result<AssetUnits, TxError> {
        let asset = self
            .view(&crate::views::config::payment_asset(&self.package))
            .await?;
        fn metadata<T: ViewResult>(name: &str, asset: AccountAddress) -> ViewCall<T> {
            ViewCall::outside(
                format!("0x1::fungible_asset::{name}"),
                vec!["0x1::fungible_asset::Metadata".into()],
                vec![json!(asset.to_hex())],
            )
        }
        let decimals = self.view(&metadata::<u8>("decimals", asset)).await?;
        let symbol = self.view(&metadata::<String>("symbol", asset)).await?;
        Ok(AssetUnits { decimals, symbol })
    }
}
