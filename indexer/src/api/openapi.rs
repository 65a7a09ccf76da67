//! The OpenAPI 3.1 document served at `/openapi.json`.

use serde_json::{json, Value};

fn q(name: &str, desc: &str, schema: Value) -> Value {
    json!({"name": name, "in": "query", "required": false, "description": desc, "schema": schema})
}

fn path(name: &str, desc: &str, schema: Value) -> Value {
    json!({"name": name, "in": "path", "required": true, "description": desc, "schema": schema})
}

fn limit(default: u64, max: u64) -> Value {
    q(
        "limit",
        "Items per page.",
        json!({"type": "integer", "minimum": 1, "maximum": max, "default": default}),
    )
}

fn op(summary: &str, params: Vec<Value>, errors: &[u16]) -> Value {
    let mut responses = serde_json::Map::new();
    responses.insert(
        "200".into(),
        json!({"description": "OK", "content": {"application/json": {"schema": {"type": "object"}}}}),
    );
    for e in errors {
        let desc = match e {
            400 => "A parameter is invalid; `parameter` names it.",
            404 => "No such item.",
            409 => "The job is not open.",
            503 => "The database is unreachable.",
            _ => "Error.",
        };
        responses.insert(
            e.to_string(),
            json!({"description": desc, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}),
        );
    }
    json!({"get": {"summary": summary, "parameters": params, "responses": responses}})
}

/// The document.
pub fn openapi() -> Value {
    let addr = json!({"type": "string", "pattern": "^0x[0-9a-fA-F]{1,64}$"});
    let int = json!({"type": "integer", "minimum": 0});
    let cursor = |what: &str| {
        q(
            "cursor",
            &format!("`next_cursor` of the previous page ({what})."),
            json!({"type": "string"}),
        )
    };
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Lumen explorer API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Jobs, workers, rewards and VIP passes of the Lumen render network, mirrored from chain events. Amounts are base units of the payment asset; times are chain seconds; scores are micro-units (1.0 = 1 000 000). Eligibility and priority are computed at the chain time of the last indexed transaction."
        },
        "paths": {
            "/health": op("Liveness and database reachability.", vec![], &[503]),
            "/metrics": {"get": {"summary": "Prometheus metrics (text format).", "responses": {"200": {"description": "OK", "content": {"text/plain": {"schema": {"type": "string"}}}}}}},
            "/openapi.json": op("This document.", vec![], &[]),
            "/v1/status": op("Indexed version, chain head and lag.", vec![], &[503]),
            "/v1/stats": op("Network totals: jobs by status, workers, stake, payments, VIP holders, epochs.", vec![], &[400]),
            "/v1/jobs": op("Jobs, newest first.", vec![
                q("status", "open, assigned, submitted, completed, cancelled, reclaimed, disputed, resolved (or 0–7).", json!({"type": "string"})),
                q("creator", "Creator address.", addr.clone()),
                q("worker", "Assigned worker address.", addr.clone()),
                limit(50, 500),
                cursor("a job id"),
            ], &[400]),
            "/v1/jobs/{id}": op("One job and its event history.", vec![path("id", "Job id or job object address.", json!({"type": "string"}))], &[400, 404]),
            "/v1/jobs/{id}/candidates": op(
                "Eligible workers for an open job (score ≥ min score, VRAM ≥ min VRAM, valid attestation, stake ≥ minimum stake), ranked: the top 10 % (rounded up) of VIP workers by priority score first, then everyone by priority score.",
                vec![path("id", "Job id or job object address.", json!({"type": "string"})), limit(100, 1000)],
                &[400, 404, 409],
            ),
            "/v1/workers": op("Workers.", vec![
                q("sort", "score (default), stake or priority; descending.", json!({"type": "string", "enum": ["score", "stake", "priority"]})),
                limit(50, 500),
                cursor("opaque"),
            ], &[400]),
            "/v1/workers/{address}": op("One worker with its attestations, stake, rewards and jobs.", vec![path("address", "Worker address.", addr.clone())], &[400, 404]),
            "/v1/leaderboards/creators": op("Creators by priority score (spend this month, frames succeeded, VIP).", vec![limit(100, 1000)], &[400]),
            "/v1/leaderboards/workers": op("Workers by priority score.", vec![limit(100, 1000)], &[400]),
            "/v1/epochs": op("Reward epochs, newest first, with their pools.", vec![limit(50, 500), cursor("an epoch number")], &[400]),
            "/v1/epochs/{epoch}": op("One epoch with per-worker uptime, leases and rewards.", vec![path("epoch", "Epoch number.", int)], &[400, 404]),
            "/v1/vip": op("VIP pass holders.", vec![
                q("role", "creator or worker.", json!({"type": "string", "enum": ["creator", "worker"]})),
                q("include_revoked", "Include revoked passes.", json!({"type": "boolean", "default": false})),
            ], &[400]),
            "/v1/campaign": op("The testnet campaign: period, credit value, tier amounts, pool, participants.", vec![], &[400]),
            "/v1/campaign/leaderboard": op("Same answer as /v1/leaderboard/campaign.", vec![limit(100, 1000), cursor("<total>:<address>")], &[400]),
            "/v1/campaign/users/{address}": op("One participant: on-chain record (`user`, null for an address with protocol points only), points by source, leaderboard total, rank and payout preview, and its campaign events.", vec![path("address", "Participant address.", addr.clone())], &[400, 404]),
            "/v1/leaderboard/campaign": op(
                "The testnet campaign leaderboard: participants with points (micro-points) ranked by total descending, ties by address ascending. Each item: rank, address, points by source (check_in, social, referral, creator, worker_render, worker_online), total, recorded_points (on-chain total_points, the floor pay_leaderboard checks), payout (what its rank would be paid now). Also participants (ranked count), tier_amounts (current per-user amounts) and payout (preview of paying the top 100: per tier first_rank, last_rank, per_user, winners, total; total, pool, pool_covers).",
                vec![limit(100, 1000), cursor("<total>:<address>")],
                &[400],
            ),
        },
        "components": {
            "schemas": {
                "Error": {
                    "type": "object",
                    "required": ["error"],
                    "properties": {
                        "error": {"type": "string"},
                        "parameter": {"type": "string", "description": "The offending parameter, for 400."}
                    }
                }
            }
        }
    })
}
