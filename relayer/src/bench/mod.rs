//! The GPU benchmark: four compute kernels on vulkano, timed with GPU
//! timestamp queries, best of N runs.
//!
//! - FP32 FMA throughput: independent FMA chains; the iteration count grows
//!   until one dispatch takes at least the profile's target time.
//! - Memory bandwidth: a copy between two buffers several times larger than
//!   any GPU's last-level cache.
//! - Integer hash chain seeded by a challenge ([`hashchain`]); the result is a
//!   Merkle root with sampled openings a verifier recomputes on the CPU.
//! - A small path tracer, reported in samples per minute.
//!
//! The kernel numbers feed [`score::score`]; a CPU device (lavapipe) gets
//! them reported and its formula value as `cpu_score`, never a GPU `score`.

pub mod answer;
pub mod fingerprint;
mod gpu;
pub mod hashchain;
mod kernels;
mod progress;
pub mod score;

use serde::{Deserialize, Serialize};
use vulkano::device::physical::PhysicalDevice;

use fingerprint::Fingerprint;
use gpu::Gpu;
pub use gpu::{pick_device, BenchError};
use hashchain::HashChainProof;
use kernels::{measure, CopyKernel, FmaKernel, HashChainKernel, PathTracerKernel};
use progress::Progress;
use score::KernelFigures;

/// Version of the benchmark; goes into `BenchmarkReport.bench_version`.
/// Bump it whenever a kernel or the score formula changes.
pub const BENCH_VERSION: u64 = 3;

/// The most rounds per item the hash-chain sizing goes to.
pub const MAX_HASH_ROUNDS: u64 = 1 << 24;
/// The most hash-chain items of any profile.
pub const MAX_HASH_ITEMS: u32 = 1 << 20;

/// How much work the benchmark does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "snake_case")]
pub enum Profile {
    /// The scoring run: full-size buffers and dispatches.
    Full,
    /// Small sizes for tests and smoke checks; its numbers are not comparable.
    Quick,
}

/// Benchmark options.
#[derive(Debug, Clone)]
pub struct BenchOptions {
    /// Work sizes.
    pub profile: Profile,
    /// Timed runs per kernel; the best counts.
    pub runs: u32,
    /// Device index (see `lumen-relayer devices`); `None` picks the best.
    pub device_index: Option<usize>,
    /// The challenge seed of the hash chain.
    pub seed: [u8; 32],
    /// Whether to print progress to stderr.
    pub progress: bool,
}

/// One kernel's measurement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KernelRun {
    /// The size parameter the timed dispatches used (iterations, bytes, rounds, spp).
    pub size: u64,
    /// Best dispatch time, seconds.
    pub best_secs: f64,
    /// All timed runs, seconds.
    pub runs_secs: Vec<f64>,
}

/// The benchmark's full result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BenchResult {
    /// [`BENCH_VERSION`].
    pub bench_version: u64,
    /// Work sizes used.
    pub profile: Profile,
    /// The device.
    pub fingerprint: Fingerprint,
    /// `device_id`, hex of the 32-byte hash of the fingerprint.
    pub device_id: String,
    /// Whether the device is a GPU.
    pub is_gpu: bool,
    /// The kernel throughputs.
    pub figures: KernelFigures,
    /// FMA kernel: `size` = iterations per invocation.
    pub fma: KernelRun,
    /// Copy kernel: `size` = bytes per buffer.
    pub bandwidth: KernelRun,
    /// Hash chain: `size` = rounds per item.
    pub hash: KernelRun,
    /// Path tracer: `size` = samples per pixel.
    pub pathtrace: KernelRun,
    /// The hash chain's checksum and sampled openings.
    pub hash_proof: HashChainProof,
    /// The score of a GPU; `None` for a CPU device.
    pub score: Option<f64>,
    /// The formula's value for a CPU device; `None` for a GPU.
    pub cpu_score: Option<f64>,
    /// Wall-clock duration of the whole benchmark, seconds.
    pub wall_secs: f64,
}

impl BenchResult {
    /// The score or, for a CPU device, the CPU score.
    pub fn any_score(&self) -> f64 {
        self.score.or(self.cpu_score).unwrap_or(0.0)
    }
}

/// Sizes of one profile on one kind of device.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Sizes {
    /// How long one timed dispatch of a sized kernel should last.
    pub(crate) target_secs: f64,
    /// FMA kernel invocations.
    pub(crate) fma_invocations: u32,
    /// Bytes per copy buffer, before the device's limits.
    pub(crate) copy_bytes: u64,
    /// Hash-chain work items.
    pub(crate) hash_items: u32,
    /// Path-tracer image width, pixels.
    pub(crate) pathtrace_width: u32,
    /// Path-tracer image height, pixels.
    pub(crate) pathtrace_height: u32,
}

/// Largest last-level cache of a shipping GPU (AMD RDNA2 Infinity Cache,
/// 128 MiB); the copy buffers are four times that on GPUs.
const GPU_LLC_BYTES: u64 = 128 << 20;

fn sizes(profile: Profile, is_gpu: bool) -> Sizes {
    match (profile, is_gpu) {
        (Profile::Full, true) => Sizes {
            target_secs: 0.05,
            fma_invocations: 1 << 20,
            copy_bytes: 4 * GPU_LLC_BYTES,
            hash_items: 1 << 20,
            pathtrace_width: 1024,
            pathtrace_height: 512,
        },
        // A CPU device's last-level cache is a few tens of MiB.
        (Profile::Full, false) => Sizes {
            target_secs: 0.25,
            fma_invocations: 1 << 14,
            copy_bytes: 64 << 20,
            hash_items: 1 << 16,
            pathtrace_width: 128,
            pathtrace_height: 64,
        },
        (Profile::Quick, _) => Sizes {
            target_secs: 0.02,
            fma_invocations: 1 << 12,
            copy_bytes: 8 << 20,
            hash_items: 1 << 12,
            pathtrace_width: 32,
            pathtrace_height: 32,
        },
    }
}

/// Bytes per copy buffer on `physical`: the profile's size within the
/// largest storage-buffer range, the largest allocation and an eighth of the
/// device's memory, in whole 64 KiB.
fn copy_bytes(physical: &PhysicalDevice, fingerprint: &Fingerprint, wanted: u64) -> u64 {
    let limits = physical.properties();
    let max_range = limits.max_storage_buffer_range as u64;
    let max_allocation = limits.max_memory_allocation_size.unwrap_or(u64::MAX);
    let heap = fingerprint.vram_mb() << 20;
    wanted
        .min(max_range)
        .min(max_allocation)
        .min((heap / 8).max(8 << 20))
        & !0xFFFF
}

/// Runs the benchmark.
pub fn run(options: &BenchOptions) -> Result<BenchResult, BenchError> {
    let started = std::time::Instant::now();
    let physical = pick_device(options.device_index)?;
    let fingerprint = Fingerprint::of(&physical);
    let is_gpu = fingerprint.is_gpu();
    let sizes = sizes(options.profile, is_gpu);
    let copy_bytes = copy_bytes(&physical, &fingerprint, sizes.copy_bytes);
    let gpu = Gpu::new(physical)?;
    let runs = options.runs.max(1);
    let mut progress = Progress::new(options.progress);
    if options.progress {
        eprintln!(
            "benchmarking {} ({}), profile {:?}, best of {runs}",
            fingerprint.name, fingerprint.device_type, options.profile
        );
    }

    let (fma, fp32_tflops) = measure(&FmaKernel::new(&gpu, &sizes)?, runs, &mut progress)?;
    progress.done("fp32 fma", &format!("{fp32_tflops:.4} TFLOPS"));

    // A CPU device gets few work groups: its threads are few, and the
    // shader strides over the buffer.
    let max_groups = if is_gpu { 65_535 } else { 64 };
    let (bandwidth, bandwidth_gbs) = measure(
        &CopyKernel::new(&gpu, copy_bytes, max_groups)?,
        runs,
        &mut progress,
    )?;
    progress.done("memory bandwidth", &format!("{bandwidth_gbs:.2} GB/s"));

    let hash_kernel = HashChainKernel::new(&gpu, &sizes, &options.seed)?;
    let (hash, int32_tops) = measure(&hash_kernel, runs, &mut progress)?;
    let hash_proof = hash_kernel.commit(hash.size)?;
    progress.done(
        "hash chain",
        &format!("{int32_tops:.4} TOPS, root {}", hash_proof.root),
    );

    let (pathtrace, pathtrace_samples_per_min) =
        measure(&PathTracerKernel::new(&gpu, &sizes)?, runs, &mut progress)?;
    progress.done(
        "path tracer",
        &format!("{pathtrace_samples_per_min:.0} samples/min"),
    );

    let figures = KernelFigures {
        fp32_tflops,
        bandwidth_gbs,
        int32_tops,
        pathtrace_samples_per_min,
    };
    let value = score::score(&figures);
    Ok(BenchResult {
        bench_version: BENCH_VERSION,
        profile: options.profile,
        device_id: hex::encode(fingerprint.device_id()),
        is_gpu,
        fingerprint,
        figures,
        fma,
        bandwidth,
        hash,
        pathtrace,
        hash_proof,
        score: is_gpu.then_some(value),
        cpu_score: (!is_gpu).then_some(value),
        wall_secs: started.elapsed().as_secs_f64(),
    })
}
