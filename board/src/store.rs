//! PostgreSQL storage of the board (schema `board`, embedded migrations):
//! jobs, offer ladders, frames and seen request signatures.
//!
//! Every connection's `search_path` is `board`, so the migrations and their
//! bookkeeping table live in that schema and the board can share a database
//! with the indexer without touching its tables.

use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::prelude::*;
use diesel::r2d2::{ConnectionManager, CustomizeConnection, Pool};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};
use lumen_sdk::messages::AssignmentOffer;
use lumen_sdk::render::{Hash32, JobSpec};
use lumen_sdk::AccountAddress;

use crate::proto::{FrameView, JobView, OfferState, OfferView, RerenderView, SignedOffer};
use crate::schema::{frames, jobs, offers, seen_signatures};

/// The pool type.
pub type PgPool = Pool<ConnectionManager<PgConnection>>;

/// The schema, compiled into the binary and applied at start.
pub const MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations");

/// The PostgreSQL schema the board's tables live in.
pub const SCHEMA: &str = "board";

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
    /// A stored row no longer reads (written by another version?).
    #[error("stored {what} does not read: {reason}")]
    Corrupt {
        /// What.
        what: &'static str,
        /// Why.
        reason: String,
    },
}

impl From<diesel::r2d2::PoolError> for StoreError {
    fn from(e: diesel::r2d2::PoolError) -> Self {
        StoreError::Pool(e.to_string())
    }
}

#[derive(Debug, Clone, Copy)]
struct SearchPath;

impl CustomizeConnection<PgConnection, diesel::r2d2::Error> for SearchPath {
    fn on_acquire(&self, conn: &mut PgConnection) -> Result<(), diesel::r2d2::Error> {
        conn.batch_execute(&format!("SET search_path TO {SCHEMA}"))
            .map_err(diesel::r2d2::Error::QueryError)
    }
}

/// Opens a pool of `size` connections to `url`.
pub fn pool(url: &str, size: u32) -> Result<PgPool, StoreError> {
    Pool::builder()
        .max_size(size.max(2))
        .connection_timeout(std::time::Duration::from_secs(10))
        .connection_customizer(Box::new(SearchPath))
        .build(ConnectionManager::<PgConnection>::new(url))
        .map_err(|e| StoreError::Pool(e.to_string()))
}

/// Creates the schema if needed and applies pending migrations.
pub fn migrate(conn: &mut PgConnection) -> Result<(), StoreError> {
    conn.batch_execute(&format!(
        "CREATE SCHEMA IF NOT EXISTS {SCHEMA}; SET search_path TO {SCHEMA}"
    ))?;
    conn.run_pending_migrations(MIGRATIONS)
        .map(|_| ())
        .map_err(|e| StoreError::Migration(e.to_string()))
}

/// u64 into BIGINT, saturating (times, ids and counts never get there).
pub fn to_i64(v: u64) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

fn to_u64(v: i64) -> u64 {
    u64::try_from(v).unwrap_or(0)
}

fn addr(what: &'static str, s: &str) -> Result<AccountAddress, StoreError> {
    AccountAddress::from_hex(s).map_err(|e| StoreError::Corrupt {
        what,
        reason: e.to_string(),
    })
}

/// A job row.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = jobs, check_for_backend(diesel::pg::Pg))]
pub struct JobRow {
    /// Object address.
    pub job: String,
    /// On-chain id.
    pub job_id: i64,
    /// Creator address.
    pub creator: String,
    /// The spec, JSON.
    pub spec: serde_json::Value,
    /// Its hash.
    pub spec_hash: String,
    /// Frames.
    pub frames: i64,
    /// Creator VIP.
    pub creator_vip: bool,
    /// Posted at.
    pub posted_at: i64,
    /// Rerender round.
    pub rerender_round: Option<i64>,
    /// Rerender frames (JSON array).
    pub rerender_frames: Option<serde_json::Value>,
}

impl JobRow {
    /// The stored spec.
    pub fn spec(&self) -> Result<JobSpec, StoreError> {
        serde_json::from_value(self.spec.clone()).map_err(|e| StoreError::Corrupt {
            what: "job spec",
            reason: e.to_string(),
        })
    }
}

/// An offer row.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = offers, check_for_backend(diesel::pg::Pg))]
pub struct OfferRow {
    /// Id.
    pub id: i64,
    /// Job address.
    pub job: String,
    /// Ladder position.
    pub position: i32,
    /// Worker address.
    pub worker: String,
    /// The signed offer, JSON.
    pub offer: serde_json::Value,
    /// Creator's public key.
    pub public_key: String,
    /// Creator's signature.
    pub signature: String,
    /// `offer_expires_at`.
    pub expires_at: i64,
    /// State name.
    pub state: String,
    /// Why closed.
    pub reason: Option<String>,
    /// Posted at.
    pub posted_at: i64,
    /// Activated at.
    pub activated_at: Option<i64>,
    /// First delivered at.
    pub delivered_at: Option<i64>,
    /// Closed at.
    pub closed_at: Option<i64>,
}

impl OfferRow {
    /// The offer's state.
    pub fn state(&self) -> Result<OfferState, StoreError> {
        OfferState::parse(&self.state).ok_or(StoreError::Corrupt {
            what: "offer state",
            reason: self.state.clone(),
        })
    }

    /// The worker's address.
    pub fn worker(&self) -> Result<AccountAddress, StoreError> {
        addr("offer worker", &self.worker)
    }

    fn view(&self, job: &JobRow) -> Result<OfferView, StoreError> {
        let offer: AssignmentOffer =
            serde_json::from_value(self.offer.clone()).map_err(|e| StoreError::Corrupt {
                what: "offer",
                reason: e.to_string(),
            })?;
        Ok(OfferView {
            id: self.id,
            position: self.position,
            state: self.state()?,
            reason: self.reason.clone(),
            offer,
            public_key: self.public_key.clone(),
            signature: self.signature.clone(),
            creator: addr("job creator", &job.creator)?,
            creator_vip: job.creator_vip,
            activated_at: self.activated_at.map(to_u64),
        })
    }
}

/// Inserts a job; posting the same job again is a no-op.
pub fn insert_job(conn: &mut PgConnection, row: &JobRow) -> Result<(), StoreError> {
    diesel::insert_into(jobs::table)
        .values(row)
        .on_conflict_do_nothing()
        .execute(conn)?;
    Ok(())
}

/// The job row.
pub fn job(conn: &mut PgConnection, job: &AccountAddress) -> Result<Option<JobRow>, StoreError> {
    Ok(jobs::table
        .find(job.to_hex())
        .select(JobRow::as_select())
        .first(conn)
        .optional()?)
}

/// The job with its offers and frames.
pub fn job_view(
    conn: &mut PgConnection,
    address: &AccountAddress,
) -> Result<Option<JobView>, StoreError> {
    let Some(row) = job(conn, address)? else {
        return Ok(None);
    };
    let offer_rows: Vec<OfferRow> = offers::table
        .filter(offers::job.eq(&row.job))
        .order(offers::position)
        .select(OfferRow::as_select())
        .load(conn)?;
    let frame_rows: Vec<(i64, String, i64, i64)> = frames::table
        .filter(frames::job.eq(&row.job))
        .order(frames::frame)
        .select((
            frames::frame,
            frames::hash,
            frames::size,
            frames::uploaded_at,
        ))
        .load(conn)?;
    let frames = frame_rows
        .into_iter()
        .map(|(frame, hash, size, at)| {
            Ok(FrameView {
                frame: to_u64(frame),
                hash: hash
                    .parse()
                    .map_err(|e: lumen_sdk::render::HashParseError| StoreError::Corrupt {
                        what: "frame hash",
                        reason: e.to_string(),
                    })?,
                size: to_u64(size),
                uploaded_at: to_u64(at),
            })
        })
        .collect::<Result<_, StoreError>>()?;
    let rerender = match (row.rerender_round, &row.rerender_frames) {
        (Some(round), Some(list)) => Some(RerenderView {
            round: to_u64(round),
            frames: serde_json::from_value(list.clone()).map_err(|e| StoreError::Corrupt {
                what: "rerender frames",
                reason: e.to_string(),
            })?,
        }),
        _ => None,
    };
    Ok(Some(JobView {
        job: *address,
        job_id: to_u64(row.job_id),
        creator: addr("job creator", &row.creator)?,
        spec: row.spec()?,
        spec_hash: row
            .spec_hash
            .parse()
            .map_err(|e: lumen_sdk::render::HashParseError| StoreError::Corrupt {
                what: "spec hash",
                reason: e.to_string(),
            })?,
        creator_vip: row.creator_vip,
        posted_at: to_u64(row.posted_at),
        offers: offer_rows
            .iter()
            .map(|o| o.view(&row))
            .collect::<Result<_, _>>()?,
        frames,
        rerender,
    }))
}

/// Why a ladder cannot be stored.
#[derive(Debug, thiserror::Error)]
pub enum LadderError {
    /// Offers of an earlier ladder are still waiting or active.
    #[error("the job has offers still waiting or active (ids {0:?}); post a new ladder once they are closed")]
    Busy(Vec<i64>),
    /// Storage.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<diesel::result::Error> for LadderError {
    fn from(e: diesel::result::Error) -> Self {
        LadderError::Store(e.into())
    }
}

/// Stores a ladder (checked by the caller) after the job's earlier offers;
/// its first offer becomes active at once. Returns the activated worker.
pub fn insert_ladder(
    conn: &mut PgConnection,
    job: &AccountAddress,
    public_key: &str,
    ladder: &[SignedOffer],
    now: u64,
) -> Result<Option<AccountAddress>, LadderError> {
    conn.transaction(|conn| {
        let job_key = job.to_hex();
        // Serialises ladders of one job.
        jobs::table
            .find(&job_key)
            .select(jobs::job)
            .for_update()
            .first::<String>(conn)?;
        let open: Vec<i64> = offers::table
            .filter(offers::job.eq(&job_key))
            .filter(offers::state.eq_any(["waiting", "active"]))
            .select(offers::id)
            .load(conn)?;
        if !open.is_empty() {
            return Err(LadderError::Busy(open));
        }
        let next: Option<i32> = offers::table
            .filter(offers::job.eq(&job_key))
            .select(diesel::dsl::max(offers::position))
            .first(conn)?;
        let first = next.map_or(0, |p| p + 1);
        for (i, s) in ladder.iter().enumerate() {
            diesel::insert_into(offers::table)
                .values((
                    offers::job.eq(&job_key),
                    offers::position.eq(first + i as i32),
                    offers::worker.eq(s.offer.worker.to_hex()),
                    offers::offer.eq(serde_json::to_value(&s.offer).expect("offers serialise")),
                    offers::public_key.eq(public_key),
                    offers::signature.eq(&s.signature),
                    offers::expires_at.eq(to_i64(s.offer.offer_expires_at)),
                    offers::state.eq("waiting"),
                    offers::posted_at.eq(to_i64(now)),
                ))
                .execute(conn)?;
        }
        Ok(activate_next(conn, &job_key, now)?)
    })
}

/// Activates the job's first waiting offer that has not expired yet (those
/// that have are closed as expired). Returns its worker.
fn activate_next(
    conn: &mut PgConnection,
    job_key: &str,
    now: u64,
) -> Result<Option<AccountAddress>, StoreError> {
    loop {
        let next: Option<OfferRow> = offers::table
            .filter(offers::job.eq(job_key))
            .filter(offers::state.eq("waiting"))
            .order(offers::position)
            .select(OfferRow::as_select())
            .first(conn)
            .optional()?;
        let Some(next) = next else { return Ok(None) };
        if to_u64(next.expires_at) <= now {
            close(
                conn,
                next.id,
                OfferState::Expired,
                "expired before its turn",
                now,
            )?;
            continue;
        }
        diesel::update(offers::table.find(next.id))
            .set((
                offers::state.eq("active"),
                offers::activated_at.eq(Some(to_i64(now))),
            ))
            .execute(conn)?;
        return Ok(Some(next.worker()?));
    }
}

fn close(
    conn: &mut PgConnection,
    id: i64,
    state: OfferState,
    reason: &str,
    now: u64,
) -> Result<(), StoreError> {
    diesel::update(offers::table.find(id))
        .set((
            offers::state.eq(state.as_str()),
            offers::reason.eq(Some(reason)),
            offers::closed_at.eq(Some(to_i64(now))),
        ))
        .execute(conn)?;
    Ok(())
}

/// The worker's active offers, creators with a VIP pass first, then oldest
/// first; marks them delivered.
pub fn active_offers_for(
    conn: &mut PgConnection,
    worker: &AccountAddress,
    now: u64,
) -> Result<Vec<OfferView>, StoreError> {
    let rows: Vec<(OfferRow, JobRow)> = offers::table
        .inner_join(jobs::table)
        .filter(offers::worker.eq(worker.to_hex()))
        .filter(offers::state.eq("active"))
        .filter(offers::expires_at.gt(to_i64(now)))
        .order((
            jobs::creator_vip.desc(),
            offers::activated_at.asc(),
            offers::id.asc(),
        ))
        .select((OfferRow::as_select(), JobRow::as_select()))
        .load(conn)?;
    let fresh: Vec<i64> = rows
        .iter()
        .filter(|(o, _)| o.delivered_at.is_none())
        .map(|(o, _)| o.id)
        .collect();
    if !fresh.is_empty() {
        diesel::update(offers::table.filter(offers::id.eq_any(&fresh)))
            .set(offers::delivered_at.eq(Some(to_i64(now))))
            .execute(conn)?;
    }
    rows.iter().map(|(o, j)| o.view(j)).collect()
}

/// The offer and its job.
pub fn offer(conn: &mut PgConnection, id: i64) -> Result<Option<(OfferRow, JobRow)>, StoreError> {
    Ok(offers::table
        .inner_join(jobs::table)
        .filter(offers::id.eq(id))
        .select((OfferRow::as_select(), JobRow::as_select()))
        .first(conn)
        .optional()?)
}

/// The offer as shown.
pub fn offer_view(conn: &mut PgConnection, id: i64) -> Result<Option<OfferView>, StoreError> {
    offer(conn, id)?.map(|(o, j)| o.view(&j)).transpose()
}

/// Closes an active offer as declined or expired and activates the next
/// one of its ladder; returns the newly activated worker. A no-op (`None`)
/// when the offer is no longer active.
pub fn close_and_advance(
    conn: &mut PgConnection,
    id: i64,
    state: OfferState,
    reason: &str,
    now: u64,
) -> Result<Option<AccountAddress>, StoreError> {
    conn.transaction(|conn| {
        let row: Option<OfferRow> = offers::table
            .find(id)
            .select(OfferRow::as_select())
            .for_update()
            .first(conn)
            .optional()?;
        let Some(row) = row.filter(|r| r.state == "active") else {
            return Ok(None);
        };
        close(conn, id, state, reason, now)?;
        activate_next(conn, &row.job, now)
    })
}

/// The job left Open on chain: the active offer of `worker` (if any) is
/// accepted, every other waiting or active offer superseded.
pub fn settle_ladder(
    conn: &mut PgConnection,
    job: &AccountAddress,
    worker: Option<AccountAddress>,
    now: u64,
) -> Result<(), StoreError> {
    let job_key = job.to_hex();
    conn.transaction(|conn| {
        if let Some(w) = worker {
            diesel::update(
                offers::table
                    .filter(offers::job.eq(&job_key))
                    .filter(offers::worker.eq(w.to_hex()))
                    .filter(offers::state.eq("active")),
            )
            .set((
                offers::state.eq("accepted"),
                offers::closed_at.eq(Some(to_i64(now))),
            ))
            .execute(conn)?;
        }
        diesel::update(
            offers::table
                .filter(offers::job.eq(&job_key))
                .filter(offers::state.eq_any(["waiting", "active"])),
        )
        .set((
            offers::state.eq("superseded"),
            offers::reason.eq(Some("the job is no longer open on chain")),
            offers::closed_at.eq(Some(to_i64(now))),
        ))
        .execute(conn)?;
        Ok(())
    })
}

/// Active offers whose expiry has come: `(offer id, job)`.
pub fn due_offers(
    conn: &mut PgConnection,
    now: u64,
) -> Result<Vec<(i64, AccountAddress)>, StoreError> {
    let rows: Vec<(i64, String)> = offers::table
        .filter(offers::state.eq("active"))
        .filter(offers::expires_at.le(to_i64(now)))
        .order(offers::expires_at)
        .select((offers::id, offers::job))
        .limit(1000)
        .load(conn)?;
    rows.into_iter()
        .map(|(id, j)| Ok((id, addr("offer job", &j)?)))
        .collect()
}

/// Records an uploaded frame (replacing an earlier upload of it).
pub fn upsert_frame(
    conn: &mut PgConnection,
    job: &AccountAddress,
    frame: u64,
    hash: &Hash32,
    size: u64,
    now: u64,
) -> Result<(), StoreError> {
    diesel::insert_into(frames::table)
        .values((
            frames::job.eq(job.to_hex()),
            frames::frame.eq(to_i64(frame)),
            frames::hash.eq(hash.to_string()),
            frames::size.eq(to_i64(size)),
            frames::uploaded_at.eq(to_i64(now)),
        ))
        .on_conflict((frames::job, frames::frame))
        .do_update()
        .set((
            frames::hash.eq(hash.to_string()),
            frames::size.eq(to_i64(size)),
            frames::uploaded_at.eq(to_i64(now)),
        ))
        .execute(conn)?;
    Ok(())
}

/// Stores the rerender list of `round`.
pub fn set_rerender(
    conn: &mut PgConnection,
    job: &AccountAddress,
    round: u64,
    frames: &[u64],
) -> Result<(), StoreError> {
    diesel::update(jobs::table.find(job.to_hex()))
        .set((
            jobs::rerender_round.eq(Some(to_i64(round))),
            jobs::rerender_frames.eq(Some(serde_json::json!(frames))),
        ))
        .execute(conn)?;
    Ok(())
}

/// Remembers a request signature until `expires_at`; `false` when it was
/// already seen (a replay).
pub fn remember_signature(
    conn: &mut PgConnection,
    signature: &str,
    expires_at: u64,
) -> Result<bool, StoreError> {
    let n = diesel::insert_into(seen_signatures::table)
        .values((
            seen_signatures::signature.eq(signature),
            seen_signatures::expires_at.eq(to_i64(expires_at)),
        ))
        .on_conflict_do_nothing()
        .execute(conn)?;
    Ok(n == 1)
}

/// Forgets signatures whose window has passed.
pub fn prune_signatures(conn: &mut PgConnection, now: u64) -> Result<usize, StoreError> {
    Ok(
        diesel::delete(seen_signatures::table.filter(seen_signatures::expires_at.lt(to_i64(now))))
            .execute(conn)?,
    )
}
