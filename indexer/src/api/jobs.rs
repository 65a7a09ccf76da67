//! Jobs: the list and one job with its history (the candidates for an
//! open job are in [`super::candidates`]).

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::query_builder::AstPass;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::error::{ApiError, CommonErrors, NotFound};
use super::params::{Address, JobBy, JobKey, Limit, Path, Query, Status, Uint};
use super::prepared::{Body, Prepared, Statement};
use super::status::NoParams;
use super::views::{EventView, JobView, Page};
use super::{db, AppState};
use crate::project::status;
use crate::rows::JobRow;
use crate::schema::jobs;

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
    pub(super) id: JobKey,
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
