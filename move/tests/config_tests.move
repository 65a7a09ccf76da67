#[test_only]
module lumen::config_tests {
    use std::string::{Self, String};
    use aptos_framework::event;
    use aptos_framework::object;
    use lumen::config::{Self, ConfigInitialized, ParamsUpdated, AdminProposed, PausedSet, TreasurySet,
        ArbiterAdded, ArbiterRemoved, AttesterAdded, AttesterRemoved};
    use lumen::test_helpers as th;

    fun s(bytes: vector<u8>): String { string::utf8(bytes) }

    /// `pending_param(name)` as `[queued (0/1), value, effective_at]`.
    fun pending(name: vector<u8>): vector<u64> {
        let (queued, value, effective_at) = config::pending_param(s(name));
        vector[if (queued) 1 else 0, value, effective_at]
    }

    // Initialisation.

    #[test]
    fun initialize_sets_addresses_and_defaults() {
        th::setup();
        assert!(config::is_initialized(), 0);
        assert!(config::admin() == @lumen, 1);
        assert!(config::is_admin(@lumen), 2);
        assert!(!config::is_admin(th::treasury()), 3);
        assert!(config::treasury() == th::treasury(), 4);
        assert!(config::arbiters() == vector[th::arbiter()] && config::is_arbiter(th::arbiter()), 5);
        assert!(config::payment_asset() == th::payment_asset(), 6);
        assert!(!config::is_paused(), 7);
        assert!(config::attesters() == vector[th::attester()], 8);
        assert!(config::is_attester(th::attester()), 9);
        assert!(!config::is_attester(th::attester2()), 10);

        // Defaults of the parameter table, by name and by typed getter.
        assert!(config::param(s(b"epoch_secs")) == 86_400 && config::epoch_secs() == 86_400, 20);
        assert!(config::param(s(b"epoch_grace_secs")) == 3_600 && config::epoch_grace_secs() == 3_600, 21);
        assert!(config::param(s(b"stake_factor")) == 2 && config::stake_factor() == 2, 22);
        assert!(config::param(s(b"unbonding_secs")) == 604_800 && config::unbonding_secs() == 604_800, 23);
        assert!(
            config::param(s(b"score_validity_secs")) == 2_592_000
                && config::score_validity_secs() == 2_592_000,
            24,
        );
        assert!(
            config::param(s(b"report_max_age_secs")) == 3_600 && config::report_max_age_secs() == 3_600,
            25,
        );
        assert!(config::param(s(b"attester_threshold")) == 1 && config::attester_threshold() == 1, 26);
        assert!(
            config::param(s(b"worker_commission_bps")) == 8_000
                && config::worker_commission_bps() == 8_000,
            27,
        );
        assert!(
            config::param(s(b"review_window_secs")) == 259_200 && config::review_window_secs() == 259_200,
            28,
        );
        assert!(config::param(s(b"max_rerenders")) == 2 && config::max_rerenders() == 2, 29);
        assert!(config::param(s(b"slash_bps")) == 1_000 && config::slash_bps() == 1_000, 30);
        assert!(
            config::param(s(b"dispute_timeout_secs")) == 1_209_600
                && config::dispute_timeout_secs() == 1_209_600,
            31,
        );
        assert!(config::param(s(b"pod_share_bps")) == 5_000 && config::pod_share_bps() == 5_000, 32);
        assert!(
            config::param(s(b"vip_creator_spend")) == 5_000_000_000
                && config::vip_creator_spend() == 5_000_000_000,
            33,
        );
        assert!(config::param(s(b"vip_worker_days")) == 30 && config::vip_worker_days() == 30, 34);
        assert!(
            config::param(s(b"vip_worker_min_avg_secs")) == 57_600
                && config::vip_worker_min_avg_secs() == 57_600,
            35,
        );
        assert!(
            config::param(s(b"vip_worker_max_down_days")) == 3 && config::vip_worker_max_down_days() == 3,
            36,
        );
        assert!(
            config::param(s(b"device_release_grace_secs")) == 2_592_000
                && config::device_release_grace_secs() == 2_592_000,
            37,
        );
        assert!(
            config::param(s(b"min_price_per_frame")) == 1_000 && config::min_price_per_frame() == 1_000,
            38,
        );
        assert!(
            config::param(s(b"min_price_per_ib_hour")) == 100_000
                && config::min_price_per_ib_hour() == 100_000,
            39,
        );
        assert!(config::param(s(b"slash_cap_bps")) == 10_000 && config::slash_cap_bps() == 10_000, 40);
        assert!(
            config::param(s(b"min_rerender_secs")) == 3_600 && config::min_rerender_secs() == 3_600,
            41,
        );
        assert!(
            config::param(s(b"response_window_secs")) == 259_200
                && config::response_window_secs() == 259_200,
            42,
        );
        assert!(config::param(s(b"param_delay_secs")) == 86_400 && config::param_delay_secs() == 86_400, 43);
        assert!(
            config::param(s(b"vip_worker_down_day_secs")) == 43_200
                && config::vip_worker_down_day_secs() == 43_200,
            44,
        );
        assert!(config::initialized_at() == th::start_time(), 45);
        assert!(config::resumed_at() == 0, 46);
        assert!(config::payment_unit() == 1_000_000, 47);
        assert!(config::pool_fee_share_bps() == 7_500, 48);
        assert!(
            config::param(s(b"max_job_lease_secs")) == 86_400 && config::max_job_lease_secs() == 86_400,
            49,
        );
    }

    #[test]
    /// Amount defaults follow the payment asset's decimals: 5 000 whole units.
    fun the_creator_threshold_follows_the_decimals() {
        assert!(config::unit_of(0) == 1 && config::unit_of(8) == 100_000_000, 1);
        th::setup();
        assert!(config::vip_creator_spend() == 5_000 * config::unit_of(th::decimals()), 2);
    }

    #[test]
    fun initialize_emits_config_and_every_param() {
        th::setup();
        let asset_addr = object::object_address(&th::payment_asset());
        assert!(
            event::was_event_emitted(
                &config::config_initialized_event(@lumen, asset_addr, th::treasury(), th::arbiter(), 6)
            ),
            0,
        );
        assert!(event::emitted_events<ConfigInitialized>().length() == 1, 1);
        let names = config::param_names_for_test();
        assert!(names.length() == 27, 2);
        assert!(event::emitted_events<ParamsUpdated>().length() == 27, 3);
        let i = 0;
        while (i < names.length()) {
            let name = names[i];
            let value = config::param(name);
            assert!(event::was_event_emitted(&config::params_updated_event(name, 0, value)), 10 + i);
            i += 1;
        };
        assert!(names[0] == s(b"epoch_secs"), 4);
        assert!(names[17] == s(b"device_release_grace_secs"), 5);
        assert!(names[22] == s(b"response_window_secs"), 7);
        assert!(names[24] == s(b"vip_worker_down_day_secs"), 10);
        assert!(names[25] == s(b"pool_fee_share_bps"), 11);
        assert!(names[26] == s(b"max_job_lease_secs"), 12);
        assert!(event::emitted_events<AttesterAdded>().length() == 1, 6);
        assert!(event::was_event_emitted(&config::arbiter_added_event(th::arbiter())), 8);
        assert!(event::emitted_events<ArbiterAdded>().length() == 1, 9);
    }

    #[test]
    #[expected_failure(abort_code = 0x80003 /* EAlreadyInitialized */, location = lumen::config)]
    fun initialize_twice_fails() {
        th::setup();
        config::initialize(&th::lumen_signer(), th::payment_asset(), th::treasury(), th::arbiter());
    }

    #[test]
    #[expected_failure(abort_code = 0x50002 /* ENotDeployer */, location = lumen::config)]
    fun initialize_by_other_account_fails() {
        th::setup_uninitialized();
        config::initialize(&th::signer_of(@0xB0B), th::payment_asset(), th::treasury(), th::arbiter());
    }

    #[test]
    #[expected_failure(abort_code = 0x1000B /* EZeroAddress */, location = lumen::config)]
    fun initialize_with_zero_treasury_fails() {
        th::setup_uninitialized();
        config::initialize(&th::lumen_signer(), th::payment_asset(), @0x0, th::arbiter());
    }

    #[test]
    #[expected_failure(abort_code = 0x60004 /* ENotInitialized */, location = lumen::config)]
    fun views_abort_before_initialize() {
        th::setup_uninitialized();
        assert!(!config::is_initialized(), 0);
        assert!(!config::is_attester(th::attester()), 1);
        assert!(!config::is_admin(@lumen), 2);
        config::admin();
    }

    #[test]
    #[expected_failure(abort_code = 0x60004 /* ENotInitialized */, location = lumen::config)]
    fun admin_functions_abort_before_initialize() {
        th::setup_uninitialized();
        config::set_paused(&th::lumen_signer(), true);
    }

    // Admin transfer.

    #[test]
    fun two_step_admin_transfer() {
        th::setup();
        let new_admin = th::signer_of(@0xA11CE);
        config::propose_admin(&th::lumen_signer(), @0xA11CE);
        assert!(config::admin() == @lumen, 0);
        assert!(event::emitted_events<AdminProposed>().length() == 1, 1);
        config::accept_admin(&new_admin);
        assert!(config::admin() == @0xA11CE, 2);
        assert!(event::was_event_emitted(&config::admin_transferred_event(@lumen, @0xA11CE)), 3);
        // The new admin can act.
        config::set_paused(&new_admin, true);
        assert!(config::is_paused(), 4);
    }

    #[test]
    #[expected_failure(abort_code = 0x50001 /* ENotAdmin */, location = lumen::config)]
    fun old_admin_loses_rights_after_transfer() {
        th::setup();
        config::propose_admin(&th::lumen_signer(), @0xA11CE);
        config::accept_admin(&th::signer_of(@0xA11CE));
        config::set_paused(&th::lumen_signer(), true);
    }

    #[test]
    #[expected_failure(abort_code = 0x50006 /* ENotPendingAdmin */, location = lumen::config)]
    fun accept_admin_by_other_account_fails() {
        th::setup();
        config::propose_admin(&th::lumen_signer(), @0xA11CE);
        config::accept_admin(&th::signer_of(@0xB0B));
    }

    #[test]
    #[expected_failure(abort_code = 0x50006 /* ENotPendingAdmin */, location = lumen::config)]
    fun accept_admin_without_proposal_fails() {
        th::setup();
        config::accept_admin(&th::signer_of(@0xA11CE));
    }

    #[test]
    #[expected_failure(abort_code = 0x50006 /* ENotPendingAdmin */, location = lumen::config)]
    fun accept_admin_twice_fails() {
        th::setup();
        config::propose_admin(&th::lumen_signer(), @0xA11CE);
        let new_admin = th::signer_of(@0xA11CE);
        config::accept_admin(&new_admin);
        config::accept_admin(&new_admin);
    }

    #[test]
    #[expected_failure(abort_code = 0x1000B /* EZeroAddress */, location = lumen::config)]
    fun propose_zero_admin_fails() {
        th::setup();
        config::propose_admin(&th::lumen_signer(), @0x0);
    }

    // Every privileged entry function rejects a non-admin.

    #[test]
    #[expected_failure(abort_code = 0x50001 /* ENotAdmin */, location = lumen::config)]
    fun propose_admin_rejects_non_admin() {
        th::setup();
        config::propose_admin(&th::signer_of(@0xB0B), @0xB0B);
    }

    #[test]
    #[expected_failure(abort_code = 0x50001 /* ENotAdmin */, location = lumen::config)]
    fun set_paused_rejects_non_admin() {
        th::setup();
        config::set_paused(&th::signer_of(@0xB0B), true);
    }

    #[test]
    #[expected_failure(abort_code = 0x50001 /* ENotAdmin */, location = lumen::config)]
    fun set_treasury_rejects_non_admin() {
        th::setup();
        config::set_treasury(&th::signer_of(@0xB0B), @0xB0B);
    }

    #[test]
    #[expected_failure(abort_code = 0x50001 /* ENotAdmin */, location = lumen::config)]
    fun add_arbiter_rejects_non_admin() {
        th::setup();
        config::add_arbiter(&th::signer_of(@0xB0B), @0xB0B);
    }

    #[test]
    #[expected_failure(abort_code = 0x50001 /* ENotAdmin */, location = lumen::config)]
    fun remove_arbiter_rejects_non_admin() {
        th::setup();
        config::remove_arbiter(&th::signer_of(th::arbiter()), th::arbiter());
    }

    #[test]
    #[expected_failure(abort_code = 0x50001 /* ENotAdmin */, location = lumen::config)]
    fun add_attester_rejects_non_admin() {
        th::setup();
        config::add_attester(&th::attester_signer(), @0xB0B);
    }

    #[test]
    #[expected_failure(abort_code = 0x50001 /* ENotAdmin */, location = lumen::config)]
    fun remove_attester_rejects_non_admin() {
        th::setup();
        config::remove_attester(&th::attester_signer(), th::attester());
    }

    #[test]
    #[expected_failure(abort_code = 0x50001 /* ENotAdmin */, location = lumen::config)]
    fun set_param_rejects_non_admin() {
        th::setup();
        config::set_param(&th::signer_of(@0xB0B), s(b"stake_factor"), 1);
    }

    // Pause.

    #[test]
    fun pause_and_unpause() {
        th::setup();
        config::assert_not_paused();
        config::set_paused(&th::lumen_signer(), true);
        assert!(config::is_paused(), 0);
        // Admin functions keep working while paused.
        th::set_param(b"stake_factor", 3);
        assert!(config::stake_factor() == 3, 1);
        config::set_paused(&th::lumen_signer(), false);
        assert!(!config::is_paused(), 2);
        config::assert_not_paused();
        assert!(event::emitted_events<PausedSet>().length() == 2, 3);
    }

    #[test]
    #[expected_failure(abort_code = 0x30005 /* EPaused */, location = lumen::config)]
    fun assert_not_paused_aborts_while_paused() {
        th::setup();
        config::set_paused(&th::lumen_signer(), true);
        config::assert_not_paused();
    }

    // Treasury, arbiter, attesters.

    #[test]
    fun set_treasury() {
        th::setup();
        config::set_treasury(&th::lumen_signer(), @0xFEE);
        assert!(config::treasury() == @0xFEE, 0);
        assert!(event::emitted_events<TreasurySet>().length() == 1, 2);
    }

    #[test]
    fun add_and_remove_arbiters() {
        th::setup();
        let admin = th::lumen_signer();
        config::add_arbiter(&admin, @0xA4B);
        assert!(config::arbiters() == vector[th::arbiter(), @0xA4B], 0);
        assert!(config::is_arbiter(@0xA4B), 1);
        assert!(event::was_event_emitted(&config::arbiter_added_event(@0xA4B)), 2);
        config::remove_arbiter(&admin, th::arbiter());
        assert!(config::arbiters() == vector[@0xA4B], 3);
        assert!(!config::is_arbiter(th::arbiter()), 4);
        assert!(event::was_event_emitted(&config::arbiter_removed_event(th::arbiter())), 5);
        assert!(event::emitted_events<ArbiterRemoved>().length() == 1, 6);
        // The set may become empty: disputes then end by timeout.
        config::remove_arbiter(&admin, @0xA4B);
        assert!(config::arbiters() == vector[], 7);
        assert!(!config::is_arbiter(@0x0), 8);
    }

    #[test]
    #[expected_failure(abort_code = 0x1000B /* EZeroAddress */, location = lumen::config)]
    fun add_zero_arbiter_fails() {
        th::setup();
        config::add_arbiter(&th::lumen_signer(), @0x0);
    }

    #[test]
    #[expected_failure(abort_code = 0x8000C /* EArbiterExists */, location = lumen::config)]
    fun add_arbiter_twice_fails() {
        th::setup();
        config::add_arbiter(&th::lumen_signer(), th::arbiter());
    }

    #[test]
    #[expected_failure(abort_code = 0x6000D /* EArbiterNotFound */, location = lumen::config)]
    fun remove_unknown_arbiter_fails() {
        th::setup();
        config::remove_arbiter(&th::lumen_signer(), @0xA4B);
    }

    #[test]
    fun add_and_remove_attesters() {
        th::setup();
        let admin = th::lumen_signer();
        config::add_attester(&admin, th::attester2());
        config::add_attester(&admin, th::attester3());
        assert!(config::attesters() == vector[th::attester(), th::attester2(), th::attester3()], 0);
        config::remove_attester(&admin, th::attester2());
        assert!(config::attesters() == vector[th::attester(), th::attester3()], 1);
        assert!(!config::is_attester(th::attester2()), 2);
        assert!(config::is_attester(th::attester3()), 3);
        assert!(event::emitted_events<AttesterAdded>().length() == 3, 4);
        assert!(event::emitted_events<AttesterRemoved>().length() == 1, 5);
    }

    #[test]
    #[expected_failure(abort_code = 0x80009 /* EAttesterExists */, location = lumen::config)]
    fun add_attester_twice_fails() {
        th::setup();
        config::add_attester(&th::lumen_signer(), th::attester());
    }

    #[test]
    #[expected_failure(abort_code = 0x6000A /* EAttesterNotFound */, location = lumen::config)]
    fun remove_unknown_attester_fails() {
        th::setup();
        config::remove_attester(&th::lumen_signer(), th::attester2());
    }

    // Parameters.

    #[test]
    fun set_param_queues_and_apply_param_updates_after_the_delay() {
        th::setup();
        let admin = th::lumen_signer();
        let due = th::now() + 86_400;
        config::set_param(&admin, s(b"slash_bps"), 500);
        assert!(config::slash_bps() == 1_000, 0);
        assert!(pending(b"slash_bps") == vector[1, 500, due], 1);
        assert!(event::was_event_emitted(&config::param_change_queued_event(s(b"slash_bps"), 1_000, 500, due)), 2);
        // A second change of the same parameter replaces the first, with a new delay.
        th::advance(100);
        config::set_param(&admin, s(b"slash_bps"), 700);
        assert!(pending(b"slash_bps") == vector[1, 700, due + 100], 3);
        th::set_time(due + 100);
        // Anyone applies it.
        config::apply_param(&th::signer_of(@0xB0B), s(b"slash_bps"));
        assert!(config::slash_bps() == 700, 4);
        assert!(pending(b"slash_bps") == vector[0, 0, 0], 5);
        assert!(event::was_event_emitted(&config::params_updated_event(s(b"slash_bps"), 1_000, 700)), 6);
    }

    #[test]
    fun the_delay_of_a_delay_change_is_the_old_delay() {
        th::setup();
        let admin = th::lumen_signer();
        config::set_param(&admin, s(b"param_delay_secs"), 0);
        th::advance(86_400);
        config::apply_param(&admin, s(b"param_delay_secs"));
        config::set_param(&admin, s(b"stake_factor"), 5);
        config::apply_param(&admin, s(b"stake_factor"));
        assert!(config::stake_factor() == 5, 1);
    }

    #[test]
    fun the_admin_cancels_a_queued_change() {
        th::setup();
        let admin = th::lumen_signer();
        config::set_param(&admin, s(b"slash_bps"), 500);
        config::set_param(&admin, s(b"stake_factor"), 4);
        config::cancel_param(&admin, s(b"slash_bps"));
        assert!(pending(b"slash_bps") == vector[0, 0, 0], 1);
        assert!(pending(b"stake_factor") == vector[1, 4, th::now() + 86_400], 2);
        assert!(event::was_event_emitted(&config::param_change_cancelled_event(s(b"slash_bps"), 500)), 3);
    }

    #[test]
    fun unpausing_records_the_time() {
        th::setup();
        let admin = th::lumen_signer();
        config::set_paused(&admin, false);
        assert!(config::resumed_at() == 0, 1);
        config::set_paused(&admin, true);
        th::advance(10);
        config::set_paused(&admin, false);
        assert!(config::resumed_at() == th::now(), 2);
    }

    #[test]
    fun set_param_for_test_checks_and_applies_at_once() {
        th::setup();
        // Bounds are inclusive.
        th::set_param(b"worker_commission_bps", 10_000);
        th::set_param(b"slash_bps", 0);
        th::set_param(b"pod_share_bps", 10_000);
        th::set_param(b"pool_fee_share_bps", 10_000);
        th::set_param(b"vip_worker_days", 90);
        th::set_param(b"vip_worker_days", 1);
        th::set_param(b"attester_threshold", 3);
        th::set_param(b"stake_factor", 0);
        th::set_param(b"min_price_per_frame", 1);
        th::set_param(b"slash_cap_bps", 100_000);
        assert!(config::worker_commission_bps() == 10_000, 2);
        assert!(config::slash_bps() == 0, 3);
        assert!(config::pod_share_bps() == 10_000 && config::pool_fee_share_bps() == 10_000, 4);
        assert!(config::vip_worker_days() == 1, 5);
        assert!(config::attester_threshold() == 3, 6);
        assert!(config::stake_factor() == 0, 7);
        assert!(config::min_price_per_frame() == 1 && config::slash_cap_bps() == 100_000, 9);
        assert!(event::emitted_events<ParamsUpdated>().length() == 27 + 10, 8);
        // Upper bounds of time parameters are inclusive too.
        th::set_param(b"unbonding_secs", 90 * 86_400);
        th::set_param(b"review_window_secs", 30 * 86_400);
        th::set_param(b"dispute_timeout_secs", 90 * 86_400);
        th::set_param(b"score_validity_secs", 365 * 86_400);
        th::set_param(b"report_max_age_secs", 86_400);
        th::set_param(b"epoch_grace_secs", 7 * 86_400);
        th::set_param(b"param_delay_secs", 30 * 86_400);
        th::set_param(b"vip_worker_min_avg_secs", 86_400);
        th::set_param(b"vip_worker_down_day_secs", 86_400);
        th::set_param(b"vip_worker_max_down_days", 90);
        th::set_param(b"device_release_grace_secs", 365 * 86_400);
        th::set_param(b"min_rerender_secs", 30 * 86_400);
        th::set_param(b"response_window_secs", 30 * 86_400);
        th::set_param(b"max_job_lease_secs", 30 * 86_400);
        th::set_param(b"max_job_lease_secs", 0);
        assert!(config::max_job_lease_secs() == 0, 10);
    }

    #[test]
    #[expected_failure(abort_code = 0x6000F /* ENoPendingChange */, location = lumen::config)]
    fun apply_without_a_queued_change_fails() {
        th::setup();
        config::apply_param(&th::lumen_signer(), s(b"slash_bps"));
    }

    #[test]
    #[expected_failure(abort_code = 0x30010 /* EChangeNotDue */, location = lumen::config)]
    fun apply_before_the_delay_fails() {
        th::setup();
        config::set_param(&th::lumen_signer(), s(b"slash_bps"), 500);
        th::advance(86_399);
        config::apply_param(&th::lumen_signer(), s(b"slash_bps"));
    }

    #[test]
    #[expected_failure(abort_code = 0x6000F /* ENoPendingChange */, location = lumen::config)]
    fun cancel_without_a_queued_change_fails() {
        th::setup();
        config::cancel_param(&th::lumen_signer(), s(b"slash_bps"));
    }

    #[test]
    #[expected_failure(abort_code = 0x50001 /* ENotAdmin */, location = lumen::config)]
    fun cancel_param_rejects_non_admin() {
        th::setup();
        config::set_param(&th::lumen_signer(), s(b"slash_bps"), 500);
        config::cancel_param(&th::signer_of(@0xB0B), s(b"slash_bps"));
    }

    #[test]
    #[expected_failure(abort_code = 0x3000E /* EParamFixed */, location = lumen::config)]
    fun epoch_secs_is_fixed() {
        th::setup();
        config::set_param(&th::lumen_signer(), s(b"epoch_secs"), 86_400);
    }

    #[test]
    #[expected_failure(abort_code = 0x20008 /* EParamOutOfRange */, location = lumen::config)]
    fun queued_values_are_checked_against_the_bounds() {
        th::setup();
        config::set_param(&th::lumen_signer(), s(b"param_delay_secs"), 30 * 86_400 + 1);
    }

    #[test]
    #[expected_failure(abort_code = 0x20008 /* EParamOutOfRange */, location = lumen::config)]
    fun grace_above_a_week_fails() {
        th::setup();
        th::set_param(b"epoch_grace_secs", 7 * 86_400 + 1);
    }

    #[test]
    #[expected_failure(abort_code = 0x20008 /* EParamOutOfRange */, location = lumen::config)]
    fun down_day_threshold_above_a_day_fails() {
        th::setup();
        th::set_param(b"vip_worker_down_day_secs", 86_401);
    }

    #[test]
    #[expected_failure(abort_code = 0x10007 /* EUnknownParam */, location = lumen::config)]
    fun set_unknown_param_fails() {
        th::setup();
        th::set_param(b"epoch_seconds", 10);
    }

    #[test]
    #[expected_failure(abort_code = 0x10007 /* EUnknownParam */, location = lumen::config)]
    fun read_unknown_param_fails() {
        th::setup();
        config::param(s(b"nope"));
    }

    #[test]
    #[expected_failure(abort_code = 0x20008 /* EParamOutOfRange */, location = lumen::config)]
    fun attester_threshold_zero_fails() {
        th::setup();
        th::set_param(b"attester_threshold", 0);
    }

    #[test]
    #[expected_failure(abort_code = 0x3000E /* EParamFixed */, location = lumen::config)]
    fun epoch_secs_stays_fixed_in_tests_too() {
        th::setup();
        th::set_param(b"epoch_secs", 0);
    }

    #[test]
    #[expected_failure(abort_code = 0x20008 /* EParamOutOfRange */, location = lumen::config)]
    fun score_validity_zero_fails() {
        th::setup();
        th::set_param(b"score_validity_secs", 0);
    }

    #[test]
    #[expected_failure(abort_code = 0x20008 /* EParamOutOfRange */, location = lumen::config)]
    fun report_max_age_zero_fails() {
        th::setup();
        th::set_param(b"report_max_age_secs", 0);
    }

    #[test]
    #[expected_failure(abort_code = 0x20008 /* EParamOutOfRange */, location = lumen::config)]
    fun commission_above_100_percent_fails() {
        th::setup();
        th::set_param(b"worker_commission_bps", 10_001);
    }

    #[test]
    #[expected_failure(abort_code = 0x20008 /* EParamOutOfRange */, location = lumen::config)]
    fun slash_above_100_percent_fails() {
        th::setup();
        th::set_param(b"slash_bps", 10_001);
    }

    #[test]
    #[expected_failure(abort_code = 0x20008 /* EParamOutOfRange */, location = lumen::config)]
    /// A job's lease maximum is a time parameter like the others: at most 30 days.
    fun max_job_lease_above_30_days_fails() {
        th::setup();
        config::set_param(&th::lumen_signer(), s(b"max_job_lease_secs"), 30 * 86_400 + 1);
    }

    #[test]
    #[expected_failure(abort_code = 0x20008 /* EParamOutOfRange */, location = lumen::config)]
    fun pod_share_above_100_percent_fails() {
        th::setup();
        th::set_param(b"pod_share_bps", 10_001);
    }

    #[test]
    #[expected_failure(abort_code = 0x20008 /* EParamOutOfRange */, location = lumen::config)]
    fun vip_worker_days_above_90_fails() {
        th::setup();
        th::set_param(b"vip_worker_days", 91);
    }

    #[test]
    #[expected_failure(abort_code = 0x20008 /* EParamOutOfRange */, location = lumen::config)]
    fun vip_worker_days_zero_fails() {
        th::setup();
        th::set_param(b"vip_worker_days", 0);
    }

    #[test]
    #[expected_failure(abort_code = 0x20008 /* EParamOutOfRange */, location = lumen::config)]
    fun min_price_per_frame_zero_fails() {
        th::setup();
        th::set_param(b"min_price_per_frame", 0);
    }

    #[test]
    #[expected_failure(abort_code = 0x20008 /* EParamOutOfRange */, location = lumen::config)]
    fun slash_cap_above_ten_times_fails() {
        th::setup();
        th::set_param(b"slash_cap_bps", 100_001);
    }
}
