//! The score: a weighted geometric mean of the kernel throughputs, each
//! normalised by the RTX 3070's figure, scaled so the RTX 3070 scores 2.43.
//!
//! ```text
//! score = 2.43 × (F / F₀)^0.162 × (B / B₀)^0.708 × (I / I₀)^0.03 × (P / P₀)^0.10
//! ```
//!
//! `F` FP32 TFLOPS, `B` memory bandwidth GB/s, `I` INT32 tera-ops/s of the
//! hash chain, `P` path-tracer samples per minute; `₀` marks the RTX 3070
//! reference figures in [`REFERENCES`]. The weights sum to 1, so a card twice
//! as fast on every kernel scores twice as high. They are chosen so the
//! reference figures of the RTX 5090 land on 10.69: the seed's two scores
//! (2.43 and 10.69, a ratio of 4.40) track memory bandwidth (×4.0) much more
//! closely than FP32 (×5.16) or INT32 (×10.3), so bandwidth carries most of
//! the weight. The same table is in `relayer/README.md`.

use serde::{Deserialize, Serialize};

/// Kernel throughputs, the inputs of the score.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct KernelFigures {
    /// FP32 FMA throughput, TFLOPS (an FMA counts as two operations).
    pub fp32_tflops: f64,
    /// Copy bandwidth, GB/s (bytes read plus bytes written, 10⁹ bytes).
    pub bandwidth_gbs: f64,
    /// Hash-chain integer throughput, tera-operations per second.
    pub int32_tops: f64,
    /// Path-tracer samples (paths) per minute.
    pub pathtrace_samples_per_min: f64,
}

/// A reference card with the figures the calibration uses and their sources.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Reference {
    /// Card name.
    pub name: &'static str,
    /// The score this card is calibrated to.
    pub score: f64,
    /// Its kernel figures.
    pub figures: KernelFigures,
    /// Where the figures come from.
    pub sources: &'static str,
}

/// Estimated FP32 operations per path-tracer sample (camera ray, on average
/// ~2.5 bounces of 5 sphere and 1 plane tests plus diffuse shading). It turns
/// a card's FP32 peak into the reference samples/minute, so the path-tracer
/// term of the reference cards tracks FP32.
pub const PATHTRACE_FLOP_PER_SAMPLE: f64 = 500.0;

const fn pt_ref(tflops: f64) -> f64 {
    tflops * 1e12 / PATHTRACE_FLOP_PER_SAMPLE * 60.0
}

/// The calibration table. The first entry is the normalisation point.
pub const REFERENCES: [Reference; 2] = [
    Reference {
        name: "NVIDIA GeForce RTX 3070",
        score: 2.43,
        figures: KernelFigures {
            fp32_tflops: 20.31,
            bandwidth_gbs: 448.0,
            int32_tops: 5.08,
            pathtrace_samples_per_min: pt_ref(20.31),
        },
        sources: "NVIDIA GeForce RTX 3070 family specifications (5888 CUDA cores, \
                  1.725 GHz boost, 256-bit GDDR6 at 14 Gbps = 448 GB/s; FP32 = \
                  5888 x 2 x 1.725 GHz); NVIDIA Ampere GA102 architecture whitepaper \
                  (GA10x SM: 64 of its 128 FP32 lanes also execute INT32, so INT32 = \
                  46 SMs x 64 x 1.725 GHz)",
    },
    Reference {
        name: "NVIDIA GeForce RTX 5090",
        score: 10.69,
        figures: KernelFigures {
            fp32_tflops: 104.8,
            bandwidth_gbs: 1792.0,
            int32_tops: 52.4,
            pathtrace_samples_per_min: pt_ref(104.8),
        },
        sources: "NVIDIA GeForce RTX 5090 specifications (21760 CUDA cores, 2.41 GHz \
                  boost, 512-bit GDDR7 at 28 Gbps = 1792 GB/s; FP32 = 21760 x 2 x \
                  2.407 GHz); NVIDIA RTX Blackwell GPU architecture whitepaper \
                  (unified INT32/FP32 cores, so INT32 = 21760 x 2.407 GHz)",
    },
];

/// Weights of FP32, bandwidth, INT32 and path tracer; they sum to 1.
pub const WEIGHTS: [f64; 4] = [0.162, 0.708, 0.03, 0.10];

/// Applies the formula. Non-positive or non-finite inputs give 0.
pub fn score(k: &KernelFigures) -> f64 {
    let r = &REFERENCES[0];
    let f = &r.figures;
    let terms = [
        (k.fp32_tflops, f.fp32_tflops),
        (k.bandwidth_gbs, f.bandwidth_gbs),
        (k.int32_tops, f.int32_tops),
        (k.pathtrace_samples_per_min, f.pathtrace_samples_per_min),
    ];
    let mut log = 0.0;
    for ((x, x0), w) in terms.iter().zip(WEIGHTS) {
        if !(x.is_finite() && *x > 0.0) {
            return 0.0;
        }
        log += w * (x / x0).ln();
    }
    r.score * log.exp()
}

/// A score in the on-chain micro-units (1.0 = 1 000 000), rounded down.
pub fn to_micro(score: f64) -> u64 {
    if score.is_finite() && score > 0.0 {
        (score * 1e6).floor() as u64
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_sum_to_one() {
        assert!((WEIGHTS.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn reference_cards_land_on_their_scores() {
        let s3070 = score(&REFERENCES[0].figures);
        let s5090 = score(&REFERENCES[1].figures);
        assert!((s3070 - 2.43).abs() < 0.005, "RTX 3070 scored {s3070}");
        assert!((s5090 - 10.69).abs() < 0.005, "RTX 5090 scored {s5090}");
        assert_eq!(format!("{s3070:.2}"), "2.43");
        assert_eq!(format!("{s5090:.2}"), "10.69");
    }

    #[test]
    fn score_is_homogeneous_of_degree_one() {
        let mut k = REFERENCES[0].figures;
        k.fp32_tflops *= 2.0;
        k.bandwidth_gbs *= 2.0;
        k.int32_tops *= 2.0;
        k.pathtrace_samples_per_min *= 2.0;
        assert!((score(&k) - 4.86).abs() < 1e-9);
        k.bandwidth_gbs = 0.0;
        assert_eq!(score(&k), 0.0);
        assert_eq!(to_micro(2.43), 2_430_000);
        assert_eq!(to_micro(f64::NAN), 0);
    }
}
