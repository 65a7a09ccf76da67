//! The package's configuration as the chain set it: parameters, the payment
//! asset, the admin, treasury, arbiter set and pause switch, and the attesters.
//!
//! `config` events are few (one per parameter at initialisation, then one
//! per change), so they are folded from the raw event log per request
//! through its `(event_type, version)` index, decoded by `lumen_sdk`, rather
//! than kept in projections of their own.

use std::collections::BTreeMap;

use axum::extract::State;
use axum::Json;
use diesel::prelude::*;
use lumen_sdk::events::*;
use lumen_sdk::params::PARAMS;
use lumen_sdk::Package;
use serde::Serialize;
use utoipa::ToSchema;

use super::context::Ctx;
use super::error::{ApiError, CommonErrors};
use super::params::Query;
use super::status::NoParams;
use super::{db, AppState};
use crate::rows::ParamRow;
use crate::schema::{checkpoint, events, params};

/// The payment asset.
#[derive(Serialize, ToSchema)]
pub struct AssetView {
    /// Its `Object<Metadata>` address (from `config::initialize`).
    metadata: Option<String>,
    /// Decimals: amounts are base units, shown divided by `10^decimals`.
    decimals: u8,
    /// The symbol shown next to amounts.
    symbol: String,
}

/// One `config` parameter.
#[derive(Serialize, ToSchema)]
pub struct ParamView {
    /// The name `config::set_param` takes.
    name: &'static str,
    /// The value on chain (the default before any `ParamsUpdated`).
    value: u64,
    /// What `config::initialize` sets.
    default: u64,
    /// Smallest accepted value.
    min: u64,
    /// Largest accepted value.
    max: u64,
    /// The version of its last change.
    updated_version: Option<i64>,
}

/// `GET /v1/params`.
#[derive(Serialize, ToSchema)]
pub struct NetworkParams {
    /// The package the database mirrors.
    package: Option<String>,
    /// The chain it was indexed from.
    chain_id: Option<u8>,
    /// `config::initialize` has been indexed.
    initialized: bool,
    asset: AssetView,
    /// The admin.
    admin: Option<String>,
    /// A proposed admin that has not accepted yet.
    pending_admin: Option<String>,
    /// Where fees go.
    treasury: Option<String>,
    /// Who may resolve disputes (the arbiter set, in the order added).
    arbiters: Vec<String>,
    /// The pause switch.
    paused: bool,
    /// Authorised attesters.
    attesters: usize,
    /// Chain time of the last indexed transaction (seconds).
    chain_time: u64,
    /// The epoch of `chain_time`.
    current_epoch: u64,
    /// Every parameter, in `move/README.md`'s order.
    params: Vec<ParamView>,
}

/// An authorised attester.
#[derive(Serialize, ToSchema)]
pub struct AttesterView {
    address: String,
    /// The version that authorised it.
    added_version: i64,
    /// When (µs).
    added_at_us: i64,
    /// Benchmark reports it submitted.
    submissions: i64,
    /// Time of its last submission (µs).
    last_submission_us: Option<i64>,
}

/// `GET /v1/attesters`.
#[derive(Serialize, ToSchema)]
pub struct AttesterList {
    /// Distinct attesters a report needs (`attester_threshold`).
    threshold: u64,
    /// Current attesters, in the order they were added.
    items: Vec<AttesterView>,
}

/// What the `config` events say, folded in chain order.
#[derive(Default)]
struct Config {
    initialized: bool,
    asset: Option<String>,
    admin: Option<String>,
    pending_admin: Option<String>,
    treasury: Option<String>,
    /// The arbiter set, in the order added.
    arbiters: Vec<String>,
    paused: bool,
    /// Current attesters with the version and time that added them.
    attesters: BTreeMap<String, (i64, i64)>,
}

fn type_name(module: &str, name: &str) -> String {
    format!("{module}::{name}")
}

/// Reads and folds the `config` events below the checkpoint.
fn load_config(c: &mut PgConnection) -> Result<(Config, Option<Package>), ApiError> {
    let package: Option<String> = checkpoint::table
        .select(checkpoint::package)
        .first(c)
        .optional()?;
    let Some(package) = package else {
        return Ok((Config::default(), None));
    };
    let package: Package = package.parse().map_err(ApiError::internal)?;
    let types = [
        (ConfigInitialized::MODULE, ConfigInitialized::NAME),
        (AdminProposed::MODULE, AdminProposed::NAME),
        (AdminTransferred::MODULE, AdminTransferred::NAME),
        (PausedSet::MODULE, PausedSet::NAME),
        (TreasurySet::MODULE, TreasurySet::NAME),
        (ArbiterAdded::MODULE, ArbiterAdded::NAME),
        (ArbiterRemoved::MODULE, ArbiterRemoved::NAME),
        (AttesterAdded::MODULE, AttesterAdded::NAME),
        (AttesterRemoved::MODULE, AttesterRemoved::NAME),
    ]
    .map(|(m, n)| type_name(m, n));
    let below = checkpoint::table
        .select(checkpoint::version)
        .single_value()
        .assume_not_null();
    let rows: Vec<(i64, i64, String, serde_json::Value)> = events::table
        .filter(events::event_type.eq_any(&types))
        .filter(events::version.lt(below))
        .order((events::version, events::event_index))
        .select((
            events::version,
            events::timestamp_us,
            events::event_type,
            events::data,
        ))
        .load(c)?;
    let hex = |a: &lumen_sdk::AccountAddress| a.to_hex();
    let mut cfg = Config::default();
    for (version, at, ty, data) in rows {
        let (module, name) = ty.split_once("::").unwrap_or_default();
        let full = package.member(module, name);
        let event = LumenEvent::decode(&package, &full, &data).map_err(ApiError::internal)?;
        match event {
            Some(LumenEvent::ConfigInitialized(e)) => {
                cfg.initialized = true;
                cfg.asset = Some(hex(&e.payment_asset));
                cfg.admin = Some(hex(&e.admin));
                cfg.treasury = Some(hex(&e.treasury));
                // `initialize` starts the set; its first member follows as `ArbiterAdded`.
                cfg.arbiters.clear();
            }
            Some(LumenEvent::AdminProposed(e)) => cfg.pending_admin = Some(hex(&e.proposed)),
            Some(LumenEvent::AdminTransferred(e)) => {
                cfg.admin = Some(hex(&e.new_admin));
                cfg.pending_admin = None;
            }
            Some(LumenEvent::PausedSet(e)) => cfg.paused = e.paused,
            Some(LumenEvent::TreasurySet(e)) => cfg.treasury = Some(hex(&e.treasury)),
            Some(LumenEvent::ArbiterAdded(e)) => cfg.arbiters.push(hex(&e.arbiter)),
            Some(LumenEvent::ArbiterRemoved(e)) => {
                let gone = hex(&e.arbiter);
                cfg.arbiters.retain(|a| *a != gone);
            }
            Some(LumenEvent::AttesterAdded(e)) => {
                cfg.attesters.insert(hex(&e.attester), (version, at));
            }
            Some(LumenEvent::AttesterRemoved(e)) => {
                cfg.attesters.remove(&hex(&e.attester));
            }
            _ => {}
        }
    }
    Ok((cfg, Some(package)))
}

/// The value of every parameter.
fn load_params(c: &mut PgConnection) -> Result<Vec<ParamView>, ApiError> {
    let rows: Vec<ParamRow> = params::table.select(ParamRow::as_select()).load(c)?;
    Ok(PARAMS
        .iter()
        .map(|p| {
            let row = rows.iter().find(|r| r.name == p.name);
            ParamView {
                name: p.name,
                value: row.map_or(p.default, |r| r.value as u64),
                default: p.default,
                min: p.min,
                max: p.max,
                updated_version: row.map(|r| r.updated_version),
            }
        })
        .collect())
}

/// Every parameter, the payment asset with its decimals and symbol, the
/// admin, treasury, arbiter set, pause switch and attester count.
#[utoipa::path(get, path = "/v1/params", tag = "network", params(NoParams),
    responses((status = 200, body = NetworkParams), CommonErrors))]
pub async fn network_params(
    State(st): State<AppState>,
    Query(NoParams {}): Query<NoParams>,
) -> Result<Json<NetworkParams>, ApiError> {
    let symbol = st.asset_symbol.clone();
    db(&st, move |c| {
        let ctx = Ctx::load(c)?;
        let decimals = ctx.decimals;
        let (cfg, package) = load_config(c)?;
        let chain_id: Option<Option<i64>> = checkpoint::table
            .select(checkpoint::chain_id)
            .first(c)
            .optional()?;
        Ok(Json(NetworkParams {
            package: package.map(|p| p.address.to_hex()),
            chain_id: chain_id.flatten().map(|id| id as u8),
            initialized: cfg.initialized,
            asset: AssetView {
                metadata: cfg.asset,
                decimals,
                symbol,
            },
            admin: cfg.admin,
            pending_admin: cfg.pending_admin,
            treasury: cfg.treasury,
            arbiters: cfg.arbiters,
            paused: cfg.paused,
            attesters: cfg.attesters.len(),
            chain_time: ctx.now,
            current_epoch: ctx.current_epoch(),
            params: load_params(c)?,
        }))
    })
    .await
}

/// The authorised attesters with their benchmark submissions.
#[utoipa::path(get, path = "/v1/attesters", tag = "network", params(NoParams),
    responses((status = 200, body = AttesterList), CommonErrors))]
pub async fn attesters(
    State(st): State<AppState>,
    Query(NoParams {}): Query<NoParams>,
) -> Result<Json<AttesterList>, ApiError> {
    db(&st, move |c| {
        let (cfg, _) = load_config(c)?;
        let threshold = load_params(c)?
            .iter()
            .find(|p| p.name == lumen_sdk::params::ATTESTER_THRESHOLD.name)
            .map_or(1, |p| p.value);
        #[derive(QueryableByName)]
        struct Submissions {
            #[diesel(sql_type = diesel::sql_types::Text)]
            attester: String,
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            last_us: i64,
        }
        // Reports are submitted about once per worker per score period, so
        // counting them is a scan of a small slice of the log.
        let counted: Vec<Submissions> = diesel::sql_query(
            "SELECT data->>'attester' AS attester, count(*) AS n, max(timestamp_us) AS last_us \
             FROM events WHERE event_type = $1 AND version < (SELECT version FROM checkpoint) \
             GROUP BY 1",
        )
        .bind::<diesel::sql_types::Text, _>(type_name(
            AttestationSubmitted::MODULE,
            AttestationSubmitted::NAME,
        ))
        .load(c)?;
        let of = |a: &str| {
            counted.iter().find(|s| {
                lumen_sdk::AccountAddress::from_hex(&s.attester).is_ok_and(|x| x.to_hex() == a)
            })
        };
        let mut items: Vec<AttesterView> = cfg
            .attesters
            .into_iter()
            .map(|(address, (added_version, added_at_us))| {
                let s = of(&address);
                AttesterView {
                    submissions: s.map_or(0, |s| s.n),
                    last_submission_us: s.map(|s| s.last_us),
                    address,
                    added_version,
                    added_at_us,
                }
            })
            .collect();
        items.sort_by_key(|a| a.added_version);
        Ok(Json(AttesterList { threshold, items }))
    })
    .await
}
