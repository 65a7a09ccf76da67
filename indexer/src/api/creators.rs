//! Creators: the creator leaderboard by VIP priority score.

use axum::extract::State;
use axum::Json;
use diesel::prelude::*;
use lumen_sdk::formulas;
use serde::Serialize;
use utoipa::ToSchema;

use super::context::Ctx;
use super::error::{ApiError, CommonErrors};
use super::params::Query;
use super::workers::BoardQuery;
use super::{db, AppState};
use crate::rows::{to_i64, CreatorRow};
use crate::schema::{creator_months, creators};

/// A creator with its priority and place.
#[derive(Serialize, ToSchema)]
pub struct RankedCreator {
    #[serde(flatten)]
    row: CreatorRow,
    /// Gross spent in the current 30-day month.
    spent_this_month: u64,
    /// The VIP priority score (`vip::creator_priority`).
    priority: u64,
    /// 1-based place.
    rank: usize,
}

/// `GET /v1/leaderboards/creators`.
#[derive(Serialize, ToSchema)]
pub struct CreatorBoard {
    /// The current 30-day month (`floor(now / 2 592 000)`).
    month: i64,
    items: Vec<RankedCreator>,
}

/// Creators by priority score (spend this month in whole units, frames
/// succeeded, VIP).
#[utoipa::path(get, path = "/v1/leaderboards/creators", tag = "leaderboards",
    params(BoardQuery),
    responses((status = 200, body = CreatorBoard), CommonErrors))]
pub async fn creator_board(
    State(st): State<AppState>,
    Query(q): Query<BoardQuery>,
) -> Result<Json<CreatorBoard>, ApiError> {
    let limit = q.limit.get();
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
        let mut all: Vec<RankedCreator> = rows
            .into_iter()
            .map(|(row, spent)| {
                let spent = spent.unwrap_or(0) as u64;
                let priority = formulas::creator_priority(
                    spent,
                    decimals,
                    row.frames_succeeded as u64,
                    row.vip,
                );
                RankedCreator {
                    row,
                    spent_this_month: spent,
                    priority,
                    rank: 0,
                }
            })
            .collect();
        all.sort_by(|a, b| {
            b.priority
                .cmp(&a.priority)
                .then_with(|| a.row.address.cmp(&b.row.address))
        });
        all.truncate(limit);
        for (i, r) in all.iter_mut().enumerate() {
            r.rank = i + 1;
        }
        Ok(Json(CreatorBoard { month, items: all }))
    })
    .await
}
