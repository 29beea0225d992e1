//! Upgrade cadence: how old the running version gets between campaigns, and so how
//! much of the time EKS bills extended support or upstream no longer patches it.

use crate::params::UpgradeParams;

/// Support status implied by the cadence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Cadence {
    /// Share of time EKS clusters run in (paid) extended support.
    pub ext_share: f64,
    /// The version outlives extended support, so AWS upgrades it on its own schedule.
    pub forced_upgrade: bool,
    /// Share of time self-hosted clusters run a version upstream no longer patches.
    pub unsupported_share: f64,
}

pub(crate) fn cadence(upgrades: &UpgradeParams) -> Cadence {
    // T: months between campaigns; I: months between releases. Right after a campaign
    // the version is a0 months old (half a release interval on average, plus the
    // versions deliberately skipped); just before the next one it is a0 + T.
    let t = 12.0 / upgrades.campaigns;
    let i = 12.0 / upgrades.releases;
    let a0 = i / 2.0 + upgrades.behind * i;
    let peak_age = a0 + t;
    Cadence {
        ext_share: share_past(peak_age, upgrades.eks_standard_months, t),
        forced_upgrade: peak_age > upgrades.eks_standard_months + upgrades.eks_extended_months,
        unsupported_share: share_past(peak_age, upgrades.upstream_months, t),
    }
}

/// `clamp((peak_age − limit) / T, 0, 1)`. A campaign rate in the valid range but
/// below ~1e-307 per year makes `T` overflow to infinity and the quotient NaN; the
/// formula's limit there is 1 (the version spends practically all its time past
/// `limit`), so that is the answer instead.
fn share_past(peak_age: f64, limit: f64, interval: f64) -> f64 {
    if interval.is_infinite() {
        return 1.0;
    }
    ((peak_age - limit) / interval).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::share_past;

    #[test]
    fn an_infinitely_slow_cadence_is_past_support_all_the_time() {
        let t: f64 = 12.0 / 5e-324;
        assert!(t.is_infinite());
        assert_eq!(share_past(6.0 + t, 14.0, t), 1.0);
        assert_eq!(share_past(12.0, 14.0, 6.0), 0.0);
        assert_eq!(share_past(17.0, 14.0, 6.0), 0.5);
    }
}
