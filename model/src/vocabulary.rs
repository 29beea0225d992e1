//! The domain's words, each defined once: the monthly cost categories and the two
//! options, with the keys machines read and the labels people read. Pages, charts,
//! CSV and the API all take them from here.

use crate::output::{MonthlyCost, OptionName};

/// One category of the monthly cost (a member of `monthly` in a result).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CostCategory {
    /// The EKS fee, or the self-hosted control-plane nodes.
    ControlPlane,
    /// Worker nodes.
    Workers,
    /// EBS volumes and etcd backups.
    Storage,
    /// API server load balancers (self-hosted).
    LoadBalancers,
    /// Operations hours at the engineering rate.
    Engineering,
    /// On-call stipends.
    OnCall,
}

impl CostCategory {
    /// Every category in the order of `monthly` in §4 of the spec.
    pub const ALL: [CostCategory; 6] = [
        CostCategory::ControlPlane,
        CostCategory::Workers,
        CostCategory::Storage,
        CostCategory::LoadBalancers,
        CostCategory::Engineering,
        CostCategory::OnCall,
    ];

    /// The JSON member name, e.g. `control_plane`.
    pub fn key(self) -> &'static str {
        match self {
            CostCategory::ControlPlane => "control_plane",
            CostCategory::Workers => "workers",
            CostCategory::Storage => "storage",
            CostCategory::LoadBalancers => "load_balancers",
            CostCategory::Engineering => "engineering",
            CostCategory::OnCall => "on_call",
        }
    }

    /// The label people read, e.g. `Control plane`.
    pub fn label(self) -> &'static str {
        match self {
            CostCategory::ControlPlane => "Control plane",
            CostCategory::Workers => "Workers",
            CostCategory::Storage => "Storage",
            CostCategory::LoadBalancers => "Load balancers",
            CostCategory::Engineering => "Engineering",
            CostCategory::OnCall => "On-call",
        }
    }
}

impl MonthlyCost {
    /// The amount of one category, USD.
    pub fn get(&self, category: CostCategory) -> f64 {
        match category {
            CostCategory::ControlPlane => self.control_plane,
            CostCategory::Workers => self.workers,
            CostCategory::Storage => self.storage,
            CostCategory::LoadBalancers => self.load_balancers,
            CostCategory::Engineering => self.engineering,
            CostCategory::OnCall => self.on_call,
        }
    }
}

impl OptionName {
    /// Both options, EKS first (the order of every table and chart).
    pub const ALL: [OptionName; 2] = [OptionName::Eks, OptionName::SelfHosted];

    /// The JSON key, e.g. `self_hosted`.
    pub fn key(self) -> &'static str {
        match self {
            OptionName::Eks => "eks",
            OptionName::SelfHosted => "self_hosted",
        }
    }

    /// The label people read: `EKS` or `Self-hosted`.
    pub fn label(self) -> &'static str {
        match self {
            OptionName::Eks => "EKS",
            OptionName::SelfHosted => "Self-hosted",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn category_keys_are_the_json_members_of_monthly() {
        let monthly = MonthlyCost {
            control_plane: 1.0,
            workers: 2.0,
            storage: 3.0,
            load_balancers: 4.0,
            engineering: 5.0,
            on_call: 6.0,
            total: 21.0,
        };
        let json = serde_json::to_value(monthly).expect("serializes");
        for category in CostCategory::ALL {
            assert_eq!(json[category.key()], monthly.get(category), "{category:?}");
        }
        let sum: f64 = CostCategory::ALL.iter().map(|&c| monthly.get(c)).sum();
        assert_eq!(sum, monthly.total);
    }

    #[test]
    fn option_keys_are_the_json_names() {
        for option in OptionName::ALL {
            let json = serde_json::to_value(option).expect("serializes");
            assert_eq!(json, option.key());
        }
    }
}
