//! Where a page load opens after a row button without JavaScript.
//!
//! Each such button submits the whole GET form, and the new page opened at its
//! top, thousands of pixels above the row just added or removed (an outside
//! review). The button's `formaction` now carries a fragment naming a box: the
//! new row's name, or a row beside a removed one. ("Unsure? Give … a range"
//! needs none: its new low box is `autofocus`, which scrolls it into view.)
//!
//! Added on the server only, like the planner form's `id` (`pages::planner`):
//! with JavaScript these buttons never load a page (the router reads the form's
//! own `action`, and a Remove's focus is `row_focus`'s), and a hydrated
//! attribute would cost bundle bytes. The fleet editor's landings are worked
//! out once from all its rows ([`provide`]) and read by each button ([`at`]).

use std::sync::Arc;

use leptos::prelude::{provide_context, use_context};
use leptos::tachys::html::attribute::{Attr, Formaction};
use leptos::tachys::view::RenderHtml;
use leptos::tachys::view::add_attr::AddAnyAttr;

use super::field_id;
use super::fleet_rows::GroupRow;

/// The id of the plain form's "Describe several cluster groups" button, where
/// removing a fleet's last group lands (the plain form is back).
pub const TO_FLEET_ID: &str = "to-fleet";

/// Each fleet row button's landing (an element id), by the button's value:
/// `fleet` (Add a group), `fleet[G]` (Remove it), `fleet[G].pools` (Add a
/// pool), `fleet[G].pools[P]` (Remove it).
#[derive(Clone, Debug, Default)]
struct Landings(Arc<Vec<(String, String)>>);

/// Works out every row button's landing from the rows drawn, in order, and
/// keeps them for [`at`]. Rows keep the numbers the form gave them (a Remove
/// renumbers nothing: `fleet[0]` gone leaves `fleet[1]`), so an Add lands at
/// the row [`next_row`] numbers (the top when there is none), and a Remove at
/// the row before, else the row after, else the list's owner.
pub fn provide(groups: &[(usize, GroupRow)]) {
    let rows: Vec<usize> = groups.iter().map(|(g, _)| *g).collect();
    let added = |list: &str, rows: &[usize]| {
        next_row(rows)
            .map(|n| field_id(&format!("{list}[{n}].name")))
            .unwrap_or_default()
    };
    let mut out = vec![("fleet".to_owned(), added("fleet", &rows))];
    for (at, (g, group)) in groups.iter().enumerate() {
        let removed = match beside(&rows, at) {
            Some(other) => field_id(&format!("fleet[{other}].name")),
            None => TO_FLEET_ID.to_owned(),
        };
        out.push((format!("fleet[{g}]"), removed));
        let pools: Vec<usize> = group.pools.iter().map(|(p, _)| *p).collect();
        let list = format!("fleet[{g}].pools");
        out.push((list.clone(), added(&list, &pools)));
        for (at, p) in pools.iter().enumerate() {
            // A group's only pool: its group's name (the list's error line is
            // hidden while empty, and the browser cannot scroll to it).
            let removed = match beside(&pools, at) {
                Some(other) => field_id(&format!("{list}[{other}].name")),
                None => field_id(&format!("fleet[{g}].name")),
            };
            out.push((format!("{list}[{p}]"), removed));
        }
    }
    provide_context(Landings(Arc::new(out)));
}

/// The number `apply_form_actions` gives a row added to a list numbered
/// `rows`: one past the largest, none past `usize::MAX`. Written again here,
/// not shared: moving the model's into a function of its own cost 0.3 to
/// 0.45 KB of the browser's bundle under brotli, whose budget has 0.4 KB left.
fn next_row(rows: &[usize]) -> Option<usize> {
    rows.iter().max().map_or(Some(0), |max| max.checked_add(1))
}

/// The row shown where row `at` of `rows` was once it is removed: the one
/// before it, else the one after.
fn beside(rows: &[usize], at: usize) -> Option<usize> {
    at.checked_sub(1)
        .and_then(|before| rows.get(before))
        .or_else(|| rows.get(at.saturating_add(1)))
        .copied()
}

/// `button` (whose value is `value`), opening the next page at its landing:
/// the top when none was provided for it.
pub fn at<V: AddAnyAttr>(button: V, value: &str) -> impl RenderHtml + use<V> {
    let landing = use_context::<Landings>().and_then(|l| {
        l.0.iter()
            .find(|(v, _)| v == value)
            .map(|(_, id)| id.clone())
    });
    button.add_any_attr(formaction(landing.as_deref().unwrap_or_default()))
}

/// A `formaction` that opens the planner at the element `id` (its top for "").
pub fn formaction(id: &str) -> Attr<Formaction, String> {
    leptos::attr::formaction(match id {
        "" => "/".to_owned(),
        id => format!("/#{id}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_add_numbers_past_the_largest_row_and_a_remove_lands_beside() {
        assert_eq!(next_row(&[]), Some(0));
        assert_eq!(
            next_row(&[1, 2]),
            Some(3),
            "row 0 was removed; the next is 3"
        );
        assert_eq!(next_row(&[usize::MAX]), None, "as the model adds none");
        assert_eq!(beside(&[1, 2], 0), Some(2), "the first: the row after");
        assert_eq!(beside(&[1, 2, 5], 2), Some(2), "the row before");
        assert_eq!(beside(&[4], 0), None, "the only row");
    }
}
