//! The scenario's books ([`Summary`]): every number an explorer shows,
//! read from the model's state at the end and tallied from the events.

use std::collections::BTreeMap;

use lumen_model::{attestation, escrow, staking, vip};
use lumen_sdk::AccountAddress;
use serde::Serialize;

use super::plan::GPUS;
use super::{key, AccountKey, Scenario, ScenarioKeys, Sim, ATTESTERS};

/// One job in the model's books.
#[derive(Clone, Debug, Serialize)]
pub struct JobSummary {
    /// Job number.
    pub job_id: u64,
    /// Object address.
    pub address: String,
    /// Creator.
    pub creator: String,
    /// Worker, once assigned.
    pub worker: Option<String>,
    /// Status name (`open`, `completed` …).
    pub status: String,
    /// Frames ordered.
    pub frames: u64,
    /// Deposit at creation.
    pub deposit: u64,
    /// Paid to the worker.
    pub paid_to_worker: u64,
    /// The protocol fee (`pool_fee_share_bps` of it into the epoch's
    /// reward pool, the rest to the treasury).
    pub fee_paid: u64,
    /// Refunded to the creator.
    pub refunded: u64,
    /// Still held by the job object.
    pub balance: u64,
    /// Frames paid.
    pub frames_paid: u64,
    /// Rerender requests.
    pub rerenders: u64,
    /// Lease seconds.
    pub lease_secs: u64,
    /// Stake locked as its collateral at assignment (0 while open).
    pub collateral: u64,
    /// How the creator authorised the assignment (`signed`,
    /// `wallet_envelope`, `on_chain`; none while open).
    pub offer_kind: Option<String>,
}

/// Totals over all jobs.
#[derive(Clone, Debug, Default, Serialize)]
pub struct JobTotals {
    /// Jobs created.
    pub total: u64,
    /// Jobs per status name.
    pub by_status: BTreeMap<String, u64>,
    /// Sum of deposits.
    pub deposits: u64,
    /// Sum paid to workers.
    pub paid_to_workers: u64,
    /// Sum of protocol fees.
    pub fees: u64,
    /// Sum refunded to creators.
    pub refunds: u64,
    /// Sum still held by unfinished jobs.
    pub held: u64,
    /// Frames paid.
    pub frames_paid: u64,
    /// Assigned jobs per way the creator authorised the assignment.
    pub by_offer_kind: BTreeMap<String, u64>,
}

/// One worker in the model's books.
#[derive(Clone, Debug, Serialize)]
pub struct WorkerSummary {
    /// Account.
    pub address: String,
    /// GPU model of its current report.
    pub gpu_model: String,
    /// Current score (0 when revoked).
    pub score: u64,
    /// Bonded stake.
    pub stake: u64,
    /// Part of it locked as collateral of active jobs.
    pub locked: u64,
    /// Unbonding stake.
    pub unbonding: u64,
    /// Price per IB-hour.
    pub price_per_ib_hour: u64,
    /// Whether `staking::is_eligible` holds at the end.
    pub eligible: bool,
    /// Frames paid to it.
    pub frames_completed: u64,
    /// Jobs paid (≥ 1 frame).
    pub jobs_completed: u64,
    /// Jobs reclaimed or resolved with 0 frames.
    pub jobs_failed: u64,
    /// Lease seconds of its paid jobs.
    pub lease_secs: u64,
    /// Earned from jobs (worker share).
    pub earned: u64,
    /// Slashed in total.
    pub slashed: u64,
    /// Rewards claimed.
    pub rewards_claimed: u64,
    /// Holds a worker VIP pass at the end.
    pub vip: bool,
}

/// One creator in the model's books.
#[derive(Clone, Debug, Serialize)]
pub struct CreatorSummary {
    /// Account.
    pub address: String,
    /// Jobs created.
    pub jobs_created: u64,
    /// Sum deposited.
    pub deposited: u64,
    /// Sum spent (gross of paid frames).
    pub spent_total: u64,
    /// Frames paid for.
    pub frames_succeeded: u64,
    /// Holds a creator VIP pass at the end.
    pub vip: bool,
}

/// One epoch's pool in the model's books (the `EpochInfo` view).
#[derive(Clone, Debug, Default, Serialize)]
pub struct EpochSummary {
    /// Epoch number.
    pub epoch: u64,
    /// Funded during the epoch's life.
    pub funded: u64,
    /// Carried in at close.
    pub carried_in: u64,
    /// Pool (funding so far; at close funded + carried in).
    pub pool: u64,
    /// Whether closed.
    pub closed: bool,
    /// PoC side at close.
    pub poc_pool: u64,
    /// PoD side at close.
    pub pod_pool: u64,
    /// Rolled over at close.
    pub rolled_over: u64,
    /// Total PoC weight (decimal string: u128).
    pub total_poc_weight: String,
    /// Total PoD weight (decimal string: u128).
    pub total_pod_weight: String,
    /// Claimed so far.
    pub claimed: u64,
    /// Claims made.
    pub claims: u64,
    /// Still claimable (rewards of workers that did not claim).
    pub unclaimed: u64,
    /// Workers whose uptime took effect.
    pub workers_reported: u64,
    /// Sum of their effective (capped) online seconds.
    pub reported_online_secs: u64,
}

/// A VIP pass in the model's books.
#[derive(Clone, Debug, Serialize)]
pub struct VipSummary {
    /// Holder.
    pub holder: String,
    /// 0 creator, 1 worker.
    pub role: u8,
    /// Token object.
    pub token: String,
    /// Mint time.
    pub minted_at: u64,
    /// Burned (revoked by the admin or expired).
    pub revoked: bool,
}

/// Stake totals.
#[derive(Clone, Debug, Default, Serialize)]
pub struct StakeTotals {
    /// Sum of bonded stake.
    pub staked: u64,
    /// Sum locked as collateral of active jobs.
    pub locked: u64,
    /// Sum unbonding.
    pub unbonding: u64,
    /// Sum withdrawn.
    pub withdrawn: u64,
    /// Sum slashed into the penalty pool.
    pub slashed: u64,
}

/// An address escrow held settlement legs for (its store was frozen).
#[derive(Clone, Debug, Serialize)]
pub struct ClaimableSummary {
    /// Owner.
    pub owner: String,
    /// Still held.
    pub balance: u64,
    /// Credited in total.
    pub credited: u64,
    /// Withdrawn in total.
    pub withdrawn: u64,
}

/// Reward totals.
#[derive(Clone, Debug, Default, Serialize)]
pub struct RewardTotals {
    /// Sum funded into all epochs.
    pub funded: u64,
    /// Sum claimed.
    pub claimed: u64,
    /// Claims made.
    pub claims: u64,
    /// Carry waiting for the next epoch to close.
    pub carry: u64,
}

/// Transaction counts.
#[derive(Clone, Debug, Default, Serialize)]
pub struct ChainTotals {
    /// All transactions (versions 0 ..= head).
    pub transactions: u64,
    /// Highest version.
    pub head_version: u64,
    /// Successful calls into the package.
    pub lumen_transactions: u64,
    /// Aborted calls into the package.
    pub failed_transactions: u64,
    /// Package events.
    pub lumen_events: u64,
    /// Package events per type name (`JobCreated` …).
    pub events_by_type: BTreeMap<String, u64>,
    /// Timestamp of the last transaction (seconds).
    pub last_timestamp: u64,
}

/// The model's ledger: every number an explorer shows, computed by the model.
#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    /// Seed.
    pub seed: u64,
    /// Package address.
    pub package: String,
    /// Chain id.
    pub chain_id: u8,
    /// Launch time.
    pub start: u64,
    /// First epoch of activity.
    pub first_epoch: u64,
    /// Chain counts.
    pub chain: ChainTotals,
    /// Job totals.
    pub jobs: JobTotals,
    /// Stake totals.
    pub stake: StakeTotals,
    /// Reward totals.
    pub rewards: RewardTotals,
    /// Epochs funded, reported or closed, ascending.
    pub epochs: Vec<EpochSummary>,
    /// The five workers with the most paid frames (then address).
    pub top_workers: Vec<WorkerSummary>,
    /// Every worker, by address.
    pub workers: Vec<WorkerSummary>,
    /// Every creator, by address.
    pub creators: Vec<CreatorSummary>,
    /// The last VIP pass minted for each holder and role, by holder then role.
    pub vip: Vec<VipSummary>,
    /// Every job, by id.
    pub job_list: Vec<JobSummary>,
    /// Claimable balances, by owner.
    pub claimables: Vec<ClaimableSummary>,
    /// The testnet campaign.
    pub campaign: CampaignSummary,
}

/// A campaign participant in the model's books (`campaign::UserInfo`).
#[derive(Clone, Debug, Serialize)]
pub struct CampaignUserSummary {
    /// Account.
    pub address: String,
    /// All points (micro-points).
    pub total_points: u64,
    /// From check-ins.
    pub checkin_points: u64,
    /// From social tasks.
    pub social_points: u64,
    /// Referral shares earned.
    pub referral_points: u64,
    /// Render points of credited jobs.
    pub render_points: u64,
    /// Online points.
    pub online_points: u64,
    /// Check-ins made.
    pub checkins: u64,
    /// Current streak.
    pub streak: u64,
    /// Credits earned (micro-credits).
    pub credits_earned: u64,
    /// Credits spent on jobs (micro-credits).
    pub credits_spent: u64,
    /// Its referrer.
    pub referrer: Option<String>,
    /// Accounts it referred.
    pub referees: u64,
    /// Rank on the contract's leaderboard at the end.
    pub rank: Option<u64>,
    /// Paid for that rank.
    pub prize: u64,
}

/// The testnet campaign in the model's books.
#[derive(Clone, Debug, Default, Serialize)]
pub struct CampaignSummary {
    /// Period start.
    pub start: u64,
    /// Period end (exclusive).
    pub end: u64,
    /// Pool left.
    pub pool: u64,
    /// Funded in total.
    pub funded: u64,
    /// Check-ins.
    pub checkins: u64,
    /// Credits earned by everyone (micro-credits).
    pub credits_earned: u64,
    /// Credits spent on jobs (micro-credits).
    pub credits_spent: u64,
    /// Referral registrations.
    pub referrals: u64,
    /// Paid to the leaderboard.
    pub leaderboard_paid: u64,
    /// Ranks paid.
    pub winners: u64,
    /// Every participant, by address.
    pub users: Vec<CampaignUserSummary>,
}

impl Sim {
    pub(super) fn finish(self) -> Scenario {
        let c = &self.chain;
        let now = self.now;
        let mut jobs = JobTotals::default();
        let mut job_list = vec![];
        for id in 0..c.escrow.next_job_id {
            let jb = c.escrow.job_by_id(&self.pkg, id).expect("created");
            jobs.total += 1;
            *jobs
                .by_status
                .entry(jb.status.as_str().to_string())
                .or_default() += 1;
            jobs.deposits += jb.deposit;
            jobs.paid_to_workers += jb.paid_to_worker;
            jobs.fees += jb.fee_paid;
            jobs.refunds += jb.refunded;
            jobs.held += jb.balance();
            jobs.frames_paid += jb.frames_paid;
            let assigned = jb.worker != AccountAddress::ZERO;
            let offer_kind = assigned.then(|| {
                lumen_sdk::OfferKind::from_code(jb.offer_kind)
                    .expect("the model records a known kind")
                    .as_str()
                    .to_string()
            });
            if let Some(k) = &offer_kind {
                *jobs.by_offer_kind.entry(k.clone()).or_default() += 1;
            }
            job_list.push(JobSummary {
                job_id: jb.job_id,
                address: jb.address.to_hex(),
                creator: jb.creator.to_hex(),
                worker: (jb.worker != AccountAddress::ZERO).then(|| jb.worker.to_hex()),
                status: jb.status.as_str().to_string(),
                frames: jb.frames,
                deposit: jb.deposit,
                paid_to_worker: jb.paid_to_worker,
                fee_paid: jb.fee_paid,
                refunded: jb.refunded,
                balance: jb.balance(),
                frames_paid: jb.frames_paid,
                rerenders: jb.rerenders,
                lease_secs: jb.lease_secs,
                collateral: jb.terms.collateral,
                offer_kind,
            });
        }
        let b = &self.books;
        let get =
            |m: &BTreeMap<AccountAddress, u64>, a: &AccountAddress| m.get(a).copied().unwrap_or(0);
        let mut workers: Vec<WorkerSummary> = self
            .workers
            .iter()
            .filter(|x| x.joined)
            .map(|x| {
                let a = x.account.address();
                let stake = c.staking.workers.get(&a).copied().unwrap_or_default();
                let stats = c.escrow.workers.get(&a).copied().unwrap_or_default();
                WorkerSummary {
                    address: a.to_hex(),
                    gpu_model: GPUS[x.gpu].model.to_string(),
                    score: attestation::score_of(c, a, now),
                    stake: stake.stake,
                    locked: stake.locked,
                    unbonding: stake.unbonding,
                    price_per_ib_hour: stake.price_per_ib_hour,
                    eligible: staking::is_eligible(c, a, now).unwrap_or(false),
                    frames_completed: stats.frames_completed,
                    jobs_completed: stats.jobs_completed,
                    jobs_failed: stats.jobs_failed,
                    lease_secs: stats.lease_secs,
                    earned: get(&b.earned, &a),
                    slashed: get(&b.slashed, &a),
                    rewards_claimed: get(&b.rewards_claimed, &a),
                    vip: vip::has_pass(c, a, vip::ROLE_WORKER),
                }
            })
            .collect();
        workers.sort_by(|a, b| a.address.cmp(&b.address));
        let mut top_workers = workers.clone();
        top_workers.sort_by(|a, b| {
            b.frames_completed
                .cmp(&a.frames_completed)
                .then(a.address.cmp(&b.address))
        });
        top_workers.truncate(5);
        let mut creators: Vec<CreatorSummary> = self
            .creators
            .iter()
            .filter_map(|x| {
                let a = x.account.address();
                let &(jobs_created, deposited) = b.created.get(&a)?;
                let (spent_total, _, frames_succeeded) = escrow::creator_stats(c, a, now);
                Some(CreatorSummary {
                    address: a.to_hex(),
                    jobs_created,
                    deposited,
                    spent_total,
                    frames_succeeded,
                    vip: vip::has_pass(c, a, vip::ROLE_CREATOR),
                })
            })
            .collect();
        creators.sort_by(|a, b| a.address.cmp(&b.address));
        let stake = StakeTotals {
            staked: c.staking.workers.values().map(|x| x.stake).sum(),
            locked: c.staking.workers.values().map(|x| x.locked).sum(),
            unbonding: c.staking.workers.values().map(|x| x.unbonding).sum(),
            withdrawn: b.withdrawn,
            slashed: c.staking.penalty_pool,
        };
        let mut claimables: Vec<ClaimableSummary> = b
            .claimables
            .iter()
            .map(|(a, &(credited, withdrawn))| ClaimableSummary {
                owner: a.to_hex(),
                balance: escrow::claimable_of(c, *a),
                credited,
                withdrawn,
            })
            .collect();
        claimables.sort_by(|a, b| a.owner.cmp(&b.owner));
        let mut rewards = RewardTotals {
            carry: c.rewards.carry,
            ..Default::default()
        };
        let mut epochs = vec![];
        for (&n, e) in &c.rewards.epochs {
            let claims = b.claims.get(&n).copied().unwrap_or(0);
            rewards.funded += e.funded;
            rewards.claimed += e.claimed;
            rewards.claims += claims;
            let records: Vec<_> = c
                .rewards
                .records
                .iter()
                .filter(|((_, epoch), _)| *epoch == n)
                .map(|((w, _), r)| (*w, r))
                .collect();
            let unclaimed = if e.closed {
                records
                    .iter()
                    .filter(|(_, r)| !r.claimed)
                    .map(|(w, _)| self.reward_of(*w, n))
                    .sum()
            } else {
                0
            };
            epochs.push(EpochSummary {
                epoch: n,
                funded: e.funded,
                carried_in: e.carried_in,
                pool: e.pool,
                closed: e.closed,
                poc_pool: e.poc_pool,
                pod_pool: e.pod_pool,
                rolled_over: e.rolled_over,
                total_poc_weight: e.total_poc_weight.to_string(),
                total_pod_weight: e.total_pod_weight.to_string(),
                claimed: e.claimed,
                claims,
                unclaimed,
                workers_reported: records.iter().filter(|(_, r)| r.reported).count() as u64,
                reported_online_secs: records.iter().map(|(_, r)| r.online_secs).sum(),
            });
        }
        // A lapsed pass may be claimed again: the last one of each holder and role.
        let mut latest: BTreeMap<(AccountAddress, u8), &super::books::Pass> = BTreeMap::new();
        for p in &b.passes {
            latest.insert((p.holder, p.role), p);
        }
        let mut vip: Vec<VipSummary> = latest
            .values()
            .map(|p| VipSummary {
                holder: p.holder.to_hex(),
                role: p.role,
                token: p.token.to_hex(),
                minted_at: p.minted_at,
                revoked: c.vip.passes.get(&(p.holder, p.role)) != Some(&p.token),
            })
            .collect();
        vip.sort_by(|a, b| (&a.holder, a.role).cmp(&(&b.holder, b.role)));
        let paid_of = |a: &AccountAddress| b.paid.iter().find(|x| x.1 == *a);
        let rank_of = |a: &AccountAddress| {
            let leaders = &c.campaign.leaders;
            leaders.iter().position(|x| x == a).map(|i| i as u64 + 1)
        };
        let mut users: Vec<CampaignUserSummary> = c
            .campaign
            .users
            .iter()
            .map(|(a, u)| CampaignUserSummary {
                address: a.to_hex(),
                total_points: u.total_points,
                checkin_points: u.checkin_points,
                social_points: u.social_points,
                referral_points: u.referral_points,
                render_points: u.render_points,
                online_points: u.online_points,
                checkins: u.checkins,
                streak: u.streak,
                credits_earned: u.credits_earned,
                credits_spent: u.credits_spent,
                referrer: (u.referrer != AccountAddress::ZERO).then(|| u.referrer.to_hex()),
                referees: u.referees,
                rank: rank_of(a),
                prize: paid_of(a).map_or(0, |x| x.2),
            })
            .collect();
        users.sort_by(|a, b| a.address.cmp(&b.address));
        let campaign = CampaignSummary {
            start: c.campaign.start,
            end: c.campaign.end,
            pool: c.campaign.pool,
            funded: b.campaign_funded,
            checkins: users.iter().map(|u| u.checkins).sum(),
            credits_earned: users.iter().map(|u| u.credits_earned).sum(),
            credits_spent: users.iter().map(|u| u.credits_spent).sum(),
            referrals: users.iter().filter(|u| u.referrer.is_some()).count() as u64,
            leaderboard_paid: b.paid.iter().map(|x| x.2).sum(),
            winners: b.paid.len() as u64,
            users,
        };
        let last_timestamp = self
            .txns
            .last()
            .and_then(|t| t["timestamp"].as_str())
            .and_then(|s| s.parse::<u64>().ok())
            .unwrap_or(0)
            / 1_000_000;
        let chain = ChainTotals {
            transactions: self.txns.len() as u64,
            head_version: self.txns.len() as u64 - 1,
            lumen_transactions: b.lumen_txns,
            failed_transactions: b.failed,
            lumen_events: self.writer.lumen_events(),
            events_by_type: b.events_by_type.clone(),
            last_timestamp,
        };
        let summary = Summary {
            seed: self.cfg.seed,
            package: self.pkg.address.to_hex(),
            chain_id: self.cfg.chain_id,
            start: self.cfg.start,
            first_epoch: self.epoch_of(self.cfg.start),
            chain,
            jobs,
            stake,
            rewards,
            epochs,
            top_workers,
            workers,
            creators,
            vip,
            job_list,
            claimables,
            campaign,
        };
        let attester = &self.staff[ATTESTERS[0]];
        let new_worker = key(self.cfg.seed, "new-worker", 0);
        let keys = ScenarioKeys {
            attester_key: hex::encode(attester.private_key().to_bytes()),
            attester: attester.address().to_hex(),
            attesters: ATTESTERS
                .iter()
                .map(|&a| self.staff[a].address().to_hex())
                .collect(),
            new_worker_key: hex::encode(new_worker.private_key().to_bytes()),
            new_worker: new_worker.address().to_hex(),
            creators: self
                .creators
                .iter()
                .map(|c| AccountKey::of(&c.account))
                .collect(),
            workers: self
                .workers
                .iter()
                .map(|w| AccountKey::of(&w.account))
                .collect(),
        };
        Scenario {
            transactions: self.txns,
            summary,
            keys,
            chain: self.chain,
        }
    }
}
