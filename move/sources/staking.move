/// Worker stake, price and the minimum stake `S(n)`.
///
/// Stake is held in the primary store of the named object `staking` under
/// `@lumen` (its ownership is given to `@0x0`, so no account, the deployer
/// included, owns the funds; only this module signs for it with its
/// `ExtendRef`). Per worker the module keeps the bonded stake, the part of it
/// locked as collateral of active jobs, one unbonding bucket and the price. A new
/// `request_unstake` adds to the bucket and restarts its timer for the whole
/// bucket. Slashed amounts stay in the same store, counted in `penalty_pool`,
/// until the admin sweeps them to the treasury.
///
/// Minimum stake (Inferix): `S = ceil(stake_factor * 4320 * score * P / (60 * 1 000 000))`,
/// with `score` in micro-IB and `P = max(price_per_ib_hour, min_price_per_ib_hour)`:
/// the protocol's floor price keeps a worker from shrinking its minimum by
/// declaring a tiny price. The product is taken in `u256` (four `u64` factors can
/// exceed `u128`), the result saturates at `u64::MAX`.
///
/// Collateral: `escrow` locks `min(floor(stake * slash_bps / 10 000),
/// floor(job_value * slash_cap_bps / 10 000))` of the bonded stake per job at
/// assignment and unlocks it when the job settles; `reclaim` slashes exactly that
/// amount. Invariant: `stake >= locked` for every worker (`request_unstake` cannot
/// go below `locked`, `lock_collateral` needs free stake, a slash never exceeds
/// the collateral it releases), so a slash always finds its funds.
module lumen::staking {
    use std::error;
    use std::signer;
    use aptos_std::table::{Self, Table};
    use aptos_framework::event;
    use aptos_framework::object::{Self, ExtendRef};
    use aptos_framework::primary_fungible_store;
    use aptos_framework::timestamp;
    use lumen::attestation;
    use lumen::config;

    // Structs.

    /// One worker's staking account.
    struct WorkerStake has drop, store {
        /// Bonded stake, counted for eligibility.
        stake: u64,
        /// Part of `stake` locked as collateral of the worker's active jobs.
        locked: u64,
        /// Stake waiting for `available_at` before `withdraw`.
        unbonding: u64,
        available_at: u64,
        /// Price per IB-hour in base units of the payment asset.
        price_per_ib_hour: u64,
    }

    /// Module state, in the named object `staking` under `@lumen`.
    struct Vault has key {
        extend_ref: ExtendRef,
        workers: Table<address, WorkerStake>,
        /// Slashed funds not yet swept to the treasury (held in the vault's store).
        penalty_pool: u64,
    }

    #[event]
    /// The worker set its price.
    struct PriceSet has drop, store {
        worker: address,
        price_per_ib_hour: u64,
    }

    #[event]
    /// The worker added `amount` to its stake; `total_stake` is the bonded stake after it.
    struct Staked has drop, store {
        worker: address,
        amount: u64,
        total_stake: u64,
    }

    #[event]
    /// `amount` moved from stake to the unbonding bucket, now `unbonding`, withdrawable at `available_at`.
    struct UnstakeRequested has drop, store {
        worker: address,
        amount: u64,
        total_stake: u64,
        unbonding: u64,
        available_at: u64,
    }

    #[event]
    /// The worker withdrew its unbonded `amount`.
    struct Withdrawn has drop, store {
        worker: address,
        amount: u64,
    }

    #[event]
    /// `amount` of the worker's bonded stake, now `total_stake`, moved into the penalty pool because of `job`.
    struct Slashed has drop, store {
        worker: address,
        amount: u64,
        total_stake: u64,
        job: address,
    }

    #[event]
    /// `amount` of the worker's stake was locked as collateral of `job`; `locked` is the worker's total locked after it.
    struct StakeLocked has drop, store {
        worker: address,
        job: address,
        amount: u64,
        locked: u64,
    }

    #[event]
    /// The collateral of `job` (`amount`) was released; `locked` is the worker's total locked after it.
    struct StakeUnlocked has drop, store {
        worker: address,
        job: address,
        amount: u64,
        locked: u64,
    }

    #[event]
    /// `amount` of the penalty pool was paid to `treasury`.
    struct PenaltiesSwept has drop, store {
        amount: u64,
        treasury: address,
    }

    // Errors.

    /// The amount must be above zero.
    const EZeroAmount: u64 = 1;
    /// The worker's bonded stake is below the requested amount.
    const EInsufficientStake: u64 = 2;
    /// The worker has nothing unbonding.
    const ENothingToWithdraw: u64 = 3;
    /// The unbonding period has not passed yet.
    const EUnbondingNotOver: u64 = 4;
    /// The penalty pool holds less than the requested amount.
    const EInsufficientPenalties: u64 = 5;
    /// The request would take the bonded stake below the collateral locked for active jobs.
    const EStakeLocked: u64 = 6;
    /// The worker's free stake (bonded minus locked) does not cover a new job's collateral.
    const EInsufficientCollateral: u64 = 7;

    // Constants.

    const VAULT_SEED: vector<u8> = b"staking";
    const BPS_DENOMINATOR: u128 = 10_000;
    /// `E` of the formula: 3 days in minutes.
    const STAKE_MINUTES: u128 = 4_320;
    /// 60 minutes per hour * 1 000 000 micro-units per IB.
    const STAKE_DIVISOR: u128 = 60_000_000;
    const U64_MAX: u128 = 18_446_744_073_709_551_615;

    // Public entry functions.

    /// Sets the caller's price per IB-hour (0 withdraws it from the market: not eligible).
    ///
    /// # Aborts
    /// - `config::EPaused` while paused.
    public entry fun set_price(worker: &signer, price_per_ib_hour: u64) acquires Vault {
        config::assert_not_paused();
        let worker_addr = signer::address_of(worker);
        let account = account_mut(worker_addr);
        account.price_per_ib_hour = price_per_ib_hour;
        event::emit(PriceSet { worker: worker_addr, price_per_ib_hour });
    }

    /// Moves `amount` of the payment asset from the caller's primary store into its stake.
    ///
    /// # Aborts
    /// - `config::EPaused` while paused.
    /// - `EZeroAmount` if `amount` is 0.
    /// - the fungible asset's own error if the caller's balance is below `amount`.
    public entry fun stake(worker: &signer, amount: u64) acquires Vault {
        config::assert_not_paused();
        assert!(amount > 0, error::invalid_argument(EZeroAmount));
        let worker_addr = signer::address_of(worker);
        primary_fungible_store::transfer(worker, config::payment_asset(), vault_address(), amount);
        let account = account_mut(worker_addr);
        account.stake += amount;
        event::emit(Staked { worker: worker_addr, amount, total_stake: account.stake });
    }

    /// Moves `amount` from the bonded stake into the unbonding bucket. The whole
    /// bucket (earlier requests included) becomes withdrawable `unbonding_secs`
    /// from now. Stake locked as collateral of active jobs stays bonded. Works
    /// while paused.
    ///
    /// # Aborts
    /// - `EZeroAmount` if `amount` is 0.
    /// - `EInsufficientStake` if the bonded stake is below `amount`.
    /// - `EStakeLocked` if `stake - amount` would fall below the locked collateral.
    public entry fun request_unstake(worker: &signer, amount: u64) acquires Vault {
        assert!(amount > 0, error::invalid_argument(EZeroAmount));
        let worker_addr = signer::address_of(worker);
        let vault = borrow_global_mut<Vault>(vault_address());
        assert!(vault.workers.contains(worker_addr), error::invalid_argument(EInsufficientStake));
        let account = vault.workers.borrow_mut(worker_addr);
        assert!(account.stake >= amount, error::invalid_argument(EInsufficientStake));
        assert!(account.stake - amount >= account.locked, error::invalid_state(EStakeLocked));
        account.stake -= amount;
        account.unbonding += amount;
        account.available_at = timestamp::now_seconds() + config::unbonding_secs();
        event::emit(UnstakeRequested {
            worker: worker_addr,
            amount,
            total_stake: account.stake,
            unbonding: account.unbonding,
            available_at: account.available_at,
        });
    }

    /// Pays the whole unbonding bucket back to the caller once `now >= available_at`.
    /// Works while paused.
    ///
    /// # Aborts
    /// - `ENothingToWithdraw` if nothing is unbonding.
    /// - `EUnbondingNotOver` before `available_at`.
    public entry fun withdraw(worker: &signer) acquires Vault {
        let worker_addr = signer::address_of(worker);
        let vault = borrow_global_mut<Vault>(vault_address());
        assert!(vault.workers.contains(worker_addr), error::invalid_state(ENothingToWithdraw));
        let account = vault.workers.borrow_mut(worker_addr);
        let amount = account.unbonding;
        assert!(amount > 0, error::invalid_state(ENothingToWithdraw));
        assert!(
            timestamp::now_seconds() >= account.available_at,
            error::invalid_state(EUnbondingNotOver),
        );
        account.unbonding = 0;
        account.available_at = 0;
        let vault_signer = object::generate_signer_for_extending(&vault.extend_ref);
        primary_fungible_store::transfer(&vault_signer, config::payment_asset(), worker_addr, amount);
        event::emit(Withdrawn { worker: worker_addr, amount });
    }

    /// Pays `amount` of the penalty pool to the treasury.
    ///
    /// # Aborts
    /// - `config::ENotInitialized` / `config::ENotAdmin` if the caller is not the admin.
    /// - `EZeroAmount` if `amount` is 0.
    /// - `EInsufficientPenalties` if the penalty pool holds less than `amount`.
    public entry fun sweep_penalties(admin: &signer, amount: u64) acquires Vault {
        config::assert_admin(admin);
        assert!(amount > 0, error::invalid_argument(EZeroAmount));
        let vault = borrow_global_mut<Vault>(vault_address());
        assert!(vault.penalty_pool >= amount, error::invalid_argument(EInsufficientPenalties));
        vault.penalty_pool -= amount;
        let treasury = config::treasury();
        let vault_signer = object::generate_signer_for_extending(&vault.extend_ref);
        primary_fungible_store::transfer(&vault_signer, config::payment_asset(), treasury, amount);
        event::emit(PenaltiesSwept { amount, treasury });
    }

    // Public functions.

    #[view]
    /// The worker's bonded stake.
    ///
    /// # Aborts
    /// Never.
    public fun stake_of(worker: address): u64 acquires Vault {
        let vault = borrow_global<Vault>(vault_address());
        if (vault.workers.contains(worker)) vault.workers.borrow(worker).stake else 0
    }

    #[view]
    /// The part of the worker's bonded stake locked as collateral of its active jobs.
    ///
    /// # Aborts
    /// Never.
    public fun locked_of(worker: address): u64 acquires Vault {
        let vault = borrow_global<Vault>(vault_address());
        if (vault.workers.contains(worker)) vault.workers.borrow(worker).locked else 0
    }

    #[view]
    /// The worker's unbonding bucket: (amount, available_at); (0, 0) when empty.
    ///
    /// # Aborts
    /// Never.
    public fun unbonding_of(worker: address): (u64, u64) acquires Vault {
        let vault = borrow_global<Vault>(vault_address());
        if (vault.workers.contains(worker)) {
            let account = vault.workers.borrow(worker);
            (account.unbonding, account.available_at)
        } else {
            (0, 0)
        }
    }

    #[view]
    /// The worker's price per IB-hour (0 when unset).
    ///
    /// # Aborts
    /// Never.
    public fun price_of(worker: address): u64 acquires Vault {
        let vault = borrow_global<Vault>(vault_address());
        if (vault.workers.contains(worker)) vault.workers.borrow(worker).price_per_ib_hour else 0
    }

    #[view]
    /// `S(n)` for the worker's current valid score and price, the price raised to
    /// the protocol floor (0 without a valid score).
    ///
    /// # Aborts
    /// - `config::ENotInitialized` before `config::initialize`.
    public fun min_stake_of(worker: address): u64 acquires Vault {
        min_stake(attestation::score_of(worker), price_of(worker))
    }

    #[view]
    /// `ceil(stake_factor * 4320 * score * max(price_per_ib_hour, min_price_per_ib_hour) / 60 000 000)`,
    /// saturating at `u64::MAX`.
    ///
    /// # Aborts
    /// - `config::ENotInitialized` before `config::initialize`.
    public fun min_stake(score: u64, price_per_ib_hour: u64): u64 {
        let floor = config::min_price_per_ib_hour();
        let price = if (price_per_ib_hour > floor) price_per_ib_hour else floor;
        compute_min_stake(config::stake_factor(), score, price)
    }

    #[view]
    /// Whether the worker may take jobs: a valid score, a price above 0 and
    /// bonded stake >= `min_stake_of(worker)` (locked collateral included; a new
    /// job's own collateral is checked by `lock_collateral`).
    ///
    /// # Aborts
    /// - `config::ENotInitialized` before `config::initialize`.
    public fun is_eligible(worker: address): bool acquires Vault {
        let price = price_of(worker);
        attestation::has_valid_score(worker) && price > 0 && stake_of(worker) >= min_stake_of(worker)
    }

    #[view]
    /// Slashed funds not yet swept to the treasury.
    ///
    /// # Aborts
    /// Never.
    public fun penalty_pool(): u64 acquires Vault {
        borrow_global<Vault>(vault_address()).penalty_pool
    }

    /// The minimum-stake formula with an explicit factor and price, no floor
    /// applied (also used by tests and vectors).
    ///
    /// # Aborts
    /// Never (saturates at `u64::MAX`).
    public fun compute_min_stake(stake_factor: u64, score: u64, price_per_ib_hour: u64): u64 {
        // Four u64 factors can exceed u128, so the product is taken in u256.
        let divisor = (STAKE_DIVISOR as u256);
        let product = (stake_factor as u256) * (STAKE_MINUTES as u256) * (score as u256)
            * (price_per_ib_hour as u256);
        let result = (product + divisor - 1) / divisor;
        if (result > (U64_MAX as u256)) {
            (U64_MAX as u64)
        } else {
            (result as u64)
        }
    }

    /// A job's collateral for a worker with `stake` bonded:
    /// `min(floor(stake * slash_bps / 10 000), floor(job_value * slash_cap_bps / 10 000))`.
    ///
    /// # Aborts
    /// Never for `slash_bps <= 10 000` (the products are taken in `u128`; the
    /// result is at most `stake`).
    public fun collateral_for(stake: u64, job_value: u64, slash_bps: u64, slash_cap_bps: u64): u64 {
        let by_stake = (stake as u128) * (slash_bps as u128) / BPS_DENOMINATOR;
        let by_value = (job_value as u128) * (slash_cap_bps as u128) / BPS_DENOMINATOR;
        ((if (by_stake < by_value) by_stake else by_value) as u64)
    }

    /// Address of the vault object whose primary store holds all stake and penalties.
    ///
    /// # Aborts
    /// Never.
    public fun vault_address(): address {
        object::create_object_address(&@lumen, VAULT_SEED)
    }

    // Package functions.

    /// Locks the collateral of `job` (worth `job_value`) out of the worker's free
    /// stake, at today's `slash_bps` and `slash_cap_bps` (the job keeps the amount:
    /// later parameter changes do not touch it). Emits `StakeLocked`. Returns the amount.
    ///
    /// # Aborts
    /// - `EInsufficientCollateral` if `stake - locked` is below the collateral.
    public(package) fun lock_collateral(worker: address, job: address, job_value: u64): u64 acquires Vault {
        let slash_bps = config::slash_bps();
        let slash_cap_bps = config::slash_cap_bps();
        let account = account_mut(worker);
        let amount = collateral_for(account.stake, job_value, slash_bps, slash_cap_bps);
        assert!(account.stake - account.locked >= amount, error::invalid_state(EInsufficientCollateral));
        account.locked += amount;
        event::emit(StakeLocked { worker, job, amount, locked: account.locked });
        amount
    }

    /// Releases `amount` (the collateral `lock_collateral` returned for `job`).
    /// Emits `StakeUnlocked`.
    ///
    /// # Aborts
    /// Never for an amount `lock_collateral` locked and not yet released.
    public(package) fun unlock(worker: address, job: address, amount: u64) acquires Vault {
        let account = account_mut(worker);
        account.locked -= amount;
        event::emit(StakeUnlocked { worker, job, amount, locked: account.locked });
    }

    /// Moves `amount` of the worker's bonded stake into the penalty pool (called
    /// with a collateral just released, which the bonded stake always covers).
    /// Emits `Slashed` when the amount is above 0. Returns the amount.
    ///
    /// # Aborts
    /// Never for an amount the stake covers.
    public(package) fun slash(worker: address, amount: u64, job: address): u64 acquires Vault {
        if (amount == 0) {
            return 0
        };
        let vault = borrow_global_mut<Vault>(vault_address());
        let account = vault.workers.borrow_mut(worker);
        account.stake -= amount;
        vault.penalty_pool += amount;
        event::emit(Slashed { worker, amount, total_stake: account.stake, job });
        amount
    }

    // Private functions.

    /// Creates the module object and its state; run once when the package is published.
    fun init_module(deployer: &signer) {
        let constructor_ref = object::create_named_object(deployer, VAULT_SEED);
        let object_signer = object::generate_signer(&constructor_ref);
        move_to(&object_signer, Vault {
            extend_ref: object::generate_extend_ref(&constructor_ref),
            workers: table::new(),
            penalty_pool: 0,
        });
        // Give the object away so that ownership of its store is nobody's.
        object::transfer_with_ref(
            object::generate_linear_transfer_ref(&object::generate_transfer_ref(&constructor_ref)),
            @0x0
        );
    }

    /// The worker's account, created empty on first use.
    inline fun account_mut(worker: address): &mut WorkerStake {
        let vault = borrow_global_mut<Vault>(vault_address());
        if (!vault.workers.contains(worker)) {
            vault.workers.add(worker, WorkerStake {
                stake: 0,
                locked: 0,
                unbonding: 0,
                available_at: 0,
                price_per_ib_hour: 0,
            });
        };
        vault.workers.borrow_mut(worker)
    }

    // Test-only functions.

    #[test_only]
    /// Runs `init_module` in unit tests (the VM runs it on publish).
    public fun init_for_test(deployer: &signer) {
        init_module(deployer);
    }

    #[test_only]
    /// Calls the package-internal `lock_collateral` from unit tests.
    public fun lock_collateral_for_test(worker: address, job: address, job_value: u64): u64 acquires Vault {
        lock_collateral(worker, job, job_value)
    }

    #[test_only]
    /// Calls the package-internal `unlock` and then `slash` from unit tests, as `reclaim` does.
    public fun unlock_and_slash_for_test(worker: address, job: address, amount: u64): u64 acquires Vault {
        unlock(worker, job, amount);
        slash(worker, amount, job)
    }

    #[test_only]
    /// Calls the package-internal `unlock` from unit tests.
    public fun unlock_for_test(worker: address, job: address, amount: u64) acquires Vault {
        unlock(worker, job, amount)
    }

    #[test_only]
    /// Builds a `Slashed` value so tests can check it was emitted.
    public fun slashed_event(worker: address, amount: u64, total_stake: u64, job: address): Slashed {
        Slashed { worker, amount, total_stake, job }
    }

    #[test_only]
    /// Builds a `StakeLocked` value so tests can check it was emitted.
    public fun stake_locked_event(worker: address, job: address, amount: u64, locked: u64): StakeLocked {
        StakeLocked { worker, job, amount, locked }
    }

    #[test_only]
    /// Builds a `StakeUnlocked` value so tests can check it was emitted.
    public fun stake_unlocked_event(worker: address, job: address, amount: u64, locked: u64): StakeUnlocked {
        StakeUnlocked { worker, job, amount, locked }
    }

    #[test_only]
    /// Builds an `UnstakeRequested` value so tests can check it was emitted.
    public fun unstake_requested_event(
        worker: address, amount: u64, total_stake: u64, unbonding: u64, available_at: u64
    ): UnstakeRequested {
        UnstakeRequested { worker, amount, total_stake, unbonding, available_at }
    }

    #[test_only]
    /// Builds a `Staked` value so tests can check it was emitted.
    public fun staked_event(worker: address, amount: u64, total_stake: u64): Staked {
        Staked { worker, amount, total_stake }
    }
}
