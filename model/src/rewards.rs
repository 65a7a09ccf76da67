//! `rewards`: per-epoch PoC/PoD pools; uptime votes by attesters (k of n,
//! the k-th largest vote, eligibility and the score at the epoch's end), lease
//! records by `escrow`; epochs closed in order (with rollover of a side nobody
//! earned on, and a fresh grace after a pause); lazy claims.

use std::collections::BTreeMap;

use lumen_sdk::errors::rewards as e;
use lumen_sdk::events::*;
use lumen_sdk::formulas;
use lumen_sdk::params;
use lumen_sdk::payloads::rewards::Call;
use lumen_sdk::AccountAddress;

use crate::{add, attestation, campaign, config, ensure, staking, Abort, Chain, Outcome, Tx};

/// How far ahead of the current epoch `fund_epoch` accepts.
pub const MAX_FUTURE_EPOCHS: u64 = 90;

/// Seed of the module's object (its store holds every pool).
pub const SEED: &[u8] = b"rewards";

/// An epoch's pool (`rewards::EpochInfo`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EpochInfo {
    /// Funding so far; at close plus the carried rollover.
    pub pool: u64,
    /// Closed.
    pub closed: bool,
    /// Distributable PoC side (set at close).
    pub poc_pool: u64,
    /// Distributable PoD side (set at close).
    pub pod_pool: u64,
    /// Sum of PoC weights.
    pub total_poc_weight: u128,
    /// Sum of PoD weights.
    pub total_pod_weight: u128,
    /// Paid by claims.
    pub claimed: u64,
    /// Sum of `fund_epoch` amounts.
    pub funded: u64,
    /// Rollover received at close.
    pub carried_in: u64,
    /// Passed on to the next epoch closed.
    pub rolled_over: u64,
}

/// A worker's weights in one epoch (`rewards::WorkerRecord`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WorkerRecord {
    /// The uptime took effect (the threshold of attesters was reached).
    pub reported: bool,
    /// Effective online seconds (the `attester_threshold`-th largest vote).
    pub online_secs: u64,
    /// PoC weight.
    pub poc_weight: u128,
    /// Lease seconds recorded.
    pub lease_secs: u64,
    /// PoD weight.
    pub pod_weight: u128,
    /// Claimed.
    pub claimed: bool,
}

/// The module's state.
#[derive(Clone, Debug, Default)]
pub struct State {
    /// Epochs anything happened in.
    pub epochs: BTreeMap<u64, EpochInfo>,
    /// `(worker, epoch)` records.
    pub records: BTreeMap<(AccountAddress, u64), WorkerRecord>,
    /// Rollover waiting for the next epoch closed.
    pub carry: u64,
    /// `(worker, epoch)` → each attester's vote `(attester, online_secs)`, in order.
    pub uptime_votes: BTreeMap<(AccountAddress, u64), Vec<(AccountAddress, u64)>>,
    /// Every epoch below is closed.
    pub closed_until: u64,
}

impl State {
    /// `rewards::online_secs_of`.
    pub fn online_secs_of(&self, worker: AccountAddress, epoch: u64) -> u64 {
        self.records
            .get(&(worker, epoch))
            .map_or(0, |r| r.online_secs)
    }

    /// `rewards::pending_reward`: what a claim would pay now.
    pub fn pending_reward(&self, worker: AccountAddress, epoch: u64) -> u64 {
        match (self.epochs.get(&epoch), self.records.get(&(worker, epoch))) {
            (Some(info), Some(r)) if info.closed && !r.claimed => reward(info, r).amount,
            _ => 0,
        }
    }
}

/// `rewards::next_epoch`: the oldest open epoch, never before the one
/// `config::initialize` ran in.
pub fn next_epoch(c: &Chain) -> Result<u64, Abort> {
    let cfg = config::get(c)?;
    let first = cfg.initialized_at / cfg.get(params::EPOCH_SECS);
    Ok(c.rewards.closed_until.max(first))
}

/// `rewards::current_epoch` at `now`.
pub fn current_epoch(c: &Chain, now: u64) -> Result<u64, Abort> {
    Ok(formulas::epoch_of(
        now,
        config::param(c, params::EPOCH_SECS)?,
    ))
}

/// A record's reward in a closed epoch, as `claim` computes it.
pub fn reward(info: &EpochInfo, r: &WorkerRecord) -> formulas::Reward {
    formulas::reward(
        info.poc_pool,
        r.poc_weight,
        info.total_poc_weight,
        info.pod_pool,
        r.pod_weight,
        info.total_pod_weight,
    )
}

/// `rewards::record_lease` (called by `escrow` for a payout of ≥ 1 frame at
/// `now`): the job's lease capped at `max_job_lease_secs` and cut by
/// [`formulas::lease_parts`] over the epochs before `submitted_at`; a part in
/// an open epoch before the current one is recorded there, the rest together
/// in the current epoch, each within `epoch_secs` of lease per worker.
pub(crate) fn record_lease(
    c: &mut Chain,
    now: u64,
    worker: AccountAddress,
    score: u64,
    (lease_secs, submitted_at): (u64, u64),
) -> Result<Vec<LumenEvent>, Abort> {
    let epoch_secs = config::param(c, params::EPOCH_SECS)?;
    let max_job_lease = config::param(c, params::MAX_JOB_LEASE_SECS)?;
    let current = formulas::epoch_of(now, epoch_secs);
    let next = next_epoch(c)?;
    let mut out = vec![];
    let mut late = 0;
    for (epoch, secs) in formulas::lease_parts(submitted_at, lease_secs, max_job_lease, epoch_secs)
    {
        if epoch >= next && epoch < current {
            out.push(credit_lease(c, epoch, epoch_secs, worker, score, secs));
        } else {
            late += secs;
        }
    }
    if late > 0 {
        out.push(credit_lease(c, current, epoch_secs, worker, score, late));
    }
    Ok(out)
}

/// Adds up to `lease_secs` to `worker`'s lease in the open `epoch`, within
/// `epoch_secs` per worker and epoch (`rewards::credit_lease`).
fn credit_lease(
    c: &mut Chain,
    epoch: u64,
    epoch_secs: u64,
    worker: AccountAddress,
    score: u64,
    lease_secs: u64,
) -> LumenEvent {
    let r = c.rewards.records.entry((worker, epoch)).or_default();
    let credited = formulas::lease_credit(r.lease_secs, lease_secs, epoch_secs);
    let weight = formulas::pod_weight(score, credited);
    r.lease_secs += credited;
    r.pod_weight += weight;
    c.rewards.epochs.entry(epoch).or_default().total_pod_weight += weight;
    LumenEvent::LeaseRecorded(LeaseRecorded {
        epoch,
        worker,
        lease_secs: credited,
        score,
        weight,
    })
}

/// `rewards::add_fee_share` (called by `escrow` for every payout): moves
/// `amount` of the fee from `job` into `epoch`'s pool (nothing for 0).
pub(crate) fn add_fee_share(
    c: &mut Chain,
    job: AccountAddress,
    epoch: u64,
    amount: u64,
) -> Result<Option<LumenEvent>, Abort> {
    if amount == 0 {
        return Ok(None);
    }
    let info = c.rewards.epochs.get(&epoch).cloned().unwrap_or_default();
    let funded = add(info.funded, amount, "rewards")?;
    let pool = add(info.pool, amount, "rewards")?;
    let to = pool_address(c);
    c.pay(job, to, amount);
    let info = c.rewards.epochs.entry(epoch).or_default();
    info.funded = funded;
    info.pool = pool;
    Ok(Some(LumenEvent::EpochFunded(EpochFunded {
        epoch,
        funder: job,
        amount,
        total: funded,
    })))
}

/// The rewards object's address.
pub fn pool_address(c: &Chain) -> AccountAddress {
    c.module_object(SEED)
}

/// One attester's vote on `worker`'s uptime in `epoch` (the loop body of
/// `report_uptime`): a vote, and once `attester_threshold` current attesters
/// voted, the uptime at the threshold-th largest vote, weighted with the score
/// at the epoch's end when the worker is eligible.
fn vote_one(
    c: &mut Chain,
    tx: &Tx,
    epoch: u64,
    worker: AccountAddress,
    vote: u64,
) -> Result<Vec<LumenEvent>, Abort> {
    let attester = tx.sender;
    let epoch_secs = config::param(c, params::EPOCH_SECS)?;
    let threshold = config::param(c, params::ATTESTER_THRESHOLD)?;
    let votes = c.rewards.uptime_votes.entry((worker, epoch)).or_default();
    // A repeated vote (a resent batch, a worker listed twice) is skipped so
    // that it does not sink the rest of the batch.
    if votes.iter().any(|(a, _)| *a == attester) {
        return Ok(vec![LumenEvent::UptimeVoteSkipped(UptimeVoteSkipped {
            epoch,
            worker,
            attester,
            online_secs: vote,
        })]);
    }
    votes.push((attester, vote));
    let votes = votes.clone();
    // Votes of attesters removed since they voted no longer count.
    let counted: Vec<u64> = votes
        .iter()
        .filter(|(a, _)| *a == attester || config::is_attester(c, *a))
        .map(|(_, secs)| *secs)
        .collect();
    let approvals = counted.len() as u64;
    let mut out = vec![LumenEvent::UptimeVoted(UptimeVoted {
        epoch,
        worker,
        attester,
        online_secs: vote,
        approvals,
        threshold,
    })];
    if approvals < threshold {
        return Ok(out);
    }
    let epoch_end = (epoch + 1) * epoch_secs;
    let online_secs = formulas::kth_largest(&counted, threshold);
    let score = attestation::score_at(c, worker, epoch_end - 1);
    let weight = match staking::is_eligible(c, worker, tx.now)? {
        true => formulas::poc_weight(score, online_secs),
        false => 0,
    };
    let r = c.rewards.records.entry((worker, epoch)).or_default();
    let first = !r.reported;
    let previous = r.poc_weight;
    r.reported = true;
    r.online_secs = online_secs;
    r.poc_weight = weight;
    let lease_secs = r.lease_secs;
    let info = c.rewards.epochs.entry(epoch).or_default();
    info.total_poc_weight = info.total_poc_weight - previous + weight;
    out.push(LumenEvent::UptimeReported(UptimeReported {
        epoch,
        worker,
        attester,
        online_secs,
        score,
        weight,
    }));
    // Campaign points follow the uptime as it first took effect.
    if first && weight > 0 {
        let idle = f_idle(online_secs, lease_secs);
        let span = (epoch_end - epoch_secs, epoch_end);
        out.extend(campaign::record_online_points(
            c, worker, epoch, span, idle, score,
        ));
    }
    Ok(out)
}

fn f_idle(online_secs: u64, lease_secs: u64) -> u64 {
    formulas::campaign::idle_secs(online_secs, lease_secs)
}

/// Executes a `rewards` entry function.
pub fn execute(c: &mut Chain, tx: &Tx, call: &Call) -> Outcome {
    match call {
        Call::ReportUptime {
            epoch,
            workers,
            online_secs,
        } => {
            config::assert_not_paused(c)?;
            ensure(config::is_attester(c, tx.sender), e::ENotAttester)?;
            ensure(workers.len() == online_secs.len(), e::ELengthMismatch)?;
            ensure(*epoch < current_epoch(c, tx.now)?, e::EEpochNotEnded)?;
            let epoch_secs = config::param(c, params::EPOCH_SECS)?;
            ensure(*epoch >= next_epoch(c)?, e::EEpochClosed)?;
            c.rewards.epochs.entry(*epoch).or_default();
            let mut out = vec![];
            for (&worker, &secs) in workers.iter().zip(online_secs) {
                out.extend(vote_one(c, tx, *epoch, worker, secs.min(epoch_secs))?);
            }
            Ok(out)
        }
        Call::FundEpoch { epoch, amount } => {
            config::assert_not_paused(c)?;
            ensure(*amount > 0, e::EZeroAmount)?;
            let current = current_epoch(c, tx.now)?;
            ensure(
                *epoch >= current && *epoch - current <= MAX_FUTURE_EPOCHS,
                e::EEpochOutOfRange,
            )?;
            let funder = tx.sender;
            c.can_pay(funder, *amount)?;
            let info = c.rewards.epochs.get(epoch).cloned().unwrap_or_default();
            let funded = add(info.funded, *amount, "rewards")?;
            let pool = add(info.pool, *amount, "rewards")?;
            let to = pool_address(c);
            c.pay(funder, to, *amount);
            let info = c.rewards.epochs.entry(*epoch).or_default();
            info.funded = funded;
            info.pool = pool;
            Ok(vec![LumenEvent::EpochFunded(EpochFunded {
                epoch: *epoch,
                funder,
                amount: *amount,
                total: funded,
            })])
        }
        Call::CloseEpoch { epoch } => {
            config::assert_not_paused(c)?;
            let next = next_epoch(c)?;
            ensure(*epoch >= next, e::EEpochClosed)?;
            ensure(*epoch == next, e::EEpochOutOfOrder)?;
            let cfg = config::get(c)?;
            let end = (*epoch + 1) * cfg.get(params::EPOCH_SECS);
            let close_at = end.max(cfg.resumed_at) + cfg.get(params::EPOCH_GRACE_SECS);
            ensure(tx.now >= close_at, e::ETooEarlyToClose)?;
            let carried_in = c.rewards.carry;
            let pod_share = config::param(c, params::POD_SHARE_BPS)?;
            let info = c.rewards.epochs.get(epoch).cloned().unwrap_or_default();
            let pool = add(info.funded, carried_in, "rewards")?;
            let (mut poc_pool, mut pod_pool) = formulas::split_pool(pool, pod_share);
            let mut rolled_over = 0;
            if info.total_poc_weight == 0 {
                rolled_over += poc_pool;
                poc_pool = 0;
            }
            if info.total_pod_weight == 0 {
                rolled_over += pod_pool;
                pod_pool = 0;
            }
            let info = c.rewards.epochs.entry(*epoch).or_default();
            info.carried_in = carried_in;
            info.pool = pool;
            info.poc_pool = poc_pool;
            info.pod_pool = pod_pool;
            info.rolled_over = rolled_over;
            info.closed = true;
            let event = LumenEvent::EpochClosed(EpochClosed {
                epoch: *epoch,
                pool,
                poc_pool,
                pod_pool,
                total_poc_weight: info.total_poc_weight,
                total_pod_weight: info.total_pod_weight,
                rolled_over,
            });
            c.rewards.carry = rolled_over;
            c.rewards.closed_until = *epoch + 1;
            Ok(vec![event])
        }
        Call::Claim { epoch } => {
            let worker = tx.sender;
            let info = c.rewards.epochs.get(epoch).cloned().unwrap_or_default();
            ensure(info.closed, e::EEpochNotClosed)?;
            let r = c.rewards.records.get(&(worker, *epoch)).cloned();
            let r = r.unwrap_or_default();
            ensure(!r.claimed, e::EAlreadyClaimed)?;
            // `pool × weight` above u128 aborts in Move.
            for (pool, weight) in [(info.poc_pool, r.poc_weight), (info.pod_pool, r.pod_weight)] {
                (pool as u128)
                    .checked_mul(weight)
                    .ok_or(Abort::Arithmetic { module: "rewards" })?;
            }
            let reward = reward(&info, &r);
            add(reward.poc_amount, reward.pod_amount, "rewards")?;
            ensure(reward.amount > 0, e::ENothingToClaim)?;
            config::get(c)?;
            c.can_receive(worker)?;
            c.rewards
                .records
                .entry((worker, *epoch))
                .or_default()
                .claimed = true;
            c.rewards.epochs.entry(*epoch).or_default().claimed += reward.amount;
            let from = pool_address(c);
            c.pay(from, worker, reward.amount);
            Ok(vec![LumenEvent::RewardClaimed(RewardClaimed {
                epoch: *epoch,
                worker,
                poc_amount: reward.poc_amount,
                pod_amount: reward.pod_amount,
                amount: reward.amount,
            })])
        }
    }
}
