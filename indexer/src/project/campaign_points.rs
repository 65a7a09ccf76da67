//! Testnet campaign points that come from the rest of the protocol
//! (`move/README.md`, "Testnet campaign"; formulas in
//! `lumen_sdk::formulas::campaign`).
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
use lumen_sdk::events::LumenEvent;
use lumen_sdk::formulas::campaign::{self as f, PointSource};
use lumen_sdk::AccountAddress;

use super::campaign::Campaign;
use super::epochs::Epochs;
use super::{hex, replace_rows, Projection, Rows};
use crate::decode::Decoded;
use crate::rows::{to_i64, CampaignOnlineRow, CampaignPointsRow, CampaignRow, WorkerEpochRow};
use crate::schema::*;
use crate::store::StoreError;

/// The campaign settings the points depend on, as of an event.
#[derive(Debug, Clone, Copy)]
struct Settings {
    start: u64,
    end: u64,
    credit_value: u64,
}

impl Settings {
    /// The current settings: the indexed `CampaignConfigured`, or the
    /// period `(0, 0)` (nothing counts) and the sdk's default credit value
    /// before the first one.
    fn of(row: Option<&CampaignRow>) -> Self {
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

/// The `campaign_points` and `campaign_online` rows of a batch.
pub(crate) struct CampaignPoints {
    points: Rows<String, CampaignPointsRow>,
    online: Rows<(String, i64), CampaignOnlineRow>,
    /// Referrer of each earner (`None`: none registered).
    referrer: BTreeMap<String, Option<String>>,
    epoch_secs: u64,
}

/// Keys of [`CampaignPoints`].
#[derive(Default)]
pub(crate) struct PointKeys {
    /// Addresses that may earn protocol points (their referrers are looked up).
    earners: BTreeSet<String>,
    /// Referrers registered in the batch.
    referrers: BTreeSet<String>,
    /// `(worker, epoch)` of uptime and lease events.
    online: BTreeSet<(String, i64)>,
}

impl PointKeys {
    /// Whether the batch earns anything (then the campaign row, which holds
    /// the period and the credit value, must be loaded too).
    pub(crate) fn any(&self) -> bool {
        !self.earners.is_empty() || !self.online.is_empty()
    }
}

impl CampaignPoints {
    /// A `ReferralRegistered` in the batch: later earnings of `referee`
    /// share with `referrer`.
    fn referral_registered(&mut self, referee: &AccountAddress, referrer: &AccountAddress) {
        self.referrer
            .insert(referee.to_hex(), Some(referrer.to_hex()));
    }

    /// A `ParamsUpdated` for `epoch_secs`.
    fn set_epoch_secs(&mut self, v: u64) {
        self.epoch_secs = v.max(1);
    }

    fn add(&mut self, addr: &str, source: PointSource, delta: i64, version: i64) {
        if delta == 0 {
            return;
        }
        let r = self
            .points
            .entry(addr.to_string(), |address| CampaignPointsRow {
                address: address.clone(),
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
    fn job_paid(
        &mut self,
        cfg: Settings,
        d: &Decoded,
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
    fn online(&mut self, cfg: Settings, we: &WorkerEpochRow, reported: bool, version: i64) {
        let key = (we.worker.clone(), we.epoch);
        if self.online.get(&key).is_none() {
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
}

impl Projection for CampaignPoints {
    type Keys = PointKeys;
    /// The campaign's settings, and the worker's epoch row after the event.
    type Reads<'a> = (&'a Campaign, &'a Epochs);

    fn keys(k: &mut PointKeys, d: &Decoded) {
        use LumenEvent as E;
        let mut earners = |a: &AccountAddress, b: Option<&AccountAddress>| {
            k.earners.insert(hex(a));
            k.earners.extend(b.map(hex));
        };
        match &d.event {
            E::JobCompleted(e) if e.frames_paid > 0 => earners(&e.creator, Some(&e.worker)),
            E::DisputeResolved(e) if e.frames_paid > 0 => earners(&e.creator, Some(&e.worker)),
            E::UptimeReported(e) => {
                earners(&e.worker, None);
                k.online.insert((hex(&e.worker), to_i64(e.epoch)));
            }
            E::LeaseRecorded(e) => {
                earners(&e.worker, None);
                k.online.insert((hex(&e.worker), to_i64(e.epoch)));
            }
            E::ReferralRegistered(e) => {
                k.referrers.insert(hex(&e.referrer));
            }
            E::JobCompleted(_)
            | E::DisputeResolved(_)
            | E::ConfigInitialized(_)
            | E::ParamsUpdated(_)
            | E::AdminProposed(_)
            | E::AdminTransferred(_)
            | E::PausedSet(_)
            | E::TreasurySet(_)
            | E::ArbiterAdded(_)
            | E::ArbiterRemoved(_)
            | E::StakeLocked(_)
            | E::StakeUnlocked(_)
            | E::PartiallyAccepted(_)
            | E::NonceBurned(_)
            | E::OfferPublished(_)
            | E::ClaimableCredited(_)
            | E::ClaimableWithdrawn(_)
            | E::AttesterAdded(_)
            | E::AttesterRemoved(_)
            | E::AttestationSubmitted(_)
            | E::DeviceKeyRegistered(_)
            | E::RevocationSubmitted(_)
            | E::DeviceReleased(_)
            | E::UptimeVoted(_)
            | E::ScoreAttested(_)
            | E::ScoreRevoked(_)
            | E::PriceSet(_)
            | E::Staked(_)
            | E::UnstakeRequested(_)
            | E::Withdrawn(_)
            | E::Slashed(_)
            | E::PenaltiesSwept(_)
            | E::JobCreated(_)
            | E::JobAssigned(_)
            | E::ResultSubmitted(_)
            | E::RerenderRequested(_)
            | E::JobCancelled(_)
            | E::JobReclaimed(_)
            | E::JobDisputed(_)
            | E::EpochFunded(_)
            | E::EpochClosed(_)
            | E::RewardClaimed(_)
            | E::VipMinted(_)
            | E::VipRevoked(_)
            | E::CheckedIn(_)
            | E::CreditsClaimed(_)
            | E::SocialTaskGranted(_)
            | E::ReferralPointsEarned(_)
            | E::CampaignFunded(_)
            | E::LeaderboardPaid(_)
            | E::CampaignConfigured(_)
            | E::PoolSwept(_) => {}
        }
    }

    /// Loads the rows the keys name, the earners' referrers (and their
    /// rows) and `epoch_secs`.
    fn load(conn: &mut PgConnection, k: PointKeys) -> Result<Self, StoreError> {
        let mut epoch_secs = epoch_secs_default();
        let mut referrer = BTreeMap::new();
        let mut loaded_online = Vec::new();
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
                loaded_online.push(r);
            }
            if let Some(v) = params::table
                .find(EPOCH_SECS)
                .select(params::value)
                .first::<i64>(conn)
                .optional()?
            {
                epoch_secs = v.max(1) as u64;
            }
        }
        if !k.earners.is_empty() {
            for e in &k.earners {
                referrer.insert(e.clone(), None);
            }
            for (addr, r) in campaign_users::table
                .filter(campaign_users::address.eq_any(&k.earners))
                .select((campaign_users::address, campaign_users::referrer))
                .load::<(String, Option<String>)>(conn)?
            {
                addresses.extend(r.clone());
                referrer.insert(addr, r);
            }
        }
        let mut points = Rows::new(&addresses);
        if !addresses.is_empty() {
            for r in campaign_points::table
                .filter(campaign_points::address.eq_any(&addresses))
                .select(CampaignPointsRow::as_select())
                .load(conn)?
            {
                points.loaded(r.address.clone(), r);
            }
        }
        let mut online = Rows::new(&k.online);
        for r in loaded_online {
            online.loaded((r.worker.clone(), r.epoch), r);
        }
        Ok(Self {
            points,
            online,
            referrer,
            epoch_secs,
        })
    }

    fn apply(&mut self, d: &Decoded, (campaign, epochs): (&Campaign, &Epochs)) {
        use LumenEvent as E;
        let cfg = Settings::of(campaign.row());
        let v = to_i64(d.version);
        match &d.event {
            E::JobCompleted(e) => {
                self.job_paid(cfg, d, &e.creator, &e.worker, e.frames_paid, e.gross)
            }
            E::DisputeResolved(e) => {
                self.job_paid(cfg, d, &e.creator, &e.worker, e.frames_paid, e.gross)
            }
            E::UptimeReported(e) => {
                if let Some(we) = epochs.worker_epoch_row(&e.worker, e.epoch) {
                    self.online(cfg, we, true, v);
                }
            }
            E::LeaseRecorded(e) => {
                if let Some(we) = epochs.worker_epoch_row(&e.worker, e.epoch) {
                    self.online(cfg, we, false, v);
                }
            }
            E::ReferralRegistered(e) => self.referral_registered(&e.referee, &e.referrer),
            E::ParamsUpdated(e) if e.name == EPOCH_SECS => self.set_epoch_secs(e.new_value),
            E::ParamsUpdated(_)
            | E::ConfigInitialized(_)
            | E::AdminProposed(_)
            | E::AdminTransferred(_)
            | E::PausedSet(_)
            | E::TreasurySet(_)
            | E::ArbiterAdded(_)
            | E::ArbiterRemoved(_)
            | E::StakeLocked(_)
            | E::StakeUnlocked(_)
            | E::PartiallyAccepted(_)
            | E::NonceBurned(_)
            | E::OfferPublished(_)
            | E::ClaimableCredited(_)
            | E::ClaimableWithdrawn(_)
            | E::AttesterAdded(_)
            | E::AttesterRemoved(_)
            | E::AttestationSubmitted(_)
            | E::DeviceKeyRegistered(_)
            | E::RevocationSubmitted(_)
            | E::DeviceReleased(_)
            | E::UptimeVoted(_)
            | E::ScoreAttested(_)
            | E::ScoreRevoked(_)
            | E::PriceSet(_)
            | E::Staked(_)
            | E::UnstakeRequested(_)
            | E::Withdrawn(_)
            | E::Slashed(_)
            | E::PenaltiesSwept(_)
            | E::JobCreated(_)
            | E::JobAssigned(_)
            | E::ResultSubmitted(_)
            | E::RerenderRequested(_)
            | E::JobCancelled(_)
            | E::JobReclaimed(_)
            | E::JobDisputed(_)
            | E::EpochFunded(_)
            | E::EpochClosed(_)
            | E::RewardClaimed(_)
            | E::VipMinted(_)
            | E::VipRevoked(_)
            | E::CheckedIn(_)
            | E::CreditsClaimed(_)
            | E::SocialTaskGranted(_)
            | E::ReferralPointsEarned(_)
            | E::CampaignFunded(_)
            | E::LeaderboardPaid(_)
            | E::CampaignConfigured(_)
            | E::PoolSwept(_) => {}
        }
    }

    fn write(self, conn: &mut PgConnection) -> Result<(), StoreError> {
        let keys: Vec<String> = self.points.keys().cloned().collect();
        replace_rows!(
            conn,
            campaign_points::table,
            campaign_points::table.filter(campaign_points::address.eq_any(&keys)),
            self.points.into_rows()
        );
        let ws: BTreeSet<String> = self.online.keys().map(|k| k.0.clone()).collect();
        let es: BTreeSet<i64> = self.online.keys().map(|k| k.1).collect();
        replace_rows!(
            conn,
            campaign_online::table,
            campaign_online::table
                .filter(campaign_online::worker.eq_any(ws))
                .filter(campaign_online::epoch.eq_any(es)),
            self.online.into_rows()
        );
        Ok(())
    }
}

/// The parameter whose value places epochs in the campaign period.
const EPOCH_SECS: &str = lumen_sdk::params::EPOCH_SECS.name;

fn epoch_secs_default() -> u64 {
    lumen_sdk::params::EPOCH_SECS.default
}
