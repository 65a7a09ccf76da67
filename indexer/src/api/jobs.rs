//! Jobs: the list, one job with its history, and the candidates for an
//! open job.

use std::collections::HashMap;

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::query_builder::AstPass;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::context::Ctx;
use super::error::{ApiError, CommonErrors, NotFound, NotOpen};
use super::params::{Address, JobBy, JobKey, Limit, Path, Query, Status, Uint};
use super::prepared::{Body, Prepared, Statement};
use super::status::NoParams;
use super::views::{EventView, JobView, Page, WorkerView};
use super::{db, AppState};
use crate::eligible;
use crate::project::status;
use crate::rows::{JobRow, WorkerRow};
use crate::schema::{jobs, workers};

/// Filters and page of `/v1/jobs`.
#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct JobsQuery {
    /// open, assigned, submitted, completed, cancelled, reclaimed, disputed,
    /// resolved, partially_accepted (or the code 0–8).
    #[param(inline)]
    status: Option<Status>,
    /// Creator address.
    #[param(inline)]
    creator: Option<Address>,
    /// Assigned worker address.
    #[param(inline)]
    worker: Option<Address>,
    /// Items per page.
    #[serde(default)]
    #[param(inline)]
    limit: Limit<50, 500>,
    /// `next_cursor` of the previous page (a job id).
    #[param(inline)]
    cursor: Option<Uint>,
}

/// Jobs, newest first.
#[utoipa::path(get, path = "/v1/jobs", tag = "jobs", params(JobsQuery),
    responses((status = 200, body = Page<JobView>), CommonErrors))]
pub async fn list_jobs(
    State(st): State<AppState>,
    Query(q): Query<JobsQuery>,
) -> Result<Json<Page<JobView>>, ApiError> {
    let limit = q.limit.get();
    db(&st, move |c| {
        let mut query = jobs::table.select(JobRow::as_select()).into_boxed();
        if let Some(s) = q.status {
            query = query.filter(jobs::status.eq(s.0));
        }
        if let Some(creator) = q.creator {
            query = query.filter(jobs::creator.eq(creator.long));
        }
        if let Some(worker) = q.worker {
            query = query.filter(jobs::worker.eq(worker.long));
        }
        if let Some(cursor) = q.cursor {
            query = query.filter(jobs::job_id.lt(cursor.i64()));
        }
        let rows: Vec<JobRow> = query
            .order(jobs::job_id.desc())
            .limit(limit as i64 + 1)
            .load(c)?;
        Ok(Json(Page::of(
            rows,
            limit,
            |j| j.job_id.to_string(),
            JobView::from,
        )))
    })
    .await
}

/// A job named in the path.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct JobPath {
    /// Job id or job object address.
    #[param(inline)]
    id: JobKey,
}

/// `GET /v1/jobs/{id}`: the job and its event history. PostgreSQL builds
/// this answer (see [`get_job`]); the type documents it, and the tests
/// check the two agree.
#[derive(Serialize, ToSchema)]
#[cfg_attr(not(test), allow(dead_code))]
pub struct JobPage {
    pub(super) job: JobView,
    /// Every event of the job, oldest first.
    pub(super) history: Vec<EventView>,
}

/// The job page's body (job row, status name, history) built by
/// PostgreSQL, before its `WHERE` condition; its shape is [`JobPage`]'s.
fn job_body_sql() -> String {
    let names: Vec<String> = status::names().iter().map(|n| format!("'{n}'")).collect();
    format!(
        "SELECT jsonb_build_object(\
         'job', to_jsonb(j) || jsonb_build_object('status_code', j.status, 'status', (ARRAY[{}]::text[])[j.status + 1]), \
         'history', COALESCE((SELECT jsonb_agg(jsonb_build_object('version', e.version, 'event_index', e.event_index, \
         'timestamp_us', e.timestamp_us, 'type', e.event_type, 'data', e.data) ORDER BY e.version, e.event_index) \
         FROM events e WHERE e.job_id = j.job_id AND e.version < (SELECT version FROM checkpoint)), \
         '[]'::jsonb))::text AS body FROM jobs j WHERE ",
        names.join(", ")
    )
}

/// [`job_body_sql`] for the job with this id.
struct JobBodyById(i64);

impl Statement for JobBodyById {
    fn walk<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_sql(&job_body_sql());
        out.push_sql("j.job_id = ");
        out.push_bind_param::<diesel::sql_types::BigInt, _>(&self.0)
    }
}

/// [`job_body_sql`] for the job at this object address.
struct JobBodyByAddress(String);

impl Statement for JobBodyByAddress {
    fn walk<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_sql(&job_body_sql());
        out.push_sql("j.address = ");
        out.push_bind_param::<diesel::sql_types::Text, _>(&self.0)
    }
}

/// One job and its event history.
///
/// Explorers open jobs by id far more than anything else, so this answer
/// is built by PostgreSQL in one round trip and passed through as text
/// (measured in `bench/RESULTS.md`; its shape is checked against
/// [`JobPage`] in the tests).
#[utoipa::path(get, path = "/v1/jobs/{id}", tag = "jobs", params(JobPath, NoParams),
    responses((status = 200, body = JobPage), NotFound, CommonErrors))]
pub async fn get_job(
    State(st): State<AppState>,
    Query(NoParams {}): Query<NoParams>,
    Path(JobPath { id }): Path<JobPath>,
) -> Result<Response, ApiError> {
    let by = id.by;
    let body = db(&st, move |c| {
        let row: Option<Body> = match by {
            JobBy::Id(n) => Prepared(JobBodyById(n)).get_result(c).optional()?,
            JobBy::Address(a) => Prepared(JobBodyByAddress(a)).get_result(c).optional()?,
        };
        Ok(row.map(|r| r.body))
    })
    .await?;
    match body {
        Some(b) => Ok(([(header::CONTENT_TYPE, "application/json")], b).into_response()),
        None => Err(ApiError::not_found(format!("job {} not found", id.text))),
    }
}

/// The job's row.
pub(super) fn find_job(c: &mut PgConnection, key: &JobKey) -> Result<JobRow, ApiError> {
    let row = match &key.by {
        JobBy::Address(addr) => jobs::table
            .filter(jobs::address.eq(addr))
            .select(JobRow::as_select())
            .first(c)
            .optional()?,
        JobBy::Id(n) => jobs::table
            .find(n)
            .select(JobRow::as_select())
            .first(c)
            .optional()?,
    };
    row.ok_or_else(|| ApiError::not_found(format!("job {} not found", key.text)))
}

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
    items: Vec<CandidateView>,
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
    // One snapshot: the counts and the page agree, whatever commits between.
    db(&st, move |c| {
        c.build_transaction()
            .read_only()
            .repeatable_read()
            .run(|c| {
                let job = find_job(c, &id)?;
                if job.status != status::OPEN {
                    return Err(ApiError::conflict(format!(
                        "job {} is {}, candidates exist only for open jobs",
                        job.job_id,
                        status::name(job.status)
                    )));
                }
                let ctx = Ctx::load(c)?;
                let ranked = eligible::ranked(c, ctx.now, job.min_score, job.min_vram_mb, limit)?;
                let addrs: Vec<&str> = ranked.items.iter().map(|r| r.address.as_str()).collect();
                let mut rows: HashMap<String, WorkerRow> = workers::table
                    .filter(workers::address.eq_any(addrs))
                    .select(WorkerRow::as_select())
                    .load(c)?
                    .into_iter()
                    .map(|w| (w.address.clone(), w))
                    .collect();
                let items = ranked
                    .items
                    .into_iter()
                    .filter_map(|r| Some((rows.remove(&r.address)?, r.online_secs)))
                    .enumerate()
                    .map(|(i, (w, online))| CandidateView {
                        worker: WorkerView::new(w, &ctx, online as u64),
                        rank: i + 1,
                        vip_priority_slot: i < ranked.vip_first,
                    })
                    .collect();
                Ok(Json(Candidates {
                    job: JobView::from(job),
                    eligible_total: ranked.total,
                    vip_first: ranked.vip_first,
                    items,
                }))
            })
    })
    .await
}
