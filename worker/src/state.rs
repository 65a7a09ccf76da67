//! The agent's durable state: one directory per job under
//! `<state-dir>/jobs/<job address>/` holding `state.json` and the rendered
//! frames, and the scene cache under `<state-dir>/scenes/`.
//!
//! `state.json` is rewritten atomically (temporary file, fsync, rename) after
//! every step: an accepted offer, every frame hashed, every upload, the
//! submission. A restarted agent reads it back and continues where it stopped:
//! a frame whose hash is recorded and whose file still has that hash is never
//! rendered again.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use lumen_board::proto::OfferView;
use lumen_sdk::render::{content_hash, Hash32, JobSpec};
use lumen_sdk::AccountAddress;
use serde::{Deserialize, Serialize};

/// Where a job stands for this agent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "phase", rename_all = "snake_case")]
pub enum Phase {
    /// The offer is being accepted on chain.
    Accepting,
    /// Frames are being rendered and uploaded.
    Rendering,
    /// The result is being submitted on chain.
    Submitting,
    /// Submitted; waiting for the creator's answer (or a rerender).
    Submitted,
    /// Nothing more to do.
    Done {
        /// How it ended.
        outcome: String,
    },
}

/// A rendered frame.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FrameRecord {
    /// SHA3-256 of the file.
    pub hash: Hash32,
    /// Bytes.
    pub size: u64,
    /// Seconds Blender took.
    pub render_secs: f64,
    /// Whether the board has it.
    pub uploaded: bool,
}

/// Everything the agent knows about one job.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JobState {
    /// The job.
    pub job: AccountAddress,
    /// The offer taken, as the board served it.
    pub offer: OfferView,
    /// The job's spec.
    pub spec: JobSpec,
    /// Where it stands.
    pub phase: Phase,
    /// The `accept_offer` transaction hash.
    #[serde(default)]
    pub accept_txn: Option<String>,
    /// The frames to deliver in this round (all of the spec's, or a rerender list).
    pub wanted: Vec<u64>,
    /// Rendered frames.
    pub frames: BTreeMap<u64, FrameRecord>,
    /// Crashes per frame in this round.
    #[serde(default)]
    pub crashes: BTreeMap<u64, u32>,
    /// The on-chain rerender round this state renders for.
    #[serde(default)]
    pub round: u64,
    /// What was submitted last: frames and root.
    #[serde(default)]
    pub submitted: Option<(u64, Hash32)>,
    /// Why the agent stopped short of every frame, when it did.
    #[serde(default)]
    pub gave_up: Option<String>,
    /// When the agent first saw the job Disputed: the dispute opened no
    /// later, so its timeout has passed once this plus the timeout has.
    #[serde(default)]
    pub disputed_seen_at: Option<u64>,
}

/// State-directory trouble.
#[derive(Debug, thiserror::Error)]
pub enum StateError {
    /// Reading or writing failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
    /// A state file does not read.
    #[error("{path}: not a job state file: {reason}")]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// Why.
        reason: String,
    },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> StateError + '_ {
    move |source| StateError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Writes `bytes` to `path` atomically: a crash leaves the old file or the
/// new one, never half of one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StateError> {
    let tmp = path.with_extension("tmp");
    {
        let mut f = std::fs::File::create(&tmp).map_err(io(&tmp))?;
        f.write_all(bytes).map_err(io(&tmp))?;
        f.sync_all().map_err(io(&tmp))?;
    }
    std::fs::rename(&tmp, path).map_err(io(path))?;
    if let Some(dir) = path.parent() {
        // The rename itself is durable once the directory is.
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
    }
    Ok(())
}

/// The agent's state directory.
#[derive(Clone, Debug)]
pub struct StateDir {
    root: PathBuf,
}

impl StateDir {
    /// Opens (creating) `root`.
    pub fn open(root: &Path) -> Result<Self, StateError> {
        for d in [root.join("jobs"), root.join("scenes")] {
            std::fs::create_dir_all(&d).map_err(io(&d))?;
        }
        Ok(Self {
            root: root.to_path_buf(),
        })
    }

    /// The directory of a job.
    pub fn job_dir(&self, job: &AccountAddress) -> PathBuf {
        self.root.join("jobs").join(job.to_hex())
    }

    /// The directory a job's frames are rendered into.
    pub fn frames_dir(&self, job: &AccountAddress) -> PathBuf {
        self.job_dir(job).join("frames")
    }

    /// Where a scene is cached.
    pub fn scene_path(&self, hash: &Hash32) -> PathBuf {
        self.root
            .join("scenes")
            .join(format!("{}.blend", hash.hex()))
    }

    /// Where the driver script is written.
    pub fn driver_path(&self) -> PathBuf {
        self.root.join("driver.py")
    }

    /// Saves a job's state.
    pub fn save(&self, s: &JobState) -> Result<(), StateError> {
        let dir = self.job_dir(&s.job);
        std::fs::create_dir_all(&dir).map_err(io(&dir))?;
        let text = serde_json::to_vec_pretty(s).expect("state serialises");
        write_atomic(&dir.join("state.json"), &text)
    }

    /// Every job's state, oldest directory name order.
    pub fn load_all(&self) -> Result<Vec<JobState>, StateError> {
        let jobs = self.root.join("jobs");
        let mut out = vec![];
        let mut dirs: Vec<_> = std::fs::read_dir(&jobs)
            .map_err(io(&jobs))?
            .flatten()
            .map(|e| e.path())
            .collect();
        dirs.sort();
        for d in dirs {
            let p = d.join("state.json");
            if !p.exists() {
                continue;
            }
            let text = std::fs::read(&p).map_err(io(&p))?;
            out.push(
                serde_json::from_slice(&text).map_err(|e| StateError::Corrupt {
                    path: p.clone(),
                    reason: e.to_string(),
                })?,
            );
        }
        Ok(out)
    }

    /// Forgets frame records whose file is gone or no longer has the
    /// recorded hash (they will be rendered again); returns how many.
    pub fn drop_unverified_frames(&self, s: &mut JobState) -> usize {
        let dir = self.frames_dir(&s.job);
        let before = s.frames.len();
        s.frames.retain(|frame, rec| {
            std::fs::read(dir.join(crate::blender::frame_file(*frame)))
                .map(|b| content_hash(&b) == rec.hash)
                .unwrap_or(false)
        });
        before - s.frames.len()
    }
}

impl JobState {
    /// The wanted frames not rendered yet, in order.
    pub fn missing(&self) -> Vec<u64> {
        self.wanted
            .iter()
            .copied()
            .filter(|f| !self.frames.contains_key(f))
            .collect()
    }

    /// The spec's frames from the first one up to the first not rendered:
    /// what can be submitted (the contract counts frames from the start).
    pub fn deliverable(&self) -> Vec<(u64, Hash32)> {
        self.spec
            .frame_numbers()
            .map_while(|f| self.frames.get(&f).map(|r| (f, r.hash)))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_whole_files() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.json");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        assert!(!p.with_extension("tmp").exists());
    }
}
