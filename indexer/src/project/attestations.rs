//! Attestations: every score attested or revoked, the worker's score
//! history, and every device key registered and device released, its device
//! history (insert-only; the current score and key are on the worker's row).

use diesel::pg::PgConnection;
use diesel::prelude::*;
use lumen_sdk::events::LumenEvent;

use super::{append_rows, hex, Projection};
use crate::decode::Decoded;
use crate::rows::{hex0x, to_i64, AttestationRow, DeviceEventRow};
use crate::schema::{attestations, device_events};
use crate::store::StoreError;

/// The `attestations` and `device_events` rows a batch adds.
#[derive(Default)]
pub(crate) struct Attestations {
    added: Vec<AttestationRow>,
    devices: Vec<DeviceEventRow>,
}

impl Projection for Attestations {
    /// Nothing is read: rows are only added.
    type Keys = ();
    type Reads<'a> = ();

    fn keys((): &mut (), _: &Decoded) {}

    fn load(_: &mut PgConnection, (): ()) -> Result<Self, StoreError> {
        Ok(Self::default())
    }

    fn apply(&mut self, d: &Decoded, (): ()) {
        use LumenEvent as E;
        let version = to_i64(d.version);
        let event_index = d.event_index as i32;
        match &d.event {
            E::ScoreAttested(e) => self.added.push(AttestationRow {
                version,
                event_index,
                worker: hex(&e.worker),
                revoked: false,
                device_id: Some(hex0x(&e.device_id)),
                gpu_model: Some(e.gpu_model.clone()),
                vram_mb: Some(to_i64(e.vram_mb)),
                score: Some(to_i64(e.score)),
                bench_version: Some(to_i64(e.bench_version)),
                nonce: Some(to_i64(e.nonce)),
                measured_at: Some(to_i64(e.measured_at)),
                effective_at: Some(to_i64(e.effective_at)),
                expires_at: Some(to_i64(e.expires_at)),
                attesters: Some(serde_json::Value::Array(
                    e.attesters.iter().map(|x| hex(x).into()).collect(),
                )),
                revoked_by: None,
                reason: None,
            }),
            E::ScoreRevoked(e) => self.added.push(AttestationRow {
                version,
                event_index,
                worker: hex(&e.worker),
                revoked: true,
                device_id: None,
                gpu_model: None,
                vram_mb: None,
                score: None,
                bench_version: None,
                nonce: None,
                measured_at: None,
                effective_at: None,
                expires_at: None,
                attesters: None,
                revoked_by: Some(hex(&e.by)),
                reason: Some(e.reason.clone()),
            }),
            E::DeviceKeyRegistered(e) => self.devices.push(DeviceEventRow {
                version,
                event_index,
                worker: hex(&e.worker),
                event: "key_registered".into(),
                device_id: None,
                public_key: Some(hex0x(&e.device_public_key)),
                previous_key: (!e.previous_key.is_empty()).then(|| hex0x(&e.previous_key)),
                released_by: None,
                release_kind: None,
            }),
            E::DeviceReleased(e) => self.devices.push(DeviceEventRow {
                version,
                event_index,
                worker: hex(&e.worker),
                event: "released".into(),
                device_id: Some(hex0x(&e.device_id)),
                public_key: None,
                previous_key: None,
                released_by: Some(hex(&e.by)),
                release_kind: Some(i16::from(e.kind)),
            }),
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
            | E::RevocationSubmitted(_)
            | E::UptimeVoted(_)
            | E::UptimeVoteSkipped(_)
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
            | E::PoolSwept(_) => {}
        }
    }

    fn write(self, conn: &mut PgConnection) -> Result<(), StoreError> {
        append_rows!(conn, attestations::table, self.added, 16);
        append_rows!(conn, device_events::table, self.devices, 9);
        Ok(())
    }
}
