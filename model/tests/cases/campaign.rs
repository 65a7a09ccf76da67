//! `campaign`: a whole campaign (settings, pool, referral, streak, credits,
//! social task, leaderboard, sweep) and every abort.

use lumen_model::vectors::{Vector, START_TIME};
use lumen_sdk::errors::campaign as e;
use lumen_sdk::payloads::campaign;
use lumen_sdk::AccountAddress;

use super::{at, keyed, B, DAY, P, UNIT};

const POINT: u64 = 1_000_000;

pub fn cases() -> Vec<Vector> {
    let admin = P.address;
    let op = at(0x0e);
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

    let mut b = running(
        "campaign_whole_run",
        "referral shares, a streak up to a credit day, credits, a social task, the leaderboard and the sweep",
        5_000 * UNIT,
    );
    b.ok(admin, campaign::set_credit_value(&P, 2 * UNIT));
    b.ok(
        admin,
        campaign::set_tier_amounts(
            &P,
            &[300 * UNIT, 100 * UNIT, 50 * UNIT, 10 * UNIT, 5 * UNIT],
        ),
    );
    b.ok(bob, campaign::register_referral(&P, alice));
    for _ in 0..4 {
        b.ok(bob, campaign::check_in(&P));
        b.wait(DAY);
    }
    b.ok(op, campaign::grant_social_task(&P, bob, 1, 5 * POINT));
    b.ok(alice, campaign::check_in(&P));
    b.ok(bob, campaign::claim_credits(&P));
    b.wait(end - b.now);
    let bob_points = b.chain().campaign.users[&bob].total_points;
    let alice_points = b.chain().campaign.users[&alice].total_points;
    let f = campaign::pay_leaderboard(&P, &[bob, alice], &[bob_points + 7, alice_points]);
    b.ok(op, f);
    b.ok(admin, campaign::sweep(&P, 100 * UNIT));
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

    let mut b = running("campaign_claim_without_credits", "no credits, no claim", 0);
    b.ok(bob, campaign::check_in(&P));
    v.push(b.fails(bob, campaign::claim_credits(&P), e::ENothingToClaim));

    let mut b = running(
        "campaign_claim_from_empty_pool",
        "credits are paid from the pool",
        0,
    );
    for _ in 0..4 {
        b.ok(bob, campaign::check_in(&P));
        b.wait(DAY);
    }
    v.push(b.fails(bob, campaign::claim_credits(&P), e::EInsufficientPool));

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
        "a referrer registers no referrer of its own",
        0,
    );
    b.ok(bob, campaign::register_referral(&P, alice));
    v.push(b.fails(
        alice,
        campaign::register_referral(&P, carol),
        e::ECircularReferral,
    ));

    let ended = |name: &str, about: &str| {
        let mut b = running(name, about, 1_000 * UNIT);
        b.ok(bob, campaign::check_in(&P));
        b.wait(end - b.now);
        b
    };
    let b = ended("campaign_ranking_lengths", "one points value per winner");
    let f = campaign::pay_leaderboard(&P, &[bob], &[POINT, POINT]);
    v.push(b.fails(op, f, e::ELengthMismatch));

    let b = ended("campaign_ranking_empty", "a ranking has 1 to 100 winners");
    v.push(b.fails(
        op,
        campaign::pay_leaderboard(&P, &[], &[]),
        e::EBadRankingSize,
    ));

    let b = ended("campaign_ranking_duplicate", "a winner ranks once");
    let f = campaign::pay_leaderboard(&P, &[bob, bob], &[POINT, POINT]);
    v.push(b.fails(op, f, e::EDuplicateWinner));

    let b = ended(
        "campaign_ranking_unordered",
        "points never increase down the ranking",
    );
    let f = campaign::pay_leaderboard(&P, &[bob, alice], &[POINT, 2 * POINT]);
    v.push(b.fails(op, f, e::ERankingNotOrdered));

    let b = ended(
        "campaign_ranking_below_chain",
        "a winner's points are at least its on-chain points",
    );
    let f = campaign::pay_leaderboard(&P, &[bob], &[POINT - 1]);
    v.push(b.fails(op, f, e::EPointsBelowRecorded));

    let mut b = ended("campaign_paid_twice", "the leaderboard is paid once");
    b.ok(op, campaign::pay_leaderboard(&P, &[bob], &[POINT]));
    let f = campaign::pay_leaderboard(&P, &[bob], &[POINT]);
    v.push(b.fails(op, f, e::EAlreadyPaid));

    let b = running(
        "campaign_paid_early",
        "the leaderboard is paid after the end",
        1_000 * UNIT,
    );
    let f = campaign::pay_leaderboard(&P, &[bob], &[POINT]);
    v.push(b.fails(op, f, e::ENotEnded));

    let b = B::world("campaign_empty_period", "a period starts before it ends");
    v.push(b.fails(admin, campaign::set_period(&P, 10, 10), e::EBadPeriod));

    let b = B::world("campaign_four_tiers", "five tier amounts");
    let f = campaign::set_tier_amounts(&P, &[4, 3, 2, 1]);
    v.push(b.fails(admin, f, e::EBadTiers));

    let b = running(
        "campaign_sweep_before_payout",
        "the pool is swept after the payout",
        1_000 * UNIT,
    );
    v.push(b.fails(admin, campaign::sweep(&P, 1), e::ENotPaid));

    let b = B::world("campaign_zero_operator", "the operator is never @0x0");
    let f = campaign::set_operator(&P, AccountAddress::ZERO);
    v.push(b.fails(admin, f, e::EZeroAddress));
    v
}
