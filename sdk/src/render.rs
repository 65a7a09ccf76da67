//! What a render job commits to on chain: the job spec behind `spec_hash`
//! and the Merkle root of the frames behind `output_root`.
//!
//! A creator describes a job with a [`JobSpec`] (scene file hash and size,
//! frame range, engine and settings, output format); its canonical encoding is
//! BCS ([`JobSpec::bcs`], byte layout in the type's docs) and its hash,
//! [`JobSpec::hash`] = `sha3_256(bcs)`, is the `spec_hash` of
//! `escrow::create_job`. A worker hashes every frame file it renders
//! ([`content_hash`], SHA3-256 of the file's bytes, which is also the frame's
//! address in blob storage) and commits [`output_root`] of the frames it
//! delivers as `output_root` in `escrow::submit_result`; the creator recomputes
//! it from the frames it downloads.
//!
//! Both hashes are pinned by `tests/vectors/render.json`.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use sha3::{Digest, Sha3_256};

/// A SHA3-256 digest: a blob's content address, a frame hash, a root.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Hash32(pub [u8; 32]);

impl Hash32 {
    /// Lower-case hex without `0x` (blob keys and file names).
    pub fn hex(&self) -> String {
        hex::encode(self.0)
    }
}

impl fmt::Display for Hash32 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "0x{}", self.hex())
    }
}

impl fmt::Debug for Hash32 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// Text that is not 32 bytes of hex.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid hash {input:?}: expected 64 hex digits, optionally 0x-prefixed")]
pub struct HashParseError {
    /// The text that was given.
    pub input: String,
}

impl FromStr for Hash32 {
    type Err = HashParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let digits = s.strip_prefix("0x").unwrap_or(s);
        let mut out = [0u8; 32];
        hex::decode_to_slice(digits, &mut out).map_err(|_| HashParseError {
            input: s.to_string(),
        })?;
        Ok(Hash32(out))
    }
}

impl TryFrom<&[u8]> for Hash32 {
    type Error = HashParseError;

    fn try_from(b: &[u8]) -> Result<Self, Self::Error> {
        <[u8; 32]>::try_from(b)
            .map(Hash32)
            .map_err(|_| HashParseError {
                input: format!("0x{}", hex::encode(b)),
            })
    }
}

impl Serialize for Hash32 {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Hash32 {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// SHA3-256 of `bytes`: the content address of a blob (scene or frame).
pub fn content_hash(bytes: &[u8]) -> Hash32 {
    Hash32(Sha3_256::digest(bytes).into())
}

/// The render engine a job asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Engine {
    /// Blender's path tracer (GPU when the worker has one, CPU otherwise).
    Cycles,
}

impl Engine {
    fn code(self) -> u8 {
        match self {
            Engine::Cycles => 0,
        }
    }
}

/// The frame file format a job asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OutputFormat {
    /// PNG, RGBA, 8 bits per channel.
    Png,
}

impl OutputFormat {
    fn code(self) -> u8 {
        match self {
            OutputFormat::Png => 0,
        }
    }

    /// The file extension of a frame.
    pub fn extension(self) -> &'static str {
        match self {
            OutputFormat::Png => "png",
        }
    }
}

/// The largest number of frames a spec may name (a day of 24 fps footage
/// is far beyond any single job; the bound keeps allocations in check).
pub const MAX_FRAMES: u64 = 100_000;
/// The largest width or height in pixels.
pub const MAX_RESOLUTION: u32 = 16_384;
/// The largest sample count per pixel.
pub const MAX_SAMPLES: u32 = 65_536;

/// What a job renders. The canonical encoding ([`JobSpec::bcs`]) is the BCS of
/// the Move-like struct
///
/// ```text
/// struct JobSpec { version: u8, scene_hash: vector<u8>, scene_size: u64,
///                  frame_start: u64, frame_end: u64, engine: u8,
///                  resolution_x: u32, resolution_y: u32, samples: u32,
///                  output_format: u8 }
/// ```
///
/// (`scene_hash` is 32 bytes with its ULEB128 length 0x20 in front; integers
/// little-endian; `engine` 0 = Cycles; `output_format` 0 = PNG RGBA 8-bit),
/// 72 bytes in all. Frames are `frame_start ..= frame_end`, step 1.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JobSpec {
    /// Encoding version, [`JobSpec::VERSION`].
    pub version: u8,
    /// SHA3-256 of the `.blend` file.
    pub scene_hash: Hash32,
    /// Size of the `.blend` file in bytes.
    pub scene_size: u64,
    /// First frame (inclusive).
    pub frame_start: u64,
    /// Last frame (inclusive).
    pub frame_end: u64,
    /// Render engine.
    pub engine: Engine,
    /// Width in pixels.
    pub resolution_x: u32,
    /// Height in pixels.
    pub resolution_y: u32,
    /// Samples per pixel.
    pub samples: u32,
    /// Frame file format.
    pub output_format: OutputFormat,
}

/// A spec that cannot be rendered as written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpecError {
    /// A field is out of its range.
    #[error("job spec field `{field}`: {reason}")]
    Field {
        /// The field.
        field: &'static str,
        /// What is wrong with it.
        reason: String,
    },
    /// The bytes are not a spec.
    #[error("job spec encoding: {0}")]
    Encoding(String),
}

fn field(field: &'static str, reason: impl Into<String>) -> SpecError {
    SpecError::Field {
        field,
        reason: reason.into(),
    }
}

#[derive(Serialize, Deserialize)]
struct SpecBcs {
    version: u8,
    scene_hash: Vec<u8>,
    scene_size: u64,
    frame_start: u64,
    frame_end: u64,
    engine: u8,
    resolution_x: u32,
    resolution_y: u32,
    samples: u32,
    output_format: u8,
}

impl JobSpec {
    /// The encoding version this crate writes and reads.
    pub const VERSION: u8 = 1;

    /// Checks every field's range; the board and the worker refuse a spec
    /// that fails.
    pub fn validate(&self) -> Result<(), SpecError> {
        if self.version != Self::VERSION {
            return Err(field(
                "version",
                format!(
                    "{} is not supported (expected {})",
                    self.version,
                    Self::VERSION
                ),
            ));
        }
        if self.scene_size == 0 {
            return Err(field("scene_size", "the scene file is empty"));
        }
        if self.frame_end < self.frame_start {
            return Err(field(
                "frame_end",
                format!(
                    "{} is before frame_start {}",
                    self.frame_end, self.frame_start
                ),
            ));
        }
        if self.frames() > MAX_FRAMES {
            return Err(field(
                "frame_end",
                format!("{} frames, at most {MAX_FRAMES}", self.frames()),
            ));
        }
        // Blender's own frame limit (MAXFRAME).
        if self.frame_end > 1_048_574 {
            return Err(field("frame_end", "Blender renders frames up to 1048574"));
        }
        for (name, v) in [
            ("resolution_x", self.resolution_x),
            ("resolution_y", self.resolution_y),
        ] {
            if v == 0 || v > MAX_RESOLUTION {
                return Err(field(name, format!("{v} is not in 1..={MAX_RESOLUTION}")));
            }
        }
        if self.samples == 0 || self.samples > MAX_SAMPLES {
            return Err(field(
                "samples",
                format!("{} is not in 1..={MAX_SAMPLES}", self.samples),
            ));
        }
        Ok(())
    }

    /// Number of frames, the job's on-chain `frames`.
    pub fn frames(&self) -> u64 {
        self.frame_end.saturating_sub(self.frame_start) + 1
    }

    /// The frame numbers in order.
    pub fn frame_numbers(&self) -> std::ops::RangeInclusive<u64> {
        self.frame_start..=self.frame_end
    }

    /// The canonical bytes (see the type's docs).
    pub fn bcs(&self) -> Vec<u8> {
        let b = SpecBcs {
            version: self.version,
            scene_hash: self.scene_hash.0.to_vec(),
            scene_size: self.scene_size,
            frame_start: self.frame_start,
            frame_end: self.frame_end,
            engine: self.engine.code(),
            resolution_x: self.resolution_x,
            resolution_y: self.resolution_y,
            samples: self.samples,
            output_format: self.output_format.code(),
        };
        aptos_bcs::to_bytes(&b).expect("BCS of plain structs cannot fail")
    }

    /// Reads the canonical bytes back (and validates the spec).
    pub fn from_bcs(bytes: &[u8]) -> Result<Self, SpecError> {
        let b: SpecBcs =
            aptos_bcs::from_bytes(bytes).map_err(|e| SpecError::Encoding(e.to_string()))?;
        let spec = JobSpec {
            version: b.version,
            scene_hash: Hash32::try_from(b.scene_hash.as_slice())
                .map_err(|e| SpecError::Encoding(e.to_string()))?,
            scene_size: b.scene_size,
            frame_start: b.frame_start,
            frame_end: b.frame_end,
            engine: match b.engine {
                0 => Engine::Cycles,
                e => return Err(field("engine", format!("unknown engine code {e}"))),
            },
            resolution_x: b.resolution_x,
            resolution_y: b.resolution_y,
            samples: b.samples,
            output_format: match b.output_format {
                0 => OutputFormat::Png,
                f => return Err(field("output_format", format!("unknown format code {f}"))),
            },
        };
        spec.validate()?;
        Ok(spec)
    }

    /// `sha3_256(bcs)`: the job's on-chain `spec_hash`.
    pub fn hash(&self) -> Hash32 {
        content_hash(&self.bcs())
    }
}

const LEAF_TAG: u8 = 0x00;
const NODE_TAG: u8 = 0x01;

/// A frame's leaf: `sha3_256(0x00 ‖ frame as u64 LE ‖ frame_hash)`. The frame
/// number is inside so that two frames cannot be swapped under one root.
pub fn frame_leaf(frame: u64, frame_hash: &Hash32) -> Hash32 {
    let mut h = Sha3_256::new();
    h.update([LEAF_TAG]);
    h.update(frame.to_le_bytes());
    h.update(frame_hash.0);
    Hash32(h.finalize().into())
}

fn node(left: &Hash32, right: &Hash32) -> Hash32 {
    let mut h = Sha3_256::new();
    h.update([NODE_TAG]);
    h.update(left.0);
    h.update(right.0);
    Hash32(h.finalize().into())
}

/// The `output_root` of delivered frames, given as `(frame number, frame
/// hash)` in frame order: a binary Merkle tree over [`frame_leaf`]s, inner
/// nodes `sha3_256(0x01 ‖ left ‖ right)`, an odd last node carried up a level
/// unchanged (never paired with itself, so no two frame lists share a root).
/// `None` for no frames (the contract requires at least one).
pub fn output_root(frames: &[(u64, Hash32)]) -> Option<Hash32> {
    let mut level: Vec<Hash32> = frames.iter().map(|(f, h)| frame_leaf(*f, h)).collect();
    if level.is_empty() {
        return None;
    }
    while level.len() > 1 {
        level = level
            .chunks(2)
            .map(|pair| match pair {
                [l, r] => node(l, r),
                [one] => *one,
                _ => unreachable!("chunks(2)"),
            })
            .collect();
    }
    Some(level[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec() -> JobSpec {
        JobSpec {
            version: 1,
            scene_hash: Hash32([7; 32]),
            scene_size: 1000,
            frame_start: 1,
            frame_end: 24,
            engine: Engine::Cycles,
            resolution_x: 64,
            resolution_y: 48,
            samples: 8,
            output_format: OutputFormat::Png,
        }
    }

    #[test]
    fn bcs_layout_by_hand() {
        let mut want = vec![1u8, 32];
        want.extend_from_slice(&[7; 32]);
        want.extend_from_slice(&1000u64.to_le_bytes());
        want.extend_from_slice(&1u64.to_le_bytes());
        want.extend_from_slice(&24u64.to_le_bytes());
        want.push(0);
        want.extend_from_slice(&64u32.to_le_bytes());
        want.extend_from_slice(&48u32.to_le_bytes());
        want.extend_from_slice(&8u32.to_le_bytes());
        want.push(0);
        assert_eq!(want.len(), 72);
        assert_eq!(spec().bcs(), want);
        assert_eq!(JobSpec::from_bcs(&want).unwrap(), spec());
        assert_eq!(spec().hash(), content_hash(&want));
    }

    #[test]
    fn json_round_trip_and_unknown_fields() {
        let text = serde_json::to_string(&spec()).unwrap();
        assert!(text.contains(r#""engine":"cycles""#), "{text}");
        assert!(text.contains(&format!(r#""scene_hash":"0x{}""#, "07".repeat(32))));
        let back: JobSpec = serde_json::from_str(&text).unwrap();
        assert_eq!(back, spec());
        let extra = text.replacen('{', r#"{"script":"x","#, 1);
        assert!(serde_json::from_str::<JobSpec>(&extra).is_err());
    }

    #[test]
    fn validation_names_the_field() {
        spec().validate().unwrap();
        type Change = Box<dyn Fn(&mut JobSpec)>;
        let cases: Vec<(&str, Change)> = vec![
            ("version", Box::new(|s| s.version = 2)),
            ("scene_size", Box::new(|s| s.scene_size = 0)),
            ("frame_end", Box::new(|s| s.frame_end = 0)),
            ("frame_end", Box::new(|s| s.frame_end = MAX_FRAMES + 1)),
            ("resolution_x", Box::new(|s| s.resolution_x = 0)),
            (
                "resolution_y",
                Box::new(|s| s.resolution_y = MAX_RESOLUTION + 1),
            ),
            ("samples", Box::new(|s| s.samples = 0)),
        ];
        for (name, change) in cases {
            let mut s = spec();
            change(&mut s);
            match s.validate() {
                Err(SpecError::Field { field, .. }) => assert_eq!(field, name),
                other => panic!("{name}: {other:?}"),
            }
            assert!(JobSpec::from_bcs(&s.bcs()).is_err(), "{name}");
        }
        assert_eq!(spec().frames(), 24);
        assert!(JobSpec::from_bcs(&spec().bcs()[..71]).is_err());
    }

    #[test]
    fn root_by_hand() {
        let h = |b: u8| Hash32([b; 32]);
        assert_eq!(output_root(&[]), None);
        let one = [(5, h(1))];
        assert_eq!(output_root(&one), Some(frame_leaf(5, &h(1))));
        let three = [(1, h(1)), (2, h(2)), (3, h(3))];
        let (l1, l2, l3) = (
            frame_leaf(1, &h(1)),
            frame_leaf(2, &h(2)),
            frame_leaf(3, &h(3)),
        );
        // The odd leaf is carried up, not paired with itself.
        assert_eq!(output_root(&three), Some(node(&node(&l1, &l2), &l3)));
        let mut leaf = vec![LEAF_TAG];
        leaf.extend_from_slice(&1u64.to_le_bytes());
        leaf.extend_from_slice(&[1; 32]);
        assert_eq!(l1, content_hash(&leaf));
        // Swapping two frames' files changes the root.
        let swapped = [(1, h(2)), (2, h(1)), (3, h(3))];
        assert_ne!(output_root(&swapped), output_root(&three));
        // A duplicated last frame is a different list with a different root.
        let dup = [(1, h(1)), (2, h(2)), (3, h(3)), (3, h(3))];
        assert_ne!(output_root(&dup), output_root(&three));
    }

    #[test]
    fn hash_text_forms() {
        let h: Hash32 = format!("0x{}", "ab".repeat(32)).parse().unwrap();
        assert_eq!(h, Hash32([0xab; 32]));
        assert_eq!("ab".repeat(32).parse::<Hash32>().unwrap(), h);
        assert!("0xab".parse::<Hash32>().is_err());
        assert!(Hash32::try_from(&[1u8; 31][..]).is_err());
    }
}
