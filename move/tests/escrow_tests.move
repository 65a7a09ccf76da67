#[test_only]
/// Escrow: the whole job state machine, money conservation after every step,
/// the pre-signed offer checks, pause behaviour and every abort code.
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
        let expected = escrow::job_assigned_event(
            object::object_address(&job),
            0,
            signer::address_of(&creator),
            signer::address_of(&worker),
            PRICE,
            th::now() + h::render_time(),
            1,
            h::worker_score(),
            FRAMES * (MAX_PRICE - PRICE),
            th::now(),
        );
        assert!(event::was_event_emitted(&expected), 5);
    }

    #[test]
    fun submit_then_confirm_splits_payment() {
        h::setup();
        let (creator, worker, job, ledger) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        let creator_addr = signer::address_of(&creator);
        let worker_addr = signer::address_of(&worker);
        th::advance(3600);
        escrow::submit_result(&worker, job, FRAMES, b"output-root");
        h::assert_conserved(&ledger);
        assert!(status_of(job) == 2, 1);
        assert!(lease_of(job) == 3600, 2);

        escrow::confirm(&creator, job, 8);
        h::assert_conserved(&ledger);
        // gross 8 * 0.6 = 4.8; worker 80 % = 3.84; fee 0.96; refund 6.0 - 4.8 = 1.2.
        assert!(status_of(job) == 3, 3);
        assert!(escrow::job_balance(job) == 0, 4);
        assert!(th::balance(worker_addr) == 3_840_000, 5);
        assert!(th::balance(th::treasury()) == 960_000, 6);
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
    }

    #[test]
    fun creator_month_spending_resets_after_thirty_days() {
        h::setup();
        let (creator, worker, job, _) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        escrow::submit_result(&worker, job, FRAMES, b"root");
        escrow::confirm(&creator, job, FRAMES);
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
        assert!(th::balance(th::treasury()) == 1_200_000, 3);
        assert!(escrow::job_balance(job) == 0, 4);
        let expected = escrow::job_completed_event(
            object::object_address(&job), 0, signer::address_of(&creator), signer::address_of(&worker),
            FRAMES, 6_000_000, 4_800_000, 1_200_000, 0, 0, true,
        );
        assert!(event::was_event_emitted(&expected), 5);
    }

    #[test]
    fun reclaim_refunds_everything_and_slashes() {
        h::setup();
        let (creator, worker, job, ledger) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        let worker_addr = signer::address_of(&worker);
        let stake_before = staking::stake_of(worker_addr);
        th::advance(h::render_time() + 1);
        escrow::reclaim(&creator, job);
        h::assert_conserved(&ledger);
        assert!(status_of(job) == 5, 1);
        assert!(th::balance(signer::address_of(&creator)) == FRAMES * MAX_PRICE, 2);
        let slashed = stake_before * 1000 / 10000;
        assert!(slashed > 0, 3);
        assert!(staking::stake_of(worker_addr) == stake_before - slashed, 4);
        assert!(staking::penalty_pool() == slashed, 5);
        let (_, jobs_completed, jobs_failed, _) = escrow::worker_stats(worker_addr);
        assert!(jobs_completed == 0 && jobs_failed == 1, 6);
        let expected = escrow::job_reclaimed_event(
            object::object_address(&job), 0, signer::address_of(&creator), worker_addr, FRAMES * PRICE, slashed,
        );
        assert!(event::was_event_emitted(&expected), 7);
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
        th::advance(1800);
        escrow::submit_result(&worker, job, FRAMES, b"second");
        h::assert_conserved(&ledger);
        assert!(lease_of(job) == 5400, 2);
        escrow::request_rerender(&creator, job, 1, th::now() + 7200);
        th::advance(600);
        escrow::submit_result(&worker, job, FRAMES, b"third");
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
        let (creator, worker, job, ledger) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        escrow::submit_result(&worker, job, FRAMES, b"root");
        escrow::dispute(&worker, job, b"creator silent");
        h::assert_conserved(&ledger);
        assert!(status_of(job) == 6, 1);
        escrow::resolve(&th::signer_of(th::arbiter()), job, 5);
        h::assert_conserved(&ledger);
        // gross 5 * 0.6 = 3.0: worker 2.4, fee 0.6, refund 3.0.
        assert!(status_of(job) == 7, 2);
        assert!(th::balance(signer::address_of(&worker)) == 2_400_000, 3);
        assert!(th::balance(th::treasury()) == 600_000, 4);
        assert!(th::balance(signer::address_of(&creator)) == 4_000_000 + 3_000_000, 5);
        let (_, jobs_completed, jobs_failed, _) = escrow::worker_stats(signer::address_of(&worker));
        assert!(jobs_completed == 1 && jobs_failed == 0, 6);
    }

    #[test]
    fun dispute_resolved_with_nothing_counts_as_failed() {
        h::setup();
        let (creator, worker, job, ledger) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        escrow::submit_result(&worker, job, FRAMES, b"root");
        escrow::dispute(&creator, job, b"frames are black");
        escrow::resolve(&th::signer_of(th::arbiter()), job, 0);
        h::assert_conserved(&ledger);
        assert!(th::balance(signer::address_of(&creator)) == FRAMES * MAX_PRICE, 1);
        let (frames_completed, jobs_completed, jobs_failed, _) = escrow::worker_stats(signer::address_of(&worker));
        assert!(frames_completed == 0 && jobs_completed == 0 && jobs_failed == 1, 2);
    }

    #[test]
    fun unresolved_dispute_finalizes_after_timeout() {
        h::setup();
        let (creator, worker, job, ledger) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        escrow::submit_result(&worker, job, FRAMES, b"root");
        escrow::dispute(&creator, job, b"reason");
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
        let job_a = h::create_job(&creator_a, FRAMES, MAX_PRICE);
        let job_b = h::create_job(&creator_b, FRAMES, MAX_PRICE);
        let deadline = th::now() + 3600;
        h::accept(&worker, &sk_a, pk_a, job_a, PRICE, deadline, 7);
        h::accept(&worker, &sk_b, pk_b, job_b, PRICE, deadline, 7);
        assert!(status_of(job_a) == 1 && status_of(job_b) == 1, 1);
    }

    // Pause ---------------------------------------------------------------------

    #[test]
    fun exits_work_while_paused() {
        h::setup();
        let (_, worker, job, ledger) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        let (creator2, _, _) = h::new_creator(FRAMES * MAX_PRICE);
        let open_job = h::create_job(&creator2, FRAMES, MAX_PRICE);
        pause();
        escrow::cancel(&creator2, open_job);
        assert!(th::balance(signer::address_of(&creator2)) == FRAMES * MAX_PRICE, 1);
        escrow::submit_result(&worker, job, FRAMES, b"root");
        escrow::dispute(&worker, job, b"reason");
        escrow::resolve(&th::signer_of(th::arbiter()), job, FRAMES);
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
    fun confirm_and_finalize_work_while_paused() {
        h::setup();
        let (creator, worker, job, ledger) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        escrow::submit_result(&worker, job, FRAMES, b"root");
        pause();
        escrow::confirm(&creator, job, FRAMES);
        h::assert_conserved(&ledger);
        assert!(status_of(job) == 3, 1);
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
        let (creator, worker, job, _) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        escrow::submit_result(&worker, job, FRAMES, b"root");
        pause();
        escrow::request_rerender(&creator, job, 1, th::now() + 3600);
    }

    // Abort codes ---------------------------------------------------------------

    #[test]
    #[expected_failure(abort_code = 0x10001 /* EZeroFrames */, location = lumen::escrow)]
    fun create_with_zero_frames_fails() {
        h::setup();
        let (creator, _, _) = h::new_creator(1);
        h::create_job(&creator, 0, MAX_PRICE);
    }

    #[test]
    #[expected_failure(abort_code = 0x10002 /* EZeroPrice */, location = lumen::escrow)]
    fun create_with_zero_price_fails() {
        h::setup();
        let (creator, _, _) = h::new_creator(1);
        h::create_job(&creator, FRAMES, 0);
    }

    #[test]
    #[expected_failure(abort_code = 0x20003 /* EDepositTooLarge */, location = lumen::escrow)]
    fun create_with_overflowing_deposit_fails() {
        h::setup();
        let (creator, _, _) = h::new_creator(1);
        h::create_job(&creator, 18446744073709551615, 2);
    }

    #[test]
    #[expected_failure(abort_code = 0x30004 /* EWrongStatus */, location = lumen::escrow)]
    fun accept_twice_fails() {
        h::setup();
        let (creator, sk, pk) = h::new_creator(FRAMES * MAX_PRICE);
        let (worker, _, _) = h::worker();
        let (worker2, _, _) = h::worker();
        let job = h::create_job(&creator, FRAMES, MAX_PRICE);
        h::accept(&worker, &sk, pk, job, PRICE, th::now() + 3600, 1);
        h::accept(&worker2, &sk, pk, job, PRICE, th::now() + 3600, 2);
    }

    #[test]
    #[expected_failure(abort_code = 0x30004 /* EWrongStatus */, location = lumen::escrow)]
    fun cancel_assigned_job_fails() {
        h::setup();
        let (creator, _, job, _) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        escrow::cancel(&creator, job);
    }

    #[test]
    #[expected_failure(abort_code = 0x30004 /* EWrongStatus */, location = lumen::escrow)]
    fun finalize_assigned_job_fails() {
        h::setup();
        let (_, _, job, _) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        escrow::finalize(&th::signer_of(@0xf00), job);
    }

    #[test]
    #[expected_failure(abort_code = 0x50005 /* ENotCreator */, location = lumen::escrow)]
    fun cancel_by_stranger_fails() {
        h::setup();
        let (creator, _, _) = h::new_creator(FRAMES * MAX_PRICE);
        let job = h::create_job(&creator, FRAMES, MAX_PRICE);
        escrow::cancel(&th::signer_of(@0xbad), job);
    }

    #[test]
    #[expected_failure(abort_code = 0x50005 /* ENotCreator */, location = lumen::escrow)]
    fun confirm_by_worker_fails() {
        h::setup();
        let (_, worker, job, _) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        escrow::submit_result(&worker, job, FRAMES, b"root");
        escrow::confirm(&worker, job, FRAMES);
    }

    #[test]
    #[expected_failure(abort_code = 0x50005 /* ENotCreator */, location = lumen::escrow)]
    fun reclaim_by_stranger_fails() {
        h::setup();
        let (_, _, job, _) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        th::advance(h::render_time() + 1);
        escrow::reclaim(&th::signer_of(@0xbad), job);
    }

    #[test]
    #[expected_failure(abort_code = 0x50005 /* ENotCreator */, location = lumen::escrow)]
    fun rerender_by_stranger_fails() {
        h::setup();
        let (_, worker, job, _) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        escrow::submit_result(&worker, job, FRAMES, b"root");
        escrow::request_rerender(&th::signer_of(@0xbad), job, 1, th::now() + 3600);
    }

    #[test]
    #[expected_failure(abort_code = 0x50006 /* ENotWorker */, location = lumen::escrow)]
    fun submit_by_stranger_fails() {
        h::setup();
        let (_, _, job, _) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        escrow::submit_result(&th::signer_of(@0xbad), job, FRAMES, b"root");
    }

    #[test]
    #[expected_failure(abort_code = 0x50007 /* ENotParty */, location = lumen::escrow)]
    fun dispute_by_stranger_fails() {
        h::setup();
        let (_, worker, job, _) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        escrow::submit_result(&worker, job, FRAMES, b"root");
        escrow::dispute(&th::signer_of(@0xbad), job, b"reason");
    }

    #[test]
    #[expected_failure(abort_code = 0x50008 /* ENotArbiter */, location = lumen::escrow)]
    fun resolve_by_creator_fails() {
        h::setup();
        let (creator, worker, job, _) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        escrow::submit_result(&worker, job, FRAMES, b"root");
        escrow::dispute(&creator, job, b"reason");
        escrow::resolve(&creator, job, FRAMES);
    }

    #[test]
    #[expected_failure(abort_code = 0x30004 /* EWrongStatus */, location = lumen::escrow)]
    fun resolve_undisputed_job_fails() {
        h::setup();
        let (_, worker, job, _) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        escrow::submit_result(&worker, job, FRAMES, b"root");
        escrow::resolve(&th::signer_of(th::arbiter()), job, FRAMES);
    }

    #[test]
    #[expected_failure(abort_code = 0x10009 /* EOfferExpired */, location = lumen::escrow)]
    fun expired_offer_fails() {
        h::setup();
        let (creator, sk, pk) = h::new_creator(FRAMES * MAX_PRICE);
        let (worker, _, _) = h::worker();
        let job = h::create_job(&creator, FRAMES, MAX_PRICE);
        let worker_addr = signer::address_of(&worker);
        let deadline = th::now() + 7200;
        let expires = th::now() + 60;
        let signature = h::sign_offer(&sk, job, worker_addr, PRICE, deadline, expires, 1);
        th::advance(60);
        escrow::accept_offer(&worker, job, PRICE, deadline, expires, 1, pk, signature);
    }

    #[test]
    #[expected_failure(abort_code = 0x1000a /* EBadDeadline */, location = lumen::escrow)]
    fun offer_with_past_deadline_fails() {
        h::setup();
        let (creator, sk, pk) = h::new_creator(FRAMES * MAX_PRICE);
        let (worker, _, _) = h::worker();
        let job = h::create_job(&creator, FRAMES, MAX_PRICE);
        h::accept(&worker, &sk, pk, job, PRICE, th::now(), 1);
    }

    #[test]
    #[expected_failure(abort_code = 0x1000a /* EBadDeadline */, location = lumen::escrow)]
    fun rerender_with_past_deadline_fails() {
        h::setup();
        let (creator, worker, job, _) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        escrow::submit_result(&worker, job, FRAMES, b"root");
        escrow::request_rerender(&creator, job, 1, th::now());
    }

    #[test]
    #[expected_failure(abort_code = 0x1000b /* EPriceAboveMax */, location = lumen::escrow)]
    fun offer_above_max_price_fails() {
        h::setup();
        let (creator, sk, pk) = h::new_creator(FRAMES * MAX_PRICE);
        let (worker, _, _) = h::worker();
        let job = h::create_job(&creator, FRAMES, MAX_PRICE);
        h::accept(&worker, &sk, pk, job, MAX_PRICE + 1, th::now() + 3600, 1);
    }

    #[test]
    #[expected_failure(abort_code = 0x8000c /* ENonceUsed */, location = lumen::escrow)]
    fun reused_offer_nonce_fails() {
        h::setup();
        let (creator, sk, pk) = h::new_creator(2 * FRAMES * MAX_PRICE);
        let (worker, _, _) = h::worker();
        let job_a = h::create_job(&creator, FRAMES, MAX_PRICE);
        let job_b = h::create_job(&creator, FRAMES, MAX_PRICE);
        h::accept(&worker, &sk, pk, job_a, PRICE, th::now() + 3600, 5);
        h::accept(&worker, &sk, pk, job_b, PRICE, th::now() + 3600, 5);
    }

    #[test]
    #[expected_failure(abort_code = 0x5000d /* EWrongPublicKey */, location = lumen::escrow)]
    fun offer_signed_by_another_key_fails() {
        h::setup();
        let (creator, _, _) = h::new_creator(FRAMES * MAX_PRICE);
        let (_, other_sk, other_pk) = h::new_creator(0);
        let (worker, _, _) = h::worker();
        let job = h::create_job(&creator, FRAMES, MAX_PRICE);
        h::accept(&worker, &other_sk, other_pk, job, PRICE, th::now() + 3600, 1);
    }

    #[test]
    #[expected_failure(abort_code = 0x1000e /* EBadSignature */, location = lumen::escrow)]
    fun offer_with_changed_price_fails() {
        h::setup();
        let (creator, sk, pk) = h::new_creator(FRAMES * MAX_PRICE);
        let (worker, _, _) = h::worker();
        let job = h::create_job(&creator, FRAMES, MAX_PRICE);
        let deadline = th::now() + 7200;
        let expires = th::now() + 3600;
        let signature = h::sign_offer(&sk, job, signer::address_of(&worker), PRICE, deadline, expires, 1);
        escrow::accept_offer(&worker, job, PRICE + 1, deadline, expires, 1, pk, signature);
    }

    #[test]
    #[expected_failure(abort_code = 0x1000e /* EBadSignature */, location = lumen::escrow)]
    fun offer_for_another_worker_fails() {
        h::setup();
        let (creator, sk, pk) = h::new_creator(FRAMES * MAX_PRICE);
        let (worker, _, _) = h::worker();
        let (thief, _, _) = h::worker();
        let job = h::create_job(&creator, FRAMES, MAX_PRICE);
        let deadline = th::now() + 7200;
        let expires = th::now() + 3600;
        let signature = h::sign_offer(&sk, job, signer::address_of(&worker), PRICE, deadline, expires, 1);
        escrow::accept_offer(&thief, job, PRICE, deadline, expires, 1, pk, signature);
    }

    #[test]
    #[expected_failure(abort_code = 0x5000f /* ENotEligible */, location = lumen::escrow)]
    fun unstaked_worker_fails() {
        h::setup();
        let (creator, sk, pk) = h::new_creator(FRAMES * MAX_PRICE);
        let (worker, worker_sk, worker_pk) = th::new_worker();
        th::give_score(&worker_sk, worker_pk, signer::address_of(&worker), h::worker_score(), h::worker_vram());
        let job = h::create_job(&creator, FRAMES, MAX_PRICE);
        h::accept(&worker, &sk, pk, job, PRICE, th::now() + 3600, 1);
    }

    #[test]
    #[expected_failure(abort_code = 0x10010 /* EScoreTooLow */, location = lumen::escrow)]
    fun worker_below_min_score_fails() {
        h::setup();
        let (creator, sk, pk) = h::new_creator(FRAMES * MAX_PRICE);
        let (worker, _, _) = h::worker();
        let job = h::create_job_with(&creator, FRAMES, MAX_PRICE, h::worker_score() + 1, 0);
        h::accept(&worker, &sk, pk, job, PRICE, th::now() + 3600, 1);
    }

    #[test]
    #[expected_failure(abort_code = 0x10011 /* EVramTooLow */, location = lumen::escrow)]
    fun worker_below_min_vram_fails() {
        h::setup();
        let (creator, sk, pk) = h::new_creator(FRAMES * MAX_PRICE);
        let (worker, _, _) = h::worker();
        let job = h::create_job_with(&creator, FRAMES, MAX_PRICE, 0, h::worker_vram() + 1);
        h::accept(&worker, &sk, pk, job, PRICE, th::now() + 3600, 1);
    }

    #[test]
    #[expected_failure(abort_code = 0x10012 /* ESelfAssignment */, location = lumen::escrow)]
    fun creator_taking_own_job_fails() {
        h::setup();
        let (creator, sk, pk) = h::new_creator(FRAMES * MAX_PRICE);
        let job = h::create_job(&creator, FRAMES, MAX_PRICE);
        h::accept(&creator, &sk, pk, job, PRICE, th::now() + 3600, 1);
    }

    #[test]
    #[expected_failure(abort_code = 0x10013 /* EBadFrames */, location = lumen::escrow)]
    fun submit_zero_frames_fails() {
        h::setup();
        let (_, worker, job, _) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        escrow::submit_result(&worker, job, 0, b"root");
    }

    #[test]
    #[expected_failure(abort_code = 0x10013 /* EBadFrames */, location = lumen::escrow)]
    fun confirm_more_than_submitted_fails() {
        h::setup();
        let (creator, worker, job, _) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        escrow::submit_result(&worker, job, 5, b"root");
        escrow::confirm(&creator, job, 6);
    }

    #[test]
    #[expected_failure(abort_code = 0x10013 /* EBadFrames */, location = lumen::escrow)]
    fun resolve_more_than_submitted_fails() {
        h::setup();
        let (creator, worker, job, _) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        escrow::submit_result(&worker, job, FRAMES, b"root");
        escrow::dispute(&creator, job, b"reason");
        escrow::resolve(&th::signer_of(th::arbiter()), job, FRAMES + 1);
    }

    #[test]
    #[expected_failure(abort_code = 0x30014 /* EDeadlinePassed */, location = lumen::escrow)]
    fun submit_after_deadline_fails() {
        h::setup();
        let (_, worker, job, _) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        th::advance(h::render_time() + 1);
        escrow::submit_result(&worker, job, FRAMES, b"root");
    }

    #[test]
    #[expected_failure(abort_code = 0x30015 /* EReviewWindowClosed */, location = lumen::escrow)]
    fun confirm_after_review_window_fails() {
        h::setup();
        let (creator, worker, job, _) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        escrow::submit_result(&worker, job, FRAMES, b"root");
        th::advance(259_201);
        escrow::confirm(&creator, job, FRAMES);
    }

    #[test]
    #[expected_failure(abort_code = 0x30015 /* EReviewWindowClosed */, location = lumen::escrow)]
    fun dispute_after_review_window_fails() {
        h::setup();
        let (creator, worker, job, _) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        escrow::submit_result(&worker, job, FRAMES, b"root");
        th::advance(259_201);
        escrow::dispute(&creator, job, b"late");
    }

    #[test]
    #[expected_failure(abort_code = 0x30016 /* EReviewWindowOpen */, location = lumen::escrow)]
    fun finalize_inside_review_window_fails() {
        h::setup();
        let (_, worker, job, _) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        escrow::submit_result(&worker, job, FRAMES, b"root");
        th::advance(259_200);
        escrow::finalize(&th::signer_of(@0xf00), job);
    }

    #[test]
    #[expected_failure(abort_code = 0x20017 /* ETooManyRerenders */, location = lumen::escrow)]
    fun third_rerender_fails() {
        h::setup();
        let (creator, worker, job, _) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        let round = 0;
        while (round < 3) {
            escrow::submit_result(&worker, job, FRAMES, b"root");
            escrow::request_rerender(&creator, job, 1, th::now() + 3600);
            round = round + 1;
        };
    }

    #[test]
    #[expected_failure(abort_code = 0x30018 /* EDeadlineNotPassed */, location = lumen::escrow)]
    fun reclaim_before_deadline_fails() {
        h::setup();
        let (creator, _, job, _) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        th::advance(h::render_time());
        escrow::reclaim(&creator, job);
    }

    #[test]
    #[expected_failure(abort_code = 0x30019 /* EDisputeTimeoutNotPassed */, location = lumen::escrow)]
    fun finalize_dispute_before_timeout_fails() {
        h::setup();
        let (creator, worker, job, _) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        escrow::submit_result(&worker, job, FRAMES, b"root");
        escrow::dispute(&creator, job, b"reason");
        th::advance(1_209_599);
        escrow::finalize(&th::signer_of(@0xf00), job);
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
