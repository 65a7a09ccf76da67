/// Render-job escrow.
///
/// Every job is its own named, non-transferable object created by the escrow
/// registry object; the job's deposit sits in the job object's primary store and
/// is paid out by signing as the job object (its `ExtendRef` is kept in `Job`).
/// A creator hands a job to a worker off chain by signing an `AssignmentOffer`;
/// the worker submits it with `accept_offer`, after which the terms bind and no
/// further signature of the creator is needed to release payment.
///
/// State machine (status codes): 0 Open -> `accept_offer` -> 1 Assigned ->
/// `submit_result` -> 2 Submitted -> `confirm` / `finalize` -> 3 Completed.
/// Exits: Open -> `cancel` -> 4 Cancelled; Assigned past the render deadline ->
/// `reclaim` -> 5 Reclaimed; Submitted -> `request_rerender` -> Assigned;
/// Submitted -> `dispute` -> 6 Disputed -> `resolve` -> 7 Resolved, or `finalize`
/// after `dispute_timeout_secs` -> Completed. Every exit moves the money.
///
/// Conservation: at every step the job's balance equals
/// `deposit - paid_to_worker - fee_paid - refunded`.
module lumen::escrow {
    // Uses ---------------------------------------------------------------------

    use std::bcs;
    use std::error;
    use std::signer;
    use std::vector;
    use aptos_std::ed25519;
    use aptos_std::table::{Self, Table};
    use aptos_framework::account;
    use aptos_framework::chain_id;
    use aptos_framework::event;
    use aptos_framework::object::{Self, ExtendRef, Object};
    use aptos_framework::primary_fungible_store;
    use aptos_framework::timestamp;
    use lumen::attestation;
    use lumen::config;
    use lumen::rewards;
    use lumen::staking;

    // Structs ------------------------------------------------------------------

    /// The escrow registry, stored in the registry object (named object of
    /// `@lumen`, seed `b"escrow"`), which creates every job object.
    struct Registry has key {
        extend_ref: ExtendRef,
        next_job_id: u64,
        used_nonces: Table<OfferNonce, bool>,
        creators: Table<address, CreatorStats>,
        workers: Table<address, WorkerStats>,
    }

    /// Key of a used offer nonce: nonces are per creator, each usable once.
    struct OfferNonce has copy, drop, store {
        creator: address,
        nonce: u64,
    }

    /// Counters VIP and priority scores read.
    struct CreatorStats has copy, drop, store {
        /// Gross paid for completed jobs, all time.
        spent_total: u64,
        /// The 30-day window (`now / 2 592 000`) `spent_month` belongs to.
        month: u64,
        spent_month: u64,
        frames_succeeded: u64,
    }

    /// Counters VIP and priority scores read.
    struct WorkerStats has copy, drop, store {
        frames_completed: u64,
        jobs_completed: u64,
        jobs_failed: u64,
        lease_secs: u64,
    }

    /// A job, stored in its own object.
    struct Job has key {
        extend_ref: ExtendRef,
        info: JobInfo,
    }

    /// Everything known about a job (returned by `job_info`). The first fields
    /// are the ones explorers show; the rest are the job's books.
    struct JobInfo has copy, drop, store {
        job_id: u64,
        creator: address,
        /// `@0x0` while Open.
        worker: address,
        status: u8,
        spec_hash: vector<u8>,
        frames: u64,
        max_price_per_frame: u64,
        min_score: u64,
        min_vram_mb: u64,
        /// `frames * max_price_per_frame`, deposited at creation.
        deposit: u64,
        price_per_frame: u64,
        render_deadline: u64,
        frames_done: u64,
        output_root: vector<u8>,
        review_deadline: u64,
        rerenders: u64,
        created_at: u64,
        offer_nonce: u64,
        /// Frames asked for in the last `request_rerender`.
        rerender_frames: u64,
        /// Render time summed over every assignment/rerender round.
        lease_secs: u64,
        /// Start of the current render round.
        lease_started_at: u64,
        assigned_at: u64,
        submitted_at: u64,
        disputed_at: u64,
        frames_paid: u64,
        paid_to_worker: u64,
        fee_paid: u64,
        refunded: u64,
    }

    /// The message a creator signs off chain to hand `job` to `worker`
    /// (verified with `ed25519::signature_verify_strict_t`; `chain_id` is
    /// filled in on chain with `chain_id::get()`).
    struct AssignmentOffer has copy, drop {
        job: address,
        worker: address,
        price_per_frame: u64,
        render_deadline: u64,
        offer_expires_at: u64,
        nonce: u64,
        chain_id: u8,
    }

    #[event]
    /// A job was created and funded.
    struct JobCreated has drop, store {
        job: address,
        job_id: u64,
        creator: address,
        spec_hash: vector<u8>,
        frames: u64,
        max_price_per_frame: u64,
        min_score: u64,
        min_vram_mb: u64,
        deposit: u64,
        created_at: u64,
    }

    #[event]
    /// A worker took a job with a creator-signed offer; `refund` is the excess
    /// deposit returned to the creator at once.
    struct JobAssigned has drop, store {
        job: address,
        job_id: u64,
        creator: address,
        worker: address,
        price_per_frame: u64,
        render_deadline: u64,
        nonce: u64,
        worker_score: u64,
        refund: u64,
        assigned_at: u64,
    }

    #[event]
    /// The worker submitted its result; `lease_secs` is the job's total so far.
    struct ResultSubmitted has drop, store {
        job: address,
        job_id: u64,
        worker: address,
        frames_done: u64,
        output_root: vector<u8>,
        review_deadline: u64,
        lease_secs: u64,
        submitted_at: u64,
    }

    #[event]
    /// The creator sent the job back to the worker; `rerenders` counts requests.
    struct RerenderRequested has drop, store {
        job: address,
        job_id: u64,
        frames: u64,
        render_deadline: u64,
        rerenders: u64,
    }

    #[event]
    /// A job was paid by `confirm` (`finalized = false`) or `finalize`.
    struct JobCompleted has drop, store {
        job: address,
        job_id: u64,
        creator: address,
        worker: address,
        frames_paid: u64,
        gross: u64,
        worker_amount: u64,
        fee: u64,
        refund: u64,
        lease_secs: u64,
        finalized: bool,
    }

    #[event]
    /// An Open job was cancelled and its deposit refunded.
    struct JobCancelled has drop, store {
        job: address,
        job_id: u64,
        creator: address,
        refund: u64,
    }

    #[event]
    /// The creator took its money back after a missed render deadline.
    struct JobReclaimed has drop, store {
        job: address,
        job_id: u64,
        creator: address,
        worker: address,
        refund: u64,
        slashed: u64,
    }

    #[event]
    /// The creator or the worker disputed a submitted result.
    struct JobDisputed has drop, store {
        job: address,
        job_id: u64,
        by: address,
        reason_hash: vector<u8>,
    }

    #[event]
    /// The arbiter settled a disputed job.
    struct DisputeResolved has drop, store {
        job: address,
        job_id: u64,
        arbiter: address,
        creator: address,
        worker: address,
        frames_paid: u64,
        gross: u64,
        worker_amount: u64,
        fee: u64,
        refund: u64,
        lease_secs: u64,
    }

    // Errors -------------------------------------------------------------------

    /// A job needs at least one frame.
    const EZeroFrames: u64 = 1;
    /// The maximum price per frame must be positive.
    const EZeroPrice: u64 = 2;
    /// `frames * max_price_per_frame` does not fit in a u64.
    const EDepositTooLarge: u64 = 3;
    /// The job is not in a status that allows this call.
    const EWrongStatus: u64 = 4;
    /// Only the job's creator may call this.
    const ENotCreator: u64 = 5;
    /// Only the job's worker may call this.
    const ENotWorker: u64 = 6;
    /// Only the job's creator or worker may call this.
    const ENotParty: u64 = 7;
    /// Only the arbiter may call this.
    const ENotArbiter: u64 = 8;
    /// The offer has expired.
    const EOfferExpired: u64 = 9;
    /// The render deadline is not in the future.
    const EBadDeadline: u64 = 10;
    /// The offered price exceeds the job's maximum price per frame.
    const EPriceAboveMax: u64 = 11;
    /// The creator already used this offer nonce.
    const ENonceUsed: u64 = 12;
    /// The public key is not the creator's current authentication key.
    const EWrongPublicKey: u64 = 13;
    /// The signature does not verify over the offer.
    const EBadSignature: u64 = 14;
    /// The worker is not eligible (stake below the minimum or no valid score).
    const ENotEligible: u64 = 15;
    /// The worker's score is below the job's minimum.
    const EScoreTooLow: u64 = 16;
    /// The worker's VRAM is below the job's minimum.
    const EVramTooLow: u64 = 17;
    /// A creator cannot take its own job.
    const ESelfAssignment: u64 = 18;
    /// The frame count is zero or above what the job allows.
    const EBadFrames: u64 = 19;
    /// The render deadline has passed.
    const EDeadlinePassed: u64 = 20;
    /// The review window has closed.
    const EReviewWindowClosed: u64 = 21;
    /// The review window is still open.
    const EReviewWindowOpen: u64 = 22;
    /// The job reached `max_rerenders`.
    const ETooManyRerenders: u64 = 23;
    /// The render deadline has not passed yet.
    const EDeadlineNotPassed: u64 = 24;
    /// The dispute timeout has not passed yet.
    const EDisputeTimeoutNotPassed: u64 = 25;

    // Constants ----------------------------------------------------------------

    const REGISTRY_SEED: vector<u8> = b"escrow";
    const JOB_SEED_PREFIX: vector<u8> = b"lumen::job";
    const BPS_DENOMINATOR: u64 = 10000;
    const MONTH_SECS: u64 = 2592000;
    const U64_MAX: u128 = 18446744073709551615;

    const STATUS_OPEN: u8 = 0;
    const STATUS_ASSIGNED: u8 = 1;
    const STATUS_SUBMITTED: u8 = 2;
    const STATUS_COMPLETED: u8 = 3;
    const STATUS_CANCELLED: u8 = 4;
    const STATUS_RECLAIMED: u8 = 5;
    const STATUS_DISPUTED: u8 = 6;
    const STATUS_RESOLVED: u8 = 7;

    // Initialisation -----------------------------------------------------------

    fun init_module(deployer: &signer) {
        let constructor_ref = object::create_named_object(deployer, REGISTRY_SEED);
        let object_signer = object::generate_signer(&constructor_ref);
        move_to(&object_signer, Registry {
            extend_ref: object::generate_extend_ref(&constructor_ref),
            next_job_id: 0,
            used_nonces: table::new(),
            creators: table::new(),
            workers: table::new(),
        });
        // Nobody may own the object: ownership is transitive, so an owner could
        // withdraw from every store below it with `fungible_asset::withdraw`.
        object::transfer_with_ref(
            object::generate_linear_transfer_ref(&object::generate_transfer_ref(&constructor_ref)),
            @0x0
        );
    }

    // Public entry functions ---------------------------------------------------

    /// Creates job number `next_job_id` as its own object and moves
    /// `frames * max_price_per_frame` of the payment asset from the creator into
    /// it. -> Open.
    ///
    /// # Aborts
    /// * `config::EPaused` (via `config`) while paused.
    /// * `EZeroFrames` if `frames` is 0; `EZeroPrice` if `max_price_per_frame` is 0.
    /// * `EDepositTooLarge` if the deposit overflows a u64.
    /// * The fungible-asset framework's error if the creator's balance is short.
    public entry fun create_job(
        creator: &signer,
        spec_hash: vector<u8>,
        frames: u64,
        max_price_per_frame: u64,
        min_score: u64,
        min_vram_mb: u64,
    ) acquires Registry {
        config::assert_not_paused();
        assert!(frames > 0, error::invalid_argument(EZeroFrames));
        assert!(max_price_per_frame > 0, error::invalid_argument(EZeroPrice));
        let deposit_wide = (frames as u128) * (max_price_per_frame as u128);
        assert!(deposit_wide <= U64_MAX, error::out_of_range(EDepositTooLarge));
        let deposit = (deposit_wide as u64);
        let creator_addr = signer::address_of(creator);
        let now = timestamp::now_seconds();

        let registry = borrow_global_mut<Registry>(registry_address());
        let job_id = registry.next_job_id;
        registry.next_job_id = job_id + 1;
        let registry_signer = object::generate_signer_for_extending(&registry.extend_ref);
        let constructor_ref = object::create_named_object(&registry_signer, job_seed(job_id));
        object::set_untransferable(&constructor_ref);
        let job_signer = object::generate_signer(&constructor_ref);
        let job_addr = signer::address_of(&job_signer);
        move_to(&job_signer, Job {
            extend_ref: object::generate_extend_ref(&constructor_ref),
            info: JobInfo {
                job_id,
                creator: creator_addr,
                worker: @0x0,
                status: STATUS_OPEN,
                spec_hash,
                frames,
                max_price_per_frame,
                min_score,
                min_vram_mb,
                deposit,
                price_per_frame: 0,
                render_deadline: 0,
                offer_nonce: 0,
                frames_done: 0,
                output_root: vector::empty(),
                rerenders: 0,
                rerender_frames: 0,
                lease_secs: 0,
                lease_started_at: 0,
                created_at: now,
                assigned_at: 0,
                submitted_at: 0,
                review_deadline: 0,
                disputed_at: 0,
                frames_paid: 0,
                paid_to_worker: 0,
                fee_paid: 0,
                refunded: 0,
            },
        });
        primary_fungible_store::transfer(creator, config::payment_asset(), job_addr, deposit);
        event::emit(JobCreated {
            job: job_addr,
            job_id,
            creator: creator_addr,
            spec_hash,
            frames,
            max_price_per_frame,
            min_score,
            min_vram_mb,
            deposit,
            created_at: now,
        });
    }

    /// Takes an Open job with the creator's signed `AssignmentOffer` for
    /// `(job, worker = caller, price_per_frame, render_deadline, offer_expires_at,
    /// nonce, chain_id::get())`. Refunds `frames * (max_price_per_frame -
    /// price_per_frame)` to the creator at once. -> Assigned.
    ///
    /// # Aborts
    /// * `config::EPaused` (via `config`) while paused.
    /// * `EWrongStatus` unless the job is Open.
    /// * `ESelfAssignment` if the caller is the creator.
    /// * `EOfferExpired` if `now >= offer_expires_at`.
    /// * `EBadDeadline` if `render_deadline <= now`.
    /// * `EPriceAboveMax` if `price_per_frame > max_price_per_frame`.
    /// * `ENonceUsed` if the creator already used `nonce`.
    /// * `EWrongPublicKey` if `creator_public_key` is not the creator's auth key.
    /// * `EBadSignature` if the signature does not verify.
    /// * `ENotEligible` if `staking::is_eligible(worker)` is false.
    /// * `EScoreTooLow` / `EVramTooLow` if the worker misses the job's minimums.
    /// * `ed25519`'s errors for a key not 32 bytes or a signature not 64 bytes.
    public entry fun accept_offer(
        worker: &signer,
        job: Object<Job>,
        price_per_frame: u64,
        render_deadline: u64,
        offer_expires_at: u64,
        nonce: u64,
        creator_public_key: vector<u8>,
        creator_signature: vector<u8>,
    ) acquires Job, Registry {
        config::assert_not_paused();
        let worker_addr = signer::address_of(worker);
        let job_addr = object::object_address(&job);
        let now = timestamp::now_seconds();
        let job_ref = borrow_global_mut<Job>(job_addr);
        let info = &mut job_ref.info;
        assert!(info.status == STATUS_OPEN, error::invalid_state(EWrongStatus));
        let creator = info.creator;
        assert!(worker_addr != creator, error::invalid_argument(ESelfAssignment));
        assert!(now < offer_expires_at, error::invalid_argument(EOfferExpired));
        assert!(render_deadline > now, error::invalid_argument(EBadDeadline));
        assert!(price_per_frame <= info.max_price_per_frame, error::invalid_argument(EPriceAboveMax));

        let registry = borrow_global_mut<Registry>(registry_address());
        let nonce_key = OfferNonce { creator, nonce };
        assert!(!table::contains(&registry.used_nonces, nonce_key), error::already_exists(ENonceUsed));

        let public_key = ed25519::new_unvalidated_public_key_from_bytes(creator_public_key);
        assert!(
            ed25519::unvalidated_public_key_to_authentication_key(&public_key)
                == account::get_authentication_key(creator),
            error::permission_denied(EWrongPublicKey),
        );
        let signature = ed25519::new_signature_from_bytes(creator_signature);
        let offer = AssignmentOffer {
            job: job_addr,
            worker: worker_addr,
            price_per_frame,
            render_deadline,
            offer_expires_at,
            nonce,
            chain_id: chain_id::get(),
        };
        assert!(
            ed25519::signature_verify_strict_t(&signature, &public_key, offer),
            error::invalid_argument(EBadSignature),
        );

        assert!(staking::is_eligible(worker_addr), error::permission_denied(ENotEligible));
        let worker_score = attestation::score_of(worker_addr);
        assert!(worker_score >= info.min_score, error::invalid_argument(EScoreTooLow));
        assert!(attestation::vram_of(worker_addr) >= info.min_vram_mb, error::invalid_argument(EVramTooLow));

        table::add(&mut registry.used_nonces, nonce_key, true);
        // Both factors are bounded by the deposit, which fits in a u64.
        let refund = info.frames * (info.max_price_per_frame - price_per_frame);
        info.worker = worker_addr;
        info.status = STATUS_ASSIGNED;
        info.price_per_frame = price_per_frame;
        info.render_deadline = render_deadline;
        info.offer_nonce = nonce;
        info.assigned_at = now;
        info.lease_started_at = now;
        info.refunded = info.refunded + refund;
        let job_id = info.job_id;
        if (refund > 0) {
            let job_signer = object::generate_signer_for_extending(&job_ref.extend_ref);
            primary_fungible_store::transfer(&job_signer, config::payment_asset(), creator, refund);
        };
        event::emit(JobAssigned {
            job: job_addr,
            job_id,
            creator,
            worker: worker_addr,
            price_per_frame,
            render_deadline,
            nonce,
            worker_score,
            refund,
            assigned_at: now,
        });
    }

    /// The worker submits `frames_done` frames (1 ..= frames) with the root of its
    /// output, before the render deadline; the render round's time is added to the
    /// job's lease seconds and the review window starts. -> Submitted. Works while
    /// paused.
    ///
    /// # Aborts
    /// * `EWrongStatus` unless the job is Assigned.
    /// * `ENotWorker` if the caller is not the job's worker.
    /// * `EDeadlinePassed` if `now > render_deadline`.
    /// * `EBadFrames` if `frames_done` is 0 or above the job's frames.
    public entry fun submit_result(
        worker: &signer,
        job: Object<Job>,
        frames_done: u64,
        output_root: vector<u8>,
    ) acquires Job {
        let job_addr = object::object_address(&job);
        let now = timestamp::now_seconds();
        let info = &mut borrow_global_mut<Job>(job_addr).info;
        assert!(info.status == STATUS_ASSIGNED, error::invalid_state(EWrongStatus));
        assert!(signer::address_of(worker) == info.worker, error::permission_denied(ENotWorker));
        assert!(now <= info.render_deadline, error::invalid_state(EDeadlinePassed));
        assert!(frames_done > 0 && frames_done <= info.frames, error::invalid_argument(EBadFrames));
        info.lease_secs = info.lease_secs + (now - info.lease_started_at);
        info.frames_done = frames_done;
        info.output_root = output_root;
        info.submitted_at = now;
        info.review_deadline = now + config::review_window_secs();
        info.status = STATUS_SUBMITTED;
        event::emit(ResultSubmitted {
            job: job_addr,
            job_id: info.job_id,
            worker: info.worker,
            frames_done,
            output_root,
            review_deadline: info.review_deadline,
            lease_secs: info.lease_secs,
            submitted_at: now,
        });
    }

    /// The creator accepts `frames_accepted` (<= frames_done) of a submitted result
    /// within the review window: the worker gets `worker_commission_bps` of
    /// `frames_accepted * price_per_frame`, the treasury the rest, the creator the
    /// remaining balance. -> Completed. Works while paused.
    ///
    /// # Aborts
    /// * `EWrongStatus` unless the job is Submitted.
    /// * `ENotCreator` if the caller is not the creator.
    /// * `EReviewWindowClosed` if `now > review_deadline` (use `finalize`).
    /// * `EBadFrames` if `frames_accepted > frames_done`.
    public entry fun confirm(creator: &signer, job: Object<Job>, frames_accepted: u64) acquires Job, Registry {
        let job_addr = object::object_address(&job);
        let now = timestamp::now_seconds();
        {
            let info = &borrow_global<Job>(job_addr).info;
            assert!(info.status == STATUS_SUBMITTED, error::invalid_state(EWrongStatus));
            assert!(signer::address_of(creator) == info.creator, error::permission_denied(ENotCreator));
            assert!(now <= info.review_deadline, error::invalid_state(EReviewWindowClosed));
            assert!(frames_accepted <= info.frames_done, error::invalid_argument(EBadFrames));
        };
        complete(job_addr, frames_accepted, false);
    }

    /// The creator sends a submitted job back for `frames` (1 ..= frames) to be
    /// rendered again by `render_deadline`, at most `max_rerenders` times per job.
    /// A new render round starts now. -> Assigned.
    ///
    /// # Aborts
    /// * `config::EPaused` (via `config`) while paused.
    /// * `EWrongStatus` unless the job is Submitted.
    /// * `ENotCreator` if the caller is not the creator.
    /// * `EReviewWindowClosed` if `now > review_deadline`.
    /// * `ETooManyRerenders` if the job already had `max_rerenders` requests.
    /// * `EBadFrames` if `frames` is 0 or above the job's frames.
    /// * `EBadDeadline` if `render_deadline <= now`.
    public entry fun request_rerender(
        creator: &signer,
        job: Object<Job>,
        frames: u64,
        render_deadline: u64,
    ) acquires Job {
        config::assert_not_paused();
        let job_addr = object::object_address(&job);
        let now = timestamp::now_seconds();
        let info = &mut borrow_global_mut<Job>(job_addr).info;
        assert!(info.status == STATUS_SUBMITTED, error::invalid_state(EWrongStatus));
        assert!(signer::address_of(creator) == info.creator, error::permission_denied(ENotCreator));
        assert!(now <= info.review_deadline, error::invalid_state(EReviewWindowClosed));
        assert!(info.rerenders < config::max_rerenders(), error::out_of_range(ETooManyRerenders));
        assert!(frames > 0 && frames <= info.frames, error::invalid_argument(EBadFrames));
        assert!(render_deadline > now, error::invalid_argument(EBadDeadline));
        info.rerenders = info.rerenders + 1;
        info.rerender_frames = frames;
        info.render_deadline = render_deadline;
        info.lease_started_at = now;
        info.review_deadline = 0;
        info.status = STATUS_ASSIGNED;
        event::emit(RerenderRequested {
            job: job_addr,
            job_id: info.job_id,
            frames,
            render_deadline,
            rerenders: info.rerenders,
        });
    }

    /// Anyone settles a job nobody answered: a Submitted job once the review
    /// window has passed, or a Disputed job once `dispute_timeout_secs` has passed
    /// since the dispute, pays the submitted frames exactly as `confirm` would.
    /// -> Completed (`JobCompleted.finalized = true`). Works while paused.
    ///
    /// # Aborts
    /// * `EWrongStatus` unless the job is Submitted or Disputed.
    /// * `EReviewWindowOpen` if Submitted and `now <= review_deadline`.
    /// * `EDisputeTimeoutNotPassed` if Disputed and the timeout has not passed.
    public entry fun finalize(_caller: &signer, job: Object<Job>) acquires Job, Registry {
        let job_addr = object::object_address(&job);
        let now = timestamp::now_seconds();
        let frames_done = {
            let info = &borrow_global<Job>(job_addr).info;
            if (info.status == STATUS_SUBMITTED) {
                assert!(now > info.review_deadline, error::invalid_state(EReviewWindowOpen));
            } else if (info.status == STATUS_DISPUTED) {
                assert!(
                    now >= info.disputed_at + config::dispute_timeout_secs(),
                    error::invalid_state(EDisputeTimeoutNotPassed),
                );
            } else {
                abort error::invalid_state(EWrongStatus)
            };
            info.frames_done
        };
        complete(job_addr, frames_done, true);
    }

    /// The creator takes back the whole balance of an Assigned job whose render
    /// deadline has passed without a result; the worker's failed-job counter
    /// rises and `slash_bps` of its stake is slashed. -> Reclaimed. Works while
    /// paused.
    ///
    /// # Aborts
    /// * `EWrongStatus` unless the job is Assigned.
    /// * `ENotCreator` if the caller is not the creator.
    /// * `EDeadlineNotPassed` if `now <= render_deadline`.
    public entry fun reclaim(creator: &signer, job: Object<Job>) acquires Job, Registry {
        let job_addr = object::object_address(&job);
        let now = timestamp::now_seconds();
        let job_ref = borrow_global_mut<Job>(job_addr);
        let info = &mut job_ref.info;
        assert!(info.status == STATUS_ASSIGNED, error::invalid_state(EWrongStatus));
        assert!(signer::address_of(creator) == info.creator, error::permission_denied(ENotCreator));
        assert!(now > info.render_deadline, error::invalid_state(EDeadlineNotPassed));
        let refund = info.deposit - info.paid_to_worker - info.fee_paid - info.refunded;
        info.refunded = info.refunded + refund;
        info.status = STATUS_RECLAIMED;
        let worker = info.worker;
        let creator_addr = info.creator;
        let job_id = info.job_id;
        if (refund > 0) {
            let job_signer = object::generate_signer_for_extending(&job_ref.extend_ref);
            primary_fungible_store::transfer(&job_signer, config::payment_asset(), creator_addr, refund);
        };
        let registry = borrow_global_mut<Registry>(registry_address());
        let stats = worker_stats_mut(&mut registry.workers, worker);
        stats.jobs_failed = stats.jobs_failed + 1;
        let slashed = staking::slash(worker, config::slash_bps(), job_addr);
        event::emit(JobReclaimed { job: job_addr, job_id, creator: creator_addr, worker, refund, slashed });
    }

    /// The creator cancels an Open job and gets its deposit back. -> Cancelled.
    /// Works while paused.
    ///
    /// # Aborts
    /// * `EWrongStatus` unless the job is Open.
    /// * `ENotCreator` if the caller is not the creator.
    public entry fun cancel(creator: &signer, job: Object<Job>) acquires Job {
        let job_addr = object::object_address(&job);
        let job_ref = borrow_global_mut<Job>(job_addr);
        let info = &mut job_ref.info;
        assert!(info.status == STATUS_OPEN, error::invalid_state(EWrongStatus));
        assert!(signer::address_of(creator) == info.creator, error::permission_denied(ENotCreator));
        let refund = info.deposit - info.paid_to_worker - info.fee_paid - info.refunded;
        info.refunded = info.refunded + refund;
        info.status = STATUS_CANCELLED;
        let creator_addr = info.creator;
        let job_id = info.job_id;
        if (refund > 0) {
            let job_signer = object::generate_signer_for_extending(&job_ref.extend_ref);
            primary_fungible_store::transfer(&job_signer, config::payment_asset(), creator_addr, refund);
        };
        event::emit(JobCancelled { job: job_addr, job_id, creator: creator_addr, refund });
    }

    /// The creator or the worker disputes a submitted result within the review
    /// window; the arbiter then resolves it, or anyone finalizes it after
    /// `dispute_timeout_secs`. -> Disputed. Works while paused.
    ///
    /// # Aborts
    /// * `EWrongStatus` unless the job is Submitted.
    /// * `ENotParty` if the caller is neither the creator nor the worker.
    /// * `EReviewWindowClosed` if `now > review_deadline`.
    public entry fun dispute(caller: &signer, job: Object<Job>, reason_hash: vector<u8>) acquires Job {
        let job_addr = object::object_address(&job);
        let now = timestamp::now_seconds();
        let caller_addr = signer::address_of(caller);
        let info = &mut borrow_global_mut<Job>(job_addr).info;
        assert!(info.status == STATUS_SUBMITTED, error::invalid_state(EWrongStatus));
        assert!(
            caller_addr == info.creator || caller_addr == info.worker,
            error::permission_denied(ENotParty),
        );
        assert!(now <= info.review_deadline, error::invalid_state(EReviewWindowClosed));
        info.status = STATUS_DISPUTED;
        info.disputed_at = now;
        event::emit(JobDisputed { job: job_addr, job_id: info.job_id, by: caller_addr, reason_hash });
    }

    /// The arbiter settles a Disputed job by paying `frames_to_pay` (<= frames_done)
    /// frames; the split is the same as `confirm`'s. Paying 0 frames counts as a
    /// failed job for the worker. -> Resolved. Works while paused.
    ///
    /// # Aborts
    /// * `ENotArbiter` if the caller is not `config::arbiter()`.
    /// * `EWrongStatus` unless the job is Disputed.
    /// * `EBadFrames` if `frames_to_pay > frames_done`.
    public entry fun resolve(arbiter: &signer, job: Object<Job>, frames_to_pay: u64) acquires Job, Registry {
        let arbiter_addr = signer::address_of(arbiter);
        assert!(arbiter_addr == config::arbiter(), error::permission_denied(ENotArbiter));
        let job_addr = object::object_address(&job);
        {
            let info = &borrow_global<Job>(job_addr).info;
            assert!(info.status == STATUS_DISPUTED, error::invalid_state(EWrongStatus));
            assert!(frames_to_pay <= info.frames_done, error::invalid_argument(EBadFrames));
        };
        let (gross, worker_amount, fee, refund) = pay_out(job_addr, frames_to_pay, STATUS_RESOLVED);
        let info = borrow_global<Job>(job_addr).info;
        record_payment(&info, frames_to_pay, gross);
        if (frames_to_pay == 0) {
            let registry = borrow_global_mut<Registry>(registry_address());
            let stats = worker_stats_mut(&mut registry.workers, info.worker);
            stats.jobs_failed = stats.jobs_failed + 1;
        };
        event::emit(DisputeResolved {
            job: job_addr,
            job_id: info.job_id,
            arbiter: arbiter_addr,
            creator: info.creator,
            worker: info.worker,
            frames_paid: frames_to_pay,
            gross,
            worker_amount,
            fee,
            refund,
            lease_secs: info.lease_secs,
        });
    }

    // Public functions ---------------------------------------------------------

    #[view]
    /// Address of job `job_id`'s object (it may not exist yet):
    /// `sha3_256(registry || b"lumen::job" || bcs(job_id) || 0xFE)`.
    ///
    /// # Aborts
    /// Never.
    public fun job_address(job_id: u64): address {
        object::create_object_address(&registry_address(), job_seed(job_id))
    }

    #[view]
    /// The id the next `create_job` will use (= number of jobs created).
    ///
    /// # Aborts
    /// Never.
    public fun next_job_id(): u64 acquires Registry {
        borrow_global<Registry>(registry_address()).next_job_id
    }

    #[view]
    /// Everything known about `job`.
    ///
    /// # Aborts
    /// Never for an existing job.
    public fun job_info(job: Object<Job>): JobInfo acquires Job {
        borrow_global<Job>(object::object_address(&job)).info
    }

    #[view]
    /// The payment-asset balance `job` holds now.
    ///
    /// # Aborts
    /// `config::ENotInitialized` before `config::initialize`.
    public fun job_balance(job: Object<Job>): u64 {
        primary_fungible_store::balance(object::object_address(&job), config::payment_asset())
    }

    #[view]
    /// `(spent_total, spent_this_month, frames_succeeded)` of `creator`; spending
    /// counts the gross paid for jobs, the month is the window `now / 2 592 000`.
    ///
    /// # Aborts
    /// Never.
    public fun creator_stats(creator: address): (u64, u64, u64) acquires Registry {
        let registry = borrow_global<Registry>(registry_address());
        if (!table::contains(&registry.creators, creator)) {
            return (0, 0, 0)
        };
        let stats = table::borrow(&registry.creators, creator);
        let spent_this_month = if (stats.month == current_month()) stats.spent_month else 0;
        (stats.spent_total, spent_this_month, stats.frames_succeeded)
    }

    #[view]
    /// `(frames_completed, jobs_completed, jobs_failed, lease_secs)` of `worker`.
    ///
    /// # Aborts
    /// Never.
    public fun worker_stats(worker: address): (u64, u64, u64, u64) acquires Registry {
        let registry = borrow_global<Registry>(registry_address());
        if (!table::contains(&registry.workers, worker)) {
            return (0, 0, 0, 0)
        };
        let stats = table::borrow(&registry.workers, worker);
        (stats.frames_completed, stats.jobs_completed, stats.jobs_failed, stats.lease_secs)
    }

    /// Payout split of `gross`: `worker_amount = floor(gross * bps / 10 000)`,
    /// `fee = gross - worker_amount`. Returns `(worker_amount, fee)`.
    ///
    /// # Aborts
    /// Never for `worker_commission_bps <= 10 000`.
    public fun split_payout(gross: u64, worker_commission_bps: u64): (u64, u64) {
        let worker_amount = (((gross as u128) * (worker_commission_bps as u128) / (BPS_DENOMINATOR as u128)) as u64);
        (worker_amount, gross - worker_amount)
    }

    /// Address of the escrow registry object.
    ///
    /// # Aborts
    /// Never.
    public fun registry_address(): address {
        object::create_object_address(&@lumen, REGISTRY_SEED)
    }

    /// `(job_id, creator, worker, status)` of a `JobInfo`.
    ///
    /// # Aborts
    /// Never.
    public fun info_parties(info: &JobInfo): (u64, address, address, u8) {
        (info.job_id, info.creator, info.worker, info.status)
    }

    /// `(deposit, paid_to_worker, fee_paid, refunded, frames_paid)` of a `JobInfo`.
    ///
    /// # Aborts
    /// Never.
    public fun info_money(info: &JobInfo): (u64, u64, u64, u64, u64) {
        (info.deposit, info.paid_to_worker, info.fee_paid, info.refunded, info.frames_paid)
    }

    /// `(price_per_frame, render_deadline, frames_done, rerenders, lease_secs,
    /// review_deadline)` of a `JobInfo`.
    ///
    /// # Aborts
    /// Never.
    public fun info_work(info: &JobInfo): (u64, u64, u64, u64, u64, u64) {
        (
            info.price_per_frame,
            info.render_deadline,
            info.frames_done,
            info.rerenders,
            info.lease_secs,
            info.review_deadline,
        )
    }

    // Private functions --------------------------------------------------------

    /// Settles a Submitted or Disputed job as Completed and emits `JobCompleted`.
    fun complete(job_addr: address, frames_paid: u64, finalized: bool) acquires Job, Registry {
        let (gross, worker_amount, fee, refund) = pay_out(job_addr, frames_paid, STATUS_COMPLETED);
        let info = borrow_global<Job>(job_addr).info;
        record_payment(&info, frames_paid, gross);
        event::emit(JobCompleted {
            job: job_addr,
            job_id: info.job_id,
            creator: info.creator,
            worker: info.worker,
            frames_paid,
            gross,
            worker_amount,
            fee,
            refund,
            lease_secs: info.lease_secs,
            finalized,
        });
    }

    /// Pays `frames_paid * price_per_frame` split between worker and treasury,
    /// refunds the rest of the balance to the creator and sets the final status.
    /// Returns `(gross, worker_amount, fee, refund)`.
    fun pay_out(job_addr: address, frames_paid: u64, final_status: u8): (u64, u64, u64, u64) acquires Job {
        let job_ref = borrow_global_mut<Job>(job_addr);
        let info = &mut job_ref.info;
        let balance = info.deposit - info.paid_to_worker - info.fee_paid - info.refunded;
        // After assignment the balance is frames * price_per_frame, so gross fits.
        let gross = frames_paid * info.price_per_frame;
        let (worker_amount, fee) = split_payout(gross, config::worker_commission_bps());
        let refund = balance - gross;
        info.frames_paid = frames_paid;
        info.paid_to_worker = info.paid_to_worker + worker_amount;
        info.fee_paid = info.fee_paid + fee;
        info.refunded = info.refunded + refund;
        info.status = final_status;
        let asset = config::payment_asset();
        let job_signer = object::generate_signer_for_extending(&job_ref.extend_ref);
        if (worker_amount > 0) {
            primary_fungible_store::transfer(&job_signer, asset, job_ref.info.worker, worker_amount);
        };
        if (fee > 0) {
            primary_fungible_store::transfer(&job_signer, asset, config::treasury(), fee);
        };
        if (refund > 0) {
            primary_fungible_store::transfer(&job_signer, asset, job_ref.info.creator, refund);
        };
        (gross, worker_amount, fee, refund)
    }

    /// Updates creator and worker counters for a paid job and records its lease
    /// seconds for PoD rewards (only when frames were paid).
    fun record_payment(info: &JobInfo, frames_paid: u64, gross: u64) acquires Registry {
        let registry = borrow_global_mut<Registry>(registry_address());
        let month = current_month();
        if (!table::contains(&registry.creators, info.creator)) {
            table::add(&mut registry.creators, info.creator, CreatorStats {
                spent_total: 0,
                month,
                spent_month: 0,
                frames_succeeded: 0,
            });
        };
        let creator_stats = table::borrow_mut(&mut registry.creators, info.creator);
        if (creator_stats.month != month) {
            creator_stats.month = month;
            creator_stats.spent_month = 0;
        };
        creator_stats.spent_total = creator_stats.spent_total + gross;
        creator_stats.spent_month = creator_stats.spent_month + gross;
        creator_stats.frames_succeeded = creator_stats.frames_succeeded + frames_paid;
        if (frames_paid > 0) {
            let worker_stats = worker_stats_mut(&mut registry.workers, info.worker);
            worker_stats.frames_completed = worker_stats.frames_completed + frames_paid;
            worker_stats.jobs_completed = worker_stats.jobs_completed + 1;
            worker_stats.lease_secs = worker_stats.lease_secs + info.lease_secs;
            rewards::record_lease(info.worker, attestation::score_of(info.worker), info.lease_secs);
        };
    }

    fun worker_stats_mut(workers: &mut Table<address, WorkerStats>, worker: address): &mut WorkerStats {
        if (!table::contains(workers, worker)) {
            table::add(workers, worker, WorkerStats {
                frames_completed: 0,
                jobs_completed: 0,
                jobs_failed: 0,
                lease_secs: 0,
            });
        };
        table::borrow_mut(workers, worker)
    }

    fun job_seed(job_id: u64): vector<u8> {
        let seed = JOB_SEED_PREFIX;
        vector::append(&mut seed, bcs::to_bytes(&job_id));
        seed
    }

    fun current_month(): u64 {
        timestamp::now_seconds() / MONTH_SECS
    }

    // Test-only functions ------------------------------------------------------

    #[test_only]
    /// Runs `init_module` in tests, where publishing does not.
    public fun init_for_test(deployer: &signer) {
        init_module(deployer);
    }

    #[test_only]
    /// Builds the offer a creator signs, with the chain id the contract uses.
    public fun new_offer(
        job: address,
        worker: address,
        price_per_frame: u64,
        render_deadline: u64,
        offer_expires_at: u64,
        nonce: u64,
    ): AssignmentOffer {
        AssignmentOffer {
            job,
            worker,
            price_per_frame,
            render_deadline,
            offer_expires_at,
            nonce,
            chain_id: chain_id::get(),
        }
    }

    #[test_only]
    /// A `JobAssigned` event, to compare with emitted ones.
    public fun job_assigned_event(
        job: address,
        job_id: u64,
        creator: address,
        worker: address,
        price_per_frame: u64,
        render_deadline: u64,
        nonce: u64,
        worker_score: u64,
        refund: u64,
        assigned_at: u64,
    ): JobAssigned {
        JobAssigned {
            job,
            job_id,
            creator,
            worker,
            price_per_frame,
            render_deadline,
            nonce,
            worker_score,
            refund,
            assigned_at,
        }
    }

    #[test_only]
    /// A `JobCompleted` event, to compare with emitted ones.
    public fun job_completed_event(
        job: address,
        job_id: u64,
        creator: address,
        worker: address,
        frames_paid: u64,
        gross: u64,
        worker_amount: u64,
        fee: u64,
        refund: u64,
        lease_secs: u64,
        finalized: bool,
    ): JobCompleted {
        JobCompleted {
            job,
            job_id,
            creator,
            worker,
            frames_paid,
            gross,
            worker_amount,
            fee,
            refund,
            lease_secs,
            finalized,
        }
    }

    #[test_only]
    /// A `JobReclaimed` event, to compare with emitted ones.
    public fun job_reclaimed_event(
        job: address,
        job_id: u64,
        creator: address,
        worker: address,
        refund: u64,
        slashed: u64,
    ): JobReclaimed {
        JobReclaimed { job, job_id, creator, worker, refund, slashed }
    }
}
