//! Both options as lines over the months of the horizon: the shape the cumulative
//! cost and the capacity charts share.

use clusterplan_model::OptionName;
use plotters::prelude::*;

use crate::legend::{Entry, Mark, legend, legend_height};
use crate::style::{GRID, LABEL, PLOT_HEIGHT, TITLE, WIDTH, both_options, option_color};
use crate::svg::{self, text};

/// What a month-lines chart shows.
pub(crate) struct MonthLines<'a> {
    /// The caption drawn above the plot.
    pub caption: &'a str,
    /// What the chart shows, for its accessible name ("… of EKS and Self-hosted").
    pub description: &'a str,
    /// The y axis' description.
    pub y_desc: &'a str,
    /// How a y value reads on the axis.
    pub y_label: &'a dyn Fn(&f64) -> String,
    /// Room for the y labels, in drawing units.
    pub y_label_width: u32,
    /// The top of the y axis.
    pub top: f64,
    /// The right end of the x axis, in months.
    pub months: f64,
    /// Each option's points `(month, value)`.
    pub lines: Vec<(OptionName, Vec<(f64, f64)>)>,
}

/// Draws the lines with a month axis and the options' legend below.
pub(crate) fn month_lines(chart: MonthLines) -> String {
    let entries: Vec<Entry> = chart
        .lines
        .iter()
        .map(|(o, _)| (o.label().to_owned(), option_color(*o), Mark::Line))
        .collect();
    let size = (WIDTH, PLOT_HEIGHT + legend_height(&entries, WIDTH));
    let title = format!("{} of {}, by month", chart.description, both_options());
    svg::draw(size, &title, |root| {
        let (plot, below) = root.split_vertically(PLOT_HEIGHT);
        let mut plotted = ChartBuilder::on(&plot)
            .caption(chart.caption, text(TITLE))
            .margin(14)
            .x_label_area_size(56)
            .y_label_area_size(chart.y_label_width)
            .build_cartesian_2d(0f64..chart.months, 0f64..chart.top)?;
        plotted
            .configure_mesh()
            .light_line_style(TRANSPARENT)
            .bold_line_style(GRID)
            .x_labels(chart.months.min(6.0) as usize + 1)
            .y_labels(6)
            .x_label_formatter(&|v| format!("{v:.0}"))
            .y_label_formatter(chart.y_label)
            .x_desc("Month")
            .y_desc(chart.y_desc)
            .label_style(text(LABEL))
            .axis_desc_style(text(LABEL))
            .draw()?;
        for (option, points) in &chart.lines {
            plotted.draw_series(LineSeries::new(
                points.iter().copied(),
                option_color(*option).stroke_width(3),
            ))?;
        }
        legend(&below, &entries)
    })
}
