//! The candidates for an open job: the workers eligible for it, ranked by
//! the seed's rule, read from the ranking kept at ingest
//! ([`crate::eligible`]).
//!
//! Between two checkpoints every job with the same requirements has the
//! same ranking, and jobs ask for a few score and VRAM tiers, so the ranked
//! part of an answer is kept per ingest state ([`RankCache`]): most
//! requests cost one statement, the job with the checkpoint it was read at.

use std::collections::HashMap;
use std::sync::Mutex;

use axum::extract::State;
use axum::Json;
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::query_builder::AstPass;
use diesel::sql_types::{BigInt, Nullable, Text};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::context::Ctx;
use super::error::{ApiError, CommonErrors, NotFound, NotOpen};
use super::jobs::JobPath;
use super::params::{JobBy, JobKey, Limit, Path, Query};
use super::prepared::{Prepared, SharedJson, Statement};
use super::views::{JobView, WorkerView};
use super::{db, AppState};
use crate::eligible;
use crate::project::status;
use crate::rows::{JobRow, WorkerRow};
use crate::schema::workers;

/// Page size of `/v1/jobs/{id}/candidates`.
#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CandidatesQuery {
    /// Items (the top of the ranking).
    #[serde(default)]
    #[param(inline)]
    limit: Limit<100, 1000>,
}

/// An eligible worker with its place in the ranking.
#[derive(Serialize, ToSchema)]
pub struct CandidateView {
    #[serde(flatten)]
    worker: WorkerView,
    /// 1-based place.
    rank: usize,
    /// Among the VIP workers placed first.
    vip_priority_slot: bool,
}

/// `GET /v1/jobs/{id}/candidates`.
#[derive(Serialize, ToSchema)]
pub struct Candidates {
    job: JobView,
    /// Eligible workers in all.
    eligible_total: usize,
    /// How many VIP workers lead the ranking.
    vip_first: usize,
    #[schema(value_type = Vec<CandidateView>)]
    items: SharedJson,
}

/// Eligible workers for an open job (score ≥ min score, VRAM ≥ min VRAM,
/// valid attestation, stake ≥ minimum stake), ranked: the top 10 % (rounded
/// up) of VIP workers by priority score first, then everyone by priority
/// score.
#[utoipa::path(get, path = "/v1/jobs/{id}/candidates", tag = "jobs",
    params(JobPath, CandidatesQuery),
    responses((status = 200, body = Candidates), NotFound, NotOpen, CommonErrors))]
pub async fn candidates(
    State(st): State<AppState>,
    Query(q): Query<CandidatesQuery>,
    Path(JobPath { id }): Path<JobPath>,
) -> Result<Json<Candidates>, ApiError> {
    let limit = q.limit.get();
    let cache = st.candidates.clone();
    db(&st, move |c| {
        let (job, at) = open_job_at(c, &id)?;
        let key = (job.min_score, job.min_vram_mb, limit);
        if let Some(page) = at.as_ref().and_then(|at| cache.get(at, key)) {
            return Ok(Json(page.answer(job)));
        }
        // One snapshot: the job, the counts and the page agree whatever
        // commits between, and the page is kept under the state it was
        // read at.
        c.build_transaction()
            .read_only()
            .repeatable_read()
            .run(|c| {
                let (job, at) = open_job_at(c, &id)?;
                let ctx = Ctx::load(c)?;
                let page = rank(c, &ctx, job.min_score, job.min_vram_mb, limit)?;
                if let Some(at) = at {
                    cache.put(at, key, page.clone());
                }
                Ok(Json(page.answer(job)))
            })
    })
    .await
}

/// The job named by `key` and the ingest state it was read at; a 404 when
/// there is no such job, a 409 when it is not open.
fn open_job_at(
    c: &mut PgConnection,
    key: &JobKey,
) -> Result<(JobRow, Option<IngestState>), ApiError> {
    let row: Option<JobAtRow> = match &key.by {
        JobBy::Id(n) => Prepared(JobAtById(*n)).get_result(c).optional()?,
        JobBy::Address(a) => Prepared(JobAtByAddress(a.clone()))
            .get_result(c)
            .optional()?,
    };
    let row = row.ok_or_else(|| ApiError::not_found(format!("job {} not found", key.text)))?;
    let job = row.job;
    if job.status != status::OPEN {
        return Err(ApiError::conflict(format!(
            "job {} is {}, candidates exist only for open jobs",
            job.job_id,
            status::name(job.status)
        )));
    }
    let at = match (row.at_version, row.at_timestamp_us) {
        (Some(version), Some(timestamp_us)) => Some(IngestState {
            version,
            timestamp_us,
            hash: row.at_hash,
            ranked: row.at_ranked,
        }),
        _ => None,
    };
    Ok((job, at))
}

/// The ranked part of the answer for a job asking `min_score` and
/// `min_vram_mb`, computed against `ctx`.
fn rank(
    c: &mut PgConnection,
    ctx: &Ctx,
    min_score: i64,
    min_vram_mb: i64,
    limit: usize,
) -> Result<RankedPage, ApiError> {
    let ranked = eligible::ranked(c, ctx.now, min_score, min_vram_mb, limit)?;
    let addrs: Vec<&str> = ranked.items.iter().map(|r| r.address.as_str()).collect();
    let mut rows: HashMap<String, WorkerRow> = workers::table
        .filter(workers::address.eq_any(addrs))
        .select(WorkerRow::as_select())
        .load(c)?
        .into_iter()
        .map(|w| (w.address.clone(), w))
        .collect();
    let items: Vec<CandidateView> = ranked
        .items
        .into_iter()
        .filter_map(|r| Some((rows.remove(&r.address)?, r.online_secs)))
        .enumerate()
        .map(|(i, (w, online))| CandidateView {
            worker: WorkerView::new(w, ctx, online as u64),
            rank: i + 1,
            vip_priority_slot: i < ranked.vip_first,
        })
        .collect();
    Ok(RankedPage {
        eligible_total: ranked.total,
        vip_first: ranked.vip_first,
        items: SharedJson::of(&items).map_err(ApiError::internal)?,
    })
}

/// The ingest state a read saw: the checkpoint's version, chain time and
/// last transaction hash. The parameters, the ranking kept at ingest, the
/// workers' rows and "now" are all written in the transaction that moves
/// the checkpoint, so two reads at the same state rank alike; the one
/// exception, a database from before the ranking was kept getting it when
/// the writer starts, shows as `ranked` turning true.
#[derive(Debug, Clone, PartialEq, Eq)]
struct IngestState {
    version: i64,
    timestamp_us: i64,
    hash: Option<String>,
    ranked: bool,
}

/// The ranked part of an answer: the counts and the page as JSON.
#[derive(Clone)]
struct RankedPage {
    eligible_total: usize,
    vip_first: usize,
    items: SharedJson,
}

impl RankedPage {
    fn answer(self, job: JobRow) -> Candidates {
        Candidates {
            job: JobView::from(job),
            eligible_total: self.eligible_total,
            vip_first: self.vip_first,
            items: self.items,
        }
    }
}

/// Pages kept at most per ingest state (each at most `limit` workers).
const MAX_PAGES: usize = 64;

/// Ranked pages of the last ingest state read, by (min score, min VRAM,
/// limit). A page read at another state replaces them all: states only
/// move forward, and an older one seen by a slower request is simply
/// replaced again by the next.
#[derive(Default)]
pub struct RankCache(Mutex<Option<(IngestState, HashMap<PageKey, RankedPage>)>>);

type PageKey = (i64, i64, usize);

impl RankCache {
    fn get(&self, at: &IngestState, key: PageKey) -> Option<RankedPage> {
        let kept = self.0.lock().unwrap_or_else(|e| e.into_inner());
        match &*kept {
            Some((state, pages)) if state == at => pages.get(&key).cloned(),
            _ => None,
        }
    }

    fn put(&self, at: IngestState, key: PageKey, page: RankedPage) {
        let mut kept = self.0.lock().unwrap_or_else(|e| e.into_inner());
        match &mut *kept {
            Some((state, pages)) if *state == at => {
                if pages.len() >= MAX_PAGES {
                    pages.clear();
                }
                pages.insert(key, page);
            }
            _ => *kept = Some((at, HashMap::from([(key, page)]))),
        }
    }
}

/// A job with the checkpoint, before the job's `WHERE` condition.
const JOB_AT: &str = "SELECT j.*, c.version AS at_version, c.timestamp_us AS at_timestamp_us, \
     c.last_hash AS at_hash, EXISTS (SELECT 1 FROM eligible_basis) AS at_ranked \
     FROM jobs j LEFT JOIN checkpoint c ON c.id = 1 WHERE ";

/// [`JOB_AT`] for the job with this id.
struct JobAtById(i64);

impl Statement for JobAtById {
    fn walk<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_sql(JOB_AT);
        out.push_sql("j.job_id = ");
        out.push_bind_param::<BigInt, _>(&self.0)
    }
}

/// [`JOB_AT`] for the job at this object address.
struct JobAtByAddress(String);

impl Statement for JobAtByAddress {
    fn walk<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_sql(JOB_AT);
        out.push_sql("j.address = ");
        out.push_bind_param::<Text, _>(&self.0)
    }
}

#[derive(QueryableByName)]
struct JobAtRow {
    #[diesel(embed)]
    job: JobRow,
    #[diesel(sql_type = Nullable<BigInt>)]
    at_version: Option<i64>,
    #[diesel(sql_type = Nullable<BigInt>)]
    at_timestamp_us: Option<i64>,
    #[diesel(sql_type = Nullable<Text>)]
    at_hash: Option<String>,
    #[diesel(sql_type = diesel::sql_types::Bool)]
    at_ranked: bool,
}
