//! The field table (data/fields.json) against the types, validation and schemas it
//! drives, and the shipped catalog.

mod common;

use common::documents::set;

use clusterplan_model::{
    CalculationResult, FieldKind, ResolvedInput, ScenarioInput, catalog, defaults, field_spec,
    field_specs,
};
use serde_json::{Map, Value, json};
use utoipa::PartialSchema;

fn is_member_of_object(path: &str) -> bool {
    field_specs()
        .iter()
        .any(|o| o.kind == FieldKind::Object && path.starts_with(&format!("{}.", o.path)))
}

fn leaf_paths(value: &Value, prefix: &str, out: &mut Vec<String>) {
    match value {
        // Nullable objects are single fields of the table.
        Value::Object(map) if !matches!(prefix, "workers.workload" | "workers.custom") => {
            for (key, child) in map {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                leaf_paths(child, &path, out);
            }
        }
        _ => out.push(prefix.to_owned()),
    }
}

#[test]
fn table_and_resolved_input_have_the_same_fields() {
    let mut from_type = Vec::new();
    leaf_paths(
        &serde_json::to_value(defaults()).expect("serializes"),
        "",
        &mut from_type,
    );
    // `fleet` is left out of the JSON while it is null (the input has no fleet).
    let mut from_table: Vec<String> = field_specs()
        .iter()
        .filter(|s| !is_member_of_object(&s.path) && !s.path.contains("[]"))
        .filter(|s| s.path != "fleet")
        .map(|s| s.path.clone())
        .collect();
    // serde_json's Map is sorted, so compare as sets.
    from_type.sort();
    from_table.sort();
    assert_eq!(from_type, from_table);
    assert_eq!(&ResolvedInput::default(), defaults());
}

#[test]
fn every_field_is_documented_and_its_default_is_in_range() {
    for spec in field_specs() {
        assert!(!spec.description.is_empty(), "{}", spec.path);
        assert!(!spec.rationale.is_empty(), "{}", spec.path);
        if let Some(default) = spec.default.as_f64() {
            assert_eq!(spec.check(default), None, "{}", spec.path);
        }
        // A range's bounds are bounded by the ranged field's own range.
        let bounded_elsewhere = spec.path.starts_with("uncertainty.ranges[]");
        if matches!(spec.kind, FieldKind::Integer | FieldKind::Number) && !bounded_elsewhere {
            assert!(!spec.range.is_empty(), "{}", spec.path);
            assert!(
                spec.maximum.is_some(),
                "{}: every number needs a finite cap",
                spec.path
            );
        }
    }
    let workload = field_spec("workers.workload").expect("workload");
    for member in ["cpu_request_cores", "memory_request_gib", "pods"] {
        let spec = field_spec(&format!("workers.workload.{member}")).expect("member");
        assert_eq!(spec.default, workload.default[member], "{member}");
    }
}

/// A value just outside the range on each side that has a bound.
fn outside(spec: &clusterplan_model::FieldSpec) -> Vec<f64> {
    let step = if spec.kind == FieldKind::Integer {
        1.0
    } else {
        0.5
    };
    let mut values = Vec::new();
    if let Some(min) = spec.minimum {
        values.push(if spec.exclusive_minimum {
            min
        } else {
            min - step
        });
    }
    if let Some(max) = spec.maximum {
        // Past 2^53 a step vanishes in f64 (the seed's cap): go well beyond.
        let above = if max + step == max {
            max * 2.0
        } else {
            max + step
        };
        values.push(if spec.exclusive_maximum { max } else { above });
    }
    // Whole numbers past i64 (2^64 is sent as written, a float to JSON) are
    // out of range like any other, not "not an integer".
    if spec.kind == FieldKind::Integer {
        values.extend([1e300, -1e300, 18_446_744_073_709_551_616.0]);
    }
    values
}

#[test]
fn every_numeric_range_is_enforced_at_its_path() {
    for spec in field_specs() {
        if !matches!(spec.kind, FieldKind::Integer | FieldKind::Number)
            || spec.path.starts_with("uncertainty.ranges[]")
        {
            continue;
        }
        for value in outside(spec) {
            let mut root = Map::new();
            if spec.path.starts_with("workers.custom.") {
                set(&mut root, "workers.instance_type", json!("custom"));
                let custom =
                    json!({"vcpu": 4, "memory_gib": 16, "hourly_usd": 0.1, "max_pods_vpc_cni": 58});
                set(&mut root, "workers.custom", custom);
            }
            let number = if spec.kind == FieldKind::Integer && value.abs() < 1e18 {
                json!(value as i64)
            } else {
                json!(value)
            };
            let path = common::documents::place(&mut root, &spec.path, number);
            let input = Value::Object(root).to_string();
            let errors = common::field_errors(&input);
            assert!(
                errors.iter().any(|e| e.field == path
                    && e.message.starts_with("must be ")
                    && !e.message.contains("an integer")),
                "{input}: {errors:?}"
            );
        }
    }
}

#[test]
fn catalog_is_the_spec_table() {
    let c = catalog();
    assert_eq!(c.prices_taken_on, "2026-07-20");
    assert_eq!(c.region, "us-east-1");
    assert_eq!(c.instance_types.len(), 1_345);
    let pods = |name: &str| c.get(name).map(|t| t.max_pods_vpc_cni());
    assert_eq!(pods("t3.medium"), Some(17));
    assert_eq!(pods("m5.large"), Some(29));
    assert_eq!(pods("m6i.xlarge"), Some(58));
    assert_eq!(c.get("r6i.xlarge").map(|t| t.hourly_usd), Some(0.252));
    assert!(c.get("custom").is_none());
}

#[test]
fn input_schema_documents_ranges_and_defaults() {
    let schema = serde_json::to_value(ScenarioInput::schema()).expect("schema serializes");
    let workers = &schema["properties"]["workers"];
    let headroom = &workers["properties"]["headroom_pct"];
    assert_eq!(headroom["minimum"].as_f64(), Some(0.0));
    assert_eq!(headroom["maximum"].as_f64(), Some(200.0));
    assert_eq!(headroom["default"], json!(25));
    assert!(
        headroom["description"]
            .as_str()
            .is_some_and(|d| d.contains("25%"))
    );
    let discount = &workers["properties"]["compute_discount_pct"];
    assert_eq!(discount["exclusiveMaximum"].as_f64(), Some(100.0));
    assert_eq!(workers["additionalProperties"], json!(false));
    assert_eq!(
        schema["properties"]["self_hosted"]["properties"]["control_plane_nodes"]["enum"],
        json!([1, 3, 5, 7])
    );
    let custom = &workers["properties"]["custom"];
    assert_eq!(custom["type"], json!(["object", "null"]));
    assert_eq!(
        custom["required"],
        json!(["vcpu", "memory_gib", "hourly_usd", "max_pods_vpc_cni"])
    );
    assert!(
        schema.get("required").is_none(),
        "no input field is required"
    );

    let resolved = serde_json::to_value(ResolvedInput::schema()).expect("schema serializes");
    // Every section but `clusters`, `workers` and `fleet`: a result's inputs has
    // either the fleet or the two it replaces.
    assert_eq!(resolved["required"].as_array().map(Vec::len), Some(10));
    let result = serde_json::to_value(CalculationResult::schema()).expect("schema serializes");
    assert!(result["properties"]["inputs"].is_object());
}
