#[test_only]
/// Escrow after a submission: partial acceptance and the worker's response,
/// who may dispute when and what a dispute's timeout pays, the arbiter set,
/// claimable balances and offer nonces. Money conservation after every step.
///
/// Standard job: 10 frames at a maximum of 1.0 unit per frame, assigned at 0.6.
module lumen::escrow_review_tests {
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
    const RESPONSE_WINDOW: u64 = 259_200;
    const DISPUTE_TIMEOUT: u64 = 1_209_600;

    fun status_of(job: object::Object<escrow::Job>): u8 {
        let info = escrow::job_info(job);
        let (_, _, _, status) = escrow::info_parties(&info);
        status
    }

    // Partial acceptance -----------------------------------------------------------

    #[test]
    fun partial_acceptance_waits_for_the_worker_who_accepts() {
        h::setup();
        let (creator, worker, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        let creator_addr = signer::address_of(&creator);
        let worker_addr = signer::address_of(&worker);
        let job_addr = object::object_address(&job);
        escrow::confirm(&creator, job, 7);
        h::assert_conserved(&ledger);
        assert!(status_of(job) == 8, 1);
        assert!(escrow::job_balance(job) == FRAMES * PRICE, 2);
        let info = escrow::job_info(job);
        let (frames_accepted, response_deadline, _, _, _) = escrow::info_review(&info);
        assert!(frames_accepted == 7 && response_deadline == th::now() + RESPONSE_WINDOW, 3);
        assert!(
            event::was_event_emitted(&escrow::partially_accepted_event(
                job_addr, 0, creator_addr, worker_addr, FRAMES, 7, th::now() + RESPONSE_WINDOW,
            )),
            4,
        );
        th::advance(60);
        escrow::accept_partial(&worker, job);
        h::assert_conserved(&ledger);
        // 7 frames at 0.6 = 4.2: worker 3.36, fee 0.84 (0.63 into the epoch's
        // pool, 0.21 to the treasury), creator 1.8 back.
        assert!(status_of(job) == 3, 5);
        assert!(th::balance(worker_addr) == 3_360_000, 6);
        assert!(th::balance(th::treasury()) == 210_000, 7);
        let expected = escrow::job_completed_event(
            job_addr, 0, creator_addr, worker_addr, 7, 4_200_000, 3_360_000, 840_000, 1_800_000, 3600, false,
        );
        assert!(event::was_event_emitted(&expected), 8);
        let (frames_completed, jobs_completed, _, _) = escrow::worker_stats(worker_addr);
        assert!(frames_completed == 7 && jobs_completed == 1, 9);
    }

    #[test]
    fun silence_after_partial_acceptance_pays_the_accepted_frames() {
        h::setup();
        let (creator, worker, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        escrow::confirm(&creator, job, 4);
        h::assert_conserved(&ledger);
        th::advance(RESPONSE_WINDOW + 1);
        escrow::finalize(&th::signer_of(@0xf00), job);
        h::assert_conserved(&ledger);
        assert!(status_of(job) == 3, 1);
        assert!(th::balance(signer::address_of(&worker)) == 1_920_000, 2);
        assert!(th::balance(signer::address_of(&creator)) == 4_000_000 + 3_600_000, 3);
    }

    #[test]
    fun zero_accepted_and_agreed_counts_no_work() {
        h::setup();
        let (creator, worker, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        let worker_addr = signer::address_of(&worker);
        escrow::confirm(&creator, job, 0);
        h::assert_conserved(&ledger);
        escrow::accept_partial(&worker, job);
        h::assert_conserved(&ledger);
        assert!(th::balance(signer::address_of(&creator)) == FRAMES * MAX_PRICE, 1);
        // Only paid work counts: no frames, no completed job, no lease, no spend.
        let (frames_completed, jobs_completed, jobs_failed, lease_secs) = escrow::worker_stats(worker_addr);
        assert!(frames_completed == 0 && jobs_completed == 0 && jobs_failed == 0 && lease_secs == 0, 2);
        let (spent_total, _, frames_succeeded) = escrow::creator_stats(signer::address_of(&creator));
        assert!(spent_total == 0 && frames_succeeded == 0, 3);
        let epoch_info = rewards::epoch_info(rewards::current_epoch());
        let (_, pod_weight) = rewards::epoch_weights(&epoch_info);
        assert!(pod_weight == 0, 4);
        assert!(staking::locked_of(worker_addr) == 0, 5);
    }

    // Disputes: who opens, what the timeout pays ------------------------------------

    #[test]
    fun worker_dispute_of_a_partial_acceptance_times_out_to_the_creators_offer() {
        h::setup();
        let (creator, worker, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        let worker_addr = signer::address_of(&worker);
        escrow::confirm(&creator, job, 6);
        h::assert_conserved(&ledger);
        escrow::dispute(&worker, job, b"all ten are fine");
        h::assert_conserved(&ledger);
        let info = escrow::job_info(job);
        let (_, _, disputed_by, _, timeout_frames) = escrow::info_review(&info);
        assert!(disputed_by == worker_addr && timeout_frames == 6, 1);
        th::advance(DISPUTE_TIMEOUT - 1);
        // The arbiter can still rule at the last second.
        assert!(status_of(job) == 6, 2);
        th::advance(1);
        escrow::finalize(&th::signer_of(@0xf00), job);
        h::assert_conserved(&ledger);
        // 6 frames at 0.6 = 3.6: worker 2.88.
        assert!(th::balance(worker_addr) == 2_880_000, 3);
    }

    #[test]
    fun worker_dispute_of_a_missed_rerender_times_out_to_the_creators_position() {
        h::setup();
        let (creator, worker, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        let worker_addr = signer::address_of(&worker);
        escrow::request_rerender(&creator, job, 3, th::now() + h::render_time());
        h::assert_conserved(&ledger);
        th::advance(h::render_time() + 1);
        escrow::dispute(&worker, job, b"seven frames were fine");
        h::assert_conserved(&ledger);
        let info = escrow::job_info(job);
        let (_, _, disputed_by, _, timeout_frames) = escrow::info_review(&info);
        assert!(disputed_by == worker_addr && timeout_frames == FRAMES - 3, 1);
        th::advance(DISPUTE_TIMEOUT);
        escrow::finalize(&th::signer_of(@0xf00), job);
        h::assert_conserved(&ledger);
        // 7 frames at 0.6 = 4.2: worker 3.36; nothing slashed.
        assert!(th::balance(worker_addr) == 3_360_000, 2);
        assert!(staking::penalty_pool() == 0, 3);
        assert!(staking::locked_of(worker_addr) == 0, 4);
    }

    #[test]
    fun rerender_of_more_frames_than_delivered_leaves_nothing_by_default() {
        h::setup();
        let (creator, worker, job, ledger) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        escrow::submit_result(&worker, job, 2, b"two frames");
        h::assert_conserved(&ledger);
        escrow::request_rerender(&creator, job, FRAMES, th::now() + h::render_time());
        h::assert_conserved(&ledger);
        th::advance(h::render_time() + 1);
        escrow::dispute(&worker, job, b"reason");
        h::assert_conserved(&ledger);
        let info = escrow::job_info(job);
        let (_, _, _, _, timeout_frames) = escrow::info_review(&info);
        assert!(timeout_frames == 0, 1);
    }

    #[test]
    fun dispute_timeout_is_the_one_agreed_at_assignment() {
        h::setup();
        let (creator, worker, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        th::set_param(b"dispute_timeout_secs", 60);
        th::set_param(b"response_window_secs", 1);
        escrow::confirm(&creator, job, 6);
        h::assert_conserved(&ledger);
        let info = escrow::job_info(job);
        let (_, response_deadline, _, _, _) = escrow::info_review(&info);
        assert!(response_deadline == th::now() + RESPONSE_WINDOW, 1);
        escrow::dispute(&worker, job, b"reason");
        h::assert_conserved(&ledger);
        th::advance(61);
        // Still Disputed: the job's own timeout is two weeks.
        assert!(status_of(job) == 6, 2);
        escrow::resolve(&h::arbiter(), job, FRAMES);
        h::assert_conserved(&ledger);
        assert!(status_of(job) == 7, 3);
    }

    // Arbiter set -------------------------------------------------------------------

    #[test]
    fun any_member_of_the_arbiter_set_resolves() {
        h::setup();
        config::add_arbiter(&th::lumen_signer(), @0xa4b);
        let (creator, worker, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        escrow::dispute(&creator, job, b"reason");
        h::assert_conserved(&ledger);
        escrow::resolve(&th::signer_of(@0xa4b), job, 5);
        h::assert_conserved(&ledger);
        assert!(status_of(job) == 7, 1);
        assert!(th::balance(signer::address_of(&worker)) == 2_400_000, 2);
    }

    #[test]
    fun without_arbiters_a_dispute_still_ends_by_timeout() {
        h::setup();
        config::remove_arbiter(&th::lumen_signer(), th::arbiter());
        let (creator, worker, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        escrow::dispute(&creator, job, b"reason");
        h::assert_conserved(&ledger);
        th::advance(DISPUTE_TIMEOUT);
        escrow::finalize(&worker, job);
        h::assert_conserved(&ledger);
        assert!(status_of(job) == 3, 1);
    }

    // Claimable balances ------------------------------------------------------------

    #[test]
    fun legs_of_a_frozen_creator_add_up_until_withdrawn() {
        h::setup();
        let (creator, sk, pk) = h::new_creator(FRAMES * MAX_PRICE);
        let (worker, _, _) = h::worker();
        let creator_addr = signer::address_of(&creator);
        let worker_addr = signer::address_of(&worker);
        let job = h::create_job(&creator, FRAMES, MAX_PRICE);
        let job_addr = object::object_address(&job);
        let ledger = h::ledger_from(job, creator_addr, worker_addr, FRAMES * MAX_PRICE, 0, 0);
        th::set_frozen(creator_addr, true);
        h::accept(&worker, &sk, pk, job, PRICE, th::now() + 3600, 1);
        h::assert_conserved(&ledger);
        // The excess deposit (4.0) could not reach the creator.
        assert!(escrow::claimable_of(creator_addr) == 4_000_000, 1);
        assert!(status_of(job) == 1, 2);
        escrow::submit_result(&worker, job, 5, b"five frames");
        h::assert_conserved(&ledger);
        escrow::confirm(&creator, job, 5);
        h::assert_conserved(&ledger);
        // 5 frames paid (3.0), the other 3.0 refunded into the same claimable balance.
        assert!(th::balance(worker_addr) == 2_400_000, 3);
        assert!(escrow::claimable_of(creator_addr) == 7_000_000, 4);
        assert!(
            event::was_event_emitted(&escrow::claimable_credited_event(creator_addr, job_addr, 3_000_000, 7_000_000)),
            5,
        );
        assert!(th::balance(escrow::registry_address()) == 7_000_000, 6);
        th::set_frozen(creator_addr, false);
        escrow::withdraw(&creator);
        h::assert_conserved(&ledger);
        assert!(th::balance(creator_addr) == 7_000_000, 7);
        assert!(escrow::claimable_of(creator_addr) == 0, 8);
        assert!(th::balance(escrow::registry_address()) == 0, 9);
    }
}
