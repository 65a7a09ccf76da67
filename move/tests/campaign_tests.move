#[test_only]
/// Campaign: the 30-day check-in table and its restart rule, one check-in per
/// UTC day, credits as a balance jobs spend, render and online points,
/// operator-granted social tasks, referrals (to earlier participants only, 10 %
/// share), the leaderboard kept on chain and its payout with the seed's tiers,
/// sweeps that never take what the ranking may be owed, terms fixed once the
/// period started, pause behaviour and every abort code.
module lumen::campaign_tests {
    use std::bcs;
    use std::signer;
    use aptos_framework::account;
    use aptos_framework::event;
    use aptos_framework::object;
    use lumen::campaign;
    use lumen::config;
    use lumen::escrow;
    use lumen::escrow_test_helpers as h;
    use lumen::rewards;
    use lumen::test_helpers as th;

    const DAY: u64 = 86_400;
    const GRACE: u64 = 3_600;
    const POINT: u64 = 1_000_000;
    const CREDIT: u64 = 1_000_000;
    const UNIT: u64 = 1_000_000;
    const OPERATOR: address = @0x0bea;
    const FUNDER: address = @0xf00d;
    const ALICE: address = @0xa11ce;
    const BOB: address = @0xb0b;
    const CAROL: address = @0xca401;
    /// The seed's reward pool: $2 000 at 6 decimals.
    const SEED_POOL: u64 = 2_000_000_000;

    /// The standard world plus the campaign: operator set, the period
    /// `[start, end)` and `pool` funded.
    fun setup_period(pool: u64, start: u64, end: u64) {
        th::setup();
        campaign::init_for_test(&th::lumen_signer());
        let admin = th::lumen_signer();
        campaign::set_operator(&admin, OPERATOR);
        campaign::set_period(&admin, start, end);
        if (pool > 0) { fund(pool) };
    }

    /// A 30-day period starting now (a UTC midnight), `pool` funded.
    fun setup(pool: u64) {
        setup_period(pool, th::start_time(), th::start_time() + 30 * DAY);
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

    /// Grants each of `users` a social task worth `count - i` points (rank `i + 1`).
    fun ranked(users: &vector<address>) {
        let count = users.length();
        let i = 0;
        while (i < count) {
            campaign::grant_social_task(&operator(), users[i], 1, (count - i) * POINT);
            i += 1;
        };
    }

    /// Moves the clock to when the leaderboard can be paid.
    fun to_payout() { to_day(30, GRACE) }

    fun pay() { campaign::pay_leaderboard(&th::signer_of(@0x9a7)) }

    // Check-ins ----------------------------------------------------------------

    #[test]
    fun thirty_day_table_then_the_cycle_restarts() {
        setup_period(0, th::start_time(), th::start_time() + 60 * DAY);
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
        let (earned, spent) = campaign::user_credits(&info);
        assert!(earned == 7 * CREDIT && spent == 0 && campaign::credit_balance(ALICE) == 7 * CREDIT, 2);
        let today = th::start_time() / DAY + 29;
        assert!(event::was_event_emitted(&campaign::checked_in_event(
            ALICE, today, 30, 30, 10 * POINT, 0, 124 * POINT, 7 * CREDIT)), 3);
        assert!(event::was_event_emitted(&campaign::checked_in_event(
            ALICE, today - 2, 28, 28, 0, CREDIT, 105 * POINT, 7 * CREDIT)), 4);
        // Credits never leave as money.
        assert!(th::balance(ALICE) == 0, 9);
        // Day 31 of an unbroken streak is day 1 of the table again.
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
        to_day(30, 0);
        check_in(ALICE);
    }

    #[test]
    #[expected_failure(abort_code = 0x30002 /* ENotActive */, location = lumen::campaign)]
    fun check_in_before_the_period_aborts() {
        setup_period(0, th::start_time() + DAY, th::start_time() + 2 * DAY);
        check_in(ALICE);
    }

    #[test]
    #[expected_failure(abort_code = 0x30005 /* EPaused */, location = lumen::config)]
    fun check_in_while_paused_aborts() {
        setup(0);
        config::set_paused(&th::lumen_signer(), true);
        check_in(ALICE);
    }

    // Credits and protocol points ------------------------------------------------

    /// ALICE checks in on days 0 to 3: one credit on day 4 of the table.
    fun one_credit() {
        let day = 0;
        while (day < 4) {
            if (day > 0) { to_day(day, 0) };
            check_in(ALICE);
            day += 1;
        };
    }

    #[test]
    fun jobs_spend_a_tenth_of_a_credit_each() {
        setup(0);
        one_credit();
        assert!(campaign::credit_balance(ALICE) == CREDIT, 1);
        let jobs = addresses(7, 11);
        let i = 0;
        while (i < 11) {
            campaign::spend_job_credit_for_test(ALICE, jobs[i]);
            i += 1;
        };
        // Ten jobs spent the credit; the eleventh found nothing left.
        assert!(campaign::credit_balance(ALICE) == 0, 2);
        assert!(campaign::is_credited_job(jobs[9]) && !campaign::is_credited_job(jobs[10]), 3);
        assert!(event::was_event_emitted(&campaign::credit_spent_event(ALICE, jobs[0], CREDIT / 10, 900_000)), 4);
        assert!(event::emitted_events<campaign::CreditSpent>().length() == 10, 5);
        let (earned, spent) = campaign::user_credits(&campaign::user_info(ALICE));
        assert!(earned == CREDIT && spent == CREDIT, 6);
        // A stranger without credits spends nothing.
        campaign::spend_job_credit_for_test(BOB, @0xb1);
        assert!(!campaign::is_credited_job(@0xb1), 7);
    }

    #[test]
    fun no_credit_is_spent_outside_the_period() {
        setup(0);
        one_credit();
        to_day(30, 0);
        campaign::spend_job_credit_for_test(ALICE, @0x10b);
        assert!(!campaign::is_credited_job(@0x10b) && campaign::credit_balance(ALICE) == CREDIT, 1);
    }

    #[test]
    fun credited_jobs_earn_render_points_for_both_parties() {
        setup(0);
        one_credit();
        campaign::register_referral(&th::signer_of(BOB), ALICE);
        campaign::spend_job_credit_for_test(ALICE, @0x10b);
        // 2.5 units at one unit per credit: 2.5 * 2.2 = 5.5 points each.
        campaign::record_render_points_for_test(@0x10b, ALICE, BOB, 2_500_000);
        let (render, online) = campaign::user_protocol_points(&campaign::user_info(BOB));
        assert!(render == 5_500_000 && online == 0, 1);
        let (alice_render, _) = campaign::user_protocol_points(&campaign::user_info(ALICE));
        assert!(alice_render == 5_500_000, 2);
        // ALICE: 1 + 2 + 3 check-in points, 5.5 render points, 0.55 as BOB's referrer.
        assert!(points_of(ALICE) == 6 * POINT + 5_500_000 + 550_000, 3);
        // A job that spent no credit earns nothing.
        campaign::record_render_points_for_test(@0x20b, ALICE, BOB, 2_500_000);
        assert!(points_of(BOB) == 5_500_000, 4);
        // After the period nothing either.
        to_day(30, 0);
        campaign::record_render_points_for_test(@0x10b, ALICE, BOB, 2_500_000);
        assert!(points_of(BOB) == 5_500_000, 5);
    }

    #[test]
    /// Through `escrow`: a job spends 0.1 credit of its creator when created,
    /// and once paid earns render points for its creator and its worker; the
    /// creator's next job, without a credit left, earns nothing.
    fun escrow_jobs_spend_credits_and_earn_render_points() {
        h::setup();
        let admin = th::lumen_signer();
        campaign::set_operator(&admin, OPERATOR);
        campaign::set_period(&admin, th::start_time(), th::start_time() + 30 * DAY);
        let (creator, creator_sk, creator_pk) = h::new_creator(100 * UNIT);
        let c = signer::address_of(&creator);
        let day = 0;
        while (day < 4) {
            to_day(day, 60);
            campaign::check_in(&creator);
            day += 1;
        };
        assert!(campaign::credit_balance(c) == CREDIT, 1);
        let (worker, _, _) = h::worker();
        let w = signer::address_of(&worker);
        let job = h::create_job(&creator, 1, 2 * UNIT);
        let job_addr = object::object_address(&job);
        assert!(campaign::is_credited_job(job_addr), 2);
        assert!(campaign::credit_balance(c) == CREDIT - CREDIT / 10, 3);
        assert!(event::was_event_emitted(&campaign::credit_spent_event(c, job_addr, CREDIT / 10, 900_000)), 4);
        h::accept(&worker, &creator_sk, creator_pk, job, 2 * UNIT, th::now() + h::render_time(), 1);
        escrow::submit_result(&worker, job, 1, b"root");
        escrow::confirm(&creator, job, 1);
        // 2 units at one unit per credit: 2 * 2.2 = 4.4 points each.
        let (worker_render, _) = campaign::user_protocol_points(&campaign::user_info(w));
        let (creator_render, _) = campaign::user_protocol_points(&campaign::user_info(c));
        assert!(worker_render == 4_400_000 && creator_render == 4_400_000, 5);
        // Nine more jobs use up the credit; the eleventh is not credited.
        let i = 0;
        while (i < 9) {
            h::create_job(&creator, 1, UNIT);
            i += 1;
        };
        assert!(campaign::credit_balance(c) == 0, 6);
        let last = h::create_job(&creator, 1, UNIT);
        assert!(!campaign::is_credited_job(object::object_address(&last)), 7);
    }

    #[test]
    fun eligible_workers_earn_online_points_inside_the_period() {
        h::setup();
        let admin = th::lumen_signer();
        campaign::set_operator(&admin, OPERATOR);
        campaign::set_period(&admin, th::start_time(), th::start_time() + 2 * DAY);
        let (worker, _, _) = h::worker();
        let w = signer::address_of(&worker);
        let epoch = rewards::current_epoch();
        th::set_time((epoch + 1) * DAY);
        rewards::report_uptime(&th::attester_signer(), epoch, vector[w], vector[6 * 3_600]);
        // 6 h at 2.43: 6 * 2.43 / 24 = 0.6075 points.
        assert!(points_of(w) == 607_500, 1);
        let (_, online) = campaign::user_protocol_points(&campaign::user_info(w));
        assert!(online == 607_500, 2);
        assert!(campaign::rank_of(w) == 1, 3);
        // The next epoch ends with the period: still inside. The one after is not.
        th::set_time((epoch + 2) * DAY);
        rewards::report_uptime(&th::attester_signer(), epoch + 1, vector[w], vector[6 * 3_600]);
        assert!(points_of(w) == 2 * 607_500, 4);
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
        to_day(30, 0);
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
        // ALICE joins first; BOB registers ALICE; CAROL registers BOB.
        check_in(ALICE);
        campaign::register_referral(&th::signer_of(BOB), ALICE);
        campaign::register_referral(&th::signer_of(CAROL), BOB);
        let (referrer, referees) = campaign::user_referral(&campaign::user_info(BOB));
        assert!(referrer == ALICE && referees == 1, 1);
        campaign::grant_social_task(&operator(), BOB, 1, 5 * POINT);
        assert!(event::was_event_emitted(&campaign::referral_points_earned_event(
            ALICE, BOB, 1, 5 * POINT, 500_000, POINT + 500_000)), 2);
        to_day(1, 0);
        check_in(CAROL); // 1 point, BOB earns 0.1
        check_in(BOB); // 1 point, ALICE earns 0.1
        let (total, checkin, social, referral) = campaign::user_points(&campaign::user_info(BOB));
        assert!(checkin == POINT && social == 5 * POINT && referral == 100_000, 3);
        assert!(total == 6 * POINT + 100_000, 4);
        // ALICE earns on BOB's own points only, not on BOB's referral points.
        let (total, _, _, referral) = campaign::user_points(&campaign::user_info(ALICE));
        assert!(total == POINT + 600_000 && referral == 600_000, 5);
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
        check_in(ALICE);
        check_in(CAROL);
        campaign::register_referral(&th::signer_of(BOB), ALICE);
        campaign::register_referral(&th::signer_of(BOB), CAROL);
    }

    #[test]
    #[expected_failure(abort_code = 0x1000b /* ECircularReferral */, location = lumen::campaign)]
    fun mutual_referral_aborts() {
        setup(0);
        check_in(ALICE);
        campaign::register_referral(&th::signer_of(BOB), ALICE);
        campaign::register_referral(&th::signer_of(ALICE), BOB);
    }

    #[test]
    #[expected_failure(abort_code = 0x1000b /* ECircularReferral */, location = lumen::campaign)]
    fun longer_referral_loop_aborts() {
        setup(0);
        check_in(ALICE);
        campaign::register_referral(&th::signer_of(BOB), ALICE);
        campaign::register_referral(&th::signer_of(CAROL), BOB);
        campaign::register_referral(&th::signer_of(ALICE), CAROL);
    }

    #[test]
    #[expected_failure(abort_code = 0x1000b /* ECircularReferral */, location = lumen::campaign)]
    fun a_referrer_who_never_joined_aborts() {
        setup(0);
        campaign::grant_social_task(&operator(), ALICE, 1, 5 * POINT);
        campaign::register_referral(&th::signer_of(BOB), ALICE);
    }

    #[test]
    #[expected_failure(abort_code = 0x30005 /* EPaused */, location = lumen::config)]
    fun referral_while_paused_aborts() {
        setup(0);
        check_in(ALICE);
        config::set_paused(&th::lumen_signer(), true);
        campaign::register_referral(&th::signer_of(BOB), ALICE);
    }

    #[test]
    #[expected_failure(abort_code = 0x10016 /* EZeroAddress */, location = lumen::campaign)]
    fun zero_referrer_aborts() {
        setup(0);
        campaign::register_referral(&th::signer_of(BOB), @0x0);
    }

    // Leaderboard ----------------------------------------------------------------

    #[test]
    fun the_leaderboard_stays_sorted_as_points_change() {
        setup(0);
        campaign::grant_social_task(&operator(), ALICE, 1, 5 * POINT);
        campaign::grant_social_task(&operator(), BOB, 1, 7 * POINT);
        campaign::grant_social_task(&operator(), CAROL, 1, 5 * POINT);
        assert!(campaign::leaders() == vector[BOB, ALICE, CAROL], 1);
        // CAROL passes ALICE; a tie keeps who got there first ahead.
        campaign::grant_social_task(&operator(), CAROL, 2, 2 * POINT);
        assert!(campaign::leaders() == vector[BOB, CAROL, ALICE], 2);
        campaign::grant_social_task(&operator(), ALICE, 2, 2 * POINT);
        assert!(campaign::leaders() == vector[BOB, CAROL, ALICE], 3);
        assert!(campaign::rank_of(ALICE) == 3 && campaign::rank_of(@0x404) == 0, 4);
    }

    #[test]
    fun only_the_hundred_best_stay_on_the_board() {
        setup(0);
        let users = addresses(5, 100);
        ranked(&users);
        assert!(campaign::leaders() == users, 1);
        // One point is not enough to enter (ties keep the incumbent); two are,
        // behind the one who had two points first.
        campaign::grant_social_task(&operator(), ALICE, 1, POINT);
        assert!(campaign::rank_of(ALICE) == 0, 2);
        campaign::grant_social_task(&operator(), ALICE, 2, POINT);
        assert!(campaign::rank_of(ALICE) == 100 && campaign::rank_of(users[99]) == 0, 3);
        assert!(campaign::leaders().length() == 100, 4);
    }

    #[test]
    fun seed_tiers_are_paid_once_and_the_rest_is_swept() {
        setup(SEED_POOL);
        let winners = addresses(1, 100);
        ranked(&winners);
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
        to_payout();
        pay();
        assert!(campaign::is_paid(), 9);
        assert!(th::balance(winners[0]) == 200 * UNIT, 10);
        assert!(th::balance(winners[4]) == 100 * UNIT && th::balance(winners[5]) == 50 * UNIT, 11);
        assert!(th::balance(winners[14]) == 50 * UNIT && th::balance(winners[15]) == 14 * UNIT, 12);
        assert!(th::balance(winners[49]) == 14 * UNIT && th::balance(winners[50]) == 8 * UNIT, 13);
        assert!(th::balance(winners[99]) == 8 * UNIT, 14);
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
    fun a_short_board_pays_only_its_ranks_also_while_paused() {
        setup(700 * UNIT);
        let users = vector[ALICE, BOB, CAROL, @0xd0d, @0xe0e, @0xf0f];
        ranked(&users);
        to_payout();
        config::set_paused(&th::lumen_signer(), true);
        pay();
        assert!(th::balance(ALICE) == 200 * UNIT && th::balance(@0xe0e) == 100 * UNIT, 1);
        assert!(th::balance(@0xf0f) == 50 * UNIT, 2);
        assert!(campaign::pool() == 700 * UNIT - 650 * UNIT, 3);
    }

    #[test]
    fun points_stop_changing_once_paid() {
        setup(SEED_POOL);
        check_in(ALICE);
        to_payout();
        pay();
        campaign::record_render_points_for_test(@0x10b, ALICE, BOB, UNIT);
        assert!(points_of(ALICE) == POINT, 1);
    }

    #[test]
    fun configured_tiers_are_paid() {
        setup_period(200, th::start_time() + DAY, th::start_time() + 30 * DAY);
        campaign::set_tier_amounts(&th::lumen_signer(), vector[40, 10, 2, 1, 0]);
        assert!(campaign::tier_amounts() == vector[40, 10, 2, 1, 0], 1);
        assert!(campaign::leaderboard_total(100) == 40 + 40 + 20 + 35, 2);
        to_day(1, 0);
        let winners = addresses(2, 60);
        ranked(&winners);
        to_payout();
        pay();
        assert!(th::balance(winners[0]) == 40 && th::balance(winners[59]) == 0, 3);
        assert!(campaign::pool() == 200 - 135, 4);
    }

    #[test]
    #[expected_failure(abort_code = 0x30005 /* EInsufficientPool */, location = lumen::campaign)]
    fun a_payout_above_the_pool_aborts() {
        setup(200 * UNIT - 1);
        campaign::grant_social_task(&operator(), ALICE, 1, POINT);
        to_payout();
        pay();
    }

    #[test]
    #[expected_failure(abort_code = 0x80011 /* EAlreadyPaid */, location = lumen::campaign)]
    fun paying_twice_aborts() {
        setup(SEED_POOL);
        to_payout();
        pay();
        pay();
    }

    #[test]
    #[expected_failure(abort_code = 0x30012 /* ENotEnded */, location = lumen::campaign)]
    fun paying_within_the_grace_after_the_end_aborts() {
        setup(SEED_POOL);
        to_day(30, GRACE - 1);
        pay();
    }

    #[test]
    #[expected_failure(abort_code = 0x30012 /* ENotEnded */, location = lumen::campaign)]
    fun paying_without_a_period_aborts() {
        th::setup();
        campaign::init_for_test(&th::lumen_signer());
        pay();
    }

    #[test]
    fun sweeps_keep_what_the_board_may_be_owed() {
        setup(SEED_POOL);
        // Before the payout only what exceeds a full board's payout can go.
        campaign::sweep(&th::lumen_signer(), 10 * UNIT);
        assert!(campaign::pool() == 1_990 * UNIT, 1);
        check_in(ALICE);
        to_payout();
        pay();
        campaign::sweep(&th::lumen_signer(), 1_790 * UNIT);
        assert!(campaign::pool() == 0 && th::balance(th::treasury()) == 1_800 * UNIT, 2);
    }

    #[test]
    #[expected_failure(abort_code = 0x30005 /* EInsufficientPool */, location = lumen::campaign)]
    fun sweeping_into_the_reserve_aborts() {
        setup(SEED_POOL);
        campaign::sweep(&th::lumen_signer(), 10 * UNIT + 1);
    }

    #[test]
    #[expected_failure(abort_code = 0x10006 /* EZeroAmount */, location = lumen::campaign)]
    fun sweeping_zero_aborts() {
        setup(SEED_POOL);
        campaign::sweep(&th::lumen_signer(), 0);
    }

    #[test]
    #[expected_failure(abort_code = 0x30005 /* EInsufficientPool */, location = lumen::campaign)]
    fun sweeping_more_than_the_pool_aborts() {
        setup(SEED_POOL);
        to_payout();
        pay();
        campaign::sweep(&th::lumen_signer(), SEED_POOL + 1);
    }

    // Admin --------------------------------------------------------------------

    #[test]
    fun admin_settings_are_stored() {
        th::setup();
        campaign::init_for_test(&th::lumen_signer());
        // Defaults follow the payment asset's decimals (6 here).
        assert!(campaign::credit_value() == UNIT, 6);
        assert!(campaign::tier_amounts() == vector[200 * UNIT, 100 * UNIT, 50 * UNIT, 14 * UNIT, 8 * UNIT], 4);
        let admin = th::lumen_signer();
        campaign::set_operator(&admin, @0x0be2);
        let start = th::start_time() + 10;
        campaign::set_period(&admin, start, start + 10);
        campaign::set_credit_value(&admin, 100_000);
        assert!(campaign::operator() == @0x0be2, 1);
        let (period_start, period_end) = campaign::period();
        assert!(period_start == start && period_end == start + 10, 2);
        assert!(campaign::credit_value() == 100_000, 3);
        assert!(!campaign::is_paid(), 5);
        // The operator can change after the start; nothing else can.
        th::set_time(start);
        campaign::set_operator(&admin, OPERATOR);
    }

    #[test]
    #[expected_failure(abort_code = 0x30017 /* EAlreadyStarted */, location = lumen::campaign)]
    fun the_period_is_fixed_once_started() {
        setup(0);
        campaign::set_period(&th::lumen_signer(), th::start_time(), th::start_time() + 60 * DAY);
    }

    #[test]
    #[expected_failure(abort_code = 0x30017 /* EAlreadyStarted */, location = lumen::campaign)]
    fun the_credit_value_is_fixed_once_started() {
        setup(0);
        campaign::set_credit_value(&th::lumen_signer(), 2);
    }

    #[test]
    #[expected_failure(abort_code = 0x30017 /* EAlreadyStarted */, location = lumen::campaign)]
    fun the_tiers_are_fixed_once_started() {
        setup(0);
        campaign::set_tier_amounts(&th::lumen_signer(), vector[5, 4, 3, 2, 1]);
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
        th::setup();
        campaign::init_for_test(&th::lumen_signer());
        campaign::set_period(&th::lumen_signer(), 20, 20);
    }

    #[test]
    #[expected_failure(abort_code = 0x10006 /* EZeroAmount */, location = lumen::campaign)]
    fun zero_credit_value_aborts() {
        th::setup();
        campaign::init_for_test(&th::lumen_signer());
        campaign::set_credit_value(&th::lumen_signer(), 0);
    }

    #[test]
    #[expected_failure(abort_code = 0x10014 /* EBadTiers */, location = lumen::campaign)]
    fun four_tiers_abort() {
        th::setup();
        campaign::init_for_test(&th::lumen_signer());
        campaign::set_tier_amounts(&th::lumen_signer(), vector[4, 3, 2, 1]);
    }

    #[test]
    #[expected_failure(abort_code = 0x10014 /* EBadTiers */, location = lumen::campaign)]
    fun increasing_tiers_abort() {
        th::setup();
        campaign::init_for_test(&th::lumen_signer());
        campaign::set_tier_amounts(&th::lumen_signer(), vector[5, 4, 3, 1, 2]);
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
        assert!(campaign::render_points(1_000_000, 1_000_000) == 2_200_000, 15);
        assert!(campaign::render_points(1, 0) == 0, 16);
        assert!(campaign::render_points(18_446_744_073_709_551_615, 1) == 18_446_744_073_709_551_615, 17);
        assert!(campaign::online_points(21_600, 12_117_200) == 3_029_300, 18);
    }
}
