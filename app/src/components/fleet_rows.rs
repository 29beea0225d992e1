//! The fleet editor's rows, read from the form's query: each group's members and
//! its pools' members, by row number (`fleet[G].member`, `fleet[G].pools[P].member`).

use crate::form_values::FormValues;
use clusterplan_model::{max_items, split_item_path};

/// A row's `member → value` pairs. A plain list, not a map: a few dozen pairs,
/// and every map type is code in the browser's bundle.
#[derive(Clone, Debug, Default)]
pub struct Members(Vec<(String, String)>);

impl Members {
    pub fn get(&self, member: &str) -> Option<&String> {
        self.0.iter().find(|(m, _)| m == member).map(|(_, v)| v)
    }
}

/// One group row's values and its pools' rows, by form row number.
#[derive(Clone, Debug, Default)]
pub struct GroupRow {
    pub values: Members,
    pub pools: Vec<(usize, Members)>,
}

/// The entry of row `index` in rows kept in row order, added when missing.
fn row<T: Default>(rows: &mut Vec<(usize, T)>, index: usize) -> &mut T {
    let at = match rows.binary_search_by_key(&index, |(i, _)| *i) {
        Ok(at) => at,
        Err(at) => {
            rows.insert(at, (index, T::default()));
            at
        }
    };
    &mut rows[at].1
}

/// The groups of the form's query, with their pools, in row order.
pub fn rows(values: &FormValues) -> Vec<(usize, GroupRow)> {
    let mut groups: Vec<(usize, GroupRow)> = Vec::new();
    for (path, value) in values.iter() {
        let Some(("fleet", g, member)) = split_item_path(path) else {
            continue;
        };
        let group = row(&mut groups, g);
        let pair = |m: &str| (m.to_owned(), value.to_owned());
        match split_item_path(member) {
            Some(("pools", p, pool_member)) => row(&mut group.pools, p).0.push(pair(pool_member)),
            _ => group.values.0.push(pair(member)),
        }
    }
    // A hand-made URL may carry thousands of rows: draw no more than the model
    // takes (the evaluation names the list that has too many), so one request
    // cannot cost seconds of rendering.
    groups.truncate(max_items("fleet"));
    for (_, group) in &mut groups {
        group.pools.truncate(max_items("fleet[].pools"));
    }
    groups
}
