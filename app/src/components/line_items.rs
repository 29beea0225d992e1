//! The line-items editor: rows of extra costs (support contracts, licences,
//! tooling). Without JavaScript the form carries a few blank rows, which the
//! server skips; once hydrated, rows can be added and removed. Each row keeps its
//! form row number as its key, so an error lands beside the control that caused it.

use clusterplan_model::{max_items, nothing_typed, split_item_path};
use leptos::prelude::*;

use crate::components::errors::FieldErrors;
use crate::components::list_control::ListControl;
use crate::components::live::submit_when_idle;
use crate::form_values::FormValues;

/// The list these rows fill (`line_items[N].member`).
const LIST: &str = "line_items";
/// Blank rows offered beyond the filled ones, for a form without JavaScript.
const BLANK_ROWS: usize = 3;
/// A row's members in display order.
const MEMBERS: [&str; 5] = ["name", "option", "per", "monthly_usd", "one_off_usd"];

/// One row: its form row number and its members' values from the URL.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    key: usize,
    values: Vec<(String, String)>,
}

/// The filled rows of the form's query, in row order, then blank ones.
fn initial_rows(values: &FormValues) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    for (path, value) in values.iter() {
        let Some((LIST, key, member)) = split_item_path(path) else {
            continue;
        };
        let pair = (member.to_owned(), value.to_owned());
        match rows.iter_mut().find(|r| r.key == key) {
            Some(row) => row.values.push(pair),
            None => rows.push(Row {
                key,
                values: vec![pair],
            }),
        }
    }
    // A row sent as the form offered it (its selects' values only) is one of
    // the blank rows below, not a filled one: kept, every form sent would add
    // three more (the server skips it alike).
    rows.retain(|r| {
        let members = r.values.iter().map(|(m, v)| (m.as_str(), v.as_str()));
        !nothing_typed(LIST, members)
    });
    rows.sort_by_key(|r| r.key);
    // No more rows than the model takes, however many a hand-made URL carries.
    rows.truncate(max_items(LIST));
    // Saturating: a hand-made URL may name row usize::MAX.
    let next = rows.last().map_or(0, |r| r.key.saturating_add(1));
    let blanks = BLANK_ROWS.min(max_items(LIST).saturating_sub(rows.len()));
    rows.extend((next..next.saturating_add(blanks)).map(|key| Row {
        key,
        values: Vec::new(),
    }));
    rows
}

/// The line-items fieldset of the planner form.
#[component]
pub fn LineItems(values: FormValues, errors: FieldErrors) -> impl IntoView {
    let rows = RwSignal::new(initial_rows(&values));
    // Add and remove need JavaScript; they appear once the page is hydrated.
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let add = move |_| {
        rows.update(|rows| {
            let key = rows
                .iter()
                .map(|r| r.key.saturating_add(1))
                .max()
                .unwrap_or(0);
            rows.push(Row {
                key,
                values: Vec::new(),
            });
        })
    };
    let remove = move |event: leptos::ev::MouseEvent, key: usize| {
        // Recalculate without the row: find the form before the row leaves the page.
        submit_when_idle(event.into());
        rows.update(|rows| rows.retain(|r| r.key != key));
        // The pressed button leaves with its row, and the focus would fall to
        // the top of the page: it goes to "Add line item" (from a full list,
        // still disabled here, it stays where it falls).
        #[cfg(feature = "hydrate")]
        if let Some(add) = document()
            .query_selector(".line-items > button")
            .ok()
            .flatten()
            .and_then(|b| leptos::wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(b).ok())
        {
            let _ = add.focus();
        }
    };
    view! {
        <fieldset class="group line-items" data-testid="line-items">
            <legend>"Line items"</legend>
            <p class="hint">
                "Costs outside AWS's bill: support contracts, licences, tooling. "
                {format!("Rows without a name or amount are ignored; at most {}.", max_items(LIST))}
            </p>
            <For each=move || rows.get() key=|row| row.key let:row>
                <LineItemRow key=row.key values=row.values errors hydrated remove />
            </For>
            {move || hydrated.get().then(|| view! {
                <button type="button" class="secondary" on:click=add
                    disabled=move || { rows.with(Vec::len) >= max_items(LIST) }>"Add line item"</button>
            })}
        </fieldset>
    }
}

/// One row: name, option, per, monthly and one-off amounts, and Remove.
#[component]
fn LineItemRow(
    key: usize,
    values: Vec<(String, String)>,
    errors: FieldErrors,
    hydrated: RwSignal<bool>,
    remove: impl Fn(leptos::ev::MouseEvent, usize) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let controls = MEMBERS.map(|member| {
        let path = format!("{LIST}[{key}].{member}");
        let value = values
            .iter()
            .find(|(m, _)| m == member)
            .map(|(_, v)| v.clone());
        view! { <ListControl path value errors context=format!("item {}", key.saturating_add(1)) /> }
    });
    view! {
        <div class="line-item" data-row=key>
            {controls.into_iter().collect_view()}
            {move || hydrated.get().then(|| view! {
                <button type="button" class="secondary remove"
                    aria-label=format!("Remove line item {}", key.saturating_add(1))
                    on:click=move |event| remove(event, key)>"Remove"</button>
            })}
        </div>
    }
}
