//! The rules between input fields that JSON Schema can state, as
//! `dependentSchemas` of the objects they span, so that the API document
//! accepts and refuses what validation (`validate/rules.rs`, `validate/fleet.rs`)
//! does: the custom machine, the sizing mode and what `fleet` replaces.
//!
//! Each rule is keyed by the member whose presence triggers it, and says with
//! `if`/`then` what follows when that member is not null (a `null` member is
//! absent to the server). Why `dependentSchemas` rather than `allOf`: client
//! generators (openapi-python-client) merge an `allOf` into the model's
//! properties and warn about parts without any; they skip the keywords here.

use serde_json::{Value, json};
use utoipa::openapi::extensions::Extensions;

/// `{"properties": {member: {"not": {"type": "null"}}}}`: `member`, when sent, is not null.
fn sent(member: &str) -> Value {
    json!({ "properties": { member: { "not": { "type": "null" } } } })
}

/// The custom machine and sizing rules of `workers` or of one pool.
fn machine() -> Value {
    json!({
        // `custom` describes the machine of instance type "custom" only.
        "custom": {
            "if": sent("custom"),
            "then": {
                "required": ["instance_type"],
                "properties": { "instance_type": { "const": "custom" } }
            }
        },
        // Instance type "custom" needs the machine described.
        "instance_type": {
            "if": { "properties": { "instance_type": { "const": "custom" } } },
            "then": {
                "required": ["custom"],
                "properties": { "custom": { "type": "object" } }
            }
        },
        // Sized by node count or by workload, never both.
        "nodes_per_cluster": {
            "if": sent("nodes_per_cluster"),
            "then": { "properties": { "workload": { "type": "null" } } }
        }
    })
}

/// What a scenario with a `fleet` must leave out: `clusters`, every member of
/// `workers` (each group and pool says its own) and
/// `self_hosted.worker_hourly_usd` (each pool's `self_hosted_hourly_usd`).
fn scenario() -> Value {
    json!({
        "fleet": {
            "if": sent("fleet"),
            "then": {
                "not": { "required": ["clusters"] },
                "properties": {
                    "workers": { "additionalProperties": { "type": "null" } },
                    "self_hosted": {
                        "properties": { "worker_hourly_usd": { "type": "null" } }
                    }
                }
            }
        }
    })
}

/// The `dependentSchemas` of the input object at `prefix`, if it has rules.
pub(super) fn dependent_schemas(prefix: &str) -> Option<Extensions> {
    let rules = match prefix {
        "" => scenario(),
        "workers" | "fleet[].pools[]" => machine(),
        _ => return None,
    };
    Some(Extensions::from_iter([("dependentSchemas", rules)]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_scenario_workers_and_pools_carry_rules() {
        for prefix in ["", "workers", "fleet[].pools[]"] {
            assert!(dependent_schemas(prefix).is_some(), "{prefix:?}");
        }
        for prefix in ["eks", "workers.custom", "fleet[]", "line_items[]"] {
            assert!(dependent_schemas(prefix).is_none(), "{prefix:?}");
        }
        let rules = dependent_schemas("workers").unwrap();
        let rules = &rules["dependentSchemas"];
        assert_eq!(
            rules["custom"]["then"]["properties"]["instance_type"]["const"],
            "custom"
        );
        assert_eq!(
            rules["nodes_per_cluster"]["then"]["properties"]["workload"]["type"],
            "null"
        );
    }
}
