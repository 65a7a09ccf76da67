use super::*;
use crate::api::rank_by;
use crate::checkpoint;
use crate::pg_cluster::TestDb;
use crate::store::{apply_batch, migrate};
use crate::testgen::*;
use lumen_sdk::events::{LumenEvent, ScoreAttested, ScoreRevoked, VipRevoked};
use lumen_sdk::{params, Package};

const EPOCH: u64 = 86_400;

/// What ranking every worker at request time gives (the rule the table
/// keeps): `(address, priority)` in order, the eligible count and the VIP
/// slots.
fn full_ranking(
    conn: &mut PgConnection,
    min_score: i64,
    min_vram: i64,
) -> (Vec<(String, i64)>, usize, usize) {
    let ctx = Ctx::load(conn).unwrap();
    let rows: Vec<WorkerRow> = workers::table
        .select(WorkerRow::as_select())
        .load(conn)
        .unwrap();
    let online = online_secs(conn, &ctx, None).unwrap();
    let eligible: Vec<(String, u64, bool)> = rows
        .iter()
        .filter_map(|w| {
            let d = Derived::of(w, &ctx, online.get(&w.address).copied().unwrap_or(0));
            (d.eligible && w.score >= min_score && w.vram_mb >= min_vram)
                .then(|| (w.address.clone(), d.priority, w.vip))
        })
        .collect();
    let total = eligible.len();
    let (ranked, slots) = rank_by(eligible, |w| w.1, |w| w.0.as_str(), |w| w.2);
    let order = ranked.into_iter().map(|w| (w.0, to_i64(w.1))).collect();
    (order, total, slots)
}

/// Workers whose scores, stakes, prices, VIP passes and uptime differ,
/// over epochs that end one after the other, with a parameter change, a
/// revocation, a revoked pass and scores that expire on the way.
fn changing_chain() -> Chain {
    let mut c = Chain::new();
    c.push(vec![
        param(params::STAKE_FACTOR, 2),
        param(params::EPOCH_SECS, EPOCH),
    ]);
    for w in 1..=30u64 {
        // Prices from the protocol's floor up; stakes that cover S(n) at
        // stake_factor 2 but not always at 3, so the change moves workers out.
        let stake = if w % 7 == 0 {
            10
        } else {
            200_000_000 + w * 1_000
        };
        let mut ev = onboard(
            &c,
            w,
            1_000_000 + w * 50_000,
            4096 * (1 + w % 3),
            params::MIN_PRICE_PER_IB_HOUR.default * (1 + w % 4),
            stake,
        );
        if w % 9 == 0 {
            if let LumenEvent::ScoreAttested(ScoreAttested { expires_at, .. }) = &mut ev[0] {
                *expires_at = c.now + EPOCH + EPOCH / 2;
            }
        }
        c.push(ev);
        if w % 3 == 0 {
            c.push(vec![vip(w, 1, c.now)]);
        }
    }
    for day in 0..4u64 {
        c.advance(EPOCH);
        let ended = c.now / EPOCH - 1;
        c.push(
            (1..=30)
                .filter(|w| (w + day) % 4 != 0)
                .map(|w| uptime(ended, w, 600 * w * (day + 1), 2_000_000))
                .collect(),
        );
        match day {
            1 => c.push(vec![param(params::STAKE_FACTOR, 3)]),
            2 => c.push(vec![
                LumenEvent::ScoreRevoked(ScoreRevoked {
                    worker: addr(4),
                    by: addr(ATTESTER),
                    reason: "bad report".into(),
                }),
                LumenEvent::VipRevoked(VipRevoked {
                    holder: addr(6),
                    role: 1,
                    token: addr(0x5006),
                    by: addr(0xad),
                }),
            ]),
            _ => 0,
        };
        c.filler(1);
    }
    c
}

/// After every batch (a few transactions each) the rows kept at ingest
/// rank exactly as ranking every worker at request time: every worker a
/// batch touched is recomputed, every worker when a new epoch moves the
/// priority window or `stake_factor` changes, and an expired score drops
/// out at request time.
#[test]
fn the_ranking_kept_at_ingest_is_the_full_ranking_after_every_batch() {
    let c = changing_chain();
    let db = TestDb::new().unwrap();
    let mut conn = PgConnection::establish(db.url()).unwrap();
    migrate(&mut conn).unwrap();
    checkpoint::init(&mut conn, &Package::DEV, 0).unwrap();
    let (mut from, n) = (0, c.next_version());
    let (mut ranked_rows, mut vip_slots) = (0, 0);
    while from < n {
        let to = (from + 3).min(n);
        apply_batch(&mut conn, &c.batch(from, to)).unwrap();
        from = to;
        let now = Ctx::load(&mut conn).unwrap().now;
        for (min_score, min_vram) in [(0, 0), (1_600_000, 8192)] {
            let (expected, total, slots) = full_ranking(&mut conn, min_score, min_vram);
            let got = ranked(&mut conn, now, min_score, min_vram, 1000).unwrap();
            let order: Vec<(String, i64)> = got
                .items
                .iter()
                .map(|r| (r.address.clone(), r.priority))
                .collect();
            assert_eq!(
                (&order, got.total, got.vip_first),
                (&expected, total, slots),
                "before version {to}, min score {min_score}"
            );
            // A short page is the top of the same order.
            let top = ranked(&mut conn, now, min_score, min_vram, 3).unwrap();
            let top: Vec<&String> = top.items.iter().map(|r| &r.address).collect();
            let want: Vec<&String> = expected.iter().take(3).map(|e| &e.0).collect();
            assert_eq!(top, want, "before version {to}");
            ranked_rows += total;
            vip_slots += slots;
        }
    }
    assert!(
        ranked_rows > 300 && vip_slots > 10,
        "{ranked_rows} {vip_slots}"
    );
}
