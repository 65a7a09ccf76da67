/// The testnet campaign: daily check-ins, credits, social-task points,
/// referrals, protocol points, the on-chain leaderboard and its payout.
///
/// Points are micro-points (1 point = 1 000 000) so that the 10 % referral share
/// and the `O * P / 24` worker points are exact integers; every share rounds
/// down. Every point is recorded here, as it is earned inside the campaign
/// period: check-ins, social tasks the operator grants, render points of paid
/// jobs that spent a credit (recorded by `escrow`, for their creator and their
/// worker), online points of eligible workers (recorded by `rewards` when their
/// uptime takes effect) and the referrer's 10 % of all of these.
///
/// Check-in: one per UTC day (`now / 86 400`) inside the campaign period. A
/// check-in the day after the previous one extends the streak; a missed day
/// restarts it at 1. The reward follows the 30-day table of `day_reward`, at
/// position `(streak - 1) % 30 + 1`, so day 31 of an unbroken streak starts the
/// table again. Every fourth day (4, 8, ..., 28) gives one credit instead of
/// points. Credits are a non-transferable balance (micro-credits): no call pays
/// them out; `escrow::create_job` spends 0.1 credit of its creator during the
/// period, when the creator holds it, and only such jobs earn render points.
///
/// Leaderboard: the 100 users with the most points, kept sorted as points change
/// (ties: who reached the points first ranks first). After the period (and one
/// `epoch_grace_secs` for the last epoch's uptime), anyone pays it from the pool,
/// once: rank 1, ranks 2-5, 6-15, 16-50 and 51-100 each get their tier's per-user
/// amount (`tier_amounts`). Period, credit value and tier amounts are fixed once
/// the period has started, and `sweep` never takes what the ranking may be owed.
///
/// Referrals: a user registers a referrer that joined the campaign before it
/// (joining is a user's own first check-in or referral registration), so every
/// referral points to an earlier participant and no loop can form, and nobody
/// can make another user's registration impossible.
///
/// The pool lives in the campaign object (named object of `@lumen`, seed
/// `b"campaign"`), owned by nobody.
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
        /// Base units of the payment asset one credit is worth (render points
        /// convert a job's gross into credits); 0 = one whole unit of the asset.
        credit_value: u64,
        /// Per-user payout of each tier (ranks 1, 2-5, 6-15, 16-50, 51-100);
        /// empty = `DEFAULT_TIER_UNITS` whole units of the asset.
        tier_amounts: vector<u64>,
        /// Funds accounted to the pool (funding minus payouts and sweeps).
        pool: u64,
        /// Whether `pay_leaderboard` has run.
        paid: bool,
        users: Table<address, UserInfo>,
        tasks: Table<UserTask, bool>,
        /// Jobs that spent a credit at creation (only they earn render points).
        credited_jobs: Table<address, bool>,
        /// The top `MAX_WINNERS` users by points, best first.
        leaders: vector<address>,
        /// Join order given to the next user who joins (starts at 1).
        next_join: u64,
    }

    /// Key of a granted social task.
    struct UserTask has copy, drop, store {
        user: address,
        task_id: u64,
    }

    /// A participant's campaign record (returned by `user_info`; all zero for a stranger).
    struct UserInfo has copy, drop, store {
        /// All points, micro-points: check-in + social + referral + render + online.
        total_points: u64,
        checkin_points: u64,
        social_points: u64,
        referral_points: u64,
        render_points: u64,
        online_points: u64,
        /// Number of check-ins.
        checkins: u64,
        /// Consecutive UTC days checked in, ending at `last_day`.
        streak: u64,
        /// UTC day of the last check-in (meaningful when `checkins > 0`).
        last_day: u64,
        /// Credits earned and spent on jobs, in micro-credits (1 credit = 1 000 000).
        credits_earned: u64,
        credits_spent: u64,
        /// `@0x0` when none.
        referrer: address,
        /// Accounts that registered this one as their referrer.
        referees: u64,
        /// Join order (0 until the user's first check-in or referral registration).
        joined: u64,
    }

    #[event]
    /// A daily check-in. `cycle_day` is the position in the 30-day table;
    /// `credits` and `credit_balance` are micro-credits.
    struct CheckedIn has drop, store {
        user: address,
        day: u64,
        cycle_day: u64,
        streak: u64,
        points: u64,
        credits: u64,
        total_points: u64,
        credit_balance: u64,
    }

    #[event]
    /// `escrow::create_job` spent `amount` micro-credits of `user` on `job`.
    struct CreditSpent has drop, store {
        user: address,
        job: address,
        amount: u64,
        balance: u64,
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
    /// A paid job that spent a credit earned render points: one event for its
    /// creator (`role` 0) and one for its worker (`role` 1).
    struct RenderPointsEarned has drop, store {
        job: address,
        user: address,
        role: u8,
        gross: u64,
        points: u64,
        total_points: u64,
    }

    #[event]
    /// An eligible worker earned online points for the idle part of an epoch's uptime.
    struct OnlinePointsEarned has drop, store {
        worker: address,
        epoch: u64,
        idle_secs: u64,
        score: u64,
        points: u64,
        total_points: u64,
    }

    #[event]
    /// `referrer` earned its share of points `referee` earned (`source` 0
    /// check-in, 1 social task, 2 render, 3 online).
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
    /// The pool does not hold enough for this payment (or the sweep would take
    /// what the leaderboard may be owed).
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
    /// The referrer did not join the campaign before the caller (referrals point
    /// to earlier participants, so no loop can form).
    const ECircularReferral: u64 = 11;
    /// The leaderboard was already paid.
    const EAlreadyPaid: u64 = 17;
    /// The campaign and its grace period have not ended (or it has no period yet).
    const ENotEnded: u64 = 18;
    /// `start` is not before `end`.
    const EBadPeriod: u64 = 19;
    /// The tier amounts are not 5 non-increasing values.
    const EBadTiers: u64 = 20;
    /// The zero address is not a valid operator or referrer.
    const EZeroAddress: u64 = 22;
    /// The campaign period has started: its terms no longer change.
    const EAlreadyStarted: u64 = 23;

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
    const SOURCE_RENDER: u8 = 2;
    const SOURCE_ONLINE: u8 = 3;
    /// Micro-credits per credit.
    const CREDIT: u64 = 1_000_000;
    /// Micro-credits a job spends at creation (0.1 credit, as the seed says).
    const JOB_CREDIT: u64 = 100_000;
    /// Render points per credit of a job's gross: 2.2 points.
    const RENDER_POINTS_PER_CREDIT: u128 = 2_200_000;
    /// Default per-user tier payouts, in whole units of the payment asset.
    const DEFAULT_TIER_UNITS: vector<u64> = vector[200, 100, 50, 14, 8];
    /// `RenderPointsEarned` roles.
    const ROLE_CREATOR: u8 = 0;
    const ROLE_WORKER: u8 = 1;
    const U64_MAX: u128 = 18_446_744_073_709_551_615;

    // Initialisation -----------------------------------------------------------

    fun init_module(deployer: &signer) {
        let constructor_ref = object::create_named_object(deployer, CAMPAIGN_SEED);
        let object_signer = object::generate_signer(&constructor_ref);
        move_to(&object_signer, CampaignState {
            extend_ref: object::generate_extend_ref(&constructor_ref),
            operator: @0x0,
            start: 0,
            end: 0,
            credit_value: 0,
            tier_amounts: vector[],
            pool: 0,
            paid: false,
            users: table::new(),
            tasks: table::new(),
            credited_jobs: table::new(),
            leaders: vector[],
            next_join: 1,
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
    /// restarts it after a missed day), records the day's points and adds the
    /// day's credits to its balance; the referrer, if any, earns its share of
    /// the points. The first check-in joins the campaign.
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
        join(state, user_addr);
        let info = state.users.borrow_mut(user_addr);
        assert!(info.checkins == 0 || info.last_day != today, error::already_exists(EAlreadyCheckedIn));
        let streak = next_streak(info.checkins > 0, info.last_day, info.streak, today);
        let cycle_day = cycle_day_of(streak);
        let (points, credit_count) = day_reward(cycle_day);
        let credits = credit_count * CREDIT;
        info.checkins += 1;
        info.streak = streak;
        info.last_day = today;
        info.checkin_points += points;
        info.credits_earned += credits;
        let credit_balance = info.credits_earned - info.credits_spent;
        let total_points = add_points(state, user_addr, points);
        event::emit(CheckedIn {
            user: user_addr,
            day: today,
            cycle_day,
            streak,
            points,
            credits,
            total_points,
            credit_balance,
        });
        credit_referrer(state, user_addr, SOURCE_CHECK_IN, points);
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
        user_mut(&mut state.users, user).social_points += points;
        let total_points = add_points(state, user, points);
        event::emit(SocialTaskGranted { user, task_id, points, total_points, operator: operator_addr });
        credit_referrer(state, user, SOURCE_SOCIAL, points);
    }

    /// Registers `referrer` as the caller's referrer, once; the caller joins the
    /// campaign if it had not. From now on the referrer earns `floor(points * 10 %)`
    /// of every point the caller earns (not of the caller's own referral points).
    /// The referrer must have joined before the caller: referrals always point to
    /// earlier participants, so the graph stays acyclic, and only the caller's own
    /// calls decide when it joined.
    ///
    /// # Aborts
    /// * `config::EPaused` (via `config`) while paused.
    /// * `ENotActive` outside the campaign period.
    /// * `EZeroAddress` if `referrer` is `@0x0`.
    /// * `ESelfReferral` if `referrer` is the caller.
    /// * `EAlreadyReferred` if the caller already has a referrer.
    /// * `ECircularReferral` if the referrer has not joined, or joined after the caller.
    public entry fun register_referral(referee: &signer, referrer: address) acquires CampaignState {
        config::assert_not_paused();
        let referee_addr = signer::address_of(referee);
        let now = timestamp::now_seconds();
        let state = borrow_global_mut<CampaignState>(campaign_address());
        assert!(is_active(state, now), error::invalid_state(ENotActive));
        assert!(referrer != @0x0, error::invalid_argument(EZeroAddress));
        assert!(referrer != referee_addr, error::invalid_argument(ESelfReferral));
        assert!(user_info_of(state, referee_addr).referrer == @0x0, error::already_exists(EAlreadyReferred));
        let referrer_joined = user_info_of(state, referrer).joined;
        join(state, referee_addr);
        let info = state.users.borrow_mut(referee_addr);
        assert!(referrer_joined > 0 && referrer_joined < info.joined, error::invalid_argument(ECircularReferral));
        info.referrer = referrer;
        state.users.borrow_mut(referrer).referees += 1;
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

    /// Pays the leaderboard kept on chain, once: rank `i + 1` is `leaders()[i]`,
    /// paid its tier's per-user amount from the pool. Anyone may call it from
    /// `end + epoch_grace_secs` on (the last epoch's uptime is reported in the
    /// grace period); points stop changing once it ran. Works while paused.
    ///
    /// # Aborts
    /// * `ENotEnded` before `end + epoch_grace_secs` (or with no period set).
    /// * `EAlreadyPaid` if the leaderboard was already paid.
    /// * `EInsufficientPool` if the pool holds less than the payout.
    public entry fun pay_leaderboard(_caller: &signer) acquires CampaignState {
        let state = borrow_global_mut<CampaignState>(campaign_address());
        assert!(
            state.end > 0 && timestamp::now_seconds() >= state.end + config::epoch_grace_secs(),
            error::invalid_state(ENotEnded),
        );
        assert!(!state.paid, error::already_exists(EAlreadyPaid));
        let tiers = tiers_of(state);
        let count = state.leaders.length();
        let total = payout_total(tiers, count);
        assert!(state.pool >= total, error::invalid_state(EInsufficientPool));
        state.paid = true;
        let object_signer = object::generate_signer_for_extending(&state.extend_ref);
        let asset = config::payment_asset();
        let total_paid = 0;
        let rank = 1;
        while (rank <= count) {
            let user = state.leaders[rank - 1];
            let tier = tier_of_rank(rank);
            let amount = tiers[tier];
            if (amount > 0) {
                primary_fungible_store::transfer(&object_signer, asset, user, amount);
            };
            total_paid += amount;
            state.pool -= amount;
            event::emit(LeaderboardPaid {
                rank,
                user,
                points: state.users.borrow(user).total_points,
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

    /// Admin: sets the campaign period `[start, end)` (seconds), before the
    /// current one has started.
    ///
    /// # Aborts
    /// * `config::ENotAdmin` (via `config`) if the caller is not the admin.
    /// * `EAlreadyStarted` once the period set before has started.
    /// * `EBadPeriod` if `start >= end`.
    public entry fun set_period(admin: &signer, start: u64, end: u64) acquires CampaignState {
        config::assert_admin(admin);
        let state = borrow_global_mut<CampaignState>(campaign_address());
        assert_not_started(state);
        assert!(start < end, error::invalid_argument(EBadPeriod));
        state.start = start;
        state.end = end;
        emit_configured(state);
    }

    /// Admin: sets how many base units of the payment asset one credit is
    /// worth (render points are `2.2 * gross / credit_value`), before the period
    /// has started.
    ///
    /// # Aborts
    /// * `config::ENotAdmin` (via `config`) if the caller is not the admin.
    /// * `EZeroAmount` if `credit_value` is 0.
    /// * `EAlreadyStarted` once the period has started.
    public entry fun set_credit_value(admin: &signer, credit_value: u64) acquires CampaignState {
        config::assert_admin(admin);
        assert!(credit_value > 0, error::invalid_argument(EZeroAmount));
        let state = borrow_global_mut<CampaignState>(campaign_address());
        assert_not_started(state);
        state.credit_value = credit_value;
        emit_configured(state);
    }

    /// Admin: sets the per-user payout of the 5 tiers (ranks 1, 2-5, 6-15,
    /// 16-50, 51-100), in base units, before the period has started.
    ///
    /// # Aborts
    /// * `config::ENotAdmin` (via `config`) if the caller is not the admin.
    /// * `EBadTiers` unless `amounts` has 5 non-increasing values.
    /// * `EAlreadyStarted` once the period has started.
    public entry fun set_tier_amounts(admin: &signer, amounts: vector<u64>) acquires CampaignState {
        config::assert_admin(admin);
        assert!(amounts.length() == TIERS, error::invalid_argument(EBadTiers));
        let i = 1;
        while (i < TIERS) {
            assert!(amounts[i] <= amounts[i - 1], error::invalid_argument(EBadTiers));
            i += 1;
        };
        let state = borrow_global_mut<CampaignState>(campaign_address());
        assert_not_started(state);
        state.tier_amounts = amounts;
        emit_configured(state);
    }

    /// Admin: moves `amount` of the pool to the treasury, never what the
    /// leaderboard may be owed: until it is paid, the payout of a full ranking
    /// (`leaderboard_total(100)`) stays in the pool.
    ///
    /// # Aborts
    /// * `config::ENotAdmin` (via `config`) if the caller is not the admin.
    /// * `EZeroAmount` if `amount` is 0.
    /// * `EInsufficientPool` if `amount` is above the pool minus what stays reserved.
    public entry fun sweep(admin: &signer, amount: u64) acquires CampaignState {
        config::assert_admin(admin);
        let state = borrow_global_mut<CampaignState>(campaign_address());
        assert!(amount > 0, error::invalid_argument(EZeroAmount));
        let reserved = if (state.paid) 0 else payout_total(tiers_of(state), MAX_WINNERS);
        assert!(state.pool >= reserved && state.pool - reserved >= amount, error::invalid_state(EInsufficientPool));
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
    /// Base units of the payment asset per credit (one whole unit unless set).
    ///
    /// # Aborts
    /// `config::ENotInitialized` before `config::initialize`.
    public fun credit_value(): u64 acquires CampaignState {
        credit_value_of(borrow_global<CampaignState>(campaign_address()))
    }

    #[view]
    /// Per-user payout of the 5 tiers (ranks 1, 2-5, 6-15, 16-50, 51-100);
    /// unless set, 200, 100, 50, 14 and 8 whole units of the payment asset.
    ///
    /// # Aborts
    /// `config::ENotInitialized` before `config::initialize`.
    public fun tier_amounts(): vector<u64> acquires CampaignState {
        tiers_of(borrow_global<CampaignState>(campaign_address()))
    }

    #[view]
    /// The leaderboard: the (at most 100) users with the most points, best first.
    ///
    /// # Aborts
    /// Never.
    public fun leaders(): vector<address> acquires CampaignState {
        borrow_global<CampaignState>(campaign_address()).leaders
    }

    #[view]
    /// `user`'s rank on the leaderboard (1 = first), 0 when not among the top 100.
    ///
    /// # Aborts
    /// Never.
    public fun rank_of(user: address): u64 acquires CampaignState {
        let (found, index) = borrow_global<CampaignState>(campaign_address()).leaders.index_of(&user);
        if (found) index + 1 else 0
    }

    #[view]
    /// Micro-credits `user` holds (earned minus spent).
    ///
    /// # Aborts
    /// Never.
    public fun credit_balance(user: address): u64 acquires CampaignState {
        let info = user_info(user);
        info.credits_earned - info.credits_spent
    }

    #[view]
    /// Whether `job` spent a credit at creation (and so earns render points).
    ///
    /// # Aborts
    /// Never.
    public fun is_credited_job(job: address): bool acquires CampaignState {
        borrow_global<CampaignState>(campaign_address()).credited_jobs.contains(job)
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
    /// micro-credits)`; all 0 when the user already checked in today.
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
        (cycle_day, streak, points, credits * CREDIT)
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
    /// `config::ENotInitialized` before `config::initialize`.
    public fun payout_of_rank(rank: u64): u64 acquires CampaignState {
        rank_payout(tiers_of(borrow_global<CampaignState>(campaign_address())), rank)
    }

    #[view]
    /// The whole payout of a ranking of `winners` addresses (at most 100 are paid).
    ///
    /// # Aborts
    /// `config::ENotInitialized` before `config::initialize`.
    public fun leaderboard_total(winners: u64): u64 acquires CampaignState {
        payout_total(tiers_of(borrow_global<CampaignState>(campaign_address())), winners)
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

    /// Render points of a job's gross, for its creator and for its worker: the
    /// render cost in credits * 2.2, `floor(gross * 2 200 000 / credit_value)`
    /// micro-points, saturating at u64::MAX; 0 when `credit_value` is 0.
    ///
    /// # Aborts
    /// Never.
    public fun render_points(gross: u64, credit_value: u64): u64 {
        if (credit_value == 0) return 0;
        saturate((gross as u128) * RENDER_POINTS_PER_CREDIT / (credit_value as u128))
    }

    /// Online points (Pictor's `O * P / 24`): `floor(idle_secs * score / 86 400)`
    /// micro-points, `score` in micro-units, saturating at u64::MAX.
    ///
    /// # Aborts
    /// Never.
    public fun online_points(idle_secs: u64, score: u64): u64 {
        saturate((idle_secs as u128) * (score as u128) / (SECS_PER_DAY as u128))
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

    /// Protocol points of a `UserInfo` as `(render, online)`.
    ///
    /// # Aborts
    /// Never.
    public fun user_protocol_points(info: &UserInfo): (u64, u64) {
        (info.render_points, info.online_points)
    }

    /// Credits of a `UserInfo` as `(earned, spent)` in micro-credits.
    ///
    /// # Aborts
    /// Never.
    public fun user_credits(info: &UserInfo): (u64, u64) {
        (info.credits_earned, info.credits_spent)
    }

    /// Referral links of a `UserInfo` as `(referrer, referees)`.
    ///
    /// # Aborts
    /// Never.
    public fun user_referral(info: &UserInfo): (address, u64) {
        (info.referrer, info.referees)
    }

    // Package functions --------------------------------------------------------

    /// Called by `escrow::create_job`: during the campaign period, spends
    /// `JOB_CREDIT` (0.1 credit) of `creator` on `job` when it holds that much,
    /// which lets the job earn render points. Does nothing otherwise.
    ///
    /// # Aborts
    /// Never.
    public(package) fun spend_job_credit(creator: address, job: address) acquires CampaignState {
        let state = borrow_global_mut<CampaignState>(campaign_address());
        if (!is_active(state, timestamp::now_seconds()) || !state.users.contains(creator)) return;
        let info = state.users.borrow_mut(creator);
        if (info.credits_earned - info.credits_spent < JOB_CREDIT) return;
        info.credits_spent += JOB_CREDIT;
        state.credited_jobs.add(job, true);
        event::emit(CreditSpent {
            user: creator,
            job,
            amount: JOB_CREDIT,
            balance: info.credits_earned - info.credits_spent,
        });
    }

    /// Called by `escrow` when it pays `gross > 0` for `job`: during the period,
    /// a job that spent a credit earns `render_points(gross)` for its creator
    /// and for its worker (and their referrers' shares).
    ///
    /// # Aborts
    /// Never.
    public(package) fun record_render_points(
        job: address,
        creator: address,
        worker: address,
        gross: u64,
    ) acquires CampaignState {
        let state = borrow_global_mut<CampaignState>(campaign_address());
        if (!is_active(state, timestamp::now_seconds()) || !state.credited_jobs.contains(job)) return;
        let points = render_points(gross, credit_value_of(state));
        if (points == 0) return;
        let parties = vector[creator, worker];
        let roles = vector[ROLE_CREATOR, ROLE_WORKER];
        let i = 0;
        while (i < 2) {
            let user = parties[i];
            user_mut(&mut state.users, user).render_points += points;
            let total_points = add_points(state, user, points);
            event::emit(RenderPointsEarned { job, user, role: roles[i], gross, points, total_points });
            credit_referrer(state, user, SOURCE_RENDER, points);
            i += 1;
        };
    }

    /// Called by `rewards` when an eligible worker's uptime of `epoch` (covering
    /// `[epoch_start, epoch_end)`) takes effect: when the epoch lies wholly inside
    /// the period and the leaderboard is not paid yet, the worker earns
    /// `online_points(idle_secs, score)` (and its referrer its share).
    ///
    /// # Aborts
    /// Never.
    public(package) fun record_online_points(
        worker: address,
        epoch: u64,
        epoch_start: u64,
        epoch_end: u64,
        idle_secs: u64,
        score: u64,
    ) acquires CampaignState {
        let state = borrow_global_mut<CampaignState>(campaign_address());
        if (state.paid || state.end == 0 || epoch_start < state.start || epoch_end > state.end) return;
        let points = online_points(idle_secs, score);
        if (points == 0) return;
        user_mut(&mut state.users, worker).online_points += points;
        let total_points = add_points(state, worker, points);
        event::emit(OnlinePointsEarned { worker, epoch, idle_secs, score, points, total_points });
        credit_referrer(state, worker, SOURCE_ONLINE, points);
    }

    // Private functions --------------------------------------------------------

    fun credit_value_of(state: &CampaignState): u64 {
        if (state.credit_value == 0) config::payment_unit() else state.credit_value
    }

    fun tiers_of(state: &CampaignState): vector<u64> {
        if (state.tier_amounts.is_empty()) {
            let unit = config::payment_unit();
            DEFAULT_TIER_UNITS.map(|units| units * unit)
        } else {
            state.tier_amounts
        }
    }

    fun saturate(value: u128): u64 {
        if (value > U64_MAX) (U64_MAX as u64) else (value as u64)
    }

    fun empty_user(): UserInfo {
        UserInfo {
            total_points: 0,
            checkin_points: 0,
            social_points: 0,
            referral_points: 0,
            render_points: 0,
            online_points: 0,
            checkins: 0,
            streak: 0,
            last_day: 0,
            credits_earned: 0,
            credits_spent: 0,
            referrer: @0x0,
            referees: 0,
            joined: 0,
        }
    }

    fun user_info_of(state: &CampaignState, user: address): UserInfo {
        if (state.users.contains(user)) *state.users.borrow(user) else empty_user()
    }

    /// Gives `user` its join order on its first own call.
    fun join(state: &mut CampaignState, user: address) {
        let order = state.next_join;
        let info = user_mut(&mut state.users, user);
        if (info.joined == 0) {
            info.joined = order;
            state.next_join = order + 1;
        };
    }

    /// Adds `points` to `user`'s total (the per-source field is the caller's)
    /// and moves it up the leaderboard; returns the new total. No points, no
    /// move: a total reached earlier keeps its place among equals.
    fun add_points(state: &mut CampaignState, user: address, points: u64): u64 {
        let info = user_mut(&mut state.users, user);
        if (points == 0) return info.total_points;
        info.total_points += points;
        let total = info.total_points;
        rerank(&state.users, &mut state.leaders, user, total);
        total
    }

    /// Puts `user`, now at `total` points (points only grow), at its place in
    /// the sorted `leaders`: after everyone with at least as many points, so the
    /// first to reach a score keeps the better rank; the list keeps 100 entries.
    fun rerank(users: &Table<address, UserInfo>, leaders: &mut vector<address>, user: address, total: u64) {
        let (found, index) = leaders.index_of(&user);
        let at = if (found) {
            leaders.remove(index);
            index
        } else {
            let n = leaders.length();
            if (n == MAX_WINNERS && users.borrow(leaders[n - 1]).total_points >= total) return;
            n
        };
        while (at > 0 && users.borrow(leaders[at - 1]).total_points < total) {
            at -= 1;
        };
        leaders.insert(at, user);
        if (leaders.length() > MAX_WINNERS) {
            leaders.pop_back();
        };
    }

    fun user_mut(users: &mut Table<address, UserInfo>, user: address): &mut UserInfo {
        if (!users.contains(user)) {
            users.add(user, empty_user());
        };
        users.borrow_mut(user)
    }

    fun is_active(state: &CampaignState, now: u64): bool {
        now >= state.start && now < state.end
    }

    fun assert_not_started(state: &CampaignState) {
        assert!(
            state.end == 0 || timestamp::now_seconds() < state.start,
            error::invalid_state(EAlreadyStarted),
        );
    }

    fun assert_operator(state: &CampaignState, caller: address) {
        assert!(state.operator != @0x0 && state.operator == caller, error::permission_denied(ENotOperator));
    }

    /// Adds the referral share of `points` that `referee` earned to its referrer
    /// (none when it has no referrer or the share rounds to 0).
    fun credit_referrer(state: &mut CampaignState, referee: address, source: u8, points: u64) {
        let referrer = state.users.borrow(referee).referrer;
        let share = referral_share(points);
        if (referrer == @0x0 || share == 0) {
            return
        };
        user_mut(&mut state.users, referrer).referral_points += share;
        let total_points = add_points(state, referrer, share);
        event::emit(ReferralPointsEarned {
            referrer,
            referee,
            source,
            base_points: points,
            points: share,
            total_points,
        });
    }

    fun emit_configured(state: &CampaignState) {
        event::emit(CampaignConfigured {
            operator: state.operator,
            start: state.start,
            end: state.end,
            credit_value: credit_value_of(state),
            tier_amounts: tiers_of(state),
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
        total_points: u64,
        credit_balance: u64,
    ): CheckedIn {
        CheckedIn { user, day, cycle_day, streak, points, credits, total_points, credit_balance }
    }

    #[test_only]
    /// Calls the package-internal `spend_job_credit` from unit tests.
    public fun spend_job_credit_for_test(creator: address, job: address) acquires CampaignState {
        spend_job_credit(creator, job)
    }

    #[test_only]
    /// Calls the package-internal `record_render_points` from unit tests.
    public fun record_render_points_for_test(
        job: address, creator: address, worker: address, gross: u64
    ) acquires CampaignState {
        record_render_points(job, creator, worker, gross)
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
    /// A `CreditSpent` event, to compare with emitted ones.
    public fun credit_spent_event(user: address, job: address, amount: u64, balance: u64): CreditSpent {
        CreditSpent { user, job, amount, balance }
    }
}
