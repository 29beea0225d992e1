//! Warnings: risks the numbers alone do not show, each with a stable code.

use crate::money::Eval;
use crate::output::{OptionName, Warning, WarningCode};
use crate::team::TeamLoad;

/// SRE guidance: at most a quarter of an engineer's time on call.
const MAX_ON_CALL_SHARE_PCT: f64 = 25.0;
/// More than two incidents per 12-hour shift leave no time to follow up on any.
const MAX_INCIDENTS_PER_SHIFT: f64 = 2.0;

fn warn(code: WarningCode, option: OptionName, message: String) -> Warning {
    Warning {
        code,
        option,
        message,
    }
}

/// `value`, which is over `limit`, rounded to as few decimals as show it over:
/// "50.3" rather than a "50" over a 50% budget (at most three decimals).
fn shown_over(value: f64, limit: f64) -> String {
    (0..3)
        .map(|decimals| format!("{value:.decimals$}"))
        .find(|shown| shown.parse::<f64>().is_ok_and(|shown| shown > limit))
        .unwrap_or_else(|| format!("{value:.3}"))
}

fn team_warnings(option: OptionName, load: &TeamLoad, budget_pct: f64, out: &mut Vec<Warning>) {
    if load.on_call_share_pct > MAX_ON_CALL_SHARE_PCT {
        out.push(warn(
            WarningCode::OnCallOverload,
            option,
            format!(
                "Each engineer would be on call {}% of weeks; SRE guidance is at most 25%. \
                 Grow the rotation or reduce the on-call slots.",
                shown_over(load.on_call_share_pct, MAX_ON_CALL_SHARE_PCT)
            ),
        ));
    }
    if load.incidents_per_shift > MAX_INCIDENTS_PER_SHIFT {
        out.push(warn(
            WarningCode::IncidentOverload,
            option,
            format!(
                "{} incidents per 12-hour shift; more than 2 leaves no time to follow up on them.",
                shown_over(load.incidents_per_shift, MAX_INCIDENTS_PER_SHIFT)
            ),
        ));
    }
    if !load.fits_team {
        out.push(warn(
            WarningCode::OverOpsBudget,
            option,
            format!(
                "Operations take {}% of the team's time, over the {budget_pct}% budget; \
                 {} engineers would keep them within it.",
                shown_over(load.ops_share_pct, budget_pct),
                load.engineers_needed
            ),
        ));
    }
}

/// Every warning, EKS's first, each option's in the spec's order.
pub(crate) fn warnings(
    eval: &Eval,
    eks: &TeamLoad,
    self_hosted: &TeamLoad,
    ops_budget_pct: f64,
    control_plane_nodes: u32,
) -> Vec<Warning> {
    let mut out = Vec::new();
    let c = &eval.cadence;
    team_warnings(OptionName::Eks, eks, ops_budget_pct, &mut out);
    if c.ext_share > 0.0 {
        out.push(warn(
            WarningCode::ExtendedSupport,
            OptionName::Eks,
            format!(
                "At this upgrade cadence clusters spend {:.0}% of the time in EKS extended \
                 support, at the extended control-plane price.",
                100.0 * c.ext_share
            ),
        ));
    }
    if c.forced_upgrade {
        out.push(warn(
            WarningCode::ForcedUpgrade,
            OptionName::Eks,
            "Versions outlive EKS extended support: AWS would upgrade the clusters on its own \
             schedule. Upgrade more often."
                .to_owned(),
        ));
    }
    team_warnings(
        OptionName::SelfHosted,
        self_hosted,
        ops_budget_pct,
        &mut out,
    );
    if c.unsupported_share > 0.0 {
        out.push(warn(
            WarningCode::UnsupportedVersions,
            OptionName::SelfHosted,
            format!(
                "At this upgrade cadence clusters run a version upstream no longer patches \
                 {:.0}% of the time.",
                100.0 * c.unsupported_share
            ),
        ));
    }
    if control_plane_nodes == 1 {
        out.push(warn(
            WarningCode::SingleControlPlane,
            OptionName::SelfHosted,
            "One control-plane node: losing it stops the API server and etcd (no high \
             availability)."
                .to_owned(),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::shown_over;

    #[test]
    fn a_figure_over_its_limit_never_reads_as_the_limit() {
        assert_eq!(shown_over(50.29, 50.0), "50.3");
        assert_eq!(shown_over(50.004, 50.0), "50.004");
        assert_eq!(shown_over(73.6, 50.0), "74");
        assert_eq!(shown_over(2.04, 2.0), "2.04");
    }
}
