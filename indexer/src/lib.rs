//! `lumen-indexer`: mirrors the Lumen package's chain events into PostgreSQL
//! and serves them to explorers.

pub mod pg_cluster;
