//! VIP pass holders.

use axum::extract::State;
use axum::Json;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::error::{ApiError, CommonErrors};
use super::params::{choice_param, Choice, Flag, Query};
use super::{db, AppState};
use crate::project::role;
use crate::rows::VipPassRow;
use crate::schema::vip_passes;

/// A pass's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Role(i16);

impl Choice for Role {
    const CHOICES: &'static [(&'static str, Self)] = &[
        ("creator", Role(role::CREATOR as i16)),
        ("worker", Role(role::WORKER as i16)),
        ("0", Role(role::CREATOR as i16)),
        ("1", Role(role::WORKER as i16)),
    ];
    const WORDS: &'static [&'static str] = &["creator", "worker"];
}
choice_param!(Role);

/// Filters of `/v1/vip`.
#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct VipQuery {
    /// creator or worker.
    #[param(inline)]
    role: Option<Role>,
    /// Include revoked passes.
    #[serde(default)]
    #[param(inline)]
    include_revoked: Flag,
}

/// A pass with its role's name.
#[derive(Serialize, ToSchema)]
pub struct VipPassView {
    #[serde(flatten)]
    row: VipPassRow,
    /// `creator` or `worker`.
    role_name: &'static str,
}

/// `GET /v1/vip`.
#[derive(Serialize, ToSchema)]
pub struct VipList {
    /// Oldest first.
    items: Vec<VipPassView>,
}

/// VIP pass holders.
#[utoipa::path(get, path = "/v1/vip", tag = "vip", params(VipQuery),
    responses((status = 200, body = VipList), CommonErrors))]
pub async fn list_vip(
    State(st): State<AppState>,
    Query(q): Query<VipQuery>,
) -> Result<Json<VipList>, ApiError> {
    db(&st, move |c| {
        let mut query = vip_passes::table
            .select(VipPassRow::as_select())
            .into_boxed();
        if let Some(Role(r)) = q.role {
            query = query.filter(vip_passes::role.eq(r));
        }
        if !q.include_revoked.0 {
            query = query.filter(vip_passes::revoked.eq(false));
        }
        let rows: Vec<VipPassRow> = query
            .order((vip_passes::minted_at, vip_passes::holder))
            .load(c)?;
        let items = rows
            .into_iter()
            .map(|row| VipPassView {
                role_name: if row.role == role::CREATOR as i16 {
                    "creator"
                } else {
                    "worker"
                },
                row,
            })
            .collect();
        Ok(Json(VipList { items }))
    })
    .await
}
