//! The input laid over the defaults one top-level section at a time: a request
//! changes a section or two (`{"team": {"annual_cost_usd": …}}`), and cloning the
//! whole defaults' JSON and reading all of it back was the largest part of
//! validating such a request. The sections it leaves alone are the defaults' own
//! values, unread.

use super::{changes_nothing, overlay};
use crate::resolved::{ResolvedInput, defaults};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// The defaults with `patch`'s sections laid over them; `None` when the patch
/// holds a member not read here, or a section that does not read back, so that
/// the caller lays the whole patch as before (the two agree: a test lays every
/// field of the table both ways).
pub(super) fn lay(defaults_json: &Value, patch: &Value) -> Option<ResolvedInput> {
    let mut resolved = defaults().clone();
    for (key, sent) in patch.as_object()? {
        let base = defaults_json.get(key)?;
        if changes_nothing(base, sent) {
            continue;
        }
        let mut section = base.clone();
        overlay(&mut section, sent.clone());
        let r = &mut resolved;
        // `line_items` and `fleet` never reach here: they resolve item by item.
        let read = match key.as_str() {
            "horizon_months" => read(&mut r.horizon_months, section),
            "clusters" => read(&mut r.clusters, section),
            "workers" => read(&mut r.workers, section),
            "eks" => read(&mut r.eks, section),
            "self_hosted" => read(&mut r.self_hosted, section),
            "team" => read(&mut r.team, section),
            "upgrades" => read(&mut r.upgrades, section),
            "prices" => read(&mut r.prices, section),
            "growth" => read(&mut r.growth, section),
            "display" => read(&mut r.display, section),
            "uncertainty" => read(&mut r.uncertainty, section),
            _ => false,
        };
        if !read {
            return None;
        }
    }
    Some(resolved)
}

/// `slot` read from `value`; whether it read.
fn read<T: DeserializeOwned>(slot: &mut T, value: Value) -> bool {
    serde_json::from_value(value).map(|v| *slot = v).is_ok()
}

#[cfg(test)]
mod tests {
    use super::super::DEFAULTS_JSON;
    use super::*;
    use crate::fields::{FieldKind, field_specs};

    /// Every field of the table outside the fleet and line items, set to its bounds, resolves the
    /// same section by section as laid whole (and fails to read the same): a
    /// section added to `ResolvedInput` and not to [`lay`] makes `lay` give up,
    /// and this fails.
    #[test]
    fn every_field_resolves_the_same_by_section_as_whole() {
        let mut read = 0;
        // Lists are resolved item by item, before sections are laid.
        let top_list = |path: &str| !path.contains('.') && path_is_list(path);
        for spec in field_specs()
            .iter()
            .filter(|s| !s.path.contains('[') && !top_list(&s.path))
        {
            let values: Vec<Value> = match spec.kind {
                FieldKind::Integer | FieldKind::Number => [spec.minimum, spec.maximum]
                    .into_iter()
                    .flatten()
                    .map(Value::from)
                    .collect(),
                _ => vec![spec.default.clone()],
            };
            for value in values {
                let mut patch = Value::Object(Default::default());
                let mut node = &mut patch;
                for key in spec.path.split('.') {
                    node = &mut node[key];
                }
                *node = value;
                let mut merged = DEFAULTS_JSON.clone();
                overlay(&mut merged, patch.clone());
                let whole = serde_json::from_value::<ResolvedInput>(merged).ok();
                read += usize::from(whole.is_some());
                assert_eq!(lay(&DEFAULTS_JSON, &patch), whole, "{}: {patch}", spec.path);
            }
        }
        assert!(read > 60, "only {read} patches read back");
    }

    fn path_is_list(path: &str) -> bool {
        field_specs()
            .iter()
            .any(|s| s.path == path && s.kind == FieldKind::Array)
    }

    #[test]
    fn a_member_no_section_reads_is_laid_whole() {
        let patch = serde_json::json!({"nope": 1});
        assert_eq!(lay(&DEFAULTS_JSON, &patch), None);
    }
}
