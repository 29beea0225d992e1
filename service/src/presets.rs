//! Named starting points for the planner (`data/presets.json`): a startup, a
//! growing scale-up, an enterprise on Auto Mode and a fleet of production,
//! staging and dev groups, each a link to the planner with its inputs filled in.

use std::sync::LazyLock;

use clusterplan_model::{Scenario, ScenarioInput};
use serde::Deserialize;

use clusterplan_model::form;

/// One named starting point.
#[derive(Debug, Clone, PartialEq)]
pub struct Preset {
    /// Its name, e.g. "Two-cluster startup".
    pub name: String,
    /// One sentence on what it models.
    pub summary: String,
    /// The planner URL query that fills the form with it.
    pub query: String,
}

#[derive(Deserialize)]
struct PresetsFile {
    presets: Vec<PresetEntry>,
}

#[derive(Deserialize)]
struct PresetEntry {
    name: String,
    summary: String,
    input: ScenarioInput,
}

static PRESETS: LazyLock<Vec<Preset>> = LazyLock::new(|| {
    let file: PresetsFile = serde_json::from_str(include_str!("../data/presets.json"))
        .expect("the embedded data/presets.json is valid");
    file.presets
        .into_iter()
        .map(|entry| {
            let scenario = Scenario::try_from(entry.input)
                .unwrap_or_else(|e| panic!("preset {} is a valid scenario: {e}", entry.name));
            Preset {
                name: entry.name,
                summary: entry.summary,
                query: form::query_from_input(scenario.input()),
            }
        })
        .collect()
});

/// The planner's named starting points, in display order.
pub fn presets() -> &'static [Preset] {
    &PRESETS
}

#[cfg(test)]
mod tests {
    use super::presets;
    use crate::planner::evaluate_query;

    #[test]
    fn every_preset_opens_in_the_planner_and_differs_from_the_defaults() {
        assert_eq!(presets().len(), 4);
        let defaults = evaluate_query("").expect("defaults calculate");
        for preset in presets() {
            let result =
                evaluate_query(&preset.query).unwrap_or_else(|e| panic!("{}: {e:?}", preset.name));
            assert_ne!(result.inputs, defaults.inputs, "{}", preset.name);
        }
        let enterprise = evaluate_query(&presets()[2].query).expect("calculates");
        assert!(enterprise.inputs.eks.auto_mode);
        assert_eq!(enterprise.inputs.line_items.len(), 1);
        // A real-looking fleet: production, staging and dev, one Fargate pool.
        let fleet = evaluate_query(&presets()[3].query).expect("calculates");
        let groups = fleet.inputs.fleet.as_deref().expect("a fleet");
        assert_eq!(groups.len(), 2);
        assert_eq!(
            groups[0].pools[2].compute,
            clusterplan_model::resolved::Compute::Fargate
        );
    }
}
