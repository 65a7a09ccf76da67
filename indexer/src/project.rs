//! Projections: the current state of jobs, workers, creators, epochs, VIP
//! passes, parameters and the testnet campaign (with the protocol points of
//! [`crate::campaign`]), folded from a batch's events.
//!
//! Per batch: collect the keys the events touch, load those rows with one
//! query per table, apply the events in chain order in memory, then replace
//! the rows (delete + binary COPY) — a handful of statements per batch
//! however many events it holds.

use std::collections::{BTreeMap, BTreeSet};

use diesel::pg::PgConnection;
use diesel::prelude::*;
use lumen_sdk::events::LumenEvent;
use lumen_sdk::AccountAddress;

use crate::decode::Decoded;
use crate::schema::*;
use crate::store::*;

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
    /// Settled by the arbiter.
    pub const RESOLVED: i16 = JobStatus::Resolved as i16;

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

/// VIP role codes (`lumen_sdk::codes::VipRole`).
pub mod role {
    use lumen_sdk::codes::VipRole;

    /// Creator pass.
    pub const CREATOR: u8 = VipRole::Creator as u8;
    /// Worker pass.
    pub const WORKER: u8 = VipRole::Worker as u8;
}

fn a(addr: &AccountAddress) -> String {
    addr.to_hex()
}

fn u128_add(a: &str, b: u128) -> String {
    a.parse::<u128>().unwrap_or(0).saturating_add(b).to_string()
}

/// The raw-log row of a decoded event.
pub fn event_row(d: &Decoded) -> EventRow {
    use LumenEvent as E;
    let (job_id, account) = match &d.event {
        E::JobCreated(e) => (Some(e.job_id), Some(e.creator)),
        E::JobAssigned(e) => (Some(e.job_id), Some(e.worker)),
        E::ResultSubmitted(e) => (Some(e.job_id), Some(e.worker)),
        E::RerenderRequested(e) => (Some(e.job_id), None),
        E::JobCompleted(e) => (Some(e.job_id), Some(e.worker)),
        E::JobCancelled(e) => (Some(e.job_id), Some(e.creator)),
        E::JobReclaimed(e) => (Some(e.job_id), Some(e.worker)),
        E::JobDisputed(e) => (Some(e.job_id), Some(e.by)),
        E::DisputeResolved(e) => (Some(e.job_id), Some(e.worker)),
        E::AttestationSubmitted(e) => (None, Some(e.worker)),
        E::ScoreAttested(e) => (None, Some(e.worker)),
        E::ScoreRevoked(e) => (None, Some(e.worker)),
        E::PriceSet(e) => (None, Some(e.worker)),
        E::Staked(e) => (None, Some(e.worker)),
        E::UnstakeRequested(e) => (None, Some(e.worker)),
        E::Withdrawn(e) => (None, Some(e.worker)),
        E::Slashed(e) => (None, Some(e.worker)),
        E::UptimeReported(e) => (None, Some(e.worker)),
        E::LeaseRecorded(e) => (None, Some(e.worker)),
        E::RewardClaimed(e) => (None, Some(e.worker)),
        E::VipMinted(e) => (None, Some(e.holder)),
        E::VipRevoked(e) => (None, Some(e.holder)),
        E::CheckedIn(e) => (None, Some(e.user)),
        E::CreditsClaimed(e) => (None, Some(e.user)),
        E::SocialTaskGranted(e) => (None, Some(e.user)),
        E::ReferralRegistered(e) => (None, Some(e.referee)),
        E::ReferralPointsEarned(e) => (None, Some(e.referrer)),
        E::LeaderboardPaid(e) => (None, Some(e.user)),
        E::AttesterAdded(e) => (None, Some(e.attester)),
        E::AttesterRemoved(e) => (None, Some(e.attester)),
        _ => (None, None),
    };
    EventRow {
        version: to_i64(d.version),
        event_index: d.event_index as i32,
        timestamp_us: to_i64(d.timestamp_us),
        event_type: d.event_type(),
        job_id: job_id.map(to_i64),
        account: account.as_ref().map(a),
        data: d.data.clone(),
    }
}

#[derive(Default)]
struct Keys {
    jobs: BTreeSet<i64>,
    workers: BTreeSet<String>,
    creators: BTreeSet<String>,
    months: BTreeSet<i64>,
    epochs: BTreeSet<i64>,
    vip_holders: BTreeSet<String>,
    params: BTreeSet<String>,
    campaign_users: BTreeSet<String>,
    campaign: bool,
    points: crate::campaign::Keys,
}

fn month_of(ts_us: u64) -> i64 {
    to_i64(lumen_sdk::formulas::month_of(ts_us / 1_000_000))
}

fn keys(events: &[&Decoded]) -> Keys {
    use LumenEvent as E;
    let mut k = Keys::default();
    for d in events {
        k.points.add(&d.event);
        match &d.event {
            E::JobCreated(e) => {
                k.jobs.insert(to_i64(e.job_id));
                k.creators.insert(a(&e.creator));
            }
            E::JobAssigned(e) => {
                k.jobs.insert(to_i64(e.job_id));
            }
            E::ResultSubmitted(e) => {
                k.jobs.insert(to_i64(e.job_id));
            }
            E::RerenderRequested(e) => {
                k.jobs.insert(to_i64(e.job_id));
            }
            E::JobCompleted(e) => {
                k.jobs.insert(to_i64(e.job_id));
                k.workers.insert(a(&e.worker));
                k.creators.insert(a(&e.creator));
                k.months.insert(month_of(d.timestamp_us));
            }
            E::JobCancelled(e) => {
                k.jobs.insert(to_i64(e.job_id));
            }
            E::JobReclaimed(e) => {
                k.jobs.insert(to_i64(e.job_id));
                k.workers.insert(a(&e.worker));
            }
            E::JobDisputed(e) => {
                k.jobs.insert(to_i64(e.job_id));
            }
            E::DisputeResolved(e) => {
                k.jobs.insert(to_i64(e.job_id));
                k.workers.insert(a(&e.worker));
                k.creators.insert(a(&e.creator));
                k.months.insert(month_of(d.timestamp_us));
            }
            E::ScoreAttested(e) => {
                k.workers.insert(a(&e.worker));
            }
            E::ScoreRevoked(e) => {
                k.workers.insert(a(&e.worker));
            }
            E::PriceSet(e) => {
                k.workers.insert(a(&e.worker));
            }
            E::Staked(e) => {
                k.workers.insert(a(&e.worker));
            }
            E::UnstakeRequested(e) => {
                k.workers.insert(a(&e.worker));
            }
            E::Withdrawn(e) => {
                k.workers.insert(a(&e.worker));
            }
            E::Slashed(e) => {
                k.workers.insert(a(&e.worker));
            }
            E::UptimeReported(e) => {
                k.workers.insert(a(&e.worker));
                k.epochs.insert(to_i64(e.epoch));
            }
            E::LeaseRecorded(e) => {
                k.workers.insert(a(&e.worker));
                k.epochs.insert(to_i64(e.epoch));
            }
            E::EpochFunded(e) => {
                k.epochs.insert(to_i64(e.epoch));
            }
            E::EpochClosed(e) => {
                k.epochs.insert(to_i64(e.epoch));
            }
            E::RewardClaimed(e) => {
                k.workers.insert(a(&e.worker));
                k.epochs.insert(to_i64(e.epoch));
            }
            E::VipMinted(e) => {
                k.vip_holders.insert(a(&e.holder));
                role_key(&mut k, e.role, a(&e.holder));
            }
            E::VipRevoked(e) => {
                k.vip_holders.insert(a(&e.holder));
                role_key(&mut k, e.role, a(&e.holder));
            }
            E::ParamsUpdated(e) => {
                k.params.insert(e.name.clone());
            }
            E::CheckedIn(e) => {
                k.campaign_users.insert(a(&e.user));
            }
            E::CreditsClaimed(e) => {
                k.campaign_users.insert(a(&e.user));
                k.campaign = true;
            }
            E::SocialTaskGranted(e) => {
                k.campaign_users.insert(a(&e.user));
            }
            E::ReferralRegistered(e) => {
                k.campaign_users.insert(a(&e.referee));
                k.campaign_users.insert(a(&e.referrer));
            }
            E::ReferralPointsEarned(e) => {
                k.campaign_users.insert(a(&e.referrer));
            }
            E::LeaderboardPaid(e) => {
                k.campaign_users.insert(a(&e.user));
                k.campaign = true;
            }
            E::CampaignFunded(_) | E::CampaignConfigured(_) | E::PoolSwept(_) => {
                k.campaign = true;
            }
            _ => {}
        }
    }
    // Protocol points read the campaign's period and credit value.
    k.campaign |= k.points.any();
    k
}

fn role_key(k: &mut Keys, r: u8, holder: String) {
    if r == role::WORKER {
        k.workers.insert(holder);
    } else if r == role::CREATOR {
        k.creators.insert(holder);
    }
}

/// Rows loaded for (and then changed by) one batch.
#[derive(Default)]
struct State {
    jobs: BTreeMap<i64, JobRow>,
    job_addr: BTreeMap<String, i64>,
    workers: BTreeMap<String, WorkerRow>,
    creators: BTreeMap<String, CreatorRow>,
    months: BTreeMap<(String, i64), CreatorMonthRow>,
    epochs: BTreeMap<i64, EpochRow>,
    worker_epochs: BTreeMap<(String, i64), WorkerEpochRow>,
    vip: BTreeMap<(String, i16), VipPassRow>,
    params: BTreeMap<String, ParamRow>,
    attestations: Vec<AttestationRow>,
    campaign_users: BTreeMap<String, CampaignUserRow>,
    campaign: Option<CampaignRow>,
    /// The campaign row changed (it may be loaded only to be read).
    campaign_changed: bool,
    points: crate::campaign::Points,
}

fn load(conn: &mut PgConnection, k: &Keys) -> Result<State, StoreError> {
    let mut s = State::default();
    let ids: Vec<i64> = k.jobs.iter().copied().collect();
    if !ids.is_empty() {
        for j in jobs::table
            .filter(jobs::job_id.eq_any(&ids))
            .select(JobRow::as_select())
            .load(conn)?
        {
            s.job_addr.insert(j.address.clone(), j.job_id);
            s.jobs.insert(j.job_id, j);
        }
    }
    let workers: Vec<&String> = k.workers.iter().collect();
    if !workers.is_empty() {
        for w in workers::table
            .filter(workers::address.eq_any(&workers))
            .select(WorkerRow::as_select())
            .load(conn)?
        {
            s.workers.insert(w.address.clone(), w);
        }
    }
    let creators: Vec<&String> = k.creators.iter().collect();
    if !creators.is_empty() {
        for c in creators::table
            .filter(creators::address.eq_any(&creators))
            .select(CreatorRow::as_select())
            .load(conn)?
        {
            s.creators.insert(c.address.clone(), c);
        }
        let months: Vec<i64> = k.months.iter().copied().collect();
        if !months.is_empty() {
            for m in creator_months::table
                .filter(creator_months::creator.eq_any(&creators))
                .filter(creator_months::month.eq_any(&months))
                .select(CreatorMonthRow::as_select())
                .load(conn)?
            {
                s.months.insert((m.creator.clone(), m.month), m);
            }
        }
    }
    let epochs: Vec<i64> = k.epochs.iter().copied().collect();
    if !epochs.is_empty() {
        for e in epochs::table
            .filter(epochs::epoch.eq_any(&epochs))
            .select(EpochRow::as_select())
            .load(conn)?
        {
            s.epochs.insert(e.epoch, e);
        }
        if !workers.is_empty() {
            for we in worker_epochs::table
                .filter(worker_epochs::worker.eq_any(&workers))
                .filter(worker_epochs::epoch.eq_any(&epochs))
                .select(WorkerEpochRow::as_select())
                .load(conn)?
            {
                s.worker_epochs.insert((we.worker.clone(), we.epoch), we);
            }
        }
    }
    let holders: Vec<&String> = k.vip_holders.iter().collect();
    if !holders.is_empty() {
        for v in vip_passes::table
            .filter(vip_passes::holder.eq_any(&holders))
            .select(VipPassRow::as_select())
            .load(conn)?
        {
            s.vip.insert((v.holder.clone(), v.role), v);
        }
    }
    let names: Vec<&String> = k.params.iter().collect();
    if !names.is_empty() {
        for p in params::table
            .filter(params::name.eq_any(&names))
            .select(ParamRow::as_select())
            .load(conn)?
        {
            s.params.insert(p.name.clone(), p);
        }
    }
    let users: Vec<&String> = k.campaign_users.iter().collect();
    if !users.is_empty() {
        for u in campaign_users::table
            .filter(campaign_users::address.eq_any(&users))
            .select(CampaignUserRow::as_select())
            .load(conn)?
        {
            s.campaign_users.insert(u.address.clone(), u);
        }
    }
    if k.campaign {
        s.campaign = campaign::table
            .find(1i16)
            .select(CampaignRow::as_select())
            .first(conn)
            .optional()?;
    }
    s.points = crate::campaign::Points::load(conn, &k.points)?;
    Ok(s)
}

impl State {
    fn worker(&mut self, addr: &AccountAddress, version: i64) -> &mut WorkerRow {
        let key = a(addr);
        let w = self
            .workers
            .entry(key.clone())
            .or_insert_with(|| WorkerRow::new(key, version));
        w.updated_version = version;
        w
    }

    fn creator(&mut self, addr: &AccountAddress, version: i64) -> &mut CreatorRow {
        let key = a(addr);
        let c = self
            .creators
            .entry(key.clone())
            .or_insert_with(|| CreatorRow {
                address: key,
                jobs_created: 0,
                deposited_total: 0,
                spent_total: 0,
                frames_succeeded: 0,
                vip: false,
                updated_version: version,
            });
        c.updated_version = version;
        c
    }

    fn epoch(&mut self, epoch: u64, version: i64) -> &mut EpochRow {
        let e = self
            .epochs
            .entry(to_i64(epoch))
            .or_insert_with(|| EpochRow {
                epoch: to_i64(epoch),
                funded: 0,
                closed: false,
                pool: 0,
                poc_pool: 0,
                pod_pool: 0,
                total_poc_weight: "0".into(),
                total_pod_weight: "0".into(),
                rolled_over: 0,
                claimed: 0,
                reported_online_secs: 0,
                updated_version: version,
            });
        e.updated_version = version;
        e
    }

    fn worker_epoch(&mut self, worker: &AccountAddress, epoch: u64) -> &mut WorkerEpochRow {
        let key = (a(worker), to_i64(epoch));
        self.worker_epochs
            .entry(key.clone())
            .or_insert_with(|| WorkerEpochRow {
                worker: key.0,
                epoch: key.1,
                online_secs: 0,
                uptime_score: 0,
                poc_weight: "0".into(),
                lease_secs: 0,
                pod_weight: "0".into(),
                poc_amount: 0,
                pod_amount: 0,
                claimed: 0,
            })
    }

    fn campaign_user(&mut self, addr: &AccountAddress, version: i64) -> &mut CampaignUserRow {
        let key = a(addr);
        let u = self
            .campaign_users
            .entry(key.clone())
            .or_insert_with(|| CampaignUserRow::new(key, version));
        u.updated_version = version;
        u
    }

    fn campaign(&mut self, version: i64) -> &mut CampaignRow {
        let c = self.campaign.get_or_insert_with(|| CampaignRow {
            id: 1,
            operator: None,
            period_start: 0,
            period_end: 0,
            credit_value: to_i64(lumen_sdk::formulas::campaign::DEFAULT_CREDIT_VALUE),
            tier_amounts: lumen_sdk::formulas::campaign::DEFAULT_TIER_AMOUNTS
                .iter()
                .map(|x| serde_json::Value::from(*x))
                .collect(),
            pool: 0,
            funded_total: 0,
            paid_total: 0,
            swept_total: 0,
            updated_version: version,
        });
        c.updated_version = version;
        self.campaign_changed = true;
        c
    }

    fn campaign_settings(&self) -> crate::campaign::Settings {
        crate::campaign::Settings::of(self.campaign.as_ref())
    }

    /// Campaign render points of a paid job.
    fn job_points(
        &mut self,
        d: &Decoded,
        creator: &AccountAddress,
        worker: &AccountAddress,
        frames: u64,
        gross: u64,
    ) {
        let cfg = self.campaign_settings();
        self.points.job_paid(cfg, d, creator, worker, frames, gross);
    }

    /// Campaign online points of `(worker, epoch)` after its row changed.
    fn online_points(&mut self, worker: &AccountAddress, epoch: u64, reported: bool, v: i64) {
        let cfg = self.campaign_settings();
        let key = (a(worker), to_i64(epoch));
        if let Some(we) = self.worker_epochs.get(&key) {
            self.points.online(cfg, we, reported, v);
        }
    }

    /// The job, unless its creation was never seen (indexing started after
    /// it); such events stay in the raw log only.
    fn job(&mut self, job_id: u64, d: &Decoded) -> Option<&mut JobRow> {
        let id = to_i64(job_id);
        match self.jobs.get_mut(&id) {
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

    fn apply(&mut self, d: &Decoded) {
        use LumenEvent as E;
        let v = to_i64(d.version);
        let now = to_i64(d.timestamp_us / 1_000_000);
        match &d.event {
            E::JobCreated(e) => {
                let row = JobRow {
                    job_id: to_i64(e.job_id),
                    address: a(&e.job),
                    creator: a(&e.creator),
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
                    updated_at: now,
                    created_version: v,
                    updated_version: v,
                };
                self.job_addr.insert(row.address.clone(), row.job_id);
                self.jobs.insert(row.job_id, row);
                let c = self.creator(&e.creator, v);
                c.jobs_created += 1;
                c.deposited_total = c.deposited_total.saturating_add(to_i64(e.deposit));
            }
            E::JobAssigned(e) => {
                if let Some(j) = self.job(e.job_id, d) {
                    j.status = status::ASSIGNED;
                    j.worker = Some(a(&e.worker));
                    j.price_per_frame = Some(to_i64(e.price_per_frame));
                    j.render_deadline = Some(to_i64(e.render_deadline));
                    j.worker_score = Some(to_i64(e.worker_score));
                    j.refund = j.refund.saturating_add(to_i64(e.refund));
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
                    j.status = status::COMPLETED;
                    j.frames_paid = to_i64(e.frames_paid);
                    j.gross = to_i64(e.gross);
                    j.worker_amount = to_i64(e.worker_amount);
                    j.fee = to_i64(e.fee);
                    j.refund = j.refund.saturating_add(to_i64(e.refund));
                    j.lease_secs = to_i64(e.lease_secs);
                    j.finalized = e.finalized;
                }
                self.paid(
                    d,
                    &e.creator,
                    &e.worker,
                    e.frames_paid,
                    e.gross,
                    e.lease_secs,
                );
                self.job_points(d, &e.creator, &e.worker, e.frames_paid, e.gross);
            }
            E::DisputeResolved(e) => {
                if let Some(j) = self.job(e.job_id, d) {
                    j.status = status::RESOLVED;
                    j.frames_paid = to_i64(e.frames_paid);
                    j.gross = to_i64(e.gross);
                    j.worker_amount = to_i64(e.worker_amount);
                    j.fee = to_i64(e.fee);
                    j.refund = j.refund.saturating_add(to_i64(e.refund));
                    j.lease_secs = to_i64(e.lease_secs);
                }
                self.paid(
                    d,
                    &e.creator,
                    &e.worker,
                    e.frames_paid,
                    e.gross,
                    e.lease_secs,
                );
                self.job_points(d, &e.creator, &e.worker, e.frames_paid, e.gross);
                if e.frames_paid == 0 {
                    self.worker(&e.worker, v).jobs_failed += 1;
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
                self.worker(&e.worker, v).jobs_failed += 1;
            }
            E::JobDisputed(e) => {
                if let Some(j) = self.job(e.job_id, d) {
                    j.status = status::DISPUTED;
                }
            }
            E::ScoreAttested(e) => {
                let w = self.worker(&e.worker, v);
                w.device_id = Some(hex0x(&e.device_id));
                w.gpu_model = Some(e.gpu_model.clone());
                w.vram_mb = to_i64(e.vram_mb);
                w.score = to_i64(e.score);
                w.bench_version = to_i64(e.bench_version);
                w.score_effective_at = to_i64(e.effective_at);
                w.score_expires_at = to_i64(e.expires_at);
                w.score_revoked = false;
                self.attestations.push(AttestationRow {
                    version: v,
                    event_index: d.event_index as i32,
                    worker: a(&e.worker),
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
                        e.attesters.iter().map(|x| a(x).into()).collect(),
                    )),
                    revoked_by: None,
                    reason: None,
                });
            }
            E::ScoreRevoked(e) => {
                self.worker(&e.worker, v).score_revoked = true;
                self.attestations.push(AttestationRow {
                    version: v,
                    event_index: d.event_index as i32,
                    worker: a(&e.worker),
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
                    revoked_by: Some(a(&e.by)),
                    reason: Some(e.reason.clone()),
                });
            }
            E::PriceSet(e) => {
                self.worker(&e.worker, v).price_per_ib_hour = to_i64(e.price_per_ib_hour);
            }
            E::Staked(e) => {
                self.worker(&e.worker, v).stake = to_i64(e.total_stake);
            }
            E::UnstakeRequested(e) => {
                let w = self.worker(&e.worker, v);
                w.stake = to_i64(e.total_stake);
                w.unbonding = to_i64(e.unbonding);
                w.unbonding_available_at = to_i64(e.available_at);
            }
            E::Withdrawn(e) => {
                let w = self.worker(&e.worker, v);
                w.unbonding = (w.unbonding - to_i64(e.amount)).max(0);
                w.withdrawn_total = w.withdrawn_total.saturating_add(to_i64(e.amount));
            }
            E::Slashed(e) => {
                let w = self.worker(&e.worker, v);
                w.stake = (w.stake - to_i64(e.from_stake)).max(0);
                w.unbonding = (w.unbonding - to_i64(e.from_unbonding)).max(0);
                w.slashed_total = w.slashed_total.saturating_add(to_i64(e.amount));
            }
            E::UptimeReported(e) => {
                self.worker(&e.worker, v);
                let we = self.worker_epoch(&e.worker, e.epoch);
                we.online_secs = to_i64(e.online_secs);
                we.uptime_score = to_i64(e.score);
                we.poc_weight = e.weight.to_string();
                let ep = self.epoch(e.epoch, v);
                ep.reported_online_secs = ep
                    .reported_online_secs
                    .saturating_add(to_i64(e.online_secs));
                self.online_points(&e.worker, e.epoch, true, v);
            }
            E::LeaseRecorded(e) => {
                self.worker(&e.worker, v);
                let we = self.worker_epoch(&e.worker, e.epoch);
                we.lease_secs = we.lease_secs.saturating_add(to_i64(e.lease_secs));
                we.pod_weight = u128_add(&we.pod_weight, e.weight);
                self.epoch(e.epoch, v);
                self.online_points(&e.worker, e.epoch, false, v);
            }
            E::EpochFunded(e) => {
                self.epoch(e.epoch, v).funded = to_i64(e.total);
            }
            E::EpochClosed(e) => {
                let ep = self.epoch(e.epoch, v);
                ep.closed = true;
                ep.pool = to_i64(e.pool);
                ep.poc_pool = to_i64(e.poc_pool);
                ep.pod_pool = to_i64(e.pod_pool);
                ep.total_poc_weight = e.total_poc_weight.to_string();
                ep.total_pod_weight = e.total_pod_weight.to_string();
                ep.rolled_over = to_i64(e.rolled_over);
            }
            E::RewardClaimed(e) => {
                let w = self.worker(&e.worker, v);
                w.rewards_claimed = w.rewards_claimed.saturating_add(to_i64(e.amount));
                let we = self.worker_epoch(&e.worker, e.epoch);
                we.poc_amount = to_i64(e.poc_amount);
                we.pod_amount = to_i64(e.pod_amount);
                we.claimed = to_i64(e.amount);
                let ep = self.epoch(e.epoch, v);
                ep.claimed = ep.claimed.saturating_add(to_i64(e.amount));
            }
            E::VipMinted(e) => {
                self.vip.insert(
                    (a(&e.holder), e.role as i16),
                    VipPassRow {
                        holder: a(&e.holder),
                        role: e.role as i16,
                        token: a(&e.token),
                        minted_at: to_i64(e.minted_at),
                        revoked: false,
                        revoked_by: None,
                        updated_version: v,
                    },
                );
                self.set_vip(e.role, &e.holder, v, true);
            }
            E::VipRevoked(e) => {
                let key = (a(&e.holder), e.role as i16);
                let row = self.vip.entry(key).or_insert_with(|| VipPassRow {
                    holder: a(&e.holder),
                    role: e.role as i16,
                    token: a(&e.token),
                    minted_at: 0,
                    revoked: true,
                    revoked_by: None,
                    updated_version: v,
                });
                row.revoked = true;
                row.revoked_by = Some(a(&e.by));
                row.updated_version = v;
                self.set_vip(e.role, &e.holder, v, false);
            }
            E::CheckedIn(e) => {
                let u = self.campaign_user(&e.user, v);
                u.total_points = to_i64(e.total_points);
                u.checkin_points = u.checkin_points.saturating_add(to_i64(e.points));
                u.check_ins += 1;
                u.streak = to_i64(e.streak);
                u.last_day = Some(to_i64(e.day));
                u.credits_earned = u.credits_earned.saturating_add(to_i64(e.credits));
                u.claimable = to_i64(e.claimable);
            }
            E::CreditsClaimed(e) => {
                let u = self.campaign_user(&e.user, v);
                u.claimed_total = to_i64(e.total_claimed);
                u.claimable = 0;
                self.campaign(v).pool = to_i64(e.pool);
            }
            E::SocialTaskGranted(e) => {
                let u = self.campaign_user(&e.user, v);
                u.total_points = to_i64(e.total_points);
                u.social_points = u.social_points.saturating_add(to_i64(e.points));
            }
            E::ReferralRegistered(e) => {
                self.points.referral_registered(&e.referee, &e.referrer);
                self.campaign_user(&e.referee, v).referrer = Some(a(&e.referrer));
                self.campaign_user(&e.referrer, v).referrals += 1;
            }
            E::ReferralPointsEarned(e) => {
                let u = self.campaign_user(&e.referrer, v);
                u.total_points = to_i64(e.total_points);
                u.referral_points = u.referral_points.saturating_add(to_i64(e.points));
            }
            E::LeaderboardPaid(e) => {
                let u = self.campaign_user(&e.user, v);
                u.leaderboard_rank = Some(to_i64(e.rank));
                u.prize = to_i64(e.amount);
                let c = self.campaign(v);
                c.paid_total = to_i64(e.total_paid);
                c.pool = to_i64(e.pool);
            }
            E::CampaignFunded(e) => {
                let c = self.campaign(v);
                c.pool = to_i64(e.pool);
                c.funded_total = c.funded_total.saturating_add(to_i64(e.amount));
            }
            E::CampaignConfigured(e) => {
                let c = self.campaign(v);
                c.operator = Some(a(&e.operator));
                c.period_start = to_i64(e.start);
                c.period_end = to_i64(e.end);
                c.credit_value = to_i64(e.credit_value);
                c.tier_amounts = e
                    .tier_amounts
                    .iter()
                    .map(|x| serde_json::Value::from(*x))
                    .collect();
            }
            E::PoolSwept(e) => {
                let c = self.campaign(v);
                c.pool = to_i64(e.pool);
                c.swept_total = c.swept_total.saturating_add(to_i64(e.amount));
            }
            E::ParamsUpdated(e) => {
                if e.name == "epoch_secs" {
                    self.points.set_epoch_secs(e.new_value);
                }
                self.params.insert(
                    e.name.clone(),
                    ParamRow {
                        name: e.name.clone(),
                        value: to_i64(e.new_value),
                        updated_version: v,
                    },
                );
            }
            _ => {}
        }
    }

    fn set_vip(&mut self, r: u8, holder: &AccountAddress, v: i64, on: bool) {
        if r == role::WORKER {
            self.worker(holder, v).vip = on;
        } else if r == role::CREATOR {
            self.creator(holder, v).vip = on;
        }
    }

    /// Counters of a paid job (confirmed, finalized or resolved).
    fn paid(
        &mut self,
        d: &Decoded,
        creator: &AccountAddress,
        worker: &AccountAddress,
        frames: u64,
        gross: u64,
        lease: u64,
    ) {
        let v = to_i64(d.version);
        // As escrow's `record_payment`: worker counters move only when frames
        // were paid; a dispute resolved with nothing paid is a failed job.
        let w = self.worker(worker, v);
        if frames > 0 {
            w.frames_completed = w.frames_completed.saturating_add(to_i64(frames));
            w.jobs_completed += 1;
            w.lease_secs = w.lease_secs.saturating_add(to_i64(lease));
        }
        let c = self.creator(creator, v);
        c.spent_total = c.spent_total.saturating_add(to_i64(gross));
        c.frames_succeeded = c.frames_succeeded.saturating_add(to_i64(frames));
        let month = month_of(d.timestamp_us);
        let m = self
            .months
            .entry((a(creator), month))
            .or_insert_with(|| CreatorMonthRow {
                creator: a(creator),
                month,
                spent: 0,
            });
        m.spent = m.spent.saturating_add(to_i64(gross));
    }
}

macro_rules! replace_rows {
    ($conn:expr, $table:ident, $delete:expr, $rows:expr) => {{
        let rows: Vec<_> = $rows;
        if !rows.is_empty() {
            diesel::delete($delete).execute($conn)?;
            diesel::copy_from($table::table)
                .from_insertable(&rows)
                .execute($conn)?;
        }
    }};
}

/// Folds `events` (chain order, not yet applied) into the projections.
pub fn apply(conn: &mut PgConnection, events: &[&Decoded]) -> Result<(), StoreError> {
    if events.is_empty() {
        return Ok(());
    }
    let k = keys(events);
    let mut s = load(conn, &k)?;
    for d in events {
        s.apply(d);
    }
    let ids: Vec<i64> = s.jobs.keys().copied().collect();
    replace_rows!(
        conn,
        jobs,
        jobs::table.filter(jobs::job_id.eq_any(&ids)),
        s.jobs.into_values().collect()
    );
    let ws: Vec<String> = s.workers.keys().cloned().collect();
    replace_rows!(
        conn,
        workers,
        workers::table.filter(workers::address.eq_any(&ws)),
        s.workers.into_values().collect()
    );
    let cs: Vec<String> = s.creators.keys().cloned().collect();
    replace_rows!(
        conn,
        creators,
        creators::table.filter(creators::address.eq_any(&cs)),
        s.creators.into_values().collect()
    );
    // Composite keys: the load used a superset filter (creator ∈ C and
    // month ∈ M); deleting that same superset and re-inserting every loaded
    // or new row is exact.
    let mc: Vec<String> = s.months.keys().map(|k| k.0.clone()).collect();
    let mm: Vec<i64> = s.months.keys().map(|k| k.1).collect();
    replace_rows!(
        conn,
        creator_months,
        creator_months::table
            .filter(creator_months::creator.eq_any(&mc))
            .filter(creator_months::month.eq_any(&mm)),
        s.months.into_values().collect()
    );
    let es: Vec<i64> = s.epochs.keys().copied().collect();
    replace_rows!(
        conn,
        epochs,
        epochs::table.filter(epochs::epoch.eq_any(&es)),
        s.epochs.into_values().collect()
    );
    let wew: Vec<String> = s.worker_epochs.keys().map(|k| k.0.clone()).collect();
    let wee: Vec<i64> = s.worker_epochs.keys().map(|k| k.1).collect();
    replace_rows!(
        conn,
        worker_epochs,
        worker_epochs::table
            .filter(worker_epochs::worker.eq_any(&wew))
            .filter(worker_epochs::epoch.eq_any(&wee)),
        s.worker_epochs.into_values().collect()
    );
    let vh: Vec<String> = s.vip.keys().map(|k| k.0.clone()).collect();
    replace_rows!(
        conn,
        vip_passes,
        vip_passes::table.filter(vip_passes::holder.eq_any(&vh)),
        s.vip.into_values().collect()
    );
    let ps: Vec<String> = s.params.keys().cloned().collect();
    replace_rows!(
        conn,
        params,
        params::table.filter(params::name.eq_any(&ps)),
        s.params.into_values().collect()
    );
    let us: Vec<String> = s.campaign_users.keys().cloned().collect();
    replace_rows!(
        conn,
        campaign_users,
        campaign_users::table.filter(campaign_users::address.eq_any(&us)),
        s.campaign_users.into_values().collect()
    );
    replace_rows!(
        conn,
        campaign,
        campaign::table.find(1i16),
        s.campaign
            .filter(|_| s.campaign_changed)
            .into_iter()
            .collect()
    );
    s.points.write(conn)?;
    for chunk in s.attestations.chunks(chunk_rows(16)) {
        diesel::insert_into(attestations::table)
            .values(chunk)
            .on_conflict_do_nothing()
            .execute(conn)?;
    }
    Ok(())
}
