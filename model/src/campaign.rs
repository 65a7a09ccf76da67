//! `campaign`: the testnet campaign's daily check-ins, credits, social
//! tasks, referrals, pool and leaderboard payout.

use std::collections::{BTreeMap, BTreeSet};

use lumen_sdk::errors::campaign as e;
use lumen_sdk::events::*;
use lumen_sdk::formulas::campaign as f;
use lumen_sdk::payloads::campaign::Call;
use lumen_sdk::AccountAddress;

use crate::{add, config, ensure, mul, Abort, Chain, Outcome, Tx};

/// Seed of the module's object (its store is the campaign pool).
pub const SEED: &[u8] = b"campaign";
const MAX_WINNERS: usize = 100;
const SOURCE_CHECK_IN: u8 = 0;
const SOURCE_SOCIAL: u8 = 1;

/// A participant (`campaign::UserInfo`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UserInfo {
    /// All on-chain points (micro-points).
    pub total_points: u64,
    /// From check-ins.
    pub checkin_points: u64,
    /// From social tasks.
    pub social_points: u64,
    /// Referral shares.
    pub referral_points: u64,
    /// Check-ins made.
    pub checkins: u64,
    /// Current streak.
    pub streak: u64,
    /// UTC day of the last check-in.
    pub last_day: u64,
    /// Credits accrued (base units).
    pub credits_earned: u64,
    /// Credits paid out.
    pub credits_claimed: u64,
    /// Its referrer (`0x0` when none).
    pub referrer: AccountAddress,
    /// Accounts it referred.
    pub referees: u64,
}

/// The campaign (`campaign::CampaignState`).
#[derive(Clone, Debug)]
pub struct State {
    /// Grants tasks and pays the leaderboard.
    pub operator: AccountAddress,
    /// Period start.
    pub start: u64,
    /// Period end (exclusive).
    pub end: u64,
    /// Base units per credit.
    pub credit_value: u64,
    /// Per-user payout of the 5 tiers.
    pub tier_amounts: Vec<u64>,
    /// The pool.
    pub pool: u64,
    /// The leaderboard was paid.
    pub paid: bool,
    /// Participants.
    pub users: BTreeMap<AccountAddress, UserInfo>,
    /// Granted `(user, task_id)`.
    pub tasks: BTreeSet<(AccountAddress, u64)>,
}

impl State {
    /// The state `init_module` creates.
    pub fn new() -> Self {
        Self {
            operator: AccountAddress::ZERO,
            start: 0,
            end: 0,
            credit_value: f::DEFAULT_CREDIT_VALUE,
            tier_amounts: f::DEFAULT_TIER_AMOUNTS.to_vec(),
            pool: 0,
            paid: false,
            users: BTreeMap::new(),
            tasks: BTreeSet::new(),
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

    fn configured(&self) -> LumenEvent {
        LumenEvent::CampaignConfigured(CampaignConfigured {
            operator: self.operator,
            start: self.start,
            end: self.end,
            credit_value: self.credit_value,
            tier_amounts: self.tier_amounts.clone(),
        })
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
        let info = self.users.entry(referrer).or_default();
        info.referral_points += share;
        info.total_points += share;
        Some(LumenEvent::ReferralPointsEarned(ReferralPointsEarned {
            referrer,
            referee: user,
            source,
            base_points: points,
            points: share,
            total_points: info.total_points,
        }))
    }

    fn recorded_points(&self, user: AccountAddress) -> u64 {
        self.users.get(&user).map_or(0, |u| u.total_points)
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

/// `(cycle_day, streak, points, credits)` of a check-in by `info` on `today`.
fn next_check_in(info: &UserInfo, today: u64) -> (u64, u64, u64, u64) {
    let streak = f::next_streak(info.checkins > 0, info.last_day, info.streak, today);
    let cycle_day = f::cycle_day_of(streak);
    let (points, credits) = f::day_reward(cycle_day);
    (cycle_day, streak, points, credits)
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
            let info = s.users.get(&sender).cloned().unwrap_or_default();
            ensure(
                info.checkins == 0 || info.last_day != today,
                e::EAlreadyCheckedIn,
            )?;
            let (cycle_day, streak, points, credits) = next_check_in(&info, today);
            let credit_amount = mul(credits, s.credit_value, "campaign")?;
            let info = s.users.entry(sender).or_default();
            info.checkins += 1;
            info.streak = streak;
            info.last_day = today;
            info.checkin_points += points;
            info.total_points += points;
            info.credits_earned += credit_amount;
            let mut out = vec![LumenEvent::CheckedIn(CheckedIn {
                user: sender,
                day: today,
                cycle_day,
                streak,
                points,
                credits,
                credit_amount,
                total_points: info.total_points,
                claimable: info.credits_earned - info.credits_claimed,
            })];
            out.extend(s.credit_referrer(sender, SOURCE_CHECK_IN, points));
            Ok(out)
        }
        Call::ClaimCredits {} => {
            let s = &c.campaign;
            let info = s
                .users
                .get(&sender)
                .ok_or(Abort::Code(e::ENothingToClaim))?;
            let amount = info.credits_earned - info.credits_claimed;
            ensure(amount > 0, e::ENothingToClaim)?;
            ensure(s.pool >= amount, e::EInsufficientPool)?;
            config::get(c)?;
            c.can_receive(sender)?;
            let s = &mut c.campaign;
            let info = s.users.get_mut(&sender).expect("found");
            info.credits_claimed += amount;
            let total_claimed = info.credits_claimed;
            s.pool -= amount;
            let pool = s.pool;
            let from = pool_address(c);
            c.pay(from, sender, amount);
            Ok(vec![LumenEvent::CreditsClaimed(CreditsClaimed {
                user: sender,
                amount,
                total_claimed,
                pool,
            })])
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
            let info = s.users.get(user).cloned().unwrap_or_default();
            let social_points = add(info.social_points, *points, "campaign")?;
            let total_points = add(info.total_points, *points, "campaign")?;
            s.tasks.insert((*user, *task_id));
            let info = s.users.entry(*user).or_default();
            info.social_points = social_points;
            info.total_points = total_points;
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
            let info = s.users.get(&sender).cloned().unwrap_or_default();
            ensure(info.referrer == AccountAddress::ZERO, e::EAlreadyReferred)?;
            ensure(info.referees == 0, e::ECircularReferral)?;
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
        Call::PayLeaderboard { winners, points } => pay_leaderboard(c, tx, winners, points),
        Call::SetOperator { operator } => {
            config::assert_admin(c, sender)?;
            ensure(*operator != AccountAddress::ZERO, e::EZeroAddress)?;
            c.campaign.operator = *operator;
            Ok(vec![c.campaign.configured()])
        }
        Call::SetPeriod { start, end } => {
            config::assert_admin(c, sender)?;
            ensure(start < end, e::EBadPeriod)?;
            c.campaign.start = *start;
            c.campaign.end = *end;
            Ok(vec![c.campaign.configured()])
        }
        Call::SetCreditValue { credit_value } => {
            config::assert_admin(c, sender)?;
            ensure(*credit_value > 0, e::EZeroAmount)?;
            c.campaign.credit_value = *credit_value;
            Ok(vec![c.campaign.configured()])
        }
        Call::SetTierAmounts { amounts } => {
            config::assert_admin(c, sender)?;
            ensure(amounts.len() == f::DEFAULT_TIER_AMOUNTS.len(), e::EBadTiers)?;
            ensure(amounts.windows(2).all(|w| w[1] <= w[0]), e::EBadTiers)?;
            c.campaign.tier_amounts = amounts.clone();
            Ok(vec![c.campaign.configured()])
        }
        Call::Sweep { amount } => {
            config::assert_admin(c, sender)?;
            let s = &c.campaign;
            ensure(s.paid, e::ENotPaid)?;
            ensure(*amount > 0, e::EZeroAmount)?;
            ensure(s.pool >= *amount, e::EInsufficientPool)?;
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

fn pay_leaderboard(c: &mut Chain, tx: &Tx, winners: &[AccountAddress], points: &[u64]) -> Outcome {
    let s = &c.campaign;
    s.assert_operator(tx.sender)?;
    ensure(s.end > 0 && tx.now >= s.end, e::ENotEnded)?;
    ensure(!s.paid, e::EAlreadyPaid)?;
    let count = winners.len();
    ensure(count == points.len(), e::ELengthMismatch)?;
    ensure(count > 0 && count <= MAX_WINNERS, e::EBadRankingSize)?;
    for i in 0..count {
        ensure(!winners[..i].contains(&winners[i]), e::EDuplicateWinner)?;
        ensure(i == 0 || points[i] <= points[i - 1], e::ERankingNotOrdered)?;
        ensure(
            points[i] >= s.recorded_points(winners[i]),
            e::EPointsBelowRecorded,
        )?;
    }
    let tiers: [u64; 5] = s.tier_amounts.clone().try_into().expect("five tiers");
    let total = f::payout_total(&tiers, count as u64);
    ensure(s.pool >= total, e::EInsufficientPool)?;
    config::get(c)?;
    for (i, &user) in winners.iter().enumerate() {
        if tiers[f::tier_of_rank(i as u64 + 1).expect("at most 100 ranks")] > 0 {
            c.can_receive(user)?;
        }
    }
    let from = pool_address(c);
    let mut out = vec![];
    let mut total_paid = 0;
    for (i, (&user, &p)) in winners.iter().zip(points).enumerate() {
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
            points: p,
            tier: tier as u64,
            amount,
            total_paid,
            pool: c.campaign.pool,
        }));
    }
    c.campaign.paid = true;
    Ok(out)
}
