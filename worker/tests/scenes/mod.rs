//! Scenes generated at run time by `scenes/make_scene.py` with real Blender,
//! in directories the sandbox user can reach.
#![allow(dead_code)]

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn manifest_dir() -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")))
}

/// A temporary directory the sandbox user can reach.
pub fn open_dir() -> tempfile::TempDir {
    let d = tempfile::Builder::new()
        .prefix("lumen-worker-test-")
        .tempdir()
        .unwrap();
    std::fs::set_permissions(d.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    d
}

/// A scene made by `scenes/make_scene.py` with the options `extra`.
pub fn make_scene(dir: &Path, name: &str, extra: &[&str]) -> PathBuf {
    let out = dir.join(name);
    let o = Command::new("blender")
        .args(["-b", "--factory-startup", "-noaudio", "--python"])
        .arg(manifest_dir().join("scenes/make_scene.py"))
        .arg("--")
        .arg(&out)
        .args(extra)
        .output()
        .expect("blender runs (scripts/setup.sh installs it)");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o644)).unwrap();
    out
}

/// A scene of `frames` frames holding a script that Blender runs on load
/// when auto-execution is on; the script creates `marker`.
pub fn autorun_scene(dir: &Path, name: &str, frames: u64, marker: &Path) -> PathBuf {
    let frames = frames.to_string();
    let marker = marker.to_str().unwrap();
    make_scene(
        dir,
        name,
        &["--frames", &frames, "--autorun-marker", marker],
    )
}

/// Writes at `path` a `blender` that runs the real one and kills it with
/// SIGSEGV when it starts frame 2 while the bash condition `also` holds,
/// after running `first`.
pub fn crashing_blender(path: &Path, also: &str, first: &str) -> PathBuf {
    let script = format!(
        "#!/bin/bash\n\
         coproc B {{ exec /usr/bin/blender \"$@\"; }}\n\
         while IFS= read -r line <&\"${{B[0]}}\"; do\n\
         \x20 echo \"$line\"\n\
         \x20 if [[ $line == 'LUMEN-FRAME-START 2'{also} ]]; then\n\
         \x20   {first}kill -SEGV $B_PID; wait $B_PID; exit $?\n\
         \x20 fi\n\
         done\n\
         wait $B_PID\n"
    );
    std::fs::write(path, script).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path.to_path_buf()
}
