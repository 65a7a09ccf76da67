//! Projections: the current state of jobs, workers, creators, epochs, VIP
//! passes, parameters, claimable balances and the testnet campaign, folded
//! from a batch's events.
//!
//! One module per domain, each behind [`Projection`]: per batch, every
//! projection collects the keys of the rows the events touch (`keys`),
//! loads those rows with one query per table (`load`), applies the events
//! in chain order in memory (`apply`), then replaces the rows (delete +
//! binary COPY, `write`) — a handful of statements per batch however many
//! events it holds. Every projection matches every event explicitly, so a
//! new event is a compile error until each domain decided what it does.
//!
//! Replacing rows is only right for rows that were loaded: a row touched
//! without being loaded would overwrite the stored one with a fresh default.
//! [`Rows`] checks this in debug builds (the tests), so a key `keys` forgets
//! is a panic there instead of silent damage.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Debug;

use diesel::pg::PgConnection;
use diesel::QueryResult;
use lumen_sdk::events::LumenEvent;
use lumen_sdk::AccountAddress;

use crate::decode::Decoded;
use crate::rows::{to_i64, EventRow};
use crate::store::StoreError;

mod attestations;
mod campaign;
mod claimables;
mod creators;
mod epochs;
mod jobs;
mod params;
mod vip;
mod workers;

pub use jobs::status;
pub use vip::role;

/// One domain's share of a batch: the rows it touches, loaded, changed in
/// memory and written back.
pub(crate) trait Projection: Sized {
    /// The keys of the rows a batch touches.
    type Keys: Default;
    /// What it reads of the projections applied before it, per event.
    type Reads<'a>;
    /// Adds the keys of the rows `event` touches.
    fn keys(keys: &mut Self::Keys, event: &Decoded);
    /// Loads the rows of `keys` (one query per table).
    fn load(conn: &mut PgConnection, keys: Self::Keys) -> Result<Self, StoreError>;
    /// Applies one event; events come in chain order.
    fn apply(&mut self, event: &Decoded, reads: Self::Reads<'_>);
    /// Replaces the loaded and new rows.
    fn write(self, conn: &mut PgConnection) -> Result<(), StoreError>;
}

/// Rows of one table loaded for a batch, by key.
pub(crate) struct Rows<K, R> {
    rows: BTreeMap<K, R>,
    /// The keys the load asked for: in debug builds every row touched must
    /// be one of them.
    #[cfg(debug_assertions)]
    requested: BTreeSet<K>,
}

impl<K: Ord + Clone + Debug, R> Rows<K, R> {
    /// No rows yet; `requested` are the keys the load asks for.
    pub(crate) fn new(requested: &BTreeSet<K>) -> Self {
        #[cfg(not(debug_assertions))]
        let _ = requested;
        Self {
            rows: BTreeMap::new(),
            #[cfg(debug_assertions)]
            requested: requested.clone(),
        }
    }

    /// A row the load returned (a superset filter may return more rows than
    /// were asked for; they are written back unchanged).
    pub(crate) fn loaded(&mut self, key: K, row: R) {
        self.rows.insert(key, row);
    }

    fn check(&self, key: &K) {
        #[cfg(debug_assertions)]
        assert!(
            self.requested.contains(key),
            "row {key:?} ({}) touched without being loaded: its projection's `keys` misses it",
            std::any::type_name::<R>()
        );
        #[cfg(not(debug_assertions))]
        let _ = key;
    }

    /// The row of `key`, if stored or created in this batch.
    pub(crate) fn get_mut(&mut self, key: &K) -> Option<&mut R> {
        self.check(key);
        self.rows.get_mut(key)
    }

    /// The row of `key`, created with `new` when there is none.
    pub(crate) fn entry(&mut self, key: K, new: impl FnOnce(&K) -> R) -> &mut R {
        self.check(&key);
        self.rows.entry(key).or_insert_with_key(new)
    }

    /// Sets the row of `key`.
    pub(crate) fn insert(&mut self, key: K, row: R) {
        self.check(&key);
        self.rows.insert(key, row);
    }

    /// Every loaded or created row, in key order.
    pub(crate) fn into_rows(self) -> Vec<R> {
        self.rows.into_values().collect()
    }
}

impl<R: Stored> Rows<R::Key, R> {
    /// The stored rows of `keys` (one query; none when there are no keys).
    pub(crate) fn load(
        conn: &mut PgConnection,
        keys: &BTreeSet<R::Key>,
    ) -> Result<Self, StoreError> {
        let mut rows = Self::new(keys);
        if !keys.is_empty() {
            for row in R::select(conn, keys)? {
                rows.loaded(row.key(), row);
            }
        }
        Ok(rows)
    }

    /// Replaces the stored rows by the loaded and created ones: delete, then
    /// binary COPY (nothing when there are none).
    pub(crate) fn replace(self, conn: &mut PgConnection) -> Result<(), StoreError> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let keys: BTreeSet<R::Key> = self.rows.keys().cloned().collect();
        R::delete(conn, &keys)?;
        R::copy(conn, self.into_rows())?;
        Ok(())
    }
}

/// A table as projections load and replace it, by key ([`stored!`] writes
/// the impl from the table's key columns).
pub(crate) trait Stored: Sized {
    /// What a row is found by.
    type Key: Ord + Clone + Debug;
    /// The key of this row.
    fn key(&self) -> Self::Key;
    /// The stored rows of `keys`, or a superset of them.
    fn select(conn: &mut PgConnection, keys: &BTreeSet<Self::Key>) -> QueryResult<Vec<Self>>;
    /// Deletes what `select` returns for `keys`.
    fn delete(conn: &mut PgConnection, keys: &BTreeSet<Self::Key>) -> QueryResult<usize>;
    /// Copies `rows` in.
    fn copy(conn: &mut PgConnection, rows: Vec<Self>) -> QueryResult<usize>;
}

/// Implements [`Stored`] for the row type of a table found by:
/// - one column, `table(column)`;
/// - the first of a pair, `table(first, _)`: the rows of every key's first;
/// - a pair of text and bigint, `table(first, second)`: the rows of exactly
///   the keys, joined with the keys' arrays unnested. (`first = ANY(…) AND
///   second = ANY(…)` made PostgreSQL read every row of the seconds through
///   the `(second, first)` index and compare each first against the whole
///   array: with a batch's hundreds of workers over ten thousand workers'
///   epochs it was most of the ingest's database time.)
///
/// The second selects a superset of the keys. That is exact because the
/// write deletes the same superset of the rows' keys and copies back every
/// row the load returned.
macro_rules! stored {
    ($row:ty: $key:ty = $t:ident($c:ident), |$r:ident| $k:expr) => {
        $crate::project::stored!(@impl $row: $key = $t, |keys| $t::table.filter($t::$c.eq_any(keys)), |$r| $k);
    };
    ($row:ty: $key:ty = $t:ident($c:ident, _), |$r:ident| $k:expr) => {
        $crate::project::stored!(@impl $row: $key = $t, |keys| {
            let firsts: std::collections::BTreeSet<_> = keys.iter().map(|k| &k.0).collect();
            $t::table.filter($t::$c.eq_any(firsts))
        }, |$r| $k);
    };
    ($row:ty: (String, i64) = $t:ident($c:ident, $d:ident), |$r:ident| $k:expr) => {
        impl $crate::project::Stored for $row {
            type Key = (String, i64);

            fn key(&self) -> (String, i64) {
                let $r = self;
                $k
            }

            fn select(
                conn: &mut diesel::pg::PgConnection,
                keys: &std::collections::BTreeSet<(String, i64)>,
            ) -> diesel::QueryResult<Vec<Self>> {
                use diesel::RunQueryDsl;
                $crate::project::by_pairs(
                    concat!(
                        "SELECT t.* FROM ", stringify!($t), " t JOIN unnest($1, $2) AS k(a, b) ON t.",
                        stringify!($c), " = k.a AND t.", stringify!($d), " = k.b"
                    ),
                    keys,
                )
                .load(conn)
            }

            fn delete(
                conn: &mut diesel::pg::PgConnection,
                keys: &std::collections::BTreeSet<(String, i64)>,
            ) -> diesel::QueryResult<usize> {
                use diesel::RunQueryDsl;
                $crate::project::by_pairs(
                    concat!(
                        "DELETE FROM ", stringify!($t), " t USING unnest($1, $2) AS k(a, b) WHERE t.",
                        stringify!($c), " = k.a AND t.", stringify!($d), " = k.b"
                    ),
                    keys,
                )
                .execute(conn)
            }

            fn copy(conn: &mut diesel::pg::PgConnection, rows: Vec<Self>) -> diesel::QueryResult<usize> {
                use diesel::prelude::*;
                diesel::copy_from($t::table).from_insertable(&rows).execute(conn)
            }
        }
    };
    (@impl $row:ty: $key:ty = $t:ident, |$keys:ident| $filter:expr, |$r:ident| $k:expr) => {
        impl $crate::project::Stored for $row {
            type Key = $key;

            fn key(&self) -> $key {
                let $r = self;
                $k
            }

            fn select(
                conn: &mut diesel::pg::PgConnection,
                $keys: &std::collections::BTreeSet<$key>,
            ) -> diesel::QueryResult<Vec<Self>> {
                use diesel::prelude::*;
                $filter.select(<$row>::as_select()).load(conn)
            }

            fn delete(
                conn: &mut diesel::pg::PgConnection,
                $keys: &std::collections::BTreeSet<$key>,
            ) -> diesel::QueryResult<usize> {
                use diesel::prelude::*;
                diesel::delete($filter).execute(conn)
            }

            fn copy(conn: &mut diesel::pg::PgConnection, rows: Vec<Self>) -> diesel::QueryResult<usize> {
                use diesel::prelude::*;
                diesel::copy_from($t::table).from_insertable(&rows).execute(conn)
            }
        }
    };
}
pub(crate) use stored;

/// `sql` with the keys bound as two arrays (`$1` the firsts, `$2` the
/// seconds, pair by pair).
pub(crate) fn by_pairs(
    sql: &str,
    keys: &BTreeSet<(String, i64)>,
) -> diesel::query_builder::BoxedSqlQuery<'static, diesel::pg::Pg, diesel::query_builder::SqlQuery>
{
    use diesel::sql_types::{Array, BigInt, Text};
    let (firsts, seconds): (Vec<String>, Vec<i64>) = keys.iter().cloned().unzip();
    diesel::sql_query(sql)
        .into_boxed()
        .bind::<Array<Text>, _>(firsts)
        .bind::<Array<BigInt>, _>(seconds)
}

/// Inserts `$rows` into a table of `$cols` columns that only grows, in
/// statements within PostgreSQL's bind limit; rows already stored stay.
macro_rules! append_rows {
    ($conn:expr, $table:expr, $rows:expr, $cols:expr) => {
        for chunk in $rows.chunks($crate::store::chunk_rows($cols)) {
            diesel::insert_into($table)
                .values(chunk)
                .on_conflict_do_nothing()
                .execute($conn)?;
        }
    };
}
pub(crate) use append_rows;

/// Deletes `$delete` and copies `$rows` in (nothing when there are no rows).
macro_rules! replace_rows {
    ($conn:expr, $table:expr, $delete:expr, $rows:expr) => {{
        let rows: Vec<_> = $rows;
        if !rows.is_empty() {
            diesel::delete($delete).execute($conn)?;
            diesel::copy_from($table)
                .from_insertable(&rows)
                .execute($conn)?;
        }
    }};
}
pub(crate) use replace_rows;

/// The long hex form of an address, as stored.
pub(crate) fn hex(addr: &AccountAddress) -> String {
    addr.to_hex()
}

/// Declares the projections once: their keys, the load, the fold in chain
/// order (each projection after those it reads) and the write.
macro_rules! projections {
    ($($field:ident: $ty:ty),* $(,)?) => {
        #[derive(Default)]
        struct Keys {
            $($field: <$ty as Projection>::Keys,)*
        }

        struct Projections {
            $($field: $ty,)*
        }

        impl Projections {
            fn load(conn: &mut PgConnection, keys: Keys) -> Result<Self, StoreError> {
                Ok(Self { $($field: <$ty>::load(conn, keys.$field)?,)* })
            }

            fn write(self, conn: &mut PgConnection) -> Result<(), StoreError> {
                $(self.$field.write(conn)?;)*
                Ok(())
            }
        }

        fn collect_keys(events: &[&Decoded]) -> Keys {
            let mut keys = Keys::default();
            for d in events {
                $(<$ty>::keys(&mut keys.$field, d);)*
            }
            keys
        }
    };
}

projections! {
    jobs: jobs::Jobs,
    workers: workers::Workers,
    attestations: attestations::Attestations,
    creators: creators::Creators,
    epochs: epochs::Epochs,
    vip: vip::VipPasses,
    params: params::Params,
    claimables: claimables::Claimables,
    campaign: campaign::Campaign,
}

impl Projections {
    fn apply(&mut self, d: &Decoded) {
        self.jobs.apply(d, ());
        self.workers.apply(d, ());
        self.attestations.apply(d, ());
        self.creators.apply(d, ());
        self.epochs.apply(d, ());
        self.vip.apply(d, ());
        self.params.apply(d, ());
        self.claimables.apply(d, ());
        self.campaign.apply(d, ());
    }
}

/// Folds `events` (chain order, not yet applied) into the projections.
pub fn apply(conn: &mut PgConnection, events: &[&Decoded]) -> Result<(), StoreError> {
    if events.is_empty() {
        return Ok(());
    }
    let keys = collect_keys(events);
    let mut p = Projections::load(conn, keys)?;
    for d in events {
        p.apply(d);
    }
    p.write(conn)
}

/// The workers whose rows `events` change (addresses as stored).
pub(crate) fn workers_touched(events: &[&Decoded]) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for d in events {
        workers::Workers::keys(&mut keys, d);
    }
    keys
}

/// The raw-log row of a decoded event: its job (escrow events) and the
/// account it is about, which the API's histories are read by.
pub fn event_row(d: &Decoded) -> EventRow {
    use LumenEvent as E;
    let (job_id, account) = match &d.event {
        E::JobCreated(e) => (Some(e.job_id), Some(e.creator)),
        E::JobAssigned(e) => (Some(e.job_id), Some(e.worker)),
        E::ResultSubmitted(e) => (Some(e.job_id), Some(e.worker)),
        E::RerenderRequested(e) => (Some(e.job_id), None),
        E::JobCompleted(e) => (Some(e.job_id), Some(e.worker)),
        E::JobCancelled(e) => (Some(e.job_id), Some(e.creator)),
        E::JobReclaimed(e) => (Some(e.job_id), Some(e.worker)),
        E::PartiallyAccepted(e) => (Some(e.job_id), Some(e.creator)),
        E::JobDisputed(e) => (Some(e.job_id), Some(e.by)),
        E::DisputeResolved(e) => (Some(e.job_id), Some(e.worker)),
        E::NonceBurned(e) => (None, Some(e.creator)),
        E::OfferPublished(e) => (Some(e.job_id), Some(e.worker)),
        E::ClaimableCredited(e) => (None, Some(e.owner)),
        E::ClaimableWithdrawn(e) => (None, Some(e.owner)),
        E::StakeLocked(e) => (None, Some(e.worker)),
        E::StakeUnlocked(e) => (None, Some(e.worker)),
        E::ArbiterAdded(e) => (None, Some(e.arbiter)),
        E::ArbiterRemoved(e) => (None, Some(e.arbiter)),
        E::AttestationSubmitted(e) => (None, Some(e.worker)),
        E::ScoreAttested(e) => (None, Some(e.worker)),
        E::ScoreRevoked(e) => (None, Some(e.worker)),
        E::DeviceKeyRegistered(e) => (None, Some(e.worker)),
        E::RevocationSubmitted(e) => (None, Some(e.worker)),
        E::DeviceReleased(e) => (None, Some(e.worker)),
        E::UptimeVoted(e) => (None, Some(e.worker)),
        E::UptimeVoteSkipped(e) => (None, Some(e.worker)),
        E::PriceSet(e) => (None, Some(e.worker)),
        E::Staked(e) => (None, Some(e.worker)),
        E::UnstakeRequested(e) => (None, Some(e.worker)),
        E::Withdrawn(e) => (None, Some(e.worker)),
        E::Slashed(e) => (None, Some(e.worker)),
        E::UptimeReported(e) => (None, Some(e.worker)),
        E::LeaseRecorded(e) => (None, Some(e.worker)),
        E::RewardClaimed(e) => (None, Some(e.worker)),
        E::VipMinted(e) => (None, Some(e.holder)),
        E::VipRevoked(e) => (None, Some(e.holder)),
        E::CheckedIn(e) => (None, Some(e.user)),
        E::CreditSpent(e) => (None, Some(e.user)),
        E::RenderPointsEarned(e) => (None, Some(e.user)),
        E::OnlinePointsEarned(e) => (None, Some(e.worker)),
        E::VipExpired(e) => (None, Some(e.holder)),
        E::VipBanLifted(e) => (None, Some(e.holder)),
        E::SocialTaskGranted(e) => (None, Some(e.user)),
        E::ReferralRegistered(e) => (None, Some(e.referee)),
        E::ReferralPointsEarned(e) => (None, Some(e.referrer)),
        E::LeaderboardPaid(e) => (None, Some(e.user)),
        E::AttesterAdded(e) => (None, Some(e.attester)),
        E::AttesterRemoved(e) => (None, Some(e.attester)),
        // Events about the protocol as a whole, not one account.
        E::ConfigInitialized(_)
        | E::ParamsUpdated(_)
        | E::ParamChangeQueued(_)
        | E::ParamChangeCancelled(_)
        | E::AdminProposed(_)
        | E::AdminTransferred(_)
        | E::PausedSet(_)
        | E::TreasurySet(_)
        | E::PenaltiesSwept(_)
        | E::EpochFunded(_)
        | E::EpochClosed(_)
        | E::CampaignFunded(_)
        | E::CampaignConfigured(_)
        | E::PoolSwept(_) => (None, None),
    };
    EventRow {
        version: to_i64(d.version),
        event_index: d.event_index as i32,
        timestamp_us: to_i64(d.timestamp_us),
        event_type: d.event_type(),
        job_id: job_id.map(to_i64),
        account: account.as_ref().map(hex),
        data: d.data.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_hand_out_loaded_and_new_rows() {
        let mut rows: Rows<i64, &str> = Rows::new(&BTreeSet::from([1, 2]));
        rows.loaded(1, "stored");
        assert_eq!(rows.get_mut(&1), Some(&mut "stored"));
        assert_eq!(*rows.entry(2, |_| "new"), "new");
        assert_eq!(rows.into_rows(), vec!["stored", "new"]);
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "touched without being loaded")]
    fn touching_a_row_that_was_not_loaded_panics_in_debug_builds() {
        let mut rows: Rows<i64, &str> = Rows::new(&BTreeSet::from([1]));
        rows.entry(2, |_| "fresh default over a stored row");
    }
}
