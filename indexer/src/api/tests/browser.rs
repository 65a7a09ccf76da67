//! What a page in a browser needs: CORS, revalidation, the network's
//! configuration, a creator's page, the charts' history, and the live feed.

use std::time::{Duration, Instant};

use super::*;

/// The scenario with the package's configuration: initialised again, two
/// attesters added (besides the model's [`ATTESTER`]) and one removed,
/// reports submitted, paused.
fn configured() -> Chain {
    let (mut c, _) = scenario();
    c.push(vec![
        LumenEvent::ConfigInitialized(ConfigInitialized {
            admin: addr(0xad),
            payment_asset: addr(0xa55e7),
            treasury: addr(0x7e),
            arbiter: addr(0xa7b),
            decimals: 6,
        }),
        LumenEvent::ArbiterAdded(ArbiterAdded {
            arbiter: addr(0xa7b),
        }),
        LumenEvent::ArbiterAdded(ArbiterAdded {
            arbiter: addr(0xa7c),
        }),
        LumenEvent::ArbiterAdded(ArbiterAdded {
            arbiter: addr(0xa7d),
        }),
        LumenEvent::ArbiterRemoved(ArbiterRemoved {
            arbiter: addr(0xa7c),
        }),
        LumenEvent::AttesterAdded(AttesterAdded {
            attester: addr(0xa1),
        }),
        LumenEvent::AttesterAdded(AttesterAdded {
            attester: addr(0xa2),
        }),
    ]);
    let submitted = |worker: u64| {
        LumenEvent::AttestationSubmitted(AttestationSubmitted {
            attester: addr(0xa1),
            worker: addr(worker),
            nonce: 1,
            report_hash: vec![1, 2],
            score: 2_000_000,
            approvals: 1,
            threshold: 1,
        })
    };
    c.push(vec![submitted(1), submitted(2)]);
    c.advance(60);
    c.push(vec![
        LumenEvent::AttesterRemoved(AttesterRemoved {
            attester: addr(0xa2),
        }),
        LumenEvent::TreasurySet(TreasurySet {
            treasury: addr(0x7f),
        }),
        LumenEvent::PausedSet(PausedSet { paused: true }),
    ]);
    c
}

async fn send(req: reqwest::RequestBuilder) -> reqwest::Response {
    req.send().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cors_preflights_are_answered_for_the_configured_origins() {
    let chain = Chain::new();
    let origins: CorsOrigins = "https://explorer.example".parse().unwrap();
    let api = Api::start_with(&chain, |s| s.with_cors(origins)).await;
    let preflight = |origin: &'static str| {
        api.client
            .request(reqwest::Method::OPTIONS, format!("{}/v1/jobs", api.base))
            .header("origin", origin)
            .header("access-control-request-method", "GET")
            .header("access-control-request-headers", "if-none-match")
    };
    let r = send(preflight("https://explorer.example")).await;
    assert_eq!(r.status(), 200);
    let h = r.headers();
    assert_eq!(h["access-control-allow-origin"], "https://explorer.example");
    assert!(h["access-control-allow-methods"]
        .to_str()
        .unwrap()
        .contains("GET"));
    assert!(h["access-control-allow-headers"]
        .to_str()
        .unwrap()
        .contains("if-none-match"));
    assert_eq!(h["access-control-max-age"], "3600");
    // Another origin's page is not let in.
    let r = send(preflight("https://elsewhere.example")).await;
    assert!(r.headers().get("access-control-allow-origin").is_none());
    // A simple read from the allowed origin may read the answer and its ETag.
    let r = send(
        api.client
            .get(format!("{}/v1/status", api.base))
            .header("origin", "https://explorer.example"),
    )
    .await;
    assert_eq!(r.status(), 200);
    assert_eq!(
        r.headers()["access-control-allow-origin"],
        "https://explorer.example"
    );
    assert!(r.headers()["access-control-expose-headers"]
        .to_str()
        .unwrap()
        .contains("etag"));

    // By default any origin.
    let open = Api::start(&chain).await;
    let r = send(
        open.client
            .request(reqwest::Method::OPTIONS, format!("{}/v1/stats", open.base))
            .header("origin", "http://localhost:3000")
            .header("access-control-request-method", "GET"),
    )
    .await;
    assert_eq!(r.status(), 200);
    assert_eq!(r.headers()["access-control-allow-origin"], "*");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reads_carry_an_etag_and_revalidate_to_304() {
    let (mut chain, _) = scenario();
    let api = Api::start(&chain).await;
    let get = |tag: Option<String>| {
        let mut r = api.client.get(format!("{}/v1/stats", api.base));
        if let Some(t) = tag {
            r = r.header("if-none-match", t);
        }
        r.send()
    };
    let first = get(None).await.unwrap();
    assert_eq!(first.status(), 200);
    assert_eq!(first.headers()["cache-control"], "no-cache");
    let tag = first.headers()["etag"].to_str().unwrap().to_string();
    assert!(tag.starts_with('"') && tag.len() > 10, "{tag}");
    let same = get(Some(tag.clone())).await.unwrap();
    assert_eq!(same.status(), 304);
    assert_eq!(same.headers()["etag"], tag.as_str());
    assert!(same.bytes().await.unwrap().is_empty());
    // New events change the answer and its tag.
    let from = chain.next_version();
    let ev = job_created(&chain, 500, 0xc3, 4, 0, 0);
    chain.push(vec![ev]);
    let mut conn = PgConnection::establish(api._db.url()).unwrap();
    apply_batch(&mut conn, &chain.batch(from, chain.next_version())).unwrap();
    let changed = get(Some(tag.clone())).await.unwrap();
    assert_eq!(changed.status(), 200);
    assert_ne!(changed.headers()["etag"], tag.as_str());
    // Errors are not tagged.
    let r = api
        .client
        .get(format!("{}/v1/jobs/999", api.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    assert!(r.headers().get("etag").is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn params_attesters_and_a_creator_page() {
    let chain = configured();
    let api = Api::start_with(&chain, |s| s.with_asset_symbol("tUSD")).await;

    let p = api.ok("/v1/params").await;
    assert_eq!(p["initialized"], true);
    assert_eq!(p["package"], Package::DEV.address.to_hex());
    assert_eq!(
        p["asset"],
        json!({"metadata": long_hex(0xa55e7), "decimals": 6, "symbol": "tUSD"})
    );
    assert_eq!(p["admin"], long_hex(0xad));
    assert_eq!(p["treasury"], long_hex(0x7f), "the later TreasurySet wins");
    assert_eq!(
        p["arbiters"],
        json!([long_hex(0xa7b), long_hex(0xa7d)]),
        "the set initialize starts, in the order added, less the removed"
    );
    assert_eq!(p["pending_admin"], Value::Null);
    assert_eq!(p["paused"], true);
    assert_eq!(p["attesters"], 2, "the model's ATTESTER and 0xa1");
    let params = p["params"].as_array().unwrap();
    assert_eq!(params.len(), lumen_sdk::params::PARAMS.len());
    let find = |name: &str| params.iter().find(|x| x["name"] == name).unwrap();
    assert_eq!(find("stake_factor")["value"], 2);
    assert!(find("stake_factor")["updated_version"].is_i64());
    // Never changed since the package's initialisation: its default.
    let bps = find("worker_commission_bps");
    assert_eq!(
        (bps["value"].clone(), bps["default"].clone()),
        (json!(8000), json!(8000))
    );
    assert_eq!(bps["max"], 10_000);

    let a = api.ok("/v1/attesters").await;
    assert_eq!(a["threshold"], 1);
    let items = a["items"].as_array().unwrap();
    let listed: Vec<&str> = items.iter().filter_map(|x| x["address"].as_str()).collect();
    assert_eq!(listed.len(), 2, "0xa2 was removed: {a}");
    assert!(listed.contains(&long_hex(ATTESTER).as_str()), "{a}");
    let a1 = items
        .iter()
        .find(|x| x["address"] == long_hex(0xa1))
        .unwrap();
    assert_eq!(a1["submissions"], 2);
    assert!(a1["last_submission_us"].is_i64());

    // 0xc2 created job 100 (completed, 100 frames at 50) and jobs 3..=9 (open).
    let c = api.ok(&format!("/v1/creators/{}", long_hex(0xc2))).await;
    assert_eq!(c["creator"]["jobs_created"], 8);
    assert_eq!(c["jobs_by_status"]["completed"], 1);
    assert_eq!(c["jobs_by_status"]["open"], 7);
    assert_eq!(c["jobs_by_status"]["disputed"], 0);
    let m = &c["money"];
    let n = |k: &str| m[k].as_i64().unwrap();
    assert_eq!(n("paid_to_workers") + n("fees"), 5000);
    assert_eq!(
        n("deposits"),
        n("paid_to_workers") + n("fees") + n("refunds") + n("held")
    );
    assert_eq!(n("held"), 7 * 5 * 100, "the open jobs' deposits");
    let ids: Vec<i64> = c["jobs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|j| j["job_id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, [100, 9, 8, 7, 6, 5, 4, 3]);
    // Short addresses work; an address that created nothing is a 404.
    let short = api
        .ok(&format!("/v1/creators/{}", addr(0xc2).to_short_string()))
        .await;
    assert_eq!(short["creator"]["address"], long_hex(0xc2));
    let (s, v) = api.get("/v1/creators/0xabc").await;
    assert_eq!(s, 404, "{v}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn daily_stats_count_jobs_frames_money_and_workers() {
    let (chain, closed) = scenario();
    let api = Api::start(&chain).await;
    // The campaign's check-ins ran the clock on four days past the jobs.
    let d = api.ok("/v1/stats/daily?days=7").await;
    let days = d["days"].as_array().unwrap();
    assert_eq!(days.len(), 7);
    let today = (chain.now / 86_400) as i64;
    assert_eq!(days[6]["day"], today);
    let total = |k: &str| days.iter().map(|x| x[k].as_i64().unwrap()).sum::<i64>();
    assert_eq!(total("jobs_created"), 10);
    assert_eq!(total("jobs_paid"), 1);
    assert_eq!(total("frames_paid"), 100);
    assert_eq!(total("paid_to_workers") + total("fees"), 5000);
    let money = &d["money"];
    assert_eq!(money["paid_to_workers"], total("paid_to_workers"));
    assert_eq!(money["deposits"], total("deposits"));
    let epochs = d["epochs"].as_array().unwrap();
    let cur = chain.now / EPOCH;
    assert_eq!(epochs.last().unwrap()["epoch"], cur);
    let prev = epochs.iter().find(|e| e["epoch"] == closed).unwrap();
    assert_eq!(prev["active_workers"], 20, "uptime reported for 1..=20");
    assert_eq!(prev["closed"], true);
    assert_eq!(prev["poc_pool"], 500);
    // Now: 26 attested, 24 revoked, 25 expired.
    assert_eq!(epochs.last().unwrap()["attested_workers"], 24);
    let (s, v) = api.get("/v1/stats/daily?days=0").await;
    assert_eq!((s, &v["parameter"]), (400, &json!("days")), "{v}");
}

/// Reads the stream until one whole message arrived; returns its fields.
async fn next_message(r: &mut reqwest::Response, buf: &mut String) -> Vec<(String, String)> {
    loop {
        if let Some(end) = buf.find("\n\n") {
            let msg: String = buf.drain(..end + 2).collect();
            let fields: Vec<(String, String)> = msg
                .lines()
                .filter(|l| !l.starts_with(':') && !l.is_empty())
                .filter_map(|l| l.split_once(':'))
                .map(|(k, v)| (k.to_string(), v.trim_start().to_string()))
                .collect();
            if !fields.is_empty() {
                return fields;
            }
            continue;
        }
        let chunk = r.chunk().await.unwrap().expect("the stream stays open");
        buf.push_str(std::str::from_utf8(&chunk).unwrap());
    }
}

fn field<'a>(msg: &'a [(String, String)], name: &str) -> &'a str {
    &msg.iter().find(|(k, _)| k == name).unwrap().1
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_live_feed_delivers_new_events_within_a_second_and_resumes() {
    let (mut chain, _) = scenario();
    let api = Api::start(&chain).await;
    let doc = serde_json::to_value(openapi()).unwrap();
    let schema = &doc["paths"]["/v1/live"]["get"]["responses"]["200"]["content"]
        ["text/event-stream"]["schema"];
    assert!(schema.is_object(), "the feed's message is documented");
    let open = |q: &str| api.client.get(format!("{}/v1/live{q}", api.base)).send();
    let mut all = open("").await.unwrap();
    assert_eq!(all.status(), 200);
    assert!(all.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/event-stream"));
    let mut only_job = open("?job=501").await.unwrap();

    // Let the poller place its cursor, then ingest two jobs.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let from = chain.next_version();
    let a = job_created(&chain, 500, 0xc3, 4, 0, 0);
    let b = job_created(&chain, 501, 0xc3, 6, 0, 0);
    chain.push(vec![a, b]);
    let mut conn = PgConnection::establish(api._db.url()).unwrap();
    apply_batch(&mut conn, &chain.batch(from, chain.next_version())).unwrap();
    let ingested = Instant::now();

    let mut buf = String::new();
    let first = tokio::time::timeout(Duration::from_secs(1), next_message(&mut all, &mut buf))
        .await
        .expect("a new event within a second of ingest");
    let latency = ingested.elapsed();
    let data: Value = serde_json::from_str(field(&first, "data")).unwrap();
    document::check(&doc, schema, &data, "feed").unwrap();
    assert_eq!(data["type"], "escrow::JobCreated");
    assert_eq!(data["job_id"], 500);
    assert_eq!(data["version"], from);
    let id = field(&first, "id").to_string();
    assert_eq!(id, format!("{from}:{}", data["event_index"]));
    let second = next_message(&mut all, &mut buf).await;
    let data2: Value = serde_json::from_str(field(&second, "data")).unwrap();
    assert_eq!(data2["job_id"], 501);
    eprintln!("live feed latency after ingest: {latency:?}");

    // A filtered feed sees only its job.
    let mut buf_job = String::new();
    let m = tokio::time::timeout(
        Duration::from_secs(1),
        next_message(&mut only_job, &mut buf_job),
    )
    .await
    .unwrap();
    assert_eq!(
        serde_json::from_str::<Value>(field(&m, "data")).unwrap()["job_id"],
        501
    );

    // A reconnect with Last-Event-ID gets what came after, from the database.
    let mut again = api
        .client
        .get(format!("{}/v1/live", api.base))
        .header("last-event-id", &id)
        .send()
        .await
        .unwrap();
    let mut buf3 = String::new();
    let m = tokio::time::timeout(Duration::from_secs(1), next_message(&mut again, &mut buf3))
        .await
        .unwrap();
    assert_eq!(
        serde_json::from_str::<Value>(field(&m, "data")).unwrap()["job_id"],
        501
    );
    // `after` a version before both replays both.
    let mut replay = open(&format!("?after={}", from - 1)).await.unwrap();
    let mut buf4 = String::new();
    let m = next_message(&mut replay, &mut buf4).await;
    assert_eq!(field(&m, "id"), id);

    for (q, param) in [
        ("?after=x", "after"),
        ("?job=a", "job"),
        ("?account=1", "account"),
    ] {
        let (s, v) = api.get(&format!("/v1/live{q}")).await;
        assert_eq!((s, &v["parameter"]), (400, &json!(param)), "{q}: {v}");
    }
}
