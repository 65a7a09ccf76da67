//! Whether an offer fits this worker: its price, its size, the time it
//! leaves and the collateral it would lock, judged before anything is
//! accepted on chain. An offer that does not fit is declined with the reason,
//! so the creator's next candidate gets it at once.

use lumen_sdk::messages::AssignmentOffer;
use lumen_sdk::render::JobSpec;

/// What the operator accepts.
#[derive(Clone, Debug, PartialEq)]
pub struct Capacity {
    /// The lowest price per frame taken (base units).
    pub min_price_per_frame: u64,
    /// The most frames in one job.
    pub max_frames: u64,
    /// The most pixels in one frame (width × height).
    pub max_pixels: u64,
    /// The most samples per pixel.
    pub max_samples: u32,
    /// Seconds kept free before the render deadline for uploading and submitting.
    pub submit_margin_secs: u64,
    /// The most stake one job may lock as collateral (what a missed deadline
    /// costs).
    pub max_collateral: u64,
    /// A partial acceptance of fewer than this share of the submitted frames
    /// (basis points) is disputed; at or above it, accepted. 0 accepts every
    /// partial acceptance.
    pub dispute_partial_below_bps: u64,
}

/// What the chain says when an offer comes: the protocol's price floor and
/// the collateral the job would lock out of this worker's free stake.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Standing {
    /// `min_price_per_frame`: `accept_offer` aborts below it.
    pub min_price_per_frame: u64,
    /// Bonded stake not locked by other jobs.
    pub free_stake: u64,
    /// The collateral this job would lock (`formulas::collateral` of the
    /// bonded stake and the job's value at the offered price).
    pub collateral: u64,
}

impl Default for Capacity {
    fn default() -> Self {
        Self {
            min_price_per_frame: 1,
            max_frames: 10_000,
            max_pixels: 8192 * 8192,
            max_samples: 16_384,
            submit_margin_secs: 60,
            max_collateral: u64::MAX,
            dispute_partial_below_bps: 0,
        }
    }
}

/// The agent's render speed as measured: pixel-samples per second, learned
/// from the frames it rendered (`None` before the first).
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Speed {
    /// Pixel-samples rendered per second, a moving average.
    pub pixel_samples_per_sec: Option<f64>,
}

impl Speed {
    /// Seconds one frame of `spec` should take, when known.
    pub fn frame_secs(&self, spec: &JobSpec) -> Option<f64> {
        let work =
            f64::from(spec.resolution_x) * f64::from(spec.resolution_y) * f64::from(spec.samples);
        self.pixel_samples_per_sec
            .filter(|r| *r > 0.0)
            .map(|r| work / r)
    }

    /// Folds in one measured frame (the newest counts a quarter).
    pub fn record(&mut self, spec: &JobSpec, secs: f64) {
        if secs <= 0.0 {
            return;
        }
        let work =
            f64::from(spec.resolution_x) * f64::from(spec.resolution_y) * f64::from(spec.samples);
        let rate = work / secs;
        self.pixel_samples_per_sec = Some(match self.pixel_samples_per_sec {
            Some(r) => 0.75 * r + 0.25 * rate,
            None => rate,
        });
    }
}

/// The answer to a partial acceptance of `accepted` of `submitted` frames:
/// `true` accepts it, `false` disputes it.
pub fn accepts_partial(cap: &Capacity, accepted: u64, submitted: u64) -> bool {
    u128::from(accepted) * 10_000
        >= u128::from(submitted) * u128::from(cap.dispute_partial_below_bps)
}

/// The decision on an offer.
#[derive(Clone, Debug, PartialEq)]
pub enum Fit {
    /// Take it.
    Take,
    /// Decline it, saying why.
    Decline(String),
}

/// Judges `offer` for `spec` at time `now`, with the chain's `standing`.
pub fn judge(
    offer: &AssignmentOffer,
    spec: &JobSpec,
    cap: &Capacity,
    standing: &Standing,
    speed: &Speed,
    now: u64,
) -> Fit {
    if offer.price_per_frame < standing.min_price_per_frame {
        return Fit::Decline(format!(
            "price {} per frame is below the protocol's min_price_per_frame {}",
            offer.price_per_frame, standing.min_price_per_frame
        ));
    }
    if standing.collateral > standing.free_stake {
        return Fit::Decline(format!(
            "the job's collateral {} is more than this worker's free stake {}",
            standing.collateral, standing.free_stake
        ));
    }
    if standing.collateral > cap.max_collateral {
        return Fit::Decline(format!(
            "the job's collateral {} is more than this worker locks for one job ({})",
            standing.collateral, cap.max_collateral
        ));
    }
    if offer.price_per_frame < cap.min_price_per_frame {
        return Fit::Decline(format!(
            "price {} per frame is below this worker's minimum {}",
            offer.price_per_frame, cap.min_price_per_frame
        ));
    }
    if spec.frames() > cap.max_frames {
        return Fit::Decline(format!(
            "{} frames, this worker takes at most {}",
            spec.frames(),
            cap.max_frames
        ));
    }
    let pixels = u64::from(spec.resolution_x) * u64::from(spec.resolution_y);
    if pixels > cap.max_pixels {
        return Fit::Decline(format!(
            "{}×{} pixels per frame, this worker takes at most {}",
            spec.resolution_x, spec.resolution_y, cap.max_pixels
        ));
    }
    if spec.samples > cap.max_samples {
        return Fit::Decline(format!(
            "{} samples, this worker takes at most {}",
            spec.samples, cap.max_samples
        ));
    }
    let available = offer
        .render_deadline
        .saturating_sub(now)
        .saturating_sub(cap.submit_margin_secs);
    if available == 0 {
        return Fit::Decline(format!(
            "the render deadline {} leaves no time after the {} s kept for submitting",
            offer.render_deadline, cap.submit_margin_secs
        ));
    }
    if let Some(per_frame) = speed.frame_secs(spec) {
        let needed = per_frame * spec.frames() as f64;
        if needed > available as f64 {
            return Fit::Decline(format!(
                "needs about {needed:.0} s for {} frames at this worker's measured speed; the deadline leaves {available} s",
                spec.frames()
            ));
        }
    }
    Fit::Take
}

#[cfg(test)]
mod tests {
    use super::*;
    use lumen_sdk::render::{Engine, Hash32, OutputFormat};
    use lumen_sdk::AccountAddress;

    fn spec() -> JobSpec {
        JobSpec {
            version: 1,
            scene_hash: Hash32([1; 32]),
            scene_size: 10,
            frame_start: 1,
            frame_end: 10,
            engine: Engine::Cycles,
            resolution_x: 100,
            resolution_y: 100,
            samples: 10,
            output_format: OutputFormat::Png,
        }
    }

    fn offer(price: u64, deadline: u64) -> AssignmentOffer {
        AssignmentOffer {
            job: AccountAddress::ONE,
            worker: AccountAddress::THREE,
            price_per_frame: price,
            render_deadline: deadline,
            offer_expires_at: 0,
            nonce: 0,
            chain_id: 4,
        }
    }

    #[test]
    fn decisions() {
        let cap = Capacity {
            min_price_per_frame: 100,
            submit_margin_secs: 10,
            ..Capacity::default()
        };
        let unknown = Speed::default();
        let ok = Standing {
            min_price_per_frame: 50,
            free_stake: 1_000,
            collateral: 100,
        };
        assert_eq!(
            judge(&offer(100, 1000), &spec(), &cap, &ok, &unknown, 0),
            Fit::Take
        );
        let floor = Standing {
            min_price_per_frame: 101,
            ..ok
        };
        assert!(
            matches!(judge(&offer(100, 1000), &spec(), &cap, &floor, &unknown, 0), Fit::Decline(r) if r.contains("min_price_per_frame"))
        );
        let short = Standing {
            free_stake: 99,
            ..ok
        };
        assert!(
            matches!(judge(&offer(100, 1000), &spec(), &cap, &short, &unknown, 0), Fit::Decline(r) if r.contains("free stake 99"))
        );
        let careful = Capacity {
            max_collateral: 99,
            ..cap.clone()
        };
        assert!(
            matches!(judge(&offer(100, 1000), &spec(), &careful, &ok, &unknown, 0), Fit::Decline(r) if r.contains("locks for one job"))
        );
        assert!(
            matches!(judge(&offer(99, 1000), &spec(), &cap, &ok, &unknown, 0), Fit::Decline(r) if r.contains("minimum"))
        );
        assert!(
            matches!(judge(&offer(100, 1000), &spec(), &cap, &ok, &unknown, 995), Fit::Decline(r) if r.contains("no time"))
        );
        // 100 000 pixel-samples per frame at 10 000/s: 10 s a frame, 100 s for the job.
        let mut speed = Speed::default();
        speed.record(&spec(), 10.0);
        assert_eq!(speed.frame_secs(&spec()), Some(10.0));
        assert_eq!(
            judge(&offer(100, 200), &spec(), &cap, &ok, &speed, 0),
            Fit::Take
        );
        assert!(
            matches!(judge(&offer(100, 100), &spec(), &cap, &ok, &speed, 0), Fit::Decline(r) if r.contains("needs about 100 s"))
        );
        let mut big = spec();
        big.frame_end = 20_000;
        assert!(
            matches!(judge(&offer(100, 1000), &big, &cap, &ok, &unknown, 0), Fit::Decline(r) if r.contains("frames"))
        );
    }

    #[test]
    fn partial_acceptances() {
        let all = Capacity::default();
        assert!(accepts_partial(&all, 0, 10));
        let half = Capacity {
            dispute_partial_below_bps: 5_000,
            ..Capacity::default()
        };
        assert!(accepts_partial(&half, 5, 10));
        assert!(!accepts_partial(&half, 4, 10));
    }
}
