//! The original message's path, hop by hop, from its Received headers.

use crate::hops::Hop;
use crate::{catalogue, Lang};
use yew::prelude::*;

/// Props of [`HopTable`].
#[derive(PartialEq, Properties)]
pub struct HopTableProps {
    /// The interface language.
    pub lang: Lang,
    /// The hops, oldest first.
    pub hops: Vec<Hop>,
}

/// A table with one row per hop; long delays are marked in words.
#[component]
pub fn HopTable(props: &HopTableProps) -> Html {
    let ui = catalogue::ui(props.lang);
    let dash = || "—".to_owned();
    html! {
        <section class="ndr-hops" aria-labelledby="ndr-hops-heading">
            <h3 id="ndr-hops-heading">{ ui.hops_heading }</h3>
            <div class="ndr-table-scroll" tabindex="0" role="region" aria-labelledby="ndr-hops-heading">
                <table data-testid="hops">
                    <caption>{ ui.hops_caption }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ ui.hop_number }</th>
                            <th scope="col">{ ui.hop_from }</th>
                            <th scope="col">{ ui.hop_by }</th>
                            <th scope="col">{ ui.hop_with }</th>
                            <th scope="col">{ ui.hop_time }</th>
                            <th scope="col">{ ui.hop_delay }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for props.hops.iter().enumerate().map(|(i, hop)| html! {
                            <tr class={ classes!(hop.is_long().then_some("ndr-long")) }>
                                <td>{ i + 1 }</td>
                                <td>{ hop.from.clone().unwrap_or_else(dash) }</td>
                                <td>{ hop.by.clone().unwrap_or_else(dash) }</td>
                                <td>{ hop.with.clone().unwrap_or_else(dash) }</td>
                                <td>{ hop.time.clone().unwrap_or_else(dash) }</td>
                                <td>
                                    { hop.delay.map(duration).unwrap_or_else(dash) }
                                    if hop.is_long() {
                                        <strong class="ndr-long-label" data-testid="long-delay">{ " " }{ ui.hop_long }</strong>
                                    }
                                </td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
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
