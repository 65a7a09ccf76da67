//! The benchmark on the machine's Vulkan device (Mesa lavapipe where there
//! is no GPU), with the quick profile.

mod common;

use lumen_relayer::bench::{self, hashchain, score, BenchOptions, Profile};

#[test]
fn quick_benchmark_runs_and_its_checksum_matches_the_cpu() {
    let seed = [0x42u8; 32];
    let r = bench::run(&BenchOptions {
        profile: Profile::Quick,
        runs: 2,
        device_index: None,
        seed,
        progress: false,
    })
    .expect("the benchmark runs on lavapipe or a GPU");

    assert_eq!(r.bench_version, bench::BENCH_VERSION);
    assert_eq!(r.device_id, hex::encode(r.fingerprint.device_id()));
    let f = &r.figures;
    // Sane bounds from a 2-core CPU up to the fastest GPU.
    assert!(f.fp32_tflops > 1e-4 && f.fp32_tflops < 1000.0, "fp32 {f:?}");
    assert!(
        f.bandwidth_gbs > 0.01 && f.bandwidth_gbs < 20_000.0,
        "bw {f:?}"
    );
    assert!(f.int32_tops > 1e-5 && f.int32_tops < 1000.0, "int {f:?}");
    assert!(
        f.pathtrace_samples_per_min > 1e5 && f.pathtrace_samples_per_min < 1e16,
        "pt {f:?}"
    );
    for k in [&r.fma, &r.bandwidth, &r.hash, &r.pathtrace] {
        assert_eq!(k.runs_secs.len(), 2);
        assert!(k.best_secs > 0.0 && k.runs_secs.iter().all(|t| *t >= k.best_secs));
    }

    // A CPU device is reported as such and never scored as a GPU.
    if r.fingerprint.device_type == "cpu" {
        assert!(!r.is_gpu);
        assert_eq!(r.score, None);
        let cpu = r.cpu_score.expect("cpu_score is reported");
        assert!(
            cpu > 0.0 && cpu < 2.43,
            "a CPU scores below an RTX 3070: {cpu}"
        );
        assert!((cpu - score::score(f)).abs() < 1e-12);
    } else {
        assert!(r.score.is_some() && r.cpu_score.is_none());
    }

    // The checksum equals the Merkle root of every item recomputed on the CPU.
    let p = &r.hash_proof;
    assert_eq!(p.seed, hex::encode(seed));
    assert_eq!(p.rounds as u64, r.hash.size);
    let all = hashchain::all_items(&seed, p.rounds, p.items);
    let cpu_root = hashchain::Tree::build(&all).unwrap().root();
    assert_eq!(p.root, hex::encode(cpu_root));
    p.verify(&seed).expect("the sampled items verify");
    assert!(
        p.verify(&[0x43u8; 32]).is_err(),
        "another seed must not verify"
    );
}

#[test]
fn a_missing_device_index_is_a_clear_error() {
    let err = bench::run(&BenchOptions {
        profile: Profile::Quick,
        runs: 1,
        device_index: Some(99),
        seed: [0; 32],
        progress: false,
    })
    .unwrap_err();
    assert!(
        err.to_string().contains("device 99 does not exist"),
        "{err}"
    );
}

#[test]
fn no_vulkan_driver_is_a_clear_error() {
    // The loader reads the driver list from the environment; a child process
    // keeps the variables away from the other tests.
    for cmd in [&["devices"][..], &["bench", "--quick"][..]] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_lumen-relayer"))
            .args(cmd)
            .env("VK_ICD_FILENAMES", "/nonexistent/icd.json")
            .env("VK_DRIVER_FILES", "/nonexistent/icd.json")
            .env("RUST_BACKTRACE", "0")
            .output()
            .unwrap();
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("the Vulkan loader found no driver") || err.contains("no Vulkan device"),
            "{err}"
        );
    }
}

#[test]
fn the_cli_prints_a_score_line_and_json() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_lumen-relayer"))
        .args(["bench", "--quick", "--runs", "1", "--json", "--no-progress"])
        .output()
        .unwrap();
    let v = common::printed_json(&out);
    assert_eq!(v["profile"], "quick");
    assert!(v["figures"]["fp32_tflops"].as_f64().unwrap() > 0.0);
    assert_eq!(v["hash_proof"]["samples"].as_array().unwrap().len(), 16);
    assert!(v["score"].is_f64() || v["cpu_score"].is_f64());

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_lumen-relayer"))
        .args(["bench", "--quick", "--runs", "1"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.lines().any(|l| l.starts_with("score")), "{text}");
    let progress = String::from_utf8_lossy(&out.stderr);
    assert!(progress.contains("[4/4] path tracer"), "{progress}");
}
