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

params! {
    /// Epoch length (seconds).
    EPOCH_SECS = ("epoch_secs", 86_400, 1, u64::MAX);
    /// After an epoch ends, uptime reports are accepted and `close_epoch` waits this long.
    EPOCH_GRACE_SECS = ("epoch_grace_secs", 3_600, 0, u64::MAX);
    /// Factor of the minimum stake `S(n)`.
    STAKE_FACTOR = ("stake_factor", 2, 0, u64::MAX);
    /// Delay between `request_unstake` and `withdraw`.
    UNBONDING_SECS = ("unbonding_secs", 604_800, 0, u64::MAX);
    /// A score expires this long after it became effective.
    SCORE_VALIDITY_SECS = ("score_validity_secs", 2_592_000, 1, u64::MAX);
    /// A report's `measured_at` must be within this of now.
    REPORT_MAX_AGE_SECS = ("report_max_age_secs", 3_600, 1, u64::MAX);
    /// Distinct attesters needed for a report to take effect.
    ATTESTER_THRESHOLD = ("attester_threshold", 1, 1, u64::MAX);
    /// Worker's share of a job's gross payment (basis points).
    WORKER_COMMISSION_BPS = ("worker_commission_bps", 8_000, 0, 10_000);
    /// After `submit_result`, the creator has this long to answer.
    REVIEW_WINDOW_SECS = ("review_window_secs", 259_200, 0, u64::MAX);
    /// Rerender requests per job.
    MAX_RERENDERS = ("max_rerenders", 2, 0, u64::MAX);
    /// Share of a worker's bonded stake a job locks as collateral (what `reclaim` slashes) before the cap (basis points).
    SLASH_BPS = ("slash_bps", 1_000, 0, 10_000);
    /// After this, `finalize` settles an unresolved dispute.
    DISPUTE_TIMEOUT_SECS = ("dispute_timeout_secs", 1_209_600, 0, u64::MAX);
    /// PoD side of an epoch pool (basis points).
    POD_SHARE_BPS = ("pod_share_bps", 5_000, 0, 10_000);
    /// Creator VIP threshold: total spend (base units).
    VIP_CREATOR_SPEND = ("vip_creator_spend", 5_000_000_000, 0, u64::MAX);
    /// Epochs looked at for worker VIP.
    VIP_WORKER_DAYS = ("vip_worker_days", 30, 1, 90);
    /// Average online seconds per epoch for worker VIP.
    VIP_WORKER_MIN_AVG_SECS = ("vip_worker_min_avg_secs", 57_600, 0, u64::MAX);
    /// Longest run of epochs with 0 reported online seconds for worker VIP.
    VIP_WORKER_MAX_DOWN_DAYS = ("vip_worker_max_down_days", 3, 0, u64::MAX);
    /// From this long after a score expired, anyone may release its device.
    DEVICE_RELEASE_GRACE_SECS = ("device_release_grace_secs", 2_592_000, 0, u64::MAX);
    /// Smallest `max_price_per_frame` of a job and `price_per_frame` of an offer.
    MIN_PRICE_PER_FRAME = ("min_price_per_frame", 1_000, 1, u64::MAX);
    /// Floor price of `S(n)`: a declared price below it counts as this.
    MIN_PRICE_PER_IB_HOUR = ("min_price_per_ib_hour", 100_000, 0, u64::MAX);
    /// Cap of a job's collateral in basis points of its value.
    SLASH_CAP_BPS = ("slash_cap_bps", 10_000, 0, 100_000);
    /// Shortest time a rerender request may give the worker.
    MIN_RERENDER_SECS = ("min_rerender_secs", 3_600, 0, u64::MAX);
    /// After a partial `confirm`, the worker has this long to accept it or dispute.
    RESPONSE_WINDOW_SECS = ("response_window_secs", 259_200, 0, u64::MAX);
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
        assert_eq!(PARAMS.len(), 23);
        assert!(check("min_price_per_frame", 0).is_err());
        assert!(check("slash_cap_bps", 100_001).is_err());
        assert!(check("worker_commission_bps", 10_000).is_ok());
        assert!(matches!(
            check("worker_commission_bps", 10_001),
            Err(ParamError::OutOfBounds { .. })
        ));
        assert!(check("epoch_secs", 0).is_err());
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
