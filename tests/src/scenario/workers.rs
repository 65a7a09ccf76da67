//! Workers: joining (attested, priced, staked), re-benchmarking, top-ups
//! after a slash, a revoked score, leaving.

use lumen_model::{attestation, staking};
use lumen_sdk::messages::BenchmarkReport;
use lumen_sdk::payloads;
use rand::Rng;

use super::plan::{Action, GPUS};
use super::{Result, Sim, ATTESTERS, USDT};

impl Sim {
    /// `S(n)` of worker `w` now.
    fn min_stake(&self, w: usize) -> u64 {
        let a = self.workers[w].account.address();
        staking::min_stake_of(&self.chain, a, self.now).expect("config is initialised")
    }

    pub(super) fn join(&mut self, w: usize) -> Result<()> {
        let worker = self.workers[w].account.clone();
        let device_key = self.workers[w].device.public_key().to_bytes();
        let f = payloads::attestation::register_device_key(&self.pkg, &device_key);
        self.call(&worker, f)?;
        self.now += 15;
        self.attest(w)?;
        self.now += 45;
        let price = self.rng.gen_range(150..600) * 1_000;
        let worker = self.workers[w].account.clone();
        self.call(&worker, payloads::staking::set_price(&self.pkg, price))?;
        self.now += 45;
        // Stake a margin above the minimum so a slash does not always bite.
        let min = self.min_stake(w);
        let amount = min + min * self.rng.gen_range(5..60) / 100 + USDT;
        self.stake(w, amount)
    }

    fn stake(&mut self, w: usize, amount: u64) -> Result<()> {
        let worker = self.workers[w].account.clone();
        self.call(&worker, payloads::staking::stake(&self.pkg, amount))?;
        Ok(())
    }

    /// A fresh benchmark report, signed by the worker's device key and
    /// attested with the score the attester measured.
    pub(super) fn attest(&mut self, w: usize) -> Result<()> {
        if self.workers[w].leaving {
            return Ok(());
        }
        let gpu = &GPUS[self.workers[w].gpu];
        // Benchmarks vary a little from run to run.
        let score = gpu.score * self.rng.gen_range(970..1_030) / 1_000;
        let measured_at = self.now - self.rng.gen_range(60..1_200);
        let worker = self.workers[w].account.clone();
        let report = BenchmarkReport {
            worker: worker.address(),
            device_id: self.workers[w].device_id.clone(),
            gpu_model: gpu.model.to_string(),
            vram_mb: gpu.vram_mb,
            bench_version: 1,
            nonce: attestation::last_nonce(&self.chain, worker.address()) + 1,
            measured_at,
            chain_id: self.cfg.chain_id,
        };
        let device = &self.workers[w].device;
        let sig = report.sign(&self.pkg, device.private_key());
        let attester = self.staff[ATTESTERS[w % 2]].clone();
        let f = payloads::attest_report(&self.pkg, &report, score, device.public_key(), &sig);
        self.call(&attester, f)?;
        self.workers[w].joined = true;
        let a = worker.address();
        if staking::price_of(&self.chain, a) > 0
            && staking::stake_of(&self.chain, a) < self.min_stake(w)
        {
            let t = self.now + 1_800;
            self.at(t, Action::TopUp(w));
        }
        Ok(())
    }

    pub(super) fn top_up(&mut self, w: usize) -> Result<()> {
        if self.workers[w].leaving {
            return Ok(());
        }
        let min = self.min_stake(w);
        let stake = staking::stake_of(&self.chain, self.workers[w].account.address());
        if stake >= min {
            return Ok(());
        }
        let amount = min - stake + min / 10 + USDT;
        self.stake(w, amount)
    }

    pub(super) fn revoke_score(&mut self, w: usize) -> Result<()> {
        if !self.workers[w].joined {
            return Ok(());
        }
        let by = self.staff[ATTESTERS[0]].clone();
        let reason = "benchmark checksum mismatch on re-check";
        let worker = self.workers[w].account.address();
        self.call(
            &by,
            payloads::attestation::revoke(&self.pkg, worker, reason),
        )?;
        Ok(())
    }

    pub(super) fn unstake(&mut self, w: usize) -> Result<()> {
        let account = self.workers[w].account.clone();
        // The collateral of its jobs in flight stays locked until they end.
        let a = account.address();
        let amount = staking::stake_of(&self.chain, a) - staking::locked_of(&self.chain, a);
        if amount == 0 {
            return Ok(());
        }
        self.workers[w].leaving = true;
        self.call(
            &account,
            payloads::staking::request_unstake(&self.pkg, amount),
        )?;
        let available_at = self.chain.staking.workers[&account.address()].available_at;
        self.at(available_at + 3_600, Action::Withdraw(w));
        Ok(())
    }

    pub(super) fn withdraw(&mut self, w: usize) -> Result<()> {
        let account = self.workers[w].account.clone();
        let unbonding = self
            .chain
            .staking
            .workers
            .get(&account.address())
            .map_or(0, |s| s.unbonding);
        if unbonding == 0 {
            return Ok(());
        }
        self.call(&account, payloads::staking::withdraw(&self.pkg))?;
        Ok(())
    }
}
