#[test_only]
/// Campaign: the 30-day check-in table and its restart rule, one check-in per
/// UTC day, credits claimed from the pool, operator-granted social tasks,
/// referrals (once, no self or circular referral, 10 % share), the leaderboard
/// payout with the seed's tiers, pause behaviour and every abort code.
module lumen::campaign_tests {
    use std::bcs;
    use aptos_framework::account;
    use aptos_framework::event;
    use lumen::campaign;
    use lumen::config;
    use lumen::test_helpers as th;

    const DAY: u64 = 86_400;
    const POINT: u64 = 1_000_000;
    const UNIT: u64 = 1_000_000;
    const OPERATOR: address = @0x0bea;
    const FUNDER: address = @0xf00d;
    const ALICE: address = @0xa11ce;
    const BOB: address = @0xb0b;
    const CAROL: address = @0xca401;
    /// The seed's reward pool: $2 000 at 6 decimals.
    const SEED_POOL: u64 = 2_000_000_000;

    /// The standard world plus the campaign: operator set, a 30-day period
    /// starting now (a UTC midnight), and `pool` funded.
    fun setup(pool: u64) {
        th::setup();
        campaign::init_for_test(&th::lumen_signer());
        let admin = th::lumen_signer();
        campaign::set_operator(&admin, OPERATOR);
        campaign::set_period(&admin, th::start_time(), th::start_time() + 30 * DAY);
        if (pool > 0) { fund(pool) };
    }

    fun fund(amount: u64) {
        th::mint(FUNDER, amount);
        campaign::fund(&th::signer_of(FUNDER), amount);
    }

    fun operator(): signer { th::signer_of(OPERATOR) }

    fun check_in(user: address) { campaign::check_in(&th::signer_of(user)) }

    /// Moves the clock to `days` UTC days after the start, plus `secs`.
    fun to_day(days: u64, secs: u64) { th::set_time(th::start_time() + days * DAY + secs) }

    fun points_of(user: address): u64 {
        let (total, _, _, _) = campaign::user_points(&campaign::user_info(user));
        total
    }

    /// `count` distinct addresses, derived from `salt`.
    fun addresses(salt: u64, count: u64): vector<address> {
        let out = vector[];
        let i = 0;
        while (i < count) {
            out.push_back(account::create_resource_address(&@0xbeef, bcs::to_bytes(&(salt * 1000 + i))));
            i += 1;
        };
        out
    }

    /// Non-increasing points for a ranking of `count`.
    fun ranking_points(count: u64): vector<u64> {
        let out = vector[];
        let i = 0;
        while (i < count) {
            out.push_back((count - i) * POINT);
            i += 1;
        };
        out
    }

    /// Moves the clock to the end of the campaign period.
    fun to_end() { to_day(30, 0) }

    // Check-ins ----------------------------------------------------------------

    #[test]
    fun thirty_day_table_then_the_cycle_restarts() {
        setup(0);
        let day = 0;
        while (day < 30) {
            if (day > 0) { to_day(day, 60) };
            check_in(ALICE);
            day += 1;
        };
        let info = campaign::user_info(ALICE);
        let (total, checkin, social, referral) = campaign::user_points(&info);
        // Points 1+2+3 | 2+3+4 | ... | 7+8+9 | 9+10 = 124; credits on days 4, 8, ..., 28.
        assert!(total == 124 * POINT && checkin == 124 * POINT && social == 0 && referral == 0, 1);
        let (earned, claimed) = campaign::user_credits(&info);
        assert!(earned == 7 * UNIT && claimed == 0, 2);
        let today = th::start_time() / DAY + 29;
        assert!(event::was_event_emitted(&campaign::checked_in_event(
            ALICE, today, 30, 30, 10 * POINT, 0, 0, 124 * POINT, 7 * UNIT)), 3);
        assert!(event::was_event_emitted(&campaign::checked_in_event(
            ALICE, today - 2, 28, 28, 0, 1, UNIT, 105 * POINT, 7 * UNIT)), 4);
        // Day 31 of an unbroken streak is day 1 of the table again.
        let campaign_admin = th::lumen_signer();
        campaign::set_period(&campaign_admin, th::start_time(), th::start_time() + 60 * DAY);
        to_day(30, 5);
        let (cycle_day, streak, points, credits) = campaign::preview_check_in(ALICE);
        assert!(cycle_day == 1 && streak == 31 && points == POINT && credits == 0, 5);
        check_in(ALICE);
        let (checkins, streak, last_day) = campaign::user_streak(&campaign::user_info(ALICE));
        assert!(checkins == 31 && streak == 31 && last_day == today + 1, 6);
        assert!(points_of(ALICE) == 125 * POINT, 7);
        // Already checked in today: the preview says so.
        let (cycle_day, _, _, _) = campaign::preview_check_in(ALICE);
        assert!(cycle_day == 0, 8);
    }

    #[test]
    fun a_missed_day_restarts_at_day_one() {
        setup(0);
        check_in(ALICE);
        to_day(1, 0);
        check_in(ALICE);
        to_day(2, DAY - 1);
        check_in(ALICE); // last second of day 2: still consecutive
        assert!(points_of(ALICE) == 6 * POINT, 1);
        // Day 3 is missed; day 4 starts the table again.
        to_day(4, 10);
        let (cycle_day, streak, _, _) = campaign::preview_check_in(ALICE);
        assert!(cycle_day == 1 && streak == 1, 2);
        check_in(ALICE);
        let (checkins, streak, _) = campaign::user_streak(&campaign::user_info(ALICE));
        assert!(checkins == 4 && streak == 1, 3);
        assert!(points_of(ALICE) == 7 * POINT, 4);
    }

    #[test]
    #[expected_failure(abort_code = 0x80003 /* EAlreadyCheckedIn */, location = lumen::campaign)]
    fun second_check_in_the_same_utc_day_aborts() {
        setup(0);
        to_day(3, 0);
        check_in(ALICE);
        to_day(3, DAY - 1);
        check_in(ALICE);
    }

    #[test]
    #[expected_failure(abort_code = 0x30002 /* ENotActive */, location = lumen::campaign)]
    fun check_in_after_the_period_aborts() {
        setup(0);
        to_end();
        check_in(ALICE);
    }

    #[test]
    #[expected_failure(abort_code = 0x30002 /* ENotActive */, location = lumen::campaign)]
    fun check_in_before_the_period_aborts() {
        setup(0);
        campaign::set_period(&th::lumen_signer(), th::start_time() + DAY, th::start_time() + 2 * DAY);
        check_in(ALICE);
    }

    #[test]
    #[expected_failure(abort_code = 0x30005 /* EPaused */, location = lumen::config)]
    fun check_in_while_paused_aborts() {
        setup(0);
        config::set_paused(&th::lumen_signer(), true);
        check_in(ALICE);
    }

    // Credits ------------------------------------------------------------------

    #[test]
    fun credits_are_claimed_from_the_pool_also_while_paused() {
        setup(10 * UNIT);
        campaign::set_credit_value(&th::lumen_signer(), 2 * UNIT);
        let day = 0;
        while (day < 8) {
            if (day > 0) { to_day(day, 0) };
            check_in(ALICE);
            day += 1;
        };
        let (earned, _) = campaign::user_credits(&campaign::user_info(ALICE));
        assert!(earned == 4 * UNIT, 1);
        config::set_paused(&th::lumen_signer(), true);
        campaign::claim_credits(&th::signer_of(ALICE));
        assert!(th::balance(ALICE) == 4 * UNIT, 2);
        assert!(campaign::pool() == 6 * UNIT, 3);
        assert!(th::balance(campaign::campaign_address()) == 6 * UNIT, 4);
        assert!(event::was_event_emitted(&campaign::credits_claimed_event(ALICE, 4 * UNIT, 4 * UNIT, 6 * UNIT)), 5);
        let (earned, claimed) = campaign::user_credits(&campaign::user_info(ALICE));
        assert!(earned == 4 * UNIT && claimed == 4 * UNIT, 6);
    }

    #[test]
    #[expected_failure(abort_code = 0x60004 /* ENothingToClaim */, location = lumen::campaign)]
    fun claim_twice_aborts() {
        setup(10 * UNIT);
        let day = 0;
        while (day < 4) {
            if (day > 0) { to_day(day, 0) };
            check_in(ALICE);
            day += 1;
        };
        campaign::claim_credits(&th::signer_of(ALICE));
        campaign::claim_credits(&th::signer_of(ALICE));
    }

    #[test]
    #[expected_failure(abort_code = 0x60004 /* ENothingToClaim */, location = lumen::campaign)]
    fun claim_by_a_stranger_aborts() {
        setup(10 * UNIT);
        campaign::claim_credits(&th::signer_of(BOB));
    }

    #[test]
    #[expected_failure(abort_code = 0x30005 /* EInsufficientPool */, location = lumen::campaign)]
    fun claim_above_the_pool_aborts() {
        setup(UNIT - 1);
        let day = 0;
        while (day < 4) {
            if (day > 0) { to_day(day, 0) };
            check_in(ALICE);
            day += 1;
        };
        campaign::claim_credits(&th::signer_of(ALICE));
    }

    #[test]
    #[expected_failure(abort_code = 0x10006 /* EZeroAmount */, location = lumen::campaign)]
    fun funding_zero_aborts() {
        setup(0);
        campaign::fund(&th::signer_of(FUNDER), 0);
    }

    // Social tasks -------------------------------------------------------------

    #[test]
    fun social_tasks_are_granted_once_each() {
        setup(0);
        campaign::grant_social_task(&operator(), ALICE, 1, 5 * POINT);
        campaign::grant_social_task(&operator(), ALICE, 2, 5 * POINT);
        campaign::grant_social_task(&operator(), BOB, 1, 5 * POINT);
        assert!(campaign::is_task_granted(ALICE, 1) && campaign::is_task_granted(ALICE, 2), 1);
        assert!(!campaign::is_task_granted(ALICE, 3), 2);
        let (total, checkin, social, _) = campaign::user_points(&campaign::user_info(ALICE));
        assert!(total == 10 * POINT && checkin == 0 && social == 10 * POINT, 3);
        assert!(points_of(BOB) == 5 * POINT, 4);
    }

    #[test]
    #[expected_failure(abort_code = 0x30002 /* ENotActive */, location = lumen::campaign)]
    fun granting_after_the_period_aborts() {
        setup(0);
        to_end();
        campaign::grant_social_task(&operator(), ALICE, 1, 5 * POINT);
    }

    #[test]
    #[expected_failure(abort_code = 0x80007 /* ETaskAlreadyGranted */, location = lumen::campaign)]
    fun granting_a_task_twice_aborts() {
        setup(0);
        campaign::grant_social_task(&operator(), ALICE, 1, 5 * POINT);
        campaign::grant_social_task(&operator(), ALICE, 1, 5 * POINT);
    }

    #[test]
    #[expected_failure(abort_code = 0x50001 /* ENotOperator */, location = lumen::campaign)]
    fun only_the_operator_grants_tasks() {
        setup(0);
        campaign::grant_social_task(&th::signer_of(ALICE), ALICE, 1, 5 * POINT);
    }

    #[test]
    #[expected_failure(abort_code = 0x50001 /* ENotOperator */, location = lumen::campaign)]
    fun no_operator_until_the_admin_sets_one() {
        th::setup();
        campaign::init_for_test(&th::lumen_signer());
        assert!(campaign::operator() == @0x0, 0);
        campaign::grant_social_task(&th::signer_of(ALICE), ALICE, 1, 5 * POINT);
    }

    #[test]
    #[expected_failure(abort_code = 0x10008 /* EZeroPoints */, location = lumen::campaign)]
    fun granting_zero_points_aborts() {
        setup(0);
        campaign::grant_social_task(&operator(), ALICE, 1, 0);
    }

    // Referrals ----------------------------------------------------------------

    #[test]
    fun referrer_earns_ten_percent_of_the_referees_points() {
        setup(0);
        // BOB referred by ALICE; CAROL referred by BOB.
        campaign::register_referral(&th::signer_of(BOB), ALICE);
        campaign::register_referral(&th::signer_of(CAROL), BOB);
        let (referrer, referees) = campaign::user_referral(&campaign::user_info(BOB));
        assert!(referrer == ALICE && referees == 1, 1);
        campaign::grant_social_task(&operator(), BOB, 1, 5 * POINT);
        assert!(event::was_event_emitted(&campaign::referral_points_earned_event(
            ALICE, BOB, 1, 5 * POINT, 500_000, 500_000)), 2);
        to_day(1, 0);
        check_in(CAROL); // day 1: 1 point, BOB earns 0.1
        check_in(BOB); // day 1: 1 point, ALICE earns 0.1
        let (total, checkin, social, referral) = campaign::user_points(&campaign::user_info(BOB));
        assert!(checkin == POINT && social == 5 * POINT && referral == 100_000, 3);
        assert!(total == 6 * POINT + 100_000, 4);
        // ALICE earns on BOB's own points only, not on BOB's referral points.
        let (total, _, _, referral) = campaign::user_points(&campaign::user_info(ALICE));
        assert!(total == 600_000 && referral == 600_000, 5);
        assert!(event::was_event_emitted(&campaign::referral_points_earned_event(
            BOB, CAROL, 0, POINT, 100_000, 5 * POINT + 100_000)), 6);
    }

    #[test]
    #[expected_failure(abort_code = 0x1000a /* ESelfReferral */, location = lumen::campaign)]
    fun self_referral_aborts() {
        setup(0);
        campaign::register_referral(&th::signer_of(ALICE), ALICE);
    }

    #[test]
    #[expected_failure(abort_code = 0x80009 /* EAlreadyReferred */, location = lumen::campaign)]
    fun a_second_referrer_aborts() {
        setup(0);
        campaign::register_referral(&th::signer_of(BOB), ALICE);
        campaign::register_referral(&th::signer_of(BOB), CAROL);
    }

    #[test]
    #[expected_failure(abort_code = 0x1000b /* ECircularReferral */, location = lumen::campaign)]
    fun mutual_referral_aborts() {
        setup(0);
        campaign::register_referral(&th::signer_of(BOB), ALICE);
        campaign::register_referral(&th::signer_of(ALICE), BOB);
    }

    #[test]
    #[expected_failure(abort_code = 0x1000b /* ECircularReferral */, location = lumen::campaign)]
    fun longer_referral_loop_aborts() {
        setup(0);
        campaign::register_referral(&th::signer_of(BOB), ALICE);
        campaign::register_referral(&th::signer_of(CAROL), BOB);
        campaign::register_referral(&th::signer_of(ALICE), CAROL);
    }

    #[test]
    #[expected_failure(abort_code = 0x30005 /* EPaused */, location = lumen::config)]
    fun referral_while_paused_aborts() {
        setup(0);
        config::set_paused(&th::lumen_signer(), true);
        campaign::register_referral(&th::signer_of(BOB), ALICE);
    }

    #[test]
    #[expected_failure(abort_code = 0x10016 /* EZeroAddress */, location = lumen::campaign)]
    fun zero_referrer_aborts() {
        setup(0);
        campaign::register_referral(&th::signer_of(BOB), @0x0);
    }

    // Leaderboard payout -------------------------------------------------------

    #[test]
    fun seed_tiers_are_paid_once_and_the_rest_is_swept() {
        setup(SEED_POOL);
        let winners = addresses(1, 100);
        let points = ranking_points(100);
        // Per-user amounts of the seed: 200, 100, 50, 14, 8.
        assert!(campaign::payout_of_rank(1) == 200 * UNIT && campaign::payout_of_rank(5) == 100 * UNIT, 1);
        assert!(campaign::payout_of_rank(15) == 50 * UNIT && campaign::payout_of_rank(16) == 14 * UNIT, 2);
        assert!(campaign::payout_of_rank(51) == 8 * UNIT && campaign::payout_of_rank(101) == 0, 3);
        // Tier totals 200 + 400 + 500 + 490 + 400: the seed's "$500" for #16-50 is 35 * 14 = 490.
        assert!(campaign::leaderboard_total(1) == 200 * UNIT, 4);
        assert!(campaign::leaderboard_total(5) == 600 * UNIT, 5);
        assert!(campaign::leaderboard_total(15) == 1_100 * UNIT, 6);
        assert!(campaign::leaderboard_total(50) == 1_590 * UNIT, 7);
        assert!(campaign::leaderboard_total(100) == 1_990 * UNIT, 8);
        to_end();
        campaign::pay_leaderboard(&operator(), winners, points);
        assert!(campaign::is_paid(), 9);
        assert!(th::balance(winners[0]) == 200 * UNIT, 10);
        assert!(th::balance(winners[4]) == 100 * UNIT && th::balance(winners[5]) == 50 * UNIT, 11);
        assert!(th::balance(winners[14]) == 50 * UNIT && th::balance(winners[15]) == 14 * UNIT, 12);
        assert!(th::balance(winners[49]) == 14 * UNIT && th::balance(winners[50]) == 8 * UNIT, 13);
        assert!(th::balance(winners[99]) == 8 * UNIT, 14);
        let tier_sum = vector[0, 0, 0, 0, 0];
        let i = 0;
        while (i < 100) {
            let tier = campaign::tier_of_rank(i + 1);
            tier_sum[tier] += th::balance(winners[i]);
            i += 1;
        };
        assert!(tier_sum == vector[200 * UNIT, 400 * UNIT, 500 * UNIT, 490 * UNIT, 400 * UNIT], 15);
        assert!(campaign::pool() == 10 * UNIT, 16);
        assert!(event::was_event_emitted(&campaign::leaderboard_paid_event(
            1, winners[0], 100 * POINT, 0, 200 * UNIT, 200 * UNIT, SEED_POOL - 200 * UNIT)), 17);
        assert!(event::was_event_emitted(&campaign::leaderboard_paid_event(
            50, winners[49], 51 * POINT, 3, 14 * UNIT, 1_590 * UNIT, SEED_POOL - 1_590 * UNIT)), 18);
        assert!(event::was_event_emitted(&campaign::leaderboard_paid_event(
            100, winners[99], POINT, 4, 8 * UNIT, 1_990 * UNIT, 10 * UNIT)), 19);
        campaign::sweep(&th::lumen_signer(), 10 * UNIT);
        assert!(th::balance(th::treasury()) == 10 * UNIT && campaign::pool() == 0, 20);
    }

    #[test]
    fun a_short_ranking_pays_only_its_ranks_and_ties_are_allowed() {
        setup(700 * UNIT);
        check_in(ALICE);
        let winners = vector[ALICE, BOB, CAROL, @0xd0d, @0xe0e, @0xf0f];
        // ALICE's on-chain point plus what the indexer counted elsewhere.
        let points = vector[9 * POINT, 9 * POINT, 4 * POINT, 3 * POINT, 3 * POINT, 0];
        to_end();
        config::set_paused(&th::lumen_signer(), true);
        campaign::pay_leaderboard(&operator(), winners, points);
        assert!(th::balance(ALICE) == 200 * UNIT && th::balance(@0xe0e) == 100 * UNIT, 1);
        assert!(th::balance(@0xf0f) == 50 * UNIT, 2);
        assert!(campaign::pool() == 700 * UNIT - 650 * UNIT, 3);
    }

    #[test]
    fun configured_tiers_are_paid() {
        setup(200);
        campaign::set_tier_amounts(&th::lumen_signer(), vector[40, 10, 2, 1, 0]);
        assert!(campaign::tier_amounts() == vector[40, 10, 2, 1, 0], 1);
        assert!(campaign::leaderboard_total(100) == 40 + 40 + 20 + 35, 2);
        to_end();
        let winners = addresses(2, 60);
        campaign::pay_leaderboard(&operator(), winners, ranking_points(60));
        assert!(th::balance(winners[0]) == 40 && th::balance(winners[59]) == 0, 3);
        assert!(campaign::pool() == 200 - 135, 4);
    }

    #[test]
    #[expected_failure(abort_code = 0x30005 /* EInsufficientPool */, location = lumen::campaign)]
    fun a_payout_above_the_pool_aborts() {
        setup(1_990 * UNIT - 1);
        to_end();
        campaign::pay_leaderboard(&operator(), addresses(3, 100), ranking_points(100));
    }

    #[test]
    #[expected_failure(abort_code = 0x80011 /* EAlreadyPaid */, location = lumen::campaign)]
    fun paying_twice_aborts() {
        setup(SEED_POOL * 2);
        to_end();
        campaign::pay_leaderboard(&operator(), vector[ALICE], vector[POINT]);
        campaign::pay_leaderboard(&operator(), vector[BOB], vector[POINT]);
    }

    #[test]
    #[expected_failure(abort_code = 0x30012 /* ENotEnded */, location = lumen::campaign)]
    fun paying_before_the_end_aborts() {
        setup(SEED_POOL);
        to_day(29, DAY - 1);
        campaign::pay_leaderboard(&operator(), vector[ALICE], vector[POINT]);
    }

    #[test]
    #[expected_failure(abort_code = 0x30012 /* ENotEnded */, location = lumen::campaign)]
    fun paying_without_a_period_aborts() {
        th::setup();
        campaign::init_for_test(&th::lumen_signer());
        campaign::set_operator(&th::lumen_signer(), OPERATOR);
        campaign::pay_leaderboard(&operator(), vector[ALICE], vector[POINT]);
    }

    #[test]
    #[expected_failure(abort_code = 0x50001 /* ENotOperator */, location = lumen::campaign)]
    fun only_the_operator_pays() {
        setup(SEED_POOL);
        to_end();
        campaign::pay_leaderboard(&th::lumen_signer(), vector[ALICE], vector[POINT]);
    }

    #[test]
    #[expected_failure(abort_code = 0x1000c /* ELengthMismatch */, location = lumen::campaign)]
    fun ranking_length_mismatch_aborts() {
        setup(SEED_POOL);
        to_end();
        campaign::pay_leaderboard(&operator(), vector[ALICE, BOB], vector[POINT]);
    }

    #[test]
    #[expected_failure(abort_code = 0x1000d /* EBadRankingSize */, location = lumen::campaign)]
    fun empty_ranking_aborts() {
        setup(SEED_POOL);
        to_end();
        campaign::pay_leaderboard(&operator(), vector[], vector[]);
    }

    #[test]
    #[expected_failure(abort_code = 0x1000d /* EBadRankingSize */, location = lumen::campaign)]
    fun ranking_of_101_aborts() {
        setup(SEED_POOL);
        to_end();
        campaign::pay_leaderboard(&operator(), addresses(4, 101), ranking_points(101));
    }

    #[test]
    #[expected_failure(abort_code = 0x1000e /* EDuplicateWinner */, location = lumen::campaign)]
    fun duplicate_winner_aborts() {
        setup(SEED_POOL);
        to_end();
        campaign::pay_leaderboard(&operator(), vector[ALICE, BOB, ALICE], vector[3, 2, 1]);
    }

    #[test]
    #[expected_failure(abort_code = 0x1000f /* ERankingNotOrdered */, location = lumen::campaign)]
    fun unordered_ranking_aborts() {
        setup(SEED_POOL);
        to_end();
        campaign::pay_leaderboard(&operator(), vector[ALICE, BOB, CAROL], vector[3, 1, 2]);
    }

    #[test]
    #[expected_failure(abort_code = 0x10010 /* EPointsBelowRecorded */, location = lumen::campaign)]
    fun points_below_the_chain_record_abort() {
        setup(SEED_POOL);
        campaign::grant_social_task(&operator(), BOB, 1, 5 * POINT);
        to_end();
        campaign::pay_leaderboard(&operator(), vector[ALICE, BOB], vector[5 * POINT, 5 * POINT - 1]);
    }

    // Admin --------------------------------------------------------------------

    #[test]
    fun admin_settings_are_stored() {
        setup(0);
        let admin = th::lumen_signer();
        campaign::set_operator(&admin, @0x0be2);
        campaign::set_period(&admin, 10, 20);
        campaign::set_credit_value(&admin, 100_000);
        assert!(campaign::operator() == @0x0be2, 1);
        let (start, end) = campaign::period();
        assert!(start == 10 && end == 20, 2);
        assert!(campaign::credit_value() == 100_000, 3);
        assert!(campaign::tier_amounts() == vector[200 * UNIT, 100 * UNIT, 50 * UNIT, 14 * UNIT, 8 * UNIT], 4);
        assert!(!campaign::is_paid(), 5);
    }

    #[test]
    #[expected_failure(abort_code = 0x50001 /* ENotAdmin */, location = lumen::config)]
    fun only_the_admin_sets_the_operator() {
        setup(0);
        campaign::set_operator(&th::signer_of(ALICE), ALICE);
    }

    #[test]
    #[expected_failure(abort_code = 0x10016 /* EZeroAddress */, location = lumen::campaign)]
    fun zero_operator_aborts() {
        setup(0);
        campaign::set_operator(&th::lumen_signer(), @0x0);
    }

    #[test]
    #[expected_failure(abort_code = 0x10013 /* EBadPeriod */, location = lumen::campaign)]
    fun empty_period_aborts() {
        setup(0);
        campaign::set_period(&th::lumen_signer(), 20, 20);
    }

    #[test]
    #[expected_failure(abort_code = 0x10006 /* EZeroAmount */, location = lumen::campaign)]
    fun zero_credit_value_aborts() {
        setup(0);
        campaign::set_credit_value(&th::lumen_signer(), 0);
    }

    #[test]
    #[expected_failure(abort_code = 0x10014 /* EBadTiers */, location = lumen::campaign)]
    fun four_tiers_abort() {
        setup(0);
        campaign::set_tier_amounts(&th::lumen_signer(), vector[4, 3, 2, 1]);
    }

    #[test]
    #[expected_failure(abort_code = 0x10014 /* EBadTiers */, location = lumen::campaign)]
    fun increasing_tiers_abort() {
        setup(0);
        campaign::set_tier_amounts(&th::lumen_signer(), vector[5, 4, 3, 1, 2]);
    }

    #[test]
    #[expected_failure(abort_code = 0x30015 /* ENotPaid */, location = lumen::campaign)]
    fun sweeping_before_the_payout_aborts() {
        setup(SEED_POOL);
        campaign::sweep(&th::lumen_signer(), 1);
    }

    #[test]
    #[expected_failure(abort_code = 0x10006 /* EZeroAmount */, location = lumen::campaign)]
    fun sweeping_zero_aborts() {
        setup(SEED_POOL);
        to_end();
        campaign::pay_leaderboard(&operator(), vector[ALICE], vector[POINT]);
        campaign::sweep(&th::lumen_signer(), 0);
    }

    #[test]
    #[expected_failure(abort_code = 0x30005 /* EInsufficientPool */, location = lumen::campaign)]
    fun sweeping_more_than_the_pool_aborts() {
        setup(SEED_POOL);
        to_end();
        campaign::pay_leaderboard(&operator(), vector[ALICE], vector[POINT]);
        campaign::sweep(&th::lumen_signer(), SEED_POOL - 200 * UNIT + 1);
    }

    // Formulas -----------------------------------------------------------------

    #[test]
    fun formulas() {
        let (points, credits) = campaign::day_reward(1);
        assert!(points == POINT && credits == 0, 1);
        let (points, credits) = campaign::day_reward(4);
        assert!(points == 0 && credits == 1, 2);
        let (points, credits) = campaign::day_reward(30);
        assert!(points == 10 * POINT && credits == 0, 3);
        let (points, credits) = campaign::day_reward(31);
        assert!(points == 0 && credits == 0, 4);
        assert!(campaign::cycle_day_of(0) == 0 && campaign::cycle_day_of(30) == 30 && campaign::cycle_day_of(31) == 1, 5);
        assert!(campaign::next_streak(false, 0, 0, 5) == 1, 6);
        assert!(campaign::next_streak(true, 4, 7, 5) == 8, 7);
        assert!(campaign::next_streak(true, 3, 7, 5) == 1, 8);
        assert!(campaign::referral_share(9) == 0 && campaign::referral_share(3_279_300) == 327_930, 9);
        assert!(campaign::tier_of_rank(0) == 5 && campaign::tier_of_rank(1) == 0, 10);
        assert!(campaign::tier_of_rank(2) == 1 && campaign::tier_of_rank(6) == 2, 11);
        assert!(campaign::tier_of_rank(16) == 3 && campaign::tier_of_rank(100) == 4, 12);
        assert!(campaign::tier_of_rank(101) == 5, 13);
        assert!(campaign::payout_total(vector[5, 4, 3, 2, 1], 1_000) == 5 + 16 + 30 + 70 + 50, 14);
    }
}
