//! Every entry function, view and event of the Move package has its Rust
//! twin with the same parameter/field names, order and types: checked against
//! `move/sources/*.move` (parsed) and against the contract, `move/README.md`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use lumen_sdk::events::EVENT_SCHEMAS;
use lumen_sdk::params::PARAMS;
use lumen_sdk::payloads::ENTRY_FUNCTIONS;
use lumen_sdk::views::VIEW_FUNCTIONS;

/// The crate's directory, as cargo gives it when running the test (the
/// compile-time value names the checkout that built the binary, which a
/// shared target directory may reuse from another clone).
fn manifest_dir() -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")))
}

/// `module::name` → `[(param, canonical type)]`.
type Table = BTreeMap<String, Vec<(String, String)>>;

fn root() -> PathBuf {
    manifest_dir().join("..")
}

/// Canonical Move type of a Move or Rust type spelling.
fn canon(ty: &str) -> String {
    let t = move_type(ty);
    if t.starts_with("Object<") {
        return "address".into();
    }
    t
}

/// A Move or Rust type spelling as a Move type, objects kept (`Object<Job>`).
fn move_type(ty: &str) -> String {
    let t: String = ty.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t
        .trim_start_matches("std::string::")
        .trim_start_matches("string::")
        .to_string();
    match t.as_str() {
        "AccountAddress" => "address".into(),
        "&[u8]" | "Vec<u8>" => "vector<u8>".into(),
        "&str" => "String".into(),
        "&[AccountAddress]" | "Vec<AccountAddress>" => "vector<address>".into(),
        "&[u64]" | "Vec<u64>" => "vector<u64>".into(),
        _ => t,
    }
}

/// Splits on commas outside `<>`/`()`.
fn split_top(s: &str) -> Vec<String> {
    let (mut out, mut cur, mut depth) = (vec![], String::new(), 0i32);
    for c in s.chars() {
        match c {
            '<' | '(' => depth += 1,
            '>' | ')' => depth -= 1,
            ',' if depth == 0 => {
                out.push(std::mem::take(&mut cur));
                continue;
            }
            _ => {}
        }
        cur.push(c);
    }
    out.push(cur);
    out.into_iter()
        .map(|x| x.trim().to_string())
        .filter(|x| !x.is_empty())
        .collect()
}

/// `name: type` pairs, dropping `&signer` parameters.
fn params(list: &str) -> Vec<(String, String)> {
    split_top(list)
        .into_iter()
        .filter_map(|p| {
            let (n, t) = p.split_once(':')?;
            let t = t.trim();
            (t != "&signer" && t != "signer").then(|| (n.trim().to_string(), canon(t)))
        })
        .collect()
}

/// The text between the parenthesis at `open` and its match.
fn balanced(s: &str, open: usize, l: char, r: char) -> Option<&str> {
    let mut depth = 0;
    for (i, c) in s[open..].char_indices() {
        if c == l {
            depth += 1;
        } else if c == r {
            depth -= 1;
            if depth == 0 {
                return Some(&s[open + 1..open + i]);
            }
        }
    }
    None
}

fn strip_comments(src: &str) -> String {
    let mut out = String::new();
    let mut rest = src;
    while let Some(i) = rest.find("/*") {
        out.push_str(&rest[..i]);
        rest = rest[i..].find("*/").map_or("", |j| &rest[i + j + 2..]);
    }
    out.push_str(rest);
    out.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

fn ident_after(s: &str) -> String {
    s.trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

#[derive(Default, Debug)]
struct Interface {
    entries: Table,
    views: Table,
    events: Table,
    /// Entry functions with their Move types, objects kept.
    entry_types: Table,
}

/// `name: type` pairs with Move types (objects kept), dropping `&signer`.
fn move_params(list: &str) -> Vec<(String, String)> {
    split_top(list)
        .into_iter()
        .filter_map(|p| {
            let (n, t) = p.split_once(':')?;
            let t = t.trim();
            (t != "&signer" && t != "signer").then(|| (n.trim().to_string(), move_type(t)))
        })
        .collect()
}

fn parse_move(dir: &PathBuf) -> Option<Interface> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .collect();
    files.retain(|p| p.extension().is_some_and(|e| e == "move"));
    if files.is_empty() {
        return None;
    }
    let mut out = Interface::default();
    for f in files {
        let src = strip_comments(&std::fs::read_to_string(&f).unwrap());
        let m = src
            .find("module ")
            .unwrap_or_else(|| panic!("no module in {}", f.display()));
        let module_path: String = src[m + 7..]
            .chars()
            .take_while(|c| *c != '{' && !c.is_whitespace())
            .collect();
        let module = module_path.rsplit("::").next().unwrap().to_string();
        if src[..m].contains("#[test_only]") {
            continue;
        }
        let fun_at = |from: usize| -> Option<(String, Vec<(String, String)>)> {
            let k = src[from..].find("fun ")? + from + 4;
            let name = ident_after(&src[k..]);
            let open = src[k..].find('(')? + k;
            Some((name, params(balanced(&src, open, '(', ')')?)))
        };
        for (i, _) in src.match_indices("entry fun ") {
            let (name, ps) = fun_at(i + 6).unwrap();
            out.entries.insert(format!("{module}::{name}"), ps);
            let k = src[i..].find('(').unwrap() + i;
            let raw = move_params(balanced(&src, k, '(', ')').unwrap());
            out.entry_types.insert(format!("{module}::{name}"), raw);
        }
        for (i, _) in src.match_indices("#[view]") {
            let (name, ps) = fun_at(i).unwrap();
            out.views.insert(format!("{module}::{name}"), ps);
        }
        for (i, _) in src.match_indices("#[event]") {
            let k = src[i..].find("struct ").unwrap() + i + 7;
            let name = ident_after(&src[k..]);
            let open = src[k..].find('{').unwrap() + k;
            let body = balanced(&src, open, '{', '}').unwrap();
            out.events.insert(format!("{module}::{name}"), params(body));
        }
    }
    Some(out)
}

fn code_spans(line: &str) -> Vec<&str> {
    line.split('`').skip(1).step_by(2).collect()
}

fn parse_readme(text: &str) -> Interface {
    let mut out = Interface::default();
    let mut section = "";
    let mut module = String::new();
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            section = if h.starts_with("Entry functions") {
                "entry"
            } else if h.starts_with("Events") {
                "events"
            } else if h.starts_with("Views") {
                "views"
            } else {
                ""
            };
            continue;
        }
        match section {
            "entry" => {
                if let Some(m) = line.strip_prefix("### ") {
                    module = m.trim().to_string();
                }
                for span in code_spans(line) {
                    if let Some(open) = span.find('(') {
                        if span.contains("&signer") && !span.contains("fun ") {
                            let name = &span[..open];
                            let list = balanced(span, open, '(', ')').unwrap();
                            out.entries
                                .insert(format!("{module}::{name}"), params(list));
                            out.entry_types
                                .insert(format!("{module}::{name}"), move_params(list));
                        }
                    }
                }
            }
            "events" => {
                let cells: Vec<&str> = line.split('|').map(str::trim).collect();
                if cells.len() >= 4 && cells[2].starts_with('`') {
                    let name = cells[2].trim_matches('`');
                    out.events.insert(
                        format!("{}::{name}", cells[1]),
                        params(cells[3].trim_matches('`')),
                    );
                }
            }
            "views" => {
                if let Some(rest) = line.strip_prefix("- ") {
                    let Some((m, list)) = rest.split_once(':') else {
                        continue;
                    };
                    if !m.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                        continue;
                    }
                    for span in code_spans(list) {
                        if let Some(open) = span.find('(') {
                            let name = &span[..open];
                            let ps = params(balanced(span, open, '(', ')').unwrap());
                            out.views.insert(format!("{}::{name}", m.trim()), ps);
                        }
                    }
                }
            }
            _ => {}
        }
    }
    out
}

fn rust() -> Interface {
    let zip = |ps: &[&str], ts: &[&str]| -> Vec<(String, String)> {
        ps.iter()
            .zip(ts)
            .map(|(p, t)| (p.to_string(), canon(t)))
            .collect()
    };
    Interface {
        entries: ENTRY_FUNCTIONS
            .iter()
            .map(|f| (format!("{}::{}", f.module, f.name), zip(f.params, f.types)))
            .collect(),
        views: VIEW_FUNCTIONS
            .iter()
            .map(|f| (format!("{}::{}", f.module, f.name), zip(f.params, f.types)))
            .collect(),
        events: EVENT_SCHEMAS
            .iter()
            .map(|e| (format!("{}::{}", e.module, e.name), zip(e.fields, e.types)))
            .collect(),
        entry_types: ENTRY_FUNCTIONS
            .iter()
            .map(|f| {
                let ps = f.params.iter().zip(f.move_types);
                let ps = ps.map(|(p, t)| (p.to_string(), move_type(t))).collect();
                (format!("{}::{}", f.module, f.name), ps)
            })
            .collect(),
    }
}

fn diff(what: &str, source: &str, theirs: &Table, ours: &Table) -> Vec<String> {
    let mut errs = vec![];
    for (k, v) in theirs {
        match ours.get(k) {
            None => errs.push(format!("{what} {k} of {source} has no Rust twin")),
            Some(o) if o != v => {
                errs.push(format!("{what} {k}: {source} has {v:?}, Rust has {o:?}"))
            }
            _ => {}
        }
    }
    for k in ours.keys() {
        if !theirs.contains_key(k) {
            errs.push(format!("{what} {k} is in Rust but not in {source}"));
        }
    }
    errs
}

fn compare(source: &str, theirs: &Interface) -> Vec<String> {
    let ours = rust();
    let mut errs = diff("entry function", source, &theirs.entries, &ours.entries);
    errs.extend(diff("view", source, &theirs.views, &ours.views));
    errs.extend(diff("event", source, &theirs.events, &ours.events));
    errs.extend(diff(
        "entry function (Move types)",
        source,
        &theirs.entry_types,
        &ours.entry_types,
    ));
    errs
}

#[test]
fn readme_and_rust_agree() {
    let text = std::fs::read_to_string(root().join("move/README.md")).unwrap();
    let readme = parse_readme(&text);
    // The parser must see the whole contract, or the comparison proves nothing.
    assert_eq!(
        readme.entries.len(),
        ENTRY_FUNCTIONS.len(),
        "{:?}",
        readme.entries.keys()
    );
    assert_eq!(
        readme.views.len(),
        VIEW_FUNCTIONS.len(),
        "{:?}",
        readme.views.keys()
    );
    assert_eq!(
        readme.events.len(),
        EVENT_SCHEMAS.len(),
        "{:?}",
        readme.events.keys()
    );
    let errs = compare("move/README.md", &readme);
    assert!(errs.is_empty(), "\n{}", errs.join("\n"));
}

#[test]
fn move_sources_and_rust_agree() {
    let Some(parsed) = parse_move(&root().join("move/sources")) else {
        eprintln!("move/sources has no .move files yet: compared with move/README.md only");
        return;
    };
    assert!(!parsed.entries.is_empty() && !parsed.views.is_empty() && !parsed.events.is_empty());
    let errs = compare("move/sources", &parsed);
    assert!(errs.is_empty(), "\n{}", errs.join("\n"));
}

#[test]
fn readme_parameters_match() {
    let text = std::fs::read_to_string(root().join("move/README.md")).unwrap();
    let mut seen = vec![];
    for line in text.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if cells.len() >= 5
            && cells[1].starts_with('`')
            && cells[2].chars().next().is_some_and(|c| c.is_ascii_digit())
        {
            let name = cells[1].trim_matches('`');
            let default: u64 = cells[2].replace(' ', "").parse().unwrap();
            seen.push((name.to_string(), default));
        }
    }
    let ours: Vec<(String, u64)> = PARAMS
        .iter()
        .map(|p| (p.name.to_string(), p.default))
        .collect();
    assert_eq!(seen, ours);
}

#[test]
fn the_parser_catches_a_missing_twin() {
    // A Move event the crate lacks, and a reordered entry function.
    let src = "module lumen::extra {\n #[event]\n struct Surprise has drop, store { a: u64 }\n \
               public entry fun stake(worker: &signer, amount: u64) {}\n \
               public entry fun create_job(creator: &signer, frames: u64, spec_hash: vector<u8>) {}\n}\n";
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("extra.move"), src).unwrap();
    let parsed = parse_move(&dir.path().to_path_buf()).unwrap();
    assert_eq!(
        parsed.events["extra::Surprise"],
        vec![("a".to_string(), "u64".to_string())]
    );
    let errs = compare("test", &parsed);
    assert!(
        errs.iter()
            .any(|e| e.contains("extra::Surprise of test has no Rust twin")),
        "{errs:?}"
    );
    assert!(
        errs.iter().any(|e| e.contains("extra::create_job")),
        "{errs:?}"
    );
}

/// `(module, name)` → `(reason, category)` from `move/README.md`'s abort tables.
fn readme_aborts(text: &str) -> BTreeMap<(String, String), (u64, u64)> {
    let mut out = BTreeMap::new();
    let mut in_table = false;
    for line in text.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            in_table = h.starts_with("Abort codes");
            continue;
        }
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if in_table && cells.len() >= 5 && cells[3].starts_with('`') {
            let name = cells[3].trim_matches('`').to_string();
            out.insert(
                (cells[1].to_string(), name),
                (cells[2].parse().unwrap(), cells[4].parse().unwrap()),
            );
        }
    }
    out
}

/// `(module, name)` → `(reason, categories used, doc comment)` from `move/sources`.
type SourceAborts = BTreeMap<(String, String), (u64, Vec<u64>, String)>;

fn source_aborts(dir: &PathBuf) -> SourceAborts {
    let categories = [
        ("invalid_argument", 1),
        ("out_of_range", 2),
        ("invalid_state", 3),
        ("permission_denied", 5),
        ("not_found", 6),
        ("already_exists", 8),
    ];
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "move") {
            continue;
        }
        let src = std::fs::read_to_string(&path).unwrap();
        let module = path.file_stem().unwrap().to_string_lossy().to_string();
        let lines: Vec<&str> = src.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let Some(rest) = line.trim().strip_prefix("const E") else {
                continue;
            };
            let name = format!("E{}", ident_after(rest));
            let value: u64 = rest
                .rsplit('=')
                .next()
                .unwrap()
                .trim()
                .trim_end_matches(';')
                .parse()
                .unwrap();
            let mut doc = vec![];
            for l in lines[..i].iter().rev() {
                match l.trim().strip_prefix("///") {
                    Some(d) => doc.push(d.trim()),
                    None => break,
                }
            }
            doc.reverse();
            let code = strip_comments(&src);
            let mut used: Vec<u64> = categories
                .iter()
                .filter(|(f, _)| code.contains(&format!("error::{f}({name})")))
                .map(|(_, c)| *c)
                .collect();
            used.dedup();
            out.insert((module.clone(), name), (value, used, doc.join(" ")));
        }
    }
    out
}

#[test]
fn aborts_match_readme_and_sources() {
    use lumen_sdk::errors::ABORTS;
    let text = std::fs::read_to_string(root().join("move/README.md")).unwrap();
    let readme = readme_aborts(&text);
    let sources = source_aborts(&root().join("move/sources"));
    // The parsers must see every abort, or the comparison proves nothing.
    assert_eq!(readme.len(), ABORTS.len(), "README: {:?}", readme.keys());
    assert_eq!(sources.len(), ABORTS.len(), "sources: {:?}", sources.keys());
    let mut errs = vec![];
    for a in ABORTS {
        let key = (a.module.to_string(), a.name.to_string());
        let category = a.category as u64;
        match readme.get(&key) {
            Some(&(reason, cat)) if (reason, cat) == (a.reason, category) => {}
            other => errs.push(format!(
                "{a}: README has {other:?}, Rust ({}, {category})",
                a.reason
            )),
        }
        match sources.get(&key) {
            Some((reason, cats, doc))
                if *reason == a.reason && cats == &vec![category] && doc == a.description => {}
            other => errs.push(format!(
                "{a}: move/sources has {other:?}, Rust ({}, [{category}], {:?})",
                a.reason, a.description
            )),
        }
    }
    assert!(errs.is_empty(), "\n{}", errs.join("\n"));
    // README order is the table's order.
    let readme_order: Vec<_> = {
        let mut v: Vec<(usize, (String, String))> = vec![];
        for (i, line) in text.lines().enumerate() {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            if cells.len() >= 5 && cells[3].starts_with('`') && cells[3].contains("`E") {
                v.push((
                    i,
                    (cells[1].to_string(), cells[3].trim_matches('`').to_string()),
                ));
            }
        }
        v.into_iter().map(|(_, k)| k).collect()
    };
    let ours: Vec<_> = ABORTS
        .iter()
        .map(|a| (a.module.to_string(), a.name.to_string()))
        .collect();
    assert_eq!(readme_order, ours);
}

#[test]
fn the_abort_parser_catches_a_drifted_code() {
    let src =
        "module lumen::escrow {\n    /// The job is gone.\n    const EWrongStatus: u64 = 4;\n    \
               fun f() { abort error::not_found(EWrongStatus) }\n}\n";
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("escrow.move"), src).unwrap();
    let parsed = source_aborts(&dir.path().to_path_buf());
    assert_eq!(
        parsed[&("escrow".to_string(), "EWrongStatus".to_string())],
        (4, vec![6], "The job is gone.".to_string())
    );
}
