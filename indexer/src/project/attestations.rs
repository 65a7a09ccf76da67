//! Attestations: every score attested or revoked, the worker's score
//! history, and every device key registered and device released, its device
//! history (insert-only; the current score and key are on the worker's row).

use diesel::pg::PgConnection;
use diesel::prelude::*;
use lumen_sdk::events::{AttestationEvent, ByModule};

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
        use AttestationEvent as E;
        let ByModule::Attestation(event) = d.event.by_module() else {
            return;
        };
        let version = to_i64(d.version);
        let event_index = d.event_index as i32;
        match event {
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
            E::AttestationSubmitted(_) | E::RevocationSubmitted(_) => {}
        }
    }

    fn write(self, conn: &mut PgConnection) -> Result<(), StoreError> {
        append_rows!(conn, attestations::table, self.added, 16);
        append_rows!(conn, device_events::table, self.devices, 9);
        Ok(())
    }
}
