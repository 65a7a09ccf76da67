//! Answers to attestation challenges. A challenge has one or more timed
//! rounds of the same work, each with fresh seeds: the signed report with
//! the commitment to a round's outputs ends the time the service measures
//! for that round, and before the last round the service answers with the
//! next round's seeds, whose time starts then. Once the last round's
//! commitment checks out, the service takes the median round's time as the
//! score's and draws, from its own random source, the outputs of that
//! round to check, and keeps them with the challenge. The openings of
//! exactly those outputs must follow within [`Timing::open_within`]; only
//! then is the report queued. The picks are drawn once per challenge,
//! after every commitment is fixed, so a worker that made up part of its
//! outputs cannot re-hash its commitment until the checked outputs miss the
//! made-up ones: with a fraction `f` of them computed it passes with
//! probability `f^16` per part. A round whose outputs are not opened earns
//! nothing: made up to be fast, it becomes the median only if most rounds
//! are, and then it is the one opened.
//!
//! [`Timing::open_within`]: super::Timing::open_within

use std::net::IpAddr;

use std::sync::atomic::Ordering;

use tokio::sync::oneshot;

use super::commit::{Pending, PendingCommitment, PendingReport, PendingRound};
use super::store::Durability;
use super::{other_machine, CommittedAnswer, RoundRecord, Service, ServiceError};
use crate::protocol::{Accepted, Challenge, Committed, NextRound, Opening, Picked, Submission};
use crate::queue::JobKind;
use crate::verify::{
    check_input_limits, verify_openings, verify_submission, Rejection, CHALLENGE_ID_HEX_CHARS,
};
use crate::work::SamplePicks;

impl Service {
    /// Verifies a submission (the signed report and the commitment to a
    /// round's work). Before the last round it answers with the next
    /// round's seeds, whose time starts then; after the last it draws the
    /// outputs to open in the median round. `received_micros` is when it
    /// arrived (the service's clock): the end of the round's time.
    pub async fn submit(
        &self,
        submission: &Submission,
        received_micros: u64,
        machine: Option<IpAddr>,
    ) -> Result<Result<Committed, Rejection>, ServiceError> {
        if let Err(r) = check_input_limits(submission) {
            return Ok(Err(r));
        }
        let entry = {
            let state = self.state.lock().await;
            match self.open_challenge(&state, &submission.challenge_id) {
                Ok(entry) => entry,
                Err(r) => return Ok(Err(r)),
            }
        };
        let challenge = entry.challenge.clone().expect("an open challenge has one");
        let round = entry.rounds_done.len() as u32;
        let (seed, mem_seed) = entry
            .round_seeds
            .clone()
            .unwrap_or_else(|| (challenge.seed.clone(), challenge.work.mem_seed.clone()));
        let started_micros = entry.round_started_micros.max(entry.issued_micros);
        let machine = machine.map(|ip| ip.to_string());
        let elapsed_ms = received_micros
            .saturating_sub(started_micros)
            .div_ceil(1000);
        let registered = self.chain_device_key(submission.report.worker).await;
        let policy = &self.config.policy;
        // The round's work is the challenge's with the round's seeds.
        let mut this_round = challenge.clone();
        this_round.seed = seed.clone();
        this_round.work.mem_seed = mem_seed.clone();
        let verdict = verify_submission(
            submission,
            &this_round,
            elapsed_ms,
            super::now_secs(),
            policy,
            &registered,
        );
        if let Err(r) = verdict {
            return self.refuse(&challenge, submission, r).await;
        }
        // The round number is outside the signed bytes (the seeds checked
        // above already tie the answer to the round under way): naming
        // another round is refused without using the challenge up.
        if submission.round != round {
            return Ok(Err(Rejection::ChallengeMismatch(format!(
                "the answer is for round {}, challenge {} is at round {round} of {}",
                submission.round, challenge.id, challenge.rounds
            ))));
        }
        // Checked once the device key's signature verified: only the
        // worker's own key can use its challenge up.
        if other_machine(&entry.machine, &machine) {
            let r = Rejection::OtherMachine(format!(
                "challenge {} was issued to another machine",
                challenge.id
            ));
            return self.refuse(&challenge, submission, r).await;
        }
        tracing::debug!(challenge = %challenge.id, round, elapsed_ms, "round committed");
        let record = RoundRecord {
            seed,
            mem_seed,
            elapsed_ms,
            answer: submission.answer.clone(),
        };
        if round + 1 < challenge.rounds {
            return self.next_round(&challenge, round, record).await;
        }
        if let Some(other) = self.chain_binding(&submission.report.device_id).await {
            if other != submission.report.worker {
                let r = Rejection::DeviceBound {
                    device_id: hex::encode(&submission.report.device_id),
                    worker: other,
                };
                return self.refuse(&challenge, submission, r).await;
            }
        }
        // The median round is scored (the slower middle one of an even
        // count): a round slowed by other work on the machine does not move
        // the score.
        let mut times: Vec<u64> = entry.rounds_done.iter().map(|r| r.elapsed_ms).collect();
        times.push(elapsed_ms);
        times.sort_unstable();
        let scored_ms = times[times.len() / 2];
        let score = challenge.work.score_micro(scored_ms as f64 / 1e3);
        // Drawn now that every commitment is fixed, and recorded with them
        // (durably, in the next group commit) before they are answered: a
        // challenge takes one last commitment, so the picks are never drawn
        // again.
        let picks = SamplePicks::draw(&challenge.work);
        let earlier: Vec<SamplePicks> = (0..round)
            .map(|_| SamplePicks::draw(&challenge.work))
            .collect();
        let (done, verdict) = oneshot::channel();
        self.commits
            .send(Pending::Commitment(Box::new(PendingCommitment {
                challenge_id: challenge.id.clone(),
                committed: CommittedAnswer {
                    submission: submission.clone(),
                    score,
                    elapsed_ms: scored_ms,
                    picks: picks.clone(),
                    at_micros: received_micros,
                    machine,
                    earlier_picks: earlier.clone(),
                },
                done,
            })))
            .map_err(|_| ServiceError::Commit("the commit thread stopped".into()))?;
        let recorded = verdict
            .await
            .map_err(|_| ServiceError::Commit("the commitment was abandoned".into()))?
            .map_err(ServiceError::Commit)?;
        if let Err(r) = recorded {
            return Ok(Err(r));
        }
        self.metrics.commitments.fetch_add(1, Ordering::Relaxed);
        Ok(Ok(Committed::Picked(Picked {
            challenge_id: challenge.id.clone(),
            picks,
            open_within_ms: self.config.timing.open_within_ms(),
            earlier,
        })))
    }

    /// Records a round's commitment, draws the next round's seeds from the
    /// service's random source and answers with them at the next round's
    /// start on the challenge's schedule (one deadline after this round's
    /// start), from which its time runs.
    async fn next_round(
        &self,
        challenge: &Challenge,
        round: u32,
        record: RoundRecord,
    ) -> Result<Result<Committed, Rejection>, ServiceError> {
        let seeds = (
            hex::encode(rand::random::<[u8; 32]>()),
            hex::encode(rand::random::<[u8; 32]>()),
        );
        // Recorded (durably, in the next group commit) with the seeds and
        // the next round's start before the seeds are answered.
        let (done, verdict) = oneshot::channel();
        self.commits
            .send(Pending::Round(Box::new(PendingRound {
                challenge_id: challenge.id.clone(),
                round,
                record,
                seeds: seeds.clone(),
                done,
            })))
            .map_err(|_| ServiceError::Commit("the commit thread stopped".into()))?;
        let starts_micros = match verdict
            .await
            .map_err(|_| ServiceError::Commit("the round was abandoned".into()))?
            .map_err(ServiceError::Commit)?
        {
            Ok(starts) => starts,
            Err(r) => return Ok(Err(r)),
        };
        // The seeds leave at the round's start, not before.
        let wait = starts_micros.saturating_sub(super::now_micros());
        tokio::time::sleep(std::time::Duration::from_micros(wait)).await;
        Ok(Ok(Committed::Next(NextRound {
            challenge_id: challenge.id.clone(),
            round: round + 1,
            seed: seeds.0,
            mem_seed: seeds.1,
            deadline_ms: challenge.deadline_ms,
        })))
    }

    /// Verifies the openings of a report's commitment at the outputs the
    /// service picked, and queues its attestation. `received_micros` is when
    /// they arrived (the service's clock).
    pub async fn open_report(
        &self,
        opening: &Opening,
        received_micros: u64,
        machine: Option<IpAddr>,
    ) -> Result<Result<Accepted, Rejection>, ServiceError> {
        let id = &opening.challenge_id;
        if id.len() != CHALLENGE_ID_HEX_CHARS || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(Err(Rejection::BadRequest(format!(
                "challenge_id is not {CHALLENGE_ID_HEX_CHARS} hex characters ({} bytes given)",
                id.len()
            ))));
        }
        let key = format!("attest:{id}");
        let entry = {
            let state = self.state.lock().await;
            match self.committed_challenge(&state, id) {
                Ok(entry) => entry,
                Err(r) => return Ok(Err(r)),
            }
        };
        let challenge = entry.challenge.clone().expect("an open challenge has one");
        let committed = entry.committed.clone().expect("a committed challenge");
        if opening.worker != challenge.worker {
            return Ok(Err(Rejection::BadRequest(format!(
                "challenge {id} was issued to {}, not {}",
                challenge.worker, opening.worker
            ))));
        }
        // Only the machine that committed can open (and so spoil) it.
        let machine = machine.map(|ip| ip.to_string());
        if other_machine(&committed.machine, &machine) {
            return Ok(Err(Rejection::OtherMachine(format!(
                "challenge {id} was answered from another machine"
            ))));
        }
        let elapsed_ms = received_micros
            .saturating_sub(committed.at_micros)
            .div_ceil(1000);
        // Every round's picked outputs, each round's work the challenge's
        // with that round's seeds. The CPU recomputation runs without
        // holding the state.
        let (last_seed, last_mem_seed) = entry
            .round_seeds
            .clone()
            .unwrap_or_else(|| (challenge.seed.clone(), challenge.work.mem_seed.clone()));
        let rounds = entry
            .rounds_done
            .iter()
            .map(|r| (&r.seed, &r.mem_seed, &r.answer))
            .chain(std::iter::once((
                &last_seed,
                &last_mem_seed,
                &committed.submission.answer,
            )));
        let picks = committed.earlier_picks.iter().chain([&committed.picks]);
        let openings = opening.earlier.iter().chain([&opening.openings]);
        let verdict = if opening.earlier.len() != committed.earlier_picks.len() {
            Err(Rejection::WrongChecksum(format!(
                "openings of {} earlier rounds, the challenge had {}",
                opening.earlier.len(),
                committed.earlier_picks.len()
            )))
        } else {
            rounds.zip(picks).zip(openings).try_for_each(
                |(((seed, mem_seed, answer), picks), openings)| {
                    let mut work = challenge.work.clone();
                    work.mem_seed = mem_seed.clone();
                    verify_openings(
                        id,
                        &work,
                        seed,
                        answer,
                        picks,
                        openings,
                        elapsed_ms,
                        self.config.timing.open_within_ms(),
                    )
                },
            )
        };
        let submission = &committed.submission;
        if let Err(r) = verdict {
            return self.refuse(&challenge, submission, r).await;
        }
        // Group commit: the verified report goes to the commit thread, which
        // writes everything waiting in one transaction, so concurrent
        // reports share the fsync.
        let (done, verdict) = oneshot::channel();
        self.commits
            .send(Pending::Report(Box::new(PendingReport {
                key,
                challenge_id: id.clone(),
                device: hex::encode(&submission.report.device_id),
                worker: submission.report.worker,
                score: committed.score,
                elapsed_ms: committed.elapsed_ms,
                machine: committed.machine.clone(),
                round: entry.round.clone(),
                kind: JobKind::Attest {
                    report: submission.report.clone(),
                    score: committed.score,
                    public_key: submission.public_key.clone(),
                    signature: submission.signature.clone(),
                    machine: committed.machine,
                },
                done,
            })))
            .map_err(|_| ServiceError::Commit("the commit thread stopped".into()))?;
        verdict
            .await
            .map_err(|_| ServiceError::Commit("the report's commit was abandoned".into()))?
            .map_err(ServiceError::Commit)
    }

    /// Refuses an answer; a refusal of a signed answer for the challenge's own
    /// worker uses the challenge up ([`Rejection::consumes_challenge`]), so
    /// the worker cannot try other figures on the same seed, nor another
    /// commitment for other picks.
    async fn refuse<T>(
        &self,
        challenge: &Challenge,
        submission: &Submission,
        rejection: Rejection,
    ) -> Result<Result<T, Rejection>, ServiceError> {
        if rejection.consumes_challenge() && submission.report.worker == challenge.worker {
            let mut state = self.state.lock().await;
            if let Some(entry) = state.challenges.get_mut(&challenge.id) {
                entry.used = true;
                let entry = entry.clone();
                // Never usable again, power failure or not.
                self.save_challenge(&challenge.id, &entry, Durability::Full)?;
            }
        }
        Ok(Err(rejection))
    }
}
