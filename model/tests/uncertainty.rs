//! The Monte Carlo: a case with a closed-form answer, reproducibility, seeds,
//! base figures untouched by ranges, §8b's figures, and every validation rule.

mod common;

use common::{calc, field_errors};
use serde_json::{Value, json};

/// The triangular distribution's quantile `q`.
fn triangular_quantile(q: f64, low: f64, mode: f64, high: f64) -> f64 {
    let split = (mode - low) / (high - low);
    match q < split {
        true => low + (q * (high - low) * (mode - low)).sqrt(),
        false => high - ((1.0 - q) * (high - low) * (high - mode)).sqrt(),
    }
}

fn with_ranges(ranges: Value, samples: u32, seed: u64) -> String {
    json!({"uncertainty": {"samples": samples, "seed": seed, "ranges": ranges}}).to_string()
}

#[test]
fn one_linear_input_gives_the_triangular_quantiles() {
    // Setup hours enter self-hosted's total linearly: one_off = setup · r, r = 125.
    let (low, mode, high) = (200.0, 640.0, 2000.0);
    let ranges = json!([{"field": "self_hosted.setup_hours", "low": low, "high": high}]);
    let r = calc(&with_ranges(ranges, 20000, 7));
    let u = r.uncertainty.expect("simulated");
    let base_difference =
        r.options.self_hosted.common.horizon_total - r.options.eks.common.horizon_total;
    let rate = 125.0;
    let tolerance = 0.015 * (high - low) * rate;
    for (q, got) in [
        (0.1, u.difference.p10),
        (0.5, u.difference.p50),
        (0.9, u.difference.p90),
    ] {
        let expected = base_difference + rate * (triangular_quantile(q, low, mode, high) - mode);
        assert!(
            (got - expected).abs() < tolerance,
            "p{q}: {got} vs {expected}"
        );
    }
    let mean = base_difference + rate * ((low + mode + high) / 3.0 - mode);
    assert!(
        (u.difference.mean - mean).abs() < tolerance,
        "{} vs {mean}",
        u.difference.mean
    );
    // EKS does not depend on it: every sample is the same figure, the base one up
    // to the order of summation (samples sum the months before pricing them).
    let eks = r.options.eks.common.horizon_total;
    assert_eq!((u.eks.p10, u.eks.p50), (u.eks.p90, u.eks.p90));
    assert!(
        (u.eks.p50 - eks).abs() <= 1e-9 * eks,
        "{} vs {eks}",
        u.eks.p50
    );
    assert_eq!(u.probability_self_hosted_cheaper, 0.0);
    assert_eq!(u.histogram.counts.iter().sum::<u32>(), 20000);
}

#[test]
fn the_same_seed_gives_the_same_bytes_and_another_seed_other_draws() {
    let ranges = json!([
        {"field": "self_hosted.routine_hours_per_cluster_month", "low": 5, "high": 60},
        {"field": "growth.workload_pct_per_year", "low": 0, "high": 80},
        {"field": "self_hosted.worker_hourly_usd", "low": 0.05, "high": 0.25}
    ]);
    let once = serde_json::to_string(&calc(&with_ranges(ranges.clone(), 2000, 42))).unwrap();
    let twice = serde_json::to_string(&calc(&with_ranges(ranges.clone(), 2000, 42))).unwrap();
    assert_eq!(once, twice);
    let a = calc(&with_ranges(ranges.clone(), 2000, 42))
        .uncertainty
        .unwrap();
    let b = calc(&with_ranges(ranges, 2000, 43)).uncertainty.unwrap();
    assert_ne!(a.difference.p50, b.difference.p50, "other draws");
    let noise = 0.03 * a.difference.p50.abs();
    assert!(
        (a.difference.p50 - b.difference.p50).abs() < noise,
        "{a:?} vs {b:?}"
    );
    assert!((0.0..=1.0).contains(&a.probability_self_hosted_cheaper));
}

#[test]
fn ranges_never_change_the_base_figures() {
    let input = r#"{"clusters": 12, "self_hosted": {"worker_hourly_usd": 0.08}}"#;
    let plain = calc(input);
    assert!(plain.uncertainty.is_none());
    let mut ranged: Value = serde_json::from_str(input).unwrap();
    ranged["uncertainty"] = json!({"samples": 500, "ranges": [
        {"field": "team.annual_cost_usd", "low": 100000, "high": 400000},
        {"field": "self_hosted.worker_hourly_usd", "low": 0.05, "high": 0.1}]});
    let r = calc(&ranged.to_string());
    assert_eq!(r.options, plain.options);
    assert_eq!(r.comparison, plain.comparison);
    assert_eq!(r.warnings, plain.warnings);
    let u = r.uncertainty.expect("simulated");
    assert_eq!((u.samples, u.seed), (500, 1), "defaults fill the request");
    assert!((0.0..=1.0).contains(&u.probability_self_hosted_cheaper));
}

#[test]
fn the_v2_example_matches_the_spec_within_sampling_noise() {
    let r = calc(
        r#"{"growth": {"workload_pct_per_year": 30}, "eks": {"auto_mode": true, "spot_share_pct": 50},
         "self_hosted": {"spot_share_pct": 50},
         "line_items": [{"name": "Support contract", "option": "self_hosted", "per": "cluster",
                         "monthly_usd": 500, "one_off_usd": 20000}],
         "uncertainty": {"samples": 20000, "seed": 1, "ranges": [
           {"field": "self_hosted.routine_hours_per_cluster_month", "low": 10, "high": 40},
           {"field": "growth.workload_pct_per_year", "low": 0, "high": 80}]}}"#,
    );
    let u = r.uncertainty.expect("simulated");
    let near = |got: f64, expected: f64| (got - expected).abs() <= 0.02 * expected;
    let cases = [
        (u.eks.p10, 369e3),
        (u.eks.p50, 407e3),
        (u.eks.p90, 462e3),
        (u.self_hosted.p10, 804e3),
        (u.self_hosted.p50, 912e3),
        (u.self_hosted.p90, 1045e3),
        (u.difference.p10, 400e3),
        (u.difference.p50, 497e3),
        (u.difference.p90, 628e3),
    ];
    for (got, expected) in cases {
        assert!(near(got, expected), "{got} vs {expected}");
    }
    assert_eq!(u.probability_self_hosted_cheaper, 0.0);
}

#[test]
fn every_uncertainty_violation_is_listed_at_its_path() {
    let ranges: Vec<Value> = (0..21)
        .map(|_| json!({"field": "workers.headroom_pct", "low": 0, "high": 30}))
        .collect();
    let errors = field_errors(&with_ranges(json!(ranges), 50, 1));
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    for expected in [
        "uncertainty.samples",
        "uncertainty.ranges",
        "uncertainty.ranges[1].field",
    ] {
        assert!(fields.contains(&expected), "{expected}: {fields:?}");
    }
    let bad = json!([
        {"field": "clusters", "low": 1, "high": 5},
        {"field": "eks.auto_mode", "low": 0, "high": 1},
        {"field": "nonsense", "low": 0, "high": 1},
        {"field": "workers.headroom_pct", "low": 30, "high": 40},
        {"field": "workers.headroom_pct", "low": 0, "high": 300},
        {"field": "team.ops_budget_pct", "high": 60},
        {"field": "self_hosted.incidents_per_cluster_month", "low": 0, "high": 1},
        {"field": "workers.workload.cpu_request_cores", "low": -1, "high": 30}
    ]);
    let errors = field_errors(&with_ranges(bad, 1000, 1));
    let message = |field: &str| {
        errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.clone())
            .unwrap_or_else(|| panic!("{field} missing: {errors:?}"))
    };
    assert!(message("uncertainty.ranges[0].field").contains("not a number input"));
    assert!(message("uncertainty.ranges[1].field").contains("not a number input"));
    assert!(message("uncertainty.ranges[2].field").contains("not a number input"));
    assert!(message("uncertainty.ranges[3].low").contains("at most the field's value (25)"));
    assert!(message("uncertainty.ranges[4].field").contains("ranged twice"));
    assert_eq!(message("uncertainty.ranges[5].low"), "is required");
    // 1.5 incidents is the value: a range 0..=1 leaves it out.
    assert!(message("uncertainty.ranges[6].high").contains("at least the field's value"));
    assert!(message("uncertainty.ranges[7].low").contains("(the field's own range)"));
    // The workload is off when nodes are counted explicitly.
    let off = json!({"workers": {"nodes_per_cluster": 5}, "uncertainty": {"ranges": [
        {"field": "workers.workload.pods", "low": 1, "high": 2},
        {"field": "workers.workload.cpu_request_cores", "low": 1, "high": 30}]}});
    let errors = field_errors(&off.to_string());
    assert!(
        errors[0].message.contains("not a number input"),
        "{errors:?}"
    );
    assert!(errors[1].message.contains("not in use"), "{errors:?}");
}

#[test]
fn a_seed_past_two_to_the_53_is_refused_exactly() {
    let errors = field_errors(r#"{"uncertainty": {"seed": 9007199254740993}}"#);
    assert_eq!(errors[0].field, "uncertainty.seed");
    let ok = calc(r#"{"uncertainty": {"seed": 9007199254740992, "samples": 100}}"#);
    assert_eq!(
        ok.inputs.uncertainty.map(|u| u.seed),
        Some(9_007_199_254_740_992)
    );
}
