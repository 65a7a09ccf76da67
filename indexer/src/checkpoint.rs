//! The checkpoint: the next version to read, and the chain and package the
//! database mirrors. It lives in the same database as the data and moves in
//! the same transaction as a batch's projections, after the batch's raw
//! events committed on their own connection (`store`), so after a crash it
//! never covers anything that is not stored.

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
}

impl Checkpoint {
    /// The last applied version, if any.
    pub fn last_version(&self) -> Option<u64> {
        self.next_version.checked_sub(1)
    }
}

type Row = (i64, i64, Option<i64>, String, i64);

fn from_row((v, ts, chain, package, total): Row) -> Checkpoint {
    Checkpoint {
        next_version: v as u64,
        timestamp_us: ts as u64,
        chain_id: chain.map(|c| c as u8),
        package,
        events_total: total as u64,
    }
}

fn select() -> (
    checkpoint::version,
    checkpoint::timestamp_us,
    checkpoint::chain_id,
    checkpoint::package,
    checkpoint::events_total,
) {
    (
        checkpoint::version,
        checkpoint::timestamp_us,
        checkpoint::chain_id,
        checkpoint::package,
        checkpoint::events_total,
    )
}

/// The checkpoint, if the database was initialised.
pub fn load(conn: &mut PgConnection) -> Result<Option<Checkpoint>, StoreError> {
    Ok(checkpoint::table
        .find(1i16)
        .select(select())
        .first::<Row>(conn)
        .optional()?
        .map(from_row))
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
        .select(select())
        .for_update()
        .first::<Row>(conn)
        .optional()?
        .map(from_row)
        .ok_or(StoreError::NotInitialised)
}

/// Moves the checkpoint past `last_version`.
pub(crate) fn advance(
    conn: &mut PgConnection,
    last_version: u64,
    timestamp_us: u64,
    events_added: u64,
) -> Result<(), StoreError> {
    diesel::update(checkpoint::table.find(1i16))
        .set((
            checkpoint::version.eq(to_i64(last_version + 1)),
            checkpoint::timestamp_us.eq(to_i64(timestamp_us)),
            checkpoint::events_total.eq(checkpoint::events_total + to_i64(events_added)),
            checkpoint::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)?;
    Ok(())
}
