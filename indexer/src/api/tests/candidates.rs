//! Candidate pages kept per ingest state answer exactly what reading them
//! afresh answers.

use super::*;

/// Serves the database at `url` with a fresh state (nothing kept yet).
async fn serve(url: &str) -> String {
    let app = router(AppState::new(api_pool(url), None));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    base
}

/// The scenario ingested a few transactions at a time: after every batch,
/// one server answers each candidates request twice (read, then kept) and
/// another reads it once, afresh (its kept pages are of an earlier state);
/// the three bodies are the same bytes, through the job's creation, the
/// workers' uptime, an epoch closing and a reward claimed (which change the
/// workers' rows but not the checkpoint's shape).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kept_candidate_pages_are_the_pages_read_afresh_at_every_state() {
    let (chain, _) = scenario();
    let db = TestDb::new().unwrap();
    let mut conn = PgConnection::establish(db.url()).unwrap();
    migrate(&mut conn).unwrap();
    checkpoint::init(&mut conn, &Package::DEV, 0).unwrap();
    let (kept, afresh) = (serve(db.url()).await, serve(db.url()).await);
    crate::source::install_crypto_provider();
    let client = reqwest::Client::new();
    let get = |base: &str, path: &str| {
        let r = client.get(format!("{base}{path}")).send();
        async move {
            let r = r.await.unwrap();
            (r.status().as_u16(), r.text().await.unwrap())
        }
    };
    let job1 = format!("/v1/jobs/{}/candidates?limit=4", long_hex(0x10_001));
    let paths = [
        "/v1/jobs/1/candidates",
        "/v1/jobs/1/candidates?limit=3",
        job1.as_str(),
        "/v1/jobs/3/candidates?limit=2",
        "/v1/jobs/2/candidates",
    ];
    let (mut from, n) = (0, chain.next_version());
    let mut pages = 0;
    while from < n {
        let to = (from + 2).min(n);
        apply_batch(&mut conn, &chain.batch(from, to)).unwrap();
        from = to;
        for path in paths {
            let read = get(&kept, path).await;
            let again = get(&kept, path).await;
            let fresh = get(&afresh, path).await;
            assert_eq!(read, fresh, "{path} before version {to}");
            assert_eq!(again, fresh, "{path} before version {to}");
            pages += usize::from(fresh.0 == 200);
        }
    }
    assert!(pages > 20, "{pages}");
}
