//! The testnet campaign (Move: `campaign`, rules in `move/README.md`,
//! "Testnet campaign"): the check-in table, streaks, referral shares, the
//! points the indexer derives from escrow and rewards events, the payout
//! tiers, and a leaderboard builder with its payout preview.
//!
//! Points are micro-points ([`POINT`] = 1 000 000 per point) everywhere;
//! every share rounds down. Credits and payouts are base units of the
//! payment asset.

use std::collections::{BTreeMap, BTreeSet};

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
/// Default `credit_value`: base units per credit (one unit of a 6-decimal asset).
pub const DEFAULT_CREDIT_VALUE: u64 = 1_000_000;
/// Most ranks `pay_leaderboard` pays.
pub const MAX_WINNERS: u64 = 100;
/// Last rank of each tier: #1, #2–5, #6–15, #16–50, #51–100.
pub const TIER_LAST_RANKS: [u64; 5] = [1, 5, 15, 50, 100];
/// Default per-user payout of each tier, 6-decimal base units (200, 100, 50, 14, 8).
pub const DEFAULT_TIER_AMOUNTS: [u64; 5] =
    [200_000_000, 100_000_000, 50_000_000, 14_000_000, 8_000_000];

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

/// Worker points for online-but-idle time, Pictor's `O × P / 24`:
/// `floor(idle_secs(online_secs, lease_secs) × score / 86 400)` micro-points,
/// `score` in micro-units (see [`super::worker_points`]).
pub fn idle_points(online_secs: u64, lease_secs: u64, score: u64) -> u64 {
    sat(idle_secs(online_secs, lease_secs) as u128 * score as u128 / SECS_PER_DAY)
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

/// Why `pay_leaderboard` would reject a ranking (the Move abort it maps to).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RankingError {
    /// `ELengthMismatch`.
    #[error("{winners} winners but {points} point totals")]
    LengthMismatch {
        /// Number of addresses.
        winners: usize,
        /// Number of point totals.
        points: usize,
    },
    /// `EBadRankingSize`.
    #[error("a ranking holds 1 to 100 addresses, got {0}")]
    BadSize(usize),
    /// `EDuplicateWinner`.
    #[error("address {address} appears twice (rank {rank})")]
    Duplicate {
        /// The repeated address.
        address: AccountAddress,
        /// The rank of its second appearance.
        rank: u64,
    },
    /// `ERankingNotOrdered`.
    #[error("rank {rank} has more points than rank {}", rank - 1)]
    NotOrdered {
        /// The first rank whose points exceed the previous rank's.
        rank: u64,
    },
    /// `EPointsBelowRecorded`.
    #[error("rank {rank} ({address}) has {points} points, below the {recorded} recorded on chain")]
    BelowRecorded {
        /// The rank.
        rank: u64,
        /// The address.
        address: AccountAddress,
        /// The submitted points.
        points: u64,
        /// `UserInfo.total_points` on chain.
        recorded: u64,
    },
    /// `EInsufficientPool`.
    #[error("the payout of {total} exceeds the pool of {pool}")]
    InsufficientPool {
        /// What the ranking would pay.
        total: u64,
        /// What the pool holds.
        pool: u64,
    },
}

/// Checks a ranking the way `pay_leaderboard` does, before sending it:
/// `recorded(address)` is the on-chain `total_points` (check-in + social +
/// on-chain referral). Returns the total payout.
pub fn check_ranking(
    winners: &[AccountAddress],
    points: &[u64],
    recorded: impl Fn(&AccountAddress) -> u64,
    tier_amounts: &[u64; 5],
    pool: u64,
) -> Result<u64, RankingError> {
    if winners.len() != points.len() {
        return Err(RankingError::LengthMismatch {
            winners: winners.len(),
            points: points.len(),
        });
    }
    if winners.is_empty() || winners.len() as u64 > MAX_WINNERS {
        return Err(RankingError::BadSize(winners.len()));
    }
    let mut seen = BTreeSet::new();
    for (i, (address, &p)) in winners.iter().zip(points).enumerate() {
        let rank = i as u64 + 1;
        if !seen.insert(*address) {
            return Err(RankingError::Duplicate {
                address: *address,
                rank,
            });
        }
        if i > 0 && p > points[i - 1] {
            return Err(RankingError::NotOrdered { rank });
        }
        let rec = recorded(address);
        if p < rec {
            return Err(RankingError::BelowRecorded {
                rank,
                address: *address,
                points: p,
                recorded: rec,
            });
        }
    }
    let total = payout_total(tier_amounts, winners.len() as u64);
    if total > pool {
        return Err(RankingError::InsufficientPool { total, pool });
    }
    Ok(total)
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

    /// The part `campaign::UserInfo.total_points` records on chain:
    /// check-in + social + the referral shares of those (`onchain_referral`,
    /// the sum of this address's `ReferralPointsEarned.points`).
    pub fn onchain_total(&self, onchain_referral: u64) -> u64 {
        self.check_in
            .saturating_add(self.social)
            .saturating_add(onchain_referral)
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

/// Ranks participants: total points descending, ties by address ascending
/// (a deterministic order the operator can submit as is: `pay_leaderboard`
/// keeps the submitted order of ties). Participants with 0 points are left
/// out. Each row carries the payout its rank would get under `tier_amounts`.
pub fn leaderboard(
    points: &BTreeMap<AccountAddress, PointsBySource>,
    tier_amounts: &[u64; 5],
) -> Vec<LeaderboardRow> {
    let mut rows: Vec<(AccountAddress, PointsBySource, u64)> = points
        .iter()
        .map(|(a, p)| (*a, *p, p.total()))
        .filter(|(_, _, t)| *t > 0)
        .collect();
    rows.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    rows.into_iter()
        .enumerate()
        .map(|(i, (address, points, total))| {
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

/// The `pay_leaderboard` arguments for the top of a leaderboard: at most
/// 100 `(winners, points)`.
pub fn ranking_args(rows: &[LeaderboardRow]) -> (Vec<AccountAddress>, Vec<u64>) {
    rows.iter()
        .take(MAX_WINNERS as usize)
        .map(|r| (r.address, r.total))
        .unzip()
}

#[cfg(test)]
mod tests {
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
    fn ranking_checks_match_the_module() {
        let a = |n: u8| AccountAddress::new([n; 32]);
        let none = |_: &AccountAddress| 0;
        let t = &DEFAULT_TIER_AMOUNTS;
        assert_eq!(
            check_ranking(&[a(1), a(2)], &[5, 5], none, t, 300_000_000),
            Ok(300_000_000)
        );
        assert_eq!(
            check_ranking(&[a(1)], &[], none, t, u64::MAX),
            Err(RankingError::LengthMismatch {
                winners: 1,
                points: 0
            })
        );
        assert_eq!(
            check_ranking(&[], &[], none, t, u64::MAX),
            Err(RankingError::BadSize(0))
        );
        let many: Vec<_> = (0..101u8).map(a).collect();
        assert_eq!(
            check_ranking(&many, &[0; 101], none, t, u64::MAX),
            Err(RankingError::BadSize(101))
        );
        assert_eq!(
            check_ranking(&[a(1), a(2), a(1)], &[3, 2, 1], none, t, u64::MAX),
            Err(RankingError::Duplicate {
                address: a(1),
                rank: 3
            })
        );
        assert_eq!(
            check_ranking(&[a(1), a(2)], &[1, 2], none, t, u64::MAX),
            Err(RankingError::NotOrdered { rank: 2 })
        );
        let err = check_ranking(
            &[a(1), a(2)],
            &[9, 4],
            |x| u64::from(x == &a(2)) * 5,
            t,
            u64::MAX,
        )
        .unwrap_err();
        assert!(matches!(
            err,
            RankingError::BelowRecorded {
                rank: 2,
                recorded: 5,
                ..
            }
        ));
        assert!(err.to_string().contains("below the 5 recorded"), "{err}");
        assert_eq!(
            check_ranking(&[a(1)], &[1], none, t, 199_999_999),
            Err(RankingError::InsufficientPool {
                total: 200_000_000,
                pool: 199_999_999
            })
        );
    }

    #[test]
    fn leaderboard_orders_by_total_then_address() {
        let a = |n: u8| AccountAddress::new([n; 32]);
        let mut m = BTreeMap::new();
        let mut p = PointsBySource::default();
        p.add(PointSource::CheckIn, 3 * POINT);
        m.insert(a(9), p);
        m.insert(a(2), p);
        let mut q = PointsBySource::default();
        q.add(PointSource::WorkerOnline, 3_279_300);
        q.add(PointSource::Referral, 1);
        m.insert(a(5), q);
        m.insert(a(7), PointsBySource::default());
        let rows = leaderboard(&m, &DEFAULT_TIER_AMOUNTS);
        let order: Vec<_> = rows.iter().map(|r| (r.rank, r.address, r.payout)).collect();
        assert_eq!(
            order,
            vec![
                (1, a(5), 200_000_000),
                (2, a(2), 100_000_000),
                (3, a(9), 100_000_000)
            ]
        );
        assert_eq!(rows[0].total, 3_279_301);
        let (w, pts) = ranking_args(&rows);
        assert_eq!(w, vec![a(5), a(2), a(9)]);
        assert_eq!(pts, vec![3_279_301, 3 * POINT, 3 * POINT]);
        assert_eq!(
            check_ranking(&w, &pts, |_| 0, &DEFAULT_TIER_AMOUNTS, u64::MAX),
            Ok(400_000_000)
        );
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
