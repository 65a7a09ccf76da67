//! `staking`: worker price, stake, the collateral locked for active jobs,
//! unbonding and withdrawal, slashing into the penalty pool, and the minimum
//! stake `S(n)` (at the protocol's floor price at least).

use std::collections::BTreeMap;

use lumen_sdk::errors::staking as e;
use lumen_sdk::events::*;
use lumen_sdk::formulas;
use lumen_sdk::params;
use lumen_sdk::payloads::staking::Call;
use lumen_sdk::AccountAddress;

use crate::{add, attestation, config, ensure, Abort, Chain, Outcome, Tx};

/// Seed of the module's object (the vault holding every stake).
pub const SEED: &[u8] = b"staking";

/// A worker's stake (`staking::WorkerStake`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WorkerStake {
    /// Bonded stake.
    pub stake: u64,
    /// Part of `stake` locked as collateral of active jobs.
    pub locked: u64,
    /// Unbonding stake.
    pub unbonding: u64,
    /// When the unbonding stake can be withdrawn.
    pub available_at: u64,
    /// Price per IB-hour.
    pub price_per_ib_hour: u64,
}

/// The vault.
#[derive(Clone, Debug, Default)]
pub struct State {
    /// Workers that ever set a price or staked.
    pub workers: BTreeMap<AccountAddress, WorkerStake>,
    /// Slashed stake not swept yet.
    pub penalty_pool: u64,
}

/// `staking::stake_of`.
pub fn stake_of(c: &Chain, worker: AccountAddress) -> u64 {
    c.staking.workers.get(&worker).map_or(0, |w| w.stake)
}

/// `staking::price_of`.
pub fn price_of(c: &Chain, worker: AccountAddress) -> u64 {
    c.staking
        .workers
        .get(&worker)
        .map_or(0, |w| w.price_per_ib_hour)
}

/// `staking::locked_of`.
pub fn locked_of(c: &Chain, worker: AccountAddress) -> u64 {
    c.staking.workers.get(&worker).map_or(0, |w| w.locked)
}

/// `staking::min_stake_of` at `now`: `S(n)` with the price raised to the floor.
pub fn min_stake_of(c: &Chain, worker: AccountAddress, now: u64) -> Result<u64, Abort> {
    Ok(formulas::min_stake_floored(
        config::param(c, params::STAKE_FACTOR)?,
        attestation::score_of(c, worker, now),
        price_of(c, worker),
        config::param(c, params::MIN_PRICE_PER_IB_HOUR)?,
    ))
}

/// `staking::is_eligible` at `now`: a valid score, a price, stake ≥ `S(n)`.
pub fn is_eligible(c: &Chain, worker: AccountAddress, now: u64) -> Result<bool, Abort> {
    Ok(attestation::has_valid_score(c, worker, now)
        && price_of(c, worker) > 0
        && stake_of(c, worker) >= min_stake_of(c, worker, now)?)
}

/// The vault's address.
pub fn vault(c: &Chain) -> AccountAddress {
    c.module_object(SEED)
}

/// `staking::lock_collateral` (package function of `escrow::accept_offer`):
/// locks the job's collateral out of the free stake at today's parameters.
pub(crate) fn lock_collateral(
    c: &mut Chain,
    worker: AccountAddress,
    job: AccountAddress,
    job_value: u64,
) -> Result<(u64, LumenEvent), Abort> {
    let slash_bps = config::param(c, params::SLASH_BPS)?;
    let slash_cap_bps = config::param(c, params::SLASH_CAP_BPS)?;
    let account = c.staking.workers.entry(worker).or_default();
    let amount = formulas::collateral(account.stake, job_value, slash_bps, slash_cap_bps);
    ensure(
        account.stake - account.locked >= amount,
        e::EInsufficientCollateral,
    )?;
    account.locked += amount;
    let event = LumenEvent::StakeLocked(StakeLocked {
        worker,
        job,
        amount,
        locked: account.locked,
    });
    Ok((amount, event))
}

/// `staking::unlock`: releases a job's collateral.
pub(crate) fn unlock(
    c: &mut Chain,
    worker: AccountAddress,
    job: AccountAddress,
    amount: u64,
) -> LumenEvent {
    let account = c.staking.workers.entry(worker).or_default();
    account.locked -= amount;
    LumenEvent::StakeUnlocked(StakeUnlocked {
        worker,
        job,
        amount,
        locked: account.locked,
    })
}

/// `staking::slash`: moves a collateral just released from the bonded stake
/// into the penalty pool (`Slashed` when above 0).
pub(crate) fn slash(
    c: &mut Chain,
    worker: AccountAddress,
    amount: u64,
    job: AccountAddress,
    out: &mut Vec<LumenEvent>,
) -> u64 {
    if amount == 0 {
        return 0;
    }
    let account = c
        .staking
        .workers
        .get_mut(&worker)
        .expect("it locked the collateral");
    account.stake -= amount;
    c.staking.penalty_pool += amount;
    out.push(LumenEvent::Slashed(Slashed {
        worker,
        amount,
        total_stake: account.stake,
        job,
    }));
    amount
}

/// Executes a `staking` entry function.
pub fn execute(c: &mut Chain, tx: &Tx, call: &Call) -> Outcome {
    let worker = tx.sender;
    match call {
        Call::SetPrice { price_per_ib_hour } => {
            config::assert_not_paused(c)?;
            c.staking
                .workers
                .entry(worker)
                .or_default()
                .price_per_ib_hour = *price_per_ib_hour;
            Ok(vec![LumenEvent::PriceSet(PriceSet {
                worker,
                price_per_ib_hour: *price_per_ib_hour,
            })])
        }
        Call::Stake { amount } => {
            config::assert_not_paused(c)?;
            ensure(*amount > 0, e::EZeroAmount)?;
            c.can_pay(worker, *amount)?;
            let total_stake = add(stake_of(c, worker), *amount, "staking")?;
            let vault = vault(c);
            c.pay(worker, vault, *amount);
            c.staking.workers.entry(worker).or_default().stake = total_stake;
            Ok(vec![LumenEvent::Staked(Staked {
                worker,
                amount: *amount,
                total_stake,
            })])
        }
        Call::RequestUnstake { amount } => {
            ensure(*amount > 0, e::EZeroAmount)?;
            let account = c.staking.workers.get(&worker).copied();
            let account = account.ok_or(Abort::Code(e::EInsufficientStake))?;
            ensure(account.stake >= *amount, e::EInsufficientStake)?;
            ensure(account.stake - amount >= account.locked, e::EStakeLocked)?;
            let unbonding = add(account.unbonding, *amount, "staking")?;
            let available_at = add(tx.now, config::param(c, params::UNBONDING_SECS)?, "staking")?;
            let a = c.staking.workers.get_mut(&worker).expect("found");
            a.stake -= amount;
            a.unbonding = unbonding;
            a.available_at = available_at;
            Ok(vec![LumenEvent::UnstakeRequested(UnstakeRequested {
                worker,
                amount: *amount,
                total_stake: a.stake,
                unbonding,
                available_at,
            })])
        }
        Call::Withdraw {} => {
            let account = c.staking.workers.get(&worker).copied();
            let account = account.ok_or(Abort::Code(e::ENothingToWithdraw))?;
            let amount = account.unbonding;
            ensure(amount > 0, e::ENothingToWithdraw)?;
            ensure(tx.now >= account.available_at, e::EUnbondingNotOver)?;
            config::get(c)?;
            c.can_receive(worker)?;
            let a = c.staking.workers.get_mut(&worker).expect("found");
            a.unbonding = 0;
            a.available_at = 0;
            let vault = vault(c);
            c.pay(vault, worker, amount);
            Ok(vec![LumenEvent::Withdrawn(Withdrawn { worker, amount })])
        }
        Call::SweepPenalties { amount } => {
            config::assert_admin(c, worker)?;
            ensure(*amount > 0, e::EZeroAmount)?;
            ensure(c.staking.penalty_pool >= *amount, e::EInsufficientPenalties)?;
            let treasury = config::get(c)?.treasury;
            c.can_receive(treasury)?;
            c.staking.penalty_pool -= amount;
            let vault = vault(c);
            c.pay(vault, treasury, *amount);
            Ok(vec![LumenEvent::PenaltiesSwept(PenaltiesSwept {
                amount: *amount,
                treasury,
            })])
        }
    }
}
