//! Unit tests of the chain's plumbing; the rules are pinned by the
//! transition vectors (`tests/transitions.rs`).

use lumen_sdk::errors;
use lumen_sdk::payloads::{config, escrow, staking};
use lumen_sdk::AccountAddress;

use super::*;
use crate::vectors::{fixture, Account, Fixture, START_TIME};

fn addr(n: u8) -> AccountAddress {
    AccountAddress::new([n; 32])
}

#[test]
fn an_abort_changes_nothing() {
    let p = Package::DEV;
    let creator = addr(0xc1);
    let mut chain = fixture(
        Fixture::World,
        &[Account {
            address: creator,
            mint: 10_000,
        }],
    );
    // The deposit is more than the creator has: the framework's abort, no job.
    let f = escrow::create_job(&p, &[1], 10, 1_001, 0, 0);
    let r = chain.execute(START_TIME, creator, &f);
    assert_eq!(
        r,
        Err(Abort::Code(errors::framework::EINSUFFICIENT_BALANCE))
    );
    assert_eq!(chain.escrow.next_job_id, 0);
    assert_eq!(chain.ledger.balance(creator), 10_000);
    let f = escrow::create_job(&p, &[1], 10, 1_000, 0, 0);
    let events = chain.execute(START_TIME, creator, &f).unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(chain.ledger.balance(creator), 0);
    assert_eq!(chain.ledger.balance(p.job_address(0)), 10_000);
    // A frozen store pays nothing, whatever it holds.
    chain.set_frozen(creator, true);
    chain.mint(creator, 10_000);
    assert_eq!(
        chain.execute(START_TIME, creator, &f),
        Err(Abort::Code(errors::framework::ESTORE_IS_FROZEN))
    );
    assert_eq!(chain.escrow.next_job_id, 1);
}

#[test]
fn calls_of_other_packages_execute_without_events() {
    let mut chain = Chain::new(Package::DEV, 4);
    let other = Package::new(AccountAddress::ONE);
    let f = staking::stake(&other, 5);
    assert_eq!(chain.execute(1, addr(1), &f), Ok(vec![]));
    // The package's own call before `initialize` aborts in `config`.
    let f = staking::stake(&Package::DEV, 5);
    assert_eq!(
        chain.execute(1, addr(1), &f),
        Err(Abort::Code(errors::config::ENotInitialized))
    );
}

#[test]
fn objects_are_checked_like_the_vm_checks_object_arguments() {
    let p = Package::DEV;
    let mut chain = fixture(Fixture::World, &[]);
    let nothing = escrow::cancel(&p, addr(9));
    assert_eq!(
        chain.execute(START_TIME, addr(1), &nothing),
        Err(Abort::Code(errors::framework::EOBJECT_DOES_NOT_EXIST))
    );
    let not_a_job = escrow::cancel(&p, chain.module_object(b"escrow"));
    assert_eq!(
        chain.execute(START_TIME, addr(1), &not_a_job),
        Err(Abort::Code(errors::framework::ERESOURCE_DOES_NOT_EXIST))
    );
    let again = config::initialize(&p, vectors::test_asset(), addr(1), addr(2));
    assert_eq!(
        chain.execute(START_TIME, p.address, &again),
        Err(Abort::Code(errors::config::EAlreadyInitialized))
    );
}

#[test]
fn vm_status_is_what_a_node_reports() {
    let a = Abort::Code(errors::rewards::ETooEarlyToClose);
    assert_eq!(
        a.vm_status(&Package::DEV),
        "Move abort in 0xcafe::rewards: ETooEarlyToClose(0x30007): The epoch's grace period has not passed yet."
    );
}

#[test]
fn unique_addresses_follow_the_transaction_context() {
    let mut unit = TxnContext::unit_test();
    let (a, b) = (unit.next_auid(), unit.next_auid());
    assert_ne!(a, b);
    let mut h = Sha3_256::new();
    h.update([1u8]);
    h.update(1u64.to_le_bytes());
    h.update([0xFB]);
    assert_eq!(a, AccountAddress::new(h.finalize().into()));
    assert_eq!(TxnContext::for_hash(&[1]).next_auid(), a);
}
