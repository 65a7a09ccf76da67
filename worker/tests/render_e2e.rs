//! The render loop end to end with real Blender, real PostgreSQL, the
//! indexer, the board and the stand-in chain executing every call like the
//! contract: offer → accept → render → submit → fetch and verify → confirm;
//! a corrupted or substituted frame caught by the creator; a Blender crash
//! retried; an agent killed mid-job resuming; an expired offer moving to the
//! next candidate; a scene's auto-run script never executed; partial
//! acceptances accepted or disputed by the agent within the response window.

mod scenes;
mod world;

use std::time::Duration;

use lumen_cli::creator::OfferPlan;
use lumen_cli::fetch::FetchError;
use lumen_sdk::render::{content_hash, output_root};
use lumen_sdk::{formulas, payloads, JobStatus, Package};
use lumen_worker::state::{JobState, Phase};
use world::*;

fn plan(window: u64) -> OfferPlan {
    OfferPlan {
        price_per_frame: Some(800_000),
        candidates: 3,
        offer_window: window,
        render_secs: 600,
        workers: vec![],
    }
}

fn job_state(agent: &Agent, job: lumen_sdk::AccountAddress) -> Option<JobState> {
    let p = agent
        .state_dir
        .join("jobs")
        .join(job.to_hex())
        .join("state.json");
    serde_json::from_slice(&std::fs::read(p).ok()?).ok()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn offer_accept_render_submit_fetch_and_confirm() {
    let _serial = SERIAL.lock().await;
    let w = World::start(1).await;
    let worker = &w.workers[0];
    let scene = make_scene(
        w.dir.path(),
        "scene.blend",
        &["--frames", "4", "--seed", "3"],
    );
    let agent = Agent::named(&w, worker, "w0", &[]);
    let creator_before = w.payment_balance(w.creator.account);
    let worker_before = w.payment_balance(worker.account);

    let (job, job_id) = w.submit(&scene, 4, plan(60)).await;
    let info = w.submitted(job).await;
    assert_eq!(info.worker, worker.account);
    assert_eq!(info.frames_done, 4);
    let log = agent.log_text();
    assert_eq!(rendered_frames(&log), vec![1, 2, 3, 4], "{log}");

    // The on-chain root is the root of the files the agent rendered.
    let frames_dir = agent
        .state_dir
        .join("jobs")
        .join(job.to_hex())
        .join("frames");
    let on_disk: Vec<_> = (1..=4)
        .map(|f| {
            (
                f,
                content_hash(&std::fs::read(frames_dir.join(format!("frame_{f:07}.png"))).unwrap()),
            )
        })
        .collect();
    assert_eq!(output_root(&on_disk).unwrap().0.to_vec(), info.output_root);

    // The creator fetches and proves the frames, with a contact sheet.
    let out = w.dir.path().join("fetched");
    let fetched = w.creator().fetch(job, &out).await.unwrap();
    assert_eq!(fetched["verified"], true);
    assert_eq!(fetched["frames"], 4);
    for f in 1..=4u64 {
        let bytes = std::fs::read(out.join(format!("frame_{f:04}.png"))).unwrap();
        assert_eq!(content_hash(&bytes), on_disk[(f - 1) as usize].1);
    }
    let sheet = std::fs::read(out.join("contact_sheet.png")).unwrap();
    assert!(sheet.starts_with(b"\x89PNG"));

    // Confirm: the worker is paid its commission of 4 × price, the creator
    // spent exactly the gross (the rest of the deposit came back).
    let c = w.creator();
    c.send(payloads::escrow::confirm(&Package::DEV, job, 4))
        .await
        .unwrap();
    let done = w.info(job).await;
    assert_eq!(done.status, JobStatus::Completed as u8);
    let gross = 4 * 800_000;
    let (worker_share, _fee) =
        formulas::split_payout(gross, lumen_sdk::params::WORKER_COMMISSION_BPS.default);
    assert_eq!(
        w.payment_balance(worker.account) - worker_before,
        worker_share
    );
    assert_eq!(creator_before - w.payment_balance(w.creator.account), gross);
    // The agent notices and closes the job.
    wait_for(
        "the agent to close the job",
        Duration::from_secs(30),
        || async { job_state(&agent, job).filter(|s| matches!(s.phase, Phase::Done { .. })) },
    )
    .await;
    let _ = job_id;
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_corrupted_or_substituted_frame_is_caught_by_the_creator() {
    let _serial = SERIAL.lock().await;
    let w = World::start(1).await;
    let scene = make_scene(
        w.dir.path(),
        "scene.blend",
        &["--frames", "3", "--seed", "5"],
    );
    let agent = Agent::named(&w, &w.workers[0], "w0", &[]);
    let (job, _) = w.submit(&scene, 3, plan(60)).await;
    w.submitted(job).await;
    drop(agent);
    let view = w.board.job(job).await.unwrap();

    // A byte flipped in storage.
    let h2 = view.frames.iter().find(|f| f.frame == 2).unwrap().hash;
    let file = w.blob_dir.join("blobs").join(&h2.hex()[..2]).join(h2.hex());
    let good = std::fs::read(&file).unwrap();
    let mut bad = good.clone();
    bad[good.len() / 2] ^= 0x40;
    std::fs::write(&file, &bad).unwrap();
    let out = w.dir.path().join("fetch1");
    let err = w.creator().fetch(job, &out).await.unwrap_err();
    let fe = err.downcast_ref::<FetchError>().expect("a fetch error");
    assert!(matches!(fe, FetchError::Frame { frame: 2, .. }), "{fe}");
    assert!(err.to_string().contains("frame 2"), "{err}");
    assert!(!out.exists(), "nothing is written when a frame fails");
    std::fs::write(&file, &good).unwrap();

    // A board that lists another (intact) frame's file under frame 2.
    let h3 = view.frames.iter().find(|f| f.frame == 3).unwrap().hash;
    {
        use diesel::prelude::*;
        let mut c = w.board_pool.get().unwrap();
        diesel::sql_query("UPDATE frames SET hash = $1 WHERE frame = 2")
            .bind::<diesel::sql_types::Text, _>(h3.to_string())
            .execute(&mut c)
            .unwrap();
    }
    let err = w
        .creator()
        .fetch(job, &w.dir.path().join("fetch2"))
        .await
        .unwrap_err();
    assert!(
        matches!(
            err.downcast_ref::<FetchError>(),
            Some(FetchError::RootMismatch { .. })
        ),
        "{err}"
    );
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_blender_crash_on_one_frame_is_retried() {
    let _serial = SERIAL.lock().await;
    let w = World::start(1).await;
    // Real Blender, killed with SIGSEGV the first time it starts frame 2 (the
    // marker lives in the job's frame directory, which persists across runs).
    let wrapper = crashing_blender(
        &w.dir.path().join("crash-once-blender"),
        " && ! -e /job/out/.crashed",
        "touch /job/out/.crashed; ",
    );
    let scene = make_scene(w.dir.path(), "scene.blend", &["--frames", "3"]);
    let agent = Agent::named(
        &w,
        &w.workers[0],
        "w0",
        &["--blender", wrapper.to_str().unwrap()],
    );
    let (job, _) = w.submit(&scene, 3, plan(60)).await;
    let info = w.submitted(job).await;
    assert_eq!(info.frames_done, 3);
    let log = agent.log_text();
    assert!(
        log.contains("Blender died on a frame; retrying it"),
        "{log}"
    );
    assert_eq!(
        rendered_frames(&log),
        vec![1, 2, 3],
        "frame 2 rendered once it did not crash:\n{log}"
    );
    let s = job_state(&agent, job).unwrap();
    assert_eq!(s.crashes.get(&2), Some(&1));
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_agent_killed_mid_job_resumes_without_rendering_finished_frames() {
    let _serial = SERIAL.lock().await;
    let w = World::start(1).await;
    let worker = &w.workers[0];
    let frames = 8;
    let scene = make_scene(w.dir.path(), "scene.blend", &["--frames", "8"]);
    let state = w.dir.path().join("w0");
    let mut first = Agent::start(&w, worker, &state, &w.dir.path().join("run1.log"), &[]);
    // Frames slow enough (about a second each here) to stop the agent between them.
    let (job, _) = w.submit_sized(&scene, frames, (96, 96), 24, plan(60)).await;
    let done_before = wait_for("two frames", Duration::from_secs(120), || async {
        job_state(&first, job)
            .filter(|s| s.frames.len() >= 2)
            .map(|s| s.frames)
    })
    .await;
    first.kill();
    // Blender goes with it (bubblewrap's --die-with-parent), within moments.
    let frames_dir = state.join("jobs").join(job.to_hex()).join("frames");
    let pattern = frames_dir.display().to_string();
    wait_for(
        "Blender to die with the agent",
        Duration::from_secs(5),
        || async {
            let o = std::process::Command::new("pgrep")
                .args(["-f", &pattern])
                .output()
                .ok()?;
            o.stdout.is_empty().then_some(())
        },
    )
    .await;
    let kept = job_state(&first, job).unwrap().frames;
    assert!(kept.len() >= done_before.len());
    assert!(
        (kept.len() as u64) < frames,
        "the agent finished before it was killed"
    );
    let mtimes: Vec<_> = kept
        .keys()
        .map(|f| {
            std::fs::metadata(frames_dir.join(format!("frame_{f:07}.png")))
                .unwrap()
                .modified()
                .unwrap()
        })
        .collect();

    let second = Agent::start(&w, worker, &state, &w.dir.path().join("run2.log"), &[]);
    let info = w
        .wait_status(job, JobStatus::Submitted, Duration::from_secs(180))
        .await;
    assert_eq!(info.frames_done, frames);
    let log2 = second.log_text();
    assert!(
        log2.contains("resuming: frames already rendered are kept"),
        "{log2}"
    );
    let again = rendered_frames(&log2);
    for f in kept.keys() {
        assert!(
            !again.contains(f),
            "frame {f} was rendered again after the restart:\n{log2}"
        );
    }
    assert_eq!(again.len() as u64 + kept.len() as u64, frames, "{log2}");
    for (f, t) in kept.keys().zip(mtimes) {
        let now = std::fs::metadata(frames_dir.join(format!("frame_{f:07}.png")))
            .unwrap()
            .modified()
            .unwrap();
        assert_eq!(now, t, "frame {f}'s file was rewritten");
    }
    // Every frame is on the board and proves against the root.
    w.fetch(job).await;
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_offer_moves_to_the_next_candidate() {
    let _serial = SERIAL.lock().await;
    let w = World::start(2).await;
    let scene = make_scene(w.dir.path(), "scene.blend", &["--frames", "2"]);
    // Both workers rank; only the second is online.
    let (job, job_id) = w.submit(&scene, 2, plan(4)).await;
    let view = w.board.job(job).await.unwrap();
    assert_eq!(view.offers.len(), 2);
    let first = view.offers[0].offer.worker;
    let online = w.workers.iter().find(|x| x.account != first).unwrap();
    let _agent = Agent::named(&w, online, "w", &[]);
    let info = w.submitted(job).await;
    assert_eq!(info.worker, online.account);
    let view = w.board.job(job).await.unwrap();
    let states: Vec<_> = view.offers.iter().map(|o| o.state).collect();
    use lumen_board::proto::OfferState::*;
    assert_eq!(states, vec![Expired, Accepted], "{view:?}");
    let _ = job_id;
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_scene_with_an_auto_run_script_renders_without_running_it() {
    let _serial = SERIAL.lock().await;
    let w = World::start(1).await;
    let marker = w.dir.path().join("PWNED");
    let scene = autorun_scene(w.dir.path(), "evil.blend", 2, &marker);
    let agent = Agent::named(&w, &w.workers[0], "w0", &[]);
    let (job, _) = w.submit(&scene, 2, plan(60)).await;
    w.submitted(job).await;
    assert!(
        !marker.exists(),
        "the scene's script ran on the worker's machine"
    );
    let frames_dir = agent
        .state_dir
        .join("jobs")
        .join(job.to_hex())
        .join("frames");
    assert!(
        !frames_dir.join("AUTORUN").exists(),
        "the scene's script ran in the sandbox"
    );
    w.fetch(job).await;
    w.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn partial_acceptances_are_answered_within_the_response_window() {
    let _serial = SERIAL.lock().await;
    let w = World::start(1).await;
    let worker = &w.workers[0];
    let scene = make_scene(w.dir.path(), "scene.blend", &["--frames", "2"]);
    // This operator accepts a partial acceptance paying at least half.
    let agent = Agent::named(&w, worker, "w0", &["--dispute-partial-below-bps", "5000"]);
    let c = w.creator();
    let p = Package::DEV;

    // One of two frames accepted: half, so the agent accepts it.
    let worker_before = w.payment_balance(worker.account);
    let creator_before = w.payment_balance(w.creator.account);
    let (job, _) = w.submit(&scene, 2, plan(60)).await;
    w.submitted(job).await;
    c.send(payloads::escrow::confirm(&p, job, 1)).await.unwrap();
    let partial = w.info(job).await;
    assert_eq!(partial.status, JobStatus::PartiallyAccepted as u8);
    assert!(partial.response_deadline > unix_now());
    let done = w
        .wait_status(job, JobStatus::Completed, Duration::from_secs(60))
        .await;
    let (worker_share, _) =
        formulas::split_payout(800_000, lumen_sdk::params::WORKER_COMMISSION_BPS.default);
    assert_eq!(done.paid_to_worker, worker_share);
    assert_eq!(
        w.payment_balance(worker.account) - worker_before,
        worker_share
    );
    assert_eq!(
        creator_before - w.payment_balance(w.creator.account),
        800_000
    );
    agent
        .wait_log("partial acceptance accepted", Duration::from_secs(30))
        .await;

    // None of two accepted: below half, so the agent disputes; a dispute the
    // worker opened pays the creator's position (0 frames) at its timeout.
    let (job, _) = w.submit(&scene, 2, plan(60)).await;
    w.submitted(job).await;
    c.send(payloads::escrow::confirm(&p, job, 0)).await.unwrap();
    let disputed = w
        .wait_status(job, JobStatus::Disputed, Duration::from_secs(60))
        .await;
    assert_eq!(disputed.disputed_by, worker.account);
    assert_eq!(disputed.timeout_frames, 0);
    agent
        .wait_log("partial acceptance disputed", Duration::from_secs(30))
        .await;
    w.stop().await;
}
