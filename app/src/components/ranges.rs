//! Uncertainty in the pages: the low/high controls beside a number input (closed
//! until asked for, in a native `<details>`, so they work without JavaScript), and
//! the Monte Carlo's answer in plain words with its percentiles.

use clusterplan_model::{
    CalculationResult, FieldSpec, OptionName, Stats, lower_first_word, range_control,
};
use leptos::prelude::*;

use crate::components::errors::FieldErrors;
use crate::form_values::FormValues;
use crate::format::{money, money_short, number, pct};

/// The low and high controls of a range over the number input `spec`.
#[component]
pub fn RangeControls(
    spec: &'static FieldSpec,
    values: FormValues,
    errors: FieldErrors,
) -> impl IntoView {
    let bound = |bound: &'static str| {
        let name = range_control(bound, &spec.path);
        let value = values.get(&name).unwrap_or_default().to_owned();
        (name, value)
    };
    let (low, high) = (bound("low"), bound("high"));
    let open = !low.1.is_empty() || !high.1.is_empty();
    let control = move |(name, value): (String, String), word: &'static str| {
        let id = format!("f-{}", name.replace('.', "-"));
        let error_id = format!("{id}-error");
        let (message, invalid) = errors.for_control(&name);
        view! {
            <span class="bound">
                <label for=id.clone()>{word}</label>
                <input type="number" inputmode="decimal" step="any" id=id name=name value=value
                    aria-describedby=error_id.clone() aria-invalid=invalid />
                <span class="error" id=error_id role="alert">{message}</span>
            </span>
        }
    };
    view! {
        <details class="range" open=open>
            <summary>{format!("Unsure? Give {} a range", lower_first_word(&spec.label()))}</summary>
            {control(low, "Low")}
            {control(high, "High")}
        </details>
    }
}

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
