//! A small picture of the mail path that marks where the message was refused.

use crate::catalogue::{self, Stage};
use crate::Lang;
use yew::prelude::*;

/// Sender → on-premises server or device → connector → Exchange Online →
/// recipient, as an ordered list drawn as boxes and arrows; the stage that
/// refused the message (`refused_at`) is marked in words, not by colour alone.
pub fn mail_path(lang: Lang, refused_at: Stage) -> Html {
    let ui = catalogue::ui(lang);
    let stops = [
        (None, ui.stage_sender),
        (None, ui.stage_server),
        (Some(Stage::Connector), ui.stage_connector),
        (Some(Stage::ExchangeOnline), ui.stage_exchange),
        (Some(Stage::Recipient), ui.stage_recipient),
    ];
    let refused = stops
        .iter()
        .find(|(stage, _)| *stage == Some(refused_at))
        .map_or("", |(_, name)| name);
    let path: Vec<&str> = stops.iter().map(|(_, name)| *name).collect();
    let summary = ui.path_summary(&path.join(" → "), refused);
    html! {
        <figure class="ndr-path" data-testid="mail-path">
            <figcaption>{ ui.path_heading }</figcaption>
            <ol aria-label={ summary }>
                { for stops.iter().map(|&(stage, name)| {
                    // Literal classes, not `classes!` (see `components`).
                    if stage == Some(refused_at) {
                        html! {
                            <li class="ndr-stop ndr-refused" data-testid="refused-stage">
                                <span>{ name }</span>
                                <strong class="ndr-refused-label">{ "✕ " }{ ui.refused_here }</strong>
                            </li>
                        }
                    } else {
                        html! { <li class="ndr-stop"><span>{ name }</span></li> }
                    }
                }) }
            </ol>
        </figure>
    }
}
