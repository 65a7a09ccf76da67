//! The priority order of workers: the seed's VIP rule for candidates, and
//! the plain order of the priority list and the worker leaderboard.

use diesel::prelude::*;

use super::context::{online_secs, Ctx};
use super::error::ApiError;
use super::views::WorkerView;
use crate::rows::WorkerRow;
use crate::schema::workers;

/// The seed's rule: the top 10 % (rounded up) of the VIP workers by
/// priority score go first, then everyone else by priority score; ties by
/// address. Returns the order and how many VIP slots lead it. The rule
/// stated in Rust: the candidates read the ranking kept at ingest
/// (`crate::eligible::ranked`), whose tests hold it to this.
pub fn rank_by<T>(
    mut all: Vec<T>,
    priority: impl Fn(&T) -> u64,
    address: impl Fn(&T) -> &str,
    vip: impl Fn(&T) -> bool,
) -> (Vec<T>, usize) {
    all.sort_by(|a, b| {
        priority(b)
            .cmp(&priority(a))
            .then_with(|| address(a).cmp(address(b)))
    });
    let vips = all.iter().filter(|v| vip(v)).count();
    let slots = vips.div_ceil(10);
    let mut first = Vec::with_capacity(slots);
    let mut rest = Vec::with_capacity(all.len());
    for v in all {
        if first.len() < slots && vip(&v) {
            first.push(v);
        } else {
            rest.push(v);
        }
    }
    first.extend(rest);
    (first, slots)
}

/// Every worker with its derived fields, highest priority first (address
/// breaks ties), for the priority list and the worker leaderboard.
pub fn workers_by_priority(c: &mut PgConnection, ctx: &Ctx) -> Result<Vec<WorkerView>, ApiError> {
    let rows: Vec<WorkerRow> = workers::table.select(WorkerRow::as_select()).load(c)?;
    let online = online_secs(c, ctx, None)?;
    let mut all: Vec<WorkerView> = rows
        .into_iter()
        .map(|w| {
            let secs = online.get(&w.address).copied().unwrap_or(0);
            WorkerView::new(w, ctx, secs)
        })
        .collect();
    all.sort_by(|a, b| {
        b.priority
            .cmp(&a.priority)
            .then_with(|| a.row.address.cmp(&b.row.address))
    });
    Ok(all)
}
