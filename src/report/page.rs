//! The page itself: `template.html` rendered by minijinja (which HTML-escapes every value
//! it is given), with the stylesheet, the script, the SVG charts and the JSON blobs
//! inserted as they are — the charts escaped by plotters, the blobs by
//! [`super::payload::script_json`].

use super::charts;
use super::data::Tables;
use super::model;
use super::payload;
use super::texts::DocText;
use anyhow::{Context, Result};
use minijinja::syntax::SyntaxConfig;
use minijinja::value::Serde;
use minijinja::{context, Environment, UndefinedBehavior};

const TEMPLATE: &str = include_str!("template.html");
const STYLE: &str = include_str!("report.css");
const SCRIPT: &str = include_str!("report.js");

/// Renders the page for `tables`, with `texts` for the document view; `texts_given` says
/// whether `--input` was given (without it the page says how to add the texts).
pub fn render(tables: &Tables, texts: &[DocText], texts_given: bool) -> Result<String> {
    let affiliations = model::by_quotes(tables);
    let charted = &affiliations[..affiliations.len().min(model::STANCE_AFFILIATIONS)];
    let stance_chart = if charted.is_empty() {
        String::new()
    } else {
        charts::stance_by_affiliation(charted)?
    };

    let timeline = model::timeline(tables, &affiliations);
    let shown: Vec<_> = timeline
        .panels
        .iter()
        .filter(|(_, rows)| !rows.is_empty())
        .collect();
    let tone_limit = shown
        .iter()
        .flat_map(|(_, rows)| rows.iter().map(|r| r.means[0].abs()))
        .fold(0.0_f64, f64::max);
    let tone_limit = ((tone_limit / 0.25).ceil() * 0.25).clamp(0.25, 1.0);
    let max_quotes = shown
        .iter()
        .flat_map(|(_, rows)| rows.iter().map(|r| r.quotes))
        .max()
        .unwrap_or(1);
    let timeline_panels = shown
        .iter()
        .map(|(a, rows)| {
            charts::timeline_panel(
                &a.affiliation,
                a.quotes,
                rows,
                &timeline.periods,
                tone_limit,
                max_quotes,
            )
        })
        .collect::<Result<Vec<String>>>()?;

    let speakers = model::speakers_by_quotes(tables);
    let top = &speakers[..speakers.len().min(model::CHART_SPEAKERS)];
    let speakers_chart = if top.is_empty() {
        String::new()
    } else {
        charts::top_speakers(top)?
    };

    let texts_json = if texts.iter().any(|t| matches!(t, DocText::Text(_))) {
        payload::texts_json(texts)?
    } else {
        String::new()
    };

    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_syntax(
        SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .build()
            .context("the report template syntax")?,
    );
    env.add_template("report.html", TEMPLATE)
        .context("the report template does not parse")?;
    let template = env
        .get_template("report.html")
        .context("the report template is missing")?;
    template
        .render(context! {
            version => env!("CARGO_PKG_VERSION"),
            style => STYLE,
            script => SCRIPT,
            summary => Serde(model::Summary::of(tables, texts)),
            texts_given => texts_given,
            stance_chart => stance_chart,
            affiliations_shown => charted.len(),
            affiliation_lines => Serde(model::affiliation_lines(&affiliations)),
            timeline_panels => timeline_panels,
            timeline_lines => Serde(timeline.lines()),
            timeline_undated => timeline.undated,
            speakers_chart => speakers_chart,
            speaker_lines => Serde(model::speaker_lines(&speakers)),
            crosstab => Serde(model::crosstab(tables, &affiliations)),
            data_json => payload::data_json(tables, texts)?,
            texts_json => texts_json,
        })
        .context("cannot render the report")
}
