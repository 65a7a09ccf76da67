//! Jobs: one row per escrow job, following its state machine.

use std::collections::BTreeSet;

use diesel::pg::PgConnection;
use lumen_sdk::events::{ByModule, EscrowEvent};

use super::{hex, stored, Projection, Rows};
use crate::decode::Decoded;
use crate::rows::{hex0x, to_i64, JobReviewJson, JobRow, JobTermsJson};
use crate::schema::jobs;
use crate::store::StoreError;

stored!(JobRow: i64 = jobs(job_id), |r| r.job_id);

/// Job status codes (`lumen_sdk::codes::JobStatus`) as stored in `jobs.status`.
pub mod status {
    use lumen_sdk::codes::JobStatus;

    /// Waiting for an offer to be accepted.
    pub const OPEN: i16 = JobStatus::Open as i16;
    /// A worker accepted an offer.
    pub const ASSIGNED: i16 = JobStatus::Assigned as i16;
    /// The worker submitted; the review window runs.
    pub const SUBMITTED: i16 = JobStatus::Submitted as i16;
    /// Paid out.
    pub const COMPLETED: i16 = JobStatus::Completed as i16;
    /// Cancelled while open.
    pub const CANCELLED: i16 = JobStatus::Cancelled as i16;
    /// Reclaimed after a missed deadline.
    pub const RECLAIMED: i16 = JobStatus::Reclaimed as i16;
    /// Disputed.
    pub const DISPUTED: i16 = JobStatus::Disputed as i16;
    /// Settled by an arbiter.
    pub const RESOLVED: i16 = JobStatus::Resolved as i16;
    /// The creator accepted fewer frames than submitted; the worker answers.
    pub const PARTIALLY_ACCEPTED: i16 = JobStatus::PartiallyAccepted as i16;

    /// Every status name, in code order.
    pub fn names() -> Vec<&'static str> {
        (0u8..)
            .map_while(JobStatus::from_code)
            .map(JobStatus::as_str)
            .collect()
    }
    /// The code of a status name.
    pub fn parse(name: &str) -> Option<i16> {
        (0u8..)
            .map_while(JobStatus::from_code)
            .find(|s| s.as_str() == name)
            .map(|s| s as i16)
    }
    /// The name of a status code.
    pub fn name(code: i16) -> &'static str {
        u8::try_from(code)
            .ok()
            .and_then(JobStatus::from_code)
            .map_or("unknown", JobStatus::as_str)
    }
    /// Serializes a status code as its name.
    pub fn serialize_name<S: serde::Serializer>(code: &i16, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(name(*code))
    }
}

/// The `jobs` rows of a batch.
pub(crate) struct Jobs {
    rows: Rows<i64, JobRow>,
}

/// The job an escrow event is about.
fn job_of(event: EscrowEvent<'_>) -> Option<u64> {
    use EscrowEvent as E;
    match event {
        E::JobCreated(e) => Some(e.job_id),
        E::JobAssigned(e) => Some(e.job_id),
        E::ResultSubmitted(e) => Some(e.job_id),
        E::RerenderRequested(e) => Some(e.job_id),
        E::JobCompleted(e) => Some(e.job_id),
        E::JobCancelled(e) => Some(e.job_id),
        E::JobReclaimed(e) => Some(e.job_id),
        E::PartiallyAccepted(e) => Some(e.job_id),
        E::JobDisputed(e) => Some(e.job_id),
        E::DisputeResolved(e) => Some(e.job_id),
        E::NonceBurned(_) | E::ClaimableCredited(_) | E::ClaimableWithdrawn(_) => None,
    }
}

fn json<T: serde::Serialize>(v: &T) -> serde_json::Value {
    serde_json::to_value(v).expect("plain structs serialize")
}

/// Updates the job's `review` object (created on first use).
fn review(j: &mut JobRow, update: impl FnOnce(&mut JobReviewJson)) {
    let mut r: JobReviewJson = j
        .review
        .take()
        .and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default();
    update(&mut r);
    j.review = Some(json(&r));
}

/// A job paid out (`JobCompleted`, or `DisputeResolved` by an arbiter):
/// `[frames_paid, gross, worker_amount, fee, refund]` as both events carry
/// them; the refund adds to what the job refunded before.
fn paid(j: &mut JobRow, status: i16, payout: [u64; 5], lease_secs: u64) {
    let [frames_paid, gross, worker_amount, fee, refund] = payout;
    j.status = status;
    j.frames_paid = to_i64(frames_paid);
    j.gross = to_i64(gross);
    j.worker_amount = to_i64(worker_amount);
    j.fee = to_i64(fee);
    j.refund = j.refund.saturating_add(to_i64(refund));
    j.lease_secs = to_i64(lease_secs);
}

impl Jobs {
    /// The job, unless its creation was never seen (indexing started after
    /// it); such events stay in the raw log only.
    fn job(&mut self, job_id: u64, d: &Decoded) -> Option<&mut JobRow> {
        match self.rows.get_mut(&to_i64(job_id)) {
            Some(j) => {
                j.updated_version = to_i64(d.version);
                j.updated_at = to_i64(d.timestamp_us / 1_000_000);
                Some(j)
            }
            None => {
                tracing::warn!(
                    job_id,
                    version = d.version,
                    "event for a job whose creation is not indexed; projection skipped"
                );
                None
            }
        }
    }
}

impl Projection for Jobs {
    type Keys = BTreeSet<i64>;
    type Reads<'a> = ();

    fn keys(keys: &mut Self::Keys, d: &Decoded) {
        // Only escrow changes a job.
        if let ByModule::Escrow(e) = d.event.by_module() {
            keys.extend(job_of(e).map(to_i64));
        }
    }

    fn load(conn: &mut PgConnection, keys: Self::Keys) -> Result<Self, StoreError> {
        Ok(Self {
            rows: Rows::load(conn, &keys)?,
        })
    }

    fn apply(&mut self, d: &Decoded, (): ()) {
        use EscrowEvent as E;
        let ByModule::Escrow(event) = d.event.by_module() else {
            return;
        };
        let v = to_i64(d.version);
        match event {
            E::JobCreated(e) => {
                let row = JobRow {
                    job_id: to_i64(e.job_id),
                    address: hex(&e.job),
                    creator: hex(&e.creator),
                    worker: None,
                    status: status::OPEN,
                    spec_hash: hex0x(&e.spec_hash),
                    frames: to_i64(e.frames),
                    max_price_per_frame: to_i64(e.max_price_per_frame),
                    min_score: to_i64(e.min_score),
                    min_vram_mb: to_i64(e.min_vram_mb),
                    deposit: to_i64(e.deposit),
                    price_per_frame: None,
                    render_deadline: None,
                    worker_score: None,
                    frames_done: None,
                    output_root: None,
                    review_deadline: None,
                    rerenders: 0,
                    frames_paid: 0,
                    gross: 0,
                    worker_amount: 0,
                    fee: 0,
                    refund: 0,
                    slashed: 0,
                    lease_secs: 0,
                    finalized: false,
                    created_at: to_i64(e.created_at),
                    updated_at: to_i64(d.timestamp_us / 1_000_000),
                    created_version: v,
                    updated_version: v,
                    terms: None,
                    review: None,
                };
                self.rows.insert(row.job_id, row);
            }
            E::JobAssigned(e) => {
                if let Some(j) = self.job(e.job_id, d) {
                    j.status = status::ASSIGNED;
                    j.worker = Some(hex(&e.worker));
                    j.price_per_frame = Some(to_i64(e.price_per_frame));
                    j.render_deadline = Some(to_i64(e.render_deadline));
                    j.worker_score = Some(to_i64(e.worker_score));
                    j.refund = j.refund.saturating_add(to_i64(e.refund));
                    j.terms = Some(json(&JobTermsJson {
                        collateral: e.collateral,
                        worker_commission_bps: e.worker_commission_bps,
                        review_window_secs: e.review_window_secs,
                        max_rerenders: e.max_rerenders,
                        min_rerender_secs: e.min_rerender_secs,
                        response_window_secs: e.response_window_secs,
                        dispute_timeout_secs: e.dispute_timeout_secs,
                        offer_kind: lumen_sdk::OfferKind::from_code(e.offer_kind)
                            .map_or("unknown", lumen_sdk::OfferKind::as_str)
                            .to_string(),
                    }));
                }
            }
            E::ResultSubmitted(e) => {
                if let Some(j) = self.job(e.job_id, d) {
                    j.status = status::SUBMITTED;
                    j.frames_done = Some(to_i64(e.frames_done));
                    j.output_root = Some(hex0x(&e.output_root));
                    j.review_deadline = Some(to_i64(e.review_deadline));
                    j.lease_secs = to_i64(e.lease_secs);
                }
            }
            E::RerenderRequested(e) => {
                if let Some(j) = self.job(e.job_id, d) {
                    j.status = status::ASSIGNED;
                    j.render_deadline = Some(to_i64(e.render_deadline));
                    j.rerenders = to_i64(e.rerenders);
                }
            }
            E::JobCompleted(e) => {
                if let Some(j) = self.job(e.job_id, d) {
                    let payout = [e.frames_paid, e.gross, e.worker_amount, e.fee, e.refund];
                    paid(j, status::COMPLETED, payout, e.lease_secs);
                    j.finalized = e.finalized;
                }
            }
            E::DisputeResolved(e) => {
                if let Some(j) = self.job(e.job_id, d) {
                    let payout = [e.frames_paid, e.gross, e.worker_amount, e.fee, e.refund];
                    paid(j, status::RESOLVED, payout, e.lease_secs);
                }
            }
            E::JobCancelled(e) => {
                if let Some(j) = self.job(e.job_id, d) {
                    j.status = status::CANCELLED;
                    j.refund = j.refund.saturating_add(to_i64(e.refund));
                }
            }
            E::JobReclaimed(e) => {
                if let Some(j) = self.job(e.job_id, d) {
                    j.status = status::RECLAIMED;
                    j.refund = j.refund.saturating_add(to_i64(e.refund));
                    j.slashed = to_i64(e.slashed);
                }
            }
            E::PartiallyAccepted(e) => {
                if let Some(j) = self.job(e.job_id, d) {
                    j.status = status::PARTIALLY_ACCEPTED;
                    review(j, |r| {
                        r.frames_accepted = Some(e.frames_accepted);
                        r.response_deadline = Some(e.response_deadline);
                    });
                }
            }
            E::JobDisputed(e) => {
                if let Some(j) = self.job(e.job_id, d) {
                    j.status = status::DISPUTED;
                    review(j, |r| {
                        r.disputed_by = Some(hex(&e.by));
                        r.timeout_frames = Some(e.timeout_frames);
                        r.timeout_at = Some(e.timeout_at);
                    });
                }
            }
            E::NonceBurned(_) | E::ClaimableCredited(_) | E::ClaimableWithdrawn(_) => {}
        }
    }

    fn write(self, conn: &mut PgConnection) -> Result<(), StoreError> {
        self.rows.replace(conn)
    }
}
