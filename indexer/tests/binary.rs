//! The `lumen-indexer` binary end to end: ingest from the shared fullnode
//! stand-in (`lumen_sdk::standin`) and from a file into a real PostgreSQL,
//! then serve the API; clear non-zero exits on a pruned start and on
//! another chain.

mod common;

use std::process::Stdio;
use std::time::Duration;

use common::*;
use lumen_indexer::pg_cluster::TestDb;
use lumen_sdk::standin::Standin;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ingests_from_a_node_then_serves() {
    let node = Standin::start(4).await.unwrap();
    let txns = chain(30);
    let n = txns.len() as u64;
    node.push_transactions(txns);
    node.fail_next(2, 503);
    let db = TestDb::new().unwrap();

    let out = ingest(&node.url(), db.url()).await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let (mut server, base) = serve(db.url(), &["--serve-only"]).await;
    let (s, st) = get_json(&format!("{base}/v1/status")).await.unwrap();
    assert_eq!(s, 200);
    assert_eq!(st["indexed_version"], n - 1);
    assert_eq!(st["chain_id"], 4);
    let (s, job) = get_json(&format!("{base}/v1/jobs/30")).await.unwrap();
    assert_eq!(s, 200);
    assert_eq!(job["job"]["status"], "open");
    let (s, err) = get_json(&format!("{base}/v1/jobs?limit=nope"))
        .await
        .unwrap();
    assert_eq!((s, err["parameter"].as_str()), (400, Some("limit")));
    server.kill().await.unwrap();

    // The same database against another chain: refused with a clear error.
    let other = Standin::start(7).await.unwrap();
    other.push_transactions(chain(2));
    let out = ingest(&other.url(), db.url()).await;
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("chain id mismatch"), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pruned_start_exits_non_zero() {
    let node = Standin::start(4).await.unwrap();
    node.push_transactions(chain(5));
    node.prune_before(4);
    let db = TestDb::new().unwrap();
    let out = ingest(&node.url(), db.url()).await;
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("pruned"), "{err}");
}

/// `lumen-indexer --ingest-only --from-file path` into `db`.
async fn replay(db: &TestDb, path: &std::path::Path) -> std::process::Output {
    indexer()
        .args([
            "--database-url",
            db.url(),
            "--package",
            "0xcafe",
            "--ingest-only",
        ])
        .arg("--from-file")
        .arg(path)
        .output()
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replays_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("txns.jsonl");
    let txns = chain(12);
    let body: String = txns.iter().map(|t| format!("{t}\n")).collect();
    std::fs::write(&path, body).unwrap();
    let db = TestDb::new().unwrap();
    let out = replay(&db, &path).await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    use diesel::prelude::*;
    let mut conn = PgConnection::establish(db.url()).unwrap();
    let cp = lumen_indexer::checkpoint::load(&mut conn).unwrap().unwrap();
    assert_eq!(cp.next_version, txns.len() as u64);
    assert_eq!(cp.events_total, 12);

    // A malformed line stops the replay with its line number.
    std::fs::write(&path, format!("{}\nnot json\n", txns[0])).unwrap();
    let out = replay(&TestDb::new().unwrap(), &path).await;
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("txns.jsonl:2"), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_mid_run_resumes_without_loss_or_doubling() {
    use diesel::prelude::*;
    let node = Standin::start(4).await.unwrap();
    let txns = chain(400);
    let total = txns.len();
    node.push_transactions(txns[..total / 4].to_vec());
    let db = TestDb::new().unwrap();
    let checkpoint = || {
        let mut conn = PgConnection::establish(db.url()).ok()?;
        lumen_indexer::checkpoint::load(&mut conn).ok()?
    };

    // Following the chain (no --exit-at-head), small commits.
    let mut follower = indexer()
        .args([
            "--node-url",
            &node.url(),
            "--database-url",
            db.url(),
            "--package",
            "0xcafe",
        ])
        .args(["--ingest-only", "--page-size", "5", "--batch-events", "3"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut caught_up = false;
    for _ in 0..300 {
        if checkpoint().is_some_and(|c| c.next_version == (total / 4) as u64) {
            caught_up = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(caught_up, "the follower reached the first head");
    // The chain grows and the process dies (SIGKILL) while ingesting it.
    node.push_transactions(txns[total / 4..].to_vec());
    let mut moved = false;
    for _ in 0..1000 {
        if checkpoint().is_some_and(|c| c.next_version > (total / 4) as u64) {
            moved = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    follower.kill().await.unwrap();
    assert!(moved, "the follower picked up the new transactions");
    let at_kill = checkpoint().unwrap();
    eprintln!("killed at version {} of {total}", at_kill.next_version);

    let out = ingest(&node.url(), db.url()).await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let cp = checkpoint().unwrap();
    assert_eq!(cp.next_version, total as u64);
    assert_eq!(cp.events_total, 400);
    let mut conn = PgConnection::establish(db.url()).unwrap();
    let (events, jobs): (i64, i64) = diesel::select((
        diesel::dsl::sql::<diesel::sql_types::BigInt>("(SELECT count(*) FROM events)"),
        diesel::dsl::sql::<diesel::sql_types::BigInt>("(SELECT count(*) FROM jobs)"),
    ))
    .get_result(&mut conn)
    .unwrap();
    assert_eq!((events, jobs), (400, 400));
}
