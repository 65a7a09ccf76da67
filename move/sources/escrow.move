/// Render-job escrow.
///
/// Every job is its own named, non-transferable object created by the escrow
/// registry object; the job's deposit sits in the job object's primary store and
/// is paid out by signing as the job object (its `ExtendRef` is kept in `Job`).
/// The registry object and every job object belong to `@0x0`'s chain of
/// ownership only (the registry is owned by `@0x0`, jobs by the registry), so no
/// account can withdraw from their stores with `fungible_asset::withdraw`.
///
/// A creator hands a job to a worker off chain by signing an `AssignmentOffer`;
/// the worker submits it with `accept_offer`, after which the terms bind and no
/// further signature of the creator is needed to release payment. The protocol
/// parameters the job runs under (commission, review window, rerender limit and
/// minimum, response window, dispute timeout) are copied into the job's
/// `JobTerms` at that moment, and the worker's collateral for the job (what a
/// `reclaim` slashes) is locked in `staking`: later parameter changes never reach
/// a job in flight.
///
/// State machine (status codes): 0 Open -> `accept_offer` -> 1 Assigned ->
/// `submit_result` -> 2 Submitted. From Submitted the creator `confirm`s all
/// submitted frames (-> 3 Completed), fewer (-> 8 PartiallyAccepted), asks for a
/// `request_rerender` (-> Assigned) or `dispute`s (-> 6 Disputed); silence pays
/// every submitted frame through `finalize`. From PartiallyAccepted the worker
/// `accept_partial`s (-> Completed) or `dispute`s; silence pays the accepted
/// frames through `finalize`. Exits: Open -> `cancel` -> 4 Cancelled; Assigned
/// that never delivered, past its render deadline -> `reclaim` -> 5 Reclaimed
/// (the only slash); Assigned after a delivery (a rerender round), past its
/// deadline -> `dispute` by either party; Disputed -> `resolve` by any arbiter ->
/// 7 Resolved, or `finalize` after the dispute timeout -> Completed.
///
/// Dispute rule: the creator may dispute a submission during the review window,
/// the worker a partial acceptance during the response window, and either party
/// a rerender round whose deadline passed. The opener never wins by default:
/// when the timeout passes without a ruling the job pays the position of the
/// other side, fixed when the dispute opened (`timeout_frames`): the submitted
/// frames when the creator opened it, the accepted frames (or, after a missed
/// rerender, the submitted frames minus those sent back) when the worker did.
///
/// Settlement legs go to their recipients' primary stores; a leg whose
/// recipient's store is frozen is credited to that recipient's claimable balance
/// in the registry object's store instead (`withdraw` pays it later), so one
/// frozen party never blocks the others.
///
/// Invariants: at every step the job's balance equals `balance(info) = deposit -
/// paid_to_worker - fee_paid - refunded`; the registry's store holds the sum of
/// the claimable balances; every non-final state has an exit one party can take
/// alone; a job that ever delivered is never slashed.
module lumen::escrow {
    // Uses ---------------------------------------------------------------------

    use std::bcs;
    use std::error;
    use std::signer;
    use aptos_std::ed25519;
    use aptos_std::table::{Self, Table};
    use aptos_framework::account;
    use aptos_framework::chain_id;
    use aptos_framework::event;
    use aptos_framework::object::{Self, ExtendRef, Object};
    use aptos_framework::primary_fungible_store;
    use aptos_framework::timestamp;
    use lumen::attestation;
    use lumen::campaign;
    use lumen::config;
    use lumen::rewards;
    use lumen::staking;

    // Structs ------------------------------------------------------------------

    /// The escrow registry, stored in the registry object (named object of
    /// `@lumen`, seed `b"escrow"`), which creates every job object. Its primary
    /// store holds the claimable balances.
    struct Registry has key {
        extend_ref: ExtendRef,
        next_job_id: u64,
        used_nonces: Table<OfferNonce, bool>,
        creators: Table<address, CreatorStats>,
        workers: Table<address, WorkerStats>,
        /// Settlement legs not delivered because the recipient's store was frozen.
        claimable: Table<address, u64>,
    }

    /// Key of a used offer nonce: nonces are per creator, each usable once.
    struct OfferNonce has copy, drop, store {
        creator: address,
        nonce: u64,
    }

    /// Counters VIP and priority scores read (paid work only).
    struct CreatorStats has copy, drop, store {
        /// Gross paid for jobs, all time.
        spent_total: u64,
        /// The 30-day window (`now / 2 592 000`) `spent_month` belongs to.
        month: u64,
        spent_month: u64,
        frames_succeeded: u64,
    }

    /// Counters VIP and priority scores read (paid work only, plus failures).
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
        /// The worker's score when it accepted the job (0 while Open): PoD
        /// weighs the job with at most this, so a stronger device attested
        /// after acceptance does not raise the job's weight.
        accepted_score: u64,
    }

    /// The terms a job runs under, copied from `config` (and the worker's stake)
    /// at `accept_offer`; all zero while Open. They hold what creator and worker
    /// agreed on with each other; how much lease the job weighs in the reward
    /// pools (`max_job_lease_secs`) is the protocol's rule at payment
    /// (`rewards::record_lease`), not a term.
    struct JobTerms has copy, drop, store {
        worker_commission_bps: u64,
        review_window_secs: u64,
        max_rerenders: u64,
        /// Shortest time a rerender may give the worker:
        /// `max(min_rerender_secs, render_deadline - assigned_at)`.
        min_rerender_secs: u64,
        response_window_secs: u64,
        dispute_timeout_secs: u64,
        /// Worker stake locked for the job; what `reclaim` slashes.
        collateral: u64,
    }

    /// Everything known about a job (returned by `job_info`). The first fields
    /// are the ones explorers show; then the job's books; then the review,
    /// dispute and terms fields.
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
        /// Frames of the last submission (0 until the first one).
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
        /// Frames the creator accepted in a partial `confirm`.
        frames_accepted: u64,
        /// End of the worker's response window after a partial `confirm`.
        response_deadline: u64,
        /// Who opened the dispute (`@0x0` when none).
        disputed_by: address,
        /// Frames a dispute pays when it times out: the other side's position.
        timeout_frames: u64,
        terms: JobTerms,
        /// How the creator authorised the assignment: 0 a signed `AssignmentOffer`
        /// (`accept_offer`), 1 a wallet-signed envelope, 2 an offer published on
        /// chain (both in `offers`).
        offer_kind: u8,
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

    /// What a settlement moved: `gross = frames * price_per_frame` split into the
    /// worker's amount and the fee, and the rest of the balance refunded.
    struct Settlement has copy, drop {
        gross: u64,
        worker_amount: u64,
        fee: u64,
        refund: u64,
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
    /// A worker took a job with the creator's offer; `refund` is the excess
    /// deposit returned to the creator at once; then the job's terms; `offer_kind`
    /// is how the creator authorised it (0 a signed `AssignmentOffer`, 1 a
    /// wallet-signed envelope, 2 an offer published on chain).
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
        collateral: u64,
        worker_commission_bps: u64,
        review_window_secs: u64,
        max_rerenders: u64,
        min_rerender_secs: u64,
        response_window_secs: u64,
        dispute_timeout_secs: u64,
        offer_kind: u8,
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
    /// The creator accepted fewer frames than submitted; the worker may
    /// `accept_partial` or `dispute` until `response_deadline`.
    struct PartiallyAccepted has drop, store {
        job: address,
        job_id: u64,
        creator: address,
        worker: address,
        frames_done: u64,
        frames_accepted: u64,
        response_deadline: u64,
    }

    #[event]
    /// A job was paid by `confirm` or `accept_partial` (`finalized = false`) or
    /// by `finalize`.
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
    /// The creator took its money back after a render deadline the worker
    /// missed without ever delivering; `slashed` is the job's collateral.
    struct JobReclaimed has drop, store {
        job: address,
        job_id: u64,
        creator: address,
        worker: address,
        refund: u64,
        slashed: u64,
    }

    #[event]
    /// The creator or the worker disputed the job; `timeout_frames` is what
    /// `finalize` pays from `timeout_at` on if no arbiter has ruled.
    struct JobDisputed has drop, store {
        job: address,
        job_id: u64,
        by: address,
        reason_hash: vector<u8>,
        creator: address,
        worker: address,
        frames_done: u64,
        timeout_frames: u64,
        timeout_at: u64,
    }

    #[event]
    /// An arbiter settled a disputed job.
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

    #[event]
    /// The creator burnt an offer nonce it had signed, so no offer with it can be accepted.
    struct NonceBurned has drop, store {
        creator: address,
        nonce: u64,
    }

    #[event]
    /// A settlement leg of `job` could not be delivered (the recipient's store is
    /// frozen) and was credited to `owner`'s claimable balance, now `total`.
    struct ClaimableCredited has drop, store {
        owner: address,
        job: address,
        amount: u64,
        total: u64,
    }

    #[event]
    /// `owner` withdrew its whole claimable balance.
    struct ClaimableWithdrawn has drop, store {
        owner: address,
        amount: u64,
    }

    // Errors -------------------------------------------------------------------

    /// A job needs at least one frame.
    const EZeroFrames: u64 = 1;
    /// The price per frame is below the protocol minimum `min_price_per_frame`.
    const EPriceBelowMin: u64 = 2;
    /// `frames * max_price_per_frame` does not fit in a u64.
    const EDepositTooLarge: u64 = 3;
    /// The job is not in a status that allows this call.
    const EWrongStatus: u64 = 4;
    /// Only the job's creator may call this (now).
    const ENotCreator: u64 = 5;
    /// Only the job's worker may call this (now).
    const ENotWorker: u64 = 6;
    /// Only the job's creator or worker may call this.
    const ENotParty: u64 = 7;
    /// Only a member of the arbiter set may call this.
    const ENotArbiter: u64 = 8;
    /// The offer has expired.
    const EOfferExpired: u64 = 9;
    /// The render deadline is not in the future.
    const EBadDeadline: u64 = 10;
    /// The offered price exceeds the job's maximum price per frame.
    const EPriceAboveMax: u64 = 11;
    /// The creator already used (or burnt) this offer nonce.
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
    /// The job reached its `max_rerenders`.
    const ETooManyRerenders: u64 = 23;
    /// The render deadline has not passed yet.
    const EDeadlineNotPassed: u64 = 24;
    /// The dispute timeout has not passed yet.
    const EDisputeTimeoutNotPassed: u64 = 25;
    /// The rerender deadline gives the worker less than the job's `min_rerender_secs`.
    const ERerenderTooShort: u64 = 26;
    /// The job delivered a result: a missed rerender deadline is disputed, never reclaimed.
    const EAlreadyDelivered: u64 = 27;
    /// The worker's response window has closed.
    const EResponseWindowClosed: u64 = 28;
    /// The worker's response window is still open.
    const EResponseWindowOpen: u64 = 29;
    /// The caller has no claimable balance.
    const ENothingClaimable: u64 = 30;

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
    const STATUS_PARTIALLY_ACCEPTED: u8 = 8;

    /// `offer_kind` of an offer signed as BCS (`accept_offer`); `offers` uses 1 and 2.
    const OFFER_SIGNED: u8 = 0;

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
            claimable: table::new(),
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
    /// it. -> Open. During the campaign a creator holding 0.1 credit spends it
    /// on the job (`campaign::spend_job_credit`), which makes the job earn
    /// render points when paid.
    ///
    /// # Aborts
    /// * `config::EPaused` (via `config`) while paused.
    /// * `EZeroFrames` if `frames` is 0.
    /// * `EPriceBelowMin` if `max_price_per_frame < min_price_per_frame`.
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
        assert!(max_price_per_frame >= config::min_price_per_frame(), error::invalid_argument(EPriceBelowMin));
        let deposit_wide = (frames as u128) * (max_price_per_frame as u128);
        assert!(deposit_wide <= U64_MAX, error::out_of_range(EDepositTooLarge));
        let deposit = (deposit_wide as u64);
        let creator_addr = signer::address_of(creator);
        let now = timestamp::now_seconds();

        let registry = borrow_global_mut<Registry>(registry_address());
        let job_id = registry.next_job_id;
        registry.next_job_id += 1;
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
                frames_done: 0,
                output_root: vector[],
                review_deadline: 0,
                rerenders: 0,
                created_at: now,
                offer_nonce: 0,
                rerender_frames: 0,
                lease_secs: 0,
                lease_started_at: 0,
                assigned_at: 0,
                submitted_at: 0,
                disputed_at: 0,
                frames_paid: 0,
                paid_to_worker: 0,
                fee_paid: 0,
                refunded: 0,
                frames_accepted: 0,
                response_deadline: 0,
                disputed_by: @0x0,
                timeout_frames: 0,
                terms: JobTerms {
                    worker_commission_bps: 0,
                    review_window_secs: 0,
                    max_rerenders: 0,
                    min_rerender_secs: 0,
                    response_window_secs: 0,
                    dispute_timeout_secs: 0,
                    collateral: 0,
                },
                offer_kind: 0,
            },
            accepted_score: 0,
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
        campaign::spend_job_credit(creator_addr, job_addr);
    }

    /// Takes an Open job with the creator's signed `AssignmentOffer` for
    /// `(job, worker = caller, price_per_frame, render_deadline, offer_expires_at,
    /// nonce, chain_id::get())`. Copies the protocol terms into the job, locks the
    /// worker's collateral for it (`staking::lock_collateral` on the job's value
    /// `frames * price_per_frame`) and refunds `frames * (max_price_per_frame -
    /// price_per_frame)` to the creator at once. -> Assigned.
    ///
    /// # Aborts
    /// * `config::EPaused` (via `config`) while paused.
    /// * `EWrongStatus` unless the job is Open.
    /// * `ESelfAssignment` if the caller is the creator.
    /// * `EOfferExpired` if `now >= offer_expires_at`.
    /// * `EBadDeadline` if `render_deadline <= now`.
    /// * `EPriceBelowMin` if `price_per_frame < min_price_per_frame`.
    /// * `EPriceAboveMax` if `price_per_frame > max_price_per_frame`.
    /// * `ENonceUsed` if the creator already used or burnt `nonce`.
    /// * `EWrongPublicKey` if `creator_public_key` is not the creator's auth key.
    /// * `EBadSignature` if the signature does not verify.
    /// * `ENotEligible` if `staking::is_eligible(worker)` is false.
    /// * `EScoreTooLow` / `EVramTooLow` if the worker misses the job's minimums.
    /// * `staking::EInsufficientCollateral` if the worker's free stake does not cover the collateral.
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
        let creator = check_offer(job_addr, worker_addr, price_per_frame, render_deadline, offer_expires_at, nonce);
        let offer = AssignmentOffer {
            job: job_addr,
            worker: worker_addr,
            price_per_frame,
            render_deadline,
            offer_expires_at,
            nonce,
            chain_id: chain_id::get(),
        };
        verify_offer_signature(creator, offer, creator_public_key, creator_signature);
        assign(job_addr, worker_addr, price_per_frame, render_deadline, nonce, OFFER_SIGNED);
    }

    /// The creator withdraws every offer it signed with `nonce`: no offer with it
    /// can be accepted afterwards. Works while paused.
    ///
    /// # Aborts
    /// * `ENonceUsed` if the nonce is already used or burnt.
    public entry fun burn_nonce(creator: &signer, nonce: u64) acquires Registry {
        let creator_addr = signer::address_of(creator);
        let registry = borrow_global_mut<Registry>(registry_address());
        let key = OfferNonce { creator: creator_addr, nonce };
        assert!(!registry.used_nonces.contains(key), error::already_exists(ENonceUsed));
        registry.used_nonces.add(key, true);
        event::emit(NonceBurned { creator: creator_addr, nonce });
    }

    /// The worker submits `frames_done` frames (1 ..= frames) with the root of its
    /// output, before the render deadline; the render round's time is added to the
    /// job's lease seconds and the review window (`terms.review_window_secs`)
    /// starts. A rerender round's submission replaces the previous one.
    /// -> Submitted. Works while paused.
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
        info.lease_secs += now - info.lease_started_at;
        info.frames_done = frames_done;
        info.output_root = output_root;
        info.submitted_at = now;
        info.review_deadline = now + info.terms.review_window_secs;
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

    /// The creator accepts `frames_accepted` (<= frames_done) of a submitted
    /// result within the review window. Accepting every submitted frame pays
    /// them at once (-> Completed): the worker gets `terms.worker_commission_bps`
    /// of `frames_accepted * price_per_frame`, the treasury the rest, the creator
    /// the remaining balance. Accepting fewer opens the worker's response window
    /// (`terms.response_window_secs`): the worker may `accept_partial` or
    /// `dispute` (-> PartiallyAccepted). Works while paused.
    ///
    /// # Aborts
    /// * `EWrongStatus` unless the job is Submitted.
    /// * `ENotCreator` if the caller is not the creator.
    /// * `EReviewWindowClosed` if `now > review_deadline` (use `finalize`).
    /// * `EBadFrames` if `frames_accepted > frames_done`.
    public entry fun confirm(creator: &signer, job: Object<Job>, frames_accepted: u64) acquires Job, Registry {
        let job_addr = object::object_address(&job);
        let now = timestamp::now_seconds();
        let accepts_all = {
            let info = &borrow_global<Job>(job_addr).info;
            assert!(info.status == STATUS_SUBMITTED, error::invalid_state(EWrongStatus));
            assert!(signer::address_of(creator) == info.creator, error::permission_denied(ENotCreator));
            assert!(now <= info.review_deadline, error::invalid_state(EReviewWindowClosed));
            assert!(frames_accepted <= info.frames_done, error::invalid_argument(EBadFrames));
            frames_accepted == info.frames_done
        };
        if (accepts_all) {
            complete(job_addr, frames_accepted, false);
            return
        };
        let info = &mut borrow_global_mut<Job>(job_addr).info;
        info.frames_accepted = frames_accepted;
        info.response_deadline = now + info.terms.response_window_secs;
        info.status = STATUS_PARTIALLY_ACCEPTED;
        event::emit(PartiallyAccepted {
            job: job_addr,
            job_id: info.job_id,
            creator: info.creator,
            worker: info.worker,
            frames_done: info.frames_done,
            frames_accepted,
            response_deadline: info.response_deadline,
        });
    }

    /// The worker agrees to a partial acceptance: the accepted frames are paid
    /// as `confirm` pays them. -> Completed. Works while paused.
    ///
    /// # Aborts
    /// * `EWrongStatus` unless the job is PartiallyAccepted.
    /// * `ENotWorker` if the caller is not the job's worker.
    public entry fun accept_partial(worker: &signer, job: Object<Job>) acquires Job, Registry {
        let job_addr = object::object_address(&job);
        let frames_accepted = {
            let info = &borrow_global<Job>(job_addr).info;
            assert!(info.status == STATUS_PARTIALLY_ACCEPTED, error::invalid_state(EWrongStatus));
            assert!(signer::address_of(worker) == info.worker, error::permission_denied(ENotWorker));
            info.frames_accepted
        };
        complete(job_addr, frames_accepted, false);
    }

    /// The creator sends a submitted job back for `frames` (1 ..= frames) to be
    /// rendered again by `render_deadline`, which must give the worker at least
    /// `terms.min_rerender_secs` (never less than the first assignment allowed),
    /// at most `terms.max_rerenders` times per job. A new render round starts
    /// now. -> Assigned.
    ///
    /// # Aborts
    /// * `config::EPaused` (via `config`) while paused.
    /// * `EWrongStatus` unless the job is Submitted.
    /// * `ENotCreator` if the caller is not the creator.
    /// * `EReviewWindowClosed` if `now > review_deadline`.
    /// * `ETooManyRerenders` if the job already had `terms.max_rerenders` requests.
    /// * `EBadFrames` if `frames` is 0 or above the job's frames.
    /// * `ERerenderTooShort` if `render_deadline < now + terms.min_rerender_secs`.
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
        assert!(info.rerenders < info.terms.max_rerenders, error::out_of_range(ETooManyRerenders));
        assert!(frames > 0 && frames <= info.frames, error::invalid_argument(EBadFrames));
        assert!(
            render_deadline > now && render_deadline - now >= info.terms.min_rerender_secs,
            error::invalid_argument(ERerenderTooShort),
        );
        info.rerenders += 1;
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

    /// Anyone settles a job nobody answered in time, paying as `confirm` would:
    /// a Submitted job once the review window has passed pays `frames_done`; a
    /// PartiallyAccepted job once the response window has passed pays
    /// `frames_accepted`; a Disputed job once `terms.dispute_timeout_secs` has
    /// passed since the dispute pays `timeout_frames` (the position of the side
    /// that did not open it). -> Completed (`JobCompleted.finalized = true`).
    /// Works while paused.
    ///
    /// # Aborts
    /// * `EWrongStatus` unless the job is Submitted, PartiallyAccepted or Disputed.
    /// * `EReviewWindowOpen` if Submitted and `now <= review_deadline`.
    /// * `EResponseWindowOpen` if PartiallyAccepted and `now <= response_deadline`.
    /// * `EDisputeTimeoutNotPassed` if Disputed and the timeout has not passed.
    public entry fun finalize(_caller: &signer, job: Object<Job>) acquires Job, Registry {
        let job_addr = object::object_address(&job);
        let now = timestamp::now_seconds();
        let frames = {
            let info = &borrow_global<Job>(job_addr).info;
            if (info.status == STATUS_SUBMITTED) {
                assert!(now > info.review_deadline, error::invalid_state(EReviewWindowOpen));
                info.frames_done
            } else if (info.status == STATUS_PARTIALLY_ACCEPTED) {
                assert!(now > info.response_deadline, error::invalid_state(EResponseWindowOpen));
                info.frames_accepted
            } else if (info.status == STATUS_DISPUTED) {
                assert!(
                    now >= info.disputed_at + info.terms.dispute_timeout_secs,
                    error::invalid_state(EDisputeTimeoutNotPassed),
                );
                info.timeout_frames
            } else {
                abort error::invalid_state(EWrongStatus)
            }
        };
        complete(job_addr, frames, true);
    }

    /// The creator takes back the whole balance of an Assigned job that never
    /// delivered and whose render deadline has passed; the worker's failed-job
    /// counter rises and the job's collateral is slashed into the penalty pool.
    /// (A rerender round that misses its deadline is disputed instead.)
    /// -> Reclaimed. Works while paused.
    ///
    /// # Aborts
    /// * `EWrongStatus` unless the job is Assigned.
    /// * `ENotCreator` if the caller is not the creator.
    /// * `EAlreadyDelivered` if the job ever had a submission.
    /// * `EDeadlineNotPassed` if `now <= render_deadline`.
    public entry fun reclaim(creator: &signer, job: Object<Job>) acquires Job, Registry {
        let job_addr = object::object_address(&job);
        let now = timestamp::now_seconds();
        let job_ref = borrow_global_mut<Job>(job_addr);
        let info = &mut job_ref.info;
        assert!(info.status == STATUS_ASSIGNED, error::invalid_state(EWrongStatus));
        assert!(signer::address_of(creator) == info.creator, error::permission_denied(ENotCreator));
        assert!(info.frames_done == 0, error::invalid_state(EAlreadyDelivered));
        assert!(now > info.render_deadline, error::invalid_state(EDeadlineNotPassed));
        let refund = balance(info);
        info.refunded += refund;
        info.status = STATUS_RECLAIMED;
        let (worker, creator_addr, job_id, collateral) = (info.worker, info.creator, info.job_id, info.terms.collateral);
        let job_signer = object::generate_signer_for_extending(&job_ref.extend_ref);
        send(&job_signer, job_addr, creator_addr, refund);
        let registry = borrow_global_mut<Registry>(registry_address());
        let stats = worker_stats_mut(&mut registry.workers, worker);
        stats.jobs_failed += 1;
        staking::unlock(worker, job_addr, collateral);
        let slashed = staking::slash(worker, collateral, job_addr);
        event::emit(JobReclaimed { job: job_addr, job_id, creator: creator_addr, worker, refund, slashed });
    }

    /// The creator cancels an Open job and gets its deposit back. -> Cancelled.
    /// Works while paused.
    ///
    /// # Aborts
    /// * `EWrongStatus` unless the job is Open.
    /// * `ENotCreator` if the caller is not the creator.
    public entry fun cancel(creator: &signer, job: Object<Job>) acquires Job, Registry {
        let job_addr = object::object_address(&job);
        let job_ref = borrow_global_mut<Job>(job_addr);
        let info = &mut job_ref.info;
        assert!(info.status == STATUS_OPEN, error::invalid_state(EWrongStatus));
        assert!(signer::address_of(creator) == info.creator, error::permission_denied(ENotCreator));
        let refund = balance(info);
        info.refunded += refund;
        info.status = STATUS_CANCELLED;
        let (creator_addr, job_id) = (info.creator, info.job_id);
        let job_signer = object::generate_signer_for_extending(&job_ref.extend_ref);
        send(&job_signer, job_addr, creator_addr, refund);
        event::emit(JobCancelled { job: job_addr, job_id, creator: creator_addr, refund });
    }

    /// Opens a dispute; any arbiter then `resolve`s it, or anyone `finalize`s it
    /// after `terms.dispute_timeout_secs`, paying `timeout_frames`, the position
    /// of the side that did not open it:
    /// * Submitted, within the review window: only the creator;
    ///   `timeout_frames = frames_done`.
    /// * PartiallyAccepted, within the response window: only the worker;
    ///   `timeout_frames = frames_accepted`.
    /// * Assigned after a delivery (a rerender round) past its render deadline:
    ///   either party; `timeout_frames = frames_done` when the creator opens it,
    ///   `frames_done - min(rerender_frames, frames_done)` when the worker does.
    /// -> Disputed. Works while paused.
    ///
    /// # Aborts
    /// * `ENotParty` if the caller is neither the creator nor the worker.
    /// * `ENotCreator` if Submitted and the caller is the worker.
    /// * `EReviewWindowClosed` if Submitted and `now > review_deadline`.
    /// * `ENotWorker` if PartiallyAccepted and the caller is the creator.
    /// * `EResponseWindowClosed` if PartiallyAccepted and `now > response_deadline`.
    /// * `EDeadlineNotPassed` if Assigned after a delivery and `now <= render_deadline`.
    /// * `EWrongStatus` in any other status (an Assigned job that never delivered is reclaimed).
    public entry fun dispute(caller: &signer, job: Object<Job>, reason_hash: vector<u8>) acquires Job {
        let job_addr = object::object_address(&job);
        let now = timestamp::now_seconds();
        let caller_addr = signer::address_of(caller);
        let info = &mut borrow_global_mut<Job>(job_addr).info;
        let is_creator = caller_addr == info.creator;
        assert!(is_creator || caller_addr == info.worker, error::permission_denied(ENotParty));
        let timeout_frames = if (info.status == STATUS_SUBMITTED) {
            assert!(is_creator, error::permission_denied(ENotCreator));
            assert!(now <= info.review_deadline, error::invalid_state(EReviewWindowClosed));
            info.frames_done
        } else if (info.status == STATUS_PARTIALLY_ACCEPTED) {
            assert!(!is_creator, error::permission_denied(ENotWorker));
            assert!(now <= info.response_deadline, error::invalid_state(EResponseWindowClosed));
            info.frames_accepted
        } else if (info.status == STATUS_ASSIGNED && info.frames_done > 0) {
            assert!(now > info.render_deadline, error::invalid_state(EDeadlineNotPassed));
            if (is_creator) {
                info.frames_done
            } else if (info.rerender_frames < info.frames_done) {
                info.frames_done - info.rerender_frames
            } else {
                0
            }
        } else {
            abort error::invalid_state(EWrongStatus)
        };
        info.status = STATUS_DISPUTED;
        info.disputed_at = now;
        info.disputed_by = caller_addr;
        info.timeout_frames = timeout_frames;
        event::emit(JobDisputed {
            job: job_addr,
            job_id: info.job_id,
            by: caller_addr,
            reason_hash,
            creator: info.creator,
            worker: info.worker,
            frames_done: info.frames_done,
            timeout_frames,
            timeout_at: now + info.terms.dispute_timeout_secs,
        });
    }

    /// A member of the arbiter set settles a Disputed job by paying
    /// `frames_to_pay` (<= frames_done) frames; the split is the same as
    /// `confirm`'s. Paying 0 frames counts as a failed job for the worker; nobody
    /// is slashed. -> Resolved. Works while paused.
    ///
    /// # Aborts
    /// * `ENotArbiter` if the caller is not in `config::arbiters()`.
    /// * `EWrongStatus` unless the job is Disputed.
    /// * `EBadFrames` if `frames_to_pay > frames_done`.
    public entry fun resolve(arbiter: &signer, job: Object<Job>, frames_to_pay: u64) acquires Job, Registry {
        let arbiter_addr = signer::address_of(arbiter);
        assert!(config::is_arbiter(arbiter_addr), error::permission_denied(ENotArbiter));
        let job_addr = object::object_address(&job);
        {
            let info = &borrow_global<Job>(job_addr).info;
            assert!(info.status == STATUS_DISPUTED, error::invalid_state(EWrongStatus));
            assert!(frames_to_pay <= info.frames_done, error::invalid_argument(EBadFrames));
        };
        let paid = settle(job_addr, frames_to_pay, STATUS_RESOLVED);
        let info = borrow_global<Job>(job_addr).info;
        if (frames_to_pay == 0) {
            let registry = borrow_global_mut<Registry>(registry_address());
            let stats = worker_stats_mut(&mut registry.workers, info.worker);
            stats.jobs_failed += 1;
        };
        event::emit(DisputeResolved {
            job: job_addr,
            job_id: info.job_id,
            arbiter: arbiter_addr,
            creator: info.creator,
            worker: info.worker,
            frames_paid: frames_to_pay,
            gross: paid.gross,
            worker_amount: paid.worker_amount,
            fee: paid.fee,
            refund: paid.refund,
            lease_secs: info.lease_secs,
        });
    }

    /// Pays the caller its whole claimable balance (settlement legs that could
    /// not be delivered while its store was frozen). Works while paused.
    ///
    /// # Aborts
    /// * `ENothingClaimable` if the caller's claimable balance is 0.
    /// * The fungible-asset framework's error if the caller's store is still frozen.
    public entry fun withdraw(owner: &signer) acquires Registry {
        let owner_addr = signer::address_of(owner);
        let registry = borrow_global_mut<Registry>(registry_address());
        let amount = if (registry.claimable.contains(owner_addr)) registry.claimable.remove(owner_addr) else 0;
        assert!(amount > 0, error::not_found(ENothingClaimable));
        let registry_signer = object::generate_signer_for_extending(&registry.extend_ref);
        primary_fungible_store::transfer(&registry_signer, config::payment_asset(), owner_addr, amount);
        event::emit(ClaimableWithdrawn { owner: owner_addr, amount });
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
    /// Whether `creator` used or burnt offer nonce `nonce`.
    ///
    /// # Aborts
    /// Never.
    public fun is_nonce_used(creator: address, nonce: u64): bool acquires Registry {
        borrow_global<Registry>(registry_address()).used_nonces.contains(OfferNonce { creator, nonce })
    }

    #[view]
    /// `owner`'s claimable balance (0 when none).
    ///
    /// # Aborts
    /// Never.
    public fun claimable_of(owner: address): u64 acquires Registry {
        let registry = borrow_global<Registry>(registry_address());
        if (registry.claimable.contains(owner)) *registry.claimable.borrow(owner) else 0
    }

    #[view]
    /// `(spent_total, spent_this_month, frames_succeeded)` of `creator`; spending
    /// counts the gross paid for jobs, the month is the window `now / 2 592 000`.
    ///
    /// # Aborts
    /// Never.
    public fun creator_stats(creator: address): (u64, u64, u64) acquires Registry {
        let registry = borrow_global<Registry>(registry_address());
        if (!registry.creators.contains(creator)) {
            return (0, 0, 0)
        };
        let stats = registry.creators.borrow(creator);
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
        if (!registry.workers.contains(worker)) {
            return (0, 0, 0, 0)
        };
        let stats = registry.workers.borrow(worker);
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

    /// Address of the escrow registry object (whose store holds the claimable balances).
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
    public fun info_parties(self: &JobInfo): (u64, address, address, u8) {
        (self.job_id, self.creator, self.worker, self.status)
    }

    /// `(deposit, paid_to_worker, fee_paid, refunded, frames_paid)` of a `JobInfo`.
    ///
    /// # Aborts
    /// Never.
    public fun info_money(self: &JobInfo): (u64, u64, u64, u64, u64) {
        (self.deposit, self.paid_to_worker, self.fee_paid, self.refunded, self.frames_paid)
    }

    /// `(price_per_frame, render_deadline, frames_done, rerenders, lease_secs,
    /// review_deadline)` of a `JobInfo`.
    ///
    /// # Aborts
    /// Never.
    public fun info_work(self: &JobInfo): (u64, u64, u64, u64, u64, u64) {
        (
            self.price_per_frame,
            self.render_deadline,
            self.frames_done,
            self.rerenders,
            self.lease_secs,
            self.review_deadline,
        )
    }

    /// `(frames_accepted, response_deadline, disputed_by, disputed_at,
    /// timeout_frames)` of a `JobInfo`.
    ///
    /// # Aborts
    /// Never.
    public fun info_review(self: &JobInfo): (u64, u64, address, u64, u64) {
        (self.frames_accepted, self.response_deadline, self.disputed_by, self.disputed_at, self.timeout_frames)
    }

    /// `(worker_commission_bps, review_window_secs, max_rerenders,
    /// min_rerender_secs, response_window_secs, dispute_timeout_secs,
    /// collateral)` of a `JobInfo`'s terms.
    ///
    /// # Aborts
    /// Never.
    public fun info_terms(self: &JobInfo): (u64, u64, u64, u64, u64, u64, u64) {
        let t = &self.terms;
        (
            t.worker_commission_bps,
            t.review_window_secs,
            t.max_rerenders,
            t.min_rerender_secs,
            t.response_window_secs,
            t.dispute_timeout_secs,
            t.collateral,
        )
    }

    /// What the job's object should hold now: `deposit - paid_to_worker -
    /// fee_paid - refunded`.
    ///
    /// # Aborts
    /// Never.
    public fun balance(self: &JobInfo): u64 {
        self.deposit - self.paid_to_worker - self.fee_paid - self.refunded
    }

    // Private functions --------------------------------------------------------

    /// The offer checks that need no signature: the job is Open, the worker is
    /// not its creator, the offer is live, its deadline and price are valid and
    /// its nonce unused. Returns the creator.
    public(package) fun check_offer(
        job_addr: address,
        worker: address,
        price_per_frame: u64,
        render_deadline: u64,
        offer_expires_at: u64,
        nonce: u64,
    ): address acquires Job, Registry {
        let now = timestamp::now_seconds();
        let info = &borrow_global<Job>(job_addr).info;
        assert!(info.status == STATUS_OPEN, error::invalid_state(EWrongStatus));
        let creator = info.creator;
        assert!(worker != creator, error::invalid_argument(ESelfAssignment));
        assert!(now < offer_expires_at, error::invalid_argument(EOfferExpired));
        assert!(render_deadline > now, error::invalid_argument(EBadDeadline));
        assert!(price_per_frame >= config::min_price_per_frame(), error::invalid_argument(EPriceBelowMin));
        assert!(price_per_frame <= info.max_price_per_frame, error::invalid_argument(EPriceAboveMax));
        assert!(!is_nonce_used(creator, nonce), error::already_exists(ENonceUsed));
        creator
    }

    /// Checks that `creator_public_key` is the creator's single-key ed25519
    /// authentication key and that `creator_signature` signs `offer`.
    fun verify_offer_signature(
        creator: address,
        offer: AssignmentOffer,
        creator_public_key: vector<u8>,
        creator_signature: vector<u8>,
    ) {
        let public_key = ed25519::new_unvalidated_public_key_from_bytes(creator_public_key);
        assert!(
            ed25519::unvalidated_public_key_to_authentication_key(&public_key)
                == account::get_authentication_key(creator),
            error::permission_denied(EWrongPublicKey),
        );
        let signature = ed25519::new_signature_from_bytes(creator_signature);
        assert!(
            ed25519::signature_verify_strict_t(&signature, &public_key, offer),
            error::invalid_argument(EBadSignature),
        );
    }

    /// Binds a checked offer: the worker's eligibility and the job's minimums,
    /// the nonce burnt, the terms copied, the collateral locked, the excess
    /// deposit refunded; `offer_kind` records how the creator authorised it.
    /// -> Assigned.
    public(package) fun assign(
        job_addr: address,
        worker: address,
        price_per_frame: u64,
        render_deadline: u64,
        nonce: u64,
        offer_kind: u8,
    ) acquires Job, Registry {
        let now = timestamp::now_seconds();
        let job_ref = borrow_global_mut<Job>(job_addr);
        let info = &mut job_ref.info;
        assert!(staking::is_eligible(worker), error::permission_denied(ENotEligible));
        let worker_score = attestation::score_of(worker);
        assert!(worker_score >= info.min_score, error::invalid_argument(EScoreTooLow));
        assert!(attestation::vram_of(worker) >= info.min_vram_mb, error::invalid_argument(EVramTooLow));

        let creator = info.creator;
        borrow_global_mut<Registry>(registry_address()).used_nonces.add(OfferNonce { creator, nonce }, true);
        // Both factors are bounded by the deposit, which fits in a u64.
        let value = info.frames * price_per_frame;
        let refund = info.frames * (info.max_price_per_frame - price_per_frame);
        let collateral = staking::lock_collateral(worker, job_addr, value);
        let render_secs = render_deadline - now;
        let min_rerender_secs = config::min_rerender_secs();
        info.terms = JobTerms {
            worker_commission_bps: config::worker_commission_bps(),
            review_window_secs: config::review_window_secs(),
            max_rerenders: config::max_rerenders(),
            min_rerender_secs: if (render_secs > min_rerender_secs) render_secs else min_rerender_secs,
            response_window_secs: config::response_window_secs(),
            dispute_timeout_secs: config::dispute_timeout_secs(),
            collateral,
        };
        info.worker = worker;
        info.status = STATUS_ASSIGNED;
        info.price_per_frame = price_per_frame;
        info.render_deadline = render_deadline;
        info.offer_nonce = nonce;
        info.assigned_at = now;
        info.lease_started_at = now;
        info.refunded += refund;
        info.offer_kind = offer_kind;
        let terms = info.terms;
        let job_id = info.job_id;
        job_ref.accepted_score = worker_score;
        let job_signer = object::generate_signer_for_extending(&job_ref.extend_ref);
        send(&job_signer, job_addr, creator, refund);
        event::emit(JobAssigned {
            job: job_addr,
            job_id,
            creator,
            worker,
            price_per_frame,
            render_deadline,
            nonce,
            worker_score,
            refund,
            assigned_at: now,
            collateral,
            worker_commission_bps: terms.worker_commission_bps,
            review_window_secs: terms.review_window_secs,
            max_rerenders: terms.max_rerenders,
            min_rerender_secs: terms.min_rerender_secs,
            response_window_secs: terms.response_window_secs,
            dispute_timeout_secs: terms.dispute_timeout_secs,
            offer_kind,
        });
    }

    /// Settles a job as Completed paying `frames_paid` and emits `JobCompleted`.
    fun complete(job_addr: address, frames_paid: u64, finalized: bool) acquires Job, Registry {
        let paid = settle(job_addr, frames_paid, STATUS_COMPLETED);
        let info = &borrow_global<Job>(job_addr).info;
        event::emit(JobCompleted {
            job: job_addr,
            job_id: info.job_id,
            creator: info.creator,
            worker: info.worker,
            frames_paid,
            gross: paid.gross,
            worker_amount: paid.worker_amount,
            fee: paid.fee,
            refund: paid.refund,
            lease_secs: info.lease_secs,
            finalized,
        });
    }

    /// Pays `frames_paid * price_per_frame` split by the job's commission between
    /// the worker and the protocol fee (`pool_fee_share_bps` of it into the
    /// current epoch's reward pool, the rest to the treasury), refunds the rest of
    /// the balance to the creator, sets the final status, releases the worker's
    /// collateral and counts paid work.
    fun settle(job_addr: address, frames_paid: u64, final_status: u8): Settlement acquires Job, Registry {
        let job_ref = borrow_global_mut<Job>(job_addr);
        let info = &mut job_ref.info;
        // After assignment the balance is frames * price_per_frame, so gross fits.
        let gross = frames_paid * info.price_per_frame;
        let (worker_amount, fee) = split_payout(gross, info.terms.worker_commission_bps);
        let refund = balance(info) - gross;
        info.frames_paid = frames_paid;
        info.paid_to_worker += worker_amount;
        info.fee_paid += fee;
        info.refunded += refund;
        info.status = final_status;
        let info = *info;
        let accepted_score = job_ref.accepted_score;
        let job_signer = object::generate_signer_for_extending(&job_ref.extend_ref);
        // The fee is split: `pool_fee_share_bps` of it into the current epoch's
        // reward pool, the rest to the treasury.
        let to_pool = rewards::fee_to_pool(fee, config::pool_fee_share_bps());
        send(&job_signer, job_addr, info.worker, worker_amount);
        send(&job_signer, job_addr, config::treasury(), fee - to_pool);
        rewards::add_fee_share(&job_signer, to_pool);
        send(&job_signer, job_addr, info.creator, refund);
        staking::unlock(info.worker, job_addr, info.terms.collateral);
        if (gross > 0) {
            record_payment(job_addr, &info, accepted_score, frames_paid, gross);
        };
        Settlement { gross, worker_amount, fee, refund }
    }

    /// Moves `amount` from the job to `to`'s primary store, or, when that store
    /// is frozen, into the registry's store as `to`'s claimable balance.
    fun send(job_signer: &signer, job_addr: address, to: address, amount: u64) acquires Registry {
        if (amount == 0) {
            return
        };
        let asset = config::payment_asset();
        if (!primary_fungible_store::is_frozen(to, asset)) {
            primary_fungible_store::transfer(job_signer, asset, to, amount);
            return
        };
        let registry_addr = registry_address();
        primary_fungible_store::transfer(job_signer, asset, registry_addr, amount);
        let total = borrow_global_mut<Registry>(registry_addr).claimable.borrow_mut_with_default(to, 0);
        *total += amount;
        event::emit(ClaimableCredited { owner: to, job: job_addr, amount, total: *total });
    }

    /// Updates creator and worker counters for a paid job (`gross > 0`),
    /// records its lease seconds for PoD rewards (capped per job, split over
    /// the epochs before its last submission: `rewards::record_lease`),
    /// weighted with the lower of the worker's score at acceptance and now,
    /// and the campaign's render points of a credited job.
    fun record_payment(
        job_addr: address,
        info: &JobInfo,
        accepted_score: u64,
        frames_paid: u64,
        gross: u64,
    ) acquires Registry {
        let registry = borrow_global_mut<Registry>(registry_address());
        let month = current_month();
        let creator_stats = registry.creators.borrow_mut_with_default(
            info.creator,
            CreatorStats { spent_total: 0, month, spent_month: 0, frames_succeeded: 0 },
        );
        if (creator_stats.month != month) {
            creator_stats.month = month;
            creator_stats.spent_month = 0;
        };
        creator_stats.spent_total += gross;
        creator_stats.spent_month += gross;
        creator_stats.frames_succeeded += frames_paid;
        let worker_stats = worker_stats_mut(&mut registry.workers, info.worker);
        worker_stats.frames_completed += frames_paid;
        worker_stats.jobs_completed += 1;
        worker_stats.lease_secs += info.lease_secs;
        let score = attestation::score_of(info.worker);
        if (score > accepted_score) score = accepted_score;
        rewards::record_lease(info.worker, score, info.lease_secs, info.submitted_at);
        campaign::record_render_points(job_addr, info.creator, info.worker, gross);
    }

    fun worker_stats_mut(workers: &mut Table<address, WorkerStats>, worker: address): &mut WorkerStats {
        workers.borrow_mut_with_default(
            worker,
            WorkerStats { frames_completed: 0, jobs_completed: 0, jobs_failed: 0, lease_secs: 0 },
        )
    }

    fun job_seed(job_id: u64): vector<u8> {
        let seed = JOB_SEED_PREFIX;
        seed.append(bcs::to_bytes(&job_id));
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
    /// A `JobCreated` event, to compare with emitted ones.
    public fun job_created_event(
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
    ): JobCreated {
        JobCreated {
            job, job_id, creator, spec_hash, frames, max_price_per_frame, min_score, min_vram_mb, deposit, created_at
        }
    }

    #[test_only]
    /// A `JobAssigned` event for `info` (an Assigned job), to compare with emitted ones.
    public fun job_assigned_event_of(job: address, info: &JobInfo, worker_score: u64, refund: u64): JobAssigned {
        let t = &info.terms;
        JobAssigned {
            job,
            job_id: info.job_id,
            creator: info.creator,
            worker: info.worker,
            price_per_frame: info.price_per_frame,
            render_deadline: info.render_deadline,
            nonce: info.offer_nonce,
            worker_score,
            refund,
            assigned_at: info.assigned_at,
            collateral: t.collateral,
            worker_commission_bps: t.worker_commission_bps,
            review_window_secs: t.review_window_secs,
            max_rerenders: t.max_rerenders,
            min_rerender_secs: t.min_rerender_secs,
            response_window_secs: t.response_window_secs,
            dispute_timeout_secs: t.dispute_timeout_secs,
            offer_kind: info.offer_kind,
        }
    }

    #[test_only]
    /// A `ResultSubmitted` event, to compare with emitted ones.
    public fun result_submitted_event(
        job: address,
        job_id: u64,
        worker: address,
        frames_done: u64,
        output_root: vector<u8>,
        review_deadline: u64,
        lease_secs: u64,
        submitted_at: u64,
    ): ResultSubmitted {
        ResultSubmitted { job, job_id, worker, frames_done, output_root, review_deadline, lease_secs, submitted_at }
    }

    #[test_only]
    /// A `RerenderRequested` event, to compare with emitted ones.
    public fun rerender_requested_event(
        job: address, job_id: u64, frames: u64, render_deadline: u64, rerenders: u64
    ): RerenderRequested {
        RerenderRequested { job, job_id, frames, render_deadline, rerenders }
    }

    #[test_only]
    /// A `PartiallyAccepted` event, to compare with emitted ones.
    public fun partially_accepted_event(
        job: address,
        job_id: u64,
        creator: address,
        worker: address,
        frames_done: u64,
        frames_accepted: u64,
        response_deadline: u64,
    ): PartiallyAccepted {
        PartiallyAccepted { job, job_id, creator, worker, frames_done, frames_accepted, response_deadline }
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
            job, job_id, creator, worker, frames_paid, gross, worker_amount, fee, refund, lease_secs, finalized
        }
    }

    #[test_only]
    /// A `JobCancelled` event, to compare with emitted ones.
    public fun job_cancelled_event(job: address, job_id: u64, creator: address, refund: u64): JobCancelled {
        JobCancelled { job, job_id, creator, refund }
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

    #[test_only]
    /// A `JobDisputed` event, to compare with emitted ones.
    public fun job_disputed_event(
        job: address,
        job_id: u64,
        by: address,
        reason_hash: vector<u8>,
        creator: address,
        worker: address,
        frames_done: u64,
        timeout_frames: u64,
        timeout_at: u64,
    ): JobDisputed {
        JobDisputed { job, job_id, by, reason_hash, creator, worker, frames_done, timeout_frames, timeout_at }
    }

    #[test_only]
    /// A `DisputeResolved` event, to compare with emitted ones.
    public fun dispute_resolved_event(
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
    ): DisputeResolved {
        DisputeResolved {
            job, job_id, arbiter, creator, worker, frames_paid, gross, worker_amount, fee, refund, lease_secs
        }
    }

    #[test_only]
    /// A `NonceBurned` event, to compare with emitted ones.
    public fun nonce_burned_event(creator: address, nonce: u64): NonceBurned {
        NonceBurned { creator, nonce }
    }

    #[test_only]
    /// A `ClaimableCredited` event, to compare with emitted ones.
    public fun claimable_credited_event(owner: address, job: address, amount: u64, total: u64): ClaimableCredited {
        ClaimableCredited { owner, job, amount, total }
    }

    #[test_only]
    /// A `ClaimableWithdrawn` event, to compare with emitted ones.
    public fun claimable_withdrawn_event(owner: address, amount: u64): ClaimableWithdrawn {
        ClaimableWithdrawn { owner, amount }
    }
}
