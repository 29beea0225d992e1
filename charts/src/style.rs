//! Shared look: sizes, fonts, the two options' colours, category colours, and
//! money on axes.
//!
//! # Why these sizes
//!
//! The SVGs carry only a `viewBox`, so the browser scales them to their box.
//! Text is only as readable as `font-size × display width ÷ WIDTH`. The page
//! (`public/style.css`) shows a chart between about 340 px wide (364 px on a
//! 390 px phone after page padding and border; 334 px on a 360 px one) and at
//! most `36rem` = 576 px (the CSS caps it; wider would only blow the text up).
//! So the charts are drawn for that range: [`WIDTH`] is close to the largest
//! display width, and the smallest text, [`LABEL`], is chosen so that it is
//! still at least 11 px at `MIN_DISPLAY`: 18 × 340 ÷ 540 ≈ 11.3 px (12.1 px
//! on a 390 px phone), 17–19 px on a desktop. Layouts are made for that text:
//! few ticks, legends below the plot instead of beside it, tornado labels above
//! their bars.

use clusterplan_model::OptionName;
use plotters::style::RGBColor;

/// Chart width in SVG user units (the SVG scales to its container).
pub const WIDTH: u32 = 540;
/// Height of a chart's plot part, caption and axes included; legends add rows.
pub const PLOT_HEIGHT: u32 = 380;
/// The narrowest width, in CSS pixels, a chart is shown at (390 px phone).
const MIN_DISPLAY: f64 = 340.0;
/// The least font size on screen the charts are made for, in CSS pixels.
const MIN_SCREEN_FONT: f64 = 11.0;
/// Font size (SVG user units) of chart titles.
pub const TITLE: f64 = 20.0;
/// Font size (SVG user units) of every other text: ticks, axis names, legends.
pub const LABEL: f64 = 18.0;
/// Font family for all text: the page's own system fonts, nothing to download.
pub const FONT: &str = "sans-serif";

// The sizes above keep every text readable at the narrowest display.
const _: () = assert!(LABEL * MIN_DISPLAY / WIDTH as f64 >= MIN_SCREEN_FONT);
const _: () = assert!(TITLE >= LABEL);

/// EKS: blue. Self-hosted: orange. Both have 4.5:1 contrast on white.
pub const EKS: RGBColor = RGBColor(29, 78, 216);
/// See [`EKS`].
pub const SELF_HOSTED: RGBColor = RGBColor(194, 65, 12);
/// Axis and text colour.
pub const INK: RGBColor = RGBColor(17, 24, 39);
/// Grid lines.
pub const GRID: RGBColor = RGBColor(229, 231, 235);

/// Colours for the monthly cost categories, by position in
/// `CostCategory::ALL` (bottom of the stack first); repeats if there are more
/// categories than colours. Each has at least 3:1 contrast on white, what WCAG
/// 1.4.11 asks of graphics (the amber, `#CA8A04`, had 2.94:1).
const CATEGORY_COLORS: [RGBColor; 10] = [
    RGBColor(30, 64, 175),
    RGBColor(14, 116, 144),
    RGBColor(101, 163, 13),
    RGBColor(190, 125, 0),
    RGBColor(190, 24, 93),
    RGBColor(109, 40, 217),
    RGBColor(71, 85, 105),
    RGBColor(194, 65, 12),
    RGBColor(21, 128, 61),
    RGBColor(161, 98, 7),
];

/// The colour of the `index`-th category of `CostCategory::ALL`.
pub fn category_color(index: usize) -> RGBColor {
    CATEGORY_COLORS[index % CATEGORY_COLORS.len()]
}

/// The colour of an option's lines and bars.
pub fn option_color(option: OptionName) -> RGBColor {
    match option {
        OptionName::Eks => EKS,
        OptionName::SelfHosted => SELF_HOSTED,
    }
}

/// "EKS and Self-hosted", from the options' labels (for accessible names).
pub fn both_options() -> String {
    let labels: Vec<&str> = OptionName::ALL.iter().map(|o| o.label()).collect();
    labels.join(" and ")
}

pub use clusterplan_model::money_short;

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

    /// WCAG's contrast ratio of `color` on white.
    fn contrast_on_white(RGBColor(r, g, b): RGBColor) -> f64 {
        let channel = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.039_28 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        let luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
        1.05 / (luminance + 0.05)
    }

    #[test]
    fn every_colour_stands_out_from_white() {
        for color in CATEGORY_COLORS.into_iter().chain([EKS, SELF_HOSTED, INK]) {
            let ratio = contrast_on_white(color);
            assert!(ratio >= 3.0, "{color:?}: {ratio:.2}:1");
        }
        for color in [EKS, SELF_HOSTED] {
            assert!(contrast_on_white(color) >= 4.5, "{color:?}");
        }
    }

    #[test]
    fn axes_have_room_and_a_span() {
        assert_eq!(headroom(0.0), 1.0);
        assert_eq!(headroom(f64::NAN), 1.0);
    }
}
