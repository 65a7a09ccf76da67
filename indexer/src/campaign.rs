//! The testnet campaign leaderboard with its payout preview (`move/README.md`,
//! "Testnet campaign"; formulas in `lumen_sdk::formulas::campaign`), over the
//! points the chain records (`campaign_users`) and the protocol points the
//! indexer derives (`campaign_points`, see `project::campaign_points`).

use std::collections::BTreeMap;

use diesel::pg::PgConnection;
use diesel::prelude::*;
use lumen_sdk::formulas::campaign::{self as f, LeaderboardRow, PointSource, PointsBySource};
use lumen_sdk::AccountAddress;

use crate::rows::{CampaignPointsRow, CampaignRow};
use crate::schema::*;
use crate::store::StoreError;

/// The ranking of every participant with points, and what paying it now
/// would pay.
#[derive(Debug, Clone)]
pub struct Ranking {
    /// `formulas::campaign::leaderboard` over all sources.
    pub rows: Vec<LeaderboardRow>,
    /// On-chain `total_points` of each ranked address (what
    /// `pay_leaderboard` requires the submitted points to reach).
    pub recorded: BTreeMap<AccountAddress, u64>,
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

/// Points by source of every participant, and each one's on-chain
/// `total_points`.
pub type AllPoints = (
    BTreeMap<AccountAddress, PointsBySource>,
    BTreeMap<AccountAddress, u64>,
);

/// Points by source of every participant: on-chain sources from
/// `campaign_users`, protocol sources from `campaign_points`.
pub fn points_by_source(conn: &mut PgConnection) -> Result<AllPoints, StoreError> {
    let mut points: BTreeMap<AccountAddress, PointsBySource> = BTreeMap::new();
    let mut recorded = BTreeMap::new();
    // Addresses are written by the projection from decoded events, so one
    // that does not parse is a damaged row: it is skipped with a warning
    // rather than failing every leaderboard request.
    let parse = |s: &str| {
        AccountAddress::from_hex(s)
            .map_err(|e| tracing::warn!(address = s, error = %e, "campaign row with a bad address"))
            .ok()
    };
    for (addr, total, check_in, social, referral) in campaign_users::table
        .select((
            campaign_users::address,
            campaign_users::total_points,
            campaign_users::checkin_points,
            campaign_users::social_points,
            campaign_users::referral_points,
        ))
        .load::<(String, i64, i64, i64, i64)>(conn)?
    {
        let Some(a) = parse(&addr) else { continue };
        let p = points.entry(a).or_default();
        p.add(PointSource::CheckIn, u(check_in));
        p.add(PointSource::Social, u(social));
        p.add(PointSource::Referral, u(referral));
        recorded.insert(a, u(total));
    }
    for r in campaign_points::table
        .select(CampaignPointsRow::as_select())
        .load(conn)?
    {
        let Some(a) = parse(&r.address) else { continue };
        let p = points.entry(a).or_default();
        p.add(PointSource::Creator, u(r.creator_points));
        p.add(PointSource::WorkerRender, u(r.worker_render_points));
        p.add(PointSource::WorkerOnline, u(r.worker_online_points));
        p.add(PointSource::Referral, u(r.referral_points));
    }
    Ok((points, recorded))
}

/// The current ranking (`formulas::campaign::leaderboard`: total descending,
/// ties by address ascending, participants without points left out).
pub fn ranking(conn: &mut PgConnection) -> Result<Ranking, StoreError> {
    let row: Option<CampaignRow> = campaign::table
        .find(1i16)
        .select(CampaignRow::as_select())
        .first(conn)
        .optional()?;
    let tier_amounts = tier_amounts_of(row.as_ref());
    let (points, recorded) = points_by_source(conn)?;
    Ok(Ranking {
        rows: f::leaderboard(&points, &tier_amounts),
        recorded,
        tier_amounts,
        pool: row.map_or(0, |c| u(c.pool)),
    })
}

#[cfg(test)]
mod tests;
