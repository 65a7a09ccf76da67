//! The worker's side of the board: the long poll for its offers, declining
//! and reporting an acceptance; and the ladder clock that moves an offer
//! nobody accepted in time to the next candidate.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use axum::extract::{Path, Query, State};
use axum::Json;
use lumen_sdk::{AccountAddress, JobStatus};

use crate::api::{now, parse_address, ApiError, AppState, SignedRequest};
use crate::proto::{Decline, OfferState, OfferView, OffersPage};
use crate::store::{self, OfferRow};

pub(crate) async fn poll(
    State(st): State<AppState>,
    Path(worker): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Json<OffersPage>, ApiError> {
    if let Some(k) = q.keys().find(|k| k.as_str() != "wait") {
        return Err(ApiError::bad(
            k,
            format!("unknown parameter `{k}` (known: wait)"),
        ));
    }
    let worker = parse_address("address", &worker)?;
    let max = st.0.limits.max_wait_secs;
    let wait = match q.get("wait") {
        None => 0,
        Some(w) => w.parse::<u64>().ok().filter(|w| *w <= max).ok_or_else(|| {
            ApiError::bad(
                "wait",
                format!("`wait` must be 0..={max} seconds, got {w:?}"),
            )
        })?,
    };
    let deadline = Instant::now() + Duration::from_secs(wait);
    loop {
        let bell = st.waiter(worker);
        // Listening before the query, so a ladder posted in between is not missed.
        let rung = bell.notified();
        tokio::pin!(rung);
        rung.as_mut().enable();
        let offers = st
            .db(move |c| Ok(store::active_offers_for(c, &worker, now())?))
            .await?;
        if !offers.is_empty() || Instant::now() >= deadline {
            return Ok(Json(OffersPage { offers }));
        }
        if tokio::time::timeout_at(deadline.into(), rung)
            .await
            .is_err()
        {
            return Ok(Json(OffersPage { offers: vec![] }));
        }
    }
}

/// The offer `id`, checked to be the signer's.
async fn own_offer(st: &AppState, id: &str, signer: AccountAddress) -> Result<OfferRow, ApiError> {
    let id: i64 = id
        .parse()
        .map_err(|_| ApiError::bad("id", format!("`{id}` is not an offer id")))?;
    let (row, _) = st
        .db(move |c| Ok(store::offer(c, id)?))
        .await?
        .ok_or_else(|| ApiError::not_found(format!("no offer {id}")))?;
    if row.worker()? != signer {
        return Err(ApiError::forbidden(format!(
            "offer {id} is addressed to {}, not to the signer",
            row.worker
        )));
    }
    Ok(row)
}

async fn offer_view(st: &AppState, id: i64) -> Result<Json<OfferView>, ApiError> {
    st.db(move |c| Ok(store::offer_view(c, id)?))
        .await?
        .map(Json)
        .ok_or_else(|| ApiError::not_found(format!("no offer {id}")))
}

pub(crate) async fn decline(
    State(st): State<AppState>,
    Path(id): Path<String>,
    req: SignedRequest,
) -> Result<Json<OfferView>, ApiError> {
    let (signer, Decline { reason }) = req.json(&st, "decline").await?;
    let row = own_offer(&st, &id, signer.account).await?;
    if row.state()? != OfferState::Active {
        return Err(ApiError::conflict(format!(
            "offer {} is {}, not active",
            row.id, row.state
        )));
    }
    let reason: String = reason.chars().take(500).collect();
    let id = row.id;
    let text = format!("declined by the worker: {reason}");
    let next = st
        .db(move |c| {
            Ok(store::close_and_advance(
                c,
                id,
                OfferState::Declined,
                &text,
                now(),
            )?)
        })
        .await?;
    tracing::info!(offer = id, job = %row.job, %reason, next = ?next, "offer declined");
    st.ring(next);
    offer_view(&st, id).await
}

pub(crate) async fn accepted(
    State(st): State<AppState>,
    Path(id): Path<String>,
    req: SignedRequest,
) -> Result<Json<OfferView>, ApiError> {
    let (signer, _) = req
        .body(&st, st.0.limits.max_json_bytes, "acceptance")
        .await?;
    let row = own_offer(&st, &id, signer.account).await?;
    let job = parse_address("job", &row.job)?;
    let info = st.0.chain.job_info(job).await?;
    if info.status == JobStatus::Open as u8 {
        return Err(ApiError::conflict(format!(
            "job {job} is still open on chain: accept_offer has not committed"
        )));
    }
    if info.worker != signer.account {
        return Err(ApiError::conflict(format!(
            "job {job} went to {}, not to the signer",
            info.worker
        )));
    }
    st.db(move |c| Ok(store::settle_ladder(c, &job, Some(info.worker), now())?))
        .await?;
    offer_view(&st, row.id).await
}

/// One pass of the ladder clock: every active offer past its expiry is
/// checked against the chain; if its job is still Open the offer expires and
/// the next one of the ladder is activated (its worker's poll wakes up), else
/// the ladder is settled (accepted by the job's worker, the rest superseded).
/// Returns how many offers were moved on.
pub async fn advance_ladders(st: &AppState) -> Result<usize, ApiError> {
    let at = now();
    let due = st.db(move |c| Ok(store::due_offers(c, at)?)).await?;
    let mut moved = 0;
    let mut settled = std::collections::HashSet::new();
    for (id, job) in due {
        if settled.contains(&job) {
            continue;
        }
        let info = match st.0.chain.job_info(job).await {
            Ok(info) => info,
            Err(e) => {
                tracing::warn!(%job, offer = id, error = %e, "cannot read the job; retrying on the next tick");
                continue;
            }
        };
        if info.status == JobStatus::Open as u8 {
            let next = st
                .db(move |c| {
                    Ok(store::close_and_advance(
                        c,
                        id,
                        OfferState::Expired,
                        "not accepted before it expired",
                        now(),
                    )?)
                })
                .await?;
            tracing::info!(%job, offer = id, next = ?next, "offer expired; moving to the next candidate");
            st.ring(next);
        } else {
            let worker = info.worker;
            st.db(move |c| Ok(store::settle_ladder(c, &job, Some(worker), now())?))
                .await?;
            settled.insert(job);
        }
        moved += 1;
    }
    Ok(moved)
}

/// Runs [`advance_ladders`] every `ladder_tick` and forgets old request
/// signatures once a minute.
pub async fn run_ladder_clock(st: AppState) {
    let mut tick = tokio::time::interval(st.0.limits.ladder_tick);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut last_prune = Instant::now();
    loop {
        tick.tick().await;
        if let Err(e) = advance_ladders(&st).await {
            tracing::warn!(error = ?e, "ladder clock");
        }
        if last_prune.elapsed() > Duration::from_secs(60) {
            last_prune = Instant::now();
            let at = now();
            if let Err(e) = st.db(move |c| Ok(store::prune_signatures(c, at)?)).await {
                tracing::warn!(error = ?e, "pruning seen signatures");
            }
        }
    }
}
