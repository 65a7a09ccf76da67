//! The protocol's formulas, with the rounding the Move code uses.
//!
//! Products are taken in `u128` and divided last. Rounding favours the
//! protocol's solvency: payouts round down, minimums round up.

/// Minutes in a staking epoch (`E` of Inferix: 72 h × 60).
pub const STAKE_EPOCH_MINUTES: u128 = 4_320;
/// Score micro-units per benchmark unit (1.0 IB = 1 000 000).
pub const SCORE_UNIT: u128 = 1_000_000;

/// Minimum stake `S(n) = stake_factor × E × IB(n) × P(n)` where
/// `P(n) = price_per_ib_hour / 60` is the price per IB-minute.
///
/// `score` is in micro-units, `price_per_ib_hour` in base units of the payment
/// asset per IB-hour. Rounded up. Saturates at `u64::MAX`.
pub fn min_stake(stake_factor: u64, score: u64, price_per_ib_hour: u64) -> u64 {
    let num =
        stake_factor as u128 * STAKE_EPOCH_MINUTES * score as u128 * price_per_ib_hour as u128;
    let den = 60 * SCORE_UNIT;
    u64::try_from(num.div_ceil(den)).unwrap_or(u64::MAX)
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
    fn min_stake_rounds_up() {
        // 1 micro-IB at 1 per hour: 4320 / 60 / 1e6 = 0.000072 -> 1.
        assert_eq!(min_stake(1, 1, 1), 1);
        assert_eq!(min_stake(0, 1, 1), 0);
    }
}
