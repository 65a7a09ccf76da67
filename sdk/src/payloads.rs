//! A typed builder for every entry function of the Move package, and the
//! way back: [`Call`] decodes an [`EntryFunction`]'s BCS arguments into a
//! typed call and renders them as the REST API prints them.
//!
//! Each builder returns an aptos-sdk [`EntryFunction`] (`.into()` gives a
//! [`TransactionPayload`](aptos_sdk::transaction::TransactionPayload)) whose
//! function id is `<package>::<module>::<name>` and whose arguments are the
//! BCS bytes of the Move parameters after the `&signer`, in declaration
//! order: `address` and `Object<T>` as 32 bytes, `u64` as 8 bytes
//! little-endian, `u8` one byte, `bool` one byte, `String` and `vector<u8>`
//! ULEB128 length + bytes, other vectors ULEB128 count + elements.
//! [`ENTRY_FUNCTIONS`] lists them all with their parameter names and Move
//! types, so a test can compare against `move/sources`.
//!
//! [`Call::decode`] is the decoder a node or a model of the contract needs:
//! `escrow::Call::AcceptOffer { job, price_per_frame, .. }` from the bytes,
//! with a [`CallError`] naming the function and argument that did not fit.
//! [`Call::rest_arguments`] (and [`rest_arguments`] for an `EntryFunction`)
//! gives the `payload.arguments` of the REST JSON (`u64` as decimal strings,
//! `Object<T>` as `{"inner": "0x…"}`), so a REST writer never spells an
//! argument a second time.

use aptos_sdk::crypto::{Ed25519PublicKey, Ed25519Signature};
use aptos_sdk::transaction::EntryFunction;
use aptos_sdk::types::AccountAddress;
use serde_json::Value;

use crate::envelope::OfferEnvelope;
use crate::keys::AccountKey;
use crate::messages::{AssignmentOffer, BenchmarkReport};
#[allow(unused_imports)]
use crate::movejson::MoveJson;
use crate::package::Package;

/// An entry function of the package: module, name and the names of its
/// parameters after the signer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntryFunctionInfo {
    /// Move module.
    pub module: &'static str,
    /// Function name.
    pub name: &'static str,
    /// Parameter names after the `&signer`, in order.
    pub params: &'static [&'static str],
    /// The Rust types of the parameters, as written in the builder.
    pub types: &'static [&'static str],
    /// The Move types of the parameters (`Object<Job>`, `u64`, `vector<u8>` …).
    pub move_types: &'static [&'static str],
    /// What the function does and who may call it.
    pub doc: &'static str,
}

/// An entry function whose arguments do not decode as the package declares them.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CallError {
    /// Another address, module or function than the package's.
    #[error("{0} is not an entry function of the package")]
    Unknown(String),
    /// Type arguments were given (no entry function of the package is generic).
    #[error("{function}: takes no type arguments")]
    TypeArguments {
        /// `module::name`.
        function: String,
    },
    /// Not as many arguments as parameters.
    #[error("{function}: expected {expected} arguments, got {got}")]
    Arity {
        /// `module::name`.
        function: String,
        /// Parameters after the signer.
        expected: usize,
        /// Arguments given.
        got: usize,
    },
    /// An argument's bytes (or JSON) are not a value of its type.
    #[error("{function}: argument `{param}` is not a valid {move_type}: {reason}")]
    Argument {
        /// `module::name`.
        function: String,
        /// The parameter.
        param: &'static str,
        /// Its Move type.
        move_type: &'static str,
        /// What did not fit.
        reason: String,
    },
}

fn arg<T: serde::Serialize + ?Sized>(v: &T) -> Vec<u8> {
    aptos_bcs::to_bytes(v).expect("BCS of plain values cannot fail")
}

/// An entry function's argument as a call carries it: BCS bytes, or REST
/// JSON.
trait Arg {
    /// The value, or why it is not one of type `T`.
    fn read<T: serde::de::DeserializeOwned + MoveJson>(&self) -> Result<T, String>;
}

impl Arg for Vec<u8> {
    fn read<T: serde::de::DeserializeOwned + MoveJson>(&self) -> Result<T, String> {
        aptos_bcs::from_bytes(self).map_err(|e| e.to_string())
    }
}

impl Arg for Value {
    fn read<T: serde::de::DeserializeOwned + MoveJson>(&self) -> Result<T, String> {
        T::from_move_json(self)
    }
}

/// The argument `param` (Move type `move_type`) of `function`.
fn read_arg<T: serde::de::DeserializeOwned + MoveJson>(
    function: &str,
    param: &'static str,
    move_type: &'static str,
    value: &impl Arg,
) -> Result<T, CallError> {
    value.read().map_err(|reason| CallError::Argument {
        function: function.to_string(),
        param,
        move_type,
        reason,
    })
}

/// The owned type of a parameter: the `as` type when given, else the builder's.
macro_rules! owned {
    ($t:ty) => {
        $t
    };
    ($t:ty, $o:ty) => {
        $o
    };
}

/// The Move type of a parameter: the `=` literal for objects, else its JSON twin's.
macro_rules! move_type {
    ($o:ty) => {
        <$o as MoveJson>::MOVE_TYPE
    };
    ($o:ty, $mv:literal) => {
        $mv
    };
}

/// The REST JSON of an argument: objects as `{"inner": "0x…"}`.
macro_rules! rest_json {
    ($v:expr) => { $v.to_move_json() };
    ($v:expr, $mv:literal) => { serde_json::json!({ "inner": $v.to_move_json() }) };
}

macro_rules! entry_functions {
    ($(
        $module:ident as $Module:ident {
            $(
                $(#[doc = $doc:literal])*
                $Variant:ident => fn $name:ident ( $( $p:ident : $t:ty $(as $o:ty)? $(= $mv:literal)? ),* $(,)? );
            )*
        }
    )*) => {
        $(
            #[doc = concat!("Entry functions of the `", stringify!($module), "` module.")]
            pub mod $module {
                #[allow(unused_imports)]
                use super::*;
                $(
                    $(#[doc = $doc])*
                    #[doc = ""]
                    #[doc = concat!("Move: `", stringify!($module), "::", stringify!($name),
                        "(&signer", $( ", ", stringify!($p), ": ", stringify!($t), )* ")`.")]
                    #[allow(clippy::too_many_arguments)]
                    pub fn $name(package: &Package $(, $p: $t)*) -> EntryFunction {
                        EntryFunction::new(
                            package.module_id(stringify!($module)),
                            stringify!($name),
                            vec![],
                            vec![$(arg(&$p)),*],
                        )
                    }
                )*

                #[doc = concat!("A call of an entry function of `", stringify!($module), "`, its arguments decoded.")]
                #[derive(Clone, Debug, PartialEq, Eq)]
                pub enum Call {
                    $(
                        $(#[doc = $doc])*
                        $Variant {
                            $(
                                #[doc = concat!("`", stringify!($p), "`.")]
                                $p: owned!($t $(, $o)?),
                            )*
                        },
                    )*
                }

                impl Call {
                    /// The function's name (`create_job`).
                    pub fn name(&self) -> &'static str {
                        match self { $( Call::$Variant { .. } => stringify!($name), )* }
                    }

                    /// The BCS arguments, in order.
                    pub fn args(&self) -> Vec<Vec<u8>> {
                        match self {
                            $( Call::$Variant { $($p),* } => vec![$(arg($p)),*], )*
                        }
                    }

                    /// The arguments as the REST API prints them, in order.
                    pub fn rest_arguments(&self) -> Vec<Value> {
                        match self {
                            $( Call::$Variant { $($p),* } => vec![$(rest_json!($p $(, $mv)?)),*], )*
                        }
                    }

                    pub(super) fn from_args<A: Arg>(name: &str, args: &[A]) -> Result<Self, CallError> {
                        match name {
                            $(
                                stringify!($name) => {
                                    let function = concat!(stringify!($module), "::", stringify!($name));
                                    let params: &[&str] = &[$(stringify!($p)),*];
                                    if args.len() != params.len() {
                                        return Err(CallError::Arity {
                                            function: function.into(),
                                            expected: params.len(),
                                            got: args.len(),
                                        });
                                    }
                                    #[allow(unused_mut, unused_variables)]
                                    let mut it = args.iter();
                                    Ok(Call::$Variant {
                                        $( $p: read_arg(
                                            function,
                                            stringify!($p),
                                            move_type!(owned!($t $(, $o)?) $(, $mv)?),
                                            it.next().expect("counted"),
                                        )?, )*
                                    })
                                }
                            )*
                            other => Err(CallError::Unknown(format!("{}::{other}", stringify!($module)))),
                        }
                    }
                }
            }
        )*

        /// Every entry function of the package.
        pub const ENTRY_FUNCTIONS: &[EntryFunctionInfo] = &[$($(
            EntryFunctionInfo {
                module: stringify!($module),
                name: stringify!($name),
                params: &[$(stringify!($p)),*],
                types: &[$(stringify!($t)),*],
                move_types: &[$(move_type!(owned!($t $(, $o)?) $(, $mv)?)),*],
                doc: concat!($($doc),*),
            },
        )*)*];

        /// A decoded call of any entry function of the package.
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub enum Call {
            $(
                #[doc = concat!("A call into `", stringify!($module), "`.")]
                $Module($module::Call),
            )*
        }

        impl Call {
            /// The module (`escrow`).
            pub fn module(&self) -> &'static str {
                match self { $( Call::$Module(_) => stringify!($module), )* }
            }

            /// The function's name (`create_job`).
            pub fn name(&self) -> &'static str {
                match self { $( Call::$Module(c) => c.name(), )* }
            }

            /// The BCS arguments, in order.
            pub fn args(&self) -> Vec<Vec<u8>> {
                match self { $( Call::$Module(c) => c.args(), )* }
            }

            /// The arguments as the REST API prints them (`payload.arguments`).
            pub fn rest_arguments(&self) -> Vec<Value> {
                match self { $( Call::$Module(c) => c.rest_arguments(), )* }
            }

            fn from_args<A: Arg>(module: &str, name: &str, args: &[A]) -> Result<Self, CallError> {
                match module {
                    $( stringify!($module) => $module::Call::from_args(name, args).map(Call::$Module), )*
                    other => Err(CallError::Unknown(format!("{other}::{name}"))),
                }
            }
        }
    };
}

impl Call {
    /// Decodes a call of the package's entry function `f` (an error for any
    /// other function, type arguments, or arguments that do not fit).
    pub fn decode(package: &Package, f: &EntryFunction) -> Result<Self, CallError> {
        let module = f.module.name.as_str();
        let id = || {
            format!(
                "{}::{module}::{}",
                f.module.address.to_short_string(),
                f.function
            )
        };
        if f.module.address != package.address {
            return Err(CallError::Unknown(id()));
        }
        let call = Self::from_args(module, &f.function, &f.args).map_err(|e| match e {
            CallError::Unknown(_) => CallError::Unknown(id()),
            other => other,
        })?;
        if !f.type_args.is_empty() {
            return Err(CallError::TypeArguments {
                function: format!("{module}::{}", f.function),
            });
        }
        Ok(call)
    }

    /// Decodes a REST JSON payload's `module`, `function` and `arguments`
    /// (the shapes [`Call::rest_arguments`] writes; objects also as plain
    /// addresses).
    pub fn from_rest(module: &str, function: &str, args: &[Value]) -> Result<Self, CallError> {
        Self::from_args(module, function, args)
    }

    /// The entry function under `package`.
    pub fn entry_function(&self, package: &Package) -> EntryFunction {
        EntryFunction::new(
            package.module_id(self.module()),
            self.name(),
            vec![],
            self.args(),
        )
    }

    /// `<package>::<module>::<name>` (long address), as the REST API shows `payload.function`.
    pub fn function_id(&self, package: &Package) -> String {
        package.member(self.module(), self.name())
    }
}

/// The REST JSON `payload.arguments` of a call of the package's entry
/// function `f`, decoded from its BCS arguments by the Move types.
pub fn rest_arguments(package: &Package, f: &EntryFunction) -> Result<Vec<Value>, CallError> {
    Call::decode(package, f).map(|c| c.rest_arguments())
}

entry_functions! {
    config as Config {
        /// Once, by the package account: sets the payment asset (its `Object<Metadata>` address), treasury and arbiter.
        Initialize => fn initialize(payment_asset: AccountAddress = "Object<Metadata>", treasury: AccountAddress, arbiter: AccountAddress);
        /// Admin: first step of the admin transfer.
        ProposeAdmin => fn propose_admin(new_admin: AccountAddress);
        /// The proposed admin: second step.
        AcceptAdmin => fn accept_admin();
        /// Admin: the pause switch.
        SetPaused => fn set_paused(paused: bool);
        /// Admin: where fees go.
        SetTreasury => fn set_treasury(treasury: AccountAddress);
        /// Admin: add a member to the arbiter set (any member resolves disputes).
        AddArbiter => fn add_arbiter(arbiter: AccountAddress);
        /// Admin: remove a member of the arbiter set.
        RemoveArbiter => fn remove_arbiter(arbiter: AccountAddress);
        /// Admin: authorise an attester.
        AddAttester => fn add_attester(attester: AccountAddress);
        /// Admin: remove an attester.
        RemoveAttester => fn remove_attester(attester: AccountAddress);
        /// Admin: queue a parameter change by name (see [`crate::params`]); it applies after `param_delay_secs`.
        SetParam => fn set_param(name: &str as String, value: u64);
        /// Anyone, once the delay has passed: apply a queued parameter change.
        ApplyParam => fn apply_param(name: &str as String);
        /// Admin: withdraw a queued parameter change.
        CancelParam => fn cancel_param(name: &str as String);
    }
    attestation as Attestation {
        /// Worker (its account): register or rotate the device key of its render node.
        RegisterDeviceKey => fn register_device_key(device_public_key: &[u8] as Vec<u8>);
        /// Attester: submit a device-signed benchmark report with the score it measured (see [`attest_report`]).
        Attest => fn attest(worker: AccountAddress, device_id: &[u8] as Vec<u8>, gpu_model: &str as String, vram_mb: u64, score: u64, bench_version: u64, nonce: u64, measured_at: u64, device_public_key: &[u8] as Vec<u8>, device_signature: &[u8] as Vec<u8>);
        /// Admin (at once) or attesters (`attester_threshold` of them): revoke a worker's score.
        Revoke => fn revoke(worker: AccountAddress, reason: &str as String);
        /// Worker: release the device of its current report (its score ends).
        ReleaseDevice => fn release_device();
        /// Anyone: release a device whose score expired `device_release_grace_secs` ago.
        ReleaseExpiredDevice => fn release_expired_device(device_id: &[u8] as Vec<u8>);
        /// Admin: unbind a device.
        UnbindDevice => fn unbind_device(device_id: &[u8] as Vec<u8>);
    }
    staking as Staking {
        /// Worker: set the price per IB-hour.
        SetPrice => fn set_price(price_per_ib_hour: u64);
        /// Worker: add stake.
        Stake => fn stake(amount: u64);
        /// Worker: start unbonding `amount`.
        RequestUnstake => fn request_unstake(amount: u64);
        /// Worker: withdraw everything whose unbonding has passed.
        Withdraw => fn withdraw();
        /// Admin: move penalties to the treasury.
        SweepPenalties => fn sweep_penalties(amount: u64);
    }
    escrow as Escrow {
        /// Creator: create and fund a job (deposit `frames × max_price_per_frame`).
        CreateJob => fn create_job(spec_hash: &[u8] as Vec<u8>, frames: u64, max_price_per_frame: u64, min_score: u64, min_vram_mb: u64);
        /// Worker: accept a creator's signed offer (see [`accept_signed_offer`]).
        AcceptOffer => fn accept_offer(job: AccountAddress = "Object<Job>", price_per_frame: u64, render_deadline: u64, offer_expires_at: u64, nonce: u64, creator_public_key: &[u8] as Vec<u8>, creator_signature: &[u8] as Vec<u8>);
        /// Worker: submit the result.
        SubmitResult => fn submit_result(job: AccountAddress = "Object<Job>", frames_done: u64, output_root: &[u8] as Vec<u8>);
        /// Creator: accept frames; all submitted frames pay at once, fewer open the worker's response window.
        Confirm => fn confirm(job: AccountAddress = "Object<Job>", frames_accepted: u64);
        /// Worker: agree to a partial acceptance (pays the accepted frames).
        AcceptPartial => fn accept_partial(job: AccountAddress = "Object<Job>");
        /// Creator: ask for frames again (the deadline at least `JobTerms.min_rerender_secs` away).
        RequestRerender => fn request_rerender(job: AccountAddress = "Object<Job>", frames: u64, render_deadline: u64);
        /// Anyone: settle a job whose review window, response window or dispute timeout passed.
        Finalize => fn finalize(job: AccountAddress = "Object<Job>");
        /// Creator: refund a job that never delivered by its deadline (slashes its collateral).
        Reclaim => fn reclaim(job: AccountAddress = "Object<Job>");
        /// Creator: cancel an open job.
        Cancel => fn cancel(job: AccountAddress = "Object<Job>");
        /// Creator (a submission), worker (a partial acceptance) or either (a missed rerender): open a dispute.
        Dispute => fn dispute(job: AccountAddress = "Object<Job>", reason_hash: &[u8] as Vec<u8>);
        /// A member of the arbiter set: settle a dispute.
        Resolve => fn resolve(job: AccountAddress = "Object<Job>", frames_to_pay: u64);
        /// Creator: withdraw every offer signed with `nonce`.
        BurnNonce => fn burn_nonce(nonce: u64);
        /// Anyone: withdraw its claimable balance (settlement legs a frozen store could not take).
        Withdraw => fn withdraw();
    }
    rewards as Rewards {
        /// Attester: report online seconds of workers for an epoch (equal-length vectors).
        ReportUptime => fn report_uptime(epoch: u64, workers: &[AccountAddress] as Vec<AccountAddress>, online_secs: &[u64] as Vec<u64>);
        /// Anyone: add to an epoch's pool.
        FundEpoch => fn fund_epoch(epoch: u64, amount: u64);
        /// Anyone, after the grace period: close an epoch.
        CloseEpoch => fn close_epoch(epoch: u64);
        /// Worker: claim an epoch's reward.
        Claim => fn claim(epoch: u64);
    }
    offers as Offers {
        /// Worker: accept an offer the creator signed through its wallet's `signMessage` (see [`accept_envelope_offer`]).
        AcceptOfferEnvelope => fn accept_offer_envelope(job: AccountAddress = "Object<Job>", price_per_frame: u64, render_deadline: u64, offer_expires_at: u64, nonce: u64, wallet_address: &str as String, wallet_application: &str as String, wallet_chain_id: bool, key_scheme: u8, creator_public_key: &[u8] as Vec<u8>, creator_signature: &[u8] as Vec<u8>);
        /// Creator (any account, keyless and multisig included): offer an Open job to a worker on chain.
        PublishOffer => fn publish_offer(job: AccountAddress = "Object<Job>", worker: AccountAddress, price_per_frame: u64, render_deadline: u64, offer_expires_at: u64, nonce: u64);
        /// Worker: accept the offer the creator published, restating its terms.
        AcceptPublishedOffer => fn accept_published_offer(job: AccountAddress = "Object<Job>", price_per_frame: u64, render_deadline: u64, offer_expires_at: u64, nonce: u64);
    }
    vip as Vip {
        /// User: mint the VIP pass for a role (0 creator, 1 worker) when eligible.
        Claim => fn claim(role: u8);
        /// Admin: burn a holder's pass and ban it from the role.
        Revoke => fn revoke(holder: AccountAddress, role: u8);
        /// Anyone: burn a pass whose holder no longer qualifies.
        Expire => fn expire(holder: AccountAddress, role: u8);
        /// Admin: let a revoked holder claim the role again.
        LiftBan => fn lift_ban(holder: AccountAddress, role: u8);
    }
    campaign as Campaign {
        /// User: today's check-in (one per UTC day; see [`crate::formulas::campaign::day_reward`]).
        CheckIn => fn check_in();
        /// Operator: grant social task `task_id` to `user`, `points` in micro-points (once per user and task).
        GrantSocialTask => fn grant_social_task(user: AccountAddress, task_id: u64, points: u64);
        /// User: register the account that referred it (once; not itself; a referrer that joined before it).
        RegisterReferral => fn register_referral(referrer: AccountAddress);
        /// Anyone: add to the campaign pool.
        Fund => fn fund(amount: u64);
        /// Anyone, once, after the campaign and its grace period: pay the on-chain leaderboard.
        PayLeaderboard => fn pay_leaderboard();
        /// Admin: who grants social tasks and pays the leaderboard.
        SetOperator => fn set_operator(operator: AccountAddress);
        /// Admin: the campaign period `[start, end)`.
        SetPeriod => fn set_period(start: u64, end: u64);
        /// Admin: base units of the payment asset per credit.
        SetCreditValue => fn set_credit_value(credit_value: u64);
        /// Admin: per-user payout of the 5 tiers (see [`crate::formulas::campaign::TIER_LAST_RANKS`]).
        SetTierAmounts => fn set_tier_amounts(amounts: &[u64] as Vec<u64>);
        /// Admin: move `amount` of the pool to the treasury (never what the leaderboard may be owed).
        Sweep => fn sweep(amount: u64);
    }
}

/// `attestation::attest` for a device-signed [`BenchmarkReport`] with the
/// attester's measured `score`; the report's `chain_id` is not an argument
/// (the contract uses `chain_id::get()`).
pub fn attest_report(
    package: &Package,
    report: &BenchmarkReport,
    score: u64,
    device_public_key: &Ed25519PublicKey,
    device_signature: &Ed25519Signature,
) -> EntryFunction {
    attestation::attest(
        package,
        report.worker,
        &report.device_id,
        &report.gpu_model,
        report.vram_mb,
        score,
        report.bench_version,
        report.nonce,
        report.measured_at,
        &device_public_key.to_bytes(),
        &device_signature.to_bytes(),
    )
}

/// `escrow::accept_offer` for a signed [`AssignmentOffer`].
pub fn accept_signed_offer(
    package: &Package,
    offer: &AssignmentOffer,
    creator_public_key: &Ed25519PublicKey,
    creator_signature: &Ed25519Signature,
) -> EntryFunction {
    escrow::accept_offer(
        package,
        offer.job,
        offer.price_per_frame,
        offer.render_deadline,
        offer.offer_expires_at,
        offer.nonce,
        &creator_public_key.to_bytes(),
        &creator_signature.to_bytes(),
    )
}

/// `offers::accept_offer_envelope` for an offer a wallet signed as text: the
/// envelope's header lines, the creator's key (any scheme) and the signature
/// bytes of that scheme ([`AccountKey::signature_bytes`]).
pub fn accept_envelope_offer(
    package: &Package,
    envelope: &OfferEnvelope,
    creator_key: &AccountKey,
    creator_signature: &[u8],
) -> EntryFunction {
    let o = &envelope.offer;
    offers::accept_offer_envelope(
        package,
        o.job,
        o.price_per_frame,
        o.render_deadline,
        o.offer_expires_at,
        o.nonce,
        envelope.header.address.as_deref().unwrap_or(""),
        envelope.header.application.as_deref().unwrap_or(""),
        envelope.header.chain_id,
        creator_key.scheme(),
        &creator_key.public_key_bytes(),
        creator_signature,
    )
}

/// `offers::publish_offer` of `offer` (its `chain_id` is the chain's).
pub fn publish_offer(package: &Package, offer: &AssignmentOffer) -> EntryFunction {
    offers::publish_offer(
        package,
        offer.job,
        offer.worker,
        offer.price_per_frame,
        offer.render_deadline,
        offer.offer_expires_at,
        offer.nonce,
    )
}

/// `offers::accept_published_offer` restating `offer`'s terms.
pub fn accept_published_offer(package: &Package, offer: &AssignmentOffer) -> EntryFunction {
    offers::accept_published_offer(
        package,
        offer.job,
        offer.price_per_frame,
        offer.render_deadline,
        offer.offer_expires_at,
        offer.nonce,
    )
}

#[cfg(test)]
mod tests;
