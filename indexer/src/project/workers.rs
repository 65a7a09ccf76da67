//! Workers: the last attested score and its device (key and binding), price,
//! stake, collateral locked and unbonding, escrow's counters (as
//! `escrow::record_payment` keeps them), rewards claimed and the worker VIP
//! pass.

use std::collections::BTreeSet;

use diesel::pg::PgConnection;
use lumen_sdk::events::{
    AttestationEvent, ByModule, EscrowEvent, RewardsEvent, StakingEvent, VipEvent,
};
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

/// `DeviceReleased.kind` of a release long after the score expired
/// (attestation.move; 1 is by the worker, 3 by the admin).
const RELEASED_EXPIRED: u8 = 2;

/// Where [`change`] finds the row of the worker an event changes: the keys
/// only note the worker; the loaded rows hand out its row.
trait WorkerRows {
    /// Changes the row of `worker` with `f`.
    fn change(&mut self, worker: &AccountAddress, f: impl FnOnce(&mut WorkerRow));
}

impl WorkerRows for BTreeSet<String> {
    fn change(&mut self, worker: &AccountAddress, _: impl FnOnce(&mut WorkerRow)) {
        self.insert(hex(worker));
    }
}

/// The loaded rows while one event is applied: a worker's row (a new one
/// when first seen) is stamped with the event's version.
struct Stamped<'a> {
    rows: &'a mut Rows<String, WorkerRow>,
    version: i64,
}

impl WorkerRows for Stamped<'_> {
    fn change(&mut self, worker: &AccountAddress, f: impl FnOnce(&mut WorkerRow)) {
        let version = self.version;
        let w = self
            .rows
            .entry(hex(worker), |a| WorkerRow::new(a.clone(), version));
        w.updated_version = version;
        f(w);
    }
}

/// Counters of a paid job (confirmed, finalized or resolved), as escrow's
/// `record_payment`: they move only for paid work (frames paid, each at
/// `min_price_per_frame` or more).
fn paid(w: &mut WorkerRow, frames: u64, lease: u64) {
    if frames > 0 {
        w.frames_completed = w.frames_completed.saturating_add(to_i64(frames));
        w.jobs_completed += 1;
        w.lease_secs = w.lease_secs.saturating_add(to_i64(lease));
    }
}

/// What an event does to the worker it changes: one match both collects
/// the keys and applies the event, so the two cannot disagree.
fn change(d: &Decoded, rows: &mut impl WorkerRows) {
    match d.event.by_module() {
        ByModule::Escrow(event) => {
            use EscrowEvent as E;
            match event {
                E::JobCompleted(e) => rows.change(&e.worker, |w| {
                    paid(w, e.frames_paid, e.lease_secs);
                }),
                E::DisputeResolved(e) => rows.change(&e.worker, |w| {
                    paid(w, e.frames_paid, e.lease_secs);
                    // A dispute resolved with nothing paid is a failed job.
                    if e.frames_paid == 0 {
                        w.jobs_failed += 1;
                    }
                }),
                E::JobReclaimed(e) => rows.change(&e.worker, |w| w.jobs_failed += 1),
                E::JobCreated(_)
                | E::JobAssigned(_)
                | E::ResultSubmitted(_)
                | E::RerenderRequested(_)
                | E::PartiallyAccepted(_)
                | E::JobCancelled(_)
                | E::JobDisputed(_)
                | E::NonceBurned(_)
                | E::ClaimableCredited(_)
                | E::ClaimableWithdrawn(_) => {}
            }
        }
        ByModule::Attestation(event) => {
            use AttestationEvent as E;
            match event {
                E::ScoreAttested(e) => rows.change(&e.worker, |w| {
                    w.device_id = Some(hex0x(&e.device_id));
                    w.gpu_model = Some(e.gpu_model.clone());
                    w.vram_mb = to_i64(e.vram_mb);
                    w.score = to_i64(e.score);
                    w.bench_version = to_i64(e.bench_version);
                    w.score_effective_at = to_i64(e.effective_at);
                    w.score_expires_at = to_i64(e.expires_at);
                    w.score_revoked = false;
                }),
                E::ScoreRevoked(e) => rows.change(&e.worker, |w| w.score_revoked = true),
                E::DeviceKeyRegistered(e) => rows.change(&e.worker, |w| {
                    w.device_public_key = Some(hex0x(&e.device_public_key));
                }),
                E::DeviceReleased(e) => rows.change(&e.worker, |w| {
                    let now_secs = to_i64(d.timestamp_us / 1_000_000);
                    if w.device_id.as_deref() == Some(hex0x(&e.device_id).as_str()) {
                        w.device_id = None;
                        // Released by the worker or unbound by the admin, the
                        // device's unrevoked score ends now (`end_score`); a
                        // release after expiry changes no score.
                        if e.kind != RELEASED_EXPIRED && !w.score_revoked {
                            w.score_expires_at = w.score_expires_at.min(now_secs);
                        }
                    }
                }),
                E::AttestationSubmitted(_) | E::RevocationSubmitted(_) => {}
            }
        }
        ByModule::Staking(event) => {
            use StakingEvent as E;
            match event {
                E::PriceSet(e) => rows.change(&e.worker, |w| {
                    w.price_per_ib_hour = to_i64(e.price_per_ib_hour);
                }),
                E::Staked(e) => rows.change(&e.worker, |w| w.stake = to_i64(e.total_stake)),
                E::UnstakeRequested(e) => rows.change(&e.worker, |w| {
                    w.stake = to_i64(e.total_stake);
                    w.unbonding = to_i64(e.unbonding);
                    w.unbonding_available_at = to_i64(e.available_at);
                }),
                E::Withdrawn(e) => rows.change(&e.worker, |w| {
                    w.unbonding = (w.unbonding - to_i64(e.amount)).max(0);
                    w.withdrawn_total = w.withdrawn_total.saturating_add(to_i64(e.amount));
                }),
                E::Slashed(e) => rows.change(&e.worker, |w| {
                    w.stake = to_i64(e.total_stake);
                    w.slashed_total = w.slashed_total.saturating_add(to_i64(e.amount));
                }),
                E::StakeLocked(e) => rows.change(&e.worker, |w| w.locked = to_i64(e.locked)),
                E::StakeUnlocked(e) => rows.change(&e.worker, |w| w.locked = to_i64(e.locked)),
                E::PenaltiesSwept(_) => {}
            }
        }
        ByModule::Rewards(event) => {
            use RewardsEvent as E;
            match event {
                // Uptime and leases live in `worker_epochs`; they make the
                // worker known.
                E::UptimeReported(e) => rows.change(&e.worker, |_| {}),
                E::LeaseRecorded(e) => rows.change(&e.worker, |_| {}),
                E::RewardClaimed(e) => rows.change(&e.worker, |w| {
                    w.rewards_claimed = w.rewards_claimed.saturating_add(to_i64(e.amount));
                }),
                E::UptimeVoted(_)
                | E::UptimeVoteSkipped(_)
                | E::EpochFunded(_)
                | E::EpochClosed(_) => {}
            }
        }
        ByModule::Vip(event) => {
            use VipEvent as E;
            match event {
                E::VipMinted(e) if e.role == role::WORKER => {
                    rows.change(&e.holder, |w| w.vip = true);
                }
                E::VipRevoked(e) if e.role == role::WORKER => {
                    rows.change(&e.holder, |w| w.vip = false);
                }
                E::VipExpired(e) if e.role == role::WORKER => {
                    rows.change(&e.holder, |w| w.vip = false);
                }
                E::VipMinted(_) | E::VipRevoked(_) | E::VipExpired(_) | E::VipBanLifted(_) => {}
            }
        }
        ByModule::Config(_) | ByModule::Offers(_) | ByModule::Campaign(_) => {}
    }
}

impl Projection for Workers {
    type Keys = BTreeSet<String>;
    type Reads<'a> = ();

    fn keys(keys: &mut Self::Keys, d: &Decoded) {
        change(d, keys);
    }

    fn load(conn: &mut PgConnection, keys: Self::Keys) -> Result<Self, StoreError> {
        Ok(Self {
            rows: Rows::load(conn, &keys)?,
        })
    }

    fn apply(&mut self, d: &Decoded, (): ()) {
        let mut rows = Stamped {
            rows: &mut self.rows,
            version: to_i64(d.version),
        };
        change(d, &mut rows);
    }

    fn write(self, conn: &mut PgConnection) -> Result<(), StoreError> {
        self.rows.replace(conn)
    }
}
