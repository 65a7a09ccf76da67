//! The explorer's TypeScript types of the API (`web/src/api-types.ts`) are
//! generated from the OpenAPI document, so the pages type-check against the
//! answers the handlers really give. This test fails when the file is stale;
//! `LUMEN_BLESS=1 cargo test -p lumen-indexer typescript` rewrites it.

use std::fmt::Write as _;

use super::*;

/// The TypeScript of a schema.
fn ts(schema: &Value) -> String {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        return r.trim_start_matches("#/components/schemas/").to_string();
    }
    if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
        return all.iter().map(ts).collect::<Vec<_>>().join(" & ");
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(any) = schema.get(key).and_then(Value::as_array) {
            return any.iter().map(ts).collect::<Vec<_>>().join(" | ");
        }
    }
    if let Some(e) = schema.get("enum").and_then(Value::as_array) {
        return e
            .iter()
            .map(Value::to_string)
            .collect::<Vec<_>>()
            .join(" | ");
    }
    let types: Vec<&str> = match &schema["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    };
    if types.is_empty() {
        return "unknown".into();
    }
    let one = |t: &str| -> String {
        match t {
            "integer" | "number" => "number".into(),
            "string" => "string".into(),
            "boolean" => "boolean".into(),
            "null" => "null".into(),
            "array" => match schema.get("items") {
                Some(items) => format!("Array<{}>", ts(items)),
                None => "unknown[]".into(),
            },
            "object" => object(schema),
            _ => "unknown".into(),
        }
    };
    types.into_iter().map(one).collect::<Vec<_>>().join(" | ")
}

fn object(schema: &Value) -> String {
    let Some(props) = schema.get("properties").and_then(Value::as_object) else {
        return match schema.get("additionalProperties") {
            Some(a) if a.is_object() => format!("Record<string, {}>", ts(a)),
            _ => "Record<string, unknown>".into(),
        };
    };
    let required: Vec<&str> = schema["required"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let mut out = String::from("{\n");
    for (name, p) in props {
        if let Some(d) = p.get("description").and_then(Value::as_str) {
            let _ = writeln!(
                out,
                "  /** {} */",
                d.replace("*/", "* /").replace('\n', " ")
            );
        }
        let opt = if required.contains(&name.as_str()) {
            ""
        } else {
            "?"
        };
        let _ = writeln!(out, "  {name}{opt}: {};", ts(p));
    }
    out.push('}');
    out
}

/// The whole file: every component schema, and the `200` answer of every
/// `GET` path.
fn render(doc: &Value) -> String {
    let mut out = String::from(
        "// Generated from the indexer's OpenAPI document by\n\
         // indexer/src/api/tests/typescript.rs: do not edit. Regenerate with\n\
         //   LUMEN_BLESS=1 cargo test -p lumen-indexer typescript\n\n",
    );
    for (name, schema) in doc["components"]["schemas"].as_object().unwrap() {
        if let Some(d) = schema.get("description").and_then(Value::as_str) {
            let _ = writeln!(out, "/** {} */", d.replace("*/", "* /").replace('\n', " "));
        }
        let _ = writeln!(out, "export type {name} = {};\n", ts(schema));
    }
    out.push_str("/** The answer of each `GET` path. */\nexport interface Answers {\n");
    for (path, item) in doc["paths"].as_object().unwrap() {
        let ok = &item["get"]["responses"]["200"]["content"];
        let Some((_, content)) = ok.as_object().and_then(|c| c.iter().next()) else {
            continue;
        };
        let _ = writeln!(out, "  {path:?}: {};", ts(&content["schema"]));
    }
    out.push_str("}\n");
    out
}

#[test]
fn the_explorers_types_follow_the_document() {
    let doc = serde_json::to_value(openapi()).unwrap();
    let want = render(&doc);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../web/src/api-types.ts");
    if std::env::var_os("LUMEN_BLESS").is_some() {
        std::fs::write(&path, &want).unwrap();
        return;
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "{} is stale: the API's types changed. Regenerate it with \
         `LUMEN_BLESS=1 cargo test -p lumen-indexer typescript` and fix the pages \
         that no longer type-check (`npm run typecheck` in web/).",
        path.display()
    );
}
