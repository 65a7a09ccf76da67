//! The relayer's GPU benchmark next to clpeak.

#[allow(unused_imports)]
use super::*;

/// `lumen-relayer bench --json` once, returning the parsed result and the
/// process wall time.
pub(super) fn relayer_bench(extra: &[&str]) -> Result<(BenchResult, serde_json::Value, f64)> {
    let t0 = Instant::now();
    let out = Command::new(sibling_binary("lumen-relayer")?)
        .args(["bench", "--json", "--no-progress"])
        .args(extra)
        .stdin(Stdio::null())
        .output()
        .context("running lumen-relayer bench")?;
    let wall = t0.elapsed().as_secs_f64();
    if !out.status.success() {
        bail!(
            "lumen-relayer bench failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let v: serde_json::Value =
        serde_json::from_slice(&out.stdout).context("lumen-relayer bench --json output")?;
    let r: BenchResult =
        serde_json::from_value(v.clone()).context("lumen-relayer bench --json output")?;
    Ok((r, v, wall))
}

/// The best single-precision figure `clpeak --compute-sp` prints, GFLOP/s,
/// with the device line.
fn clpeak() -> Result<(f64, String)> {
    let out = Command::new("clpeak")
        .arg("--compute-sp")
        .stdin(Stdio::null())
        .output()
        .context("running clpeak (Debian packages clpeak, pocl-opencl-icd)")?;
    let text = String::from_utf8_lossy(&out.stdout);
    parse_clpeak(&text)
        .ok_or_else(|| anyhow::anyhow!("clpeak printed no single-precision figure: {text}"))
}

fn parse_clpeak(text: &str) -> Option<(f64, String)> {
    let device = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("Device:"))
        .map(|d| d.trim().to_string())
        .unwrap_or_default();
    let best = text
        .lines()
        .filter(|l| l.trim_start().starts_with("float"))
        .filter_map(|l| l.split(':').nth(1)?.trim().parse::<f64>().ok())
        .fold(None, |m: Option<f64>, x| Some(m.map_or(x, |m| m.max(x))))?;
    Some((best, device))
}

/// The GPU rows.
pub(super) fn gpu(c: &Common, a: &GpuArgs) -> Result<()> {
    let (runs, extra): (u32, Vec<&str>) = if c.smoke {
        (2, vec!["--quick", "--runs", "1"])
    } else {
        (a.runs.max(2), vec![])
    };
    let mut scores = Vec::new();
    let mut walls = Vec::new();
    let mut gflops = Vec::new();
    let mut device = String::new();
    let mut used_cpu_score = false;
    for i in 0..runs {
        tracing::info!(run = i + 1, runs, "lumen-relayer bench");
        let (r, _, wall) = relayer_bench(&extra)?;
        used_cpu_score |= r.score.is_none();
        scores.push(r.any_score());
        walls.push(wall);
        gflops.push(r.figures.fp32_tflops * 1e3);
        device = format!("{} ({})", r.fingerprint.name, r.fingerprint.device_type);
    }
    let workload = format!(
        "lumen-relayer bench{} on {device}, {runs} runs",
        if c.smoke { " --quick" } else { "" }
    );
    let max_wall = walls.iter().cloned().fold(0.0, f64::max);
    report::append(
        &c.results,
        &Row::new(
            "GPU benchmark total run time (slowest of the runs)",
            &workload,
            max_wall,
            "s",
        )
        .reference(30.0, "target")
        .target("≤ 30 s", max_wall <= 30.0)
        .note(format!(
            "{}Process wall time of each run: {} s.",
            smoke_note(c),
            walls
                .iter()
                .map(|w| fmt_num(*w))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    )?;
    let cv = lumen_bench::coefficient_of_variation(&scores).unwrap_or(f64::NAN) * 100.0;
    report::append(
        &c.results,
        &Row::new("GPU benchmark score, run-to-run coefficient of variation", &workload, cv, "%")
            .reference(3.0, "target")
            .target("≤ 3 %", cv <= 3.0)
            .note(format!(
                "{}{}Scores: {}.",
                smoke_note(c),
                if used_cpu_score {
                    "The device is a CPU (lavapipe), for which the documented `score` is null; the CV is of `cpu_score`, the same formula over the same kernel figures. "
                } else {
                    ""
                },
                scores.iter().map(|s| format!("{s:.4}")).collect::<Vec<_>>().join(", ")
            )),
    )?;
    let mut g = gflops.clone();
    let ours = lumen_bench::quantile(&mut g, 0.5).unwrap_or(0.0);
    let row = Row::new(
        "GPU benchmark FP32 kernel vs clpeak",
        &workload,
        ours,
        "GFLOP/s",
    );
    let peak = if c.smoke {
        Err(anyhow::anyhow!("skipped in a smoke run"))
    } else {
        clpeak()
    };
    let row = match peak {
        Ok((peak, dev)) => row
            .reference(peak, &format!("clpeak --compute-sp via PoCL on {dev}"))
            .target("ratio ≥ 0.7", ours / peak >= 0.7)
            .note(format!(
                "{}Median of the runs' `figures.fp32_tflops` ({} GFLOP/s); clpeak's best vector width.",
                smoke_note(c),
                gflops.iter().map(|x| fmt_num(*x)).collect::<Vec<_>>().join(", ")
            )),
        Err(e) => {
            let mut r = row.target("ratio ≥ 0.7", false).note(format!("clpeak could not run: {e}"));
            r.reference_label = "clpeak unavailable".into();
            r
        }
    };
    report::append(&c.results, &row)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clpeak_output_is_parsed() {
        let text = "Platform: Portable Computing Language\n  Device: pthread-skylake\n    Single-precision compute (GFLOPS)\n      float   : 0.87\n      float2  : 2.49\n      float16 : 22.75\n";
        assert_eq!(parse_clpeak(text), Some((22.75, "pthread-skylake".into())));
        assert_eq!(parse_clpeak("nothing"), None);
    }
}
