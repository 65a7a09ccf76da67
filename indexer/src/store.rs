//! PostgreSQL storage: the connection pool, the embedded migrations, the row
//! types, and [`apply_batch`], which writes a batch's raw events, folded
//! projections and checkpoint in one transaction.
//!
//! Re-applying a batch is a no-op: the checkpoint is read under a row lock
//! in the same transaction and events at or below it are dropped before
//! anything is written, so projections never count an event twice.

use diesel::pg::PgConnection;
use diesel::prelude::*;
use diesel::r2d2::{ConnectionManager, Pool};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};
use serde::Serialize;

use crate::checkpoint;
use crate::decode::Batch;
use crate::schema::*;

/// The pool type used everywhere.
pub type PgPool = Pool<ConnectionManager<PgConnection>>;

/// The schema, compiled into the binary and applied at start.
pub const MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations");

/// Storage errors.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A query failed.
    #[error("database: {0}")]
    Db(#[from] diesel::result::Error),
    /// No connection could be had.
    #[error("database connection: {0}")]
    Pool(String),
    /// The schema could not be brought up to date.
    #[error("migrations: {0}")]
    Migration(String),
    /// The database mirrors another package.
    #[error("the database mirrors package {database}, but the indexer is configured for {configured}; use another database")]
    PackageMismatch {
        /// Package in the database.
        database: String,
        /// Package configured.
        configured: String,
    },
    /// The database was built from another chain.
    #[error("chain id mismatch: the database was built from chain {database}, the node serves chain {node}")]
    ChainMismatch {
        /// Chain id in the database.
        database: u8,
        /// Chain id of the node.
        node: u8,
    },
    /// The checkpoint row is missing.
    #[error("the database has no checkpoint; start the indexer once to initialise it")]
    NotInitialised,
}

impl From<diesel::r2d2::PoolError> for StoreError {
    fn from(e: diesel::r2d2::PoolError) -> Self {
        StoreError::Pool(e.to_string())
    }
}

/// Opens a pool of `size` connections to `url`.
pub fn pool(url: &str, size: u32) -> Result<PgPool, StoreError> {
    Pool::builder()
        .max_size(size.max(2))
        .connection_timeout(std::time::Duration::from_secs(10))
        .build(ConnectionManager::<PgConnection>::new(url))
        .map_err(|e| StoreError::Pool(format!("{}: {e}", redact(url))))
}

/// The URL without its password, for messages.
pub fn redact(url: &str) -> String {
    let Some(scheme_end) = url.find("://").map(|i| i + 3) else {
        return url.to_string();
    };
    let rest = &url[scheme_end..];
    let Some(at) = rest.find('@') else {
        return url.to_string();
    };
    match rest[..at].split_once(':') {
        Some((user, _)) => format!("{}{user}:***{}", &url[..scheme_end], &rest[at..]),
        None => url.to_string(),
    }
}

/// Applies pending migrations.
pub fn migrate(conn: &mut PgConnection) -> Result<(), StoreError> {
    conn.run_pending_migrations(MIGRATIONS)
        .map(|_| ())
        .map_err(|e| StoreError::Migration(e.to_string()))
}

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
#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = jobs, check_for_backend(diesel::pg::Pg), treat_none_as_default_value = false)]
#[allow(missing_docs)]
pub struct JobRow {
    pub job_id: i64,
    pub address: String,
    pub creator: String,
    pub worker: Option<String>,
    /// Served by the API as its name (`completed`); the code is `status_code`.
    #[serde(serialize_with = "crate::project::status::serialize_name")]
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
}

/// A worker.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize, QueryableByName)]
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
        }
    }
}

/// A creator.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
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
#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = creator_months, check_for_backend(diesel::pg::Pg), treat_none_as_default_value = false)]
#[allow(missing_docs)]
pub struct CreatorMonthRow {
    pub creator: String,
    pub month: i64,
    pub spent: i64,
}

/// A score attestation or revocation.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
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
    pub attesters: Option<serde_json::Value>,
    pub revoked_by: Option<String>,
    pub reason: Option<String>,
}

/// A reward epoch.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize, serde::Deserialize)]
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
#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize, serde::Deserialize)]
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
#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
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
}

/// A config parameter.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = params, check_for_backend(diesel::pg::Pg), treat_none_as_default_value = false)]
#[allow(missing_docs)]
pub struct ParamRow {
    pub name: String,
    pub value: i64,
    pub updated_version: i64,
}

/// A testnet-campaign participant.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
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
    pub claimable: i64,
    pub claimed_total: i64,
    pub referrer: Option<String>,
    pub referrals: i64,
    pub leaderboard_rank: Option<i64>,
    pub prize: i64,
    pub updated_version: i64,
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
            claimable: 0,
            claimed_total: 0,
            referrer: None,
            referrals: 0,
            leaderboard_rank: None,
            prize: 0,
            updated_version: version,
        }
    }
}

/// The campaign's settings and pool.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = campaign, check_for_backend(diesel::pg::Pg), treat_none_as_default_value = false)]
#[allow(missing_docs)]
pub struct CampaignRow {
    #[serde(skip)]
    pub id: i16,
    pub operator: Option<String>,
    pub period_start: i64,
    pub period_end: i64,
    pub credit_value: i64,
    pub tier_amounts: serde_json::Value,
    pub pool: i64,
    pub funded_total: i64,
    pub paid_total: i64,
    pub swept_total: i64,
    pub updated_version: i64,
}

/// What [`apply_batch`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applied {
    /// The batch was written; `events` new events.
    Written {
        /// Events stored.
        events: u64,
    },
    /// Everything in it was already applied.
    AlreadyApplied,
}

/// Rows per INSERT statement for a table of `cols` columns (PostgreSQL
/// takes at most 65 535 bind parameters per statement).
pub(crate) fn chunk_rows(cols: usize) -> usize {
    (65_535 / cols).max(1)
}

/// Writes a batch (raw events, projections, checkpoint) in one transaction.
pub fn apply_batch(conn: &mut PgConnection, batch: &Batch) -> Result<Applied, StoreError> {
    write_batch(conn, None, batch)
}

/// Writes a batch like [`apply_batch`], with the raw events on a second
/// connection `raw` at the same time as the projections on `conn`: the two
/// halves cost PostgreSQL about the same, and one server process per
/// connection lets them use two cores instead of one.
///
/// The raw events commit first, in their own transaction; the projections
/// and the checkpoint commit after them, so the checkpoint never covers an
/// event that is not stored. A crash between the two commits leaves events
/// at or past the checkpoint (never read as indexed: the API stops at the
/// checkpoint); the next write of that range deletes them before copying,
/// and [`remove_orphans`] does at start.
pub fn apply_batch_split(
    conn: &mut PgConnection,
    raw: &mut PgConnection,
    batch: &Batch,
) -> Result<Applied, StoreError> {
    write_batch(conn, Some(raw), batch)
}

/// Deletes raw events at or past the checkpoint: what a crash between the
/// two commits of [`apply_batch_split`] left behind. Returns how many.
pub fn remove_orphans(conn: &mut PgConnection) -> Result<usize, StoreError> {
    let Some(cp) = checkpoint::load(conn)? else {
        return Ok(0);
    };
    delete_from(conn, cp.next_version)
}

fn delete_from(conn: &mut PgConnection, version: u64) -> Result<usize, StoreError> {
    // `max` is one probe of the primary key whatever the statistics say,
    // whereas the planner may scan the whole table for a range it thinks
    // is large; there is almost never anything to delete.
    let newest: Option<i64> = events::table
        .select(diesel::dsl::max(events::version))
        .first(conn)?;
    if newest.is_none_or(|v| v < to_i64(version)) {
        return Ok(0);
    }
    Ok(diesel::delete(events::table.filter(events::version.ge(to_i64(version)))).execute(conn)?)
}

/// The raw half: orphans of an earlier interrupted write removed, then the
/// rows by binary COPY. No other conflict is possible: the checkpoint
/// filter dropped everything already stored, under the checkpoint lock the
/// caller holds.
fn store_events(conn: &mut PgConnection, from: u64, rows: &[EventRow]) -> Result<(), StoreError> {
    delete_from(conn, from)?;
    if !rows.is_empty() {
        diesel::copy_from(events::table)
            .from_insertable(rows)
            .execute(conn)?;
    }
    Ok(())
}

fn write_batch(
    conn: &mut PgConnection,
    raw: Option<&mut PgConnection>,
    batch: &Batch,
) -> Result<Applied, StoreError> {
    conn.transaction(|conn| {
        let cp = checkpoint::lock(conn)?;
        if batch.transactions == 0 || batch.last_version < cp.next_version {
            return Ok(Applied::AlreadyApplied);
        }
        let fresh: Vec<&crate::decode::Decoded> = batch
            .events
            .iter()
            .filter(|e| e.version >= cp.next_version)
            .collect();
        let rows: Vec<EventRow> = fresh.iter().map(|d| crate::project::event_row(d)).collect();
        match raw {
            None => {
                store_events(conn, cp.next_version, &rows)?;
                crate::project::apply(conn, &fresh)?;
            }
            Some(raw) => {
                let (stored, projected) = std::thread::scope(|s| {
                    let events = s
                        .spawn(|| raw.transaction(|raw| store_events(raw, cp.next_version, &rows)));
                    let projected = crate::project::apply(conn, &fresh);
                    (events.join(), projected)
                });
                // A panic there is a bug: it goes on as a panic here.
                stored.unwrap_or_else(|p| std::panic::resume_unwind(p))?;
                projected?;
            }
        }
        checkpoint::advance(
            conn,
            batch.last_version,
            batch.last_timestamp_us.max(cp.timestamp_us),
            rows.len() as u64,
        )?;
        Ok(Applied::Written {
            events: rows.len() as u64,
        })
    })
}

#[cfg(test)]
mod tests;
