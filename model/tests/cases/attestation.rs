//! `attestation`: device keys, scores measured by several attesters,
//! revocation by the admin or the threshold, device release, and every abort.

use lumen_model::vectors::{Vector, ATTESTER};
use lumen_sdk::errors::{attestation as e, config as config_errors};
use lumen_sdk::params;
use lumen_sdk::payloads::{attestation, config};

use super::{at, keyed, B, DAY, P};

const SCORE: u64 = 2_430_000;
const VRAM: u64 = 8_192;
const VALIDITY: u64 = 30 * DAY;

pub fn cases() -> Vec<Vector> {
    let admin = P.address;
    let (second, third) = (at(0x7004), at(0x7005));
    let outsider = at(0xbad);
    let (w, other) = (keyed(2), keyed(3));
    let mut v = vec![];
    let with_workers = |name: &str, about: &str| {
        let mut b = B::world(name, about);
        b.account(w.address, 0);
        b.account(other.address, 0);
        b
    };
    let with_three_attesters = |name: &str, about: &str| {
        let mut b = with_workers(name, about);
        b.set_params(&[(params::ATTESTER_THRESHOLD.name, 2)]);
        b.ok(admin, config::add_attester(&P, second));
        b.ok(admin, config::add_attester(&P, third));
        b
    };

    let mut b = with_three_attesters(
        "attestation_threshold_revoke_reattest",
        "two attesters make a report effective at the second largest score, a third refines it, \
         two attesters revoke it, a higher nonce restores a score on another device",
    );
    b.device_key(&w);
    let r = b.report(&w, VRAM, 1);
    b.ok(second, b.attest_call(&w, &r, 87_000_000));
    b.ok(ATTESTER, b.attest_call(&w, &r, SCORE));
    b.ok(third, b.attest_call(&w, &r, SCORE + 70_000));
    b.wait(60);
    b.ok(
        third,
        attestation::revoke(&P, w.address, "checksum mismatch"),
    );
    b.ok(
        ATTESTER,
        attestation::revoke(&P, w.address, "checksum mismatch"),
    );
    b.wait(60);
    let r = b.report(&w, VRAM, 2);
    b.ok(second, b.attest_call(&w, &r, SCORE));
    b.ok(ATTESTER, b.attest_call(&w, &r, SCORE));
    v.push(b.done());

    let mut b = with_workers(
        "attestation_device_key_rotation",
        "a worker registers a device key, rotates it, and the old key is free for another worker",
    );
    let (k1, k2) = (keyed(7), keyed(8));
    b.ok(
        w.address,
        attestation::register_device_key(&P, &k1.public.to_bytes()),
    );
    b.ok(
        w.address,
        attestation::register_device_key(&P, &k2.public.to_bytes()),
    );
    let r = b.report(&w, VRAM, 1);
    b.ok(ATTESTER, b.attest_call(&k2, &r, SCORE));
    b.ok(
        other.address,
        attestation::register_device_key(&P, &k1.public.to_bytes()),
    );
    v.push(b.done());

    let mut b = with_workers(
        "attestation_release_and_unbind",
        "the worker releases its device, another worker takes it, the admin unbinds it, \
         and a third binding is released by anyone long after its expiry",
    );
    b.give_score(&w, SCORE, VRAM, 1);
    b.wait(60);
    b.ok(w.address, attestation::release_device(&P));
    b.give_score(&other, SCORE, VRAM, 1);
    b.ok(admin, attestation::unbind_device(&P, &[1u8; 8]));
    b.give_score(&w, SCORE, VRAM, 1);
    b.wait(2 * VALIDITY);
    b.ok(outsider, attestation::release_expired_device(&P, &[1u8; 8]));
    v.push(b.done());

    let mut b = with_workers("attestation_not_attester", "only attesters attest");
    b.device_key(&w);
    let r = b.report(&w, VRAM, 1);
    let f = b.attest_call(&w, &r, SCORE);
    v.push(b.fails(outsider, f, e::ENotAttester));

    let mut b = with_workers("attestation_zero_score", "a score of 0 is no measurement");
    b.device_key(&w);
    let r = b.report(&w, VRAM, 1);
    let f = b.attest_call(&w, &r, 0);
    v.push(b.fails(ATTESTER, f, e::EInvalidReport));

    let attest_raw = |b: &B, pk: &[u8], sig: &[u8]| {
        let r = b.report(&w, VRAM, 1);
        attestation::attest(
            &P,
            w.address,
            &r.device_id,
            &r.gpu_model,
            VRAM,
            SCORE,
            1,
            r.nonce,
            r.measured_at,
            pk,
            sig,
        )
    };
    let mut b = with_workers("attestation_short_public_key", "the key has 32 bytes");
    b.device_key(&w);
    let sig = b.report(&w, VRAM, 1).sign(&P, &w.key).to_bytes();
    let f = attest_raw(&b, &w.public.to_bytes()[..31], &sig);
    v.push(b.fails(ATTESTER, f, e::EInvalidPublicKey));

    let mut b = with_workers("attestation_short_signature", "the signature has 64 bytes");
    b.device_key(&w);
    let sig = b.report(&w, VRAM, 1).sign(&P, &w.key).to_bytes();
    let f = attest_raw(&b, &w.public.to_bytes(), &sig[..63]);
    v.push(b.fails(ATTESTER, f, e::EInvalidSignature));

    let b = with_workers(
        "attestation_no_device_key",
        "the worker must have registered a device key",
    );
    let r = b.report(&w, VRAM, 1);
    let f = b.attest_call(&w, &r, SCORE);
    v.push(b.fails(ATTESTER, f, e::ENoDeviceKey));

    let mut b = with_workers(
        "attestation_key_of_another",
        "the key is the worker's registered device key",
    );
    b.device_key(&w);
    let r = b.report(&w, VRAM, 1);
    let f = b.attest_call(&other, &r, SCORE);
    v.push(b.fails(ATTESTER, f, e::EPublicKeyMismatch));

    let mut b = with_workers(
        "attestation_tampered_report",
        "the signature covers the claimed VRAM",
    );
    b.device_key(&w);
    let mut r = b.report(&w, VRAM, 1);
    let sig = r.sign(&P, &w.key);
    r.vram_mb *= 2;
    let f = lumen_sdk::payloads::attest_report(&P, &r, SCORE, &w.public, &sig);
    v.push(b.fails(ATTESTER, f, e::EInvalidSignature));

    let mut b = with_workers(
        "attestation_stale_report",
        "a report older than report_max_age_secs",
    );
    b.device_key(&w);
    b.wait(7_200);
    let mut r = b.report(&w, VRAM, 1);
    r.measured_at = b.now - 3_601;
    let f = b.attest_call(&w, &r, SCORE);
    v.push(b.fails(ATTESTER, f, e::EStaleReport));

    let mut b = with_workers(
        "attestation_future_report",
        "a report more than 300 s ahead",
    );
    b.device_key(&w);
    let mut r = b.report(&w, VRAM, 1);
    r.measured_at = b.now + 301;
    let f = b.attest_call(&w, &r, SCORE);
    v.push(b.fails(ATTESTER, f, e::EFutureReport));

    let mut b = with_workers(
        "attestation_nonce_reused",
        "a nonce below the last one starts no round",
    );
    b.device_key(&w);
    let r = b.report(&w, VRAM, 1);
    b.ok(ATTESTER, b.attest_call(&w, &r, SCORE));
    let r2 = b.report(&w, VRAM, 1);
    b.ok(ATTESTER, b.attest_call(&w, &r2, SCORE));
    let f = b.attest_call(&w, &r, SCORE);
    v.push(b.fails(ATTESTER, f, e::ENonceTooLow));

    let mut b = with_workers("attestation_device_of_another", "one device, one worker");
    b.give_score(&w, SCORE, VRAM, 1);
    b.device_key(&other);
    let r = b.report(&other, VRAM, 1);
    let f = b.attest_call(&other, &r, SCORE);
    v.push(b.fails(ATTESTER, f, e::EDeviceBound));

    let mut b = with_three_attesters(
        "attestation_report_mismatch",
        "approvals of one nonce are for one report",
    );
    b.device_key(&w);
    let r = b.report(&w, VRAM, 1);
    b.ok(ATTESTER, b.attest_call(&w, &r, SCORE));
    let mut r = r;
    r.vram_mb *= 2;
    let f = b.attest_call(&w, &r, SCORE);
    v.push(b.fails(second, f, e::EReportMismatch));

    let mut b = with_three_attesters(
        "attestation_approved_twice",
        "an attester approves a report once",
    );
    b.device_key(&w);
    let r = b.report(&w, VRAM, 1);
    b.ok(ATTESTER, b.attest_call(&w, &r, SCORE));
    let f = b.attest_call(&w, &r, SCORE + 1);
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

    let b = with_workers(
        "attestation_small_order_device_key",
        "a device key is a valid ed25519 point",
    );
    v.push(b.fails(
        w.address,
        attestation::register_device_key(&P, &[0u8; 32]),
        e::EInvalidPublicKey,
    ));

    let mut b = with_workers(
        "attestation_device_key_taken",
        "a device key belongs to one worker",
    );
    b.device_key(&w);
    v.push(b.fails(
        other.address,
        attestation::register_device_key(&P, &w.public.to_bytes()),
        e::EDeviceKeyTaken,
    ));

    let mut b = with_workers("attestation_release_twice", "a device is released once");
    b.give_score(&w, SCORE, VRAM, 1);
    b.ok(w.address, attestation::release_device(&P));
    v.push(b.fails(
        w.address,
        attestation::release_device(&P),
        e::EDeviceNotBound,
    ));

    let mut b = with_workers(
        "attestation_release_early",
        "a device is released by anyone only long after its score expired",
    );
    b.give_score(&w, SCORE, VRAM, 1);
    b.wait(2 * VALIDITY - 1);
    v.push(b.fails(
        outsider,
        attestation::release_expired_device(&P, &[1u8; 8]),
        e::ENotReleasable,
    ));

    let mut b = with_workers("attestation_unbind_by_outsider", "only the admin unbinds");
    b.give_score(&w, SCORE, VRAM, 1);
    v.push(b.fails(
        outsider,
        attestation::unbind_device(&P, &[1u8; 8]),
        config_errors::ENotAdmin,
    ));
    v
}
