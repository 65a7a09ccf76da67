//! The timed work of an attestation challenge: what the attester asks a
//! device to compute, how it sizes that work from the device class the
//! worker claims, how it turns the time it measured itself into a score,
//! and how it checks an answer by recomputing sampled items on the CPU.
//!
//! The work has two parts, both seeded by the challenge:
//! - the hash chain ([`crate::bench::hashchain`]): `hash_items` items of
//!   `hash_rounds` rounds;
//! - the memory walk (`shaders/memwalk.comp`): a buffer of the claimed
//!   memory size is filled with words that cost [`FILL_ROUNDS`] rounds each,
//!   then `walkers` walks each make `steps` dependent reads at addresses
//!   drawn from their state. A device without the buffer must recompute a
//!   word for every read, [`FILL_ROUNDS`] rounds instead of one memory access.
//!
//! Work is counted in units: one hash round is one unit, a filled word
//! [`FILL_ROUNDS`] units, a walk step [`STEP_UNITS`] units (one random read
//! on the reference card costs about as much time as that many rounds). A
//! device of score `S` does `S × UNITS_PER_SEC_PER_POINT` units per second,
//! so the score of an answer is `units / (UNITS_PER_SEC_PER_POINT × elapsed)`,
//! with `elapsed` the attester's own measure of a round, from its start to
//! its commitment (the challenge's score is its median round's).
//!
//! An answer is interactive: the device commits to both parts' outputs by
//! their Merkle roots ([`WorkAnswer`]); only then does the attester draw
//! [`SAMPLES`] items of each part from its own random source
//! ([`SamplePicks::draw`]), and the worker opens them ([`Openings`]) from
//! the outputs it kept ([`Worked`]). A worker that computed a fraction `f`
//! of a part's outputs passes with probability `f^SAMPLES`, and nothing it
//! does to its commitment changes the picks.

use serde::{Deserialize, Serialize};

use crate::bench::hashchain::{self, Committed, ProofError, Sample, SAMPLES};

/// Rounds that make one word of the memory buffer.
pub const FILL_ROUNDS: u32 = 64;
/// Units of one dependent random read of the walk.
pub const STEP_UNITS: f64 = 17.0;
/// Share of the units in the memory part (fill and walk); the rest is the
/// hash chain. Memory bandwidth carries 70 % of the benchmark score's weight.
pub const MEMORY_SHARE: f64 = 0.7;
/// Units per second of a device of score 1: the RTX 3070 (score 2.43) runs
/// 5.08 × 10¹² integer operations per second at its peak, 21 per round.
pub const UNITS_PER_SEC_PER_POINT: f64 = 5.08e12 / 21.0 / 2.43;
/// The most memory one challenge proves: one storage buffer indexed by
/// 32-bit words.
pub const MAX_PROVEN_MB: u64 = 4095;
/// The largest score a worker may claim (twice the RTX 5090's 10.69):
/// bounds the work and the verifier's cost.
pub const MAX_CLAIM_MICRO: u64 = 25_000_000;
/// The smallest score a worker may claim.
pub const MIN_CLAIM_MICRO: u64 = 100;
/// Words per MiB.
const WORDS_PER_MB: u64 = 1 << 18;
/// The most walkers (bounds the answer's Merkle tree).
const MAX_WALKERS: u32 = 1 << 22;
/// Walk steps the sizing aims at per walker.
const STEPS_TARGET: f64 = 2048.0;

/// The work a challenge names. Every size is chosen by the attester.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workload {
    /// The score the worker claimed, micro-units; the work is sized for it.
    pub claimed_score: u64,
    /// The memory the worker claimed, MiB (capped at [`MAX_PROVEN_MB`]): the
    /// buffer's size, and the VRAM the attestation reports.
    pub vram_mb: u64,
    /// Hash-chain items (a power of two).
    pub hash_items: u32,
    /// Rounds per hash-chain item.
    pub hash_rounds: u32,
    /// The memory part's seed, hex of 32 bytes.
    pub mem_seed: String,
    /// Words in the memory buffer (`vram_mb × 2¹⁸`).
    pub mem_words: u32,
    /// Rounds per filled word ([`FILL_ROUNDS`]).
    pub fill_rounds: u32,
    /// Walks (a power of two).
    pub walkers: u32,
    /// Dependent reads per walk.
    pub steps: u32,
}

/// One part's commitment: what it ran and the Merkle root over its outputs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartCommitment {
    /// The part's seed, hex.
    pub seed: String,
    /// Outputs (a power of two of at least one chunk).
    pub items: u32,
    /// Rounds (hash chain) or steps (walks) per output.
    pub rounds: u32,
    /// Merkle root over the outputs, hex.
    pub root: String,
}

/// A device's answer to a workload: the two parts' commitments, and the
/// device it ran on. The sampled outputs are opened once the attester
/// picked them ([`SamplePicks`], [`Openings`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkAnswer {
    /// The device.
    pub fingerprint: crate::bench::fingerprint::Fingerprint,
    /// The hash chain (`items` = `hash_items`, `rounds` = `hash_rounds`).
    pub hash: PartCommitment,
    /// The walk outputs (`items` = `walkers`, `rounds` = `steps`, `seed` =
    /// the memory seed).
    pub walk: PartCommitment,
}

/// The outputs the attester checks, drawn from its own random source after
/// it received the commitment: [`SAMPLES`] of each part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SamplePicks {
    /// Hash-chain items.
    pub hash: Vec<u32>,
    /// Walks.
    pub walk: Vec<u32>,
}

impl SamplePicks {
    /// Draws [`SAMPLES`] outputs of each part of `work` at random.
    pub fn draw(work: &Workload) -> SamplePicks {
        let pick = |count: u32| {
            (0..SAMPLES)
                .map(|_| (rand::random::<u64>() % count.max(1) as u64) as u32)
                .collect()
        };
        SamplePicks {
            hash: pick(work.hash_items),
            walk: pick(work.walkers),
        }
    }
}

/// The picked outputs opened: each with its chunk and Merkle path, in the
/// order of the picks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Openings {
    /// The hash-chain items.
    pub hash: Vec<Sample>,
    /// The walks.
    pub walk: Vec<Sample>,
}

impl Openings {
    /// The largest openings of one round an honest device sends:
    /// [`SAMPLES`] items of each part of the largest work
    /// [`Workload::size`] makes (the deepest Merkle trees), every value at
    /// its widest. The attester's body limit for openings is derived from
    /// it, since an answer refused for its size wastes the device's timed
    /// work.
    pub fn largest() -> Openings {
        let sample = |items: u32| Sample {
            index: items - 1,
            chunk: vec![u32::MAX; hashchain::CHUNK],
            path: vec!["f".repeat(64); (items as usize / hashchain::CHUNK).ilog2() as usize],
        };
        Openings {
            hash: vec![sample(crate::bench::MAX_HASH_ITEMS); SAMPLES],
            walk: vec![sample(MAX_WALKERS); SAMPLES],
        }
    }
}

/// What a device computed: the answer it sends, and the outputs it keeps
/// to open the attester's picks.
#[derive(Debug, Clone)]
pub struct Worked {
    /// The commitments sent.
    pub answer: WorkAnswer,
    hash: Committed,
    walk: Committed,
}

impl Worked {
    /// Commits to the outputs of `work` run with hash-chain seed `seed`:
    /// `hash` the hash-chain items, `walk` the walks' outputs.
    pub fn new(
        fingerprint: crate::bench::fingerprint::Fingerprint,
        work: &Workload,
        seed: &[u8; 32],
        hash: Vec<u32>,
        walk: Vec<u32>,
    ) -> Result<Worked, ProofError> {
        let part = |seed: String, rounds: u32, c: &Committed| PartCommitment {
            seed,
            items: c.items(),
            rounds,
            root: hex::encode(c.root()),
        };
        let (hash, walk) = (Committed::new(hash)?, Committed::new(walk)?);
        Ok(Worked {
            answer: WorkAnswer {
                fingerprint,
                hash: part(hex::encode(seed), work.hash_rounds, &hash),
                walk: part(work.mem_seed.clone(), work.steps, &walk),
            },
            hash,
            walk,
        })
    }

    /// Opens the outputs the attester picked.
    pub fn open(&self, picks: &SamplePicks) -> Result<Openings, ProofError> {
        Ok(Openings {
            hash: self.hash.open(&picks.hash)?,
            walk: self.walk.open(&picks.walk)?,
        })
    }
}

/// Why a claim cannot be sized.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClaimError {
    /// The claimed score is outside what any device reaches.
    #[error("claimed score {0} micro-units is outside [{MIN_CLAIM_MICRO}, {MAX_CLAIM_MICRO}]")]
    Score(u64),
    /// The claimed memory is zero.
    #[error("claimed memory must be at least 1 MiB")]
    Memory,
}

fn pow2_at_least(x: f64, min: u32, max: u32) -> u32 {
    let x = x.max(min as f64).min(max as f64) as u32;
    x.next_power_of_two().clamp(min, max)
}

impl Workload {
    /// Sizes the work so a device of the claimed score needs about
    /// `target_secs` (the memory fill can make it longer when the claimed
    /// memory is large for the claimed speed).
    pub fn size(
        claimed_score: u64,
        vram_mb: u64,
        target_secs: f64,
        mem_seed: [u8; 32],
    ) -> Result<Workload, ClaimError> {
        if !(MIN_CLAIM_MICRO..=MAX_CLAIM_MICRO).contains(&claimed_score) {
            return Err(ClaimError::Score(claimed_score));
        }
        if vram_mb == 0 {
            return Err(ClaimError::Memory);
        }
        let vram_mb = vram_mb.min(MAX_PROVEN_MB);
        let units = claimed_score as f64 / 1e6 * UNITS_PER_SEC_PER_POINT * target_secs;
        let mem_words = (vram_mb * WORDS_PER_MB) as u32;
        let fill_units = mem_words as f64 * FILL_ROUNDS as f64;
        let walk_units = (units * MEMORY_SHARE - fill_units).max(units * 0.1);
        let walker_steps = walk_units / STEP_UNITS;
        let walkers = pow2_at_least(walker_steps / STEPS_TARGET, 64, MAX_WALKERS);
        let steps = (walker_steps / walkers as f64).clamp(16.0, u32::MAX as f64) as u32;
        let hash_units = units * (1.0 - MEMORY_SHARE);
        let hash_items = pow2_at_least(hash_units / 4096.0, 64, crate::bench::MAX_HASH_ITEMS);
        let hash_rounds = (hash_units / hash_items as f64)
            .clamp(16.0, crate::bench::MAX_HASH_ROUNDS as f64) as u32;
        Ok(Workload {
            claimed_score,
            vram_mb,
            hash_items,
            hash_rounds,
            mem_seed: hex::encode(mem_seed),
            mem_words,
            fill_rounds: FILL_ROUNDS,
            walkers,
            steps,
        })
    }

    /// The work in units.
    pub fn units(&self) -> f64 {
        self.hash_items as f64 * self.hash_rounds as f64
            + self.mem_words as f64 * self.fill_rounds as f64
            + self.walkers as f64 * self.steps as f64 * STEP_UNITS
    }

    /// Seconds a device of the claimed score needs.
    pub fn expected_secs(&self) -> f64 {
        self.units() / (self.claimed_score as f64 / 1e6 * UNITS_PER_SEC_PER_POINT)
    }

    /// The score, micro-units, of a device that did this work in `elapsed_secs`.
    pub fn score_micro(&self, elapsed_secs: f64) -> u64 {
        let score = self.units() / (UNITS_PER_SEC_PER_POINT * elapsed_secs.max(1e-6));
        (score * 1e6).floor().min(MAX_CLAIM_MICRO as f64) as u64
    }

    /// The memory seed's bytes.
    pub fn mem_seed_bytes(&self) -> Option<[u8; 32]> {
        hex::decode(&self.mem_seed).ok()?.try_into().ok()
    }
}

/// One quarter round, as `shaders/memwalk.comp` and the hash chain do it.
#[inline(always)]
fn quarter(s: &mut [u32; 4], k: u32) {
    s[0] = s[0].wrapping_add(s[1]);
    s[3] ^= s[0];
    s[3] = s[3].rotate_left(16);
    s[2] = s[2].wrapping_add(s[3]);
    s[1] ^= s[2];
    s[1] = s[1].rotate_left(12);
    s[0] = s[0].wrapping_add(s[1]);
    s[3] ^= s[0];
    s[3] = s[3].rotate_left(8);
    s[2] = s[2].wrapping_add(s[3]);
    s[1] ^= s[2];
    s[1] = s[1].rotate_left(7);
    s[0] ^= k;
}

/// Word `i` of the memory buffer.
pub fn fill_word(seed: &[u8; 32], fill_rounds: u32, i: u32) -> u32 {
    let w = hashchain::seed_words(seed);
    let mut s = [
        w[0] ^ i,
        w[1] ^ i.wrapping_mul(0x9E37_79B9),
        w[2] ^ !i,
        w[3] ^ (i ^ 0x6D65_6D30),
    ];
    for r in 0..fill_rounds {
        quarter(&mut s, w[4 + (r & 3) as usize]);
    }
    s[0] ^ s[1] ^ s[2] ^ s[3]
}

fn walk_start(w: &[u32; 8], walker: u32) -> [u32; 4] {
    [
        w[4] ^ walker,
        w[5] ^ walker.wrapping_mul(0x85EB_CA6B),
        w[6] ^ !walker,
        w[7] ^ (walker ^ 0x7761_6C6B),
    ]
}

/// Walk `walker`'s output reading the buffer through `word`.
fn walk_with(work: &Workload, seed: &[u8; 32], walker: u32, word: impl Fn(u32) -> u32) -> u32 {
    let w = hashchain::seed_words(seed);
    let mut s = walk_start(&w, walker);
    for t in 0..work.steps {
        s[1] ^= word((s[0] ^ s[2]) % work.mem_words);
        quarter(&mut s, w[(t & 3) as usize]);
    }
    s[0] ^ s[1] ^ s[2] ^ s[3]
}

/// Lanes the verifier computes side by side.
const LANES: usize = 16;

/// One quarter round on [`LANES`] states held lane by lane (one array per
/// state word), so that each operation is one loop over the lanes the
/// compiler turns into vector instructions.
#[inline(always)]
fn quarter_lanes(
    a: &mut [u32; LANES],
    b: &mut [u32; LANES],
    c: &mut [u32; LANES],
    d: &mut [u32; LANES],
    k: u32,
) {
    for l in 0..LANES {
        a[l] = a[l].wrapping_add(b[l]);
        d[l] = (d[l] ^ a[l]).rotate_left(16);
        c[l] = c[l].wrapping_add(d[l]);
        b[l] = (b[l] ^ c[l]).rotate_left(12);
        a[l] = a[l].wrapping_add(b[l]);
        d[l] = (d[l] ^ a[l]).rotate_left(8);
        c[l] = c[l].wrapping_add(d[l]);
        b[l] = (b[l] ^ c[l]).rotate_left(7);
        a[l] ^= k;
    }
}

/// Walk outputs of `walkers` without the buffer: every read recomputes its
/// word. The walks run [`LANES`] at a time in lockstep, their states and
/// the words they read held lane by lane, so the rounds (the verifier's
/// whole cost per answer) run as vector instructions: 256-bit ones where
/// the CPU has AVX2 (the build's baseline has only 128-bit SSE2, without a
/// byte shuffle for the 8- and 16-bit rotations), which halves the cost.
pub fn walkers_at(work: &Workload, seed: &[u8; 32], walkers: &[u32]) -> Vec<u32> {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU has AVX2, checked just above.
        return unsafe { walkers_at_avx2(work, seed, walkers) };
    }
    walkers_at_lanes(work, seed, walkers)
}

/// [`walkers_at`] compiled for AVX2 (the same code, wider vectors).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn walkers_at_avx2(work: &Workload, seed: &[u8; 32], walkers: &[u32]) -> Vec<u32> {
    walkers_at_lanes(work, seed, walkers)
}

#[inline(always)]
fn walkers_at_lanes(work: &Workload, seed: &[u8; 32], walkers: &[u32]) -> Vec<u32> {
    let w = hashchain::seed_words(seed);
    let mut out = Vec::with_capacity(walkers.len());
    for chunk in walkers.chunks(LANES) {
        let ([mut s0, mut s1, mut s2, mut s3], [mut f0, mut f1, mut f2, mut f3]) =
            ([[0u32; LANES]; 4], [[0u32; LANES]; 4]);
        for (l, &id) in chunk.iter().enumerate() {
            [s0[l], s1[l], s2[l], s3[l]] = walk_start(&w, id);
        }
        for t in 0..work.steps {
            for l in 0..LANES {
                let i = (s0[l] ^ s2[l]) % work.mem_words;
                f0[l] = w[0] ^ i;
                f1[l] = w[1] ^ i.wrapping_mul(0x9E37_79B9);
                f2[l] = w[2] ^ !i;
                f3[l] = w[3] ^ (i ^ 0x6D65_6D30);
            }
            for r in 0..work.fill_rounds {
                quarter_lanes(&mut f0, &mut f1, &mut f2, &mut f3, w[4 + (r & 3) as usize]);
            }
            for l in 0..LANES {
                s1[l] ^= f0[l] ^ f1[l] ^ f2[l] ^ f3[l];
            }
            quarter_lanes(&mut s0, &mut s1, &mut s2, &mut s3, w[(t & 3) as usize]);
        }
        out.extend((0..chunk.len()).map(|l| s0[l] ^ s1[l] ^ s2[l] ^ s3[l]));
    }
    out
}

/// Why an answer does not check out.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    /// The answer ran other sizes or seeds than the challenge named.
    #[error("the answer's {0} is not the challenge's")]
    Mismatch(&'static str),
    /// A sampled item or path is wrong.
    #[error("{part}: {error}")]
    Proof {
        /// `hash chain` or `memory walk`.
        part: &'static str,
        /// What is wrong.
        error: ProofError,
    },
}

fn root_of(part: &PartCommitment) -> Option<[u8; 32]> {
    hex::decode(&part.root).ok()?.try_into().ok()
}

/// Checks a commitment to `work` with hash-chain seed `seed`: the sizes and
/// seeds are the challenge's and the roots are roots.
pub fn check_commitment(
    work: &Workload,
    seed: &[u8; 32],
    answer: &WorkAnswer,
) -> Result<(), AnswerError> {
    let (h, m) = (&answer.hash, &answer.walk);
    if h.seed != hex::encode(seed) {
        return Err(AnswerError::Mismatch("hash-chain seed"));
    }
    if h.items != work.hash_items || h.rounds != work.hash_rounds {
        return Err(AnswerError::Mismatch("hash-chain size"));
    }
    if m.seed != work.mem_seed {
        return Err(AnswerError::Mismatch("memory seed"));
    }
    if m.items != work.walkers || m.rounds != work.steps {
        return Err(AnswerError::Mismatch("memory walk size"));
    }
    for (part, p) in [("hash chain", h), ("memory walk", m)] {
        let bad = |error| AnswerError::Proof { part, error };
        hashchain::check_count(p.items).map_err(bad)?;
        root_of(p).ok_or(ProofError::BadRoot).map_err(bad)?;
    }
    Ok(())
}

/// Checks the openings of a commitment to `work` (with hash-chain seed
/// `seed`) at the attester's `picks`: every picked output of both parts
/// recomputes on the CPU and hashes up to its root.
pub fn verify(
    work: &Workload,
    seed: &[u8; 32],
    answer: &WorkAnswer,
    picks: &SamplePicks,
    openings: &Openings,
) -> Result<(), AnswerError> {
    check_commitment(work, seed, answer)?;
    let mem_seed = work
        .mem_seed_bytes()
        .ok_or(AnswerError::Mismatch("memory seed"))?;
    let (h, m) = (&answer.hash, &answer.walk);
    let root = |p| root_of(p).expect("checked with the commitment");
    let values = hashchain::items_at(seed, work.hash_rounds, &picks.hash);
    hashchain::check_samples(&root(h), h.items, &picks.hash, &openings.hash, &values).map_err(
        |error| AnswerError::Proof {
            part: "hash chain",
            error,
        },
    )?;
    let outputs = walkers_at(work, &mem_seed, &picks.walk);
    hashchain::check_samples(&root(m), m.items, &picks.walk, &openings.walk, &outputs).map_err(
        |error| AnswerError::Proof {
            part: "memory walk",
            error,
        },
    )
}

/// Computes the whole answer on the CPU, buffer included (tests, the
/// verification benchmark, and a CPU answering for itself: its score is
/// what its time gives).
pub fn answer_on_cpu(
    work: &Workload,
    seed: &[u8; 32],
    fingerprint: crate::bench::fingerprint::Fingerprint,
) -> Result<Worked, ProofError> {
    let mem_seed = work.mem_seed_bytes().ok_or(ProofError::BadRoot)?;
    let items: Vec<u32> = (0..work.hash_items).collect();
    let values = hashchain::items_at(seed, work.hash_rounds, &items);
    let memory: Vec<u32> = (0..work.mem_words)
        .map(|i| fill_word(&mem_seed, work.fill_rounds, i))
        .collect();
    let outputs: Vec<u32> = (0..work.walkers)
        .map(|w| walk_with(work, &mem_seed, w, |i| memory[i as usize]))
        .collect();
    Worked::new(fingerprint, work, seed, values, outputs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> Workload {
        Workload::size(2_000, 1, 0.05, [3u8; 32]).unwrap()
    }

    #[test]
    fn lockstep_walks_match_walks_over_the_buffer() {
        let work = small();
        let seed = work.mem_seed_bytes().unwrap();
        let memory: Vec<u32> = (0..work.mem_words)
            .map(|i| fill_word(&seed, work.fill_rounds, i))
            .collect();
        let ids: Vec<u32> = (0..21).map(|i| i * 3).collect();
        let direct: Vec<u32> = ids
            .iter()
            .map(|&w| walk_with(&work, &seed, w, |i| memory[i as usize]))
            .collect();
        assert_eq!(walkers_at(&work, &seed, &ids), direct);
        // The build's baseline code too, which CPUs without AVX2 run.
        assert_eq!(walkers_at_lanes(&work, &seed, &ids), direct);
    }

    #[test]
    fn sizing_follows_the_claim_and_refuses_impossible_ones() {
        let small = Workload::size(10_000, 8, 2.0, [0; 32]).unwrap();
        let big = Workload::size(100_000, 8, 2.0, [0; 32]).unwrap();
        assert!(big.units() > 5.0 * small.units());
        for w in [&small, &big] {
            let t = w.expected_secs();
            assert!((1.5..4.0).contains(&t), "{t} s for {w:?}");
            let s = w.score_micro(t);
            assert!(s.abs_diff(w.claimed_score) * 10 < w.claimed_score);
        }
        assert_eq!(
            Workload::size(MAX_CLAIM_MICRO + 1, 8, 2.0, [0; 32]),
            Err(ClaimError::Score(MAX_CLAIM_MICRO + 1))
        );
        assert_eq!(
            Workload::size(1_000, 0, 2.0, [0; 32]),
            Err(ClaimError::Memory)
        );
        assert_eq!(
            Workload::size(1_000, 1 << 20, 2.0, [0; 32])
                .unwrap()
                .vram_mb,
            MAX_PROVEN_MB
        );
    }

    #[test]
    fn a_cpu_answer_verifies_and_a_skipped_walk_does_not() {
        let work = small();
        let seed = [9u8; 32];
        let fp = crate::bench::fingerprint::tests::sample();
        let worked = answer_on_cpu(&work, &seed, fp.clone()).unwrap();
        let picks = SamplePicks::draw(&work);
        let openings = worked.open(&picks).unwrap();
        let answer = worked.answer.clone();
        verify(&work, &seed, &answer, &picks, &openings).unwrap();
        // Walk outputs made up without the buffer: every sample is wrong.
        let fake: Vec<u32> = (0..work.walkers).collect();
        let items = hashchain::all_items(&seed, work.hash_rounds, work.hash_items);
        let forged = Worked::new(fp, &work, &seed, items, fake).unwrap();
        let forged_openings = forged.open(&picks).unwrap();
        assert!(matches!(
            verify(&work, &seed, &forged.answer, &picks, &forged_openings),
            Err(AnswerError::Proof {
                part: "memory walk",
                ..
            })
        ));
        // Openings at other outputs than the picks.
        let mut elsewhere = picks.clone();
        elsewhere.hash[0] = (picks.hash[0] + 1) % work.hash_items;
        let moved = worked.open(&elsewhere).unwrap();
        assert!(matches!(
            verify(&work, &seed, &answer, &picks, &moved),
            Err(AnswerError::Proof {
                part: "hash chain",
                error: ProofError::WrongIndex { .. },
            })
        ));
        let mut other = answer;
        other.hash.rounds += 1;
        assert_eq!(
            verify(&work, &seed, &other, &picks, &openings),
            Err(AnswerError::Mismatch("hash-chain size"))
        );
    }
}
