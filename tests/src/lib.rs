//! Cross-crate end-to-end tests of Lumen, the network scenario model behind
//! the demo, and the shared test vectors (`tests/vectors/*.json`).
//!
//! - [`scenario`]: a seeded population of actors calling the contract (the
//!   one model of it, `lumen-model`), written as a realistic chain of REST
//!   transactions with its own books ([`scenario::Summary`]).

use std::path::PathBuf;

pub mod scenario;

/// Logs of this crate's binaries: `RUST_LOG` (default `info`) to stderr, so
/// that stdout carries only what they print for scripts (URLs, paths).
pub fn init_logging() {
    lumen_sdk::logging::init(lumen_sdk::logging::Output::Stderr);
}

/// Path of a file under `tests/vectors/`: from the directory cargo gives a
/// running test of this crate, else from where this crate was built (a
/// shared target directory may hold a binary built in another clone).
pub fn vector_path(name: &str) -> PathBuf {
    let here = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .filter(|d| d.join("vectors").is_dir())
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    here.join("vectors").join(name)
}
