#[test_only]
/// Escrow: the main paths of the job state machine (assignment, submission,
/// confirmation, finalization, reclaim, cancel, rerender rounds, disputes),
/// money conservation after every step and pause behaviour. Partial acceptance,
/// dispute rules, claimable balances and nonce burns are in
/// `escrow_review_tests`, the abort codes in `escrow_abort_tests`, the attacks in
/// `escrow_attack_tests`.
///
/// Standard job: 10 frames at a maximum of 1.0 unit per frame (deposit 10.0),
/// assigned at 0.6 per frame, so 4.0 is refunded at assignment and 6.0 stays held.
module lumen::escrow_tests {
    use std::signer;
    use aptos_framework::event;
    use aptos_framework::object;
    use lumen::config;
    use lumen::escrow;
    use lumen::escrow_test_helpers as h;
    use lumen::rewards;
    use lumen::staking;
    use lumen::test_helpers as th;

    const FRAMES: u64 = 10;
    const MAX_PRICE: u64 = 1_000_000;
    const PRICE: u64 = 600_000;

    fun status_of(job: object::Object<escrow::Job>): u8 {
        let info = escrow::job_info(job);
        let (_, _, _, status) = escrow::info_parties(&info);
        status
    }

    fun lease_of(job: object::Object<escrow::Job>): u64 {
        let info = escrow::job_info(job);
        let (_, _, _, _, lease_secs, _) = escrow::info_work(&info);
        lease_secs
    }

    fun pause() {
        config::set_paused(&th::lumen_signer(), true);
    }

    // Happy paths ---------------------------------------------------------------

    #[test]
    fun job_object_is_derived_untransferable_and_funded() {
        h::setup();
        let (creator, _, _) = h::new_creator(FRAMES * MAX_PRICE);
        let creator_addr = signer::address_of(&creator);
        assert!(escrow::next_job_id() == 0, 1);
        let job = h::create_job(&creator, FRAMES, MAX_PRICE);
        let ledger = h::ledger_from(job, creator_addr, @0xb0b, FRAMES * MAX_PRICE, 0, 0);
        assert!(object::object_address(&job) == escrow::job_address(0), 2);
        assert!(escrow::next_job_id() == 1, 3);
        assert!(object::is_untransferable(job), 4);
        assert!(object::owner(job) == escrow::registry_address(), 5);
        assert!(escrow::job_balance(job) == FRAMES * MAX_PRICE, 6);
        assert!(th::balance(creator_addr) == 0, 7);
        assert!(status_of(job) == 0, 8);
        assert!(escrow::job_address(1) != escrow::job_address(0), 9);
        h::assert_conserved(&ledger);
    }

    #[test]
    fun accept_refunds_excess_deposit_at_once() {
        h::setup();
        let (creator, worker, job, ledger) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        assert!(status_of(job) == 1, 1);
        assert!(escrow::job_balance(job) == FRAMES * PRICE, 2);
        assert!(th::balance(signer::address_of(&creator)) == FRAMES * (MAX_PRICE - PRICE), 3);
        let info = escrow::job_info(job);
        let (_, _, assigned_worker, _) = escrow::info_parties(&info);
        assert!(assigned_worker == signer::address_of(&worker), 4);
        h::assert_conserved(&ledger);
        // The terms in force at assignment, and the collateral: min(10 % of 699.84, 6.0).
        let (commission, review, max_rerenders, min_rerender, response, timeout, collateral) =
            escrow::info_terms(&info);
        assert!(commission == 8_000 && review == 259_200 && max_rerenders == 2, 6);
        assert!(min_rerender == h::render_time() && response == 259_200 && timeout == 1_209_600, 7);
        assert!(collateral == FRAMES * PRICE, 8);
        let worker_addr = signer::address_of(&worker);
        assert!(staking::locked_of(worker_addr) == collateral, 9);
        let job_addr = object::object_address(&job);
        assert!(
            event::was_event_emitted(&staking::stake_locked_event(worker_addr, job_addr, collateral, collateral)),
            10,
        );
        let (_, render_deadline, _, _, _, _) = escrow::info_work(&info);
        assert!(render_deadline == th::now() + h::render_time(), 11);
        let expected = escrow::job_assigned_event_of(job_addr, &info, h::worker_score(), FRAMES * (MAX_PRICE - PRICE));
        assert!(event::was_event_emitted(&expected), 5);
        assert!(event::emitted_events<escrow::JobAssigned>().length() == 1, 12);
        assert!(
            event::was_event_emitted(&escrow::job_created_event(
                job_addr, 0, signer::address_of(&creator), b"spec-sha256", FRAMES, MAX_PRICE, 0, 0,
                FRAMES * MAX_PRICE, th::now(),
            )),
            13,
        );
    }

    #[test]
    fun min_rerender_time_is_never_shorter_than_the_parameter() {
        h::setup();
        let (creator, sk, pk) = h::new_creator(FRAMES * MAX_PRICE);
        let (worker, _, _) = h::worker();
        let job = h::create_job(&creator, FRAMES, MAX_PRICE);
        let ledger = h::ledger_from(job, signer::address_of(&creator), signer::address_of(&worker), FRAMES * MAX_PRICE, 0, 0);
        // A 10-minute assignment still leaves a rerender the protocol's hour.
        h::accept(&worker, &sk, pk, job, PRICE, th::now() + 600, 1);
        h::assert_conserved(&ledger);
        let info = escrow::job_info(job);
        let (_, _, _, min_rerender, _, _, _) = escrow::info_terms(&info);
        assert!(min_rerender == 3_600, 1);
        escrow::submit_result(&worker, job, FRAMES, b"root");
        h::assert_conserved(&ledger);
        escrow::request_rerender(&creator, job, 1, th::now() + 3_600);
        h::assert_conserved(&ledger);
        assert!(status_of(job) == 1, 2);
    }

    #[test]
    fun submit_then_confirm_splits_payment() {
        h::setup();
        let (creator, worker, job, ledger) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        let creator_addr = signer::address_of(&creator);
        let worker_addr = signer::address_of(&worker);
        th::advance(3600);
        // The worker delivers 8 of the 10 frames; the creator accepts all it got.
        escrow::submit_result(&worker, job, 8, b"output-root");
        h::assert_conserved(&ledger);
        assert!(status_of(job) == 2, 1);
        assert!(lease_of(job) == 3600, 2);
        let job_addr = object::object_address(&job);
        assert!(
            event::was_event_emitted(&escrow::result_submitted_event(
                job_addr, 0, worker_addr, 8, b"output-root", th::now() + 259_200, 3600, th::now(),
            )),
            14,
        );

        escrow::confirm(&creator, job, 8);
        h::assert_conserved(&ledger);
        // gross 8 * 0.6 = 4.8; worker 80 % = 3.84; fee 0.96; refund 6.0 - 4.8 = 1.2.
        assert!(status_of(job) == 3, 3);
        assert!(escrow::job_balance(job) == 0, 4);
        assert!(th::balance(worker_addr) == 3_840_000, 5);
        // The fee: three quarters into the epoch's pool, the rest to the treasury.
        assert!(th::balance(th::treasury()) == 240_000, 6);
        assert!(th::balance(rewards::rewards_address()) == 720_000, 6);
        assert!(th::balance(creator_addr) == 4_000_000 + 1_200_000, 7);
        let info = escrow::job_info(job);
        let (deposit, paid, fee, refunded, frames_paid) = escrow::info_money(&info);
        assert!(deposit == 10_000_000 && paid == 3_840_000 && fee == 960_000, 8);
        assert!(refunded == 5_200_000 && frames_paid == 8, 9);

        let (spent_total, spent_month, frames_succeeded) = escrow::creator_stats(creator_addr);
        assert!(spent_total == 4_800_000 && spent_month == 4_800_000 && frames_succeeded == 8, 10);
        let (frames_completed, jobs_completed, jobs_failed, lease_secs) = escrow::worker_stats(worker_addr);
        assert!(frames_completed == 8 && jobs_completed == 1 && jobs_failed == 0 && lease_secs == 3600, 11);

        // The lease went to this epoch's PoD weight with the worker's score.
        let epoch_info = rewards::epoch_info(rewards::current_epoch());
        let (_, pod_weight) = rewards::epoch_weights(&epoch_info);
        assert!(pod_weight == (h::worker_score() as u128) * 3600, 12);
        let expected = escrow::job_completed_event(
            object::object_address(&job), 0, creator_addr, worker_addr,
            8, 4_800_000, 3_840_000, 960_000, 1_200_000, 3600, false,
        );
        assert!(event::was_event_emitted(&expected), 13);
        // The collateral is released.
        assert!(staking::locked_of(worker_addr) == 0, 15);
        assert!(
            event::was_event_emitted(&staking::stake_unlocked_event(worker_addr, job_addr, FRAMES * PRICE, 0)),
            16,
        );
    }

    #[test]
    fun creator_month_spending_resets_after_thirty_days() {
        h::setup();
        let (creator, _, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        escrow::confirm(&creator, job, FRAMES);
        h::assert_conserved(&ledger);
        let (total, month, _) = escrow::creator_stats(signer::address_of(&creator));
        assert!(total == 6_000_000 && month == 6_000_000, 1);
        th::advance(2_592_000);
        let (total, month, frames) = escrow::creator_stats(signer::address_of(&creator));
        assert!(total == 6_000_000 && month == 0 && frames == FRAMES, 2);
    }

    #[test]
    fun finalize_pays_submitted_frames_after_review_window() {
        h::setup();
        let (creator, worker, job, ledger) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        escrow::submit_result(&worker, job, FRAMES, b"root");
        h::assert_conserved(&ledger);
        th::advance(259_201);
        escrow::finalize(&th::signer_of(@0xf00), job);
        h::assert_conserved(&ledger);
        assert!(status_of(job) == 3, 1);
        assert!(th::balance(signer::address_of(&worker)) == 4_800_000, 2);
        assert!(th::balance(th::treasury()) == 300_000, 3);
        assert!(th::balance(rewards::rewards_address()) == 900_000, 3);
        assert!(escrow::job_balance(job) == 0, 4);
        let expected = escrow::job_completed_event(
            object::object_address(&job), 0, signer::address_of(&creator), signer::address_of(&worker),
            FRAMES, 6_000_000, 4_800_000, 1_200_000, 0, 0, true,
        );
        assert!(event::was_event_emitted(&expected), 5);
    }

    #[test]
    fun reclaim_refunds_everything_and_slashes_the_collateral() {
        h::setup();
        let (creator, worker, job, ledger) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        let worker_addr = signer::address_of(&worker);
        let job_addr = object::object_address(&job);
        let stake_before = staking::stake_of(worker_addr);
        th::advance(h::render_time() + 1);
        escrow::reclaim(&creator, job);
        h::assert_conserved(&ledger);
        assert!(status_of(job) == 5, 1);
        assert!(th::balance(signer::address_of(&creator)) == FRAMES * MAX_PRICE, 2);
        // The collateral: min(10 % of the stake, the job's value 6.0) = 6.0.
        let slashed = FRAMES * PRICE;
        assert!(staking::stake_of(worker_addr) == stake_before - slashed, 4);
        assert!(staking::locked_of(worker_addr) == 0, 8);
        assert!(staking::penalty_pool() == slashed, 5);
        let (_, jobs_completed, jobs_failed, _) = escrow::worker_stats(worker_addr);
        assert!(jobs_completed == 0 && jobs_failed == 1, 6);
        let expected = escrow::job_reclaimed_event(
            job_addr, 0, signer::address_of(&creator), worker_addr, FRAMES * PRICE, slashed,
        );
        assert!(event::was_event_emitted(&expected), 7);
        assert!(
            event::was_event_emitted(&staking::slashed_event(worker_addr, slashed, stake_before - slashed, job_addr)),
            9,
        );
        assert!(event::was_event_emitted(&staking::stake_unlocked_event(worker_addr, job_addr, slashed, 0)), 10);
    }

    #[test]
    fun cancel_refunds_open_job() {
        h::setup();
        let (creator, _, _) = h::new_creator(FRAMES * MAX_PRICE);
        let creator_addr = signer::address_of(&creator);
        let job = h::create_job(&creator, FRAMES, MAX_PRICE);
        let ledger = h::ledger_from(job, creator_addr, @0xb0b, FRAMES * MAX_PRICE, 0, 0);
        h::assert_conserved(&ledger);
        escrow::cancel(&creator, job);
        h::assert_conserved(&ledger);
        assert!(status_of(job) == 4, 1);
        assert!(th::balance(creator_addr) == FRAMES * MAX_PRICE, 2);
        assert!(escrow::job_balance(job) == 0, 3);
        let info = escrow::job_info(job);
        let (deposit, _, _, refunded, _) = escrow::info_money(&info);
        assert!(deposit == refunded, 4);
        let expected = escrow::job_cancelled_event(object::object_address(&job), 0, creator_addr, FRAMES * MAX_PRICE);
        assert!(event::was_event_emitted(&expected), 5);
    }

    #[test]
    fun rerenders_sum_lease_time_until_the_limit() {
        h::setup();
        let (creator, worker, job, ledger) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        th::advance(3600);
        escrow::submit_result(&worker, job, FRAMES, b"first");
        h::assert_conserved(&ledger);
        th::advance(100); // review time is not lease time
        escrow::request_rerender(&creator, job, 2, th::now() + 7200);
        h::assert_conserved(&ledger);
        assert!(status_of(job) == 1, 1);
        let job_addr = object::object_address(&job);
        assert!(
            event::was_event_emitted(&escrow::rerender_requested_event(job_addr, 0, 2, th::now() + 7200, 1)),
            6,
        );
        th::advance(1800);
        escrow::submit_result(&worker, job, FRAMES, b"second");
        h::assert_conserved(&ledger);
        assert!(lease_of(job) == 5400, 2);
        escrow::request_rerender(&creator, job, 1, th::now() + 7200);
        h::assert_conserved(&ledger);
        th::advance(600);
        escrow::submit_result(&worker, job, FRAMES, b"third");
        h::assert_conserved(&ledger);
        assert!(lease_of(job) == 6000, 3);
        let info = escrow::job_info(job);
        let (_, _, _, rerenders, _, _) = escrow::info_work(&info);
        assert!(rerenders == 2, 4);
        escrow::confirm(&creator, job, FRAMES);
        h::assert_conserved(&ledger);
        let (_, _, _, lease_secs) = escrow::worker_stats(signer::address_of(&worker));
        assert!(lease_secs == 6000, 5);
    }

    #[test]
    fun dispute_resolved_by_arbiter() {
        h::setup();
        let (creator, worker, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        let creator_addr = signer::address_of(&creator);
        let worker_addr = signer::address_of(&worker);
        let job_addr = object::object_address(&job);
        escrow::dispute(&creator, job, b"frames 6-10 are black");
        h::assert_conserved(&ledger);
        assert!(status_of(job) == 6, 1);
        let info = escrow::job_info(job);
        let (_, _, disputed_by, disputed_at, timeout_frames) = escrow::info_review(&info);
        assert!(disputed_by == creator_addr && disputed_at == th::now() && timeout_frames == FRAMES, 7);
        assert!(
            event::was_event_emitted(&escrow::job_disputed_event(
                job_addr, 0, creator_addr, b"frames 6-10 are black", creator_addr, worker_addr, FRAMES, FRAMES,
                th::now() + 1_209_600,
            )),
            8,
        );
        escrow::resolve(&h::arbiter(), job, 5);
        h::assert_conserved(&ledger);
        // gross 5 * 0.6 = 3.0: worker 2.4, fee 0.6, refund 3.0.
        assert!(status_of(job) == 7, 2);
        assert!(th::balance(worker_addr) == 2_400_000, 3);
        assert!(th::balance(th::treasury()) == 150_000, 4);
        assert!(th::balance(rewards::rewards_address()) == 450_000, 11);
        assert!(th::balance(creator_addr) == 4_000_000 + 3_000_000, 5);
        let (_, jobs_completed, jobs_failed, _) = escrow::worker_stats(worker_addr);
        assert!(jobs_completed == 1 && jobs_failed == 0, 6);
        assert!(staking::locked_of(worker_addr) == 0, 9);
        assert!(
            event::was_event_emitted(&escrow::dispute_resolved_event(
                job_addr, 0, th::arbiter(), creator_addr, worker_addr, 5, 3_000_000, 2_400_000, 600_000,
                3_000_000, 3600,
            )),
            10,
        );
    }

    #[test]
    fun dispute_resolved_with_nothing_counts_as_failed() {
        h::setup();
        let (creator, worker, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        escrow::dispute(&creator, job, b"frames are black");
        h::assert_conserved(&ledger);
        escrow::resolve(&h::arbiter(), job, 0);
        h::assert_conserved(&ledger);
        assert!(th::balance(signer::address_of(&creator)) == FRAMES * MAX_PRICE, 1);
        let (frames_completed, jobs_completed, jobs_failed, _) = escrow::worker_stats(signer::address_of(&worker));
        assert!(frames_completed == 0 && jobs_completed == 0 && jobs_failed == 1, 2);
        // Nothing is slashed by a ruling.
        assert!(staking::penalty_pool() == 0, 3);
    }

    #[test]
    fun creator_dispute_times_out_to_the_worker() {
        h::setup();
        let (creator, worker, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        escrow::dispute(&creator, job, b"reason");
        h::assert_conserved(&ledger);
        th::advance(1_209_600);
        escrow::finalize(&th::signer_of(@0xf00), job);
        h::assert_conserved(&ledger);
        assert!(status_of(job) == 3, 1);
        assert!(th::balance(signer::address_of(&worker)) == 4_800_000, 2);
    }

    #[test]
    fun offer_nonces_are_per_creator() {
        h::setup();
        let (creator_a, sk_a, pk_a) = h::new_creator(FRAMES * MAX_PRICE);
        let (creator_b, sk_b, pk_b) = h::new_creator(FRAMES * MAX_PRICE);
        let (worker, _, _) = h::worker();
        let worker_addr = signer::address_of(&worker);
        let job_a = h::create_job(&creator_a, FRAMES, MAX_PRICE);
        let job_b = h::create_job(&creator_b, FRAMES, MAX_PRICE);
        let ledger_a = h::ledger_from(job_a, signer::address_of(&creator_a), worker_addr, FRAMES * MAX_PRICE, 0, 0);
        let ledger_b = h::ledger_from(job_b, signer::address_of(&creator_b), worker_addr, FRAMES * MAX_PRICE, 0, 0);
        let deadline = th::now() + 3600;
        h::accept(&worker, &sk_a, pk_a, job_a, PRICE, deadline, 7);
        h::assert_conserved(&ledger_a);
        h::accept(&worker, &sk_b, pk_b, job_b, PRICE, deadline, 7);
        h::assert_conserved(&ledger_b);
        assert!(status_of(job_a) == 1 && status_of(job_b) == 1, 1);
        assert!(escrow::is_nonce_used(signer::address_of(&creator_a), 7), 2);
        // Two active jobs lock two collaterals.
        assert!(staking::locked_of(worker_addr) == 2 * FRAMES * PRICE, 3);
    }

    // Pause ---------------------------------------------------------------------

    #[test]
    fun exits_work_while_paused() {
        h::setup();
        let (creator, worker, job, ledger) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        let (creator2, _, _) = h::new_creator(FRAMES * MAX_PRICE);
        let creator2_addr = signer::address_of(&creator2);
        let open_job = h::create_job(&creator2, FRAMES, MAX_PRICE);
        let ledger2 = h::ledger_from(open_job, creator2_addr, @0xb0b, FRAMES * MAX_PRICE, 0, 0);
        pause();
        escrow::cancel(&creator2, open_job);
        h::assert_conserved(&ledger2);
        assert!(th::balance(creator2_addr) == FRAMES * MAX_PRICE, 1);
        escrow::burn_nonce(&creator2, 3);
        escrow::submit_result(&worker, job, FRAMES, b"root");
        h::assert_conserved(&ledger);
        escrow::confirm(&creator, job, 4);
        h::assert_conserved(&ledger);
        escrow::dispute(&worker, job, b"reason");
        h::assert_conserved(&ledger);
        escrow::resolve(&h::arbiter(), job, FRAMES);
        h::assert_conserved(&ledger);
        assert!(status_of(job) == 7, 2);
    }

    #[test]
    fun reclaim_works_while_paused() {
        h::setup();
        let (creator, _, job, ledger) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        pause();
        th::advance(h::render_time() + 1);
        escrow::reclaim(&creator, job);
        h::assert_conserved(&ledger);
        assert!(status_of(job) == 5, 1);
    }

    #[test]
    fun confirm_works_while_paused() {
        h::setup();
        let (creator, _, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        pause();
        escrow::confirm(&creator, job, FRAMES);
        h::assert_conserved(&ledger);
        assert!(status_of(job) == 3, 1);
    }

    #[test]
    fun finalize_works_while_paused() {
        h::setup();
        let (_, worker, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        pause();
        th::advance(259_201);
        escrow::finalize(&worker, job);
        h::assert_conserved(&ledger);
        assert!(status_of(job) == 3, 1);
    }

    #[test]
    fun partial_answers_and_claims_work_while_paused() {
        h::setup();
        let (creator, worker, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        th::set_frozen(th::treasury(), true);
        pause();
        escrow::confirm(&creator, job, 5);
        h::assert_conserved(&ledger);
        escrow::accept_partial(&worker, job);
        h::assert_conserved(&ledger);
        th::set_frozen(th::treasury(), false);
        escrow::withdraw(&th::signer_of(th::treasury()));
        h::assert_conserved(&ledger);
        // A quarter of the 0.6 fee; the rest went into the epoch's pool.
        assert!(th::balance(th::treasury()) == 150_000, 1);
    }

    #[test]
    #[expected_failure(abort_code = 0x30005 /* EPaused */, location = lumen::config)]
    fun create_job_blocked_while_paused() {
        h::setup();
        let (creator, _, _) = h::new_creator(FRAMES * MAX_PRICE);
        pause();
        h::create_job(&creator, FRAMES, MAX_PRICE);
    }

    #[test]
    #[expected_failure(abort_code = 0x30005 /* EPaused */, location = lumen::config)]
    fun accept_blocked_while_paused() {
        h::setup();
        let (creator, sk, pk) = h::new_creator(FRAMES * MAX_PRICE);
        let (worker, _, _) = h::worker();
        let job = h::create_job(&creator, FRAMES, MAX_PRICE);
        pause();
        h::accept(&worker, &sk, pk, job, PRICE, th::now() + 3600, 1);
    }

    #[test]
    #[expected_failure(abort_code = 0x30005 /* EPaused */, location = lumen::config)]
    fun rerender_blocked_while_paused() {
        h::setup();
        let (creator, _, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        pause();
        h::assert_conserved(&ledger);
        escrow::request_rerender(&creator, job, 1, th::now() + h::render_time());
    }

    #[test]
    fun split_payout_rounds_worker_down() {
        let (worker_amount, fee) = escrow::split_payout(999, 8000);
        assert!(worker_amount == 799 && fee == 200, 1);
        let (worker_amount, fee) = escrow::split_payout(0, 8000);
        assert!(worker_amount == 0 && fee == 0, 2);
        let (worker_amount, fee) = escrow::split_payout(1_000_000, 10000);
        assert!(worker_amount == 1_000_000 && fee == 0, 3);
        let big = 18446744073709551615;
        let (worker_amount, fee) = escrow::split_payout(big, 8000);
        assert!(worker_amount + fee == big, 4);
    }
}
