//! A private PostgreSQL cluster started with `initdb` + `pg_ctl`.
//!
//! Tests, benchmarks and the demo need a real server without touching a
//! system service: [`PgCluster::temporary`] makes a throwaway cluster in a temp
//! dir (removed on drop), [`PgCluster::persistent`] keeps its data directory
//! (the demo's project-local database). [`TestDb`] gives each test its own
//! fresh database, either in a shared throwaway cluster or, when
//! `DATABASE_URL` is set, in that server.
//!
//! PostgreSQL refuses to run as root, so as root the server binaries run as an
//! unprivileged user (`postgres` by default, `LUMEN_PG_USER` to change it).

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex, Weak};

use diesel::{Connection, PgConnection, RunQueryDsl};

/// Why a cluster or database could not be provided.
#[derive(Debug, thiserror::Error)]
pub enum PgClusterError {
    /// No `initdb`/`pg_ctl` was found.
    #[error(
        "PostgreSQL server binaries (initdb, pg_ctl) not found: install them with \
         `scripts/setup.sh` (Debian package `postgresql`), put them on PATH, \
         or set LUMEN_PG_BIN to their directory"
    )]
    BinariesNotFound,
    /// A server command failed.
    #[error("`{command}` failed: {detail}")]
    Command {
        /// The command that failed.
        command: String,
        /// Its exit status and output.
        detail: String,
    },
    /// Filesystem trouble around the data directory.
    #[error("{0}: {1}")]
    Io(String, std::io::Error),
    /// The server is up but a database could not be created or reached.
    #[error("database setup at {url}: {detail}")]
    Database {
        /// The connection URL that was used.
        url: String,
        /// What went wrong.
        detail: String,
    },
}

type Result<T> = std::result::Result<T, PgClusterError>;

/// A running PostgreSQL server whose data directory this process owns.
#[derive(Debug)]
pub struct PgCluster {
    data_dir: PathBuf,
    bin_dir: PathBuf,
    run_as: Option<String>,
    port: u16,
    /// Removed on drop when set (throwaway clusters).
    temp_root: Option<PathBuf>,
}

impl PgCluster {
    /// Starts a throwaway cluster in a new temp dir, removed when dropped.
    /// Durability settings are relaxed (`fsync=off`) because the data is
    /// thrown away anyway.
    pub fn temporary() -> Result<Self> {
        Self::temporary_with(&[])
    }

    /// [`PgCluster::temporary`] with extra server settings (`name=value`,
    /// each passed as `-c`), e.g. a larger `shared_buffers` for benchmarks.
    pub fn temporary_with(settings: &[&str]) -> Result<Self> {
        let root = std::env::temp_dir().join(format!(
            "lumen-pg-{}-{}",
            std::process::id(),
            NEXT_ID.fetch_add(1, Ordering::SeqCst)
        ));
        if root.exists() {
            std::fs::remove_dir_all(&root).map_err(|e| io_err(&root, e))?;
        }
        std::fs::create_dir_all(&root).map_err(|e| io_err(&root, e))?;
        let mut cluster = Self::init(&root.join("data"), true, settings)?;
        cluster.temp_root = Some(root);
        Ok(cluster)
    }

    /// Starts a streaming replica of `primary` in a new temp dir (removed
    /// when dropped): a base backup taken with `pg_basebackup -R`, then a hot
    /// standby that follows the primary's WAL and answers reads.
    pub fn standby_of(primary: &PgCluster) -> Result<Self> {
        let root = std::env::temp_dir().join(format!(
            "lumen-pg-standby-{}-{}",
            std::process::id(),
            NEXT_ID.fetch_add(1, Ordering::SeqCst)
        ));
        if root.exists() {
            std::fs::remove_dir_all(&root).map_err(|e| io_err(&root, e))?;
        }
        std::fs::create_dir_all(&root).map_err(|e| io_err(&root, e))?;
        if let Some(user) = &primary.run_as {
            chown(&root, user)?;
        }
        let data = root.join("data");
        primary.run(
            "pg_basebackup",
            &[
                "-D",
                &data.to_string_lossy(),
                "-h",
                "127.0.0.1",
                "-p",
                &primary.port.to_string(),
                "-U",
                "lumen",
                "-R",
                "-X",
                "stream",
                "-c",
                "fast",
                "--no-sync",
            ],
        )?;
        let mut cluster = Self::init(&data, true, &[])?;
        cluster.temp_root = Some(root);
        Ok(cluster)
    }

    /// Stops the server (it stays stopped until dropped): a database that
    /// went away, for tests.
    pub fn stop(&self) -> Result<()> {
        self.run(
            "pg_ctl",
            &[
                "-D",
                &self.data_dir.to_string_lossy(),
                "-m",
                "immediate",
                "-w",
                "stop",
            ],
        )
    }

    /// Starts a cluster whose data lives in `dir` and
    /// survives this process. The server is stopped when the value is dropped.
    pub fn persistent(dir: &Path) -> Result<Self> {
        Self::persistent_with(dir, &[])
    }

    /// [`PgCluster::persistent`] with extra server settings, as
    /// [`PgCluster::temporary_with`].
    pub fn persistent_with(dir: &Path, settings: &[&str]) -> Result<Self> {
        std::fs::create_dir_all(dir).map_err(|e| io_err(dir, e))?;
        let dir = dir.canonicalize().map_err(|e| io_err(dir, e))?;
        Self::init(&dir.join("data"), false, settings)
    }

    fn init(data_dir: &Path, throwaway: bool, settings: &[&str]) -> Result<Self> {
        let bin_dir = find_bin_dir().ok_or(PgClusterError::BinariesNotFound)?;
        let run_as = if is_root() {
            Some(std::env::var("LUMEN_PG_USER").unwrap_or_else(|_| "postgres".into()))
        } else {
            None
        };
        let parent = data_dir.parent().expect("data dir has a parent");
        if let Some(user) = &run_as {
            chown(parent, user)?;
        }
        let mut cluster = Self {
            data_dir: data_dir.to_path_buf(),
            bin_dir,
            run_as,
            port: 0,
            temp_root: None,
        };
        if !data_dir.join("PG_VERSION").exists() {
            // A half-made data dir from an interrupted initdb is useless.
            if data_dir.exists() {
                std::fs::remove_dir_all(data_dir).map_err(|e| io_err(data_dir, e))?;
            }
            cluster.run(
                "initdb",
                &[
                    "-D",
                    &data_dir.to_string_lossy(),
                    "-U",
                    "lumen",
                    "-A",
                    "trust",
                    "-E",
                    "UTF8",
                    "--no-locale",
                    "--no-sync",
                ],
            )?;
        }
        // A crashed earlier run can leave a stale pid file behind; pg_ctl
        // handles that, but a still-running server from another process
        // must be stopped first so the port/socket settings below apply.
        let _ = cluster.run(
            "pg_ctl",
            &[
                "-D",
                &data_dir.to_string_lossy(),
                "-m",
                "fast",
                "-w",
                "stop",
            ],
        );
        let mut last_err = None;
        for _ in 0..5 {
            let port = free_port()?;
            let mut opts = format!(
                "-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories='{}' \
                 -c max_connections=200 -c shared_buffers=128MB",
                parent.display()
            );
            if throwaway {
                opts.push_str(" -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
            }
            // Later `-c` options win over the defaults above.
            for kv in settings {
                opts.push_str(" -c ");
                opts.push_str(kv);
            }
            let log = parent.join("postgres.log");
            match cluster.run(
                "pg_ctl",
                &[
                    "-D",
                    &data_dir.to_string_lossy(),
                    "-l",
                    &log.to_string_lossy(),
                    "-o",
                    &opts,
                    "-w",
                    "-t",
                    "60",
                    "start",
                ],
            ) {
                Ok(()) => {
                    cluster.port = port;
                    return Ok(cluster);
                }
                Err(e) => {
                    let tail = std::fs::read_to_string(&log).unwrap_or_default();
                    let tail: String = tail.lines().rev().take(5).collect::<Vec<_>>().join(" | ");
                    last_err = Some(match e {
                        PgClusterError::Command { command, detail } => PgClusterError::Command {
                            command,
                            detail: format!("{detail}; server log: {tail}"),
                        },
                        other => other,
                    });
                }
            }
        }
        Err(last_err.expect("at least one attempt"))
    }

    /// The TCP port the server listens on (127.0.0.1).
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Connection URL for `database` as the superuser `lumen`.
    pub fn url(&self, database: &str) -> String {
        format!("postgres://lumen@127.0.0.1:{}/{database}", self.port)
    }

    /// Creates `name` unless it exists and returns its URL.
    pub fn ensure_database(&self, name: &str) -> Result<String> {
        create_database(&self.url("postgres"), name, false)?;
        Ok(self.url(name))
    }

    fn run(&self, tool: &str, args: &[&str]) -> Result<()> {
        let exe = self.bin_dir.join(tool);
        let mut cmd = match &self.run_as {
            Some(user) => {
                let mut c = Command::new("runuser");
                c.args(["-u", user, "--"]).arg(&exe);
                c
            }
            None => Command::new(&exe),
        };
        cmd.args(args);
        // The server must not inherit the test harness's stdout/stderr pipes,
        // or a test runner waiting for EOF on them would hang.
        cmd.stdin(std::process::Stdio::null());
        let out = cmd.output().map_err(|e| PgClusterError::Command {
            command: format!("{} {}", exe.display(), args.join(" ")),
            detail: e.to_string(),
        })?;
        if out.status.success() {
            Ok(())
        } else {
            Err(PgClusterError::Command {
                command: format!("{tool} {}", args.join(" ")),
                detail: format!(
                    "{}: {}{}",
                    out.status,
                    String::from_utf8_lossy(&out.stderr).trim(),
                    String::from_utf8_lossy(&out.stdout).trim()
                ),
            })
        }
    }
}

impl Drop for PgCluster {
    fn drop(&mut self) {
        let mode = if self.temp_root.is_some() {
            "immediate"
        } else {
            "fast"
        };
        let _ = self.run(
            "pg_ctl",
            &[
                "-D",
                &self.data_dir.to_string_lossy(),
                "-m",
                mode,
                "-w",
                "stop",
            ],
        );
        if let Some(root) = &self.temp_root {
            let _ = std::fs::remove_dir_all(root);
        }
    }
}

/// A fresh, empty database for one test; dropped with it.
///
/// With `DATABASE_URL` set, the database is created in that server (the URL
/// must allow `CREATE DATABASE`); otherwise in a throwaway cluster shared by
/// the tests of this process that are alive at the same time.
pub struct TestDb {
    url: String,
    admin_url: String,
    name: String,
    _cluster: Option<Arc<PgCluster>>,
}

impl TestDb {
    /// Creates the database, starting a throwaway cluster if needed.
    pub fn new() -> Result<Self> {
        let name = format!(
            "lumen_test_{}_{}",
            std::process::id(),
            NEXT_ID.fetch_add(1, Ordering::SeqCst)
        );
        let (admin_url, cluster) = match std::env::var("DATABASE_URL") {
            Ok(url) if !url.is_empty() => (url, None),
            _ => {
                let cluster = shared_cluster()?;
                (cluster.url("postgres"), Some(cluster))
            }
        };
        create_database(&admin_url, &name, true)?;
        Ok(Self {
            url: replace_db_name(&admin_url, &name),
            admin_url,
            name,
            _cluster: cluster,
        })
    }

    /// The connection URL of this test's database.
    pub fn url(&self) -> &str {
        &self.url
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Ok(mut conn) = PgConnection::establish(&self.admin_url) {
            let _ = diesel::sql_query(format!(
                "DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)",
                self.name
            ))
            .execute(&mut conn);
        }
    }
}

static NEXT_ID: AtomicU32 = AtomicU32::new(0);
static SHARED: Mutex<Weak<PgCluster>> = Mutex::new(Weak::new());

fn shared_cluster() -> Result<Arc<PgCluster>> {
    let mut slot = SHARED.lock().unwrap_or_else(|p| p.into_inner());
    if let Some(c) = slot.upgrade() {
        return Ok(c);
    }
    let c = Arc::new(PgCluster::temporary()?);
    *slot = Arc::downgrade(&c);
    Ok(c)
}

fn create_database(admin_url: &str, name: &str, fresh: bool) -> Result<()> {
    let db_err = |detail: String| PgClusterError::Database {
        url: admin_url.to_string(),
        detail,
    };
    let mut conn = PgConnection::establish(admin_url).map_err(|e| db_err(e.to_string()))?;
    if fresh {
        diesel::sql_query(format!("DROP DATABASE IF EXISTS \"{name}\""))
            .execute(&mut conn)
            .map_err(|e| db_err(e.to_string()))?;
    }
    #[derive(diesel::QueryableByName)]
    struct Exists {
        #[diesel(sql_type = diesel::sql_types::Bool)]
        exists: bool,
    }
    let found: Exists =
        diesel::sql_query("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1) AS exists")
            .bind::<diesel::sql_types::Text, _>(name)
            .get_result(&mut conn)
            .map_err(|e| db_err(e.to_string()))?;
    if !found.exists {
        diesel::sql_query(format!("CREATE DATABASE \"{name}\""))
            .execute(&mut conn)
            .map_err(|e| db_err(e.to_string()))?;
    }
    Ok(())
}

/// Every row of every table of the database at `url` (but the schema
/// migrations' bookkeeping), as JSON text, sorted, by table; the
/// checkpoint's wall-clock `updated_at` is left out. Two databases that index
/// the same chain compare equal.
pub fn table_contents(url: &str) -> Result<std::collections::BTreeMap<String, Vec<String>>> {
    let db_err = |detail: String| PgClusterError::Database {
        url: url.to_string(),
        detail,
    };
    let mut conn = PgConnection::establish(url).map_err(|e| db_err(e.to_string()))?;
    #[derive(diesel::QueryableByName)]
    struct Name {
        #[diesel(sql_type = diesel::sql_types::Text)]
        name: String,
    }
    #[derive(diesel::QueryableByName)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::Text)]
        row: String,
    }
    let tables: Vec<Name> = diesel::sql_query(
        "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' \
         AND tablename NOT LIKE '\\_\\_diesel%' ORDER BY 1",
    )
    .load(&mut conn)
    .map_err(|e| db_err(e.to_string()))?;
    let mut out = std::collections::BTreeMap::new();
    for t in tables {
        let wall_clock = if t.name == "checkpoint" {
            " - 'updated_at'"
        } else {
            ""
        };
        let rows: Vec<Row> = diesel::sql_query(format!(
            "SELECT (to_jsonb(t){wall_clock})::text AS row FROM \"{}\" t ORDER BY 1",
            t.name
        ))
        .load(&mut conn)
        .map_err(|e| db_err(e.to_string()))?;
        out.insert(t.name, rows.into_iter().map(|r| r.row).collect());
    }
    Ok(out)
}

/// Replaces the database name (the URL path) of a `postgres://` URL.
fn replace_db_name(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let authority_start = base.find("://").map(|i| i + 3).unwrap_or(0);
    let base = match base[authority_start..].find('/') {
        Some(i) => &base[..authority_start + i],
        None => base,
    };
    match query {
        Some(q) => format!("{base}/{name}?{q}"),
        None => format!("{base}/{name}"),
    }
}

/// The directory of the server binaries: where `initdb` and `pg_ctl` are,
/// links followed (the other tools, `pg_basebackup`, `pgbench` …, live beside
/// the real ones).
fn find_bin_dir() -> Option<PathBuf> {
    let found = find_tools_dir()?;
    let real = std::fs::canonicalize(found.join("pg_ctl"))
        .ok()
        .and_then(|p| p.parent().map(Path::to_path_buf));
    Some(real.unwrap_or(found))
}

fn find_tools_dir() -> Option<PathBuf> {
    let has_tools = |d: &Path| d.join("initdb").is_file() && d.join("pg_ctl").is_file();
    if let Ok(dir) = std::env::var("LUMEN_PG_BIN") {
        let dir = PathBuf::from(dir);
        return has_tools(&dir).then_some(dir);
    }
    if let Some(path) = std::env::var_os("PATH") {
        for dir in std::env::split_paths(&path) {
            if has_tools(&dir) {
                return Some(dir);
            }
        }
    }
    // Debian keeps the server binaries off PATH, one directory per version.
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let v = e.file_name().to_string_lossy().parse::<u32>().ok()?;
            Some((v, e.path().join("bin")))
        })
        .filter(|(_, d)| has_tools(d))
        .collect();
    versions.sort();
    versions.pop().map(|(_, d)| d)
}

fn free_port() -> Result<u16> {
    let l = TcpListener::bind("127.0.0.1:0").map_err(|e| io_err(Path::new("127.0.0.1:0"), e))?;
    let port = l
        .local_addr()
        .map_err(|e| io_err(Path::new("127.0.0.1:0"), e))?
        .port();
    Ok(port)
}

fn is_root() -> bool {
    // SAFETY-free check: the effective uid is reported by `id -u`; avoiding
    // a libc dependency for one call.
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

fn chown(dir: &Path, user: &str) -> Result<()> {
    let out = Command::new("chown")
        .args(["-R", user])
        .arg(dir)
        .output()
        .map_err(|e| io_err(dir, e))?;
    if !out.status.success() {
        return Err(PgClusterError::Command {
            command: format!("chown -R {user} {}", dir.display()),
            detail: format!(
                "{} (does the user `{user}` exist? set LUMEN_PG_USER to another unprivileged user)",
                String::from_utf8_lossy(&out.stderr).trim()
            ),
        });
    }
    // The temp dir's parents must be traversable by that user.
    Ok(())
}

fn io_err(path: &Path, e: std::io::Error) -> PgClusterError {
    PgClusterError::Io(path.display().to_string(), e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_database_name() {
        assert_eq!(
            replace_db_name("postgres://u@h:1/postgres", "x"),
            "postgres://u@h:1/x"
        );
        assert_eq!(
            replace_db_name("postgres://u@h:1", "x"),
            "postgres://u@h:1/x"
        );
        assert_eq!(
            replace_db_name("postgres://u:p@h/db?sslmode=disable", "x"),
            "postgres://u:p@h/x?sslmode=disable"
        );
    }

    #[test]
    fn test_databases_are_real_and_isolated() {
        let a = TestDb::new().expect("test database");
        let b = TestDb::new().expect("second test database");
        assert_ne!(a.url(), b.url());
        let mut conn = PgConnection::establish(a.url()).expect("connect");
        diesel::sql_query("CREATE TABLE t (x int)")
            .execute(&mut conn)
            .unwrap();
        let mut conn_b = PgConnection::establish(b.url()).expect("connect b");
        let err = diesel::sql_query("SELECT x FROM t").execute(&mut conn_b);
        assert!(err.is_err(), "table leaked across test databases");
    }
}
