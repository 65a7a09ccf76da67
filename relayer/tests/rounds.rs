//! `lumen-relayer attest` with several devices, run as an operator runs it
//! against a service over real HTTP: once a device was attested from the
//! machine's address, the service takes that machine's devices only in one
//! round, and the command asks for it, runs each device's work on a thread
//! of its own, sends each commitment and its openings and reports each
//! device's outcome.
//!
//! Lavapipe exposes one Vulkan device (index 0), and all lavapipe devices
//! share one `device_id`, so the round's two devices are the same device
//! index twice under small claims: both answer their challenges
//! concurrently, and the device, bound to the first worker, is refused to
//! the second (`device_bound`), which the command reports with a failing
//! exit code. A machine with two GPUs has two device ids, and both are
//! attested.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::*;

/// `lumen-relayer attest` against `url` with `args` (split at spaces), with
/// none of the `LUMEN_*` settings of the environment.
fn attest(url: &str, args: &str) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_lumen-relayer"));
    for var in [
        "LUMEN_ATTESTER_URL",
        "LUMEN_PACKAGE",
        "LUMEN_BENCH_DEVICE",
        "LUMEN_WORKER_ADDRESS",
        "LUMEN_DEVICE_KEY_FILE",
        "LUMEN_DEVICE_KEY",
    ] {
        cmd.env_remove(var);
    }
    cmd.args(["attest", "--service", url, "--allow-cpu"])
        .args([
            "--vram-mb",
            &VRAM_MB.to_string(),
            "--claim",
            &CLAIM.to_string(),
        ])
        .args(args.split_whitespace())
        .output()
        .unwrap()
}

/// [`attest`] on a blocking thread, while the service in this process
/// answers it.
async fn run(url: &str, args: String) -> Output {
    let url = url.to_string();
    tokio::task::spawn_blocking(move || attest(&url, &args))
        .await
        .unwrap()
}

/// Writes worker `n`'s device key to a file in `dir`; returns its path.
fn key_file(dir: &Path, n: u8) -> String {
    let path = dir.join(format!("device-{n}.key"));
    std::fs::write(&path, format!("0x{}\n", hex::encode(key(n).to_bytes()))).unwrap();
    path.to_str().unwrap().to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_machine_attests_its_devices_in_one_round() {
    let dir = tempfile::tempdir().unwrap();
    let mut cfg = config(600);
    cfg.policy.one_machine_per_address = true;
    let (url, svc) = start(dir.path(), cfg).await;
    let keys = tempfile::tempdir().unwrap();
    let (a, b) = (addr(70).to_hex(), addr(71).to_hex());
    let (ka, kb) = (key_file(keys.path(), 70), key_file(keys.path(), 71));
    let one_a = format!("--device 0 --worker {a} --device-key-file {ka}");
    let one_b = format!("--device 0 --worker {b} --device-key-file {kb}");

    // One device: one challenge, as before.
    let out = run(&url, one_a.clone()).await;
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.starts_with(&format!("attested: worker {a}")),
        "{stdout}"
    );

    // Now this machine's devices come in one round: worker b alone is refused.
    let out = run(&url, one_b.clone()).await;
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("machine_round"), "{stderr}");

    // Both devices, each with its worker and key, in one round.
    let out = run(&url, format!("--json {one_a} {one_b}")).await;
    let stderr = String::from_utf8_lossy(&out.stderr);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}\n{stderr}", String::from_utf8_lossy(&out.stdout)));
    let devices = v["devices"].as_array().unwrap();
    assert_eq!(devices.len(), 2, "{v}");
    // Device 0 for worker a: attested again, within the round.
    assert_eq!(devices[0]["worker"], a.as_str());
    assert_eq!(devices[0]["device"], 0);
    assert_eq!(devices[0]["submission"]["report"]["worker"], a.as_str());
    assert!(devices[0]["accepted"]["score"].as_u64().unwrap() > 0, "{v}");
    // The same device for worker b: answered in time, refused for the
    // binding when opened.
    assert_eq!(devices[1]["worker"], b.as_str());
    assert_eq!(devices[1]["rejected"]["reason"], "device_bound", "{v}");
    assert!(!out.status.success(), "a refused device fails the command");
    assert!(
        stderr.contains("1 of 2 devices were not attested"),
        "{stderr}"
    );
    assert_eq!(svc.queue().all().unwrap().len(), 2);

    // The same without --json: one line per device.
    let out = run(&url, format!("{one_a} {one_b}")).await;
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(
        lines[0].starts_with(&format!("device 0: attested: worker {a}")),
        "{stdout}"
    );
    assert!(
        lines[1].starts_with(&format!("device 0: worker {b}: refused (device_bound)")),
        "{stdout}"
    );
    assert!(!out.status.success());
}

#[test]
fn devices_without_a_worker_and_key_each_are_refused_before_anything_runs() {
    // Nothing listens there: a refusal comes from the command itself.
    let url = "http://127.0.0.1:9";
    let (a, b) = (addr(72).to_hex(), addr(73).to_hex());
    let keys = tempfile::tempdir().unwrap();
    let (ka, kb) = (key_file(keys.path(), 72), key_file(keys.path(), 73));
    let cases = [
        (
            format!("--device 0 --device 1 --worker {a} --device-key-file {ka}"),
            "2 device(s) (--device) but 1 worker(s) (--worker): give one --worker per --device",
        ),
        (
            format!("--device 0 --device 1 --worker {a} --worker {b} --device-key-file {ka}"),
            "2 device(s) (--device) but 1 device key(s) (--device-key-file)",
        ),
        (
            format!(
                "--device 0 --device 1 --worker {a} --worker {a} \
                 --device-key-file {ka} --device-key-file {kb}"
            ),
            "is named for two devices",
        ),
    ];
    for (args, expected) in cases {
        let out = attest(url, &args);
        assert!(!out.status.success());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(expected), "{args}: {stderr}");
    }
}
