//! The durable submission queue: one JSON file per job in a directory,
//! written atomically (temporary file, fsync, rename, fsync of the
//! directory), so a `kill -9` at any instant leaves every job either in its
//! old or in its new state, never torn.
//!
//! A job moves `queued → signed → done` (or `failed`). The signed
//! transaction (its hash, sequence number and BCS bytes) is recorded *before*
//! it is sent; after a restart the submitter asks the node whether that hash
//! exists before sending the same bytes again, so a job is never lost and
//! never submitted twice.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use lumen_sdk::messages::BenchmarkReport;
use lumen_sdk::AccountAddress;
use serde::{Deserialize, Serialize};

/// A queue operation failed.
#[derive(Debug, thiserror::Error)]
pub enum QueueError {
    /// Reading or writing the directory failed.
    #[error("queue directory {path}: {source}")]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
    /// A job file is not valid JSON of a job.
    #[error("queue job file {path} is corrupt: {source}")]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// The parse error.
        source: serde_json::Error,
    },
}

/// What a job submits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum JobKind {
    /// `attestation::attest` of a signed report.
    Attest {
        /// The report.
        report: BenchmarkReport,
        /// The worker's public key, hex.
        public_key: String,
        /// The worker's signature, hex.
        signature: String,
    },
    /// `rewards::report_uptime` for one batch of workers.
    Uptime {
        /// The epoch.
        epoch: u64,
        /// Workers.
        workers: Vec<AccountAddress>,
        /// Their online seconds, same order.
        online_secs: Vec<u64>,
    },
}

/// Where a job stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum JobState {
    /// Not signed yet.
    Queued,
    /// Signed; the bytes may or may not have reached the node.
    Signed {
        /// `0x`-prefixed transaction hash.
        hash: String,
        /// The sender's sequence number it uses.
        sequence_number: u64,
        /// Its expiration, seconds.
        expires_at: u64,
        /// The signed transaction's BCS bytes, hex.
        bcs: String,
    },
    /// Committed on chain (successfully or aborted: either way it is final).
    Done {
        /// Transaction hash.
        hash: String,
        /// Ledger version.
        version: Option<u64>,
        /// Whether it executed successfully.
        success: bool,
        /// The VM status.
        vm_status: String,
    },
    /// The node refused it for good.
    Failed {
        /// Why.
        error: String,
    },
}

/// One job.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Job {
    /// Position in the queue; jobs are submitted in this order.
    pub seq: u64,
    /// What makes the job unique (e.g. `attest:<challenge id>`,
    /// `uptime:<epoch>:<batch>`): pushing an existing key is a no-op.
    pub key: String,
    /// What to submit.
    pub kind: JobKind,
    /// Where it stands.
    pub state: JobState,
    /// Submission attempts so far.
    pub attempts: u32,
}

impl Job {
    /// Whether the job still needs work.
    pub fn is_open(&self) -> bool {
        matches!(self.state, JobState::Queued | JobState::Signed { .. })
    }
}

/// The queue directory.
pub struct Queue {
    dir: PathBuf,
    jobs: Mutex<BTreeMap<u64, Job>>,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> QueueError + '_ {
    move |source| QueueError::Io {
        path: path.to_path_buf(),
        source,
    }
}

impl Queue {
    /// Opens (creating it if needed) the queue in `dir` and loads its jobs.
    /// Leftover temporary files of an interrupted write are removed.
    pub fn open(dir: impl Into<PathBuf>) -> Result<Queue, QueueError> {
        let dir = dir.into();
        fs::create_dir_all(&dir).map_err(io(&dir))?;
        let mut jobs = BTreeMap::new();
        for entry in fs::read_dir(&dir).map_err(io(&dir))? {
            let path = entry.map_err(io(&dir))?.path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name.starts_with(".tmp-") {
                fs::remove_file(&path).map_err(io(&path))?;
                continue;
            }
            if !name.ends_with(".json") {
                continue;
            }
            let text = fs::read(&path).map_err(io(&path))?;
            let job: Job = serde_json::from_slice(&text).map_err(|source| QueueError::Corrupt {
                path: path.clone(),
                source,
            })?;
            jobs.insert(job.seq, job);
        }
        Ok(Queue {
            dir,
            jobs: Mutex::new(jobs),
        })
    }

    fn path_of(&self, seq: u64) -> PathBuf {
        self.dir.join(format!("{seq:012}.json"))
    }

    fn write(&self, job: &Job) -> Result<(), QueueError> {
        let path = self.path_of(job.seq);
        let tmp = self.dir.join(format!(".tmp-{:012}", job.seq));
        let bytes = serde_json::to_vec_pretty(job).expect("a job serialises");
        let mut f = fs::File::create(&tmp).map_err(io(&tmp))?;
        f.write_all(&bytes).map_err(io(&tmp))?;
        f.sync_all().map_err(io(&tmp))?;
        drop(f);
        fs::rename(&tmp, &path).map_err(io(&path))?;
        fs::File::open(&self.dir)
            .and_then(|d| d.sync_all())
            .map_err(io(&self.dir))?;
        Ok(())
    }

    /// Adds a job unless one with the same key exists; returns the job
    /// (the existing one when the key was known).
    pub fn push(&self, key: String, kind: JobKind) -> Result<Job, QueueError> {
        let mut jobs = self.jobs.lock().expect("queue lock");
        if let Some(j) = jobs.values().find(|j| j.key == key) {
            return Ok(j.clone());
        }
        let seq = jobs.keys().next_back().map_or(1, |s| s + 1);
        let job = Job {
            seq,
            key,
            kind,
            state: JobState::Queued,
            attempts: 0,
        };
        self.write(&job)?;
        jobs.insert(seq, job.clone());
        Ok(job)
    }

    /// Whether a job with this key exists.
    pub fn contains_key(&self, key: &str) -> bool {
        self.jobs
            .lock()
            .expect("queue lock")
            .values()
            .any(|j| j.key == key)
    }

    /// Persists a job's new state.
    pub fn update(&self, job: &Job) -> Result<(), QueueError> {
        let mut jobs = self.jobs.lock().expect("queue lock");
        self.write(job)?;
        jobs.insert(job.seq, job.clone());
        Ok(())
    }

    /// The first job that still needs work.
    pub fn next_open(&self) -> Option<Job> {
        self.jobs
            .lock()
            .expect("queue lock")
            .values()
            .find(|j| j.is_open())
            .cloned()
    }

    /// All jobs in order.
    pub fn all(&self) -> Vec<Job> {
        self.jobs
            .lock()
            .expect("queue lock")
            .values()
            .cloned()
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uptime(epoch: u64) -> JobKind {
        JobKind::Uptime {
            epoch,
            workers: vec![AccountAddress::ONE],
            online_secs: vec![10],
        }
    }

    #[test]
    fn jobs_survive_reopening_and_keys_are_unique() {
        let dir = tempfile::tempdir().unwrap();
        let q = Queue::open(dir.path()).unwrap();
        let a = q.push("uptime:1:0".into(), uptime(1)).unwrap();
        let b = q.push("uptime:2:0".into(), uptime(2)).unwrap();
        assert_eq!((a.seq, b.seq), (1, 2));
        assert_eq!(q.push("uptime:1:0".into(), uptime(9)).unwrap(), a);
        let mut signed = a.clone();
        signed.state = JobState::Signed {
            hash: "0xab".into(),
            sequence_number: 4,
            expires_at: 99,
            bcs: "00".into(),
        };
        q.update(&signed).unwrap();
        // A torn write from a crash is a leftover temporary file: ignored.
        std::fs::write(dir.path().join(".tmp-000000000003"), b"{garbage").unwrap();
        drop(q);

        let q = Queue::open(dir.path()).unwrap();
        assert_eq!(q.all(), vec![signed.clone(), b.clone()]);
        assert_eq!(q.next_open(), Some(signed));
        assert!(q.contains_key("uptime:2:0"));
        assert!(!dir.path().join(".tmp-000000000003").exists());
        let c = q.push("uptime:3:0".into(), uptime(3)).unwrap();
        assert_eq!(c.seq, 3);
    }

    #[test]
    fn a_corrupt_job_file_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("000000000001.json"), b"not json").unwrap();
        let err = Queue::open(dir.path()).err().unwrap();
        assert!(
            err.to_string().contains("000000000001.json is corrupt"),
            "{err}"
        );
    }
}
