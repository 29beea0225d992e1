//! Values as the planner's form reads them, held to what the API reads from
//! the same scenario: whole numbers exactly, row names trimmed alike.

use clusterplan_model::form::scenario_from_query;

fn errors_at(query: &str, field: &str) -> Vec<String> {
    match scenario_from_query(query) {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .into_iter()
            .filter(|e| e.field == field)
            .map(|e| e.message)
            .collect(),
    }
}

#[test]
fn a_whole_number_is_read_exactly_past_what_a_float_holds() {
    let ranged = "uncertainty.low.team.annual_cost_usd=150000\
        &uncertainty.high.team.annual_cost_usd=250000&uncertainty.samples=100";
    // As a float, 2^53 + 1 is 2^53, the seed's largest: it was saved as that.
    let past = errors_at(
        &format!("{ranged}&uncertainty.seed=9007199254740993"),
        "uncertainty.seed",
    );
    assert_eq!(past, ["must be between 0 and 9007199254740992"]);
    let end = format!("{ranged}&uncertainty.seed=9007199254740992");
    let scenario = scenario_from_query(&end).expect("the range's end is a seed");
    let seed = scenario.input().uncertainty.as_ref().map(|u| u.seed);
    assert_eq!(seed, Some(9_007_199_254_740_992));
}

#[test]
fn row_names_are_trimmed_as_an_api_document_trims_them() {
    // The form's own trim leaves a zero-width space: the page calculated these
    // as two groups, and its save refused them as one name given twice.
    let group = |g: usize, name: &str| {
        format!(
            "fleet[{g}].name={name}&fleet[{g}].clusters=1&fleet[{g}].pools[0].name=p\
             &fleet[{g}].pools[0].instance_type=m6i.xlarge&fleet[{g}].pools[0].nodes_per_cluster=3"
        )
    };
    let query = format!("{}&{}&sizing=nodes", group(0, "x"), group(1, "x%E2%80%8B"));
    let twice = errors_at(&query, "fleet[1].name");
    assert_eq!(twice.len(), 1, "{twice:?}");
    assert!(twice[0].contains("names another group"), "{twice:?}");
    let query = format!(
        "{}&{}&sizing=nodes",
        group(0, "x"),
        group(1, "%E2%80%8By%E2%80%8B")
    );
    let scenario = scenario_from_query(&query).expect("two names");
    let names: Vec<_> = scenario
        .input()
        .fleet
        .iter()
        .flatten()
        .map(|g| g.name.as_str())
        .collect();
    assert_eq!(names, ["x", "y"]);
}
