//! Answers a timed challenge's work ([`crate::work`]) on the Vulkan device.
//! Everything that does not depend on the challenge (the device, the
//! pipelines, the memory buffer of the claimed size, the drivers' pipeline
//! compilation) is done before the challenge is asked for, since the
//! attester's clock runs from the moment it issues the challenge.

use std::sync::Arc;

use vulkano::buffer::{BufferContents, Subbuffer};
use vulkano::pipeline::ComputePipeline;

use super::fingerprint::Fingerprint;
use super::gpu::{BenchError, Ctx, Gpu};
use super::hashchain;
use super::kernels::{HashChainParams, HASH_SPV};
use super::pick_device;
use crate::work::{Worked, Workload, MAX_PROVEN_MB};

const WALK_SPV: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/memwalk.spv"));

/// Invocations per work group of both shaders.
const GROUP_SIZE: u32 = 256;

/// The push constants of `shaders/memwalk.comp` (two `uvec4`, five `uint`).
#[derive(BufferContents, Clone, Copy)]
#[repr(C)]
struct WalkParams {
    seed_lo: [u32; 4],
    seed_hi: [u32; 4],
    words: u32,
    fill_rounds: u32,
    walkers: u32,
    steps: u32,
    phase: u32,
}

/// A device ready to answer: pipelines compiled, the memory buffer allocated.
pub struct WorkDevice {
    gpu: Gpu,
    fingerprint: Fingerprint,
    hash: Arc<ComputePipeline>,
    walk: Arc<ComputePipeline>,
    memory: Subbuffer<[u32]>,
    vram_mb: u64,
}

fn seed_halves(seed: &[u8; 32]) -> ([u32; 4], [u32; 4]) {
    let w = hashchain::seed_words(seed);
    ([w[0], w[1], w[2], w[3]], [w[4], w[5], w[6], w[7]])
}

impl WorkDevice {
    /// Opens device `index` (or the best one) with a memory buffer of
    /// `vram_mb` MiB (capped at [`MAX_PROVEN_MB`]) and runs each pipeline once.
    pub fn prepare(index: Option<usize>, vram_mb: u64) -> Result<WorkDevice, BenchError> {
        let physical = pick_device(index)?;
        let fingerprint = Fingerprint::of(&physical);
        let gpu = Gpu::new(physical)?;
        let vram_mb = vram_mb.clamp(1, MAX_PROVEN_MB);
        let memory = gpu.buffer::<u32>(vram_mb << 18, false)?;
        // Touched once now, so the first answer does not pay for mapping
        // the pages (a CPU device's memory is allocated on first use).
        gpu.fill(&memory, 0)?;
        let dev = WorkDevice {
            hash: gpu.pipeline::<HashChainParams>(HASH_SPV)?,
            walk: gpu.pipeline::<WalkParams>(WALK_SPV)?,
            gpu,
            fingerprint,
            memory,
            vram_mb,
        };
        // Drivers may compile a pipeline at its first dispatch.
        let warm = Workload::size(1_000, 1, 0.001, [0; 32]).expect("a valid claim");
        dev.answer(&warm, &[0; 32])?;
        Ok(dev)
    }

    /// The device's fingerprint.
    pub fn fingerprint(&self) -> &Fingerprint {
        &self.fingerprint
    }

    /// The memory the buffer holds, MiB.
    pub fn vram_mb(&self) -> u64 {
        self.vram_mb
    }

    /// Runs `work` with hash-chain seed `seed` and commits to its outputs
    /// (kept to open the items the attester picks).
    pub fn answer(&self, work: &Workload, seed: &[u8; 32]) -> Result<Worked, BenchError> {
        let mem_seed = work.mem_seed_bytes().ok_or(BenchError::Call {
            what: "reading the challenge",
            detail: "memory seed is not 32 bytes of hex".into(),
        })?;
        if work.mem_words as u64 > self.memory.len() {
            return Err(BenchError::Call {
                what: "reading the challenge",
                detail: format!(
                    "the challenge asks for {} MiB, the prepared buffer holds {}",
                    work.vram_mb, self.vram_mb
                ),
            });
        }
        let gpu = &self.gpu;
        let started = std::time::Instant::now();
        let (lo, hi) = seed_halves(seed);
        let hash_out = gpu.buffer::<u32>(work.hash_items as u64, true)?;
        let set = gpu.set(&self.hash, std::slice::from_ref(&hash_out))?;
        let params = HashChainParams {
            seed_lo: lo,
            seed_hi: hi,
            rounds: work.hash_rounds,
            count: work.hash_items,
        };
        let hash_secs = gpu.timed(
            &self.hash,
            &set,
            params,
            [work.hash_items.div_ceil(GROUP_SIZE), 1, 1],
        )?;

        let (mlo, mhi) = seed_halves(&mem_seed);
        let walk_out = gpu.buffer::<u32>(work.walkers as u64, true)?;
        let set = gpu.set(&self.walk, &[self.memory.clone(), walk_out.clone()])?;
        let mut params = WalkParams {
            seed_lo: mlo,
            seed_hi: mhi,
            words: work.mem_words,
            fill_rounds: work.fill_rounds,
            walkers: work.walkers,
            steps: work.steps,
            phase: 0,
        };
        let fill_groups = work.mem_words.div_ceil(GROUP_SIZE).min(65_535);
        let fill_secs = gpu.timed(&self.walk, &set, params, [fill_groups, 1, 1])?;
        params.phase = 1;
        let walk_secs = gpu.timed(
            &self.walk,
            &set,
            params,
            [work.walkers.div_ceil(GROUP_SIZE), 1, 1],
        )?;

        let dispatched = started.elapsed();
        let values = hash_out.read().ctx("reading the hash chain output")?;
        let outputs = walk_out.read().ctx("reading the walk output")?;
        let worked = Worked::new(
            self.fingerprint.clone(),
            work,
            seed,
            values.to_vec(),
            outputs.to_vec(),
        )?;
        // Where an answer's time goes: the three dispatches on the device's
        // own clock, the host's time around them (allocation, recording,
        // submission) and the Merkle commitments.
        tracing::debug!(
            hash_ms = hash_secs * 1e3,
            fill_ms = fill_secs * 1e3,
            walk_ms = walk_secs * 1e3,
            dispatched_ms = dispatched.as_secs_f64() * 1e3,
            total_ms = started.elapsed().as_secs_f64() * 1e3,
            "answered"
        );
        Ok(worked)
    }

    /// The device's own estimate of its score, micro-units: a small
    /// workload over the prepared buffer (its whole size, as a challenge
    /// proves it: a buffer that fits a cache would overstate the speed and
    /// leave the deadline no room) timed on the host clock, grown until it
    /// lasts 0.2 s.
    pub fn estimate(&self) -> Result<u64, BenchError> {
        let mut claim = 1_000u64;
        loop {
            let work =
                Workload::size(claim, self.vram_mb, 0.2, rand::random()).expect("a valid claim");
            let started = std::time::Instant::now();
            self.answer(&work, &rand::random())?;
            let secs = started.elapsed().as_secs_f64();
            let measured = work.score_micro(secs);
            if secs >= 0.1 || claim >= crate::work::MAX_CLAIM_MICRO {
                return Ok(measured.max(crate::work::MIN_CLAIM_MICRO));
            }
            claim = (measured * 2).clamp(claim * 2, crate::work::MAX_CLAIM_MICRO);
        }
    }
}
