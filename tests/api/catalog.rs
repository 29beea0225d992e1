//! `GET /api/v1/catalog` and the OpenAPI document.

use serde_json::Value;

use crate::helpers::spawn_app;

#[tokio::test]
async fn catalog_has_prices_with_their_date_and_every_default_with_a_rationale() {
    let app = spawn_app().await;

    let body: Value = app.get("/api/v1/catalog").await.json().await.unwrap();

    let catalog = &body["catalog"];
    assert!(catalog["prices_taken_on"].is_string(), "{catalog}");
    let types = catalog["instance_types"].as_array().unwrap();
    assert_eq!(types.len(), 11);
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
            vec!["200", "400", "413", "415", "422", "503"],
        ),
        (
            "post",
            "/api/v1/scenarios",
            vec!["201", "400", "413", "415", "422", "429", "507"],
        ),
        (
            "put",
            "/api/v1/scenarios/{id}",
            vec![
                "200", "400", "401", "403", "404", "409", "413", "415", "422", "429", "507",
            ],
        ),
        (
            "delete",
            "/api/v1/scenarios/{id}",
            vec!["204", "401", "403", "404", "429"],
        ),
        (
            "get",
            "/api/v1/scenarios/{id}/revisions/{n}",
            vec!["200", "304", "404"],
        ),
    ];
    for (method, path, statuses) in cases {
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
