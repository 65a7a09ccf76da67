//! VIP passes: one row per holder and role, minted and revoked (the holder's
//! `vip` flag lives on its worker or creator row).

use std::collections::BTreeSet;

use diesel::pg::PgConnection;
use lumen_sdk::events::{ByModule, VipEvent};
use lumen_sdk::AccountAddress;

use super::{hex, stored, Projection, Rows};
use crate::decode::Decoded;
use crate::rows::{to_i64, VipPassRow};
use crate::schema::vip_passes;
use crate::store::StoreError;

// By holder (both roles): a holder's passes are read and written together.
stored!(VipPassRow: (String, i16) = vip_passes(holder, _), |r| (r.holder.clone(), r.role));

/// VIP role codes (`lumen_sdk::codes::VipRole`).
pub mod role {
    use lumen_sdk::codes::VipRole;

    /// Creator pass.
    pub const CREATOR: u8 = VipRole::Creator as u8;
    /// Worker pass.
    pub const WORKER: u8 = VipRole::Worker as u8;
}

/// The `vip_passes` rows of a batch, by `(holder, role)`.
pub(crate) struct VipPasses {
    rows: Rows<(String, i16), VipPassRow>,
}

/// The pass a VIP event is about.
fn pass_of(event: VipEvent<'_>) -> (&AccountAddress, u8) {
    match event {
        VipEvent::VipMinted(e) => (&e.holder, e.role),
        VipEvent::VipRevoked(e) => (&e.holder, e.role),
        VipEvent::VipExpired(e) => (&e.holder, e.role),
        VipEvent::VipBanLifted(e) => (&e.holder, e.role),
    }
}

impl VipPasses {
    /// The pass of `holder` for `role`, marked burnt at `version` (`revoked`
    /// covers every burnt pass; `expired` and `banned` say how).
    fn burnt(
        &mut self,
        holder: &AccountAddress,
        role: u8,
        token: &AccountAddress,
        version: i64,
    ) -> &mut VipPassRow {
        let row = self
            .rows
            .entry((hex(holder), role as i16), |(holder, role)| VipPassRow {
                holder: holder.clone(),
                role: *role,
                token: hex(token),
                minted_at: 0,
                revoked: true,
                revoked_by: None,
                updated_version: version,
                expired: false,
                banned: false,
            });
        row.revoked = true;
        row.updated_version = version;
        row
    }
}

impl Projection for VipPasses {
    type Keys = BTreeSet<(String, i16)>;
    type Reads<'a> = ();

    fn keys(keys: &mut Self::Keys, d: &Decoded) {
        // Only the VIP module mints and burns passes.
        if let ByModule::Vip(e) = d.event.by_module() {
            let (holder, role) = pass_of(e);
            keys.insert((hex(holder), role as i16));
        }
    }

    fn load(conn: &mut PgConnection, keys: Self::Keys) -> Result<Self, StoreError> {
        Ok(Self {
            rows: Rows::load(conn, &keys)?,
        })
    }

    fn apply(&mut self, d: &Decoded, (): ()) {
        use VipEvent as E;
        let ByModule::Vip(event) = d.event.by_module() else {
            return;
        };
        let v = to_i64(d.version);
        match event {
            E::VipMinted(e) => self.rows.insert(
                (hex(&e.holder), e.role as i16),
                VipPassRow {
                    holder: hex(&e.holder),
                    role: e.role as i16,
                    token: hex(&e.token),
                    minted_at: to_i64(e.minted_at),
                    revoked: false,
                    revoked_by: None,
                    updated_version: v,
                    expired: false,
                    banned: false,
                },
            ),
            E::VipRevoked(e) => {
                let row = self.burnt(&e.holder, e.role, &e.token, v);
                row.revoked_by = Some(hex(&e.by));
                row.banned = true;
            }
            E::VipExpired(e) => {
                let row = self.burnt(&e.holder, e.role, &e.token, v);
                row.revoked_by = Some(hex(&e.by));
                row.expired = true;
            }
            E::VipBanLifted(e) => {
                if let Some(row) = self.rows.get_mut(&(hex(&e.holder), e.role as i16)) {
                    row.banned = false;
                    row.updated_version = v;
                }
            }
        }
    }

    fn write(self, conn: &mut PgConnection) -> Result<(), StoreError> {
        self.rows.replace(conn)
    }
}
