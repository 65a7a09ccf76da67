//! What the scenario tallies from the events its calls emitted: the
//! numbers an explorer shows that the contract does not keep (earnings,
//! slashes and claims per worker, deposits per creator, the leaderboard paid,
//! skipped uptime reports, expired VIP passes).

use std::collections::BTreeMap;

use lumen_model::Abort;
use lumen_sdk::events::LumenEvent;
use lumen_sdk::AccountAddress;

#[derive(Default)]
pub(super) struct Books {
    /// Calls that executed (other packages' included).
    pub lumen_txns: u64,
    /// Calls that aborted.
    pub failed: u64,
    /// Package events per type name.
    pub events_by_type: BTreeMap<String, u64>,
    /// Worker shares of job payouts.
    pub earned: BTreeMap<AccountAddress, u64>,
    /// Stake slashed per worker.
    pub slashed: BTreeMap<AccountAddress, u64>,
    /// Rewards claimed per worker.
    pub rewards_claimed: BTreeMap<AccountAddress, u64>,
    /// Claims per epoch.
    pub claims: BTreeMap<u64, u64>,
    /// Stake withdrawn.
    pub withdrawn: u64,
    /// `(jobs, deposits)` per creator.
    pub created: BTreeMap<AccountAddress, (u64, u64)>,
    /// Funded into the campaign pool.
    pub campaign_funded: u64,
    /// `(rank, user, amount)` of the leaderboard payout.
    pub paid: Vec<(u64, AccountAddress, u64)>,
    /// Every VIP pass minted (revoked ones included).
    pub passes: Vec<Pass>,
    /// `(credited, withdrawn)` claimable balances per owner.
    pub claimables: BTreeMap<AccountAddress, (u64, u64)>,
}

/// A VIP pass as minted.
pub(super) struct Pass {
    pub holder: AccountAddress,
    pub role: u8,
    pub token: AccountAddress,
    pub minted_at: u64,
}

impl Books {
    /// Counts a call's outcome and tallies its events.
    pub fn record(&mut self, outcome: &Result<Vec<LumenEvent>, Abort>) {
        match outcome {
            Ok(events) => {
                self.lumen_txns += 1;
                for e in events {
                    *self.events_by_type.entry(e.name().to_string()).or_default() += 1;
                    self.observe(e);
                }
            }
            Err(_) => self.failed += 1,
        }
    }

    fn observe(&mut self, e: &LumenEvent) {
        match e {
            LumenEvent::JobCompleted(x) => {
                *self.earned.entry(x.worker).or_default() += x.worker_amount
            }
            LumenEvent::DisputeResolved(x) => {
                *self.earned.entry(x.worker).or_default() += x.worker_amount
            }
            LumenEvent::Slashed(x) => *self.slashed.entry(x.worker).or_default() += x.amount,
            LumenEvent::RewardClaimed(x) => {
                *self.rewards_claimed.entry(x.worker).or_default() += x.amount;
                *self.claims.entry(x.epoch).or_default() += 1;
            }
            LumenEvent::Withdrawn(x) => self.withdrawn += x.amount,
            LumenEvent::ClaimableCredited(x) => {
                self.claimables.entry(x.owner).or_default().0 += x.amount
            }
            LumenEvent::ClaimableWithdrawn(x) => {
                self.claimables.entry(x.owner).or_default().1 += x.amount
            }
            LumenEvent::JobCreated(x) => {
                let c = self.created.entry(x.creator).or_default();
                c.0 += 1;
                c.1 += x.deposit;
            }
            LumenEvent::CampaignFunded(x) => self.campaign_funded += x.amount,
            LumenEvent::LeaderboardPaid(x) => self.paid.push((x.rank, x.user, x.amount)),
            LumenEvent::VipMinted(x) => self.passes.push(Pass {
                holder: x.holder,
                role: x.role,
                token: x.token,
                minted_at: x.minted_at,
            }),
            _ => {}
        }
    }
}
