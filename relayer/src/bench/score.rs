//! The score: a weighted geometric mean of the kernel throughputs, each
//! normalised by the RTX 3070's figure, scaled so the RTX 3070 scores 2.43.
//!
//! ```text
//! score = 2.43 × (F / F₀)^0.274 × (B / B₀)^0.626 × (I / I₀)^0 × (P / P₀)^0.10
//! ```
//!
//! `F` FP32 TFLOPS, `B` memory bandwidth GB/s, `I` INT32 tera-ops/s of the
//! hash chain, `P` path-tracer samples per minute; `₀` marks the RTX 3070
//! reference figures in [`REFERENCES`]. The weights sum to 1, so a card twice
//! as fast on every kernel scores twice as high. The seed's two scores (2.43
//! and 10.69, a ratio of 4.40) fix one relation between the weights: they
//! track memory bandwidth (×4.0) much more closely than FP32 (×5.16) or
//! INT32 (×10.3), so bandwidth carries most of the weight. Within that
//! relation the weights are fitted to the published Blender Open Data
//! medians of the cards in [`OPEN_DATA`] (rendering speed is what the score
//! stands for): the fit puts no weight on INT32 and as much on FP32 as the
//! anchors allow. The same tables are in `relayer/README.md`.

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
pub const WEIGHTS: [f64; 4] = [0.274, 0.626, 0.0, 0.10];

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

/// A card with a published Blender Open Data median: how well the formula
/// tracks rendering speed.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct OpenDataCard {
    /// Card name.
    pub name: &'static str,
    /// Its peak figures (the path-tracer column from FP32, as for the
    /// references).
    pub figures: KernelFigures,
    /// Memory, GB.
    pub vram_gb: u32,
    /// Where the figures come from.
    pub specs: &'static str,
    /// The Blender Open Data median score, samples per minute.
    pub median: f64,
    /// Which published median it is: `a` Blender 4.5.0, `b` all versions
    /// pooled (see `relayer/README.md`).
    pub median_source: char,
    /// Whether the scale is fitted on it: cards with ray-tracing cores, the
    /// kind Cycles renders on with OptiX. The data-centre cards without
    /// them are shown, not fitted.
    pub fitted: bool,
}

const fn card(tflops: f64, gbs: f64, int32_tops: f64) -> KernelFigures {
    KernelFigures {
        fp32_tflops: tflops,
        bandwidth_gbs: gbs,
        int32_tops,
        pathtrace_samples_per_min: pt_ref(tflops),
    }
}

/// The cards the score is checked against. INT32 is FP32 / 4 where half of
/// an SM's FP32 lanes also do INT32 (Ampere GA10x, Ada, Hopper), FP32 / 2
/// where every lane does (Blackwell) or a separate INT32 lane sits beside
/// each FP32 one (Turing, A100).
pub const OPEN_DATA: [OpenDataCard; 10] = [
    OpenDataCard {
        name: "NVIDIA GeForce RTX 5080",
        figures: card(56.28, 960.0, 28.14),
        vram_gb: 16,
        specs: "GeForce RTX 5080 specifications: 10752 CUDA cores, 2.62 GHz boost, 16 GB \
                GDDR7 256-bit at 30 Gbps",
        median: 9138.43,
        median_source: 'a',
        fitted: true,
    },
    OpenDataCard {
        name: "NVIDIA GeForce RTX 4060",
        figures: card(15.11, 272.0, 3.78),
        vram_gb: 8,
        specs: "GeForce RTX 4060 specifications: 3072 CUDA cores (24 SMs), 2.46 GHz boost, \
                8 GB GDDR6 128-bit at 17 Gbps",
        median: 3181.54,
        median_source: 'a',
        fitted: true,
    },
    OpenDataCard {
        name: "NVIDIA GeForce RTX 3060",
        figures: card(12.74, 360.0, 3.18),
        vram_gb: 12,
        specs: "GeForce RTX 3060 specifications: 3584 CUDA cores (28 SMs), 1.78 GHz boost, \
                12 GB GDDR6 192-bit at 15 Gbps",
        median: 2153.81,
        median_source: 'a',
        fitted: true,
    },
    OpenDataCard {
        name: "NVIDIA RTX PRO 6000 Blackwell",
        figures: card(125.0, 1792.0, 62.5),
        vram_gb: 96,
        specs: "RTX PRO 6000 Blackwell datasheet: 24064 CUDA cores, 125 TFLOPS FP32, 96 GB \
                GDDR7 512-bit, 1792 GB/s",
        median: 15640.0,
        median_source: 'b',
        fitted: true,
    },
    OpenDataCard {
        name: "NVIDIA L40S",
        figures: card(91.6, 864.0, 22.9),
        vram_gb: 48,
        specs: "L40S datasheet: 18176 CUDA cores, 91.6 TFLOPS FP32, 48 GB GDDR6, 864 GB/s",
        median: 9115.0,
        median_source: 'b',
        fitted: true,
    },
    OpenDataCard {
        name: "NVIDIA L4",
        figures: card(30.3, 300.0, 7.58),
        vram_gb: 24,
        specs: "L4 datasheet: 7424 CUDA cores, 30.3 TFLOPS FP32, 24 GB GDDR6, 300 GB/s",
        median: 3623.0,
        median_source: 'b',
        fitted: true,
    },
    OpenDataCard {
        name: "NVIDIA T4",
        figures: card(8.1, 320.0, 4.05),
        vram_gb: 16,
        specs: "T4 datasheet: 2560 CUDA cores, 8.1 TFLOPS FP32, 16 GB GDDR6, 320 GB/s",
        median: 1459.0,
        median_source: 'b',
        fitted: true,
    },
    OpenDataCard {
        name: "NVIDIA A100 40GB",
        figures: card(19.5, 1555.0, 9.75),
        vram_gb: 40,
        specs: "A100 datasheet: 19.5 TFLOPS FP32, 40 GB HBM2, 1555 GB/s; A100 whitepaper: \
                64 INT32 and 64 FP32 lanes per SM",
        median: 3647.0,
        median_source: 'b',
        fitted: false,
    },
    OpenDataCard {
        name: "NVIDIA H100 SXM",
        figures: card(67.0, 3350.0, 16.75),
        vram_gb: 80,
        specs: "H100 datasheet (SXM): 67 TFLOPS FP32, 80 GB HBM3, 3.35 TB/s",
        median: 6049.0,
        median_source: 'b',
        fitted: false,
    },
    OpenDataCard {
        name: "NVIDIA H200",
        figures: card(67.0, 4800.0, 16.75),
        vram_gb: 141,
        specs: "H200 datasheet (SXM): 67 TFLOPS FP32, 141 GB HBM3e, 4.8 TB/s",
        median: 6269.0,
        median_source: 'b',
        fitted: false,
    },
];

/// Score points per Blender Open Data sample per minute: the one scale
/// factor between the medians and the score, the geometric mean of
/// score / median over the fitted cards.
pub fn open_data_scale() -> f64 {
    let fitted: Vec<&OpenDataCard> = OPEN_DATA.iter().filter(|c| c.fitted).collect();
    let log: f64 = fitted
        .iter()
        .map(|c| (score(&c.figures) / c.median).ln())
        .sum();
    (log / fitted.len() as f64).exp()
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

    /// Thousands separators, as the README writes the medians.
    fn thousands(x: f64) -> String {
        let whole = x.trunc() as u64;
        let frac = x - whole as f64;
        let digits = whole.to_string();
        let mut out = String::new();
        for (i, d) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(d);
        }
        if frac > 0.0 {
            out.push_str(&format!("{frac:.2}")[1..]);
        }
        out
    }

    fn open_data_row(c: &OpenDataCard, scale: f64) -> String {
        let f = &c.figures;
        let ours = score(f);
        let implied = c.median * scale;
        let error = (ours / implied - 1.0) * 100.0;
        format!(
            "| {} | {} | {} | {} | {} | {} ({}) | {ours:.2} | {implied:.2} | {error:+.0} % |",
            c.name,
            f.fp32_tflops,
            f.bandwidth_gbs,
            f.int32_tops,
            c.vram_gb,
            thousands(c.median),
            c.median_source,
        )
    }

    #[test]
    fn the_readme_open_data_table_is_the_code_s() {
        let readme = include_str!("../../README.md");
        let scale = open_data_scale();
        for c in &OPEN_DATA {
            let row = open_data_row(c, scale);
            assert!(readme.contains(&row), "README lacks the row\n{row}");
            assert!(
                readme.contains(&c.specs.split_whitespace().collect::<Vec<_>>().join(" ")),
                "README lacks the sources of {}",
                c.name
            );
        }
        let per_thousand = format!("{:.3}", scale * 1000.0);
        assert!(readme.contains(&format!("{per_thousand} per 1,000 samples/min")));
        assert!(OPEN_DATA.len() >= 5);
    }

    #[test]
    fn the_fitted_weights_track_rendering_better_than_the_seed_s() {
        // The seed's weights (0.162, 0.708, 0.03, 0.10) against the fitted
        // ones, by the spread of log(score / median) over the fitted cards.
        let spread = |w: [f64; 4]| {
            let f0 = REFERENCES[0].figures;
            let s = |k: &KernelFigures| {
                2.43 * (w[0] * (k.fp32_tflops / f0.fp32_tflops).ln()
                    + w[1] * (k.bandwidth_gbs / f0.bandwidth_gbs).ln()
                    + w[2] * (k.int32_tops / f0.int32_tops).ln()
                    + w[3] * (k.pathtrace_samples_per_min / f0.pathtrace_samples_per_min).ln())
                .exp()
            };
            let logs: Vec<f64> = OPEN_DATA
                .iter()
                .filter(|c| c.fitted)
                .map(|c| (s(&c.figures) / c.median).ln())
                .collect();
            let mean = logs.iter().sum::<f64>() / logs.len() as f64;
            (logs.iter().map(|l| (l - mean).powi(2)).sum::<f64>() / logs.len() as f64).sqrt()
        };
        let seed = spread([0.162, 0.708, 0.03, 0.10]);
        let fitted = spread(WEIGHTS);
        assert!(fitted < seed, "fitted {fitted} vs seed {seed}");
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
