//! A calculation for people: the verdict, the breakdown per option, hours and
//! FTE, on-call, and warnings in plain words.

use clusterplan_model::{CalculationResult, Cheaper, OptionName, OptionResult};
use leptos::prelude::*;

use crate::format::{number, pct, usd, usd_short};

/// The answer in one sentence, e.g. "EKS is $416k cheaper over 36 months;
/// self-hosting needs 2 engineers for operations, you have 4."
pub fn verdict(result: &CalculationResult) -> String {
    let months = result.inputs.horizon_months;
    let savings = usd_short(result.comparison.horizon_savings_usd);
    let money = match result.comparison.cheaper {
        Cheaper::Eks => format!("EKS is {savings} cheaper over {months} months"),
        Cheaper::SelfHosted => format!("Self-hosting is {savings} cheaper over {months} months"),
        Cheaper::Tie => format!("EKS and self-hosting cost the same over {months} months"),
    };
    let needed = result.options.self_hosted.common.engineers_needed;
    let have = result.inputs.team.engineers;
    let plural = if needed == 1 { "engineer" } else { "engineers" };
    format!("{money}; self-hosting needs {needed} {plural} for operations, you have {have}.")
}

/// The verdict as a heading-sized sentence.
#[component]
pub fn Verdict(result: CalculationResult) -> impl IntoView {
    view! { <p class="verdict" data-testid="verdict">{verdict(&result)}</p> }
}

/// Monthly money by category, one-off and horizon totals, per option.
#[component]
pub fn Breakdown(result: CalculationResult) -> impl IntoView {
    let eks = result.options.eks.common.clone();
    let own = result.options.self_hosted.common.clone();
    let months = result.inputs.horizon_months;
    type Pick = fn(&OptionResult) -> f64;
    let rows: [(&str, Pick); 7] = [
        ("Control plane", |o| o.monthly.control_plane),
        ("Workers", |o| o.monthly.workers),
        ("Storage", |o| o.monthly.storage),
        ("Load balancers", |o| o.monthly.load_balancers),
        ("Engineering", |o| o.monthly.engineering),
        ("On-call", |o| o.monthly.on_call),
        ("Total per month", |o| o.monthly.total),
    ];
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label="Money">
        <table class="data">
            <caption>"Money (USD)"</caption>
            <thead><tr><th scope="col">"Per month"</th><th scope="col">"EKS"</th><th scope="col">"Self-hosted"</th></tr></thead>
            <tbody>
                {rows.into_iter().map(|(name, pick)| view! {
                    <tr><th scope="row">{name}</th><td>{usd(pick(&eks))}</td><td>{usd(pick(&own))}</td></tr>
                }).collect_view()}
                <tr><th scope="row">"One-off (setup)"</th><td>{usd(eks.one_off)}</td><td>{usd(own.one_off)}</td></tr>
                <tr class="total"><th scope="row">{format!("Total over {months} months")}</th>
                    <td>{usd(eks.horizon_total)}</td><td>{usd(own.horizon_total)}</td></tr>
            </tbody>
        </table>
        </div>
    }
}

/// Capacity, hours, FTE and on-call figures, per option.
#[component]
pub fn TeamLoad(result: CalculationResult) -> impl IntoView {
    let eks = result.options.eks.common.clone();
    let own = result.options.self_hosted.common.clone();
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
        <table class="data">
            <caption>{format!("Capacity, hours and on-call (toil cap {} %)", number(budget, 0))}</caption>
            <thead><tr><th scope="col">"Figure"</th><th scope="col">"EKS"</th><th scope="col">"Self-hosted"</th></tr></thead>
            <tbody>
                {rows.into_iter().map(|(name, show)| view! {
                    <tr><th scope="row">{name}</th><td>{show(&eks)}</td><td>{show(&own)}</td></tr>
                }).collect_view()}
                <tr><th scope="row">"Fits the team"</th>
                    <td>{yes_no(eks.fits_team)}</td><td>{yes_no(own.fits_team)}</td></tr>
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
                <li><strong>{option_name(w.option)}": "</strong>{w.message}</li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}

fn option_name(option: OptionName) -> &'static str {
    match option {
        OptionName::Eks => "EKS",
        OptionName::SelfHosted => "Self-hosted",
    }
}

fn yes_no(value: bool) -> &'static str {
    if value { "yes" } else { "no" }
}
