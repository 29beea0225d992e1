//! The CSV export of a scenario's money breakdown, safe to open in a spreadsheet.

use clusterplan_model::{CostCategory, OptionName, Scenario, monthly_costs, pool_costs};

use crate::ScenarioDocument;

/// The header, money columns named by the display currency (`monthly_usd` in
/// USD, the v1 names; `monthly_eur` in euros).
fn header(currency: &str) -> String {
    let code = currency.to_ascii_lowercase();
    format!(
        "scenario_id,scenario_name,revision,option,category,monthly_{code},horizon_{code},line_item,group,pool"
    )
}

/// Money is in the scenario's display currency, and the money columns say which.
/// One row per option and monthly category, one per line item of the option, one
/// per node pool of a fleet (`pool_workers`: the pool's share of `workers`, with
/// its group and pool named), then each option's one-off and total. `monthly_usd` is month 0; `horizon_usd` is the
/// sum over every month of the horizon (growth included). A line item's row holds
/// its own monthly amount and its whole cost over the horizon, one-off included; the
/// `total` row's horizon figure includes the one-off cost, as `horizon_total` does.
/// With a Monte Carlo, rows `simulated_p10` … `simulated_mean` per option and for
/// the difference follow, then `probability_self_hosted_cheaper` (a share, 0..=1).
pub fn export(doc: &ScenarioDocument) -> String {
    let result = &doc.result;
    let scenario = Scenario::try_from(result.inputs.clone()).ok();
    // Money in the display currency (the JSON stays in USD).
    let display = &result.inputs.display;
    let rate = display.per_usd;
    let mut out = header(&display.currency);
    out.push_str("\r\n");
    let mut row = |option: &str,
                   category: &str,
                   monthly: Option<f64>,
                   horizon: f64,
                   [item, group, pool]: [&str; 3]| {
        let cells = [
            text(&doc.id),
            text(&doc.name),
            doc.revision.to_string(),
            text(option),
            text(category),
            monthly.map(|m| number(m * rate)).unwrap_or_default(),
            number(horizon * rate),
            cell(item),
            cell(group),
            cell(pool),
        ];
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    };
    for option in OptionName::ALL {
        let figures = result.options.get(option);
        let key = option.key();
        let months = scenario
            .as_ref()
            .map(|s| monthly_costs(s, option))
            .unwrap_or_default();
        for category in CostCategory::ALL {
            let horizon = months.iter().map(|m| m.get(category)).sum();
            row(
                key,
                category.key(),
                Some(figures.monthly.get(category)),
                horizon,
                ["", "", ""],
            );
        }
        // Each month's clusters and worker nodes of the whole fleet.
        let series = &figures.series;
        let fleet: Vec<(f64, f64)> = series
            .clusters
            .iter()
            .zip(&series.total_nodes)
            .map(|(&c, &n)| (c as f64, n as f64))
            .collect();
        for item in result
            .inputs
            .line_items
            .iter()
            .filter(|i| i.applies_to(option))
        {
            let at = |&(clusters, nodes): &(f64, f64)| item.monthly_cost(option, clusters, nodes);
            let monthly = fleet.first().map(at).unwrap_or_default();
            let horizon = item.one_off_usd + fleet.iter().map(at).sum::<f64>();
            row(
                key,
                "line_item",
                Some(monthly),
                horizon,
                [&item.name, "", ""],
            );
        }
        // A plain scenario's one pool would repeat `workers`.
        let pools = scenario
            .as_ref()
            .filter(|s| s.input().fleet.is_some())
            .map(|s| pool_costs(s, option))
            .unwrap_or_default();
        for pool in pools {
            let month0 = pool.workers.first().copied();
            let horizon = pool.workers.iter().sum();
            let names = ["", pool.group.as_str(), pool.pool.as_str()];
            row(key, "pool_workers", month0, horizon, names);
        }
        row(key, "one_off", None, figures.one_off, ["", "", ""]);
        row(
            key,
            "total",
            Some(figures.monthly.total),
            figures.horizon_total,
            ["", "", ""],
        );
    }
    if let Some(u) = &result.uncertainty {
        // The Monte Carlo's horizon percentiles; the probability is a share (0..=1).
        let simulated = [
            ("eks", &u.eks),
            ("self_hosted", &u.self_hosted),
            ("difference", &u.difference),
        ];
        for (option, stats) in simulated {
            let figures = [
                ("p10", stats.p10),
                ("p50", stats.p50),
                ("p90", stats.p90),
                ("mean", stats.mean),
            ];
            for (name, value) in figures {
                row(
                    option,
                    &format!("simulated_{name}"),
                    None,
                    value,
                    ["", "", ""],
                );
            }
        }
        // A share, not money: written without the rate.
        let probability = u.probability_self_hosted_cheaper;
        let cells = [
            text(&doc.id),
            text(&doc.name),
            doc.revision.to_string(),
            text("comparison"),
            text("probability_self_hosted_cheaper"),
            String::new(),
            number(probability),
            String::new(),
            String::new(),
            String::new(),
        ];
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A text cell, or an empty one for no text.
fn cell(value: &str) -> String {
    match value.is_empty() {
        true => String::new(),
        false => text(value),
    }
}

/// A file name for the download, from the id only (names are user text).
pub fn file_name(doc: &ScenarioDocument) -> String {
    format!("clusterplan-{}-r{}.csv", doc.id, doc.revision)
}

pub(crate) fn number(value: f64) -> String {
    // Unrounded, like the JSON API; spreadsheets round for display.
    value.to_string()
}

/// Quotes a text cell and defuses formula injection: a cell starting with one of
/// `= + - @` (or a tab / carriage return) is prefixed with `'` so a spreadsheet
/// shows it as text instead of evaluating it.
pub(crate) fn text(value: &str) -> String {
    let defused = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    format!("\"{}\"", defused.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::text;

    #[test]
    fn text_cells_are_quoted_and_formulas_defused() {
        let cases = [
            ("plain", "\"plain\""),
            ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
            ("+1", "\"'+1\""),
            ("-2", "\"'-2\""),
            ("@SUM(A1)", "\"'@SUM(A1)\""),
            ("a,b", "\"a,b\""),
        ];
        for (raw, expected) in cases {
            assert_eq!(text(raw), expected, "{raw}");
        }
    }
}
