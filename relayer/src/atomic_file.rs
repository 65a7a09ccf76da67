//! Replacing a file so that a crash at any instant leaves either its old or
//! its new contents, never a torn mix.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Prefix of the temporary file a write goes through; a leftover one is the
/// trace of a write a crash interrupted, and may be deleted.
pub(crate) const TEMP_PREFIX: &str = ".tmp-";

/// Writes `bytes` to `path` atomically and durably: into a temporary file
/// beside it, fsync, rename over `path`, fsync of the directory. Errors name
/// the file that failed.
pub(crate) fn write(path: &Path, bytes: &[u8]) -> Result<(), (PathBuf, std::io::Error)> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let temp = dir.join(format!("{TEMP_PREFIX}{}", name.unwrap_or_default()));
    let mut file = fs::File::create(&temp).map_err(|e| (temp.clone(), e))?;
    file.write_all(bytes).map_err(|e| (temp.clone(), e))?;
    file.sync_all().map_err(|e| (temp.clone(), e))?;
    drop(file);
    fs::rename(&temp, path).map_err(|e| (path.to_path_buf(), e))?;
    fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| (dir.to_path_buf(), e))
}

#[cfg(test)]
mod tests {
    #[test]
    fn replaces_the_file_and_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.json");
        super::write(&path, b"one").unwrap();
        super::write(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("state.json")]);
        let missing = dir.path().join("no-such-dir").join("x");
        let (failed, _) = super::write(&missing, b"x").unwrap_err();
        assert!(failed.ends_with(".tmp-x"), "{failed:?}");
    }
}
