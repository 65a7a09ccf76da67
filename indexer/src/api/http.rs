//! What browsers need from every answer: CORS (which origins may read the
//! API from their pages, preflights answered) and revalidation (`ETag`,
//! `Cache-Control`, `304 Not Modified`).

use std::time::Duration;

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sha2::{Digest, Sha256};
use tower_http::cors::{AllowOrigin, CorsLayer};

use super::error::ApiError;

/// The origins whose pages may read the API (`Access-Control-Allow-Origin`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum CorsOrigins {
    /// Any origin (`*`): the API is public, read-only and takes no
    /// credentials, so any page may show its data.
    #[default]
    Any,
    /// Only these origins (`scheme://host[:port]`, as browsers send them).
    List(Vec<String>),
}

impl std::str::FromStr for CorsOrigins {
    type Err = String;

    /// `*`, or origins separated by commas.
    fn from_str(s: &str) -> Result<Self, String> {
        if s.trim() == "*" {
            return Ok(Self::Any);
        }
        let mut out = vec![];
        for o in s.split(',').map(str::trim).filter(|o| !o.is_empty()) {
            let rest = o
                .strip_prefix("http://")
                .or_else(|| o.strip_prefix("https://"))
                .ok_or_else(|| format!("origin {o:?} must start with http:// or https://"))?;
            if rest.is_empty() || rest.contains('/') || o.ends_with(':') {
                return Err(format!(
                    "origin {o:?} must be scheme://host[:port], without a path"
                ));
            }
            HeaderValue::from_str(o).map_err(|_| format!("origin {o:?} is not a header value"))?;
            out.push(o.to_ascii_lowercase());
        }
        if out.is_empty() {
            return Err("no origin given (use * for any)".into());
        }
        Ok(Self::List(out))
    }
}

/// The CORS layer: `GET`/`HEAD` from the allowed origins, the request
/// headers a page revalidating or resuming a live feed sends, `ETag` readable
/// by scripts, preflights cached for an hour.
pub fn cors(origins: &CorsOrigins) -> CorsLayer {
    let allow = match origins {
        CorsOrigins::Any => AllowOrigin::any(),
        CorsOrigins::List(list) => AllowOrigin::list(
            list.iter()
                .map(|o| HeaderValue::from_str(o).expect("checked when parsed")),
        ),
    };
    CorsLayer::new()
        .allow_origin(allow)
        .allow_methods([Method::GET, Method::HEAD])
        .allow_headers([
            header::IF_NONE_MATCH,
            header::CACHE_CONTROL,
            header::HeaderName::from_static("last-event-id"),
        ])
        .expose_headers([header::ETAG])
        .max_age(Duration::from_secs(3600))
}

/// `Cache-Control` of API answers: caches may keep them but must ask again
/// (with the `ETag`) before reuse, since any block can change them.
pub const REVALIDATE: HeaderValue = HeaderValue::from_static("no-cache");

/// The largest answer given an `ETag` (larger ones are streamed untouched).
const MAX_TAGGED_BYTES: usize = 16 * 1024 * 1024;

/// Gives successful `GET` answers a strong `ETag` (a hash of the body) and
/// `Cache-Control: no-cache` unless they carry their own, and answers a
/// matching `If-None-Match` with `304 Not Modified`. Streams
/// (`text/event-stream`) pass through.
pub async fn etag(req: Request<Body>, next: Next) -> Response {
    let get = req.method() == Method::GET;
    let if_none_match = req.headers().get(header::IF_NONE_MATCH).cloned();
    let res = next.run(req).await;
    let streaming = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|t| t.as_bytes().starts_with(b"text/event-stream"));
    if !get || res.status() != StatusCode::OK || streaming {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let body = match parts.headers.get(header::ETAG) {
        Some(_) => body,
        None => {
            let bytes = match axum::body::to_bytes(body, MAX_TAGGED_BYTES).await {
                Ok(b) => b,
                Err(e) => return ApiError::internal(e).into_response(),
            };
            let digest = Sha256::digest(&bytes);
            let tag = HeaderValue::from_str(&format!("\"{}\"", hex::encode(&digest[..16])))
                .expect("hex is a header value");
            parts.headers.insert(header::ETAG, tag);
            parts
                .headers
                .entry(header::CACHE_CONTROL)
                .or_insert(REVALIDATE);
            Body::from(bytes)
        }
    };
    if matches(if_none_match.as_ref(), &parts.headers[header::ETAG]) {
        let mut r = StatusCode::NOT_MODIFIED.into_response();
        for h in [header::ETAG, header::CACHE_CONTROL, header::VARY] {
            if let Some(v) = parts.headers.get(&h) {
                r.headers_mut().insert(h, v.clone());
            }
        }
        return r;
    }
    Response::from_parts(parts, body)
}

/// `If-None-Match` (a list, or `*`) names `tag`.
fn matches(if_none_match: Option<&HeaderValue>, tag: &HeaderValue) -> bool {
    let Some(v) = if_none_match.and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let tag = tag.to_str().unwrap_or_default();
    v.split(',')
        .map(str::trim)
        .any(|t| t == "*" || t == tag || t.strip_prefix("W/") == Some(tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_parse_and_refuse_what_browsers_never_send() {
        assert_eq!("*".parse::<CorsOrigins>(), Ok(CorsOrigins::Any));
        assert_eq!(
            "https://explorer.example, http://127.0.0.1:5173".parse::<CorsOrigins>(),
            Ok(CorsOrigins::List(vec![
                "https://explorer.example".into(),
                "http://127.0.0.1:5173".into()
            ]))
        );
        for bad in [
            "",
            "explorer.example",
            "https://a.example/",
            "https://",
            "ftp://x",
        ] {
            assert!(bad.parse::<CorsOrigins>().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn if_none_match_lists_and_weak_tags() {
        let tag = HeaderValue::from_static("\"abc\"");
        let m = |v: &'static str| matches(Some(&HeaderValue::from_static(v)), &tag);
        assert!(m("\"abc\""));
        assert!(m("\"x\", W/\"abc\""));
        assert!(m("*"));
        assert!(!m("\"abd\""));
        assert!(!matches(None, &tag));
    }
}
