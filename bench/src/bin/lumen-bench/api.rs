//! The explorer API under load, over the ingest's data set.

#[allow(unused_imports)]
use super::*;

pub(super) async fn api(c: &Common, a: &IndexerArgs, db: &str, w: &Workload) -> Result<()> {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0")?;
        l.local_addr()?.port()
    };
    let base = format!("http://127.0.0.1:{port}");
    let _server = KillOnDrop(
        Command::new(sibling_binary("lumen-indexer")?)
            .args(["--serve-only", "--database-url", db, "--listen"])
            .arg(format!("127.0.0.1:{port}"))
            .env("RUST_LOG", "warn")
            .stdin(Stdio::null())
            .stdout(log_file(c, "api.log")?)
            .stderr(log_file(c, "api.log.err")?)
            .spawn()
            .context("starting lumen-indexer --serve-only")?,
    );
    let health = format!("{base}/health");
    let mut up = false;
    for _ in 0..200 {
        if reqwest::get(&health)
            .await
            .is_ok_and(|r| r.status().is_success())
        {
            up = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    if !up {
        bail!("the explorer API did not come up at {base}");
    }
    let (warm, secs) = if c.smoke {
        (Duration::ZERO, Duration::from_secs(1))
    } else {
        (Duration::from_secs(2), Duration::from_secs(a.api_secs))
    };
    let jobs = w.jobs;
    let workers = w.workers;
    // Open jobs (for candidates): the plain creations after the blocks, or
    // the last three of each block.
    let open_from = w.block_jobs();
    let open = move |i: u64| -> u64 {
        let r = chain::mix(i);
        let plain = jobs.saturating_sub(open_from);
        if plain > 0 {
            open_from + r % plain
        } else {
            (r % (jobs / 10).max(1)) * 10 + 7 + r % 3
        }
    };
    let plain = jobs.saturating_sub(open_from);
    let open_lua = if plain > 0 {
        format!(
            r#""/v1/jobs/" .. ({open_from} + math.random(0, {}))  .. "/candidates""#,
            plain - 1
        )
    } else {
        format!(
            r#""/v1/jobs/" .. (math.random(0, {}) * 10 + math.random(7, 9)) .. "/candidates""#,
            (jobs / 10).max(1) - 1
        )
    };
    let b = base.clone();
    // Each endpoint: the request, its URLs for the built-in generator, the
    // same as a Lua expression for wrk, and the targets (requests/s, p99 ms)
    // when the issue sets them.
    let endpoints: Vec<(&str, &str, UrlFn, String, Option<Target>)> = vec![
        (
            "Explorer API: job by id",
            "GET /v1/jobs/{random id}",
            Arc::new(move |i| format!("{b}/v1/jobs/{}", chain::mix(i) % jobs)),
            format!(r#""/v1/jobs/" .. math.random(0, {})"#, jobs - 1),
            Some(Target::rate(5_000.0).p99(20.0)),
        ),
        (
            "Explorer API: worker by address",
            "GET /v1/workers/{random worker}",
            {
                let b = base.clone();
                Arc::new(move |i| {
                    format!(
                        "{b}/v1/workers/{}",
                        chain::worker(chain::mix(i) % workers).to_hex()
                    )
                })
            },
            format!(
                r#""/v1/workers/0x" .. string.rep("0", 32) .. string.format("%016x%016x", {}, math.random(0, {}))"#,
                chain::WORKER_TAG,
                workers - 1
            ),
            Some(Target::rate(5_000.0).p99(20.0)),
        ),
        (
            "Explorer API: jobs list page",
            "GET /v1/jobs?limit=50&cursor={random id}",
            {
                let b = base.clone();
                Arc::new(move |i| {
                    format!("{b}/v1/jobs?limit=50&cursor={}", chain::mix(i) % jobs + 1)
                })
            },
            format!(r#""/v1/jobs?limit=50&cursor=" .. math.random(1, {jobs})"#),
            Some(Target::rate(4_000.0)),
        ),
        (
            "Explorer API: worker list",
            "GET /v1/workers?limit=50",
            {
                let b = base.clone();
                Arc::new(move |_| format!("{b}/v1/workers?limit=50"))
            },
            r#""/v1/workers?limit=50""#.to_string(),
            None,
        ),
        (
            "Explorer API: candidates for a job",
            "GET /v1/jobs/{random open job}/candidates",
            {
                let b = base.clone();
                Arc::new(move |i| format!("{b}/v1/jobs/{}/candidates", open(i)))
            },
            open_lua,
            Some(Target::rate(1_000.0).p99(50.0)),
        ),
    ];
    let use_wrk = load::wrk_available();
    let generator = if use_wrk {
        "wrk (one thread, Lua script picking each path)"
    } else {
        "lumen-bench's own closed-loop reqwest client (wrk not installed)"
    };
    let mut job_by_id = None;
    for (what, req, url, lua, target) in endpoints {
        tracing::info!(what, use_wrk, "API load");
        let r = if use_wrk {
            let (base, dir, conns) = (base.clone(), c.work_dir.clone(), a.connections);
            tokio::task::spawn_blocking(move || load::run_wrk(&base, &lua, conns, warm, secs, &dir))
                .await??
        } else {
            load::run(url, a.connections, warm, secs).await?
        };
        let workload = format!(
            "{req}; DB of {} jobs, {} workers; {} connections, {} s; p50 {} ms, p99 {} ms",
            fmt_int(jobs),
            fmt_int(workers),
            a.connections,
            secs.as_secs(),
            fmt_num(r.p50_ms),
            fmt_num(r.p99_ms)
        );
        let mut note = format!(
            "{}Load generator: {generator}, in another process than the server (lumen-indexer --serve-only, default query concurrency 2 × CPUs); both and PostgreSQL share the machine's cores; the database was vacuumed and analysed first. {} requests ok, {} errors.",
            smoke_note(c),
            r.ok,
            r.errors
        );
        let ok = r.errors == 0;
        if !ok {
            note.push_str(" Errors count as a miss.");
        }
        let mut row = Row::new(what, &workload, r.rps, "requests/s").note(note.clone());
        row = match target {
            Some(t) => row.reference(t.rps, "target").target(
                &format!("≥ {} requests/s", fmt_int(t.rps as u64)),
                ok && r.rps >= t.rps,
            ),
            None => row.reference_label_only("no target; p50/p99 in the workload column"),
        };
        report::append(&c.results, &row)?;
        if let Some(p99) = target.and_then(|t| t.p99_ms) {
            report::append(
                &c.results,
                &Row::new(&format!("{what}, p99 latency"), &workload, r.p99_ms, "ms")
                    .reference(p99, "target")
                    .target(&format!("p99 ≤ {} ms", fmt_num(p99)), ok && r.p99_ms <= p99)
                    .note(note),
            )?;
        }
        if job_by_id.is_none() {
            job_by_id = Some((r.rps, workload));
        }
    }
    if let Some((rps, workload)) = job_by_id {
        pgbench_select(c, a, db, secs, rps, &workload)?;
    }
    Ok(())
}

/// The targets of an endpoint.
#[derive(Clone, Copy)]
struct Target {
    rps: f64,
    p99_ms: Option<f64>,
}

impl Target {
    fn rate(rps: f64) -> Self {
        Self { rps, p99_ms: None }
    }

    fn p99(self, ms: f64) -> Self {
        Self {
            p99_ms: Some(ms),
            ..self
        }
    }
}

/// The server's own read rate: `pgbench -S` (one primary-key SELECT per
/// transaction) on the same server, with the API's connection count, in
/// its own tables next to the indexer's (dropped after); then the job-by-id
/// rate (`job_rps`, one request = a few such reads plus HTTP and JSON) as a
/// share of it.
fn pgbench_select(
    c: &Common,
    a: &IndexerArgs,
    db: &str,
    secs: Duration,
    job_rps: f64,
    job_workload: &str,
) -> Result<()> {
    let scale = if c.smoke { 1 } else { 10 };
    let pgbench = |args: &[&str]| -> Result<String> {
        let out = Command::new("pgbench")
            .args(args)
            .arg(db)
            .stdin(Stdio::null())
            .output()
            .context("running pgbench (Debian package postgresql)")?;
        if !out.status.success() {
            bail!(
                "pgbench {args:?} failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    };
    pgbench(&["-i", "-q", "-s", &scale.to_string()])?;
    let (conns, secs_arg) = (a.connections.to_string(), secs.as_secs().max(1).to_string());
    let out = pgbench(&["-S", "-n", "-j", "1", "-c", &conns, "-T", &secs_arg]);
    // The reference's tables go whatever the run gave.
    let mut conn = PgConnection::establish(db)?;
    diesel::sql_query(
        "DROP TABLE IF EXISTS pgbench_accounts, pgbench_branches, pgbench_history, pgbench_tellers",
    )
    .execute(&mut conn)?;
    let out = out?;
    let tps: f64 = out
        .lines()
        .find_map(|l| l.trim().strip_prefix("tps = "))
        .and_then(|l| l.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .with_context(|| format!("no `tps = ` in pgbench's output:\n{out}"))?;
    let workload = format!(
        "pgbench -S, scale {scale} ({} accounts), {} connections (-j 1), {} s, on the API's server",
        fmt_int(scale * 100_000),
        a.connections,
        secs.as_secs()
    );
    let note = format!(
        "{}PostgreSQL's own primary-key read rate with the same connections and cores the API had; pgbench's client runs on the same machine, as wrk does.",
        smoke_note(c)
    );
    report::append(
        &c.results,
        &Row::new(
            "PostgreSQL pgbench -S (select only)",
            &workload,
            tps,
            "transactions/s",
        )
        .reference_label_only("informative: the reference of the job-by-id row below")
        .note(note),
    )?;
    report::append(
        &c.results,
        &Row::new("Explorer API: job by id vs pgbench -S", job_workload, job_rps, "requests/s")
            .reference(tps, "pgbench -S transactions/s, same server, same run")
            .note(format!(
                "{}A request reads the checkpoint and parameters, the job and its events (a few primary-key and index reads) and answers HTTP with JSON; pgbench's transaction is one primary-key read.",
                smoke_note(c)
            )),
    )?;
    Ok(())
}
