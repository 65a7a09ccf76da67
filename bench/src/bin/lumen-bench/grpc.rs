//! Ingest over Aptos' Transaction Stream: the measured chain served by the
//! local gRPC service the tests use (`source::grpc::standin`), ingested by
//! the same `lumen-indexer` with `--grpc-url`.

#[allow(unused_imports)]
use super::*;
use lumen_indexer::source::grpc::standin::GrpcStandin;

/// The chain's versions `0..=head`, loaded into a local Transaction Stream
/// service before any clock starts (a real stream service is another
/// machine).
pub(super) async fn stream_of(rendered: &Rendered, head: u64) -> Result<GrpcStandin> {
    let stream = GrpcStandin::start(chain::CHAIN_ID, std::iter::empty()).await?;
    let mut start = 0;
    while start <= head {
        let end = (start + 1_000).min(head + 1);
        let txns: Vec<serde_json::Value> =
            serde_json::from_slice(&rendered.page_bytes(start, end)?)?;
        stream.push(txns);
        start = end;
    }
    Ok(stream)
}

/// Ingests the chain of `stream` (holding `events` package events) over
/// gRPC into a fresh database of `cluster`, the REST stand-in at `node_url`
/// telling where the head is; appends the row, with `rest_rate` (the REST
/// ingest of the same chain in this run) as its reference.
pub(super) async fn grpc_ingest(
    c: &Common,
    cluster: &PgCluster,
    stream: &GrpcStandin,
    node_url: &str,
    events: u64,
    workload: &str,
    rest_rate: f64,
) -> Result<()> {
    let db = cluster.ensure_database("lumen_ingest_grpc")?;
    let source = vec![
        "--grpc-url".to_string(),
        stream.url(),
        "--node-url".to_string(),
        node_url.to_string(),
    ];
    let (db2, c2) = (db.clone(), c.clone());
    tracing::info!(events, "ingest over gRPC: starting lumen-indexer");
    let watched = tokio::task::spawn_blocking(move || {
        run_indexer_from(&c2, &db2, &source, "ingest-grpc.log")
    })
    .await??;
    let stored = count(&db, "SELECT count(*) AS n FROM events")?;
    if stored as u64 != events {
        bail!("the indexer stored {stored} events over gRPC, expected {events}");
    }
    {
        let mut conn = PgConnection::establish(&cluster.url("postgres"))?;
        diesel::sql_query("DROP DATABASE lumen_ingest_grpc").execute(&mut conn)?;
    }
    let secs = watched.wall.as_secs_f64();
    let rate = events as f64 / secs;
    tracing::info!(secs, rate, "ingest over gRPC done");
    report::append(
        &c.results,
        &Row::new(
            "Indexer ingest over gRPC",
            &workload.replace("HTTP node stand-in", "local Transaction Stream service (gRPC)"),
            rate,
            "events/s",
        )
        .reference(rest_rate, "the REST ingest of the same chain above, same run")
        .note(format!(
            "{}{} s wall for the lumen-indexer process with --grpc-url (one stream from version 0, batches as the service sends them; the REST stand-in only tells the head), peak RSS {} MiB. The service (the one the tests use, in the benchmark's process) encodes each response from transactions loaded before the clock started, on the same cores.",
            smoke_note(c),
            fmt_num(secs),
            fmt_num(watched.peak_rss_kib as f64 / 1024.0)
        )),
    )?;
    Ok(())
}
