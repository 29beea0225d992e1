//! A calculation for people: the verdict, the breakdown per option, hours and
//! FTE, on-call, and warnings in plain words.

use clusterplan_model::{CalculationResult, Cheaper, CostCategory, OptionName, OptionResult};
use leptos::prelude::*;

use crate::format::{money, money_short, number, pct};

/// The answer in one sentence, e.g. "EKS is $416k cheaper over 36 months;
/// self-hosting needs 2 engineers for operations, you have 4."
pub fn verdict(result: &CalculationResult) -> String {
    let months = result.inputs.horizon_months;
    let savings = money_short(
        &result.inputs.display,
        result.comparison.horizon_savings_usd,
    );
    let money = match result.comparison.cheaper {
        Cheaper::Eks => format!(
            "{} is {savings} cheaper over {months} months",
            OptionName::Eks.label()
        ),
        Cheaper::SelfHosted => format!("Self-hosting is {savings} cheaper over {months} months"),
        Cheaper::Tie => format!(
            "{} and self-hosting cost the same over {months} months",
            OptionName::Eks.label()
        ),
    };
    let needed = result.options.get(OptionName::SelfHosted).engineers_needed;
    let have = result.inputs.team.engineers;
    let plural = if needed == 1 { "engineer" } else { "engineers" };
    format!("{money}; self-hosting needs {needed} {plural} for operations, you have {have}.")
}

/// The verdict as a heading-sized sentence.
#[component]
pub fn Verdict(result: CalculationResult) -> impl IntoView {
    view! { <p class="verdict" data-testid="verdict">{verdict(&result)}</p> }
}

/// Longest figure (`$99,999,999.99`) that fits a 390 px phone beside a column of names.
const LONG_MONEY: usize = 14;

/// Monthly money by category (every category of `CostCategory::ALL`), one-off
/// and horizon totals, one column per option. On a narrow screen the table is
/// compact, or stacked for very large figures (see `table.money` in `style.css`),
/// so every figure fits a 390 px phone.
#[component]
pub fn Breakdown(result: CalculationResult) -> impl IntoView {
    let months = result.inputs.horizon_months;
    let display = result.inputs.display.clone();
    let options: Vec<(OptionName, OptionResult)> = OptionName::ALL
        .iter()
        .map(|&o| (o, result.options.get(o).clone()))
        .collect();
    let mut rows: Vec<(String, Vec<f64>, bool)> = CostCategory::ALL
        .iter()
        .map(|&c| {
            let values = options.iter().map(|(_, o)| o.monthly.get(c)).collect();
            (c.label().to_owned(), values, false)
        })
        .collect();
    let column = |pick: fn(&OptionResult) -> f64| options.iter().map(|(_, o)| pick(o)).collect();
    rows.push((
        "Total per month".to_owned(),
        column(|o| o.monthly.total),
        false,
    ));
    rows.push(("One-off (setup)".to_owned(), column(|o| o.one_off), false));
    rows.push((
        format!("Total over {months} months"),
        column(|o| o.horizon_total),
        true,
    ));
    let labels: Vec<&'static str> = options.iter().map(|(o, _)| o.label()).collect();
    // Beyond `$99,999,999.99` a phone has no room for a name column beside the
    // figures: the `stack` layout puts each name above its figures there.
    let long = rows
        .iter()
        .flat_map(|(_, values, _)| values)
        .any(|&v| money(&display, v).chars().count() > LONG_MONEY);
    let class = if long {
        "data money stack"
    } else {
        "data money"
    };
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label="Money">
        <table class=class data-testid="money-table">
            <caption>{format!("Money ({})", display.currency)}</caption>
            <thead><tr>
                <th scope="col">"Per month"</th>
                {labels.iter().map(|label| view! { <th scope="col">{*label}</th> }).collect_view()}
            </tr></thead>
            <tbody>
                {rows.into_iter().map(|(name, values, total)| view! {
                    <tr class=total.then_some("total")>
                        <th scope="row">{name}</th>
                        {values.into_iter().map(|v| view! { <td>{money(&display, v)}</td> }).collect_view()}
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        </div>
    }
}

/// Capacity, hours, FTE and on-call figures, per option.
#[component]
pub fn TeamLoad(result: CalculationResult) -> impl IntoView {
    let options: Vec<(OptionName, OptionResult)> = OptionName::ALL
        .iter()
        .map(|&o| (o, result.options.get(o).clone()))
        .collect();
    let budget = result.inputs.team.ops_budget_pct;
    type Show = fn(&OptionResult) -> String;
    let rows: [(&str, Show); 11] = [
        ("Nodes per cluster", |o| o.nodes_per_cluster.to_string()),
        ("Max pods per node", |o| o.max_pods_per_node.to_string()),
        ("Upgrade hours per year", |o| {
            number(o.hours_per_year.upgrades, 1)
        }),
        ("Routine hours per year", |o| {
            number(o.hours_per_year.routine, 1)
        }),
        ("Incident hours per year", |o| {
            number(o.hours_per_year.incidents, 1)
        }),
        ("Operations FTE", |o| number(o.required_fte, 2)),
        ("Share of team time", |o| pct(o.ops_share_pct)),
        ("Engineers needed", |o| o.engineers_needed.to_string()),
        ("On-call share per person", |o| pct(o.on_call.share_pct)),
        ("Incidents per month", |o| {
            number(o.on_call.incidents_per_month, 2)
        }),
        ("Incidents per 12-hour shift", |o| {
            number(o.on_call.incidents_per_shift, 3)
        }),
    ];
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label="Capacity, hours and on-call">
        <table class="data figures">
            <caption>{format!("Capacity, hours and on-call (toil cap {} %)", number(budget, 0))}</caption>
            <thead><tr>
                <th scope="col">"Figure"</th>
                {options.iter().map(|(o, _)| view! { <th scope="col">{o.label()}</th> }).collect_view()}
            </tr></thead>
            <tbody>
                {rows.into_iter().map(|(name, show)| view! {
                    <tr>
                        <th scope="row">{name}</th>
                        {options.iter().map(|(_, o)| view! { <td>{show(o)}</td> }).collect_view()}
                    </tr>
                }).collect_view()}
                <tr>
                    <th scope="row">"Fits the team"</th>
                    {options.iter().map(|(_, o)| view! { <td>{yes_no(o.fits_team)}</td> }).collect_view()}
                </tr>
            </tbody>
        </table>
        </div>
    }
}

/// The model's warnings, or a note that there are none.
#[component]
pub fn Warnings(result: CalculationResult) -> impl IntoView {
    let warnings = result.warnings.clone();
    if warnings.is_empty() {
        return view! { <p class="muted">"No warnings: both options fit the team and the support windows."</p> }.into_any();
    }
    view! {
        <ul class="warnings" data-testid="warnings">
            {warnings.into_iter().map(|w| view! {
                <li><strong>{w.option.label()}": "</strong>{w.message}</li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}

fn yes_no(value: bool) -> &'static str {
    if value { "yes" } else { "no" }
}
