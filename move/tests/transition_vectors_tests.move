// Written by scripts/gen_move_vectors.py from tests/vectors/transitions/*.json:
// regenerate the vectors (model/tests/transitions.rs) and rerun the script,
// never edit this file (scripts/test.sh fails when it is stale).
#[test_only]
/// The transition vectors: each test makes a vector's calls and checks every
/// call's package events (type and BCS bytes) or its final abort.
module lumen::transition_vectors_tests {
    /// `test_helpers::setup()` with every module initialised.
    fun world() {
        lumen::test_helpers::setup();
        modules();
    }

    /// The same without `config::initialize` and the attester.
    fun uninitialized() {
        lumen::test_helpers::setup_uninitialized();
        modules();
    }

    fun modules() {
        let deployer = lumen::test_helpers::lumen_signer();
        lumen::escrow::init_for_test(&deployer);
        lumen::rewards::init_for_test(&deployer);
        lumen::vip::init_for_test(&deployer);
        lumen::campaign::init_for_test(&deployer);
    }

    /// Creates `a` and mints `amount` of the payment asset to it.
    fun account(a: address, amount: u64) {
        lumen::test_helpers::signer_of(a);
        if (amount > 0) lumen::test_helpers::mint(a, amount);
    }

    /// Events of type `T` emitted so far.
    fun count<T: drop + store>(): u64 {
        aptos_framework::event::emitted_events<T>().length()
    }

    /// The events of type `T` after the first `before` are exactly `expected` (BCS).
    fun check<T: drop + store>(before: u64, expected: vector<vector<u8>>, code: u64) {
        let emitted = aptos_framework::event::emitted_events<T>();
        assert!(emitted.length() == before + expected.length(), code);
        let i = 0;
        while (i < expected.length()) {
            assert!(std::bcs::to_bytes(&emitted[before + i]) == expected[i], code + 1 + i);
            i += 1;
        };
    }

    /// How many events of each package event type were emitted so far.
    fun counts(): vector<u64> {
        vector[
            count<lumen::attestation::AttestationSubmitted>(),
            count<lumen::attestation::DeviceKeyRegistered>(),
            count<lumen::attestation::DeviceReleased>(),
            count<lumen::attestation::RevocationSubmitted>(),
            count<lumen::attestation::ScoreAttested>(),
            count<lumen::attestation::ScoreRevoked>(),
            count<lumen::campaign::CampaignConfigured>(),
            count<lumen::campaign::CampaignFunded>(),
            count<lumen::campaign::CheckedIn>(),
            count<lumen::campaign::CreditSpent>(),
            count<lumen::campaign::LeaderboardPaid>(),
            count<lumen::campaign::OnlinePointsEarned>(),
            count<lumen::campaign::PoolSwept>(),
            count<lumen::campaign::ReferralPointsEarned>(),
            count<lumen::campaign::ReferralRegistered>(),
            count<lumen::campaign::RenderPointsEarned>(),
            count<lumen::campaign::SocialTaskGranted>(),
            count<lumen::config::AdminProposed>(),
            count<lumen::config::AdminTransferred>(),
            count<lumen::config::ArbiterAdded>(),
            count<lumen::config::ArbiterRemoved>(),
            count<lumen::config::AttesterAdded>(),
            count<lumen::config::AttesterRemoved>(),
            count<lumen::config::ConfigInitialized>(),
            count<lumen::config::ParamChangeCancelled>(),
            count<lumen::config::ParamChangeQueued>(),
            count<lumen::config::ParamsUpdated>(),
            count<lumen::config::PausedSet>(),
            count<lumen::config::TreasurySet>(),
            count<lumen::escrow::ClaimableCredited>(),
            count<lumen::escrow::ClaimableWithdrawn>(),
            count<lumen::escrow::DisputeResolved>(),
            count<lumen::escrow::JobAssigned>(),
            count<lumen::escrow::JobCancelled>(),
            count<lumen::escrow::JobCompleted>(),
            count<lumen::escrow::JobCreated>(),
            count<lumen::escrow::JobDisputed>(),
            count<lumen::escrow::JobReclaimed>(),
            count<lumen::escrow::NonceBurned>(),
            count<lumen::escrow::PartiallyAccepted>(),
            count<lumen::escrow::RerenderRequested>(),
            count<lumen::escrow::ResultSubmitted>(),
            count<lumen::offers::OfferPublished>(),
            count<lumen::rewards::EpochClosed>(),
            count<lumen::rewards::EpochFunded>(),
            count<lumen::rewards::LeaseRecorded>(),
            count<lumen::rewards::RewardClaimed>(),
            count<lumen::rewards::UptimeReported>(),
            count<lumen::rewards::UptimeVoteSkipped>(),
            count<lumen::rewards::UptimeVoted>(),
            count<lumen::staking::PenaltiesSwept>(),
            count<lumen::staking::PriceSet>(),
            count<lumen::staking::Slashed>(),
            count<lumen::staking::StakeLocked>(),
            count<lumen::staking::StakeUnlocked>(),
            count<lumen::staking::Staked>(),
            count<lumen::staking::UnstakeRequested>(),
            count<lumen::staking::Withdrawn>(),
            count<lumen::vip::VipBanLifted>(),
            count<lumen::vip::VipExpired>(),
            count<lumen::vip::VipMinted>(),
            count<lumen::vip::VipRevoked>(),
        ]
    }

    /// Since `start`, exactly `emitted[i]` events of the i-th type of `counts()`.
    fun totals(start: vector<u64>, emitted: vector<u64>) {
        let now = counts();
        let i = 0;
        while (i < now.length()) {
            assert!(now[i] == start[i] + emitted[i], 90000 + i);
            i += 1;
        };
    }

    // two attesters make a report effective at the second largest score, a third refines it, two attesters revoke it, a higher nonce restores a score on another device
    #[test]
    fun attestation_threshold_revoke_reattest() {
        world();
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 0);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 0);
        let start = counts();
        // 0: config::set_param
        let n0_0 = count<lumen::config::ParamChangeQueued>();
        lumen::config::set_param(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), std::string::utf8(b"attester_threshold"), 2);
        check<lumen::config::ParamChangeQueued>(n0_0, vector[x"1261747465737465725f7468726573686f6c64010000000000000002000000000000008081006700000000"], 100000);
        // 1: config::apply_param
        aptos_framework::timestamp::update_global_time_for_test_secs(1728086400);
        let n1_0 = count<lumen::config::ParamsUpdated>();
        lumen::config::apply_param(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000a99), std::string::utf8(b"attester_threshold"));
        check<lumen::config::ParamsUpdated>(n1_0, vector[x"1261747465737465725f7468726573686f6c6401000000000000000200000000000000"], 101000);
        // 2: config::add_attester
        let n2_0 = count<lumen::config::AttesterAdded>();
        lumen::config::add_attester(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), @0x0000000000000000000000000000000000000000000000000000000000007004);
        check<lumen::config::AttesterAdded>(n2_0, vector[x"0000000000000000000000000000000000000000000000000000000000007004"], 102000);
        // 3: config::add_attester
        let n3_0 = count<lumen::config::AttesterAdded>();
        lumen::config::add_attester(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), @0x0000000000000000000000000000000000000000000000000000000000007005);
        check<lumen::config::AttesterAdded>(n3_0, vector[x"0000000000000000000000000000000000000000000000000000000000007005"], 103000);
        // 4: attestation::register_device_key
        let n4_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n4_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 104000);
        // 5: attestation::attest
        let n5_0 = count<lumen::attestation::AttestationSubmitted>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007004), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 87000000, 1, 1, 1728086400, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"76b9b6fdee65e0c3def78c8294f5e50d2b69b8e68c469b820c890fa2dc42d33cf1a59081b1fbbb1a775f5bdaa9674a535fc5152e7933cef846fd01188ce8f902");
        check<lumen::attestation::AttestationSubmitted>(n5_0, vector[x"00000000000000000000000000000000000000000000000000000000000070047d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020c57e73fb1e9b927ba4845103f5edc262b1862cd975cffa45bff9806d69ee3f33c0832f050000000001000000000000000200000000000000"], 105000);
        // 6: attestation::attest
        let n6_0 = count<lumen::attestation::AttestationSubmitted>();
        let n6_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728086400, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"76b9b6fdee65e0c3def78c8294f5e50d2b69b8e68c469b820c890fa2dc42d33cf1a59081b1fbbb1a775f5bdaa9674a535fc5152e7933cef846fd01188ce8f902");
        check<lumen::attestation::AttestationSubmitted>(n6_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020c57e73fb1e9b927ba4845103f5edc262b1862cd975cffa45bff9806d69ee3f33301425000000000002000000000000000200000000000000"], 106000);
        check<lumen::attestation::ScoreAttested>(n6_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41080101010101010101085254582033303730002000000000000030142500000000000100000000000000010000000000000080810067000000008081006700000000800e2867000000000200000000000000000000000000000000000000000000000000000000000070040000000000000000000000000000000000000000000000000000000000007003"], 106100);
        // 7: attestation::attest
        let n7_0 = count<lumen::attestation::AttestationSubmitted>();
        let n7_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007005), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2500000, 1, 1, 1728086400, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"76b9b6fdee65e0c3def78c8294f5e50d2b69b8e68c469b820c890fa2dc42d33cf1a59081b1fbbb1a775f5bdaa9674a535fc5152e7933cef846fd01188ce8f902");
        check<lumen::attestation::AttestationSubmitted>(n7_0, vector[x"00000000000000000000000000000000000000000000000000000000000070057d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020c57e73fb1e9b927ba4845103f5edc262b1862cd975cffa45bff9806d69ee3f33a02526000000000003000000000000000200000000000000"], 107000);
        check<lumen::attestation::ScoreAttested>(n7_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410801010101010101010852545820333037300020000000000000a0252600000000000100000000000000010000000000000080810067000000008081006700000000800e28670000000003000000000000000000000000000000000000000000000000000000000000700400000000000000000000000000000000000000000000000000000000000070030000000000000000000000000000000000000000000000000000000000007005"], 107100);
        // 8: attestation::revoke
        aptos_framework::timestamp::update_global_time_for_test_secs(1728086460);
        let n8_0 = count<lumen::attestation::RevocationSubmitted>();
        lumen::attestation::revoke(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007005), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, std::string::utf8(b"checksum mismatch"));
        check<lumen::attestation::RevocationSubmitted>(n8_0, vector[x"00000000000000000000000000000000000000000000000000000000000070057d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000001000000000000000200000000000000"], 108000);
        // 9: attestation::revoke
        let n9_0 = count<lumen::attestation::RevocationSubmitted>();
        let n9_1 = count<lumen::attestation::ScoreRevoked>();
        lumen::attestation::revoke(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, std::string::utf8(b"checksum mismatch"));
        check<lumen::attestation::RevocationSubmitted>(n9_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000002000000000000000200000000000000"], 109000);
        check<lumen::attestation::ScoreRevoked>(n9_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41000000000000000000000000000000000000000000000000000000000000700311636865636b73756d206d69736d61746368"], 109100);
        // 10: attestation::attest
        aptos_framework::timestamp::update_global_time_for_test_secs(1728086520);
        let n10_0 = count<lumen::attestation::AttestationSubmitted>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007004), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0202020202020202", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 2, 1728086520, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"73f1fa4bc2315f85cf366b28620254123211422336cf3247ca41b816e6560f6924de2d9662f69bea5af80d0d01cfd2bd5354687e927d619d8e2be387130efe08");
        check<lumen::attestation::AttestationSubmitted>(n10_0, vector[x"00000000000000000000000000000000000000000000000000000000000070047d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410200000000000000205cc0461c5af4ac43c3dfb6aacfa9ca9f4ff1cf945f1675b27735d02775e4a33c301425000000000001000000000000000200000000000000"], 110000);
        // 11: attestation::attest
        let n11_0 = count<lumen::attestation::AttestationSubmitted>();
        let n11_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0202020202020202", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 2, 1728086520, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"73f1fa4bc2315f85cf366b28620254123211422336cf3247ca41b816e6560f6924de2d9662f69bea5af80d0d01cfd2bd5354687e927d619d8e2be387130efe08");
        check<lumen::attestation::AttestationSubmitted>(n11_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410200000000000000205cc0461c5af4ac43c3dfb6aacfa9ca9f4ff1cf945f1675b27735d02775e4a33c301425000000000002000000000000000200000000000000"], 111000);
        check<lumen::attestation::ScoreAttested>(n11_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410802020202020202020852545820333037300020000000000000301425000000000001000000000000000200000000000000f881006700000000f881006700000000f80e2867000000000200000000000000000000000000000000000000000000000000000000000070040000000000000000000000000000000000000000000000000000000000007003"], 111100);
        totals(start, vector<u64>[5, 1, 0, 2, 3, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    }

    // a worker registers a device key, rotates it, and the old key is free for another worker
    #[test]
    fun attestation_device_key_rotation() {
        world();
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 0);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 0);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"ea4a6c63e29c520abef5507b132ec5f9954776aebebe7b92421eea691446d22c");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4120ea4a6c63e29c520abef5507b132ec5f9954776aebebe7b92421eea691446d22c00"], 100000);
        // 1: attestation::register_device_key
        let n1_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"1398f62c6d1a457c51ba6a4b5f3dbd2f69fca93216218dc8997e416bd17d93ca");
        check<lumen::attestation::DeviceKeyRegistered>(n1_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41201398f62c6d1a457c51ba6a4b5f3dbd2f69fca93216218dc8997e416bd17d93ca20ea4a6c63e29c520abef5507b132ec5f9954776aebebe7b92421eea691446d22c"], 101000);
        // 2: attestation::attest
        let n2_0 = count<lumen::attestation::AttestationSubmitted>();
        let n2_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"1398f62c6d1a457c51ba6a4b5f3dbd2f69fca93216218dc8997e416bd17d93ca", x"45cd728bde277770c1d5a571019de35a090a27afe3deb0aacc493e50516963ad45be4769be5ffbdde24f4ba110e9d93fbe77060cdbbb6b0a9e2b6e18120c4f0a");
        check<lumen::attestation::AttestationSubmitted>(n2_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 102000);
        check<lumen::attestation::ScoreAttested>(n2_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 102100);
        // 3: attestation::register_device_key
        let n3_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d), x"ea4a6c63e29c520abef5507b132ec5f9954776aebebe7b92421eea691446d22c");
        check<lumen::attestation::DeviceKeyRegistered>(n3_0, vector[x"f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d20ea4a6c63e29c520abef5507b132ec5f9954776aebebe7b92421eea691446d22c00"], 103000);
        totals(start, vector<u64>[1, 3, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    }

    // the worker releases its device, another worker takes it, the admin unbinds it, and a third binding is released by anyone long after its expiry
    #[test]
    fun attestation_release_and_unbind() {
        world();
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 0);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 0);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: attestation::release_device
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000060);
        let n2_0 = count<lumen::attestation::DeviceReleased>();
        lumen::attestation::release_device(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41));
        check<lumen::attestation::DeviceReleased>(n2_0, vector[x"0801010101010101017d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c417d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4101"], 102000);
        // 3: attestation::register_device_key
        let n3_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d), x"ed4928c628d1c2c6eae90338905995612959273a5c63f93636c14614ac8737d1");
        check<lumen::attestation::DeviceKeyRegistered>(n3_0, vector[x"f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d20ed4928c628d1c2c6eae90338905995612959273a5c63f93636c14614ac8737d100"], 103000);
        // 4: attestation::attest
        let n4_0 = count<lumen::attestation::AttestationSubmitted>();
        let n4_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000060, x"ed4928c628d1c2c6eae90338905995612959273a5c63f93636c14614ac8737d1", x"374c0d5cdaf9feb8eaf459f0b6489ac404dbfaaf7183e6a9d67082c2778d28b1797f21a8cebca98374ff91cb0367982da4917c13fceb6e0de0b8846b9a82830b");
        check<lumen::attestation::AttestationSubmitted>(n4_0, vector[x"0000000000000000000000000000000000000000000000000000000000007003f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d0100000000000000200446a34d7c8b5e592fa43699e1e80ca61c50e284281fe099a497ba8a36c23a85301425000000000001000000000000000100000000000000"], 104000);
        check<lumen::attestation::ScoreAttested>(n4_1, vector[x"f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d08010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000003c30ff66000000003c30ff66000000003cbd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 104100);
        // 5: attestation::unbind_device
        let n5_0 = count<lumen::attestation::DeviceReleased>();
        lumen::attestation::unbind_device(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), x"0101010101010101");
        check<lumen::attestation::DeviceReleased>(n5_0, vector[x"080101010101010101f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d000000000000000000000000000000000000000000000000000000000000cafe03"], 105000);
        // 6: attestation::attest
        let n6_0 = count<lumen::attestation::AttestationSubmitted>();
        let n6_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 2, 1728000060, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"51e96960cf9653776b238a8c7914d598604822fa547dcb94564b91d9463afaefb856d317b4aaec6f950b615f68d3fae88ec86e50cedb27336d868e394e5d870a");
        check<lumen::attestation::AttestationSubmitted>(n6_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41020000000000000020fb40d6f730a5e252596758ffd4819bfabddea9a336bcc52b1885092970aa8167301425000000000001000000000000000100000000000000"], 106000);
        check<lumen::attestation::ScoreAttested>(n6_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000002000000000000003c30ff66000000003c30ff66000000003cbd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 106100);
        // 7: attestation::release_expired_device
        aptos_framework::timestamp::update_global_time_for_test_secs(1733184060);
        let n7_0 = count<lumen::attestation::DeviceReleased>();
        lumen::attestation::release_expired_device(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad), x"0101010101010101");
        check<lumen::attestation::DeviceReleased>(n7_0, vector[x"0801010101010101017d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410000000000000000000000000000000000000000000000000000000000000bad02"], 107000);
        totals(start, vector<u64>[3, 2, 3, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    }

    // only attesters attest
    #[test]
    #[expected_failure(abort_code = 0x50001 /* ENotAttester */, location = lumen::attestation)]
    fun attestation_not_attester() {
        world();
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 0);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 0);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        totals(start, vector<u64>[0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 1: attestation::attest
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
    }

    // a score of 0 is no measurement
    #[test]
    #[expected_failure(abort_code = 0x1000f /* EInvalidReport */, location = lumen::attestation)]
    fun attestation_zero_score() {
        world();
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 0);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 0);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        totals(start, vector<u64>[0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 1: attestation::attest
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 0, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
    }

    // the key has 32 bytes
    #[test]
    #[expected_failure(abort_code = 0x10002 /* EInvalidPublicKey */, location = lumen::attestation)]
    fun attestation_short_public_key() {
        world();
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 0);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 0);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        totals(start, vector<u64>[0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 1: attestation::attest
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b3", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
    }

    // the signature has 64 bytes
    #[test]
    #[expected_failure(abort_code = 0x10005 /* EInvalidSignature */, location = lumen::attestation)]
    fun attestation_short_signature() {
        world();
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 0);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 0);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        totals(start, vector<u64>[0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 1: attestation::attest
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b215");
    }

    // the worker must have registered a device key
    #[test]
    #[expected_failure(abort_code = 0x60003 /* ENoDeviceKey */, location = lumen::attestation)]
    fun attestation_no_device_key() {
        world();
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 0);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 0);
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: attestation::attest
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
    }

    // the key is the worker's registered device key
    #[test]
    #[expected_failure(abort_code = 0x10004 /* EPublicKeyMismatch */, location = lumen::attestation)]
    fun attestation_key_of_another() {
        world();
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 0);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 0);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        totals(start, vector<u64>[0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 1: attestation::attest
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"ed4928c628d1c2c6eae90338905995612959273a5c63f93636c14614ac8737d1", x"09d32d4f632e6433b751b87c8677e4d0c8e039eb948759c18a1a959514985dd492f77ae59414e96f1053620087ec1ce949a4e1487b4d757d6b39746a93a4f103");
    }

    // the signature covers the claimed VRAM
    #[test]
    #[expected_failure(abort_code = 0x10005 /* EInvalidSignature */, location = lumen::attestation)]
    fun attestation_tampered_report() {
        world();
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 0);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 0);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        totals(start, vector<u64>[0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 1: attestation::attest
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 16384, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
    }

    // a report older than report_max_age_secs
    #[test]
    #[expected_failure(abort_code = 0x10006 /* EStaleReport */, location = lumen::attestation)]
    fun attestation_stale_report() {
        world();
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 0);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 0);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        totals(start, vector<u64>[0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 1: attestation::attest
        aptos_framework::timestamp::update_global_time_for_test_secs(1728007200);
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728003599, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"2600dba05df5d4c5bcdb50d1e37ea11e7d2630f698c334f977d8dea4aa260876d8c26fa273d77fa9e188246ac2c6b42dfa36e13a7f7e5f50c08b2fa0f3494507");
    }

    // a report more than 300 s ahead
    #[test]
    #[expected_failure(abort_code = 0x10007 /* EFutureReport */, location = lumen::attestation)]
    fun attestation_future_report() {
        world();
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 0);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 0);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        totals(start, vector<u64>[0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 1: attestation::attest
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000301, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"09bdcdaaf54baea35275a9cb773603c349806da70f21c9801440d7b9a2f23b6d190932e0fadad034f5b551c00b7d75e5a81f0a2086dbe6df89cb43a34917e507");
    }

    // a nonce below the last one starts no round
    #[test]
    #[expected_failure(abort_code = 0x10008 /* ENonceTooLow */, location = lumen::attestation)]
    fun attestation_nonce_reused() {
        world();
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 0);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 0);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: attestation::attest
        let n2_0 = count<lumen::attestation::AttestationSubmitted>();
        let n2_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 2, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"aca06f813abb65a365dec84e75fe1f0576dd0922a216323206864f52c1ae59a28863a8fbd45946fe8906d0b42ebf87342b7104f0b957ebd3e093ce09eb7b7104");
        check<lumen::attestation::AttestationSubmitted>(n2_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4102000000000000002014470cfa1b9e5a15c5dd52712122c4a25dd79c73239c3b69a212cf6a522c74ba301425000000000001000000000000000100000000000000"], 102000);
        check<lumen::attestation::ScoreAttested>(n2_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000002000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 102100);
        totals(start, vector<u64>[2, 1, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 3: attestation::attest
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
    }

    // one device, one worker
    #[test]
    #[expected_failure(abort_code = 0x80009 /* EDeviceBound */, location = lumen::attestation)]
    fun attestation_device_of_another() {
        world();
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 0);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 0);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: attestation::register_device_key
        let n2_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d), x"ed4928c628d1c2c6eae90338905995612959273a5c63f93636c14614ac8737d1");
        check<lumen::attestation::DeviceKeyRegistered>(n2_0, vector[x"f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d20ed4928c628d1c2c6eae90338905995612959273a5c63f93636c14614ac8737d100"], 102000);
        totals(start, vector<u64>[1, 2, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 3: attestation::attest
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"ed4928c628d1c2c6eae90338905995612959273a5c63f93636c14614ac8737d1", x"fa118d4ff02a89b5d3468dab3d155f7ef0b170247aedd03016596f5160308d3ff0188b42df9fb55347804da2f7ad073ff0e04ce598f468b204adce698c710501");
    }

    // approvals of one nonce are for one report
    #[test]
    #[expected_failure(abort_code = 0x1000a /* EReportMismatch */, location = lumen::attestation)]
    fun attestation_report_mismatch() {
        world();
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 0);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 0);
        let start = counts();
        // 0: config::set_param
        let n0_0 = count<lumen::config::ParamChangeQueued>();
        lumen::config::set_param(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), std::string::utf8(b"attester_threshold"), 2);
        check<lumen::config::ParamChangeQueued>(n0_0, vector[x"1261747465737465725f7468726573686f6c64010000000000000002000000000000008081006700000000"], 100000);
        // 1: config::apply_param
        aptos_framework::timestamp::update_global_time_for_test_secs(1728086400);
        let n1_0 = count<lumen::config::ParamsUpdated>();
        lumen::config::apply_param(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000a99), std::string::utf8(b"attester_threshold"));
        check<lumen::config::ParamsUpdated>(n1_0, vector[x"1261747465737465725f7468726573686f6c6401000000000000000200000000000000"], 101000);
        // 2: config::add_attester
        let n2_0 = count<lumen::config::AttesterAdded>();
        lumen::config::add_attester(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), @0x0000000000000000000000000000000000000000000000000000000000007004);
        check<lumen::config::AttesterAdded>(n2_0, vector[x"0000000000000000000000000000000000000000000000000000000000007004"], 102000);
        // 3: config::add_attester
        let n3_0 = count<lumen::config::AttesterAdded>();
        lumen::config::add_attester(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), @0x0000000000000000000000000000000000000000000000000000000000007005);
        check<lumen::config::AttesterAdded>(n3_0, vector[x"0000000000000000000000000000000000000000000000000000000000007005"], 103000);
        // 4: attestation::register_device_key
        let n4_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n4_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 104000);
        // 5: attestation::attest
        let n5_0 = count<lumen::attestation::AttestationSubmitted>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728086400, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"76b9b6fdee65e0c3def78c8294f5e50d2b69b8e68c469b820c890fa2dc42d33cf1a59081b1fbbb1a775f5bdaa9674a535fc5152e7933cef846fd01188ce8f902");
        check<lumen::attestation::AttestationSubmitted>(n5_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020c57e73fb1e9b927ba4845103f5edc262b1862cd975cffa45bff9806d69ee3f33301425000000000001000000000000000200000000000000"], 105000);
        totals(start, vector<u64>[1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 6: attestation::attest
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007004), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 16384, 2430000, 1, 1, 1728086400, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"b4337047549a020b2bed5cb440fd151813cf8d6fcc144c71305b408e824ed1c060da770ee434a041a02fc130185649bb4027e96f3249cb59fb0ba5800b469f05");
    }

    // an attester approves a report once
    #[test]
    #[expected_failure(abort_code = 0x8000b /* EAlreadyApproved */, location = lumen::attestation)]
    fun attestation_approved_twice() {
        world();
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 0);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 0);
        let start = counts();
        // 0: config::set_param
        let n0_0 = count<lumen::config::ParamChangeQueued>();
        lumen::config::set_param(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), std::string::utf8(b"attester_threshold"), 2);
        check<lumen::config::ParamChangeQueued>(n0_0, vector[x"1261747465737465725f7468726573686f6c64010000000000000002000000000000008081006700000000"], 100000);
        // 1: config::apply_param
        aptos_framework::timestamp::update_global_time_for_test_secs(1728086400);
        let n1_0 = count<lumen::config::ParamsUpdated>();
        lumen::config::apply_param(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000a99), std::string::utf8(b"attester_threshold"));
        check<lumen::config::ParamsUpdated>(n1_0, vector[x"1261747465737465725f7468726573686f6c6401000000000000000200000000000000"], 101000);
        // 2: config::add_attester
        let n2_0 = count<lumen::config::AttesterAdded>();
        lumen::config::add_attester(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), @0x0000000000000000000000000000000000000000000000000000000000007004);
        check<lumen::config::AttesterAdded>(n2_0, vector[x"0000000000000000000000000000000000000000000000000000000000007004"], 102000);
        // 3: config::add_attester
        let n3_0 = count<lumen::config::AttesterAdded>();
        lumen::config::add_attester(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), @0x0000000000000000000000000000000000000000000000000000000000007005);
        check<lumen::config::AttesterAdded>(n3_0, vector[x"0000000000000000000000000000000000000000000000000000000000007005"], 103000);
        // 4: attestation::register_device_key
        let n4_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n4_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 104000);
        // 5: attestation::attest
        let n5_0 = count<lumen::attestation::AttestationSubmitted>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728086400, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"76b9b6fdee65e0c3def78c8294f5e50d2b69b8e68c469b820c890fa2dc42d33cf1a59081b1fbbb1a775f5bdaa9674a535fc5152e7933cef846fd01188ce8f902");
        check<lumen::attestation::AttestationSubmitted>(n5_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020c57e73fb1e9b927ba4845103f5edc262b1862cd975cffa45bff9806d69ee3f33301425000000000001000000000000000200000000000000"], 105000);
        totals(start, vector<u64>[1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 6: attestation::attest
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430001, 1, 1, 1728086400, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"76b9b6fdee65e0c3def78c8294f5e50d2b69b8e68c469b820c890fa2dc42d33cf1a59081b1fbbb1a775f5bdaa9674a535fc5152e7933cef846fd01188ce8f902");
    }

    // only the admin or an attester revokes
    #[test]
    #[expected_failure(abort_code = 0x5000c /* ENotAuthorized */, location = lumen::attestation)]
    fun attestation_revoke_by_outsider() {
        world();
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 0);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 0);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 2: attestation::revoke
        lumen::attestation::revoke(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, std::string::utf8(b"no"));
    }

    // a worker never attested has no score to revoke
    #[test]
    #[expected_failure(abort_code = 0x6000d /* ENoScore */, location = lumen::attestation)]
    fun attestation_revoke_without_score() {
        world();
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 0);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 0);
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: attestation::revoke
        lumen::attestation::revoke(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, std::string::utf8(b"no"));
    }

    // a score is revoked once
    #[test]
    #[expected_failure(abort_code = 0x3000e /* EAlreadyRevoked */, location = lumen::attestation)]
    fun attestation_revoke_twice() {
        world();
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 0);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 0);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: attestation::revoke
        let n2_0 = count<lumen::attestation::RevocationSubmitted>();
        let n2_1 = count<lumen::attestation::ScoreRevoked>();
        lumen::attestation::revoke(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, std::string::utf8(b"first"));
        check<lumen::attestation::RevocationSubmitted>(n2_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000001000000000000000100000000000000"], 102000);
        check<lumen::attestation::ScoreRevoked>(n2_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410000000000000000000000000000000000000000000000000000000000007003056669727374"], 102100);
        totals(start, vector<u64>[1, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 3: attestation::revoke
        lumen::attestation::revoke(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, std::string::utf8(b"again"));
    }

    // a device key is a valid ed25519 point
    #[test]
    #[expected_failure(abort_code = 0x10002 /* EInvalidPublicKey */, location = lumen::attestation)]
    fun attestation_small_order_device_key() {
        world();
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 0);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 0);
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: attestation::register_device_key
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"0000000000000000000000000000000000000000000000000000000000000000");
    }

    // a device key belongs to one worker
    #[test]
    #[expected_failure(abort_code = 0x80010 /* EDeviceKeyTaken */, location = lumen::attestation)]
    fun attestation_device_key_taken() {
        world();
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 0);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 0);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        totals(start, vector<u64>[0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 1: attestation::register_device_key
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
    }

    // a device is released once
    #[test]
    #[expected_failure(abort_code = 0x60011 /* EDeviceNotBound */, location = lumen::attestation)]
    fun attestation_release_twice() {
        world();
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 0);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 0);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: attestation::release_device
        let n2_0 = count<lumen::attestation::DeviceReleased>();
        lumen::attestation::release_device(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41));
        check<lumen::attestation::DeviceReleased>(n2_0, vector[x"0801010101010101017d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c417d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4101"], 102000);
        totals(start, vector<u64>[1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 3: attestation::release_device
        lumen::attestation::release_device(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41));
    }

    // a device is released by anyone only long after its score expired
    #[test]
    #[expected_failure(abort_code = 0x30012 /* ENotReleasable */, location = lumen::attestation)]
    fun attestation_release_early() {
        world();
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 0);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 0);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 2: attestation::release_expired_device
        aptos_framework::timestamp::update_global_time_for_test_secs(1733183999);
        lumen::attestation::release_expired_device(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad), x"0101010101010101");
    }

    // only the admin unbinds
    #[test]
    #[expected_failure(abort_code = 0x50001 /* ENotAdmin */, location = lumen::config)]
    fun attestation_unbind_by_outsider() {
        world();
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 0);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 0);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 2: attestation::unbind_device
        lumen::attestation::unbind_device(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad), x"0101010101010101");
    }

    // settings before the start, referral shares, a streak up to a credit day, a social task, the on-chain leaderboard paid, the sweep
    #[test]
    fun campaign_whole_run() {
        world();
        account(@0xa73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f5, 10000000000);
        let start = counts();
        // 0: campaign::set_operator
        let n0_0 = count<lumen::campaign::CampaignConfigured>();
        lumen::campaign::set_operator(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), @0x000000000000000000000000000000000000000000000000000000000000000e);
        check<lumen::campaign::CampaignConfigured>(n0_0, vector[x"000000000000000000000000000000000000000000000000000000000000000e0000000000000000000000000000000040420f00000000000500c2eb0b0000000000e1f5050000000080f0fa0200000000809fd5000000000000127a0000000000"], 100000);
        // 1: campaign::set_credit_value
        let n1_0 = count<lumen::campaign::CampaignConfigured>();
        lumen::campaign::set_credit_value(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), 2000000);
        check<lumen::campaign::CampaignConfigured>(n1_0, vector[x"000000000000000000000000000000000000000000000000000000000000000e0000000000000000000000000000000080841e00000000000500c2eb0b0000000000e1f5050000000080f0fa0200000000809fd5000000000000127a0000000000"], 101000);
        // 2: campaign::set_tier_amounts
        let n2_0 = count<lumen::campaign::CampaignConfigured>();
        lumen::campaign::set_tier_amounts(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), vector<u64>[300000000, 100000000, 50000000, 10000000, 5000000]);
        check<lumen::campaign::CampaignConfigured>(n2_0, vector[x"000000000000000000000000000000000000000000000000000000000000000e0000000000000000000000000000000080841e00000000000500a3e1110000000000e1f5050000000080f0fa02000000008096980000000000404b4c0000000000"], 102000);
        // 3: campaign::set_period
        let n3_0 = count<lumen::campaign::CampaignConfigured>();
        lumen::campaign::set_period(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), 1728000000, 1728864000);
        check<lumen::campaign::CampaignConfigured>(n3_0, vector[x"000000000000000000000000000000000000000000000000000000000000000e0030ff6600000000005f0c670000000080841e00000000000500a3e1110000000000e1f5050000000080f0fa02000000008096980000000000404b4c0000000000"], 103000);
        // 4: campaign::fund
        let n4_0 = count<lumen::campaign::CampaignFunded>();
        lumen::campaign::fund(&lumen::test_helpers::signer_of(@0xa73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f5), 5000000000);
        check<lumen::campaign::CampaignFunded>(n4_0, vector[x"a73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f500f2052a0100000000f2052a01000000"], 104000);
        // 5: campaign::check_in
        let n5_0 = count<lumen::campaign::CheckedIn>();
        lumen::campaign::check_in(&lumen::test_helpers::signer_of(@0xa73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f5));
        check<lumen::campaign::CheckedIn>(n5_0, vector[x"a73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f5204e0000000000000100000000000000010000000000000040420f0000000000000000000000000040420f00000000000000000000000000"], 105000);
        // 6: campaign::register_referral
        let n6_0 = count<lumen::campaign::ReferralRegistered>();
        lumen::campaign::register_referral(&lumen::test_helpers::signer_of(@0x7d4a0ae87cd417f94052b01a3db4c7927167dba69efe311955d1a3864878eeb3), @0xa73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f5);
        check<lumen::campaign::ReferralRegistered>(n6_0, vector[x"7d4a0ae87cd417f94052b01a3db4c7927167dba69efe311955d1a3864878eeb3a73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f50030ff6600000000"], 106000);
        // 7: campaign::check_in
        let n7_0 = count<lumen::campaign::CheckedIn>();
        let n7_1 = count<lumen::campaign::ReferralPointsEarned>();
        lumen::campaign::check_in(&lumen::test_helpers::signer_of(@0x7d4a0ae87cd417f94052b01a3db4c7927167dba69efe311955d1a3864878eeb3));
        check<lumen::campaign::CheckedIn>(n7_0, vector[x"7d4a0ae87cd417f94052b01a3db4c7927167dba69efe311955d1a3864878eeb3204e0000000000000100000000000000010000000000000040420f0000000000000000000000000040420f00000000000000000000000000"], 107000);
        check<lumen::campaign::ReferralPointsEarned>(n7_1, vector[x"a73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f57d4a0ae87cd417f94052b01a3db4c7927167dba69efe311955d1a3864878eeb30040420f0000000000a086010000000000e0c8100000000000"], 107100);
        // 8: campaign::check_in
        aptos_framework::timestamp::update_global_time_for_test_secs(1728086400);
        let n8_0 = count<lumen::campaign::CheckedIn>();
        let n8_1 = count<lumen::campaign::ReferralPointsEarned>();
        lumen::campaign::check_in(&lumen::test_helpers::signer_of(@0x7d4a0ae87cd417f94052b01a3db4c7927167dba69efe311955d1a3864878eeb3));
        check<lumen::campaign::CheckedIn>(n8_0, vector[x"7d4a0ae87cd417f94052b01a3db4c7927167dba69efe311955d1a3864878eeb3214e0000000000000200000000000000020000000000000080841e00000000000000000000000000c0c62d00000000000000000000000000"], 108000);
        check<lumen::campaign::ReferralPointsEarned>(n8_1, vector[x"a73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f57d4a0ae87cd417f94052b01a3db4c7927167dba69efe311955d1a3864878eeb30080841e0000000000400d03000000000020d6130000000000"], 108100);
        // 9: campaign::check_in
        aptos_framework::timestamp::update_global_time_for_test_secs(1728172800);
        let n9_0 = count<lumen::campaign::CheckedIn>();
        let n9_1 = count<lumen::campaign::ReferralPointsEarned>();
        lumen::campaign::check_in(&lumen::test_helpers::signer_of(@0x7d4a0ae87cd417f94052b01a3db4c7927167dba69efe311955d1a3864878eeb3));
        check<lumen::campaign::CheckedIn>(n9_0, vector[x"7d4a0ae87cd417f94052b01a3db4c7927167dba69efe311955d1a3864878eeb3224e00000000000003000000000000000300000000000000c0c62d00000000000000000000000000808d5b00000000000000000000000000"], 109000);
        check<lumen::campaign::ReferralPointsEarned>(n9_1, vector[x"a73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f57d4a0ae87cd417f94052b01a3db4c7927167dba69efe311955d1a3864878eeb300c0c62d0000000000e093040000000000006a180000000000"], 109100);
        // 10: campaign::check_in
        aptos_framework::timestamp::update_global_time_for_test_secs(1728259200);
        let n10_0 = count<lumen::campaign::CheckedIn>();
        lumen::campaign::check_in(&lumen::test_helpers::signer_of(@0x7d4a0ae87cd417f94052b01a3db4c7927167dba69efe311955d1a3864878eeb3));
        check<lumen::campaign::CheckedIn>(n10_0, vector[x"7d4a0ae87cd417f94052b01a3db4c7927167dba69efe311955d1a3864878eeb3234e00000000000004000000000000000400000000000000000000000000000040420f0000000000808d5b000000000040420f0000000000"], 110000);
        // 11: campaign::grant_social_task
        aptos_framework::timestamp::update_global_time_for_test_secs(1728345600);
        let n11_0 = count<lumen::campaign::SocialTaskGranted>();
        let n11_1 = count<lumen::campaign::ReferralPointsEarned>();
        lumen::campaign::grant_social_task(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000000e), @0x7d4a0ae87cd417f94052b01a3db4c7927167dba69efe311955d1a3864878eeb3, 1, 5000000);
        check<lumen::campaign::SocialTaskGranted>(n11_0, vector[x"7d4a0ae87cd417f94052b01a3db4c7927167dba69efe311955d1a3864878eeb30100000000000000404b4c0000000000c0d8a70000000000000000000000000000000000000000000000000000000000000000000000000e"], 111000);
        check<lumen::campaign::ReferralPointsEarned>(n11_1, vector[x"a73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f57d4a0ae87cd417f94052b01a3db4c7927167dba69efe311955d1a3864878eeb301404b4c000000000020a1070000000000200b200000000000"], 111100);
        // 12: campaign::check_in
        let n12_0 = count<lumen::campaign::CheckedIn>();
        lumen::campaign::check_in(&lumen::test_helpers::signer_of(@0xd1895df8818b5d9a6620a59a50e7a873acde9114377eacc766a81eba18f17119));
        check<lumen::campaign::CheckedIn>(n12_0, vector[x"d1895df8818b5d9a6620a59a50e7a873acde9114377eacc766a81eba18f17119244e0000000000000100000000000000010000000000000040420f0000000000000000000000000040420f00000000000000000000000000"], 112000);
        // 13: campaign::pay_leaderboard
        aptos_framework::timestamp::update_global_time_for_test_secs(1728867600);
        let n13_0 = count<lumen::campaign::LeaderboardPaid>();
        lumen::campaign::pay_leaderboard(&lumen::test_helpers::signer_of(@0x00000000000000000000000000000000000000000000000000000000000009a7));
        check<lumen::campaign::LeaderboardPaid>(n13_0, vector[x"01000000000000007d4a0ae87cd417f94052b01a3db4c7927167dba69efe311955d1a3864878eeb3c0d8a70000000000000000000000000000a3e1110000000000a3e11100000000004f241801000000", x"0200000000000000a73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f5200b200000000000010000000000000000e1f505000000000084d71700000000006e2e1201000000", x"0300000000000000d1895df8818b5d9a6620a59a50e7a873acde9114377eacc766a81eba18f1711940420f0000000000010000000000000000e1f505000000000065cd1d00000000008d380c01000000"], 113000);
        // 14: campaign::sweep
        let n14_0 = count<lumen::campaign::PoolSwept>();
        lumen::campaign::sweep(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), 100000000);
        check<lumen::campaign::PoolSwept>(n14_0, vector[x"00e1f50500000000000000000000000000000000000000000000000000000000000000000000700100ac420601000000"], 114000);
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 4, 1, 6, 0, 3, 0, 1, 4, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    }

    // a job spends 0.1 credit of its creator when created and, paid, earns render points for both parties
    #[test]
    fun campaign_job_credit() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: campaign::set_operator
        let n0_0 = count<lumen::campaign::CampaignConfigured>();
        lumen::campaign::set_operator(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), @0x000000000000000000000000000000000000000000000000000000000000000e);
        check<lumen::campaign::CampaignConfigured>(n0_0, vector[x"000000000000000000000000000000000000000000000000000000000000000e0000000000000000000000000000000040420f00000000000500c2eb0b0000000000e1f5050000000080f0fa0200000000809fd5000000000000127a0000000000"], 100000);
        // 1: campaign::set_period
        let n1_0 = count<lumen::campaign::CampaignConfigured>();
        lumen::campaign::set_period(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), 1728000000, 1728864000);
        check<lumen::campaign::CampaignConfigured>(n1_0, vector[x"000000000000000000000000000000000000000000000000000000000000000e0030ff6600000000005f0c670000000040420f00000000000500c2eb0b0000000000e1f5050000000080f0fa0200000000809fd5000000000000127a0000000000"], 101000);
        // 2: campaign::check_in
        let n2_0 = count<lumen::campaign::CheckedIn>();
        lumen::campaign::check_in(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd));
        check<lumen::campaign::CheckedIn>(n2_0, vector[x"7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd204e0000000000000100000000000000010000000000000040420f0000000000000000000000000040420f00000000000000000000000000"], 102000);
        // 3: campaign::check_in
        aptos_framework::timestamp::update_global_time_for_test_secs(1728086400);
        let n3_0 = count<lumen::campaign::CheckedIn>();
        lumen::campaign::check_in(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd));
        check<lumen::campaign::CheckedIn>(n3_0, vector[x"7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd214e0000000000000200000000000000020000000000000080841e00000000000000000000000000c0c62d00000000000000000000000000"], 103000);
        // 4: campaign::check_in
        aptos_framework::timestamp::update_global_time_for_test_secs(1728172800);
        let n4_0 = count<lumen::campaign::CheckedIn>();
        lumen::campaign::check_in(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd));
        check<lumen::campaign::CheckedIn>(n4_0, vector[x"7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd224e00000000000003000000000000000300000000000000c0c62d00000000000000000000000000808d5b00000000000000000000000000"], 104000);
        // 5: campaign::check_in
        aptos_framework::timestamp::update_global_time_for_test_secs(1728259200);
        let n5_0 = count<lumen::campaign::CheckedIn>();
        lumen::campaign::check_in(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd));
        check<lumen::campaign::CheckedIn>(n5_0, vector[x"7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd234e00000000000004000000000000000400000000000000000000000000000040420f0000000000808d5b000000000040420f0000000000"], 105000);
        // 6: attestation::register_device_key
        aptos_framework::timestamp::update_global_time_for_test_secs(1728345600);
        let n6_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n6_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 106000);
        // 7: attestation::attest
        let n7_0 = count<lumen::attestation::AttestationSubmitted>();
        let n7_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728345600, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"7566bfa1d2e7bcbe94cd72afec9ebf192547911cc902c0ac04f42b31fa8986bcd8aafc7a9f75479a9aee957d260dd6184744b72faa173c714de02f877217720b");
        check<lumen::attestation::AttestationSubmitted>(n7_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410100000000000000203573a0777d6f2200606343b8b33d47ef2bcc39af197cd47c1c70d672999d0d5b301425000000000001000000000000000100000000000000"], 107000);
        check<lumen::attestation::ScoreAttested>(n7_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000076046700000000007604670000000000032c6700000000010000000000000000000000000000000000000000000000000000000000007003"], 107100);
        // 8: staking::set_price
        let n8_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n8_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 108000);
        // 9: staking::stake
        let n9_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n9_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 109000);
        // 10: escrow::create_job
        let n10_0 = count<lumen::escrow::JobCreated>();
        let n10_1 = count<lumen::campaign::CreditSpent>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 2, 3000000, 0, 0);
        check<lumen::escrow::JobCreated>(n10_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000200000000000000c0c62d000000000000000000000000000000000000000000808d5b00000000000076046700000000"], 110000);
        check<lumen::campaign::CreditSpent>(n10_1, vector[x"7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709a086010000000000a0bb0d0000000000"], 110100);
        // 11: escrow::accept_offer
        let n11_0 = count<lumen::staking::StakeLocked>();
        let n11_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 2000000, 1728352800, 1728349200, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"dd211143afd8a74f9e239e5c273810d580e5f9906826a3f3613e42a7149b1020b1de3ae941294a2ee7038847feace5d914c45dbfb5563f26f9fcdc1eb8113f0e");
        check<lumen::staking::StakeLocked>(n11_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900093d000000000000093d0000000000"], 111000);
        check<lumen::escrow::JobAssigned>(n11_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e000000000020920467000000000100000000000000301425000000000080841e0000000000007604670000000000093d0000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 111100);
        // 12: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728346200);
        let n12_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 2, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n12_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410200000000000000200707070707070707070707070707070707070707070707070707070707070707d86c08670000000058020000000000005878046700000000"], 112000);
        // 13: escrow::confirm
        let n13_0 = count<lumen::rewards::EpochFunded>();
        let n13_1 = count<lumen::staking::StakeUnlocked>();
        let n13_2 = count<lumen::rewards::LeaseRecorded>();
        let n13_3 = count<lumen::campaign::RenderPointsEarned>();
        let n13_4 = count<lumen::escrow::JobCompleted>();
        lumen::escrow::confirm(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 2);
        check<lumen::rewards::EpochFunded>(n13_0, vector[x"244e0000000000002587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709c027090000000000c027090000000000"], 113000);
        check<lumen::staking::StakeUnlocked>(n13_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900093d00000000000000000000000000"], 113100);
        check<lumen::rewards::LeaseRecorded>(n13_2, vector[x"244e0000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41580200000000000030142500000000008050e756000000000000000000000000"], 113200);
        check<lumen::campaign::RenderPointsEarned>(n13_3, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f7097df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd0000093d0000000000004786000000000080d4e10000000000", x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f7097d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410100093d000000000000478600000000000047860000000000"], 113300);
        check<lumen::escrow::JobCompleted>(n13_4, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41020000000000000000093d000000000000d430000000000000350c00000000000000000000000000580200000000000000"], 113400);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 2, 0, 4, 1, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
    }

    // only the operator grants tasks
    #[test]
    #[expected_failure(abort_code = 0x50001 /* ENotOperator */, location = lumen::campaign)]
    fun campaign_grant_by_another() {
        world();
        account(@0xa73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f5, 10000000000);
        let start = counts();
        // 0: campaign::set_operator
        let n0_0 = count<lumen::campaign::CampaignConfigured>();
        lumen::campaign::set_operator(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), @0x000000000000000000000000000000000000000000000000000000000000000e);
        check<lumen::campaign::CampaignConfigured>(n0_0, vector[x"000000000000000000000000000000000000000000000000000000000000000e0000000000000000000000000000000040420f00000000000500c2eb0b0000000000e1f5050000000080f0fa0200000000809fd5000000000000127a0000000000"], 100000);
        // 1: campaign::set_period
        let n1_0 = count<lumen::campaign::CampaignConfigured>();
        lumen::campaign::set_period(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), 1728000000, 1728864000);
        check<lumen::campaign::CampaignConfigured>(n1_0, vector[x"000000000000000000000000000000000000000000000000000000000000000e0030ff6600000000005f0c670000000040420f00000000000500c2eb0b0000000000e1f5050000000080f0fa0200000000809fd5000000000000127a0000000000"], 101000);
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 2: campaign::grant_social_task
        lumen::campaign::grant_social_task(&lumen::test_helpers::signer_of(@0xa73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f5), @0x7d4a0ae87cd417f94052b01a3db4c7927167dba69efe311955d1a3864878eeb3, 1, 1000000);
    }

    // nothing is accepted before the period is set
    #[test]
    #[expected_failure(abort_code = 0x30002 /* ENotActive */, location = lumen::campaign)]
    fun campaign_check_in_without_period() {
        world();
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: campaign::check_in
        lumen::campaign::check_in(&lumen::test_helpers::signer_of(@0x7d4a0ae87cd417f94052b01a3db4c7927167dba69efe311955d1a3864878eeb3));
    }

    // one check-in per UTC day
    #[test]
    #[expected_failure(abort_code = 0x80003 /* EAlreadyCheckedIn */, location = lumen::campaign)]
    fun campaign_check_in_twice() {
        world();
        account(@0xa73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f5, 10000000000);
        let start = counts();
        // 0: campaign::set_operator
        let n0_0 = count<lumen::campaign::CampaignConfigured>();
        lumen::campaign::set_operator(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), @0x000000000000000000000000000000000000000000000000000000000000000e);
        check<lumen::campaign::CampaignConfigured>(n0_0, vector[x"000000000000000000000000000000000000000000000000000000000000000e0000000000000000000000000000000040420f00000000000500c2eb0b0000000000e1f5050000000080f0fa0200000000809fd5000000000000127a0000000000"], 100000);
        // 1: campaign::set_period
        let n1_0 = count<lumen::campaign::CampaignConfigured>();
        lumen::campaign::set_period(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), 1728000000, 1728864000);
        check<lumen::campaign::CampaignConfigured>(n1_0, vector[x"000000000000000000000000000000000000000000000000000000000000000e0030ff6600000000005f0c670000000040420f00000000000500c2eb0b0000000000e1f5050000000080f0fa0200000000809fd5000000000000127a0000000000"], 101000);
        // 2: campaign::check_in
        let n2_0 = count<lumen::campaign::CheckedIn>();
        lumen::campaign::check_in(&lumen::test_helpers::signer_of(@0x7d4a0ae87cd417f94052b01a3db4c7927167dba69efe311955d1a3864878eeb3));
        check<lumen::campaign::CheckedIn>(n2_0, vector[x"7d4a0ae87cd417f94052b01a3db4c7927167dba69efe311955d1a3864878eeb3204e0000000000000100000000000000010000000000000040420f0000000000000000000000000040420f00000000000000000000000000"], 102000);
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 2, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 3: campaign::check_in
        aptos_framework::timestamp::update_global_time_for_test_secs(1728086399);
        lumen::campaign::check_in(&lumen::test_helpers::signer_of(@0x7d4a0ae87cd417f94052b01a3db4c7927167dba69efe311955d1a3864878eeb3));
    }

    // funding is above zero
    #[test]
    #[expected_failure(abort_code = 0x10006 /* EZeroAmount */, location = lumen::campaign)]
    fun campaign_fund_zero() {
        world();
        account(@0xa73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f5, 10000000000);
        let start = counts();
        // 0: campaign::set_operator
        let n0_0 = count<lumen::campaign::CampaignConfigured>();
        lumen::campaign::set_operator(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), @0x000000000000000000000000000000000000000000000000000000000000000e);
        check<lumen::campaign::CampaignConfigured>(n0_0, vector[x"000000000000000000000000000000000000000000000000000000000000000e0000000000000000000000000000000040420f00000000000500c2eb0b0000000000e1f5050000000080f0fa0200000000809fd5000000000000127a0000000000"], 100000);
        // 1: campaign::set_period
        let n1_0 = count<lumen::campaign::CampaignConfigured>();
        lumen::campaign::set_period(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), 1728000000, 1728864000);
        check<lumen::campaign::CampaignConfigured>(n1_0, vector[x"000000000000000000000000000000000000000000000000000000000000000e0030ff6600000000005f0c670000000040420f00000000000500c2eb0b0000000000e1f5050000000080f0fa0200000000809fd5000000000000127a0000000000"], 101000);
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 2: campaign::fund
        lumen::campaign::fund(&lumen::test_helpers::signer_of(@0xa73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f5), 0);
    }

    // a task is granted once per user
    #[test]
    #[expected_failure(abort_code = 0x80007 /* ETaskAlreadyGranted */, location = lumen::campaign)]
    fun campaign_task_twice() {
        world();
        account(@0xa73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f5, 10000000000);
        let start = counts();
        // 0: campaign::set_operator
        let n0_0 = count<lumen::campaign::CampaignConfigured>();
        lumen::campaign::set_operator(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), @0x000000000000000000000000000000000000000000000000000000000000000e);
        check<lumen::campaign::CampaignConfigured>(n0_0, vector[x"000000000000000000000000000000000000000000000000000000000000000e0000000000000000000000000000000040420f00000000000500c2eb0b0000000000e1f5050000000080f0fa0200000000809fd5000000000000127a0000000000"], 100000);
        // 1: campaign::set_period
        let n1_0 = count<lumen::campaign::CampaignConfigured>();
        lumen::campaign::set_period(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), 1728000000, 1728864000);
        check<lumen::campaign::CampaignConfigured>(n1_0, vector[x"000000000000000000000000000000000000000000000000000000000000000e0030ff6600000000005f0c670000000040420f00000000000500c2eb0b0000000000e1f5050000000080f0fa0200000000809fd5000000000000127a0000000000"], 101000);
        // 2: campaign::grant_social_task
        let n2_0 = count<lumen::campaign::SocialTaskGranted>();
        lumen::campaign::grant_social_task(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000000e), @0x7d4a0ae87cd417f94052b01a3db4c7927167dba69efe311955d1a3864878eeb3, 3, 1000000);
        check<lumen::campaign::SocialTaskGranted>(n2_0, vector[x"7d4a0ae87cd417f94052b01a3db4c7927167dba69efe311955d1a3864878eeb3030000000000000040420f000000000040420f0000000000000000000000000000000000000000000000000000000000000000000000000e"], 102000);
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 3: campaign::grant_social_task
        lumen::campaign::grant_social_task(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000000e), @0x7d4a0ae87cd417f94052b01a3db4c7927167dba69efe311955d1a3864878eeb3, 3, 1000000);
    }

    // a task is worth something
    #[test]
    #[expected_failure(abort_code = 0x10008 /* EZeroPoints */, location = lumen::campaign)]
    fun campaign_task_zero_points() {
        world();
        account(@0xa73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f5, 10000000000);
        let start = counts();
        // 0: campaign::set_operator
        let n0_0 = count<lumen::campaign::CampaignConfigured>();
        lumen::campaign::set_operator(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), @0x000000000000000000000000000000000000000000000000000000000000000e);
        check<lumen::campaign::CampaignConfigured>(n0_0, vector[x"000000000000000000000000000000000000000000000000000000000000000e0000000000000000000000000000000040420f00000000000500c2eb0b0000000000e1f5050000000080f0fa0200000000809fd5000000000000127a0000000000"], 100000);
        // 1: campaign::set_period
        let n1_0 = count<lumen::campaign::CampaignConfigured>();
        lumen::campaign::set_period(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), 1728000000, 1728864000);
        check<lumen::campaign::CampaignConfigured>(n1_0, vector[x"000000000000000000000000000000000000000000000000000000000000000e0030ff6600000000005f0c670000000040420f00000000000500c2eb0b0000000000e1f5050000000080f0fa0200000000809fd5000000000000127a0000000000"], 101000);
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 2: campaign::grant_social_task
        lumen::campaign::grant_social_task(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000000e), @0x7d4a0ae87cd417f94052b01a3db4c7927167dba69efe311955d1a3864878eeb3, 3, 0);
    }

    // a referrer is registered once
    #[test]
    #[expected_failure(abort_code = 0x80009 /* EAlreadyReferred */, location = lumen::campaign)]
    fun campaign_referred_twice() {
        world();
        account(@0xa73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f5, 10000000000);
        let start = counts();
        // 0: campaign::set_operator
        let n0_0 = count<lumen::campaign::CampaignConfigured>();
        lumen::campaign::set_operator(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), @0x000000000000000000000000000000000000000000000000000000000000000e);
        check<lumen::campaign::CampaignConfigured>(n0_0, vector[x"000000000000000000000000000000000000000000000000000000000000000e0000000000000000000000000000000040420f00000000000500c2eb0b0000000000e1f5050000000080f0fa0200000000809fd5000000000000127a0000000000"], 100000);
        // 1: campaign::set_period
        let n1_0 = count<lumen::campaign::CampaignConfigured>();
        lumen::campaign::set_period(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), 1728000000, 1728864000);
        check<lumen::campaign::CampaignConfigured>(n1_0, vector[x"000000000000000000000000000000000000000000000000000000000000000e0030ff6600000000005f0c670000000040420f00000000000500c2eb0b0000000000e1f5050000000080f0fa0200000000809fd5000000000000127a0000000000"], 101000);
        // 2: campaign::check_in
        let n2_0 = count<lumen::campaign::CheckedIn>();
        lumen::campaign::check_in(&lumen::test_helpers::signer_of(@0xa73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f5));
        check<lumen::campaign::CheckedIn>(n2_0, vector[x"a73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f5204e0000000000000100000000000000010000000000000040420f0000000000000000000000000040420f00000000000000000000000000"], 102000);
        // 3: campaign::check_in
        let n3_0 = count<lumen::campaign::CheckedIn>();
        lumen::campaign::check_in(&lumen::test_helpers::signer_of(@0xd1895df8818b5d9a6620a59a50e7a873acde9114377eacc766a81eba18f17119));
        check<lumen::campaign::CheckedIn>(n3_0, vector[x"d1895df8818b5d9a6620a59a50e7a873acde9114377eacc766a81eba18f17119204e0000000000000100000000000000010000000000000040420f0000000000000000000000000040420f00000000000000000000000000"], 103000);
        // 4: campaign::register_referral
        let n4_0 = count<lumen::campaign::ReferralRegistered>();
        lumen::campaign::register_referral(&lumen::test_helpers::signer_of(@0x7d4a0ae87cd417f94052b01a3db4c7927167dba69efe311955d1a3864878eeb3), @0xa73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f5);
        check<lumen::campaign::ReferralRegistered>(n4_0, vector[x"7d4a0ae87cd417f94052b01a3db4c7927167dba69efe311955d1a3864878eeb3a73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f50030ff6600000000"], 104000);
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 2, 0, 2, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 5: campaign::register_referral
        lumen::campaign::register_referral(&lumen::test_helpers::signer_of(@0x7d4a0ae87cd417f94052b01a3db4c7927167dba69efe311955d1a3864878eeb3), @0xd1895df8818b5d9a6620a59a50e7a873acde9114377eacc766a81eba18f17119);
    }

    // nobody refers itself
    #[test]
    #[expected_failure(abort_code = 0x1000a /* ESelfReferral */, location = lumen::campaign)]
    fun campaign_self_referral() {
        world();
        account(@0xa73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f5, 10000000000);
        let start = counts();
        // 0: campaign::set_operator
        let n0_0 = count<lumen::campaign::CampaignConfigured>();
        lumen::campaign::set_operator(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), @0x000000000000000000000000000000000000000000000000000000000000000e);
        check<lumen::campaign::CampaignConfigured>(n0_0, vector[x"000000000000000000000000000000000000000000000000000000000000000e0000000000000000000000000000000040420f00000000000500c2eb0b0000000000e1f5050000000080f0fa0200000000809fd5000000000000127a0000000000"], 100000);
        // 1: campaign::set_period
        let n1_0 = count<lumen::campaign::CampaignConfigured>();
        lumen::campaign::set_period(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), 1728000000, 1728864000);
        check<lumen::campaign::CampaignConfigured>(n1_0, vector[x"000000000000000000000000000000000000000000000000000000000000000e0030ff6600000000005f0c670000000040420f00000000000500c2eb0b0000000000e1f5050000000080f0fa0200000000809fd5000000000000127a0000000000"], 101000);
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 2: campaign::register_referral
        lumen::campaign::register_referral(&lumen::test_helpers::signer_of(@0x7d4a0ae87cd417f94052b01a3db4c7927167dba69efe311955d1a3864878eeb3), @0x7d4a0ae87cd417f94052b01a3db4c7927167dba69efe311955d1a3864878eeb3);
    }

    // a referral points to an earlier participant: a loop cannot close
    #[test]
    #[expected_failure(abort_code = 0x1000b /* ECircularReferral */, location = lumen::campaign)]
    fun campaign_circular_referral() {
        world();
        account(@0xa73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f5, 10000000000);
        let start = counts();
        // 0: campaign::set_operator
        let n0_0 = count<lumen::campaign::CampaignConfigured>();
        lumen::campaign::set_operator(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), @0x000000000000000000000000000000000000000000000000000000000000000e);
        check<lumen::campaign::CampaignConfigured>(n0_0, vector[x"000000000000000000000000000000000000000000000000000000000000000e0000000000000000000000000000000040420f00000000000500c2eb0b0000000000e1f5050000000080f0fa0200000000809fd5000000000000127a0000000000"], 100000);
        // 1: campaign::set_period
        let n1_0 = count<lumen::campaign::CampaignConfigured>();
        lumen::campaign::set_period(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), 1728000000, 1728864000);
        check<lumen::campaign::CampaignConfigured>(n1_0, vector[x"000000000000000000000000000000000000000000000000000000000000000e0030ff6600000000005f0c670000000040420f00000000000500c2eb0b0000000000e1f5050000000080f0fa0200000000809fd5000000000000127a0000000000"], 101000);
        // 2: campaign::check_in
        let n2_0 = count<lumen::campaign::CheckedIn>();
        lumen::campaign::check_in(&lumen::test_helpers::signer_of(@0xa73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f5));
        check<lumen::campaign::CheckedIn>(n2_0, vector[x"a73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f5204e0000000000000100000000000000010000000000000040420f0000000000000000000000000040420f00000000000000000000000000"], 102000);
        // 3: campaign::register_referral
        let n3_0 = count<lumen::campaign::ReferralRegistered>();
        lumen::campaign::register_referral(&lumen::test_helpers::signer_of(@0x7d4a0ae87cd417f94052b01a3db4c7927167dba69efe311955d1a3864878eeb3), @0xa73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f5);
        check<lumen::campaign::ReferralRegistered>(n3_0, vector[x"7d4a0ae87cd417f94052b01a3db4c7927167dba69efe311955d1a3864878eeb3a73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f50030ff6600000000"], 103000);
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 2, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 4: campaign::register_referral
        lumen::campaign::register_referral(&lumen::test_helpers::signer_of(@0xa73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f5), @0x7d4a0ae87cd417f94052b01a3db4c7927167dba69efe311955d1a3864878eeb3);
    }

    // the leaderboard is paid once
    #[test]
    #[expected_failure(abort_code = 0x80011 /* EAlreadyPaid */, location = lumen::campaign)]
    fun campaign_paid_twice() {
        world();
        account(@0xa73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f5, 10000000000);
        let start = counts();
        // 0: campaign::set_operator
        let n0_0 = count<lumen::campaign::CampaignConfigured>();
        lumen::campaign::set_operator(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), @0x000000000000000000000000000000000000000000000000000000000000000e);
        check<lumen::campaign::CampaignConfigured>(n0_0, vector[x"000000000000000000000000000000000000000000000000000000000000000e0000000000000000000000000000000040420f00000000000500c2eb0b0000000000e1f5050000000080f0fa0200000000809fd5000000000000127a0000000000"], 100000);
        // 1: campaign::set_period
        let n1_0 = count<lumen::campaign::CampaignConfigured>();
        lumen::campaign::set_period(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), 1728000000, 1728864000);
        check<lumen::campaign::CampaignConfigured>(n1_0, vector[x"000000000000000000000000000000000000000000000000000000000000000e0030ff6600000000005f0c670000000040420f00000000000500c2eb0b0000000000e1f5050000000080f0fa0200000000809fd5000000000000127a0000000000"], 101000);
        // 2: campaign::fund
        let n2_0 = count<lumen::campaign::CampaignFunded>();
        lumen::campaign::fund(&lumen::test_helpers::signer_of(@0xa73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f5), 1000000000);
        check<lumen::campaign::CampaignFunded>(n2_0, vector[x"a73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f500ca9a3b0000000000ca9a3b00000000"], 102000);
        // 3: campaign::check_in
        let n3_0 = count<lumen::campaign::CheckedIn>();
        lumen::campaign::check_in(&lumen::test_helpers::signer_of(@0x7d4a0ae87cd417f94052b01a3db4c7927167dba69efe311955d1a3864878eeb3));
        check<lumen::campaign::CheckedIn>(n3_0, vector[x"7d4a0ae87cd417f94052b01a3db4c7927167dba69efe311955d1a3864878eeb3204e0000000000000100000000000000010000000000000040420f0000000000000000000000000040420f00000000000000000000000000"], 103000);
        // 4: campaign::pay_leaderboard
        aptos_framework::timestamp::update_global_time_for_test_secs(1728867600);
        let n4_0 = count<lumen::campaign::LeaderboardPaid>();
        lumen::campaign::pay_leaderboard(&lumen::test_helpers::signer_of(@0x00000000000000000000000000000000000000000000000000000000000009a7));
        check<lumen::campaign::LeaderboardPaid>(n4_0, vector[x"01000000000000007d4a0ae87cd417f94052b01a3db4c7927167dba69efe311955d1a3864878eeb340420f0000000000000000000000000000c2eb0b0000000000c2eb0b000000000008af2f00000000"], 104000);
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 2, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 5: campaign::pay_leaderboard
        lumen::campaign::pay_leaderboard(&lumen::test_helpers::signer_of(@0x00000000000000000000000000000000000000000000000000000000000009a7));
    }

    // the leaderboard is paid after the end and a grace period
    #[test]
    #[expected_failure(abort_code = 0x30012 /* ENotEnded */, location = lumen::campaign)]
    fun campaign_paid_early() {
        world();
        account(@0xa73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f5, 10000000000);
        let start = counts();
        // 0: campaign::set_operator
        let n0_0 = count<lumen::campaign::CampaignConfigured>();
        lumen::campaign::set_operator(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), @0x000000000000000000000000000000000000000000000000000000000000000e);
        check<lumen::campaign::CampaignConfigured>(n0_0, vector[x"000000000000000000000000000000000000000000000000000000000000000e0000000000000000000000000000000040420f00000000000500c2eb0b0000000000e1f5050000000080f0fa0200000000809fd5000000000000127a0000000000"], 100000);
        // 1: campaign::set_period
        let n1_0 = count<lumen::campaign::CampaignConfigured>();
        lumen::campaign::set_period(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), 1728000000, 1728864000);
        check<lumen::campaign::CampaignConfigured>(n1_0, vector[x"000000000000000000000000000000000000000000000000000000000000000e0030ff6600000000005f0c670000000040420f00000000000500c2eb0b0000000000e1f5050000000080f0fa0200000000809fd5000000000000127a0000000000"], 101000);
        // 2: campaign::fund
        let n2_0 = count<lumen::campaign::CampaignFunded>();
        lumen::campaign::fund(&lumen::test_helpers::signer_of(@0xa73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f5), 1000000000);
        check<lumen::campaign::CampaignFunded>(n2_0, vector[x"a73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f500ca9a3b0000000000ca9a3b00000000"], 102000);
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 3: campaign::pay_leaderboard
        aptos_framework::timestamp::update_global_time_for_test_secs(1728867599);
        lumen::campaign::pay_leaderboard(&lumen::test_helpers::signer_of(@0x00000000000000000000000000000000000000000000000000000000000009a7));
    }

    // the pool covers the whole payout
    #[test]
    #[expected_failure(abort_code = 0x30005 /* EInsufficientPool */, location = lumen::campaign)]
    fun campaign_payout_above_pool() {
        world();
        account(@0xa73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f5, 10000000000);
        let start = counts();
        // 0: campaign::set_operator
        let n0_0 = count<lumen::campaign::CampaignConfigured>();
        lumen::campaign::set_operator(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), @0x000000000000000000000000000000000000000000000000000000000000000e);
        check<lumen::campaign::CampaignConfigured>(n0_0, vector[x"000000000000000000000000000000000000000000000000000000000000000e0000000000000000000000000000000040420f00000000000500c2eb0b0000000000e1f5050000000080f0fa0200000000809fd5000000000000127a0000000000"], 100000);
        // 1: campaign::set_period
        let n1_0 = count<lumen::campaign::CampaignConfigured>();
        lumen::campaign::set_period(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), 1728000000, 1728864000);
        check<lumen::campaign::CampaignConfigured>(n1_0, vector[x"000000000000000000000000000000000000000000000000000000000000000e0030ff6600000000005f0c670000000040420f00000000000500c2eb0b0000000000e1f5050000000080f0fa0200000000809fd5000000000000127a0000000000"], 101000);
        // 2: campaign::fund
        let n2_0 = count<lumen::campaign::CampaignFunded>();
        lumen::campaign::fund(&lumen::test_helpers::signer_of(@0xa73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f5), 199999999);
        check<lumen::campaign::CampaignFunded>(n2_0, vector[x"a73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f5ffc1eb0b00000000ffc1eb0b00000000"], 102000);
        // 3: campaign::check_in
        let n3_0 = count<lumen::campaign::CheckedIn>();
        lumen::campaign::check_in(&lumen::test_helpers::signer_of(@0x7d4a0ae87cd417f94052b01a3db4c7927167dba69efe311955d1a3864878eeb3));
        check<lumen::campaign::CheckedIn>(n3_0, vector[x"7d4a0ae87cd417f94052b01a3db4c7927167dba69efe311955d1a3864878eeb3204e0000000000000100000000000000010000000000000040420f0000000000000000000000000040420f00000000000000000000000000"], 103000);
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 4: campaign::pay_leaderboard
        aptos_framework::timestamp::update_global_time_for_test_secs(1728867600);
        lumen::campaign::pay_leaderboard(&lumen::test_helpers::signer_of(@0x00000000000000000000000000000000000000000000000000000000000009a7));
    }

    // before the payout the pool keeps a full ranking's payout
    #[test]
    #[expected_failure(abort_code = 0x30005 /* EInsufficientPool */, location = lumen::campaign)]
    fun campaign_sweep_into_the_reserve() {
        world();
        account(@0xa73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f5, 10000000000);
        let start = counts();
        // 0: campaign::set_operator
        let n0_0 = count<lumen::campaign::CampaignConfigured>();
        lumen::campaign::set_operator(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), @0x000000000000000000000000000000000000000000000000000000000000000e);
        check<lumen::campaign::CampaignConfigured>(n0_0, vector[x"000000000000000000000000000000000000000000000000000000000000000e0000000000000000000000000000000040420f00000000000500c2eb0b0000000000e1f5050000000080f0fa0200000000809fd5000000000000127a0000000000"], 100000);
        // 1: campaign::set_period
        let n1_0 = count<lumen::campaign::CampaignConfigured>();
        lumen::campaign::set_period(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), 1728000000, 1728864000);
        check<lumen::campaign::CampaignConfigured>(n1_0, vector[x"000000000000000000000000000000000000000000000000000000000000000e0030ff6600000000005f0c670000000040420f00000000000500c2eb0b0000000000e1f5050000000080f0fa0200000000809fd5000000000000127a0000000000"], 101000);
        // 2: campaign::fund
        let n2_0 = count<lumen::campaign::CampaignFunded>();
        lumen::campaign::fund(&lumen::test_helpers::signer_of(@0xa73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f5), 1990000000);
        check<lumen::campaign::CampaignFunded>(n2_0, vector[x"a73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f580fd9c760000000080fd9c7600000000"], 102000);
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 3: campaign::sweep
        lumen::campaign::sweep(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), 1);
    }

    // the credit value cannot change under the participants
    #[test]
    #[expected_failure(abort_code = 0x30017 /* EAlreadyStarted */, location = lumen::campaign)]
    fun campaign_terms_fixed_once_started() {
        world();
        account(@0xa73a5a6f6413613f8f878816e2cf892f804fd95c84e18e1d538f2fbf0f8b08f5, 10000000000);
        let start = counts();
        // 0: campaign::set_operator
        let n0_0 = count<lumen::campaign::CampaignConfigured>();
        lumen::campaign::set_operator(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), @0x000000000000000000000000000000000000000000000000000000000000000e);
        check<lumen::campaign::CampaignConfigured>(n0_0, vector[x"000000000000000000000000000000000000000000000000000000000000000e0000000000000000000000000000000040420f00000000000500c2eb0b0000000000e1f5050000000080f0fa0200000000809fd5000000000000127a0000000000"], 100000);
        // 1: campaign::set_period
        let n1_0 = count<lumen::campaign::CampaignConfigured>();
        lumen::campaign::set_period(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), 1728000000, 1728864000);
        check<lumen::campaign::CampaignConfigured>(n1_0, vector[x"000000000000000000000000000000000000000000000000000000000000000e0030ff6600000000005f0c670000000040420f00000000000500c2eb0b0000000000e1f5050000000080f0fa0200000000809fd5000000000000127a0000000000"], 101000);
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 2: campaign::set_credit_value
        lumen::campaign::set_credit_value(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), 2000000);
    }

    // a period starts before it ends
    #[test]
    #[expected_failure(abort_code = 0x10013 /* EBadPeriod */, location = lumen::campaign)]
    fun campaign_empty_period() {
        world();
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: campaign::set_period
        lumen::campaign::set_period(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), 10, 10);
    }

    // five tier amounts
    #[test]
    #[expected_failure(abort_code = 0x10014 /* EBadTiers */, location = lumen::campaign)]
    fun campaign_four_tiers() {
        world();
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: campaign::set_tier_amounts
        lumen::campaign::set_tier_amounts(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), vector<u64>[4, 3, 2, 1]);
    }

    // the operator is never @0x0
    #[test]
    #[expected_failure(abort_code = 0x10016 /* EZeroAddress */, location = lumen::campaign)]
    fun campaign_zero_operator() {
        world();
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: campaign::set_operator
        lumen::campaign::set_operator(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), @0x0000000000000000000000000000000000000000000000000000000000000000);
    }

    // initialize emits ConfigInitialized, ArbiterAdded and one ParamsUpdated per parameter
    #[test]
    fun config_initialize_sets_every_default() {
        uninitialized();
        let start = counts();
        // 0: config::initialize
        let n0_0 = count<lumen::config::ConfigInitialized>();
        let n0_1 = count<lumen::config::ArbiterAdded>();
        let n0_2 = count<lumen::config::ParamsUpdated>();
        lumen::config::initialize(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), aptos_framework::object::address_to_object<aptos_framework::fungible_asset::Metadata>(@0xc00dc77a39d32100ee73bfdbd0f4dbf4c5cb2e965c84301dcedfdfd659d23204), @0x0000000000000000000000000000000000000000000000000000000000007001, @0x0000000000000000000000000000000000000000000000000000000000007002);
        check<lumen::config::ConfigInitialized>(n0_0, vector[x"000000000000000000000000000000000000000000000000000000000000cafec00dc77a39d32100ee73bfdbd0f4dbf4c5cb2e965c84301dcedfdfd659d232040000000000000000000000000000000000000000000000000000000000007001000000000000000000000000000000000000000000000000000000000000700206"], 100000);
        check<lumen::config::ArbiterAdded>(n0_1, vector[x"0000000000000000000000000000000000000000000000000000000000007002"], 100100);
        check<lumen::config::ParamsUpdated>(n0_2, vector[x"0a65706f63685f7365637300000000000000008051010000000000", x"1065706f63685f67726163655f736563730000000000000000100e000000000000", x"0c7374616b655f666163746f7200000000000000000200000000000000", x"0e756e626f6e64696e675f736563730000000000000000803a090000000000", x"1373636f72655f76616c69646974795f736563730000000000000000008d270000000000", x"137265706f72745f6d61785f6167655f736563730000000000000000100e000000000000", x"1261747465737465725f7468726573686f6c6400000000000000000100000000000000", x"15776f726b65725f636f6d6d697373696f6e5f6270730000000000000000401f000000000000", x"127265766965775f77696e646f775f73656373000000000000000080f4030000000000", x"0d6d61785f726572656e6465727300000000000000000200000000000000", x"09736c6173685f6270730000000000000000e803000000000000", x"14646973707574655f74696d656f75745f7365637300000000000000000075120000000000", x"0d706f645f73686172655f62707300000000000000008813000000000000", x"117669705f63726561746f725f7370656e64000000000000000000f2052a01000000", x"0f7669705f776f726b65725f6461797300000000000000001e00000000000000", x"177669705f776f726b65725f6d696e5f6176675f73656373000000000000000000e1000000000000", x"187669705f776f726b65725f6d61785f646f776e5f6461797300000000000000000300000000000000", x"196465766963655f72656c656173655f67726163655f736563730000000000000000008d270000000000", x"136d696e5f70726963655f7065725f6672616d650000000000000000e803000000000000", x"156d696e5f70726963655f7065725f69625f686f75720000000000000000a086010000000000", x"0d736c6173685f6361705f62707300000000000000001027000000000000", x"116d696e5f726572656e6465725f736563730000000000000000100e000000000000", x"14726573706f6e73655f77696e646f775f73656373000000000000000080f4030000000000", x"10706172616d5f64656c61795f7365637300000000000000008051010000000000", x"187669705f776f726b65725f646f776e5f6461795f736563730000000000000000c0a8000000000000", x"12706f6f6c5f6665655f73686172655f62707300000000000000004c1d000000000000", x"126d61785f6a6f625f6c656173655f7365637300000000000000008051010000000000"], 100200);
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 27, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    }

    // a two-step admin transfer; the new admin pauses, sets the treasury, the arbiter set, attesters, a parameter
    #[test]
    #[expected_failure(abort_code = 0x50001 /* ENotAdmin */, location = lumen::config)]
    fun config_admin_moves() {
        world();
        let start = counts();
        // 0: config::propose_admin
        let n0_0 = count<lumen::config::AdminProposed>();
        lumen::config::propose_admin(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), @0x0000000000000000000000000000000000000000000000000000000000000ad2);
        check<lumen::config::AdminProposed>(n0_0, vector[x"000000000000000000000000000000000000000000000000000000000000cafe0000000000000000000000000000000000000000000000000000000000000ad2"], 100000);
        // 1: config::accept_admin
        let n1_0 = count<lumen::config::AdminTransferred>();
        lumen::config::accept_admin(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000ad2));
        check<lumen::config::AdminTransferred>(n1_0, vector[x"000000000000000000000000000000000000000000000000000000000000cafe0000000000000000000000000000000000000000000000000000000000000ad2"], 101000);
        // 2: config::set_paused
        let n2_0 = count<lumen::config::PausedSet>();
        lumen::config::set_paused(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000ad2), true);
        check<lumen::config::PausedSet>(n2_0, vector[x"01"], 102000);
        // 3: config::set_paused
        let n3_0 = count<lumen::config::PausedSet>();
        lumen::config::set_paused(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000ad2), false);
        check<lumen::config::PausedSet>(n3_0, vector[x"00"], 103000);
        // 4: config::set_treasury
        let n4_0 = count<lumen::config::TreasurySet>();
        lumen::config::set_treasury(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000ad2), @0x0000000000000000000000000000000000000000000000000000000000007101);
        check<lumen::config::TreasurySet>(n4_0, vector[x"0000000000000000000000000000000000000000000000000000000000007101"], 104000);
        // 5: config::add_arbiter
        let n5_0 = count<lumen::config::ArbiterAdded>();
        lumen::config::add_arbiter(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000ad2), @0x0000000000000000000000000000000000000000000000000000000000007102);
        check<lumen::config::ArbiterAdded>(n5_0, vector[x"0000000000000000000000000000000000000000000000000000000000007102"], 105000);
        // 6: config::remove_arbiter
        let n6_0 = count<lumen::config::ArbiterRemoved>();
        lumen::config::remove_arbiter(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000ad2), @0x0000000000000000000000000000000000000000000000000000000000007002);
        check<lumen::config::ArbiterRemoved>(n6_0, vector[x"0000000000000000000000000000000000000000000000000000000000007002"], 106000);
        // 7: config::add_attester
        let n7_0 = count<lumen::config::AttesterAdded>();
        lumen::config::add_attester(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000ad2), @0x0000000000000000000000000000000000000000000000000000000000007004);
        check<lumen::config::AttesterAdded>(n7_0, vector[x"0000000000000000000000000000000000000000000000000000000000007004"], 107000);
        // 8: config::remove_attester
        let n8_0 = count<lumen::config::AttesterRemoved>();
        lumen::config::remove_attester(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000ad2), @0x0000000000000000000000000000000000000000000000000000000000007003);
        check<lumen::config::AttesterRemoved>(n8_0, vector[x"0000000000000000000000000000000000000000000000000000000000007003"], 108000);
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 9: config::set_paused
        lumen::config::set_paused(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), true);
    }

    // parameter changes wait for the delay: queued, replaced, cancelled, applied by anyone
    #[test]
    #[expected_failure(abort_code = 0x6000f /* ENoPendingChange */, location = lumen::config)]
    fun config_param_queue() {
        world();
        let start = counts();
        // 0: config::set_param
        let n0_0 = count<lumen::config::ParamChangeQueued>();
        lumen::config::set_param(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), std::string::utf8(b"slash_bps"), 2500);
        check<lumen::config::ParamChangeQueued>(n0_0, vector[x"09736c6173685f627073e803000000000000c4090000000000008081006700000000"], 100000);
        // 1: config::set_param
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000100);
        let n1_0 = count<lumen::config::ParamChangeQueued>();
        lumen::config::set_param(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), std::string::utf8(b"slash_bps"), 3000);
        check<lumen::config::ParamChangeQueued>(n1_0, vector[x"09736c6173685f627073e803000000000000b80b000000000000e481006700000000"], 101000);
        // 2: config::set_param
        let n2_0 = count<lumen::config::ParamChangeQueued>();
        lumen::config::set_param(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), std::string::utf8(b"stake_factor"), 4);
        check<lumen::config::ParamChangeQueued>(n2_0, vector[x"0c7374616b655f666163746f7202000000000000000400000000000000e481006700000000"], 102000);
        // 3: config::cancel_param
        let n3_0 = count<lumen::config::ParamChangeCancelled>();
        lumen::config::cancel_param(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), std::string::utf8(b"stake_factor"));
        check<lumen::config::ParamChangeCancelled>(n3_0, vector[x"0c7374616b655f666163746f720400000000000000"], 103000);
        // 4: config::apply_param
        aptos_framework::timestamp::update_global_time_for_test_secs(1728086500);
        let n4_0 = count<lumen::config::ParamsUpdated>();
        lumen::config::apply_param(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad), std::string::utf8(b"slash_bps"));
        check<lumen::config::ParamsUpdated>(n4_0, vector[x"09736c6173685f627073e803000000000000b80b000000000000"], 104000);
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 5: config::apply_param
        lumen::config::apply_param(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad), std::string::utf8(b"stake_factor"));
    }

    // a queued change waits for its delay
    #[test]
    #[expected_failure(abort_code = 0x30010 /* EChangeNotDue */, location = lumen::config)]
    fun config_apply_early() {
        world();
        let start = counts();
        // 0: config::set_param
        let n0_0 = count<lumen::config::ParamChangeQueued>();
        lumen::config::set_param(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), std::string::utf8(b"slash_bps"), 2500);
        check<lumen::config::ParamChangeQueued>(n0_0, vector[x"09736c6173685f627073e803000000000000c4090000000000008081006700000000"], 100000);
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 1: config::apply_param
        aptos_framework::timestamp::update_global_time_for_test_secs(1728086399);
        lumen::config::apply_param(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad), std::string::utf8(b"slash_bps"));
    }

    // epoch numbers never change
    #[test]
    #[expected_failure(abort_code = 0x3000e /* EParamFixed */, location = lumen::config)]
    fun config_epoch_secs_fixed() {
        world();
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: config::set_param
        lumen::config::set_param(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), std::string::utf8(b"epoch_secs"), 3600);
    }

    // a time parameter past its bound (a review window of 30 days and a second)
    #[test]
    #[expected_failure(abort_code = 0x20008 /* EParamOutOfRange */, location = lumen::config)]
    fun config_time_param_bounded() {
        world();
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: config::set_param
        lumen::config::set_param(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), std::string::utf8(b"review_window_secs"), 2592001);
    }

    // every config read before initialize aborts
    #[test]
    #[expected_failure(abort_code = 0x60004 /* ENotInitialized */, location = lumen::config)]
    fun config_not_initialized() {
        uninitialized();
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: config::set_paused
        lumen::config::set_paused(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), true);
    }

    // only @lumen initialises
    #[test]
    #[expected_failure(abort_code = 0x50002 /* ENotDeployer */, location = lumen::config)]
    fun config_initialize_by_another() {
        world();
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: config::initialize
        lumen::config::initialize(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad), aptos_framework::object::address_to_object<aptos_framework::fungible_asset::Metadata>(@0xc00dc77a39d32100ee73bfdbd0f4dbf4c5cb2e965c84301dcedfdfd659d23204), @0x0000000000000000000000000000000000000000000000000000000000007001, @0x0000000000000000000000000000000000000000000000000000000000007002);
    }

    // initialize runs once
    #[test]
    #[expected_failure(abort_code = 0x80003 /* EAlreadyInitialized */, location = lumen::config)]
    fun config_initialize_twice() {
        world();
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: config::initialize
        lumen::config::initialize(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), aptos_framework::object::address_to_object<aptos_framework::fungible_asset::Metadata>(@0xc00dc77a39d32100ee73bfdbd0f4dbf4c5cb2e965c84301dcedfdfd659d23204), @0x0000000000000000000000000000000000000000000000000000000000007001, @0x0000000000000000000000000000000000000000000000000000000000007002);
    }

    // a paused protocol takes no new obligation
    #[test]
    #[expected_failure(abort_code = 0x30005 /* EPaused */, location = lumen::config)]
    fun config_paused() {
        world();
        let start = counts();
        // 0: config::set_paused
        let n0_0 = count<lumen::config::PausedSet>();
        lumen::config::set_paused(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), true);
        check<lumen::config::PausedSet>(n0_0, vector[x"01"], 100000);
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 1: staking::set_price
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad), 1);
    }

    // only the proposed admin accepts
    #[test]
    #[expected_failure(abort_code = 0x50006 /* ENotPendingAdmin */, location = lumen::config)]
    fun config_accept_without_proposal() {
        world();
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: config::accept_admin
        lumen::config::accept_admin(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad));
    }

    // set_param names an existing parameter
    #[test]
    #[expected_failure(abort_code = 0x10007 /* EUnknownParam */, location = lumen::config)]
    fun config_unknown_param() {
        world();
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: config::set_param
        lumen::config::set_param(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), std::string::utf8(b"nope"), 1);
    }

    // a share above 10 000 basis points
    #[test]
    #[expected_failure(abort_code = 0x20008 /* EParamOutOfRange */, location = lumen::config)]
    fun config_param_out_of_range() {
        world();
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: config::set_param
        lumen::config::set_param(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), std::string::utf8(b"worker_commission_bps"), 10001);
    }

    // an attester is added once
    #[test]
    #[expected_failure(abort_code = 0x80009 /* EAttesterExists */, location = lumen::config)]
    fun config_attester_twice() {
        world();
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: config::add_attester
        lumen::config::add_attester(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), @0x0000000000000000000000000000000000000000000000000000000000007003);
    }

    // only attesters are removed
    #[test]
    #[expected_failure(abort_code = 0x6000a /* EAttesterNotFound */, location = lumen::config)]
    fun config_remove_unknown_attester() {
        world();
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: config::remove_attester
        lumen::config::remove_attester(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), @0x0000000000000000000000000000000000000000000000000000000000000099);
    }

    // an arbiter is added once
    #[test]
    #[expected_failure(abort_code = 0x8000c /* EArbiterExists */, location = lumen::config)]
    fun config_arbiter_twice() {
        world();
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: config::add_arbiter
        lumen::config::add_arbiter(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), @0x0000000000000000000000000000000000000000000000000000000000007002);
    }

    // only arbiters are removed
    #[test]
    #[expected_failure(abort_code = 0x6000d /* EArbiterNotFound */, location = lumen::config)]
    fun config_remove_unknown_arbiter() {
        world();
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: config::remove_arbiter
        lumen::config::remove_arbiter(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), @0x0000000000000000000000000000000000000000000000000000000000000099);
    }

    // the treasury is never @0x0
    #[test]
    #[expected_failure(abort_code = 0x1000b /* EZeroAddress */, location = lumen::config)]
    fun config_zero_treasury() {
        world();
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: config::set_treasury
        lumen::config::set_treasury(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), @0x0000000000000000000000000000000000000000000000000000000000000000);
    }

    // assigned below the maximum price (refund), submitted, every frame confirmed
    #[test]
    fun escrow_confirm_everything() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        // 6: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000600);
        let n6_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n6_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200707070707070707070707070707070707070707070707070707070707070707d82603670000000058020000000000005832ff6600000000"], 106000);
        // 7: escrow::confirm
        aptos_framework::timestamp::update_global_time_for_test_secs(1728001200);
        let n7_0 = count<lumen::rewards::EpochFunded>();
        let n7_1 = count<lumen::staking::StakeUnlocked>();
        let n7_2 = count<lumen::rewards::LeaseRecorded>();
        let n7_3 = count<lumen::escrow::JobCompleted>();
        lumen::escrow::confirm(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10);
        check<lumen::rewards::EpochFunded>(n7_0, vector[x"204e0000000000002587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709e02e000000000000e02e000000000000"], 107000);
        check<lumen::staking::StakeUnlocked>(n7_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000000000000000000000"], 107100);
        check<lumen::rewards::LeaseRecorded>(n7_2, vector[x"204e0000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41580200000000000030142500000000008050e756000000000000000000000000"], 107200);
        check<lumen::escrow::JobCompleted>(n7_3, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000803801000000000000fa000000000000803e0000000000000000000000000000580200000000000000"], 107300);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
    }

    // 7 of 10 frames accepted opens the worker's response window; the worker agrees
    #[test]
    fun escrow_partial_acceptance_agreed() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        // 6: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000600);
        let n6_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n6_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200707070707070707070707070707070707070707070707070707070707070707d82603670000000058020000000000005832ff6600000000"], 106000);
        // 7: escrow::confirm
        aptos_framework::timestamp::update_global_time_for_test_secs(1728001200);
        let n7_0 = count<lumen::escrow::PartiallyAccepted>();
        lumen::escrow::confirm(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 7);
        check<lumen::escrow::PartiallyAccepted>(n7_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a0000000000000007000000000000003029036700000000"], 107000);
        // 8: escrow::accept_partial
        aptos_framework::timestamp::update_global_time_for_test_secs(1728001800);
        let n8_0 = count<lumen::rewards::EpochFunded>();
        let n8_1 = count<lumen::staking::StakeUnlocked>();
        let n8_2 = count<lumen::rewards::LeaseRecorded>();
        let n8_3 = count<lumen::escrow::JobCompleted>();
        lumen::escrow::accept_partial(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709));
        check<lumen::rewards::EpochFunded>(n8_0, vector[x"204e0000000000002587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709d020000000000000d020000000000000"], 108000);
        check<lumen::staking::StakeUnlocked>(n8_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000000000000000000000"], 108100);
        check<lumen::rewards::LeaseRecorded>(n8_2, vector[x"204e0000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41580200000000000030142500000000008050e756000000000000000000000000"], 108200);
        check<lumen::escrow::JobCompleted>(n8_3, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410700000000000000c0da00000000000000af000000000000c02b000000000000c05d000000000000580200000000000000"], 108300);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 1, 0, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
    }

    // 0 frames accepted; the worker stays silent and anyone settles after the response window
    #[test]
    fun escrow_partial_acceptance_unanswered() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        // 6: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000600);
        let n6_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n6_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200707070707070707070707070707070707070707070707070707070707070707d82603670000000058020000000000005832ff6600000000"], 106000);
        // 7: escrow::confirm
        let n7_0 = count<lumen::escrow::PartiallyAccepted>();
        lumen::escrow::confirm(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 0);
        check<lumen::escrow::PartiallyAccepted>(n7_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a000000000000000000000000000000d826036700000000"], 107000);
        // 8: escrow::finalize
        aptos_framework::timestamp::update_global_time_for_test_secs(1728259801);
        let n8_0 = count<lumen::staking::StakeUnlocked>();
        let n8_1 = count<lumen::escrow::JobCompleted>();
        lumen::escrow::finalize(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709));
        check<lumen::staking::StakeUnlocked>(n8_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000000000000000000000"], 108000);
        check<lumen::escrow::JobCompleted>(n8_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100000000000000000000000000000000000000000000000000000000000000008038010000000000580200000000000001"], 108100);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
    }

    // the worker disputes 4 accepted frames; the timeout pays the creator's 4, not the opener's 10
    #[test]
    fun escrow_worker_disputes_partial_acceptance() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        // 6: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000600);
        let n6_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n6_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200707070707070707070707070707070707070707070707070707070707070707d82603670000000058020000000000005832ff6600000000"], 106000);
        // 7: escrow::confirm
        let n7_0 = count<lumen::escrow::PartiallyAccepted>();
        lumen::escrow::confirm(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 4);
        check<lumen::escrow::PartiallyAccepted>(n7_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a000000000000000400000000000000d826036700000000"], 107000);
        // 8: escrow::dispute
        let n8_0 = count<lumen::escrow::JobDisputed>();
        lumen::escrow::dispute(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), x"0909090909090909090909090909090909090909090909090909090909090909");
        check<lumen::escrow::JobDisputed>(n8_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412009090909090909090909090909090909090909090909090909090909090909097df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000040000000000000058a7116700000000"], 108000);
        // 9: escrow::finalize
        aptos_framework::timestamp::update_global_time_for_test_secs(1729210200);
        let n9_0 = count<lumen::rewards::EpochFunded>();
        let n9_1 = count<lumen::staking::StakeUnlocked>();
        let n9_2 = count<lumen::rewards::LeaseRecorded>();
        let n9_3 = count<lumen::escrow::JobCompleted>();
        lumen::escrow::finalize(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709));
        check<lumen::rewards::EpochFunded>(n9_0, vector[x"2e4e0000000000002587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709c012000000000000c012000000000000"], 109000);
        check<lumen::staking::StakeUnlocked>(n9_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000000000000000000000"], 109100);
        check<lumen::rewards::LeaseRecorded>(n9_2, vector[x"204e0000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41580200000000000030142500000000008050e756000000000000000000000000"], 109200);
        check<lumen::escrow::JobCompleted>(n9_3, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410400000000000000007d0000000000000064000000000000001900000000000080bb000000000000580200000000000001"], 109300);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
    }

    // two rerender rounds, each given at least the first window, add to the lease; the creator confirms
    #[test]
    fun escrow_rerender_twice_then_confirm() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        // 6: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000600);
        let n6_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n6_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200707070707070707070707070707070707070707070707070707070707070707d82603670000000058020000000000005832ff6600000000"], 106000);
        // 7: config::set_param
        let n7_0 = count<lumen::config::ParamChangeQueued>();
        lumen::config::set_param(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), std::string::utf8(b"max_rerenders"), 0);
        check<lumen::config::ParamChangeQueued>(n7_0, vector[x"0d6d61785f726572656e6465727302000000000000000000000000000000d883006700000000"], 107000);
        // 8: config::set_param
        let n8_0 = count<lumen::config::ParamChangeQueued>();
        lumen::config::set_param(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), std::string::utf8(b"worker_commission_bps"), 0);
        check<lumen::config::ParamChangeQueued>(n8_0, vector[x"15776f726b65725f636f6d6d697373696f6e5f627073401f0000000000000000000000000000d883006700000000"], 108000);
        // 9: config::apply_param
        aptos_framework::timestamp::update_global_time_for_test_secs(1728087000);
        let n9_0 = count<lumen::config::ParamsUpdated>();
        lumen::config::apply_param(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000a99), std::string::utf8(b"max_rerenders"));
        check<lumen::config::ParamsUpdated>(n9_0, vector[x"0d6d61785f726572656e6465727302000000000000000000000000000000"], 109000);
        // 10: config::apply_param
        let n10_0 = count<lumen::config::ParamsUpdated>();
        lumen::config::apply_param(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000a99), std::string::utf8(b"worker_commission_bps"));
        check<lumen::config::ParamsUpdated>(n10_0, vector[x"15776f726b65725f636f6d6d697373696f6e5f627073401f0000000000000000000000000000"], 110000);
        // 11: escrow::request_rerender
        aptos_framework::timestamp::update_global_time_for_test_secs(1728087300);
        let n11_0 = count<lumen::escrow::RerenderRequested>();
        lumen::escrow::request_rerender(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 3, 1728094500);
        check<lumen::escrow::RerenderRequested>(n11_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f7090000000000000000030000000000000024a10067000000000100000000000000"], 111000);
        // 12: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728088200);
        let n12_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0000000000000000000000000000000000000000000000000000000000000000");
        check<lumen::escrow::ResultSubmitted>(n12_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200000000000000000000000000000000000000000000000000000000000000000087d046700000000dc050000000000008888006700000000"], 112000);
        // 13: escrow::request_rerender
        aptos_framework::timestamp::update_global_time_for_test_secs(1728088500);
        let n13_0 = count<lumen::escrow::RerenderRequested>();
        lumen::escrow::request_rerender(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 3, 1728095700);
        check<lumen::escrow::RerenderRequested>(n13_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000000300000000000000d4a50067000000000200000000000000"], 113000);
        // 14: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728089400);
        let n14_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0101010101010101010101010101010101010101010101010101010101010101");
        check<lumen::escrow::ResultSubmitted>(n14_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200101010101010101010101010101010101010101010101010101010101010101b8810467000000006009000000000000388d006700000000"], 114000);
        // 15: escrow::confirm
        let n15_0 = count<lumen::rewards::EpochFunded>();
        let n15_1 = count<lumen::staking::StakeUnlocked>();
        let n15_2 = count<lumen::rewards::LeaseRecorded>();
        let n15_3 = count<lumen::escrow::JobCompleted>();
        lumen::escrow::confirm(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10);
        check<lumen::rewards::EpochFunded>(n15_0, vector[x"214e0000000000002587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709e02e000000000000e02e000000000000"], 115000);
        check<lumen::staking::StakeUnlocked>(n15_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000000000000000000000"], 115100);
        check<lumen::rewards::LeaseRecorded>(n15_2, vector[x"214e0000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c416009000000000000301425000000000000429d5b010000000000000000000000"], 115200);
        check<lumen::escrow::JobCompleted>(n15_3, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000803801000000000000fa000000000000803e0000000000000000000000000000600900000000000000"], 115300);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0, 2, 3, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
    }

    // a rerender round misses its deadline: the creator disputes the delivery, an arbiter pays 6 frames
    #[test]
    fun escrow_missed_rerender_disputed_by_creator() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        // 6: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000600);
        let n6_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n6_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200707070707070707070707070707070707070707070707070707070707070707d82603670000000058020000000000005832ff6600000000"], 106000);
        // 7: escrow::request_rerender
        let n7_0 = count<lumen::escrow::RerenderRequested>();
        lumen::escrow::request_rerender(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 4, 1728007800);
        check<lumen::escrow::RerenderRequested>(n7_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000000400000000000000784eff66000000000100000000000000"], 107000);
        // 8: escrow::dispute
        aptos_framework::timestamp::update_global_time_for_test_secs(1728007801);
        let n8_0 = count<lumen::escrow::JobDisputed>();
        lumen::escrow::dispute(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), x"0808080808080808080808080808080808080808080808080808080808080808");
        check<lumen::escrow::JobDisputed>(n8_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd2008080808080808080808080808080808080808080808080808080808080808087df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a000000000000000a0000000000000079c3116700000000"], 108000);
        // 9: escrow::resolve
        let n9_0 = count<lumen::rewards::EpochFunded>();
        let n9_1 = count<lumen::staking::StakeUnlocked>();
        let n9_2 = count<lumen::rewards::LeaseRecorded>();
        let n9_3 = count<lumen::escrow::DisputeResolved>();
        lumen::escrow::resolve(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007002), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 6);
        check<lumen::rewards::EpochFunded>(n9_0, vector[x"204e0000000000002587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709201c000000000000201c000000000000"], 109000);
        check<lumen::staking::StakeUnlocked>(n9_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000000000000000000000"], 109100);
        check<lumen::rewards::LeaseRecorded>(n9_2, vector[x"204e0000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41580200000000000030142500000000008050e756000000000000000000000000"], 109200);
        check<lumen::escrow::DisputeResolved>(n9_3, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709000000000000000000000000000000000000000000000000000000000000000000000000000070027df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41060000000000000080bb00000000000000960000000000008025000000000000007d0000000000005802000000000000"], 109300);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
    }

    // the worker opens the dispute of a missed rerender: the timeout pays the 6 frames not sent back
    #[test]
    fun escrow_missed_rerender_disputed_by_worker() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        // 6: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000600);
        let n6_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n6_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200707070707070707070707070707070707070707070707070707070707070707d82603670000000058020000000000005832ff6600000000"], 106000);
        // 7: escrow::request_rerender
        let n7_0 = count<lumen::escrow::RerenderRequested>();
        lumen::escrow::request_rerender(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 4, 1728007800);
        check<lumen::escrow::RerenderRequested>(n7_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000000400000000000000784eff66000000000100000000000000"], 107000);
        // 8: escrow::dispute
        aptos_framework::timestamp::update_global_time_for_test_secs(1728007801);
        let n8_0 = count<lumen::escrow::JobDisputed>();
        lumen::escrow::dispute(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), x"0808080808080808080808080808080808080808080808080808080808080808");
        check<lumen::escrow::JobDisputed>(n8_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412008080808080808080808080808080808080808080808080808080808080808087df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000060000000000000079c3116700000000"], 108000);
        // 9: escrow::finalize
        aptos_framework::timestamp::update_global_time_for_test_secs(1729217401);
        let n9_0 = count<lumen::rewards::EpochFunded>();
        let n9_1 = count<lumen::staking::StakeUnlocked>();
        let n9_2 = count<lumen::rewards::LeaseRecorded>();
        let n9_3 = count<lumen::escrow::JobCompleted>();
        lumen::escrow::finalize(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709));
        check<lumen::rewards::EpochFunded>(n9_0, vector[x"2e4e0000000000002587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709201c000000000000201c000000000000"], 109000);
        check<lumen::staking::StakeUnlocked>(n9_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000000000000000000000"], 109100);
        check<lumen::rewards::LeaseRecorded>(n9_2, vector[x"204e0000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41580200000000000030142500000000008050e756000000000000000000000000"], 109200);
        check<lumen::escrow::JobCompleted>(n9_3, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41060000000000000080bb00000000000000960000000000008025000000000000007d000000000000580200000000000001"], 109300);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
    }

    // anyone finalizes once the review window has passed
    #[test]
    fun escrow_finalize_after_review() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        // 6: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000600);
        let n6_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n6_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200707070707070707070707070707070707070707070707070707070707070707d82603670000000058020000000000005832ff6600000000"], 106000);
        // 7: escrow::finalize
        aptos_framework::timestamp::update_global_time_for_test_secs(1728259801);
        let n7_0 = count<lumen::rewards::EpochFunded>();
        let n7_1 = count<lumen::staking::StakeUnlocked>();
        let n7_2 = count<lumen::rewards::LeaseRecorded>();
        let n7_3 = count<lumen::escrow::JobCompleted>();
        lumen::escrow::finalize(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709));
        check<lumen::rewards::EpochFunded>(n7_0, vector[x"234e0000000000002587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709e02e000000000000e02e000000000000"], 107000);
        check<lumen::staking::StakeUnlocked>(n7_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000000000000000000000"], 107100);
        check<lumen::rewards::LeaseRecorded>(n7_2, vector[x"204e0000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41580200000000000030142500000000008050e756000000000000000000000000"], 107200);
        check<lumen::escrow::JobCompleted>(n7_3, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000803801000000000000fa000000000000803e0000000000000000000000000000580200000000000001"], 107300);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
    }

    // the creator disputes; an arbiter pays 0 frames (a failed job, nothing slashed)
    #[test]
    fun escrow_dispute_resolved_with_nothing() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        // 6: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000600);
        let n6_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n6_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200707070707070707070707070707070707070707070707070707070707070707d82603670000000058020000000000005832ff6600000000"], 106000);
        // 7: escrow::dispute
        let n7_0 = count<lumen::escrow::JobDisputed>();
        lumen::escrow::dispute(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), x"0909090909090909090909090909090909090909090909090909090909090909");
        check<lumen::escrow::JobDisputed>(n7_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd2009090909090909090909090909090909090909090909090909090909090909097df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a000000000000000a0000000000000058a7116700000000"], 107000);
        // 8: escrow::resolve
        aptos_framework::timestamp::update_global_time_for_test_secs(1728004200);
        let n8_0 = count<lumen::staking::StakeUnlocked>();
        let n8_1 = count<lumen::escrow::DisputeResolved>();
        lumen::escrow::resolve(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007002), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 0);
        check<lumen::staking::StakeUnlocked>(n8_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000000000000000000000"], 108000);
        check<lumen::escrow::DisputeResolved>(n8_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709000000000000000000000000000000000000000000000000000000000000000000000000000070027df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41000000000000000000000000000000000000000000000000000000000000000080380100000000005802000000000000"], 108100);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
    }

    // the admin adds an arbiter; it pays 4 frames of the creator's dispute
    #[test]
    fun escrow_dispute_resolved_by_a_second_arbiter() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        // 6: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000600);
        let n6_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n6_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200707070707070707070707070707070707070707070707070707070707070707d82603670000000058020000000000005832ff6600000000"], 106000);
        // 7: config::add_arbiter
        let n7_0 = count<lumen::config::ArbiterAdded>();
        lumen::config::add_arbiter(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), @0x0000000000000000000000000000000000000000000000000000000000007102);
        check<lumen::config::ArbiterAdded>(n7_0, vector[x"0000000000000000000000000000000000000000000000000000000000007102"], 107000);
        // 8: escrow::dispute
        let n8_0 = count<lumen::escrow::JobDisputed>();
        lumen::escrow::dispute(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), x"0909090909090909090909090909090909090909090909090909090909090909");
        check<lumen::escrow::JobDisputed>(n8_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd2009090909090909090909090909090909090909090909090909090909090909097df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a000000000000000a0000000000000058a7116700000000"], 108000);
        // 9: escrow::resolve
        let n9_0 = count<lumen::rewards::EpochFunded>();
        let n9_1 = count<lumen::staking::StakeUnlocked>();
        let n9_2 = count<lumen::rewards::LeaseRecorded>();
        let n9_3 = count<lumen::escrow::DisputeResolved>();
        lumen::escrow::resolve(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007102), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 4);
        check<lumen::rewards::EpochFunded>(n9_0, vector[x"204e0000000000002587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709c012000000000000c012000000000000"], 109000);
        check<lumen::staking::StakeUnlocked>(n9_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000000000000000000000"], 109100);
        check<lumen::rewards::LeaseRecorded>(n9_2, vector[x"204e0000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41580200000000000030142500000000008050e756000000000000000000000000"], 109200);
        check<lumen::escrow::DisputeResolved>(n9_3, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709000000000000000000000000000000000000000000000000000000000000000000000000000071027df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410400000000000000007d0000000000000064000000000000001900000000000080bb0000000000005802000000000000"], 109300);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
    }

    // nobody resolves the creator's dispute: the timeout pays the submitted frames
    #[test]
    fun escrow_dispute_times_out() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        // 6: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000600);
        let n6_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n6_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200707070707070707070707070707070707070707070707070707070707070707d82603670000000058020000000000005832ff6600000000"], 106000);
        // 7: escrow::dispute
        let n7_0 = count<lumen::escrow::JobDisputed>();
        lumen::escrow::dispute(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), x"0909090909090909090909090909090909090909090909090909090909090909");
        check<lumen::escrow::JobDisputed>(n7_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd2009090909090909090909090909090909090909090909090909090909090909097df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a000000000000000a0000000000000058a7116700000000"], 107000);
        // 8: escrow::finalize
        aptos_framework::timestamp::update_global_time_for_test_secs(1729210200);
        let n8_0 = count<lumen::rewards::EpochFunded>();
        let n8_1 = count<lumen::staking::StakeUnlocked>();
        let n8_2 = count<lumen::rewards::LeaseRecorded>();
        let n8_3 = count<lumen::escrow::JobCompleted>();
        lumen::escrow::finalize(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709));
        check<lumen::rewards::EpochFunded>(n8_0, vector[x"2e4e0000000000002587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709e02e000000000000e02e000000000000"], 108000);
        check<lumen::staking::StakeUnlocked>(n8_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000000000000000000000"], 108100);
        check<lumen::rewards::LeaseRecorded>(n8_2, vector[x"204e0000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41580200000000000030142500000000008050e756000000000000000000000000"], 108200);
        check<lumen::escrow::JobCompleted>(n8_3, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000803801000000000000fa000000000000803e0000000000000000000000000000580200000000000001"], 108300);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
    }

    // no delivery by the deadline: the creator takes everything back, the job's collateral is slashed
    #[test]
    fun escrow_reclaim_slashes_the_collateral() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        // 6: escrow::reclaim
        aptos_framework::timestamp::update_global_time_for_test_secs(1728007201);
        let n6_0 = count<lumen::staking::StakeUnlocked>();
        let n6_1 = count<lumen::staking::Slashed>();
        let n6_2 = count<lumen::escrow::JobReclaimed>();
        lumen::escrow::reclaim(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709));
        check<lumen::staking::StakeUnlocked>(n6_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000000000000000000000"], 106000);
        check<lumen::staking::Slashed>(n6_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c418038010000000000807db529000000002587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709"], 106100);
        check<lumen::escrow::JobReclaimed>(n6_2, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180380100000000008038010000000000"], 106200);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
    }

    // an open job is cancelled and refunded
    #[test]
    fun escrow_cancel_open_job() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 10000000);
        let start = counts();
        // 0: escrow::create_job
        let n0_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 5, 1000, 0, 0);
        check<lumen::escrow::JobCreated>(n0_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000500000000000000e8030000000000000000000000000000000000000000000088130000000000000030ff6600000000"], 100000);
        // 1: escrow::cancel
        let n1_0 = count<lumen::escrow::JobCancelled>();
        lumen::escrow::cancel(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709));
        check<lumen::escrow::JobCancelled>(n1_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd8813000000000000"], 101000);
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    }

    // a creator burns an offer nonce it signed; burning it again aborts
    #[test]
    #[expected_failure(abort_code = 0x8000c /* ENonceUsed */, location = lumen::escrow)]
    fun escrow_burnt_nonce() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000);
        let start = counts();
        // 0: escrow::burn_nonce
        let n0_0 = count<lumen::escrow::NonceBurned>();
        lumen::escrow::burn_nonce(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), 7);
        check<lumen::escrow::NonceBurned>(n0_0, vector[x"7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd0700000000000000"], 100000);
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 1: escrow::burn_nonce
        lumen::escrow::burn_nonce(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), 7);
    }

    // the treasury's store is frozen: the fee is held as its claimable balance, withdrawn after the thaw
    #[test]
    fun escrow_frozen_treasury_blocks_nobody() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        // 6: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000600);
        let n6_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n6_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200707070707070707070707070707070707070707070707070707070707070707d82603670000000058020000000000005832ff6600000000"], 106000);
        // 7: escrow::confirm
        lumen::test_helpers::set_frozen(@0x0000000000000000000000000000000000000000000000000000000000007001, true);
        let n7_0 = count<lumen::escrow::ClaimableCredited>();
        let n7_1 = count<lumen::rewards::EpochFunded>();
        let n7_2 = count<lumen::staking::StakeUnlocked>();
        let n7_3 = count<lumen::rewards::LeaseRecorded>();
        let n7_4 = count<lumen::escrow::JobCompleted>();
        lumen::escrow::confirm(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10);
        check<lumen::escrow::ClaimableCredited>(n7_0, vector[x"00000000000000000000000000000000000000000000000000000000000070012587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709a00f000000000000a00f000000000000"], 107000);
        check<lumen::rewards::EpochFunded>(n7_1, vector[x"204e0000000000002587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709e02e000000000000e02e000000000000"], 107100);
        check<lumen::staking::StakeUnlocked>(n7_2, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000000000000000000000"], 107200);
        check<lumen::rewards::LeaseRecorded>(n7_3, vector[x"204e0000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41580200000000000030142500000000008050e756000000000000000000000000"], 107300);
        check<lumen::escrow::JobCompleted>(n7_4, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000803801000000000000fa000000000000803e0000000000000000000000000000580200000000000000"], 107400);
        // 8: escrow::withdraw
        lumen::test_helpers::set_frozen(@0x0000000000000000000000000000000000000000000000000000000000007001, false);
        aptos_framework::timestamp::update_global_time_for_test_secs(1728004200);
        let n8_0 = count<lumen::escrow::ClaimableWithdrawn>();
        lumen::escrow::withdraw(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007001));
        check<lumen::escrow::ClaimableWithdrawn>(n8_0, vector[x"0000000000000000000000000000000000000000000000000000000000007001a00f000000000000"], 108000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
    }

    // a frozen worker's pay is held for it; withdrawing while still frozen aborts in the framework
    #[test]
    #[expected_failure(abort_code = 0x50003 /* ESTORE_IS_FROZEN */, location = aptos_framework::fungible_asset)]
    fun escrow_claim_into_a_frozen_store() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        // 6: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000600);
        let n6_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n6_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200707070707070707070707070707070707070707070707070707070707070707d82603670000000058020000000000005832ff6600000000"], 106000);
        // 7: escrow::confirm
        lumen::test_helpers::set_frozen(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, true);
        let n7_0 = count<lumen::escrow::ClaimableCredited>();
        let n7_1 = count<lumen::rewards::EpochFunded>();
        let n7_2 = count<lumen::staking::StakeUnlocked>();
        let n7_3 = count<lumen::rewards::LeaseRecorded>();
        let n7_4 = count<lumen::escrow::JobCompleted>();
        lumen::escrow::confirm(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10);
        check<lumen::escrow::ClaimableCredited>(n7_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900fa00000000000000fa000000000000"], 107000);
        check<lumen::rewards::EpochFunded>(n7_1, vector[x"204e0000000000002587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709e02e000000000000e02e000000000000"], 107100);
        check<lumen::staking::StakeUnlocked>(n7_2, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000000000000000000000"], 107200);
        check<lumen::rewards::LeaseRecorded>(n7_3, vector[x"204e0000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41580200000000000030142500000000008050e756000000000000000000000000"], 107300);
        check<lumen::escrow::JobCompleted>(n7_4, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000803801000000000000fa000000000000803e0000000000000000000000000000580200000000000000"], 107400);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
        // 8: escrow::withdraw
        lumen::escrow::withdraw(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41));
    }

    // a job has frames
    #[test]
    #[expected_failure(abort_code = 0x10001 /* EZeroFrames */, location = lumen::escrow)]
    fun escrow_zero_frames() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 10000000);
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: escrow::create_job
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"01", 0, 10000, 0, 0);
    }

    // a job pays at least min_price_per_frame per frame
    #[test]
    #[expected_failure(abort_code = 0x10002 /* EPriceBelowMin */, location = lumen::escrow)]
    fun escrow_price_below_min() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 10000000);
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: escrow::create_job
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"01", 10, 999, 0, 0);
    }

    // frames * price fits in a u64
    #[test]
    #[expected_failure(abort_code = 0x20003 /* EDepositTooLarge */, location = lumen::escrow)]
    fun escrow_deposit_overflows() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 10000000);
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: escrow::create_job
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"01", 18446744073709551615, 1000, 0, 0);
    }

    // the creator pays the deposit
    #[test]
    #[expected_failure(abort_code = 0x10004 /* EINSUFFICIENT_BALANCE */, location = aptos_framework::fungible_asset)]
    fun escrow_deposit_above_balance() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 10000000);
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: escrow::create_job
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"01", 11, 1000000, 0, 0);
    }

    // a frozen store pays no deposit
    #[test]
    #[expected_failure(abort_code = 0x50003 /* ESTORE_IS_FROZEN */, location = aptos_framework::fungible_asset)]
    fun escrow_deposit_from_a_frozen_store() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 10000000);
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: escrow::create_job
        lumen::test_helpers::set_frozen(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, true);
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"01", 10, 10000, 0, 0);
    }

    // a job argument is a job object
    #[test]
    #[expected_failure(abort_code = 0x60002 /* EOBJECT_DOES_NOT_EXIST */, location = aptos_framework::object)]
    fun escrow_no_such_job() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 10000000);
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: escrow::cancel
        lumen::escrow::cancel(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x0000000000000000000000000000000000000000000000000000000000000404));
    }

    // an object that is not a job
    #[test]
    #[expected_failure(abort_code = 0x60007 /* ERESOURCE_DOES_NOT_EXIST */, location = aptos_framework::object)]
    fun escrow_object_not_a_job() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 10000000);
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: escrow::cancel
        lumen::escrow::cancel(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x3ace0dd9236dca63cb5932b2eaa76b1804206ed0c12e4068ba01369b81c3dd58));
    }

    // only an open job is cancelled
    #[test]
    #[expected_failure(abort_code = 0x30004 /* EWrongStatus */, location = lumen::escrow)]
    fun escrow_cancel_assigned() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 6: escrow::cancel
        lumen::escrow::cancel(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709));
    }

    // only the creator cancels
    #[test]
    #[expected_failure(abort_code = 0x50005 /* ENotCreator */, location = lumen::escrow)]
    fun escrow_cancel_by_another() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 10000000);
        let start = counts();
        // 0: escrow::create_job
        let n0_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 5, 1000, 0, 0);
        check<lumen::escrow::JobCreated>(n0_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000500000000000000e8030000000000000000000000000000000000000000000088130000000000000030ff6600000000"], 100000);
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 1: escrow::cancel
        lumen::escrow::cancel(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709));
    }

    // only the creator confirms
    #[test]
    #[expected_failure(abort_code = 0x50005 /* ENotCreator */, location = lumen::escrow)]
    fun escrow_confirm_by_another() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        // 6: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000600);
        let n6_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n6_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200707070707070707070707070707070707070707070707070707070707070707d82603670000000058020000000000005832ff6600000000"], 106000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 7: escrow::confirm
        lumen::escrow::confirm(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 1);
    }

    // only the creator asks for a rerender
    #[test]
    #[expected_failure(abort_code = 0x50005 /* ENotCreator */, location = lumen::escrow)]
    fun escrow_rerender_by_another() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        // 6: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000600);
        let n6_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n6_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200707070707070707070707070707070707070707070707070707070707070707d82603670000000058020000000000005832ff6600000000"], 106000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 7: escrow::request_rerender
        lumen::escrow::request_rerender(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 3, 1728007800);
    }

    // only the creator reclaims
    #[test]
    #[expected_failure(abort_code = 0x50005 /* ENotCreator */, location = lumen::escrow)]
    fun escrow_reclaim_by_another() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 6: escrow::reclaim
        aptos_framework::timestamp::update_global_time_for_test_secs(1728007201);
        lumen::escrow::reclaim(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709));
    }

    // only the worker submits
    #[test]
    #[expected_failure(abort_code = 0x50006 /* ENotWorker */, location = lumen::escrow)]
    fun escrow_submit_by_another() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 6: escrow::submit_result
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"01");
    }

    // only the parties dispute
    #[test]
    #[expected_failure(abort_code = 0x50007 /* ENotParty */, location = lumen::escrow)]
    fun escrow_dispute_by_outsider() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        // 6: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000600);
        let n6_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n6_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200707070707070707070707070707070707070707070707070707070707070707d82603670000000058020000000000005832ff6600000000"], 106000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 7: escrow::dispute
        lumen::escrow::dispute(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), x"01");
    }

    // the worker cannot pre-empt the creator's review
    #[test]
    #[expected_failure(abort_code = 0x50005 /* ENotCreator */, location = lumen::escrow)]
    fun escrow_worker_disputes_its_own_submission() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        // 6: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000600);
        let n6_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n6_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200707070707070707070707070707070707070707070707070707070707070707d82603670000000058020000000000005832ff6600000000"], 106000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 7: escrow::dispute
        lumen::escrow::dispute(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), x"01");
    }

    // after a partial acceptance only the worker disputes
    #[test]
    #[expected_failure(abort_code = 0x50006 /* ENotWorker */, location = lumen::escrow)]
    fun escrow_creator_disputes_its_partial_acceptance() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        // 6: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000600);
        let n6_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n6_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200707070707070707070707070707070707070707070707070707070707070707d82603670000000058020000000000005832ff6600000000"], 106000);
        // 7: escrow::confirm
        let n7_0 = count<lumen::escrow::PartiallyAccepted>();
        lumen::escrow::confirm(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 5);
        check<lumen::escrow::PartiallyAccepted>(n7_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a000000000000000500000000000000d826036700000000"], 107000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 8: escrow::dispute
        lumen::escrow::dispute(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), x"01");
    }

    // the worker disputes within its response window
    #[test]
    #[expected_failure(abort_code = 0x3001c /* EResponseWindowClosed */, location = lumen::escrow)]
    fun escrow_dispute_after_response_window() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        // 6: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000600);
        let n6_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n6_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200707070707070707070707070707070707070707070707070707070707070707d82603670000000058020000000000005832ff6600000000"], 106000);
        // 7: escrow::confirm
        let n7_0 = count<lumen::escrow::PartiallyAccepted>();
        lumen::escrow::confirm(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 5);
        check<lumen::escrow::PartiallyAccepted>(n7_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a000000000000000500000000000000d826036700000000"], 107000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 8: escrow::dispute
        aptos_framework::timestamp::update_global_time_for_test_secs(1728259801);
        lumen::escrow::dispute(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), x"01");
    }

    // a partial acceptance settles by itself only after the response window
    #[test]
    #[expected_failure(abort_code = 0x3001d /* EResponseWindowOpen */, location = lumen::escrow)]
    fun escrow_finalize_inside_response_window() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        // 6: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000600);
        let n6_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n6_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200707070707070707070707070707070707070707070707070707070707070707d82603670000000058020000000000005832ff6600000000"], 106000);
        // 7: escrow::confirm
        let n7_0 = count<lumen::escrow::PartiallyAccepted>();
        lumen::escrow::confirm(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 5);
        check<lumen::escrow::PartiallyAccepted>(n7_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a000000000000000500000000000000d826036700000000"], 107000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 8: escrow::finalize
        lumen::escrow::finalize(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709));
    }

    // accept_partial answers a partial acceptance
    #[test]
    #[expected_failure(abort_code = 0x30004 /* EWrongStatus */, location = lumen::escrow)]
    fun escrow_accept_partial_without_one() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        // 6: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000600);
        let n6_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n6_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200707070707070707070707070707070707070707070707070707070707070707d82603670000000058020000000000005832ff6600000000"], 106000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 7: escrow::accept_partial
        lumen::escrow::accept_partial(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709));
    }

    // a job that never delivered is reclaimed, not disputed
    #[test]
    #[expected_failure(abort_code = 0x30004 /* EWrongStatus */, location = lumen::escrow)]
    fun escrow_dispute_before_delivery() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 6: escrow::dispute
        lumen::escrow::dispute(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), x"01");
    }

    // a rerender round is disputed only after its deadline
    #[test]
    #[expected_failure(abort_code = 0x30018 /* EDeadlineNotPassed */, location = lumen::escrow)]
    fun escrow_dispute_of_a_running_rerender() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        // 6: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000600);
        let n6_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n6_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200707070707070707070707070707070707070707070707070707070707070707d82603670000000058020000000000005832ff6600000000"], 106000);
        // 7: escrow::request_rerender
        let n7_0 = count<lumen::escrow::RerenderRequested>();
        lumen::escrow::request_rerender(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 3, 1728007800);
        check<lumen::escrow::RerenderRequested>(n7_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000000300000000000000784eff66000000000100000000000000"], 107000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 8: escrow::dispute
        lumen::escrow::dispute(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), x"01");
    }

    // a missed rerender deadline is disputed, never reclaimed
    #[test]
    #[expected_failure(abort_code = 0x3001b /* EAlreadyDelivered */, location = lumen::escrow)]
    fun escrow_reclaim_after_a_delivery() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        // 6: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000600);
        let n6_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n6_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200707070707070707070707070707070707070707070707070707070707070707d82603670000000058020000000000005832ff6600000000"], 106000);
        // 7: escrow::request_rerender
        let n7_0 = count<lumen::escrow::RerenderRequested>();
        lumen::escrow::request_rerender(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 3, 1728007800);
        check<lumen::escrow::RerenderRequested>(n7_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000000300000000000000784eff66000000000100000000000000"], 107000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 8: escrow::reclaim
        aptos_framework::timestamp::update_global_time_for_test_secs(1728007801);
        lumen::escrow::reclaim(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709));
    }

    // a rerender gives the worker at least what the first assignment gave
    #[test]
    #[expected_failure(abort_code = 0x1001a /* ERerenderTooShort */, location = lumen::escrow)]
    fun escrow_rerender_too_short() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        // 6: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000600);
        let n6_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n6_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200707070707070707070707070707070707070707070707070707070707070707d82603670000000058020000000000005832ff6600000000"], 106000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 7: escrow::request_rerender
        lumen::escrow::request_rerender(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 3, 1728007799);
    }

    // only an arbiter resolves
    #[test]
    #[expected_failure(abort_code = 0x50008 /* ENotArbiter */, location = lumen::escrow)]
    fun escrow_resolve_by_another() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        // 6: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000600);
        let n6_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n6_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200707070707070707070707070707070707070707070707070707070707070707d82603670000000058020000000000005832ff6600000000"], 106000);
        // 7: escrow::dispute
        let n7_0 = count<lumen::escrow::JobDisputed>();
        lumen::escrow::dispute(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), x"01");
        check<lumen::escrow::JobDisputed>(n7_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd01017df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a000000000000000a0000000000000058a7116700000000"], 107000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 8: escrow::resolve
        lumen::escrow::resolve(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 1);
    }

    // withdraw pays a claimable balance
    #[test]
    #[expected_failure(abort_code = 0x6001e /* ENothingClaimable */, location = lumen::escrow)]
    fun escrow_withdraw_nothing() {
        world();
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: escrow::withdraw
        lumen::escrow::withdraw(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad));
    }

    // an offer expires
    #[test]
    #[expected_failure(abort_code = 0x10009 /* EOfferExpired */, location = lumen::escrow)]
    fun escrow_offer_expired() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 10000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 0);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 5: escrow::accept_offer
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728000000, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"882a9d5cb75454edb5bc10b9a5762df3ef5ee5740c31ae434b3540619d7ae5fb39666bcc73d4275d3922728ce5ec740efda5d63b0bc36712ddb0004e690b4605");
    }

    // the render deadline is in the future
    #[test]
    #[expected_failure(abort_code = 0x1000a /* EBadDeadline */, location = lumen::escrow)]
    fun escrow_offer_deadline_now() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 10000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 0);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 5: escrow::accept_offer
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728000000, 1728000060, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"633f4b8b90dc8fcb5aa40d94d17c1c30632971d833a2b7843c26be7f618b89d7b2fa556677ae6e551a9dd4c0c0002f0c3542e59ba73ff7313acfb1e1bbe21309");
    }

    // an offer pays at least min_price_per_frame: no free work
    #[test]
    #[expected_failure(abort_code = 0x10002 /* EPriceBelowMin */, location = lumen::escrow)]
    fun escrow_offer_below_min_price() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 10000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 0);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 5: escrow::accept_offer
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 0, 1728007200, 1728000060, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"e4cf550f1f731ebfc44ad5dd554bac5e8a6d542243e9c8fbb0d8455acaf89a43e6740ec52fbd35daae58ff5769ac1284cc807a0bafe6eda8d22180464dfb4707");
    }

    // an offer pays at most the maximum price
    #[test]
    #[expected_failure(abort_code = 0x1000b /* EPriceAboveMax */, location = lumen::escrow)]
    fun escrow_offer_above_max_price() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 10000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 0);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 5: escrow::accept_offer
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10001, 1728007200, 1728000060, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"650e0c67a85c71724f93bec937334a543bffac9e3a976359e64f05db810fb705b455f33a9138a4af14f6f152e8821c851ef104baee3b431584fe3e1d3761b20c");
    }

    // a creator's nonce is burnt by its first use
    #[test]
    #[expected_failure(abort_code = 0x8000c /* ENonceUsed */, location = lumen::escrow)]
    fun escrow_offer_nonce_reused() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 10000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 0);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::create_job
        let n5_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab01", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n5_0, vector[x"cf8a2c23a442ef31f1f61c2cd00ad1503bec0bb8c2a5e67d3ee9e4f0cebfad2301000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab010a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 105000);
        // 6: escrow::accept_offer
        let n6_0 = count<lumen::staking::StakeLocked>();
        let n6_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 7, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"cd67e01ec60a703a59bcd628ab066b9af967fb59f9d124461f1024d3d17654564fd3417272981f5b93c005b400fdf6be994980ed4fb21fcac58e5c7f7598f807");
        check<lumen::staking::StakeLocked>(n6_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 106000);
        check<lumen::escrow::JobAssigned>(n6_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000007000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 106100);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 7: escrow::accept_offer
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0xcf8a2c23a442ef31f1f61c2cd00ad1503bec0bb8c2a5e67d3ee9e4f0cebfad23), 8000, 1728007200, 1728000060, 7, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"ca6ac944e2dcdd8a4f00b9d18c33880b07e4b9fcf4d996b0e41df4005d3a4861c4863cfbcd933c22df4f3480895f51319189cebfa4c82b7083c6d3fcfcc1a803");
    }

    // a burnt nonce withdraws every offer signed with it
    #[test]
    #[expected_failure(abort_code = 0x8000c /* ENonceUsed */, location = lumen::escrow)]
    fun escrow_offer_nonce_burnt() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 10000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 0);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::burn_nonce
        let n5_0 = count<lumen::escrow::NonceBurned>();
        lumen::escrow::burn_nonce(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), 5);
        check<lumen::escrow::NonceBurned>(n5_0, vector[x"7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd0500000000000000"], 105000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 6: escrow::accept_offer
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728000060, 5, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"f15e618aed8291e3e8dd9ac7cb1c8327c1eb15ef0dbb1bbde49d795f1342616a720b8d9348fc19f40d0c31746f926cfa8b82e1bf4c1b298e653ef63672731305");
    }

    // the key is the creator's authentication key
    #[test]
    #[expected_failure(abort_code = 0x5000d /* EWrongPublicKey */, location = lumen::escrow)]
    fun escrow_offer_key_of_another() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 10000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 0);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 5: escrow::accept_offer
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728000060, 1, x"ed4928c628d1c2c6eae90338905995612959273a5c63f93636c14614ac8737d1", x"1fcd047ca83773ce2cb6b18b29213e077d156757362f64e0783bfeb1f4c97c3f00e3175ad48b39bd58de157dc443443fa29a79020f5313fb1da5b86dd862c107");
    }

    // the signature covers the price
    #[test]
    #[expected_failure(abort_code = 0x1000e /* EBadSignature */, location = lumen::escrow)]
    fun escrow_offer_tampered() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 10000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 0);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 5: escrow::accept_offer
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 7999, 1728007200, 1728000060, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"132b2aef95898f1864ca15aeb625aa03bf4a379fa8d404989b4e1e36fb013454c3f885781778b2b41a4abb985add3b6a0b724b48251459ef85e414f7e393a207");
    }

    // the key has 32 bytes (ed25519's own check)
    #[test]
    #[expected_failure(abort_code = 0x10001 /* E_WRONG_PUBKEY_SIZE */, location = aptos_std::ed25519)]
    fun escrow_offer_short_key() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 10000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 0);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 5: escrow::accept_offer
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728000060, 1, x"01010101010101010101010101010101010101010101010101010101010101", x"132b2aef95898f1864ca15aeb625aa03bf4a379fa8d404989b4e1e36fb013454c3f885781778b2b41a4abb985add3b6a0b724b48251459ef85e414f7e393a207");
    }

    // the signature has 64 bytes (ed25519's own check)
    #[test]
    #[expected_failure(abort_code = 0x10002 /* E_WRONG_SIGNATURE_SIZE */, location = aptos_std::ed25519)]
    fun escrow_offer_short_signature() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 10000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 0);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 5: escrow::accept_offer
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728000060, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"010101010101010101010101010101010101010101010101010101010101010101010101010101010101010101010101010101010101010101010101010101");
    }

    // an unstaked worker takes no job
    #[test]
    #[expected_failure(abort_code = 0x5000f /* ENotEligible */, location = lumen::escrow)]
    fun escrow_offer_to_ineligible() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 10000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 0);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: attestation::register_device_key
        let n5_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d), x"ed4928c628d1c2c6eae90338905995612959273a5c63f93636c14614ac8737d1");
        check<lumen::attestation::DeviceKeyRegistered>(n5_0, vector[x"f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d20ed4928c628d1c2c6eae90338905995612959273a5c63f93636c14614ac8737d100"], 105000);
        // 6: attestation::attest
        let n6_0 = count<lumen::attestation::AttestationSubmitted>();
        let n6_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, x"0202020202020202", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"ed4928c628d1c2c6eae90338905995612959273a5c63f93636c14614ac8737d1", x"ab27f515b5294d4175ae0bf0a8a1331ed9e19c7d4f6b43339be2c86b82cd1838f8ca33ce57aea2b44cd7809207843e44b031e3ebea6930df33f927d4deb08500");
        check<lumen::attestation::AttestationSubmitted>(n6_0, vector[x"0000000000000000000000000000000000000000000000000000000000007003f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d0100000000000000208a75a60a8a80dddc4a1674588f599cc0a607d9481c2fdde44a0080db2a36efb3301425000000000001000000000000000100000000000000"], 106000);
        check<lumen::attestation::ScoreAttested>(n6_1, vector[x"f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d08020202020202020208525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 106100);
        totals(start, vector<u64>[2, 2, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 7: escrow::accept_offer
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728000060, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"15ef72a965799d3c2b93114d1ec7dce0905da6f2436c4d7fa360a352472d471838c67772703e04eb2cc0063b39aa29f4fdc0bfac0de0fcb163c76a9987f2c903");
    }

    // the job's minimum score
    #[test]
    #[expected_failure(abort_code = 0x10010 /* EScoreTooLow */, location = lumen::escrow)]
    fun escrow_offer_score_too_low() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 10000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 0);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::create_job
        let n5_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab01", 10, 10000, 2430001, 0);
        check<lumen::escrow::JobCreated>(n5_0, vector[x"cf8a2c23a442ef31f1f61c2cd00ad1503bec0bb8c2a5e67d3ee9e4f0cebfad2301000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab010a00000000000000102700000000000031142500000000000000000000000000a0860100000000000030ff6600000000"], 105000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 6: escrow::accept_offer
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0xcf8a2c23a442ef31f1f61c2cd00ad1503bec0bb8c2a5e67d3ee9e4f0cebfad23), 8000, 1728007200, 1728000060, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"cea524003cb8f5b7299cafae47c9a303461e25780a40944deae7729fb10f7469b48a65e1a7a143f2ea5d65b543555673c59cfdd682c4613bffb13b9c538da205");
    }

    // the job's minimum VRAM
    #[test]
    #[expected_failure(abort_code = 0x10011 /* EVramTooLow */, location = lumen::escrow)]
    fun escrow_offer_vram_too_low() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 10000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 0);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::create_job
        let n5_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab01", 10, 10000, 0, 8193);
        check<lumen::escrow::JobCreated>(n5_0, vector[x"cf8a2c23a442ef31f1f61c2cd00ad1503bec0bb8c2a5e67d3ee9e4f0cebfad2301000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab010a00000000000000102700000000000000000000000000000120000000000000a0860100000000000030ff6600000000"], 105000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 6: escrow::accept_offer
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0xcf8a2c23a442ef31f1f61c2cd00ad1503bec0bb8c2a5e67d3ee9e4f0cebfad23), 8000, 1728007200, 1728000060, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"cea524003cb8f5b7299cafae47c9a303461e25780a40944deae7729fb10f7469b48a65e1a7a143f2ea5d65b543555673c59cfdd682c4613bffb13b9c538da205");
    }

    // a creator never takes its own job
    #[test]
    #[expected_failure(abort_code = 0x10012 /* ESelfAssignment */, location = lumen::escrow)]
    fun escrow_offer_to_itself() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 10000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 0);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 5: escrow::accept_offer
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728000060, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"1ac186112c42f6cc5c003c107a4adca612b4759a20c31bb777a14ab240b682c706548b5f99254ed6415f2bee9b1d774e9df0cea72377db5d3bb0f3f4cb75da0d");
    }

    // a result has frames
    #[test]
    #[expected_failure(abort_code = 0x10013 /* EBadFrames */, location = lumen::escrow)]
    fun escrow_submit_zero_frames() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 6: escrow::submit_result
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 0, x"01");
    }

    // a result before the deadline
    #[test]
    #[expected_failure(abort_code = 0x30014 /* EDeadlinePassed */, location = lumen::escrow)]
    fun escrow_submit_late() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 6: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728007201);
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"01");
    }

    // confirm within the review window
    #[test]
    #[expected_failure(abort_code = 0x30015 /* EReviewWindowClosed */, location = lumen::escrow)]
    fun escrow_confirm_late() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        // 6: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000600);
        let n6_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n6_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200707070707070707070707070707070707070707070707070707070707070707d82603670000000058020000000000005832ff6600000000"], 106000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 7: escrow::confirm
        aptos_framework::timestamp::update_global_time_for_test_secs(1728259801);
        lumen::escrow::confirm(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10);
    }

    // finalize waits for the review window
    #[test]
    #[expected_failure(abort_code = 0x30016 /* EReviewWindowOpen */, location = lumen::escrow)]
    fun escrow_finalize_early() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        // 6: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000600);
        let n6_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n6_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200707070707070707070707070707070707070707070707070707070707070707d82603670000000058020000000000005832ff6600000000"], 106000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 7: escrow::finalize
        lumen::escrow::finalize(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709));
    }

    // at most the job's max_rerenders
    #[test]
    #[expected_failure(abort_code = 0x20017 /* ETooManyRerenders */, location = lumen::escrow)]
    fun escrow_rerender_past_the_limit() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        // 6: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000600);
        let n6_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n6_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200707070707070707070707070707070707070707070707070707070707070707d82603670000000058020000000000005832ff6600000000"], 106000);
        // 7: escrow::request_rerender
        let n7_0 = count<lumen::escrow::RerenderRequested>();
        lumen::escrow::request_rerender(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 1, 1728007800);
        check<lumen::escrow::RerenderRequested>(n7_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000000100000000000000784eff66000000000100000000000000"], 107000);
        // 8: escrow::submit_result
        let n8_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0000000000000000000000000000000000000000000000000000000000000000");
        check<lumen::escrow::ResultSubmitted>(n8_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200000000000000000000000000000000000000000000000000000000000000000d82603670000000058020000000000005832ff6600000000"], 108000);
        // 9: escrow::request_rerender
        let n9_0 = count<lumen::escrow::RerenderRequested>();
        lumen::escrow::request_rerender(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 1, 1728007800);
        check<lumen::escrow::RerenderRequested>(n9_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000000100000000000000784eff66000000000200000000000000"], 109000);
        // 10: escrow::submit_result
        let n10_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0101010101010101010101010101010101010101010101010101010101010101");
        check<lumen::escrow::ResultSubmitted>(n10_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200101010101010101010101010101010101010101010101010101010101010101d82603670000000058020000000000005832ff6600000000"], 110000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 11: escrow::request_rerender
        lumen::escrow::request_rerender(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 1, 1728007800);
    }

    // reclaim after the render deadline
    #[test]
    #[expected_failure(abort_code = 0x30018 /* EDeadlineNotPassed */, location = lumen::escrow)]
    fun escrow_reclaim_early() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 6: escrow::reclaim
        lumen::escrow::reclaim(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709));
    }

    // finalize waits for the dispute timeout
    #[test]
    #[expected_failure(abort_code = 0x30019 /* EDisputeTimeoutNotPassed */, location = lumen::escrow)]
    fun escrow_dispute_finalized_early() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        // 6: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000600);
        let n6_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n6_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200707070707070707070707070707070707070707070707070707070707070707d82603670000000058020000000000005832ff6600000000"], 106000);
        // 7: escrow::dispute
        let n7_0 = count<lumen::escrow::JobDisputed>();
        lumen::escrow::dispute(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), x"01");
        check<lumen::escrow::JobDisputed>(n7_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd01017df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a000000000000000a0000000000000058a7116700000000"], 107000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 8: escrow::finalize
        aptos_framework::timestamp::update_global_time_for_test_secs(1729210199);
        lumen::escrow::finalize(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709));
    }

    // a legacy Ed25519 creator signs the offer through signMessage with every header line; the worker takes the job
    #[test]
    fun offers_wallet_ed25519() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: offers::accept_offer_envelope
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::offers::accept_offer_envelope(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, std::string::utf8(b"0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd"), std::string::utf8(b"https://lumen.example"), true, 0, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"6400e281da206ba184badb464bc958b6ad5bd8c601177172228c68975bcdc2795371873e168dc432fc8775fa13dbf1ed0a3387d5f64dd35c3394f3e4f51ea40d");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000001"], 105100);
        // 6: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000600);
        let n6_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n6_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200707070707070707070707070707070707070707070707070707070707070707d82603670000000058020000000000005832ff6600000000"], 106000);
        // 7: escrow::confirm
        let n7_0 = count<lumen::rewards::EpochFunded>();
        let n7_1 = count<lumen::staking::StakeUnlocked>();
        let n7_2 = count<lumen::rewards::LeaseRecorded>();
        let n7_3 = count<lumen::escrow::JobCompleted>();
        lumen::escrow::confirm(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10);
        check<lumen::rewards::EpochFunded>(n7_0, vector[x"204e0000000000002587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709e02e000000000000e02e000000000000"], 107000);
        check<lumen::staking::StakeUnlocked>(n7_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000000000000000000000"], 107100);
        check<lumen::rewards::LeaseRecorded>(n7_2, vector[x"204e0000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41580200000000000030142500000000008050e756000000000000000000000000"], 107200);
        check<lumen::escrow::JobCompleted>(n7_3, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000803801000000000000fa000000000000803e0000000000000000000000000000580200000000000000"], 107300);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
    }

    // a wallet that writes no address, application or chainId line: the envelope is APTOS, message, nonce
    #[test]
    fun offers_wallet_ed25519_bare() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: offers::accept_offer_envelope
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::offers::accept_offer_envelope(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, std::string::utf8(b""), std::string::utf8(b""), false, 0, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"85f46e1792838bb88fa1b1dab8d695f8044b33104dfdb719dcb8715c9a7158d229ff8b219c7138532b8065df76cb1351826c5e2e392a6de59b81d7272acaa109");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000001"], 105100);
        // 6: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000600);
        let n6_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n6_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200707070707070707070707070707070707070707070707070707070707070707d82603670000000058020000000000005832ff6600000000"], 106000);
        // 7: escrow::confirm
        let n7_0 = count<lumen::rewards::EpochFunded>();
        let n7_1 = count<lumen::staking::StakeUnlocked>();
        let n7_2 = count<lumen::rewards::LeaseRecorded>();
        let n7_3 = count<lumen::escrow::JobCompleted>();
        lumen::escrow::confirm(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10);
        check<lumen::rewards::EpochFunded>(n7_0, vector[x"204e0000000000002587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709e02e000000000000e02e000000000000"], 107000);
        check<lumen::staking::StakeUnlocked>(n7_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000000000000000000000"], 107100);
        check<lumen::rewards::LeaseRecorded>(n7_2, vector[x"204e0000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41580200000000000030142500000000008050e756000000000000000000000000"], 107200);
        check<lumen::escrow::JobCompleted>(n7_3, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000803801000000000000fa000000000000803e0000000000000000000000000000580200000000000000"], 107300);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
    }

    // a SingleKey (scheme 2) Ed25519 creator signs the offer through its wallet
    #[test]
    fun offers_wallet_single_key() {
        world();
        account(@0x84948b39f8a1f8a3c04a7ef75003175ce71b1b2c7db471e3c68a0ab601f79578, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x84948b39f8a1f8a3c04a7ef75003175ce71b1b2c7db471e3c68a0ab601f79578), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709000000000000000084948b39f8a1f8a3c04a7ef75003175ce71b1b2c7db471e3c68a0ab601f7957802ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: offers::accept_offer_envelope
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::offers::accept_offer_envelope(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, std::string::utf8(b"0x84948b39f8a1f8a3c04a7ef75003175ce71b1b2c7db471e3c68a0ab601f79578"), std::string::utf8(b"https://lumen.example"), true, 2, x"0020ca93ac1705187071d67b83c7ff0efe8108e8ec4530575d7726879333dbdabe7c", x"e069f108e7f63ce625e4413e1c85da0d42a792a4ac59a08555559d5ce1f306931467683a363a62610d163c23f1d006816bcdc16ad017d9dc20028de13e564202");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709000000000000000084948b39f8a1f8a3c04a7ef75003175ce71b1b2c7db471e3c68a0ab601f795787d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000001"], 105100);
        // 6: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000600);
        let n6_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n6_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200707070707070707070707070707070707070707070707070707070707070707d82603670000000058020000000000005832ff6600000000"], 106000);
        // 7: escrow::confirm
        let n7_0 = count<lumen::rewards::EpochFunded>();
        let n7_1 = count<lumen::staking::StakeUnlocked>();
        let n7_2 = count<lumen::rewards::LeaseRecorded>();
        let n7_3 = count<lumen::escrow::JobCompleted>();
        lumen::escrow::confirm(&lumen::test_helpers::signer_of(@0x84948b39f8a1f8a3c04a7ef75003175ce71b1b2c7db471e3c68a0ab601f79578), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10);
        check<lumen::rewards::EpochFunded>(n7_0, vector[x"204e0000000000002587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709e02e000000000000e02e000000000000"], 107000);
        check<lumen::staking::StakeUnlocked>(n7_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000000000000000000000"], 107100);
        check<lumen::rewards::LeaseRecorded>(n7_2, vector[x"204e0000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41580200000000000030142500000000008050e756000000000000000000000000"], 107200);
        check<lumen::escrow::JobCompleted>(n7_3, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709000000000000000084948b39f8a1f8a3c04a7ef75003175ce71b1b2c7db471e3c68a0ab601f795787d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000803801000000000000fa000000000000803e0000000000000000000000000000580200000000000000"], 107300);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
    }

    // a 2-of-3 MultiKey creator: keys 0 and 2 sign the envelope
    #[test]
    fun offers_wallet_multi_key() {
        world();
        account(@0x487f3c46eb28633e9b349382d3c853767fa1b980729f8edec0a4a9c9a3f0cae1, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x487f3c46eb28633e9b349382d3c853767fa1b980729f8edec0a4a9c9a3f0cae1), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f7090000000000000000487f3c46eb28633e9b349382d3c853767fa1b980729f8edec0a4a9c9a3f0cae102ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: offers::accept_offer_envelope
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::offers::accept_offer_envelope(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, std::string::utf8(b"0x487f3c46eb28633e9b349382d3c853767fa1b980729f8edec0a4a9c9a3f0cae1"), std::string::utf8(b"https://lumen.example"), true, 3, x"0300206e7a1cdd29b0b78fd13af4c5598feff4ef2a97166e3ca6f2e4fbfccd80505bf100208a875fff1eb38451577acd5afee405456568dd7c89e090863a0557bc7af49f170020ea4a6c63e29c520abef5507b132ec5f9954776aebebe7b92421eea691446d22c02", x"020040267b9e311098b6b49f3779173698fc9ab6770f3a3613318d4642051d6edd332f3cc5128d4a4fcd2dd7ddccf77938395a83517a31bb5ce25907916bd114c4ed0b0040bee4889ec6c08f2450519310b7d844f2202b859e9c1a20c9053c31245476cd00f27cad8ef146507f762d1c473a3583c0cbb502dcbc13d7ccac2d2de3605f1b0304a0000000");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f7090000000000000000487f3c46eb28633e9b349382d3c853767fa1b980729f8edec0a4a9c9a3f0cae17d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000001"], 105100);
        // 6: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000600);
        let n6_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n6_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200707070707070707070707070707070707070707070707070707070707070707d82603670000000058020000000000005832ff6600000000"], 106000);
        // 7: escrow::confirm
        let n7_0 = count<lumen::rewards::EpochFunded>();
        let n7_1 = count<lumen::staking::StakeUnlocked>();
        let n7_2 = count<lumen::rewards::LeaseRecorded>();
        let n7_3 = count<lumen::escrow::JobCompleted>();
        lumen::escrow::confirm(&lumen::test_helpers::signer_of(@0x487f3c46eb28633e9b349382d3c853767fa1b980729f8edec0a4a9c9a3f0cae1), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10);
        check<lumen::rewards::EpochFunded>(n7_0, vector[x"204e0000000000002587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709e02e000000000000e02e000000000000"], 107000);
        check<lumen::staking::StakeUnlocked>(n7_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000000000000000000000"], 107100);
        check<lumen::rewards::LeaseRecorded>(n7_2, vector[x"204e0000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41580200000000000030142500000000008050e756000000000000000000000000"], 107200);
        check<lumen::escrow::JobCompleted>(n7_3, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f7090000000000000000487f3c46eb28633e9b349382d3c853767fa1b980729f8edec0a4a9c9a3f0cae17d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000803801000000000000fa000000000000803e0000000000000000000000000000580200000000000000"], 107300);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
    }

    // the creator burns the nonce of a wallet-signed offer before the worker takes it
    #[test]
    #[expected_failure(abort_code = 0x8000c /* ENonceUsed */, location = lumen::escrow)]
    fun offers_wallet_nonce_burnt() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::burn_nonce
        let n5_0 = count<lumen::escrow::NonceBurned>();
        lumen::escrow::burn_nonce(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), 3);
        check<lumen::escrow::NonceBurned>(n5_0, vector[x"7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd0300000000000000"], 105000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 6: offers::accept_offer_envelope
        lumen::offers::accept_offer_envelope(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 3, std::string::utf8(b"0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd"), std::string::utf8(b"https://lumen.example"), true, 0, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"58af9b03776bd38aec90d78d22f548d023b6f7e5d0c4cf516bd0ce5fcde7a82b62ae0c8b17749739236101d0f20b230355417b3b45ed1021a64387b270798302");
    }

    // an account without an Ed25519 key publishes its offer; the worker takes it restating the terms; the job completes
    #[test]
    fun offers_on_chain() {
        world();
        account(@0x0000000000000000000000000000000000000000000000000000000000005eed, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000005eed), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000000000000000000000000000000000000000000000000000000000000000005eed02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: offers::publish_offer
        let n5_0 = count<lumen::offers::OfferPublished>();
        lumen::offers::publish_offer(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000005eed), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 8000, 1728007200, 1728003600, 1);
        check<lumen::offers::OfferPublished>(n5_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000000000000000000000000000000000000000000000000000000000000000005eed7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff6600000000103eff660000000001000000000000000030ff6600000000"], 105000);
        // 6: offers::accept_published_offer
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000060);
        let n6_0 = count<lumen::staking::StakeLocked>();
        let n6_1 = count<lumen::escrow::JobAssigned>();
        lumen::offers::accept_published_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1);
        check<lumen::staking::StakeLocked>(n6_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 106000);
        check<lumen::escrow::JobAssigned>(n6_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000000000000000000000000000000000000000000000000000000000000000005eed7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000003c30ff66000000008038010000000000401f00000000000080f40300000000000200000000000000e41b00000000000080f4030000000000007512000000000002"], 106100);
        // 7: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000660);
        let n7_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n7_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200707070707070707070707070707070707070707070707070707070707070707142703670000000058020000000000009432ff6600000000"], 107000);
        // 8: escrow::confirm
        let n8_0 = count<lumen::rewards::EpochFunded>();
        let n8_1 = count<lumen::staking::StakeUnlocked>();
        let n8_2 = count<lumen::rewards::LeaseRecorded>();
        let n8_3 = count<lumen::escrow::JobCompleted>();
        lumen::escrow::confirm(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000005eed), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10);
        check<lumen::rewards::EpochFunded>(n8_0, vector[x"204e0000000000002587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709e02e000000000000e02e000000000000"], 108000);
        check<lumen::staking::StakeUnlocked>(n8_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000000000000000000000"], 108100);
        check<lumen::rewards::LeaseRecorded>(n8_2, vector[x"204e0000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41580200000000000030142500000000008050e756000000000000000000000000"], 108200);
        check<lumen::escrow::JobCompleted>(n8_3, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000000000000000000000000000000000000000000000000000000000000000005eed7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000803801000000000000fa000000000000803e0000000000000000000000000000580200000000000000"], 108300);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
    }

    // publishing again replaces the offer: the first terms no longer bind, the second ones do
    #[test]
    fun offers_on_chain_replaced() {
        world();
        account(@0x0000000000000000000000000000000000000000000000000000000000005eed, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000005eed), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000000000000000000000000000000000000000000000000000000000000000005eed02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: offers::publish_offer
        let n5_0 = count<lumen::offers::OfferPublished>();
        lumen::offers::publish_offer(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000005eed), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 10000, 1728007200, 1728003600, 1);
        check<lumen::offers::OfferPublished>(n5_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000000000000000000000000000000000000000000000000000000000000000005eed7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c411027000000000000204cff6600000000103eff660000000001000000000000000030ff6600000000"], 105000);
        // 6: offers::publish_offer
        let n6_0 = count<lumen::offers::OfferPublished>();
        lumen::offers::publish_offer(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000005eed), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 8000, 1728007200, 1728003600, 2);
        check<lumen::offers::OfferPublished>(n6_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000000000000000000000000000000000000000000000000000000000000000005eed7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff6600000000103eff660000000002000000000000000030ff6600000000"], 106000);
        // 7: offers::accept_published_offer
        let n7_0 = count<lumen::staking::StakeLocked>();
        let n7_1 = count<lumen::escrow::JobAssigned>();
        lumen::offers::accept_published_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 2);
        check<lumen::staking::StakeLocked>(n7_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 107000);
        check<lumen::escrow::JobAssigned>(n7_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000000000000000000000000000000000000000000000000000000000000000005eed7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000002000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000002"], 107100);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
    }

    // the creator withdraws a published offer by burning its nonce; the worker can no longer take it
    #[test]
    #[expected_failure(abort_code = 0x8000c /* ENonceUsed */, location = lumen::escrow)]
    fun offers_on_chain_withdrawn() {
        world();
        account(@0x0000000000000000000000000000000000000000000000000000000000005eed, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000005eed), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000000000000000000000000000000000000000000000000000000000000000005eed02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: offers::publish_offer
        let n5_0 = count<lumen::offers::OfferPublished>();
        lumen::offers::publish_offer(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000005eed), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 8000, 1728007200, 1728003600, 1);
        check<lumen::offers::OfferPublished>(n5_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000000000000000000000000000000000000000000000000000000000000000005eed7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff6600000000103eff660000000001000000000000000030ff6600000000"], 105000);
        // 6: escrow::burn_nonce
        let n6_0 = count<lumen::escrow::NonceBurned>();
        lumen::escrow::burn_nonce(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000005eed), 1);
        check<lumen::escrow::NonceBurned>(n6_0, vector[x"0000000000000000000000000000000000000000000000000000000000005eed0100000000000000"], 106000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 7: offers::accept_published_offer
        lumen::offers::accept_published_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1);
    }

    // a published offer leaves the creator's store when taken: the job is no longer Open
    #[test]
    #[expected_failure(abort_code = 0x30004 /* EWrongStatus */, location = lumen::escrow)]
    fun offers_on_chain_taken_once() {
        world();
        account(@0x0000000000000000000000000000000000000000000000000000000000005eed, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000005eed), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000000000000000000000000000000000000000000000000000000000000000005eed02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: offers::publish_offer
        let n5_0 = count<lumen::offers::OfferPublished>();
        lumen::offers::publish_offer(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000005eed), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 8000, 1728007200, 1728003600, 1);
        check<lumen::offers::OfferPublished>(n5_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000000000000000000000000000000000000000000000000000000000000000005eed7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff6600000000103eff660000000001000000000000000030ff6600000000"], 105000);
        // 6: offers::accept_published_offer
        let n6_0 = count<lumen::staking::StakeLocked>();
        let n6_1 = count<lumen::escrow::JobAssigned>();
        lumen::offers::accept_published_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1);
        check<lumen::staking::StakeLocked>(n6_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 106000);
        check<lumen::escrow::JobAssigned>(n6_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000000000000000000000000000000000000000000000000000000000000000005eed7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000002"], 106100);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 7: offers::accept_published_offer
        lumen::offers::accept_published_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1);
    }

    // the worker restates a higher price than the creator signed
    #[test]
    #[expected_failure(abort_code = 0x10005 /* EBadSignature */, location = lumen::offers)]
    fun offers_tampered_price() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: attestation::register_device_key
        let n4_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d), x"ed4928c628d1c2c6eae90338905995612959273a5c63f93636c14614ac8737d1");
        check<lumen::attestation::DeviceKeyRegistered>(n4_0, vector[x"f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d20ed4928c628d1c2c6eae90338905995612959273a5c63f93636c14614ac8737d100"], 104000);
        // 5: attestation::attest
        let n5_0 = count<lumen::attestation::AttestationSubmitted>();
        let n5_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, x"0303030303030303", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"ed4928c628d1c2c6eae90338905995612959273a5c63f93636c14614ac8737d1", x"18e60766791ef4c2d589bddcfec6033b84c5d2ebb616d8d9e8274f65e7c2a4206bda47abb178b3d0f2b9bdffbf36283f80485be445d5bca75c30189ddc3f710d");
        check<lumen::attestation::AttestationSubmitted>(n5_0, vector[x"0000000000000000000000000000000000000000000000000000000000007003f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d010000000000000020e19d03465d90f61d8993f172a97694422361aa9c6bba824cea03dc007fd46535301425000000000001000000000000000100000000000000"], 105000);
        check<lumen::attestation::ScoreAttested>(n5_1, vector[x"f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d08030303030303030308525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 105100);
        // 6: staking::set_price
        let n6_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d), 2000000);
        check<lumen::staking::PriceSet>(n6_0, vector[x"f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d80841e0000000000"], 106000);
        // 7: staking::stake
        let n7_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d), 699840000);
        check<lumen::staking::Staked>(n7_0, vector[x"f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d00b6b6290000000000b6b62900000000"], 107000);
        // 8: escrow::create_job
        let n8_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n8_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 108000);
        totals(start, vector<u64>[2, 2, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0]);
        // 9: offers::accept_offer_envelope
        lumen::offers::accept_offer_envelope(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10000, 1728007200, 1728003600, 1, std::string::utf8(b"0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd"), std::string::utf8(b"https://lumen.example"), true, 0, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"6400e281da206ba184badb464bc958b6ad5bd8c601177172228c68975bcdc2795371873e168dc432fc8775fa13dbf1ed0a3387d5f64dd35c3394f3e4f51ea40d");
    }

    // another eligible worker sends the envelope signed for the first one
    #[test]
    #[expected_failure(abort_code = 0x10005 /* EBadSignature */, location = lumen::offers)]
    fun offers_tampered_worker() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: attestation::register_device_key
        let n4_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d), x"ed4928c628d1c2c6eae90338905995612959273a5c63f93636c14614ac8737d1");
        check<lumen::attestation::DeviceKeyRegistered>(n4_0, vector[x"f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d20ed4928c628d1c2c6eae90338905995612959273a5c63f93636c14614ac8737d100"], 104000);
        // 5: attestation::attest
        let n5_0 = count<lumen::attestation::AttestationSubmitted>();
        let n5_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, x"0303030303030303", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"ed4928c628d1c2c6eae90338905995612959273a5c63f93636c14614ac8737d1", x"18e60766791ef4c2d589bddcfec6033b84c5d2ebb616d8d9e8274f65e7c2a4206bda47abb178b3d0f2b9bdffbf36283f80485be445d5bca75c30189ddc3f710d");
        check<lumen::attestation::AttestationSubmitted>(n5_0, vector[x"0000000000000000000000000000000000000000000000000000000000007003f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d010000000000000020e19d03465d90f61d8993f172a97694422361aa9c6bba824cea03dc007fd46535301425000000000001000000000000000100000000000000"], 105000);
        check<lumen::attestation::ScoreAttested>(n5_1, vector[x"f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d08030303030303030308525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 105100);
        // 6: staking::set_price
        let n6_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d), 2000000);
        check<lumen::staking::PriceSet>(n6_0, vector[x"f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d80841e0000000000"], 106000);
        // 7: staking::stake
        let n7_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d), 699840000);
        check<lumen::staking::Staked>(n7_0, vector[x"f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d00b6b6290000000000b6b62900000000"], 107000);
        // 8: escrow::create_job
        let n8_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n8_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 108000);
        totals(start, vector<u64>[2, 2, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0]);
        // 9: offers::accept_offer_envelope
        lumen::offers::accept_offer_envelope(&lumen::test_helpers::signer_of(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, std::string::utf8(b"0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd"), std::string::utf8(b"https://lumen.example"), true, 0, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"6400e281da206ba184badb464bc958b6ad5bd8c601177172228c68975bcdc2795371873e168dc432fc8775fa13dbf1ed0a3387d5f64dd35c3394f3e4f51ea40d");
    }

    // an envelope signed for another chain (chainId 5) does not verify on this one
    #[test]
    #[expected_failure(abort_code = 0x10005 /* EBadSignature */, location = lumen::offers)]
    fun offers_tampered_chain_id() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: attestation::register_device_key
        let n4_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d), x"ed4928c628d1c2c6eae90338905995612959273a5c63f93636c14614ac8737d1");
        check<lumen::attestation::DeviceKeyRegistered>(n4_0, vector[x"f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d20ed4928c628d1c2c6eae90338905995612959273a5c63f93636c14614ac8737d100"], 104000);
        // 5: attestation::attest
        let n5_0 = count<lumen::attestation::AttestationSubmitted>();
        let n5_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, x"0303030303030303", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"ed4928c628d1c2c6eae90338905995612959273a5c63f93636c14614ac8737d1", x"18e60766791ef4c2d589bddcfec6033b84c5d2ebb616d8d9e8274f65e7c2a4206bda47abb178b3d0f2b9bdffbf36283f80485be445d5bca75c30189ddc3f710d");
        check<lumen::attestation::AttestationSubmitted>(n5_0, vector[x"0000000000000000000000000000000000000000000000000000000000007003f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d010000000000000020e19d03465d90f61d8993f172a97694422361aa9c6bba824cea03dc007fd46535301425000000000001000000000000000100000000000000"], 105000);
        check<lumen::attestation::ScoreAttested>(n5_1, vector[x"f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d08030303030303030308525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 105100);
        // 6: staking::set_price
        let n6_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d), 2000000);
        check<lumen::staking::PriceSet>(n6_0, vector[x"f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d80841e0000000000"], 106000);
        // 7: staking::stake
        let n7_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d), 699840000);
        check<lumen::staking::Staked>(n7_0, vector[x"f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d00b6b6290000000000b6b62900000000"], 107000);
        // 8: escrow::create_job
        let n8_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n8_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 108000);
        totals(start, vector<u64>[2, 2, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0]);
        // 9: offers::accept_offer_envelope
        lumen::offers::accept_offer_envelope(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, std::string::utf8(b"0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd"), std::string::utf8(b"https://lumen.example"), true, 0, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b9b005463ca3fe9acaf19e7be545ad72636c844ea995e1bc47acc935a997dc0f13c279afd78116e2dfb32e42a98717c8ed42346f4e9b20c180eb193819bf1e0a");
    }

    // the envelope is restated with another application than the wallet signed
    #[test]
    #[expected_failure(abort_code = 0x10005 /* EBadSignature */, location = lumen::offers)]
    fun offers_tampered_application() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: attestation::register_device_key
        let n4_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d), x"ed4928c628d1c2c6eae90338905995612959273a5c63f93636c14614ac8737d1");
        check<lumen::attestation::DeviceKeyRegistered>(n4_0, vector[x"f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d20ed4928c628d1c2c6eae90338905995612959273a5c63f93636c14614ac8737d100"], 104000);
        // 5: attestation::attest
        let n5_0 = count<lumen::attestation::AttestationSubmitted>();
        let n5_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, x"0303030303030303", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"ed4928c628d1c2c6eae90338905995612959273a5c63f93636c14614ac8737d1", x"18e60766791ef4c2d589bddcfec6033b84c5d2ebb616d8d9e8274f65e7c2a4206bda47abb178b3d0f2b9bdffbf36283f80485be445d5bca75c30189ddc3f710d");
        check<lumen::attestation::AttestationSubmitted>(n5_0, vector[x"0000000000000000000000000000000000000000000000000000000000007003f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d010000000000000020e19d03465d90f61d8993f172a97694422361aa9c6bba824cea03dc007fd46535301425000000000001000000000000000100000000000000"], 105000);
        check<lumen::attestation::ScoreAttested>(n5_1, vector[x"f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d08030303030303030308525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 105100);
        // 6: staking::set_price
        let n6_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d), 2000000);
        check<lumen::staking::PriceSet>(n6_0, vector[x"f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d80841e0000000000"], 106000);
        // 7: staking::stake
        let n7_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d), 699840000);
        check<lumen::staking::Staked>(n7_0, vector[x"f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d00b6b6290000000000b6b62900000000"], 107000);
        // 8: escrow::create_job
        let n8_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n8_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 108000);
        totals(start, vector<u64>[2, 2, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0]);
        // 9: offers::accept_offer_envelope
        lumen::offers::accept_offer_envelope(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, std::string::utf8(b"0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd"), std::string::utf8(b"https://evil.example"), true, 0, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"6400e281da206ba184badb464bc958b6ad5bd8c601177172228c68975bcdc2795371873e168dc432fc8775fa13dbf1ed0a3387d5f64dd35c3394f3e4f51ea40d");
    }

    // the chainId line the wallet wrote is left out
    #[test]
    #[expected_failure(abort_code = 0x10005 /* EBadSignature */, location = lumen::offers)]
    fun offers_tampered_header_dropped() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: attestation::register_device_key
        let n4_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d), x"ed4928c628d1c2c6eae90338905995612959273a5c63f93636c14614ac8737d1");
        check<lumen::attestation::DeviceKeyRegistered>(n4_0, vector[x"f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d20ed4928c628d1c2c6eae90338905995612959273a5c63f93636c14614ac8737d100"], 104000);
        // 5: attestation::attest
        let n5_0 = count<lumen::attestation::AttestationSubmitted>();
        let n5_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, x"0303030303030303", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"ed4928c628d1c2c6eae90338905995612959273a5c63f93636c14614ac8737d1", x"18e60766791ef4c2d589bddcfec6033b84c5d2ebb616d8d9e8274f65e7c2a4206bda47abb178b3d0f2b9bdffbf36283f80485be445d5bca75c30189ddc3f710d");
        check<lumen::attestation::AttestationSubmitted>(n5_0, vector[x"0000000000000000000000000000000000000000000000000000000000007003f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d010000000000000020e19d03465d90f61d8993f172a97694422361aa9c6bba824cea03dc007fd46535301425000000000001000000000000000100000000000000"], 105000);
        check<lumen::attestation::ScoreAttested>(n5_1, vector[x"f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d08030303030303030308525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 105100);
        // 6: staking::set_price
        let n6_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d), 2000000);
        check<lumen::staking::PriceSet>(n6_0, vector[x"f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d80841e0000000000"], 106000);
        // 7: staking::stake
        let n7_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d), 699840000);
        check<lumen::staking::Staked>(n7_0, vector[x"f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d00b6b6290000000000b6b62900000000"], 107000);
        // 8: escrow::create_job
        let n8_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n8_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 108000);
        totals(start, vector<u64>[2, 2, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0]);
        // 9: offers::accept_offer_envelope
        lumen::offers::accept_offer_envelope(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, std::string::utf8(b"0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd"), std::string::utf8(b"https://lumen.example"), false, 0, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"6400e281da206ba184badb464bc958b6ad5bd8c601177172228c68975bcdc2795371873e168dc432fc8775fa13dbf1ed0a3387d5f64dd35c3394f3e4f51ea40d");
    }

    // the worker restates a later render deadline than the creator signed
    #[test]
    #[expected_failure(abort_code = 0x10005 /* EBadSignature */, location = lumen::offers)]
    fun offers_tampered_deadline() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: attestation::register_device_key
        let n4_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d), x"ed4928c628d1c2c6eae90338905995612959273a5c63f93636c14614ac8737d1");
        check<lumen::attestation::DeviceKeyRegistered>(n4_0, vector[x"f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d20ed4928c628d1c2c6eae90338905995612959273a5c63f93636c14614ac8737d100"], 104000);
        // 5: attestation::attest
        let n5_0 = count<lumen::attestation::AttestationSubmitted>();
        let n5_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, x"0303030303030303", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"ed4928c628d1c2c6eae90338905995612959273a5c63f93636c14614ac8737d1", x"18e60766791ef4c2d589bddcfec6033b84c5d2ebb616d8d9e8274f65e7c2a4206bda47abb178b3d0f2b9bdffbf36283f80485be445d5bca75c30189ddc3f710d");
        check<lumen::attestation::AttestationSubmitted>(n5_0, vector[x"0000000000000000000000000000000000000000000000000000000000007003f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d010000000000000020e19d03465d90f61d8993f172a97694422361aa9c6bba824cea03dc007fd46535301425000000000001000000000000000100000000000000"], 105000);
        check<lumen::attestation::ScoreAttested>(n5_1, vector[x"f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d08030303030303030308525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 105100);
        // 6: staking::set_price
        let n6_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d), 2000000);
        check<lumen::staking::PriceSet>(n6_0, vector[x"f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d80841e0000000000"], 106000);
        // 7: staking::stake
        let n7_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d), 699840000);
        check<lumen::staking::Staked>(n7_0, vector[x"f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d00b6b6290000000000b6b62900000000"], 107000);
        // 8: escrow::create_job
        let n8_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n8_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 108000);
        totals(start, vector<u64>[2, 2, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0]);
        // 9: offers::accept_offer_envelope
        lumen::offers::accept_offer_envelope(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007201, 1728003600, 1, std::string::utf8(b"0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd"), std::string::utf8(b"https://lumen.example"), true, 0, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"6400e281da206ba184badb464bc958b6ad5bd8c601177172228c68975bcdc2795371873e168dc432fc8775fa13dbf1ed0a3387d5f64dd35c3394f3e4f51ea40d");
    }

    // only the job's creator publishes an offer for it
    #[test]
    #[expected_failure(abort_code = 0x50001 /* ENotCreator */, location = lumen::offers)]
    fun offers_publish_not_creator() {
        world();
        account(@0x0000000000000000000000000000000000000000000000000000000000005eed, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000005eed), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000000000000000000000000000000000000000000000000000000000000000005eed02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 5: offers::publish_offer
        lumen::offers::publish_offer(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 8000, 1728007200, 1728003600, 1);
    }

    // a worker cannot take an offer the creator never published
    #[test]
    #[expected_failure(abort_code = 0x60002 /* ENoPublishedOffer */, location = lumen::offers)]
    fun offers_nothing_published() {
        world();
        account(@0x0000000000000000000000000000000000000000000000000000000000005eed, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000005eed), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000000000000000000000000000000000000000000000000000000000000000005eed02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 5: offers::accept_published_offer
        lumen::offers::accept_published_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1);
    }

    // the worker restates a higher price than the creator published
    #[test]
    #[expected_failure(abort_code = 0x10003 /* EOfferMismatch */, location = lumen::offers)]
    fun offers_published_terms_differ() {
        world();
        account(@0x0000000000000000000000000000000000000000000000000000000000005eed, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000005eed), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000000000000000000000000000000000000000000000000000000000000000005eed02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: offers::publish_offer
        let n5_0 = count<lumen::offers::OfferPublished>();
        lumen::offers::publish_offer(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000005eed), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 8000, 1728007200, 1728003600, 1);
        check<lumen::offers::OfferPublished>(n5_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000000000000000000000000000000000000000000000000000000000000000005eed7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff6600000000103eff660000000001000000000000000030ff6600000000"], 105000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 6: offers::accept_published_offer
        lumen::offers::accept_published_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10000, 1728007200, 1728003600, 1);
    }

    // an eligible worker cannot take an offer published for another one
    #[test]
    #[expected_failure(abort_code = 0x10003 /* EOfferMismatch */, location = lumen::offers)]
    fun offers_published_for_another_worker() {
        world();
        account(@0x0000000000000000000000000000000000000000000000000000000000005eed, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        account(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: attestation::register_device_key
        let n4_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d), x"ed4928c628d1c2c6eae90338905995612959273a5c63f93636c14614ac8737d1");
        check<lumen::attestation::DeviceKeyRegistered>(n4_0, vector[x"f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d20ed4928c628d1c2c6eae90338905995612959273a5c63f93636c14614ac8737d100"], 104000);
        // 5: attestation::attest
        let n5_0 = count<lumen::attestation::AttestationSubmitted>();
        let n5_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d, x"0303030303030303", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"ed4928c628d1c2c6eae90338905995612959273a5c63f93636c14614ac8737d1", x"18e60766791ef4c2d589bddcfec6033b84c5d2ebb616d8d9e8274f65e7c2a4206bda47abb178b3d0f2b9bdffbf36283f80485be445d5bca75c30189ddc3f710d");
        check<lumen::attestation::AttestationSubmitted>(n5_0, vector[x"0000000000000000000000000000000000000000000000000000000000007003f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d010000000000000020e19d03465d90f61d8993f172a97694422361aa9c6bba824cea03dc007fd46535301425000000000001000000000000000100000000000000"], 105000);
        check<lumen::attestation::ScoreAttested>(n5_1, vector[x"f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d08030303030303030308525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 105100);
        // 6: staking::set_price
        let n6_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d), 2000000);
        check<lumen::staking::PriceSet>(n6_0, vector[x"f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d80841e0000000000"], 106000);
        // 7: staking::stake
        let n7_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d), 699840000);
        check<lumen::staking::Staked>(n7_0, vector[x"f4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d00b6b6290000000000b6b62900000000"], 107000);
        // 8: escrow::create_job
        let n8_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000005eed), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n8_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000000000000000000000000000000000000000000000000000000000000000005eed02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 108000);
        // 9: offers::publish_offer
        let n9_0 = count<lumen::offers::OfferPublished>();
        lumen::offers::publish_offer(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000005eed), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 8000, 1728007200, 1728003600, 1);
        check<lumen::offers::OfferPublished>(n9_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000000000000000000000000000000000000000000000000000000000000000005eed7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff6600000000103eff660000000001000000000000000030ff6600000000"], 109000);
        totals(start, vector<u64>[2, 2, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0]);
        // 10: offers::accept_published_offer
        lumen::offers::accept_published_offer(&lumen::test_helpers::signer_of(@0xf4f9450e6f0b72ba78becf56a39f8bd322295548fdd52b29bc4aebd58dd0223d), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1);
    }

    // an envelope signed by a key that is not the creator's authentication key
    #[test]
    #[expected_failure(abort_code = 0x50004 /* EWrongPublicKey */, location = lumen::offers)]
    fun offers_wallet_wrong_key() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 5: offers::accept_offer_envelope
        lumen::offers::accept_offer_envelope(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, std::string::utf8(b"0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd"), std::string::utf8(b"https://lumen.example"), true, 0, x"fd1724385aa0c75b64fb78cd602fa1d991fdebf76b13c58ed702eac835e9f618", x"7bfa4ea06b3585ac3e98396bc577b2d9daabc6644217eb5872d3410e88ca4b5db5134196eae5ba57c6de3d1181f5987994f836881f24c035fc56ce6a9cb21a01");
    }

    // a creator whose authentication key no Ed25519 key derives cannot sign a wallet offer (it publishes instead)
    #[test]
    #[expected_failure(abort_code = 0x50004 /* EWrongPublicKey */, location = lumen::offers)]
    fun offers_wallet_keyless_creator() {
        world();
        account(@0x0000000000000000000000000000000000000000000000000000000000005eed, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000005eed), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000000000000000000000000000000000000000000000000000000000000000005eed02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 5: offers::accept_offer_envelope
        lumen::offers::accept_offer_envelope(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, std::string::utf8(b""), std::string::utf8(b""), false, 0, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"85f46e1792838bb88fa1b1dab8d695f8044b33104dfdb719dcb8715c9a7158d229ff8b219c7138532b8065df76cb1351826c5e2e392a6de59b81d7272acaa109");
    }

    // an application text with a line break would forge another envelope line
    #[test]
    #[expected_failure(abort_code = 0x10001 /* EHeaderLineBreak */, location = lumen::offer_auth)]
    fun offers_wallet_application_line_break() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 5: offers::accept_offer_envelope
        lumen::offers::accept_offer_envelope(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, std::string::utf8(b"0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd"), std::string::utf8(b"https://lumen.example\x0achainId: 4"), true, 0, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"6400e281da206ba184badb464bc958b6ad5bd8c601177172228c68975bcdc2795371873e168dc432fc8775fa13dbf1ed0a3387d5f64dd35c3394f3e4f51ea40d");
    }

    // the envelope's address line names another account than the creator
    #[test]
    #[expected_failure(abort_code = 0x10002 /* EHeaderAddress */, location = lumen::offer_auth)]
    fun offers_wallet_foreign_address() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 5: offers::accept_offer_envelope
        lumen::offers::accept_offer_envelope(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, std::string::utf8(b"0x0000000000000000000000000000000000000000000000000000000000000bad"), std::string::utf8(b"https://lumen.example"), true, 0, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"6400e281da206ba184badb464bc958b6ad5bd8c601177172228c68975bcdc2795371873e168dc432fc8775fa13dbf1ed0a3387d5f64dd35c3394f3e4f51ea40d");
    }

    // key scheme 1 (MultiEd25519) is not one an offer is signed with
    #[test]
    #[expected_failure(abort_code = 0x10003 /* EUnknownScheme */, location = lumen::offer_auth)]
    fun offers_wallet_unknown_scheme() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 5: offers::accept_offer_envelope
        lumen::offers::accept_offer_envelope(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, std::string::utf8(b"0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd"), std::string::utf8(b"https://lumen.example"), true, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"6400e281da206ba184badb464bc958b6ad5bd8c601177172228c68975bcdc2795371873e168dc432fc8775fa13dbf1ed0a3387d5f64dd35c3394f3e4f51ea40d");
    }

    // an Ed25519 public key of 31 bytes
    #[test]
    #[expected_failure(abort_code = 0x10004 /* EMalformedPublicKey */, location = lumen::offer_auth)]
    fun offers_wallet_short_public_key() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 5: offers::accept_offer_envelope
        lumen::offers::accept_offer_envelope(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, std::string::utf8(b"0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd"), std::string::utf8(b"https://lumen.example"), true, 0, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f", x"6400e281da206ba184badb464bc958b6ad5bd8c601177172228c68975bcdc2795371873e168dc432fc8775fa13dbf1ed0a3387d5f64dd35c3394f3e4f51ea40d");
    }

    // an Ed25519 signature of 63 bytes
    #[test]
    #[expected_failure(abort_code = 0x10005 /* EMalformedSignature */, location = lumen::offer_auth)]
    fun offers_wallet_short_signature() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 5: offers::accept_offer_envelope
        lumen::offers::accept_offer_envelope(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, std::string::utf8(b"0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd"), std::string::utf8(b"https://lumen.example"), true, 0, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"6400e281da206ba184badb464bc958b6ad5bd8c601177172228c68975bcdc2795371873e168dc432fc8775fa13dbf1ed0a3387d5f64dd35c3394f3e4f51ea4");
    }

    // a SingleKey whose key is not Ed25519 (variant 1, Secp256k1)
    #[test]
    #[expected_failure(abort_code = 0x10006 /* EUnsupportedKey */, location = lumen::offer_auth)]
    fun offers_wallet_unsupported_key() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 5: offers::accept_offer_envelope
        lumen::offers::accept_offer_envelope(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, std::string::utf8(b"0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd"), std::string::utf8(b"https://lumen.example"), true, 2, x"01410404040404040404040404040404040404040404040404040404040404040404040404040404040404040404040404040404040404040404040404040404040404", x"6400e281da206ba184badb464bc958b6ad5bd8c601177172228c68975bcdc2795371873e168dc432fc8775fa13dbf1ed0a3387d5f64dd35c3394f3e4f51ea40d");
    }

    // a paid job records PoD weight, uptime PoC weight (none for the unstaked outsider); the closed epoch pays the worker both sides
    #[test]
    fun rewards_epoch_funded_earned_closed_claimed() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        // 6: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000600);
        let n6_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n6_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200707070707070707070707070707070707070707070707070707070707070707d82603670000000058020000000000005832ff6600000000"], 106000);
        // 7: rewards::fund_epoch
        let n7_0 = count<lumen::rewards::EpochFunded>();
        lumen::rewards::fund_epoch(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), 20000, 300000000);
        check<lumen::rewards::EpochFunded>(n7_0, vector[x"204e0000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd00a3e1110000000000a3e11100000000"], 107000);
        // 8: escrow::confirm
        let n8_0 = count<lumen::rewards::EpochFunded>();
        let n8_1 = count<lumen::staking::StakeUnlocked>();
        let n8_2 = count<lumen::rewards::LeaseRecorded>();
        let n8_3 = count<lumen::escrow::JobCompleted>();
        lumen::escrow::confirm(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10);
        check<lumen::rewards::EpochFunded>(n8_0, vector[x"204e0000000000002587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709e02e000000000000e0d1e11100000000"], 108000);
        check<lumen::staking::StakeUnlocked>(n8_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000000000000000000000"], 108100);
        check<lumen::rewards::LeaseRecorded>(n8_2, vector[x"204e0000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41580200000000000030142500000000008050e756000000000000000000000000"], 108200);
        check<lumen::escrow::JobCompleted>(n8_3, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000803801000000000000fa000000000000803e0000000000000000000000000000580200000000000000"], 108300);
        // 9: rewards::report_uptime
        aptos_framework::timestamp::update_global_time_for_test_secs(1728087000);
        let n9_0 = count<lumen::rewards::UptimeVoted>();
        let n9_1 = count<lumen::rewards::UptimeReported>();
        lumen::rewards::report_uptime(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), 20000, vector<address>[@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, @0x0000000000000000000000000000000000000000000000000000000000000bad], vector<u64>[80000, 90000]);
        check<lumen::rewards::UptimeVoted>(n9_0, vector[x"204e0000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410000000000000000000000000000000000000000000000000000000000007003803801000000000001000000000000000100000000000000", x"204e0000000000000000000000000000000000000000000000000000000000000000000000000bad0000000000000000000000000000000000000000000000000000000000007003805101000000000001000000000000000100000000000000"], 109000);
        check<lumen::rewards::UptimeReported>(n9_1, vector[x"204e0000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41000000000000000000000000000000000000000000000000000000000000700380380100000000003014250000000000009824432d0000000000000000000000", x"204e0000000000000000000000000000000000000000000000000000000000000000000000000bad00000000000000000000000000000000000000000000000000000000000070038051010000000000000000000000000000000000000000000000000000000000"], 109100);
        // 10: rewards::close_epoch
        aptos_framework::timestamp::update_global_time_for_test_secs(1728090600);
        let n10_0 = count<lumen::rewards::EpochClosed>();
        lumen::rewards::close_epoch(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad), 20000);
        check<lumen::rewards::EpochClosed>(n10_0, vector[x"204e000000000000e0d1e11100000000f0e8f00800000000f0e8f00800000000009824432d00000000000000000000008050e7560000000000000000000000000000000000000000"], 110000);
        // 11: rewards::claim
        let n11_0 = count<lumen::rewards::RewardClaimed>();
        lumen::rewards::claim(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 20000);
        check<lumen::rewards::RewardClaimed>(n11_0, vector[x"204e0000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41f0e8f00800000000f0e8f00800000000e0d1e11100000000"], 111000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 1, 2, 1, 1, 2, 0, 2, 0, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
    }

    // a worker's lease in an epoch counts at most epoch_secs, however long or concurrent its paid jobs
    #[test]
    fun rewards_lease_capped_per_epoch() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 1, 3000000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000100000000000000c0c62d000000000000000000000000000000000000000000c0c62d00000000000030ff6600000000"], 104000);
        // 5: escrow::create_job
        let n5_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab01", 1, 3000000, 0, 0);
        check<lumen::escrow::JobCreated>(n5_0, vector[x"cf8a2c23a442ef31f1f61c2cd00ad1503bec0bb8c2a5e67d3ee9e4f0cebfad2301000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab010100000000000000c0c62d000000000000000000000000000000000000000000c0c62d00000000000030ff6600000000"], 105000);
        // 6: escrow::accept_offer
        let n6_0 = count<lumen::staking::StakeLocked>();
        let n6_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 2000000, 1728259200, 1728000600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"60b9381cf50113e4dd94aab9b095e123bb23d231fb6b282870eff03c42cfa8f9b35c2d5e5778db5e85466ce722303c0fae512628ac10c8596a40826b4380cc0d");
        check<lumen::staking::StakeLocked>(n6_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980841e000000000080841e0000000000"], 106000);
        check<lumen::escrow::JobAssigned>(n6_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e000000000080240367000000000100000000000000301425000000000040420f00000000000030ff660000000080841e0000000000401f00000000000080f4030000000000020000000000000080f403000000000080f4030000000000007512000000000000"], 106100);
        // 7: escrow::accept_offer
        let n7_0 = count<lumen::staking::StakeLocked>();
        let n7_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0xcf8a2c23a442ef31f1f61c2cd00ad1503bec0bb8c2a5e67d3ee9e4f0cebfad23), 2000000, 1728259200, 1728000600, 2, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"0c7abe3339ee64c2749004813fac85510488910bf9088107aae54196d69ea8a2cbc0341593133c4894eae30f212cf403011bbd117d80526ad1c13f82ee581b0c");
        check<lumen::staking::StakeLocked>(n7_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41cf8a2c23a442ef31f1f61c2cd00ad1503bec0bb8c2a5e67d3ee9e4f0cebfad2380841e000000000000093d0000000000"], 107000);
        check<lumen::escrow::JobAssigned>(n7_1, vector[x"cf8a2c23a442ef31f1f61c2cd00ad1503bec0bb8c2a5e67d3ee9e4f0cebfad2301000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e000000000080240367000000000200000000000000301425000000000040420f00000000000030ff660000000080841e0000000000401f00000000000080f4030000000000020000000000000080f403000000000080f4030000000000007512000000000000"], 107100);
        // 8: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728172800);
        let n8_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 1, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n8_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020070707070707070707070707070707070707070707070707070707070707070780c705670000000000a302000000000000d3016700000000"], 108000);
        // 9: escrow::confirm
        let n9_0 = count<lumen::rewards::EpochFunded>();
        let n9_1 = count<lumen::staking::StakeUnlocked>();
        let n9_2 = count<lumen::rewards::LeaseRecorded>();
        let n9_3 = count<lumen::escrow::JobCompleted>();
        lumen::escrow::confirm(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 1);
        check<lumen::rewards::EpochFunded>(n9_0, vector[x"224e0000000000002587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709e093040000000000e093040000000000"], 109000);
        check<lumen::staking::StakeUnlocked>(n9_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980841e000000000080841e0000000000"], 109100);
        check<lumen::rewards::LeaseRecorded>(n9_2, vector[x"214e0000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c418051010000000000301425000000000000481de2300000000000000000000000"], 109200);
        check<lumen::escrow::JobCompleted>(n9_3, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000080841e0000000000006a180000000000801a060000000000000000000000000000a302000000000000"], 109300);
        // 10: escrow::submit_result
        let n10_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0xcf8a2c23a442ef31f1f61c2cd00ad1503bec0bb8c2a5e67d3ee9e4f0cebfad23), 1, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n10_0, vector[x"cf8a2c23a442ef31f1f61c2cd00ad1503bec0bb8c2a5e67d3ee9e4f0cebfad2301000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020070707070707070707070707070707070707070707070707070707070707070780c705670000000000a302000000000000d3016700000000"], 110000);
        // 11: escrow::confirm
        let n11_0 = count<lumen::rewards::EpochFunded>();
        let n11_1 = count<lumen::staking::StakeUnlocked>();
        let n11_2 = count<lumen::rewards::LeaseRecorded>();
        let n11_3 = count<lumen::escrow::JobCompleted>();
        lumen::escrow::confirm(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0xcf8a2c23a442ef31f1f61c2cd00ad1503bec0bb8c2a5e67d3ee9e4f0cebfad23), 1);
        check<lumen::rewards::EpochFunded>(n11_0, vector[x"224e000000000000cf8a2c23a442ef31f1f61c2cd00ad1503bec0bb8c2a5e67d3ee9e4f0cebfad23e093040000000000c027090000000000"], 111000);
        check<lumen::staking::StakeUnlocked>(n11_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41cf8a2c23a442ef31f1f61c2cd00ad1503bec0bb8c2a5e67d3ee9e4f0cebfad2380841e00000000000000000000000000"], 111100);
        check<lumen::rewards::LeaseRecorded>(n11_2, vector[x"214e0000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410000000000000000301425000000000000000000000000000000000000000000"], 111200);
        check<lumen::escrow::JobCompleted>(n11_3, vector[x"cf8a2c23a442ef31f1f61c2cd00ad1503bec0bb8c2a5e67d3ee9e4f0cebfad2301000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000080841e0000000000006a180000000000801a060000000000000000000000000000a302000000000000"], 111300);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 2, 2, 0, 0, 0, 0, 0, 2, 0, 0, 2, 2, 0, 0, 0, 0, 0, 1, 0, 2, 2, 1, 0, 0, 0, 0, 0, 0]);
    }

    // a paid job's lease counts at most max_job_lease_secs, split over the epochs before its submission; a closed epoch's part counts in the epoch of payment
    #[test]
    fun rewards_lease_capped_and_split() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: config::set_param
        let n0_0 = count<lumen::config::ParamChangeQueued>();
        lumen::config::set_param(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), std::string::utf8(b"max_job_lease_secs"), 172800);
        check<lumen::config::ParamChangeQueued>(n0_0, vector[x"126d61785f6a6f625f6c656173655f73656373805101000000000000a30200000000008081006700000000"], 100000);
        // 1: config::apply_param
        aptos_framework::timestamp::update_global_time_for_test_secs(1728086400);
        let n1_0 = count<lumen::config::ParamsUpdated>();
        lumen::config::apply_param(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000a99), std::string::utf8(b"max_job_lease_secs"));
        check<lumen::config::ParamsUpdated>(n1_0, vector[x"126d61785f6a6f625f6c656173655f73656373805101000000000000a3020000000000"], 101000);
        // 2: attestation::register_device_key
        let n2_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 102000);
        // 3: attestation::attest
        let n3_0 = count<lumen::attestation::AttestationSubmitted>();
        let n3_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728086400, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"76b9b6fdee65e0c3def78c8294f5e50d2b69b8e68c469b820c890fa2dc42d33cf1a59081b1fbbb1a775f5bdaa9674a535fc5152e7933cef846fd01188ce8f902");
        check<lumen::attestation::AttestationSubmitted>(n3_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020c57e73fb1e9b927ba4845103f5edc262b1862cd975cffa45bff9806d69ee3f33301425000000000001000000000000000100000000000000"], 103000);
        check<lumen::attestation::ScoreAttested>(n3_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41080101010101010101085254582033303730002000000000000030142500000000000100000000000000010000000000000080810067000000008081006700000000800e286700000000010000000000000000000000000000000000000000000000000000000000007003"], 103100);
        // 4: staking::set_price
        let n4_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n4_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 104000);
        // 5: staking::stake
        let n5_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 105000);
        // 6: escrow::create_job
        let n6_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 1, 3000000, 0, 0);
        check<lumen::escrow::JobCreated>(n6_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000100000000000000c0c62d000000000000000000000000000000000000000000c0c62d00000000008081006700000000"], 106000);
        // 7: escrow::accept_offer
        let n7_0 = count<lumen::staking::StakeLocked>();
        let n7_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 2000000, 1728432000, 1728087000, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"6e47eea94b8509dce317338a5d47a9dc5f803eef4afba410d21b4ed33628da022dd413284a65ee4557acfff4c6a7a57b78fca64fb19873356f508d824166d405");
        check<lumen::staking::StakeLocked>(n7_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980841e000000000080841e0000000000"], 107000);
        check<lumen::escrow::JobAssigned>(n7_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e000000000080c70567000000000100000000000000301425000000000040420f0000000000808100670000000080841e0000000000401f00000000000080f40300000000000200000000000000004605000000000080f4030000000000007512000000000000"], 107100);
        // 8: rewards::close_epoch
        aptos_framework::timestamp::update_global_time_for_test_secs(1728262800);
        let n8_0 = count<lumen::rewards::EpochClosed>();
        lumen::rewards::close_epoch(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad), 20000);
        check<lumen::rewards::EpochClosed>(n8_0, vector[x"204e00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"], 108000);
        // 9: rewards::close_epoch
        let n9_0 = count<lumen::rewards::EpochClosed>();
        lumen::rewards::close_epoch(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad), 20001);
        check<lumen::rewards::EpochClosed>(n9_0, vector[x"214e00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"], 109000);
        // 10: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728302400);
        let n10_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 1, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n10_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410100000000000000200707070707070707070707070707070707070707070707070707070707070707c0c1076700000000c04b03000000000040cd036700000000"], 110000);
        // 11: escrow::confirm
        let n11_0 = count<lumen::rewards::EpochFunded>();
        let n11_1 = count<lumen::staking::StakeUnlocked>();
        let n11_2 = count<lumen::rewards::LeaseRecorded>();
        let n11_3 = count<lumen::escrow::JobCompleted>();
        lumen::escrow::confirm(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 1);
        check<lumen::rewards::EpochFunded>(n11_0, vector[x"234e0000000000002587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709e093040000000000e093040000000000"], 111000);
        check<lumen::staking::StakeUnlocked>(n11_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980841e00000000000000000000000000"], 111100);
        check<lumen::rewards::LeaseRecorded>(n11_2, vector[x"224e0000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c418051010000000000301425000000000000481de2300000000000000000000000", x"234e0000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c418051010000000000301425000000000000481de2300000000000000000000000"], 111200);
        check<lumen::escrow::JobCompleted>(n11_3, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000080841e0000000000006a180000000000801a0600000000000000000000000000c04b03000000000000"], 111300);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 2, 1, 2, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
    }

    // a paid job's PoD weight uses the worker's score at acceptance, not a stronger one attested later
    #[test]
    fun rewards_pod_score_at_acceptance() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 1, 3000000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000100000000000000c0c62d000000000000000000000000000000000000000000c0c62d00000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 2000000, 1728086400, 1728000600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"a8c52c019f0a55ff7775864cee77e7905a0d08d00852fc6ed51dcd5232c681a2ec0a68eb97231614155f964abb6e359dd65813ccaf4f91edd5d9325966247d0f");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980841e000000000080841e0000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e000000000080810067000000000100000000000000301425000000000040420f00000000000030ff660000000080841e0000000000401f00000000000080f40300000000000200000000000000805101000000000080f4030000000000007512000000000000"], 105100);
        // 6: attestation::attest
        aptos_framework::timestamp::update_global_time_for_test_secs(1728003600);
        let n6_0 = count<lumen::attestation::AttestationSubmitted>();
        let n6_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 10690000, 1, 2, 1728003600, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"331fdb53fb35b6a5e6ecc25bffa0c40349280a06920640ef84e15df336c84176fa8c7521237fb2bcb13997d7797e1d86c9e63c6d48b1ad7bfed4efc40b8a0a04");
        check<lumen::attestation::AttestationSubmitted>(n6_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410200000000000000205843c2209fb3810b8d64462fa5c56a00a3c105fde28c67ce6bfa69758aac1615d01da3000000000001000000000000000100000000000000"], 106000);
        check<lumen::attestation::ScoreAttested>(n6_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410801010101010101010852545820333037300020000000000000d01da3000000000001000000000000000200000000000000103eff6600000000103eff660000000010cb266700000000010000000000000000000000000000000000000000000000000000000000007003"], 106100);
        // 7: escrow::submit_result
        let n7_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 1, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n7_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4101000000000000002007070707070707070707070707070707070707070707070707070707070707079032036700000000100e000000000000103eff6600000000"], 107000);
        // 8: escrow::confirm
        let n8_0 = count<lumen::rewards::EpochFunded>();
        let n8_1 = count<lumen::staking::StakeUnlocked>();
        let n8_2 = count<lumen::rewards::LeaseRecorded>();
        let n8_3 = count<lumen::escrow::JobCompleted>();
        lumen::escrow::confirm(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 1);
        check<lumen::rewards::EpochFunded>(n8_0, vector[x"204e0000000000002587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709e093040000000000e093040000000000"], 108000);
        check<lumen::staking::StakeUnlocked>(n8_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980841e00000000000000000000000000"], 108100);
        check<lumen::rewards::LeaseRecorded>(n8_2, vector[x"204e0000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41100e000000000000301425000000000000e36b09020000000000000000000000"], 108200);
        check<lumen::escrow::JobCompleted>(n8_3, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000080841e0000000000006a180000000000801a0600000000000000000000000000100e00000000000000"], 108300);
        totals(start, vector<u64>[2, 1, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
    }

    // an epoch nobody earned in rolls its pool over to the next one, funded ahead
    #[test]
    fun rewards_rollover_in_order() {
        world();
        account(@0x7d89318c0cab59e1ba83ac392b747ed2e5ab7222aa8edc425e6b3b42ae8d5199, 500000000);
        account(@0xa56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0xa56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f), x"8a875fff1eb38451577acd5afee405456568dd7c89e090863a0557bc7af49f17");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"a56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f208a875fff1eb38451577acd5afee405456568dd7c89e090863a0557bc7af49f1700"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0xa56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8a875fff1eb38451577acd5afee405456568dd7c89e090863a0557bc7af49f17", x"9b7df4ac4cec1e0019c12d0956abc267ae2613b45aeb3b2703fcca8d86b861a29ebb33528b5ddabb500621f1fab593e10a2bcafc656de5b0950b810edc11c00c");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"0000000000000000000000000000000000000000000000000000000000007003a56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f010000000000000020abba3eda321e66cc2572379c1f6a52e7bf4ef59e95eb4d2f911d2972c48af7db301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"a56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f08010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0xa56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"a56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f80841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0xa56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"a56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f00b6b6290000000000b6b62900000000"], 103000);
        // 4: rewards::fund_epoch
        let n4_0 = count<lumen::rewards::EpochFunded>();
        lumen::rewards::fund_epoch(&lumen::test_helpers::signer_of(@0x7d89318c0cab59e1ba83ac392b747ed2e5ab7222aa8edc425e6b3b42ae8d5199), 20000, 100000000);
        check<lumen::rewards::EpochFunded>(n4_0, vector[x"204e0000000000007d89318c0cab59e1ba83ac392b747ed2e5ab7222aa8edc425e6b3b42ae8d519900e1f5050000000000e1f50500000000"], 104000);
        // 5: rewards::fund_epoch
        let n5_0 = count<lumen::rewards::EpochFunded>();
        lumen::rewards::fund_epoch(&lumen::test_helpers::signer_of(@0x7d89318c0cab59e1ba83ac392b747ed2e5ab7222aa8edc425e6b3b42ae8d5199), 20001, 50000000);
        check<lumen::rewards::EpochFunded>(n5_0, vector[x"214e0000000000007d89318c0cab59e1ba83ac392b747ed2e5ab7222aa8edc425e6b3b42ae8d519980f0fa020000000080f0fa0200000000"], 105000);
        // 6: rewards::close_epoch
        aptos_framework::timestamp::update_global_time_for_test_secs(1728090000);
        let n6_0 = count<lumen::rewards::EpochClosed>();
        lumen::rewards::close_epoch(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad), 20000);
        check<lumen::rewards::EpochClosed>(n6_0, vector[x"204e00000000000000e1f5050000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000e1f50500000000"], 106000);
        // 7: rewards::report_uptime
        aptos_framework::timestamp::update_global_time_for_test_secs(1728176400);
        let n7_0 = count<lumen::rewards::UptimeVoted>();
        let n7_1 = count<lumen::rewards::UptimeReported>();
        lumen::rewards::report_uptime(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), 20001, vector<address>[@0xa56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f], vector<u64>[86405]);
        check<lumen::rewards::UptimeVoted>(n7_0, vector[x"214e000000000000a56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f0000000000000000000000000000000000000000000000000000000000007003805101000000000001000000000000000100000000000000"], 107000);
        check<lumen::rewards::UptimeReported>(n7_1, vector[x"214e000000000000a56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f00000000000000000000000000000000000000000000000000000000000070038051010000000000301425000000000000481de2300000000000000000000000"], 107100);
        // 8: rewards::close_epoch
        let n8_0 = count<lumen::rewards::EpochClosed>();
        lumen::rewards::close_epoch(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad), 20001);
        check<lumen::rewards::EpochClosed>(n8_0, vector[x"214e00000000000080d1f00800000000c068780400000000000000000000000000481de230000000000000000000000000000000000000000000000000000000c068780400000000"], 108000);
        // 9: rewards::claim
        let n9_0 = count<lumen::rewards::RewardClaimed>();
        lumen::rewards::claim(&lumen::test_helpers::signer_of(@0xa56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f), 20001);
        check<lumen::rewards::RewardClaimed>(n9_0, vector[x"214e000000000000a56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340fc0687804000000000000000000000000c068780400000000"], 109000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 0, 1, 1, 0, 1, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
    }

    // with threshold 2 a worker's uptime is the second largest vote: a lone low or inflated vote decides nothing; the unstaked outsider's uptime takes effect with no weight
    #[test]
    fun rewards_uptime_by_two_of_three() {
        world();
        account(@0x7d89318c0cab59e1ba83ac392b747ed2e5ab7222aa8edc425e6b3b42ae8d5199, 500000000);
        account(@0xa56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0xa56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f), x"8a875fff1eb38451577acd5afee405456568dd7c89e090863a0557bc7af49f17");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"a56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f208a875fff1eb38451577acd5afee405456568dd7c89e090863a0557bc7af49f1700"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0xa56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8a875fff1eb38451577acd5afee405456568dd7c89e090863a0557bc7af49f17", x"9b7df4ac4cec1e0019c12d0956abc267ae2613b45aeb3b2703fcca8d86b861a29ebb33528b5ddabb500621f1fab593e10a2bcafc656de5b0950b810edc11c00c");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"0000000000000000000000000000000000000000000000000000000000007003a56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f010000000000000020abba3eda321e66cc2572379c1f6a52e7bf4ef59e95eb4d2f911d2972c48af7db301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"a56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f08010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0xa56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"a56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f80841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0xa56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"a56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f00b6b6290000000000b6b62900000000"], 103000);
        // 4: config::add_attester
        let n4_0 = count<lumen::config::AttesterAdded>();
        lumen::config::add_attester(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), @0x0000000000000000000000000000000000000000000000000000000000007004);
        check<lumen::config::AttesterAdded>(n4_0, vector[x"0000000000000000000000000000000000000000000000000000000000007004"], 104000);
        // 5: config::add_attester
        let n5_0 = count<lumen::config::AttesterAdded>();
        lumen::config::add_attester(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), @0x0000000000000000000000000000000000000000000000000000000000007005);
        check<lumen::config::AttesterAdded>(n5_0, vector[x"0000000000000000000000000000000000000000000000000000000000007005"], 105000);
        // 6: config::set_param
        let n6_0 = count<lumen::config::ParamChangeQueued>();
        lumen::config::set_param(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), std::string::utf8(b"attester_threshold"), 2);
        check<lumen::config::ParamChangeQueued>(n6_0, vector[x"1261747465737465725f7468726573686f6c64010000000000000002000000000000008081006700000000"], 106000);
        // 7: config::apply_param
        aptos_framework::timestamp::update_global_time_for_test_secs(1728086400);
        let n7_0 = count<lumen::config::ParamsUpdated>();
        lumen::config::apply_param(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000a99), std::string::utf8(b"attester_threshold"));
        check<lumen::config::ParamsUpdated>(n7_0, vector[x"1261747465737465725f7468726573686f6c6401000000000000000200000000000000"], 107000);
        // 8: rewards::report_uptime
        let n8_0 = count<lumen::rewards::UptimeVoted>();
        lumen::rewards::report_uptime(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), 20000, vector<address>[@0xa56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f, @0x0000000000000000000000000000000000000000000000000000000000000bad], vector<u64>[1, 86400]);
        check<lumen::rewards::UptimeVoted>(n8_0, vector[x"204e000000000000a56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f0000000000000000000000000000000000000000000000000000000000007003010000000000000001000000000000000200000000000000", x"204e0000000000000000000000000000000000000000000000000000000000000000000000000bad0000000000000000000000000000000000000000000000000000000000007003805101000000000001000000000000000200000000000000"], 108000);
        // 9: rewards::report_uptime
        let n9_0 = count<lumen::rewards::UptimeVoted>();
        let n9_1 = count<lumen::rewards::UptimeReported>();
        lumen::rewards::report_uptime(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007004), 20000, vector<address>[@0xa56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f, @0x0000000000000000000000000000000000000000000000000000000000000bad], vector<u64>[80000, 40000]);
        check<lumen::rewards::UptimeVoted>(n9_0, vector[x"204e000000000000a56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f0000000000000000000000000000000000000000000000000000000000007004803801000000000002000000000000000200000000000000", x"204e0000000000000000000000000000000000000000000000000000000000000000000000000bad0000000000000000000000000000000000000000000000000000000000007004409c00000000000002000000000000000200000000000000"], 109000);
        check<lumen::rewards::UptimeReported>(n9_1, vector[x"204e000000000000a56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f00000000000000000000000000000000000000000000000000000000000070040100000000000000301425000000000030142500000000000000000000000000", x"204e0000000000000000000000000000000000000000000000000000000000000000000000000bad0000000000000000000000000000000000000000000000000000000000007004409c000000000000000000000000000000000000000000000000000000000000"], 109100);
        // 10: rewards::report_uptime
        let n10_0 = count<lumen::rewards::UptimeVoted>();
        let n10_1 = count<lumen::rewards::UptimeReported>();
        lumen::rewards::report_uptime(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007005), 20000, vector<address>[@0xa56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f, @0x0000000000000000000000000000000000000000000000000000000000000bad], vector<u64>[79000, 41000]);
        check<lumen::rewards::UptimeVoted>(n10_0, vector[x"204e000000000000a56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f0000000000000000000000000000000000000000000000000000000000007005983401000000000003000000000000000200000000000000", x"204e0000000000000000000000000000000000000000000000000000000000000000000000000bad000000000000000000000000000000000000000000000000000000000000700528a000000000000003000000000000000200000000000000"], 110000);
        check<lumen::rewards::UptimeReported>(n10_1, vector[x"204e000000000000a56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f00000000000000000000000000000000000000000000000000000000000070059834010000000000301425000000000080bc4db22c0000000000000000000000", x"204e0000000000000000000000000000000000000000000000000000000000000000000000000bad000000000000000000000000000000000000000000000000000000000000700528a0000000000000000000000000000000000000000000000000000000000000"], 110100);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 6, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
    }

    // a pause over the grace period gives reporters a fresh grace after it
    #[test]
    fun rewards_pause_extends_the_grace() {
        world();
        account(@0x7d89318c0cab59e1ba83ac392b747ed2e5ab7222aa8edc425e6b3b42ae8d5199, 500000000);
        account(@0xa56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0xa56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f), x"8a875fff1eb38451577acd5afee405456568dd7c89e090863a0557bc7af49f17");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"a56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f208a875fff1eb38451577acd5afee405456568dd7c89e090863a0557bc7af49f1700"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0xa56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8a875fff1eb38451577acd5afee405456568dd7c89e090863a0557bc7af49f17", x"9b7df4ac4cec1e0019c12d0956abc267ae2613b45aeb3b2703fcca8d86b861a29ebb33528b5ddabb500621f1fab593e10a2bcafc656de5b0950b810edc11c00c");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"0000000000000000000000000000000000000000000000000000000000007003a56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f010000000000000020abba3eda321e66cc2572379c1f6a52e7bf4ef59e95eb4d2f911d2972c48af7db301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"a56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f08010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0xa56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"a56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f80841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0xa56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"a56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f00b6b6290000000000b6b62900000000"], 103000);
        // 4: rewards::fund_epoch
        let n4_0 = count<lumen::rewards::EpochFunded>();
        lumen::rewards::fund_epoch(&lumen::test_helpers::signer_of(@0x7d89318c0cab59e1ba83ac392b747ed2e5ab7222aa8edc425e6b3b42ae8d5199), 20000, 10000000);
        check<lumen::rewards::EpochFunded>(n4_0, vector[x"204e0000000000007d89318c0cab59e1ba83ac392b747ed2e5ab7222aa8edc425e6b3b42ae8d519980969800000000008096980000000000"], 104000);
        // 5: config::set_paused
        aptos_framework::timestamp::update_global_time_for_test_secs(1728086400);
        let n5_0 = count<lumen::config::PausedSet>();
        lumen::config::set_paused(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), true);
        check<lumen::config::PausedSet>(n5_0, vector[x"01"], 105000);
        // 6: config::set_paused
        aptos_framework::timestamp::update_global_time_for_test_secs(1728093600);
        let n6_0 = count<lumen::config::PausedSet>();
        lumen::config::set_paused(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), false);
        check<lumen::config::PausedSet>(n6_0, vector[x"00"], 106000);
        // 7: rewards::report_uptime
        let n7_0 = count<lumen::rewards::UptimeVoted>();
        let n7_1 = count<lumen::rewards::UptimeReported>();
        lumen::rewards::report_uptime(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), 20000, vector<address>[@0xa56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f], vector<u64>[86400]);
        check<lumen::rewards::UptimeVoted>(n7_0, vector[x"204e000000000000a56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f0000000000000000000000000000000000000000000000000000000000007003805101000000000001000000000000000100000000000000"], 107000);
        check<lumen::rewards::UptimeReported>(n7_1, vector[x"204e000000000000a56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f00000000000000000000000000000000000000000000000000000000000070038051010000000000301425000000000000481de2300000000000000000000000"], 107100);
        // 8: rewards::close_epoch
        aptos_framework::timestamp::update_global_time_for_test_secs(1728097200);
        let n8_0 = count<lumen::rewards::EpochClosed>();
        lumen::rewards::close_epoch(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad), 20000);
        check<lumen::rewards::EpochClosed>(n8_0, vector[x"204e0000000000008096980000000000404b4c0000000000000000000000000000481de230000000000000000000000000000000000000000000000000000000404b4c0000000000"], 108000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
    }

    // only attesters report uptime
    #[test]
    #[expected_failure(abort_code = 0x50001 /* ENotAttester */, location = lumen::rewards)]
    fun rewards_report_by_outsider() {
        world();
        account(@0x7d89318c0cab59e1ba83ac392b747ed2e5ab7222aa8edc425e6b3b42ae8d5199, 500000000);
        account(@0xa56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f, 1000000000);
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: rewards::report_uptime
        aptos_framework::timestamp::update_global_time_for_test_secs(1728086400);
        lumen::rewards::report_uptime(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad), 20000, vector<address>[@0x0000000000000000000000000000000000000000000000000000000000000bad], vector<u64>[1]);
    }

    // one value per worker
    #[test]
    #[expected_failure(abort_code = 0x10002 /* ELengthMismatch */, location = lumen::rewards)]
    fun rewards_report_lengths() {
        world();
        account(@0x7d89318c0cab59e1ba83ac392b747ed2e5ab7222aa8edc425e6b3b42ae8d5199, 500000000);
        account(@0xa56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f, 1000000000);
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: rewards::report_uptime
        aptos_framework::timestamp::update_global_time_for_test_secs(1728086400);
        lumen::rewards::report_uptime(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), 20000, vector<address>[@0x0000000000000000000000000000000000000000000000000000000000000bad], vector<u64>[1, 2]);
    }

    // uptime of an epoch that has ended
    #[test]
    #[expected_failure(abort_code = 0x30003 /* EEpochNotEnded */, location = lumen::rewards)]
    fun rewards_report_running_epoch() {
        world();
        account(@0x7d89318c0cab59e1ba83ac392b747ed2e5ab7222aa8edc425e6b3b42ae8d5199, 500000000);
        account(@0xa56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f, 1000000000);
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: rewards::report_uptime
        lumen::rewards::report_uptime(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), 20000, vector<address>[@0x0000000000000000000000000000000000000000000000000000000000000bad], vector<u64>[1]);
    }

    // an attester votes once per worker and epoch: a repeat is skipped, the batch goes through
    #[test]
    fun rewards_report_twice() {
        world();
        account(@0x7d89318c0cab59e1ba83ac392b747ed2e5ab7222aa8edc425e6b3b42ae8d5199, 500000000);
        account(@0xa56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f, 1000000000);
        let start = counts();
        // 0: rewards::report_uptime
        aptos_framework::timestamp::update_global_time_for_test_secs(1728086400);
        let n0_0 = count<lumen::rewards::UptimeVoted>();
        let n0_1 = count<lumen::rewards::UptimeReported>();
        let n0_2 = count<lumen::rewards::UptimeVoteSkipped>();
        lumen::rewards::report_uptime(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), 20000, vector<address>[@0x0000000000000000000000000000000000000000000000000000000000000bad, @0x0000000000000000000000000000000000000000000000000000000000000bad], vector<u64>[1, 2]);
        check<lumen::rewards::UptimeVoted>(n0_0, vector[x"204e0000000000000000000000000000000000000000000000000000000000000000000000000bad0000000000000000000000000000000000000000000000000000000000007003010000000000000001000000000000000100000000000000"], 100000);
        check<lumen::rewards::UptimeReported>(n0_1, vector[x"204e0000000000000000000000000000000000000000000000000000000000000000000000000bad00000000000000000000000000000000000000000000000000000000000070030100000000000000000000000000000000000000000000000000000000000000"], 100100);
        check<lumen::rewards::UptimeVoteSkipped>(n0_2, vector[x"204e0000000000000000000000000000000000000000000000000000000000000000000000000bad00000000000000000000000000000000000000000000000000000000000070030200000000000000"], 100200);
        // 1: rewards::report_uptime
        let n1_0 = count<lumen::rewards::UptimeVoteSkipped>();
        lumen::rewards::report_uptime(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), 20000, vector<address>[@0x0000000000000000000000000000000000000000000000000000000000000bad], vector<u64>[3]);
        check<lumen::rewards::UptimeVoteSkipped>(n1_0, vector[x"204e0000000000000000000000000000000000000000000000000000000000000000000000000bad00000000000000000000000000000000000000000000000000000000000070030300000000000000"], 101000);
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    }

    // epochs before initialize count as closed
    #[test]
    #[expected_failure(abort_code = 0x30004 /* EEpochClosed */, location = lumen::rewards)]
    fun rewards_report_before_rewards_began() {
        world();
        account(@0x7d89318c0cab59e1ba83ac392b747ed2e5ab7222aa8edc425e6b3b42ae8d5199, 500000000);
        account(@0xa56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f, 1000000000);
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: rewards::report_uptime
        lumen::rewards::report_uptime(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), 19999, vector<address>[@0x0000000000000000000000000000000000000000000000000000000000000bad], vector<u64>[1]);
    }

    // an ended epoch takes no funds
    #[test]
    #[expected_failure(abort_code = 0x2000c /* EEpochOutOfRange */, location = lumen::rewards)]
    fun rewards_fund_past_epoch() {
        world();
        account(@0x7d89318c0cab59e1ba83ac392b747ed2e5ab7222aa8edc425e6b3b42ae8d5199, 500000000);
        account(@0xa56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f, 1000000000);
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: rewards::fund_epoch
        aptos_framework::timestamp::update_global_time_for_test_secs(1728086400);
        lumen::rewards::fund_epoch(&lumen::test_helpers::signer_of(@0x7d89318c0cab59e1ba83ac392b747ed2e5ab7222aa8edc425e6b3b42ae8d5199), 20000, 1000000);
    }

    // funds reach at most 90 epochs ahead
    #[test]
    #[expected_failure(abort_code = 0x2000c /* EEpochOutOfRange */, location = lumen::rewards)]
    fun rewards_fund_far_future() {
        world();
        account(@0x7d89318c0cab59e1ba83ac392b747ed2e5ab7222aa8edc425e6b3b42ae8d5199, 500000000);
        account(@0xa56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f, 1000000000);
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: rewards::fund_epoch
        lumen::rewards::fund_epoch(&lumen::test_helpers::signer_of(@0x7d89318c0cab59e1ba83ac392b747ed2e5ab7222aa8edc425e6b3b42ae8d5199), 20091, 1000000);
    }

    // epochs close in order
    #[test]
    #[expected_failure(abort_code = 0x3000b /* EEpochOutOfOrder */, location = lumen::rewards)]
    fun rewards_close_out_of_order() {
        world();
        account(@0x7d89318c0cab59e1ba83ac392b747ed2e5ab7222aa8edc425e6b3b42ae8d5199, 500000000);
        account(@0xa56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f, 1000000000);
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: rewards::close_epoch
        aptos_framework::timestamp::update_global_time_for_test_secs(1728176400);
        lumen::rewards::close_epoch(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad), 20001);
    }

    // an epoch closes once
    #[test]
    #[expected_failure(abort_code = 0x30004 /* EEpochClosed */, location = lumen::rewards)]
    fun rewards_close_twice() {
        world();
        account(@0x7d89318c0cab59e1ba83ac392b747ed2e5ab7222aa8edc425e6b3b42ae8d5199, 500000000);
        account(@0xa56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f, 1000000000);
        let start = counts();
        // 0: rewards::close_epoch
        aptos_framework::timestamp::update_global_time_for_test_secs(1728090000);
        let n0_0 = count<lumen::rewards::EpochClosed>();
        lumen::rewards::close_epoch(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad), 20000);
        check<lumen::rewards::EpochClosed>(n0_0, vector[x"204e00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"], 100000);
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 1: rewards::close_epoch
        lumen::rewards::close_epoch(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad), 20000);
    }

    // no epoch closes while paused
    #[test]
    #[expected_failure(abort_code = 0x30005 /* EPaused */, location = lumen::config)]
    fun rewards_close_while_paused() {
        world();
        account(@0x7d89318c0cab59e1ba83ac392b747ed2e5ab7222aa8edc425e6b3b42ae8d5199, 500000000);
        account(@0xa56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f, 1000000000);
        let start = counts();
        // 0: config::set_paused
        aptos_framework::timestamp::update_global_time_for_test_secs(1728090000);
        let n0_0 = count<lumen::config::PausedSet>();
        lumen::config::set_paused(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), true);
        check<lumen::config::PausedSet>(n0_0, vector[x"01"], 100000);
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 1: rewards::close_epoch
        lumen::rewards::close_epoch(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad), 20000);
    }

    // funding is above zero
    #[test]
    #[expected_failure(abort_code = 0x10006 /* EZeroAmount */, location = lumen::rewards)]
    fun rewards_fund_zero() {
        world();
        account(@0x7d89318c0cab59e1ba83ac392b747ed2e5ab7222aa8edc425e6b3b42ae8d5199, 500000000);
        account(@0xa56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f, 1000000000);
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: rewards::fund_epoch
        lumen::rewards::fund_epoch(&lumen::test_helpers::signer_of(@0x7d89318c0cab59e1ba83ac392b747ed2e5ab7222aa8edc425e6b3b42ae8d5199), 20000, 0);
    }

    // close_epoch waits for the grace period
    #[test]
    #[expected_failure(abort_code = 0x30007 /* ETooEarlyToClose */, location = lumen::rewards)]
    fun rewards_close_in_grace() {
        world();
        account(@0x7d89318c0cab59e1ba83ac392b747ed2e5ab7222aa8edc425e6b3b42ae8d5199, 500000000);
        account(@0xa56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f, 1000000000);
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: rewards::close_epoch
        aptos_framework::timestamp::update_global_time_for_test_secs(1728089999);
        lumen::rewards::close_epoch(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad), 20000);
    }

    // claims wait for the close
    #[test]
    #[expected_failure(abort_code = 0x30008 /* EEpochNotClosed */, location = lumen::rewards)]
    fun rewards_claim_open_epoch() {
        world();
        account(@0x7d89318c0cab59e1ba83ac392b747ed2e5ab7222aa8edc425e6b3b42ae8d5199, 500000000);
        account(@0xa56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f, 1000000000);
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: rewards::claim
        lumen::rewards::claim(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad), 20000);
    }

    // a worker claims an epoch once
    #[test]
    #[expected_failure(abort_code = 0x80009 /* EAlreadyClaimed */, location = lumen::rewards)]
    fun rewards_claim_twice() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        // 6: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000600);
        let n6_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n6_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200707070707070707070707070707070707070707070707070707070707070707d82603670000000058020000000000005832ff6600000000"], 106000);
        // 7: rewards::fund_epoch
        let n7_0 = count<lumen::rewards::EpochFunded>();
        lumen::rewards::fund_epoch(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), 20000, 10000000);
        check<lumen::rewards::EpochFunded>(n7_0, vector[x"204e0000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd80969800000000008096980000000000"], 107000);
        // 8: escrow::confirm
        let n8_0 = count<lumen::rewards::EpochFunded>();
        let n8_1 = count<lumen::staking::StakeUnlocked>();
        let n8_2 = count<lumen::rewards::LeaseRecorded>();
        let n8_3 = count<lumen::escrow::JobCompleted>();
        lumen::escrow::confirm(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10);
        check<lumen::rewards::EpochFunded>(n8_0, vector[x"204e0000000000002587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709e02e00000000000060c5980000000000"], 108000);
        check<lumen::staking::StakeUnlocked>(n8_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000000000000000000000"], 108100);
        check<lumen::rewards::LeaseRecorded>(n8_2, vector[x"204e0000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41580200000000000030142500000000008050e756000000000000000000000000"], 108200);
        check<lumen::escrow::JobCompleted>(n8_3, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000803801000000000000fa000000000000803e0000000000000000000000000000580200000000000000"], 108300);
        // 9: rewards::close_epoch
        aptos_framework::timestamp::update_global_time_for_test_secs(1728090600);
        let n9_0 = count<lumen::rewards::EpochClosed>();
        lumen::rewards::close_epoch(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad), 20000);
        check<lumen::rewards::EpochClosed>(n9_0, vector[x"204e00000000000060c59800000000000000000000000000b0624c0000000000000000000000000000000000000000008050e756000000000000000000000000b0624c0000000000"], 109000);
        // 10: rewards::claim
        let n10_0 = count<lumen::rewards::RewardClaimed>();
        lumen::rewards::claim(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 20000);
        check<lumen::rewards::RewardClaimed>(n10_0, vector[x"204e0000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410000000000000000b0624c0000000000b0624c0000000000"], 110000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 1, 2, 1, 1, 0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0]);
        // 11: rewards::claim
        lumen::rewards::claim(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 20000);
    }

    // no weight, no claim
    #[test]
    #[expected_failure(abort_code = 0x6000a /* ENothingToClaim */, location = lumen::rewards)]
    fun rewards_nothing_to_claim() {
        world();
        account(@0x7d89318c0cab59e1ba83ac392b747ed2e5ab7222aa8edc425e6b3b42ae8d5199, 500000000);
        account(@0xa56b7fd183a77c66ce1e516677c211dda51e394c32080545d49352ff0919340f, 1000000000);
        let start = counts();
        // 0: rewards::fund_epoch
        let n0_0 = count<lumen::rewards::EpochFunded>();
        lumen::rewards::fund_epoch(&lumen::test_helpers::signer_of(@0x7d89318c0cab59e1ba83ac392b747ed2e5ab7222aa8edc425e6b3b42ae8d5199), 20000, 1000000);
        check<lumen::rewards::EpochFunded>(n0_0, vector[x"204e0000000000007d89318c0cab59e1ba83ac392b747ed2e5ab7222aa8edc425e6b3b42ae8d519940420f000000000040420f0000000000"], 100000);
        // 1: rewards::close_epoch
        aptos_framework::timestamp::update_global_time_for_test_secs(1728090000);
        let n1_0 = count<lumen::rewards::EpochClosed>();
        lumen::rewards::close_epoch(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad), 20000);
        check<lumen::rewards::EpochClosed>(n1_0, vector[x"204e00000000000040420f000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000040420f0000000000"], 101000);
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 2: rewards::claim
        lumen::rewards::claim(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000bad), 20000);
    }

    // a price, two stakes, an unstake and the withdrawal after unbonding
    #[test]
    fun staking_price_stake_unbond_withdraw() {
        world();
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 100000000);
        let start = counts();
        // 0: staking::set_price
        let n0_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 100000);
        // 1: staking::stake
        let n1_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 30000000);
        check<lumen::staking::Staked>(n1_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180c3c9010000000080c3c90100000000"], 101000);
        // 2: staking::stake
        let n2_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 20000000);
        check<lumen::staking::Staked>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41002d31010000000080f0fa0200000000"], 102000);
        // 3: staking::request_unstake
        aptos_framework::timestamp::update_global_time_for_test_secs(1728003600);
        let n3_0 = count<lumen::staking::UnstakeRequested>();
        lumen::staking::request_unstake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 15000000);
        check<lumen::staking::UnstakeRequested>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41c0e1e40000000000c00e160200000000c0e1e400000000009078086700000000"], 103000);
        // 4: staking::withdraw
        aptos_framework::timestamp::update_global_time_for_test_secs(1728608400);
        let n4_0 = count<lumen::staking::Withdrawn>();
        lumen::staking::withdraw(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41));
        check<lumen::staking::Withdrawn>(n4_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41c0e1e40000000000"], 104000);
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2, 1, 1, 0, 0, 0, 0]);
    }

    // the free stake may leave; a missed deadline slashes the job's collateral; the admin sweeps it
    #[test]
    fun staking_slash_then_sweep() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        // 6: staking::request_unstake
        let n6_0 = count<lumen::staking::UnstakeRequested>();
        lumen::staking::request_unstake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699760000);
        check<lumen::staking::UnstakeRequested>(n6_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41807db529000000008038010000000000807db52900000000806a086700000000"], 106000);
        // 7: escrow::reclaim
        aptos_framework::timestamp::update_global_time_for_test_secs(1728007201);
        let n7_0 = count<lumen::staking::StakeUnlocked>();
        let n7_1 = count<lumen::staking::Slashed>();
        let n7_2 = count<lumen::escrow::JobReclaimed>();
        lumen::escrow::reclaim(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709));
        check<lumen::staking::StakeUnlocked>(n7_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000000000000000000000"], 107000);
        check<lumen::staking::Slashed>(n7_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41803801000000000000000000000000002587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709"], 107100);
        check<lumen::escrow::JobReclaimed>(n7_2, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180380100000000008038010000000000"], 107200);
        // 8: staking::sweep_penalties
        let n8_0 = count<lumen::staking::PenaltiesSwept>();
        lumen::staking::sweep_penalties(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), 80000);
        check<lumen::staking::PenaltiesSwept>(n8_0, vector[x"80380100000000000000000000000000000000000000000000000000000000000000000000007001"], 108000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0]);
    }

    // the collateral of an active job stays bonded
    #[test]
    #[expected_failure(abort_code = 0x30006 /* EStakeLocked */, location = lumen::staking)]
    fun staking_unstake_locked_collateral() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 6: staking::request_unstake
        lumen::staking::request_unstake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
    }

    // every job's collateral comes out of the free stake
    #[test]
    #[expected_failure(abort_code = 0x30007 /* EInsufficientCollateral */, location = lumen::staking)]
    fun staking_collateral_exhausted() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 2000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: config::set_param
        let n4_0 = count<lumen::config::ParamChangeQueued>();
        lumen::config::set_param(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), std::string::utf8(b"slash_bps"), 10000);
        check<lumen::config::ParamChangeQueued>(n4_0, vector[x"09736c6173685f627073e80300000000000010270000000000008081006700000000"], 104000);
        // 5: config::apply_param
        aptos_framework::timestamp::update_global_time_for_test_secs(1728086400);
        let n5_0 = count<lumen::config::ParamsUpdated>();
        lumen::config::apply_param(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000a99), std::string::utf8(b"slash_bps"));
        check<lumen::config::ParamsUpdated>(n5_0, vector[x"09736c6173685f627073e8030000000000001027000000000000"], 105000);
        // 6: escrow::create_job
        let n6_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 1000, 1000000, 0, 0);
        check<lumen::escrow::JobCreated>(n6_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab00e80300000000000040420f00000000000000000000000000000000000000000000ca9a3b000000008081006700000000"], 106000);
        // 7: escrow::accept_offer
        let n7_0 = count<lumen::staking::StakeLocked>();
        let n7_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 1000000, 1728093600, 1728090000, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"4f9387d6dd080614d5d7ad9929841416f974d6d4a4dd9f0d6d645ea8c2a6b9007434572a946d2470bdf45726ffa5a8f01218ea6f5334798dfdfb2bdeda17d502");
        check<lumen::staking::StakeLocked>(n7_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900b6b6290000000000b6b62900000000"], 107000);
        check<lumen::escrow::JobAssigned>(n7_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4140420f0000000000a09d006700000000010000000000000030142500000000000000000000000000808100670000000000b6b62900000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 107100);
        // 8: escrow::create_job
        let n8_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab01", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n8_0, vector[x"cf8a2c23a442ef31f1f61c2cd00ad1503bec0bb8c2a5e67d3ee9e4f0cebfad2301000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab010a00000000000000102700000000000000000000000000000000000000000000a0860100000000008081006700000000"], 108000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 9: escrow::accept_offer
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0xcf8a2c23a442ef31f1f61c2cd00ad1503bec0bb8c2a5e67d3ee9e4f0cebfad23), 8000, 1728093600, 1728086460, 2, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"1adfbde6243dfd82f3b93fd7a7a1f3e2aaefc8c2b44407c06d64204b3d43dd5bdf8cefc6daee6107e8d59e851aec8da1e9ef6a00d3620ad2e6c1983dd929090b");
    }

    // a stake above zero
    #[test]
    #[expected_failure(abort_code = 0x10001 /* EZeroAmount */, location = lumen::staking)]
    fun staking_zero_stake() {
        world();
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 100000000);
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: staking::stake
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 0);
    }

    // unstake at most the bonded stake
    #[test]
    #[expected_failure(abort_code = 0x10002 /* EInsufficientStake */, location = lumen::staking)]
    fun staking_unstake_more_than_staked() {
        world();
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 100000000);
        let start = counts();
        // 0: staking::stake
        let n0_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 10);
        check<lumen::staking::Staked>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a000000000000000a00000000000000"], 100000);
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
        // 1: staking::request_unstake
        lumen::staking::request_unstake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 11);
    }

    // nothing unbonding, nothing to withdraw
    #[test]
    #[expected_failure(abort_code = 0x30003 /* ENothingToWithdraw */, location = lumen::staking)]
    fun staking_withdraw_nothing() {
        world();
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 100000000);
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: staking::withdraw
        lumen::staking::withdraw(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41));
    }

    // unbonding takes unbonding_secs
    #[test]
    #[expected_failure(abort_code = 0x30004 /* EUnbondingNotOver */, location = lumen::staking)]
    fun staking_withdraw_early() {
        world();
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 100000000);
        let start = counts();
        // 0: staking::stake
        let n0_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 10);
        check<lumen::staking::Staked>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a000000000000000a00000000000000"], 100000);
        // 1: staking::request_unstake
        let n1_0 = count<lumen::staking::UnstakeRequested>();
        lumen::staking::request_unstake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 10);
        check<lumen::staking::UnstakeRequested>(n1_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a0000000000000000000000000000000a00000000000000806a086700000000"], 101000);
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]);
        // 2: staking::withdraw
        aptos_framework::timestamp::update_global_time_for_test_secs(1728604799);
        lumen::staking::withdraw(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41));
    }

    // the admin sweeps at most the penalty pool
    #[test]
    #[expected_failure(abort_code = 0x10005 /* EInsufficientPenalties */, location = lumen::staking)]
    fun staking_sweep_empty_pool() {
        world();
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 100000000);
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: staking::sweep_penalties
        lumen::staking::sweep_penalties(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), 1);
    }

    // a creator past the spend threshold and a worker with a day of uptime claim passes; a revoked holder claims again once the ban is lifted
    #[test]
    fun vip_creator_and_worker_passes() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        // 6: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000600);
        let n6_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n6_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200707070707070707070707070707070707070707070707070707070707070707d82603670000000058020000000000005832ff6600000000"], 106000);
        // 7: config::set_param
        let n7_0 = count<lumen::config::ParamChangeQueued>();
        lumen::config::set_param(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), std::string::utf8(b"vip_creator_spend"), 80000);
        check<lumen::config::ParamChangeQueued>(n7_0, vector[x"117669705f63726561746f725f7370656e6400f2052a010000008038010000000000d883006700000000"], 107000);
        // 8: config::set_param
        let n8_0 = count<lumen::config::ParamChangeQueued>();
        lumen::config::set_param(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), std::string::utf8(b"vip_worker_days"), 1);
        check<lumen::config::ParamChangeQueued>(n8_0, vector[x"0f7669705f776f726b65725f646179731e000000000000000100000000000000d883006700000000"], 108000);
        // 9: config::apply_param
        aptos_framework::timestamp::update_global_time_for_test_secs(1728087000);
        let n9_0 = count<lumen::config::ParamsUpdated>();
        lumen::config::apply_param(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000a99), std::string::utf8(b"vip_creator_spend"));
        check<lumen::config::ParamsUpdated>(n9_0, vector[x"117669705f63726561746f725f7370656e6400f2052a010000008038010000000000"], 109000);
        // 10: config::apply_param
        let n10_0 = count<lumen::config::ParamsUpdated>();
        lumen::config::apply_param(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000a99), std::string::utf8(b"vip_worker_days"));
        check<lumen::config::ParamsUpdated>(n10_0, vector[x"0f7669705f776f726b65725f646179731e000000000000000100000000000000"], 110000);
        // 11: escrow::confirm
        let n11_0 = count<lumen::rewards::EpochFunded>();
        let n11_1 = count<lumen::staking::StakeUnlocked>();
        let n11_2 = count<lumen::rewards::LeaseRecorded>();
        let n11_3 = count<lumen::escrow::JobCompleted>();
        lumen::escrow::confirm(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10);
        check<lumen::rewards::EpochFunded>(n11_0, vector[x"214e0000000000002587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709e02e000000000000e02e000000000000"], 111000);
        check<lumen::staking::StakeUnlocked>(n11_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000000000000000000000"], 111100);
        check<lumen::rewards::LeaseRecorded>(n11_2, vector[x"204e0000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41580200000000000030142500000000008050e756000000000000000000000000"], 111200);
        check<lumen::escrow::JobCompleted>(n11_3, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000803801000000000000fa000000000000803e0000000000000000000000000000580200000000000000"], 111300);
        // 12: rewards::report_uptime
        let n12_0 = count<lumen::rewards::UptimeVoted>();
        let n12_1 = count<lumen::rewards::UptimeReported>();
        lumen::rewards::report_uptime(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), 20000, vector<address>[@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41], vector<u64>[60000]);
        check<lumen::rewards::UptimeVoted>(n12_0, vector[x"204e0000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41000000000000000000000000000000000000000000000000000000000000700360ea00000000000001000000000000000100000000000000"], 112000);
        check<lumen::rewards::UptimeReported>(n12_1, vector[x"204e0000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41000000000000000000000000000000000000000000000000000000000000700360ea000000000000301425000000000000725bf2210000000000000000000000"], 112100);
        // 13: vip::claim
        let n13_0 = count<lumen::vip::VipMinted>();
        lumen::vip::claim(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), 0);
        check<lumen::vip::VipMinted>(n13_0, vector[x"7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd00e46a3c36283330c97668b5d4693766b8626420a5701c18eb64026075c3ec8a0ad883006700000000"], 113000);
        // 14: vip::claim
        let n14_0 = count<lumen::vip::VipMinted>();
        lumen::vip::claim(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 1);
        check<lumen::vip::VipMinted>(n14_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4101fab16b00983f01e5c2b7682472a4f4c3e5929fbba987958570b6290c02817df2d883006700000000"], 114000);
        // 15: vip::revoke
        let n15_0 = count<lumen::vip::VipRevoked>();
        lumen::vip::revoke(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1);
        check<lumen::vip::VipRevoked>(n15_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4101fab16b00983f01e5c2b7682472a4f4c3e5929fbba987958570b6290c02817df2000000000000000000000000000000000000000000000000000000000000cafe"], 115000);
        // 16: vip::lift_ban
        let n16_0 = count<lumen::vip::VipBanLifted>();
        lumen::vip::lift_ban(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1);
        check<lumen::vip::VipBanLifted>(n16_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4101000000000000000000000000000000000000000000000000000000000000cafe"], 116000);
        // 17: vip::claim
        let n17_0 = count<lumen::vip::VipMinted>();
        lumen::vip::claim(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 1);
        check<lumen::vip::VipMinted>(n17_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41019281d2b12c08c1292eb547d9a896c24b15cc855e2936c63eb1012a76ef985820d883006700000000"], 117000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 1, 0, 0, 1, 0, 3, 1]);
    }

    // the admin's revocation bans the holder from the role
    #[test]
    #[expected_failure(abort_code = 0x50006 /* EBanned */, location = lumen::vip)]
    fun vip_revoked_holder_is_banned() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        // 6: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000600);
        let n6_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n6_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200707070707070707070707070707070707070707070707070707070707070707d82603670000000058020000000000005832ff6600000000"], 106000);
        // 7: config::set_param
        let n7_0 = count<lumen::config::ParamChangeQueued>();
        lumen::config::set_param(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), std::string::utf8(b"vip_creator_spend"), 80000);
        check<lumen::config::ParamChangeQueued>(n7_0, vector[x"117669705f63726561746f725f7370656e6400f2052a010000008038010000000000d883006700000000"], 107000);
        // 8: config::set_param
        let n8_0 = count<lumen::config::ParamChangeQueued>();
        lumen::config::set_param(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), std::string::utf8(b"vip_worker_days"), 1);
        check<lumen::config::ParamChangeQueued>(n8_0, vector[x"0f7669705f776f726b65725f646179731e000000000000000100000000000000d883006700000000"], 108000);
        // 9: config::apply_param
        aptos_framework::timestamp::update_global_time_for_test_secs(1728087000);
        let n9_0 = count<lumen::config::ParamsUpdated>();
        lumen::config::apply_param(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000a99), std::string::utf8(b"vip_creator_spend"));
        check<lumen::config::ParamsUpdated>(n9_0, vector[x"117669705f63726561746f725f7370656e6400f2052a010000008038010000000000"], 109000);
        // 10: config::apply_param
        let n10_0 = count<lumen::config::ParamsUpdated>();
        lumen::config::apply_param(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000a99), std::string::utf8(b"vip_worker_days"));
        check<lumen::config::ParamsUpdated>(n10_0, vector[x"0f7669705f776f726b65725f646179731e000000000000000100000000000000"], 110000);
        // 11: escrow::confirm
        let n11_0 = count<lumen::rewards::EpochFunded>();
        let n11_1 = count<lumen::staking::StakeUnlocked>();
        let n11_2 = count<lumen::rewards::LeaseRecorded>();
        let n11_3 = count<lumen::escrow::JobCompleted>();
        lumen::escrow::confirm(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10);
        check<lumen::rewards::EpochFunded>(n11_0, vector[x"214e0000000000002587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709e02e000000000000e02e000000000000"], 111000);
        check<lumen::staking::StakeUnlocked>(n11_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000000000000000000000"], 111100);
        check<lumen::rewards::LeaseRecorded>(n11_2, vector[x"204e0000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41580200000000000030142500000000008050e756000000000000000000000000"], 111200);
        check<lumen::escrow::JobCompleted>(n11_3, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000803801000000000000fa000000000000803e0000000000000000000000000000580200000000000000"], 111300);
        // 12: rewards::report_uptime
        let n12_0 = count<lumen::rewards::UptimeVoted>();
        let n12_1 = count<lumen::rewards::UptimeReported>();
        lumen::rewards::report_uptime(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), 20000, vector<address>[@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41], vector<u64>[60000]);
        check<lumen::rewards::UptimeVoted>(n12_0, vector[x"204e0000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41000000000000000000000000000000000000000000000000000000000000700360ea00000000000001000000000000000100000000000000"], 112000);
        check<lumen::rewards::UptimeReported>(n12_1, vector[x"204e0000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41000000000000000000000000000000000000000000000000000000000000700360ea000000000000301425000000000000725bf2210000000000000000000000"], 112100);
        // 13: vip::claim
        let n13_0 = count<lumen::vip::VipMinted>();
        lumen::vip::claim(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 1);
        check<lumen::vip::VipMinted>(n13_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4101e46a3c36283330c97668b5d4693766b8626420a5701c18eb64026075c3ec8a0ad883006700000000"], 113000);
        // 14: vip::revoke
        let n14_0 = count<lumen::vip::VipRevoked>();
        lumen::vip::revoke(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1);
        check<lumen::vip::VipRevoked>(n14_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4101e46a3c36283330c97668b5d4693766b8626420a5701c18eb64026075c3ec8a0a000000000000000000000000000000000000000000000000000000000000cafe"], 114000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 1, 0, 0, 0, 0, 1, 1]);
        // 15: vip::claim
        lumen::vip::claim(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 1);
    }

    // a worker without uptime in the window loses its pass to anyone's expire
    #[test]
    fun vip_lapsed_pass_expires() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        // 6: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000600);
        let n6_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n6_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200707070707070707070707070707070707070707070707070707070707070707d82603670000000058020000000000005832ff6600000000"], 106000);
        // 7: config::set_param
        let n7_0 = count<lumen::config::ParamChangeQueued>();
        lumen::config::set_param(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), std::string::utf8(b"vip_creator_spend"), 80000);
        check<lumen::config::ParamChangeQueued>(n7_0, vector[x"117669705f63726561746f725f7370656e6400f2052a010000008038010000000000d883006700000000"], 107000);
        // 8: config::set_param
        let n8_0 = count<lumen::config::ParamChangeQueued>();
        lumen::config::set_param(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), std::string::utf8(b"vip_worker_days"), 1);
        check<lumen::config::ParamChangeQueued>(n8_0, vector[x"0f7669705f776f726b65725f646179731e000000000000000100000000000000d883006700000000"], 108000);
        // 9: config::apply_param
        aptos_framework::timestamp::update_global_time_for_test_secs(1728087000);
        let n9_0 = count<lumen::config::ParamsUpdated>();
        lumen::config::apply_param(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000a99), std::string::utf8(b"vip_creator_spend"));
        check<lumen::config::ParamsUpdated>(n9_0, vector[x"117669705f63726561746f725f7370656e6400f2052a010000008038010000000000"], 109000);
        // 10: config::apply_param
        let n10_0 = count<lumen::config::ParamsUpdated>();
        lumen::config::apply_param(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000a99), std::string::utf8(b"vip_worker_days"));
        check<lumen::config::ParamsUpdated>(n10_0, vector[x"0f7669705f776f726b65725f646179731e000000000000000100000000000000"], 110000);
        // 11: escrow::confirm
        let n11_0 = count<lumen::rewards::EpochFunded>();
        let n11_1 = count<lumen::staking::StakeUnlocked>();
        let n11_2 = count<lumen::rewards::LeaseRecorded>();
        let n11_3 = count<lumen::escrow::JobCompleted>();
        lumen::escrow::confirm(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10);
        check<lumen::rewards::EpochFunded>(n11_0, vector[x"214e0000000000002587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709e02e000000000000e02e000000000000"], 111000);
        check<lumen::staking::StakeUnlocked>(n11_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000000000000000000000"], 111100);
        check<lumen::rewards::LeaseRecorded>(n11_2, vector[x"204e0000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41580200000000000030142500000000008050e756000000000000000000000000"], 111200);
        check<lumen::escrow::JobCompleted>(n11_3, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000803801000000000000fa000000000000803e0000000000000000000000000000580200000000000000"], 111300);
        // 12: rewards::report_uptime
        let n12_0 = count<lumen::rewards::UptimeVoted>();
        let n12_1 = count<lumen::rewards::UptimeReported>();
        lumen::rewards::report_uptime(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), 20000, vector<address>[@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41], vector<u64>[60000]);
        check<lumen::rewards::UptimeVoted>(n12_0, vector[x"204e0000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41000000000000000000000000000000000000000000000000000000000000700360ea00000000000001000000000000000100000000000000"], 112000);
        check<lumen::rewards::UptimeReported>(n12_1, vector[x"204e0000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41000000000000000000000000000000000000000000000000000000000000700360ea000000000000301425000000000000725bf2210000000000000000000000"], 112100);
        // 13: vip::claim
        let n13_0 = count<lumen::vip::VipMinted>();
        lumen::vip::claim(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 1);
        check<lumen::vip::VipMinted>(n13_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4101e46a3c36283330c97668b5d4693766b8626420a5701c18eb64026075c3ec8a0ad883006700000000"], 113000);
        // 14: vip::expire
        aptos_framework::timestamp::update_global_time_for_test_secs(1728173400);
        let n14_0 = count<lumen::vip::VipExpired>();
        lumen::vip::expire(&lumen::test_helpers::signer_of(@0x00000000000000000000000000000000000000000000000000000000000005ee), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1);
        check<lumen::vip::VipExpired>(n14_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4101e46a3c36283330c97668b5d4693766b8626420a5701c18eb64026075c3ec8a0a00000000000000000000000000000000000000000000000000000000000005ee"], 114000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 1, 0, 0, 0, 1, 1, 0]);
    }

    // a pass whose holder still qualifies does not expire
    #[test]
    #[expected_failure(abort_code = 0x30005 /* EStillEligible */, location = lumen::vip)]
    fun vip_expire_eligible() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        // 6: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000600);
        let n6_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n6_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200707070707070707070707070707070707070707070707070707070707070707d82603670000000058020000000000005832ff6600000000"], 106000);
        // 7: config::set_param
        let n7_0 = count<lumen::config::ParamChangeQueued>();
        lumen::config::set_param(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), std::string::utf8(b"vip_creator_spend"), 80000);
        check<lumen::config::ParamChangeQueued>(n7_0, vector[x"117669705f63726561746f725f7370656e6400f2052a010000008038010000000000d883006700000000"], 107000);
        // 8: config::set_param
        let n8_0 = count<lumen::config::ParamChangeQueued>();
        lumen::config::set_param(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), std::string::utf8(b"vip_worker_days"), 1);
        check<lumen::config::ParamChangeQueued>(n8_0, vector[x"0f7669705f776f726b65725f646179731e000000000000000100000000000000d883006700000000"], 108000);
        // 9: config::apply_param
        aptos_framework::timestamp::update_global_time_for_test_secs(1728087000);
        let n9_0 = count<lumen::config::ParamsUpdated>();
        lumen::config::apply_param(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000a99), std::string::utf8(b"vip_creator_spend"));
        check<lumen::config::ParamsUpdated>(n9_0, vector[x"117669705f63726561746f725f7370656e6400f2052a010000008038010000000000"], 109000);
        // 10: config::apply_param
        let n10_0 = count<lumen::config::ParamsUpdated>();
        lumen::config::apply_param(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000a99), std::string::utf8(b"vip_worker_days"));
        check<lumen::config::ParamsUpdated>(n10_0, vector[x"0f7669705f776f726b65725f646179731e000000000000000100000000000000"], 110000);
        // 11: escrow::confirm
        let n11_0 = count<lumen::rewards::EpochFunded>();
        let n11_1 = count<lumen::staking::StakeUnlocked>();
        let n11_2 = count<lumen::rewards::LeaseRecorded>();
        let n11_3 = count<lumen::escrow::JobCompleted>();
        lumen::escrow::confirm(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10);
        check<lumen::rewards::EpochFunded>(n11_0, vector[x"214e0000000000002587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709e02e000000000000e02e000000000000"], 111000);
        check<lumen::staking::StakeUnlocked>(n11_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000000000000000000000"], 111100);
        check<lumen::rewards::LeaseRecorded>(n11_2, vector[x"204e0000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41580200000000000030142500000000008050e756000000000000000000000000"], 111200);
        check<lumen::escrow::JobCompleted>(n11_3, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000803801000000000000fa000000000000803e0000000000000000000000000000580200000000000000"], 111300);
        // 12: rewards::report_uptime
        let n12_0 = count<lumen::rewards::UptimeVoted>();
        let n12_1 = count<lumen::rewards::UptimeReported>();
        lumen::rewards::report_uptime(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), 20000, vector<address>[@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41], vector<u64>[60000]);
        check<lumen::rewards::UptimeVoted>(n12_0, vector[x"204e0000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41000000000000000000000000000000000000000000000000000000000000700360ea00000000000001000000000000000100000000000000"], 112000);
        check<lumen::rewards::UptimeReported>(n12_1, vector[x"204e0000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41000000000000000000000000000000000000000000000000000000000000700360ea000000000000301425000000000000725bf2210000000000000000000000"], 112100);
        // 13: vip::claim
        let n13_0 = count<lumen::vip::VipMinted>();
        lumen::vip::claim(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), 0);
        check<lumen::vip::VipMinted>(n13_0, vector[x"7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd00e46a3c36283330c97668b5d4693766b8626420a5701c18eb64026075c3ec8a0ad883006700000000"], 113000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 1, 0, 0, 0, 0, 1, 0]);
        // 14: vip::expire
        lumen::vip::expire(&lumen::test_helpers::signer_of(@0x00000000000000000000000000000000000000000000000000000000000005ee), @0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 0);
    }

    // only a ban is lifted
    #[test]
    #[expected_failure(abort_code = 0x60007 /* ENotBanned */, location = lumen::vip)]
    fun vip_lift_missing_ban() {
        world();
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: vip::lift_ban
        lumen::vip::lift_ban(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), @0x00000000000000000000000000000000000000000000000000000000000005ee, 1);
    }

    // roles are 0 (creator) and 1 (worker)
    #[test]
    #[expected_failure(abort_code = 0x10001 /* EInvalidRole */, location = lumen::vip)]
    fun vip_unknown_role() {
        world();
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: vip::claim
        lumen::vip::claim(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), 2);
    }

    // one pass per holder and role
    #[test]
    #[expected_failure(abort_code = 0x80002 /* EAlreadyHasPass */, location = lumen::vip)]
    fun vip_second_pass() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000000);
        account(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, 1000000000);
        let start = counts();
        // 0: attestation::register_device_key
        let n0_0 = count<lumen::attestation::DeviceKeyRegistered>();
        lumen::attestation::register_device_key(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394");
        check<lumen::attestation::DeviceKeyRegistered>(n0_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41208139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b39400"], 100000);
        // 1: attestation::attest
        let n1_0 = count<lumen::attestation::AttestationSubmitted>();
        let n1_1 = count<lumen::attestation::ScoreAttested>();
        lumen::attestation::attest(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000007003), @0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41, x"0101010101010101", std::string::utf8(b"RTX 3070"), 8192, 2430000, 1, 1, 1728000000, x"8139770ea87d175f56a35466c34c7ecccb8d8a91b4ee37a25df60f5b8fc9b394", x"adad61bb617c56174ed5d7795372ab6b514ac48f92c7bb3a8e96ed9641ad04003dbd794cf6477c51773fe189e81bbdd9701b3064ef9d363556dac5d271b21508");
        check<lumen::attestation::AttestationSubmitted>(n1_0, vector[x"00000000000000000000000000000000000000000000000000000000000070037d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41010000000000000020039e18a85eafe2247c1b2bd7ed93a1070e73ed806fe49eb9e20af1aee0d4f640301425000000000001000000000000000100000000000000"], 101000);
        check<lumen::attestation::ScoreAttested>(n1_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4108010101010101010108525458203330373000200000000000003014250000000000010000000000000001000000000000000030ff66000000000030ff660000000000bd266700000000010000000000000000000000000000000000000000000000000000000000007003"], 101100);
        // 2: staking::set_price
        let n2_0 = count<lumen::staking::PriceSet>();
        lumen::staking::set_price(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 2000000);
        check<lumen::staking::PriceSet>(n2_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4180841e0000000000"], 102000);
        // 3: staking::stake
        let n3_0 = count<lumen::staking::Staked>();
        lumen::staking::stake(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), 699840000);
        check<lumen::staking::Staked>(n3_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c4100b6b6290000000000b6b62900000000"], 103000);
        // 4: escrow::create_job
        let n4_0 = count<lumen::escrow::JobCreated>();
        lumen::escrow::create_job(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), x"ab00", 10, 10000, 0, 0);
        check<lumen::escrow::JobCreated>(n4_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd02ab000a00000000000000102700000000000000000000000000000000000000000000a0860100000000000030ff6600000000"], 104000);
        // 5: escrow::accept_offer
        let n5_0 = count<lumen::staking::StakeLocked>();
        let n5_1 = count<lumen::escrow::JobAssigned>();
        lumen::escrow::accept_offer(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 8000, 1728007200, 1728003600, 1, x"8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c", x"b43d167dd6f085b3eabf8dfe103e292076fc3bc4409be6c2fe79dcfd114d15853a452dfabb91b38f60076a16000beb4c07b3e263c6cf3f16257895e14ddbec05");
        check<lumen::staking::StakeLocked>(n5_0, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000008038010000000000"], 105000);
        check<lumen::escrow::JobAssigned>(n5_1, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41401f000000000000204cff660000000001000000000000003014250000000000204e0000000000000030ff66000000008038010000000000401f00000000000080f40300000000000200000000000000201c00000000000080f4030000000000007512000000000000"], 105100);
        // 6: escrow::submit_result
        aptos_framework::timestamp::update_global_time_for_test_secs(1728000600);
        let n6_0 = count<lumen::escrow::ResultSubmitted>();
        lumen::escrow::submit_result(&lumen::test_helpers::signer_of(@0x7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10, x"0707070707070707070707070707070707070707070707070707070707070707");
        check<lumen::escrow::ResultSubmitted>(n6_0, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000200707070707070707070707070707070707070707070707070707070707070707d82603670000000058020000000000005832ff6600000000"], 106000);
        // 7: config::set_param
        let n7_0 = count<lumen::config::ParamChangeQueued>();
        lumen::config::set_param(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), std::string::utf8(b"vip_creator_spend"), 1);
        check<lumen::config::ParamChangeQueued>(n7_0, vector[x"117669705f63726561746f725f7370656e6400f2052a010000000100000000000000d883006700000000"], 107000);
        // 8: config::apply_param
        aptos_framework::timestamp::update_global_time_for_test_secs(1728087000);
        let n8_0 = count<lumen::config::ParamsUpdated>();
        lumen::config::apply_param(&lumen::test_helpers::signer_of(@0x0000000000000000000000000000000000000000000000000000000000000a99), std::string::utf8(b"vip_creator_spend"));
        check<lumen::config::ParamsUpdated>(n8_0, vector[x"117669705f63726561746f725f7370656e6400f2052a010000000100000000000000"], 108000);
        // 9: escrow::confirm
        let n9_0 = count<lumen::rewards::EpochFunded>();
        let n9_1 = count<lumen::staking::StakeUnlocked>();
        let n9_2 = count<lumen::rewards::LeaseRecorded>();
        let n9_3 = count<lumen::escrow::JobCompleted>();
        lumen::escrow::confirm(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), aptos_framework::object::address_to_object<lumen::escrow::Job>(@0x2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709), 10);
        check<lumen::rewards::EpochFunded>(n9_0, vector[x"214e0000000000002587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f709e02e000000000000e02e000000000000"], 109000);
        check<lumen::staking::StakeUnlocked>(n9_1, vector[x"7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c412587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70980380100000000000000000000000000"], 109100);
        check<lumen::rewards::LeaseRecorded>(n9_2, vector[x"204e0000000000007d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c41580200000000000030142500000000008050e756000000000000000000000000"], 109200);
        check<lumen::escrow::JobCompleted>(n9_3, vector[x"2587a64864620e7a625d09543e8fe3547514a3081e1b8bfc3e529de48f77f70900000000000000007df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd7d9947d5ce9efdd02bb88c44cf2f941c829ed5ac483090a6ba22c12db9251c410a00000000000000803801000000000000fa000000000000803e0000000000000000000000000000580200000000000000"], 109300);
        // 10: vip::claim
        let n10_0 = count<lumen::vip::VipMinted>();
        lumen::vip::claim(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), 0);
        check<lumen::vip::VipMinted>(n10_0, vector[x"7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd00e46a3c36283330c97668b5d4693766b8626420a5701c18eb64026075c3ec8a0ad883006700000000"], 110000);
        totals(start, vector<u64>[1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 0, 0, 0, 1, 0]);
        // 11: vip::claim
        lumen::vip::claim(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), 0);
    }

    // a creator who spent nothing has no pass
    #[test]
    #[expected_failure(abort_code = 0x50003 /* ENotEligible */, location = lumen::vip)]
    fun vip_not_eligible() {
        world();
        account(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd, 1000000);
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: vip::claim
        lumen::vip::claim(&lumen::test_helpers::signer_of(@0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd), 0);
    }

    // only a held pass is revoked
    #[test]
    #[expected_failure(abort_code = 0x60004 /* ENoPass */, location = lumen::vip)]
    fun vip_revoke_missing() {
        world();
        let start = counts();
        totals(start, vector<u64>[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        // 0: vip::revoke
        lumen::vip::revoke(&lumen::test_helpers::signer_of(@0x000000000000000000000000000000000000000000000000000000000000cafe), @0x0000000000000000000000000000000000000000000000000000000000000042, 0);
    }
}
