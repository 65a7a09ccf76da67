//! More than one machine: the writer writes the primary, an API process
//! reads a PostgreSQL streaming replica (a real primary and hot standby made
//! with `pg_basebackup`), and what the replica shows is what it replayed.

mod common;

use common::*;
use lumen_indexer::pg_cluster::PgCluster;
use lumen_sdk::standin::Standin;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_write_on_the_primary_appears_on_the_replicas_api_with_its_lag() {
    let primary = tokio::task::spawn_blocking(PgCluster::temporary)
        .await
        .unwrap()
        .unwrap();
    let url = primary.ensure_database("lumen").unwrap();
    let node = Standin::start(4).await.unwrap();
    node.push_transactions(chain(5));
    let out = ingest(&node.url(), &url).await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let standby = tokio::task::spawn_blocking(move || {
        let s = PgCluster::standby_of(&primary);
        (primary, s)
    })
    .await
    .unwrap();
    let (primary, standby) = (standby.0, standby.1.unwrap());
    let replica = standby.url("lumen");
    // The API process knows only the replica (and the node, for the head).
    let (mut api, base) = serve(
        &replica,
        &[
            "--serve-only",
            "--read-database-url",
            &replica,
            "--node-url",
            &node.url(),
        ],
    )
    .await;
    let status = || async { get_json(&format!("{base}/v1/status")).await.unwrap().1 };
    let st = status().await;
    assert_eq!(st["database_role"], "standby", "{st}");
    assert_eq!(
        (st["indexed_version"].as_u64(), st["lag"].as_u64()),
        (Some(10), Some(0))
    );

    // The chain grows: the replica's API shows how far behind it is.
    node.push_transactions(chain(8).split_off(11));
    assert!(
        eventually(10, || async {
            let st = status().await;
            st["chain_head"] == 16 && st["indexed_version"] == 10 && st["lag"] == 6
        })
        .await,
        "{}",
        status().await
    );
    assert_eq!(get_json(&format!("{base}/v1/jobs/8")).await.unwrap().0, 404);

    // The writer ingests into the primary; the replica replays it.
    let out = ingest(&node.url(), &url).await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        eventually(20, || async {
            let st = status().await;
            st["indexed_version"] == 16 && st["lag"] == 0
        })
        .await,
        "{}",
        status().await
    );
    let (s, job) = get_json(&format!("{base}/v1/jobs/8")).await.unwrap();
    assert_eq!((s, job["job"]["job_id"].as_u64()), (200, Some(8)));
    let st = status().await;
    assert!(st["replay_lag_secs"].is_number(), "{st}");
    api.kill().await.unwrap();
    drop(standby);
    drop(primary);
}
