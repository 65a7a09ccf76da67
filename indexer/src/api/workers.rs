//! Workers: the list (by score, stake or priority), one worker's page, and
//! the worker leaderboard.

use axum::extract::State;
use axum::Json;
use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::query_builder::AstPass;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::context::{online_secs, Ctx, CtxRow, CTX_COLUMNS};
use super::error::{ApiError, CommonErrors, NotFound};
use super::params::{choice_param, Address, Choice, Limit, Path, Query, RankCursor};
use super::prepared::{JsonText, Prepared, Statement};
use super::ranking::workers_by_priority;
use super::status::NoParams;
use super::views::{EventView, JobView, Page, WorkerEpochView, WorkerView};
use super::{db, AppState};
use crate::rows::{
    AttestationRow, DeviceEventRow, EpochRow, JobRow, UptimeVoteRow, WorkerEpochRow, WorkerRow,
};
use crate::schema::{jobs, workers};

/// The order of `/v1/workers`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum WorkerSort {
    /// Score descending.
    #[default]
    Score,
    /// Stake descending.
    Stake,
    /// Priority score descending.
    Priority,
}

impl Choice for WorkerSort {
    const CHOICES: &'static [(&'static str, Self)] = &[
        ("score", Self::Score),
        ("stake", Self::Stake),
        ("priority", Self::Priority),
    ];
    const WORDS: &'static [&'static str] = &["score", "stake", "priority"];
}
choice_param!(WorkerSort);

/// Order and page of `/v1/workers`.
#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct WorkersQuery {
    /// score (default), stake or priority; descending.
    #[serde(default)]
    #[param(inline)]
    sort: WorkerSort,
    /// Items per page.
    #[serde(default)]
    #[param(inline)]
    limit: Limit<50, 500>,
    /// `next_cursor` of the previous page (opaque).
    cursor: Option<String>,
}

fn bad_cursor(message: impl std::fmt::Display) -> ApiError {
    ApiError::bad("cursor", message)
}

/// Workers with `score_valid`, `min_stake`, `eligible`, `priority` and
/// `online_secs_window`.
#[utoipa::path(get, path = "/v1/workers", tag = "workers", params(WorkersQuery),
    responses((status = 200, body = Page<WorkerView>), CommonErrors))]
pub async fn list_workers(
    State(st): State<AppState>,
    Query(q): Query<WorkersQuery>,
) -> Result<Json<Page<WorkerView>>, ApiError> {
    let (sort, limit) = (q.sort, q.limit.get());
    db(&st, move |c| {
        let ctx = Ctx::load(c)?;
        if sort == WorkerSort::Priority {
            // Priority depends on the time window, so it is computed, not
            // indexed; the cursor is the rank offset.
            let offset = match &q.cursor {
                None => 0,
                Some(s) => s.parse::<usize>().map_err(|_| {
                    bad_cursor(format!("expected a number for sort=priority, got {s:?}"))
                })?,
            };
            let all = workers_by_priority(c, &ctx)?;
            let total = all.len();
            let end = offset.saturating_add(limit).min(total);
            return Ok(Json(Page {
                items: all.into_iter().take(end).skip(offset).collect(),
                next_cursor: (end < total).then(|| end.to_string()),
            }));
        }
        let after = q
            .cursor
            .as_deref()
            .map(|s| RankCursor::<i64>::parse(s, "value").map_err(bad_cursor))
            .transpose()?;
        let mut query = workers::table.select(WorkerRow::as_select()).into_boxed();
        query = if sort == WorkerSort::Score {
            if let Some(RankCursor { value, address }) = after {
                query = query.filter(
                    workers::score
                        .lt(value)
                        .or(workers::score.eq(value).and(workers::address.gt(address))),
                );
            }
            query.order((workers::score.desc(), workers::address.asc()))
        } else {
            if let Some(RankCursor { value, address }) = after {
                query = query.filter(
                    workers::stake
                        .lt(value)
                        .or(workers::stake.eq(value).and(workers::address.gt(address))),
                );
            }
            query.order((workers::stake.desc(), workers::address.asc()))
        };
        let rows: Vec<WorkerRow> = query.limit(limit as i64 + 1).load(c)?;
        let addrs: Vec<String> = rows.iter().map(|w| w.address.clone()).collect();
        let online = online_secs(c, &ctx, Some(&addrs))?;
        Ok(Json(Page::of(
            rows,
            limit,
            |w| {
                let value = if sort == WorkerSort::Score {
                    w.score
                } else {
                    w.stake
                };
                format!("{value}:{}", w.address)
            },
            |w| {
                let secs = online.get(&w.address).copied().unwrap_or(0);
                WorkerView::new(w, &ctx, secs)
            },
        )))
    })
    .await
}

/// A worker named in the path.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct WorkerPath {
    /// Worker address.
    #[param(inline)]
    address: Address,
}

/// `GET /v1/workers/{address}`.
#[derive(Serialize, ToSchema)]
pub struct WorkerPage {
    worker: WorkerView,
    /// Its last 100 attestations and revocations, newest first.
    #[schema(value_type = Vec<AttestationRow>)]
    attestations: JsonText,
    /// Its last 100 device keys registered and devices released, newest first.
    #[schema(value_type = Vec<DeviceEventRow>)]
    devices: JsonText,
    /// The last 100 attesters' uptime votes for it, newest epoch first.
    #[schema(value_type = Vec<UptimeVoteRow>)]
    uptime_votes: JsonText,
    stake: StakeView,
    rewards: RewardsView,
    /// Its last 50 jobs, newest first.
    jobs: Vec<JobView>,
}

/// A worker's stake.
#[derive(Serialize, ToSchema)]
pub struct StakeView {
    stake: i64,
    /// Locked as collateral of the worker's active jobs (part of `stake`;
    /// `request_unstake` cannot go below it).
    locked: i64,
    unbonding: i64,
    unbonding_available_at: i64,
    min_stake: u64,
    eligible: bool,
    slashed_total: i64,
    withdrawn_total: i64,
    price_per_ib_hour: i64,
    /// Its last 100 staking events, newest first.
    #[schema(value_type = Vec<EventView>)]
    history: JsonText,
}

/// A worker's rewards.
#[derive(Serialize, ToSchema)]
pub struct RewardsView {
    claimed_total: i64,
    /// Its last 100 epochs, newest first.
    epochs: Vec<WorkerEpochView>,
}

/// One worker with its attestations, stake (with the part locked as
/// collateral of its active jobs, and history), rewards per
/// epoch (with the entitlement of closed epochs) and recent jobs.
#[utoipa::path(get, path = "/v1/workers/{address}", tag = "workers",
    params(WorkerPath, NoParams),
    responses((status = 200, body = WorkerPage), NotFound, CommonErrors))]
pub async fn get_worker(
    State(st): State<AppState>,
    Query(NoParams {}): Query<NoParams>,
    Path(WorkerPath { address }): Path<WorkerPath>,
) -> Result<Json<WorkerPage>, ApiError> {
    let addr = address.long;
    let window = st.window.clone();
    db(&st, move |c| {
        // The uptime sum needs the priority window, which the context read
        // in the same statement gives: the last window seen is assumed and
        // the statement read again in the rare case the context moved it.
        let mut assumed = *window.lock().unwrap_or_else(|e| e.into_inner());
        let mut reads = 0;
        let (page, ctx) = loop {
            reads += 1;
            let (from, to) = assumed;
            let page: WorkerPageRow = Prepared(WorkerWithLists {
                worker: addr.clone(),
                from,
                to,
            })
            .get_result(c)
            .optional()?
            .ok_or_else(|| ApiError::not_found(format!("worker {} not found", address.text)))?;
            let (page, ctx) = page.split();
            if ctx.window() == assumed {
                break (page, ctx);
            }
            if reads == 3 {
                return Err(ApiError::unavailable(
                    "the priority window moves on every read",
                ));
            }
            assumed = ctx.window();
            *window.lock().unwrap_or_else(|e| e.into_inner()) = assumed;
        };
        let epochs: Vec<EpochPair> =
            serde_json::from_str(&page.epochs).map_err(ApiError::internal)?;
        let jobs: Vec<JobRow> = jobs::table
            .filter(jobs::worker.eq(&addr))
            .order(jobs::job_id.desc())
            .limit(50)
            .select(JobRow::as_select())
            .load(c)?;
        let w = page.worker;
        let mut stake = StakeView {
            stake: w.stake,
            locked: w.locked,
            unbonding: w.unbonding,
            unbonding_available_at: w.unbonding_available_at,
            min_stake: 0,
            eligible: false,
            slashed_total: w.slashed_total,
            withdrawn_total: w.withdrawn_total,
            price_per_ib_hour: w.price_per_ib_hour,
            history: page.stake_history,
        };
        let rewards = RewardsView {
            claimed_total: w.rewards_claimed,
            epochs: epochs
                .into_iter()
                .map(|p| WorkerEpochView::new(p.we, p.e.as_ref()))
                .collect(),
        };
        let worker = WorkerView::new(w, &ctx, page.online.max(0) as u64);
        (stake.min_stake, stake.eligible) = (worker.min_stake, worker.eligible);
        Ok(Json(WorkerPage {
            stake,
            rewards,
            worker,
            attestations: page.attestations,
            devices: page.devices,
            uptime_votes: page.uptime_votes,
            jobs: jobs.into_iter().map(JobView::from).collect(),
        }))
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
        out.push_sql("SELECT w.*, ");
        out.push_sql(CTX_COLUMNS);
        out.push_sql(
            ", \
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
             COALESCE((SELECT json_agg(dv ORDER BY dv.version DESC, dv.event_index DESC) FROM \
               (SELECT * FROM device_events WHERE worker = w.address \
                ORDER BY version DESC, event_index DESC LIMIT 100) dv), '[]')::text AS devices, \
             COALESCE((SELECT json_agg(uv ORDER BY uv.epoch DESC, uv.version DESC) FROM \
               (SELECT * FROM uptime_votes WHERE worker = w.address \
                ORDER BY epoch DESC, version DESC LIMIT 100) uv), '[]')::text AS uptime_votes, \
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
    ctx: CtxRow,
    #[diesel(embed)]
    worker: WorkerRow,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    online: i64,
    #[diesel(sql_type = diesel::sql_types::Text)]
    attestations: JsonText,
    #[diesel(sql_type = diesel::sql_types::Text)]
    devices: JsonText,
    #[diesel(sql_type = diesel::sql_types::Text)]
    uptime_votes: JsonText,
    #[diesel(sql_type = diesel::sql_types::Text)]
    epochs: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    stake_history: JsonText,
}

/// The worker page's rows without the context.
struct WorkerPageLists {
    worker: WorkerRow,
    online: i64,
    attestations: JsonText,
    devices: JsonText,
    uptime_votes: JsonText,
    epochs: String,
    stake_history: JsonText,
}

impl WorkerPageRow {
    fn split(self) -> (WorkerPageLists, Ctx) {
        let page = WorkerPageLists {
            worker: self.worker,
            online: self.online,
            attestations: self.attestations,
            devices: self.devices,
            uptime_votes: self.uptime_votes,
            epochs: self.epochs,
            stake_history: self.stake_history,
        };
        (page, Ctx::of(self.ctx))
    }
}

/// A worker's epoch and the epoch itself, as [`WorkerWithLists`] lists them.
#[derive(Deserialize)]
struct EpochPair {
    we: WorkerEpochRow,
    e: Option<EpochRow>,
}

/// Size of the worker leaderboard.
#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct BoardQuery {
    /// Items (the top of the ranking).
    #[serde(default)]
    #[param(inline)]
    pub(super) limit: Limit<100, 1000>,
}

/// A worker with its place on the leaderboard.
#[derive(Serialize, ToSchema)]
pub struct RankedWorker {
    #[serde(flatten)]
    worker: WorkerView,
    /// 1-based place.
    rank: usize,
}

/// `GET /v1/leaderboards/workers`.
#[derive(Serialize, ToSchema)]
pub struct WorkerBoard {
    /// The epochs `[from, to)` whose uptime counts.
    window_epochs: [i64; 2],
    items: Vec<RankedWorker>,
}

/// Workers by priority score.
#[utoipa::path(get, path = "/v1/leaderboards/workers", tag = "leaderboards",
    params(BoardQuery),
    responses((status = 200, body = WorkerBoard), CommonErrors))]
pub async fn worker_board(
    State(st): State<AppState>,
    Query(q): Query<BoardQuery>,
) -> Result<Json<WorkerBoard>, ApiError> {
    let limit = q.limit.get();
    db(&st, move |c| {
        let ctx = Ctx::load(c)?;
        let items = workers_by_priority(c, &ctx)?
            .into_iter()
            .take(limit)
            .enumerate()
            .map(|(i, worker)| RankedWorker {
                worker,
                rank: i + 1,
            })
            .collect();
        let (from, to) = ctx.window();
        Ok(Json(WorkerBoard {
            window_epochs: [from, to],
            items,
        }))
    })
    .await
}
