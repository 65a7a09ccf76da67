//! The testnet campaign (Move: `campaign`, rules in `move/README.md`,
//! "Testnet campaign"): the check-in table, streaks, referral shares, the
//! points the indexer derives from escrow and rewards events, the payout
//! tiers, and a leaderboard builder with its payout preview.
//!
//! Points are micro-points ([`POINT`] = 1 000 000 per point) everywhere;
//! every share rounds down. Credits and payouts are base units of the
//! payment asset.

use aptos_sdk::types::AccountAddress;

use super::{sat, BPS, SECS_PER_DAY};

/// Micro-points per point.
pub const POINT: u64 = 1_000_000;
/// Rows of the check-in table; an unbroken streak wraps after it.
pub const CYCLE_DAYS: u64 = 30;
/// Seconds per UTC day (`day = now / 86 400`).
pub const DAY_SECS: u64 = 86_400;
/// The referrer's share of its referees' points, in basis points (10 %).
pub const REFERRAL_BPS: u64 = 1_000;
/// Creator and worker render points per credit of render cost, in
/// micro-points (the seed's `Render Cost × 2.2`).
pub const RENDER_POINTS_PER_CREDIT: u64 = 2_200_000;
/// Default `credit_value`: base units per credit (one unit of a 6-decimal asset;
/// on chain one whole unit of the payment asset, see [`default_credit_value`]).
pub const DEFAULT_CREDIT_VALUE: u64 = 1_000_000;
/// `RenderPointsEarned.role` of the job's creator.
pub const ROLE_CREATOR: u8 = 0;
/// `RenderPointsEarned.role` of the job's worker.
pub const ROLE_WORKER: u8 = 1;
/// Micro-credits per credit (credit balances are micro-credits).
pub const CREDIT: u64 = 1_000_000;
/// Micro-credits `escrow::create_job` spends during the campaign (0.1 credit).
pub const JOB_CREDIT: u64 = 100_000;
/// Default per-user payout of each tier in whole units of the payment asset.
pub const DEFAULT_TIER_UNITS: [u64; 5] = [200, 100, 50, 14, 8];
/// Most ranks `pay_leaderboard` pays.
pub const MAX_WINNERS: u64 = 100;
/// Last rank of each tier: #1, #2–5, #6–15, #16–50, #51–100.
pub const TIER_LAST_RANKS: [u64; 5] = [1, 5, 15, 50, 100];
/// Default per-user payout of each tier, 6-decimal base units (200, 100, 50, 14, 8).
pub const DEFAULT_TIER_AMOUNTS: [u64; 5] =
    [200_000_000, 100_000_000, 50_000_000, 14_000_000, 8_000_000];

/// The `credit_value` the campaign uses until the admin sets one: one whole
/// unit of the payment asset (`unit` = `10^decimals`).
pub fn default_credit_value(unit: u64) -> u64 {
    unit
}

/// The tier amounts the campaign uses until the admin sets them:
/// [`DEFAULT_TIER_UNITS`] whole units of the payment asset.
pub fn default_tier_amounts(unit: u64) -> [u64; 5] {
    DEFAULT_TIER_UNITS.map(|u| u.saturating_mul(unit))
}

/// Puts `user`, whose total just grew to `total` points (points only grow),
/// at its place on the on-chain leaderboard (Move: `campaign::rerank`):
/// behind everyone with at least as many points, so the first to reach a
/// total keeps the better rank; at most [`MAX_WINNERS`] stay. `points_of`
/// gives the others' totals.
pub fn rerank(
    leaders: &mut Vec<AccountAddress>,
    points_of: impl Fn(&AccountAddress) -> u64,
    user: AccountAddress,
    total: u64,
) {
    let mut at = match leaders.iter().position(|a| *a == user) {
        Some(i) => {
            leaders.remove(i);
            i
        }
        None => {
            let full = leaders.len() as u64 == MAX_WINNERS;
            if full && leaders.last().is_some_and(|last| points_of(last) >= total) {
                return;
            }
            leaders.len()
        }
    };
    while at > 0 && points_of(&leaders[at - 1]) < total {
        at -= 1;
    }
    leaders.insert(at, user);
    leaders.truncate(MAX_WINNERS as usize);
}

/// Points of each row of the check-in table, in whole points (days 4, 8, …,
/// 28 give a credit instead).
const TABLE_POINTS: [u64; 30] = [
    1, 2, 3, 0, 2, 3, 4, 0, 3, 4, 5, 0, 4, 5, 6, 0, 5, 6, 7, 0, 6, 7, 8, 0, 7, 8, 9, 0, 9, 10,
];

/// Where a participant's points come from (the leaderboard's columns).
/// `CheckIn` and `Social` are the `source` codes of `ReferralPointsEarned`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum PointSource {
    /// Daily check-ins (`CheckedIn`).
    CheckIn = 0,
    /// Social tasks (`SocialTaskGranted`).
    Social = 1,
    /// 10 % of the referees' points (`ReferralPointsEarned` on chain, plus the
    /// share of the referees' protocol points the indexer computes).
    Referral = 2,
    /// Creator render points (`render_points` of the jobs it paid for).
    Creator = 3,
    /// Worker render points (`render_points` of the jobs it was paid for).
    WorkerRender = 4,
    /// Worker online-but-idle points (`idle_points`).
    WorkerOnline = 5,
}

impl PointSource {
    /// Every source, in code order.
    pub const ALL: [PointSource; 6] = [
        PointSource::CheckIn,
        PointSource::Social,
        PointSource::Referral,
        PointSource::Creator,
        PointSource::WorkerRender,
        PointSource::WorkerOnline,
    ];

    /// Lower-case name, as the leaderboard API shows it.
    pub fn as_str(self) -> &'static str {
        match self {
            PointSource::CheckIn => "check_in",
            PointSource::Social => "social",
            PointSource::Referral => "referral",
            PointSource::Creator => "creator",
            PointSource::WorkerRender => "worker_render",
            PointSource::WorkerOnline => "worker_online",
        }
    }

    /// The source for a code, if it is one.
    pub fn from_code(code: u8) -> Option<Self> {
        Self::ALL.get(code as usize).copied()
    }

    /// Whether the referrer earns a share of points from this source (every
    /// source but referral itself: the share is one level deep).
    pub fn earns_referral(self) -> bool {
        self != PointSource::Referral
    }
}

/// The check-in reward of table row `cycle_day` (1..=30): `(micro-points,
/// credits)`; `(0, 0)` outside (Move: `campaign::day_reward`).
pub fn day_reward(cycle_day: u64) -> (u64, u64) {
    if cycle_day == 0 || cycle_day > CYCLE_DAYS {
        return (0, 0);
    }
    let points = TABLE_POINTS[(cycle_day - 1) as usize] * POINT;
    (points, u64::from(cycle_day.is_multiple_of(4)))
}

/// The streak after a check-in on UTC day `today`: `streak + 1` when the
/// previous check-in was on `today − 1`, else 1 (Move: `campaign::next_streak`).
pub fn next_streak(checked_in_before: bool, last_day: u64, streak: u64, today: u64) -> u64 {
    if checked_in_before && last_day.checked_add(1) == Some(today) {
        streak.saturating_add(1)
    } else {
        1
    }
}

/// The table row of a streak: `(streak − 1) mod 30 + 1`, 0 for 0 (Move:
/// `campaign::cycle_day_of`).
pub fn cycle_day_of(streak: u64) -> u64 {
    if streak == 0 {
        0
    } else {
        (streak - 1) % CYCLE_DAYS + 1
    }
}

/// The UTC day of a timestamp.
pub fn utc_day(ts: u64) -> u64 {
    ts / DAY_SECS
}

/// The referrer's share: `floor(points × 1 000 / 10 000)` (Move:
/// `campaign::referral_share`).
pub fn referral_share(points: u64) -> u64 {
    sat(points as u128 * REFERRAL_BPS as u128 / BPS)
}

/// Render points of a valid job (a `JobCompleted` or `DisputeResolved` with
/// `frames_paid ≥ 1`) for its creator and for its worker: the render cost in
/// credits × 2.2, `floor(gross × 2 200 000 / credit_value)` micro-points.
/// `credit_value = 0` gives 0.
pub fn render_points(gross: u64, credit_value: u64) -> u64 {
    if credit_value == 0 {
        return 0;
    }
    sat(gross as u128 * RENDER_POINTS_PER_CREDIT as u128 / credit_value as u128)
}

/// Online-but-idle seconds of an epoch: `online_secs − lease_secs`, 0 when
/// the worker leased more than it was reported online.
pub fn idle_secs(online_secs: u64, lease_secs: u64) -> u64 {
    online_secs.saturating_sub(lease_secs)
}

/// Online points of `idle_secs` at `score` (Move: `campaign::online_points`):
/// `floor(idle_secs × score / 86 400)` micro-points.
pub fn online_points(idle_secs: u64, score: u64) -> u64 {
    sat(idle_secs as u128 * score as u128 / SECS_PER_DAY)
}

/// Worker points for online-but-idle time, Pictor's `O × P / 24`:
/// `floor(idle_secs(online_secs, lease_secs) × score / 86 400)` micro-points,
/// `score` in micro-units (see [`super::worker_points`]).
pub fn idle_points(online_secs: u64, lease_secs: u64, score: u64) -> u64 {
    online_points(idle_secs(online_secs, lease_secs), score)
}

/// The tier of `rank`: 0 for #1, 1 for #2–5, 2 for #6–15, 3 for #16–50, 4
/// for #51–100, `None` otherwise (Move: `campaign::tier_of_rank`, which
/// returns 5 for none).
pub fn tier_of_rank(rank: u64) -> Option<usize> {
    if rank == 0 {
        return None;
    }
    TIER_LAST_RANKS.iter().position(|&last| rank <= last)
}

/// The payout of `rank` under per-user tier amounts; 0 without a tier
/// (Move: `campaign::rank_payout`).
pub fn rank_payout(tier_amounts: &[u64; 5], rank: u64) -> u64 {
    tier_of_rank(rank).map_or(0, |t| tier_amounts[t])
}

/// Sum of `rank_payout` over ranks `1..=min(winners, 100)`, saturating
/// (Move: `campaign::payout_total`).
pub fn payout_total(tier_amounts: &[u64; 5], winners: u64) -> u64 {
    tier_totals(tier_amounts, winners)
        .iter()
        .fold(0u64, |a, &t| a.saturating_add(t))
}

/// What each tier pays in total for a ranking of `winners` addresses.
/// With the defaults and 100 winners: 200, 400, 500, 490, 400 units (the
/// seed's "$500" for #16–50 is 35 × 14 = 490: the per-user amount rules).
pub fn tier_totals(tier_amounts: &[u64; 5], winners: u64) -> [u64; 5] {
    let winners = winners.min(MAX_WINNERS);
    let mut out = [0u64; 5];
    let mut first = 1u64;
    for (t, &last) in TIER_LAST_RANKS.iter().enumerate() {
        let paid = winners.min(last).saturating_sub(first - 1);
        out[t] = tier_amounts[t].saturating_mul(paid);
        first = last + 1;
    }
    out
}

/// A participant's points by source, in micro-points.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PointsBySource {
    /// Daily check-ins.
    pub check_in: u64,
    /// Social tasks.
    pub social: u64,
    /// Referral shares (on chain and of the referees' protocol points).
    pub referral: u64,
    /// Creator render points.
    pub creator: u64,
    /// Worker render points.
    pub worker_render: u64,
    /// Worker online-but-idle points.
    pub worker_online: u64,
}

impl PointsBySource {
    /// The points of one source.
    pub fn get(&self, source: PointSource) -> u64 {
        match source {
            PointSource::CheckIn => self.check_in,
            PointSource::Social => self.social,
            PointSource::Referral => self.referral,
            PointSource::Creator => self.creator,
            PointSource::WorkerRender => self.worker_render,
            PointSource::WorkerOnline => self.worker_online,
        }
    }

    /// Adds `points` to one source, saturating.
    pub fn add(&mut self, source: PointSource, points: u64) {
        let slot = match source {
            PointSource::CheckIn => &mut self.check_in,
            PointSource::Social => &mut self.social,
            PointSource::Referral => &mut self.referral,
            PointSource::Creator => &mut self.creator,
            PointSource::WorkerRender => &mut self.worker_render,
            PointSource::WorkerOnline => &mut self.worker_online,
        };
        *slot = slot.saturating_add(points);
    }

    /// The sum of every source, saturating.
    pub fn total(&self) -> u64 {
        PointSource::ALL
            .iter()
            .fold(0u64, |a, &s| a.saturating_add(self.get(s)))
    }
}

/// One row of the leaderboard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeaderboardRow {
    /// 1-based rank.
    pub rank: u64,
    /// The participant.
    pub address: AccountAddress,
    /// Points by source.
    pub points: PointsBySource,
    /// `points.total()`.
    pub total: u64,
    /// What the payout would pay this rank now (0 past rank 100).
    pub payout: u64,
}

/// When a participant's total last grew: `(version, event index)` of the
/// event. Among equal totals, who got there first ranks first.
pub type Reached = (u64, u64);

/// Ranks participants as the contract keeps its leaderboard (see [`rerank`]):
/// total points descending, ties by when the total was reached, then by
/// address. Participants with 0 points are left out. Each row carries the
/// payout its rank gets under `tier_amounts` (ranks past 100 get 0). The
/// first 100 rows are `campaign::leaders()`.
pub fn leaderboard(
    entries: impl IntoIterator<Item = (AccountAddress, PointsBySource, Reached)>,
    tier_amounts: &[u64; 5],
) -> Vec<LeaderboardRow> {
    let mut rows: Vec<(AccountAddress, PointsBySource, u64, Reached)> = entries
        .into_iter()
        .map(|(a, p, at)| (a, p, p.total(), at))
        .filter(|(_, _, t, _)| *t > 0)
        .collect();
    rows.sort_by(|a, b| b.2.cmp(&a.2).then(a.3.cmp(&b.3)).then(a.0.cmp(&b.0)));
    rows.into_iter()
        .enumerate()
        .map(|(i, (address, points, total, _))| {
            let rank = i as u64 + 1;
            LeaderboardRow {
                rank,
                address,
                points,
                total,
                payout: rank_payout(tier_amounts, rank),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    #[test]
    fn a_cycle_gives_124_points_and_7_credits() {
        let (p, c) = (1..=CYCLE_DAYS)
            .map(day_reward)
            .fold((0, 0), |(p, c), (dp, dc)| (p + dp, c + dc));
        assert_eq!((p, c), (124 * POINT, 7));
        // Every day gives points or a credit, never both.
        assert!((1..=CYCLE_DAYS).all(|d| {
            let (p, c) = day_reward(d);
            (p == 0) != (c == 0)
        }));
        assert_eq!(day_reward(0), (0, 0));
        assert_eq!(day_reward(31), (0, 0));
    }

    #[test]
    fn streak_wraps_and_restarts() {
        assert_eq!(next_streak(false, 0, 0, 10), 1);
        assert_eq!(next_streak(true, 9, 4, 10), 5);
        assert_eq!(next_streak(true, 8, 4, 10), 1);
        assert_eq!(next_streak(true, u64::MAX, 4, 0), 1);
        assert_eq!(cycle_day_of(30), 30);
        assert_eq!(cycle_day_of(31), 1);
        assert_eq!(cycle_day_of(0), 0);
    }

    #[test]
    fn seed_tiers() {
        assert_eq!(
            tier_totals(&DEFAULT_TIER_AMOUNTS, 100),
            [
                200_000_000,
                400_000_000,
                500_000_000,
                490_000_000,
                400_000_000
            ]
        );
        assert_eq!(payout_total(&DEFAULT_TIER_AMOUNTS, 100), 1_990_000_000);
        assert_eq!(payout_total(&DEFAULT_TIER_AMOUNTS, 1_000), 1_990_000_000);
        assert_eq!(payout_total(&DEFAULT_TIER_AMOUNTS, 6), 650_000_000);
        assert_eq!(payout_total(&DEFAULT_TIER_AMOUNTS, 7), 700_000_000);
        assert_eq!(tier_of_rank(0), None);
        assert_eq!(tier_of_rank(101), None);
        assert_eq!(rank_payout(&DEFAULT_TIER_AMOUNTS, 16), 14_000_000);
        // The total always equals the sum of the ranks' payouts.
        for n in 0..=101 {
            let by_rank: u64 = (1..=n).map(|r| rank_payout(&DEFAULT_TIER_AMOUNTS, r)).sum();
            assert_eq!(payout_total(&DEFAULT_TIER_AMOUNTS, n), by_rank, "{n}");
        }
    }

    #[test]
    fn leaderboard_orders_by_total_then_arrival() {
        let a = |n: u8| AccountAddress::new([n; 32]);
        let with = |source, p| {
            let mut x = PointsBySource::default();
            x.add(source, p);
            x
        };
        let entries = vec![
            (a(9), with(PointSource::CheckIn, 3 * POINT), (5, 0)),
            (a(2), with(PointSource::CheckIn, 3 * POINT), (7, 1)),
            (a(5), with(PointSource::WorkerOnline, 3_279_301), (9, 0)),
            (a(7), PointsBySource::default(), (1, 0)),
        ];
        let rows = leaderboard(entries, &DEFAULT_TIER_AMOUNTS);
        let order: Vec<_> = rows.iter().map(|r| (r.rank, r.address, r.payout)).collect();
        assert_eq!(
            order,
            vec![
                (1, a(5), 200_000_000),
                (2, a(9), 100_000_000),
                (3, a(2), 100_000_000)
            ]
        );
        assert_eq!(rows[0].total, 3_279_301);
    }

    #[test]
    fn the_kept_board_is_the_sorted_board() {
        // Points only grow; the board kept by `rerank` as they do is the top
        // of `leaderboard` over the same history.
        let a = |n: u64| {
            AccountAddress::new({
                let mut b = [0u8; 32];
                b[24..].copy_from_slice(&n.to_be_bytes());
                b
            })
        };
        let mut totals: BTreeMap<AccountAddress, (u64, Reached)> = BTreeMap::new();
        let mut board = vec![];
        let mut x = 7u64;
        for step in 0..3_000u64 {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let user = a((x >> 33) % 150);
            let points = (x >> 20) % 4;
            if points == 0 {
                continue;
            }
            let t = totals.entry(user).or_insert((0, (0, 0)));
            t.0 += points;
            t.1 = (step, 0);
            let total = t.0;
            let snapshot = totals.clone();
            rerank(
                &mut board,
                |u| snapshot.get(u).map_or(0, |t| t.0),
                user,
                total,
            );
        }
        let sorted = leaderboard(
            totals.iter().map(|(u, (t, at))| {
                (
                    *u,
                    PointsBySource {
                        check_in: *t,
                        ..Default::default()
                    },
                    *at,
                )
            }),
            &DEFAULT_TIER_AMOUNTS,
        );
        let top: Vec<AccountAddress> = sorted.iter().take(100).map(|r| r.address).collect();
        assert_eq!(board, top);
    }

    #[test]
    fn protocol_points() {
        // 10 credits of render cost: 22 points.
        assert_eq!(render_points(10_000_000, DEFAULT_CREDIT_VALUE), 22 * POINT);
        assert_eq!(render_points(1, DEFAULT_CREDIT_VALUE), 2);
        assert_eq!(render_points(1, 0), 0);
        // The seed's worked example: 6 h idle, P = 2.4294 + 10.6878.
        assert_eq!(idle_points(21_600, 0, 13_117_200), 3_279_300);
        assert_eq!(idle_points(25_200, 3_600, 13_117_200), 3_279_300);
        assert_eq!(idle_points(3_600, 7_200, 13_117_200), 0);
        assert_eq!(referral_share(3_279_300), 327_930);
        assert_eq!(PointSource::from_code(5), Some(PointSource::WorkerOnline));
        assert_eq!(PointSource::from_code(6), None);
        assert!(!PointSource::Referral.earns_referral());
    }
}
