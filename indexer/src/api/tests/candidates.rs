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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn candidates_put_the_top_ten_percent_of_vips_first() {
    let (chain, _) = scenario();
    let api = Api::start(&chain).await;
    let v = api.ok("/v1/jobs/1/candidates").await;
    let got = addrs(&v);
    // Exactly the eligible workers: 21 (score), 22 (VRAM), 23 (stake),
    // 24 (revoked), 25 (expired) and 26 (no price) are out.
    let mut sorted = got.clone();
    sorted.sort();
    let mut expected: Vec<String> = (1..=20).map(long_hex).collect();
    expected.sort();
    assert_eq!(sorted, expected);
    // 12 VIPs → ceil(1.2) = 2 VIP slots first. Worker priorities by hand:
    // VIP w ≤ 12: 100 + floor(10 × w·3600 s × 2.0 / (3600 × 100)) = 100 + floor(w/5);
    // worker 20: 5 × 100 frames + floor(20/5) = 504; others floor(w/5).
    assert_eq!(v["vip_first"], 2);
    assert_eq!(v["eligible_total"], 20);
    let items = v["items"].as_array().unwrap();
    // Top VIPs: priority 102 for w = 10, 11, 12; ties by address.
    assert_eq!(got[..3], [long_hex(10), long_hex(11), long_hex(20)]);
    assert_eq!(items[0]["priority"], 102);
    assert_eq!(items[0]["vip_priority_slot"], true);
    assert_eq!(items[2]["priority"], 504);
    assert_eq!(items[2]["vip_priority_slot"], false);
    assert_eq!(items[3]["address"], long_hex(12));
    // After the VIP slots, strictly by priority.
    let prios: Vec<u64> = items[2..]
        .iter()
        .map(|i| i["priority"].as_u64().unwrap())
        .collect();
    assert!(prios.windows(2).all(|w| w[0] >= w[1]), "{prios:?}");
    assert_eq!(items.last().unwrap()["priority"], 2);
    assert_eq!(items[0]["rank"], 1);

    // limit applies after ranking.
    let v = api.ok("/v1/jobs/1/candidates?limit=3").await;
    assert_eq!(addrs(&v), [long_hex(10), long_hex(11), long_hex(20)]);

    // A job that is not open has no candidates.
    let (s, v) = api.get("/v1/jobs/2/candidates").await;
    assert_eq!(s, 409, "{v}");
    assert!(v["error"].as_str().unwrap().contains("disputed"));
}

#[test]
fn ranking_rule_on_its_own() {
    let w = |n: u64, priority: u64, vip: bool| (long_hex(n), priority, vip);
    let rank = |all: Vec<(String, u64, bool)>| {
        rank_by(
            all,
            |w: &(String, u64, bool)| w.1,
            |w| w.0.as_str(),
            |w| w.2,
        )
    };
    // 21 VIPs → 3 slots; the non-VIP with the top score comes right after.
    let mut all = vec![w(100, 1000, false)];
    all.extend((1..=21).map(|n| w(n, n, true)));
    let (ranked, slots) = rank(all);
    assert_eq!(slots, 3);
    let order: Vec<u64> = ranked.iter().map(|w| w.1).collect();
    assert_eq!(order[..5], [21, 20, 19, 1000, 18]);
    // No VIPs: plain priority order.
    let (ranked, slots) = rank(vec![w(1, 5, false), w(2, 9, false)]);
    assert_eq!(slots, 0);
    assert_eq!(ranked[0].1, 9);
}
