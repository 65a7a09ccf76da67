#[test_only]
/// The attacks on rewards, VIP passes, the campaign and governance, each
/// performed as an attacker would. Every test states what the attack must
/// come to: nothing earned, or an abort.
module lumen::economy_attack_tests {
    use std::signer;
    use std::string;
    use std::vector;
    use aptos_framework::event;
    use lumen::campaign;
    use lumen::config;
    use lumen::escrow;
    use lumen::escrow_test_helpers as h;
    use lumen::rewards;
    use lumen::staking;
    use lumen::test_helpers as th;
    use lumen::vip;

    const DAY: u64 = 86_400;
    const GRACE: u64 = 3_600;
    const UNIT: u64 = 1_000_000;
    const WEAK: u64 = 1_000_000;
    const STRONG: u64 = 10_000_000;

    fun funder(amount: u64): signer {
        let (account, _, _) = h::new_creator(amount);
        account
    }

    // 1. PoD weight is chosen by the parties --------------------------------------

    #[test]
    /// A colluding pair runs ten one-frame jobs at the floor price with 30-day render
    /// windows at once, each submitted just before its deadline: each job counts
    /// one day of lease, and the worker's lease in each epoch counts one epoch at
    /// most, no more than a worker rendering that whole epoch.
    fun a01_long_concurrent_leases_count_one_epoch() {
        h::setup();
        let (worker, _, _) = h::worker();
        let price = config::min_price_per_frame();
        let (creator, creator_sk, creator_pk) = h::new_creator(10 * price);
        let deadline = th::now() + 30 * DAY;
        let jobs = vector[];
        let i = 0;
        while (i < 10) {
            let job = h::create_job(&creator, 1, price);
            h::accept(&worker, &creator_sk, creator_pk, job, price, deadline, i + 1);
            jobs.push_back(job);
            i += 1;
        };
        th::set_time(deadline - 60);
        jobs.for_each_ref(|job| {
            escrow::submit_result(&worker, *job, 1, b"root");
            escrow::confirm(&creator, *job, 1);
        });
        // Each job counts its last day (`max_job_lease_secs`), split at the epoch
        // boundary; the worker's cap holds in both epochs.
        let paid = rewards::current_epoch();
        let score = h::worker_score() as u128;
        let now_part = (deadline - 60) % DAY;
        assert!(pod_of(paid) == score * capped_to_a_day(10 * now_part), 1);
        assert!(pod_of(paid - 1) == score * capped_to_a_day(10 * (DAY - now_part)), 2);
        assert!(pod_of(paid - 2) == 0, 3);
    }

    fun capped_to_a_day(secs: u64): u128 {
        (if (secs < DAY) secs else DAY) as u128
    }

    /// The total PoD weight of `epoch` (one worker in these tests).
    fun pod_of(epoch: u64): u128 {
        let (_, pod) = rewards::epoch_weights(&rewards::epoch_info(epoch));
        pod
    }

    #[test]
    /// A colluding pair leases one floor-price frame for a day and a half across
    /// two epochs and the creator pays it at once: the lease counts at most
    /// `max_job_lease_secs`, each part in the epoch it was rendered in, not a
    /// whole epoch's weight in the epoch of payment.
    fun a01_long_lease_is_capped_and_split_across_its_epochs() {
        h::setup();
        let (worker, _, _) = h::worker();
        let price = config::min_price_per_frame();
        let (creator, creator_sk, creator_pk) = h::new_creator(price);
        let t0 = th::now();
        let job = h::create_job(&creator, 1, price);
        h::accept(&worker, &creator_sk, creator_pk, job, price, t0 + 3 * DAY, 1);
        let paid = t0 / DAY + 2;
        th::set_time(paid * DAY + DAY / 2);
        escrow::submit_result(&worker, job, 1, b"root");
        escrow::confirm(&creator, job, 1);
        let score = h::worker_score() as u128;
        // One day (`max_job_lease_secs`) of the day and a half counts, half of it
        // in each epoch it was rendered in.
        assert!(config::max_job_lease_secs() == DAY, 1);
        assert!(pod_of(paid) == score * ((DAY / 2) as u128), 2);
        assert!(pod_of(paid - 1) == score * ((DAY / 2) as u128), 3);
        assert!(pod_of(paid - 2) == 0, 4);
        let w = signer::address_of(&worker);
        let half = DAY / 2;
        let weight = score * (half as u128);
        assert!(event::was_event_emitted(&rewards::lease_recorded_event(paid - 1, w, half, h::worker_score(), weight)), 5);
        assert!(event::was_event_emitted(&rewards::lease_recorded_event(paid, w, half, h::worker_score(), weight)), 6);
        assert!(event::emitted_events<rewards::LeaseRecorded>().length() == 2, 7);
        // The worker's own counters keep the whole render time.
        let (_, _, _, lease_secs) = escrow::worker_stats(w);
        assert!(lease_secs == paid * DAY + DAY / 2 - t0, 8);
    }

    #[test]
    /// Governance lowers `max_job_lease_secs` to six hours: a job leased for a
    /// day and a half then counts six hours, all in the epoch it was submitted in.
    fun a01_protocol_maximum_caps_a_job() {
        h::setup();
        th::set_param(b"max_job_lease_secs", 6 * 3_600);
        let (worker, _, _) = h::worker();
        let price = config::min_price_per_frame();
        let (creator, creator_sk, creator_pk) = h::new_creator(price);
        let t0 = th::now();
        let job = h::create_job(&creator, 1, price);
        h::accept(&worker, &creator_sk, creator_pk, job, price, t0 + 3 * DAY, 1);
        let paid = t0 / DAY + 2;
        th::set_time(paid * DAY + DAY / 2);
        escrow::submit_result(&worker, job, 1, b"root");
        escrow::confirm(&creator, job, 1);
        let score = h::worker_score() as u128;
        assert!(pod_of(paid) == score * ((6 * 3_600) as u128), 1);
        assert!(pod_of(paid - 1) == 0, 2);
    }

    #[test]
    /// The epoch a part of the lease was rendered in is closed by the time the
    /// creator pays: that part counts in the current epoch (the worker does not
    /// choose when it is paid), within the worker's epoch cap, and the closed
    /// epoch stays as it was closed.
    fun a01_a_closed_epochs_part_counts_now() {
        h::setup();
        let (worker, _, _) = h::worker();
        let price = config::min_price_per_frame();
        let (creator, creator_sk, creator_pk) = h::new_creator(price);
        let t0 = th::now();
        let job = h::create_job(&creator, 1, price);
        h::accept(&worker, &creator_sk, creator_pk, job, price, t0 + 3 * DAY, 1);
        let paid = t0 / DAY + 2;
        th::set_time(paid * DAY + GRACE);
        let closer = th::signer_of(@0xc105e);
        while (rewards::next_epoch() < paid) rewards::close_epoch(&closer, rewards::next_epoch());
        let closed = rewards::epoch_info(paid - 1);
        th::set_time(paid * DAY + DAY / 2);
        escrow::submit_result(&worker, job, 1, b"root");
        escrow::confirm(&creator, job, 1);
        let score = h::worker_score() as u128;
        assert!(pod_of(paid) == score * (DAY as u128), 1);
        assert!(rewards::epoch_info(paid - 1) == closed, 2);
        let w = signer::address_of(&worker);
        assert!(
            event::was_event_emitted(
                &rewards::lease_recorded_event(paid, w, DAY, h::worker_score(), score * (DAY as u128))
            ),
            3,
        );
        assert!(event::emitted_events<rewards::LeaseRecorded>().length() == 1, 4);
    }

    #[test]
    /// Two jobs leased over the same epoch: the first fills the worker's cap in
    /// it, so the second job's part there counts nothing; its part in the next
    /// epoch counts there.
    fun a01_each_part_meets_its_epochs_cap() {
        h::setup();
        let (worker, _, _) = h::worker();
        let price = config::min_price_per_frame();
        let (creator, creator_sk, creator_pk) = h::new_creator(2 * price);
        let t0 = th::now();
        let first = h::create_job(&creator, 1, price);
        let second = h::create_job(&creator, 1, price);
        h::accept(&worker, &creator_sk, creator_pk, first, price, t0 + 3 * DAY, 1);
        h::accept(&worker, &creator_sk, creator_pk, second, price, t0 + 3 * DAY, 2);
        let paid = t0 / DAY + 2;
        th::set_time(paid * DAY);
        escrow::submit_result(&worker, first, 1, b"root");
        escrow::confirm(&creator, first, 1);
        th::set_time(paid * DAY + DAY / 2);
        escrow::submit_result(&worker, second, 1, b"root");
        escrow::confirm(&creator, second, 1);
        let score = h::worker_score() as u128;
        assert!(pod_of(paid - 1) == score * (DAY as u128), 1);
        assert!(pod_of(paid) == score * ((DAY / 2) as u128), 2);
        let w = signer::address_of(&worker);
        assert!(event::was_event_emitted(&rewards::lease_recorded_event(paid - 1, w, 0, h::worker_score(), 0)), 3);
        assert!(event::emitted_events<rewards::LeaseRecorded>().length() == 3, 4);
    }

    // 2. Campaign credits are cash ------------------------------------------------

    #[test]
    /// Sybils check in for 28 days for their credits: credits are a balance only
    /// jobs spend, so the pool stays whole and the leaderboard is paid.
    fun a02_sybil_check_ins_cannot_drain_the_campaign_pool() {
        th::setup();
        campaign::init_for_test(&th::lumen_signer());
        let admin = th::lumen_signer();
        campaign::set_operator(&admin, @0x0bea);
        campaign::set_period(&admin, th::start_time(), th::start_time() + 30 * DAY);
        let total = campaign::leaderboard_total(100);
        th::mint(@0xf00d, total);
        campaign::fund(&th::signer_of(@0xf00d), total);
        let sybils = vector[@0x5b1, @0x5b2, @0x5b3];
        let day = 0;
        while (day < 28) {
            th::set_time(th::start_time() + day * DAY + 60);
            sybils.for_each_ref(|s| campaign::check_in(&th::signer_of(*s)));
            day += 1;
        };
        sybils.for_each_ref(|s| {
            assert!(th::balance(*s) == 0, 1);
            assert!(campaign::credit_balance(*s) == 7 * 1_000_000, 2);
        });
        assert!(campaign::pool() == total, 3);
        th::set_time(th::start_time() + 30 * DAY + GRACE);
        campaign::pay_leaderboard(&th::signer_of(@0xc105e));
        assert!(campaign::is_paid(), 4);
    }

    // 3. Uptime without stake -----------------------------------------------------

    #[test]
    /// A worker attests, unstakes everything and keeps being reported online
    /// for 30 days: it earns no PoC.
    fun a03_uptime_without_stake_earns_nothing() {
        h::setup();
        let (worker, _, _) = h::worker();
        let w = signer::address_of(&worker);
        staking::request_unstake(&worker, staking::stake_of(w));
        let closer = th::signer_of(@0xc105e);
        let day = 0;
        while (day < 30) {
            let epoch = rewards::current_epoch();
            rewards::fund_epoch(&funder(UNIT), epoch, UNIT);
            th::set_time((epoch + 1) * DAY);
            rewards::report_uptime(&th::attester_signer(), epoch, vector[w], vector[DAY]);
            th::set_time((epoch + 1) * DAY + GRACE);
            rewards::close_epoch(&closer, epoch);
            assert!(rewards::pending_reward(w, epoch) == 0, day);
            day += 1;
        };
    }

    // 4. One attester rules uptime ------------------------------------------------

    /// Three attesters, threshold 2.
    fun three_attesters() {
        let admin = th::lumen_signer();
        config::add_attester(&admin, th::attester2());
        config::add_attester(&admin, th::attester3());
        th::set_param(b"attester_threshold", 2);
    }

    #[test]
    /// A lone attester reports a worker first with 1 s: alone it sets nothing,
    /// the honest batches that follow still go through (one vote per attester,
    /// no abort on another's vote), and the honest values decide.
    fun a04_one_attester_cannot_set_uptime() {
        h::setup();
        let (worker, _, _) = h::worker();
        let w = signer::address_of(&worker);
        let other = @0x0e1;
        three_attesters();
        let epoch = rewards::current_epoch();
        th::set_time((epoch + 1) * DAY);
        rewards::report_uptime(&th::attester_signer(), epoch, vector[w], vector[1]);
        assert!(rewards::online_secs_of(w, epoch) == 0, 1);
        rewards::report_uptime(&th::signer_of(th::attester2()), epoch, vector[w, other], vector[80_000, 80_000]);
        rewards::report_uptime(&th::signer_of(th::attester3()), epoch, vector[w, other], vector[79_000, 80_000]);
        assert!(rewards::online_secs_of(w, epoch) == 79_000, 2);
        assert!(rewards::online_secs_of(other, epoch) == 80_000, 3);
    }

    #[test]
    /// A batch that lists a worker twice, or a worker the attester already
    /// voted for (a resent batch), used to abort as a whole: one repeated entry
    /// dropped every other worker's uptime. The repeat is skipped, with an
    /// event, and the rest of the batch counts.
    fun a04_a_repeated_vote_does_not_sink_the_batch() {
        h::setup();
        let (worker, _, _) = h::worker();
        let w = signer::address_of(&worker);
        let other = @0x0e1;
        let epoch = rewards::current_epoch();
        th::set_time((epoch + 1) * DAY);
        rewards::report_uptime(&th::attester_signer(), epoch, vector[w], vector[80_000]);
        rewards::report_uptime(
            &th::attester_signer(), epoch, vector[w, other, other], vector[1, 70_000, 2]
        );
        assert!(rewards::online_secs_of(w, epoch) == 80_000, 1);
        assert!(rewards::online_secs_of(other, epoch) == 70_000, 2);
        assert!(aptos_framework::event::emitted_events<rewards::UptimeVoteSkipped>() == vector[
            rewards::uptime_vote_skipped_event(epoch, w, th::attester(), 1),
            rewards::uptime_vote_skipped_event(epoch, other, th::attester(), 2),
        ], 3);
    }

    #[test]
    /// A lone attester asks to revoke an honest worker's score: below the
    /// threshold the score stands.
    fun a04_one_attester_cannot_revoke() {
        h::setup();
        let (worker, _, _) = h::worker();
        let w = signer::address_of(&worker);
        three_attesters();
        let score = lumen::attestation::score_of(w);
        lumen::attestation::revoke(&th::attester_signer(), w, string::utf8(b"spite"));
        assert!(score > 0 && lumen::attestation::score_of(w) == score, 1);
    }

    // 5. Epochs close in any order ------------------------------------------------

    #[test]
    #[expected_failure(abort_code = 0x3000B, location = lumen::rewards)]
    /// An old unclosed epoch where only the attacker earned must not grab the
    /// rollover of a later epoch closed before it: the later one cannot close first.
    fun a05_old_epoch_cannot_grab_the_rollover() {
        h::setup();
        let (attacker, _, _) = h::worker();
        let a = signer::address_of(&attacker);
        let old = rewards::current_epoch();
        th::set_time((old + 1) * DAY);
        rewards::report_uptime(&th::attester_signer(), old, vector[a], vector[DAY]);
        let later = rewards::current_epoch();
        rewards::fund_epoch(&funder(1_000 * UNIT), later, 1_000 * UNIT);
        th::set_time((later + 1) * DAY + GRACE);
        let closer = th::signer_of(@0xc105e);
        rewards::close_epoch(&closer, later);
    }

    #[test]
    #[expected_failure(abort_code = 0x30005, location = lumen::config)]
    /// Closing while paused would wipe the uptime nobody could report.
    fun a05_no_closing_while_paused() {
        h::setup();
        let epoch = rewards::current_epoch();
        th::set_time((epoch + 1) * DAY);
        config::set_paused(&th::lumen_signer(), true);
        th::set_time((epoch + 1) * DAY + GRACE);
        rewards::close_epoch(&th::signer_of(@0xc105e), epoch);
    }

    #[test]
    #[expected_failure(abort_code = 0x30007, location = lumen::rewards)]
    /// A pause during the grace period extends it: right after the unpause the
    /// epoch cannot be closed under the reporters.
    fun a05_pause_extends_the_grace_period() {
        h::setup();
        let epoch = rewards::current_epoch();
        th::set_time((epoch + 1) * DAY + 60);
        let admin = th::lumen_signer();
        config::set_paused(&admin, true);
        th::set_time((epoch + 1) * DAY + 2 * GRACE);
        config::set_paused(&admin, false);
        th::advance(60);
        rewards::close_epoch(&th::signer_of(@0xc105e), epoch);
    }

    // 6. Unbounded parameters -----------------------------------------------------

    #[test]
    #[expected_failure(abort_code = 0x20008, location = lumen::config)]
    /// A review window near u64::MAX would make every submit overflow.
    fun a06_review_window_is_bounded() {
        h::setup();
        let (_, worker, job, _) = h::assigned_job(1, UNIT, UNIT);
        th::set_param(b"review_window_secs", 18_446_744_073_709_551_615);
        escrow::submit_result(&worker, job, 1, b"root");
    }

    #[test]
    #[expected_failure(abort_code = 0x20008, location = lumen::config)]
    /// An unbonding period near u64::MAX would lock every stake.
    fun a06_unbonding_is_bounded() {
        h::setup();
        let (worker, _, _) = h::worker();
        th::set_param(b"unbonding_secs", 18_446_744_073_709_551_615);
        staking::request_unstake(&worker, 1);
    }

    #[test]
    #[expected_failure(abort_code = 0x3000E, location = lumen::config)]
    /// Changing `epoch_secs` would renumber every epoch.
    fun a06_epoch_secs_is_fixed() {
        h::setup();
        th::set_param(b"epoch_secs", 3_600);
    }

    #[test]
    #[expected_failure(abort_code = 0x2000C, location = lumen::rewards)]
    /// Funds sent to an epoch that never comes would be lost.
    fun a06_far_future_epoch_takes_no_funds() {
        h::setup();
        rewards::fund_epoch(&funder(UNIT), 18_446_744_073_709, UNIT);
    }

    // 7. VIP rules leak -------------------------------------------------------------

    /// 30 days of uptime, `low` for the 10 middle ones and full days otherwise.
    fun uptime_with_a_gap(w: address, low: u64) {
        let secs = vector[];
        let i = 0;
        while (i < 30) {
            secs.push_back(if (i >= 10 && i < 20) low else DAY);
            i += 1;
        };
        h::report_days(w, secs);
    }

    #[test]
    /// Ten consecutive days at 1 s online are ten down days.
    fun a07_one_second_a_day_is_a_down_day() {
        h::setup();
        let (worker, _, _) = h::worker();
        let w = signer::address_of(&worker);
        uptime_with_a_gap(w, 1);
        assert!(!vip::is_eligible(w, 1), 1);
    }

    #[test]
    /// A worker pass lapses once its holder stops qualifying.
    fun a07_pass_lapses_without_uptime() {
        h::setup();
        let (worker, _, _) = h::worker();
        let w = signer::address_of(&worker);
        h::report_days(w, vector::range(0, 30).map(|_| DAY));
        vip::claim(&worker, 1);
        h::report_days(w, vector[0, 0, 0, 0]);
        assert!(!vip::is_eligible(w, 1), 1);
        vip::expire(&th::signer_of(@0xa11), w, 1);
        assert!(!vip::has_pass(w, 1), 2);
    }

    #[test]
    #[expected_failure(abort_code = 0x50006, location = lumen::vip)]
    /// A revoked holder cannot claim again until the admin lifts the ban.
    fun a07_revoked_holder_cannot_reclaim() {
        h::setup();
        let (worker, _, _) = h::worker();
        let w = signer::address_of(&worker);
        h::report_days(w, vector::range(0, 30).map(|_| DAY));
        vip::claim(&worker, 1);
        vip::revoke(&th::lumen_signer(), w, 1);
        vip::claim(&worker, 1);
    }

    // 8. Campaign ranking is the operator's word ----------------------------------

    #[test]
    /// The operator lists itself and omits the true leader: the payout follows
    /// the chain's points, not the operator's list.
    fun a08_operator_cannot_rewrite_the_ranking() {
        th::setup();
        campaign::init_for_test(&th::lumen_signer());
        let admin = th::lumen_signer();
        let operator = @0x0bea;
        campaign::set_operator(&admin, operator);
        campaign::set_period(&admin, th::start_time(), th::start_time() + 30 * DAY);
        let total = campaign::leaderboard_total(100);
        th::mint(@0xf00d, total);
        campaign::fund(&th::signer_of(@0xf00d), total);
        let leader = @0x1ead;
        campaign::check_in(&th::signer_of(leader));
        th::set_time(th::start_time() + 30 * DAY + GRACE);
        campaign::pay_leaderboard(&th::signer_of(operator));
        assert!(th::balance(operator) == 0, 1);
        assert!(th::balance(leader) == campaign::payout_of_rank(1), 2);
    }

    #[test]
    /// Registering a victim as one's referrer must not stop the victim from
    /// registering its own referrer.
    fun a08_referral_registration_cannot_be_griefed() {
        th::setup();
        campaign::init_for_test(&th::lumen_signer());
        let admin = th::lumen_signer();
        campaign::set_operator(&admin, @0x0bea);
        campaign::set_period(&admin, th::start_time(), th::start_time() + 30 * DAY);
        let (victim, inviter, griefer) = (@0x71c, @0x1a7, @0x6e1);
        campaign::check_in(&th::signer_of(inviter));
        campaign::check_in(&th::signer_of(victim));
        campaign::register_referral(&th::signer_of(griefer), victim);
        campaign::register_referral(&th::signer_of(victim), inviter);
        let (referrer, _) = campaign::user_referral(&campaign::user_info(victim));
        assert!(referrer == inviter, 1);
    }

    // 9. Scores and weights at the wrong time -------------------------------------

    #[test]
    /// Re-attesting a stronger device after the epoch ended, just before the
    /// uptime report, does not raise the epoch's PoC weight.
    fun a09_poc_uses_the_score_at_epoch_end() {
        h::setup();
        let (worker, wsk, wpk) = th::new_worker();
        let w = signer::address_of(&worker);
        th::give_score(&wsk, wpk, w, WEAK, 8192);
        staking::set_price(&worker, 1);
        th::stake_for(&worker, staking::min_stake_of(w) + 1);
        let epoch = rewards::current_epoch();
        th::set_time((epoch + 1) * DAY + 60);
        th::give_score(&wsk, wpk, w, STRONG, 8192);
        th::stake_for(&worker, staking::min_stake_of(w));
        rewards::report_uptime(&th::attester_signer(), epoch, vector[w], vector[DAY]);
        let (poc, _) = rewards::epoch_weights(&rewards::epoch_info(epoch));
        assert!(poc <= (WEAK as u128) * (DAY as u128), 1);
    }

    #[test]
    /// A worker takes a job with a weak device, re-attests a stronger one just
    /// before completing it: the job's PoD weight uses the score it was
    /// accepted with.
    fun a09_pod_uses_the_score_at_acceptance() {
        h::setup();
        let (worker, wsk, wpk) = h::worker();
        let w = signer::address_of(&worker);
        let price = config::min_price_per_frame();
        let (creator, creator_sk, creator_pk) = h::new_creator(price);
        let job = h::create_job(&creator, 1, price);
        h::accept(&worker, &creator_sk, creator_pk, job, price, th::now() + DAY, 1);
        th::advance(3_600);
        th::give_score(&wsk, wpk, w, 10 * h::worker_score(), 8192);
        th::stake_for(&worker, staking::min_stake_of(w));
        escrow::submit_result(&worker, job, 1, b"root");
        escrow::confirm(&creator, job, 1);
        let (_, pod) = rewards::epoch_weights(&rewards::epoch_info(rewards::current_epoch()));
        assert!(pod == (h::worker_score() as u128) * 3_600, 1);
    }

    // 10. Admin power without delay ---------------------------------------------------

    #[test]
    /// A parameter change waits for the delay: users see it coming.
    fun a10_parameter_changes_wait_for_the_delay() {
        h::setup();
        let name = string::utf8(b"pod_share_bps");
        config::set_param(&th::lumen_signer(), name, 10_000);
        assert!(config::pod_share_bps() == 5_000, 1);
        th::advance(config::param_delay_secs());
        config::apply_param(&th::signer_of(@0xa11), name);
        assert!(config::pod_share_bps() == 10_000, 2);
    }

    // Amounts agree on units ------------------------------------------------------

    #[test]
    /// Deployed on an 8-decimal asset (APT), the defaults meant in whole units
    /// used to be 6-decimal base units: the 5 000-unit creator threshold became 50
    /// APT and a frame's floor price 0.00001 APT. Every amount default scales with
    /// the asset's decimals.
    fun a11_amount_defaults_follow_the_assets_decimals() {
        th::setup_uninitialized();
        let lumen = th::lumen_signer();
        let constructor_ref = aptos_framework::object::create_named_object(&lumen, b"lumen::test_apt");
        aptos_framework::primary_fungible_store::create_primary_store_enabled_fungible_asset(
            &constructor_ref,
            std::option::none(),
            string::utf8(b"Aptos Coin"),
            string::utf8(b"APT"),
            8,
            string::utf8(b""),
            string::utf8(b""),
        );
        let apt = aptos_framework::object::object_from_constructor_ref<
            aptos_framework::fungible_asset::Metadata
        >(&constructor_ref);
        config::initialize(&lumen, apt, th::treasury(), th::arbiter());
        assert!(config::payment_unit() == 100_000_000, 1);
        assert!(config::vip_creator_spend() == 5_000 * 100_000_000, 2);
        assert!(config::min_price_per_frame() == 100_000, 3);
        assert!(config::min_price_per_ib_hour() == 10_000_000, 4);
    }
}
