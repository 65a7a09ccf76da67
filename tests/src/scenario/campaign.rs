//! The testnet campaign's users and operator; every point is the contract's.

use lumen_sdk::formulas::campaign;
use lumen_sdk::payloads;

use super::{Result, Sim, KEEPER, OPERATOR, TREASURY};

impl Sim {
    pub(super) fn campaign_active(&self) -> bool {
        let c = &self.chain.campaign;
        self.now >= c.start && self.now < c.end
    }

    pub(super) fn campaign_fund(&mut self, amount: u64) -> Result<()> {
        let funder = self.staff[TREASURY].clone();
        self.call(&funder, payloads::campaign::fund(&self.pkg, amount))?;
        Ok(())
    }

    /// A user's daily check-in (wallets do not stop a second one the same
    /// day; the contract does).
    pub(super) fn check_in(&mut self, u: usize) -> Result<()> {
        if !self.campaign_active() {
            return Ok(());
        }
        let account = self.participants[u].clone();
        self.try_call(&account, payloads::campaign::check_in(&self.pkg))
    }

    /// A referral registration (wallets do not stop a self-referral, a second
    /// referrer or a referrer who joined later; the contract does).
    pub(super) fn refer(&mut self, u: usize, r: usize) -> Result<()> {
        if !self.campaign_active() {
            return Ok(());
        }
        let account = self.participants[u].clone();
        let referrer = self.participants[r].address();
        let f = payloads::campaign::register_referral(&self.pkg, referrer);
        self.try_call(&account, f)
    }

    pub(super) fn social_task(&mut self, u: usize, task_id: u64) -> Result<()> {
        if !self.campaign_active() {
            return Ok(());
        }
        let user = self.participants[u].address();
        if self.chain.campaign.tasks.contains(&(user, task_id)) {
            return Ok(());
        }
        let operator = self.staff[OPERATOR].clone();
        // The seed's social tasks are worth 5 points.
        let f =
            payloads::campaign::grant_social_task(&self.pkg, user, task_id, 5 * campaign::POINT);
        self.call(&operator, f)?;
        Ok(())
    }

    /// A keeper pays the leaderboard the contract kept, once the period and
    /// its grace are over.
    pub(super) fn pay_leaderboard(&mut self) -> Result<()> {
        let keeper = self.staff[KEEPER].clone();
        self.call(&keeper, payloads::campaign::pay_leaderboard(&self.pkg))?;
        Ok(())
    }
}
