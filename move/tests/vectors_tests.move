// Written by scripts/gen_move_vectors.py from tests/vectors/*.json: edit the
// vectors and rerun the script, never this file (scripts/test.sh fails when
// it is stale). The Rust twin of every case is in sdk/tests/vectors.rs.
#[test_only]
module lumen::vectors_tests {
    use std::bcs;
    use std::string;
    use aptos_std::ed25519;
    use aptos_std::type_info;
    use aptos_framework::chain_id;
    use lumen::attestation;
    use lumen::campaign;
    use lumen::escrow;
    use lumen::offer_auth;
    use lumen::rewards;
    use lumen::staking;
    use lumen::vip;

    #[test]
    fun min_stake() {
        // inferix_seed_example_factor_1: 0.5 IB at 2 per IB-hour holds 72
        assert!(staking::compute_min_stake(1, 500000, 2) == 72, 0);
        // inferix_formula_default_factor_2
        assert!(staking::compute_min_stake(2, 500000, 2) == 144, 1);
        // rounds_up_tiny
        assert!(staking::compute_min_stake(1, 1, 1) == 1, 2);
        // zero_factor
        assert!(staking::compute_min_stake(0, 500000, 2) == 0, 3);
        // zero_score
        assert!(staking::compute_min_stake(2, 0, 1000000) == 0, 4);
        // rtx3070_at_1_usdt_per_ib_hour_6_decimals
        assert!(staking::compute_min_stake(2, 2429400, 1000000) == 349833600, 5);
        // rtx5090_at_0_5_usdt_per_ib_hour
        assert!(staking::compute_min_stake(2, 10687800, 500000) == 769521600, 6);
        // exact_division
        assert!(staking::compute_min_stake(1, 1000000, 60) == 4320, 7);
        // one_above_exact
        assert!(staking::compute_min_stake(1, 1000001, 60) == 4321, 8);
        // saturates_at_u64_max
        assert!(staking::compute_min_stake(18446744073709551615, 18446744073709551615, 18446744073709551615) == 18446744073709551615, 9);
    }

    #[test]
    fun collateral() {
        // value_bound: 10 % of 699.84 units against a 6-unit job
        assert!(staking::collateral_for(699840000, 6000000, 1000, 10000) == 6000000, 0);
        // stake_bound: 10 % of 699.84 units against a 100-unit job
        assert!(staking::collateral_for(699840000, 100000000, 1000, 10000) == 69984000, 1);
        // rounds_down
        assert!(staking::collateral_for(9, 100, 1500, 10000) == 1, 2);
        // double_cap
        assert!(staking::collateral_for(1000, 30, 10000, 20000) == 60, 3);
        // no_slash
        assert!(staking::collateral_for(1000, 30, 0, 20000) == 0, 4);
        // one_frame_job_of_a_rich_worker
        assert!(staking::collateral_for(1000000000000, 600000, 1000, 10000) == 600000, 5);
        // wide_products
        assert!(staking::collateral_for(18446744073709551615, 18446744073709551615, 10000, 100000) == 18446744073709551615, 6);
    }

    #[test]
    fun payout_split() {
        // full_job_default_commission
        let (worker_amount, fee) = escrow::split_payout(240000, 8000);
        assert!(worker_amount == 192000 && fee == 48000, 0);
        // cheaper_price_refunds_rest
        let (worker_amount, fee) = escrow::split_payout(192000, 8000);
        assert!(worker_amount == 153600 && fee == 38400, 1);
        // odd_amount_rounds_worker_down
        let (worker_amount, fee) = escrow::split_payout(2331, 8000);
        assert!(worker_amount == 1864 && fee == 467, 2);
        // partial_frames
        let (worker_amount, fee) = escrow::split_payout(100000, 8000);
        assert!(worker_amount == 80000 && fee == 20000, 3);
        // all_to_worker
        let (worker_amount, fee) = escrow::split_payout(70, 10000);
        assert!(worker_amount == 70 && fee == 0, 4);
        // all_to_fee
        let (worker_amount, fee) = escrow::split_payout(70, 0);
        assert!(worker_amount == 0 && fee == 70, 5);
        // zero_frames
        let (worker_amount, fee) = escrow::split_payout(0, 8000);
        assert!(worker_amount == 0 && fee == 0, 6);
        // one_base_unit
        let (worker_amount, fee) = escrow::split_payout(1, 8000);
        assert!(worker_amount == 0 && fee == 1, 7);
    }

    #[test]
    fun threshold() {
        // one_attester_its_own_value
        assert!(attestation::kth_largest(vector[2430000], 1) == 2430000, 0);
        // threshold_one_takes_the_largest
        assert!(attestation::kth_largest(vector[2430000, 2500000], 1) == 2500000, 1);
        // inflated_value_outvoted_by_two_honest
        assert!(attestation::kth_largest(vector[87000000, 2430000, 2500000], 2) == 2500000, 2);
        // deflated_value_outvoted_once_honest_voted
        assert!(attestation::kth_largest(vector[1, 2430000, 2400000], 2) == 2400000, 3);
        // two_votes_at_threshold_two_take_the_smaller
        assert!(attestation::kth_largest(vector[86400, 40000], 2) == 40000, 4);
        // ties_and_order_do_not_matter
        assert!(attestation::kth_largest(vector[5, 9, 5, 9, 7], 3) == 7, 5);
    }

    #[test]
    fun reward_split_pool() {
        // even_split
        let (poc, pod) = rewards::split_pool(1000000, 5000);
        assert!(poc == 500000 && pod == 500000, 0);
        // odd_pool
        let (poc, pod) = rewards::split_pool(1001, 5000);
        assert!(poc == 501 && pod == 500, 1);
        // all_poc
        let (poc, pod) = rewards::split_pool(777, 0);
        assert!(poc == 777 && pod == 0, 2);
        // all_pod
        let (poc, pod) = rewards::split_pool(777, 10000);
        assert!(poc == 0 && pod == 777, 3);
        // thirds
        let (poc, pod) = rewards::split_pool(100, 3333);
        assert!(poc == 67 && pod == 33, 4);
    }

    #[test]
    fun reward_share() {
        // half
        assert!(rewards::share(1000, 5u128, 10u128) == 500, 0);
        // rounds_down
        assert!(rewards::share(1000, 1u128, 3u128) == 333, 1);
        // zero_total
        assert!(rewards::share(1000, 0u128, 0u128) == 0, 2);
        // whole
        assert!(rewards::share(12345, 7u128, 7u128) == 12345, 3);
    }

    #[test]
    fun reward_amounts() {
        // rtx3070_vs_rtx5090_full_day_poc_and_only_3070_leased
        let (poc, pod) = rewards::split_pool(1000000000, 5000);
        assert!(poc == 500000000 && pod == 500000000, 100);
        let amount = rewards::share(poc, 209900160000u128, 1133326080000u128) + rewards::share(pod, 17491680000u128, 17491680000u128);
        assert!(amount == 592603604, 0);
        // rtx5090_share_of_same_epoch
        let (poc, pod) = rewards::split_pool(1000000000, 5000);
        assert!(poc == 500000000 && pod == 500000000, 101);
        let amount = rewards::share(poc, 923425920000u128, 1133326080000u128) + rewards::share(pod, 0u128, 17491680000u128);
        assert!(amount == 407396395, 1);
        // no_pod_weight_side_pays_nothing
        let (poc, pod) = rewards::split_pool(1000000000, 5000);
        assert!(poc == 500000000 && pod == 500000000, 102);
        let amount = rewards::share(poc, 209900160000u128, 209900160000u128) + rewards::share(pod, 0u128, 0u128);
        assert!(amount == 500000000, 2);
    }

    #[test]
    fun reward_lease_credit() {
        // first_job
        assert!(rewards::lease_credit(0, 3600, 86400) == 3600, 0);
        // fills_the_epoch
        assert!(rewards::lease_credit(82800, 7200, 86400) == 3600, 1);
        // thirty_day_lease
        assert!(rewards::lease_credit(0, 2592000, 86400) == 86400, 2);
        // epoch_full
        assert!(rewards::lease_credit(86400, 1, 86400) == 0, 3);
        // exactly_the_room
        assert!(rewards::lease_credit(43200, 43200, 86400) == 43200, 4);
        // zero_lease
        assert!(rewards::lease_credit(100, 0, 86400) == 0, 5);
    }

    #[test]
    fun reward_lease_parts() {
        // within_one_epoch
        let (epochs, secs) = rewards::lease_parts(1728043200, 3600, 86400, 86400);
        assert!(epochs == vector[20000] && secs == vector[3600], 0);
        // split_at_the_boundary
        let (epochs, secs) = rewards::lease_parts(1728216000, 129600, 86400, 86400);
        assert!(epochs == vector[20001, 20002] && secs == vector[43200, 43200], 1);
        // capped_by_the_maximum
        let (epochs, secs) = rewards::lease_parts(1728216000, 2592000, 21600, 86400);
        assert!(epochs == vector[20002] && secs == vector[21600], 2);
        // ends_on_a_boundary
        let (epochs, secs) = rewards::lease_parts(1728086400, 86400, 86400, 86400);
        assert!(epochs == vector[20000] && secs == vector[86400], 3);
        // spans_three_epochs
        let (epochs, secs) = rewards::lease_parts(1728176400, 200000, 172800, 86400);
        assert!(epochs == vector[20000, 20001, 20002] && secs == vector[82800, 86400, 3600], 4);
        // zero_lease
        let (epochs, secs) = rewards::lease_parts(1728043200, 0, 86400, 86400);
        assert!(epochs == vector[] && secs == vector[], 5);
        // zero_maximum
        let (epochs, secs) = rewards::lease_parts(1728043200, 3600, 0, 86400);
        assert!(epochs == vector[] && secs == vector[], 6);
        // starts_before_time_zero
        let (epochs, secs) = rewards::lease_parts(100, 500, 86400, 86400);
        assert!(epochs == vector[0] && secs == vector[100], 7);
        // at_the_top_of_u64
        let (epochs, secs) = rewards::lease_parts(18446744073709551615, 100000, 86400, 86400);
        assert!(epochs == vector[213503982334600, 213503982334601] && secs == vector[61185, 25215], 8);
        // one_second_epochs
        let (epochs, secs) = rewards::lease_parts(5, 3, 86400, 1);
        assert!(epochs == vector[2, 3, 4] && secs == vector[1, 1, 1], 9);
    }

    #[test]
    fun reward_fee_to_pool() {
        // three_quarters
        assert!(rewards::fee_to_pool(400000, 7500) == 300000, 0);
        // rounds_down
        assert!(rewards::fee_to_pool(3, 7500) == 2, 1);
        // one_unit_fee
        assert!(rewards::fee_to_pool(1, 7500) == 0, 2);
        // all_to_the_pool
        assert!(rewards::fee_to_pool(999, 10000) == 999, 3);
        // none_to_the_pool
        assert!(rewards::fee_to_pool(999, 0) == 0, 4);
        // large_fee
        assert!(rewards::fee_to_pool(18446744073709551615, 7500) == 13835058055282163711, 5);
    }

    #[test]
    fun creator_priority() {
        // seed_1_usdt_is_1_point_plus_frames
        assert!(vip::creator_priority_of(12500000, 6, 40, false) == 52, 0);
        // vip_bonus
        assert!(vip::creator_priority_of(5000000000, 6, 1000, true) == 6100, 1);
        // fractions_of_a_dollar_round_down
        assert!(vip::creator_priority_of(999999, 6, 0, false) == 0, 2);
        // zero_decimals
        assert!(vip::creator_priority_of(42, 0, 0, false) == 42, 3);
    }

    #[test]
    fun worker_priority() {
        // thirty_days_16h_rtx3070_vip_two_failures
        assert!(vip::worker_priority_of(1728000, 30, 2429400, 100, 2, true) == 712, 0);
        // failures_saturate_at_zero
        assert!(vip::worker_priority_of(3600, 30, 2429400, 0, 50, false) == 0, 1);
        // uptime_only_24h_a_day
        assert!(vip::worker_priority_of(2592000, 30, 10687800, 0, 0, false) == 793, 2);
        // zero_days_average_is_zero
        assert!(vip::worker_priority_of(7200, 0, 1000000, 1, 0, false) == 5, 3);
        // hundred_hours_at_1_ib_is_10_points
        assert!(vip::worker_priority_of(360000, 30, 1000000, 0, 0, false) == 13, 4);
    }

    #[test]
    fun worker_vip_uptime() {
        // thirty_days_of_16h
        assert!(vip::uptime_eligible(vector<u64>[57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600], 57600, 43200, 3) == true, 0);
        // one_second_short_on_average
        assert!(vip::uptime_eligible(vector<u64>[57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57599], 57600, 43200, 3) == false, 1);
        // three_days_down_made_up_elsewhere
        assert!(vip::uptime_eligible(vector<u64>[0, 0, 0, 72000, 72000, 72000, 72000, 72000, 72000, 72000, 72000, 72000, 72000, 72000, 72000, 72000, 72000, 72000, 72000, 72000, 72000, 72000, 72000, 72000, 72000, 72000, 72000, 72000, 72000, 72000], 57600, 43200, 3) == true, 2);
        // four_days_down
        assert!(vip::uptime_eligible(vector<u64>[0, 0, 0, 0, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400], 57600, 43200, 3) == false, 3);
        // scattered_downtime
        assert!(vip::uptime_eligible(vector<u64>[0, 86400, 0, 0, 86400, 64800, 64800, 64800, 64800, 64800, 64800, 64800, 64800, 64800, 64800, 64800, 64800, 64800, 64800, 64800, 64800, 64800, 64800, 64800, 64800, 64800, 64800, 64800, 64800, 64800], 57600, 43200, 3) == true, 4);
        // no_data
        assert!(vip::uptime_eligible(vector<u64>[], 57600, 43200, 3) == false, 5);
        // ten_days_at_one_second
        assert!(vip::uptime_eligible(vector<u64>[86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400], 57600, 43200, 3) == false, 6);
        // ten_days_at_one_second_counting_only_empty_days
        assert!(vip::uptime_eligible(vector<u64>[86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400], 57600, 0, 3) == true, 7);
        // half_days_at_the_threshold_are_up
        assert!(vip::uptime_eligible(vector<u64>[86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 43200, 43200, 43200, 43200, 43200, 43200, 43200, 43200, 43200, 43200, 86400, 86400, 86400, 86400, 86400, 86400, 86400], 57600, 43200, 3) == true, 8);
        // one_second_below_the_threshold_is_down
        assert!(vip::uptime_eligible(vector<u64>[86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 43199, 43199, 43199, 43199, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400], 57600, 43200, 3) == false, 9);
        // empty_days_are_down_at_threshold_zero
        assert!(vip::uptime_eligible(vector<u64>[86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 0, 0, 0, 0, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400], 57600, 0, 3) == false, 10);
    }

    #[test]
    fun job_address() {
        assert!(escrow::registry_address() == @0x3ace0dd9236dca63cb5932b2eaa76b1804206ed0c12e4068ba01369b81c3dd58, 100);
        assert!(escrow::job_address(0) == @0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709, 0);
        assert!(escrow::job_address(1) == @0xcf8a2c23a442ef31f1f61c2cd00ad1503bec0bb8c2a5e67d3ee9e4f0cebfad23, 1);
        assert!(escrow::job_address(2) == @0xe0a57e6cdf02a05fc44d5806f8b64c24b52f2a977bd95dcd2e94c31291494956, 2);
        assert!(escrow::job_address(255) == @0x9698cfd7b658ff54a80fc5176436e38af604b8a0235a8c2e4e27102f899c84ab, 3);
        assert!(escrow::job_address(4294967296) == @0xa90ff41f67f244ea3cb6a1658901acf308cf804296df22358a36b84fb1acdfbd, 4);
    }

    #[test(framework = @aptos_framework)]
    fun golden_signed_messages(framework: &signer) {
        chain_id::initialize_for_test(framework, 4);
        let pk = ed25519::new_unvalidated_public_key_from_bytes(x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c");
        assert!(ed25519::unvalidated_public_key_to_authentication_key(&pk) == x"7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd", 0);
        let report = attestation::new_report(@0xb0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0, x"0102030405060708090a0b0c0d0e0f10", string::utf8(b"NVIDIA GeForce RTX 3070"), 8192, 1, 7, 1728000000, 4);
        assert!(bcs::to_bytes(&type_info::type_of<attestation::BenchmarkReport>()) == x"000000000000000000000000000000000000000000000000000000000000cafe0b6174746573746174696f6e0f42656e63686d61726b5265706f7274", 1);
        assert!(bcs::to_bytes(&report) == x"b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0100102030405060708090a0b0c0d0e0f10174e5649444941204765466f7263652052545820333037300020000000000000010000000000000007000000000000000030ff660000000004", 2);
        assert!(bcs::to_bytes(&ed25519::new_signed_message(report)) == x"000000000000000000000000000000000000000000000000000000000000cafe0b6174746573746174696f6e0f42656e63686d61726b5265706f7274b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0100102030405060708090a0b0c0d0e0f10174e5649444941204765466f7263652052545820333037300020000000000000010000000000000007000000000000000030ff660000000004", 3);
        let sig = ed25519::new_signature_from_bytes(x"577e9dee1a27a510317b8597e972002f22dce874c44812e949a8a2d721b395eacc8c5e004879f562e426287c975a7ebdce5a4e613b5b8fa33088afc122f41407");
        assert!(ed25519::signature_verify_strict_t(&sig, &pk, report), 4);
        let offer = escrow::new_offer(@0x1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a, @0xb0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0, 800, 1728086400, 1728003600, 1);
        assert!(bcs::to_bytes(&type_info::type_of<escrow::AssignmentOffer>()) == x"000000000000000000000000000000000000000000000000000000000000cafe06657363726f770f41737369676e6d656e744f66666572", 5);
        assert!(bcs::to_bytes(&ed25519::new_signed_message(offer)) == x"000000000000000000000000000000000000000000000000000000000000cafe06657363726f770f41737369676e6d656e744f666665721a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1ab0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b020030000000000008081006700000000103eff6600000000010000000000000004", 6);
        let sig = ed25519::new_signature_from_bytes(x"38d0a5dee645fc795e9151e8792e36b1dec4bd2922b7e007b0d678cb7b97a3d14e4a24158737676dda4c7e4fe39722ddadc27559b83aced68917aa30f906d104");
        assert!(ed25519::signature_verify_strict_t(&sig, &pk, offer), 7);
    }

    #[test]
    fun campaign_day_reward() {
        // day_0_outside_the_table
        let (points, credits) = campaign::day_reward(0);
        assert!(points == 0 && credits == 0, 0);
        // day_1
        let (points, credits) = campaign::day_reward(1);
        assert!(points == 1000000 && credits == 0, 1);
        // day_2
        let (points, credits) = campaign::day_reward(2);
        assert!(points == 2000000 && credits == 0, 2);
        // day_3
        let (points, credits) = campaign::day_reward(3);
        assert!(points == 3000000 && credits == 0, 3);
        // day_4
        let (points, credits) = campaign::day_reward(4);
        assert!(points == 0 && credits == 1, 4);
        // day_5
        let (points, credits) = campaign::day_reward(5);
        assert!(points == 2000000 && credits == 0, 5);
        // day_6
        let (points, credits) = campaign::day_reward(6);
        assert!(points == 3000000 && credits == 0, 6);
        // day_7
        let (points, credits) = campaign::day_reward(7);
        assert!(points == 4000000 && credits == 0, 7);
        // day_8
        let (points, credits) = campaign::day_reward(8);
        assert!(points == 0 && credits == 1, 8);
        // day_9
        let (points, credits) = campaign::day_reward(9);
        assert!(points == 3000000 && credits == 0, 9);
        // day_10
        let (points, credits) = campaign::day_reward(10);
        assert!(points == 4000000 && credits == 0, 10);
        // day_11
        let (points, credits) = campaign::day_reward(11);
        assert!(points == 5000000 && credits == 0, 11);
        // day_12
        let (points, credits) = campaign::day_reward(12);
        assert!(points == 0 && credits == 1, 12);
        // day_13
        let (points, credits) = campaign::day_reward(13);
        assert!(points == 4000000 && credits == 0, 13);
        // day_14
        let (points, credits) = campaign::day_reward(14);
        assert!(points == 5000000 && credits == 0, 14);
        // day_15
        let (points, credits) = campaign::day_reward(15);
        assert!(points == 6000000 && credits == 0, 15);
        // day_16
        let (points, credits) = campaign::day_reward(16);
        assert!(points == 0 && credits == 1, 16);
        // day_17
        let (points, credits) = campaign::day_reward(17);
        assert!(points == 5000000 && credits == 0, 17);
        // day_18
        let (points, credits) = campaign::day_reward(18);
        assert!(points == 6000000 && credits == 0, 18);
        // day_19
        let (points, credits) = campaign::day_reward(19);
        assert!(points == 7000000 && credits == 0, 19);
        // day_20
        let (points, credits) = campaign::day_reward(20);
        assert!(points == 0 && credits == 1, 20);
        // day_21
        let (points, credits) = campaign::day_reward(21);
        assert!(points == 6000000 && credits == 0, 21);
        // day_22
        let (points, credits) = campaign::day_reward(22);
        assert!(points == 7000000 && credits == 0, 22);
        // day_23
        let (points, credits) = campaign::day_reward(23);
        assert!(points == 8000000 && credits == 0, 23);
        // day_24
        let (points, credits) = campaign::day_reward(24);
        assert!(points == 0 && credits == 1, 24);
        // day_25
        let (points, credits) = campaign::day_reward(25);
        assert!(points == 7000000 && credits == 0, 25);
        // day_26
        let (points, credits) = campaign::day_reward(26);
        assert!(points == 8000000 && credits == 0, 26);
        // day_27
        let (points, credits) = campaign::day_reward(27);
        assert!(points == 9000000 && credits == 0, 27);
        // day_28
        let (points, credits) = campaign::day_reward(28);
        assert!(points == 0 && credits == 1, 28);
        // day_29
        let (points, credits) = campaign::day_reward(29);
        assert!(points == 9000000 && credits == 0, 29);
        // day_30
        let (points, credits) = campaign::day_reward(30);
        assert!(points == 10000000 && credits == 0, 30);
        // day_31_outside_the_table
        let (points, credits) = campaign::day_reward(31);
        assert!(points == 0 && credits == 0, 31);
    }

    #[test]
    fun campaign_streak() {
        // first_check_in
        let streak = campaign::next_streak(false, 0, 0, 20000);
        assert!(streak == 1 && campaign::cycle_day_of(streak) == 1, 0);
        // next_day_extends
        let streak = campaign::next_streak(true, 19999, 1, 20000);
        assert!(streak == 2 && campaign::cycle_day_of(streak) == 2, 1);
        // day_30_of_streak
        let streak = campaign::next_streak(true, 19999, 29, 20000);
        assert!(streak == 30 && campaign::cycle_day_of(streak) == 30, 2);
        // day_31_wraps_to_row_1
        let streak = campaign::next_streak(true, 19999, 30, 20000);
        assert!(streak == 31 && campaign::cycle_day_of(streak) == 1, 3);
        // missed_day_restarts
        let streak = campaign::next_streak(true, 19998, 12, 20000);
        assert!(streak == 1 && campaign::cycle_day_of(streak) == 1, 4);
        // same_day_is_not_consecutive
        let streak = campaign::next_streak(true, 20000, 3, 20000);
        assert!(streak == 1 && campaign::cycle_day_of(streak) == 1, 5);
    }

    #[test]
    fun campaign_referral_share() {
        // one_point
        assert!(campaign::referral_share(1000000) == 100000, 0);
        // five_point_task
        assert!(campaign::referral_share(5000000) == 500000, 1);
        // seed_worker_example
        assert!(campaign::referral_share(3279300) == 327930, 2);
        // rounds_down
        assert!(campaign::referral_share(9) == 0, 3);
        // zero
        assert!(campaign::referral_share(0) == 0, 4);
        // full_cycle
        assert!(campaign::referral_share(124000000) == 12400000, 5);
    }

    #[test]
    fun campaign_rank_payout() {
        // default_rank_0
        assert!(campaign::rank_payout(vector<u64>[200000000, 100000000, 50000000, 14000000, 8000000], 0) == 0 && campaign::tier_of_rank(0) == 5, 0);
        // default_rank_1
        assert!(campaign::rank_payout(vector<u64>[200000000, 100000000, 50000000, 14000000, 8000000], 1) == 200000000 && campaign::tier_of_rank(1) == 0, 1);
        // default_rank_2
        assert!(campaign::rank_payout(vector<u64>[200000000, 100000000, 50000000, 14000000, 8000000], 2) == 100000000 && campaign::tier_of_rank(2) == 1, 2);
        // default_rank_5
        assert!(campaign::rank_payout(vector<u64>[200000000, 100000000, 50000000, 14000000, 8000000], 5) == 100000000 && campaign::tier_of_rank(5) == 1, 3);
        // default_rank_6
        assert!(campaign::rank_payout(vector<u64>[200000000, 100000000, 50000000, 14000000, 8000000], 6) == 50000000 && campaign::tier_of_rank(6) == 2, 4);
        // default_rank_15
        assert!(campaign::rank_payout(vector<u64>[200000000, 100000000, 50000000, 14000000, 8000000], 15) == 50000000 && campaign::tier_of_rank(15) == 2, 5);
        // default_rank_16
        assert!(campaign::rank_payout(vector<u64>[200000000, 100000000, 50000000, 14000000, 8000000], 16) == 14000000 && campaign::tier_of_rank(16) == 3, 6);
        // default_rank_50
        assert!(campaign::rank_payout(vector<u64>[200000000, 100000000, 50000000, 14000000, 8000000], 50) == 14000000 && campaign::tier_of_rank(50) == 3, 7);
        // default_rank_51
        assert!(campaign::rank_payout(vector<u64>[200000000, 100000000, 50000000, 14000000, 8000000], 51) == 8000000 && campaign::tier_of_rank(51) == 4, 8);
        // default_rank_100
        assert!(campaign::rank_payout(vector<u64>[200000000, 100000000, 50000000, 14000000, 8000000], 100) == 8000000 && campaign::tier_of_rank(100) == 4, 9);
        // default_rank_101
        assert!(campaign::rank_payout(vector<u64>[200000000, 100000000, 50000000, 14000000, 8000000], 101) == 0 && campaign::tier_of_rank(101) == 5, 10);
        // custom_rank_1
        assert!(campaign::rank_payout(vector<u64>[40, 10, 2, 1, 0], 1) == 40 && campaign::tier_of_rank(1) == 0, 11);
        // custom_rank_3
        assert!(campaign::rank_payout(vector<u64>[40, 10, 2, 1, 0], 3) == 10 && campaign::tier_of_rank(3) == 1, 12);
        // custom_rank_60
        assert!(campaign::rank_payout(vector<u64>[40, 10, 2, 1, 0], 60) == 0 && campaign::tier_of_rank(60) == 4, 13);
    }

    #[test]
    fun campaign_payout_total() {
        // default_0_winners
        assert!(campaign::payout_total(vector<u64>[200000000, 100000000, 50000000, 14000000, 8000000], 0) == 0, 0);
        // default_1_winners
        assert!(campaign::payout_total(vector<u64>[200000000, 100000000, 50000000, 14000000, 8000000], 1) == 200000000, 1);
        // default_5_winners
        assert!(campaign::payout_total(vector<u64>[200000000, 100000000, 50000000, 14000000, 8000000], 5) == 600000000, 2);
        // default_15_winners
        assert!(campaign::payout_total(vector<u64>[200000000, 100000000, 50000000, 14000000, 8000000], 15) == 1100000000, 3);
        // default_50_winners
        assert!(campaign::payout_total(vector<u64>[200000000, 100000000, 50000000, 14000000, 8000000], 50) == 1590000000, 4);
        // seed_full_ranking: 200 + 400 + 500 + 490 (35 x 14, not the seed's 500) + 400
        assert!(campaign::payout_total(vector<u64>[200000000, 100000000, 50000000, 14000000, 8000000], 100) == 1990000000, 5);
        // default_101_winners
        assert!(campaign::payout_total(vector<u64>[200000000, 100000000, 50000000, 14000000, 8000000], 101) == 1990000000, 6);
        // default_7_winners
        assert!(campaign::payout_total(vector<u64>[200000000, 100000000, 50000000, 14000000, 8000000], 7) == 700000000, 7);
        // custom_60_winners
        assert!(campaign::payout_total(vector<u64>[40, 10, 2, 1, 0], 60) == 135, 8);
    }

    #[test]
    fun campaign_render_points() {
        // ten_credits_22_points
        assert!(campaign::render_points(10000000, 1000000) == 22000000, 0);
        // min_job_0_1_credit
        assert!(campaign::render_points(100000, 1000000) == 220000, 1);
        // one_base_unit
        assert!(campaign::render_points(1, 1000000) == 2, 2);
        // credit_worth_half_unit
        assert!(campaign::render_points(1000000, 500000) == 4400000, 3);
        // odd_rounds_down
        assert!(campaign::render_points(333333, 1000000) == 733332, 4);
        // no_credit_value
        assert!(campaign::render_points(5, 0) == 0, 5);
    }

    #[test]
    fun campaign_online_points() {
        // seed_dual_gpu_6h_idle: 6 x (2.4294 + 10.6878) / 24 = 3.2793
        assert!(campaign::online_points(21600, 13117200) == 3279300, 0);
        // seven_hours_online_one_rendering
        assert!(campaign::online_points(21600, 13117200) == 3279300, 1);
        // leased_more_than_reported
        assert!(campaign::online_points(0, 13117200) == 0, 2);
        // rtx3070_full_idle_day
        assert!(campaign::online_points(86400, 2429400) == 2429400, 3);
    }

    #[test]
    fun wallet_envelope_amounts() {
        assert!(offer_auth::format_amount(800, 6) == b"0.0008", 0);
        assert!(offer_auth::format_amount(2500000, 6) == b"2.5", 1);
        assert!(offer_auth::format_amount(1000000, 6) == b"1", 2);
        assert!(offer_auth::format_amount(0, 6) == b"0", 3);
        assert!(offer_auth::format_amount(7, 0) == b"7", 4);
        assert!(offer_auth::format_amount(18446744073709551615, 0) == b"18446744073709551615", 5);
        assert!(offer_auth::format_amount(18446744073709551615, 8) == b"184467440737.09551615", 6);
        assert!(offer_auth::format_amount(1, 32) == b"0.00000000000000000000000000000001", 7);
        assert!(offer_auth::format_amount(120, 2) == b"1.2", 8);
        assert!(offer_auth::format_amount(100000000, 8) == b"1", 9);
    }

    #[test]
    fun wallet_envelope_dates() {
        assert!(offer_auth::format_utc(0) == b"1970-01-01 00:00:00", 0);
        assert!(offer_auth::format_utc(951782400) == b"2000-02-29 00:00:00", 1);
        assert!(offer_auth::format_utc(1728086400) == b"2024-10-05 00:00:00", 2);
        assert!(offer_auth::format_utc(1767225599) == b"2025-12-31 23:59:59", 3);
        assert!(offer_auth::format_utc(4107542400) == b"2100-03-01 00:00:00", 4);
        assert!(offer_auth::format_utc(253402300799) == b"9999-12-31 23:59:59", 5);
        assert!(offer_auth::format_utc(253402300800) == b"10000-01-01 00:00:00", 6);
        assert!(offer_auth::format_utc(18446744073709551615) == b"584554051223-11-09 07:00:15", 7);
    }

    #[test]
    fun wallet_envelope_golden() {
        let pk = ed25519::new_unvalidated_public_key_from_bytes(x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c");
        // every optional line, as a dapp asks for them
        assert!(escrow::job_address(3) == @0x982f336125ab47b840e6ab2171815cdbfa627e84eec728f5123092ac81fef843, 0);
        let message = offer_auth::offer_message(@lumen, @0x982f336125ab47b840e6ab2171815cdbfa627e84eec728f5123092ac81fef843, 3, @0xb0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0, 800, 6, string::utf8(b"TUSD"), 1728086400, 1728003600, 1, 4);
        assert!(message == b"Lumen render job offer\nJob: #3\nWorker: 0xb0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0\nPrice per frame: 0.0008 TUSD\nRender deadline: 2024-10-05 00:00:00 UTC\nOffer expires: 2024-10-04 01:00:00 UTC\nChain id: 4\n\nlumen-offer-v1 package=0x000000000000000000000000000000000000000000000000000000000000cafe job=0x982f336125ab47b840e6ab2171815cdbfa627e84eec728f5123092ac81fef843 worker=0xb0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0 price_per_frame=800 render_deadline=1728086400 offer_expires_at=1728003600 nonce=1 chain_id=4", 1);
        let envelope = offer_auth::wallet_envelope(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, string::utf8(b"0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd"), string::utf8(b"https://lumen.example"), true, 4, message, 1);
        assert!(envelope == b"APTOS\naddress: 0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd\napplication: https://lumen.example\nchainId: 4\nmessage: Lumen render job offer\nJob: #3\nWorker: 0xb0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0\nPrice per frame: 0.0008 TUSD\nRender deadline: 2024-10-05 00:00:00 UTC\nOffer expires: 2024-10-04 01:00:00 UTC\nChain id: 4\n\nlumen-offer-v1 package=0x000000000000000000000000000000000000000000000000000000000000cafe job=0x982f336125ab47b840e6ab2171815cdbfa627e84eec728f5123092ac81fef843 worker=0xb0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0 price_per_frame=800 render_deadline=1728086400 offer_expires_at=1728003600 nonce=1 chain_id=4\nnonce: 1", 2);
        let sig = ed25519::new_signature_from_bytes(x"c9834445e755950d0deb83b7f82a9533453dc979015377a913d38b90cc174693af175549136e48411c4add5bf621d073d92a66bd039ea80917e0805be44b3209");
        assert!(ed25519::signature_verify_strict(&sig, &pk, envelope), 3);
        // no optional line
        assert!(escrow::job_address(0) == @0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709, 10);
        let message = offer_auth::offer_message(@lumen, @0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709, 0, @0x2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b, 2500000, 6, string::utf8(b"TUSD"), 1767225599, 1767139200, 18446744073709551615, 4);
        assert!(message == b"Lumen render job offer\nJob: #0\nWorker: 0x2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b\nPrice per frame: 2.5 TUSD\nRender deadline: 2025-12-31 23:59:59 UTC\nOffer expires: 2025-12-31 00:00:00 UTC\nChain id: 4\n\nlumen-offer-v1 package=0x000000000000000000000000000000000000000000000000000000000000cafe job=0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709 worker=0x2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b price_per_frame=2500000 render_deadline=1767225599 offer_expires_at=1767139200 nonce=18446744073709551615 chain_id=4", 11);
        let envelope = offer_auth::wallet_envelope(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, string::utf8(b""), string::utf8(b""), false, 4, message, 18446744073709551615);
        assert!(envelope == b"APTOS\nmessage: Lumen render job offer\nJob: #0\nWorker: 0x2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b\nPrice per frame: 2.5 TUSD\nRender deadline: 2025-12-31 23:59:59 UTC\nOffer expires: 2025-12-31 00:00:00 UTC\nChain id: 4\n\nlumen-offer-v1 package=0x000000000000000000000000000000000000000000000000000000000000cafe job=0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709 worker=0x2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b price_per_frame=2500000 render_deadline=1767225599 offer_expires_at=1767139200 nonce=18446744073709551615 chain_id=4\nnonce: 18446744073709551615", 12);
        let sig = ed25519::new_signature_from_bytes(x"2effe9afff8bdd0d67097d230f27513911f9e642b8590093524411198b7a9cd7d492173485c663c8768463ab3d8814683e7e3f7c558e92ba078e90bd1a484a00");
        assert!(ed25519::signature_verify_strict(&sig, &pk, envelope), 13);
        // address and the dapp's host, no chain id line
        assert!(escrow::job_address(1234567) == @0xdd95b6b82bf90bf93f88101005d579199d47282bdf91080156310809d0848d63, 20);
        let message = offer_auth::offer_message(@lumen, @0xdd95b6b82bf90bf93f88101005d579199d47282bdf91080156310809d0848d63, 1234567, @0xb0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0, 123456789, 8, string::utf8(b"APT"), 253402300800, 951782400, 42, 4);
        assert!(message == b"Lumen render job offer\nJob: #1234567\nWorker: 0xb0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0\nPrice per frame: 1.23456789 APT\nRender deadline: 10000-01-01 00:00:00 UTC\nOffer expires: 2000-02-29 00:00:00 UTC\nChain id: 4\n\nlumen-offer-v1 package=0x000000000000000000000000000000000000000000000000000000000000cafe job=0xdd95b6b82bf90bf93f88101005d579199d47282bdf91080156310809d0848d63 worker=0xb0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0 price_per_frame=123456789 render_deadline=253402300800 offer_expires_at=951782400 nonce=42 chain_id=4", 21);
        let envelope = offer_auth::wallet_envelope(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, string::utf8(b"0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd"), string::utf8(b"lumen.example"), false, 4, message, 42);
        assert!(envelope == b"APTOS\naddress: 0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd\napplication: lumen.example\nmessage: Lumen render job offer\nJob: #1234567\nWorker: 0xb0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0\nPrice per frame: 1.23456789 APT\nRender deadline: 10000-01-01 00:00:00 UTC\nOffer expires: 2000-02-29 00:00:00 UTC\nChain id: 4\n\nlumen-offer-v1 package=0x000000000000000000000000000000000000000000000000000000000000cafe job=0xdd95b6b82bf90bf93f88101005d579199d47282bdf91080156310809d0848d63 worker=0xb0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0 price_per_frame=123456789 render_deadline=253402300800 offer_expires_at=951782400 nonce=42 chain_id=4\nnonce: 42", 22);
        let sig = ed25519::new_signature_from_bytes(x"7d407e451faeb86a22c0826d5a903a742bb4d3a7a4d07571894b6fab6ecb5364b118e169b35b198067317734ec2b39d44eef078476eb3baca87b6b2b5ec84b04");
        assert!(ed25519::signature_verify_strict(&sig, &pk, envelope), 23);
        // zero decimals, no symbol, the largest times
        assert!(escrow::job_address(18446744073709551615) == @0xbba6a39e41c823af4ef365ef200352db9852613cdcf1ffa4c4e4f3251bcfc1d2, 30);
        let message = offer_auth::offer_message(@lumen, @0xbba6a39e41c823af4ef365ef200352db9852613cdcf1ffa4c4e4f3251bcfc1d2, 18446744073709551615, @0x0000000000000000000000000000000000000000000000000000000000000001, 18446744073709551615, 0, string::utf8(b""), 18446744073709551615, 18446744073709551615, 0, 4);
        assert!(message == b"Lumen render job offer\nJob: #18446744073709551615\nWorker: 0x0000000000000000000000000000000000000000000000000000000000000001\nPrice per frame: 18446744073709551615\nRender deadline: 584554051223-11-09 07:00:15 UTC\nOffer expires: 584554051223-11-09 07:00:15 UTC\nChain id: 4\n\nlumen-offer-v1 package=0x000000000000000000000000000000000000000000000000000000000000cafe job=0xbba6a39e41c823af4ef365ef200352db9852613cdcf1ffa4c4e4f3251bcfc1d2 worker=0x0000000000000000000000000000000000000000000000000000000000000001 price_per_frame=18446744073709551615 render_deadline=18446744073709551615 offer_expires_at=18446744073709551615 nonce=0 chain_id=4", 31);
        let envelope = offer_auth::wallet_envelope(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, string::utf8(b""), string::utf8(b"https://app.lumen.example:8443"), true, 4, message, 0);
        assert!(envelope == b"APTOS\napplication: https://app.lumen.example:8443\nchainId: 4\nmessage: Lumen render job offer\nJob: #18446744073709551615\nWorker: 0x0000000000000000000000000000000000000000000000000000000000000001\nPrice per frame: 18446744073709551615\nRender deadline: 584554051223-11-09 07:00:15 UTC\nOffer expires: 584554051223-11-09 07:00:15 UTC\nChain id: 4\n\nlumen-offer-v1 package=0x000000000000000000000000000000000000000000000000000000000000cafe job=0xbba6a39e41c823af4ef365ef200352db9852613cdcf1ffa4c4e4f3251bcfc1d2 worker=0x0000000000000000000000000000000000000000000000000000000000000001 price_per_frame=18446744073709551615 render_deadline=18446744073709551615 offer_expires_at=18446744073709551615 nonce=0 chain_id=4\nnonce: 0", 32);
        let sig = ed25519::new_signature_from_bytes(x"ec86e81271356157f2021cac45c93bc90f7b06216b0beee26d8d5e20ec10d73bab35810b3e7a088187347abbcb911587b88c6a3d2bcecce52d55af6750db1701");
        assert!(ed25519::signature_verify_strict(&sig, &pk, envelope), 33);
    }

    #[test]
    fun key_schemes_golden() {
        // single_key (scheme 2)
        let public_key = x"00208a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c";
        assert!(offer_auth::authentication_key(2, public_key) == x"bbe6af385b3f36c98c46770ac79c0db8f3c7d2a58addf0f567dfd38f8f34a036", 0);
        let envelope = b"APTOS\naddress: 0xbbe6af385b3f36c98c46770ac79c0db8f3c7d2a58addf0f567dfd38f8f34a036\napplication: https://lumen.example\nchainId: 4\nmessage: Lumen render job offer\nJob: #3\nWorker: 0xb0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0\nPrice per frame: 0.0008 TUSD\nRender deadline: 2024-10-05 00:00:00 UTC\nOffer expires: 2024-10-04 01:00:00 UTC\nChain id: 4\n\nlumen-offer-v1 package=0x000000000000000000000000000000000000000000000000000000000000cafe job=0x982f336125ab47b840e6ab2171815cdbfa627e84eec728f5123092ac81fef843 worker=0xb0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0 price_per_frame=800 render_deadline=1728086400 offer_expires_at=1728003600 nonce=1 chain_id=4\nnonce: 1";
        assert!(offer_auth::verify(2, public_key, x"7020193b9b0a5747037e9129ff9412b7e97066eab3f635068f2729aec2994a145ab4b8e5143750ec7e9d9d1c8d6a04f524e464cbcf5aebcacc8a377ab7e98204", envelope), 1);
        envelope.push_back(0x20);
        assert!(!offer_auth::verify(2, public_key, x"7020193b9b0a5747037e9129ff9412b7e97066eab3f635068f2729aec2994a145ab4b8e5143750ec7e9d9d1c8d6a04f524e464cbcf5aebcacc8a377ab7e98204", envelope), 2);
        // multi_key (scheme 3)
        let public_key = x"0300206e7a1cdd29b0b78fd13af4c5598feff4ef2a97166e3ca6f2e4fbfccd80505bf1014104989c0b76cb563971fdc9bef31ec06c3560f3249d6ee9e5d83c57625596e05f6f631f4d05b3ae518776ee08755a7703e64b2ebc32547504de0b55a142d4ecdf8000208a875fff1eb38451577acd5afee405456568dd7c89e090863a0557bc7af49f1702";
        assert!(offer_auth::authentication_key(3, public_key) == x"c4a8325d7f2327f8f43e3812e715d5c50ea7584b12bfa2a2e61674ad0a9ac0fd", 10);
        let envelope = b"APTOS\naddress: 0xc4a8325d7f2327f8f43e3812e715d5c50ea7584b12bfa2a2e61674ad0a9ac0fd\napplication: https://lumen.example\nchainId: 4\nmessage: Lumen render job offer\nJob: #3\nWorker: 0xb0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0\nPrice per frame: 0.0008 TUSD\nRender deadline: 2024-10-05 00:00:00 UTC\nOffer expires: 2024-10-04 01:00:00 UTC\nChain id: 4\n\nlumen-offer-v1 package=0x000000000000000000000000000000000000000000000000000000000000cafe job=0x982f336125ab47b840e6ab2171815cdbfa627e84eec728f5123092ac81fef843 worker=0xb0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0 price_per_frame=800 render_deadline=1728086400 offer_expires_at=1728003600 nonce=1 chain_id=4\nnonce: 1";
        assert!(offer_auth::verify(3, public_key, x"020040736c5dddbddce9039f006391b7be680e9014f49825957798308caa7645a6d69b538584230f65b65f28d7fff11b76bb1cd824406fce944723617d97f1cf64ba03004099c8fb9f0f751d415e5b091985ff84b46f626200b3ea4411cce753b8d61ebf20f2363d8fa2a38e88d117858e8e1c6d5794f4105a10e01962f622b23ec243f60604a0000000", envelope), 11);
        envelope.push_back(0x20);
        assert!(!offer_auth::verify(3, public_key, x"020040736c5dddbddce9039f006391b7be680e9014f49825957798308caa7645a6d69b538584230f65b65f28d7fff11b76bb1cd824406fce944723617d97f1cf64ba03004099c8fb9f0f751d415e5b091985ff84b46f626200b3ea4411cce753b8d61ebf20f2363d8fa2a38e88d117858e8e1c6d5794f4105a10e01962f622b23ec243f60604a0000000", envelope), 12);
    }
}
