//! The service's rows in the attester database ([`crate::db`]): one row
//! per challenge, per device binding, per attested worker, per worker's
//! liveness and per worker and epoch of uptime, each written in place when
//! it changes. The service keeps the same records in memory (loaded here at
//! start) and writes each change through, so a request costs the rows it
//! touches, not the size of the state.
//!
//! What a crash may lose (see [`Durability`]): issuing a challenge and a
//! liveness poll's new challenge are `NORMAL` writes, so a power failure may
//! forget them; the worker then holds a challenge the service does not know
//! and asks again. Everything that a guarantee rests on is `FULL`: a timed
//! round's commitment with the next round's seeds and start (kept in the
//! challenge's row: a round takes one commitment, so the next seeds are
//! never drawn twice), the last commitment and the picks drawn for it (a
//! challenge takes one last commitment, so its picks are never drawn
//! twice), a challenge used up by a refused or accepted answer (never
//! usable again), a report's queued job and the device binding it makes
//! (one transaction), liveness commitments and the uptime they credit.
//!
//! Expired challenges are deleted ([`Writer::delete_expired`]), so the
//! table holds the open ones and those used within their lifetime; finished
//! jobs are deleted by the queue after a retention period.

use std::path::Path;

use lumen_sdk::AccountAddress;
use rusqlite::types::FromSql;
use rusqlite::{params, Transaction};
use serde::de::DeserializeOwned;

use super::liveness::Live;
use super::{ChallengeEntry, Persisted};
use crate::db::{Db, DbError};

pub(super) use crate::db::Durability;

/// The service's tables (the queue's are in [`crate::queue`]).
const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS challenges (
    id TEXT PRIMARY KEY,
    expires_at INTEGER NOT NULL,
    entry TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS challenges_expiry ON challenges(expires_at);
CREATE TABLE IF NOT EXISTS worker_nonces (worker TEXT PRIMARY KEY, nonce INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS devices (device_id TEXT PRIMARY KEY, worker TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS attested (
    worker TEXT PRIMARY KEY,
    score INTEGER NOT NULL,
    machine TEXT
);
CREATE TABLE IF NOT EXISTS live (worker TEXT PRIMARY KEY, entry TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS uptime (
    epoch INTEGER NOT NULL,
    worker TEXT NOT NULL,
    secs INTEGER NOT NULL,
    PRIMARY KEY (epoch, worker)
);
";

/// The files an older version kept its state in: a JSON file rewritten on
/// every change and a directory of job files.
pub(super) const OLD_STATE: [&str; 2] = ["state.json", "queue"];

/// The database file in a state directory.
pub(super) const DB_FILE: &str = "attester.db";

fn addr(db: &Db, text: &str) -> Result<AccountAddress, DbError> {
    AccountAddress::from_hex(text).map_err(|e| db.corrupt(format!("worker {text}"), e))
}

fn json<T: DeserializeOwned>(db: &Db, what: String, text: &str) -> Result<T, DbError> {
    serde_json::from_str(text).map_err(|e| db.corrupt(what, e))
}

/// The layout of the tables this version writes (`PRAGMA user_version`).
const VERSION: i64 = 1;

/// Creates the tables and loads every record into memory. A database a
/// newer version wrote is refused (its rows may mean something else).
pub(super) fn load(db: &Db) -> Result<Persisted, DbError> {
    db.write(Durability::Full, |tx| {
        let version: i64 = tx
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| db.err(e))?;
        if version > VERSION {
            return Err(DbError::Newer {
                path: db.path().to_path_buf(),
                found: version,
                reads: VERSION,
            });
        }
        tx.execute_batch(SCHEMA).map_err(|e| db.err(e))?;
        tx.pragma_update(None, "user_version", VERSION)
            .map_err(|e| db.err(e))
    })?;
    db.read(|c| {
        let mut state = Persisted::default();
        for (name, value) in all::<(String, i64)>(db, c, "SELECT name, value FROM meta")? {
            match name.as_str() {
                "last_nonce" => state.last_nonce = value as u64,
                "reported_through" => state.reported_through = Some(value as u64),
                _ => {}
            }
        }
        for (id, entry) in all::<(String, String)>(db, c, "SELECT id, entry FROM challenges")? {
            let entry: ChallengeEntry = json(db, format!("challenge {id}"), &entry)?;
            state.challenges.insert(id, entry);
        }
        let sql = "SELECT worker, nonce FROM worker_nonces";
        for (worker, nonce) in all::<(String, i64)>(db, c, sql)? {
            state.worker_nonces.insert(addr(db, &worker)?, nonce as u64);
        }
        let sql = "SELECT device_id, worker FROM devices";
        for (device, worker) in all::<(String, String)>(db, c, sql)? {
            state.devices.insert(device, addr(db, &worker)?);
        }
        let sql = "SELECT worker, score, machine FROM attested";
        for (worker, score, machine) in all::<(String, i64, Option<String>)>(db, c, sql)? {
            let w = addr(db, &worker)?;
            state.scores.insert(w, score as u64);
            state.set_machine(w, machine);
        }
        for (worker, entry) in all::<(String, String)>(db, c, "SELECT worker, entry FROM live")? {
            let live: Live = json(db, format!("liveness of {worker}"), &entry)?;
            state.live.insert(addr(db, &worker)?, live);
        }
        let sql = "SELECT epoch, worker, secs FROM uptime";
        for (epoch, worker, secs) in all::<(i64, String, i64)>(db, c, sql)? {
            state
                .uptime
                .entry(epoch as u64)
                .or_default()
                .insert(addr(db, &worker)?, secs as u64);
        }
        Ok(state)
    })
}

/// Every row of a query, as a tuple of its columns.
fn all<T: FromRow>(db: &Db, c: &rusqlite::Connection, sql: &str) -> Result<Vec<T>, DbError> {
    let mut stmt = c.prepare(sql).map_err(|e| db.err(e))?;
    let rows = stmt
        .query_map([], T::from_row)
        .map_err(|e| db.err(e))?
        .collect::<Result<Vec<T>, _>>()
        .map_err(|e| db.err(e));
    rows
}

trait FromRow: Sized {
    fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Self>;
}

impl<A: FromSql, B: FromSql> FromRow for (A, B) {
    fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        Ok((r.get(0)?, r.get(1)?))
    }
}

impl<A: FromSql, B: FromSql, C: FromSql> FromRow for (A, B, C) {
    fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
    }
}

/// Refuses a state directory an older version wrote: its records would be
/// silently ignored (a used challenge usable again, a queued report never
/// sent).
pub(super) fn refuse_old_state(dir: &Path) -> Result<(), std::path::PathBuf> {
    for name in OLD_STATE {
        let path = dir.join(name);
        if path.exists() {
            return Err(path);
        }
    }
    Ok(())
}

/// Writes within one transaction.
pub(super) struct Writer<'a> {
    pub db: &'a Db,
    pub tx: &'a Transaction<'a>,
}

impl Writer<'_> {
    fn run(&self, sql: &str, args: impl rusqlite::Params) -> Result<usize, DbError> {
        let mut stmt = self.tx.prepare_cached(sql).map_err(|e| self.db.err(e))?;
        stmt.execute(args).map_err(|e| self.db.err(e))
    }

    /// A challenge's row, as it now stands.
    pub fn challenge(&self, id: &str, entry: &ChallengeEntry) -> Result<(), DbError> {
        let expires_at = entry.challenge.as_ref().map_or(0, |c| c.expires_at);
        self.run(
            "INSERT OR REPLACE INTO challenges (id, expires_at, entry) VALUES (?1, ?2, ?3)",
            params![
                id,
                expires_at as i64,
                serde_json::to_string(entry).expect("a challenge serialises")
            ],
        )?;
        Ok(())
    }

    /// Deletes challenges that expired at or before `now` (seconds).
    pub fn delete_expired(&self, now: u64) -> Result<usize, DbError> {
        self.run(
            "DELETE FROM challenges WHERE expires_at <= ?1",
            [now as i64],
        )
    }

    /// The last nonce issued, in all and to `worker`.
    pub fn nonce(&self, last: u64, worker: AccountAddress, nonce: u64) -> Result<(), DbError> {
        self.meta("last_nonce", last)?;
        self.run(
            "INSERT OR REPLACE INTO worker_nonces (worker, nonce) VALUES (?1, ?2)",
            params![worker.to_hex(), nonce as i64],
        )?;
        Ok(())
    }

    fn meta(&self, name: &str, value: u64) -> Result<(), DbError> {
        self.run(
            "INSERT OR REPLACE INTO meta (name, value) VALUES (?1, ?2)",
            params![name, value as i64],
        )?;
        Ok(())
    }

    /// An accepted report's binding: the device to its worker, the worker's
    /// attested score and the machine it answered from.
    pub fn attested(
        &self,
        device: &str,
        worker: AccountAddress,
        score: u64,
        machine: Option<&str>,
    ) -> Result<(), DbError> {
        self.run(
            "INSERT OR REPLACE INTO devices (device_id, worker) VALUES (?1, ?2)",
            params![device, worker.to_hex()],
        )?;
        self.run(
            "INSERT OR REPLACE INTO attested (worker, score, machine) VALUES (?1, ?2, ?3)",
            params![worker.to_hex(), score as i64, machine],
        )?;
        Ok(())
    }

    /// A worker's liveness record.
    pub fn live(&self, worker: AccountAddress, live: &Live) -> Result<(), DbError> {
        self.run(
            "INSERT OR REPLACE INTO live (worker, entry) VALUES (?1, ?2)",
            params![
                worker.to_hex(),
                serde_json::to_string(live).expect("liveness serialises")
            ],
        )?;
        Ok(())
    }

    /// A worker's online seconds in an epoch.
    pub fn uptime(&self, epoch: u64, worker: AccountAddress, secs: u64) -> Result<(), DbError> {
        self.run(
            "INSERT OR REPLACE INTO uptime (epoch, worker, secs) VALUES (?1, ?2, ?3)",
            params![epoch as i64, worker.to_hex(), secs as i64],
        )?;
        Ok(())
    }

    /// An epoch whose uptime was queued: its rows go, and later credit for
    /// it is dropped.
    pub fn reported(&self, epoch: u64, through: u64) -> Result<(), DbError> {
        self.run("DELETE FROM uptime WHERE epoch = ?1", [epoch as i64])?;
        self.meta("reported_through", through)
    }
}

impl Db {
    /// Runs `f` with a [`Writer`] in one transaction.
    pub(super) fn rows<T>(
        &self,
        durability: Durability,
        f: impl FnOnce(&Writer) -> Result<T, DbError>,
    ) -> Result<T, DbError> {
        self.write(durability, |tx| f(&Writer { db: self, tx }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_database_of_a_newer_layout_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let db = Db::open(&dir.path().join(DB_FILE)).unwrap();
        load(&db).unwrap();
        db.write(Durability::Full, |tx| {
            tx.pragma_update(None, "user_version", VERSION + 1)
                .map_err(|e| db.err(e))
        })
        .unwrap();
        let err = load(&db).err().unwrap().to_string();
        assert!(
            err.contains("newer lumen-relayer") && err.contains(DB_FILE),
            "{err}"
        );
    }
}
