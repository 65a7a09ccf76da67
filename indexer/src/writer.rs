//! One writer per database. Ingesting processes take the writer lock, a
//! PostgreSQL session advisory lock, before they touch anything, and hold
//! it for as long as they write: a second one (a rolling deploy, a replay
//! started by hand) waits until the first lets go, and a process that lost
//! its session lost the lock with it. The projections and the checkpoint
//! are written on the locked session itself, so no checkpoint ever moves
//! without the lock.
//!
//! Migrations take a lock of their own for their duration, so processes
//! that start together (an API replica and the writer) apply them once.

use std::time::{Duration, Instant};

use diesel::pg::PgConnection;
use diesel::prelude::*;
use diesel::r2d2::PooledConnection;
use diesel::sql_types::{BigInt, Bool, Nullable, Text};

use crate::store::{PgPool, StoreError};

/// Advisory lock keys ("Lumen" and a tag); advisory locks are per database.
const WRITER_KEY: i64 = 0x4c75_6d65_6e00_0001;
const MIGRATION_KEY: i64 = 0x4c75_6d65_6e00_0002;

#[derive(QueryableByName)]
struct Locked {
    #[diesel(sql_type = Bool)]
    locked: bool,
}

/// Holds `key` on `conn`'s session when it is free.
fn try_lock(conn: &mut PgConnection, key: i64) -> Result<bool, StoreError> {
    let r: Locked = diesel::sql_query("SELECT pg_try_advisory_lock($1) AS locked")
        .bind::<BigInt, _>(key)
        .get_result(conn)?;
    Ok(r.locked)
}

fn unlock(conn: &mut PgConnection, key: i64) -> Result<(), StoreError> {
    diesel::sql_query("SELECT pg_advisory_unlock($1)")
        .bind::<BigInt, _>(key)
        .execute(conn)?;
    Ok(())
}

/// Runs `f` while holding the migration lock on `conn` (waiting for it).
pub(crate) fn with_migration_lock<T>(
    conn: &mut PgConnection,
    f: impl FnOnce(&mut PgConnection) -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    diesel::sql_query("SELECT pg_advisory_lock($1)")
        .bind::<BigInt, _>(MIGRATION_KEY)
        .execute(conn)?;
    let r = f(conn);
    unlock(conn, MIGRATION_KEY)?;
    r
}

/// The session that holds the writer lock, as far as the server says.
#[derive(Debug, Clone, QueryableByName)]
pub struct Holder {
    /// Its server process.
    #[diesel(sql_type = BigInt)]
    pub pid: i64,
    /// Its `application_name`.
    #[diesel(sql_type = Nullable<Text>)]
    pub application: Option<String>,
    /// Its client address.
    #[diesel(sql_type = Nullable<Text>)]
    pub client: Option<String>,
    /// When it connected.
    #[diesel(sql_type = Nullable<Text>)]
    pub since: Option<String>,
}

impl std::fmt::Display for Holder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PostgreSQL backend {}", self.pid)?;
        if let Some(a) = self.application.as_deref().filter(|a| !a.is_empty()) {
            write!(f, " ({a})")?;
        }
        if let Some(c) = &self.client {
            write!(f, " from {c}")?;
        }
        if let Some(s) = &self.since {
            write!(f, ", connected since {s}")?;
        }
        Ok(())
    }
}

/// Who holds the writer lock now, if anyone.
pub fn holder(conn: &mut PgConnection) -> Result<Option<Holder>, StoreError> {
    Ok(diesel::sql_query(
        "SELECT a.pid::bigint AS pid, a.application_name AS application, \
                host(a.client_addr) AS client, a.backend_start::text AS since \
         FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid \
         WHERE l.locktype = 'advisory' AND l.granted AND l.database = \
               (SELECT oid FROM pg_database WHERE datname = current_database()) \
           AND l.classid = ($1 >> 32)::oid AND l.objid = ($1 & 4294967295)::oid \
           AND l.objsubid = 1",
    )
    .bind::<BigInt, _>(WRITER_KEY)
    .get_result(conn)
    .optional()?)
}

/// The writer of the database: a pooled session holding the writer lock
/// until dropped.
pub struct Writer {
    conn: PooledConnection<crate::store::Manager>,
}

impl Writer {
    /// Takes the writer lock, waiting while another process holds it;
    /// `waiting` is called with the holder now and then meanwhile.
    pub fn acquire(
        pool: &PgPool,
        mut waiting: impl FnMut(Option<&Holder>),
    ) -> Result<Self, StoreError> {
        let mut conn = pool.get()?;
        let mut last_report: Option<Instant> = None;
        loop {
            if try_lock(&mut conn, WRITER_KEY)? {
                // Named, so that a waiting process can say who writes.
                diesel::sql_query("SET application_name = 'lumen-indexer (writer)'")
                    .execute(&mut conn)?;
                return Ok(Self { conn });
            }
            if last_report.is_none_or(|t| t.elapsed() >= Duration::from_secs(10)) {
                waiting(holder(&mut conn)?.as_ref());
                last_report = Some(Instant::now());
            }
            std::thread::sleep(Duration::from_millis(250));
        }
    }

    /// The locked session.
    pub fn conn(&mut self) -> &mut PgConnection {
        &mut self.conn
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        // The session goes back to the pool: it must not keep the lock. A
        // dead session released it already.
        let _ = unlock(&mut self.conn, WRITER_KEY);
        let _ = diesel::sql_query("RESET application_name").execute(&mut *self.conn);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pg_cluster::TestDb;
    use crate::store::pool;

    #[test]
    fn a_second_writer_waits_for_the_first_and_is_told_who_writes() {
        let db = TestDb::new().unwrap();
        let pool = pool(db.url(), 4).unwrap();
        let first = Writer::acquire(&pool, |_| panic!("nobody writes yet")).unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let second = std::thread::spawn({
            let pool = pool.clone();
            move || {
                Writer::acquire(&pool, |holder| {
                    let _ = tx.send(holder.map(|h| h.to_string()));
                })
                .unwrap()
            }
        });
        let told = rx.recv_timeout(Duration::from_secs(10)).unwrap().unwrap();
        assert!(told.contains("lumen-indexer (writer)"), "{told}");
        std::thread::sleep(Duration::from_millis(300));
        assert!(!second.is_finished(), "the second writer must wait");
        drop(first);
        let mut second = second.join().unwrap();
        assert!(holder(second.conn()).unwrap().is_some());
    }

    #[test]
    fn migrations_started_together_run_once() {
        for _ in 0..3 {
            let db = TestDb::new().unwrap();
            let url = db.url().to_string();
            let runs: Vec<_> = (0..3)
                .map(|_| {
                    let url = url.clone();
                    std::thread::spawn(move || {
                        let mut conn = PgConnection::establish(&url).unwrap();
                        crate::store::migrate(&mut conn)
                    })
                })
                .collect();
            for r in runs {
                r.join().unwrap().unwrap();
            }
        }
    }
}
