//! Cross-crate end-to-end tests of Lumen and the shared test vectors
//! (`tests/vectors/*.json`).

use std::path::PathBuf;

/// Path of a file under `tests/vectors/`.
pub fn vector_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("vectors")
        .join(name)
}
