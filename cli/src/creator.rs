//! The creator's side of a render job, from a `.blend` file to verified
//! frames on disk: [`Creator::submit`] uploads the scene, creates and funds
//! the job on chain, posts it to the board, picks ranked candidates through
//! the board and posts a ladder of signed offers; [`Creator::fetch`]
//! downloads the frames and proves them against the on-chain `output_root`;
//! [`Creator::rerender`] asks for frames again. The `lumen job` commands
//! call these.

use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use anyhow::{anyhow, bail, Context, Result};
use lumen_board::client::{BoardClient, Identity};
use lumen_board::proto::{JobView, PostJob, PostOffers, PostRerender, SignedOffer};
use lumen_sdk::aptos_sdk::account::Ed25519Account;
use lumen_sdk::aptos_sdk::transaction::EntryFunction;
use lumen_sdk::events::LumenEvent;
use lumen_sdk::messages::AssignmentOffer;
use lumen_sdk::render::{content_hash, Engine, Hash32, JobSpec, OutputFormat};
use lumen_sdk::tx::{LumenClient, TxnOptions};
use lumen_sdk::views::{self, JobInfo};
use lumen_sdk::{params, payloads, AccountAddress, JobStatus};
use serde_json::{json, Value};

use crate::contact::write_sheet;
use crate::fetch::fetch_verified;

/// What a job renders, before its scene is hashed.
#[derive(Clone, Debug)]
pub struct JobRequest {
    /// First and last frame.
    pub frames: (u64, u64),
    /// Width and height in pixels.
    pub resolution: (u32, u32),
    /// Cycles samples per pixel.
    pub samples: u32,
    /// Highest price per frame; the deposit is frames × this.
    pub max_price_per_frame: u64,
    /// Minimum worker score (micro-units).
    pub min_score: u64,
    /// Minimum worker VRAM in MiB.
    pub min_vram_mb: u64,
}

/// How offers are made.
#[derive(Clone, Debug)]
pub struct OfferPlan {
    /// Price per frame (default: the job's maximum).
    pub price_per_frame: Option<u64>,
    /// How many ranked candidates get an offer, one after the other.
    pub candidates: u64,
    /// Seconds each candidate has to accept before the next one gets the job.
    pub offer_window: u64,
    /// Seconds from an offer's expiry to its render deadline.
    pub render_secs: u64,
    /// Workers to offer the job to, in this order, instead of the board's
    /// ranked candidates (a creator's own render nodes).
    pub workers: Vec<AccountAddress>,
}

impl Default for OfferPlan {
    fn default() -> Self {
        Self {
            price_per_frame: None,
            candidates: 3,
            offer_window: 600,
            render_secs: 3600,
            workers: vec![],
        }
    }
}

/// A creator: its key, the chain and the board.
pub struct Creator {
    /// The fullnode.
    pub chain: LumenClient,
    /// The board.
    pub board: BoardClient,
    /// The creator's key and account.
    pub id: Identity,
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// The `JobCreated` event of a committed `create_job`.
pub fn job_created(package: &lumen_sdk::Package, txn: &Value) -> Result<(AccountAddress, u64)> {
    for e in txn["events"].as_array().into_iter().flatten() {
        if let Ok(Some(LumenEvent::JobCreated(c))) = LumenEvent::decode_rest(package, e) {
            return Ok((c.job, c.job_id));
        }
    }
    bail!(
        "create_job committed without a JobCreated event (transaction {})",
        txn["hash"]
    )
}

impl Creator {
    /// Sends an entry function from the creator's account and waits for it.
    pub async fn send(&self, payload: EntryFunction) -> Result<Value> {
        let account =
            Ed25519Account::from_private_key(self.id.key.clone()).with_address(self.id.account);
        let signed = self
            .chain
            .build_and_sign(&account, payload, &TxnOptions::default())
            .await?;
        Ok(self
            .chain
            .submit_and_wait(&signed, Duration::from_secs(60))
            .await?)
    }

    /// The job's on-chain record.
    pub async fn info(&self, job: AccountAddress) -> Result<JobInfo> {
        Ok(self
            .chain
            .view(&views::escrow::job_info(&self.chain.package, job))
            .await?)
    }

    /// A protocol parameter (`config::param`).
    pub async fn param(&self, name: &str) -> Result<u64> {
        Ok(self
            .chain
            .view(&views::config::param(&self.chain.package, name.to_string()))
            .await?)
    }

    /// Refuses a price below the protocol's `min_price_per_frame`, which
    /// `create_job` and `accept_offer` would abort on.
    async fn check_price_floor(&self, price: u64, what: &str) -> Result<()> {
        let floor = self.param(params::MIN_PRICE_PER_FRAME.name).await?;
        if price < floor {
            bail!("{what} {price} is below the protocol's min_price_per_frame {floor}");
        }
        Ok(())
    }

    /// Uploads `scene`, creates and funds the job, posts it to the board and
    /// offers it to ranked candidates. Returns a summary.
    pub async fn submit(&self, scene: &Path, req: &JobRequest, plan: &OfferPlan) -> Result<Value> {
        let bytes = std::fs::read(scene).with_context(|| format!("reading {}", scene.display()))?;
        let spec = JobSpec {
            version: JobSpec::VERSION,
            scene_hash: content_hash(&bytes),
            scene_size: bytes.len() as u64,
            frame_start: req.frames.0,
            frame_end: req.frames.1,
            engine: Engine::Cycles,
            resolution_x: req.resolution.0,
            resolution_y: req.resolution.1,
            samples: req.samples,
            output_format: OutputFormat::Png,
        };
        spec.validate()?;
        if lumen_sdk::formulas::deposit(spec.frames(), req.max_price_per_frame).is_none() {
            bail!("frames × max price per frame overflows u64");
        }
        self.check_price_floor(req.max_price_per_frame, "max price per frame")
            .await?;
        let package = self.chain.package;
        let stored = self.board.put_scene(&self.id, bytes).await?;
        let txn = self
            .send(payloads::escrow::create_job(
                &package,
                &spec.hash().0,
                spec.frames(),
                req.max_price_per_frame,
                req.min_score,
                req.min_vram_mb,
            ))
            .await?;
        let (job, job_id) = job_created(&package, &txn)?;
        self.board
            .post_job(
                &self.id,
                &PostJob {
                    job,
                    spec: spec.clone(),
                },
            )
            .await?;
        let info = self.info(job).await?;
        let ladder = self.offer(job, &info, plan).await?;
        Ok(json!({
            "job": job,
            "job_id": job_id,
            "spec_hash": spec.hash(),
            "scene": stored.hash,
            "frames": spec.frames(),
            "deposit": info.deposit,
            "create_job": txn["hash"],
            "offers": ladder,
        }))
    }

    /// Posts a signed ladder for an open job to the plan's workers, or to
    /// candidates picked through the board.
    pub async fn offer(
        &self,
        job: AccountAddress,
        info: &JobInfo,
        plan: &OfferPlan,
    ) -> Result<Value> {
        if info.status != JobStatus::Open as u8 {
            bail!("job {} is not open", info.job_id);
        }
        let price = plan.price_per_frame.unwrap_or(info.max_price_per_frame);
        if price == 0 || price > info.max_price_per_frame {
            bail!(
                "price per frame {price} is not in 1..={} (the job's maximum)",
                info.max_price_per_frame
            );
        }
        self.check_price_floor(price, "price per frame").await?;
        let workers = if plan.workers.is_empty() {
            self.ranked(job, info, plan.candidates).await?
        } else {
            plan.workers.clone()
        };
        let chain_id = self.chain.chain_id().await?.id();
        let package = self.chain.package;
        let t0 = now();
        let offers: Vec<SignedOffer> = workers
            .iter()
            .enumerate()
            .map(|(i, worker)| {
                let expires = t0 + (i as u64 + 1) * plan.offer_window;
                let offer = AssignmentOffer {
                    job,
                    worker: *worker,
                    price_per_frame: price,
                    render_deadline: expires + plan.render_secs,
                    offer_expires_at: expires,
                    nonce: rand::random(),
                    chain_id,
                };
                SignedOffer {
                    signature: offer.sign(&package, &self.id.key).to_hex(),
                    offer,
                }
            })
            .collect();
        let ladder = PostOffers {
            public_key: self.id.key.public_key().to_hex(),
            offers,
        };
        let view = self.board.post_offers(&self.id, job, &ladder).await?;
        Ok(json!(view
            .offers
            .iter()
            .filter(|o| ladder.offers.iter().any(|l| l.offer == o.offer))
            .map(|o| json!({
                "id": o.id,
                "worker": o.offer.worker,
                "state": o.state,
                "offer_expires_at": o.offer.offer_expires_at,
                "render_deadline": o.offer.render_deadline,
            }))
            .collect::<Vec<_>>()))
    }

    /// The board's ranked candidates for an open job (the indexer's ranking).
    async fn ranked(
        &self,
        job: AccountAddress,
        info: &JobInfo,
        candidates: u64,
    ) -> Result<Vec<AccountAddress>> {
        // The indexer trails the chain by a moment: a job it has not seen yet is a 503.
        let started = std::time::Instant::now();
        let ranked = loop {
            match self.board.candidates(job, candidates.clamp(1, 32)).await {
                Err(e)
                    if e.status() == Some(503) && started.elapsed() < Duration::from_secs(60) =>
                {
                    tokio::time::sleep(Duration::from_millis(500)).await;
                }
                r => break r?,
            }
        };
        if ranked.candidates.is_empty() {
            bail!(
                "no eligible worker for job {} (score ≥ {}, VRAM ≥ {} MiB, stake ≥ S(n)); the job stays open: \
                 try `lumen job offer --job {}` later or `lumen cancel --job {}`",
                info.job_id, info.min_score, info.min_vram_mb, info.job_id, info.job_id
            );
        }
        Ok(ranked.candidates.iter().map(|c| c.address).collect())
    }

    /// The job on chain and on the board.
    pub async fn status(&self, job: AccountAddress) -> Result<(JobInfo, Option<JobView>)> {
        let info = self.info(job).await?;
        Ok((info, self.board.job(job).await.ok()))
    }

    /// Downloads the frames, proves them against the on-chain `output_root`,
    /// and writes them to `out` (created; must be empty) with a contact sheet
    /// and a manifest. Nothing is written unless every frame is proven.
    pub async fn fetch(&self, job: AccountAddress, out: &Path) -> Result<Value> {
        let info = self.info(job).await?;
        let view = self.board.job(job).await?;
        if out.exists() && std::fs::read_dir(out)?.next().is_some() {
            bail!("{} is not empty; fetch into a new directory", out.display());
        }
        let fetched = fetch_verified(&self.board, &view, &info).await?;
        std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
        let frames = write_frames(out, &fetched.frames)?;
        let sheet = out.join("contact_sheet.png");
        let (w, h) = write_sheet(&fetched.frames, &sheet)?;
        let manifest = json!({
            "job": job,
            "job_id": info.job_id,
            "output_root": fetched.root,
            "frames_done": info.frames_done,
            "frames": frames,
        });
        std::fs::write(
            out.join("manifest.json"),
            serde_json::to_vec_pretty(&manifest)?,
        )?;
        Ok(json!({
            "job": job,
            "job_id": info.job_id,
            "verified": true,
            "output_root": fetched.root,
            "frames": fetched.frames.len(),
            "of": info.frames,
            "out": out,
            "contact_sheet": {"file": sheet, "width": w, "height": h},
        }))
    }

    /// Asks for `frames` again with a render deadline `render_secs` from now:
    /// `escrow::request_rerender` on chain, then the frame list on the board.
    /// The job's terms fix the shortest rerender (`min_rerender_secs`, never
    /// less than the first assignment gave): it is the default, and a shorter
    /// `render_secs` is refused here rather than aborted on chain.
    pub async fn rerender(
        &self,
        job: AccountAddress,
        frames: &[u64],
        render_secs: Option<u64>,
    ) -> Result<Value> {
        let before = self.info(job).await?;
        let render_secs = render_secs.unwrap_or(before.terms.min_rerender_secs);
        if render_secs < before.terms.min_rerender_secs {
            bail!(
                "the job's terms give a rerender at least {} s (--render-secs {render_secs})",
                before.terms.min_rerender_secs
            );
        }
        let deadline = now() + render_secs;
        let txn = self
            .send(payloads::escrow::request_rerender(
                &self.chain.package,
                job,
                frames.len() as u64,
                deadline,
            ))
            .await?;
        let info = self.info(job).await?;
        let view = self
            .board
            .post_rerender(&self.id, job, &PostRerender { round: info.rerenders, frames: frames.to_vec() })
            .await
            .map_err(|e| anyhow!("the rerender is requested on chain, but the board did not take the frame list: {e}"))?;
        Ok(json!({
            "job": job,
            "request_rerender": txn["hash"],
            "round": info.rerenders,
            "frames": view.rerender.map(|r| r.frames),
            "render_deadline": deadline,
        }))
    }
}

fn write_frames(out: &Path, frames: &[(u64, Vec<u8>)]) -> Result<Vec<Value>> {
    let mut listed = vec![];
    for (f, bytes) in frames {
        let name = format!("frame_{f:04}.png");
        let tmp = out.join(format!(".{name}.tmp"));
        std::fs::write(&tmp, bytes).with_context(|| format!("writing {}", tmp.display()))?;
        std::fs::rename(&tmp, out.join(&name))?;
        let hash: Hash32 = content_hash(bytes);
        listed.push(json!({"frame": f, "file": name, "hash": hash}));
    }
    Ok(listed)
}
