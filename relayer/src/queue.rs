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

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use lumen_sdk::messages::BenchmarkReport;
use lumen_sdk::AccountAddress;
use serde::{Deserialize, Serialize};

use crate::atomic_file;

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

/// File name ending of a group commit's file (several new jobs).
const BATCH_SUFFIX: &str = ".batch.json";

/// What a job submits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum JobKind {
    /// `attestation::attest` of a device-signed report with this attester's score.
    Attest {
        /// The report.
        report: BenchmarkReport,
        /// The score this attester vouches for, micro-units.
        score: u64,
        /// The worker's device public key, hex.
        public_key: String,
        /// The device key's signature, hex.
        signature: String,
        /// The network address the answer came from (the machine the
        /// worker's liveness is then expected from).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        machine: Option<String>,
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
    /// Sequence number of each key (a job's key never changes); locked
    /// after `jobs` when both are needed.
    keys: Mutex<HashMap<String, u64>>,
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<(), QueueError> {
    atomic_file::write(path, bytes).map_err(|(path, source)| QueueError::Io { path, source })
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
        let mut singles = Vec::new();
        for entry in fs::read_dir(&dir).map_err(io(&dir))? {
            let path = entry.map_err(io(&dir))?.path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name.starts_with(atomic_file::TEMP_PREFIX) {
                fs::remove_file(&path).map_err(io(&path))?;
                continue;
            }
            if name.ends_with(BATCH_SUFFIX) {
                // A group commit: its jobs are only ever updated through
                // their own single files, which are read afterwards and win.
                let text = fs::read(&path).map_err(io(&path))?;
                let batch: Vec<Job> =
                    serde_json::from_slice(&text).map_err(|source| QueueError::Corrupt {
                        path: path.clone(),
                        source,
                    })?;
                for job in batch {
                    jobs.entry(job.seq).or_insert(job);
                }
                continue;
            }
            if name.ends_with(".json") {
                singles.push(path);
            }
        }
        for path in singles {
            let text = fs::read(&path).map_err(io(&path))?;
            let job: Job = serde_json::from_slice(&text).map_err(|source| QueueError::Corrupt {
                path: path.clone(),
                source,
            })?;
            jobs.insert(job.seq, job);
        }
        Ok(Queue {
            dir,
            keys: Mutex::new(jobs.values().map(|j| (j.key.clone(), j.seq)).collect()),
            jobs: Mutex::new(jobs),
        })
    }

    fn path_of(&self, seq: u64) -> PathBuf {
        self.dir.join(format!("{seq:012}.json"))
    }

    fn write(&self, job: &Job) -> Result<(), QueueError> {
        let bytes = serde_json::to_vec_pretty(job).expect("a job serialises");
        write_file(&self.path_of(job.seq), &bytes)
    }

    /// Writes several new jobs as one file: one durable write for all.
    fn write_batch(&self, fresh: &[Job]) -> Result<(), QueueError> {
        let first = fresh.first().map_or(0, |j| j.seq);
        let last = fresh.last().map_or(0, |j| j.seq);
        let path = self
            .dir
            .join(format!("{first:012}-{last:012}{BATCH_SUFFIX}"));
        let bytes = serde_json::to_vec(fresh).expect("jobs serialise");
        write_file(&path, &bytes)
    }

    /// Adds a job unless one with the same key exists; returns the job
    /// (the existing one when the key was known).
    pub fn push(&self, key: String, kind: JobKind) -> Result<Job, QueueError> {
        let mut jobs = self.jobs.lock().expect("queue lock");
        let mut keys = self.keys.lock().expect("queue keys lock");
        if let Some(j) = keys.get(&key).and_then(|seq| jobs.get(seq)) {
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
        keys.insert(job.key.clone(), seq);
        jobs.insert(seq, job.clone());
        Ok(job)
    }

    /// Adds several jobs with one durable write (a group commit). A key
    /// that exists (or repeats within `items`) yields the existing job, as
    /// [`Queue::push`] does. Returns the jobs in the order of `items`.
    pub fn push_many(&self, items: Vec<(String, JobKind)>) -> Result<Vec<Job>, QueueError> {
        let mut jobs = self.jobs.lock().expect("queue lock");
        let mut keys = self.keys.lock().expect("queue keys lock");
        let mut next = jobs.keys().next_back().map_or(1, |s| s + 1);
        let mut out = Vec::with_capacity(items.len());
        let mut fresh: Vec<Job> = Vec::new();
        for (key, kind) in items {
            let known = keys
                .get(&key)
                .and_then(|seq| jobs.get(seq))
                .or_else(|| fresh.iter().find(|j| j.key == key));
            if let Some(j) = known {
                out.push(j.clone());
                continue;
            }
            let job = Job {
                seq: next,
                key,
                kind,
                state: JobState::Queued,
                attempts: 0,
            };
            next += 1;
            fresh.push(job.clone());
            out.push(job);
        }
        match fresh.len() {
            0 => {}
            1 => self.write(&fresh[0])?,
            _ => self.write_batch(&fresh)?,
        }
        for job in fresh {
            keys.insert(job.key.clone(), job.seq);
            jobs.insert(job.seq, job);
        }
        Ok(out)
    }

    /// Whether a job with this key exists.
    pub fn contains_key(&self, key: &str) -> bool {
        self.keys.lock().expect("queue keys lock").contains_key(key)
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
    fn a_group_commit_survives_reopening_and_later_updates_win() {
        let dir = tempfile::tempdir().unwrap();
        let q = Queue::open(dir.path()).unwrap();
        let a = q.push("uptime:1:0".into(), uptime(1)).unwrap();
        let many = q
            .push_many(vec![
                ("uptime:2:0".into(), uptime(2)),
                ("uptime:1:0".into(), uptime(7)),
                ("uptime:3:0".into(), uptime(3)),
                ("uptime:2:0".into(), uptime(8)),
            ])
            .unwrap();
        let seqs: Vec<u64> = many.iter().map(|j| j.seq).collect();
        assert_eq!(seqs, vec![2, 1, 3, 2], "known keys give the existing job");
        assert_eq!(many[1], a);
        let batch_files = std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .ends_with(BATCH_SUFFIX)
            })
            .count();
        assert_eq!(batch_files, 1, "two new jobs, one file");
        let mut done = many[2].clone();
        done.state = JobState::Done {
            hash: "0xcd".into(),
            version: Some(9),
            success: true,
            vm_status: "Executed successfully".into(),
        };
        q.update(&done).unwrap();
        drop(q);

        let q = Queue::open(dir.path()).unwrap();
        assert_eq!(q.all(), vec![a, many[0].clone(), done]);
        assert_eq!(q.push("uptime:4:0".into(), uptime(4)).unwrap().seq, 4);
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
