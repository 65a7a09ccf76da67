//! Typed request parameters: the extractors [`Query`] and [`Path`] and the
//! value types they parse. An endpoint's parameters are one struct whose
//! fields are the only names accepted; each value is parsed by its type,
//! and a bad one is a 400 naming the parameter, before any query runs. The
//! same structs document the parameters (`IntoParams`), so a name or a
//! limit exists once.

use std::borrow::Cow;

use axum::extract::{FromRequestParts, RawPathParams};
use axum::http::request::Parts;
use lumen_sdk::AccountAddress;
use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer};
use utoipa::openapi::path::ParameterIn;
use utoipa::openapi::schema::{ObjectBuilder, SchemaType, Type};
use utoipa::openapi::{RefOr, Schema};
use utoipa::{IntoParams, PartialSchema, ToSchema};

use super::error::ApiError;
use crate::project::status;
use crate::rows::to_i64;

/// The query string as `T` (unknown names and bad values are 400s).
pub struct Query<T>(pub T);

impl<T: DeserializeOwned + IntoParams, S: Send + Sync> FromRequestParts<S> for Query<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        let query = parts.uri.query().unwrap_or_default();
        if let Some(name) = not_utf8(query) {
            return Err(ApiError::bad(&name, "not valid UTF-8 once percent-decoded"));
        }
        let pairs = form_urlencoded::parse(query.as_bytes());
        serde_path_to_error::deserialize(serde_urlencoded::Deserializer::new(pairs))
            .map(Query)
            .map_err(|e| {
                // Unknown names first, then repeated ones, then the value
                // that failed; the names are only listed on this (error) path.
                let allowed: Vec<String> = T::into_params(|| Some(ParameterIn::Query))
                    .into_iter()
                    .map(|p| p.name)
                    .collect();
                let names: Vec<Cow<str>> = form_urlencoded::parse(query.as_bytes())
                    .map(|(k, _)| k)
                    .collect();
                if let Some(name) = names.iter().find(|k| !allowed.iter().any(|a| a == *k)) {
                    return ApiError::bad(
                        name,
                        format!("unknown parameter; allowed: {}", allowed.join(", ")),
                    );
                }
                let repeated = (1..names.len()).find(|&i| names[..i].contains(&names[i]));
                if let Some(i) = repeated {
                    return ApiError::bad(&names[i], "given more than once");
                }
                match e.path().to_string().as_str() {
                    "." => ApiError::bad("query", e.into_inner()),
                    name => ApiError::bad(name, e.into_inner()),
                }
            })
    }
}

/// The first parameter whose name or value is not UTF-8 once
/// percent-decoded (`query` when the name itself is not), which a lossy
/// decoding would otherwise turn into U+FFFD.
fn not_utf8(query: &str) -> Option<String> {
    use percent_encoding::percent_decode_str;
    query.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        match percent_decode_str(k).decode_utf8() {
            Err(_) => Some("query".to_string()),
            Ok(name) => percent_decode_str(v)
                .decode_utf8()
                .is_err()
                .then(|| name.into_owned()),
        }
    })
}

/// The path's parameters as `T`.
pub struct Path<T>(pub T);

impl<T: DeserializeOwned + IntoParams, S: Send + Sync> FromRequestParts<S> for Path<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let raw = RawPathParams::from_request_parts(parts, state)
            .await
            .map_err(|_| {
                // Only a segment that is not UTF-8 once percent-decoded gets
                // here; every route has one parameter, named by `T`.
                let name = T::into_params(|| Some(ParameterIn::Path))
                    .into_iter()
                    .next()
                    .map_or_else(|| "path".to_string(), |p| p.name);
                ApiError::bad(&name, "not valid UTF-8 once percent-decoded")
            })?;
        let de = serde::de::value::MapDeserializer::<_, serde::de::value::Error>::new(raw.iter());
        serde_path_to_error::deserialize(de)
            .map(Path)
            .map_err(|e| ApiError::bad(&e.path().to_string(), e.into_inner()))
    }
}

/// Parses a parameter's text with `parse`, whose error becomes the message.
fn parse_with<'de, D: Deserializer<'de>, T>(
    d: D,
    parse: impl FnOnce(&str) -> Result<T, String>,
) -> Result<T, D::Error> {
    let text = Cow::<str>::deserialize(d)?;
    parse(&text).map_err(D::Error::custom)
}

fn schema(build: ObjectBuilder) -> RefOr<Schema> {
    RefOr::T(Schema::Object(build.build()))
}

fn uint(v: &str) -> Result<u64, String> {
    v.parse::<u64>()
        .map_err(|_| format!("expected a non-negative integer, got {v:?}"))
}

/// A non-negative integer (ids, epochs, numeric cursors).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Uint(pub u64);

impl Uint {
    /// As a BIGINT (saturating).
    pub fn i64(self) -> i64 {
        to_i64(self.0)
    }
}

impl<'de> Deserialize<'de> for Uint {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        parse_with(d, uint).map(Uint)
    }
}

impl PartialSchema for Uint {
    fn schema() -> RefOr<Schema> {
        schema(
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .minimum(Some(0))
                .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(
                    utoipa::openapi::KnownFormat::Int64,
                ))),
        )
    }
}
impl ToSchema for Uint {}

/// `limit`: items per page, `1..=MAX`, `DEFAULT` when absent.
#[derive(Debug, Clone, Copy)]
pub struct Limit<const DEFAULT: u64, const MAX: u64>(u64);

impl<const DEFAULT: u64, const MAX: u64> Limit<DEFAULT, MAX> {
    /// The number of items.
    pub fn get(self) -> usize {
        self.0 as usize
    }
}

impl<const DEFAULT: u64, const MAX: u64> Default for Limit<DEFAULT, MAX> {
    fn default() -> Self {
        Self(DEFAULT)
    }
}

impl<'de, const DEFAULT: u64, const MAX: u64> Deserialize<'de> for Limit<DEFAULT, MAX> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        parse_with(d, |v| match uint(v)? {
            0 => Err("must be at least 1".into()),
            n if n > MAX => Err(format!("at most {MAX}")),
            n => Ok(Self(n)),
        })
    }
}

impl<const DEFAULT: u64, const MAX: u64> PartialSchema for Limit<DEFAULT, MAX> {
    fn schema() -> RefOr<Schema> {
        schema(
            ObjectBuilder::new()
                .schema_type(Type::Integer)
                .minimum(Some(1))
                .maximum(Some(MAX))
                .default(Some(DEFAULT.into())),
        )
    }
}
impl<const DEFAULT: u64, const MAX: u64> ToSchema for Limit<DEFAULT, MAX> {}

/// An account or object address (`0x` and up to 64 hex digits) in the
/// stored form (long, lowercase), and as it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    /// The stored form.
    pub long: String,
    /// As written in the request.
    pub text: String,
}

fn address(v: &str) -> Result<String, String> {
    if !v.starts_with("0x") || v.len() < 3 || v.len() > 66 {
        return Err(format!("expected a 0x-prefixed hex address, got {v:?}"));
    }
    AccountAddress::from_hex(v)
        .map(|a| a.to_hex())
        .map_err(|e| format!("not an address ({e}): {v:?}"))
}

impl<'de> Deserialize<'de> for Address {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        parse_with(d, |v| {
            Ok(Address {
                long: address(v)?,
                text: v.to_string(),
            })
        })
    }
}

impl PartialSchema for Address {
    fn schema() -> RefOr<Schema> {
        schema(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .pattern(Some("^0x[0-9a-fA-F]{1,64}$")),
        )
    }
}
impl ToSchema for Address {}

/// A job named in a path, by id or by object address, and as it was written.
#[derive(Debug, Clone)]
pub struct JobKey {
    /// Which job.
    pub by: JobBy,
    /// As written in the request.
    pub text: String,
}

/// How a path names a job.
#[derive(Debug, Clone)]
pub enum JobBy {
    /// The job id.
    Id(i64),
    /// The job object's address (stored form).
    Address(String),
}

impl<'de> Deserialize<'de> for JobKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        parse_with(d, |v| {
            let by = if v.starts_with("0x") {
                JobBy::Address(address(v)?)
            } else {
                v.parse::<u64>()
                    .map(|n| JobBy::Id(to_i64(n)))
                    .map_err(|_| format!("expected a job id or a 0x job address, got {v:?}"))?
            };
            Ok(JobKey {
                by,
                text: v.to_string(),
            })
        })
    }
}

impl PartialSchema for JobKey {
    fn schema() -> RefOr<Schema> {
        schema(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .pattern(Some("^([0-9]+|0x[0-9a-fA-F]{1,64})$")),
        )
    }
}
impl ToSchema for JobKey {}

/// A job status, by name or code.
#[derive(Debug, Clone, Copy)]
pub struct Status(pub i16);

impl<'de> Deserialize<'de> for Status {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        parse_with(d, |v| {
            status::parse(v)
                .or_else(|| {
                    v.parse::<i16>()
                        .ok()
                        .filter(|c| status::name(*c) != "unknown")
                })
                .map(Status)
                .ok_or_else(|| {
                    let last = status::names().len() - 1;
                    format!(
                        "one of {} (or 0–{last}), got {v:?}",
                        status::names().join(", ")
                    )
                })
        })
    }
}

impl PartialSchema for Status {
    fn schema() -> RefOr<Schema> {
        let mut values: Vec<String> = status::names().into_iter().map(String::from).collect();
        values.extend((0..values.len()).map(|c| c.to_string()));
        schema(
            ObjectBuilder::new()
                .schema_type(Type::String)
                .enum_values(Some(values)),
        )
    }
}
impl ToSchema for Status {}

/// A yes/no flag: `true`/`1` or `false`/`0`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Flag(pub bool);

impl<'de> Deserialize<'de> for Flag {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        parse_with(d, |v| match v {
            "false" | "0" => Ok(Flag(false)),
            "true" | "1" => Ok(Flag(true)),
            _ => Err(format!("expected true or false, got {v:?}")),
        })
    }
}

impl PartialSchema for Flag {
    fn schema() -> RefOr<Schema> {
        schema(
            ObjectBuilder::new()
                .schema_type(SchemaType::new(Type::Boolean))
                .default(Some(false.into())),
        )
    }
}
impl ToSchema for Flag {}

/// A parameter that takes one of a fixed set of words, each with its value
/// (declare it with [`choice_param!`](crate::api::params::choice_param)).
pub trait Choice: Sized + Copy + 'static {
    /// Every accepted word (and code) with its value, the words first.
    const CHOICES: &'static [(&'static str, Self)];
    /// The words in the message and the document.
    const WORDS: &'static [&'static str];
}

/// Parses a [`Choice`].
pub fn deserialize_choice<'de, D: Deserializer<'de>, T: Choice>(d: D) -> Result<T, D::Error> {
    parse_with(d, |v| {
        T::CHOICES
            .iter()
            .find(|(word, _)| *word == v)
            .map(|(_, value)| *value)
            .ok_or_else(|| match T::WORDS {
                [a, b] => format!("{a} or {b}, got {v:?}"),
                words => format!("one of {}, got {v:?}", words.join(", ")),
            })
    })
}

/// The schema of a [`Choice`]: its words.
pub fn choice_schema<T: Choice>() -> RefOr<Schema> {
    schema(
        ObjectBuilder::new()
            .schema_type(Type::String)
            .enum_values(Some(T::WORDS.iter().copied())),
    )
}

/// Makes a [`Choice`] a parameter type.
macro_rules! choice_param {
    ($t:ty) => {
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $crate::api::params::deserialize_choice(d)
            }
        }
        impl utoipa::PartialSchema for $t {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::Schema> {
                $crate::api::params::choice_schema::<Self>()
            }
        }
        impl utoipa::ToSchema for $t {}
    };
}
pub(crate) use choice_param;

/// A cursor of `<number>:<address>`, the `next_cursor` of a list ordered by
/// a number descending and then by address.
#[derive(Debug, Clone)]
pub struct RankCursor<N> {
    /// The last item's number.
    pub value: N,
    /// The last item's address.
    pub address: String,
}

impl<N: std::str::FromStr> RankCursor<N> {
    /// Parses `text`; `what` names the number in the message.
    pub fn parse(text: &str, what: &str) -> Result<Self, String> {
        let bad = || format!("expected <{what}>:<address> as returned in next_cursor");
        let (v, a) = text.split_once(':').ok_or_else(bad)?;
        let value = v.parse().map_err(|_| bad())?;
        Ok(Self {
            value,
            address: address(a)?,
        })
    }
}
