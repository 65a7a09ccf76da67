//! The shared vectors in `tests/vectors/*.json`: the same cases the Move
//! tests assert (`move/tests/vectors_tests.move`), checked against the Rust
//! formulas, signed messages and address derivations.

use std::path::PathBuf;

use aptos_sdk::crypto::{Ed25519PrivateKey, Ed25519Signature};
use aptos_sdk::types::AccountAddress;
use lumen_sdk::formulas as f;
use lumen_sdk::messages::{authentication_key, AssignmentOffer, BenchmarkReport};
use lumen_sdk::Package;
use serde_json::Value;

/// The crate's directory, as cargo gives it when running the test (the
/// compile-time value names the checkout that built the binary, which a
/// shared target directory may reuse from another clone).
fn manifest_dir() -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")))
}

fn load(name: &str) -> Value {
    let p = manifest_dir().join("../tests/vectors").join(name);
    let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn u(v: &Value, k: &str) -> u64 {
    v[k].as_u64().unwrap_or_else(|| panic!("{k} in {v}"))
}

fn u128s(v: &Value, k: &str) -> u128 {
    v[k].as_str()
        .unwrap_or_else(|| panic!("{k} in {v}"))
        .parse()
        .unwrap()
}

fn b(v: &Value, k: &str) -> bool {
    v[k].as_bool().unwrap_or_else(|| panic!("{k} in {v}"))
}

fn cases<'a>(v: &'a Value, k: &str) -> &'a Vec<Value> {
    let c = v[k].as_array().unwrap_or_else(|| panic!("no {k}"));
    assert!(!c.is_empty(), "no cases in {k}");
    c
}

fn hexb(v: &Value) -> Vec<u8> {
    hex::decode(v.as_str().unwrap().trim_start_matches("0x")).unwrap()
}

#[test]
fn min_stake_vectors() {
    let v = load("min_stake.json");
    for c in cases(&v, "cases") {
        assert_eq!(
            f::min_stake(
                u(c, "stake_factor"),
                u(c, "score"),
                u(c, "price_per_ib_hour")
            ),
            u(c, "expected"),
            "{c}"
        );
    }
    // The seed's example is among them.
    assert!(cases(&v, "cases")
        .iter()
        .any(|c| u(c, "expected") == 72 && u(c, "score") == 500_000));
}

#[test]
fn threshold_vectors() {
    let v = load("threshold.json");
    for c in cases(&v, "cases") {
        let values: Vec<u64> = c["values"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_u64().unwrap())
            .collect();
        assert_eq!(f::kth_largest(&values, u(c, "k")), u(c, "expected"), "{c}");
    }
}

#[test]
fn collateral_vectors() {
    let v = load("collateral.json");
    for c in cases(&v, "cases") {
        assert_eq!(
            f::collateral(
                u(c, "stake"),
                u(c, "job_value"),
                u(c, "slash_bps"),
                u(c, "slash_cap_bps")
            ),
            u(c, "expected"),
            "{c}"
        );
    }
}

#[test]
fn payout_vectors() {
    let v = load("payout.json");
    for c in cases(&v, "cases") {
        let p = f::payout(
            u(c, "frames"),
            u(c, "price_per_frame"),
            u(c, "worker_commission_bps"),
            u(c, "balance"),
        )
        .unwrap();
        assert_eq!(
            (p.gross, p.worker_amount, p.fee, p.refund),
            (
                u(c, "gross"),
                u(c, "worker_amount"),
                u(c, "fee"),
                u(c, "refund")
            ),
            "{c}"
        );
        assert_eq!(
            f::split_payout(p.gross, u(c, "worker_commission_bps")),
            (p.worker_amount, p.fee)
        );
    }
}

#[test]
fn reward_vectors() {
    let v = load("rewards.json");
    for c in cases(&v, "split_pool") {
        assert_eq!(
            f::split_pool(u(c, "pool"), u(c, "pod_share_bps")),
            (u(c, "poc_pool"), u(c, "pod_pool")),
            "{c}"
        );
    }
    for c in cases(&v, "share") {
        assert_eq!(
            f::share(
                u(c, "side_pool"),
                u128s(c, "weight"),
                u128s(c, "total_weight")
            ),
            u(c, "expected"),
            "{c}"
        );
    }
    for c in cases(&v, "fee_to_pool") {
        assert_eq!(
            f::fee_to_pool(u(c, "fee"), u(c, "pool_fee_share_bps")),
            u(c, "expected"),
            "{c}"
        );
    }
    for c in cases(&v, "lease_credit") {
        assert_eq!(
            f::lease_credit(u(c, "recorded"), u(c, "lease_secs"), u(c, "epoch_secs")),
            u(c, "expected"),
            "{c}"
        );
    }
    for c in cases(&v, "lease_parts") {
        let parts = f::lease_parts(
            u(c, "end"),
            u(c, "lease_secs"),
            u(c, "max_job_lease_secs"),
            u(c, "epoch_secs"),
        );
        let list = |k: &str| -> Vec<u64> {
            c[k].as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_u64().unwrap())
                .collect()
        };
        let expected: Vec<(u64, u64)> = list("epochs").into_iter().zip(list("secs")).collect();
        assert_eq!(parts, expected, "{c}");
    }
    for c in cases(&v, "reward") {
        let (poc, pod) = f::split_pool(u(c, "pool"), u(c, "pod_share_bps"));
        assert_eq!((poc, pod), (u(c, "poc_pool"), u(c, "pod_pool")), "{c}");
        let r = f::reward(
            poc,
            u128s(c, "poc_weight"),
            u128s(c, "total_poc_weight"),
            pod,
            u128s(c, "pod_weight"),
            u128s(c, "total_pod_weight"),
        );
        assert_eq!(
            (r.poc_amount, r.pod_amount, r.amount),
            (u(c, "poc_amount"), u(c, "pod_amount"), u(c, "amount")),
            "{c}"
        );
    }
}

#[test]
fn priority_vectors() {
    let v = load("priority.json");
    for c in cases(&v, "creator") {
        let d = u8::try_from(u(c, "decimals")).unwrap();
        assert_eq!(
            f::creator_priority(
                u(c, "spent_this_month"),
                d,
                u(c, "frames_succeeded"),
                b(c, "vip")
            ),
            u(c, "expected"),
            "{c}"
        );
    }
    for c in cases(&v, "worker") {
        let got = f::worker_priority(
            u(c, "online_secs_total"),
            u(c, "days"),
            u(c, "score"),
            u(c, "frames_completed"),
            u(c, "jobs_failed"),
            b(c, "vip"),
        );
        assert_eq!(got, u(c, "expected"), "{c}");
    }
}

#[test]
fn vip_eligibility_vectors() {
    let v = load("vip_eligibility.json");
    for c in cases(&v, "creator") {
        assert_eq!(
            f::creator_vip_eligible(u(c, "spent_total"), u(c, "vip_creator_spend")),
            b(c, "expected"),
            "{c}"
        );
    }
    for c in cases(&v, "worker") {
        let secs: Vec<u64> = c["online_secs"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_u64().unwrap())
            .collect();
        assert_eq!(
            f::worker_vip_eligible(
                &secs,
                u(c, "min_avg_secs"),
                u(c, "down_day_secs"),
                u(c, "max_down_days")
            ),
            b(c, "expected"),
            "{c}"
        );
    }
}

#[test]
fn worker_points_vectors() {
    let v = load("worker_points.json");
    for c in cases(&v, "cases") {
        assert_eq!(
            f::worker_points(u(c, "online_secs"), u(c, "score")),
            u(c, "expected"),
            "{c}"
        );
    }
    // Pictor's example: 6 × (2.4294 + 10.6878) / 24 = 3.2793.
    assert!(cases(&v, "cases")
        .iter()
        .any(|c| u(c, "expected") == 3_279_300));
}

#[test]
fn job_address_vectors() {
    let v = load("job_address.json");
    let p: Package = v["package"].as_str().unwrap().parse().unwrap();
    assert_eq!(
        p.escrow_registry(),
        AccountAddress::from_hex(v["escrow_registry"].as_str().unwrap()).unwrap()
    );
    for c in cases(&v, "cases") {
        assert_eq!(
            p.job_address(u(c, "job_id")),
            AccountAddress::from_hex(c["expected"].as_str().unwrap()).unwrap(),
            "{c}"
        );
    }
}

fn addr(v: &Value, k: &str) -> AccountAddress {
    AccountAddress::from_hex(v[k].as_str().unwrap()).unwrap()
}

#[test]
fn golden_signing_vectors() {
    let v = load("signing.json");
    let p: Package = v["package"].as_str().unwrap().parse().unwrap();
    let key = Ed25519PrivateKey::from_bytes(&hexb(&v["secret_key"])).unwrap();
    let pk = key.public_key();
    assert_eq!(
        pk.to_bytes().to_vec(),
        hexb(&v["public_key"]),
        "public key {}",
        pk.to_hex()
    );
    assert_eq!(
        authentication_key(&pk).to_vec(),
        hexb(&v["authentication_key"]),
        "auth key {}",
        hex::encode(authentication_key(&pk))
    );

    let r = &v["benchmark_report"];
    let m = &r["message"];
    let report = BenchmarkReport {
        worker: addr(m, "worker"),
        device_id: hexb(&m["device_id"]),
        gpu_model: m["gpu_model"].as_str().unwrap().to_string(),
        vram_mb: u(m, "vram_mb"),
        bench_version: u(m, "bench_version"),
        nonce: u(m, "nonce"),
        measured_at: u(m, "measured_at"),
        chain_id: u(m, "chain_id") as u8,
    };
    let bytes = report.signing_bytes(&p);
    assert_eq!(bytes, hexb(&r["signing_bytes"]));
    assert_eq!(report.bcs(), hexb(&r["inner_bytes"]));
    assert_eq!(
        bytes,
        [hexb(&r["type_info_bytes"]), hexb(&r["inner_bytes"])].concat()
    );
    let sig = report.sign(&p, &key);
    assert_eq!(
        sig.to_bytes().to_vec(),
        hexb(&r["signature"]),
        "report signature {}",
        sig.to_hex()
    );
    report
        .verify(
            &p,
            &pk,
            &Ed25519Signature::from_bytes(&hexb(&r["signature"])).unwrap(),
        )
        .unwrap();

    let o = &v["assignment_offer"];
    let m = &o["message"];
    let offer = AssignmentOffer {
        job: addr(m, "job"),
        worker: addr(m, "worker"),
        price_per_frame: u(m, "price_per_frame"),
        render_deadline: u(m, "render_deadline"),
        offer_expires_at: u(m, "offer_expires_at"),
        nonce: u(m, "nonce"),
        chain_id: u(m, "chain_id") as u8,
    };
    let bytes = offer.signing_bytes(&p);
    assert_eq!(bytes, hexb(&o["signing_bytes"]));
    assert_eq!(bytes.len(), 152);
    let sig = offer.sign(&p, &key);
    assert_eq!(
        sig.to_bytes().to_vec(),
        hexb(&o["signature"]),
        "offer signature {}",
        sig.to_hex()
    );
    offer.verify(&p, &pk, &sig).unwrap();
}

#[test]
fn move_vectors_file_is_current() {
    // The Move twin of these cases is written from the same JSON; a stale
    // file would let the two sides drift.
    let root = manifest_dir().join("..");
    let out = std::process::Command::new("python3")
        .arg(root.join("scripts/gen_move_vectors.py"))
        .arg("--check")
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(root.join("move/tests/vectors_tests.move")).unwrap();
    let asserts = text.matches("assert!(").count();
    let v = |n: &str| load(n);
    let expected = cases(&v("min_stake.json"), "cases").len()
        + cases(&v("collateral.json"), "cases").len()
        + cases(&v("payout.json"), "cases").len()
        + cases(&v("threshold.json"), "cases").len()
        + cases(&v("rewards.json"), "split_pool").len()
        + cases(&v("rewards.json"), "share").len()
        + 2 * cases(&v("rewards.json"), "reward").len()
        + cases(&v("rewards.json"), "lease_credit").len()
        + cases(&v("rewards.json"), "lease_parts").len()
        + cases(&v("rewards.json"), "fee_to_pool").len()
        + cases(&v("priority.json"), "creator").len()
        + cases(&v("priority.json"), "worker").len()
        + cases(&v("vip_eligibility.json"), "worker").len()
        + 1
        + cases(&v("job_address.json"), "cases").len()
        + 8
        + [
            "day_reward",
            "streak",
            "referral_share",
            "rank_payout",
            "payout_total",
            "render_points",
            "idle_points",
        ]
        .iter()
        .map(|k| cases(&v("campaign.json"), k).len())
        .sum::<usize>()
        + cases(&v("wallet_envelope.json"), "format_amount").len()
        + cases(&v("wallet_envelope.json"), "format_utc").len()
        + 4 * cases(&v("wallet_envelope.json"), "cases").len()
        + 3 * 2;
    assert_eq!(asserts, expected);
}

fn tiers(c: &Value) -> [u64; 5] {
    let t: Vec<u64> = c["tier_amounts"]
        .as_array()
        .unwrap_or_else(|| panic!("tier_amounts in {c}"))
        .iter()
        .map(|x| x.as_u64().unwrap())
        .collect();
    t.try_into()
        .unwrap_or_else(|_| panic!("5 tier amounts in {c}"))
}

#[test]
fn campaign_vectors() {
    use lumen_sdk::formulas::campaign as cf;
    let v = load("campaign.json");
    for c in cases(&v, "day_reward") {
        assert_eq!(
            cf::day_reward(u(c, "cycle_day")),
            (u(c, "points"), u(c, "credits")),
            "{c}"
        );
    }
    // The whole table: 124 points and 7 credits per 30-day cycle.
    let (p, cr) = cases(&v, "day_reward").iter().fold((0, 0), |(p, cr), c| {
        (p + u(c, "points"), cr + u(c, "credits"))
    });
    assert_eq!((p, cr), (124 * cf::POINT, 7));
    for c in cases(&v, "streak") {
        let s = cf::next_streak(
            b(c, "checked_in_before"),
            u(c, "last_day"),
            u(c, "streak"),
            u(c, "today"),
        );
        assert_eq!(s, u(c, "expected_streak"), "{c}");
        assert_eq!(cf::cycle_day_of(s), u(c, "cycle_day"), "{c}");
    }
    for c in cases(&v, "referral_share") {
        assert_eq!(cf::referral_share(u(c, "points")), u(c, "expected"), "{c}");
    }
    for c in cases(&v, "rank_payout") {
        let rank = u(c, "rank");
        assert_eq!(cf::rank_payout(&tiers(c), rank), u(c, "expected"), "{c}");
        assert_eq!(
            cf::tier_of_rank(rank).map(|t| t as u64),
            c["tier"].as_u64(),
            "{c}"
        );
    }
    for c in cases(&v, "payout_total") {
        let t = tiers(c);
        let totals: Vec<u64> = c["tier_totals"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_u64().unwrap())
            .collect();
        assert_eq!(cf::tier_totals(&t, u(c, "winners")).to_vec(), totals, "{c}");
        assert_eq!(
            cf::payout_total(&t, u(c, "winners")),
            u(c, "expected"),
            "{c}"
        );
    }
    // The seed's tiers: 200 + 400 + 500 + 490 + 400, never more than the $2 000 pool.
    assert!(cases(&v, "payout_total")
        .iter()
        .any(|c| u(c, "winners") == 100
            && u(c, "expected") == 1_990_000_000
            && c["tier_totals"][3] == 490_000_000));
    for c in cases(&v, "render_points") {
        assert_eq!(
            cf::render_points(u(c, "gross"), u(c, "credit_value")),
            u(c, "expected"),
            "{c}"
        );
    }
    for c in cases(&v, "idle_points") {
        assert_eq!(
            cf::idle_points(u(c, "online_secs"), u(c, "lease_secs"), u(c, "score")),
            u(c, "expected"),
            "{c}"
        );
    }
    assert!(cases(&v, "idle_points")
        .iter()
        .any(|c| u(c, "expected") == 3_279_300));
}

#[test]
fn campaign_scenario_leaderboard() {
    use lumen_sdk::formulas::campaign::{self as cf, PointSource, PointsBySource};
    use std::collections::BTreeMap;
    let v = load("campaign.json");
    let sc = &v["scenario"];
    let who = |name: &Value| -> AccountAddress {
        let n = name.as_str().unwrap();
        AccountAddress::from_hex(sc["participants"][n].as_str().unwrap()).unwrap()
    };
    let referrer: BTreeMap<AccountAddress, AccountAddress> = cases(sc, "referrals")
        .iter()
        .map(|r| (who(&r["referee"]), who(&r["referrer"])))
        .collect();
    let mut points: BTreeMap<AccountAddress, PointsBySource> = BTreeMap::new();
    // Each earning credits the referrer's share on its own, rounded down, as the module does.
    let mut earn = |user: AccountAddress, source: PointSource, p: u64| {
        points.entry(user).or_default().add(source, p);
        if let Some(r) = referrer.get(&user) {
            points
                .entry(*r)
                .or_default()
                .add(PointSource::Referral, cf::referral_share(p));
        }
    };
    for c in cases(sc, "check_ins") {
        let (mut last, mut streak) = (None::<u64>, 0);
        for d in c["days"].as_array().unwrap() {
            let day = d.as_u64().unwrap();
            streak = cf::next_streak(last.is_some(), last.unwrap_or(0), streak, day);
            last = Some(day);
            let (p, _) = cf::day_reward(cf::cycle_day_of(streak));
            earn(who(&c["user"]), PointSource::CheckIn, p);
        }
    }
    for t in cases(sc, "social") {
        earn(who(&t["user"]), PointSource::Social, u(t, "points"));
    }
    let credit_value = u(sc, "credit_value");
    for j in cases(sc, "jobs") {
        let p = cf::render_points(u(j, "gross"), credit_value);
        earn(who(&j["creator"]), PointSource::Creator, p);
        earn(who(&j["worker"]), PointSource::WorkerRender, p);
    }
    for up in cases(sc, "uptime") {
        let p = cf::idle_points(u(up, "online_secs"), u(up, "lease_secs"), u(up, "score"));
        earn(who(&up["worker"]), PointSource::WorkerOnline, p);
    }
    // No ties in the case: who reached a total first does not matter.
    let entries = points.iter().map(|(a, p)| (*a, *p, (0, 0)));
    let rows = cf::leaderboard(entries, &cf::DEFAULT_TIER_AMOUNTS);
    let expected = cases(sc, "expected");
    assert_eq!(rows.len(), expected.len());
    for (row, e) in rows.iter().zip(expected) {
        assert_eq!(row.rank, u(e, "rank"), "{e}");
        assert_eq!(row.address, who(&e["user"]), "{e}");
        for s in PointSource::ALL {
            assert_eq!(row.points.get(s), u(e, s.as_str()), "{} in {e}", s.as_str());
        }
        assert_eq!(
            (row.total, row.payout),
            (u(e, "total"), u(e, "payout")),
            "{e}"
        );
    }
    // The seed's worker example is in it: alice's 6 idle hours on two GPUs.
    assert!(rows.iter().any(|r| r.points.worker_online == 3_279_300));
}

#[test]
fn render_vectors() {
    use lumen_sdk::render::{output_root, Hash32, JobSpec};
    let v = load("render.json");
    for c in cases(&v, "specs") {
        let spec: JobSpec = serde_json::from_value(c["spec"].clone()).unwrap();
        spec.validate().unwrap();
        assert_eq!(spec.bcs(), hexb(&c["bcs"]), "{c}");
        assert_eq!(JobSpec::from_bcs(&hexb(&c["bcs"])).unwrap(), spec);
        assert_eq!(spec.hash().0.to_vec(), hexb(&c["spec_hash"]), "{c}");
    }
    for c in cases(&v, "roots") {
        let frames: Vec<(u64, Hash32)> = c["frames"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| (u(f, "frame"), f["hash"].as_str().unwrap().parse().unwrap()))
            .collect();
        let root = output_root(&frames).unwrap();
        assert_eq!(
            root.0.to_vec(),
            hexb(&c["output_root"]),
            "{} frames",
            frames.len()
        );
    }
}
