//! Move values in the fullnode REST JSON encoding, both ways.
//!
//! The REST API prints `u64`, `u128` and `u256` as decimal strings (JSON
//! numbers lose precision past 2^53), `u8`/`u16`/`u32` as numbers, addresses
//! as `0x` hex in short or long form, `vector<u8>` as one `0x` hex string,
//! other vectors as arrays, and `Option<T>` as `{"vec": []}` or
//! `{"vec": [v]}`.

use aptos_sdk::types::AccountAddress;
use serde_json::Value;

/// A Rust type with a Move twin and its REST JSON encoding.
pub trait MoveJson: Sized {
    /// The Move type, as written in the Move source (for error messages).
    const MOVE_TYPE: &'static str;
    /// Decodes the REST JSON form; the error says what did not fit.
    fn from_move_json(v: &Value) -> Result<Self, String>;
    /// Encodes as the REST API prints it.
    fn to_move_json(&self) -> Value;
}

fn describe(v: &Value) -> String {
    let s = v.to_string();
    if s.len() > 80 {
        format!(
            "{}…",
            &s[..s.char_indices().nth(77).map(|(i, _)| i).unwrap_or(s.len())]
        )
    } else {
        s
    }
}

fn parse_uint(v: &Value, ty: &str) -> Result<u128, String> {
    match v {
        Value::String(s) => {
            if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!(
                    "expected a decimal {ty} string, got {}",
                    describe(v)
                ));
            }
            s.parse::<u128>()
                .map_err(|_| format!("{ty} out of range: {s}"))
        }
        Value::Number(n) => n
            .as_u64()
            .map(u128::from)
            .ok_or_else(|| format!("expected an unsigned integer {ty}, got {n}")),
        _ => Err(format!(
            "expected {ty} as a decimal string, got {}",
            describe(v)
        )),
    }
}

macro_rules! uint_json {
    ($t:ty, $name:literal, $as_string:expr) => {
        impl MoveJson for $t {
            const MOVE_TYPE: &'static str = $name;
            fn from_move_json(v: &Value) -> Result<Self, String> {
                let n = parse_uint(v, $name)?;
                <$t>::try_from(n).map_err(|_| format!("{} out of range: {n}", $name))
            }
            fn to_move_json(&self) -> Value {
                if $as_string {
                    Value::String(self.to_string())
                } else {
                    Value::from(*self as u64)
                }
            }
        }
    };
}

uint_json!(u8, "u8", false);
uint_json!(u64, "u64", true);
uint_json!(u128, "u128", true);

impl MoveJson for bool {
    const MOVE_TYPE: &'static str = "bool";
    fn from_move_json(v: &Value) -> Result<Self, String> {
        v.as_bool()
            .ok_or_else(|| format!("expected true or false, got {}", describe(v)))
    }
    fn to_move_json(&self) -> Value {
        Value::Bool(*self)
    }
}

impl MoveJson for String {
    const MOVE_TYPE: &'static str = "String";
    fn from_move_json(v: &Value) -> Result<Self, String> {
        v.as_str()
            .map(str::to_owned)
            .ok_or_else(|| format!("expected a string, got {}", describe(v)))
    }
    fn to_move_json(&self) -> Value {
        Value::String(self.clone())
    }
}

/// Parses an address in short (`0x1`) or long (64 digits) `0x` hex.
pub fn parse_address(s: &str) -> Result<AccountAddress, String> {
    if !(s.starts_with("0x") || s.starts_with("0X")) {
        return Err(format!("expected a 0x-prefixed hex address, got {s:?}"));
    }
    match crate::package::hex_address(s) {
        Some(b) => Ok(AccountAddress::new(b)),
        // The sdk's parser, for its message.
        None => AccountAddress::from_hex(s).map_err(|e| format!("invalid address {s:?}: {e}")),
    }
}

impl MoveJson for AccountAddress {
    const MOVE_TYPE: &'static str = "address";
    fn from_move_json(v: &Value) -> Result<Self, String> {
        match v {
            Value::String(s) => parse_address(s),
            // An `Object<T>` in JSON is `{"inner": "0x…"}`.
            Value::Object(m) if m.len() == 1 && m.contains_key("inner") => {
                Self::from_move_json(&m["inner"])
            }
            _ => Err(format!("expected an address string, got {}", describe(v))),
        }
    }
    fn to_move_json(&self) -> Value {
        Value::String(self.to_hex())
    }
}

impl MoveJson for Vec<u8> {
    const MOVE_TYPE: &'static str = "vector<u8>";
    fn from_move_json(v: &Value) -> Result<Self, String> {
        let s = v.as_str().ok_or_else(|| {
            format!(
                "expected vector<u8> as a 0x hex string, got {}",
                describe(v)
            )
        })?;
        let h = s
            .strip_prefix("0x")
            .ok_or_else(|| format!("expected vector<u8> as a 0x hex string, got {s:?}"))?;
        hex::decode(h).map_err(|e| format!("invalid hex {s:?}: {e}"))
    }
    fn to_move_json(&self) -> Value {
        Value::String(format!("0x{}", hex::encode(self)))
    }
}

macro_rules! vec_json {
    ($t:ty, $name:literal) => {
        impl MoveJson for Vec<$t> {
            const MOVE_TYPE: &'static str = $name;
            fn from_move_json(v: &Value) -> Result<Self, String> {
                let a = v
                    .as_array()
                    .ok_or_else(|| format!("expected a JSON array, got {}", describe(v)))?;
                a.iter()
                    .enumerate()
                    .map(|(i, x)| <$t>::from_move_json(x).map_err(|e| format!("element {i}: {e}")))
                    .collect()
            }
            fn to_move_json(&self) -> Value {
                Value::Array(self.iter().map(MoveJson::to_move_json).collect())
            }
        }
    };
}

vec_json!(AccountAddress, "vector<address>");
vec_json!(u64, "vector<u64>");

impl<T: MoveJson> MoveJson for Option<T> {
    const MOVE_TYPE: &'static str = "Option";
    fn from_move_json(v: &Value) -> Result<Self, String> {
        let inner = v
            .as_object()
            .and_then(|m| m.get("vec"))
            .and_then(Value::as_array)
            .ok_or_else(|| {
                format!(
                    "expected an Option as {{\"vec\": [..]}}, got {}",
                    describe(v)
                )
            })?;
        match inner.as_slice() {
            [] => Ok(None),
            [x] => T::from_move_json(x).map(Some),
            _ => Err(format!("Option with {} elements", inner.len())),
        }
    }
    fn to_move_json(&self) -> Value {
        let vec = match self {
            Some(x) => vec![x.to_move_json()],
            None => vec![],
        };
        serde_json::json!({ "vec": vec })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn integers() {
        assert_eq!(
            u64::from_move_json(&json!("18446744073709551615")),
            Ok(u64::MAX)
        );
        assert!(u64::from_move_json(&json!("18446744073709551616")).is_err());
        assert!(u64::from_move_json(&json!("-1")).is_err());
        assert!(u64::from_move_json(&json!("1e3")).is_err());
        assert!(u64::from_move_json(&json!("")).is_err());
        assert!(u64::from_move_json(&json!(1.5)).is_err());
        assert_eq!(u64::from_move_json(&json!(7)), Ok(7));
        assert_eq!(u8::from_move_json(&json!(255)), Ok(255));
        assert!(u8::from_move_json(&json!(256)).is_err());
        assert_eq!(
            u128::from_move_json(&json!("340282366920938463463374607431768211455")),
            Ok(u128::MAX)
        );
        assert_eq!(
            u128::MAX.to_move_json(),
            json!("340282366920938463463374607431768211455")
        );
        assert_eq!(3u8.to_move_json(), json!(3));
    }

    #[test]
    fn addresses_bytes_options() {
        let a = AccountAddress::from_move_json(&json!("0xcafe")).unwrap();
        let b = AccountAddress::from_move_json(&json!(format!("0x{:0>64}", "cafe"))).unwrap();
        assert_eq!(a, b);
        assert_eq!(
            AccountAddress::from_move_json(&json!({"inner": "0xcafe"})),
            Ok(a)
        );
        assert!(AccountAddress::from_move_json(&json!("cafe")).is_err());
        assert!(AccountAddress::from_move_json(&json!("0xnothex")).is_err());
        assert!(AccountAddress::from_move_json(&json!(12)).is_err());
        assert_eq!(
            Vec::<u8>::from_move_json(&json!("0x01ff")),
            Ok(vec![1, 0xff])
        );
        assert_eq!(Vec::<u8>::from_move_json(&json!("0x")), Ok(vec![]));
        assert!(Vec::<u8>::from_move_json(&json!("0x1")).is_err());
        assert!(Vec::<u8>::from_move_json(&json!([1, 2])).is_err());
        assert_eq!(
            Option::<AccountAddress>::from_move_json(&json!({"vec": []})),
            Ok(None)
        );
        assert_eq!(
            Option::<AccountAddress>::from_move_json(&json!({"vec": ["0xcafe"]})),
            Ok(Some(a))
        );
        assert!(Option::<u64>::from_move_json(&json!({"vec": ["1", "2"]})).is_err());
        assert!(Option::<u64>::from_move_json(&json!(null)).is_err());
        let v = vec![a, AccountAddress::ONE];
        assert_eq!(
            Vec::<AccountAddress>::from_move_json(&v.to_move_json()),
            Ok(v)
        );
        let e = Vec::<u64>::from_move_json(&json!(["1", "x"])).unwrap_err();
        assert!(e.contains("element 1"), "{e}");
    }
}
