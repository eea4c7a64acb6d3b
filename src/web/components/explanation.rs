//! The catalogue's explanation of a code.

use crate::catalogue::{self, Entry};
use crate::{Bounce, Lang, StatusCode};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Explanation`].
#[derive(PartialEq, Properties)]
pub struct ExplanationProps {
    /// The interface language.
    pub lang: Lang,
    /// The code to explain.
    pub code: StatusCode,
    /// The diagnosis, to fill the templates.
    pub bounce: Rc<Bounce>,
}

/// The entry for the code, or RFC 3463's general meaning when there is none.
#[component]
pub fn Explanation(props: &ExplanationProps) -> Html {
    let lang = props.lang;
    let ui = catalogue::ui(lang);
    let Some(entry) = catalogue::lookup(props.code) else {
        let (class, subject) = catalogue::general_meaning(props.code, lang);
        return html! {
            <div class="ndr-explanation" data-testid="explanation">
                <p>{ ui.general_prefix }</p>
                <ul>
                    <li><strong>{ class.title }</strong>{ " — " }{ class.meaning }</li>
                    <li><strong>{ subject.title }</strong>{ " — " }{ subject.meaning }</li>
                </ul>
            </div>
        };
    };
    let texts = entry.texts(lang);
    html! {
        <div class="ndr-explanation">
            <h3 data-testid="title">{ texts.title }</h3>
            <p data-testid="explanation" class="ndr-meaning">{ texts.meaning }</p>
            <p class="ndr-scope" data-testid="scope">{ scope_line(entry, lang) }</p>
            <h4>{ ui.what_happened_heading }</h4>
            <p>{ texts.what_happened }</p>
            <h4>{ ui.why_heading }</h4>
            <p>{ texts.why }</p>
            <h4>{ ui.waiting_heading }</h4>
            <p>{ texts.waiting }</p>
            <h4>{ ui.sender_heading }</h4>
            <ul>{ for texts.sender_steps.iter().map(|s| html! { <li>{ *s }</li> }) }</ul>
            <p class="ndr-source">
                { ui.source_prefix }{ ": " }
                <a href={ texts.source_url } target="_blank" rel="noopener noreferrer">{ texts.source_title }</a>
                { format!(" ({} {})", ui.checked_prefix, entry.checked) }
            </p>
        </div>
    }
}

fn scope_line(entry: &Entry, lang: Lang) -> &'static str {
    crate::report::scope_line(entry.scope, lang)
}
