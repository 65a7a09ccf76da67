//! What the service tells about itself: where a worker's attestations
//! stand on chain (`GET /v1/status/{worker}`: queued, submitted, retrying
//! with the last error, landed with version and hash, aborted with the
//! abort decoded by [`lumen_sdk::errors`], or failed for good) and its
//! counters in Prometheus' text format (`GET /metrics`).

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

use lumen_sdk::{AccountAddress, Package};
use serde::{Deserialize, Serialize};

use super::rate::Class;
use super::{Service, ServiceError};
use crate::queue::{Job, JobKind, JobState};

/// How many of a worker's latest attestations the status shows.
pub const STATUS_JOBS: usize = 10;

/// Counters since the process started.
#[derive(Debug, Default)]
pub(super) struct Metrics {
    pub challenges_issued: AtomicU64,
    pub commitments: AtomicU64,
    pub reports_accepted: AtomicU64,
    pub liveness_issued: AtomicU64,
    pub liveness_answered: AtomicU64,
    rejected: Mutex<BTreeMap<&'static str, u64>>,
    rate_limited_challenges: AtomicU64,
    rate_limited_answers: AtomicU64,
}

impl Metrics {
    pub(super) fn rejected(&self, reason: &'static str) {
        let mut m = self.rejected.lock().unwrap_or_else(|e| e.into_inner());
        *m.entry(reason).or_default() += 1;
    }

    pub(super) fn rate_limited(&self, class: Class) {
        match class {
            Class::Challenges => &self.rate_limited_challenges,
            Class::Answers => &self.rate_limited_answers,
        }
        .fetch_add(1, Ordering::Relaxed);
    }
}

/// A worker's attestations by this service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkerStatus {
    /// The worker.
    pub worker: AccountAddress,
    /// The score this service last attested, micro-units (none yet: absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<u64>,
    /// The latest attestations, newest first (at most [`STATUS_JOBS`]).
    pub attestations: Vec<AttestationStatus>,
}

/// One attestation's transaction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttestationStatus {
    /// The job (the `job_id` the openings' answer gave).
    pub job_id: u64,
    /// The report's nonce.
    pub nonce: u64,
    /// The score attested, micro-units.
    pub score: u64,
    /// Where it stands.
    #[serde(flatten)]
    pub landing: Landing,
}

/// Where an attestation's transaction stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Landing {
    /// Waiting for its turn (one transaction in flight at a time).
    Queued,
    /// Signed and sent; the node has not executed it yet.
    Submitted {
        /// Transaction hash.
        hash: String,
        /// Sends so far.
        attempts: u32,
    },
    /// The node did not take it yet (unreachable, or a refusal that
    /// passes, such as too little balance for the gas); tried again.
    Retrying {
        /// Sends so far.
        attempts: u32,
        /// Why the last try did not go through.
        last_error: String,
    },
    /// Executed successfully.
    Landed {
        /// Transaction hash.
        hash: String,
        /// Ledger version.
        version: Option<u64>,
    },
    /// Executed and aborted: final.
    Aborted {
        /// Transaction hash.
        hash: String,
        /// Ledger version.
        version: Option<u64>,
        /// The node's VM status.
        vm_status: String,
        /// The abort, when it is one of the package's (or a known framework one).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        abort: Option<Abort>,
    },
    /// The node refused it for good.
    Failed {
        /// The node's refusal.
        error: String,
    },
}

/// A decoded abort.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Abort {
    /// The Move module.
    pub module: String,
    /// The constant's name (`EWrongStatus`).
    pub name: String,
    /// The abort code (`category × 0x10000 + reason`).
    pub code: u64,
    /// What it means.
    pub description: String,
}

fn landing(job: &Job, package: &Package) -> Landing {
    match &job.state {
        _ if job.is_open() && job.last_error.is_some() => Landing::Retrying {
            attempts: job.attempts,
            last_error: job.last_error.clone().unwrap_or_default(),
        },
        JobState::Queued => Landing::Queued,
        JobState::Signed { hash, .. } => Landing::Submitted {
            hash: hash.clone(),
            attempts: job.attempts,
        },
        JobState::Done {
            hash,
            version,
            success: true,
            ..
        } => Landing::Landed {
            hash: hash.clone(),
            version: *version,
        },
        JobState::Done {
            hash,
            version,
            vm_status,
            ..
        } => Landing::Aborted {
            hash: hash.clone(),
            version: *version,
            vm_status: vm_status.clone(),
            abort: lumen_sdk::errors::from_vm_status(package, vm_status).map(|a| Abort {
                module: a.module.to_string(),
                name: a.name.to_string(),
                code: a.code(),
                description: a.description.to_string(),
            }),
        },
        JobState::Failed { error } => Landing::Failed {
            error: error.clone(),
        },
    }
}

impl Service {
    /// Where `worker`'s latest attestations by this service stand.
    pub async fn worker_status(
        &self,
        worker: AccountAddress,
    ) -> Result<WorkerStatus, ServiceError> {
        let score = self.state.lock().await.scores.get(&worker).copied();
        let package = &self.config.policy.package;
        let attestations = self
            .queue
            .of_worker(worker, STATUS_JOBS)?
            .iter()
            .filter_map(|job| match &job.kind {
                JobKind::Attest { report, score, .. } => Some(AttestationStatus {
                    job_id: job.seq,
                    nonce: report.nonce,
                    score: *score,
                    landing: landing(job, package),
                }),
                JobKind::Uptime { .. } => None,
            })
            .collect();
        Ok(WorkerStatus {
            worker,
            score,
            attestations,
        })
    }

    /// The counters in Prometheus' text format.
    pub async fn metrics_text(&self) -> Result<String, ServiceError> {
        let open_challenges = {
            let now = super::now_secs();
            let state = self.state.lock().await;
            state
                .challenges
                .values()
                .filter(|e| !e.used && e.challenge.as_ref().is_some_and(|c| c.expires_at > now))
                .count() as u64
        };
        let open_jobs = self.queue.open_count()?;
        let m = &self.metrics;
        let q = self.queue.metrics();
        let get = |a: &AtomicU64| a.load(Ordering::Relaxed);
        let mut out = String::new();
        let mut metric = |name: &str, kind: &str, help: &str, samples: &[(&str, u64)]| {
            let _ = writeln!(out, "# HELP lumen_attester_{name} {help}");
            let _ = writeln!(out, "# TYPE lumen_attester_{name} {kind}");
            for (labels, value) in samples {
                let _ = writeln!(out, "lumen_attester_{name}{labels} {value}");
            }
        };
        metric(
            "challenges_issued_total",
            "counter",
            "Attestation challenges issued.",
            &[("", get(&m.challenges_issued))],
        );
        metric(
            "commitments_total",
            "counter",
            "Answers whose signed commitment checked out (picks drawn).",
            &[("", get(&m.commitments))],
        );
        metric(
            "challenges_answered_total",
            "counter",
            "Answers whose openings verified: reports queued for the chain.",
            &[("", get(&m.reports_accepted))],
        );
        metric(
            "liveness_challenges_issued_total",
            "counter",
            "Liveness challenges issued.",
            &[("", get(&m.liveness_issued))],
        );
        metric(
            "liveness_answers_total",
            "counter",
            "Liveness answers whose openings verified.",
            &[("", get(&m.liveness_answered))],
        );
        let rejected: Vec<(String, u64)> = m
            .rejected
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .map(|(reason, n)| (format!("{{reason=\"{reason}\"}}"), *n))
            .collect();
        let rejected: Vec<(&str, u64)> = rejected.iter().map(|(l, n)| (l.as_str(), *n)).collect();
        metric(
            "rejections_total",
            "counter",
            "Requests refused, by reason.",
            &rejected,
        );
        metric(
            "rate_limited_total",
            "counter",
            "Requests refused by a client's rate limit, by class.",
            &[
                ("{class=\"challenges\"}", get(&m.rate_limited_challenges)),
                ("{class=\"answers\"}", get(&m.rate_limited_answers)),
            ],
        );
        metric(
            "jobs_queued_total",
            "counter",
            "Transactions queued (attestations and uptime reports).",
            &[("", get(&q.queued))],
        );
        metric(
            "transactions_total",
            "counter",
            "Transactions by outcome: committed, aborted on chain, refused for good.",
            &[
                ("{outcome=\"committed\"}", get(&q.committed)),
                ("{outcome=\"aborted\"}", get(&q.aborted)),
                ("{outcome=\"failed\"}", get(&q.failed)),
            ],
        );
        metric(
            "transaction_sends_total",
            "counter",
            "Signed transactions sent to the node (resends included).",
            &[("", get(&q.sent))],
        );
        metric(
            "transaction_resigns_total",
            "counter",
            "Transactions signed anew (expired unseen, or a stale sequence number).",
            &[("", get(&q.resigned))],
        );
        metric(
            "transaction_retries_total",
            "counter",
            "Waits before trying again after a node error or a refusal that passes.",
            &[("", get(&q.retries))],
        );
        metric(
            "open_challenges",
            "gauge",
            "Challenges issued, unexpired and not used.",
            &[("", open_challenges)],
        );
        metric(
            "open_jobs",
            "gauge",
            "Transactions queued or in flight.",
            &[("", open_jobs)],
        );
        Ok(out)
    }
}
