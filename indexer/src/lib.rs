//! `lumen-indexer`: mirrors the Lumen package's chain events into PostgreSQL
//! and serves them to explorers.
//!
//! Module map (fetch → decode → store → checkpoint, then serve):
//! - [`source`]: transactions from a fullnode (pages in flight, ordered,
//!   retried) or from a JSON-lines file;
//! - [`decode`]: transactions → typed Lumen events (through `lumen_sdk`);
//! - [`store`]: the pool, migrations and the write of one batch;
//! - [`writer`]: one writer per database (the writer lock);
//! - [`rows`]: the tables' row types;
//! - [`project`]: the projections folded from a batch's events, one module
//!   per domain;
//! - [`eligible`]: the eligible workers and their priority, kept at ingest
//!   for a job's candidates;
//! - [`campaign`]: the testnet-campaign leaderboard and its payout preview;
//! - [`checkpoint`]: the next version to read, chain id and package;
//! - [`pipeline`]: the fetch → decode → store loop with progress logs;
//! - [`api`]: the explorer HTTP API and its OpenAPI document;
//! - [`explorer`]: the explorer's web app, embedded at build time;
//! - [`config`]: command-line flags and environment;
//! - [`metrics`]: Prometheus counters and gauges;
//! - [`pg_cluster`]: a private PostgreSQL server for tests and the demo.

pub mod api;
pub mod campaign;
pub mod checkpoint;
pub mod config;
pub mod decode;
pub mod eligible;
pub mod explorer;
pub mod metrics;
pub mod pg_cluster;
pub mod pipeline;
pub mod project;
pub mod rows;
pub mod schema;
pub mod source;
pub mod store;
pub mod writer;

#[cfg(test)]
mod testgen;
