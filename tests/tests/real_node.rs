//! Against a real Aptos node: runs only when `LUMEN_NODE_URL` is set (for
//! example a localnet with the package published by `scripts/deploy.sh`,
//! its address in `LUMEN_PACKAGE`), and says plainly that it was skipped
//! otherwise.

mod common;

use std::time::Duration;

use common::*;
use lumen_indexer::pipeline::{self, Input, PipelineConfig};
use lumen_indexer::source::{ledger_info, RestConfig, RetryPolicy};
use lumen_indexer::store;
use lumen_sdk::Package;

fn node() -> Option<String> {
    match std::env::var("LUMEN_NODE_URL") {
        Ok(u) if !u.is_empty() => Some(u),
        _ => {
            eprintln!("skipped: LUMEN_NODE_URL is not set (set it to a node's REST URL, e.g. http://127.0.0.1:8080, to run the real-node tests)");
            None
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_indexer_follows_a_real_node_to_its_head() {
    let Some(url) = node() else { return };
    lumen_indexer::source::install_crypto_provider();
    let client = reqwest::Client::new();
    let info = ledger_info(&client, &url, &RetryPolicy::default())
        .await
        .expect("the node answers GET /v1");
    let package: Package = std::env::var("LUMEN_PACKAGE")
        .ok()
        .map(|p| p.parse().expect("LUMEN_PACKAGE is a 0x address"))
        .unwrap_or(Package::DEV);
    let db = lumen_indexer::pg_cluster::TestDb::new().unwrap();
    let pool = store::pool(db.url(), 4).unwrap();
    let mut rest = RestConfig::new(url.clone());
    rest.stop_at_head = true;
    // The last few hundred versions: enough to exercise paging on any network.
    let start = info
        .ledger_version
        .saturating_sub(300)
        .max(info.oldest_ledger_version);
    let summary = pipeline::run(
        pool.clone(),
        PipelineConfig {
            package,
            input: Input::Node(rest),
            start_version: Some(start),
            batch_events: 1_000,
            file_page_size: 100,
            progress_every: Duration::from_secs(60),
        },
    )
    .await
    .expect("ingestion from the node");
    assert!(
        summary.next_version > info.ledger_version,
        "{summary:?} stopped before the head {}",
        info.ledger_version
    );
    let api = serve(pool, Some(url.clone())).await;
    let status = get(&format!("{api}/v1/status")).await;
    assert_eq!(n(&status["chain_id"]), info.chain_id as u64);
    assert!(n(&status["indexed_version"]) >= info.ledger_version);
}

#[tokio::test]
async fn the_published_package_has_every_module() {
    let Some(url) = node() else { return };
    let Ok(package) = std::env::var("LUMEN_PACKAGE") else {
        eprintln!("skipped: LUMEN_PACKAGE is not set (the address scripts/deploy.sh printed)");
        return;
    };
    lumen_indexer::source::install_crypto_provider();
    let base = url.trim_end_matches('/').trim_end_matches("/v1");
    for module in [
        "config",
        "attestation",
        "staking",
        "escrow",
        "rewards",
        "vip",
    ] {
        let m = get(&format!("{base}/v1/accounts/{package}/module/{module}")).await;
        assert_eq!(m["abi"]["name"].as_str(), Some(module));
    }
}
