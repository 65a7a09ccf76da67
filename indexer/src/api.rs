//! The explorer HTTP API (axum, JSON), one module per resource.
//!
//! Every endpoint is a handler annotated with its path, parameters and
//! answers, from which the router and the OpenAPI 3.1 document are built
//! together (`utoipa`), so neither can drift from the other. Parameters are
//! typed structs ([`params`]): unknown names and bad values are a 400 whose
//! JSON names the parameter, checked before any query. Answers are typed
//! views ([`views`]); the job page is built by PostgreSQL, where a measured
//! hot path needed it. Every error, from a bad parameter to a wrong method,
//! has one JSON shape ([`error`]).
//!
//! For browsers ([`http`]): CORS with configurable origins (preflights
//! answered), a strong `ETag` and `Cache-Control: no-cache` on every read
//! with `304` for a matching `If-None-Match`, and a live feed of new events
//! as Server-Sent Events ([`live`]). Paths outside the API serve the
//! explorer ([`crate::explorer`]).
//!
//! Every handler runs its queries on a blocking thread with a pooled
//! connection, so slow queries never stall the async workers.
//!
//! "Now" for scores, eligibility and priority is the chain time of the last
//! indexed transaction, so answers are reproducible from the database alone
//! and agree with what the chain computed at that version.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, Uri};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use diesel::pg::PgConnection;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::metrics::METRICS;
use crate::store::PgPool;

mod campaign;
mod candidates;
mod claimables;
pub(crate) mod context;
mod creators;
mod epochs;
pub mod error;
mod history;
pub mod http;
mod jobs;
mod live;
mod network;
pub mod params;
mod prepared;
mod ranking;
mod status;
pub mod views;
mod vip;
mod workers;

pub use campaign::PointsView;
pub use error::ApiError;
pub use http::CorsOrigins;
pub use ranking::rank_by;

/// Shared state of the handlers.
#[derive(Clone)]
pub struct AppState {
    pool: PgPool,
    node: Option<Arc<(reqwest::Client, String)>>,
    /// The node's head and when it was asked, so that explorers polling
    /// `/v1/status` do not each cost a request to the node.
    node_head: Arc<std::sync::Mutex<Option<(std::time::Instant, u64)>>>,
    /// Requests that may hold a database connection at once; the rest wait
    /// in arrival order (see [`AppState::with_db_concurrency`]).
    db_slots: Arc<tokio::sync::Semaphore>,
    /// The OpenAPI document, serialized once.
    openapi: axum::body::Bytes,
    /// The payment asset's symbol, shown next to amounts.
    asset_symbol: String,
    /// Origins whose pages may read the API.
    cors: CorsOrigins,
    /// The live feed's poller and subscribers.
    live: Arc<live::Live>,
    /// Recent answers of `/v1/stats/daily`.
    daily: Arc<history::DailyCache>,
    /// Ranked candidates of the last ingest state read.
    candidates: Arc<candidates::RankCache>,
    /// The priority window `[from, to)` last read (assumed, then checked,
    /// by the worker page).
    window: Arc<std::sync::Mutex<(i64, i64)>>,
    /// The explorer's files.
    explorer: crate::explorer::Explorer,
}

impl AppState {
    /// State over `pool`; `node_url` (when given) is asked for the chain
    /// head by `/v1/status`.
    pub fn new(pool: PgPool, node_url: Option<String>) -> Self {
        let node = node_url.map(|url| {
            crate::source::install_crypto_provider();
            let client = reqwest::Client::builder()
                .timeout(Duration::from_secs(2))
                .build()
                .expect("a client without custom TLS settings builds");
            Arc::new((client, url))
        });
        Self {
            pool,
            node,
            node_head: Arc::default(),
            db_slots: Arc::new(tokio::sync::Semaphore::new(default_db_concurrency())),
            openapi: axum::body::Bytes::new(),
            asset_symbol: "USDT".into(),
            cors: CorsOrigins::Any,
            live: Arc::default(),
            daily: Arc::default(),
            candidates: Arc::default(),
            window: Arc::default(),
            explorer: crate::explorer::Explorer::default(),
        }
    }

    /// The payment asset's symbol (`/v1/params`).
    pub fn with_asset_symbol(mut self, symbol: impl Into<String>) -> Self {
        self.asset_symbol = symbol.into();
        self
    }

    /// The origins whose pages may read the API (default: any).
    pub fn with_cors(mut self, origins: CorsOrigins) -> Self {
        self.cors = origins;
        self
    }

    /// Serves `explorer` instead of the embedded bundle.
    pub fn with_explorer(mut self, explorer: crate::explorer::Explorer) -> Self {
        self.explorer = explorer;
        self
    }

    /// At most `n` requests run queries at once (0: twice the CPU count).
    /// More only make PostgreSQL's processes and the blocking threads share
    /// the same cores: throughput stays, but the scheduler leaves some
    /// requests waiting for hundreds of milliseconds, whereas the semaphore
    /// serves waiting requests first come, first served.
    pub fn with_db_concurrency(mut self, n: usize) -> Self {
        let n = if n == 0 { default_db_concurrency() } else { n };
        self.db_slots = Arc::new(tokio::sync::Semaphore::new(n));
        self
    }
}

fn default_db_concurrency() -> usize {
    2 * std::thread::available_parallelism().map_or(2, |n| n.get())
}

/// The document's frame; the paths come from the handlers.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Lumen explorer API",
        description = "Jobs, workers, rewards, VIP passes and claimable balances of the Lumen render network, mirrored from chain events. Amounts are base units of the payment asset; times are chain seconds; scores are micro-units (1.0 = 1 000 000). Eligibility and priority are computed at the chain time of the last indexed transaction. Every error answer is an `ErrorBody`."
    ),
    components(schemas(error::ErrorBody))
)]
struct ApiDoc;

/// Every endpoint with its document.
fn endpoints() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(status::health))
        .routes(routes!(status::metrics))
        .routes(routes!(status::openapi_json))
        .routes(routes!(status::status_handler))
        .routes(routes!(status::stats))
        .routes(routes!(history::daily))
        .routes(routes!(network::network_params))
        .routes(routes!(network::attesters))
        .routes(routes!(live::live))
        .routes(routes!(status::config))
        .routes(routes!(jobs::list_jobs))
        .routes(routes!(jobs::get_job))
        .routes(routes!(candidates::candidates))
        .routes(routes!(workers::list_workers))
        .routes(routes!(workers::get_worker))
        .routes(routes!(creators::get_creator))
        .routes(routes!(creators::creator_board))
        .routes(routes!(workers::worker_board))
        .routes(routes!(epochs::list_epochs))
        .routes(routes!(epochs::get_epoch))
        .routes(routes!(vip::list_vip))
        .routes(routes!(claimables::list_claimables))
        .routes(routes!(claimables::get_claimable))
        .routes(routes!(campaign::campaign_summary))
        .routes(routes!(campaign::campaign_board_older_path))
        .routes(routes!(campaign::campaign_user))
        .routes(routes!(campaign::campaign_board))
}

/// The OpenAPI 3.1 document served at `/openapi.json`.
pub fn openapi() -> utoipa::openapi::OpenApi {
    endpoints().into_openapi()
}

/// The longest request URI answered; longer ones get a 414.
pub const MAX_URI_BYTES: usize = 8 * 1024;

/// The API's router.
pub fn router(mut state: AppState) -> Router {
    let (router, doc) = endpoints().split_for_parts();
    state.openapi = doc.to_json().expect("the document serializes").into();
    let cors = http::cors(&state.cors);
    router
        .fallback(fallback)
        .method_not_allowed_fallback(|| async { ApiError::method_not_allowed() })
        .layer(middleware::from_fn(http::etag))
        .layer(middleware::from_fn(limit_uri))
        .layer(cors)
        .layer(middleware::map_response(count_response))
        .with_state(state)
}

/// Paths no endpoint owns: the explorer, else the JSON 404.
async fn fallback(
    State(st): State<AppState>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    crate::explorer::fallback(&st.explorer, &method, uri.path(), &headers)
}

/// Only `/metrics` and `/health`, for an ingest-only process.
pub fn metrics_router(state: AppState) -> Router {
    Router::new()
        .route("/health", get(status::health))
        .route("/metrics", get(status::metrics))
        .with_state(state)
}

async fn count_response(r: Response) -> Response {
    METRICS.record_http(r.status().as_u16());
    r
}

async fn limit_uri(req: Request<Body>, next: Next) -> Response {
    let len = req.uri().path().len() + req.uri().query().map_or(0, |q| q.len() + 1);
    if len > MAX_URI_BYTES {
        return ApiError::uri_too_long(MAX_URI_BYTES).into_response();
    }
    next.run(req).await
}

/// Runs `f` with a pooled connection on a blocking thread.
async fn db<T: Send + 'static>(
    st: &AppState,
    f: impl FnOnce(&mut PgConnection) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let pool = st.pool.clone();
    let slot = st
        .db_slots
        .clone()
        .acquire_owned()
        .await
        .map_err(ApiError::internal)?;
    tokio::task::spawn_blocking(move || {
        let _slot = slot;
        let mut conn = pool.get().map_err(ApiError::unavailable)?;
        let answer = f(&mut conn);
        // Connections are lent unchecked (see `store::Manager`): a failure
        // on a lost one is the database being unavailable.
        match answer {
            Err(e) if e.is_server_error() && crate::store::lost_after_error(&mut conn) => Err(
                ApiError::unavailable("the connection to the database was lost"),
            ),
            answer => answer,
        }
    })
    .await
    .map_err(ApiError::internal)?
}

#[cfg(test)]
mod tests;
