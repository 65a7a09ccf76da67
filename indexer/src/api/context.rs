//! What answers are computed against: the chain time of the last indexed
//! transaction, the indexed parameters, the payment asset's decimals
//! (`ConfigInitialized`), and what the chain would compute for a worker at
//! that time.

use std::collections::HashMap;

use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::query_builder::AstPass;
use lumen_sdk::formulas;
use lumen_sdk::params::{self, Param};

use super::prepared::{Prepared, Statement};
use crate::rows::WorkerRow;

/// Chain-derived context: time, parameters, current epoch.
pub struct Ctx {
    /// Chain time of the last indexed transaction (seconds).
    pub now: u64,
    stake_factor: u64,
    min_price_per_ib_hour: u64,
    epoch_secs: u64,
    vip_days: u64,
    /// The last indexed version.
    pub indexed_version: Option<u64>,
    /// Decimals of the payment asset, as `ConfigInitialized` gave them (0
    /// before it is indexed: amounts then read as base units).
    pub decimals: u8,
}

impl Ctx {
    /// The checkpoint and every parameter in one round trip (every
    /// endpoint that derives chain values starts here).
    pub fn load(conn: &mut PgConnection) -> QueryResult<Self> {
        Ok(Self::of(Prepared(CtxQuery).get_result(conn)?))
    }

    /// The context in `row` (as [`CTX_COLUMNS`] read it).
    pub fn of(row: CtxRow) -> Self {
        let ps: HashMap<String, u64> = row
            .names
            .into_iter()
            .zip(row.vals)
            .map(|(k, v)| (k, v as u64))
            .collect();
        let p = |param: Param| ps.get(param.name).copied().unwrap_or(param.default);
        Self {
            now: row.timestamp_us.map_or(0, |t| t as u64 / 1_000_000),
            stake_factor: p(params::STAKE_FACTOR),
            min_price_per_ib_hour: p(params::MIN_PRICE_PER_IB_HOUR),
            epoch_secs: p(params::EPOCH_SECS).max(1),
            vip_days: p(params::VIP_WORKER_DAYS),
            indexed_version: row.next_version.and_then(|v| (v as u64).checked_sub(1)),
            decimals: row.decimals.map_or(0, |d| d.clamp(0, 38) as u8),
        }
    }

    /// The epoch length (`epoch_secs`).
    pub fn epoch_secs(&self) -> u64 {
        self.epoch_secs
    }

    /// The indexed `stake_factor`.
    pub fn stake_factor(&self) -> u64 {
        self.stake_factor
    }

    /// The indexed floor price `min_price_per_ib_hour`.
    pub fn min_price_per_ib_hour(&self) -> u64 {
        self.min_price_per_ib_hour
    }

    /// The indexed `vip_worker_days`.
    pub fn vip_days(&self) -> u64 {
        self.vip_days
    }

    /// The epoch `now` falls in.
    pub fn current_epoch(&self) -> u64 {
        formulas::epoch_of(self.now, self.epoch_secs)
    }

    /// Epochs `[current − days, current)` (the ended ones `vip` looks at).
    pub fn window(&self) -> (i64, i64) {
        let cur = self.current_epoch();
        (cur.saturating_sub(self.vip_days) as i64, cur as i64)
    }
}

/// The columns of a [`CtxRow`], for the select list of any statement that
/// reads the context with its own rows (one round trip instead of two).
pub const CTX_COLUMNS: &str = "\
     (SELECT version FROM checkpoint WHERE id = 1) AS next_version, \
     (SELECT timestamp_us FROM checkpoint WHERE id = 1) AS timestamp_us, \
     ARRAY(SELECT name FROM params ORDER BY name) AS names, \
     ARRAY(SELECT value FROM params ORDER BY name) AS vals, \
     (SELECT decimals FROM chain_config WHERE id = 1) AS decimals";

/// [`Ctx::load`]'s statement.
struct CtxQuery;

impl Statement for CtxQuery {
    fn walk<'b>(&'b self, mut out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        out.push_sql("SELECT ");
        out.push_sql(CTX_COLUMNS);
        Ok(())
    }
}

/// The checkpoint, the parameters and the asset's decimals.
#[derive(QueryableByName)]
pub struct CtxRow {
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::BigInt>)]
    next_version: Option<i64>,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::BigInt>)]
    timestamp_us: Option<i64>,
    #[diesel(sql_type = diesel::sql_types::Array<diesel::sql_types::Text>)]
    names: Vec<String>,
    #[diesel(sql_type = diesel::sql_types::Array<diesel::sql_types::BigInt>)]
    vals: Vec<i64>,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::SmallInt>)]
    decimals: Option<i16>,
}

/// Online seconds per worker over the priority window (of `only`, or of
/// every worker).
pub fn online_secs(
    conn: &mut PgConnection,
    ctx: &Ctx,
    only: Option<&[String]>,
) -> QueryResult<HashMap<String, u64>> {
    use diesel::sql_types::{Array, BigInt, Text};
    #[derive(QueryableByName)]
    struct Online {
        #[diesel(sql_type = Text)]
        worker: String,
        #[diesel(sql_type = BigInt)]
        secs: i64,
    }
    let (from, to) = ctx.window();
    let sql = "SELECT worker, COALESCE(SUM(online_secs), 0)::bigint AS secs FROM worker_epochs \
               WHERE epoch >= $1 AND epoch < $2";
    let rows: Vec<Online> = match only {
        Some(ws) => diesel::sql_query(format!("{sql} AND worker = ANY($3) GROUP BY worker"))
            .bind::<BigInt, _>(from)
            .bind::<BigInt, _>(to)
            .bind::<Array<Text>, _>(ws.to_vec())
            .load(conn)?,
        None => diesel::sql_query(format!("{sql} GROUP BY worker"))
            .bind::<BigInt, _>(from)
            .bind::<BigInt, _>(to)
            .load(conn)?,
    };
    Ok(rows
        .into_iter()
        .map(|r| (r.worker, r.secs.max(0) as u64))
        .collect())
}

/// What the chain would compute for a worker now.
pub struct Derived {
    /// Attested, not revoked, not expired.
    pub score_valid: bool,
    /// `S(n)` at the worker's valid score and price (raised to the
    /// protocol's floor price).
    pub min_stake: u64,
    /// What `staking::is_eligible` would answer.
    pub eligible: bool,
    /// `vip::worker_priority`.
    pub priority: u64,
}

impl Derived {
    /// The figures of `w` with `online` seconds in the priority window.
    pub fn of(w: &WorkerRow, ctx: &Ctx, online: u64) -> Self {
        Self::with_expiry(w, ctx, online, (w.score_expires_at as u64) > ctx.now)
    }

    /// The figures of `w` as long as its score has not expired: what the
    /// rows kept at ingest hold (the expiry is checked per request).
    pub fn unexpired(w: &WorkerRow, ctx: &Ctx, online: u64) -> Self {
        Self::with_expiry(w, ctx, online, true)
    }

    fn with_expiry(w: &WorkerRow, ctx: &Ctx, online: u64, unexpired: bool) -> Self {
        // As attestation::valid_report: a report exists, is not revoked and
        // `now < expires_at`; staking::is_eligible also wants a price above 0.
        let score_valid = w.gpu_model.is_some() && !w.score_revoked && unexpired;
        let score_now = if score_valid { w.score as u64 } else { 0 };
        let min_stake = formulas::min_stake_floored(
            ctx.stake_factor,
            score_now,
            w.price_per_ib_hour as u64,
            ctx.min_price_per_ib_hour,
        );
        let eligible = score_valid && w.price_per_ib_hour > 0 && w.stake as u64 >= min_stake;
        let priority = formulas::worker_priority(
            online,
            ctx.vip_days,
            score_now,
            w.frames_completed as u64,
            w.jobs_failed as u64,
            w.vip,
        );
        Self {
            score_valid,
            min_stake,
            eligible,
            priority,
        }
    }
}
