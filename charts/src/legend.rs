//! A legend drawn in rows below a chart (not beside or over it), so it takes no
//! width from the plot on a phone and any number of entries fits.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::style::LABEL;
use crate::svg::{Drawn, text, text_width};

/// How a legend entry is drawn.
#[derive(Clone, Copy)]
pub enum Mark {
    /// A filled square (bars, stacks).
    Square,
    /// A solid line.
    Line,
    /// A dashed line.
    Dashed,
    /// No mark: a note such as `1 = Plan A`.
    Text,
}

/// One legend entry: label, colour and mark.
pub type Entry = (String, RGBColor, Mark);

/// Height of one legend row, SVG user units.
const ROW: i32 = 28;
/// Space for the mark before the label.
const MARK: i32 = 30;
/// Space between entries in a row.
const GAP: i32 = 20;
/// Left and right padding.
const PAD: i32 = 14;

/// Where each entry goes in an area `width` wide: `(x, row)`.
fn layout(entries: &[Entry], width: u32) -> Vec<(i32, i32)> {
    let right = width as i32 - PAD;
    let (mut x, mut row) = (PAD, 0);
    entries
        .iter()
        .map(|(label, _, mark)| {
            let mark = if matches!(mark, Mark::Text) { 0 } else { MARK };
            let w = mark + text_width(label, LABEL).ceil() as i32;
            if x > PAD && x + w > right {
                x = PAD;
                row += 1;
            }
            let at = (x, row);
            x += w + GAP;
            at
        })
        .collect()
}

/// The height the legend of `entries` needs in an area `width` wide.
pub fn legend_height(entries: &[Entry], width: u32) -> u32 {
    let rows = layout(entries, width)
        .last()
        .map_or(0, |&(_, row)| row as u32 + 1);
    if rows == 0 { 0 } else { rows * ROW as u32 + 8 }
}

/// Draws `entries` left to right, wrapping into rows, in `area`.
pub fn legend(area: &DrawingArea<SVGBackend, Shift>, entries: &[Entry]) -> Drawn {
    let style = text(LABEL).pos(Pos::new(HPos::Left, VPos::Center));
    let places = layout(entries, area.dim_in_pixel().0);
    for ((label, color, mark), (x, row)) in entries.iter().zip(places) {
        let y = 4 + row * ROW + ROW / 2;
        let label_x = match mark {
            Mark::Square => {
                area.draw(&Rectangle::new(
                    [(x + 2, y - 7), (x + 16, y + 7)],
                    color.filled(),
                ))?;
                x + MARK
            }
            Mark::Line => {
                area.draw(&PathElement::new(
                    vec![(x, y), (x + 22, y)],
                    color.stroke_width(3),
                ))?;
                x + MARK
            }
            Mark::Dashed => {
                for dx in [0, 9, 18] {
                    area.draw(&PathElement::new(
                        vec![(x + dx, y), (x + dx + 5, y)],
                        color.stroke_width(3),
                    ))?;
                }
                x + MARK
            }
            Mark::Text => x,
        };
        area.draw(&Text::new(label.clone(), (label_x, y), style.clone()))?;
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

/// `text` broken at spaces into lines of at most `max` characters (a word
/// longer than that is cut with an ellipsis), so long labels are never cut off.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let word = shorten(word, max);
        let len = line.chars().count();
        if len > 0 && len + 1 + word.chars().count() > max {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_labels_wrap_at_spaces() {
        assert_eq!(wrap("a bb ccc", 4), ["a bb", "ccc"]);
        assert_eq!(wrap("short", 40), ["short"]);
        assert_eq!(wrap("", 10), [""]);
        assert_eq!(wrap("abcdefgh ij", 5), ["abcd…", "ij"]);
    }

    #[test]
    fn legends_wrap_into_rows() {
        let entry = |s: &str| (s.to_owned(), RGBColor(0, 0, 0), Mark::Square);
        let one = [entry("EKS")];
        assert_eq!(legend_height(&one, 540), ROW as u32 + 8);
        let many: Vec<Entry> = (0..10).map(|_| entry("Load balancers")).collect();
        assert!(legend_height(&many, 540) >= 4 * ROW as u32);
        assert_eq!(legend_height(&[], 540), 0);
    }
}
