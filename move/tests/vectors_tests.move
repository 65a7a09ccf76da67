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
        assert!(vip::uptime_eligible(vector<u64>[57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600], 57600, 3) == true, 0);
        // one_second_short_on_average
        assert!(vip::uptime_eligible(vector<u64>[57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57600, 57599], 57600, 3) == false, 1);
        // three_days_down_made_up_elsewhere
        assert!(vip::uptime_eligible(vector<u64>[0, 0, 0, 72000, 72000, 72000, 72000, 72000, 72000, 72000, 72000, 72000, 72000, 72000, 72000, 72000, 72000, 72000, 72000, 72000, 72000, 72000, 72000, 72000, 72000, 72000, 72000, 72000, 72000, 72000], 57600, 3) == true, 2);
        // four_days_down
        assert!(vip::uptime_eligible(vector<u64>[0, 0, 0, 0, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400, 86400], 57600, 3) == false, 3);
        // scattered_downtime
        assert!(vip::uptime_eligible(vector<u64>[0, 86400, 0, 0, 86400, 64800, 64800, 64800, 64800, 64800, 64800, 64800, 64800, 64800, 64800, 64800, 64800, 64800, 64800, 64800, 64800, 64800, 64800, 64800, 64800, 64800, 64800, 64800, 64800, 64800], 57600, 3) == true, 4);
        // no_data
        assert!(vip::uptime_eligible(vector<u64>[], 57600, 3) == false, 5);
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
        let report = attestation::new_report(@0xb0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0, x"0102030405060708090a0b0c0d0e0f10", string::utf8(b"NVIDIA GeForce RTX 3070"), 8192, 2429400, 1, 7, 1728000000, 4);
        assert!(bcs::to_bytes(&type_info::type_of<attestation::BenchmarkReport>()) == x"000000000000000000000000000000000000000000000000000000000000cafe0b6174746573746174696f6e0f42656e63686d61726b5265706f7274", 1);
        assert!(bcs::to_bytes(&report) == x"b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0100102030405060708090a0b0c0d0e0f10174e5649444941204765466f7263652052545820333037300020000000000000d811250000000000010000000000000007000000000000000030ff660000000004", 2);
        assert!(bcs::to_bytes(&ed25519::new_signed_message(report)) == x"000000000000000000000000000000000000000000000000000000000000cafe0b6174746573746174696f6e0f42656e63686d61726b5265706f7274b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0100102030405060708090a0b0c0d0e0f10174e5649444941204765466f7263652052545820333037300020000000000000d811250000000000010000000000000007000000000000000030ff660000000004", 3);
        let sig = ed25519::new_signature_from_bytes(x"02e2218e1377a51b01aba35363f01a531de0d3fa6bbe1da69dc32598cc9353d8b2dc12db7aafb8c7c749cce8ecec525c58668ccad14efad88daa523ce900bd0d");
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
}
