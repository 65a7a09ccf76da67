/// The testnet campaign: daily check-ins, claimable credits, social-task points,
/// referrals and the final leaderboard payout.
///
/// Points are micro-points (1 point = 1 000 000) so that the 10 % referral share
/// and the indexer's `O * P / 24` worker points are exact integers; every share
/// rounds down. This module records the points earned on chain (check-ins,
/// social tasks granted by the operator, referral shares of those); points from
/// the rest of the protocol (render jobs, worker uptime) are computed by the
/// indexer from escrow and rewards events and enter the final ranking the
/// operator submits to `pay_leaderboard`.
///
/// Check-in: one per UTC day (`now / 86 400`) inside the campaign period. A
/// check-in the day after the previous one extends the streak; a missed day
/// restarts it at 1. The reward follows the 30-day table of `day_reward`, at
/// position `(streak - 1) % 30 + 1`, so day 31 of an unbroken streak starts the
/// table again. Every fourth day (4, 8, ..., 28) pays one credit instead of
/// points; each credit accrues `credit_value` base units of the payment asset,
/// claimable from the campaign pool with `claim_credits`.
///
/// The pool lives in the campaign object (named object of `@lumen`, seed
/// `b"campaign"`), owned by nobody. It pays credit claims and, once, the
/// leaderboard: rank 1, ranks 2-5, 6-15, 16-50 and 51-100 each get their tier's
/// per-user amount (`tier_amounts`), and the call aborts unless the pool covers
/// the whole ranking.
module lumen::campaign {
    // Uses ---------------------------------------------------------------------

    use std::error;
    use std::signer;
    use aptos_std::table::{Self, Table};
    use aptos_framework::event;
    use aptos_framework::object::{Self, ExtendRef};
    use aptos_framework::primary_fungible_store;
    use aptos_framework::timestamp;
    use lumen::config;

    // Structs ------------------------------------------------------------------

    /// Global state, stored in the campaign object, whose primary store holds the pool.
    struct CampaignState has key {
        extend_ref: ExtendRef,
        /// Grants social-task points and submits the final ranking; `@0x0` until set.
        operator: address,
        /// Check-ins, social tasks and referrals are accepted in `[start, end)`.
        start: u64,
        end: u64,
        /// Base units of the payment asset one credit is worth.
        credit_value: u64,
        /// Per-user payout of each tier (ranks 1, 2-5, 6-15, 16-50, 51-100).
        tier_amounts: vector<u64>,
        /// Funds accounted to the pool (funding minus claims, payouts and sweeps).
        pool: u64,
        /// Whether `pay_leaderboard` has run.
        paid: bool,
        users: Table<address, UserInfo>,
        tasks: Table<UserTask, bool>,
    }

    /// Key of a granted social task.
    struct UserTask has copy, drop, store {
        user: address,
        task_id: u64,
    }

    /// A participant's campaign record (returned by `user_info`; all zero for a stranger).
    struct UserInfo has copy, drop, store {
        /// Points recorded on chain: check-in + social + referral, micro-points.
        total_points: u64,
        checkin_points: u64,
        social_points: u64,
        referral_points: u64,
        /// Number of check-ins.
        checkins: u64,
        /// Consecutive UTC days checked in, ending at `last_day`.
        streak: u64,
        /// UTC day of the last check-in (meaningful when `checkins > 0`).
        last_day: u64,
        /// Credits earned, in base units of the payment asset.
        credits_earned: u64,
        credits_claimed: u64,
        /// `@0x0` when none.
        referrer: address,
        /// Accounts that registered this one as their referrer.
        referees: u64,
    }

    #[event]
    /// A daily check-in. `cycle_day` is the position in the 30-day table.
    struct CheckedIn has drop, store {
        user: address,
        day: u64,
        cycle_day: u64,
        streak: u64,
        points: u64,
        credits: u64,
        credit_amount: u64,
        total_points: u64,
        claimable: u64,
    }

    #[event]
    /// Credits were paid out of the pool; `pool` is what it holds afterwards.
    struct CreditsClaimed has drop, store {
        user: address,
        amount: u64,
        total_claimed: u64,
        pool: u64,
    }

    #[event]
    /// The operator granted a social task's points.
    struct SocialTaskGranted has drop, store {
        user: address,
        task_id: u64,
        points: u64,
        total_points: u64,
        operator: address,
    }

    #[event]
    /// `referee` registered `referrer`, who now earns 10 % of the referee's points.
    struct ReferralRegistered has drop, store {
        referee: address,
        referrer: address,
        registered_at: u64,
    }

    #[event]
    /// `referrer` earned its share of points `referee` earned (`source` 0 check-in, 1 social task).
    struct ReferralPointsEarned has drop, store {
        referrer: address,
        referee: address,
        source: u8,
        base_points: u64,
        points: u64,
        total_points: u64,
    }

    #[event]
    /// Funds were added to the pool.
    struct CampaignFunded has drop, store {
        funder: address,
        amount: u64,
        pool: u64,
    }

    #[event]
    /// One paid rank of the final leaderboard; `tier` indexes `tier_amounts`.
    struct LeaderboardPaid has drop, store {
        rank: u64,
        user: address,
        points: u64,
        tier: u64,
        amount: u64,
        total_paid: u64,
        pool: u64,
    }

    #[event]
    /// The admin changed the campaign's settings; carries all of them.
    struct CampaignConfigured has drop, store {
        operator: address,
        start: u64,
        end: u64,
        credit_value: u64,
        tier_amounts: vector<u64>,
    }

    #[event]
    /// The admin moved what was left in the pool after the payout to the treasury.
    struct PoolSwept has drop, store {
        amount: u64,
        treasury: address,
        pool: u64,
    }

    // Errors -------------------------------------------------------------------

    /// The caller is not the campaign operator.
    const ENotOperator: u64 = 1;
    /// Now is outside the campaign period.
    const ENotActive: u64 = 2;
    /// The user already checked in this UTC day.
    const EAlreadyCheckedIn: u64 = 3;
    /// The user has no unclaimed credits.
    const ENothingToClaim: u64 = 4;
    /// The pool does not hold enough for this payment.
    const EInsufficientPool: u64 = 5;
    /// The amount is zero.
    const EZeroAmount: u64 = 6;
    /// This social task was already granted to this user.
    const ETaskAlreadyGranted: u64 = 7;
    /// Zero points.
    const EZeroPoints: u64 = 8;
    /// The user already registered a referrer.
    const EAlreadyReferred: u64 = 9;
    /// A user cannot refer itself.
    const ESelfReferral: u64 = 10;
    /// The user already referred others, so registering a referrer could close a loop.
    const ECircularReferral: u64 = 11;
    /// `winners` and `points` differ in length.
    const ELengthMismatch: u64 = 12;
    /// The ranking is empty or longer than 100.
    const EBadRankingSize: u64 = 13;
    /// An address appears twice in the ranking.
    const EDuplicateWinner: u64 = 14;
    /// The ranking's points increase somewhere.
    const ERankingNotOrdered: u64 = 15;
    /// A winner's submitted points are below the points recorded on chain.
    const EPointsBelowRecorded: u64 = 16;
    /// The leaderboard was already paid.
    const EAlreadyPaid: u64 = 17;
    /// The campaign has not ended (or has no period yet).
    const ENotEnded: u64 = 18;
    /// `start` is not before `end`.
    const EBadPeriod: u64 = 19;
    /// The tier amounts are not 5 non-increasing values.
    const EBadTiers: u64 = 20;
    /// The leaderboard has not been paid yet.
    const ENotPaid: u64 = 21;
    /// The zero address is not a valid operator or referrer.
    const EZeroAddress: u64 = 22;

    // Constants ----------------------------------------------------------------

    const CAMPAIGN_SEED: vector<u8> = b"campaign";
    const SECS_PER_DAY: u64 = 86_400;
    /// Micro-points per point.
    const POINT: u64 = 1_000_000;
    const CYCLE_DAYS: u64 = 30;
    /// The referrer's share of its referees' points.
    const REFERRAL_BPS: u64 = 1_000;
    const BPS_DENOMINATOR: u64 = 10_000;
    const MAX_WINNERS: u64 = 100;
    /// Number of payout tiers.
    const TIERS: u64 = 5;
    /// Point sources of `ReferralPointsEarned`.
    const SOURCE_CHECK_IN: u8 = 0;
    const SOURCE_SOCIAL: u8 = 1;

    // Initialisation -----------------------------------------------------------

    fun init_module(deployer: &signer) {
        let constructor_ref = object::create_named_object(deployer, CAMPAIGN_SEED);
        let object_signer = object::generate_signer(&constructor_ref);
        move_to(&object_signer, CampaignState {
            extend_ref: object::generate_extend_ref(&constructor_ref),
            operator: @0x0,
            start: 0,
            end: 0,
            credit_value: 1_000_000,
            tier_amounts: default_tier_amounts(),
            pool: 0,
            paid: false,
            users: table::new(),
            tasks: table::new(),
        });
        // Nobody may own the object: an owner could withdraw the pool with
        // `fungible_asset::withdraw`.
        object::transfer_with_ref(
            object::generate_linear_transfer_ref(&object::generate_transfer_ref(&constructor_ref)),
            @0x0
        );
    }

    // Public entry functions ---------------------------------------------------

    /// Checks the caller in for the current UTC day: extends its streak (or
    /// restarts it after a missed day), records the day's points and accrues the
    /// day's credits; the referrer, if any, earns its share of the points.
    ///
    /// # Aborts
    /// * `config::EPaused` (via `config`) while paused.
    /// * `ENotActive` outside the campaign period.
    /// * `EAlreadyCheckedIn` on a second check-in the same UTC day.
    public entry fun check_in(user: &signer) acquires CampaignState {
        config::assert_not_paused();
        let user_addr = signer::address_of(user);
        let now = timestamp::now_seconds();
        let state = borrow_global_mut<CampaignState>(campaign_address());
        assert!(is_active(state, now), error::invalid_state(ENotActive));
        let today = now / SECS_PER_DAY;
        let credit_value = state.credit_value;
        let info = user_mut(&mut state.users, user_addr);
        assert!(info.checkins == 0 || info.last_day != today, error::already_exists(EAlreadyCheckedIn));
        let streak = next_streak(info.checkins > 0, info.last_day, info.streak, today);
        let cycle_day = cycle_day_of(streak);
        let (points, credits) = day_reward(cycle_day);
        let credit_amount = credits * credit_value;
        info.checkins += 1;
        info.streak = streak;
        info.last_day = today;
        info.checkin_points += points;
        info.total_points += points;
        info.credits_earned += credit_amount;
        let referrer = info.referrer;
        event::emit(CheckedIn {
            user: user_addr,
            day: today,
            cycle_day,
            streak,
            points,
            credits,
            credit_amount,
            total_points: info.total_points,
            claimable: info.credits_earned - info.credits_claimed,
        });
        credit_referrer(&mut state.users, referrer, user_addr, SOURCE_CHECK_IN, points);
    }

    /// Pays the caller its unclaimed credits from the pool. Works while paused
    /// and after the campaign.
    ///
    /// # Aborts
    /// * `ENothingToClaim` if the caller has no unclaimed credits.
    /// * `EInsufficientPool` if the pool holds less than the claim.
    public entry fun claim_credits(user: &signer) acquires CampaignState {
        let user_addr = signer::address_of(user);
        let state = borrow_global_mut<CampaignState>(campaign_address());
        assert!(state.users.contains(user_addr), error::not_found(ENothingToClaim));
        let info = state.users.borrow_mut(user_addr);
        let amount = info.credits_earned - info.credits_claimed;
        assert!(amount > 0, error::not_found(ENothingToClaim));
        assert!(state.pool >= amount, error::invalid_state(EInsufficientPool));
        info.credits_claimed += amount;
        let total_claimed = info.credits_claimed;
        state.pool -= amount;
        let object_signer = object::generate_signer_for_extending(&state.extend_ref);
        primary_fungible_store::transfer(&object_signer, config::payment_asset(), user_addr, amount);
        event::emit(CreditsClaimed { user: user_addr, amount, total_claimed, pool: state.pool });
    }

    /// The operator grants `points` (micro-points) for social task `task_id`
    /// to `user`, once per (user, task); the user's referrer earns its share.
    ///
    /// # Aborts
    /// * `config::EPaused` (via `config`) while paused.
    /// * `ENotOperator` if the caller is not the operator.
    /// * `ENotActive` outside the campaign period.
    /// * `EZeroPoints` if `points` is 0.
    /// * `ETaskAlreadyGranted` if this task was already granted to `user`.
    public entry fun grant_social_task(
        operator: &signer,
        user: address,
        task_id: u64,
        points: u64,
    ) acquires CampaignState {
        config::assert_not_paused();
        let operator_addr = signer::address_of(operator);
        let state = borrow_global_mut<CampaignState>(campaign_address());
        assert_operator(state, operator_addr);
        assert!(is_active(state, timestamp::now_seconds()), error::invalid_state(ENotActive));
        assert!(points > 0, error::invalid_argument(EZeroPoints));
        let key = UserTask { user, task_id };
        assert!(!state.tasks.contains(key), error::already_exists(ETaskAlreadyGranted));
        state.tasks.add(key, true);
        let info = user_mut(&mut state.users, user);
        info.social_points += points;
        info.total_points += points;
        let referrer = info.referrer;
        event::emit(SocialTaskGranted {
            user,
            task_id,
            points,
            total_points: info.total_points,
            operator: operator_addr,
        });
        credit_referrer(&mut state.users, referrer, user, SOURCE_SOCIAL, points);
    }

    /// Registers `referrer` as the caller's referrer, once. From now on the
    /// referrer earns `floor(points * 10 %)` of every point the caller earns
    /// (not of the caller's own referral points). An account that already
    /// referred others cannot register a referrer: every loop of referrals would
    /// need such an account, so the rule keeps the referral graph acyclic.
    ///
    /// # Aborts
    /// * `config::EPaused` (via `config`) while paused.
    /// * `ENotActive` outside the campaign period.
    /// * `EZeroAddress` if `referrer` is `@0x0`.
    /// * `ESelfReferral` if `referrer` is the caller.
    /// * `EAlreadyReferred` if the caller already has a referrer.
    /// * `ECircularReferral` if the caller already referred someone.
    public entry fun register_referral(referee: &signer, referrer: address) acquires CampaignState {
        config::assert_not_paused();
        let referee_addr = signer::address_of(referee);
        let now = timestamp::now_seconds();
        let state = borrow_global_mut<CampaignState>(campaign_address());
        assert!(is_active(state, now), error::invalid_state(ENotActive));
        assert!(referrer != @0x0, error::invalid_argument(EZeroAddress));
        assert!(referrer != referee_addr, error::invalid_argument(ESelfReferral));
        let info = user_mut(&mut state.users, referee_addr);
        assert!(info.referrer == @0x0, error::already_exists(EAlreadyReferred));
        assert!(info.referees == 0, error::invalid_argument(ECircularReferral));
        info.referrer = referrer;
        user_mut(&mut state.users, referrer).referees += 1;
        event::emit(ReferralRegistered { referee: referee_addr, referrer, registered_at: now });
    }

    /// Moves `amount` of the payment asset from `funder` into the pool.
    ///
    /// # Aborts
    /// * `config::EPaused` (via `config`) while paused.
    /// * `EZeroAmount` if `amount` is 0.
    public entry fun fund(funder: &signer, amount: u64) acquires CampaignState {
        config::assert_not_paused();
        assert!(amount > 0, error::invalid_argument(EZeroAmount));
        let state = borrow_global_mut<CampaignState>(campaign_address());
        primary_fungible_store::transfer(funder, config::payment_asset(), campaign_address(), amount);
        state.pool += amount;
        event::emit(CampaignFunded { funder: signer::address_of(funder), amount, pool: state.pool });
    }

    /// Pays the final ranking, once, after the campaign ended: `winners[i]` has
    /// rank `i + 1` and `points[i]` total points (micro-points, all sources,
    /// as the indexer computed them). The ranking must hold 1 to 100 distinct
    /// addresses with non-increasing points, each at least the points recorded
    /// on chain for that address, and the pool must cover the whole payout.
    /// Ties keep the operator's order. Works while paused.
    ///
    /// # Aborts
    /// * `ENotOperator` if the caller is not the operator.
    /// * `ENotEnded` before the end of the campaign period (or with no period set).
    /// * `EAlreadyPaid` if the leaderboard was already paid.
    /// * `ELengthMismatch` if `winners` and `points` differ in length.
    /// * `EBadRankingSize` if the ranking is empty or longer than 100.
    /// * `EDuplicateWinner` if an address appears twice.
    /// * `ERankingNotOrdered` if `points[i] > points[i - 1]` somewhere.
    /// * `EPointsBelowRecorded` if a winner's points are below its on-chain total.
    /// * `EInsufficientPool` if the pool holds less than the payout.
    public entry fun pay_leaderboard(
        operator: &signer,
        winners: vector<address>,
        points: vector<u64>,
    ) acquires CampaignState {
        let state = borrow_global_mut<CampaignState>(campaign_address());
        assert_operator(state, signer::address_of(operator));
        assert!(
            state.end > 0 && timestamp::now_seconds() >= state.end,
            error::invalid_state(ENotEnded),
        );
        assert!(!state.paid, error::already_exists(EAlreadyPaid));
        let count = winners.length();
        assert!(count == points.length(), error::invalid_argument(ELengthMismatch));
        assert!(count > 0 && count <= MAX_WINNERS, error::invalid_argument(EBadRankingSize));
        let i = 0;
        while (i < count) {
            let winner = winners[i];
            let j = 0;
            while (j < i) {
                assert!(winners[j] != winner, error::invalid_argument(EDuplicateWinner));
                j += 1;
            };
            assert!(i == 0 || points[i] <= points[i - 1], error::invalid_argument(ERankingNotOrdered));
            assert!(
                points[i] >= recorded_points(&state.users, winner),
                error::invalid_argument(EPointsBelowRecorded),
            );
            i += 1;
        };
        let total = payout_total(state.tier_amounts, count);
        assert!(state.pool >= total, error::invalid_state(EInsufficientPool));
        state.paid = true;
        let object_signer = object::generate_signer_for_extending(&state.extend_ref);
        let asset = config::payment_asset();
        let total_paid = 0;
        let rank = 1;
        while (rank <= count) {
            let user = winners[rank - 1];
            let tier = tier_of_rank(rank);
            let amount = state.tier_amounts[tier];
            if (amount > 0) {
                primary_fungible_store::transfer(&object_signer, asset, user, amount);
            };
            total_paid += amount;
            state.pool -= amount;
            event::emit(LeaderboardPaid {
                rank,
                user,
                points: points[rank - 1],
                tier,
                amount,
                total_paid,
                pool: state.pool,
            });
            rank += 1;
        };
    }

    /// Admin: sets the operator.
    ///
    /// # Aborts
    /// * `config::ENotAdmin` (via `config`) if the caller is not the admin.
    /// * `EZeroAddress` if `operator` is `@0x0`.
    public entry fun set_operator(admin: &signer, operator: address) acquires CampaignState {
        config::assert_admin(admin);
        assert!(operator != @0x0, error::invalid_argument(EZeroAddress));
        let state = borrow_global_mut<CampaignState>(campaign_address());
        state.operator = operator;
        emit_configured(state);
    }

    /// Admin: sets the campaign period `[start, end)` (seconds).
    ///
    /// # Aborts
    /// * `config::ENotAdmin` (via `config`) if the caller is not the admin.
    /// * `EBadPeriod` if `start >= end`.
    public entry fun set_period(admin: &signer, start: u64, end: u64) acquires CampaignState {
        config::assert_admin(admin);
        assert!(start < end, error::invalid_argument(EBadPeriod));
        let state = borrow_global_mut<CampaignState>(campaign_address());
        state.start = start;
        state.end = end;
        emit_configured(state);
    }

    /// Admin: sets how many base units of the payment asset one credit is
    /// worth; applies to check-ins from now on (accrued credits keep their amount).
    ///
    /// # Aborts
    /// * `config::ENotAdmin` (via `config`) if the caller is not the admin.
    /// * `EZeroAmount` if `credit_value` is 0.
    public entry fun set_credit_value(admin: &signer, credit_value: u64) acquires CampaignState {
        config::assert_admin(admin);
        assert!(credit_value > 0, error::invalid_argument(EZeroAmount));
        let state = borrow_global_mut<CampaignState>(campaign_address());
        state.credit_value = credit_value;
        emit_configured(state);
    }

    /// Admin: sets the per-user payout of the 5 tiers (ranks 1, 2-5, 6-15,
    /// 16-50, 51-100), in base units.
    ///
    /// # Aborts
    /// * `config::ENotAdmin` (via `config`) if the caller is not the admin.
    /// * `EBadTiers` unless `amounts` has 5 non-increasing values.
    public entry fun set_tier_amounts(admin: &signer, amounts: vector<u64>) acquires CampaignState {
        config::assert_admin(admin);
        assert!(amounts.length() == TIERS, error::invalid_argument(EBadTiers));
        let i = 1;
        while (i < TIERS) {
            assert!(amounts[i] <= amounts[i - 1], error::invalid_argument(EBadTiers));
            i += 1;
        };
        let state = borrow_global_mut<CampaignState>(campaign_address());
        state.tier_amounts = amounts;
        emit_configured(state);
    }

    /// Admin: after the leaderboard was paid, moves `amount` of what is left in
    /// the pool to the treasury (unclaimed credits can then no longer be paid
    /// from it unless it is funded again).
    ///
    /// # Aborts
    /// * `config::ENotAdmin` (via `config`) if the caller is not the admin.
    /// * `ENotPaid` before the leaderboard was paid.
    /// * `EZeroAmount` if `amount` is 0.
    /// * `EInsufficientPool` if the pool holds less than `amount`.
    public entry fun sweep(admin: &signer, amount: u64) acquires CampaignState {
        config::assert_admin(admin);
        let state = borrow_global_mut<CampaignState>(campaign_address());
        assert!(state.paid, error::invalid_state(ENotPaid));
        assert!(amount > 0, error::invalid_argument(EZeroAmount));
        assert!(state.pool >= amount, error::invalid_state(EInsufficientPool));
        state.pool -= amount;
        let treasury = config::treasury();
        let object_signer = object::generate_signer_for_extending(&state.extend_ref);
        primary_fungible_store::transfer(&object_signer, config::payment_asset(), treasury, amount);
        event::emit(PoolSwept { amount, treasury, pool: state.pool });
    }

    // Public functions ---------------------------------------------------------

    #[view]
    /// The operator (`@0x0` until set).
    ///
    /// # Aborts
    /// Never.
    public fun operator(): address acquires CampaignState {
        borrow_global<CampaignState>(campaign_address()).operator
    }

    #[view]
    /// `(start, end)` of the campaign period; `(0, 0)` until set.
    ///
    /// # Aborts
    /// Never.
    public fun period(): (u64, u64) acquires CampaignState {
        let state = borrow_global<CampaignState>(campaign_address());
        (state.start, state.end)
    }

    #[view]
    /// Funds in the pool.
    ///
    /// # Aborts
    /// Never.
    public fun pool(): u64 acquires CampaignState {
        borrow_global<CampaignState>(campaign_address()).pool
    }

    #[view]
    /// Base units of the payment asset per credit.
    ///
    /// # Aborts
    /// Never.
    public fun credit_value(): u64 acquires CampaignState {
        borrow_global<CampaignState>(campaign_address()).credit_value
    }

    #[view]
    /// Per-user payout of the 5 tiers (ranks 1, 2-5, 6-15, 16-50, 51-100).
    ///
    /// # Aborts
    /// Never.
    public fun tier_amounts(): vector<u64> acquires CampaignState {
        borrow_global<CampaignState>(campaign_address()).tier_amounts
    }

    #[view]
    /// Whether the leaderboard was paid.
    ///
    /// # Aborts
    /// Never.
    public fun is_paid(): bool acquires CampaignState {
        borrow_global<CampaignState>(campaign_address()).paid
    }

    #[view]
    /// A participant's record; all zero for an address the campaign never saw.
    ///
    /// # Aborts
    /// Never.
    public fun user_info(user: address): UserInfo acquires CampaignState {
        let state = borrow_global<CampaignState>(campaign_address());
        if (state.users.contains(user)) *state.users.borrow(user) else empty_user()
    }

    #[view]
    /// What a check-in by `user` now would give: `(cycle_day, streak, points,
    /// credits)`; all 0 when the user already checked in today.
    ///
    /// # Aborts
    /// Never.
    public fun preview_check_in(user: address): (u64, u64, u64, u64) acquires CampaignState {
        let info = user_info(user);
        let today = timestamp::now_seconds() / SECS_PER_DAY;
        if (info.checkins > 0 && info.last_day == today) {
            return (0, 0, 0, 0)
        };
        let streak = next_streak(info.checkins > 0, info.last_day, info.streak, today);
        let cycle_day = cycle_day_of(streak);
        let (points, credits) = day_reward(cycle_day);
        (cycle_day, streak, points, credits)
    }

    #[view]
    /// Whether social task `task_id` was granted to `user`.
    ///
    /// # Aborts
    /// Never.
    public fun is_task_granted(user: address, task_id: u64): bool acquires CampaignState {
        borrow_global<CampaignState>(campaign_address()).tasks.contains(UserTask { user, task_id })
    }

    #[view]
    /// The payout of `rank` under the current tier amounts (0 outside 1..=100).
    ///
    /// # Aborts
    /// Never.
    public fun payout_of_rank(rank: u64): u64 acquires CampaignState {
        rank_payout(borrow_global<CampaignState>(campaign_address()).tier_amounts, rank)
    }

    #[view]
    /// The whole payout of a ranking of `winners` addresses (at most 100 are paid).
    ///
    /// # Aborts
    /// Never.
    public fun leaderboard_total(winners: u64): u64 acquires CampaignState {
        payout_total(borrow_global<CampaignState>(campaign_address()).tier_amounts, winners)
    }

    /// The check-in reward of position `cycle_day` (1..=30) of the 30-day table:
    /// `(micro-points, credits)`. Days 4, 8, ..., 28 give one credit and no
    /// points; the others give the table's points. `(0, 0)` outside 1..=30.
    ///
    /// # Aborts
    /// Never.
    public fun day_reward(cycle_day: u64): (u64, u64) {
        if (cycle_day == 0 || cycle_day > CYCLE_DAYS) {
            return (0, 0)
        };
        let points = vector[1, 2, 3, 0, 2, 3, 4, 0, 3, 4, 5, 0, 4, 5, 6, 0, 5, 6, 7, 0, 6, 7, 8, 0, 7, 8, 9, 0, 9, 10];
        let credits = if (cycle_day % 4 == 0) 1 else 0;
        (points[cycle_day - 1] * POINT, credits)
    }

    /// The streak after a check-in on UTC day `today`: `streak + 1` when the
    /// previous check-in was on `today - 1`, else 1 (first check-in or a missed day).
    ///
    /// # Aborts
    /// Never.
    public fun next_streak(checked_in_before: bool, last_day: u64, streak: u64, today: u64): u64 {
        if (checked_in_before && last_day + 1 == today) streak + 1 else 1
    }

    /// Position of a streak in the 30-day table: `(streak - 1) % 30 + 1`, 0 for 0.
    ///
    /// # Aborts
    /// Never.
    public fun cycle_day_of(streak: u64): u64 {
        if (streak == 0) 0 else (streak - 1) % CYCLE_DAYS + 1
    }

    /// The referrer's share of `points`: `floor(points * 1 000 / 10 000)`.
    ///
    /// # Aborts
    /// Never.
    public fun referral_share(points: u64): u64 {
        (((points as u128) * (REFERRAL_BPS as u128) / (BPS_DENOMINATOR as u128)) as u64)
    }

    /// The tier of `rank`: 0 for rank 1, 1 for 2-5, 2 for 6-15, 3 for 16-50,
    /// 4 for 51-100, 5 (no tier) otherwise.
    ///
    /// # Aborts
    /// Never.
    public fun tier_of_rank(rank: u64): u64 {
        if (rank == 0 || rank > MAX_WINNERS) TIERS
        else if (rank == 1) 0
        else if (rank <= 5) 1
        else if (rank <= 15) 2
        else if (rank <= 50) 3
        else 4
    }

    /// The payout of `rank` given the per-user tier amounts; 0 without a tier.
    ///
    /// # Aborts
    /// Never for 5 tier amounts.
    public fun rank_payout(tier_amounts: vector<u64>, rank: u64): u64 {
        let tier = tier_of_rank(rank);
        if (tier == TIERS) 0 else tier_amounts[tier]
    }

    /// Sum of `rank_payout` over ranks 1..=min(winners, 100).
    ///
    /// # Aborts
    /// Never for 5 tier amounts that sum (times their rank counts) below 2^64.
    public fun payout_total(tier_amounts: vector<u64>, winners: u64): u64 {
        let total = 0;
        let rank = 1;
        while (rank <= winners && rank <= MAX_WINNERS) {
            total += rank_payout(tier_amounts, rank);
            rank += 1;
        };
        total
    }

    /// Address of the campaign object holding the pool.
    ///
    /// # Aborts
    /// Never.
    public fun campaign_address(): address {
        object::create_object_address(&@lumen, CAMPAIGN_SEED)
    }

    /// Points of a `UserInfo` as `(total, check-in, social, referral)`.
    ///
    /// # Aborts
    /// Never.
    public fun user_points(info: &UserInfo): (u64, u64, u64, u64) {
        (info.total_points, info.checkin_points, info.social_points, info.referral_points)
    }

    /// Check-in state of a `UserInfo` as `(checkins, streak, last_day)`.
    ///
    /// # Aborts
    /// Never.
    public fun user_streak(info: &UserInfo): (u64, u64, u64) {
        (info.checkins, info.streak, info.last_day)
    }

    /// Credits of a `UserInfo` as `(earned, claimed)` in base units.
    ///
    /// # Aborts
    /// Never.
    public fun user_credits(info: &UserInfo): (u64, u64) {
        (info.credits_earned, info.credits_claimed)
    }

    /// Referral links of a `UserInfo` as `(referrer, referees)`.
    ///
    /// # Aborts
    /// Never.
    public fun user_referral(info: &UserInfo): (address, u64) {
        (info.referrer, info.referees)
    }

    // Private functions --------------------------------------------------------

    fun default_tier_amounts(): vector<u64> {
        vector[200_000_000, 100_000_000, 50_000_000, 14_000_000, 8_000_000]
    }

    fun empty_user(): UserInfo {
        UserInfo {
            total_points: 0,
            checkin_points: 0,
            social_points: 0,
            referral_points: 0,
            checkins: 0,
            streak: 0,
            last_day: 0,
            credits_earned: 0,
            credits_claimed: 0,
            referrer: @0x0,
            referees: 0,
        }
    }

    fun user_mut(users: &mut Table<address, UserInfo>, user: address): &mut UserInfo {
        if (!users.contains(user)) {
            users.add(user, empty_user());
        };
        users.borrow_mut(user)
    }

    fun recorded_points(users: &Table<address, UserInfo>, user: address): u64 {
        if (users.contains(user)) users.borrow(user).total_points else 0
    }

    fun is_active(state: &CampaignState, now: u64): bool {
        now >= state.start && now < state.end
    }

    fun assert_operator(state: &CampaignState, caller: address) {
        assert!(state.operator != @0x0 && state.operator == caller, error::permission_denied(ENotOperator));
    }

    /// Adds the referral share of `points` that `referee` earned to its referrer
    /// (none when `referrer` is `@0x0` or the share rounds to 0).
    fun credit_referrer(
        users: &mut Table<address, UserInfo>,
        referrer: address,
        referee: address,
        source: u8,
        points: u64,
    ) {
        let share = referral_share(points);
        if (referrer == @0x0 || share == 0) {
            return
        };
        let info = user_mut(users, referrer);
        info.referral_points += share;
        info.total_points += share;
        event::emit(ReferralPointsEarned {
            referrer,
            referee,
            source,
            base_points: points,
            points: share,
            total_points: info.total_points,
        });
    }

    fun emit_configured(state: &CampaignState) {
        event::emit(CampaignConfigured {
            operator: state.operator,
            start: state.start,
            end: state.end,
            credit_value: state.credit_value,
            tier_amounts: state.tier_amounts,
        });
    }

    // Test-only functions ------------------------------------------------------

    #[test_only]
    /// Runs `init_module` in tests, where publishing does not.
    public fun init_for_test(deployer: &signer) {
        init_module(deployer);
    }

    #[test_only]
    /// A `CheckedIn` event, to compare with emitted ones.
    public fun checked_in_event(
        user: address,
        day: u64,
        cycle_day: u64,
        streak: u64,
        points: u64,
        credits: u64,
        credit_amount: u64,
        total_points: u64,
        claimable: u64,
    ): CheckedIn {
        CheckedIn { user, day, cycle_day, streak, points, credits, credit_amount, total_points, claimable }
    }

    #[test_only]
    /// A `ReferralPointsEarned` event, to compare with emitted ones.
    public fun referral_points_earned_event(
        referrer: address,
        referee: address,
        source: u8,
        base_points: u64,
        points: u64,
        total_points: u64,
    ): ReferralPointsEarned {
        ReferralPointsEarned { referrer, referee, source, base_points, points, total_points }
    }

    #[test_only]
    /// A `LeaderboardPaid` event, to compare with emitted ones.
    public fun leaderboard_paid_event(
        rank: u64,
        user: address,
        points: u64,
        tier: u64,
        amount: u64,
        total_paid: u64,
        pool: u64,
    ): LeaderboardPaid {
        LeaderboardPaid { rank, user, points, tier, amount, total_paid, pool }
    }

    #[test_only]
    /// A `CreditsClaimed` event, to compare with emitted ones.
    public fun credits_claimed_event(user: address, amount: u64, total_claimed: u64, pool: u64): CreditsClaimed {
        CreditsClaimed { user, amount, total_claimed, pool }
    }
}
