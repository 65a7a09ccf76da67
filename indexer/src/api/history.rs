//! The network over time, for the explorer's charts: jobs, frames and money
//! per day, reward pools and active and attested workers per epoch, and
//! where all deposits went.
//!
//! The answer reads every job event and attestation in the window, so it is
//! kept for a few seconds per window size: the overview page is the most
//! visited one, and its charts need not move faster than that.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::State;
use axum::Json;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Nullable, Text};
use lumen_sdk::events::{
    DisputeResolved, JobAssigned, JobCancelled, JobCompleted, JobCreated, JobReclaimed,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::context::Ctx;
use super::error::{ApiError, CommonErrors};
use super::params::{Limit, Query};
use super::{db, AppState};
use crate::rows::{to_i64, EpochRow};
use crate::schema::{epochs, worker_epochs};

/// How long an answer is reused.
const FRESH: Duration = Duration::from_secs(5);
/// A UTC day in seconds.
const DAY_SECS: i64 = 86_400;

/// Window of `/v1/stats/daily`.
#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct DailyQuery {
    /// Days (and epochs) back from the chain time, the current one included.
    #[serde(default)]
    #[param(inline)]
    days: Limit<30, 366>,
}

/// One UTC day.
#[derive(Serialize, Clone, Default, ToSchema)]
pub struct DayStats {
    /// Days since 1970-01-01 (`floor(time / 86 400)`).
    day: i64,
    /// Jobs created.
    jobs_created: i64,
    /// Deposited into escrow by new jobs.
    deposits: i64,
    /// Jobs paid out (confirmed, finalized or resolved).
    jobs_paid: i64,
    /// Frames paid.
    frames_paid: i64,
    /// Paid to workers.
    paid_to_workers: i64,
    /// Fees to the treasury.
    fees: i64,
    /// Returned to creators (unused price on assignment, cancellations,
    /// reclaims, unaccepted frames).
    refunds: i64,
    /// Stake slashed on reclaims.
    slashed: i64,
}

/// One reward epoch.
#[derive(Serialize, Clone, ToSchema)]
pub struct EpochStats {
    epoch: i64,
    /// Workers with online time reported for the epoch.
    active_workers: i64,
    /// Workers whose score was valid at the epoch's end (or now, for the
    /// current epoch).
    attested_workers: i64,
    /// The pool, once closed (else what was funded so far).
    pool: i64,
    poc_pool: i64,
    pod_pool: i64,
    rolled_over: i64,
    claimed: i64,
    closed: bool,
}

/// Where every deposit went, over all jobs.
#[derive(Serialize, Clone, ToSchema)]
pub struct MoneyFlow {
    deposits: i64,
    paid_to_workers: i64,
    fees: i64,
    refunds: i64,
    /// Still in escrow (jobs not final): `deposits − paid − fees − refunds`.
    held: i64,
    /// Stake slashed (not part of deposits).
    slashed: i64,
}

/// `GET /v1/stats/daily`.
#[derive(Serialize, Clone, ToSchema)]
pub struct DailyStats {
    /// The last version indexed.
    indexed_version: Option<u64>,
    /// Chain time the window ends at.
    chain_time: u64,
    /// Oldest first, every day of the window (days without activity are 0).
    days: Vec<DayStats>,
    /// Oldest first, every epoch of the window.
    epochs: Vec<EpochStats>,
    money: MoneyFlow,
}

/// Answers by window size, with when they were computed.
pub type DailyCache = std::sync::Mutex<HashMap<usize, (Instant, Arc<DailyStats>)>>;

/// Jobs created and paid, money and workers over time.
#[utoipa::path(get, path = "/v1/stats/daily", tag = "service", params(DailyQuery),
    responses((status = 200, body = DailyStats), CommonErrors))]
pub async fn daily(
    State(st): State<AppState>,
    Query(q): Query<DailyQuery>,
) -> Result<Json<DailyStats>, ApiError> {
    let n = q.limit();
    let cached = {
        let cache = st.daily.lock().unwrap_or_else(|p| p.into_inner());
        cache
            .get(&n)
            .filter(|(at, _)| at.elapsed() < FRESH)
            .map(|(_, v)| v.clone())
    };
    let stats = match cached {
        Some(s) => s,
        None => {
            let s = Arc::new(db(&st, move |c| compute(c, n)).await?);
            let mut cache = st.daily.lock().unwrap_or_else(|p| p.into_inner());
            cache.insert(n, (Instant::now(), s.clone()));
            s
        }
    };
    Ok(Json((*stats).clone()))
}

impl DailyQuery {
    fn limit(&self) -> usize {
        self.days.get()
    }
}

fn ty(module: &str, name: &str) -> String {
    format!("{module}::{name}")
}

fn compute(c: &mut PgConnection, n: usize) -> Result<DailyStats, ApiError> {
    let ctx = Ctx::load(c)?;
    let today = to_i64(ctx.now) / DAY_SECS;
    let first_day = today - n as i64 + 1;
    let days = days(c, first_day, today)?;
    let current = to_i64(ctx.current_epoch());
    let first_epoch = (current - n as i64 + 1).max(0);
    let epochs = epochs_in(c, &ctx, first_epoch, current)?;
    Ok(DailyStats {
        indexed_version: ctx.indexed_version,
        chain_time: ctx.now,
        days,
        epochs,
        money: money(c)?,
    })
}

/// Per-day sums of the job events whose time falls in `[first, last]`.
fn days(c: &mut PgConnection, first: i64, last: i64) -> Result<Vec<DayStats>, ApiError> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = BigInt)]
        day: i64,
        #[diesel(sql_type = Text)]
        event_type: String,
        #[diesel(sql_type = BigInt)]
        n: i64,
        #[diesel(sql_type = BigInt)]
        deposit: i64,
        #[diesel(sql_type = BigInt)]
        frames_paid: i64,
        #[diesel(sql_type = BigInt)]
        worker_amount: i64,
        #[diesel(sql_type = BigInt)]
        fee: i64,
        #[diesel(sql_type = BigInt)]
        refund: i64,
        #[diesel(sql_type = BigInt)]
        slashed: i64,
    }
    let sum = |field: &str| {
        format!("LEAST(COALESCE(sum((data->>'{field}')::numeric), 0), 9223372036854775807)::bigint AS {field}")
    };
    let created = ty(JobCreated::MODULE, JobCreated::NAME);
    let paid = [
        ty(JobCompleted::MODULE, JobCompleted::NAME),
        ty(DisputeResolved::MODULE, DisputeResolved::NAME),
    ];
    let types = vec![
        created.clone(),
        paid[0].clone(),
        paid[1].clone(),
        ty(JobAssigned::MODULE, JobAssigned::NAME),
        ty(JobCancelled::MODULE, JobCancelled::NAME),
        ty(JobReclaimed::MODULE, JobReclaimed::NAME),
    ];
    let rows: Vec<Row> = diesel::sql_query(format!(
        "SELECT timestamp_us / {us} AS day, event_type, count(*) AS n, {}, {}, {}, {}, {}, {} \
         FROM events WHERE event_type = ANY($1) AND timestamp_us >= $2 AND timestamp_us < $3 \
         AND version < (SELECT version FROM checkpoint) GROUP BY 1, 2",
        sum("deposit"),
        sum("frames_paid"),
        sum("worker_amount"),
        sum("fee"),
        sum("refund"),
        sum("slashed"),
        us = DAY_SECS * 1_000_000,
    ))
    .bind::<diesel::sql_types::Array<Text>, _>(types)
    .bind::<BigInt, _>(first.saturating_mul(DAY_SECS * 1_000_000))
    .bind::<BigInt, _>((last + 1).saturating_mul(DAY_SECS * 1_000_000))
    .load(c)?;
    let mut out: BTreeMap<i64, DayStats> = (first..=last)
        .map(|day| {
            (
                day,
                DayStats {
                    day,
                    ..Default::default()
                },
            )
        })
        .collect();
    for r in rows {
        let Some(d) = out.get_mut(&r.day) else {
            continue;
        };
        if r.event_type == created {
            d.jobs_created += r.n;
            d.deposits += r.deposit;
        }
        if paid.contains(&r.event_type) {
            d.jobs_paid += r.n;
            d.frames_paid += r.frames_paid;
            d.paid_to_workers += r.worker_amount;
            d.fees += r.fee;
        }
        d.refunds += r.refund;
        d.slashed += r.slashed;
    }
    Ok(out.into_values().collect())
}

/// Pools, active and attested workers of the epochs `[first, last]`.
fn epochs_in(
    c: &mut PgConnection,
    ctx: &Ctx,
    first: i64,
    last: i64,
) -> Result<Vec<EpochStats>, ApiError> {
    let pools: Vec<EpochRow> = epochs::table
        .filter(epochs::epoch.between(first, last))
        .select(EpochRow::as_select())
        .load(c)?;
    let active: Vec<(i64, i64)> = worker_epochs::table
        .filter(worker_epochs::epoch.between(first, last))
        .filter(worker_epochs::online_secs.gt(0))
        .group_by(worker_epochs::epoch)
        .select((worker_epochs::epoch, diesel::dsl::count_star()))
        .load(c)?;
    let valid = ValidScores::load(c)?;
    let epoch_secs = to_i64(ctx.epoch_secs());
    Ok((first..=last)
        .map(|epoch| {
            let p = pools.iter().find(|p| p.epoch == epoch);
            // The instant the count is taken: the epoch's last second, or
            // now for the epoch still running.
            let at = ((epoch + 1).saturating_mul(epoch_secs) - 1).min(to_i64(ctx.now));
            EpochStats {
                epoch,
                active_workers: active.iter().find(|a| a.0 == epoch).map_or(0, |a| a.1),
                attested_workers: valid.count_at(at),
                pool: p.map_or(0, |p| if p.closed { p.pool } else { p.funded }),
                poc_pool: p.map_or(0, |p| p.poc_pool),
                pod_pool: p.map_or(0, |p| p.pod_pool),
                rolled_over: p.map_or(0, |p| p.rolled_over),
                claimed: p.map_or(0, |p| p.claimed),
                closed: p.is_some_and(|p| p.closed),
            }
        })
        .collect())
}

/// When each worker's score was valid: from an attestation's
/// `effective_at` to its `expires_at`, cut short by a revocation or replaced
/// by the next attestation.
struct ValidScores(Vec<(i64, i64)>);

impl ValidScores {
    fn load(c: &mut PgConnection) -> Result<Self, ApiError> {
        #[derive(QueryableByName)]
        struct Row {
            #[diesel(sql_type = Text)]
            worker: String,
            #[diesel(sql_type = Bool)]
            revoked: bool,
            #[diesel(sql_type = Nullable<BigInt>)]
            effective_at: Option<i64>,
            #[diesel(sql_type = Nullable<BigInt>)]
            expires_at: Option<i64>,
            #[diesel(sql_type = BigInt)]
            timestamp_us: i64,
        }
        let rows: Vec<Row> = diesel::sql_query(
            "SELECT a.worker, a.revoked, a.effective_at, a.expires_at, e.timestamp_us \
             FROM attestations a JOIN events e USING (version, event_index) \
             WHERE a.version < (SELECT version FROM checkpoint) \
             ORDER BY a.worker, a.version, a.event_index",
        )
        .load(c)?;
        let mut spans = vec![];
        let mut open: Option<(&str, i64, i64)> = None;
        for r in &rows {
            if let Some((w, from, to)) = open {
                if w != r.worker {
                    spans.push((from, to));
                    open = None;
                }
            }
            if r.revoked {
                if let Some((_, from, to)) = open.take() {
                    spans.push((from, to.min(r.timestamp_us / 1_000_000)));
                }
            } else if let (Some(from), Some(to)) = (r.effective_at, r.expires_at) {
                if let Some((_, f, t)) = open.take() {
                    spans.push((f, t.min(from)));
                }
                open = Some((r.worker.as_str(), from, to));
            }
        }
        spans.extend(open.map(|(_, f, t)| (f, t)));
        Ok(Self(spans))
    }

    /// Workers valid at `at` (as `attestation::valid_report`: effective and
    /// `at < expires_at`). A worker's spans never overlap.
    fn count_at(&self, at: i64) -> i64 {
        self.0.iter().filter(|(f, t)| *f <= at && at < *t).count() as i64
    }
}

/// Where every deposit went, from the jobs' own books.
fn money(c: &mut PgConnection) -> Result<MoneyFlow, ApiError> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = BigInt)]
        deposits: i64,
        #[diesel(sql_type = BigInt)]
        paid: i64,
        #[diesel(sql_type = BigInt)]
        fees: i64,
        #[diesel(sql_type = BigInt)]
        refunds: i64,
        #[diesel(sql_type = BigInt)]
        slashed: i64,
    }
    let total = |col: &str| format!("COALESCE(sum({col}), 0)::bigint AS ");
    let r: Row = diesel::sql_query(format!(
        "SELECT {}deposits, {}paid, {}fees, {}refunds, {}slashed FROM jobs",
        total("deposit"),
        total("worker_amount"),
        total("fee"),
        total("refund"),
        total("slashed"),
    ))
    .get_result(c)?;
    Ok(MoneyFlow {
        deposits: r.deposits,
        paid_to_workers: r.paid,
        fees: r.fees,
        refunds: r.refunds,
        held: r.deposits - r.paid - r.fees - r.refunds,
        slashed: r.slashed,
    })
}
