//! The protocol's formulas, with the rounding the Move code uses.
//!
//! Products are taken wide (`u128`, or checked so that an overflow
//! saturates) and divided last. Rounding favours the protocol's solvency:
//! payouts round down, minimums round up. Each function names its Move twin;
//! `tests/vectors/*.json` holds the shared cases that both sides assert.

pub mod campaign;

/// Minutes in a staking epoch (`E` of Inferix: 72 h × 60).
pub const STAKE_EPOCH_MINUTES: u128 = 4_320;
/// Score micro-units per benchmark unit (1.0 IB = 1 000 000).
pub const SCORE_UNIT: u128 = 1_000_000;
/// Basis points in 100 %.
pub const BPS: u128 = 10_000;
/// Seconds per hour.
pub const SECS_PER_HOUR: u128 = 3_600;
/// Seconds per day (Pictor's `/ 24` of worker points, in seconds).
pub const SECS_PER_DAY: u128 = 86_400;
/// Priority bonus of a VIP pass holder.
pub const VIP_BONUS: u128 = 100;
/// Length of a creator's spending "month" (30 days).
pub const MONTH_SECS: u64 = 2_592_000;

fn sat(v: u128) -> u64 {
    u64::try_from(v).unwrap_or(u64::MAX)
}

/// Minimum stake `S(n) = stake_factor × E × IB(n) × P(n)` where
/// `P(n) = price_per_ib_hour / 60` is the price per IB-minute:
/// `ceil(stake_factor × 4320 × score × price_per_ib_hour / (60 × 1 000 000))`.
///
/// `score` is in micro-units, `price_per_ib_hour` in base units of the payment
/// asset per IB-hour. Rounded up. Saturates at `u64::MAX` (Move:
/// `staking::compute_min_stake`, which takes the product in `u256`).
pub fn min_stake(stake_factor: u64, score: u64, price_per_ib_hour: u64) -> u64 {
    let num = (stake_factor as u128)
        .checked_mul(STAKE_EPOCH_MINUTES)
        .and_then(|x| x.checked_mul(score as u128))
        .and_then(|x| x.checked_mul(price_per_ib_hour as u128));
    // A product past u128 divided by 6e7 is far past u64::MAX.
    num.map_or(u64::MAX, |n| sat(n.div_ceil(60 * SCORE_UNIT)))
}

/// `S(n)` as eligibility uses it: [`min_stake`] with the declared price raised
/// to the protocol's floor `min_price_per_ib_hour` (Move: `staking::min_stake`).
pub fn min_stake_floored(
    stake_factor: u64,
    score: u64,
    price_per_ib_hour: u64,
    min_price_per_ib_hour: u64,
) -> u64 {
    min_stake(
        stake_factor,
        score,
        price_per_ib_hour.max(min_price_per_ib_hour),
    )
}

/// A job's collateral, locked at assignment and slashed by `reclaim` (Move:
/// `staking::collateral_for`): `min(floor(stake × slash_bps / 10 000),
/// floor(job_value × slash_cap_bps / 10 000))`, `stake` the worker's bonded
/// stake at assignment, `job_value = frames × price_per_frame`.
pub fn collateral(stake: u64, job_value: u64, slash_bps: u64, slash_cap_bps: u64) -> u64 {
    let by_stake = stake as u128 * slash_bps as u128 / BPS;
    let by_value = job_value as u128 * slash_cap_bps as u128 / BPS;
    sat(by_stake.min(by_value))
}

/// The shortest rerender a job allows (`JobTerms.min_rerender_secs`): the
/// protocol's `min_rerender_secs`, but never less than the first assignment
/// gave (`render_deadline − assigned_at`).
pub fn min_rerender_secs(param: u64, assignment_secs: u64) -> u64 {
    param.max(assignment_secs)
}

/// Where a dispute was opened, and by whom: what its timeout pays.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DisputeOpening {
    /// The creator disputed a submission in its review window.
    Submission,
    /// The worker disputed a partial acceptance of `frames_accepted` frames.
    PartialAcceptance {
        /// The creator's offer.
        frames_accepted: u64,
    },
    /// A rerender round missed its deadline; `by_creator` tells who opened it.
    MissedRerender {
        /// Whether the creator (rather than the worker) opened it.
        by_creator: bool,
        /// Frames the rerender request asked for.
        rerender_frames: u64,
    },
}

/// `JobDisputed.timeout_frames`: what a dispute pays when its timeout passes
/// without a ruling, always the position of the side that did not open it
/// (Move: `escrow::dispute`).
pub fn timeout_frames(frames_done: u64, opening: DisputeOpening) -> u64 {
    match opening {
        DisputeOpening::Submission => frames_done,
        DisputeOpening::PartialAcceptance { frames_accepted } => frames_accepted,
        DisputeOpening::MissedRerender {
            by_creator: true, ..
        } => frames_done,
        DisputeOpening::MissedRerender {
            by_creator: false,
            rerender_frames,
        } => frames_done.saturating_sub(rerender_frames),
    }
}

/// The money moved when a job pays `frames` at `price_per_frame`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Payout {
    /// `frames × price_per_frame`.
    pub gross: u64,
    /// `floor(gross × worker_commission_bps / 10 000)`, to the worker.
    pub worker_amount: u64,
    /// `gross − worker_amount`, to the treasury.
    pub fee: u64,
    /// The rest of the job's balance, back to the creator.
    pub refund: u64,
}

/// The worker/treasury split of `gross` (Move: `escrow::split_payout`):
/// `(floor(gross × bps / 10 000), gross − that)`.
pub fn split_payout(gross: u64, worker_commission_bps: u64) -> (u64, u64) {
    let worker = sat(gross as u128 * worker_commission_bps.min(10_000) as u128 / BPS);
    (worker, gross - worker)
}

/// The full settlement of a job holding `balance`: `None` when
/// `frames × price_per_frame` overflows or exceeds the balance (the contract
/// never lets that happen: the deposit is `frames × max_price_per_frame`).
pub fn payout(
    frames: u64,
    price_per_frame: u64,
    worker_commission_bps: u64,
    balance: u64,
) -> Option<Payout> {
    let gross = frames.checked_mul(price_per_frame)?;
    let refund = balance.checked_sub(gross)?;
    let (worker_amount, fee) = split_payout(gross, worker_commission_bps);
    Some(Payout {
        gross,
        worker_amount,
        fee,
        refund,
    })
}

/// The deposit `create_job` takes: `frames × max_price_per_frame` (`None` on
/// overflow, where the contract aborts).
pub fn deposit(frames: u64, max_price_per_frame: u64) -> Option<u64> {
    frames.checked_mul(max_price_per_frame)
}

/// The epoch containing `ts`: `floor(ts / epoch_secs)` (Move:
/// `rewards::epoch_of`). `epoch_secs` is never 0 on chain; 0 gives 0 here.
pub fn epoch_of(ts: u64, epoch_secs: u64) -> u64 {
    ts.checked_div(epoch_secs).unwrap_or(0)
}

/// PoC/PoD split of an epoch's pool (Move: `rewards::split_pool`):
/// `pod_pool = floor(pool × pod_share_bps / 10 000)`, `poc_pool = pool − pod_pool`.
/// Returns `(poc_pool, pod_pool)`.
pub fn split_pool(pool: u64, pod_share_bps: u64) -> (u64, u64) {
    let pod = sat(pool as u128 * pod_share_bps.min(10_000) as u128 / BPS);
    (pool - pod, pod)
}

/// The `k`-th largest of `values` (Move: `attestation::kth_largest`): at
/// least `k` of them are at least this much. With `k = attester_threshold`,
/// fewer than `k` dishonest attesters cannot move it outside the honest
/// values; it is an attested score and a worker's uptime. 0 when `k` is 0 or
/// above the number of values (where Move aborts).
pub fn kth_largest(values: &[u64], k: u64) -> u64 {
    let mut sorted = values.to_vec();
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    match (k as usize).checked_sub(1) {
        Some(i) => sorted.get(i).copied().unwrap_or(0),
        None => 0,
    }
}

/// PoC weight `score × online_secs` (Inferix `InferixBench × UpTime`).
pub fn poc_weight(score: u64, online_secs: u64) -> u128 {
    score as u128 * online_secs as u128
}

/// PoD weight `score × lease_secs` (Inferix `InferixBench × LeaseTime`).
pub fn pod_weight(score: u64, lease_secs: u64) -> u128 {
    score as u128 * lease_secs as u128
}

/// The part of a job's protocol `fee` paid into the current epoch's reward
/// pool (Move: `rewards::fee_to_pool`): `floor(fee × pool_fee_share_bps /
/// 10 000)`; the treasury gets the rest.
pub fn fee_to_pool(fee: u64, pool_fee_share_bps: u64) -> u64 {
    sat(fee as u128 * pool_fee_share_bps.min(10_000) as u128 / BPS)
}

/// Lease seconds a paid job adds to a worker holding `recorded` seconds in
/// the epoch (Move: `rewards::lease_credit`): `min(lease_secs, epoch_secs −
/// recorded)`, so one worker earns at most one epoch of lease per epoch
/// however many jobs it runs at once or however long they were leased.
pub fn lease_credit(recorded: u64, lease_secs: u64, epoch_secs: u64) -> u64 {
    lease_secs.min(epoch_secs.saturating_sub(recorded))
}

/// A paid job's lease cut into epochs (Move: `rewards::lease_parts`): its
/// credited lease `min(lease_secs, max_job_lease_secs)` taken as the interval
/// ending at `end` (the job's last submission, starting no earlier than 0) and
/// cut at multiples of `epoch_secs`, as `(epoch, seconds)` parts, oldest first;
/// none for 0 seconds. `rewards::record_lease` records each part in its epoch
/// while that epoch is open and the rest in the epoch of payment, each within
/// [`lease_credit`].
pub fn lease_parts(
    end: u64,
    lease_secs: u64,
    max_job_lease_secs: u64,
    epoch_secs: u64,
) -> Vec<(u64, u64)> {
    let mut start = end.saturating_sub(lease_secs.min(max_job_lease_secs));
    let mut parts = vec![];
    if epoch_secs == 0 {
        return parts;
    }
    while start < end {
        let part = (end - start).min(epoch_secs - start % epoch_secs);
        parts.push((start / epoch_secs, part));
        start += part;
    }
    parts
}

/// One side's share (Move: `rewards::share`): `floor(side_pool × weight /
/// total_weight)`, 0 when `total_weight` is 0. Exact even where the product
/// passes `u128` (where Move would abort); saturates at `u64::MAX`.
pub fn share(side_pool: u64, weight: u128, total_weight: u128) -> u64 {
    if total_weight == 0 {
        return 0;
    }
    match (side_pool as u128).checked_mul(weight) {
        Some(p) => sat(p / total_weight),
        None => sat(mul_div_wide(side_pool, weight, total_weight)),
    }
}

/// `floor(a × b / c)` through a 256-bit product, saturating at `u128::MAX`.
fn mul_div_wide(a: u64, b: u128, c: u128) -> u128 {
    const LOW: u128 = u64::MAX as u128;
    let (a, b0, b1) = (a as u128, b & LOW, b >> 64);
    // a × b = a × b1 × 2^64 + a × b0, each partial product < 2^128.
    let (p0, p1) = (a * b0, a * b1);
    let (lo, carry) = p0.overflowing_add(p1 << 64);
    let hi = (p1 >> 64) + carry as u128;
    // Shift-subtract division of (hi, lo) by c.
    let (mut rem, mut q) = (0u128, 0u128);
    for i in (0..256).rev() {
        let bit = if i >= 128 {
            (hi >> (i - 128)) & 1
        } else {
            (lo >> i) & 1
        };
        let overflow = rem >> 127 == 1;
        rem = (rem << 1) | bit;
        if overflow || rem >= c {
            rem = rem.wrapping_sub(c);
            if i >= 128 {
                return u128::MAX;
            }
            q |= 1 << i;
        }
    }
    q
}

/// A worker's reward for one epoch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reward {
    /// From the PoC pool.
    pub poc_amount: u64,
    /// From the PoD pool.
    pub pod_amount: u64,
    /// The sum.
    pub amount: u64,
}

/// `floor(poc_pool × poc_weight / total_poc) + floor(pod_pool × pod_weight / total_pod)`.
pub fn reward(
    poc_pool: u64,
    poc_weight: u128,
    total_poc_weight: u128,
    pod_pool: u64,
    pod_weight: u128,
    total_pod_weight: u128,
) -> Reward {
    let poc_amount = share(poc_pool, poc_weight, total_poc_weight);
    let pod_amount = share(pod_pool, pod_weight, total_pod_weight);
    Reward {
        poc_amount,
        pod_amount,
        amount: poc_amount.saturating_add(pod_amount),
    }
}

/// Creator VIP rule: total spend ≥ `vip_creator_spend`.
pub fn creator_vip_eligible(spent_total: u64, vip_creator_spend: u64) -> bool {
    spent_total >= vip_creator_spend
}

/// Whether an epoch with `online_secs` is a down day: below `down_day_secs`
/// (`vip_worker_down_day_secs`), and any epoch with no uptime at all.
pub fn is_down_day(online_secs: u64, down_day_secs: u64) -> bool {
    online_secs < down_day_secs || online_secs == 0
}

/// The longest run of down days (see [`is_down_day`]).
pub fn longest_downtime(online_secs: &[u64], down_day_secs: u64) -> u64 {
    let (mut run, mut longest) = (0u64, 0u64);
    for &s in online_secs {
        run = if is_down_day(s, down_day_secs) {
            run + 1
        } else {
            0
        };
        longest = longest.max(run);
    }
    longest
}

/// Worker VIP uptime rule over the per-epoch online seconds of the last
/// `vip_worker_days` epochs (Move: `vip::uptime_eligible`): non-empty, the
/// sum ≥ `min_avg_secs × days` (the average, without rounding) and no run
/// of down days longer than `max_down_days`.
pub fn worker_vip_eligible(
    online_secs: &[u64],
    min_avg_secs: u64,
    down_day_secs: u64,
    max_down_days: u64,
) -> bool {
    if online_secs.is_empty() {
        return false;
    }
    let total: u128 = online_secs.iter().map(|&s| s as u128).sum();
    total >= min_avg_secs as u128 * online_secs.len() as u128
        && longest_downtime(online_secs, down_day_secs) <= max_down_days
}

/// Creator priority (Move: `vip::creator_priority_of`):
/// `floor(spent_this_month / 10^decimals) + frames_succeeded + (100 if VIP)`,
/// capped at `u64::MAX`.
pub fn creator_priority(
    spent_this_month: u64,
    decimals: u8,
    frames_succeeded: u64,
    vip: bool,
) -> u64 {
    let unit = 10u128.checked_pow(decimals as u32).unwrap_or(u128::MAX);
    let mut total = spent_this_month as u128 / unit + frames_succeeded as u128;
    if vip {
        total += VIP_BONUS;
    }
    sat(total)
}

/// Worker priority (Move: `vip::worker_priority_of`, same argument order),
/// with `S` = online seconds summed over the last `days` epochs:
/// `floor(S / (3600 × days)) + 5 × frames_completed + floor(10 × S × score /
/// (3600 × 100 × 1 000 000)) + (100 if VIP) − 10 × jobs_failed`, saturating at
/// 0 and at `u64::MAX`. `days = 0` makes the average term 0.
pub fn worker_priority(
    online_secs_total: u64,
    days: u64,
    score: u64,
    frames_completed: u64,
    jobs_failed: u64,
    vip: bool,
) -> u64 {
    let s = online_secs_total as u128;
    let average_hours = if days == 0 {
        0
    } else {
        s / (SECS_PER_HOUR * days as u128)
    };
    let performance = (10 * s)
        .checked_mul(score as u128)
        .map_or(u128::MAX, |p| p / (SECS_PER_HOUR * 100 * SCORE_UNIT));
    let mut plus = average_hours
        .saturating_add(5 * frames_completed as u128)
        .saturating_add(performance);
    if vip {
        plus = plus.saturating_add(VIP_BONUS);
    }
    sat(plus.saturating_sub(10 * jobs_failed as u128))
}

/// Pictor worker points `O × P / 24` in micro-points:
/// `floor(online_secs × score / 86 400)`, where `score` is the sum of the
/// performance multipliers of the node's GPUs in micro-units.
/// 6 h with an RTX 3070 (2.4294) and an RTX 5090 (10.6878):
/// `worker_points(21 600, 13 117 200) = 3 279 300` (3.2793 points).
pub fn worker_points(online_secs: u64, score: u64) -> u64 {
    sat(online_secs as u128 * score as u128 / SECS_PER_DAY)
}

/// The spending month containing `ts` (`floor(ts / 2 592 000)`).
pub fn month_of(ts: u64) -> u64 {
    ts / MONTH_SECS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inferix_stake_example() {
        // 0.5 IB at 2 per hour: 72 with factor 1 (the seed's arithmetic), 144 with factor 2.
        assert_eq!(min_stake(1, 500_000, 2), 72);
        assert_eq!(min_stake(2, 500_000, 2), 144);
    }

    #[test]
    fn min_stake_rounds_up_and_saturates() {
        // 1 micro-IB at 1 per hour: 4320 / 60 / 1e6 = 0.000072 -> 1.
        assert_eq!(min_stake(1, 1, 1), 1);
        assert_eq!(min_stake(0, 1, 1), 0);
        assert_eq!(min_stake(u64::MAX, u64::MAX, u64::MAX), u64::MAX);
    }

    #[test]
    fn the_floor_price_raises_a_tiny_declared_price() {
        // 2.43 IB declaring 1 base unit per IB-hour: 350 without a floor, 34 992 000 at 0.1.
        assert_eq!(min_stake_floored(2, 2_430_000, 1, 0), 350);
        assert_eq!(min_stake_floored(2, 2_430_000, 1, 100_000), 34_992_000);
        assert_eq!(
            min_stake_floored(2, 2_430_000, 2_000_000, 100_000),
            699_840_000
        );
    }

    #[test]
    fn dispute_timeouts_pay_the_side_that_did_not_open() {
        use DisputeOpening::*;
        assert_eq!(timeout_frames(10, Submission), 10);
        let partial = PartialAcceptance { frames_accepted: 0 };
        assert_eq!(timeout_frames(10, partial), 0);
        let by_creator = MissedRerender {
            by_creator: true,
            rerender_frames: 3,
        };
        assert_eq!(timeout_frames(10, by_creator), 10);
        let by_worker = MissedRerender {
            by_creator: false,
            rerender_frames: 3,
        };
        assert_eq!(timeout_frames(10, by_worker), 7);
        let too_many = MissedRerender {
            by_creator: false,
            rerender_frames: 12,
        };
        assert_eq!(timeout_frames(10, too_many), 0);
        assert_eq!(min_rerender_secs(3_600, 600), 3_600);
        assert_eq!(min_rerender_secs(3_600, 7_200), 7_200);
    }

    #[test]
    fn payout_split_conserves() {
        let p = payout(7, 333, 8_000, 5_000).unwrap();
        assert_eq!(p.gross, 2_331);
        assert_eq!(p.worker_amount, 1_864); // floor(1864.8)
        assert_eq!(p.fee, 467);
        assert_eq!(p.refund, 2_669);
        assert_eq!(p.worker_amount + p.fee + p.refund, 5_000);
        assert_eq!(payout(2, 3, 8_000, 5), None);
        assert_eq!(payout(u64::MAX, 2, 8_000, u64::MAX), None);
    }

    #[test]
    fn share_is_exact_past_u128() {
        assert_eq!(share(u64::MAX, u128::MAX, u128::MAX), u64::MAX);
        assert_eq!(share(1_000, u128::MAX / 2, u128::MAX), 499);
        assert_eq!(share(u64::MAX, 1 << 100, 1 << 101), u64::MAX / 2);
        assert_eq!(mul_div_wide(u64::MAX, u128::MAX, 3), u128::MAX);
        // Agrees with the narrow path where both apply.
        for (a, b, c) in [
            (7u64, 5u128, 3u128),
            (1_000_000, 123_456_789, 987_654_321_000),
        ] {
            assert_eq!(mul_div_wide(a, b, c), a as u128 * b / c);
        }
    }

    #[test]
    fn uptime_rule() {
        let mut days = vec![57_600u64; 30];
        assert!(worker_vip_eligible(&days, 57_600, 43_200, 3));
        days[3] = 57_599;
        assert!(!worker_vip_eligible(&days, 57_600, 43_200, 3));
        assert!(!worker_vip_eligible(&[], 0, 0, 3));
        assert_eq!(longest_downtime(&[0, 0, 1, 0, 0, 0, 5], 0), 3);
        assert_eq!(longest_downtime(&[0, 0, 1, 0, 0, 0, 5], 2), 6);
    }

    #[test]
    fn lease_parts_sum_to_the_capped_lease_and_stay_within_their_epochs() {
        for (end, lease, max, epoch) in [
            (1_728_043_200u64, 200_000u64, 86_400u64, 86_400u64),
            (1_728_086_400, 300_000, 2_592_000, 86_400),
            (1_728_000_001, 5, 3, 1),
            (u64::MAX, u64::MAX, 2_592_000, 86_400),
        ] {
            let parts = lease_parts(end, lease, max, epoch);
            let total: u64 = parts.iter().map(|p| p.1).sum();
            assert_eq!(total, lease.min(max).min(end));
            for w in parts.windows(2) {
                assert_eq!(w[1].0, w[0].0 + 1, "consecutive epochs");
            }
            assert!(parts.iter().all(|&(_, secs)| secs > 0 && secs <= epoch));
            assert_eq!(parts.last().map(|p| p.0), Some((end - 1) / epoch));
        }
        assert!(lease_parts(100, 0, 86_400, 86_400).is_empty());
        assert!(lease_parts(100, 50, 86_400, 0).is_empty());
    }

    #[test]
    fn pictor_points_example() {
        assert_eq!(worker_points(6 * 3600, 2_429_400 + 10_687_800), 3_279_300);
    }
}
