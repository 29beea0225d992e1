//! Extra costs outside AWS's bill (support contracts, licences, tooling).

use serde::{Deserialize, Serialize};

/// Which option a line item costs money in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineItemOption {
    /// Only EKS.
    Eks,
    /// Only self-hosted.
    SelfHosted,
    /// Both options.
    Both,
}

/// What a line item's monthly amount is multiplied by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineItemPer {
    /// A flat amount per month.
    Month,
    /// Per cluster per month.
    Cluster,
    /// Per worker node per month.
    Node,
}

/// One extra cost, resolved (`inputs.line_items[n]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LineItem {
    /// What it is, e.g. "Support contract".
    pub name: String,
    /// The option it applies to.
    pub option: LineItemOption,
    /// What the monthly amount is multiplied by.
    pub per: LineItemPer,
    /// Amount per month (per cluster or node when `per` says so), USD.
    pub monthly_usd: f64,
    /// Flat amount at month 0, USD.
    pub one_off_usd: f64,
}

impl LineItem {
    /// Whether the item costs money in the option with this JSON key (`eks`, `self_hosted`).
    pub fn applies_to(&self, option: crate::OptionName) -> bool {
        matches!(
            (self.option, option),
            (LineItemOption::Both, _)
                | (LineItemOption::Eks, crate::OptionName::Eks)
                | (LineItemOption::SelfHosted, crate::OptionName::SelfHosted)
        )
    }

    /// The item's monthly cost in a month of `clusters` clusters with `nodes` worker
    /// nodes in all (0 where it does not apply).
    pub fn monthly_cost(&self, option: crate::OptionName, clusters: f64, nodes: f64) -> f64 {
        if !self.applies_to(option) {
            return 0.0;
        }
        self.monthly_usd
            * match self.per {
                LineItemPer::Month => 1.0,
                LineItemPer::Cluster => clusters,
                LineItemPer::Node => nodes,
            }
    }
}
