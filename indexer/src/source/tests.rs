use super::*;
use crate::testgen::Chain;
use lumen_sdk::standin::{Fault, Standin};

fn fast_cfg(url: String) -> RestConfig {
    RestConfig {
        page_size: 10,
        pages_in_flight: 4,
        request_timeout: Duration::from_secs(5),
        retry: RetryPolicy {
            max_attempts: 5,
            base_delay: Duration::from_millis(5),
            max_delay: Duration::from_millis(20),
        },
        poll_interval: Duration::from_millis(20),
        stop_at_head: true,
        ..RestConfig::new(url)
    }
}

/// A stand-in serving `n` transactions (genesis, then block metadata) on chain 4.
async fn node_with(n: u64) -> Standin {
    let node = Standin::start(4).await.unwrap();
    node.push_transactions(fillers(n));
    node
}

/// Genesis and block metadata transactions, versions `0..n`.
fn fillers(n: u64) -> Vec<serde_json::Value> {
    let mut c = Chain::new();
    c.filler(n.saturating_sub(1));
    c.txns
}

/// `err`, checked to match `pat` (shown when it does not).
macro_rules! expect_err {
    ($err:expr, $pat:pat) => {{
        let err = $err;
        assert!(matches!(err, $pat), "{err}");
        err
    }};
}

/// The error of connecting to `node` from `start`, expecting `chain_id`.
async fn connect_err(node: &Standin, start: u64, chain_id: Option<u8>) -> SourceError {
    RestSource::connect(fast_cfg(node.url()), start, chain_id)
        .await
        .err()
        .unwrap()
}

async fn drain(src: &mut RestSource) -> Result<Vec<u64>, SourceError> {
    let mut versions = Vec::new();
    while let Some(p) = src.next_page().await? {
        versions.extend(p.transactions.iter().map(|t| t.version));
    }
    Ok(versions)
}

#[tokio::test]
async fn pages_in_flight_arrive_in_order() {
    let node = node_with(95).await;
    // The first page answers last: ordering must not depend on completion order.
    node.slow_start(0, Duration::from_millis(300));
    node.slow_start(20, Duration::from_millis(150));
    let (mut src, info) = RestSource::connect(fast_cfg(node.url()), 0, Some(4))
        .await
        .unwrap();
    assert_eq!(info.ledger_version, 94);
    let versions = drain(&mut src).await.unwrap();
    assert_eq!(versions, (0..95).collect::<Vec<_>>());
    let reqs = node.page_requests();
    assert_eq!(reqs.len(), 10, "one request per page of 10: {reqs:?}");
}

#[tokio::test]
async fn short_pages_are_completed_without_gaps() {
    let node = node_with(57).await;
    node.set_max_page(7);
    let (mut src, _) = RestSource::connect(fast_cfg(node.url()), 3, None)
        .await
        .unwrap();
    let versions = drain(&mut src).await.unwrap();
    assert_eq!(versions, (3..57).collect::<Vec<_>>());
}

#[tokio::test]
async fn retries_429_500_404_and_truncated_bodies() {
    let node = node_with(30).await;
    node.push_faults(&[
        Fault::TooMany,
        Fault::Internal,
        Fault::Truncated,
        Fault::NotFound,
    ]);
    let mut cfg = fast_cfg(node.url());
    cfg.pages_in_flight = 1;
    let (mut src, _) = RestSource::connect(cfg, 0, None).await.unwrap();
    let versions = drain(&mut src).await.unwrap();
    assert_eq!(versions, (0..30).collect::<Vec<_>>());
    // 3 pages + 4 failed attempts.
    assert_eq!(node.page_requests().len(), 7);
}

#[tokio::test]
async fn retries_timeouts() {
    let node = node_with(12).await;
    let mut cfg = fast_cfg(node.url());
    cfg.pages_in_flight = 1;
    cfg.request_timeout = Duration::from_millis(300);
    let (mut src, _) = RestSource::connect(cfg, 0, None).await.unwrap();
    node.push_faults(&[Fault::Delay(Duration::from_secs(3))]);
    let t = std::time::Instant::now();
    let versions = drain(&mut src).await.unwrap();
    assert_eq!(versions, (0..12).collect::<Vec<_>>());
    assert!(
        t.elapsed() < Duration::from_secs(3),
        "the slow answer was not awaited"
    );
    assert_eq!(
        node.page_requests().len(),
        3,
        "2 pages + 1 timed-out attempt"
    );
}

#[tokio::test]
async fn gives_up_after_max_attempts() {
    let node = node_with(30).await;
    node.push_faults(&[Fault::Internal; 10]);
    let mut cfg = fast_cfg(node.url());
    cfg.pages_in_flight = 1;
    let (mut src, _) = RestSource::connect(cfg, 0, None).await.unwrap();
    expect_err!(
        drain(&mut src).await.unwrap_err(),
        SourceError::RetriesExhausted { attempts: 5, .. }
    );
}

#[tokio::test]
async fn pruned_start_is_a_typed_error() {
    let node = node_with(30).await;
    node.prune_before(12);
    // Caught at connect from the ledger info …
    let err = expect_err!(
        connect_err(&node, 5, None).await,
        SourceError::Pruned {
            start: 5,
            oldest: Some(12)
        }
    );
    assert!(err.to_string().contains("pruned"));
    // … and from a 410 answer when pruning happens while running.
    let (mut src, _) = RestSource::connect(fast_cfg(node.url()), 12, None)
        .await
        .unwrap();
    node.prune_before(25);
    expect_err!(
        drain(&mut src).await.unwrap_err(),
        SourceError::Pruned {
            oldest: Some(25),
            ..
        }
    );
}

#[tokio::test]
async fn chain_id_mismatch_is_an_error() {
    let node = node_with(30).await;
    expect_err!(
        connect_err(&node, 0, Some(2)).await,
        SourceError::ChainIdMismatch {
            expected: 2,
            actual: 4
        }
    );
    // A node whose responses switch chains mid-way is refused too.
    let (mut src, _) = RestSource::connect(fast_cfg(node.url()), 0, Some(4))
        .await
        .unwrap();
    node.set_header_chain_id(9);
    expect_err!(
        drain(&mut src).await.unwrap_err(),
        SourceError::ChainIdMismatch { actual: 9, .. }
    );
}

#[tokio::test]
async fn follows_a_growing_chain() {
    let node = node_with(5).await;
    let mut cfg = fast_cfg(node.url());
    cfg.stop_at_head = false;
    let (mut src, _) = RestSource::connect(cfg, 0, None).await.unwrap();
    let first = src.next_page().await.unwrap().unwrap();
    assert_eq!(first.transactions.len(), 5);
    let more: Vec<serde_json::Value> = fillers(8).split_off(5);
    let node = std::sync::Arc::new(node);
    let grow = node.clone();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(50)).await;
        grow.push_transactions(more);
    });
    let next = tokio::time::timeout(Duration::from_secs(5), src.next_page())
        .await
        .expect("new transactions picked up")
        .unwrap()
        .unwrap();
    let v: Vec<u64> = next.transactions.iter().map(|t| t.version).collect();
    assert_eq!(v, vec![5, 6, 7]);
}

#[test]
fn file_source_reads_pages_and_rejects_disorder() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("txns.jsonl");
    let lines: Vec<String> = fillers(25).iter().map(|t| t.to_string()).collect();
    std::fs::write(&path, lines.join("\n") + "\n\n").unwrap();
    let mut src = FileSource::open(&path, 4, 10).unwrap();
    let mut got = Vec::new();
    while let Some(p) = src.next_page().unwrap() {
        assert!(p.transactions.len() <= 10);
        got.extend(p.transactions.iter().map(|t| t.version));
    }
    assert_eq!(got, (4..25).collect::<Vec<_>>());

    let bad = dir.path().join("bad.jsonl");
    let f = fillers(4);
    std::fs::write(&bad, format!("{}\n{}\n", f[3], f[2])).unwrap();
    let err = FileSource::open(&bad, 0, 10)
        .unwrap()
        .next_page()
        .unwrap_err();
    assert!(err.to_string().contains(":2:"), "{err}");

    let garbage = dir.path().join("garbage.jsonl");
    std::fs::write(&garbage, "{\"version\": \"x\"}\n").unwrap();
    let err = FileSource::open(&garbage, 0, 10)
        .unwrap()
        .next_page()
        .unwrap_err();
    assert!(err.to_string().contains("garbage.jsonl:1"), "{err}");
}

#[test]
fn backoff_grows_and_is_capped() {
    let p = RetryPolicy {
        max_attempts: 10,
        base_delay: Duration::from_millis(100),
        max_delay: Duration::from_secs(1),
    };
    for _ in 0..50 {
        let d1 = p.delay(1);
        assert!(d1 >= Duration::from_millis(50) && d1 <= Duration::from_millis(100));
        let d3 = p.delay(3);
        assert!(d3 >= Duration::from_millis(200) && d3 <= Duration::from_millis(400));
        let d9 = p.delay(9);
        assert!(d9 >= Duration::from_millis(500) && d9 <= Duration::from_secs(1));
    }
}

/// A node that answers its first `/v1/transactions` request with 429 and
/// `Retry-After: <secs>`, then serves `txns`.
async fn rate_limiting_node(txns: Vec<serde_json::Value>, secs: u64) -> String {
    use axum::http::{header, StatusCode};
    use axum::response::IntoResponse;
    let first = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
    let head = txns.len() as u64 - 1;
    let app = axum::Router::new()
        .route(
            "/v1",
            axum::routing::get(move || async move {
                axum::Json(serde_json::json!({
                    "chain_id": 4,
                    "ledger_version": head.to_string(),
                    "oldest_ledger_version": "0",
                }))
            }),
        )
        .route(
            "/v1/transactions",
            axum::routing::get(move || {
                let (first, txns) = (first.clone(), txns.clone());
                async move {
                    if first.swap(false, std::sync::atomic::Ordering::SeqCst) {
                        (
                            StatusCode::TOO_MANY_REQUESTS,
                            [(header::RETRY_AFTER, secs.to_string())],
                        )
                            .into_response()
                    } else {
                        axum::Json(txns).into_response()
                    }
                }
            }),
        );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    url
}

/// `Retry-After` on a 429 used to be ignored (the retry came after the
/// backoff's ~100 ms).
#[tokio::test]
async fn retry_after_is_honoured() {
    let url = rate_limiting_node(fillers(3), 2).await;
    let (mut src, _) = RestSource::connect(fast_cfg(url), 0, None).await.unwrap();
    let t0 = std::time::Instant::now();
    assert_eq!(drain(&mut src).await.unwrap(), [0, 1, 2]);
    assert!(t0.elapsed() >= Duration::from_secs(2), "{:?}", t0.elapsed());
}

/// Node errors used to lose their cause ("error sending request" for a
/// refused connection, a timeout and a bad scheme alike), and a URL without
/// a scheme was retried ten times.
#[tokio::test]
async fn errors_keep_their_cause_and_a_bad_url_is_not_retried() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let err = RestSource::connect(fast_cfg(format!("http://127.0.0.1:{port}")), 0, None)
        .await
        .err()
        .unwrap();
    assert!(
        err.to_string()
            .to_lowercase()
            .contains("connection refused"),
        "{err}"
    );

    let node = node_with(3).await;
    node.push_faults(&[Fault::Delay(Duration::from_secs(3)); 5]);
    let mut cfg = fast_cfg(node.url());
    cfg.request_timeout = Duration::from_millis(200);
    cfg.pages_in_flight = 1;
    let (mut src, _) = RestSource::connect(cfg, 0, None).await.unwrap();
    let err = drain(&mut src).await.unwrap_err();
    assert!(err.to_string().contains("timed out"), "{err}");

    let t0 = std::time::Instant::now();
    let err = RestSource::connect(fast_cfg(format!("127.0.0.1:{port}")), 0, None)
        .await
        .err()
        .unwrap();
    assert!(err.to_string().contains("not a usable node URL"), "{err}");
    assert!(
        !matches!(err, SourceError::RetriesExhausted { .. }),
        "{err}"
    );
    assert!(t0.elapsed() < Duration::from_millis(500));
}

/// Following, a node that stays below what was indexed is another ledger
/// (after the patience a load-balanced node gets to catch up).
#[tokio::test]
async fn a_node_below_the_indexed_version_is_another_ledger() {
    let txns = fillers(10);
    let hash_8 = txns[8]["hash"].as_str().unwrap().to_string();
    let node = Standin::start(4).await.unwrap();
    node.push_transactions(txns[..4].to_vec());
    let mut cfg = fast_cfg(node.url());
    cfg.stop_at_head = false;
    cfg.ledger_patience = Duration::from_millis(300);
    let (mut src, _) = RestSource::connect(cfg.clone(), 9, None).await.unwrap();
    src.check_ledger(8, hash_8.clone()).await.unwrap();
    let err = src.next_page().await.unwrap_err();
    assert!(matches!(err, SourceError::LedgerReset { .. }), "{err}");
    assert!(err.to_string().contains("below version 8"), "{err}");
    // The same ledger passes the check and goes on.
    node.push_transactions(txns[4..].to_vec());
    let (mut src, _) = RestSource::connect(cfg, 9, None).await.unwrap();
    src.check_ledger(8, hash_8.clone()).await.unwrap();
    assert_eq!(
        src.next_page().await.unwrap().unwrap().transactions[0].version,
        9
    );
}
