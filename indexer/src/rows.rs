//! Row types of the tables in `migrations/` (diesel mappings of
//! [`crate::schema`]) and the conversions of chain values into columns.

use diesel::prelude::*;
use serde::Serialize;

use crate::schema::*;

/// u64 chain values into BIGINT; values past `i64::MAX` saturate (the raw
/// event log keeps the exact value).
pub fn to_i64(v: u64) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

/// `0x`-prefixed hex of bytes.
pub fn hex0x(b: &[u8]) -> String {
    format!("0x{}", hex::encode(b))
}

/// A raw event.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = events, check_for_backend(diesel::pg::Pg), treat_none_as_default_value = false)]
pub struct EventRow {
    /// Transaction version.
    pub version: i64,
    /// Index in the transaction's events.
    pub event_index: i32,
    /// Commit time (µs).
    pub timestamp_us: i64,
    /// `module::Name`.
    pub event_type: String,
    /// Job id for escrow events.
    pub job_id: Option<i64>,
    /// The account the event is about (worker, holder …).
    pub account: Option<String>,
    /// The event's data as served.
    pub data: RawJson,
}

/// A JSON document kept as the text the node served: written to `JSONB`
/// columns and served by the API without being parsed into a tree and
/// printed again (most of the ingest's allocations went there).
#[derive(Debug, Clone, diesel::AsExpression, diesel::FromSqlRow)]
#[diesel(sql_type = diesel::sql_types::Jsonb)]
pub struct RawJson(pub Box<serde_json::value::RawValue>);

impl RawJson {
    /// The JSON text.
    pub fn get(&self) -> &str {
        self.0.get()
    }
}

impl From<serde_json::Value> for RawJson {
    fn from(v: serde_json::Value) -> Self {
        Self(serde_json::value::to_raw_value(&v).expect("a Value always prints"))
    }
}

impl utoipa::PartialSchema for RawJson {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::Object)
            .description(Some(
                "The event's fields as the node served them (u64 as strings, addresses as hex).",
            ))
            .into()
    }
}
impl utoipa::ToSchema for RawJson {}

impl Serialize for RawJson {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

/// `JSONB`'s binary form is a version byte (1) and the JSON text.
const JSONB_VERSION: u8 = 1;

impl diesel::serialize::ToSql<diesel::sql_types::Jsonb, diesel::pg::Pg> for RawJson {
    fn to_sql<'b>(
        &'b self,
        out: &mut diesel::serialize::Output<'b, '_, diesel::pg::Pg>,
    ) -> diesel::serialize::Result {
        use std::io::Write;
        out.write_all(&[JSONB_VERSION])?;
        out.write_all(self.get().as_bytes())?;
        Ok(diesel::serialize::IsNull::No)
    }
}

impl diesel::deserialize::FromSql<diesel::sql_types::Jsonb, diesel::pg::Pg> for RawJson {
    fn from_sql(value: diesel::pg::PgValue<'_>) -> diesel::deserialize::Result<Self> {
        let bytes = value.as_bytes();
        let Some((&JSONB_VERSION, text)) = bytes.split_first() else {
            return Err("unsupported JSONB encoding version".into());
        };
        let text = std::str::from_utf8(text)?;
        Ok(Self(serde_json::value::RawValue::from_string(
            text.to_owned(),
        )?))
    }
}

/// A job.
#[derive(
    Debug, Clone, Queryable, Selectable, Insertable, Serialize, QueryableByName, utoipa::ToSchema,
)]
#[diesel(table_name = jobs, check_for_backend(diesel::pg::Pg), treat_none_as_default_value = false)]
#[allow(missing_docs)]
pub struct JobRow {
    pub job_id: i64,
    pub address: String,
    pub creator: String,
    pub worker: Option<String>,
    /// Served by the API as its name (`completed`); the code is `status_code`.
    #[serde(serialize_with = "crate::project::status::serialize_name")]
    #[schema(value_type = String)]
    pub status: i16,
    pub spec_hash: String,
    pub frames: i64,
    pub max_price_per_frame: i64,
    pub min_score: i64,
    pub min_vram_mb: i64,
    pub deposit: i64,
    pub price_per_frame: Option<i64>,
    pub render_deadline: Option<i64>,
    pub worker_score: Option<i64>,
    pub frames_done: Option<i64>,
    pub output_root: Option<String>,
    pub review_deadline: Option<i64>,
    pub rerenders: i64,
    pub frames_paid: i64,
    pub gross: i64,
    pub worker_amount: i64,
    pub fee: i64,
    pub refund: i64,
    pub slashed: i64,
    pub lease_secs: i64,
    pub finalized: bool,
    pub created_at: i64,
    pub updated_at: i64,
    pub created_version: i64,
    pub updated_version: i64,
    /// `escrow::JobTerms` fixed at assignment (`null` while open).
    #[schema(value_type = Option<JobTermsJson>)]
    pub terms: Option<serde_json::Value>,
    /// What happened after a submission (`null` until a partial acceptance
    /// or a dispute).
    #[schema(value_type = Option<JobReviewJson>)]
    pub review: Option<serde_json::Value>,
}

/// `jobs.terms`: the terms a job was assigned under, as `JobAssigned`
/// carries them; nothing changes them afterwards.
#[derive(Debug, Clone, Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct JobTermsJson {
    /// Stake locked as the job's collateral (slashed if it never delivers).
    pub collateral: u64,
    /// The worker's commission from the protocol fee, in basis points.
    pub worker_commission_bps: u64,
    /// How long the creator has to review a submission.
    pub review_window_secs: u64,
    /// How many rerenders the creator may ask for.
    pub max_rerenders: u64,
    /// The shortest time a rerender may be given.
    pub min_rerender_secs: u64,
    /// How long the worker has to answer a partial acceptance.
    pub response_window_secs: u64,
    /// How long a dispute waits for an arbiter before its timeout pays.
    pub dispute_timeout_secs: u64,
    /// How the creator authorised the assignment ([`lumen_sdk::OfferKind`]
    /// name: `signed`, `wallet_envelope`, `on_chain`).
    #[serde(default)]
    pub offer_kind: String,
}

/// `jobs.review`: a partial acceptance (`frames_accepted`,
/// `response_deadline`) and a dispute (`disputed_by`, `timeout_frames` — what
/// the timeout pays, the position of the side that did not open it —
/// and `timeout_at`), each filled when it happens.
#[derive(Debug, Clone, Default, Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct JobReviewJson {
    /// Frames the creator accepted of those submitted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub frames_accepted: Option<u64>,
    /// Until when the worker may answer the partial acceptance.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub response_deadline: Option<u64>,
    /// Who opened the dispute.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disputed_by: Option<String>,
    /// What the dispute's timeout pays.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeout_frames: Option<u64>,
    /// From when the timeout may be settled.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeout_at: Option<u64>,
}

/// A worker.
#[derive(
    Debug, Clone, Queryable, Selectable, Insertable, Serialize, QueryableByName, utoipa::ToSchema,
)]
#[diesel(table_name = workers, check_for_backend(diesel::pg::Pg), treat_none_as_default_value = false)]
#[allow(missing_docs)]
pub struct WorkerRow {
    pub address: String,
    pub device_id: Option<String>,
    pub gpu_model: Option<String>,
    pub vram_mb: i64,
    pub score: i64,
    pub bench_version: i64,
    pub score_effective_at: i64,
    pub score_expires_at: i64,
    pub score_revoked: bool,
    pub price_per_ib_hour: i64,
    pub stake: i64,
    pub unbonding: i64,
    pub unbonding_available_at: i64,
    pub withdrawn_total: i64,
    pub slashed_total: i64,
    pub frames_completed: i64,
    pub jobs_completed: i64,
    pub jobs_failed: i64,
    pub lease_secs: i64,
    pub rewards_claimed: i64,
    pub vip: bool,
    pub first_version: i64,
    pub updated_version: i64,
    /// The device key the worker's account registered (hex with 0x).
    pub device_public_key: Option<String>,
    /// Part of `stake` locked as collateral of active jobs.
    pub locked: i64,
}

impl WorkerRow {
    /// A worker first seen at `version`.
    pub fn new(address: String, version: i64) -> Self {
        Self {
            address,
            device_id: None,
            gpu_model: None,
            vram_mb: 0,
            score: 0,
            bench_version: 0,
            score_effective_at: 0,
            score_expires_at: 0,
            score_revoked: false,
            price_per_ib_hour: 0,
            stake: 0,
            unbonding: 0,
            unbonding_available_at: 0,
            withdrawn_total: 0,
            slashed_total: 0,
            frames_completed: 0,
            jobs_completed: 0,
            jobs_failed: 0,
            lease_secs: 0,
            rewards_claimed: 0,
            vip: false,
            first_version: version,
            updated_version: version,
            device_public_key: None,
            locked: 0,
        }
    }
}

/// An address's claimable balance: settlement legs escrow could not deliver
/// (the store was frozen), held until the owner withdraws them.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize, utoipa::ToSchema)]
#[diesel(table_name = claimables, check_for_backend(diesel::pg::Pg), treat_none_as_default_value = false)]
#[allow(missing_docs)]
pub struct ClaimableRow {
    pub owner: String,
    pub balance: i64,
    pub credited_total: i64,
    pub withdrawn_total: i64,
    pub updated_version: i64,
}

impl ClaimableRow {
    /// Nothing held for `owner` (yet), as of `version`.
    pub fn empty(owner: String, version: i64) -> Self {
        Self {
            owner,
            balance: 0,
            credited_total: 0,
            withdrawn_total: 0,
            updated_version: version,
        }
    }
}

/// A creator.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize, utoipa::ToSchema)]
#[diesel(table_name = creators, check_for_backend(diesel::pg::Pg), treat_none_as_default_value = false)]
#[allow(missing_docs)]
pub struct CreatorRow {
    pub address: String,
    pub jobs_created: i64,
    pub deposited_total: i64,
    pub spent_total: i64,
    pub frames_succeeded: i64,
    pub vip: bool,
    pub updated_version: i64,
}

/// A creator's spend in one 30-day month.
#[derive(
    Debug, Clone, Queryable, QueryableByName, Selectable, Insertable, Serialize, utoipa::ToSchema,
)]
#[diesel(table_name = creator_months, check_for_backend(diesel::pg::Pg), treat_none_as_default_value = false)]
#[allow(missing_docs)]
pub struct CreatorMonthRow {
    pub creator: String,
    pub month: i64,
    pub spent: i64,
}

/// A score attestation or revocation.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize, utoipa::ToSchema)]
#[diesel(table_name = attestations, check_for_backend(diesel::pg::Pg), treat_none_as_default_value = false)]
#[allow(missing_docs)]
pub struct AttestationRow {
    pub version: i64,
    pub event_index: i32,
    pub worker: String,
    pub revoked: bool,
    pub device_id: Option<String>,
    pub gpu_model: Option<String>,
    pub vram_mb: Option<i64>,
    pub score: Option<i64>,
    pub bench_version: Option<i64>,
    pub nonce: Option<i64>,
    pub measured_at: Option<i64>,
    pub effective_at: Option<i64>,
    pub expires_at: Option<i64>,
    #[schema(value_type = Option<Vec<String>>)]
    pub attesters: Option<serde_json::Value>,
    pub revoked_by: Option<String>,
    pub reason: Option<String>,
}

/// A device key registered or a device released (insert-only history).
#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize, utoipa::ToSchema)]
#[diesel(table_name = device_events, check_for_backend(diesel::pg::Pg), treat_none_as_default_value = false)]
#[allow(missing_docs)]
pub struct DeviceEventRow {
    pub version: i64,
    pub event_index: i32,
    pub worker: String,
    /// `key_registered` or `released`.
    pub event: String,
    pub device_id: Option<String>,
    pub public_key: Option<String>,
    pub previous_key: Option<String>,
    pub released_by: Option<String>,
    /// 1 by the worker, 2 expired long ago, 3 by the admin.
    pub release_kind: Option<i16>,
}

/// One attester's uptime vote for a worker in an epoch.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize, utoipa::ToSchema)]
#[diesel(table_name = uptime_votes, check_for_backend(diesel::pg::Pg), treat_none_as_default_value = false)]
#[allow(missing_docs)]
pub struct UptimeVoteRow {
    pub epoch: i64,
    pub worker: String,
    pub attester: String,
    pub online_secs: i64,
    pub approvals: i64,
    pub threshold: i64,
    pub version: i64,
}

/// A reward epoch.
#[derive(
    Debug, Clone, Queryable, Selectable, Insertable, Serialize, serde::Deserialize, utoipa::ToSchema,
)]
#[diesel(table_name = epochs, check_for_backend(diesel::pg::Pg), treat_none_as_default_value = false)]
#[allow(missing_docs)]
pub struct EpochRow {
    pub epoch: i64,
    pub funded: i64,
    pub closed: bool,
    pub pool: i64,
    pub poc_pool: i64,
    pub pod_pool: i64,
    pub total_poc_weight: String,
    pub total_pod_weight: String,
    pub rolled_over: i64,
    pub claimed: i64,
    pub reported_online_secs: i64,
    pub updated_version: i64,
}

/// A worker's uptime, leases and reward in one epoch.
#[derive(
    Debug,
    Clone,
    Queryable,
    QueryableByName,
    Selectable,
    Insertable,
    Serialize,
    serde::Deserialize,
    utoipa::ToSchema,
)]
#[diesel(table_name = worker_epochs, check_for_backend(diesel::pg::Pg), treat_none_as_default_value = false)]
#[allow(missing_docs)]
pub struct WorkerEpochRow {
    pub worker: String,
    pub epoch: i64,
    pub online_secs: i64,
    pub uptime_score: i64,
    pub poc_weight: String,
    pub lease_secs: i64,
    pub pod_weight: String,
    pub poc_amount: i64,
    pub pod_amount: i64,
    pub claimed: i64,
}

/// A VIP pass.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize, utoipa::ToSchema)]
#[diesel(table_name = vip_passes, check_for_backend(diesel::pg::Pg), treat_none_as_default_value = false)]
#[allow(missing_docs)]
pub struct VipPassRow {
    pub holder: String,
    pub role: i16,
    pub token: String,
    pub minted_at: i64,
    pub revoked: bool,
    pub revoked_by: Option<String>,
    pub updated_version: i64,
    /// Burnt by `expire` (the holder stopped qualifying).
    pub expired: bool,
    /// The admin's revocation bans the holder from the role until lifted.
    pub banned: bool,
}

/// A config parameter.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize, utoipa::ToSchema)]
#[diesel(table_name = params, check_for_backend(diesel::pg::Pg), treat_none_as_default_value = false)]
#[allow(missing_docs)]
pub struct ParamRow {
    pub name: String,
    pub value: i64,
    pub updated_version: i64,
    /// The value of a queued change (null when none).
    pub pending_value: Option<i64>,
    /// When the queued change may be applied.
    pub pending_effective_at: Option<i64>,
}

/// What `config::initialize` set.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize, utoipa::ToSchema)]
#[diesel(table_name = chain_config, check_for_backend(diesel::pg::Pg), treat_none_as_default_value = false)]
#[allow(missing_docs)]
pub struct ChainConfigRow {
    #[serde(skip)]
    pub id: i16,
    pub admin: String,
    pub payment_asset: String,
    /// Decimals of the payment asset: amounts are its base units.
    pub decimals: i16,
    pub treasury: String,
    pub arbiter: String,
    pub initialized_version: i64,
}

/// A testnet-campaign participant.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize, utoipa::ToSchema)]
#[diesel(table_name = campaign_users, check_for_backend(diesel::pg::Pg), treat_none_as_default_value = false)]
#[allow(missing_docs)]
pub struct CampaignUserRow {
    pub address: String,
    pub total_points: i64,
    pub checkin_points: i64,
    pub social_points: i64,
    pub referral_points: i64,
    pub check_ins: i64,
    pub streak: i64,
    pub last_day: Option<i64>,
    pub credits_earned: i64,
    pub referrer: Option<String>,
    pub referrals: i64,
    pub leaderboard_rank: Option<i64>,
    pub prize: i64,
    pub updated_version: i64,
    pub creator_render_points: i64,
    pub worker_render_points: i64,
    pub online_points: i64,
    /// Micro-credits spent on jobs (`credits_earned` is micro-credits too).
    pub credits_spent: i64,
    /// Jobs that spent a credit.
    pub credited_jobs: i64,
    /// When `total_points` last changed (version, event index): ties rank by it.
    #[serde(skip)]
    pub points_version: i64,
    #[serde(skip)]
    pub points_event_index: i32,
}

impl CampaignUserRow {
    /// A participant first seen at `version`.
    pub fn new(address: String, version: i64) -> Self {
        Self {
            address,
            total_points: 0,
            checkin_points: 0,
            social_points: 0,
            referral_points: 0,
            check_ins: 0,
            streak: 0,
            last_day: None,
            credits_earned: 0,
            referrer: None,
            referrals: 0,
            leaderboard_rank: None,
            prize: 0,
            updated_version: version,
            creator_render_points: 0,
            worker_render_points: 0,
            online_points: 0,
            credits_spent: 0,
            credited_jobs: 0,
            points_version: 0,
            points_event_index: 0,
        }
    }
}

/// The campaign's settings and pool.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize, utoipa::ToSchema)]
#[diesel(table_name = campaign, check_for_backend(diesel::pg::Pg), treat_none_as_default_value = false)]
#[allow(missing_docs)]
pub struct CampaignRow {
    #[serde(skip)]
    pub id: i16,
    pub operator: Option<String>,
    pub period_start: i64,
    pub period_end: i64,
    pub credit_value: i64,
    #[schema(value_type = Vec<u64>)]
    pub tier_amounts: serde_json::Value,
    pub pool: i64,
    pub funded_total: i64,
    pub paid_total: i64,
    pub swept_total: i64,
    pub updated_version: i64,
}
