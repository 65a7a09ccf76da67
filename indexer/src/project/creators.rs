//! Creators: jobs created, deposits, spend and frames succeeded (as escrow
//! counts them for VIP), the creator VIP pass, and the spend per 30-day
//! month that the creator priority reads.

use std::collections::BTreeSet;

use diesel::pg::PgConnection;
use lumen_sdk::events::LumenEvent;
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

/// The creator an event changes, and whether it pays for the creator's job
/// (which also counts towards the month).
fn creator_of(event: &LumenEvent) -> (Option<&AccountAddress>, bool) {
    use LumenEvent as E;
    match event {
        E::JobCreated(e) => (Some(&e.creator), false),
        E::JobCompleted(e) => (Some(&e.creator), true),
        E::DisputeResolved(e) => (Some(&e.creator), true),
        E::VipMinted(e) => ((e.role == role::CREATOR).then_some(&e.holder), false),
        E::VipRevoked(e) => ((e.role == role::CREATOR).then_some(&e.holder), false),
        E::VipExpired(e) => ((e.role == role::CREATOR).then_some(&e.holder), false),
        E::ConfigInitialized(_)
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
        | E::UptimeVoteSkipped(_)
        | E::ScoreAttested(_)
        | E::ScoreRevoked(_)
        | E::PriceSet(_)
        | E::Staked(_)
        | E::UnstakeRequested(_)
        | E::Withdrawn(_)
        | E::Slashed(_)
        | E::PenaltiesSwept(_)
        | E::JobAssigned(_)
        | E::ResultSubmitted(_)
        | E::RerenderRequested(_)
        | E::JobCancelled(_)
        | E::JobReclaimed(_)
        | E::JobDisputed(_)
        | E::UptimeReported(_)
        | E::LeaseRecorded(_)
        | E::EpochFunded(_)
        | E::EpochClosed(_)
        | E::RewardClaimed(_)
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
        | E::PoolSwept(_) => (None, false),
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

    /// A payment for one of `creator`'s jobs (confirmed, finalized or
    /// resolved), counted in its month too.
    fn paid(&mut self, creator: &AccountAddress, d: &Decoded, gross: u64, frames: u64) {
        let c = self.creator(creator, to_i64(d.version));
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
}

impl Projection for Creators {
    type Keys = CreatorKeys;
    type Reads<'a> = ();

    fn keys(keys: &mut CreatorKeys, d: &Decoded) {
        let (creator, pays) = creator_of(&d.event);
        if let Some(c) = creator {
            keys.creators.insert(hex(c));
            if pays {
                keys.months.insert((hex(c), month_of(d.timestamp_us)));
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
        use LumenEvent as E;
        let v = to_i64(d.version);
        match &d.event {
            E::JobCreated(e) => {
                let c = self.creator(&e.creator, v);
                c.jobs_created += 1;
                c.deposited_total = c.deposited_total.saturating_add(to_i64(e.deposit));
            }
            E::JobCompleted(e) => self.paid(&e.creator, d, e.gross, e.frames_paid),
            E::DisputeResolved(e) => self.paid(&e.creator, d, e.gross, e.frames_paid),
            E::VipMinted(e) if e.role == role::CREATOR => self.creator(&e.holder, v).vip = true,
            E::VipRevoked(e) if e.role == role::CREATOR => self.creator(&e.holder, v).vip = false,
            E::VipExpired(e) if e.role == role::CREATOR => self.creator(&e.holder, v).vip = false,
            E::VipMinted(_) | E::VipRevoked(_) | E::VipExpired(_) => {}
            E::ConfigInitialized(_)
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
            | E::UptimeVoteSkipped(_)
            | E::ScoreAttested(_)
            | E::ScoreRevoked(_)
            | E::PriceSet(_)
            | E::Staked(_)
            | E::UnstakeRequested(_)
            | E::Withdrawn(_)
            | E::Slashed(_)
            | E::PenaltiesSwept(_)
            | E::JobAssigned(_)
            | E::ResultSubmitted(_)
            | E::RerenderRequested(_)
            | E::JobCancelled(_)
            | E::JobReclaimed(_)
            | E::JobDisputed(_)
            | E::UptimeReported(_)
            | E::LeaseRecorded(_)
            | E::EpochFunded(_)
            | E::EpochClosed(_)
            | E::RewardClaimed(_)
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
        self.creators.replace(conn)?;
        self.months.replace(conn)
    }
}
