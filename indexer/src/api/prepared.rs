//! Hand-written statements that diesel keeps prepared on each pooled
//! connection, and JSON text PostgreSQL built, passed through as it is.

use diesel::pg::Pg;
use diesel::prelude::*;
use diesel::query_builder::{AstPass, QueryFragment, QueryId};
use serde::Serialize;

/// A hand-written statement that diesel keeps prepared on each pooled
/// connection: its text is fixed per type `S`, so its type is the statement
/// cache's key, whereas `diesel::sql_query` is parsed and planned by
/// PostgreSQL on every call (a fifth of the server's time on `/v1/jobs/{id}`).
pub struct Prepared<S>(pub S);

/// The text and binds of a [`Prepared`] statement.
pub trait Statement: 'static {
    /// Writes the statement's text and binds.
    fn walk<'b>(&'b self, out: AstPass<'_, 'b, Pg>) -> QueryResult<()>;
}

impl<S: 'static> QueryId for Prepared<S> {
    type QueryId = S;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl<S: Statement> QueryFragment<Pg> for Prepared<S> {
    fn walk_ast<'b>(&'b self, out: AstPass<'_, 'b, Pg>) -> QueryResult<()> {
        self.0.walk(out)
    }
}

impl<S> diesel::query_builder::Query for Prepared<S> {
    type SqlType = diesel::sql_types::Untyped;
}

impl<S, C> RunQueryDsl<C> for Prepared<S> {}

/// One text column named `body`.
#[derive(QueryableByName)]
pub struct Body {
    /// The column.
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub body: String,
}

/// JSON text PostgreSQL built, passed through to the answer as it is.
#[derive(Debug)]
pub struct JsonText(Box<serde_json::value::RawValue>);

impl diesel::deserialize::FromSql<diesel::sql_types::Text, Pg> for JsonText {
    fn from_sql(value: diesel::pg::PgValue<'_>) -> diesel::deserialize::Result<Self> {
        let text =
            <String as diesel::deserialize::FromSql<diesel::sql_types::Text, Pg>>::from_sql(value)?;
        Ok(Self(serde_json::value::RawValue::from_string(text)?))
    }
}

impl Serialize for JsonText {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

/// JSON serialized once and shared by the answers that repeat it, written
/// out as it is (the same bytes as serializing the value in place).
#[derive(Debug, Clone)]
pub struct SharedJson(std::sync::Arc<serde_json::value::RawValue>);

impl SharedJson {
    /// `value` serialized.
    pub fn of<T: Serialize>(value: &T) -> serde_json::Result<Self> {
        Ok(Self(serde_json::value::to_raw_value(value)?.into()))
    }
}

impl Serialize for SharedJson {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}
