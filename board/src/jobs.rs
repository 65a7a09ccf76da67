//! Job routes: posting a job, its candidates, its offer ladder, the
//! rerender list, and frame uploads. Every write is checked against the
//! chain: the job's creator, worker, status and spec hash are read from
//! `escrow::job_info`, never taken from the request.

use std::collections::{HashMap, HashSet};

use axum::extract::{Path, Query, State};
use axum::Json;
use lumen_sdk::render::JobSpec;
use lumen_sdk::views::JobInfo;
use lumen_sdk::{AccountAddress, JobStatus};

use crate::api::{now, parse_address, ApiError, AppState, SignedRequest};
use crate::chain::UpstreamError;
use crate::proto::{Candidates, FrameView, JobView, PostJob, PostOffers, PostRerender};
use crate::store::{self, to_i64, JobRow};

/// The PNG signature every frame starts with.
const PNG_MAGIC: &[u8] = b"\x89PNG\r\n\x1a\n";

/// A `{job}` path segment: the object address or the decimal job id.
pub(crate) fn parse_job(st: &AppState, s: &str) -> Result<AccountAddress, ApiError> {
    if s.starts_with("0x") {
        parse_address("job", s)
    } else {
        s.parse::<u64>()
            .map(|id| st.0.package.job_address(id))
            .map_err(|_| {
                ApiError::bad(
                    "job",
                    format!("`{s}` is neither a job address (0x…) nor a job id"),
                )
            })
    }
}

async fn job_on_chain(st: &AppState, job: AccountAddress) -> Result<JobInfo, ApiError> {
    match st.0.chain.job_info(job).await {
        Ok(info) => Ok(info),
        // The view aborts for an address that holds no job.
        Err(UpstreamError::Node(lumen_sdk::tx::TxError::View(e))) => Err(ApiError::not_found(
            format!("no job at {job} on chain ({e})"),
        )),
        Err(e) => Err(e.into()),
    }
}

fn status_of(info: &JobInfo) -> String {
    JobStatus::from_code(info.status).map_or_else(
        || format!("status {}", info.status),
        |s| s.as_str().to_string(),
    )
}

async fn posted(st: &AppState, job: AccountAddress) -> Result<JobRow, ApiError> {
    st.db(move |c| Ok(store::job(c, &job)?))
        .await?
        .ok_or_else(|| ApiError::not_found(format!("job {job} has not been posted to the board")))
}

async fn view(st: &AppState, job: AccountAddress) -> Result<Json<JobView>, ApiError> {
    st.db(move |c| Ok(store::job_view(c, &job)?))
        .await?
        .map(Json)
        .ok_or_else(|| ApiError::not_found(format!("job {job} has not been posted to the board")))
}

pub(crate) async fn post_job(
    State(st): State<AppState>,
    req: SignedRequest,
) -> Result<Json<JobView>, ApiError> {
    let (signer, PostJob { job, spec }) = req.json(&st, "job").await?;
    spec.validate()
        .map_err(|e| ApiError::bad("spec", e.to_string()))?;
    let info = job_on_chain(&st, job).await?;
    if info.creator != signer.account {
        return Err(ApiError::forbidden(format!(
            "job {job} was created by {}, not by the signer {}",
            info.creator, signer.account
        )));
    }
    if info.spec_hash != spec.hash().0 {
        return Err(ApiError::bad(
            "spec",
            format!(
                "the spec hashes to {}, but the job's on-chain spec_hash is 0x{}",
                spec.hash(),
                hex::encode(&info.spec_hash)
            ),
        ));
    }
    if info.frames != spec.frames() {
        return Err(ApiError::bad(
            "spec",
            format!(
                "the spec names {} frames, the job on chain {}",
                spec.frames(),
                info.frames
            ),
        ));
    }
    if info.status != JobStatus::Open as u8 {
        return Err(ApiError::conflict(format!(
            "job {job} is {}, only open jobs can be posted",
            status_of(&info)
        )));
    }
    match st.0.blobs.size(&spec.scene_hash).await? {
        None => {
            return Err(ApiError::bad(
                "spec",
                format!(
                    "scene {} has not been uploaded (PUT /v1/blobs/{{hash}} first)",
                    spec.scene_hash
                ),
            ))
        }
        Some(n) if n != spec.scene_size => {
            return Err(ApiError::bad(
                "spec",
                format!(
                    "scene {} has {n} bytes, the spec says {}",
                    spec.scene_hash, spec.scene_size
                ),
            ))
        }
        Some(_) => {}
    }
    let vip = st.0.chain.creator_vip(info.creator).await?;
    let row = JobRow {
        job: job.to_hex(),
        job_id: to_i64(info.job_id),
        creator: info.creator.to_hex(),
        spec: serde_json::to_value(&spec).expect("specs serialise"),
        spec_hash: spec.hash().to_string(),
        frames: to_i64(spec.frames()),
        creator_vip: vip,
        posted_at: to_i64(now()),
        rerender_round: None,
        rerender_frames: None,
    };
    st.db(move |c| Ok(store::insert_job(c, &row)?)).await?;
    tracing::info!(%job, job_id = info.job_id, creator = %info.creator, vip, "job posted");
    view(&st, job).await
}

pub(crate) async fn get_job(
    State(st): State<AppState>,
    Path(job): Path<String>,
) -> Result<Json<JobView>, ApiError> {
    let job = parse_job(&st, &job)?;
    view(&st, job).await
}

pub(crate) async fn candidates(
    State(st): State<AppState>,
    Path(job): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Json<Candidates>, ApiError> {
    if let Some(k) = q.keys().find(|k| k.as_str() != "limit") {
        return Err(ApiError::bad(
            k,
            format!("unknown parameter `{k}` (known: limit)"),
        ));
    }
    let limit = match q.get("limit") {
        None => 10,
        Some(l) => l
            .parse::<u64>()
            .ok()
            .filter(|l| (1..=100).contains(l))
            .ok_or_else(|| ApiError::bad("limit", format!("`limit` must be 1..=100, got {l:?}")))?,
    };
    let job = parse_job(&st, &job)?;
    let row = posted(&st, job).await?;
    Ok(Json(
        st.0.chain
            .candidates(job, u64::try_from(row.job_id).unwrap_or(0), limit)
            .await?,
    ))
}

pub(crate) async fn post_offers(
    State(st): State<AppState>,
    Path(job): Path<String>,
    req: SignedRequest,
) -> Result<Json<JobView>, ApiError> {
    let job = parse_job(&st, &job)?;
    let (signer, ladder): (_, PostOffers) = req.json(&st, "offer ladder").await?;
    let row = posted(&st, job).await?;
    let creator = parse_address("creator", &row.creator)?;
    if signer.account != creator {
        return Err(ApiError::forbidden(format!(
            "only the job's creator {creator} posts its offers"
        )));
    }
    let n = ladder.offers.len();
    if n == 0 || n > st.0.limits.max_ladder {
        return Err(ApiError::bad(
            "offers",
            format!(
                "a ladder holds 1..={} offers, got {n}",
                st.0.limits.max_ladder
            ),
        ));
    }
    let pk = lumen_sdk::aptos_sdk::crypto::Ed25519PublicKey::from_hex(&ladder.public_key)
        .map_err(|e| ApiError::bad("public_key", format!("`public_key`: {e}")))?;
    if !st.0.chain.is_current_key(creator, &pk).await? {
        return Err(ApiError::forbidden(format!(
            "`public_key` is not the current authentication key of the creator {creator}"
        ))
        .parameter("public_key"));
    }
    let chain_id = st.0.chain.chain_id().await?;
    let info = job_on_chain(&st, job).await?;
    if info.status != JobStatus::Open as u8 {
        return Err(ApiError::conflict(format!(
            "job {job} is {}, offers are for open jobs",
            status_of(&info)
        )));
    }
    let now = now();
    let mut workers = HashSet::new();
    let mut last_expiry = 0;
    for (i, s) in ladder.offers.iter().enumerate() {
        let o = &s.offer;
        let at =
            |what: String| ApiError::bad(&format!("offers[{i}]"), format!("offers[{i}]: {what}"));
        if o.job != job {
            return Err(at(format!("is for job {}, not {job}", o.job)));
        }
        if o.chain_id != chain_id {
            return Err(at(format!(
                "is for chain {}, the board's chain is {chain_id}",
                o.chain_id
            )));
        }
        if o.worker == creator {
            return Err(at("the creator cannot be the worker".into()));
        }
        if !workers.insert(o.worker) {
            return Err(at(format!(
                "worker {} appears twice in the ladder",
                o.worker
            )));
        }
        if o.price_per_frame == 0 || o.price_per_frame > info.max_price_per_frame {
            return Err(at(format!(
                "price_per_frame {} is not in 1..={} (the job's maximum)",
                o.price_per_frame, info.max_price_per_frame
            )));
        }
        if o.offer_expires_at <= last_expiry {
            return Err(at("offer_expires_at must rise along the ladder".into()));
        }
        if o.render_deadline <= o.offer_expires_at {
            return Err(at("render_deadline must be after offer_expires_at".into()));
        }
        last_expiry = o.offer_expires_at;
        let sig = lumen_sdk::aptos_sdk::crypto::Ed25519Signature::from_hex(&s.signature)
            .map_err(|e| at(format!("signature: {e}")))?;
        o.verify(&st.0.package, &pk, &sig)
            .map_err(|e| at(e.to_string()))?;
    }
    if last_expiry <= now {
        return Err(ApiError::bad(
            "offers",
            "every offer of the ladder has already expired",
        ));
    }
    let pk_hex = ladder.public_key.clone();
    let offers = ladder.offers;
    let first = st
        .db(move |c| Ok(store::insert_ladder(c, &job, &pk_hex, &offers, now)?))
        .await?;
    tracing::info!(%job, offers = n, first = ?first, "offer ladder posted");
    st.ring(first);
    view(&st, job).await
}

pub(crate) async fn post_rerender(
    State(st): State<AppState>,
    Path(job): Path<String>,
    req: SignedRequest,
) -> Result<Json<JobView>, ApiError> {
    let job = parse_job(&st, &job)?;
    let (signer, rerender): (_, PostRerender) = req.json(&st, "rerender list").await?;
    let row = posted(&st, job).await?;
    let spec = row.spec()?;
    if signer.account != parse_address("creator", &row.creator)? {
        return Err(ApiError::forbidden(
            "only the job's creator asks for a rerender",
        ));
    }
    let info = job_on_chain(&st, job).await?;
    if rerender.round != info.rerenders {
        return Err(ApiError::bad(
            "round",
            format!(
                "round {} but the job's on-chain rerender count is {}",
                rerender.round, info.rerenders
            ),
        ));
    }
    check_frames(&spec, &rerender.frames)?;
    let frames = rerender.frames;
    st.db(move |c| Ok(store::set_rerender(c, &job, rerender.round, &frames)?))
        .await?;
    view(&st, job).await
}

fn check_frames(spec: &JobSpec, frames: &[u64]) -> Result<(), ApiError> {
    if frames.is_empty() {
        return Err(ApiError::bad("frames", "no frames named"));
    }
    let mut seen = HashSet::new();
    for f in frames {
        if !spec.frame_numbers().contains(f) {
            return Err(ApiError::bad(
                "frames",
                format!(
                    "frame {f} is outside the job's range {}..={}",
                    spec.frame_start, spec.frame_end
                ),
            ));
        }
        if !seen.insert(f) {
            return Err(ApiError::bad("frames", format!("frame {f} is named twice")));
        }
    }
    Ok(())
}

pub(crate) async fn put_frame(
    State(st): State<AppState>,
    Path((job, frame)): Path<(String, String)>,
    req: SignedRequest,
) -> Result<Json<FrameView>, ApiError> {
    let job = parse_job(&st, &job)?;
    let frame: u64 = frame
        .parse()
        .map_err(|_| ApiError::bad("frame", format!("`{frame}` is not a frame number")))?;
    let (signer, bytes) = req.body(&st, st.0.limits.max_frame_bytes, "frame").await?;
    let row = posted(&st, job).await?;
    let spec = row.spec()?;
    check_frames(&spec, &[frame])?;
    let info = job_on_chain(&st, job).await?;
    if info.worker != signer.account {
        return Err(ApiError::forbidden(format!(
            "only the job's worker uploads frames (the job's worker is {})",
            info.worker
        )));
    }
    if info.status != JobStatus::Assigned as u8 {
        return Err(ApiError::conflict(format!(
            "job {job} is {}; frames are uploaded while it is assigned",
            status_of(&info)
        )));
    }
    if !bytes.starts_with(PNG_MAGIC) {
        return Err(ApiError::bad("body", "the frame is not a PNG file"));
    }
    let size = bytes.len() as u64;
    let hash = st.0.blobs.put(bytes, None).await?;
    let at = now();
    st.db(move |c| Ok(store::upsert_frame(c, &job, frame, &hash, size, at)?))
        .await?;
    Ok(Json(FrameView {
        frame,
        hash,
        size,
        uploaded_at: at,
    }))
}
