//! The service itself: liveness, metrics, freshness, network totals, the
//! chain's configuration and the OpenAPI document.

use std::time::{Duration, Instant};

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use diesel::prelude::*;
use serde::{Deserialize, Serialize, Serializer};
use utoipa::{IntoParams, ToSchema};

use super::context::Ctx;
use super::error::{ApiError, CommonErrors};
use super::params::Query;
use super::{db, AppState};
use crate::checkpoint;
use crate::metrics::METRICS;
use crate::project::status;
use crate::rows::{to_i64, ChainConfigRow, ParamRow};
use crate::schema::{chain_config, jobs, params};

/// No parameters.
#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct NoParams {}

/// Liveness and database reachability.
#[derive(Serialize, ToSchema)]
pub struct Health {
    /// `ok` or `unavailable`.
    status: &'static str,
    /// `ok` or `unreachable`.
    database: &'static str,
}

/// Liveness and database reachability.
#[utoipa::path(get, path = "/health", tag = "service",
    responses((status = 200, description = "Up, database reachable.", body = Health),
              (status = 503, description = "The database is unreachable.", body = Health)))]
pub async fn health(State(st): State<AppState>) -> Response {
    let ok = db(&st, |c| {
        diesel::sql_query("SELECT 1").execute(c)?;
        Ok(())
    })
    .await;
    match ok {
        Ok(()) => Json(Health {
            status: "ok",
            database: "ok",
        })
        .into_response(),
        Err(_) => (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(Health {
                status: "unavailable",
                database: "unreachable",
            }),
        )
            .into_response(),
    }
}

/// Prometheus metrics (text format).
#[utoipa::path(get, path = "/metrics", tag = "service",
    responses((status = 200, description = "Prometheus text format.", body = String, content_type = "text/plain")))]
pub async fn metrics() -> Response {
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        METRICS.render(),
    )
        .into_response()
}

/// Indexed version, chain head and lag.
#[derive(Serialize, ToSchema)]
pub struct StatusView {
    /// The last version indexed.
    indexed_version: Option<u64>,
    /// The chain head: asked from the node when one is configured (cached
    /// for a second), else the newest head the ingestion saw.
    chain_head: Option<u64>,
    /// `chain_head − indexed_version`.
    lag: Option<u64>,
    /// The chain the database was built from.
    chain_id: Option<u8>,
    /// The package the database mirrors.
    package: Option<String>,
    /// Time of the last indexed transaction (µs).
    indexed_timestamp_us: Option<u64>,
    /// Package events stored.
    events_total: u64,
    /// Since when (Unix seconds) the node does not answer this process;
    /// null while it answers.
    node_unreachable_since: Option<u64>,
    /// The node's last failure, while it does not answer.
    node_error: Option<String>,
    /// Why this process's ingestion stopped, if it did (the API serves on).
    ingest_error: Option<String>,
    /// `primary`, or `standby` for a streaming replica.
    database_role: &'static str,
    /// On a standby: seconds since the commit of the last transaction it
    /// replayed (what it shows is at least this old).
    replay_lag_secs: Option<f64>,
}

#[derive(QueryableByName)]
struct Role {
    #[diesel(sql_type = diesel::sql_types::Bool)]
    standby: bool,
    #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Double>)]
    lag: Option<f64>,
}

/// Indexed version, chain head and lag.
#[utoipa::path(get, path = "/v1/status", tag = "service", params(NoParams),
    responses((status = 200, body = StatusView), CommonErrors))]
pub async fn status_handler(
    State(st): State<AppState>,
    Query(NoParams {}): Query<NoParams>,
) -> Result<Json<StatusView>, ApiError> {
    let (cp, role) = db(&st, |c| {
        let role: Role = diesel::sql_query(
            "SELECT pg_is_in_recovery() AS standby, \
                    EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())::float8 AS lag",
        )
        .get_result(c)?;
        Ok((checkpoint::load(c)?, role))
    })
    .await?;
    let mut head = Some(METRICS.chain_head()).filter(|h| *h > 0);
    if let Some(node) = &st.node {
        let cached = *st.node_head.lock().unwrap_or_else(|p| p.into_inner());
        match cached {
            Some((at, h)) if at.elapsed() < Duration::from_secs(1) => head = Some(h),
            _ => {
                let retry = crate::source::RetryPolicy {
                    max_attempts: 1,
                    ..Default::default()
                };
                if let Ok(info) = crate::source::ledger_info(&node.0, &node.1, &retry).await {
                    METRICS.set_chain_head(info.ledger_version);
                    *st.node_head.lock().unwrap_or_else(|p| p.into_inner()) =
                        Some((Instant::now(), info.ledger_version));
                    head = Some(info.ledger_version);
                }
            }
        }
    }
    let indexed = cp.as_ref().and_then(|c| c.last_version());
    let lag = match (head, indexed) {
        (Some(h), Some(i)) => Some(h.saturating_sub(i)),
        (Some(h), None) => Some(h + 1),
        _ => None,
    };
    Ok(Json(StatusView {
        indexed_version: indexed,
        chain_head: head,
        lag,
        chain_id: cp.as_ref().and_then(|c| c.chain_id),
        package: cp.as_ref().map(|c| c.package.clone()),
        indexed_timestamp_us: cp.as_ref().map(|c| c.timestamp_us),
        events_total: cp.as_ref().map_or(0, |c| c.events_total),
        node_unreachable_since: METRICS.node_unreachable_since().map(|(t, _)| t),
        node_error: METRICS.node_unreachable_since().map(|(_, e)| e),
        ingest_error: METRICS.ingest_error(),
        database_role: if role.standby { "standby" } else { "primary" },
        replay_lag_secs: role.lag.filter(|_| role.standby).map(|l| l.max(0.0)),
    }))
}

/// Network totals.
#[derive(Serialize, ToSchema)]
pub struct StatsView {
    /// The last version indexed.
    indexed_version: Option<u64>,
    /// Chain time of the last indexed transaction: "now" for validity.
    chain_time: u64,
    /// The epoch of `chain_time`.
    current_epoch: u64,
    jobs: JobCounts,
    workers: WorkerCounts,
    /// Creators that created a job.
    creators: i64,
    /// Stake of all workers (decimal).
    total_stake: String,
    /// The part of it locked as collateral of active jobs (decimal).
    locked_stake: String,
    /// Settlement legs escrow holds for frozen stores, not yet withdrawn
    /// (decimal).
    claimable: String,
    /// Gross paid for all jobs (decimal).
    total_paid: String,
    /// Frames paid for all jobs (decimal).
    frames_paid: String,
    /// VIP passes held (not revoked).
    vip_holders: i64,
    /// Epochs indexed.
    epochs: i64,
}

/// Jobs in all and by status.
#[derive(Serialize, ToSchema)]
pub struct JobCounts {
    total: i64,
    /// Every status name with its count, in code order.
    #[schema(value_type = std::collections::BTreeMap<String, i64>)]
    #[serde(serialize_with = "as_map")]
    by_status: Vec<(&'static str, i64)>,
}

fn as_map<S: Serializer>(pairs: &[(&'static str, i64)], s: S) -> Result<S::Ok, S::Error> {
    s.collect_map(pairs.iter().map(|(k, v)| (k, v)))
}

/// Workers in all and with a valid score.
#[derive(Serialize, ToSchema)]
pub struct WorkerCounts {
    total: i64,
    with_valid_score: i64,
}

/// Network totals: jobs by status, workers, stake (and the part locked as
/// collateral of active jobs), payments, claimable balances, VIP holders,
/// epochs.
#[utoipa::path(get, path = "/v1/stats", tag = "service", params(NoParams),
    responses((status = 200, body = StatsView), CommonErrors))]
pub async fn stats(
    State(st): State<AppState>,
    Query(NoParams {}): Query<NoParams>,
) -> Result<Json<StatsView>, ApiError> {
    db(&st, |c| {
        let ctx = Ctx::load(c)?;
        let counted: Vec<(i16, i64)> = jobs::table
            .group_by(jobs::status)
            .select((jobs::status, diesel::dsl::count_star()))
            .load(c)?;
        let by_status: Vec<(&'static str, i64)> = status::names()
            .into_iter()
            .map(|name| {
                let n = counted
                    .iter()
                    .filter(|(s, _)| status::name(*s) == name)
                    .map(|(_, n)| n)
                    .sum();
                (name, n)
            })
            .collect();
        #[derive(QueryableByName)]
        struct Totals {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            workers: i64,
            #[diesel(sql_type = diesel::sql_types::Text)]
            total_stake: String,
            #[diesel(sql_type = diesel::sql_types::Text)]
            locked_stake: String,
            #[diesel(sql_type = diesel::sql_types::Text)]
            claimable: String,
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            creators: i64,
            #[diesel(sql_type = diesel::sql_types::Text)]
            total_paid: String,
            #[diesel(sql_type = diesel::sql_types::Text)]
            frames_paid: String,
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            vip_holders: i64,
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            epochs: i64,
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            valid_scores: i64,
        }
        let t: Totals = diesel::sql_query(
            "SELECT (SELECT count(*) FROM workers) AS workers, \
                    (SELECT COALESCE(sum(stake), 0)::text FROM workers) AS total_stake, \
                    (SELECT COALESCE(sum(locked), 0)::text FROM workers) AS locked_stake, \
                    (SELECT COALESCE(sum(balance), 0)::text FROM claimables) AS claimable, \
                    (SELECT count(*) FROM creators) AS creators, \
                    (SELECT COALESCE(sum(gross), 0)::text FROM jobs) AS total_paid, \
                    (SELECT COALESCE(sum(frames_paid), 0)::text FROM jobs) AS frames_paid, \
                    (SELECT count(*) FROM vip_passes WHERE NOT revoked) AS vip_holders, \
                    (SELECT count(*) FROM epochs) AS epochs, \
                    (SELECT count(*) FROM workers WHERE NOT score_revoked AND gpu_model IS NOT NULL AND score_expires_at > $1) AS valid_scores",
        )
        .bind::<diesel::sql_types::BigInt, _>(to_i64(ctx.now))
        .get_result(c)?;
        Ok(Json(StatsView {
            indexed_version: ctx.indexed_version,
            chain_time: ctx.now,
            current_epoch: ctx.current_epoch(),
            jobs: JobCounts {
                total: counted.iter().map(|(_, n)| n).sum(),
                by_status,
            },
            workers: WorkerCounts {
                total: t.workers,
                with_valid_score: t.valid_scores,
            },
            creators: t.creators,
            total_stake: t.total_stake,
            locked_stake: t.locked_stake,
            claimable: t.claimable,
            total_paid: t.total_paid,
            frames_paid: t.frames_paid,
            vip_holders: t.vip_holders,
            epochs: t.epochs,
        }))
    })
    .await
}

/// `GET /v1/config`.
#[derive(Serialize, ToSchema)]
pub struct ConfigView {
    /// What `config::initialize` set (null before it is indexed).
    config: Option<ChainConfigRow>,
    /// Every parameter with its value and the change queued for it (a
    /// queued change takes effect when `apply_param` runs, from
    /// `pending_effective_at`), by name.
    params: Vec<ParamRow>,
}

/// The chain's configuration: payment asset and decimals, admin, treasury,
/// arbiter, and every parameter with its queued change.
#[utoipa::path(get, path = "/v1/config", tag = "service", params(NoParams),
    responses((status = 200, body = ConfigView), CommonErrors))]
pub async fn config(
    State(st): State<AppState>,
    Query(NoParams {}): Query<NoParams>,
) -> Result<Json<ConfigView>, ApiError> {
    db(&st, |c| {
        let config = chain_config::table
            .find(1i16)
            .select(ChainConfigRow::as_select())
            .first(c)
            .optional()?;
        let params = params::table
            .order(params::name)
            .select(ParamRow::as_select())
            .load(c)?;
        Ok(Json(ConfigView { config, params }))
    })
    .await
}

/// The OpenAPI 3.1 document of this API.
#[utoipa::path(get, path = "/openapi.json", tag = "service",
    responses((status = 200, description = "This document.", body = Object)))]
pub async fn openapi_json(State(st): State<AppState>) -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        st.openapi.clone(),
    )
        .into_response()
}
