//! Helpers of the binary's tests: a chain of jobs, the binary with a clean
//! environment, an ingest run, the API's answers.
#![allow(dead_code)]

use std::process::Stdio;
use std::time::Duration;

use lumen_sdk::events::*;
use lumen_sdk::{AccountAddress, Package};
use serde_json::{json, Value};

fn addr(n: u64) -> AccountAddress {
    let mut b = [0u8; 32];
    b[24..].copy_from_slice(&n.to_be_bytes());
    AccountAddress::new(b)
}

/// `n_jobs` jobs created by one creator, one per transaction, between
/// framework-only transactions; versions from 0.
pub fn chain(n_jobs: u64) -> Vec<Value> {
    let pkg = Package::DEV;
    let mut txns = Vec::new();
    let mut push = |events: Vec<Value>| {
        let v = txns.len() as u64;
        txns.push(json!({
            "version": v.to_string(),
            "hash": format!("0x{v:064x}"),
            "type": if events.is_empty() { "block_metadata_transaction" } else { "user_transaction" },
            "timestamp": (1_700_000_000_000_000u64 + v * 1_000_000).to_string(),
            "success": true,
            "events": events,
        }));
    };
    push(vec![]);
    for id in 1..=n_jobs {
        let ev = LumenEvent::JobCreated(JobCreated {
            job: addr(0x1000 + id),
            job_id: id,
            creator: addr(0xc1),
            spec_hash: vec![1, 2],
            frames: 10,
            max_price_per_frame: 5,
            min_score: 0,
            min_vram_mb: 0,
            deposit: 50,
            created_at: 1_700_000_000 + id,
        });
        push(vec![ev.to_rest(&pkg, id)]);
        push(vec![]);
    }
    txns
}

pub fn indexer() -> tokio::process::Command {
    let mut c = tokio::process::Command::new(env!("CARGO_BIN_EXE_lumen-indexer"));
    for var in [
        "LUMEN_NODE_URL",
        "LUMEN_PACKAGE",
        "DATABASE_URL",
        "LUMEN_INDEXER_LISTEN",
        "LUMEN_GRPC_URL",
        "LUMEN_GRPC_AUTH_TOKEN",
        "LUMEN_READ_DATABASE_URL",
    ] {
        c.env_remove(var);
    }
    c.env("RUST_LOG", "info")
        .stdin(Stdio::null())
        .kill_on_drop(true);
    c
}

pub async fn ingest(node: &str, db: &str) -> std::process::Output {
    indexer()
        .args([
            "--node-url",
            node,
            "--database-url",
            db,
            "--package",
            "0xcafe",
        ])
        .args([
            "--ingest-only",
            "--exit-at-head",
            "--page-size",
            "7",
            "--pages-in-flight",
            "3",
        ])
        .output()
        .await
        .unwrap()
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

pub async fn get_json(url: &str) -> Option<(u16, Value)> {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let r = reqwest::get(url).await.ok()?;
    let s = r.status().as_u16();
    Some((s, r.json().await.ok()?))
}

/// `chain(n_jobs)` of another ledger: the same versions, other hashes.
pub fn other_ledger(n_jobs: u64) -> Vec<Value> {
    let mut txns = chain(n_jobs);
    for t in &mut txns {
        let v: u64 = t["version"].as_str().unwrap().parse().unwrap();
        t["hash"] = json!(format!("0x{:064x}", v + 0xfeed_0000));
    }
    txns
}

/// Starts the binary serving the API (and ingesting, unless `--serve-only`
/// is among `args`) on a free port; returns it and the API's base URL once
/// the API answers.
pub async fn serve(db: &str, args: &[&str]) -> (tokio::process::Child, String) {
    let (child, base) = start(db, args);
    wait_ready(&base).await;
    (child, base)
}

/// Starts the binary like [`serve`] without waiting for the API.
pub fn start(db: &str, args: &[&str]) -> (tokio::process::Child, String) {
    let listen = format!("127.0.0.1:{}", free_port());
    let child = indexer()
        .args([
            "--database-url",
            db,
            "--listen",
            &listen,
            "--package",
            "0xcafe",
        ])
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    (child, format!("http://{listen}"))
}

/// Polls `f` every 100 ms for up to `secs` seconds until it holds.
pub async fn eventually<F: std::future::Future<Output = bool>>(
    secs: u64,
    mut f: impl FnMut() -> F,
) -> bool {
    for _ in 0..secs * 10 {
        if f().await {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    false
}

/// Waits until the API at `base` answers `/health`.
pub async fn wait_ready(base: &str) {
    for _ in 0..150 {
        if let Some((200, _)) = get_json(&format!("{base}/health")).await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the API at {base} did not come up");
}
