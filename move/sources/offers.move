/// The two other ways a creator hands a job to a worker, besides the raw
/// BCS signature of `escrow::accept_offer`, so that every account can hire:
///
/// - **Wallet-signed** (`accept_offer_envelope`): the creator's wallet signs
///   the offer as text through `signMessage` (AIP-62), with any Ed25519 key
///   scheme (legacy Ed25519, SingleKey, MultiKey). The contract rebuilds the
///   exact envelope from the offer's terms, the job and the payment asset
///   (`offer_auth`, format in `move/README.md`) and verifies the signature.
/// - **On chain** (`publish_offer`, then `accept_published_offer`): for
///   accounts that cannot sign messages at all (keyless accounts, multisig
///   accounts, any account). The creator's transaction is the authorisation;
///   the offer waits in the creator's `PublishedOffers` until the worker takes
///   it, restating its terms.
///
/// Both end in `escrow::assign` after `escrow::check_offer`, exactly like
/// `accept_offer`: the same status, expiry, deadline, price, nonce,
/// eligibility and minimum rules, the nonce burnt, the terms fixed; the
/// `JobAssigned` event's `offer_kind` says which path it was (0 raw
/// signature, 1 wallet envelope, 2 on chain).
///
/// State: a creator's published offers, one per job (publishing again
/// replaces it), in a `PublishedOffers` resource at the creator's address
/// (no money; the creator pays its storage). An offer leaves when it is
/// accepted; one whose nonce was used or burnt, or whose job left Open, can
/// never be accepted, and is replaced by the next publication for its job.
module lumen::offers {
    use std::error;
    use std::option::{Self, Option};
    use std::signer;
    use std::string::String;
    use aptos_std::table::{Self, Table};
    use aptos_framework::account;
    use aptos_framework::chain_id;
    use aptos_framework::event;
    use aptos_framework::fungible_asset;
    use aptos_framework::object::{Self, Object};
    use aptos_framework::timestamp;
    use lumen::config;
    use lumen::escrow::{Self, Job};
    use lumen::offer_auth;

    // Structs.

    /// An offer a creator published for one of its Open jobs.
    struct PublishedOffer has copy, drop, store {
        worker: address,
        price_per_frame: u64,
        render_deadline: u64,
        offer_expires_at: u64,
        nonce: u64,
        published_at: u64,
    }

    /// A creator's published offers, by job address.
    struct PublishedOffers has key {
        offers: Table<address, PublishedOffer>,
    }

    #[event]
    /// The creator published (or replaced) its offer of `job` to `worker`.
    struct OfferPublished has drop, store {
        job: address,
        job_id: u64,
        creator: address,
        worker: address,
        price_per_frame: u64,
        render_deadline: u64,
        offer_expires_at: u64,
        nonce: u64,
        published_at: u64,
    }

    // Errors.

    /// Only the job's creator may publish an offer for it.
    const ENotCreator: u64 = 1;
    /// The creator has published no offer for this job.
    const ENoPublishedOffer: u64 = 2;
    /// The caller or a restated term is not the published offer's.
    const EOfferMismatch: u64 = 3;
    /// The public key is not the creator's current authentication key.
    const EWrongPublicKey: u64 = 4;
    /// The signature does not verify over the offer's wallet envelope.
    const EBadSignature: u64 = 5;

    // Constants.

    /// `JobAssigned.offer_kind` of a wallet-signed offer.
    const KIND_WALLET: u8 = 1;
    /// `JobAssigned.offer_kind` of an offer published on chain.
    const KIND_ON_CHAIN: u8 = 2;

    // Entry functions.

    /// The worker takes an Open job with an offer the creator signed through its
    /// wallet's `signMessage`: `wallet_address`, `wallet_application` and
    /// `wallet_chain_id` are the envelope's optional lines as the wallet wrote
    /// them (an empty text: the line is absent); `key_scheme` (0 Ed25519, 2
    /// SingleKey, 3 MultiKey), `creator_public_key` and `creator_signature` as
    /// `offer_auth` takes them. The contract rebuilds the envelope of
    /// `(job, worker = caller, price_per_frame, render_deadline,
    /// offer_expires_at, nonce, chain_id::get())` with the job's id and the
    /// payment asset's decimals and symbol, then binds the offer like
    /// `escrow::accept_offer`. -> Assigned.
    ///
    /// # Aborts
    /// * `config::EPaused` (via `config`) while paused.
    /// * `escrow::check_offer`'s aborts: `EWrongStatus`, `ESelfAssignment`,
    ///   `EOfferExpired`, `EBadDeadline`, `EPriceBelowMin`, `EPriceAboveMax`, `ENonceUsed`.
    /// * `offer_auth::EHeaderLineBreak` / `EHeaderAddress` for a malformed or foreign header line.
    /// * `offer_auth::EUnknownScheme`, `EMalformedPublicKey`, `EMalformedSignature`,
    ///   `EUnsupportedKey` for key or signature bytes that do not parse.
    /// * `EWrongPublicKey` if the key is not the creator's authentication key.
    /// * `EBadSignature` if the signature does not verify over the envelope.
    /// * `escrow::assign`'s aborts: `ENotEligible`, `EScoreTooLow`, `EVramTooLow`,
    ///   `staking::EInsufficientCollateral`.
    public entry fun accept_offer_envelope(
        worker: &signer,
        job: Object<Job>,
        price_per_frame: u64,
        render_deadline: u64,
        offer_expires_at: u64,
        nonce: u64,
        wallet_address: String,
        wallet_application: String,
        wallet_chain_id: bool,
        key_scheme: u8,
        creator_public_key: vector<u8>,
        creator_signature: vector<u8>,
    ) {
        config::assert_not_paused();
        let worker_addr = signer::address_of(worker);
        let job_addr = object::object_address(&job);
        let creator = escrow::check_offer(job_addr, worker_addr, price_per_frame, render_deadline, offer_expires_at, nonce);
        let info = escrow::job_info(job);
        let (job_id, _, _, _) = info.info_parties();
        let asset = config::payment_asset();
        let chain = chain_id::get();
        let message = offer_auth::offer_message(
            @lumen,
            job_addr,
            job_id,
            worker_addr,
            price_per_frame,
            fungible_asset::decimals(asset),
            fungible_asset::symbol(asset),
            render_deadline,
            offer_expires_at,
            nonce,
            chain,
        );
        let envelope = offer_auth::wallet_envelope(
            creator, wallet_address, wallet_application, wallet_chain_id, chain, message, nonce
        );
        assert!(
            offer_auth::authentication_key(key_scheme, creator_public_key) == account::get_authentication_key(creator),
            error::permission_denied(EWrongPublicKey),
        );
        assert!(
            offer_auth::verify(key_scheme, creator_public_key, creator_signature, envelope),
            error::invalid_argument(EBadSignature),
        );
        escrow::assign(job_addr, worker_addr, price_per_frame, render_deadline, nonce, KIND_WALLET);
    }

    /// The creator offers its Open `job` to `worker` in a transaction instead of
    /// a signature, for accounts that cannot sign messages (keyless, multisig,
    /// any account). The offer replaces any earlier one for the job; the worker
    /// takes it with `accept_published_offer`; `escrow::burn_nonce(nonce)`
    /// withdraws it. Emits `OfferPublished`.
    ///
    /// # Aborts
    /// * `config::EPaused` (via `config`) while paused.
    /// * `escrow::check_offer`'s aborts (`EWrongStatus` unless Open, `ESelfAssignment`
    ///   if `worker` is the creator, `EOfferExpired`, `EBadDeadline`, `EPriceBelowMin`,
    ///   `EPriceAboveMax`, `ENonceUsed`), checked now and again at acceptance.
    /// * `ENotCreator` if the caller is not the job's creator.
    public entry fun publish_offer(
        creator: &signer,
        job: Object<Job>,
        worker: address,
        price_per_frame: u64,
        render_deadline: u64,
        offer_expires_at: u64,
        nonce: u64,
    ) acquires PublishedOffers {
        config::assert_not_paused();
        let creator_addr = signer::address_of(creator);
        let job_addr = object::object_address(&job);
        let job_creator = escrow::check_offer(job_addr, worker, price_per_frame, render_deadline, offer_expires_at, nonce);
        assert!(creator_addr == job_creator, error::permission_denied(ENotCreator));
        if (!exists<PublishedOffers>(creator_addr)) {
            move_to(creator, PublishedOffers { offers: table::new() });
        };
        let now = timestamp::now_seconds();
        let offer = PublishedOffer { worker, price_per_frame, render_deadline, offer_expires_at, nonce, published_at: now };
        borrow_global_mut<PublishedOffers>(creator_addr).offers.upsert(job_addr, offer);
        let info = escrow::job_info(job);
        let (job_id, _, _, _) = info.info_parties();
        event::emit(OfferPublished {
            job: job_addr,
            job_id,
            creator: creator_addr,
            worker,
            price_per_frame,
            render_deadline,
            offer_expires_at,
            nonce,
            published_at: now,
        });
    }

    /// The worker takes the offer its job's creator published for it,
    /// restating every term, so that an offer replaced in the meantime can never
    /// bind it to terms it did not see. Then as `escrow::accept_offer`, without a
    /// signature: the creator's transaction was the authorisation. -> Assigned.
    ///
    /// # Aborts
    /// * `config::EPaused` (via `config`) while paused.
    /// * `escrow::check_offer`'s aborts (`EWrongStatus`, `ESelfAssignment`,
    ///   `EOfferExpired`, `EBadDeadline`, `EPriceBelowMin`, `EPriceAboveMax`, `ENonceUsed`).
    /// * `ENoPublishedOffer` if the creator published no offer for the job.
    /// * `EOfferMismatch` if the caller is not its worker or a term differs.
    /// * `escrow::assign`'s aborts: `ENotEligible`, `EScoreTooLow`, `EVramTooLow`,
    ///   `staking::EInsufficientCollateral`.
    public entry fun accept_published_offer(
        worker: &signer,
        job: Object<Job>,
        price_per_frame: u64,
        render_deadline: u64,
        offer_expires_at: u64,
        nonce: u64,
    ) acquires PublishedOffers {
        config::assert_not_paused();
        let worker_addr = signer::address_of(worker);
        let job_addr = object::object_address(&job);
        let creator = escrow::check_offer(job_addr, worker_addr, price_per_frame, render_deadline, offer_expires_at, nonce);
        let published = published_offer(job);
        assert!(published.is_some(), error::not_found(ENoPublishedOffer));
        let p = published.destroy_some();
        assert!(
            p.worker == worker_addr && p.price_per_frame == price_per_frame && p.render_deadline == render_deadline
                && p.offer_expires_at == offer_expires_at && p.nonce == nonce,
            error::invalid_argument(EOfferMismatch),
        );
        borrow_global_mut<PublishedOffers>(creator).offers.remove(job_addr);
        escrow::assign(job_addr, worker_addr, price_per_frame, render_deadline, nonce, KIND_ON_CHAIN);
    }

    // Views.

    #[view]
    /// The offer `job`'s creator published for it, if any (it may no longer
    /// be acceptable: check its nonce with `escrow::is_nonce_used` and the
    /// job's status).
    ///
    /// # Aborts
    /// Never for an existing job.
    public fun published_offer(job: Object<Job>): Option<PublishedOffer> acquires PublishedOffers {
        let info = escrow::job_info(job);
        let (_, creator, _, _) = info.info_parties();
        let job_addr = object::object_address(&job);
        if (!exists<PublishedOffers>(creator)) return option::none();
        let offers = &borrow_global<PublishedOffers>(creator).offers;
        if (offers.contains(job_addr)) option::some(*offers.borrow(job_addr)) else option::none()
    }
}
