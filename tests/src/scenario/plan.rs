//! The actors and their schedule: who joins when, which path each job
//! takes, when epochs are funded, reported and closed, when the campaign's
//! users act.

use lumen_sdk::aptos_sdk::account::Ed25519Account;
use lumen_sdk::formulas::campaign;
use lumen_sdk::params;
use rand::rngs::StdRng;
use rand::Rng;
use sha3::{Digest, Sha3_256};

use super::{Result, Sim, USDT};

/// The path a job is meant to take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Path {
    Confirm,
    /// The creator accepts part of a submission; the worker answers.
    Partial,
    Rerender(u64),
    /// One rerender round whose deadline the worker misses: the delivered
    /// frames are disputed (by either side) and judged.
    MissedRerender,
    Finalize,
    Reclaim,
    Cancel,
    Resolve,
    DisputeTimeout,
    Idle,
}

/// Something an actor does at a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Action {
    Join(usize),
    Reattest(usize),
    TopUp(usize),
    Unstake(usize),
    Withdraw(usize),
    RevokeScore(usize),
    Create(usize),
    Accept(usize),
    Submit(usize),
    Review(usize),
    Respond(usize),
    Missed(usize),
    Reclaim(usize),
    Cancel(usize),
    Finalize(usize),
    Resolve(usize),
    WithdrawClaimable(usize),
    Fund(u64, u64),
    Report(u64),
    EarlyClose(u64),
    Close(u64),
    Claim(usize, u64),
    DoubleClaim(usize, u64),
    VipWorkers,
    VipCreator(usize),
    CheckIn(usize),
    Refer(usize, usize),
    SocialTask(usize, u64),
    CampaignFund(u64),
    PayLeaderboard,
    ApplyParams,
}

pub(super) struct Gpu {
    pub model: &'static str,
    pub score: u64,
    pub vram_mb: u64,
}

/// Scores in micro-IB, calibrated like the relayer (RTX 3070 ≈ 2.43,
/// RTX 5090 ≈ 10.69).
pub(super) const GPUS: &[Gpu] = &[
    Gpu {
        model: "NVIDIA GeForce RTX 3070",
        score: 2_429_400,
        vram_mb: 8_192,
    },
    Gpu {
        model: "NVIDIA GeForce RTX 3080",
        score: 3_310_000,
        vram_mb: 10_240,
    },
    Gpu {
        model: "NVIDIA GeForce RTX 3090",
        score: 4_050_000,
        vram_mb: 24_576,
    },
    Gpu {
        model: "NVIDIA GeForce RTX 4070",
        score: 3_620_000,
        vram_mb: 12_288,
    },
    Gpu {
        model: "NVIDIA GeForce RTX 4080",
        score: 5_870_000,
        vram_mb: 16_384,
    },
    Gpu {
        model: "NVIDIA GeForce RTX 4090",
        score: 8_160_000,
        vram_mb: 24_576,
    },
    Gpu {
        model: "NVIDIA GeForce RTX 5090",
        score: 10_687_800,
        vram_mb: 32_768,
    },
    Gpu {
        model: "AMD Radeon RX 7900 XTX",
        score: 4_900_000,
        vram_mb: 24_576,
    },
];

/// A worker's habits (its chain state is the model's).
pub(super) struct Worker {
    pub account: Ed25519Account,
    /// The render node's device key, registered by the account when it joins.
    pub device: Ed25519Account,
    pub gpu: usize,
    pub device_id: Vec<u8>,
    pub reliable: bool,
    /// Attested at least once.
    pub joined: bool,
    pub join_at: u64,
    /// Decided to leave (unstaked).
    pub leaving: bool,
    /// Jobs it is rendering now (it takes at most two).
    pub active_jobs: u64,
}

impl Worker {
    pub fn new(account: Ed25519Account, device: Ed25519Account, rng: &mut StdRng) -> Self {
        let gpu = rng.gen_range(0..GPUS.len());
        let mut h = Sha3_256::new();
        h.update(b"device");
        h.update(account.address().to_bytes());
        Self {
            account,
            device,
            gpu,
            device_id: h.finalize()[..16].to_vec(),
            reliable: rng.gen_bool(0.45),
            joined: false,
            join_at: 0,
            leaving: false,
            active_jobs: 0,
        }
    }
}

/// A creator's habits.
pub(super) struct Creator {
    pub account: Ed25519Account,
    /// Share of the jobs it orders: a few studios order most of the work.
    pub weight: f64,
    pub next_nonce: u64,
    /// Claims its VIP pass once (already scheduled).
    pub vip_pending: bool,
}

impl Creator {
    pub fn new(account: Ed25519Account, i: usize) -> Self {
        Self {
            account,
            weight: 1.0 / (1.0 + i as f64).powf(0.9),
            next_nonce: 1,
            vip_pending: false,
        }
    }
}

/// A job to create.
pub(super) struct JobPlan {
    pub creator: usize,
    pub path: Path,
    pub frames: u64,
    pub max_price: u64,
    pub min_score: u64,
    pub min_vram: u64,
}

/// A created job: its plan and the rerender rounds its creator still asks for.
pub(super) struct JobState {
    pub plan: usize,
    pub rerenders_left: u64,
    /// The worker index it was assigned to.
    pub worker: Option<usize>,
}

impl Sim {
    pub(super) fn plan(&mut self) {
        let day = self.param(params::EPOCH_SECS);
        let grace = self.param(params::EPOCH_GRACE_SECS);
        let start = self.cfg.start;
        let n = self.cfg.workers;
        for w in 0..n {
            // Most workers are there at launch, the rest join in the first half.
            let t = if w < n * 4 / 5 {
                start - 2 * 3_600 + self.rng.gen_range(0..3_600)
            } else {
                start + self.rng.gen_range(0..(self.cfg.epochs * day / 2).max(1))
            };
            self.workers[w].join_at = t;
            self.at(t, Action::Join(w));
            if self.rng.gen_bool(0.15) {
                let later = t + self
                    .rng
                    .gen_range(day..(self.cfg.epochs * day).max(day + 1));
                self.at(later, Action::Reattest(w));
            }
            // Scores last score_validity_secs: re-benchmark before they expire.
            let mut renew = t + 20 * day;
            while renew < self.end {
                self.at(renew, Action::Reattest(w));
                renew += 20 * day;
            }
        }
        if n >= 6 {
            // One revoked score, re-attested two days later; two workers leave.
            let cheater = n / 3;
            let t = start + self.cfg.epochs * day / 3;
            self.at(t, Action::RevokeScore(cheater));
            self.at(t + 2 * day, Action::Reattest(cheater));
            for w in [n / 2, n / 2 + 1] {
                let t = start + self.cfg.epochs * day / 2 + self.rng.gen_range(0..day);
                self.at(t, Action::Unstake(w));
            }
        }
        // The pre-launch epoch is funded and closed with no weight: it rolls over.
        let e0 = self.epoch_of(start);
        self.at(start - 3_000, Action::Fund(e0 - 1, 1_000 * USDT));
        self.at(start + grace + 300, Action::Close(e0 - 1));
        for e in e0..e0 + self.cfg.epochs {
            let begin = e * day;
            let amount = self.rng.gen_range(200..800) * USDT;
            self.at(begin + 300, Action::Fund(e, amount));
            let end = begin + day;
            self.at(end + 600, Action::Report(e));
            self.at(end + grace - 900, Action::EarlyClose(e));
            self.at(end + grace + 300, Action::Close(e));
            self.at(end + grace + 2 * 3_600, Action::VipWorkers);
        }
        self.plan_campaign();
        self.plan_jobs(start, day);
    }

    fn plan_jobs(&mut self, start: u64, day: u64) {
        let total_weight: f64 = self.creators.iter().map(|c| c.weight).sum();
        let dispute_timeout = self.param(params::DISPUTE_TIMEOUT_SECS);
        for _ in 0..self.cfg.jobs {
            let mut pick = self.rng.gen_range(0.0..total_weight);
            let mut creator = 0;
            for (i, c) in self.creators.iter().enumerate() {
                if pick < c.weight {
                    creator = i;
                    break;
                }
                pick -= c.weight;
            }
            let roll = self.rng.gen_range(0..100);
            let path = match roll {
                0..=29 => Path::Confirm,
                30..=37 => Path::Partial,
                38..=43 => Path::Rerender(if self.rng.gen_bool(0.3) { 2 } else { 1 }),
                44..=49 => Path::MissedRerender,
                50..=61 => Path::Finalize,
                62..=69 => Path::Reclaim,
                70..=77 => Path::Cancel,
                78..=86 => Path::Resolve,
                87..=94 => Path::DisputeTimeout,
                _ => Path::Idle,
            };
            let frames = self.rng.gen_range(24..=480);
            let max_price = self.rng.gen_range(20..=300) * 1_000;
            let min_score = [0, 0, 2_000_000, 3_000_000, 5_000_000][self.rng.gen_range(0..5)];
            let min_vram = [0, 0, 8_192, 12_288, 16_384][self.rng.gen_range(0..5)];
            let plan = self.plans.len();
            self.plans.push(JobPlan {
                creator,
                path,
                frames,
                max_price,
                min_score,
                min_vram,
            });
            // Disputes that wait for the timeout start early enough to end in time.
            let latest = match path {
                Path::DisputeTimeout => {
                    let span = self.cfg.epochs * day;
                    span.saturating_sub(dispute_timeout + 4 * day).max(day)
                }
                _ => self.cfg.epochs * day - 6 * 3_600,
            };
            let t = start + 3_600 + self.rng.gen_range(0..latest.max(3_601) - 3_600);
            self.at(t, Action::Create(plan));
        }
    }

    fn plan_campaign(&mut self) {
        let day = 86_400;
        let start = self.cfg.start;
        self.participants = self
            .creators
            .iter()
            .map(|c| c.account.clone())
            .chain(self.workers.iter().map(|w| w.account.clone()))
            .collect();
        let n = self.participants.len();
        // Enough for the leaderboard payout, with some to spare for the treasury.
        let tiers = campaign::default_tier_amounts(USDT);
        let fund = campaign::payout_total(&tiers, n as u64) + self.rng.gen_range(100..500) * USDT;
        self.at(start + 600, Action::CampaignFund(fund));
        let end = start + self.cfg.epochs * day;
        let grace = self.param(params::EPOCH_GRACE_SECS);
        self.at(end + grace + 600, Action::PayLeaderboard);
        for u in 0..n {
            let habit = self.rng.gen_range(0.35..0.97);
            for d in 0..self.cfg.epochs {
                if self.rng.gen_bool(habit) {
                    let t = start + d * day + self.rng.gen_range(0..day);
                    self.at(t, Action::CheckIn(u));
                }
            }
            // Invitations name someone who usually joined (checked in) before:
            // the contract refuses a referrer that joined after the referee.
            if self.rng.gen_bool(0.35) {
                let r = self.rng.gen_range(0..n);
                let t = start + self.rng.gen_range(day..3 * day);
                self.at(t, Action::Refer(u, r));
            }
            for task in 1..=3u64 {
                if self.rng.gen_bool(0.4) {
                    let t = start + self.rng.gen_range(0..self.cfg.epochs * day);
                    self.at(t, Action::SocialTask(u, task));
                }
            }
        }
    }

    pub(super) fn step(&mut self, a: Action) -> Result<()> {
        match a {
            Action::Join(w) => self.join(w),
            Action::Reattest(w) => self.attest(w),
            Action::TopUp(w) => self.top_up(w),
            Action::Unstake(w) => self.unstake(w),
            Action::Withdraw(w) => self.withdraw(w),
            Action::RevokeScore(w) => self.revoke_score(w),
            Action::Create(p) => self.create(p),
            Action::Accept(j) => self.accept(j),
            Action::Submit(j) => self.submit(j),
            Action::Review(j) => self.review(j),
            Action::Respond(j) => self.respond(j),
            Action::Missed(j) => self.missed(j),
            Action::Reclaim(j) => self.reclaim(j),
            Action::Cancel(j) => self.cancel(j),
            Action::Finalize(j) => self.finalize(j),
            Action::Resolve(j) => self.resolve(j),
            Action::WithdrawClaimable(w) => self.withdraw_claimable(w),
            Action::Fund(e, amount) => self.fund(e, amount),
            Action::Report(e) => self.report(e),
            Action::EarlyClose(e) => self.early_close(e),
            Action::Close(e) => self.close(e),
            Action::Claim(w, e) => self.claim(w, e),
            Action::DoubleClaim(w, e) => self.double_claim(w, e),
            Action::VipWorkers => self.vip_workers(),
            Action::VipCreator(c) => self.vip_creator(c),
            Action::CheckIn(u) => self.check_in(u),
            Action::Refer(u, r) => self.refer(u, r),
            Action::SocialTask(u, t) => self.social_task(u, t),
            Action::CampaignFund(amount) => self.campaign_fund(amount),
            Action::PayLeaderboard => self.pay_leaderboard(),
            Action::ApplyParams => self.apply_params(),
        }
    }
}
