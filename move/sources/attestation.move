/// Attested GPU benchmark scores, device keys and the device <-> worker binding.
///
/// Device keys: a worker registers the ed25519 key of its render node with
/// `register_device_key`, a transaction signed by the worker's account. The
/// device key signs benchmark reports (and, off chain, answers the attesters'
/// liveness challenges); the account key that controls stake never has to be
/// on the node. A device key belongs to one worker at a time.
///
/// Scores: the device key signs a `BenchmarkReport` naming the device, its
/// claimed class (model, VRAM) and a nonce. Every authorised attester measures
/// the device itself and submits the report with the score it measured
/// (`attest`). The report takes effect once `attester_threshold` distinct
/// current attesters submitted the very same report (same BCS bytes, hence
/// same `report_hash`); its score is the `attester_threshold`-th largest of
/// their measured scores, recomputed on every later approval of the same
/// report. So fewer than `attester_threshold` attesters cannot raise a score
/// above what an honest attester measured, and once the honest attesters
/// submitted they cannot lower it below all of their measurements either.
///
/// State per worker: no report -> a round (approvals of the report of the
/// highest nonce) -> effective (`current`, valid from `effective_at` until
/// `expires_at = effective_at + score_validity_secs`) -> expired, revoked
/// (by the admin at once, or by `attester_threshold` attesters) or released.
/// A report with a higher nonce starts a new round; the current score stays
/// until the new round takes effect. Storage stays bounded: per worker only
/// the current report, the round of the highest nonce and one revocation.
///
/// Binding (one device, one worker): a device id is bound to the worker whose
/// report with it took effect. It is released when that worker's next
/// effective report names another device, when the worker releases it
/// (`release_device`, which ends its score), when its score expired more than
/// `device_release_grace_secs` ago (`release_expired_device`, anyone), or by
/// the admin (`unbind_device`). A revoked report's device stays bound (only the
/// admin can unbind it), so it cannot reappear under another account.
module lumen::attestation {
    use std::bcs;
    use std::error;
    use std::hash;
    use std::option::{Self, Option};
    use std::signer;
    use std::string::String;
    use aptos_std::ed25519;
    use aptos_std::table::{Self, Table};
    use aptos_framework::chain_id;
    use aptos_framework::event;
    use aptos_framework::object::{Self, ExtendRef};
    use aptos_framework::timestamp;
    use lumen::config;

    // Structs.

    /// The message a worker's device key signs (checked with
    /// `ed25519::signature_verify_strict_t`). Field order is part of the signed
    /// bytes. The score is not in it: each attester measures its own.
    struct BenchmarkReport has copy, drop {
        worker: address,
        device_id: vector<u8>,
        gpu_model: String,
        vram_mb: u64,
        bench_version: u64,
        nonce: u64,
        measured_at: u64,
        chain_id: u8,
    }

    /// An effective report, as returned by `report_of`; `score` is the
    /// threshold-th largest measured score of its approvals.
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

    /// Approvals of the worker's report of the highest nonce, each with the
    /// approving attester's measured score (same index).
    struct Round has copy, drop, store {
        nonce: u64,
        report_hash: vector<u8>,
        attesters: vector<address>,
        scores: vector<u64>,
        /// Whether it took effect: it is then the worker's current report.
        effective: bool,
    }

    /// Attesters asking to revoke the worker's current report (of `nonce`).
    struct Revocation has copy, drop, store {
        nonce: u64,
        attesters: vector<address>,
    }

    /// Per-worker attestation state.
    struct WorkerState has drop, store {
        /// Highest nonce accepted; the next report needs a higher one.
        last_nonce: u64,
        current: Option<ReportInfo>,
        round: Option<Round>,
        revocation: Option<Revocation>,
    }

    /// Module state, in the named object `attestation` under `@lumen`.
    struct Registry has key {
        extend_ref: ExtendRef,
        workers: Table<address, WorkerState>,
        /// device id -> the worker it is bound to.
        devices: Table<vector<u8>, address>,
        /// worker -> its registered device public key.
        device_keys: Table<address, vector<u8>>,
        /// device public key -> the worker that registered it.
        key_owners: Table<vector<u8>, address>,
    }

    #[event]
    /// A worker registered (or rotated) its device key; `previous_key` is empty
    /// when it had none.
    struct DeviceKeyRegistered has drop, store {
        worker: address,
        device_public_key: vector<u8>,
        previous_key: vector<u8>,
    }

    #[event]
    /// An attester submitted a report with the score it measured; `approvals`
    /// of `threshold` collected so far.
    struct AttestationSubmitted has drop, store {
        attester: address,
        worker: address,
        nonce: u64,
        report_hash: vector<u8>,
        score: u64,
        approvals: u64,
        threshold: u64,
    }

    #[event]
    /// A report took effect or its score was refined by a later approval: the
    /// worker's score is now `score` until `expires_at`.
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
    /// An attester asked to revoke the worker's current report (of `nonce`);
    /// `approvals` of `threshold` collected so far.
    struct RevocationSubmitted has drop, store {
        attester: address,
        worker: address,
        nonce: u64,
        approvals: u64,
        threshold: u64,
    }

    #[event]
    /// The worker's current score was revoked; `by` is the admin or the
    /// attester whose request reached the threshold.
    struct ScoreRevoked has drop, store {
        worker: address,
        by: address,
        reason: String,
    }

    #[event]
    /// A device was unbound from `worker`. `kind`: 1 released by the worker
    /// (its score ended), 2 released after its score expired more than
    /// `device_release_grace_secs` ago, 3 unbound by the admin (a valid score
    /// of it ended).
    struct DeviceReleased has drop, store {
        device_id: vector<u8>,
        worker: address,
        by: address,
        kind: u8,
    }

    // Errors.

    /// The caller is not an authorised attester.
    const ENotAttester: u64 = 1;
    /// The public key is not 32 bytes of a valid ed25519 point.
    const EInvalidPublicKey: u64 = 2;
    /// The worker has registered no device key.
    const ENoDeviceKey: u64 = 3;
    /// The public key is not the worker's registered device key.
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
    /// A round with this nonce exists for a different report.
    const EReportMismatch: u64 = 10;
    /// This attester already approved this report, or already asked to revoke it.
    const EAlreadyApproved: u64 = 11;
    /// Only the admin or an attester may revoke.
    const ENotAuthorized: u64 = 12;
    /// The worker has no effective report.
    const ENoScore: u64 = 13;
    /// The worker's current score is already revoked.
    const EAlreadyRevoked: u64 = 14;
    /// Score 0, empty or over-long device id, or over-long GPU model.
    const EInvalidReport: u64 = 15;
    /// Another worker registered this device key.
    const EDeviceKeyTaken: u64 = 16;
    /// The device is not bound, or not to the caller's current report.
    const EDeviceNotBound: u64 = 17;
    /// The device's report is revoked, or its score has not been expired for `device_release_grace_secs`.
    const ENotReleasable: u64 = 18;

    // Constants.

    const REGISTRY_SEED: vector<u8> = b"attestation";
    const PUBLIC_KEY_BYTES: u64 = 32;
    const SIGNATURE_BYTES: u64 = 64;
    const MAX_CLOCK_SKEW_SECS: u64 = 300;
    const MAX_DEVICE_ID_BYTES: u64 = 128;
    const MAX_GPU_MODEL_BYTES: u64 = 128;
    const RELEASED_BY_WORKER: u8 = 1;
    const RELEASED_EXPIRED: u8 = 2;
    const UNBOUND_BY_ADMIN: u8 = 3;

    // Public entry functions.

    /// Registers `device_public_key` as the worker's device key, replacing any
    /// earlier one (which becomes free). Emits `DeviceKeyRegistered`.
    ///
    /// # Aborts
    /// - `config::EPaused` while paused.
    /// - `EInvalidPublicKey` if the key is not 32 bytes of a valid ed25519 point.
    /// - `EDeviceKeyTaken` if another worker registered the key.
    public entry fun register_device_key(
        worker: &signer,
        device_public_key: vector<u8>,
    ) acquires Registry {
        config::assert_not_paused();
        let worker_addr = signer::address_of(worker);
        assert!(
            device_public_key.length() == PUBLIC_KEY_BYTES
                && ed25519::new_validated_public_key_from_bytes(device_public_key).is_some(),
            error::invalid_argument(EInvalidPublicKey),
        );
        let registry = borrow_global_mut<Registry>(registry_address());
        if (registry.key_owners.contains(device_public_key)) {
            assert!(
                *registry.key_owners.borrow(device_public_key) == worker_addr,
                error::already_exists(EDeviceKeyTaken),
            );
        };
        let previous_key = if (registry.device_keys.contains(worker_addr)) {
            registry.device_keys.remove(worker_addr)
        } else {
            vector[]
        };
        if (!previous_key.is_empty() && previous_key != device_public_key) {
            registry.key_owners.remove(previous_key);
        };
        registry.device_keys.add(worker_addr, device_public_key);
        registry.key_owners.upsert(device_public_key, worker_addr);
        event::emit(DeviceKeyRegistered { worker: worker_addr, device_public_key, previous_key });
    }

    /// Submits a device-signed benchmark report with the score this attester
    /// measured. The report is rebuilt on chain with `chain_id::get()`; it takes
    /// effect (emits `ScoreAttested`) once `attester_threshold` distinct
    /// attesters submitted it, and every later approval of it refines the score
    /// (another `ScoreAttested`). Always emits `AttestationSubmitted`.
    ///
    /// # Aborts
    /// - `config::EPaused` while paused.
    /// - `ENotAttester` if the caller is not an attester.
    /// - `EInvalidReport` if `score` is 0, `device_id` is empty or longer than 128 bytes,
    ///   or `gpu_model` is longer than 128 bytes.
    /// - `EInvalidPublicKey` / `EInvalidSignature` for malformed key or signature bytes.
    /// - `ENoDeviceKey` if the worker registered no device key.
    /// - `EPublicKeyMismatch` if the key is not the worker's device key.
    /// - `EInvalidSignature` if the signature does not verify over the report.
    /// - `EFutureReport` if `measured_at > now + 300`; `EStaleReport` if older than `report_max_age_secs`.
    /// - `EDeviceBound` if `device_id` is bound to another worker.
    /// - `ENonceTooLow` if `nonce` is not above the last accepted nonce (and joins no round).
    /// - `EReportMismatch` if the round with this nonce is for a different report.
    /// - `EAlreadyApproved` if this attester already approved the report.
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
        device_public_key: vector<u8>,
        device_signature: vector<u8>,
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
            bench_version,
            nonce,
            measured_at,
            chain_id: chain_id::get(),
        };
        let registry = borrow_global_mut<Registry>(registry_address());
        verify_signature(registry, worker, device_public_key, device_signature, report);

        let now = timestamp::now_seconds();
        assert!(measured_at <= now + MAX_CLOCK_SKEW_SECS, error::invalid_argument(EFutureReport));
        assert!(
            measured_at >= now || now - measured_at <= config::report_max_age_secs(),
            error::invalid_argument(EStaleReport),
        );
        if (registry.devices.contains(device_id)) {
            assert!(*registry.devices.borrow(device_id) == worker, error::already_exists(EDeviceBound));
        };
        let report_hash = hash::sha3_256(bcs::to_bytes(&report));
        if (!registry.workers.contains(worker)) {
            registry.workers.add(worker, WorkerState {
                last_nonce: 0,
                current: option::none(),
                round: option::none(),
                revocation: option::none(),
            });
        };

        let state = registry.workers.borrow_mut(worker);
        let joins_round = state.round.is_some() && state.round.borrow().nonce == nonce;
        if (joins_round) {
            let round = state.round.borrow_mut();
            assert!(round.report_hash == report_hash, error::invalid_argument(EReportMismatch));
            assert!(!round.attesters.contains(&attester_addr), error::already_exists(EAlreadyApproved));
            round.attesters.push_back(attester_addr);
            round.scores.push_back(score);
        } else {
            assert!(nonce > state.last_nonce, error::invalid_argument(ENonceTooLow));
            state.last_nonce = nonce;
            state.round = option::some(Round {
                nonce,
                report_hash,
                attesters: vector[attester_addr],
                scores: vector[score],
                effective: false,
            });
        };

        // Approvals of attesters removed since they approved no longer count.
        let round = state.round.borrow_mut();
        let attesters = vector[];
        let scores = vector[];
        let i = 0;
        while (i < round.attesters.length()) {
            let approver = round.attesters[i];
            if (config::is_attester(approver)) {
                attesters.push_back(approver);
                scores.push_back(round.scores[i]);
            };
            i += 1;
        };
        round.attesters = attesters;
        round.scores = scores;
        let approvals = attesters.length();
        let threshold = config::attester_threshold();
        event::emit(AttestationSubmitted {
            attester: attester_addr,
            worker,
            nonce,
            report_hash,
            score,
            approvals,
            threshold,
        });
        if (approvals < threshold) {
            return
        };
        let measured = kth_largest(scores, threshold);

        if (round.effective) {
            // A later approval of the current report refines its score.
            let current = state.current.borrow_mut();
            current.score = measured;
            emit_score_attested(current, attesters);
            return
        };
        round.effective = true;
        let expires_at = now + config::score_validity_secs();
        // A revoked report's device stays bound, so it cannot be moved to another account.
        let previous_device = if (state.current.is_some() && !state.current.borrow().revoked) {
            option::some(state.current.borrow().device_id)
        } else {
            option::none()
        };
        let info = ReportInfo {
            worker,
            device_id,
            gpu_model,
            vram_mb,
            score: measured,
            bench_version,
            nonce,
            measured_at,
            chain_id: report.chain_id,
            effective_at: now,
            expires_at,
            revoked: false,
        };
        state.current = option::some(info);
        state.revocation = option::none();
        previous_device.for_each(|old| {
            if (old != device_id && registry.devices.contains(old)) {
                registry.devices.remove(old);
            };
        });
        registry.devices.upsert(device_id, worker);
        emit_score_attested(&info, attesters);
    }

    /// Revokes the worker's current score (its round is dropped too): at once
    /// when the admin calls, otherwise once `attester_threshold` distinct
    /// attesters asked for the same report (emits `RevocationSubmitted` for each
    /// request). A later report with a higher nonce can give it a new score.
    ///
    /// # Aborts
    /// - `ENotAuthorized` if the caller is neither the admin nor an attester.
    /// - `ENoScore` if the worker has no effective report.
    /// - `EAlreadyRevoked` if its current score is already revoked.
    /// - `EAlreadyApproved` if this attester already asked to revoke this report.
    public entry fun revoke(caller: &signer, worker: address, reason: String) acquires Registry {
        let by = signer::address_of(caller);
        let is_admin = config::is_admin(by);
        assert!(is_admin || config::is_attester(by), error::permission_denied(ENotAuthorized));
        let registry = borrow_global_mut<Registry>(registry_address());
        assert!(registry.workers.contains(worker), error::not_found(ENoScore));
        let state = registry.workers.borrow_mut(worker);
        assert!(state.current.is_some(), error::not_found(ENoScore));
        assert!(!state.current.borrow().revoked, error::invalid_state(EAlreadyRevoked));
        if (!is_admin) {
            let nonce = state.current.borrow().nonce;
            let requests = if (state.revocation.is_some() && state.revocation.borrow().nonce == nonce) {
                state.revocation.borrow().attesters
            } else {
                vector[]
            };
            assert!(!requests.contains(&by), error::already_exists(EAlreadyApproved));
            requests.push_back(by);
            let attesters = requests.filter(|a| config::is_attester(*a));
            let approvals = attesters.length();
            let threshold = config::attester_threshold();
            event::emit(RevocationSubmitted { attester: by, worker, nonce, approvals, threshold });
            if (approvals < threshold) {
                state.revocation = option::some(Revocation { nonce, attesters });
                return
            };
        };
        state.current.borrow_mut().revoked = true;
        state.round = option::none();
        state.revocation = option::none();
        event::emit(ScoreRevoked { worker, by, reason });
    }

    /// The worker releases the device of its current report: the binding ends,
    /// and so does its score (its expiry becomes now). Allowed while paused.
    ///
    /// # Aborts
    /// - `ENoScore` if the worker has no effective report.
    /// - `EAlreadyRevoked` if that report was revoked (only the admin unbinds it).
    /// - `EDeviceNotBound` if its device is no longer bound to the worker.
    public entry fun release_device(worker: &signer) acquires Registry {
        let worker_addr = signer::address_of(worker);
        let registry = borrow_global_mut<Registry>(registry_address());
        assert!(registry.workers.contains(worker_addr), error::not_found(ENoScore));
        let state = registry.workers.borrow_mut(worker_addr);
        assert!(state.current.is_some(), error::not_found(ENoScore));
        let current = state.current.borrow_mut();
        assert!(!current.revoked, error::invalid_state(EAlreadyRevoked));
        let device_id = current.device_id;
        assert!(
            registry.devices.contains(device_id) && *registry.devices.borrow(device_id) == worker_addr,
            error::not_found(EDeviceNotBound),
        );
        end_score(state);
        registry.devices.remove(device_id);
        event::emit(DeviceReleased { device_id, worker: worker_addr, by: worker_addr, kind: RELEASED_BY_WORKER });
    }

    /// Anyone releases a device whose worker's score of it expired at least
    /// `device_release_grace_secs` ago. Allowed while paused.
    ///
    /// # Aborts
    /// - `EDeviceNotBound` if the device is not bound.
    /// - `ENotReleasable` if the bound worker's current report is of another
    ///   device or revoked, or its score expired less than `device_release_grace_secs` ago.
    public entry fun release_expired_device(caller: &signer, device_id: vector<u8>) acquires Registry {
        let registry = borrow_global_mut<Registry>(registry_address());
        assert!(registry.devices.contains(device_id), error::not_found(EDeviceNotBound));
        let worker = *registry.devices.borrow(device_id);
        let state = registry.workers.borrow(worker);
        assert!(state.current.is_some(), error::invalid_state(ENotReleasable));
        let current = state.current.borrow();
        assert!(
            current.device_id == device_id && !current.revoked
                && timestamp::now_seconds() >= current.expires_at + config::device_release_grace_secs(),
            error::invalid_state(ENotReleasable),
        );
        registry.devices.remove(device_id);
        event::emit(DeviceReleased {
            device_id,
            worker,
            by: signer::address_of(caller),
            kind: RELEASED_EXPIRED,
        });
    }

    /// The admin unbinds a device; when it is the device of the bound worker's
    /// valid, unrevoked report, that score ends now.
    ///
    /// # Aborts
    /// - `config::ENotAdmin` if the caller is not the admin.
    /// - `EDeviceNotBound` if the device is not bound.
    public entry fun unbind_device(admin: &signer, device_id: vector<u8>) acquires Registry {
        config::assert_admin(admin);
        let registry = borrow_global_mut<Registry>(registry_address());
        assert!(registry.devices.contains(device_id), error::not_found(EDeviceNotBound));
        let worker = registry.devices.remove(device_id);
        let state = registry.workers.borrow_mut(worker);
        if (state.current.is_some()) {
            let current = state.current.borrow();
            if (current.device_id == device_id && !current.revoked) {
                end_score(state);
            };
        };
        event::emit(DeviceReleased {
            device_id,
            worker,
            by: signer::address_of(admin),
            kind: UNBOUND_BY_ADMIN,
        });
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
        bench_version: u64,
        nonce: u64,
        measured_at: u64,
        chain_id: u8,
    ): BenchmarkReport {
        BenchmarkReport { worker, device_id, gpu_model, vram_mb, bench_version, nonce, measured_at, chain_id }
    }

    #[view]
    /// The worker's current score; 0 when it has none, or it expired, was revoked or released.
    ///
    /// # Aborts
    /// Never.
    public fun score_of(worker: address): u64 acquires Registry {
        let current = valid_report(worker);
        if (current.is_some()) {
            current.borrow().score
        } else {
            0
        }
    }

    #[view]
    /// The worker's score in force at time `t`: the current report's score when
    /// it took effect at or before `t`, expires after `t` and is not revoked; 0
    /// otherwise (only the current report is kept, so a time before it took
    /// effect reads 0).
    ///
    /// # Aborts
    /// Never.
    public fun score_at(worker: address, t: u64): u64 acquires Registry {
        let registry = borrow_global<Registry>(registry_address());
        if (!registry.workers.contains(worker)) {
            return 0
        };
        let state = registry.workers.borrow(worker);
        if (option::is_none(&state.current)) {
            return 0
        };
        let current = option::borrow(&state.current);
        if (current.revoked || current.effective_at > t || t >= current.expires_at) 0 else current.score
    }

    #[view]
    /// Whether the worker has an effective, unexpired, unrevoked score.
    ///
    /// # Aborts
    /// Never.
    public fun has_valid_score(worker: address): bool acquires Registry {
        valid_report(worker).is_some()
    }

    /// The VRAM (MiB) of the worker's valid report; 0 without a valid score.
    ///
    /// # Aborts
    /// Never.
    public fun vram_of(worker: address): u64 acquires Registry {
        let current = valid_report(worker);
        if (current.is_some()) {
            current.borrow().vram_mb
        } else {
            0
        }
    }

    #[view]
    /// The worker's effective report (also when expired, revoked or released).
    ///
    /// # Aborts
    /// - `ENoScore` if the worker never had an effective report.
    public fun report_of(worker: address): ReportInfo acquires Registry {
        let registry = borrow_global<Registry>(registry_address());
        assert!(registry.workers.contains(worker), error::not_found(ENoScore));
        let state = registry.workers.borrow(worker);
        assert!(state.current.is_some(), error::not_found(ENoScore));
        *state.current.borrow()
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
    /// The worker's registered device public key; empty when it has none.
    ///
    /// # Aborts
    /// Never.
    public fun device_key_of(worker: address): vector<u8> acquires Registry {
        let registry = borrow_global<Registry>(registry_address());
        if (registry.device_keys.contains(worker)) {
            *registry.device_keys.borrow(worker)
        } else {
            vector[]
        }
    }

    #[view]
    /// The highest nonce accepted for the worker (in a round or effective); 0 when none.
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

    /// Approvals collected for the worker's report that has not taken effect
    /// yet: (nonce, attesters); (0, []) when none.
    ///
    /// # Aborts
    /// Never.
    public fun pending_of(worker: address): (u64, vector<address>) acquires Registry {
        let registry = borrow_global<Registry>(registry_address());
        if (!registry.workers.contains(worker)) {
            return (0, vector[])
        };
        let state = registry.workers.borrow(worker);
        if (state.round.is_some() && !state.round.borrow().effective) {
            let round = state.round.borrow();
            (round.nonce, round.attesters)
        } else {
            (0, vector[])
        }
    }

    /// The `k`-th largest of `values`: at least `k` of them are at least this
    /// much. With `k = attester_threshold` it is the value fewer than `k`
    /// dishonest attesters cannot move outside the honest values (scores here,
    /// uptime votes in `rewards`).
    ///
    /// # Aborts
    /// - A vector index error if `k` is 0 or above the number of values.
    public fun kth_largest(values: vector<u64>, k: u64): u64 {
        // Insertion sort, descending: one value per attester.
        let n = values.length();
        let i = 1;
        while (i < n) {
            let j = i;
            while (j > 0 && values[j - 1] < values[j]) {
                values.swap(j - 1, j);
                j -= 1;
            };
            i += 1;
        };
        values[k - 1]
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

    /// When the score expires (or expired, or was released).
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
            device_keys: table::new(),
            key_owners: table::new(),
        });
    }

    /// Checks that `public_key` is the worker's registered device key and that
    /// `signature` verifies over `report`.
    fun verify_signature(
        registry: &Registry,
        worker: address,
        public_key: vector<u8>,
        signature: vector<u8>,
        report: BenchmarkReport,
    ) {
        assert!(public_key.length() == PUBLIC_KEY_BYTES, error::invalid_argument(EInvalidPublicKey));
        assert!(signature.length() == SIGNATURE_BYTES, error::invalid_argument(EInvalidSignature));
        assert!(registry.device_keys.contains(worker), error::not_found(ENoDeviceKey));
        assert!(
            *registry.device_keys.borrow(worker) == public_key,
            error::invalid_argument(EPublicKeyMismatch),
        );
        let pk = ed25519::new_unvalidated_public_key_from_bytes(public_key);
        let sig = ed25519::new_signature_from_bytes(signature);
        assert!(
            ed25519::signature_verify_strict_t(&sig, &pk, report),
            error::invalid_argument(EInvalidSignature),
        );
    }

    /// Ends the current score now and drops the round and revocation requests.
    fun end_score(state: &mut WorkerState) {
        let now = timestamp::now_seconds();
        let current = state.current.borrow_mut();
        if (current.expires_at > now) {
            current.expires_at = now;
        };
        state.round = option::none();
        state.revocation = option::none();
    }

    fun emit_score_attested(info: &ReportInfo, attesters: vector<address>) {
        event::emit(ScoreAttested {
            worker: info.worker,
            device_id: info.device_id,
            gpu_model: info.gpu_model,
            vram_mb: info.vram_mb,
            score: info.score,
            bench_version: info.bench_version,
            nonce: info.nonce,
            measured_at: info.measured_at,
            effective_at: info.effective_at,
            expires_at: info.expires_at,
            attesters,
        });
    }

    /// The worker's current report when it is valid now.
    fun valid_report(worker: address): Option<ReportInfo> acquires Registry {
        let registry = borrow_global<Registry>(registry_address());
        if (!registry.workers.contains(worker)) {
            return option::none()
        };
        let state = registry.workers.borrow(worker);
        if (state.current.is_none()) {
            return option::none()
        };
        let current = *state.current.borrow();
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
    /// Builds a `RevocationSubmitted` value so tests can check it was emitted.
    public fun revocation_submitted_event(
        attester: address, worker: address, nonce: u64, approvals: u64, threshold: u64
    ): RevocationSubmitted {
        RevocationSubmitted { attester, worker, nonce, approvals, threshold }
    }

    #[test_only]
    /// Builds a `DeviceKeyRegistered` value so tests can check it was emitted.
    public fun device_key_registered_event(
        worker: address, device_public_key: vector<u8>, previous_key: vector<u8>
    ): DeviceKeyRegistered {
        DeviceKeyRegistered { worker, device_public_key, previous_key }
    }

    #[test_only]
    /// Builds a `DeviceReleased` value so tests can check it was emitted.
    public fun device_released_event(device_id: vector<u8>, worker: address, by: address, kind: u8): DeviceReleased {
        DeviceReleased { device_id, worker, by, kind }
    }

    #[test_only]
    /// Builds an `AttestationSubmitted` value so tests can check it was emitted.
    public fun attestation_submitted_event(
        attester: address,
        worker: address,
        nonce: u64,
        report_hash: vector<u8>,
        score: u64,
        approvals: u64,
        threshold: u64,
    ): AttestationSubmitted {
        AttestationSubmitted { attester, worker, nonce, report_hash, score, approvals, threshold }
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
