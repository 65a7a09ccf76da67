#[test_only]
module lumen::staking_tests {
    use std::signer;
    use std::string;
    use aptos_framework::event;
    use aptos_framework::fungible_asset;
    use aptos_framework::primary_fungible_store;
    use lumen::attestation;
    use lumen::config;
    use lumen::staking::{Self, PriceSet, Staked, Withdrawn, Slashed, PenaltiesSwept, StakeLocked};
    use lumen::test_helpers as th;

    const U64_MAX: u64 = 18_446_744_073_709_551_615;

    /// Stake + unbonding of every listed worker plus the penalty pool equals the vault's balance.
    fun assert_conserved(workers: vector<address>) {
        let total = staking::penalty_pool();
        let i = 0;
        while (i < workers.length()) {
            let (unbonding, _) = staking::unbonding_of(workers[i]);
            total += staking::stake_of(workers[i]) + unbonding;
            i += 1;
        };
        assert!(th::balance(staking::vault_address()) == total, 900);
    }

    fun funded_staker(addr: address, amount: u64): signer {
        let worker = th::signer_of(addr);
        th::stake_for(&worker, amount);
        worker
    }

    /// Slashes `amount` of a worker holding at least 10 x `amount` the way `reclaim`
    /// does: locks it as a job's collateral, then unlocks and slashes it.
    fun penalize(worker: address, amount: u64) {
        assert!(staking::lock_collateral_for_test(worker, @0x10B, amount) == amount, 901);
        staking::unlock_and_slash_for_test(worker, @0x10B, amount);
    }

    // Minimum stake formula.

    #[test]
    fun min_stake_vectors() {
        // The seed's example: 0.5 IB at 2 per hour -> 72 with factor 1, 144 with factor 2.
        assert!(staking::compute_min_stake(1, 500_000, 2) == 72, 0);
        assert!(staking::compute_min_stake(2, 500_000, 2) == 144, 1);
        // RTX 3070 (2.43 IB) at 100 base units per IB-hour, factor 2: exact.
        assert!(staking::compute_min_stake(2, 2_430_000, 100) == 34_992, 2);
        // Rounded up.
        assert!(staking::compute_min_stake(1, 1, 1) == 1, 3);
        assert!(staking::compute_min_stake(2, 1_000_001, 1) == 145, 4);
        assert!(staking::compute_min_stake(1, 1_000_000, 1) == 72, 5);
        // Zero factor, score or price.
        assert!(staking::compute_min_stake(0, 500_000, 2) == 0, 6);
        assert!(staking::compute_min_stake(2, 0, 2) == 0, 7);
        assert!(staking::compute_min_stake(2, 500_000, 0) == 0, 8);
        // Saturates instead of overflowing.
        assert!(staking::compute_min_stake(U64_MAX, U64_MAX, U64_MAX) == U64_MAX, 9);
    }

    #[test]
    fun min_stake_view_uses_stake_factor_and_the_floor_price() {
        th::setup();
        // 0.5 IB at 0.2 per IB-hour (above the 0.1 floor), factor 2: 14.4.
        assert!(staking::min_stake(500_000, 200_000) == 14_400_000, 0);
        th::set_param(b"stake_factor", 1);
        assert!(staking::min_stake(500_000, 200_000) == 7_200_000, 1);
        // A price under the floor counts as the floor.
        assert!(staking::min_stake(500_000, 2) == staking::min_stake(500_000, 100_000), 2);
        assert!(staking::min_stake(500_000, 2) == 3_600_000, 3);
        // Without a floor the declared price counts.
        th::set_param(b"min_price_per_ib_hour", 0);
        assert!(staking::min_stake(500_000, 2) == 72, 4);
    }

    // Price and stake.

    #[test]
    fun set_price_records_and_emits() {
        th::setup();
        let worker = th::signer_of(@0xB0B);
        assert!(staking::price_of(@0xB0B) == 0, 0);
        staking::set_price(&worker, 250);
        assert!(staking::price_of(@0xB0B) == 250, 1);
        assert!(event::emitted_events<PriceSet>().length() == 1, 2);
    }

    #[test]
    #[expected_failure(abort_code = 0x30005 /* EPaused */, location = lumen::config)]
    fun set_price_while_paused_fails() {
        th::setup();
        config::set_paused(&th::lumen_signer(), true);
        staking::set_price(&th::signer_of(@0xB0B), 250);
    }

    #[test]
    fun stake_moves_funds_into_the_vault() {
        th::setup();
        let worker = th::signer_of(@0xB0B);
        th::mint(@0xB0B, 1_000);
        staking::stake(&worker, 600);
        assert!(staking::stake_of(@0xB0B) == 600, 0);
        assert!(th::balance(@0xB0B) == 400, 1);
        assert!(th::balance(staking::vault_address()) == 600, 2);
        staking::stake(&worker, 100);
        assert!(staking::stake_of(@0xB0B) == 700, 3);
        assert!(event::was_event_emitted(&staking::staked_event(@0xB0B, 600, 600)), 4);
        assert!(event::was_event_emitted(&staking::staked_event(@0xB0B, 100, 700)), 5);
        assert!(event::emitted_events<Staked>().length() == 2, 6);
        assert_conserved(vector[@0xB0B]);
    }

    #[test]
    #[expected_failure(abort_code = 0x10001 /* EZeroAmount */, location = lumen::staking)]
    fun stake_zero_fails() {
        th::setup();
        staking::stake(&th::signer_of(@0xB0B), 0);
    }

    #[test]
    #[expected_failure(abort_code = 0x30005 /* EPaused */, location = lumen::config)]
    fun stake_while_paused_fails() {
        th::setup();
        th::mint(@0xB0B, 1_000);
        config::set_paused(&th::lumen_signer(), true);
        staking::stake(&th::signer_of(@0xB0B), 100);
    }

    #[test]
    #[expected_failure]
    fun stake_more_than_balance_fails() {
        th::setup();
        th::mint(@0xB0B, 100);
        staking::stake(&th::signer_of(@0xB0B), 101);
    }

    // Unbonding and withdrawal.

    #[test]
    fun unbonding_then_withdraw() {
        th::setup();
        let worker = funded_staker(@0xB0B, 1_000);
        let t0 = th::now();
        staking::request_unstake(&worker, 300);
        assert!(staking::stake_of(@0xB0B) == 700, 0);
        let (amount, available_at) = staking::unbonding_of(@0xB0B);
        assert!(amount == 300 && available_at == t0 + 604_800, 1);
        assert!(
            event::was_event_emitted(&staking::unstake_requested_event(@0xB0B, 300, 700, 300, t0 + 604_800)),
            2,
        );

        // A second request joins the bucket and restarts its timer.
        th::advance(1_000);
        staking::request_unstake(&worker, 200);
        let (amount2, available_at2) = staking::unbonding_of(@0xB0B);
        assert!(amount2 == 500 && available_at2 == t0 + 1_000 + 604_800, 3);
        assert!(staking::stake_of(@0xB0B) == 500, 4);
        assert_conserved(vector[@0xB0B]);

        th::set_time(available_at2);
        staking::withdraw(&worker);
        assert!(th::balance(@0xB0B) == 500, 5);
        let (amount3, available_at3) = staking::unbonding_of(@0xB0B);
        assert!(amount3 == 0 && available_at3 == 0, 6);
        assert!(event::emitted_events<Withdrawn>().length() == 1, 7);
        assert_conserved(vector[@0xB0B]);
    }

    #[test]
    #[expected_failure(abort_code = 0x30004 /* EUnbondingNotOver */, location = lumen::staking)]
    fun withdraw_before_unbonding_ends_fails() {
        th::setup();
        let worker = funded_staker(@0xB0B, 1_000);
        staking::request_unstake(&worker, 300);
        th::advance(604_800 - 1);
        staking::withdraw(&worker);
    }

    #[test]
    #[expected_failure(abort_code = 0x30004 /* EUnbondingNotOver */, location = lumen::staking)]
    fun new_request_restarts_the_timer() {
        th::setup();
        let worker = funded_staker(@0xB0B, 1_000);
        staking::request_unstake(&worker, 300);
        th::advance(604_000);
        staking::request_unstake(&worker, 1);
        th::advance(800);
        staking::withdraw(&worker);
    }

    #[test]
    #[expected_failure(abort_code = 0x30003 /* ENothingToWithdraw */, location = lumen::staking)]
    fun withdraw_without_unbonding_fails() {
        th::setup();
        let worker = funded_staker(@0xB0B, 1_000);
        staking::withdraw(&worker);
    }

    #[test]
    #[expected_failure(abort_code = 0x30003 /* ENothingToWithdraw */, location = lumen::staking)]
    fun withdraw_without_account_fails() {
        th::setup();
        staking::withdraw(&th::signer_of(@0xB0B));
    }

    #[test]
    #[expected_failure(abort_code = 0x10002 /* EInsufficientStake */, location = lumen::staking)]
    fun unstake_more_than_stake_fails() {
        th::setup();
        let worker = funded_staker(@0xB0B, 1_000);
        staking::request_unstake(&worker, 1_001);
    }

    #[test]
    #[expected_failure(abort_code = 0x10002 /* EInsufficientStake */, location = lumen::staking)]
    fun unstake_without_account_fails() {
        th::setup();
        staking::request_unstake(&th::signer_of(@0xB0B), 1);
    }

    #[test]
    #[expected_failure(abort_code = 0x10001 /* EZeroAmount */, location = lumen::staking)]
    fun unstake_zero_fails() {
        th::setup();
        let worker = funded_staker(@0xB0B, 1_000);
        staking::request_unstake(&worker, 0);
    }

    #[test]
    fun exits_work_while_paused() {
        th::setup();
        let worker = funded_staker(@0xB0B, 1_000);
        config::set_paused(&th::lumen_signer(), true);
        staking::request_unstake(&worker, 1_000);
        th::advance(604_800);
        staking::withdraw(&worker);
        assert!(th::balance(@0xB0B) == 1_000, 0);
        assert!(staking::stake_of(@0xB0B) == 0, 1);
    }

    // Collateral, slashing and penalties.

    #[test]
    fun collateral_is_the_smaller_of_the_stake_share_and_the_job_value() {
        // 10 % of 1 000 = 100 against a job worth 50 (cap 1x) or 500.
        assert!(staking::collateral_for(1_000, 50, 1_000, 10_000) == 50, 0);
        assert!(staking::collateral_for(1_000, 500, 1_000, 10_000) == 100, 1);
        // Rounded down; a 2x cap doubles the value bound.
        assert!(staking::collateral_for(9, 100, 1_000, 10_000) == 0, 2);
        assert!(staking::collateral_for(1_000, 30, 10_000, 20_000) == 60, 3);
        // Products in u128, never above the stake.
        assert!(staking::collateral_for(U64_MAX, U64_MAX, 10_000, 100_000) == U64_MAX, 4);
        assert!(staking::collateral_for(0, U64_MAX, 10_000, 100_000) == 0, 5);
    }

    #[test]
    fun lock_unlock_and_slash_keep_stake_above_locked() {
        th::setup();
        let worker = funded_staker(@0xB0B, 1_000);
        // 10 % of 1 000 against jobs worth 500 and 50.
        assert!(staking::lock_collateral_for_test(@0xB0B, @0x10B, 500) == 100, 0);
        assert!(event::was_event_emitted(&staking::stake_locked_event(@0xB0B, @0x10B, 100, 100)), 1);
        assert!(staking::lock_collateral_for_test(@0xB0B, @0x10C, 50) == 50, 2);
        assert!(staking::locked_of(@0xB0B) == 150, 3);
        assert!(event::emitted_events<StakeLocked>().length() == 2, 4);
        // Everything above the locked part may leave.
        staking::request_unstake(&worker, 850);
        assert!(staking::stake_of(@0xB0B) == 150, 5);
        // The first job is reclaimed: its collateral is released and slashed.
        assert!(staking::unlock_and_slash_for_test(@0xB0B, @0x10B, 100) == 100, 6);
        assert!(event::was_event_emitted(&staking::stake_unlocked_event(@0xB0B, @0x10B, 100, 50)), 7);
        assert!(event::was_event_emitted(&staking::slashed_event(@0xB0B, 100, 50, @0x10B)), 8);
        assert!(staking::stake_of(@0xB0B) == 50 && staking::locked_of(@0xB0B) == 50, 9);
        assert!(staking::penalty_pool() == 100, 10);
        // The unbonding bucket is never touched by a slash.
        let (unbonding, _) = staking::unbonding_of(@0xB0B);
        assert!(unbonding == 850, 11);
        // The second job completes: released without a slash.
        staking::unlock_for_test(@0xB0B, @0x10C, 50);
        assert!(staking::locked_of(@0xB0B) == 0 && staking::stake_of(@0xB0B) == 50, 12);
        assert!(event::emitted_events<Slashed>().length() == 1, 13);
        assert_conserved(vector[@0xB0B]);
    }

    #[test]
    fun zero_collateral_slashes_nothing() {
        th::setup();
        funded_staker(@0xB0B, 9);
        // 10 % of 9 rounds to 0.
        assert!(staking::lock_collateral_for_test(@0xB0B, @0x10B, 100) == 0, 0);
        assert!(staking::unlock_and_slash_for_test(@0xB0B, @0x10B, 0) == 0, 1);
        assert!(event::emitted_events<Slashed>().length() == 0, 2);
        assert!(staking::stake_of(@0xB0B) == 9, 3);
        assert_conserved(vector[@0xB0B]);
    }

    #[test]
    #[expected_failure(abort_code = 0x30006 /* EStakeLocked */, location = lumen::staking)]
    fun unstake_below_the_locked_collateral_fails() {
        th::setup();
        let worker = funded_staker(@0xB0B, 1_000);
        staking::lock_collateral_for_test(@0xB0B, @0x10B, 500);
        staking::request_unstake(&worker, 901);
    }

    #[test]
    #[expected_failure(abort_code = 0x30007 /* EInsufficientCollateral */, location = lumen::staking)]
    fun lock_beyond_the_free_stake_fails() {
        th::setup();
        funded_staker(@0xB0B, 1_000);
        th::set_param(b"slash_bps", 10_000);
        assert!(staking::lock_collateral_for_test(@0xB0B, @0x10B, 1_000) == 1_000, 0);
        staking::lock_collateral_for_test(@0xB0B, @0x10C, 1);
    }

    #[test]
    fun sweep_penalties_pays_the_treasury() {
        th::setup();
        funded_staker(@0xB0B, 1_000);
        penalize(@0xB0B, 100);
        staking::sweep_penalties(&th::lumen_signer(), 60);
        assert!(th::balance(th::treasury()) == 60, 0);
        assert!(staking::penalty_pool() == 40, 1);
        assert!(event::emitted_events<PenaltiesSwept>().length() == 1, 2);
        assert_conserved(vector[@0xB0B]);
        // Sweeping works while paused.
        config::set_paused(&th::lumen_signer(), true);
        staking::sweep_penalties(&th::lumen_signer(), 40);
        assert!(th::balance(th::treasury()) == 100, 3);
        assert!(staking::penalty_pool() == 0, 4);
    }

    #[test]
    #[expected_failure(abort_code = 0x10005 /* EInsufficientPenalties */, location = lumen::staking)]
    fun sweep_more_than_pool_fails() {
        th::setup();
        funded_staker(@0xB0B, 1_000);
        penalize(@0xB0B, 100);
        staking::sweep_penalties(&th::lumen_signer(), 101);
    }

    #[test]
    #[expected_failure(abort_code = 0x10001 /* EZeroAmount */, location = lumen::staking)]
    fun sweep_zero_fails() {
        th::setup();
        staking::sweep_penalties(&th::lumen_signer(), 0);
    }

    #[test]
    #[expected_failure(abort_code = 0x50001 /* ENotAdmin */, location = lumen::config)]
    fun sweep_by_non_admin_fails() {
        th::setup();
        staking::sweep_penalties(&th::signer_of(@0xB0B), 1);
    }

    #[test]
    #[expected_failure(abort_code = 0x50008 /* ENOT_STORE_OWNER */, location = aptos_framework::fungible_asset)]
    fun deployer_cannot_withdraw_from_the_vault() {
        th::setup();
        funded_staker(@0xB0B, 1_000);
        // The vault object belongs to nobody, so @lumen does not own its store.
        let store = primary_fungible_store::primary_store(staking::vault_address(), th::payment_asset());
        let fa = fungible_asset::withdraw(&th::lumen_signer(), store, 1);
        primary_fungible_store::deposit(@lumen, fa);
    }

    // Eligibility.

    #[test]
    fun eligible_worker_meets_every_condition() {
        th::setup();
        let (worker, _sk, _pk) = th::eligible_worker(500_000, 8_192, 200_000);
        let w = signer::address_of(&worker);
        assert!(staking::min_stake_of(w) == 14_400_000, 0);
        assert!(staking::stake_of(w) == 14_400_000, 1);
        assert!(staking::is_eligible(w), 2);
        // One unit short of the minimum.
        staking::request_unstake(&worker, 1);
        assert!(!staking::is_eligible(w), 3);
    }

    #[test]
    fun eligibility_needs_a_valid_score() {
        th::setup();
        let (worker, _sk, _pk) = th::eligible_worker(500_000, 8_192, 200_000);
        let w = signer::address_of(&worker);
        th::advance(2_592_000);
        assert!(!attestation::has_valid_score(w), 0);
        assert!(staking::min_stake_of(w) == 0, 1);
        assert!(!staking::is_eligible(w), 2);
    }

    #[test]
    fun eligibility_ends_with_revocation() {
        th::setup();
        let (worker, _sk, _pk) = th::eligible_worker(500_000, 8_192, 200_000);
        let w = signer::address_of(&worker);
        attestation::revoke(&th::attester_signer(), w, string::utf8(b"fraud"));
        assert!(!staking::is_eligible(w), 0);
    }

    #[test]
    fun eligibility_needs_a_price() {
        th::setup();
        let (worker, _sk, _pk) = th::eligible_worker(500_000, 8_192, 200_000);
        let w = signer::address_of(&worker);
        staking::set_price(&worker, 0);
        assert!(!staking::is_eligible(w), 0);
    }

    #[test]
    fun stake_without_score_is_not_eligible() {
        th::setup();
        let worker = th::signer_of(@0xB0B);
        staking::set_price(&worker, 200_000);
        th::stake_for(&worker, 100_000_000);
        assert!(!staking::is_eligible(@0xB0B), 0);
    }

    #[test]
    fun higher_score_raises_the_minimum() {
        th::setup();
        let (worker, sk, pk) = th::eligible_worker(500_000, 8_192, 200_000);
        let w = signer::address_of(&worker);
        assert!(staking::is_eligible(w), 0);
        th::give_score(&sk, pk, w, 1_000_000, 8_192);
        assert!(staking::min_stake_of(w) == 28_800_000, 1);
        assert!(!staking::is_eligible(w), 2);
        th::stake_for(&worker, 14_400_000);
        assert!(staking::is_eligible(w), 3);
    }

    #[test]
    fun a_tiny_declared_price_is_raised_to_the_floor() {
        th::setup();
        let (worker, _sk, _pk) = th::eligible_worker(500_000, 8_192, 1);
        let w = signer::address_of(&worker);
        // S(n) at the 0.1 floor, not at 1 base unit per IB-hour (which would be 72).
        assert!(staking::min_stake_of(w) == 7_200_000, 0);
        assert!(staking::stake_of(w) == 7_200_000 && staking::is_eligible(w), 1);
        th::set_param(b"min_price_per_ib_hour", 200_000);
        assert!(!staking::is_eligible(w), 2);
    }
}
