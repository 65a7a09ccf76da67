#[test_only]
/// The eight attacks a review of the escrow found, each performed as written,
/// with the outcome the rules now guarantee: the worker is paid what it
/// delivered, nothing is slashed without cause, the creator cannot keep output
/// for free, terms do not move under a job, one frozen store blocks nobody.
/// Money conservation is asserted after every step.
///
/// Standard job: 10 frames at a maximum of 1.0 unit per frame, assigned at 0.6
/// per frame to a worker holding exactly its minimum stake (699.84 units), so the
/// job's value and collateral are 6.0.
module lumen::escrow_attack_tests {
    use std::signer;
    use aptos_framework::event;
    use aptos_framework::object;
    use lumen::escrow;
    use lumen::escrow_test_helpers as h;
    use lumen::staking;
    use lumen::test_helpers as th;

    const FRAMES: u64 = 10;
    const MAX_PRICE: u64 = 1_000_000;
    const PRICE: u64 = 600_000;
    /// 80 % of 10 frames at 0.6.
    const WORKER_FULL_PAY: u64 = 4_800_000;
    const DISPUTE_TIMEOUT: u64 = 1_209_600;

    fun status_of(job: object::Object<escrow::Job>): u8 {
        let info = escrow::job_info(job);
        let (_, _, _, status) = escrow::info_parties(&info);
        status
    }

    // 1. Rerender then reclaim ---------------------------------------------------

    #[test]
    #[expected_failure(abort_code = 0x1001a /* ERerenderTooShort */, location = lumen::escrow)]
    fun attack1_rerender_due_one_second_later_is_refused() {
        h::setup();
        let (creator, _, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        h::assert_conserved(&ledger);
        escrow::request_rerender(&creator, job, 1, th::now() + 1);
    }

    #[test]
    #[expected_failure(abort_code = 0x3001b /* EAlreadyDelivered */, location = lumen::escrow)]
    fun attack1_reclaim_after_a_missed_rerender_is_refused() {
        h::setup();
        let (creator, _, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        escrow::request_rerender(&creator, job, 1, th::now() + h::render_time());
        h::assert_conserved(&ledger);
        th::advance(h::render_time() + 1);
        escrow::reclaim(&creator, job);
    }

    #[test]
    fun attack1_missed_rerender_is_judged_and_never_slashed() {
        h::setup();
        let (creator, worker, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        let worker_addr = signer::address_of(&worker);
        let stake = staking::stake_of(worker_addr);
        escrow::request_rerender(&creator, job, 2, th::now() + h::render_time());
        h::assert_conserved(&ledger);
        th::advance(h::render_time() + 1);
        // The creator opens the dispute, so its timeout would pay the worker's delivery.
        escrow::dispute(&creator, job, b"rerender missed");
        h::assert_conserved(&ledger);
        assert!(status_of(job) == 6, 1);
        let expected = escrow::job_disputed_event(
            object::object_address(&job), 0, signer::address_of(&creator), b"rerender missed",
            signer::address_of(&creator), worker_addr, FRAMES, FRAMES, th::now() + DISPUTE_TIMEOUT,
        );
        assert!(event::was_event_emitted(&expected), 2);
        escrow::resolve(&h::arbiter(), job, FRAMES - 2);
        h::assert_conserved(&ledger);
        // 8 frames at 0.6: worker 3.84, fee 0.96, creator 1.2 back.
        assert!(th::balance(worker_addr) == 3_840_000, 3);
        assert!(staking::stake_of(worker_addr) == stake, 4);
        assert!(staking::locked_of(worker_addr) == 0, 5);
        assert!(staking::penalty_pool() == 0, 6);
        let (_, _, jobs_failed, _) = escrow::worker_stats(worker_addr);
        assert!(jobs_failed == 0, 7);
    }

    #[test]
    fun attack1_one_frame_jobs_cannot_drain_a_rivals_stake() {
        h::setup();
        let (creator, creator_sk, creator_pk) = h::new_creator(3 * MAX_PRICE);
        let (worker, _, _) = h::worker();
        let creator_addr = signer::address_of(&creator);
        let worker_addr = signer::address_of(&worker);
        // A margin above S(n), so that the worker stays eligible after a slash.
        th::stake_for(&worker, 10 * MAX_PRICE);
        let stake = staking::stake_of(worker_addr);
        let round = 0;
        while (round < 3) {
            let ledger_start = h::holdings(creator_addr);
            let job = h::create_job(&creator, 1, MAX_PRICE);
            let ledger = h::ledger_from(job, creator_addr, worker_addr, ledger_start, 0, 0);
            h::assert_conserved(&ledger);
            h::accept(&worker, &creator_sk, creator_pk, job, PRICE, th::now() + 60, round + 1);
            h::assert_conserved(&ledger);
            th::advance(61);
            escrow::reclaim(&creator, job);
            h::assert_conserved(&ledger);
            round += 1;
        };
        // Each reclaim slashed the job's value (1 frame at 0.6), not 10 % of the stake.
        assert!(stake - staking::stake_of(worker_addr) == 3 * PRICE, 1);
        assert!(staking::penalty_pool() == 3 * PRICE, 2);
    }

    // 2. Confirm 0 ---------------------------------------------------------------

    #[test]
    fun attack2_confirm_zero_lets_the_worker_dispute_and_be_paid() {
        h::setup();
        let (creator, worker, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        escrow::confirm(&creator, job, 0);
        h::assert_conserved(&ledger);
        // Nothing moved: the worker has its say first.
        assert!(status_of(job) == 8, 1);
        assert!(escrow::job_balance(job) == FRAMES * PRICE, 2);
        escrow::dispute(&worker, job, b"all ten frames delivered");
        h::assert_conserved(&ledger);
        assert!(status_of(job) == 6, 3);
        escrow::resolve(&h::arbiter(), job, FRAMES);
        h::assert_conserved(&ledger);
        assert!(th::balance(signer::address_of(&worker)) == WORKER_FULL_PAY, 4);
    }

    // 3. Price 0 -----------------------------------------------------------------

    #[test]
    #[expected_failure(abort_code = 0x10002 /* EPriceBelowMin */, location = lumen::escrow)]
    fun attack3_free_jobs_cannot_farm_statistics() {
        h::setup();
        let (creator, sk, pk) = h::new_creator(FRAMES * MAX_PRICE);
        let (worker, _, _) = h::worker();
        let job = h::create_job(&creator, FRAMES, MAX_PRICE);
        let ledger = h::ledger_from(job, signer::address_of(&creator), signer::address_of(&worker), FRAMES * MAX_PRICE, 0, 0);
        h::assert_conserved(&ledger);
        h::accept(&worker, &sk, pk, job, 0, th::now() + 3600, 1);
        // What the pair got for free before: counters, priority and PoD weight.
        escrow::submit_result(&worker, job, FRAMES, b"root");
        escrow::confirm(&creator, job, FRAMES);
        let (frames_completed, jobs_completed, _, _) = escrow::worker_stats(signer::address_of(&worker));
        assert!(frames_completed == 0 && jobs_completed == 0, 1);
        let (_, _, frames_succeeded) = escrow::creator_stats(signer::address_of(&creator));
        assert!(frames_succeeded == 0, 2);
    }

    // 4. Collateral that is not there --------------------------------------------

    #[test]
    #[expected_failure(abort_code = 0x5000f /* ENotEligible */, location = lumen::escrow)]
    fun attack4_a_tiny_declared_price_does_not_shrink_the_minimum_stake() {
        h::setup();
        let (creator, sk, pk) = h::new_creator(FRAMES * MAX_PRICE);
        let (worker, worker_sk, worker_pk) = th::new_worker();
        let worker_addr = signer::address_of(&worker);
        th::give_score(&worker_sk, worker_pk, worker_addr, h::worker_score(), h::worker_vram());
        staking::set_price(&worker, 1);
        // 350 base units: S(n) at a price of 1 per IB-hour.
        th::stake_for(&worker, staking::compute_min_stake(2, h::worker_score(), 1));
        let job = h::create_job(&creator, FRAMES, MAX_PRICE);
        h::accept(&worker, &sk, pk, job, PRICE, th::now() + 3600, 1);
    }

    #[test]
    #[expected_failure(abort_code = 0x30006 /* EStakeLocked */, location = lumen::staking)]
    fun attack4_worker_cannot_unstake_while_holding_a_job() {
        h::setup();
        let (_, worker, _, ledger) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        h::assert_conserved(&ledger);
        staking::request_unstake(&worker, staking::stake_of(signer::address_of(&worker)));
    }

    #[test]
    fun attack4_free_stake_may_leave_but_the_collateral_is_slashed() {
        h::setup();
        let (creator, worker, job, ledger) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        let worker_addr = signer::address_of(&worker);
        let collateral = staking::locked_of(worker_addr);
        assert!(collateral == FRAMES * PRICE, 1);
        let free = staking::stake_of(worker_addr) - collateral;
        staking::request_unstake(&worker, free);
        th::advance(604_800);
        staking::withdraw(&worker);
        h::note_worker_income(&mut ledger, free);
        h::assert_conserved(&ledger);
        escrow::reclaim(&creator, job);
        h::assert_conserved(&ledger);
        assert!(staking::stake_of(worker_addr) == 0, 2);
        assert!(staking::locked_of(worker_addr) == 0, 3);
        assert!(staking::penalty_pool() == collateral, 4);
        let expected = escrow::job_reclaimed_event(
            object::object_address(&job), 0, signer::address_of(&creator), worker_addr, FRAMES * PRICE, collateral,
        );
        assert!(event::was_event_emitted(&expected), 5);
    }

    // 5. Dispute to win by default -----------------------------------------------

    #[test]
    #[expected_failure(abort_code = 0x50005 /* ENotCreator */, location = lumen::escrow)]
    fun attack5_worker_cannot_dispute_its_own_submission() {
        h::setup();
        let (_, worker, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        h::assert_conserved(&ledger);
        escrow::dispute(&worker, job, b"pay me before anyone looks");
    }

    #[test]
    fun attack5_garbage_disputed_by_its_worker_times_out_to_nothing() {
        h::setup();
        let (creator, worker, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        escrow::confirm(&creator, job, 0);
        h::assert_conserved(&ledger);
        escrow::dispute(&worker, job, b"pay me");
        h::assert_conserved(&ledger);
        th::advance(DISPUTE_TIMEOUT);
        escrow::finalize(&th::signer_of(@0xf00), job);
        h::assert_conserved(&ledger);
        assert!(status_of(job) == 3, 1);
        assert!(th::balance(signer::address_of(&worker)) == 0, 2);
        assert!(th::balance(signer::address_of(&creator)) == FRAMES * MAX_PRICE, 3);
    }

    // 6. Terms read at payout ----------------------------------------------------

    #[test]
    fun attack6_parameter_changes_do_not_reach_a_job_in_flight() {
        h::setup();
        let (creator, worker, job, ledger) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        th::set_param(b"worker_commission_bps", 0);
        th::set_param(b"review_window_secs", 0);
        th::set_param(b"max_rerenders", 0);
        th::set_param(b"min_rerender_secs", 30 * 86_400);
        th::set_param(b"slash_bps", 10_000);
        th::set_param(b"slash_cap_bps", 100_000);
        th::advance(3600);
        escrow::submit_result(&worker, job, FRAMES, b"first");
        h::assert_conserved(&ledger);
        let info = escrow::job_info(job);
        let (_, _, _, _, _, review_deadline) = escrow::info_work(&info);
        assert!(review_deadline == th::now() + 259_200, 1);
        escrow::request_rerender(&creator, job, 1, th::now() + h::render_time());
        h::assert_conserved(&ledger);
        escrow::submit_result(&worker, job, FRAMES, b"second");
        h::assert_conserved(&ledger);
        escrow::confirm(&creator, job, FRAMES);
        h::assert_conserved(&ledger);
        assert!(th::balance(signer::address_of(&worker)) == WORKER_FULL_PAY, 2);
    }

    #[test]
    fun attack6_reclaim_slashes_what_was_agreed_at_assignment() {
        h::setup();
        let (creator, worker, job, ledger) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        let worker_addr = signer::address_of(&worker);
        let stake = staking::stake_of(worker_addr);
        th::set_param(b"slash_bps", 10_000);
        th::set_param(b"slash_cap_bps", 100_000);
        th::advance(h::render_time() + 1);
        escrow::reclaim(&creator, job);
        h::assert_conserved(&ledger);
        assert!(stake - staking::stake_of(worker_addr) == FRAMES * PRICE, 1);
    }

    // 7. One frozen store blocks everyone ----------------------------------------

    #[test]
    fun attack7_a_frozen_treasury_blocks_nobody() {
        h::setup();
        let (creator, worker, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        th::set_frozen(th::treasury(), true);
        escrow::confirm(&creator, job, FRAMES);
        h::assert_conserved(&ledger);
        assert!(th::balance(signer::address_of(&worker)) == WORKER_FULL_PAY, 1);
        // Three quarters of the fee went into the epoch's pool; the treasury's quarter waits.
        assert!(th::balance(th::treasury()) == 0, 2);
        assert!(escrow::claimable_of(th::treasury()) == 300_000, 3);
        assert!(th::balance(escrow::registry_address()) == 300_000, 4);
        let credited = escrow::claimable_credited_event(th::treasury(), object::object_address(&job), 300_000, 300_000);
        assert!(event::was_event_emitted(&credited), 5);
        th::set_frozen(th::treasury(), false);
        escrow::withdraw(&th::signer_of(th::treasury()));
        h::assert_conserved(&ledger);
        assert!(th::balance(th::treasury()) == 300_000, 6);
        assert!(escrow::claimable_of(th::treasury()) == 0, 7);
        assert!(th::balance(escrow::registry_address()) == 0, 8);
        assert!(event::was_event_emitted(&escrow::claimable_withdrawn_event(th::treasury(), 300_000)), 9);
    }

    #[test]
    fun attack7_a_frozen_creator_blocks_nobody() {
        h::setup();
        let (creator, worker, job, ledger) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        let creator_addr = signer::address_of(&creator);
        th::advance(3600);
        escrow::submit_result(&worker, job, 8, b"root");
        h::assert_conserved(&ledger);
        th::set_frozen(creator_addr, true);
        th::advance(259_201);
        escrow::finalize(&th::signer_of(@0xf00), job);
        h::assert_conserved(&ledger);
        assert!(th::balance(signer::address_of(&worker)) == 3_840_000, 1);
        assert!(th::balance(th::treasury()) == 240_000, 2);
        assert!(escrow::claimable_of(creator_addr) == 1_200_000, 3);
    }

    #[test]
    fun attack7_a_frozen_worker_blocks_nobody() {
        h::setup();
        let (creator, worker, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        let worker_addr = signer::address_of(&worker);
        th::set_frozen(worker_addr, true);
        escrow::confirm(&creator, job, FRAMES);
        h::assert_conserved(&ledger);
        assert!(th::balance(th::treasury()) == 300_000, 1);
        assert!(escrow::claimable_of(worker_addr) == WORKER_FULL_PAY, 2);
        th::set_frozen(worker_addr, false);
        escrow::withdraw(&worker);
        h::assert_conserved(&ledger);
        assert!(th::balance(worker_addr) == WORKER_FULL_PAY, 3);
    }

    // 8. No nonce burn -----------------------------------------------------------

    #[test]
    #[expected_failure(abort_code = 0x8000c /* ENonceUsed */, location = lumen::escrow)]
    fun attack8_a_withdrawn_offer_cannot_be_accepted() {
        h::setup();
        let (creator, sk, pk) = h::new_creator(FRAMES * MAX_PRICE);
        let (worker, _, _) = h::worker();
        let creator_addr = signer::address_of(&creator);
        let job = h::create_job(&creator, FRAMES, MAX_PRICE);
        let ledger = h::ledger_from(job, creator_addr, signer::address_of(&worker), FRAMES * MAX_PRICE, 0, 0);
        let deadline = th::now() + 7200;
        let expires = th::now() + 3600;
        let signature = h::sign_offer(&sk, job, signer::address_of(&worker), PRICE, deadline, expires, 7);
        assert!(!escrow::is_nonce_used(creator_addr, 7), 1);
        escrow::burn_nonce(&creator, 7);
        h::assert_conserved(&ledger);
        assert!(escrow::is_nonce_used(creator_addr, 7), 2);
        assert!(!escrow::is_nonce_used(creator_addr, 8), 3);
        assert!(event::was_event_emitted(&escrow::nonce_burned_event(creator_addr, 7)), 4);
        escrow::accept_offer(&worker, job, PRICE, deadline, expires, 7, pk, signature);
    }
}
