//! Input sections for the two options, the team, the upgrade cadence and prices.

use crate::strict::{absent, object_only, present, present_integer};
use serde::{Deserialize, Serialize};

/// The EKS option (`eks`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields, remote = "Self")]
pub struct EksInput {
    /// EKS control-plane fee per cluster-hour in standard support.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub standard_hourly_usd: Option<f64>,
    /// EKS control-plane fee per cluster-hour in extended support.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub extended_hourly_usd: Option<f64>,
    /// VPC CNI prefix delegation: max pods 110 below 30 vCPU, 250 from 30 vCPU.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub prefix_delegation: Option<bool>,
    /// Engineering hours for one minor-version hop of one EKS cluster.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub upgrade_hours_per_cluster_hop: Option<f64>,
    /// Engineering hours per worker node per hop.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub upgrade_hours_per_node: Option<f64>,
    /// Routine operations per EKS cluster per month.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub routine_hours_per_cluster_month: Option<f64>,
    /// Incidents per EKS cluster per month.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub incidents_per_cluster_month: Option<f64>,
    /// Engineering hours per EKS incident.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub hours_per_incident: Option<f64>,
    /// One-off engineering hours to set EKS up (month 0).
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub setup_hours: Option<f64>,
    /// People on call for EKS at any moment (1 = primary only).
    #[serde(deserialize_with = "present_integer", skip_serializing_if = "absent")]
    pub on_call_slots: Option<i64>,
}

/// The self-hosted option (`self_hosted`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields, remote = "Self")]
pub struct SelfHostedInput {
    /// Control-plane (etcd) nodes per self-hosted cluster; odd for etcd quorum.
    #[serde(deserialize_with = "present_integer", skip_serializing_if = "absent")]
    pub control_plane_nodes: Option<i64>,
    /// Instance type of the self-hosted control-plane nodes (a catalog type).
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub control_plane_instance_type: Option<String>,
    /// Price override per control-plane node-hour; null = the catalog price of control_plane_instance_type.
    #[serde(skip_serializing_if = "absent")]
    pub control_plane_hourly_usd: Option<f64>,
    /// Price override per self-hosted worker node-hour; null = the same price as the EKS workers.
    #[serde(skip_serializing_if = "absent")]
    pub worker_hourly_usd: Option<f64>,
    /// Kubelet max pods per self-hosted node.
    #[serde(deserialize_with = "present_integer", skip_serializing_if = "absent")]
    pub max_pods_per_node: Option<i64>,
    /// Load balancer in front of the API servers, per cluster-hour.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub api_lb_hourly_usd: Option<f64>,
    /// etcd backups kept in S3 per cluster.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub etcd_backup_gib: Option<f64>,
    /// Engineering hours for one minor-version hop of one self-hosted cluster.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub upgrade_hours_per_cluster_hop: Option<f64>,
    /// Engineering hours per node (workers and control plane) per hop.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub upgrade_hours_per_node: Option<f64>,
    /// Routine operations per self-hosted cluster per month.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub routine_hours_per_cluster_month: Option<f64>,
    /// Incidents per self-hosted cluster per month.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub incidents_per_cluster_month: Option<f64>,
    /// Engineering hours per self-hosted incident.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub hours_per_incident: Option<f64>,
    /// One-off engineering hours to build the self-hosted platform (month 0).
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub setup_hours: Option<f64>,
    /// People on call for the self-hosted platform at any moment.
    #[serde(deserialize_with = "present_integer", skip_serializing_if = "absent")]
    pub on_call_slots: Option<i64>,
}

/// The platform team (`team`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields, remote = "Self")]
pub struct TeamInput {
    /// Platform engineers who would carry the platform.
    #[serde(deserialize_with = "present_integer", skip_serializing_if = "absent")]
    pub engineers: Option<i64>,
    /// Fully loaded yearly cost of one engineer.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub annual_cost_usd: Option<f64>,
    /// Hours one engineer works on the platform per year; divides the yearly cost into an hourly rate.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub productive_hours_per_year: Option<f64>,
    /// Share of team time that may go to operations (toil cap).
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub ops_budget_pct: Option<f64>,
    /// Stipend per person on call per week.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub on_call_stipend_per_week_usd: Option<f64>,
}

/// Upgrade cadence and support windows (`upgrades`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields, remote = "Self")]
pub struct UpgradesInput {
    /// How often the team runs an upgrade campaign.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub campaigns_per_year: Option<f64>,
    /// Upstream Kubernetes minor releases per year.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub releases_per_year: Option<f64>,
    /// At a campaign the team moves to latest minus this many versions.
    #[serde(deserialize_with = "present_integer", skip_serializing_if = "absent")]
    pub versions_behind_latest: Option<i64>,
    /// Preparation per campaign: changelogs, deprecated APIs, a staging run.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub prep_hours_per_campaign: Option<f64>,
    /// Months a Kubernetes version stays in EKS standard support after its release.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub eks_standard_support_months: Option<f64>,
    /// Months of EKS extended support after standard support ends.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub eks_extended_support_months: Option<f64>,
    /// Months upstream Kubernetes patches a minor release.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub upstream_support_months: Option<f64>,
}

/// Storage prices (`prices`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields, remote = "Self")]
pub struct PricesInput {
    /// EBS volume price.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub ebs_gib_month_usd: Option<f64>,
    /// S3 storage price for etcd backups.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub s3_gib_month_usd: Option<f64>,
}

object_only!(
    EksInput,
    SelfHostedInput,
    TeamInput,
    UpgradesInput,
    PricesInput
);
