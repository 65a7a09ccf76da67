//! The `config` parameters, their defaults and bounds (`move/README.md`).

/// One `config` parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Param {
    /// Its position in [`PARAMS`] (and in `config`'s parameter vector).
    pub index: usize,
    /// The name passed to `config::set_param` / `config::param`.
    pub name: &'static str,
    /// The value `config::initialize` sets.
    pub default: u64,
    /// Smallest accepted value.
    pub min: u64,
    /// Largest accepted value.
    pub max: u64,
}

macro_rules! params {
    ($( $(#[doc = $doc:literal])* $id:ident = ($name:literal, $default:expr, $min:expr, $max:expr); )*) => {
        params!(@each 0usize; $( $(#[doc = $doc])* $id = ($name, $default, $min, $max); )*);

        /// Every parameter, in the README's order.
        pub const PARAMS: &[Param] = &[$($id),*];
    };
    (@each $i:expr; $(#[doc = $doc:literal])* $id:ident = ($name:literal, $default:expr, $min:expr, $max:expr); $($rest:tt)*) => {
        $(#[doc = $doc])*
        pub const $id: Param = Param { index: $i, name: $name, default: $default, min: $min, max: $max };
        params!(@each $i + 1; $($rest)*);
    };
    (@each $i:expr;) => {};
}

/// One day in seconds (the unit of the time parameters' upper bounds).
const DAY: u64 = 86_400;

params! {
    /// Epoch length (seconds); fixed at `initialize` (`set_param` aborts with `EParamFixed`).
    EPOCH_SECS = ("epoch_secs", 86_400, 1, 30 * DAY);
    /// After an epoch ends, uptime reports are accepted and `close_epoch` waits this long.
    EPOCH_GRACE_SECS = ("epoch_grace_secs", 3_600, 0, 7 * DAY);
    /// Factor of the minimum stake `S(n)`.
    STAKE_FACTOR = ("stake_factor", 2, 0, u64::MAX);
    /// Delay between `request_unstake` and `withdraw`.
    UNBONDING_SECS = ("unbonding_secs", 604_800, 0, 90 * DAY);
    /// A score expires this long after it became effective.
    SCORE_VALIDITY_SECS = ("score_validity_secs", 2_592_000, 1, 365 * DAY);
    /// A report's `measured_at` must be within this of now.
    REPORT_MAX_AGE_SECS = ("report_max_age_secs", 3_600, 1, DAY);
    /// Distinct attesters needed for a report to take effect.
    ATTESTER_THRESHOLD = ("attester_threshold", 1, 1, u64::MAX);
    /// Worker's share of a job's gross payment (basis points).
    WORKER_COMMISSION_BPS = ("worker_commission_bps", 8_000, 0, 10_000);
    /// After `submit_result`, the creator has this long to answer.
    REVIEW_WINDOW_SECS = ("review_window_secs", 259_200, 0, 30 * DAY);
    /// Rerender requests per job.
    MAX_RERENDERS = ("max_rerenders", 2, 0, u64::MAX);
    /// Share of a worker's bonded stake a job locks as collateral (what `reclaim` slashes) before the cap (basis points).
    SLASH_BPS = ("slash_bps", 1_000, 0, 10_000);
    /// After this, `finalize` settles an unresolved dispute.
    DISPUTE_TIMEOUT_SECS = ("dispute_timeout_secs", 1_209_600, 0, 90 * DAY);
    /// PoD side of an epoch pool (basis points).
    POD_SHARE_BPS = ("pod_share_bps", 5_000, 0, 10_000);
    /// Creator VIP threshold: total spend (base units); `initialize` sets 5 000
    /// whole units of the payment asset (the default here is for 6 decimals,
    /// see [`vip_creator_spend_default`]).
    VIP_CREATOR_SPEND = ("vip_creator_spend", 5_000_000_000, 0, u64::MAX);
    /// Epochs looked at for worker VIP.
    VIP_WORKER_DAYS = ("vip_worker_days", 30, 1, 90);
    /// Average online seconds per epoch for worker VIP.
    VIP_WORKER_MIN_AVG_SECS = ("vip_worker_min_avg_secs", 57_600, 0, DAY);
    /// Longest run of down days (see `vip_worker_down_day_secs`) for worker VIP.
    VIP_WORKER_MAX_DOWN_DAYS = ("vip_worker_max_down_days", 3, 0, 90);
    /// From this long after a score expired, anyone may release its device.
    DEVICE_RELEASE_GRACE_SECS = ("device_release_grace_secs", 2_592_000, 0, 365 * DAY);
    /// Smallest `max_price_per_frame` of a job and `price_per_frame` of an offer;
    /// `initialize` sets 1/1 000 of a whole unit (the default here is for 6
    /// decimals, see [`min_price_per_frame_default`]).
    MIN_PRICE_PER_FRAME = ("min_price_per_frame", 1_000, 1, u64::MAX);
    /// Floor price of `S(n)`: a declared price below it counts as this;
    /// `initialize` sets 1/10 of a whole unit (see [`min_price_per_ib_hour_default`]).
    MIN_PRICE_PER_IB_HOUR = ("min_price_per_ib_hour", 100_000, 0, u64::MAX);
    /// Cap of a job's collateral in basis points of its value.
    SLASH_CAP_BPS = ("slash_cap_bps", 10_000, 0, 100_000);
    /// Shortest time a rerender request may give the worker.
    MIN_RERENDER_SECS = ("min_rerender_secs", 3_600, 0, 30 * DAY);
    /// After a partial `confirm`, the worker has this long to accept it or dispute.
    RESPONSE_WINDOW_SECS = ("response_window_secs", 259_200, 0, 30 * DAY);
    /// Delay between `set_param` and the earliest `apply_param`.
    PARAM_DELAY_SECS = ("param_delay_secs", 86_400, 0, 30 * DAY);
    /// An epoch with fewer online seconds is a down day for worker VIP.
    VIP_WORKER_DOWN_DAY_SECS = ("vip_worker_down_day_secs", 43_200, 0, DAY);
    /// Share of every job's protocol fee paid into the current epoch's pool
    /// (basis points); the treasury gets the rest. Seed 004: the workers'
    /// pool is three quarters of the protocol's service share.
    POOL_FEE_SHARE_BPS = ("pool_fee_share_bps", 7_500, 0, 10_000);
    /// Most lease seconds one paid job counts for in PoD rewards, read when it
    /// is paid (one epoch by default: a single job is never worth more than a
    /// worker rendering a whole epoch).
    MAX_JOB_LEASE_SECS = ("max_job_lease_secs", 86_400, 0, 30 * DAY);
}

/// Whole units of the payment asset `initialize` sets `vip_creator_spend` to.
pub const VIP_CREATOR_UNITS: u64 = 5_000;

/// `10^decimals` (Move: `config::unit_of`): one whole unit of the payment asset.
pub fn unit_of(decimals: u8) -> u64 {
    10u64.pow(u32::from(decimals))
}

/// The `vip_creator_spend` `initialize` sets for an asset with `decimals`.
pub fn vip_creator_spend_default(decimals: u8) -> u64 {
    VIP_CREATOR_UNITS * unit_of(decimals)
}

/// The `min_price_per_frame` `initialize` sets for an asset with `decimals`:
/// a thousandth of a whole unit, at least one base unit.
pub fn min_price_per_frame_default(decimals: u8) -> u64 {
    (unit_of(decimals) / 1_000).max(1)
}

/// The `min_price_per_ib_hour` `initialize` sets for an asset with `decimals`:
/// a tenth of a whole unit, at least one base unit.
pub fn min_price_per_ib_hour_default(decimals: u8) -> u64 {
    (unit_of(decimals) / 10).max(1)
}

/// Whether `set_param` refuses the parameter whatever the value.
pub fn is_fixed(p: &Param) -> bool {
    p.index == EPOCH_SECS.index
}

/// Looks a parameter up by name.
pub fn param(name: &str) -> Option<&'static Param> {
    PARAMS.iter().find(|p| p.name == name)
}

/// Why a `set_param` would abort, checked before sending.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParamError {
    /// No such parameter.
    #[error("unknown parameter {0:?}")]
    Unknown(String),
    /// Fixed at `initialize`.
    #[error("parameter {0} is fixed at initialisation")]
    Fixed(&'static str),
    /// Outside the parameter's bounds.
    #[error("parameter {name} = {value} is outside {min}..={max}")]
    OutOfBounds {
        /// The parameter.
        name: &'static str,
        /// The rejected value.
        value: u64,
        /// Lower bound.
        min: u64,
        /// Upper bound.
        max: u64,
    },
}

/// Checks a value against the parameter's bounds.
pub fn check(name: &str, value: u64) -> Result<(), ParamError> {
    let p = param(name).ok_or_else(|| ParamError::Unknown(name.to_string()))?;
    if is_fixed(p) {
        return Err(ParamError::Fixed(p.name));
    }
    if value < p.min || value > p.max {
        return Err(ParamError::OutOfBounds {
            name: p.name,
            value,
            min: p.min,
            max: p.max,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds() {
        assert_eq!(PARAMS.len(), 27);
        assert!(check("max_job_lease_secs", 30 * DAY).is_ok());
        assert!(check("max_job_lease_secs", 30 * DAY + 1).is_err());
        assert!(check("min_price_per_frame", 0).is_err());
        assert!(check("slash_cap_bps", 100_001).is_err());
        assert_eq!(
            check("epoch_secs", 86_400),
            Err(ParamError::Fixed("epoch_secs"))
        );
        assert!(check("review_window_secs", 30 * DAY).is_ok());
        assert!(check("review_window_secs", 30 * DAY + 1).is_err());
        assert_eq!(vip_creator_spend_default(8), 500_000_000_000);
        assert_eq!(vip_creator_spend_default(6), VIP_CREATOR_SPEND.default);
        assert_eq!(min_price_per_frame_default(6), MIN_PRICE_PER_FRAME.default);
        assert_eq!(
            min_price_per_ib_hour_default(6),
            MIN_PRICE_PER_IB_HOUR.default
        );
        assert_eq!(min_price_per_frame_default(8), 100_000);
        assert_eq!(min_price_per_ib_hour_default(8), 10_000_000);
        assert_eq!(min_price_per_frame_default(2), 1);
        assert_eq!(min_price_per_ib_hour_default(0), 1);
        assert!(check("worker_commission_bps", 10_000).is_ok());
        assert!(matches!(
            check("worker_commission_bps", 10_001),
            Err(ParamError::OutOfBounds { .. })
        ));
        assert!(check("vip_worker_days", 91).is_err());
        assert!(check("vip_worker_days", 0).is_err());
        assert_eq!(check("nope", 1), Err(ParamError::Unknown("nope".into())));
        assert_eq!(param("vip_creator_spend").unwrap().default, 5_000_000_000);
        for (i, p) in PARAMS.iter().enumerate() {
            assert_eq!(p.index, i);
        }
        assert_eq!(VIP_WORKER_DAYS.index, 14);
    }
}
