/// The soulbound Lumen VIP Pass and the priority scores it activates.
///
/// Passes are Digital Asset tokens of the unlimited collection "Lumen VIP Pass",
/// created and owned by the vip object (named object of `@lumen`, seed
/// `b"vip"`). A pass is minted straight to its holder and made untransferable,
/// so any transfer attempt aborts. A holder has at most one pass per role
/// (0 creator, 1 worker). A creator qualifies by total spend
/// (`vip_creator_spend`); a worker by the uptime attesters reported over the last
/// `vip_worker_days` ended epochs: an average of at least
/// `vip_worker_min_avg_secs` per epoch and no run of down days (epochs below
/// `vip_worker_down_day_secs` online) longer than `vip_worker_max_down_days`.
/// A pass lapses when its holder no longer qualifies: anyone may then `expire`
/// it, and the holder may claim again once it qualifies again. The admin
/// revokes a pass by burning it, which also bans the holder from claiming that
/// role again until the admin lifts the ban.
module lumen::vip {
    // Uses ---------------------------------------------------------------------

    use std::error;
    use std::option::{Self, Option};
    use std::signer;
    use std::string::{Self, String};
    use std::vector;
    use aptos_std::table::{Self, Table};
    use aptos_framework::event;
    use aptos_framework::fungible_asset;
    use aptos_framework::object::{Self, ExtendRef, Object};
    use aptos_framework::timestamp;
    use aptos_token_objects::collection::{Self, Collection};
    use aptos_token_objects::token::{Self, BurnRef};
    use lumen::attestation;
    use lumen::config;
    use lumen::escrow;
    use lumen::rewards;

    // Structs ------------------------------------------------------------------

    /// Global state, stored in the vip object, which owns the collection.
    struct VipState has key {
        extend_ref: ExtendRef,
        collection: Object<Collection>,
        passes: Table<PassKey, Pass>,
        /// Holders revoked by the admin, who may not claim the role again.
        banned: Table<PassKey, bool>,
    }

    /// Key of a pass: one per holder and role.
    struct PassKey has copy, drop, store {
        holder: address,
        role: u8,
    }

    /// A minted pass and the ref that burns it.
    struct Pass has store {
        token: address,
        burn_ref: BurnRef,
    }

    #[event]
    /// A pass was minted to `holder`.
    struct VipMinted has drop, store {
        holder: address,
        role: u8,
        token: address,
        minted_at: u64,
    }

    #[event]
    /// A pass was burnt by the admin `by`; the holder is banned from the role.
    struct VipRevoked has drop, store {
        holder: address,
        role: u8,
        token: address,
        by: address,
    }

    #[event]
    /// A pass whose holder no longer qualified was burnt by `by` (anyone).
    struct VipExpired has drop, store {
        holder: address,
        role: u8,
        token: address,
        by: address,
    }

    #[event]
    /// The admin `by` lifted `holder`'s ban from claiming `role`.
    struct VipBanLifted has drop, store {
        holder: address,
        role: u8,
        by: address,
    }

    // Errors -------------------------------------------------------------------

    /// The role is neither 0 (creator) nor 1 (worker).
    const EInvalidRole: u64 = 1;
    /// The holder already has a pass for this role.
    const EAlreadyHasPass: u64 = 2;
    /// The caller does not meet the role's requirements.
    const ENotEligible: u64 = 3;
    /// The holder has no pass for this role.
    const ENoPass: u64 = 4;
    /// The holder still qualifies, so its pass does not expire.
    const EStillEligible: u64 = 5;
    /// The admin revoked this holder's pass for this role; it may not claim again.
    const EBanned: u64 = 6;
    /// The holder is not banned from this role.
    const ENotBanned: u64 = 7;

    // Constants ----------------------------------------------------------------

    const VIP_SEED: vector<u8> = b"vip";
    const COLLECTION_NAME: vector<u8> = b"Lumen VIP Pass";
    const COLLECTION_DESCRIPTION: vector<u8> = b"Soulbound passes giving Lumen's top creators and workers priority.";
    const COLLECTION_URI: vector<u8> = b"https://lumen.network/vip";
    const CREATOR_TOKEN_NAME: vector<u8> = b"Lumen VIP Creator Pass";
    const WORKER_TOKEN_NAME: vector<u8> = b"Lumen VIP Worker Pass";

    const ROLE_CREATOR: u8 = 0;
    const ROLE_WORKER: u8 = 1;

    const VIP_BONUS: u128 = 100;
    const SECS_PER_HOUR: u128 = 3600;
    const SCORE_UNIT: u128 = 1000000;
    const U64_MAX: u128 = 18446744073709551615;

    // Initialisation -----------------------------------------------------------

    fun init_module(deployer: &signer) {
        let constructor_ref = object::create_named_object(deployer, VIP_SEED);
        let object_signer = object::generate_signer(&constructor_ref);
        let collection_ref = collection::create_unlimited_collection(
            &object_signer,
            string::utf8(COLLECTION_DESCRIPTION),
            string::utf8(COLLECTION_NAME),
            option::none(),
            string::utf8(COLLECTION_URI),
        );
        move_to(&object_signer, VipState {
            extend_ref: object::generate_extend_ref(&constructor_ref),
            collection: object::object_from_constructor_ref<Collection>(&collection_ref),
            passes: table::new(),
            banned: table::new(),
        });
    }

    // Public entry functions ---------------------------------------------------

    /// Mints the caller a soulbound pass for `role` (0 creator, 1 worker) when it
    /// meets that role's requirements (see `is_eligible`).
    ///
    /// # Aborts
    /// * `config::EPaused` (via `config`) while paused.
    /// * `EInvalidRole` if `role` is not 0 or 1.
    /// * `EAlreadyHasPass` if the caller already holds a pass for `role`.
    /// * `EBanned` if the admin revoked the caller's pass for `role` and kept the ban.
    /// * `ENotEligible` if the caller does not qualify.
    public entry fun claim(user: &signer, role: u8) acquires VipState {
        config::assert_not_paused();
        assert!(role == ROLE_CREATOR || role == ROLE_WORKER, error::invalid_argument(EInvalidRole));
        let holder = signer::address_of(user);
        let key = PassKey { holder, role };
        let state = borrow_global_mut<VipState>(vip_address());
        assert!(!table::contains(&state.passes, key), error::already_exists(EAlreadyHasPass));
        assert!(!table::contains(&state.banned, key), error::permission_denied(EBanned));
        assert!(is_eligible(holder, role), error::permission_denied(ENotEligible));

        let object_signer = object::generate_signer_for_extending(&state.extend_ref);
        let name = if (role == ROLE_CREATOR) CREATOR_TOKEN_NAME else WORKER_TOKEN_NAME;
        let constructor_ref = token::create_token(
            &object_signer,
            state.collection,
            string::utf8(COLLECTION_DESCRIPTION),
            string::utf8(name),
            option::none(),
            string::utf8(COLLECTION_URI),
        );
        let token_addr = object::address_from_constructor_ref(&constructor_ref);
        let burn_ref = token::generate_burn_ref(&constructor_ref);
        object::transfer_with_ref(
            object::generate_linear_transfer_ref(&object::generate_transfer_ref(&constructor_ref)),
            holder
        );
        // Soulbound: after this no transfer path exists, not even with a ref.
        object::set_untransferable(&constructor_ref);
        table::add(&mut state.passes, key, Pass { token: token_addr, burn_ref });
        event::emit(VipMinted { holder, role, token: token_addr, minted_at: timestamp::now_seconds() });
    }

    /// The admin burns `holder`'s pass for `role` and bans the holder from
    /// claiming that role again until `lift_ban`. Works while paused.
    ///
    /// # Aborts
    /// * `config::ENotAdmin` (via `config`) if the caller is not the admin.
    /// * `EInvalidRole` if `role` is not 0 or 1.
    /// * `ENoPass` if `holder` has no pass for `role`.
    public entry fun revoke(admin: &signer, holder: address, role: u8) acquires VipState {
        config::assert_admin(admin);
        let token_addr = burn(holder, role);
        let state = borrow_global_mut<VipState>(vip_address());
        table::add(&mut state.banned, PassKey { holder, role }, true);
        event::emit(VipRevoked { holder, role, token: token_addr, by: signer::address_of(admin) });
    }

    /// Burns `holder`'s pass for `role` once the holder no longer qualifies
    /// (see `is_eligible`); anyone may call it, also while paused. The holder may
    /// claim again when it qualifies again.
    ///
    /// # Aborts
    /// * `EInvalidRole` if `role` is not 0 or 1.
    /// * `ENoPass` if `holder` has no pass for `role`.
    /// * `EStillEligible` if `holder` still qualifies.
    public entry fun expire(caller: &signer, holder: address, role: u8) acquires VipState {
        assert!(role == ROLE_CREATOR || role == ROLE_WORKER, error::invalid_argument(EInvalidRole));
        assert!(has_pass(holder, role), error::not_found(ENoPass));
        assert!(!is_eligible(holder, role), error::invalid_state(EStillEligible));
        let token_addr = burn(holder, role);
        event::emit(VipExpired { holder, role, token: token_addr, by: signer::address_of(caller) });
    }

    /// The admin lets `holder` claim `role` again after a revocation. Works
    /// while paused.
    ///
    /// # Aborts
    /// * `config::ENotAdmin` (via `config`) if the caller is not the admin.
    /// * `ENotBanned` if `holder` is not banned from `role`.
    public entry fun lift_ban(admin: &signer, holder: address, role: u8) acquires VipState {
        config::assert_admin(admin);
        let state = borrow_global_mut<VipState>(vip_address());
        let key = PassKey { holder, role };
        assert!(table::contains(&state.banned, key), error::not_found(ENotBanned));
        table::remove(&mut state.banned, key);
        event::emit(VipBanLifted { holder, role, by: signer::address_of(admin) });
    }

    // Public functions ---------------------------------------------------------

    #[view]
    /// Whether `holder` holds a pass for `role`.
    ///
    /// # Aborts
    /// Never.
    public fun has_pass(holder: address, role: u8): bool acquires VipState {
        table::contains(&borrow_global<VipState>(vip_address()).passes, PassKey { holder, role })
    }

    #[view]
    /// Whether the admin banned `holder` from claiming `role`.
    ///
    /// # Aborts
    /// Never.
    public fun is_banned(holder: address, role: u8): bool acquires VipState {
        table::contains(&borrow_global<VipState>(vip_address()).banned, PassKey { holder, role })
    }

    #[view]
    /// The token address of `holder`'s pass for `role`, if any.
    ///
    /// # Aborts
    /// Never.
    public fun pass_of(holder: address, role: u8): Option<address> acquires VipState {
        let passes = &borrow_global<VipState>(vip_address()).passes;
        let key = PassKey { holder, role };
        if (table::contains(passes, key)) {
            option::some(table::borrow(passes, key).token)
        } else {
            option::none()
        }
    }

    #[view]
    /// Whether `user` meets `role`'s requirements now (false for an unknown role).
    /// Creator: total spend >= `vip_creator_spend`. Worker: over epochs
    /// `current - 1` down to `current - vip_worker_days`, online seconds sum to at
    /// least `vip_worker_min_avg_secs * vip_worker_days` and no run of epochs
    /// below `vip_worker_down_day_secs` is longer than `vip_worker_max_down_days`.
    ///
    /// # Aborts
    /// `config::ENotInitialized` before `config::initialize`.
    public fun is_eligible(user: address, role: u8): bool {
        if (role == ROLE_CREATOR) {
            let (spent_total, _, _) = escrow::creator_stats(user);
            spent_total >= config::vip_creator_spend()
        } else if (role == ROLE_WORKER) {
            let days = config::vip_worker_days();
            if (rewards::current_epoch() < days) {
                return false
            };
            uptime_eligible(
                recent_online_secs(user, days),
                config::vip_worker_min_avg_secs(),
                config::vip_worker_down_day_secs(),
                config::vip_worker_max_down_days(),
            )
        } else {
            false
        }
    }

    #[view]
    /// Creator priority: `floor(spent_this_month / 10^decimals) +
    /// frames_succeeded + (100 if VIP creator)`.
    ///
    /// # Aborts
    /// `config::ENotInitialized` before `config::initialize`.
    public fun creator_priority(creator: address): u64 acquires VipState {
        let (_, spent_this_month, frames_succeeded) = escrow::creator_stats(creator);
        creator_priority_of(
            spent_this_month,
            fungible_asset::decimals(config::payment_asset()),
            frames_succeeded,
            has_pass(creator, ROLE_CREATOR),
        )
    }

    #[view]
    /// Worker priority over the last `vip_worker_days` ended epochs, see
    /// `worker_priority_of`; saturates at 0.
    ///
    /// # Aborts
    /// `config::ENotInitialized` before `config::initialize`.
    public fun worker_priority(worker: address): u64 acquires VipState {
        let days = config::vip_worker_days();
        let secs = recent_online_secs(worker, days);
        let total = 0;
        let i = 0;
        let n = vector::length(&secs);
        while (i < n) {
            total = total + *vector::borrow(&secs, i);
            i = i + 1;
        };
        let (frames_completed, _, jobs_failed, _) = escrow::worker_stats(worker);
        worker_priority_of(
            total,
            days,
            attestation::score_of(worker),
            frames_completed,
            jobs_failed,
            has_pass(worker, ROLE_WORKER),
        )
    }

    /// Worker uptime rule on per-epoch online seconds: non-empty, the sum is at
    /// least `min_avg_secs * length` (average >= `min_avg_secs`, no rounding) and
    /// no run of consecutive down days (below `down_day_secs`) is longer than
    /// `max_down_days`.
    ///
    /// # Aborts
    /// Never.
    public fun uptime_eligible(
        online_secs: vector<u64>,
        min_avg_secs: u64,
        down_day_secs: u64,
        max_down_days: u64,
    ): bool {
        let n = vector::length(&online_secs);
        if (n == 0) {
            return false
        };
        let total: u128 = 0;
        let run = 0;
        let longest_run = 0;
        let i = 0;
        while (i < n) {
            let secs = *vector::borrow(&online_secs, i);
            total = total + (secs as u128);
            if (secs < down_day_secs || secs == 0) {
                run = run + 1;
                if (run > longest_run) { longest_run = run };
            } else {
                run = 0;
            };
            i = i + 1;
        };
        total >= (min_avg_secs as u128) * (n as u128) && longest_run <= max_down_days
    }

    /// Creator priority from its parts:
    /// `floor(spent_this_month / 10^decimals) + frames_succeeded + (100 if vip)`,
    /// capped at u64::MAX.
    ///
    /// # Aborts
    /// Never for `decimals <= 38`.
    public fun creator_priority_of(spent_this_month: u64, decimals: u8, frames_succeeded: u64, vip: bool): u64 {
        let unit: u128 = 1;
        let d = 0;
        while (d < decimals) {
            unit = unit * 10;
            d = d + 1;
        };
        let total = (spent_this_month as u128) / unit + (frames_succeeded as u128);
        if (vip) { total = total + VIP_BONUS };
        if (total > U64_MAX) { total = U64_MAX };
        (total as u64)
    }

    /// Worker priority from its parts, with `S` = online seconds summed over the
    /// last `days` epochs (`H = S / 3600` hours, each term floored once):
    /// `floor(S / (3600 * days)) + 5 * frames_completed +
    /// floor(10 * S * score / (3600 * 100 * 1 000 000)) + (100 if vip) -
    /// 10 * jobs_failed`, saturating at 0 (and at u64::MAX).
    ///
    /// # Aborts
    /// Never.
    public fun worker_priority_of(
        online_secs_total: u64,
        days: u64,
        score: u64,
        frames_completed: u64,
        jobs_failed: u64,
        vip: bool,
    ): u64 {
        let s = (online_secs_total as u128);
        let average_hours = if (days == 0) 0 else s / (SECS_PER_HOUR * (days as u128));
        let performance = 10 * s * (score as u128) / (SECS_PER_HOUR * 100 * SCORE_UNIT);
        let plus = average_hours + 5 * (frames_completed as u128) + performance;
        if (vip) { plus = plus + VIP_BONUS };
        let minus = 10 * (jobs_failed as u128);
        let total = if (plus > minus) plus - minus else 0;
        if (total > U64_MAX) { total = U64_MAX };
        (total as u64)
    }

    /// Address of the vip object (owner of the collection).
    ///
    /// # Aborts
    /// Never.
    public fun vip_address(): address {
        object::create_object_address(&@lumen, VIP_SEED)
    }

    /// Address of the "Lumen VIP Pass" collection.
    ///
    /// # Aborts
    /// Never.
    public fun collection_address(): address {
        collection::create_collection_address(&vip_address(), &string::utf8(COLLECTION_NAME))
    }

    /// The collection's name.
    ///
    /// # Aborts
    /// Never.
    public fun collection_name(): String {
        string::utf8(COLLECTION_NAME)
    }

    // Private functions --------------------------------------------------------

    /// Burns `holder`'s pass for `role`; returns the token's address.
    fun burn(holder: address, role: u8): address acquires VipState {
        assert!(role == ROLE_CREATOR || role == ROLE_WORKER, error::invalid_argument(EInvalidRole));
        let state = borrow_global_mut<VipState>(vip_address());
        let key = PassKey { holder, role };
        assert!(table::contains(&state.passes, key), error::not_found(ENoPass));
        let Pass { token: token_addr, burn_ref } = table::remove(&mut state.passes, key);
        token::burn(burn_ref);
        token_addr
    }

    /// Online seconds of `worker` in epochs `current - 1` down to
    /// `current - days` (most recent first; epochs before 0 are left out).
    fun recent_online_secs(worker: address, days: u64): vector<u64> {
        let current = rewards::current_epoch();
        let result = vector::empty<u64>();
        let i = 1;
        while (i <= days && i <= current) {
            vector::push_back(&mut result, rewards::online_secs_of(worker, current - i));
            i = i + 1;
        };
        result
    }

    // Test-only functions ------------------------------------------------------

    #[test_only]
    /// Runs `init_module` in tests, where publishing does not.
    public fun init_for_test(deployer: &signer) {
        init_module(deployer);
    }

    #[test_only]
    /// A `VipMinted` event, to compare with emitted ones.
    public fun vip_minted_event(holder: address, role: u8, token: address, minted_at: u64): VipMinted {
        VipMinted { holder, role, token, minted_at }
    }

    #[test_only]
    /// A `VipExpired` event, to compare with emitted ones.
    public fun vip_expired_event(holder: address, role: u8, token: address, by: address): VipExpired {
        VipExpired { holder, role, token, by }
    }

    #[test_only]
    /// A `VipRevoked` event, to compare with emitted ones.
    public fun vip_revoked_event(holder: address, role: u8, token: address, by: address): VipRevoked {
        VipRevoked { holder, role, token, by }
    }
}
