//! The board's HTTP server: shared state, the JSON error shape, signed-write
//! checking, body and rate limits, the router, and the blob routes. The job
//! routes are in [`crate::jobs`], the worker's offer routes and the ladder
//! clock in [`crate::offers`].

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::body::{Body, Bytes};
use axum::extract::{ConnectInfo, FromRequest, Path, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, put};
use axum::{Json, Router};
use diesel::PgConnection;
use lumen_sdk::render::Hash32;
use lumen_sdk::{AccountAddress, Package};
use tokio::sync::Notify;

use crate::auth::{self, AuthError, Signer};
use crate::blobs::{BlobError, BlobStore};
use crate::chain::{Chain, UpstreamError};
use crate::limits::RateLimiter;
use crate::proto::{BlobStored, ErrorBody};
use crate::store::{self, LadderError, PgPool, StoreError};

/// Sizes, rates and clocks of the board.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Largest scene upload (bytes).
    pub max_scene_bytes: usize,
    /// Largest frame upload (bytes).
    pub max_frame_bytes: usize,
    /// Largest JSON body (bytes).
    pub max_json_bytes: usize,
    /// Most offers in one ladder.
    pub max_ladder: usize,
    /// Longest long poll (seconds).
    pub max_wait_secs: u64,
    /// Requests per second and burst per client IP.
    pub ip_rate: (f64, u32),
    /// Signed writes per second and burst per account.
    pub account_rate: (f64, u32),
    /// How often expired offers are moved on.
    pub ladder_tick: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_scene_bytes: 512 << 20,
            max_frame_bytes: 64 << 20,
            max_json_bytes: 256 << 10,
            max_ladder: 32,
            max_wait_secs: 30,
            ip_rate: (50.0, 200),
            account_rate: (10.0, 100),
            ladder_tick: Duration::from_secs(1),
        }
    }
}

pub(crate) struct Inner {
    pub(crate) pool: PgPool,
    pub(crate) blobs: BlobStore,
    pub(crate) chain: Chain,
    pub(crate) package: Package,
    pub(crate) limits: Limits,
    ip_limiter: RateLimiter,
    account_limiter: RateLimiter,
    waiters: Mutex<HashMap<AccountAddress, Arc<Notify>>>,
}

/// The board's shared state.
#[derive(Clone)]
pub struct AppState(pub(crate) Arc<Inner>);

impl AppState {
    /// A board over `pool` (migrated), `blobs` and `chain`.
    pub fn new(pool: PgPool, blobs: BlobStore, chain: Chain, limits: Limits) -> Self {
        let package = chain.client().package;
        Self(Arc::new(Inner {
            pool,
            blobs,
            chain,
            package,
            ip_limiter: RateLimiter::new(limits.ip_rate.0, limits.ip_rate.1),
            account_limiter: RateLimiter::new(limits.account_rate.0, limits.account_rate.1),
            limits,
            waiters: Mutex::new(HashMap::new()),
        }))
    }

    /// The bell a worker's long poll waits on.
    pub(crate) fn waiter(&self, worker: AccountAddress) -> Arc<Notify> {
        let mut w = self.0.waiters.lock().expect("waiters");
        if w.len() > 10_000 {
            // Only bells someone is waiting on are worth keeping.
            w.retain(|_, n| Arc::strong_count(n) > 1);
        }
        w.entry(worker).or_default().clone()
    }

    /// Wakes the worker's long polls.
    pub(crate) fn ring(&self, worker: Option<AccountAddress>) {
        if let Some(w) = worker {
            self.waiter(w).notify_waiters();
        }
    }

    /// Runs `f` on a pooled connection off the async threads.
    pub(crate) async fn db<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut PgConnection) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let pool = self.0.pool.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = pool
                .get()
                .map_err(|e| ApiError::from(StoreError::from(e)))?;
            f(&mut conn)
        })
        .await
        .map_err(|e| ApiError::internal(format!("database task: {e}")))?
    }
}

/// A signed write as it arrives: the handler checks its path first, then
/// [`SignedRequest::body`] or [`SignedRequest::json`] reads and verifies it.
pub(crate) struct SignedRequest {
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Body,
}

impl<S: Send + Sync> FromRequest<S> for SignedRequest {
    type Rejection = std::convert::Infallible;

    async fn from_request(req: Request, _: &S) -> Result<Self, Self::Rejection> {
        let (parts, body) = req.into_parts();
        Ok(Self {
            method: parts.method,
            uri: parts.uri,
            headers: parts.headers,
            body,
        })
    }
}

impl SignedRequest {
    /// The body (the `what` of at most `limit` bytes) and its signer, once
    /// checked: signature, clock, rate, the key being the account's current
    /// authentication key, and that the signature is new.
    pub(crate) async fn body(
        self,
        st: &AppState,
        limit: usize,
        what: &str,
    ) -> Result<(Signer, Bytes), ApiError> {
        let body = read_body(self.body, limit, what).await?;
        let path = self
            .uri
            .path_and_query()
            .map_or(self.uri.path(), |p| p.as_str());
        let signer = auth::verify(
            |name| self.headers.get(name).and_then(|v| v.to_str().ok()),
            self.method.as_str(),
            path,
            &body,
            now(),
        )?;
        st.0.account_limiter
            .check(&signer.account.to_hex())
            .map_err(ApiError::too_many)?;
        if !st
            .0
            .chain
            .is_current_key(signer.account, &signer.public_key)
            .await?
        {
            return Err(ApiError::new(
                StatusCode::FORBIDDEN,
                format!(
                    "the public key is not the current authentication key of {}",
                    signer.account
                ),
            )
            .parameter(auth::PUBLIC_KEY));
        }
        let sig = signer.signature.clone();
        let until = signer.timestamp + auth::MAX_SKEW_SECS + 1;
        let fresh = st
            .db(move |c| Ok(store::remember_signature(c, &sig, until)?))
            .await?;
        if !fresh {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "this signed request was already received (replay); sign each request anew",
            )
            .parameter(auth::SIGNATURE));
        }
        Ok((signer, body))
    }

    /// The signer and the JSON body (the `what`), verified like
    /// [`SignedRequest::body`] before it is parsed.
    pub(crate) async fn json<T: serde::de::DeserializeOwned>(
        self,
        st: &AppState,
        what: &str,
    ) -> Result<(Signer, T), ApiError> {
        let (signer, body) = self.body(st, st.0.limits.max_json_bytes, what).await?;
        Ok((signer, parse_json(&body)?))
    }
}

/// Unix seconds now.
pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// An error answer: a status and [`ErrorBody`].
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    body: ErrorBody,
    retry_after: Option<Duration>,
}

impl ApiError {
    /// An error with a status and message.
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Self {
            status,
            body: ErrorBody {
                error: message.into(),
                parameter: None,
            },
            retry_after: None,
        }
    }

    /// Names the parameter, header or field at fault.
    pub fn parameter(mut self, p: &str) -> Self {
        self.body.parameter = Some(p.to_string());
        self
    }

    /// 400 naming `parameter`.
    pub fn bad(parameter: &str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message).parameter(parameter)
    }

    /// 404.
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, message)
    }

    /// 409.
    pub fn conflict(message: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, message)
    }

    /// 403.
    pub fn forbidden(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FORBIDDEN, message)
    }

    /// 500: the board's own fault.
    pub fn internal(message: impl Into<String>) -> Self {
        let message = message.into();
        tracing::error!(%message, "internal error");
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, message)
    }

    fn too_many(wait: Duration) -> Self {
        let mut e = Self::new(
            StatusCode::TOO_MANY_REQUESTS,
            format!(
                "rate limit: too many requests; retry in {:.1} s",
                wait.as_secs_f64()
            ),
        );
        e.retry_after = Some(wait);
        e
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut resp = (self.status, Json(self.body)).into_response();
        if let Some(wait) = self.retry_after {
            let secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
            resp.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(secs.max(1)));
        }
        resp
    }
}

impl From<AuthError> for ApiError {
    fn from(e: AuthError) -> Self {
        let parameter = match &e {
            AuthError::Missing(h) => *h,
            AuthError::Malformed { header, .. } => header,
            AuthError::Stale { .. } => auth::TIMESTAMP,
            AuthError::Signature(_) => auth::SIGNATURE,
        };
        Self::new(StatusCode::UNAUTHORIZED, e.to_string()).parameter(parameter)
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Pool(_) => Self::new(StatusCode::SERVICE_UNAVAILABLE, e.to_string()),
            e => Self::internal(e.to_string()),
        }
    }
}

impl From<LadderError> for ApiError {
    fn from(e: LadderError) -> Self {
        match e {
            LadderError::Busy(_) => Self::conflict(e.to_string()),
            LadderError::Store(s) => s.into(),
        }
    }
}

impl From<BlobError> for ApiError {
    fn from(e: BlobError) -> Self {
        match e {
            BlobError::HashMismatch { .. } => Self::bad("hash", e.to_string()),
            BlobError::NotFound(_) => Self::not_found(e.to_string()),
            e => Self::internal(e.to_string()),
        }
    }
}

impl From<UpstreamError> for ApiError {
    fn from(e: UpstreamError) -> Self {
        match e {
            UpstreamError::NotOpen(m) => Self::conflict(m),
            UpstreamError::NoIndexer => Self::new(StatusCode::SERVICE_UNAVAILABLE, e.to_string()),
            UpstreamError::NotIndexed(_) => {
                let mut err = Self::new(StatusCode::SERVICE_UNAVAILABLE, e.to_string());
                err.retry_after = Some(Duration::from_secs(1));
                err
            }
            e => Self::new(StatusCode::BAD_GATEWAY, e.to_string()),
        }
    }
}

/// Reads a body of at most `limit` bytes (413 naming `what` beyond it).
async fn read_body(body: Body, limit: usize, what: &str) -> Result<Bytes, ApiError> {
    axum::body::to_bytes(body, limit).await.map_err(|_| {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the {what} is larger than the board's limit of {limit} bytes"),
        )
    })
}

/// Parses a JSON body, naming what did not fit.
fn parse_json<T: serde::de::DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    serde_json::from_slice(body).map_err(|e| ApiError::bad("body", format!("request body: {e}")))
}

/// A path hash.
pub(crate) fn parse_hash(s: &str) -> Result<Hash32, ApiError> {
    s.parse()
        .map_err(|e: lumen_sdk::render::HashParseError| ApiError::bad("hash", e.to_string()))
}

/// An account address.
pub(crate) fn parse_address(what: &str, s: &str) -> Result<AccountAddress, ApiError> {
    AccountAddress::from_hex(s.trim())
        .map_err(|e| ApiError::bad(what, format!("`{what}` is not an account address: {e}")))
}

async fn rate_limit_ip(
    State(st): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    req: Request,
    next: Next,
) -> Response {
    match st.0.ip_limiter.check(&peer.ip().to_string()) {
        Ok(()) => next.run(req).await,
        Err(wait) => ApiError::too_many(wait).into_response(),
    }
}

async fn health(State(st): State<AppState>) -> Response {
    let db = st
        .db(|c| {
            use diesel::RunQueryDsl;
            diesel::sql_query("SELECT 1")
                .execute(c)
                .map_err(|e| ApiError::from(StoreError::from(e)))
        })
        .await;
    match db {
        Ok(_) => Json(serde_json::json!({"status": "ok", "database": "ok"})).into_response(),
        Err(e) => {
            let mut r = e.into_response();
            *r.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
            r
        }
    }
}

/// `.blend` files start with `BLENDER`; compressed ones with the gzip or
/// zstd magic.
fn looks_like_blend(b: &[u8]) -> bool {
    b.starts_with(b"BLENDER")
        || b.starts_with(&[0x1f, 0x8b])
        || b.starts_with(&[0x28, 0xb5, 0x2f, 0xfd])
}

async fn put_blob(
    State(st): State<AppState>,
    Path(hash): Path<String>,
    req: SignedRequest,
) -> Result<Json<BlobStored>, ApiError> {
    let hash = parse_hash(&hash)?;
    let (_, bytes) = req.body(&st, st.0.limits.max_scene_bytes, "scene").await?;
    if !looks_like_blend(&bytes) {
        return Err(ApiError::bad(
            "body",
            "the body is not a .blend file (it must start with BLENDER or be gzip/zstd compressed)",
        ));
    }
    let size = bytes.len() as u64;
    let hash = st.0.blobs.put(bytes, Some(hash)).await?;
    Ok(Json(BlobStored { hash, size }))
}

async fn get_blob(
    State(st): State<AppState>,
    Path(hash): Path<String>,
) -> Result<Response, ApiError> {
    let hash = parse_hash(&hash)?;
    let bytes = st.0.blobs.get(&hash).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/octet-stream"),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        bytes,
    )
        .into_response())
}

async fn not_found(uri: Uri) -> ApiError {
    ApiError::not_found(format!("no route {}", uri.path()))
}

async fn method_not_allowed(method: Method, uri: Uri) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        format!("{method} is not allowed on {}", uri.path()),
    )
}

/// The board's routes (see [`crate::proto`]).
pub fn router(state: AppState) -> Router {
    use crate::{jobs, offers};
    Router::new()
        .route("/health", get(health))
        .route("/v1/blobs/{hash}", put(put_blob).get(get_blob))
        .route("/v1/jobs", post(jobs::post_job))
        .route("/v1/jobs/{job}", get(jobs::get_job))
        .route("/v1/jobs/{job}/candidates", get(jobs::candidates))
        .route("/v1/jobs/{job}/offers", post(jobs::post_offers))
        .route("/v1/jobs/{job}/rerender", post(jobs::post_rerender))
        .route("/v1/jobs/{job}/frames/{frame}", put(jobs::put_frame))
        .route("/v1/workers/{address}/offers", get(offers::poll))
        .route("/v1/offers/{id}/decline", post(offers::decline))
        .route("/v1/offers/{id}/accepted", post(offers::accepted))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        // Bodies are read with their own limits in the handlers.
        .layer(axum::extract::DefaultBodyLimit::disable())
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            rate_limit_ip,
        ))
        .with_state(state)
}

/// Aborts the task when dropped.
struct AbortOnDrop(tokio::task::JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Serves the board on `listener` and moves expired offers on, until the
/// listener fails or this future is dropped (the ladder clock stops with it).
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) -> std::io::Result<()> {
    let _clock = AbortOnDrop(tokio::spawn(crate::offers::run_ladder_clock(state.clone())));
    axum::serve(
        listener,
        router(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .await
}
