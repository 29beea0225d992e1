//! The OpenAPI document states what the server enforces (issue 22): each rule
//! the document gives a parameter or body is checked here against the server's
//! answer, so neither can change alone. schemathesis's `negative_data_rejection`
//! (scripts/api-fuzz.sh) checks the same on generated data.

use serde_json::{Value, json};

use crate::helpers::{TestApp, assert_problem, error_fields, spawn_app};

async fn document(app: &TestApp) -> Value {
    app.get("/api/v1/openapi.json").await.json().await.unwrap()
}

/// The schema of query or path parameter `name` of `GET path`.
fn parameter<'a>(doc: &'a Value, path: &str, name: &str) -> &'a Value {
    let parameters = doc["paths"][path]["get"]["parameters"].as_array().unwrap();
    let found = parameters.iter().find(|p| p["name"] == name);
    &found.unwrap_or_else(|| panic!("{path} has no {name}"))["schema"]
}

#[tokio::test]
async fn forecast_parameters_state_the_patterns_and_bounds_the_server_enforces() {
    let app = spawn_app().await;
    let doc = document(&app).await;
    let path = "/api/v1/scenarios/{id}/forecast.json";
    assert_eq!(parameter(&doc, path, "currency")["pattern"], "^[A-Z]{3}$");
    let per_usd = parameter(&doc, path, "per_usd");
    assert_eq!(per_usd["type"], "number");
    assert_eq!(per_usd["exclusiveMinimum"], 0);
    assert_eq!(parameter(&doc, path, "id")["pattern"], "^[0-9A-Za-z]{22}$");
    let start = parameter(&doc, path, "start")["pattern"].as_str().unwrap();
    // Years 2000 to 9989: the longest horizon still ends in year 9999.
    assert_eq!(
        start,
        "^([2-8][0-9]{3}|9[0-8][0-9]{2}|99[0-8][0-9])-(0[1-9]|1[0-2])$"
    );

    let created = app.create_scenario("Rules", json!({})).await;
    let forecast = format!("/api/v1/scenarios/{}/forecast.json", created.id);
    let cases = [
        ("currency=&per_usd=", vec!["currency", "per_usd"]),
        ("currency=EUR&per_usd=0", vec!["per_usd"]),
        // A sign the month's digits must not have (`+` is a space in a query).
        ("start=2027-%2B1", vec!["start"]),
        ("start=9990-01", vec!["start"]),
    ];
    for (query, fields) in cases {
        let problem = assert_problem(app.get(&format!("{forecast}?{query}")).await, 422).await;
        assert_eq!(error_fields(&problem), fields, "{query}");
    }
    let short = app.get("/api/v1/scenarios/tooShort/forecast.json").await;
    assert_eq!(short.status(), 404, "an id off the pattern is unknown");
}

#[tokio::test]
async fn the_machine_and_sizing_rules_are_in_the_schema_and_enforced() {
    let app = spawn_app().await;
    let doc = document(&app).await;
    let scenario = &doc["components"]["schemas"]["ScenarioInput"];
    let pools = &scenario["properties"]["fleet"]["items"]["properties"]["pools"]["items"];
    for object in [&scenario["properties"]["workers"], pools] {
        let rules = &object["dependentSchemas"];
        for member in ["custom", "instance_type", "nodes_per_cluster"] {
            assert!(rules[member]["then"].is_object(), "{member}: {object}");
        }
    }
    assert!(scenario["dependentSchemas"]["fleet"]["then"].is_object());

    let machine = json!({"vcpu": 4, "memory_gib": 16, "hourly_usd": 0.2, "max_pods_vpc_cni": 58});
    let refused = [
        (json!({"workers": {"custom": machine}}), "workers.custom"),
        (
            json!({"workers": {"instance_type": "custom"}}),
            "workers.custom.vcpu",
        ),
        (
            json!({"workers": {"nodes_per_cluster": 3, "workload": {}}}),
            "workers.nodes_per_cluster",
        ),
        (
            json!({"clusters": 2, "fleet": [{"name": "a", "clusters": 1, "pools": [{"name": "p"}]}]}),
            "clusters",
        ),
    ];
    for (input, field) in refused {
        let problem = assert_problem(app.calculate(&input).await, 422).await;
        assert!(
            error_fields(&problem).contains(&field.to_owned()),
            "{input}: {problem}"
        );
    }
    let accepted = [
        json!({"workers": {"instance_type": "custom", "custom": machine}}),
        json!({"workers": {"instance_type": "m6i.large", "custom": null}}),
        json!({"workers": {"nodes_per_cluster": 3, "workload": null}}),
    ];
    for input in accepted {
        assert_eq!(app.calculate(&input).await.status(), 200, "{input}");
    }
}

#[tokio::test]
async fn batch_items_are_objects_checked_one_by_one_and_anything_else_is_refused_whole() {
    let app = spawn_app().await;
    let doc = document(&app).await;
    let items = &doc["components"]["schemas"]["BatchRequest"]["properties"]["scenarios"]["items"];
    assert_eq!(
        items,
        &json!({"type": "object"}),
        "no promise the server keeps per item"
    );

    let body = json!({"scenarios": [{}, 1]});
    let problem = assert_problem(app.post_json("/api/v1/calculate/batch", &body).await, 422).await;
    assert!(
        error_fields(&problem)[0].starts_with("scenarios"),
        "{problem}"
    );
}

#[tokio::test]
async fn every_operation_documents_the_answers_its_layers_can_give() {
    let app = spawn_app().await;
    let doc = document(&app).await;
    for (path, operations) in doc["paths"].as_object().unwrap() {
        for (method, operation) in operations.as_object().unwrap() {
            let responses = &operation["responses"];
            let has = |status: &str| responses.get(status).is_some();
            // The time limit wraps every route.
            assert!(has("503"), "{method} {path}");
            if method != "get" {
                // Writes are refused from another site before any handler runs.
                assert!(has("403"), "{method} {path}");
            }
            // A body that cannot be read or is over the server-wide limit,
            // whether the operation reads one or not; a URI over hyper's limit.
            assert!(has("400") && has("413") && has("414"), "{method} {path}");
            if operation.get("requestBody").is_some() {
                assert!(has("415"), "{method} {path}");
            }
        }
    }
    // The write limit runs before the edit token is looked at.
    for (method, path) in [
        ("post", "/api/v1/scenarios"),
        ("put", "/api/v1/scenarios/{id}"),
        ("delete", "/api/v1/scenarios/{id}"),
    ] {
        assert!(
            doc["paths"][path][method]["responses"]["429"].is_object(),
            "{method} {path}"
        );
    }
}

/// Whether `name` is valid by a string schema's `minLength`, `maxLength`,
/// `pattern` and `not: {pattern}` (patterns search, as JSON Schema's do).
fn documented(schema: &Value, name: &str) -> bool {
    let length = name.chars().count() as u64;
    let at_least = schema["minLength"].as_u64().is_none_or(|min| length >= min);
    let at_most = schema["maxLength"].as_u64().is_none_or(|max| length <= max);
    let matches = |pattern: &Value| {
        let pattern = pattern.as_str().expect("a pattern");
        let pattern = clusterplan_model::pattern_for_chars(pattern);
        regex::Regex::new(&pattern)
            .expect("the pattern compiles")
            .is_match(name)
    };
    let refused = schema["not"].get("pattern").is_some_and(matches);
    at_least && at_most && matches(&schema["pattern"]) && !refused
}

#[tokio::test]
async fn every_name_states_the_rule_the_server_enforces() {
    let app = spawn_app().await;
    let doc = document(&app).await;
    let schemas = &doc["components"]["schemas"];
    let input = &schemas["ScenarioInput"]["properties"];
    let group = &input["fleet"]["items"]["properties"];
    let names = [
        ("a scenario", &schemas["NewScenario"]["properties"]["name"]),
        ("a rename", &schemas["ScenarioUpdate"]["properties"]["name"]),
        (
            "a line item",
            &input["line_items"]["items"]["properties"]["name"],
        ),
        ("a group", &group["name"]),
        ("a pool", &group["pools"]["items"]["properties"]["name"]),
    ];
    // Blank, control, text-direction and over-long names, white space a trim
    // removes (a scenario's name is trimmed, an item's is not), and names that pass.
    let longest = "x".repeat(120);
    let samples = [
        "Prod plan".to_owned(),
        " Trimmed ".to_owned(),
        "Ünïcödé ☸".to_owned(),
        String::new(),
        " \u{3000}".to_owned(),
        "tab\there".to_owned(),
        "\tabc".to_owned(),
        "abc\n".to_owned(),
        "a\r\n".to_owned(),
        "next\u{85}line".to_owned(),
        "evil\u{202E}txt.exe".to_owned(),
        "x".repeat(60),
        "x".repeat(61),
        longest.clone(),
        format!(" {longest} "),
        format!("{longest}\n"),
        "x".repeat(121),
    ];
    let renamed = app.create_scenario("Before", json!({})).await;
    for (what, schema) in names {
        assert!(schema["pattern"].is_string(), "{what}: {schema}");
        for name in &samples {
            let status = match what {
                "a scenario" => app
                    .post_json("/api/v1/scenarios", &json!({"name": name}))
                    .await
                    .status(),
                "a rename" => {
                    let token = Some(renamed.edit_token.as_str());
                    let body = json!({"name": name});
                    let answer = app.update_scenario(&renamed.id, token, &body).await;
                    answer.status()
                }
                "a line item" => {
                    let item = json!({"name": name, "monthly_usd": 10});
                    app.calculate(&json!({"line_items": [item]})).await.status()
                }
                "a group" => {
                    let fleet = json!([{"name": name, "clusters": 1, "pools": [{"name": "p"}]}]);
                    app.calculate(&json!({"fleet": fleet})).await.status()
                }
                _ => {
                    let fleet = json!([{"name": "g", "clusters": 1, "pools": [{"name": name}]}]);
                    app.calculate(&json!({"fleet": fleet})).await.status()
                }
            };
            let documented = documented(schema, name);
            assert_eq!(status.is_success(), documented, "{what} {name:?}: {status}");
            if !documented {
                assert_eq!(status, 422, "{what} {name:?}");
            }
        }
    }
}
