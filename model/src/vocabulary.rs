//! The domain's words, each defined once: the monthly cost categories and the two
//! options, with the keys machines read and the labels people read. Pages, charts,
//! CSV and the API all take them from here.

use crate::output::{HorizonTotals, MonthlyCost, OptionName, OptionResult, Options};

/// One category of the monthly cost (a member of `monthly` in a result).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CostCategory {
    /// The EKS fee, or the self-hosted control-plane nodes.
    ControlPlane,
    /// Worker nodes.
    Workers,
    /// The EKS Auto Mode fee.
    NodeManagement,
    /// EBS volumes and etcd backups.
    Storage,
    /// API server load balancers (self-hosted).
    LoadBalancers,
    /// Operations hours at the engineering rate.
    Engineering,
    /// On-call stipends.
    OnCall,
    /// Extra costs: support contracts, licences, tooling.
    LineItems,
}

impl CostCategory {
    /// Every category in the order of `monthly` in §4 of the spec.
    pub const ALL: [CostCategory; 8] = [
        CostCategory::ControlPlane,
        CostCategory::Workers,
        CostCategory::NodeManagement,
        CostCategory::Storage,
        CostCategory::LoadBalancers,
        CostCategory::Engineering,
        CostCategory::OnCall,
        CostCategory::LineItems,
    ];

    /// Position in [`CostCategory::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The JSON member name, e.g. `control_plane`.
    pub fn key(self) -> &'static str {
        match self {
            CostCategory::ControlPlane => "control_plane",
            CostCategory::Workers => "workers",
            CostCategory::NodeManagement => "node_management",
            CostCategory::Storage => "storage",
            CostCategory::LoadBalancers => "load_balancers",
            CostCategory::Engineering => "engineering",
            CostCategory::OnCall => "on_call",
            CostCategory::LineItems => "line_items",
        }
    }

    /// The label people read, e.g. `Control plane`.
    pub fn label(self) -> &'static str {
        match self {
            CostCategory::ControlPlane => "Control plane",
            CostCategory::Workers => "Workers",
            CostCategory::NodeManagement => "Node management",
            CostCategory::Storage => "Storage",
            CostCategory::LoadBalancers => "Load balancers",
            CostCategory::Engineering => "Engineering",
            CostCategory::OnCall => "On-call",
            CostCategory::LineItems => "Line items",
        }
    }
}

impl MonthlyCost {
    /// The amount of one category, USD.
    pub fn get(&self, category: CostCategory) -> f64 {
        match category {
            CostCategory::ControlPlane => self.control_plane,
            CostCategory::Workers => self.workers,
            CostCategory::NodeManagement => self.node_management,
            CostCategory::Storage => self.storage,
            CostCategory::LoadBalancers => self.load_balancers,
            CostCategory::Engineering => self.engineering,
            CostCategory::OnCall => self.on_call,
            CostCategory::LineItems => self.line_items,
        }
    }

    /// The monthly cost with each category's amount from `amount`, and `total`.
    pub fn from_categories(amount: impl Fn(CostCategory) -> f64, total: f64) -> Self {
        Self {
            control_plane: amount(CostCategory::ControlPlane),
            workers: amount(CostCategory::Workers),
            node_management: amount(CostCategory::NodeManagement),
            storage: amount(CostCategory::Storage),
            load_balancers: amount(CostCategory::LoadBalancers),
            engineering: amount(CostCategory::Engineering),
            on_call: amount(CostCategory::OnCall),
            line_items: amount(CostCategory::LineItems),
            total,
        }
    }
}

impl Options {
    /// The figures both options have, of one option.
    pub fn get(&self, option: OptionName) -> &OptionResult {
        match option {
            OptionName::Eks => &self.eks.common,
            OptionName::SelfHosted => &self.self_hosted.common,
        }
    }
}

impl HorizonTotals {
    /// The horizon total of one option.
    pub fn get(&self, option: OptionName) -> f64 {
        match option {
            OptionName::Eks => self.eks,
            OptionName::SelfHosted => self.self_hosted,
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
        let monthly = MonthlyCost::from_categories(|c| (c.index() + 1) as f64, 36.0);
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
