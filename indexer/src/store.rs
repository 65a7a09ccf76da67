//! PostgreSQL storage: the connection pool, the embedded migrations, and
//! the write of one batch ([`apply_batch_split`]).
//!
//! A batch is written on two connections at once: its raw events on one,
//! its projections and the checkpoint on the other (the two halves cost
//! PostgreSQL about the same, and one server process per connection lets
//! them use two cores). The raw events commit first, then the projections
//! with the checkpoint, so the checkpoint never covers an event that is not
//! stored; what a crash between the two commits leaves behind lies past the
//! checkpoint, where nothing reads it, and is removed before that range is
//! written again ([`remove_orphans`]).
//!
//! Re-applying a batch is a no-op: the checkpoint is read under a row lock
//! in the projections' transaction and events at or below it are dropped
//! before anything is written, so projections never count an event twice.

use crate::checkpoint;
use crate::decode::Batch;
use crate::rows::{to_i64, EventRow};
use crate::schema::*;
use diesel::pg::PgConnection;
use diesel::prelude::*;
use std::time::Duration;

use diesel::r2d2::{ConnectionManager, ManageConnection, Pool, PooledConnection, R2D2Connection};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

/// The pool type used everywhere.
pub type PgPool = Pool<Manager>;

/// Connections to PostgreSQL for [`PgPool`]. A pool opened with
/// [`PoolOptions::ping_on_lend`] off lends a connection without asking the
/// server first: that `SELECT 1` is a round trip per API request, as much
/// as a whole primary-key read. A connection whose query failed is checked
/// after its use instead ([`lost_after_error`]) and closed if the server no
/// longer answers on it, so a restarted server costs one failed request
/// per pooled connection, never a connection kept dead.
#[derive(Debug)]
pub struct Manager(ConnectionManager<PgConnection>);

thread_local! {
    /// The connection about to be returned on this thread was found dead.
    static LOST: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

impl ManageConnection for Manager {
    type Connection = PgConnection;
    type Error = diesel::r2d2::Error;

    fn connect(&self) -> Result<PgConnection, Self::Error> {
        self.0.connect()
    }

    fn is_valid(&self, conn: &mut PgConnection) -> Result<(), Self::Error> {
        self.0.is_valid(conn)
    }

    fn has_broken(&self, conn: &mut PgConnection) -> bool {
        // The pool asks this on the thread that drops the connection.
        LOST.with(|l| l.replace(false)) || self.0.has_broken(conn)
    }
}

/// After a query on `conn` failed: whether the connection is lost (the
/// server does not answer a ping on it). A lost connection is closed when
/// dropped, on this thread, instead of going back to the pool.
pub fn lost_after_error(conn: &mut PooledConnection<Manager>) -> bool {
    let lost = conn.ping().is_err();
    if lost {
        LOST.with(|l| l.set(true));
    }
    lost
}

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
    /// `--start-version` asks for another beginning than the database has.
    #[error(
        "--start-version {requested} does not fit this database: it began at version {first} \
         and holds versions up to {}; drop --start-version to resume at {next}, or index into a new database",
        next.saturating_sub(1)
    )]
    StartVersionConflict {
        /// The version asked for.
        requested: u64,
        /// Where the database began.
        first: u64,
        /// The checkpoint.
        next: u64,
    },
}

impl From<diesel::r2d2::PoolError> for StoreError {
    fn from(e: diesel::r2d2::PoolError) -> Self {
        StoreError::Pool(e.to_string())
    }
}

/// How a pool connects and how long it waits.
#[derive(Debug, Clone)]
pub struct PoolOptions {
    /// Connections at most (at least 2).
    pub size: u32,
    /// How long a caller waits for a connection (connecting included)
    /// before the database counts as unreachable.
    pub timeout: Duration,
    /// Longest query on its connections (`statement_timeout`); `None`: no
    /// limit.
    pub statement_timeout: Option<Duration>,
    /// Ping the server before lending a connection (see [`Manager`]): for
    /// callers that cannot check a failed connection themselves.
    pub ping_on_lend: bool,
}

impl PoolOptions {
    /// `size` connections, a 2 s wait, no statement limit, a ping before
    /// lending.
    pub fn new(size: u32) -> Self {
        Self {
            size,
            timeout: Duration::from_secs(2),
            statement_timeout: None,
            ping_on_lend: true,
        }
    }
}

/// Sets `statement_timeout` on every new connection.
#[derive(Debug)]
struct StatementTimeout(Duration);

impl diesel::r2d2::CustomizeConnection<PgConnection, diesel::r2d2::Error> for StatementTimeout {
    fn on_acquire(&self, conn: &mut PgConnection) -> Result<(), diesel::r2d2::Error> {
        diesel::sql_query(format!("SET statement_timeout = {}", self.0.as_millis()))
            .execute(conn)
            .map(|_| ())
            .map_err(diesel::r2d2::Error::QueryError)
    }
}

/// Opens a pool of `size` connections to `url` (see [`pool_with`]).
pub fn pool(url: &str, size: u32) -> Result<PgPool, StoreError> {
    pool_with(url, &PoolOptions::new(size))
}

/// Opens a pool to `url`. One connection is made first, so that a
/// malformed URL or an unreachable server is an error at once, with its
/// cause; later, a caller waits at most `timeout` for a connection.
pub fn pool_with(url: &str, o: &PoolOptions) -> Result<PgPool, StoreError> {
    PgConnection::establish(url).map_err(|e| StoreError::Pool(format!("{}: {e}", redact(url))))?;
    let mut b = Pool::builder()
        .max_size(o.size.max(2))
        .min_idle(Some(1))
        .test_on_check_out(o.ping_on_lend)
        .connection_timeout(o.timeout);
    if let Some(t) = o.statement_timeout {
        b = b.connection_customizer(Box::new(StatementTimeout(t)));
    }
    Ok(b.build_unchecked(Manager(ConnectionManager::new(url))))
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

/// Applies pending migrations, one process at a time.
pub fn migrate(conn: &mut PgConnection) -> Result<(), StoreError> {
    crate::writer::with_migration_lock(conn, |conn| {
        conn.run_pending_migrations(MIGRATIONS)
            .map(|_| ())
            .map_err(|e| StoreError::Migration(e.to_string()))
    })
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
/// Only the writer may: past the checkpoint lie the events of the batch
/// it is writing.
pub fn remove_orphans(writer: &mut crate::writer::Writer) -> Result<usize, StoreError> {
    let conn = writer.conn();
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
            checkpoint::Advance {
                last_version: batch.last_version,
                timestamp_us: batch.last_timestamp_us.max(cp.timestamp_us),
                events_added: rows.len() as u64,
                last_hash: batch.last_hash.as_deref(),
                last_epoch: batch.last_epoch.or(cp.last_epoch),
            },
        )?;
        // After the checkpoint: the ranking is computed at its time.
        crate::eligible::refresh(conn, &crate::project::workers_touched(&fresh))?;
        Ok(Applied::Written {
            events: rows.len() as u64,
        })
    })
}

#[cfg(test)]
mod tests;
