//! The fleet editor (model v3): cluster groups, each with its node pools, as rows
//! of `fleet[G].member` and `fleet[G].pools[P].member` controls. Its Add and
//! Remove buttons are submit buttons ([`ADD_ROW`], [`REMOVE_ROW`]), so they work
//! without JavaScript; with it the page draws the form again from the new URL.
//! A row left blank counts for nothing; renaming is typing a new name.

use crate::components::deferred::Deferred;
use crate::components::errors::FieldErrors;
use crate::components::field_id;
use crate::components::fleet_rows::{GroupRow, Members, rows};
#[cfg(feature = "ssr")]
use crate::components::landing;
use crate::components::list_control::ListControl;
use crate::form_values::FormValues;
use crate::types::PoolFigures;
use clusterplan_model::{ADD_ROW, REMOVE_ROW, max_items};
use leptos::prelude::*;

/// The latest result's figures of every pool; `for_row(row)` is reactive, so a
/// pool's line follows its inputs while the form itself is not drawn again.
#[derive(Clone, Copy)]
pub struct PoolLines(pub Signal<Vec<PoolFigures>>);

impl PoolLines {
    fn for_row(self, row: String) -> impl Fn() -> Option<String> + Send + Sync + 'static {
        move || {
            self.0
                .with(|pools| pools.iter().find(|p| p.row == row).map(|p| p.text.clone()))
        }
    }
}

/// A group's own members, in display order.
const GROUP_MEMBERS: [&str; 3] = ["name", "clusters", "clusters_added_per_year"];
/// A pool's members, in display order; then `custom.*`, shown only for instance
/// type `custom`.
const POOL_MEMBERS: [&str; 14] = [
    "name",
    "compute",
    "instance_type",
    "nodes_per_cluster",
    "workload.cpu_request_cores",
    "workload.memory_request_gib",
    "workload.pods",
    "headroom_pct",
    "min_nodes_per_cluster",
    "system_pods_per_node",
    "volume_gib_per_node",
    "compute_discount_pct",
    "spot_share_pct",
    "self_hosted_hourly_usd",
];
const CUSTOM_MEMBERS: [&str; 4] = [
    "custom.vcpu",
    "custom.memory_gib",
    "custom.hourly_usd",
    "custom.max_pods_vpc_cni",
];

/// The fleet fieldset of the planner form.
#[component]
pub fn FleetEditor(values: FormValues, errors: FieldErrors, figures: PoolLines) -> impl IntoView {
    let groups = rows(&values);
    // Add stops at the model's limits.
    let (max_groups, max_pools) = (max_items("fleet"), max_items("fleet[].pools"));
    let full = groups.len() >= max_groups;
    let whole = errors.for_control("fleet").0;
    let add_group = view! {
        <button type="submit" name=ADD_ROW value="fleet" formnovalidate class="secondary" disabled=full>
            "Add a cluster group"
        </button>
    };
    #[cfg(feature = "ssr")]
    let add_group = {
        landing::provide(&groups);
        landing::at(add_group, "fleet")
    };
    view! {
        <fieldset class="group fleet" data-testid="fleet">
            <legend>"Fleet: cluster groups and node pools"</legend>
            <p class="hint">
                "Each group is clusters of one shape; each pool runs in every cluster of its group "
                {format!("(at most {max_groups} groups of {max_pools} pools). ")}
                "Empty boxes take their default, shown greyed. "
                "A node count, if given, replaces the pool's workload."
            </p>
            <p class="error" id="f-fleet-error" role="alert">{whole}</p>
            // Each group hydrates after the page, on its own (`Deferred`).
            {groups.into_iter().map(|(g, group)| view! {
                <Deferred class="fleet-group-part"><GroupEditor g group errors figures /></Deferred>
            }).collect_view()}
            {add_group}
        </fieldset>
    }
}

#[component]
fn GroupEditor(
    g: usize,
    group: GroupRow,
    errors: FieldErrors,
    figures: PoolLines,
) -> impl IntoView {
    let number = g.saturating_add(1);
    let title = match group.values.get("name") {
        Some(name) if !name.is_empty() => format!("Group {number}: {name}"),
        _ => format!("Group {number}"),
    };
    let full = group.pools.len() >= max_items("fleet[].pools");
    let own = GROUP_MEMBERS.map(|member| {
        let path = format!("fleet[{g}].{member}");
        let value = group.values.get(member).cloned();
        view! { <ListControl path value errors context=format!("group {number}") /> }
    });
    let pools = group.pools.into_iter().map(|(p, pool)| {
        view! { <PoolEditor g p pool errors figures /> }
    });
    let pools_path = format!("fleet[{g}].pools");
    let pools_error = errors.for_control(&pools_path).0;
    let add_pool = view! {
        <button type="submit" name=ADD_ROW value=pools_path.clone() formnovalidate class="secondary" disabled=full>
            {format!("Add a pool to {title}")}
        </button>
    };
    let remove_group = view! {
        <button type="submit" name=REMOVE_ROW value=format!("fleet[{g}]") formnovalidate class="secondary remove">
            {format!("Remove {title}")}
        </button>
    };
    #[cfg(feature = "ssr")]
    let (add_pool, remove_group) = (
        landing::at(add_pool, &pools_path),
        landing::at(remove_group, &format!("fleet[{g}]")),
    );
    view! {
        <fieldset class="fleet-group" data-row=g>
            <legend>{title.clone()}</legend>
            <div class="line-item">{own.into_iter().collect_view()}</div>
            <p class="error" id=field_id(&format!("{pools_path}-list")) role="alert">{pools_error}</p>
            <div class="row-actions">{add_pool}{remove_group}</div>
            {pools.collect_view()}
        </fieldset>
    }
}

#[component]
fn PoolEditor(
    g: usize,
    p: usize,
    pool: Members,
    errors: FieldErrors,
    figures: PoolLines,
) -> impl IntoView {
    // The machine's fields are drawn for every pool and shown (and sent) only
    // while its type is `custom`; as the type is typed, `live` shows or hides
    // them (drawing them then redrew the whole form under the user's fingers).
    // Trimmed, as the form's reader takes every value (`"custom "` is custom).
    let custom = pool
        .get("instance_type")
        .is_some_and(|t| t.trim() == "custom");
    let context = format!(
        "group {}, pool {}",
        g.saturating_add(1),
        p.saturating_add(1)
    );
    let control = |member: &&str| {
        let path = format!("fleet[{g}].pools[{p}].{member}");
        let value = pool.get(member).cloned();
        view! { <ListControl path value errors context=context.clone() /> }
    };
    let controls = POOL_MEMBERS.iter().map(control).collect_view();
    let machine = CUSTOM_MEMBERS.iter().map(control).collect_view();
    let title = match pool.get("name") {
        Some(name) if !name.is_empty() => format!("Pool: {name}"),
        _ => "New pool".to_owned(),
    };
    let aria = format!("{title} ({context})");
    let remove = view! {
        <button type="submit" name=REMOVE_ROW value=format!("fleet[{g}].pools[{p}]") formnovalidate
            class="secondary remove" aria-label=format!("Remove {title} ({context})")>"Remove pool"</button>
    };
    #[cfg(feature = "ssr")]
    let remove = landing::at(remove, &format!("fleet[{g}].pools[{p}]"));
    // Errors about a pool's workload or machine as a whole sit below its boxes.
    let whole = ["workload", "custom"].map(|object| {
        let path = format!("fleet[{g}].pools[{p}].{object}");
        let message = errors.for_control(&path).0;
        view! { <p class="error pool-error" id=field_id(&path) role="alert">{message}</p> }
    });
    view! {
        <div class="line-item fleet-pool" data-pool=p role="group" aria-label=aria>
            <p class="pool-title">{title.clone()}</p>
            <p class="pool-figures" data-testid="pool-figures">{figures.for_row(format!("fleet[{g}].pools[{p}]"))}</p>
            {controls}
            // Disabled while hidden: a form does not send a disabled fieldset's fields.
            <fieldset class="pool-custom" disabled=!custom hidden=!custom>{machine}</fieldset>
            {whole.into_iter().collect_view()}
            {remove}
        </div>
    }
}
