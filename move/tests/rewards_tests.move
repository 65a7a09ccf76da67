#[test_only]
/// Rewards: uptime votes (cap, k of n at the k-th largest vote, one vote per
/// attester, stake eligibility, score at the epoch's end), lease records from escrow, pool split
/// and rollover, epochs closed in order, funding bounds, lazy claims that never
/// pay more than the pool, pause behaviour and every abort code.
module lumen::rewards_tests {
    use std::signer;
    use aptos_framework::event;
    use aptos_framework::object;
    use lumen::config;
    use lumen::staking;
    use lumen::escrow;
    use lumen::escrow_test_helpers as h;
    use lumen::rewards;
    use lumen::test_helpers as th;

    const DAY: u64 = 86_400;
    const GRACE: u64 = 3_600;
    const SCORE_A: u64 = 2_430_000;
    const SCORE_B: u64 = 10_690_000;

    /// An eligible worker (valid score, price, minimum stake) with `score`.
    fun scored_worker(score: u64): signer {
        let (worker, _, _) = th::eligible_worker(score, 8192, 2_000_000);
        worker
    }

    /// `attester2()` and `attester3()` authorised and the threshold at `threshold`.
    fun attesters(threshold: u64) {
        let admin = th::lumen_signer();
        config::add_attester(&admin, th::attester2());
        config::add_attester(&admin, th::attester3());
        th::set_param(b"attester_threshold", threshold);
    }

    fun report_by(attester: address, epoch: u64, worker: address, secs: u64) {
        rewards::report_uptime(&th::signer_of(attester), epoch, vector[worker], vector[secs]);
    }

    fun funder(amount: u64): signer {
        let (account, _, _) = h::new_creator(amount);
        account
    }

    /// Moves the clock to the first second `close_epoch(epoch)` is allowed.
    fun to_close_time(epoch: u64) {
        th::set_time((epoch + 1) * DAY + GRACE);
    }

    // Happy paths ---------------------------------------------------------------

    #[test]
    /// Three quarters of a paid job's fee fund the epoch it is paid in, with no
    /// `fund_epoch`; the worker who did the work claims the whole pool.
    fun job_fees_fund_the_current_epoch() {
        h::setup();
        let (creator, worker, job, _) = h::assigned_job(10, 1_000_000, 600_000);
        let w = signer::address_of(&worker);
        let epoch = rewards::current_epoch();
        th::advance(3_600);
        escrow::submit_result(&worker, job, 10, b"root");
        escrow::confirm(&creator, job, 10);
        // gross 6.0, fee 1.2: 0.9 into the pool, 0.3 to the treasury.
        let (_, funded, _, pool, _, _, _, _, _) = rewards::epoch_amounts(&rewards::epoch_info(epoch));
        assert!(funded == 900_000 && pool == 900_000, 1);
        assert!(th::balance(th::treasury()) == 300_000, 2);
        let funded_event = rewards::epoch_funded_event(epoch, object::object_address(&job), 900_000, 900_000);
        assert!(event::was_event_emitted(&funded_event), 3);
        to_close_time(epoch);
        rewards::close_epoch(&th::signer_of(@0xc105e), epoch);
        // Nobody reported uptime: the PoC half rolls over, the PoD half is the worker's.
        assert!(rewards::pending_reward(w, epoch) == 450_000, 4);
    }

    #[test]
    fun poc_pool_split_by_score_times_uptime() {
        h::setup();
        let a = scored_worker(SCORE_A);
        let b = scored_worker(SCORE_B);
        let a_addr = signer::address_of(&a);
        let b_addr = signer::address_of(&b);
        let epoch = rewards::current_epoch();
        rewards::fund_epoch(&funder(1_000_000), epoch, 1_000_000);
        th::set_time((epoch + 1) * DAY);
        // b's 100 000 s are capped at the epoch length.
        rewards::report_uptime(&th::attester_signer(), epoch, vector[a_addr, b_addr], vector[DAY, 100_000]);
        assert!(rewards::online_secs_of(a_addr, epoch) == DAY, 1);
        assert!(rewards::online_secs_of(b_addr, epoch) == DAY, 2);
        assert!(rewards::pending_reward(a_addr, epoch) == 0, 3);

        to_close_time(epoch);
        rewards::close_epoch(&th::signer_of(@0xc105e), epoch);
        let info = rewards::epoch_info(epoch);
        let (_, funded, carried_in, pool, poc_pool, pod_pool, rolled_over, _, closed) = rewards::epoch_amounts(&info);
        assert!(funded == 1_000_000 && carried_in == 0 && pool == 1_000_000 && closed, 4);
        // Nobody leased in this epoch: the PoD half rolls over.
        assert!(poc_pool == 500_000 && pod_pool == 0 && rolled_over == 500_000, 5);
        let (poc_weight, pod_weight) = rewards::epoch_weights(&info);
        assert!(poc_weight == ((SCORE_A + SCORE_B) as u128) * (DAY as u128) && pod_weight == 0, 6);
        let closed_event = rewards::epoch_closed_event(epoch, 1_000_000, 500_000, 0, poc_weight, 0, 500_000);
        assert!(event::was_event_emitted(&closed_event), 14);

        // floor(500 000 * 2.43 / 13.12) and floor(500 000 * 10.69 / 13.12).
        assert!(rewards::pending_reward(a_addr, epoch) == 92_606, 7);
        assert!(rewards::pending_reward(b_addr, epoch) == 407_393, 8);
        rewards::claim(&a, epoch);
        rewards::claim(&b, epoch);
        assert!(th::balance(a_addr) == 92_606, 9);
        assert!(event::was_event_emitted(&rewards::reward_claimed_event(epoch, a_addr, 92_606, 0, 92_606)), 15);
        assert!(th::balance(b_addr) == 407_393, 10);
        assert!(rewards::pending_reward(a_addr, epoch) == 0, 11);
        let info = rewards::epoch_info(epoch);
        let (_, _, _, _, _, _, _, claimed, _) = rewards::epoch_amounts(&info);
        assert!(claimed == 499_999 && claimed <= poc_pool, 12);
        // Unclaimed dust and the rollover stay in the rewards object.
        assert!(th::balance(rewards::rewards_address()) == 1_000_000 - 499_999, 13);
    }

    #[test]
    fun lease_from_escrow_and_rollover_feed_the_next_epoch() {
        h::setup();
        let first = rewards::current_epoch();
        rewards::fund_epoch(&funder(1_000_000), first, 1_000_000);
        to_close_time(first);
        rewards::close_epoch(&th::signer_of(@0xc105e), first);
        let info = rewards::epoch_info(first);
        let (_, _, _, _, poc_pool, pod_pool, rolled_over, _, _) = rewards::epoch_amounts(&info);
        assert!(poc_pool == 0 && pod_pool == 0 && rolled_over == 1_000_000, 1);

        // Next epoch: a job completes (PoD) and the worker is online (PoC).
        let second = rewards::current_epoch();
        assert!(second == first + 1, 2);
        let (creator, worker, job, _) = h::assigned_job(10, 1_000_000, 600_000);
        let worker_addr = signer::address_of(&worker);
        th::advance(3_600);
        escrow::submit_result(&worker, job, 10, b"root");
        escrow::confirm(&creator, job, 10);
        rewards::fund_epoch(&funder(2_000_000), second, 2_000_000);
        th::set_time((second + 1) * DAY);
        rewards::report_uptime(&th::attester_signer(), second, vector[worker_addr], vector[43_200]);
        to_close_time(second);
        rewards::close_epoch(&th::signer_of(@0xc105e), second);

        let info = rewards::epoch_info(second);
        let (_, funded, carried_in, pool, poc_pool, pod_pool, rolled_over, _, _) = rewards::epoch_amounts(&info);
        // Funded: 2.0 by `fund_epoch` and 0.9 of the job's 1.2 fee.
        assert!(funded == 2_900_000 && carried_in == 1_000_000 && pool == 3_900_000, 3);
        assert!(poc_pool == 1_950_000 && pod_pool == 1_950_000 && rolled_over == 0, 4);
        let (poc_weight, pod_weight) = rewards::epoch_weights(&info);
        assert!(poc_weight == (h::worker_score() as u128) * 43_200, 5);
        assert!(pod_weight == (h::worker_score() as u128) * 3_600, 6);

        let before = th::balance(worker_addr);
        rewards::claim(&worker, second);
        assert!(th::balance(worker_addr) == before + 3_900_000, 7);
        assert!(th::balance(rewards::rewards_address()) == 0, 8);
    }

    #[test]
    fun claim_works_while_paused() {
        h::setup();
        let a = scored_worker(SCORE_A);
        let a_addr = signer::address_of(&a);
        let epoch = rewards::current_epoch();
        rewards::fund_epoch(&funder(1_000), epoch, 1_000);
        th::set_time((epoch + 1) * DAY);
        rewards::report_uptime(&th::attester_signer(), epoch, vector[a_addr], vector[10]);
        to_close_time(epoch);
        rewards::close_epoch(&a, epoch);
        config::set_paused(&th::lumen_signer(), true);
        let before = th::balance(a_addr);
        rewards::claim(&a, epoch);
        assert!(th::balance(a_addr) == before + 500, 1);
    }

    // Uptime: k of n attesters -------------------------------------------------------

    #[test]
    fun uptime_takes_effect_at_the_threshold_with_the_kth_largest_vote() {
        h::setup();
        let a = scored_worker(SCORE_A);
        attesters(3);
        let a_addr = signer::address_of(&a);
        let epoch = rewards::current_epoch();
        th::set_time((epoch + 1) * DAY);
        report_by(th::attester(), epoch, a_addr, 50_000);
        report_by(th::attester2(), epoch, a_addr, 70_000);
        assert!(rewards::online_secs_of(a_addr, epoch) == 0, 1);
        assert!(rewards::uptime_votes(a_addr, epoch) == 2, 2);
        let (poc, _) = rewards::epoch_weights(&rewards::epoch_info(epoch));
        assert!(poc == 0, 3);
        // A value above the epoch length counts as the epoch length.
        report_by(th::attester3(), epoch, a_addr, DAY + 1);
        assert!(rewards::online_secs_of(a_addr, epoch) == 50_000, 4);
        assert!(rewards::uptime_votes(a_addr, epoch) == 3, 5);
        let (poc, _) = rewards::epoch_weights(&rewards::epoch_info(epoch));
        assert!(poc == (SCORE_A as u128) * 50_000, 6);
        let reported = rewards::uptime_reported_event(
            epoch, a_addr, th::attester3(), 50_000, SCORE_A, (SCORE_A as u128) * 50_000,
        );
        assert!(event::was_event_emitted(&reported), 7);
    }

    #[test]
    fun votes_of_removed_attesters_no_longer_count() {
        h::setup();
        let a = scored_worker(SCORE_A);
        attesters(2);
        let a_addr = signer::address_of(&a);
        let epoch = rewards::current_epoch();
        th::set_time((epoch + 1) * DAY);
        report_by(th::attester(), epoch, a_addr, 1);
        config::remove_attester(&th::lumen_signer(), th::attester());
        report_by(th::attester2(), epoch, a_addr, 80_000);
        assert!(rewards::online_secs_of(a_addr, epoch) == 0, 1);
        assert!(rewards::uptime_votes(a_addr, epoch) == 2, 2);
        report_by(th::attester3(), epoch, a_addr, 70_000);
        assert!(rewards::online_secs_of(a_addr, epoch) == 70_000, 3);
    }

    #[test]
    fun a_later_vote_recomputes_the_uptime_and_the_weight() {
        h::setup();
        let a = scored_worker(SCORE_A);
        attesters(2);
        let a_addr = signer::address_of(&a);
        let epoch = rewards::current_epoch();
        th::set_time((epoch + 1) * DAY);
        report_by(th::attester(), epoch, a_addr, 40_000);
        report_by(th::attester2(), epoch, a_addr, 60_000);
        assert!(rewards::online_secs_of(a_addr, epoch) == 40_000, 1);
        report_by(th::attester3(), epoch, a_addr, DAY);
        assert!(rewards::online_secs_of(a_addr, epoch) == 60_000, 2);
        let (poc, _) = rewards::epoch_weights(&rewards::epoch_info(epoch));
        assert!(poc == (SCORE_A as u128) * 60_000, 3);
    }

    #[test]
    fun a_worker_without_the_minimum_stake_earns_no_poc() {
        h::setup();
        let a = scored_worker(SCORE_A);
        let a_addr = signer::address_of(&a);
        staking::request_unstake(&a, 1);
        let epoch = rewards::current_epoch();
        rewards::fund_epoch(&funder(1_000), epoch, 1_000);
        th::set_time((epoch + 1) * DAY);
        report_by(th::attester(), epoch, a_addr, DAY);
        // The uptime counts (VIP reads it), the weight does not.
        assert!(rewards::online_secs_of(a_addr, epoch) == DAY, 1);
        let (poc, _) = rewards::epoch_weights(&rewards::epoch_info(epoch));
        assert!(poc == 0, 2);
        let reported = rewards::uptime_reported_event(epoch, a_addr, th::attester(), DAY, SCORE_A, 0);
        assert!(event::was_event_emitted(&reported), 3);
    }

    #[test]
    fun poc_uses_the_score_in_force_at_the_epochs_end() {
        h::setup();
        let (worker, sk, pk) = th::new_worker();
        let w = signer::address_of(&worker);
        staking::set_price(&worker, 1);
        let epoch = rewards::current_epoch();
        // The score takes effect in the epoch's last second.
        th::set_time((epoch + 1) * DAY - 1);
        th::give_score(&sk, pk, w, SCORE_B, 8192);
        th::stake_for(&worker, staking::min_stake_of(w));
        th::set_time((epoch + 1) * DAY);
        report_by(th::attester(), epoch, w, 3_600);
        let (poc, _) = rewards::epoch_weights(&rewards::epoch_info(epoch));
        assert!(poc == (SCORE_B as u128) * 3_600, 1);
    }

    // Order of epochs ---------------------------------------------------------------------

    #[test]
    fun epochs_close_in_order_and_carry_forward() {
        h::setup();
        let first = rewards::current_epoch();
        assert!(rewards::next_epoch() == first, 1);
        rewards::fund_epoch(&funder(3_000), first + 2, 3_000);
        th::set_time((first + 3) * DAY + GRACE);
        let closer = th::signer_of(@0xc105e);
        rewards::close_epoch(&closer, first);
        assert!(rewards::next_epoch() == first + 1, 2);
        rewards::close_epoch(&closer, first + 1);
        rewards::close_epoch(&closer, first + 2);
        let (_, funded, carried_in, pool, _, _, rolled_over, _, closed) =
            rewards::epoch_amounts(&rewards::epoch_info(first + 2));
        assert!(funded == 3_000 && carried_in == 0 && pool == 3_000 && rolled_over == 3_000 && closed, 3);
        assert!(rewards::next_epoch() == first + 3, 4);
    }

    #[test]
    fun a_pause_gives_a_fresh_grace_period() {
        h::setup();
        let epoch = rewards::current_epoch();
        let admin = th::lumen_signer();
        config::set_paused(&admin, true);
        th::set_time((epoch + 2) * DAY);
        config::set_paused(&admin, false);
        assert!(config::resumed_at() == (epoch + 2) * DAY, 1);
        th::set_time((epoch + 2) * DAY + GRACE);
        rewards::close_epoch(&th::signer_of(@0xc105e), epoch);
        assert!(rewards::next_epoch() == epoch + 1, 2);
    }

    #[test]
    fun funding_reaches_ninety_epochs_ahead() {
        h::setup();
        let epoch = rewards::current_epoch();
        rewards::fund_epoch(&funder(10), epoch + 90, 10);
        let (_, funded, _, _, _, _, _, _, _) = rewards::epoch_amounts(&rewards::epoch_info(epoch + 90));
        assert!(funded == 10, 1);
    }

    #[test]
    fun shares_never_exceed_the_pool() {
        let (poc, pod) = rewards::split_pool(1_000_001, 5_000);
        assert!(pod == 500_000 && poc == 500_001, 1);
        let (poc, pod) = rewards::split_pool(7, 10_000);
        assert!(pod == 7 && poc == 0, 2);
        let (poc, pod) = rewards::split_pool(7, 0);
        assert!(pod == 0 && poc == 7, 3);
        // Three equal weights of an indivisible pool: each floors, one unit stays.
        let total: u128 = 3;
        let paid = rewards::share(100, 1, total) * 3;
        assert!(paid == 99, 4);
        assert!(rewards::share(100, 0, 0) == 0, 5);
        // A full pool of u64::MAX against a 100 IB worker online all day stays in u128.
        let weight: u128 = 100_000_000 * 86_400;
        assert!(rewards::share(18_446_744_073_709_551_615, weight, weight) == 18_446_744_073_709_551_615, 6);
        assert!(rewards::share(18_446_744_073_709_551_615, weight, 2 * weight) == 9_223_372_036_854_775_807, 8);
        // `epoch_of` reads `epoch_secs` from the config, so it needs the world.
        h::setup();
        assert!(rewards::epoch_of(DAY * 5 + 1) == 5, 7);
    }

    // Pause ---------------------------------------------------------------------

    #[test]
    #[expected_failure(abort_code = 0x30005 /* EPaused */, location = lumen::config)]
    fun report_blocked_while_paused() {
        h::setup();
        let epoch = rewards::current_epoch();
        th::set_time((epoch + 1) * DAY);
        config::set_paused(&th::lumen_signer(), true);
        rewards::report_uptime(&th::attester_signer(), epoch, vector[@0xa], vector[1]);
    }

    #[test]
    #[expected_failure(abort_code = 0x30005 /* EPaused */, location = lumen::config)]
    fun fund_blocked_while_paused() {
        h::setup();
        let payer = funder(10);
        config::set_paused(&th::lumen_signer(), true);
        rewards::fund_epoch(&payer, rewards::current_epoch(), 10);
    }

    // Abort codes ---------------------------------------------------------------

    #[test]
    #[expected_failure(abort_code = 0x50001 /* ENotAttester */, location = lumen::rewards)]
    fun report_by_non_attester_fails() {
        h::setup();
        let epoch = rewards::current_epoch();
        th::set_time((epoch + 1) * DAY);
        rewards::report_uptime(&th::signer_of(@0xbad), epoch, vector[@0xa], vector[1]);
    }

    #[test]
    #[expected_failure(abort_code = 0x10002 /* ELengthMismatch */, location = lumen::rewards)]
    fun report_with_mismatched_vectors_fails() {
        h::setup();
        let epoch = rewards::current_epoch();
        th::set_time((epoch + 1) * DAY);
        rewards::report_uptime(&th::attester_signer(), epoch, vector[@0xa, @0xb], vector[1]);
    }

    #[test]
    #[expected_failure(abort_code = 0x30003 /* EEpochNotEnded */, location = lumen::rewards)]
    fun report_for_running_epoch_fails() {
        h::setup();
        let epoch = rewards::current_epoch();
        th::set_time((epoch + 1) * DAY - 1);
        rewards::report_uptime(&th::attester_signer(), epoch, vector[@0xa], vector[1]);
    }

    #[test]
    #[expected_failure(abort_code = 0x30004 /* EEpochClosed */, location = lumen::rewards)]
    fun report_after_close_fails() {
        h::setup();
        let epoch = rewards::current_epoch();
        to_close_time(epoch);
        rewards::close_epoch(&th::signer_of(@0xc105e), epoch);
        rewards::report_uptime(&th::attester_signer(), epoch, vector[@0xa], vector[1]);
    }

    #[test]
    #[expected_failure(abort_code = 0x30004 /* EEpochClosed */, location = lumen::rewards)]
    fun close_twice_fails() {
        h::setup();
        let epoch = rewards::current_epoch();
        to_close_time(epoch);
        rewards::close_epoch(&th::signer_of(@0xc105e), epoch);
        rewards::close_epoch(&th::signer_of(@0xc105e), epoch);
    }

    #[test]
    #[expected_failure(abort_code = 0x2000c /* EEpochOutOfRange */, location = lumen::rewards)]
    fun fund_past_epoch_fails() {
        h::setup();
        let epoch = rewards::current_epoch();
        let payer = funder(10);
        th::set_time((epoch + 1) * DAY);
        rewards::fund_epoch(&payer, epoch, 10);
    }

    #[test]
    #[expected_failure(abort_code = 0x2000c /* EEpochOutOfRange */, location = lumen::rewards)]
    fun fund_beyond_ninety_epochs_fails() {
        h::setup();
        rewards::fund_epoch(&funder(10), rewards::current_epoch() + 91, 10);
    }

    #[test]
    #[expected_failure(abort_code = 0x3000b /* EEpochOutOfOrder */, location = lumen::rewards)]
    fun close_out_of_order_fails() {
        h::setup();
        let epoch = rewards::current_epoch();
        to_close_time(epoch + 1);
        rewards::close_epoch(&th::signer_of(@0xc105e), epoch + 1);
    }

    #[test]
    #[expected_failure(abort_code = 0x30004 /* EEpochClosed */, location = lumen::rewards)]
    fun close_before_rewards_began_fails() {
        h::setup();
        let epoch = rewards::current_epoch();
        rewards::close_epoch(&th::signer_of(@0xc105e), epoch - 1);
    }

    #[test]
    #[expected_failure(abort_code = 0x30004 /* EEpochClosed */, location = lumen::rewards)]
    fun report_before_rewards_began_fails() {
        h::setup();
        let epoch = rewards::current_epoch();
        rewards::report_uptime(&th::attester_signer(), epoch - 1, vector[@0xa], vector[1]);
    }

    #[test]
    #[expected_failure(abort_code = 0x10006 /* EZeroAmount */, location = lumen::rewards)]
    fun fund_zero_fails() {
        h::setup();
        rewards::fund_epoch(&funder(10), rewards::current_epoch(), 0);
    }

    #[test]
    #[expected_failure(abort_code = 0x30007 /* ETooEarlyToClose */, location = lumen::rewards)]
    fun close_inside_grace_fails() {
        h::setup();
        let epoch = rewards::current_epoch();
        th::set_time((epoch + 1) * DAY + GRACE - 1);
        rewards::close_epoch(&th::signer_of(@0xc105e), epoch);
    }

    #[test]
    #[expected_failure(abort_code = 0x30008 /* EEpochNotClosed */, location = lumen::rewards)]
    fun claim_before_close_fails() {
        h::setup();
        let a = scored_worker(SCORE_A);
        let epoch = rewards::current_epoch();
        rewards::fund_epoch(&funder(1_000), epoch, 1_000);
        th::set_time((epoch + 1) * DAY);
        rewards::report_uptime(&th::attester_signer(), epoch, vector[signer::address_of(&a)], vector[10]);
        rewards::claim(&a, epoch);
    }

    #[test]
    #[expected_failure(abort_code = 0x80009 /* EAlreadyClaimed */, location = lumen::rewards)]
    fun claim_twice_fails() {
        h::setup();
        let a = scored_worker(SCORE_A);
        let epoch = rewards::current_epoch();
        rewards::fund_epoch(&funder(1_000), epoch, 1_000);
        th::set_time((epoch + 1) * DAY);
        rewards::report_uptime(&th::attester_signer(), epoch, vector[signer::address_of(&a)], vector[10]);
        to_close_time(epoch);
        rewards::close_epoch(&a, epoch);
        rewards::claim(&a, epoch);
        rewards::claim(&a, epoch);
    }

    #[test]
    #[expected_failure(abort_code = 0x6000a /* ENothingToClaim */, location = lumen::rewards)]
    fun claim_without_weight_fails() {
        h::setup();
        let a = scored_worker(SCORE_A);
        let epoch = rewards::current_epoch();
        rewards::fund_epoch(&funder(1_000), epoch, 1_000);
        to_close_time(epoch);
        rewards::close_epoch(&a, epoch);
        rewards::claim(&a, epoch);
    }

    // Several attesters --------------------------------------------------------

    #[test]
    fun one_dishonest_attester_cannot_move_uptime_outside_the_honest_votes() {
        h::setup();
        let admin = th::lumen_signer();
        config::add_attester(&admin, th::attester2());
        config::add_attester(&admin, th::attester3());
        th::set_param(b"attester_threshold", 2);
        let a = scored_worker_by_three(SCORE_A);
        let a_addr = signer::address_of(&a);
        // Scores count as in force at the epoch's end: both are attested during it.
        let b = scored_worker_by_three(SCORE_B);
        let b_addr = signer::address_of(&b);
        let epoch = rewards::current_epoch();
        th::set_time((epoch + 1) * DAY);
        // A dishonest attester claims the whole day first: nothing counts yet.
        rewards::report_uptime(&th::signer_of(th::attester2()), epoch, vector[a_addr], vector[DAY]);
        assert!(rewards::online_secs_of(a_addr, epoch) == 0, 0);
        assert!(event::emitted_events<rewards::UptimeReported>().length() == 0, 1);
        // The honest votes decide: the second largest of the three.
        rewards::report_uptime(&th::attester_signer(), epoch, vector[a_addr], vector[40_000]);
        assert!(rewards::online_secs_of(a_addr, epoch) == 40_000, 2);
        rewards::report_uptime(&th::signer_of(th::attester3()), epoch, vector[a_addr], vector[41_000]);
        assert!(rewards::online_secs_of(a_addr, epoch) == 41_000, 3);
        let (poc_weight, _) = rewards::epoch_weights(&rewards::epoch_info(epoch));
        assert!(poc_weight == (SCORE_A as u128) * 41_000, 4);
        assert!(event::emitted_events<rewards::UptimeVoted>().length() == 3, 5);
        assert!(event::emitted_events<rewards::UptimeReported>().length() == 2, 6);

        // A deflating dishonest vote is outvoted once both honest attesters voted.
        rewards::report_uptime(&th::signer_of(th::attester2()), epoch, vector[b_addr], vector[0]);
        rewards::report_uptime(&th::attester_signer(), epoch, vector[b_addr], vector[30_000]);
        rewards::report_uptime(&th::signer_of(th::attester3()), epoch, vector[b_addr], vector[29_000]);
        assert!(rewards::online_secs_of(b_addr, epoch) == 29_000, 7);
        let (poc_weight, _) = rewards::epoch_weights(&rewards::epoch_info(epoch));
        assert!(poc_weight == (SCORE_A as u128) * 41_000 + (SCORE_B as u128) * 29_000, 8);
    }

    #[test]
    fun an_attester_votes_once_per_worker_and_epoch_even_below_the_threshold() {
        h::setup();
        config::add_attester(&th::lumen_signer(), th::attester2());
        th::set_param(b"attester_threshold", 2);
        let a = scored_worker_by_three(SCORE_A);
        let a_addr = signer::address_of(&a);
        let epoch = rewards::current_epoch();
        th::set_time((epoch + 1) * DAY);
        rewards::report_uptime(&th::attester_signer(), epoch, vector[a_addr], vector[100]);
        rewards::report_uptime(&th::attester_signer(), epoch, vector[a_addr], vector[200]);
        // The second vote was skipped: one vote cast, none in effect.
        assert!(rewards::uptime_votes(a_addr, epoch) == 1, 1);
        assert!(event::emitted_events<rewards::UptimeVoted>().length() == 1, 2);
        assert!(
            event::emitted_events<rewards::UptimeVoteSkipped>()
                == vector[rewards::uptime_vote_skipped_event(epoch, a_addr, th::attester(), 200)],
            3
        );
        // The other attester's vote reaches the threshold with the first vote.
        rewards::report_uptime(&th::signer_of(th::attester2()), epoch, vector[a_addr], vector[300]);
        assert!(rewards::online_secs_of(a_addr, epoch) == 100, 4);
    }

    /// An eligible worker whose score was measured alike by every attester of
    /// the threshold (up to three).
    fun scored_worker_by_three(score: u64): signer {
        let (worker, sk, pk) = th::new_worker();
        let w = signer::address_of(&worker);
        let now = th::now();
        let threshold = config::attester_threshold();
        let attesters = vector[th::attester(), th::attester2(), th::attester3()];
        let i = 0;
        while (i < threshold) {
            th::attest_report(&th::signer_of(attesters[i]), &sk, pk, w, th::default_device(w), 8192, score, 1, now);
            i += 1;
        };
        // Eligible under staking: PoC weight needs the minimum stake.
        staking::set_price(&worker, 1);
        th::stake_for(&worker, staking::min_stake_of(w));
        worker
    }
}
