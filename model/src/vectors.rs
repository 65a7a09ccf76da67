//! Transition vectors: sequences of calls with the events or the abort each
//! must give, shared by this model and the Move modules.
//!
//! A vector names a [`Fixture`] (the world before its first call), the
//! accounts it creates and funds, and its [`Step`]s: who calls which entry
//! function with which arguments (REST JSON, as `payload.arguments`) at
//! which time, and what must come out — the package events in order, each
//! as its type and its BCS bytes, or an abort (module, name, code), which
//! can only be the last step (a Move test cannot catch an abort). A step may
//! first have the payment asset's issuer freeze or thaw primary stores
//! (`freeze`), as a regulated stablecoin can.
//! `scripts/gen_move_vectors.py` turns the files of
//! `tests/vectors/transitions/` into `move/tests/transition_vectors_tests.move`,
//! which runs them against the real modules; [`run`] runs them through the
//! model.

use lumen_sdk::errors::{self, AbortCode};
use lumen_sdk::events::LumenEvent;
use lumen_sdk::payloads::Call;
use lumen_sdk::{AccountAddress, Package};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::{Chain, Outcome};

/// The chain id of Move unit tests (`test_helpers::chain_id()`).
pub const CHAIN_ID: u8 = 4;
/// The clock `test_helpers::setup()` starts at.
pub const START_TIME: u64 = 1_728_000_000;
/// `test_helpers::treasury()`.
pub const TREASURY: AccountAddress = short(0x7001);
/// `test_helpers::arbiter()`.
pub const ARBITER: AccountAddress = short(0x7002);
/// `test_helpers::attester()`, authorised by the `world` fixture.
pub const ATTESTER: AccountAddress = short(0x7003);

const fn short(n: u16) -> AccountAddress {
    let mut b = [0u8; 32];
    b[30] = (n >> 8) as u8;
    b[31] = n as u8;
    AccountAddress::new(b)
}

/// Decimals of the Move tests' payment asset (`test_helpers::decimals()`).
pub const TEST_ASSET_DECIMALS: u8 = 6;

/// The payment asset of the Move tests: `create_named_object(@lumen, b"lumen::test_usd")`.
pub fn test_asset() -> AccountAddress {
    Package::object_address(Package::DEV.address, b"lumen::test_usd")
}

/// The world before a vector's first call.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fixture {
    /// `test_helpers::setup()` and every module's `init_for_test`: config
    /// initialised with [`TREASURY`], [`ARBITER`] and [`ATTESTER`] added.
    World,
    /// `test_helpers::setup_uninitialized()`: no `config::initialize`.
    Uninitialized,
}

/// An account a vector creates, with the payment asset minted to it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    /// Its address.
    pub address: AccountAddress,
    /// Base units minted to it.
    pub mint: u64,
}

/// An event a step must emit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpectedEvent {
    /// `module::Struct`.
    #[serde(rename = "type")]
    pub event_type: String,
    /// `0x` hex of its BCS bytes.
    pub bcs: String,
    /// Its REST JSON (for readers; the bytes are what is compared).
    pub data: Value,
}

impl ExpectedEvent {
    /// The expectation for `e`.
    pub fn of(e: &LumenEvent) -> Self {
        Self {
            event_type: format!("{}::{}", e.module(), e.name()),
            bcs: format!("0x{}", hex::encode(e.bcs())),
            data: e.to_json(),
        }
    }
}

/// An abort a step must end in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExpectedAbort {
    /// `0x1` for a framework module, absent for the package's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub framework: Option<String>,
    /// The module raising it.
    pub module: String,
    /// The constant's name.
    pub name: String,
    /// The abort code (category and reason).
    pub code: u64,
}

impl ExpectedAbort {
    /// The expectation for `code`.
    pub fn of(code: &AbortCode) -> Self {
        Self {
            framework: code.framework.map(str::to_string),
            module: code.module.to_string(),
            name: code.name.to_string(),
            code: code.code(),
        }
    }

    /// The abort in [`errors`] it names.
    pub fn abort_code(&self) -> Option<&'static AbortCode> {
        errors::ABORTS
            .iter()
            .chain(errors::FRAMEWORK_ABORTS)
            .find(|a| {
                a.module == self.module
                    && a.name == self.name
                    && a.code() == self.code
                    && a.framework.map(str::to_string) == self.framework
            })
    }
}

/// The issuer freezes (or thaws) a primary store of the payment asset.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Freeze {
    /// The store's owner.
    pub owner: AccountAddress,
    /// Frozen after this, or thawed.
    pub frozen: bool,
}

/// One call and what it must give.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    /// Stores frozen or thawed just before the call.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub freeze: Vec<Freeze>,
    /// Chain time (seconds); never earlier than the step before.
    pub time: u64,
    /// The signer.
    pub sender: AccountAddress,
    /// `module::function`.
    pub function: String,
    /// `payload.arguments` as the REST API prints them.
    pub args: Vec<Value>,
    /// The package events, in order (when it executes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub events: Option<Vec<ExpectedEvent>>,
    /// The abort (when it fails; only the last step).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub abort: Option<ExpectedAbort>,
}

impl Step {
    /// The call, decoded.
    pub fn call(&self) -> Result<Call, String> {
        let (module, name) = self
            .function
            .split_once("::")
            .ok_or_else(|| format!("function {:?} is not module::name", self.function))?;
        Call::from_rest(module, name, &self.args).map_err(|e| e.to_string())
    }

    /// The expectation for `outcome`.
    pub fn expect(&mut self, outcome: &Outcome) {
        match outcome {
            Ok(events) => {
                self.events = Some(events.iter().map(ExpectedEvent::of).collect());
                self.abort = None;
            }
            Err(abort) => {
                self.events = None;
                self.abort = Some(match abort.code() {
                    Some(code) => ExpectedAbort::of(code),
                    None => panic!("a vector step ends in {abort}, which has no abort code"),
                });
            }
        }
    }
}

/// A named sequence of calls.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vector {
    /// A Move identifier (the generated test's name).
    pub name: String,
    /// What it shows.
    pub about: String,
    /// The world before the first call.
    pub fixture: Fixture,
    /// Accounts created (and funded) before the first call.
    pub accounts: Vec<Account>,
    /// The calls.
    pub steps: Vec<Step>,
}

/// The chain a fixture starts from, with a vector's accounts.
pub fn fixture(fixture: Fixture, accounts: &[Account]) -> Chain {
    let package = Package::DEV;
    let mut chain = Chain::new(package, CHAIN_ID);
    chain.create_asset(test_asset(), TEST_ASSET_DECIMALS);
    if fixture == Fixture::World {
        use lumen_sdk::payloads::config;
        for f in [
            config::initialize(&package, test_asset(), TREASURY, ARBITER),
            config::add_attester(&package, ATTESTER),
        ] {
            chain
                .execute(START_TIME, package.address, &f)
                .expect("the fixture's set-up executes");
        }
    }
    for a in accounts {
        chain.create_account(a.address);
        chain.mint(a.address, a.mint);
    }
    chain
}

/// A step whose outcome is not the expected one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("vector {vector}, step {step} ({function}): {reason}")]
pub struct Mismatch {
    /// The vector.
    pub vector: String,
    /// The step's index.
    pub step: usize,
    /// Its function.
    pub function: String,
    /// What differs.
    pub reason: String,
}

/// Runs `v` through the model; the first step whose outcome differs.
pub fn run(v: &Vector) -> Result<(), Mismatch> {
    let mut chain = fixture(v.fixture, &v.accounts);
    let mut last_time = START_TIME;
    for (i, step) in v.steps.iter().enumerate() {
        let fail = |reason: String| Mismatch {
            vector: v.name.clone(),
            step: i,
            function: step.function.clone(),
            reason,
        };
        if step.time < last_time {
            return Err(fail(format!("time {} goes back", step.time)));
        }
        if step.abort.is_some() == step.events.is_some() {
            return Err(fail("expects neither or both of events and abort".into()));
        }
        if step.abort.is_some() && i + 1 != v.steps.len() {
            return Err(fail("an abort can only be the last step".into()));
        }
        last_time = step.time;
        for f in &step.freeze {
            chain.set_frozen(f.owner, f.frozen);
        }
        let call = step.call().map_err(fail)?;
        let outcome = chain.call(step.time, step.sender, &call);
        let mut got = step.clone();
        got.expect(&outcome);
        if got.events != step.events || got.abort != step.abort {
            return Err(fail(format!(
                "expected {:?} {:?}, the model gives {outcome:?}",
                step.events, step.abort
            )));
        }
    }
    Ok(())
}
