//! Entry-function calls in the form wallets take them:
//! `{"function", "typeArguments", "functionArguments"}`, the JSON shape of
//! the Aptos wallet adapter's `InputEntryFunctionData` (and of
//! `@aptos-labs/ts-sdk`'s simple arguments).
//!
//! The argument encoding is the one `@aptos-labs/ts-sdk` converts without
//! surprises: `u64` as a decimal string, `u8` as a number, `bool` as a JSON
//! boolean, `address` as a long `0x` hex string, `String` as a string,
//! `vector<u8>` as an array of byte numbers (the ts-sdk reads a *string* for
//! a `vector<u8>` parameter as UTF-8 text, not hex, so hex would silently
//! sign other bytes), other vectors as arrays.
//!
//! [`to_wallet_json`] turns a built [`EntryFunction`] into that JSON (what
//! `lumen --dry-run` prints without a key); [`from_wallet_json`] goes back.
//! Both go through [`crate::payloads::Call`], the package's one decoder, and
//! differ from its REST JSON only where wallets read otherwise: byte arrays,
//! and `Object<T>` as a plain address.

use aptos_sdk::transaction::EntryFunction;
use serde_json::{json, Value};

use crate::package::Package;
use crate::payloads::{Call, CallError, EntryFunctionInfo, ENTRY_FUNCTIONS};

/// A wallet payload that does not fit the package's interface.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WalletJsonError {
    /// The JSON is not `{function, typeArguments, functionArguments}`.
    #[error("not a wallet payload: {0}")]
    Shape(String),
    /// Not an entry function of the package, or arguments that do not fit it.
    #[error(transparent)]
    Call(#[from] CallError),
}

fn info(module: &str, name: &str) -> Option<&'static EntryFunctionInfo> {
    ENTRY_FUNCTIONS
        .iter()
        .find(|f| f.module == module && f.name == name)
}

/// One REST JSON argument ([`Call::rest_arguments`]) in the wallet form.
fn rest_to_wallet(move_type: &str, v: Value) -> Value {
    match (move_type, &v) {
        ("vector<u8>", Value::String(h)) => {
            let bytes = hex::decode(h.trim_start_matches("0x")).expect("the REST form is hex");
            json!(bytes)
        }
        (t, Value::Object(m)) if t.starts_with("Object<") => m["inner"].clone(),
        _ => v,
    }
}

/// One wallet argument in the REST JSON form [`Call::from_rest`] reads.
fn wallet_to_rest(info: &EntryFunctionInfo, i: usize, v: &Value) -> Result<Value, CallError> {
    if info.move_types[i] != "vector<u8>" {
        return Ok(v.clone());
    }
    let bad = |reason: String| CallError::Argument {
        function: format!("{}::{}", info.module, info.name),
        param: info.params[i],
        move_type: info.move_types[i],
        reason,
    };
    let items = v
        .as_array()
        .ok_or_else(|| bad(format!("expected an array of byte numbers, got {v}")))?;
    let bytes = items
        .iter()
        .enumerate()
        .map(|(k, x)| {
            x.as_u64()
                .and_then(|b| u8::try_from(b).ok())
                .ok_or_else(|| bad(format!("element {k}: expected a number 0..=255, got {x}")))
        })
        .collect::<Result<Vec<u8>, _>>()?;
    Ok(json!(format!("0x{}", hex::encode(bytes))))
}

/// `{function, typeArguments, functionArguments}` of a call of the package
/// at `f`'s address.
pub fn to_wallet_json(f: &EntryFunction) -> Result<Value, WalletJsonError> {
    let package = Package::new(f.module.address);
    let call = Call::decode(&package, f)?;
    let info = info(call.module(), call.name()).expect("a decoded call is in the table");
    let args: Vec<Value> = (call.rest_arguments().into_iter().zip(info.move_types))
        .map(|(v, t)| rest_to_wallet(t, v))
        .collect();
    Ok(json!({
        "function": call.function_id(&package),
        "typeArguments": [],
        "functionArguments": args,
    }))
}

/// The [`EntryFunction`] a wallet builds from `{function, typeArguments,
/// functionArguments}` for `package`.
pub fn from_wallet_json(package: &Package, v: &Value) -> Result<EntryFunction, WalletJsonError> {
    let shape = |m: &str| WalletJsonError::Shape(m.to_string());
    let function = v
        .get("function")
        .and_then(Value::as_str)
        .ok_or_else(|| shape("no string `function`"))?;
    let args = v
        .get("functionArguments")
        .and_then(Value::as_array)
        .ok_or_else(|| shape("no array `functionArguments`"))?;
    let (module, name) = package
        .strip(function)
        .ok_or_else(|| CallError::Unknown(function.to_string()))?;
    let info = info(module, name).ok_or_else(|| CallError::Unknown(function.to_string()))?;
    if !v
        .get("typeArguments")
        .is_none_or(|t| t.as_array().is_some_and(|a| a.is_empty()))
    {
        return Err(CallError::TypeArguments {
            function: format!("{module}::{name}"),
        }
        .into());
    }
    if args.len() != info.params.len() {
        return Err(CallError::Arity {
            function: format!("{module}::{name}"),
            expected: info.params.len(),
            got: args.len(),
        }
        .into());
    }
    let rest = (args.iter().enumerate())
        .map(|(i, a)| wallet_to_rest(info, i, a))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Call::from_rest(module, name, &rest)?.entry_function(package))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::payloads;
    use aptos_sdk::types::AccountAddress;

    #[test]
    fn round_trip_every_kind_of_argument() {
        let p = Package::DEV;
        let a = AccountAddress::from_hex("0xa11ce").unwrap();
        for f in [
            payloads::escrow::create_job(&p, &[0xab, 0, 7], u64::MAX, 1000, 2_000_000, 8192),
            payloads::config::set_param(&p, "epoch_secs", 60),
            payloads::config::set_paused(&p, true),
            payloads::vip::revoke(&p, a, 1),
            payloads::rewards::report_uptime(&p, 7, &[AccountAddress::ONE, a], &[3600, 5]),
            payloads::staking::withdraw(&p),
        ] {
            let j = to_wallet_json(&f).unwrap();
            assert_eq!(from_wallet_json(&p, &j).unwrap(), f, "{j}");
        }
        let j = to_wallet_json(&payloads::escrow::create_job(&p, &[0xab, 0], 1, 2, 3, 4)).unwrap();
        assert_eq!(
            j,
            json!({
                "function": p.member("escrow", "create_job"),
                "typeArguments": [],
                "functionArguments": [[171, 0], "1", "2", "3", "4"],
            })
        );
        let j = to_wallet_json(&payloads::vip::revoke(&p, a, 1)).unwrap();
        assert_eq!(j["functionArguments"], json!([a.to_hex(), 1]));
    }

    #[test]
    fn bad_payloads_name_the_problem() {
        let p = Package::DEV;
        let f = p.member("escrow", "cancel");
        let err = |v: Value| from_wallet_json(&p, &v).unwrap_err().to_string();
        assert!(err(json!({"function": f, "functionArguments": []}))
            .contains("expected 1 arguments, got 0"));
        assert!(
            err(json!({"function": f, "functionArguments": ["0xzz"]})).contains("argument `job`")
        );
        assert!(
            err(json!({"function": "0xbeef::escrow::cancel", "functionArguments": ["0x1"]}))
                .contains("not an entry function")
        );
        assert!(
            err(json!({"function": p.member("escrow", "nope"), "functionArguments": []}))
                .contains("not an entry function")
        );
        assert!(err(json!({"function": f})).contains("functionArguments"));
        assert!(
            err(json!({"function": f, "typeArguments": ["u8"], "functionArguments": ["0x1"]}))
                .contains("type arguments")
        );
        // A hex string for vector<u8> would be signed as UTF-8 text by the ts-sdk.
        let e = err(
            json!({"function": p.member("escrow", "dispute"), "functionArguments": ["0x1", "0xdead"]}),
        );
        assert!(
            e.contains("reason_hash") && e.contains("array of byte numbers"),
            "{e}"
        );
        let e = err(
            json!({"function": p.member("escrow", "dispute"), "functionArguments": ["0x1", [1, 256]]}),
        );
        assert!(e.contains("element 1"), "{e}");
        let e = err(
            json!({"function": p.member("escrow", "dispute"), "functionArguments": ["0x1", ["1"]]}),
        );
        assert!(e.contains("element 0"), "{e}");
    }
}
