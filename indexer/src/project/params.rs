//! Parameters: the current value of each `config` parameter and the change
//! queued for it, and what `config::initialize` set (the payment asset and its
//! decimals, which the API scales amounts by).

use std::collections::BTreeSet;

use diesel::pg::PgConnection;
use diesel::prelude::*;
use lumen_sdk::events::{ByModule, ConfigEvent};

use super::{hex, replace_rows, stored, Projection, Rows};
use crate::decode::Decoded;
use crate::rows::{to_i64, ChainConfigRow, ParamRow};
use crate::schema::{chain_config, params};
use crate::store::StoreError;

stored!(ParamRow: String = params(name), |r| r.name.clone());

/// The `params` rows and the `chain_config` row of a batch.
pub(crate) struct Params {
    rows: Rows<String, ParamRow>,
    /// Set by a `ConfigInitialized` in the batch.
    config: Option<ChainConfigRow>,
}

/// What an event does to a parameter.
enum Change<'a> {
    /// `ParamsUpdated`: the value now, the queue emptied.
    Set(&'a str, u64),
    /// `ParamChangeQueued`: `(value, effective_at)` waits in the queue.
    Queued(&'a str, u64, u64),
    /// `ParamChangeCancelled`: the queue emptied.
    Cancelled(&'a str),
}

impl Change<'_> {
    fn name(&self) -> &str {
        match self {
            Change::Set(n, _) | Change::Queued(n, _, _) | Change::Cancelled(n) => n,
        }
    }
}

impl Projection for Params {
    type Keys = BTreeSet<String>;
    type Reads<'a> = ();

    fn keys(keys: &mut Self::Keys, d: &Decoded) {
        // Only config sets parameters.
        if let ByModule::Config(e) = d.event.by_module() {
            keys.extend(change_of(e).map(|change| change.name().to_string()));
        }
    }

    fn load(conn: &mut PgConnection, keys: Self::Keys) -> Result<Self, StoreError> {
        Ok(Self {
            rows: Rows::load(conn, &keys)?,
            config: None,
        })
    }

    fn apply(&mut self, d: &Decoded, (): ()) {
        let ByModule::Config(event) = d.event.by_module() else {
            return;
        };
        let version = to_i64(d.version);
        if let ConfigEvent::ConfigInitialized(e) = event {
            self.config = Some(ChainConfigRow {
                id: 1,
                admin: hex(&e.admin),
                payment_asset: hex(&e.payment_asset),
                decimals: i16::from(e.decimals),
                treasury: hex(&e.treasury),
                arbiter: hex(&e.arbiter),
                initialized_version: version,
            });
        }
        let Some(change) = change_of(event) else {
            return;
        };
        let row = self.rows.entry(change.name().to_string(), |name| ParamRow {
            name: name.clone(),
            value: 0,
            updated_version: version,
            pending_value: None,
            pending_effective_at: None,
        });
        row.updated_version = version;
        match change {
            Change::Set(_, value) => {
                row.value = to_i64(value);
                row.pending_value = None;
                row.pending_effective_at = None;
            }
            Change::Queued(_, value, effective_at) => {
                row.pending_value = Some(to_i64(value));
                row.pending_effective_at = Some(to_i64(effective_at));
            }
            Change::Cancelled(_) => {
                row.pending_value = None;
                row.pending_effective_at = None;
            }
        }
    }

    fn write(self, conn: &mut PgConnection) -> Result<(), StoreError> {
        self.rows.replace(conn)?;
        replace_rows!(
            conn,
            chain_config::table,
            chain_config::table.find(1i16),
            self.config.into_iter().collect()
        );
        Ok(())
    }
}

/// The parameter change a config event makes.
fn change_of(event: ConfigEvent<'_>) -> Option<Change<'_>> {
    use ConfigEvent as E;
    match event {
        E::ParamsUpdated(e) => Some(Change::Set(&e.name, e.new_value)),
        E::ParamChangeQueued(e) => Some(Change::Queued(&e.name, e.new_value, e.effective_at)),
        E::ParamChangeCancelled(e) => Some(Change::Cancelled(&e.name)),
        E::ConfigInitialized(_)
        | E::AdminProposed(_)
        | E::AdminTransferred(_)
        | E::PausedSet(_)
        | E::TreasurySet(_)
        | E::ArbiterAdded(_)
        | E::ArbiterRemoved(_)
        | E::AttesterAdded(_)
        | E::AttesterRemoved(_) => None,
    }
}
