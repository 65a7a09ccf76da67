//! Claimable balances: settlement legs escrow could not deliver (the
//! receiving store was frozen), per owner, until withdrawn.

use std::collections::BTreeSet;

use diesel::pg::PgConnection;
use lumen_sdk::events::LumenEvent;
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

/// The owner whose claimable balance an event changes.
fn owner_of(event: &LumenEvent) -> Option<&AccountAddress> {
    use LumenEvent as E;
    match event {
        E::ClaimableCredited(e) => Some(&e.owner),
        E::ClaimableWithdrawn(e) => Some(&e.owner),
        E::ConfigInitialized(_)
        | E::ParamsUpdated(_)
        | E::AdminProposed(_)
        | E::AdminTransferred(_)
        | E::PausedSet(_)
        | E::TreasurySet(_)
        | E::ArbiterAdded(_)
        | E::ArbiterRemoved(_)
        | E::AttesterAdded(_)
        | E::AttesterRemoved(_)
        | E::DeviceKeyRegistered(_)
        | E::AttestationSubmitted(_)
        | E::ScoreAttested(_)
        | E::RevocationSubmitted(_)
        | E::ScoreRevoked(_)
        | E::DeviceReleased(_)
        | E::PriceSet(_)
        | E::Staked(_)
        | E::UnstakeRequested(_)
        | E::Withdrawn(_)
        | E::Slashed(_)
        | E::StakeLocked(_)
        | E::StakeUnlocked(_)
        | E::PenaltiesSwept(_)
        | E::JobCreated(_)
        | E::JobAssigned(_)
        | E::ResultSubmitted(_)
        | E::RerenderRequested(_)
        | E::PartiallyAccepted(_)
        | E::JobCompleted(_)
        | E::JobCancelled(_)
        | E::JobReclaimed(_)
        | E::JobDisputed(_)
        | E::DisputeResolved(_)
        | E::NonceBurned(_)
        | E::UptimeVoted(_)
        | E::UptimeVoteSkipped(_)
        | E::OfferPublished(_)
        | E::UptimeReported(_)
        | E::LeaseRecorded(_)
        | E::EpochFunded(_)
        | E::EpochClosed(_)
        | E::RewardClaimed(_)
        | E::VipMinted(_)
        | E::VipRevoked(_)
        | E::CheckedIn(_)
        | E::ParamChangeQueued(_)
        | E::ParamChangeCancelled(_)
        | E::VipExpired(_)
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
        keys.extend(owner_of(&d.event).map(hex));
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
            E::ClaimableCredited(e) => {
                let c = self.owner(&e.owner, v);
                c.balance = to_i64(e.total);
                c.credited_total = c.credited_total.saturating_add(to_i64(e.amount));
            }
            // A withdrawal takes the whole balance.
            E::ClaimableWithdrawn(e) => {
                let c = self.owner(&e.owner, v);
                c.balance = 0;
                c.withdrawn_total = c.withdrawn_total.saturating_add(to_i64(e.amount));
            }
            // `owner_of` names every event; the others touch no balance.
            _ => {}
        }
    }

    fn write(self, conn: &mut PgConnection) -> Result<(), StoreError> {
        self.rows.replace(conn)
    }
}
