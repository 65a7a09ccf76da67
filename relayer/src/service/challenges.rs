//! Issuing challenges: one device's, or a round of one machine's devices at
//! one instant. A worker's open challenges belong to the network address
//! that asked for them, and with [`Policy::one_machine_per_address`] an
//! address whose devices were attested gets challenges only in a round that
//! names all of them.
//!
//! [`Policy::one_machine_per_address`]: crate::verify::Policy::one_machine_per_address

use std::collections::BTreeSet;
use std::net::IpAddr;

use lumen_sdk::AccountAddress;

use std::sync::atomic::Ordering;

use super::store::Durability;
use super::{now_micros, now_secs, other_machine, ChallengeEntry, Service, ServiceError};
use crate::protocol::{Challenge, ChallengeRequest};
use crate::verify::Rejection;
use crate::work::Workload;

/// The most devices one round names.
pub const MAX_ROUND: usize = 64;

impl Service {
    /// Issues a challenge for `worker`'s device sized for the score and
    /// memory it claims (see [`Service::challenge_round`]).
    pub async fn challenge(
        &self,
        worker: AccountAddress,
        claimed_score: u64,
        vram_mb: u64,
        nonce: Option<u64>,
        machine: Option<IpAddr>,
    ) -> Result<Result<Challenge, Rejection>, ServiceError> {
        let request = ChallengeRequest {
            worker,
            claimed_score,
            vram_mb,
            nonce,
        };
        let round = self.challenge_round(&[request], machine).await?;
        Ok(round.map(|mut c| c.remove(0)))
    }

    /// Issues one challenge per request, all at one instant, to the machine
    /// at network address `machine`, each sized for the score and memory its
    /// device claims. Refused when a claim is beyond any device, when a
    /// worker (or the service in all) holds as many open challenges as the
    /// limits allow, when a worker's open challenge belongs to another
    /// machine, or (with [`Policy::one_machine_per_address`]) when the round
    /// leaves out a worker attested from that address.
    ///
    /// [`Policy::one_machine_per_address`]: crate::verify::Policy::one_machine_per_address
    pub async fn challenge_round(
        &self,
        requests: &[ChallengeRequest],
        machine: Option<IpAddr>,
    ) -> Result<Result<Vec<Challenge>, Rejection>, ServiceError> {
        let timing = &self.config.timing;
        let round: Vec<AccountAddress> = requests.iter().map(|r| r.worker).collect();
        if requests.is_empty() || requests.len() > MAX_ROUND {
            return Ok(Err(Rejection::BadRequest(format!(
                "a round names 1 to {MAX_ROUND} devices, not {}",
                requests.len()
            ))));
        }
        if round.iter().collect::<BTreeSet<_>>().len() != round.len() {
            return Ok(Err(Rejection::BadRequest(
                "a round names each worker once".into(),
            )));
        }
        let mut works = Vec::with_capacity(requests.len());
        for r in requests {
            match Workload::size(
                r.claimed_score,
                r.vram_mb,
                timing.target_secs,
                rand::random(),
            ) {
                Ok(work) => works.push(work),
                Err(e) => return Ok(Err(Rejection::BadRequest(e.to_string()))),
            }
        }
        let machine = machine.map(|ip| ip.to_string());
        let mut state = self.state.lock().await;
        let now = now_secs();
        let limits = &self.config.limits;
        let open: Vec<&ChallengeEntry> = state
            .challenges
            .values()
            .filter(|entry| !entry.used)
            .filter(|entry| entry.challenge.as_ref().is_some_and(|c| c.expires_at > now))
            .collect();
        for worker in &round {
            let mine: Vec<&&ChallengeEntry> = open
                .iter()
                .filter(|e| e.challenge.as_ref().is_some_and(|c| c.worker == *worker))
                .collect();
            if mine.len() >= limits.open_challenges_per_worker {
                return Ok(Err(Rejection::TooManyChallenges(format!(
                    "worker {worker} holds {} open challenges; answer one or let one expire",
                    mine.len()
                ))));
            }
            if mine.iter().any(|e| other_machine(&e.machine, &machine)) {
                return Ok(Err(Rejection::OtherMachine(format!(
                    "worker {worker} holds an open challenge issued to another machine"
                ))));
            }
        }
        if open.len() + requests.len() > limits.open_challenges {
            return Ok(Err(Rejection::TooManyChallenges(
                "the service holds as many open challenges as it keeps; try again later".into(),
            )));
        }
        if let Some(m) = machine
            .as_ref()
            .filter(|_| self.config.policy.one_machine_per_address)
        {
            let left_out: Vec<String> = state
                .workers_at(m)
                .filter(|w| !round.contains(*w))
                .map(|w| w.to_string())
                .collect();
            if !left_out.is_empty() {
                return Ok(Err(Rejection::MachineRound(format!(
                    "devices of workers {} were attested from this address; ask for one round \
                     (POST /v1/challenges/round) that includes them",
                    left_out.join(", ")
                ))));
            }
        }
        let issued_micros = now_micros();
        let mut nonces = Vec::with_capacity(requests.len());
        for r in requests {
            let last = state.worker_nonces.get(&r.worker).copied().unwrap_or(0);
            let nonce = match r.nonce {
                None => issued_micros.max(state.last_nonce + 1),
                Some(n) => {
                    let skew = self.config.policy.max_clock_skew_secs * 1_000_000;
                    if n <= last || n.abs_diff(issued_micros) > skew {
                        return Ok(Err(Rejection::BadRequest(format!(
                            "nonce {n} must be above {last} and within the allowed clock skew"
                        ))));
                    }
                    n
                }
            };
            state.last_nonce = state.last_nonce.max(nonce);
            nonces.push(nonce);
        }
        let mut issued = Vec::with_capacity(requests.len());
        let mut entries = Vec::with_capacity(requests.len());
        for ((r, work), nonce) in requests.iter().zip(works).zip(nonces) {
            let deadline_ms = timing.deadline_ms(&work);
            // A round's seeds are answered at its start, holding the
            // previous round's request open until then: more rounds only
            // where that wait fits within the request timeout.
            let hold_ms = limits.request_timeout.as_millis() as u64;
            let rounds = if deadline_ms + 1000 < hold_ms {
                timing.rounds.clamp(1, super::MAX_ROUNDS)
            } else {
                1
            };
            let challenge = Challenge {
                id: hex::encode(rand::random::<[u8; 16]>()),
                worker: r.worker,
                nonce,
                seed: hex::encode(rand::random::<[u8; 32]>()),
                issued_at: now,
                // Room for every round at its deadline, then the openings.
                expires_at: now
                    + (rounds as u64 * deadline_ms + timing.open_within_ms()).div_ceil(1000)
                    + 1,
                chain_id: self.config.policy.chain_id,
                package: self.config.policy.package.address,
                work,
                deadline_ms,
                rounds,
            };
            entries.push(ChallengeEntry {
                challenge: Some(challenge.clone()),
                used: false,
                issued_micros,
                machine: machine.clone(),
                round: round.clone(),
                committed: None,
                rounds_done: Vec::new(),
                round_seeds: None,
                round_started_micros: issued_micros,
            });
            issued.push(challenge);
        }
        // Losing these to a power failure is harmless (the worker asks
        // again), so they are not fsynced; the nonces only ever rise.
        let last_nonce = state.last_nonce;
        self.db.rows(Durability::Normal, |w| {
            for (c, entry) in issued.iter().zip(&entries) {
                w.challenge(&c.id, entry)?;
                w.nonce(last_nonce, c.worker, c.nonce)?;
            }
            Ok(())
        })?;
        for (c, entry) in issued.iter().zip(entries) {
            state.worker_nonces.insert(c.worker, c.nonce);
            state.challenges.insert(c.id.clone(), entry);
        }
        self.metrics
            .challenges_issued
            .fetch_add(issued.len() as u64, Ordering::Relaxed);
        Ok(Ok(issued))
    }
}
