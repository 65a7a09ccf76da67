//! The transition vectors of `tests/vectors/transitions/`: the files are
//! what the cases give (regenerate with `LUMEN_WRITE_VECTORS=1 cargo test -p
//! lumen-model --test transitions`, then `python3 scripts/gen_move_vectors.py`
//! for the Move twin), every vector passes through the model, and together
//! they call every entry function and reach every abort of the package.

mod cases;

use std::collections::BTreeSet;
use std::path::PathBuf;

use lumen_model::vectors::{self, Vector};
use lumen_sdk::errors::{self, ABORTS};
use lumen_sdk::payloads::ENTRY_FUNCTIONS;
use serde::{Deserialize, Serialize};

/// Aborts no transition reaches, and why.
const UNREACHABLE: &[(&str, &str, &str)] = &[];

#[derive(Serialize, Deserialize)]
struct File {
    vectors: Vec<Vector>,
}

fn dir() -> PathBuf {
    let here = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    here.join("../tests/vectors/transitions")
}

fn render(vectors: Vec<Vector>) -> String {
    serde_json::to_string_pretty(&File { vectors }).expect("vectors serialize") + "\n"
}

fn load() -> Vec<Vector> {
    let mut all = vec![];
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir())
        .expect("tests/vectors/transitions exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let file: File =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        all.extend(file.vectors);
    }
    all
}

#[test]
fn the_files_are_what_the_cases_give() {
    let write = std::env::var_os("LUMEN_WRITE_VECTORS").is_some();
    let mut stale = vec![];
    for (name, vectors) in cases::all() {
        let path = dir().join(format!("{name}.json"));
        let text = render(vectors);
        if write {
            std::fs::create_dir_all(dir()).unwrap();
            std::fs::write(&path, &text).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "stale vectors (rerun with LUMEN_WRITE_VECTORS=1, then scripts/gen_move_vectors.py): {stale:?}"
    );
}

#[test]
fn every_vector_passes_through_the_model() {
    let all = load();
    assert!(all.len() > 100, "only {} vectors", all.len());
    let mut names = BTreeSet::new();
    for v in &all {
        assert!(names.insert(v.name.clone()), "two vectors named {}", v.name);
        vectors::run(v).unwrap_or_else(|e| panic!("{e}"));
    }
}

#[test]
fn every_entry_function_and_abort_is_covered() {
    let all = load();
    let called: BTreeSet<String> = all
        .iter()
        .flat_map(|v| v.steps.iter().map(|s| s.function.clone()))
        .collect();
    let missing: Vec<String> = ENTRY_FUNCTIONS
        .iter()
        .map(|f| format!("{}::{}", f.module, f.name))
        .filter(|f| !called.contains(f))
        .collect();
    assert!(
        missing.is_empty(),
        "entry functions no vector calls: {missing:?}"
    );

    let reached: BTreeSet<_> = all
        .iter()
        .filter_map(|v| v.steps.last()?.abort.as_ref()?.abort_code())
        .map(|a| (a.module, a.name))
        .collect();
    let unreachable: BTreeSet<_> = UNREACHABLE.iter().map(|(m, n, _)| (*m, *n)).collect();
    let missing: Vec<String> = ABORTS
        .iter()
        .filter(|a| {
            !reached.contains(&(a.module, a.name)) && !unreachable.contains(&(a.module, a.name))
        })
        .map(|a| a.to_string())
        .collect();
    assert!(missing.is_empty(), "aborts no vector reaches: {missing:?}");
    for (m, n, _) in UNREACHABLE {
        assert!(
            !reached.contains(&(*m, *n)),
            "{m}::{n} is reached after all"
        );
    }
    // Every abort a vector names is a known one.
    for v in &all {
        if let Some(a) = v.steps.last().and_then(|s| s.abort.as_ref()) {
            assert!(a.abort_code().is_some(), "{}: unknown abort {a:?}", v.name);
        }
    }
    let _ = errors::FRAMEWORK_ABORTS;
}
