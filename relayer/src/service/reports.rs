//! Answers to attestation challenges, in two requests. The signed report
//! with the commitment to the work's outputs comes first: its arrival ends
//! the time the service measures, and once it checks out the service draws
//! the outputs to check from its own random source and keeps them with the
//! challenge. The openings of exactly those outputs must follow within
//! [`Timing::open_within`]; only then is the report queued. The picks
//! are drawn once per challenge, after the commitment is fixed, so a worker
//! that made up part of its outputs cannot re-hash its commitment until the
//! checked outputs miss the made-up ones: with a fraction `f` of them
//! computed it passes with probability `f^16` per part.
//!
//! [`Timing::open_within`]: super::Timing::open_within

use std::net::IpAddr;

use tokio::sync::oneshot;

use super::{other_machine, CommittedAnswer, PendingReport, Service, ServiceError};
use crate::protocol::{Accepted, Challenge, Opening, Picked, Submission};
use crate::queue::JobKind;
use crate::verify::{
    check_input_limits, verify_openings, verify_submission, Rejection, CHALLENGE_ID_HEX_CHARS,
};
use crate::work::SamplePicks;

impl Service {
    /// Verifies a submission (the signed report and the commitment to its
    /// work) and answers with the outputs to open. `received_micros` is
    /// when it arrived (the service's clock): the answer's time.
    pub async fn submit(
        &self,
        submission: &Submission,
        received_micros: u64,
        machine: Option<IpAddr>,
    ) -> Result<Result<Picked, Rejection>, ServiceError> {
        if let Err(r) = check_input_limits(submission) {
            return Ok(Err(r));
        }
        let key = format!("attest:{}", submission.challenge_id);
        let entry = {
            let state = self.state.lock().await;
            match self.open_challenge(&state, &submission.challenge_id, &key) {
                Ok(entry) => entry,
                Err(r) => return Ok(Err(r)),
            }
        };
        let (challenge, issued_micros) = (
            entry.challenge.clone().expect("an open challenge has one"),
            entry.issued_micros,
        );
        let machine = machine.map(|ip| ip.to_string());
        let elapsed_ms = received_micros.saturating_sub(issued_micros).div_ceil(1000);
        let registered = self.chain_device_key(submission.report.worker).await;
        let policy = &self.config.policy;
        let verdict = verify_submission(
            submission,
            &challenge,
            elapsed_ms,
            super::now_secs(),
            policy,
            &registered,
        );
        let score = match verdict {
            Ok(score) => score,
            Err(r) => return self.refuse(&challenge, submission, r).await,
        };
        // Checked once the device key's signature verified: only the
        // worker's own key can use its challenge up.
        if other_machine(&entry.machine, &machine) {
            let r = Rejection::OtherMachine(format!(
                "challenge {} was issued to another machine",
                challenge.id
            ));
            return self.refuse(&challenge, submission, r).await;
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
        // Drawn now that the commitment is fixed, and kept: a challenge
        // takes one commitment, so the picks are never drawn again.
        let picks = SamplePicks::draw(&challenge.work);
        let mut state = self.state.lock().await;
        if let Err(r) = self.open_challenge(&state, &challenge.id, &key) {
            return Ok(Err(r));
        }
        let entry = state
            .challenges
            .get_mut(&challenge.id)
            .expect("looked up above");
        entry.committed = Some(CommittedAnswer {
            submission: submission.clone(),
            score,
            elapsed_ms,
            picks: picks.clone(),
            at_micros: received_micros,
            machine,
        });
        self.save(&state)?;
        Ok(Ok(Picked {
            challenge_id: challenge.id.clone(),
            picks,
            open_within_ms: self.config.timing.open_within_ms(),
        }))
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
            match self.committed_challenge(&state, id, &key) {
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
        // The CPU recomputation runs without holding the state.
        let verdict = verify_openings(
            id,
            &challenge.work,
            &challenge.seed,
            &committed.submission.answer,
            &committed.picks,
            &opening.openings,
            elapsed_ms,
            self.config.timing.open_within_ms(),
        );
        let submission = &committed.submission;
        if let Err(r) = verdict {
            return self.refuse(&challenge, submission, r).await;
        }
        // Group commit: the verified report goes to the commit thread, which
        // writes every report waiting with one queue file and one state
        // save, so concurrent reports share the fsyncs.
        let (done, verdict) = oneshot::channel();
        self.commits
            .send(PendingReport {
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
            })
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
                self.save(&state)?;
            }
        }
        Ok(Err(rejection))
    }
}
