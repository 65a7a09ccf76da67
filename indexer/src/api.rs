//! The explorer HTTP API (axum, JSON).
//!
//! Every handler runs its queries on a blocking thread with a pooled
//! connection, so slow queries never stall the async workers. User input is
//! checked before any query: a bad parameter is a 400 whose JSON names it, an
//! unknown id a 404; a 500 only ever means the server itself failed.
//!
//! "Now" for scores, eligibility and priority is the chain time of the last
//! indexed transaction, so answers are reproducible from the database alone
//! and agree with what the chain computed at that version.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::query_builder::{AstPass, QueryFragment, QueryId};
use lumen_sdk::AccountAddress;
use serde::Serialize;
use serde_json::{json, Value};

use crate::checkpoint;
use crate::metrics::METRICS;
use crate::project::{role, status};
use crate::schema::*;
use crate::store::*;
use lumen_sdk::formulas;

mod openapi;
pub use openapi::openapi;

/// Shared state of the handlers.
#[derive(Clone)]
pub struct AppState {
    pool: PgPool,
    node: Option<Arc<(reqwest::Client, String)>>,
    /// The node's head and when it was asked, so that explorers polling
    /// `/v1/status` do not each cost a request to the node.
    node_head: Arc<std::sync::Mutex<Option<(std::time::Instant, u64)>>>,
    decimals: u8,
    /// Requests that may hold a database connection at once; the rest wait
    /// in arrival order (see [`AppState::with_db_concurrency`]).
    db_slots: Arc<tokio::sync::Semaphore>,
}

impl AppState {
    /// State over `pool`; `node_url` (when given) is asked for the chain
    /// head by `/v1/status`; `decimals` of the payment asset scale creator
    /// priority.
    pub fn new(pool: PgPool, node_url: Option<String>, decimals: u8) -> Self {
        let node = node_url.map(|url| {
            crate::source::install_crypto_provider();
            let client = reqwest::Client::builder()
                .timeout(Duration::from_secs(2))
                .build()
                .expect("a client without custom TLS settings builds");
            Arc::new((client, url))
        });
        Self {
            pool,
            node,
            node_head: Arc::default(),
            decimals,
            db_slots: Arc::new(tokio::sync::Semaphore::new(default_db_concurrency())),
        }
    }

    /// At most `n` requests run queries at once (0: twice the CPU count).
    /// More only make PostgreSQL's processes and the blocking threads share
    /// the same cores: throughput stays, but the scheduler leaves some
    /// requests waiting for hundreds of milliseconds, whereas the semaphore
    /// serves waiting requests first come, first served.
    pub fn with_db_concurrency(mut self, n: usize) -> Self {
        let n = if n == 0 { default_db_concurrency() } else { n };
        self.db_slots = Arc::new(tokio::sync::Semaphore::new(n));
        self
    }
}

fn default_db_concurrency() -> usize {
    2 * std::thread::available_parallelism().map_or(2, |n| n.get())
}

/// Every route, for the router and the OpenAPI document.
pub const ROUTES: &[&str] = &[
    "/health",
    "/metrics",
    "/openapi.json",
    "/v1/status",
    "/v1/stats",
    "/v1/jobs",
    "/v1/jobs/{id}",
    "/v1/jobs/{id}/candidates",
    "/v1/workers",
    "/v1/workers/{address}",
    "/v1/leaderboards/creators",
    "/v1/leaderboards/workers",
    "/v1/epochs",
    "/v1/epochs/{epoch}",
    "/v1/vip",
    "/v1/campaign",
    "/v1/campaign/leaderboard",
    "/v1/campaign/users/{address}",
    "/v1/leaderboard/campaign",
];

/// The API's router.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/health", get(health))
        .route("/metrics", get(metrics))
        .route("/openapi.json", get(|| async { Json(openapi()) }))
        .route("/v1/status", get(status_handler))
        .route("/v1/stats", get(stats))
        .route("/v1/jobs", get(list_jobs))
        .route("/v1/jobs/{id}", get(get_job))
        .route("/v1/jobs/{id}/candidates", get(candidates))
        .route("/v1/workers", get(list_workers))
        .route("/v1/workers/{address}", get(get_worker))
        .route("/v1/leaderboards/creators", get(creator_board))
        .route("/v1/leaderboards/workers", get(worker_board))
        .route("/v1/epochs", get(list_epochs))
        .route("/v1/epochs/{epoch}", get(get_epoch))
        .route("/v1/vip", get(list_vip))
        .route("/v1/campaign", get(campaign_summary))
        .route("/v1/campaign/leaderboard", get(campaign_board))
        .route("/v1/campaign/users/{address}", get(campaign_user))
        .route("/v1/leaderboard/campaign", get(campaign_board))
        .fallback(|| async { ApiError::not_found("no such endpoint; see /openapi.json") })
        .layer(axum::middleware::map_response(count_response))
        .with_state(state)
}

/// Only `/metrics` and `/health`, for an ingest-only process.
pub fn metrics_router(state: AppState) -> Router {
    Router::new()
        .route("/health", get(health))
        .route("/metrics", get(metrics))
        .with_state(state)
}

async fn count_response(r: Response) -> Response {
    METRICS.record_http(r.status().as_u16());
    r
}

/// An error answer: `{"error": …, "parameter": …}`.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    parameter: Option<String>,
    message: String,
}

impl ApiError {
    fn bad(parameter: &str, message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::BAD_REQUEST,
            parameter: Some(parameter.to_string()),
            message: format!("invalid parameter `{parameter}`: {}", message.into()),
        }
    }
    fn not_found(message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::NOT_FOUND,
            parameter: None,
            message: message.into(),
        }
    }
    fn conflict(message: impl Into<String>) -> Self {
        Self {
            status: StatusCode::CONFLICT,
            parameter: None,
            message: message.into(),
        }
    }
    fn internal(e: impl std::fmt::Display) -> Self {
        tracing::error!(error = %e, "API request failed");
        Self {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            parameter: None,
            message: "internal error".into(),
        }
    }
    fn unavailable(e: impl std::fmt::Display) -> Self {
        tracing::warn!(error = %e, "database unavailable");
        Self {
            status: StatusCode::SERVICE_UNAVAILABLE,
            parameter: None,
            message: "database unavailable".into(),
        }
    }
}

impl From<diesel::result::Error> for ApiError {
    fn from(e: diesel::result::Error) -> Self {
        ApiError::internal(e)
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        ApiError::internal(e)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut body = json!({ "error": self.message });
        if let Some(p) = self.parameter {
            body["parameter"] = p.into();
        }
        (self.status, Json(body)).into_response()
    }
}

type ApiResult = Result<Json<Value>, ApiError>;

/// Query parameters, checked by name.
struct Params(HashMap<String, String>);

impl Params {
    fn new(
        q: Result<Query<HashMap<String, String>>, QueryRejection>,
        allowed: &[&str],
    ) -> Result<Self, ApiError> {
        let Query(map) = q.map_err(|e| ApiError::bad("query", e.body_text()))?;
        if let Some(k) = map.keys().find(|k| !allowed.contains(&k.as_str())) {
            return Err(ApiError::bad(
                k,
                format!("unknown parameter; allowed: {}", allowed.join(", ")),
            ));
        }
        Ok(Self(map))
    }

    fn u64(&self, name: &str) -> Result<Option<u64>, ApiError> {
        self.0
            .get(name)
            .map(|v| {
                v.parse::<u64>().map_err(|_| {
                    ApiError::bad(name, format!("expected a non-negative integer, got {v:?}"))
                })
            })
            .transpose()
    }

    fn limit(&self, default: u64, max: u64) -> Result<i64, ApiError> {
        match self.u64("limit")? {
            None => Ok(default as i64),
            Some(0) => Err(ApiError::bad("limit", "must be at least 1")),
            Some(n) if n > max => Err(ApiError::bad("limit", format!("at most {max}"))),
            Some(n) => Ok(n as i64),
        }
    }

    fn address(&self, name: &str) -> Result<Option<String>, ApiError> {
        self.0.get(name).map(|v| parse_address(name, v)).transpose()
    }

    fn bool(&self, name: &str) -> Result<bool, ApiError> {
        match self.0.get(name).map(String::as_str) {
            None | Some("false") | Some("0") => Ok(false),
            Some("true") | Some("1") => Ok(true),
            Some(v) => Err(ApiError::bad(
                name,
                format!("expected true or false, got {v:?}"),
            )),
        }
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.0.get(name).map(String::as_str)
    }
}

fn parse_address(name: &str, v: &str) -> Result<String, ApiError> {
    if !v.starts_with("0x") || v.len() < 3 || v.len() > 66 {
        return Err(ApiError::bad(
            name,
            format!("expected a 0x-prefixed hex address, got {v:?}"),
        ));
    }
    AccountAddress::from_hex(v)
        .map(|a| a.to_hex())
        .map_err(|e| ApiError::bad(name, format!("not an address ({e}): {v:?}")))
}

/// The checkpoint's next version: raw events at or past it belong to a batch
/// whose projections have not committed yet, so the API never shows them.
fn checkpoint_version() -> diesel::dsl::SingleValue<
    diesel::dsl::Select<crate::schema::checkpoint::table, crate::schema::checkpoint::version>,
> {
    use crate::schema::checkpoint;
    checkpoint::table.select(checkpoint::version).single_value()
}

/// Runs `f` with a pooled connection on a blocking thread.
async fn db<T: Send + 'static>(
    st: &AppState,
    f: impl FnOnce(&mut PgConnection) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let pool = st.pool.clone();
    let slot = st
        .db_slots
        .clone()
        .acquire_owned()
        .await
        .map_err(ApiError::internal)?;
    tokio::task::spawn_blocking(move || {
        let _slot = slot;
        let mut conn = pool.get().map_err(ApiError::unavailable)?;
        f(&mut conn)
    })
    .await
    .map_err(ApiError::internal)?
}

/// Chain-derived context: time, parameters, current epoch.
struct Ctx {
    now: u64,
    stake_factor: u64,
    epoch_secs: u64,
    vip_days: u64,
    indexed_version: Option<u64>,
}

impl Ctx {
    /// The checkpoint and every parameter in one round trip (every
    /// endpoint that derives chain values starts here).
    fn load(conn: &mut PgConnection) -> Result<Self, ApiError> {
        let row: CtxRow = Prepared(CtxQuery).get_result(conn)?;
        let ps: HashMap<String, u64> = row
            .names
            .into_iter()
            .zip(row.vals)
            .map(|(k, v)| (k, v as u64))
            .collect();
        let p = |name: &str| {
            ps.get(name).copied().unwrap_or_else(|| {
                lumen_sdk::params::param(name)
                    .map(|p| p.default)
                    .expect("the indexer only names parameters the sdk defines")
            })
        };
        Ok(Self {
            now: row.timestamp_us.map_or(0, |t| t as u64 / 1_000_000),
            stake_factor: p(PARAM_STAKE_FACTOR),
            epoch_secs: p(PARAM_EPOCH_SECS).max(1),
            vip_days: p(PARAM_VIP_WORKER_DAYS),
            indexed_version: row.next_version.and_then(|v| (v as u64).checked_sub(1)),
        })
    }

    fn current_epoch(&self) -> u64 {
        formulas::epoch_of(self.now, self.epoch_secs)
    }

    /// Epochs `[current − days, current)` (the ended ones `vip` looks at).
    fn window(&self) -> (i64, i64) {
        let cur = self.current_epoch();
        (cur.saturating_sub(self.vip_days) as i64, cur as i64)
    }
}

/// [`Ctx::load`]'s statement.
struct CtxQuery;

impl Statement for CtxQuery {
    fn walk<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_sql(
            "SELECT c.version AS next_version, c.timestamp_us, \
             ARRAY(SELECT name FROM params ORDER BY name) AS names, \
             ARRAY(SELECT value FROM params ORDER BY name) AS vals \
             FROM (SELECT 1) AS one LEFT JOIN checkpoint c ON c.id = 1",
        );
        Ok(())
    }
}

#[derive(QueryableByName)]
struct CtxRow {
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::BigInt>)]
    next_version: Option<i64>,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::BigInt>)]
    timestamp_us: Option<i64>,
    #[diesel(sql_type = diesel::sql_types::Array<diesel::sql_types::Text>)]
    names: Vec<String>,
    #[diesel(sql_type = diesel::sql_types::Array<diesel::sql_types::BigInt>)]
    vals: Vec<i64>,
}

/// Parameter names the API reads (checked against the sdk's list in tests).
const PARAM_STAKE_FACTOR: &str = "stake_factor";
const PARAM_EPOCH_SECS: &str = "epoch_secs";
const PARAM_VIP_WORKER_DAYS: &str = "vip_worker_days";

/// Online seconds per worker over the priority window.
fn online_secs(
    conn: &mut PgConnection,
    ctx: &Ctx,
    only: Option<&[String]>,
) -> Result<HashMap<String, u64>, ApiError> {
    use diesel::sql_types::{Array, BigInt, Text};
    #[derive(QueryableByName)]
    struct Online {
        #[diesel(sql_type = Text)]
        worker: String,
        #[diesel(sql_type = BigInt)]
        secs: i64,
    }
    let (from, to) = ctx.window();
    let sql = "SELECT worker, COALESCE(SUM(online_secs), 0)::bigint AS secs FROM worker_epochs \
               WHERE epoch >= $1 AND epoch < $2";
    let rows: Vec<Online> = match only {
        Some(ws) => diesel::sql_query(format!("{sql} AND worker = ANY($3) GROUP BY worker"))
            .bind::<BigInt, _>(from)
            .bind::<BigInt, _>(to)
            .bind::<Array<Text>, _>(ws.to_vec())
            .load(conn)?,
        None => diesel::sql_query(format!("{sql} GROUP BY worker"))
            .bind::<BigInt, _>(from)
            .bind::<BigInt, _>(to)
            .load(conn)?,
    };
    Ok(rows
        .into_iter()
        .map(|r| (r.worker, r.secs.max(0) as u64))
        .collect())
}

/// What the chain would compute for a worker now.
struct Derived {
    score_valid: bool,
    min_stake: u64,
    eligible: bool,
    priority: u64,
}

impl Derived {
    fn of(w: &WorkerRow, ctx: &Ctx, online: u64) -> Self {
        // As attestation::valid_report: a report exists, is not revoked and
        // `now < expires_at`; staking::is_eligible also wants a price above 0.
        let score_valid =
            w.gpu_model.is_some() && !w.score_revoked && (w.score_expires_at as u64) > ctx.now;
        let score_now = if score_valid { w.score as u64 } else { 0 };
        let min_stake =
            formulas::min_stake(ctx.stake_factor, score_now, w.price_per_ib_hour as u64);
        let eligible = score_valid && w.price_per_ib_hour > 0 && w.stake as u64 >= min_stake;
        let priority = formulas::worker_priority(
            online,
            ctx.vip_days,
            score_now,
            w.frames_completed as u64,
            w.jobs_failed as u64,
            w.vip,
        );
        Self {
            score_valid,
            min_stake,
            eligible,
            priority,
        }
    }
}

/// A worker with what the chain would compute for it now.
#[derive(Serialize)]
struct WorkerView<'a> {
    #[serde(flatten)]
    row: &'a WorkerRow,
    score_valid: bool,
    min_stake: u64,
    eligible: bool,
    priority: u64,
    online_secs_window: u64,
}

impl<'a> WorkerView<'a> {
    fn new(row: &'a WorkerRow, ctx: &Ctx, online: u64) -> Self {
        let d = Derived::of(row, ctx, online);
        Self {
            row,
            score_valid: d.score_valid,
            min_stake: d.min_stake,
            eligible: d.eligible,
            priority: d.priority,
            online_secs_window: online,
        }
    }
}

fn worker_json(w: &WorkerRow, ctx: &Ctx, online: u64) -> Value {
    serde_json::to_value(WorkerView::new(w, ctx, online)).expect("rows serialize")
}

/// A job as the API serves it: the row (status by name) and the status code.
#[derive(Serialize)]
struct JobView<'a> {
    #[serde(flatten)]
    row: &'a JobRow,
    status_code: i16,
}

impl<'a> From<&'a JobRow> for JobView<'a> {
    fn from(row: &'a JobRow) -> Self {
        Self {
            row,
            status_code: row.status,
        }
    }
}

fn job_json(j: &JobRow) -> Value {
    serde_json::to_value(JobView::from(j)).expect("rows serialize")
}

/// A raw event as the API serves it.
#[derive(Serialize)]
struct EventView<'a> {
    version: i64,
    event_index: i32,
    timestamp_us: i64,
    #[serde(rename = "type")]
    event_type: &'a str,
    data: &'a RawJson,
}

impl<'a> From<&'a EventRow> for EventView<'a> {
    fn from(e: &'a EventRow) -> Self {
        Self {
            version: e.version,
            event_index: e.event_index,
            timestamp_us: e.timestamp_us,
            event_type: &e.event_type,
            data: &e.data,
        }
    }
}

fn event_json(e: &EventRow) -> Value {
    serde_json::to_value(EventView::from(e)).expect("rows serialize")
}

/// A JSON answer already serialized, straight from the rows (no `Value`
/// tree in between: on the pages with many rows that tree was most of the
/// handler's time).
struct JsonBody(Vec<u8>);

impl JsonBody {
    fn of<T: Serialize>(v: &T) -> Result<Self, ApiError> {
        serde_json::to_vec(v).map(Self).map_err(ApiError::internal)
    }
}

impl IntoResponse for JsonBody {
    fn into_response(self) -> Response {
        ([(header::CONTENT_TYPE, "application/json")], self.0).into_response()
    }
}

async fn health(State(st): State<AppState>) -> Response {
    let ok = db(&st, |c| {
        diesel::sql_query("SELECT 1").execute(c)?;
        Ok(())
    })
    .await;
    match ok {
        Ok(()) => Json(json!({"status": "ok", "database": "ok"})).into_response(),
        Err(_) => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(json!({"status": "unavailable", "database": "unreachable"})),
        )
            .into_response(),
    }
}

async fn metrics() -> Response {
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        METRICS.render(),
    )
        .into_response()
}

async fn status_handler(
    State(st): State<AppState>,
    q: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> ApiResult {
    Params::new(q, &[])?;
    let cp = db(&st, |c| Ok(checkpoint::load(c)?)).await?;
    // The node's head when one is configured (cached for a second), else
    // the newest head the ingestion in this process has seen.
    let mut head = Some(METRICS.chain_head()).filter(|h| *h > 0);
    if let Some(node) = &st.node {
        let cached = *st.node_head.lock().unwrap_or_else(|p| p.into_inner());
        match cached {
            Some((at, h)) if at.elapsed() < Duration::from_secs(1) => head = Some(h),
            _ => {
                let retry = crate::source::RetryPolicy {
                    max_attempts: 1,
                    ..Default::default()
                };
                if let Ok(info) = crate::source::ledger_info(&node.0, &node.1, &retry).await {
                    METRICS.set_chain_head(info.ledger_version);
                    *st.node_head.lock().unwrap_or_else(|p| p.into_inner()) =
                        Some((std::time::Instant::now(), info.ledger_version));
                    head = Some(info.ledger_version);
                }
            }
        }
    }
    let indexed = cp.as_ref().and_then(|c| c.last_version());
    let lag = match (head, indexed) {
        (Some(h), Some(i)) => Some(h.saturating_sub(i)),
        (Some(h), None) => Some(h + 1),
        _ => None,
    };
    Ok(Json(json!({
        "indexed_version": indexed,
        "chain_head": head,
        "lag": lag,
        "chain_id": cp.as_ref().and_then(|c| c.chain_id),
        "package": cp.as_ref().map(|c| c.package.clone()),
        "indexed_timestamp_us": cp.as_ref().map(|c| c.timestamp_us),
        "events_total": cp.as_ref().map_or(0, |c| c.events_total),
    })))
}

async fn stats(
    State(st): State<AppState>,
    q: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> ApiResult {
    Params::new(q, &[])?;
    db(&st, |c| {
        let ctx = Ctx::load(c)?;
        let by_status: Vec<(i16, i64)> = jobs::table
            .group_by(jobs::status)
            .select((jobs::status, diesel::dsl::count_star()))
            .load(c)?;
        let mut statuses = serde_json::Map::new();
        for name in status::names() {
            statuses.insert(name.to_string(), 0.into());
        }
        let mut total_jobs = 0;
        for (s, n) in by_status {
            statuses.insert(status::name(s).to_string(), n.into());
            total_jobs += n;
        }
        #[derive(QueryableByName)]
        struct Totals {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            workers: i64,
            #[diesel(sql_type = diesel::sql_types::Text)]
            total_stake: String,
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            creators: i64,
            #[diesel(sql_type = diesel::sql_types::Text)]
            total_paid: String,
            #[diesel(sql_type = diesel::sql_types::Text)]
            frames_paid: String,
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            vip_holders: i64,
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            epochs: i64,
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            valid_scores: i64,
        }
        let t: Totals = diesel::sql_query(
            "SELECT (SELECT count(*) FROM workers) AS workers, \
                    (SELECT COALESCE(sum(stake), 0)::text FROM workers) AS total_stake, \
                    (SELECT count(*) FROM creators) AS creators, \
                    (SELECT COALESCE(sum(gross), 0)::text FROM jobs) AS total_paid, \
                    (SELECT COALESCE(sum(frames_paid), 0)::text FROM jobs) AS frames_paid, \
                    (SELECT count(*) FROM vip_passes WHERE NOT revoked) AS vip_holders, \
                    (SELECT count(*) FROM epochs) AS epochs, \
                    (SELECT count(*) FROM workers WHERE NOT score_revoked AND gpu_model IS NOT NULL AND score_expires_at > $1) AS valid_scores",
        )
        .bind::<diesel::sql_types::BigInt, _>(to_i64(ctx.now))
        .get_result(c)?;
        Ok(Json(json!({
            "indexed_version": ctx.indexed_version,
            "chain_time": ctx.now,
            "current_epoch": ctx.current_epoch(),
            "jobs": {"total": total_jobs, "by_status": statuses},
            "workers": {"total": t.workers, "with_valid_score": t.valid_scores},
            "creators": t.creators,
            "total_stake": t.total_stake,
            "total_paid": t.total_paid,
            "frames_paid": t.frames_paid,
            "vip_holders": t.vip_holders,
            "epochs": t.epochs,
        })))
    })
    .await
}

async fn list_jobs(
    State(st): State<AppState>,
    q: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> ApiResult {
    let p = Params::new(q, &["status", "creator", "worker", "limit", "cursor"])?;
    let limit = p.limit(50, 500)?;
    let status_f = match p.get("status") {
        None => None,
        Some(s) => Some(
            status::parse(s)
                .or_else(|| {
                    s.parse::<i16>()
                        .ok()
                        .filter(|c| status::name(*c) != "unknown")
                })
                .ok_or_else(|| {
                    ApiError::bad(
                        "status",
                        format!("one of {} (or 0–7), got {s:?}", status::names().join(", ")),
                    )
                })?,
        ),
    };
    let creator = p.address("creator")?;
    let worker = p.address("worker")?;
    let cursor = p.u64("cursor")?;
    db(&st, move |c| {
        let mut q = jobs::table.select(JobRow::as_select()).into_boxed();
        if let Some(s) = status_f {
            q = q.filter(jobs::status.eq(s));
        }
        if let Some(cr) = creator {
            q = q.filter(jobs::creator.eq(cr));
        }
        if let Some(w) = worker {
            q = q.filter(jobs::worker.eq(w));
        }
        if let Some(cur) = cursor {
            q = q.filter(jobs::job_id.lt(to_i64(cur)));
        }
        let rows: Vec<JobRow> = q.order(jobs::job_id.desc()).limit(limit + 1).load(c)?;
        page_json(rows, limit, |j| j.job_id.to_string(), job_json)
    })
    .await
}

/// `{"items": […], "next_cursor": …}` from `limit + 1` fetched rows.
fn page_json<T>(
    mut rows: Vec<T>,
    limit: i64,
    cursor: impl Fn(&T) -> String,
    item: impl Fn(&T) -> Value,
) -> ApiResult {
    let more = rows.len() as i64 > limit;
    rows.truncate(limit as usize);
    let next = if more { rows.last().map(&cursor) } else { None };
    Ok(Json(json!({
        "items": rows.iter().map(item).collect::<Vec<_>>(),
        "next_cursor": next,
    })))
}

/// A job named in a path: by id or by object address.
enum JobKey {
    Id(i64),
    Address(String),
}

fn job_key(id: &str) -> Result<JobKey, ApiError> {
    if id.starts_with("0x") {
        return parse_address("id", id).map(JobKey::Address);
    }
    id.parse::<u64>()
        .map(|n| JobKey::Id(to_i64(n)))
        .map_err(|_| {
            ApiError::bad(
                "id",
                format!("expected a job id or a 0x job address, got {id:?}"),
            )
        })
}

fn find_job(c: &mut PgConnection, id: &str) -> Result<JobRow, ApiError> {
    let row = match job_key(id)? {
        JobKey::Address(addr) => jobs::table
            .filter(jobs::address.eq(addr))
            .select(JobRow::as_select())
            .first(c)
            .optional()?,
        JobKey::Id(n) => jobs::table
            .find(n)
            .select(JobRow::as_select())
            .first(c)
            .optional()?,
    };
    row.ok_or_else(|| ApiError::not_found(format!("job {id} not found")))
}

/// One text column named `body`.
#[derive(QueryableByName)]
struct Body {
    #[diesel(sql_type = diesel::sql_types::Text)]
    body: String,
}

/// A hand-written statement that diesel keeps prepared on each pooled
/// connection: its text is fixed per type `S`, so its type is the statement
/// cache's key, whereas `diesel::sql_query` is parsed and planned by
/// PostgreSQL on every call (a fifth of the server's time on `/v1/jobs/{id}`).
struct Prepared<S>(S);

/// The text and binds of a [`Prepared`] statement.
trait Statement: 'static {
    fn walk<'b>(&'b self, out: AstPass<'_, 'b, Pg>) -> QueryResult<()>;
}

impl<S: 'static> QueryId for Prepared<S> {
    type QueryId = S;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl<S: Statement> QueryFragment<Pg> for Prepared<S> {
    fn walk_ast<'b>(&'b self, out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        self.0.walk(out)
    }
}

impl<S> diesel::query_builder::Query for Prepared<S> {
    type SqlType = diesel::sql_types::Untyped;
}

impl<S, C> RunQueryDsl<C> for Prepared<S> {}

/// The job page's body (job row, status name, history) built by
/// PostgreSQL, before its `WHERE` condition.
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

/// Explorers open jobs by id far more than anything else, so this answer is
/// built by PostgreSQL in one round trip (job row, status name, history) and
/// passed through as text.
async fn get_job(
    State(st): State<AppState>,
    Path(id): Path<String>,
    q: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Response, ApiError> {
    Params::new(q, &[])?;
    let key = job_key(&id)?;
    let body = db(&st, move |c| {
        let row: Option<Body> = match key {
            JobKey::Id(n) => Prepared(JobBodyById(n)).get_result(c).optional()?,
            JobKey::Address(a) => Prepared(JobBodyByAddress(a)).get_result(c).optional()?,
        };
        Ok(row.map(|r| r.body))
    })
    .await?;
    match body {
        Some(b) => Ok(([(header::CONTENT_TYPE, "application/json")], b).into_response()),
        None => Err(ApiError::not_found(format!("job {id} not found"))),
    }
}

async fn candidates(
    State(st): State<AppState>,
    Path(id): Path<String>,
    q: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> ApiResult {
    let p = Params::new(q, &["limit"])?;
    let limit = p.limit(100, 1000)? as usize;
    db(&st, move |c| {
        let job = find_job(c, &id)?;
        if job.status != status::OPEN {
            return Err(ApiError::conflict(format!(
                "job {} is {}, candidates exist only for open jobs",
                job.job_id,
                status::name(job.status)
            )));
        }
        let ctx = Ctx::load(c)?;
        // The cheap requirements in SQL, stake against S(n) below.
        let rows: Vec<WorkerRow> = workers::table
            .filter(workers::score.ge(job.min_score))
            .filter(workers::vram_mb.ge(job.min_vram_mb))
            .filter(workers::score_revoked.eq(false))
            .filter(workers::gpu_model.is_not_null())
            .filter(workers::score_expires_at.gt(to_i64(ctx.now)))
            .filter(workers::price_per_ib_hour.gt(0))
            .select(WorkerRow::as_select())
            .load(c)?;
        // The window's uptime of every worker in one grouped scan: an
        // `= ANY(…)` over thousands of addresses costs far more.
        let online = if rows.len() > 64 {
            online_secs(c, &ctx, None)?
        } else {
            let addrs: Vec<String> = rows.iter().map(|w| w.address.clone()).collect();
            online_secs(c, &ctx, Some(&addrs))?
        };
        let online_of = |w: &WorkerRow| online.get(&w.address).copied().unwrap_or(0);
        // Rank on the derived figures alone; JSON only for the rows shown.
        let eligible: Vec<(&WorkerRow, u64)> = rows
            .iter()
            .filter_map(|w| {
                let d = Derived::of(w, &ctx, online_of(w));
                d.eligible.then_some((w, d.priority))
            })
            .collect();
        let (ranked, vip_first) = rank_by(
            eligible,
            |(_, p)| *p,
            |(w, _)| w.address.as_str(),
            |(w, _)| w.vip,
        );
        let total = ranked.len();
        let items: Vec<Value> = ranked
            .into_iter()
            .take(limit)
            .enumerate()
            .map(|(i, (w, _))| {
                let mut v = worker_json(w, &ctx, online_of(w));
                v["rank"] = (i + 1).into();
                v["vip_priority_slot"] = (i < vip_first).into();
                v
            })
            .collect();
        Ok(Json(json!({
            "job": job_json(&job),
            "eligible_total": total,
            "vip_first": vip_first,
            "items": items,
        })))
    })
    .await
}

/// The seed's rule: the top 10 % (rounded up) of the VIP workers by
/// priority score go first, then everyone else by priority score; ties by
/// address. Returns the order and how many VIP slots lead it.
pub fn rank_candidates(all: Vec<Value>) -> (Vec<Value>, usize) {
    rank_by(
        all,
        |v| v["priority"].as_u64().unwrap_or(0),
        |v| v["address"].as_str().unwrap_or(""),
        |v| v["vip"] == true,
    )
}

/// [`rank_candidates`] over any item, given its priority, address and VIP
/// flag, so that candidates are ranked before any JSON is built.
fn rank_by<T>(
    mut all: Vec<T>,
    priority: impl Fn(&T) -> u64,
    address: impl Fn(&T) -> &str,
    vip: impl Fn(&T) -> bool,
) -> (Vec<T>, usize) {
    all.sort_by(|a, b| {
        priority(b)
            .cmp(&priority(a))
            .then_with(|| address(a).cmp(address(b)))
    });
    let vips = all.iter().filter(|v| vip(v)).count();
    let slots = vips.div_ceil(10);
    let mut first = Vec::with_capacity(slots);
    let mut rest = Vec::with_capacity(all.len());
    for v in all {
        if first.len() < slots && vip(&v) {
            first.push(v);
        } else {
            rest.push(v);
        }
    }
    first.extend(rest);
    (first, slots)
}

async fn list_workers(
    State(st): State<AppState>,
    q: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> ApiResult {
    let p = Params::new(q, &["sort", "limit", "cursor"])?;
    let limit = p.limit(50, 500)?;
    let sort = p.get("sort").unwrap_or("score").to_string();
    if !["score", "stake", "priority"].contains(&sort.as_str()) {
        return Err(ApiError::bad(
            "sort",
            format!("one of score, stake, priority, got {sort:?}"),
        ));
    }
    let cursor = p.get("cursor").map(str::to_string);
    db(&st, move |c| {
        let ctx = Ctx::load(c)?;
        if sort == "priority" {
            // Priority depends on the time window, so it is computed, not
            // indexed; the cursor is the rank offset.
            let offset = match &cursor {
                None => 0,
                Some(s) => s.parse::<usize>().map_err(|_| {
                    ApiError::bad(
                        "cursor",
                        format!("expected a number for sort=priority, got {s:?}"),
                    )
                })?,
            };
            let all = workers_by_priority(c, &ctx)?;
            let end = offset.saturating_add(limit as usize).min(all.len());
            let next = (end < all.len()).then(|| end.to_string());
            let items: Vec<Value> = all.get(offset.min(all.len())..end).unwrap_or(&[]).to_vec();
            return Ok(Json(json!({"items": items, "next_cursor": next})));
        }
        let after = match &cursor {
            None => None,
            Some(s) => {
                let (v, a) = s.split_once(':').ok_or_else(|| {
                    ApiError::bad(
                        "cursor",
                        "expected <value>:<address> as returned in next_cursor",
                    )
                })?;
                let v: i64 = v.parse().map_err(|_| {
                    ApiError::bad(
                        "cursor",
                        "expected <value>:<address> as returned in next_cursor",
                    )
                })?;
                Some((v, parse_address("cursor", a)?))
            }
        };
        let mut q = workers::table.select(WorkerRow::as_select()).into_boxed();
        q = if sort == "score" {
            if let Some((v, a)) = after {
                q = q.filter(
                    workers::score
                        .lt(v)
                        .or(workers::score.eq(v).and(workers::address.gt(a))),
                );
            }
            q.order((workers::score.desc(), workers::address.asc()))
        } else {
            if let Some((v, a)) = after {
                q = q.filter(
                    workers::stake
                        .lt(v)
                        .or(workers::stake.eq(v).and(workers::address.gt(a))),
                );
            }
            q.order((workers::stake.desc(), workers::address.asc()))
        };
        let rows: Vec<WorkerRow> = q.limit(limit + 1).load(c)?;
        let addrs: Vec<String> = rows.iter().map(|w| w.address.clone()).collect();
        let online = online_secs(c, &ctx, Some(&addrs))?;
        let by_score = sort == "score";
        page_json(
            rows,
            limit,
            |w| format!("{}:{}", if by_score { w.score } else { w.stake }, w.address),
            |w| worker_json(w, &ctx, online.get(&w.address).copied().unwrap_or(0)),
        )
    })
    .await
}

async fn get_worker(
    State(st): State<AppState>,
    Path(address): Path<String>,
    q: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<JsonBody, ApiError> {
    Params::new(q, &[])?;
    let addr = parse_address("address", &address)?;
    db(&st, move |c| {
        let ctx = Ctx::load(c)?;
        let (from, to) = ctx.window();
        let page: WorkerPageRow = Prepared(WorkerWithLists {
            worker: addr.clone(),
            from,
            to,
        })
        .get_result(c)
        .optional()?
        .ok_or_else(|| ApiError::not_found(format!("worker {address} not found")))?;
        let epochs_rows: Vec<EpochPair> =
            serde_json::from_str(&page.epochs).map_err(ApiError::internal)?;
        let jobs_rows: Vec<JobRow> = jobs::table
            .filter(jobs::worker.eq(&addr))
            .order(jobs::job_id.desc())
            .limit(50)
            .select(JobRow::as_select())
            .load(c)?;
        let w = &page.worker;
        let worker = WorkerView::new(w, &ctx, page.online.max(0) as u64);
        JsonBody::of(&WorkerPage {
            stake: StakeView {
                stake: w.stake,
                unbonding: w.unbonding,
                unbonding_available_at: w.unbonding_available_at,
                min_stake: worker.min_stake,
                eligible: worker.eligible,
                slashed_total: w.slashed_total,
                withdrawn_total: w.withdrawn_total,
                price_per_ib_hour: w.price_per_ib_hour,
                history: &page.stake_history,
            },
            rewards: RewardsView {
                claimed_total: w.rewards_claimed,
                epochs: epochs_rows
                    .iter()
                    .map(|p| WorkerEpochView::new(&p.we, p.e.as_ref()))
                    .collect(),
            },
            worker,
            attestations: &page.attestations,
            jobs: jobs_rows.iter().map(JobView::from).collect(),
        })
    })
    .await
}

/// The worker page's row: the worker, its uptime over the priority window,
/// and its short lists as JSON built by PostgreSQL: one round trip instead
/// of five (the jobs, the long list, come as rows in a second one).
struct WorkerWithLists {
    worker: String,
    from: i64,
    to: i64,
}

impl Statement for WorkerWithLists {
    fn walk<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_sql(
            "SELECT w.*, \
             COALESCE((SELECT SUM(o.online_secs) FROM worker_epochs o WHERE o.worker = w.address \
               AND o.epoch >= ",
        );
        out.push_bind_param::<diesel::sql_types::BigInt, _>(&self.from)?;
        out.push_sql(" AND o.epoch < ");
        out.push_bind_param::<diesel::sql_types::BigInt, _>(&self.to)?;
        out.push_sql(&format!(
            "), 0)::bigint AS online, \
             COALESCE((SELECT json_agg(a ORDER BY a.version DESC, a.event_index DESC) FROM \
               (SELECT * FROM attestations WHERE worker = w.address \
                ORDER BY version DESC, event_index DESC LIMIT 100) a), '[]')::text AS attestations, \
             COALESCE((SELECT json_agg(json_build_object('we', to_json(we), 'e', to_json(e)) \
               ORDER BY we.epoch DESC) FROM \
               (SELECT * FROM worker_epochs WHERE worker = w.address ORDER BY epoch DESC LIMIT 100) we \
               LEFT JOIN epochs e ON e.epoch = we.epoch), '[]')::text AS epochs, \
             COALESCE((SELECT json_agg(json_build_object('version', ev.version, \
               'event_index', ev.event_index, 'timestamp_us', ev.timestamp_us, 'type', ev.event_type, \
               'data', ev.data) ORDER BY ev.version DESC, ev.event_index DESC) FROM \
               (SELECT * FROM events WHERE account = w.address AND event_type LIKE '{}::%' \
                AND version < (SELECT version FROM checkpoint) \
                ORDER BY version DESC, event_index DESC LIMIT 100) ev), '[]')::text AS stake_history \
             FROM workers w WHERE w.address = ",
            lumen_sdk::events::Staked::MODULE
        ));
        out.push_bind_param::<diesel::sql_types::Text, _>(&self.worker)
    }
}

#[derive(QueryableByName)]
struct WorkerPageRow {
    #[diesel(embed)]
    worker: WorkerRow,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    online: i64,
    #[diesel(sql_type = diesel::sql_types::Text)]
    attestations: RawJsonText,
    #[diesel(sql_type = diesel::sql_types::Text)]
    epochs: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    stake_history: RawJsonText,
}

/// JSON text PostgreSQL built, passed through to the answer as it is.
struct RawJsonText(Box<serde_json::value::RawValue>);

impl diesel::deserialize::FromSql<diesel::sql_types::Text, Pg> for RawJsonText {
    fn from_sql(value: diesel::pg::PgValue<'_>) -> diesel::deserialize::Result<Self> {
        let text =
            <String as diesel::deserialize::FromSql<diesel::sql_types::Text, Pg>>::from_sql(value)?;
        Ok(Self(serde_json::value::RawValue::from_string(text)?))
    }
}

impl Serialize for RawJsonText {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

/// A worker's epoch and the epoch itself, as [`WorkerWithLists`] lists them.
#[derive(serde::Deserialize)]
struct EpochPair {
    we: WorkerEpochRow,
    e: Option<EpochRow>,
}

/// `GET /v1/workers/{address}`.
#[derive(Serialize)]
struct WorkerPage<'a> {
    worker: WorkerView<'a>,
    attestations: &'a RawJsonText,
    stake: StakeView<'a>,
    rewards: RewardsView<'a>,
    jobs: Vec<JobView<'a>>,
}

#[derive(Serialize)]
struct StakeView<'a> {
    stake: i64,
    unbonding: i64,
    unbonding_available_at: i64,
    min_stake: u64,
    eligible: bool,
    slashed_total: i64,
    withdrawn_total: i64,
    price_per_ib_hour: i64,
    history: &'a RawJsonText,
}

#[derive(Serialize)]
struct RewardsView<'a> {
    claimed_total: i64,
    epochs: Vec<WorkerEpochView<'a>>,
}

/// A worker's epoch with the reward it is entitled to once the epoch closed.
#[derive(Serialize)]
struct WorkerEpochView<'a> {
    #[serde(flatten)]
    row: &'a WorkerEpochRow,
    reward: Option<u64>,
}

impl<'a> WorkerEpochView<'a> {
    fn new(we: &'a WorkerEpochRow, e: Option<&EpochRow>) -> Self {
        let reward = e.filter(|e| e.closed).map(|e| {
            formulas::reward(
                e.poc_pool as u64,
                we.poc_weight.parse().unwrap_or(0),
                e.total_poc_weight.parse().unwrap_or(0),
                e.pod_pool as u64,
                we.pod_weight.parse().unwrap_or(0),
                e.total_pod_weight.parse().unwrap_or(0),
            )
            .amount
        });
        Self { row: we, reward }
    }
}

/// A worker's epoch with the reward it is entitled to once the epoch closed.
fn worker_epoch_json(we: &WorkerEpochRow, e: Option<&EpochRow>) -> Value {
    serde_json::to_value(WorkerEpochView::new(we, e)).expect("rows serialize")
}

async fn creator_board(
    State(st): State<AppState>,
    q: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> ApiResult {
    let p = Params::new(q, &["limit"])?;
    let limit = p.limit(100, 1000)? as usize;
    let decimals = st.decimals;
    db(&st, move |c| {
        let ctx = Ctx::load(c)?;
        let month = to_i64(formulas::month_of(ctx.now));
        let rows: Vec<(CreatorRow, Option<i64>)> = creators::table
            .left_join(
                creator_months::table.on(creator_months::creator
                    .eq(creators::address)
                    .and(creator_months::month.eq(month))),
            )
            .select((CreatorRow::as_select(), creator_months::spent.nullable()))
            .load(c)?;
        let mut all: Vec<Value> = rows
            .iter()
            .map(|(cr, spent)| {
                let spent = spent.unwrap_or(0) as u64;
                let priority =
                    formulas::creator_priority(spent, decimals, cr.frames_succeeded as u64, cr.vip);
                let mut v = serde_json::to_value(cr).expect("rows serialize");
                v["spent_this_month"] = spent.into();
                v["priority"] = priority.into();
                v
            })
            .collect();
        all.sort_by_key(|v| {
            (
                std::cmp::Reverse(v["priority"].as_u64().unwrap_or(0)),
                v["address"].as_str().unwrap_or("").to_string(),
            )
        });
        all.truncate(limit);
        for (i, v) in all.iter_mut().enumerate() {
            v["rank"] = (i + 1).into();
        }
        Ok(Json(json!({"month": month, "items": all})))
    })
    .await
}

/// Every worker with its derived fields, highest priority first (address
/// breaks ties), for the priority list and the worker leaderboard.
fn workers_by_priority(c: &mut PgConnection, ctx: &Ctx) -> Result<Vec<Value>, ApiError> {
    let rows: Vec<WorkerRow> = workers::table.select(WorkerRow::as_select()).load(c)?;
    let online = online_secs(c, ctx, None)?;
    let mut all: Vec<Value> = rows
        .iter()
        .map(|w| worker_json(w, ctx, online.get(&w.address).copied().unwrap_or(0)))
        .collect();
    all.sort_by_key(|v| {
        (
            std::cmp::Reverse(v["priority"].as_u64().unwrap_or(0)),
            v["address"].as_str().unwrap_or("").to_string(),
        )
    });
    Ok(all)
}

async fn worker_board(
    State(st): State<AppState>,
    q: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> ApiResult {
    let p = Params::new(q, &["limit"])?;
    let limit = p.limit(100, 1000)? as usize;
    db(&st, move |c| {
        let ctx = Ctx::load(c)?;
        let mut all = workers_by_priority(c, &ctx)?;
        all.truncate(limit);
        for (i, v) in all.iter_mut().enumerate() {
            v["rank"] = (i + 1).into();
        }
        let (from, to) = ctx.window();
        Ok(Json(json!({"window_epochs": [from, to], "items": all})))
    })
    .await
}

async fn list_epochs(
    State(st): State<AppState>,
    q: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> ApiResult {
    let p = Params::new(q, &["limit", "cursor"])?;
    let limit = p.limit(50, 500)?;
    let cursor = p.u64("cursor")?;
    db(&st, move |c| {
        let mut q = epochs::table.select(EpochRow::as_select()).into_boxed();
        if let Some(cur) = cursor {
            q = q.filter(epochs::epoch.lt(to_i64(cur)));
        }
        let rows: Vec<EpochRow> = q.order(epochs::epoch.desc()).limit(limit + 1).load(c)?;
        page_json(
            rows,
            limit,
            |e| e.epoch.to_string(),
            |e| serde_json::to_value(e).expect("rows serialize"),
        )
    })
    .await
}

async fn get_epoch(
    State(st): State<AppState>,
    Path(epoch): Path<String>,
    q: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> ApiResult {
    Params::new(q, &[])?;
    let n: u64 = epoch.parse().map_err(|_| {
        ApiError::bad(
            "epoch",
            format!("expected a non-negative integer, got {epoch:?}"),
        )
    })?;
    db(&st, move |c| {
        let e: EpochRow = epochs::table
            .find(to_i64(n))
            .select(EpochRow::as_select())
            .first(c)
            .optional()?
            .ok_or_else(|| ApiError::not_found(format!("epoch {n} not found")))?;
        let rows: Vec<WorkerEpochRow> = worker_epochs::table
            .filter(worker_epochs::epoch.eq(to_i64(n)))
            .order(worker_epochs::worker)
            .select(WorkerEpochRow::as_select())
            .load(c)?;
        Ok(Json(json!({
            "epoch": e,
            "rewards": rows.iter().map(|we| worker_epoch_json(we, Some(&e))).collect::<Vec<_>>(),
        })))
    })
    .await
}

async fn list_vip(
    State(st): State<AppState>,
    q: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> ApiResult {
    let p = Params::new(q, &["role", "include_revoked"])?;
    let role_f: Option<i16> = match p.get("role") {
        None => None,
        Some("creator") | Some("0") => Some(role::CREATOR as i16),
        Some("worker") | Some("1") => Some(role::WORKER as i16),
        Some(other) => {
            return Err(ApiError::bad(
                "role",
                format!("creator or worker, got {other:?}"),
            ))
        }
    };
    let revoked = p.bool("include_revoked")?;
    db(&st, move |c| {
        let mut q = vip_passes::table
            .select(VipPassRow::as_select())
            .into_boxed();
        if let Some(r) = role_f {
            q = q.filter(vip_passes::role.eq(r));
        }
        if !revoked {
            q = q.filter(vip_passes::revoked.eq(false));
        }
        let rows: Vec<VipPassRow> = q
            .order((vip_passes::minted_at, vip_passes::holder))
            .load(c)?;
        let items: Vec<Value> = rows
            .iter()
            .map(|r| {
                let mut v = serde_json::to_value(r).expect("rows serialize");
                v["role_name"] = (if r.role == role::CREATOR as i16 {
                    "creator"
                } else {
                    "worker"
                })
                .into();
                v
            })
            .collect();
        Ok(Json(json!({"items": items})))
    })
    .await
}

async fn campaign_summary(
    State(st): State<AppState>,
    q: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> ApiResult {
    Params::new(q, &[])?;
    db(&st, |c| {
        let row: Option<CampaignRow> = campaign::table
            .find(1i16)
            .select(CampaignRow::as_select())
            .first(c)
            .optional()?;
        let participants: i64 = campaign_users::table.count().get_result(c)?;
        Ok(Json(json!({"campaign": row, "participants": participants})))
    })
    .await
}

/// The campaign leaderboard (`/v1/leaderboard/campaign`, also served as
/// `/v1/campaign/leaderboard`): every participant with points, ranked by
/// `lumen_sdk::formulas::campaign::leaderboard` over all sources, each row
/// with the payout its rank would get now, and the payout preview of the
/// whole ranking. The cursor is `<total>:<address>` of the last row.
async fn campaign_board(
    State(st): State<AppState>,
    q: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> ApiResult {
    let p = Params::new(q, &["limit", "cursor"])?;
    let limit = p.limit(100, 1000)?;
    let after = match p.get("cursor") {
        None => None,
        Some(s) => {
            let bad = || {
                ApiError::bad(
                    "cursor",
                    "expected <points>:<address> as returned in next_cursor",
                )
            };
            let (v, a) = s.split_once(':').ok_or_else(bad)?;
            let v: u64 = v.parse().map_err(|_| bad())?;
            let a = parse_address("cursor", a)?;
            let a = AccountAddress::from_hex(&a).map_err(|_| bad())?;
            Some((v, a))
        }
    };
    db(&st, move |c| {
        let ranking = crate::campaign::ranking(c)?;
        // Rows strictly after the cursor in (total desc, address asc) order.
        let from = match after {
            None => 0,
            Some((v, a)) => ranking
                .rows
                .partition_point(|r| r.total > v || (r.total == v && r.address <= a)),
        };
        let rows: Vec<_> = ranking.rows[from..]
            .iter()
            .take(limit as usize + 1)
            .collect();
        let Json(mut page) = page_json(
            rows,
            limit,
            |r| format!("{}:{}", r.total, r.address.to_hex()),
            |r| ranking.row_json(r),
        )?;
        page["participants"] = ranking.rows.len().into();
        page["tier_amounts"] = json!(ranking.tier_amounts);
        page["payout"] = ranking.payout_json();
        Ok(Json(page))
    })
    .await
}

async fn campaign_user(
    State(st): State<AppState>,
    Path(address): Path<String>,
    q: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> ApiResult {
    Params::new(q, &[])?;
    let addr = parse_address("address", &address)?;
    db(&st, move |c| {
        // `user` is the on-chain participant (check-ins, social tasks,
        // referrals); an address with protocol points only has none.
        let user: Option<CampaignUserRow> = campaign_users::table
            .find(&addr)
            .select(CampaignUserRow::as_select())
            .first(c)
            .optional()?;
        let history: Vec<EventRow> = events::table
            .filter(events::account.eq(&addr))
            .filter(events::event_type.like(format!("{}::%", lumen_sdk::events::CheckedIn::MODULE)))
            .filter(events::version.nullable().lt(checkpoint_version()))
            .order((events::version.desc(), events::event_index.desc()))
            .limit(100)
            .select(EventRow::as_select())
            .load(c)?;
        // Rank, points by source and payout from the same ranking as the
        // leaderboard, so both endpoints always agree.
        let ranking = crate::campaign::ranking(c)?;
        let key = AccountAddress::from_hex(&addr).map_err(ApiError::internal)?;
        let row = ranking.rows.iter().find(|r| r.address == key);
        let (points, total, rank, payout) = match row {
            Some(r) => (
                crate::campaign::points_json(&r.points),
                r.total,
                Some(r.rank),
                r.payout,
            ),
            None if user.is_some() => (
                crate::campaign::points_json(&Default::default()),
                0,
                None,
                0,
            ),
            None => {
                return Err(ApiError::not_found(format!(
                    "campaign participant {address} not found"
                )))
            }
        };
        Ok(Json(json!({
            "user": user,
            "points": points,
            "total": total,
            "rank": rank,
            "payout": payout,
            "history": history.iter().map(event_json).collect::<Vec<_>>(),
        })))
    })
    .await
}

#[cfg(test)]
mod tests;
