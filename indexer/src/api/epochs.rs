//! Reward epochs: the list and one epoch with its workers.

use axum::extract::State;
use axum::Json;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::error::{ApiError, CommonErrors, NotFound};
use super::params::{Limit, Path, Query, Uint};
use super::status::NoParams;
use super::views::{Page, WorkerEpochView};
use super::{db, AppState};
use crate::rows::{EpochRow, WorkerEpochRow};
use crate::schema::{epochs, worker_epochs};

/// Page of `/v1/epochs`.
#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct EpochsQuery {
    /// Items per page.
    #[serde(default)]
    #[param(inline)]
    limit: Limit<50, 500>,
    /// `next_cursor` of the previous page (an epoch number).
    #[param(inline)]
    cursor: Option<Uint>,
}

/// Reward epochs, newest first, with their pools.
#[utoipa::path(get, path = "/v1/epochs", tag = "epochs", params(EpochsQuery),
    responses((status = 200, body = Page<EpochRow>), CommonErrors))]
pub async fn list_epochs(
    State(st): State<AppState>,
    Query(q): Query<EpochsQuery>,
) -> Result<Json<Page<EpochRow>>, ApiError> {
    let limit = q.limit.get();
    db(&st, move |c| {
        let mut query = epochs::table.select(EpochRow::as_select()).into_boxed();
        if let Some(cursor) = q.cursor {
            query = query.filter(epochs::epoch.lt(cursor.i64()));
        }
        let rows: Vec<EpochRow> = query
            .order(epochs::epoch.desc())
            .limit(limit as i64 + 1)
            .load(c)?;
        Ok(Json(Page::of(rows, limit, |e| e.epoch.to_string(), |e| e)))
    })
    .await
}

/// An epoch named in the path.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct EpochPath {
    /// Epoch number.
    #[param(inline)]
    epoch: Uint,
}

/// `GET /v1/epochs/{epoch}`.
#[derive(Serialize, ToSchema)]
pub struct EpochPage {
    epoch: EpochRow,
    /// Every worker with uptime, leases or a claim in the epoch, by address.
    rewards: Vec<WorkerEpochView>,
}

/// One epoch with per-worker uptime, leases, claims and entitlement.
#[utoipa::path(get, path = "/v1/epochs/{epoch}", tag = "epochs",
    params(EpochPath, NoParams),
    responses((status = 200, body = EpochPage), NotFound, CommonErrors))]
pub async fn get_epoch(
    State(st): State<AppState>,
    Query(NoParams {}): Query<NoParams>,
    Path(EpochPath { epoch }): Path<EpochPath>,
) -> Result<Json<EpochPage>, ApiError> {
    db(&st, move |c| {
        let e: EpochRow = epochs::table
            .find(epoch.i64())
            .select(EpochRow::as_select())
            .first(c)
            .optional()?
            .ok_or_else(|| ApiError::not_found(format!("epoch {} not found", epoch.0)))?;
        let rows: Vec<WorkerEpochRow> = worker_epochs::table
            .filter(worker_epochs::epoch.eq(epoch.i64()))
            .order(worker_epochs::worker)
            .select(WorkerEpochRow::as_select())
            .load(c)?;
        let rewards = rows
            .into_iter()
            .map(|we| WorkerEpochView::new(we, Some(&e)))
            .collect();
        Ok(Json(EpochPage { epoch: e, rewards }))
    })
    .await
}
