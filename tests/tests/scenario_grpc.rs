//! The production transport: the scenario chain streamed over Aptos'
//! Transaction Stream protocol (a local service serving the same
//! transactions as the REST stand-in) gives a database byte-identical to the
//! one the REST source gives.

mod common;

use std::time::Duration;

use common::*;
use lumen_indexer::pg_cluster::{table_contents, TestDb};
use lumen_indexer::pipeline::{self, Input, PipelineConfig};
use lumen_indexer::source::grpc::standin::GrpcStandin;
use lumen_indexer::source::GrpcConfig;
use lumen_indexer::store;
use lumen_sdk::Package;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_scenario_by_stream_equals_the_scenario_by_rest() {
    let scenario = small();
    let standin = standin_with(scenario).await;
    let by_rest = index(&standin.url()).await;

    let stream = GrpcStandin::start(CHAIN, scenario.transactions.iter().cloned())
        .await
        .unwrap();
    let db = TestDb::new().unwrap();
    let mut grpc = GrpcConfig::new(stream.url());
    grpc.batch_size = Some(50);
    let summary = pipeline::run(
        store::pool(db.url(), 2).unwrap(),
        PipelineConfig {
            package: Package::DEV,
            input: Input::Grpc {
                stream: grpc,
                head_of: Some(standin.url()),
            },
            start_version: None,
            batch_events: 2_000,
            file_page_size: 100,
            progress_every: Duration::from_secs(60),
        },
    )
    .await
    .expect("ingestion over gRPC succeeds");
    assert_eq!(summary.next_version, by_rest.summary.next_version);
    let rest = table_contents(by_rest.db.url()).unwrap();
    assert_eq!(
        rest["events"].len() as u64,
        scenario.summary.chain.lumen_events
    );
    assert_eq!(rest, table_contents(db.url()).unwrap());
}
