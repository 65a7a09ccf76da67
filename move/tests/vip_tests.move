#[test_only]
/// VIP Pass: creator and worker eligibility (down days below a threshold),
/// soulbound tokens, one pass per holder and role, passes that lapse, revoke
/// burns and bans until lifted, priority scores, pause and every abort code.
module lumen::vip_tests {
    use std::option;
    use std::signer;
    use std::string;
    use std::vector;
    use aptos_framework::event;
    use aptos_framework::object;
    use aptos_token_objects::token::{Self, Token};
    use lumen::escrow;
    use lumen::escrow_test_helpers as h;
    use lumen::test_helpers as th;
    use lumen::vip;

    const CREATOR: u8 = 0;
    const WORKER: u8 = 1;
    const SIXTEEN_HOURS: u64 = 57_600;
    const DAY: u64 = 86_400;
    const HALF_DAY: u64 = 43_200;

    fun repeat(value: u64, times: u64): vector<u64> {
        let result = vector::empty<u64>();
        let i = 0;
        while (i < times) {
            vector::push_back(&mut result, value);
            i = i + 1;
        };
        result
    }

    /// A creator who has spent 6.0 units on a 10-frame job, with the VIP
    /// threshold lowered to 6.0 so a small test job qualifies.
    fun spending_creator(): signer {
        th::set_param(b"vip_creator_spend", 6_000_000);
        let (creator, worker, job, _) = h::assigned_job(10, 1_000_000, 600_000);
        escrow::submit_result(&worker, job, 10, b"root");
        escrow::confirm(&creator, job, 10);
        creator
    }

    fun pass_token(holder: address, role: u8): address {
        let pass = vip::pass_of(holder, role);
        assert!(option::is_some(&pass), 900);
        *option::borrow(&pass)
    }

    // Creator passes --------------------------------------------------------------

    #[test]
    fun creator_claims_a_soulbound_pass() {
        h::setup();
        let creator = spending_creator();
        let creator_addr = signer::address_of(&creator);
        assert!(vip::is_eligible(creator_addr, CREATOR), 1);
        assert!(!vip::has_pass(creator_addr, CREATOR), 2);
        assert!(vip::creator_priority(creator_addr) == 6 + 10, 3);

        vip::claim(&creator, CREATOR);
        assert!(vip::has_pass(creator_addr, CREATOR), 4);
        assert!(!vip::has_pass(creator_addr, WORKER), 5);
        let token_addr = pass_token(creator_addr, CREATOR);
        let pass = object::address_to_object<Token>(token_addr);
        assert!(object::owner(pass) == creator_addr, 6);
        assert!(object::is_untransferable(pass), 7);
        assert!(token::collection_name(pass) == string::utf8(b"Lumen VIP Pass"), 8);
        assert!(token::name(pass) == string::utf8(b"Lumen VIP Creator Pass"), 9);
        assert!(token::creator(pass) == vip::vip_address(), 10);
        assert!(vip::creator_priority(creator_addr) == 6 + 10 + 100, 11);
        let minted = vip::vip_minted_event(creator_addr, CREATOR, token_addr, th::now());
        assert!(event::was_event_emitted(&minted), 12);
    }

    #[test]
    #[expected_failure(abort_code = 0x50003, location = aptos_framework::object)]
    fun pass_transfer_aborts() {
        h::setup();
        let creator = spending_creator();
        vip::claim(&creator, CREATOR);
        let token_addr = pass_token(signer::address_of(&creator), CREATOR);
        object::transfer(&creator, object::address_to_object<Token>(token_addr), @0xbeef);
    }

    #[test]
    #[expected_failure(abort_code = 0x50003, location = aptos_framework::object)]
    fun pass_transfer_by_address_aborts() {
        h::setup();
        let creator = spending_creator();
        vip::claim(&creator, CREATOR);
        let token_addr = pass_token(signer::address_of(&creator), CREATOR);
        object::transfer_call(&creator, token_addr, @0xbeef);
    }

    #[test]
    fun revoke_burns_and_bans_until_the_ban_is_lifted() {
        h::setup();
        let creator = spending_creator();
        let creator_addr = signer::address_of(&creator);
        vip::claim(&creator, CREATOR);
        let first = pass_token(creator_addr, CREATOR);
        vip::revoke(&th::lumen_signer(), creator_addr, CREATOR);
        assert!(!vip::has_pass(creator_addr, CREATOR), 1);
        assert!(option::is_none(&vip::pass_of(creator_addr, CREATOR)), 2);
        assert!(!object::is_object(first), 3);
        assert!(event::was_event_emitted(&vip::vip_revoked_event(creator_addr, CREATOR, first, @lumen)), 7);
        assert!(vip::creator_priority(creator_addr) == 16, 4);
        assert!(vip::is_banned(creator_addr, CREATOR) && !vip::is_banned(creator_addr, WORKER), 8);
        vip::lift_ban(&th::lumen_signer(), creator_addr, CREATOR);
        assert!(!vip::is_banned(creator_addr, CREATOR), 9);
        vip::claim(&creator, CREATOR);
        let second = pass_token(creator_addr, CREATOR);
        assert!(second != first, 5);
        assert!(object::owner(object::address_to_object<Token>(second)) == creator_addr, 6);
    }

    #[test]
    fun revoke_works_while_paused() {
        h::setup();
        let creator = spending_creator();
        vip::claim(&creator, CREATOR);
        lumen::config::set_paused(&th::lumen_signer(), true);
        vip::revoke(&th::lumen_signer(), signer::address_of(&creator), CREATOR);
        assert!(!vip::has_pass(signer::address_of(&creator), CREATOR), 1);
    }

    #[test]
    fun creator_below_threshold_is_not_eligible() {
        h::setup();
        th::set_param(b"vip_creator_spend", 6_000_001);
        let (creator, worker, job, _) = h::assigned_job(10, 1_000_000, 600_000);
        escrow::submit_result(&worker, job, 10, b"root");
        escrow::confirm(&creator, job, 10);
        assert!(!vip::is_eligible(signer::address_of(&creator), CREATOR), 1);
        assert!(lumen::config::vip_creator_spend() == 6_000_001, 2);
        assert!(!vip::is_eligible(signer::address_of(&creator), 7), 3);
    }

    // Worker passes ---------------------------------------------------------------

    #[test]
    fun worker_with_sixteen_hours_a_day_claims() {
        h::setup();
        let (worker, sk, pk) = h::worker();
        let worker_addr = signer::address_of(&worker);
        assert!(!vip::is_eligible(worker_addr, WORKER), 1);
        h::report_days(worker_addr, repeat(SIXTEEN_HOURS, 30));
        assert!(vip::is_eligible(worker_addr, WORKER), 2);
        // Keep the score valid after the 30 days.
        th::give_score(&sk, pk, worker_addr, h::worker_score(), h::worker_vram());
        // 480 h over 30 days: 16 + floor(10 * 480 * 2.43 / 100) = 16 + 116.
        assert!(vip::worker_priority(worker_addr) == 16 + 116, 3);
        vip::claim(&worker, WORKER);
        assert!(vip::has_pass(worker_addr, WORKER), 4);
        let pass = object::address_to_object<Token>(pass_token(worker_addr, WORKER));
        assert!(token::name(pass) == string::utf8(b"Lumen VIP Worker Pass"), 5);
        assert!(vip::worker_priority(worker_addr) == 16 + 116 + 100, 6);
        // A day later the oldest reported day leaves the window and a zero enters.
        th::advance(DAY);
        assert!(vip::is_eligible(worker_addr, WORKER) == false, 7);
    }

    #[test]
    fun a_lapsed_pass_expires_by_anyone_and_can_be_claimed_again() {
        h::setup();
        let (worker, sk, pk) = h::worker();
        let w = signer::address_of(&worker);
        h::report_days(w, repeat(DAY, 30));
        vip::claim(&worker, WORKER);
        let first = pass_token(w, WORKER);
        // Four days below the down-day threshold: the pass lapses.
        h::report_days(w, repeat(HALF_DAY - 1, 4));
        vip::expire(&th::signer_of(@0x5ee), w, WORKER);
        assert!(!vip::has_pass(w, WORKER) && !object::is_object(first), 1);
        assert!(event::was_event_emitted(&vip::vip_expired_event(w, WORKER, first, @0x5ee)), 2);
        assert!(!vip::is_banned(w, WORKER), 3);
        th::give_score(&sk, pk, w, h::worker_score(), h::worker_vram());
        h::report_days(w, repeat(DAY, 30));
        vip::claim(&worker, WORKER);
        assert!(vip::has_pass(w, WORKER), 4);
    }

    #[test]
    fun a_day_at_the_threshold_is_not_down() {
        h::setup();
        let (worker, _, _) = h::worker();
        let w = signer::address_of(&worker);
        let days = repeat(DAY, 13);
        vector::append(&mut days, repeat(HALF_DAY, 10));
        vector::append(&mut days, repeat(DAY, 7));
        h::report_days(w, days);
        assert!(vip::is_eligible(w, WORKER), 2);
        th::set_param(b"vip_worker_down_day_secs", HALF_DAY + 1);
        assert!(!vip::is_eligible(w, WORKER), 3);
    }

    #[test]
    fun worker_with_three_days_down_still_qualifies() {
        h::setup();
        let (worker, _, _) = h::worker();
        let worker_addr = signer::address_of(&worker);
        let days = repeat(DAY, 13);
        vector::append(&mut days, repeat(0, 3));
        vector::append(&mut days, repeat(DAY, 14));
        h::report_days(worker_addr, days);
        assert!(vip::is_eligible(worker_addr, WORKER), 1);
    }

    #[test]
    fun uptime_rule_examples() {
        let ok = repeat(SIXTEEN_HOURS, 30);
        assert!(vip::uptime_eligible(ok, SIXTEEN_HOURS, HALF_DAY, 3), 1);
        let short = repeat(SIXTEEN_HOURS, 29);
        vector::push_back(&mut short, SIXTEEN_HOURS - 1);
        assert!(!vip::uptime_eligible(short, SIXTEEN_HOURS, HALF_DAY, 3), 2);
        // Four days down in a row fail even with a high average.
        let four_down = repeat(DAY, 13);
        vector::append(&mut four_down, repeat(0, 4));
        vector::append(&mut four_down, repeat(DAY, 13));
        assert!(!vip::uptime_eligible(four_down, SIXTEEN_HOURS, HALF_DAY, 3), 3);
        // Two separate runs of three are fine.
        let two_runs = repeat(DAY, 10);
        vector::append(&mut two_runs, repeat(0, 3));
        vector::append(&mut two_runs, repeat(DAY, 7));
        vector::append(&mut two_runs, repeat(0, 3));
        vector::append(&mut two_runs, repeat(DAY, 7));
        assert!(vip::uptime_eligible(two_runs, SIXTEEN_HOURS, HALF_DAY, 3), 4);
        // A trailing run counts too.
        let trailing = repeat(DAY, 26);
        vector::append(&mut trailing, repeat(0, 4));
        assert!(!vip::uptime_eligible(trailing, SIXTEEN_HOURS, HALF_DAY, 3), 5);
        assert!(!vip::uptime_eligible(vector::empty(), 0, 0, 3), 6);
        // Ten days at 1 s are ten down days; with a threshold of 0 only empty days are down.
        let trickle = repeat(DAY, 10);
        vector::append(&mut trickle, repeat(1, 10));
        vector::append(&mut trickle, repeat(DAY, 10));
        assert!(!vip::uptime_eligible(trickle, 0, HALF_DAY, 3), 7);
        assert!(vip::uptime_eligible(trickle, 0, 0, 3), 8);
        let zeros = repeat(0, 4);
        assert!(!vip::uptime_eligible(zeros, 0, 0, 3), 9);
    }

    #[test]
    fun priority_formulas() {
        // Seed: 1 point per USDT spent this month, 1 per frame, 100 for the pass.
        assert!(vip::creator_priority_of(5_000_000_000, 6, 7, true) == 5_107, 1);
        assert!(vip::creator_priority_of(999_999, 6, 0, false) == 0, 2);
        // Seed: 100 h of uptime at 1.0 IB = 10 points; 1 point per daily hour on average.
        assert!(vip::worker_priority_of(360_000, 30, 1_000_000, 0, 0, false) == 3 + 10, 3);
        assert!(vip::worker_priority_of(108_000, 30, 1_000_000, 2, 1, true) == 1 + 10 + 3 + 100 - 10, 4);
        // Failed jobs saturate at 0.
        assert!(vip::worker_priority_of(0, 30, 0, 0, 1, false) == 0, 5);
        assert!(vip::worker_priority_of(0, 30, 0, 2, 1, false) == 0, 6);
        assert!(vip::worker_priority_of(0, 30, 0, 3, 1, false) == 5, 7);
    }

    // Abort codes -----------------------------------------------------------------

    #[test]
    #[expected_failure(abort_code = 0x10001 /* EInvalidRole */, location = lumen::vip)]
    fun claim_unknown_role_fails() {
        h::setup();
        let creator = spending_creator();
        vip::claim(&creator, 2);
    }

    #[test]
    #[expected_failure(abort_code = 0x10001 /* EInvalidRole */, location = lumen::vip)]
    fun revoke_unknown_role_fails() {
        h::setup();
        vip::revoke(&th::lumen_signer(), @0xa, 2);
    }

    #[test]
    #[expected_failure(abort_code = 0x80002 /* EAlreadyHasPass */, location = lumen::vip)]
    fun second_pass_for_same_role_fails() {
        h::setup();
        let creator = spending_creator();
        vip::claim(&creator, CREATOR);
        vip::claim(&creator, CREATOR);
    }

    #[test]
    #[expected_failure(abort_code = 0x50003 /* ENotEligible */, location = lumen::vip)]
    fun creator_without_spend_fails() {
        h::setup();
        let (creator, _, _) = h::new_creator(0);
        vip::claim(&creator, CREATOR);
    }

    #[test]
    #[expected_failure(abort_code = 0x50003 /* ENotEligible */, location = lumen::vip)]
    fun worker_down_four_days_fails() {
        h::setup();
        let (worker, _, _) = h::worker();
        let days = repeat(DAY, 13);
        vector::append(&mut days, repeat(0, 4));
        vector::append(&mut days, repeat(DAY, 13));
        h::report_days(signer::address_of(&worker), days);
        vip::claim(&worker, WORKER);
    }

    #[test]
    #[expected_failure(abort_code = 0x50003 /* ENotEligible */, location = lumen::vip)]
    fun worker_one_second_short_fails() {
        h::setup();
        let (worker, _, _) = h::worker();
        let days = repeat(SIXTEEN_HOURS, 29);
        vector::push_back(&mut days, SIXTEEN_HOURS - 1);
        h::report_days(signer::address_of(&worker), days);
        vip::claim(&worker, WORKER);
    }

    #[test]
    #[expected_failure(abort_code = 0x60004 /* ENoPass */, location = lumen::vip)]
    fun revoke_without_pass_fails() {
        h::setup();
        vip::revoke(&th::lumen_signer(), @0xa, CREATOR);
    }

    #[test]
    #[expected_failure(abort_code = 0x30005 /* EStillEligible */, location = lumen::vip)]
    fun expire_while_eligible_fails() {
        h::setup();
        let creator = spending_creator();
        vip::claim(&creator, CREATOR);
        vip::expire(&th::signer_of(@0x5ee), signer::address_of(&creator), CREATOR);
    }

    #[test]
    #[expected_failure(abort_code = 0x60004 /* ENoPass */, location = lumen::vip)]
    fun expire_without_pass_fails() {
        h::setup();
        vip::expire(&th::signer_of(@0x5ee), @0xa, WORKER);
    }

    #[test]
    #[expected_failure(abort_code = 0x10001 /* EInvalidRole */, location = lumen::vip)]
    fun expire_unknown_role_fails() {
        h::setup();
        vip::expire(&th::signer_of(@0x5ee), @0xa, 2);
    }

    #[test]
    #[expected_failure(abort_code = 0x50006 /* EBanned */, location = lumen::vip)]
    fun claim_after_revoke_fails() {
        h::setup();
        let creator = spending_creator();
        vip::claim(&creator, CREATOR);
        vip::revoke(&th::lumen_signer(), signer::address_of(&creator), CREATOR);
        vip::claim(&creator, CREATOR);
    }

    #[test]
    #[expected_failure(abort_code = 0x60007 /* ENotBanned */, location = lumen::vip)]
    fun lift_ban_without_ban_fails() {
        h::setup();
        vip::lift_ban(&th::lumen_signer(), @0xa, CREATOR);
    }

    #[test]
    #[expected_failure(abort_code = 0x50001 /* ENotAdmin */, location = lumen::config)]
    fun lift_ban_by_non_admin_fails() {
        h::setup();
        vip::lift_ban(&th::signer_of(@0xa), @0xa, CREATOR);
    }

    #[test]
    #[expected_failure(abort_code = 0x50001 /* ENotAdmin */, location = lumen::config)]
    fun revoke_by_non_admin_fails() {
        h::setup();
        let creator = spending_creator();
        vip::claim(&creator, CREATOR);
        vip::revoke(&creator, signer::address_of(&creator), CREATOR);
    }

    #[test]
    #[expected_failure(abort_code = 0x30005 /* EPaused */, location = lumen::config)]
    fun claim_blocked_while_paused() {
        h::setup();
        let creator = spending_creator();
        lumen::config::set_paused(&th::lumen_signer(), true);
        vip::claim(&creator, CREATOR);
    }
}
