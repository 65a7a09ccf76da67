//! Helpers shared by the cross-crate tests: a small scenario, a fullnode
//! stand-in serving it over real HTTP, the indexer ingesting it into a real
//! PostgreSQL (`TestDb`), and its explorer API served on 127.0.0.1.
#![allow(dead_code)]

pub mod attester;

use std::sync::OnceLock;
use std::time::Duration;

use lumen_e2e::scenario::{Scenario, ScenarioConfig};
use lumen_indexer::api::{self, AppState};
use lumen_indexer::pg_cluster::TestDb;
use lumen_indexer::pipeline::{self, Input, PipelineConfig};
use lumen_indexer::source::RestConfig;
use lumen_indexer::store::{self, PgPool};
use lumen_model::node::Node;
use lumen_sdk::standin::Standin;
use lumen_sdk::Package;
use serde_json::Value;

/// The chain id of the scenario and the stand-in.
pub const CHAIN: u8 = 4;

/// A scenario small enough for a test yet covering every job path (17 epochs
/// let a dispute reach its 14-day timeout).
pub fn small_config() -> ScenarioConfig {
    ScenarioConfig::new(11, 12, 90, 17)
}

/// The small scenario, built once per test binary.
pub fn small() -> &'static Scenario {
    static S: OnceLock<Scenario> = OnceLock::new();
    S.get_or_init(|| Scenario::build(&small_config()).expect("the scenario builds"))
}

/// A stand-in serving `scenario`'s transactions and executing new ones on
/// the model's chain as the scenario left it.
pub async fn standin_with(scenario: &Scenario) -> Standin {
    serve_scenario(scenario).await.0
}

/// [`standin_with`], and the node whose chain the stand-in executes on.
pub async fn serve_scenario(scenario: &Scenario) -> (Standin, Node) {
    let standin = Standin::start(CHAIN).await.expect("stand-in starts");
    let node = Node::new(scenario.chain.clone());
    node.install(&standin);
    standin.push_transactions(scenario.transactions.iter().cloned());
    (standin, node)
}

/// A database the indexer filled from a node, and its API.
pub struct Indexed {
    /// The database (dropped with the test).
    pub db: TestDb,
    /// Its pool.
    pub pool: PgPool,
    /// The explorer API's base URL.
    pub api: String,
    /// What the ingest run did.
    pub summary: pipeline::Summary,
}

/// Ingests everything `node_url` has (stopping at its head) into a fresh
/// database and serves the explorer API over it.
pub async fn index(node_url: &str) -> Indexed {
    lumen_indexer::source::install_crypto_provider();
    let db = TestDb::new().expect("postgres");
    let pool = store::pool(db.url(), 4).expect("pool");
    let mut rest = RestConfig::new(node_url);
    rest.stop_at_head = true;
    rest.poll_interval = Duration::from_millis(50);
    let summary = pipeline::run(
        pool.clone(),
        PipelineConfig {
            package: Package::DEV,
            input: Input::Node(rest),
            start_version: None,
            batch_events: 2_000,
            file_page_size: 100,
            progress_every: Duration::from_secs(60),
        },
    )
    .await
    .expect("ingestion succeeds");
    let api = serve(pool.clone(), Some(node_url.to_string())).await;
    Indexed {
        db,
        pool,
        api,
        summary,
    }
}

/// Serves the explorer API over `pool` on a free port.
pub async fn serve(pool: PgPool, node_url: Option<String>) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let router = api::router(AppState::new(pool, node_url));
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    url
}

/// `GET` a JSON document; panics with the body on a non-200 answer.
pub async fn get(url: &str) -> Value {
    lumen_indexer::source::install_crypto_provider();
    let r = reqwest::get(url)
        .await
        .unwrap_or_else(|e| panic!("GET {url}: {e}"));
    let status = r.status();
    let body = r.text().await.unwrap();
    assert!(status.is_success(), "GET {url}: {status}: {body}");
    serde_json::from_str(&body).unwrap_or_else(|e| panic!("GET {url}: not JSON ({e}): {body}"))
}

/// Every item of a cursor-paginated list.
pub async fn pages(api: &str, path: &str) -> Vec<Value> {
    let mut out = vec![];
    let mut cursor: Option<String> = None;
    loop {
        let sep = if path.contains('?') { '&' } else { '?' };
        let url = match &cursor {
            Some(c) => format!("{api}{path}{sep}cursor={c}"),
            None => format!("{api}{path}"),
        };
        let page = get(&url).await;
        out.extend(page["items"].as_array().expect("items").iter().cloned());
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => return out,
        }
    }
}

/// A JSON number or decimal string as u64.
pub fn n(v: &Value) -> u64 {
    match v {
        Value::Number(x) => x.as_u64().unwrap_or_else(|| panic!("not a u64: {v}")),
        Value::String(s) => s.parse().unwrap_or_else(|_| panic!("not a u64: {v}")),
        _ => panic!("not a number: {v}"),
    }
}
