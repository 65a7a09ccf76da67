//! The attester service's database: one SQLite file in WAL mode, shared by
//! the service's state ([`crate::service`]) and the submission queue
//! ([`crate::queue`]), so that one transaction can record a used challenge
//! together with the job that submits its report.
//!
//! Every write says how durable it must be ([`Durability`]). In WAL mode a
//! commit is an append to the log; with `synchronous=FULL` the log is
//! fsynced at every commit, with `NORMAL` only at checkpoints. Either way a
//! killed process loses nothing that was committed (the log is in the
//! operating system's hands); a power failure or kernel crash may lose the
//! last `NORMAL` commits, never a `FULL` one. So `NORMAL` is used only where
//! losing the write is harmless (an issued challenge that is then unknown:
//! the worker asks again), and `FULL` wherever a lost write would weaken a
//! guarantee (a challenge used up or answered, picks drawn, a report queued,
//! a transaction signed).

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use rusqlite::{Connection, Transaction, TransactionBehavior};

/// A database failure.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// SQLite failed.
    #[error("database {path}: {source}")]
    Sqlite {
        /// The database file.
        path: PathBuf,
        /// The error.
        source: rusqlite::Error,
    },
    /// The database was written by a newer version, whose rows may mean
    /// something else.
    #[error(
        "database {path} was written by a newer lumen-relayer (layout {found}; this one reads \
         layout {reads}): run that version"
    )]
    Newer {
        /// The database file.
        path: PathBuf,
        /// Its layout.
        found: i64,
        /// The layout this version reads.
        reads: i64,
    },
    /// A stored row does not parse.
    #[error("database {path}: {what} is corrupt: {detail}")]
    Corrupt {
        /// The database file.
        path: PathBuf,
        /// Which row.
        what: String,
        /// The parse error.
        detail: String,
    },
}

/// How durable a write must be (see the module doc).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    /// Survives the process being killed; a power failure may lose it.
    Normal,
    /// Survives a power failure too (the log is fsynced at commit).
    Full,
}

struct Conn {
    conn: Connection,
    sync: Durability,
}

/// The database, one connection behind a lock: writes are short (no fsync
/// under `NORMAL`, one under `FULL`), and callers batch what arrives
/// together into one transaction.
pub struct Db {
    path: PathBuf,
    conn: Mutex<Conn>,
}

impl Db {
    /// Opens (creating it) the database at `path` in WAL mode.
    pub fn open(path: &Path) -> Result<Arc<Db>, DbError> {
        let err = |source| DbError::Sqlite {
            path: path.to_path_buf(),
            source,
        };
        let conn = Connection::open(path).map_err(err)?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(err)?;
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(err)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(err)?;
        // Another process holding the file (a second service on the same
        // state directory) waits briefly, then fails clearly.
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(err)?;
        Ok(Arc::new(Db {
            path: path.to_path_buf(),
            conn: Mutex::new(Conn {
                conn,
                sync: Durability::Full,
            }),
        }))
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn lock(&self) -> MutexGuard<'_, Conn> {
        // A panic while holding the connection leaves no half transaction
        // behind (it rolls back on drop), so the lock stays usable.
        self.conn.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The error of a SQLite call, naming the file.
    pub fn err(&self, source: rusqlite::Error) -> DbError {
        DbError::Sqlite {
            path: self.path.clone(),
            source,
        }
    }

    /// A row that does not parse.
    pub fn corrupt(&self, what: impl Into<String>, detail: impl std::fmt::Display) -> DbError {
        DbError::Corrupt {
            path: self.path.clone(),
            what: what.into(),
            detail: detail.to_string(),
        }
    }

    /// Runs `f` in one transaction, committed with `durability`; rolled
    /// back when `f` fails.
    pub fn write<T>(
        &self,
        durability: Durability,
        f: impl FnOnce(&Transaction) -> Result<T, DbError>,
    ) -> Result<T, DbError> {
        let mut guard = self.lock();
        let c = &mut *guard;
        if c.sync != durability {
            let level = match durability {
                Durability::Normal => "NORMAL",
                Durability::Full => "FULL",
            };
            c.conn
                .pragma_update(None, "synchronous", level)
                .map_err(|e| self.err(e))?;
            c.sync = durability;
        }
        let tx = c
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| self.err(e))?;
        let out = f(&tx)?;
        tx.commit().map_err(|e| self.err(e))?;
        Ok(out)
    }

    /// Runs `f` on the connection (reads).
    pub fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T, DbError>) -> Result<T, DbError> {
        let guard = self.lock();
        f(&guard.conn)
    }
}
