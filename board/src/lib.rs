//! `lumen-board`: the job board. Creators post job specs and ladders of
//! signed offers, workers long-poll for the offers addressed to them and
//! upload frames, everyone downloads scenes and frames by hash.
//!
//! | module | what |
//! |---|---|
//! | [`proto`] | the HTTP API's routes and JSON types |
//! | [`auth`] | signed requests (headers, signed bytes, verification) |
//! | [`client`] | [`client::BoardClient`] for workers and creators |
//! | [`blobs`] | content-addressed blob storage over `object_store` (local directory or S3) |
//! | [`store`] | PostgreSQL schema `board`: jobs, offer ladders, frames, seen signatures |
//! | [`chain`] | what the board asks the chain (job state, keys, VIP standing) and the indexer (candidates) |
//! | [`api`], [`jobs`], [`offers`] | the server: plumbing and blobs, job routes, worker routes and the ladder clock |
//! | [`limits`] | per-IP and per-account token buckets |
#![warn(missing_docs)]

pub mod api;
pub mod auth;
pub mod blobs;
pub mod chain;
pub mod client;
pub mod jobs;
pub mod limits;
pub mod offers;
pub mod proto;
pub mod schema;
pub mod store;

/// An HTTP client with the given timeout. reqwest is built without a TLS
/// crypto provider of its own, so rustls' ring provider is installed first
/// (once per process; later calls are no-ops).
pub fn http_client(timeout: std::time::Duration) -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .timeout(timeout)
        .build()
        .expect("an HTTP client with rustls builds")
}
