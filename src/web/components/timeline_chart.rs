//! The bounces hour by hour: an inline SVG bar chart, a block per code in
//! the code's colour, its legend, and the same in words as the chart's
//! title for screen readers (`incident::chart`). One path per colour and
//! one text element per word keep the markup small however many hours.

use crate::catalogue;
use crate::incident::chart::{self, Key, BASE, COLOURS, HEIGHT};
use crate::incident::Summary;
use crate::Lang;
use yew::prelude::*;

/// The colours' names (`data-c`, coloured by `static/style.css`). An
/// attribute, not a class: a class that is not written literally costs the
/// wasm Yew's class-set machinery (see `components`).
const COLOUR: [&str; COLOURS] = ["0", "1", "2", "3", "4", "5"];

/// The chart of `summary`'s dated bounces, nothing when none is dated.
pub fn timeline_chart(lang: Lang, summary: &Summary) -> Html {
    let Some(chart) = chart::chart(summary) else {
        return Html::default();
    };
    let ui = catalogue::ui(lang);
    let (width, height, base) = (
        chart.width.to_string(),
        HEIGHT.to_string(),
        BASE.to_string(),
    );
    let view_box = ["0 0 ", &width, " ", &height].concat();
    let legend = |key: &Key| {
        let name = if key.others {
            ui.chart_others.to_owned()
        } else {
            chart::code_name(ui, key.status)
        };
        html! { <li><span data-c={ COLOUR[key.colour] }></span>{ name }</li> }
    };
    html! {
        <figure class="ndr-chart" data-testid="chart">
            <figcaption id="ndr-chart-heading">{ ui.chart_heading }</figcaption>
            <div class="ndr-table-scroll" tabindex="0" role="region" aria-labelledby="ndr-chart-heading">
                <svg role="img" aria-labelledby="ndr-chart-alt" width={ width.clone() } height={ height } viewBox={ view_box }>
                    <title id="ndr-chart-alt" data-testid="chart-alt">{ chart::describe(summary, lang) }</title>
                    <line x1="0" x2={ width } y1={ base.clone() } y2={ base } />
                    { for chart.paths().into_iter().map(|(colour, d)| html! { <path data-c={ COLOUR[colour] } {d} /> }) }
                    { for chart.labels().into_iter().map(|l| html! {
                        <text x={ l.x.to_string() } y={ l.y.to_string() }
                            text-anchor={ if l.middle { "middle" } else { "start" } }>{ l.text }</text>
                    }) }
                </svg>
            </div>
            <ul class="ndr-legend" aria-label={ ui.chart_legend } data-testid="legend">
                { for chart.legend.iter().map(legend) }
            </ul>
        </figure>
    }
}
