//! The attester service's HTTP face: routes, the per-address rate limits,
//! the request deadline and body limit, and the one error shape every
//! refusal has.

use std::net::{IpAddr, Ipv6Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::extract::rejection::JsonRejection;
use axum::extract::{
    ConnectInfo, DefaultBodyLimit, FromRequest, FromRequestParts, Path, Request, State,
};
use axum::http::request::Parts;
use axum::http::{header, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::de::DeserializeOwned;

use super::rate::Class;
use super::{Service, ServiceError};
use crate::protocol::{
    ChallengeRequest, ChallengeRound, LivenessAnswer, LivenessPoll, Opening, Rejected, Submission,
};
use crate::verify::Rejection;

/// The one error shape of every refusal.
fn error(status: StatusCode, reason: &str, message: impl Into<String>) -> Response {
    let body = Rejected {
        reason: reason.into(),
        message: message.into(),
    };
    (status, Json(body)).into_response()
}

fn rejected(svc: &Service, r: Rejection) -> Response {
    svc.metrics.rejected(r.code());
    let status = match &r {
        Rejection::UnknownChallenge(_) => StatusCode::NOT_FOUND,
        Rejection::ChallengeUsed(_)
        | Rejection::DeviceBound { .. }
        | Rejection::OtherMachine(_)
        | Rejection::MachineRound(_) => StatusCode::CONFLICT,
        Rejection::ChallengeExpired { .. } | Rejection::OpeningLate { .. } => StatusCode::GONE,
        Rejection::BadSignature(_) | Rejection::BadCommitmentSignature(_) => {
            StatusCode::UNAUTHORIZED
        }
        Rejection::BadRequest(_) => StatusCode::BAD_REQUEST,
        Rejection::TooManyChallenges(_) => StatusCode::TOO_MANY_REQUESTS,
        Rejection::NotAttested(_) => StatusCode::FORBIDDEN,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    };
    tracing::info!(reason = r.code(), message = %r, "rejected");
    error(status, r.code(), r.to_string())
}

/// The details stay in the service's log: clients learn only that it failed.
/// The answer to an attester request: its result as JSON with `status`, a
/// rejection in the one error shape (counted), or an internal error.
fn reply<T: serde::Serialize>(
    svc: &Service,
    status: StatusCode,
    outcome: Result<Result<T, Rejection>, ServiceError>,
) -> Response {
    match outcome {
        Ok(Ok(answer)) => (status, Json(answer)).into_response(),
        Ok(Err(r)) => rejected(svc, r),
        Err(e) => internal(e),
    }
}

fn internal(e: ServiceError) -> Response {
    tracing::error!(error = %e, "internal error");
    error(
        StatusCode::INTERNAL_SERVER_ERROR,
        "internal",
        "the service failed to handle the request; try again later",
    )
}

/// Longest part of a body parser's message passed on: enough to name the
/// field, never an echo of a large input.
const MAX_PARSER_MESSAGE: usize = 160;

/// A JSON body whose refusal has the service's one error shape.
struct Body<T>(T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for Body<T> {
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Response> {
        match Json::<T>::from_request(req, state).await {
            Ok(Json(value)) => Ok(Body(value)),
            Err(e) => Err(body_rejected(e)),
        }
    }
}

fn body_rejected(e: JsonRejection) -> Response {
    let status = e.status();
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        return error(status, "body_too_large", "the request body is too large");
    }
    let mut detail = e.body_text();
    if detail.len() > MAX_PARSER_MESSAGE {
        let mut end = MAX_PARSER_MESSAGE;
        while !detail.is_char_boundary(end) {
            end -= 1;
        }
        detail.truncate(end);
        detail.push('…');
    }
    error(status, "bad_request", detail)
}

/// Ends a request that takes longer than the limit, reading its body included.
async fn deadline(State(limit): State<Duration>, req: Request, next: Next) -> Response {
    match tokio::time::timeout(limit, next.run(req)).await {
        Ok(response) => response,
        Err(_) => error(
            StatusCode::REQUEST_TIMEOUT,
            "timeout",
            format!("the request took longer than {} s", limit.as_secs_f64()),
        ),
    }
}

/// The client's network address: the machine a request comes from, where
/// the router is served with the connection's address ([`serve`]). An IPv6
/// address counts by its /64 prefix, one site's network: a host's privacy
/// addresses rotate within it.
struct Peer(Option<IpAddr>);

fn machine_of(ip: IpAddr) -> IpAddr {
    match ip.to_canonical() {
        IpAddr::V6(v6) => IpAddr::V6(Ipv6Addr::from(u128::from(v6) & !((1u128 << 64) - 1))),
        v4 => v4,
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Peer {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let info = parts.extensions.get::<ConnectInfo<SocketAddr>>();
        Ok(Peer(info.map(|c| machine_of(c.0.ip()))))
    }
}

async fn post_challenge(
    State(svc): State<Arc<Service>>,
    Peer(peer): Peer,
    Body(req): Body<ChallengeRequest>,
) -> Response {
    reply(
        &svc,
        StatusCode::OK,
        svc.challenge_round(&[req], peer)
            .await
            .map(|r| r.map(|mut c| c.remove(0))),
    )
}

async fn post_round(
    State(svc): State<Arc<Service>>,
    Peer(peer): Peer,
    Body(round): Body<ChallengeRound>,
) -> Response {
    reply(
        &svc,
        StatusCode::OK,
        svc.challenge_round(&round.devices, peer).await,
    )
}

async fn post_report(
    State(svc): State<Arc<Service>>,
    Peer(peer): Peer,
    Body(submission): Body<Submission>,
) -> Response {
    // The answer's time ends once its whole body is in (headers sent early
    // with the body trickled in later gain nothing).
    let received = super::now_micros();
    reply(
        &svc,
        StatusCode::OK,
        svc.submit(&submission, received, peer).await,
    )
}

async fn post_report_openings(
    State(svc): State<Arc<Service>>,
    Peer(peer): Peer,
    Body(opening): Body<Opening>,
) -> Response {
    let received = super::now_micros();
    reply(
        &svc,
        StatusCode::ACCEPTED,
        svc.open_report(&opening, received, peer).await,
    )
}

async fn post_liveness(
    State(svc): State<Arc<Service>>,
    Peer(peer): Peer,
    Body(poll): Body<LivenessPoll>,
) -> Response {
    reply(
        &svc,
        StatusCode::OK,
        svc.liveness_poll(poll.worker, peer).await,
    )
}

async fn post_liveness_answer(
    State(svc): State<Arc<Service>>,
    Peer(peer): Peer,
    Body(answer): Body<LivenessAnswer>,
) -> Response {
    let received = super::now_micros();
    reply(
        &svc,
        StatusCode::OK,
        svc.liveness_answer(&answer, received, peer).await,
    )
}

async fn post_liveness_openings(
    State(svc): State<Arc<Service>>,
    Peer(peer): Peer,
    Body(opening): Body<Opening>,
) -> Response {
    let received = super::now_micros();
    reply(
        &svc,
        StatusCode::OK,
        svc.liveness_open(&opening, received, peer).await,
    )
}

async fn get_jobs(State(svc): State<Arc<Service>>) -> Response {
    match svc.queue.all() {
        Ok(jobs) => Json(jobs).into_response(),
        Err(e) => internal(e.into()),
    }
}

async fn get_status(State(svc): State<Arc<Service>>, Path(worker): Path<String>) -> Response {
    let Ok(worker) = lumen_sdk::AccountAddress::from_hex(&worker) else {
        return error(
            StatusCode::BAD_REQUEST,
            "bad_request",
            format!(
                "not an account address ({} bytes given)",
                worker.len().min(MAX_PARSER_MESSAGE)
            ),
        );
    };
    match svc.worker_status(worker).await {
        Ok(status) => Json(status).into_response(),
        Err(e) => internal(e),
    }
}

async fn get_metrics(State(svc): State<Arc<Service>>) -> Response {
    match svc.metrics_text().await {
        Ok(text) => (
            [(
                header::CONTENT_TYPE,
                "text/plain; version=0.0.4; charset=utf-8",
            )],
            text,
        )
            .into_response(),
        Err(e) => internal(e),
    }
}

/// Takes a token from the client's bucket of `class` before the request
/// is read; an empty bucket answers 429 with `Retry-After`. Requests
/// without a known address (a router served without connection info) pass.
async fn rate_limit(
    State((svc, class)): State<(Arc<Service>, Class)>,
    Peer(peer): Peer,
    req: Request,
    next: Next,
) -> Response {
    if let (Some(limiter), Some(machine)) = (&svc.rate, peer) {
        if let Err(wait) = limiter.take(class, machine) {
            svc.metrics.rate_limited(class);
            let secs = wait.as_secs_f64().ceil().max(1.0) as u64;
            let mut response = error(
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limited",
                format!(
                    "this address sends {} requests faster than the service takes them; \
                     try again in {secs} s",
                    class.name()
                ),
            );
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, secs.into());
            return response;
        }
    }
    next.run(req).await
}

/// The HTTP routes, with the request timeout and body limit of the
/// service's [`Limits`]; unknown paths and methods answer in the one error
/// shape too. The openings routes take the largest honest opening of
/// [`super::MAX_ROUNDS`] rounds (a quarter more for the client's
/// formatting) even where the body limit is smaller: refusing an honest
/// answer for its size would waste the device's timed work.
pub fn router(svc: Arc<Service>) -> Router {
    let limits = svc.config.limits.clone();
    let openings_limit = DefaultBodyLimit::max(
        limits
            .max_body_bytes
            .max(Opening::body_limit(super::MAX_ROUNDS)),
    );
    let limited = |class| middleware::from_fn_with_state((svc.clone(), class), rate_limit);
    let challenges = Router::new()
        .route("/v1/challenges", post(post_challenge))
        .route("/v1/challenges/round", post(post_round))
        .route_layer(limited(Class::Challenges));
    let answers = Router::new()
        .route("/v1/reports", post(post_report))
        .route(
            "/v1/reports/openings",
            post(post_report_openings).layer(openings_limit),
        )
        .route("/v1/liveness", post(post_liveness))
        .route("/v1/liveness/answers", post(post_liveness_answer))
        .route(
            "/v1/liveness/openings",
            post(post_liveness_openings).layer(openings_limit),
        )
        .route_layer(limited(Class::Answers));
    Router::new()
        .route("/health", get(|| async { "ok" }))
        .merge(challenges)
        .merge(answers)
        .route("/v1/jobs", get(get_jobs))
        .route("/v1/status/{worker}", get(get_status))
        .route("/metrics", get(get_metrics))
        .fallback(|| async { error(StatusCode::NOT_FOUND, "not_found", "no such endpoint") })
        .method_not_allowed_fallback(|| async {
            error(
                StatusCode::METHOD_NOT_ALLOWED,
                "method_not_allowed",
                "this endpoint does not take that method",
            )
        })
        .layer(DefaultBodyLimit::max(limits.max_body_bytes))
        .layer(middleware::from_fn_with_state(
            limits.request_timeout,
            deadline,
        ))
        .with_state(svc)
}

/// Serves the service's routes on `listener`, each request knowing the
/// network address it came from (the machine rules of [`Service`] need it).
pub async fn serve(listener: tokio::net::TcpListener, svc: Arc<Service>) -> std::io::Result<()> {
    let app = router(svc).into_make_service_with_connect_info::<SocketAddr>();
    axum::serve(listener, app).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ipv6_machine_is_its_64_prefix_and_ipv4_its_address() {
        let a: IpAddr = "2001:db8:1:2:aaaa:bbbb:cccc:dddd".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2::9".parse().unwrap();
        let c: IpAddr = "2001:db8:1:3::9".parse().unwrap();
        assert_eq!(machine_of(a), machine_of(b));
        assert_ne!(machine_of(a), machine_of(c));
        let v4: IpAddr = "192.0.2.7".parse().unwrap();
        let mapped: IpAddr = "::ffff:192.0.2.7".parse().unwrap();
        assert_eq!(machine_of(mapped), v4);
        assert_eq!(machine_of(v4), v4);
    }
}
