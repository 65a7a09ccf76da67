//! The eligible workers and their priority, kept at ingest
//! (`eligible_workers`): a job's candidates are the rows its own
//! requirements and the score's expiry leave, read in priority order,
//! instead of every worker ranked per request.
//!
//! A row holds what `staking::is_eligible` and `vip::worker_priority` would
//! compute with the worker's score still valid; whether it has expired
//! depends on the time of the request and is checked then. The figures
//! depend on the priority window (the ended epochs `vip_worker_days` back),
//! `stake_factor`, `vip_worker_days` and the floor price
//! `min_price_per_ib_hour`: `eligible_basis` records those the
//! rows were computed for. Each batch recomputes the workers it touched;
//! when the basis moved (a new epoch began, a parameter changed) it
//! recomputes every worker.

use std::collections::BTreeSet;

use diesel::prelude::*;

use crate::api::context::{online_secs, Ctx, Derived};
use crate::rows::{to_i64, WorkerRow};
use crate::schema::{eligible_basis, eligible_workers, workers};
use crate::store::{chunk_rows, StoreError};

/// A worker that is eligible while its score is valid.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable, Insertable)]
#[diesel(table_name = eligible_workers, check_for_backend(diesel::pg::Pg))]
pub struct EligibleRow {
    /// The worker.
    pub address: String,
    /// Its attested score.
    pub score: i64,
    /// Its VRAM (MB).
    pub vram_mb: i64,
    /// When its score expires (seconds).
    pub score_expires_at: i64,
    /// Holds a worker VIP pass.
    pub vip: bool,
    /// `vip::worker_priority` with the score valid.
    pub priority: i64,
    /// Online seconds in the priority window.
    pub online_secs: i64,
}

/// What the rows were computed for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = eligible_basis, check_for_backend(diesel::pg::Pg))]
struct Basis {
    id: i32,
    window_from: i64,
    window_to: i64,
    stake_factor: i64,
    vip_days: i64,
    min_price: i64,
}

impl Basis {
    fn of(ctx: &Ctx) -> Self {
        let (window_from, window_to) = ctx.window();
        Self {
            id: 1,
            window_from,
            window_to,
            stake_factor: to_i64(ctx.stake_factor()),
            vip_days: to_i64(ctx.vip_days()),
            min_price: to_i64(ctx.min_price_per_ib_hour()),
        }
    }
}

/// Brings the rows up to date with the checkpoint written in this
/// transaction: the `touched` workers (addresses as stored), or every
/// worker when the basis moved.
pub fn refresh(conn: &mut PgConnection, touched: &BTreeSet<String>) -> Result<(), StoreError> {
    let ctx = Ctx::load(conn)?;
    let basis = Basis::of(&ctx);
    let stored: Option<Basis> = eligible_basis::table
        .select(Basis::as_select())
        .first(conn)
        .optional()?;
    if stored != Some(basis) {
        recompute(conn, &ctx, None)?;
        diesel::insert_into(eligible_basis::table)
            .values(basis)
            .on_conflict(eligible_basis::id)
            .do_update()
            .set((
                eligible_basis::window_from.eq(basis.window_from),
                eligible_basis::window_to.eq(basis.window_to),
                eligible_basis::stake_factor.eq(basis.stake_factor),
                eligible_basis::vip_days.eq(basis.vip_days),
                eligible_basis::min_price.eq(basis.min_price),
            ))
            .execute(conn)?;
    } else if !touched.is_empty() {
        let only: Vec<String> = touched.iter().cloned().collect();
        recompute(conn, &ctx, Some(&only))?;
    }
    Ok(())
}

/// Replaces the rows of `only` (or all rows) by what the workers' rows and
/// uptime give now.
fn recompute(
    conn: &mut PgConnection,
    ctx: &Ctx,
    only: Option<&[String]>,
) -> Result<(), StoreError> {
    let rows: Vec<WorkerRow> = match only {
        Some(a) => workers::table
            .filter(workers::address.eq_any(a))
            .select(WorkerRow::as_select())
            .load(conn)?,
        None => workers::table.select(WorkerRow::as_select()).load(conn)?,
    };
    // One grouped scan beats `= ANY(…)` over many addresses.
    let online = online_secs(conn, ctx, only.filter(|a| a.len() <= 64))?;
    let fresh: Vec<EligibleRow> = rows
        .into_iter()
        .filter_map(|w| {
            let secs = online.get(&w.address).copied().unwrap_or(0);
            let d = Derived::unexpired(&w, ctx, secs);
            d.eligible.then(|| EligibleRow {
                address: w.address,
                score: w.score,
                vram_mb: w.vram_mb,
                score_expires_at: w.score_expires_at,
                vip: w.vip,
                priority: to_i64(d.priority),
                online_secs: to_i64(secs),
            })
        })
        .collect();
    match only {
        Some(a) => {
            diesel::delete(eligible_workers::table.filter(eligible_workers::address.eq_any(a)))
                .execute(conn)?
        }
        None => diesel::delete(eligible_workers::table).execute(conn)?,
    };
    for chunk in fresh.chunks(chunk_rows(7)) {
        diesel::insert_into(eligible_workers::table)
            .values(chunk)
            .execute(conn)?;
    }
    Ok(())
}

/// A job's candidates: how many workers are eligible, how many VIP slots
/// lead the ranking, and its first `limit` rows.
pub struct Ranked {
    /// Eligible workers in all.
    pub total: usize,
    /// The VIP workers placed first: the top 10 % (rounded up) of the
    /// eligible VIP workers by priority.
    pub vip_first: usize,
    /// The top of the ranking.
    pub items: Vec<EligibleRow>,
}

/// The workers eligible at `now` for a job asking `min_score` and
/// `min_vram_mb`, ranked by the seed's rule (as `api::rank_by`): the VIP
/// slots first, then everyone else by priority, ties by address. Reads the
/// rows through the index on the priority; only the counts scan.
pub fn ranked(
    conn: &mut PgConnection,
    now: u64,
    min_score: i64,
    min_vram_mb: i64,
    limit: usize,
) -> QueryResult<Ranked> {
    use eligible_workers as e;
    let of_job = || {
        e::table
            .filter(e::score.ge(min_score))
            .filter(e::vram_mb.ge(min_vram_mb))
            .filter(e::score_expires_at.gt(to_i64(now)))
    };
    let order = (e::priority.desc(), e::address.asc());
    // Both counts in one scan.
    let (total, vips): (i64, i64) = of_job()
        .select((
            diesel::dsl::count_star(),
            diesel::dsl::sql::<diesel::sql_types::BigInt>("count(*) FILTER (WHERE vip)"),
        ))
        .get_result(conn)?;
    let vip_first = (vips as usize).div_ceil(10);
    let first: Vec<EligibleRow> = of_job()
        .filter(e::vip.eq(true))
        .order(order)
        .limit(to_i64(vip_first.min(limit) as u64))
        .select(EligibleRow::as_select())
        .load(conn)?;
    let rest: Vec<EligibleRow> = of_job()
        .order(order)
        .limit(to_i64((limit + first.len()) as u64))
        .select(EligibleRow::as_select())
        .load(conn)?;
    let items = first
        .iter()
        .cloned()
        .chain(rest.into_iter().filter(|r| !first.contains(r)))
        .take(limit)
        .collect();
    Ok(Ranked {
        total: total as usize,
        vip_first,
        items,
    })
}

#[cfg(test)]
mod tests;
