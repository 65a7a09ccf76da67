//! The testnet campaign leaderboard with its payout preview (`move/README.md`,
//! "Testnet campaign"; formulas in `lumen_sdk::formulas::campaign`), over the
//! points the chain records (`campaign_users`): the same order as the
//! contract's `leaders()`, whose first 100 `pay_leaderboard` pays.

use std::collections::BTreeMap;

use diesel::pg::PgConnection;
use diesel::prelude::*;
use lumen_sdk::formulas::campaign::{self as f, LeaderboardRow, PointSource, PointsBySource};
use lumen_sdk::AccountAddress;

use crate::rows::{CampaignRow, CampaignUserRow};
use crate::schema::*;
use crate::store::StoreError;

/// The ranking of every participant with points, and what paying it now
/// would pay.
#[derive(Debug, Clone)]
pub struct Ranking {
    /// `formulas::campaign::leaderboard` over the chain's points.
    pub rows: Vec<LeaderboardRow>,
    /// Per-user payout of each tier (the current `CampaignConfigured`, or
    /// the sdk's defaults before one).
    pub tier_amounts: [u64; 5],
    /// The campaign pool now.
    pub pool: u64,
}

fn u(v: i64) -> u64 {
    v.max(0) as u64
}

/// The tier amounts of a campaign row; the defaults before any
/// `CampaignConfigured` (or if the stored value is not five amounts).
pub fn tier_amounts_of(row: Option<&CampaignRow>) -> [u64; 5] {
    row.and_then(|c| serde_json::from_value::<Vec<u64>>(c.tier_amounts.clone()).ok())
        .and_then(|v| <[u64; 5]>::try_from(v).ok())
        .unwrap_or(f::DEFAULT_TIER_AMOUNTS)
}

/// A participant's points by source, as the chain recorded them.
pub fn points_of(r: &CampaignUserRow) -> PointsBySource {
    let mut p = PointsBySource::default();
    for (source, v) in [
        (PointSource::CheckIn, r.checkin_points),
        (PointSource::Social, r.social_points),
        (PointSource::Referral, r.referral_points),
        (PointSource::Creator, r.creator_render_points),
        (PointSource::WorkerRender, r.worker_render_points),
        (PointSource::WorkerOnline, r.online_points),
    ] {
        p.add(source, u(v));
    }
    p
}

/// Points by source of every participant with points, and when its total
/// was reached.
pub fn points_by_source(
    conn: &mut PgConnection,
) -> Result<BTreeMap<AccountAddress, (PointsBySource, f::Reached)>, StoreError> {
    let mut out = BTreeMap::new();
    for r in campaign_users::table
        .filter(campaign_users::total_points.gt(0))
        .select(CampaignUserRow::as_select())
        .load(conn)?
    {
        // Addresses are written by the projection from decoded events, so one
        // that does not parse is a damaged row: it is skipped with a warning
        // rather than failing every leaderboard request.
        let Ok(a) = AccountAddress::from_hex(&r.address).map_err(
            |e| tracing::warn!(address = r.address, error = %e, "campaign row with a bad address"),
        ) else {
            continue;
        };
        let reached = (u(r.points_version), r.points_event_index.max(0) as u64);
        out.insert(a, (points_of(&r), reached));
    }
    Ok(out)
}

/// The current ranking (`formulas::campaign::leaderboard`: total descending,
/// ties by who reached the total first, participants without points left out).
pub fn ranking(conn: &mut PgConnection) -> Result<Ranking, StoreError> {
    let row: Option<CampaignRow> = campaign::table
        .find(1i16)
        .select(CampaignRow::as_select())
        .first(conn)
        .optional()?;
    let tier_amounts = tier_amounts_of(row.as_ref());
    let points = points_by_source(conn)?;
    Ok(Ranking {
        rows: f::leaderboard(
            points.into_iter().map(|(a, (p, at))| (a, p, at)),
            &tier_amounts,
        ),
        tier_amounts,
        pool: row.map_or(0, |c| u(c.pool)),
    })
}

#[cfg(test)]
mod tests;
