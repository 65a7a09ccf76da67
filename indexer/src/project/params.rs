//! Parameters: the current value of each `config` parameter.

use std::collections::BTreeSet;

use diesel::pg::PgConnection;
use diesel::prelude::*;
use lumen_sdk::events::LumenEvent;

use super::{replace_rows, Projection, Rows};
use crate::decode::Decoded;
use crate::rows::{to_i64, ParamRow};
use crate::schema::params;
use crate::store::StoreError;

/// The `params` rows of a batch.
pub(crate) struct Params {
    rows: Rows<String, ParamRow>,
}

impl Projection for Params {
    type Keys = BTreeSet<String>;
    type Reads<'a> = ();

    fn keys(keys: &mut Self::Keys, d: &Decoded) {
        if let Some((name, _)) = param_of(&d.event) {
            keys.insert(name.to_string());
        }
    }

    fn load(conn: &mut PgConnection, keys: Self::Keys) -> Result<Self, StoreError> {
        let mut rows = Rows::new(&keys);
        if !keys.is_empty() {
            for p in params::table
                .filter(params::name.eq_any(&keys))
                .select(ParamRow::as_select())
                .load(conn)?
            {
                rows.loaded(p.name.clone(), p);
            }
        }
        Ok(Self { rows })
    }

    fn apply(&mut self, d: &Decoded, (): ()) {
        if let Some((name, value)) = param_of(&d.event) {
            self.rows.insert(
                name.to_string(),
                ParamRow {
                    name: name.to_string(),
                    value: to_i64(value),
                    updated_version: to_i64(d.version),
                },
            );
        }
    }

    fn write(self, conn: &mut PgConnection) -> Result<(), StoreError> {
        let keys: Vec<String> = self.rows.keys().cloned().collect();
        replace_rows!(
            conn,
            params::table,
            params::table.filter(params::name.eq_any(&keys)),
            self.rows.into_rows()
        );
        Ok(())
    }
}

/// The parameter an event sets, and its new value.
fn param_of(event: &LumenEvent) -> Option<(&str, u64)> {
    use LumenEvent as E;
    match event {
        E::ParamsUpdated(e) => Some((&e.name, e.new_value)),
        E::ConfigInitialized(_)
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
        | E::JobCompleted(_)
        | E::JobCancelled(_)
        | E::JobReclaimed(_)
        | E::JobDisputed(_)
        | E::DisputeResolved(_)
        | E::UptimeReported(_)
        | E::LeaseRecorded(_)
        | E::EpochFunded(_)
        | E::EpochClosed(_)
        | E::RewardClaimed(_)
        | E::VipMinted(_)
        | E::VipRevoked(_)
        | E::CheckedIn(_)
        | E::CreditsClaimed(_)
        | E::SocialTaskGranted(_)
        | E::ReferralRegistered(_)
        | E::ReferralPointsEarned(_)
        | E::CampaignFunded(_)
        | E::LeaderboardPaid(_)
        | E::CampaignConfigured(_)
        | E::PoolSwept(_) => None,
    }
}
