//! Sensitivity figures worked out by hand, and their order.

mod common;

use common::{assert_close, calc};

#[test]
fn sensitivity_of_the_defaults() {
    // Clusters 3 → 2 (2.25 rounds) and 4 (3.75 rounds): per cluster-month self costs
    // 210.24 + 1261.44 + 48.23 + 16.425 + 4093.75 = 5630.085, eks 73 + 1121.28 + 32 +
    // 1200 = 2426.28; ×36 = 115336.98 per cluster.
    // Self setup ±25% of 640 h at $125 = ±20000. Self routine ±0.25·20·12·3·125/12·36 = ±67500.
    // Headroom 18.75%: self needs 8 nodes (114/14.47 = 7.88), eks stays 8: 3 self nodes
    // fewer at 0.192·730 + 0.08·50 + 0.75·125/12 = 151.9725 → −16413.03 over 36 months.
    // Headroom 31.25%: eks needs 9 (126/15.03 = 8.38), self stays 9: 3 eks nodes more
    // at 140.16 + 4 + 0.15·125/12 = 145.7225 → −15738.03.
    // Campaign prep is the same for both options: exactly 0.
    let r = calc("{}");
    let s = &r.comparison.sensitivity;
    let get = |name: &str| {
        s.iter()
            .find(|e| e.input == name)
            .map(|e| (e.low, e.high))
            .unwrap_or_else(|| panic!("{name} missing"))
    };
    assert_eq!(s[0].input, "clusters");
    let (low, high) = get("clusters");
    assert_close(low, -115336.98, "clusters low");
    assert_close(high, 115336.98, "clusters high");
    let (low, high) = get("self_hosted.setup_hours");
    assert_close(low, -20000.0, "setup low");
    assert_close(high, 20000.0, "setup high");
    let (low, high) = get("self_hosted.routine_hours_per_cluster_month");
    assert_close(low, -67500.0, "routine low");
    assert_close(high, 67500.0, "routine high");
    let (low, high) = get("workers.headroom_pct");
    assert_close(low, -16413.03, "headroom low");
    assert_close(high, -15738.03, "headroom high");
    assert_eq!(get("upgrades.campaigns_per_year"), (0.0, 0.0));
    assert_eq!(
        s.last().map(|e| e.input.as_str()),
        Some("upgrades.campaigns_per_year")
    );
    // Equal swings keep the spec's order: eks routine, self incidents, self hop (20250).
    let order: Vec<&str> = s.iter().map(|e| e.input.as_str()).collect();
    let pos = |n: &str| order.iter().position(|o| *o == n).unwrap_or(usize::MAX);
    assert!(
        pos("eks.routine_hours_per_cluster_month") < pos("self_hosted.incidents_per_cluster_month")
    );
    assert!(
        pos("self_hosted.incidents_per_cluster_month")
            < pos("self_hosted.upgrade_hours_per_cluster_hop")
    );
}

#[test]
fn headroom_does_not_matter_with_explicit_nodes() {
    let r = calc(r#"{"workers": {"nodes_per_cluster": 5}}"#);
    let headroom = r
        .comparison
        .sensitivity
        .iter()
        .find(|e| e.input == "workers.headroom_pct");
    assert_eq!(headroom.map(|e| (e.low, e.high)), Some((0.0, 0.0)));
}
