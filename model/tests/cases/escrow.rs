//! `escrow`: every path of the job state machine — partial acceptance and the
//! worker's answer, rerender rounds and a missed one, disputes opened by
//! either side and what their timeout pays, reclaim and its slash, legs a
//! frozen store cannot take, nonce burns — and every abort, including the
//! framework's for object and key arguments, short balances and frozen stores.

use lumen_model::vectors::{Vector, ARBITER, TREASURY};
use lumen_sdk::errors::{escrow as e, framework};
use lumen_sdk::params;
use lumen_sdk::payloads::{config, escrow};

use super::{at, keyed, B, P, UNIT};

/// Frames, maximum price and price of the jobs of [`B::assigned`] here.
const FRAMES: u64 = 10;
const MAX_PRICE: u64 = 10_000;
const PRICE: u64 = 8_000;
/// The render window [`B::assign`] gives: also the shortest rerender.
const RENDER: u64 = 7_200;
const REVIEW: u64 = 259_200;
const TIMEOUT: u64 = 1_209_600;

fn assigned(name: &str, about: &str) -> (B, super::Keyed, super::Keyed, lumen_sdk::AccountAddress) {
    B::assigned(name, about, FRAMES, MAX_PRICE, PRICE)
}

pub fn cases() -> Vec<Vector> {
    let mut v = paths();
    v.extend(aborts());
    v
}

fn paths() -> Vec<Vector> {
    let outsider = at(0xbad);
    let creator = keyed(1);
    let mut v = vec![];

    let (mut b, c, _, job) = B::submitted(
        "escrow_confirm_everything",
        "assigned below the maximum price (refund), submitted, every frame confirmed",
    );
    b.wait(600);
    b.ok(c.address, escrow::confirm(&P, job, FRAMES));
    v.push(b.done());

    let (mut b, c, w, job) = B::submitted(
        "escrow_partial_acceptance_agreed",
        "7 of 10 frames accepted opens the worker's response window; the worker agrees",
    );
    b.wait(600);
    b.ok(c.address, escrow::confirm(&P, job, 7));
    b.wait(600);
    b.ok(w.address, escrow::accept_partial(&P, job));
    v.push(b.done());

    let (mut b, c, _, job) = B::submitted(
        "escrow_partial_acceptance_unanswered",
        "0 frames accepted; the worker stays silent and anyone settles after the response window",
    );
    b.ok(c.address, escrow::confirm(&P, job, 0));
    b.wait(REVIEW + 1);
    b.ok(outsider, escrow::finalize(&P, job));
    v.push(b.done());

    let (mut b, c, w, job) = B::submitted(
        "escrow_worker_disputes_partial_acceptance",
        "the worker disputes 4 accepted frames; the timeout pays the creator's 4, not the opener's 10",
    );
    b.ok(c.address, escrow::confirm(&P, job, 4));
    b.ok(w.address, escrow::dispute(&P, job, &[9; 32]));
    b.wait(TIMEOUT);
    b.ok(outsider, escrow::finalize(&P, job));
    v.push(b.done());

    let (mut b, c, w, job) = B::submitted(
        "escrow_rerender_twice_then_confirm",
        "two rerender rounds, each given at least the first window, add to the lease; the creator confirms",
    );
    // Parameters changed meanwhile do not reach the job: its terms were fixed.
    b.set_params(&[
        (params::MAX_RERENDERS.name, 0),
        (params::WORKER_COMMISSION_BPS.name, 0),
    ]);
    for round in 0..2u8 {
        b.wait(300);
        let deadline = b.now + RENDER;
        b.ok(c.address, escrow::request_rerender(&P, job, 3, deadline));
        b.wait(900);
        b.ok(
            w.address,
            escrow::submit_result(&P, job, FRAMES, &[round; 32]),
        );
    }
    b.ok(c.address, escrow::confirm(&P, job, FRAMES));
    v.push(b.done());

    let (mut b, c, _, job) = B::submitted(
        "escrow_missed_rerender_disputed_by_creator",
        "a rerender round misses its deadline: the creator disputes the delivery, an arbiter pays 6 frames",
    );
    b.ok(
        c.address,
        escrow::request_rerender(&P, job, 4, b.now + RENDER),
    );
    b.wait(RENDER + 1);
    b.ok(c.address, escrow::dispute(&P, job, &[8; 32]));
    b.ok(ARBITER, escrow::resolve(&P, job, 6));
    v.push(b.done());

    let (mut b, c, w, job) = B::submitted(
        "escrow_missed_rerender_disputed_by_worker",
        "the worker opens the dispute of a missed rerender: the timeout pays the 6 frames not sent back",
    );
    b.ok(
        c.address,
        escrow::request_rerender(&P, job, 4, b.now + RENDER),
    );
    b.wait(RENDER + 1);
    b.ok(w.address, escrow::dispute(&P, job, &[8; 32]));
    b.wait(TIMEOUT);
    b.ok(outsider, escrow::finalize(&P, job));
    v.push(b.done());

    let (mut b, _, _, job) = B::submitted(
        "escrow_finalize_after_review",
        "anyone finalizes once the review window has passed",
    );
    b.wait(REVIEW + 1);
    b.ok(outsider, escrow::finalize(&P, job));
    v.push(b.done());

    let (mut b, c, _, job) = B::submitted(
        "escrow_dispute_resolved_with_nothing",
        "the creator disputes; an arbiter pays 0 frames (a failed job, nothing slashed)",
    );
    b.ok(c.address, escrow::dispute(&P, job, &[9; 32]));
    b.wait(3_600);
    b.ok(ARBITER, escrow::resolve(&P, job, 0));
    v.push(b.done());

    let (mut b, c, _, job) = B::submitted(
        "escrow_dispute_resolved_by_a_second_arbiter",
        "the admin adds an arbiter; it pays 4 frames of the creator's dispute",
    );
    b.ok(P.address, config::add_arbiter(&P, at(0x7102)));
    b.ok(c.address, escrow::dispute(&P, job, &[9; 32]));
    b.ok(at(0x7102), escrow::resolve(&P, job, 4));
    v.push(b.done());

    let (mut b, c, _, job) = B::submitted(
        "escrow_dispute_times_out",
        "nobody resolves the creator's dispute: the timeout pays the submitted frames",
    );
    b.ok(c.address, escrow::dispute(&P, job, &[9; 32]));
    b.wait(TIMEOUT);
    b.ok(outsider, escrow::finalize(&P, job));
    v.push(b.done());

    let (mut b, c, _, job) = assigned(
        "escrow_reclaim_slashes_the_collateral",
        "no delivery by the deadline: the creator takes everything back, the job's collateral is slashed",
    );
    b.wait(RENDER + 1);
    b.ok(c.address, escrow::reclaim(&P, job));
    v.push(b.done());

    let mut b = B::world(
        "escrow_cancel_open_job",
        "an open job is cancelled and refunded",
    );
    b.account(creator.address, 10 * UNIT);
    let job = b.job(&creator, 5, 1_000, 0, 0);
    b.ok(creator.address, escrow::cancel(&P, job));
    v.push(b.done());

    let mut b = B::world(
        "escrow_burnt_nonce",
        "a creator burns an offer nonce it signed; burning it again aborts",
    );
    b.account(creator.address, UNIT);
    b.ok(creator.address, escrow::burn_nonce(&P, 7));
    v.push(b.fails(creator.address, escrow::burn_nonce(&P, 7), e::ENonceUsed));

    let (mut b, c, _, job) = B::submitted(
        "escrow_frozen_treasury_blocks_nobody",
        "the treasury's store is frozen: the fee is held as its claimable balance, withdrawn after the thaw",
    );
    b.set_frozen(TREASURY, true);
    b.ok(c.address, escrow::confirm(&P, job, FRAMES));
    b.wait(3_600);
    b.set_frozen(TREASURY, false);
    b.ok(TREASURY, escrow::withdraw(&P));
    v.push(b.done());

    let (mut b, c, w, job) = B::submitted(
        "escrow_claim_into_a_frozen_store",
        "a frozen worker's pay is held for it; withdrawing while still frozen aborts in the framework",
    );
    b.set_frozen(w.address, true);
    b.ok(c.address, escrow::confirm(&P, job, FRAMES));
    v.push(b.fails(w.address, escrow::withdraw(&P), framework::ESTORE_IS_FROZEN));
    v
}

fn aborts() -> Vec<Vector> {
    let outsider = at(0xbad);
    let (creator, worker, other) = (keyed(1), keyed(2), keyed(3));
    let mut v = vec![];

    let with_creator = |name: &str, about: &str| {
        let mut b = B::world(name, about);
        b.account(creator.address, 10 * UNIT);
        b
    };
    let b = with_creator("escrow_zero_frames", "a job has frames");
    let f = escrow::create_job(&P, &[1], 0, MAX_PRICE, 0, 0);
    v.push(b.fails(creator.address, f, e::EZeroFrames));

    let b = with_creator(
        "escrow_price_below_min",
        "a job pays at least min_price_per_frame per frame",
    );
    let f = escrow::create_job(&P, &[1], 10, 999, 0, 0);
    v.push(b.fails(creator.address, f, e::EPriceBelowMin));

    let b = with_creator("escrow_deposit_overflows", "frames * price fits in a u64");
    let f = escrow::create_job(&P, &[1], u64::MAX, 1_000, 0, 0);
    v.push(b.fails(creator.address, f, e::EDepositTooLarge));

    let b = with_creator(
        "escrow_deposit_above_balance",
        "the creator pays the deposit",
    );
    let f = escrow::create_job(&P, &[1], 11, UNIT, 0, 0);
    v.push(b.fails(creator.address, f, framework::EINSUFFICIENT_BALANCE));

    let mut b = with_creator(
        "escrow_deposit_from_a_frozen_store",
        "a frozen store pays no deposit",
    );
    b.set_frozen(creator.address, true);
    let f = escrow::create_job(&P, &[1], 10, MAX_PRICE, 0, 0);
    v.push(b.fails(creator.address, f, framework::ESTORE_IS_FROZEN));

    let b = with_creator("escrow_no_such_job", "a job argument is a job object");
    v.push(b.fails(
        creator.address,
        escrow::cancel(&P, at(0x404)),
        framework::EOBJECT_DOES_NOT_EXIST,
    ));

    let b = with_creator("escrow_object_not_a_job", "an object that is not a job");
    let registry = P.escrow_registry();
    v.push(b.fails(
        creator.address,
        escrow::cancel(&P, registry),
        framework::ERESOURCE_DOES_NOT_EXIST,
    ));

    let (b, c, _, job) = assigned("escrow_cancel_assigned", "only an open job is cancelled");
    v.push(b.fails(c.address, escrow::cancel(&P, job), e::EWrongStatus));

    let mut b = with_creator("escrow_cancel_by_another", "only the creator cancels");
    let job = b.job(&creator, 5, 1_000, 0, 0);
    v.push(b.fails(outsider, escrow::cancel(&P, job), e::ENotCreator));

    let (b, _, _, job) = B::submitted("escrow_confirm_by_another", "only the creator confirms");
    v.push(b.fails(outsider, escrow::confirm(&P, job, 1), e::ENotCreator));

    let (b, _, _, job) = B::submitted(
        "escrow_rerender_by_another",
        "only the creator asks for a rerender",
    );
    let f = escrow::request_rerender(&P, job, 3, b.now + RENDER);
    v.push(b.fails(outsider, f, e::ENotCreator));

    let (mut b, _, _, job) = assigned("escrow_reclaim_by_another", "only the creator reclaims");
    b.wait(RENDER + 1);
    v.push(b.fails(outsider, escrow::reclaim(&P, job), e::ENotCreator));

    let (b, _, _, job) = assigned("escrow_submit_by_another", "only the worker submits");
    let f = escrow::submit_result(&P, job, 10, &[1]);
    v.push(b.fails(outsider, f, e::ENotWorker));

    let (b, _, _, job) = B::submitted("escrow_dispute_by_outsider", "only the parties dispute");
    v.push(b.fails(outsider, escrow::dispute(&P, job, &[1]), e::ENotParty));

    let (b, _, w, job) = B::submitted(
        "escrow_worker_disputes_its_own_submission",
        "the worker cannot pre-empt the creator's review",
    );
    v.push(b.fails(w.address, escrow::dispute(&P, job, &[1]), e::ENotCreator));

    let (mut b, c, _, job) = B::submitted(
        "escrow_creator_disputes_its_partial_acceptance",
        "after a partial acceptance only the worker disputes",
    );
    b.ok(c.address, escrow::confirm(&P, job, 5));
    v.push(b.fails(c.address, escrow::dispute(&P, job, &[1]), e::ENotWorker));

    let (mut b, c, w, job) = B::submitted(
        "escrow_dispute_after_response_window",
        "the worker disputes within its response window",
    );
    b.ok(c.address, escrow::confirm(&P, job, 5));
    b.wait(REVIEW + 1);
    let f = escrow::dispute(&P, job, &[1]);
    v.push(b.fails(w.address, f, e::EResponseWindowClosed));

    let (mut b, c, _, job) = B::submitted(
        "escrow_finalize_inside_response_window",
        "a partial acceptance settles by itself only after the response window",
    );
    b.ok(c.address, escrow::confirm(&P, job, 5));
    v.push(b.fails(outsider, escrow::finalize(&P, job), e::EResponseWindowOpen));

    let (b, c, _, job) = B::submitted(
        "escrow_accept_partial_without_one",
        "accept_partial answers a partial acceptance",
    );
    let f = escrow::accept_partial(&P, job);
    v.push(b.fails(c.address, f, e::EWrongStatus));

    let (b, c, _, job) = assigned(
        "escrow_dispute_before_delivery",
        "a job that never delivered is reclaimed, not disputed",
    );
    v.push(b.fails(c.address, escrow::dispute(&P, job, &[1]), e::EWrongStatus));

    let (mut b, c, _, job) = B::submitted(
        "escrow_dispute_of_a_running_rerender",
        "a rerender round is disputed only after its deadline",
    );
    b.ok(
        c.address,
        escrow::request_rerender(&P, job, 3, b.now + RENDER),
    );
    let f = escrow::dispute(&P, job, &[1]);
    v.push(b.fails(c.address, f, e::EDeadlineNotPassed));

    let (mut b, c, _, job) = B::submitted(
        "escrow_reclaim_after_a_delivery",
        "a missed rerender deadline is disputed, never reclaimed",
    );
    b.ok(
        c.address,
        escrow::request_rerender(&P, job, 3, b.now + RENDER),
    );
    b.wait(RENDER + 1);
    v.push(b.fails(c.address, escrow::reclaim(&P, job), e::EAlreadyDelivered));

    let (b, c, _, job) = B::submitted(
        "escrow_rerender_too_short",
        "a rerender gives the worker at least what the first assignment gave",
    );
    let f = escrow::request_rerender(&P, job, 3, b.now + RENDER - 1);
    v.push(b.fails(c.address, f, e::ERerenderTooShort));

    let (mut b, c, _, job) = B::submitted("escrow_resolve_by_another", "only an arbiter resolves");
    b.ok(c.address, escrow::dispute(&P, job, &[1]));
    v.push(b.fails(outsider, escrow::resolve(&P, job, 1), e::ENotArbiter));

    let b = B::world(
        "escrow_withdraw_nothing",
        "withdraw pays a claimable balance",
    );
    v.push(b.fails(outsider, escrow::withdraw(&P), e::ENothingClaimable));

    // Offers: a creator, an eligible worker and an open job.
    let open = |name: &str, about: &str| {
        let mut b = B::world(name, about);
        b.account(creator.address, 10 * UNIT);
        b.account(worker.address, 1_000 * UNIT);
        b.account(other.address, 0);
        b.eligible(&worker, 2_430_000, 8_192, 2 * UNIT, 1);
        let job = b.job(&creator, 10, MAX_PRICE, 0, 0);
        (b, job)
    };
    let offer = |b: &B, signer: &super::Keyed, job, to: &super::Keyed, price, nonce| {
        b.offer(
            signer,
            job,
            to.address,
            price,
            b.now + RENDER,
            b.now + 60,
            nonce,
        )
    };
    let (b, job) = open("escrow_offer_expired", "an offer expires");
    let f = b.offer(
        &creator,
        job,
        worker.address,
        PRICE,
        b.now + RENDER,
        b.now,
        1,
    );
    v.push(b.fails(worker.address, f, e::EOfferExpired));

    let (b, job) = open(
        "escrow_offer_deadline_now",
        "the render deadline is in the future",
    );
    let f = b.offer(&creator, job, worker.address, PRICE, b.now, b.now + 60, 1);
    v.push(b.fails(worker.address, f, e::EBadDeadline));

    let (b, job) = open(
        "escrow_offer_below_min_price",
        "an offer pays at least min_price_per_frame: no free work",
    );
    let f = offer(&b, &creator, job, &worker, 0, 1);
    v.push(b.fails(worker.address, f, e::EPriceBelowMin));

    let (b, job) = open(
        "escrow_offer_above_max_price",
        "an offer pays at most the maximum price",
    );
    let f = offer(&b, &creator, job, &worker, MAX_PRICE + 1, 1);
    v.push(b.fails(worker.address, f, e::EPriceAboveMax));

    let (mut b, job) = open(
        "escrow_offer_nonce_reused",
        "a creator's nonce is burnt by its first use",
    );
    let second = b.job(&creator, 10, MAX_PRICE, 0, 0);
    b.assign(&creator, &worker, job, PRICE, 7);
    let f = offer(&b, &creator, second, &worker, PRICE, 7);
    v.push(b.fails(worker.address, f, e::ENonceUsed));

    let (mut b, job) = open(
        "escrow_offer_nonce_burnt",
        "a burnt nonce withdraws every offer signed with it",
    );
    let f = offer(&b, &creator, job, &worker, PRICE, 5);
    b.ok(creator.address, escrow::burn_nonce(&P, 5));
    v.push(b.fails(worker.address, f, e::ENonceUsed));

    let (b, job) = open(
        "escrow_offer_key_of_another",
        "the key is the creator's authentication key",
    );
    let f = offer(&b, &other, job, &worker, PRICE, 1);
    v.push(b.fails(worker.address, f, e::EWrongPublicKey));

    let (b, job) = open("escrow_offer_tampered", "the signature covers the price");
    let mut f = offer(&b, &creator, job, &worker, PRICE, 1);
    f.args[1] = (PRICE - 1).to_le_bytes().to_vec();
    v.push(b.fails(worker.address, f, e::EBadSignature));

    let (b, job) = open(
        "escrow_offer_short_key",
        "the key has 32 bytes (ed25519's own check)",
    );
    let mut f = offer(&b, &creator, job, &worker, PRICE, 1);
    f.args[5] = aptos_bcs::to_bytes(&vec![1u8; 31]).unwrap();
    v.push(b.fails(worker.address, f, framework::E_WRONG_PUBKEY_SIZE));

    let (b, job) = open(
        "escrow_offer_short_signature",
        "the signature has 64 bytes (ed25519's own check)",
    );
    let mut f = offer(&b, &creator, job, &worker, PRICE, 1);
    f.args[6] = aptos_bcs::to_bytes(&vec![1u8; 63]).unwrap();
    v.push(b.fails(worker.address, f, framework::E_WRONG_SIGNATURE_SIZE));

    let (mut b, job) = open(
        "escrow_offer_to_ineligible",
        "an unstaked worker takes no job",
    );
    b.give_score(&other, 2_430_000, 8_192, 2);
    let f = offer(&b, &creator, job, &other, PRICE, 1);
    v.push(b.fails(other.address, f, e::ENotEligible));

    let (mut b, _) = open("escrow_offer_score_too_low", "the job's minimum score");
    let job = b.job(&creator, 10, MAX_PRICE, 2_430_001, 0);
    let f = offer(&b, &creator, job, &worker, PRICE, 1);
    v.push(b.fails(worker.address, f, e::EScoreTooLow));

    let (mut b, _) = open("escrow_offer_vram_too_low", "the job's minimum VRAM");
    let job = b.job(&creator, 10, MAX_PRICE, 0, 8_193);
    let f = offer(&b, &creator, job, &worker, PRICE, 1);
    v.push(b.fails(worker.address, f, e::EVramTooLow));

    let (b, job) = open(
        "escrow_offer_to_itself",
        "a creator never takes its own job",
    );
    let f = offer(&b, &creator, job, &creator, PRICE, 1);
    v.push(b.fails(creator.address, f, e::ESelfAssignment));

    let (b, _, w, job) = assigned("escrow_submit_zero_frames", "a result has frames");
    let f = escrow::submit_result(&P, job, 0, &[1]);
    v.push(b.fails(w.address, f, e::EBadFrames));

    let (mut b, _, w, job) = assigned("escrow_submit_late", "a result before the deadline");
    b.wait(RENDER + 1);
    let f = escrow::submit_result(&P, job, 10, &[1]);
    v.push(b.fails(w.address, f, e::EDeadlinePassed));

    let (mut b, c, _, job) =
        B::submitted("escrow_confirm_late", "confirm within the review window");
    b.wait(REVIEW + 1);
    v.push(b.fails(
        c.address,
        escrow::confirm(&P, job, 10),
        e::EReviewWindowClosed,
    ));

    let (b, _, _, job) = B::submitted(
        "escrow_finalize_early",
        "finalize waits for the review window",
    );
    v.push(b.fails(outsider, escrow::finalize(&P, job), e::EReviewWindowOpen));

    let (mut b, c, w, job) = B::submitted(
        "escrow_rerender_past_the_limit",
        "at most the job's max_rerenders",
    );
    for round in 0..2u8 {
        b.ok(
            c.address,
            escrow::request_rerender(&P, job, 1, b.now + RENDER),
        );
        b.ok(w.address, escrow::submit_result(&P, job, 10, &[round; 32]));
    }
    let f = escrow::request_rerender(&P, job, 1, b.now + RENDER);
    v.push(b.fails(c.address, f, e::ETooManyRerenders));

    let (b, c, _, job) = assigned("escrow_reclaim_early", "reclaim after the render deadline");
    v.push(b.fails(c.address, escrow::reclaim(&P, job), e::EDeadlineNotPassed));

    let (mut b, c, _, job) = B::submitted(
        "escrow_dispute_finalized_early",
        "finalize waits for the dispute timeout",
    );
    b.ok(c.address, escrow::dispute(&P, job, &[1]));
    b.wait(TIMEOUT - 1);
    v.push(b.fails(
        outsider,
        escrow::finalize(&P, job),
        e::EDisputeTimeoutNotPassed,
    ));
    v
}
