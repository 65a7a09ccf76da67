//! `attestation`: threshold approvals, revocation, and every abort.

use lumen_model::vectors::{Vector, ATTESTER};
use lumen_sdk::errors::attestation as e;
use lumen_sdk::params;
use lumen_sdk::payloads::{attestation, config};

use super::{at, keyed, B, P};

const SCORE: u64 = 2_430_000;
const VRAM: u64 = 8_192;

pub fn cases() -> Vec<Vector> {
    let admin = P.address;
    let second = at(0x7004);
    let outsider = at(0xbad);
    let (w, other) = (keyed(2), keyed(3));
    let mut v = vec![];
    let with_workers = |name: &str, about: &str| {
        let mut b = B::world(name, about);
        b.account(w.address, 0);
        b.account(other.address, 0);
        b
    };

    let mut b = with_workers(
        "attestation_threshold_revoke_reattest",
        "two attesters make a report effective, the admin revokes it, a higher nonce restores a score",
    );
    b.ok(
        admin,
        config::set_param(&P, params::ATTESTER_THRESHOLD.name, 2),
    );
    b.ok(admin, config::add_attester(&P, second));
    let r = b.report(&w, SCORE, VRAM, 1);
    let f = b.attest_call(&w, &w, &r);
    b.ok(ATTESTER, f.clone());
    b.ok(second, f);
    b.wait(60);
    b.ok(
        admin,
        attestation::revoke(&P, w.address, "checksum mismatch"),
    );
    b.wait(60);
    let r = b.report(&w, SCORE + 1, VRAM, 1);
    let f = b.attest_call(&w, &w, &r);
    b.ok(ATTESTER, f.clone());
    b.ok(second, f);
    // The second report names another device: the first one is released.
    b.wait(60);
    let r = b.report(&w, SCORE, VRAM, 2);
    let f = b.attest_call(&w, &w, &r);
    b.ok(second, f.clone());
    b.ok(ATTESTER, f);
    v.push(b.done());

    let b = with_workers("attestation_not_attester", "only attesters attest");
    let r = b.report(&w, SCORE, VRAM, 1);
    let f = b.attest_call(&w, &w, &r);
    v.push(b.fails(outsider, f, e::ENotAttester));

    let b = with_workers("attestation_zero_score", "a score of 0 is no report");
    let r = b.report(&w, 0, VRAM, 1);
    let f = b.attest_call(&w, &w, &r);
    v.push(b.fails(ATTESTER, f, e::EInvalidReport));

    let b = with_workers("attestation_short_public_key", "the key has 32 bytes");
    let r = b.report(&w, SCORE, VRAM, 1);
    let sig = r.sign(&P, &w.key).to_bytes();
    let pk = w.public.to_bytes();
    let f = attestation::attest(
        &P,
        w.address,
        &r.device_id,
        &r.gpu_model,
        VRAM,
        SCORE,
        1,
        r.nonce,
        r.measured_at,
        &pk[..31],
        &sig,
    );
    v.push(b.fails(ATTESTER, f, e::EInvalidPublicKey));

    let b = with_workers("attestation_short_signature", "the signature has 64 bytes");
    let r = b.report(&w, SCORE, VRAM, 1);
    let sig = r.sign(&P, &w.key).to_bytes();
    let f = attestation::attest(
        &P,
        w.address,
        &r.device_id,
        &r.gpu_model,
        VRAM,
        SCORE,
        1,
        r.nonce,
        r.measured_at,
        &w.public.to_bytes(),
        &sig[..63],
    );
    v.push(b.fails(ATTESTER, f, e::EInvalidSignature));

    let b = B::world(
        "attestation_no_worker_account",
        "the worker must have an account",
    );
    let r = b.report(&w, SCORE, VRAM, 1);
    let f = b.attest_call(&w, &w, &r);
    v.push(b.fails(ATTESTER, f, e::ENoWorkerAccount));

    let b = with_workers(
        "attestation_key_of_another",
        "the key is the worker's authentication key",
    );
    let r = b.report(&w, SCORE, VRAM, 1);
    let f = b.attest_call(&w, &other, &r);
    v.push(b.fails(ATTESTER, f, e::EPublicKeyMismatch));

    let b = with_workers(
        "attestation_tampered_report",
        "the signature covers the score",
    );
    let mut r = b.report(&w, SCORE, VRAM, 1);
    let sig = r.sign(&P, &w.key);
    r.score += 1;
    let f = lumen_sdk::payloads::attest_report(&P, &r, &w.public, &sig);
    v.push(b.fails(ATTESTER, f, e::EInvalidSignature));

    let mut b = with_workers(
        "attestation_stale_report",
        "a report older than report_max_age_secs",
    );
    b.wait(7_200);
    let mut r = b.report(&w, SCORE, VRAM, 1);
    r.measured_at = b.now - 3_601;
    let f = b.attest_call(&w, &w, &r);
    v.push(b.fails(ATTESTER, f, e::EStaleReport));

    let b = with_workers(
        "attestation_future_report",
        "a report more than 300 s ahead",
    );
    let mut r = b.report(&w, SCORE, VRAM, 1);
    r.measured_at = b.now + 301;
    let f = b.attest_call(&w, &w, &r);
    v.push(b.fails(ATTESTER, f, e::EFutureReport));

    let mut b = with_workers("attestation_nonce_reused", "a nonce is used once");
    let r = b.report(&w, SCORE, VRAM, 1);
    let f = b.attest_call(&w, &w, &r);
    b.ok(ATTESTER, f.clone());
    v.push(b.fails(ATTESTER, f, e::ENonceTooLow));

    let mut b = with_workers("attestation_device_of_another", "one device, one worker");
    b.give_score(&w, SCORE, VRAM, 1);
    let r = b.report(&other, SCORE, VRAM, 1);
    let f = b.attest_call(&other, &other, &r);
    v.push(b.fails(ATTESTER, f, e::EDeviceBound));

    let mut b = with_workers(
        "attestation_report_mismatch",
        "approvals of one nonce are for one report",
    );
    b.ok(
        admin,
        config::set_param(&P, params::ATTESTER_THRESHOLD.name, 2),
    );
    b.ok(admin, config::add_attester(&P, second));
    let r = b.report(&w, SCORE, VRAM, 1);
    let f = b.attest_call(&w, &w, &r);
    b.ok(ATTESTER, f);
    let r = b.report(&w, SCORE + 5, VRAM, 1);
    let mut r = r;
    r.nonce = 1;
    let f = b.attest_call(&w, &w, &r);
    v.push(b.fails(second, f, e::EReportMismatch));

    let mut b = with_workers(
        "attestation_approved_twice",
        "an attester approves a report once",
    );
    b.ok(
        admin,
        config::set_param(&P, params::ATTESTER_THRESHOLD.name, 2),
    );
    let r = b.report(&w, SCORE, VRAM, 1);
    let f = b.attest_call(&w, &w, &r);
    b.ok(ATTESTER, f.clone());
    v.push(b.fails(ATTESTER, f, e::EAlreadyApproved));

    let mut b = with_workers(
        "attestation_revoke_by_outsider",
        "only the admin or an attester revokes",
    );
    b.give_score(&w, SCORE, VRAM, 1);
    v.push(b.fails(
        outsider,
        attestation::revoke(&P, w.address, "no"),
        e::ENotAuthorized,
    ));

    let b = with_workers(
        "attestation_revoke_without_score",
        "a worker never attested has no score to revoke",
    );
    v.push(b.fails(
        ATTESTER,
        attestation::revoke(&P, w.address, "no"),
        e::ENoScore,
    ));

    let mut b = with_workers("attestation_revoke_twice", "a score is revoked once");
    b.give_score(&w, SCORE, VRAM, 1);
    b.ok(ATTESTER, attestation::revoke(&P, w.address, "first"));
    v.push(b.fails(
        admin,
        attestation::revoke(&P, w.address, "again"),
        e::EAlreadyRevoked,
    ));
    v
}
