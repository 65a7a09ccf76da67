//! Claimable balances: settlement legs escrow could not deliver because the
//! receiving store was frozen, held until the owner withdraws them.

use axum::extract::State;
use axum::Json;
use diesel::prelude::*;
use serde::Deserialize;
use utoipa::IntoParams;

use super::error::{ApiError, CommonErrors};
use super::params::{Address, Flag, Limit, Path, Query, RankCursor};
use super::status::NoParams;
use super::views::Page;
use super::{db, AppState};
use crate::rows::ClaimableRow;
use crate::schema::claimables;

/// Filters and page of `/v1/claimables`.
#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ClaimablesQuery {
    /// Items per page.
    #[serde(default)]
    #[param(inline)]
    limit: Limit<50, 500>,
    /// `next_cursor` of the previous page (`<balance>:<owner>`).
    cursor: Option<String>,
    /// Include addresses whose balance was withdrawn.
    #[serde(default)]
    #[param(inline)]
    include_withdrawn: Flag,
}

/// Addresses escrow holds settlement legs for (their store was frozen when
/// a job paid them), largest balance first, ties by address.
#[utoipa::path(get, path = "/v1/claimables", tag = "claimables", params(ClaimablesQuery),
    responses((status = 200, body = Page<ClaimableRow>), CommonErrors))]
pub async fn list_claimables(
    State(st): State<AppState>,
    Query(q): Query<ClaimablesQuery>,
) -> Result<Json<Page<ClaimableRow>>, ApiError> {
    let limit = q.limit.get();
    let after = q
        .cursor
        .as_deref()
        .map(|s| RankCursor::<i64>::parse(s, "balance"))
        .transpose()
        .map_err(|e| ApiError::bad("cursor", e))?;
    db(&st, move |c| {
        let mut query = claimables::table
            .select(ClaimableRow::as_select())
            .into_boxed();
        if !q.include_withdrawn.0 {
            query = query.filter(claimables::balance.gt(0));
        }
        if let Some(RankCursor { value, address }) = after {
            query = query.filter(
                claimables::balance.lt(value).or(claimables::balance
                    .eq(value)
                    .and(claimables::owner.gt(address))),
            );
        }
        let rows: Vec<ClaimableRow> = query
            .order((claimables::balance.desc(), claimables::owner))
            .limit(limit as i64 + 1)
            .load(c)?;
        Ok(Json(Page::of(
            rows,
            limit,
            |r| format!("{}:{}", r.balance, r.owner),
            |r| r,
        )))
    })
    .await
}

/// An owner named in the path.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct OwnerPath {
    /// Owner address.
    #[param(inline)]
    address: Address,
}

/// One address's claimable balance with its credited and withdrawn totals
/// (all zero for an address escrow never held anything for).
#[utoipa::path(get, path = "/v1/claimables/{address}", tag = "claimables",
    params(OwnerPath, NoParams),
    responses((status = 200, body = ClaimableRow), CommonErrors))]
pub async fn get_claimable(
    State(st): State<AppState>,
    Query(NoParams {}): Query<NoParams>,
    Path(OwnerPath { address }): Path<OwnerPath>,
) -> Result<Json<ClaimableRow>, ApiError> {
    let owner = address.long;
    db(&st, move |c| {
        let row = claimables::table
            .find(&owner)
            .select(ClaimableRow::as_select())
            .first(c)
            .optional()?;
        Ok(Json(row.unwrap_or_else(|| ClaimableRow::empty(owner, 0))))
    })
    .await
}
