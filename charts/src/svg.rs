//! Drawing into an SVG string, and the finishing touches plotters does not do:
//! a scalable viewBox and an accessible name (and, via `lighten`, fewer bytes).

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::style::{FONT, INK, LABEL};

/// Result of drawing; plotters' error types differ by backend, so box them.
pub type Drawn = Result<(), Box<dyn std::error::Error>>;

/// Draws with `draw` on a white `size` canvas and returns the finished SVG. A
/// drawing error gives a small SVG that says so instead of a broken page.
pub fn draw(
    size: (u32, u32),
    label: &str,
    draw: impl FnOnce(&DrawingArea<SVGBackend, Shift>) -> Drawn,
) -> String {
    let mut buf = String::new();
    let outcome = {
        let root = SVGBackend::with_string(&mut buf, size).into_drawing_area();
        root.fill(&WHITE)
            .map_err(|e| -> Box<dyn std::error::Error> { Box::new(e) })
            .and_then(|()| draw(&root))
            .and_then(|()| {
                root.present()
                    .map_err(|e| -> Box<dyn std::error::Error> { Box::new(e) })
            })
    };
    match outcome {
        Ok(()) => finish(&crate::lighten::lighten(&buf), size, label),
        Err(_) => unavailable(size, label),
    }
}

/// Text style in the chart font, `size` SVG user units high (the SVG's
/// `font-size`; plotters' SVG backend writes its font size ÷ 1.24).
pub fn text(size: f64) -> TextStyle<'static> {
    (FONT, size * PLOTTERS_SVG_FONT_SCALE)
        .into_font()
        .color(&INK)
}

/// plotters' SVG backend writes `font-size` as the style's size ÷ 1.24.
const PLOTTERS_SVG_FONT_SCALE: f64 = 1.24;

/// A rough width of `text` at font size `size` (SVG user units) in a sans-serif
/// font: an average glyph is about 0.55 em; a little more to be safe.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * 0.58
}

/// Replaces the fixed `width`/`height` with a `viewBox` so the chart scales to its
/// container (390 px phones included), and names it for screen readers.
fn finish(svg: &str, (w, h): (u32, u32), label: &str) -> String {
    let Some(start) = svg.find("<svg") else {
        return svg.to_owned();
    };
    let Some(end) = svg[start..].find('>').map(|i| start + i) else {
        return svg.to_owned();
    };
    let label = escape(label);
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" role=\"img\" \
         aria-label=\"{label}\" font-family=\"{FONT}\"><title>{label}</title>{}",
        &svg[end + 1..]
    )
}

fn unavailable((w, h): (u32, u32), label: &str) -> String {
    let label = escape(label);
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" role=\"img\" \
         aria-label=\"{label}\"><title>{label}</title><text x=\"20\" y=\"40\" \
         font-size=\"{LABEL}\">\
         This chart could not be drawn.</text></svg>"
    )
}

/// XML-escapes text for element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finished_svg_scales_and_is_named() {
        let svg = draw((100, 50), "A <b> & \"c\"", |_| Ok(()));
        assert!(
            svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 50\"")
        );
        assert!(svg.contains("<title>A &lt;b&gt; &amp; &quot;c&quot;</title>"));
        assert!(svg.trim_end().ends_with("</svg>"));
    }
}
