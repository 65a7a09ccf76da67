//! The checkpoint: the next version to read, where the database began, the
//! chain and package it mirrors, and the identity of the ledger (the hash
//! of the last indexed transaction, the epoch of the last indexed block).
//! It lives in the same database as the data and moves in the same
//! transaction as a batch's projections, after the batch's raw events
//! committed on their own connection (`store`), so after a crash it never
//! covers anything that is not stored.

use diesel::prelude::*;
use lumen_sdk::Package;

use crate::rows::to_i64;
use crate::schema::checkpoint;
use crate::store::StoreError;

/// The row of the `checkpoint` table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkpoint {
    /// First version not yet applied.
    pub next_version: u64,
    /// Commit time of the last applied transaction (µs).
    pub timestamp_us: u64,
    /// Chain id of the node the data came from, once known.
    pub chain_id: Option<u8>,
    /// Package address (long hex) the database mirrors.
    pub package: String,
    /// Package events stored so far.
    pub events_total: u64,
    /// The version the database began at.
    pub first_version: u64,
    /// Hash of the last applied transaction (`0x` hex), once known.
    pub last_hash: Option<String>,
    /// Epoch of the last applied block, once known.
    pub last_epoch: Option<u64>,
}

impl Checkpoint {
    /// The last applied version, if any.
    pub fn last_version(&self) -> Option<u64> {
        self.next_version.checked_sub(1)
    }

    /// Whether any transaction was applied since the database began.
    pub fn has_data(&self) -> bool {
        self.next_version != self.first_version || self.events_total > 0
    }
}

/// The stored columns of the `checkpoint` row.
#[derive(Queryable, Selectable)]
#[diesel(table_name = checkpoint, check_for_backend(diesel::pg::Pg))]
struct Row {
    version: i64,
    timestamp_us: i64,
    chain_id: Option<i64>,
    package: String,
    events_total: i64,
    first_version: i64,
    last_hash: Option<String>,
    last_epoch: Option<i64>,
}

impl From<Row> for Checkpoint {
    fn from(r: Row) -> Self {
        Checkpoint {
            next_version: r.version as u64,
            timestamp_us: r.timestamp_us as u64,
            chain_id: r.chain_id.map(|c| c as u8),
            package: r.package,
            events_total: r.events_total as u64,
            first_version: r.first_version as u64,
            last_hash: r.last_hash,
            last_epoch: r.last_epoch.map(|e| e as u64),
        }
    }
}

/// The checkpoint, if the database was initialised.
pub fn load(conn: &mut PgConnection) -> Result<Option<Checkpoint>, StoreError> {
    Ok(checkpoint::table
        .find(1i16)
        .select(Row::as_select())
        .first::<Row>(conn)
        .optional()?
        .map(Checkpoint::from))
}

/// Loads the checkpoint, creating it at `start_version` for a new database.
/// A database built for another package is refused.
pub fn init(
    conn: &mut PgConnection,
    package: &Package,
    start_version: u64,
) -> Result<Checkpoint, StoreError> {
    let pkg = package.address.to_hex();
    diesel::insert_into(checkpoint::table)
        .values((
            checkpoint::id.eq(1i16),
            checkpoint::version.eq(to_i64(start_version)),
            checkpoint::first_version.eq(to_i64(start_version)),
            checkpoint::timestamp_us.eq(0i64),
            checkpoint::package.eq(&pkg),
            checkpoint::events_total.eq(0i64),
        ))
        .on_conflict_do_nothing()
        .execute(conn)?;
    let cp = load(conn)?.expect("inserted above");
    if cp.package != pkg {
        return Err(StoreError::PackageMismatch {
            database: cp.package,
            configured: pkg,
        });
    }
    Ok(cp)
}

/// Where ingestion starts: the checkpoint, created at `requested` (or 0) on
/// first use. A requested start version moves a checkpoint with nothing
/// applied yet (a first run that failed, e.g. on a pruned node); once data
/// is applied, it must be where the database began (the same command line
/// restarted), anything else is refused.
pub fn begin(
    conn: &mut PgConnection,
    package: &Package,
    requested: Option<u64>,
) -> Result<Checkpoint, StoreError> {
    let cp = init(conn, package, requested.unwrap_or(0))?;
    let Some(want) = requested else {
        return Ok(cp);
    };
    if want == cp.first_version {
        return Ok(cp);
    }
    if cp.has_data() {
        return Err(StoreError::StartVersionConflict {
            requested: want,
            first: cp.first_version,
            next: cp.next_version,
        });
    }
    diesel::update(checkpoint::table.find(1i16))
        .set((
            checkpoint::version.eq(to_i64(want)),
            checkpoint::first_version.eq(to_i64(want)),
            checkpoint::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)?;
    tracing::info!(
        from = cp.next_version,
        to = want,
        "nothing indexed yet: the checkpoint moves to the requested start version"
    );
    Ok(load(conn)?.expect("the row exists"))
}

/// Records the chain id; refuses to change one already recorded.
pub fn set_chain_id(conn: &mut PgConnection, chain_id: u8) -> Result<(), StoreError> {
    let cp = load(conn)?.ok_or(StoreError::NotInitialised)?;
    match cp.chain_id {
        Some(c) if c != chain_id => Err(StoreError::ChainMismatch {
            database: c,
            node: chain_id,
        }),
        Some(_) => Ok(()),
        None => {
            diesel::update(checkpoint::table.find(1i16))
                .set(checkpoint::chain_id.eq(Some(chain_id as i64)))
                .execute(conn)?;
            Ok(())
        }
    }
}

/// Locks the checkpoint row for the current transaction and returns it;
/// concurrent writers (two indexers on one database) queue behind it.
pub(crate) fn lock(conn: &mut PgConnection) -> Result<Checkpoint, StoreError> {
    checkpoint::table
        .find(1i16)
        .select(Row::as_select())
        .for_update()
        .first::<Row>(conn)
        .optional()?
        .map(Checkpoint::from)
        .ok_or(StoreError::NotInitialised)
}

/// What a batch moves the checkpoint to.
pub(crate) struct Advance<'a> {
    /// The batch's last version.
    pub last_version: u64,
    /// Commit time of its last transaction (µs).
    pub timestamp_us: u64,
    /// Package events it stored.
    pub events_added: u64,
    /// Hash of its last transaction, when the source gives it.
    pub last_hash: Option<&'a str>,
    /// Epoch of the last block indexed so far (this batch's, or the
    /// checkpoint's before it).
    pub last_epoch: Option<u64>,
}

/// Moves the checkpoint past a batch.
pub(crate) fn advance(conn: &mut PgConnection, a: Advance<'_>) -> Result<(), StoreError> {
    diesel::update(checkpoint::table.find(1i16))
        .set((
            checkpoint::version.eq(to_i64(a.last_version + 1)),
            checkpoint::timestamp_us.eq(to_i64(a.timestamp_us)),
            checkpoint::events_total.eq(checkpoint::events_total + to_i64(a.events_added)),
            checkpoint::last_hash.eq(a.last_hash),
            checkpoint::last_epoch.eq(a.last_epoch.map(to_i64)),
            checkpoint::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)?;
    Ok(())
}
