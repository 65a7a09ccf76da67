//! The testnet campaign as the chain records it: each participant's
//! check-ins, credits, points by source (`campaign_users`) and the
//! campaign's settings and pool (`campaign`). Every point is the chain's;
//! `points_version` and `points_event_index` keep when a participant's total
//! last changed, which orders ties on the leaderboard as the contract does.

use std::collections::BTreeSet;

use diesel::pg::PgConnection;
use diesel::prelude::*;
use lumen_sdk::events::{ByModule, CampaignEvent};
use lumen_sdk::formulas::campaign::{DEFAULT_CREDIT_VALUE, DEFAULT_TIER_AMOUNTS};
use lumen_sdk::formulas::campaign::{ROLE_CREATOR, ROLE_WORKER};
use lumen_sdk::AccountAddress;

use super::{hex, replace_rows, stored, Projection, Rows};
use crate::decode::Decoded;
use crate::rows::{to_i64, CampaignRow, CampaignUserRow};
use crate::schema::{campaign, campaign_users};
use crate::store::StoreError;

stored!(CampaignUserRow: String = campaign_users(address), |r| r.address.clone());

/// The `campaign_users` rows and the `campaign` row of a batch.
pub(crate) struct Campaign {
    users: Rows<String, CampaignUserRow>,
    /// The campaign row, when loaded (and stored).
    row: Option<CampaignRow>,
    /// Whether the batch loaded the row.
    row_loaded: bool,
    /// The row changed (it may be loaded only to be read).
    row_changed: bool,
}

/// Keys of [`Campaign`].
#[derive(Default)]
pub(crate) struct CampaignKeys {
    users: BTreeSet<String>,
    /// The campaign row is read or changed.
    pub(crate) row: bool,
}

/// The participants a campaign event changes, and whether it changes the
/// campaign.
fn change_of(event: CampaignEvent<'_>) -> ([Option<&AccountAddress>; 2], bool) {
    use CampaignEvent as E;
    match event {
        E::CheckedIn(e) => ([Some(&e.user), None], false),
        E::CreditSpent(e) => ([Some(&e.user), None], false),
        E::RenderPointsEarned(e) => ([Some(&e.user), None], false),
        E::OnlinePointsEarned(e) => ([Some(&e.worker), None], false),
        E::SocialTaskGranted(e) => ([Some(&e.user), None], false),
        E::ReferralRegistered(e) => ([Some(&e.referee), Some(&e.referrer)], false),
        E::ReferralPointsEarned(e) => ([Some(&e.referrer), None], false),
        E::LeaderboardPaid(e) => ([Some(&e.user), None], true),
        E::CampaignFunded(_) | E::CampaignConfigured(_) | E::PoolSwept(_) => ([None, None], true),
    }
}

impl Campaign {
    fn user(&mut self, addr: &AccountAddress, version: i64) -> &mut CampaignUserRow {
        let u = self
            .users
            .entry(hex(addr), |a| CampaignUserRow::new(a.clone(), version));
        u.updated_version = version;
        u
    }

    fn campaign(&mut self, version: i64) -> &mut CampaignRow {
        debug_assert!(
            self.row_loaded,
            "the campaign row touched without being loaded: `keys` misses it"
        );
        let c = self.row.get_or_insert_with(|| CampaignRow {
            id: 1,
            operator: None,
            period_start: 0,
            period_end: 0,
            credit_value: to_i64(DEFAULT_CREDIT_VALUE),
            tier_amounts: DEFAULT_TIER_AMOUNTS
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
        self.row_changed = true;
        c
    }
}

/// `points` earned, bringing the total to `total` at `at` (version, event
/// index): a total that grew is reached now, which ranks it behind everyone
/// already there (`formulas::campaign::rerank`).
fn earned(u: &mut CampaignUserRow, points: u64, total: u64, at: (i64, i32)) {
    u.total_points = to_i64(total);
    if points > 0 {
        (u.points_version, u.points_event_index) = at;
    }
}

impl Projection for Campaign {
    type Keys = CampaignKeys;
    type Reads<'a> = ();

    fn keys(keys: &mut CampaignKeys, d: &Decoded) {
        // Only the campaign module changes the campaign's rows.
        if let ByModule::Campaign(e) = d.event.by_module() {
            let (users, row) = change_of(e);
            keys.users.extend(users.into_iter().flatten().map(hex));
            keys.row |= row;
        }
    }

    fn load(conn: &mut PgConnection, keys: CampaignKeys) -> Result<Self, StoreError> {
        let users = Rows::load(conn, &keys.users)?;
        let row = if keys.row {
            campaign::table
                .find(1i16)
                .select(CampaignRow::as_select())
                .first(conn)
                .optional()?
        } else {
            None
        };
        Ok(Self {
            users,
            row,
            row_loaded: keys.row,
            row_changed: false,
        })
    }

    fn apply(&mut self, d: &Decoded, (): ()) {
        use CampaignEvent as E;
        let ByModule::Campaign(event) = d.event.by_module() else {
            return;
        };
        let v = to_i64(d.version);
        let at = (v, d.event_index as i32);
        match event {
            E::CheckedIn(e) => {
                let u = self.user(&e.user, v);
                earned(u, e.points, e.total_points, at);
                u.checkin_points = u.checkin_points.saturating_add(to_i64(e.points));
                u.check_ins += 1;
                u.streak = to_i64(e.streak);
                u.last_day = Some(to_i64(e.day));
                u.credits_earned = u.credits_earned.saturating_add(to_i64(e.credits));
            }
            E::CreditSpent(e) => {
                let u = self.user(&e.user, v);
                u.credits_spent = u.credits_spent.saturating_add(to_i64(e.amount));
                u.credited_jobs += 1;
            }
            E::SocialTaskGranted(e) => {
                let u = self.user(&e.user, v);
                earned(u, e.points, e.total_points, at);
                u.social_points = u.social_points.saturating_add(to_i64(e.points));
            }
            E::RenderPointsEarned(e) => {
                let u = self.user(&e.user, v);
                earned(u, e.points, e.total_points, at);
                let slot = match e.role {
                    ROLE_CREATOR => &mut u.creator_render_points,
                    ROLE_WORKER => &mut u.worker_render_points,
                    _ => return,
                };
                *slot = slot.saturating_add(to_i64(e.points));
            }
            E::OnlinePointsEarned(e) => {
                let u = self.user(&e.worker, v);
                earned(u, e.points, e.total_points, at);
                u.online_points = u.online_points.saturating_add(to_i64(e.points));
            }
            E::ReferralRegistered(e) => {
                self.user(&e.referee, v).referrer = Some(hex(&e.referrer));
                self.user(&e.referrer, v).referrals += 1;
            }
            E::ReferralPointsEarned(e) => {
                let u = self.user(&e.referrer, v);
                earned(u, e.points, e.total_points, at);
                u.referral_points = u.referral_points.saturating_add(to_i64(e.points));
            }
            E::LeaderboardPaid(e) => {
                let u = self.user(&e.user, v);
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
                c.operator = Some(hex(&e.operator));
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
        }
    }

    fn write(self, conn: &mut PgConnection) -> Result<(), StoreError> {
        self.users.replace(conn)?;
        replace_rows!(
            conn,
            campaign::table,
            campaign::table.find(1i16),
            self.row.filter(|_| self.row_changed).into_iter().collect()
        );
        Ok(())
    }
}
