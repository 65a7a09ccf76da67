//! `escrow`: every path of the job state machine and every abort, including
//! the framework's for object and key arguments and short balances.

use lumen_model::vectors::{Vector, ARBITER};
use lumen_sdk::errors::{escrow as e, framework};
use lumen_sdk::params;
use lumen_sdk::payloads::{config, escrow};

use super::{at, keyed, B, P, UNIT};

pub fn cases() -> Vec<Vector> {
    let admin = P.address;
    let outsider = at(0xbad);
    let (creator, worker, other) = (keyed(1), keyed(2), keyed(3));
    let mut v = vec![];

    // -- paths ------------------------------------------------------------------

    let (mut b, c, w, job) = B::submitted(
        "escrow_confirm_partly",
        "assigned below the maximum price (refund), submitted, 7 of 10 frames confirmed",
    );
    b.wait(600);
    b.ok(c.address, escrow::confirm(&P, job, 7));
    let _ = w;
    v.push(b.done());

    let (mut b, c, w, job) = B::submitted(
        "escrow_rerender_twice_then_confirm",
        "two rerender rounds add to the lease; the creator then confirms everything",
    );
    for round in 0..2u8 {
        b.wait(300);
        let deadline = b.now + 3_600;
        b.ok(c.address, escrow::request_rerender(&P, job, 3, deadline));
        b.wait(900);
        b.ok(w.address, escrow::submit_result(&P, job, 10, &[round; 32]));
    }
    b.ok(c.address, escrow::confirm(&P, job, 10));
    v.push(b.done());

    let (mut b, _, _, job) = B::submitted(
        "escrow_finalize_after_review",
        "anyone finalizes once the review window has passed",
    );
    b.wait(259_201);
    b.ok(outsider, escrow::finalize(&P, job));
    v.push(b.done());

    let (mut b, _, w, job) = B::submitted(
        "escrow_dispute_resolved_with_nothing",
        "the worker disputes; the arbiter pays 0 frames (a failed job)",
    );
    b.ok(w.address, escrow::dispute(&P, job, &[9; 32]));
    b.wait(3_600);
    b.ok(ARBITER, escrow::resolve(&P, job, 0));
    v.push(b.done());

    let (mut b, c, _, job) = B::submitted(
        "escrow_dispute_resolved_in_part",
        "the creator disputes; the arbiter pays 4 frames",
    );
    b.ok(c.address, escrow::dispute(&P, job, &[9; 32]));
    b.ok(ARBITER, escrow::resolve(&P, job, 4));
    v.push(b.done());

    let (mut b, c, _, job) = B::submitted(
        "escrow_dispute_times_out",
        "nobody resolves: finalize pays the submitted frames after the dispute timeout",
    );
    b.ok(c.address, escrow::dispute(&P, job, &[9; 32]));
    b.wait(1_209_600);
    b.ok(outsider, escrow::finalize(&P, job));
    v.push(b.done());

    let mut b = B::world(
        "escrow_cancel_open_job",
        "an open job is cancelled and refunded",
    );
    b.account(creator.address, 10 * UNIT);
    let job = b.job(&creator, 5, 1_000, 0, 0);
    b.ok(creator.address, escrow::cancel(&P, job));
    v.push(b.done());

    // -- aborts -----------------------------------------------------------------

    let with_creator = |name: &str, about: &str| {
        let mut b = B::world(name, about);
        b.account(creator.address, 10 * UNIT);
        b
    };
    let b = with_creator("escrow_zero_frames", "a job has frames");
    let f = escrow::create_job(&P, &[1], 0, 100, 0, 0);
    v.push(b.fails(creator.address, f, e::EZeroFrames));

    let b = with_creator("escrow_zero_price", "a job pays something per frame");
    let f = escrow::create_job(&P, &[1], 10, 0, 0, 0);
    v.push(b.fails(creator.address, f, e::EZeroPrice));

    let b = with_creator("escrow_deposit_overflows", "frames * price fits in a u64");
    let f = escrow::create_job(&P, &[1], u64::MAX, 2, 0, 0);
    v.push(b.fails(creator.address, f, e::EDepositTooLarge));

    let b = with_creator(
        "escrow_deposit_above_balance",
        "the creator pays the deposit",
    );
    let f = escrow::create_job(&P, &[1], 11, UNIT, 0, 0);
    v.push(b.fails(creator.address, f, framework::EINSUFFICIENT_BALANCE));

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

    let (b, c, _, job) = B::assigned(
        "escrow_cancel_assigned",
        "only an open job is cancelled",
        10,
        100,
        80,
    );
    v.push(b.fails(c.address, escrow::cancel(&P, job), e::EWrongStatus));

    let mut b = with_creator("escrow_cancel_by_another", "only the creator cancels");
    let job = b.job(&creator, 5, 1_000, 0, 0);
    v.push(b.fails(outsider, escrow::cancel(&P, job), e::ENotCreator));

    let (b, _, _, job) = B::assigned(
        "escrow_submit_by_another",
        "only the worker submits",
        10,
        100,
        80,
    );
    let f = escrow::submit_result(&P, job, 10, &[1]);
    v.push(b.fails(outsider, f, e::ENotWorker));

    let (b, _, _, job) = B::submitted("escrow_dispute_by_outsider", "only the parties dispute");
    v.push(b.fails(outsider, escrow::dispute(&P, job, &[1]), e::ENotParty));

    let (mut b, c, _, job) = B::submitted("escrow_resolve_by_another", "only the arbiter resolves");
    b.ok(c.address, escrow::dispute(&P, job, &[1]));
    v.push(b.fails(outsider, escrow::resolve(&P, job, 1), e::ENotArbiter));

    // Offers: a creator, an eligible worker and an open job.
    let open = |name: &str, about: &str| {
        let mut b = B::world(name, about);
        b.account(creator.address, 10 * UNIT);
        b.account(worker.address, 1_000 * UNIT);
        b.account(other.address, 0);
        b.eligible(&worker, 2_430_000, 8_192, 2 * UNIT, 1);
        let job = b.job(&creator, 10, 100, 0, 0);
        (b, job)
    };
    let (b, job) = open("escrow_offer_expired", "an offer expires");
    let f = b.offer(&creator, job, worker.address, 80, b.now + 7_200, b.now, 1);
    v.push(b.fails(worker.address, f, e::EOfferExpired));

    let (b, job) = open(
        "escrow_offer_deadline_now",
        "the render deadline is in the future",
    );
    let f = b.offer(&creator, job, worker.address, 80, b.now, b.now + 60, 1);
    v.push(b.fails(worker.address, f, e::EBadDeadline));

    let (b, job) = open(
        "escrow_offer_above_max_price",
        "an offer pays at most the maximum price",
    );
    let f = b.offer(
        &creator,
        job,
        worker.address,
        101,
        b.now + 7_200,
        b.now + 60,
        1,
    );
    v.push(b.fails(worker.address, f, e::EPriceAboveMax));

    let (mut b, job) = open(
        "escrow_offer_nonce_reused",
        "a creator's nonce is burnt by its first use",
    );
    let second = b.job(&creator, 10, 100, 0, 0);
    b.assign(&creator, &worker, job, 80, 7);
    let f = b.offer(
        &creator,
        second,
        worker.address,
        80,
        b.now + 7_200,
        b.now + 60,
        7,
    );
    v.push(b.fails(worker.address, f, e::ENonceUsed));

    let (b, job) = open(
        "escrow_offer_key_of_another",
        "the key is the creator's authentication key",
    );
    let f = b.standard_offer(&other, job, worker.address);
    v.push(b.fails(worker.address, f, e::EWrongPublicKey));

    let (b, job) = open("escrow_offer_tampered", "the signature covers the price");
    let mut f = b.standard_offer(&creator, job, worker.address);
    f.args[1] = 79u64.to_le_bytes().to_vec();
    v.push(b.fails(worker.address, f, e::EBadSignature));

    let (b, job) = open(
        "escrow_offer_short_key",
        "the key has 32 bytes (ed25519's own check)",
    );
    let mut f = b.standard_offer(&creator, job, worker.address);
    f.args[5] = aptos_bcs::to_bytes(&vec![1u8; 31]).unwrap();
    v.push(b.fails(worker.address, f, framework::E_WRONG_PUBKEY_SIZE));

    let (b, job) = open(
        "escrow_offer_short_signature",
        "the signature has 64 bytes (ed25519's own check)",
    );
    let mut f = b.standard_offer(&creator, job, worker.address);
    f.args[6] = aptos_bcs::to_bytes(&vec![1u8; 63]).unwrap();
    v.push(b.fails(worker.address, f, framework::E_WRONG_SIGNATURE_SIZE));

    let (mut b, job) = open(
        "escrow_offer_to_ineligible",
        "an unstaked worker takes no job",
    );
    b.give_score(&other, 2_430_000, 8_192, 2);
    let f = b.standard_offer(&creator, job, other.address);
    v.push(b.fails(other.address, f, e::ENotEligible));

    let (mut b, _) = open("escrow_offer_score_too_low", "the job's minimum score");
    let job = b.job(&creator, 10, 100, 2_430_001, 0);
    let f = b.standard_offer(&creator, job, worker.address);
    v.push(b.fails(worker.address, f, e::EScoreTooLow));

    let (mut b, _) = open("escrow_offer_vram_too_low", "the job's minimum VRAM");
    let job = b.job(&creator, 10, 100, 0, 8_193);
    let f = b.standard_offer(&creator, job, worker.address);
    v.push(b.fails(worker.address, f, e::EVramTooLow));

    let (b, job) = open(
        "escrow_offer_to_itself",
        "a creator never takes its own job",
    );
    let f = b.standard_offer(&creator, job, creator.address);
    v.push(b.fails(creator.address, f, e::ESelfAssignment));

    let (b, _, w, job) = B::assigned(
        "escrow_submit_zero_frames",
        "a result has frames",
        10,
        100,
        80,
    );
    let f = escrow::submit_result(&P, job, 0, &[1]);
    v.push(b.fails(w.address, f, e::EBadFrames));

    let (mut b, _, w, job) = B::assigned(
        "escrow_submit_late",
        "a result before the deadline",
        10,
        100,
        80,
    );
    b.wait(7_201);
    let f = escrow::submit_result(&P, job, 10, &[1]);
    v.push(b.fails(w.address, f, e::EDeadlinePassed));

    let (mut b, c, _, job) =
        B::submitted("escrow_confirm_late", "confirm within the review window");
    b.wait(259_201);
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

    let (mut b, c, _, job) =
        B::submitted("escrow_rerender_past_the_limit", "at most max_rerenders");
    b.ok(admin, config::set_param(&P, params::MAX_RERENDERS.name, 0));
    let f = escrow::request_rerender(&P, job, 1, b.now + 3_600);
    v.push(b.fails(c.address, f, e::ETooManyRerenders));

    let (b, c, _, job) = B::assigned(
        "escrow_reclaim_early",
        "reclaim after the render deadline",
        10,
        100,
        80,
    );
    v.push(b.fails(c.address, escrow::reclaim(&P, job), e::EDeadlineNotPassed));

    let (mut b, c, _, job) = B::submitted(
        "escrow_dispute_finalized_early",
        "finalize waits for the dispute timeout",
    );
    b.ok(c.address, escrow::dispute(&P, job, &[1]));
    b.wait(1_209_599);
    v.push(b.fails(
        outsider,
        escrow::finalize(&P, job),
        e::EDisputeTimeoutNotPassed,
    ));
    v
}
