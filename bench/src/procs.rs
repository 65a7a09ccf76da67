//! Child processes of the measured components: finding their binaries,
//! waiting for them while sampling their peak memory.

use std::path::PathBuf;
use std::process::{Child, ExitStatus};
use std::time::{Duration, Instant};

/// The path of a sibling binary of this executable (cargo puts every
/// workspace binary of a profile in one directory), or `name` on `PATH`.
pub fn sibling_binary(name: &str) -> anyhow::Result<PathBuf> {
    let exe = std::env::current_exe()?;
    if let Some(dir) = exe.parent() {
        let p = dir.join(name);
        if p.is_file() {
            return Ok(p);
        }
        // Test binaries live one level down, in deps/.
        if let Some(up) = dir.parent() {
            let p = up.join(name);
            if p.is_file() {
                return Ok(p);
            }
        }
    }
    if let Some(path) = std::env::var_os("PATH") {
        for d in std::env::split_paths(&path) {
            let p = d.join(name);
            if p.is_file() {
                return Ok(p);
            }
        }
    }
    anyhow::bail!(
        "{name} not found next to {} nor on PATH: build it first (cargo build --release -p {})",
        exe.display(),
        match name {
            "lumen-indexer" => "lumen-indexer",
            "lumen-relayer" => "lumen-relayer",
            other => other,
        }
    )
}

/// A `kB` field of `/proc/<pid>/status` (`VmHWM`, `VmRSS` …) in KiB.
pub fn status_kib(pid: u32, field: &str) -> Option<u64> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    text.lines()
        .find(|l| l.starts_with(field) && l[field.len()..].starts_with(':'))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
}

/// How a watched process ended.
#[derive(Debug, Clone, Copy)]
pub struct Watched {
    /// Its exit status.
    pub status: ExitStatus,
    /// Wall time from the call until it exited.
    pub wall: Duration,
    /// Peak resident set (`VmHWM`) seen, KiB.
    pub peak_rss_kib: u64,
}

/// Waits for `child`, reading its `VmHWM` every `every` (the kernel's own
/// high-water mark, so short peaks between two reads are not missed).
pub fn wait_watching(child: &mut Child, every: Duration) -> std::io::Result<Watched> {
    let t0 = Instant::now();
    let pid = child.id();
    let mut peak = 0u64;
    loop {
        if let Some(hwm) = status_kib(pid, "VmHWM") {
            peak = peak.max(hwm);
        }
        if let Some(status) = child.try_wait()? {
            return Ok(Watched {
                status,
                wall: t0.elapsed(),
                peak_rss_kib: peak,
            });
        }
        std::thread::sleep(every);
    }
}

/// Kills a child on drop (servers the benchmark started).
pub struct KillOnDrop(pub Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}
