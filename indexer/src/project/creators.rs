//! Creators: jobs created, deposits, spend and frames succeeded (as escrow
//! counts them for VIP), the creator VIP pass, and the spend per 30-day
//! month that the creator priority reads.

use std::collections::BTreeSet;

use diesel::pg::PgConnection;
use lumen_sdk::events::{ByModule, EscrowEvent, LumenEvent, VipEvent};
use lumen_sdk::AccountAddress;

use super::{hex, role, stored, Projection, Rows};
use crate::decode::Decoded;
use crate::rows::{to_i64, CreatorMonthRow, CreatorRow};
use crate::schema::{creator_months, creators};
use crate::store::StoreError;

stored!(CreatorRow: String = creators(address), |r| r.address.clone());
stored!(CreatorMonthRow: (String, i64) = creator_months(creator, month), |r| (r.creator.clone(), r.month));

/// The `creators` and `creator_months` rows of a batch.
pub(crate) struct Creators {
    creators: Rows<String, CreatorRow>,
    months: Rows<(String, i64), CreatorMonthRow>,
}

/// Keys of [`Creators`].
#[derive(Default)]
pub(crate) struct CreatorKeys {
    creators: BTreeSet<String>,
    /// `(creator, month)` of each payment.
    months: BTreeSet<(String, i64)>,
}

/// The 30-day month of a transaction time in microseconds.
fn month_of(timestamp_us: u64) -> i64 {
    to_i64(lumen_sdk::formulas::month_of(timestamp_us / 1_000_000))
}

/// What an event does to a creator.
enum Change {
    /// A job created with `deposit`.
    Created { deposit: u64 },
    /// A payment for one of its jobs (confirmed, finalized or resolved),
    /// which also counts towards the month.
    Paid { gross: u64, frames: u64 },
    /// The creator VIP pass minted (`true`) or burnt.
    Vip(bool),
}

/// The creator an event changes, and how.
fn change_of(event: &LumenEvent) -> Option<(&AccountAddress, Change)> {
    let creator_pass =
        |holder, pass_role, vip| (pass_role == role::CREATOR).then_some((holder, Change::Vip(vip)));
    match event.by_module() {
        ByModule::Escrow(event) => {
            use EscrowEvent as E;
            match event {
                E::JobCreated(e) => Some((&e.creator, Change::Created { deposit: e.deposit })),
                E::JobCompleted(e) => Some((
                    &e.creator,
                    Change::Paid {
                        gross: e.gross,
                        frames: e.frames_paid,
                    },
                )),
                E::DisputeResolved(e) => Some((
                    &e.creator,
                    Change::Paid {
                        gross: e.gross,
                        frames: e.frames_paid,
                    },
                )),
                E::JobAssigned(_)
                | E::ResultSubmitted(_)
                | E::RerenderRequested(_)
                | E::PartiallyAccepted(_)
                | E::JobCancelled(_)
                | E::JobReclaimed(_)
                | E::JobDisputed(_)
                | E::NonceBurned(_)
                | E::ClaimableCredited(_)
                | E::ClaimableWithdrawn(_) => None,
            }
        }
        ByModule::Vip(event) => {
            use VipEvent as E;
            match event {
                E::VipMinted(e) => creator_pass(&e.holder, e.role, true),
                E::VipRevoked(e) => creator_pass(&e.holder, e.role, false),
                E::VipExpired(e) => creator_pass(&e.holder, e.role, false),
                E::VipBanLifted(_) => None,
            }
        }
        ByModule::Config(_)
        | ByModule::Attestation(_)
        | ByModule::Staking(_)
        | ByModule::Offers(_)
        | ByModule::Rewards(_)
        | ByModule::Campaign(_) => None,
    }
}

impl Creators {
    fn creator(&mut self, addr: &AccountAddress, version: i64) -> &mut CreatorRow {
        let c = self.creators.entry(hex(addr), |a| CreatorRow {
            address: a.clone(),
            jobs_created: 0,
            deposited_total: 0,
            spent_total: 0,
            frames_succeeded: 0,
            vip: false,
            updated_version: version,
        });
        c.updated_version = version;
        c
    }
}

impl Projection for Creators {
    type Keys = CreatorKeys;
    type Reads<'a> = ();

    fn keys(keys: &mut CreatorKeys, d: &Decoded) {
        if let Some((creator, change)) = change_of(&d.event) {
            keys.creators.insert(hex(creator));
            if let Change::Paid { .. } = change {
                keys.months.insert((hex(creator), month_of(d.timestamp_us)));
            }
        }
    }

    fn load(conn: &mut PgConnection, keys: CreatorKeys) -> Result<Self, StoreError> {
        Ok(Self {
            creators: Rows::load(conn, &keys.creators)?,
            months: Rows::load(conn, &keys.months)?,
        })
    }

    fn apply(&mut self, d: &Decoded, (): ()) {
        let Some((creator, change)) = change_of(&d.event) else {
            return;
        };
        let c = self.creator(creator, to_i64(d.version));
        match change {
            Change::Created { deposit } => {
                c.jobs_created += 1;
                c.deposited_total = c.deposited_total.saturating_add(to_i64(deposit));
            }
            Change::Paid { gross, frames } => {
                c.spent_total = c.spent_total.saturating_add(to_i64(gross));
                c.frames_succeeded = c.frames_succeeded.saturating_add(to_i64(frames));
                let m = self.months.entry(
                    (hex(creator), month_of(d.timestamp_us)),
                    |(creator, month)| CreatorMonthRow {
                        creator: creator.clone(),
                        month: *month,
                        spent: 0,
                    },
                );
                m.spent = m.spent.saturating_add(to_i64(gross));
            }
            Change::Vip(vip) => c.vip = vip,
        }
    }

    fn write(self, conn: &mut PgConnection) -> Result<(), StoreError> {
        self.creators.replace(conn)?;
        self.months.replace(conn)
    }
}
