//! Every `#[event]` struct of the Move package, decoded from the fullnode
//! REST JSON.
//!
//! A module event in a REST transaction looks like
//! `{"guid": {"creation_number": "0", "account_address": "0x0"},
//! "sequence_number": "0", "type": "0xcafe::escrow::JobCreated",
//! "data": {"job": "0x1a…", "job_id": "3", …}}`. [`LumenEvent::decode`] takes
//! the `type` and `data` and returns the typed event; [`LumenEvent::decode_rest`]
//! takes the whole object. Types outside the package (`0x1::…` framework
//! events in the same transaction) decode to `Ok(None)`; a type of the package
//! whose data does not fit the struct is a [`DecodeError`] naming the event
//! type and the field, never a panic.
//!
//! Field names and order are those of `move/README.md`; `u64`/`u128` are
//! decimal strings, addresses short or long hex, `vector<u8>` `0x` hex (see
//! [`crate::movejson`]). Unknown fields are rejected: Move forbids changing a
//! published struct's layout, so an extra field means the package and this
//! crate disagree.

use aptos_sdk::types::AccountAddress;
use serde_json::{Map, Value};

use crate::movejson::MoveJson;
use crate::package::Package;

/// An event whose JSON does not fit its Move struct.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot decode event {event_type}: field `{field}`: {reason}")]
pub struct DecodeError {
    /// The full type string as given (`0xcafe::escrow::JobCreated`).
    pub event_type: String,
    /// The field that did not fit (`data` for the whole payload, `type` for
    /// the type string).
    pub field: String,
    /// What was wrong with it.
    pub reason: String,
}

/// The shape of one event struct.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EventSchema {
    /// Declaring module.
    pub module: &'static str,
    /// Struct name.
    pub name: &'static str,
    /// Field names in declaration order.
    pub fields: &'static [&'static str],
    /// Rust types of the fields.
    pub types: &'static [&'static str],
}

fn field<T: MoveJson>(
    event_type: &str,
    data: &Map<String, Value>,
    name: &str,
) -> Result<T, DecodeError> {
    let err = |reason: String| DecodeError {
        event_type: event_type.to_string(),
        field: name.to_string(),
        reason,
    };
    let v = data
        .get(name)
        .ok_or_else(|| err(format!("missing (expected {})", T::MOVE_TYPE)))?;
    T::from_move_json(v).map_err(err)
}

/// Declares the events, grouped by their Move module: each group is
/// `module => Variant(ModuleEnum) { Event { field: Type, … } … }`, which names
/// the module's variant of [`ByModule`] and its enum of borrowed events.
macro_rules! lumen_events {
    ($(
        $module:ident => $variant:ident($by_module:ident) {
            $(
                $(#[doc = $doc:literal])*
                $name:ident { $( $field:ident : $ty:ty ),* $(,)? }
            )*
        }
    )*) => {
        $($(
            $(#[doc = $doc])*
            #[doc = ""]
            #[doc = concat!("Move: `", stringify!($module), "::", stringify!($name), " { ",
                $( stringify!($field), ": ", stringify!($ty), ", ", )* "}`.")]
            #[derive(Clone, Debug, PartialEq, Eq)]
            pub struct $name {
                $(
                    #[doc = concat!("Move field `", stringify!($field), "`.")]
                    pub $field: $ty,
                )*
            }

            impl $name {
                /// The Move module that declares the event.
                pub const MODULE: &'static str = stringify!($module);
                /// The struct's name.
                pub const NAME: &'static str = stringify!($name);
                /// Field names in declaration order.
                pub const FIELDS: &'static [&'static str] = &[$(stringify!($field)),*];
                /// The Rust types of the fields, in order.
                pub const FIELD_TYPES: &'static [&'static str] = &[$(stringify!($ty)),*];

                /// Decodes the `data` object of a REST event; `event_type` is
                /// only used in errors.
                pub fn from_json(event_type: &str, data: &Value) -> Result<Self, DecodeError> {
                    let map = data.as_object().ok_or_else(|| DecodeError {
                        event_type: event_type.to_string(),
                        field: "data".into(),
                        reason: format!("expected a JSON object, got {data}"),
                    })?;
                    if let Some(extra) = map.keys().find(|k| !Self::FIELDS.contains(&k.as_str())) {
                        return Err(DecodeError {
                            event_type: event_type.to_string(),
                            field: extra.clone(),
                            reason: "not a field of the Move struct".into(),
                        });
                    }
                    Ok(Self { $( $field: field(event_type, map, stringify!($field))?, )* })
                }

                /// The REST JSON `data` object of this event.
                pub fn to_json(&self) -> Value {
                    let mut m = Map::new();
                    $( m.insert(stringify!($field).to_string(), self.$field.to_move_json()); )*
                    Value::Object(m)
                }

                /// The event's BCS bytes, as Move's `bcs::to_bytes` of the struct.
                pub fn bcs(&self) -> Vec<u8> {
                    let mut out = vec![];
                    $( out.extend(aptos_bcs::to_bytes(&self.$field).expect("BCS of plain values cannot fail")); )*
                    out
                }
            }
        )*)*

        /// Any event of the package, keyed by its full type string.
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub enum LumenEvent {
            $($(
                #[doc = concat!("`", stringify!($module), "::", stringify!($name), "`.")]
                $name($name),
            )*)*
        }

        /// An event borrowed from a [`LumenEvent`], by the Move module that
        /// declares it ([`LumenEvent::by_module`]).
        ///
        /// A consumer that reads a few modules matches those modules' events
        /// one by one and ignores every other module in one arm: the match
        /// stays exhaustive (a new event of a module it reads is a compile
        /// error until it decides), without listing every event it ignores.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum ByModule<'a> {
            $(
                #[doc = concat!("An event of `", stringify!($module), "`.")]
                $variant($by_module<'a>),
            )*
        }

        $(
            #[doc = concat!("An event of the `", stringify!($module),
                "` module, borrowed ([`ByModule::", stringify!($variant), "`]).")]
            #[derive(Clone, Copy, Debug, PartialEq, Eq)]
            pub enum $by_module<'a> {
                $(
                    #[doc = concat!("`", stringify!($module), "::", stringify!($name), "`.")]
                    $name(&'a $name),
                )*
            }
        )*

        /// `(module, event)` of every `#[event]` struct of the package.
        pub const ALL_EVENTS: &[(&str, &str)] = &[$($((stringify!($module), stringify!($name))),*),*];

        /// Every event with its fields: `(module, event, field names, Rust field types)`.
        pub const EVENT_SCHEMAS: &[EventSchema] = &[$($(EventSchema {
            module: stringify!($module),
            name: stringify!($name),
            fields: $name::FIELDS,
            types: $name::FIELD_TYPES,
        }),*),*];

        impl LumenEvent {
            fn decode_named(
                module: &str,
                name: &str,
                event_type: &str,
                data: &Value,
            ) -> Option<Result<Self, DecodeError>> {
                match (module, name) {
                    $($(
                        (stringify!($module), stringify!($name)) =>
                            Some($name::from_json(event_type, data).map(LumenEvent::$name)),
                    )*)*
                    _ => None,
                }
            }

            /// The declaring module (`escrow`).
            pub fn module(&self) -> &'static str {
                match self { $($( LumenEvent::$name(_) => stringify!($module), )*)* }
            }

            /// The struct name (`JobCreated`).
            pub fn name(&self) -> &'static str {
                match self { $($( LumenEvent::$name(_) => stringify!($name), )*)* }
            }

            /// The event, borrowed, under its declaring module.
            pub fn by_module(&self) -> ByModule<'_> {
                match self {
                    $($( LumenEvent::$name(e) => ByModule::$variant($by_module::$name(e)), )*)*
                }
            }

            /// The REST JSON `data` object.
            pub fn to_json(&self) -> Value {
                match self { $($( LumenEvent::$name(e) => e.to_json(), )*)* }
            }

            /// The event's BCS bytes (Move's `bcs::to_bytes` of the struct).
            pub fn bcs(&self) -> Vec<u8> {
                match self { $($( LumenEvent::$name(e) => e.bcs(), )*)* }
            }
        }
    };
}

lumen_events! {
    config => Config(ConfigEvent) {
        /// The package was initialised (`decimals` of the payment asset: amounts are in its base units).
        ConfigInitialized { admin: AccountAddress, payment_asset: AccountAddress, treasury: AccountAddress, arbiter: AccountAddress, decimals: u8 }
        /// A parameter took its new value (`apply_param`; also emitted once per parameter at initialisation, old value 0).
        ParamsUpdated { name: String, old_value: u64, new_value: u64 }
        /// The admin proposed a successor.
        AdminProposed { admin: AccountAddress, proposed: AccountAddress }
        /// The proposed admin accepted.
        AdminTransferred { old_admin: AccountAddress, new_admin: AccountAddress }
        /// The pause switch changed.
        PausedSet { paused: bool }
        /// The treasury changed.
        TreasurySet { treasury: AccountAddress }
        /// An arbiter joined the arbiter set (also emitted for the first one at initialisation).
        ArbiterAdded { arbiter: AccountAddress }
        /// An arbiter left the arbiter set.
        ArbiterRemoved { arbiter: AccountAddress }
        /// An attester was authorised.
        AttesterAdded { attester: AccountAddress }
        /// An attester was removed.
        AttesterRemoved { attester: AccountAddress }
        /// The admin queued a parameter change; anyone applies it from `effective_at`.
        ParamChangeQueued { name: String, old_value: u64, new_value: u64, effective_at: u64 }
        /// The admin withdrew a queued parameter change.
        ParamChangeCancelled { name: String, value: u64 }
    }
    attestation => Attestation(AttestationEvent) {
        /// A worker registered or rotated its device key (`previous_key` empty when it had none).
        DeviceKeyRegistered { worker: AccountAddress, device_public_key: Vec<u8>, previous_key: Vec<u8> }
        /// An attester submitted a device-signed report with the score it measured (one approval toward the threshold).
        AttestationSubmitted { attester: AccountAddress, worker: AccountAddress, nonce: u64, report_hash: Vec<u8>, score: u64, approvals: u64, threshold: u64 }
        /// A benchmark report took effect, or a later approval refined its score: the worker's score.
        ScoreAttested { worker: AccountAddress, device_id: Vec<u8>, gpu_model: String, vram_mb: u64, score: u64, bench_version: u64, nonce: u64, measured_at: u64, effective_at: u64, expires_at: u64, attesters: Vec<AccountAddress> }
        /// An attester asked to revoke a worker's current report (one request toward the threshold).
        RevocationSubmitted { attester: AccountAddress, worker: AccountAddress, nonce: u64, approvals: u64, threshold: u64 }
        /// A worker's score was revoked.
        ScoreRevoked { worker: AccountAddress, by: AccountAddress, reason: String }
        /// A device was unbound from its worker (`kind`: 1 by the worker, 2 expired long ago, 3 by the admin).
        DeviceReleased { device_id: Vec<u8>, worker: AccountAddress, by: AccountAddress, kind: u8 }
    }
    staking => Staking(StakingEvent) {
        /// A worker set its price.
        PriceSet { worker: AccountAddress, price_per_ib_hour: u64 }
        /// A worker added stake.
        Staked { worker: AccountAddress, amount: u64, total_stake: u64 }
        /// A worker started unbonding.
        UnstakeRequested { worker: AccountAddress, amount: u64, total_stake: u64, unbonding: u64, available_at: u64 }
        /// A worker withdrew unbonded stake.
        Withdrawn { worker: AccountAddress, amount: u64 }
        /// Bonded stake (now `total_stake`) was slashed into the penalty pool: a reclaimed job's collateral.
        Slashed { worker: AccountAddress, amount: u64, total_stake: u64, job: AccountAddress }
        /// Stake was locked as a job's collateral; `locked` is the worker's total locked.
        StakeLocked { worker: AccountAddress, job: AccountAddress, amount: u64, locked: u64 }
        /// A job's collateral was released; `locked` is the worker's total locked.
        StakeUnlocked { worker: AccountAddress, job: AccountAddress, amount: u64, locked: u64 }
        /// The penalty pool was swept to the treasury.
        PenaltiesSwept { amount: u64, treasury: AccountAddress }
    }
    escrow => Escrow(EscrowEvent) {
        /// A render job was created and funded.
        JobCreated { job: AccountAddress, job_id: u64, creator: AccountAddress, spec_hash: Vec<u8>, frames: u64, max_price_per_frame: u64, min_score: u64, min_vram_mb: u64, deposit: u64, created_at: u64 }
        /// A worker accepted a signed offer; the job's terms and collateral are fixed from here on.
        JobAssigned { job: AccountAddress, job_id: u64, creator: AccountAddress, worker: AccountAddress, price_per_frame: u64, render_deadline: u64, nonce: u64, worker_score: u64, refund: u64, assigned_at: u64, collateral: u64, worker_commission_bps: u64, review_window_secs: u64, max_rerenders: u64, min_rerender_secs: u64, response_window_secs: u64, dispute_timeout_secs: u64, offer_kind: u8 }
        /// The worker submitted its result.
        ResultSubmitted { job: AccountAddress, job_id: u64, worker: AccountAddress, frames_done: u64, output_root: Vec<u8>, review_deadline: u64, lease_secs: u64, submitted_at: u64 }
        /// The creator asked for frames to be rendered again.
        RerenderRequested { job: AccountAddress, job_id: u64, frames: u64, render_deadline: u64, rerenders: u64 }
        /// The creator accepted fewer frames than submitted; the worker answers by `response_deadline`.
        PartiallyAccepted { job: AccountAddress, job_id: u64, creator: AccountAddress, worker: AccountAddress, frames_done: u64, frames_accepted: u64, response_deadline: u64 }
        /// A job was paid out (confirmed, a partial acceptance agreed, or finalized after a window or a dispute timeout).
        JobCompleted { job: AccountAddress, job_id: u64, creator: AccountAddress, worker: AccountAddress, frames_paid: u64, gross: u64, worker_amount: u64, fee: u64, refund: u64, lease_secs: u64, finalized: bool }
        /// An open job was cancelled and refunded.
        JobCancelled { job: AccountAddress, job_id: u64, creator: AccountAddress, refund: u64 }
        /// The creator reclaimed a job that never delivered by its deadline; `slashed` is its collateral.
        JobReclaimed { job: AccountAddress, job_id: u64, creator: AccountAddress, worker: AccountAddress, refund: u64, slashed: u64 }
        /// A job was disputed; `timeout_frames` is what its timeout pays from `timeout_at` on.
        JobDisputed { job: AccountAddress, job_id: u64, by: AccountAddress, reason_hash: Vec<u8>, creator: AccountAddress, worker: AccountAddress, frames_done: u64, timeout_frames: u64, timeout_at: u64 }
        /// An arbiter settled a dispute.
        DisputeResolved { job: AccountAddress, job_id: u64, arbiter: AccountAddress, creator: AccountAddress, worker: AccountAddress, frames_paid: u64, gross: u64, worker_amount: u64, fee: u64, refund: u64, lease_secs: u64 }
        /// A creator burnt an offer nonce: no offer signed with it can be accepted.
        NonceBurned { creator: AccountAddress, nonce: u64 }
        /// A settlement leg could not reach a frozen store and was credited to `owner`'s claimable balance (now `total`).
        ClaimableCredited { owner: AccountAddress, job: AccountAddress, amount: u64, total: u64 }
        /// `owner` withdrew its whole claimable balance.
        ClaimableWithdrawn { owner: AccountAddress, amount: u64 }
    }
    offers => Offers(OffersEvent) {
        /// A creator published (or replaced) its offer of a job to a worker on chain.
        OfferPublished { job: AccountAddress, job_id: u64, creator: AccountAddress, worker: AccountAddress, price_per_frame: u64, render_deadline: u64, offer_expires_at: u64, nonce: u64, published_at: u64 }
    }
    rewards => Rewards(RewardsEvent) {
        /// An attester's vote on a worker's online time in an ended epoch, measured by its liveness challenges.
        UptimeVoted { epoch: u64, worker: AccountAddress, attester: AccountAddress, online_secs: u64, approvals: u64, threshold: u64 }
        /// An attester's repeated vote for a worker and epoch (a resent batch, or the worker twice in one) was skipped; its first vote stands.
        UptimeVoteSkipped { epoch: u64, worker: AccountAddress, attester: AccountAddress, online_secs: u64 }
        /// A worker's online time for an epoch took effect or changed (threshold-th largest vote; PoC weight, replacing an earlier one).
        UptimeReported { epoch: u64, worker: AccountAddress, attester: AccountAddress, online_secs: u64, score: u64, weight: u128 }
        /// A paid job added lease time to one epoch (PoD weight): one event per epoch its capped lease was split into.
        LeaseRecorded { epoch: u64, worker: AccountAddress, lease_secs: u64, score: u64, weight: u128 }
        /// An epoch's pool was funded.
        EpochFunded { epoch: u64, funder: AccountAddress, amount: u64, total: u64 }
        /// An epoch was closed and its pool split.
        EpochClosed { epoch: u64, pool: u64, poc_pool: u64, pod_pool: u64, total_poc_weight: u128, total_pod_weight: u128, rolled_over: u64 }
        /// A worker claimed its reward for an epoch.
        RewardClaimed { epoch: u64, worker: AccountAddress, poc_amount: u64, pod_amount: u64, amount: u64 }
    }
    vip => Vip(VipEvent) {
        /// A VIP pass was minted.
        VipMinted { holder: AccountAddress, role: u8, token: AccountAddress, minted_at: u64 }
        /// A VIP pass was revoked (burned) by the admin; the holder is banned from the role.
        VipRevoked { holder: AccountAddress, role: u8, token: AccountAddress, by: AccountAddress }
        /// A pass whose holder no longer qualified was burned (by anyone).
        VipExpired { holder: AccountAddress, role: u8, token: AccountAddress, by: AccountAddress }
        /// The admin lifted a holder's ban from a role.
        VipBanLifted { holder: AccountAddress, role: u8, by: AccountAddress }
    }
    campaign => Campaign(CampaignEvent) {
        /// A daily check-in: `day` is the UTC day, `cycle_day` the row of the 30-day table, `points` micro-points, `credits` and `credit_balance` micro-credits.
        CheckedIn { user: AccountAddress, day: u64, cycle_day: u64, streak: u64, points: u64, credits: u64, total_points: u64, credit_balance: u64 }
        /// A job spent 0.1 credit of its creator at creation (micro-credits).
        CreditSpent { user: AccountAddress, job: AccountAddress, amount: u64, balance: u64 }
        /// The operator granted a social task's points (micro-points).
        SocialTaskGranted { user: AccountAddress, task_id: u64, points: u64, total_points: u64, operator: AccountAddress }
        /// A referee registered its referrer.
        ReferralRegistered { referee: AccountAddress, referrer: AccountAddress, registered_at: u64 }
        /// A paid job that spent a credit earned render points for its creator (`role` 0) or worker (`role` 1).
        RenderPointsEarned { job: AccountAddress, user: AccountAddress, role: u8, gross: u64, points: u64, total_points: u64 }
        /// An eligible worker earned online points for the idle part of an epoch's uptime.
        OnlinePointsEarned { worker: AccountAddress, epoch: u64, idle_secs: u64, score: u64, points: u64, total_points: u64 }
        /// A referrer earned 10 % of points its referee earned (`source`: 0 check-in, 1 social task, 2 render, 3 online).
        ReferralPointsEarned { referrer: AccountAddress, referee: AccountAddress, source: u8, base_points: u64, points: u64, total_points: u64 }
        /// The campaign pool was funded.
        CampaignFunded { funder: AccountAddress, amount: u64, pool: u64 }
        /// One rank of the final leaderboard was paid (`tier` indexes `tier_amounts`).
        LeaderboardPaid { rank: u64, user: AccountAddress, points: u64, tier: u64, amount: u64, total_paid: u64, pool: u64 }
        /// The admin changed the campaign settings (all of them are carried).
        CampaignConfigured { operator: AccountAddress, start: u64, end: u64, credit_value: u64, tier_amounts: Vec<u64> }
        /// The admin moved part of the pool to the treasury (never what the leaderboard may be owed).
        PoolSwept { amount: u64, treasury: AccountAddress, pool: u64 }
    }
}

impl LumenEvent {
    /// Decodes one event given its full type string and its `data`.
    ///
    /// `Ok(None)` when the type is not an event of `package` (other
    /// addresses, or a name this crate does not know); an error when it is
    /// one and the data does not fit.
    pub fn decode(
        package: &Package,
        type_str: &str,
        data: &Value,
    ) -> Result<Option<Self>, DecodeError> {
        let Some((module, name)) = package.strip(type_str) else {
            return Ok(None);
        };
        Self::decode_named(module, name, type_str, data).transpose()
    }

    /// Decodes a whole REST event object (`{"type": …, "data": …, …}`).
    pub fn decode_rest(package: &Package, event: &Value) -> Result<Option<Self>, DecodeError> {
        let type_str = event
            .get("type")
            .and_then(Value::as_str)
            .ok_or_else(|| DecodeError {
                event_type: String::new(),
                field: "type".into(),
                reason: "the event has no string `type`".into(),
            })?;
        let Some((module, name)) = package.strip(type_str) else {
            return Ok(None);
        };
        let data = event.get("data").ok_or_else(|| DecodeError {
            event_type: type_str.to_string(),
            field: "data".into(),
            reason: "the event has no `data`".into(),
        })?;
        Self::decode_named(module, name, type_str, data).transpose()
    }

    /// The full type string under `package`, long-form address.
    pub fn type_string(&self, package: &Package) -> String {
        package.member(self.module(), self.name())
    }

    /// The event as the REST API shows it in a transaction's `events`
    /// (a module event: creation number 0, account `0x0`).
    pub fn to_rest(&self, package: &Package, sequence_number: u64) -> Value {
        serde_json::json!({
            "guid": {"creation_number": "0", "account_address": "0x0"},
            "sequence_number": sequence_number.to_string(),
            "type": self.type_string(package),
            "data": self.to_json(),
        })
    }
}

impl JobCompleted {
    /// The `DisputeResolved` an arbiter's `resolve` emits where a settlement
    /// would otherwise emit this event: the same job, parties and payout.
    pub fn resolved_by(self, arbiter: AccountAddress) -> DisputeResolved {
        DisputeResolved {
            job: self.job,
            job_id: self.job_id,
            arbiter,
            creator: self.creator,
            worker: self.worker,
            frames_paid: self.frames_paid,
            gross: self.gross,
            worker_amount: self.worker_amount,
            fee: self.fee,
            refund: self.refund,
            lease_secs: self.lease_secs,
        }
    }
}

/// The full type string of `(module, event)` under `package`.
pub fn event_type(package: &Package, module: &str, name: &str) -> String {
    package.member(module, name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn job_created_data() -> Value {
        json!({
            "job": "0x1a", "job_id": "3", "creator": format!("0x{:0>64}", "b0b"),
            "spec_hash": "0xdeadbeef", "frames": "240", "max_price_per_frame": "1000",
            "min_score": "2000000", "min_vram_mb": "8192", "deposit": "240000",
            "created_at": "1700000000"
        })
    }

    #[test]
    fn bcs_is_the_fields_in_order() {
        let e = LumenEvent::VipMinted(VipMinted {
            holder: AccountAddress::ONE,
            role: 1,
            token: AccountAddress::from_hex("0x2").unwrap(),
            minted_at: 9,
        });
        let mut want = AccountAddress::ONE.to_bytes().to_vec();
        want.push(1);
        want.extend(AccountAddress::from_hex("0x2").unwrap().to_bytes());
        want.extend(9u64.to_le_bytes());
        assert_eq!(e.bcs(), want);
        let e = ParamsUpdated {
            name: "epoch_secs".into(),
            old_value: 0,
            new_value: u64::MAX,
        };
        assert_eq!(e.bcs()[0], 10);
        assert_eq!(&e.bcs()[1..11], b"epoch_secs");
        assert_eq!(e.bcs().len(), 1 + 10 + 16);
    }

    #[test]
    fn by_module_borrows_the_event_under_its_module() {
        let e = LumenEvent::decode(
            &Package::DEV,
            "0xcafe::escrow::JobCreated",
            &job_created_data(),
        )
        .unwrap()
        .unwrap();
        let LumenEvent::JobCreated(j) = &e else {
            panic!("wrong variant {e:?}")
        };
        assert_eq!(e.by_module(), ByModule::Escrow(EscrowEvent::JobCreated(j)));
        // The view's module is the one the event declares, for every event.
        for schema in EVENT_SCHEMAS {
            let data: Map<String, Value> = schema
                .fields
                .iter()
                .zip(schema.types)
                .map(|(f, t)| (f.to_string(), valid(t)))
                .collect();
            let ty = format!("0xcafe::{}::{}", schema.module, schema.name);
            let e = LumenEvent::decode(&Package::DEV, &ty, &Value::Object(data))
                .unwrap()
                .unwrap();
            let view = format!("{:?}", e.by_module()).to_lowercase();
            assert!(
                view.starts_with(&format!(
                    "{}({}(",
                    schema.module,
                    schema.name.to_lowercase()
                )),
                "{view}"
            );
        }
    }

    #[test]
    fn decodes_job_created_short_and_long_type() {
        let p = Package::DEV;
        for ty in [
            "0xcafe::escrow::JobCreated",
            &format!("0x{:0>64}::escrow::JobCreated", "cafe"),
        ] {
            let e = LumenEvent::decode(&p, ty, &job_created_data())
                .unwrap()
                .unwrap();
            let LumenEvent::JobCreated(j) = &e else {
                panic!("wrong variant {e:?}")
            };
            assert_eq!(j.job_id, 3);
            assert_eq!(j.job, AccountAddress::from_hex("0x1a").unwrap());
            assert_eq!(j.creator, AccountAddress::from_hex("0xb0b").unwrap());
            assert_eq!(j.spec_hash, vec![0xde, 0xad, 0xbe, 0xef]);
            assert_eq!(j.deposit, 240_000);
            assert_eq!(e.name(), "JobCreated");
            assert_eq!(e.module(), "escrow");
        }
    }

    #[test]
    fn other_packages_are_skipped() {
        let p = Package::DEV;
        assert_eq!(
            LumenEvent::decode(&p, "0x1::fungible_asset::Withdraw", &json!({})),
            Ok(None)
        );
        assert_eq!(
            LumenEvent::decode(&p, "0xbeef::escrow::JobCreated", &job_created_data()),
            Ok(None)
        );
        assert_eq!(
            LumenEvent::decode(&p, "0xcafe::escrow::Unknown", &json!({})),
            Ok(None)
        );
    }

    #[test]
    fn errors_name_type_and_field() {
        let p = Package::DEV;
        let ty = "0xcafe::escrow::JobCreated";
        let mut d = job_created_data();
        d["frames"] = json!("many");
        let e = LumenEvent::decode(&p, ty, &d).unwrap_err();
        assert_eq!(e.event_type, ty);
        assert_eq!(e.field, "frames");
        assert!(
            e.to_string().contains("frames") && e.to_string().contains("JobCreated"),
            "{e}"
        );

        let mut d = job_created_data();
        d.as_object_mut().unwrap().remove("creator");
        let e = LumenEvent::decode(&p, ty, &d).unwrap_err();
        assert_eq!(
            (e.field.as_str(), e.reason.contains("missing")),
            ("creator", true)
        );

        let mut d = job_created_data();
        d["extra"] = json!(1);
        assert_eq!(LumenEvent::decode(&p, ty, &d).unwrap_err().field, "extra");

        let e = LumenEvent::decode(&p, ty, &json!([1, 2])).unwrap_err();
        assert_eq!(e.field, "data");

        let e = LumenEvent::decode_rest(&p, &json!({"data": {}})).unwrap_err();
        assert_eq!(e.field, "type");
        let e = LumenEvent::decode_rest(&p, &json!({"type": ty})).unwrap_err();
        assert_eq!(e.field, "data");
    }

    #[test]
    fn u128_option_bool_and_vectors() {
        let p = Package::DEV;
        let d = json!({"epoch": "4", "pool": "1000", "poc_pool": "500", "pod_pool": "500",
            "total_poc_weight": "340282366920938463463374607431768211455",
            "total_pod_weight": "0", "rolled_over": "500"});
        let e = LumenEvent::decode(&p, "0xcafe::rewards::EpochClosed", &d)
            .unwrap()
            .unwrap();
        let LumenEvent::EpochClosed(c) = e else {
            panic!()
        };
        assert_eq!(c.total_poc_weight, u128::MAX);
        let d = json!({"paused": "true"});
        let e = LumenEvent::decode(&p, "0xcafe::config::PausedSet", &d).unwrap_err();
        assert_eq!(e.field, "paused");
        let d = json!({"holder": "0x1", "role": 1, "token": "0x2", "minted_at": "9"});
        let e = LumenEvent::decode(&p, "0xcafe::vip::VipMinted", &d)
            .unwrap()
            .unwrap();
        assert_eq!(
            e,
            LumenEvent::VipMinted(VipMinted {
                holder: AccountAddress::ONE,
                role: 1,
                token: AccountAddress::from_hex("0x2").unwrap(),
                minted_at: 9
            })
        );
        let mut d = e.to_json();
        d["role"] = json!(300);
        assert_eq!(
            LumenEvent::decode(&p, "0xcafe::vip::VipMinted", &d)
                .unwrap_err()
                .field,
            "role"
        );
    }

    fn valid(rust_type: &str) -> Value {
        match rust_type {
            "AccountAddress" => json!("0x1"),
            "Vec<u8>" => json!("0x01"),
            "Vec<AccountAddress>" => json!(["0x1"]),
            "Vec<u64>" => json!(["1"]),
            "String" => json!("s"),
            "u8" => json!(1),
            "bool" => json!(true),
            _ => json!("1"),
        }
    }

    #[test]
    fn any_malformed_field_is_a_typed_error_naming_it() {
        let p = Package::DEV;
        let bad = [
            json!(null),
            json!(-1),
            json!(1.5),
            json!({}),
            json!([[]]),
            json!("0x"),
            json!("0xzz"),
            json!("ü".repeat(200)),
            json!("340282366920938463463374607431768211456"),
            json!({"vec": [1, 2]}),
        ];
        for schema in EVENT_SCHEMAS {
            let ty = format!("0xcafe::{}::{}", schema.module, schema.name);
            let good: Map<String, Value> = schema
                .fields
                .iter()
                .zip(schema.types)
                .map(|(f, t)| (f.to_string(), valid(t)))
                .collect();
            assert!(LumenEvent::decode(&p, &ty, &Value::Object(good.clone()))
                .unwrap()
                .is_some());
            for (field, rust_type) in schema.fields.iter().zip(schema.types) {
                for b in &bad {
                    let mut data = good.clone();
                    data.insert(field.to_string(), b.clone());
                    match LumenEvent::decode(&p, &ty, &Value::Object(data)) {
                        Err(e) => {
                            assert_eq!(
                                (e.event_type.as_str(), e.field.as_str()),
                                (ty.as_str(), *field)
                            );
                        }
                        // Only strings and byte vectors accept some of these shapes.
                        Ok(_) => assert!(
                            matches!(*rust_type, "String" | "Vec<u8>") && b.is_string(),
                            "{ty}.{field} accepted {b}"
                        ),
                    }
                }
            }
        }
    }

    #[test]
    fn every_event_round_trips_through_rest_json() {
        // Build each event from a JSON object with a plausible value per
        // field type, then check decode(to_rest(e)) == e.
        let p = Package::DEV;
        for (module, name) in ALL_EVENTS {
            let ty = format!("0xcafe::{module}::{name}");
            // Discover the fields by decoding `{}` and reading the missing one, repeatedly.
            let mut data = Map::new();
            let event = loop {
                match LumenEvent::decode(&p, &ty, &Value::Object(data.clone())) {
                    Ok(Some(e)) => break e,
                    Ok(None) => panic!("{ty} not recognised"),
                    Err(e) => {
                        assert!(e.reason.contains("missing"), "{e}");
                        let expected = e.reason.clone();
                        let v = if expected.contains("vector<address>") {
                            json!(["0x5", "0x6"])
                        } else if expected.contains("vector<u64>") {
                            json!(["7", "8"])
                        } else if expected.contains("vector<u8>") {
                            json!("0x0102")
                        } else if expected.contains("address") {
                            json!("0xabc")
                        } else if expected.contains("u8") {
                            json!(1)
                        } else if expected.contains("bool") {
                            json!(true)
                        } else if expected.contains("String") {
                            json!("text")
                        } else {
                            json!("42")
                        };
                        data.insert(e.field.clone(), v);
                    }
                }
            };
            let rest = event.to_rest(&p, 7);
            assert_eq!(
                LumenEvent::decode_rest(&p, &rest).unwrap(),
                Some(event.clone())
            );
            assert_eq!(rest["type"], json!(event.type_string(&p)));
        }
    }
}
