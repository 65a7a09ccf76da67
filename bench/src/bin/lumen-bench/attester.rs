//! The attester service's report verification under load.

#[allow(unused_imports)]
use super::*;

fn key(n: u64) -> Ed25519PrivateKey {
    let mut b = [0u8; 32];
    b[..8].copy_from_slice(&(n + 1).to_le_bytes());
    b[8] = 0x4c;
    Ed25519PrivateKey::from_bytes(&b).expect("32 bytes are an ed25519 key")
}

/// Posts a JSON body; the answer's text, or the refusal.
async fn post_json(client: &reqwest::Client, url: &str, body: Vec<u8>) -> Result<String, String> {
    let r = client
        .post(url)
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .map_err(|e| e.to_string())?;
    let status = r.status();
    let text = r.text().await.map_err(|e| e.to_string())?;
    if status.is_success() {
        Ok(text)
    } else {
        Err(format!("HTTP {status}: {text}"))
    }
}

/// The smallest claim the service takes, micro-units (with 1 MiB of
/// memory): the answers are computed on the CPU before the clock starts.
const CLAIM: u64 = lumen_relayer::work::MIN_CLAIM_MICRO;

/// A submission answering `ch`, computed on the CPU, on a device of its own
/// per worker (`n` in the fingerprint's UUID).
fn answer(
    ch: &Challenge,
    fingerprint: &Fingerprint,
    k: &Ed25519PrivateKey,
    n: u64,
) -> Result<SignedAnswer> {
    let mut fp = fingerprint.clone();
    fp.device_uuid = Some(format!("{:032x}", n + 1));
    let seed: [u8; 32] = hex::decode(&ch.seed)?
        .try_into()
        .map_err(|_| anyhow::anyhow!("seed"))?;
    let answer = lumen_relayer::work::answer_on_cpu(&ch.work, &seed, fp)?;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)?
        .as_secs();
    Ok(lumen_relayer::attest::signed_submission(
        ch,
        answer,
        &lumen_sdk::Package::DEV,
        k,
        now,
    ))
}

/// Answers on both cores.
fn answers(
    challenges: &[Challenge],
    keys: &[Ed25519PrivateKey],
    fingerprint: &Fingerprint,
    base: u64,
) -> Result<Vec<SignedAnswer>> {
    let half = challenges.len().div_ceil(2).max(1);
    std::thread::scope(|s| {
        let parts: Vec<_> = challenges
            .chunks(half)
            .zip(keys.chunks(half))
            .enumerate()
            .map(|(p, (chs, ks))| {
                s.spawn(move || {
                    chs.iter()
                        .zip(ks)
                        .enumerate()
                        .map(|(i, (ch, k))| {
                            answer(ch, fingerprint, k, base + (p * half + i) as u64)
                        })
                        .collect::<Result<Vec<_>>>()
                })
            })
            .collect();
        let mut all = Vec::new();
        for part in parts {
            all.extend(
                part.join()
                    .map_err(|_| anyhow::anyhow!("answer thread panicked"))??,
            );
        }
        Ok(all)
    })
}

pub(super) async fn attester(c: &Common, a: &AttesterArgs) -> Result<()> {
    let n = if c.smoke { 30 } else { a.reports };
    let fingerprint = tokio::task::spawn_blocking(|| -> Result<Fingerprint> {
        let device = lumen_relayer::bench::pick_device(None)?;
        Ok(Fingerprint::of(&device))
    })
    .await??;
    const CHAIN: u8 = 4;
    let standin = lumen_sdk::standin::Standin::start(CHAIN).await?;
    // No device is bound on chain yet: worker_of_device answers none.
    standin.set_view_handler(|_, _| Ok(vec![serde_json::json!({"vec": []})]));
    let state = c.work_dir.join("attester-state");
    let _ = std::fs::remove_dir_all(&state);
    let mut child = Command::new(sibling_binary("lumen-relayer")?)
        .args(["serve", "--listen", "127.0.0.1:0", "--node", &standin.url()])
        .arg("--state-dir")
        .arg(&state)
        .args([
            "--chain-id",
            &CHAIN.to_string(),
            "--package",
            &lumen_sdk::Package::DEV.to_string(),
            "--allow-cpu",
            // Thousands of workers on one host stand for as many machines:
            // neither the machine rules nor the per-address rates apply.
            "--shared-addresses",
            "--no-rate-limits",
            // The answers are built before the clock starts: deadlines
            // wide enough for a wave, and openings that queue behind the
            // wave's other commitments still in time.
            "--latency-allowance-ms",
            "600000",
            "--open-within-ms",
            "600000",
        ])
        .env("LUMEN_ATTESTER_KEY", hex::encode([0x7au8; 32]))
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(log_file(c, "attester.log.err")?)
        .spawn()
        .context("starting lumen-relayer serve")?;
    let stdout = child.stdout.take().expect("piped");
    let server = KillOnDrop(child);
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line)?;
    let url = line
        .trim()
        .strip_prefix("listening on ")
        .ok_or_else(|| {
            anyhow::anyhow!("lumen-relayer serve printed {line:?} instead of its address")
        })?
        .to_string();

    // Waves of `wave` workers: challenges issued and answers built outside
    // the clock, then the wave's reports sent concurrently on the clock
    // (a worker answers within seconds, so few challenges are open at once).
    let keys: Vec<Ed25519PrivateKey> = (0..n).map(key).collect();
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(a.connections)
        .timeout(Duration::from_secs(60))
        .build()?;
    let sem = Arc::new(tokio::sync::Semaphore::new(a.connections));
    let fingerprint = Arc::new(fingerprint);
    let mut work = None;
    let wave = (a.connections * 4).max(1);
    let mut on_clock = Duration::ZERO;
    let mut challenge_time = Duration::ZERO;
    let mut accepted = 0u64;
    let mut first_err: Option<String> = None;
    for (w, chunk) in keys.chunks(wave).enumerate() {
        let t0 = Instant::now();
        let mut tasks = Vec::new();
        for k in chunk {
            let (url, wk, sem) = (
                url.clone(),
                lumen_relayer::attest::address_of(k),
                sem.clone(),
            );
            tasks.push(tokio::spawn(async move {
                let _p = sem.acquire().await;
                lumen_relayer::attest::request_challenge(&url, wk, CLAIM, 1).await
            }));
        }
        let mut challenges = Vec::with_capacity(chunk.len());
        for t in tasks {
            challenges.push(t.await??);
        }
        challenge_time += t0.elapsed();
        work.get_or_insert_with(|| challenges[0].work.clone());
        let subs: Vec<SignedAnswer> = {
            let (fp, keys, base) = (fingerprint.clone(), chunk.to_vec(), (w * wave) as u64);
            tokio::task::spawn_blocking(move || answers(&challenges, &keys, &fp, base)).await??
        };
        let bodies: Vec<(Vec<u8>, SignedAnswer)> = subs
            .into_iter()
            .map(|s| serde_json::to_vec(&s.submission).map(|b| (b, s)))
            .collect::<Result<_, _>>()?;
        let t0 = Instant::now();
        let mut tasks = Vec::new();
        for (body, sub) in bodies {
            let (client, url, sem) = (client.clone(), url.clone(), sem.clone());
            tasks.push(tokio::spawn(async move {
                let _p = sem.acquire().await;
                // The commitment, then the openings of the service's picks.
                let text = post_json(&client, &format!("{url}/v1/reports"), body).await?;
                let picked: Picked = serde_json::from_str(&text).map_err(|e| e.to_string())?;
                let opening = Opening {
                    challenge_id: picked.challenge_id,
                    worker: sub.report.worker,
                    openings: sub.worked.open(&picked.picks).map_err(|e| e.to_string())?,
                    earlier: Vec::new(),
                };
                let body = serde_json::to_vec(&opening).map_err(|e| e.to_string())?;
                post_json(&client, &format!("{url}/v1/reports/openings"), body).await?;
                Ok(())
            }));
        }
        for t in tasks {
            match t.await? {
                Ok(()) => accepted += 1,
                Err(e) => {
                    first_err.get_or_insert(e);
                }
            }
        }
        on_clock += t0.elapsed();
    }
    let secs = on_clock.as_secs_f64();
    let challenge_secs = challenge_time.as_secs_f64();
    drop(server);
    if accepted != n {
        bail!(
            "{} of {n} reports were rejected; first: {}",
            n - accepted,
            first_err.unwrap_or_default()
        );
    }
    let rate = n as f64 / secs;
    report::append(
        &c.results,
        &Row::new(
            "Attester service: reports verified and queued",
            &format!(
                "{} signed reports from {} workers (ed25519; 16 hash-chain items of {} rounds and 16 walks of {} steps recomputed), {} connections, lumen-relayer serve",
                fmt_int(n),
                fmt_int(n),
                work.as_ref().map_or(0, |w| w.hash_rounds),
                work.as_ref().map_or(0, |w| w.steps),
                a.connections
            ),
            rate,
            "reports/s",
        )
        .reference(2_000.0, "target")
        .target("≥ 2 000 reports/s", rate >= 2_000.0)
        .note(format!(
            "{}Each report: two requests, the signed commitment (the device key's two signatures, over the report and over the commitment, the challenge and its deadline; the service draws the outputs to check and records them with the challenge before answering) and the openings (16 picked hash-chain items and 16 picked memory walks recomputed (every read's word recomputed)), device binding (a view call to the node stand-in), then queued. The service's state and queue are one SQLite database in WAL mode, one row per challenge, binding and job: commitments and verified reports arriving together are written in one transaction with one fsync (the queued job, the challenge marked used and the device binding commit together). Reports go in waves of {wave} workers; each wave's challenges were issued ({} challenges/s; an issued challenge is one row written without fsync, as a power failure may lose it harmlessly) and its answers built before the wave's clock started. The service's submitter sends the queued attest transactions to the stand-in meanwhile (each step a row updated with fsync). Rate limits off (--no-rate-limits: every worker here shares one address).",
            smoke_note(c),
            fmt_num(n as f64 / challenge_secs)
        )),
    )?;
    Ok(())
}
