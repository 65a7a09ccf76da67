//! Claimable balances: settlement legs escrow could not deliver (the
//! receiving store was frozen), per owner, until withdrawn.

use std::collections::BTreeSet;

use diesel::pg::PgConnection;
use lumen_sdk::events::{ByModule, EscrowEvent};
use lumen_sdk::AccountAddress;

use super::{hex, stored, Projection, Rows};
use crate::decode::Decoded;
use crate::rows::{to_i64, ClaimableRow};
use crate::schema::claimables;
use crate::store::StoreError;

stored!(ClaimableRow: String = claimables(owner), |r| r.owner.clone());

/// The `claimables` rows of a batch.
pub(crate) struct Claimables {
    rows: Rows<String, ClaimableRow>,
}

/// What an escrow event does to a claimable balance.
enum Change {
    /// `amount` credited, bringing the balance to `total`.
    Credited { amount: u64, total: u64 },
    /// The whole balance, `amount`, withdrawn.
    Withdrawn { amount: u64 },
}

/// The owner whose claimable balance an escrow event changes, and how.
fn change_of(event: EscrowEvent<'_>) -> Option<(&AccountAddress, Change)> {
    use EscrowEvent as E;
    match event {
        E::ClaimableCredited(e) => Some((
            &e.owner,
            Change::Credited {
                amount: e.amount,
                total: e.total,
            },
        )),
        E::ClaimableWithdrawn(e) => Some((&e.owner, Change::Withdrawn { amount: e.amount })),
        E::JobCreated(_)
        | E::JobAssigned(_)
        | E::ResultSubmitted(_)
        | E::RerenderRequested(_)
        | E::PartiallyAccepted(_)
        | E::JobCompleted(_)
        | E::JobCancelled(_)
        | E::JobReclaimed(_)
        | E::JobDisputed(_)
        | E::DisputeResolved(_)
        | E::NonceBurned(_) => None,
    }
}

impl Claimables {
    /// The owner's row (a new one when first credited), stamped with `version`.
    fn owner(&mut self, addr: &AccountAddress, version: i64) -> &mut ClaimableRow {
        let c = self.rows.entry(hex(addr), |owner| {
            ClaimableRow::empty(owner.clone(), version)
        });
        c.updated_version = version;
        c
    }
}

impl Projection for Claimables {
    type Keys = BTreeSet<String>;
    type Reads<'a> = ();

    fn keys(keys: &mut Self::Keys, d: &Decoded) {
        // Only escrow credits and withdraws claimable balances.
        if let ByModule::Escrow(e) = d.event.by_module() {
            keys.extend(change_of(e).map(|(owner, _)| hex(owner)));
        }
    }

    fn load(conn: &mut PgConnection, keys: Self::Keys) -> Result<Self, StoreError> {
        Ok(Self {
            rows: Rows::load(conn, &keys)?,
        })
    }

    fn apply(&mut self, d: &Decoded, (): ()) {
        let ByModule::Escrow(event) = d.event.by_module() else {
            return;
        };
        let Some((owner, change)) = change_of(event) else {
            return;
        };
        let c = self.owner(owner, to_i64(d.version));
        match change {
            Change::Credited { amount, total } => {
                c.balance = to_i64(total);
                c.credited_total = c.credited_total.saturating_add(to_i64(amount));
            }
            // A withdrawal takes the whole balance.
            Change::Withdrawn { amount } => {
                c.balance = 0;
                c.withdrawn_total = c.withdrawn_total.saturating_add(to_i64(amount));
            }
        }
    }

    fn write(self, conn: &mut PgConnection) -> Result<(), StoreError> {
        self.rows.replace(conn)
    }
}
