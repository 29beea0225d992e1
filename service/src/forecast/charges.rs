//! What each forecast charge is in FOCUS terms: who invoices it, its service with
//! FOCUS's service category and subcategory, and how often it recurs.

use clusterplan_model::resolved::Compute;
use clusterplan_model::{CostCategory, OptionName};

/// The FOCUS labels of one kind of charge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Charge {
    /// `InvoiceIssuerName`, `ProviderName` and `PublisherName`.
    pub issuer: &'static str,
    /// `ServiceName`.
    pub service: &'static str,
    /// `ServiceCategory`.
    pub category: &'static str,
    /// `ServiceSubcategory`: FOCUS allows one per service name.
    pub subcategory: &'static str,
    /// `ChargeFrequency`.
    pub frequency: &'static str,
}

const AWS: &str = "Amazon Web Services";
const INTERNAL: &str = "Internal";
/// Billed as the resources are used (hours, GiB-months, people's hours).
const USAGE_BASED: &str = "Usage-Based";
/// Paid every period whatever is used.
const RECURRING: &str = "Recurring";
const ONE_TIME: &str = "One-Time";

const fn charge(
    issuer: &'static str,
    service: &'static str,
    [category, subcategory]: [&'static str; 2],
    frequency: &'static str,
) -> Charge {
    Charge {
        issuer,
        service,
        category,
        subcategory,
        frequency,
    }
}

const OTHER: [&str; 2] = ["Other", "Other (Other)"];
const EKS: Charge = charge(
    AWS,
    "Amazon Elastic Kubernetes Service",
    ["Compute", "Containers"],
    USAGE_BASED,
);
const EC2: Charge = charge(
    AWS,
    "Amazon Elastic Compute Cloud",
    ["Compute", "Virtual Machines"],
    USAGE_BASED,
);
/// Pods billed by vCPU and memory, no servers to run: FOCUS's "Serverless
/// Compute". AWS's bill files Fargate under the `AmazonECS` product even for EKS
/// pods; the forecast names the service people chose.
const FARGATE: Charge = charge(
    AWS,
    "AWS Fargate",
    ["Compute", "Serverless Compute"],
    USAGE_BASED,
);
const EBS: Charge = charge(
    AWS,
    "Amazon Elastic Block Store",
    ["Storage", "Block Storage"],
    USAGE_BASED,
);
const ELB: Charge = charge(
    AWS,
    "Elastic Load Balancing",
    ["Networking", "Application Networking"],
    USAGE_BASED,
);
/// Hours of upgrades, routine work and incidents: they follow the clusters run.
const ENGINEERING: Charge = charge(INTERNAL, "Platform engineering", OTHER, USAGE_BASED);
/// A weekly stipend per slot, paid whether or not anyone is paged.
const ON_CALL: Charge = charge(INTERNAL, "On-call", OTHER, RECURRING);
/// Contract fees per month, cluster or node.
const LINE_ITEMS: Charge = charge("Various", "Line items", OTHER, RECURRING);
/// Setup work and the line items' one-off amounts, at the start month.
pub(super) const ONE_OFF: Charge = charge(INTERNAL, "One-off costs", OTHER, ONE_TIME);

/// The charge of a monthly category that is not split per pool.
pub(super) fn monthly(option: OptionName, category: CostCategory) -> Charge {
    match (option, category) {
        (OptionName::Eks, CostCategory::ControlPlane | CostCategory::NodeManagement) => EKS,
        (_, CostCategory::ControlPlane | CostCategory::Workers | CostCategory::NodeManagement) => {
            EC2
        }
        (_, CostCategory::Storage) => EBS,
        (_, CostCategory::LoadBalancers) => ELB,
        (_, CostCategory::Engineering) => ENGINEERING,
        (_, CostCategory::OnCall) => ON_CALL,
        (_, CostCategory::LineItems) => LINE_ITEMS,
    }
}

/// The charge of one pool's workers: Fargate on EKS for a Fargate pool; nodes
/// (EC2) otherwise, a Fargate pool's self-hosted side included.
pub(super) fn workers(option: OptionName, compute: Compute) -> Charge {
    match (option, compute) {
        (OptionName::Eks, Compute::Fargate) => FARGATE,
        _ => EC2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// FOCUS 1.2's subcategories of the service categories used here. The
    /// validator checks allowed values over a whole file (one allowed row passes
    /// the column), so this list is what holds every row to them.
    const FOCUS_SUBCATEGORIES: [(&str, &[&str]); 4] = [
        (
            "Compute",
            &[
                "Containers",
                "End User Computing",
                "Quantum Compute",
                "Serverless Compute",
                "Virtual Machines",
                "Other (Compute)",
            ],
        ),
        (
            "Storage",
            &[
                "Backup Storage",
                "Block Storage",
                "File Storage",
                "Object Storage",
                "Storage Platforms",
                "Other (Storage)",
            ],
        ),
        (
            "Networking",
            &[
                "Application Networking",
                "Content Delivery",
                "Network Connectivity",
                "Network Infrastructure",
                "Network Routing",
                "Network Security",
                "Other (Networking)",
            ],
        ),
        ("Other", &["Other (Other)"]),
    ];

    fn every_charge() -> Vec<Charge> {
        let mut all = vec![ONE_OFF];
        for option in OptionName::ALL {
            all.extend(CostCategory::ALL.map(|c| monthly(option, c)));
            all.extend([Compute::Ec2, Compute::Fargate].map(|c| workers(option, c)));
        }
        all
    }

    #[test]
    fn every_label_is_one_focus_allows() {
        let frequencies = [USAGE_BASED, RECURRING, ONE_TIME];
        assert_eq!(frequencies, ["Usage-Based", "Recurring", "One-Time"]);
        for charge in every_charge() {
            let allowed = FOCUS_SUBCATEGORIES
                .iter()
                .find(|(category, _)| *category == charge.category)
                .map(|(_, subcategories)| *subcategories);
            assert!(
                allowed.is_some_and(|s| s.contains(&charge.subcategory)),
                "{charge:?}"
            );
            assert!(frequencies.contains(&charge.frequency), "{charge:?}");
        }
    }

    #[test]
    fn each_service_has_one_category_and_subcategory() {
        let all = every_charge();
        for a in &all {
            for b in all.iter().filter(|b| b.service == a.service) {
                assert_eq!(
                    (a.category, a.subcategory, a.issuer, a.frequency),
                    (b.category, b.subcategory, b.issuer, b.frequency),
                    "{}",
                    a.service
                );
            }
        }
    }

    #[test]
    fn fargate_is_its_own_service_on_eks_only() {
        let fargate = workers(OptionName::Eks, Compute::Fargate);
        assert_eq!(
            (fargate.service, fargate.subcategory),
            ("AWS Fargate", "Serverless Compute")
        );
        let self_hosted = workers(OptionName::SelfHosted, Compute::Fargate);
        assert_eq!(
            self_hosted, EC2,
            "self-hosted runs a Fargate pool's pods on nodes"
        );
        assert_eq!(workers(OptionName::Eks, Compute::Ec2), EC2);
    }
}
