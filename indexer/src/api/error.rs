//! The one error shape of the API: `{"error": …, "parameter": …}` for every
//! error answer (bad parameters, unknown ids and paths, wrong methods, URIs
//! too long, an unreachable database, server faults).

use std::collections::BTreeMap;

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder};
use utoipa::{IntoResponses, ToSchema};

use crate::store::StoreError;

/// An error answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    /// What went wrong, in words.
    error: String,
    /// The offending parameter (query or path), for 400.
    #[serde(skip_serializing_if = "Option::is_none")]
    parameter: Option<String>,
}

/// An error answer with its status.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    body: ErrorBody,
}

impl ApiError {
    fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Self {
            status,
            body: ErrorBody {
                error: message.into(),
                parameter: None,
            },
        }
    }

    /// 400: `parameter` is invalid.
    pub fn bad(parameter: &str, message: impl std::fmt::Display) -> Self {
        Self {
            status: StatusCode::BAD_REQUEST,
            body: ErrorBody {
                error: format!("invalid parameter `{parameter}`: {message}"),
                parameter: Some(parameter.to_string()),
            },
        }
    }

    /// 404.
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, message)
    }

    /// 405: the path exists, the method does not.
    pub fn method_not_allowed() -> Self {
        Self::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "method not allowed: the explorer API answers GET, HEAD and OPTIONS (CORS preflight)",
        )
    }

    /// 409.
    pub fn conflict(message: impl Into<String>) -> Self {
        Self::new(StatusCode::CONFLICT, message)
    }

    /// 414.
    pub fn uri_too_long(max: usize) -> Self {
        Self::new(
            StatusCode::URI_TOO_LONG,
            format!("the request URI is longer than {max} bytes"),
        )
    }

    /// 500; the cause is logged, not shown.
    pub fn internal(e: impl std::fmt::Display) -> Self {
        tracing::error!(error = %e, "API request failed");
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, "internal error")
    }

    /// A 5xx answer.
    pub fn is_server_error(&self) -> bool {
        self.status.is_server_error()
    }

    /// 503; the cause is logged, not shown.
    pub fn unavailable(e: impl std::fmt::Display) -> Self {
        tracing::warn!(error = %e, "database unavailable");
        Self::new(StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
    }
}

impl From<diesel::result::Error> for ApiError {
    fn from(e: diesel::result::Error) -> Self {
        ApiError::internal(e)
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        ApiError::internal(e)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut r = (self.status, Json(self.body)).into_response();
        if self.status == StatusCode::METHOD_NOT_ALLOWED {
            r.headers_mut().insert(
                header::ALLOW,
                HeaderValue::from_static("GET, HEAD, OPTIONS"),
            );
        }
        r
    }
}

/// An error status in the OpenAPI document, with the error shape.
fn documented(
    status: u16,
    description: &str,
) -> BTreeMap<String, RefOr<utoipa::openapi::Response>> {
    let content = ContentBuilder::new()
        .schema(Some(Ref::from_schema_name("ErrorBody")))
        .build();
    BTreeMap::from([(
        status.to_string(),
        ResponseBuilder::new()
            .description(description)
            .content("application/json", content)
            .build()
            .into(),
    )])
}

/// The errors every endpoint can answer: a bad or unknown parameter, and
/// the database out of reach.
pub struct CommonErrors;

impl IntoResponses for CommonErrors {
    fn responses() -> BTreeMap<String, RefOr<utoipa::openapi::Response>> {
        let mut r = documented(
            400,
            "A parameter is invalid or unknown; `parameter` names it.",
        );
        r.append(&mut documented(503, "The database is unreachable."));
        r
    }
}

/// 404 for an id or address that is not indexed.
pub struct NotFound;

impl IntoResponses for NotFound {
    fn responses() -> BTreeMap<String, RefOr<utoipa::openapi::Response>> {
        documented(404, "No such item.")
    }
}

/// 409 for candidates of a job that is not open.
pub struct NotOpen;

impl IntoResponses for NotOpen {
    fn responses() -> BTreeMap<String, RefOr<utoipa::openapi::Response>> {
        documented(409, "The job is not open.")
    }
}
