//! The catalogue's explanation of a code: what it means and who it affects.

use crate::catalogue::{self, Entry};
use crate::{Lang, StatusCode};
use yew::prelude::*;

/// Props of [`Explanation`].
#[derive(PartialEq, Properties)]
pub struct ExplanationProps {
    /// The interface language.
    pub lang: Lang,
    /// The catalogue entry.
    pub entry: &'static Entry,
    /// The code as found (an entry may cover a range).
    pub code: Option<StatusCode>,
}

/// Title, meaning, scope, what happened, why, whether waiting helps, source.
#[component]
pub fn Explanation(props: &ExplanationProps) -> Html {
    let lang = props.lang;
    let ui = catalogue::ui(lang);
    let entry = props.entry;
    let texts = entry.texts(lang);
    html! {
        <div class="ndr-explanation">
            <h2 id="ndr-help-heading" data-testid="title">{ texts.title }</h2>
            <p data-testid="explanation" class="ndr-meaning">{ texts.meaning }</p>
            <p class="ndr-scope" data-testid="scope">{ crate::report::scope_line(entry.scope, lang) }</p>
            <h3>{ ui.what_happened_heading }</h3>
            <p>{ texts.what_happened }</p>
            <h3>{ ui.why_heading }</h3>
            <p>{ texts.why }</p>
            <h3>{ ui.affected_heading }</h3>
            <p>{ texts.affected }</p>
            <h3>{ ui.waiting_heading }</h3>
            <p>{ texts.waiting }</p>
            <p class="ndr-source" data-testid="source">
                { ui.source_prefix }{ ": " }
                <a href={ texts.source_url } target="_blank" rel="noopener noreferrer">{ texts.source_title }</a>
                { format!(" ({} {})", ui.checked_prefix, entry.checked) }
            </p>
        </div>
    }
}
