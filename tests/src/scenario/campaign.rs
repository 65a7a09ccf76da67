//! The testnet campaign's users and operator, and the protocol points an
//! indexer derives (off chain) for renders and idle online time.

use lumen_sdk::formulas::campaign;
use lumen_sdk::payloads;
use lumen_sdk::AccountAddress;

use super::{Result, ScenarioError, Sim, OPERATOR, TREASURY};

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

    pub(super) fn claim_credits(&mut self, u: usize) -> Result<()> {
        let account = self.participants[u].clone();
        let c = &self.chain.campaign;
        let Some(info) = c.users.get(&account.address()) else {
            return Ok(());
        };
        let amount = info.credits_earned - info.credits_claimed;
        if amount == 0 || c.pool < amount {
            return Ok(());
        }
        self.call(&account, payloads::campaign::claim_credits(&self.pkg))?;
        Ok(())
    }

    /// A referral registration (wallets do not stop a self-referral, a second
    /// referrer or a referrer of a referrer; the contract does).
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

    /// Points the indexer awards from protocol events (never recorded on
    /// chain), and the referrer's share when the referral came first.
    pub(super) fn award(
        &mut self,
        user: AccountAddress,
        source: campaign::PointSource,
        points: u64,
        in_period: bool,
    ) {
        if points == 0 || !in_period {
            return;
        }
        let referrer = self
            .chain
            .campaign
            .users
            .get(&user)
            .map(|u| u.referrer)
            .filter(|r| *r != AccountAddress::ZERO);
        self.books.add_points(user, source, points);
        let share = campaign::referral_share(points);
        if let (Some(r), true) = (referrer, share > 0) {
            self.books
                .add_points(r, campaign::PointSource::Referral, share);
        }
    }

    /// The operator pays the final ranking of points from every source.
    pub(super) fn pay_leaderboard(&mut self) -> Result<()> {
        let tiers: [u64; 5] = self
            .chain
            .campaign
            .tier_amounts
            .clone()
            .try_into()
            .map_err(|_| ScenarioError::Config("five tier amounts".into()))?;
        let rows = campaign::leaderboard(&self.books.points, &tiers);
        let (winners, points) = campaign::ranking_args(&rows);
        if winners.is_empty() {
            return Ok(());
        }
        let operator = self.staff[OPERATOR].clone();
        let f = payloads::campaign::pay_leaderboard(&self.pkg, &winners, &points);
        self.call(&operator, f)?;
        Ok(())
    }
}
