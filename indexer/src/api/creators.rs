//! Creators: one creator's page and the creator leaderboard by VIP
//! priority score.

use axum::extract::State;
use axum::Json;
use diesel::prelude::*;
use lumen_sdk::codes::JobStatus;
use lumen_sdk::formulas;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::context::Ctx;
use super::error::{ApiError, CommonErrors, NotFound};
use super::params::{Address, Path, Query};
use super::status::NoParams;
use super::views::JobView;
use super::workers::BoardQuery;
use super::{db, AppState};
use crate::project::status;
use crate::rows::{to_i64, CreatorMonthRow, CreatorRow, JobRow};
use crate::schema::{creator_months, creators, jobs};

/// A creator named in the path.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct CreatorPath {
    /// Creator address.
    #[param(inline)]
    address: Address,
}

/// Where a creator's deposits went, over all its jobs.
#[derive(Serialize, ToSchema)]
pub struct CreatorMoney {
    /// Deposited into escrow.
    deposits: i64,
    /// Paid to workers.
    paid_to_workers: i64,
    /// Fees to the treasury.
    fees: i64,
    /// Returned to the creator.
    refunds: i64,
    /// Still in escrow (jobs not final).
    held: i64,
}

/// `GET /v1/creators/{address}`.
#[derive(Serialize, ToSchema)]
pub struct CreatorPage {
    creator: CreatorRow,
    /// Gross spent in the current 30-day month.
    spent_this_month: u64,
    /// The VIP priority score (`vip::creator_priority`).
    priority: u64,
    /// Spend per 30-day month (`floor(time / 2 592 000)`), newest first.
    months: Vec<CreatorMonthRow>,
    /// Its jobs by status name.
    #[schema(value_type = std::collections::BTreeMap<String, i64>)]
    jobs_by_status: std::collections::BTreeMap<&'static str, i64>,
    money: CreatorMoney,
    /// Its last 50 jobs, newest first.
    jobs: Vec<JobView>,
}

/// One creator: its record, priority, monthly spend, where its deposits
/// went, and its recent jobs.
#[utoipa::path(get, path = "/v1/creators/{address}", tag = "creators",
    params(CreatorPath, NoParams),
    responses((status = 200, body = CreatorPage), NotFound, CommonErrors))]
pub async fn get_creator(
    State(st): State<AppState>,
    Query(NoParams {}): Query<NoParams>,
    Path(CreatorPath { address }): Path<CreatorPath>,
) -> Result<Json<CreatorPage>, ApiError> {
    db(&st, move |c| {
        let ctx = Ctx::load(c)?;
        let decimals = ctx.decimals;
        let creator: CreatorRow = creators::table
            .find(&address.long)
            .select(CreatorRow::as_select())
            .first(c)
            .optional()?
            .ok_or_else(|| ApiError::not_found(format!("creator {} not found", address.text)))?;
        let months: Vec<CreatorMonthRow> = creator_months::table
            .filter(creator_months::creator.eq(&address.long))
            .order(creator_months::month.desc())
            .limit(24)
            .select(CreatorMonthRow::as_select())
            .load(c)?;
        let month = to_i64(formulas::month_of(ctx.now));
        let spent_this_month = months
            .iter()
            .find(|m| m.month == month)
            .map_or(0, |m| m.spent as u64);
        #[derive(QueryableByName)]
        struct Sums {
            #[diesel(sql_type = diesel::sql_types::SmallInt)]
            status: i16,
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            deposits: i64,
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            paid: i64,
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            fees: i64,
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            refunds: i64,
        }
        let sums: Vec<Sums> = diesel::sql_query(
            "SELECT status, count(*) AS n, sum(deposit)::bigint AS deposits, \
             sum(worker_amount)::bigint AS paid, sum(fee)::bigint AS fees, \
             sum(refund)::bigint AS refunds FROM jobs WHERE creator = $1 GROUP BY status",
        )
        .bind::<diesel::sql_types::Text, _>(&address.long)
        .load(c)?;
        let mut money = CreatorMoney {
            deposits: 0,
            paid_to_workers: 0,
            fees: 0,
            refunds: 0,
            held: 0,
        };
        let mut jobs_by_status = std::collections::BTreeMap::new();
        for name in status::names() {
            jobs_by_status.insert(name, 0);
        }
        for s in &sums {
            *jobs_by_status.entry(status::name(s.status)).or_default() += s.n;
            money.deposits += s.deposits;
            money.paid_to_workers += s.paid;
            money.fees += s.fees;
            money.refunds += s.refunds;
            let is_final = u8::try_from(s.status)
                .ok()
                .and_then(JobStatus::from_code)
                .is_some_and(JobStatus::is_final);
            if !is_final {
                money.held += s.deposits - s.paid - s.fees - s.refunds;
            }
        }
        let recent: Vec<JobRow> = jobs::table
            .filter(jobs::creator.eq(&address.long))
            .order(jobs::job_id.desc())
            .limit(50)
            .select(JobRow::as_select())
            .load(c)?;
        let priority = formulas::creator_priority(
            spent_this_month,
            decimals,
            creator.frames_succeeded as u64,
            creator.vip,
        );
        Ok(Json(CreatorPage {
            creator,
            spent_this_month,
            priority,
            months,
            jobs_by_status,
            money,
            jobs: recent.into_iter().map(JobView::from).collect(),
        }))
    })
    .await
}

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
    db(&st, move |c| {
        let ctx = Ctx::load(c)?;
        let decimals = ctx.decimals;
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
