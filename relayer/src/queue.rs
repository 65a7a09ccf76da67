//! The durable submission queue: one row per job in the attester's
//! database ([`crate::db`]), each change one transaction, so a `kill -9`
//! never loses or tears a job.
//!
//! Against a power failure: a new job and a signed transaction are
//! committed with `synchronous=FULL`, before the report is acknowledged and
//! before the transaction is sent. The other changes (a send counted, done,
//! failed, back to queued) are `NORMAL`: if one is lost the job is found
//! signed again, and the submitter asks the node for its hash before
//! anything else, which leads to the same state again.
//!
//! A job moves `queued → signed → done` (or `failed`). The signed
//! transaction (its hash, sequence number and BCS bytes) is recorded *before*
//! it is sent; after a restart the submitter asks the node whether that hash
//! exists before sending the same bytes again, so a job is never lost and
//! never submitted twice. Finished jobs are deleted a retention period after
//! they finished ([`Queue::prune`]); a job's sequence number is never given
//! to another job, pruned or not.

use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use lumen_sdk::messages::BenchmarkReport;
use lumen_sdk::AccountAddress;
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use crate::db::{Db, DbError, Durability};

/// A queue operation failed.
#[derive(Debug, thiserror::Error)]
pub enum QueueError {
    /// The database failed.
    #[error("queue: {0}")]
    Db(#[from] DbError),
}

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
    /// The last error that made the submitter wait and try again (a node
    /// that did not answer, or refused for a reason that passes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_error: Option<String>,
}

impl Job {
    /// Whether the job still needs work.
    pub fn is_open(&self) -> bool {
        matches!(self.state, JobState::Queued | JobState::Signed { .. })
    }
}

/// Counts of what happened to the queue's transactions since the process
/// started (the service's `/metrics`).
#[derive(Debug, Default)]
pub struct QueueMetrics {
    /// Jobs queued.
    pub queued: AtomicU64,
    /// Transactions sent to the node (first sends and resends).
    pub sent: AtomicU64,
    /// Transactions executed successfully on chain.
    pub committed: AtomicU64,
    /// Transactions executed on chain that aborted.
    pub aborted: AtomicU64,
    /// Jobs the node refused for good.
    pub failed: AtomicU64,
    /// Jobs signed anew (expired unseen, or a stale sequence number).
    pub resigned: AtomicU64,
    /// Waits after a node error or a passing refusal, before trying again.
    pub retries: AtomicU64,
}

/// The queue: its table in the attester's database.
pub struct Queue {
    db: Arc<Db>,
    metrics: QueueMetrics,
}

/// The queue's table. `open` is 1 for queued and signed jobs, whose order
/// (`seq`) is the order of submission; `finished_at` (seconds) is when a
/// job became done or failed, for pruning; `worker` is an attestation's
/// worker (the status endpoint).
const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS jobs (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL UNIQUE,
    worker TEXT,
    open INTEGER NOT NULL,
    finished_at INTEGER,
    kind TEXT NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    last_error TEXT
);
CREATE INDEX IF NOT EXISTS jobs_open ON jobs(open, seq);
CREATE INDEX IF NOT EXISTS jobs_worker ON jobs(worker, seq);
CREATE INDEX IF NOT EXISTS jobs_finished ON jobs(finished_at) WHERE open = 0;
";

const COLUMNS: &str = "seq, key, kind, state, attempts, last_error";

fn now_secs() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

type Row = (i64, String, String, String, i64, Option<String>);

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
    ))
}

impl Queue {
    /// Opens (creating it) a queue in its own database file at `path`.
    pub fn open(path: impl AsRef<Path>) -> Result<Queue, QueueError> {
        Queue::in_db(Db::open(path.as_ref())?)
    }

    /// The queue in `db` (its table created if missing).
    pub fn in_db(db: Arc<Db>) -> Result<Queue, QueueError> {
        db.write(Durability::Full, |tx| {
            tx.execute_batch(SCHEMA).map_err(|e| db.err(e))
        })?;
        Ok(Queue {
            db,
            metrics: QueueMetrics::default(),
        })
    }

    /// What happened to the queue's transactions since the process started.
    pub fn metrics(&self) -> &QueueMetrics {
        &self.metrics
    }

    fn job(&self, (seq, key, kind, state, attempts, last_error): Row) -> Result<Job, DbError> {
        let what = || format!("job {seq}");
        Ok(Job {
            seq: seq as u64,
            key,
            kind: serde_json::from_str(&kind).map_err(|e| self.db.corrupt(what(), e))?,
            state: serde_json::from_str(&state).map_err(|e| self.db.corrupt(what(), e))?,
            attempts: attempts as u32,
            last_error,
        })
    }

    /// Adds a job within `tx` unless one with the same key exists; returns
    /// the job (the existing one when the key was known). A service's group
    /// commit queues its reports in the transaction that records their
    /// challenges as used.
    pub(crate) fn push_in(
        &self,
        tx: &Transaction,
        key: String,
        kind: JobKind,
    ) -> Result<Job, DbError> {
        let db = &self.db;
        let known = tx
            .query_row(
                &format!("SELECT {COLUMNS} FROM jobs WHERE key = ?1"),
                [&key],
                row,
            )
            .optional()
            .map_err(|e| db.err(e))?;
        if let Some(r) = known {
            return self.job(r);
        }
        let worker = match &kind {
            JobKind::Attest { report, .. } => Some(report.worker.to_hex()),
            JobKind::Uptime { .. } => None,
        };
        let state = JobState::Queued;
        tx.execute(
            "INSERT INTO jobs (key, worker, open, kind, state, attempts) VALUES (?1, ?2, 1, ?3, ?4, 0)",
            params![
                key,
                worker,
                serde_json::to_string(&kind).expect("a job serialises"),
                serde_json::to_string(&state).expect("a job serialises"),
            ],
        )
        .map_err(|e| db.err(e))?;
        self.metrics.queued.fetch_add(1, Ordering::Relaxed);
        Ok(Job {
            seq: tx.last_insert_rowid() as u64,
            key,
            kind,
            state,
            attempts: 0,
            last_error: None,
        })
    }

    /// Adds a job unless one with the same key exists; returns the job
    /// (the existing one when the key was known).
    pub fn push(&self, key: String, kind: JobKind) -> Result<Job, QueueError> {
        Ok(self
            .db
            .write(Durability::Full, |tx| self.push_in(tx, key, kind))?)
    }

    /// Adds several jobs in one transaction (one fsync for all). A key that
    /// exists (or repeats within `items`) yields the existing job, as
    /// [`Queue::push`] does. Returns the jobs in the order of `items`.
    pub fn push_many(&self, items: Vec<(String, JobKind)>) -> Result<Vec<Job>, QueueError> {
        Ok(self.db.write(Durability::Full, |tx| {
            items
                .into_iter()
                .map(|(key, kind)| self.push_in(tx, key, kind))
                .collect()
        })?)
    }

    /// Whether a job with this key exists.
    pub fn contains_key(&self, key: &str) -> Result<bool, QueueError> {
        Ok(self.db.read(|c| {
            c.query_row("SELECT 1 FROM jobs WHERE key = ?1", [key], |_| Ok(()))
                .optional()
                .map(|r| r.is_some())
                .map_err(|e| self.db.err(e))
        })?)
    }

    /// Persists a job's new state; a signed transaction durably (it is
    /// recorded before it is sent), anything else as the module doc says.
    pub fn update(&self, job: &Job) -> Result<(), QueueError> {
        let durability = match job.state {
            JobState::Signed { .. } => Durability::Full,
            _ => Durability::Normal,
        };
        self.write_job(job, durability)
    }

    /// Persists a job's send count (and last error) only: a count lost to a
    /// power failure costs nothing.
    pub fn record_attempt(&self, job: &Job) -> Result<(), QueueError> {
        self.write_job(job, Durability::Normal)
    }

    fn write_job(&self, job: &Job, durability: Durability) -> Result<(), QueueError> {
        let open = job.is_open();
        let finished_at = (!open).then(now_secs);
        self.db.write(durability, |tx| {
            tx.execute(
                "UPDATE jobs SET open = ?2, finished_at = ?3, state = ?4, attempts = ?5, \
                 last_error = ?6 WHERE seq = ?1",
                params![
                    job.seq as i64,
                    open as i64,
                    finished_at.map(|s| s as i64),
                    serde_json::to_string(&job.state).expect("a job serialises"),
                    job.attempts as i64,
                    job.last_error,
                ],
            )
            .map_err(|e| self.db.err(e))
        })?;
        let m = &self.metrics;
        match &job.state {
            JobState::Done { success: true, .. } => m.committed.fetch_add(1, Ordering::Relaxed),
            JobState::Done { success: false, .. } => m.aborted.fetch_add(1, Ordering::Relaxed),
            JobState::Failed { .. } => m.failed.fetch_add(1, Ordering::Relaxed),
            JobState::Queued | JobState::Signed { .. } => 0,
        };
        Ok(())
    }

    /// Records why the submitter waits before trying the first open job
    /// again (shown by the status endpoint until the job moves on).
    pub fn note_error(&self, error: &str) -> Result<(), QueueError> {
        self.metrics.retries.fetch_add(1, Ordering::Relaxed);
        self.db.write(Durability::Normal, |tx| {
            tx.execute(
                "UPDATE jobs SET last_error = ?1 WHERE seq = \
                 (SELECT seq FROM jobs WHERE open = 1 ORDER BY seq LIMIT 1)",
                [error],
            )
            .map_err(|e| self.db.err(e))
        })?;
        Ok(())
    }

    fn select(&self, filter: &str, args: impl rusqlite::Params) -> Result<Vec<Job>, QueueError> {
        let rows = self.db.read(|c| {
            let mut stmt = c
                .prepare_cached(&format!("SELECT {COLUMNS} FROM jobs {filter}"))
                .map_err(|e| self.db.err(e))?;
            let rows = stmt
                .query_map(args, row)
                .map_err(|e| self.db.err(e))?
                .collect::<Result<Vec<Row>, _>>()
                .map_err(|e| self.db.err(e));
            rows
        })?;
        Ok(rows
            .into_iter()
            .map(|r| self.job(r))
            .collect::<Result<_, _>>()?)
    }

    /// The first job that still needs work.
    pub fn next_open(&self) -> Result<Option<Job>, QueueError> {
        Ok(self
            .select("WHERE open = 1 ORDER BY seq LIMIT 1", [])?
            .pop())
    }

    /// All jobs in order (finished ones until they are pruned).
    pub fn all(&self) -> Result<Vec<Job>, QueueError> {
        self.select("ORDER BY seq", [])
    }

    /// The newest `limit` attestation jobs of `worker`, newest first.
    pub fn of_worker(&self, worker: AccountAddress, limit: usize) -> Result<Vec<Job>, QueueError> {
        self.select(
            "WHERE worker = ?1 ORDER BY seq DESC LIMIT ?2",
            params![worker.to_hex(), limit as i64],
        )
    }

    /// The number of jobs still open.
    pub fn open_count(&self) -> Result<u64, QueueError> {
        Ok(self.db.read(|c| {
            c.query_row("SELECT COUNT(*) FROM jobs WHERE open = 1", [], |r| {
                r.get::<_, i64>(0)
            })
            .map(|n| n as u64)
            .map_err(|e| self.db.err(e))
        })?)
    }

    /// Deletes jobs that finished more than `retention_secs` ago; returns
    /// how many.
    pub fn prune(&self, retention_secs: u64) -> Result<usize, QueueError> {
        let before = now_secs().saturating_sub(retention_secs) as i64;
        Ok(self.db.write(Durability::Normal, |tx| {
            tx.execute(
                "DELETE FROM jobs WHERE open = 0 AND finished_at < ?1",
                [before],
            )
            .map_err(|e| self.db.err(e))
        })?)
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
        let path = dir.path().join("queue.db");
        let q = Queue::open(&path).unwrap();
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
        drop(q);

        let q = Queue::open(&path).unwrap();
        assert_eq!(q.all().unwrap(), vec![signed.clone(), b.clone()]);
        assert_eq!(q.next_open().unwrap(), Some(signed));
        assert!(q.contains_key("uptime:2:0").unwrap());
        let c = q.push("uptime:3:0".into(), uptime(3)).unwrap();
        assert_eq!(c.seq, 3);
    }

    #[test]
    fn a_group_commit_survives_reopening_and_finished_jobs_are_pruned() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("queue.db");
        let q = Queue::open(&path).unwrap();
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
        let mut done = many[2].clone();
        done.state = JobState::Done {
            hash: "0xcd".into(),
            version: Some(9),
            success: true,
            vm_status: "Executed successfully".into(),
        };
        q.update(&done).unwrap();
        drop(q);

        let q = Queue::open(&path).unwrap();
        assert_eq!(q.all().unwrap(), vec![a.clone(), many[0].clone(), done]);
        assert_eq!(q.open_count().unwrap(), 2);
        // Kept for the retention period, then deleted; its number is not
        // given again.
        assert_eq!(q.prune(3600).unwrap(), 0);
        std::thread::sleep(std::time::Duration::from_millis(1100));
        assert_eq!(q.prune(0).unwrap(), 1);
        assert_eq!(q.all().unwrap(), vec![a, many[0].clone()]);
        assert!(!q.contains_key("uptime:3:0").unwrap());
        assert_eq!(q.push("uptime:4:0".into(), uptime(4)).unwrap().seq, 4);
    }

    #[test]
    fn a_corrupt_job_row_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("queue.db");
        let q = Queue::open(&path).unwrap();
        q.push("uptime:1:0".into(), uptime(1)).unwrap();
        q.db.write(Durability::Full, |tx| {
            tx.execute("UPDATE jobs SET kind = 'not json'", [])
                .map_err(|e| q.db.err(e))
        })
        .unwrap();
        let err = q.all().err().unwrap().to_string();
        assert!(
            err.contains("queue.db") && err.contains("job 1 is corrupt"),
            "{err}"
        );
    }
}
