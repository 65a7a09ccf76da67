//! The OpenAPI document against the running API: every documented path is
//! served, every answer (errors included) has the documented shape, and
//! errors from outside the handlers have the one error shape too.

use super::*;

/// Checks `v` against `schema` (the JSON Schema subset the document uses:
/// `$ref`, `allOf`, `oneOf`, `anyOf`, `type`, `enum`, `properties`,
/// `required`, `additionalProperties`, `items`, `minimum`, `maximum`).
/// Object answers may carry no field the schema does not declare.
pub(super) fn check(doc: &Value, schema: &Value, v: &Value, at: &str) -> Result<(), String> {
    let schema = resolve(doc, schema);
    if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
        for s in all {
            check_shape(doc, s, v, at)?;
        }
        return check_declared(doc, schema, v, at);
    }
    for key in ["oneOf", "anyOf"] {
        if let Some(any) = schema.get(key).and_then(Value::as_array) {
            return match any.iter().any(|s| check(doc, s, v, at).is_ok()) {
                true => Ok(()),
                false => Err(format!("{at}: {v} matches none of {key} {any:?}")),
            };
        }
    }
    check_shape(doc, schema, v, at)?;
    check_declared(doc, schema, v, at)
}

fn resolve<'a>(doc: &'a Value, schema: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(r) => {
            let name = r.trim_start_matches("#/components/schemas/");
            resolve(doc, &doc["components"]["schemas"][name])
        }
        None => schema,
    }
}

/// Type, enum, bounds, required and declared properties, items; not the
/// "no undeclared field" rule (an `allOf` member sees only its own part).
fn check_shape(doc: &Value, schema: &Value, v: &Value, at: &str) -> Result<(), String> {
    let schema = resolve(doc, schema);
    if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
        return all.iter().try_for_each(|s| check_shape(doc, s, v, at));
    }
    if schema.get("oneOf").is_some() || schema.get("anyOf").is_some() {
        return check(doc, schema, v, at);
    }
    if let Some(t) = schema.get("type") {
        let types: Vec<&str> = match t {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        let ok = types.iter().any(|t| match *t {
            "null" => v.is_null(),
            "boolean" => v.is_boolean(),
            "integer" => v.is_i64() || v.is_u64(),
            "number" => v.is_number(),
            "string" => v.is_string(),
            "array" => v.is_array(),
            "object" => v.is_object(),
            _ => false,
        });
        if !ok {
            return Err(format!("{at}: {v} is not of type {t}"));
        }
    }
    if let Some(e) = schema.get("enum").and_then(Value::as_array) {
        if !e.contains(v) {
            return Err(format!("{at}: {v} not in {e:?}"));
        }
    }
    if let (Some(min), Some(x)) = (schema.get("minimum").and_then(Value::as_f64), v.as_f64()) {
        if x < min {
            return Err(format!("{at}: {x} below {min}"));
        }
    }
    if let (Some(max), Some(x)) = (schema.get("maximum").and_then(Value::as_f64), v.as_f64()) {
        if x > max {
            return Err(format!("{at}: {x} above {max}"));
        }
    }
    if let Value::Object(o) = v {
        for r in schema["required"].as_array().into_iter().flatten() {
            let r = r.as_str().unwrap();
            if !o.contains_key(r) {
                return Err(format!("{at}: required `{r}` missing"));
            }
        }
        for (k, x) in o {
            if let Some(s) = schema["properties"].get(k) {
                check(doc, s, x, &format!("{at}.{k}"))?;
            } else if let Some(s) = schema.get("additionalProperties").filter(|s| s.is_object()) {
                check(doc, s, x, &format!("{at}.{k}"))?;
            }
        }
    }
    if let (Value::Array(items), Some(s)) = (v, schema.get("items")) {
        for (i, x) in items.iter().enumerate() {
            check(doc, s, x, &format!("{at}[{i}]"))?;
        }
    }
    Ok(())
}

/// Every field of an object answer is declared (through `allOf` too).
fn check_declared(doc: &Value, schema: &Value, v: &Value, at: &str) -> Result<(), String> {
    let Value::Object(o) = v else { return Ok(()) };
    let mut declared = std::collections::BTreeSet::new();
    let mut open = false;
    collect_declared(doc, schema, &mut declared, &mut open);
    if open {
        return Ok(());
    }
    match o.keys().find(|k| !declared.contains(k.as_str())) {
        Some(k) => Err(format!("{at}: field `{k}` is not in the document")),
        None => Ok(()),
    }
}

fn collect_declared<'a>(
    doc: &'a Value,
    schema: &'a Value,
    out: &mut std::collections::BTreeSet<&'a str>,
    open: &mut bool,
) {
    let schema = resolve(doc, schema);
    for s in schema["allOf"].as_array().into_iter().flatten() {
        collect_declared(doc, s, out, open);
    }
    if let Some(p) = schema["properties"].as_object() {
        out.extend(p.keys().map(String::as_str));
    }
    let untyped_object = schema.get("properties").is_none()
        && schema.get("allOf").is_none()
        && schema["type"] == "object";
    if untyped_object || schema.get("additionalProperties").is_some() {
        *open = true;
    }
}

/// A request's answer checked against the document's entry for its path
/// template and status.
async fn conforms(api: &Api, doc: &Value, template: &str, url: &str) -> u16 {
    let (status, body) = api.get(url).await;
    let op = &doc["paths"][template]["get"];
    assert!(op.is_object(), "{template} is not documented");
    let response = &op["responses"][status.to_string()];
    assert!(
        response.is_object(),
        "{url}: status {status} is not documented for {template}: {body}"
    );
    if let Some(schema) = response["content"]["application/json"].get("schema") {
        if let Err(e) = check(doc, schema, &body, "answer") {
            panic!("{url} ({status}) does not match the document: {e}\n{body}");
        }
    }
    status
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_answer_has_its_documented_shape() {
    let (chain, closed) = scenario();
    let api = Api::start(&chain).await;
    let doc = serde_json::to_value(openapi()).unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    let worker = long_hex(20);
    let epoch = closed.to_string();
    let board = api.ok("/v1/leaderboard/campaign").await;
    let participant = board["items"][0]["address"].as_str().unwrap().to_string();
    let samples: Vec<(&str, String)> = vec![
        ("/health", "/health".into()),
        ("/v1/status", "/v1/status".into()),
        ("/v1/stats", "/v1/stats".into()),
        ("/v1/stats/daily", "/v1/stats/daily?days=7".into()),
        ("/v1/params", "/v1/params".into()),
        ("/v1/attesters", "/v1/attesters".into()),
        (
            "/v1/creators/{address}",
            format!("/v1/creators/{}", long_hex(0xc2)),
        ),
        ("/v1/creators/{address}", "/v1/creators/0x99".into()),
        ("/v1/live", "/v1/live?after=x".into()),
        ("/v1/config", "/v1/config".into()),
        ("/v1/jobs", "/v1/jobs?limit=3".into()),
        ("/v1/jobs", "/v1/jobs?status=open&creator=0xc2".into()),
        ("/v1/jobs/{id}", "/v1/jobs/100".into()),
        ("/v1/jobs/{id}", "/v1/jobs/2".into()),
        ("/v1/jobs/{id}/candidates", "/v1/jobs/1/candidates".into()),
        ("/v1/jobs/{id}/candidates", "/v1/jobs/2/candidates".into()),
        ("/v1/workers", "/v1/workers?limit=2".into()),
        ("/v1/workers", "/v1/workers?sort=priority&limit=2".into()),
        ("/v1/workers/{address}", format!("/v1/workers/{worker}")),
        (
            "/v1/leaderboards/creators",
            "/v1/leaderboards/creators".into(),
        ),
        (
            "/v1/leaderboards/workers",
            "/v1/leaderboards/workers".into(),
        ),
        ("/v1/epochs", "/v1/epochs".into()),
        ("/v1/epochs/{epoch}", format!("/v1/epochs/{epoch}")),
        ("/v1/vip", "/v1/vip?include_revoked=true".into()),
        (
            "/v1/claimables",
            "/v1/claimables?include_withdrawn=true".into(),
        ),
        (
            "/v1/claimables/{address}",
            format!("/v1/claimables/{}", long_hex(0xc2)),
        ),
        ("/v1/campaign", "/v1/campaign".into()),
        (
            "/v1/leaderboard/campaign",
            "/v1/leaderboard/campaign?limit=2".into(),
        ),
        (
            "/v1/campaign/leaderboard",
            "/v1/campaign/leaderboard".into(),
        ),
        (
            "/v1/campaign/users/{address}",
            format!("/v1/campaign/users/{participant}"),
        ),
        // Errors have their documented shape too.
        ("/v1/jobs", "/v1/jobs?limit=0".into()),
        ("/v1/jobs/{id}", "/v1/jobs/999".into()),
        ("/v1/workers/{address}", "/v1/workers/0x99".into()),
        ("/v1/epochs/{epoch}", "/v1/epochs/x".into()),
    ];
    let mut seen = std::collections::BTreeSet::new();
    for (template, url) in &samples {
        conforms(&api, &doc, template, url).await;
        seen.insert(*template);
    }
    // Every documented path was tried (/metrics and the document itself
    // are not JSON answers of this kind; the feed's messages are checked in
    // `browser.rs`).
    for path in doc["paths"].as_object().unwrap().keys() {
        if !["/metrics", "/openapi.json"].contains(&path.as_str()) {
            assert!(seen.contains(path.as_str()), "{path} has no sample");
        }
    }
}

/// Every documented path is routed, and every one that takes parameters
/// rejects a name it does not document.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_documented_path_is_served_and_checks_its_parameters() {
    let api = Api::start(&Chain::new()).await;
    let doc = serde_json::to_value(openapi()).unwrap();
    for (template, item) in doc["paths"].as_object().unwrap() {
        let url = template
            .replace("{id}", "1")
            .replace("{address}", "0x1")
            .replace("{epoch}", "1");
        if template == "/v1/live" {
            // A stream: the answer's head is enough.
            let r = api
                .client
                .get(format!("{}{url}", api.base))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 200, "{template}");
        } else {
            let (status, body) = api.get(&url).await;
            assert!(
                !(status == 404 && body["error"] == "no such endpoint; see /openapi.json"),
                "{template} is documented but not routed"
            );
        }
        let params = item["get"]["parameters"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let takes_query = !["/health", "/metrics", "/openapi.json"].contains(&template.as_str());
        if takes_query {
            let (status, body) = api.get(&format!("{url}?zz=1")).await;
            assert_eq!(
                (status, &body["parameter"]),
                (400, &json!("zz")),
                "{url}: {body}"
            );
            for p in params.iter().filter(|p| p["in"] == "query") {
                let name = p["name"].as_str().unwrap();
                assert!(
                    body["error"].as_str().unwrap().contains(name),
                    "{url}: the message lists the allowed `{name}`: {body}"
                );
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn errors_outside_the_handlers_have_the_one_shape() {
    let api = Api::start(&Chain::new()).await;
    let shape = |v: &Value| v["error"].is_string() && v.as_object().unwrap().len() <= 2;
    // A wrong method.
    let r = api
        .client
        .post(format!("{}/v1/jobs", api.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 405);
    assert_eq!(r.headers()["allow"], "GET, HEAD, OPTIONS");
    assert!(shape(&r.json().await.unwrap()));
    // A URI longer than the limit.
    let long = format!("/v1/jobs?creator=0x{}", "1".repeat(MAX_URI_BYTES));
    let (status, body) = api.get(&long).await;
    assert_eq!(status, 414, "{body}");
    assert!(shape(&body), "{body}");
    // A path segment that is not UTF-8.
    let (status, body) = api.get("/v1/jobs/%FF").await;
    assert_eq!((status, &body["parameter"]), (400, &json!("id")), "{body}");
    let (status, body) = api.get("/v1/workers/%C3%28").await;
    assert_eq!(
        (status, &body["parameter"]),
        (400, &json!("address")),
        "{body}"
    );
    // A query value or name that is not UTF-8.
    let (status, body) = api.get("/v1/jobs?creator=%FF").await;
    assert_eq!(
        (status, &body["parameter"]),
        (400, &json!("creator")),
        "{body}"
    );
    assert!(body["error"].as_str().unwrap().contains("UTF-8"), "{body}");
    let (status, body) = api.get("/v1/jobs?%C3%28=1").await;
    assert_eq!(
        (status, &body["parameter"]),
        (400, &json!("query")),
        "{body}"
    );
    // A parameter given twice.
    let (status, body) = api.get("/v1/jobs?limit=1&limit=2").await;
    assert_eq!(
        (status, &body["parameter"]),
        (400, &json!("limit")),
        "{body}"
    );
    // No such path.
    let (status, body) = api.get("/v2/anything").await;
    assert_eq!(status, 404);
    assert!(shape(&body), "{body}");
}

/// The job page is built by PostgreSQL: it must be exactly what the typed
/// view of the same rows would serve.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_job_page_built_by_postgres_equals_its_typed_view() {
    let (chain, _) = scenario();
    let api = Api::start(&chain).await;
    let mut conn = PgConnection::establish(api._db.url()).unwrap();
    for id in [1i64, 2, 100] {
        let served = api.ok(&format!("/v1/jobs/{id}")).await;
        let row = crate::schema::jobs::table
            .find(id)
            .select(crate::rows::JobRow::as_select())
            .first(&mut conn)
            .unwrap();
        let history: Vec<views::EventView> = crate::schema::events::table
            .filter(crate::schema::events::job_id.eq(id))
            .order((
                crate::schema::events::version,
                crate::schema::events::event_index,
            ))
            .select(crate::rows::EventRow::as_select())
            .load(&mut conn)
            .unwrap()
            .into_iter()
            .map(views::EventView::from)
            .collect();
        let typed = jobs::JobPage {
            job: views::JobView::from(row),
            history,
        };
        assert_eq!(served, serde_json::to_value(typed).unwrap(), "job {id}");
    }
}
