//! `staking`: a worker's stake from price to withdrawal, slashing and the
//! penalty sweep, and every reachable abort.

use lumen_model::vectors::Vector;
use lumen_sdk::errors::staking as e;
use lumen_sdk::params;
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

    let (mut b, creator, worker, job) = B::assigned(
        "staking_slash_then_sweep",
        "the free stake may leave; a missed deadline slashes the job's collateral; the admin sweeps it",
        10,
        10_000,
        8_000,
    );
    let free = b.chain().staking.workers[&worker.address].stake
        - b.chain().staking.workers[&worker.address].locked;
    b.ok(worker.address, staking::request_unstake(&P, free));
    b.wait(7_201);
    b.ok(creator.address, escrow::reclaim(&P, job));
    let penalties = b.chain().staking.penalty_pool;
    b.ok(admin, staking::sweep_penalties(&P, penalties));
    v.push(b.done());

    let (b, _, worker, _) = B::assigned(
        "staking_unstake_locked_collateral",
        "the collateral of an active job stays bonded",
        10,
        10_000,
        8_000,
    );
    let stake = b.chain().staking.workers[&worker.address].stake;
    v.push(b.fails(
        worker.address,
        staking::request_unstake(&P, stake),
        e::EStakeLocked,
    ));

    // Collateral = min(100 % of the stake, the job's value): a job worth more
    // than the stake locks all of it, and a second job finds nothing free.
    let (mut b, creator, worker) = B::funded(
        "staking_collateral_exhausted",
        "every job's collateral comes out of the free stake",
        2_000 * UNIT,
    );
    b.eligible(&worker, 2_430_000, 8_192, 2 * UNIT, 1);
    b.set_params(&[(params::SLASH_BPS.name, 10_000)]);
    let big = b.job(&creator, 1_000, UNIT, 0, 0);
    b.assign(&creator, &worker, big, UNIT, 1);
    let small = b.job(&creator, 10, 10_000, 0, 0);
    let f = b.offer(
        &creator,
        small,
        worker.address,
        8_000,
        b.now + 7_200,
        b.now + 60,
        2,
    );
    v.push(b.fails(worker.address, f, e::EInsufficientCollateral));

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
