//! The challenge-seeded integer hash chain, its Merkle commitment and the
//! sampled proofs a verifier checks on the CPU.
//!
//! Each work item `i` starts from a state derived from the 32-byte seed and
//! `i`, runs `rounds` ChaCha-style quarter rounds and yields one `u32`. The
//! GPU kernel (`shaders/hashchain.comp`) and [`item`] compute the same value
//! bit for bit. The checksum is a Merkle root over the items in chunks of
//! [`CHUNK`]; the sampled item indices are derived from the seed and the root
//! (Fiat–Shamir), so a worker cannot pick which items get checked, and each
//! sample carries its chunk and Merkle path so it is bound to the root.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Items per Merkle leaf.
pub const CHUNK: usize = 64;
/// Items a verifier recomputes.
pub const SAMPLES: usize = 16;
/// Integer operations in one round, as counted for throughput: 4 additions,
/// 5 exclusive-ors and 4 rotations of 3 operations (shift, shift, or).
pub const OPS_PER_ROUND: u64 = 21;

/// Why a hash-chain proof does not check out.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum ProofError {
    /// The work-item count is not a power of two of at least one chunk.
    #[error("hash chain item count {0} must be a power of two and at least {CHUNK}")]
    BadCount(u32),
    /// The root is not 32 bytes of hex.
    #[error("hash chain root is not 32 bytes of hex")]
    BadRoot,
    /// The proofs do not cover the expected sample indices.
    #[error("hash chain sample {position} has index {got}, expected {expected}")]
    WrongIndex {
        /// Position in the sample list.
        position: usize,
        /// The index the worker sent.
        got: u32,
        /// The index derived from the seed and root.
        expected: u32,
    },
    /// Wrong number of samples.
    #[error("hash chain has {got} samples, expected {SAMPLES}")]
    SampleCount {
        /// The count the worker sent.
        got: usize,
    },
    /// A sampled item differs from the CPU recomputation.
    #[error("hash chain item {index} is {got:#010x} but recomputes to {expected:#010x}")]
    WrongValue {
        /// Item index.
        index: u32,
        /// The value the worker sent.
        got: u32,
        /// The value the CPU computed.
        expected: u32,
    },
    /// A sample's chunk and path do not lead to the root.
    #[error("hash chain item {0}: Merkle path does not lead to the root")]
    BadPath(u32),
    /// An item to open is past the outputs.
    #[error("item {index} is past the {items} items committed to")]
    OutOfRange {
        /// The index asked for.
        index: u32,
        /// The items committed to.
        items: u32,
    },
}

/// Splits a 32-byte seed into the kernel's two `uvec4` push constants.
pub fn seed_words(seed: &[u8; 32]) -> [u32; 8] {
    let mut w = [0u32; 8];
    for (i, c) in seed.chunks_exact(4).enumerate() {
        w[i] = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
    }
    w
}

/// Computes work item `index` exactly as the GPU kernel does.
pub fn item(seed: &[u8; 32], rounds: u32, index: u32) -> u32 {
    let w = seed_words(seed);
    let id = index;
    let mut x = w[0] ^ id;
    let mut y = w[1] ^ id.wrapping_mul(0x9E37_79B9);
    let mut z = w[2] ^ !id;
    let mut v = w[3] ^ (id ^ 0x85EB_CA6B);
    for r in 0..rounds {
        x = x.wrapping_add(y);
        v ^= x;
        v = v.rotate_left(16);
        z = z.wrapping_add(v);
        y ^= z;
        y = y.rotate_left(12);
        x = x.wrapping_add(y);
        v ^= x;
        v = v.rotate_left(8);
        z = z.wrapping_add(v);
        y ^= z;
        y = y.rotate_left(7);
        x ^= w[4 + (r & 3) as usize];
    }
    x ^ y ^ z ^ v
}

/// Lanes [`items_at`] computes in lockstep.
const LANES: usize = 16;

/// Items at `indices`, the same values as [`item`], computed [`LANES`] at a
/// time in lockstep. One item is a chain of dependent operations the CPU
/// cannot overlap; side by side, the lanes' chains overlap and the compiler
/// turns each step into one vector instruction, so the verifier's 16 samples
/// cost a few times one item instead of sixteen.
pub fn items_at(seed: &[u8; 32], rounds: u32, indices: &[u32]) -> Vec<u32> {
    let w = seed_words(seed);
    let mut out = Vec::with_capacity(indices.len());
    for chunk in indices.chunks(LANES) {
        let (mut x, mut y, mut z, mut v) =
            ([0u32; LANES], [0u32; LANES], [0u32; LANES], [0u32; LANES]);
        for (l, &id) in chunk.iter().enumerate() {
            x[l] = w[0] ^ id;
            y[l] = w[1] ^ id.wrapping_mul(0x9E37_79B9);
            z[l] = w[2] ^ !id;
            v[l] = w[3] ^ (id ^ 0x85EB_CA6B);
        }
        for r in 0..rounds {
            let k = w[4 + (r & 3) as usize];
            for l in 0..LANES {
                x[l] = x[l].wrapping_add(y[l]);
                v[l] ^= x[l];
                v[l] = v[l].rotate_left(16);
                z[l] = z[l].wrapping_add(v[l]);
                y[l] ^= z[l];
                y[l] = y[l].rotate_left(12);
                x[l] = x[l].wrapping_add(y[l]);
                v[l] ^= x[l];
                v[l] = v[l].rotate_left(8);
                z[l] = z[l].wrapping_add(v[l]);
                y[l] ^= z[l];
                y[l] = y[l].rotate_left(7);
                x[l] ^= k;
            }
        }
        out.extend((0..chunk.len()).map(|l| x[l] ^ y[l] ^ z[l] ^ v[l]));
    }
    out
}

/// The hash of one leaf: a chunk of item values (domain byte 0).
pub fn leaf(values: &[u32]) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update([0u8]);
    for v in values {
        h.update(v.to_le_bytes());
    }
    h.finalize().into()
}

/// The hash of an inner node over its two children (domain byte 1).
pub fn node(left: &[u8; 32], right: &[u8; 32]) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update([1u8]);
    h.update(left);
    h.update(right);
    h.finalize().into()
}

/// Checks that `count` is a valid item count.
pub fn check_count(count: u32) -> Result<(), ProofError> {
    if count.is_power_of_two() && count as usize >= CHUNK {
        Ok(())
    } else {
        Err(ProofError::BadCount(count))
    }
}

/// The Merkle tree over all item values: `levels[0]` are the leaves.
#[derive(Debug, Clone)]
pub struct Tree {
    levels: Vec<Vec<[u8; 32]>>,
}

impl Tree {
    /// Builds the tree; `values.len()` must be a valid item count.
    pub fn build(values: &[u32]) -> Result<Tree, ProofError> {
        check_count(values.len() as u32)?;
        let mut levels = vec![values.chunks(CHUNK).map(leaf).collect::<Vec<_>>()];
        while levels.last().map(Vec::len) != Some(1) {
            let prev = levels.last().expect("at least the leaves");
            levels.push(prev.chunks(2).map(|p| node(&p[0], &p[1])).collect());
        }
        Ok(Tree { levels })
    }

    /// The root.
    pub fn root(&self) -> [u8; 32] {
        self.levels.last().expect("non-empty")[0]
    }

    fn path(&self, leaf_index: usize) -> Vec<[u8; 32]> {
        let mut i = leaf_index;
        let mut out = Vec::new();
        for level in &self.levels[..self.levels.len() - 1] {
            out.push(level[i ^ 1]);
            i /= 2;
        }
        out
    }
}

/// Outputs committed to by their Merkle root, kept to open whichever items
/// the verifier picks after it holds the root.
#[derive(Debug, Clone)]
pub struct Committed {
    values: Vec<u32>,
    tree: Tree,
}

impl Committed {
    /// Commits to `values`; their count must be a valid item count.
    pub fn new(values: Vec<u32>) -> Result<Committed, ProofError> {
        let tree = Tree::build(&values)?;
        Ok(Committed { values, tree })
    }

    /// The Merkle root.
    pub fn root(&self) -> [u8; 32] {
        self.tree.root()
    }

    /// The number of items.
    pub fn items(&self) -> u32 {
        self.values.len() as u32
    }

    /// Opens the items at `indices`: each with its chunk and Merkle path.
    pub fn open(&self, indices: &[u32]) -> Result<Vec<Sample>, ProofError> {
        indices
            .iter()
            .map(|&index| {
                if index >= self.items() {
                    return Err(ProofError::OutOfRange {
                        index,
                        items: self.items(),
                    });
                }
                let leaf_index = index as usize / CHUNK;
                Ok(Sample {
                    index,
                    chunk: self.values[leaf_index * CHUNK..(leaf_index + 1) * CHUNK].to_vec(),
                    path: self.tree.path(leaf_index).iter().map(hex::encode).collect(),
                })
            })
            .collect()
    }
}

/// Checks opened `samples` against `root` over `items` items: one per index
/// of `indices` in that order, each value the one `expected` gives at the
/// same position, each chunk hashed up to the root along its path.
pub fn check_samples(
    root: &[u8; 32],
    items: u32,
    indices: &[u32],
    samples: &[Sample],
    expected: &[u32],
) -> Result<(), ProofError> {
    check_count(items)?;
    if samples.len() != indices.len() || expected.len() != indices.len() {
        return Err(ProofError::SampleCount { got: samples.len() });
    }
    let depth = (items as usize / CHUNK).trailing_zeros() as usize;
    for (position, ((s, &want), &value)) in samples.iter().zip(indices).zip(expected).enumerate() {
        if s.index != want {
            return Err(ProofError::WrongIndex {
                position,
                got: s.index,
                expected: want,
            });
        }
        if want >= items || s.chunk.len() != CHUNK || s.path.len() != depth {
            return Err(ProofError::BadPath(s.index));
        }
        let got = s.chunk[s.index as usize % CHUNK];
        if got != value {
            return Err(ProofError::WrongValue {
                index: s.index,
                got,
                expected: value,
            });
        }
        let mut h = leaf(&s.chunk);
        let mut i = s.index as usize / CHUNK;
        for sib in &s.path {
            let sib: [u8; 32] = hex::decode(sib)
                .ok()
                .and_then(|b| b.try_into().ok())
                .ok_or(ProofError::BadPath(s.index))?;
            h = if i & 1 == 0 {
                node(&h, &sib)
            } else {
                node(&sib, &h)
            };
            i /= 2;
        }
        if h != *root {
            return Err(ProofError::BadPath(s.index));
        }
    }
    Ok(())
}

/// The item indices a verifier checks, derived from the seed and the root.
pub fn sample_indices(seed: &[u8; 32], root: &[u8; 32], count: u32) -> Vec<u32> {
    (0..SAMPLES as u32)
        .map(|j| {
            let mut h = Sha256::new();
            h.update(b"lumen-bench-sample");
            h.update(seed);
            h.update(root);
            h.update(j.to_le_bytes());
            let d = h.finalize();
            let x = u64::from_le_bytes(d[..8].try_into().expect("8 bytes"));
            (x % count as u64) as u32
        })
        .collect()
}

/// One sampled item with what binds it to the root.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Sample {
    /// The item index.
    pub index: u32,
    /// All values of the item's chunk (the item is `chunk[index % CHUNK]`).
    pub chunk: Vec<u32>,
    /// Sibling hashes from the leaf up, hex.
    pub path: Vec<String>,
}

/// The hash-chain result a worker reports.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct HashChainProof {
    /// The challenge seed, hex.
    pub seed: String,
    /// Work items.
    pub items: u32,
    /// Rounds per item.
    pub rounds: u32,
    /// Merkle root over all items (the checksum), hex.
    pub root: String,
    /// The sampled items.
    pub samples: Vec<Sample>,
}

impl HashChainProof {
    /// Commits to `values` (the kernel's output) and opens the items
    /// derived from the seed and the root.
    pub fn commit(seed: &[u8; 32], rounds: u32, values: &[u32]) -> Result<Self, ProofError> {
        let committed = Committed::new(values.to_vec())?;
        let root = committed.root();
        let samples = committed.open(&sample_indices(seed, &root, values.len() as u32))?;
        Ok(HashChainProof {
            seed: hex::encode(seed),
            items: values.len() as u32,
            rounds,
            root: hex::encode(root),
            samples,
        })
    }

    /// Verifies the samples against `seed`: the right indices, each value
    /// recomputed on the CPU, each chunk hashed up to the root.
    pub fn verify(&self, seed: &[u8; 32]) -> Result<(), ProofError> {
        self.verify_with(seed, |indices| items_at(seed, self.rounds, indices))
    }

    /// Verifies the samples against `seed` with `recompute` giving the true
    /// values at the sampled indices (the hash chain's items, or another
    /// computation committed the same way).
    pub fn verify_with(
        &self,
        seed: &[u8; 32],
        recompute: impl FnOnce(&[u32]) -> Vec<u32>,
    ) -> Result<(), ProofError> {
        check_count(self.items)?;
        let root: [u8; 32] = hex::decode(&self.root)
            .ok()
            .and_then(|b| b.try_into().ok())
            .ok_or(ProofError::BadRoot)?;
        if self.samples.len() != SAMPLES {
            return Err(ProofError::SampleCount {
                got: self.samples.len(),
            });
        }
        let indices = sample_indices(seed, &root, self.items);
        let values = recompute(&indices);
        check_samples(&root, self.items, &indices, &self.samples, &values)
    }
}

/// Computes all items on the CPU (tests and small verifications).
pub fn all_items(seed: &[u8; 32], rounds: u32, count: u32) -> Vec<u32> {
    (0..count).map(|i| item(seed, rounds, i)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_matches_a_hand_checked_round() {
        // Zero seed, zero rounds: the initial state folded.
        let seed = [0u8; 32];
        assert_eq!(item(&seed, 0, 0), !0u32 ^ 0x85EB_CA6B);
        assert_ne!(item(&seed, 1, 0), item(&seed, 2, 0));
        assert_ne!(item(&seed, 5, 1), item(&[1u8; 32], 5, 1));
    }

    #[test]
    fn items_at_matches_item_one_by_one() {
        let seed: [u8; 32] = std::array::from_fn(|i| (i as u8).wrapping_mul(37) ^ 0x5a);
        // 21 indices: one full group of lanes and a partial one.
        let indices: Vec<u32> = (0..21u32)
            .map(|i| i.wrapping_mul(2_654_435_761) >> 7)
            .collect();
        for rounds in [0, 1, 5, 130] {
            let one_by_one: Vec<u32> = indices.iter().map(|&i| item(&seed, rounds, i)).collect();
            assert_eq!(
                items_at(&seed, rounds, &indices),
                one_by_one,
                "rounds {rounds}"
            );
        }
        assert!(items_at(&seed, 3, &[]).is_empty());
    }

    #[test]
    fn commit_then_verify_and_tampering_is_caught() {
        let seed = [7u8; 32];
        let values = all_items(&seed, 10, 1024);
        let proof = HashChainProof::commit(&seed, 10, &values).unwrap();
        proof.verify(&seed).unwrap();

        let mut wrong_seed = proof.clone();
        wrong_seed.rounds = 11;
        assert!(matches!(
            wrong_seed.verify(&seed),
            Err(ProofError::WrongValue { .. })
        ));

        let mut bad_root = proof.clone();
        bad_root.root = hex::encode([0u8; 32]);
        assert!(bad_root.verify(&seed).is_err());

        // A forged value in the sampled chunk, consistent with the kernel, but
        // the neighbouring value changed: the path no longer matches.
        let mut bad_chunk = proof.clone();
        let s = &mut bad_chunk.samples[0];
        let other = (s.index as usize + 1) % CHUNK;
        s.chunk[other] ^= 1;
        assert_eq!(
            bad_chunk.verify(&seed),
            Err(ProofError::BadPath(bad_chunk.samples[0].index))
        );
    }

    #[test]
    fn bad_counts_are_rejected() {
        assert_eq!(check_count(100), Err(ProofError::BadCount(100)));
        assert_eq!(check_count(32), Err(ProofError::BadCount(32)));
        assert!(check_count(64).is_ok());
    }
}
