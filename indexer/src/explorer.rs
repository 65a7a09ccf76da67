//! The explorer: the single-page app of `web/`, embedded in the binary at
//! build time (`build.rs`), served at `/` beside the API.
//!
//! Files under `/assets/` have content-hashed names and are cached for a
//! year; `index.html` is revalidated. A browser navigating to any other path
//! outside the API (a deep link such as `/jobs/12`) gets `index.html`, whose
//! router shows the page; requests that do not ask for HTML keep the API's
//! JSON 404. Each file is served brotli- or gzip-compressed when the client
//! accepts it (compressed at build time).

use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::api::ApiError;

/// One file of the bundle.
#[derive(Debug)]
pub struct Asset {
    /// Its path under `/`.
    pub path: &'static str,
    /// A hash of `raw`.
    pub etag: &'static str,
    /// The file.
    pub raw: &'static [u8],
    /// Its gzip form.
    pub gzip: Option<&'static [u8]>,
    /// Its brotli form.
    pub brotli: Option<&'static [u8]>,
}

mod embedded {
    use super::Asset;
    include!(concat!(env!("OUT_DIR"), "/explorer_assets.rs"));
}

/// The bundle built into this binary (empty without one).
pub static BUNDLE: &[Asset] = embedded::ASSETS;

/// What `/` says when the binary has no bundle.
const NOT_BUILT: &str = "<!doctype html><meta charset=utf-8><title>Lumen explorer not built</title>\
<h1>The explorer is not built into this binary</h1>\
<p>Build the web bundle and rebuild <code>lumen-indexer</code>: <code>cd web &amp;&amp; npm ci &amp;&amp; npm run build</code> \
(<code>scripts/test.sh</code> and <code>scripts/demo.sh</code> do it). \
The API answers at <a href=/v1/status>/v1/status</a>; its document is <a href=/openapi.json>/openapi.json</a>.</p>";

/// Serves the explorer's files.
#[derive(Clone, Copy)]
pub struct Explorer {
    assets: &'static [Asset],
}

impl Default for Explorer {
    fn default() -> Self {
        Self::new(BUNDLE)
    }
}

impl Explorer {
    /// Over `assets` (the embedded [`BUNDLE`], or a test's files).
    pub fn new(assets: &'static [Asset]) -> Self {
        Self { assets }
    }

    /// Whether a bundle is built in.
    pub fn is_built(&self) -> bool {
        self.find("/index.html").is_some()
    }

    fn find(&self, path: &str) -> Option<&'static Asset> {
        self.assets.iter().find(|a| a.path == path)
    }

    /// The answer to `GET path`, or `None` when the explorer has nothing
    /// there (the API's 404 applies).
    pub fn serve(&self, path: &str, headers: &HeaderMap) -> Option<Response> {
        let wants_html = headers
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("text/html"));
        let asset = match self.find(path) {
            Some(a) if path != "/index.html" => a,
            // The app's own routes: `/`, and any page a browser asks for.
            _ if path == "/" || (wants_html && is_page_path(path)) => {
                let Some(index) = self.find("/index.html") else {
                    let mut r = (StatusCode::SERVICE_UNAVAILABLE, NOT_BUILT).into_response();
                    r.headers_mut().insert(
                        header::CONTENT_TYPE,
                        HeaderValue::from_static("text/html; charset=utf-8"),
                    );
                    return Some(r);
                };
                index
            }
            _ => return None,
        };
        Some(respond(asset, headers))
    }
}

/// A path the app's router may own: not the API's, not a file.
fn is_page_path(path: &str) -> bool {
    !(path.starts_with("/v1/") || path == "/v1" || path.starts_with("/assets/"))
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Whether `Accept-Encoding` takes `coding` (a `q=0` refuses it).
fn accepts(headers: &HeaderMap, coding: &str) -> bool {
    let Some(v) = headers
        .get(header::ACCEPT_ENCODING)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    v.split(',').any(|part| {
        let mut it = part.split(';').map(str::trim);
        let name = it.next().unwrap_or_default();
        let refused = it.any(|p| {
            p.strip_prefix("q=")
                .and_then(|q| q.parse::<f32>().ok())
                .is_some_and(|q| q == 0.0)
        });
        name.eq_ignore_ascii_case(coding) && !refused
    })
}

fn respond(a: &'static Asset, headers: &HeaderMap) -> Response {
    let (body, encoding) = match (a.brotli, a.gzip) {
        (Some(b), _) if accepts(headers, "br") => (b, Some("br")),
        (_, Some(g)) if accepts(headers, "gzip") => (g, Some("gzip")),
        _ => (a.raw, None),
    };
    let immutable = a.path.starts_with("/assets/");
    let etag = format!("\"{}{}\"", a.etag, encoding.map_or("", |e| &e[..1]));
    let mut r = body.into_response();
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type(a.path)),
    );
    h.insert(
        header::ETAG,
        HeaderValue::from_str(&etag).expect("hex is a header value"),
    );
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(if immutable {
            "public, max-age=31536000, immutable"
        } else {
            "no-cache"
        }),
    );
    h.insert(header::VARY, HeaderValue::from_static("Accept-Encoding"));
    if let Some(e) = encoding {
        h.insert(header::CONTENT_ENCODING, HeaderValue::from_static(e));
    }
    r
}

/// The API's fallback: the explorer's page or file, else the JSON 404.
pub fn fallback(
    explorer: &Explorer,
    method: &axum::http::Method,
    path: &str,
    headers: &HeaderMap,
) -> Response {
    if method == axum::http::Method::GET || method == axum::http::Method::HEAD {
        if let Some(r) = explorer.serve(path, headers) {
            return r;
        }
    }
    ApiError::not_found("no such endpoint; see /openapi.json").into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    static FILES: &[Asset] = &[
        Asset {
            path: "/index.html",
            etag: "01",
            raw: b"<!doctype html><title>app</title>",
            gzip: Some(b"gz-index"),
            brotli: None,
        },
        Asset {
            path: "/assets/app-1234.js",
            etag: "02",
            raw: b"console.log(1)",
            gzip: Some(b"gz-js"),
            brotli: Some(b"br-js"),
        },
    ];

    fn get(e: &Explorer, path: &str, hs: &[(&'static str, &'static str)]) -> Option<Response> {
        let mut h = HeaderMap::new();
        for (k, v) in hs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        e.serve(path, &h)
    }

    #[test]
    fn files_pages_and_the_api_404() {
        let e = Explorer::new(FILES);
        assert!(e.is_built());
        let r = get(&e, "/", &[]).unwrap();
        assert_eq!(r.headers()["content-type"], "text/html; charset=utf-8");
        assert_eq!(r.headers()["cache-control"], "no-cache");
        // A deep link from a browser gets the app; the same path asked by
        // a script, or any path under /v1, does not.
        let html = [("accept", "text/html,application/xhtml+xml")];
        assert!(get(&e, "/jobs/12", &html).is_some());
        assert!(get(&e, "/jobs/12", &[("accept", "application/json")]).is_none());
        assert!(get(&e, "/v1/nothing", &html).is_none());
        assert!(get(&e, "/assets/missing.js", &html).is_none());
        let js = get(&e, "/assets/app-1234.js", &[]).unwrap();
        assert_eq!(
            js.headers()["cache-control"],
            "public, max-age=31536000, immutable"
        );
        assert_eq!(js.headers()["etag"], "\"02\"");
        assert!(js.headers().get("content-encoding").is_none());
    }

    #[test]
    fn compressed_forms_follow_accept_encoding() {
        let e = Explorer::new(FILES);
        let enc = |v: &'static str| {
            let r = get(&e, "/assets/app-1234.js", &[("accept-encoding", v)]).unwrap();
            let ce = r
                .headers()
                .get("content-encoding")
                .map(|v| v.to_str().unwrap().to_string());
            (ce, r.headers()["etag"].to_str().unwrap().to_string())
        };
        assert_eq!(
            enc("gzip, deflate, br"),
            (Some("br".into()), "\"02b\"".into())
        );
        assert_eq!(enc("gzip"), (Some("gzip".into()), "\"02g\"".into()));
        assert_eq!(
            enc("br;q=0, gzip;q=0.5"),
            (Some("gzip".into()), "\"02g\"".into())
        );
        assert_eq!(enc("identity"), (None, "\"02\"".into()));
        // index.html has no brotli form: gzip.
        let r = get(&e, "/", &[("accept-encoding", "br, gzip")]).unwrap();
        assert_eq!(r.headers()["content-encoding"], "gzip");
    }

    #[test]
    fn without_a_bundle_the_root_says_how_to_build_it() {
        let e = Explorer::new(&[]);
        assert!(!e.is_built());
        let r = get(&e, "/", &[]).unwrap();
        assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert!(get(&e, "/jobs/1", &[]).is_none());
    }
}
