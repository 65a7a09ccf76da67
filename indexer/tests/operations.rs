//! The binary as an operator runs it, against the failures production
//! brings: a second ingesting process, processes started together, a first
//! run that failed, a reset network, a node outage, a database that is gone
//! or misnamed.

mod common;

use std::process::Stdio;
use std::time::{Duration, Instant};

use common::*;
use lumen_indexer::pg_cluster::{table_contents, PgCluster, TestDb};
use lumen_sdk::standin::{Fault, Standin};

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A second ingesting process (a rolling deploy, a replay started by hand)
/// used to delete the running indexer's written-but-not-checkpointed raw
/// events at its start. Now it waits for the writer lock: started again and
/// again during an ingest, it changes nothing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_writer_started_again_and_again_changes_nothing() {
    let node = Standin::start(4).await.unwrap();
    node.push_transactions(chain(300));
    let single = TestDb::new().unwrap();
    let out = ingest(&node.url(), single.url()).await;
    assert!(out.status.success(), "{}", stderr(&out));

    let db = TestDb::new().unwrap();
    let empty = tempfile::NamedTempFile::new().unwrap();
    let empty = empty.path().to_str().unwrap().to_string();
    let second = || {
        indexer()
            .args(["--database-url", db.url(), "--package", "0xcafe"])
            .args(["--ingest-only", "--from-file", &empty])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap()
    };
    // Slow pages keep the first run going while the second is started again
    // and again, however fast the machine.
    node.push_faults(&[Fault::Delay(Duration::from_millis(150)); 100]);
    let mut first = indexer()
        .args(["--node-url", &node.url(), "--database-url", db.url()])
        .args(["--package", "0xcafe", "--ingest-only", "--exit-at-head"])
        .args(["--page-size", "3", "--batch-events", "4"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut starts = 0;
    while first.try_wait().unwrap().is_none() && starts < 60 {
        let mut b = second();
        tokio::time::sleep(Duration::from_millis(80 + 13 * (starts % 7))).await;
        let _ = b.kill().await;
        starts += 1;
    }
    assert!(
        starts >= 5,
        "the first run ended before the second could start"
    );
    let out = first.wait_with_output().await.unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    // Alone, the second process finds everything applied.
    let out = second().wait_with_output().await.unwrap();
    assert!(out.status.success());
    assert_eq!(
        table_contents(db.url()).unwrap(),
        table_contents(single.url()).unwrap(),
        "the database equals a single run's"
    );
}

/// An API process and an ingesting one started together on an empty
/// database used to race on the migrations (duplicate key).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_api_and_a_writer_started_together_on_an_empty_database() {
    let node = Standin::start(4).await.unwrap();
    node.push_transactions(chain(5));
    for _ in 0..4 {
        let db = TestDb::new().unwrap();
        let (mut api, base) = start(db.url(), &["--serve-only"]);
        let out = ingest(&node.url(), db.url()).await;
        assert!(out.status.success(), "{}", stderr(&out));
        wait_ready(&base).await;
        assert!(api.try_wait().unwrap().is_none(), "the API process died");
        let (s, st) = get_json(&format!("{base}/v1/status")).await.unwrap();
        assert_eq!((s, st["indexed_version"].as_u64()), (200, Some(10)));
        api.kill().await.unwrap();
    }
}

/// After a first run failed on a pruned node, `--start-version` used to be
/// ignored (the failed run had written checkpoint 0), so the advice of the
/// error could not work.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn start_version_after_a_failed_first_run() {
    let node = Standin::start(4).await.unwrap();
    node.push_transactions(chain(30));
    node.prune_before(20);
    let db = TestDb::new().unwrap();
    let with_start = |start: &'static str| {
        indexer()
            .args(["--node-url", &node.url(), "--database-url", db.url()])
            .args(["--package", "0xcafe", "--ingest-only", "--exit-at-head"])
            .args(["--start-version", start])
            .output()
    };
    let out = ingest(&node.url(), db.url()).await;
    assert!(!out.status.success());
    assert!(stderr(&out).contains("pruned"), "{}", stderr(&out));
    // The advice works: nothing was applied, so the checkpoint moves.
    let out = with_start("20").await.unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    // The same command again resumes.
    let out = with_start("20").await.unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    // Another start on a database with data is refused, with the way out.
    let out = with_start("5").await.unwrap();
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("--start-version 5 does not fit"), "{err}");
    assert!(
        err.contains("drop --start-version to resume at 61"),
        "{err}"
    );
}

/// A network reset keeps its chain id (a restarted localnet is always
/// chain 4); the new ledger used to be appended to the old one unnoticed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reset_ledger_stops_ingestion_and_the_status_says_so() {
    let db = TestDb::new().unwrap();
    let first = Standin::start(4).await.unwrap();
    first.push_transactions(chain(10));
    let out = ingest(&first.url(), db.url()).await;
    assert!(out.status.success(), "{}", stderr(&out));

    let reset = Standin::start(4).await.unwrap();
    reset.push_transactions(other_ledger(12));
    let out = ingest(&reset.url(), db.url()).await;
    assert!(!out.status.success(), "a reset ledger was ingested");
    assert!(stderr(&out).contains("another ledger"), "{}", stderr(&out));

    // Serving and following: the API stays up and says why ingestion stopped.
    let (mut p, base) = serve(db.url(), &["--node-url", &reset.url()]).await;
    let stopped = eventually(20, || async {
        let (_, st) = get_json(&format!("{base}/v1/status")).await.unwrap();
        st["ingest_error"]
            .as_str()
            .is_some_and(|e| e.contains("another ledger"))
    })
    .await;
    assert!(stopped, "the status shows the reset");
    assert_eq!(get_json(&format!("{base}/v1/jobs/1")).await.unwrap().0, 200);
    assert!(p.try_wait().unwrap().is_none());
    p.kill().await.unwrap();
}

/// A node outage longer than the retry budget used to stop the whole
/// process, API included. Following, it now waits for the node, says since
/// when it is unreachable, and goes on when it is back.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn following_survives_a_node_outage() {
    let node = Standin::start(4).await.unwrap();
    node.push_transactions(chain(5));
    let db = TestDb::new().unwrap();
    let (mut p, base) = serve(
        db.url(),
        &["--node-url", &node.url(), "--max-attempts", "2"],
    )
    .await;
    let status = || async { get_json(&format!("{base}/v1/status")).await.unwrap().1 };
    assert!(eventually(20, || async { status().await["indexed_version"] == 10 }).await);

    node.fail_next(5, 503);
    node.push_transactions(chain(7).split_off(11));
    let away = eventually(20, || async {
        let st = status().await;
        st["node_unreachable_since"].is_u64()
            && st["node_error"].as_str().is_some_and(|e| e.contains("503"))
    })
    .await;
    assert!(
        away,
        "the status shows the node unreachable: {}",
        status().await
    );
    assert!(p.try_wait().unwrap().is_none(), "the process kept running");
    let back = eventually(60, || async {
        let st = status().await;
        st["indexed_version"] == 14 && st["node_unreachable_since"].is_null()
    })
    .await;
    assert!(back, "ingestion went on: {}", status().await);
    p.kill().await.unwrap();
}

/// A malformed database URL used to wait 10 s before failing.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_malformed_database_url_fails_at_once() {
    let t0 = Instant::now();
    let out = indexer()
        .args([
            "--database-url",
            "postgres://lumen@127.0.0.1:1/x?nonsense=1",
        ])
        .args(["--serve-only"])
        .output()
        .await
        .unwrap();
    assert!(!out.status.success());
    assert!(t0.elapsed() < Duration::from_secs(4), "{:?}", t0.elapsed());
    assert!(stderr(&out).contains("nonsense"), "{}", stderr(&out));
}

/// With PostgreSQL gone every API answer used to take 10 s before its 503.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_the_database_gone_the_api_answers_503_quickly() {
    let cluster = tokio::task::spawn_blocking(PgCluster::temporary)
        .await
        .unwrap()
        .unwrap();
    let url = cluster.ensure_database("lumen").unwrap();
    let (mut p, base) = serve(&url, &["--serve-only"]).await;
    assert_eq!(get_json(&format!("{base}/v1/jobs")).await.unwrap().0, 200);
    cluster.stop().unwrap();
    let t0 = Instant::now();
    let (s, body) = get_json(&format!("{base}/v1/jobs?limit=2")).await.unwrap();
    assert_eq!(s, 503, "{body}");
    assert!(t0.elapsed() < Duration::from_secs(4), "{:?}", t0.elapsed());
    p.kill().await.unwrap();
}
