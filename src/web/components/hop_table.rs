//! The original message's path, hop by hop, from its Received headers.

use crate::catalogue::{self, Ui};
use crate::hops::Hop;
use crate::Lang;
use yew::prelude::*;

/// A table with one row per hop (`hops` oldest first); long delays are
/// marked in words.
pub fn hop_table(lang: Lang, hops: &[Hop]) -> Html {
    let ui = catalogue::ui(lang);
    let headings = [
        ui.hop_number,
        ui.hop_from,
        ui.hop_by,
        ui.hop_with,
        ui.hop_time,
        ui.hop_delay,
    ];
    html! {
        <section class="ndr-hops" aria-labelledby="ndr-hops-heading">
            <h3 id="ndr-hops-heading">{ ui.hops_heading }</h3>
            <div class="ndr-table-scroll" tabindex="0" role="region" aria-labelledby="ndr-hops-heading">
                <table data-testid="hops">
                    <caption>{ ui.hops_caption }</caption>
                    <thead>
                        <tr>{ for headings.into_iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr>
                    </thead>
                    <tbody>
                        { for hops.iter().enumerate().map(|(i, hop)| row(ui, i + 1, hop)) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// The row of hop `number`. A long delay is marked in words as well as by
/// the row's colour (a literal class, not `classes!`: see `components`).
fn row(ui: &Ui, number: usize, hop: &Hop) -> Html {
    let cells = html! {
        <>
            <td>{ number }</td>
            { cell(hop.from.as_deref()) }{ cell(hop.by.as_deref()) }
            { cell(hop.with.as_deref()) }{ cell(hop.time.as_deref()) }
        </>
    };
    let delay = hop.delay.map_or_else(|| DASH.to_owned(), duration);
    if hop.is_long() {
        html! {
            <tr class="ndr-long">
                { cells }
                <td>
                    { delay }
                    <strong class="ndr-long-label" data-testid="long-delay">{ " " }{ ui.hop_long }</strong>
                </td>
            </tr>
        }
    } else {
        html! { <tr>{ cells }<td>{ delay }</td></tr> }
    }
}

/// What an unknown value shows.
const DASH: &str = "—";

/// A cell with the text, or a dash when it is unknown.
fn cell(text: Option<&str>) -> Html {
    html! { <td>{ text.unwrap_or(DASH) }</td> }
}

/// Seconds as "45 s", "12 min 5 s" or "3 h 20 min".
fn duration(seconds: i64) -> String {
    let sign = if seconds < 0 { "−" } else { "" };
    let s = seconds.unsigned_abs();
    match s {
        0..=59 => format!("{sign}{s} s"),
        60..=3599 => format!("{sign}{} min {} s", s / 60, s % 60),
        _ => format!("{sign}{} h {} min", s / 3600, s % 3600 / 60),
    }
}
