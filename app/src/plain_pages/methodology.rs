//! `/methodology`: the formulas, and every default with its rationale, rendered
//! from the model's own field table and catalog (no second copy to drift). A
//! plain page ([`super`]): the formulas' text stays out of the wasm bundle.

use std::sync::OnceLock;

use clusterplan_model::{Catalog, FARGATE_SIZES, catalog, field_specs};
use leptos::prelude::*;

/// The formulas of docs/MODEL.md §3, as the model implements them.
const FORMULAS: &[(&str, &str)] = &[
    (
        "Pod density",
        "P_eks = ENIs × (IPv4 per ENI − 1) + 2 (custom: max_pods_vpc_cni); with prefix delegation 110 if vCPU < 30 else 250.\nP_self = self_hosted.max_pods_per_node",
    ),
    (
        "Allocatable per worker node",
        "reserved_cpu = 0.06·min(V,1) + 0.01·clamp(V−1,0,1) + 0.005·clamp(V−2,0,2) + 0.0025·max(V−4,0)\nreserved_mem = (255 + 11·P)/1024 + 100/1024 GiB\nalloc_cpu = V − reserved_cpu; alloc_mem = M − reserved_mem",
    ),
    (
        "Nodes per cluster",
        "explicit: nodes_per_cluster for both options; otherwise, with h = headroom/100:\nnodes = max(ceil*(cpu·(1+h)/alloc_cpu), ceil*(mem·(1+h)/alloc_mem), ceil*(pods/(P − system_pods)), min_nodes)\nceil*(x) = ceil(x − 1e-9)",
    ),
    (
        "Growth",
        "month k = 0..horizon−1 has g_k = (1 + workload_pct_per_year/100)^(k/12) (1 without growth)\nnodes(k): the formula above with cpu, memory and pods × g_k; explicit: max(1, ceil*(nodes_per_cluster·g_k))\nevery cost that depends on nodes uses nodes(k)",
    ),
    (
        "Upgrade cadence",
        "T = 12/campaigns, I = 12/releases, a0 = I/2 + behind·I, peak_age = a0 + T\next_share = clamp((peak_age − eks_standard)/T, 0, 1); forced_upgrade = peak_age > eks_standard + eks_extended\nunsupported_share = clamp((peak_age − upstream)/T, 0, 1)\nupgrade_hours_year = campaigns·prep + releases·C·(hop_hours + upgraded_nodes·node_hours)\nupgraded_nodes: EKS nodes(k) (0 with Auto Mode: AWS replaces them); self-hosted nodes(k) + cp_nodes",
    ),
    (
        "Monthly money",
        "control plane   EKS: C·730·(std·(1−ext_share) + ext·ext_share + tier_adder); self: C·cp_nodes·cp_hourly·730·(1−d)\nworkers         C·nodes(k)·worker_hourly·730·f,  f = (1−s)·(1−d) + s·(1−spot_discount/100), s = spot_share/100\nnode management EKS with Auto Mode: C·nodes(k)·list_price·auto_mode_fee_pct/100·730 (no discount, no Spot); else 0\nstorage         ebs·(C·nodes(k)·vol [+ self: C·cp_nodes·vol]) [+ self: s3·C·etcd_backup_gib]\nload balancers  EKS: 0; self: C·api_lb_hourly·730\nengineering     r·(upgrade(k) + 12·C·routine + 12·C·incidents·hours_per_incident)/12, r = annual_cost/productive_hours\non-call         on_call_slots·stipend·52/12\nline items      Σ of the option's items (and \"both\"): monthly_usd × 1 | C | C·nodes(k) for per = month | cluster | node",
    ),
    (
        "Horizon",
        "one_off = setup_hours·r + Σ one_off_usd of the option's line items, at month 0\ncumulative[0] = one_off; cumulative[m] = cumulative[m−1] + total(m−1); horizon_total = cumulative[horizon]",
    ),
    (
        "Team",
        "at hours_peak_month, the first month with the most operations hours (month 0 without growth):\nrequired_fte = ops_hours_year/productive_hours; ops_share = 100·fte/engineers; fits = ops_share ≤ ops_budget\nengineers_needed = max(1, ceil*(fte/(ops_budget/100)))\non_call_share = 100·slots/engineers; incidents_per_shift = C·incidents/(730/12)",
    ),
    (
        "Fleet (v3)",
        "group g has C_g(k) = clusters_g + floor(clusters_added_per_year_g·k/12 + 1e-9) clusters in month k; C(k) = Σ_g C_g(k)\nevery per-cluster term above (control plane, load balancers, etcd backups, routine, incidents, hop hours, per-cluster line items) uses C(k)\npool p of group g: nodes_{g,p}(k) by the node formula with the pool's own type, headroom, min nodes and workload or count\nworkers = Σ_g C_g(k)·Σ_p nodes·price_p·730·f_p (+ EKS Fargate pools), f_p with the pool's Spot share (or the option's) and discount\nthe self-hosted control plane's discount and volume are the first pool's; without fleet: one group of clusters × workers",
    ),
    (
        "Fargate pools (v3)",
        "on EKS a Fargate pool has no nodes: ceil*(pods·g_k) pods of its average size, no headroom, no Spot\nper pod and hour: vcpu_cfg·fargate_vcpu_hour + gib_cfg·fargate_gib_hour, × (1 − discount)\nv = cpu/pods; m = memory/pods + 0.25 GiB; vcpu_cfg = the smallest size ≥ v whose memory reaches m; gib_cfg = m rounded up to its step, at least its minimum (table below)\nself-hosted runs the same pods on nodes of the pool's instance type",
    ),
    (
        "Comparison",
        "cheaper by horizon total (tie under $0.01); payback = first month self-hosted's cumulative ≤ EKS's;\nbreak-even = smallest cluster count in 1..=1000 where self-hosted's horizon total ≤ EKS's (one group: its clusters at month 0; two or more groups: none);\nsensitivity = change of (self − EKS) when one input alone is ×0.75 / ×1.25",
    ),
];

/// The methodology page's HTML. It changes only with the build, so it is
/// written once per process.
pub fn page(options: LeptosOptions) -> &'static str {
    static PAGE: OnceLock<String> = OnceLock::new();
    PAGE.get_or_init(|| super::document(options, "Methodology", view! { <Methodology /> }))
}

#[component]
fn Methodology() -> impl IntoView {
    let catalog = catalog();
    view! {
        <h1>"How Clusterplan calculates"</h1>
        <p class="lede">"Every figure follows these formulas; 730 hours make a month. The defaults below are the ones the model uses."</p>
        <h2>"Formulas"</h2>
        {FORMULAS.iter().map(|(title, text)| view! {
            <h3>{*title}</h3>
            <pre class="formula">{*text}</pre>
        }).collect_view()}
        <h2>"Inputs, defaults and why"</h2>
        // Focusable so keyboard users can scroll it sideways on narrow screens.
        <div class="table-scroll" tabindex="0" role="region" aria-label="Inputs, defaults and why">
            <table class="data text">
                <thead><tr><th scope="col">"Input"</th><th scope="col">"Default"</th><th scope="col">"Range"</th><th scope="col">"Why"</th></tr></thead>
                <tbody>
                    {field_specs().iter().map(|spec| view! {
                        <tr>
                            <th scope="row">{spec.label()}<br /><code>{spec.path.clone()}</code></th>
                            <td>{spec.default.to_string()}" "{spec.unit.clone().unwrap_or_default()}</td>
                            <td>{spec.range.clone()}</td>
                            <td>{spec.rationale.clone()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <h2>"EKS control-plane tiers"</h2>
        <p>{format!("{} Prices taken on {}.", catalog.control_plane_tiers.pricing, catalog.control_plane_tiers.prices_taken_on)}</p>
        <table class="data text">
            <thead><tr><th scope="col">"Tier"</th><th scope="col">"Added USD per cluster-hour"</th></tr></thead>
            <tbody>
                {catalog.control_plane_tiers.tiers.iter().map(|t| view! {
                    <tr><th scope="row">{t.name.clone()}</th><td>{t.hourly_usd}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
        <h2>"Fargate sizes"</h2>
        <div class="table-scroll" tabindex="0" role="region" aria-label="Fargate sizes">
        <table class="data text" data-testid="fargate-sizes">
            <thead><tr><th scope="col">"vCPU"</th><th scope="col">"Memory, GiB"</th><th scope="col">"Step, GiB"</th></tr></thead>
            <tbody>
                {FARGATE_SIZES.iter().map(|size| view! {
                    <tr>
                        <th scope="row">{size.vcpu}</th>
                        <td>{format!("{} to {}", size.min_gib, size.max_gib)}</td>
                        <td>{match size.step_gib { 0.0 => "0.5, 1 or 2".to_owned(), step => step.to_string() }}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        </div>
        <h2>"Instance catalog"</h2>
        // The eleven classic types, not all 1,345: the page stays light, and the
        // browser bundle carries only these (the model's `catalog` feature).
        <p>{format!("{} EC2 instance types, {}, {}; prices taken on {}. The classic types:", Catalog::BUILT_IN_TYPES, catalog.region, catalog.pricing, catalog.prices_taken_on)}</p>
        <div class="table-scroll" tabindex="0" role="region" aria-label="Instance catalog">
            <table class="data text">
                <thead><tr><th scope="col">"Type"</th><th scope="col">"vCPU"</th><th scope="col">"GiB"</th><th scope="col">"USD/hour"</th><th scope="col">"ENIs"</th><th scope="col">"IPv4/ENI"</th><th scope="col">"Max pods (VPC CNI)"</th></tr></thead>
                <tbody>
                    {Catalog::classic_types().iter().map(|t| view! {
                        <tr><th scope="row">{t.name.clone()}</th><td>{t.vcpu}</td><td>{t.memory_gib}</td><td>{t.hourly_usd}</td><td>{t.enis}</td><td>{t.ipv4_per_eni}</td><td>{t.max_pods_vpc_cni()}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        // The sources are file paths: long words that must wrap on a phone.
        <p class="sources">"Every type, with its family, architecture and GPUs, filtered and paged: "<a href="/api/v1/catalog" rel="external">"/api/v1/catalog"</a>" (e.g. "<a href="/api/v1/catalog?family=m7g" rel="external">"?family=m7g"</a>"). Sources: "{catalog.sources.join("; ")}"."</p>
    }
}
