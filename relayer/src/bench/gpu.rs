//! The Vulkan plumbing the kernels share: device choice, one compute queue,
//! allocators, pipelines from embedded SPIR-V, and a dispatch timed with GPU
//! timestamp queries.

use std::sync::Arc;

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

use super::hashchain;
use crate::vulkan::{self, VulkanError};

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

pub(crate) trait Ctx<T> {
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

/// Preference order of device types: discrete GPUs first, CPU devices last.
fn type_rank(device_type: PhysicalDeviceType) -> u32 {
    match device_type {
        PhysicalDeviceType::DiscreteGpu => 0,
        PhysicalDeviceType::IntegratedGpu => 1,
        PhysicalDeviceType::VirtualGpu => 2,
        PhysicalDeviceType::Cpu => 3,
        _ => 4,
    }
}

/// The first queue family that can run compute work.
fn compute_family(device: &PhysicalDevice) -> Option<u32> {
    device
        .queue_family_properties()
        .iter()
        .position(|family| family.queue_flags.intersects(QueueFlags::COMPUTE))
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
            .filter(|device| compute_family(device).is_some())
            .min_by_key(|device| type_rank(device.properties().device_type))
            .ok_or(BenchError::NoDevice),
    }
}

/// One logical device with a compute queue and what recording work on it needs.
pub(crate) struct Gpu {
    device: Arc<Device>,
    queue: Arc<Queue>,
    memory_allocator: Arc<StandardMemoryAllocator>,
    descriptor_set_allocator: Arc<StandardDescriptorSetAllocator>,
    command_buffer_allocator: Arc<StandardCommandBufferAllocator>,
    /// Two timestamp queries, around the timed dispatch.
    timestamps: Arc<QueryPool>,
    /// Seconds per timestamp tick.
    tick_secs: f64,
    /// The valid bits of a timestamp.
    tick_mask: u64,
}

impl Gpu {
    /// Opens `physical` with one compute queue.
    pub(crate) fn new(physical: Arc<PhysicalDevice>) -> Result<Gpu, BenchError> {
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
        let timestamps = QueryPool::new(
            device.clone(),
            QueryPoolCreateInfo {
                query_count: 2,
                ..QueryPoolCreateInfo::query_type(QueryType::Timestamp)
            },
        )
        .ctx("creating the timestamp query pool")?;
        Ok(Gpu {
            memory_allocator: Arc::new(StandardMemoryAllocator::new_default(device.clone())),
            descriptor_set_allocator: Arc::new(StandardDescriptorSetAllocator::new(
                device.clone(),
                Default::default(),
            )),
            command_buffer_allocator: Arc::new(StandardCommandBufferAllocator::new(
                device.clone(),
                Default::default(),
            )),
            device,
            queue,
            timestamps,
            tick_secs,
            tick_mask: if bits >= 64 {
                u64::MAX
            } else {
                (1u64 << bits) - 1
            },
        })
    }

    /// A compute pipeline from embedded SPIR-V (entry point `main`) whose
    /// push constants are `Params`: a struct that does not match the size
    /// the shader declares is refused here rather than read as garbage.
    pub(crate) fn pipeline<Params: BufferContents>(
        &self,
        spv: &[u8],
    ) -> Result<Arc<ComputePipeline>, BenchError> {
        let words: Vec<u32> = spv
            .chunks_exact(4)
            .map(|word| u32::from_le_bytes([word[0], word[1], word[2], word[3]]))
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
        let declared: u32 = layout.push_constant_ranges().iter().map(|r| r.size).sum();
        let mirrored = std::mem::size_of::<Params>();
        if declared as usize != mirrored {
            return Err(BenchError::Call {
                what: "checking push constants",
                detail: format!(
                    "the shader declares {declared} bytes of push constants, {} has {mirrored}",
                    std::any::type_name::<Params>()
                ),
            });
        }
        ComputePipeline::new(
            self.device.clone(),
            None,
            ComputePipelineCreateInfo::stage_layout(stage, layout),
        )
        .ctx("creating a compute pipeline")
    }

    /// A storage buffer of `len` elements in device memory; `host` makes it
    /// readable from the host too.
    pub(crate) fn buffer<T: BufferContents>(
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
            self.memory_allocator.clone(),
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

    /// The descriptor set binding `buffers` in order to the pipeline's set 0.
    pub(crate) fn set(
        &self,
        pipeline: &ComputePipeline,
        buffers: &[Subbuffer<[u32]>],
    ) -> Result<Arc<DescriptorSet>, BenchError> {
        DescriptorSet::new(
            self.descriptor_set_allocator.clone(),
            pipeline.layout().set_layouts()[0].clone(),
            buffers.iter().enumerate().map(|(binding, buffer)| {
                WriteDescriptorSet::buffer(binding as u32, buffer.clone())
            }),
            [],
        )
        .ctx("creating a descriptor set")
    }

    /// Fills `buffer` with `value` and waits for it.
    pub(crate) fn fill(&self, buffer: &Subbuffer<[u32]>, value: u32) -> Result<(), BenchError> {
        let mut builder = AutoCommandBufferBuilder::primary(
            self.command_buffer_allocator.clone(),
            self.queue.queue_family_index(),
            CommandBufferUsage::OneTimeSubmit,
        )
        .ctx("recording a command buffer")?;
        builder
            .fill_buffer(buffer.clone(), value)
            .ctx("recording a buffer fill")?;
        let commands = builder.build().ctx("building a command buffer")?;
        sync::now(self.device.clone())
            .then_execute(self.queue.clone(), commands)
            .ctx("submitting a buffer fill")?
            .then_signal_fence_and_flush()
            .ctx("submitting a buffer fill")?
            .wait(None)
            .ctx("waiting for a buffer fill")
    }

    /// Records one dispatch between two timestamps, runs it and returns the
    /// GPU time between the timestamps in seconds.
    pub(crate) fn timed<Params: BufferContents>(
        &self,
        pipeline: &Arc<ComputePipeline>,
        set: &Arc<DescriptorSet>,
        params: Params,
        groups: [u32; 3],
    ) -> Result<f64, BenchError> {
        let mut builder = AutoCommandBufferBuilder::primary(
            self.command_buffer_allocator.clone(),
            self.queue.queue_family_index(),
            CommandBufferUsage::OneTimeSubmit,
        )
        .ctx("recording a command buffer")?;
        // SAFETY: the pool's two queries are reset at the start of every
        // command buffer and only this command buffer uses them; it is waited
        // for before the next one is recorded.
        unsafe {
            builder
                .reset_query_pool(self.timestamps.clone(), 0..2)
                .ctx("resetting the query pool")?;
        }
        builder
            .bind_pipeline_compute(pipeline.clone())
            .ctx("binding a pipeline")?
            .bind_descriptor_sets(
                PipelineBindPoint::Compute,
                pipeline.layout().clone(),
                0,
                set.clone(),
            )
            .ctx("binding a descriptor set")?
            .push_constants(pipeline.layout().clone(), 0, params)
            .ctx("pushing constants")?;
        // SAFETY: the queries were reset above; the dispatch's bindings match
        // the pipeline layout it was created from.
        unsafe {
            builder
                .write_timestamp(self.timestamps.clone(), 0, PipelineStage::AllCommands)
                .ctx("writing a timestamp")?;
            builder.dispatch(groups).ctx("recording a dispatch")?;
            builder
                .write_timestamp(self.timestamps.clone(), 1, PipelineStage::AllCommands)
                .ctx("writing a timestamp")?;
        }
        let commands = builder.build().ctx("building a command buffer")?;
        sync::now(self.device.clone())
            .then_execute(self.queue.clone(), commands)
            .ctx("submitting a dispatch")?
            .then_signal_fence_and_flush()
            .ctx("submitting a dispatch")?
            .wait(None)
            .ctx("waiting for a dispatch")?;
        let mut ticks = [0u64; 2];
        self.timestamps
            .get_results(0..2, &mut ticks, QueryResultFlags::WAIT)
            .ctx("reading timestamps")?;
        let elapsed = ticks[1].wrapping_sub(ticks[0]) & self.tick_mask;
        Ok(elapsed as f64 * self.tick_secs)
    }
}
