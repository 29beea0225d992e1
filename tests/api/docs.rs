//! `/api/v1/docs`: the OpenAPI document as a page, linked from every page's footer.

use crate::helpers::spawn_app;

#[tokio::test]
async fn the_reference_page_lists_every_operation_and_schema_without_scripts() {
    let app = spawn_app().await;
    let doc: serde_json::Value = app.get("/api/v1/openapi.json").await.json().await.unwrap();

    let response = app.get("/api/v1/docs").await;

    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let csp = response.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(csp.contains("default-src 'none'"), "no script runs: {csp}");
    let html = response.text().await.unwrap();
    assert!(
        !html.contains("<script"),
        "rendered on the server, no viewer"
    );
    // The same stylesheet as the pages (its name is hashed in release builds).
    let planner = app.text("/").await;
    let link = |page: &str| {
        let at = page
            .find("<link id=\"leptos\"")
            .expect("the stylesheet link");
        page[at..at + page[at..].find('>').expect("tag ends")].to_owned()
    };
    assert_eq!(link(&html), link(&planner));
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let id = op["operationId"].as_str().unwrap();
            assert!(html.contains(&format!("id=\"{id}\"")), "{method} {path}");
            assert!(
                html.contains(&format!("{} {path}", method.to_uppercase())),
                "{method} {path}"
            );
        }
    }
    for name in doc["components"]["schemas"].as_object().unwrap().keys() {
        assert!(html.contains(&format!("id=\"schema-{name}\"")), "{name}");
    }
    assert!(
        html.contains("<code>workers.workload.pods</code>"),
        "nested fields are listed"
    );

    let home = app.text("/methodology").await;
    assert!(
        home.contains("href=\"/api/v1/docs\""),
        "linked from the footer"
    );
}

/// Every `$ref` of the served document names a schema it holds (a dangling one
/// fails openapi-spec-validator, and every client generator).
#[tokio::test]
async fn every_reference_in_the_document_resolves() {
    fn refs<'a>(value: &'a serde_json::Value, found: &mut Vec<&'a str>) {
        match value {
            serde_json::Value::Object(map) => {
                if let Some(serde_json::Value::String(target)) = map.get("$ref") {
                    found.push(target);
                }
                map.values().for_each(|v| refs(v, found));
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| refs(v, found)),
            _ => {}
        }
    }
    let app = spawn_app().await;
    let doc: serde_json::Value = app.get("/api/v1/openapi.json").await.json().await.unwrap();
    let mut found = Vec::new();
    refs(&doc, &mut found);
    assert!(!found.is_empty());
    for target in found {
        let pointer = target.strip_prefix('#').expect("a local reference");
        assert!(doc.pointer(pointer).is_some(), "{target} does not exist");
    }
}
