//! The scenario's ledger replays on the model of the contract from its
//! genesis to exactly the state the scenario left (what `lumen-standin`
//! does before it serves the demo), and a ledger that carries an event the
//! contract would not emit is refused, naming the transaction.

mod common;

use common::*;
use lumen_e2e::scenario::Scenario;
use lumen_model::node::Node;

#[test]
fn the_scenario_replays_to_the_state_it_left() {
    let scenario = small();
    let node = Node::new(Scenario::genesis(&small_config()));
    node.replay(&scenario.transactions)
        .expect("the ledger replays");
    let (got, want) = (node.chain(), &scenario.chain);
    assert_eq!(format!("{:?}", got.escrow), format!("{:?}", want.escrow));
    assert_eq!(format!("{:?}", got.staking), format!("{:?}", want.staking));
    assert_eq!(format!("{:?}", got.rewards), format!("{:?}", want.rewards));
    assert_eq!(
        format!("{:?}", got.attestation),
        format!("{:?}", want.attestation)
    );
    assert_eq!(format!("{:?}", got.vip), format!("{:?}", want.vip));
    assert_eq!(
        format!("{:?}", got.campaign),
        format!("{:?}", want.campaign)
    );
    assert_eq!(got.ledger.balances, want.ledger.balances);
}

#[test]
fn a_ledger_the_contract_would_not_write_is_refused() {
    let scenario = small();
    let mut txns = scenario.transactions.clone();
    let (i, t) = txns
        .iter_mut()
        .enumerate()
        .find(|(_, t)| {
            t["payload"]["function"]
                .as_str()
                .is_some_and(|f| f.ends_with("::escrow::confirm"))
        })
        .expect("the scenario confirms jobs");
    // The worker is paid one base unit more than the contract pays.
    let event = t["events"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|e| {
            e["type"]
                .as_str()
                .unwrap()
                .ends_with("::escrow::JobCompleted")
        })
        .unwrap();
    let paid: u64 = event["data"]["worker_amount"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    event["data"]["worker_amount"] = (paid + 1).to_string().into();
    let node = Node::new(Scenario::genesis(&small_config()));
    let err = node.replay(&txns).unwrap_err();
    assert_eq!(err.version, i.to_string(), "{err}");
    assert!(err.reason.contains("escrow::confirm"), "{err}");
}
