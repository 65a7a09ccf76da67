//! `escrow`: render jobs, each its own object holding its funds; pre-signed
//! assignment offers with the terms and collateral fixed at assignment;
//! review, partial acceptance, rerender and dispute; payouts whose legs a
//! frozen store cannot take are held as claimable balances; offer nonces;
//! the creator and worker counters (paid work only).
//!
//! Status machine (`move/README.md`): Open → `accept_offer` → Assigned →
//! `submit_result` → Submitted → `confirm` (all frames) / `finalize` →
//! Completed; Submitted → `confirm` (fewer) → PartiallyAccepted →
//! `accept_partial` / `finalize` → Completed; Submitted → `request_rerender`
//! → Assigned; Submitted (creator), PartiallyAccepted (worker), Assigned after
//! a delivery past its deadline (either) → `dispute` → Disputed → `resolve` /
//! `finalize` (paying `timeout_frames`); Open → `cancel`; Assigned that never
//! delivered, past its deadline → `reclaim` (the collateral slashed).
//! A job's balance is always `deposit − paid_to_worker − fee_paid − refunded`.

use std::collections::{BTreeMap, BTreeSet};

use lumen_sdk::errors::{self, escrow as e};
use lumen_sdk::events::*;
use lumen_sdk::formulas;
use lumen_sdk::messages::AssignmentOffer;
use lumen_sdk::params;
use lumen_sdk::payloads::escrow::Call;
use lumen_sdk::views::JobTerms;
use lumen_sdk::{AccountAddress, JobStatus, OfferKind};

use crate::attestation::{auth_key, verifies};
use crate::{add, attestation, campaign, config, ensure, rewards, staking};
use crate::{Abort, Chain, ObjectKind, Outcome, Tx};

mod views;

pub use views::{claimable_of, creator_stats, job, job_info, registry};

/// Seed of the registry object, which creates every job object.
pub const SEED: &[u8] = b"escrow";

/// A job (`escrow::JobInfo`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Job {
    /// Its object address.
    pub address: AccountAddress,
    /// Its number.
    pub job_id: u64,
    /// Who pays.
    pub creator: AccountAddress,
    /// Who renders (`0x0` while Open).
    pub worker: AccountAddress,
    /// Status.
    pub status: JobStatus,
    /// The scene's hash.
    pub spec_hash: Vec<u8>,
    /// Frames ordered.
    pub frames: u64,
    /// Highest price per frame.
    pub max_price_per_frame: u64,
    /// Minimum worker score.
    pub min_score: u64,
    /// Minimum worker VRAM.
    pub min_vram_mb: u64,
    /// `frames × max_price_per_frame`.
    pub deposit: u64,
    /// The assigned price per frame.
    pub price_per_frame: u64,
    /// The current render deadline.
    pub render_deadline: u64,
    /// Frames of the last submission.
    pub frames_done: u64,
    /// Root of the last submission's output.
    pub output_root: Vec<u8>,
    /// End of the review window (0 outside Submitted).
    pub review_deadline: u64,
    /// Rerender requests.
    pub rerenders: u64,
    /// Creation time.
    pub created_at: u64,
    /// The accepted offer's nonce.
    pub offer_nonce: u64,
    /// Frames asked for in the last rerender request.
    pub rerender_frames: u64,
    /// Render time over every round.
    pub lease_secs: u64,
    /// Start of the current round.
    pub lease_started_at: u64,
    /// Assignment time.
    pub assigned_at: u64,
    /// Last submission time.
    pub submitted_at: u64,
    /// Dispute time.
    pub disputed_at: u64,
    /// Frames paid.
    pub frames_paid: u64,
    /// Paid to the worker.
    pub paid_to_worker: u64,
    /// Paid to the treasury.
    pub fee_paid: u64,
    /// Refunded to the creator.
    pub refunded: u64,
    /// Frames of a partial acceptance.
    pub frames_accepted: u64,
    /// End of the worker's response window after a partial acceptance.
    pub response_deadline: u64,
    /// Who opened the dispute (`0x0` when none).
    pub disputed_by: AccountAddress,
    /// What a dispute pays when it times out: the other side's position.
    pub timeout_frames: u64,
    /// The terms fixed at assignment (all 0 while Open).
    pub terms: JobTerms,
    /// How the creator authorised the assignment ([`lumen_sdk::OfferKind`] code; 0 while Open).
    pub offer_kind: u8,
}

impl Job {
    /// The job `create_job` makes, as its event tells: Open, funded with the
    /// deposit, no worker, every later field 0.
    fn created(e: &JobCreated) -> Self {
        Self {
            address: e.job,
            job_id: e.job_id,
            creator: e.creator,
            status: JobStatus::Open,
            spec_hash: e.spec_hash.clone(),
            frames: e.frames,
            max_price_per_frame: e.max_price_per_frame,
            min_score: e.min_score,
            min_vram_mb: e.min_vram_mb,
            deposit: e.deposit,
            created_at: e.created_at,
            ..Self::default()
        }
    }

    /// What the job object holds: `deposit − paid_to_worker − fee_paid − refunded`.
    pub fn balance(&self) -> u64 {
        self.deposit - self.paid_to_worker - self.fee_paid - self.refunded
    }
}

/// A creator's counters (`escrow::CreatorStats`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CreatorStats {
    /// Gross paid for jobs, all time.
    pub spent_total: u64,
    /// The 30-day window `spent_month` belongs to.
    pub month: u64,
    /// Gross paid in that window.
    pub spent_month: u64,
    /// Frames paid for.
    pub frames_succeeded: u64,
}

/// A worker's counters (`escrow::WorkerStats`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WorkerStats {
    /// Frames paid.
    pub frames_completed: u64,
    /// Jobs paid with at least one frame.
    pub jobs_completed: u64,
    /// Jobs reclaimed or resolved with 0 frames.
    pub jobs_failed: u64,
    /// Lease seconds of its paid jobs.
    pub lease_secs: u64,
}

/// The registry and every job.
#[derive(Clone, Debug, Default)]
pub struct State {
    /// The id the next job gets.
    pub next_job_id: u64,
    /// `(creator, nonce)` of every accepted or burnt offer.
    pub used_nonces: BTreeSet<(AccountAddress, u64)>,
    /// Settlement legs held for owners whose store was frozen.
    pub claimable: BTreeMap<AccountAddress, u64>,
    /// Creator counters.
    pub creators: BTreeMap<AccountAddress, CreatorStats>,
    /// Worker counters.
    pub workers: BTreeMap<AccountAddress, WorkerStats>,
    /// Jobs by object address.
    pub jobs: BTreeMap<AccountAddress, Job>,
    /// The worker's score when it accepted each job (`Job.accepted_score` in
    /// Move): PoD weighs the job with at most this.
    pub accepted_scores: BTreeMap<AccountAddress, u64>,
}

impl State {
    /// Job `job_id`, if created.
    pub fn job_by_id(&self, package: &lumen_sdk::Package, job_id: u64) -> Option<&Job> {
        self.jobs.get(&package.job_address(job_id))
    }
}

fn job_mut(c: &mut Chain, address: AccountAddress) -> &mut Job {
    c.escrow.jobs.get_mut(&address).expect("checked by `job`")
}

/// Executes an `escrow` entry function.
pub fn execute(c: &mut Chain, tx: &Tx, call: &Call) -> Outcome {
    match call {
        Call::CreateJob {
            spec_hash,
            frames,
            max_price_per_frame,
            min_score,
            min_vram_mb,
        } => {
            config::assert_not_paused(c)?;
            ensure(*frames > 0, e::EZeroFrames)?;
            let min_price = config::param(c, params::MIN_PRICE_PER_FRAME)?;
            ensure(*max_price_per_frame >= min_price, e::EPriceBelowMin)?;
            let deposit = formulas::deposit(*frames, *max_price_per_frame);
            let deposit = deposit.ok_or(Abort::Code(e::EDepositTooLarge))?;
            let creator = tx.sender;
            let job_id = c.escrow.next_job_id;
            let address = c.package.job_address(job_id);
            c.can_pay(creator, deposit)?;
            c.escrow.next_job_id += 1;
            c.objects.insert(address, ObjectKind::Job);
            c.pay(creator, address, deposit);
            let created = JobCreated {
                job: address,
                job_id,
                creator,
                spec_hash: spec_hash.clone(),
                frames: *frames,
                max_price_per_frame: *max_price_per_frame,
                min_score: *min_score,
                min_vram_mb: *min_vram_mb,
                deposit,
                created_at: tx.now,
            };
            c.escrow.jobs.insert(address, Job::created(&created));
            let mut out = vec![LumenEvent::JobCreated(created)];
            out.extend(campaign::spend_job_credit(c, creator, address, tx.now));
            Ok(out)
        }
        Call::AcceptOffer {
            job,
            price_per_frame,
            render_deadline,
            offer_expires_at,
            nonce,
            creator_public_key,
            creator_signature,
        } => {
            let offer = AssignmentOffer {
                job: *job,
                worker: tx.sender,
                price_per_frame: *price_per_frame,
                render_deadline: *render_deadline,
                offer_expires_at: *offer_expires_at,
                nonce: *nonce,
                chain_id: c.chain_id,
            };
            accept_offer(c, tx, offer, creator_public_key, creator_signature)
        }
        Call::BurnNonce { nonce } => {
            let key = (tx.sender, *nonce);
            ensure(!c.escrow.used_nonces.contains(&key), e::ENonceUsed)?;
            c.escrow.used_nonces.insert(key);
            Ok(vec![LumenEvent::NonceBurned(NonceBurned {
                creator: tx.sender,
                nonce: *nonce,
            })])
        }
        Call::SubmitResult {
            job: address,
            frames_done,
            output_root,
        } => {
            let j = job(c, *address)?;
            ensure(j.status == JobStatus::Assigned, e::EWrongStatus)?;
            ensure(tx.sender == j.worker, e::ENotWorker)?;
            ensure(tx.now <= j.render_deadline, e::EDeadlinePassed)?;
            ensure(*frames_done > 0 && *frames_done <= j.frames, e::EBadFrames)?;
            let lease_secs = add(j.lease_secs, tx.now - j.lease_started_at, "escrow")?;
            let review_deadline = add(tx.now, j.terms.review_window_secs, "escrow")?;
            let j = job_mut(c, *address);
            j.lease_secs = lease_secs;
            j.frames_done = *frames_done;
            j.output_root = output_root.clone();
            j.submitted_at = tx.now;
            j.review_deadline = review_deadline;
            j.status = JobStatus::Submitted;
            Ok(vec![LumenEvent::ResultSubmitted(ResultSubmitted {
                job: *address,
                job_id: j.job_id,
                worker: j.worker,
                frames_done: *frames_done,
                output_root: output_root.clone(),
                review_deadline,
                lease_secs,
                submitted_at: tx.now,
            })])
        }
        Call::Confirm {
            job: address,
            frames_accepted,
        } => {
            let j = job(c, *address)?;
            ensure(j.status == JobStatus::Submitted, e::EWrongStatus)?;
            ensure(tx.sender == j.creator, e::ENotCreator)?;
            ensure(tx.now <= j.review_deadline, e::EReviewWindowClosed)?;
            ensure(*frames_accepted <= j.frames_done, e::EBadFrames)?;
            if *frames_accepted == j.frames_done {
                return settle(c, tx, *address, *frames_accepted, Settlement::Confirmed);
            }
            let response_deadline = add(tx.now, j.terms.response_window_secs, "escrow")?;
            let j = job_mut(c, *address);
            j.frames_accepted = *frames_accepted;
            j.response_deadline = response_deadline;
            j.status = JobStatus::PartiallyAccepted;
            Ok(vec![LumenEvent::PartiallyAccepted(PartiallyAccepted {
                job: *address,
                job_id: j.job_id,
                creator: j.creator,
                worker: j.worker,
                frames_done: j.frames_done,
                frames_accepted: *frames_accepted,
                response_deadline,
            })])
        }
        Call::AcceptPartial { job: address } => {
            let j = job(c, *address)?;
            ensure(j.status == JobStatus::PartiallyAccepted, e::EWrongStatus)?;
            ensure(tx.sender == j.worker, e::ENotWorker)?;
            let frames = j.frames_accepted;
            settle(c, tx, *address, frames, Settlement::Confirmed)
        }
        Call::RequestRerender {
            job: address,
            frames,
            render_deadline,
        } => {
            let j = job(c, *address)?;
            config::assert_not_paused(c)?;
            ensure(j.status == JobStatus::Submitted, e::EWrongStatus)?;
            ensure(tx.sender == j.creator, e::ENotCreator)?;
            ensure(tx.now <= j.review_deadline, e::EReviewWindowClosed)?;
            ensure(j.rerenders < j.terms.max_rerenders, e::ETooManyRerenders)?;
            ensure(*frames > 0 && *frames <= j.frames, e::EBadFrames)?;
            ensure(
                *render_deadline > tx.now && *render_deadline - tx.now >= j.terms.min_rerender_secs,
                e::ERerenderTooShort,
            )?;
            let j = job_mut(c, *address);
            j.rerenders += 1;
            j.rerender_frames = *frames;
            j.render_deadline = *render_deadline;
            j.lease_started_at = tx.now;
            j.review_deadline = 0;
            j.status = JobStatus::Assigned;
            Ok(vec![LumenEvent::RerenderRequested(RerenderRequested {
                job: *address,
                job_id: j.job_id,
                frames: *frames,
                render_deadline: *render_deadline,
                rerenders: j.rerenders,
            })])
        }
        Call::Finalize { job: address } => {
            let j = job(c, *address)?;
            let frames = match j.status {
                JobStatus::Submitted => {
                    ensure(tx.now > j.review_deadline, e::EReviewWindowOpen)?;
                    j.frames_done
                }
                JobStatus::PartiallyAccepted => {
                    ensure(tx.now > j.response_deadline, e::EResponseWindowOpen)?;
                    j.frames_accepted
                }
                JobStatus::Disputed => {
                    let until = add(j.disputed_at, j.terms.dispute_timeout_secs, "escrow")?;
                    ensure(tx.now >= until, e::EDisputeTimeoutNotPassed)?;
                    j.timeout_frames
                }
                _ => return Err(e::EWrongStatus.into()),
            };
            settle(c, tx, *address, frames, Settlement::Finalized)
        }
        Call::Reclaim { job: address } => {
            let j = job(c, *address)?;
            ensure(j.status == JobStatus::Assigned, e::EWrongStatus)?;
            ensure(tx.sender == j.creator, e::ENotCreator)?;
            ensure(j.frames_done == 0, e::EAlreadyDelivered)?;
            ensure(tx.now > j.render_deadline, e::EDeadlineNotPassed)?;
            let refund = j.balance();
            let (creator, worker, job_id) = (j.creator, j.worker, j.job_id);
            let collateral = j.terms.collateral;
            let j = job_mut(c, *address);
            j.refunded += refund;
            j.status = JobStatus::Reclaimed;
            let mut out = vec![];
            send(c, *address, creator, refund, &mut out);
            c.escrow.workers.entry(worker).or_default().jobs_failed += 1;
            out.push(staking::unlock(c, worker, *address, collateral));
            let slashed = staking::slash(c, worker, collateral, *address, &mut out);
            out.push(LumenEvent::JobReclaimed(JobReclaimed {
                job: *address,
                job_id,
                creator,
                worker,
                refund,
                slashed,
            }));
            Ok(out)
        }
        Call::Cancel { job: address } => {
            let j = job(c, *address)?;
            ensure(j.status == JobStatus::Open, e::EWrongStatus)?;
            ensure(tx.sender == j.creator, e::ENotCreator)?;
            let refund = j.balance();
            let (creator, job_id) = (j.creator, j.job_id);
            let j = job_mut(c, *address);
            j.refunded += refund;
            j.status = JobStatus::Cancelled;
            let mut out = vec![];
            send(c, *address, creator, refund, &mut out);
            out.push(LumenEvent::JobCancelled(JobCancelled {
                job: *address,
                job_id,
                creator,
                refund,
            }));
            Ok(out)
        }
        Call::Dispute {
            job: address,
            reason_hash,
        } => {
            let j = job(c, *address)?;
            let by = tx.sender;
            let is_creator = by == j.creator;
            ensure(is_creator || by == j.worker, e::ENotParty)?;
            let timeout_frames = match j.status {
                JobStatus::Submitted => {
                    ensure(is_creator, e::ENotCreator)?;
                    ensure(tx.now <= j.review_deadline, e::EReviewWindowClosed)?;
                    formulas::timeout_frames(j.frames_done, formulas::DisputeOpening::Submission)
                }
                JobStatus::PartiallyAccepted => {
                    ensure(!is_creator, e::ENotWorker)?;
                    ensure(tx.now <= j.response_deadline, e::EResponseWindowClosed)?;
                    let opening = formulas::DisputeOpening::PartialAcceptance {
                        frames_accepted: j.frames_accepted,
                    };
                    formulas::timeout_frames(j.frames_done, opening)
                }
                JobStatus::Assigned if j.frames_done > 0 => {
                    ensure(tx.now > j.render_deadline, e::EDeadlineNotPassed)?;
                    let opening = formulas::DisputeOpening::MissedRerender {
                        by_creator: is_creator,
                        rerender_frames: j.rerender_frames,
                    };
                    formulas::timeout_frames(j.frames_done, opening)
                }
                _ => return Err(e::EWrongStatus.into()),
            };
            let timeout_at = add(tx.now, j.terms.dispute_timeout_secs, "escrow")?;
            let j = job_mut(c, *address);
            j.status = JobStatus::Disputed;
            j.disputed_at = tx.now;
            j.disputed_by = by;
            j.timeout_frames = timeout_frames;
            Ok(vec![LumenEvent::JobDisputed(JobDisputed {
                job: *address,
                job_id: j.job_id,
                by,
                reason_hash: reason_hash.clone(),
                creator: j.creator,
                worker: j.worker,
                frames_done: j.frames_done,
                timeout_frames,
                timeout_at,
            })])
        }
        Call::Resolve {
            job: address,
            frames_to_pay,
        } => {
            let j = job(c, *address)?;
            ensure(config::is_arbiter(c, tx.sender), e::ENotArbiter)?;
            ensure(j.status == JobStatus::Disputed, e::EWrongStatus)?;
            ensure(*frames_to_pay <= j.frames_done, e::EBadFrames)?;
            settle(c, tx, *address, *frames_to_pay, Settlement::Resolved)
        }
        Call::Withdraw {} => {
            let owner = tx.sender;
            let amount = claimable_of(c, owner);
            ensure(amount > 0, e::ENothingClaimable)?;
            c.can_receive(owner)?;
            c.escrow.claimable.remove(&owner);
            let registry = registry(c);
            c.pay(registry, owner, amount);
            Ok(vec![LumenEvent::ClaimableWithdrawn(ClaimableWithdrawn {
                owner,
                amount,
            })])
        }
    }
}

/// `check_offer`, `verify_offer_signature` and `assign`, in that order.
fn accept_offer(
    c: &mut Chain,
    tx: &Tx,
    offer: AssignmentOffer,
    public_key: &[u8],
    signature: &[u8],
) -> Outcome {
    job(c, offer.job)?;
    config::assert_not_paused(c)?;
    let creator = check_offer(c, tx.now, &offer)?;
    ensure(
        public_key.len() == 32,
        errors::framework::E_WRONG_PUBKEY_SIZE,
    )?;
    ensure(
        c.ledger.auth_key(creator) == Some(auth_key(public_key)),
        e::EWrongPublicKey,
    )?;
    ensure(
        signature.len() == 64,
        errors::framework::E_WRONG_SIGNATURE_SIZE,
    )?;
    ensure(
        verifies(public_key, signature, |pk, sig| {
            offer.verify(&c.package, pk, sig).is_ok()
        }),
        e::EBadSignature,
    )?;
    assign(c, tx.now, &offer, OfferKind::Signed)
}

/// `escrow::check_offer` of an existing job: Open, not the creator's, live,
/// a future deadline, the price within bounds, an unused nonce. Returns the
/// creator.
pub(crate) fn check_offer(
    c: &Chain,
    now: u64,
    offer: &AssignmentOffer,
) -> Result<AccountAddress, Abort> {
    let j = &c.escrow.jobs[&offer.job];
    let worker = offer.worker;
    ensure(j.status == JobStatus::Open, e::EWrongStatus)?;
    let creator = j.creator;
    ensure(worker != creator, e::ESelfAssignment)?;
    ensure(now < offer.offer_expires_at, e::EOfferExpired)?;
    ensure(offer.render_deadline > now, e::EBadDeadline)?;
    let min_price = config::param(c, params::MIN_PRICE_PER_FRAME)?;
    ensure(offer.price_per_frame >= min_price, e::EPriceBelowMin)?;
    ensure(
        offer.price_per_frame <= j.max_price_per_frame,
        e::EPriceAboveMax,
    )?;
    ensure(
        !c.escrow.used_nonces.contains(&(creator, offer.nonce)),
        e::ENonceUsed,
    )?;
    Ok(creator)
}

/// `escrow::assign` of a checked offer: eligibility and minimums, the nonce
/// burnt, the terms fixed, the collateral locked, the excess refunded.
pub(crate) fn assign(c: &mut Chain, now: u64, offer: &AssignmentOffer, kind: OfferKind) -> Outcome {
    let address = offer.job;
    let worker = offer.worker;
    let j = &c.escrow.jobs[&address];
    let creator = j.creator;
    let nonce_key = (creator, offer.nonce);
    ensure(staking::is_eligible(c, worker, now)?, e::ENotEligible)?;
    let worker_score = attestation::score_of(c, worker, now);
    ensure(worker_score >= j.min_score, e::EScoreTooLow)?;
    ensure(
        attestation::vram_of(c, worker, now) >= j.min_vram_mb,
        e::EVramTooLow,
    )?;
    // Both factors are bounded by the deposit, which fits in a u64.
    let value = j.frames * offer.price_per_frame;
    let refund = j.frames * (j.max_price_per_frame - offer.price_per_frame);
    let (collateral, locked) = staking::lock_collateral(c, worker, address, value)?;
    c.escrow.used_nonces.insert(nonce_key);
    let cfg = config::get(c)?;
    let terms = JobTerms {
        worker_commission_bps: cfg.get(params::WORKER_COMMISSION_BPS),
        review_window_secs: cfg.get(params::REVIEW_WINDOW_SECS),
        max_rerenders: cfg.get(params::MAX_RERENDERS),
        min_rerender_secs: formulas::min_rerender_secs(
            cfg.get(params::MIN_RERENDER_SECS),
            offer.render_deadline - now,
        ),
        response_window_secs: cfg.get(params::RESPONSE_WINDOW_SECS),
        dispute_timeout_secs: cfg.get(params::DISPUTE_TIMEOUT_SECS),
        collateral,
    };
    let j = job_mut(c, address);
    j.worker = worker;
    j.status = JobStatus::Assigned;
    j.price_per_frame = offer.price_per_frame;
    j.render_deadline = offer.render_deadline;
    j.offer_nonce = offer.nonce;
    j.assigned_at = now;
    j.lease_started_at = now;
    j.refunded += refund;
    j.terms = terms.clone();
    j.offer_kind = kind as u8;
    let job_id = j.job_id;
    c.escrow.accepted_scores.insert(address, worker_score);
    let mut out = vec![locked];
    send(c, address, creator, refund, &mut out);
    out.push(LumenEvent::JobAssigned(JobAssigned {
        job: address,
        job_id,
        creator,
        worker,
        price_per_frame: offer.price_per_frame,
        render_deadline: offer.render_deadline,
        nonce: offer.nonce,
        worker_score,
        refund,
        assigned_at: now,
        offer_kind: kind as u8,
        ..terms.assigned_event()
    }));
    Ok(out)
}

/// A settlement leg (`escrow::send`): to `to`'s store, or, when it is
/// frozen, into the registry's store as `to`'s claimable balance.
fn send(
    c: &mut Chain,
    job: AccountAddress,
    to: AccountAddress,
    amount: u64,
    out: &mut Vec<LumenEvent>,
) {
    if amount == 0 {
        return;
    }
    if !c.ledger.is_frozen(to) {
        c.pay(job, to, amount);
        return;
    }
    let registry = registry(c);
    c.pay(job, registry, amount);
    let total = c.escrow.claimable.entry(to).or_default();
    *total += amount;
    out.push(LumenEvent::ClaimableCredited(ClaimableCredited {
        owner: to,
        job,
        amount,
        total: *total,
    }));
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Settlement {
    Confirmed,
    Finalized,
    Resolved,
}

/// `complete` (confirm, accept_partial, finalize) and `resolve`: pays
/// `frames` at the job's commission, refunds the rest, releases the
/// collateral, counts paid work and records its lease for PoD rewards.
fn settle(
    c: &mut Chain,
    tx: &Tx,
    address: AccountAddress,
    frames: u64,
    how: Settlement,
) -> Outcome {
    let pool_share = config::param(c, params::POOL_FEE_SHARE_BPS)?;
    let treasury = config::get(c)?.treasury;
    let j = &c.escrow.jobs[&address];
    let payout = formulas::payout(
        frames,
        j.price_per_frame,
        j.terms.worker_commission_bps,
        j.balance(),
    )
    .ok_or(Abort::Arithmetic { module: "escrow" })?;
    // The lower of the scores at acceptance and now: a stronger device
    // attested after acceptance does not raise the job's PoD weight.
    let accepted = c.escrow.accepted_scores.get(&address).copied().unwrap_or(0);
    let score = attestation::score_of(c, j.worker, tx.now).min(accepted);
    let epoch_secs = config::param(c, params::EPOCH_SECS)?;
    let j = job_mut(c, address);
    j.frames_paid = frames;
    j.paid_to_worker += payout.worker_amount;
    j.fee_paid += payout.fee;
    j.refunded += payout.refund;
    j.status = if how == Settlement::Resolved {
        JobStatus::Resolved
    } else {
        JobStatus::Completed
    };
    let j = j.clone();
    let to_pool = formulas::fee_to_pool(payout.fee, pool_share);
    let epoch = formulas::epoch_of(tx.now, epoch_secs);
    let mut out = vec![];
    send(c, address, j.worker, payout.worker_amount, &mut out);
    send(c, address, treasury, payout.fee - to_pool, &mut out);
    out.extend(rewards::add_fee_share(c, address, epoch, to_pool)?);
    send(c, address, j.creator, payout.refund, &mut out);
    out.push(staking::unlock(c, j.worker, address, j.terms.collateral));
    if payout.gross > 0 {
        // record_payment
        let month = formulas::month_of(tx.now);
        let creator = c.escrow.creators.entry(j.creator).or_insert(CreatorStats {
            month,
            ..Default::default()
        });
        if creator.month != month {
            creator.month = month;
            creator.spent_month = 0;
        }
        creator.spent_total += payout.gross;
        creator.spent_month += payout.gross;
        creator.frames_succeeded += frames;
        let worker = c.escrow.workers.entry(j.worker).or_default();
        worker.frames_completed += frames;
        worker.jobs_completed += 1;
        worker.lease_secs += j.lease_secs;
        out.extend(rewards::record_lease(
            c,
            tx.now,
            j.worker,
            score,
            (j.lease_secs, j.submitted_at),
        )?);
        let parties = (j.creator, j.worker);
        out.extend(campaign::record_render_points(
            c,
            address,
            parties,
            payout.gross,
            tx.now,
        )?);
    }
    if how == Settlement::Resolved && frames == 0 {
        c.escrow.workers.entry(j.worker).or_default().jobs_failed += 1;
    }
    let completed = JobCompleted {
        job: address,
        job_id: j.job_id,
        creator: j.creator,
        worker: j.worker,
        frames_paid: frames,
        gross: payout.gross,
        worker_amount: payout.worker_amount,
        fee: payout.fee,
        refund: payout.refund,
        lease_secs: j.lease_secs,
        finalized: how == Settlement::Finalized,
    };
    out.push(match how {
        Settlement::Resolved => LumenEvent::DisputeResolved(completed.resolved_by(tx.sender)),
        _ => LumenEvent::JobCompleted(completed),
    });
    Ok(out)
}
