//! `campaign`: the testnet campaign's daily check-ins, credits (a balance
//! jobs spend), social tasks, referrals to earlier participants, protocol
//! points, the on-chain leaderboard, its pool and payout.

use std::collections::{BTreeMap, BTreeSet};

use lumen_sdk::errors::campaign as e;
use lumen_sdk::events::*;
use lumen_sdk::formulas::campaign as f;
use lumen_sdk::payloads::campaign::Call;
use lumen_sdk::AccountAddress;

use crate::{add, config, ensure, Abort, Chain, Outcome, Tx};

/// Seed of the module's object (its store is the campaign pool).
pub const SEED: &[u8] = b"campaign";
const SOURCE_CHECK_IN: u8 = 0;
const SOURCE_SOCIAL: u8 = 1;
const SOURCE_RENDER: u8 = 2;
const SOURCE_ONLINE: u8 = 3;

/// A participant: the record `campaign::user_info` returns, as the model
/// keeps it.
pub use lumen_sdk::views::UserInfo;

/// The campaign (`campaign::CampaignState`).
#[derive(Clone, Debug)]
pub struct State {
    /// Grants tasks.
    pub operator: AccountAddress,
    /// Period start.
    pub start: u64,
    /// Period end (exclusive).
    pub end: u64,
    /// Base units per credit; 0 = one whole unit of the payment asset.
    pub credit_value: u64,
    /// Per-user payout of the 5 tiers; empty = the default whole units.
    pub tier_amounts: Vec<u64>,
    /// The pool.
    pub pool: u64,
    /// The leaderboard was paid.
    pub paid: bool,
    /// Participants.
    pub users: BTreeMap<AccountAddress, UserInfo>,
    /// Granted `(user, task_id)`.
    pub tasks: BTreeSet<(AccountAddress, u64)>,
    /// The top 100 by points, best first.
    pub leaders: Vec<AccountAddress>,
    /// Jobs that spent a credit (they earn render points).
    pub credited_jobs: BTreeSet<AccountAddress>,
    /// Join order of the next user who joins.
    pub next_join: u64,
}

impl State {
    /// The state `init_module` creates.
    pub fn new() -> Self {
        Self {
            operator: AccountAddress::ZERO,
            start: 0,
            end: 0,
            credit_value: 0,
            tier_amounts: vec![],
            pool: 0,
            paid: false,
            users: BTreeMap::new(),
            tasks: BTreeSet::new(),
            leaders: vec![],
            credited_jobs: BTreeSet::new(),
            next_join: 1,
        }
    }

    fn is_active(&self, now: u64) -> bool {
        now >= self.start && now < self.end
    }

    fn assert_operator(&self, caller: AccountAddress) -> Result<(), Abort> {
        ensure(
            self.operator != AccountAddress::ZERO && self.operator == caller,
            e::ENotOperator,
        )
    }

    fn assert_not_started(&self, now: u64) -> Result<(), Abort> {
        ensure(self.end == 0 || now < self.start, e::EAlreadyStarted)
    }

    /// `user_info(user)`: all zero for a stranger.
    pub fn user(&self, user: AccountAddress) -> UserInfo {
        self.users.get(&user).cloned().unwrap_or_default()
    }

    /// Gives `user` its join order on its first own call.
    fn join(&mut self, user: AccountAddress) {
        let order = self.next_join;
        let info = self.users.entry(user).or_default();
        if info.joined == 0 {
            info.joined = order;
            self.next_join = order + 1;
        }
    }

    /// Adds `points` to `user`'s total and moves it up the leaderboard (no
    /// points, no move).
    fn add_points(&mut self, user: AccountAddress, points: u64) -> u64 {
        let info = self.users.entry(user).or_default();
        if points == 0 {
            return info.total_points;
        }
        info.total_points += points;
        let total = info.total_points;
        let users = &self.users;
        f::rerank(
            &mut self.leaders,
            |a| users.get(a).map_or(0, |u| u.total_points),
            user,
            total,
        );
        total
    }

    /// The referrer's share of `points` its referee `user` earned.
    fn credit_referrer(
        &mut self,
        user: AccountAddress,
        source: u8,
        points: u64,
    ) -> Option<LumenEvent> {
        let referrer = self.users.get(&user)?.referrer;
        let share = f::referral_share(points);
        if referrer == AccountAddress::ZERO || share == 0 {
            return None;
        }
        self.users.entry(referrer).or_default().referral_points += share;
        let total_points = self.add_points(referrer, share);
        Some(LumenEvent::ReferralPointsEarned(ReferralPointsEarned {
            referrer,
            referee: user,
            source,
            base_points: points,
            points: share,
            total_points,
        }))
    }
}

impl Default for State {
    fn default() -> Self {
        Self::new()
    }
}

/// The campaign object's address (its store is the pool).
pub fn pool_address(c: &Chain) -> AccountAddress {
    c.module_object(SEED)
}

/// `campaign::credit_value()`: one whole unit of the payment asset unless set.
pub fn credit_value(c: &Chain) -> Result<u64, Abort> {
    match c.campaign.credit_value {
        0 => config::payment_unit(c).map(f::default_credit_value),
        v => Ok(v),
    }
}

/// `campaign::tier_amounts()`: the default whole units unless set.
pub fn tier_amounts(c: &Chain) -> Result<[u64; 5], Abort> {
    if c.campaign.tier_amounts.is_empty() {
        return config::payment_unit(c).map(f::default_tier_amounts);
    }
    Ok(c.campaign
        .tier_amounts
        .clone()
        .try_into()
        .expect("five tiers"))
}

/// The `CampaignConfigured` event of the current settings (callers checked
/// the admin first, so `config` is initialised and this cannot fail after a write).
fn configured(c: &Chain) -> Result<LumenEvent, Abort> {
    let s = &c.campaign;
    Ok(LumenEvent::CampaignConfigured(CampaignConfigured {
        operator: s.operator,
        start: s.start,
        end: s.end,
        credit_value: credit_value(c)?,
        tier_amounts: tier_amounts(c)?.to_vec(),
    }))
}

/// `(cycle_day, streak, points, credits)` of a check-in by `info` on `today`.
fn next_check_in(info: &UserInfo, today: u64) -> (u64, u64, u64, u64) {
    let streak = f::next_streak(info.checkins > 0, info.last_day, info.streak, today);
    let cycle_day = f::cycle_day_of(streak);
    let (points, credits) = f::day_reward(cycle_day);
    (cycle_day, streak, points, credits)
}

/// `campaign::spend_job_credit` (called by `escrow::create_job`): during the
/// period, spends 0.1 credit of `creator` on `job` when it holds that much.
pub(crate) fn spend_job_credit(
    c: &mut Chain,
    creator: AccountAddress,
    job: AccountAddress,
    now: u64,
) -> Vec<LumenEvent> {
    let s = &mut c.campaign;
    if !s.is_active(now) {
        return vec![];
    }
    let Some(info) = s.users.get_mut(&creator) else {
        return vec![];
    };
    if info.credits_earned - info.credits_spent < f::JOB_CREDIT {
        return vec![];
    }
    info.credits_spent += f::JOB_CREDIT;
    let balance = info.credits_earned - info.credits_spent;
    s.credited_jobs.insert(job);
    vec![LumenEvent::CreditSpent(CreditSpent {
        user: creator,
        job,
        amount: f::JOB_CREDIT,
        balance,
    })]
}

/// `campaign::record_render_points` (called by `escrow` when it pays
/// `gross > 0` for `job`): during the period, a job that spent a credit earns
/// `render_points(gross)` for its creator and its worker.
pub(crate) fn record_render_points(
    c: &mut Chain,
    job: AccountAddress,
    (creator, worker): (AccountAddress, AccountAddress),
    gross: u64,
    now: u64,
) -> Result<Vec<LumenEvent>, Abort> {
    if !c.campaign.is_active(now) || !c.campaign.credited_jobs.contains(&job) {
        return Ok(vec![]);
    }
    let points = f::render_points(gross, credit_value(c)?);
    let s = &mut c.campaign;
    let mut out = vec![];
    if points == 0 {
        return Ok(out);
    }
    for (user, role) in [(creator, f::ROLE_CREATOR), (worker, f::ROLE_WORKER)] {
        s.users.entry(user).or_default().render_points += points;
        let total_points = s.add_points(user, points);
        out.push(LumenEvent::RenderPointsEarned(RenderPointsEarned {
            job,
            user,
            role,
            gross,
            points,
            total_points,
        }));
        out.extend(s.credit_referrer(user, SOURCE_RENDER, points));
    }
    Ok(out)
}

/// `campaign::record_online_points` (called by `rewards` when an eligible
/// worker's uptime of `epoch`, covering `[start, end)`, takes effect).
pub(crate) fn record_online_points(
    c: &mut Chain,
    worker: AccountAddress,
    epoch: u64,
    (start, end): (u64, u64),
    idle_secs: u64,
    score: u64,
) -> Vec<LumenEvent> {
    let s = &mut c.campaign;
    if s.paid || s.end == 0 || start < s.start || end > s.end {
        return vec![];
    }
    let points = f::online_points(idle_secs, score);
    if points == 0 {
        return vec![];
    }
    s.users.entry(worker).or_default().online_points += points;
    let total_points = s.add_points(worker, points);
    let mut out = vec![LumenEvent::OnlinePointsEarned(OnlinePointsEarned {
        worker,
        epoch,
        idle_secs,
        score,
        points,
        total_points,
    })];
    out.extend(s.credit_referrer(worker, SOURCE_ONLINE, points));
    out
}

/// Executes a `campaign` entry function.
pub fn execute(c: &mut Chain, tx: &Tx, call: &Call) -> Outcome {
    let (sender, now) = (tx.sender, tx.now);
    match call {
        Call::CheckIn {} => {
            config::assert_not_paused(c)?;
            let s = &mut c.campaign;
            ensure(s.is_active(now), e::ENotActive)?;
            let today = f::utc_day(now);
            let info = s.user(sender);
            ensure(
                info.checkins == 0 || info.last_day != today,
                e::EAlreadyCheckedIn,
            )?;
            let (cycle_day, streak, points, credit_count) = next_check_in(&info, today);
            let credits = credit_count * f::CREDIT;
            s.join(sender);
            let info = s.users.entry(sender).or_default();
            info.checkins += 1;
            info.streak = streak;
            info.last_day = today;
            info.checkin_points += points;
            info.credits_earned += credits;
            let credit_balance = info.credits_earned - info.credits_spent;
            let total_points = s.add_points(sender, points);
            let mut out = vec![LumenEvent::CheckedIn(CheckedIn {
                user: sender,
                day: today,
                cycle_day,
                streak,
                points,
                credits,
                total_points,
                credit_balance,
            })];
            out.extend(s.credit_referrer(sender, SOURCE_CHECK_IN, points));
            Ok(out)
        }
        Call::GrantSocialTask {
            user,
            task_id,
            points,
        } => {
            config::assert_not_paused(c)?;
            let s = &mut c.campaign;
            s.assert_operator(sender)?;
            ensure(s.is_active(now), e::ENotActive)?;
            ensure(*points > 0, e::EZeroPoints)?;
            ensure(
                !s.tasks.contains(&(*user, *task_id)),
                e::ETaskAlreadyGranted,
            )?;
            let info = s.user(*user);
            let social_points = add(info.social_points, *points, "campaign")?;
            add(info.total_points, *points, "campaign")?;
            s.tasks.insert((*user, *task_id));
            s.users.entry(*user).or_default().social_points = social_points;
            let total_points = s.add_points(*user, *points);
            let mut out = vec![LumenEvent::SocialTaskGranted(SocialTaskGranted {
                user: *user,
                task_id: *task_id,
                points: *points,
                total_points,
                operator: sender,
            })];
            out.extend(s.credit_referrer(*user, SOURCE_SOCIAL, *points));
            Ok(out)
        }
        Call::RegisterReferral { referrer } => {
            config::assert_not_paused(c)?;
            let s = &mut c.campaign;
            ensure(s.is_active(now), e::ENotActive)?;
            ensure(*referrer != AccountAddress::ZERO, e::EZeroAddress)?;
            ensure(*referrer != sender, e::ESelfReferral)?;
            ensure(
                s.user(sender).referrer == AccountAddress::ZERO,
                e::EAlreadyReferred,
            )?;
            let referrer_joined = s.user(*referrer).joined;
            let joined = match s.user(sender).joined {
                0 => s.next_join,
                j => j,
            };
            ensure(
                referrer_joined > 0 && referrer_joined < joined,
                e::ECircularReferral,
            )?;
            s.join(sender);
            s.users.entry(sender).or_default().referrer = *referrer;
            s.users.entry(*referrer).or_default().referees += 1;
            Ok(vec![LumenEvent::ReferralRegistered(ReferralRegistered {
                referee: sender,
                referrer: *referrer,
                registered_at: now,
            })])
        }
        Call::Fund { amount } => {
            config::assert_not_paused(c)?;
            ensure(*amount > 0, e::EZeroAmount)?;
            c.can_pay(sender, *amount)?;
            let pool = add(c.campaign.pool, *amount, "campaign")?;
            let to = pool_address(c);
            c.pay(sender, to, *amount);
            c.campaign.pool = pool;
            Ok(vec![LumenEvent::CampaignFunded(CampaignFunded {
                funder: sender,
                amount: *amount,
                pool,
            })])
        }
        Call::PayLeaderboard {} => pay_leaderboard(c, tx),
        Call::SetOperator { operator } => {
            config::assert_admin(c, sender)?;
            ensure(*operator != AccountAddress::ZERO, e::EZeroAddress)?;
            c.campaign.operator = *operator;
            Ok(vec![configured(c)?])
        }
        Call::SetPeriod { start, end } => {
            config::assert_admin(c, sender)?;
            c.campaign.assert_not_started(now)?;
            ensure(start < end, e::EBadPeriod)?;
            c.campaign.start = *start;
            c.campaign.end = *end;
            Ok(vec![configured(c)?])
        }
        Call::SetCreditValue { credit_value } => {
            config::assert_admin(c, sender)?;
            ensure(*credit_value > 0, e::EZeroAmount)?;
            c.campaign.assert_not_started(now)?;
            c.campaign.credit_value = *credit_value;
            Ok(vec![configured(c)?])
        }
        Call::SetTierAmounts { amounts } => {
            config::assert_admin(c, sender)?;
            ensure(amounts.len() == f::DEFAULT_TIER_AMOUNTS.len(), e::EBadTiers)?;
            ensure(amounts.windows(2).all(|w| w[1] <= w[0]), e::EBadTiers)?;
            c.campaign.assert_not_started(now)?;
            c.campaign.tier_amounts = amounts.clone();
            Ok(vec![configured(c)?])
        }
        Call::Sweep { amount } => {
            config::assert_admin(c, sender)?;
            ensure(*amount > 0, e::EZeroAmount)?;
            let reserved = match c.campaign.paid {
                true => 0,
                false => f::payout_total(&tier_amounts(c)?, f::MAX_WINNERS),
            };
            let pool = c.campaign.pool;
            ensure(
                pool >= reserved && pool - reserved >= *amount,
                e::EInsufficientPool,
            )?;
            let treasury = config::get(c)?.treasury;
            c.can_receive(treasury)?;
            c.campaign.pool -= amount;
            let from = pool_address(c);
            c.pay(from, treasury, *amount);
            Ok(vec![LumenEvent::PoolSwept(PoolSwept {
                amount: *amount,
                treasury,
                pool: c.campaign.pool,
            })])
        }
    }
}

fn pay_leaderboard(c: &mut Chain, tx: &Tx) -> Outcome {
    let end = c.campaign.end;
    let ended = end > 0 && {
        let grace = config::param(c, lumen_sdk::params::EPOCH_GRACE_SECS)?;
        tx.now >= add(end, grace, "campaign")?
    };
    ensure(ended, e::ENotEnded)?;
    ensure(!c.campaign.paid, e::EAlreadyPaid)?;
    let tiers = tier_amounts(c)?;
    let count = c.campaign.leaders.len() as u64;
    let total = f::payout_total(&tiers, count);
    ensure(c.campaign.pool >= total, e::EInsufficientPool)?;
    config::get(c)?;
    let winners = c.campaign.leaders.clone();
    for (i, &user) in winners.iter().enumerate() {
        if tiers[f::tier_of_rank(i as u64 + 1).expect("at most 100 ranks")] > 0 {
            c.can_receive(user)?;
        }
    }
    let from = pool_address(c);
    let mut out = vec![];
    let mut total_paid = 0;
    for (i, user) in winners.into_iter().enumerate() {
        let rank = i as u64 + 1;
        let tier = f::tier_of_rank(rank).expect("at most 100 ranks");
        let amount = tiers[tier];
        if amount > 0 {
            c.pay(from, user, amount);
        }
        total_paid += amount;
        c.campaign.pool -= amount;
        out.push(LumenEvent::LeaderboardPaid(LeaderboardPaid {
            rank,
            user,
            points: c.campaign.user(user).total_points,
            tier: tier as u64,
            amount,
            total_paid,
            pool: c.campaign.pool,
        }));
    }
    c.campaign.paid = true;
    Ok(out)
}
