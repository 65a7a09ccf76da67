//! The commit thread: commitments (with the picks drawn for them) and
//! verified reports wait in a channel, and everything that arrived together
//! is written in one database transaction with one fsync, so concurrent
//! workers share it. Each is checked again against the state first (another
//! request may have used its challenge or bound its device meanwhile, also
//! within the group); the answers go out once the transaction is in.

use std::collections::{HashMap, HashSet};
use std::sync::atomic::Ordering;
use std::sync::Weak;

use lumen_sdk::AccountAddress;
use tokio::sync::{oneshot, MutexGuard};

use super::store::Durability;
use super::{CommittedAnswer, Persisted, RoundRecord, Service};
use crate::protocol::Accepted;
use crate::queue::JobKind;
use crate::verify::Rejection;

/// What a waiting request learns from the group commit.
pub(super) type Verdict<T> = Result<Result<T, Rejection>, String>;

/// A verified report waiting for the next group commit.
pub(super) struct PendingReport {
    pub(super) key: String,
    pub(super) challenge_id: String,
    pub(super) device: String,
    pub(super) worker: AccountAddress,
    pub(super) score: u64,
    pub(super) elapsed_ms: u64,
    /// The address the answer came from.
    pub(super) machine: Option<String>,
    /// The workers challenged in the answered challenge's round.
    pub(super) round: Vec<AccountAddress>,
    pub(super) kind: JobKind,
    pub(super) done: oneshot::Sender<Verdict<Accepted>>,
}

/// A checked commitment waiting for the next group commit, which records
/// it (and its picks) with its challenge before the picks are answered.
pub(super) struct PendingCommitment {
    pub(super) challenge_id: String,
    pub(super) committed: CommittedAnswer,
    pub(super) done: oneshot::Sender<Verdict<()>>,
}

/// A checked commitment of a round before the last, waiting for the next
/// group commit, which records it with the next round's seeds and start
/// before the seeds are answered: a round takes one commitment, so its
/// successor's seeds are never drawn twice. The verdict is the next
/// round's start (microseconds of the service's clock).
pub(super) struct PendingRound {
    pub(super) challenge_id: String,
    /// The round committed (the next one is `round + 1`).
    pub(super) round: u32,
    pub(super) record: RoundRecord,
    /// The next round's seeds (hash chain, memory), hex.
    pub(super) seeds: (String, String),
    pub(super) done: oneshot::Sender<Verdict<u64>>,
}

/// What the commit thread writes.
pub(super) enum Pending {
    Report(Box<PendingReport>),
    Commitment(Box<PendingCommitment>),
    Round(Box<PendingRound>),
}

/// The commit thread: takes everything waiting and commits it as one
/// transaction, so while one group's fsync runs the next group gathers. It
/// holds the service weakly and ends with it (its channel closes).
pub(super) fn commit_loop(svc: Weak<Service>, rx: std::sync::mpsc::Receiver<Pending>) {
    while let Ok(first) = rx.recv() {
        let mut batch = vec![first];
        batch.extend(rx.try_iter());
        let Some(svc) = svc.upgrade() else { break };
        let state = svc.state.blocking_lock();
        svc.commit(state, batch);
    }
}

/// A commit-thread answer waiting to be sent once the transaction is in.
enum Reply {
    Report(
        oneshot::Sender<Verdict<Accepted>>,
        Result<Accepted, Rejection>,
    ),
    Commitment(oneshot::Sender<Verdict<()>>, Result<(), Rejection>),
    Round(oneshot::Sender<Verdict<u64>>, Result<u64, Rejection>),
}

impl Reply {
    fn send(self, failed: Option<&str>) {
        match self {
            Reply::Report(done, v) => {
                let _ = done.send(failed.map_or(Ok(v), |e| Err(e.to_string())));
            }
            Reply::Commitment(done, v) => {
                let _ = done.send(failed.map_or(Ok(v), |e| Err(e.to_string())));
            }
            Reply::Round(done, v) => {
                let _ = done.send(failed.map_or(Ok(v), |e| Err(e.to_string())));
            }
        }
    }
}

impl Service {
    /// Writes a group of commitments and verified reports in one
    /// transaction. Each is checked again against the state (another
    /// request may have used its challenge or bound its device meanwhile,
    /// also within the group); the answers go out once the transaction is
    /// in, and if it fails every request of the group gets the error.
    ///
    /// The state lock is let go once the group's rows are in the
    /// transaction, before its commit (the fsync): other requests read the
    /// state meanwhile. The database's lock is taken before it is let go,
    /// so a row another request writes afterwards (a challenge refused and
    /// used up) commits after this group's and is never overwritten by it.
    fn commit(&self, mut state: MutexGuard<'_, Persisted>, batch: Vec<Pending>) {
        let mut used: HashSet<String> = HashSet::new();
        let mut bound: HashMap<String, AccountAddress> = HashMap::new();
        // Addresses the group's accepted reports moved their workers to.
        let mut moved: HashMap<AccountAddress, Option<String>> = HashMap::new();
        let one_machine = self.config.policy.one_machine_per_address;
        let mut replies = Vec::with_capacity(batch.len());
        // Rows to write: challenges as they now stand, accepted reports.
        let mut touched: Vec<String> = Vec::new();
        let mut accepted = Vec::new();
        for pending in batch {
            let report = match pending {
                Pending::Commitment(c) => {
                    let c = *c;
                    let verdict = if used.contains(&c.challenge_id) {
                        Err(Rejection::ChallengeUsed(c.challenge_id.clone()))
                    } else {
                        self.open_challenge(&state, &c.challenge_id)
                            .and_then(|entry| {
                                // The last round's commitment, its earlier
                                // rounds all recorded: one picked per round.
                                if entry.rounds_done.len() == c.committed.earlier_picks.len() {
                                    Ok(())
                                } else {
                                    Err(Rejection::ChallengeUsed(c.challenge_id.clone()))
                                }
                            })
                    };
                    if verdict.is_ok() {
                        // One commitment per challenge: later ones in the
                        // group find this one.
                        let entry = state.challenges.get_mut(&c.challenge_id);
                        entry.expect("an open challenge").committed = Some(c.committed);
                        touched.push(c.challenge_id);
                    }
                    replies.push(Reply::Commitment(c.done, verdict));
                    continue;
                }
                Pending::Round(r) => {
                    let r = *r;
                    let verdict = self
                        .open_challenge(&state, &r.challenge_id)
                        .and_then(|entry| {
                            // Two commitments of one round racing (also
                            // within the group): the second is a replay.
                            if entry.rounds_done.len() as u32 == r.round {
                                Ok(())
                            } else {
                                Err(Rejection::ChallengeUsed(r.challenge_id.clone()))
                            }
                        })
                        .map(|()| {
                            let entry = state.challenges.get_mut(&r.challenge_id);
                            let entry = entry.expect("an open challenge");
                            let deadline_ms = entry.challenge.as_ref().map_or(0, |c| c.deadline_ms);
                            // On the challenge's schedule: round `r + 1`
                            // starts `r + 1` deadlines after the issue.
                            let starts =
                                entry.issued_micros + (r.round as u64 + 1) * deadline_ms * 1000;
                            entry.rounds_done.push(r.record);
                            entry.round_seeds = Some(r.seeds);
                            entry.round_started_micros = starts;
                            starts
                        });
                    if verdict.is_ok() {
                        touched.push(r.challenge_id);
                    }
                    replies.push(Reply::Round(r.done, verdict));
                    continue;
                }
                Pending::Report(report) => *report,
            };
            let verdict = if used.contains(&report.challenge_id) {
                Err(Rejection::ChallengeUsed(report.challenge_id.clone()))
            } else {
                self.committed_challenge(&state, &report.challenge_id)
                    .map(|_| ())
            }
            .and_then(|()| {
                match bound
                    .get(&report.device)
                    .or(state.devices.get(&report.device))
                {
                    Some(other) if *other != report.worker => Err(Rejection::DeviceBound {
                        device_id: report.device.clone(),
                        worker: *other,
                    }),
                    _ => Ok(()),
                }
            })
            .and_then(|()| match &report.machine {
                // Another worker attested from this address since the
                // challenge's round was issued: not challenged with it.
                Some(m) if one_machine => {
                    let outside = state
                        .workers_at(m)
                        .filter(|w| !moved.contains_key(*w))
                        .chain(
                            moved
                                .iter()
                                .filter(|(_, at)| at.as_ref() == Some(m))
                                .map(|(w, _)| w),
                        )
                        .find(|w| !report.round.contains(*w));
                    match outside {
                        Some(w) => Err(Rejection::MachineRound(format!(
                            "worker {w}'s device was attested from this address outside \
                             this challenge's round"
                        ))),
                        None => Ok(()),
                    }
                }
                _ => Ok(()),
            });
            match verdict {
                Err(r) => {
                    if r.consumes_challenge() {
                        if let Some(entry) = state.challenges.get_mut(&report.challenge_id) {
                            entry.used = true;
                            touched.push(report.challenge_id.clone());
                        }
                    }
                    replies.push(Reply::Report(report.done, Err(r)));
                }
                Ok(()) => {
                    used.insert(report.challenge_id.clone());
                    bound.insert(report.device.clone(), report.worker);
                    moved.insert(report.worker, report.machine.clone());
                    // Used, and its commitment no longer needed: the row
                    // stays (small) until the challenge expires.
                    if let Some(entry) = state.challenges.get_mut(&report.challenge_id) {
                        entry.used = true;
                        entry.committed = None;
                    }
                    touched.push(report.challenge_id.clone());
                    accepted.push(report);
                }
            }
        }
        if touched.is_empty() && accepted.is_empty() {
            for reply in replies {
                reply.send(None);
            }
            return;
        }
        let written = self.db.rows(Durability::Full, |w| {
            for id in &touched {
                if let Some(entry) = state.challenges.get(id) {
                    w.challenge(id, entry)?;
                }
            }
            let mut jobs = Vec::with_capacity(accepted.len());
            for report in &accepted {
                w.attested(
                    &report.device,
                    report.worker,
                    report.score,
                    report.machine.as_deref(),
                )?;
                jobs.push(
                    self.queue
                        .push_in(w.tx, report.key.clone(), report.kind.clone())?,
                );
            }
            drop(state);
            Ok(jobs)
        });
        let jobs = match written {
            Ok(jobs) => jobs,
            Err(e) => {
                // Memory already counts these challenges as used or
                // committed: stricter than the database, never looser.
                let msg = e.to_string();
                for reply in replies {
                    reply.send(Some(&msg));
                }
                for report in accepted {
                    let _ = report.done.send(Err(msg.clone()));
                }
                return;
            }
        };
        for reply in replies {
            reply.send(None);
        }
        // This thread alone binds devices and moves workers, so nothing
        // came between the transaction and these updates.
        let mut state = self.state.blocking_lock();
        for (report, job) in accepted.into_iter().zip(jobs) {
            state.devices.insert(report.device.clone(), report.worker);
            state.scores.insert(report.worker, report.score);
            state.set_machine(report.worker, report.machine.clone());
            self.metrics
                .reports_accepted
                .fetch_add(1, Ordering::Relaxed);
            tracing::info!(worker = %report.worker, score = report.score, job = job.seq, "report accepted");
            let _ = report.done.send(Ok(Ok(Accepted {
                job_id: job.seq.to_string(),
                score: report.score,
                elapsed_ms: report.elapsed_ms,
            })));
        }
    }
}
