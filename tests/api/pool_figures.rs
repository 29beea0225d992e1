//! Each node pool of the planner's fleet editor shows its nodes and monthly
//! cost beside its own inputs, at its form row (rows may have gaps), with the
//! same figures as the API's `options.*.pools`.

use serde_json::{Value, json};

use crate::helpers::spawn_app;

/// The text of the figures line inside the pool editor of form row `row`.
fn figures_of<'a>(html: &'a str, row: &str) -> &'a str {
    let pool = html
        .find(&format!("data-pool=\"{row}\""))
        .unwrap_or_else(|| panic!("pool row {row}"));
    let line = &html[pool..];
    let tag = line
        .find("data-testid=\"pool-figures\"")
        .expect("a figures line");
    let start = tag + line[tag..].find('>').unwrap() + 1;
    &line[start..start + line[start..].find("</p>").unwrap()]
}

#[tokio::test]
async fn each_pool_shows_its_nodes_and_monthly_cost_beside_its_inputs() {
    let app = spawn_app().await;
    // Pool rows 2 and 5 of group row 0; rows 0, 1, 3 and 4 were removed.
    let query = "fleet[0].name=prod&fleet[0].clusters=2\
        &fleet[0].pools[2].name=general&fleet[0].pools[2].instance_type=m6i.xlarge\
        &fleet[0].pools[2].nodes_per_cluster=3\
        &fleet[0].pools[5].name=batch&fleet[0].pools[5].compute=fargate\
        &fleet[0].pools[5].workload.cpu_request_cores=4\
        &fleet[0].pools[5].workload.memory_request_gib=8&fleet[0].pools[5].workload.pods=8";
    let html = app.text(&format!("/?{query}")).await;

    let input = json!({"fleet": [{"name": "prod", "clusters": 2, "pools": [
        {"name": "general", "instance_type": "m6i.xlarge", "nodes_per_cluster": 3},
        {"name": "batch", "compute": "fargate",
         "workload": {"cpu_request_cores": 4, "memory_request_gib": 8, "pods": 8}}]}]});
    let result: Value = app.calculate(&input).await.json().await.unwrap();
    let pools = |option: &str| {
        result["options"][option]["pools"]
            .as_array()
            .unwrap()
            .clone()
    };
    let (eks, own) = (pools("eks"), pools("self_hosted"));
    let dollars = |pool: &Value| {
        let cents = (pool["monthly_workers"].as_f64().unwrap() * 100.0).round() as u64;
        let whole = (cents / 100).to_string();
        let mut grouped = String::new();
        for (i, digit) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(digit);
        }
        format!("${grouped}.{:02} a month", cents % 100)
    };

    let general = figures_of(&html, "2");
    assert!(
        general.starts_with("EKS: 3 nodes per cluster, "),
        "{general}"
    );
    assert!(general.contains(&dollars(&eks[0])), "{general}");
    // The cost is the group's: its two clusters', said so.
    assert!(general.contains(" a month for 2 clusters · "), "{general}");
    assert!(
        general.contains("Self-hosted: 3 nodes per cluster, "),
        "{general}"
    );
    assert!(general.contains(&dollars(&own[0])), "{general}");
    let batch = figures_of(&html, "5");
    assert!(batch.starts_with("EKS: Fargate pods, "), "{batch}");
    assert!(batch.contains(&dollars(&eks[1])), "{batch}");
    let nodes = own[1]["nodes_per_cluster"].as_u64().unwrap();
    assert!(
        batch.contains(&format!("Self-hosted: {nodes} node")),
        "{batch}"
    );
    assert!(batch.contains(&dollars(&own[1])), "{batch}");

    // An invalid form has no figures: nothing stale beside the inputs.
    let html = app
        .text(&format!("/?{}", query.replace("cluster=3", "cluster=-1")))
        .await;
    let stale = figures_of(&html, "2");
    assert!(
        !stale.contains("a month") && !stale.contains("node"),
        "{stale}"
    );
}
