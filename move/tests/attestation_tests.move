#[test_only]
module lumen::attestation_tests {
    use std::option;
    use std::signer;
    use std::string::{Self, String};
    use aptos_std::ed25519;
    use aptos_framework::event;
    use lumen::attestation::{Self, AttestationSubmitted, DeviceReleased, RevocationSubmitted, ScoreAttested};
    use lumen::config;
    use lumen::test_helpers as th;

    const RTX_3070: u64 = 2_430_000;
    const VRAM: u64 = 8_192;

    fun gpu(): String { string::utf8(b"RTX 3070") }

    fun add_attesters_and_threshold(threshold: u64) {
        let admin = th::lumen_signer();
        config::add_attester(&admin, th::attester2());
        config::add_attester(&admin, th::attester3());
        th::set_param(b"attester_threshold", threshold);
    }

    // Effective scores.

    #[test]
    fun attest_gives_a_valid_score() {
        th::setup();
        let (worker, sk, pk) = th::new_worker();
        let w = signer::address_of(&worker);
        let device = th::default_device(w);
        let now = th::now();
        th::attest_report(&th::attester_signer(), &sk, pk, w, device, VRAM, RTX_3070, 1, now - 10);

        assert!(attestation::score_of(w) == RTX_3070, 0);
        assert!(attestation::has_valid_score(w), 1);
        assert!(attestation::vram_of(w) == VRAM, 2);
        assert!(attestation::last_nonce(w) == 1, 3);
        assert!(attestation::worker_of_device(device) == option::some(w), 4);
        let info = attestation::report_of(w);
        assert!(attestation::info_score(&info) == RTX_3070, 5);
        assert!(attestation::info_vram_mb(&info) == VRAM, 6);
        assert!(attestation::info_device_id(&info) == device, 7);
        assert!(attestation::info_nonce(&info) == 1, 8);
        assert!(attestation::info_effective_at(&info) == now, 9);
        assert!(attestation::info_expires_at(&info) == now + 2_592_000, 10);
        assert!(!attestation::info_revoked(&info), 11);
        let (pending_nonce, pending) = attestation::pending_of(w);
        assert!(pending_nonce == 0 && pending.length() == 0, 12);

        let report = attestation::new_report(w, device, gpu(), VRAM, 1, 1, now - 10, th::chain_id());
        let report_hash = attestation::report_hash_for_test(&report);
        assert!(report_hash.length() == 32, 13);
        assert!(
            event::was_event_emitted(
                &attestation::attestation_submitted_event(th::attester(), w, 1, report_hash, RTX_3070, 1, 1)
            ),
            14,
        );
        assert!(
            event::was_event_emitted(
                &attestation::score_attested_event(
                    w, device, gpu(), VRAM, RTX_3070, 1, 1, now - 10, now, now + 2_592_000,
                    vector[th::attester()],
                )
            ),
            15,
        );
        assert!(event::emitted_events<ScoreAttested>().length() == 1, 16);
    }

    #[test]
    fun unknown_worker_has_no_score() {
        th::setup();
        assert!(attestation::score_of(@0xB0B) == 0, 0);
        assert!(!attestation::has_valid_score(@0xB0B), 1);
        assert!(attestation::vram_of(@0xB0B) == 0, 2);
        assert!(attestation::last_nonce(@0xB0B) == 0, 3);
        assert!(attestation::worker_of_device(b"gpu-0") == option::none(), 4);
    }

    #[test]
    #[expected_failure(abort_code = 0x6000D /* ENoScore */, location = lumen::attestation)]
    fun report_of_unknown_worker_fails() {
        th::setup();
        attestation::report_of(@0xB0B);
    }

    #[test]
    fun score_expires_after_validity() {
        th::setup();
        let (worker, sk, pk) = th::new_worker();
        let w = signer::address_of(&worker);
        th::give_score(&sk, pk, w, RTX_3070, VRAM);
        th::advance(2_592_000 - 1);
        assert!(attestation::has_valid_score(w), 0);
        th::advance(1);
        assert!(!attestation::has_valid_score(w), 1);
        assert!(attestation::score_of(w) == 0, 2);
        assert!(attestation::vram_of(w) == 0, 3);
        // The report itself stays readable.
        assert!(attestation::info_score(&attestation::report_of(w)) == RTX_3070, 4);
    }

    #[test]
    fun higher_nonce_replaces_score() {
        th::setup();
        let (worker, sk, pk) = th::new_worker();
        let w = signer::address_of(&worker);
        th::give_score(&sk, pk, w, RTX_3070, VRAM);
        th::advance(100);
        th::give_score(&sk, pk, w, 10_690_000, 32_768);
        assert!(attestation::score_of(w) == 10_690_000, 0);
        assert!(attestation::vram_of(w) == 32_768, 1);
        assert!(attestation::last_nonce(w) == 2, 2);
        assert!(attestation::info_effective_at(&attestation::report_of(w)) == th::now(), 3);
    }

    #[test]
    fun report_at_freshness_edges_is_accepted() {
        th::setup();
        let (worker, sk, pk) = th::new_worker();
        let w = signer::address_of(&worker);
        let now = th::now();
        th::attest_report(&th::attester_signer(), &sk, pk, w, b"gpu-0", VRAM, RTX_3070, 1, now - 3_600);
        th::attest_report(&th::attester_signer(), &sk, pk, w, b"gpu-0", VRAM, RTX_3070, 2, now + 300);
        assert!(attestation::last_nonce(w) == 2, 0);
    }

    // Authorisation and signature checks.

    #[test]
    #[expected_failure(abort_code = 0x50001 /* ENotAttester */, location = lumen::attestation)]
    fun non_attester_is_rejected() {
        th::setup();
        let (worker, sk, pk) = th::new_worker();
        let w = signer::address_of(&worker);
        th::attest_report(&th::signer_of(@0xB0B), &sk, pk, w, b"gpu-0", VRAM, RTX_3070, 1, th::now());
    }

    #[test]
    #[expected_failure(abort_code = 0x50001 /* ENotAttester */, location = lumen::attestation)]
    fun removed_attester_is_rejected() {
        th::setup();
        config::remove_attester(&th::lumen_signer(), th::attester());
        let (worker, sk, pk) = th::new_worker();
        let w = signer::address_of(&worker);
        th::give_score(&sk, pk, w, RTX_3070, VRAM);
    }

    #[test]
    #[expected_failure(abort_code = 0x30005 /* EPaused */, location = lumen::config)]
    fun attest_while_paused_fails() {
        th::setup();
        config::set_paused(&th::lumen_signer(), true);
        let (worker, sk, pk) = th::new_worker();
        let w = signer::address_of(&worker);
        th::give_score(&sk, pk, w, RTX_3070, VRAM);
    }

    #[test]
    #[expected_failure(abort_code = 0x1000F /* EInvalidReport */, location = lumen::attestation)]
    fun zero_score_is_rejected() {
        th::setup();
        let (worker, sk, pk) = th::new_worker();
        let w = signer::address_of(&worker);
        th::give_score(&sk, pk, w, 0, VRAM);
    }

    #[test]
    #[expected_failure(abort_code = 0x1000F /* EInvalidReport */, location = lumen::attestation)]
    fun empty_device_id_is_rejected() {
        th::setup();
        let (worker, sk, pk) = th::new_worker();
        let w = signer::address_of(&worker);
        th::attest_report(&th::attester_signer(), &sk, pk, w, b"", VRAM, RTX_3070, 1, th::now());
    }

    #[test]
    #[expected_failure(abort_code = 0x10002 /* EInvalidPublicKey */, location = lumen::attestation)]
    fun short_public_key_is_rejected() {
        th::setup();
        let (worker, sk, _pk) = th::new_worker();
        let w = signer::address_of(&worker);
        th::attest_report(&th::attester_signer(), &sk, x"0102", w, b"gpu-0", VRAM, RTX_3070, 1, th::now());
    }

    #[test]
    #[expected_failure(abort_code = 0x10005 /* EInvalidSignature */, location = lumen::attestation)]
    fun short_signature_is_rejected() {
        th::setup();
        let (worker, _sk, pk) = th::new_worker();
        let w = signer::address_of(&worker);
        attestation::attest(
            &th::attester_signer(), w, b"gpu-0", gpu(), VRAM, RTX_3070, 1, 1, th::now(), pk, x"00ff",
        );
    }

    #[test]
    #[expected_failure(abort_code = 0x10005 /* EInvalidSignature */, location = lumen::attestation)]
    fun signature_over_other_fields_is_rejected() {
        th::setup();
        let (worker, sk, pk) = th::new_worker();
        let w = signer::address_of(&worker);
        let now = th::now();
        // Signed less VRAM than the report submitted claims.
        let signature = th::sign_report(&sk, w, b"gpu-0", gpu(), VRAM / 2, 1, 1, now);
        attestation::attest(
            &th::attester_signer(), w, b"gpu-0", gpu(), VRAM, RTX_3070, 1, 1, now, pk, signature,
        );
    }

    #[test]
    #[expected_failure(abort_code = 0x10005 /* EInvalidSignature */, location = lumen::attestation)]
    fun signature_for_other_chain_is_rejected() {
        th::setup();
        let (worker, sk, pk) = th::new_worker();
        let w = signer::address_of(&worker);
        let now = th::now();
        let report = attestation::new_report(w, b"gpu-0", gpu(), VRAM, 1, 1, now, 1);
        let signature = ed25519::signature_to_bytes(&ed25519::sign_struct(&sk, report));
        attestation::attest(
            &th::attester_signer(), w, b"gpu-0", gpu(), VRAM, RTX_3070, 1, 1, now, pk, signature,
        );
    }

    #[test]
    #[expected_failure(abort_code = 0x10004 /* EPublicKeyMismatch */, location = lumen::attestation)]
    fun key_of_another_account_is_rejected() {
        th::setup();
        let (worker, _sk, _pk) = th::new_worker();
        let (_other, other_sk, other_pk) = th::new_worker();
        let w = signer::address_of(&worker);
        // A valid signature by a key that is not the worker's device key.
        th::attest_report(
            &th::attester_signer(), &other_sk, other_pk, w, b"gpu-0", VRAM, RTX_3070, 1, th::now()
        );
    }

    #[test]
    #[expected_failure(abort_code = 0x60003 /* ENoDeviceKey */, location = lumen::attestation)]
    fun worker_without_device_key_is_rejected() {
        th::setup();
        let (_other, sk, pk) = th::new_worker();
        th::attest_report(&th::attester_signer(), &sk, pk, @0xDEAD, b"gpu-0", VRAM, RTX_3070, 1, th::now());
    }

    // Freshness and nonces.

    #[test]
    #[expected_failure(abort_code = 0x10006 /* EStaleReport */, location = lumen::attestation)]
    fun stale_report_is_rejected() {
        th::setup();
        let (worker, sk, pk) = th::new_worker();
        let w = signer::address_of(&worker);
        th::attest_report(
            &th::attester_signer(), &sk, pk, w, b"gpu-0", VRAM, RTX_3070, 1, th::now() - 3_601
        );
    }

    #[test]
    #[expected_failure(abort_code = 0x10007 /* EFutureReport */, location = lumen::attestation)]
    fun future_report_is_rejected() {
        th::setup();
        let (worker, sk, pk) = th::new_worker();
        let w = signer::address_of(&worker);
        th::attest_report(&th::attester_signer(), &sk, pk, w, b"gpu-0", VRAM, RTX_3070, 1, th::now() + 301);
    }

    #[test]
    #[expected_failure(abort_code = 0x8000B /* EAlreadyApproved */, location = lumen::attestation)]
    fun replayed_report_is_rejected() {
        th::setup();
        let (worker, sk, pk) = th::new_worker();
        let w = signer::address_of(&worker);
        let now = th::now();
        th::attest_report(&th::attester_signer(), &sk, pk, w, b"gpu-0", VRAM, RTX_3070, 5, now);
        th::attest_report(&th::attester_signer(), &sk, pk, w, b"gpu-0", VRAM, RTX_3070, 5, now);
    }

    #[test]
    #[expected_failure(abort_code = 0x10008 /* ENonceTooLow */, location = lumen::attestation)]
    fun lower_nonce_is_rejected() {
        th::setup();
        let (worker, sk, pk) = th::new_worker();
        let w = signer::address_of(&worker);
        let now = th::now();
        th::attest_report(&th::attester_signer(), &sk, pk, w, b"gpu-0", VRAM, RTX_3070, 5, now);
        th::attest_report(&th::attester_signer(), &sk, pk, w, b"gpu-0", VRAM, RTX_3070, 4, now);
    }

    // Device binding.

    #[test]
    #[expected_failure(abort_code = 0x80009 /* EDeviceBound */, location = lumen::attestation)]
    fun device_bound_to_another_worker_is_rejected() {
        th::setup();
        let (w1, sk1, pk1) = th::new_worker();
        let (w2, sk2, pk2) = th::new_worker();
        let now = th::now();
        th::attest_report(
            &th::attester_signer(), &sk1, pk1, signer::address_of(&w1), b"gpu-0", VRAM, RTX_3070, 1, now
        );
        th::attest_report(
            &th::attester_signer(), &sk2, pk2, signer::address_of(&w2), b"gpu-0", VRAM, RTX_3070, 1, now
        );
    }

    #[test]
    fun device_is_released_when_worker_moves_to_another_device() {
        th::setup();
        let (w1, sk1, pk1) = th::new_worker();
        let (w2, sk2, pk2) = th::new_worker();
        let a1 = signer::address_of(&w1);
        let a2 = signer::address_of(&w2);
        let now = th::now();
        th::attest_report(&th::attester_signer(), &sk1, pk1, a1, b"gpu-0", VRAM, RTX_3070, 1, now);
        th::attest_report(&th::attester_signer(), &sk1, pk1, a1, b"gpu-1", VRAM, RTX_3070, 2, now);
        assert!(attestation::worker_of_device(b"gpu-0") == option::none(), 0);
        assert!(attestation::worker_of_device(b"gpu-1") == option::some(a1), 1);
        th::attest_report(&th::attester_signer(), &sk2, pk2, a2, b"gpu-0", VRAM, RTX_3070, 1, now);
        assert!(attestation::worker_of_device(b"gpu-0") == option::some(a2), 2);
        // The same worker may re-attest its own device.
        th::attest_report(&th::attester_signer(), &sk2, pk2, a2, b"gpu-0", VRAM, 2_500_000, 2, now);
        assert!(attestation::score_of(a2) == 2_500_000, 3);
    }

    #[test]
    #[expected_failure(abort_code = 0x80009 /* EDeviceBound */, location = lumen::attestation)]
    fun revoked_device_is_not_released_by_moving_away() {
        th::setup();
        let (w1, sk1, pk1) = th::new_worker();
        let (w2, sk2, pk2) = th::new_worker();
        let a1 = signer::address_of(&w1);
        let now = th::now();
        th::attest_report(&th::attester_signer(), &sk1, pk1, a1, b"gpu-0", VRAM, RTX_3070, 1, now);
        attestation::revoke(&th::attester_signer(), a1, string::utf8(b"fake device"));
        th::attest_report(&th::attester_signer(), &sk1, pk1, a1, b"gpu-1", VRAM, RTX_3070, 2, now);
        assert!(attestation::worker_of_device(b"gpu-0") == option::some(a1), 0);
        th::attest_report(
            &th::attester_signer(), &sk2, pk2, signer::address_of(&w2), b"gpu-0", VRAM, RTX_3070, 1, now
        );
    }

    // Threshold of distinct attesters.

    #[test]
    fun threshold_needs_distinct_attesters() {
        th::setup();
        add_attesters_and_threshold(2);
        let (worker, sk, pk) = th::new_worker();
        let w = signer::address_of(&worker);
        let now = th::now();
        th::attest_report(&th::attester_signer(), &sk, pk, w, b"gpu-0", VRAM, RTX_3070, 1, now);
        assert!(attestation::score_of(w) == 0, 0);
        assert!(attestation::worker_of_device(b"gpu-0") == option::none(), 1);
        let (nonce, approvals) = attestation::pending_of(w);
        assert!(nonce == 1 && approvals == vector[th::attester()], 2);
        assert!(event::emitted_events<ScoreAttested>().length() == 0, 3);

        th::advance(60);
        th::attest_report(&th::signer_of(th::attester3()), &sk, pk, w, b"gpu-0", VRAM, RTX_3070, 1, now);
        assert!(attestation::score_of(w) == RTX_3070, 4);
        let (nonce_after, approvals_after) = attestation::pending_of(w);
        assert!(nonce_after == 0 && approvals_after.length() == 0, 5);
        let info = attestation::report_of(w);
        assert!(attestation::info_effective_at(&info) == now + 60, 6);
        assert!(
            event::was_event_emitted(
                &attestation::score_attested_event(
                    w, b"gpu-0", gpu(), VRAM, RTX_3070, 1, 1, now, now + 60, now + 60 + 2_592_000,
                    vector[th::attester(), th::attester3()],
                )
            ),
            7,
        );
        assert!(event::emitted_events<AttestationSubmitted>().length() == 2, 8);
    }

    #[test]
    fun approvals_of_removed_attesters_do_not_count() {
        th::setup();
        add_attesters_and_threshold(2);
        let (worker, sk, pk) = th::new_worker();
        let w = signer::address_of(&worker);
        let now = th::now();
        th::attest_report(&th::attester_signer(), &sk, pk, w, b"gpu-0", VRAM, RTX_3070, 1, now);
        config::remove_attester(&th::lumen_signer(), th::attester());
        th::attest_report(&th::signer_of(th::attester2()), &sk, pk, w, b"gpu-0", VRAM, RTX_3070, 1, now);
        assert!(attestation::score_of(w) == 0, 0);
        let (nonce, approvals) = attestation::pending_of(w);
        assert!(nonce == 1 && approvals == vector[th::attester2()], 1);
        th::attest_report(&th::signer_of(th::attester3()), &sk, pk, w, b"gpu-0", VRAM, RTX_3070, 1, now);
        assert!(attestation::score_of(w) == RTX_3070, 2);
        assert!(
            event::was_event_emitted(
                &attestation::score_attested_event(
                    w, b"gpu-0", gpu(), VRAM, RTX_3070, 1, 1, now, now, now + 2_592_000,
                    vector[th::attester2(), th::attester3()],
                )
            ),
            3,
        );
    }

    #[test]
    fun new_nonce_replaces_pending_report() {
        th::setup();
        add_attesters_and_threshold(2);
        let (worker, sk, pk) = th::new_worker();
        let w = signer::address_of(&worker);
        let now = th::now();
        th::attest_report(&th::attester_signer(), &sk, pk, w, b"gpu-0", VRAM, RTX_3070, 1, now);
        th::attest_report(&th::signer_of(th::attester2()), &sk, pk, w, b"gpu-0", VRAM, 2_000_000, 2, now);
        let (nonce, approvals) = attestation::pending_of(w);
        assert!(nonce == 2 && approvals == vector[th::attester2()], 0);
        assert!(attestation::score_of(w) == 0, 1);
        th::attest_report(&th::signer_of(th::attester3()), &sk, pk, w, b"gpu-0", VRAM, 2_000_000, 2, now);
        assert!(attestation::score_of(w) == 2_000_000, 2);
    }

    #[test]
    #[expected_failure(abort_code = 0x10008 /* ENonceTooLow */, location = lumen::attestation)]
    fun replaced_pending_report_cannot_be_completed() {
        th::setup();
        add_attesters_and_threshold(2);
        let (worker, sk, pk) = th::new_worker();
        let w = signer::address_of(&worker);
        let now = th::now();
        th::attest_report(&th::attester_signer(), &sk, pk, w, b"gpu-0", VRAM, RTX_3070, 1, now);
        th::attest_report(&th::signer_of(th::attester2()), &sk, pk, w, b"gpu-0", VRAM, RTX_3070, 2, now);
        th::attest_report(&th::signer_of(th::attester3()), &sk, pk, w, b"gpu-0", VRAM, RTX_3070, 1, now);
    }

    #[test]
    #[expected_failure(abort_code = 0x1000A /* EReportMismatch */, location = lumen::attestation)]
    fun different_report_with_pending_nonce_is_rejected() {
        th::setup();
        add_attesters_and_threshold(2);
        let (worker, sk, pk) = th::new_worker();
        let w = signer::address_of(&worker);
        let now = th::now();
        th::attest_report(&th::attester_signer(), &sk, pk, w, b"gpu-0", VRAM, RTX_3070, 1, now);
        // Same nonce, another claimed VRAM: not the report the first attester approved.
        th::attest_report(&th::signer_of(th::attester2()), &sk, pk, w, b"gpu-0", VRAM * 2, RTX_3070, 1, now);
    }

    #[test]
    #[expected_failure(abort_code = 0x8000B /* EAlreadyApproved */, location = lumen::attestation)]
    fun same_attester_cannot_approve_twice() {
        th::setup();
        add_attesters_and_threshold(2);
        let (worker, sk, pk) = th::new_worker();
        let w = signer::address_of(&worker);
        let now = th::now();
        th::attest_report(&th::attester_signer(), &sk, pk, w, b"gpu-0", VRAM, RTX_3070, 1, now);
        th::attest_report(&th::attester_signer(), &sk, pk, w, b"gpu-0", VRAM, RTX_3070, 1, now);
    }

    // Revocation.

    #[test]
    fun attester_revokes_and_a_new_report_restores() {
        th::setup();
        let (worker, sk, pk) = th::new_worker();
        let w = signer::address_of(&worker);
        th::give_score(&sk, pk, w, RTX_3070, VRAM);
        let reason = string::utf8(b"checksum mismatch");
        attestation::revoke(&th::attester_signer(), w, reason);
        assert!(!attestation::has_valid_score(w), 0);
        assert!(attestation::score_of(w) == 0, 1);
        assert!(attestation::info_revoked(&attestation::report_of(w)), 2);
        assert!(
            event::was_event_emitted(&attestation::score_revoked_event(w, th::attester(), reason)), 3
        );
        // Device stays bound to the revoked worker.
        assert!(attestation::worker_of_device(th::default_device(w)) == option::some(w), 4);
        th::give_score(&sk, pk, w, RTX_3070, VRAM);
        assert!(attestation::has_valid_score(w), 5);
    }

    #[test]
    fun admin_revokes_while_paused() {
        th::setup();
        let (worker, sk, pk) = th::new_worker();
        let w = signer::address_of(&worker);
        th::give_score(&sk, pk, w, RTX_3070, VRAM);
        config::set_paused(&th::lumen_signer(), true);
        attestation::revoke(&th::lumen_signer(), w, string::utf8(b"fraud"));
        assert!(!attestation::has_valid_score(w), 0);
    }

    #[test]
    #[expected_failure(abort_code = 0x5000C /* ENotAuthorized */, location = lumen::attestation)]
    fun revoke_by_other_account_fails() {
        th::setup();
        let (worker, sk, pk) = th::new_worker();
        let w = signer::address_of(&worker);
        th::give_score(&sk, pk, w, RTX_3070, VRAM);
        attestation::revoke(&worker, w, string::utf8(b"self"));
    }

    #[test]
    #[expected_failure(abort_code = 0x6000D /* ENoScore */, location = lumen::attestation)]
    fun revoke_without_score_fails() {
        th::setup();
        attestation::revoke(&th::attester_signer(), @0xB0B, string::utf8(b"none"));
    }

    #[test]
    #[expected_failure(abort_code = 0x3000E /* EAlreadyRevoked */, location = lumen::attestation)]
    fun revoke_twice_fails() {
        th::setup();
        let (worker, sk, pk) = th::new_worker();
        let w = signer::address_of(&worker);
        th::give_score(&sk, pk, w, RTX_3070, VRAM);
        attestation::revoke(&th::attester_signer(), w, string::utf8(b"a"));
        attestation::revoke(&th::attester_signer(), w, string::utf8(b"b"));
    }

    // Device keys.

    #[test]
    fun device_key_is_registered_and_rotated() {
        th::setup();
        let (worker, _sk, pk) = th::new_worker();
        let w = signer::address_of(&worker);
        assert!(attestation::device_key_of(w) == pk, 0);
        assert!(event::was_event_emitted(&attestation::device_key_registered_event(w, pk, vector[])), 1);
        let (new_sk, new_vpk) = ed25519::generate_keys();
        let new_pk = ed25519::validated_public_key_to_bytes(&new_vpk);
        attestation::register_device_key(&worker, new_pk);
        assert!(attestation::device_key_of(w) == new_pk, 2);
        assert!(event::was_event_emitted(&attestation::device_key_registered_event(w, new_pk, pk)), 3);
        // Reports are now signed by the new key; the old key is free for another worker.
        th::attest_report(&th::attester_signer(), &new_sk, new_pk, w, b"gpu-0", VRAM, RTX_3070, 1, th::now());
        assert!(attestation::score_of(w) == RTX_3070, 4);
        let (other, _, _) = th::new_worker();
        attestation::register_device_key(&other, pk);
        assert!(attestation::device_key_of(signer::address_of(&other)) == pk, 5);
        assert!(attestation::device_key_of(@0xB0B).is_empty(), 6);
    }

    #[test]
    #[expected_failure(abort_code = 0x10004 /* EPublicKeyMismatch */, location = lumen::attestation)]
    fun rotated_device_key_no_longer_signs() {
        th::setup();
        let (worker, sk, pk) = th::new_worker();
        let (_, new_vpk) = ed25519::generate_keys();
        attestation::register_device_key(&worker, ed25519::validated_public_key_to_bytes(&new_vpk));
        th::attest_report(
            &th::attester_signer(), &sk, pk, signer::address_of(&worker), b"gpu-0", VRAM, RTX_3070, 1, th::now()
        );
    }

    #[test]
    #[expected_failure(abort_code = 0x80010 /* EDeviceKeyTaken */, location = lumen::attestation)]
    fun device_key_of_another_worker_cannot_be_registered() {
        th::setup();
        let (_worker, _sk, pk) = th::new_worker();
        let (other, _, _) = th::new_keyed_account();
        attestation::register_device_key(&other, pk);
    }

    #[test]
    #[expected_failure(abort_code = 0x10002 /* EInvalidPublicKey */, location = lumen::attestation)]
    fun small_order_device_key_is_rejected() {
        th::setup();
        let (worker, _, _) = th::new_keyed_account();
        attestation::register_device_key(&worker, x"0000000000000000000000000000000000000000000000000000000000000000");
    }

    #[test]
    #[expected_failure(abort_code = 0x10002 /* EInvalidPublicKey */, location = lumen::attestation)]
    fun short_device_key_is_rejected() {
        th::setup();
        let (worker, _, _) = th::new_keyed_account();
        attestation::register_device_key(&worker, x"0102");
    }

    #[test]
    #[expected_failure(abort_code = 0x30005 /* EPaused */, location = lumen::config)]
    fun device_key_registration_while_paused_fails() {
        th::setup();
        config::set_paused(&th::lumen_signer(), true);
        th::new_worker();
    }

    // Scores measured by several attesters.

    #[test]
    fun one_dishonest_attester_cannot_move_a_score_outside_the_honest_measurements() {
        th::setup();
        add_attesters_and_threshold(2);
        let (worker, sk, pk) = th::new_worker();
        let w = signer::address_of(&worker);
        let now = th::now();
        // An inflated measurement first: the score is the honest one.
        th::attest_report(&th::signer_of(th::attester2()), &sk, pk, w, b"gpu-0", VRAM, 87_000_000, 1, now);
        th::attest_report(&th::attester_signer(), &sk, pk, w, b"gpu-0", VRAM, RTX_3070, 1, now);
        assert!(attestation::score_of(w) == RTX_3070, 0);
        // The third, honest measurement refines it to the second largest: still honest.
        th::attest_report(&th::signer_of(th::attester3()), &sk, pk, w, b"gpu-0", VRAM, 2_500_000, 1, now);
        assert!(attestation::score_of(w) == 2_500_000, 1);
        assert!(event::emitted_events<ScoreAttested>().length() == 2, 2);
        assert!(
            event::was_event_emitted(
                &attestation::score_attested_event(
                    w, b"gpu-0", gpu(), VRAM, 2_500_000, 1, 1, now, now, now + 2_592_000,
                    vector[th::attester2(), th::attester(), th::attester3()],
                )
            ),
            3,
        );

        // A deflated measurement is outvoted once the honest attesters measured.
        let (other, osk, opk) = th::new_worker();
        let o = signer::address_of(&other);
        th::attest_report(&th::signer_of(th::attester2()), &osk, opk, o, b"gpu-1", VRAM, 1, 1, now);
        th::attest_report(&th::attester_signer(), &osk, opk, o, b"gpu-1", VRAM, RTX_3070, 1, now);
        th::attest_report(&th::signer_of(th::attester3()), &osk, opk, o, b"gpu-1", VRAM, 2_400_000, 1, now);
        assert!(attestation::score_of(o) == 2_400_000, 4);
    }

    #[test]
    fun attesters_revoke_only_together_and_the_admin_alone() {
        th::setup();
        add_attesters_and_threshold(2);
        let (worker, sk, pk) = th::new_worker();
        let w = signer::address_of(&worker);
        let now = th::now();
        th::attest_report(&th::attester_signer(), &sk, pk, w, b"gpu-0", VRAM, RTX_3070, 1, now);
        th::attest_report(&th::signer_of(th::attester2()), &sk, pk, w, b"gpu-0", VRAM, RTX_3070, 1, now);
        let reason = string::utf8(b"fake device");
        attestation::revoke(&th::signer_of(th::attester3()), w, reason);
        assert!(attestation::has_valid_score(w), 0);
        assert!(
            event::was_event_emitted(&attestation::revocation_submitted_event(th::attester3(), w, 1, 1, 2)), 1
        );
        attestation::revoke(&th::attester_signer(), w, reason);
        assert!(!attestation::has_valid_score(w), 2);
        assert!(event::was_event_emitted(&attestation::score_revoked_event(w, th::attester(), reason)), 3);
        assert!(event::emitted_events<RevocationSubmitted>().length() == 2, 4);

        let (other, osk, opk) = th::new_worker();
        let o = signer::address_of(&other);
        th::attest_report(&th::attester_signer(), &osk, opk, o, b"gpu-1", VRAM, RTX_3070, 1, now);
        th::attest_report(&th::signer_of(th::attester2()), &osk, opk, o, b"gpu-1", VRAM, RTX_3070, 1, now);
        attestation::revoke(&th::lumen_signer(), o, reason);
        assert!(!attestation::has_valid_score(o), 5);
    }

    #[test]
    #[expected_failure(abort_code = 0x8000B /* EAlreadyApproved */, location = lumen::attestation)]
    fun an_attester_asks_to_revoke_once() {
        th::setup();
        add_attesters_and_threshold(2);
        let (worker, sk, pk) = th::new_worker();
        let w = signer::address_of(&worker);
        let now = th::now();
        th::attest_report(&th::attester_signer(), &sk, pk, w, b"gpu-0", VRAM, RTX_3070, 1, now);
        th::attest_report(&th::signer_of(th::attester2()), &sk, pk, w, b"gpu-0", VRAM, RTX_3070, 1, now);
        attestation::revoke(&th::attester_signer(), w, string::utf8(b"a"));
        attestation::revoke(&th::attester_signer(), w, string::utf8(b"a"));
    }

    // Releasing devices.

    #[test]
    fun worker_releases_its_device_and_its_score_ends() {
        th::setup();
        let (worker, sk, pk) = th::new_worker();
        let w = signer::address_of(&worker);
        th::give_score(&sk, pk, w, RTX_3070, VRAM);
        let device = th::default_device(w);
        th::advance(100);
        attestation::release_device(&worker);
        assert!(attestation::worker_of_device(device) == option::none(), 0);
        assert!(!attestation::has_valid_score(w), 1);
        assert!(attestation::info_expires_at(&attestation::report_of(w)) == th::now(), 2);
        assert!(event::was_event_emitted(&attestation::device_released_event(device, w, w, 1)), 3);
        // Another worker may now attest the device.
        let (other, osk, opk) = th::new_worker();
        let o = signer::address_of(&other);
        th::attest_report(&th::attester_signer(), &osk, opk, o, device, VRAM, RTX_3070, 1, th::now());
        assert!(attestation::worker_of_device(device) == option::some(o), 4);
    }

    #[test]
    #[expected_failure(abort_code = 0x60011 /* EDeviceNotBound */, location = lumen::attestation)]
    fun a_device_is_released_once() {
        th::setup();
        let (worker, sk, pk) = th::new_worker();
        th::give_score(&sk, pk, signer::address_of(&worker), RTX_3070, VRAM);
        attestation::release_device(&worker);
        attestation::release_device(&worker);
    }

    #[test]
    #[expected_failure(abort_code = 0x6000D /* ENoScore */, location = lumen::attestation)]
    fun release_without_a_score_fails() {
        th::setup();
        let (worker, _, _) = th::new_worker();
        attestation::release_device(&worker);
    }

    #[test]
    #[expected_failure(abort_code = 0x3000E /* EAlreadyRevoked */, location = lumen::attestation)]
    fun a_revoked_device_is_not_released_by_its_worker() {
        th::setup();
        let (worker, sk, pk) = th::new_worker();
        let w = signer::address_of(&worker);
        th::give_score(&sk, pk, w, RTX_3070, VRAM);
        attestation::revoke(&th::lumen_signer(), w, string::utf8(b"fraud"));
        attestation::release_device(&worker);
    }

    #[test]
    fun anyone_releases_a_device_whose_score_expired_long_ago() {
        th::setup();
        let (worker, sk, pk) = th::new_worker();
        let w = signer::address_of(&worker);
        th::give_score(&sk, pk, w, RTX_3070, VRAM);
        let device = th::default_device(w);
        th::advance(2_592_000 + 2_592_000);
        attestation::release_expired_device(&th::signer_of(@0xB0B), device);
        assert!(attestation::worker_of_device(device) == option::none(), 0);
        assert!(event::was_event_emitted(&attestation::device_released_event(device, w, @0xB0B, 2)), 1);
        assert!(event::emitted_events<DeviceReleased>().length() == 1, 2);
    }

    #[test]
    #[expected_failure(abort_code = 0x30012 /* ENotReleasable */, location = lumen::attestation)]
    fun a_recently_expired_device_stays_bound() {
        th::setup();
        let (worker, sk, pk) = th::new_worker();
        let w = signer::address_of(&worker);
        th::give_score(&sk, pk, w, RTX_3070, VRAM);
        th::advance(2_592_000 + 2_592_000 - 1);
        attestation::release_expired_device(&th::signer_of(@0xB0B), th::default_device(w));
    }

    #[test]
    #[expected_failure(abort_code = 0x30012 /* ENotReleasable */, location = lumen::attestation)]
    fun a_revoked_device_is_not_released_by_expiry() {
        th::setup();
        let (worker, sk, pk) = th::new_worker();
        let w = signer::address_of(&worker);
        th::give_score(&sk, pk, w, RTX_3070, VRAM);
        attestation::revoke(&th::lumen_signer(), w, string::utf8(b"fraud"));
        th::advance(2_592_000 * 3);
        attestation::release_expired_device(&th::signer_of(@0xB0B), th::default_device(w));
    }

    #[test]
    #[expected_failure(abort_code = 0x60011 /* EDeviceNotBound */, location = lumen::attestation)]
    fun an_unbound_device_is_not_released() {
        th::setup();
        attestation::release_expired_device(&th::signer_of(@0xB0B), b"gpu-9");
    }

    #[test]
    fun admin_unbinds_a_device_and_ends_its_score() {
        th::setup();
        let (worker, sk, pk) = th::new_worker();
        let w = signer::address_of(&worker);
        th::give_score(&sk, pk, w, RTX_3070, VRAM);
        let device = th::default_device(w);
        attestation::unbind_device(&th::lumen_signer(), device);
        assert!(attestation::worker_of_device(device) == option::none(), 0);
        assert!(!attestation::has_valid_score(w), 1);
        assert!(event::was_event_emitted(&attestation::device_released_event(device, w, @lumen, 3)), 2);
        // A revoked device, which nothing else releases, is unbound too.
        let (other, osk, opk) = th::new_worker();
        let o = signer::address_of(&other);
        th::give_score(&osk, opk, o, RTX_3070, VRAM);
        attestation::revoke(&th::lumen_signer(), o, string::utf8(b"fraud"));
        attestation::unbind_device(&th::lumen_signer(), th::default_device(o));
        assert!(attestation::worker_of_device(th::default_device(o)) == option::none(), 3);
        assert!(attestation::info_revoked(&attestation::report_of(o)), 4);
    }

    #[test]
    #[expected_failure(abort_code = 0x50001 /* ENotAdmin */, location = lumen::config)]
    fun only_the_admin_unbinds() {
        th::setup();
        let (worker, sk, pk) = th::new_worker();
        let w = signer::address_of(&worker);
        th::give_score(&sk, pk, w, RTX_3070, VRAM);
        attestation::unbind_device(&th::attester_signer(), th::default_device(w));
    }

    #[test]
    #[expected_failure(abort_code = 0x60011 /* EDeviceNotBound */, location = lumen::attestation)]
    fun unbinding_an_unbound_device_fails() {
        th::setup();
        attestation::unbind_device(&th::lumen_signer(), b"gpu-9");
    }
}
