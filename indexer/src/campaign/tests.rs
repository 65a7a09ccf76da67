use super::*;
use crate::api::{router, AppState};
use crate::checkpoint;
use crate::pg_cluster::TestDb;
use crate::store::{apply_batch, migrate, pool};
use crate::testgen::{addr, lease, uptime, Chain};
use lumen_sdk::events::*;
use lumen_sdk::payloads;
use lumen_sdk::Package;
use serde_json::Value;
use std::collections::BTreeSet;

const DAY: u64 = 86_400;

/// A campaign executed on the contract's model: check-ins, referrals and
/// social tasks are `campaign` calls, jobs are escrow calls (so streaks,
/// totals, referral shares and payouts are the contract's, not a copy).
struct Builder {
    chain: Chain,
    onboarded: BTreeSet<AccountAddress>,
}

/// The small number behind a test address.
fn short(a: AccountAddress) -> u64 {
    u64::from_be_bytes(a.to_bytes()[24..].try_into().unwrap())
}

impl Builder {
    fn new(start_day: u64, end_day: u64, credit_value: u64) -> Self {
        let mut chain = Chain::new();
        chain.now = start_day * DAY + 60;
        let p = chain.pkg;
        for f in [
            payloads::campaign::set_operator(&p, addr(0x0e)),
            payloads::campaign::set_period(&p, start_day * DAY, end_day * DAY),
            payloads::campaign::set_credit_value(&p, credit_value),
        ] {
            chain.call(p.address, f);
        }
        chain.call(addr(0xf), payloads::campaign::fund(&p, 2_000_000_000));
        Self {
            chain,
            onboarded: BTreeSet::new(),
        }
    }

    fn at(&mut self, t: u64) {
        assert!(t >= self.chain.now, "the chain clock only moves forward");
        self.chain.now = t;
    }

    fn refer(&mut self, referee: AccountAddress, referrer: AccountAddress) {
        let f = payloads::campaign::register_referral(&self.chain.pkg, referrer);
        self.chain.call(referee, f);
    }

    fn check_in(&mut self, user: AccountAddress) {
        let f = payloads::campaign::check_in(&self.chain.pkg);
        self.chain.call(user, f);
    }

    fn social(&mut self, user: AccountAddress, task_id: u64, points: u64) {
        let f = payloads::campaign::grant_social_task(&self.chain.pkg, user, task_id, points);
        self.chain.call(addr(0x0e), f);
    }

    /// A one-frame job at `gross` paid in full: created, assigned,
    /// submitted and confirmed (the worker onboarded first if need be).
    fn job(&mut self, creator: AccountAddress, worker: AccountAddress, gross: u64) {
        if self.onboarded.insert(worker) {
            self.chain
                .onboard_worker(short(worker), 1_000_000, 8_192, 1);
        }
        let id = self.chain.create_job(short(creator), 1, gross, 0, 0);
        self.chain.assign(id, short(worker), gross);
        self.chain.deliver(id, 1);
    }
}

/// Ingests `chain` into a fresh database, `step` transactions per batch,
/// and serves the API on 127.0.0.1.
async fn serve(chain: &Chain, step: u64) -> (TestDb, String) {
    let db = TestDb::new().unwrap();
    let mut conn = PgConnection::establish(db.url()).unwrap();
    migrate(&mut conn).unwrap();
    checkpoint::init(&mut conn, &Package::DEV, 0).unwrap();
    let end = chain.next_version();
    let mut from = 0;
    while from < end {
        let to = (from + step).min(end);
        apply_batch(&mut conn, &chain.batch(from, to)).unwrap();
        from = to;
    }
    let app = router(AppState::new(pool(db.url(), 2).unwrap(), None, 6));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (db, base)
}

async fn get(url: &str) -> Value {
    crate::source::install_crypto_provider();
    let r = reqwest::get(url).await.unwrap();
    assert_eq!(r.status(), 200, "{url}");
    r.json().await.unwrap()
}

/// Every page of the leaderboard, `limit` rows at a time.
async fn all_pages(base: &str, limit: u64) -> (Vec<Value>, Value) {
    let mut items = vec![];
    let mut url = format!("{base}/v1/leaderboard/campaign?limit={limit}");
    loop {
        let page = get(&url).await;
        items.extend(page["items"].as_array().unwrap().iter().cloned());
        match page["next_cursor"].as_str() {
            Some(c) => url = format!("{base}/v1/leaderboard/campaign?limit={limit}&cursor={c}"),
            None => return (items, page),
        }
    }
}

fn vectors() -> Value {
    let text = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/vectors/campaign.json"
    ));
    serde_json::from_str(text).unwrap()
}

/// The chain of the vectors' `scenario`: referrals, check-ins on their
/// days, social tasks, jobs, then one epoch's uptime and leases. With
/// `report_first` every uptime report precedes the epoch's leases (the
/// projection must not depend on the order).
fn scenario_chain(report_first: bool) -> (Chain, BTreeMap<String, AccountAddress>) {
    let v = &vectors()["scenario"];
    let who: BTreeMap<String, AccountAddress> = v["participants"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, a)| {
            (
                k.clone(),
                AccountAddress::from_hex(a.as_str().unwrap()).unwrap(),
            )
        })
        .collect();
    let n = |x: &Value| x.as_u64().unwrap();
    let user = |x: &Value| who[x.as_str().unwrap()];
    let first_day = 20_000;
    let mut b = Builder::new(first_day, first_day + 30, n(&v["credit_value"]));
    for r in v["referrals"].as_array().unwrap() {
        b.refer(user(&r["referee"]), user(&r["referrer"]));
    }
    let mut check_ins: Vec<(u64, AccountAddress)> = v["check_ins"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| {
            let u = user(&c["user"]);
            c["days"]
                .as_array()
                .unwrap()
                .iter()
                .map(move |d| (d.as_u64().unwrap(), u))
        })
        .collect();
    check_ins.sort();
    for (day, u) in check_ins {
        b.at((day * DAY + 3_600).max(b.chain.now));
        b.check_in(u);
    }
    for s in v["social"].as_array().unwrap() {
        b.social(user(&s["user"]), n(&s["task_id"]), n(&s["points"]));
    }
    for j in v["jobs"].as_array().unwrap() {
        b.job(user(&j["creator"]), user(&j["worker"]), n(&j["gross"]));
    }
    // Epoch `first_day + 10` (epoch_secs = one day): leases during it, the
    // reports after it ends.
    let epoch = first_day + 10;
    let leases: Vec<LumenEvent> = v["uptime"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| n(&u["lease_secs"]) > 0)
        .map(|u| {
            lease(
                epoch,
                short(user(&u["worker"])),
                n(&u["lease_secs"]),
                n(&u["score"]),
            )
        })
        .collect();
    let reports: Vec<LumenEvent> = v["uptime"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            uptime(
                epoch,
                short(user(&u["worker"])),
                n(&u["online_secs"]),
                n(&u["score"]),
            )
        })
        .collect();
    b.at(epoch * DAY + 600);
    if report_first {
        b.at((epoch + 1) * DAY + 600);
        b.chain.push(reports);
        b.chain.push(leases);
    } else {
        b.chain.push(leases);
        b.at((epoch + 1) * DAY + 600);
        b.chain.push(reports);
    }
    b.chain.filler(1);
    (b.chain, who)
}

#[tokio::test]
async fn leaderboard_returns_the_seed_scenario_in_any_order_and_batching() {
    let v = vectors();
    let expected = v["scenario"]["expected"].as_array().unwrap();
    for (report_first, step) in [(false, 1_000), (true, 1), (true, 3)] {
        let (chain, who) = scenario_chain(report_first);
        let (_db, base) = serve(&chain, step).await;
        let (items, last) = all_pages(&base, 2).await;
        let case = format!("report_first={report_first} step={step}");
        assert_eq!(items.len(), expected.len(), "{case}");
        for (got, want) in items.iter().zip(expected) {
            let a = who[want["user"].as_str().unwrap()];
            assert_eq!(got["address"], a.to_hex(), "{case}: {want}");
            assert_eq!(got["rank"], want["rank"], "{case}");
            for s in PointSource::ALL {
                assert_eq!(
                    got["points"][s.as_str()],
                    want[s.as_str()],
                    "{case}: {} {}",
                    want["user"],
                    s.as_str()
                );
            }
            assert_eq!(got["total"], want["total"], "{case}");
            assert_eq!(got["payout"], want["payout"], "{case}");
        }
        // The seed's worker example: 6 h idle × (2.4294 + 10.6878) / 24.
        let alice = items
            .iter()
            .find(|r| r["address"] == who["alice"].to_hex())
            .unwrap();
        assert_eq!(alice["points"]["worker_online"], 3_279_300);
        // Payout preview of five winners: #1 and #2–5.
        let p = &last["payout"];
        assert_eq!(p["winners"], 5);
        let totals: Vec<u64> = p["tiers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["total"].as_u64().unwrap())
            .collect();
        assert_eq!(totals, [200_000_000, 400_000_000, 0, 0, 0]);
        assert_eq!(p["total"], 600_000_000);
        assert_eq!(p["pool_covers"], true);
        // The old path is the same leaderboard; a participant's page agrees.
        let alias = get(&format!("{base}/v1/campaign/leaderboard?limit=100")).await;
        assert_eq!(alias["items"].as_array().unwrap(), &items);
        let u = get(&format!("{base}/v1/campaign/users/{}", who["bob"].to_hex())).await;
        assert_eq!(u["rank"], 2);
        assert_eq!(u["points"], items[1]["points"]);
        assert_eq!(u["user"]["total_points"], 0, "bob earned nothing on chain");
        // The ranking is one `pay_leaderboard` accepts.
        let winners: Vec<AccountAddress> = items
            .iter()
            .map(|r| AccountAddress::from_hex(r["address"].as_str().unwrap()).unwrap())
            .collect();
        let points: Vec<u64> = items.iter().map(|r| r["total"].as_u64().unwrap()).collect();
        let recorded: BTreeMap<AccountAddress, u64> = winners
            .iter()
            .zip(&items)
            .map(|(a, r)| (*a, r["recorded_points"].as_u64().unwrap()))
            .collect();
        f::check_ranking(
            &winners,
            &points,
            |a| recorded[a],
            &f::DEFAULT_TIER_AMOUNTS,
            2_000_000_000,
        )
        .unwrap();
    }
}

#[tokio::test]
async fn hundred_and_twenty_participants_pay_the_seed_tiers() {
    // The period starts on an odd day, so a two-day epoch can straddle its end.
    let start = 20_101;
    let mut b = Builder::new(start, start + 30, 1_000_000);
    let mut want: BTreeMap<AccountAddress, PointsBySource> = BTreeMap::new();
    let user = |i: u64| addr(0x5000 + i);
    // 120 participants: social points with pairs of equal totals (ties go
    // by address); every fourth also renders for the next one's jobs.
    for i in 0..120u64 {
        let pts = (i / 2 + 1) * 250_000;
        b.social(user(i), 1, pts);
        want.entry(user(i))
            .or_default()
            .add(PointSource::Social, pts);
    }
    for i in (0..120u64).step_by(4) {
        let gross = 1_000 * (i + 1);
        b.job(user(i + 1), user(i), gross);
        let pts = f::render_points(gross, 1_000_000);
        want.entry(user(i + 1))
            .or_default()
            .add(PointSource::Creator, pts);
        want.entry(user(i))
            .or_default()
            .add(PointSource::WorkerRender, pts);
    }
    // A referral only shares what is earned after it: user 1's first job
    // (above, as creator of user 0's work) gives user 7 nothing; its next does.
    b.refer(user(1), user(7));
    b.job(user(1), user(9), 500_000);
    let pts = f::render_points(500_000, 1_000_000);
    want.entry(user(1))
        .or_default()
        .add(PointSource::Creator, pts);
    want.entry(user(9))
        .or_default()
        .add(PointSource::WorkerRender, pts);
    want.entry(user(7))
        .or_default()
        .add(PointSource::Referral, f::referral_share(pts));
    // Outside the period nothing counts: a job after its end, and an epoch
    // that straddles it.
    b.at((start + 29) * DAY + 600);
    b.chain
        .push(vec![uptime(start + 29, short(user(5)), 3_600, 1_000_000)]);
    want.entry(user(5)).or_default().add(
        PointSource::WorkerOnline,
        f::idle_points(3_600, 0, 1_000_000),
    );
    b.at((start + 30) * DAY + 600);
    b.job(user(11), user(13), 9_000_000);
    b.chain.push(vec![LumenEvent::ParamsUpdated(ParamsUpdated {
        name: lumen_sdk::params::EPOCH_SECS.name.into(),
        old_value: lumen_sdk::params::EPOCH_SECS.default,
        new_value: 2 * DAY,
    })]);
    // Epoch e covers [2e, 2e + 2) days: start + 29 .. start + 31 straddles the end.
    let straddling = (start + 29) / 2;
    b.chain
        .push(vec![uptime(straddling, short(user(15)), 3_600, 1_000_000)]);
    b.chain.filler(1);

    let (_db, base) = serve(&b.chain, 25).await;
    let expected = f::leaderboard(&want, &f::DEFAULT_TIER_AMOUNTS);
    assert_eq!(expected.len(), 120);
    let (items, last) = all_pages(&base, 7).await;
    assert_eq!(items.len(), expected.len());
    for (got, w) in items.iter().zip(&expected) {
        assert_eq!(got["rank"], w.rank);
        assert_eq!(got["address"], w.address.to_hex(), "rank {}", w.rank);
        assert_eq!(
            got["points"],
            serde_json::to_value(crate::api::PointsView::from(w.points)).unwrap(),
            "rank {}",
            w.rank
        );
        assert_eq!(got["total"], w.total);
        assert_eq!(got["payout"], w.payout);
    }
    assert_eq!(last["participants"], 120);
    // Ranks past 100 are paid nothing; the seed's tiers for 100 winners are
    // $200, $400, $500, $490 (its "$500" for #16–50 is 35 × $14), $400.
    assert!(items[100..].iter().all(|r| r["payout"] == 0));
    let p = &last["payout"];
    assert_eq!(p["winners"], 100);
    let tiers = p["tiers"].as_array().unwrap();
    let got: Vec<(u64, u64, u64, u64)> = tiers
        .iter()
        .map(|t| {
            let g = |k: &str| t[k].as_u64().unwrap();
            (g("first_rank"), g("last_rank"), g("winners"), g("total"))
        })
        .collect();
    assert_eq!(
        got,
        [
            (1, 1, 1, 200_000_000),
            (2, 5, 4, 400_000_000),
            (6, 15, 10, 500_000_000),
            (16, 50, 35, 490_000_000),
            (51, 100, 50, 400_000_000),
        ]
    );
    assert_eq!(tiers[3]["per_user"], 14_000_000);
    assert_eq!(p["total"], 1_990_000_000);
    assert_eq!(p["pool"], 2_000_000_000);
    assert_eq!(p["pool_covers"], true);
    // Paying the ranking page by page is what paying it in one page gives.
    let one = get(&format!("{base}/v1/leaderboard/campaign?limit=1000")).await;
    assert_eq!(one["items"].as_array().unwrap(), &items);
    assert_eq!(one["next_cursor"], Value::Null);
}
