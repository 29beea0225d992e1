//! Charts for results and saved scenarios, drawn by `clusterplan-charts`.

use clusterplan_charts::{ChartKind, Series};
use clusterplan_model::{CalculationResult, Scenario};

use crate::chart_cache::ChartKey;
use crate::{ScenarioDocument, Service, ServiceError};

/// A rendered chart.
pub struct Rendered {
    /// Stable name (`cumulative`, …), the file name at `/s/{id}/charts/{name}.svg`.
    pub name: &'static str,
    /// Title for people.
    pub title: &'static str,
    /// The SVG document.
    pub svg: String,
}

/// Every chart of one result.
pub fn render_all(result: &CalculationResult) -> Vec<Rendered> {
    let Some(scenario) = scenario_of(result) else {
        return Vec::new();
    };
    ChartKind::ALL
        .iter()
        .filter(|kind| kind.applies_to(result))
        .map(|&kind| Rendered {
            name: kind.as_str(),
            title: kind.title(),
            svg: clusterplan_charts::render(kind, &scenario, result),
        })
        .collect()
}

/// The comparison charts of several named results.
pub fn render_comparison(scenarios: &[(&str, &CalculationResult)]) -> Vec<Rendered> {
    let series: Vec<Series> = scenarios
        .iter()
        .map(|&(name, result)| Series { name, result })
        .collect();
    vec![
        Rendered {
            name: "totals",
            title: "Horizon total per option and scenario",
            svg: clusterplan_charts::compare_totals(&series),
        },
        Rendered {
            name: "cumulative",
            title: "Cumulative cost per option and scenario",
            svg: clusterplan_charts::compare_cumulative(&series),
        },
    ]
}

/// See [`Service::saved_charts`].
pub(crate) fn saved_charts(service: &Service, doc: &ScenarioDocument) -> Vec<Rendered> {
    let Some(scenario) = scenario_of(&doc.result) else {
        return Vec::new();
    };
    let display = &doc.result.inputs.display;
    ChartKind::ALL
        .iter()
        .filter(|kind| kind.applies_to(&doc.result))
        .map(|&kind| {
            let key = ChartKey::new(&doc.id, doc.revision, display, kind);
            let svg = service.charts.get_or_draw(key, || {
                clusterplan_charts::render(kind, &scenario, &doc.result)
            });
            Rendered {
                name: kind.as_str(),
                title: kind.title(),
                svg: svg.to_string(),
            }
        })
        .collect()
}

/// See [`Service::chart`].
pub(crate) async fn chart(
    service: &Service,
    id: &str,
    name: &str,
) -> Result<(i64, String), ServiceError> {
    let kind: ChartKind = name
        .parse()
        .map_err(|_| ServiceError::chart_not_found(name))?;
    let doc = crate::scenarios::get(service, id).await?;
    if !kind.applies_to(&doc.result) {
        return Err(ServiceError::NotFound(format!(
            "chart {name} of this scenario"
        )));
    }
    let scenario = scenario_of(&doc.result).ok_or_else(|| ServiceError::StoredInputInvalid {
        id: id.to_owned(),
        reason: "its resolved input no longer validates".into(),
    })?;
    let key = ChartKey::new(id, doc.revision, &doc.result.inputs.display, kind);
    let svg = service.charts.get_or_draw(key, || {
        clusterplan_charts::render(kind, &scenario, &doc.result)
    });
    Ok((doc.revision, svg.to_string()))
}

/// The scenario behind a result: its `inputs` validated again (they were valid
/// when it was calculated, so this only fails if the model changed under it).
fn scenario_of(result: &CalculationResult) -> Option<Scenario> {
    Scenario::try_from(result.inputs.clone()).ok()
}
