//! The one logging set-up of the project's binaries (feature `logging`).

use tracing_subscriber::EnvFilter;

/// Where a binary's logs go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    /// Standard output: servers, whose output is their log.
    Stdout,
    /// Standard error: commands whose standard output carries what they
    /// print for scripts (JSON, URLs, paths).
    Stderr,
}

/// Logs at the level `RUST_LOG` sets (`info` when unset) to `output`.
pub fn init(output: Output) {
    init_from("RUST_LOG", "info", output);
}

/// Logs at the level the variable `var` sets (`default` when unset or
/// unreadable) to `output`.
pub fn init_from(var: &str, default: &str, output: Output) {
    let filter = EnvFilter::try_from_env(var).unwrap_or_else(|_| EnvFilter::new(default));
    let logs = tracing_subscriber::fmt().with_env_filter(filter);
    match output {
        Output::Stdout => logs.init(),
        Output::Stderr => logs.with_writer(std::io::stderr).init(),
    }
}
