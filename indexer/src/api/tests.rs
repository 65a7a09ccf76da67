use super::*;
use crate::checkpoint;
use crate::pg_cluster::TestDb;
use crate::store::{apply_batch, migrate, pool_with, PoolOptions};
use crate::testgen::*;
use diesel::prelude::*;
use lumen_sdk::events::*;
use lumen_sdk::Package;
use serde_json::{json, Value};

const EPOCH: u64 = 86_400;

/// Workers 1–20 eligible for job 1 (1–12 VIP), 21–26 each failing one rule.
/// The chain and the epoch it closes.
fn scenario() -> (Chain, u64) {
    let mut c = Chain::new();
    c.push(vec![
        config_initialized(),
        param(lumen_sdk::params::STAKE_FACTOR, 2),
        param(lumen_sdk::params::EPOCH_SECS, EPOCH),
    ]);
    for w in 1..=26u64 {
        let score = if w == 21 { 1_000_000 } else { 2_000_000 };
        let vram = if w == 22 { 4096 } else { 8192 };
        // S(n) of 2.0 IB at the 0.1 floor price (their declared 2 is below it): 28.8.
        let stake = if w == 23 { 100 } else { 100_000_000 };
        let price = if w == 26 { 0 } else { 2 };
        let mut ev = onboard(&c, w, score, vram, price, stake);
        if w == 25 {
            if let LumenEvent::ScoreAttested(s) = &mut ev[0] {
                s.expires_at = c.now + 10;
            }
        }
        c.push(ev);
    }
    c.push(vec![LumenEvent::ScoreRevoked(ScoreRevoked {
        worker: addr(24),
        by: addr(0xa77),
        reason: "bad report".into(),
    })]);
    c.push((1..=12).map(|w| vip(w, 1, c.now)).collect());
    c.push(vec![vip(0xc1, 0, c.now)]);
    c.advance(100);
    let cur = c.now / EPOCH;
    c.push(
        (1..=20)
            .map(|w| uptime(cur - 1, w, w * 3600, 2_000_000))
            .collect(),
    );
    // Job 100: worker 20 renders 100 frames.
    let ev = job_created(&c, 100, 0xc2, 100, 0, 0);
    c.push(vec![ev]);
    let ev = job_assigned(&c, 100, 0xc2, 20, 50, 100);
    c.push(vec![ev]);
    c.push(vec![job_completed(100, 0xc2, 20, 100, 50)]);
    // Job 1 open with requirements; job 2 submitted, 6 of its 10 frames
    // accepted, disputed by its worker; jobs 3..=9 open.
    let ev = job_created(&c, 1, 0xc1, 10, 1_500_000, 8192);
    c.push(vec![ev]);
    let ev = job_created(&c, 2, 0xc1, 10, 0, 0);
    c.push(vec![ev]);
    let ev = job_assigned(&c, 2, 0xc1, 3, 60, 10);
    c.push(vec![ev]);
    let (job, now) = (addr(0x10_002), c.now);
    c.push(vec![
        LumenEvent::ResultSubmitted(ResultSubmitted {
            job,
            job_id: 2,
            worker: addr(3),
            frames_done: 10,
            output_root: vec![7; 32],
            review_deadline: now + 259_200,
            lease_secs: 600,
            submitted_at: now,
        }),
        LumenEvent::PartiallyAccepted(PartiallyAccepted {
            job,
            job_id: 2,
            creator: addr(0xc1),
            worker: addr(3),
            frames_done: 10,
            frames_accepted: 6,
            response_deadline: now + 259_200,
        }),
        LumenEvent::JobDisputed(JobDisputed {
            job,
            job_id: 2,
            by: addr(3),
            reason_hash: vec![1; 32],
            creator: addr(0xc1),
            worker: addr(3),
            frames_done: 10,
            timeout_frames: 6,
            timeout_at: now + 1_209_600,
        }),
    ]);
    for j in 3..=9 {
        let ev = job_created(&c, j, 0xc2, 5, 0, 0);
        c.push(vec![ev]);
    }
    c.push(vec![
        LumenEvent::EpochFunded(EpochFunded {
            epoch: cur - 1,
            funder: addr(0xf),
            amount: 1000,
            total: 1000,
        }),
        LumenEvent::EpochClosed(EpochClosed {
            epoch: cur - 1,
            pool: 1000,
            poc_pool: 500,
            pod_pool: 500,
            total_poc_weight: (1..=20u128).map(|w| w * 3600 * 2_000_000).sum(),
            total_pod_weight: 0,
            rolled_over: 500,
        }),
        LumenEvent::RewardClaimed(RewardClaimed {
            epoch: cur - 1,
            worker: addr(20),
            poc_amount: 47,
            pod_amount: 0,
            amount: 47,
        }),
    ]);
    run_campaign(&mut c);
    // Escrow held a refund for 0xc1 (its store was frozen), and one for 0xc2
    // that was withdrawn.
    c.push(vec![
        LumenEvent::ClaimableCredited(ClaimableCredited {
            owner: addr(0xc1),
            job: addr(0x10_002),
            amount: 7,
            total: 7,
        }),
        LumenEvent::ClaimableCredited(ClaimableCredited {
            owner: addr(0xc2),
            job: addr(0x10_003),
            amount: 9,
            total: 9,
        }),
        LumenEvent::ClaimableWithdrawn(ClaimableWithdrawn {
            owner: addr(0xc2),
            amount: 9,
        }),
    ]);
    c.filler(2);
    (c, cur - 1)
}

/// A pool as the API's: connections lent without a ping.
fn api_pool(url: &str) -> crate::store::PgPool {
    let o = PoolOptions {
        ping_on_lend: false,
        ..PoolOptions::new(4)
    };
    pool_with(url, &o).unwrap()
}

struct Api {
    _db: TestDb,
    base: String,
    client: reqwest::Client,
}

impl Api {
    async fn start(chain: &Chain) -> Self {
        Self::start_with(chain, |s| s).await
    }

    /// With the state adjusted by `with` (CORS origins, asset symbol …).
    async fn start_with(chain: &Chain, with: impl FnOnce(AppState) -> AppState) -> Self {
        let db = TestDb::new().unwrap();
        let mut conn = PgConnection::establish(db.url()).unwrap();
        migrate(&mut conn).unwrap();
        checkpoint::init(&mut conn, &Package::DEV, 0).unwrap();
        apply_batch(&mut conn, &chain.batch(0, chain.next_version())).unwrap();
        let pool = api_pool(db.url());
        let app = router(with(AppState::new(pool, None)));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        Self {
            _db: db,
            base,
            client: {
                crate::source::install_crypto_provider();
                reqwest::Client::new()
            },
        }
    }

    async fn get(&self, path: &str) -> (u16, Value) {
        let r = self
            .client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap();
        let status = r.status().as_u16();
        let text = r.text().await.unwrap();
        let v = serde_json::from_str(&text).unwrap_or(Value::String(text));
        (status, v)
    }

    async fn ok(&self, path: &str) -> Value {
        let (s, v) = self.get(path).await;
        assert_eq!(s, 200, "{path}: {v}");
        v
    }
}

fn addrs(v: &Value) -> Vec<String> {
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["address"].as_str().unwrap().to_string())
        .collect()
}

fn addrs_of(v: &Value, field: &str) -> Vec<String> {
    v["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i[field].as_str().unwrap().to_string())
        .collect()
}

fn long_hex(n: u64) -> String {
    addr(n).to_hex()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_endpoint_answers() {
    let (chain, closed) = scenario();
    let api = Api::start(&chain).await;
    // The campaign's check-ins ran the clock on past the closed epoch.
    let cur = chain.now / EPOCH;

    assert_eq!(api.ok("/health").await["status"], "ok");
    let st = api.ok("/v1/status").await;
    assert_eq!(st["indexed_version"], chain.next_version() - 1);
    assert_eq!(st["package"], Package::DEV.address.to_hex());

    let stats = api.ok("/v1/stats").await;
    assert_eq!(stats["jobs"]["total"], 10);
    assert_eq!(stats["jobs"]["by_status"]["open"], 8);
    assert_eq!(stats["jobs"]["by_status"]["completed"], 1);
    assert_eq!(stats["workers"]["total"], 26);
    assert_eq!(stats["vip_holders"], 13);
    assert_eq!(stats["total_paid"], "5000");
    assert_eq!(stats["current_epoch"], cur);

    // Jobs: filters and cursor pagination over all pages.
    let open = api.ok("/v1/jobs?status=open").await;
    assert_eq!(open["items"].as_array().unwrap().len(), 8);
    let by_creator = api
        .ok(&format!(
            "/v1/jobs?creator={}",
            addr(0xc1).to_short_string()
        ))
        .await;
    let ids: Vec<i64> = by_creator["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|j| j["job_id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, [2, 1]);
    let by_worker = api
        .ok(&format!(
            "/v1/jobs?worker={}&status=completed",
            long_hex(20)
        ))
        .await;
    assert_eq!(by_worker["items"][0]["job_id"], 100);
    let mut seen = Vec::new();
    let mut url = "/v1/jobs?limit=3".to_string();
    loop {
        let page = api.ok(&url).await;
        seen.extend(
            page["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|j| j["job_id"].as_i64().unwrap()),
        );
        match page["next_cursor"].as_str() {
            Some(c) => url = format!("/v1/jobs?limit=3&cursor={c}"),
            None => break,
        }
    }
    assert_eq!(seen, [100, 9, 8, 7, 6, 5, 4, 3, 2, 1]);

    // One job, by id and by address, with its history.
    let j = api.ok("/v1/jobs/100").await;
    assert_eq!(j["job"]["status"], "completed");
    // The terms fixed at assignment (collateral: the job's value, 100 × 50).
    assert_eq!(j["job"]["terms"]["collateral"], 5_000);
    assert_eq!(j["job"]["terms"]["min_rerender_secs"], 3_600);
    assert_eq!(j["job"]["review"], Value::Null);
    // What followed job 2's submission: a partial acceptance the worker
    // disputed; the timeout pays the creator's position.
    let j2 = api.ok("/v1/jobs/2").await;
    assert_eq!(
        (&j2["job"]["status"], &j2["job"]["status_code"]),
        (&json!("disputed"), &json!(6))
    );
    let submitted = j2["job"]["review_deadline"].as_i64().unwrap() - 259_200;
    assert_eq!(
        j2["job"]["review"],
        json!({
            "frames_accepted": 6,
            "response_deadline": submitted + 259_200,
            "disputed_by": long_hex(3),
            "timeout_frames": 6,
            "timeout_at": submitted + 1_209_600,
        })
    );
    let types: Vec<&str> = j["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["type"].as_str().unwrap())
        .collect();
    assert_eq!(
        types,
        [
            "escrow::JobCreated",
            "escrow::JobAssigned",
            "escrow::JobCompleted"
        ]
    );
    let by_addr = api
        .ok(&format!("/v1/jobs/{}", addr(0x10_000 + 100).to_hex()))
        .await;
    assert_eq!(by_addr["job"]["job_id"], 100);

    // Workers in each sort order, walking the cursor.
    for sort in ["score", "stake", "priority"] {
        let mut all = Vec::new();
        let mut url = format!("/v1/workers?sort={sort}&limit=7");
        loop {
            let page = api.ok(&url).await;
            all.extend(addrs(&page));
            match page["next_cursor"].as_str() {
                Some(c) => url = format!("/v1/workers?sort={sort}&limit=7&cursor={c}"),
                None => break,
            }
        }
        assert_eq!(all.len(), 26, "{sort}");
        let mut dedup = all.clone();
        dedup.sort();
        dedup.dedup();
        assert_eq!(dedup.len(), 26, "{sort}: no duplicates");
        if sort == "score" {
            assert_eq!(all.last().unwrap(), &long_hex(21));
        }
        if sort == "stake" {
            assert_eq!(all.last().unwrap(), &long_hex(23));
        }
        if sort == "priority" {
            assert_eq!(all[0], long_hex(20));
        }
    }

    // One worker.
    let w = api.ok(&format!("/v1/workers/{}", long_hex(20))).await;
    assert_eq!(w["worker"]["eligible"], true);
    assert_eq!(w["worker"]["frames_completed"], 100);
    assert_eq!(w["stake"]["stake"], 100_000_000);
    assert_eq!(w["worker"]["min_stake"], 28_800_000);
    assert_eq!(w["stake"]["locked"], 0);
    assert_eq!(w["stake"]["history"][0]["type"], "staking::Staked");
    assert_eq!(w["attestations"].as_array().unwrap().len(), 1);
    assert_eq!(w["rewards"]["claimed_total"], 47);
    // 500 × 20·3600·2e6 / Σ_{1..20} w·3600·2e6 = 500 × 20 / 210 → 47.
    assert_eq!(w["rewards"]["epochs"][0]["reward"], 47);
    assert_eq!(w["jobs"][0]["job_id"], 100);
    let revoked = api.ok(&format!("/v1/workers/{}", long_hex(24))).await;
    assert_eq!(revoked["worker"]["score_valid"], false);
    assert_eq!(revoked["attestations"][0]["revoked"], true);
    let unpriced = api.ok(&format!("/v1/workers/{}", long_hex(26))).await;
    assert_eq!(unpriced["worker"]["score_valid"], true);
    assert_eq!(unpriced["worker"]["eligible"], false);
    let poor = api.ok(&format!("/v1/workers/{}", long_hex(23))).await;
    // At its declared 2 per IB-hour S(n) would be 576; the floor makes it 28.8 units.
    assert_eq!(poor["worker"]["min_stake"], 28_800_000);
    assert_eq!(poor["worker"]["eligible"], false);

    // Leaderboards.
    let cb = api.ok("/v1/leaderboards/creators").await;
    // 0xc2 spent 5000 (0 whole units at 6 decimals) + 100 frames = 100;
    // 0xc1: VIP 100 + 0.
    assert_eq!(cb["items"][0]["priority"], 100);
    assert_eq!(cb["items"].as_array().unwrap().len(), 2);
    let wb = api.ok("/v1/leaderboards/workers?limit=2").await;
    assert_eq!(addrs(&wb), [long_hex(20), long_hex(10)]);

    // Epochs.
    let eps = api.ok("/v1/epochs").await;
    assert_eq!(eps["items"][0]["epoch"], closed);
    assert_eq!(eps["items"][0]["closed"], true);
    let ep = api.ok(&format!("/v1/epochs/{closed}")).await;
    assert_eq!(ep["epoch"]["poc_pool"], 500);
    assert_eq!(ep["rewards"].as_array().unwrap().len(), 20);

    // VIP holders.
    let vw = api.ok("/v1/vip?role=worker").await;
    assert_eq!(vw["items"].as_array().unwrap().len(), 12);
    let vc = api.ok("/v1/vip?role=creator").await;
    assert_eq!(vc["items"][0]["holder"], long_hex(0xc1));

    // The campaign.
    let camp = api.ok("/v1/campaign").await;
    assert_eq!(camp["participants"], 3);
    assert_eq!(camp["campaign"]["pool"], 10_000_000);
    assert_eq!(camp["campaign"]["funded_total"], 10_000_000);
    assert_eq!(
        camp["campaign"]["tier_amounts"],
        json!([500, 300, 100, 50, 10])
    );
    let page1 = api.ok("/v1/campaign/leaderboard?limit=2").await;
    assert_eq!(
        addrs_of(&page1, "address"),
        [long_hex(0xd3), long_hex(0xd1)]
    );
    assert_eq!(page1["items"][1]["rank"], 2);
    assert_eq!(page1["items"][1]["total"], 1_100_000);
    assert_eq!(page1["items"][1]["points"]["referral"], 100_000);
    assert_eq!(page1["items"][1]["payout"], 300);
    assert_eq!(page1["participants"], 3);
    assert_eq!(page1["payout"]["total"], 500 + 2 * 300);
    // Alias: one implementation behind both paths.
    assert_eq!(api.ok("/v1/leaderboard/campaign?limit=2").await, page1);
    let cursor = page1["next_cursor"].as_str().unwrap().to_string();
    let page2 = api
        .ok(&format!("/v1/campaign/leaderboard?limit=2&cursor={cursor}"))
        .await;
    assert_eq!(addrs_of(&page2, "address"), [long_hex(0xd2)]);
    assert_eq!(page2["items"][0]["rank"], 3);
    assert_eq!(page2["next_cursor"], Value::Null);
    let d1 = api
        .ok(&format!("/v1/campaign/users/{}", long_hex(0xd1)))
        .await;
    assert_eq!(d1["user"]["referral_points"], 100_000);
    assert_eq!(d1["user"]["referrals"], 1);
    assert_eq!(d1["history"][0]["type"], "campaign::ReferralPointsEarned");
    let d2 = api
        .ok(&format!("/v1/campaign/users/{}", long_hex(0xd2)))
        .await;
    assert_eq!(d2["user"]["referrer"], long_hex(0xd1));
    let d3 = api
        .ok(&format!("/v1/campaign/users/{}", long_hex(0xd3)))
        .await;
    assert_eq!(
        (
            d3["user"]["credits_earned"].clone(),
            d3["user"]["credits_spent"].clone(),
            d3["user"]["credited_jobs"].clone()
        ),
        (json!(1_000_000), json!(0), json!(0))
    );

    // The chain's configuration: decimals from `ConfigInitialized`.
    let cfg = api.ok("/v1/config").await;
    assert_eq!(cfg["config"]["decimals"], 6);
    let names: Vec<&str> = cfg["params"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    // Every parameter: the campaign's calls ran `config::initialize` on the
    // model, which sets each one (listed by name).
    let mut every: Vec<&str> = lumen_sdk::params::PARAMS.iter().map(|p| p.name).collect();
    every.sort_unstable();
    assert_eq!(names, every);
    assert_eq!(cfg["params"][1]["pending_value"], Value::Null);

    // Claimable balances.
    assert_eq!(stats["claimable"], "7");
    assert_eq!(stats["locked_stake"], "0");
    let held = api.ok("/v1/claimables").await;
    assert_eq!(addrs_of(&held, "owner"), vec![long_hex(0xc1)]);
    assert_eq!(held["items"][0]["balance"], 7);
    let all = api
        .ok("/v1/claimables?include_withdrawn=true&limit=1")
        .await;
    assert_eq!(addrs_of(&all, "owner"), vec![long_hex(0xc1)]);
    let cursor = all["next_cursor"].as_str().unwrap().to_string();
    let rest = api
        .ok(&format!(
            "/v1/claimables?include_withdrawn=true&cursor={cursor}"
        ))
        .await;
    assert_eq!(addrs_of(&rest, "owner"), vec![long_hex(0xc2)]);
    assert_eq!(rest["next_cursor"], Value::Null);
    let c2 = api.ok(&format!("/v1/claimables/{}", long_hex(0xc2))).await;
    assert_eq!(
        (
            &c2["balance"],
            &c2["credited_total"],
            &c2["withdrawn_total"]
        ),
        (&json!(0), &json!(9), &json!(9))
    );
    let none = api.ok(&format!("/v1/claimables/{}", long_hex(0xabc))).await;
    assert_eq!(
        (&none["owner"], &none["balance"]),
        (&json!(long_hex(0xabc)), &json!(0))
    );

    // Metrics and the OpenAPI document.
    let (s, m) = api.get("/metrics").await;
    assert_eq!(s, 200);
    assert!(m
        .as_str()
        .unwrap()
        .contains("lumen_indexer_http_requests_total"));
    let doc = api.ok("/openapi.json").await;
    assert_eq!(doc["openapi"], "3.1.0");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_parameters_are_400_naming_them_and_unknown_ids_404() {
    let (chain, _) = scenario();
    let api = Api::start(&chain).await;
    for (url, param) in [
        ("/v1/jobs?status=done", "status"),
        ("/v1/jobs?limit=0", "limit"),
        ("/v1/jobs?limit=100000", "limit"),
        ("/v1/jobs?limit=-1", "limit"),
        ("/v1/jobs?cursor=abc", "cursor"),
        ("/v1/jobs?creator=0xzz", "creator"),
        ("/v1/jobs?worker=cafe", "worker"),
        ("/v1/jobs?colour=red", "colour"),
        ("/v1/jobs/abc", "id"),
        ("/v1/jobs/-3", "id"),
        ("/v1/jobs/0xnothex", "id"),
        ("/v1/jobs/abc/candidates", "id"),
        ("/v1/jobs/1/candidates?limit=x", "limit"),
        ("/v1/workers?sort=age", "sort"),
        ("/v1/workers?sort=score&cursor=12", "cursor"),
        ("/v1/workers?sort=stake&cursor=x:0x1", "cursor"),
        ("/v1/workers?sort=priority&cursor=x", "cursor"),
        ("/v1/workers/12", "address"),
        ("/v1/leaderboards/creators?limit=a", "limit"),
        ("/v1/leaderboards/workers?limit=0", "limit"),
        ("/v1/epochs?cursor=-1", "cursor"),
        ("/v1/epochs/x", "epoch"),
        ("/v1/vip?role=admin", "role"),
        ("/v1/vip?include_revoked=maybe", "include_revoked"),
        ("/v1/claimables?cursor=7", "cursor"),
        ("/v1/claimables?cursor=x:0x1", "cursor"),
        ("/v1/claimables?include_withdrawn=yes", "include_withdrawn"),
        ("/v1/claimables/12", "address"),
        ("/v1/stats?x=1", "x"),
        ("/v1/campaign/leaderboard?cursor=five", "cursor"),
        ("/v1/campaign/leaderboard?limit=0", "limit"),
        ("/v1/leaderboard/campaign?cursor=x:0x1", "cursor"),
        ("/v1/leaderboard/campaign?cursor=5:zz", "cursor"),
        ("/v1/leaderboard/campaign?sort=total", "sort"),
        ("/v1/campaign/users/d1", "address"),
    ] {
        let (s, v) = api.get(url).await;
        assert_eq!(s, 400, "{url}: {v}");
        assert_eq!(v["parameter"], param, "{url}: {v}");
        assert!(v["error"].as_str().unwrap().contains(param), "{url}: {v}");
    }
    // Extreme but well-formed values are not errors.
    for url in [
        "/v1/workers?sort=priority&cursor=18446744073709551615",
        "/v1/jobs?cursor=18446744073709551615",
        "/v1/epochs?cursor=18446744073709551615",
    ] {
        let (s, v) = api.get(url).await;
        assert_eq!(s, 200, "{url}: {v}");
    }
    for url in [
        "/v1/jobs/999",
        "/v1/jobs/18446744073709551615",
        "/v1/jobs/0xabc",
        "/v1/jobs/999/candidates",
        "/v1/workers/0xabc",
        "/v1/epochs/5",
        "/v1/campaign/users/0xabc",
        "/v1/nothing",
    ] {
        let (s, v) = api.get(url).await;
        assert_eq!(s, 404, "{url}: {v}");
        assert!(v["error"].is_string(), "{url}: {v}");
    }
    // Nothing above was a server error.
    assert!(METRICS
        .render()
        .contains("lumen_indexer_http_server_errors_total 0\n"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn empty_database_answers_without_errors() {
    let api = Api::start(&Chain::new()).await;
    let st = api.ok("/v1/status").await;
    assert_eq!(st["indexed_version"], 0);
    assert_eq!(api.ok("/v1/jobs").await["items"], json!([]));
    assert_eq!(
        api.ok("/v1/workers?sort=priority").await["items"],
        json!([])
    );
    assert_eq!(
        api.ok("/v1/leaderboards/creators").await["items"],
        json!([])
    );
    assert_eq!(api.ok("/v1/stats").await["jobs"]["total"], 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn metrics_router_serves_only_metrics_and_health() {
    let db = TestDb::new().unwrap();
    let pool = api_pool(db.url());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        let _ = axum::serve(listener, metrics_router(AppState::new(pool, None))).await;
    });
    crate::source::install_crypto_provider();
    let c = reqwest::Client::new();
    let m = c.get(format!("{base}/metrics")).send().await.unwrap();
    assert_eq!(m.status(), 200);
    assert!(m
        .text()
        .await
        .unwrap()
        .contains("# TYPE lumen_indexer_lag_versions gauge"));
    assert_eq!(
        c.get(format!("{base}/health"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    assert_eq!(
        c.get(format!("{base}/v1/jobs"))
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn status_reports_the_nodes_head_and_the_lag() {
    let chain = Chain::new();
    let db = TestDb::new().unwrap();
    let mut conn = PgConnection::establish(db.url()).unwrap();
    migrate(&mut conn).unwrap();
    checkpoint::init(&mut conn, &Package::DEV, 0).unwrap();
    apply_batch(&mut conn, &chain.batch(0, 1)).unwrap();
    // The node is 5 versions ahead of the database.
    let node = lumen_sdk::standin::Standin::start(4).await.unwrap();
    let mut served = Chain::new();
    served.filler(5);
    node.push_transactions(served.txns);
    let app = router(AppState::new(api_pool(db.url()), Some(node.url())));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    crate::source::install_crypto_provider();
    let st: Value = reqwest::get(format!("{base}/v1/status"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        (
            st["indexed_version"].clone(),
            st["chain_head"].clone(),
            st["lag"].clone()
        ),
        (json!(0), json!(5), json!(5))
    );
    let bad = reqwest::get(format!("{base}/v1/status?verbose=1"))
        .await
        .unwrap();
    assert_eq!(bad.status(), 400);
}

/// Raw events past the checkpoint (left by a crash between the two commits
/// of a split write) belong to no indexed version: the pages never show them.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn raw_events_past_the_checkpoint_are_not_shown() {
    let (chain, _) = scenario();
    let api = Api::start(&chain).await;
    let mut conn = PgConnection::establish(api._db.url()).unwrap();
    let next = checkpoint::load(&mut conn).unwrap().unwrap().next_version as i64;
    diesel::sql_query(
        "INSERT INTO events (version, event_index, timestamp_us, event_type, job_id, account, data) \
         VALUES ($1, 0, 0, 'escrow::JobCancelled', 100, NULL, '{}'), \
                ($1, 1, 0, 'staking::Staked', NULL, $2, '{}')",
    )
    .bind::<diesel::sql_types::BigInt, _>(next)
    .bind::<diesel::sql_types::Text, _>(long_hex(20))
    .execute(&mut conn)
    .unwrap();
    let versions = |v: &Value| -> Vec<i64> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|e| e["version"].as_i64().unwrap())
            .collect()
    };
    let job = api.ok("/v1/jobs/100").await;
    let history = versions(&job["history"]);
    assert!(
        !history.is_empty() && !history.contains(&next),
        "{history:?}"
    );
    let w = api.ok(&format!("/v1/workers/{}", long_hex(20))).await;
    let stake = versions(&w["stake"]["history"]);
    assert!(!stake.is_empty() && !stake.contains(&next), "{stake:?}");
}

mod browser;
mod candidates;
mod document;
mod typescript;
