//! The Monte Carlo's answer in plain words, with its percentiles.

use clusterplan_model::{CalculationResult, OptionName, Stats};
use leptos::prelude::*;

use crate::format::{money, money_short, number, pct};

/// "Self-hosted is cheaper in 38 % of 20,000 simulated futures."
pub fn headline(result: &CalculationResult) -> Option<String> {
    let u = result.uncertainty.as_ref()?;
    let share = 100.0 * u.probability_self_hosted_cheaper;
    let futures = number(f64::from(u.samples), 0);
    Some(format!(
        "{} is cheaper in {} of {futures} simulated futures.",
        OptionName::SelfHosted.label(),
        pct(share)
    ))
}

/// The headline and the p10/p50/p90 table of a result with a Monte Carlo.
#[component]
pub fn UncertaintySummary(result: CalculationResult) -> impl IntoView {
    let Some(u) = result.uncertainty.clone() else {
        return ().into_any();
    };
    let display = result.inputs.display.clone();
    let rows: [(String, Stats); 3] = [
        (OptionName::Eks.label().to_owned(), u.eks),
        (OptionName::SelfHosted.label().to_owned(), u.self_hosted),
        (
            format!(
                "{} − {}",
                OptionName::SelfHosted.label(),
                OptionName::Eks.label()
            ),
            u.difference,
        ),
    ];
    view! {
        <section class="uncertainty" aria-label="Uncertainty">
            <h2>"How sure is it?"</h2>
            <p class="verdict" data-testid="uncertainty-headline">{headline(&result)}</p>
            <table class="data money" data-testid="uncertainty-table">
                <caption>{format!("Horizon totals over {} simulated futures ({})", number(f64::from(u.samples), 0), display.currency)}</caption>
                <thead><tr><th scope="col">""</th><th scope="col">"p10"</th><th scope="col">"p50"</th><th scope="col">"p90"</th><th scope="col">"Mean"</th></tr></thead>
                <tbody>
                    {rows.into_iter().map(|(name, s)| view! {
                        <tr>
                            <th scope="row">{name}</th>
                            <td title=money(&display, s.p10)>{money_short(&display, s.p10)}</td>
                            <td title=money(&display, s.p50)>{money_short(&display, s.p50)}</td>
                            <td title=money(&display, s.p90)>{money_short(&display, s.p90)}</td>
                            <td title=money(&display, s.mean)>{money_short(&display, s.mean)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <p class="hint">{format!("Seed {}: the same input and seed give the same figures.", u.seed)}</p>
        </section>
    }
    .into_any()
}
