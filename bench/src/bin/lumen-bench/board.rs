//! The job board: signed offers delivered to the workers' long polls per second.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

#[allow(unused_imports)]
use super::*;
use lumen_board::api::{AppState, Limits};
use lumen_board::blobs::BlobStore;
use lumen_board::client::{BoardClient, Identity};
use lumen_board::proto::{PostJob, PostOffers, SignedOffer};
use lumen_sdk::messages::AssignmentOffer;
use lumen_sdk::movejson::MoveJson;
use lumen_sdk::render::{content_hash, Engine, JobSpec, OutputFormat};
use lumen_sdk::tx::LumenClient;
use lumen_sdk::views::JobInfo;
use lumen_sdk::{AccountAddress, Package};

const CHAIN: u8 = 4;
const PRICE: u64 = 1_000;

fn identity(seed: u64) -> Identity {
    let mut b = [0u8; 32];
    b[..8].copy_from_slice(&seed.to_le_bytes());
    b[8] = 0x5b;
    Identity::new(Ed25519PrivateKey::from_bytes(&b).expect("32 bytes"))
}

fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs()
}

/// A job as `escrow::job_info` would show it while Open.
fn open_job(id: u64, creator: AccountAddress, spec: &JobSpec) -> JobInfo {
    JobInfo::open(
        id,
        creator,
        spec.hash().0.to_vec(),
        spec.frames(),
        PRICE,
        unix_now(),
    )
}

/// Creators post one signed offer per job while workers long-poll for them
/// and decline each one they receive (so the next poll waits again).
pub(super) async fn board(c: &Common, a: &BoardArgs) -> Result<()> {
    let (jobs, workers, creators) = if c.smoke {
        (20, 4, 2)
    } else {
        (a.jobs, a.workers, a.creators)
    };
    let cluster = tokio::task::spawn_blocking(PgCluster::temporary).await??;
    let db = cluster.ensure_database("lumen_board")?;
    let pool = lumen_board::store::pool(&db, 16)?;
    lumen_board::store::migrate(&mut *pool.get()?)?;
    let blob_dir = c.work_dir.join("board-blobs");
    let _ = std::fs::remove_dir_all(&blob_dir);

    // The chain: every job Open, nobody a VIP.
    let standin = Standin::start(CHAIN).await?;
    let chain: Arc<Mutex<HashMap<AccountAddress, JobInfo>>> = Arc::default();
    let views = chain.clone();
    standin.set_view_handler(move |body, _now| {
        let f = body["function"].as_str().unwrap_or("");
        let arg = body["arguments"][0].as_str().unwrap_or("");
        if f.ends_with("::escrow::job_info") {
            let job = AccountAddress::from_hex(arg).map_err(|e| e.to_string())?;
            let jobs = views.lock().expect("jobs");
            jobs.get(&job)
                .map(|i| vec![i.to_move_json()])
                .ok_or_else(|| format!("Move abort in escrow: no job at {job}"))
        } else if f.ends_with("::vip::has_pass") {
            Ok(vec![serde_json::json!(false)])
        } else {
            Err(format!("no view {f}"))
        }
    });
    let state = AppState::new(
        pool,
        BlobStore::local(&blob_dir)?,
        lumen_board::chain::Chain::new(LumenClient::new(&standin.url(), Package::DEV)?, None),
        Limits {
            // Rates are a defence against strangers; the benchmark measures
            // the board's own work.
            ip_rate: (0.0, 1),
            account_rate: (0.0, 1),
            ..Limits::default()
        },
    );
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let url = format!("http://{}", l.local_addr()?);
    let server = tokio::spawn(lumen_board::api::serve(l, state));
    let board = BoardClient::new(&url);

    // Set-up, not measured: the scene and every job posted.
    let creators: Vec<Arc<Identity>> = (0..creators)
        .map(|i| Arc::new(identity(1_000 + i)))
        .collect();
    let workers: Vec<Arc<Identity>> = (0..workers).map(|i| Arc::new(identity(i))).collect();
    let scene = b"BLENDER-v300 board benchmark scene".to_vec();
    board.put_scene(&creators[0], scene.clone()).await?;
    let spec = JobSpec {
        version: JobSpec::VERSION,
        scene_hash: content_hash(&scene),
        scene_size: scene.len() as u64,
        frame_start: 1,
        frame_end: 24,
        engine: Engine::Cycles,
        resolution_x: 64,
        resolution_y: 64,
        samples: 4,
        output_format: OutputFormat::Png,
    };
    let job_of = |i: u64| Package::DEV.job_address(i);
    let creator_of = |i: u64| &creators[(i % creators.len() as u64) as usize];
    {
        let mut m = chain.lock().expect("jobs");
        for i in 0..jobs {
            m.insert(job_of(i), open_job(i, creator_of(i).account, &spec));
        }
    }
    let mut set = tokio::task::JoinSet::new();
    for (ci, creator) in creators.iter().enumerate() {
        let (board, creator, spec) = (board.clone(), creator.clone(), spec.clone());
        let n = creators.len() as u64;
        set.spawn(async move {
            for i in (ci as u64..jobs).step_by(n as usize) {
                let req = PostJob {
                    job: job_of(i),
                    spec: spec.clone(),
                };
                board.post_job(&creator, &req).await?;
            }
            anyhow::Ok(())
        });
    }
    while let Some(r) = set.join_next().await {
        r??;
    }

    // Measured: offers posted and delivered.
    let delivered = Arc::new(AtomicU64::new(0));
    let posted_at: Arc<Mutex<HashMap<AccountAddress, Instant>>> = Arc::default();
    let latencies: Arc<Mutex<Vec<f64>>> = Arc::default();
    let mut polls = tokio::task::JoinSet::new();
    for w in &workers {
        let (board, w) = (board.clone(), w.clone());
        let (delivered, posted_at, latencies) =
            (delivered.clone(), posted_at.clone(), latencies.clone());
        polls.spawn(async move {
            while delivered.load(Ordering::SeqCst) < jobs {
                let page = board.poll_offers(w.account, 2).await?;
                for o in page.offers {
                    let at = posted_at.lock().expect("posted").get(&o.offer.job).copied();
                    if let Some(at) = at {
                        latencies
                            .lock()
                            .expect("latencies")
                            .push(at.elapsed().as_secs_f64() * 1e3);
                    }
                    delivered.fetch_add(1, Ordering::SeqCst);
                    board.decline(&w, o.id, "benchmark").await?;
                }
            }
            anyhow::Ok(())
        });
    }
    let t0 = Instant::now();
    let now = unix_now();
    for (ci, creator) in creators.iter().enumerate() {
        let (board, creator, posted_at) = (board.clone(), creator.clone(), posted_at.clone());
        let worker_accounts: Vec<AccountAddress> = workers.iter().map(|w| w.account).collect();
        let n = creators.len();
        set.spawn(async move {
            for i in (ci as u64..jobs).step_by(n) {
                let offer = AssignmentOffer {
                    job: job_of(i),
                    worker: worker_accounts[(i % worker_accounts.len() as u64) as usize],
                    price_per_frame: PRICE,
                    render_deadline: now + 7_200,
                    offer_expires_at: now + 3_600,
                    nonce: i,
                    chain_id: CHAIN,
                };
                let req = PostOffers {
                    public_key: creator.key.public_key().to_hex(),
                    offers: vec![SignedOffer {
                        signature: offer.sign(&Package::DEV, &creator.key).to_hex(),
                        offer,
                    }],
                };
                posted_at
                    .lock()
                    .expect("posted")
                    .insert(job_of(i), Instant::now());
                board.post_offers(&creator, job_of(i), &req).await?;
            }
            anyhow::Ok(())
        });
    }
    while let Some(r) = set.join_next().await {
        r??;
    }
    let limit = Instant::now() + Duration::from_secs(120);
    while delivered.load(Ordering::SeqCst) < jobs {
        if let Some(Ok(Err(e))) = polls.try_join_next() {
            return Err(e.context("a worker's poll"));
        }
        if Instant::now() > limit {
            bail!(
                "only {} of {jobs} offers reached their workers within 120 s",
                delivered.load(Ordering::SeqCst)
            );
        }
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    let secs = t0.elapsed().as_secs_f64();
    polls.abort_all();
    server.abort();
    let rate = jobs as f64 / secs;
    let mut lat = latencies.lock().expect("latencies").clone();
    if lat.is_empty() {
        bail!("no offer delivery was timed");
    }
    lat.sort_by(f64::total_cmp);
    let pct = |p: f64| lat[((lat.len() as f64 * p).ceil() as usize).clamp(1, lat.len()) - 1];
    report::append(
        &c.results,
        &Row::new(
            "Job board: offers delivered",
            &format!(
                "{jobs} jobs, one signed offer each, posted by {} creators to {} workers long-polling (each declines what it receives); post to delivery p50 {} ms, p99 {} ms",
                creators.len(),
                workers.len(),
                fmt_num(pct(0.5)),
                fmt_num(pct(0.99)),
            ),
            rate,
            "offers/s",
        )
        .reference_label_only("no target")
        .note(format!(
            "{}lumen-board in process over real HTTP and PostgreSQL; every post and decline signed (ed25519) and checked, each against escrow::job_info on a fullnode stand-in over HTTP; rate limits off. From the first post to the last delivery: {} s.",
            smoke_note(c),
            fmt_num(secs)
        )),
    )?;
    let _ = std::fs::remove_dir_all(&blob_dir);
    Ok(())
}
