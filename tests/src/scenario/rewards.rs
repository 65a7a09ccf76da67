//! Epochs (funded, uptime reported, closed, claimed) and VIP passes.

use lumen_model::{attestation, rewards, vip};
use lumen_sdk::{params, payloads};
use rand::Rng;

use super::plan::Action;
use super::{Result, Sim, ADMIN, ATTESTERS, KEEPER, TREASURY};

impl Sim {
    pub(super) fn fund(&mut self, epoch: u64, amount: u64) -> Result<()> {
        let treasury = self.staff[TREASURY].clone();
        self.call(
            &treasury,
            payloads::rewards::fund_epoch(&self.pkg, epoch, amount),
        )?;
        Ok(())
    }

    /// The attesters report every active worker's uptime of an ended epoch,
    /// 25 workers a transaction; now and then an attester's retry sends a
    /// batch again (the contract skips what it already has).
    pub(super) fn report(&mut self, epoch: u64) -> Result<()> {
        let day = self.param(params::EPOCH_SECS);
        let (begin, end) = (epoch * day, (epoch + 1) * day);
        let mut rows = vec![];
        for w in 0..self.workers.len() {
            let x = &self.workers[w];
            let score = attestation::score_of(&self.chain, x.account.address(), self.now);
            if !x.joined || x.join_at >= end || x.leaving || score == 0 {
                continue;
            }
            let join_at = x.join_at;
            let mut secs = if x.reliable {
                match self.rng.gen_range(0..100) {
                    0..=2 => 0,
                    3..=6 => self.rng.gen_range(30_000..57_600),
                    // Heartbeats around midnight can add up past the epoch: the contract caps.
                    7..=8 => day + self.rng.gen_range(1..300),
                    _ => self.rng.gen_range(58_000..=day),
                }
            } else if self.rng.gen_bool(0.2) {
                0
            } else {
                self.rng.gen_range(3_600..72_000)
            };
            if join_at > begin {
                secs = secs.min(end - join_at);
            }
            rows.push((w, secs));
        }
        for (i, chunk) in rows.chunks(25).enumerate() {
            let attester = self.staff[ATTESTERS[i % 2]].clone();
            let addrs: Vec<_> = chunk
                .iter()
                .map(|&(w, _)| self.workers[w].account.address())
                .collect();
            let secs: Vec<u64> = chunk.iter().map(|&(_, s)| s).collect();
            let f = payloads::rewards::report_uptime(&self.pkg, epoch, &addrs, &secs);
            self.call(&attester, f.clone())?;
            // The launch epoch's first batch is always retried once: an
            // attester votes once per worker, so the repeat aborts.
            let retry = i == 0 && epoch == self.epoch_of(self.cfg.start);
            if retry || self.rng.gen_bool(0.1) {
                self.now += 30;
                self.try_call(&attester, f)?;
            }
        }
        Ok(())
    }

    /// A keeper's bot that sometimes tries to close before the grace period is over.
    pub(super) fn early_close(&mut self, epoch: u64) -> Result<()> {
        if self.rng.gen_bool(0.5) {
            let keeper = self.staff[KEEPER].clone();
            self.try_call(&keeper, payloads::rewards::close_epoch(&self.pkg, epoch))?;
        }
        Ok(())
    }

    pub(super) fn close(&mut self, epoch: u64) -> Result<()> {
        let keeper = self.staff[KEEPER].clone();
        self.call(&keeper, payloads::rewards::close_epoch(&self.pkg, epoch))?;
        let earned: Vec<usize> = (0..self.workers.len())
            .filter(|&w| {
                let a = self.workers[w].account.address();
                self.chain.rewards.records.contains_key(&(a, epoch))
            })
            .collect();
        for w in earned {
            if self.rng.gen_bool(0.85) {
                let t = self.now + self.rng.gen_range(600..20 * 3_600);
                self.at(t, Action::Claim(w, epoch));
                if self.rng.gen_bool(0.04) {
                    self.at(t + 120, Action::DoubleClaim(w, epoch));
                }
            }
        }
        Ok(())
    }

    pub(super) fn claim(&mut self, w: usize, epoch: u64) -> Result<()> {
        let worker = self.workers[w].account.clone();
        // The contract aborts on a zero reward; a worker's wallet does not send it.
        if self.chain.rewards.pending_reward(worker.address(), epoch) == 0 {
            return Ok(());
        }
        self.call(&worker, payloads::rewards::claim(&self.pkg, epoch))?;
        Ok(())
    }

    /// A wallet that sends its claim a second time.
    pub(super) fn double_claim(&mut self, w: usize, epoch: u64) -> Result<()> {
        let worker = self.workers[w].account.clone();
        let claimed = self
            .chain
            .rewards
            .records
            .get(&(worker.address(), epoch))
            .is_some_and(|r| r.claimed);
        if claimed {
            self.try_call(&worker, payloads::rewards::claim(&self.pkg, epoch))?;
        }
        Ok(())
    }

    fn mint(&mut self, w: &lumen_sdk::aptos_sdk::account::Ed25519Account, role: u8) -> Result<()> {
        self.call(w, payloads::vip::claim(&self.pkg, role))?;
        Ok(())
    }

    pub(super) fn vip_creator(&mut self, c: usize) -> Result<()> {
        let holder = self.creators[c].account.clone();
        let a = holder.address();
        if vip::has_pass(&self.chain, a, vip::ROLE_CREATOR)
            || !vip::is_eligible(&self.chain, a, vip::ROLE_CREATOR, self.now).unwrap_or(false)
        {
            return Ok(());
        }
        self.mint(&holder, vip::ROLE_CREATOR)
    }

    /// Workers with the uptime record claim their pass; a keeper expires the
    /// passes of workers who lost it.
    pub(super) fn vip_workers(&mut self) -> Result<()> {
        let keeper = self.staff[KEEPER].clone();
        for w in 0..self.workers.len() {
            let holder = self.workers[w].account.clone();
            let a = holder.address();
            let eligible =
                vip::is_eligible(&self.chain, a, vip::ROLE_WORKER, self.now).unwrap_or(false);
            let has_pass = vip::has_pass(&self.chain, a, vip::ROLE_WORKER);
            if has_pass == eligible || self.chain.vip.banned.contains(&(a, vip::ROLE_WORKER)) {
                continue;
            }
            self.now += self.rng.gen_range(1..120);
            if has_pass {
                let f = payloads::vip::expire(&self.pkg, a, vip::ROLE_WORKER);
                self.call(&keeper, f)?;
            } else {
                self.mint(&holder, vip::ROLE_WORKER)?;
            }
        }
        Ok(())
    }

    /// The admin burns the passes of workers who left.
    pub(super) fn admin_revoke_leavers(&mut self) -> Result<()> {
        let admin = self.staff[ADMIN].clone();
        for w in 0..self.workers.len() {
            let holder = self.workers[w].account.address();
            if self.workers[w].leaving && vip::has_pass(&self.chain, holder, vip::ROLE_WORKER) {
                self.now += 60;
                let f = payloads::vip::revoke(&self.pkg, holder, vip::ROLE_WORKER);
                self.call(&admin, f)?;
            }
        }
        Ok(())
    }

    /// `rewards::reward` of a worker's record in a closed epoch.
    pub(super) fn reward_of(&self, worker: lumen_sdk::AccountAddress, epoch: u64) -> u64 {
        let (Some(info), Some(r)) = (
            self.chain.rewards.epochs.get(&epoch),
            self.chain.rewards.records.get(&(worker, epoch)),
        ) else {
            return 0;
        };
        rewards::reward(info, r).amount
    }
}
