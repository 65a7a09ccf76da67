/// Protocol configuration: the admin (two-step transfer), the pause switch, the
/// payment fungible asset, the treasury, the arbiter set, the attester set and
/// every numeric parameter.
///
/// The `Config` resource lives under `@lumen` and is created once by
/// `initialize`. Other modules read it through the public getters below (one
/// typed getter per parameter, so no module passes parameter names around) and
/// guard their entry functions with `assert_not_paused` / `assert_admin`.
///
/// Parameter changes are queued: `set_param` records the new value with
/// `effective_at = now + param_delay_secs` (`ParamChangeQueued`), and anyone
/// applies it from then on with `apply_param` (`ParamsUpdated`); until then every
/// module keeps reading the old value, so users see every change coming. The
/// admin may cancel a queued change. Every time parameter has an upper bound and
/// `epoch_secs` never changes after `initialize` (epoch numbers stay put).
/// Invariant: every stored value is within its bounds; at most one change is
/// queued per parameter.
module lumen::config {
    use std::error;
    use std::signer;
    use std::string::{Self, String};
    use aptos_framework::event;
    use aptos_framework::fungible_asset::{Self, Metadata};
    use aptos_framework::object::{Self, Object};
    use aptos_framework::timestamp;

    // Structs.

    /// Global configuration, stored at `@lumen`.
    struct Config has key {
        /// Current admin.
        admin: address,
        /// Admin proposed by `propose_admin`, `@0x0` when none.
        pending_admin: address,
        /// When true, functions that create obligations or bring money in abort.
        paused: bool,
        /// The fungible asset every payment, stake and reward is made in.
        payment_asset: Object<Metadata>,
        /// Receives protocol fees and swept penalties.
        treasury: address,
        /// Addresses allowed to settle disputed jobs; any one of them may (small set).
        arbiters: vector<address>,
        /// Addresses allowed to attest scores and report uptime (small set).
        attesters: vector<address>,
        /// Parameter values, in the order of `param_names()`.
        params: vector<u64>,
        /// When `initialize` ran (rewards start with the epoch containing it).
        initialized_at: u64,
        /// When the pause was last lifted (0 when never): epochs that ended before
        /// get a fresh grace period from then on.
        resumed_at: u64,
        /// Queued parameter changes, at most one per parameter.
        pending: vector<PendingParam>,
    }

    /// A queued parameter change.
    struct PendingParam has copy, drop, store {
        /// Index into `params`.
        index: u64,
        value: u64,
        /// From this time on anyone may apply it.
        effective_at: u64,
    }

    #[event]
    /// Emitted once by `initialize`.
    struct ConfigInitialized has drop, store {
        admin: address,
        payment_asset: address,
        treasury: address,
        arbiter: address,
        /// Decimals of the payment asset: amount defaults are in its base units.
        decimals: u8,
    }

    #[event]
    /// A parameter took its new value: by `apply_param`, and for every parameter by `initialize` (old value 0).
    struct ParamsUpdated has drop, store {
        name: String,
        old_value: u64,
        new_value: u64,
    }

    #[event]
    /// The admin queued a parameter change; anyone may apply it from `effective_at`.
    struct ParamChangeQueued has drop, store {
        name: String,
        old_value: u64,
        new_value: u64,
        effective_at: u64,
    }

    #[event]
    /// The admin withdrew a queued parameter change.
    struct ParamChangeCancelled has drop, store {
        name: String,
        value: u64,
    }

    #[event]
    /// A new admin was proposed; it takes effect when `proposed` calls `accept_admin`.
    struct AdminProposed has drop, store {
        admin: address,
        proposed: address,
    }

    #[event]
    /// The admin role moved to `new_admin`.
    struct AdminTransferred has drop, store {
        old_admin: address,
        new_admin: address,
    }

    #[event]
    /// The pause switch changed.
    struct PausedSet has drop, store {
        paused: bool,
    }

    #[event]
    /// The treasury address changed.
    struct TreasurySet has drop, store {
        treasury: address,
    }

    #[event]
    /// An arbiter was added to the arbiter set.
    struct ArbiterAdded has drop, store {
        arbiter: address,
    }

    #[event]
    /// An arbiter was removed from the arbiter set.
    struct ArbiterRemoved has drop, store {
        arbiter: address,
    }

    #[event]
    /// An attester was authorised.
    struct AttesterAdded has drop, store {
        attester: address,
    }

    #[event]
    /// An attester was removed.
    struct AttesterRemoved has drop, store {
        attester: address,
    }

    // Errors.

    /// The caller is not the admin.
    const ENotAdmin: u64 = 1;
    /// Only the package account `@lumen` may initialise the configuration.
    const ENotDeployer: u64 = 2;
    /// The configuration is already initialised.
    const EAlreadyInitialized: u64 = 3;
    /// The configuration is not initialised yet.
    const ENotInitialized: u64 = 4;
    /// The protocol is paused.
    const EPaused: u64 = 5;
    /// The caller is not the proposed admin.
    const ENotPendingAdmin: u64 = 6;
    /// No parameter has this name.
    const EUnknownParam: u64 = 7;
    /// The value is outside the parameter's bounds.
    const EParamOutOfRange: u64 = 8;
    /// The address is already an attester.
    const EAttesterExists: u64 = 9;
    /// The address is not an attester.
    const EAttesterNotFound: u64 = 10;
    /// The zero address is not a valid treasury, arbiter, admin or attester.
    const EZeroAddress: u64 = 11;
    /// The address is already an arbiter.
    const EArbiterExists: u64 = 12;
    /// The address is not an arbiter.
    const EArbiterNotFound: u64 = 13;
    /// The parameter is fixed at initialisation (`epoch_secs`).
    const EParamFixed: u64 = 14;
    /// No change of this parameter is queued.
    const ENoPendingChange: u64 = 15;
    /// The queued change's delay has not passed yet.
    const EChangeNotDue: u64 = 16;

    // Constants.

    const BPS_DENOMINATOR: u64 = 10_000;
    const DAY_SECS: u64 = 86_400;
    /// The creator VIP threshold by default: 5 000 whole units of the payment asset.
    const VIP_CREATOR_UNITS: u64 = 5_000;
    /// The floor price of a frame by default: a thousandth of a whole unit.
    const MIN_PRICE_PER_FRAME_DIVISOR: u64 = 1_000;
    /// The floor price of an IB-hour by default: a tenth of a whole unit.
    const MIN_PRICE_PER_IB_HOUR_DIVISOR: u64 = 10;

    /// Indices into `Config.params`, in table order.
    const P_EPOCH_SECS: u64 = 0;
    const P_EPOCH_GRACE_SECS: u64 = 1;
    const P_STAKE_FACTOR: u64 = 2;
    const P_UNBONDING_SECS: u64 = 3;
    const P_SCORE_VALIDITY_SECS: u64 = 4;
    const P_REPORT_MAX_AGE_SECS: u64 = 5;
    const P_ATTESTER_THRESHOLD: u64 = 6;
    const P_WORKER_COMMISSION_BPS: u64 = 7;
    const P_REVIEW_WINDOW_SECS: u64 = 8;
    const P_MAX_RERENDERS: u64 = 9;
    const P_SLASH_BPS: u64 = 10;
    const P_DISPUTE_TIMEOUT_SECS: u64 = 11;
    const P_POD_SHARE_BPS: u64 = 12;
    const P_VIP_CREATOR_SPEND: u64 = 13;
    const P_VIP_WORKER_DAYS: u64 = 14;
    const P_VIP_WORKER_MIN_AVG_SECS: u64 = 15;
    const P_VIP_WORKER_MAX_DOWN_DAYS: u64 = 16;
    const P_DEVICE_RELEASE_GRACE_SECS: u64 = 17;
    const P_MIN_PRICE_PER_FRAME: u64 = 18;
    const P_MIN_PRICE_PER_IB_HOUR: u64 = 19;
    const P_SLASH_CAP_BPS: u64 = 20;
    const P_MIN_RERENDER_SECS: u64 = 21;
    const P_RESPONSE_WINDOW_SECS: u64 = 22;
    const P_PARAM_DELAY_SECS: u64 = 23;
    const P_VIP_WORKER_DOWN_DAY_SECS: u64 = 24;
    const P_POOL_FEE_SHARE_BPS: u64 = 25;
    const P_MAX_JOB_LEASE_SECS: u64 = 26;
    /// Upper bound of `slash_cap_bps`: a slash never exceeds 10 times the job's value.
    const MAX_SLASH_CAP_BPS: u64 = 100_000;

    // Public entry functions.

    /// Creates the configuration with the default parameters; `deployer` becomes the admin
    /// and `arbiter` the first member of the arbiter set. Amount defaults
    /// (`vip_creator_spend`: 5 000 units; `min_price_per_frame`: 1/1 000 of a
    /// unit; `min_price_per_ib_hour`: 1/10 of a unit; each at least one base
    /// unit) are whole units of the payment asset scaled by its decimals. Emits `ConfigInitialized`, `ArbiterAdded`, then one `ParamsUpdated`
    /// per parameter (old value 0) in table order.
    ///
    /// # Aborts
    /// - `ENotDeployer` if `deployer` is not `@lumen`.
    /// - `EAlreadyInitialized` if called twice.
    /// - `EZeroAddress` if `treasury` or `arbiter` is `@0x0`.
    public entry fun initialize(
        deployer: &signer,
        payment_asset: Object<Metadata>,
        treasury: address,
        arbiter: address,
    ) {
        let admin = signer::address_of(deployer);
        assert!(admin == @lumen, error::permission_denied(ENotDeployer));
        assert!(!exists<Config>(@lumen), error::already_exists(EAlreadyInitialized));
        assert!(treasury != @0x0 && arbiter != @0x0, error::invalid_argument(EZeroAddress));
        let decimals = fungible_asset::decimals(payment_asset);
        let params = param_defaults();
        let unit = unit_of(decimals);
        params[P_VIP_CREATOR_SPEND] = VIP_CREATOR_UNITS * unit;
        params[P_MIN_PRICE_PER_FRAME] = at_least_one(unit / MIN_PRICE_PER_FRAME_DIVISOR);
        params[P_MIN_PRICE_PER_IB_HOUR] = at_least_one(unit / MIN_PRICE_PER_IB_HOUR_DIVISOR);
        move_to(deployer, Config {
            admin,
            pending_admin: @0x0,
            paused: false,
            payment_asset,
            treasury,
            arbiters: vector[arbiter],
            attesters: vector[],
            params,
            initialized_at: timestamp::now_seconds(),
            resumed_at: 0,
            pending: vector[],
        });
        event::emit(ConfigInitialized {
            admin,
            payment_asset: object::object_address(&payment_asset),
            treasury,
            arbiter,
            decimals,
        });
        event::emit(ArbiterAdded { arbiter });
        let names = param_names();
        let i = 0;
        let n = names.length();
        while (i < n) {
            event::emit(ParamsUpdated {
                name: string::utf8(names[i]),
                old_value: 0,
                new_value: params[i],
            });
            i += 1;
        };
    }

    /// Proposes `new_admin`; the role moves when it calls `accept_admin`. A new
    /// proposal replaces the previous one.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`; `ENotAdmin` if the caller is not the admin.
    /// - `EZeroAddress` if `new_admin` is `@0x0`.
    public entry fun propose_admin(admin: &signer, new_admin: address) acquires Config {
        assert_admin(admin);
        assert!(new_admin != @0x0, error::invalid_argument(EZeroAddress));
        let config = borrow_global_mut<Config>(@lumen);
        config.pending_admin = new_admin;
        event::emit(AdminProposed { admin: config.admin, proposed: new_admin });
    }

    /// Completes the two-step transfer started by `propose_admin`.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`.
    /// - `ENotPendingAdmin` if the caller is not the proposed admin.
    public entry fun accept_admin(new_admin: &signer) acquires Config {
        let config = borrow_mut();
        let caller = signer::address_of(new_admin);
        assert!(
            config.pending_admin != @0x0 && config.pending_admin == caller,
            error::permission_denied(ENotPendingAdmin),
        );
        let old_admin = config.admin;
        config.admin = caller;
        config.pending_admin = @0x0;
        event::emit(AdminTransferred { old_admin, new_admin: caller });
    }

    /// Turns the pause switch on or off. Lifting a pause records the time, from
    /// which ended epochs get a fresh grace period (see `resumed_at`).
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`; `ENotAdmin` if the caller is not the admin.
    public entry fun set_paused(admin: &signer, paused: bool) acquires Config {
        assert_admin(admin);
        let config = borrow_global_mut<Config>(@lumen);
        if (config.paused && !paused) {
            config.resumed_at = timestamp::now_seconds();
        };
        config.paused = paused;
        event::emit(PausedSet { paused });
    }

    /// Sets the treasury address.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`; `ENotAdmin` if the caller is not the admin.
    /// - `EZeroAddress` if `treasury` is `@0x0`.
    public entry fun set_treasury(admin: &signer, treasury: address) acquires Config {
        assert_admin(admin);
        assert!(treasury != @0x0, error::invalid_argument(EZeroAddress));
        borrow_global_mut<Config>(@lumen).treasury = treasury;
        event::emit(TreasurySet { treasury });
    }

    /// Adds `arbiter` to the arbiter set; any member may resolve any dispute.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`; `ENotAdmin` if the caller is not the admin.
    /// - `EZeroAddress` if `arbiter` is `@0x0`; `EArbiterExists` if already an arbiter.
    public entry fun add_arbiter(admin: &signer, arbiter: address) acquires Config {
        assert_admin(admin);
        assert!(arbiter != @0x0, error::invalid_argument(EZeroAddress));
        let arbiters = &mut borrow_global_mut<Config>(@lumen).arbiters;
        assert!(!arbiters.contains(&arbiter), error::already_exists(EArbiterExists));
        arbiters.push_back(arbiter);
        event::emit(ArbiterAdded { arbiter });
    }

    /// Removes `arbiter` from the arbiter set. Disputes keep their exit without
    /// arbiters: `escrow::finalize` after the job's dispute timeout.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`; `ENotAdmin` if the caller is not the admin.
    /// - `EArbiterNotFound` if `arbiter` is not an arbiter.
    public entry fun remove_arbiter(admin: &signer, arbiter: address) acquires Config {
        assert_admin(admin);
        let arbiters = &mut borrow_global_mut<Config>(@lumen).arbiters;
        let (found, index) = arbiters.index_of(&arbiter);
        assert!(found, error::not_found(EArbiterNotFound));
        arbiters.remove(index);
        event::emit(ArbiterRemoved { arbiter });
    }

    /// Authorises `attester`.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`; `ENotAdmin` if the caller is not the admin.
    /// - `EZeroAddress` if `attester` is `@0x0`; `EAttesterExists` if already an attester.
    public entry fun add_attester(admin: &signer, attester: address) acquires Config {
        assert_admin(admin);
        assert!(attester != @0x0, error::invalid_argument(EZeroAddress));
        let attesters = &mut borrow_global_mut<Config>(@lumen).attesters;
        assert!(!attesters.contains(&attester), error::already_exists(EAttesterExists));
        attesters.push_back(attester);
        event::emit(AttesterAdded { attester });
    }

    /// Removes `attester` from the attester set.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`; `ENotAdmin` if the caller is not the admin.
    /// - `EAttesterNotFound` if `attester` is not an attester.
    public entry fun remove_attester(admin: &signer, attester: address) acquires Config {
        assert_admin(admin);
        let attesters = &mut borrow_global_mut<Config>(@lumen).attesters;
        let (found, index) = attesters.index_of(&attester);
        assert!(found, error::not_found(EAttesterNotFound));
        attesters.remove(index);
        event::emit(AttesterRemoved { attester });
    }

    /// Queues parameter `name` to become `value` once `param_delay_secs` have
    /// passed (replacing a change of the same parameter queued before) and emits
    /// `ParamChangeQueued`. The value changes only when `apply_param` runs.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`; `ENotAdmin` if the caller is not the admin.
    /// - `EUnknownParam` if no parameter is called `name`.
    /// - `EParamFixed` for `epoch_secs`.
    /// - `EParamOutOfRange` if `value` is outside the parameter's bounds (see move/README.md).
    public entry fun set_param(admin: &signer, name: String, value: u64) acquires Config {
        assert_admin(admin);
        let index = checked_index(&name, value);
        let config = borrow_global_mut<Config>(@lumen);
        let effective_at = timestamp::now_seconds() + config.params[P_PARAM_DELAY_SECS];
        let (found, at) = pending_index(&config.pending, index);
        if (found) {
            config.pending.remove(at);
        };
        config.pending.push_back(PendingParam { index, value, effective_at });
        event::emit(ParamChangeQueued { name, old_value: config.params[index], new_value: value, effective_at });
    }

    /// Applies the queued change of parameter `name` once its delay has passed;
    /// anyone may call it. Emits `ParamsUpdated` with the old value.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`; `EUnknownParam` if no parameter is called `name`.
    /// - `ENoPendingChange` if no change of `name` is queued.
    /// - `EChangeNotDue` before the change's `effective_at`.
    public entry fun apply_param(_caller: &signer, name: String) acquires Config {
        let index = param_index(&name);
        let config = borrow_mut();
        let (found, at) = pending_index(&config.pending, index);
        assert!(found, error::not_found(ENoPendingChange));
        let change = config.pending[at];
        assert!(timestamp::now_seconds() >= change.effective_at, error::invalid_state(EChangeNotDue));
        config.pending.remove(at);
        let old_value = config.params[index];
        config.params[index] = change.value;
        event::emit(ParamsUpdated { name, old_value, new_value: change.value });
    }

    /// The admin withdraws the queued change of parameter `name`; emits
    /// `ParamChangeCancelled`.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`; `ENotAdmin` if the caller is not the admin.
    /// - `EUnknownParam` if no parameter is called `name`.
    /// - `ENoPendingChange` if no change of `name` is queued.
    public entry fun cancel_param(admin: &signer, name: String) acquires Config {
        assert_admin(admin);
        let index = param_index(&name);
        let pending = &mut borrow_global_mut<Config>(@lumen).pending;
        let (found, at) = pending_index(pending, index);
        assert!(found, error::not_found(ENoPendingChange));
        let change = pending.remove(at);
        event::emit(ParamChangeCancelled { name, value: change.value });
    }

    // Public functions (views and getters used by the other modules).

    #[view]
    /// The current admin.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`.
    public fun admin(): address acquires Config { borrow().admin }

    #[view]
    /// Whether the protocol is paused.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`.
    public fun is_paused(): bool acquires Config { borrow().paused }

    #[view]
    /// The payment fungible asset.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`.
    public fun payment_asset(): Object<Metadata> acquires Config { borrow().payment_asset }

    #[view]
    /// The treasury address.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`.
    public fun treasury(): address acquires Config { borrow().treasury }

    #[view]
    /// Whether `a` is in the arbiter set (false before `initialize`).
    ///
    /// # Aborts
    /// Never.
    public fun is_arbiter(a: address): bool acquires Config {
        exists<Config>(@lumen) && borrow_global<Config>(@lumen).arbiters.contains(&a)
    }

    #[view]
    /// The arbiter set, in the order they were added.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`.
    public fun arbiters(): vector<address> acquires Config { borrow().arbiters }

    #[view]
    /// Whether `a` is an authorised attester (false before `initialize`).
    ///
    /// # Aborts
    /// Never.
    public fun is_attester(a: address): bool acquires Config {
        exists<Config>(@lumen) && borrow_global<Config>(@lumen).attesters.contains(&a)
    }

    #[view]
    /// The attester set, in the order they were added.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`.
    public fun attesters(): vector<address> acquires Config { borrow().attesters }

    #[view]
    /// The value of parameter `name`.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`; `EUnknownParam` if no parameter is called `name`.
    public fun param(name: String): u64 acquires Config {
        let index = param_index(&name);
        borrow().params[index]
    }

    #[view]
    /// The change of parameter `name` waiting in the queue: `(queued, value,
    /// effective_at)`; `(false, 0, 0)` when none.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`; `EUnknownParam` if no parameter is called `name`.
    public fun pending_param(name: String): (bool, u64, u64) acquires Config {
        let index = param_index(&name);
        let pending = &borrow().pending;
        let (found, at) = pending_index(pending, index);
        if (found) (true, pending[at].value, pending[at].effective_at) else (false, 0, 0)
    }

    #[view]
    /// When `initialize` ran.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`.
    public fun initialized_at(): u64 acquires Config { borrow().initialized_at }

    #[view]
    /// When the pause was last lifted; 0 when it never was.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`.
    public fun resumed_at(): u64 acquires Config { borrow().resumed_at }

    /// Whether `initialize` has run.
    ///
    /// # Aborts
    /// Never.
    public fun is_initialized(): bool { exists<Config>(@lumen) }

    /// Whether `a` is the current admin (false before `initialize`).
    ///
    /// # Aborts
    /// Never.
    public fun is_admin(a: address): bool acquires Config {
        exists<Config>(@lumen) && borrow_global<Config>(@lumen).admin == a
    }

    /// Guard for functions that create obligations or bring money in.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`; `EPaused` while paused.
    public fun assert_not_paused() acquires Config {
        assert!(!borrow().paused, error::invalid_state(EPaused));
    }

    /// Guard for admin functions.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`; `ENotAdmin` if `account` is not the admin.
    public fun assert_admin(account: &signer) acquires Config {
        assert!(borrow().admin == signer::address_of(account), error::permission_denied(ENotAdmin));
    }

    /// Epoch length in seconds.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize` (as every getter below).
    public fun epoch_secs(): u64 acquires Config { get(P_EPOCH_SECS) }

    /// Grace period after an epoch's end for uptime reports and `close_epoch`.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`.
    public fun epoch_grace_secs(): u64 acquires Config { get(P_EPOCH_GRACE_SECS) }

    /// Factor of the minimum stake `S(n)`.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`.
    public fun stake_factor(): u64 acquires Config { get(P_STAKE_FACTOR) }

    /// Delay between `request_unstake` and `withdraw`.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`.
    public fun unbonding_secs(): u64 acquires Config { get(P_UNBONDING_SECS) }

    /// Lifetime of a score after it becomes effective.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`.
    public fun score_validity_secs(): u64 acquires Config { get(P_SCORE_VALIDITY_SECS) }

    /// Maximum age of a benchmark report's `measured_at`.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`.
    public fun report_max_age_secs(): u64 acquires Config { get(P_REPORT_MAX_AGE_SECS) }

    /// Distinct attesters needed for a report to take effect.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`.
    public fun attester_threshold(): u64 acquires Config { get(P_ATTESTER_THRESHOLD) }

    /// Worker's share of a job's gross payment, in basis points.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`.
    public fun worker_commission_bps(): u64 acquires Config { get(P_WORKER_COMMISSION_BPS) }

    /// Review window after `submit_result`.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`.
    public fun review_window_secs(): u64 acquires Config { get(P_REVIEW_WINDOW_SECS) }

    /// Rerender requests allowed per job.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`.
    public fun max_rerenders(): u64 acquires Config { get(P_MAX_RERENDERS) }

    /// Share of a worker's bonded stake that a job locks as collateral at
    /// `accept_offer` (and `reclaim` slashes), in basis points.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`.
    public fun slash_bps(): u64 acquires Config { get(P_SLASH_BPS) }

    /// Time after which `finalize` settles an unresolved dispute.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`.
    public fun dispute_timeout_secs(): u64 acquires Config { get(P_DISPUTE_TIMEOUT_SECS) }

    /// PoD side of an epoch pool, in basis points.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`.
    public fun pod_share_bps(): u64 acquires Config { get(P_POD_SHARE_BPS) }

    /// Creator VIP spend threshold, in base units.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`.
    public fun vip_creator_spend(): u64 acquires Config { get(P_VIP_CREATOR_SPEND) }

    /// Epochs looked at for worker VIP.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`.
    public fun vip_worker_days(): u64 acquires Config { get(P_VIP_WORKER_DAYS) }

    /// Minimum average online seconds per epoch for worker VIP.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`.
    public fun vip_worker_min_avg_secs(): u64 acquires Config { get(P_VIP_WORKER_MIN_AVG_SECS) }

    /// Longest allowed run of epochs with no reported online time for worker VIP.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`.
    public fun vip_worker_max_down_days(): u64 acquires Config { get(P_VIP_WORKER_MAX_DOWN_DAYS) }

    /// Time after a score's expiry from which anyone may release its device.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`.
    public fun device_release_grace_secs(): u64 acquires Config { get(P_DEVICE_RELEASE_GRACE_SECS) }

    /// Smallest price per frame a job may offer or be assigned at (> 0).
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`.
    public fun min_price_per_frame(): u64 acquires Config { get(P_MIN_PRICE_PER_FRAME) }

    /// Floor of the price per IB-hour that the minimum stake `S(n)` is computed with.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`.
    public fun min_price_per_ib_hour(): u64 acquires Config { get(P_MIN_PRICE_PER_IB_HOUR) }

    /// Cap of a job's collateral (and so of its slash) in basis points of the job's value.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`.
    public fun slash_cap_bps(): u64 acquires Config { get(P_SLASH_CAP_BPS) }

    /// Shortest time a rerender request may give the worker.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`.
    public fun min_rerender_secs(): u64 acquires Config { get(P_MIN_RERENDER_SECS) }

    /// Time the worker has to answer a partial acceptance.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`.
    public fun response_window_secs(): u64 acquires Config { get(P_RESPONSE_WINDOW_SECS) }
    /// Delay between `set_param` and the earliest `apply_param`.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`.
    public fun param_delay_secs(): u64 acquires Config { get(P_PARAM_DELAY_SECS) }

    /// Online seconds below which an epoch counts as a down day for worker VIP.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`.
    public fun vip_worker_down_day_secs(): u64 acquires Config { get(P_VIP_WORKER_DOWN_DAY_SECS) }

    /// Share of every job's protocol fee paid into the current epoch's pool, in
    /// basis points (the treasury gets the rest).
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`.
    public fun pool_fee_share_bps(): u64 acquires Config { get(P_POOL_FEE_SHARE_BPS) }

    /// Most lease seconds one paid job counts for in PoD rewards (a protocol
    /// rule read when the job is paid, not part of its terms).
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`.
    public fun max_job_lease_secs(): u64 acquires Config { get(P_MAX_JOB_LEASE_SECS) }

    /// `10^decimals`: one whole unit of an asset with `decimals` decimals.
    ///
    /// # Aborts
    /// Never for `decimals <= 19`.
    public fun unit_of(decimals: u8): u64 {
        let unit = 1;
        let d = 0;
        while (d < decimals) {
            unit *= 10;
            d += 1;
        };
        unit
    }

    /// One whole unit of the payment asset in base units.
    ///
    /// # Aborts
    /// - `ENotInitialized` before `initialize`.
    public fun payment_unit(): u64 acquires Config {
        unit_of(fungible_asset::decimals(borrow().payment_asset))
    }

    // Private functions.

    inline fun borrow(): &Config {
        assert!(exists<Config>(@lumen), error::not_found(ENotInitialized));
        borrow_global<Config>(@lumen)
    }

    inline fun borrow_mut(): &mut Config {
        assert!(exists<Config>(@lumen), error::not_found(ENotInitialized));
        borrow_global_mut<Config>(@lumen)
    }

    fun get(index: u64): u64 acquires Config { borrow().params[index] }

    /// Parameter names, in table order (the order of `param_defaults`).
    fun param_names(): vector<vector<u8>> {
        vector[
            b"epoch_secs",
            b"epoch_grace_secs",
            b"stake_factor",
            b"unbonding_secs",
            b"score_validity_secs",
            b"report_max_age_secs",
            b"attester_threshold",
            b"worker_commission_bps",
            b"review_window_secs",
            b"max_rerenders",
            b"slash_bps",
            b"dispute_timeout_secs",
            b"pod_share_bps",
            b"vip_creator_spend",
            b"vip_worker_days",
            b"vip_worker_min_avg_secs",
            b"vip_worker_max_down_days",
            b"device_release_grace_secs",
            b"min_price_per_frame",
            b"min_price_per_ib_hour",
            b"slash_cap_bps",
            b"min_rerender_secs",
            b"response_window_secs",
            b"param_delay_secs",
            b"vip_worker_down_day_secs",
            b"pool_fee_share_bps",
            b"max_job_lease_secs",
        ]
    }

    fun at_least_one(amount: u64): u64 {
        if (amount == 0) 1 else amount
    }

    fun param_defaults(): vector<u64> {
        vector[
            86_400,
            3_600,
            2,
            604_800,
            2_592_000,
            3_600,
            1,
            8_000,
            259_200,
            2,
            1_000,
            1_209_600,
            5_000,
            5_000_000_000,
            30,
            57_600,
            3,
            2_592_000,
            1_000,
            100_000,
            10_000,
            3_600,
            259_200,
            86_400,
            43_200,
            7_500,
            86_400,
        ]
    }

    fun param_index(name: &String): u64 {
        let names = param_names();
        let (found, index) = names.index_of(name.bytes());
        assert!(found, error::invalid_argument(EUnknownParam));
        index
    }

    /// The index of parameter `name`, checked to accept `value`.
    fun checked_index(name: &String, value: u64): u64 {
        let index = param_index(name);
        assert!(index != P_EPOCH_SECS, error::invalid_state(EParamFixed));
        let (min, max) = bounds(index);
        assert!(value >= min && value <= max, error::out_of_range(EParamOutOfRange));
        index
    }

    /// `(min, max)` of each parameter; every time parameter has an upper bound,
    /// so `now + value` cannot overflow for any `now` of this era.
    fun bounds(index: u64): (u64, u64) {
        let u64_max = 18_446_744_073_709_551_615;
        if (index == P_EPOCH_SECS) (1, 30 * DAY_SECS)
        else if (index == P_EPOCH_GRACE_SECS) (0, 7 * DAY_SECS)
        else if (index == P_UNBONDING_SECS) (0, 90 * DAY_SECS)
        else if (index == P_SCORE_VALIDITY_SECS) (1, 365 * DAY_SECS)
        else if (index == P_REPORT_MAX_AGE_SECS) (1, DAY_SECS)
        else if (index == P_ATTESTER_THRESHOLD) (1, u64_max)
        else if (index == P_REVIEW_WINDOW_SECS) (0, 30 * DAY_SECS)
        else if (index == P_DISPUTE_TIMEOUT_SECS) (0, 90 * DAY_SECS)
        else if (index == P_WORKER_COMMISSION_BPS || index == P_SLASH_BPS || index == P_POD_SHARE_BPS
            || index == P_POOL_FEE_SHARE_BPS) {
            (0, BPS_DENOMINATOR)
        }
        else if (index == P_VIP_WORKER_DAYS) (1, 90)
        else if (index == P_VIP_WORKER_MIN_AVG_SECS) (0, DAY_SECS)
        else if (index == P_VIP_WORKER_MAX_DOWN_DAYS) (0, 90)
        else if (index == P_PARAM_DELAY_SECS) (0, 30 * DAY_SECS)
        else if (index == P_VIP_WORKER_DOWN_DAY_SECS) (0, DAY_SECS)
        else if (index == P_DEVICE_RELEASE_GRACE_SECS) (0, 365 * DAY_SECS)
        else if (index == P_MIN_PRICE_PER_FRAME) (1, u64_max)
        else if (index == P_SLASH_CAP_BPS) (0, MAX_SLASH_CAP_BPS)
        else if (index == P_MIN_RERENDER_SECS) (0, 30 * DAY_SECS)
        else if (index == P_RESPONSE_WINDOW_SECS) (0, 30 * DAY_SECS)
        else if (index == P_MAX_JOB_LEASE_SECS) (0, 30 * DAY_SECS)
        else (0, u64_max)
    }

    /// Position in `pending` of the change of parameter `index`.
    fun pending_index(pending: &vector<PendingParam>, index: u64): (bool, u64) {
        let i = 0;
        while (i < pending.length()) {
            if (pending[i].index == index) return (true, i);
            i += 1;
        };
        (false, 0)
    }

    // Test-only functions.

    #[test_only]
    /// Parameter names in table order, for tests that walk every parameter.
    public fun param_names_for_test(): vector<String> {
        let names = param_names();
        let out = vector[];
        let i = 0;
        while (i < names.length()) {
            out.push_back(string::utf8(names[i]));
            i += 1;
        };
        out
    }

    #[test_only]
    /// Sets parameter `name` at once, with the checks of `set_param` and the
    /// events of `set_param` and `apply_param` (tests of other modules do not
    /// wait for the delay).
    public fun set_param_for_test(name: String, value: u64) acquires Config {
        let index = checked_index(&name, value);
        let config = borrow_mut();
        let old_value = config.params[index];
        let effective_at = timestamp::now_seconds();
        event::emit(ParamChangeQueued { name, old_value, new_value: value, effective_at });
        config.params[index] = value;
        event::emit(ParamsUpdated { name, old_value, new_value: value });
    }

    #[test_only]
    /// Builds a `ParamsUpdated` value so tests can check it was emitted.
    public fun params_updated_event(name: String, old_value: u64, new_value: u64): ParamsUpdated {
        ParamsUpdated { name, old_value, new_value }
    }

    #[test_only]
    /// Builds an `ArbiterAdded` value so tests can check it was emitted.
    public fun arbiter_added_event(arbiter: address): ArbiterAdded { ArbiterAdded { arbiter } }

    #[test_only]
    /// Builds an `ArbiterRemoved` value so tests can check it was emitted.
    public fun arbiter_removed_event(arbiter: address): ArbiterRemoved { ArbiterRemoved { arbiter } }

    #[test_only]
    /// Builds an `AdminTransferred` value so tests can check it was emitted.
    public fun admin_transferred_event(old_admin: address, new_admin: address): AdminTransferred {
        AdminTransferred { old_admin, new_admin }
    }

    #[test_only]
    /// Builds a `ConfigInitialized` value so tests can check it was emitted.
    public fun config_initialized_event(
        admin: address, payment_asset: address, treasury: address, arbiter: address, decimals: u8
    ): ConfigInitialized {
        ConfigInitialized { admin, payment_asset, treasury, arbiter, decimals }
    }

    #[test_only]
    /// Builds a `ParamChangeQueued` value so tests can check it was emitted.
    public fun param_change_queued_event(
        name: String, old_value: u64, new_value: u64, effective_at: u64
    ): ParamChangeQueued {
        ParamChangeQueued { name, old_value, new_value, effective_at }
    }

    #[test_only]
    /// Builds a `ParamChangeCancelled` value so tests can check it was emitted.
    public fun param_change_cancelled_event(name: String, value: u64): ParamChangeCancelled {
        ParamChangeCancelled { name, value }
    }
}
