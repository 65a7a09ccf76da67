//! A [`Chain`] behind a fullnode stand-in (`lumen_sdk::standin`): submitted
//! transactions execute like the contract (events, or an abort's VM status),
//! views answer from the chain's state, and a ledger of REST transactions
//! served from elsewhere (a scenario's chain) can be replayed into the state
//! first, each transaction checked to give the events it carries.

use std::sync::{Arc, Mutex, MutexGuard};

use lumen_sdk::events::LumenEvent;
use lumen_sdk::movejson::MoveJson;
use lumen_sdk::payloads::{self, Call};
use lumen_sdk::standin::{Execution, Run, Standin, SubmittedTxn};
use lumen_sdk::AccountAddress;
use serde_json::Value;

use crate::{attestation, config, escrow, staking, vip, Chain, Outcome};

/// Decimals of the payment asset [`Node::initialize`] creates (a USDT-like asset).
pub const PAYMENT_ASSET_DECIMALS: u8 = 6;

/// A REST transaction that does not replay to what it carries.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot replay version {version}: {reason}")]
pub struct ReplayError {
    /// Its version.
    pub version: String,
    /// Why.
    pub reason: String,
}

/// A chain shared between a stand-in's executor and view handler (clones share it).
#[derive(Clone)]
pub struct Node {
    chain: Arc<Mutex<Chain>>,
}

impl Node {
    /// A node over `chain`.
    pub fn new(chain: Chain) -> Self {
        Self {
            chain: Arc::new(Mutex::new(chain)),
        }
    }

    /// The chain (locked).
    pub fn chain(&self) -> MutexGuard<'_, Chain> {
        self.chain.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Executes a transaction the stand-in commits (or simulates, on a copy
    /// of the chain): the events as REST JSON, or the abort's VM status.
    pub fn execute(&self, txn: &SubmittedTxn, run: Run) -> Execution {
        let Some(f) = &txn.entry_function else {
            return Ok(vec![]);
        };
        let hash = hex::decode(txn.hash.trim_start_matches("0x")).unwrap_or_default();
        let mut guard = self.chain();
        let mut copy;
        let chain: &mut Chain = if run.simulate {
            copy = guard.clone();
            &mut copy
        } else {
            &mut guard
        };
        let package = chain.package;
        match chain.execute_txn(&hash, run.now, txn.sender, f) {
            Ok(events) => Ok(events.iter().map(|e| e.to_rest(&package, 0)).collect()),
            Err(abort) => Err(abort.vm_status(&package)),
        }
    }

    /// Replays REST transactions (a ledger served without being executed
    /// here): every successful call of the package is executed at its
    /// timestamp and must emit exactly the package events it carries, every
    /// failed one must abort with its VM status. The payment asset a
    /// `config::initialize` names is taken to exist already, as on a real
    /// chain; its issuer's freezes ([`FREEZE`]) are mirrored.
    pub fn replay<'a>(&self, txns: impl IntoIterator<Item = &'a Value>) -> Result<(), ReplayError> {
        let mut chain = self.chain();
        for t in txns {
            replay_one(&mut chain, t)?;
        }
        Ok(())
    }

    /// Initialises the package on the chain as its account would (the
    /// payment asset: the package's named object `payment-asset`, with
    /// [`PAYMENT_ASSET_DECIMALS`]; treasury and arbiter: the package account)
    /// and authorises `attesters`: a node serving no ledger of its own.
    pub fn initialize(&self, attesters: &[AccountAddress]) -> Result<(), crate::Abort> {
        let mut chain = self.chain();
        let p = chain.package;
        let asset = lumen_sdk::Package::object_address(p.address, b"payment-asset");
        chain.create_asset(asset, PAYMENT_ASSET_DECIMALS);
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let mut calls = vec![payloads::config::initialize(
            &p, asset, p.address, p.address,
        )];
        calls.extend(
            attesters
                .iter()
                .map(|a| payloads::config::add_attester(&p, *a)),
        );
        for f in calls {
            chain.execute(now, p.address, &f)?;
        }
        Ok(())
    }

    /// Installs the node as `standin`'s executor and view handler.
    pub fn install(&self, standin: &Standin) {
        let exec = self.clone();
        standin.set_executor(move |t, run| exec.execute(t, run));
        let views = self.clone();
        standin.set_view_handler(move |b, now| views.view(b, now));
    }

    /// Answers a `POST /v1/view` body at `now` (seconds) for the views a
    /// client of the stand-in reads: `config::{is_paused, is_attester,
    /// param, payment_asset}`, `attestation::{score_of, has_valid_score,
    /// last_nonce, worker_of_device, device_key_of}`, `staking::{stake_of,
    /// locked_of, price_of, min_stake_of, is_eligible}`, `escrow::{next_job_id,
    /// job_info}`, `offers::published_offer`, `vip::has_pass`, and the payment
    /// asset's `0x1::fungible_asset::{decimals, symbol}`.
    pub fn view(&self, body: &Value, now: u64) -> Result<Vec<Value>, String> {
        let chain = self.chain();
        let function = body["function"].as_str().unwrap_or_default();
        let args = body["arguments"].as_array().cloned().unwrap_or_default();
        if let Some(name) = function.strip_prefix("0x1::fungible_asset::") {
            // What a wallet envelope shows prices in (`lumen` asks before signing).
            let metadata = args
                .first()
                .map(AccountAddress::from_move_json)
                .transpose()?;
            let units = chain.asset_units(metadata.unwrap_or(AccountAddress::ZERO));
            return match name {
                "decimals" => Ok(vec![units.decimals.to_move_json()]),
                "symbol" => Ok(vec![units.symbol.to_move_json()]),
                _ => Err(format!("the stand-in does not answer the view {function}")),
            };
        }
        let (module, name) = chain
            .package
            .strip(function)
            .ok_or_else(|| format!("{function:?} is not a view of the package"))?;
        let arg = |i: usize| -> Result<&Value, String> {
            args.get(i)
                .ok_or_else(|| format!("{module}::{name}: argument {i} is missing"))
        };
        let address = |i: usize| AccountAddress::from_move_json(arg(i)?);
        let abort = |e: crate::Abort| e.vm_status(&chain.package);
        let value = match (module, name) {
            ("config", "is_paused") => config::get(&chain).map_err(abort)?.paused.to_move_json(),
            ("config", "is_attester") => config::is_attester(&chain, address(0)?).to_move_json(),
            ("config", "param") => {
                let name = String::from_move_json(arg(0)?)?;
                let p = lumen_sdk::params::param(&name)
                    .ok_or_else(|| abort(lumen_sdk::errors::config::EUnknownParam.into()))?;
                config::param(&chain, *p).map_err(abort)?.to_move_json()
            }
            ("attestation", "score_of") => {
                attestation::score_of(&chain, address(0)?, now).to_move_json()
            }
            ("attestation", "has_valid_score") => {
                attestation::has_valid_score(&chain, address(0)?, now).to_move_json()
            }
            ("attestation", "last_nonce") => {
                attestation::last_nonce(&chain, address(0)?).to_move_json()
            }
            ("attestation", "worker_of_device") => {
                let device = Vec::<u8>::from_move_json(arg(0)?)?;
                attestation::worker_of_device(&chain, &device).to_move_json()
            }
            ("attestation", "device_key_of") => {
                attestation::device_key_of(&chain, address(0)?).to_move_json()
            }
            ("staking", "stake_of") => staking::stake_of(&chain, address(0)?).to_move_json(),
            ("staking", "locked_of") => staking::locked_of(&chain, address(0)?).to_move_json(),
            ("staking", "price_of") => staking::price_of(&chain, address(0)?).to_move_json(),
            ("staking", "min_stake_of") => staking::min_stake_of(&chain, address(0)?, now)
                .map_err(abort)?
                .to_move_json(),
            ("staking", "is_eligible") => staking::is_eligible(&chain, address(0)?, now)
                .map_err(abort)?
                .to_move_json(),
            ("escrow", "next_job_id") => chain.escrow.next_job_id.to_move_json(),
            ("config", "payment_asset") => config::get(&chain)
                .map_err(abort)?
                .payment_asset
                .to_move_json(),
            ("offers", "published_offer") => {
                crate::offers::published_offer(&chain, address(0)?).to_move_json()
            }
            ("escrow", "job_info") => escrow::job_info(&chain, address(0)?)
                .map_err(abort)?
                .to_move_json(),
            ("vip", "has_pass") => {
                let role = u8::from_move_json(arg(1)?)?;
                vip::has_pass(&chain, address(0)?, role).to_move_json()
            }
            _ => {
                return Err(format!(
                    "the stand-in does not answer the view {module}::{name}"
                ))
            }
        };
        Ok(vec![value])
    }
}

/// The payment asset issuer's call freezing or thawing a primary store
/// (`<issuer>::stablecoin::set_frozen(owner, frozen)`): not a call of the
/// package, but the package's payouts depend on it, so a replay mirrors it.
pub const FREEZE: &str = "::stablecoin::set_frozen";

fn replay_one(chain: &mut Chain, t: &Value) -> Result<(), ReplayError> {
    let version = t["version"].as_str().unwrap_or("?").to_string();
    let err = |reason: String| ReplayError {
        version: version.clone(),
        reason,
    };
    if t["type"] != "user_transaction" {
        return Ok(());
    }
    let payload = &t["payload"];
    let function = payload["function"].as_str().unwrap_or_default();
    if function.ends_with(FREEZE) && t["success"] == true {
        let args = &payload["arguments"];
        let owner = args[0]
            .as_str()
            .and_then(|s| AccountAddress::from_hex(s).ok())
            .ok_or_else(|| err(format!("{function}: argument 0 is not an address")))?;
        let frozen = args[1]
            .as_bool()
            .ok_or_else(|| err(format!("{function}: argument 1 is not a bool")))?;
        chain.set_frozen(owner, frozen);
        return Ok(());
    }
    let Some((module, name)) = chain.package.strip(function) else {
        return Ok(());
    };
    let args = payload["arguments"].as_array().cloned().unwrap_or_default();
    let call = Call::from_rest(module, name, &args).map_err(|e| err(e.to_string()))?;
    let sender = t["sender"]
        .as_str()
        .ok_or_else(|| err("no sender".into()))
        .and_then(|s| AccountAddress::from_hex(s).map_err(|e| err(e.to_string())))?;
    let now = t["timestamp"]
        .as_str()
        .and_then(|s| s.parse::<u64>().ok())
        .ok_or_else(|| err("no timestamp".into()))?
        / 1_000_000;
    let hash = t["hash"].as_str().unwrap_or_default();
    let hash = hex::decode(hash.trim_start_matches("0x")).map_err(|e| err(e.to_string()))?;

    let package = chain.package;
    let carried: Vec<LumenEvent> = t["events"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| LumenEvent::decode_rest(&package, e).transpose())
        .collect::<Result<_, _>>()
        .map_err(|e| err(e.to_string()))?;
    if let Call::Config(payloads::config::Call::Initialize { payment_asset, .. }) = &call {
        // The ledger's own `ConfigInitialized` says what the asset's decimals are.
        let decimals = carried.iter().find_map(|e| match e {
            LumenEvent::ConfigInitialized(i) => Some(i.decimals),
            _ => None,
        });
        chain.create_asset(*payment_asset, decimals.unwrap_or(0));
    }
    chain.txn = crate::TxnContext::for_hash(&hash);
    let outcome: Outcome = chain.call(now, sender, &call);
    match (&outcome, t["success"].as_bool()) {
        (Ok(events), Some(true)) if *events == carried => Ok(()),
        (Err(abort), Some(false)) if t["vm_status"] == abort.vm_status(&package) => Ok(()),
        _ => Err(err(format!(
            "{module}::{name} gives {outcome:?}; the ledger has success {} ({}) with {carried:?}",
            t["success"], t["vm_status"]
        ))),
    }
}
