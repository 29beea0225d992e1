//! The CSV export of a scenario's money breakdown, safe to open in a spreadsheet.

use clusterplan_model::{CostCategory, OptionName, OptionResult, Options};

use crate::ScenarioDocument;

const HEADER: &str = "scenario_id,scenario_name,revision,option,category,monthly_usd,horizon_usd";

/// One row per option and monthly category, then each option's one-off and total.
/// `horizon_usd` is the category over the whole horizon (monthly × months); the
/// `total` row's horizon figure includes the one-off cost, as `horizon_total` does.
pub fn export(doc: &ScenarioDocument) -> String {
    let months = f64::from(doc.input.horizon_months);
    let options = &doc.result.options;
    let mut out = String::from(HEADER);
    out.push_str("\r\n");
    for option in OptionName::ALL {
        let result = common(options, option);
        let mut row = |category: &str, monthly: Option<f64>, horizon: f64| {
            let cells = [
                text(&doc.id),
                text(&doc.name),
                doc.revision.to_string(),
                text(option.key()),
                text(category),
                monthly.map(number).unwrap_or_default(),
                number(horizon),
            ];
            out.push_str(&cells.join(","));
            out.push_str("\r\n");
        };
        for category in CostCategory::ALL {
            let monthly = result.monthly.get(category);
            row(category.key(), Some(monthly), monthly * months);
        }
        row("one_off", None, result.one_off);
        row("total", Some(result.monthly.total), result.horizon_total);
    }
    out
}

/// A file name for the download, from the id only (names are user text).
pub fn file_name(doc: &ScenarioDocument) -> String {
    format!("clusterplan-{}-r{}.csv", doc.id, doc.revision)
}

/// The figures both options share, by the option's name.
fn common(options: &Options, option: OptionName) -> &OptionResult {
    match option {
        OptionName::Eks => &options.eks.common,
        OptionName::SelfHosted => &options.self_hosted.common,
    }
}

fn number(value: f64) -> String {
    // Unrounded, like the JSON API; spreadsheets round for display.
    value.to_string()
}

/// Quotes a text cell and defuses formula injection: a cell starting with one of
/// `= + - @` (or a tab / carriage return) is prefixed with `'` so a spreadsheet
/// shows it as text instead of evaluating it.
fn text(value: &str) -> String {
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
