//! Reward epochs: each epoch's funding, close and claims, and per worker
//! and epoch the reported uptime, the recorded leases and the claim; each
//! attester's uptime vote.

use std::collections::BTreeSet;

use diesel::pg::PgConnection;
use diesel::prelude::*;
use lumen_sdk::events::{ByModule, RewardsEvent};
use lumen_sdk::AccountAddress;

use super::{append_rows, hex, stored, Projection, Rows};
use crate::decode::Decoded;
use crate::rows::{to_i64, EpochRow, UptimeVoteRow, WorkerEpochRow};
use crate::schema::{epochs, uptime_votes, worker_epochs};
use crate::store::StoreError;

stored!(EpochRow: i64 = epochs(epoch), |r| r.epoch);
stored!(WorkerEpochRow: (String, i64) = worker_epochs(worker, epoch), |r| (r.worker.clone(), r.epoch));

/// The `epochs` and `worker_epochs` rows of a batch.
pub(crate) struct Epochs {
    epochs: Rows<i64, EpochRow>,
    worker_epochs: Rows<(String, i64), WorkerEpochRow>,
    /// Uptime votes, insert-only (one per attester, worker and epoch).
    votes: Vec<UptimeVoteRow>,
}

/// Keys of [`Epochs`].
#[derive(Default)]
pub(crate) struct EpochKeys {
    epochs: BTreeSet<i64>,
    /// `(worker, epoch)`.
    worker_epochs: BTreeSet<(String, i64)>,
}

/// The epoch a rewards event changes, and the worker whose row in it
/// changes.
fn epoch_of(event: RewardsEvent<'_>) -> Option<(u64, Option<&AccountAddress>)> {
    use RewardsEvent as E;
    match event {
        E::UptimeReported(e) => Some((e.epoch, Some(&e.worker))),
        E::LeaseRecorded(e) => Some((e.epoch, Some(&e.worker))),
        E::RewardClaimed(e) => Some((e.epoch, Some(&e.worker))),
        E::EpochFunded(e) => Some((e.epoch, None)),
        E::EpochClosed(e) => Some((e.epoch, None)),
        E::UptimeVoted(_) | E::UptimeVoteSkipped(_) => None,
    }
}

/// `a + b` for a u128 kept as decimal text.
fn u128_add(a: &str, b: u128) -> String {
    a.parse::<u128>().unwrap_or(0).saturating_add(b).to_string()
}

impl Epochs {
    fn epoch(&mut self, epoch: u64, version: i64) -> &mut EpochRow {
        let e = self.epochs.entry(to_i64(epoch), |&epoch| EpochRow {
            epoch,
            funded: 0,
            closed: false,
            pool: 0,
            poc_pool: 0,
            pod_pool: 0,
            total_poc_weight: "0".into(),
            total_pod_weight: "0".into(),
            rolled_over: 0,
            claimed: 0,
            reported_online_secs: 0,
            updated_version: version,
        });
        e.updated_version = version;
        e
    }

    fn worker_epoch(&mut self, worker: &AccountAddress, epoch: u64) -> &mut WorkerEpochRow {
        self.worker_epochs
            .entry((hex(worker), to_i64(epoch)), |(worker, epoch)| {
                WorkerEpochRow {
                    worker: worker.clone(),
                    epoch: *epoch,
                    online_secs: 0,
                    uptime_score: 0,
                    poc_weight: "0".into(),
                    lease_secs: 0,
                    pod_weight: "0".into(),
                    poc_amount: 0,
                    pod_amount: 0,
                    claimed: 0,
                }
            })
    }
}

impl Projection for Epochs {
    type Keys = EpochKeys;
    type Reads<'a> = ();

    fn keys(keys: &mut EpochKeys, d: &Decoded) {
        // Only the rewards module changes epochs.
        let ByModule::Rewards(e) = d.event.by_module() else {
            return;
        };
        if let Some((epoch, worker)) = epoch_of(e) {
            keys.epochs.insert(to_i64(epoch));
            if let Some(w) = worker {
                keys.worker_epochs.insert((hex(w), to_i64(epoch)));
            }
        }
    }

    fn load(conn: &mut PgConnection, keys: EpochKeys) -> Result<Self, StoreError> {
        Ok(Self {
            epochs: Rows::load(conn, &keys.epochs)?,
            worker_epochs: Rows::load(conn, &keys.worker_epochs)?,
            votes: Vec::new(),
        })
    }

    fn apply(&mut self, d: &Decoded, (): ()) {
        use RewardsEvent as E;
        let ByModule::Rewards(event) = d.event.by_module() else {
            return;
        };
        let v = to_i64(d.version);
        match event {
            E::UptimeReported(e) => {
                // A later vote can change the effective online time: the
                // report replaces the worker's earlier one for the epoch.
                let we = self.worker_epoch(&e.worker, e.epoch);
                let previous = we.online_secs;
                we.online_secs = to_i64(e.online_secs);
                we.uptime_score = to_i64(e.score);
                we.poc_weight = e.weight.to_string();
                let ep = self.epoch(e.epoch, v);
                ep.reported_online_secs = (ep.reported_online_secs - previous)
                    .max(0)
                    .saturating_add(to_i64(e.online_secs));
            }
            E::UptimeVoted(e) => self.votes.push(UptimeVoteRow {
                epoch: to_i64(e.epoch),
                worker: hex(&e.worker),
                attester: hex(&e.attester),
                online_secs: to_i64(e.online_secs),
                approvals: to_i64(e.approvals),
                threshold: to_i64(e.threshold),
                version: v,
            }),
            E::LeaseRecorded(e) => {
                let we = self.worker_epoch(&e.worker, e.epoch);
                we.lease_secs = we.lease_secs.saturating_add(to_i64(e.lease_secs));
                we.pod_weight = u128_add(&we.pod_weight, e.weight);
                self.epoch(e.epoch, v);
            }
            E::EpochFunded(e) => {
                // As on chain: until the close, the pool is the funding so far.
                let ep = self.epoch(e.epoch, v);
                ep.funded = to_i64(e.total);
                if !ep.closed {
                    ep.pool = ep.funded;
                }
            }
            E::EpochClosed(e) => {
                let ep = self.epoch(e.epoch, v);
                ep.closed = true;
                ep.pool = to_i64(e.pool);
                ep.poc_pool = to_i64(e.poc_pool);
                ep.pod_pool = to_i64(e.pod_pool);
                ep.total_poc_weight = e.total_poc_weight.to_string();
                ep.total_pod_weight = e.total_pod_weight.to_string();
                ep.rolled_over = to_i64(e.rolled_over);
            }
            E::RewardClaimed(e) => {
                let we = self.worker_epoch(&e.worker, e.epoch);
                we.poc_amount = to_i64(e.poc_amount);
                we.pod_amount = to_i64(e.pod_amount);
                we.claimed = to_i64(e.amount);
                let ep = self.epoch(e.epoch, v);
                ep.claimed = ep.claimed.saturating_add(to_i64(e.amount));
            }
            E::UptimeVoteSkipped(_) => {}
        }
    }

    fn write(self, conn: &mut PgConnection) -> Result<(), StoreError> {
        self.epochs.replace(conn)?;
        self.worker_epochs.replace(conn)?;
        append_rows!(conn, uptime_votes::table, self.votes, 7);
        Ok(())
    }
}
