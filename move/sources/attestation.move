/// Attested GPU benchmark scores.
///
/// A worker signs a `BenchmarkReport` with its account key; an authorised
/// attester submits it with `attest`. The report takes effect once
/// `attester_threshold` distinct attesters submitted the very same report
/// (same BCS bytes, hence same `report_hash`); approvals of attesters removed in
/// the meantime no longer count. An effective score is valid from
/// `effective_at` until `expires_at = effective_at + score_validity_secs`,
/// unless revoked.
///
/// Storage stays bounded: per worker only the effective report and the pending
/// report of the highest nonce are kept; a report with a higher nonce replaces
/// any pending one. A device id is bound to the worker whose report with it
/// took effect; it is released when that worker's next effective report names
/// another device, unless the report naming it was revoked: a revoked device
/// stays bound for good, so it cannot reappear under another account.
module lumen::attestation {
    use std::bcs;
    use std::error;
    use std::hash;
    use std::option::{Self, Option};
    use std::signer;
    use std::string::String;
    use aptos_std::ed25519;
    use aptos_std::table::{Self, Table};
    use aptos_framework::account;
    use aptos_framework::chain_id;
    use aptos_framework::event;
    use aptos_framework::object::{Self, ExtendRef};
    use aptos_framework::timestamp;
    use lumen::config;

    // Structs.

    /// The message a worker signs (checked with `ed25519::signature_verify_strict_t`).
    /// Field order is part of the signed bytes.
    struct BenchmarkReport has copy, drop {
        worker: address,
        device_id: vector<u8>,
        gpu_model: String,
        vram_mb: u64,
        score: u64,
        bench_version: u64,
        nonce: u64,
        measured_at: u64,
        chain_id: u8,
    }

    /// An effective report, as returned by `report_of`.
    struct ReportInfo has copy, drop, store {
        worker: address,
        device_id: vector<u8>,
        gpu_model: String,
        vram_mb: u64,
        score: u64,
        bench_version: u64,
        nonce: u64,
        measured_at: u64,
        chain_id: u8,
        effective_at: u64,
        expires_at: u64,
        revoked: bool,
    }

    /// Approvals collected for a report that has not taken effect yet.
    struct Pending has copy, drop, store {
        nonce: u64,
        report_hash: vector<u8>,
        attesters: vector<address>,
    }

    /// Per-worker attestation state.
    struct WorkerState has drop, store {
        /// Highest nonce accepted (pending or effective); the next report needs a higher one.
        last_nonce: u64,
        current: Option<ReportInfo>,
        pending: Option<Pending>,
    }

    /// Module state, in the named object `attestation` under `@lumen`.
    struct Registry has key {
        extend_ref: ExtendRef,
        workers: Table<address, WorkerState>,
        /// device id -> the worker it is bound to.
        devices: Table<vector<u8>, address>,
    }

    #[event]
    /// An attester submitted a report; `approvals` of `threshold` collected so far.
    struct AttestationSubmitted has drop, store {
        attester: address,
        worker: address,
        nonce: u64,
        report_hash: vector<u8>,
        approvals: u64,
        threshold: u64,
    }

    #[event]
    /// A report took effect: the worker's score is now `score` until `expires_at`.
    struct ScoreAttested has drop, store {
        worker: address,
        device_id: vector<u8>,
        gpu_model: String,
        vram_mb: u64,
        score: u64,
        bench_version: u64,
        nonce: u64,
        measured_at: u64,
        effective_at: u64,
        expires_at: u64,
        attesters: vector<address>,
    }

    #[event]
    /// The worker's current score was revoked by `by`.
    struct ScoreRevoked has drop, store {
        worker: address,
        by: address,
        reason: String,
    }

    // Errors.

    /// The caller is not an authorised attester.
    const ENotAttester: u64 = 1;
    /// The public key is not 32 bytes.
    const EInvalidPublicKey: u64 = 2;
    /// The worker has no account, so no authentication key to check against.
    const ENoWorkerAccount: u64 = 3;
    /// The public key is not the worker's current single-key ed25519 authentication key.
    const EPublicKeyMismatch: u64 = 4;
    /// The signature is malformed or does not verify over the report.
    const EInvalidSignature: u64 = 5;
    /// The report's `measured_at` is older than `report_max_age_secs`.
    const EStaleReport: u64 = 6;
    /// The report's `measured_at` is more than 300 s in the future.
    const EFutureReport: u64 = 7;
    /// The nonce is not above the worker's last accepted nonce.
    const ENonceTooLow: u64 = 8;
    /// The device is bound to another worker.
    const EDeviceBound: u64 = 9;
    /// A pending report with this nonce exists and differs from this one.
    const EReportMismatch: u64 = 10;
    /// This attester already approved the pending report.
    const EAlreadyApproved: u64 = 11;
    /// Only the admin or an attester may revoke.
    const ENotAuthorized: u64 = 12;
    /// The worker has no effective report.
    const ENoScore: u64 = 13;
    /// The worker's current score is already revoked.
    const EAlreadyRevoked: u64 = 14;
    /// Score 0, empty or over-long device id, or over-long GPU model.
    const EInvalidReport: u64 = 15;

    // Constants.

    const REGISTRY_SEED: vector<u8> = b"attestation";
    const PUBLIC_KEY_BYTES: u64 = 32;
    const SIGNATURE_BYTES: u64 = 64;
    const MAX_CLOCK_SKEW_SECS: u64 = 300;
    const MAX_DEVICE_ID_BYTES: u64 = 128;
    const MAX_GPU_MODEL_BYTES: u64 = 128;

    // Public entry functions.

    /// Submits a worker-signed benchmark report. The report is rebuilt on chain
    /// with `chain_id::get()`; it takes effect (emits `ScoreAttested`) once
    /// `attester_threshold` distinct attesters submitted it. Always emits
    /// `AttestationSubmitted`.
    ///
    /// # Aborts
    /// - `config::EPaused` while paused.
    /// - `ENotAttester` if the caller is not an attester.
    /// - `EInvalidReport` if `score` is 0, `device_id` is empty or longer than 128 bytes,
    ///   or `gpu_model` is longer than 128 bytes.
    /// - `EInvalidPublicKey` / `EInvalidSignature` for malformed key or signature bytes.
    /// - `ENoWorkerAccount` if the worker has no account.
    /// - `EPublicKeyMismatch` if the key is not the worker's authentication key.
    /// - `EInvalidSignature` if the signature does not verify over the report.
    /// - `EFutureReport` if `measured_at > now + 300`; `EStaleReport` if older than `report_max_age_secs`.
    /// - `EDeviceBound` if `device_id` is bound to another worker.
    /// - `ENonceTooLow` if `nonce` is not above the last accepted nonce (and joins no pending report).
    /// - `EReportMismatch` if a pending report with this nonce has different contents.
    /// - `EAlreadyApproved` if this attester already approved the pending report.
    public entry fun attest(
        attester: &signer,
        worker: address,
        device_id: vector<u8>,
        gpu_model: String,
        vram_mb: u64,
        score: u64,
        bench_version: u64,
        nonce: u64,
        measured_at: u64,
        worker_public_key: vector<u8>,
        worker_signature: vector<u8>,
    ) acquires Registry {
        config::assert_not_paused();
        let attester_addr = signer::address_of(attester);
        assert!(config::is_attester(attester_addr), error::permission_denied(ENotAttester));
        assert!(
            score > 0 && !device_id.is_empty() && device_id.length() <= MAX_DEVICE_ID_BYTES
                && gpu_model.length() <= MAX_GPU_MODEL_BYTES,
            error::invalid_argument(EInvalidReport),
        );
        let report = BenchmarkReport {
            worker,
            device_id,
            gpu_model,
            vram_mb,
            score,
            bench_version,
            nonce,
            measured_at,
            chain_id: chain_id::get(),
        };
        verify_signature(worker, worker_public_key, worker_signature, report);

        let now = timestamp::now_seconds();
        assert!(measured_at <= now + MAX_CLOCK_SKEW_SECS, error::invalid_argument(EFutureReport));
        assert!(
            measured_at >= now || now - measured_at <= config::report_max_age_secs(),
            error::invalid_argument(EStaleReport),
        );

        let registry = borrow_global_mut<Registry>(registry_address());
        if (registry.devices.contains(device_id)) {
            assert!(*registry.devices.borrow(device_id) == worker, error::already_exists(EDeviceBound));
        };
        let report_hash = hash::sha3_256(bcs::to_bytes(&report));
        if (!registry.workers.contains(worker)) {
            registry.workers.add(worker, WorkerState {
                last_nonce: 0,
                current: option::none(),
                pending: option::none(),
            });
        };

        let state = registry.workers.borrow_mut(worker);
        let joins_pending = option::is_some(&state.pending)
            && option::borrow(&state.pending).nonce == nonce;
        if (joins_pending) {
            let pending = option::borrow_mut(&mut state.pending);
            assert!(pending.report_hash == report_hash, error::invalid_argument(EReportMismatch));
            assert!(
                !pending.attesters.contains(&attester_addr),
                error::already_exists(EAlreadyApproved),
            );
            pending.attesters.push_back(attester_addr);
        } else {
            assert!(nonce > state.last_nonce, error::invalid_argument(ENonceTooLow));
            state.last_nonce = nonce;
            state.pending = option::some(Pending {
                nonce,
                report_hash,
                attesters: vector[attester_addr],
            });
        };

        // Approvals of attesters removed since they approved no longer count.
        let pending = option::borrow_mut(&mut state.pending);
        let attesters = vector[];
        let i = 0;
        while (i < pending.attesters.length()) {
            let approver = *pending.attesters.borrow(i);
            if (config::is_attester(approver)) {
                attesters.push_back(approver);
            };
            i += 1;
        };
        pending.attesters = attesters;
        let approvals = attesters.length();
        let threshold = config::attester_threshold();
        event::emit(AttestationSubmitted {
            attester: attester_addr,
            worker,
            nonce,
            report_hash,
            approvals,
            threshold,
        });
        if (approvals < threshold) {
            return
        };

        let effective_at = now;
        let expires_at = now + config::score_validity_secs();
        // A revoked report's device stays bound, so it cannot be moved to another account.
        let previous_device = if (option::is_some(&state.current)
            && !option::borrow(&state.current).revoked) {
            option::some(option::borrow(&state.current).device_id)
        } else {
            option::none()
        };
        state.pending = option::none();
        state.current = option::some(ReportInfo {
            worker,
            device_id,
            gpu_model,
            vram_mb,
            score,
            bench_version,
            nonce,
            measured_at,
            chain_id: report.chain_id,
            effective_at,
            expires_at,
            revoked: false,
        });

        if (option::is_some(&previous_device)) {
            let old = option::destroy_some(previous_device);
            if (old != device_id && registry.devices.contains(old)) {
                registry.devices.remove(old);
            };
        };
        registry.devices.upsert(device_id, worker);

        event::emit(ScoreAttested {
            worker,
            device_id,
            gpu_model,
            vram_mb,
            score,
            bench_version,
            nonce,
            measured_at,
            effective_at,
            expires_at,
            attesters,
        });
    }

    /// Revokes the worker's current score (its pending approvals are dropped too).
    /// A later report with a higher nonce can give it a new score.
    ///
    /// # Aborts
    /// - `ENotAuthorized` if the caller is neither the admin nor an attester.
    /// - `ENoScore` if the worker has no effective report.
    /// - `EAlreadyRevoked` if its current score is already revoked.
    public entry fun revoke(caller: &signer, worker: address, reason: String) acquires Registry {
        let by = signer::address_of(caller);
        assert!(
            config::is_admin(by) || config::is_attester(by),
            error::permission_denied(ENotAuthorized),
        );
        let registry = borrow_global_mut<Registry>(registry_address());
        assert!(registry.workers.contains(worker), error::not_found(ENoScore));
        let state = registry.workers.borrow_mut(worker);
        assert!(option::is_some(&state.current), error::not_found(ENoScore));
        let current = option::borrow_mut(&mut state.current);
        assert!(!current.revoked, error::invalid_state(EAlreadyRevoked));
        current.revoked = true;
        state.pending = option::none();
        event::emit(ScoreRevoked { worker, by, reason });
    }

    // Public functions.

    /// Builds a report value (used to sign it off chain in tests and scripts; the
    /// contract itself rebuilds the report from `attest`'s arguments).
    ///
    /// # Aborts
    /// Never.
    public fun new_report(
        worker: address,
        device_id: vector<u8>,
        gpu_model: String,
        vram_mb: u64,
        score: u64,
        bench_version: u64,
        nonce: u64,
        measured_at: u64,
        chain_id: u8,
    ): BenchmarkReport {
        BenchmarkReport {
            worker,
            device_id,
            gpu_model,
            vram_mb,
            score,
            bench_version,
            nonce,
            measured_at,
            chain_id,
        }
    }

    #[view]
    /// The worker's current score; 0 when it has none, or it expired or was revoked.
    ///
    /// # Aborts
    /// Never.
    public fun score_of(worker: address): u64 acquires Registry {
        let current = valid_report(worker);
        if (option::is_some(&current)) {
            option::borrow(&current).score
        } else {
            0
        }
    }

    #[view]
    /// Whether the worker has an effective, unexpired, unrevoked score.
    ///
    /// # Aborts
    /// Never.
    public fun has_valid_score(worker: address): bool acquires Registry {
        option::is_some(&valid_report(worker))
    }

    /// The VRAM (MiB) of the worker's valid report; 0 without a valid score.
    ///
    /// # Aborts
    /// Never.
    public fun vram_of(worker: address): u64 acquires Registry {
        let current = valid_report(worker);
        if (option::is_some(&current)) {
            option::borrow(&current).vram_mb
        } else {
            0
        }
    }

    #[view]
    /// The worker's effective report (also when expired or revoked).
    ///
    /// # Aborts
    /// - `ENoScore` if the worker never had an effective report.
    public fun report_of(worker: address): ReportInfo acquires Registry {
        let registry = borrow_global<Registry>(registry_address());
        assert!(registry.workers.contains(worker), error::not_found(ENoScore));
        let state = registry.workers.borrow(worker);
        assert!(option::is_some(&state.current), error::not_found(ENoScore));
        *option::borrow(&state.current)
    }

    #[view]
    /// The worker a device id is bound to, if any.
    ///
    /// # Aborts
    /// Never.
    public fun worker_of_device(device_id: vector<u8>): Option<address> acquires Registry {
        let registry = borrow_global<Registry>(registry_address());
        if (registry.devices.contains(device_id)) {
            option::some(*registry.devices.borrow(device_id))
        } else {
            option::none()
        }
    }

    #[view]
    /// The highest nonce accepted for the worker (pending or effective); 0 when none.
    ///
    /// # Aborts
    /// Never.
    public fun last_nonce(worker: address): u64 acquires Registry {
        let registry = borrow_global<Registry>(registry_address());
        if (registry.workers.contains(worker)) {
            registry.workers.borrow(worker).last_nonce
        } else {
            0
        }
    }

    /// Approvals collected for the worker's pending report: (nonce, attesters); (0, []) when none.
    ///
    /// # Aborts
    /// Never.
    public fun pending_of(worker: address): (u64, vector<address>) acquires Registry {
        let registry = borrow_global<Registry>(registry_address());
        if (!registry.workers.contains(worker)) {
            return (0, vector[])
        };
        let state = registry.workers.borrow(worker);
        if (option::is_some(&state.pending)) {
            let pending = option::borrow(&state.pending);
            (pending.nonce, pending.attesters)
        } else {
            (0, vector[])
        }
    }

    /// Address of the module's registry object.
    ///
    /// # Aborts
    /// Never.
    public fun registry_address(): address {
        object::create_object_address(&@lumen, REGISTRY_SEED)
    }

    /// Field accessors of `ReportInfo` (structs' fields are private to their module).
    ///
    /// # Aborts
    /// Never.
    public fun info_score(info: &ReportInfo): u64 { info.score }

    /// The report's VRAM in MiB.
    ///
    /// # Aborts
    /// Never.
    public fun info_vram_mb(info: &ReportInfo): u64 { info.vram_mb }

    /// The report's device id.
    ///
    /// # Aborts
    /// Never.
    public fun info_device_id(info: &ReportInfo): vector<u8> { info.device_id }

    /// The report's nonce.
    ///
    /// # Aborts
    /// Never.
    public fun info_nonce(info: &ReportInfo): u64 { info.nonce }

    /// When the report took effect.
    ///
    /// # Aborts
    /// Never.
    public fun info_effective_at(info: &ReportInfo): u64 { info.effective_at }

    /// When the score expires.
    ///
    /// # Aborts
    /// Never.
    public fun info_expires_at(info: &ReportInfo): u64 { info.expires_at }

    /// Whether the score was revoked.
    ///
    /// # Aborts
    /// Never.
    public fun info_revoked(info: &ReportInfo): bool { info.revoked }

    // Private functions.

    /// Creates the module object and its state; run once when the package is published.
    fun init_module(deployer: &signer) {
        let constructor_ref = object::create_named_object(deployer, REGISTRY_SEED);
        let object_signer = object::generate_signer(&constructor_ref);
        move_to(&object_signer, Registry {
            extend_ref: object::generate_extend_ref(&constructor_ref),
            workers: table::new(),
            devices: table::new(),
        });
    }

    /// Checks that `public_key` is the worker's current authentication key and
    /// that `signature` verifies over `report`.
    fun verify_signature(
        worker: address,
        public_key: vector<u8>,
        signature: vector<u8>,
        report: BenchmarkReport,
    ) {
        assert!(public_key.length() == PUBLIC_KEY_BYTES, error::invalid_argument(EInvalidPublicKey));
        assert!(signature.length() == SIGNATURE_BYTES, error::invalid_argument(EInvalidSignature));
        assert!(account::exists_at(worker), error::not_found(ENoWorkerAccount));
        let pk = ed25519::new_unvalidated_public_key_from_bytes(public_key);
        assert!(
            ed25519::unvalidated_public_key_to_authentication_key(&pk)
                == account::get_authentication_key(worker),
            error::invalid_argument(EPublicKeyMismatch),
        );
        let sig = ed25519::new_signature_from_bytes(signature);
        assert!(
            ed25519::signature_verify_strict_t(&sig, &pk, report),
            error::invalid_argument(EInvalidSignature),
        );
    }

    /// The worker's current report when it is valid now.
    fun valid_report(worker: address): Option<ReportInfo> acquires Registry {
        let registry = borrow_global<Registry>(registry_address());
        if (!registry.workers.contains(worker)) {
            return option::none()
        };
        let state = registry.workers.borrow(worker);
        if (option::is_none(&state.current)) {
            return option::none()
        };
        let current = *option::borrow(&state.current);
        if (current.revoked || timestamp::now_seconds() >= current.expires_at) {
            option::none()
        } else {
            option::some(current)
        }
    }

    // Test-only functions.

    #[test_only]
    /// Runs `init_module` in unit tests (the VM runs it on publish).
    public fun init_for_test(deployer: &signer) {
        init_module(deployer);
    }

    #[test_only]
    /// Builds a `ScoreRevoked` value so tests can check it was emitted.
    public fun score_revoked_event(worker: address, by: address, reason: String): ScoreRevoked {
        ScoreRevoked { worker, by, reason }
    }

    #[test_only]
    /// Builds an `AttestationSubmitted` value so tests can check it was emitted.
    public fun attestation_submitted_event(
        attester: address,
        worker: address,
        nonce: u64,
        report_hash: vector<u8>,
        approvals: u64,
        threshold: u64,
    ): AttestationSubmitted {
        AttestationSubmitted { attester, worker, nonce, report_hash, approvals, threshold }
    }

    #[test_only]
    /// Builds a `ScoreAttested` value so tests can check it was emitted.
    public fun score_attested_event(
        worker: address,
        device_id: vector<u8>,
        gpu_model: String,
        vram_mb: u64,
        score: u64,
        bench_version: u64,
        nonce: u64,
        measured_at: u64,
        effective_at: u64,
        expires_at: u64,
        attesters: vector<address>,
    ): ScoreAttested {
        ScoreAttested {
            worker,
            device_id,
            gpu_model,
            vram_mb,
            score,
            bench_version,
            nonce,
            measured_at,
            effective_at,
            expires_at,
            attesters,
        }
    }

    #[test_only]
    /// The `report_hash` the module computes for `report`.
    public fun report_hash_for_test(report: &BenchmarkReport): vector<u8> {
        hash::sha3_256(bcs::to_bytes(report))
    }
}
