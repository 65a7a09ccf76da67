//! What `escrow`'s views read: the registry, claimable balances, creator
//! counters and jobs.

use lumen_sdk::formulas;
use lumen_sdk::AccountAddress;

use super::{Job, SEED};
use crate::{Abort, Chain, ObjectKind};

/// The escrow registry object, whose store holds the claimable balances.
pub fn registry(c: &Chain) -> AccountAddress {
    c.module_object(SEED)
}

/// `escrow::claimable_of`.
pub fn claimable_of(c: &Chain, owner: AccountAddress) -> u64 {
    c.escrow.claimable.get(&owner).copied().unwrap_or(0)
}

/// `escrow::creator_stats` at `now`: `(spent_total, spent_this_month, frames_succeeded)`.
pub fn creator_stats(c: &Chain, creator: AccountAddress, now: u64) -> (u64, u64, u64) {
    c.escrow.creators.get(&creator).map_or((0, 0, 0), |s| {
        let this_month = if s.month == formulas::month_of(now) {
            s.spent_month
        } else {
            0
        };
        (s.spent_total, this_month, s.frames_succeeded)
    })
}

/// The job at `address` (aborts like `borrow_global<Job>` when there is none).
pub fn job(c: &Chain, address: AccountAddress) -> Result<&Job, Abort> {
    c.object(address, ObjectKind::Job)?;
    Ok(&c.escrow.jobs[&address])
}

/// `escrow::job_info`: the fields a client reads.
pub fn job_info(c: &Chain, address: AccountAddress) -> Result<lumen_sdk::views::JobInfo, Abort> {
    let j = job(c, address)?;
    Ok(lumen_sdk::views::JobInfo {
        job_id: j.job_id,
        creator: j.creator,
        worker: j.worker,
        status: j.status as u8,
        spec_hash: j.spec_hash.clone(),
        frames: j.frames,
        max_price_per_frame: j.max_price_per_frame,
        min_score: j.min_score,
        min_vram_mb: j.min_vram_mb,
        deposit: j.deposit,
        price_per_frame: j.price_per_frame,
        render_deadline: j.render_deadline,
        frames_done: j.frames_done,
        output_root: j.output_root.clone(),
        review_deadline: j.review_deadline,
        rerenders: j.rerenders,
        created_at: j.created_at,
        paid_to_worker: j.paid_to_worker,
        fee_paid: j.fee_paid,
        refunded: j.refunded,
        frames_accepted: j.frames_accepted,
        response_deadline: j.response_deadline,
        disputed_by: j.disputed_by,
        timeout_frames: j.timeout_frames,
        terms: j.terms.clone(),
        offer_kind: j.offer_kind,
    })
}
