//! Workers: the last attested score and its device (key and binding), price,
//! stake, collateral locked and unbonding, escrow's counters (as
//! `escrow::record_payment` keeps them), rewards claimed and the worker VIP
//! pass.

use std::collections::BTreeSet;

use diesel::pg::PgConnection;
use lumen_sdk::events::LumenEvent;
use lumen_sdk::AccountAddress;

use super::{hex, role, stored, Projection, Rows};
use crate::decode::Decoded;
use crate::rows::{hex0x, to_i64, WorkerRow};
use crate::schema::workers;
use crate::store::StoreError;

stored!(WorkerRow: String = workers(address), |r| r.address.clone());

/// The `workers` rows of a batch.
pub(crate) struct Workers {
    rows: Rows<String, WorkerRow>,
}

/// The worker an event changes.
fn worker_of(event: &LumenEvent) -> Option<&AccountAddress> {
    use LumenEvent as E;
    match event {
        E::JobCompleted(e) => Some(&e.worker),
        E::DisputeResolved(e) => Some(&e.worker),
        E::JobReclaimed(e) => Some(&e.worker),
        E::ScoreAttested(e) => Some(&e.worker),
        E::ScoreRevoked(e) => Some(&e.worker),
        E::DeviceKeyRegistered(e) => Some(&e.worker),
        E::DeviceReleased(e) => Some(&e.worker),
        E::PriceSet(e) => Some(&e.worker),
        E::Staked(e) => Some(&e.worker),
        E::UnstakeRequested(e) => Some(&e.worker),
        E::Withdrawn(e) => Some(&e.worker),
        E::Slashed(e) => Some(&e.worker),
        E::StakeLocked(e) => Some(&e.worker),
        E::StakeUnlocked(e) => Some(&e.worker),
        E::UptimeReported(e) => Some(&e.worker),
        E::LeaseRecorded(e) => Some(&e.worker),
        E::RewardClaimed(e) => Some(&e.worker),
        E::VipMinted(e) => (e.role == role::WORKER).then_some(&e.holder),
        E::VipRevoked(e) => (e.role == role::WORKER).then_some(&e.holder),
        E::VipExpired(e) => (e.role == role::WORKER).then_some(&e.holder),
        E::ConfigInitialized(_)
        | E::ParamsUpdated(_)
        | E::AdminProposed(_)
        | E::AdminTransferred(_)
        | E::PausedSet(_)
        | E::TreasurySet(_)
        | E::ArbiterAdded(_)
        | E::ArbiterRemoved(_)
        | E::PartiallyAccepted(_)
        | E::NonceBurned(_)
        | E::OfferPublished(_)
        | E::ClaimableCredited(_)
        | E::ClaimableWithdrawn(_)
        | E::AttesterAdded(_)
        | E::AttesterRemoved(_)
        | E::AttestationSubmitted(_)
        | E::RevocationSubmitted(_)
        | E::UptimeVoted(_)
        | E::UptimeVoteSkipped(_)
        | E::PenaltiesSwept(_)
        | E::JobCreated(_)
        | E::JobAssigned(_)
        | E::ResultSubmitted(_)
        | E::RerenderRequested(_)
        | E::JobCancelled(_)
        | E::JobDisputed(_)
        | E::EpochFunded(_)
        | E::EpochClosed(_)
        | E::CheckedIn(_)
        | E::ParamChangeQueued(_)
        | E::ParamChangeCancelled(_)
        | E::VipBanLifted(_)
        | E::CreditSpent(_)
        | E::RenderPointsEarned(_)
        | E::OnlinePointsEarned(_)
        | E::SocialTaskGranted(_)
        | E::ReferralRegistered(_)
        | E::ReferralPointsEarned(_)
        | E::CampaignFunded(_)
        | E::LeaderboardPaid(_)
        | E::CampaignConfigured(_)
        | E::PoolSwept(_) => None,
    }
}

/// `DeviceReleased.kind` of a release long after the score expired
/// (attestation.move; 1 is by the worker, 3 by the admin).
const RELEASED_EXPIRED: u8 = 2;

impl Workers {
    /// The worker's row (a new one when first seen), stamped with `version`.
    fn worker(&mut self, addr: &AccountAddress, version: i64) -> &mut WorkerRow {
        let w = self
            .rows
            .entry(hex(addr), |a| WorkerRow::new(a.clone(), version));
        w.updated_version = version;
        w
    }

    /// Counters of a paid job (confirmed, finalized or resolved), as
    /// escrow's `record_payment`: they move only for paid work (frames paid,
    /// each at `min_price_per_frame` or more).
    fn paid(&mut self, worker: &AccountAddress, v: i64, frames: u64, lease: u64) {
        let w = self.worker(worker, v);
        if frames > 0 {
            w.frames_completed = w.frames_completed.saturating_add(to_i64(frames));
            w.jobs_completed += 1;
            w.lease_secs = w.lease_secs.saturating_add(to_i64(lease));
        }
    }
}

impl Projection for Workers {
    type Keys = BTreeSet<String>;
    type Reads<'a> = ();

    fn keys(keys: &mut Self::Keys, d: &Decoded) {
        keys.extend(worker_of(&d.event).map(hex));
    }

    fn load(conn: &mut PgConnection, keys: Self::Keys) -> Result<Self, StoreError> {
        Ok(Self {
            rows: Rows::load(conn, &keys)?,
        })
    }

    fn apply(&mut self, d: &Decoded, (): ()) {
        use LumenEvent as E;
        let v = to_i64(d.version);
        match &d.event {
            E::JobCompleted(e) => self.paid(&e.worker, v, e.frames_paid, e.lease_secs),
            E::DisputeResolved(e) => {
                self.paid(&e.worker, v, e.frames_paid, e.lease_secs);
                // A dispute resolved with nothing paid is a failed job.
                if e.frames_paid == 0 {
                    self.worker(&e.worker, v).jobs_failed += 1;
                }
            }
            E::JobReclaimed(e) => self.worker(&e.worker, v).jobs_failed += 1,
            E::ScoreAttested(e) => {
                let w = self.worker(&e.worker, v);
                w.device_id = Some(hex0x(&e.device_id));
                w.gpu_model = Some(e.gpu_model.clone());
                w.vram_mb = to_i64(e.vram_mb);
                w.score = to_i64(e.score);
                w.bench_version = to_i64(e.bench_version);
                w.score_effective_at = to_i64(e.effective_at);
                w.score_expires_at = to_i64(e.expires_at);
                w.score_revoked = false;
            }
            E::ScoreRevoked(e) => self.worker(&e.worker, v).score_revoked = true,
            E::DeviceKeyRegistered(e) => {
                self.worker(&e.worker, v).device_public_key = Some(hex0x(&e.device_public_key));
            }
            E::DeviceReleased(e) => {
                let now_secs = to_i64(d.timestamp_us / 1_000_000);
                let w = self.worker(&e.worker, v);
                if w.device_id.as_deref() == Some(hex0x(&e.device_id).as_str()) {
                    w.device_id = None;
                    // Released by the worker or unbound by the admin, the
                    // device's unrevoked score ends now (`end_score`); a
                    // release after expiry changes no score.
                    if e.kind != RELEASED_EXPIRED && !w.score_revoked {
                        w.score_expires_at = w.score_expires_at.min(now_secs);
                    }
                }
            }
            E::PriceSet(e) => {
                self.worker(&e.worker, v).price_per_ib_hour = to_i64(e.price_per_ib_hour);
            }
            E::Staked(e) => self.worker(&e.worker, v).stake = to_i64(e.total_stake),
            E::UnstakeRequested(e) => {
                let w = self.worker(&e.worker, v);
                w.stake = to_i64(e.total_stake);
                w.unbonding = to_i64(e.unbonding);
                w.unbonding_available_at = to_i64(e.available_at);
            }
            E::Withdrawn(e) => {
                let w = self.worker(&e.worker, v);
                w.unbonding = (w.unbonding - to_i64(e.amount)).max(0);
                w.withdrawn_total = w.withdrawn_total.saturating_add(to_i64(e.amount));
            }
            E::Slashed(e) => {
                let w = self.worker(&e.worker, v);
                w.stake = to_i64(e.total_stake);
                w.slashed_total = w.slashed_total.saturating_add(to_i64(e.amount));
            }
            E::StakeLocked(e) => self.worker(&e.worker, v).locked = to_i64(e.locked),
            E::StakeUnlocked(e) => self.worker(&e.worker, v).locked = to_i64(e.locked),
            // Uptime and leases live in `worker_epochs`; they make the
            // worker known.
            E::UptimeReported(e) => {
                self.worker(&e.worker, v);
            }
            E::LeaseRecorded(e) => {
                self.worker(&e.worker, v);
            }
            E::RewardClaimed(e) => {
                let w = self.worker(&e.worker, v);
                w.rewards_claimed = w.rewards_claimed.saturating_add(to_i64(e.amount));
            }
            E::VipMinted(e) if e.role == role::WORKER => self.worker(&e.holder, v).vip = true,
            E::VipRevoked(e) if e.role == role::WORKER => self.worker(&e.holder, v).vip = false,
            E::VipExpired(e) if e.role == role::WORKER => self.worker(&e.holder, v).vip = false,
            E::VipMinted(_) | E::VipRevoked(_) | E::VipExpired(_) => {}
            E::ConfigInitialized(_)
            | E::ParamsUpdated(_)
            | E::AdminProposed(_)
            | E::AdminTransferred(_)
            | E::PausedSet(_)
            | E::TreasurySet(_)
            | E::ArbiterAdded(_)
            | E::ArbiterRemoved(_)
            | E::PartiallyAccepted(_)
            | E::NonceBurned(_)
            | E::OfferPublished(_)
            | E::ClaimableCredited(_)
            | E::ClaimableWithdrawn(_)
            | E::AttesterAdded(_)
            | E::AttesterRemoved(_)
            | E::AttestationSubmitted(_)
            | E::RevocationSubmitted(_)
            | E::UptimeVoted(_)
            | E::UptimeVoteSkipped(_)
            | E::PenaltiesSwept(_)
            | E::JobCreated(_)
            | E::JobAssigned(_)
            | E::ResultSubmitted(_)
            | E::RerenderRequested(_)
            | E::JobCancelled(_)
            | E::JobDisputed(_)
            | E::EpochFunded(_)
            | E::EpochClosed(_)
            | E::CheckedIn(_)
            | E::ParamChangeQueued(_)
            | E::ParamChangeCancelled(_)
            | E::VipBanLifted(_)
            | E::CreditSpent(_)
            | E::RenderPointsEarned(_)
            | E::OnlinePointsEarned(_)
            | E::SocialTaskGranted(_)
            | E::ReferralRegistered(_)
            | E::ReferralPointsEarned(_)
            | E::CampaignFunded(_)
            | E::LeaderboardPaid(_)
            | E::CampaignConfigured(_)
            | E::PoolSwept(_) => {}
        }
    }

    fn write(self, conn: &mut PgConnection) -> Result<(), StoreError> {
        self.rows.replace(conn)
    }
}
