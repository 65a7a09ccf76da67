//! Views shared by several resources: a page of a list, a job, a worker
//! with what the chain would compute for it, an event, a worker's epoch.

use lumen_sdk::formulas;
use serde::Serialize;
use utoipa::ToSchema;

use super::context::{Ctx, Derived};
use crate::rows::{EpochRow, EventRow, JobRow, RawJson, WorkerEpochRow, WorkerRow};

/// A page of a list: pass `next_cursor` as `cursor` for the next page
/// (absent on the last page).
#[derive(Serialize, ToSchema)]
pub struct Page<T> {
    /// The items of this page.
    pub items: Vec<T>,
    /// The cursor of the next page.
    pub next_cursor: Option<String>,
}

impl<T> Page<T> {
    /// The page of `limit` items from `limit + 1` fetched rows.
    pub fn of<R>(
        mut rows: Vec<R>,
        limit: usize,
        cursor: impl Fn(&R) -> String,
        item: impl FnMut(R) -> T,
    ) -> Self {
        let more = rows.len() > limit;
        rows.truncate(limit);
        let next_cursor = if more { rows.last().map(&cursor) } else { None };
        Self {
            items: rows.into_iter().map(item).collect(),
            next_cursor,
        }
    }
}

/// A job: its row (status by name) and the status code.
#[derive(Serialize, ToSchema)]
pub struct JobView {
    #[serde(flatten)]
    row: JobRow,
    /// The status as a number (`lumen_sdk::codes::JobStatus`).
    status_code: i16,
}

impl From<JobRow> for JobView {
    fn from(row: JobRow) -> Self {
        Self {
            status_code: row.status,
            row,
        }
    }
}

/// A worker with what the chain would compute for it now.
#[derive(Serialize, ToSchema)]
pub struct WorkerView {
    #[serde(flatten)]
    pub(super) row: WorkerRow,
    /// Attested, not revoked and not expired.
    pub(super) score_valid: bool,
    /// The minimum stake `S(n)` at the valid score and price (raised to the
    /// protocol's floor price `min_price_per_ib_hour`).
    pub(super) min_stake: u64,
    /// Eligible for jobs (`staking::is_eligible`).
    pub(super) eligible: bool,
    /// The VIP priority score (`vip::worker_priority`).
    pub(super) priority: u64,
    /// Online seconds reported over the priority window.
    pub(super) online_secs_window: u64,
}

impl WorkerView {
    /// `row` with `online` seconds in the priority window.
    pub fn new(row: WorkerRow, ctx: &Ctx, online: u64) -> Self {
        let d = Derived::of(&row, ctx, online);
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

/// An event of the package as the node served it.
#[derive(Serialize, ToSchema)]
pub struct EventView {
    /// Transaction version.
    version: i64,
    /// Index of the event in its transaction.
    event_index: i32,
    /// Transaction time (µs).
    timestamp_us: i64,
    /// `module::Name`.
    #[serde(rename = "type")]
    event_type: String,
    /// The event's fields as served (u64 as strings, addresses as hex).
    data: RawJson,
}

impl From<EventRow> for EventView {
    fn from(e: EventRow) -> Self {
        Self {
            version: e.version,
            event_index: e.event_index,
            timestamp_us: e.timestamp_us,
            event_type: e.event_type,
            data: e.data,
        }
    }
}

/// A worker's epoch with the reward it is entitled to once the epoch closed.
#[derive(Serialize, serde::Deserialize, ToSchema)]
pub struct WorkerEpochView {
    #[serde(flatten)]
    row: WorkerEpochRow,
    /// PoC + PoD reward of a closed epoch (claimed or not); null while open.
    reward: Option<u64>,
}

impl WorkerEpochView {
    /// `we` in epoch `e` (when indexed).
    pub fn new(row: WorkerEpochRow, e: Option<&EpochRow>) -> Self {
        let reward = e.filter(|e| e.closed).map(|e| {
            formulas::reward(
                e.poc_pool as u64,
                row.poc_weight.parse().unwrap_or(0),
                e.total_poc_weight.parse().unwrap_or(0),
                e.pod_pool as u64,
                row.pod_weight.parse().unwrap_or(0),
                e.total_pod_weight.parse().unwrap_or(0),
            )
            .amount
        });
        Self { row, reward }
    }
}
