//! Resolved sections for the two options, the team, the upgrade cadence, prices,
//! growth and line items.

use serde::{Deserialize, Serialize};

/// The operations figures every option has, in the same shape (flattened into
/// `inputs.eks` and `inputs.self_hosted`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Operations {
    /// Engineering hours for one minor-version hop of one cluster.
    pub upgrade_hours_per_cluster_hop: f64,
    /// Engineering hours per node per hop.
    pub upgrade_hours_per_node: f64,
    /// Routine operations per cluster per month.
    pub routine_hours_per_cluster_month: f64,
    /// Incidents per cluster per month.
    pub incidents_per_cluster_month: f64,
    /// Engineering hours per incident.
    pub hours_per_incident: f64,
    /// One-off engineering hours to set the option up (month 0).
    pub setup_hours: f64,
    /// People on call at any moment (1 = primary only).
    pub on_call_slots: u32,
}

/// The EKS option, resolved (`inputs.eks`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Eks {
    /// EKS control-plane fee per cluster-hour in standard support.
    pub standard_hourly_usd: f64,
    /// EKS control-plane fee per cluster-hour in extended support.
    pub extended_hourly_usd: f64,
    /// VPC CNI prefix delegation: max pods 110 below 30 vCPU, 250 from 30 vCPU.
    pub prefix_delegation: bool,
    /// Share of worker node-hours on Spot, %.
    pub spot_share_pct: f64,
    /// EKS Auto Mode manages the worker nodes.
    pub auto_mode: bool,
    /// Auto Mode fee, % of the instance's on-demand price per node-hour.
    pub auto_mode_fee_pct: f64,
    /// Provisioned Control Plane tier (a catalog tier name).
    pub control_plane_tier: String,
    /// Hours, incidents, setup and on-call.
    #[serde(flatten)]
    pub operations: Operations,
}

/// The self-hosted option, resolved (`inputs.self_hosted`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SelfHosted {
    /// Control-plane (etcd) nodes per self-hosted cluster; odd for etcd quorum.
    pub control_plane_nodes: u32,
    /// Instance type of the self-hosted control-plane nodes (a catalog type).
    pub control_plane_instance_type: String,
    /// Price override per control-plane node-hour; null = the catalog price of control_plane_instance_type.
    pub control_plane_hourly_usd: Option<f64>,
    /// Price override per self-hosted worker node-hour; null = the same price as the EKS workers.
    pub worker_hourly_usd: Option<f64>,
    /// Kubelet max pods per self-hosted node.
    pub max_pods_per_node: u32,
    /// Load balancer in front of the API servers, per cluster-hour.
    pub api_lb_hourly_usd: f64,
    /// etcd backups kept in S3 per cluster.
    pub etcd_backup_gib: f64,
    /// Share of worker node-hours on Spot, %.
    pub spot_share_pct: f64,
    /// Hours, incidents, setup and on-call.
    #[serde(flatten)]
    pub operations: Operations,
}

/// The platform team, resolved (`inputs.team`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Team {
    /// Platform engineers who would carry the platform.
    pub engineers: u32,
    /// Fully loaded yearly cost of one engineer.
    pub annual_cost_usd: f64,
    /// Hours one engineer works on the platform per year; divides the yearly cost into an hourly rate.
    pub productive_hours_per_year: f64,
    /// Share of team time that may go to operations (toil cap).
    pub ops_budget_pct: f64,
    /// Stipend per person on call per week.
    pub on_call_stipend_per_week_usd: f64,
}

/// Upgrade cadence and support windows, resolved (`inputs.upgrades`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Upgrades {
    /// How often the team runs an upgrade campaign.
    pub campaigns_per_year: f64,
    /// Upstream Kubernetes minor releases per year.
    pub releases_per_year: f64,
    /// At a campaign the team moves to latest minus this many versions.
    pub versions_behind_latest: u32,
    /// Preparation per campaign: changelogs, deprecated APIs, a staging run.
    pub prep_hours_per_campaign: f64,
    /// Months a Kubernetes version stays in EKS standard support after its release.
    pub eks_standard_support_months: f64,
    /// Months of EKS extended support after standard support ends.
    pub eks_extended_support_months: f64,
    /// Months upstream Kubernetes patches a minor release.
    pub upstream_support_months: f64,
}

/// Prices, resolved (`inputs.prices`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Prices {
    /// EBS volume price.
    pub ebs_gib_month_usd: f64,
    /// S3 storage price for etcd backups.
    pub s3_gib_month_usd: f64,
    /// Spot price below on-demand, %.
    pub spot_discount_pct: f64,
    /// Fargate price per vCPU-hour.
    pub fargate_vcpu_hour_usd: f64,
    /// Fargate price per GiB-hour.
    pub fargate_gib_hour_usd: f64,
}

/// The display currency, resolved (`inputs.display`): what every page, chart
/// and export shows money in (the JSON results stay in USD).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Display {
    /// ISO 4217 code.
    pub currency: String,
    /// Units of the currency per USD.
    pub per_usd: f64,
}

/// Workload growth, resolved (`inputs.growth`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Growth {
    /// Yearly growth of the workload (or the explicit node count), compounding monthly, %.
    pub workload_pct_per_year: f64,
}
