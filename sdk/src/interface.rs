//! The package's interface as data: every entry function, view, event and
//! view struct of this crate's tables with the Move type of each parameter,
//! result and field. `lumen interface` prints it; the TypeScript client
//! (`ts/`) is generated from it, so the two follow the same tables.
//!
//! Move types are written as `@aptos-labs/ts-sdk`'s `parseTypeTag` reads them
//! (`0x1::string::String`, `0x1::option::Option<address>`), except the
//! package's own structs, which carry the named address: `lumen::escrow::JobInfo`.

use serde_json::{json, Value};

use crate::events::EVENT_SCHEMAS;
use crate::payloads::ENTRY_FUNCTIONS;
use crate::views::{VIEW_FUNCTIONS, VIEW_STRUCTS};

/// A Rust type of the tables that has no Move twin here.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no Move type for the Rust type `{0}`")]
pub struct UnknownType(pub String);

/// The Move type of a Rust type as the tables spell it (owned forms:
/// `AccountAddress`, `Vec<u8>`, `String`, `Option<T>`, view structs).
pub fn move_type(rust: &str) -> Result<String, UnknownType> {
    let t = rust.trim();
    let inner = |prefix: &str| t.strip_prefix(prefix).and_then(|r| r.strip_suffix('>'));
    Ok(match t {
        "u8" | "u64" | "u128" | "bool" => t.to_string(),
        "AccountAddress" => "address".into(),
        "String" => "0x1::string::String".into(),
        _ => {
            if let Some(x) = inner("Vec<") {
                format!("vector<{}>", move_type(x)?)
            } else if let Some(x) = inner("Option<") {
                format!("0x1::option::Option<{}>", move_type(x)?)
            } else if let Some(module) = struct_module(t) {
                format!("lumen::{module}::{t}")
            } else {
                return Err(UnknownType(t.to_string()));
            }
        }
    })
}

/// A Move type as the entry-function table spells it (`Object<Job>`,
/// `String`, `vector<address>`) in the `parseTypeTag` form; `Object<T>`
/// becomes `address`, whose BCS (and wallet JSON) it shares.
pub fn abi_type(declared: &str) -> String {
    let t = declared.trim();
    if t.starts_with("Object<") {
        return "address".into();
    }
    if let Some(inner) = t.strip_prefix("vector<").and_then(|r| r.strip_suffix('>')) {
        return format!("vector<{}>", abi_type(inner));
    }
    match t {
        "String" => "0x1::string::String".into(),
        _ => t.to_string(),
    }
}

/// The module declaring a view struct: the module of the first view that
/// returns it (`Option<T>` included), or (a struct only nested in another,
/// as `JobTerms` in `JobInfo`) the module of the struct holding it.
fn struct_module(name: &str) -> Option<&'static str> {
    VIEW_STRUCTS.iter().find(|s| s.name == name)?;
    let named = |t: &str| t == name || t == format!("Option<{name}>");
    VIEW_FUNCTIONS
        .iter()
        .find(|v| results(v.returns).any(named))
        .map(|v| v.module)
        .or_else(|| {
            VIEW_STRUCTS
                .iter()
                .find(|s| s.name != name && s.types.iter().any(|t| t.trim() == name))
                .and_then(|s| struct_module(s.name))
        })
}

/// The result types of a view: one, or the members of a tuple.
fn results(returns: &str) -> impl Iterator<Item = &str> {
    let t = returns.trim();
    let list = t
        .strip_prefix('(')
        .and_then(|r| r.strip_suffix(')'))
        .unwrap_or(t);
    list.split(',').map(str::trim).filter(|s| !s.is_empty())
}

fn typed(name: &str, rust: &str, mv: String) -> Value {
    json!({ "name": name, "rust": rust, "move": mv })
}

fn fields(names: &[&str], types: &[&str]) -> Result<Vec<Value>, UnknownType> {
    names
        .iter()
        .zip(types)
        .map(|(n, t)| Ok(typed(n, t, move_type(t)?)))
        .collect()
}

fn doc(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The whole interface: `{entry_functions, view_functions, events,
/// view_structs}`, each a list in the tables' order.
pub fn describe() -> Result<Value, UnknownType> {
    let entry_functions = ENTRY_FUNCTIONS
        .iter()
        .map(|f| {
            let params: Vec<Value> = (f.params.iter().zip(f.types).zip(f.move_types))
                .map(|((n, r), m)| typed(n, r, abi_type(m)))
                .collect();
            json!({ "module": f.module, "name": f.name, "doc": doc(f.doc), "params": params })
        })
        .collect::<Vec<_>>();
    let view_functions = VIEW_FUNCTIONS
        .iter()
        .map(|v| {
            let returns = results(v.returns)
                .map(|r| Ok(json!({ "rust": r, "move": move_type(r)? })))
                .collect::<Result<Vec<_>, UnknownType>>()?;
            Ok(json!({
                "module": v.module,
                "name": v.name,
                "doc": doc(v.doc),
                "params": fields(v.params, v.types)?,
                "returns": returns,
            }))
        })
        .collect::<Result<Vec<_>, UnknownType>>()?;
    let events = EVENT_SCHEMAS
        .iter()
        .map(|e| {
            Ok(json!({ "module": e.module, "name": e.name, "fields": fields(e.fields, e.types)? }))
        })
        .collect::<Result<Vec<_>, UnknownType>>()?;
    let view_structs = VIEW_STRUCTS
        .iter()
        .map(|s| {
            let module = struct_module(s.name).ok_or_else(|| UnknownType(s.name.to_string()))?;
            Ok(json!({ "module": module, "name": s.name, "fields": fields(s.fields, s.types)? }))
        })
        .collect::<Result<Vec<_>, UnknownType>>()?;
    Ok(json!({
        "entry_functions": entry_functions,
        "view_functions": view_functions,
        "events": events,
        "view_structs": view_structs,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_of_the_tables_has_a_move_twin() {
        let d = describe().unwrap();
        assert_eq!(
            d["entry_functions"].as_array().unwrap().len(),
            ENTRY_FUNCTIONS.len()
        );
        assert_eq!(
            d["view_functions"].as_array().unwrap().len(),
            VIEW_FUNCTIONS.len()
        );
        assert_eq!(d["events"].as_array().unwrap().len(), EVENT_SCHEMAS.len());
        // Every struct a view returns is described.
        for v in VIEW_FUNCTIONS {
            for r in results(v.returns) {
                move_type(r).unwrap_or_else(|e| panic!("{}::{}: {e}", v.module, v.name));
            }
        }
    }

    #[test]
    fn spellings() {
        assert_eq!(move_type("Vec<AccountAddress>").unwrap(), "vector<address>");
        assert_eq!(
            move_type("Option<AccountAddress>").unwrap(),
            "0x1::option::Option<address>"
        );
        assert_eq!(move_type("JobInfo").unwrap(), "lumen::escrow::JobInfo");
        assert_eq!(move_type("String").unwrap(), "0x1::string::String");
        assert!(move_type("HashMap<u8, u8>").is_err());
        assert_eq!(abi_type("Object<Job>"), "address");
        assert_eq!(abi_type("String"), "0x1::string::String");
        assert_eq!(abi_type("vector<address>"), "vector<address>");
        assert_eq!(results("(u64, u64)").collect::<Vec<_>>(), ["u64", "u64"]);
        assert_eq!(results("JobInfo").collect::<Vec<_>>(), ["JobInfo"]);
        let d = describe().unwrap();
        let create = &d["entry_functions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["name"] == "create_job")
            .unwrap()["params"];
        assert_eq!(
            create[0],
            json!({"name": "spec_hash", "rust": "&[u8]", "move": "vector<u8>"})
        );
    }
}
