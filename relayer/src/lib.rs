//! `lumen-relayer`: the Vulkan GPU benchmark, benchmark attestation and the
//! attester service.
#![warn(missing_docs)]

pub mod attest;
pub mod bench;
pub mod chain;
pub mod db;
pub mod protocol;
pub mod queue;
pub mod service;
pub mod verify;
pub mod vulkan;
pub mod work;

/// An HTTP client with the given timeout. reqwest is built without a TLS
/// crypto provider of its own, so rustls' ring provider is installed first
/// (once per process; later calls are no-ops).
pub(crate) fn http_client(timeout: std::time::Duration) -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder()
        .timeout(timeout)
        .build()
        .expect("an HTTP client with rustls builds")
}
