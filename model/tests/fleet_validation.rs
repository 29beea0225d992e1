//! Bad fleets: each a field error that names the field (issue list of model v3).

mod common;

use common::field_errors;

/// The fields named by the errors of `json`.
fn fields(json: &str) -> Vec<String> {
    field_errors(json).into_iter().map(|e| e.field).collect()
}

const POOL: &str = r#"{"name": "general"}"#;

fn group(name: &str, clusters: u32, pools: &str) -> String {
    format!(r#"{{"name": "{name}", "clusters": {clusters}, "pools": [{pools}]}}"#)
}

#[test]
fn fleet_beside_the_inputs_it_replaces_names_them() {
    let fleet = group("prod", 2, POOL);
    assert_eq!(
        fields(&format!(r#"{{"fleet": [{fleet}], "clusters": 3}}"#)),
        ["clusters"]
    );
    assert_eq!(
        fields(&format!(
            r#"{{"fleet": [{fleet}], "workers": {{"headroom_pct": 10}}}}"#
        )),
        ["workers"]
    );
    assert_eq!(
        fields(&format!(
            r#"{{"fleet": [{fleet}], "self_hosted": {{"worker_hourly_usd": 0.05}}}}"#
        )),
        ["self_hosted.worker_hourly_usd"]
    );
}

#[test]
fn names_counts_and_sizes_are_checked_where_they_are() {
    let two = format!(
        r#"{{"fleet": [{}, {}]}}"#,
        group("a", 1, POOL),
        group("a", 1, POOL)
    );
    assert_eq!(fields(&two), ["fleet[1].name"]);
    let same_pool = format!(
        r#"{{"fleet": [{}]}}"#,
        group("a", 1, &format!("{POOL}, {POOL}"))
    );
    assert_eq!(fields(&same_pool), ["fleet[0].pools[1].name"]);
    assert_eq!(
        fields(&format!(r#"{{"fleet": [{}]}}"#, group("a", 1, ""))),
        ["fleet[0].pools"]
    );
    let eleven: Vec<String> = (0..11).map(|i| format!(r#"{{"name": "p{i}"}}"#)).collect();
    let many = format!(r#"{{"fleet": [{}]}}"#, group("a", 1, &eleven.join(",")));
    assert_eq!(fields(&many), ["fleet[0].pools"]);
    let big = format!(
        r#"{{"fleet": [{}, {}]}}"#,
        group("a", 600, POOL),
        group("b", 401, POOL)
    );
    let errors = field_errors(&big);
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].field, "fleet");
    assert!(errors[0].message.contains("1001"), "{}", errors[0].message);
    assert_eq!(fields(r#"{"fleet": []}"#), ["fleet"]);
    let groups: Vec<String> = (0..21).map(|i| group(&format!("g{i}"), 1, POOL)).collect();
    assert_eq!(
        fields(&format!(r#"{{"fleet": [{}]}}"#, groups.join(","))),
        ["fleet"]
    );
    assert_eq!(
        fields(r#"{"fleet": [{"pools": [{"name": "x"}]}]}"#),
        ["fleet[0].name", "fleet[0].clusters"]
    );
}

#[test]
fn fargate_pools_bill_pods_and_must_fit_the_largest_size() {
    let explicit = r#"{"name": "batch", "compute": "fargate", "nodes_per_cluster": 3}"#;
    assert_eq!(
        fields(&format!(r#"{{"fleet": [{}]}}"#, group("a", 1, explicit))),
        ["fleet[0].pools[0].nodes_per_cluster"]
    );
    // 17 vCPU per pod; then 120 GiB + 0.25 GiB per pod.
    for load in [
        r#"{"cpu_request_cores": 17, "memory_request_gib": 1, "pods": 1}"#,
        r#"{"cpu_request_cores": 1, "memory_request_gib": 120, "pods": 1}"#,
    ] {
        let pool = format!(r#"{{"name": "batch", "compute": "fargate", "workload": {load}}}"#);
        let errors = field_errors(&format!(r#"{{"fleet": [{}]}}"#, group("a", 1, &pool)));
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].field, "fleet[0].pools[0].workload");
    }
    // The largest size itself fits, and a Fargate pool with no pods costs nothing.
    let fits = r#"{"name": "b", "compute": "fargate", "workload": {"cpu_request_cores": 16, "memory_request_gib": 119.75, "pods": 1}}"#;
    common::calc(&format!(
        r#"{{"fleet": [{}]}}"#,
        group("a", 1, &format!("{POOL}, {fits}"))
    ));
    let empty = r#"{"name": "b", "compute": "fargate", "workload": {"cpu_request_cores": 0, "memory_request_gib": 0, "pods": 0}}"#;
    let r = common::calc(&format!(
        r#"{{"fleet": [{}]}}"#,
        group("a", 1, &format!("{POOL}, {empty}"))
    ));
    assert_eq!(r.options.eks.common.pools[1].monthly_workers, 0.0);
}

#[test]
fn pool_members_are_checked_like_workers_at_their_own_path() {
    let pool =
        r#"{"name": "x", "instance_type": "m6i.huge", "headroom_pct": 500, "compute": "gpu"}"#;
    assert_eq!(
        fields(&format!(r#"{{"fleet": [{}]}}"#, group("a", 1, pool))),
        [
            "fleet[0].pools[0].compute",
            "fleet[0].pools[0].instance_type",
            "fleet[0].pools[0].headroom_pct",
        ]
    );
    let custom = r#"{"name": "x", "instance_type": "custom", "custom": {"vcpu": 4}}"#;
    assert_eq!(
        fields(&format!(r#"{{"fleet": [{}]}}"#, group("a", 1, custom))),
        [
            "fleet[0].pools[0].custom.memory_gib",
            "fleet[0].pools[0].custom.hourly_usd",
            "fleet[0].pools[0].custom.max_pods_vpc_cni",
        ]
    );
    // A range over an input the fleet replaces is refused.
    let ranged = format!(
        r#"{{"fleet": [{}], "uncertainty": {{"ranges": [{{"field": "workers.headroom_pct", "low": 10, "high": 30}}]}}}}"#,
        group("a", 1, POOL)
    );
    assert_eq!(fields(&ranged), ["uncertainty.ranges[0].field"]);
}

#[test]
fn an_option_wide_error_raised_by_one_pool_names_the_pool() {
    let pools =
        r#"{"name": "x", "instance_type": "t3.nano"}, {"name": "y", "instance_type": "t3.nano"}"#;
    let errors = field_errors(&format!(r#"{{"fleet": [{}]}}"#, group("a", 1, pools)));
    let own = errors
        .iter()
        .find(|e| e.field == "self_hosted.max_pods_per_node")
        .expect("the self-hosted pod limit is named");
    assert!(own.message.contains("fleet[0].pools[0]"), "{}", own.message);
}

#[test]
fn a_monte_carlo_that_resizes_a_large_fleet_every_sample_is_capped() {
    let pools: Vec<String> = (0..10).map(|i| format!(r#"{{"name": "p{i}"}}"#)).collect();
    let groups: Vec<String> = (0..20)
        .map(|g| group(&format!("g{g}"), 1, &pools.join(",")))
        .collect();
    let fleet = groups.join(",");
    let ranged = |samples: u32, field: &str| {
        format!(
            r#"{{"horizon_months": 120, "fleet": [{fleet}], "uncertainty": {{"samples": {samples},
                "ranges": [{{"field": "{field}", "low": 0, "high": 80}}]}}}}"#
        )
    };
    // 200 pools × 120 months: at most 2,083 samples may re-size the fleet.
    let errors = field_errors(&ranged(5000, "growth.workload_pct_per_year"));
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].field, "uncertainty.samples");
    assert!(
        errors[0].message.contains("at most 2083"),
        "{}",
        errors[0].message
    );
    // A range that only re-prices the fleet is not capped.
    common::calc(&ranged(5000, "prices.spot_discount_pct"));
}

#[test]
fn the_schema_lets_a_pool_be_custom() {
    use utoipa::PartialSchema;
    let schema =
        serde_json::to_value(clusterplan_model::ScenarioInput::schema()).expect("serializes");
    let pool = &schema["properties"]["fleet"]["items"]["properties"]["pools"]["items"];
    let pattern = pool["properties"]["instance_type"]["pattern"]
        .as_str()
        .expect("a pattern");
    assert!(pattern.starts_with("^(custom|"), "{pattern}");
    let description = pool["properties"]["instance_type"]["description"]
        .as_str()
        .unwrap_or_default();
    assert!(description.contains("m6i.xlarge"), "{description}");
    assert!(
        pool["required"]
            .as_array()
            .is_some_and(|r| r.contains(&serde_json::json!("name")))
    );
}

/// A Fargate pool runs no nodes on EKS: its instance type is checked for the
/// self-hosted option only (it was refused for the EKS nodes it never has).
#[test]
fn a_fargate_pool_is_not_checked_for_eks_pod_slots() {
    let pool = |compute: &str| {
        format!(
            r#"{{"name": "p", "compute": "{compute}", "instance_type": "t3.medium",
                "system_pods_per_node": 20,
                "workload": {{"cpu_request_cores": 1, "memory_request_gib": 2, "pods": 4}}}}"#
        )
    };
    let input = |compute: &str| format!(r#"{{"fleet": [{}]}}"#, group("g", 1, &pool(compute)));
    assert_eq!(
        fields(&input("ec2")),
        ["fleet[0].pools[0].system_pods_per_node"]
    );
    let fargate = clusterplan_model::calculate_json(input("fargate").as_bytes());
    assert!(fargate.is_ok(), "{:?}", fargate.err());
}
