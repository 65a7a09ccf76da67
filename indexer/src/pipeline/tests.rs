use super::*;
use crate::pg_cluster::TestDb;
use crate::rows::*;
use crate::schema::{events, jobs, workers};
use crate::source::GrpcConfig;
use crate::store::*;
use crate::testgen::*;
use diesel::prelude::*;
use lumen_sdk::standin::{Fault, Standin};

/// A chain with `workers` workers and `jobs` jobs going through their life
/// on the model of the contract, padded with framework-only transactions.
pub(crate) fn big_chain(workers: u64, jobs: u64) -> Chain {
    let mut c = Chain::new();
    for w in 1..=workers {
        c.onboard_worker(w, 1_000_000 + w * 100_000, 8192, 2);
        c.filler(1);
    }
    for j in 1..=jobs {
        let creator = 0xc0 + j % 3;
        let worker = 1 + j % workers;
        let id = c.create_job(creator, 10, 100_000, 0, 0);
        if j % 4 != 0 {
            c.assign(id, worker, 60_000);
            c.advance(30);
            if j % 2 == 1 {
                c.deliver(id, 10);
            }
        }
        c.filler(j % 3);
    }
    let epoch_secs = lumen_sdk::params::EPOCH_SECS.default;
    let epoch = lumen_sdk::formulas::epoch_of(c.now, epoch_secs);
    c.advance(epoch_secs);
    let rows: Vec<(u64, u64)> = (1..=workers).map(|w| (w, 3_600 * w)).collect();
    c.report_uptime(epoch, &rows);
    c
}

/// A stand-in serving `txns` on chain `chain_id`.
async fn serve(txns: &[serde_json::Value], chain_id: u8) -> Standin {
    let node = Standin::start(chain_id).await.unwrap();
    node.push_transactions(txns.iter().cloned());
    node
}

fn cfg_for(url: String) -> PipelineConfig {
    let mut rest = RestConfig::new(url);
    rest.page_size = 7;
    rest.pages_in_flight = 5;
    rest.stop_at_head = true;
    rest.retry.base_delay = Duration::from_millis(5);
    rest.retry.max_delay = Duration::from_millis(20);
    PipelineConfig {
        package: Package::DEV,
        input: Input::Node(rest),
        start_version: None,
        batch_events: 25,
        file_page_size: 10,
        progress_every: Duration::from_millis(1),
    }
}

type Snapshot = (Vec<serde_json::Value>, usize, serde_json::Value);

fn snapshot(url: &str) -> Snapshot {
    let mut conn = PgConnection::establish(url).unwrap();
    let jobs: Vec<JobRow> = jobs::table
        .order(jobs::job_id)
        .select(JobRow::as_select())
        .load(&mut conn)
        .unwrap();
    let workers: Vec<WorkerRow> = workers::table
        .order(workers::address)
        .select(WorkerRow::as_select())
        .load(&mut conn)
        .unwrap();
    let n_events: i64 = events::table.count().get_result(&mut conn).unwrap();
    let mut rows: Vec<serde_json::Value> = jobs
        .iter()
        .map(|j| serde_json::to_value(j).unwrap())
        .collect();
    rows.extend(workers.iter().map(|w| serde_json::to_value(w).unwrap()));
    let cp = crate::checkpoint::load(&mut conn).unwrap().unwrap();
    (
        rows,
        n_events as usize,
        serde_json::json!([cp.next_version, cp.events_total]),
    )
}

fn reference(chain: &Chain) -> (TestDb, Snapshot) {
    let db = TestDb::new().unwrap();
    let mut conn = PgConnection::establish(db.url()).unwrap();
    migrate(&mut conn).unwrap();
    crate::checkpoint::init(&mut conn, &Package::DEV, 0).unwrap();
    apply_batch(&mut conn, &chain.batch(0, chain.next_version())).unwrap();
    let snap = snapshot(db.url());
    (db, snap)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn end_to_end_from_a_node_with_faults_and_resume() {
    let chain = big_chain(8, 40);
    let total_events = chain.batch(0, chain.next_version()).events.len();
    let (_ref_db, expected) = reference(&chain);
    assert_eq!(expected.1, total_events);

    // The node first serves only part of the chain.
    let half = (chain.next_version() / 2) as usize;
    let node = serve(&chain.txns[..half], 4).await;
    node.push_faults(&[Fault::TooMany, Fault::Internal, Fault::Truncated]);
    let db = TestDb::new().unwrap();
    let pool = crate::store::pool(db.url(), 4).unwrap();
    let s1 = run(pool.clone(), cfg_for(node.url())).await.unwrap();
    assert_eq!(s1.next_version, half as u64);
    assert!(s1.batches > 1, "several batches: {s1:?}");

    // The chain grows; a second run resumes from the checkpoint.
    let requests_after_first = node.page_requests().len();
    node.push_transactions(chain.txns[half..].to_vec());
    let s2 = run(pool.clone(), cfg_for(node.url())).await.unwrap();
    assert_eq!(s2.next_version, chain.next_version());
    assert_eq!(
        s1.events + s2.events,
        total_events as u64,
        "{s1:?} {s2:?} half={half}"
    );
    // The second run asked for nothing it already had, but the last
    // version it indexed (whose hash tells the ledger is the same).
    let second = &node.page_requests()[requests_after_first..];
    let before: Vec<_> = second.iter().filter(|r| r.0 < half as u64).collect();
    assert_eq!(before, [&(half as u64 - 1, 1)], "{second:?}");
    assert_eq!(snapshot(db.url()), expected);

    // A run with nothing new is a no-op.
    let s3 = run(pool.clone(), cfg_for(node.url())).await.unwrap();
    assert_eq!((s3.events, s3.transactions), (0, 0));
    assert_eq!(snapshot(db.url()), expected);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refuses_another_chain_and_stops_on_bad_events() {
    let chain = big_chain(2, 3);
    let node = serve(&chain.txns, 4).await;
    let db = TestDb::new().unwrap();
    let pool = crate::store::pool(db.url(), 2).unwrap();
    run(pool.clone(), cfg_for(node.url())).await.unwrap();

    let other = serve(&chain.txns, 5).await;
    let err = run(pool.clone(), cfg_for(other.url())).await.unwrap_err();
    assert!(
        matches!(
            err,
            PipelineError::Source(SourceError::ChainIdMismatch {
                expected: 4,
                actual: 5
            })
        ),
        "{err}"
    );

    // A malformed package event stops ingestion before it is committed.
    let mut c2 = Chain::new();
    c2.filler(3);
    let ev = job_created(&c2, 9, 0xc1, 1, 0, 0);
    let mut data = ev.to_json();
    data["deposit"] = serde_json::json!(-5);
    let v = c2.push_raw(vec![
        ("0x1::a::B".into(), serde_json::json!({})),
        (ev.type_string(&c2.pkg), data),
    ]);
    c2.filler(2);
    let node2 = serve(&c2.txns, 4).await;
    let db2 = TestDb::new().unwrap();
    let pool2 = crate::store::pool(db2.url(), 2).unwrap();
    let err = run(pool2.clone(), cfg_for(node2.url())).await.unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains(&format!("version {v}"))
            && msg.contains("event index 1")
            && msg.contains("`deposit`"),
        "{msg}"
    );
    let mut conn = pool2.get().unwrap();
    let cp = crate::checkpoint::load(&mut conn).unwrap().unwrap();
    assert!(cp.next_version <= v, "the bad version was not checkpointed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn file_input_matches_node_input() {
    let chain = big_chain(4, 12);
    let (_ref_db, expected) = reference(&chain);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("chain.jsonl");
    std::fs::write(&path, chain.jsonl()).unwrap();
    let db = TestDb::new().unwrap();
    let pool = crate::store::pool(db.url(), 2).unwrap();
    let mut cfg = cfg_for(String::new());
    cfg.input = Input::File(path);
    let s = run(pool, cfg).await.unwrap();
    assert_eq!(s.next_version, chain.next_version());
    assert_eq!(snapshot(db.url()), expected);
}

fn grpc_cfg(url: String, head_of: String) -> PipelineConfig {
    let mut stream = GrpcConfig::new(url);
    stream.batch_size = Some(9);
    stream.retry.base_delay = Duration::from_millis(5);
    stream.retry.max_delay = Duration::from_millis(20);
    PipelineConfig {
        input: Input::Grpc {
            stream,
            head_of: Some(head_of),
        },
        ..cfg_for(String::new())
    }
}

/// The Transaction Stream and the REST node give byte-identical databases,
/// also when the stream is cut again and again (it reopens from the last
/// version received).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_stream_and_the_node_give_identical_databases() {
    use crate::source::grpc::standin::GrpcStandin;
    let mut chain = big_chain(6, 30);
    run_campaign(&mut chain);
    chain.filler(3);
    let node = serve(&chain.txns, 4).await;
    let by_rest = TestDb::new().unwrap();
    run(
        crate::store::pool(by_rest.url(), 2).unwrap(),
        cfg_for(node.url()),
    )
    .await
    .unwrap();

    let stream = GrpcStandin::start(4, chain.txns.clone()).await.unwrap();
    stream.cut_streams_after(2);
    let by_grpc = TestDb::new().unwrap();
    let s = run(
        crate::store::pool(by_grpc.url(), 2).unwrap(),
        grpc_cfg(stream.url(), node.url()),
    )
    .await
    .unwrap();
    assert_eq!(s.next_version, chain.next_version());
    assert!(stream.requests() > 3, "the cut streams were reopened");
    let rest = crate::pg_cluster::table_contents(by_rest.url()).unwrap();
    assert!(rest["events"].len() > 50);
    let grpc = crate::pg_cluster::table_contents(by_grpc.url()).unwrap();
    for (table, rows) in &rest {
        assert_eq!(rows, &grpc[table], "table {table}");
    }
    assert_eq!(rest.len(), grpc.len());
}

/// The hosted service wants its API key; a missing one is an error at once,
/// not a retry loop.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_stream_sends_its_token() {
    use crate::source::grpc::standin::GrpcStandin;
    let chain = big_chain(2, 3);
    let node = serve(&chain.txns, 4).await;
    let stream = GrpcStandin::start(4, chain.txns.clone()).await.unwrap();
    stream.require_token("k3y");
    let db = TestDb::new().unwrap();
    let pool = crate::store::pool(db.url(), 2).unwrap();
    let err = run(pool.clone(), grpc_cfg(stream.url(), node.url()))
        .await
        .unwrap_err();
    assert!(err.to_string().contains("Unauthenticated"), "{err}");
    let mut cfg = grpc_cfg(stream.url(), node.url());
    if let Input::Grpc { stream, .. } = &mut cfg.input {
        stream.auth_token = Some("k3y".into());
    }
    let s = run(pool, cfg).await.unwrap();
    assert_eq!(s.next_version, chain.next_version());
}

/// Reopened on a reset ledger, the stream is refused: the transaction
/// before its start has another hash.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_stream_catches_a_reset_ledger() {
    use crate::source::grpc::standin::GrpcStandin;
    let mut chain = big_chain(2, 4);
    let node = serve(&chain.txns, 4).await;
    let stream = GrpcStandin::start(4, chain.txns.clone()).await.unwrap();
    let db = TestDb::new().unwrap();
    let pool = crate::store::pool(db.url(), 2).unwrap();
    run(pool.clone(), grpc_cfg(stream.url(), node.url()))
        .await
        .unwrap();
    // The network restarts with the same chain id and grows past the
    // database's version.
    let n = chain.txns.len();
    chain.filler(3);
    let more = chain.txns.split_off(n);
    node.push_transactions(more.clone());
    let reset = chain.txns.iter().chain(&more).map(|t| {
        let mut t = t.clone();
        let v: u64 = t["version"].as_str().unwrap().parse().unwrap();
        t["hash"] = serde_json::json!(format!("0x{:064x}", 0xdead_0000 + v));
        t
    });
    stream.reset(reset.collect::<Vec<_>>());
    let err = run(pool, grpc_cfg(stream.url(), node.url()))
        .await
        .unwrap_err();
    assert!(err.to_string().contains("another ledger"), "{err}");
}
