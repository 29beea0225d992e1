//! The Monte Carlo request, resolved, and the number inputs it may range.

use serde::{Deserialize, Serialize};

use super::{Operations, ResolvedInput};

/// A Monte Carlo run over ranges of the inputs, resolved (`inputs.uncertainty`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Uncertainty {
    /// Simulated futures drawn.
    pub samples: u32,
    /// Seed of the random draws.
    pub seed: u64,
    /// The ranged inputs.
    pub ranges: Vec<Range>,
}

/// One ranged input: a triangular draw from `low` to `high` with the input's
/// value as the mode.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Range {
    /// The dotted path of a number input.
    pub field: String,
    /// Lowest value.
    pub low: f64,
    /// Highest value.
    pub high: f64,
}

impl Operations {
    fn number_mut(&mut self, member: &str) -> Option<&mut f64> {
        Some(match member {
            "upgrade_hours_per_cluster_hop" => &mut self.upgrade_hours_per_cluster_hop,
            "upgrade_hours_per_node" => &mut self.upgrade_hours_per_node,
            "routine_hours_per_cluster_month" => &mut self.routine_hours_per_cluster_month,
            "incidents_per_cluster_month" => &mut self.incidents_per_cluster_month,
            "hours_per_incident" => &mut self.hours_per_incident,
            "setup_hours" => &mut self.setup_hours,
            _ => return None,
        })
    }
}

impl ResolvedInput {
    /// The number input at a dotted path as a slot to change; `None` for a path
    /// that is not a number input, or whose object or nullable value is absent.
    /// A test checks this against every number field of the table.
    pub(crate) fn number_mut(&mut self, path: &str) -> Option<&mut f64> {
        let (section, member) = path.split_once('.')?;
        let (w, e, s) = (&mut self.workers, &mut self.eks, &mut self.self_hosted);
        let (t, u, p) = (&mut self.team, &mut self.upgrades, &mut self.prices);
        Some(match (section, member) {
            ("workers", "headroom_pct") => &mut w.headroom_pct,
            ("workers", "volume_gib_per_node") => &mut w.volume_gib_per_node,
            ("workers", "compute_discount_pct") => &mut w.compute_discount_pct,
            ("workers", "workload.cpu_request_cores") => {
                &mut w.workload.as_mut()?.cpu_request_cores
            }
            ("workers", "workload.memory_request_gib") => {
                &mut w.workload.as_mut()?.memory_request_gib
            }
            ("workers", "custom.vcpu") => &mut w.custom.as_mut()?.vcpu,
            ("workers", "custom.memory_gib") => &mut w.custom.as_mut()?.memory_gib,
            ("workers", "custom.hourly_usd") => &mut w.custom.as_mut()?.hourly_usd,
            ("eks", "standard_hourly_usd") => &mut e.standard_hourly_usd,
            ("eks", "extended_hourly_usd") => &mut e.extended_hourly_usd,
            ("eks", "spot_share_pct") => &mut e.spot_share_pct,
            ("eks", "auto_mode_fee_pct") => &mut e.auto_mode_fee_pct,
            ("eks", member) => e.operations.number_mut(member)?,
            ("self_hosted", "control_plane_hourly_usd") => s.control_plane_hourly_usd.as_mut()?,
            ("self_hosted", "worker_hourly_usd") => s.worker_hourly_usd.as_mut()?,
            ("self_hosted", "api_lb_hourly_usd") => &mut s.api_lb_hourly_usd,
            ("self_hosted", "etcd_backup_gib") => &mut s.etcd_backup_gib,
            ("self_hosted", "spot_share_pct") => &mut s.spot_share_pct,
            ("self_hosted", member) => s.operations.number_mut(member)?,
            ("team", "annual_cost_usd") => &mut t.annual_cost_usd,
            ("team", "productive_hours_per_year") => &mut t.productive_hours_per_year,
            ("team", "ops_budget_pct") => &mut t.ops_budget_pct,
            ("team", "on_call_stipend_per_week_usd") => &mut t.on_call_stipend_per_week_usd,
            ("upgrades", "campaigns_per_year") => &mut u.campaigns_per_year,
            ("upgrades", "releases_per_year") => &mut u.releases_per_year,
            ("upgrades", "prep_hours_per_campaign") => &mut u.prep_hours_per_campaign,
            ("upgrades", "eks_standard_support_months") => &mut u.eks_standard_support_months,
            ("upgrades", "eks_extended_support_months") => &mut u.eks_extended_support_months,
            ("upgrades", "upstream_support_months") => &mut u.upstream_support_months,
            ("prices", "ebs_gib_month_usd") => &mut p.ebs_gib_month_usd,
            ("prices", "s3_gib_month_usd") => &mut p.s3_gib_month_usd,
            ("prices", "spot_discount_pct") => &mut p.spot_discount_pct,
            ("prices", "fargate_vcpu_hour_usd") => &mut p.fargate_vcpu_hour_usd,
            ("prices", "fargate_gib_hour_usd") => &mut p.fargate_gib_hour_usd,
            ("growth", "workload_pct_per_year") => &mut self.growth.workload_pct_per_year,
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::fields::field_specs;
    use crate::resolved::{CustomInstance, defaults};

    /// Every number input of the table has a slot, so any of them can be ranged.
    #[test]
    fn every_number_input_has_a_slot() {
        let mut input = defaults().clone();
        input.workers.custom = Some(CustomInstance {
            vcpu: 4.0,
            memory_gib: 16.0,
            hourly_usd: 0.2,
            max_pods_vpc_cni: 58,
        });
        input.self_hosted.worker_hourly_usd = Some(0.1);
        input.self_hosted.control_plane_hourly_usd = Some(0.1);
        let numbers = field_specs()
            .iter()
            .filter(|s| crate::is_rangeable(&s.path));
        for spec in numbers {
            assert!(input.number_mut(&spec.path).is_some(), "{}", spec.path);
        }
        assert!(input.number_mut("clusters").is_none());
        assert!(input.number_mut("eks.on_call_slots").is_none());
    }
}
