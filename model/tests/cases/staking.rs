//! `staking`: a worker's stake from price to withdrawal, slashing and the
//! penalty sweep, and every reachable abort.

use lumen_model::vectors::Vector;
use lumen_sdk::errors::staking as e;
use lumen_sdk::payloads::{escrow, staking};

use super::{keyed, B, P, UNIT};

pub fn cases() -> Vec<Vector> {
    let admin = P.address;
    let w = keyed(2);
    let mut v = vec![];
    let with_worker = |name: &str, about: &str| {
        let mut b = B::world(name, about);
        b.account(w.address, 100 * UNIT);
        b
    };

    let mut b = with_worker(
        "staking_price_stake_unbond_withdraw",
        "a price, two stakes, an unstake and the withdrawal after unbonding",
    );
    b.ok(w.address, staking::set_price(&P, 2 * UNIT));
    b.ok(w.address, staking::stake(&P, 30 * UNIT));
    b.ok(w.address, staking::stake(&P, 20 * UNIT));
    b.wait(3_600);
    b.ok(w.address, staking::request_unstake(&P, 15 * UNIT));
    b.wait(604_800);
    b.ok(w.address, staking::withdraw(&P));
    v.push(b.done());

    let (mut b, creator, _, job) = B::assigned(
        "staking_slash_then_sweep",
        "a missed deadline slashes 10 % of stake and unbonding; the admin sweeps the penalties",
        10,
        100,
        80,
    );
    let worker = keyed(2);
    b.ok(worker.address, staking::request_unstake(&P, 1));
    b.wait(7_201);
    b.ok(creator.address, escrow::reclaim(&P, job));
    let penalties = b.chain().staking.penalty_pool;
    b.ok(admin, staking::sweep_penalties(&P, penalties));
    v.push(b.done());

    let b = with_worker("staking_zero_stake", "a stake above zero");
    v.push(b.fails(w.address, staking::stake(&P, 0), e::EZeroAmount));

    let mut b = with_worker(
        "staking_unstake_more_than_staked",
        "unstake at most the bonded stake",
    );
    b.ok(w.address, staking::stake(&P, 10));
    v.push(b.fails(
        w.address,
        staking::request_unstake(&P, 11),
        e::EInsufficientStake,
    ));

    let b = with_worker(
        "staking_withdraw_nothing",
        "nothing unbonding, nothing to withdraw",
    );
    v.push(b.fails(w.address, staking::withdraw(&P), e::ENothingToWithdraw));

    let mut b = with_worker("staking_withdraw_early", "unbonding takes unbonding_secs");
    b.ok(w.address, staking::stake(&P, 10));
    b.ok(w.address, staking::request_unstake(&P, 10));
    b.wait(604_799);
    v.push(b.fails(w.address, staking::withdraw(&P), e::EUnbondingNotOver));

    let b = with_worker(
        "staking_sweep_empty_pool",
        "the admin sweeps at most the penalty pool",
    );
    v.push(b.fails(
        admin,
        staking::sweep_penalties(&P, 1),
        e::EInsufficientPenalties,
    ));
    v
}
