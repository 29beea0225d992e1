//! The fleet (model v3) through the API: a fleet calculates and is stored and read
//! back whole, and each bad fleet is a 422 naming the field.

use serde_json::{Value, json};

use crate::helpers::{assert_problem, error_fields, spawn_app};

fn fleet() -> Value {
    json!({"fleet": [
        {"name": "production", "clusters": 2, "clusters_added_per_year": 2, "pools": [
            {"name": "general", "instance_type": "c7i.4xlarge"},
            {"name": "batch", "compute": "fargate",
             "workload": {"cpu_request_cores": 10, "memory_request_gib": 100, "pods": 10}}]},
        {"name": "dev", "clusters": 4, "pools": [
            {"name": "general", "instance_type": "t3.large", "nodes_per_cluster": 2}]}]})
}

#[tokio::test]
async fn a_fleet_calculates_with_pools_and_cluster_series() {
    let app = spawn_app().await;
    let response = app.calculate(&fleet()).await;
    assert_eq!(response.status(), 200);
    let result: Value = response.json().await.unwrap();
    assert_eq!(result["model_version"], "3");
    let eks = &result["options"]["eks"];
    assert_eq!(eks["pools"].as_array().map(Vec::len), Some(3));
    assert_eq!(eks["pools"][1]["compute"], "fargate");
    assert_eq!(eks["pools"][1]["nodes_per_cluster"], 0);
    assert_eq!(eks["series"]["clusters"][0], 6);
    assert_eq!(eks["series"]["clusters"][35], 11);
    assert!(result["inputs"].get("clusters").is_none());
    assert_eq!(
        result["inputs"]["fleet"][1]["pools"][0]["instance_type"],
        "t3.large"
    );
    assert_eq!(result["comparison"]["breakeven_clusters"], Value::Null);
}

#[tokio::test]
async fn a_saved_fleet_reads_back_whole() {
    let app = spawn_app().await;
    let created = app.create_scenario("Fleet", fleet()).await;
    let response = app.get(&format!("/api/v1/scenarios/{}", created.id)).await;
    assert_eq!(response.status(), 200);
    let doc: Value = response.json().await.unwrap();
    // Stored with every default filled in, as every input is.
    assert_eq!(doc["input"]["fleet"], doc["result"]["inputs"]["fleet"]);
    assert_eq!(doc["input"]["fleet"][0]["pools"][1]["compute"], "fargate");
    assert_eq!(doc["input"]["fleet"][1]["pools"][0]["nodes_per_cluster"], 2);
    assert!(doc["input"].get("workers").is_none());
    assert_eq!(
        doc["result"]["options"]["self_hosted"]["pools"][2]["total_nodes"],
        8
    );
}

/// Row names are trimmed as the planner's form trims them: "x" and "x " were
/// two pools to the API and one to the form, which then refused the saved
/// scenario (an outside review).
#[tokio::test]
async fn row_names_are_trimmed_as_the_form_trims_them() {
    let app = spawn_app().await;
    let twins = json!({"fleet": [{"name": "p", "clusters": 1, "pools": [
        {"name": "x", "instance_type": "t3.large"},
        {"name": "x ", "instance_type": "t3.large"}]}]});
    let problem = assert_problem(app.calculate(&twins).await, 422).await;
    assert!(error_fields(&problem).contains(&"fleet[0].pools[1].name".to_owned()));
    let spaced = json!({"fleet": [{"name": " prod\u{200b}", "clusters": 1, "pools": [
            {"name": " general\u{3000}", "instance_type": "t3.large"}]}],
        "line_items": [{"name": " Support ", "monthly_usd": 10}]});
    let created = app.create_scenario("Spaced", spaced).await;
    let doc = app.scenario(&created.id).await;
    let input = serde_json::to_value(&doc.input).unwrap();
    assert_eq!(input["fleet"][0]["name"], "prod");
    assert_eq!(input["fleet"][0]["pools"][0]["name"], "general");
    assert_eq!(input["line_items"][0]["name"], "Support");
    // What the schema refuses as sent stays refused: a tab, or more than 60
    // characters however many of them are blanks (schemathesis holds the API
    // to its schema's refusals).
    let padded = format!("{0}{1}{0}", " ".repeat(5), "n".repeat(60));
    for name in ["Support\t", padded.as_str()] {
        let items = json!({"line_items": [{"name": name, "monthly_usd": 10}]});
        let problem = assert_problem(app.calculate(&items).await, 422).await;
        assert_eq!(error_fields(&problem), ["line_items[0].name"], "{name:?}");
    }
}

#[tokio::test]
async fn each_bad_fleet_is_a_422_naming_the_field() {
    let app = spawn_app().await;
    let pool = json!({"name": "p"});
    let cases = [
        (
            json!({"fleet": fleet()["fleet"], "clusters": 3}),
            "clusters",
        ),
        (
            json!({"fleet": fleet()["fleet"], "workers": {"headroom_pct": 10}}),
            "workers",
        ),
        (
            json!({"fleet": fleet()["fleet"], "self_hosted": {"worker_hourly_usd": 0.05}}),
            "self_hosted.worker_hourly_usd",
        ),
        (
            json!({"fleet": [{"name": "a", "clusters": 1, "pools": [pool]},
                             {"name": "a", "clusters": 1, "pools": [pool]}]}),
            "fleet[1].name",
        ),
        (
            json!({"fleet": [{"name": "a", "clusters": 1, "pools": []}]}),
            "fleet[0].pools",
        ),
        (
            json!({"fleet": [{"name": "a", "clusters": 1,
                "pools": (0..11).map(|i| json!({"name": format!("p{i}")})).collect::<Vec<_>>()}]}),
            "fleet[0].pools",
        ),
        (
            json!({"fleet": [{"name": "a", "clusters": 999, "pools": [pool]},
                             {"name": "b", "clusters": 2, "pools": [pool]}]}),
            "fleet",
        ),
        (
            json!({"fleet": [{"name": "a", "clusters": 1, "pools": [
                {"name": "f", "compute": "fargate", "nodes_per_cluster": 2}]}]}),
            "fleet[0].pools[0].nodes_per_cluster",
        ),
        (
            json!({"fleet": [{"name": "a", "clusters": 1, "pools": [{"name": "f", "compute": "fargate",
                "workload": {"cpu_request_cores": 20, "memory_request_gib": 8, "pods": 1}}]}]}),
            "fleet[0].pools[0].workload",
        ),
        (
            json!({"fleet": [{"name": "a", "clusters": 1, "pools": [
                {"name": "x", "instance_type": "c7i.4xlarg"}]}]}),
            "fleet[0].pools[0].instance_type",
        ),
    ];
    for (input, field) in cases {
        let problem = assert_problem(app.calculate(&input).await, 422).await;
        assert_eq!(error_fields(&problem), [field], "{input}");
    }
    let typo = json!({"fleet": [{"name": "a", "clusters": 1, "pools": [
        {"name": "x", "instance_type": "c7i.4xlarg"}]}]});
    let problem = assert_problem(app.calculate(&typo).await, 422).await;
    let message = problem["errors"][0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("c7i.4xlarge"), "{message}");
}

#[tokio::test]
async fn the_shared_page_shows_the_pools_and_opens_the_fleet_in_the_planner() {
    let app = spawn_app().await;
    let created = app.create_scenario("Fleet", fleet()).await;
    let html = app.text(&format!("/s/{}", created.id)).await;
    assert!(html.contains("data-testid=\"pools-table\""));
    assert!(html.contains("production / batch") && html.contains("dev / general"));
    // The planner link carries the fleet's rows, not `clusters` or `workers`.
    assert!(html.contains("fleet%5B1%5D.pools%5B0%5D.instance_type=t3.large"));
    assert!(!html.contains("workers.sizing"));
    let plain = app.create_scenario("Plain", json!({"clusters": 2})).await;
    let html = app.text(&format!("/s/{}", plain.id)).await;
    assert!(!html.contains("data-testid=\"pools-table\""));
    assert!(html.contains("Open in the planner"));
}

#[tokio::test]
async fn methodology_has_the_fleet_formulas_and_the_fargate_sizes() {
    let app = spawn_app().await;
    let html = app.text("/methodology").await;
    assert!(html.contains("Fleet (v3)") && html.contains("Fargate pools (v3)"));
    assert!(html.contains("data-testid=\"fargate-sizes\""));
    assert!(html.contains("32 to 120"));
}

#[tokio::test]
async fn the_planner_edits_a_fleet_without_javascript() {
    let app = spawn_app().await;
    // A plain form asks to be written as a fleet: the fleet editor replaces
    // `clusters` and `workers`, and the results show the one pool.
    let html = app
        .text("/?clusters=4&workers.headroom_pct=30&to_fleet=1")
        .await;
    assert!(html.contains("data-testid=\"fleet\""));
    assert!(
        html.contains("name=\"fleet[0].clusters\" value=\"4\""),
        "clusters moved"
    );
    assert!(html.contains("name=\"fleet[0].pools[0].headroom_pct\" value=\"30\""));
    assert!(
        !html.contains("name=\"clusters\""),
        "the replaced field is not rendered"
    );
    assert!(html.contains("data-testid=\"pools-table\""));
    // Add and Remove are submit buttons: each reload shows the rows they leave.
    let base = "fleet[0].name=prod&fleet[0].clusters=2&fleet[0].pools[0].name=general";
    let html = app.text(&format!("/?{base}&add_row=fleet[0].pools")).await;
    assert!(
        html.contains("name=\"fleet[0].pools[1].name\" value=\"\""),
        "a blank pool"
    );
    let html = app.text(&format!("/?{base}&add_row=fleet")).await;
    assert!(html.contains("name=\"fleet[1].name\""), "a blank group");
    assert!(
        html.contains("name=\"fleet[1].pools[0].name\""),
        "with a blank pool"
    );
    let batch = "&fleet[0].pools[1].name=batch&fleet[0].pools[1].compute=fargate\
        &fleet[0].pools[1].workload.cpu_request_cores=4&fleet[0].pools[1].workload.memory_request_gib=8\
        &fleet[0].pools[1].workload.pods=8&fleet[1].name=&fleet[1].pools[0].compute=ec2";
    let html = app.text(&format!("/?{base}{batch}")).await;
    assert!(html.contains("prod / batch"), "the new pool is calculated");
    let html = app
        .text(&format!("/?{base}{batch}&remove_row=fleet[0].pools[1]"))
        .await;
    assert!(!html.contains("prod / batch") && !html.contains("name=\"fleet[0].pools[1].name\""));
    // An error lands beside its control: a Fargate pod too big.
    let html = app
        .text("/?fleet[0].name=a&fleet[0].clusters=1&fleet[0].pools[3].name=f&fleet[0].pools[3].compute=fargate&fleet[0].pools[3].workload.cpu_request_cores=40&fleet[0].pools[3].workload.pods=1")
        .await;
    let at = html
        .find("id=\"f-fleet-0-pools-3-workload\"")
        .expect("the pool's workload error paragraph");
    assert!(
        html[at..at + 300].contains("larger than Fargate"),
        "beside its pool"
    );
}

#[tokio::test]
async fn the_csv_has_a_row_per_pool_that_add_up_to_the_workers() {
    let app = spawn_app().await;
    let created = app.create_scenario("Fleet", fleet()).await;
    let body = app
        .text(&format!("/api/v1/scenarios/{}/export.csv", created.id))
        .await;
    assert!(
        body.lines()
            .next()
            .unwrap_or_default()
            .ends_with(",group,pool")
    );
    let horizon = |line: &str| -> f64 { line.split(',').nth(6).unwrap().parse().unwrap() };
    for option in ["eks", "self_hosted"] {
        let rows: Vec<&str> = body
            .lines()
            .filter(|l| l.contains(&format!(",\"{option}\",\"pool_workers\",")))
            .collect();
        assert_eq!(rows.len(), 3, "{body}");
        assert!(
            rows[1].ends_with(",\"production\",\"batch\""),
            "{}",
            rows[1]
        );
        let workers = body
            .lines()
            .find(|l| l.contains(&format!(",\"{option}\",\"workers\",")))
            .map(horizon)
            .unwrap();
        let pools: f64 = rows.iter().map(|l| horizon(l)).sum();
        assert!(
            (pools - workers).abs() < 1e-6 * workers,
            "{pools} vs {workers}"
        );
    }
}
