//! `lumen-relayer serve` as a real child process, killed with SIGKILL and
//! restarted while reports are queued and while a transaction is in flight:
//! every report reaches the node exactly once; a commitment's picks and a
//! challenge used up by a refused answer survive the kill, and so does the
//! timed round a challenge reached.

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::*;
use lumen_relayer::attest;
use lumen_relayer::protocol::Committed;
use lumen_relayer::queue::{Job, JobState};
use lumen_sdk::standin::Standin;
use lumen_sdk::Package;

struct Serve {
    child: Child,
    url: String,
}

impl Serve {
    fn start(state: &Path, node: &str) -> Serve {
        Serve::start_rounds(state, node, 1, 60_000)
    }

    /// With `rounds` timed rounds per challenge (one where the deadline,
    /// which grows with `allowance_ms`, is too long to hold a round open).
    fn start_rounds(state: &Path, node: &str, rounds: u32, allowance_ms: u64) -> Serve {
        let mut child = Command::new(env!("CARGO_BIN_EXE_lumen-relayer"))
            .args(["serve", "--listen", "127.0.0.1:0", "--node", node])
            .arg("--state-dir")
            .arg(state)
            .args(["--chain-id", &CHAIN.to_string()])
            .args(["--package", &Package::DEV.to_string()])
            .args(["--allow-cpu", "--poll-ms", "50", "--target-secs", "0.3"])
            .args(["--min-speed", "0.2", "--rounds", &rounds.to_string()])
            .args(["--latency-allowance-ms", &allowance_ms.to_string()])
            .args(["--open-within-ms", "60000"])
            .env("LUMEN_ATTESTER_KEY", hex::encode(key(70).to_bytes()))
            .env("RUST_LOG", "info")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("lumen-relayer serve starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let url = line
            .trim()
            .strip_prefix("listening on ")
            .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
            .to_string();
        Serve { child, url }
    }

    /// SIGKILL: no chance to flush or clean up.
    fn kill(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }

    async fn jobs(&self) -> Vec<Job> {
        let _ = rustls::crypto::ring::default_provider().install_default();
        reqwest::get(format!("{}/v1/jobs", self.url))
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn until(what: &str, mut f: impl AsyncFnMut() -> bool) {
    for _ in 0..300 {
        if f().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("timed out waiting for {what}");
}

#[tokio::test]
async fn killed_and_restarted_serve_submits_each_report_exactly_once() {
    let standin = Standin::start(CHAIN).await.unwrap();
    let state = tempfile::tempdir().unwrap();
    // A node address where nothing listens: reports queue up unsent.
    let dead = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}", l.local_addr().unwrap())
    };

    // 1. Three reports accepted while the node is unreachable, then SIGKILL.
    let serve = Serve::start(state.path(), &dead);
    // The first one through the `attest` command, as an operator runs it.
    let out = Command::new(env!("CARGO_BIN_EXE_lumen-relayer"))
        .args(["attest", "--service", &serve.url, "--vram-mb", "1"])
        .args(["--allow-cpu", "--json"])
        .args(["--worker", &addr(40).to_hex()])
        .env("LUMEN_DEVICE_KEY", hex::encode(key(40).to_bytes()))
        .output()
        .unwrap();
    let v = printed_json(&out);
    assert_eq!(v["submission"]["report"]["worker"], addr(40).to_hex());
    let mut nonces = vec![v["submission"]["report"]["nonce"].as_u64().unwrap()];
    for _ in 0..2 {
        let c = challenge(&serve.url, addr(40)).await;
        let sub = answer(&c, &key(40)).await;
        attest::send_submission(&serve.url, &sub).await.unwrap();
        nonces.push(sub.report.nonce);
    }
    let jobs = serve.jobs().await;
    assert_eq!(jobs.len(), 3);
    assert!(jobs.iter().all(|j| j.state == JobState::Queued));
    serve.kill();
    assert!(standin.submitted().is_empty());

    // 2. Restart against the node, which holds transactions pending; kill
    //    again while the first one is in flight.
    standin.set_auto_commit(false);
    let serve = Serve::start(state.path(), &standin.url());
    until("the first submission", async || {
        standin.submitted().len() == 1
    })
    .await;
    // Give it time to poll the pending transaction at least once.
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        standin.submitted().len(),
        1,
        "one transaction in flight at a time"
    );
    let jobs = serve.jobs().await;
    assert!(matches!(jobs[0].state, JobState::Signed { .. }));
    serve.kill();

    // 3. Restart; the pending transaction commits. The restarted service
    //    finds it by hash instead of sending it again, then sends the rest.
    let serve = Serve::start(state.path(), &standin.url());
    standin.commit_pending();
    standin.set_auto_commit(true);
    until("all jobs done", async || {
        serve
            .jobs()
            .await
            .iter()
            .all(|j| matches!(j.state, JobState::Done { .. }))
    })
    .await;

    let txns = standin.submitted();
    assert_eq!(txns.len(), 3, "each report submitted exactly once");
    let attest_fn = Package::DEV.member("attestation", "attest");
    let mut seen: Vec<u64> = txns
        .iter()
        .map(|t| {
            assert_eq!(t.function_id().unwrap(), attest_fn);
            assert_eq!(t.sender, addr(70));
            assert_eq!(t.outcome, Some(Ok(())));
            u64::from_le_bytes(t.args()[6].clone().try_into().unwrap())
        })
        .collect();
    assert_eq!(
        txns.iter().map(|t| t.sequence_number).collect::<Vec<_>>(),
        vec![0, 1, 2]
    );
    seen.sort();
    assert_eq!(seen, nonces, "the three reports' nonces, once each");
    let jobs = serve.jobs().await;
    for (j, t) in jobs.iter().zip(&txns) {
        match &j.state {
            JobState::Done { hash, .. } => assert_eq!(hash, &t.hash),
            other => panic!("{other:?}"),
        }
    }
    serve.kill();
}

/// A node address where nothing listens.
fn dead_node() -> String {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    format!("http://{}", l.local_addr().unwrap())
}

#[tokio::test]
async fn picks_and_used_challenges_survive_a_kill() {
    let state = tempfile::tempdir().unwrap();
    let dead = dead_node();
    let serve = Serve::start(state.path(), &dead);
    // A commitment and the picks the service drew for it, then SIGKILL.
    let c1 = challenge(&serve.url, addr(41)).await;
    let a1 = answer(&c1, &key(41)).await;
    let picked = attest::commit(&serve.url, &a1.submission).await.unwrap();
    // A refused answer the device signed uses its challenge up.
    let c2 = challenge(&serve.url, addr(42)).await;
    let a2 = answer(&c2, &key(42)).await;
    let reason = tampered(&serve.url, &a2, |o| {
        let s = &mut o.walk[0];
        let i = s.index as usize % s.chunk.len();
        s.chunk[i] ^= 1;
    })
    .await;
    assert_eq!(reason, "wrong_checksum");
    serve.kill();

    let serve = Serve::start(state.path(), &dead);
    // No second commitment, so no second draw of the picks ...
    match attest::commit(&serve.url, &a1.submission).await {
        Err(attest::AttestError::Rejected { reason, .. }) => assert_eq!(reason, "challenge_used"),
        other => panic!("a second commitment after the restart: {other:?}"),
    }
    // ... and the openings of the picks drawn before the kill verify.
    let opening = lumen_relayer::protocol::Opening {
        challenge_id: picked.challenge_id.clone(),
        worker: addr(41),
        earlier: Vec::new(),
        openings: a1.worked.open(&picked.picks).unwrap(),
    };
    attest::send_opening(&serve.url, &opening).await.unwrap();
    // The refused challenge stays used, even with the honest answer.
    assert_eq!(rejection(&serve.url, &a2).await, "challenge_used");
    let jobs = serve.jobs().await;
    assert_eq!(jobs.len(), 1);
    serve.kill();

    // Once more: the accepted report's challenge is used after a kill too.
    let serve = Serve::start(state.path(), &dead);
    assert_eq!(rejection(&serve.url, &a1).await, "challenge_used");
    assert_eq!(serve.jobs().await.len(), 1);
}

#[test]
fn an_older_versions_state_directory_is_refused_by_name() {
    let state = tempfile::tempdir().unwrap();
    std::fs::write(state.path().join("state.json"), b"{}").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_lumen-relayer"))
        .args(["serve", "--listen", "127.0.0.1:0", "--node", &dead_node()])
        .arg("--state-dir")
        .arg(state.path())
        .args(["--chain-id", &CHAIN.to_string()])
        .args(["--package", &Package::DEV.to_string()])
        .env("LUMEN_ATTESTER_KEY", hex::encode(key(70).to_bytes()))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    let file = state.path().join("state.json");
    assert!(err.contains(&file.display().to_string()), "{err}");
    assert!(err.contains("older lumen-relayer"), "{err}");
    assert!(!state.path().join("attester.db").exists());
}

#[tokio::test]
async fn a_challenges_timed_round_survives_a_kill() {
    let state = tempfile::tempdir().unwrap();
    let dead = dead_node();
    let serve = Serve::start_rounds(state.path(), &dead, 2, 10_000);
    let c = challenge(&serve.url, addr(43)).await;
    assert_eq!(c.rounds, 2);
    let first = work(&c).await;
    let s0 = attest::signed_submission(&c, first.clone(), &Package::DEV, &key(43), now());
    // The first round's commitment, answered with the second round's seeds
    // at its start, then SIGKILL.
    let next = match attest::commit_round(&serve.url, &s0.submission).await {
        Ok(Committed::Next(n)) => n,
        other => panic!("expected the second round, got {other:?}"),
    };
    assert_eq!(next.round, 1);
    serve.kill();

    // The restarted service is at the second round, with the seeds it
    // answered and on the same schedule: the second round's commitment is
    // taken, both rounds are opened and the report is accepted.
    let serve = Serve::start_rounds(state.path(), &dead, 2, 10_000);
    let mut round = c.clone();
    round.seed = next.seed.clone();
    round.work.mem_seed = next.mem_seed.clone();
    let second = work(&round).await;
    let mut s1 = attest::signed_submission(&round, second.clone(), &Package::DEV, &key(43), now());
    s1.submission.round = 1;
    let picked = match attest::commit_round(&serve.url, &s1.submission).await {
        Ok(Committed::Picked(p)) => p,
        other => panic!("expected picks after the second round, got {other:?}"),
    };
    assert_eq!(picked.earlier.len(), 1);
    let opening = lumen_relayer::protocol::Opening {
        challenge_id: c.id.clone(),
        worker: addr(43),
        openings: second.open(&picked.picks).unwrap(),
        earlier: vec![first.open(&picked.earlier[0]).unwrap()],
    };
    let accepted = attest::send_opening(&serve.url, &opening).await.unwrap();
    assert!(accepted.score > 0);
    assert_eq!(serve.jobs().await.len(), 1);
    serve.kill();
}
