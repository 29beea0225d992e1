//! Shared look: sizes, fonts, the two options' colours, category colours, and
//! money on axes.

use plotters::style::RGBColor;

/// Default chart size in SVG user units (the SVG scales to its container).
pub const SIZE: (u32, u32) = (720, 380);
/// Font family for all text: the page's own system fonts, nothing to download.
pub const FONT: &str = "sans-serif";

/// EKS: blue. Self-hosted: orange. Both have 4.5:1 contrast on white.
pub const EKS: RGBColor = RGBColor(29, 78, 216);
/// See [`EKS`].
pub const SELF_HOSTED: RGBColor = RGBColor(194, 65, 12);
/// Axis and text colour.
pub const INK: RGBColor = RGBColor(17, 24, 39);
/// Grid lines.
pub const GRID: RGBColor = RGBColor(229, 231, 235);

/// The monthly categories and their colours, bottom of the stack first.
pub const CATEGORIES: [(&str, RGBColor); 6] = [
    ("Control plane", RGBColor(30, 64, 175)),
    ("Workers", RGBColor(14, 116, 144)),
    ("Storage", RGBColor(101, 163, 13)),
    ("Load balancers", RGBColor(202, 138, 4)),
    ("Engineering", RGBColor(190, 24, 93)),
    ("On-call", RGBColor(109, 40, 217)),
];

pub use clusterplan_model::usd_short;

/// A segmented axis of `n` bands. plotters' segmented ranges include their end
/// value as a band of its own, so `n` bands need the range `0..n-1`.
pub fn segments(
    n: u32,
) -> plotters::coord::ranged1d::SegmentedCoord<plotters::coord::types::RangedCoordu32> {
    use plotters::coord::ranged1d::IntoSegmentedCoord;
    (0..n.saturating_sub(1)).into_segmented()
}

/// An axis maximum with room above the data; never zero (plotters needs a span).
pub fn headroom(max: f64) -> f64 {
    if max.is_finite() && max > 0.0 {
        max * 1.08
    } else {
        1.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axes_have_room_and_a_span() {
        assert_eq!(headroom(0.0), 1.0);
        assert_eq!(headroom(f64::NAN), 1.0);
    }
}
