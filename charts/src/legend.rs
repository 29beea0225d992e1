//! A legend drawn beside a chart (not over it), for charts with many series.

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::svg::{Drawn, text};

/// How a legend entry is drawn.
#[derive(Clone, Copy)]
pub enum Mark {
    /// A filled square (bars, stacks).
    Square,
    /// A solid line.
    Line,
    /// A dashed line.
    Dashed,
}

/// Draws `entries` top-down in `area`, one per row.
pub fn legend(
    area: &DrawingArea<SVGBackend, Shift>,
    entries: &[(String, RGBColor, Mark)],
) -> Drawn {
    for (i, (label, color, mark)) in entries.iter().enumerate() {
        let y = 40 + 22 * i as i32;
        match mark {
            Mark::Square => {
                area.draw(&Rectangle::new([(6, y - 6), (18, y + 6)], color.filled()))?
            }
            Mark::Line => area.draw(&PathElement::new(
                vec![(2, y), (22, y)],
                color.stroke_width(3),
            ))?,
            Mark::Dashed => {
                for x in [2, 10, 18] {
                    area.draw(&PathElement::new(
                        vec![(x, y), (x + 5, y)],
                        color.stroke_width(3),
                    ))?;
                }
            }
        }
        area.draw(&Text::new(label.clone(), (28, y - 7), text(12)))?;
    }
    Ok(())
}

/// `text` cut to `max` characters with an ellipsis, so long names fit.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}
