//! The scenario's chain replayed through `lumen-model` (the Rust model the
//! transition vectors pin to the Move modules): every call of the package
//! gives exactly the events the scenario wrote, every refused call the abort
//! it reported. So the scenario's own bookkeeping of the contract cannot
//! drift from the contract.

mod common;

use common::*;
use lumen_e2e::scenario::{Scenario, ScenarioConfig};
use lumen_model::Chain;
use lumen_sdk::events::LumenEvent;
use lumen_sdk::payloads::Call;
use lumen_sdk::AccountAddress;
use serde_json::Value;

/// VIP token addresses out: the scenario numbers its tokens instead of
/// deriving them from the minting transaction's unique address.
fn comparable(mut e: LumenEvent) -> LumenEvent {
    match &mut e {
        LumenEvent::VipMinted(v) => v.token = AccountAddress::ZERO,
        LumenEvent::VipRevoked(v) => v.token = AccountAddress::ZERO,
        LumenEvent::VipExpired(v) => v.token = AccountAddress::ZERO,
        _ => {}
    }
    e
}

fn replay(chain: &mut Chain, t: &Value) -> Result<(), String> {
    let package = chain.package;
    let function = t["payload"]["function"].as_str().unwrap_or_default();
    let Some((module, name)) = package.strip(function) else {
        return Ok(());
    };
    let args = t["payload"]["arguments"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let call = Call::from_rest(module, name, &args).map_err(|e| e.to_string())?;
    if let Call::Config(lumen_sdk::payloads::config::Call::Initialize { payment_asset, .. }) = &call
    {
        chain.create_asset(*payment_asset, lumen_e2e::scenario::USDT_DECIMALS);
    }
    let sender = AccountAddress::from_hex(t["sender"].as_str().unwrap()).unwrap();
    let now = t["timestamp"].as_str().unwrap().parse::<u64>().unwrap() / 1_000_000;
    let outcome = chain.call(now, sender, &call);
    let carried: Vec<LumenEvent> = t["events"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| LumenEvent::decode_rest(&package, e).unwrap())
        .map(comparable)
        .collect();
    match (outcome, t["success"].as_bool()) {
        (Ok(events), Some(true)) => {
            let events: Vec<LumenEvent> = events.into_iter().map(comparable).collect();
            (events == carried).then_some(()).ok_or_else(|| {
                format!("{function}: the model emits {events:?}, the scenario wrote {carried:?}")
            })
        }
        (Err(abort), Some(false)) if t["vm_status"] == abort.vm_status(&package) => Ok(()),
        (outcome, _) => Err(format!(
            "{function}: the model gives {outcome:?}, the scenario wrote {} ({})",
            t["success"], t["vm_status"]
        )),
    }
}

/// Replays `scenario` through a fresh model; the stores the issuer froze or thawed.
fn replay_all(scenario: &Scenario, config: &ScenarioConfig) -> (Chain, u32) {
    let mut chain = Chain::open(config.package, config.chain_id);
    let mut frozen = 0;
    for t in &scenario.transactions {
        // The payment asset's issuer freezing a store is a call of its own
        // module, which the package's model does not run: mirror it.
        let function = t["payload"]["function"].as_str().unwrap_or_default();
        if function.ends_with("::stablecoin::set_frozen") {
            let args = &t["payload"]["arguments"];
            let owner = AccountAddress::from_hex(args[0].as_str().unwrap()).unwrap();
            chain.set_frozen(owner, args[1].as_bool().unwrap());
            frozen += 1;
            continue;
        }
        let version = &t["version"];
        replay(&mut chain, t)
            .unwrap_or_else(|e| panic!("seed {}, version {version}: {e}", config.seed));
    }
    (chain, frozen)
}

#[test]
fn the_scenario_is_what_the_model_of_the_contract_executes() {
    let scenario = small();
    let (chain, frozen) = replay_all(scenario, &small_config());
    assert_eq!(frozen, 2, "the issuer froze a store and thawed it");
    assert_eq!(chain.escrow.jobs.len() as u64, scenario.summary.jobs.total);
    // Jobs are assigned through each path (signed offer, wallet envelope, on
    // chain), as the replayed chain records them.
    let mut kinds = std::collections::BTreeMap::new();
    for j in chain.escrow.jobs.values() {
        if j.worker != AccountAddress::ZERO {
            let kind = lumen_sdk::OfferKind::from_code(j.offer_kind).unwrap();
            *kinds.entry(kind.as_str().to_string()).or_insert(0u64) += 1;
        }
    }
    assert_eq!(kinds, scenario.summary.jobs.by_offer_kind);
    assert_eq!(kinds.len(), 3, "{kinds:?}");
    // The model's books are the scenario's.
    for m in &scenario.summary.workers {
        let w = AccountAddress::from_hex(&m.address).unwrap();
        let stake = chain.staking.workers.get(&w).copied().unwrap_or_default();
        assert_eq!(
            (stake.stake, stake.locked),
            (m.stake, m.locked),
            "{}",
            m.address
        );
    }
    for c in &scenario.summary.claimables {
        let owner = AccountAddress::from_hex(&c.owner).unwrap();
        assert_eq!(lumen_model::escrow::claimable_of(&chain, owner), c.balance);
    }
}

#[test]
fn other_seeds_replay_too() {
    for seed in 1..=4 {
        let config = ScenarioConfig::new(seed, 6, 40, 8);
        let scenario = Scenario::build(&config).unwrap();
        replay_all(&scenario, &config);
    }
}
