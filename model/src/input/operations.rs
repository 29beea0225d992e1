//! Input sections for the two options, the team, the upgrade cadence, prices,
//! growth and line items.

use crate::strict::{absent, nullable, object_only, present, present_integer};
use serde::{Deserialize, Serialize};

/// Declares an option's input section: the fields of its own, then the operations
/// fields every option has. Those are defined here once, so both options always
/// accept the same ones (serde's `flatten` cannot be combined with the
/// `deny_unknown_fields` that keeps typos from falling back to defaults).
macro_rules! option_input {
    (
        $(#[$doc:meta])*
        pub struct $name:ident {
            $($(#[$field_doc:meta])* [$with:literal] $field:ident: $ty:ty,)*
        }
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
        #[serde(default, deny_unknown_fields, remote = "Self")]
        pub struct $name {
            $(
                $(#[$field_doc])*
                #[serde(deserialize_with = $with, skip_serializing_if = "absent")]
                pub $field: $ty,
            )*
            /// Engineering hours for one minor-version hop of one cluster.
            #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
            pub upgrade_hours_per_cluster_hop: Option<f64>,
            /// Engineering hours per node per hop.
            #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
            pub upgrade_hours_per_node: Option<f64>,
            /// Routine operations per cluster per month.
            #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
            pub routine_hours_per_cluster_month: Option<f64>,
            /// Incidents per cluster per month.
            #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
            pub incidents_per_cluster_month: Option<f64>,
            /// Engineering hours per incident.
            #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
            pub hours_per_incident: Option<f64>,
            /// One-off engineering hours to set the option up (month 0).
            #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
            pub setup_hours: Option<f64>,
            /// People on call at any moment (1 = primary only).
            #[serde(deserialize_with = "present_integer", skip_serializing_if = "absent")]
            pub on_call_slots: Option<i64>,
        }
    };
}

option_input! {
    /// The EKS option (`eks`).
    pub struct EksInput {
        /// EKS control-plane fee per cluster-hour in standard support.
        ["present"] standard_hourly_usd: Option<f64>,
        /// EKS control-plane fee per cluster-hour in extended support.
        ["present"] extended_hourly_usd: Option<f64>,
        /// VPC CNI prefix delegation: max pods 110 below 30 vCPU, 250 from 30 vCPU.
        ["present"] prefix_delegation: Option<bool>,
        /// Share of worker node-hours on Spot, %.
        ["present"] spot_share_pct: Option<f64>,
        /// EKS Auto Mode manages the worker nodes.
        ["present"] auto_mode: Option<bool>,
        /// Auto Mode fee, % of the instance's on-demand price per node-hour.
        ["present"] auto_mode_fee_pct: Option<f64>,
        /// Provisioned Control Plane tier: standard, xl, 2xl, 4xl or 8xl.
        ["present"] control_plane_tier: Option<String>,
    }
}

option_input! {
    /// The self-hosted option (`self_hosted`).
    pub struct SelfHostedInput {
        /// Control-plane (etcd) nodes per self-hosted cluster; odd for etcd quorum.
        ["present_integer"] control_plane_nodes: Option<i64>,
        /// Instance type of the self-hosted control-plane nodes (a catalog type).
        ["present"] control_plane_instance_type: Option<String>,
        /// Price override per control-plane node-hour; null = the catalog price of control_plane_instance_type.
        ["nullable"] control_plane_hourly_usd: Option<f64>,
        /// Price override per self-hosted worker node-hour; null = the same price as the EKS workers.
        ["nullable"] worker_hourly_usd: Option<f64>,
        /// Kubelet max pods per self-hosted node.
        ["present_integer"] max_pods_per_node: Option<i64>,
        /// Load balancer in front of the API servers, per cluster-hour.
        ["present"] api_lb_hourly_usd: Option<f64>,
        /// etcd backups kept in S3 per cluster.
        ["present"] etcd_backup_gib: Option<f64>,
        /// Share of worker node-hours on Spot, %.
        ["present"] spot_share_pct: Option<f64>,
    }
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

/// Storage and Spot prices (`prices`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields, remote = "Self")]
pub struct PricesInput {
    /// EBS volume price.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub ebs_gib_month_usd: Option<f64>,
    /// S3 storage price for etcd backups.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub s3_gib_month_usd: Option<f64>,
    /// Spot price below on-demand, %.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub spot_discount_pct: Option<f64>,
    /// Fargate price per vCPU-hour.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub fargate_vcpu_hour_usd: Option<f64>,
    /// Fargate price per GiB-hour.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub fargate_gib_hour_usd: Option<f64>,
}

/// Workload growth (`growth`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields, remote = "Self")]
pub struct GrowthInput {
    /// Yearly growth of the workload (or the explicit node count), compounding monthly, %.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub workload_pct_per_year: Option<f64>,
}

/// The currency money is shown in (`display`); results stay in USD.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields, remote = "Self")]
pub struct DisplayInput {
    /// ISO 4217 code, three capital letters.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub currency: Option<String>,
    /// Units of that currency per USD.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub per_usd: Option<f64>,
}

/// One extra cost (`line_items[n]`). Strings are checked by validation, so that a
/// wrong `per` is listed with every other violation instead of stopping the parse.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields, remote = "Self")]
pub struct LineItemInput {
    /// What the cost is; required, 1 to 60 characters.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub name: Option<String>,
    /// `eks`, `self_hosted` or `both`.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub option: Option<String>,
    /// `month`, `cluster` or `node`.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub per: Option<String>,
    /// Amount per month (per cluster or node when `per` says so), USD.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub monthly_usd: Option<f64>,
    /// Flat amount at month 0, USD.
    #[serde(deserialize_with = "present", skip_serializing_if = "absent")]
    pub one_off_usd: Option<f64>,
}

object_only!(
    EksInput,
    SelfHostedInput,
    TeamInput,
    UpgradesInput,
    PricesInput,
    GrowthInput,
    DisplayInput,
    LineItemInput
);
