//! Lumen's benchmarks: deterministic workloads (executed on the model of the
//! contract and rendered for the fullnode stand-in before any clock starts),
//! an HTTP load generator, process watching, and the result rows rendered
//! into `bench/RESULTS.md`. The `lumen-bench` binary runs them.

pub mod chain;
pub mod load;
pub mod procs;
pub mod report;

/// The `q`-quantile (0.0..=1.0) of `samples` by nearest rank; `None` when empty.
pub fn quantile(samples: &mut [f64], q: f64) -> Option<f64> {
    if samples.is_empty() {
        return None;
    }
    samples.sort_by(|a, b| a.total_cmp(b));
    let rank = ((q.clamp(0.0, 1.0) * samples.len() as f64).ceil() as usize).max(1);
    Some(samples[rank - 1])
}

/// Coefficient of variation (sample standard deviation over the mean), or
/// `None` with fewer than two samples or a zero mean.
pub fn coefficient_of_variation(samples: &[f64]) -> Option<f64> {
    if samples.len() < 2 {
        return None;
    }
    let n = samples.len() as f64;
    let mean = samples.iter().sum::<f64>() / n;
    if mean == 0.0 {
        return None;
    }
    let var = samples.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0);
    Some(var.sqrt() / mean.abs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_quantiles() {
        let mut s: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(quantile(&mut s, 0.5), Some(50.0));
        assert_eq!(quantile(&mut s, 0.99), Some(99.0));
        assert_eq!(quantile(&mut s, 1.0), Some(100.0));
        assert_eq!(quantile(&mut [], 0.5), None);
    }

    #[test]
    fn coefficient_of_variation_of_known_samples() {
        // mean 5, sample sd sqrt(32/7)
        let s = [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0];
        let cv = coefficient_of_variation(&s).unwrap();
        assert!((cv - (32.0f64 / 7.0).sqrt() / 5.0).abs() < 1e-12);
        assert_eq!(coefficient_of_variation(&[1.0]), None);
    }
}
