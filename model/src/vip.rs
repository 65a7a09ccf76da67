//! `vip`: soulbound VIP passes for creators (spend) and workers (uptime, down
//! days below a threshold); passes lapse, revocation bans until lifted.

use std::collections::{BTreeMap, BTreeSet};

use lumen_sdk::errors::vip as e;
use lumen_sdk::events::*;
use lumen_sdk::formulas;
use lumen_sdk::params;
use lumen_sdk::payloads::vip::Call;
use lumen_sdk::AccountAddress;

use crate::{config, ensure, escrow, Abort, Chain, ObjectKind, Outcome, Tx};

/// Seed of the module's object (the collection's creator).
pub const SEED: &[u8] = b"vip";
/// Role of a creator pass.
pub const ROLE_CREATOR: u8 = 0;
/// Role of a worker pass.
pub const ROLE_WORKER: u8 = 1;

/// The module's state.
#[derive(Clone, Debug, Default)]
pub struct State {
    /// `(holder, role)` → the pass token's address.
    pub passes: BTreeMap<(AccountAddress, u8), AccountAddress>,
    /// `(holder, role)` the admin revoked and has not let claim again.
    pub banned: BTreeSet<(AccountAddress, u8)>,
}

/// `vip::recent_online_secs`: online seconds of epochs `current − 1` down
/// to `current − days` (fewer when the chain is younger).
pub fn recent_online_secs(
    c: &Chain,
    worker: AccountAddress,
    days: u64,
    now: u64,
) -> Result<Vec<u64>, Abort> {
    let current = formulas::epoch_of(now, config::param(c, params::EPOCH_SECS)?);
    Ok((1..=days.min(current))
        .map(|i| c.rewards.online_secs_of(worker, current - i))
        .collect())
}

/// `vip::is_eligible(user, role)` at `now`.
pub fn is_eligible(c: &Chain, user: AccountAddress, role: u8, now: u64) -> Result<bool, Abort> {
    match role {
        ROLE_CREATOR => {
            let (spent_total, _, _) = escrow::creator_stats(c, user, now);
            Ok(formulas::creator_vip_eligible(
                spent_total,
                config::param(c, params::VIP_CREATOR_SPEND)?,
            ))
        }
        ROLE_WORKER => {
            let days = config::param(c, params::VIP_WORKER_DAYS)?;
            let current = formulas::epoch_of(now, config::param(c, params::EPOCH_SECS)?);
            if current < days {
                return Ok(false);
            }
            Ok(formulas::worker_vip_eligible(
                &recent_online_secs(c, user, days, now)?,
                config::param(c, params::VIP_WORKER_MIN_AVG_SECS)?,
                config::param(c, params::VIP_WORKER_DOWN_DAY_SECS)?,
                config::param(c, params::VIP_WORKER_MAX_DOWN_DAYS)?,
            ))
        }
        _ => Ok(false),
    }
}

/// `vip::has_pass`.
pub fn has_pass(c: &Chain, holder: AccountAddress, role: u8) -> bool {
    c.vip.passes.contains_key(&(holder, role))
}

/// `vip::burn`: removes `holder`'s pass for `role`; the token's address.
fn burn(c: &mut Chain, holder: AccountAddress, role: u8) -> Result<AccountAddress, Abort> {
    ensure(role == ROLE_CREATOR || role == ROLE_WORKER, e::EInvalidRole)?;
    let token = c.vip.passes.remove(&(holder, role));
    let token = token.ok_or(Abort::Code(e::ENoPass))?;
    c.objects.remove(&token);
    Ok(token)
}

/// Executes a `vip` entry function.
pub fn execute(c: &mut Chain, tx: &Tx, call: &Call) -> Outcome {
    match call {
        Call::Claim { role } => {
            config::assert_not_paused(c)?;
            let role = *role;
            ensure(role == ROLE_CREATOR || role == ROLE_WORKER, e::EInvalidRole)?;
            let holder = tx.sender;
            ensure(!has_pass(c, holder, role), e::EAlreadyHasPass)?;
            ensure(!c.vip.banned.contains(&(holder, role)), e::EBanned)?;
            ensure(is_eligible(c, holder, role, tx.now)?, e::ENotEligible)?;
            // `token::create_token` makes an object at a unique (AUID) address.
            let token = c.txn.next_auid();
            c.objects.insert(token, ObjectKind::Token);
            c.vip.passes.insert((holder, role), token);
            Ok(vec![LumenEvent::VipMinted(VipMinted {
                holder,
                role,
                token,
                minted_at: tx.now,
            })])
        }
        Call::Revoke { holder, role } => {
            config::assert_admin(c, tx.sender)?;
            let token = burn(c, *holder, *role)?;
            c.vip.banned.insert((*holder, *role));
            Ok(vec![LumenEvent::VipRevoked(VipRevoked {
                holder: *holder,
                role: *role,
                token,
                by: tx.sender,
            })])
        }
        Call::Expire { holder, role } => {
            let role = *role;
            ensure(role == ROLE_CREATOR || role == ROLE_WORKER, e::EInvalidRole)?;
            ensure(has_pass(c, *holder, role), e::ENoPass)?;
            ensure(!is_eligible(c, *holder, role, tx.now)?, e::EStillEligible)?;
            let token = burn(c, *holder, role)?;
            Ok(vec![LumenEvent::VipExpired(VipExpired {
                holder: *holder,
                role,
                token,
                by: tx.sender,
            })])
        }
        Call::LiftBan { holder, role } => {
            config::assert_admin(c, tx.sender)?;
            ensure(c.vip.banned.remove(&(*holder, *role)), e::ENotBanned)?;
            Ok(vec![LumenEvent::VipBanLifted(VipBanLifted {
                holder: *holder,
                role: *role,
                by: tx.sender,
            })])
        }
    }
}
