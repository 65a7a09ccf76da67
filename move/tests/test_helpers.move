#[test_only]
/// Shared world set-up for the package's unit tests.
///
/// Every helper needs no signer argument: it builds the signers it needs.
///
/// World
/// - `setup()`: framework (clock at `start_time()`, chain id `chain_id()`), the
///   test payment asset (6 decimals), `config` / `attestation` / `staking`
///   initialised (their `init_for_test`), `config::initialize(@lumen, asset,
///   treasury(), arbiter())`, `attester()` added. `escrow`, `rewards` and `vip`
///   tests call their own module's `init_for_test(&lumen_signer())` after it.
/// - `setup_uninitialized()`: the same without `config::initialize` and without
///   the attester (for tests of `config::initialize` itself).
/// - `start_time(): u64` = 1 728 000 000 (a multiple of 86 400, so epoch aligned).
/// - `chain_id(): u8` = 4.
/// - `treasury(): address` = @0x7001, `arbiter(): address` = @0x7002,
///   `attester(): address` = @0x7003, `attester2(): address` = @0x7004,
///   `attester3(): address` = @0x7005 (only `attester()` is added by `setup`).
/// - `lumen_signer(): signer` (the deployer and initial admin), `signer_of(a: address): signer`
///   (creates the account if missing), `attester_signer(): signer`.
///
/// Money
/// - `payment_asset(): Object<Metadata>`; `mint(to: address, amount: u64)`;
///   `balance(owner: address): u64` (primary store balance of the payment asset);
///   `decimals(): u8` = 6; `one_unit(): u64` = 1 000 000; `set_frozen(owner: address,
///   frozen: bool)` freezes or thaws `owner`'s primary store, as a regulated issuer can.
///
/// Time
/// - `now(): u64`; `advance(secs: u64)` (secs > 0); `set_time(secs: u64)` (strictly later).
///
/// Parameters
/// - `set_param(name: vector<u8>, value: u64)`: sets a parameter at once, with
///   `set_param`'s checks (`config::set_param_for_test`; no waiting for the delay).
///
/// Keys and scores
/// - `new_worker(): (signer, SecretKey, vector<u8>)`: a keyed account (see below) that
///   registered a second, fresh key pair as its device key; returns its signer and the
///   device's secret key and 32-byte public key.
/// - `new_keyed_account(): (signer, SecretKey, vector<u8>)`: an account whose address is
///   the authentication key of a fresh ed25519 key pair; returns its signer, secret key and
///   32-byte public key (creators).
/// - `sign_report(sk: &SecretKey, worker: address, device_id: vector<u8>, gpu_model: String,
///   vram_mb: u64, bench_version: u64, nonce: u64, measured_at: u64): vector<u8>`
///   (64-byte signature over the `BenchmarkReport` with the current chain id).
/// - `attest_report(attester: &signer, sk: &SecretKey, pk: vector<u8>, worker: address,
///   device_id: vector<u8>, vram_mb: u64, score: u64, nonce: u64, measured_at: u64)`:
///   the device signs the report (gpu model "RTX 3070", bench version 1), then `attester`
///   submits it with `score` as its measurement.
/// - `give_score(sk: &SecretKey, pk: vector<u8>, worker: address, score: u64, vram_mb: u64)`:
///   `attester()` attests a fresh report (device id = bcs(worker), next nonce, measured now);
///   valid only while `attester_threshold` is 1.
/// - `default_device(worker: address): vector<u8>` = bcs(worker).
///
/// Staking
/// - `stake_for(worker: &signer, amount: u64)`: mints `amount` to the worker, then stakes it.
/// - `eligible_worker(score: u64, vram_mb: u64, price_per_ib_hour: u64): (signer, SecretKey, vector<u8>)`:
///   a new worker with a valid score, the price set and exactly `min_stake` staked
///   (at least 1 unit staked when the minimum is 0).
module lumen::test_helpers {
    use std::bcs;
    use std::option;
    use std::signer;
    use std::string::{Self, String};
    use aptos_std::ed25519::{Self, SecretKey};
    use aptos_framework::account;
    use aptos_framework::chain_id as framework_chain_id;
    use aptos_framework::fungible_asset::{Self, Metadata, MintRef, TransferRef};
    use aptos_framework::object::{Self, Object};
    use aptos_framework::primary_fungible_store;
    use aptos_framework::timestamp;
    use lumen::attestation;
    use lumen::config;
    use lumen::staking;

    /// Mint and freeze capabilities of the test payment asset, kept under @lumen.
    struct TestAsset has key {
        metadata: Object<Metadata>,
        mint_ref: MintRef,
        transfer_ref: TransferRef,
    }

    const START_TIME: u64 = 1_728_000_000;
    const CHAIN_ID: u8 = 4;
    const DECIMALS: u8 = 6;

    /// Clock value set by `setup`, in seconds (epoch aligned).
    public fun start_time(): u64 { START_TIME }

    /// Chain id set by `setup`.
    public fun chain_id(): u8 { CHAIN_ID }

    /// Decimals of the test payment asset.
    public fun decimals(): u8 { DECIMALS }

    /// One whole unit of the test payment asset in base units.
    public fun one_unit(): u64 { 1_000_000 }

    /// Treasury address passed to `config::initialize`.
    public fun treasury(): address { @0x7001 }

    /// Arbiter address passed to `config::initialize`.
    public fun arbiter(): address { @0x7002 }

    /// The attester `setup` authorises.
    public fun attester(): address { @0x7003 }

    /// A second attester address (not authorised by `setup`).
    public fun attester2(): address { @0x7004 }

    /// A third attester address (not authorised by `setup`).
    public fun attester3(): address { @0x7005 }

    /// Signer of the package account, the initial admin.
    public fun lumen_signer(): signer { account::create_signer_for_test(@lumen) }

    /// Signer of `addr`, creating its account when missing.
    public fun signer_of(addr: address): signer { account::create_account_for_test(addr) }

    /// Signer of `attester()`.
    public fun attester_signer(): signer { signer_of(attester()) }

    /// Framework, payment asset and module state, without `config::initialize`.
    public fun setup_uninitialized() {
        let framework = account::create_signer_for_test(@aptos_framework);
        timestamp::set_time_has_started_for_testing(&framework);
        timestamp::update_global_time_for_test_secs(START_TIME);
        framework_chain_id::initialize_for_test(&framework, CHAIN_ID);
        let lumen = account::create_account_for_test(@lumen);
        let constructor_ref = object::create_named_object(&lumen, b"lumen::test_usd");
        primary_fungible_store::create_primary_store_enabled_fungible_asset(
            &constructor_ref,
            option::none(),
            string::utf8(b"Test USD"),
            string::utf8(b"TUSD"),
            DECIMALS,
            string::utf8(b""),
            string::utf8(b""),
        );
        let mint_ref = fungible_asset::generate_mint_ref(&constructor_ref);
        let transfer_ref = fungible_asset::generate_transfer_ref(&constructor_ref);
        let metadata = object::object_from_constructor_ref<Metadata>(&constructor_ref);
        move_to(&lumen, TestAsset { metadata, mint_ref, transfer_ref });
        attestation::init_for_test(&lumen);
        staking::init_for_test(&lumen);
    }

    /// The standard world: `setup_uninitialized` plus `config::initialize` and one attester.
    public fun setup() acquires TestAsset {
        setup_uninitialized();
        let lumen = lumen_signer();
        config::initialize(&lumen, payment_asset(), treasury(), arbiter());
        config::add_attester(&lumen, attester());
    }

    /// Metadata of the test payment asset.
    public fun payment_asset(): Object<Metadata> acquires TestAsset {
        borrow_global<TestAsset>(@lumen).metadata
    }

    /// Mints `amount` of the payment asset to `to`.
    public fun mint(to: address, amount: u64) acquires TestAsset {
        let asset = borrow_global<TestAsset>(@lumen);
        primary_fungible_store::mint(&asset.mint_ref, to, amount);
    }

    /// Freezes (or thaws) `owner`'s primary store of the payment asset.
    public fun set_frozen(owner: address, frozen: bool) acquires TestAsset {
        let asset = borrow_global<TestAsset>(@lumen);
        primary_fungible_store::set_frozen_flag(&asset.transfer_ref, owner, frozen);
    }

    /// Payment-asset balance of `owner`'s primary store.
    public fun balance(owner: address): u64 acquires TestAsset {
        primary_fungible_store::balance(owner, payment_asset())
    }

    /// Current chain time in seconds.
    public fun now(): u64 { timestamp::now_seconds() }

    /// Moves the clock forward by `secs` (> 0).
    public fun advance(secs: u64) { timestamp::fast_forward_seconds(secs) }

    /// Sets the clock to `secs` (strictly later than now).
    public fun set_time(secs: u64) { timestamp::update_global_time_for_test_secs(secs) }

    /// Sets a config parameter at once (the queue's delay is tested in `config_tests`).
    public fun set_param(name: vector<u8>, value: u64) {
        config::set_param_for_test(string::utf8(name), value);
    }

    /// An account whose address is derived from a fresh ed25519 key pair: (signer, secret key, public key).
    public fun new_keyed_account(): (signer, SecretKey, vector<u8>) {
        let (sk, vpk) = ed25519::generate_keys();
        let pk = ed25519::validated_public_key_to_bytes(&vpk);
        let account = account::create_account_from_ed25519_public_key(pk);
        (account, sk, pk)
    }

    /// A keyed account with a registered device key: (signer, device secret key, device public key).
    public fun new_worker(): (signer, SecretKey, vector<u8>) {
        let (worker, _account_sk, _account_pk) = new_keyed_account();
        let (device_sk, device_vpk) = ed25519::generate_keys();
        let device_pk = ed25519::validated_public_key_to_bytes(&device_vpk);
        attestation::register_device_key(&worker, device_pk);
        (worker, device_sk, device_pk)
    }

    /// Device id `give_score` uses for a worker: bcs(worker).
    public fun default_device(worker: address): vector<u8> { bcs::to_bytes(&worker) }

    /// The device's 64-byte signature over a `BenchmarkReport` for the current chain.
    public fun sign_report(
        sk: &SecretKey,
        worker: address,
        device_id: vector<u8>,
        gpu_model: String,
        vram_mb: u64,
        bench_version: u64,
        nonce: u64,
        measured_at: u64,
    ): vector<u8> {
        let report = attestation::new_report(
            worker,
            device_id,
            gpu_model,
            vram_mb,
            bench_version,
            nonce,
            measured_at,
            framework_chain_id::get(),
        );
        ed25519::signature_to_bytes(&ed25519::sign_struct(sk, report))
    }

    /// Signs a report (gpu "RTX 3070", bench version 1) and submits it as `attester`.
    public fun attest_report(
        attester: &signer,
        sk: &SecretKey,
        pk: vector<u8>,
        worker: address,
        device_id: vector<u8>,
        vram_mb: u64,
        score: u64,
        nonce: u64,
        measured_at: u64,
    ) {
        let gpu_model = string::utf8(b"RTX 3070");
        let signature = sign_report(sk, worker, device_id, gpu_model, vram_mb, 1, nonce, measured_at);
        attestation::attest(
            attester,
            worker,
            device_id,
            gpu_model,
            vram_mb,
            score,
            1,
            nonce,
            measured_at,
            pk,
            signature,
        );
    }

    /// Gives `worker` a valid score through `attester()` (next nonce, measured now).
    public fun give_score(
        sk: &SecretKey, pk: vector<u8>, worker: address, score: u64, vram_mb: u64
    ) {
        let nonce = attestation::last_nonce(worker) + 1;
        attest_report(
            &attester_signer(),
            sk,
            pk,
            worker,
            default_device(worker),
            vram_mb,
            score,
            nonce,
            now(),
        );
    }

    /// Mints `amount` to the worker and stakes it.
    public fun stake_for(worker: &signer, amount: u64) acquires TestAsset {
        mint(signer::address_of(worker), amount);
        staking::stake(worker, amount);
    }

    /// A new worker with a valid score, a price and exactly its minimum stake (at least 1).
    public fun eligible_worker(
        score: u64, vram_mb: u64, price_per_ib_hour: u64
    ): (signer, SecretKey, vector<u8>) acquires TestAsset {
        let (worker, sk, pk) = new_worker();
        let worker_addr = signer::address_of(&worker);
        give_score(&sk, pk, worker_addr, score, vram_mb);
        staking::set_price(&worker, price_per_ib_hour);
        let amount = staking::min_stake_of(worker_addr);
        if (amount == 0) { amount = 1 };
        stake_for(&worker, amount);
        (worker, sk, pk)
    }
}
