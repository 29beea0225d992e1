//! `GET /api/v1/catalog` and the OpenAPI document.

use serde_json::Value;

use crate::helpers::{assert_problem, error_fields, spawn_app};

#[tokio::test]
async fn catalog_has_prices_with_their_date_and_every_default_with_a_rationale() {
    let app = spawn_app().await;

    let body: Value = app.get("/api/v1/catalog").await.json().await.unwrap();

    let catalog = &body["catalog"];
    assert_eq!(catalog["prices_taken_on"], "2026-07-20", "{catalog}");
    assert_eq!(catalog["region"], "us-east-1");
    assert_eq!(catalog["sources"].as_array().map(Vec::len), Some(3));
    assert_eq!(catalog["control_plane_tiers"]["tiers"][1]["name"], "xl");
    let types = catalog["instance_types"].as_array().unwrap();
    assert_eq!(types.len(), 100, "the default page");
    assert_eq!(body["matched"], 1345);
    assert_eq!(body["next_cursor"], types[99]["name"]);
    let defaults = body["defaults"].as_array().unwrap();
    let headroom = defaults
        .iter()
        .find(|d| d["path"] == "workers.headroom_pct")
        .expect("headroom default");
    assert_eq!(headroom["default"], 25.0);
    for spec in defaults {
        let rationale = spec["rationale"].as_str().unwrap_or("");
        assert!(!rationale.is_empty(), "{} has no rationale", spec["path"]);
    }
}

#[tokio::test]
async fn filters_narrow_the_catalog_and_the_price_date_stays() {
    let app = spawn_app().await;
    let get = |query: &'static str| {
        let app = &app;
        async move {
            let path = format!("/api/v1/catalog?{query}");
            let body: Value = app.get(&path).await.json().await.unwrap();
            body
        }
    };

    let body = get("family=m7g&min_vcpu=4&max_vcpu=8").await;
    let names: Vec<&str> = body["catalog"]["instance_types"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["m7g.2xlarge", "m7g.xlarge"]);
    let m7g = &body["catalog"]["instance_types"][1];
    assert_eq!(
        (m7g["arch"].as_str(), m7g["gpus"].as_u64()),
        (Some("arm64"), Some(0))
    );
    assert_eq!(m7g["hourly_usd"], 0.1632);
    assert_eq!(body["next_cursor"], Value::Null);

    let body = get("q=XLARGE&arch=arm64&gpu=false&min_memory_gib=64&limit=500").await;
    let types = body["catalog"]["instance_types"].as_array().unwrap();
    assert!(!types.is_empty());
    for t in types {
        assert!(t["name"].as_str().unwrap().contains("xlarge"), "{t}");
        assert_eq!(
            (&t["arch"], &t["gpus"]),
            (&Value::from("arm64"), &Value::from(0))
        );
        assert!(t["memory_gib"].as_f64().unwrap() >= 64.0, "{t}");
    }

    let body = get("q=no-such-type").await;
    assert_eq!(body["matched"], 0);
    assert_eq!(body["catalog"]["prices_taken_on"], "2026-07-20");
    let gpus = get("gpu=true&limit=500").await;
    let types = gpus["catalog"]["instance_types"].as_array().unwrap();
    assert!(types.iter().all(|t| t["gpus"].as_u64() > Some(0)));
}

#[tokio::test]
async fn walking_every_page_of_500_yields_each_type_once() {
    let app = spawn_app().await;
    let mut names = std::collections::BTreeSet::new();
    let mut cursor: Option<String> = None;
    let mut pages = 0;
    loop {
        let path = match &cursor {
            Some(c) => format!("/api/v1/catalog?limit=500&cursor={c}"),
            None => "/api/v1/catalog?limit=500".to_owned(),
        };
        let body: Value = app.get(&path).await.json().await.unwrap();
        for t in body["catalog"]["instance_types"].as_array().unwrap() {
            assert!(names.insert(t["name"].as_str().unwrap().to_owned()), "{t}");
        }
        pages += 1;
        match body["next_cursor"].as_str() {
            Some(next) => cursor = Some(next.to_owned()),
            None => break,
        }
    }
    assert_eq!((names.len(), pages), (1345, 3));
    assert!(names.contains("m6i.xlarge") && names.contains("u7in-32tb.224xlarge"));
}

#[tokio::test]
async fn bad_catalog_parameters_are_problems_naming_them() {
    let app = spawn_app().await;
    let cases = [
        ("limit=0", vec!["limit"]),
        ("limit=501", vec!["limit"]),
        ("arch=x86", vec!["arch"]),
        ("min_vcpu=-1&gpu=maybe", vec!["min_vcpu", "gpu"]),
        ("min_memory_gib=lots", vec!["min_memory_gib"]),
        ("cursor=not-a-type", vec!["cursor"]),
    ];
    for (query, fields) in cases {
        let path = format!("/api/v1/catalog?{query}");
        let problem = assert_problem(app.get(&path).await, 422).await;
        assert_eq!(error_fields(&problem), fields, "{query}");
    }
    let unknown = assert_problem(app.get("/api/v1/catalog?min_cpu=4").await, 400).await;
    assert!(unknown.to_string().contains("min_cpu"), "{unknown}");
}

#[tokio::test]
async fn an_unknown_instance_type_suggests_catalog_names() {
    let app = spawn_app().await;
    let body = serde_json::json!({"workers": {"instance_type": "m6i.xlarg"}});

    let problem = assert_problem(app.post_json("/api/v1/calculate", &body).await, 422).await;

    assert_eq!(error_fields(&problem), ["workers.instance_type"]);
    let message = problem["errors"][0]["message"].as_str().unwrap();
    assert!(message.contains("did you mean m6i.xlarge"), "{message}");
}

#[tokio::test]
async fn openapi_document_lists_every_endpoint_and_field_ranges() {
    let app = spawn_app().await;

    let doc: Value = app.get("/api/v1/openapi.json").await.json().await.unwrap();

    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths = doc["paths"].as_object().unwrap();
    for path in [
        "/api/v1/calculate",
        "/api/v1/scenarios",
        "/api/v1/scenarios/{id}",
        "/api/v1/scenarios/{id}/revisions/{n}",
        "/api/v1/compare",
        "/api/v1/scenarios/{id}/export.csv",
        "/api/v1/catalog",
    ] {
        assert!(paths.contains_key(path), "{path} missing");
    }
    let documented = |method: &str, path: &str| -> Vec<String> {
        let responses = doc["paths"][path][method]["responses"].as_object().unwrap();
        responses.keys().cloned().collect()
    };
    let cases = [
        (
            "post",
            "/api/v1/calculate",
            "200 400 403 413 414 415 422 503",
        ),
        (
            "post",
            "/api/v1/scenarios",
            "201 400 403 413 414 415 422 429 503 507",
        ),
        (
            "put",
            "/api/v1/scenarios/{id}",
            "200 400 401 403 404 409 412 413 414 415 422 429 503 507",
        ),
        (
            "delete",
            "/api/v1/scenarios/{id}",
            "204 400 401 403 404 412 413 414 429 503",
        ),
        (
            "get",
            "/api/v1/scenarios/{id}/revisions/{n}",
            "200 304 400 404 413 414 503",
        ),
    ];
    for (method, path, statuses) in cases {
        let statuses: Vec<&str> = statuses.split(' ').collect();
        assert_eq!(documented(method, path), statuses, "{method} {path}");
    }
    let text = doc.to_string();
    assert!(text.contains("\"maximum\":120"), "horizon range documented");
    assert!(text.contains("application/problem+json"));
}

#[tokio::test]
async fn compare_documents_ids_as_a_required_query_parameter() {
    let app = spawn_app().await;

    let doc: Value = app.get("/api/v1/openapi.json").await.json().await.unwrap();

    let parameter = &doc["paths"]["/api/v1/compare"]["get"]["parameters"][0];
    assert_eq!(parameter["name"], "ids");
    assert_eq!(parameter["in"], "query");
    assert_eq!(parameter["required"], true);
}

#[tokio::test]
async fn catalog_parameters_are_documented_and_instance_types_are_no_enum() {
    let app = spawn_app().await;

    let doc: Value = app.get("/api/v1/openapi.json").await.json().await.unwrap();

    let parameters = doc["paths"]["/api/v1/catalog"]["get"]["parameters"]
        .as_array()
        .unwrap();
    let names: Vec<&str> = parameters
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    for name in [
        "q",
        "family",
        "arch",
        "min_vcpu",
        "max_vcpu",
        "min_memory_gib",
        "gpu",
        "limit",
        "cursor",
    ] {
        assert!(names.contains(&name), "{name} documented");
    }
    let input = &doc["components"]["schemas"]["ScenarioInput"]["properties"];
    let workers = &input["workers"]["properties"];
    let instance_type = &workers["instance_type"];
    assert!(instance_type.get("enum").is_none(), "{instance_type}");
    assert!(instance_type["pattern"].is_string(), "{instance_type}");
    assert!(
        instance_type["description"]
            .as_str()
            .unwrap()
            .contains("GET /api/v1/catalog")
    );
}
