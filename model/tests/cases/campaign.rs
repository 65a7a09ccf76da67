//! `campaign`: a whole campaign (settings, pool, referral, streak, credits,
//! a social task, the on-chain leaderboard and its payout, the sweep) and
//! every abort.

use lumen_model::vectors::{Vector, START_TIME};
use lumen_sdk::errors::campaign as e;
use lumen_sdk::payloads::{campaign, escrow};
use lumen_sdk::AccountAddress;

use super::{at, keyed, B, DAY, P, UNIT};

const POINT: u64 = 1_000_000;
const GRACE: u64 = 3_600;

pub fn cases() -> Vec<Vector> {
    let admin = P.address;
    let op = at(0x0e);
    let anyone = at(0x9a7);
    let (alice, bob, carol) = (keyed(11).address, keyed(12).address, keyed(13).address);
    let end = START_TIME + 10 * DAY;
    let mut v = vec![];
    // A campaign running from now for ten days, operated by `op`, funded by alice.
    let running = |name: &str, about: &str, fund: u64| {
        let mut b = B::world(name, about);
        b.account(alice, 10_000 * UNIT);
        b.ok(admin, campaign::set_operator(&P, op));
        b.ok(admin, campaign::set_period(&P, START_TIME, end));
        if fund > 0 {
            b.ok(alice, campaign::fund(&P, fund));
        }
        b
    };

    let mut b = B::world(
        "campaign_whole_run",
        "settings before the start, referral shares, a streak up to a credit day, a social task, the on-chain leaderboard paid, the sweep",
    );
    b.account(alice, 10_000 * UNIT);
    b.ok(admin, campaign::set_operator(&P, op));
    b.ok(admin, campaign::set_credit_value(&P, 2 * UNIT));
    let tiers = [300 * UNIT, 100 * UNIT, 50 * UNIT, 10 * UNIT, 5 * UNIT];
    b.ok(admin, campaign::set_tier_amounts(&P, &tiers));
    b.ok(admin, campaign::set_period(&P, START_TIME, end));
    b.ok(alice, campaign::fund(&P, 5_000 * UNIT));
    b.ok(alice, campaign::check_in(&P));
    b.ok(bob, campaign::register_referral(&P, alice));
    for _ in 0..4 {
        b.ok(bob, campaign::check_in(&P));
        b.wait(DAY);
    }
    b.ok(op, campaign::grant_social_task(&P, bob, 1, 5 * POINT));
    b.ok(carol, campaign::check_in(&P));
    b.wait(end + GRACE - b.now);
    b.ok(anyone, campaign::pay_leaderboard(&P));
    b.ok(admin, campaign::sweep(&P, 100 * UNIT));
    v.push(b.done());

    let mut b = B::world(
        "campaign_job_credit",
        "a job spends 0.1 credit of its creator when created and, paid, earns render points for both parties",
    );
    let (creator, worker) = (keyed(1), keyed(2));
    b.account(creator.address, 1_000 * UNIT);
    b.account(worker.address, 1_000 * UNIT);
    b.ok(admin, campaign::set_operator(&P, op));
    b.ok(admin, campaign::set_period(&P, START_TIME, end));
    for _ in 0..4 {
        b.ok(creator.address, campaign::check_in(&P));
        b.wait(DAY);
    }
    b.eligible(&worker, 2_430_000, 8_192, 2 * UNIT, 1);
    let job = b.job(&creator, 2, 3 * UNIT, 0, 0);
    b.assign(&creator, &worker, job, 2 * UNIT, 1);
    b.wait(600);
    b.ok(worker.address, escrow::submit_result(&P, job, 2, &[7; 32]));
    b.ok(creator.address, escrow::confirm(&P, job, 2));
    v.push(b.done());

    let b = running(
        "campaign_grant_by_another",
        "only the operator grants tasks",
        0,
    );
    let f = campaign::grant_social_task(&P, bob, 1, POINT);
    v.push(b.fails(alice, f, e::ENotOperator));

    let b = B::world(
        "campaign_check_in_without_period",
        "nothing is accepted before the period is set",
    );
    v.push(b.fails(bob, campaign::check_in(&P), e::ENotActive));

    let mut b = running("campaign_check_in_twice", "one check-in per UTC day", 0);
    b.ok(bob, campaign::check_in(&P));
    b.wait(DAY - 1);
    v.push(b.fails(bob, campaign::check_in(&P), e::EAlreadyCheckedIn));

    let b = running("campaign_fund_zero", "funding is above zero", 0);
    v.push(b.fails(alice, campaign::fund(&P, 0), e::EZeroAmount));

    let mut b = running("campaign_task_twice", "a task is granted once per user", 0);
    b.ok(op, campaign::grant_social_task(&P, bob, 3, POINT));
    let f = campaign::grant_social_task(&P, bob, 3, POINT);
    v.push(b.fails(op, f, e::ETaskAlreadyGranted));

    let b = running("campaign_task_zero_points", "a task is worth something", 0);
    let f = campaign::grant_social_task(&P, bob, 3, 0);
    v.push(b.fails(op, f, e::EZeroPoints));

    let mut b = running(
        "campaign_referred_twice",
        "a referrer is registered once",
        0,
    );
    b.ok(alice, campaign::check_in(&P));
    b.ok(carol, campaign::check_in(&P));
    b.ok(bob, campaign::register_referral(&P, alice));
    v.push(b.fails(
        bob,
        campaign::register_referral(&P, carol),
        e::EAlreadyReferred,
    ));

    let b = running("campaign_self_referral", "nobody refers itself", 0);
    v.push(b.fails(bob, campaign::register_referral(&P, bob), e::ESelfReferral));

    let mut b = running(
        "campaign_circular_referral",
        "a referral points to an earlier participant: a loop cannot close",
        0,
    );
    b.ok(alice, campaign::check_in(&P));
    b.ok(bob, campaign::register_referral(&P, alice));
    v.push(b.fails(
        alice,
        campaign::register_referral(&P, bob),
        e::ECircularReferral,
    ));

    let mut b = running(
        "campaign_paid_twice",
        "the leaderboard is paid once",
        1_000 * UNIT,
    );
    b.ok(bob, campaign::check_in(&P));
    b.wait(end + GRACE - b.now);
    b.ok(anyone, campaign::pay_leaderboard(&P));
    v.push(b.fails(anyone, campaign::pay_leaderboard(&P), e::EAlreadyPaid));

    let mut b = running(
        "campaign_paid_early",
        "the leaderboard is paid after the end and a grace period",
        1_000 * UNIT,
    );
    b.wait(end + GRACE - 1 - b.now);
    v.push(b.fails(anyone, campaign::pay_leaderboard(&P), e::ENotEnded));

    let mut b = running(
        "campaign_payout_above_pool",
        "the pool covers the whole payout",
        200 * UNIT - 1,
    );
    b.ok(bob, campaign::check_in(&P));
    b.wait(end + GRACE - b.now);
    v.push(b.fails(anyone, campaign::pay_leaderboard(&P), e::EInsufficientPool));

    let b = running(
        "campaign_sweep_into_the_reserve",
        "before the payout the pool keeps a full ranking's payout",
        1_990 * UNIT,
    );
    v.push(b.fails(admin, campaign::sweep(&P, 1), e::EInsufficientPool));

    let b = running(
        "campaign_terms_fixed_once_started",
        "the credit value cannot change under the participants",
        0,
    );
    let f = campaign::set_credit_value(&P, 2 * UNIT);
    v.push(b.fails(admin, f, e::EAlreadyStarted));

    let b = B::world("campaign_empty_period", "a period starts before it ends");
    v.push(b.fails(admin, campaign::set_period(&P, 10, 10), e::EBadPeriod));

    let b = B::world("campaign_four_tiers", "five tier amounts");
    let f = campaign::set_tier_amounts(&P, &[4, 3, 2, 1]);
    v.push(b.fails(admin, f, e::EBadTiers));

    let b = B::world("campaign_zero_operator", "the operator is never @0x0");
    let f = campaign::set_operator(&P, AccountAddress::ZERO);
    v.push(b.fails(admin, f, e::EZeroAddress));
    v
}
