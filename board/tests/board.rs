//! The board over real HTTP, a real PostgreSQL (a throwaway cluster or
//! `DATABASE_URL`), a local blob directory and the fullnode stand-in, whose
//! `escrow::job_info` / `vip::*` answers each test sets (what the chain would
//! say), with a small HTTP server in the indexer's candidates shape.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::routing::get;
use axum::{Json, Router};
use lumen_board::api::{self, AppState, Limits};
use lumen_board::blobs::BlobStore;
use lumen_board::chain::Chain;
use lumen_board::client::{BoardClient, ClientError, Identity};
use lumen_board::proto::*;
use lumen_board::store;
use lumen_indexer::pg_cluster::TestDb;
use lumen_sdk::aptos_sdk::crypto::Ed25519PrivateKey;
use lumen_sdk::messages::AssignmentOffer;
use lumen_sdk::movejson::MoveJson;
use lumen_sdk::render::{content_hash, Engine, JobSpec, OutputFormat};
use lumen_sdk::standin::Standin;
use lumen_sdk::tx::LumenClient;
use lumen_sdk::views::JobInfo;
use lumen_sdk::{AccountAddress, JobStatus, Package};
use serde_json::{json, Value};

const CHAIN: u8 = 4;

fn key(n: u8) -> Ed25519PrivateKey {
    Ed25519PrivateKey::from_bytes(&[n; 32]).unwrap()
}

/// What the stand-in answers for views.
#[derive(Default)]
struct ChainState {
    jobs: HashMap<AccountAddress, JobInfo>,
    vip: HashMap<AccountAddress, bool>,
}

struct Fixture {
    board: BoardClient,
    standin: Standin,
    chain: Arc<Mutex<ChainState>>,
    blob_dir: tempfile::TempDir,
    _db: TestDb,
    _tasks: Vec<tokio::task::JoinHandle<()>>,
}

impl Fixture {
    /// Creates job `id` of `creator` with `spec` on the chain; its address.
    fn on_chain(&self, id: u64, creator: AccountAddress, spec: &JobSpec) -> AccountAddress {
        let job = Package::DEV.job_address(id);
        let info = job_info(id, creator, spec);
        self.chain.lock().unwrap().jobs.insert(job, info);
        job
    }

    /// The board's answer refusing `who`'s post of `job` with `spec`.
    async fn post_job_refused(
        &self,
        who: &Identity,
        job: AccountAddress,
        spec: JobSpec,
    ) -> (u16, ErrorBody) {
        let post = PostJob { job, spec };
        board_error(self.board.post_job(who, &post).await.unwrap_err())
    }

    /// Stops the servers before the database goes, so that the pool is not
    /// left reconnecting to a dropped database.
    async fn stop(self) {
        for t in &self._tasks {
            t.abort();
        }
        for t in self._tasks {
            let _ = t.await;
        }
    }
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

async fn indexer_stub(candidates: Vec<AccountAddress>) -> (String, tokio::task::JoinHandle<()>) {
    let items: Vec<Value> = candidates
        .iter()
        .enumerate()
        .map(|(i, a)| json!({"address": a.to_hex(), "rank": i + 1, "vip_priority_slot": i == 0, "priority": 100 - i as u64, "vip": i == 0}))
        .collect();
    let body = json!({"job": {}, "eligible_total": items.len(), "vip_first": 1, "items": items});
    let app = Router::new().route(
        "/v1/jobs/{id}/candidates",
        get(move || {
            let b = body.clone();
            async move { Json(b) }
        }),
    );
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", l.local_addr().unwrap());
    (
        url,
        tokio::spawn(async move { axum::serve(l, app).await.unwrap() }),
    )
}

async fn start(limits: Limits, candidates: Vec<AccountAddress>) -> Fixture {
    let db = TestDb::new().unwrap();
    let pool = store::pool(db.url(), 4).unwrap();
    store::migrate(&mut pool.get().unwrap()).unwrap();
    let blob_dir = tempfile::tempdir().unwrap();
    let blobs = BlobStore::local(blob_dir.path()).unwrap();
    let standin = Standin::start(CHAIN).await.unwrap();
    let chain = Arc::new(Mutex::new(ChainState::default()));
    let views = chain.clone();
    standin.set_view_handler(move |body, _now| {
        let f = body["function"].as_str().unwrap_or("");
        let args = body["arguments"].as_array().cloned().unwrap_or_default();
        let arg = |i: usize| {
            AccountAddress::from_hex(args[i].as_str().unwrap_or("")).map_err(|e| e.to_string())
        };
        let c = views.lock().unwrap();
        if f.ends_with("::escrow::job_info") {
            let job = arg(0)?;
            c.jobs
                .get(&job)
                .map(|i| vec![i.to_move_json()])
                .ok_or_else(|| format!("Move abort in escrow: no job at {job}"))
        } else if f.ends_with("::vip::has_pass") {
            Ok(vec![json!(c.vip.get(&arg(0)?).copied().unwrap_or(false))])
        } else {
            Err(format!("no view {f}"))
        }
    });
    let (indexer, stub) = indexer_stub(candidates).await;
    let client = LumenClient::new(&standin.url(), Package::DEV).unwrap();
    let state = AppState::new(
        pool,
        blobs,
        Chain::new(client, Some(indexer)).with_auth_key_ttl(Duration::ZERO),
        limits,
    );
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", l.local_addr().unwrap());
    let server = tokio::spawn(async move { api::serve(l, state).await.unwrap() });
    Fixture {
        board: BoardClient::new(&url),
        standin,
        chain,
        blob_dir,
        _db: db,
        _tasks: vec![stub, server],
    }
}

fn fast() -> Limits {
    Limits {
        ladder_tick: Duration::from_millis(100),
        ..Limits::default()
    }
}

fn scene() -> Vec<u8> {
    b"BLENDER-v300 a small scene".to_vec()
}

fn spec_for(scene: &[u8], frames: u64) -> JobSpec {
    JobSpec {
        version: JobSpec::VERSION,
        scene_hash: content_hash(scene),
        scene_size: scene.len() as u64,
        frame_start: 1,
        frame_end: frames,
        engine: Engine::Cycles,
        resolution_x: 64,
        resolution_y: 64,
        samples: 4,
        output_format: OutputFormat::Png,
    }
}

fn job_info(id: u64, creator: AccountAddress, spec: &JobSpec) -> JobInfo {
    JobInfo::open(
        id,
        creator,
        spec.hash().0.to_vec(),
        spec.frames(),
        1000,
        now(),
    )
}

/// Creates job `id` "on chain" for `creator` and posts it to the board.
async fn post_job(
    f: &Fixture,
    creator: &Identity,
    id: u64,
    frames: u64,
) -> (AccountAddress, JobSpec) {
    let scene = scene();
    f.board.put_scene(creator, scene.clone()).await.unwrap();
    let spec = spec_for(&scene, frames);
    let job = f.on_chain(id, creator.account, &spec);
    let view = f
        .board
        .post_job(
            creator,
            &PostJob {
                job,
                spec: spec.clone(),
            },
        )
        .await
        .unwrap();
    assert_eq!(view.job_id, id);
    assert_eq!(view.spec, spec);
    (job, spec)
}

fn ladder(
    creator: &Identity,
    job: AccountAddress,
    workers: &[AccountAddress],
    first_expiry: u64,
    step: u64,
) -> PostOffers {
    let offers = workers
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let offer = AssignmentOffer {
                job,
                worker: *w,
                price_per_frame: 900,
                render_deadline: first_expiry + 3600,
                offer_expires_at: first_expiry + step * i as u64,
                nonce: 1000 + i as u64,
                chain_id: CHAIN,
            };
            SignedOffer {
                signature: offer.sign(&Package::DEV, &creator.key).to_hex(),
                offer,
            }
        })
        .collect();
    PostOffers {
        public_key: creator.key.public_key().to_hex(),
        offers,
    }
}

fn board_error(e: ClientError) -> (u16, ErrorBody) {
    match e {
        ClientError::Board { status, body, .. } => (status, body),
        other => panic!("expected a board error, got {other}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn job_posting_checks_the_chain_and_the_signature() {
    let f = start(fast(), vec![]).await;
    let creator = Identity::new(key(1));
    let stranger = Identity::new(key(2));
    let (job, spec) = post_job(&f, &creator, 0, 4).await;
    let got = f.board.job(job).await.unwrap();
    assert_eq!(got.creator, creator.account);
    assert_eq!(got.spec_hash, spec.hash());
    // By job id too.
    let by_id: JobView = reqwest::get(format!("{}/v1/jobs/0", f.board.base()))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(by_id.job, job);

    // A spec that is not the one hashed on chain.
    let scene = scene();
    let mut other = spec_for(&scene, 4);
    other.samples = 5;
    let job1 = f.on_chain(1, creator.account, &spec_for(&scene, 4));
    let (s, e) = f.post_job_refused(&creator, job1, other.clone()).await;
    assert_eq!((s, e.parameter.as_deref()), (400, Some("spec")));
    assert!(e.error.contains("on-chain spec_hash"), "{}", e.error);
    // Someone else's job.
    let (s, e) = f
        .post_job_refused(&stranger, job1, spec_for(&scene, 4))
        .await;
    assert_eq!(s, 403, "{}", e.error);
    // No such job on chain.
    let nowhere = Package::DEV.job_address(9);
    let (s, _) = f.post_job_refused(&creator, nowhere, spec.clone()).await;
    assert_eq!(s, 404);
    // A scene nobody uploaded.
    let missing = b"BLENDER never uploaded".to_vec();
    let job2 = f.on_chain(2, creator.account, &spec_for(&missing, 4));
    let (s, e) = f
        .post_job_refused(&creator, job2, spec_for(&missing, 4))
        .await;
    assert_eq!(s, 400);
    assert!(e.error.contains("has not been uploaded"), "{}", e.error);
    // An invalid spec names its field.
    let mut bad = spec.clone();
    bad.resolution_x = 0;
    let (s, e) = f.post_job_refused(&creator, job, bad).await;
    assert_eq!(s, 400);
    assert!(e.error.contains("resolution_x"), "{}", e.error);

    // Unsigned, replayed, stale and rotated-key writes.
    let http = reqwest::Client::new();
    let url = format!("{}/v1/jobs", f.board.base());
    let body = serde_json::to_vec(&PostJob {
        job,
        spec: spec.clone(),
    })
    .unwrap();
    let r = http.post(&url).body(body.clone()).send().await.unwrap();
    assert_eq!(r.status(), 401);
    let e: ErrorBody = r.json().await.unwrap();
    assert_eq!(e.parameter.as_deref(), Some("lumen-account"));
    let signed_at =
        |t| lumen_board::auth::sign(&creator.key, creator.account, "POST", "/v1/jobs", t, &body);
    let headers = signed_at(now());
    let send = |h: &[(&'static str, String); 5]| {
        let mut rb = http.post(&url).body(body.clone());
        for (k, v) in h {
            rb = rb.header(*k, v);
        }
        rb.send()
    };
    assert_eq!(send(&headers).await.unwrap().status(), 200);
    let replay = send(&headers).await.unwrap();
    assert_eq!(replay.status(), 409);
    assert!(replay.text().await.unwrap().contains("replay"));
    let stale = signed_at(now() - 600);
    assert_eq!(send(&stale).await.unwrap().status(), 401);
    // The creator rotated its key: the old key no longer speaks for it.
    f.standin
        .set_account(creator.account, 0, stranger.account.to_bytes());
    let old_key = signed_at(now());
    let r = send(&old_key).await.unwrap();
    assert_eq!(r.status(), 403);
    let e: ErrorBody = r.json().await.unwrap();
    assert!(e.error.contains("authentication key"), "{}", e.error);
    f.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_expired_offer_moves_to_the_next_candidate() {
    let (a, b, c) = (
        Identity::new(key(11)),
        Identity::new(key(12)),
        Identity::new(key(13)),
    );
    let f = start(fast(), vec![a.account, b.account, c.account]).await;
    let creator = Identity::new(key(1));
    let (job, _) = post_job(&f, &creator, 0, 4).await;

    // The board ranks through the indexer.
    let cands = f.board.candidates(job, 3).await.unwrap();
    let order: Vec<_> = cands.candidates.iter().map(|c| c.address).collect();
    assert_eq!(order, vec![a.account, b.account, c.account]);

    let t0 = now();
    let posted = f
        .board
        .post_offers(&creator, job, &ladder(&creator, job, &order, t0 + 2, 3))
        .await
        .unwrap();
    let states: Vec<_> = posted.offers.iter().map(|o| o.state).collect();
    assert_eq!(
        states,
        vec![OfferState::Active, OfferState::Waiting, OfferState::Waiting]
    );

    // Only the first candidate sees its offer.
    assert_eq!(
        f.board
            .poll_offers(a.account, 0)
            .await
            .unwrap()
            .offers
            .len(),
        1
    );
    assert!(f
        .board
        .poll_offers(b.account, 0)
        .await
        .unwrap()
        .offers
        .is_empty());

    // B's long poll returns when A's offer expires unaccepted.
    let started = Instant::now();
    let page = f.board.poll_offers(b.account, 10).await.unwrap();
    assert_eq!(page.offers.len(), 1, "{page:?}");
    assert_eq!(page.offers[0].offer.worker, b.account);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    let view = f.board.job(job).await.unwrap();
    assert_eq!(view.offers[0].state, OfferState::Expired);
    assert_eq!(
        view.offers[0].reason.as_deref(),
        Some("not accepted before it expired")
    );

    // B cannot meet the deadline and says so: C gets it at once.
    let declined = f
        .board
        .decline(&b, page.offers[0].id, "the deadline is too close")
        .await
        .unwrap();
    assert_eq!(declined.state, OfferState::Declined);
    let page = f.board.poll_offers(c.account, 0).await.unwrap();
    assert_eq!(page.offers.len(), 1);
    let id = page.offers[0].id;
    // Only the addressee may decline or report an acceptance.
    let (s, _) = board_error(f.board.decline(&a, id, "not mine").await.unwrap_err());
    assert_eq!(s, 403);
    // Reporting an acceptance the chain has not seen is refused.
    let (s, e) = board_error(f.board.accepted(&c, id).await.unwrap_err());
    assert_eq!(s, 409, "{}", e.error);
    {
        let mut chain = f.chain.lock().unwrap();
        let info = chain.jobs.get_mut(&job).unwrap();
        info.status = JobStatus::Assigned as u8;
        info.worker = c.account;
    }
    assert_eq!(
        f.board.accepted(&c, id).await.unwrap().state,
        OfferState::Accepted
    );
    // A new ladder on a job that is no longer open is refused.
    let (s, _) = board_error(
        f.board
            .post_offers(
                &creator,
                job,
                &ladder(&creator, job, &[a.account], now() + 60, 1),
            )
            .await
            .unwrap_err(),
    );
    assert_eq!(s, 409);
    f.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ladders_are_checked_before_they_are_stored() {
    let f = start(fast(), vec![]).await;
    let creator = Identity::new(key(1));
    let w = Identity::new(key(11));
    let (job, _) = post_job(&f, &creator, 0, 4).await;
    let t = now() + 60;
    type Change = Box<dyn Fn(&mut PostOffers)>;
    let cases: Vec<(&str, Change)> = vec![
        (
            "is for job",
            Box::new(|l| l.offers[0].offer.job = AccountAddress::ONE),
        ),
        ("is for chain", Box::new(|l| l.offers[0].offer.chain_id = 1)),
        (
            "price_per_frame",
            Box::new(|l| l.offers[0].offer.price_per_frame = 1001),
        ),
        (
            "does not verify",
            Box::new(|l| l.offers[1].offer.nonce += 1),
        ),
        (
            "must rise",
            Box::new(|l| l.offers[1].offer.offer_expires_at = l.offers[0].offer.offer_expires_at),
        ),
        (
            "appears twice",
            Box::new(|l| l.offers[1].offer.worker = l.offers[0].offer.worker),
        ),
    ];
    for (want, change) in cases {
        let mut l = ladder(
            &creator,
            job,
            &[w.account, Identity::new(key(12)).account],
            t,
            10,
        );
        change(&mut l);
        // Re-sign where the change is not about the signature.
        if want != "does not verify" {
            for s in &mut l.offers {
                s.signature = s.offer.sign(&Package::DEV, &creator.key).to_hex();
            }
        }
        let (s, e) = board_error(f.board.post_offers(&creator, job, &l).await.unwrap_err());
        assert_eq!(s, 400, "{want}: {}", e.error);
        assert!(e.error.contains(want), "{want}: {}", e.error);
    }
    // Nothing half-stored.
    assert!(f.board.job(job).await.unwrap().offers.is_empty());
    // A worker posting offers for someone else's job.
    let (s, _) = board_error(
        f.board
            .post_offers(&w, job, &ladder(&creator, job, &[w.account], t, 1))
            .await
            .unwrap_err(),
    );
    assert_eq!(s, 403);
    // A second ladder while the first is open.
    f.board
        .post_offers(&creator, job, &ladder(&creator, job, &[w.account], t, 1))
        .await
        .unwrap();
    let (s, _) = board_error(
        f.board
            .post_offers(&creator, job, &ladder(&creator, job, &[w.account], t, 1))
            .await
            .unwrap_err(),
    );
    assert_eq!(s, 409);
    f.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn vip_creators_offers_come_first() {
    let f = start(fast(), vec![]).await;
    let (plain, vip) = (Identity::new(key(1)), Identity::new(key(2)));
    let w = Identity::new(key(11));
    {
        let mut c = f.chain.lock().unwrap();
        c.vip.insert(plain.account, false);
        c.vip.insert(vip.account, true);
    }
    // The plain creator posts first; the VIP still leads.
    let (job0, _) = post_job(&f, &plain, 0, 2).await;
    let (job1, _) = post_job(&f, &vip, 1, 2).await;
    let t = now() + 60;
    f.board
        .post_offers(&plain, job0, &ladder(&plain, job0, &[w.account], t, 1))
        .await
        .unwrap();
    f.board
        .post_offers(&vip, job1, &ladder(&vip, job1, &[w.account], t, 1))
        .await
        .unwrap();
    let page = f.board.poll_offers(w.account, 0).await.unwrap();
    let jobs: Vec<_> = page
        .offers
        .iter()
        .map(|o| (o.offer.job, o.creator_vip))
        .collect();
    assert_eq!(jobs, vec![(job1, true), (job0, false)]);
    f.stop().await;
}

fn png(n: u8) -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n".to_vec();
    b.extend(std::iter::repeat_n(n, 100));
    b
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn frames_only_from_the_assigned_worker_and_verified_on_read() {
    let limits = Limits {
        max_frame_bytes: 1000,
        ..fast()
    };
    let f = start(limits, vec![]).await;
    let creator = Identity::new(key(1));
    let (w, other) = (Identity::new(key(11)), Identity::new(key(12)));
    let (job, _) = post_job(&f, &creator, 0, 3).await;
    // Open job: nobody uploads.
    let (s, _) = board_error(f.board.put_frame(&w, job, 1, png(1)).await.unwrap_err());
    assert_eq!(s, 403);
    {
        let mut c = f.chain.lock().unwrap();
        let info = c.jobs.get_mut(&job).unwrap();
        info.status = JobStatus::Assigned as u8;
        info.worker = w.account;
    }
    let (s, _) = board_error(f.board.put_frame(&other, job, 1, png(1)).await.unwrap_err());
    assert_eq!(s, 403);
    let (s, e) = board_error(f.board.put_frame(&w, job, 4, png(1)).await.unwrap_err());
    assert_eq!((s, e.parameter.as_deref()), (400, Some("frames")));
    let (s, e) = board_error(
        f.board
            .put_frame(&w, job, 1, b"GIF89a".to_vec())
            .await
            .unwrap_err(),
    );
    assert_eq!(s, 400, "{}", e.error);
    let (s, e) = board_error(
        f.board
            .put_frame(&w, job, 1, vec![0x89; 2000])
            .await
            .unwrap_err(),
    );
    assert_eq!(s, 413);
    assert!(e.error.contains("limit of 1000 bytes"), "{}", e.error);

    for n in 1..=3 {
        let fv = f.board.put_frame(&w, job, n, png(n as u8)).await.unwrap();
        assert_eq!(fv.hash, content_hash(&png(n as u8)));
    }
    let view = f.board.job(job).await.unwrap();
    assert_eq!(
        view.frames.iter().map(|f| f.frame).collect::<Vec<_>>(),
        vec![1, 2, 3]
    );
    assert_eq!(f.board.blob(&view.frames[1].hash).await.unwrap(), png(2));

    // Storage rot is caught on read, by the board and so by the client.
    let hex = view.frames[1].hash.hex();
    let file = f.blob_dir.path().join("blobs").join(&hex[..2]).join(&hex);
    let mut bytes = std::fs::read(&file).unwrap();
    bytes[50] ^= 0xff;
    std::fs::write(&file, bytes).unwrap();
    let (s, e) = board_error(f.board.blob(&view.frames[1].hash).await.unwrap_err());
    assert_eq!(s, 500);
    assert!(e.error.contains("corrupt"), "{}", e.error);

    // Submitted: frames are frozen.
    f.chain.lock().unwrap().jobs.get_mut(&job).unwrap().status = JobStatus::Submitted as u8;
    let (s, _) = board_error(f.board.put_frame(&w, job, 1, png(9)).await.unwrap_err());
    assert_eq!(s, 409);
    f.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn errors_are_json_and_rates_are_bounded() {
    let limits = Limits {
        account_rate: (0.5, 2),
        ..fast()
    };
    let f = start(limits, vec![]).await;
    let http = reqwest::Client::new();
    for (method, path, status) in [
        ("GET", "/nowhere", 404),
        ("DELETE", "/v1/jobs", 405),
        ("GET", "/v1/jobs/zz", 400),
        ("GET", "/v1/blobs/abc", 400),
        ("GET", "/v1/workers/0x1/offers?wait=99", 400),
        ("GET", "/v1/workers/0x1/offers?since=1", 400),
        ("GET", "/v1/jobs/7", 404),
    ] {
        let r = http
            .request(method.parse().unwrap(), format!("{}{path}", f.board.base()))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status().as_u16(), status, "{method} {path}");
        let e: ErrorBody = r
            .json()
            .await
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        assert!(!e.error.is_empty());
    }
    // Two writes burst, the third waits.
    let creator = Identity::new(key(1));
    f.board.put_scene(&creator, scene()).await.unwrap();
    f.board.put_scene(&creator, scene()).await.unwrap();
    let e = f.board.put_scene(&creator, scene()).await.unwrap_err();
    assert_eq!(e.status(), Some(429), "{e}");
    let (_, body) = board_error(e);
    assert!(body.error.contains("rate limit"), "{}", body.error);
    // Not a .blend file.
    let other = Identity::new(key(2));
    let (s, e) = board_error(
        f.board
            .put_scene(&other, b"hello".to_vec())
            .await
            .unwrap_err(),
    );
    assert_eq!(s, 400);
    assert!(e.error.contains(".blend"), "{}", e.error);
    f.stop().await;
}
