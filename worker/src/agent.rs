//! The agent's loop: finish what the state directory holds, watch submitted
//! jobs for a rerender, a partial acceptance (answered within the response
//! window) or their end (finalized once the creator stayed silent past a
//! window), and otherwise long-poll the board for offers, take the first
//! that fits (declining the others that don't), accept it on chain, render,
//! upload, and submit the Merkle root of the frames. Every chain call is a `lumen_sdk::payloads` builder; every step is
//! saved before the next ([`crate::state`]).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use anyhow::{anyhow, bail, Context, Result};
use lumen_board::client::{BoardClient, ClientError, Identity};
use lumen_board::proto::{OfferState, OfferView};
use lumen_sdk::aptos_sdk::account::Ed25519Account;
use lumen_sdk::messages::AssignmentOffer;
use lumen_sdk::render::{content_hash, output_root, Hash32, JobSpec};
use lumen_sdk::tx::{LumenClient, TxError, TxnOptions};
use lumen_sdk::views::{self, JobInfo};
use lumen_sdk::{formulas, params, payloads, AccountAddress, JobStatus};
use tokio::sync::mpsc;

use crate::blender::{frame_file, Blender, Control, Outcome, Progress};
use crate::fit::{self, Capacity, Fit, Speed, Standing};
use crate::state::{write_atomic, FrameRecord, JobState, Phase, StateDir};

/// How the agent is set up.
pub struct Agent {
    /// The board.
    pub board: BoardClient,
    /// The fullnode.
    pub chain: LumenClient,
    /// The worker's key and account.
    pub identity: Arc<Identity>,
    /// Durable state.
    pub state: StateDir,
    /// Blender and its sandbox.
    pub blender: Blender,
    /// What offers it takes.
    pub capacity: Capacity,
    /// How often one frame may crash before the agent gives up on the job.
    pub max_retries: u32,
    /// Seconds a long poll waits.
    pub poll_wait_secs: u64,
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

fn short(a: &AccountAddress) -> String {
    let h = a.to_hex();
    format!("{}…{}", &h[..6], &h[h.len() - 4..])
}

impl Agent {
    fn account(&self) -> Ed25519Account {
        Ed25519Account::from_private_key(self.identity.key.clone())
            .with_address(self.identity.account)
    }

    fn speed_path(&self) -> PathBuf {
        self.state
            .job_dir(&AccountAddress::ZERO)
            .with_file_name("speed.json")
    }

    fn speed(&self) -> Speed {
        std::fs::read(self.speed_path())
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    /// Writes the driver script and checks that the sandbox user can reach
    /// the state directory. Call once before [`Agent::run`].
    pub fn prepare(&self) -> Result<()> {
        let driver = self.state.driver_path();
        write_atomic(&driver, crate::blender::DRIVER.as_bytes())?;
        if let Some((uid, gid)) = self.blender.sandbox.run_as() {
            crate::blender::check_reachable(&driver, uid, gid)?;
        }
        Ok(())
    }

    /// Runs until `stop` resolves: jobs in the state directory first, then
    /// offers from the board.
    pub async fn run(&self, stop: impl std::future::Future<Output = ()>) -> Result<()> {
        tokio::pin!(stop);
        let mut backoff = Duration::from_secs(1);
        loop {
            let step = self.step();
            tokio::select! {
                _ = &mut stop => return Ok(()),
                r = step => match r {
                    Ok(()) => backoff = Duration::from_secs(1),
                    Err(e) => {
                        tracing::warn!(error = format!("{e:#}"), retry_in = ?backoff, "agent step failed");
                        tokio::time::sleep(backoff).await;
                        backoff = (backoff * 2).min(Duration::from_secs(30));
                    }
                }
            }
        }
    }

    /// One round: drive an unfinished job, or watch submitted ones and poll
    /// for offers.
    pub async fn step(&self) -> Result<()> {
        let jobs = self.state.load_all()?;
        if let Some(mut s) = jobs
            .iter()
            .find(|s| {
                matches!(
                    s.phase,
                    Phase::Accepting | Phase::Rendering | Phase::Submitting
                )
            })
            .cloned()
        {
            return self.drive(&mut s).await;
        }
        let waiting: Vec<JobState> = jobs
            .into_iter()
            .filter(|s| s.phase == Phase::Submitted)
            .collect();
        for mut s in waiting.clone() {
            self.watch(&mut s).await?;
        }
        let wait = if waiting.is_empty() {
            self.poll_wait_secs
        } else {
            self.poll_wait_secs.min(5)
        };
        let page = self.board.poll_offers(self.identity.account, wait).await?;
        for offer in page.offers {
            if offer.state != OfferState::Active {
                continue;
            }
            match self.consider(&offer).await {
                Ok(Some(mut s)) => return self.drive(&mut s).await,
                Ok(None) => {}
                Err(e) => {
                    tracing::warn!(offer = offer.id, error = format!("{e:#}"), "offer skipped")
                }
            }
        }
        Ok(())
    }

    /// Judges an offer; a fitting one becomes a job state (Accepting), a
    /// misfit is declined on the board.
    async fn consider(&self, offer: &OfferView) -> Result<Option<JobState>> {
        let job = offer.offer.job;
        if self.state.job_dir(&job).join("state.json").exists() {
            return Ok(None);
        }
        let view = self.board.job(job).await?;
        let info = self.job_info(job).await?;
        let decline = |reason: String| async move {
            tracing::info!(%job, offer = offer.id, %reason, "declining offer");
            self.board
                .decline(&self.identity, offer.id, &reason)
                .await
                .map(|_| None)
        };
        if let Err(e) = view.spec.validate() {
            return Ok(decline(format!("the job spec is invalid: {e}")).await?);
        }
        if info.spec_hash != view.spec.hash().0 || info.frames != view.spec.frames() {
            return Ok(decline(
                "the board's spec does not match the job's spec_hash on chain".into(),
            )
            .await?);
        }
        if info.status != JobStatus::Open as u8 {
            return Ok(None);
        }
        let (pk, sig) = offer
            .credentials()
            .map_err(|e| anyhow!("offer {}: {e}", offer.id))?;
        if offer.offer.verify(&self.chain.package, &pk, &sig).is_err() {
            return Ok(decline("the creator's signature does not verify".into()).await?);
        }
        let standing = self.standing(&offer.offer, info.frames).await?;
        if let Fit::Decline(reason) = fit::judge(
            &offer.offer,
            &view.spec,
            &self.capacity,
            &standing,
            &self.speed(),
            now(),
        ) {
            return Ok(decline(reason).await?);
        }
        let scene = self.fetch_scene(&view.spec).await?;
        tracing::info!(%job, job_id = info.job_id, frames = view.spec.frames(), price = offer.offer.price_per_frame, scene = %scene.display(), "taking offer");
        let s = JobState {
            job,
            offer: offer.clone(),
            wanted: view.spec.frame_numbers().collect(),
            spec: view.spec,
            phase: Phase::Accepting,
            accept_txn: None,
            frames: Default::default(),
            crashes: Default::default(),
            round: info.rerenders,
            submitted: None,
            gave_up: None,
            disputed_seen_at: None,
        };
        self.state.save(&s)?;
        Ok(Some(s))
    }

    /// The scene, from the cache or the board (checked against its hash and size).
    async fn fetch_scene(&self, spec: &JobSpec) -> Result<PathBuf> {
        let path = self.state.scene_path(&spec.scene_hash);
        if let Ok(b) = std::fs::read(&path) {
            if content_hash(&b) == spec.scene_hash {
                return Ok(path);
            }
        }
        let bytes = self.board.blob(&spec.scene_hash).await?;
        if bytes.len() as u64 != spec.scene_size {
            bail!(
                "scene {} has {} bytes, the spec says {}",
                spec.scene_hash,
                bytes.len(),
                spec.scene_size
            );
        }
        write_atomic(&path, &bytes)?;
        set_mode(&path, 0o644)?;
        Ok(path)
    }

    /// The protocol's price floor and the collateral `offer` would lock out
    /// of this worker's free stake, as `accept_offer` computes them.
    async fn standing(&self, offer: &AssignmentOffer, frames: u64) -> Result<Standing> {
        let p = &self.chain.package;
        let me = self.identity.account;
        let param = |name: &str| views::config::param(p, name.to_string());
        let min_price_per_frame = self
            .chain
            .view(&param(params::MIN_PRICE_PER_FRAME.name))
            .await?;
        let slash_bps = self.chain.view(&param(params::SLASH_BPS.name)).await?;
        let slash_cap_bps = self.chain.view(&param(params::SLASH_CAP_BPS.name)).await?;
        let stake: u64 = self.chain.view(&views::staking::stake_of(p, me)).await?;
        let locked: u64 = self.chain.view(&views::staking::locked_of(p, me)).await?;
        let value = frames.saturating_mul(offer.price_per_frame);
        Ok(Standing {
            min_price_per_frame,
            free_stake: stake.saturating_sub(locked),
            collateral: formulas::collateral(stake, value, slash_bps, slash_cap_bps),
        })
    }

    async fn job_info(&self, job: AccountAddress) -> Result<JobInfo> {
        Ok(self
            .chain
            .view(&views::escrow::job_info(&self.chain.package, job))
            .await?)
    }

    async fn send(
        &self,
        payload: lumen_sdk::aptos_sdk::transaction::EntryFunction,
    ) -> Result<String, TxError> {
        let signed = self
            .chain
            .build_and_sign(&self.account(), payload, &TxnOptions::default())
            .await?;
        let done = self
            .chain
            .submit_and_wait(&signed, Duration::from_secs(60))
            .await?;
        Ok(done["hash"].as_str().unwrap_or_default().to_string())
    }

    /// Moves a job on until it is Submitted or Done.
    async fn drive(&self, s: &mut JobState) -> Result<()> {
        loop {
            match s.phase {
                Phase::Accepting => self.accept(s).await?,
                Phase::Rendering => self.render(s).await?,
                Phase::Submitting => self.submit(s).await?,
                Phase::Submitted | Phase::Done { .. } => return Ok(()),
            }
        }
    }

    fn finish(&self, s: &mut JobState, outcome: String) -> Result<()> {
        tracing::info!(job = %s.job, %outcome, "job done");
        s.phase = Phase::Done { outcome };
        Ok(self.state.save(s)?)
    }

    async fn accept(&self, s: &mut JobState) -> Result<()> {
        let info = self.job_info(s.job).await?;
        let me = self.identity.account;
        if info.status == JobStatus::Open as u8 {
            let (pk, sig) = s.offer.credentials().map_err(|e| anyhow!("{e}"))?;
            let payload =
                payloads::accept_signed_offer(&self.chain.package, &s.offer.offer, &pk, &sig);
            match self.send(payload).await {
                Ok(hash) => s.accept_txn = Some(hash),
                Err(TxError::Failed { vm_status, .. }) => {
                    return self.finish(s, format!("accept_offer aborted: {vm_status}"));
                }
                Err(e) => return Err(e.into()),
            }
        } else if info.worker != me {
            return self.finish(
                s,
                format!(
                    "the job is {} with worker {}",
                    status_name(info.status),
                    info.worker
                ),
            );
        }
        tracing::info!(job = %s.job, txn = ?s.accept_txn, deadline = s.offer.offer.render_deadline, "accepted on chain");
        if let Err(e) = self.board.accepted(&self.identity, s.offer.id).await {
            tracing::warn!(job = %s.job, error = %e, "could not tell the board about the acceptance");
        }
        s.phase = Phase::Rendering;
        Ok(self.state.save(s)?)
    }

    fn frames_dir(&self, job: &AccountAddress) -> Result<PathBuf> {
        let dir = self.state.frames_dir(job);
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        if let Some((uid, gid)) = self.blender.sandbox.run_as() {
            std::os::unix::fs::chown(&dir, Some(uid), Some(gid))
                .with_context(|| format!("handing {} to the sandbox user", dir.display()))?;
            set_mode(&self.state.job_dir(job), 0o711)?;
        }
        Ok(dir)
    }

    async fn render(&self, s: &mut JobState) -> Result<()> {
        let info = self.job_info(s.job).await?;
        if info.status != JobStatus::Assigned as u8 || info.worker != self.identity.account {
            return self.finish(
                s,
                format!(
                    "the job is {} on chain; stopped rendering",
                    status_name(info.status)
                ),
            );
        }
        let deadline = info.render_deadline;
        let dropped = self.state.drop_unverified_frames(s);
        if dropped > 0 {
            tracing::warn!(job = %s.job, dropped, "frames on disk did not match their recorded hash; rendering them again");
        }
        let scene = self.fetch_scene(&s.spec).await?;
        let out = self.frames_dir(&s.job)?;
        let already = s.wanted.len() - s.missing().len();
        if already > 0 {
            tracing::info!(job = %s.job, done = already, of = s.wanted.len(), "resuming: frames already rendered are kept");
        }
        let (tx, rx) = mpsc::unbounded_channel::<(u64, PathBuf)>();
        let uploader = tokio::spawn(upload_all(
            self.board.clone(),
            self.identity.clone(),
            s.job,
            rx,
        ));
        for (f, rec) in &s.frames {
            if !rec.uploaded {
                let _ = tx.send((*f, out.join(frame_file(*f))));
            }
        }
        let mut speed = self.speed();
        while s.gave_up.is_none() {
            let missing = s.missing();
            if missing.is_empty() {
                break;
            }
            let outcome = self
                .render_run(s, &scene, &out, &missing, deadline, &mut speed, &tx)
                .await?;
            if outcome.completed || s.gave_up.is_some() {
                continue;
            }
            let Some(frame) = outcome.in_flight else {
                continue;
            };
            let n = s.crashes.entry(frame).or_insert(0);
            *n += 1;
            let attempts = *n;
            tracing::warn!(job = %s.job, frame, exit = %outcome.exit, attempt = attempts, max_retries = self.max_retries, tail = %outcome.tail, "Blender died on a frame; retrying it");
            if attempts > self.max_retries {
                s.gave_up = Some(format!(
                    "frame {frame} crashed Blender {attempts} times ({})",
                    outcome.exit
                ));
            }
            self.state.save(s)?;
        }
        drop(tx);
        let uploaded = uploader.await.map_err(|e| anyhow!("upload task: {e}"))?;
        for f in uploaded {
            if let Some(r) = s.frames.get_mut(&f) {
                r.uploaded = true;
            }
        }
        let _ = std::fs::write(
            self.speed_path(),
            serde_json::to_vec(&speed).unwrap_or_default(),
        );
        if let Some(why) = &s.gave_up {
            tracing::warn!(job = %s.job, reason = %why, delivering = s.deliverable().len(), of = s.spec.frames(), "giving up on the rest of the job; submitting what is done");
        }
        s.phase = Phase::Submitting;
        Ok(self.state.save(s)?)
    }

    #[allow(clippy::too_many_arguments)]
    async fn render_run(
        &self,
        s: &mut JobState,
        scene: &Path,
        out: &Path,
        frames: &[u64],
        deadline: u64,
        speed: &mut Speed,
        uploads: &mpsc::UnboundedSender<(u64, PathBuf)>,
    ) -> Result<Outcome> {
        let total = s.wanted.len();
        let margin = self.capacity.submit_margin_secs;
        let mut failure: Option<anyhow::Error> = None;
        let spec = s.spec.clone();
        let outcome = self
            .blender
            .run(&spec, scene, &self.state.driver_path(), out, frames, |p| match p {
                Progress::Device(d) => {
                    tracing::info!(job = %s.job, device = %d, "Blender started");
                    Control::Continue
                }
                Progress::Started(_) => Control::Continue,
                Progress::Done { frame, path, secs } => {
                    let bytes = match std::fs::read(&path) {
                        Ok(b) => b,
                        Err(e) => {
                            failure = Some(anyhow!("reading {}: {e}", path.display()));
                            return Control::Stop;
                        }
                    };
                    let hash = content_hash(&bytes);
                    s.frames.insert(
                        frame,
                        FrameRecord {
                            hash,
                            size: bytes.len() as u64,
                            render_secs: secs,
                            uploaded: false,
                        },
                    );
                    speed.record(&spec, secs);
                    if let Err(e) = self.state.save(s) {
                        failure = Some(e.into());
                        return Control::Stop;
                    }
                    let _ = uploads.send((frame, path));
                    let done = total - s.missing().len();
                    let left = s.missing().len() as f64;
                    let eta = speed.frame_secs(&spec).unwrap_or(secs) * left;
                    tracing::info!(
                        job = %short(&s.job),
                        frame,
                        progress = format!("{done}/{total} ({}%)", done * 100 / total.max(1)),
                        secs = format!("{secs:.2}"),
                        eta_secs = format!("{eta:.0}"),
                        hash = %hash,
                        "frame rendered"
                    );
                    if left > 0.0 && now() as f64 + eta + margin as f64 > deadline as f64 {
                        s.gave_up = Some(format!(
                            "cannot meet the render deadline {deadline}: {left} frames left need about {eta:.0} s"
                        ));
                        return Control::Stop;
                    }
                    Control::Continue
                }
            })
            .await?;
        if let Some(e) = failure {
            return Err(e);
        }
        Ok(outcome)
    }

    async fn submit(&self, s: &mut JobState) -> Result<()> {
        let frames = s.deliverable();
        let Some(root) = output_root(&frames) else {
            let why = s
                .gave_up
                .clone()
                .unwrap_or_else(|| "no frame rendered".into());
            return self.finish(s, format!("nothing to submit: {why}"));
        };
        let n = frames.len() as u64;
        let info = self.job_info(s.job).await?;
        if info.status == JobStatus::Submitted as u8
            && info.output_root == root.0
            && info.frames_done == n
        {
            tracing::info!(job = %s.job, "already submitted (found on chain)");
        } else if info.status != JobStatus::Assigned as u8 || info.worker != self.identity.account {
            return self.finish(
                s,
                format!(
                    "the job is {} on chain; not submitting",
                    status_name(info.status)
                ),
            );
        } else {
            // Every delivered frame must be on the board before the root is committed.
            let dir = self.state.frames_dir(&s.job);
            for (f, _) in &frames {
                if !s.frames[f].uploaded {
                    let png = std::fs::read(dir.join(frame_file(*f)))?;
                    upload_one(&self.board, &self.identity, s.job, *f, png).await?;
                    s.frames.get_mut(f).expect("recorded").uploaded = true;
                    self.state.save(s)?;
                }
            }
            let payload = payloads::escrow::submit_result(&self.chain.package, s.job, n, &root.0);
            match self.send(payload).await {
                Ok(hash) => {
                    tracing::info!(job = %s.job, frames = n, of = s.spec.frames(), output_root = %root, txn = %hash, "result submitted")
                }
                Err(TxError::Failed { vm_status, .. }) => {
                    return self.finish(s, format!("submit_result aborted: {vm_status}"));
                }
                Err(e) => return Err(e.into()),
            }
        }
        s.submitted = Some((n, root));
        s.phase = Phase::Submitted;
        Ok(self.state.save(s)?)
    }

    /// A submitted job: ended, or sent back for a rerender.
    async fn watch(&self, s: &mut JobState) -> Result<()> {
        let info = self.job_info(s.job).await?;
        let status = JobStatus::from_code(info.status);
        if status == Some(JobStatus::Disputed) && s.disputed_seen_at.is_none() {
            tracing::info!(job = %s.job, by = %info.disputed_by, "the job is disputed; waiting for an arbiter or the timeout");
            s.disputed_seen_at = Some(now());
            self.state.save(s)?;
        }
        match status {
            Some(JobStatus::Assigned)
                if info.rerenders > s.round && info.worker == self.identity.account =>
            {
                let list = match self.board.job(s.job).await {
                    Ok(v) => v
                        .rerender
                        .filter(|r| r.round == info.rerenders)
                        .map(|r| r.frames),
                    Err(e) => return Err(e.into()),
                };
                let frames: Vec<u64> = list.unwrap_or_else(|| s.spec.frame_numbers().collect());
                tracing::info!(job = %s.job, round = info.rerenders, frames = ?frames, "rerender requested");
                let dir = self.state.frames_dir(&s.job);
                for f in &frames {
                    s.frames.remove(f);
                    let _ = std::fs::remove_file(dir.join(frame_file(*f)));
                }
                s.wanted = s.spec.frame_numbers().collect();
                s.round = info.rerenders;
                s.crashes.clear();
                s.gave_up = None;
                s.phase = Phase::Rendering;
                self.state.save(s).map_err(Into::into)
            }
            Some(JobStatus::PartiallyAccepted)
                if info.worker == self.identity.account && now() <= info.response_deadline =>
            {
                self.answer_partial(s, &info).await
            }
            Some(JobStatus::Submitted | JobStatus::PartiallyAccepted | JobStatus::Disputed)
                if finalizable(&info, s.disputed_seen_at, now()) =>
            {
                // Nobody answered in time: silence pays as the contract says.
                let payload = payloads::escrow::finalize(&self.chain.package, s.job);
                match self.send(payload).await {
                    Ok(hash) => {
                        tracing::info!(job = %s.job, status = status_name(info.status), txn = %hash, "finalized after the window passed")
                    }
                    // Someone else settled it first; the next round reads the outcome.
                    Err(TxError::Failed { vm_status, .. }) => {
                        tracing::info!(job = %s.job, %vm_status, "finalize not needed")
                    }
                    Err(e) => return Err(e.into()),
                }
                Ok(())
            }
            Some(st) if st.is_final() => {
                let gross = info.paid_to_worker + info.fee_paid;
                let frames = gross.checked_div(info.price_per_frame).unwrap_or(0);
                self.finish(
                    s,
                    format!(
                        "{} on chain: {frames} frames paid, {} to this worker",
                        st.as_str(),
                        info.paid_to_worker
                    ),
                )
            }
            _ => Ok(()),
        }
    }

    /// Within the response window: accepts the creator's partial acceptance,
    /// or disputes it when it pays less than the operator's threshold
    /// (`Capacity::dispute_partial_below_bps`).
    async fn answer_partial(&self, s: &JobState, info: &JobInfo) -> Result<()> {
        let p = &self.chain.package;
        let (payload, answer) =
            if fit::accepts_partial(&self.capacity, info.frames_accepted, info.frames_done) {
                (payloads::escrow::accept_partial(p, s.job), "accepted")
            } else {
                let reason = format!(
                    "partial acceptance of {} of {} submitted frames disputed by the worker",
                    info.frames_accepted, info.frames_done
                );
                let hash = content_hash(reason.as_bytes());
                (payloads::escrow::dispute(p, s.job, &hash.0), "disputed")
            };
        match self.send(payload).await {
            Ok(hash) => {
                tracing::info!(job = %s.job, accepted = info.frames_accepted, of = info.frames_done, txn = %hash, "partial acceptance {answer}")
            }
            Err(TxError::Failed { vm_status, .. }) => {
                tracing::warn!(job = %s.job, %vm_status, "answering the partial acceptance failed")
            }
            Err(e) => return Err(e.into()),
        }
        Ok(())
    }
}

/// Whether `finalize` would settle the job now: the review window, the
/// response window or the dispute timeout (counted from when the agent saw
/// the dispute) has passed.
fn finalizable(info: &JobInfo, disputed_seen_at: Option<u64>, now: u64) -> bool {
    match JobStatus::from_code(info.status) {
        Some(JobStatus::Submitted) => now > info.review_deadline,
        Some(JobStatus::PartiallyAccepted) => now > info.response_deadline,
        Some(JobStatus::Disputed) => disputed_seen_at
            .is_some_and(|t| now > t.saturating_add(info.terms.dispute_timeout_secs)),
        _ => false,
    }
}

fn status_name(code: u8) -> &'static str {
    JobStatus::from_code(code).map_or("unknown", JobStatus::as_str)
}

fn set_mode(path: &Path, mode: u32) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
        .with_context(|| format!("chmod {mode:o} {}", path.display()))
}

async fn upload_one(
    board: &BoardClient,
    id: &Identity,
    job: AccountAddress,
    frame: u64,
    png: Vec<u8>,
) -> Result<Hash32, ClientError> {
    let mut wait = Duration::from_millis(200);
    loop {
        match board.put_frame(id, job, frame, png.clone()).await {
            Ok(v) => return Ok(v.hash),
            Err(e) if e.is_transient() && wait < Duration::from_secs(20) => {
                tracing::warn!(%job, frame, error = %e, "frame upload failed; retrying");
                tokio::time::sleep(wait).await;
                wait *= 2;
            }
            Err(e) => return Err(e),
        }
    }
}

/// Uploads frames as they come; returns those the board took.
async fn upload_all(
    board: BoardClient,
    id: Arc<Identity>,
    job: AccountAddress,
    mut rx: mpsc::UnboundedReceiver<(u64, PathBuf)>,
) -> Vec<u64> {
    let mut done = vec![];
    while let Some((frame, path)) = rx.recv().await {
        let png = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                tracing::warn!(frame, error = %e, "cannot read a frame to upload");
                continue;
            }
        };
        match upload_one(&board, &id, job, frame, png).await {
            Ok(_) => done.push(frame),
            Err(e) => {
                tracing::warn!(%job, frame, error = %e, "frame not uploaded; it is retried before submitting")
            }
        }
    }
    done
}
