#[test_only]
/// Escrow: every abort code of `escrow` (and the staking aborts escrow calls
/// reach), each hit by an `expected_failure` test naming it. Money conservation
/// is asserted before the aborting call where a job holds money.
module lumen::escrow_abort_tests {
    use std::signer;
    use lumen::config;
    use lumen::escrow;
    use lumen::escrow_test_helpers as h;
    use lumen::test_helpers as th;

    const FRAMES: u64 = 10;
    const MAX_PRICE: u64 = 1_000_000;
    const PRICE: u64 = 600_000;

    #[test]
    #[expected_failure(abort_code = 0x10001 /* EZeroFrames */, location = lumen::escrow)]
    fun create_with_zero_frames_fails() {
        h::setup();
        let (creator, _, _) = h::new_creator(1);
        h::create_job(&creator, 0, MAX_PRICE);
    }

    #[test]
    #[expected_failure(abort_code = 0x10002 /* EPriceBelowMin */, location = lumen::escrow)]
    fun create_below_min_price_fails() {
        h::setup();
        let (creator, _, _) = h::new_creator(FRAMES * MAX_PRICE);
        h::create_job(&creator, FRAMES, 999);
    }

    #[test]
    #[expected_failure(abort_code = 0x10002 /* EPriceBelowMin */, location = lumen::escrow)]
    fun offer_below_min_price_fails() {
        h::setup();
        let (creator, sk, pk) = h::new_creator(FRAMES * MAX_PRICE);
        let (worker, _, _) = h::worker();
        let job = h::create_job(&creator, FRAMES, MAX_PRICE);
        th::set_param(b"min_price_per_frame", PRICE + 1);
        h::accept(&worker, &sk, pk, job, PRICE, th::now() + 3600, 1);
    }

    #[test]
    #[expected_failure(abort_code = 0x20003 /* EDepositTooLarge */, location = lumen::escrow)]
    fun create_with_overflowing_deposit_fails() {
        h::setup();
        let (creator, _, _) = h::new_creator(1);
        h::create_job(&creator, 18446744073709551615, 1_000);
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
        let (_, worker, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        h::assert_conserved(&ledger);
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
        let (_, _, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        h::assert_conserved(&ledger);
        escrow::request_rerender(&th::signer_of(@0xbad), job, 1, th::now() + h::render_time());
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
        let (_, _, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        h::assert_conserved(&ledger);
        escrow::dispute(&th::signer_of(@0xbad), job, b"reason");
    }

    #[test]
    #[expected_failure(abort_code = 0x50008 /* ENotArbiter */, location = lumen::escrow)]
    fun resolve_by_creator_fails() {
        h::setup();
        let (creator, _, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        escrow::dispute(&creator, job, b"reason");
        h::assert_conserved(&ledger);
        escrow::resolve(&creator, job, FRAMES);
    }

    #[test]
    #[expected_failure(abort_code = 0x50008 /* ENotArbiter */, location = lumen::escrow)]
    fun resolve_by_removed_arbiter_fails() {
        h::setup();
        let (creator, _, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        escrow::dispute(&creator, job, b"reason");
        h::assert_conserved(&ledger);
        config::add_arbiter(&th::lumen_signer(), @0xa4b);
        config::remove_arbiter(&th::lumen_signer(), th::arbiter());
        escrow::resolve(&h::arbiter(), job, FRAMES);
    }

    #[test]
    #[expected_failure(abort_code = 0x30004 /* EWrongStatus */, location = lumen::escrow)]
    fun resolve_undisputed_job_fails() {
        h::setup();
        let (_, _, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        h::assert_conserved(&ledger);
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
    #[expected_failure(abort_code = 0x1001a /* ERerenderTooShort */, location = lumen::escrow)]
    fun rerender_with_past_deadline_fails() {
        h::setup();
        let (creator, _, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        h::assert_conserved(&ledger);
        escrow::request_rerender(&creator, job, 1, th::now());
    }

    #[test]
    #[expected_failure(abort_code = 0x1001a /* ERerenderTooShort */, location = lumen::escrow)]
    fun rerender_shorter_than_the_first_assignment_fails() {
        h::setup();
        let (creator, _, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        h::assert_conserved(&ledger);
        escrow::request_rerender(&creator, job, 1, th::now() + h::render_time() - 1);
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
        let (creator, worker, job, ledger) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        escrow::submit_result(&worker, job, 5, b"root");
        h::assert_conserved(&ledger);
        escrow::confirm(&creator, job, 6);
    }

    #[test]
    #[expected_failure(abort_code = 0x10013 /* EBadFrames */, location = lumen::escrow)]
    fun resolve_more_than_submitted_fails() {
        h::setup();
        let (creator, _, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        h::assert_conserved(&ledger);
        escrow::dispute(&creator, job, b"reason");
        h::assert_conserved(&ledger);
        escrow::resolve(&h::arbiter(), job, FRAMES + 1);
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
        let (creator, _, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        h::assert_conserved(&ledger);
        th::advance(259_201);
        escrow::confirm(&creator, job, FRAMES);
    }

    #[test]
    #[expected_failure(abort_code = 0x30015 /* EReviewWindowClosed */, location = lumen::escrow)]
    fun dispute_after_review_window_fails() {
        h::setup();
        let (creator, _, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        h::assert_conserved(&ledger);
        th::advance(259_201);
        escrow::dispute(&creator, job, b"late");
    }

    #[test]
    #[expected_failure(abort_code = 0x30016 /* EReviewWindowOpen */, location = lumen::escrow)]
    fun finalize_inside_review_window_fails() {
        h::setup();
        let (_, _, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        h::assert_conserved(&ledger);
        th::advance(259_200);
        escrow::finalize(&th::signer_of(@0xf00), job);
    }

    #[test]
    #[expected_failure(abort_code = 0x20017 /* ETooManyRerenders */, location = lumen::escrow)]
    fun third_rerender_fails() {
        h::setup();
        let (creator, worker, job, ledger) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        let round = 0;
        while (round < 3) {
            escrow::submit_result(&worker, job, FRAMES, b"root");
            h::assert_conserved(&ledger);
            escrow::request_rerender(&creator, job, 1, th::now() + h::render_time());
            h::assert_conserved(&ledger);
            round += 1;
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
        let (creator, _, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        h::assert_conserved(&ledger);
        escrow::dispute(&creator, job, b"reason");
        h::assert_conserved(&ledger);
        th::advance(1_209_599);
        escrow::finalize(&th::signer_of(@0xf00), job);
    }

    #[test]
    #[expected_failure(abort_code = 0x3001b /* EAlreadyDelivered */, location = lumen::escrow)]
    fun reclaim_of_a_late_rerender_fails() {
        h::setup();
        let (creator, _, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        escrow::request_rerender(&creator, job, 3, th::now() + h::render_time());
        h::assert_conserved(&ledger);
        th::advance(h::render_time() + 1);
        escrow::reclaim(&creator, job);
    }

    #[test]
    #[expected_failure(abort_code = 0x3001c /* EResponseWindowClosed */, location = lumen::escrow)]
    fun dispute_after_response_window_fails() {
        h::setup();
        let (creator, worker, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        escrow::confirm(&creator, job, 4);
        h::assert_conserved(&ledger);
        th::advance(259_201);
        escrow::dispute(&worker, job, b"late");
    }

    #[test]
    #[expected_failure(abort_code = 0x3001d /* EResponseWindowOpen */, location = lumen::escrow)]
    fun finalize_inside_response_window_fails() {
        h::setup();
        let (creator, _, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        escrow::confirm(&creator, job, 4);
        h::assert_conserved(&ledger);
        th::advance(259_200);
        escrow::finalize(&th::signer_of(@0xf00), job);
    }

    #[test]
    #[expected_failure(abort_code = 0x6001e /* ENothingClaimable */, location = lumen::escrow)]
    fun withdraw_without_claimable_fails() {
        h::setup();
        escrow::withdraw(&th::signer_of(@0xb0b));
    }

    #[test]
    #[expected_failure(abort_code = 0x50003 /* ESTORE_IS_FROZEN */, location = aptos_framework::fungible_asset)]
    fun withdraw_into_a_still_frozen_store_fails() {
        h::setup();
        let (creator, worker, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        th::set_frozen(signer::address_of(&worker), true);
        escrow::confirm(&creator, job, FRAMES);
        h::assert_conserved(&ledger);
        escrow::withdraw(&worker);
    }

    #[test]
    #[expected_failure(abort_code = 0x50006 /* ENotWorker */, location = lumen::escrow)]
    fun creator_disputing_its_partial_acceptance_fails() {
        h::setup();
        let (creator, _, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        escrow::confirm(&creator, job, 4);
        h::assert_conserved(&ledger);
        escrow::dispute(&creator, job, b"changed my mind");
    }

    #[test]
    #[expected_failure(abort_code = 0x50006 /* ENotWorker */, location = lumen::escrow)]
    fun accept_partial_by_creator_fails() {
        h::setup();
        let (creator, _, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        escrow::confirm(&creator, job, 4);
        h::assert_conserved(&ledger);
        escrow::accept_partial(&creator, job);
    }

    #[test]
    #[expected_failure(abort_code = 0x30004 /* EWrongStatus */, location = lumen::escrow)]
    fun accept_partial_without_partial_acceptance_fails() {
        h::setup();
        let (_, worker, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        h::assert_conserved(&ledger);
        escrow::accept_partial(&worker, job);
    }

    #[test]
    #[expected_failure(abort_code = 0x30004 /* EWrongStatus */, location = lumen::escrow)]
    fun dispute_before_any_delivery_fails() {
        h::setup();
        let (creator, _, job, ledger) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        th::advance(h::render_time() + 1);
        h::assert_conserved(&ledger);
        escrow::dispute(&creator, job, b"nothing came");
    }

    #[test]
    #[expected_failure(abort_code = 0x30018 /* EDeadlineNotPassed */, location = lumen::escrow)]
    fun dispute_of_a_running_rerender_fails() {
        h::setup();
        let (creator, _, job, ledger) = h::submitted_job(FRAMES, MAX_PRICE, PRICE);
        escrow::request_rerender(&creator, job, 3, th::now() + h::render_time());
        h::assert_conserved(&ledger);
        th::advance(h::render_time());
        escrow::dispute(&creator, job, b"impatient");
    }

    #[test]
    #[expected_failure(abort_code = 0x8000c /* ENonceUsed */, location = lumen::escrow)]
    fun burn_nonce_twice_fails() {
        h::setup();
        let (creator, _, _) = h::new_creator(0);
        escrow::burn_nonce(&creator, 9);
        escrow::burn_nonce(&creator, 9);
    }

    #[test]
    #[expected_failure(abort_code = 0x8000c /* ENonceUsed */, location = lumen::escrow)]
    fun burning_an_accepted_nonce_fails() {
        h::setup();
        let (creator, _, _, ledger) = h::assigned_job(FRAMES, MAX_PRICE, PRICE);
        h::assert_conserved(&ledger);
        escrow::burn_nonce(&creator, 1);
    }

    #[test]
    #[expected_failure(abort_code = 0x30007 /* EInsufficientCollateral */, location = lumen::staking)]
    fun accept_without_free_stake_for_the_collateral_fails() {
        h::setup();
        // Collateral = min(100 % of the stake, the job's value): a 1 000-unit job locks it all.
        th::set_param(b"slash_bps", 10_000);
        let (creator, sk, pk) = h::new_creator(1_000 * MAX_PRICE + FRAMES * MAX_PRICE);
        let (worker, _, _) = h::worker();
        let big = h::create_job(&creator, 1_000, MAX_PRICE);
        h::accept(&worker, &sk, pk, big, MAX_PRICE, th::now() + 3600, 1);
        let small = h::create_job(&creator, FRAMES, MAX_PRICE);
        h::accept(&worker, &sk, pk, small, PRICE, th::now() + 3600, 2);
    }
}
