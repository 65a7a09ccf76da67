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

pub mod fingerprint;
pub mod hashchain;
pub mod score;

use std::io::{IsTerminal, Write};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use vulkano::buffer::{Buffer, BufferContents, BufferCreateInfo, BufferUsage, Subbuffer};
use vulkano::command_buffer::allocator::StandardCommandBufferAllocator;
use vulkano::command_buffer::{AutoCommandBufferBuilder, CommandBufferUsage};
use vulkano::descriptor_set::allocator::StandardDescriptorSetAllocator;
use vulkano::descriptor_set::{DescriptorSet, WriteDescriptorSet};
use vulkano::device::physical::{PhysicalDevice, PhysicalDeviceType};
use vulkano::device::{Device, DeviceCreateInfo, Queue, QueueCreateInfo, QueueFlags};
use vulkano::memory::allocator::{AllocationCreateInfo, MemoryTypeFilter, StandardMemoryAllocator};
use vulkano::pipeline::compute::ComputePipelineCreateInfo;
use vulkano::pipeline::layout::PipelineDescriptorSetLayoutCreateInfo;
use vulkano::pipeline::{
    ComputePipeline, Pipeline, PipelineBindPoint, PipelineLayout, PipelineShaderStageCreateInfo,
};
use vulkano::query::{QueryPool, QueryPoolCreateInfo, QueryResultFlags, QueryType};
use vulkano::shader::{ShaderModule, ShaderModuleCreateInfo};
use vulkano::sync::{self, GpuFuture, PipelineStage};

use crate::vulkan::{self, VulkanError};
use fingerprint::Fingerprint;
use hashchain::HashChainProof;
use score::KernelFigures;

/// Version of the benchmark; goes into `BenchmarkReport.bench_version`.
/// Bump it whenever a kernel or the score formula changes.
pub const BENCH_VERSION: u64 = 1;

const FMA_SPV: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/fma.spv"));
const COPY_SPV: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/copy.spv"));
const HASH_SPV: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/hashchain.spv"));
const PT_SPV: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/pathtrace.spv"));

/// The most rounds per item the hash-chain sizing goes to.
pub const MAX_HASH_ROUNDS: u64 = 1 << 24;
/// The most hash-chain items of any profile.
pub const MAX_HASH_ITEMS: u32 = 1 << 20;

/// FP32 operations per FMA-kernel iteration and invocation: 16 vec4 FMAs.
const FMA_FLOP_PER_ITER: f64 = 16.0 * 4.0 * 2.0;

/// Why the benchmark could not run.
#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    /// No Vulkan loader or instance.
    #[error(transparent)]
    Vulkan(#[from] VulkanError),
    /// The instance has no usable device.
    #[error(
        "no Vulkan device with a compute queue found; install a GPU driver, or \
         mesa-vulkan-drivers for the CPU driver lavapipe (scripts/setup.sh)"
    )]
    NoDevice,
    /// The requested device index does not exist.
    #[error("Vulkan device {index} does not exist ({count} devices; see `lumen-relayer devices`)")]
    BadDeviceIndex {
        /// Requested index.
        index: usize,
        /// Number of devices.
        count: usize,
    },
    /// The device cannot write timestamps on its compute queue.
    #[error("device {0} has no timestamp support on its compute queue")]
    NoTimestamps(String),
    /// A Vulkan call failed.
    #[error("Vulkan error while {what}: {detail}")]
    Call {
        /// What was being done.
        what: &'static str,
        /// The driver's or vulkano's message.
        detail: String,
    },
    /// The hash chain commitment failed.
    #[error(transparent)]
    Proof(#[from] hashchain::ProofError),
}

trait Ctx<T> {
    fn ctx(self, what: &'static str) -> Result<T, BenchError>;
}

impl<T, E: std::fmt::Display> Ctx<T> for Result<T, E> {
    fn ctx(self, what: &'static str) -> Result<T, BenchError> {
        self.map_err(|e| BenchError::Call {
            what,
            detail: e.to_string(),
        })
    }
}

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
struct Sizes {
    target_secs: f64,
    fma_invocations: u32,
    copy_bytes: u64,
    hash_items: u32,
    pt_width: u32,
    pt_height: u32,
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
            pt_width: 1024,
            pt_height: 512,
        },
        // A CPU device's last-level cache is a few tens of MiB.
        (Profile::Full, false) => Sizes {
            target_secs: 0.25,
            fma_invocations: 1 << 14,
            copy_bytes: 64 << 20,
            hash_items: 1 << 16,
            pt_width: 128,
            pt_height: 64,
        },
        (Profile::Quick, _) => Sizes {
            target_secs: 0.02,
            fma_invocations: 1 << 12,
            copy_bytes: 8 << 20,
            hash_items: 1 << 12,
            pt_width: 32,
            pt_height: 32,
        },
    }
}

fn type_rank(t: PhysicalDeviceType) -> u32 {
    match t {
        PhysicalDeviceType::DiscreteGpu => 0,
        PhysicalDeviceType::IntegratedGpu => 1,
        PhysicalDeviceType::VirtualGpu => 2,
        PhysicalDeviceType::Cpu => 3,
        _ => 4,
    }
}

fn compute_family(d: &PhysicalDevice) -> Option<u32> {
    d.queue_family_properties()
        .iter()
        .position(|q| q.queue_flags.intersects(QueueFlags::COMPUTE))
        .map(|i| i as u32)
}

/// Picks the device: the given index, or the best GPU, else a CPU device.
pub fn pick_device(index: Option<usize>) -> Result<Arc<PhysicalDevice>, BenchError> {
    let instance = vulkan::instance()?;
    let all: Vec<_> = instance
        .enumerate_physical_devices()
        .map_err(|e| VulkanError::Instance(e.to_string()))?
        .collect();
    match index {
        Some(i) => all.get(i).cloned().ok_or(BenchError::BadDeviceIndex {
            index: i,
            count: all.len(),
        }),
        None => all
            .into_iter()
            .filter(|d| compute_family(d).is_some())
            .min_by_key(|d| type_rank(d.properties().device_type))
            .ok_or(BenchError::NoDevice),
    }
}

struct Gpu {
    device: Arc<Device>,
    queue: Arc<Queue>,
    mem: Arc<StandardMemoryAllocator>,
    sets: Arc<StandardDescriptorSetAllocator>,
    cmds: Arc<StandardCommandBufferAllocator>,
    queries: Arc<QueryPool>,
    tick_secs: f64,
    tick_mask: u64,
}

impl Gpu {
    fn new(physical: Arc<PhysicalDevice>) -> Result<Gpu, BenchError> {
        let name = physical.properties().device_name.clone();
        let family = compute_family(&physical).ok_or(BenchError::NoDevice)?;
        let bits = physical.queue_family_properties()[family as usize]
            .timestamp_valid_bits
            .unwrap_or(0);
        if bits == 0 {
            return Err(BenchError::NoTimestamps(name));
        }
        let tick_secs = physical.properties().timestamp_period as f64 * 1e-9;
        let (device, mut queues) = Device::new(
            physical,
            DeviceCreateInfo {
                queue_create_infos: vec![QueueCreateInfo {
                    queue_family_index: family,
                    ..Default::default()
                }],
                ..Default::default()
            },
        )
        .ctx("creating the logical device")?;
        let queue = queues.next().ok_or(BenchError::NoDevice)?;
        let queries = QueryPool::new(
            device.clone(),
            QueryPoolCreateInfo {
                query_count: 2,
                ..QueryPoolCreateInfo::query_type(QueryType::Timestamp)
            },
        )
        .ctx("creating the timestamp query pool")?;
        Ok(Gpu {
            mem: Arc::new(StandardMemoryAllocator::new_default(device.clone())),
            sets: Arc::new(StandardDescriptorSetAllocator::new(
                device.clone(),
                Default::default(),
            )),
            cmds: Arc::new(StandardCommandBufferAllocator::new(
                device.clone(),
                Default::default(),
            )),
            device,
            queue,
            queries,
            tick_secs,
            tick_mask: if bits >= 64 {
                u64::MAX
            } else {
                (1u64 << bits) - 1
            },
        })
    }

    fn pipeline(&self, spv: &[u8]) -> Result<Arc<ComputePipeline>, BenchError> {
        let words: Vec<u32> = spv
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        // SAFETY: the words are SPIR-V that glslangValidator produced and
        // validated at build time.
        let module =
            unsafe { ShaderModule::new(self.device.clone(), ShaderModuleCreateInfo::new(&words)) }
                .ctx("loading a shader module")?;
        let entry = module.entry_point("main").ok_or(BenchError::Call {
            what: "loading a shader module",
            detail: "no entry point `main`".into(),
        })?;
        let stage = PipelineShaderStageCreateInfo::new(entry);
        let layout = PipelineLayout::new(
            self.device.clone(),
            PipelineDescriptorSetLayoutCreateInfo::from_stages([&stage])
                .into_pipeline_layout_create_info(self.device.clone())
                .ctx("deriving a pipeline layout")?,
        )
        .ctx("creating a pipeline layout")?;
        ComputePipeline::new(
            self.device.clone(),
            None,
            ComputePipelineCreateInfo::stage_layout(stage, layout),
        )
        .ctx("creating a compute pipeline")
    }

    fn buffer<T: BufferContents>(
        &self,
        len: u64,
        host: bool,
    ) -> Result<Subbuffer<[T]>, BenchError> {
        let filter = if host {
            MemoryTypeFilter::PREFER_DEVICE | MemoryTypeFilter::HOST_RANDOM_ACCESS
        } else {
            MemoryTypeFilter::PREFER_DEVICE
        };
        Buffer::new_slice::<T>(
            self.mem.clone(),
            BufferCreateInfo {
                usage: BufferUsage::STORAGE_BUFFER | BufferUsage::TRANSFER_DST,
                ..Default::default()
            },
            AllocationCreateInfo {
                memory_type_filter: filter,
                ..Default::default()
            },
            len,
        )
        .ctx("allocating a buffer")
    }

    fn set(
        &self,
        pipeline: &ComputePipeline,
        buffers: &[Subbuffer<[u32]>],
    ) -> Result<Arc<DescriptorSet>, BenchError> {
        DescriptorSet::new(
            self.sets.clone(),
            pipeline.layout().set_layouts()[0].clone(),
            buffers
                .iter()
                .enumerate()
                .map(|(i, b)| WriteDescriptorSet::buffer(i as u32, b.clone())),
            [],
        )
        .ctx("creating a descriptor set")
    }

    fn fill(&self, buffer: &Subbuffer<[u32]>, value: u32) -> Result<(), BenchError> {
        let mut b = AutoCommandBufferBuilder::primary(
            self.cmds.clone(),
            self.queue.queue_family_index(),
            CommandBufferUsage::OneTimeSubmit,
        )
        .ctx("recording a command buffer")?;
        b.fill_buffer(buffer.clone(), value)
            .ctx("recording a buffer fill")?;
        let cb = b.build().ctx("building a command buffer")?;
        sync::now(self.device.clone())
            .then_execute(self.queue.clone(), cb)
            .ctx("submitting a buffer fill")?
            .then_signal_fence_and_flush()
            .ctx("submitting a buffer fill")?
            .wait(None)
            .ctx("waiting for a buffer fill")
    }

    /// Records one dispatch between two timestamps, runs it and returns the
    /// GPU time between the timestamps in seconds.
    fn timed<Pc: BufferContents>(
        &self,
        pipeline: &Arc<ComputePipeline>,
        set: &Arc<DescriptorSet>,
        push: Pc,
        groups: [u32; 3],
    ) -> Result<f64, BenchError> {
        let mut b = AutoCommandBufferBuilder::primary(
            self.cmds.clone(),
            self.queue.queue_family_index(),
            CommandBufferUsage::OneTimeSubmit,
        )
        .ctx("recording a command buffer")?;
        // SAFETY: the pool's two queries are reset at the start of every
        // command buffer and only this command buffer uses them; it is waited
        // for before the next one is recorded.
        unsafe {
            b.reset_query_pool(self.queries.clone(), 0..2)
                .ctx("resetting the query pool")?;
        }
        b.bind_pipeline_compute(pipeline.clone())
            .ctx("binding a pipeline")?
            .bind_descriptor_sets(
                PipelineBindPoint::Compute,
                pipeline.layout().clone(),
                0,
                set.clone(),
            )
            .ctx("binding a descriptor set")?
            .push_constants(pipeline.layout().clone(), 0, push)
            .ctx("pushing constants")?;
        // SAFETY: the queries were reset above; the dispatch's bindings match
        // the pipeline layout it was created from.
        unsafe {
            b.write_timestamp(self.queries.clone(), 0, PipelineStage::AllCommands)
                .ctx("writing a timestamp")?;
            b.dispatch(groups).ctx("recording a dispatch")?;
            b.write_timestamp(self.queries.clone(), 1, PipelineStage::AllCommands)
                .ctx("writing a timestamp")?;
        }
        let cb = b.build().ctx("building a command buffer")?;
        sync::now(self.device.clone())
            .then_execute(self.queue.clone(), cb)
            .ctx("submitting a dispatch")?
            .then_signal_fence_and_flush()
            .ctx("submitting a dispatch")?
            .wait(None)
            .ctx("waiting for a dispatch")?;
        let mut ts = [0u64; 2];
        self.queries
            .get_results(0..2, &mut ts, QueryResultFlags::WAIT)
            .ctx("reading timestamps")?;
        let ticks = ts[1].wrapping_sub(ts[0]) & self.tick_mask;
        Ok(ticks as f64 * self.tick_secs)
    }
}

struct Progress {
    on: bool,
    /// Whether stderr is a terminal: only then are runs redrawn in place.
    tty: bool,
    step: usize,
}

impl Progress {
    const STEPS: usize = 4;

    fn begin(&mut self, name: &str) {
        self.step += 1;
        if self.on && self.tty {
            eprint!("[{}/{}] {name} ...", self.step, Self::STEPS);
            let _ = std::io::stderr().flush();
        }
    }

    fn run(&self, name: &str, i: u32, n: u32, secs: f64) {
        if self.on && self.tty {
            eprint!(
                "\r[{}/{}] {name}: run {i}/{n} {:.2} ms   ",
                self.step,
                Self::STEPS,
                secs * 1e3
            );
            let _ = std::io::stderr().flush();
        }
    }

    fn done(&self, name: &str, value: &str) {
        if self.on && self.tty {
            eprintln!(
                "\r[{}/{}] {name}: {value}          ",
                self.step,
                Self::STEPS
            );
        } else if self.on {
            eprintln!("[{}/{}] {name}: {value}", self.step, Self::STEPS);
        }
    }
}

/// Grows `size` until one run takes at least `target` seconds (or `max` is
/// reached), then takes the best of `runs` timed runs at that size.
fn measure(
    target: f64,
    mut size: u64,
    max: u64,
    runs: u32,
    name: &str,
    progress: &Progress,
    mut run: impl FnMut(u64) -> Result<f64, BenchError>,
) -> Result<KernelRun, BenchError> {
    // Drivers may compile the pipeline at its first dispatch (lavapipe does);
    // that run would look long enough and stop the sizing too early.
    run(size)?;
    loop {
        let t = run(size)?;
        if t >= target || size >= max {
            break;
        }
        let factor = (target * 1.25 / t.max(1e-7)).clamp(2.0, 64.0);
        size = ((size as f64 * factor) as u64).min(max);
    }
    let mut times = Vec::with_capacity(runs as usize);
    for i in 0..runs.max(1) {
        let t = run(size)?;
        progress.run(name, i + 1, runs.max(1), t);
        times.push(t);
    }
    let best = times.iter().cloned().fold(f64::INFINITY, f64::min);
    Ok(KernelRun {
        size,
        best_secs: best.max(1e-9),
        runs_secs: times,
    })
}

/// Runs the benchmark.
pub fn run(options: &BenchOptions) -> Result<BenchResult, BenchError> {
    let started = std::time::Instant::now();
    let physical = pick_device(options.device_index)?;
    let fingerprint = Fingerprint::of(&physical);
    let is_gpu = fingerprint.is_gpu();
    let sz = sizes(options.profile, is_gpu);
    let limits = physical.properties();
    let max_range = limits.max_storage_buffer_range as u64;
    let max_alloc = limits.max_memory_allocation_size.unwrap_or(u64::MAX);
    let heap = fingerprint.vram_mb() << 20;
    let gpu = Gpu::new(physical)?;
    let runs = options.runs.max(1);
    let mut progress = Progress {
        on: options.progress,
        tty: std::io::stderr().is_terminal(),
        step: 0,
    };
    if options.progress {
        eprintln!(
            "benchmarking {} ({}), profile {:?}, best of {runs}",
            fingerprint.name, fingerprint.device_type, options.profile
        );
    }

    // FP32 FMA.
    progress.begin("fp32 fma");
    let fma = gpu.pipeline(FMA_SPV)?;
    let fma_out = gpu.buffer::<u32>(sz.fma_invocations as u64, false)?;
    let fma_set = gpu.set(&fma, std::slice::from_ref(&fma_out))?;
    let fma_run = measure(
        sz.target_secs,
        16,
        1 << 24,
        runs,
        "fp32 fma",
        &progress,
        |iters| {
            gpu.timed(
                &fma,
                &fma_set,
                [iters as u32, 1.0f32.to_bits()],
                [sz.fma_invocations / 256, 1, 1],
            )
        },
    )?;
    let fp32_tflops = sz.fma_invocations as f64 * fma_run.size as f64 * FMA_FLOP_PER_ITER
        / fma_run.best_secs
        / 1e12;
    progress.done("fp32 fma", &format!("{fp32_tflops:.4} TFLOPS"));

    // Memory bandwidth: the buffer size is fixed by the profile and the
    // device limits, and the copy is repeated until it is long enough.
    progress.begin("memory bandwidth");
    let copy_bytes = sz
        .copy_bytes
        .min(max_range)
        .min(max_alloc)
        .min((heap / 8).max(8 << 20))
        & !0xFFFF;
    let words = copy_bytes / 4;
    let src = gpu.buffer::<u32>(words, false)?;
    let dst = gpu.buffer::<u32>(words, false)?;
    gpu.fill(&src, 0x5A5A_5A5A)?;
    let copy = gpu.pipeline(COPY_SPV)?;
    let copy_set = gpu.set(&copy, &[src.clone(), dst.clone()])?;
    let count = (copy_bytes / 16) as u32;
    let groups = count.div_ceil(256).min(if is_gpu { 65_535 } else { 64 });
    let bw_run = measure(0.0, 1, 1, runs, "memory bandwidth", &progress, |_| {
        gpu.timed(&copy, &copy_set, [count], [groups, 1, 1])
    })?;
    let bandwidth_gbs = 2.0 * copy_bytes as f64 / bw_run.best_secs / 1e9;
    let bw_run = KernelRun {
        size: copy_bytes,
        ..bw_run
    };
    drop((src, dst, copy_set));
    progress.done("memory bandwidth", &format!("{bandwidth_gbs:.2} GB/s"));

    // Hash chain.
    progress.begin("hash chain");
    let hash = gpu.pipeline(HASH_SPV)?;
    let hash_out = gpu.buffer::<u32>(sz.hash_items as u64, true)?;
    let hash_set = gpu.set(&hash, std::slice::from_ref(&hash_out))?;
    let w = hashchain::seed_words(&options.seed);
    let hash_run = measure(
        sz.target_secs,
        64,
        MAX_HASH_ROUNDS,
        runs,
        "hash chain",
        &progress,
        |rounds| {
            let push: [u32; 10] = [
                w[0],
                w[1],
                w[2],
                w[3],
                w[4],
                w[5],
                w[6],
                w[7],
                rounds as u32,
                sz.hash_items,
            ];
            gpu.timed(&hash, &hash_set, push, [sz.hash_items.div_ceil(256), 1, 1])
        },
    )?;
    let int32_tops = sz.hash_items as f64 * hash_run.size as f64 * hashchain::OPS_PER_ROUND as f64
        / hash_run.best_secs
        / 1e12;
    let values = hash_out
        .read()
        .ctx("reading the hash chain output")?
        .to_vec();
    let hash_proof = HashChainProof::commit(&options.seed, hash_run.size as u32, &values)?;
    progress.done(
        "hash chain",
        &format!("{int32_tops:.4} TOPS, root {}", hash_proof.root),
    );

    // Path tracer.
    progress.begin("path tracer");
    let pt = gpu.pipeline(PT_SPV)?;
    let pixels = sz.pt_width as u64 * sz.pt_height as u64;
    let img = gpu.buffer::<u32>(pixels * 4, false)?;
    let pt_set = gpu.set(&pt, std::slice::from_ref(&img))?;
    let pt_run = measure(
        sz.target_secs,
        1,
        1 << 16,
        runs,
        "path tracer",
        &progress,
        |spp| {
            gpu.timed(
                &pt,
                &pt_set,
                [sz.pt_width, sz.pt_height, spp as u32, 1],
                [sz.pt_width.div_ceil(8), sz.pt_height.div_ceil(8), 1],
            )
        },
    )?;
    let pathtrace_samples_per_min = pixels as f64 * pt_run.size as f64 / pt_run.best_secs * 60.0;
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
        fma: fma_run,
        bandwidth: bw_run,
        hash: hash_run,
        pathtrace: pt_run,
        hash_proof,
        score: is_gpu.then_some(value),
        cpu_score: (!is_gpu).then_some(value),
        wall_secs: started.elapsed().as_secs_f64(),
    })
}
