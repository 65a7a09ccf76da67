//! A wrapper for every `#[view]` function of the Move package.
//!
//! Each function returns a [`ViewCall`]: the function id, the arguments in
//! the REST convention (`u64` as decimal strings, addresses and
//! `vector<u8>` as `0x` hex, `u8` as numbers, `String` as strings) and a
//! typed parser for the result array. [`ViewCall::call`] posts it to
//! `/v1/view` with aptos-sdk's [`FullnodeClient`]. [`VIEW_FUNCTIONS`] lists
//! them all, so a test can compare against `move/sources`.

use std::marker::PhantomData;

use aptos_sdk::api::FullnodeClient;
use aptos_sdk::types::AccountAddress;
use serde_json::{json, Map, Value};

use crate::movejson::MoveJson;
use crate::package::Package;

/// A view call that failed or whose result did not fit.
#[derive(Debug, thiserror::Error)]
pub enum ViewError {
    /// The node refused the call (a Move abort in the view, HTTP error…).
    #[error("view {function} failed: {source}")]
    Node {
        /// The function id.
        function: String,
        /// The client error.
        #[source]
        source: aptos_sdk::AptosError,
    },
    /// The node answered something that is not the declared return type.
    #[error("view {function} returned an unexpected result: {reason}")]
    Result {
        /// The function id.
        function: String,
        /// What did not fit.
        reason: String,
    },
}

/// The typed result of a view: one Move value, or a tuple for several.
pub trait ViewResult: Sized {
    /// Parses the REST result array.
    fn parse(values: &[Value]) -> Result<Self, String>;
}

impl<T: MoveJson> ViewResult for T {
    fn parse(values: &[Value]) -> Result<Self, String> {
        match values {
            [v] => T::from_move_json(v),
            _ => Err(format!("expected 1 value, got {}", values.len())),
        }
    }
}

macro_rules! tuple_result {
    ($n:literal; $($t:ident $i:tt),*) => {
        impl<$($t: MoveJson),*> ViewResult for ($($t,)*) {
            fn parse(values: &[Value]) -> Result<Self, String> {
                if values.len() != $n {
                    return Err(format!("expected {} values, got {}", $n, values.len()));
                }
                Ok(($($t::from_move_json(&values[$i]).map_err(|e| format!("value {}: {e}", $i))?,)*))
            }
        }
    };
}
tuple_result!(2; A 0, B 1);
tuple_result!(3; A 0, B 1, C 2);
tuple_result!(4; A 0, B 1, C 2, D 3);

/// A prepared call of one view function with a typed result.
#[derive(Clone, Debug)]
pub struct ViewCall<T> {
    /// `0x…::module::function`.
    pub function: String,
    /// Type arguments (none of the package's views is generic).
    pub type_arguments: Vec<String>,
    /// Arguments in the REST JSON convention.
    pub arguments: Vec<Value>,
    _result: PhantomData<fn() -> T>,
}

impl<T: ViewResult> ViewCall<T> {
    fn new(function: String, arguments: Vec<Value>) -> Self {
        Self::outside(function, vec![], arguments)
    }

    /// A view of another package (e.g. `0x1::fungible_asset::decimals`),
    /// with its type arguments.
    pub fn outside(function: String, type_arguments: Vec<String>, arguments: Vec<Value>) -> Self {
        Self {
            function,
            type_arguments,
            arguments,
            _result: PhantomData,
        }
    }

    /// The `POST /v1/view` body.
    pub fn body(&self) -> Value {
        json!({
            "function": self.function,
            "type_arguments": self.type_arguments,
            "arguments": self.arguments,
        })
    }

    /// Parses the node's result array.
    pub fn parse(&self, values: &[Value]) -> Result<T, ViewError> {
        T::parse(values).map_err(|reason| ViewError::Result {
            function: self.function.clone(),
            reason,
        })
    }

    /// Calls the view on a fullnode.
    pub async fn call(&self, node: &FullnodeClient) -> Result<T, ViewError> {
        let resp = node
            .view(
                &self.function,
                self.type_arguments.clone(),
                self.arguments.clone(),
            )
            .await
            .map_err(|source| ViewError::Node {
                function: self.function.clone(),
                source,
            })?;
        self.parse(&resp.data)
    }
}

/// A view function of the package: module, name, parameter names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ViewFunctionInfo {
    /// Move module.
    pub module: &'static str,
    /// Function name.
    pub name: &'static str,
    /// Parameter names, in order.
    pub params: &'static [&'static str],
    /// The Rust types of the parameters.
    pub types: &'static [&'static str],
    /// The Rust type of the result (a tuple for several return values).
    pub returns: &'static str,
    /// What the view answers.
    pub doc: &'static str,
}

/// The shape of a struct a view returns (`JobInfo`, …).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ViewStructSchema {
    /// Struct name.
    pub name: &'static str,
    /// Field names in declaration order.
    pub fields: &'static [&'static str],
    /// Rust types of the fields.
    pub types: &'static [&'static str],
}

macro_rules! views {
    ($(
        $module:ident {
            $(
                $(#[doc = $doc:literal])*
                fn $name:ident ( $( $p:ident : $t:ty ),* ) -> $r:ty;
            )*
        }
    )*) => {
        $(
            #[doc = concat!("Views of the `", stringify!($module), "` module.")]
            pub mod $module {
                #[allow(unused_imports)]
                use super::*;
                $(
                    $(#[doc = $doc])*
                    pub fn $name(package: &Package $(, $p: $t)*) -> ViewCall<$r> {
                        ViewCall::new(
                            package.member(stringify!($module), stringify!($name)),
                            vec![$(MoveJson::to_move_json(&$p)),*],
                        )
                    }
                )*
            }
        )*

        /// Every view function of the package.
        pub const VIEW_FUNCTIONS: &[ViewFunctionInfo] = &[$($(
            ViewFunctionInfo { module: stringify!($module), name: stringify!($name), params: &[$(stringify!($p)),*], types: &[$(stringify!($t)),*], returns: stringify!($r), doc: concat!($($doc),*) },
        )*)*];
    };
}

macro_rules! view_struct {
    ($(#[doc = $doc:literal])* $name:ident { $( $field:ident : $ty:ty ),* $(,)? }) => {
        $(#[doc = $doc])*
        #[derive(Clone, Debug, Default, PartialEq, Eq)]
        pub struct $name {
            $(
                #[doc = concat!("Move field `", stringify!($field), "`.")]
                pub $field: $ty,
            )*
        }

        impl $name {
            /// Field names and Rust types, in declaration order.
            pub const SCHEMA: ViewStructSchema = ViewStructSchema {
                name: stringify!($name),
                fields: &[$(stringify!($field)),*],
                types: &[$(stringify!($ty)),*],
            };
        }

        impl MoveJson for $name {
            const MOVE_TYPE: &'static str = stringify!($name);
            fn from_move_json(v: &Value) -> Result<Self, String> {
                let m = v.as_object().ok_or_else(|| format!("expected a {} object, got {v}", stringify!($name)))?;
                Ok(Self { $(
                    $field: <$ty>::from_move_json(
                        m.get(stringify!($field)).ok_or_else(|| format!("{}: missing field `{}`", stringify!($name), stringify!($field)))?,
                    ).map_err(|e| format!("{}.{}: {e}", stringify!($name), stringify!($field)))?,
                )* })
            }
            fn to_move_json(&self) -> Value {
                let mut m = Map::new();
                $( m.insert(stringify!($field).to_string(), self.$field.to_move_json()); )*
                Value::Object(m)
            }
        }
    };
}

view_struct! {
    /// `attestation::ReportInfo`: the worker's latest effective report. Extra
    /// fields in the JSON are ignored.
    ReportInfo { worker: AccountAddress, device_id: Vec<u8>, gpu_model: String, vram_mb: u64, score: u64, bench_version: u64, nonce: u64, measured_at: u64, effective_at: u64, expires_at: u64, revoked: bool }
}

view_struct! {
    /// `escrow::JobTerms`: what a job runs under, fixed at assignment (all 0 while Open).
    JobTerms { worker_commission_bps: u64, review_window_secs: u64, max_rerenders: u64, min_rerender_secs: u64, response_window_secs: u64, dispute_timeout_secs: u64, collateral: u64 }
}

impl JobTerms {
    /// The terms `accept_offer` fixes under the default parameters (see
    /// [`crate::params`]) for an assignment giving the worker `render_secs`,
    /// with `collateral` locked.
    pub fn defaults(render_secs: u64, collateral: u64) -> Self {
        use crate::params::*;
        Self {
            worker_commission_bps: WORKER_COMMISSION_BPS.default,
            review_window_secs: REVIEW_WINDOW_SECS.default,
            max_rerenders: MAX_RERENDERS.default,
            min_rerender_secs: crate::formulas::min_rerender_secs(
                MIN_RERENDER_SECS.default,
                render_secs,
            ),
            response_window_secs: RESPONSE_WINDOW_SECS.default,
            dispute_timeout_secs: DISPUTE_TIMEOUT_SECS.default,
            collateral,
        }
    }

    /// The terms of a job no worker has taken yet: all 0 until `accept_offer`
    /// fixes them.
    pub const OPEN: JobTerms = JobTerms {
        worker_commission_bps: 0,
        review_window_secs: 0,
        max_rerenders: 0,
        min_rerender_secs: 0,
        response_window_secs: 0,
        dispute_timeout_secs: 0,
        collateral: 0,
    };

    /// A `JobAssigned` carrying these terms and zero elsewhere: the base of
    /// `JobAssigned { job, …, ..terms.assigned_event() }`.
    pub fn assigned_event(&self) -> crate::events::JobAssigned {
        crate::events::JobAssigned {
            job: AccountAddress::ZERO,
            job_id: 0,
            creator: AccountAddress::ZERO,
            worker: AccountAddress::ZERO,
            price_per_frame: 0,
            render_deadline: 0,
            nonce: 0,
            worker_score: 0,
            refund: 0,
            assigned_at: 0,
            collateral: self.collateral,
            worker_commission_bps: self.worker_commission_bps,
            review_window_secs: self.review_window_secs,
            max_rerenders: self.max_rerenders,
            min_rerender_secs: self.min_rerender_secs,
            response_window_secs: self.response_window_secs,
            dispute_timeout_secs: self.dispute_timeout_secs,
            offer_kind: 0,
        }
    }
}

impl JobInfo {
    /// What `escrow::job_info` shows of job `job_id` right after
    /// `create_job` (Open: no worker, every later field 0, deposit
    /// `frames × max_price_per_frame`).
    pub fn open(
        job_id: u64,
        creator: AccountAddress,
        spec_hash: Vec<u8>,
        frames: u64,
        max_price_per_frame: u64,
        created_at: u64,
    ) -> Self {
        Self {
            job_id,
            creator,
            status: crate::JobStatus::Open as u8,
            spec_hash,
            frames,
            max_price_per_frame,
            deposit: frames * max_price_per_frame,
            created_at,
            ..Self::default()
        }
    }
}

view_struct! {
    /// `escrow::JobInfo`: a job's state, books and terms (`status` codes in
    /// [`crate::JobStatus`]).
    JobInfo { job_id: u64, creator: AccountAddress, worker: AccountAddress, status: u8, spec_hash: Vec<u8>, frames: u64, max_price_per_frame: u64, min_score: u64, min_vram_mb: u64, deposit: u64, price_per_frame: u64, render_deadline: u64, frames_done: u64, output_root: Vec<u8>, review_deadline: u64, rerenders: u64, created_at: u64, paid_to_worker: u64, fee_paid: u64, refunded: u64, frames_accepted: u64, response_deadline: u64, disputed_by: AccountAddress, timeout_frames: u64, terms: JobTerms, offer_kind: u8 }
}

view_struct! {
    /// `rewards::EpochInfo`: an epoch's pool and weights.
    EpochInfo { epoch: u64, pool: u64, closed: bool, poc_pool: u64, pod_pool: u64, total_poc_weight: u128, total_pod_weight: u128, claimed: u64 }
}

view_struct! {
    /// `campaign::UserInfo`: a participant's on-chain campaign record (points
    /// in micro-points, credits in micro-credits; `referrer` is `0x0` when none;
    /// `joined` the join order, 0 before the user's first own call).
    UserInfo { total_points: u64, checkin_points: u64, social_points: u64, referral_points: u64, render_points: u64, online_points: u64, checkins: u64, streak: u64, last_day: u64, credits_earned: u64, credits_spent: u64, referrer: AccountAddress, referees: u64, joined: u64 }
}

view_struct! {
    /// `offers::PublishedOffer`: an offer a creator published on chain.
    PublishedOffer { worker: AccountAddress, price_per_frame: u64, render_deadline: u64, offer_expires_at: u64, nonce: u64, published_at: u64 }
}

/// Every struct a view returns, or nests in one (a test checks that each one
/// named in [`VIEW_FUNCTIONS`] is here).
pub const VIEW_STRUCTS: &[ViewStructSchema] = &[
    ReportInfo::SCHEMA,
    JobInfo::SCHEMA,
    JobTerms::SCHEMA,
    EpochInfo::SCHEMA,
    UserInfo::SCHEMA,
    PublishedOffer::SCHEMA,
];

views! {
    config {
        /// The current admin.
        fn admin() -> AccountAddress;
        /// Whether the protocol is paused.
        fn is_paused() -> bool;
        /// The payment asset's `Object<Metadata>` address.
        fn payment_asset() -> AccountAddress;
        /// The treasury.
        fn treasury() -> AccountAddress;
        /// Whether the address is in the arbiter set.
        fn is_arbiter(a: AccountAddress) -> bool;
        /// The arbiter set.
        fn arbiters() -> Vec<AccountAddress>;
        /// Whether `a` is an authorised attester.
        fn is_attester(a: AccountAddress) -> bool;
        /// All attesters.
        fn attesters() -> Vec<AccountAddress>;
        /// A parameter by name.
        fn param(name: String) -> u64;
        /// `(queued, value, effective_at)` of a parameter's queued change.
        fn pending_param(name: String) -> (bool, u64, u64);
        /// When `initialize` ran (rewards start with its epoch).
        fn initialized_at() -> u64;
        /// When the pause was last lifted (0 when never).
        fn resumed_at() -> u64;
    }
    attestation {
        /// The worker's valid score (0 when none, expired or revoked).
        fn score_of(worker: AccountAddress) -> u64;
        /// The worker's score in force at time `t` (its current report's; 0 otherwise).
        fn score_at(worker: AccountAddress, t: u64) -> u64;
        /// The worker's report (aborts if none).
        fn report_of(worker: AccountAddress) -> ReportInfo;
        /// Whether the worker's score is valid now.
        fn has_valid_score(worker: AccountAddress) -> bool;
        /// The worker a device is bound to.
        fn worker_of_device(device_id: Vec<u8>) -> Option<AccountAddress>;
        /// The worker's registered device public key (empty when none).
        fn device_key_of(worker: AccountAddress) -> Vec<u8>;
        /// The worker's last used report nonce.
        fn last_nonce(worker: AccountAddress) -> u64;
    }
    staking {
        /// Bonded stake.
        fn stake_of(worker: AccountAddress) -> u64;
        /// `(amount, available_at)` of the unbonding stake.
        fn unbonding_of(worker: AccountAddress) -> (u64, u64);
        /// The worker's price per IB-hour.
        fn price_of(worker: AccountAddress) -> u64;
        /// `S(n)` for the worker's current score and price.
        fn min_stake_of(worker: AccountAddress) -> u64;
        /// `S(n)` for a score and price (see [`crate::formulas::min_stake`]).
        fn min_stake(score: u64, price_per_ib_hour: u64) -> u64;
        /// Stake ≥ `S(n)` and a valid score.
        fn is_eligible(worker: AccountAddress) -> bool;
        /// The penalty pool's balance.
        fn penalty_pool() -> u64;
        /// Stake locked as collateral of the worker's active jobs.
        fn locked_of(worker: AccountAddress) -> u64;
    }
    escrow {
        /// The object address of job `job_id`.
        fn job_address(job_id: u64) -> AccountAddress;
        /// The id the next job gets.
        fn next_job_id() -> u64;
        /// A job's terms and state.
        fn job_info(job: AccountAddress) -> JobInfo;
        /// The funds a job holds.
        fn job_balance(job: AccountAddress) -> u64;
        /// `(spent total, spent this month, frames succeeded)`.
        fn creator_stats(creator: AccountAddress) -> (u64, u64, u64);
        /// `(frames completed, jobs completed, jobs failed, lease secs)`.
        fn worker_stats(worker: AccountAddress) -> (u64, u64, u64, u64);
        /// Whether the creator used or burnt the offer nonce.
        fn is_nonce_used(creator: AccountAddress, nonce: u64) -> bool;
        /// The owner's claimable balance (settlement legs a frozen store could not take).
        fn claimable_of(owner: AccountAddress) -> u64;
    }
    offers {
        /// The offer the job's creator published on chain, if any.
        fn published_offer(job: AccountAddress) -> Option<PublishedOffer>;
    }
    rewards {
        /// The epoch containing `ts`.
        fn epoch_of(ts: u64) -> u64;
        /// The current epoch.
        fn current_epoch() -> u64;
        /// An epoch's pool and weights.
        fn epoch_info(epoch: u64) -> EpochInfo;
        /// The oldest open epoch (the only one `close_epoch` accepts).
        fn next_epoch() -> u64;
        /// Reports collected for a worker's epoch before its uptime took effect.
        fn uptime_votes(worker: AccountAddress, epoch: u64) -> u64;
        /// Effective online seconds of a worker in an epoch (0 until they took effect).
        fn online_secs_of(worker: AccountAddress, epoch: u64) -> u64;
        /// What `rewards::claim` would pay now.
        fn pending_reward(worker: AccountAddress, epoch: u64) -> u64;
    }
    vip {
        /// Whether `holder` holds the pass for `role`.
        fn has_pass(holder: AccountAddress, role: u8) -> bool;
        /// Whether the admin banned `holder` from claiming `role`.
        fn is_banned(holder: AccountAddress, role: u8) -> bool;
        /// The pass token's address.
        fn pass_of(holder: AccountAddress, role: u8) -> Option<AccountAddress>;
        /// Whether `user` may claim the pass for `role`.
        fn is_eligible(user: AccountAddress, role: u8) -> bool;
        /// The creator's priority score.
        fn creator_priority(creator: AccountAddress) -> u64;
        /// The worker's priority score.
        fn worker_priority(worker: AccountAddress) -> u64;
    }
    campaign {
        /// The campaign operator (`0x0` until set).
        fn operator() -> AccountAddress;
        /// `(start, end)` of the campaign period.
        fn period() -> (u64, u64);
        /// Funds in the campaign pool.
        fn pool() -> u64;
        /// Base units of the payment asset per credit.
        fn credit_value() -> u64;
        /// Per-user payout of the 5 tiers.
        fn tier_amounts() -> Vec<u64>;
        /// The leaderboard: at most 100 users, best first.
        fn leaders() -> Vec<AccountAddress>;
        /// A user's rank on the leaderboard (0 when not on it).
        fn rank_of(user: AccountAddress) -> u64;
        /// Micro-credits a user holds.
        fn credit_balance(user: AccountAddress) -> u64;
        /// Whether a job spent a credit at creation.
        fn is_credited_job(job: AccountAddress) -> bool;
        /// Whether the leaderboard was paid.
        fn is_paid() -> bool;
        /// A participant's record (all zero for a stranger).
        fn user_info(user: AccountAddress) -> UserInfo;
        /// `(cycle_day, streak, points, micro-credits)` of a check-in now (all 0 after today's).
        fn preview_check_in(user: AccountAddress) -> (u64, u64, u64, u64);
        /// Whether a social task was granted to `user`.
        fn is_task_granted(user: AccountAddress, task_id: u64) -> bool;
        /// The payout of a rank under the current tiers.
        fn payout_of_rank(rank: u64) -> u64;
        /// The payout of a ranking of `winners` addresses.
        fn leaderboard_total(winners: u64) -> u64;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_bodies_follow_rest_convention() {
        let p = Package::DEV;
        let c = staking::min_stake(&p, 500_000, 2);
        assert_eq!(
            c.body(),
            json!({"function": p.member("staking", "min_stake"), "type_arguments": [], "arguments": ["500000", "2"]})
        );
        let c = attestation::worker_of_device(&p, vec![1, 0xab]);
        assert_eq!(c.arguments, vec![json!("0x01ab")]);
        assert_eq!(
            vip::has_pass(&p, AccountAddress::ONE, 1).arguments[1],
            json!(1)
        );
        assert_eq!(
            config::param(&p, "epoch_secs".into()).arguments,
            vec![json!("epoch_secs")]
        );
    }

    #[test]
    fn results_are_typed() {
        let p = Package::DEV;
        let c = staking::unbonding_of(&p, AccountAddress::ONE);
        assert_eq!(c.parse(&[json!("5"), json!("99")]).unwrap(), (5, 99));
        assert!(matches!(
            c.parse(&[json!("5")]),
            Err(ViewError::Result { .. })
        ));
        let c = attestation::worker_of_device(&p, vec![]);
        assert_eq!(c.parse(&[json!({"vec": []})]).unwrap(), None);
        let c = rewards::epoch_info(&p, 3);
        let e = EpochInfo {
            epoch: 3,
            pool: 10,
            closed: true,
            poc_pool: 5,
            pod_pool: 5,
            total_poc_weight: 1 << 70,
            total_pod_weight: 0,
            claimed: 0,
        };
        assert_eq!(c.parse(&[e.to_move_json()]).unwrap(), e);
        let mut bad = e.to_move_json();
        bad.as_object_mut().unwrap().remove("closed");
        let err = c.parse(&[bad]).unwrap_err().to_string();
        assert!(err.contains("closed"), "{err}");
    }

    #[test]
    fn campaign_results_are_typed() {
        let p = Package::DEV;
        let c = campaign::user_info(&p, AccountAddress::ONE);
        assert_eq!(c.arguments, vec![json!(AccountAddress::ONE.to_move_json())]);
        let u = UserInfo {
            total_points: 6_100_000,
            checkin_points: 1_000_000,
            social_points: 5_000_000,
            referral_points: 100_000,
            checkins: 1,
            streak: 1,
            last_day: 20_000,
            render_points: 0,
            online_points: 0,
            credits_earned: 0,
            credits_spent: 0,
            referrer: AccountAddress::from_hex("0xa11ce").unwrap(),
            referees: 1,
            joined: 2,
        };
        assert_eq!(c.parse(&[u.to_move_json()]).unwrap(), u);
        let c = campaign::preview_check_in(&p, AccountAddress::ONE);
        assert_eq!(
            c.parse(&[json!("4"), json!("4"), json!("0"), json!("1")])
                .unwrap(),
            (4, 4, 0, 1)
        );
        let c = campaign::tier_amounts(&p);
        assert_eq!(
            c.parse(&[json!(["200000000", "8000000"])]).unwrap(),
            vec![200_000_000, 8_000_000]
        );
        assert_eq!(
            campaign::is_task_granted(&p, AccountAddress::ONE, 7).arguments[1],
            json!("7")
        );
    }

    #[test]
    fn table() {
        assert_eq!(VIEW_FUNCTIONS.len(), 64);
    }
}
