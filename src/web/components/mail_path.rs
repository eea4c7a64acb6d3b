//! A small picture of the mail path that marks where the message was refused.

use crate::catalogue::{self, Stage};
use crate::Lang;
use yew::prelude::*;

/// Props of [`MailPath`].
#[derive(PartialEq, Properties)]
pub struct MailPathProps {
    /// The interface language.
    pub lang: Lang,
    /// Where the message was refused.
    pub stage: Stage,
}

/// Sender → on-premises server or device → connector → Exchange Online →
/// recipient, as an ordered list drawn as boxes and arrows; the stage that
/// refused the message is marked in words, not by colour alone.
#[component]
pub fn MailPath(props: &MailPathProps) -> Html {
    let ui = catalogue::ui(props.lang);
    let stops = [
        (None, ui.stage_sender),
        (None, ui.stage_server),
        (Some(Stage::Connector), ui.stage_connector),
        (Some(Stage::ExchangeOnline), ui.stage_exchange),
        (Some(Stage::Recipient), ui.stage_recipient),
    ];
    let refused = stops
        .iter()
        .find(|(stage, _)| *stage == Some(props.stage))
        .map_or("", |(_, name)| name);
    let path: Vec<&str> = stops.iter().map(|(_, name)| *name).collect();
    let summary = ui
        .path_summary
        .replace("{path}", &path.join(" → "))
        .replace("{stage}", refused);
    html! {
        <figure class="ndr-path" data-testid="mail-path">
            <figcaption>{ ui.path_heading }</figcaption>
            <ol aria-label={ summary }>
                { for stops.iter().map(|(stage, name)| {
                    let here = *stage == Some(props.stage);
                    html! {
                        <li class={ classes!("ndr-stop", here.then_some("ndr-refused")) }
                            data-testid={ here.then_some("refused-stage") }>
                            <span>{ *name }</span>
                            if here {
                                <strong class="ndr-refused-label">{ "✕ " }{ ui.refused_here }</strong>
                            }
                        </li>
                    }
                }) }
            </ol>
        </figure>
    }
}
