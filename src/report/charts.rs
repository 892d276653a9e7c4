//! The report's charts, drawn with plotters' SVG backend from the aggregate tables (never
//! from the quotes, so their size does not grow with the corpus): stance by affiliation
//! as dot-and-whisker panels, mean tone by period per affiliation, and the most quoted
//! speakers. Each function returns one `<svg>` element; plotters escapes the labels.

use super::data::{AffiliationRow, SpeakerRow, TimelineRow};
use anyhow::{anyhow, Result};
use plotters::coord::ranged1d::SegmentValue;
use plotters::prelude::*;

/// Width of a full-width chart, in pixels (the page scales it down on narrow screens).
const WIDE: u32 = 960;
const FONT: &str = "sans-serif";
const INK: RGBColor = RGBColor(51, 51, 51);
const GRID: RGBColor = RGBColor(225, 225, 225);
const ZERO: RGBColor = RGBColor(150, 150, 150);
const NEGATIVE: RGBColor = RGBColor(192, 57, 43);
const POSITIVE: RGBColor = RGBColor(39, 110, 176);
const NEUTRAL: RGBColor = RGBColor(165, 165, 165);
const BARS: RGBColor = RGBColor(214, 222, 232);
/// One color per dimension: tone, conflict, certainty.
const DIMENSION_COLORS: [RGBColor; 3] = [
    RGBColor(39, 110, 176),
    RGBColor(192, 57, 43),
    RGBColor(118, 68, 138),
];
const DIMENSION_TITLES: [&str; 3] = [
    "Tone (− negative … + positive)",
    "Conflict (− cooperative … + hostile)",
    "Certainty (− hedged … + assertive)",
];

/// The color of a tone score: grey at 0, red towards -1, blue towards +1 (saturated from
/// ±0.3 on, as most means are small).
pub fn tone_color(tone: f64) -> RGBColor {
    let target = if tone < 0.0 { NEGATIVE } else { POSITIVE };
    let s = (tone.abs() / 0.3).min(1.0);
    let mix = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * s).round() as u8;
    RGBColor(
        mix(NEUTRAL.0, target.0),
        mix(NEUTRAL.1, target.1),
        mix(NEUTRAL.2, target.2),
    )
}

/// `label` cut to `max` characters, with an ellipsis when cut.
fn short(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        label.to_string()
    } else {
        let mut s: String = label.chars().take(max - 1).collect();
        s.push('…');
        s
    }
}

/// An axis tick with its sign and `decimals` decimals (`+0.5`, `-0.25`; zero as `0`,
/// which a float axis may reach as `-0.0000001`).
fn tick(v: f64, decimals: usize) -> String {
    if v.abs() < 1e-9 {
        "0".to_string()
    } else {
        format!("{v:+.decimals$}")
    }
}

/// A symmetric axis limit covering `values`: the largest magnitude rounded up to a step
/// of `step`, at least `step`, at most 1 (every score lies in -1..1).
fn symmetric_limit(values: impl Iterator<Item = f64>, step: f64) -> f64 {
    let max = values.fold(0.0_f64, |m, v| m.max(v.abs()));
    ((max / step).ceil() * step).clamp(step, 1.0)
}

/// Draws into an SVG string of `size` pixels with `draw`.
fn svg(
    size: (u32, u32),
    draw: impl FnOnce(&DrawingArea<SVGBackend<'_>, plotters::coord::Shift>) -> Result<()>,
) -> Result<String> {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
        root.fill(&WHITE)
            .map_err(|e| anyhow!("cannot draw a chart: {e}"))?;
        draw(&root)?;
        root.present()
            .map_err(|e| anyhow!("cannot draw a chart: {e}"))?;
    }
    Ok(out)
}

fn drawing<E: std::fmt::Display>(e: E) -> anyhow::Error {
    anyhow!("cannot draw a chart: {e}")
}

/// A category axis of `n` slots `0..n`. plotters' segmented range `0..k` has `k + 1`
/// slots but none for `0..0`, so a single category gets two slots (the second empty).
fn slots(
    n: usize,
) -> plotters::coord::ranged1d::SegmentedCoord<plotters::coord::types::RangedCoordi32> {
    (0..(n as i32 - 1).max(1)).into_segmented()
}

/// Position of row `i` of `n` on a segmented y axis, the first row at the top.
fn row_at(i: usize, n: usize) -> i32 {
    (n - 1 - i) as i32
}

/// Tone, conflict and certainty by affiliation: a dot at the mean and a whisker over the
/// 95% interval, one panel per dimension on one shared scale, `rows` top to bottom.
pub fn stance_by_affiliation(rows: &[&AffiliationRow]) -> Result<String> {
    let n = rows.len().max(1);
    let labels: Vec<String> = rows
        .iter()
        .map(|r| format!("{} ({})", short(&r.affiliation, 28), r.quotes))
        .collect();
    let label_width = labels
        .iter()
        .map(|l| l.chars().count() as u32 * 7 + 16)
        .max()
        .unwrap_or(60)
        .clamp(60, 240);
    let limit = symmetric_limit(
        rows.iter()
            .flat_map(|r| r.stance.iter().flat_map(|e| [e.low, e.high, e.mean])),
        0.1,
    );
    let panel = (WIDE - label_width) / 3;
    let height = 70 + 24 * n as u32;
    svg((WIDE, height), |root| {
        let (first, rest) = root.split_horizontally(label_width + panel);
        let (second, third) = rest.split_horizontally(panel);
        for (d, area) in [first, second, third].iter().enumerate() {
            let mut chart = ChartBuilder::on(area)
                .caption(DIMENSION_TITLES[d], (FONT, 14).into_font().color(&INK))
                .margin_left(if d == 0 { 0 } else { 14 })
                .margin_right(14)
                .x_label_area_size(28)
                .y_label_area_size(if d == 0 { label_width } else { 0 })
                .build_cartesian_2d(-limit..limit, slots(n))
                .map_err(drawing)?;
            let names = &labels;
            chart
                .configure_mesh()
                .light_line_style(WHITE)
                .bold_line_style(GRID)
                .axis_style(ZERO)
                .x_labels(5)
                .y_labels(n)
                .label_style((FONT, 12).into_font().color(&INK))
                .x_label_formatter(&|v| tick(*v, 1))
                .y_label_formatter(&|v| match v {
                    SegmentValue::CenterOf(p) => {
                        let i = n as i32 - 1 - p;
                        names.get(i as usize).cloned().unwrap_or_default()
                    }
                    _ => String::new(),
                })
                .draw()
                .map_err(drawing)?;
            chart
                .draw_series(std::iter::once(PathElement::new(
                    vec![(0.0, SegmentValue::Exact(0)), (0.0, SegmentValue::Last)],
                    ZERO.stroke_width(1),
                )))
                .map_err(drawing)?;
            let color = DIMENSION_COLORS[d];
            chart
                .draw_series(rows.iter().enumerate().map(|(i, r)| {
                    let e = r.stance[d];
                    ErrorBar::new_horizontal(
                        SegmentValue::CenterOf(row_at(i, n)),
                        e.low,
                        e.mean,
                        e.high,
                        color.filled().stroke_width(2),
                        9,
                    )
                }))
                .map_err(drawing)?;
        }
        Ok(())
    })
}

/// Mean tone by period for one affiliation (line and dots), over quote counts per period
/// (grey bars, right axis). `periods` is the shared x axis of all panels; `tone_limit`
/// and `max_quotes` the shared y scales, so panels compare at a glance.
pub fn timeline_panel(
    affiliation: &str,
    quotes: u64,
    rows: &[&TimelineRow],
    periods: &[String],
    tone_limit: f64,
    max_quotes: u64,
) -> Result<String> {
    let p = periods.len().max(1) as i32;
    let position = |period: &str| periods.iter().position(|x| x == period);
    svg((470, 230), |root| {
        let mut chart = ChartBuilder::on(root)
            .caption(
                format!(
                    "{} ({quotes} {})",
                    short(affiliation, 40),
                    if quotes == 1 { "quote" } else { "quotes" }
                ),
                (FONT, 14).into_font().color(&INK),
            )
            .margin(6)
            .x_label_area_size(26)
            .y_label_area_size(40)
            .right_y_label_area_size(34)
            .build_cartesian_2d(slots(p as usize), -tone_limit..tone_limit)
            .map_err(drawing)?
            .set_secondary_coord(
                slots(p as usize),
                // Headroom above the tallest bar.
                0..(max_quotes.max(1) * 6).div_ceil(5),
            );
        let every = (periods.len() / 6).max(1);
        chart
            .configure_mesh()
            .light_line_style(WHITE)
            .bold_line_style(GRID)
            .axis_style(ZERO)
            .x_labels(periods.len().min(60))
            .y_labels(5)
            .label_style((FONT, 11).into_font().color(&INK))
            .x_label_formatter(&|v| match v {
                SegmentValue::CenterOf(i) if *i as usize % every == 0 => {
                    periods.get(*i as usize).cloned().unwrap_or_default()
                }
                _ => String::new(),
            })
            .y_label_formatter(&|v| tick(*v, 2))
            .y_desc("mean tone")
            .draw()
            .map_err(drawing)?;
        chart
            .configure_secondary_axes()
            .axis_style(ZERO)
            .y_labels(4)
            .label_style((FONT, 11).into_font().color(&INK))
            .draw()
            .map_err(drawing)?;
        chart
            .draw_secondary_series(rows.iter().filter_map(|r| {
                let i = position(&r.period)? as i32;
                let mut bar = Rectangle::new(
                    [
                        (SegmentValue::Exact(i), 0),
                        (SegmentValue::Exact(i + 1), r.quotes),
                    ],
                    BARS.filled(),
                );
                bar.set_margin(0, 0, 3, 3);
                Some(bar)
            }))
            .map_err(drawing)?;
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(SegmentValue::Exact(0), 0.0), (SegmentValue::Last, 0.0)],
                ZERO.stroke_width(1),
            )))
            .map_err(drawing)?;
        let points: Vec<(SegmentValue<i32>, f64)> = rows
            .iter()
            .filter_map(|r| {
                Some((
                    SegmentValue::CenterOf(position(&r.period)? as i32),
                    r.means[0],
                ))
            })
            .collect();
        chart
            .draw_series(LineSeries::new(points.clone(), POSITIVE.stroke_width(2)))
            .map_err(drawing)?;
        chart
            .draw_series(
                points
                    .into_iter()
                    .map(|(x, t)| Circle::new((x, t), 4, tone_color(t).filled())),
            )
            .map_err(drawing)?;
        Ok(())
    })
}

/// The most quoted speakers as horizontal bars of their quote counts, each bar colored by
/// the speaker's mean tone and labeled with it, `rows` top to bottom.
pub fn top_speakers(rows: &[&SpeakerRow]) -> Result<String> {
    let n = rows.len().max(1);
    let labels: Vec<String> = rows.iter().map(|r| short(&r.speaker, 32)).collect();
    let label_width = labels
        .iter()
        .map(|l| l.chars().count() as u32 * 7 + 16)
        .max()
        .unwrap_or(60)
        .clamp(60, 260);
    let max = rows.iter().map(|r| r.quotes).max().unwrap_or(1).max(1);
    // Room right of the longest bar for its label.
    let x_max = max as f64 * 1.2;
    let height = 50 + 24 * n as u32;
    svg((WIDE, height), |root| {
        let mut chart = ChartBuilder::on(root)
            .margin_right(16)
            .x_label_area_size(28)
            .y_label_area_size(label_width)
            .build_cartesian_2d(0.0..x_max, slots(n))
            .map_err(drawing)?;
        let names = &labels;
        chart
            .configure_mesh()
            .light_line_style(WHITE)
            .bold_line_style(GRID)
            .axis_style(ZERO)
            .disable_y_mesh()
            .x_labels(6)
            .y_labels(n)
            .label_style((FONT, 12).into_font().color(&INK))
            .x_label_formatter(&|v| {
                if v.fract() == 0.0 && *v <= max as f64 {
                    format!("{v:.0}")
                } else {
                    String::new()
                }
            })
            .y_label_formatter(&|v| match v {
                SegmentValue::CenterOf(p) => {
                    let i = n as i32 - 1 - p;
                    names.get(i as usize).cloned().unwrap_or_default()
                }
                _ => String::new(),
            })
            .x_desc("quotes")
            .draw()
            .map_err(drawing)?;
        let tone = |r: &SpeakerRow| r.means.map_or(0.0, |m| m[0]);
        chart
            .draw_series(rows.iter().enumerate().map(|(i, r)| {
                let y = row_at(i, n);
                let mut bar = Rectangle::new(
                    [
                        (0.0, SegmentValue::Exact(y)),
                        (r.quotes as f64, SegmentValue::Exact(y + 1)),
                    ],
                    tone_color(tone(r)).filled(),
                );
                bar.set_margin(4, 4, 0, 0);
                bar
            }))
            .map_err(drawing)?;
        chart
            .draw_series(rows.iter().enumerate().map(|(i, r)| {
                let label = match r.means {
                    Some(m) => format!("{} · tone {:+.2}", r.quotes, m[0]),
                    None => r.quotes.to_string(),
                };
                Text::new(
                    label,
                    (
                        r.quotes as f64 + max as f64 * 0.01,
                        SegmentValue::CenterOf(row_at(i, n)),
                    ),
                    (FONT, 11)
                        .into_font()
                        .color(&INK)
                        .pos(plotters::style::text_anchor::Pos::new(
                            plotters::style::text_anchor::HPos::Left,
                            plotters::style::text_anchor::VPos::Center,
                        )),
                )
            }))
            .map_err(drawing)?;
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tone_colors_run_from_red_through_grey_to_blue() {
        assert_eq!(tone_color(0.0), NEUTRAL);
        assert_eq!(tone_color(-0.9), NEGATIVE);
        assert_eq!(tone_color(0.5), POSITIVE);
    }

    #[test]
    fn axis_limits_cover_the_values_in_steps() {
        assert_eq!(symmetric_limit([0.31, -0.12].into_iter(), 0.1), 0.4);
        assert_eq!(symmetric_limit(std::iter::empty(), 0.25), 0.25);
        assert_eq!(symmetric_limit([3.0].into_iter(), 0.25), 1.0);
    }

    #[test]
    fn ticks_have_a_sign_except_zero() {
        assert_eq!(tick(-1e-12, 2), "0");
        assert_eq!(tick(0.5, 1), "+0.5");
        assert_eq!(tick(-0.25, 2), "-0.25");
    }

    #[test]
    fn labels_are_cut_with_an_ellipsis() {
        assert_eq!(short("Ministry of Foreign Affairs", 10), "Ministry …");
        assert_eq!(short("China", 10), "China");
    }
}
