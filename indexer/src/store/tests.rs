use super::*;
use crate::pg_cluster::TestDb;
use crate::rows::*;
use crate::testgen::*;
use lumen_sdk::events::{
    ClaimableCredited, ClaimableWithdrawn, DeviceKeyRegistered, DeviceReleased, DisputeResolved,
    JobDisputed, LeaseRecorded, LumenEvent, OnlinePointsEarned, PartiallyAccepted,
    ReferralPointsEarned, ReferralRegistered, Slashed, StakeLocked, StakeUnlocked,
    UnstakeRequested, UptimeVoted, Withdrawn,
};
use lumen_sdk::Package;

fn setup() -> (TestDb, PgConnection) {
    let db = TestDb::new().expect("test database");
    let mut conn = PgConnection::establish(db.url()).unwrap();
    migrate(&mut conn).unwrap();
    checkpoint::init(&mut conn, &Package::DEV, 0).unwrap();
    (db, conn)
}

fn count(conn: &mut PgConnection, table: &str) -> i64 {
    #[derive(QueryableByName)]
    struct C {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    diesel::sql_query(format!("SELECT count(*) AS n FROM {table}"))
        .get_result::<C>(conn)
        .unwrap()
        .n
}

fn worker(conn: &mut PgConnection, n: u64) -> WorkerRow {
    workers::table
        .find(addr(n).to_hex())
        .select(WorkerRow::as_select())
        .first(conn)
        .unwrap()
}

fn scenario() -> Chain {
    let mut c = Chain::new();
    c.push(vec![
        config_initialized(),
        param(lumen_sdk::params::STAKE_FACTOR, 2),
    ]);
    let ev = onboard(&c, 1, 2_000_000, 8192, 3, 1_000);
    c.push(ev);
    let ev = job_created(&c, 1, 0xc1, 10, 1_000_000, 4096);
    c.push(vec![ev]);
    c.filler(3);
    c.advance(60);
    let ev = job_assigned(&c, 1, 0xc1, 1, 50, 10);
    c.push(vec![ev]);
    c.advance(600);
    c.push(vec![job_completed(1, 0xc1, 1, 10, 50)]);
    c.push(vec![
        uptime(19675, 1, 40_000, 2_000_000),
        LumenEvent::UnstakeRequested(UnstakeRequested {
            worker: addr(1),
            amount: 200,
            total_stake: 800,
            unbonding: 200,
            available_at: c.now + 100,
        }),
    ]);
    c.push(vec![
        LumenEvent::Slashed(Slashed {
            worker: addr(1),
            amount: 80,
            total_stake: 720,
            job: addr(0x10_001),
        }),
        LumenEvent::Withdrawn(Withdrawn {
            worker: addr(1),
            amount: 200,
        }),
    ]);
    run_campaign(&mut c);
    c.push(vec![vip(1, 1, c.now), vip(0xc1, 0, c.now)]);
    // Campaign online points the chain recorded for a referred worker, with
    // its referrer's share (in different pieces when split).
    c.push(vec![LumenEvent::ReferralRegistered(ReferralRegistered {
        referee: addr(2),
        referrer: addr(0xd1),
        registered_at: c.now,
    })]);
    c.push(vec![
        uptime(19_676, 2, 30_000, 1_000_000),
        LumenEvent::OnlinePointsEarned(OnlinePointsEarned {
            worker: addr(2),
            epoch: 19_676,
            idle_secs: 30_000,
            score: 1_000_000,
            points: 347_222,
            total_points: 347_222,
        }),
        LumenEvent::ReferralPointsEarned(ReferralPointsEarned {
            referrer: addr(0xd1),
            referee: addr(2),
            source: 3,
            base_points: 347_222,
            points: 34_722,
            total_points: 1_134_722,
        }),
    ]);
    c.push(vec![LumenEvent::LeaseRecorded(LeaseRecorded {
        epoch: 19_676,
        worker: addr(2),
        lease_secs: 3_000,
        score: 1_000_000,
        weight: 3_000_000_000,
    })]);
    // Device key, liveness votes, and a later vote that changes nothing but
    // re-emits the worker's report (it replaces, not adds), then the worker
    // releases its device.
    c.push(vec![LumenEvent::DeviceKeyRegistered(DeviceKeyRegistered {
        worker: addr(1),
        device_public_key: vec![0xd1; 32],
        previous_key: vec![],
    })]);
    let vote = |attester: u64, approvals: u64| {
        LumenEvent::UptimeVoted(UptimeVoted {
            epoch: 19675,
            worker: addr(1),
            attester: addr(attester),
            online_secs: 40_000,
            approvals,
            threshold: 2,
        })
    };
    c.push(vec![vote(0xa2, 2), uptime(19675, 1, 40_000, 2_000_000)]);
    c.push(vec![vote(0xa3, 3), uptime(19675, 1, 40_000, 2_000_000)]);
    c.advance(60);
    c.push(vec![LumenEvent::DeviceReleased(DeviceReleased {
        device_id: 1u64.to_be_bytes().to_vec(),
        worker: addr(1),
        by: addr(1),
        kind: 1,
    })]);
    escrow_review(&mut c);
    c
}

/// Job 2: assigned with its collateral locked, 3 of 5 frames accepted, the
/// worker disputes, an arbiter pays 4, the creator's store was frozen so its
/// refund is held as a claimable balance, then withdrawn.
fn escrow_review(c: &mut Chain) {
    let ev = job_created(c, 2, 0xc2, 5, 0, 0);
    c.push(vec![ev]);
    let (job, now) = (addr(0x10_002), c.now);
    let assigned = job_assigned(c, 2, 0xc2, 1, 50, 5);
    c.push(vec![
        LumenEvent::StakeLocked(StakeLocked {
            worker: addr(1),
            job,
            amount: 250,
            locked: 250,
        }),
        assigned,
    ]);
    c.push(vec![LumenEvent::PartiallyAccepted(PartiallyAccepted {
        job,
        job_id: 2,
        creator: addr(0xc2),
        worker: addr(1),
        frames_done: 5,
        frames_accepted: 3,
        response_deadline: now + 259_200,
    })]);
    c.push(vec![LumenEvent::JobDisputed(JobDisputed {
        job,
        job_id: 2,
        by: addr(1),
        reason_hash: vec![7; 4],
        creator: addr(0xc2),
        worker: addr(1),
        frames_done: 5,
        timeout_frames: 3,
        timeout_at: now + 1_209_600,
    })]);
    c.push(vec![
        LumenEvent::ClaimableCredited(ClaimableCredited {
            owner: addr(0xc2),
            job,
            amount: 50,
            total: 50,
        }),
        LumenEvent::StakeUnlocked(StakeUnlocked {
            worker: addr(1),
            job,
            amount: 250,
            locked: 0,
        }),
        LumenEvent::DisputeResolved(DisputeResolved {
            job,
            job_id: 2,
            arbiter: addr(0xa4),
            creator: addr(0xc2),
            worker: addr(1),
            frames_paid: 4,
            gross: 200,
            worker_amount: 160,
            fee: 40,
            refund: 50,
            lease_secs: 600,
        }),
    ]);
    c.push(vec![LumenEvent::ClaimableWithdrawn(ClaimableWithdrawn {
        owner: addr(0xc2),
        amount: 50,
    })]);
}

/// Every projection table as JSON, rows in key order.
fn dump_all(conn: &mut PgConnection) -> Vec<String> {
    #[derive(QueryableByName)]
    struct J {
        #[diesel(sql_type = diesel::sql_types::Text)]
        j: String,
    }
    [
        ("jobs", "job_id"),
        ("workers", "address"),
        ("creators", "address"),
        ("creator_months", "creator, month"),
        ("attestations", "version, event_index"),
        ("epochs", "epoch"),
        ("worker_epochs", "worker, epoch"),
        ("vip_passes", "holder, role"),
        ("params", "name"),
        ("campaign_users", "address"),
        ("campaign", "id"),
        ("device_events", "version, event_index"),
        ("uptime_votes", "epoch, worker, attester"),
        ("claimables", "owner"),
        ("chain_config", "id"),
        ("events", "version, event_index"),
    ]
    .iter()
    .map(|(t, order)| {
        diesel::sql_query(format!(
            "SELECT COALESCE(json_agg(x ORDER BY {order}), '[]')::text AS j FROM {t} x"
        ))
        .get_result::<J>(conn)
        .unwrap()
        .j
    })
    .collect()
}

#[test]
fn applies_projections_and_reapply_is_a_noop() {
    let (_db, mut conn) = setup();
    let c = scenario();
    let all = c.batch(0, c.next_version());
    let n_events = all.events.len() as u64;
    assert_eq!(
        apply_batch(&mut conn, &all).unwrap(),
        Applied::Written { events: n_events }
    );

    let w = worker(&mut conn, 1);
    assert_eq!(
        (w.score, w.vram_mb, w.price_per_ib_hour),
        (2_000_000, 8192, 3)
    );
    assert_eq!(
        (w.stake, w.unbonding, w.slashed_total, w.withdrawn_total),
        (720, 0, 80, 200)
    );
    assert_eq!(
        (w.frames_completed, w.jobs_completed, w.lease_secs),
        (14, 2, 1_200)
    );
    assert_eq!(w.locked, 0);
    let job: JobRow = jobs::table
        .find(1i64)
        .select(JobRow::as_select())
        .first(&mut conn)
        .unwrap();
    assert_eq!(job.status, crate::project::status::COMPLETED);
    assert_eq!((job.gross, job.refund, job.frames_paid), (500, 500, 10));
    let cr: CreatorRow = creators::table
        .find(addr(0xc1).to_hex())
        .select(CreatorRow::as_select())
        .first(&mut conn)
        .unwrap();
    assert_eq!(
        (cr.jobs_created, cr.spent_total, cr.frames_succeeded),
        (1, 500, 10)
    );
    let cp = checkpoint::load(&mut conn).unwrap().unwrap();
    assert_eq!(cp.next_version, c.next_version());
    assert_eq!(cp.events_total, n_events);

    // The same batch again, and an overlapping one: nothing doubles.
    assert_eq!(
        apply_batch(&mut conn, &all).unwrap(),
        Applied::AlreadyApplied
    );
    let overlap = c.batch(4, c.next_version());
    assert_eq!(
        apply_batch(&mut conn, &overlap).unwrap(),
        Applied::AlreadyApplied
    );
    let w2 = worker(&mut conn, 1);
    assert_eq!(
        (w2.frames_completed, w2.jobs_completed, w2.stake),
        (14, 2, 720)
    );
    // The device key; the released device's score ended at the release.
    assert_eq!(w2.device_public_key, Some(format!("0x{}", "d1".repeat(32))));
    assert_eq!((w2.device_id, w2.score_expires_at), (None, c.now as i64));
    assert_eq!(count(&mut conn, "device_events"), 2);
    assert_eq!(count(&mut conn, "uptime_votes"), 2);
    // Re-emitted reports replace the worker's online time in the epoch total.
    let reported: i64 = crate::schema::epochs::table
        .find(19675i64)
        .select(crate::schema::epochs::reported_online_secs)
        .first(&mut conn)
        .unwrap();
    assert_eq!(reported, 40_000);
    assert_eq!(count(&mut conn, "events"), n_events as i64);
    assert_eq!(count(&mut conn, "attestations"), 1);
    assert_eq!(count(&mut conn, "creator_months"), 2);
    // The chain's online points and its referrer's share; credits spent (none).
    use crate::schema::campaign_users as cu;
    let points: Vec<(String, i64, i64, i64, i64)> = cu::table
        .select((
            cu::address,
            cu::online_points,
            cu::referral_points,
            cu::total_points,
            cu::credits_spent,
        ))
        .order(cu::address)
        .load(&mut conn)
        .unwrap();
    assert_eq!(
        points,
        [
            (addr(2).to_hex(), 347_222, 0, 347_222, 0),
            (addr(0xd1).to_hex(), 0, 134_722, 1_134_722, 0),
            (addr(0xd2).to_hex(), 0, 0, 1_000_000, 0),
            (addr(0xd3).to_hex(), 0, 0, 11_000_000, 0),
        ]
    );
}

#[test]
fn how_each_offer_was_authorised_is_projected() {
    let (_db, mut conn) = setup();
    let mut c = Chain::new();
    c.onboard_worker(1, 2_000_000, 8192, 200_000);
    let kinds = [
        lumen_sdk::OfferKind::Signed,
        lumen_sdk::OfferKind::WalletEnvelope,
        lumen_sdk::OfferKind::OnChain,
    ];
    for kind in kinds {
        let job = c.create_job(0xc1, 4, 2_000, 0, 0);
        c.assign_by(kind, job, 1, 1_500);
    }
    apply_batch(&mut conn, &c.batch(0, c.next_version())).unwrap();
    let rows: Vec<JobRow> = jobs::table
        .order(jobs::job_id)
        .select(JobRow::as_select())
        .load(&mut conn)
        .unwrap();
    let names: Vec<_> = rows
        .iter()
        .map(|j| j.terms.as_ref().unwrap()["offer_kind"].clone())
        .collect();
    assert_eq!(names, ["signed", "wallet_envelope", "on_chain"]);
    assert!(rows
        .iter()
        .all(|j| j.status == crate::project::status::ASSIGNED));
    // The published offer is in the job's history.
    let published: i64 = crate::schema::events::table
        .filter(crate::schema::events::event_type.like("%OfferPublished"))
        .filter(crate::schema::events::job_id.eq(2i64))
        .count()
        .get_result(&mut conn)
        .unwrap();
    assert_eq!(published, 1);
}

#[test]
fn terms_review_locked_stake_and_claimables_are_projected() {
    let (_db, mut conn) = setup();
    let mut c = Chain::new();
    escrow_review(&mut c);
    let upto_dispute = c.next_version() - 2;
    apply_batch(&mut conn, &c.batch(0, upto_dispute)).unwrap();
    let job = |conn: &mut PgConnection| -> JobRow {
        jobs::table
            .find(2i64)
            .select(JobRow::as_select())
            .first(conn)
            .unwrap()
    };
    let j = job(&mut conn);
    assert_eq!(j.status, crate::project::status::DISPUTED);
    let terms = j.terms.unwrap();
    assert_eq!(terms["collateral"], 250);
    assert_eq!(terms["worker_commission_bps"], 8_000);
    let review = j.review.unwrap();
    assert_eq!(review["frames_accepted"], 3);
    assert_eq!(review["disputed_by"], addr(1).to_hex());
    assert_eq!(review["timeout_frames"], 3);
    assert_eq!(worker(&mut conn, 1).locked, 250);

    apply_batch(&mut conn, &c.batch(upto_dispute, c.next_version() - 1)).unwrap();
    assert_eq!(job(&mut conn).status, crate::project::status::RESOLVED);
    assert_eq!(worker(&mut conn, 1).locked, 0);
    let held = |conn: &mut PgConnection| -> (i64, i64, i64) {
        let c: ClaimableRow = claimables::table
            .find(addr(0xc2).to_hex())
            .select(ClaimableRow::as_select())
            .first(conn)
            .unwrap();
        (c.balance, c.credited_total, c.withdrawn_total)
    };
    assert_eq!(held(&mut conn), (50, 50, 0));

    apply_batch(&mut conn, &c.batch(c.next_version() - 1, c.next_version())).unwrap();
    assert_eq!(held(&mut conn), (0, 50, 50));
}

#[test]
fn batches_in_pieces_equal_one_batch() {
    let (_db, mut conn) = setup();
    let (_db2, mut conn2) = setup();
    let c = scenario();
    apply_batch(&mut conn, &c.batch(0, c.next_version())).unwrap();
    let mut v = 0;
    while v < c.next_version() {
        let to = (v + 2).min(c.next_version());
        // Each piece applied twice: the second time is a no-op.
        apply_batch(&mut conn2, &c.batch(v, to)).unwrap();
        assert_eq!(
            apply_batch(&mut conn2, &c.batch(v, to)).unwrap(),
            Applied::AlreadyApplied
        );
        v = to;
    }
    let one = dump_all(&mut conn);
    assert_eq!(one, dump_all(&mut conn2));
    assert!(
        one.iter().all(|t| t != "[]"),
        "every table has rows: {one:?}"
    );
}

/// Job 1, then a batch from `first` whose raw events insert fine but whose
/// job projection violates a constraint (job 2 claims job 1's object
/// address). Returns that chain, `first`, and the transactions of the chain
/// as it really is (job 2 at its own address).
fn conflicting_chain() -> (Chain, u64, Vec<serde_json::Value>) {
    let mut c = Chain::new();
    let ev = job_created(&c, 1, 0xc1, 10, 0, 0);
    c.push(vec![ev]);
    let first = c.next_version();
    let ev = onboard(&c, 5, 1_000_000, 4096, 1, 100);
    c.push(ev);
    let mut real = c.txns.clone();
    let good = job_created(&c, 2, 0xc1, 5, 0, 0);
    let mut bad = good.clone();
    if let LumenEvent::JobCreated(j) = &mut bad {
        j.job = addr(0x10_001);
    }
    let v = c.push(vec![bad]);
    real.push(raw_txn(
        v,
        c.now * 1_000_000,
        true,
        vec![(good.type_string(&c.pkg), good.to_json())],
    ));
    (c, first, real)
}

#[test]
fn failure_mid_batch_rolls_back_and_rerun_resumes() {
    let (_db, mut conn) = setup();
    let (mut c, first, real) = conflicting_chain();
    apply_batch(&mut conn, &c.batch(0, first)).unwrap();
    let events_before = count(&mut conn, "events");

    // The raw events are already written inside the transaction when the
    // projection fails: all of it rolls back.
    let err = apply_batch(&mut conn, &c.batch(first, c.next_version())).unwrap_err();
    assert!(err.to_string().contains("jobs_address_key"), "{err}");
    assert_eq!(count(&mut conn, "events"), events_before);
    assert_eq!(count(&mut conn, "workers"), 0);
    assert_eq!(
        checkpoint::load(&mut conn).unwrap().unwrap().next_version,
        first
    );

    // The rerun with the chain as it really is resumes from the checkpoint.
    c.txns = real;
    assert!(matches!(
        apply_batch(&mut conn, &c.batch(first, c.next_version())).unwrap(),
        Applied::Written { events: 4 }
    ));
    assert_eq!(count(&mut conn, "jobs"), 2);
    assert_eq!(worker(&mut conn, 5).stake, 100);
}

#[test]
fn split_writes_equal_one_connection() {
    let (_db, mut conn) = setup();
    let (db2, mut conn2) = setup();
    let mut raw2 = PgConnection::establish(db2.url()).unwrap();
    let c = scenario();
    apply_batch(&mut conn, &c.batch(0, c.next_version())).unwrap();
    let mut v = 0;
    while v < c.next_version() {
        let to = (v + 3).min(c.next_version());
        apply_batch_split(&mut conn2, &mut raw2, &c.batch(v, to)).unwrap();
        assert_eq!(
            apply_batch_split(&mut conn2, &mut raw2, &c.batch(v, to)).unwrap(),
            Applied::AlreadyApplied
        );
        v = to;
    }
    assert_eq!(dump_all(&mut conn), dump_all(&mut conn2));
    let (a, b) = (
        checkpoint::load(&mut conn).unwrap().unwrap(),
        checkpoint::load(&mut conn2).unwrap().unwrap(),
    );
    assert_eq!(
        (a.next_version, a.events_total),
        (b.next_version, b.events_total)
    );
}

/// How money-relevant rows stay right when the two commits of a split write
/// are torn apart: the raw events committed, the projections failed.
#[test]
fn a_torn_split_write_leaves_orphans_that_the_rerun_removes() {
    let (db, mut conn) = setup();
    let mut raw = PgConnection::establish(db.url()).unwrap();
    let (mut c, first, real) = conflicting_chain();
    apply_batch_split(&mut conn, &mut raw, &c.batch(0, first)).unwrap();
    let events_before = count(&mut conn, "events");

    // The projections fail after the raw events of the batch committed on
    // the other connection.
    let err =
        apply_batch_split(&mut conn, &mut raw, &c.batch(first, c.next_version())).unwrap_err();
    assert!(err.to_string().contains("jobs_address_key"), "{err}");
    // The checkpoint and the projections did not move; the raw events past
    // the checkpoint are orphans, which the API never shows.
    assert_eq!(
        checkpoint::load(&mut conn).unwrap().unwrap().next_version,
        first
    );
    assert_eq!(count(&mut conn, "workers"), 0);
    let orphans = count(&mut conn, "events") - events_before;
    assert_eq!(orphans, 4);

    // A rerun of the same range removes them before copying (no duplicate
    // key), and the start of a process removes them too.
    c.txns = real;
    let pool = pool(db.url(), 2).unwrap();
    let mut writer = crate::writer::Writer::acquire(&pool, |_| ()).unwrap();
    assert_eq!(remove_orphans(&mut writer).unwrap(), 4);
    assert_eq!(count(&mut conn, "events"), events_before);
    assert_eq!(remove_orphans(&mut writer).unwrap(), 0);
    drop(writer);
    // Orphans again (a second torn write), then the rerun without a restart.
    let _ = apply_batch_split(&mut conn, &mut raw, &{
        let mut torn = c.batch(first, c.next_version());
        if let Some(LumenEvent::JobCreated(j)) = torn.events.last_mut().map(|d| &mut d.event) {
            j.job = addr(0x10_001);
        }
        torn
    })
    .unwrap_err();
    assert_eq!(count(&mut conn, "events"), events_before + 4);
    assert!(matches!(
        apply_batch_split(&mut conn, &mut raw, &c.batch(first, c.next_version())).unwrap(),
        Applied::Written { events: 4 }
    ));
    assert_eq!(count(&mut conn, "events"), events_before + 4);
    assert_eq!(count(&mut conn, "jobs"), 2);
    assert_eq!(worker(&mut conn, 5).stake, 100);
    assert_eq!(
        checkpoint::load(&mut conn).unwrap().unwrap().events_total,
        events_before as u64 + 4
    );
}

#[test]
fn package_and_chain_are_pinned() {
    let (_db, mut conn) = setup();
    let other: Package = "0xbeef".parse().unwrap();
    let err = checkpoint::init(&mut conn, &other, 0).unwrap_err();
    assert!(matches!(err, StoreError::PackageMismatch { .. }), "{err}");
    checkpoint::set_chain_id(&mut conn, 4).unwrap();
    checkpoint::set_chain_id(&mut conn, 4).unwrap();
    let err = checkpoint::set_chain_id(&mut conn, 1).unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::ChainMismatch {
                database: 4,
                node: 1
            }
        ),
        "{err}"
    );
}

#[test]
fn passwords_stay_out_of_messages() {
    assert_eq!(
        redact("postgres://u:secret@h:5/db"),
        "postgres://u:***@h:5/db"
    );
    assert_eq!(redact("postgres://u@h/db"), "postgres://u@h/db");
    assert_eq!(redact("postgres://h/db"), "postgres://h/db");
}

/// Queued parameter changes, VIP expiry and bans, and uptime that takes
/// effect from several votes land in their rows.
#[test]
fn queues_expiries_bans_and_uptime_votes() {
    use lumen_sdk::events::*;
    let (_db, mut conn) = setup();
    let mut c = Chain::new();
    let due = c.now + 86_400;
    let queued = |name: &str, value: u64| {
        LumenEvent::ParamChangeQueued(ParamChangeQueued {
            name: name.into(),
            old_value: 1_000,
            new_value: value,
            effective_at: due,
        })
    };
    c.push(vec![
        param(lumen_sdk::params::SLASH_BPS, 1_000),
        param(lumen_sdk::params::STAKE_FACTOR, 2),
    ]);
    c.push(vec![queued("slash_bps", 500), queued("stake_factor", 3)]);
    c.push(vec![
        LumenEvent::ParamChangeCancelled(ParamChangeCancelled {
            name: "stake_factor".into(),
            value: 3,
        }),
        vip(1, 1, c.now),
        vip(2, 1, c.now),
    ]);
    let pass = |holder: u64| addr(0x7000 + holder * 2 + 1);
    c.push(vec![
        LumenEvent::VipExpired(VipExpired {
            holder: addr(1),
            role: 1,
            token: pass(1),
            by: addr(0x5ee),
        }),
        LumenEvent::VipRevoked(VipRevoked {
            holder: addr(2),
            role: 1,
            token: pass(2),
            by: addr(0xad),
        }),
    ]);
    let voted = |attester: u64, approvals: u64| {
        LumenEvent::UptimeVoted(UptimeVoted {
            epoch: 9,
            worker: addr(3),
            attester: addr(attester),
            online_secs: 40_000,
            approvals,
            threshold: 2,
        })
    };
    c.push(vec![voted(0xa1, 1)]);
    c.push(vec![
        voted(0xa2, 2),
        LumenEvent::UptimeReported(UptimeReported {
            epoch: 9,
            worker: addr(3),
            attester: addr(0xa2),
            online_secs: 40_000,
            score: 1_000_000,
            weight: 0,
        }),
    ]);
    apply_batch(&mut conn, &c.batch(0, c.next_version())).unwrap();
    let p: Vec<(String, i64, Option<i64>)> = params::table
        .select((params::name, params::value, params::pending_value))
        .order(params::name)
        .load(&mut conn)
        .unwrap();
    assert_eq!(
        p,
        [
            ("slash_bps".to_string(), 1_000, Some(500)),
            ("stake_factor".to_string(), 2, None)
        ]
    );
    let passes: Vec<(String, bool, bool, bool)> = vip_passes::table
        .select((
            vip_passes::holder,
            vip_passes::revoked,
            vip_passes::expired,
            vip_passes::banned,
        ))
        .order(vip_passes::holder)
        .load(&mut conn)
        .unwrap();
    assert_eq!(
        passes,
        [
            (addr(1).to_hex(), true, true, false),
            (addr(2).to_hex(), true, false, true)
        ]
    );
    // A worker without stake: its uptime took effect with no PoC weight.
    let we: (i64, String) = worker_epochs::table
        .select((worker_epochs::online_secs, worker_epochs::poc_weight))
        .first(&mut conn)
        .unwrap();
    assert_eq!(we, (40_000, "0".to_string()));
    assert_eq!(count(&mut conn, "uptime_votes"), 2);
    // The admin lifts the ban.
    let mut c2 = c;
    let from = c2.next_version();
    c2.push(vec![LumenEvent::VipBanLifted(VipBanLifted {
        holder: addr(2),
        role: 1,
        by: addr(0xad),
    })]);
    apply_batch(&mut conn, &c2.batch(from, c2.next_version())).unwrap();
    let banned: bool = vip_passes::table
        .filter(vip_passes::holder.eq(addr(2).to_hex()))
        .select(vip_passes::banned)
        .first(&mut conn)
        .unwrap();
    assert!(!banned);
}
