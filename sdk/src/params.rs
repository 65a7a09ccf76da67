//! The `config` parameters, their defaults and bounds (`move/README.md`).

/// One `config` parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Param {
    /// The name passed to `config::set_param` / `config::param`.
    pub name: &'static str,
    /// The value `config::initialize` sets.
    pub default: u64,
    /// Smallest accepted value.
    pub min: u64,
    /// Largest accepted value.
    pub max: u64,
}

const fn p(name: &'static str, default: u64, min: u64, max: u64) -> Param {
    Param {
        name,
        default,
        min,
        max,
    }
}

/// Every parameter, in the README's order.
pub const PARAMS: &[Param] = &[
    p("epoch_secs", 86_400, 1, u64::MAX),
    p("epoch_grace_secs", 3_600, 0, u64::MAX),
    p("stake_factor", 2, 0, u64::MAX),
    p("unbonding_secs", 604_800, 0, u64::MAX),
    p("score_validity_secs", 2_592_000, 1, u64::MAX),
    p("report_max_age_secs", 3_600, 1, u64::MAX),
    p("attester_threshold", 1, 1, u64::MAX),
    p("worker_commission_bps", 8_000, 0, 10_000),
    p("review_window_secs", 259_200, 0, u64::MAX),
    p("max_rerenders", 2, 0, u64::MAX),
    p("slash_bps", 1_000, 0, 10_000),
    p("dispute_timeout_secs", 1_209_600, 0, u64::MAX),
    p("pod_share_bps", 5_000, 0, 10_000),
    p("vip_creator_spend", 5_000_000_000, 0, u64::MAX),
    p("vip_worker_days", 30, 1, 90),
    p("vip_worker_min_avg_secs", 57_600, 0, u64::MAX),
    p("vip_worker_max_down_days", 3, 0, u64::MAX),
];

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
        assert_eq!(PARAMS.len(), 17);
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
    }
}
