//! Scenario → fullnode stand-in (real HTTP) → indexer → PostgreSQL → explorer
//! API: every answer equals the scenario model's own books, and money is
//! conserved across all jobs (deposits = paid + fees + refunds + held).

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::*;
use lumen_e2e::scenario::{Scenario, ScenarioConfig};

#[test]
fn the_scenario_is_deterministic_and_well_formed() {
    let a = small();
    let b = Scenario::build(&small_config()).unwrap();
    assert_eq!(
        a.to_json_lines(),
        b.to_json_lines(),
        "same seed, same chain"
    );
    let tiny = ScenarioConfig::new(5, 4, 20, 3);
    let mut other = tiny.clone();
    other.seed += 1;
    assert_ne!(
        Scenario::build(&other).unwrap().to_json_lines(),
        Scenario::build(&tiny).unwrap().to_json_lines(),
        "another seed, another chain"
    );

    let mut last_ts = 0;
    for (i, t) in a.transactions.iter().enumerate() {
        assert_eq!(n(&t["version"]), i as u64, "versions have no gaps");
        if let Some(ts) = t.get("timestamp") {
            let ts = n(ts);
            assert!(ts >= last_ts, "the clock never goes back at version {i}");
            last_ts = ts;
        }
    }
    let s = &a.summary;
    // Every path of the state machine is taken.
    for status in ["open", "completed", "cancelled", "reclaimed", "resolved"] {
        assert!(
            s.jobs.by_status.get(status).copied().unwrap_or(0) > 0,
            "no {status} job: {:?}",
            s.jobs.by_status
        );
    }
    for ev in [
        "RerenderRequested",
        "PartiallyAccepted",
        "JobDisputed",
        "StakeLocked",
        "StakeUnlocked",
        "NonceBurned",
        "ClaimableCredited",
        "ClaimableWithdrawn",
        "ArbiterAdded",
        "Slashed",
        "EpochClosed",
        "RewardClaimed",
        "VipMinted",
        "ScoreRevoked",
        "UnstakeRequested",
        "Withdrawn",
        "CheckedIn",
        "ReferralRegistered",
        "ReferralPointsEarned",
        "SocialTaskGranted",
        "OnlinePointsEarned",
        "CampaignConfigured",
        "LeaderboardPaid",
        "ParamChangeQueued",
        "UptimeVoted",
        "UptimeReported",
    ] {
        assert!(
            s.chain.events_by_type.get(ev).copied().unwrap_or(0) > 0,
            "no {ev} event"
        );
    }
    assert!(a.transactions.iter().any(|t| t["payload"]["function"]
        .as_str()
        .is_some_and(|f| f.ends_with("::escrow::finalize"))));
    assert!(
        s.chain.failed_transactions > 0,
        "a few calls abort, as on a real chain"
    );
    // The escrow's protections at work: a worker disputing its own
    // submission, a reclaim of a job that delivered.
    for abort in ["ENotCreator", "EAlreadyDelivered"] {
        assert!(
            a.transactions
                .iter()
                .any(|t| t["vm_status"].as_str().is_some_and(|v| v.contains(abort))),
            "no call aborted with {abort}"
        );
    }
    let disputes: Vec<&serde_json::Value> = a
        .transactions
        .iter()
        .flat_map(|t| t["events"].as_array().into_iter().flatten())
        .filter(|e| {
            e["type"]
                .as_str()
                .is_some_and(|t| t.ends_with("::escrow::JobDisputed"))
        })
        .collect();
    assert!(
        disputes
            .iter()
            .any(|e| e["data"]["by"] == e["data"]["worker"]),
        "a worker disputes a partial acceptance or a missed rerender"
    );
    assert!(
        s.claimables
            .iter()
            .any(|c| c.credited > 0 && c.withdrawn > 0),
        "a frozen worker's pay is held, then withdrawn"
    );
    assert!(
        s.epochs.iter().any(|e| e.rolled_over > 0),
        "the pre-launch epoch rolls over"
    );
    assert_eq!(
        s.jobs.deposits,
        s.jobs.paid_to_workers + s.jobs.fees + s.jobs.refunds + s.jobs.held,
        "the model's own books balance"
    );
    assert!(
        Scenario::build(&ScenarioConfig::new(1, 1, 10, 5)).is_err(),
        "one worker is refused"
    );
}

#[test]
fn every_seed_keeps_the_books_balanced() {
    for seed in 1..=8 {
        let cfg = ScenarioConfig::new(seed, 2 + seed as usize, 10 * seed as usize, 2 + seed);
        let s = Scenario::build(&cfg)
            .unwrap_or_else(|e| panic!("seed {seed}: {e}"))
            .summary;
        let j = &s.jobs;
        assert_eq!(
            j.deposits,
            j.paid_to_workers + j.fees + j.refunds + j.held,
            "seed {seed}"
        );
        assert_eq!(j.by_status.values().sum::<u64>(), j.total, "seed {seed}");
        let held: u64 = s.job_list.iter().map(|x| x.balance).sum();
        assert_eq!(held, j.held, "seed {seed}");
        for e in s.epochs.iter().filter(|e| e.closed) {
            assert_eq!(
                e.pool,
                e.poc_pool + e.pod_pool + e.rolled_over,
                "seed {seed} epoch {}",
                e.epoch
            );
            assert!(
                e.claimed + e.unclaimed <= e.poc_pool + e.pod_pool,
                "seed {seed} epoch {}",
                e.epoch
            );
        }
        let claimed: u64 = s.workers.iter().map(|w| w.rewards_claimed).sum();
        assert_eq!(claimed, s.rewards.claimed, "seed {seed}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn indexer_api_answers_equal_the_models_books() {
    let scenario = small();
    let s = &scenario.summary;
    let standin = standin_with(scenario).await;
    let ix = index(&standin.url()).await;
    let api = &ix.api;
    assert_eq!(ix.summary.next_version, s.chain.head_version + 1);

    // Freshness: all indexed, nothing behind the node.
    let status = get(&format!("{api}/v1/status")).await;
    assert_eq!(n(&status["indexed_version"]), s.chain.head_version);
    assert_eq!(n(&status["chain_head"]), s.chain.head_version);
    assert_eq!(n(&status["lag"]), 0);
    assert_eq!(n(&status["events_total"]), s.chain.lumen_events);
    assert_eq!(n(&status["chain_id"]), CHAIN as u64);

    // Jobs by status.
    let stats = get(&format!("{api}/v1/stats")).await;
    assert_eq!(n(&stats["jobs"]["total"]), s.jobs.total);
    let by: BTreeMap<String, u64> = stats["jobs"]["by_status"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), n(v)))
        .filter(|(_, v)| *v > 0)
        .collect();
    assert_eq!(by, s.jobs.by_status);

    // Every job's books, and money conserved across all of them.
    let jobs = pages(api, "/v1/jobs?limit=500").await;
    assert_eq!(jobs.len() as u64, s.jobs.total);
    let model: BTreeMap<u64, _> = s.job_list.iter().map(|j| (j.job_id, j)).collect();
    let (mut dep, mut paid, mut fees, mut refunds, mut held) = (0, 0, 0, 0, 0);
    for j in &jobs {
        let m = model[&n(&j["job_id"])];
        let id = m.job_id;
        assert_eq!(j["status"], m.status.as_str(), "job {id} status");
        assert_eq!(j["address"], m.address.as_str(), "job {id} address");
        assert_eq!(j["creator"], m.creator.as_str(), "job {id} creator");
        assert_eq!(j["worker"].as_str(), m.worker.as_deref(), "job {id} worker");
        assert_eq!(n(&j["deposit"]), m.deposit, "job {id} deposit");
        assert_eq!(n(&j["worker_amount"]), m.paid_to_worker, "job {id} paid");
        assert_eq!(n(&j["fee"]), m.fee_paid, "job {id} fee");
        assert_eq!(n(&j["refund"]), m.refunded, "job {id} refund");
        assert_eq!(n(&j["frames_paid"]), m.frames_paid, "job {id} frames");
        assert_eq!(n(&j["rerenders"]), m.rerenders, "job {id} rerenders");
        assert_eq!(n(&j["lease_secs"]), m.lease_secs, "job {id} lease");
        let collateral = j["terms"]["collateral"].as_u64().unwrap_or(0);
        assert_eq!(collateral, m.collateral, "job {id} collateral");
        let kind = j["terms"]["offer_kind"].as_str();
        assert_eq!(kind, m.offer_kind.as_deref(), "job {id} offer kind");
        let balance = n(&j["deposit"]) - n(&j["worker_amount"]) - n(&j["fee"]) - n(&j["refund"]);
        assert_eq!(balance, m.balance, "job {id} balance");
        let finished =
            ["completed", "cancelled", "reclaimed", "resolved"].contains(&m.status.as_str());
        assert!(
            !finished || balance == 0,
            "finished job {id} holds {balance}"
        );
        dep += n(&j["deposit"]);
        paid += n(&j["worker_amount"]);
        fees += n(&j["fee"]);
        refunds += n(&j["refund"]);
        held += balance;
    }
    assert_eq!(dep, s.jobs.deposits);
    assert_eq!(paid, s.jobs.paid_to_workers);
    assert_eq!(fees, s.jobs.fees);
    assert_eq!(refunds, s.jobs.refunds);
    assert_eq!(held, s.jobs.held);
    assert_eq!(
        dep,
        paid + fees + refunds + held,
        "deposits = paid + fees + refunds + held"
    );
    assert_eq!(n(&stats["frames_paid"]), s.jobs.frames_paid);

    // Workers: counters, stake, rewards, VIP; and the top five by frames.
    let workers = pages(api, "/v1/workers?limit=500").await;
    assert_eq!(workers.len(), s.workers.len());
    let by_addr: BTreeMap<&str, &serde_json::Value> = workers
        .iter()
        .map(|w| (w["address"].as_str().unwrap(), w))
        .collect();
    for m in &s.workers {
        let w = by_addr[m.address.as_str()];
        let a = &m.address;
        assert_eq!(n(&w["frames_completed"]), m.frames_completed, "{a} frames");
        assert_eq!(n(&w["jobs_completed"]), m.jobs_completed, "{a} jobs");
        assert_eq!(n(&w["jobs_failed"]), m.jobs_failed, "{a} failed");
        assert_eq!(n(&w["lease_secs"]), m.lease_secs, "{a} lease");
        assert_eq!(n(&w["stake"]), m.stake, "{a} stake");
        assert_eq!(n(&w["locked"]), m.locked, "{a} locked");
        assert_eq!(n(&w["unbonding"]), m.unbonding, "{a} unbonding");
        assert_eq!(n(&w["slashed_total"]), m.slashed, "{a} slashed");
        assert_eq!(n(&w["rewards_claimed"]), m.rewards_claimed, "{a} rewards");
        assert_eq!(n(&w["price_per_ib_hour"]), m.price_per_ib_hour, "{a} price");
        assert_eq!(w["vip"].as_bool(), Some(m.vip), "{a} vip");
        assert_eq!(w["eligible"].as_bool(), Some(m.eligible), "{a} eligible");
        if m.score > 0 {
            assert_eq!(n(&w["score"]), m.score, "{a} score");
        } else {
            assert_eq!(
                w["score_valid"].as_bool(),
                Some(false),
                "{a} score should be void"
            );
        }
    }
    let mut top: Vec<&serde_json::Value> = workers.iter().collect();
    top.sort_by_key(|w| {
        (
            std::cmp::Reverse(n(&w["frames_completed"])),
            w["address"].as_str().unwrap().to_string(),
        )
    });
    let top: Vec<&str> = top
        .iter()
        .take(5)
        .map(|w| w["address"].as_str().unwrap())
        .collect();
    let want: Vec<&str> = s.top_workers.iter().map(|w| w.address.as_str()).collect();
    assert_eq!(top, want, "top workers");

    // Claimable balances escrow held while a store was frozen.
    let held = pages(api, "/v1/claimables?include_withdrawn=true&limit=500").await;
    let got: Vec<(String, u64, u64, u64)> = held
        .iter()
        .map(|c| {
            (
                c["owner"].as_str().unwrap().to_string(),
                n(&c["balance"]),
                n(&c["credited_total"]),
                n(&c["withdrawn_total"]),
            )
        })
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let want: Vec<(String, u64, u64, u64)> = s
        .claimables
        .iter()
        .map(|c| (c.owner.clone(), c.balance, c.credited, c.withdrawn))
        .collect();
    assert_eq!(got, want, "claimable balances");
    assert_eq!(n(&stats["locked_stake"]), s.stake.locked);

    // Epochs: pools, split, rollover, claims.
    let epochs = pages(api, "/v1/epochs?limit=500").await;
    let model: BTreeMap<u64, _> = s.epochs.iter().map(|e| (e.epoch, e)).collect();
    assert_eq!(epochs.len(), model.len());
    for e in &epochs {
        let m = model[&n(&e["epoch"])];
        let ep = m.epoch;
        assert_eq!(e["closed"].as_bool(), Some(m.closed), "epoch {ep} closed");
        assert_eq!(n(&e["funded"]), m.funded, "epoch {ep} funded");
        assert_eq!(n(&e["poc_pool"]), m.poc_pool, "epoch {ep} poc");
        assert_eq!(n(&e["pod_pool"]), m.pod_pool, "epoch {ep} pod");
        assert_eq!(n(&e["rolled_over"]), m.rolled_over, "epoch {ep} rollover");
        assert_eq!(n(&e["claimed"]), m.claimed, "epoch {ep} claimed");
        // Per worker: the weights the pools are split by.
        let detail = get(&format!("{api}/v1/epochs/{ep}")).await;
        let rows = detail["rewards"].as_array().unwrap();
        let sum = |f: &str| -> u128 {
            rows.iter()
                .map(|r| r[f].as_str().unwrap_or("0").parse::<u128>().unwrap())
                .sum()
        };
        assert_eq!(
            sum("poc_weight").to_string(),
            m.total_poc_weight,
            "epoch {ep} PoC weights"
        );
        assert_eq!(
            sum("pod_weight").to_string(),
            m.total_pod_weight,
            "epoch {ep} PoD weights"
        );
        if m.closed {
            // Fixed at close (an open epoch's row carries them once it closes).
            assert_eq!(n(&e["pool"]), m.pool, "epoch {ep} pool");
            assert_eq!(
                e["total_poc_weight"].as_str(),
                Some(m.total_poc_weight.as_str()),
                "epoch {ep} poc weight"
            );
            assert_eq!(
                e["total_pod_weight"].as_str(),
                Some(m.total_pod_weight.as_str()),
                "epoch {ep} pod weight"
            );
        }
        if m.closed {
            // The indexer recomputes every reward from the events: each
            // claim the chain paid is exactly that reward.
            for r in rows.iter().filter(|r| n(&r["claimed"]) > 0) {
                assert_eq!(
                    n(&r["claimed"]),
                    n(&r["reward"]),
                    "epoch {ep} {}",
                    r["worker"]
                );
            }
            // What each worker could claim: claimed ones plus the rest.
            let claimed: u64 = rows.iter().map(|r| n(&r["claimed"])).sum();
            let unclaimed: u64 = rows
                .iter()
                .filter(|r| n(&r["claimed"]) == 0)
                .map(|r| n(&r["reward"]))
                .sum();
            assert_eq!(claimed, m.claimed, "epoch {ep} claims per worker");
            assert_eq!(unclaimed, m.unclaimed, "epoch {ep} unclaimed rewards");
            assert_eq!(m.pool, m.poc_pool + m.pod_pool + m.rolled_over);
            assert!(
                m.claimed + m.unclaimed <= m.poc_pool + m.pod_pool,
                "claims never exceed the pools"
            );
        }
    }

    // VIP holders (revoked passes only with include_revoked).
    let vip = get(&format!("{api}/v1/vip")).await;
    let got: BTreeSet<(String, u64)> = vip["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| (v["holder"].as_str().unwrap().to_string(), n(&v["role"])))
        .collect();
    let want: BTreeSet<(String, u64)> = s
        .vip
        .iter()
        .filter(|v| !v.revoked)
        .map(|v| (v.holder.clone(), v.role as u64))
        .collect();
    assert!(!want.is_empty(), "the scenario mints VIP passes");
    assert_eq!(got, want);
    let all = get(&format!("{api}/v1/vip?include_revoked=true")).await;
    assert_eq!(all["items"].as_array().unwrap().len(), s.vip.len());

    // The testnet campaign: pool, and every participant's points and credits.
    let c = &s.campaign;
    assert!(
        c.checkins > 0 && c.referrals > 0,
        "the scenario runs the campaign"
    );
    let summary = get(&format!("{api}/v1/campaign")).await;
    assert_eq!(n(&summary["participants"]), c.users.len() as u64);
    assert_eq!(n(&summary["campaign"]["pool"]), c.pool);
    assert_eq!(n(&summary["campaign"]["funded_total"]), c.funded);
    assert!(c.winners > 0, "the leaderboard is paid");
    assert_eq!(n(&summary["campaign"]["paid_total"]), c.leaderboard_paid);
    assert_eq!(n(&summary["campaign"]["period_start"]), c.start);
    assert_eq!(n(&summary["campaign"]["period_end"]), c.end);
    for m in &c.users {
        let u = &get(&format!("{api}/v1/campaign/users/{}", m.address)).await["user"];
        let a = &m.address;
        assert_eq!(n(&u["total_points"]), m.total_points, "{a} points");
        assert_eq!(
            n(&u["checkin_points"]),
            m.checkin_points,
            "{a} check-in points"
        );
        assert_eq!(n(&u["social_points"]), m.social_points, "{a} social points");
        assert_eq!(
            n(&u["referral_points"]),
            m.referral_points,
            "{a} referral points"
        );
        assert_eq!(n(&u["check_ins"]), m.checkins, "{a} check-ins");
        assert_eq!(n(&u["streak"]), m.streak, "{a} streak");
        assert_eq!(n(&u["online_points"]), m.online_points, "{a} online points");
        assert_eq!(
            n(&u["creator_render_points"]) + n(&u["worker_render_points"]),
            m.render_points,
            "{a} render points"
        );
        assert_eq!(n(&u["credits_earned"]), m.credits_earned, "{a} credits");
        assert_eq!(n(&u["credits_spent"]), m.credits_spent, "{a} credits spent");
        assert_eq!(
            u["referrer"].as_str(),
            m.referrer.as_deref(),
            "{a} referrer"
        );
        assert_eq!(n(&u["referrals"]), m.referees, "{a} referrals");
        assert_eq!(u["leaderboard_rank"].as_u64(), m.rank, "{a} rank");
        assert_eq!(n(&u["prize"]), m.prize, "{a} prize");
    }
    // The leaderboard the indexer shows is the one the contract kept (and
    // paid): its first 100 ranks are the model's `leaders`, in order.
    let board = pages(api, "/v1/campaign/leaderboard?limit=500").await;
    let with_points = c.users.iter().filter(|u| u.total_points > 0).count();
    assert_eq!(board.len(), with_points, "every participant with points");
    let mut kept: Vec<(u64, &str, u64)> = c
        .users
        .iter()
        .filter_map(|u| Some((u.rank?, u.address.as_str(), u.total_points)))
        .collect();
    kept.sort();
    assert!(!kept.is_empty());
    for (rank, address, total) in kept {
        let row = &board[rank as usize - 1];
        assert_eq!(row["address"].as_str(), Some(address), "rank {rank}");
        assert_eq!(n(&row["total"]), total, "rank {rank} points");
    }
}
