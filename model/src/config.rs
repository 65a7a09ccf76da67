//! `config`: the admin (two-step transfer), the pause switch, the payment
//! asset, treasury, arbiter set, attester set and every parameter, changed
//! through a queue with a delay.

use lumen_sdk::errors::config as e;
use lumen_sdk::events::*;
use lumen_sdk::params::{self, Param, PARAMS};
use lumen_sdk::payloads::config::Call;
use lumen_sdk::AccountAddress;

use crate::{ensure, Abort, Chain, ObjectKind, Outcome, Tx};

/// The `Config` resource at `@lumen`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// Current admin.
    pub admin: AccountAddress,
    /// Proposed admin, `0x0` when none.
    pub pending_admin: AccountAddress,
    /// The pause switch.
    pub paused: bool,
    /// The payment asset's metadata object.
    pub payment_asset: AccountAddress,
    /// Receives fees and swept penalties.
    pub treasury: AccountAddress,
    /// Any member settles disputes, in the order they were added.
    pub arbiters: Vec<AccountAddress>,
    /// Authorised attesters, in the order they were added.
    pub attesters: Vec<AccountAddress>,
    /// Parameter values, in [`PARAMS`] order.
    pub params: Vec<u64>,
    /// When `initialize` ran.
    pub initialized_at: u64,
    /// When the pause was last lifted (0 when never).
    pub resumed_at: u64,
    /// Queued parameter changes, in the order they were queued.
    pub pending: Vec<PendingParam>,
}

/// A queued parameter change (`config::PendingParam`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PendingParam {
    /// Index into [`PARAMS`].
    pub index: usize,
    /// The new value.
    pub value: u64,
    /// From when `apply_param` accepts it.
    pub effective_at: u64,
}

impl Config {
    /// A parameter's value.
    pub fn get(&self, p: Param) -> u64 {
        self.params[p.index]
    }

    /// The queued change of parameter `index` (`config::pending_param`).
    pub fn pending_of(&self, index: usize) -> Option<(usize, PendingParam)> {
        self.pending
            .iter()
            .copied()
            .enumerate()
            .find(|(_, p)| p.index == index)
    }
}

/// `config::param_index`: the parameter called `name`, or `EUnknownParam`.
fn param_named(name: &str) -> Result<&'static Param, Abort> {
    params::param(name).ok_or(Abort::Code(e::EUnknownParam))
}

/// `config::checked_index`: the parameter, checked to accept `value`.
fn checked_param(name: &str, value: u64) -> Result<&'static Param, Abort> {
    let p = param_named(name)?;
    ensure(!params::is_fixed(p), e::EParamFixed)?;
    ensure(value >= p.min && value <= p.max, e::EParamOutOfRange)?;
    Ok(p)
}

/// `config::payment_unit()`: one whole unit of the payment asset.
pub fn payment_unit(c: &Chain) -> Result<u64, Abort> {
    let asset = get(c)?.payment_asset;
    Ok(params::unit_of(c.asset_decimals(asset)))
}

/// `config::borrow()`: the configuration, or `ENotInitialized`.
pub fn get(c: &Chain) -> Result<&Config, Abort> {
    c.config.as_ref().ok_or(Abort::Code(e::ENotInitialized))
}

/// A parameter's value (`config::epoch_secs()` …), `ENotInitialized` before `initialize`.
pub fn param(c: &Chain, p: Param) -> Result<u64, Abort> {
    get(c).map(|cfg| cfg.get(p))
}

/// `config::assert_not_paused()`.
pub fn assert_not_paused(c: &Chain) -> Result<(), Abort> {
    ensure(!get(c)?.paused, e::EPaused)
}

/// `config::assert_admin(account)`.
pub fn assert_admin(c: &Chain, account: AccountAddress) -> Result<(), Abort> {
    ensure(get(c)?.admin == account, e::ENotAdmin)
}

/// `config::is_attester(a)` (false before `initialize`).
pub fn is_attester(c: &Chain, a: AccountAddress) -> bool {
    c.config
        .as_ref()
        .is_some_and(|cfg| cfg.attesters.contains(&a))
}

/// `config::is_arbiter(a)` (false before `initialize`).
pub fn is_arbiter(c: &Chain, a: AccountAddress) -> bool {
    c.config
        .as_ref()
        .is_some_and(|cfg| cfg.arbiters.contains(&a))
}

/// `config::is_admin(a)` (false before `initialize`).
pub fn is_admin(c: &Chain, a: AccountAddress) -> bool {
    c.config.as_ref().is_some_and(|cfg| cfg.admin == a)
}

fn config_mut(c: &mut Chain) -> &mut Config {
    c.config.as_mut().expect("checked by the caller")
}

/// Executes a `config` entry function.
pub fn execute(c: &mut Chain, tx: &Tx, call: &Call) -> Outcome {
    let sender = tx.sender;
    match call {
        Call::Initialize {
            payment_asset,
            treasury,
            arbiter,
        } => {
            c.object(*payment_asset, ObjectKind::Asset)?;
            ensure(sender == c.package.address, e::ENotDeployer)?;
            ensure(c.config.is_none(), e::EAlreadyInitialized)?;
            ensure(
                *treasury != AccountAddress::ZERO && *arbiter != AccountAddress::ZERO,
                e::EZeroAddress,
            )?;
            let decimals = c.asset_decimals(*payment_asset);
            let mut values: Vec<u64> = PARAMS.iter().map(|p| p.default).collect();
            values[params::VIP_CREATOR_SPEND.index] = params::vip_creator_spend_default(decimals);
            values[params::MIN_PRICE_PER_FRAME.index] =
                params::min_price_per_frame_default(decimals);
            values[params::MIN_PRICE_PER_IB_HOUR.index] =
                params::min_price_per_ib_hour_default(decimals);
            c.config = Some(Config {
                admin: sender,
                pending_admin: AccountAddress::ZERO,
                paused: false,
                payment_asset: *payment_asset,
                treasury: *treasury,
                arbiters: vec![*arbiter],
                attesters: vec![],
                params: values.clone(),
                initialized_at: tx.now,
                resumed_at: 0,
                pending: vec![],
            });
            let mut out = vec![
                LumenEvent::ConfigInitialized(ConfigInitialized {
                    admin: sender,
                    payment_asset: *payment_asset,
                    treasury: *treasury,
                    arbiter: *arbiter,
                    decimals,
                }),
                LumenEvent::ArbiterAdded(ArbiterAdded { arbiter: *arbiter }),
            ];
            out.extend(PARAMS.iter().zip(values).map(|(p, value)| {
                LumenEvent::ParamsUpdated(ParamsUpdated {
                    name: p.name.to_string(),
                    old_value: 0,
                    new_value: value,
                })
            }));
            Ok(out)
        }
        Call::ProposeAdmin { new_admin } => {
            assert_admin(c, sender)?;
            ensure(*new_admin != AccountAddress::ZERO, e::EZeroAddress)?;
            let cfg = config_mut(c);
            cfg.pending_admin = *new_admin;
            Ok(vec![LumenEvent::AdminProposed(AdminProposed {
                admin: cfg.admin,
                proposed: *new_admin,
            })])
        }
        Call::AcceptAdmin {} => {
            let cfg = get(c)?;
            ensure(
                cfg.pending_admin != AccountAddress::ZERO && cfg.pending_admin == sender,
                e::ENotPendingAdmin,
            )?;
            let cfg = config_mut(c);
            let old_admin = cfg.admin;
            cfg.admin = sender;
            cfg.pending_admin = AccountAddress::ZERO;
            Ok(vec![LumenEvent::AdminTransferred(AdminTransferred {
                old_admin,
                new_admin: sender,
            })])
        }
        Call::SetPaused { paused } => {
            assert_admin(c, sender)?;
            let cfg = config_mut(c);
            if cfg.paused && !*paused {
                cfg.resumed_at = tx.now;
            }
            cfg.paused = *paused;
            Ok(vec![LumenEvent::PausedSet(PausedSet { paused: *paused })])
        }
        Call::SetTreasury { treasury } => {
            assert_admin(c, sender)?;
            ensure(*treasury != AccountAddress::ZERO, e::EZeroAddress)?;
            config_mut(c).treasury = *treasury;
            Ok(vec![LumenEvent::TreasurySet(TreasurySet {
                treasury: *treasury,
            })])
        }
        Call::AddArbiter { arbiter } => {
            assert_admin(c, sender)?;
            ensure(*arbiter != AccountAddress::ZERO, e::EZeroAddress)?;
            let arbiters = &mut config_mut(c).arbiters;
            ensure(!arbiters.contains(arbiter), e::EArbiterExists)?;
            arbiters.push(*arbiter);
            Ok(vec![LumenEvent::ArbiterAdded(ArbiterAdded {
                arbiter: *arbiter,
            })])
        }
        Call::RemoveArbiter { arbiter } => {
            assert_admin(c, sender)?;
            let arbiters = &mut config_mut(c).arbiters;
            let index = arbiters.iter().position(|a| a == arbiter);
            let index = index.ok_or(Abort::Code(e::EArbiterNotFound))?;
            arbiters.remove(index);
            Ok(vec![LumenEvent::ArbiterRemoved(ArbiterRemoved {
                arbiter: *arbiter,
            })])
        }
        Call::AddAttester { attester } => {
            assert_admin(c, sender)?;
            ensure(*attester != AccountAddress::ZERO, e::EZeroAddress)?;
            let attesters = &mut config_mut(c).attesters;
            ensure(!attesters.contains(attester), e::EAttesterExists)?;
            attesters.push(*attester);
            Ok(vec![LumenEvent::AttesterAdded(AttesterAdded {
                attester: *attester,
            })])
        }
        Call::RemoveAttester { attester } => {
            assert_admin(c, sender)?;
            let attesters = &mut config_mut(c).attesters;
            let index = attesters.iter().position(|a| a == attester);
            let index = index.ok_or(Abort::Code(e::EAttesterNotFound))?;
            attesters.remove(index);
            Ok(vec![LumenEvent::AttesterRemoved(AttesterRemoved {
                attester: *attester,
            })])
        }
        Call::SetParam { name, value } => {
            assert_admin(c, sender)?;
            let p = checked_param(name, *value)?;
            let cfg = config_mut(c);
            let effective_at = tx.now + cfg.get(params::PARAM_DELAY_SECS);
            if let Some((at, _)) = cfg.pending_of(p.index) {
                cfg.pending.remove(at);
            }
            cfg.pending.push(PendingParam {
                index: p.index,
                value: *value,
                effective_at,
            });
            Ok(vec![LumenEvent::ParamChangeQueued(ParamChangeQueued {
                name: name.clone(),
                old_value: cfg.get(*p),
                new_value: *value,
                effective_at,
            })])
        }
        Call::ApplyParam { name } => {
            let p = param_named(name)?;
            let (at, change) = get(c)?
                .pending_of(p.index)
                .ok_or(Abort::Code(e::ENoPendingChange))?;
            ensure(tx.now >= change.effective_at, e::EChangeNotDue)?;
            let cfg = config_mut(c);
            cfg.pending.remove(at);
            let old_value = std::mem::replace(&mut cfg.params[p.index], change.value);
            Ok(vec![LumenEvent::ParamsUpdated(ParamsUpdated {
                name: name.clone(),
                old_value,
                new_value: change.value,
            })])
        }
        Call::CancelParam { name } => {
            assert_admin(c, sender)?;
            let p = param_named(name)?;
            let (at, change) = get(c)?
                .pending_of(p.index)
                .ok_or(Abort::Code(e::ENoPendingChange))?;
            config_mut(c).pending.remove(at);
            Ok(vec![LumenEvent::ParamChangeCancelled(
                ParamChangeCancelled {
                    name: name.clone(),
                    value: change.value,
                },
            )])
        }
    }
}
