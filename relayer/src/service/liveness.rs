//! Uptime that needs the device: at moments the service picks at random, a
//! worker's poll gets a small timed challenge sized from the score this
//! service attested; the device answers it with its GPU work within the
//! deadline. Only the time between two answered challenges (at most the
//! allowed gap apart) is credited, so a script without the device earns
//! nothing, and a device that was away misses the challenges that fell in
//! its absence. An answer is a signed commitment, then the openings of the
//! outputs the service picked once it held the commitment, as for reports. Every time is the service's own clock: the worker's clock,
//! skewed or not, is never read. Polls and answers come from the network
//! address the worker's device was attested from: a copy of the device key
//! on another machine is refused.

use std::net::IpAddr;
use std::sync::atomic::Ordering;
use std::time::Duration;

use lumen_sdk::AccountAddress;
use serde::{Deserialize, Serialize};

use super::store::Durability;
use super::{credit, now_micros, Service, ServiceError};
use crate::protocol::{
    LivenessAck, LivenessAnswer, LivenessChallenge, LivenessTask, Opening, Picked,
};
use crate::verify::{verify_liveness, verify_openings, Rejection};
use crate::work::{SamplePicks, WorkAnswer, Workload};

/// When and how liveness is challenged.
#[derive(Debug, Clone)]
pub struct Liveness {
    /// Mean time between two challenges of a worker; each gap is drawn
    /// uniformly from half to one and a half times this.
    pub interval: Duration,
    /// Seconds the challenge's work takes a device of the attested score.
    pub work_secs: f64,
    /// How long a worker waits between polls.
    pub poll: Duration,
}

impl Default for Liveness {
    fn default() -> Self {
        Liveness {
            interval: Duration::from_secs(60),
            work_secs: 0.2,
            poll: Duration::from_secs(5),
        }
    }
}

/// A worker's liveness record.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(super) struct Live {
    /// When the next challenge is due, microseconds.
    next_due: u64,
    /// When the worker's last challenge was answered in time, microseconds.
    last_answered: Option<u64>,
    /// The open challenge and its issue time, microseconds.
    open: Option<(LivenessChallenge, u64)>,
    /// The open challenge's answered commitment, waiting for its openings.
    #[serde(default)]
    committed: Option<LiveCommit>,
}

/// A liveness answer's commitment and the outputs picked when it arrived.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(super) struct LiveCommit {
    answer: WorkAnswer,
    picks: SamplePicks,
    /// When it arrived, microseconds: the answer's time.
    at: u64,
}

impl Service {
    /// A worker's poll: a challenge when one is due (the open one again
    /// while it can still be answered), else how long to wait.
    pub async fn liveness_poll(
        &self,
        worker: AccountAddress,
        machine: Option<IpAddr>,
    ) -> Result<Result<LivenessTask, Rejection>, ServiceError> {
        let live = &self.config.liveness;
        let mut state = self.state.lock().await;
        let Some(&score) = state.scores.get(&worker) else {
            return Ok(Err(Rejection::NotAttested(worker)));
        };
        if let Err(r) = same_machine(&state.machines, worker, machine) {
            return Ok(Err(r));
        }
        let now = now_micros();
        let entry = state.live.entry(worker).or_insert_with(|| Live {
            next_due: now,
            ..Live::default()
        });
        if let Some(commit) = &entry.committed {
            if now <= commit.at + self.config.timing.open_within_ms() * 1000 {
                let wait_ms = live.poll.as_millis() as u64;
                return Ok(Ok(LivenessTask::Wait { wait_ms }));
            }
            // Never opened: the online stretch ends.
            entry.committed = None;
            entry.open = None;
            entry.last_answered = None;
        }
        if let Some((challenge, issued)) = &entry.open {
            if now <= issued + challenge.deadline_ms * 1000 {
                return Ok(Ok(LivenessTask::Challenge(challenge.clone())));
            }
            // Unanswered in time: the online stretch ends.
            entry.open = None;
            entry.last_answered = None;
        }
        if now < entry.next_due {
            let wait_ms = live.poll.as_millis() as u64;
            return Ok(Ok(LivenessTask::Wait { wait_ms }));
        }
        let claim = score.max(crate::work::MIN_CLAIM_MICRO);
        let work = match Workload::size(claim, 1, live.work_secs, rand::random()) {
            Ok(work) => work,
            Err(e) => return Ok(Err(Rejection::BadRequest(e.to_string()))),
        };
        let challenge = LivenessChallenge {
            id: hex::encode(rand::random::<[u8; 16]>()),
            worker,
            seed: hex::encode(rand::random::<[u8; 32]>()),
            deadline_ms: self.config.timing.deadline_ms(&work),
            work,
        };
        let mean = live.interval.as_micros() as f64;
        entry.next_due = now + (mean * (0.5 + rand::random::<f64>())) as u64;
        entry.open = Some((challenge.clone(), now));
        // A new challenge lost to a power failure is harmless: the answer
        // is then unknown and the stretch ends, as for a missed challenge.
        let live = entry.clone();
        self.db
            .rows(Durability::Normal, |w| w.live(worker, &live))?;
        self.metrics.liveness_issued.fetch_add(1, Ordering::Relaxed);
        Ok(Ok(LivenessTask::Challenge(challenge)))
    }

    /// A liveness answer's commitment; `received` is when it arrived
    /// (microseconds), the answer's time. Answers with the outputs to open.
    /// Any answer that fails ends the worker's online stretch.
    pub async fn liveness_answer(
        &self,
        answer: &LivenessAnswer,
        received: u64,
        machine: Option<IpAddr>,
    ) -> Result<Result<Picked, Rejection>, ServiceError> {
        let registered = self.chain_device_key(answer.worker).await;
        let mut state = self.state.lock().await;
        // Refused before anything is checked or spoilt: the challenge stays
        // open for the worker's own machine.
        if let Err(r) = same_machine(&state.machines, answer.worker, machine) {
            return Ok(Err(r));
        }
        let live = state.live.get(&answer.worker);
        let open = live
            .and_then(|l| l.open.clone())
            .filter(|(c, _)| c.id == answer.challenge_id);
        let Some((challenge, issued)) = open else {
            return Ok(Err(Rejection::UnknownChallenge(format!(
                "no open liveness challenge {} for worker {}",
                answer.challenge_id, answer.worker
            ))));
        };
        if live.is_some_and(|l| l.committed.is_some()) {
            return Ok(Err(Rejection::ChallengeUsed(challenge.id)));
        }
        let elapsed_ms = received.saturating_sub(issued).div_ceil(1000);
        let verdict = verify_liveness(answer, &challenge, elapsed_ms, &registered);
        if let Err(r) = &verdict {
            // Only the worker's own device can spoil its challenge.
            if !r.consumes_challenge() {
                return Ok(Err(r.clone()));
            }
        }
        let entry = state.live.get_mut(&answer.worker).expect("looked up above");
        if let Err(r) = verdict {
            entry.open = None;
            entry.last_answered = None;
            let live = entry.clone();
            self.db
                .rows(Durability::Full, |w| w.live(answer.worker, &live))?;
            return Ok(Err(r));
        }
        // Recorded durably before they are answered: drawn once.
        let picks = SamplePicks::draw(&challenge.work);
        entry.committed = Some(LiveCommit {
            answer: answer.answer.clone(),
            picks: picks.clone(),
            at: received,
        });
        let live = entry.clone();
        self.db
            .rows(Durability::Full, |w| w.live(answer.worker, &live))?;
        Ok(Ok(Picked {
            challenge_id: challenge.id,
            picks,
            open_within_ms: self.config.timing.open_within_ms(),
            earlier: Vec::new(),
        }))
    }

    /// The openings of a liveness answer's commitment; `received` is when
    /// they arrived (microseconds). Credits the time since the worker's
    /// previous answer, counted to the commitment's arrival.
    pub async fn liveness_open(
        &self,
        opening: &Opening,
        received: u64,
        machine: Option<IpAddr>,
    ) -> Result<Result<LivenessAck, Rejection>, ServiceError> {
        let worker = opening.worker;
        let mut state = self.state.lock().await;
        if let Err(r) = same_machine(&state.machines, worker, machine) {
            return Ok(Err(r));
        }
        let live = state.live.get(&worker);
        let found = live.and_then(|l| match (&l.open, &l.committed) {
            (Some((c, _)), Some(commit)) if c.id == opening.challenge_id => {
                Some((c.clone(), commit.clone()))
            }
            _ => None,
        });
        let Some((challenge, commit)) = found else {
            return Ok(Err(Rejection::UnknownChallenge(format!(
                "no committed liveness answer to challenge {} for worker {worker}",
                opening.challenge_id
            ))));
        };
        let verdict = verify_openings(
            &challenge.id,
            &challenge.work,
            &challenge.seed,
            &commit.answer,
            &commit.picks,
            &opening.openings,
            received.saturating_sub(commit.at).div_ceil(1000),
            self.config.timing.open_within_ms(),
        );
        let entry = state.live.get_mut(&worker).expect("looked up above");
        entry.open = None;
        entry.committed = None;
        let previous = entry.last_answered;
        if let Err(r) = verdict {
            entry.last_answered = None;
            let live = entry.clone();
            self.db.rows(Durability::Full, |w| w.live(worker, &live))?;
            return Ok(Err(r));
        }
        let received = commit.at;
        entry.last_answered = Some(received);
        let epoch_secs = self.config.epoch_secs;
        let now = received / 1_000_000;
        let epoch = now / epoch_secs;
        let gap = previous.map(|p| received.saturating_sub(p) / 1_000_000);
        let credited = gap.filter(|g| *g <= self.config.heartbeat_max_gap_secs);
        if let Some(gap) = credited {
            // Split at the epoch boundary.
            let in_this_epoch = gap.min(now - epoch * epoch_secs);
            let closed = state.reported_through;
            credit(
                &mut state.uptime,
                closed,
                epoch,
                worker,
                in_this_epoch,
                epoch_secs,
            );
            if gap > in_this_epoch && epoch > 0 {
                credit(
                    &mut state.uptime,
                    closed,
                    epoch - 1,
                    worker,
                    gap - in_this_epoch,
                    epoch_secs,
                );
            }
        }
        let secs_in = |e: u64| state.uptime.get(&e).and_then(|w| w.get(&worker)).copied();
        let online_secs = secs_in(epoch).unwrap_or(0);
        let before = epoch
            .checked_sub(1)
            .and_then(|e| secs_in(e).map(|s| (e, s)));
        let live = state.live[&worker].clone();
        self.db.rows(Durability::Full, |w| {
            w.live(worker, &live)?;
            if online_secs > 0 {
                w.uptime(epoch, worker, online_secs)?;
            }
            if let Some((e, secs)) = before {
                w.uptime(e, worker, secs)?;
            }
            Ok(())
        })?;
        self.metrics
            .liveness_answered
            .fetch_add(1, Ordering::Relaxed);
        Ok(Ok(LivenessAck {
            epoch,
            credited_secs: credited.unwrap_or(0),
            online_secs,
        }))
    }
}

/// Liveness comes from the address `worker`'s device was attested from
/// (where both are known).
fn same_machine(
    machines: &std::collections::BTreeMap<AccountAddress, String>,
    worker: AccountAddress,
    machine: Option<IpAddr>,
) -> Result<(), Rejection> {
    let from = machine.map(|ip| ip.to_string());
    if super::other_machine(&machines.get(&worker).cloned(), &from) {
        return Err(Rejection::OtherMachine(format!(
            "worker {worker}'s device was attested from another machine; attest from this one \
             to move it"
        )));
    }
    Ok(())
}
