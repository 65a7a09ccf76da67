//! The testnet campaign: its settings and pool, the leaderboard with the
//! payout preview, and one participant.

use axum::extract::State;
use axum::Json;
use diesel::prelude::*;
use lumen_sdk::formulas::campaign::{self as f, LeaderboardRow, PointSource, PointsBySource};
use lumen_sdk::AccountAddress;
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::{RefOr, Schema};
use utoipa::{IntoParams, PartialSchema, ToSchema};

use super::error::{ApiError, CommonErrors, NotFound};
use super::params::{Address, Limit, Path, Query, Uint};
use super::status::NoParams;
use super::views::{EventView, Page};
use super::{db, AppState};
use crate::campaign::{ranking, Ranking};
use crate::rows::{CampaignRow, CampaignUserRow, EventRow};
use crate::schema::{campaign, campaign_users, events};

/// `GET /v1/campaign`.
#[derive(Serialize, ToSchema)]
pub struct CampaignSummary {
    /// Settings and pool (null before any campaign event).
    campaign: Option<CampaignRow>,
    /// Addresses with an on-chain campaign record.
    participants: i64,
}

/// The testnet campaign's settings, pool and participant count.
#[utoipa::path(get, path = "/v1/campaign", tag = "campaign", params(NoParams),
    responses((status = 200, body = CampaignSummary), CommonErrors))]
pub async fn campaign_summary(
    State(st): State<AppState>,
    Query(NoParams {}): Query<NoParams>,
) -> Result<Json<CampaignSummary>, ApiError> {
    db(&st, |c| {
        let row: Option<CampaignRow> = campaign::table
            .find(1i16)
            .select(CampaignRow::as_select())
            .first(c)
            .optional()?;
        let participants: i64 = campaign_users::table.count().get_result(c)?;
        Ok(Json(CampaignSummary {
            campaign: row,
            participants,
        }))
    })
    .await
}

/// Points by source (micro-points), named as `PointSource::as_str`.
#[derive(Debug, Default)]
pub struct PointsView(PointsBySource);

impl From<PointsBySource> for PointsView {
    fn from(p: PointsBySource) -> Self {
        Self(p)
    }
}

impl Serialize for PointsView {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(PointSource::ALL.len()))?;
        for source in PointSource::ALL {
            m.serialize_entry(source.as_str(), &self.0.get(source))?;
        }
        m.end()
    }
}

impl PartialSchema for PointsView {
    fn schema() -> RefOr<Schema> {
        let mut o = ObjectBuilder::new().schema_type(Type::Object);
        for source in PointSource::ALL {
            o = o
                .property(
                    source.as_str(),
                    ObjectBuilder::new().schema_type(Type::Integer),
                )
                .required(source.as_str());
        }
        RefOr::T(Schema::Object(o.build()))
    }
}
impl ToSchema for PointsView {}

/// A participant on the leaderboard.
#[derive(Serialize, ToSchema)]
pub struct BoardRow {
    /// 1-based rank.
    rank: u64,
    address: String,
    points: PointsView,
    /// Points of all sources (`total_points` on chain).
    total: u64,
    /// What its rank would be paid now (0 past rank 100).
    payout: u64,
}

impl BoardRow {
    fn new(r: &LeaderboardRow) -> Self {
        Self {
            rank: r.rank,
            address: r.address.to_hex(),
            points: PointsView(r.points),
            total: r.total,
            payout: r.payout,
        }
    }
}

/// One payout tier of the preview.
#[derive(Serialize, ToSchema)]
pub struct TierPayout {
    tier: usize,
    first_rank: u64,
    last_rank: u64,
    per_user: u64,
    /// Ranked participants in the tier.
    winners: u64,
    total: u64,
}

/// What paying the top 100 now would pay.
#[derive(Serialize, ToSchema)]
pub struct PayoutPreview {
    winners: u64,
    tiers: Vec<TierPayout>,
    total: u64,
    pool: u64,
    pool_covers: bool,
}

impl PayoutPreview {
    fn of(ranking: &Ranking) -> Self {
        let winners = (ranking.rows.len() as u64).min(f::MAX_WINNERS);
        let totals = f::tier_totals(&ranking.tier_amounts, winners);
        let mut first = 1u64;
        let tiers = f::TIER_LAST_RANKS
            .iter()
            .enumerate()
            .map(|(t, &last)| {
                let tier = TierPayout {
                    tier: t,
                    first_rank: first,
                    last_rank: last,
                    per_user: ranking.tier_amounts[t],
                    winners: winners.min(last).saturating_sub(first - 1),
                    total: totals[t],
                };
                first = last + 1;
                tier
            })
            .collect();
        let total = f::payout_total(&ranking.tier_amounts, winners);
        Self {
            winners,
            tiers,
            total,
            pool: ranking.pool,
            pool_covers: total <= ranking.pool,
        }
    }
}

/// `GET /v1/leaderboard/campaign`.
#[derive(Serialize, ToSchema)]
pub struct CampaignBoard {
    #[serde(flatten)]
    page: Page<BoardRow>,
    /// Participants ranked.
    participants: usize,
    /// The current per-user amount of each tier.
    tier_amounts: [u64; 5],
    payout: PayoutPreview,
}

/// Page of the campaign leaderboard.
#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct CampaignBoardQuery {
    /// Items per page.
    #[serde(default)]
    #[param(inline)]
    limit: Limit<100, 1000>,
    /// `next_cursor` of the previous page (the last rank it showed).
    #[param(inline)]
    cursor: Option<Uint>,
}

/// The testnet campaign leaderboard: participants with points
/// (micro-points, every source recorded on chain) ranked as the contract
/// keeps its board (total descending, ties by who reached the total first;
/// the first 100 are `campaign::leaders()`, which `pay_leaderboard` pays),
/// each with the payout its rank would get now, and the preview of paying
/// the top 100 now.
#[utoipa::path(get, path = "/v1/leaderboard/campaign", tag = "campaign",
    params(CampaignBoardQuery),
    responses((status = 200, body = CampaignBoard), CommonErrors))]
pub async fn campaign_board(
    State(st): State<AppState>,
    Query(q): Query<CampaignBoardQuery>,
) -> Result<Json<CampaignBoard>, ApiError> {
    let limit = q.limit.get();
    let after = q.cursor.map_or(0, |c| c.0);
    db(&st, move |c| {
        let ranking = ranking(c)?;
        let from = usize::try_from(after)
            .unwrap_or(usize::MAX)
            .min(ranking.rows.len());
        let rows: Vec<&LeaderboardRow> = ranking.rows[from..].iter().take(limit + 1).collect();
        let page = Page::of(rows, limit, |r| r.rank.to_string(), BoardRow::new);
        Ok(Json(CampaignBoard {
            page,
            participants: ranking.rows.len(),
            tier_amounts: ranking.tier_amounts,
            payout: PayoutPreview::of(&ranking),
        }))
    })
    .await
}

/// The same answer as `/v1/leaderboard/campaign` (the older path).
#[utoipa::path(get, path = "/v1/campaign/leaderboard", tag = "campaign",
    params(CampaignBoardQuery),
    responses((status = 200, body = CampaignBoard), CommonErrors))]
pub async fn campaign_board_older_path(
    st: State<AppState>,
    q: Query<CampaignBoardQuery>,
) -> Result<Json<CampaignBoard>, ApiError> {
    campaign_board(st, q).await
}

/// A participant named in the path.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Path)]
pub struct ParticipantPath {
    /// Participant address.
    #[param(inline)]
    address: Address,
}

/// `GET /v1/campaign/users/{address}`.
#[derive(Serialize, ToSchema)]
pub struct Participant {
    /// The on-chain record (points by source, check-ins, credits, referrals,
    /// the paid rank and prize).
    user: Option<CampaignUserRow>,
    points: PointsView,
    /// Points of all sources.
    total: u64,
    /// Leaderboard rank (null without points).
    rank: Option<u64>,
    /// What its rank would be paid now.
    payout: u64,
    /// Its last 100 campaign events, newest first.
    history: Vec<EventView>,
}

/// One participant: on-chain record, points by source, leaderboard total,
/// rank and payout preview, and its campaign events.
#[utoipa::path(get, path = "/v1/campaign/users/{address}", tag = "campaign",
    params(ParticipantPath, NoParams),
    responses((status = 200, body = Participant), NotFound, CommonErrors))]
pub async fn campaign_user(
    State(st): State<AppState>,
    Query(NoParams {}): Query<NoParams>,
    Path(ParticipantPath { address }): Path<ParticipantPath>,
) -> Result<Json<Participant>, ApiError> {
    db(&st, move |c| {
        let addr = &address.long;
        let user: Option<CampaignUserRow> = campaign_users::table
            .find(addr)
            .select(CampaignUserRow::as_select())
            .first(c)
            .optional()?;
        let history: Vec<EventRow> = events::table
            .filter(events::account.eq(addr))
            .filter(events::event_type.like(format!("{}::%", lumen_sdk::events::CheckedIn::MODULE)))
            .filter(events::version.nullable().lt(checkpoint_version()))
            .order((events::version.desc(), events::event_index.desc()))
            .limit(100)
            .select(EventRow::as_select())
            .load(c)?;
        // Rank, points by source and payout from the same ranking as the
        // leaderboard, so both endpoints always agree.
        let ranking = ranking(c)?;
        let key = AccountAddress::from_hex(addr).map_err(ApiError::internal)?;
        let (points, total, rank, payout) = match ranking.rows.iter().find(|r| r.address == key) {
            Some(r) => (PointsView(r.points), r.total, Some(r.rank), r.payout),
            None if user.is_some() => (PointsView::default(), 0, None, 0),
            None => {
                return Err(ApiError::not_found(format!(
                    "campaign participant {} not found",
                    address.text
                )))
            }
        };
        Ok(Json(Participant {
            user,
            points,
            total,
            rank,
            payout,
            history: history.into_iter().map(EventView::from).collect(),
        }))
    })
    .await
}

/// The checkpoint's next version: raw events at or past it belong to a batch
/// whose projections have not committed yet, so the API never shows them.
fn checkpoint_version() -> diesel::dsl::SingleValue<
    diesel::dsl::Select<crate::schema::checkpoint::table, crate::schema::checkpoint::version>,
> {
    use crate::schema::checkpoint;
    checkpoint::table.select(checkpoint::version).single_value()
}
