//! Testnet campaign points that come from the rest of the protocol, and the
//! campaign leaderboard with its payout preview (`move/README.md`, "Testnet
//! campaign"; formulas in `lumen_sdk::formulas::campaign`).
//!
//! The chain records check-in, social and check-in/social referral points
//! (`campaign_users`). The indexer adds, from escrow and rewards events:
//! - creator and worker render points, `render_points(gross, credit_value)`
//!   per `JobCompleted` / `DisputeResolved` paying at least one frame, when
//!   paid inside the campaign period `[start, end)`;
//! - worker online points, `idle_points(online, lease, score)` per epoch
//!   with an `UptimeReported`, for epochs lying wholly inside the period;
//! - the referrer's `referral_share` of each of those earnings, rounded down
//!   per earning, for earnings after its `ReferralRegistered`.
//!
//! Online points are kept per `(worker, epoch)` (`campaign_online`) and
//! recomputed from the epoch's `worker_epochs` row (reported online seconds
//! and score, summed leases) on every `UptimeReported` or `LeaseRecorded`,
//! so the two may arrive in either order and in different batches: the
//! worker and its referrer are credited the difference to what the epoch
//! credited before. An epoch's points are earned when its uptime is
//! reported; whether they count (period) and who the referrer is are fixed
//! then.

use std::collections::{BTreeMap, BTreeSet};

use diesel::pg::PgConnection;
use diesel::prelude::*;
use lumen_sdk::formulas::campaign::{self as f, LeaderboardRow, PointSource, PointsBySource};
use lumen_sdk::AccountAddress;
use serde::Serialize;
use serde_json::{json, Value};

use crate::schema::*;
use crate::store::{to_i64, CampaignRow, StoreError, WorkerEpochRow};

/// Protocol points of one address (micro-points).
#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = campaign_points, check_for_backend(diesel::pg::Pg), treat_none_as_default_value = false)]
#[allow(missing_docs)]
pub struct CampaignPointsRow {
    pub address: String,
    pub creator_points: i64,
    pub worker_render_points: i64,
    pub worker_online_points: i64,
    pub referral_points: i64,
    pub updated_version: i64,
}

/// What one `(worker, epoch)` credited for online-but-idle time.
#[derive(Debug, Clone, Queryable, Selectable, Insertable, Serialize)]
#[diesel(table_name = campaign_online, check_for_backend(diesel::pg::Pg), treat_none_as_default_value = false)]
#[allow(missing_docs)]
pub struct CampaignOnlineRow {
    pub worker: String,
    pub epoch: i64,
    /// The epoch lay inside the campaign period when it was reported.
    pub counted: bool,
    /// The worker's referrer when the epoch was reported.
    pub referrer: Option<String>,
    pub points: i64,
    pub referral_points: i64,
    pub updated_version: i64,
}

/// The campaign settings the points depend on, as of an event.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Settings {
    start: u64,
    end: u64,
    credit_value: u64,
}

impl Settings {
    /// The current settings: the indexed `CampaignConfigured`, or the
    /// period `(0, 0)` (nothing counts) and the sdk's default credit value
    /// before the first one.
    pub(crate) fn of(row: Option<&CampaignRow>) -> Self {
        match row {
            Some(c) => Self {
                start: c.period_start.max(0) as u64,
                end: c.period_end.max(0) as u64,
                credit_value: c.credit_value.max(0) as u64,
            },
            None => Self {
                start: 0,
                end: 0,
                credit_value: f::DEFAULT_CREDIT_VALUE,
            },
        }
    }
}

/// Keys a batch touches, collected before loading.
#[derive(Default)]
pub(crate) struct Keys {
    /// Addresses that may earn protocol points (their referrers are looked up).
    earners: BTreeSet<String>,
    /// Referrers registered in the batch.
    referrers: BTreeSet<String>,
    /// `(worker, epoch)` of uptime and lease events.
    online: BTreeSet<(String, i64)>,
}

impl Keys {
    /// Whether the batch has anything for this module (then the campaign
    /// row must be loaded too).
    pub(crate) fn any(&self) -> bool {
        !self.earners.is_empty() || !self.online.is_empty()
    }

    /// Collects the keys of one event.
    pub(crate) fn add(&mut self, e: &lumen_sdk::events::LumenEvent) {
        use lumen_sdk::events::LumenEvent as E;
        match e {
            E::JobCompleted(e) if e.frames_paid > 0 => {
                self.earners.insert(e.creator.to_hex());
                self.earners.insert(e.worker.to_hex());
            }
            E::DisputeResolved(e) if e.frames_paid > 0 => {
                self.earners.insert(e.creator.to_hex());
                self.earners.insert(e.worker.to_hex());
            }
            E::UptimeReported(e) => {
                self.earners.insert(e.worker.to_hex());
                self.online.insert((e.worker.to_hex(), to_i64(e.epoch)));
            }
            E::LeaseRecorded(e) => {
                self.earners.insert(e.worker.to_hex());
                self.online.insert((e.worker.to_hex(), to_i64(e.epoch)));
            }
            E::ReferralRegistered(e) => {
                self.referrers.insert(e.referrer.to_hex());
            }
            _ => {}
        }
    }
}

/// Protocol-point rows loaded for (and changed by) one batch.
#[derive(Default)]
pub(crate) struct Points {
    points: BTreeMap<String, CampaignPointsRow>,
    online: BTreeMap<(String, i64), CampaignOnlineRow>,
    /// Referrer of each earner (`None`: none registered).
    referrer: BTreeMap<String, Option<String>>,
    epoch_secs: u64,
}

impl Points {
    /// Loads the rows `k` names, the earners' referrers and `epoch_secs`.
    pub(crate) fn load(conn: &mut PgConnection, k: &Keys) -> Result<Self, StoreError> {
        let mut s = Self {
            epoch_secs: epoch_secs_default(),
            ..Self::default()
        };
        if !k.any() && k.referrers.is_empty() {
            return Ok(s);
        }
        let mut addresses: BTreeSet<String> = k.earners.union(&k.referrers).cloned().collect();
        if !k.online.is_empty() {
            // Superset filter (worker ∈ W, epoch ∈ E); the write deletes the
            // same superset, which is exact since every loaded row is rewritten.
            let ws: BTreeSet<&String> = k.online.iter().map(|x| &x.0).collect();
            let es: BTreeSet<i64> = k.online.iter().map(|x| x.1).collect();
            for r in campaign_online::table
                .filter(campaign_online::worker.eq_any(ws))
                .filter(campaign_online::epoch.eq_any(es))
                .select(CampaignOnlineRow::as_select())
                .load(conn)?
            {
                addresses.extend(r.referrer.clone());
                s.online.insert((r.worker.clone(), r.epoch), r);
            }
            if let Some(v) = params::table
                .find("epoch_secs")
                .select(params::value)
                .first::<i64>(conn)
                .optional()?
            {
                s.epoch_secs = v.max(1) as u64;
            }
        }
        if !k.earners.is_empty() {
            for e in &k.earners {
                s.referrer.insert(e.clone(), None);
            }
            for (addr, r) in campaign_users::table
                .filter(campaign_users::address.eq_any(&k.earners))
                .select((campaign_users::address, campaign_users::referrer))
                .load::<(String, Option<String>)>(conn)?
            {
                addresses.extend(r.clone());
                s.referrer.insert(addr, r);
            }
        }
        for r in campaign_points::table
            .filter(campaign_points::address.eq_any(&addresses))
            .select(CampaignPointsRow::as_select())
            .load(conn)?
        {
            s.points.insert(r.address.clone(), r);
        }
        Ok(s)
    }

    /// A `ReferralRegistered` in the batch: later earnings of `referee`
    /// share with `referrer`.
    pub(crate) fn referral_registered(
        &mut self,
        referee: &AccountAddress,
        referrer: &AccountAddress,
    ) {
        self.referrer
            .insert(referee.to_hex(), Some(referrer.to_hex()));
    }

    /// A `ParamsUpdated` for `epoch_secs`.
    pub(crate) fn set_epoch_secs(&mut self, v: u64) {
        self.epoch_secs = v.max(1);
    }

    fn add(&mut self, addr: &str, source: PointSource, delta: i64, version: i64) {
        if delta == 0 {
            return;
        }
        let r = self
            .points
            .entry(addr.to_string())
            .or_insert_with(|| CampaignPointsRow {
                address: addr.to_string(),
                creator_points: 0,
                worker_render_points: 0,
                worker_online_points: 0,
                referral_points: 0,
                updated_version: version,
            });
        let slot = match source {
            PointSource::Creator => &mut r.creator_points,
            PointSource::WorkerRender => &mut r.worker_render_points,
            PointSource::WorkerOnline => &mut r.worker_online_points,
            PointSource::Referral => &mut r.referral_points,
            // On-chain sources live in `campaign_users`.
            PointSource::CheckIn | PointSource::Social => return,
        };
        *slot = slot.saturating_add(delta).max(0);
        r.updated_version = version;
    }

    fn referrer_of(&self, addr: &str) -> Option<String> {
        self.referrer.get(addr).cloned().flatten()
    }

    /// A paid job (`JobCompleted` or `DisputeResolved`, event `d`).
    pub(crate) fn job_paid(
        &mut self,
        cfg: Settings,
        d: &crate::decode::Decoded,
        creator: &AccountAddress,
        worker: &AccountAddress,
        frames_paid: u64,
        gross: u64,
    ) {
        let now = d.timestamp_us / 1_000_000;
        let version = to_i64(d.version);
        if frames_paid == 0 || now < cfg.start || now >= cfg.end {
            return;
        }
        let pts = f::render_points(gross, cfg.credit_value);
        for (who, source) in [
            (creator.to_hex(), PointSource::Creator),
            (worker.to_hex(), PointSource::WorkerRender),
        ] {
            self.add(&who, source, to_i64(pts), version);
            if let Some(r) = self.referrer_of(&who) {
                self.add(
                    &r,
                    PointSource::Referral,
                    to_i64(f::referral_share(pts)),
                    version,
                );
            }
        }
    }

    /// An `UptimeReported` or `LeaseRecorded` for `we` (already updated):
    /// recomputes the epoch's online points. `reported` marks an uptime
    /// report, which creates the epoch's entry; a lease before any report
    /// only waits in `worker_epochs`.
    pub(crate) fn online(
        &mut self,
        cfg: Settings,
        we: &WorkerEpochRow,
        reported: bool,
        version: i64,
    ) {
        let key = (we.worker.clone(), we.epoch);
        if !self.online.contains_key(&key) {
            if !reported {
                return;
            }
            let begin = (we.epoch.max(0) as u64).saturating_mul(self.epoch_secs);
            let end = begin.saturating_add(self.epoch_secs);
            let counted = cfg.start < cfg.end && begin >= cfg.start && end <= cfg.end;
            let referrer = if counted {
                self.referrer_of(&we.worker)
            } else {
                None
            };
            self.online.insert(
                key.clone(),
                CampaignOnlineRow {
                    worker: we.worker.clone(),
                    epoch: we.epoch,
                    counted,
                    referrer,
                    points: 0,
                    referral_points: 0,
                    updated_version: version,
                },
            );
        }
        let row = self.online.get_mut(&key).expect("inserted above");
        let points = if row.counted {
            to_i64(f::idle_points(
                we.online_secs.max(0) as u64,
                we.lease_secs.max(0) as u64,
                we.uptime_score.max(0) as u64,
            ))
        } else {
            0
        };
        let share = to_i64(f::referral_share(points as u64));
        let d_points = points - row.points;
        let d_share = share - row.referral_points;
        let referrer = row.referrer.clone();
        row.points = points;
        row.updated_version = version;
        if referrer.is_some() {
            row.referral_points = share;
        }
        self.add(&we.worker, PointSource::WorkerOnline, d_points, version);
        if let Some(r) = referrer {
            self.add(&r, PointSource::Referral, d_share, version);
        }
    }

    /// Replaces the loaded and new rows.
    pub(crate) fn write(self, conn: &mut PgConnection) -> Result<(), StoreError> {
        if !self.points.is_empty() {
            let keys: Vec<&String> = self.points.keys().collect();
            diesel::delete(campaign_points::table.filter(campaign_points::address.eq_any(keys)))
                .execute(conn)?;
            let rows: Vec<CampaignPointsRow> = self.points.into_values().collect();
            diesel::copy_from(campaign_points::table)
                .from_insertable(&rows)
                .execute(conn)?;
        }
        if !self.online.is_empty() {
            let ws: BTreeSet<&String> = self.online.keys().map(|k| &k.0).collect();
            let es: BTreeSet<i64> = self.online.keys().map(|k| k.1).collect();
            diesel::delete(
                campaign_online::table
                    .filter(campaign_online::worker.eq_any(ws))
                    .filter(campaign_online::epoch.eq_any(es)),
            )
            .execute(conn)?;
            let rows: Vec<CampaignOnlineRow> = self.online.into_values().collect();
            diesel::copy_from(campaign_online::table)
                .from_insertable(&rows)
                .execute(conn)?;
        }
        Ok(())
    }
}

fn epoch_secs_default() -> u64 {
    lumen_sdk::params::param("epoch_secs").map_or(86_400, |p| p.default)
}

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

/// Points by source as the API shows them.
pub fn points_json(p: &PointsBySource) -> Value {
    let mut m = serde_json::Map::new();
    for s in PointSource::ALL {
        m.insert(s.as_str().into(), p.get(s).into());
    }
    Value::Object(m)
}

impl Ranking {
    /// One leaderboard row as the API shows it.
    pub fn row_json(&self, r: &LeaderboardRow) -> Value {
        json!({
            "rank": r.rank,
            "address": r.address.to_hex(),
            "points": points_json(&r.points),
            "total": r.total,
            "recorded_points": self.recorded.get(&r.address).copied().unwrap_or(0),
            "payout": r.payout,
        })
    }

    /// The payout preview of the whole current ranking: per tier its ranks,
    /// per-user amount, winners and total; the total and whether the pool
    /// covers it.
    pub fn payout_json(&self) -> Value {
        let winners = (self.rows.len() as u64).min(f::MAX_WINNERS);
        let totals = f::tier_totals(&self.tier_amounts, winners);
        let mut first = 1u64;
        let tiers: Vec<Value> = f::TIER_LAST_RANKS
            .iter()
            .enumerate()
            .map(|(t, &last)| {
                let paid = winners.min(last).saturating_sub(first - 1);
                let v = json!({
                    "tier": t,
                    "first_rank": first,
                    "last_rank": last,
                    "per_user": self.tier_amounts[t],
                    "winners": paid,
                    "total": totals[t],
                });
                first = last + 1;
                v
            })
            .collect();
        let total = f::payout_total(&self.tier_amounts, winners);
        json!({
            "winners": winners,
            "tiers": tiers,
            "total": total,
            "pool": self.pool,
            "pool_covers": total <= self.pool,
        })
    }
}

#[cfg(test)]
mod tests;
