//! The four benchmark kernels, one type each. A kernel owns its pipeline and
//! buffers, knows how its work grows with its size parameter and turns a
//! timed run into its throughput; [`measure`] sizes and times any of them
//! the same way. Each shader's push constants are mirrored by a `#[repr(C)]`
//! `…Params` struct, checked against the shader when the pipeline is made.

use std::sync::Arc;

use vulkano::buffer::{BufferContents, Subbuffer};
use vulkano::descriptor_set::DescriptorSet;
use vulkano::pipeline::ComputePipeline;

use super::gpu::{BenchError, Ctx, Gpu};
use super::hashchain::{self, HashChainProof};
use super::progress::Progress;
use super::{KernelRun, Sizes, MAX_HASH_ROUNDS};

const FMA_SPV: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/fma.spv"));
const COPY_SPV: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/copy.spv"));
pub(crate) const HASH_SPV: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/hashchain.spv"));
const PATHTRACE_SPV: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/pathtrace.spv"));

/// FP32 operations per FMA-kernel iteration and invocation: 16 vec4 FMAs.
const FMA_FLOP_PER_ITER: f64 = 16.0 * 4.0 * 2.0;

/// Invocations per work group of the one-dimensional kernels (`local_size_x`).
const GROUP_SIZE: u32 = 256;

/// How a kernel's size parameter is searched: it starts at `start` and grows
/// until one dispatch lasts `target_secs`, or it reaches `max`.
pub(crate) struct Sizing {
    target_secs: f64,
    start: u64,
    max: u64,
}

/// A timed compute kernel.
pub(crate) trait Kernel {
    /// Its name in progress lines.
    const NAME: &'static str;
    /// How its size parameter is searched.
    fn sizing(&self) -> Sizing;
    /// Runs one dispatch of `size` and returns its GPU time in seconds.
    fn dispatch(&self, size: u64) -> Result<f64, BenchError>;
    /// The throughput of a timed run, in the kernel's unit.
    fn throughput(&self, run: &KernelRun) -> f64;
}

/// Grows the kernel's size until one dispatch takes at least the target
/// time (or the size reaches its maximum), then takes the best of `runs`
/// timed dispatches at that size. Returns the run and its throughput.
pub(crate) fn measure<K: Kernel>(
    kernel: &K,
    runs: u32,
    progress: &mut Progress,
) -> Result<(KernelRun, f64), BenchError> {
    progress.begin(K::NAME);
    let Sizing {
        target_secs,
        start,
        max,
    } = kernel.sizing();
    let mut size = start;
    // Drivers may compile the pipeline at its first dispatch (lavapipe does);
    // that run would look long enough and stop the sizing too early.
    kernel.dispatch(size)?;
    loop {
        let secs = kernel.dispatch(size)?;
        if secs >= target_secs || size >= max {
            break;
        }
        let factor = (target_secs * 1.25 / secs.max(1e-7)).clamp(2.0, 64.0);
        size = ((size as f64 * factor) as u64).min(max);
    }
    let runs = runs.max(1);
    let mut times = Vec::with_capacity(runs as usize);
    for i in 0..runs {
        let secs = kernel.dispatch(size)?;
        progress.run(K::NAME, i + 1, runs, secs);
        times.push(secs);
    }
    let best = times.iter().cloned().fold(f64::INFINITY, f64::min);
    let run = KernelRun {
        size,
        best_secs: best.max(1e-9),
        runs_secs: times,
    };
    let throughput = kernel.throughput(&run);
    Ok((run, throughput))
}

/// The push constants of `shaders/fma.comp`.
#[derive(BufferContents, Clone, Copy)]
#[repr(C)]
struct FmaParams {
    iters: u32,
    seed: f32,
}

/// FP32 FMA throughput in TFLOPS; size: iterations per invocation.
pub(crate) struct FmaKernel<'a> {
    gpu: &'a Gpu,
    pipeline: Arc<ComputePipeline>,
    set: Arc<DescriptorSet>,
    invocations: u32,
    target_secs: f64,
}

impl<'a> FmaKernel<'a> {
    pub(crate) fn new(gpu: &'a Gpu, sizes: &Sizes) -> Result<Self, BenchError> {
        let pipeline = gpu.pipeline::<FmaParams>(FMA_SPV)?;
        let output = gpu.buffer::<u32>(sizes.fma_invocations as u64, false)?;
        let set = gpu.set(&pipeline, &[output])?;
        Ok(FmaKernel {
            gpu,
            pipeline,
            set,
            invocations: sizes.fma_invocations,
            target_secs: sizes.target_secs,
        })
    }
}

impl Kernel for FmaKernel<'_> {
    const NAME: &'static str = "fp32 fma";

    fn sizing(&self) -> Sizing {
        Sizing {
            target_secs: self.target_secs,
            start: 16,
            max: 1 << 24,
        }
    }

    fn dispatch(&self, iters: u64) -> Result<f64, BenchError> {
        let params = FmaParams {
            iters: iters as u32,
            seed: 1.0,
        };
        let groups = [self.invocations / GROUP_SIZE, 1, 1];
        self.gpu.timed(&self.pipeline, &self.set, params, groups)
    }

    fn throughput(&self, run: &KernelRun) -> f64 {
        self.invocations as f64 * run.size as f64 * FMA_FLOP_PER_ITER / run.best_secs / 1e12
    }
}

/// The push constants of `shaders/copy.comp`.
#[derive(BufferContents, Clone, Copy)]
#[repr(C)]
struct CopyParams {
    count: u32,
}

/// Memory bandwidth in GB/s (read + written): a copy between two buffers of
/// a fixed size, so the size parameter is the bytes per buffer.
pub(crate) struct CopyKernel<'a> {
    gpu: &'a Gpu,
    pipeline: Arc<ComputePipeline>,
    set: Arc<DescriptorSet>,
    bytes: u64,
    groups: u32,
}

impl<'a> CopyKernel<'a> {
    /// Two buffers of `bytes` each, the source filled; `max_groups` bounds
    /// the grid (the shader strides over the rest).
    pub(crate) fn new(gpu: &'a Gpu, bytes: u64, max_groups: u32) -> Result<Self, BenchError> {
        let words = bytes / 4;
        let source = gpu.buffer::<u32>(words, false)?;
        let destination = gpu.buffer::<u32>(words, false)?;
        gpu.fill(&source, 0x5A5A_5A5A)?;
        let pipeline = gpu.pipeline::<CopyParams>(COPY_SPV)?;
        let set = gpu.set(&pipeline, &[source, destination])?;
        let elements = (bytes / 16) as u32;
        Ok(CopyKernel {
            gpu,
            pipeline,
            set,
            bytes,
            groups: elements.div_ceil(GROUP_SIZE).min(max_groups),
        })
    }
}

impl Kernel for CopyKernel<'_> {
    const NAME: &'static str = "memory bandwidth";

    fn sizing(&self) -> Sizing {
        // The buffers are as large as the device allows; one copy is enough.
        Sizing {
            target_secs: 0.0,
            start: self.bytes,
            max: self.bytes,
        }
    }

    fn dispatch(&self, _bytes: u64) -> Result<f64, BenchError> {
        let params = CopyParams {
            count: (self.bytes / 16) as u32,
        };
        let groups = [self.groups, 1, 1];
        self.gpu.timed(&self.pipeline, &self.set, params, groups)
    }

    fn throughput(&self, run: &KernelRun) -> f64 {
        2.0 * run.size as f64 / run.best_secs / 1e9
    }
}

/// The push constants of `shaders/hashchain.comp` (std430: two `uvec4`, then
/// two `uint`, 40 bytes).
#[derive(BufferContents, Clone, Copy)]
#[repr(C)]
pub(crate) struct HashChainParams {
    pub(crate) seed_lo: [u32; 4],
    pub(crate) seed_hi: [u32; 4],
    pub(crate) rounds: u32,
    pub(crate) count: u32,
}

/// The challenge-seeded integer hash chain in tera-operations per second;
/// size: rounds per item. Its output stays readable for the commitment.
pub(crate) struct HashChainKernel<'a> {
    gpu: &'a Gpu,
    pipeline: Arc<ComputePipeline>,
    set: Arc<DescriptorSet>,
    output: Subbuffer<[u32]>,
    seed: [u8; 32],
    items: u32,
    target_secs: f64,
}

impl<'a> HashChainKernel<'a> {
    pub(crate) fn new(gpu: &'a Gpu, sizes: &Sizes, seed: &[u8; 32]) -> Result<Self, BenchError> {
        let pipeline = gpu.pipeline::<HashChainParams>(HASH_SPV)?;
        let output = gpu.buffer::<u32>(sizes.hash_items as u64, true)?;
        let set = gpu.set(&pipeline, std::slice::from_ref(&output))?;
        Ok(HashChainKernel {
            gpu,
            pipeline,
            set,
            output,
            seed: *seed,
            items: sizes.hash_items,
            target_secs: sizes.target_secs,
        })
    }

    /// Commits to the last dispatch's output, which ran `rounds` rounds.
    pub(crate) fn commit(&self, rounds: u64) -> Result<HashChainProof, BenchError> {
        let values = self
            .output
            .read()
            .ctx("reading the hash chain output")?
            .to_vec();
        Ok(HashChainProof::commit(&self.seed, rounds as u32, &values)?)
    }
}

impl Kernel for HashChainKernel<'_> {
    const NAME: &'static str = "hash chain";

    fn sizing(&self) -> Sizing {
        Sizing {
            target_secs: self.target_secs,
            start: 64,
            max: MAX_HASH_ROUNDS,
        }
    }

    fn dispatch(&self, rounds: u64) -> Result<f64, BenchError> {
        let words = hashchain::seed_words(&self.seed);
        let params = HashChainParams {
            seed_lo: [words[0], words[1], words[2], words[3]],
            seed_hi: [words[4], words[5], words[6], words[7]],
            rounds: rounds as u32,
            count: self.items,
        };
        let groups = [self.items.div_ceil(GROUP_SIZE), 1, 1];
        self.gpu.timed(&self.pipeline, &self.set, params, groups)
    }

    fn throughput(&self, run: &KernelRun) -> f64 {
        self.items as f64 * run.size as f64 * hashchain::OPS_PER_ROUND as f64 / run.best_secs / 1e12
    }
}

/// The push constants of `shaders/pathtrace.comp`.
#[derive(BufferContents, Clone, Copy)]
#[repr(C)]
struct PathTraceParams {
    width: u32,
    height: u32,
    spp: u32,
    frame: u32,
}

/// Work-group edge of the path tracer (`local_size_x` and `_y`).
const PATHTRACE_TILE: u32 = 8;

/// The path tracer in samples (paths) per minute; size: samples per pixel.
pub(crate) struct PathTracerKernel<'a> {
    gpu: &'a Gpu,
    pipeline: Arc<ComputePipeline>,
    set: Arc<DescriptorSet>,
    width: u32,
    height: u32,
    target_secs: f64,
}

impl<'a> PathTracerKernel<'a> {
    pub(crate) fn new(gpu: &'a Gpu, sizes: &Sizes) -> Result<Self, BenchError> {
        let pipeline = gpu.pipeline::<PathTraceParams>(PATHTRACE_SPV)?;
        let pixels = sizes.pathtrace_width as u64 * sizes.pathtrace_height as u64;
        let image = gpu.buffer::<u32>(pixels * 4, false)?;
        let set = gpu.set(&pipeline, &[image])?;
        Ok(PathTracerKernel {
            gpu,
            pipeline,
            set,
            width: sizes.pathtrace_width,
            height: sizes.pathtrace_height,
            target_secs: sizes.target_secs,
        })
    }
}

impl Kernel for PathTracerKernel<'_> {
    const NAME: &'static str = "path tracer";

    fn sizing(&self) -> Sizing {
        Sizing {
            target_secs: self.target_secs,
            start: 1,
            max: 1 << 16,
        }
    }

    fn dispatch(&self, spp: u64) -> Result<f64, BenchError> {
        let params = PathTraceParams {
            width: self.width,
            height: self.height,
            spp: spp as u32,
            frame: 1,
        };
        let groups = [
            self.width.div_ceil(PATHTRACE_TILE),
            self.height.div_ceil(PATHTRACE_TILE),
            1,
        ];
        self.gpu.timed(&self.pipeline, &self.set, params, groups)
    }

    fn throughput(&self, run: &KernelRun) -> f64 {
        let pixels = self.width as f64 * self.height as f64;
        pixels * run.size as f64 / run.best_secs * 60.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::pick_device;

    #[test]
    fn each_params_struct_mirrors_its_shader_and_a_wrong_one_is_refused() {
        let gpu = Gpu::new(pick_device(None).expect("a Vulkan device")).unwrap();
        gpu.pipeline::<FmaParams>(FMA_SPV).unwrap();
        gpu.pipeline::<CopyParams>(COPY_SPV).unwrap();
        gpu.pipeline::<HashChainParams>(HASH_SPV).unwrap();
        gpu.pipeline::<PathTraceParams>(PATHTRACE_SPV).unwrap();
        let wrong = gpu.pipeline::<CopyParams>(HASH_SPV).err().unwrap();
        assert!(wrong.to_string().contains("declares 40 bytes"), "{wrong}");
    }
}
