//! Lighter SVG than plotters writes, drawing for drawing the same picture.
//!
//! plotters' SVG backend writes one element per line, every element with its
//! full style (`opacity="1"`, the font family, stroke and fill) in double
//! quotes. Pages embed the charts inline and again, escaped, in their hydration
//! data, so each byte counts about three times. This pass:
//! - drops attributes that repeat a default or the root's value (`opacity="1"`,
//!   the chart font);
//! - puts text content on its element's line (SVG trims that whitespace anyway);
//! - wraps runs of elements that share their inheritable style (stroke, fill,
//!   font size, anchor) in one `<g>` that carries it;
//! - quotes attributes with `'`, which JSON and the page's script strings
//!   carry without escaping.

use crate::style::FONT;

/// Presentation attributes a `<g>` passes on to its children.
const INHERITED: [&str; 5] = ["fill", "stroke", "stroke-width", "font-size", "text-anchor"];

/// One drawn element: its tag name, attributes and the rest of its line (`/>`,
/// or `>content</text>`).
#[derive(Debug)]
struct Element {
    name: String,
    attributes: Vec<(String, String)>,
    rest: String,
}

impl Element {
    /// The values of the inheritable attributes, the key its run is grouped by.
    fn style(&self) -> Vec<(&str, &str)> {
        self.attributes
            .iter()
            .filter(|(name, _)| INHERITED.contains(&name.as_str()))
            .map(|(name, value)| (name.as_str(), value.as_str()))
            .collect()
    }
}

/// `svg` (plotters' output, root element included) made lighter.
pub fn lighten(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len() / 2);
    let mut lines = svg.lines().peekable();
    let mut run: Vec<Element> = Vec::new();
    while let Some(line) = lines.next() {
        let mut line = line.trim().to_owned();
        // Text content sits on the lines between `<text …>` and `</text>`.
        if line.starts_with("<text") && line.ends_with('>') && !line.ends_with("/>") {
            for next in lines.by_ref() {
                line.push_str(next.trim());
                if next.trim() == "</text>" {
                    break;
                }
            }
        }
        match parse(&line) {
            Some(element) => {
                if run
                    .first()
                    .is_some_and(|first| first.style() != element.style())
                {
                    flush(&mut out, &mut run);
                }
                run.push(element);
            }
            None => {
                flush(&mut out, &mut run);
                out.push_str(&line);
            }
        }
    }
    flush(&mut out, &mut run);
    out
}

/// Parses one of plotters' drawing elements (not the root, not a closing tag);
/// `None` leaves the line as it is.
fn parse(line: &str) -> Option<Element> {
    let body = line.strip_prefix('<')?;
    let name_end = body.find(|c: char| c.is_whitespace())?;
    let name = &body[..name_end];
    if !matches!(
        name,
        "line" | "polyline" | "polygon" | "rect" | "circle" | "text" | "path"
    ) {
        return None;
    }
    let mut attributes = Vec::new();
    let mut rest = body[name_end..].trim_start();
    while let Some(eq) = rest.find("=\"") {
        let key = rest[..eq].trim();
        if key.is_empty() || key.contains(['>', '<', '/']) {
            break;
        }
        let value_start = eq + 2;
        let value_end = value_start + rest[value_start..].find('"')?;
        attributes.push((key, &rest[value_start..value_end]));
        rest = rest[value_end + 1..].trim_start();
    }
    if !(rest.starts_with("/>") || rest.starts_with('>')) {
        return None;
    }
    attributes.retain(|&(key, value)| {
        !(key == "opacity" && value == "1" || key == "font-family" && value == FONT)
    });
    Some(Element {
        name: name.to_owned(),
        attributes: attributes
            .into_iter()
            .map(|(key, value)| (key.to_owned(), value.to_owned()))
            .collect(),
        rest: rest.to_owned(),
    })
}

/// Writes `run`: a lone element as it is, several inside a `<g>` with their
/// shared style.
fn flush(out: &mut String, run: &mut Vec<Element>) {
    let grouped = run.len() > 1 && !run[0].style().is_empty();
    if grouped {
        out.push_str("<g");
        push_attributes(out, &run[0].style());
        out.push('>');
    }
    for element in run.drain(..) {
        out.push('<');
        out.push_str(&element.name);
        let own: Vec<_> = element
            .attributes
            .iter()
            .filter(|(name, _)| !grouped || !INHERITED.contains(&name.as_str()))
            .map(|(name, value)| (name.as_str(), value.as_str()))
            .collect();
        push_attributes(out, &own);
        out.push_str(&element.rest);
    }
    if grouped {
        out.push_str("</g>");
    }
}

fn push_attributes(out: &mut String, attributes: &[(&str, &str)]) {
    for (key, value) in attributes {
        let value = value.trim_end();
        // Values hold no `'` in plotters' output; keep `"` if one ever does.
        let quote = if value.contains('\'') { '"' } else { '\'' };
        out.push(' ');
        out.push_str(key);
        out.push('=');
        out.push(quote);
        out.push_str(value);
        out.push(quote);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_one_style_share_a_group_and_defaults_are_dropped() {
        let svg = "<svg width=\"10\" height=\"10\">\n\
            <line opacity=\"1\" stroke=\"#E5E7EB\" stroke-width=\"1\" x1=\"1\" y1=\"2\" x2=\"3\" y2=\"4\"/>\n\
            <line opacity=\"1\" stroke=\"#E5E7EB\" stroke-width=\"1\" x1=\"5\" y1=\"6\" x2=\"7\" y2=\"8\"/>\n\
            <text x=\"1\" y=\"2\" font-family=\"sans-serif\" font-size=\"18\" opacity=\"1\" fill=\"#111827\">\n\
            A &amp; B\n\
            </text>\n\
            <polyline fill=\"none\" opacity=\"0.5\" stroke=\"#000000\" points=\"1,2 3,4 \"/>\n\
            </svg>";
        assert_eq!(
            lighten(svg),
            "<svg width=\"10\" height=\"10\">\
             <g stroke='#E5E7EB' stroke-width='1'><line x1='1' y1='2' x2='3' y2='4'/>\
             <line x1='5' y1='6' x2='7' y2='8'/></g>\
             <text x='1' y='2' font-size='18' fill='#111827'>A &amp; B</text>\
             <polyline fill='none' opacity='0.5' stroke='#000000' points='1,2 3,4'/>\
             </svg>"
        );
    }

    #[test]
    fn lines_it_does_not_know_are_kept() {
        let svg = "<svg>\n<defs><clipPath id=\"c\"/></defs>\n</svg>";
        assert_eq!(lighten(svg), "<svg><defs><clipPath id=\"c\"/></defs></svg>");
    }
}
