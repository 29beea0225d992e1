//! The capacity chart of a fleet: the whole fleet's worker nodes, with its
//! clusters at the start and the end of the horizon.

use clusterplan_model::{CalculationResult, Scenario, calculate, parse_input};

fn result(json: &str) -> CalculationResult {
    let input = parse_input(json.as_bytes()).expect("parses");
    calculate(&Scenario::try_from(input).expect("valid"))
}

#[test]
fn the_capacity_chart_of_a_fleet_shows_its_nodes_and_clusters() {
    let fleet = result(
        r#"{"fleet": [{"name": "prod", "clusters": 2, "clusters_added_per_year": 2,
            "pools": [{"name": "general"}]}, {"name": "dev", "clusters": 1,
            "pools": [{"name": "general", "nodes_per_cluster": 3}]}]}"#,
    );
    let svg = clusterplan_charts::capacity(&fleet);
    assert!(svg.starts_with("<svg") && svg.contains("<title>"), "{svg}");
    assert!(
        svg.contains("Worker nodes of the fleet (3 → 8 clusters)"),
        "{svg}"
    );
    let plain = result("{}");
    assert!(clusterplan_charts::capacity(&plain).contains("Nodes per cluster"));
}
