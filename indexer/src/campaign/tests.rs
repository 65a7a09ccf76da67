use super::*;
use crate::api::{router, AppState};
use crate::checkpoint;
use crate::pg_cluster::TestDb;
use crate::store::{apply_batch, migrate, pool};
use crate::testgen::{addr, Chain};
use lumen_model::vectors::{fixture, Fixture, START_TIME};
use lumen_sdk::aptos_sdk::transaction::EntryFunction;
use lumen_sdk::payloads::campaign as calls;
use lumen_sdk::Package;
use serde_json::Value;

const DAY: u64 = 86_400;
const POINT: u64 = f::POINT;
const OPERATOR: u64 = 0x0e;

/// A campaign run on the model of the contract: every call executes there
/// and its events go on the chain the indexer reads, so the indexer is
/// checked against the contract's own leaderboard.
struct Campaign {
    model: lumen_model::Chain,
    chain: Chain,
}

impl Campaign {
    /// A 30-day campaign from the fixture's start, its pool funded.
    fn new(pool: u64) -> Self {
        let funder = addr(0xf);
        let mut c = Self {
            model: fixture(Fixture::World, &[]),
            chain: Chain::new(),
        };
        c.chain.now = START_TIME;
        c.model.mint(funder, pool);
        let admin = Package::DEV.address;
        c.call(admin, calls::set_operator(&Package::DEV, addr(OPERATOR)));
        let period = calls::set_period(&Package::DEV, START_TIME, START_TIME + 30 * DAY);
        c.call(admin, period);
        c.call(funder, calls::fund(&Package::DEV, pool));
        c
    }

    fn call(&mut self, sender: AccountAddress, f: EntryFunction) {
        let events = self
            .model
            .execute(self.chain.now, sender, &f)
            .unwrap_or_else(|e| panic!("{}::{}: {e}", f.module.name, f.function));
        self.chain.push(events);
        self.chain.advance(7);
    }

    fn social(&mut self, user: AccountAddress, task_id: u64, points: u64) {
        let f = calls::grant_social_task(&Package::DEV, user, task_id, points);
        self.call(addr(OPERATOR), f);
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
    let app = router(AppState::new(pool(db.url(), 2).unwrap(), None));
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

/// 120 participants with social points in pairs of equal totals, reached in
/// both orders; check-ins and a referral move some of them; the board the
/// indexer shows is the contract's, however the chain is batched.
#[tokio::test]
async fn the_leaderboard_is_the_contracts_in_any_batching() {
    let mut c = Campaign::new(2_000_000_000);
    let user = |i: u64| addr(0x5000 + i);
    // Pairs (2k, 2k + 1) end at the same total; odd ones get there first.
    for i in (0..120u64).rev() {
        c.social(user(i), 1, (i / 2 + 1) * 250_000);
    }
    // User 3 checks in (1 point) and, having joined, is registered as the
    // referrer of user 8, who then earns on the second day.
    c.call(user(3), calls::check_in(&Package::DEV));
    c.call(user(8), calls::register_referral(&Package::DEV, user(3)));
    c.chain.now = START_TIME + DAY + 60;
    c.call(user(8), calls::check_in(&Package::DEV));
    c.social(user(8), 2, 10 * POINT);
    // A tie reached later ranks behind: user 40 catches up with user 41.
    c.social(user(40), 2, 250_000);
    c.chain.filler(1);
    let board = c.model.campaign.leaders.clone();
    assert_eq!(board.len(), 100);
    let participants = c
        .model
        .campaign
        .users
        .values()
        .filter(|u| u.total_points > 0)
        .count();
    for step in [1, 7, 1_000] {
        let (_db, base) = serve(&c.chain, step).await;
        let (items, last) = all_pages(&base, 9).await;
        assert_eq!(items.len(), participants, "step {step}");
        assert_eq!(last["participants"], participants, "step {step}");
        let shown: Vec<String> = items
            .iter()
            .take(100)
            .map(|r| r["address"].as_str().unwrap().to_string())
            .collect();
        let want: Vec<String> = board.iter().map(|a| a.to_hex()).collect();
        assert_eq!(shown, want, "step {step}: the first 100 are leaders()");
        for (i, r) in items.iter().enumerate() {
            let a = AccountAddress::from_hex(r["address"].as_str().unwrap()).unwrap();
            let u = &c.model.campaign.users[&a];
            assert_eq!(r["rank"], i as u64 + 1);
            assert_eq!(r["total"], u.total_points, "step {step}: {a}");
            assert_eq!(r["points"]["check_in"], u.checkin_points);
            assert_eq!(r["points"]["social"], u.social_points);
            assert_eq!(r["points"]["referral"], u.referral_points);
            let tiers = f::DEFAULT_TIER_AMOUNTS;
            assert_eq!(r["payout"], f::rank_payout(&tiers, i as u64 + 1));
        }
        // The referrer's share and the referee's credits show on their pages.
        let page = get(&format!("{base}/v1/campaign/users/{}", user(3).to_hex())).await;
        assert_eq!(page["user"]["referral_points"], 100_000 + 1_000_000);
        assert_eq!(page["user"]["referrals"], 1);
        let page = get(&format!("{base}/v1/campaign/users/{}", user(8).to_hex())).await;
        assert_eq!(page["user"]["referrer"], user(3).to_hex());
        assert_eq!(
            page["rank"],
            items
                .iter()
                .position(|r| r["address"] == user(8).to_hex())
                .unwrap()
                + 1
        );
        // The preview pays the seed's tiers: $200, $400, $500, $490, $400.
        let p = &last["payout"];
        assert_eq!(p["winners"], 100);
        let totals: Vec<u64> = p["tiers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["total"].as_u64().unwrap())
            .collect();
        assert_eq!(
            totals,
            [
                200_000_000,
                400_000_000,
                500_000_000,
                490_000_000,
                400_000_000
            ]
        );
        assert_eq!(p["pool_covers"], true);
        let one = get(&format!("{base}/v1/leaderboard/campaign?limit=1000")).await;
        assert_eq!(one["items"].as_array().unwrap(), &items);
        assert_eq!(one["next_cursor"], Value::Null);
    }
}

/// The payout the contract made is what the indexer shows: ranks and prizes
/// of `LeaderboardPaid`, the pool after it.
#[tokio::test]
async fn the_paid_board_is_recorded() {
    let mut c = Campaign::new(700 * 1_000_000);
    for i in 0..6u64 {
        c.social(addr(0x6000 + i), 1, (6 - i) * POINT);
    }
    c.chain.now = START_TIME + 30 * DAY + 3_600;
    c.call(addr(0x9a7), calls::pay_leaderboard(&Package::DEV));
    c.chain.filler(1);
    let (_db, base) = serve(&c.chain, 4).await;
    let summary = get(&format!("{base}/v1/campaign")).await;
    assert_eq!(summary["campaign"]["paid_total"], 650 * 1_000_000);
    assert_eq!(summary["campaign"]["pool"], 50 * 1_000_000);
    let page = get(&format!(
        "{base}/v1/campaign/users/{}",
        addr(0x6000).to_hex()
    ))
    .await;
    assert_eq!(page["user"]["leaderboard_rank"], 1);
    assert_eq!(page["user"]["prize"], 200 * 1_000_000);
}
