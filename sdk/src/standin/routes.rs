//! The stand-in's read routes, its headers, errors and injected faults.

use std::sync::{Arc, Mutex, MutexGuard};

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};

use super::{read, submit, Fault, Inner};

pub(super) type Shared = Arc<Mutex<Inner>>;

pub(super) fn lock(s: &Shared) -> MutexGuard<'_, Inner> {
    s.lock().unwrap_or_else(|e| e.into_inner())
}

pub(super) fn router(inner: Shared) -> Router {
    Router::new()
        .route("/v1", get(ledger_info))
        .route("/v1/", get(ledger_info))
        .route("/v1/accounts/{addr}", get(account))
        .route(
            "/v1/transactions",
            post(submit::submit).get(list_transactions),
        )
        .route("/v1/transactions/simulate", post(submit::simulate))
        .route("/v1/transactions/by_hash/{hash}", get(by_hash))
        .route("/v1/view", post(view))
        .route("/v1/estimate_gas_price", get(gas_price))
        .layer(axum::middleware::from_fn_with_state(inner.clone(), guard))
        .with_state(inner)
}

fn headers(g: &Inner) -> HeaderMap {
    let mut h = HeaderMap::new();
    let mut put = |k: &'static str, v: String| {
        h.insert(k, HeaderValue::from_str(&v).expect("ascii header"));
    };
    let head = g.head();
    put(
        "x-aptos-chain-id",
        g.header_chain_id.unwrap_or(g.chain_id).to_string(),
    );
    put("x-aptos-ledger-version", head.to_string());
    put("x-aptos-ledger-oldest-version", g.prune_before.to_string());
    put("x-aptos-oldest-ledger-version", g.prune_before.to_string());
    put("x-aptos-ledger-timestampusec", g.now_usecs().to_string());
    put("x-aptos-ledger-timestamp", g.now_usecs().to_string());
    put("x-aptos-epoch", "1".into());
    put("x-aptos-block-height", head.to_string());
    put("x-aptos-oldest-block-height", "0".into());
    h
}

pub(super) fn error(status: StatusCode, code: &str, message: impl Into<String>) -> Response {
    (
        status,
        Json(json!({"message": message.into(), "error_code": code, "vm_error_code": null})),
    )
        .into_response()
}

async fn guard(
    State(s): State<Shared>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let (fail, hdrs) = {
        let mut g = lock(&s);
        g.requests += 1;
        (g.failures.pop_front(), headers(&g))
    };
    let mut resp = match fail {
        Some(code) => {
            let status = StatusCode::from_u16(code).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let mut r = error(
                status,
                "injected_failure",
                format!("injected failure {code}"),
            );
            if code == 429 {
                r.headers_mut()
                    .insert("retry-after", HeaderValue::from_static("0"));
            }
            r
        }
        None => next.run(req).await,
    };
    for (k, v) in hdrs.iter() {
        resp.headers_mut().entry(k).or_insert(v.clone());
    }
    resp
}

async fn ledger_info(State(s): State<Shared>) -> Response {
    let g = lock(&s);
    Json(json!({
        "chain_id": g.chain_id,
        "epoch": "1",
        "ledger_version": g.head().to_string(),
        "oldest_ledger_version": g.prune_before.to_string(),
        "ledger_timestamp": g.now_usecs().to_string(),
        "node_role": "full_node",
        "oldest_block_height": "0",
        "block_height": g.head().to_string(),
        "git_hash": "standin",
    }))
    .into_response()
}

async fn account(State(s): State<Shared>, Path(addr): Path<String>) -> Response {
    let Ok(a) = crate::movejson::parse_address(&addr) else {
        return error(
            StatusCode::BAD_REQUEST,
            "invalid_input",
            format!("invalid address {addr}"),
        );
    };
    let mut g = lock(&s);
    let acc = g.account(a);
    Json(json!({
        "sequence_number": acc.sequence_number.to_string(),
        "authentication_key": format!("0x{}", hex::encode(acc.auth_key)),
    }))
    .into_response()
}

async fn by_hash(State(s): State<Shared>, Path(hash): Path<String>) -> Response {
    let g = lock(&s);
    let Some(&i) = g.by_hash.get(&hash.to_lowercase()) else {
        return error(
            StatusCode::NOT_FOUND,
            "transaction_not_found",
            format!("Transaction not found by Transaction hash({hash})"),
        );
    };
    let t = &g.submitted[i];
    match t.version.and_then(|v| read(&g.ledger).get(v)) {
        Some(committed) => Json(committed).into_response(),
        None => Json(submit::pending_json(t)).into_response(),
    }
}

#[derive(serde::Deserialize)]
struct Page {
    start: Option<u64>,
    limit: Option<u64>,
}

/// What a page request gets, decided under the lock.
enum Answer {
    Error(Response),
    Page {
        start: u64,
        end: u64,
        fault: Option<Fault>,
        delay: Option<std::time::Duration>,
    },
}

async fn list_transactions(State(s): State<Shared>, Query(p): Query<Page>) -> Response {
    let (answer, ledger) = {
        let mut g = lock(&s);
        let limit = p.limit.unwrap_or(25).clamp(1, 100);
        let head = g.head();
        let start = p.start.unwrap_or_else(|| head.saturating_sub(limit - 1));
        g.page_requests.push((start, limit));
        let fault = g.faults.pop_front();
        let delay = g
            .slow_starts
            .iter()
            .find(|(s, _)| *s == start)
            .map(|(_, d)| *d);
        let answer = if start < g.prune_before {
            Answer::Error(error(
                StatusCode::GONE,
                "version_pruned",
                format!(
                    "Ledger version({start}) has been pruned, oldest ledger version is {}",
                    g.prune_before
                ),
            ))
        } else if start > head {
            // What a real node answers (api/src/page.rs).
            Answer::Error(error(
                StatusCode::BAD_REQUEST,
                "invalid_input",
                format!(
                    "Given start value ({start}) is higher than the current ledger version, it must be < {}",
                    head + 1
                ),
            ))
        } else {
            let end = (start + limit.min(g.max_page)).min(head + 1);
            if fault.is_none() {
                g.served += end - start;
            }
            Answer::Page {
                start,
                end,
                fault,
                delay,
            }
        };
        (answer, g.ledger.clone())
    };
    let (start, end, fault, delay) = match answer {
        Answer::Error(r) => return r,
        Answer::Page {
            start,
            end,
            fault,
            delay,
        } => (start, end, fault, delay),
    };
    if let Some(d) = delay {
        tokio::time::sleep(d).await;
    }
    match fault {
        Some(Fault::TooMany) => {
            let mut r = error(
                StatusCode::TOO_MANY_REQUESTS,
                "injected_failure",
                "slow down",
            );
            r.headers_mut()
                .insert("retry-after", HeaderValue::from_static("0"));
            return r;
        }
        Some(Fault::Internal) => {
            return error(
                StatusCode::INTERNAL_SERVER_ERROR,
                "injected_failure",
                "oops",
            )
        }
        Some(Fault::NotFound) => {
            return error(
                StatusCode::NOT_FOUND,
                "version_not_found",
                "Ledger version not found",
            )
        }
        Some(Fault::Delay(d)) => tokio::time::sleep(d).await,
        Some(Fault::Truncated) | None => {}
    }
    // Reading a stored page is blocking work; keep it off the accept loop.
    let body = tokio::task::spawn_blocking(move || read(&ledger).page(start, end))
        .await
        .map_err(std::io::Error::other)
        .and_then(|r| r);
    match body {
        Ok(mut body) => {
            if fault == Some(Fault::Truncated) {
                body.truncate(body.len() / 2);
            }
            (
                [(
                    axum::http::header::CONTENT_TYPE,
                    HeaderValue::from_static("application/json"),
                )],
                body,
            )
                .into_response()
        }
        Err(e) => error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal_error",
            format!("reading the ledger: {e}"),
        ),
    }
}

async fn view(State(s): State<Shared>, Json(body): Json<Value>) -> Response {
    let (handler, now) = {
        let mut g = lock(&s);
        g.view_requests.push(body.clone());
        (g.views.clone(), g.now_usecs() / 1_000_000)
    };
    match handler {
        Some(f) => match f(&body, now) {
            Ok(v) => Json(Value::Array(v)).into_response(),
            Err(m) => error(StatusCode::BAD_REQUEST, "invalid_input", m),
        },
        None => error(
            StatusCode::BAD_REQUEST,
            "invalid_input",
            "no view handler installed",
        ),
    }
}

async fn gas_price() -> Response {
    Json(json!({"gas_estimate": 100, "deprioritized_gas_estimate": 100, "prioritized_gas_estimate": 150}))
        .into_response()
}
