//! Jobs: creators post, offer them to eligible workers — a signed offer, a
//! wallet-signed envelope or an offer published on chain, in turn — (now and
//! then withdrawing one by burning its nonce), review (accepting all or part),
//! dispute, reclaim or cancel; workers submit, answer partial acceptances and
//! sometimes miss a rerender; keepers finalize; the arbiter resolves. Once,
//! the payment asset's issuer freezes a worker's store over a payout: its pay
//! is held as a claimable balance it withdraws after the thaw.

use lumen_model::{attestation, escrow, staking, vip};
use lumen_sdk::aptos_sdk::account::Ed25519Account;
use lumen_sdk::aptos_sdk::transaction::EntryFunction;
use lumen_sdk::envelope::{OfferEnvelope, WalletHeader};
use lumen_sdk::events::LumenEvent;
use lumen_sdk::keys::AccountKey;
use lumen_sdk::messages::AssignmentOffer;
use lumen_sdk::{payloads, AccountAddress, JobStatus, OfferKind, Package};
use rand::Rng;
use serde_json::json;
use sha3::{Digest, Sha3_256};

use super::plan::{Action, JobState, Path};
use super::{Result, ScenarioError, Sim, ARBITER, ISSUER, KEEPER};

impl Sim {
    /// Job `job` as the chain holds it.
    fn job(&self, job: usize) -> &escrow::Job {
        self.chain
            .escrow
            .job_by_id(&self.pkg, job as u64)
            .expect("the scenario only acts on jobs it created")
    }

    fn path(&self, job: usize) -> Path {
        self.plans[self.jobs[job].plan].path
    }

    pub(super) fn create(&mut self, plan: usize) -> Result<()> {
        let p = &self.plans[plan];
        let creator = self.creators[p.creator].account.clone();
        let spec_hash = Sha3_256::digest(format!("scene-{}-{plan}", self.cfg.seed)).to_vec();
        let path = p.path;
        let f = payloads::escrow::create_job(
            &self.pkg,
            &spec_hash,
            p.frames,
            p.max_price,
            p.min_score,
            p.min_vram,
        );
        let job = self.jobs.len();
        self.jobs.push(JobState {
            plan,
            rerenders_left: match path {
                Path::Rerender(n) => n,
                Path::MissedRerender => 1,
                _ => 0,
            },
            worker: None,
        });
        self.call(&creator, f)?;
        match path {
            Path::Cancel => {
                let t = self.now + self.rng.gen_range(2 * 3_600..30 * 3_600);
                self.at(t, Action::Cancel(job));
            }
            Path::Idle => {}
            _ => {
                let t = self.now + self.rng.gen_range(600..3 * 3_600);
                self.at(t, Action::Accept(job));
            }
        }
        Ok(())
    }

    pub(super) fn accept(&mut self, job: usize) -> Result<()> {
        let creator_idx = self.plans[self.jobs[job].plan].creator;
        let creator = self.creators[creator_idx].account.clone();
        let j = self.job(job).clone();
        let now = self.now;
        let candidates: Vec<usize> = (0..self.workers.len())
            .filter(|&w| {
                let x = &self.workers[w];
                let a = x.account.address();
                staking::is_eligible(&self.chain, a, now).unwrap_or(false)
                    && !x.leaving
                    && attestation::score_of(&self.chain, a, now) >= j.min_score
                    && attestation::vram_of(&self.chain, a, now) >= j.min_vram_mb
                    && a != creator.address()
                    && x.active_jobs < 2
            })
            .collect();
        if candidates.is_empty() {
            // Nobody can take it now: the creator gives up later.
            let t = self.now + self.rng.gen_range(3_600..12 * 3_600);
            self.at(t, Action::Cancel(job));
            return Ok(());
        }
        let w = candidates[self.rng.gen_range(0..candidates.len())];
        let worker = self.workers[w].account.clone();
        let price = j.max_price_per_frame * self.rng.gen_range(70..=100) / 100;
        let render_deadline = self.now + self.rng.gen_range(6 * 3_600..48 * 3_600);
        let offer_expires_at = self.now + self.rng.gen_range(3_600..6 * 3_600);
        let mut offer = AssignmentOffer {
            job: j.address,
            worker: worker.address(),
            price_per_frame: price,
            render_deadline,
            offer_expires_at,
            nonce: self.creators[creator_idx].next_nonce,
            chain_id: self.cfg.chain_id,
        };
        self.creators[creator_idx].next_nonce += self.rng.gen_range(1..3);
        if self.rng.gen_bool(0.08) {
            // The creator withdraws the offer it signed before the worker
            // takes it: the worker's acceptance is refused (ENonceUsed), and
            // a new offer follows.
            let sig = offer.sign(&self.pkg, creator.private_key());
            let f = payloads::escrow::burn_nonce(&self.pkg, offer.nonce);
            self.call(&creator, f)?;
            let f = payloads::accept_signed_offer(&self.pkg, &offer, creator.public_key(), &sig);
            self.try_call(&worker, f)?;
            offer.nonce = self.creators[creator_idx].next_nonce;
            self.creators[creator_idx].next_nonce += 1;
        }
        self.offer(job, &creator, &worker, offer)?;
        self.jobs[job].worker = Some(w);
        self.workers[w].active_jobs += 1;
        self.schedule_round(job);
        Ok(())
    }

    /// The creator hands `job` to the worker with `offer` through one of the
    /// three paths, in turn by job number (no draw, so the rest of the run
    /// does not depend on it): a signed BCS offer, its wallet `signMessage`
    /// envelope, or an offer published on chain that the worker takes.
    fn offer(
        &mut self,
        job: usize,
        creator: &Ed25519Account,
        worker: &Ed25519Account,
        offer: AssignmentOffer,
    ) -> Result<()> {
        let p = self.pkg;
        let f = match OfferKind::from_code((job % 3) as u8).expect("0, 1 or 2") {
            OfferKind::Signed => {
                let sig = offer.sign(&p, creator.private_key());
                payloads::accept_signed_offer(&p, &offer, creator.public_key(), &sig)
            }
            OfferKind::WalletEnvelope => {
                let asset = lumen_model::config::get(&self.chain)
                    .expect("the package is initialised")
                    .payment_asset;
                let units = self.chain.asset_units(asset);
                let header = WalletHeader::full(creator.address(), "https://lumen.example");
                let env =
                    OfferEnvelope::new(&p, creator.address(), offer, job as u64, units, header)
                        .expect("the offer is of this job");
                let sig = env.sign(&p, creator.private_key()).to_bytes();
                let key = AccountKey::Ed25519(creator.public_key().to_bytes());
                payloads::accept_envelope_offer(&p, &env, &key, &sig)
            }
            OfferKind::OnChain => {
                self.call(creator, payloads::publish_offer(&p, &offer))?;
                payloads::accept_published_offer(&p, &offer)
            }
        };
        self.call(worker, f)?;
        Ok(())
    }

    /// After an assignment or a rerender request: the worker delivers, or
    /// (on the reclaim path, or the missed rerender's round) misses the
    /// deadline.
    fn schedule_round(&mut self, job: usize) {
        let j = self.job(job);
        let (deadline, delivered) = (j.render_deadline, j.frames_done > 0);
        let path = self.path(job);
        if path == Path::Reclaim || (path == Path::MissedRerender && delivered) {
            let t = deadline + self.rng.gen_range(600..12 * 3_600);
            let action = if delivered {
                Action::Missed(job)
            } else {
                Action::Reclaim(job)
            };
            self.at(t, action);
        } else {
            let span = deadline - self.now;
            let t = self.now + span * self.rng.gen_range(30..95) / 100;
            self.at(t, Action::Submit(job));
        }
    }

    fn worker_of(&self, job: usize) -> usize {
        self.jobs[job].worker.expect("assigned")
    }

    pub(super) fn submit(&mut self, job: usize) -> Result<()> {
        let j = self.job(job).clone();
        let w = self.worker_of(job);
        let frames_done = if self.rng.gen_bool(0.85) {
            j.frames
        } else {
            (j.frames * self.rng.gen_range(60..100) / 100).max(1)
        };
        let output_root = Sha3_256::digest(format!("frames-{job}-{}", j.rerenders)).to_vec();
        let worker = self.workers[w].account.clone();
        let f = payloads::escrow::submit_result(&self.pkg, j.address, frames_done, &output_root);
        self.call(&worker, f)?;
        self.workers[w].active_jobs -= 1;
        let review_deadline = self.job(job).review_deadline;
        if self.path(job) == Path::Finalize {
            let t = review_deadline + self.rng.gen_range(60..24 * 3_600);
            self.at(t, Action::Finalize(job));
        } else {
            let t = self.now + self.rng.gen_range(3_600..48 * 3_600);
            self.at(t, Action::Review(job));
        }
        Ok(())
    }

    fn creator_of(&self, job: usize) -> Ed25519Account {
        self.creators[self.plans[self.jobs[job].plan].creator]
            .account
            .clone()
    }

    /// A dispute of job `job` by `by`; then a ruling by the arbiter, or (if
    /// `may_time_out` and the timeout passes before the scenario ends) the
    /// timeout's payout by a keeper.
    fn dispute(&mut self, job: usize, by: &Ed25519Account, may_time_out: bool) -> Result<()> {
        let address = self.job(job).address;
        let reason_hash = Sha3_256::digest(format!("dispute-{job}")).to_vec();
        let f = payloads::escrow::dispute(&self.pkg, address, &reason_hash);
        self.call(by, f)?;
        let timeout = self.job(job).terms.dispute_timeout_secs;
        let after = timeout + self.rng.gen_range(60..6 * 3_600);
        if may_time_out && self.now + after < self.end {
            self.at(self.now + after, Action::Finalize(job));
        } else {
            let t = self.now + self.rng.gen_range(3_600..5 * 86_400);
            self.at(t, Action::Resolve(job));
        }
        Ok(())
    }

    /// The creator's answer within the review window: rerender, dispute or
    /// confirm all or part of the frames.
    pub(super) fn review(&mut self, job: usize) -> Result<()> {
        let j = self.job(job).clone();
        let path = self.path(job);
        let creator = self.creator_of(job);
        if self.jobs[job].rerenders_left > 0 && j.rerenders < j.terms.max_rerenders {
            let n = (j.frames * self.rng.gen_range(10..50) / 100).max(1);
            // Never shorter than the terms allow (the first assignment's span).
            let span = self.rng.gen_range(6 * 3_600..24 * 3_600);
            let render_deadline = self.now + span.max(j.terms.min_rerender_secs);
            let f = payloads::escrow::request_rerender(&self.pkg, j.address, n, render_deadline);
            self.call(&creator, f)?;
            self.jobs[job].rerenders_left -= 1;
            let w = self.worker_of(job);
            self.workers[w].active_jobs += 1;
            self.schedule_round(job);
            return Ok(());
        }
        match path {
            Path::Resolve | Path::DisputeTimeout => {
                if self.rng.gen_bool(0.3) {
                    // The worker tries to dispute its own submission before
                    // the creator answered: refused (ENotCreator).
                    let worker = self.workers[self.worker_of(job)].account.clone();
                    let reason_hash = Sha3_256::digest(format!("pre-empt-{job}")).to_vec();
                    let f = payloads::escrow::dispute(&self.pkg, j.address, &reason_hash);
                    self.try_call(&worker, f)?;
                }
                self.dispute(job, &creator, path == Path::DisputeTimeout)
            }
            _ => {
                let done = j.frames_done;
                let accepted = if path == Path::Partial || self.rng.gen_bool(0.05) {
                    // Possibly none: the creator found the output worthless.
                    done * self.rng.gen_range(0..100) / 100
                } else {
                    done
                };
                if accepted < done {
                    let f = payloads::escrow::confirm(&self.pkg, j.address, accepted);
                    self.call(&creator, f)?;
                    let window = self.job(job).terms.response_window_secs;
                    let t = self.now + self.rng.gen_range(600..window.max(1_200) / 2);
                    self.at(t, Action::Respond(job));
                    return Ok(());
                }
                // Once, the issuer freezes the worker's store over the payout.
                let w = self.worker_of(job);
                let freeze = !self.froze && self.now + 86_400 < self.end;
                if freeze {
                    self.set_frozen(w, true)?;
                    self.now += 20;
                }
                let f = payloads::escrow::confirm(&self.pkg, j.address, accepted);
                let events = self.call(&creator, f)?;
                self.settled(job, &events)?;
                if freeze {
                    self.now += 600;
                    self.set_frozen(w, false)?;
                    self.froze = true;
                    let t = self.now + self.rng.gen_range(3_600..12 * 3_600);
                    self.at(t, Action::WithdrawClaimable(w));
                }
                Ok(())
            }
        }
    }

    /// The worker's answer to a partial acceptance: take it, dispute it, or
    /// let the response window pass (a keeper then pays the accepted frames).
    pub(super) fn respond(&mut self, job: usize) -> Result<()> {
        let j = self.job(job).clone();
        if j.status != JobStatus::PartiallyAccepted {
            return Ok(());
        }
        let worker = self.workers[self.worker_of(job)].account.clone();
        match self.rng.gen_range(0..10) {
            0..=4 => {
                let f = payloads::escrow::accept_partial(&self.pkg, j.address);
                let events = self.call(&worker, f)?;
                self.settled(job, &events)
            }
            5..=7 => {
                let may_time_out = self.rng.gen_bool(0.3);
                self.dispute(job, &worker, may_time_out)
            }
            _ => {
                let t = j.response_deadline + self.rng.gen_range(60..24 * 3_600);
                self.at(t, Action::Finalize(job));
                Ok(())
            }
        }
    }

    /// A rerender round's deadline passed without a delivery: the creator's
    /// reclaim is refused (the job delivered: EAlreadyDelivered), and either
    /// side disputes for a ruling on the delivered frames.
    pub(super) fn missed(&mut self, job: usize) -> Result<()> {
        let w = self.worker_of(job);
        self.workers[w].active_jobs -= 1;
        let creator = self.creator_of(job);
        let address = self.job(job).address;
        self.try_call(&creator, payloads::escrow::reclaim(&self.pkg, address))?;
        let by = if self.rng.gen_bool(0.5) {
            creator
        } else {
            self.workers[w].account.clone()
        };
        let may_time_out = self.rng.gen_bool(0.4);
        self.dispute(job, &by, may_time_out)
    }

    /// The payment asset's issuer freezes (or thaws) worker `w`'s store: a
    /// call of the asset's own module, mirrored into the model.
    fn set_frozen(&mut self, w: usize, frozen: bool) -> Result<()> {
        let issuer = self.staff[ISSUER].clone();
        let owner = self.workers[w].account.address();
        let f = EntryFunction::new(
            Package::new(issuer.address()).module_id("stablecoin"),
            "set_frozen",
            vec![],
            vec![owner.to_bytes().to_vec(), vec![frozen as u8]],
        );
        let args = vec![json!(owner.to_hex()), json!(frozen)];
        self.attempt_with(&issuer, f, Some(args))?
            .map_err(|abort| ScenarioError::Rule {
                at: self.now,
                what: format!("stablecoin::set_frozen: {abort}"),
            })?;
        self.chain.set_frozen(owner, frozen);
        Ok(())
    }

    /// Worker `w` withdraws what escrow held for it.
    pub(super) fn withdraw_claimable(&mut self, w: usize) -> Result<()> {
        let worker = self.workers[w].account.clone();
        if escrow::claimable_of(&self.chain, worker.address()) > 0 {
            self.call(&worker, payloads::escrow::withdraw(&self.pkg))?;
        }
        Ok(())
    }

    pub(super) fn finalize(&mut self, job: usize) -> Result<()> {
        let keeper = self.staff[KEEPER].clone();
        let f = payloads::escrow::finalize(&self.pkg, self.job(job).address);
        let events = self.call(&keeper, f)?;
        self.settled(job, &events)
    }

    pub(super) fn resolve(&mut self, job: usize) -> Result<()> {
        let done = self.job(job).frames_done;
        let frames = if self.rng.gen_bool(0.2) {
            0
        } else {
            self.rng.gen_range(1..=done)
        };
        let arbiter = self.staff[ARBITER].clone();
        let f = payloads::escrow::resolve(&self.pkg, self.job(job).address, frames);
        let events = self.call(&arbiter, f)?;
        self.settled(job, &events)
    }

    /// After a payout (confirm, finalize, resolve): the creator's VIP pass
    /// once its spending qualifies.
    fn settled(&mut self, job: usize, events: &[LumenEvent]) -> Result<()> {
        let creator = events
            .iter()
            .find_map(|e| match e {
                LumenEvent::JobCompleted(x) => Some(x.creator),
                LumenEvent::DisputeResolved(x) => Some(x.creator),
                _ => None,
            })
            .expect("a payout emits JobCompleted or DisputeResolved");
        let c = self.plans[self.jobs[job].plan].creator;
        let vip_due = !self.creators[c].vip_pending
            && vip::is_eligible(&self.chain, creator, vip::ROLE_CREATOR, self.now).unwrap_or(false);
        if vip_due {
            self.creators[c].vip_pending = true;
            let t = self.now + self.rng.gen_range(3_600..12 * 3_600);
            self.at(t, Action::VipCreator(c));
        }
        Ok(())
    }

    pub(super) fn reclaim(&mut self, job: usize) -> Result<()> {
        let creator = self.creator_of(job);
        let w = self.worker_of(job);
        self.call(
            &creator,
            payloads::escrow::reclaim(&self.pkg, self.job(job).address),
        )?;
        self.workers[w].active_jobs -= 1;
        let t = self.now + self.rng.gen_range(1_800..6 * 3_600);
        self.at(t, Action::TopUp(w));
        Ok(())
    }

    pub(super) fn cancel(&mut self, job: usize) -> Result<()> {
        let j = self.job(job);
        if j.status != JobStatus::Open {
            return Ok(());
        }
        let address: AccountAddress = j.address;
        let creator = self.creator_of(job);
        self.call(&creator, payloads::escrow::cancel(&self.pkg, address))?;
        Ok(())
    }
}
