//! `lumen-model`: one Rust model of the Lumen Move package.
//!
//! [`Chain`] holds the state of every module over one chain (accounts and
//! their authentication keys, payment-asset balances, objects, and each
//! module's resources) and executes entry functions the way `move/sources`
//! does: the same checks in the same order, so the same abort wins
//! ([`Abort`], identities from [`lumen_sdk::errors`]); the same events with
//! the same fields ([`lumen_sdk::events`]); the same money arithmetic
//! ([`lumen_sdk::formulas`]). Calls are decoded from aptos-sdk
//! [`EntryFunction`]s with [`lumen_sdk::payloads::Call`].
//!
//! | module | Move twin |
//! |---|---|
//! | [`config`] | admin, pause, payment asset, treasury, arbiter, attesters, parameters |
//! | [`attestation`] | signed benchmark reports, threshold approvals, device binding, revocation |
//! | [`staking`] | price, stake, unbonding, slashing, minimum stake |
//! | [`escrow`] | jobs, signed offers, payouts, creator and worker counters |
//! | [`rewards`] | epoch pools, uptime reports, lease records, claims |
//! | [`vip`] | VIP passes |
//! | [`campaign`] | check-ins, credits, social tasks, referrals, leaderboard payout |
//! | [`offers`] | wallet-signed offers (any Ed25519 key scheme) and offers published on chain |
//!
//! An aborted call changes nothing: every entry function checks everything
//! before it writes (where Move writes first and aborts later, the abort
//! reverts the write, which is the same). The model is pinned to the Move
//! code by the transition vectors of `tests/vectors/transitions/` ([`vectors`]),
//! which the generated `move/tests/transitions_tests.move` runs against the
//! real modules. [`node`] plugs a chain into `lumen_sdk::standin` so a
//! stand-in node executes submitted transactions like the contract.
//!
//! The state is public to read (as a node's resources are); it changes only
//! through [`Chain::execute`] and the set-up functions a genesis or a test
//! fixture uses ([`Chain::create_account`], [`Chain::mint`] …).

use std::collections::{BTreeMap, BTreeSet};

use lumen_sdk::aptos_sdk::transaction::EntryFunction;
use lumen_sdk::envelope::AssetUnits;
use lumen_sdk::errors::{self, AbortCode};
use lumen_sdk::events::LumenEvent;
use lumen_sdk::payloads::{Call, CallError};
use lumen_sdk::{AccountAddress, Package};
use sha3::{Digest, Sha3_256};

pub mod attestation;
pub mod campaign;
pub mod config;
pub mod escrow;
pub mod node;
pub mod offers;
pub mod rewards;
pub mod staking;
pub mod vectors;
pub mod vip;

/// Why a call failed, as the VM reports it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Abort {
    /// A Move abort of the package or of a framework module it calls.
    #[error("{0}")]
    Code(AbortCode),
    /// A `u64`/`u128` overflow or underflow in a Move module.
    #[error("arithmetic error in {module}")]
    Arithmetic {
        /// The module.
        module: &'static str,
    },
    /// The arguments do not decode (a node rejects such a transaction).
    #[error(transparent)]
    Call(#[from] CallError),
}

impl From<AbortCode> for Abort {
    fn from(code: AbortCode) -> Self {
        Abort::Code(code)
    }
}

impl Abort {
    /// The `vm_status` a node reports for the failed transaction.
    pub fn vm_status(&self, package: &Package) -> String {
        match self {
            Abort::Code(code) => code.vm_status(package),
            Abort::Arithmetic { module } => format!(
                "ARITHMETIC_ERROR in {}::{module}",
                package.address.to_short_string()
            ),
            Abort::Call(e) => format!("FAILED_TO_DESERIALIZE_ARGUMENT: {e}"),
        }
    }

    /// The abort code, for a Move abort.
    pub fn code(&self) -> Option<&AbortCode> {
        match self {
            Abort::Code(c) => Some(c),
            _ => None,
        }
    }
}

/// What a call returns: the package events it emitted, in order, or why it aborted.
pub type Outcome = Result<Vec<LumenEvent>, Abort>;

/// Asserts like Move's `assert!(cond, code)`.
pub(crate) fn ensure(cond: bool, code: AbortCode) -> Result<(), Abort> {
    if cond {
        Ok(())
    } else {
        Err(Abort::Code(code))
    }
}

/// `a + b` that aborts like the VM on overflow.
pub(crate) fn add(a: u64, b: u64, module: &'static str) -> Result<u64, Abort> {
    a.checked_add(b).ok_or(Abort::Arithmetic { module })
}

/// Decimals and symbol of the Move tests' payment asset (`test_helpers`:
/// "Test USD", TUSD, 6 decimals), which every chain this repository simulates
/// pays in unless [`Chain::set_asset_units`] says otherwise.
pub static TEST_ASSET_UNITS: std::sync::LazyLock<AssetUnits> =
    std::sync::LazyLock::new(|| AssetUnits {
        decimals: 6,
        symbol: "TUSD".into(),
    });

/// The caller and the clock of one call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tx {
    /// `timestamp::now_seconds()`.
    pub now: u64,
    /// The signer.
    pub sender: AccountAddress,
}

/// What an address holds as an object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ObjectKind {
    /// A module's named object (`escrow`, `staking`, `rewards` …).
    Module,
    /// A fungible asset's metadata.
    Asset,
    /// A job (its state is in [`escrow::State::jobs`]).
    Job,
    /// A VIP pass token.
    Token,
}

/// The transaction context `transaction_context` reads: its hash and the
/// counter of unique addresses (AUIDs) generated so far.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TxnContext {
    /// The transaction hash (`[1]` in Move unit tests).
    pub hash: Vec<u8>,
    /// AUIDs generated so far.
    pub auid_counter: u64,
}

impl TxnContext {
    /// The context of Move unit tests: hash `[1]`, one counter for the whole test.
    pub fn unit_test() -> Self {
        Self {
            hash: vec![1],
            auid_counter: 0,
        }
    }

    /// A fresh context for a transaction with this hash.
    pub fn for_hash(hash: &[u8]) -> Self {
        Self {
            hash: hash.to_vec(),
            auid_counter: 0,
        }
    }

    /// `transaction_context::generate_auid_address`: `sha3_256(hash ‖ counter ‖ 0xFB)`.
    pub(crate) fn next_auid(&mut self) -> AccountAddress {
        self.auid_counter += 1;
        let mut h = Sha3_256::new();
        h.update(&self.hash);
        h.update(self.auid_counter.to_le_bytes());
        h.update([0xFB]);
        AccountAddress::new(h.finalize().into())
    }
}

/// Accounts and the payment asset's primary stores.
#[derive(Clone, Debug, Default)]
pub struct Ledger {
    /// Authentication keys of the accounts that exist.
    pub accounts: BTreeMap<AccountAddress, [u8; 32]>,
    /// Primary-store balances of the payment asset (accounts and objects).
    pub balances: BTreeMap<AccountAddress, u64>,
    /// Every address is an account with its address as authentication key,
    /// and accounts can always pay (a node whose users bring their own funds).
    pub open: bool,
    /// Primary stores the payment asset's issuer froze: they can neither
    /// send nor receive.
    pub frozen: BTreeSet<AccountAddress>,
}

impl Ledger {
    /// Whether `account::exists_at(a)`.
    pub fn exists(&self, a: AccountAddress) -> bool {
        self.open || self.accounts.contains_key(&a)
    }

    /// `account::get_authentication_key(a)` of an existing account.
    pub fn auth_key(&self, a: AccountAddress) -> Option<[u8; 32]> {
        match self.accounts.get(&a) {
            Some(k) => Some(*k),
            None if self.open => Some(a.to_bytes()),
            None => None,
        }
    }

    /// The payment-asset balance of `owner`'s primary store.
    pub fn balance(&self, owner: AccountAddress) -> u64 {
        self.balances.get(&owner).copied().unwrap_or(0)
    }

    /// Whether `owner`'s primary store is frozen (`primary_fungible_store::is_frozen`).
    pub fn is_frozen(&self, owner: AccountAddress) -> bool {
        self.frozen.contains(&owner)
    }

    /// Checks a transfer would go through (`primary_fungible_store::transfer`):
    /// a frozen sender first, then its balance.
    fn can_pay(&self, from: AccountAddress, amount: u64, is_object: bool) -> Result<(), Abort> {
        ensure(!self.is_frozen(from), errors::framework::ESTORE_IS_FROZEN)?;
        let covered = (self.open && !is_object) || self.balance(from) >= amount;
        ensure(covered, errors::framework::EINSUFFICIENT_BALANCE)
    }

    fn transfer(&mut self, from: AccountAddress, to: AccountAddress, amount: u64) {
        let have = self.balance(from);
        // An open ledger's accounts mint what they lack (checked by `can_pay`).
        self.balances.insert(from, have.saturating_sub(amount));
        let to_balance = self.balance(to);
        self.balances.insert(to, to_balance.saturating_add(amount));
    }
}

/// The whole chain as the package sees it.
#[derive(Clone, Debug)]
pub struct Chain {
    /// Where the package is published.
    pub package: Package,
    /// `chain_id::get()`.
    pub chain_id: u8,
    /// Accounts and balances.
    pub ledger: Ledger,
    /// Objects by address (jobs, tokens, module objects, assets).
    pub objects: BTreeMap<AccountAddress, ObjectKind>,
    /// `config`: `None` before `initialize`.
    pub config: Option<config::Config>,
    /// `attestation`.
    pub attestation: attestation::State,
    /// `staking`.
    pub staking: staking::State,
    /// `escrow`.
    pub escrow: escrow::State,
    /// `rewards`.
    pub rewards: rewards::State,
    /// `vip`.
    pub vip: vip::State,
    /// `campaign`.
    pub campaign: campaign::State,
    /// `offers`.
    pub offers: offers::State,
    /// Decimals and symbol of fungible assets other than [`TEST_ASSET_UNITS`].
    pub asset_units: BTreeMap<AccountAddress, AssetUnits>,
    /// The transaction context of the call being executed.
    pub txn: TxnContext,
}

impl Chain {
    /// The package just published on chain `chain_id`: every module's object
    /// exists (their `init_module` ran), `config` awaits `initialize`.
    pub fn new(package: Package, chain_id: u8) -> Self {
        let mut objects = BTreeMap::new();
        for seed in [
            attestation::SEED,
            staking::SEED,
            escrow::SEED,
            rewards::SEED,
            vip::SEED,
            campaign::SEED,
        ] {
            objects.insert(
                Package::object_address(package.address, seed),
                ObjectKind::Module,
            );
        }
        let mut chain = Self {
            package,
            chain_id,
            ledger: Ledger::default(),
            objects,
            config: None,
            attestation: Default::default(),
            staking: Default::default(),
            escrow: Default::default(),
            rewards: Default::default(),
            vip: Default::default(),
            campaign: campaign::State::new(),
            offers: Default::default(),
            asset_units: BTreeMap::new(),
            txn: TxnContext::unit_test(),
        };
        chain.create_account(package.address);
        chain
    }

    /// A chain whose accounts all exist and can pay, as a stand-in node serving
    /// users of its own (see [`Ledger::open`]).
    pub fn open(package: Package, chain_id: u8) -> Self {
        let mut chain = Self::new(package, chain_id);
        chain.ledger.open = true;
        chain
    }

    /// Creates account `a` (authentication key = its address) if missing.
    pub fn create_account(&mut self, a: AccountAddress) {
        self.ledger
            .accounts
            .entry(a)
            .or_insert_with(|| a.to_bytes());
    }

    /// Sets an account's authentication key (a rotated key).
    pub fn set_auth_key(&mut self, a: AccountAddress, key: [u8; 32]) {
        self.ledger.accounts.insert(a, key);
    }

    /// Registers a fungible asset's metadata object (a payment asset) with
    /// its decimals (the symbol stays [`TEST_ASSET_UNITS`]' unless
    /// [`Chain::set_asset_units`] gave it another).
    pub fn create_asset(&mut self, metadata: AccountAddress, decimals: u8) {
        self.objects.insert(metadata, ObjectKind::Asset);
        let symbol = self.asset_units(metadata).symbol;
        self.asset_units
            .insert(metadata, AssetUnits { decimals, symbol });
    }

    /// `fungible_asset::decimals` of an asset.
    pub fn asset_decimals(&self, metadata: AccountAddress) -> u8 {
        self.asset_units(metadata).decimals
    }

    /// Gives a payment asset other decimals and symbol than [`TEST_ASSET_UNITS`].
    pub fn set_asset_units(&mut self, metadata: AccountAddress, units: AssetUnits) {
        self.asset_units.insert(metadata, units);
    }

    /// `fungible_asset::decimals` and `symbol` of an asset.
    pub fn asset_units(&self, metadata: AccountAddress) -> AssetUnits {
        self.asset_units
            .get(&metadata)
            .cloned()
            .unwrap_or_else(|| TEST_ASSET_UNITS.clone())
    }

    /// Freezes (or thaws) `owner`'s primary store, as the asset's issuer can.
    pub fn set_frozen(&mut self, owner: AccountAddress, frozen: bool) {
        if frozen {
            self.ledger.frozen.insert(owner);
        } else {
            self.ledger.frozen.remove(&owner);
        }
    }

    /// Mints `amount` of the payment asset to `to`'s primary store.
    pub fn mint(&mut self, to: AccountAddress, amount: u64) {
        let b = self.ledger.balance(to);
        self.ledger.balances.insert(to, b.saturating_add(amount));
    }

    /// The address of a module's object (`escrow`, `staking` …).
    pub fn module_object(&self, seed: &[u8]) -> AccountAddress {
        Package::object_address(self.package.address, seed)
    }

    /// Executes `f` sent by `sender` at `now` in the current transaction
    /// context (a Move unit test's by default): its events, or why it aborted.
    /// A call of another package executes with no events.
    pub fn execute(&mut self, now: u64, sender: AccountAddress, f: &EntryFunction) -> Outcome {
        self.create_account(sender);
        if f.module.address != self.package.address {
            return Ok(vec![]);
        }
        let call = Call::decode(&self.package, f)?;
        self.call(now, sender, &call)
    }

    /// [`Chain::execute`] in a fresh transaction context with `hash` (the
    /// transaction's hash, which unique addresses derive from).
    pub fn execute_txn(
        &mut self,
        hash: &[u8],
        now: u64,
        sender: AccountAddress,
        f: &EntryFunction,
    ) -> Outcome {
        self.txn = TxnContext::for_hash(hash);
        self.execute(now, sender, f)
    }

    /// Executes a decoded call.
    pub fn call(&mut self, now: u64, sender: AccountAddress, call: &Call) -> Outcome {
        self.create_account(sender);
        let tx = Tx { now, sender };
        match call {
            Call::Config(c) => config::execute(self, &tx, c),
            Call::Attestation(c) => attestation::execute(self, &tx, c),
            Call::Staking(c) => staking::execute(self, &tx, c),
            Call::Escrow(c) => escrow::execute(self, &tx, c),
            Call::Rewards(c) => rewards::execute(self, &tx, c),
            Call::Vip(c) => vip::execute(self, &tx, c),
            Call::Campaign(c) => campaign::execute(self, &tx, c),
            Call::Offers(c) => offers::execute(self, &tx, c),
        }
    }

    /// `object::address_to_object<T>(a)` of an `Object<T>` argument.
    pub(crate) fn object(&self, a: AccountAddress, kind: ObjectKind) -> Result<(), Abort> {
        match self.objects.get(&a) {
            None => Err(errors::framework::EOBJECT_DOES_NOT_EXIST.into()),
            Some(k) if *k != kind => Err(errors::framework::ERESOURCE_DOES_NOT_EXIST.into()),
            Some(_) => Ok(()),
        }
    }

    /// Checks that `from` can pay `amount` of the payment asset.
    pub(crate) fn can_pay(&self, from: AccountAddress, amount: u64) -> Result<(), Abort> {
        self.ledger
            .can_pay(from, amount, self.objects.contains_key(&from))
    }

    /// Checks that `to`'s primary store can receive (it is not frozen).
    pub(crate) fn can_receive(&self, to: AccountAddress) -> Result<(), Abort> {
        ensure(
            !self.ledger.is_frozen(to),
            errors::framework::ESTORE_IS_FROZEN,
        )
    }

    /// Moves `amount` of the payment asset (after [`Chain::can_pay`]).
    pub(crate) fn pay(&mut self, from: AccountAddress, to: AccountAddress, amount: u64) {
        self.ledger.transfer(from, to, amount);
    }
}

#[cfg(test)]
mod tests;
