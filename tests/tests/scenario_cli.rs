//! `lumen-scenario` as the demo runs it: the JSON-lines file it writes is
//! ingested by the indexer's file source into PostgreSQL, and the explorer
//! API agrees with the summary it printed; bad options are refused with a
//! message naming the problem.

mod common;

use std::process::Command;
use std::time::Duration;

use common::*;
use lumen_indexer::pg_cluster::TestDb;
use lumen_indexer::pipeline::{self, Input, PipelineConfig};
use lumen_indexer::store;
use lumen_sdk::Package;
use serde_json::Value;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_scenario_file_ingests_and_matches_its_summary() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("chain.jsonl");
    let keys = dir.path().join("keys.json");
    let run = Command::new(env!("CARGO_BIN_EXE_lumen-scenario"))
        .args([
            "--seed",
            "3",
            "--workers",
            "8",
            "--jobs",
            "40",
            "--epochs",
            "4",
        ])
        .arg("--out")
        .arg(&out)
        .arg("--keys-out")
        .arg(&keys)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let summary: Value = serde_json::from_slice(&run.stdout).expect("the summary is JSON");
    let lines = std::fs::read_to_string(&out).unwrap().lines().count() as u64;
    assert_eq!(lines, n(&summary["chain"]["transactions"]));
    let keys: Value = serde_json::from_str(&std::fs::read_to_string(&keys).unwrap()).unwrap();
    assert_eq!(keys["attesters"].as_array().unwrap().len(), 2);

    let db = TestDb::new().unwrap();
    let pool = store::pool(db.url(), 4).unwrap();
    let ran = pipeline::run(
        pool.clone(),
        PipelineConfig {
            package: Package::DEV,
            input: Input::File(out.clone()),
            start_version: None,
            batch_events: 500,
            file_page_size: 100,
            progress_every: Duration::from_secs(60),
        },
    )
    .await
    .unwrap();
    assert_eq!(ran.next_version, lines);
    assert_eq!(ran.events, n(&summary["chain"]["lumen_events"]));
    let api = serve(pool, None).await;
    let stats = get(&format!("{api}/v1/stats")).await;
    assert_eq!(n(&stats["jobs"]["total"]), 40);
    for (status, count) in summary["jobs"]["by_status"].as_object().unwrap() {
        assert_eq!(n(&stats["jobs"]["by_status"][status]), n(count), "{status}");
    }
    let status = get(&format!("{api}/v1/status")).await;
    assert_eq!(n(&status["indexed_version"]), lines - 1);
}

#[test]
fn bad_options_are_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.jsonl");
    let run = Command::new(env!("CARGO_BIN_EXE_lumen-scenario"))
        .args(["--workers", "1"])
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(!run.status.success());
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(err.contains("at least 2 workers"), "{err}");
    let run = Command::new(env!("CARGO_BIN_EXE_lumen-scenario"))
        .args(["--package", "cafe"])
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(!run.status.success());
    assert!(String::from_utf8_lossy(&run.stderr).contains("--package"));
}
