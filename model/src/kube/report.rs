//! What an import answers: the scenario it made and the report of what it read.
//! Counts and sums only: no node, pod or namespace name, no label value other
//! than instance and capacity type, no address, no UID.

use serde::Serialize;
use utoipa::ToSchema;

use super::nodes::Grouped;
use crate::error::FieldError;
use crate::input::ScenarioInput;

/// Bytes in a GiB.
pub(super) const GIB: f64 = 1024.0 * 1024.0 * 1024.0;

/// `POST /api/v1/import/kubernetes`'s answer.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Imported {
    /// A ScenarioInput with one fleet group (`clusters: 1`) and one pool per
    /// instance type and capacity type. It may lack what `report.needs` lists
    /// (a custom machine's price): calculating it without that is a 422, and
    /// validation refuses it for nothing else (the import refuses it first).
    #[schema(value_type = Object)]
    pub input: ScenarioInput,
    /// What was read, left out, and still needed.
    pub report: ImportReport,
}

/// What the import read and what it could not decide.
#[derive(Debug, Clone, Default, PartialEq, Serialize, ToSchema)]
pub struct ImportReport {
    /// Nodes read.
    pub nodes: u64,
    /// Pods read, skipped ones included.
    pub pods: u64,
    /// The requests of the pods counted (not DaemonSet pods, not finished ones).
    pub workload: WorkloadTotals,
    /// The most DaemonSet pods on one node (EC2 nodes); null without pods.
    pub daemonset_pods_per_node: Option<u64>,
    /// Objects left out, by reason.
    pub skipped: Vec<Skipped>,
    /// Fields of `input` that still need a value, each with why.
    pub needs: Vec<FieldError>,
    /// What the planner should know about the import, for people.
    pub warnings: Vec<String>,
}

/// Sums of the counted pods' requests.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, ToSchema)]
pub struct WorkloadTotals {
    /// Sum of CPU requests, cores.
    pub cpu_request_cores: f64,
    /// Sum of memory requests, GiB.
    pub memory_request_gib: f64,
    /// Pods counted.
    pub pods: u64,
}

/// Objects of one kind left out of the import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct Skipped {
    /// Why, e.g. `pod phase Succeeded` or `kind Service`.
    pub reason: String,
    /// How many.
    pub count: u64,
}

/// Most distinct reasons listed in `skipped`.
const MAX_REASONS: usize = 20;

/// Counts objects by reason, in first-seen order.
#[derive(Debug, Default)]
pub(super) struct SkipCounter(Vec<Skipped>);

impl SkipCounter {
    pub(super) fn add(&mut self, reason: &str) {
        self.add_n(reason, 1);
    }

    /// Adds `count` objects; past [`MAX_REASONS`] reasons, new ones are pooled,
    /// so a body of made-up kinds cannot make the answer as long as itself.
    pub(super) fn add_n(&mut self, reason: &str, count: u64) {
        let reason = match self.0.len() < MAX_REASONS || self.0.iter().any(|s| s.reason == reason) {
            true => reason,
            false => "objects of other kinds",
        };
        match self.0.iter_mut().find(|s| s.reason == reason) {
            Some(skipped) => skipped.count += count,
            None => self.0.push(Skipped {
                reason: reason.to_owned(),
                count,
            }),
        }
    }

    pub(super) fn into_vec(self) -> Vec<Skipped> {
        self.0
    }

    /// `; left out: 3 kind node, 1 kind Service` (reasons as they are listed), or
    /// nothing when nothing was.
    pub(super) fn summary(&self) -> String {
        let listed: Vec<String> = self
            .0
            .iter()
            .map(|s| format!("{} {}", s.count, s.reason))
            .collect();
        match listed.is_empty() {
            true => String::new(),
            false => format!("; left out: {}", listed.join(", ")),
        }
    }
}

/// The warnings every import may carry, counted.
pub(super) fn warn(grouped: &Grouped, report: &mut ImportReport) {
    if grouped.auto_mode_nodes > 0 {
        report.warnings.push(format!(
            "{} nodes are EKS Auto Mode nodes: eks.auto_mode is on, so the EKS option pays Auto Mode's fee per node-hour",
            grouped.auto_mode_nodes
        ));
    }
    if grouped.daemonset_pods > 0 {
        report.warnings.push(format!(
            "{} DaemonSet pods (requesting {:.2} cores and {:.2} GiB in all) are left out of the workload: they run on every node and take the pool's system_pods_per_node slots",
            grouped.daemonset_pods,
            grouped.daemonset_requests.cpu,
            grouped.daemonset_requests.memory / GIB
        ));
    }
    match (grouped.control_plane_nodes, grouped.control_plane_runs_workload) {
        (0, _) => {}
        (n, false) => report.warnings.push(format!(
            "{n} control-plane nodes and the {} pods on them are left out of the worker pools: the self-hosted option prices them as self_hosted.control_plane_nodes (EKS runs its own)",
            grouped.control_plane_pods
        )),
        (n, true) => report.warnings.push(format!(
            "all {n} nodes are control-plane nodes, so they are also the worker pool (the workload runs on them) and self_hosted.control_plane_nodes counts them"
        )),
    }
    if grouped.fargate_elsewhere > 0 {
        report.warnings.push(format!(
            "{} Fargate nodes run outside {}: prices.fargate_vcpu_hour_usd and prices.fargate_gib_hour_usd are that region's, set their region's",
            grouped.fargate_elsewhere,
            crate::catalog::catalog().region
        ));
    }
    // Without nodes every pod is unplaced, and the one pool made of them all
    // says so itself ("no nodes in the input"): this would contradict it.
    if grouped.unplaced_pods > 0 && !grouped.pools.is_empty() {
        report.warnings.push(format!(
            "{} pods run on no node of the input (pending, or on a node not sent): they count in the workload but in no pool",
            grouped.unplaced_pods
        ));
    }
}

pub(super) fn totals(cpu: f64, memory: f64, pods: u64) -> WorkloadTotals {
    WorkloadTotals {
        cpu_request_cores: round(cpu),
        memory_request_gib: round(memory / GIB),
        pods,
    }
}

/// Sums to a thousandth (a millicore; about a MiB): the float noise of adding
/// thousands of quantities is not a figure anyone asked for.
fn round(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0
}
