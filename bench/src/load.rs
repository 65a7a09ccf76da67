//! A closed-loop HTTP load generator: `connections` tasks each send a
//! request, wait for the whole answer, and send the next, for a warm-up and
//! then a measured window. Throughput counts answers completed inside the
//! window; latency is per request, from send to the last body byte.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Builds the URL of request number `i`.
pub type UrlFn = Arc<dyn Fn(u64) -> String + Send + Sync>;

/// What a load run measured.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LoadResult {
    /// Successful answers to requests sent inside the measured window.
    pub ok: u64,
    /// Failed requests (transport errors, non-2xx) sent inside the window.
    pub errors: u64,
    /// Length of the measured window, seconds.
    pub secs: f64,
    /// Successful answers per second.
    pub rps: f64,
    /// Median latency, milliseconds.
    pub p50_ms: f64,
    /// 99th percentile latency, milliseconds.
    pub p99_ms: f64,
}

/// Runs the load; `url(i)` gives the i-th request's URL.
pub async fn run(
    url: UrlFn,
    connections: usize,
    warmup: Duration,
    duration: Duration,
) -> anyhow::Result<LoadResult> {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(connections)
        .timeout(Duration::from_secs(30))
        .build()?;
    let counter = Arc::new(AtomicU64::new(0));
    let start = Instant::now();
    let measure_from = start + warmup;
    let end = measure_from + duration;
    let mut tasks = Vec::with_capacity(connections);
    for _ in 0..connections.max(1) {
        let (client, url, counter) = (client.clone(), url.clone(), counter.clone());
        tasks.push(tokio::spawn(async move {
            let mut lat = Vec::new();
            let mut in_window = 0u64;
            let mut errors = 0u64;
            let mut first_error = None;
            loop {
                let now = Instant::now();
                if now >= end {
                    break;
                }
                let i = counter.fetch_add(1, Ordering::Relaxed);
                let u = url(i);
                let t0 = Instant::now();
                let outcome = match client.get(&u).send().await {
                    Ok(r) if r.status().is_success() => {
                        r.bytes().await.map(|_| ()).map_err(|e| e.to_string())
                    }
                    Ok(r) => Err(format!("{u}: HTTP {}", r.status())),
                    Err(e) => Err(format!("{u}: {e}")),
                };
                let done = Instant::now();
                // Requests sent in the window count for latency even when
                // they end after it (slow endpoints would otherwise show
                // none); throughput counts only answers inside it.
                if t0 < measure_from {
                    continue;
                }
                if done <= end {
                    in_window += 1;
                }
                match outcome {
                    Ok(()) => lat.push((done - t0).as_secs_f64() * 1e3),
                    Err(e) => {
                        errors += 1;
                        first_error.get_or_insert(e);
                    }
                }
            }
            (lat, errors, first_error, in_window)
        }));
    }
    let mut all = Vec::new();
    let mut errors = 0;
    let mut first_error = None;
    let mut answered = 0u64;
    for t in tasks {
        let (lat, e, fe, n) = t.await?;
        all.extend(lat);
        answered += n;
        errors += e;
        if first_error.is_none() {
            first_error = fe;
        }
    }
    if let Some(e) = &first_error {
        tracing::warn!(errors, first = %e, "requests failed during the load run");
    }
    let secs = duration.as_secs_f64();
    let ok = all.len() as u64;
    let answered_ok = answered.saturating_sub(errors.min(answered));
    Ok(LoadResult {
        ok,
        errors,
        secs,
        rps: answered_ok as f64 / secs,
        p50_ms: crate::quantile(&mut all, 0.5).unwrap_or(f64::NAN),
        p99_ms: crate::quantile(&mut all, 0.99).unwrap_or(f64::NAN),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::routing::get;

    #[tokio::test]
    async fn counts_answers_and_errors_of_a_local_server() {
        let app = axum::Router::new()
            .route("/ok/{n}", get(|| async { "fine" }))
            .route(
                "/bad",
                get(|| async { (axum::http::StatusCode::INTERNAL_SERVER_ERROR, "no") }),
            );
        let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = l.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(l, app).await.unwrap() });
        let url: UrlFn = Arc::new(move |i| {
            if i % 4 == 3 {
                format!("http://{addr}/bad")
            } else {
                format!("http://{addr}/ok/{i}")
            }
        });
        let r = run(
            url,
            4,
            Duration::from_millis(100),
            Duration::from_millis(400),
        )
        .await
        .unwrap();
        assert!(r.ok > 0 && r.errors > 0, "{r:?}");
        // One request in four fails, give or take the window's edges.
        let share = r.errors as f64 / (r.ok + r.errors) as f64;
        assert!((0.15..0.35).contains(&share), "{r:?}");
        assert!(r.p50_ms <= r.p99_ms);
    }
}

/// Whether `wrk` (Debian package `wrk`) is on `PATH`.
pub fn wrk_available() -> bool {
    std::process::Command::new("wrk")
        .arg("--version")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok()
}

/// The Lua script for `wrk`: `path_expr` is a Lua expression giving each
/// request's path (it may call `math.random`); the `done` hook prints one
/// line with requests, errors, p50 and p99 (µs) and the duration (µs).
pub fn wrk_script(path_expr: &str) -> String {
    format!(
        r#"math.randomseed(7)
request = function()
  return wrk.format("GET", {path_expr})
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("LUMEN-RESULT %d %d %.1f %.1f %d\n", summary.requests,
    e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50), latency:percentile(99), summary.duration))
end
"#
    )
}

/// Parses the `done` line of [`wrk_script`] into a result.
pub fn parse_wrk(output: &str) -> Option<LoadResult> {
    let line = output
        .lines()
        .find_map(|l| l.strip_prefix("LUMEN-RESULT "))?;
    let f: Vec<f64> = line
        .split_whitespace()
        .map(|x| x.parse::<f64>().ok())
        .collect::<Option<Vec<_>>>()?;
    let [requests, errors, p50_us, p99_us, duration_us] = f[..] else {
        return None;
    };
    let secs = duration_us / 1e6;
    let ok = (requests - errors).max(0.0);
    Some(LoadResult {
        ok: ok as u64,
        errors: errors as u64,
        secs,
        rps: ok / secs,
        p50_ms: p50_us / 1e3,
        p99_ms: p99_us / 1e3,
    })
}

/// Runs `wrk` (one thread, `connections` connections) against `base` with
/// each request's path from `path_expr`: a warm-up run, then the measured
/// one. `script_dir` receives the Lua file.
pub fn run_wrk(
    base: &str,
    path_expr: &str,
    connections: usize,
    warmup: Duration,
    duration: Duration,
    script_dir: &std::path::Path,
) -> anyhow::Result<LoadResult> {
    let script = script_dir.join("wrk-request.lua");
    std::fs::write(&script, wrk_script(path_expr))?;
    let run = |d: Duration| -> anyhow::Result<String> {
        let out = std::process::Command::new("wrk")
            .args([
                "-t1",
                "-c",
                &connections.max(1).to_string(),
                "--timeout",
                "30s",
            ])
            .arg("-d")
            // wrk takes whole seconds.
            .arg(format!("{}s", d.as_secs_f64().round().max(1.0)))
            .arg("-s")
            .arg(&script)
            .arg(base)
            .output()?;
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        if !out.status.success() {
            anyhow::bail!(
                "wrk failed ({}): {}{}",
                out.status,
                text,
                String::from_utf8_lossy(&out.stderr)
            );
        }
        Ok(text)
    };
    if !warmup.is_zero() {
        run(warmup)?;
    }
    let text = run(duration)?;
    parse_wrk(&text).ok_or_else(|| anyhow::anyhow!("wrk printed no result line: {text}"))
}

#[cfg(test)]
mod wrk_tests {
    use super::*;

    #[test]
    fn the_done_line_is_parsed() {
        let r = parse_wrk("Running 1s test\nLUMEN-RESULT 1000 10 850.5 4200.0 2000000\n").unwrap();
        assert_eq!((r.ok, r.errors), (990, 10));
        assert!((r.rps - 495.0).abs() < 1e-9);
        assert!((r.p50_ms - 0.8505).abs() < 1e-9 && (r.p99_ms - 4.2).abs() < 1e-9);
        assert!(parse_wrk("no line").is_none());
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn wrk_measures_a_local_server_when_installed() {
        if !wrk_available() {
            eprintln!("wrk not installed (apt-get install wrk): skipped");
            return;
        }
        let app = axum::Router::new().route("/n/{n}", axum::routing::get(|| async { "ok" }));
        let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", l.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(l, app).await.unwrap() });
        let dir = tempfile::tempdir().unwrap();
        let r = tokio::task::spawn_blocking(move || {
            run_wrk(
                &base,
                r#""/n/" .. math.random(0, 9)"#,
                2,
                Duration::ZERO,
                Duration::from_secs(1),
                dir.path(),
            )
        })
        .await
        .unwrap()
        .unwrap();
        assert!(r.ok > 0 && r.errors == 0, "{r:?}");
    }
}
