//! Ingest (against PostgreSQL COPY of the same rows) and catch-up through the
//! stand-in serving a chain rendered before the clock starts.

#[allow(unused_imports)]
use super::*;

pub(super) async fn indexer(c: &Common, a: &IndexerArgs) -> Result<()> {
    let (events, workers, jobs) = if c.smoke {
        (3_000, 100, 2_000)
    } else {
        (a.events, a.workers, a.jobs)
    };
    let cluster = if a.keep_db {
        let dir = c.work_dir.join("pg");
        tokio::task::spawn_blocking(move || PgCluster::persistent_with(&dir, PG_SETTINGS)).await??
    } else {
        tokio::task::spawn_blocking(|| PgCluster::temporary_with(PG_SETTINGS)).await??
    };
    let db = cluster.ensure_database("lumen_ingest")?;
    let w = Workload::ingest(workers, events, jobs);
    if a.keep_db {
        let have = count(&db, "SELECT count(*) AS n FROM jobs").unwrap_or(-1);
        if have == w.jobs as i64 {
            tracing::info!(jobs = have, "reusing the kept database: API rows only");
            return api(c, a, &db, &w).await;
        }
        if have > 0 {
            bail!(
                "{} holds a partial data set ({have} jobs); remove it to start over",
                c.work_dir.join("pg").display()
            );
        }
    }
    // The chain is generated on the model and rendered before the clock
    // starts: on a real network the fullnode is another machine.
    let chain_file = c.work_dir.join("chain-ingest.json");
    tracing::info!(path = %chain_file.display(), "generating the chain for the node stand-in");
    let rendered = render(&w, chain_file).await?;
    let head_a = rendered.version_of_event_count(events);
    // The measured ingest stops at a whole transaction.
    let events = rendered.events_through(head_a);
    let chain_events = rendered.events_through(rendered.head());
    let workload_txt = format!(
        "{} package events in {} transactions ({} workers onboarded, then job lifecycles), HTTP node stand-in → lumen-indexer → PostgreSQL",
        fmt_int(events),
        fmt_int(head_a + 1),
        fmt_int(workers)
    );

    // The indexer and the COPY reference, alternately, `rounds` times: this
    // machine's speed drifts by ±10 % over minutes, and alternating gives
    // both sides the same chances; the best run of each side counts.
    let rounds = if c.smoke { 1 } else { INGEST_ROUNDS };
    let (copy_file, rendered) = write_copy_input(c, rendered, head_a, events).await?;
    let stream = grpc::stream_of(&rendered, head_a).await?;
    let node = Standin::with_ledger(chain::CHAIN_ID, rendered).await?;
    node.set_head_limit(Some(head_a));
    let (mut ours_runs, mut copy_runs, mut rss_kib, mut secs) = (vec![], vec![], 0u64, f64::MAX);
    for round in 0..rounds {
        // The last round's database is the one the API rows use.
        let db_r = if round + 1 == rounds {
            db.clone()
        } else {
            cluster.ensure_database(&format!("lumen_ingest_{round}"))?
        };
        // 1. The indexer, a separate process, against the bench node.
        tracing::info!(
            events,
            head = head_a,
            round,
            "ingest: starting lumen-indexer"
        );
        let (db2, url) = (db_r.clone(), node.url());
        let c2 = c.clone();
        let watched =
            tokio::task::spawn_blocking(move || run_indexer(&c2, &db2, &url, "ingest.log"))
                .await??;
        let stored = count(&db_r, "SELECT count(*) AS n FROM events")?;
        if stored as u64 != events {
            bail!("the indexer stored {stored} events, expected {events}");
        }
        let run_secs = watched.wall.as_secs_f64();
        tracing::info!(
            secs = run_secs,
            rate = events as f64 / run_secs,
            "ingest done"
        );
        ours_runs.push(events as f64 / run_secs);
        secs = secs.min(run_secs);
        rss_kib = rss_kib.max(watched.peak_rss_kib);
        // 2. The COPY reference: the same raw event rows into the same
        //    server, once the server is at rest again.
        if round + 1 < rounds {
            let admin = cluster.url("postgres");
            let mut conn = PgConnection::establish(&admin)?;
            diesel::sql_query(format!("DROP DATABASE lumen_ingest_{round}")).execute(&mut conn)?;
        }
        settle(&db)?;
        let (cl, f) = (&cluster, copy_file.clone());
        copy_runs.push(copy_into_fresh_database(cl, &f, events)?);
    }
    let _ = std::fs::remove_file(&copy_file);
    let best = |v: &[f64]| v.iter().cloned().fold(0.0, f64::max);
    let (ours, copy_rate) = (best(&ours_runs), best(&copy_runs));
    let list = |v: &[f64]| {
        v.iter()
            .map(|x| fmt_int(*x as u64))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let runs_note = format!(
        "Runs, alternating with COPY (the best of each side counts): indexer {} events/s; COPY {} events/s.",
        list(&ours_runs),
        list(&copy_runs)
    );
    let watched_rss = rss_kib;
    let results = &c.results;
    report::append(
        results,
        &Row::new("Indexer ingest, end to end", &workload_txt, ours, "events/s")
            .reference(20_000.0, "target")
            .target("≥ 20 000 events/s", ours >= 20_000.0)
            .note(format!(
                "{}{} s wall for the lumen-indexer process (best run), start to exit (migrations, connect, fetch 100-transaction pages 8 in flight, decode, raw log and projections written on two connections at once, commit). The node stand-in serves the chain from a file rendered before the clock started (a real fullnode is another machine). PostgreSQL with {}. {runs_note}",
                smoke_note(c),
                fmt_num(secs),
                PG_SETTINGS.join(", ")
            )),
    )?;
    report::append(
        results,
        &Row::new("Indexer ingest vs PostgreSQL COPY", &workload_txt, ours, "events/s")
            .reference(copy_rate, "COPY of the same raw event rows, same server, same run")
            .target("ratio ≥ 0.8", ours / copy_rate >= 0.8)
            .note(format!(
                "{}COPY loads the identical `events` rows (table and indexes created by the indexer's migrations) from a pre-written file with `psql \\copy … FROM STDIN`, into a fresh database of the same server after `VACUUM (ANALYZE)` and `CHECKPOINT` (so autovacuum of the indexer's tables does not run during it); the indexer additionally fetches and parses the REST JSON and maintains the projections. {runs_note}",
                smoke_note(c)
            )),
    )?;
    let rss_mib = watched_rss as f64 / 1024.0;
    report::append(
        results,
        &Row::new(
            "Indexer peak RSS during ingest",
            &workload_txt,
            rss_mib,
            "MiB",
        )
        .reference(300.0, "target")
        .target("≤ 300 MiB", rss_mib <= 300.0)
        .note(format!(
            "{}VmHWM of the lumen-indexer process from /proc/<pid>/status (the highest of the runs).",
            smoke_note(c)
        )),
    )?;

    // The same chain over the Transaction Stream, into its own database.
    grpc::grpc_ingest(
        c,
        &cluster,
        &stream,
        &node.url(),
        events,
        &workload_txt,
        ours,
    )
    .await?;
    drop(stream);

    if a.no_api {
        return Ok(());
    }
    // 3. The API's data set: the chain grows to `jobs` jobs; the same
    //    indexer resumes from its checkpoint.
    node.set_head_limit(None);
    let more = chain_events - events;
    tracing::info!(more, "API data set: ingesting the rest of the chain");
    let (db2, url) = (db.clone(), node.url());
    let c2 = c.clone();
    let rest = tokio::task::spawn_blocking(move || run_indexer(&c2, &db2, &url, "ingest-api.log"))
        .await??;
    let n_jobs = count(&db, "SELECT count(*) AS n FROM jobs")? as u64;
    let n_workers = count(&db, "SELECT count(*) AS n FROM workers")? as u64;
    if n_jobs != w.jobs || n_workers != workers {
        bail!(
            "API data set has {n_jobs} jobs and {n_workers} workers, expected {} and {workers}",
            w.jobs
        );
    }
    let rest_rate = more as f64 / rest.wall.as_secs_f64();
    report::append(
        results,
        &Row::new(
            "Indexer ingest, resumed (API data set)",
            &format!(
                "{} more events (open jobs) after the measured ingest",
                fmt_int(more)
            ),
            rest_rate,
            "events/s",
        )
        .reference_label_only("informative: builds the explorer API's data set")
        .note(format!(
            "{}Same indexer resumed from its checkpoint; peak RSS {} MiB.",
            smoke_note(c),
            fmt_num(rest.peak_rss_kib as f64 / 1024.0)
        )),
    )?;
    settle(&db)?;
    api(c, a, &db, &w).await
}

/// Brings the server to rest before the next measured phase: the tables
/// just loaded are vacuumed and analysed now (otherwise autovacuum does it
/// in the middle of whatever runs next) and dirty buffers are written out.
fn settle(url: &str) -> Result<()> {
    let t0 = Instant::now();
    let mut conn = PgConnection::establish(url).with_context(|| format!("connecting {url}"))?;
    diesel::sql_query("VACUUM (ANALYZE)").execute(&mut conn)?;
    diesel::sql_query("CHECKPOINT").execute(&mut conn)?;
    tracing::info!(
        secs = t0.elapsed().as_secs_f64(),
        "server settled (VACUUM ANALYZE, CHECKPOINT)"
    );
    Ok(())
}

/// Generates `w` on the model and renders it into `file` (off the async runtime).
async fn render(w: &Workload, file: PathBuf) -> Result<Rendered> {
    let w = w.clone();
    Ok(tokio::task::spawn_blocking(move || w.render(&file)).await??)
}

/// Writes the raw event rows of versions `0..=head` in COPY text format to
/// `<work-dir>/copy-events.tsv` (written back to disk before returning).
async fn write_copy_input(
    c: &Common,
    rendered: Rendered,
    head: u64,
    events: u64,
) -> Result<(PathBuf, Rendered)> {
    use lumen_indexer::decode::decode_page;
    use lumen_indexer::project::event_row;
    use lumen_indexer::source::{Page, Transaction};

    let file = c.work_dir.join("copy-events.tsv");
    let f2 = file.clone();
    let (written, rendered) = tokio::task::spawn_blocking(move || -> Result<(u64, Rendered)> {
        let mut out = std::io::BufWriter::with_capacity(1 << 20, std::fs::File::create(&f2)?);
        let mut n = 0u64;
        let mut start = 0;
        while start <= head {
            let end = (start + 100).min(head + 1);
            let txns: Vec<Transaction> = serde_json::from_slice(&rendered.page_bytes(start, end)?)?;
            let batch = decode_page(
                &rendered.package,
                Page {
                    transactions: txns,
                    ledger_version: None,
                },
            )?;
            for d in &batch.events {
                let r = event_row(d);
                let opt = |x: Option<String>| x.unwrap_or_else(|| "\\N".into());
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    r.version,
                    r.event_index,
                    r.timestamp_us,
                    copy_escape(&r.event_type),
                    opt(r.job_id.map(|j| j.to_string())),
                    opt(r.account.as_deref().map(copy_escape)),
                    copy_escape(r.data.get())
                )?;
                n += 1;
            }
            start = end;
        }
        out.flush()?;
        // Written back before COPY's clock starts, not during it.
        out.get_ref().sync_data()?;
        Ok((n, rendered))
    })
    .await??;
    if written != events {
        bail!("COPY input has {written} rows, expected {events}");
    }
    Ok((file, rendered))
}

/// Times `psql \copy` of `file` into a fresh database of the cluster, then
/// drops that database; returns rows per second.
fn copy_into_fresh_database(
    cluster: &PgCluster,
    file: &std::path::Path,
    events: u64,
) -> Result<f64> {
    let url = cluster.ensure_database("lumen_copy")?;
    {
        let mut conn = PgConnection::establish(&url)?;
        lumen_indexer::store::migrate(&mut conn)?;
    }
    let t0 = Instant::now();
    let out = Command::new("psql")
        .args([url.as_str(), "-v", "ON_ERROR_STOP=1", "-q", "-c"])
        .arg(format!("\\copy events FROM '{}'", file.display()))
        .output()
        .context("running psql (Debian package postgresql-client)")?;
    let secs = t0.elapsed().as_secs_f64();
    if !out.status.success() {
        bail!(
            "psql \\copy failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let n = count(&url, "SELECT count(*) AS n FROM events")? as u64;
    if n != events {
        bail!("COPY stored {n} rows, expected {events}");
    }
    // The reference's rows are not needed any more; dropped now, they give
    // autovacuum nothing to do during the phases that follow.
    {
        let admin = cluster.url("postgres");
        let mut conn = PgConnection::establish(&admin)?;
        diesel::sql_query("DROP DATABASE lumen_copy").execute(&mut conn)?;
    }
    tracing::info!(secs, rate = events as f64 / secs, "COPY reference done");
    Ok(events as f64 / secs)
}

fn copy_escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '\\' => o.push_str("\\\\"),
            '\t' => o.push_str("\\t"),
            '\n' => o.push_str("\\n"),
            '\r' => o.push_str("\\r"),
            _ => o.push(ch),
        }
    }
    o
}

pub(super) async fn catchup(c: &Common, a: &CatchupArgs) -> Result<()> {
    let txns = if c.smoke { 5_000 } else { a.txns };
    let cluster = tokio::task::spawn_blocking(|| PgCluster::temporary_with(PG_SETTINGS)).await??;
    let db = cluster.ensure_database("lumen_catchup")?;
    let w = Workload::catchup(txns, 1_000.min(txns / 100));
    let rendered = render(&w, c.work_dir.join("chain-catchup.json")).await?;
    let expected = rendered.events_through(rendered.head());
    let node = Standin::with_ledger(chain::CHAIN_ID, rendered).await?;
    let (db2, url, c2) = (db.clone(), node.url(), c.clone());
    let watched =
        tokio::task::spawn_blocking(move || run_indexer(&c2, &db2, &url, "catchup.log")).await??;
    let stored = count(&db, "SELECT count(*) AS n FROM events")? as u64;
    if stored != expected {
        bail!("catch-up stored {stored} events, expected {expected}");
    }
    let rate = txns as f64 / watched.wall.as_secs_f64();
    report::append(
        &c.results,
        &Row::new(
            "Indexer catch-up, transactions scanned",
            &format!(
                "{} transactions, 90 % unrelated (transfers, block metadata), {} package events",
                fmt_int(txns),
                fmt_int(expected)
            ),
            rate,
            "transactions/s",
        )
        .reference(20_000.0, "target")
        .target("≥ 20 000 transactions/s", rate >= 20_000.0)
        .note(format!(
            "{}lumen-indexer process wall time, start to exit; peak RSS {} MiB.",
            smoke_note(c),
            fmt_num(watched.peak_rss_kib as f64 / 1024.0)
        )),
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copy_text_is_escaped() {
        assert_eq!(copy_escape("a\\b\tc\nd"), "a\\\\b\\tc\\nd");
    }
}
